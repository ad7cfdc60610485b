"""Top-k nearest targets for each source vector with FAISS, never an N x M matrix.

Exact search (`IndexFlatIP`) is cheap up to tens of thousands of vectors; above that an
HNSW graph keeps the search sub-linear, which is what makes 100k-sentence books feasible.
Vectors are unit length, so inner product is cosine.
"""

from __future__ import annotations

import faiss
import numpy as np

__all__ = ["top_k", "build_index", "HNSW_THRESHOLD"]

HNSW_THRESHOLD = 20_000
"""Target counts above this use HNSW; below it exact search is fast and has perfect recall."""


def build_index(vectors: np.ndarray, *, hnsw_threshold: int = HNSW_THRESHOLD) -> faiss.Index:
    """An inner-product index over `vectors` (float32 rows), exact or HNSW by size."""
    xb = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = xb.shape
    if n > hnsw_threshold:
        index = faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
    else:
        index = faiss.IndexFlatIP(d)
    index.add(xb)
    return index


def top_k(
    source: np.ndarray, target: np.ndarray, k: int, *, hnsw_threshold: int = HNSW_THRESHOLD, threads: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """`(scores, ids)`, both [len(source), k'] with k' = min(k, len(target)), best first.

    HNSW may return fewer than k hits for a query; those slots hold id -1 and score -inf
    so callers can mask them without special cases.
    """
    if len(target) == 0 or len(source) == 0:
        raise ValueError("top_k needs at least one source and one target vector")
    k = min(k, len(target))
    faiss.omp_set_num_threads(threads)
    index = build_index(target, hnsw_threshold=hnsw_threshold)
    scores, ids = index.search(np.ascontiguousarray(source, dtype=np.float32), k)
    scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
    return scores, ids.astype(np.int64)
