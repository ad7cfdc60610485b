"""Paths the tests share: the repository, its corpus, and the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_PDF = ROOT / "corpus" / "pdf"
CORPUS_TRUTH = ROOT / "corpus" / "truth"
