"""Bible en-zh benchmark: our aligner against a Bertalign-style all-windows run, same model.

    python -m pariter.align.bench [--data /work/shared/data/bible-en-zh] [--limit N]
                                  [--with-windows] [--no-cache] [--sample 500]

Prints strict and lax P/R/F1 twice: raw (the plain Sennrich & Volk metric) and
verse-merged (predicted beads inside one same verse merged first, the protocol of
Bertalign's bin/eval_bible.py behind the published Bible numbers; needs en.verse and
zh.verse), each also for the first and second half of the gold separately, so that a
choice that helps only the half one looked at shows up.

Embeddings go through the on-disk CachedEmbedder, so repeated runs do not re-embed
(their embedding time is then a cache read).  The all-windows baseline embeds every
window of 1..max consecutive sentences as text, which is what Bertalign and Vecalign
do: on the whole Bible that is ~5x the texts and many minutes on two cores, so it runs
only with --with-windows.  The speed ratio is always measured on a sample (the first
`--sample` gold beads), uncached, both runs in this process, and extrapolated to the
whole text (embedding cost is linear in the number of texts).  Times are CPU seconds
of this process (all its threads), so other jobs on a shared machine do not skew the
ratio; nothing here asserts absolute speed.
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

from .embed import CachedEmbedder, Embedder, load_embedder
from .evaluate import BeadPair, merge_by_verse, read_beads, read_verses, score
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
    # the boundary refinement embeds a few thousand joined windows: that time is part
    # of the alignment column here, so the end-to-end ratio stays honest
    beads = align_vectors(
        x, y, max_src=max_src, max_tgt=max_tgt, src_chars=_chars(src), tgt_chars=_chars(tgt),
        src_texts=src, tgt_texts=tgt, embedder=embedder,
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


def _f1s(gold: list[BeadPair], pred: list[BeadPair], cut: tuple[int, int]) -> list[float]:
    """strict P, strict R, strict F1, lax F1, strict F1 of the first and second half."""
    all_ = score(gold, pred).as_dict()
    out = [all_["strict_precision"], all_["strict_recall"], all_["strict_f1"], all_["lax_f1"]]
    for second in (False, True):
        g = [b for b in gold if _in_half(b, cut, second)]
        p = [b for b in pred if _in_half(b, cut, second)]
        out.append(score(g, p).as_dict()["strict_f1"])
    return out


def report(
    console: Console,
    runs: list[Run],
    gold: list[BeadPair],
    verses: tuple[list[str], list[str]] | None = None,
    title: str = "Bible en-zh sentence alignment",
) -> None:
    cut = halves(gold)
    table = Table(title=title)
    cols = ["run", "metric", "strict P", "strict R", "strict F1", "lax F1", "F1 1st half",
            "F1 2nd half", "texts embedded", "embed cpu s", "align cpu s"]
    for col in cols:
        table.add_column(col, justify="left" if col in ("run", "metric") else "right")
    for run in runs:
        pred = [(b.src, b.tgt) for b in run.beads]
        rows = [("raw", pred)]
        if verses is not None:
            rows.append(("verse-merged", merge_by_verse(pred, *verses)))
        for k, (metric, p) in enumerate(rows):
            values = [f"{v:.4f}" for v in _f1s(gold, p, cut)]
            extra = (
                [str(run.texts_embedded), f"{run.embed_s:.1f}", f"{run.align_s:.1f}"]
                if k == 0
                else ["", "", ""]
            )
            table.add_row(run.name if k == 0 else "", metric, *values, *extra)
    console.print(table)


def speed_ratio(
    console: Console, ours: Run, base: Run, note: str = ""
) -> None:
    console.print(
        f"speed{note}: {base.name} / {ours.name}: end-to-end {base.total_s / ours.total_s:.1f}x, "
        f"embedding {base.embed_s / max(ours.embed_s, 1e-9):.1f}x, "
        f"texts embedded {base.texts_embedded / ours.texts_embedded:.1f}x",
        highlight=False,
    )


def _read_verses(data: Path, src: list[str], tgt: list[str]) -> tuple[list[str], list[str]] | None:
    files = data / "en.verse", data / "zh.verse"
    if not all(f.is_file() for f in files):
        return None
    sv, tv = (read_verses(f) for f in files)
    if len(sv) < len(src) or len(tv) < len(tgt):
        return None
    return sv, tv


def main(
    data: Path = typer.Option(DEFAULT_DATA, help="directory with en.txt, zh.txt, gold.align"),
    model: str = typer.Option("muse", help="'muse' or 'st:NAME_OR_PATH'"),
    max_src: int = typer.Option(5, help="most source sentences in one bead"),
    max_tgt: int = typer.Option(5, help="most target sentences in one bead"),
    limit: int | None = typer.Option(None, help="use only the first N gold beads"),
    baseline: bool = typer.Option(True, help="also run the 1-1 (and all-windows) baselines"),
    skip_windows: bool = typer.Option(
        True, "--skip-windows/--with-windows",
        help="skip the full all-windows baseline (slow: every window embedded); its speed "
        "ratio is still measured on the --sample",
    ),
    cache: bool = typer.Option(True, help="embeddings through the on-disk cache"),
    sample: int = typer.Option(500, help="gold beads in the uncached speed sample (0: none)"),
) -> None:
    console = Console(width=170)
    if not (data / "gold.align").is_file():
        console.print(f"[yellow]no benchmark data at {data}; skipping[/yellow]")
        raise typer.Exit(0)
    src, tgt, gold = load(data, limit)
    verses = _read_verses(data, src, tgt)
    console.print(f"{len(src)} source and {len(tgt)} target sentences, {len(gold)} gold beads")
    if verses is None:
        console.print("[yellow]no en.verse/zh.verse: verse-merged scores left out[/yellow]")
    inner = load_embedder(model)
    inner.encode(["warm up the model", "预热模型"])
    embedder: Embedder = CachedEmbedder(inner) if cache else inner
    runs = [run_ours(src, tgt, embedder, max_src, max_tgt)]
    if cache:
        runs[0].name += " (cached embeddings)"
    if baseline:
        runs.append(run_one_to_one(src, tgt, embedder))
        if not skip_windows:
            runs.append(run_all_windows(src, tgt, embedder, max_src, max_tgt))
    report(console, runs, gold, verses)
    full_windows = next((r for r in runs if r.name == "all-windows"), None)
    if full_windows is not None and not cache:
        speed_ratio(console, runs[0], full_windows, " (whole text)")
    if baseline and sample > 0:
        s_src, s_tgt, s_gold = load(data, min(sample, len(gold)))
        s_runs = [
            run_ours(s_src, s_tgt, inner, max_src, max_tgt),
            run_all_windows(s_src, s_tgt, inner, max_src, max_tgt),
        ]
        report(console, s_runs, s_gold, _read_verses(data, s_src, s_tgt),
               title=f"speed sample: first {len(s_gold)} gold beads, uncached")
        speed_ratio(
            console, s_runs[0], s_runs[1],
            f" (measured on the first {len(s_src)}+{len(s_tgt)} sentences, uncached, "
            "extrapolated: both costs grow linearly with the text)",
        )


if __name__ == "__main__":
    typer.run(main)
    sys.exit(0)
