"""Bead files and the standard strict/lax alignment scores (Sennrich & Volk 2010).

Scores follow the definition used by Vecalign and Bertalign and restated in the Bible
dev set's README: beads with an empty side never count, recall is precision with gold
and prediction swapped, and counts are pooled over files (micro-average) so that long
documents weigh by their size.
"""

from __future__ import annotations

import ast
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BeadPair",
    "Counts",
    "Scores",
    "parse_beads",
    "read_beads",
    "format_bead",
    "write_beads",
    "count_matches",
    "score",
    "score_paths",
]

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


def _ids(text: str) -> tuple[int, ...]:
    value = ast.literal_eval(text.strip())
    if not isinstance(value, list) or not all(isinstance(v, int) and v >= 0 for v in value):
        raise ValueError(f"not a list of sentence ids: {text!r}")
    return tuple(value)


def parse_beads(text: str) -> list[BeadPair]:
    """`[0, 1]:[2]` per line; blank lines are ignored so hand-written files are forgiving."""
    beads: list[BeadPair] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        left, sep, right = line.partition(":")
        if not sep:
            raise ValueError(f"line {number}: expected '[src]:[tgt]', got {line!r}")
        try:
            beads.append((_ids(left), _ids(right)))
        except (ValueError, SyntaxError) as exc:
            raise ValueError(f"line {number}: {exc}") from exc
    return beads


def read_beads(path: str | os.PathLike[str]) -> list[BeadPair]:
    return parse_beads(Path(path).read_text(encoding="utf-8"))


def format_bead(src: Iterable[int], tgt: Iterable[int]) -> str:
    return f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"


def write_beads(path: str | os.PathLike[str], beads: Iterable[BeadPair]) -> None:
    """Written to a temporary file and renamed, so a crash never leaves half a file behind."""
    target = Path(path)
    text = "".join(format_bead(s, t) + "\n" for s, t in beads)
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Counts:
    """True/false positives of one direction (precision, or recall with roles swapped)."""

    strict_tp: int = 0
    lax_tp: int = 0
    total: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.strict_tp + other.strict_tp, self.lax_tp + other.lax_tp, self.total + other.total
        )


def count_matches(gold: Sequence[BeadPair], test: Sequence[BeadPair]) -> Counts:
    """How many `test` beads are found in `gold`, strictly and laxly; empty-sided beads skipped."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s and t}
    src_to_tgt: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            src_to_tgt[i].update(t)
    strict = lax = total = 0
    for s, t in {(tuple(s), tuple(t)) for s, t in test if s and t}:
        total += 1
        if (s, t) in gold_set:
            strict += 1
            lax += 1
        elif any(not src_to_tgt[i].isdisjoint(t) for i in s):
            lax += 1
    return Counts(strict, lax, total)


@dataclass(frozen=True)
class Scores:
    precision: Counts
    recall: Counts

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        p_s = self._ratio(self.precision.strict_tp, self.precision.total)
        r_s = self._ratio(self.recall.strict_tp, self.recall.total)
        p_l = self._ratio(self.precision.lax_tp, self.precision.total)
        r_l = self._ratio(self.recall.lax_tp, self.recall.total)
        return {
            "strict_precision": p_s,
            "strict_recall": r_s,
            "strict_f1": self._f1(p_s, r_s),
            "lax_precision": p_l,
            "lax_recall": r_l,
            "lax_f1": self._f1(p_l, r_l),
        }

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.precision + other.precision, self.recall + other.recall)


def score(gold: Sequence[BeadPair], pred: Sequence[BeadPair]) -> Scores:
    return Scores(precision=count_matches(gold, pred), recall=count_matches(pred, gold))


def _bead_files(path: Path) -> dict[str, Path]:
    if path.is_dir():
        return {p.name: p for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith(".")}
    return {path.name: path}


def score_paths(pred: str | os.PathLike[str], gold: str | os.PathLike[str]) -> Scores:
    """Two files, or two directories whose files are paired by name (micro-averaged)."""
    pred_p, gold_p = Path(pred), Path(gold)
    for p in (pred_p, gold_p):
        if not p.exists():
            raise FileNotFoundError(f"no such file or directory: {p}")
    if pred_p.is_dir() != gold_p.is_dir():
        raise ValueError("give two files or two directories, not one of each")
    if not pred_p.is_dir():
        return score(read_beads(gold_p), read_beads(pred_p))
    preds, golds = _bead_files(pred_p), _bead_files(gold_p)
    missing = sorted(set(golds) - set(preds))
    if missing:
        raise ValueError(f"no prediction for gold file(s): {', '.join(missing)}")
    total = Scores(Counts(), Counts())
    for name, gold_file in golds.items():
        total = total + score(read_beads(gold_file), read_beads(preds[name]))
    return total
