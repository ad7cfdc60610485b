"""Property tests: the aligner returns on any input, covers every sentence exactly once, in
order, and stays within memory (issue 9: it used to stop with "no path through the band").

Vectors are small (16-d) so that hypothesis can try many documents; the sizes run from 0
to 5,000 sentences per side.  Memory is the peak of Python allocations (numpy's included)
measured by tracemalloc against a bound linear in the text length: O(length x band).
"""

from __future__ import annotations

import tracemalloc
import zlib

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pariter.align.sentences import AlignParams, align_vectors
from pariter.align.structure import build_document

DIM = 16

# bytes per sentence of both sides that the alignment may hold at its peak: the band's
# prefix sums and back pointers (max_width cells of 8 + 1 bytes) and per-sentence arrays
BYTES_PER_SENTENCE = AlignParams().max_width * 48
BASE_BYTES = 32 << 20


def _vectors(kind: str, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "random":
        v = rng.standard_normal((n, DIM))
    elif kind == "zero":
        v = np.zeros((n, DIM))
    elif kind == "identical":
        v = np.tile(rng.standard_normal(DIM), (n, 1))
    elif kind == "nan":
        v = rng.standard_normal((n, DIM))
        v[rng.random(n) < 0.3] = np.nan
    else:  # "huge": values far outside a unit vector's
        v = rng.standard_normal((n, DIM)) * 1e30
    with np.errstate(invalid="ignore", over="ignore"):
        norms = np.linalg.norm(v, axis=1, keepdims=True)
        return np.where(norms > 0, v / np.where(norms > 0, norms, 1), v).astype(np.float32)


def _parallel(x: np.ndarray, seed: int) -> np.ndarray:
    """A noisy translation of x with some sentences dropped and some split."""
    rng = np.random.default_rng(seed)
    rows = []
    for v in x:
        r = rng.random()
        if r < 0.05:
            continue
        if r < 0.15:
            rows += [v + 0.3 * rng.standard_normal(DIM), v + 0.3 * rng.standard_normal(DIM)]
        else:
            rows.append(v + 0.2 * rng.standard_normal(DIM))
    return np.array(rows, dtype=np.float32).reshape(-1, DIM)


sizes = st.one_of(st.integers(0, 40), st.integers(0, 300), st.sampled_from([0, 1, 2]))
kinds = st.sampled_from(["random", "zero", "identical", "nan", "huge", "parallel"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=sizes, m=sizes, kind=kinds, seed=st.integers(0, 2**16), with_chars=st.booleans(),
       n_hints=st.integers(0, 5))
@example(n=5000, m=0, kind="parallel", seed=2, with_chars=True, n_hints=3)  # m: of the translation
@example(n=5000, m=0, kind="random", seed=3, with_chars=False, n_hints=0)
@example(n=2000, m=5000, kind="identical", seed=4, with_chars=True, n_hints=0)
def test_any_input_returns_covers_every_sentence_and_bounds_memory(n, m, kind, seed, with_chars, n_hints):
    x = _vectors("random" if kind == "parallel" else kind, n, seed)
    y = _parallel(x, seed + 1) if kind == "parallel" else _vectors(kind, m, seed + 1)
    m = len(y)
    rng = np.random.default_rng(seed)
    chars = {}
    if with_chars:
        chars = dict(src_chars=rng.integers(0, 300, n), tgt_chars=rng.integers(0, 300, m))
    hints = sorted(zip(rng.integers(0, max(n, 1), n_hints), rng.integers(0, max(m, 1), n_hints)))
    tracemalloc.start()
    try:
        beads = align_vectors(x, y, hints=hints, **chars)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))
    assert all((b.src or b.tgt) and 0.0 <= b.score <= 1.0 for b in beads)
    assert peak <= BASE_BYTES + BYTES_PER_SENTENCE * (n + m), (peak, n, m)


sentence = st.text(alphabet=st.sampled_from(list("abcdefgh 。.发展人工智能")), min_size=0, max_size=30)
outline_section = st.fixed_dictionaries({
    "number": st.sampled_from([None, "1", "2", "I.", "(一)"]),
    "heading": st.sampled_from([None, "", "Intro", "总则"]),
    "paragraphs": st.lists(sentence.filter(str.strip), max_size=4),
})


class _Hashing:
    """A deterministic embedder for property tests: character trigram hashing (no model)."""

    name, dim = "hashing", DIM

    def encode(self, texts):
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, t in enumerate(texts):
            for i in range(max(len(t) - 2, 0)):
                out[k, zlib.crc32(t[i:i + 3].encode("utf-8")) % DIM] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


@settings(max_examples=40, deadline=None)
@given(zh=st.lists(outline_section, max_size=4), en=st.lists(outline_section, max_size=4))
def test_documents_with_empty_and_one_sided_sections(zh, en):
    """Whatever the sections (empty, unnamed, on one side only), every sentence is linked once."""
    from pariter.align.document import align_bilingual

    doc = build_document("prop", {"zh": zh, "en": en})
    al = align_bilingual(doc, _Hashing())
    for lang, side in (("zh", "src"), ("en", "tgt")):
        want = sorted(s.id for s in doc.sentences if s.lang == lang)
        wanted = set(want)
        got = sorted(i for link in al.links if link.level == "sentence" for i in getattr(link, side)
                     if i in wanted)
        assert got == want
