"""Shared test helpers: where the repository and the optional ../shared data are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_PDF = ROOT / "corpus" / "pdf"


@pytest.fixture
def shared() -> Path:
    """The workplace's shared data; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
