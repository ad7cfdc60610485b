"""Where the team's development data lives: the optional ``shared/`` folder (seeds, the Bible
dev set, real PDFs with hand truth, real zh/en pairs) that benches, the devset build and some
tests read.

A fresh clone has none of it, and everything that reads it falls back or skips cleanly. One
function decides where it is so that a bench, a test and the devset build never disagree:
they did, and a bench run from a git worktree found no data and silently measured four corpus
PDFs while the tests beside it, looking one folder further up, found all of it."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """``$PARITER_SHARED`` if set; else ``shared/`` beside the checkout (CI, a plain clone) or
    beside the folder holding it (a worktree under ``wt/``); else the path beside the
    checkout, which does not exist, so that callers test ``is_dir()`` and skip."""
    env = os.environ.get("PARITER_SHARED")
    if env:
        return Path(env)
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return REPO.parent / "shared"


SHARED = shared_dir()
