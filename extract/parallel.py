"""Reading a long document's pages on several cores.

Pass 1 of :mod:`.document` (the reader, glyph hygiene, line building) treats every page on
its own, and it is most of an extraction's time. For a document long enough to pay for
it, this module shares its pages out among forked processes, this one included: each
process takes the next few pages (:data:`CHUNK_PAGES`) from a counter they share, so one
held up by heavy pages (a table, a drawing of thousands of paths) simply takes fewer. The
results are put back in page order, and what a page's reading gives does not depend on
which process read it, so the document is byte for byte the one a single process makes.

Why ``fork``: a child starts with this process's modules in memory, the PDF reader and
our own code; nothing is imported again (nor torch or spaCy, whatever the parent has
loaded). It opens the file anew (:meth:`~pariter.extract.chars.CharSource.reopen`):
a file opened before the fork shares its read offset with the parent. No pool is kept
between documents, for the reason :mod:`pariter.batch` gives (a PDF that crashes PDFium
kills its process; a pool would hang or fail every pending task): forking costs a few
milliseconds. A child that fails or dies fails the document, with the file's name and the
pages it was reading; the parent never goes on with pages missing.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from pariter.errors import EXIT_FAILED, PariterError, describe

from .chars import CharSource, PageChars

if TYPE_CHECKING:
    import multiprocessing.connection
    import multiprocessing.process

T = TypeVar("T")

#: A document is read in parallel from this many pages. Below, forking and the children's
#: opening of the file cost about as much as the pages they would take over (measured in
#: the bench PDFs: see the README, "Speed and memory").
MIN_PAGES = 8
#: Pages a process takes at a time: few, so that the processes end within a page or two
#: of each other; handing a chunk out (a lock, one message back) costs far less than a page.
CHUNK_PAGES = 2


class PageWorkerError(PariterError):
    """A process reading some of a document's pages failed or died; the message names the
    file and those pages."""

    def __init__(self, path: str | Path, problem: str, exit_code: int = EXIT_FAILED) -> None:
        self.path = str(path)
        self.exit_code = exit_code
        super().__init__(f"{self.path}: {problem}")


def page_jobs(jobs: int | None) -> int:
    """How many processes read a document's pages: ``jobs`` when given, else every core
    this process may use, or one inside a batch's worker."""
    from pariter import batch

    if jobs is not None:
        return max(1, jobs)
    return 1 if batch.in_worker else batch.default_jobs()


def worth_it(pages: int, jobs: int) -> bool:
    """Read in parallel? Long enough a document, more than one job, and forking is safe
    here: Linux-like ``fork``, and no thread at work beside this one (a thread holding a
    lock at the fork would leave it held for ever in the child). Daemon threads are
    background helpers that sleep most of the time (tqdm's monitor, which a progress bar
    of sentence-transformers leaves running) and the children use none of their locks.
    Nor in a daemonic process (a batch's worker that was given ``jobs``): it may not have
    children."""
    mp = sys.modules.get("multiprocessing")
    return (jobs > 1 and pages >= MIN_PAGES and hasattr(os, "fork")
            and sys.platform != "win32"
            and not (mp is not None and mp.current_process().daemon)
            and all(t.daemon or t is threading.current_thread() for t in threading.enumerate()))


def _chunks(count: int) -> list[range]:
    return [range(k, min(k + CHUNK_PAGES, count)) for k in range(0, count, CHUNK_PAGES)]


def _pages(r: range) -> str:
    return f"{r.start + 1}" if len(r) == 1 else f"{r.start + 1}-{r.stop}"


def _take(counter: Any, total: int) -> int | None:
    """The next chunk's number, or None when every chunk is taken."""
    with counter.get_lock():
        k = counter.value
        if k >= total:
            return None
        counter.value = k + 1
        return k


def _child(src: CharSource, fn: Callable[[PageChars], Any], counter: Any,
           conn: multiprocessing.connection.Connection) -> None:
    from pariter.batch import ignore_sigint

    ignore_sigint()
    signal.signal(signal.SIGTERM, lambda signum, frame: os._exit(128 + signum))
    chunks = _chunks(src.page_count)
    k = None
    try:
        src.reopen()
        while (k := _take(counter, len(chunks))) is not None:
            conn.send_bytes(pickle.dumps(("took", k)))  # should this process die on them
            conn.send_bytes(pickle.dumps(("pages", k, [fn(pc) for pc in src.pages(chunks[k])]),
                                         pickle.HIGHEST_PROTOCOL))
        geometries = getattr(src, "geometries", dict)()
        conn.send_bytes(pickle.dumps(("done", geometries), pickle.HIGHEST_PROTOCOL))
    except BaseException as e:  # noqa: BLE001 - every failure goes back to the parent
        message, code = describe(e)
        try:
            conn.send_bytes(pickle.dumps(("failed", k, message, code)))
        except Exception:
            pass
    finally:
        conn.close()


def _died(proc: multiprocessing.process.BaseProcess) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def map_pages(src: CharSource, path: str | Path, fn: Callable[[PageChars], T], jobs: int
              ) -> tuple[list[T], dict[int, Any]]:
    """``fn`` of every page of ``src``, in page order, computed by ``jobs`` processes (this
    one and ``jobs - 1`` forked children); also the page geometries the children's reader
    learnt (:meth:`~pariter.extract.pdfium.PdfiumSource.geometries`; empty for a reader
    without them), for links that lead from one process's pages to another's.

    Raises :class:`PageWorkerError` when a child fails or dies."""
    import multiprocessing
    import multiprocessing.connection

    from pariter.batch import start_child

    chunks = _chunks(src.page_count)
    ctx = multiprocessing.get_context("fork")
    # the objects that exist now are not looked at by the garbage collector until the
    # children are done: a collection writes to every object it scans, and each page of
    # memory written to after a fork is copied (in this process and in the children).
    # A caller that froze objects itself keeps them frozen
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    counter = ctx.Value("i", 0)
    results: dict[int, list[T]] = {}
    geometries: dict[int, Any] = {}
    children: dict[Any, tuple[Any, int | None]] = {}  # conn → (process, chunk it took last)
    try:
        for _ in range(jobs - 1):
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(src, fn, counter, send), daemon=True,
                               name=f"pariter: pages of {Path(path).name}")
            start_child(proc)
            send.close()
            children[recv] = (proc, None)

        def receive(conn: Any) -> None:
            proc, last = children[conn]
            try:
                msg = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                conn.close()
                del children[conn]
                proc.join()
                what = f"reading page(s) {_pages(chunks[last])}" if last is not None \
                    else "before reading a page"
                raise PageWorkerError(path, f"a worker process stopped {what}: "
                                            f"{_died(proc)}") from None
            if msg[0] == "took":
                children[conn] = (proc, msg[1])
            elif msg[0] == "pages":
                results[msg[1]] = msg[2]
            elif msg[0] == "done":
                geometries.update(msg[1])
                conn.close()
                del children[conn]
                proc.join()
            else:
                _, k, message, code = msg
                what = f"reading page(s) {_pages(chunks[k])}" if k is not None \
                    else "opening the file"
                raise PageWorkerError(path, f"{what} in a worker process failed: {message}",
                                      code)

        while (k := _take(counter, len(chunks))) is not None:
            results[k] = [fn(pc) for pc in src.pages(chunks[k])]
            # take in what the children sent so far: a full pipe would hold them up
            for conn in multiprocessing.connection.wait(list(children), timeout=0):
                receive(conn)
        while children:
            for conn in multiprocessing.connection.wait(list(children)):
                receive(conn)
    finally:
        for conn, (proc, _) in children.items():
            if proc.is_alive():
                proc.terminate()
            proc.join()
            conn.close()
        if freeze:
            gc.unfreeze()
    return [r for k in range(len(chunks)) for r in results[k]], geometries
