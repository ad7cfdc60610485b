from __future__ import annotations

import numpy as np
import pytest

from pariter.align.candidates import top_k
from pariter.align.embed import normalise


def _vectors(n: int, d: int, seed: int) -> np.ndarray:
    return normalise(np.random.default_rng(seed).standard_normal((n, d)))


def test_flat_index_equals_brute_force() -> None:
    x, y = _vectors(50, 32, 1), _vectors(80, 32, 2)
    scores, ids = top_k(x, y, 5)
    brute = x @ y.T
    want = np.argsort(-brute, axis=1)[:, :5]
    assert np.array_equal(ids, want)
    assert np.allclose(scores, np.take_along_axis(brute, want, axis=1), atol=1e-5)


def test_hnsw_finds_the_true_neighbour() -> None:
    y = _vectors(3000, 32, 3)
    noise = 0.05 * np.random.default_rng(4).standard_normal((300, 32))
    x = normalise(y[:300] + noise)  # each x has one obvious target
    scores, ids = top_k(x, y, 3, hnsw_threshold=1000)
    assert (ids[:, 0] == np.arange(300)).mean() >= 0.98
    assert np.all(np.diff(scores, axis=1) <= 1e-6)  # best first


def test_k_is_capped_and_empty_rejected() -> None:
    scores, ids = top_k(_vectors(4, 8, 5), _vectors(2, 8, 6), 10)
    assert ids.shape == (4, 2)
    with pytest.raises(ValueError):
        top_k(_vectors(4, 8, 5), np.zeros((0, 8), dtype=np.float32), 3)
