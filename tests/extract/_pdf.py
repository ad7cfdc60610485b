"""Tiny hand-written PDFs for unit tests: a real file format, written byte by byte."""

from __future__ import annotations

from pathlib import Path


def write_pdf(path: Path, pages: list[str], *, extra_trailer: str = "", count: int | None = None,
              extra_objects: list[str] | None = None, page_resources: str = "",
              page_extra: str | list[str] = "", catalog_extra: str = "",
              fonts: str = "") -> Path:
    """``pages`` are content streams using font /F1 (Helvetica); returns ``path``.

    Objects are numbered 1 catalog, 2 page tree, 3 font, then page i (from 0) is object
    4 + 2i and its content 5 + 2i; ``extra_objects`` follow. ``page_extra`` is added to
    every page dictionary (or, as a list, to each page its own); ``catalog_extra`` to
    the catalog; ``fonts`` to the pages' font resources (``/F2 6 0 R``)."""
    objs: list[str] = []
    n_pages = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(f"<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages if count is None else count} >>")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, content in enumerate(pages):
        data = content.encode("latin-1")
        extra = page_extra[i] if isinstance(page_extra, list) else page_extra
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] {extra} "
                    f"/Resources << /Font << /F1 3 0 R {fonts} >> {page_resources} >> "
                    f"/Contents {5 + 2 * i} 0 R >>")
        objs.append(f"<< /Length {len(data)} >>\nstream\n{content}\nendstream")
    objs.extend(extra_objects or [])
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R {extra_trailer} >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    path.write_bytes(bytes(out))
    return path


def text_ops(lines: list[tuple[float, float, float, str]]) -> str:
    """Content stream drawing ``(x, y_from_top, size, text)`` lines in Helvetica."""
    ops = []
    for x, top, size, text in lines:
        esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 {size} Tf {x} {792 - top} Td ({esc}) Tj ET")
    return "\n".join(ops)


#: Courier's advance, in ems: with it a test places a raised callout right after its word.
COURIER_ADVANCE = 0.6


def courier_text(x: float, baseline: float, size: float, text: str, rise: float = 0.0) -> str:
    """A content-stream line of Courier (font /F2 of :func:`courier_pdf`) with its baseline
    ``baseline`` points from the page's top, raised by ``rise``."""
    esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT /F2 {size} Tf {x:.2f} {792 - baseline + rise:.2f} Td ({esc}) Tj ET"


def rule(x0: float, y0: float, x1: float, y1: float | None = None) -> str:
    """A stroked line from (x0, y0) to (x1, y1 or y0), y from the page's top."""
    return f"0.5 w {x0:.2f} {792 - y0:.2f} m {x1:.2f} {792 - (y0 if y1 is None else y1):.2f} l S"


def courier_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF of ``pages`` (lists of content-stream operations) with Courier as /F2."""
    courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    return write_pdf(path, ["\n".join(p) for p in pages], fonts=f"/F2 {4 + 2 * len(pages)} 0 R",
                     extra_objects=[courier])
