"""Fixtures shared by every test directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import SHARED

# No hypothesis example has a time limit: a deadline is a timed assertion, and on a
# loaded machine (CI, or several suites at once) a correct example overran the default
# 200 ms (test_a_repeated_short_last_line_of_a_note_is_not_a_footer: 334 ms). Speed is
# measured by `make bench`, never asserted in tests.
settings.register_profile("pariter", deadline=None)
settings.load_profile("pariter")


@pytest.fixture
def shared() -> Path:
    """The workplace's shared data; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
