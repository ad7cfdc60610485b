"""Rebuilding the corpus from its PDFs: extract → align → export, incrementally, on all cores.

The build is a set of independent :class:`Step` s, each declaring the files it reads
(``inputs``), the files it writes (``outputs``), the code whose changes must rebuild it
and its other parameters; one step depends on another exactly when it reads what the
other writes. Nothing else connects them, so any executor that can run
:func:`run_step` where the inputs are — this process, a forked process per step
(``jobs > 1``), or later a machine of a cluster — builds the same files.

Make's timestamps are not enough here: a fresh clone gives every file a new mtime, and a
change to the extractor's code should rebuild documents even when no PDF changed. So
each output records, in ``build/.state.json``, a key made of the sha256 of the step's
inputs, of its parameters and of the code of the stages that made it; a step runs only
when its key changed. The state is written after every step, and every output is
written atomically, so a failed or interrupted build leaves the previous good files and
nothing half-written. A failing step is reported by name; the steps that need its
output are not run, all the others are.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from pariter.errors import EXIT_FAILED, EXIT_USAGE, InputError, PariterError, UsageError
from pariter.io import atomic_write_text, read_text, regular_file, sha256_file

STATE_FILE = ".state.json"
#: What an export step writes next to the alignment, one file per format.
EXPORT_SUFFIXES = (".tei.xml", ".jsonl", ".tmx", ".html")


@dataclass(frozen=True, slots=True)
class DocEntry:
    id: str
    pdf: Path
    title: str | None


@dataclass(frozen=True, slots=True)
class Side:
    document: str
    select: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class PairEntry:
    """``corrections``: a translator's corrections file (saved by the review page) that the
    build applies to the aligner's output, so a rebuild keeps them.  ``same_language``: the
    two sides are versions in one language (otherwise such a pair is refused)."""

    id: str
    source: Side
    target: Side
    corrections: Path | None = None
    same_language: bool = False


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    documents: tuple[DocEntry, ...]
    pairs: tuple[PairEntry, ...]

    def document(self, doc_id: str) -> DocEntry:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)


def load_manifest(path: str | Path) -> Manifest:
    """Read and check a manifest: UTF-8 TOML, the types of ``manifest.schema.json``,
    unique ids, pairs naming documents that are listed."""
    from pariter.refs import Refs, raise_first
    from pariter.schema import validate

    p = Path(path)
    try:
        data = tomllib.loads(read_text(p))
    except tomllib.TOMLDecodeError as e:
        raise InputError(p, f"not valid TOML ({e})") from None
    validate(data, "manifest", source=p)
    base = p.parent
    docs = tuple(DocEntry(d["id"], base / d["pdf"], d.get("title")) for d in data.get("document", []))
    pairs = tuple(PairEntry(q["id"], Side(**q["source"]), Side(**q["target"]),
                            base / q["corrections"] if q.get("corrections") else None,
                            bool(q.get("same_language", False)))
                  for q in data.get("pair", []))
    r, pair_ids = Refs(), Refs()  # a pair may share its document's id: other file names
    for i, d in enumerate(docs):
        r.define(d.id, "document", f"document[{i}].id")
    for i, q in enumerate(pairs):
        pair_ids.define(q.id, "pair", f"pair[{i}].id")
        for label, side in (("source", q.source), ("target", q.target)):
            r.need(side.document, f"pair[{i}].{label}.document", {"document"}, "document")
    raise_first(p, r.problems() + pair_ids.problems())
    return Manifest(p, docs, pairs)


@lru_cache(maxsize=None)
def code_fingerprint(*packages: str) -> str:
    """A hash of the source files of the given packages: changed code → rebuilt outputs."""
    import importlib

    h = hashlib.sha256()
    for name in sorted(set(packages)):
        mod = importlib.import_module(name)
        root = Path(mod.__file__).parent
        for f in sorted(root.rglob("*")):
            if f.suffix in {".py", ".json", ".css", ".js", ".html"} and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(root)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Step:
    """One unit of work with everything an executor needs to know about it.

    ``action`` with ``entry`` says what to do (:func:`run_step`); ``inputs`` and
    ``outputs`` are the only files it reads and writes; ``code`` names the packages whose
    source is part of its key and ``params`` anything else that changes its result.
    """

    name: str
    action: str  # "extract" | "align" | "correct" | "export"
    entry: DocEntry | PairEntry
    inputs: tuple[Path, ...]
    outputs: tuple[Path, ...]
    code: tuple[str, ...]
    params: tuple[str, ...] = ()

    def key(self) -> str:
        """The sha256 of inputs, parameters and code; raises :class:`InputError` for a
        missing input (a PDF listed in the manifest but absent)."""
        hashes = []
        for p in self.inputs:
            if not p.exists():
                raise InputError(p, "listed in the manifest but missing" if self.action == "extract"
                                 else "missing")
            hashes.append(sha256_file(regular_file(p)))
        return _key(*hashes, *self.params, code_fingerprint(*self.code))


@dataclass
class StepContext:
    """What steps run in one process share: documents read once, the model loaded once."""

    manifest: Manifest
    out: Path
    model: str
    docs: dict[Path, Any] = field(default_factory=dict)
    embedder: Any = None


def run_step(step: Step, ctx: StepContext) -> None:
    """Run one step: read its inputs, write its outputs (atomically)."""
    if step.action == "extract":
        _extract(step, ctx)
    elif step.action == "align":
        _align(step, ctx)
    elif step.action == "correct":
        _correct(step, ctx)
    elif step.action == "export":
        _export(step, ctx)
    else:  # pragma: no cover - steps are made by Build.steps
        raise ValueError(f"unknown action {step.action!r}")


def _extract(step: Step, ctx: StepContext) -> None:
    from pariter.pipeline import extract_document

    d: DocEntry = step.entry  # type: ignore[assignment]
    doc = extract_document(d.pdf, doc_id=d.id)
    if d.title and not doc.title:
        doc.title = d.title
    doc.source.path = _rel(d.pdf, ctx.manifest.path.parent)
    doc.save(step.outputs[0])


def _doc(ctx: StepContext, path: Path):
    from pariter.model import load_document

    if path not in ctx.docs:
        ctx.docs[path] = load_document(path)
    return ctx.docs[path]


def _side_doc(ctx: StepContext, side: Side):
    doc = _doc(ctx, ctx.out / f"{side.document}.json")
    return doc.stream(side.lang) if side.lang else doc


def _align(step: Step, ctx: StepContext) -> None:
    from pariter.align.document import align_documents

    p: PairEntry = step.entry  # type: ignore[assignment]
    if ctx.embedder is None:
        from pariter.align.embed import CachedEmbedder, load_embedder

        ctx.embedder = CachedEmbedder(load_embedder(ctx.model))
    src, tgt = _side_doc(ctx, p.source), _side_doc(ctx, p.target)
    from pariter.align.text import check_document_languages

    refusals = check_document_languages(src, tgt, p.source.select, p.target.select,
                                        same_language=p.same_language)
    if refusals:
        raise UsageError(f"pair {p.id}: {refusals[0]}")
    alignment = align_documents(src, tgt, ctx.embedder,
                                src_select=p.source.select, tgt_select=p.target.select)
    alignment.save(step.outputs[0])


def _correct(step: Step, ctx: StepContext) -> None:
    """The aligner's output with the pair's corrections file applied (checked against the
    documents; a correction that no longer fits fails the step by the file's name)."""
    from pariter.export.corrections import apply_corrections, load_corrections
    from pariter.model import load_alignment

    p: PairEntry = step.entry  # type: ignore[assignment]
    assert p.corrections is not None
    model_path = ctx.out / "model" / f"{p.id}.align.json"
    corrected = apply_corrections(load_alignment(model_path),
                                  _doc(ctx, ctx.out / f"{p.source.document}.json"),
                                  _doc(ctx, ctx.out / f"{p.target.document}.json"),
                                  load_corrections(p.corrections), p.corrections)
    corrected.save(step.outputs[0])


def _export(step: Step, ctx: StepContext) -> None:
    from pariter.export import write_pair_outputs
    from pariter.model import load_alignment
    from pariter.refs import check_alignment

    p: PairEntry = step.entry  # type: ignore[assignment]
    al_path = ctx.out / f"{p.id}.align.json"
    al = load_alignment(al_path)
    src, tgt = _side_doc(ctx, p.source), _side_doc(ctx, p.target)
    check_alignment(al, al_path, src, ctx.out / f"{p.source.document}.json",
                    tgt, ctx.out / f"{p.target.document}.json")
    write_pair_outputs(src, tgt, al, ctx.out, p.id)


class Build:
    def __init__(self, manifest: Manifest, out_dir: Path, model: str = "muse",
                 force: bool = False) -> None:
        self.manifest = manifest
        self.out = out_dir
        self.model = model
        self.force = force
        self.state_path = out_dir / STATE_FILE
        self.state: dict[str, str] = self._read_state()
        self.ran: list[str] = []
        self.skipped: list[str] = []
        #: step name → one-line message, for steps that failed or could not run
        self.failed: dict[str, str] = {}
        self._exit_codes: list[int] = []

    # -- state ----------------------------------------------------------------------
    def _read_state(self) -> dict[str, str]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in data.items()}
        except (OSError, ValueError, AttributeError, RecursionError):
            return {}  # no state, or an unreadable one: everything is rebuilt

    def _save_state(self) -> None:
        atomic_write_text(self.state_path, json.dumps(self.state, indent=1, sort_keys=True) + "\n")

    def state_key(self, output: Path) -> str:
        """An output's name in the state file: its path below the build directory (the
        aligner's output of a corrected pair, ``model/<pair>.align.json``, shares its
        file name with the corrected alignment)."""
        try:
            return output.relative_to(self.out).as_posix()
        except ValueError:
            return output.name

    def up_to_date(self, step: Step, key: str) -> bool:
        return (not self.force and all(o.exists() for o in step.outputs)
                and all(self.state.get(self.state_key(o)) == key for o in step.outputs))

    # -- the steps ------------------------------------------------------------------------
    def doc_json(self, doc_id: str) -> Path:
        return self.out / f"{doc_id}.json"

    def steps(self) -> Iterator[Step]:
        for d in self.manifest.documents:
            yield Step(f"extract {d.id}", "extract", d, (d.pdf,), (self.doc_json(d.id),),
                       ("pariter.extract", "pariter"))
        for p in self.manifest.pairs:
            docs = tuple(dict.fromkeys(self.doc_json(s.document) for s in (p.source, p.target)))
            align_out = self.out / f"{p.id}.align.json"
            # With corrections, the aligner's own output is kept apart (model/) and the
            # pair's alignment is the corrected one: editing the corrections re-runs only
            # the correct and export steps, and adding them does not re-align.
            model_out = self.out / "model" / f"{p.id}.align.json" if p.corrections else align_out
            yield Step(f"align {p.id}", "align", p, docs, (model_out,),
                       ("pariter.align", "pariter"), (repr((p.id, p.source, p.target)), self.model))
            if p.corrections is not None:
                yield Step(f"correct {p.id}", "correct", p, docs + (model_out, p.corrections),
                           (align_out,), ("pariter.export", "pariter.align", "pariter"))
            yield Step(f"export {p.id}", "export", p, docs + (align_out,),
                       tuple(self.out / f"{p.id}{ext}" for ext in EXPORT_SUFFIXES),
                       ("pariter.export", "pariter"), (repr(p),))

    # -- running ------------------------------------------------------------------------
    def run(self, progress: Callable[[str, int, int], None] | None = None, jobs: int = 1,
            report: Callable[[str, str], None] | None = None) -> None:
        """Run every step whose key changed, ``jobs`` at a time.

        ``progress(name, done, total)`` follows the build; ``report(step, message)`` is
        told of each failure as it happens. Raises :class:`PariterError` at the end if
        any step failed (its exit code 2 when every failure was an input error).
        """
        from pariter.batch import Job, Outcome, run_jobs

        self.out.mkdir(parents=True, exist_ok=True)
        steps = list(self.steps())
        producer = {o: s for s in steps for o in s.outputs}
        finished: dict[str, bool] = {}  # step name → succeeded (or was up to date)
        ctx = StepContext(self.manifest, self.out, self.model)
        n_done = 0

        def tick(name: str) -> None:
            nonlocal n_done
            n_done += 1
            if progress:
                progress(name, n_done, len(steps))

        def fail(step: Step, message: str, code: int) -> None:
            if not message.startswith(step.name):
                message = f"{step.name}: {message}"
            self.failed[step.name] = message
            self._exit_codes.append(code)
            finished[step.name] = False
            if report:
                report(step.name, message)
            tick(step.name)

        if progress:
            progress("starting", 0, len(steps))
        remaining = list(steps)
        while remaining:
            wave: list[tuple[Step, str]] = []
            before = len(remaining)
            for step in list(remaining):
                deps = [producer[i] for i in step.inputs if i in producer]
                if any(d.name not in finished for d in deps):
                    continue  # waits for a step of this wave or a later one
                remaining.remove(step)
                broken = [d.name for d in deps if not finished[d.name]]
                if broken:
                    fail(step, f"{step.name}: not run, it needs the output of {broken[0]}, which failed",
                         EXIT_FAILED)
                    continue
                try:
                    key = step.key()
                except PariterError as e:
                    fail(step, str(e), e.exit_code)
                    continue
                if self.up_to_date(step, key):
                    self.skipped.append(step.name)
                    finished[step.name] = True
                    tick(step.name)
                else:
                    wave.append((step, key))
            if not wave:
                if len(remaining) == before:  # pragma: no cover - steps form a cycle
                    raise PariterError(f"steps wait on each other: {[s.name for s in remaining]}")
                continue
            keys = {s.name: k for s, k in wave}
            by_name = {s.name: s for s, _ in wave}

            def done(outcome: Outcome) -> None:
                step = by_name[outcome.name]
                if outcome.ok:
                    for o in step.outputs:
                        self.state[self.state_key(o)] = keys[step.name]
                    self._save_state()
                    finished[step.name] = True
                    tick(step.name)
                else:
                    fail(step, outcome.message, outcome.exit_code)

            run_jobs([Job(s.name, run_step, (s, ctx)) for s, _ in wave], jobs, on_done=done,
                     warm_up=lambda: _warm_up(wave))
        self.ran = [s.name for s in steps if finished.get(s.name) and s.name not in self.skipped]
        if progress:
            progress("done", len(steps), len(steps))
        if self.failed:
            first = next(iter(self.failed.values()))
            more = len(self.failed) - 1
            err = PariterError(first + (f" (and {more} more step(s) failed or not run)" if more else ""))
            err.exit_code = self.exit_code
            raise err

    @property
    def exit_code(self) -> int:
        """0 when every step succeeded, 2 when every failure was an input error, else 1."""
        if not self.failed:
            return 0
        return EXIT_USAGE if all(c == EXIT_USAGE for c in self._exit_codes) else EXIT_FAILED


def _warm_up(wave: list[tuple[Step, str]]) -> None:
    """Import what the wave's steps need once, before they are forked (see pariter.batch)."""
    actions = {s.action for s, _ in wave}
    if "extract" in actions:
        warm_up_extraction()
    if "export" in actions:
        import pariter.export  # noqa: F401


def warm_up_extraction() -> None:
    """Load the extractor, what it loads on first use, and spaCy's two pipelines: what
    every extraction needs."""
    from pariter.align.segment import pipeline
    from pariter.extract.document import warm_up

    warm_up()
    pipeline("zh")
    pipeline("en")


def _rel(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
