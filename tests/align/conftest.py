"""Shared fixtures: the committed story pair, and the Bible dev set when shared/ is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SHARED

DATA = Path(__file__).parent / "data"
BIBLE = SHARED / "data" / "bible-en-zh"


@pytest.fixture(scope="session")
def muse():
    from pariter.align.embed import MuseEmbedder

    return MuseEmbedder(threads=2)


@pytest.fixture(scope="session")
def story() -> tuple[list[str], list[str], Path]:
    """32 English and 34 Chinese sentences (written for these tests) and their gold beads."""
    en = (DATA / "story.en.txt").read_text(encoding="utf-8").splitlines()
    zh = (DATA / "story.zh.txt").read_text(encoding="utf-8").splitlines()
    return en, zh, DATA / "story.gold.align"


@pytest.fixture(scope="session")
def bible() -> Path:
    if not (BIBLE / "gold.align").is_file():
        pytest.skip(f"Bible dev set not found at {BIBLE}")
    return BIBLE
