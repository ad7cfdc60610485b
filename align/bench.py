"""Bible en-zh benchmark: our aligner against a Bertalign-style all-windows run, same model.

    python -m pariter.align.bench [--data /work/shared/data/bible-en-zh] [--limit N]

Prints strict and lax P/R/F1, embedding and alignment time, and the speed ratio.  Both
runs use the same embedder, DP and cost; the baseline differs only in embedding every
window of 1..max consecutive sentences as text, which is what Bertalign and Vecalign do.
Scores are also given for the first and second half of the gold separately, so that a
choice that helps only the half one looked at shows up.  Times are CPU seconds of this
process (all its threads), so other jobs on a shared machine do not skew the ratio;
nothing here asserts absolute speed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import typer
from rich.console import Console
from rich.table import Table

from .embed import Embedder, load_embedder
from .evaluate import BeadPair, read_beads, score
from .sentences import Bead, EmbeddedWindows, align_vectors

DEFAULT_DATA = Path("/work/shared/data/bible-en-zh")


@dataclass
class Run:
    name: str
    beads: list[Bead]
    embed_s: float
    align_s: float
    texts_embedded: int

    @property
    def total_s(self) -> float:
        return self.embed_s + self.align_s


def _chars(sentences: Sequence[str]) -> np.ndarray:
    return np.array([len(s) for s in sentences], dtype=np.float64)


def run_ours(src: list[str], tgt: list[str], embedder: Embedder, max_src: int, max_tgt: int) -> Run:
    t0 = time.process_time()
    x, y = embedder.encode(src), embedder.encode(tgt)
    t1 = time.process_time()
    beads = align_vectors(
        x, y, max_src=max_src, max_tgt=max_tgt, src_chars=_chars(src), tgt_chars=_chars(tgt)
    )
    return Run("ours", beads, t1 - t0, time.process_time() - t1, len(src) + len(tgt))


def windows_of(sentences: list[str], size: int, joiner: str) -> list[str]:
    return [joiner.join(sentences[s : s + size]) for s in range(len(sentences) - size + 1)]


def run_all_windows(
    src: list[str], tgt: list[str], embedder: Embedder, max_src: int, max_tgt: int
) -> Run:
    """The Bertalign/Vecalign way: every window of 1..max sentences embedded as text."""
    t0 = time.process_time()
    xw = [embedder.encode(windows_of(src, a, " ")) for a in range(1, max_src + 1)]
    yw = [embedder.encode(windows_of(tgt, b, "")) for b in range(1, max_tgt + 1)]
    t1 = time.process_time()
    count = sum(map(len, xw)) + sum(map(len, yw))
    beads = align_vectors(
        xw[0],
        yw[0],
        max_src=max_src,
        max_tgt=max_tgt,
        windows=EmbeddedWindows(xw, yw),
        src_chars=_chars(src),
        tgt_chars=_chars(tgt),
    )
    return Run("all-windows", beads, t1 - t0, time.process_time() - t1, count)


def run_one_to_one(src: list[str], tgt: list[str], embedder: Embedder) -> Run:
    t0 = time.process_time()
    x, y = embedder.encode(src), embedder.encode(tgt)
    t1 = time.process_time()
    beads = align_vectors(x, y, max_src=1, max_tgt=1, src_chars=_chars(src), tgt_chars=_chars(tgt))
    return Run("1-1 DP", beads, t1 - t0, time.process_time() - t1, len(src) + len(tgt))


def load(data: Path, limit: int | None) -> tuple[list[str], list[str], list[BeadPair]]:
    """The corpus, optionally cut after `limit` gold beads (sentences past the cut dropped)."""
    src = (data / "en.txt").read_text(encoding="utf-8").splitlines()
    tgt = (data / "zh.txt").read_text(encoding="utf-8").splitlines()
    gold = read_beads(data / "gold.align")
    if limit is not None and limit < len(gold):
        gold = gold[:limit]
        src = src[: max((max(s) for s, _ in gold if s), default=-1) + 1]
        tgt = tgt[: max((max(t) for _, t in gold if t), default=-1) + 1]
    return src, tgt, gold


def halves(gold: list[BeadPair]) -> tuple[int, int]:
    """Source and target ids where the second half of the gold beads begins."""
    for s, t in gold[len(gold) // 2 :]:
        if s and t:
            return s[0], t[0]
    return 0, 0


def _in_half(bead: BeadPair, cut: tuple[int, int], second: bool) -> bool:
    s, t = bead
    first_id = s[0] if s else t[0] if t else 0
    cut_id = cut[0] if s else cut[1]
    return (first_id >= cut_id) == second


def report(console: Console, runs: list[Run], gold: list[BeadPair]) -> None:
    cut = halves(gold)
    table = Table(title="Bible en-zh sentence alignment")
    for col in ("run", "strict P", "strict R", "strict F1", "lax F1", "F1 1st half", "F1 2nd half",
                "texts embedded", "embed cpu s", "align cpu s", "total cpu s"):
        table.add_column(col, justify="right" if col != "run" else "left")
    for run in runs:
        pred = [(b.src, b.tgt) for b in run.beads]
        scores = score(gold, pred).as_dict()
        by_half = []
        for second in (False, True):
            g = [b for b in gold if _in_half(b, cut, second)]
            p = [b for b in pred if _in_half(b, cut, second)]
            by_half.append(score(g, p).as_dict()["strict_f1"])
        table.add_row(
            run.name,
            f"{scores['strict_precision']:.4f}",
            f"{scores['strict_recall']:.4f}",
            f"{scores['strict_f1']:.4f}",
            f"{scores['lax_f1']:.4f}",
            f"{by_half[0]:.4f}",
            f"{by_half[1]:.4f}",
            str(run.texts_embedded),
            f"{run.embed_s:.1f}",
            f"{run.align_s:.1f}",
            f"{run.total_s:.1f}",
        )
    console.print(table)
    ours, rest = runs[0], [r for r in runs[1:] if r.name == "all-windows"]
    for base in rest:
        console.print(
            f"speed: {base.name} / {ours.name}: end-to-end {base.total_s / ours.total_s:.1f}x, "
            f"embedding {base.embed_s / max(ours.embed_s, 1e-9):.1f}x, "
            f"texts embedded {base.texts_embedded / ours.texts_embedded:.1f}x"
        )


def main(
    data: Path = typer.Option(DEFAULT_DATA, help="directory with en.txt, zh.txt, gold.align"),
    model: str = typer.Option("muse", help="'muse' or 'st:NAME_OR_PATH'"),
    max_src: int = typer.Option(5, help="most source sentences in one bead"),
    max_tgt: int = typer.Option(5, help="most target sentences in one bead"),
    limit: int | None = typer.Option(None, help="use only the first N gold beads"),
    baseline: bool = typer.Option(True, help="also run the all-windows and 1-1 baselines"),
) -> None:
    console = Console(width=160)
    if not (data / "gold.align").is_file():
        console.print(f"[yellow]no benchmark data at {data}; skipping[/yellow]")
        raise typer.Exit(0)
    src, tgt, gold = load(data, limit)
    console.print(f"{len(src)} source and {len(tgt)} target sentences, {len(gold)} gold beads")
    embedder = load_embedder(model)  # no cache: both runs pay for their embeddings
    embedder.encode(["warm up the model", "预热模型"])
    runs = [run_ours(src, tgt, embedder, max_src, max_tgt)]
    if baseline:
        runs.append(run_one_to_one(src, tgt, embedder))
        runs.append(run_all_windows(src, tgt, embedder, max_src, max_tgt))
    report(console, runs, gold)


if __name__ == "__main__":
    typer.run(main)
    sys.exit(0)
