"""Errors that reach the user, and the one translation of any failure into a message.

Every command runs inside :func:`pariter.cli.run`, which turns whatever escapes a command
into one line on stderr and an exit code through :func:`describe`. A command therefore
only raises: an :class:`InputError` for a file it was given, an :class:`OutputError` for
a place it cannot write, a :class:`UsageError` for arguments that cannot work together,
and lets ``OSError`` from the file system through. The exit codes are part of the
command-line contract (README, "Errors and exit codes"):

* 0 — done;
* 1 — the work failed (a step of a batch, validation found problems, nothing extracted);
* 2 — usage or input error: bad arguments, a file we cannot read or use, a place we cannot
  write; nothing was written;
* 70 — an internal error (a bug: the message asks for a report; EX_SOFTWARE of sysexits);
* 130 — interrupted (Ctrl-C).
"""

from __future__ import annotations

import errno
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

#: Longest error line we print: a message quoting a 1 MB input line must stay readable.
MAX_MESSAGE_CHARS = 600


class PariterError(Exception):
    """A failure the CLI reports as one line and a non-zero exit, without a traceback."""

    exit_code = EXIT_FAILED


class UsageError(PariterError):
    """Arguments that cannot work (together); nothing was started."""

    exit_code = EXIT_USAGE


class InputError(UsageError):
    """A file we were given cannot be used; the message names the file (and the field).

    ``field`` is where in the file the problem sits, written as a path into the data
    (``paragraphs[3].section``, ``pair[2].source.document``) or ``line 12``.
    """

    def __init__(self, path: str | Path, problem: str, page: int | None = None,
                 field: str | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.page = page
        self.field = field
        where = f"{self.path} (page {page})" if page is not None else self.path
        if field:
            where = f"{where}: {field}"
        super().__init__(f"{where}: {problem}")


class OutputError(UsageError):
    """A place we were asked to write to cannot be written; checked before any work."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` on one line (any run of whitespace is one space) and at most ``limit``
    characters, so that a script can read one error per line."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


#: OS errors that mean "this path cannot be used" (the user's to fix) rather than
#: "the machine failed" (disk full, I/O error).
_USAGE_ERRNOS = frozenset({errno.ENOENT, errno.EACCES, errno.EPERM, errno.EISDIR,
                           errno.ENOTDIR, errno.EROFS, errno.ENAMETOOLONG, errno.ELOOP,
                           errno.EEXIST, errno.ENXIO, errno.EINVAL})


def describe(exc: BaseException) -> tuple[str, int]:
    """The one-line message (without the ``pariter: error:`` prefix) and the exit code
    for a failure; every command and every batch worker reports through this."""
    if isinstance(exc, PariterError):
        return one_line(str(exc)), exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", EXIT_INTERRUPTED
    if isinstance(exc, OSError):
        what = exc.strerror or type(exc).__name__
        what = what[:1].lower() + what[1:]
        parts = [str(f) for f in (exc.filename, exc.filename2) if f is not None]
        msg = f"{' → '.join(parts)}: {what}" if parts else what
        code = EXIT_USAGE if exc.errno in _USAGE_ERRNOS else EXIT_FAILED
        return one_line(msg), code
    if isinstance(exc, MemoryError):
        return "out of memory", EXIT_FAILED
    detail = one_line(f"{type(exc).__name__}: {exc}", 200)
    return (f"internal error ({detail}); please report it with the command that caused it "
            f"(PARITER_DEBUG=1 shows the traceback)"), EXIT_INTERNAL
