"""`align-text` and `eval-align`, for mounting into the `pariter` command line.

Kept as a `register(app)` function rather than its own app so that the top-level CLI
decides names and grouping, and tests can mount it on a throwaway `typer.Typer()`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import typer
from rich.console import Console
from rich.table import Table

from pariter.io import atomic_write_text

from .embed import CachedEmbedder, load_embedder
from .evaluate import format_bead, score_paths
from .sentences import align_vectors

__all__ = ["register"]

_err = Console(stderr=True)


def _fail(message: str) -> None:
    # `pariter.cli.run` prints it as every other error: `pariter: error: …`, exit 2.
    from pariter.errors import UsageError

    raise UsageError(message)


def _read_lines(path: Path) -> list[str]:
    """One sentence per line; blank lines would be unalignable and shift ids, so refuse them."""
    if not path.is_file():
        _fail(f"{path}: no such file")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        _fail(f"{path}: not UTF-8 text")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        _fail(f"{path}: file is empty")
    blank = [n for n, line in enumerate(lines, 1) if not line.strip()]
    if blank:
        _fail(f"{path}: blank line(s) at {', '.join(map(str, blank[:5]))}; expected one sentence per line")
    return lines


def align_text(
    src: Path = typer.Argument(..., help="source text, one sentence per line"),
    tgt: Path = typer.Argument(..., help="target text, one sentence per line"),
    output: Path | None = typer.Option(None, "-o", "--output", help="bead file to write (default: stdout)"),
    model: str = typer.Option("muse", "--model", help="'muse' or 'st:NAME_OR_PATH' (local only)"),
    max_src: int = typer.Option(5, "--max-src", min=1, help="most source sentences in one bead"),
    max_tgt: int = typer.Option(5, "--max-tgt", min=1, help="most target sentences in one bead"),
    cache: bool = typer.Option(True, help="reuse embeddings cached in $PARITER_CACHE or ~/.cache/pariter"),
) -> None:
    """Align two sentence-per-line files; writes `[src ids]:[tgt ids]` beads, 0-based."""
    src_lines, tgt_lines = _read_lines(src), _read_lines(tgt)
    if output is not None and not output.parent.is_dir():
        _fail(f"{output}: directory {output.parent} does not exist")
    try:
        embedder = load_embedder(model)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    if cache:
        embedder = CachedEmbedder(embedder)
    x, y = embedder.encode(src_lines), embedder.encode(tgt_lines)
    beads = align_vectors(
        x,
        y,
        max_src=max_src,
        max_tgt=max_tgt,
        src_chars=np.array([len(s) for s in src_lines]),
        tgt_chars=np.array([len(s) for s in tgt_lines]),
        src_texts=src_lines,
        tgt_texts=tgt_lines,
        embedder=embedder,
    )
    text = "".join(format_bead(b.src, b.tgt) + "\n" for b in beads)
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text)
        _err.print(f"{len(beads)} beads written to {output}", highlight=False)


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
    for p in (src_verse, tgt_verse):
        if p is not None and not p.is_file():
            _fail(f"{p}: no such file")
    try:
        scores = score_paths(pred, gold, src_verse=src_verse, tgt_verse=tgt_verse).as_dict()
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
        return
    table = Table(title="alignment scores")
    for col in ("", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    for kind in ("strict", "lax"):
        table.add_row(kind, *(f"{scores[f'{kind}_{m}']:.4f}" for m in ("precision", "recall", "f1")))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("align-text")(align_text)
    app.command("eval-align")(eval_align)
