"""`align`, `align-text` and `eval-align`, mounted into the `pariter` command line.

A `register(app)` function rather than an app of its own, so that the top-level CLI
decides names and grouping and tests can mount the commands on a throwaway app.  As every
command (`pariter.cli`), they check output paths while the arguments are parsed, only
raise (`pariter.errors`: `pariter.cli.run` prints one line and picks the exit code), call
the library (`pariter.align.sentences`, `pariter.align.document`, `pariter.export`) and
re-implement nothing.  A batch (two folders) reports a failing pair by name and goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer

from pariter.errors import (EXIT_FAILED, EXIT_USAGE, InputError, UsageError, describe,
                            one_line)
from pariter.io import check_distinct, check_output_dir, check_output_file

__all__ = ["register"]


def _say(kind: str, message: str) -> None:
    # one line, never wrapped: scripts read these
    sys.stderr.write(f"pariter: {kind}: {one_line(message)}\n")
    sys.stderr.flush()


@contextmanager
def _progress(enabled: bool = True) -> Iterator[Callable[[str, int, int], None]]:
    """update(description, done, total): a bar on stderr when it is a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    bar = Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=console, transient=True,
                   disable=not (enabled and console.is_terminal))
    tasks: dict[str, int] = {}

    def update(description: str, done: int, total: int) -> None:
        if description not in tasks:
            tasks[description] = bar.add_task(description, total=total)
        bar.update(tasks[description], completed=done, total=total)

    with bar:
        yield update


def _encode(embedder, texts: Sequence[str], update: Callable[[str, int, int], None], what: str):
    """Embed in chunks so that a long text shows progress and memory stays per chunk."""
    import numpy as np

    chunk = 2048
    parts = []
    for start in range(0, len(texts), chunk):
        parts.append(np.asarray(embedder.encode(list(texts[start:start + chunk])), dtype=np.float32))
        update(what, min(start + chunk, len(texts)), len(texts))
    return np.concatenate(parts) if parts else np.zeros((0, int(embedder.dim)), dtype=np.float32)


def _embedder(model: str, cache: bool):
    from .embed import CachedEmbedder, load_embedder

    try:
        inner = load_embedder(model)
    except (ValueError, FileNotFoundError, ImportError) as exc:
        raise UsageError(f"--model {model}: {exc}") from None
    return CachedEmbedder(inner) if cache else inner


def _check_languages(src: Sequence[str], tgt: Sequence[str], where: str, *, strict: bool,
                     same_language: bool, src_expect: str | None = None,
                     tgt_expect: str | None = None) -> tuple[str | None, str | None]:
    from .text import check_languages

    warnings, refusals, detected = check_languages(src, tgt, src_expect=src_expect,
                                                   tgt_expect=tgt_expect, same_language=same_language)
    if refusals:
        raise UsageError(f"{where}: {refusals[0]}")
    for w in warnings:
        if strict:
            raise UsageError(f"{where}: {w} (--strict)")
        _say("warning", f"{where}: {w}")
    return detected


# -- align-text ---------------------------------------------------------------------------------
def _read_lines(path: Path, max_chars: int, split_long: bool) -> tuple[list[str], list[int]]:
    """Sentences (one per line) and the line each came from; refuses what is not text."""
    from .text import check_sentences, is_blank, text_lines

    if not path.is_file():
        raise InputError(path, "is a directory, not a file" if path.is_dir() else "no such file")
    try:
        lines = text_lines(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start})") from None
    while lines and is_blank(lines[-1]):
        lines.pop()
    if not lines:
        raise InputError(path, "file is empty")
    blank = [n for n, line in enumerate(lines, 1) if is_blank(line)]
    if blank:
        raise InputError(path, "blank line; expected one sentence per line", field=f"line {blank[0]}")
    sentences, origin, problems = check_sentences(lines, max_chars=max_chars, split_long=split_long)
    if problems:
        more = f" (and {len(problems) - 1} more lines)" if len(problems) > 1 else ""
        raise InputError(path, f"{problems[0].problem}{more}", field=f"line {problems[0].line}")
    return sentences, origin


def _to_lines(beads, s_origin: list[int], t_origin: list[int]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads over split pieces back to beads over input lines (0-based): beads sharing a
    line are merged, so every line is in exactly one bead."""
    out: list[tuple[list[int], list[int]]] = []
    last_s = last_t = -1
    for b in beads:
        s = sorted({s_origin[i] - 1 for i in b.src})
        t = sorted({t_origin[j] - 1 for j in b.tgt})
        if out and ((s and s[0] == last_s) or (t and t[0] == last_t)):
            out[-1][0].extend(x for x in s if x != last_s)
            out[-1][1].extend(x for x in t if x != last_t)
        else:
            out.append((s, t))
        last_s = s[-1] if s else last_s
        last_t = t[-1] if t else last_t
    return [(tuple(s), tuple(t)) for s, t in out]


def _pairs(src: Path, tgt: Path, output: Path | None) -> list[tuple[str, Path, Path, Path | None]]:
    """(name, source, target, output) for two files or two folders paired by file name."""
    for p in (src, tgt):
        if not p.exists():
            raise InputError(p, "no such file or directory")
    if src.is_dir() != tgt.is_dir():
        raise UsageError(f"{src}, {tgt}: give two files or two folders, not one of each")
    if not src.is_dir():
        check_output_file(output)
        check_distinct([output], [src, tgt])
        return [(src.name, src, tgt, output)]
    if output is None:
        raise UsageError("two folders need -o DIR for the bead files")
    check_output_dir(output)
    names = sorted(p.name for p in src.iterdir() if p.is_file() and not p.name.startswith("."))
    if not names:
        raise InputError(src, "no files to align")
    jobs = [(name, src / name, tgt / name, output / name) for name in names]
    check_distinct([o for *_, o in jobs], [f for _, s, t, _ in jobs for f in (s, t) if f.exists()])
    return jobs


def align_text(
    src: Path = typer.Argument(..., help="source text, one sentence per line (or a folder of them)"),
    tgt: Path = typer.Argument(..., help="target text, one sentence per line (or a folder, files paired by name)"),
    output: Path | None = typer.Option(None, "-o", "--output",
                                       help="bead file to write (default: stdout); a folder for two folders"),
    model: str = typer.Option("muse", "--model", help="'muse' or 'st:NAME_OR_PATH' (local only)"),
    max_src: int = typer.Option(5, "--max-src", min=1, max=10, help="most source sentences in one bead"),
    max_tgt: int = typer.Option(5, "--max-tgt", min=1, max=10, help="most target sentences in one bead"),
    max_chars: int = typer.Option(5000, "--max-chars", min=50,
                                  help="longest line in characters; longer lines are split at sentence ends"),
    refuse_long: bool = typer.Option(False, "--refuse-long", help="refuse over-long lines instead of splitting them"),
    src_lang: str | None = typer.Option(None, "--src-lang", help="expected source language (e.g. en, zh)"),
    tgt_lang: str | None = typer.Option(None, "--tgt-lang", help="expected target language"),
    same_language: bool = typer.Option(False, "--same-language", help="both sides in one language (versions)"),
    strict: bool = typer.Option(False, "--strict", help="refuse, rather than warn, when a language is unexpected"),
    cache: bool = typer.Option(True, help="reuse embeddings cached in $PARITER_CACHE or ~/.cache/pariter"),
) -> None:
    r"""Align two sentence-per-line files, or two folders of them paired by file name.

    Writes beads `\[source lines]:\[target lines]`, 0-based.  The model loads once for all
    files; a pair that fails is reported by name and the others are still aligned."""
    from pariter.io import atomic_write_text

    from .evaluate import format_bead
    from .sentences import AlignParams, align_sentences

    jobs = _pairs(src, tgt, output)
    params = AlignParams(max_src=max_src, max_tgt=max_tgt)
    embedder = None
    failed: list[int] = []
    with _progress() as update:
        for name, s_path, t_path, out in jobs:
            try:
                s_lines, s_origin = _read_lines(s_path, max_chars, not refuse_long)
                t_lines, t_origin = _read_lines(t_path, max_chars, not refuse_long)
                sl, tl = _check_languages(s_lines, t_lines, f"{s_path}, {t_path}", strict=strict,
                                          same_language=same_language, src_expect=src_lang,
                                          tgt_expect=tgt_lang)
                if embedder is None:
                    embedder = _embedder(model, cache)
                beads = align_sentences(
                    s_lines, t_lines, _Chunked(embedder, update, f"embedding {name}"), params=params,
                    src_lang=src_lang or sl, tgt_lang=tgt_lang or tl,
                    progress=lambda done, total: update(f"aligning {name}", done, total))
                text = "".join(format_bead(s, t) + "\n" for s, t in _to_lines(beads, s_origin, t_origin))
                if out is None:
                    sys.stdout.write(text)
                else:
                    atomic_write_text(out, text)
                    sys.stderr.write(f"{out}: {len(beads)} beads\n")
            except Exception as exc:  # noqa: BLE001 - one pair of a batch: report it, go on
                if len(jobs) == 1:
                    raise  # pariter.cli.run reports it
                message, code = describe(exc)
                failed.append(code)
                named = str(s_path) in message or str(t_path) in message
                _say("error", message if named else f"{s_path}, {t_path}: {message}")
    if failed:
        sys.stderr.write(f"align-text: {len(jobs) - len(failed)} of {len(jobs)} pairs aligned, "
                         f"{len(failed)} failed\n")
        raise typer.Exit(EXIT_USAGE if all(c == EXIT_USAGE for c in failed) else EXIT_FAILED)


class _Chunked:
    """An embedder that embeds in chunks and reports progress (the model is loaded once)."""

    def __init__(self, inner, update: Callable[[str, int, int], None], what: str) -> None:
        self.inner, self.update, self.what = inner, update, what
        self.name, self.dim = inner.name, inner.dim

    def encode(self, texts: Sequence[str]):
        return _encode(self.inner, texts, self.update, self.what)


# -- eval-align ---------------------------------------------------------------------------------
def eval_align(
    pred: Path = typer.Argument(..., help="predicted bead file, or a directory of them"),
    gold: Path = typer.Argument(..., help="gold bead file, or a directory paired by file name"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    src_verse: Path | None = typer.Option(
        None, "--src-verse", help="per-line verse labels of the source (Bible protocol)"
    ),
    tgt_verse: Path | None = typer.Option(
        None, "--tgt-verse", help="per-line verse labels of the target (Bible protocol)"
    ),
) -> None:
    """Strict and lax precision, recall and F1 (micro-averaged over files).

    With --src-verse and --tgt-verse, predicted beads inside one same verse are merged
    before scoring, as Bertalign's bin/eval_bible.py does for its published Bible scores.
    """
    from rich.console import Console
    from rich.table import Table

    from .evaluate import score_paths

    for p in (src_verse, tgt_verse):
        if p is not None and not p.is_file():
            raise InputError(p, "no such file")
    try:
        scores = score_paths(pred, gold, src_verse=src_verse, tgt_verse=tgt_verse).as_dict()
    except FileNotFoundError as exc:
        raise InputError(exc.filename or pred, "no such file or directory") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(str(exc)) from None
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
        return
    table = Table(title="alignment scores")
    for col in ("", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    for kind in ("strict", "lax"):
        table.add_row(kind, *(f"{scores[f'{kind}_{m}']:.4f}" for m in ("precision", "recall", "f1")))
    Console().print(table)


# -- align (documents) -------------------------------------------------------------------------
def _side(doc, path: Path, lang: str, same_language: bool):  # noqa: ANN001, ANN202
    """``doc`` as one side of a pair: its ``lang`` stream when it holds several languages."""
    if len(doc.langs) <= 1:
        return doc
    if same_language:
        raise InputError(path, f"a bilingual document ({', '.join(doc.langs)}): comparing "
                               "versions in one language needs one-language documents")
    if lang not in doc.langs:
        raise InputError(path, f"no {lang} text to align (languages: {', '.join(doc.langs)})")
    return doc.stream(lang)


def align(
    a: Path = typer.Argument(..., help="Source: a PDF or document JSON (Chinese side)."),
    b: Path | None = typer.Argument(None, help="Target; omit to align a bilingual document with itself."),
    output: Path | None = typer.Option(None, "-o", "--output", callback=check_output_file,
                                       help="Alignment JSON (default: stdout)."),
    out_dir: Path | None = typer.Option(None, "--out", callback=check_output_dir,
                                        help="Write everything here: both documents' JSON, the "
                                        "alignment, TEI, TMX, JSON Lines and the review page."),
    model: str = typer.Option("muse", "--model", help="muse (bundled) or st:NAME_OR_PATH."),
    src_select: str | None = typer.Option(None, "--src-select", help="Only this section of the source (e.g. zh.s06)."),
    tgt_select: str | None = typer.Option(None, "--tgt-select", help="Only this section of the target."),
    same_language: bool = typer.Option(False, "--same-language", help="Both sides in one language: compare versions."),
    strict: bool = typer.Option(False, "--strict", help="Refuse, rather than warn, when a side's language is unexpected."),
    cache: bool = typer.Option(True, help="Reuse embeddings cached in $PARITER_CACHE or ~/.cache/pariter."),
    copies_as_nulls: bool = typer.Option(False, "--copies-as-nulls",
                                         help="Make a sentence left untranslated and its original "
                                         "two nulls (flagged untranslated) instead of a link."),
) -> None:
    # The docstring's first line is what `pariter --help` lists (pariter.cli.STAGE_COMMANDS,
    # kept equal by tests/test_cli.py): one whole sentence.
    """Align Chinese and English: sections, clauses, paragraphs, sentences and footnotes.

    Every link carries a confidence and the flags a translator acts on."""
    from pariter.io import atomic_write_bytes, atomic_write_text
    from pariter.model import dumps
    from pariter.pipeline import open_document

    from .document import AlignConfig, align_documents
    from .text import document_texts

    inputs = [p for p in (a, b) if p is not None]
    check_distinct([output], inputs)
    with _progress() as update:
        update("reading documents", 0, len(inputs))
        src = open_document(a)
        if b is None:
            if not {"zh", "en"} <= set(src.langs):
                raise InputError(a, "one argument means a bilingual zh+en document, but it has "
                                    f"{', '.join(src.langs) or 'no language'}")
            docs, s_doc, t_doc = [src], src.stream("zh"), src.stream("en")
        else:
            update("reading documents", 1, 2)
            tgt = open_document(b)
            # a bilingual document on either side gives the stream that side stands for
            # (the same bilingual file twice is the one-argument form)
            s_doc, t_doc = _side(src, a, "zh", same_language), _side(tgt, b, "en", same_language)
            docs = [src] if tgt.id == src.id else [src, tgt]
        update("reading documents", len(inputs), len(inputs))
        stem = src.id if len(docs) == 1 else f"{src.id}--{t_doc.id}"
        if out_dir is not None:
            from pariter.corpus import EXPORT_SUFFIXES

            names = [f"{d.id}.json" for d in docs] + [f"{stem}.align.json"]
            names += [f"{stem}{ext}" for ext in EXPORT_SUFFIXES]
            check_distinct([out_dir / n for n in names] + [output], inputs)
        for doc, sel, side in ((s_doc, src_select, "--src-select"), (t_doc, tgt_select, "--tgt-select")):
            if sel is not None and sel not in {s.id for s in doc.sections}:
                raise UsageError(f"{side} {sel}: no such section in {doc.id}")
        s_texts, t_texts = document_texts(s_doc, src_select), document_texts(t_doc, tgt_select)
        where = f"{a}, {b}" if b is not None else str(a)
        expect = (None, None) if same_language else ("zh", "en")
        _check_languages(s_texts, t_texts, where, strict=strict, same_language=same_language,
                         src_expect=expect[0], tgt_expect=expect[1])
        embedder = _embedder(model, cache)
        alignment = align_documents(
            s_doc, t_doc, _Chunked(embedder, update, "embedding"),
            src_select=src_select, tgt_select=tgt_select,
            config=AlignConfig(copies_as_nulls=copies_as_nulls),
            progress=lambda done, total: update("aligning", done, total))
        text = dumps(alignment)
        if out_dir is None:
            if output is None:
                sys.stdout.write(text)
            else:
                atomic_write_text(output, text)
                sys.stderr.write(f"wrote {output}\n")
        else:
            from pariter.export.outputs import pair_outputs

            files: dict[str, bytes] = {f"{d.id}.json": dumps(d).encode("utf-8") for d in docs}
            files[f"{stem}.align.json"] = text.encode("utf-8")
            update("exporting", 0, 1)
            files.update(pair_outputs(s_doc, t_doc, alignment, stem))
            for name, data in files.items():  # everything rendered before anything is written
                atomic_write_bytes(out_dir / name, data)
            update("exporting", 1, 1)
            if output is not None:
                atomic_write_text(output, text)
            sys.stderr.write(f"wrote {len(files)} files to {out_dir}: {', '.join(sorted(files))}\n")
    levels: dict[str, int] = {}
    flagged = 0
    for link in alignment.links:
        levels[link.level] = levels.get(link.level, 0) + 1
        flagged += bool(link.flags)
    summary = ", ".join(f"{n} {lvl}" for lvl, n in levels.items())
    sys.stderr.write(f"{len(alignment.links)} links ({summary}); {flagged} flagged\n")


def register(app: typer.Typer) -> None:
    app.command("align")(align)
    app.command("align-text")(align_text)
    app.command("eval-align")(eval_align)
