"""Bead files and the standard strict/lax alignment scores (Sennrich & Volk 2010).

Scores follow the definition used by Vecalign and Bertalign and restated in the Bible
dev set's README: beads with an empty side never count, recall is precision with gold
and prediction swapped, and counts are pooled over files (micro-average) so that long
documents weigh by their size.

`merge_by_verse` is the extra step behind the published Bible numbers (Bertalign's
`bin/eval_bible.py`, github.com/bfsujason/bertalign, `merge_test_alignments`): before
scoring, consecutive predicted beads that each lie inside one and the same verse on both
sides are merged into one bead.  Since the Bible gold beads are derived from verse
boundaries, this forgives any split of a verse's sentences into smaller beads; it is not
the plain Sennrich & Volk metric and only applies where such verse labels exist.
"""

from __future__ import annotations

import ast
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pariter.io import atomic_write_text

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
    "read_verses",
    "merge_by_verse",
    "error_classes",
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
    atomic_write_text(path, "".join(format_bead(s, t) + "\n" for s, t in beads))


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


def error_classes(gold: Sequence[BeadPair], pred: Sequence[BeadPair]) -> dict[str, int]:
    """Why strict precision is lost: each predicted bead not in the gold, by its relation to it.

    * ``null``: one side empty (strict scores skip it, but it took its sentences from a bead);
    * ``finer``: all its sentences lie in one gold bead, which it splits (granularity: a
      verse-derived gold bead of two sentence pairs predicted as two 1-1 beads); counted
      as ``beside_null`` instead when the rest of that gold bead was predicted as nulls;
    * ``coarser``: it is the union of whole gold beads, which it merges;
    * ``crossing``: it takes part of one gold bead and part of another (a boundary error).

    A sentence the gold leaves out is a gold bead of its own (joined to a bead: ``coarser``).  Sorting the lost beads this way tells a null or granularity problem
    from an alignment one, which the strict and lax scores alone cannot.
    """
    home: dict[tuple[int, int], int] = {}
    for k, (s, t) in enumerate(gold):
        home.update({(0, i): k for i in s})
        home.update({(1, j): k for j in t})
    gold_set = {(tuple(s), tuple(t)) for s, t in gold}
    emptied = {home[(0, s[0])] if s else home[(1, t[0])] for s, t in pred
               if bool(s) != bool(t) and (0 if s else 1, (s or t)[0]) in home}
    out = {"null": 0, "beside_null": 0, "finer": 0, "coarser": 0, "crossing": 0}
    for s, t in pred:
        s, t = tuple(s), tuple(t)
        if (s, t) in gold_set:
            continue
        if not s or not t:
            out["null"] += 1
            continue
        ids = [(0, i) for i in s] + [(1, j) for j in t]
        ks = {home.get(key, -1 - n) for n, key in enumerate(ids)}
        if len(ks) == 1:
            out["beside_null" if ks & emptied else "finer"] += 1
        elif all(k >= 0 and set(gold[k][0]) <= set(s) and set(gold[k][1]) <= set(t) for k in ks):
            out["coarser"] += 1
        else:
            out["crossing"] += 1
    return out


def read_verses(path: str | os.PathLike[str]) -> list[str]:
    """One label per sentence line (e.g. `Gen:1:2`), line for line with the text."""
    from .text import text_lines

    return [line.strip() for line in text_lines(Path(path).read_text(encoding="utf-8"))]


def _bead_verse(bead: BeadPair, src_verse: Sequence[str], tgt_verse: Sequence[str]) -> str | None:
    """The verse a bead lies in, or None when it spans several or its sides disagree.

    Each side's labels must be a single verse; an empty side takes the other side's
    verse (Bertalign's `find_beads_type`, where the empty side is 'NULL').
    """
    sides = []
    for ids, verses in ((bead[0], src_verse), (bead[1], tgt_verse)):
        labels = {verses[i] for i in ids}
        if len(labels) > 1:
            return None
        sides.append(labels.pop() if labels else None)
    s, t = sides
    if s is None or t is None:
        return s if t is None else t
    return s if s == t else None


def merge_by_verse(
    beads: Sequence[BeadPair], src_verse: Sequence[str], tgt_verse: Sequence[str]
) -> list[BeadPair]:
    """Bertalign's `merge_test_alignments` (bin/eval_bible.py), applied to predictions.

    A bead whose verse (see `_bead_verse`) equals the previous bead's, both not None,
    is merged into the bead before it.  Only the predicted beads are merged; the gold
    is scored as it is.
    """
    merged: list[tuple[list[int], list[int]]] = []
    last: str | None = None
    for s, t in beads:
        verse = _bead_verse((tuple(s), tuple(t)), src_verse, tgt_verse)
        if last is not None and verse == last:
            merged[-1][0].extend(s)
            merged[-1][1].extend(t)
        else:
            merged.append((list(s), list(t)))
        last = verse
    return [(tuple(s), tuple(t)) for s, t in merged]


def _bead_files(path: Path) -> dict[str, Path]:
    if path.is_dir():
        return {p.name: p for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith(".")}
    return {path.name: path}


def score_paths(
    pred: str | os.PathLike[str],
    gold: str | os.PathLike[str],
    *,
    src_verse: str | os.PathLike[str] | None = None,
    tgt_verse: str | os.PathLike[str] | None = None,
) -> Scores:
    """Two files, or two directories whose files are paired by name (micro-averaged).

    With `src_verse` and `tgt_verse` (files of per-line verse labels, for a single pair
    of bead files) the prediction is first merged by verse (`merge_by_verse`), the
    protocol behind the published Bible numbers.
    """
    pred_p, gold_p = Path(pred), Path(gold)
    if (src_verse is None) != (tgt_verse is None):
        raise ValueError("give both verse files or neither")
    for p in (pred_p, gold_p):
        if not p.exists():
            raise FileNotFoundError(f"no such file or directory: {p}")
    if pred_p.is_dir() != gold_p.is_dir():
        raise ValueError("give two files or two directories, not one of each")
    if src_verse is not None and tgt_verse is not None:
        if pred_p.is_dir():
            raise ValueError("verse files apply to one pair of bead files, not directories")
        sv, tv = read_verses(src_verse), read_verses(tgt_verse)
        pred_beads = read_beads(pred_p)
        for side, verses, k in (("source", sv, 0), ("target", tv, 1)):
            top = max((max(b[k]) for b in pred_beads if b[k]), default=-1)
            if top >= len(verses):
                raise ValueError(f"{side} verse file has {len(verses)} lines; beads use id {top}")
        return score(read_beads(gold_p), merge_by_verse(pred_beads, sv, tv))
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
