"""Running many independent jobs on all cores; a failing job is reported, the rest finish.

Each job runs in its own forked process. A pool of long-lived workers would load the
libraries once per worker, but one PDF that crashes PDFium (a segfault, not an exception)
would kill a worker and hang ``multiprocessing.Pool`` or break every pending job of a
``ProcessPoolExecutor``. Forking per job costs a few milliseconds; the parent imports and
warms up what every job needs (:func:`run_jobs`'s ``warm_up``) before the first fork, so
each child starts with spaCy, the PDF reader and our modules already in memory — loaded
once for the whole batch, shared copy-on-write.

A child ignores Ctrl-C (the parent decides) and turns SIGTERM into ``SystemExit``, so a
job stopped halfway runs its ``finally`` blocks and :func:`pariter.io.atomic_write_bytes`
removes its temporary file: an interrupted batch leaves only complete outputs.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from pariter.errors import EXIT_FAILED, describe

__all__ = ["Job", "Outcome", "run_jobs", "default_jobs", "largest_first", "start_child",
           "ignore_sigint"]


@dataclass(frozen=True, slots=True)
class Job:
    """``fn(*args)`` under a name the user recognises (a file name, a build step)."""

    name: str
    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str
    ok: bool
    value: Any = None
    message: str = ""  # one line, without the "pariter: error:" prefix
    exit_code: int = 0


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def largest_first(paths: Iterable[Path]) -> list[Path]:
    """``paths`` in the order to start them on several workers: the largest files first
    (ties in the given order). Jobs start in order as workers free up, so a long document
    started last keeps one core busy after the others are done; started first, the short
    ones fill in beside it. On the 27 bench PDFs on 2 workers (each document's CPU time
    measured alone) the batch's longest path is 4.26 s in name order, 3.81 s largest
    first, against 3.76 s for a perfect split. A file that cannot be read sorts as empty:
    its job reports the problem."""
    def size(p: Path) -> int:
        try:
            return os.stat(p).st_size
        except OSError:
            return 0

    return sorted(paths, key=lambda p: -size(p))


def run_one(job: Job) -> Outcome:
    """Run ``job`` here, turning any failure into an :class:`Outcome` (Ctrl-C excepted)."""
    try:
        return Outcome(job.name, True, job.fn(*job.args))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # noqa: BLE001 - every failure becomes a line for the user
        if os.environ.get("PARITER_DEBUG"):
            traceback.print_exc()
        message, code = describe(e)
        return Outcome(job.name, False, message=message, exit_code=code)


def _terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def start_child(proc: multiprocessing.process.BaseProcess) -> None:
    """Fork ``proc`` with SIGINT held back: a Ctrl-C arriving while the child is between
    fork and its ``ignore_sigint()`` would interrupt Python's at-fork hooks there and
    print "Exception ignored … KeyboardInterrupt". The parent gets its Ctrl-C right after."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        proc.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def ignore_sigint() -> None:
    """In a child started by :func:`start_child`: Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


#: True in a process that runs a job of a batch: the batch has the cores, so work inside a
#: job stays in its process (:func:`pariter.extract.parallel.page_jobs`)
in_worker = False


def _child(job: Job, conn: multiprocessing.connection.Connection) -> None:
    global in_worker
    in_worker = True
    ignore_sigint()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        outcome = run_one(job)
        try:
            conn.send(outcome)
        except Exception as e:  # an unpicklable value: report it rather than hang
            conn.send(Outcome(job.name, False, message=f"cannot return the result ({e})",
                              exit_code=EXIT_FAILED))
    finally:
        conn.close()


def _died(job: Job, proc: multiprocessing.process.BaseProcess) -> Outcome:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
    else:
        how = f"exited with status {code}"
    return Outcome(job.name, False, message=f"{job.name}: the process stopped ({how})",
                   exit_code=EXIT_FAILED)


def run_jobs(jobs: Iterable[Job], workers: int, on_done: Callable[[Outcome], None] | None = None,
             warm_up: Callable[[], None] | None = None) -> list[Outcome]:
    """Run ``jobs`` with at most ``workers`` at a time; outcomes in the order of ``jobs``.

    ``on_done`` is called in this process as each job finishes (progress, messages).
    With one worker (or one job) everything runs in this process, in order.
    """
    todo: Sequence[Job] = list(jobs)
    results: dict[int, Outcome] = {}

    def done(i: int, outcome: Outcome) -> None:
        results[i] = outcome
        if on_done:
            on_done(outcome)

    if workers <= 1 or len(todo) <= 1 or sys.platform == "win32":
        if warm_up:
            warm_up()
        for i, job in enumerate(todo):
            done(i, run_one(job))
        return [results[i] for i in range(len(todo))]

    if warm_up:
        warm_up()
    ctx = multiprocessing.get_context("fork")
    pending = list(enumerate(todo))
    running: dict[Any, tuple[int, Job, Any, Any]] = {}  # sentinel → (index, job, proc, conn)
    try:
        while pending or running:
            while pending and len(running) < workers:
                i, job = pending.pop(0)
                recv, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_child, args=(job, send), name=f"pariter: {job.name}",
                                   daemon=True)
                start_child(proc)
                send.close()
                running[proc.sentinel] = (i, job, proc, recv)
            conns = {v[3]: k for k, v in running.items()}
            ready = multiprocessing.connection.wait(list(conns) + list(running))
            for r in ready:
                key = conns.get(r, r)
                if key not in running:
                    continue
                i, job, proc, recv = running.pop(key)
                try:
                    outcome = recv.recv() if recv.poll() else None
                except (EOFError, OSError):
                    outcome = None
                recv.close()
                proc.join()
                done(i, outcome if outcome is not None else _died(job, proc))
    except BaseException:
        for _, _, proc, _ in running.values():
            if proc.is_alive():
                proc.terminate()
        for _, _, proc, recv in running.values():
            proc.join()
            recv.close()
        raise
    return [results[i] for i in range(len(todo))]
