"""The ``pariter`` script: Ctrl-C answered from the first line of our code.

Loading the command line (Typer, Click, Rich and our command modules) takes a few tenths of
a second, and Python's own handler turns a Ctrl-C in that time into a ``KeyboardInterrupt``
traceback (or a death by SIGINT). This module imports nothing heavy: it installs the
handler first, then loads :mod:`pariter.cli`, whose :func:`~pariter.cli.run` installs its
own. Nothing has been written before ``run`` starts, so an early Ctrl-C leaves no output.

``pariter extract`` of one PDF forks its spaCy helper here, before the command line is
loaded, so that spaCy's import starts at once on the other core
(:func:`pariter.splitter.start_early`).

The process ends without the interpreter's last garbage collections (:func:`leave`).
"""

from __future__ import annotations

import gc
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
    leave(code)


def leave(code: int) -> None:
    """End the process with ``code``, sparing it the collector's passes over what is alive.

    As Python exits it tears its modules down and runs the cyclic garbage collector over
    every object still alive, more than once: after ``pariter extract`` of an 8-page paper
    about 0.1 s of CPU (``perf`` on the process: two thirds of its exit in the collector),
    more than a whole PDFium text dump process takes. :func:`gc.freeze` moves every object
    to the generation the collector leaves alone; the rest of the exit is as ever (atexit
    handlers, the standard streams flushed, modules torn down, objects freed by reference
    counting). What only the last collections would have reclaimed are objects in
    reference cycles, whose memory the system takes back with the process; Python never
    promised to finalize objects alive at exit, and our commands write and close their
    files before :func:`~pariter.cli.run` returns."""
    gc.freeze()
    sys.exit(code)
