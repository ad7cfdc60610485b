"""Loading spaCy in a helper process while the PDF is read.

Importing spaCy and building its two pipelines (0.6 s of CPU here) is most of a cold
``pariter extract`` of a short PDF, and it does not depend on the PDF: a helper process
does it on the second core while this one reads the PDF, then splits the paragraphs it
is sent. The sooner it starts, the sooner it is ready, so ``pariter extract`` forks it
from :mod:`pariter.entry` (:func:`start_early`) before the command line itself is loaded
(Typer, Rich, our modules: 0.2–0.3 s that the helper would otherwise wait for).

This module imports nothing but the standard library at load time, so that the early
start costs the command nothing it would not pay anyway.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from typing import Any, Iterator


#: The pipelines the helper builds while it waits, cheapest first (spaCy's Chinese one
#: takes 0.03 s, the English one 0.10 s with its tokenizer exceptions). When the
#: paragraphs arrive before both are built, the rest are built only if a paragraph's
#: language asks (:func:`pariter.align.segment.pipeline` builds on first use): a short
#: Chinese document does not wait for the English pipeline.
PIPELINES = ("zh", "en")


def _serve(conn: Any, parents_end: Any) -> None:
    """The helper process: load spaCy and its pipelines, then split what it is sent."""
    from pariter.batch import ignore_sigint

    ignore_sigint()
    parents_end.close()  # else a parent that dies would never be seen to: recv() waits for ever
    try:
        from pariter.coldstart import start_fast

        # no torch probe, no spaCy CLI, kept regex and dataclass code (in place already
        # when pariter.entry forked this process; asked again, this process writes what it adds)
        start_fast()
        # What loading spaCy makes lives as long as this process: the collector's passes
        # over it as it grows (about a hundred here, one over everything) find nothing, and
        # were 0.07 s of the helper's 0.5 s of CPU. So it loads with the collector off, and
        # what it made is frozen (left out of every later pass) before the splitting. (The
        # collector is turned on after, whatever the parent's was at the fork: see
        # pariter.entry.load.)
        gc.disable()
        from pariter.align.segment import load_word_list, pipeline, split_sentences

        for lang in PIPELINES:
            if conn.poll():  # the paragraphs came first: build only what they need
                break
            pipeline(lang)
        if not conn.poll():
            # an English sentence end asks the word list (0.03 s to read, 0.04 s to import
            # what reads it): read now, not once the paragraphs have come
            load_word_list()
        gc.freeze()
        # what spaCy compiled is kept for the next helper (the helper ends without the
        # exit handlers that keep it in the main process); the parent is busy meanwhile
        from pariter import dataclass_code
        from pariter.patterns import save_compiled

        with _no_sigterm():
            save_compiled()
            dataclass_code.save()
        gc.enable()
        items = conn.recv()
        try:
            conn.send([split_sentences(text, lang) for text, lang in items])
        except Exception as e:  # the same exception the parent would have met
            conn.send(e)
    except (EOFError, OSError):
        pass  # the parent is gone or did not need us
    finally:
        conn.close()


@contextmanager
def _no_sigterm() -> Iterator[None]:
    """SIGTERM held until the block ends. A parent that stops early (an error, nothing to
    split) terminates the helper, and one ended in the middle of writing the kept code
    left its temporary file in the cache (seen once in tests/test_fuzz.py); held, the
    signal ends the helper right after the write, and the parent's ``join`` waits the few
    milliseconds."""
    import signal

    mask = getattr(signal, "pthread_sigmask", None)
    old = mask(signal.SIG_BLOCK, {signal.SIGTERM}) if mask is not None else None
    try:
        yield
    finally:
        if mask is not None:
            mask(signal.SIG_SETMASK, old)


class BackgroundSplitter:
    """Sentence segmentation by spaCy in a helper process started before extraction.

    The result is the one :func:`pariter.pipeline.add_sentences` computes in-process (same
    function, same input); should the helper fail, the splitting is done there.
    """

    def __init__(self) -> None:
        import multiprocessing

        from pariter.batch import start_child

        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self._conn), name="pariter: spaCy",
                                 daemon=True)
        start_child(self._proc)
        child.close()

    def split_all(self, items: list[tuple[str, str]]) -> list[list[tuple[int, int]]] | None:
        """Spans for every ``(text, lang)``, or None when the helper could not answer."""
        return self.receive() if self.send(items) else None

    def send(self, items: list[tuple[str, str]]) -> bool:
        """Hand the helper every ``(text, lang)`` to split, and go on meanwhile: their
        spans come with :meth:`receive`. False (and the helper stopped) when it cannot
        take them."""
        try:
            self._conn.send(items)
        except (EOFError, OSError):
            self.close()
            return False
        return True

    def receive(self) -> list[list[tuple[int, int]]] | None:
        """The spans of what :meth:`send` handed over, or None when the helper could not
        answer; the helper is stopped either way."""
        try:
            out = self._conn.recv()
        except (EOFError, OSError):
            return None
        finally:
            self.close()
        if isinstance(out, BaseException):
            raise out
        return out

    def close(self) -> None:
        self._conn.close()
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()

    def __enter__(self) -> "BackgroundSplitter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: the helper :func:`start_early` forked, until :func:`background_splitter` hands it out
_early: BackgroundSplitter | None = None


def _can_help() -> bool:
    """spaCy not loaded in this process yet, ``fork`` available and more than one core."""
    return "spacy" not in sys.modules and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def background_splitter() -> BackgroundSplitter | None:
    """The helper :func:`start_early` started, else a new :class:`BackgroundSplitter` when
    it can help (see :func:`_can_help`); None otherwise."""
    global _early
    if _early is not None:
        early, _early = _early, None
        return early
    return BackgroundSplitter() if _can_help() else None


def wants_early_helper(args: list[str]) -> bool:
    """Will this command line split sentences in this process? ``pariter extract`` of one
    PDF does (``--out`` extracts in worker processes, ``--help`` extracts nothing).

    A guess made before the arguments are parsed: a wrong yes costs only the helper's
    work on the other core (it is stopped when this process ends), a wrong no only the
    earlier start."""
    return (args[:1] == ["extract"]
            and not any(a in ("--help", "--out") or a.startswith("--out=") for a in args[1:]))


#: Imported before the early fork, because both processes import them anyway: spaCy's
#: config validation (confection, spacy.schemas) and Typer's parameter coercion both build
#: on pydantic's models, validators and type adapters; both look up installed
#: distributions' entry points (catalogue; pydantic's plugin loader); the rest is standard
#: library both sides use. Imported here once, they are shared copy-on-write. Forked
#: before them, the helper imported them again: 0.51 s of CPU instead of 0.45 s (median
#: of 9, one-line PDF), a cost that shows as wall time wherever the two processes share a
#: core. With them: 0.43 s, as when it was forked after the whole command line had loaded.
SHARED_IMPORTS = ("pydantic.main", "pydantic.type_adapter", "pydantic.functional_validators",
                  "pydantic.fields", "pydantic.types", "importlib.metadata", "json", "logging",
                  "hashlib", "uuid", "platform", "difflib", "zoneinfo")


def start_early(args: list[str]) -> None:
    """Fork the sentence helper now if the command line will want it."""
    global _early
    if _early is None and wants_early_helper(args) and _can_help():
        import importlib

        for name in SHARED_IMPORTS:
            importlib.import_module(name)
        _early = BackgroundSplitter()
