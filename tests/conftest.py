"""Fixtures shared by every test directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SHARED


@pytest.fixture
def shared() -> Path:
    """The workplace's shared data; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
