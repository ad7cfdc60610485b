"""The one document model that every stage reads and writes.

Extraction fills a :class:`Document`; alignment reads two of them (or one bilingual one)
and writes an :class:`Alignment`; export reads both. Stages talk only through these
objects and their JSON form, which ``schemas/document.schema.json`` and
``schemas/alignment.schema.json`` describe: the schemas are the published contract, and
the tests check that what we write validates against them.

Coordinates follow pdfplumber (points, origin at the page's top-left, ``top`` growing
downwards) so that a box can be checked against ``page.crop(...)`` by anyone.
Pages are 1-based physical page numbers, never printed page labels.

Every unit has an id that is stable across runs and readable by a person citing it:
``zh.s06.c05.p1.s2`` is sentence 2 of paragraph 1 of clause 05 of section 06 of the
Chinese stream; :mod:`pariter.ids` builds them.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal, TypeVar, Union

from pariter.io import atomic_write_text, read_json_object

SCHEMA_VERSION = "1.0"
#: a document's format: 1.1 adds paragraphs' run-in labels (``label_end``) and sentences of
#: notes; 1.2 the paragraph role ``contents``; 1.3 the citation style ``gbt7714``; 1.4 the
#: citation styles ``humanities`` and ``author-date``; 1.5 the paragraph role ``code``; 1.6
#: markers' ``heading`` (a callout printed in a heading); an older file reads as before, and
#: a reader of an older version refuses a newer file by its version
DOCUMENT_SCHEMA_VERSION = "1.6"

LinkLevel = Literal["section", "clause", "paragraph", "sentence", "footnote"]
LINK_LEVELS: tuple[str, ...] = typing.get_args(LinkLevel)

#: Flags a translator acts on; a link may carry several.
FLAGS: tuple[str, ...] = (
    "omission",
    "addition",
    "number_mismatch",
    "url_mismatch",
    "untranslated",
    "length_ratio",
    "low_confidence",
    "wording_diff",
)


J = TypeVar("J", bound="JsonFile")


class JsonFile:
    """JSON (de)serialisation shared by the two top-level files we write."""

    __slots__ = ()
    json_kind: typing.ClassVar[str]

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls: type[J], data: dict[str, Any]) -> J:
        return from_dict(cls, data)

    def save(self, path: str | Path) -> None:
        atomic_write_text(path, dumps(self))

    @classmethod
    def load(cls: type[J], path: str | Path) -> J:
        """Read without schema validation; :func:`load_document` validates."""
        return cls.from_dict(read_json_object(path, cls.json_kind))


@dataclass(slots=True)
class Box:
    """A rectangle on one page, in PDF points, pdfplumber's top-left origin."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: "Box") -> "Box":
        if other.page != self.page:
            raise ValueError("cannot unite boxes on different pages")
        return Box(self.page, min(self.x0, other.x0), min(self.top, other.top),
                   max(self.x1, other.x1), max(self.bottom, other.bottom))


@dataclass(slots=True)
class Running:
    """A running header, footer or page number taken out of the text stream.

    Kept rather than thrown away so that a reader can see what was removed and the
    printed page label stays available for citation.
    """

    text: str
    kind: Literal["header", "footer", "page_number", "margin"]
    box: Box


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    label: str | None = None
    running: list[Running] = field(default_factory=list)


@dataclass(slots=True)
class Subtitle:
    """The same heading in another language (a Chinese opener's English subtitle)."""

    lang: str
    text: str


@dataclass(slots=True)
class Heading:
    id: str
    level: int
    number: str | None
    text: str
    page: int
    lang: str
    section: str
    boxes: list[Box] = field(default_factory=list)
    subtitles: list[Subtitle] = field(default_factory=list)
    #: the evidence that made it a heading: "outline", "tags", "numbering" or "style"
    source: str | None = None


@dataclass(slots=True)
class Section:
    """A node of the heading hierarchy; units point to the section they sit in."""

    id: str
    level: int
    number: str | None
    heading: str | None
    parent: str | None
    page: int
    lang: str


@dataclass(slots=True)
class Clause:
    """A numbered clause (``01`` … ``10``): a citable unit made of whole paragraphs."""

    id: str
    number: str
    text: str
    page: int
    lang: str
    section: str
    paragraphs: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


@dataclass(slots=True)
class PageBreak:
    """Where a unit's text moves to another page: ``text[offset:]`` starts on ``page``.

    A paragraph continued across a page keeps one id; its breaks let a sentence, a marker
    or a TEI ``<pb/>`` say on which page it really stands.
    """

    offset: int
    page: int


@dataclass(slots=True)
class Paragraph:
    id: str
    text: str
    page: int
    lang: str
    section: str
    clause: str | None = None
    pages: list[int] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    #: ``contents``: an entry of a table of contents (a contents page's, or a list of the
    #: headings that follow printed without page numbers): it repeats a heading, and is
    #: not aligned as text
    #: ``code``: a code listing (monospace lines, in a box of their own or one under
    #: another), its lines and indentation as printed: no sentences, not aligned
    role: Literal["body", "front", "table", "caption", "list", "contents", "code"] = "body"
    page_breaks: list[PageBreak] = field(default_factory=list)
    #: a run-in label opens the paragraph (``Note``, ``注``, ``2.1.1 Modules.`` set in
    #: another face): ``text[:label_end]`` is the label, a sentence of its own unless it
    #: ends in a colon (``Line thickness:`` opens its sentence; see pipeline.add_sentences)
    label_end: int | None = None

    def page_at(self, offset: int) -> int:
        """The page on which the character at ``offset`` of ``text`` stands."""
        page = self.page
        for b in self.page_breaks:
            if b.offset <= offset:
                page = b.page
        return page


@dataclass(slots=True)
class Sentence:
    """A sentence of a paragraph or of a footnote; ``paragraph`` is the id of that
    container and ``start``/``end`` index its text."""

    id: str
    text: str
    page: int
    lang: str
    paragraph: str
    start: int
    end: int


@dataclass(slots=True)
class Citation:
    """A reference parsed out of a note; ``raw`` is its text as printed: the note's, or the
    part of the note that is this reference (one of several, or after commentary such as
    ``See``).

    Dates are ISO 8601 at the precision printed (``2023``, ``2023-06``, ``2023-06-24``).
    """

    raw: str
    author: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    #: the grammar that parsed the fields: ``en`` (OSCOLA-like notes), ``zh`` (the Chinese
    #: report style, 《title》), ``gbt7714`` (the Chinese national standard for references,
    #: ``作者. 题名[M]. 出版地: 出版者, 年.``), ``humanities`` (Chicago, SBL, MLA, OSCOLA notes
    #: and entries: ``Name, Title (Place: Publisher, Year)``, ``Name, “Title,” …, Date``,
    #: ``Surname, Given. Title. Publisher, Year.``), ``author-date`` (APA, Harvard: ``Name
    #: (Year). Title.``), ``other`` (only what is reliable)
    style: Literal["en", "zh", "gbt7714", "humanities", "author-date", "other"] = "other"


@dataclass(slots=True)
class Footnote:
    id: str
    label: str
    text: str
    page: int
    lang: str
    pages: list[int] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    #: "foot" for a note at the foot of its page, "end" for one in a Notes section
    place: Literal["foot", "end"] = "foot"


@dataclass(slots=True)
class Marker:
    """A note reference in running text, taken out of the paragraph but anchored to it.

    ``offset`` is the character position in the paragraph's text where the marker
    stood, so exporters can put it back as an anchor. ``footnote`` is None when the
    note the marker calls for is not on the page (the published report has such).

    ``heading`` is the heading a callout is printed in ("2.1 Grab samples⁴"); such a
    marker has no paragraph. The extractor records it where it takes the callout out of
    the heading's line, so that exporters and subtrees need not find it again from boxes.
    """

    id: str
    label: str
    page: int
    footnote: str | None
    paragraph: str | None
    offset: int | None = None
    box: Box | None = None
    heading: str | None = field(default=None, metadata={"omit_default": True})


@dataclass(slots=True)
class Table:
    id: str
    page: int
    lang: str
    section: str
    rows: list[list[str]] = field(default_factory=list)
    box: Box | None = None


@dataclass(slots=True)
class Warning:
    """Something the extractor could not do; ``page`` is None for whole-file problems."""

    code: str
    message: str
    page: int | None = None


@dataclass(slots=True)
class Source:
    path: str
    sha256: str
    pages: int


@dataclass(slots=True)
class Generator:
    name: str
    version: str


@dataclass(slots=True)
class Document(JsonFile):
    json_kind: typing.ClassVar[str] = "document"

    id: str
    source: Source
    langs: list[str]
    title: str | None = None
    generator: Generator | None = None
    schema_version: str = DOCUMENT_SCHEMA_VERSION
    pages: list[Page] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    # -- lookup -------------------------------------------------------------------
    def units(self) -> Iterator[Unit]:
        """Every addressable unit, in document order within each kind."""
        for kinds in (self.sections, self.headings, self.clauses, self.paragraphs,
                      self.sentences, self.footnotes, self.markers, self.tables):
            yield from kinds

    def unit(self, uid: str) -> Unit:
        for u in self.units():
            if u.id == uid:
                return u
        raise KeyError(uid)

    def stream(self, lang: str) -> "Document":
        """One language stream: how a bilingual document is split for alignment.

        Membership goes by the id's stream prefix (``zh.``/``en.``), not by ``lang``: a
        unit's ``lang`` is its own language (an English footnote of a Chinese report is
        ``en``) while it still belongs to the stream it was printed in.
        """
        prefix = f"{lang}."
        keep = lambda xs: [x for x in xs if x.id.startswith(prefix)]  # noqa: E731
        return dataclasses.replace(
            self, langs=[lang], sections=keep(self.sections), headings=keep(self.headings),
            clauses=keep(self.clauses), paragraphs=keep(self.paragraphs),
            sentences=keep(self.sentences), footnotes=keep(self.footnotes),
            markers=keep(self.markers), tables=keep(self.tables))

    def subtree(self, section: str) -> "Document":
        """Section ``section`` and everything under it, with the notes its markers call.

        What an alignment with ``AlignSide.select`` covers; exporters write only this part
        so that a pair file holds what was aligned. Raises KeyError for an unknown section.
        """
        parent = {s.id: s.parent for s in self.sections}
        if section not in parent:
            raise KeyError(section)
        inside = lambda sid: _descends(parent, sid, section)  # noqa: E731
        paragraphs = [p for p in self.paragraphs if inside(p.section)]
        pids = {p.id for p in paragraphs}
        headings = [h for h in self.headings if inside(h.section)]
        hids = {h.id for h in headings}
        markers = [m for m in self.markers
                   if m.paragraph in pids or (m.paragraph is None and m.heading in hids)]
        notes = {m.footnote for m in markers if m.footnote}
        return dataclasses.replace(
            self, sections=[s for s in self.sections if inside(s.id)],
            headings=headings,
            clauses=[c for c in self.clauses if inside(c.section)], paragraphs=paragraphs,
            sentences=[s for s in self.sentences if s.paragraph in pids | notes],
            footnotes=[f for f in self.footnotes if f.id in notes], markers=markers,
            tables=[t for t in self.tables if inside(t.section)])


def _descends(parent: dict[str, str | None], sid: str | None, root: str) -> bool:
    seen: set[str] = set()
    while sid is not None and sid not in seen:
        if sid == root:
            return True
        seen.add(sid)
        sid = parent.get(sid)
    return False


Unit = Union[Section, Heading, Clause, Paragraph, Sentence, Footnote, Marker, Table]


# -- alignment --------------------------------------------------------------------------
@dataclass(slots=True)
class Link:
    """One aligned bead: ``src`` and ``tgt`` are lists of unit ids, either may be empty.

    ``score`` is a confidence in 0..1; ``flags`` are what a translator should look at.
    ``diff`` is filled only when both sides are in the same language (a wording diff).

    ``resp`` names the person responsible for a link a person made or confirmed (a
    translator's correction, see :mod:`pariter.export.corrections`); ``checked`` says that
    person checked it. Both are written only when set, so an alignment nobody touched
    keeps the bytes it had before these fields existed.
    """

    level: LinkLevel
    src: list[str]
    tgt: list[str]
    src_text: str
    tgt_text: str
    score: float
    flags: list[str] = field(default_factory=list)
    diff: list[DiffOp] | None = None
    checked: bool = field(default=False, metadata={"omit_default": True})
    resp: str | None = field(default=None, metadata={"omit_default": True})


@dataclass(slots=True)
class DiffOp:
    op: Literal["equal", "insert", "delete", "replace"]
    src: str
    tgt: str


@dataclass(slots=True)
class AlignSide:
    """Which document, which part of it (``select``: a section id or None) and language."""

    document: str
    path: str
    sha256: str
    lang: str
    select: str | None = None


@dataclass(slots=True)
class ModelInfo:
    name: str
    dim: int


@dataclass(slots=True)
class Alignment(JsonFile):
    json_kind: typing.ClassVar[str] = "alignment"

    source: AlignSide
    target: AlignSide
    model: ModelInfo
    links: list[Link] = field(default_factory=list)
    generator: Generator | None = None
    schema_version: str = SCHEMA_VERSION


# -- generic (de)serialisation ----------------------------------------------------------
# Written once here rather than per class so that a new field cannot be forgotten in one
# direction: both walk the dataclass fields and their type hints.

def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        hints = _hints(type(obj))
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.metadata.get("omit_default") and value == f.default:
                continue  # an optional field added later: absent means the default
            if hints[f.name] is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)  # 280 and 280.0 must serialise alike
            out[f.name] = to_dict(value)
        return out
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, float):
        return round(obj, 4)  # stable bytes across platforms and runs
    return obj


T = TypeVar("T")
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    hints = _HINTS.get(tp)
    if hints is None:
        hints = _HINTS[tp] = typing.get_type_hints(tp)
    return hints


def from_dict(cls: type[T], data: Any) -> T:
    return _convert(cls, data, cls.__name__)


def _convert(tp: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, value, where)
            except (TypeError, ValueError, KeyError):
                continue
        raise ValueError(f"{where}: {value!r} fits none of {tp}")
    if origin is Literal:
        if value not in typing.get_args(tp):
            raise ValueError(f"{where}: {value!r} is not one of {typing.get_args(tp)}")
        return value
    if origin is list:
        (item,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise TypeError(f"{where}: expected a list, got {type(value).__name__}")
        return [_convert(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise TypeError(f"{where}: expected an object, got {type(value).__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _convert(hints[f.name], value[f.name], f"{where}.{f.name}")
        unknown = set(value) - {f.name for f in dataclasses.fields(tp)}
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
        return tp(**kwargs)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if tp in (int, str, bool):
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise TypeError(f"{where}: expected {tp.__name__}, got {value!r}")
        return value
    raise TypeError(f"{where}: unsupported type {tp!r}")


def dumps(obj: JsonFile) -> str:
    """Deterministic JSON: field order as declared, floats rounded, UTF-8 kept readable."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=1) + "\n"


def load_document(path: str | Path) -> Document:
    """Read and check a document JSON: schema, then references (ids unique, every pointer
    resolves); any problem is an :class:`InputError` naming the file and the field."""
    from pariter.refs import document_problems, raise_first
    from pariter.schema import validate

    data = read_json_object(path, "document")
    validate(data, "document", source=path)
    doc = _from_checked(Document, data, path)
    raise_first(path, document_problems(doc))
    return doc


def load_alignment(path: str | Path) -> Alignment:
    """Read and check an alignment JSON against its schema; whether its links fit two
    documents is :func:`pariter.refs.check_alignment`'s question."""
    from pariter.schema import validate

    data = read_json_object(path, "alignment")
    validate(data, "alignment", source=path)
    return _from_checked(Alignment, data, path)


def _from_checked(cls: type[J], data: dict[str, Any], path: str | Path) -> J:
    """``from_dict`` on data the schema accepted; should the two ever disagree, the user
    still gets a line naming the file rather than a traceback."""
    from pariter.errors import InputError

    try:
        return cls.from_dict(data)
    except (TypeError, ValueError, KeyError) as e:
        raise InputError(path, f"not a valid {cls.json_kind} file ({e})") from None
