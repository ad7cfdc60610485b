"""Evidence for a document pair: each side as one sequence of items, and the pairs its
structure vouches for.

The aligner sees a document as what a reader meets in order: each section's printed
heading ("2 The Aptos vision"), then the sentences of its paragraphs, and the notes at
the end (footnotes read after the text, where endnotes stand), then the captions: figures
and tables float to where a page has room, so where a caption stands in the reading order
is the typesetter's choice, not the translator's (captions align only with captions, notes
only with notes: `NOTE`).  Items are aligned by the
one sentence aligner (`pariter.align.sentences`) over the whole document at once, so a
heading found on one side only, a moved paragraph break or an added sentence costs one
item, never a whole section.

Structure enters as *hints*: a pair is proposed only where both sides agree on it —
sections with the same printed number path *and* similar heading texts, clauses with the
same number *and* similar content, notes with the same label *and* similar content.
A heading on one side only is just an item like any sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from pariter import ids
from pariter.model import Section

from .structure import View

__all__ = ["Item", "items", "hints", "HEADING_HINT_SIMILARITY", "CONTENT_HINT_SIMILARITY"]

HEADING_HINT_SIMILARITY = 0.25
"""Two numbered headings with the same number path are a hint only when their texts agree
this much (cosine).  Translated headings in the consensus and the real pairs score 0.35-0.9,
headings of different sections that share a number after one side's numbering drifted
below 0.2 (e.g. "Transactions" against 概述)."""

CONTENT_HINT_SIMILARITY = 0.30
"""Clauses (or notes) with the same number (label) are a hint when their contents agree this
much: translated clauses of the consensus score 0.57-0.82, the best wrong clause <= 0.54,
random sentence pairs a median of 0.14 and a 90th percentile of 0.31."""

SENTENCE, CAPTION, NOTE = 0, 1, 2
"""Item classes: a caption aligns only with a caption, a note only with a note
(`sentences.vecalign_costs`).  Both stand where the reading order puts them, not where the
translator did: captions float, and notes are read at the end (endnote sections are notes
too, `pariter.extract.endnotes`).  Their place in the sequence is therefore evidence only
against items of their own class; against the other side's body text it would pair them
with whatever text that side has left at its end (asymptote-zh's translator notes, none of
which the English manual has, took 88 links to sentences of the English chapters the
translation left out, all at chance similarity)."""


@dataclass(frozen=True)
class Item:
    """One unit of the aligned sequence.

    ``kind``: "heading" (``id`` is the section's id, ``text`` the printed heading),
    "sentence" (a sentence id) or "note" (a sentence of a footnote; the footnote's own
    id and whole text when the document gives no sentences for it).  ``paragraph`` is the
    sentence's container: its paragraph, or its note.  ``block`` is the index of the
    sentence's block in the view (None for headings and notes).
    """

    id: str
    kind: str
    text: str
    paragraph: str | None = None
    block: int | None = None
    section: str | None = None
    caption: bool = False


def _emit_order(v: View) -> list[tuple[str, object]]:
    """Sections and paragraphs in reading order: a section's heading comes just before the
    first paragraph of its subtree; sections without paragraphs keep their own place."""
    out: list[tuple[str, object]] = []
    sections = list(v.sections)
    pos = {s.id: n for n, s in enumerate(sections)}
    done = 0
    for b_index, block in enumerate(v.blocks):
        for p in block.paragraphs:
            target = pos.get(p.section, -1)
            while done <= target:
                out.append(("section", sections[done]))
                done += 1
            out.append(("paragraph", (b_index, p)))
    while done < len(sections):
        out.append(("section", sections[done]))
        done += 1
    return out


def items(v: View) -> list[Item]:
    """The sequence the aligner reads for one side (see the module docstring)."""
    out: list[Item] = []
    floats: list[Item] = []
    for kind, obj in _emit_order(v):
        if kind == "section":
            sec: Section = obj  # type: ignore[assignment]
            text = v.heading(sec)
            if text.strip():
                out.append(Item(sec.id, "heading", text, section=sec.id))
            continue
        b_index, p = obj  # type: ignore[misc]
        caption = p.role == "caption"
        for s in v.paragraph_sentences(p):
            (floats if caption else out).append(Item(s.id, "sentence", s.text, p.id, b_index, p.section, caption))
    for f in v.footnotes:
        sents = v.note_sentences(f)
        if sents:  # a note's sentences align one by one, like the text's
            out += [Item(s.id, "note", s.text, paragraph=f.id) for s in sents]
        elif f.text.strip():
            out.append(Item(f.id, "note", f.text, paragraph=f.id))
    return out + floats


def classes(seq: Sequence[Item]) -> list[int]:
    return [CAPTION if it.caption else NOTE if it.kind == "note" else SENTENCE for it in seq]


HEADING = 1
"""Item kinds: a heading (1) is never one of several items on a bead side (0: any other)."""


def kinds(seq: Sequence[Item]) -> list[int]:
    """A heading is a unit of its own: translated as a heading, never together with the
    sentences around it, so a bead side of several items holds no heading among sentences
    (a heading may still pair one to one with a sentence: one side's extraction may have
    read it as text)."""
    return [HEADING if it.kind == "heading" else 0 for it in seq]


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def _section_key(v: View, section: Section) -> tuple[str, ...] | None:
    return v.section_key(section)


def _unique(keys: Sequence[tuple[object, int]]) -> dict[object, int]:
    seen: dict[object, int | None] = {}
    for key, n in keys:
        if key is None:
            continue
        seen[key] = None if key in seen else n
    return {k: n for k, n in seen.items() if n is not None}


def _unrivalled(pairs: list[tuple[int, int]], s_heads: list[int], t_heads: list[int],
                vectors: tuple[dict[int, np.ndarray], dict[int, np.ndarray]] | None
                ) -> list[tuple[int, int]]:
    """The heading pairs whose texts, without their numbers, no other heading of either side
    matches clearly better: where one side's numbering drifted or its sections were
    reordered, a number names another section ("5 完整实例" against "5 Change history",
    while "6 A full example using nanicolle" is its translation), and the printed numbers,
    which the item vectors share, make the two alike (cosine 0.39 with them, 0.13 without).
    Without ``vectors`` (heading texts' own vectors by item) the pairs stand."""
    if vectors is None or not pairs:
        return pairs
    sv, tv = vectors
    dim = next((len(v) for v in (*sv.values(), *tv.values())), 0)

    def rows(heads: list[int], vecs: dict[int, np.ndarray]) -> np.ndarray:
        zero = np.zeros(dim, dtype=np.float32)  # a heading without words compares as 0
        return np.array([vecs.get(h, zero) for h in heads], dtype=np.float32).reshape(len(heads), dim)

    sim = rows(s_heads, sv) @ rows(t_heads, tv).T  # every heading against every other once
    s_at = {h: k for k, h in enumerate(s_heads)}
    t_at = {h: k for k, h in enumerate(t_heads)}
    kept = []
    for i, j in pairs:
        a, b = s_at[i], t_at[j]
        own = float(sim[a, b])
        others = np.concatenate([np.delete(sim[a], b), np.delete(sim[:, b], a)])
        rival = float(others.max()) if others.size else -1.0
        if rival <= own + HEADING_RIVAL_MARGIN:
            kept.append((i, j))
    return kept

HEADING_RIVAL_MARGIN = 0.25
"""A heading pair agreed by number is no hint when another heading of either side matches one
of the two texts (numbers left out) this much better.  Translations of headings score as low
as 0.10-0.27 without their numbers where the translator chose freely (fduthesis 猪肚 / Main
matter, 凤头 / Front matter), so the text alone cannot veto a pair; a rival that reads as the
translation can (nanicolle's swapped last sections: 0.13 against 0.60)."""


def hints(sv: View, tv: View, s_items: Sequence[Item], t_items: Sequence[Item],
          x: np.ndarray, y: np.ndarray,
          heading_vectors: tuple[dict[int, np.ndarray], dict[int, np.ndarray]] | None = None,
          ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(pairs, corners): item pairs (i, j) the two structures agree on (see the module
    docstring), and the DP corners where agreed units begin and end. ``heading_vectors``:
    the vectors of the heading items' texts without their numbers, by item index."""
    out: list[tuple[int, int]] = []
    ends: list[tuple[int, int]] = []
    # sections: same number path and similar printed headings
    s_head = {it.id: n for n, it in enumerate(s_items) if it.kind == "heading"}
    t_head = {it.id: n for n, it in enumerate(t_items) if it.kind == "heading"}
    sk = _unique([(_section_key(sv, s), s_head[s.id]) for s in sv.sections if s.id in s_head])
    tk = _unique([(_section_key(tv, s), t_head[s.id]) for s in tv.sections if s.id in t_head])
    agreed = [(i, tk[key]) for key, i in sk.items()
              if key in tk and float(x[i] @ y[tk[key]]) >= HEADING_HINT_SIMILARITY]
    for i, j in _unrivalled(agreed, list(s_head.values()), list(t_head.values()), heading_vectors):
        out.append((i, j))
        ends.append((i + 1, j + 1))
    # clauses: same number and similar content; the hint pairs their first sentences
    def clause_spans(v: View, seq: Sequence[Item]) -> dict[object, tuple[int, int]]:
        spans: dict[str, list[int]] = {}
        number: dict[str, tuple[str, ...] | None] = {}
        for n, it in enumerate(seq):
            if it.block is None:
                continue
            block = v.blocks[it.block]
            if block.clause is not None:
                spans.setdefault(block.clause.id, []).append(n)
                number[block.clause.id] = block.number
        keyed = _unique([(number[c], k) for k, c in enumerate(spans)])
        cids = list(spans)
        return {key: (spans[cids[k]][0], spans[cids[k]][-1] + 1) for key, k in keyed.items()}

    s_cl, t_cl = clause_spans(sv, s_items), clause_spans(tv, t_items)
    for key, (i0, i1) in s_cl.items():
        if key in t_cl:
            j0, j1 = t_cl[key]
            if float(_unit(x[i0:i1].sum(0)) @ _unit(y[j0:j1].sum(0))) >= CONTENT_HINT_SIMILARITY:
                out.append((i0, j0))
                ends.append((i1, j1))
    # notes: same label and similar content; the hint pairs their first sentences
    s_spans, t_spans = _note_spans(sv, s_items), _note_spans(tv, t_items)
    t_note = _unique([(ids.label_token(label), k) for k, (label, _) in enumerate(t_spans)])
    for key, k in _unique([(ids.label_token(label), k) for k, (label, _) in enumerate(s_spans)]).items():
        if key not in t_note:
            continue
        (i0, i1), (j0, j1) = s_spans[k][1], t_spans[t_note[key]][1]
        if float(_unit(x[i0:i1].sum(0)) @ _unit(y[j0:j1].sum(0))) >= CONTENT_HINT_SIMILARITY:
            out.append((i0, j0))
            ends.append((i1, j1))
    # a bilingual document's two streams: a paragraph and its translation printed next to it
    for (i0, i1), (j0, j1) in _printed_together(sv, tv, s_items, t_items, x, y):
        out.append((i0, j0))
        ends.append((i1, j1))
    return sorted(set(out)), sorted(set(out) | set(ends))


def _printed_together(sv: View, tv: View, s_items: Sequence[Item], t_items: Sequence[Item],
                      x: np.ndarray, y: np.ndarray
                      ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Item spans of the paragraphs a bilingual document prints each right next to its
    translation (a Chinese paragraph, then its English; a table row of the two, read row
    by row): the two streams of one document, and paragraph pairs adjacent in print whose
    contents agree (:data:`CONTENT_HINT_SIMILARITY`), each the better of the two
    neighbours for the other. Print order is evidence as a shared clause number is: the
    aligner still decides, and a translator's moved sentence or a paragraph one side
    splits costs the path one hint."""
    if sv.doc is not tv.doc or sv.lang == tv.lang:
        return []

    def spans(seq: Sequence[Item]) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for n, it in enumerate(seq):
            if it.kind == "sentence" and it.paragraph:
                out.setdefault(it.paragraph, []).append(n)
        return {p: (ns[0], ns[-1] + 1) for p, ns in out.items() if ns[-1] + 1 - ns[0] == len(ns)}

    s_sp, t_sp = spans(s_items), spans(t_items)
    order = [p.id for p in sv.doc.paragraphs if p.id in s_sp or p.id in t_sp]

    def agree(sp: str, tp: str) -> float:
        (i0, i1), (j0, j1) = s_sp[sp], t_sp[tp]
        return float(_unit(x[i0:i1].sum(0)) @ _unit(y[j0:j1].sum(0)))

    best: dict[str, tuple[float, str]] = {}  # each side's paragraph: its best neighbour
    cands: list[tuple[str, str, float]] = []
    for a, b in zip(order, order[1:]):
        sp, tp = (a, b) if a in s_sp and b in t_sp else (b, a) if b in s_sp and a in t_sp else (None, None)
        if sp is None or tp is None:
            continue
        c = agree(sp, tp)
        cands.append((sp, tp, c))
        for key in (sp, tp):
            if key not in best or c > best[key][0]:
                best[key] = (c, tp if key == sp else sp)
    return [(s_sp[sp], t_sp[tp]) for sp, tp, c in cands
            if c >= CONTENT_HINT_SIMILARITY and best[sp][1] == tp and best[tp][1] == sp]


def _note_spans(v: View, seq: Sequence[Item]) -> list[tuple[str, tuple[int, int]]]:
    """(label, item span) of each note, in order."""
    label = {f.id: f.label for f in v.footnotes}
    spans: dict[str, list[int]] = {}
    for n, it in enumerate(seq):
        if it.kind == "note" and it.paragraph in label:
            spans.setdefault(it.paragraph, []).append(n)
    return [(label[f], (ns[0], ns[-1] + 1)) for f, ns in spans.items()]
