from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pariter.align.embed import normalise
from pariter.align.evaluate import read_beads, score
from pariter.align.sentences import (
    Bead,
    ComposedWindows,
    align_sentences,
    align_vectors,
    anchor_band,
    bead_types,
    refine_boundaries,
    window_mean,
)


def _pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


def test_bead_types_default_reach_one_to_five() -> None:
    types = bead_types(5, 5)
    assert {(1, 5), (5, 1), (2, 3), (3, 3), (1, 0), (0, 1)} <= set(types)
    assert (5, 5) not in types and (4, 3) not in types


def test_composed_windows_equal_explicit_sums() -> None:
    rng = np.random.default_rng(0)
    x, y = normalise(rng.standard_normal((30, 16))), normalise(rng.standard_normal((36, 16)))
    lo, hi = anchor_band(x, y, margin=4)
    w = ComposedWindows(x, y, lo, hi, 3, 3, window_mean(x, 3), window_mean(y, 3))
    checked = 0
    for i in range(1, len(x) + 1):  # every bead the DP may ask for: ends in row i's band
        for a in range(1, min(3, i) + 1):
            for b in range(1, 4):
                j0, j1 = max(int(lo[i]), int(lo[i - a]) + b) - b, min(int(hi[i]), int(hi[i - a]) + b) - b + 1
                if j0 >= j1:
                    continue
                got = w.cos(i - a, a, j0, j1, b)
                xv = normalise(x[i - a : i].sum(0, keepdims=True))[0]
                want = [normalise(y[j : j + b].sum(0, keepdims=True))[0] @ xv for j in range(j0, j1)]
                assert np.allclose(got, want, atol=1e-5)
                checked += 1
    assert checked > 100
    with pytest.raises(IndexError):
        w.cos(0, 1, len(y) - 1, len(y), 1)


def _synthetic(seed: int) -> tuple[np.ndarray, np.ndarray, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Targets built as noisy sums of source sentences, so the true beads are known."""
    rng = np.random.default_rng(seed)
    x = normalise(rng.standard_normal((60, 64)))
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    y_rows: list[np.ndarray] = []
    i = 0
    while i < 60:
        kind = rng.choice(["1-1", "1-1", "1-1", "2-1", "1-2"])
        if kind == "2-1" and i + 1 < 60:
            y_rows.append(x[i] + x[i + 1])
            gold.append(((i, i + 1), (len(y_rows) - 1,)))
            i += 2
        elif kind == "1-2":
            part = rng.standard_normal(64) * 0.3
            y_rows += [x[i] + part, x[i] - part]
            gold.append(((i,), (len(y_rows) - 2, len(y_rows) - 1)))
            i += 1
        else:
            y_rows.append(x[i])
            gold.append(((i,), (len(y_rows) - 1,)))
            i += 1
    y = normalise(np.array(y_rows) + 0.05 * rng.standard_normal((len(y_rows), 64)))
    return x, y, gold


def test_recovers_merges_from_synthetic_vectors() -> None:
    x, y, gold = _synthetic(1)
    beads = align_vectors(x, y)
    assert _pairs(beads) == gold
    assert all(0.0 <= b.score <= 1.0 for b in beads)


def test_a_band_that_cuts_the_path_is_widened() -> None:
    """With top-1 anchors and no margin the band misses the optimum; widening must find it."""
    x, y, gold = _synthetic(2)
    junk = normalise(np.random.default_rng(3).standard_normal((6, 64)))
    y = np.concatenate([junk, y])  # six unmatched target sentences up front
    gold = [(s, tuple(j + 6 for j in t)) for s, t in gold]
    narrow = score(gold, _pairs(align_vectors(x, y, k=1, margin=0, widen_rounds=0))).as_dict()
    widened = score(gold, _pairs(align_vectors(x, y, k=1, margin=0))).as_dict()
    assert narrow["strict_f1"] < 0.9
    assert widened["strict_f1"] >= 0.95


def test_beads_cover_both_sides_in_order(muse, story) -> None:
    en, zh, _ = story
    beads = align_sentences(en, zh, muse)
    assert [i for b in beads for i in b.src] == list(range(len(en)))
    assert [j for b in beads for j in b.tgt] == list(range(len(zh)))


def test_story_alignment_against_gold(muse, story) -> None:
    en, zh, gold_path = story
    beads = align_sentences(en, zh, muse)
    scores = score(read_beads(gold_path), _pairs(beads)).as_dict()
    assert scores["strict_f1"] >= 0.9
    assert scores["lax_f1"] >= 0.95


def test_empty_side_is_an_error(muse) -> None:
    with pytest.raises(ValueError, match="target side has no sentences"):
        align_sentences(["One."], [], muse)
    with pytest.raises(ValueError, match="source side has no sentences"):
        align_sentences([], ["一。"], muse)


def test_bible_excerpt(muse, bible: Path) -> None:
    """First 400 gold beads of the Bible dev set (skipped when shared/ is absent)."""
    gold = read_beads(bible / "gold.align")[:400]
    en = (bible / "en.txt").read_text(encoding="utf-8").splitlines()
    zh = (bible / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = en[: max(max(s) for s, _ in gold if s) + 1]
    zh = zh[: max(max(t) for _, t in gold if t) + 1]
    scores = score(gold, _pairs(align_sentences(en, zh, muse))).as_dict()
    assert scores["lax_f1"] >= 0.98
    # Genesis opens with many verse-level 2-2 beads that split into 1-1 pairs by sentence.
    assert scores["strict_f1"] >= 0.78


def test_neighbour_cos_matches_brute_force_inside_the_band() -> None:
    """Bertalign's neighbour similarity from composed windows, for every bead the DP asks for."""
    from pariter.align.sentences import neighbour_cos

    rng = np.random.default_rng(4)
    x, y = normalise(rng.standard_normal((25, 16))), normalise(rng.standard_normal((31, 16)))
    n, m = len(x), len(y)
    lo, hi = anchor_band(x, y, margin=3)
    w = ComposedWindows(x, y, lo, hi, 3, 3, window_mean(x, 3), window_mean(y, 3))

    def unit(v: np.ndarray) -> np.ndarray:
        return v / np.linalg.norm(v)

    checked = 0
    for i in range(1, n + 1):
        for a in range(1, min(3, i) + 1):
            for b in range(1, 4):
                j0, j1 = max(int(lo[i]), int(lo[i - a]) + b) - b, min(int(hi[i]), int(hi[i - a]) + b) - b + 1
                if j0 >= j1:
                    continue
                got = neighbour_cos(w, n, m, i - a, a, j0, j1, b)
                xv = unit(x[i - a : i].sum(0))
                for j, g in zip(range(j0, j1), got):
                    yv = unit(y[j : j + b].sum(0))
                    t = [xv @ y[q] for q in (j - 1, j + b) if 0 <= q < m]
                    s = [yv @ x[p] for p in (i - a - 1, i) if 0 <= p < n]
                    want = (np.mean(t) if t else 0.0) / 2 + (np.mean(s) if s else 0.0) / 2
                    assert g == pytest.approx(want, abs=1e-5)
                    checked += 1
    assert checked > 100


def test_neighbour_margin_still_recovers_synthetic_merges() -> None:
    # A light margin keeps every bead; at 0.25 it already swallows neighbouring beads into
    # a 3-3 here (a bead whose neighbours resemble it is penalised), one reason it is off
    # by default.
    x, y, gold = _synthetic(1)
    assert _pairs(align_vectors(x, y, neighbour=0.1)) == gold


class _BagOfWords:
    """Toy embedder: a text is the normalised sum of per-word vectors, words matched case-blind,
    so an English word `a` and a 'translation' `A` share a vector.  Counts every text embedded."""

    name, dim = "bag", 32

    def __init__(self) -> None:
        self.rng, self.words, self.calls = np.random.default_rng(7), {}, 0

    def encode(self, texts):
        self.calls += len(texts)
        rows = []
        for text in texts:
            v = np.zeros(self.dim)
            for w in text.lower().split():
                if w not in self.words:
                    self.words[w] = self.rng.standard_normal(self.dim)
                v += self.words[w]
            rows.append(v)
        return normalise(np.array(rows))


def test_refine_moves_a_misplaced_boundary_sentence() -> None:
    src, tgt = ["a", "b", "c", "d"], ["A", "B", "C", "D"]
    wrong = [Bead((0, 1), (0,), 0.5), Bead((2,), (1, 2), 0.5), Bead((3,), (3,), 1.0)]
    beads = refine_boundaries(wrong, src, tgt, _BagOfWords())
    assert [i for b in beads for i in b.src] == [0, 1, 2, 3]
    assert [j for b in beads for j in b.tgt] == [0, 1, 2, 3]
    for b in beads:  # every bead now pairs the same words on both sides
        assert {src[i].lower() for i in b.src} == {tgt[j].lower() for j in b.tgt}
        assert b.score == pytest.approx(1.0, abs=1e-6)


def test_refine_keeps_true_merges_and_one_to_one_pairs() -> None:
    # target 1 and 2 together translate source 1: a real 1-2 bead next to a 1-1 bead.
    src, tgt = ["a", "b1 b2", "c"], ["A", "B1", "B2", "C"]
    right = [Bead((0,), (0,), 1.0), Bead((1,), (1, 2), 1.0), Bead((2,), (3,), 1.0)]
    embedder = _BagOfWords()
    beads = refine_boundaries(right, src, tgt, embedder)
    assert _pairs(beads) == _pairs(right)
    assert embedder.calls <= 12  # only the beads next to the 1-2 and their candidate moves


def test_refine_needs_texts_and_embedder_and_can_be_switched_off() -> None:
    x, y, gold = _synthetic(0)
    assert _pairs(align_vectors(x, y)) == _pairs(align_vectors(x, y, refine_gain=None))
