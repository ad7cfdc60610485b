"""The part of a document that takes part in an alignment, as the aligner sees it.

A :class:`View` is one language of one document, optionally restricted to the subtree of
one section (``select="zh.s06"``): its sections (the selected root excluded), its
*blocks* in reading order — a block is a numbered clause with all its paragraphs, or a
paragraph that belongs to no clause — the sentences of each paragraph, and the footnotes
its paragraphs call for.

:func:`build_document` goes the other way: it makes a realistic :class:`Document`, with
the ids :mod:`pariter.ids` gives, from a nested outline of plain texts.  Tests use it on
the published consensus text; it also serves for aligning texts that did not come from
a PDF.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pariter import ids
from pariter.model import (Clause, Document, Footnote, Heading, Paragraph, Section, Sentence,
                           Source)

__all__ = ["Block", "View", "view", "resolve_lang", "build_document"]

BODY_ROLES = ("body", "list", "caption", "front")


@dataclass
class Block:
    """A unit of the block-level alignment: a clause (and its paragraphs) or one paragraph."""

    clause: Clause | None
    paragraphs: list[Paragraph]
    section: str

    @property
    def ids(self) -> list[str]:
        """Ids a link names for this block: the clause's, else the paragraph's."""
        return [self.clause.id] if self.clause else [p.id for p in self.paragraphs]

    @property
    def text(self) -> str:
        if self.clause is not None and self.clause.text:
            return self.clause.text
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def number(self) -> tuple[str, ...] | None:
        if self.clause is None:
            return None
        return tuple(ids.number_parts(self.clause.number)) or None


@dataclass
class View:
    doc: Document
    lang: str
    select: str | None
    root: Section | None
    sections: list[Section]
    blocks: list[Block]
    footnotes: list[Footnote]
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    _hid: dict[str, Heading] | None = field(default=None, repr=False)
    _hsec: dict[str, Heading] | None = field(default=None, repr=False)

    def heading_text(self, section: Section) -> str:
        """The section's heading text without its number ("" for an unnamed section).

        ``Section.heading`` is the id of a :class:`Heading` (the document schema); a plain
        text there (older documents) is taken as the text itself."""
        hid = section.heading
        if not hid:
            h = self._headings_by_section().get(section.id)
            return h.text.strip() if h else ""
        h = self._headings_by_id().get(hid)
        if h is not None:
            return h.text.strip()
        return "" if hid == ids.heading_id(section.id) else hid.strip()

    def heading(self, section: Section) -> str:
        """Printed number and heading text, as a reader sees it: ``"I. 总则"``."""
        text = self.heading_text(section)
        number = (section.number or "").strip()
        if number and not text.startswith(number):
            return f"{number} {text}".strip()
        return text

    def _headings_by_id(self) -> dict[str, Heading]:
        if self._hid is None:
            self._hid = {h.id: h for h in self.doc.headings}
        return self._hid

    def _headings_by_section(self) -> dict[str, Heading]:
        if self._hsec is None:
            self._hsec = {}
            for h in self.doc.headings:
                self._hsec.setdefault(h.section, h)
        return self._hsec

    def section_key(self, section: Section) -> tuple[str, ...] | None:
        """Printed-number path of a section below the root, None if any level is unnumbered."""
        by_id = {s.id: s for s in self.doc.sections}
        key: list[str] = []
        cur: Section | None = section
        while cur is not None and (self.root is None or cur.id != self.root.id):
            parts = ids.number_parts(cur.number)
            if not parts:
                return None
            key.append(parts[-1])
            cur = by_id.get(cur.parent) if cur.parent else None
        return tuple(reversed(key))

    def paragraph_sentences(self, paragraph: Paragraph) -> list[Sentence]:
        """The paragraph's sentences; split on the fly (ids as an extractor would give them)
        when the document carries none for it."""
        got = self.sentences.get(paragraph.id)
        if got is None:
            got = _split(paragraph)
            self.sentences[paragraph.id] = got
        return got

    def note_sentences(self, note: Footnote) -> list[Sentence]:
        """The note's sentences as the document gives them; none for a document that
        carries none for its notes (the note is then aligned whole, under its own id)."""
        return sorted(self.sentences.get(note.id, []), key=lambda s: s.start)

    def block_sentences(self, block: Block) -> list[Sentence]:
        return [s for p in block.paragraphs for s in self.paragraph_sentences(p)]


def _split(paragraph: Paragraph) -> list[Sentence]:
    from .segment import split_sentences

    return [Sentence(ids.sentence_id(paragraph.id, n), paragraph.text[a:b], paragraph.page,
                     paragraph.lang, paragraph.id, a, b)
            for n, (a, b) in enumerate(split_sentences(paragraph.text, paragraph.lang), 1)]


def resolve_lang(doc: Document, select: str | None, lang: str | None) -> str:
    """The language to align: given, else the selected section's, else the document's only one."""
    if lang:
        return lang
    if select:
        for s in doc.sections:
            if s.id == select:
                return s.lang
        raise KeyError(f"{doc.id}: no section {select!r} to select")
    if len(doc.langs) == 1:
        return doc.langs[0]
    raise ValueError(f"{doc.id} is bilingual ({', '.join(doc.langs)}): say which language to "
                     "align (src_lang/tgt_lang) or use align_bilingual")


def view(doc: Document, select: str | None = None, lang: str | None = None,
         roles: Sequence[str] = BODY_ROLES) -> View:
    """Restrict ``doc`` to one language and the subtree of section ``select`` (if given)."""
    lang = resolve_lang(doc, select, lang)
    if len(doc.langs) > 1 or any(p.lang != lang for p in doc.paragraphs):
        doc = doc.stream(lang)
    by_id = {s.id: s for s in doc.sections}
    root = None
    if select is not None:
        if select not in by_id:
            raise KeyError(f"{doc.id}: no section {select!r} in the {lang} stream")
        root = by_id[select]

    def inside(section_id: str | None) -> bool:
        if root is None:
            return True
        seen = 0
        while section_id is not None and seen < 64:
            if section_id == root.id:
                return True
            s = by_id.get(section_id)
            section_id = s.parent if s else None
            seen += 1
        return False

    sections = [s for s in doc.sections if inside(s.id) and (root is None or s.id != root.id)]
    clauses = {c.id: c for c in doc.clauses if inside(c.section)}
    blocks: list[Block] = []
    clause_block: dict[str, Block] = {}
    used_clauses: set[str] = set()
    for p in doc.paragraphs:
        if p.role not in roles or not inside(p.section):
            continue
        if p.clause and p.clause in clauses:
            b = clause_block.get(p.clause)
            if b is None:
                b = clause_block[p.clause] = Block(clauses[p.clause], [], clauses[p.clause].section)
                blocks.append(b)
                used_clauses.add(p.clause)
            b.paragraphs.append(p)
        else:
            blocks.append(Block(None, [p], p.section))
    for c in clauses.values():  # clauses the extractor gave no paragraphs for
        if c.id not in used_clauses:
            pseudo = Paragraph(c.id, c.text, c.page, c.lang, c.section, c.id)
            blocks.append(Block(c, [pseudo], c.section))
    order = {c.id: n for n, c in enumerate(doc.clauses)}
    if len(used_clauses) < len(clauses):  # keep pseudo blocks in clause order
        blocks.sort(key=lambda b: _block_pos(b, order, doc))
    para_ids = {p.id for b in blocks for p in b.paragraphs}
    if root is None:
        footnotes = list(doc.footnotes)
    else:
        wanted = {m.footnote for m in doc.markers if m.paragraph in para_ids and m.footnote}
        footnotes = [f for f in doc.footnotes if f.id in wanted]
    containers = para_ids | {f.id for f in footnotes}
    sentences: dict[str, list[Sentence]] = {}
    for s in doc.sentences:
        if s.paragraph in containers:
            sentences.setdefault(s.paragraph, []).append(s)
    return View(doc, lang, select, root, sections, blocks, footnotes, sentences)


def _block_pos(block: Block, clause_order: dict[str, int], doc: Document) -> tuple[int, int]:
    if block.paragraphs and block.paragraphs[0].id != (block.clause.id if block.clause else None):
        pos = next(i for i, p in enumerate(doc.paragraphs) if p.id == block.paragraphs[0].id)
        return (pos, 0)
    # a pseudo block: right after the last real paragraph of an earlier clause
    n = clause_order.get(block.clause.id, 0) if block.clause else 0
    before = [i for i, p in enumerate(doc.paragraphs)
              if p.clause and clause_order.get(p.clause, -1) < n]
    return (max(before) if before else -1, 1)


# -- building documents from plain text ---------------------------------------------------
def build_document(doc_id: str, outlines: dict[str, list[dict[str, Any]]], *,
                   path: str | None = None, title: str | None = None) -> Document:
    """A :class:`Document` from nested outlines, one per language (a bilingual document
    when there are several).

    An outline is a list of sections; a section is a dict with ``number`` (printed, e.g.
    ``"I."``, ``"(一)"``, ``"06"``; may be None), ``heading``, and optionally
    ``paragraphs`` (loose paragraph texts), ``clauses`` (dicts with ``number`` and
    ``paragraphs``) and ``sections`` (children).  Sentences are split with
    :func:`pariter.align.segment.split_sentences`.  Ids follow :mod:`pariter.ids`:
    ``zh.s01``, ``zh.s01.c01``, ``zh.s01.c01.p1``, ``zh.s01.c01.p1.s2``; clauses are
    numbered within their top-level section.
    """
    from .segment import split_sentences

    doc = Document(id=doc_id, source=Source(path or f"{doc_id}.txt", "", 1),
                   langs=list(outlines), title=title)
    taken: set[str] = set()

    def add_paragraph(text: str, lang: str, container: str, section: str, n: int,
                      clause: str | None) -> Paragraph:
        p = Paragraph(ids.dedupe(ids.paragraph_id(container, n), taken), text, 1, lang,
                      section, clause, [1])
        doc.paragraphs.append(p)
        for k, (a, b) in enumerate(split_sentences(text, lang), 1):
            doc.sentences.append(Sentence(ids.sentence_id(p.id, k), text[a:b], 1, lang, p.id, a, b))
        return p

    def add_section(node: dict[str, Any], lang: str, path_: list[str], parent: str | None,
                    top: str | None, ordinal: int) -> None:
        token = ids.section_token(node.get("number"), ordinal)
        sid = ids.dedupe(ids.section_id(lang, path_ + [token]), taken)
        level = len(path_) + 1
        hid = ids.heading_id(sid) if node.get("heading") is not None else None
        doc.sections.append(Section(sid, level, node.get("number"), hid, parent, 1, lang))
        if node.get("heading") is not None:
            doc.headings.append(Heading(ids.heading_id(sid), level, node.get("number"),
                                        node["heading"], 1, lang, sid))
        top = top or sid
        n = 0
        for text in node.get("paragraphs", []):
            n += 1
            add_paragraph(text, lang, sid, sid, n, None)
        for c in node.get("clauses", []):
            cid = ids.dedupe(ids.clause_id(top, c["number"]), taken)
            clause = Clause(cid, c["number"], "\n\n".join(c["paragraphs"]), 1, lang, sid, [], [1])
            doc.clauses.append(clause)
            for k, text in enumerate(c["paragraphs"], 1):
                clause.paragraphs.append(add_paragraph(text, lang, cid, sid, k, cid).id)
        unnumbered = 0
        for child in node.get("sections", []):
            if not ids.number_parts(child.get("number")):
                unnumbered += 1
            add_section(child, lang, path_ + [token], sid, top, unnumbered)

    for lang, outline in outlines.items():
        unnumbered = 0
        for node in outline:
            if not ids.number_parts(node.get("number")):
                unnumbered += 1
            add_section(node, lang, [], None, None, unnumbered)
    digest = hashlib.sha256(json.dumps(outlines, ensure_ascii=False, sort_keys=True)
                            .encode("utf-8")).hexdigest()
    doc.source = Source(doc.source.path, digest, 1)
    return doc
