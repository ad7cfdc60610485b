"""Resolving a citation: ``6.05``, ``zh.s06.c05``, ``wic-report-zh:zh.s06.c05`` or ``en:6.05``.

``resolve(ref, docs, alignments)`` finds the unit and its aligned counterpart(s):

* ``DOC:REF`` restricts the search to the document with id ``DOC``; ``LANG:REF`` (when
  ``LANG`` is a language of a loaded document and not a document id) to that language;
  ``DOC:LANG:REF`` to both (a bilingual document).
* A unit id (``zh.s06.c05``, ``en.s01.c01.p1.s2``, ``zh.fn12``) is looked up as is.
* A number reference ``6.05`` names clause 05 of top-level section 06 (``6``, ``06``,
  ``六`` and ``VI`` are the same section: numbers go through ``pariter.ids.number_parts``);
  ``6`` alone names the section; ``2.3`` is clause 03 of section 02 if there is one, else
  subsection 2.3. The documents are searched in the order given, each in its languages'
  order; the first match is the result and every other match (another document, another
  language of a bilingual one) is listed in ``others`` — ``format_cite`` prints them all,
  grouped by document (pass ``en:6.05`` or ``DOC:6.05`` to choose one).

Counterparts come from every alignment that covers the unit's document: from its links
that contain the unit; when none does, from those containing its children (a clause's
paragraphs, then sentences), then from those containing its parent (a sentence's
paragraph, then clause, section) — decided per alignment.

Pages are physical PDF pages; a page that prints another number shows it as well
(``p. 20 (printed 14)``), in the result's ``printed`` map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pariter.errors import PariterError
from pariter.ids import number_parts
from pariter.model import (Alignment, Clause, Document, Footnote, Heading, Link, Marker,
                           Paragraph, Section, Sentence, Table, Unit)


class CiteError(PariterError):
    """A reference that names no unit of the loaded documents."""


@dataclass
class Counterpart:
    document: str
    unit_ids: list[str]
    text: str
    pages: list[int]
    score: float
    flags: list[str]
    level: str
    via: str          # the unit whose link this is: the cited one, a child or a parent
    printed: dict[int, str] = field(default_factory=dict)  # page → printed label


@dataclass
class CiteResult:
    ref: str
    document: str
    unit_id: str
    kind: str
    lang: str
    text: str
    pages: list[int]
    label: str | None = None          # a section's printed number and heading, a clause's number
    counterparts: list[Counterpart] = field(default_factory=list)
    printed: dict[int, str] = field(default_factory=dict)  # page → printed label
    others: list["CiteResult"] = field(default_factory=list)  # the other matches of ref


def _kind(u: Unit) -> str:
    return type(u).__name__.lower()


def _text(doc: Document, u: Unit) -> str:
    if isinstance(u, Section):
        h = next((h for h in doc.headings if h.id == u.heading or h.section == u.id), None)
        return h.text if h else ""
    if isinstance(u, Table):
        return "\n".join("\t".join(r) for r in u.rows)
    if isinstance(u, Marker):
        return u.label
    return getattr(u, "text", "") or ""


def _pages(u: Unit, doc: Document | None = None) -> list[int]:
    pages = list(getattr(u, "pages", []) or [])
    page = getattr(u, "page", None)
    if isinstance(u, Sentence) and doc is not None:  # a sentence running onto the next page
        para = _lookup(doc, u.paragraph)
        if isinstance(para, Paragraph) and para.page_breaks and u.end > u.start:
            pages = list(range(para.page_at(u.start), para.page_at(u.end - 1) + 1))
    if not pages and page is not None:
        pages = [page]
    return sorted(set(pages))


def _printed(doc: Document | None, pages: list[int]) -> dict[int, str]:
    """The printed labels of ``pages`` that differ from the physical number."""
    if doc is None:
        return {}
    labels = {p.number: p.label for p in doc.pages if p.label}
    return {n: labels[n] for n in pages if n in labels and labels[n] != str(n)}


def _label(doc: Document, u: Unit) -> str | None:
    if isinstance(u, Clause):
        return u.number
    if isinstance(u, Section):
        return " ".join(x for x in (u.number, _text(doc, u)) if x) or None
    return None


def _section_path(uid: str) -> list[str] | None:
    """``zh.s06.s03`` → ``["06", "03"]``; None for an id that is no section path."""
    parts = uid.split(".")
    if len(parts) < 2 or not all(p.startswith("s") and len(p) > 1 for p in parts[1:]):
        return None
    return [p[1:] for p in parts[1:]]


def _number_ref(ref: str) -> list[str] | None:
    if not re.fullmatch(r"[^\s:]+", ref):
        return None
    toks: list[str] = []
    for part in re.split(r"[.．]", ref):
        p = number_parts(part)
        if len(p) != 1:
            return None
        toks.append(p[0])
    return toks or None


def _find_number(doc: Document, toks: list[str]) -> Unit | None:
    """Clause ``toks[-1]`` of section ``toks[:-1]``, else section ``toks``."""
    sections = [s for s in doc.sections]
    by_path = {}
    for s in sections:
        path = _section_path(s.id)
        if path is None:  # fall back on the printed numbers up the parent chain
            path, cur, seen = [], s, set()
            while cur is not None and cur.id not in seen:
                seen.add(cur.id)
                path = number_parts(cur.number)[-1:] + path
                cur = next((x for x in sections if x.id == cur.parent), None)
        by_path.setdefault(tuple(path), s)
    if len(toks) >= 2 and tuple(toks[:-1]) in by_path:
        sec = by_path[tuple(toks[:-1])]
        subtree = {sec.id}
        changed = True
        while changed:
            changed = False
            for s in sections:
                if s.parent in subtree and s.id not in subtree:
                    subtree.add(s.id)
                    changed = True
        for c in doc.clauses:
            if c.section in subtree and number_parts(c.number)[-1:] == [toks[-1]]:
                return c
    return by_path.get(tuple(toks))


def _lookup(doc: Document, uid: str) -> Unit | None:
    try:
        return doc.unit(uid)
    except KeyError:
        return None


def resolve(ref: str, docs: list[Document], alignments: list[Alignment]) -> CiteResult:
    ref_in = ref.strip()
    ref = ref_in
    cands = list(docs)
    lang: str | None = None
    if ":" in ref:
        head, rest = ref.split(":", 1)
        if any(d.id == head for d in docs):
            cands = [d for d in docs if d.id == head]
            ref = rest
            if ":" in ref and ref.split(":", 1)[0] in cands[0].langs:
                lang, ref = ref.split(":", 1)
        elif any(head in d.langs for d in docs):
            lang = head
            ref = rest
        else:
            raise CiteError(f"{ref_in}: no loaded document is called {head!r} "
                            f"(loaded: {', '.join(d.id for d in docs) or 'none'})")
    found: list[tuple[Document, Unit]] = []
    for d in cands:
        u = _lookup(d, ref)
        if u is not None and (lang is None or getattr(u, "lang", lang) == lang):
            found.append((d, u))
    if not found and (toks := _number_ref(ref)) is not None:
        for d in cands:
            for lg in ([lang] if lang else d.langs):
                if lg not in d.langs:
                    continue
                u = _find_number(d.stream(lg) if len(d.langs) > 1 else d, toks)
                if u is not None:
                    found.append((d, u))
    if not found:
        raise CiteError(f"{ref_in}: no unit of {', '.join(d.id for d in cands) or 'no document'}"
                        " matches (give a unit id such as zh.s06.c05, a number such as 6.05,"
                        " or DOC:ID)")
    results = []
    for doc, unit in found:
        pages = _pages(unit, doc)
        res = CiteResult(ref=ref_in, document=doc.id, unit_id=unit.id, kind=_kind(unit),
                         lang=getattr(unit, "lang", doc.langs[0] if doc.langs else ""),
                         text=_text(doc, unit), pages=pages, label=_label(doc, unit),
                         printed=_printed(doc, pages))
        res.counterparts = _counterparts(doc, unit, docs, alignments)
        results.append(res)
    first = results[0]
    first.others = results[1:]
    return first


def _children(doc: Document, u: Unit) -> list[list[str]]:
    """Ids of the unit's children, one list per generation, nearest first."""
    if isinstance(u, Section):
        clauses = [c.id for c in doc.clauses if c.section == u.id]
        paras = [p.id for p in doc.paragraphs if p.section == u.id]
        sents = [s.id for s in doc.sentences if s.paragraph in set(paras)]
        return [x for x in (clauses, paras, sents) if x]
    if isinstance(u, Clause):
        paras = list(u.paragraphs) or [p.id for p in doc.paragraphs if p.clause == u.id]
        sents = [s.id for s in doc.sentences if s.paragraph in set(paras)]
        return [x for x in (paras, sents) if x]
    if isinstance(u, (Paragraph, Footnote)):  # a note has sentences too
        return [[s.id for s in doc.sentences if s.paragraph == u.id]]
    return []


def _parents(doc: Document, u: Unit) -> list[str]:
    out: list[str] = []
    cur: Unit | None = u
    seen: set[str] = set()
    while cur is not None and cur.id not in seen:
        seen.add(cur.id)
        nxt: str | None = None
        if isinstance(cur, Sentence):
            nxt = cur.paragraph
        elif isinstance(cur, Paragraph):
            nxt = cur.clause or cur.section
        elif isinstance(cur, Clause):
            nxt = cur.section
        elif isinstance(cur, (Heading, Table)):
            nxt = cur.section
        elif isinstance(cur, Section):
            nxt = cur.parent
        elif isinstance(cur, Marker):
            nxt = cur.footnote or cur.paragraph
        if nxt is None:
            break
        out.append(nxt)
        cur = _lookup(doc, nxt)
    return out


def _counterparts(doc: Document, unit: Unit, docs: list[Document],
                  alignments: list[Alignment]) -> list[Counterpart]:
    by_id = {d.id: d for d in docs}

    def links_for(al: Alignment, ids: list[str]) -> list[Counterpart]:
        wanted = set(ids)
        out: list[Counterpart] = []
        for link in al.links:
            for mine, other, mine_side, other_side in (
                    (link.src, link.tgt, al.source, al.target),
                    (link.tgt, link.src, al.target, al.source)):
                if mine_side.document != doc.id or not wanted.intersection(mine):
                    continue
                if mine_side.lang and getattr(unit, "lang", None) not in (None, mine_side.lang):
                    continue
                out.append(_cp(link, other, other_side.document, by_id,
                               next(i for i in mine if i in wanted), mine is link.tgt))
        return out

    out: list[Counterpart] = []
    children, parents = _children(doc, unit), _parents(doc, unit)
    for al in alignments:  # each alignment on its own: direct, else children, else parents
        for ids in [[unit.id], *children, *([p] for p in parents)]:
            got = links_for(al, ids)
            if got:
                out += got
                break
    return out


def _cp(link: Link, other: list[str], other_doc: str, by_id: dict[str, Document],
        via: str, reverse: bool) -> Counterpart:
    d = by_id.get(other_doc)
    pages: list[int] = []
    texts: list[str] = []
    for uid in other:
        u = _lookup(d, uid) if d else None
        if u is not None:
            pages += _pages(u)
            texts.append(_text(d, u))
    text = (" ".join(texts) if texts and all(texts) else
            (link.src_text if reverse else link.tgt_text))
    pages = sorted(set(pages))
    return Counterpart(document=other_doc, unit_ids=list(other), text=text,
                       pages=pages, score=round(link.score, 4),
                       flags=list(link.flags), level=link.level, via=via,
                       printed=_printed(d, pages))


def _pp(pages: list[int], printed: dict[int, str] | None = None) -> str:
    """``p. 20``, ``pp. 20–21``; with the printed numbers where they differ:
    ``p. 20 (printed 14)``, ``pp. 20–21 (printed 14–15)``."""
    if not pages:
        return ""
    printed = printed or {}
    labels = [printed.get(n) for n in pages]
    if len(pages) == 1:
        out = f"p. {pages[0]}"
    elif pages == list(range(pages[0], pages[-1] + 1)):
        out = f"pp. {pages[0]}–{pages[-1]}"
    else:
        out = "pp. " + ", ".join(map(str, pages))
    if any(labels):
        shown = [lb or str(n) for n, lb in zip(pages, labels)]
        if len(shown) == 1:
            out += f" (printed {shown[0]})"
        elif out.startswith("pp. ") and "–" in out:
            out += f" (printed {shown[0]}–{shown[-1]})"
        else:
            out += f" (printed {', '.join(shown)})"
    return out


def format_cite(result: CiteResult) -> str:
    """A citation line per side, then the texts, for the terminal and for copying.

    A reference matching several units (``1.01`` in each consensus document, a unit id
    shared by two documents) prints all of them, grouped by document, the first one
    first."""
    if not result.others:
        return _format_one(result)
    everything = [result, *result.others]
    docs: list[str] = []
    for r in everything:
        if r.document not in docs:
            docs.append(r.document)
    lines = [f"{result.ref}: {len(everything)} matches in {len(docs)} document(s) "
             f"(pass DOC:{result.ref} or LANG:{result.ref} to pick one)"]
    for d in docs:
        lines += ["", f"== {d} =="]
        mine = [r for r in everything if r.document == d]
        for i, r in enumerate(mine):
            lines += ([""] if i else []) + [_format_one(r)]
    return "\n".join(lines)


def _format_one(result: CiteResult) -> str:
    head = f"{result.document} {result.unit_id} {_pp(result.pages, result.printed)}".rstrip()
    lines = [head, f"  ({result.kind}, {result.lang}"
             + (f", {result.label}" if result.label else "") + ")"]
    lines += ["  " + ln for ln in (result.text or "").splitlines() or [""]]
    if not result.counterparts:
        lines.append("  ↔ no aligned counterpart")
    for cp in result.counterparts:
        ids = " ".join(cp.unit_ids) or "(nothing: unaligned)"
        via = "" if cp.via == result.unit_id else f", via {cp.via}"
        flags = f", flags: {', '.join(cp.flags)}" if cp.flags else ""
        lines.append(f"  ↔ {cp.document} {ids} {_pp(cp.pages, cp.printed)}".rstrip()
                     + f"  [{cp.level}, score {cp.score:.2f}{flags}{via}]")
        lines += ["    " + ln for ln in (cp.text or "").splitlines()]
    return "\n".join(lines)
