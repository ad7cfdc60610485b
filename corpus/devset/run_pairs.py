#!/usr/bin/env python3
"""Extract and align every held-out pair with the project's CLI, then score it with the
realpairs scorer (``shared/data/realpairs/score_pairs.py``).

    .venv/bin/python corpus/devset/run_pairs.py /work/devset2/pairs [--pred DIR] [--levels …]

For each ``gold/NAME.json``: ``pariter extract NAME-zh.pdf -o PRED/NAME.src.doc.json``, the same
for the English side (``.tgt.doc.json``), ``pariter align`` of the two documents
``-o PRED/NAME.align.json`` — a failing command is reported and counts as no prediction (as the
scorer treats a crash) — then ``score_pairs.py --gold DIR/gold --pred PRED``. Prints aggregate
scores only; ``--verbose`` is passed through for whoever works on the aligner *without* tuning
on these pairs.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from texts import SHARED  # noqa: E402

SCORER = SHARED / "data" / "realpairs" / "score_pairs.py"


def pariter() -> list[str]:
    exe = Path(sys.executable).with_name("pariter")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pariter"]


def run(cmd: list[str], what: str) -> bool:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["(no message)"])[-1]
        print(f"  {what}: FAILED (exit {r.returncode}, {dt:.0f}s): {last[:200]}")
        return False
    print(f"  {what}: ok ({dt:.0f}s)")
    return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, nargs="?", default=Path("/work/devset2/pairs"))
    ap.add_argument("--pred", type=Path, help="where predictions go (default DIR/pred)")
    ap.add_argument("--levels", default="sentence,section,footnote")
    ap.add_argument("--only", action="append")
    ap.add_argument("--model", default=None, help="passed to pariter align --model")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", type=Path, help="scores as JSON (score_pairs.py --json)")
    a = ap.parse_args(argv)
    gold = a.dir / "gold"
    names = sorted(p.stem for p in gold.glob("*.json"))
    if a.only:
        names = [n for n in names if n in a.only]
    if not names:
        print(f"run_pairs.py: error: no gold/*.json in {a.dir}", file=sys.stderr)
        return 2
    if not SCORER.is_file():
        print(f"run_pairs.py: error: the realpairs scorer is missing: {SCORER}", file=sys.stderr)
        return 2
    pred = a.pred or a.dir / "pred"
    pred.mkdir(parents=True, exist_ok=True)
    cli = pariter()
    for n in names:
        print(n)
        for f in (pred / f"{n}.align.json",):
            f.unlink(missing_ok=True)
        src, tgt = pred / f"{n}.src.doc.json", pred / f"{n}.tgt.doc.json"
        ok = run(cli + ["extract", str(a.dir / f"{n}-zh.pdf"), "-o", str(src)], "extract zh")
        ok &= run(cli + ["extract", str(a.dir / f"{n}-en.pdf"), "-o", str(tgt)], "extract en")
        if ok:
            cmd = cli + ["align", str(src), str(tgt), "-o", str(pred / f"{n}.align.json")]
            if a.model:
                cmd += ["--model", a.model]
            run(cmd, "align")
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--levels", a.levels]
    if a.verbose:
        cmd.append("--verbose")
    if a.json:
        cmd += ["--json", str(a.json)]
    return subprocess.run(cmd + names).returncode


if __name__ == "__main__":
    sys.exit(main())
