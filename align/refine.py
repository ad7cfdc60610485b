"""The evidence pass: real embeddings of bead texts settle what composed windows leave in doubt.

The DP judges a window by the normalised sum of its sentence vectors, which is cheap but
blurs exactly the decisions at a bead's edge: which bead a boundary sentence belongs to,
whether a sentence with no clear partner is a null or half of a merge.  Here the texts of
the beads involved are joined and embedded for real (a few texts per doubtful bead, not
every window of the text, which is what Bertalign and Vecalign embed), and the bead
score is the cosine of the two sides' real vectors.

Moves, each between adjacent beads, each kept only when the evidence says so:

* **boundary**: the last sentence of one bead's side moves to the next bead, or the first
  of the next moves back; kept when the two beads' summed scores rise by more than `gain`;
* **null joins**: a null sentence joins the neighbouring bead on its side when that bead
  scores no worse than `null_margin` below what it scored without it; a sentence is left
  unaligned only when every such merge is worse by more than the margin, or when it
  carries a URL or e-mail address the bead's other side does not print (`_foreign_url`);
* **null splits**: the end sentence of a bead's side leaves as a null when the bead
  scores more than `null_margin` + `split_margin` better without it (the same rule read
  backwards, at the resolution a boundary move needs too); the extra margin is waived
  for a sentence carrying a URL the bead's other side does not print.  A run of end
  sentences may leave together, as one decision (the DP's affine gap, `skip_extend`):
  lines with no counterpart that the DP packed into a bead each dilute it too little
  to leave alone (handbook-zh's page navigation, "序", "上一页 上一级 起始页 下一页",
  "2. 本书为谁而写？", held a 4-1 bead at cosine 0.37 beside a true 1-1 pair);
* **copied tokens** (with `copied_max`): a translation copies numbers, section numbers and
  the names of commands, files and packages verbatim, so a sentence that shares such a
  token with the other side of the bead beside it, which that bead's own side lacks,
  belongs to that bead: a null joins it whatever the cosine says (the joined bead still
  has to resemble more than random pairs, `pair_floor`), and such a sentence never splits
  off (`_Copies`);
* **merge** (with `merge_gain`): two adjacent beads become one when the merged bead
  scores more than `merge_gain` above the better of the two (2-2 and larger beads);
* **part** (with `part_gain`): a bead of several sentences on both sides splits into two
  full beads when Vecalign's cost, nSents(x) nSents(y) (1 - cos(x, y)), summed over the
  two parts, is lower than the bead's own by more than `part_gain`: the cost the DP
  minimised, read on real embeddings of the texts instead of the DP's composed windows
  (a normalised sum of sentence vectors scores two adjacent translations together above
  either alone, and so flatters a 2-2 bead over two 1-1 beads);
* **slide** (with `slide`, after the rounds): a 1-1 bead beside a run of nulls on one
  side takes as its partner the sentence of the run that scores more than `gain` above
  the one it has, which joins the nulls (the same summed-score rule as a boundary move:
  a null scores 0 wherever it stands);
* **URLs apart** (with `unpair_urls`, last): a bead whose two sides print nothing but URLs,
  on different hosts, is two nulls: a URL is copied verbatim, so two link-only notes to
  different sites are not a note and its translation, however alike two links embed;
* **pairs** (with `pair_floor`, after the rounds): a sentence left out on each side at the
  same point becomes a 1-1 bead when the two are more alike than random pairs of the
  text mostly are.

Non-overlapping best moves are applied each round; every move keeps each sentence in
exactly one bead, in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .embed import Embedder
from .joins import join_texts

__all__ = ["refine"]

MAX_SIDE = 5
"""A move never makes a bead side longer than the DP's largest bead (5 sentences)."""

ROUNDS = 2
"""Rounds of moves; a second round settles moves the first one made possible."""


Ids = tuple[int, ...]


class _Scores:
    """Real embeddings of bead sides, embedded in batches and remembered."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], embedder: Embedder,
                 vectors: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.texts = (src, tgt)
        self.embedder = embedder
        self.vectors = vectors  # the sentences' own vectors: one sentence is never re-embedded
        self.vecs: dict[tuple[int, Ids], np.ndarray] = {}

    def need(self, keys: set[tuple[int, Ids]]) -> None:
        if self.vectors is not None:
            for side, ids in keys:
                if len(ids) == 1 and (side, ids) not in self.vecs:
                    self.vecs[(side, ids)] = self.vectors[side][ids[0]]
        for side in (0, 1):
            todo = sorted(key for key in keys if key[0] == side and key not in self.vecs and key[1])
            if todo:
                joined = [join_texts([self.texts[side][i] for i in ids]) for _, ids in todo]
                self.vecs.update(zip(todo, np.asarray(self.embedder.encode(joined), dtype=np.float32)))

    def score(self, s: Ids, t: Ids) -> float:
        if not s or not t:
            return 0.0
        v = float(self.vecs[(0, s)] @ self.vecs[(1, t)])
        return v if np.isfinite(v) else 0.0


def _url_elsewhere(new: list, src: Sequence[str], tgt: Sequence[str]) -> bool:
    """Does the sentence leaving in a split carry a URL the bead's other side lacks?

    A URL is copied verbatim into a translation, so a sentence whose URL the other side
    does not print has no counterpart there on evidence the text carries; the split then
    needs no margin beyond what the embeddings show (a bare link footnote embeds like
    anything else: its cosine says next to nothing)."""
    from .flags import urls

    (s_full, t_full), (s_null, t_null) = sorted(new, key=lambda b: not (b[0] and b[1]))
    leaving = [src[i] for i in s_null] or [tgt[j] for j in t_null]
    other = [tgt[j] for j in t_full] if s_null else [src[i] for i in s_full]
    found = set().union(*(urls(t) for t in other)) if other else set()
    return any(not urls(t) <= found for t in leaving if urls(t))


def _foreign_url(null, full, src: Sequence[str], tgt: Sequence[str]) -> bool:  # noqa: ANN001
    """Does the null sentence carry a URL or an e-mail address the full bead's other side
    does not print? Then it does not join that bead on a cosine: a URL is copied verbatim
    into a translation, so the bead's other side would print it were the null part of its
    translation (a contact line, "Contact us: research@…", after a document's last clause
    reads like the end of that clause to an embedder, and joined it)."""
    from .flags import urls

    leaving = [src[i] for i in null.src] or [tgt[j] for j in null.tgt]
    other = [tgt[j] for j in full.tgt] if null.src else [src[i] for i in full.src]
    found = set().union(*(urls(t) for t in other)) if other else set()
    return any(not urls(t) <= found for t in leaving if urls(t))


_LATIN_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.\\/-]*[A-Za-z0-9])?")
"""A run of Latin letters and digits, dots, slashes and the like inside: ``4.4``,
``cmr10.tfm``, ``#746715``'s number, ``unicode-math``; two characters at least (a lone list
number or letter is no name)."""


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


def _has_cjk(text: str) -> bool:
    return any(_is_cjk(ch) for ch in text)


class _Copies:
    """Tokens a translation copies verbatim, read where one side is written in CJK: the runs
    of Latin letters and digits a Chinese sentence prints (in a Chinese text such a run is
    a copy, not a word of the language) that the other side prints too, exactly, case
    included.  A token counts only when at most `max_sentences` sentences of each side
    carry it: the document's own name or its main command is everywhere and tells nothing
    about where one sentence goes, a section number or a file name is in one or two.

    Between two texts in Latin script (no CJK on either side) every word would be shared,
    so there is no evidence of this kind there."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], max_sentences: int) -> None:
        self.max = max_sentences
        self.count: tuple[dict[str, int], dict[str, int]] = ({}, {})
        for side, texts in ((0, src), (1, tgt)):
            for text in texts:
                for run in self.runs(text):
                    self.count[side][run] = self.count[side].get(run, 0) + 1

    @staticmethod
    def runs(text: str) -> set[str]:
        return {r for r in _LATIN_RUN.findall(text) if len(r) >= 2}

    def evidence(self, moving: str, other: str, own: str) -> set[str]:
        """Rare tokens `moving` shares with `other` (the bead's other side) that `own` (the
        rest of the bead's side) does not print."""
        if not (_has_cjk(moving) or _has_cjk(other)):
            return set()
        shared = (self.runs(moving) & self.runs(other)) - self.runs(own)
        return {t for t in shared
                if self.count[0].get(t, 0) <= self.max and self.count[1].get(t, 0) <= self.max}

    def shared(self, bead, src: Sequence[str], tgt: Sequence[str]) -> bool:  # noqa: ANN001
        """Do the bead's two sides print a rare token copied verbatim?"""
        return bool(self.evidence(join_texts([src[i] for i in bead.src]),
                                  join_texts([tgt[j] for j in bead.tgt]), ""))

    def joins(self, null, full, src: Sequence[str], tgt: Sequence[str]) -> bool:  # noqa: ANN001
        """Does the null bead's sentence carry a copy that only the full bead's other side has?"""
        if null.src:
            return bool(self.evidence(join_texts([src[i] for i in null.src]),
                                      join_texts([tgt[j] for j in full.tgt]),
                                      join_texts([src[i] for i in full.src])))
        return bool(self.evidence(join_texts([tgt[j] for j in null.tgt]),
                                  join_texts([src[i] for i in full.src]),
                                  join_texts([tgt[j] for j in full.tgt])))


def _urls_only(text: str) -> set[str]:
    """The URLs of a text that is nothing but URLs (what is left has no letter: numbers and
    punctuation an extraction may have cut off a URL); empty otherwise."""
    from .flags import _URL, urls

    found = urls(text)
    rest = _URL.sub(" ", text)
    return found if found and not any(ch.isalpha() for ch in rest) else set()


def _different_urls(s_text: str, t_text: str) -> bool:
    """Are both texts nothing but URLs, on different hosts?  A URL is copied verbatim into a
    translation, so two notes that only print links to different sites are two notes, not a
    note and its translation, however alike two links embed (sui: a Chinese-only DOI note
    against an English-only Move manual link)."""
    a, b = _urls_only(s_text), _urls_only(t_text)
    host = lambda u: u.split("/", 1)[0].split("@")[-1]  # noqa: E731
    return bool(a and b) and not ({host(u) for u in a} & {host(u) for u in b})


def _cost(sc: "_Scores", s: Ids, t: Ids) -> float:
    """Vecalign's bead cost without its normaliser: nSents(x) nSents(y) (1 - cos(x, y))."""
    return len(s) * len(t) * (1.0 - sc.score(tuple(s), tuple(t)))


def _candidates(beads: list, null_margin: float | None, merge_gain: float | None,
                part_gain: float | None = None) -> list[tuple]:
    """(kind, k, new beads for k and k+1 (a merge gives one)) for every adjacent pair; a
    split or a part replaces bead k alone."""
    out: list[tuple] = []
    if part_gain is not None:  # a bead of several sentences on each side in two full parts
        for k, a in enumerate(beads):
            for i in range(1, len(a.src)):
                for j in range(1, len(a.tgt)):
                    out.append(("part", k, [(a.src[:i], a.tgt[:j]), (a.src[i:], a.tgt[j:])]))
    for k in range(len(beads) - 1):
        a, b = beads[k], beads[k + 1]
        full_a, full_b = bool(a.src and a.tgt), bool(b.src and b.tgt)
        if full_a and full_b:
            if len(a.src) > 1:
                out.append(("boundary", k, [(a.src[:-1], a.tgt), (a.src[-1:] + b.src, b.tgt)]))
            if len(b.src) > 1:
                out.append(("boundary", k, [(a.src + b.src[:1], a.tgt), (b.src[1:], b.tgt)]))
            if len(a.tgt) > 1:
                out.append(("boundary", k, [(a.src, a.tgt[:-1]), (b.src, a.tgt[-1:] + b.tgt)]))
            if len(b.tgt) > 1:
                out.append(("boundary", k, [(a.src, a.tgt + b.tgt[:1]), (b.src, b.tgt[1:])]))
            if merge_gain is not None and len(a.src) + len(b.src) <= MAX_SIDE \
                    and len(a.tgt) + len(b.tgt) <= MAX_SIDE:
                out.append(("merge", k, [(a.src + b.src, a.tgt + b.tgt)]))
        if null_margin is None:
            continue
        # a null next to a full bead: join it (the null is on one side only)
        if full_a and not full_b and (len(a.src) + len(b.src) <= MAX_SIDE) and (len(a.tgt) + len(b.tgt) <= MAX_SIDE):
            out.append(("join", k, [(a.src + b.src, a.tgt + b.tgt)]))
        if full_b and not full_a and (len(a.src) + len(b.src) <= MAX_SIDE) and (len(a.tgt) + len(b.tgt) <= MAX_SIDE):
            out.append(("join", k, [(a.src + b.src, a.tgt + b.tgt)]))
    if null_margin is not None:  # the end sentences of a full bead leave as nulls
        for k, a in enumerate(beads):
            if not (a.src and a.tgt):
                continue
            for r in range(1, len(a.src)):  # a run of r sentences at either end (one decision)
                out.append(("split", k, [(a.src[:r], ()), (a.src[r:], a.tgt)]))
                out.append(("split", k, [(a.src[:-r], a.tgt), (a.src[-r:], ())]))
            for r in range(1, len(a.tgt)):
                out.append(("split", k, [((), a.tgt[:r]), (a.src, a.tgt[r:])]))
                out.append(("split", k, [(a.src, a.tgt[:-r]), ((), a.tgt[-r:])]))
    return out


def refine(
    beads: Sequence,
    src: Sequence[str],
    tgt: Sequence[str],
    embedder: Embedder,
    *,
    gain: float = 0.01,
    null_margin: float | None = 0.0,
    split_margin: float = 0.01,
    merge_gain: float | None = None,
    part_gain: float | None = None,
    classes: tuple[Sequence[int], Sequence[int]] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
    pair_floor: float | None = None,
    kinds: tuple[Sequence[int], Sequence[int]] | None = None,
    slide: bool = False,
    copied_max: int | None = None,
    unpair_urls: bool = False,
    chance_floor: float | None = None,
) -> list:
    """The evidence pass over a DP path (see the module docstring); returns new beads.

    `vectors`: the sentences' own vectors, used for one-sentence bead sides instead of
    embedding them again.  `copied_max`: copied tokens are evidence for joins and against
    splits when at most this many sentences of each side carry them (None: not used).
    `unpair_urls`: at the end, a bead of two texts that are nothing but URLs on different
    hosts becomes two nulls (`_different_urls`).  `slide`: after the rounds, a 1-1 bead beside a run of nulls may
    take its partner from the run (`_slide_across_nulls`).

    With `classes`, a move is never made whose bead would mix classes, with `kinds` none
    whose bead side of several sentences would mix kinds (see `sentences.vecalign_costs`)."""
    from .sentences import Bead

    def allowed(new: list) -> bool:
        for s, t in new:
            if classes is not None and len({classes[0][i] for i in s} | {classes[1][j] for j in t}) > 1:
                return False
            if kinds is not None and (len({kinds[0][i] for i in s}) > 1 or len({kinds[1][j] for j in t}) > 1):
                return False
        return True

    beads = list(beads)
    sc = _Scores(src, tgt, embedder, vectors)
    copies = _Copies(src, tgt, copied_max) if copied_max is not None else None
    for _ in range(ROUNDS):
        cands = [c for c in _candidates(beads, null_margin, merge_gain, part_gain) if allowed(c[2])]
        if not cands:
            break
        keys: set[tuple[int, Ids]] = set()
        for kind, k, new in cands:
            span = beads[k : k + (1 if kind in ("split", "part") else 2)]
            for s, t in [(x.src, x.tgt) for x in span] + list(new):
                keys |= {(0, tuple(s)), (1, tuple(t))}
        sc.need(keys)
        moves = []
        for kind, k, new in cands:
            if kind == "part":
                old = beads[k]
                delta = _cost(sc, old.src, old.tgt) - sum(_cost(sc, s, t) for s, t in new)
                if delta > part_gain:  # type: ignore[operator]
                    moves.append((delta, kind, k, 1, new))
                continue
            if kind == "split":
                old = beads[k]
                full = next((s, t) for s, t in new if s and t)
                delta = sc.score(*full) - sc.score(old.src, old.tgt)
                margin = null_margin + (0.0 if _url_elsewhere(new, src, tgt) else split_margin)
                if copies is not None:
                    (s_full, t_full), (s_null, t_null) = sorted(new, key=lambda b: not (b[0] and b[1]))
                    if copies.joins(Bead(s_null, t_null, 0.0), Bead(s_full, t_full, 0.0), src, tgt):
                        continue  # the leaving sentence carries what only this bead's other side prints
                if delta > margin:  # type: ignore[operator]
                    moves.append((delta, kind, k, 1, new))
                continue
            a, b = beads[k], beads[k + 1]
            if kind == "boundary":
                delta = sum(sc.score(s, t) for s, t in new) - sc.score(a.src, a.tgt) - sc.score(b.src, b.tgt)
                if delta > gain:
                    moves.append((delta, kind, k, 2, new))
            elif kind == "join":
                full = a if a.src and a.tgt else b
                null = b if full is a else a
                delta = sc.score(*new[0]) - sc.score(full.src, full.tgt)
                copied = copies is not None and copies.joins(null, full, src, tgt) \
                    and (pair_floor is None or sc.score(*new[0]) > pair_floor)
                if not copied and _foreign_url(null, full, src, tgt):
                    continue  # (the split's rule read forwards: see _foreign_url)
                if delta >= -null_margin or copied:  # type: ignore[operator]
                    # settles before other moves; a join the copies call for before one the cosine allows
                    moves.append((delta + (2.0 if copied else 1.0), kind, k, 2, new))
            else:  # merge
                delta = sc.score(*new[0]) - max(sc.score(a.src, a.tgt), sc.score(b.src, b.tgt))
                if delta > merge_gain:  # type: ignore[operator]
                    moves.append((delta, kind, k, 2, new))
        if not moves:
            break
        moves.sort(key=lambda mv: (-mv[0], mv[2]))
        used: set[int] = set()
        replaced: dict[int, tuple[int, list]] = {}
        for _, kind, k, width, new in moves:
            if any(q in used for q in range(k, k + width)):
                continue
            used.update(range(k, k + width))
            replaced[k] = (width, new)
        out: list = []
        k = 0
        while k < len(beads):
            if k in replaced:
                width, new = replaced[k]
                out += [Bead(tuple(s), tuple(t), float(np.clip(sc.score(tuple(s), tuple(t)), 0.0, 1.0)))
                        for s, t in _one_null_each(new)]
                k += width
            else:
                out.append(beads[k])
                k += 1
        beads = out
    if chance_floor is not None:
        beads = _unpair_chance(beads, sc, chance_floor, copies, src, tgt)
    if slide:
        beads = _slide_across_nulls(beads, sc, gain, allowed)
    if pair_floor is not None:
        beads = _pair_nulls(beads, sc, pair_floor, allowed)
    if unpair_urls:
        beads = _unpair_different_urls(beads, src, tgt)
    return beads


def _one_null_each(new: list) -> list:
    """A run of sentences leaving a bead together becomes one null bead per sentence."""
    out = []
    for s, t in new:
        if s and t:
            out.append((s, t))
        else:
            out += [((i,), ()) for i in s] + [((), (j,)) for j in t]
    return out


def _unpair_different_urls(beads: list, src: Sequence[str], tgt: Sequence[str]) -> list:
    """A bead whose two sides print nothing but URLs, on different hosts, becomes a null on
    each side (`_different_urls`)."""
    from .sentences import Bead

    out: list = []
    for b in beads:
        if b.src and b.tgt and _different_urls(join_texts([src[i] for i in b.src]),
                                               join_texts([tgt[j] for j in b.tgt])):
            out += [Bead((i,), (), 0.0) for i in b.src] + [Bead((), (j,), 0.0) for j in b.tgt]
        else:
            out.append(b)
    return out


def _unpair_chance(beads: list, sc: _Scores, floor: float, copies: "_Copies | None",
                   src: Sequence[str], tgt: Sequence[str]) -> list:
    """A full bead whose two sides, embedded for real, are no more alike than `floor` (a
    low percentile of random sentence pairs of this text) becomes a null on each side,
    unless the two sides share a token copied verbatim (`_Copies`).

    The DP prefers a weak bead to two skips wherever the pair's cost, divided by the
    length penalty, undercuts the skip cost, so where one edition reorders or adds a
    passage it pairs sentences that say unrelated things (machine-id(5): "这种方式经常用于
    网络启动的场景中。" with "/etc/machine-id is used to decide whether a boot is the
    first one", cosine 0.04).  A pair no more alike than chance is no evidence of a
    translation; the two nulls can still pair with better partners (`_slide_across_nulls`,
    `_pair_nulls`).  Only beads the path already scores at or below the floor (`Bead.score`:
    the cosine of the normalised sums of their sentence vectors, or of their real
    embeddings where a move made them) are embedded again, so the pass stays cheap."""
    from .sentences import Bead

    cands = {k for k, b in enumerate(beads) if b.src and b.tgt and b.score <= floor}
    sc.need({(0, tuple(beads[k].src)) for k in cands} | {(1, tuple(beads[k].tgt)) for k in cands})
    out: list = []
    for k, b in enumerate(beads):
        if k in cands and sc.score(tuple(b.src), tuple(b.tgt)) <= floor and not (
                copies is not None and copies.shared(b, src, tgt)):
            out += [Bead((i,), (), 0.0) for i in b.src] + [Bead((), (j,), 0.0) for j in b.tgt]
        else:
            out.append(b)
    return out


def _pair_nulls(beads: list, sc: _Scores, floor: float, allowed) -> list:  # noqa: ANN001
    """A sentence left out on each side at the same point becomes one 1-1 bead when the two
    are more alike than `floor` (a high percentile of random pairs of this text).

    Opposite nulls side by side are what remains where a bead lost a sentence on each side
    to splits (a sentence next to a code line it shares with the other side: the line alone
    scores higher than with either sentence), or where the DP could not tell a weak
    translation from two skips; an addition next to an omission with nothing in common
    stays as it is."""
    from .sentences import Bead

    cands = []
    for k in range(len(beads) - 1):
        a, b = beads[k], beads[k + 1]
        s, t = a.src or b.src, a.tgt or b.tgt
        if (bool(a.src) != bool(a.tgt)) and (bool(b.src) != bool(b.tgt)) and len(s) == 1 and len(t) == 1 \
                and allowed([(s, t)]):
            cands.append((k, tuple(s), tuple(t)))
    if not cands:
        return beads
    sc.need({(0, s) for _, s, _ in cands} | {(1, t) for _, _, t in cands})
    chosen: dict[int, tuple] = {}
    for score, k, s, t in sorted(((sc.score(s, t), k, s, t) for k, s, t in cands), key=lambda c: (-c[0], c[1])):
        if score > floor and k not in chosen and k - 1 not in chosen and k + 1 not in chosen:
            chosen[k] = (s, t, score)
    out: list = []
    k = 0
    while k < len(beads):
        if k in chosen:
            s, t, score = chosen[k]
            out.append(Bead(s, t, float(np.clip(score, 0.0, 1.0))))
            k += 2
        else:
            out.append(beads[k])
            k += 1
    return out


def _slide_across_nulls(beads: list, sc: _Scores, gain: float, allowed) -> list:  # noqa: ANN001
    """A 1-1 bead beside a run of nulls on one side takes, as its partner on that side, the
    sentence of the run its other sentence resembles best, when that one scores more than
    `gain` above the bead; the sentence it had joins the nulls.

    The DP may pair a sentence with the first of a run the translation left out and absorb
    the true partner, at the run's far end, into a many-to-one bead, which the splits then
    take apart: the pair stays one place off ("*.rpt 报告文件" with "Storing and sending
    KiCad files", whose translation "存储和发送 KiCad 文件" ends the run).  Nothing of the
    other side lies between, so any sentence of the run keeps the order."""
    from .sentences import Bead

    out = list(beads)
    cands = []
    for k, b in enumerate(out):
        if len(b.src) != 1 or len(b.tgt) != 1:
            continue
        for side in (0, 1):
            for step in (1, -1):
                run = []
                q = k + step
                while 0 <= q < len(out) and bool(out[q].src) != bool(out[q].tgt) and (0 if out[q].src else 1) == side:
                    run.append(q)
                    q += step
                if run:
                    cands.append((k, side, run))
    if not cands:
        return out
    keys = set()
    for k, side, run in cands:
        b = out[k]
        keys |= {(0, b.src), (1, b.tgt)} | {(side, out[q].src or out[q].tgt) for q in run}
    sc.need(keys)
    moves = []
    for k, side, run in cands:
        b = out[k]
        now = sc.score(b.src, b.tgt)
        for q in run:
            s_new = out[q].src if side == 0 else b.src
            t_new = b.tgt if side == 0 else out[q].tgt
            if not allowed([(s_new, t_new)]):
                continue
            delta = sc.score(s_new, t_new) - now
            if delta > gain:
                moves.append((delta, k, q, s_new, t_new))
    used: set[int] = set()
    for _, k, q, s_new, t_new in sorted(moves, key=lambda mv: (-mv[0], mv[1], mv[2])):
        lo, hi = min(k, q), max(k, q)
        if any(r in used for r in range(lo, hi + 1)):
            continue
        used.update(range(lo, hi + 1))
        b = out[k]
        left = Bead(b.src, (), 0.0) if out[q].src else Bead((), b.tgt, 0.0)  # the sentence it had
        out[q] = Bead(s_new, t_new, float(np.clip(sc.score(s_new, t_new), 0.0, 1.0)))
        out[k] = left
    return out
