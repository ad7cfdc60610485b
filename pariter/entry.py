"""The ``pariter`` script: Ctrl-C answered from the first line of our code.

Loading the command line (Typer, Click, Rich and our command modules) takes a few tenths of
a second, and Python's own handler turns a Ctrl-C in that time into a ``KeyboardInterrupt``
traceback (or a death by SIGINT). This module imports nothing heavy: it installs the
handler first, then loads :mod:`pariter.cli`, whose :func:`~pariter.cli.run` installs its
own. Nothing has been written before ``run`` starts, so an early Ctrl-C leaves no output.

``pariter extract`` of one PDF forks its spaCy helper here, before the command line is
loaded, so that spaCy's import starts at once on the other core
(:func:`pariter.splitter.start_early`).
"""

from __future__ import annotations

import signal
import sys
from typing import Any

#: the exit code of a command ended by Ctrl-C (128 + SIGINT), as in :mod:`pariter.errors`
EXIT_INTERRUPTED = 130


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    try:
        from pariter.splitter import start_early

        start_early(sys.argv[1:])
        from pariter.cli import run

        code = run()
    except KeyboardInterrupt:  # before run() took over: while loading or starting up
        try:
            sys.stderr.write("pariter: error: interrupted\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        code = EXIT_INTERRUPTED
    sys.exit(code)
