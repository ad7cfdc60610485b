"""The ``pariter`` command line: one command per thing a user does.

Heavy imports (spaCy, FAISS, torch) happen inside the commands, so ``pariter --help``
answers at once. Every failure a user can cause ends as one line on stderr naming the
file and the problem, and exit code 1; no command leaves a half-written output.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from pariter import __version__
from pariter.errors import PariterError

app = typer.Typer(
    name="pariter",
    help="Chinese and English PDFs into structured, aligned, citable parallel text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
corpus_app = typer.Typer(help="Rebuild the shipped corpus (see corpus/manifest.toml).",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

err = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
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


@app.command()
def extract(
    pdf: Path = typer.Argument(..., help="The PDF to extract."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Document JSON (default: stdout)."),
    tei: Optional[Path] = typer.Option(None, "--tei", help="Also write the document as TEI P5 XML."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: the file name stem)."),
) -> None:
    """Extract a PDF into the document JSON: sections, clauses, paragraphs, sentences,
    footnotes with parsed citations, note markers, warnings."""
    from pariter.model import dumps
    from pariter.pipeline import extract_document

    doc = extract_document(pdf, doc_id=doc_id)
    text = dumps(doc)
    if tei is not None:
        from pariter.export.tei import document_to_tei
        from pariter.io import atomic_write_bytes

        tei_bytes = document_to_tei(doc)
        _write_or_print(text, output)
        atomic_write_bytes(tei, tei_bytes)
        err.print(f"wrote {tei}")
    else:
        _write_or_print(text, output)
    n = len(doc.warnings)
    err.print(f"{pdf}: {doc.source.pages} pages, {len(doc.headings)} headings, "
              f"{len(doc.clauses)} clauses, {len(doc.paragraphs)} paragraphs, "
              f"{len(doc.sentences)} sentences, {len(doc.footnotes)} footnotes, "
              f"{len(doc.markers)} markers, {n} warning{'s' if n != 1 else ''}")


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
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print(format_report(scores))


@app.command()
def align(
    a: Path = typer.Argument(..., help="Source: a PDF or document JSON (Chinese side)."),
    b: Optional[Path] = typer.Argument(None, help="Target; omit to align a bilingual document with itself."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Alignment JSON (default: stdout)."),
    model: str = typer.Option("muse", "--model", help="muse (bundled) or st:NAME_OR_PATH."),
    src_select: Optional[str] = typer.Option(None, "--src-select", help="Only this section of the source (e.g. zh.s06)."),
    tgt_select: Optional[str] = typer.Option(None, "--tgt-select", help="Only this section of the target."),
) -> None:
    """Align Chinese and English through the structure: sections, clauses and paragraphs,
    sentences, footnotes; every link with a confidence and translator flags."""
    from pariter.align.document import align_documents
    from pariter.align.embed import CachedEmbedder, load_embedder
    from pariter.errors import InputError
    from pariter.model import dumps
    from pariter.pipeline import open_document

    src = open_document(a)
    if b is None:
        if not {"zh", "en"} <= set(src.langs):
            raise InputError(a, f"one argument means a bilingual zh+en document, but it has {src.langs}")
        src, tgt = src.stream("zh"), src.stream("en")
    else:
        tgt = open_document(b)
    alignment = align_documents(src, tgt, CachedEmbedder(load_embedder(model)),
                                src_select=src_select, tgt_select=tgt_select)
    _write_or_print(dumps(alignment), output)
    levels: dict[str, int] = {}
    flagged = 0
    for link in alignment.links:
        levels[link.level] = levels.get(link.level, 0) + 1
        flagged += bool(link.flags)
    summary = ", ".join(f"{n} {lvl}" for lvl, n in levels.items())
    err.print(f"{len(alignment.links)} links ({summary}); {flagged} flagged")


@app.command()
def export(
    alignment: Path = typer.Argument(..., help="Alignment JSON made by `pariter align`."),
    source: Path = typer.Option(..., "--src", help="Source document JSON (or PDF)."),
    target: Optional[Path] = typer.Option(None, "--tgt", help="Target document JSON (or PDF); omit for a bilingual one."),
    out_dir: Path = typer.Option(Path("."), "-d", "--out-dir", help="Where to write the files."),
    stem: Optional[str] = typer.Option(None, "--stem", help="File name stem (default: the alignment file's)."),
) -> None:
    """Write TEI P5, TMX, JSON Lines and the review page for an aligned pair."""
    from pariter.export import write_pair_outputs
    from pariter.model import load_alignment
    from pariter.pipeline import open_document

    al = load_alignment(alignment)
    src = open_document(source)
    tgt = open_document(target) if target else src
    if target is None:
        src, tgt = src.stream(al.source.lang), src.stream(al.target.lang)
    elif al.source.lang in src.langs and len(src.langs) > 1:
        src = src.stream(al.source.lang)
    if target is not None and al.target.lang in tgt.langs and len(tgt.langs) > 1:
        tgt = tgt.stream(al.target.lang)
    name = stem or alignment.name.removesuffix(".json").removesuffix(".align")
    for path in write_pair_outputs(src, tgt, al, out_dir, name):
        err.print(f"wrote {path}")


@app.command()
def validate(files: list[Path] = typer.Argument(..., help="TEI XML, document/alignment JSON or TMX files.")) -> None:
    """Check files against their schema (TEI P5 tei_all, our JSON Schemas, TMX) and that
    every internal reference resolves."""
    from pariter.export.validate import validate_file

    bad = 0
    for f in files:
        problems = validate_file(f)
        if problems:
            bad += 1
            for p in problems:
                line = p if p.startswith(f"{f}:") else f"{f}: {p}"
                err.print(line, markup=False, highlight=False)
        else:
            out.print(f"{f}: valid", markup=False, highlight=False)
    if bad:
        raise typer.Exit(1)


@app.command()
def cite(
    ref: str = typer.Argument(..., help="6.05, a unit id such as zh.s06.c05, or DOC:ID."),
    build: Path = typer.Option(Path("corpus/build"), "--build", help="Directory of document and alignment JSON."),
) -> None:
    """Print a unit's text, its page and its aligned counterpart."""
    from pariter.errors import InputError
    from pariter.export.cite import format_cite, resolve
    from pariter.model import load_alignment, load_document

    if not build.is_dir():
        raise InputError(build, "no build directory (run `make corpus`, or pass --build)")
    docs, aligns = [], []
    for f in sorted(build.glob("*.json")):
        if f.name.endswith(".align.json"):
            aligns.append(load_alignment(f))
        elif not f.name.startswith("."):
            docs.append(load_document(f))
    print(format_cite(resolve(ref, docs, aligns)))


@corpus_app.command("build")
def corpus_build(
    manifest: Path = typer.Option(Path("corpus/manifest.toml"), "--manifest"),
    out_dir: Path = typer.Option(Path("corpus/build"), "--out", help="Output directory."),
    model: str = typer.Option("muse", "--model"),
    force: bool = typer.Option(False, "--force", help="Rebuild everything."),
) -> None:
    """Extract, align and export every manifest entry; only what changed is rebuilt."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pariter.corpus import Build, load_manifest

    build = Build(load_manifest(manifest), out_dir, model=model, force=force)
    with Progress(TextColumn("{task.description:<48}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task("corpus", total=None)

        def progress(name: str, i: int, n: int) -> None:
            bar.update(task, description=name, completed=i, total=n)

        build.run(progress)
    err.print(f"corpus: {len(build.ran)} step(s) run, {len(build.skipped)} up to date, in {out_dir}")


def _register_stage_commands() -> None:
    from pariter.align import cli as align_cli

    align_cli.register(app)


def main() -> None:
    # pdfminer logs every odd font descriptor it meets; what matters to a user is in
    # the document's own warnings, so keep its chatter off the terminal.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        _register_stage_commands()
    except ImportError:  # pragma: no cover - a broken install still answers --help
        pass
    try:
        app()
    except PariterError as e:
        err.print(f"pariter: error: {e}", markup=False, highlight=False)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        err.print("pariter: interrupted")
        sys.exit(130)
