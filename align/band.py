"""The first pass: where the alignment path may run (the band), from anchors both texts agree on.

Bertalign's first pass finds 1-1 links over the whole text and searches only near them.
Here the same idea, in three steps, each bounded by the text length:

1. **Anchors.**  FAISS gives every source sentence its `k` nearest targets; the heaviest
   chain of such links that increases on both sides (a weighted longest increasing
   subsequence, O(n k log m)) is the anchor path.  *Hints* — pairs the document structure
   vouches for, such as two section headings both sides number and word alike — join the
   candidates with extra weight; a hint that contradicts the texts' own evidence loses to a
   heavier chain, so structure refines the path and never forces it.
2. **Gaps.**  Between two anchors far apart on both sides, the search is repeated inside
   the gap only (its own nearest neighbours, its own chain): a sentence whose nearest
   neighbour in the whole text lay elsewhere often has its true partner as the nearest one
   inside the gap.
3. **Band.**  Row i of the DP (i source sentences consumed) may end at targets
   lo[i]..hi[i]: the span between the anchors around it plus `margin`, but never wider than
   `max_width` around the straight line through the gap, so memory stays O(length x band)
   whatever the anchors.  The band is then made *connected*: both edges non-decreasing,
   the corners inside, and every row overlapping the next (lo[i] <= hi[i - 1]) so that a
   1-0 bead always leads from one row to the next and 0-1 beads run along a row: a path
   through the band always exists.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .candidates import top_k

__all__ = ["heaviest_chain", "anchor_path", "band_around", "connect", "widen", "HINT_WEIGHT"]

HINT_WEIGHT = 1.0
"""Extra chain weight of a structural hint: as much as one more perfectly similar link, so
a hint outweighs a single contradicting sentence link but not a run of them."""


def heaviest_chain(points: Sequence[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """The heaviest chain of (i, j, weight) points strictly increasing in both i and j.

    At most one point per source row enters the chain.  Fenwick tree over the target
    index: O(p log m) for p points.  Ties go to the earlier point, so the result is
    deterministic.
    """
    order = sorted(range(len(points)), key=lambda q: (points[q][0], points[q][1]))
    tree = np.full(m + 1, -np.inf)
    arg = np.full(m + 1, -1, dtype=np.int64)
    back = np.full(len(points), -1, dtype=np.int64)
    best_total, best_end = -np.inf, -1
    k = 0
    while k < len(order):
        row = points[order[k]][0]
        found: list[tuple[int, float, int]] = []
        while k < len(order) and points[order[k]][0] == row:  # query the whole row first
            q = order[k]
            j, w = points[q][1], max(float(points[q][2]), 0.0)
            val, who, t = 0.0, -1, j
            while t > 0:  # best chain ending at a target < j
                if tree[t] > val:
                    val, who = tree[t], arg[t]
                t -= t & -t
            found.append((q, val + w, who))
            k += 1
        for q, val, who in found:
            back[q] = who
            t = points[q][1] + 1
            while t <= m:
                if val > tree[t]:
                    tree[t], arg[t] = val, q
                t += t & -t
            if val > best_total:
                best_total, best_end = val, q
    chain: list[tuple[int, int]] = []
    while best_end >= 0:
        chain.append((points[best_end][0], points[best_end][1]))
        best_end = int(back[best_end])
    return chain[::-1]


def _links(x: np.ndarray, y: np.ndarray, k: int, i0: int, j0: int) -> list[tuple[int, int, float]]:
    scores, ids = top_k(x, y, k)
    out = []
    for i in range(len(x)):
        for s, j in zip(scores[i], ids[i]):
            if j >= 0 and np.isfinite(s):
                out.append((i0 + i, j0 + int(j), float(s)))
    return out


def _mutual(x: np.ndarray, y: np.ndarray) -> list[tuple[int, int, float]]:
    """Links that are each other's nearest neighbour both ways: few, but rarely wrong,
    which is what a gap with no anchor (perhaps a passage one side lacks) can afford."""
    s_xy, i_xy = top_k(x, y, 1)
    _, i_yx = top_k(y, x, 1)
    return [(i, int(j), float(s_xy[i, 0])) for i, j in enumerate(i_xy[:, 0])
            if j >= 0 and i_yx[j, 0] == i and np.isfinite(s_xy[i, 0])]


def anchor_path(
    x: np.ndarray,
    y: np.ndarray,
    *,
    k: int,
    hints: Sequence[tuple[int, int]] = (),
    gap: int,
    depth: int = 2,
) -> list[tuple[int, int]]:
    """Anchors (i, j): source sentence i and target sentence j are probably a pair.

    `gap`: a stretch between two anchors longer than this on both sides is searched again
    on its own (mutual nearest neighbours inside it), `depth` times at most.
    """
    n, m = len(x), len(y)
    if n == 0 or m == 0:
        return []
    points = _links(x, y, k, 0, 0)
    bonus = {(int(i), int(j)) for i, j in hints if 0 <= i < n and 0 <= j < m}
    cos = {(i, j): s for i, j, s in points}
    for i, j in sorted(bonus):
        c = cos.get((i, j), float(x[i] @ y[j]))
        points.append((i, j, max(c, 0.0) + HINT_WEIGHT))
    chain = heaviest_chain(points, m)
    for _ in range(depth):
        ends = [(-1, -1)] + chain + [(n, m)]
        extra: list[tuple[int, int]] = []
        for (i0, j0), (i1, j1) in zip(ends, ends[1:]):
            if i1 - i0 - 1 > gap and j1 - j0 - 1 > gap:
                local = heaviest_chain(_mutual(x[i0 + 1 : i1], y[j0 + 1 : j1]), j1 - j0 - 1)
                extra += [(i + i0 + 1, j + j0 + 1) for i, j in local]
        if not extra:
            break
        chain = sorted(set(chain) | set(extra))
    return chain


def band_around(
    anchors: Sequence[tuple[int, int]], n: int, m: int, *, margin: int, max_width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per DP row i in 0..n the allowed target range [lo[i], hi[i]], connected.

    Between two anchors the band spans their whole gap plus `margin`: a wrong or missing
    anchor widens the search instead of forcing a path.  Rows are cut to `max_width`
    around the line joining the two anchors (memory bound); connectivity is restored after.
    """
    ai = np.array([0] + [i for i, _ in anchors] + [n], dtype=np.int64)
    aj = np.array([0] + [j for _, j in anchors] + [m], dtype=np.int64)
    rows = np.arange(n + 1)
    prev = np.searchsorted(ai, rows, side="right") - 1  # last anchor at or before row
    nxt = np.minimum(np.searchsorted(ai + 1, rows, side="left"), len(ai) - 1)  # first ending at/after
    lo = aj[prev] - margin
    hi = aj[nxt] + 1 + margin
    # the straight line through the gap, and at most max_width around it
    span_i = np.maximum(ai[nxt] + 1 - ai[prev], 1)
    centre = aj[prev] + (rows - ai[prev]) * (aj[nxt] + 1 - aj[prev]) / span_i
    half = max(max_width // 2, margin + 1)
    lo = np.maximum(lo, np.floor(centre - half).astype(np.int64))
    hi = np.minimum(hi, np.ceil(centre + half).astype(np.int64))
    return connect(lo, hi, m)


def connect(lo: np.ndarray, hi: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Make the band connected: edges non-decreasing, corners (0, 0) and (n, m) inside,
    each row overlapping the one before (lo[i] <= hi[i - 1]), so a path always exists."""
    lo = np.clip(np.asarray(lo, dtype=np.int64), 0, m)
    hi = np.clip(np.asarray(hi, dtype=np.int64), 0, m)
    lo[0], hi[-1] = 0, m
    lo = np.maximum.accumulate(lo)
    hi = np.minimum.accumulate(hi[::-1])[::-1]
    hi = np.maximum(hi, lo)
    # a 1-0 bead from row i - 1 reaches row i only at a target both rows allow
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return lo, hi


def widen(
    lo: np.ndarray, hi: np.ndarray, rows: np.ndarray, step: int, m: int, max_width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Widen the band by `step` on both sides around `rows` (where the path ran along an
    edge), never past `max_width` unless the band was already wider there."""
    grow = np.zeros(len(lo), dtype=bool)
    for r in rows:
        grow[max(r - step, 0) : r + step + 1] = True
    width = hi - lo
    room = np.maximum((max_width - width) // 2, 0)
    d = np.where(grow, np.minimum(step, room), 0)
    return connect(lo - d, hi + d, m)
