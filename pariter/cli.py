"""The ``pariter`` command line: one command per thing a user does.

Everything a command raises ends in one place, :func:`run`: our errors, OS errors, Ctrl-C
and bugs alike become one unwrapped line ``pariter: error: …`` on stderr and the exit code
of :mod:`pariter.errors` (2 for usage and input errors, 130 when interrupted). A command
only raises; it never prints an error or picks an exit code itself. Output paths are
options with ``callback=check_output_file`` (or ``check_output_dir``), so they are checked
while the arguments are parsed, before any work starts.

Heavy imports (spaCy, FAISS, torch) happen inside the commands, and the commands of a
stage's own CLI module (``align/cli.py``) are listed in :data:`STAGE_COMMANDS` and
imported only when one of them runs, so ``pariter --help`` answers at once.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path
from enum import Enum
from typing import Any, Optional

import signal
import threading

import typer
from typer.core import TyperCommand, TyperGroup

from pariter.errors import (EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, PariterError,
                            UsageError, describe, one_line)


def check_output_file(value: Optional[Path]) -> Optional[Path]:
    """Typer callback: :func:`pariter.io.check_output_file`, imported only when used."""
    if value is None:
        return None
    from pariter.io import check_output_file as check

    return check(value)


def check_output_dir(value: Optional[Path]) -> Optional[Path]:
    """Typer callback: :func:`pariter.io.check_output_dir`, imported only when used."""
    if value is None:
        return None
    from pariter.io import check_output_dir as check

    return check(value)


def check_distinct(outputs: Any, inputs: Any = ()) -> None:
    from pariter.io import check_distinct as check

    check(outputs, inputs)

#: Commands defined in a stage's CLI module (its ``register(app)``): name → (module, the
#: one-line help shown by ``pariter --help``). A test keeps this table equal to what the
#: modules register; a command missing here still runs (every stage is loaded when a
#: name is unknown), it is only missing from the list.
STAGE_COMMANDS: dict[str, tuple[str, str]] = {
    "align": ("pariter.align.cli",
              "Align Chinese and English: sections, clauses, paragraphs, sentences and footnotes."),
    "align-text": ("pariter.align.cli",
                   "Align two sentence-per-line files, or two folders of them paired by file name."),
    "eval-align": ("pariter.align.cli",
                   "Strict and lax precision, recall and F1 (micro-averaged over files)."),
}


class _Commands(TyperGroup):
    """Typer's group, loading a stage's commands only when one of them is run."""

    def list_commands(self, ctx: typer.Context) -> list[str]:
        names = super().list_commands(ctx)
        return names + [n for n in STAGE_COMMANDS if n not in names]

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None and cmd_name in STAGE_COMMANDS:  # listed in help, not loaded yet
            return TyperCommand(cmd_name, short_help=STAGE_COMMANDS[cmd_name][1])
        return cmd

    def resolve_command(self, ctx: typer.Context, args: list[str]):  # noqa: ANN201
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            modules = ([STAGE_COMMANDS[args[0]][0]] if args[0] in STAGE_COMMANDS
                       else sorted({m for m, _ in STAGE_COMMANDS.values()}))
            for name in modules:
                self._load(name)
        return super().resolve_command(ctx, args)

    def _load(self, module: str) -> None:
        stage = typer.Typer()
        importlib.import_module(module).register(stage)
        for name, cmd in typer.main.get_group(stage).commands.items():
            self.commands.setdefault(name, cmd)


app = typer.Typer(
    name="pariter",
    cls=_Commands,
    help="Chinese and English PDFs into structured, aligned, citable parallel text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
corpus_app = typer.Typer(help="Rebuild the shipped corpus (see corpus/manifest.toml).",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

class _Lines:
    """Messages for the user, one line each, written as they are: never wrapped (a script
    reads one line per message), no markup.

    Plain writes, not a Rich console: importing ``rich.console`` costs every command
    about 0.02 s of CPU (as much as the rest of this module and our error handling),
    and a line of text needs nothing of it. Commands that draw a progress bar make a
    console for it (:func:`_console`); the bar's own messages go through that."""

    def __init__(self, stream: str) -> None:
        self._stream = stream  # looked up at each write: tests and callers redirect it

    def print(self, text: str) -> None:
        f = getattr(sys, self._stream)
        f.write(f"{text}\n")
        f.flush()


err = _Lines("stderr")
out = _Lines("stdout")


def _console() -> Any:
    """A Rich console on stderr for a progress bar, set as :data:`err` writes."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, markup=False, highlight=False)


def _version(value: bool) -> None:
    if value:
        from pariter import __version__

        print(f"pariter {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    pass


def _write_or_print(text: str, output: Optional[Path]) -> None:
    from pariter.io import atomic_write_text

    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text)
        err.print(f"wrote {output}")


def _summary(doc: Any) -> str:
    n = len(doc.warnings)
    return (f"{doc.source.pages} pages, {len(doc.headings)} headings, {len(doc.clauses)} clauses, "
            f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, "
            f"{len(doc.footnotes)} footnotes, {len(doc.markers)} markers, "
            f"{n} warning{'s' if n != 1 else ''}")


def _jobs(jobs: int) -> int:
    from pariter.batch import default_jobs

    return jobs if jobs > 0 else default_jobs()


class Reader(str, Enum):
    """The PDF readers of ``pariter extract --reader`` (see pariter.extract.readers)."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


@app.command()
def extract(
    pdfs: list[Path] = typer.Argument(..., metavar="PDF...", help="The PDF(s) to extract.",
                                      show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", callback=check_output_file,
                                          help="Document JSON (default: stdout); one PDF only."),
    tei: Optional[Path] = typer.Option(None, "--tei", callback=check_output_file,
                                       help="Also write the document as TEI P5 XML; one PDF only."),
    out_dir: Optional[Path] = typer.Option(None, "--out", callback=check_output_dir,
                                           help="Write DIR/NAME.json for every PDF (NAME: its file name)."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: made from the file name)."),
    jobs: int = typer.Option(0, "-j", "--jobs", min=0,
                             help="Processes at once (default 0: all cores): documents with "
                                  "--out, else the pages of a long PDF."),
    reader: Reader = typer.Option(Reader.pdfium, "--reader",
                                  help="PDF reader; the other one is tried when it cannot open a file."),
) -> None:
    """Extract PDFs into the document JSON: sections, clauses, paragraphs, sentences,
    footnotes with parsed citations, note markers, warnings."""
    if out_dir is not None:
        if output is not None or tei is not None or doc_id is not None:
            raise UsageError("--out writes one file per PDF; it does not go with -o, --tei or --id")
        _extract_batch(pdfs, out_dir, _jobs(jobs), reader.value)
        return
    if len(pdfs) > 1:
        raise UsageError(f"{len(pdfs)} PDFs need --out DIR (one document JSON each)")
    pdf = pdfs[0]
    check_distinct([output, tei], [pdf])
    from pariter.model import dumps
    from pariter.pipeline import background_splitter, extract_document

    splitter = background_splitter()  # spaCy loads on the other core while the PDF is read
    try:
        doc = extract_document(pdf, doc_id=doc_id, splitter=splitter, reader=reader.value,
                               jobs=_jobs(jobs))
    finally:
        if splitter is not None:
            splitter.close()
    text = dumps(doc)
    tei_bytes = None
    if tei is not None:
        from pariter.export.tei import document_to_tei

        tei_bytes = document_to_tei(doc)
    _write_or_print(text, output)
    if tei_bytes is not None:
        from pariter.io import atomic_write_bytes

        atomic_write_bytes(tei, tei_bytes)
        err.print(f"wrote {tei}")
    err.print(f"{pdf}: {_summary(doc)}")


def _extract_to(pdf: Path, target: Path, reader: str | None = None, jobs: int | None = None) -> str:
    """One document of a batch (runs in a worker process, or here for a batch of one)."""
    from pariter.pipeline import extract_document

    doc = extract_document(pdf, reader=reader, jobs=jobs)
    doc.save(target)
    return _summary(doc)


def _extract_batch(pdfs: list[Path], out_dir: Path, jobs: int, reader: str | None = None) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pariter.batch import Job, Outcome, largest_first, run_jobs
    from pariter.corpus import warm_up_extraction

    targets: dict[Path, Path] = {}
    for pdf in pdfs:
        target = out_dir / f"{pdf.stem}.json"
        if target in targets.values():
            other = next(p for p, t in targets.items() if t == target)
            raise UsageError(f"{other} and {pdf} would both be written to {target}; "
                             f"rename one or extract them separately")
        targets[pdf] = target
    check_distinct(targets.values(), pdfs)
    failed: list[int] = []
    with Progress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console(), auto_refresh=False) as bar:
        task = bar.add_task("extract", total=len(pdfs))

        def done(o: Outcome) -> None:
            if o.ok:
                bar.console.print(f"wrote {targets[Path(o.name)]}: {o.value}")
            else:
                failed.append(o.exit_code)
                bar.console.print(f"pariter: error: {one_line(o.message)}")
            bar.update(task, advance=1, description=Path(o.name).name)
            bar.refresh()

        # one PDF, or one job at a time: the batch runs here, and a long PDF's pages may
        # take the cores; else each worker reads its PDF alone
        page_jobs = jobs if len(pdfs) == 1 else 1
        # on several workers the largest PDFs start first: a long one started last would
        # keep one core busy after the rest are done
        run_jobs([Job(str(pdf), _extract_to, (pdf, targets[pdf], reader, page_jobs))
                  for pdf in (largest_first(pdfs) if jobs > 1 else pdfs)], jobs,
                 on_done=done, warm_up=warm_up_extraction)
    ok = len(pdfs) - len(failed)
    err.print(f"extract: {ok} of {len(pdfs)} PDF(s) written to {out_dir}"
              + (f"; {len(failed)} failed" if failed else ""))
    if failed:
        raise typer.Exit(EXIT_USAGE if all(c == EXIT_USAGE for c in failed) else EXIT_FAILED)


@app.command("eval-extract")
def eval_extract(
    doc_json: Path = typer.Argument(..., help="Document JSON made by `pariter extract`."),
    truth: Path = typer.Argument(..., help="Truth JSON (the format of shared/pdfs/truth)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Precision, recall and F1 of headings, footnotes and markers against a truth file."""
    from pariter.extract.evaluate import evaluate, format_report, load_truth
    from pariter.model import load_document

    doc = load_document(doc_json)
    truth_data = load_truth(truth)
    scores = evaluate(doc, truth_data)
    if as_json:
        import json

        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print(format_report(scores))


@app.command()
def export(
    alignment: Path = typer.Argument(..., help="Alignment JSON made by `pariter align`."),
    source: Path = typer.Option(..., "--src", help="Source document JSON (or PDF)."),
    target: Optional[Path] = typer.Option(None, "--tgt", help="Target document JSON (or PDF); omit for a bilingual one."),
    out_dir: Path = typer.Option(Path("."), "-d", "--out-dir", callback=check_output_dir,
                                 help="Where to write the files."),
    stem: Optional[str] = typer.Option(None, "--stem", help="File name stem (default: the alignment file's)."),
) -> None:
    """Write TEI P5, TMX, JSON Lines and the review page for an aligned pair."""
    from pariter.export import write_pair_outputs
    from pariter.model import load_alignment
    from pariter.pipeline import open_document
    from pariter.refs import check_alignment

    name = stem or alignment.name.removesuffix(".json").removesuffix(".align")
    if not name or "/" in name or name.startswith("."):
        raise UsageError(f"--stem {name!r} is not a file name stem")
    from pariter.corpus import EXPORT_SUFFIXES

    check_distinct([out_dir / f"{name}{ext}" for ext in EXPORT_SUFFIXES],
                   [p for p in (alignment, source, target) if p is not None])
    al = load_alignment(alignment)
    src = open_document(source)
    tgt = open_document(target) if target else src
    if target is None:
        src, tgt = src.stream(al.source.lang), src.stream(al.target.lang)
    elif al.source.lang in src.langs and len(src.langs) > 1:
        src = src.stream(al.source.lang)
    if target is not None and al.target.lang in tgt.langs and len(tgt.langs) > 1:
        tgt = tgt.stream(al.target.lang)
    check_alignment(al, alignment, src, source, tgt, target or source)
    for path in write_pair_outputs(src, tgt, al, out_dir, name):
        err.print(f"wrote {path}")


@app.command("apply-corrections")
def apply_corrections(
    alignment: Path = typer.Argument(..., help="Alignment JSON the corrections were made on."),
    corrections: Path = typer.Argument(..., help="Corrections JSON saved by the review page."),
    output: Path = typer.Option(..., "-o", "--output", callback=check_output_file,
                                help="Corrected alignment JSON."),
    source: Optional[Path] = typer.Option(None, "--src", help="Source document JSON (default: <document id>.json beside the alignment)."),
    target: Optional[Path] = typer.Option(None, "--tgt", help="Target document JSON (default: the same way; --src alone: a bilingual document)."),
) -> None:
    """Apply a translator's corrections to an alignment, checked against the documents
    (every id exists, every sentence once, order kept); then `pariter export` it."""
    from pariter.export.corrections import apply_file
    from pariter.model import dumps
    from pariter.pipeline import open_document

    check_distinct([output], [p for p in (alignment, corrections, source, target) if p])
    src = open_document(source) if source else None
    tgt = open_document(target) if target else src
    corrected, summary = apply_file(alignment, corrections, src, tgt)
    _write_or_print(dumps(corrected), output)
    err.print(summary)


@app.command()
def citations(
    documents: list[Path] = typer.Argument(..., help="Document JSON (or PDF) files."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", callback=check_output_file,
                                          help="OUT.json (CSL-JSON) or OUT.bib (BibTeX); default: CSL-JSON on stdout."),
) -> None:
    """The citations parsed from the documents' footnotes as CSL-JSON or BibTeX, each
    item keyed DOC:NOTE-ID and noting where it is cited."""
    from pariter.export.csl import to_bibtex, to_csl_json
    from pariter.pipeline import open_document

    if output is not None and output.suffix not in (".json", ".bib"):
        raise UsageError(f"{output}: say the format by the extension: .json (CSL-JSON) or .bib")
    check_distinct([output], documents)
    docs = [open_document(d) for d in documents]
    data = to_bibtex(docs) if output is not None and output.suffix == ".bib" else to_csl_json(docs)
    _write_or_print(data.decode("utf-8"), output)
    n = sum(len(f.citations) for d in docs for f in d.footnotes)
    err.print(f"{n} citation(s) from {len(docs)} document(s)")


@app.command()
def validate(files: list[Path] = typer.Argument(..., help="TEI XML, document/alignment JSON or TMX files.")) -> None:
    """Check files against their schema (TEI P5 tei_all, our JSON Schemas, TMX) and that
    every internal reference resolves; an alignment is also checked against the
    documents given with it. Exit 1 when a file has problems, 2 when one cannot be read."""
    from pariter.export.validate import validate_file
    from pariter.refs import cross_file_problems

    from pariter.errors import InputError
    from pariter.io import regular_file

    bad = unreadable = 0
    problems_of: dict[Path, list[str]] = {}
    for f in files:
        try:
            regular_file(f)
        except InputError as e:  # not a file to judge: an input error (exit 2)
            problems_of[f] = [e.problem]
            unreadable += 1
            continue
        problems_of[f] = validate_file(f)
    for f, extra in cross_file_problems([f for f, p in problems_of.items() if not p]).items():
        problems_of[f] += extra
    for f, problems in problems_of.items():
        if problems:
            bad += 1
            for p in problems:
                line = p if p.startswith(f"{f}:") else f"{f}: {p}"
                err.print(one_line(line))
        else:
            out.print(f"{f}: valid")
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if bad:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def cite(
    ref: str = typer.Argument(..., help="6.05, a unit id such as zh.s06.c05, or DOC:ID."),
    build: Path = typer.Option(Path("corpus/build"), "--build", help="Directory of document and alignment JSON."),
) -> None:
    """Print a unit's text, its page and its aligned counterpart."""
    from pariter.errors import InputError
    from pariter.export.cite import CiteError, format_cite, resolve
    from pariter.model import load_alignment, load_document

    if not build.is_dir():
        raise InputError(build, "no build directory (run `make corpus`, or pass --build)")
    docs, aligns = [], []
    for f in sorted(build.glob("*.json")):
        if f.name.endswith(".align.json"):
            aligns.append(load_alignment(f))
        elif not f.name.startswith("."):
            docs.append(load_document(f))
    try:
        print(format_cite(resolve(ref, docs, aligns)))
    except CiteError as e:
        raise UsageError(str(e)) from None


@corpus_app.command("build")
def corpus_build(
    manifest: Path = typer.Option(Path("corpus/manifest.toml"), "--manifest"),
    out_dir: Path = typer.Option(Path("corpus/build"), "--out", callback=check_output_dir,
                                 help="Output directory."),
    model: str = typer.Option("muse", "--model"),
    force: bool = typer.Option(False, "--force", help="Rebuild everything."),
    jobs: int = typer.Option(0, "-j", "--jobs", min=0, help="Steps run at once (default 0: all cores)."),
) -> None:
    """Extract, align and export every manifest entry; only what changed is rebuilt.
    A failing step is reported by name; every step that does not need its output runs."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pariter.corpus import Build, load_manifest

    build = Build(load_manifest(manifest), out_dir, model=model, force=force)
    with Progress(TextColumn("{task.description:<48}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console(), auto_refresh=False) as bar:
        task = bar.add_task("corpus", total=None)

        def progress(name: str, i: int, n: int) -> None:
            bar.update(task, description=name, completed=i, total=n)
            bar.refresh()

        def report(step: str, message: str) -> None:
            bar.console.print(f"pariter: error: {one_line(message)}")

        try:
            build.run(progress, jobs=_jobs(jobs), report=report)
        except PariterError:
            if not build.failed:
                raise  # not a step's failure: reported by run() like any other error
    failed = f", {len(build.failed)} failed or not run" if build.failed else ""
    err.print(f"corpus: {len(build.ran)} step(s) run, {len(build.skipped)} up to date{failed}, in {out_dir}")
    if build.failed:
        raise typer.Exit(build.exit_code)


# -- the one place where failures become messages ------------------------------------------------
def _error(message: str) -> None:
    try:
        sys.stderr.write(f"pariter: error: {one_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed: nothing left to tell
        pass


_interrupted = threading.Event()


def _on_sigint(signum: int, frame: Any) -> None:
    # Typer turns KeyboardInterrupt into a silent exit 130; remember that it happened so
    # that run() can say so.
    _interrupted.set()
    raise KeyboardInterrupt


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code; nothing escapes as a traceback."""
    from pariter.coldstart import start_fast

    start_fast()
    # pdfminer logs every odd font descriptor it meets; what matters to a user is in the
    # document's own warnings, so keep its chatter off the terminal.
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    _interrupted.clear()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)
    try:
        rv = typer.main.get_command(app).main(args=argv, prog_name="pariter", standalone_mode=False)
        code = rv if isinstance(rv, int) else EXIT_OK
        if _interrupted.is_set():
            _error("interrupted")
            return EXIT_INTERRUPTED
        return code
    except typer.TyperException as e:  # bad arguments: Click's message, and where to look
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
            typer.echo(ctx.get_help())
            return EXIT_USAGE
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        _error(e.format_message() + hint)
        return EXIT_USAGE
    except typer.Exit as e:
        return e.exit_code
    except (KeyboardInterrupt, typer.Abort):
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `pariter … | head`: the reader left, nothing to report
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_FAILED
    except Exception as e:  # noqa: BLE001 - every failure ends as one line
        if os.environ.get("PARITER_DEBUG"):
            traceback.print_exc()
        message, code = describe(e)
        _error(message)
        return code


def main() -> None:
    sys.exit(run())
