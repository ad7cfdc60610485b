"""The character layer: the only place that knows which PDF library reads the file.

Everything above works on :class:`Char` and :class:`PageChars`, plain objects with
explicit coordinates (points, pdfplumber's top-left origin), so a faster reader (PDFium)
can replace pdfplumber by implementing :class:`CharSource` without touching structure
code. Pages are yielded one at a time and released after use so that memory stays
bounded on very long documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Protocol


@dataclass(slots=True)
class Char:
    """One glyph as drawn. ``baseline`` is the baseline's distance from the page top;
    it groups CJK and Latin glyphs of one line whose boxes differ in height."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float
    colour: tuple[float, ...] | None = None
    upright: bool = True
    baseline: float = 0.0
    #: index in the content stream: drawing order is the best hint of reading order
    seq: int = 0


@dataclass(slots=True)
class Rule:
    """A drawn line or thin rectangle; footnote separators and table borders are rules."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= 2.5 and (self.x1 - self.x0) > 5


@dataclass(slots=True)
class PageTable:
    """A ruled table found by the reader (optional: readers may leave it empty)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str]]


@dataclass(slots=True)
class PageChars:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    images: int = 0
    #: boxes (x0, top, x1, bottom) of drawn shapes and images: what a figure is made of
    graphics: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: set when the page could not be read; the page then has no chars
    error: str | None = None


class CharSource(Protocol):
    """What structure code needs from a PDF reader."""

    path: str
    page_count: int
    title: str | None

    def pages(self) -> Iterator[PageChars]: ...

    def close(self) -> None: ...


def _colour(value: object) -> tuple[float, ...] | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return (float(value),)
    try:
        return tuple(float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None  # pattern colours and the like: treat as unknown, i.e. visible


class PdfplumberSource:
    """:class:`CharSource` over pdfplumber (pdfminer.six)."""

    def __init__(self, path: str | Path, *, tables: bool = True) -> None:
        import pdfplumber

        self.path = str(path)
        self._want_tables = tables
        self._pdf = pdfplumber.open(self.path)
        self.page_count = len(self._pdf.pages)
        title = None
        try:
            meta = self._pdf.metadata or {}
            t = meta.get("Title")
            if isinstance(t, bytes):
                t = t.decode("utf-8", "replace")
            title = t.strip() if isinstance(t, str) and t.strip() else None
        except Exception:  # metadata is decoration: never fail on it
            title = None
        self.title = title

    def pages(self) -> Iterator[PageChars]:
        for i in range(self.page_count):
            page = self._pdf.pages[i]
            try:
                yield self._read(page, i + 1)
            except Exception as exc:  # a damaged page must not cost the others
                yield PageChars(i + 1, float(page.width or 1), float(page.height or 1),
                                error=f"{type(exc).__name__}: {exc}")
            finally:
                try:
                    page.close()
                except Exception:
                    pass
                # pdfplumber keeps every Page in pdf.pages; drop our reference's caches
                self._pdf.pages[i].__dict__.pop("_objects", None)

    def _read(self, page, number: int) -> PageChars:  # noqa: ANN001 - pdfplumber Page
        height = float(page.height)
        # cropbox-relative coordinates: pdfplumber already offsets by the page bbox
        out = PageChars(number, float(page.width), height)
        chars = []
        append = chars.append
        colours: dict[object, tuple[float, ...] | None] = {}  # few distinct colours a page
        for seq, c in enumerate(page.chars):
            get = c.get
            m = get("matrix")
            upright = bool(get("upright", True))
            top = c["top"]
            if m is not None and upright:
                # both in PDF space, so the difference survives any cropbox offset
                baseline = top + (c["y1"] - m[5])
            else:
                baseline = c["bottom"]
            raw = get("non_stroking_color")
            try:
                colour = colours[raw]
            except KeyError:
                colour = colours[raw] = _colour(raw)
            except TypeError:  # unhashable (a list): convert each time
                colour = _colour(raw)
            append(Char(c["text"], c["x0"], top, c["x1"], c["bottom"], get("fontname", ""),
                        float(get("size", 0.0)), colour, upright, baseline, seq))
        out.chars = chars
        rules = [Rule(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.lines]
        for r in page.rects:
            if (r["bottom"] - r["top"]) <= 2.5 or (r["x1"] - r["x0"]) <= 2.5:
                rules.append(Rule(r["x0"], r["top"], r["x1"], r["bottom"]))
        out.rules = rules
        out.images = len(page.images)
        out.graphics = [(o["x0"], o["top"], o["x1"], o["bottom"])
                        for kind in (page.rects, page.curves, page.images) for o in kind
                        if (o["x1"] - o["x0"]) > 2.5 or (o["bottom"] - o["top"]) > 2.5][:2000]
        if self._want_tables and len(rules) >= 6 and chars:
            out.tables = self._tables(page)
        return out

    @staticmethod
    def _tables(page) -> list[PageTable]:  # noqa: ANN001
        found = []
        try:
            for t in page.find_tables():
                rows = [[(cell or "").replace("\n", "") for cell in row] for row in t.extract()]
                rows = [r for r in rows if any(c.strip() for c in r)]
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    x0, top, x1, bottom = t.bbox
                    found.append(PageTable(x0, top, x1, bottom, rows))
        except Exception:
            return []
        return found

    def close(self) -> None:
        self._pdf.close()
