"""Align two documents through their structure: sections, clauses/paragraphs, sentences,
footnotes — and flag what a translator should look at.

``align_documents(src, tgt, embedder)`` works top-down:

1. **sections** are paired by printed number where both sides print one (``(一)`` ↔
   ``I.``: both are ``01``), the two unnamed front-matter sections (``zh.front`` ↔
   ``en.front``) with each other, the rest by heading-embedding similarity with a
   monotonic DP; ``section`` links carry the printed headings, number and text
   (``"I. 总则"``; ``Section.heading`` is a :class:`~pariter.model.Heading` id, resolved by
   :meth:`View.heading`), and a same-language pair diffs those.  An unnamed section is
   scored on its content (the sum of its paragraph vectors), not on its empty heading.
2. **blocks** — a clause with its paragraphs, or a paragraph outside any clause — in
   reading order.  Clause numbers present once on each side are hard anchors (clause 05
   ↔ clause 05, the heaviest monotonic subset if they cross); number-paired sections cut
   the sequence too.  Between cuts a monotonic DP over block embeddings allows 1-1, 1-2,
   2-1 and nulls (omission/addition).  Two clauses linked give a ``clause`` link, anything
   else a ``paragraph`` link; inside a clause pair the paragraphs are aligned the same way.
   Segments too large for a dense DP (``dense_cells``) go to the banded FAISS-anchored
   DP of :mod:`pariter.align.sentences`, so memory stays linear in the text.  Captions
   (``role="caption"``) pair only with captions, never with body text.
3. **sentences** inside each linked clause (all its paragraphs: a sentence cut by a page
   break stays whole) or paragraph group are aligned by the dense DP below (groups of
   at most ``sentence_dense_cells`` pairs, and every same-language group) or
   :func:`pariter.align.sentences.align_vectors` (larger groups); the sentences of the
   whole document are embedded once, up front.  Beads go up to ``max_src_sentences`` ×
   ``max_tgt_sentences``, with null beads.  Inside a linked clause the dense DP charges a
   null sentence (``sentence_skip_penalty``: the clause is known to be a translation,
   so a short English sentence that renders half of a long Chinese one joins that bead
   rather than becoming an addition), a many-to-many bead (``sentence_many_penalty``:
   2-2 is almost always 1-1 + 1-1, which composed windows would otherwise swallow
   because a longer window's cosine is smoother), and a length mismatch
   (``sentence_length_weight``, Gale & Church's signal).
4. **footnotes** are paired by label where the labels match, else by embedding DP.

Every link is flagged (:mod:`pariter.align.flags`) and scored: ``score`` is a logistic
calibration of the similarity (cosine; for a same-language pair the mean of cosine and
character-bigram overlap) — see :class:`Calibration`.

**Null links** (omission/addition): the score is the confidence that the unit really has
no counterpart — *not* a translation-quality score.  It is 1 − the calibrated
similarity of the unit's best candidate among the other side's units in the same gap
(between the same two anchors); 1.0 when that gap holds nothing at all (front matter
of the consensus against the report's section 06, which has none).  A high score on a
null therefore means "nothing nearby could be its translation"; a low one means a
candidate exists and the link deserves a look (it is flagged ``low_confidence``).

**Link order** (deterministic): all section links in document order; then the blocks in
document order, each block link followed by the paragraph links inside it (clause pairs)
and then its sentence links; then footnote links.  Null links sit where the unit sits in
its own document.  Scores are rounded to ``score_digits``.

Units of a vector: a paragraph's or clause's vector is the normalised sum of its
sentence vectors (as the sentence aligner composes windows), so each sentence is
embedded exactly once per run; on the consensus this separates true clause pairs
(cos 0.57–0.79) from the best wrong one (≤ 0.54) as well as embedding whole clauses does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from pariter import ids
from pariter.model import (AlignSide, Alignment, Document, Footnote, Link, ModelInfo,
                           Paragraph, Section, Sentence)

from . import flags as F
from .diff import wording_diff
from .structure import BODY_ROLES, Block, View, joiner, view

__all__ = ["Calibration", "AlignConfig", "align_documents", "align_bilingual"]


@dataclass(frozen=True)
class Calibration:
    """``score = 1 / (1 + exp(-slope * (similarity - midpoint)))``.

    Cross-lingual defaults (MUSE, zh↔en, measured on the consensus): translated clause
    pairs have cosine 0.57–0.82, translated sentence pairs 0.47–0.88, random sentence
    pairs a median of 0.14 (90th percentile 0.31).  Midpoint 0.45 and slope 12 put a
    random pair near 0.1, the weakest true pairs at 0.6–0.8 and typical ones above 0.95.
    """

    midpoint: float = 0.45
    slope: float = 12.0

    def __call__(self, similarity: float) -> float:
        return 1.0 / (1.0 + math.exp(-self.slope * (similarity - self.midpoint)))


@dataclass
class AlignConfig:
    """Settings of :func:`align_documents`, one documented field each (like a spaCy config).

    Sentences (dense DP inside a clause pair)
        ``sentence_skip_penalty`` (0.07): cost of a null sentence bead (a 1-1 bead gains
        ``sim − null``).  On the consensus it turns 2 spurious additions into the 1-3 and
        1-2 beads they belong to; dropping one English sentence of the 34-line story
        fixture still leaves its Chinese sentence an omission in 24 cases of 24 (at 0.09:
        22).  ``sentence_many_penalty`` (0.10): per extra unit of ``min(a, b)`` of an a-b
        bead with a, b ≥ 2 (story fixture strict F1 0.949 → 1.0, consensus 1-1 beads
        46 → 50).  ``sentence_length_weight`` (0.10): the DP similarity loses this times
        ``|log(observed / expected length ratio)|`` (``length_smoothing`` 10 characters
        added to both sides); scores are never affected.
        ``max_src_sentences``, ``max_tgt_sentences`` (5, 5): largest bead, 1-5 and 5-1
        (a+b ≤ max+1, see ``sentences.bead_types``).  ``sentence_aligner``: ``"vecalign"``
        (:func:`pariter.align.sentences.align_vectors`, banded, Vecalign costs),
        ``"dense"`` (the absolute-similarity DP used for blocks, which also uses text
        overlap for same-language pairs) or ``"auto"`` (default): dense for same-language
        pairs and for groups of at most ``sentence_dense_cells`` (400) sentence pairs,
        vecalign otherwise.  Vecalign normalises costs by the mean similarity to the other
        side, which a single clause of 5–10 sentences estimates poorly: on the consensus
        the dense DP leaves 3 fewer spurious additions, and for near-identical
        same-language sentences Vecalign splits them into omission + addition.  ``sentence_k`` (3) FAISS
        neighbours for anchors, ``sentence_margin`` (8) band half-width around them,
        ``skip_percentile`` (20) Vecalign skip cost percentile.
    Blocks (clauses/paragraphs), sections, footnotes
        ``null_similarity_cross`` (0.30) / ``null_similarity_same`` (0.60): a 1-1 pair
        below this similarity gains less than leaving both unaligned; the DP maximises
        ``Σ (sim − null) · (a + b) / 2 − merge_penalty · (a + b − 2)``.  ``merge_penalty``
        (0.12; ``sentence_merge_penalty`` 0.06 in the dense sentence DP, where a
        Chinese sentence often spans two English ones).  ``split_similarity_cross`` (0.20) / ``split_similarity_same`` (0.40):
        a bead the banded DP returns below this is split into an omission and an
        addition.  ``dense_cells`` (40 000): larger segments use the banded DP;
        ``block_k`` (4), ``block_margin`` (6) its anchors and band.
    Structure
        ``section_cuts`` (True): number-paired sections cut the block sequence (content
        of section I never links to section II).  ``clause_paragraph_links`` (True):
        paragraph links inside clause pairs; ``clause_paragraph_merge`` (4): a clause's
        paragraphs are known to be parallel, so beads up to 1-4, 2-3, 3-2, 4-1 are allowed
        (a clause's title line printed as its own paragraph, a page-split paragraph).
        Between blocks only 1-2 and 2-1 merges are.  ``sentence_links`` (True).  ``roles``:
        paragraph roles aligned (tables are left out).
    Scores and flags
        ``cross`` / ``same``: :class:`Calibration` for cross- and same-language pairs.
        ``same_text_weight`` (0.5): weight of character-bigram Dice in the same-language
        similarity.  ``section_anchor_prior`` (0.5): number-paired sections score
        ``1 − (1 − p)(1 − prior)`` since headings are too short to embed reliably;
        clauses are judged on content alone.  ``low_confidence`` (0.5): score threshold
        of the ``low_confidence`` flag.  ``length_band`` (2.2), ``zh_en_char_ratio``
        (3.63), ``length_min_chars``: see :mod:`pariter.align.flags`.
        ``diff`` (True): wording diffs on same-language pairs.  ``score_digits`` (4).
    """

    max_src_sentences: int = 5
    max_tgt_sentences: int = 5
    sentence_k: int = 3
    sentence_aligner: str = "auto"
    sentence_dense_cells: int = 400
    sentence_margin: int = 8
    skip_percentile: float = 20.0
    null_similarity_cross: float = 0.30
    null_similarity_same: float = 0.60
    merge_penalty: float = 0.12
    sentence_merge_penalty: float = 0.06
    sentence_length_weight: float = 0.10
    length_smoothing: float = 10.0
    sentence_skip_penalty: float = 0.07
    sentence_many_penalty: float = 0.10
    split_similarity_cross: float = 0.20
    split_similarity_same: float = 0.40
    dense_cells: int = 40_000
    block_k: int = 4
    block_margin: int = 6
    section_cuts: bool = True
    clause_paragraph_merge: int = 4
    clause_paragraph_links: bool = True
    sentence_links: bool = True
    roles: tuple[str, ...] = BODY_ROLES
    cross: Calibration = field(default_factory=Calibration)
    same: Calibration = field(default_factory=lambda: Calibration(midpoint=0.70, slope=14.0))
    same_text_weight: float = 0.5
    section_anchor_prior: float = 0.5
    low_confidence: float = 0.5
    length_band: float = F.LENGTH_BAND
    zh_en_char_ratio: float = F.ZH_EN_CHAR_RATIO
    length_min_chars: dict[str, int] = field(default_factory=lambda: dict(F.MIN_CHARS))
    diff: bool = True
    score_digits: int = 4


# -- similarity over groups of units --------------------------------------------------------
def _bigrams(text: str) -> set[str]:
    t = "".join(text.split())
    return {t[i:i + 2] for i in range(len(t) - 1)} if len(t) > 1 else {t}


def _dice(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


class _Units:
    """Texts and vectors of one side's units, with composed vectors for consecutive groups."""

    def __init__(self, texts: list[str], vectors: np.ndarray,
                 kinds: Sequence[str] | None = None) -> None:
        self.texts = texts
        self.x = vectors.astype(np.float32)
        self._cum: np.ndarray | None = None
        self._grams: dict[tuple[int, int], set[str]] = {}
        self._windows: dict[int, np.ndarray] = {}
        # unit kinds that must only pair with their own kind ("caption" vs "body")
        self.kinds = (list(kinds) if kinds is not None and any(k != "body" for k in kinds)
                      else None)

    def sub(self, i: int, j: int) -> "_Units":
        return _Units(self.texts[i:j], self.x[i:j],
                      self.kinds[i:j] if self.kinds is not None else None)

    def kind(self, i: int, a: int) -> str | None:
        if self.kinds is None:
            return None
        ks = set(self.kinds[i:i + a])
        return ks.pop() if len(ks) == 1 else "mixed"

    def __len__(self) -> int:
        return len(self.texts)

    def window(self, i: int, a: int) -> np.ndarray:
        return _unit(self.x[i:i + a].sum(axis=0))

    def windows(self, b: int) -> np.ndarray:
        """Row j = composed vector of units j..j+b-1 (cached per b)."""
        if b in self._windows:
            return self._windows[b]
        n = len(self) - b + 1
        if n <= 0:
            return np.zeros((0, self.x.shape[1]), dtype=np.float32)
        w = sum(self.x[k:k + n] for k in range(b))
        norms = np.linalg.norm(w, axis=1, keepdims=True)
        self._windows[b] = np.divide(w, norms, out=np.zeros_like(w), where=norms > 0)
        return self._windows[b]

    def chars(self, i: int, a: int) -> float:
        """Non-space characters of units i..i+a-1."""
        return float(self.cum()[i + a] - self.cum()[i])

    def char_windows(self, b: int) -> np.ndarray:
        """Row j = non-space characters of units j..j+b-1."""
        c = self.cum()
        return (c[b:] - c[:len(c) - b]) if len(self) >= b else np.zeros(0)

    def cum(self) -> np.ndarray:
        if self._cum is None:
            self._cum = np.concatenate(([0.0], np.cumsum([F.char_length(t) for t in self.texts])))
        return self._cum

    def grams(self, i: int, a: int) -> set[str]:
        key = (i, a)
        if key not in self._grams:
            self._grams[key] = _bigrams("".join(self.texts[i:i + a]))
        return self._grams[key]


class _Scorer:
    def __init__(self, cfg: AlignConfig, same: bool) -> None:
        self.cfg, self.same = cfg, same
        self.cal = cfg.same if same else cfg.cross
        self.null = cfg.null_similarity_same if same else cfg.null_similarity_cross
        self.split = cfg.split_similarity_same if same else cfg.split_similarity_cross
        self.expected = 1.0  # target characters per source character, set by the run

    def sim_row(self, s: _Units, i: int, a: int, t: _Units, b: int) -> np.ndarray:
        """Similarity of src[i:i+a] with every tgt window of size b."""
        cos = t.windows(b) @ s.window(i, a)
        if self.same and len(t) * len(s) <= self.cfg.dense_cells // 4:
            w = self.cfg.same_text_weight
            sg = s.grams(i, a)
            dice = np.array([_dice(sg, t.grams(j, b)) for j in range(len(t) - b + 1)])
            cos = (1 - w) * cos + w * dice
        if s.kinds is not None or t.kinds is not None:  # a caption pairs only with a caption
            ks = s.kind(i, a) or "body"
            bad = np.array([ks == "mixed" or (t.kind(j, b) or "body") != ks
                            for j in range(len(t) - b + 1)], dtype=bool)
            cos = np.where(bad, -1.0, cos)
        return cos

    def sim(self, s: _Units, si: Sequence[int], t: _Units, ti: Sequence[int]) -> float:
        if not si or not ti:
            return 0.0
        if (s.kinds is not None or t.kinds is not None) and (
                (s.kind(si[0], len(si)) or "body") != (t.kind(ti[0], len(ti)) or "body")
                or s.kind(si[0], len(si)) == "mixed"):
            return -1.0
        cos = float(s.window(si[0], len(si)) @ t.window(ti[0], len(ti)))
        if not self.same:
            return cos
        w = self.cfg.same_text_weight
        return (1 - w) * cos + w * _dice(s.grams(si[0], len(si)), t.grams(ti[0], len(ti)))

    def score(self, sim: float) -> float:
        return self.cal(sim)

    def length_row(self, s: _Units, i: int, a: int, t: _Units, b: int) -> np.ndarray:
        """|log(observed / expected length ratio)| of src[i:i+a] with every tgt window of
        size b (Gale & Church's signal; a few characters of smoothing keep short
        sentences from dominating)."""
        k = self.cfg.length_smoothing
        src = (s.chars(i, a) + k) * self.expected
        return np.abs(np.log((t.char_windows(b) + k * self.expected) / src))


Bead = tuple[tuple[int, ...], tuple[int, ...]]


def _dense_dp(s: _Units, t: _Units, sc: _Scorer, types: Sequence[tuple[int, int]],
              merge_penalty: float, length_weight: float = 0.0,
              skip_penalty: float = 0.0, many_penalty: float = 0.0) -> list[Bead]:
    """Maximum-gain monotone path over all cells; gain of an a-b bead (a, b ≥ 1) is
    ``(sim − null) · (a + b) / 2 − merge_penalty · (a + b − 2)``, nulls gain 0.

    Weighting by the units covered lets a merge compete with a 1-1 plus a null; the
    penalty per extra unit stops composed windows (whose similarity grows with length)
    from swallowing neighbouring 1-1 pairs."""
    n, m = len(s), len(t)
    G = np.full((n + 1, m + 1), -np.inf)
    P = np.full((n + 1, m + 1), -1, dtype=np.int16)
    G[0, 0] = 0.0
    pairs = [(k, a, b) for k, (a, b) in enumerate(types) if a and b]
    hskip = types.index((0, 1)) if (0, 1) in types else None
    vskip = types.index((1, 0)) if (1, 0) in types else None
    for i in range(n + 1):
        row, ptr = G[i], P[i]
        if i > 0 and vskip is not None:
            skipped = G[i - 1] - skip_penalty
            better = skipped > row
            row[better], ptr[better] = skipped[better], vskip
        for k, a, b in pairs:
            if i - a < 0 or m - b + 1 <= 0:
                continue
            sims = sc.sim_row(s, i - a, a, t, b)  # for tgt windows starting at j = 0..m-b
            if length_weight:
                sims = sims - length_weight * sc.length_row(s, i - a, a, t, b)
            gain = (sims - sc.null) * (a + b) / 2.0 - merge_penalty * (a + b - 2)
            if a > 1 and b > 1:  # many-to-many: usually two smaller beads side by side
                gain = gain - many_penalty * (min(a, b) - 1)
            cand = G[i - a, : m - b + 1] + gain
            seg = slice(b, m + 1)
            better = cand > row[seg]
            row[seg] = np.where(better, cand, row[seg])
            ptr[seg] = np.where(better, k, ptr[seg])
        if hskip is not None:
            for j in range(1, m + 1):
                if row[j - 1] - skip_penalty > row[j]:
                    row[j], ptr[j] = row[j - 1] - skip_penalty, hskip
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = types[int(P[i, j])]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _monotone_dp(s: _Units, t: _Units, sc: _Scorer, cfg: AlignConfig, *,
                 merges: int = 1, penalty: float | None = None,
                 length_weight: float = 0.0, skip_penalty: float = 0.0,
                 many_penalty: float = 0.0) -> list[Bead]:
    """Nulls and a-b beads with a, b ≥ 1 and a + b ≤ k + 1 (k = ``merges``: 1 gives 1-1 only,
    2 gives 1-1, 1-2, 2-1, 3 adds 1-3, 3-1, 2-2); banded when the segment is large."""
    n, m = len(s), len(t)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    types = [(1, 0), (0, 1), (1, 1)]
    types += [(a, b) for a in range(1, merges + 1) for b in range(1, merges + 1)
              if 2 < a + b <= merges + 1]
    if n * m <= cfg.dense_cells:
        return _dense_dp(s, t, sc, types, cfg.merge_penalty if penalty is None else penalty,
                         length_weight, skip_penalty, many_penalty)
    from .sentences import align_vectors

    mx = max(1, merges)
    raw = align_vectors(s.x, t.x, max_src=mx, max_tgt=mx, k=cfg.block_k, margin=cfg.block_margin)
    out: list[Bead] = []
    for bead in raw:
        si, ti = tuple(bead.src), tuple(bead.tgt)
        if si and ti and sc.sim(s, si, t, ti) < sc.split:
            out += [(si, ())] + [((), ti)]
        else:
            out.append((si, ti))
    return out


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (i, j) pairs, sorted by i, strictly increasing in j."""
    pairs = sorted(pairs)
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos > 0 else -1
    out = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _kind(paragraphs: Sequence[Paragraph]) -> str:
    """``caption`` for a block made of captions (aligned only with captions), else ``body``."""
    return "caption" if paragraphs and all(p.role == "caption" for p in paragraphs) else "body"


def _section_key(v: View, section: Section) -> tuple[str, ...] | None:
    """Number path of a section; the unnamed front-matter section (``zh.front``) of each
    side pairs with the other's."""
    if section.level == 0 and section.id.endswith(".front"):
        return ("front",)
    return v.section_key(section)


def _unique_keys(keys: list) -> dict:
    seen: dict = {}
    for n, k in enumerate(keys):
        if k is None:
            continue
        seen[k] = None if k in seen else n
    return {k: v for k, v in seen.items() if v is not None}


# -- the aligner -----------------------------------------------------------------------------
class _Run:
    def __init__(self, sv: View, tv: View, embedder, cfg: AlignConfig) -> None:
        self.sv, self.tv, self.cfg = sv, tv, cfg
        self.same = sv.lang == tv.lang
        self.sc = _Scorer(cfg, self.same)
        self.embedder = embedder
        self.links: list[Link] = []
        # every sentence of each side, embedded once
        self.s_sent = {p.id: sv.paragraph_sentences(p) for b in sv.blocks for p in b.paragraphs}
        self.t_sent = {p.id: tv.paragraph_sentences(p) for b in tv.blocks for p in b.paragraphs}
        self.s_vec = self._embed([s.text for ss in self.s_sent.values() for s in ss],
                                 [s.id for ss in self.s_sent.values() for s in ss])
        self.t_vec = self._embed([s.text for ss in self.t_sent.values() for s in ss],
                                 [s.id for ss in self.t_sent.values() for s in ss])
        self.expected = (self.cfg.zh_en_char_ratio if (sv.lang, tv.lang) == ("zh", "en") else
                         1 / self.cfg.zh_en_char_ratio if (sv.lang, tv.lang) == ("en", "zh")
                         else 1.0)
        self.sc.expected = self.expected

    def _embed(self, texts: list[str], keys: list[str]) -> dict[str, np.ndarray]:
        if not texts:
            return {}
        vecs = np.asarray(self.embedder.encode(texts), dtype=np.float32)
        return dict(zip(keys, vecs))

    def _zero(self) -> np.ndarray:
        return np.zeros(int(self.embedder.dim), dtype=np.float32)

    # vectors of units composed from their sentences
    def _para_vec(self, side: str, p: Paragraph) -> np.ndarray:
        sents = (self.s_sent if side == "s" else self.t_sent).get(p.id, [])
        vecs = self.s_vec if side == "s" else self.t_vec
        if not sents:
            return self._zero()
        return _unit(np.sum([vecs[s.id] for s in sents], axis=0))

    def _block_units(self, side: str, blocks: list[Block]) -> _Units:
        vecs = [_unit(np.sum([self._para_vec(side, p) for p in b.paragraphs], axis=0))
                if b.paragraphs else self._zero() for b in blocks]
        return _Units([b.text for b in blocks],
                      np.array(vecs) if vecs else np.zeros((0, self.embedder.dim), np.float32),
                      [_kind(b.paragraphs) for b in blocks])

    def _para_units(self, side: str, paras: list[Paragraph]) -> _Units:
        vecs = [self._para_vec(side, p) for p in paras]
        return _Units([p.text for p in paras],
                      np.array(vecs) if vecs else np.zeros((0, self.embedder.dim), np.float32),
                      [_kind([p]) for p in paras])

    def _text_units(self, texts: list[str]) -> _Units:
        vecs = (np.asarray(self.embedder.encode(texts), dtype=np.float32) if texts
                else np.zeros((0, self.embedder.dim), np.float32))
        # empty texts (an unnamed section) must not look similar to anything
        for k, t in enumerate(texts):
            if not t.strip():
                vecs[k] = 0.0
        return _Units(texts, vecs)

    # -- link making ------------------------------------------------------------------------
    def _link(self, level: str, src: list[str], tgt: list[str], s_text: str, t_text: str,
              score: float, ignore: Sequence[str] = (),
              compare: tuple[str, str] | None = None) -> Link:
        """``compare`` is what the wording diff reads when it differs from the texts
        shown (section headings are diffed without their numbers: （一） and I. are
        numbering styles, not wording)."""
        cfg = self.cfg
        score = round(min(1.0, max(0.0, score)), cfg.score_digits)
        diff = None
        a, b = compare or (s_text, t_text)
        if self.same and cfg.diff and a.strip() and b.strip():
            diff = wording_diff(a, b, self.sv.lang)
        fl = F.link_flags(s_text, t_text, score=score, src_lang=self.sv.lang,
                          tgt_lang=self.tv.lang, threshold=cfg.low_confidence,
                          ignore_numbers=ignore, diff=diff, band=cfg.length_band,
                          expected=self.expected, min_chars=cfg.length_min_chars)
        link = Link(level, list(src), list(tgt), s_text, t_text, score, fl, diff)  # type: ignore[arg-type]
        self.links.append(link)
        return link

    def _null_score(self, s: _Units, si: tuple[int, ...], t: _Units, ti: tuple[int, ...]) -> float:
        """Confidence of a null bead: 1 − calibrated similarity of its best candidate."""
        if si:
            if len(t) == 0:
                return 1.0
            best = max(float(self.sc.sim_row(s, si[0], len(si), t, 1).max()), 0.0)
        else:
            if len(s) == 0:
                return 1.0
            best = max(float(self.sc.sim_row(t, ti[0], len(ti), s, 1).max()), 0.0)
        return 1.0 - self.sc.score(best)

    def _bead_score(self, s: _Units, si, t: _Units, ti) -> float:
        if si and ti:
            return self.sc.score(self.sc.sim(s, si, t, ti))
        return self._null_score(s, si, t, ti)

    # -- 1. sections ----------------------------------------------------------------------
    def _section_content(self, side: str, v: View, sections: list[Section]) -> _Units:
        """Each section's own content (its blocks, not its subsections') as one vector."""
        by_section: dict[str, list[np.ndarray]] = {}
        for b in v.blocks:
            for p in b.paragraphs:
                if p.section is not None:
                    by_section.setdefault(p.section, []).append(self._para_vec(side, p))
        vecs = [_unit(np.sum(by_section[x.id], axis=0)) if x.id in by_section else self._zero()
                for x in sections]
        return _Units([x.id for x in sections],
                      np.array(vecs) if vecs else np.zeros((0, self.embedder.dim), np.float32))

    def sections(self) -> list[tuple[Section, Section]]:
        S, T = self.sv.sections, self.tv.sections
        # headings are embedded without their printed number (numbers are matched as keys)
        su = self._text_units([self.sv.heading_text(x) for x in S])
        tu = self._text_units([self.tv.heading_text(x) for x in T])
        sk = _unique_keys([_section_key(self.sv, x) for x in S])
        tk = _unique_keys([_section_key(self.tv, x) for x in T])
        anchors = _lis([(sk[k], tk[k]) for k in sk if k in tk])
        beads: list[tuple[Bead, bool, tuple[_Units, _Units, Bead] | None]] = []
        i0 = j0 = 0
        for ai, aj in anchors + [(len(S), len(T))]:
            sub_s = _Units(su.texts[i0:ai], su.x[i0:ai])
            sub_t = _Units(tu.texts[j0:aj], tu.x[j0:aj])
            for si, ti in _monotone_dp(sub_s, sub_t, self.sc, self.cfg, merges=1):
                bead = (tuple(i + i0 for i in si), tuple(j + j0 for j in ti))
                beads.append((bead, False, (sub_s, sub_t, (si, ti), (i0, ai, j0, aj))))
            if ai < len(S):
                beads.append((((ai,), (aj,)), True, None))
            i0, j0 = ai + 1, aj + 1
        sc_content = tc_content = None
        numbered: list[tuple[Section, Section]] = []
        prior = self.cfg.section_anchor_prior
        for (si, ti), anchored, gap in beads:
            empty = any(not su.texts[i].strip() for i in si) or any(not tu.texts[j].strip()
                                                                    for j in ti)
            if empty:
                # an unnamed section (front matter): judge it by its content, not its heading
                if sc_content is None:
                    sc_content = self._section_content("s", self.sv, S)
                    tc_content = self._section_content("t", self.tv, T)
                if si and ti:
                    score = self.sc.score(float(sc_content.x[si[0]] @ tc_content.x[ti[0]]))
                else:  # candidates: the other side's sections in the same gap
                    a0, a1, b0, b1 = gap[3] if gap is not None else (0, len(S), 0, len(T))
                    score = self._null_score(
                        _Units(sc_content.texts[a0:a1], sc_content.x[a0:a1]),
                        tuple(i - a0 for i in si),
                        _Units(tc_content.texts[b0:b1], tc_content.x[b0:b1]),
                        tuple(j - b0 for j in ti))
            elif gap is not None:
                sub_s, sub_t, (a, b), _ = gap
                score = self._bead_score(sub_s, a, sub_t, b)
            else:
                score = self._bead_score(su, si, tu, ti)
            if anchored:
                score = 1 - (1 - score) * (1 - prior)
                if not empty:
                    numbered.append((S[si[0]], T[ti[0]]))
            self._link("section", [S[i].id for i in si], [T[j].id for j in ti],
                       " ".join(self.sv.heading(S[i]) for i in si),
                       " ".join(self.tv.heading(T[j]) for j in ti), score,
                       compare=(" ".join(self.sv.heading_text(S[i]) for i in si),
                                " ".join(self.tv.heading_text(T[j]) for j in ti)))
        return numbered

    # -- 2. blocks ------------------------------------------------------------------------
    def _section_cut_points(self, numbered: list[tuple[Section, Section]]) -> list[tuple[int, int]]:
        def first_block(v: View, sec: Section) -> int | None:
            inside = {sec.id}
            for x in v.sections:  # sections are in document order, parents first
                if x.parent in inside:
                    inside.add(x.id)
            for n, b in enumerate(v.blocks):
                if b.section in inside:
                    return n
            return None

        cuts = []
        for a, b in numbered:
            i, j = first_block(self.sv, a), first_block(self.tv, b)
            if i is not None and j is not None:
                cuts.append((i, j))
        return cuts

    def blocks(self, numbered: list[tuple[Section, Section]]) -> None:
        sb, tb = self.sv.blocks, self.tv.blocks
        su, tu = self._block_units("s", sb), self._block_units("t", tb)
        sk = _unique_keys([b.number for b in sb])
        tk = _unique_keys([b.number for b in tb])
        anchors = _lis([(sk[k], tk[k]) for k in sk if k in tk])
        points = {(0, 0), (len(sb), len(tb))}
        for i, j in anchors:
            points |= {(i, j), (i + 1, j + 1)}
        if self.cfg.section_cuts:
            for c in sorted(self._section_cut_points(numbered)):
                ok = all((p[0] <= c[0] and p[1] <= c[1]) or (p[0] >= c[0] and p[1] >= c[1])
                         for p in points)
                inside = any(i <= c[0] <= i + 1 and j <= c[1] <= j + 1 and c not in
                             ((i, j), (i + 1, j + 1)) for i, j in anchors)
                if ok and not inside:
                    points.add(c)
        cuts = sorted(points)
        anchor_set = set(anchors)
        for (i0, j0), (i1, j1) in zip(cuts, cuts[1:]):
            if (i0, j0) in anchor_set and (i1, j1) == (i0 + 1, j0 + 1):
                self._block_bead(su, (i0,), tu, (j0,))
                continue
            sub_s, sub_t = su.sub(i0, i1), tu.sub(j0, j1)
            for si, ti in _monotone_dp(sub_s, sub_t, self.sc, self.cfg, merges=2):
                # null scores look for candidates inside the same gap
                self._block_bead(su, tuple(i + i0 for i in si), tu, tuple(j + j0 for j in ti),
                                 gap=(sub_s, sub_t, si, ti))

    def _block_bead(self, su: _Units, si: tuple[int, ...], tu: _Units, ti: tuple[int, ...],
                    gap=None) -> None:
        sb = [self.sv.blocks[i] for i in si]
        tb = [self.tv.blocks[j] for j in ti]
        if si and ti:
            score = self.sc.score(self.sc.sim(su, si, tu, ti))
        elif gap is not None:
            score = self._null_score(gap[0], gap[2], gap[1], gap[3])
        else:
            score = 1.0
        if all(b.clause for b in sb + tb):
            level, s_ids, t_ids = "clause", [b.clause.id for b in sb], [b.clause.id for b in tb]
        else:
            level = "paragraph"
            s_ids = [p.id for b in sb for p in b.paragraphs]
            t_ids = [p.id for b in tb for p in b.paragraphs]
        ignore = [b.clause.number for b in sb + tb if b.clause]
        self._link(level, s_ids, t_ids, "\n\n".join(b.text for b in sb),
                   "\n\n".join(b.text for b in tb), score, ignore)
        if not (si and ti):
            return
        sp = [p for b in sb for p in b.paragraphs]
        tp = [p for b in tb for p in b.paragraphs]
        if level == "clause" and self.cfg.clause_paragraph_links:
            pu, qu = self._para_units("s", sp), self._para_units("t", tp)
            for a, b in _monotone_dp(pu, qu, self.sc, self.cfg,
                                     merges=self.cfg.clause_paragraph_merge):
                self._link("paragraph", [sp[i].id for i in a], [tp[j].id for j in b],
                           "\n\n".join(sp[i].text for i in a), "\n\n".join(tp[j].text for j in b),
                           self._bead_score(pu, a, qu, b), ignore)
        if self.cfg.sentence_links:
            self._sentences(sp, tp, ignore)

    # -- 3. sentences ---------------------------------------------------------------------
    def _sentences(self, sp: list[Paragraph], tp: list[Paragraph], ignore: Sequence[str]) -> None:
        ss: list[Sentence] = [s for p in sp for s in self.s_sent.get(p.id, [])]
        ts: list[Sentence] = [s for p in tp for s in self.t_sent.get(p.id, [])]
        if not ss and not ts:
            return
        su = _Units([s.text for s in ss], np.array([self.s_vec[s.id] for s in ss])
                    if ss else np.zeros((0, self.embedder.dim), np.float32))
        tu = _Units([s.text for s in ts], np.array([self.t_vec[s.id] for s in ts])
                    if ts else np.zeros((0, self.embedder.dim), np.float32))
        cfg = self.cfg
        mode = cfg.sentence_aligner
        if mode == "auto":
            small = len(ss) * len(ts) <= cfg.sentence_dense_cells
            mode = "dense" if self.same or small else "vecalign"
        if ss and ts and mode == "dense" and len(ss) * len(ts) <= cfg.dense_cells:
            beads = _monotone_dp(su, tu, self.sc, cfg,
                                 merges=max(cfg.max_src_sentences, cfg.max_tgt_sentences),
                                 penalty=cfg.sentence_merge_penalty,
                                 length_weight=cfg.sentence_length_weight,
                                 skip_penalty=cfg.sentence_skip_penalty,
                                 many_penalty=cfg.sentence_many_penalty)
        elif ss and ts:
            from .sentences import align_vectors

            beads = [(tuple(b.src), tuple(b.tgt)) for b in align_vectors(
                su.x, tu.x, max_src=cfg.max_src_sentences, max_tgt=cfg.max_tgt_sentences,
                k=cfg.sentence_k, margin=cfg.sentence_margin, skip_percentile=cfg.skip_percentile,
                src_texts=[x.text for x in ss], tgt_texts=[x.text for x in ts],
                embedder=self.embedder)]
        else:
            beads = [((i,), ()) for i in range(len(ss))] + [((), (j,)) for j in range(len(ts))]
        js, jt = joiner(self.sv.lang), joiner(self.tv.lang)
        for a, b in beads:
            self._link("sentence", [ss[i].id for i in a], [ts[j].id for j in b],
                       js.join(ss[i].text for i in a), jt.join(ts[j].text for j in b),
                       self._bead_score(su, a, tu, b), ignore)

    # -- 4. footnotes ---------------------------------------------------------------------
    def footnotes(self) -> None:
        S, T = self.sv.footnotes, self.tv.footnotes
        if not S and not T:
            return
        su = self._text_units([f.text for f in S])
        tu = self._text_units([f.text for f in T])
        sk = _unique_keys([ids.label_token(f.label) for f in S])
        tk = _unique_keys([ids.label_token(f.label) for f in T])
        anchors = _lis([(sk[k], tk[k]) for k in sk if k in tk])
        i0 = j0 = 0
        for ai, aj in anchors + [(len(S), len(T))]:
            sub_s = _Units(su.texts[i0:ai], su.x[i0:ai])
            sub_t = _Units(tu.texts[j0:aj], tu.x[j0:aj])
            for si, ti in _monotone_dp(sub_s, sub_t, self.sc, self.cfg, merges=1):
                self._foot(S, T, su, tu, tuple(i + i0 for i in si), tuple(j + j0 for j in ti))
            if ai < len(S):
                self._foot(S, T, su, tu, (ai,), (aj,))
            i0, j0 = ai + 1, aj + 1

    def _foot(self, S: list[Footnote], T: list[Footnote], su: _Units, tu: _Units, si, ti) -> None:
        self._link("footnote", [S[i].id for i in si], [T[j].id for j in ti],
                   "\n".join(S[i].text for i in si), "\n".join(T[j].text for j in ti),
                   self._bead_score(su, si, tu, ti))


def _side(v: View) -> AlignSide:
    return AlignSide(v.doc.id, v.doc.source.path, v.doc.source.sha256, v.lang, v.select)


def align_documents(src: Document, tgt: Document, embedder, *, src_select: str | None = None,
                    tgt_select: str | None = None, src_lang: str | None = None,
                    tgt_lang: str | None = None, config: AlignConfig | None = None) -> Alignment:
    """Align ``src`` with ``tgt`` through their structure (see the module docstring).

    ``src_select``/``tgt_select`` restrict a side to the subtree of one section
    (``"zh.s06"``); ``src_lang``/``tgt_lang`` pick the stream of a bilingual document
    (default: the selected section's language, else the document's only language).
    ``embedder`` is anything with ``name``, ``dim`` and ``encode(texts)`` returning unit
    rows (:mod:`pariter.align.embed`).
    """
    cfg = config or AlignConfig()
    sv = view(src, src_select, src_lang, cfg.roles)
    tv = view(tgt, tgt_select, tgt_lang, cfg.roles)
    run = _Run(sv, tv, embedder, cfg)
    numbered = run.sections()
    run.blocks(numbered)
    run.footnotes()
    return Alignment(_side(sv), _side(tv), ModelInfo(getattr(embedder, "name", "unknown"),
                                                    int(getattr(embedder, "dim", 0))), run.links)


def align_bilingual(doc: Document, embedder, *, src_lang: str = "zh", tgt_lang: str = "en",
                    config: AlignConfig | None = None) -> Alignment:
    """Align the two language streams of one bilingual document (zh → en by default)."""
    return align_documents(doc, doc, embedder, src_lang=src_lang, tgt_lang=tgt_lang,
                           config=config)


def summary(alignment: Alignment) -> dict[str, dict[str, int]]:
    """Counts of links per level and of flags per level, for reports and logs."""
    out: dict[str, dict[str, int]] = {}
    for link in alignment.links:
        d = out.setdefault(link.level, {"links": 0})
        d["links"] += 1
        for f in link.flags:
            d[f] = d.get(f, 0) + 1
    return out

