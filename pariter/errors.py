"""Errors that reach the user: each names the file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class PariterError(Exception):
    """A failure the CLI reports as one line and a non-zero exit, without a traceback."""

    exit_code = 1


class InputError(PariterError):
    """A file we were given cannot be used; the message always names the file."""

    def __init__(self, path: str | Path, problem: str, page: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.page = page
        where = f"{self.path} (page {page})" if page is not None else self.path
        super().__init__(f"{where}: {problem}")
