"""The ``pariter`` script: Ctrl-C answered from the first line of our code.

Loading the command line (Typer, Click, Rich and our command modules) takes a few tenths of
a second, and Python's own handler turns a Ctrl-C in that time into a ``KeyboardInterrupt``
traceback (or a death by SIGINT). This module imports nothing heavy: it installs the
handler first, then loads :mod:`pariter.cli`, whose :func:`~pariter.cli.run` installs its
own. Nothing has been written before ``run`` starts, so an early Ctrl-C leaves no output.

``pariter extract`` of one PDF forks its spaCy helper here, before the command line is
loaded, so that spaCy's import starts at once on the other core
(:func:`pariter.splitter.start_early`).

The command line loads (:func:`load`) and the process ends (:func:`leave`) without the
cyclic garbage collector's passes over what they make and leave alive.
"""

from __future__ import annotations

import gc
import signal
import sys
from typing import Any, Callable

#: the exit code of a command ended by Ctrl-C (128 + SIGINT), as in :mod:`pariter.errors`
EXIT_INTERRUPTED = 130


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    try:
        run = load(sys.argv[1:])
        code = run()
    except KeyboardInterrupt:  # before run() took over: while loading or starting up
        try:
            sys.stderr.write("pariter: error: interrupted\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        code = EXIT_INTERRUPTED
    leave(code)


def load(args: list[str]) -> Callable[[], int]:
    """Fork the sentence helper if the command line wants it, then load the command line;
    :func:`pariter.cli.run` is returned.

    Both are imports: objects that live as long as the process, and next to no garbage.
    The cyclic collector's passes over them as they pile up (66, 0.013 s of CPU, before
    ``pariter extract``'s command runs) find nothing, so they run with the collector off;
    what they made is then frozen, left out of every later pass (a collection over the
    same objects during the command would find nothing either). The helper, forked
    meanwhile, turns the collector back on itself.

    ``pariter extract`` of one PDF runs on with the collector off, to its end: its
    extraction runs without it anyway (:func:`pariter.extract.document.
    cycle_collector_paused`), and the passes left, over the rest of the command (about
    20 after an 8-page paper, 0.02 s of CPU), collected under 3,000 objects (under 1,000
    for that paper, 2,653 after a 20-page report): memory the process gives back a
    moment later, when it ends."""
    from pariter.coldstart import start_fast
    from pariter.splitter import start_early, wants_early_helper

    gc.disable()
    try:
        # before anything else is imported (pydantic and the rest imported before the
        # helper is forked are on its way to spaCy): patterns and dataclasses from kept
        # code, and the helper forked with them in place (pariter.cli.run asks again)
        start_fast()
        start_early(args)
        from pariter.cli import run
    finally:
        gc.freeze()
        if not wants_early_helper(args):
            gc.enable()
    return run


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
