"""References inside and between our files: ids defined once, every pointer resolves.

A JSON Schema checks each value on its own; what it cannot see is whether
``paragraphs[3].section`` names a section that exists, whether two units share an id,
or whether an alignment's links point into the documents it is exported with. Those
checks live here, each answering ``(field, problem)`` pairs so that the caller names the
file: :func:`document_problems` (run by :func:`pariter.model.load_document` and by
``pariter validate``), :func:`alignment_problems` (an alignment against its documents:
``pariter export`` refuses a mismatch, ``validate`` checks files given together).

:class:`Refs` is the small tool they are built from; any other reader of our files (the
corrections of the review page, say) uses it the same way: ``define`` every id with the
field that defines it, ``need`` every pointer, then ``problems()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pariter.errors import InputError

if TYPE_CHECKING:
    from pariter.model import Alignment, Document

Problem = tuple[str, str]  # (field, what is wrong)

#: How many problems an error line quotes before counting the rest.
SHOWN_PROBLEMS = 3


@dataclass
class Refs:
    """Ids and the pointers to them, collected while walking a file."""

    #: id → (kind, field that defines it)
    defined: dict[str, tuple[str, str]] = field(default_factory=dict)
    found: list[Problem] = field(default_factory=list)
    _needs: list[tuple[str, str, frozenset[str] | None, str]] = field(default_factory=list)

    def define(self, uid: str, kind: str, where: str) -> None:
        """Record ``uid``; a second definition is a problem at ``where``."""
        if uid in self.defined:
            self.found.append((where, f"duplicate id {uid!r} (already the id of {self.defined[uid][1]})"))
        else:
            self.defined[uid] = (kind, where)

    def need(self, uid: str | None, where: str, kinds: Iterable[str] | None = None,
             what: str = "unit") -> None:
        """``uid`` (when not None) must be defined, as one of ``kinds`` if given."""
        if uid is not None:
            self._needs.append((uid, where, frozenset(kinds) if kinds else None, what))

    def problem(self, where: str, text: str) -> None:
        self.found.append((where, text))

    def problems(self) -> list[Problem]:
        out = list(self.found)
        for uid, where, kinds, what in self._needs:
            got = self.defined.get(uid)
            if got is None:
                out.append((where, f"{uid!r} is no {what} of this file"))
            elif kinds is not None and got[0] not in kinds:
                out.append((where, f"{uid!r} is a {got[0]}, not a {' or '.join(sorted(kinds))}"))
        return out


def raise_first(path: str | Path, problems: list[Problem]) -> None:
    """One :class:`InputError` for a list of problems: the first few, and how many more."""
    if not problems:
        return
    (where, text), rest = problems[0], problems[1:SHOWN_PROBLEMS]
    extra = "".join(f"; {w}: {t}" for w, t in rest)
    more = f" (and {len(problems) - SHOWN_PROBLEMS} more)" if len(problems) > SHOWN_PROBLEMS else ""
    raise InputError(path, f"{text}{extra}{more}", field=where)


# -- the document -----------------------------------------------------------------------------
_KINDS = (("sections", "section"), ("headings", "heading"), ("clauses", "clause"),
          ("paragraphs", "paragraph"), ("sentences", "sentence"), ("footnotes", "footnote"),
          ("markers", "marker"), ("tables", "table"))


def document_problems(doc: "Document") -> list[Problem]:
    """Ids unique across all units; every pointer between units resolves to the right
    kind; sentence spans and marker offsets inside their paragraph; pages that exist."""
    r = Refs()
    for attr, kind in _KINDS:
        for i, u in enumerate(getattr(doc, attr)):
            r.define(u.id, kind, f"{attr}[{i}].id")
    for i, s in enumerate(doc.sections):
        r.need(s.parent, f"sections[{i}].parent", {"section"}, "section")
        if s.parent == s.id:
            r.problem(f"sections[{i}].parent", "a section cannot be its own parent")
    for attr in ("headings", "clauses", "paragraphs", "tables"):
        for i, u in enumerate(getattr(doc, attr)):
            r.need(u.section, f"{attr}[{i}].section", {"section"}, "section")
    for i, c in enumerate(doc.clauses):
        for j, pid in enumerate(c.paragraphs):
            r.need(pid, f"clauses[{i}].paragraphs[{j}]", {"paragraph"}, "paragraph")
    paragraphs = {p.id: p for p in doc.paragraphs}
    listed: dict[str, str] = {}  # paragraph → the clause listing it
    for i, c in enumerate(doc.clauses):
        for j, pid in enumerate(c.paragraphs):
            p = paragraphs.get(pid)
            if p is not None and p.clause != c.id:
                r.problem(f"clauses[{i}].paragraphs[{j}]", f"{pid!r} says it belongs to clause {p.clause!r}")
            listed.setdefault(pid, c.id)
    for i, p in enumerate(doc.paragraphs):
        r.need(p.clause, f"paragraphs[{i}].clause", {"clause"}, "clause")
        if p.clause is not None and p.clause in r.defined and p.id not in listed:
            r.problem(f"paragraphs[{i}].clause", f"clause {p.clause!r} does not list this paragraph")
        for j, b in enumerate(p.page_breaks):
            if not 0 <= b.offset <= len(p.text):
                r.problem(f"paragraphs[{i}].page_breaks[{j}].offset",
                          f"{b.offset} is outside the paragraph's text (length {len(p.text)})")
        if p.label_end is not None and not 0 < p.label_end < len(p.text):
            r.problem(f"paragraphs[{i}].label_end",
                      f"{p.label_end} is outside the paragraph's text (length {len(p.text)})")
    notes = {f.id: f for f in doc.footnotes}
    for i, s in enumerate(doc.sentences):  # a sentence of a paragraph or of a note
        r.need(s.paragraph, f"sentences[{i}].paragraph", {"paragraph", "footnote"}, "paragraph or footnote")
        p = paragraphs.get(s.paragraph) or notes.get(s.paragraph)
        if p is not None:
            what = "paragraph" if s.paragraph in paragraphs else "note"
            if not 0 <= s.start <= s.end <= len(p.text):
                r.problem(f"sentences[{i}].start", f"span {s.start}..{s.end} is outside its "
                                                   f"{what}'s text (length {len(p.text)})")
            elif p.text[s.start:s.end] != s.text:
                r.problem(f"sentences[{i}].text", f"is not its {what}'s text at start..end")
    for i, m in enumerate(doc.markers):
        r.need(m.footnote, f"markers[{i}].footnote", {"footnote"}, "footnote")
        r.need(m.paragraph, f"markers[{i}].paragraph", {"paragraph"}, "paragraph")
        r.need(m.heading, f"markers[{i}].heading", {"heading"}, "heading")
        if m.heading is not None and m.paragraph is not None:
            r.problem(f"markers[{i}].heading", "a marker stands in a heading or in a paragraph, "
                                               "not both")
        p = paragraphs.get(m.paragraph) if m.paragraph else None
        if p is not None and m.offset is not None and not 0 <= m.offset <= len(p.text):
            r.problem(f"markers[{i}].offset", f"{m.offset} is outside its paragraph's text "
                                              f"(length {len(p.text)})")
    for i, fn in enumerate(doc.footnotes):
        for j, c in enumerate(fn.citations):
            for attr in ("date", "accessed"):
                value = getattr(c, attr)
                if value is not None and not is_calendar_date(value):
                    r.problem(f"footnotes[{i}].citations[{j}].{attr}", f"{value!r} is no calendar date")
    _page_problems(doc, r)
    return r.problems()


def is_calendar_date(iso: str) -> bool:
    """``2023``, ``2023-06`` or ``2023-06-24`` naming a day, month or year that exists
    (the schema checks the shape; TEI's ``@when`` needs a real date, year 0001 or later)."""
    import datetime

    parts = iso.split("-")
    try:
        datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                      int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return False
    return True


def _page_problems(doc: "Document", r: Refs) -> None:
    n = doc.source.pages
    seen: dict[int, int] = {}
    for i, pg in enumerate(doc.pages):
        if pg.number in seen:
            r.problem(f"pages[{i}].number", f"page {pg.number} is listed twice")
        seen[pg.number] = i
        if pg.number > n:
            r.problem(f"pages[{i}].number", f"page {pg.number} of a {n}-page source")
    for attr, _ in _KINDS:
        for i, u in enumerate(getattr(doc, attr)):
            pages = [u.page] + list(getattr(u, "pages", []))
            pages += [b.page for b in getattr(u, "page_breaks", [])]
            bad = next((pg for pg in pages if pg > n), None)
            if bad is not None:
                r.problem(f"{attr}[{i}].page", f"page {bad} of a {n}-page source")


# -- an alignment and its documents -----------------------------------------------------------
def alignment_problems(al: "Alignment", src: "Document", tgt: "Document",
                       src_name: str = "the source document",
                       tgt_name: str = "the target document") -> list[Problem]:
    """``al`` was made from ``src`` and ``tgt``: same documents (id and PDF checksum),
    selected sections that exist, and every link's ids units of its side."""
    out: list[Problem] = []
    for label, side, doc, name in (("source", al.source, src, src_name),
                                   ("target", al.target, tgt, tgt_name)):
        if side.document != doc.id:
            out.append((f"{label}.document", f"the alignment was made from document "
                                             f"{side.document!r}, but {name} is {doc.id!r}"))
            continue
        if side.sha256 != doc.source.sha256:
            out.append((f"{label}.sha256", f"the alignment was made from another version of "
                                           f"{doc.id!r} (its PDF checksum differs from {name}'s)"))
            continue
        if side.select is not None and not any(s.id == side.select for s in doc.sections):
            out.append((f"{label}.select", f"{side.select!r} is no section of {name}"))
    if out:
        return out
    ids = {"src": {u.id for u in side_view(src, al.source.lang, al.source.select).units()},
           "tgt": {u.id for u in side_view(tgt, al.target.lang, al.target.select).units()}}
    names = {"src": src_name, "tgt": tgt_name}
    for i, link in enumerate(al.links):
        for attr in ("src", "tgt"):
            for j, uid in enumerate(getattr(link, attr)):
                if uid not in ids[attr]:
                    out.append((f"links[{i}].{attr}[{j}]", f"{uid!r} is no unit of {names[attr]}"
                                                           f" (in the part the alignment covers)"))
    return out


def side_view(doc: "Document", lang: str, select: str | None) -> "Document":
    """The part of ``doc`` an alignment side covers, as exporters write it: the side's
    language stream of a bilingual document, the subtree of the selected section."""
    view = doc.stream(lang) if len(doc.langs) > 1 and lang in doc.langs else doc
    if select is not None:
        try:
            view = view.subtree(select)
        except KeyError:
            pass  # reported as "no section" by alignment_problems
    return view


def check_alignment(al: "Alignment", al_path: str | Path, src: "Document", src_path: str | Path,
                    tgt: "Document", tgt_path: str | Path) -> None:
    """Raise an :class:`InputError` naming the alignment file when it does not fit."""
    raise_first(al_path, alignment_problems(al, src, tgt, str(src_path), str(tgt_path)))


def alignment_self_problems(al: "Alignment") -> list[Problem]:
    """What an alignment alone can show: no unit in two links of one level and side
    (a bead is a partition of each side at its level)."""
    out: list[Problem] = []
    seen: dict[tuple[str, str, str], int] = {}
    for i, link in enumerate(al.links):
        for attr in ("src", "tgt"):
            for j, uid in enumerate(getattr(link, attr)):
                k = (link.level, attr, uid)
                if k in seen and seen[k] != i:
                    out.append((f"links[{i}].{attr}[{j}]", f"{uid!r} is already in links[{seen[k]}] "
                                                           f"at level {link.level}"))
                seen.setdefault(k, i)
    return out


def cross_file_problems(paths: Iterable[Path]) -> dict[Path, list[str]]:
    """Alignments checked against the documents given with them (matched by document id);
    ``{alignment path: ["field: problem", …]}``. Files that are not our JSON are skipped."""
    from pariter.errors import PariterError
    from pariter.io import read_json_object
    from pariter.model import load_alignment, load_document

    docs: dict[str, tuple[Path, "Document"]] = {}
    aligns: list[tuple[Path, "Alignment"]] = []
    for p in paths:
        try:
            if not Path(p).read_bytes()[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                continue
            if "links" in read_json_object(p, "JSON"):
                aligns.append((p, load_alignment(p)))
            else:
                d = load_document(p)
                docs.setdefault(d.id, (p, d))
        except (PariterError, OSError):
            continue  # reported by the file's own check
    out: dict[Path, list[str]] = {}
    for p, al in aligns:
        s, t = docs.get(al.source.document), docs.get(al.target.document)
        if s is None or t is None:
            continue
        found = alignment_problems(al, s[1], t[1], str(s[0]), str(t[0]))
        if found:
            out[p] = [f"{w}: {t_}" for w, t_ in found]
    return out
