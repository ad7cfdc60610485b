"""Scoring an extracted document against hand-checked truth.

Truth files are those of ``shared/pdfs/truth/*.json`` and ``corpus/truth/*.json``:
``pages_covered``, ``headings`` ``{page, level, number, text[, text_en]}``, ``footnotes``
``{page, label, text}``, ``markers`` ``{page, label, context}`` and, in the corpus truth,
``clauses`` ``{page, number[, lang], text-start}``.

Matching, precisely
-------------------
*Normalisation.* Texts, labels and numbers are compared after NFKC normalisation with every
whitespace character removed (``摘 要`` = ``摘要``, ``１`` = ``1``, ``¹`` = ``1``); in
labels every asterisk (``∗`` U+2217, ``⁎``, ``✱``) is ``*``.

*Pages.* Only items on a page of ``pages_covered`` count, on both sides; without
``pages_covered`` every page counts. A kind missing from the truth is not scored.

*One to one.* Each truth item is matched at most once and each extracted item at most
once; extracted items left over are false positives, truth items left over false
negatives. Precision is tp/(tp+fp) and recall tp/(tp+fn); when a denominator is zero the
value is 1.0 if the other error count is zero too (nothing to find and nothing wrongly
found) and 0.0 otherwise. F1 is their harmonic mean.

*Headings* match when the page is equal and the text is equal. On the matched pairs,
``number_accuracy`` counts equal numbers (null and ``""`` are the same) and
``level_accuracy`` equal levels; where the truth gives ``text_en`` (a bilingual heading),
``subtitle_accuracy`` counts matched headings having a subtitle with that text. An
extracted heading on the same page whose text equals a truth heading's ``text_en`` (the
English stream's heading of a bilingual document) is that same truth heading: it is the
match when the Chinese heading was not found, and otherwise counted neither true nor
false positive (``parallel_en``). Extracted
headings equal to one of the truth's ``run_in_headings`` (same page and text) are neither
true nor false positives: the truth lists them apart without deciding (``run_in_ignored``).

*Footnotes* match when page, label and text are equal. A ``lenient`` score is reported
beside it: page and label equal and ``difflib`` similarity of the texts ≥ 0.9, pairs taken
best first.

*Markers* match when page and label are equal and the extracted marker is linked as the
truth expects: to a footnote carrying the same label when the truth has a footnote with
that page and label (or has no ``footnotes`` at all), and to nothing (``footnote`` null)
when it has none — the published WIC report has callouts whose notes were never printed.
Extracted markers linked to a footnote id that does not resolve to a footnote with their
label count as ``bad_links``, those without a link as ``unlinked``. When a page has several
markers with one label they are paired by best context. ``context`` then reports, on the
matched pairs, how many have the truth context (the text just before the callout) at the
end of the paragraph text before ``offset``: the normalised paragraph prefix ends with the
normalised context, or their tails of equal length (at least 10 characters, or the whole
context if shorter) have similarity ≥ 0.9 — which forgives a callout put one punctuation
mark early or late.

*Clauses* match when the page is equal, the numbers are equal (as printed, or as the same
number: ``01`` = ``1``), the language agrees when the truth gives one, and the extracted
text, less a leading clause number, starts with the truth's ``text-start``. ``by_number``
reports the same without the text condition.

:func:`evaluate` returns ``{"headings": {...}, "footnotes": {...}, "markers": {...},
"clauses": {...}}`` (clauses only when the truth has them), each with ``truth``,
``extracted``, ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``, the extras above,
and ``missed``/``spurious`` (the unmatched items, for reading). :func:`format_report`
renders it as a small table; :func:`evaluate_files` and :func:`main` are what
``pariter eval-extract DOC.json TRUTH.json`` runs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from pariter.errors import InputError
from pariter.ids import number_parts
from pariter.io import read_json_object
from pariter.model import Document

__all__ = ["evaluate", "evaluate_files", "format_report", "normalize", "main"]

LENIENT_SIMILARITY = 0.9
CONTEXT_SIMILARITY = 0.9
CONTEXT_MIN_TAIL = 10

Item = dict[str, Any]


def normalize(text: str | None) -> str:
    """NFKC with all whitespace removed: the form every comparison here uses."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


#: asterisks a font may code a note's star label as: TeX's math ``\ast`` is U+2217, some
#: fonts carry U+204E or U+2731; a reader typing the truth writes ``*``. One label.
_ASTERISKS = str.maketrans({"\u2217": "*", "\u204e": "*", "\u2731": "*"})


def normalize_label(label: str | None) -> str:
    """A note label as :func:`normalize` gives it, every asterisk read as ``*``."""
    return normalize(label).translate(_ASTERISKS)


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """``difflib`` ratio of two strings; below ``floor`` a cheaper upper bound may be
    returned instead (it is below ``floor`` too)."""
    if a == b:
        return 1.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for bound in (sm.real_quick_ratio, sm.quick_ratio):
        r = bound()
        if r < floor:
            return r
    return sm.ratio()


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _ratio(n: int, of: int) -> dict[str, Any]:
    return {"ok": n, "of": of, "accuracy": round(n / of, 4) if of else None}


def _pair_exact(truth: list[Item], found: list[Item],
                key_t: Callable[[Item], Any], key_f: Callable[[Item], Any]
                ) -> list[tuple[int, int]]:
    """One-to-one pairs of equal keys, in document order."""
    pool: dict[Any, list[int]] = defaultdict(list)
    for j, f in enumerate(found):
        pool[key_f(f)].append(j)
    pairs = []
    for i, t in enumerate(truth):
        free = pool.get(key_t(t))
        if free:
            pairs.append((i, free.pop(0)))
    return pairs


def _pair_best(truth: list[Item], found: list[Item],
               score: Callable[[Item, Item], float | None]) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first; ``score`` None means the two cannot pair."""
    cand = []
    for i, t in enumerate(truth):
        for j, f in enumerate(found):
            s = score(t, f)
            if s is not None:
                cand.append((-s, i, j))
    cand.sort()
    used_t, used_f, pairs = set(), set(), []
    for _, i, j in cand:
        if i not in used_t and j not in used_f:
            used_t.add(i)
            used_f.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _pair_first(truth: list[Item], found: list[Item],
                ok: Callable[[Item, Item], bool]) -> list[tuple[int, int]]:
    used, pairs = set(), []
    for i, t in enumerate(truth):
        for j, f in enumerate(found):
            if j not in used and ok(t, f):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _score(truth: list[Item], found: list[Item], pairs: list[tuple[int, int]],
           show: Callable[[Item], Item]) -> dict[str, Any]:
    mt, mf = {i for i, _ in pairs}, {j for _, j in pairs}
    out = {"truth": len(truth), "extracted": len(found)}
    out.update(_prf(len(pairs), len(found) - len(mf), len(truth) - len(mt)))
    out["missed"] = [show(t) for i, t in enumerate(truth) if i not in mt]
    out["spurious"] = [show(f) for j, f in enumerate(found) if j not in mf]
    return out


def _brief(*keys: str) -> Callable[[Item], Item]:
    return lambda x: {k: x.get(k) for k in keys if k in x}


# -- the four kinds ------------------------------------------------------------------------
def _headings(truth: list[Item], found: list[Item], run_in: list[Item]) -> dict[str, Any]:
    run_in_keys = {(h["page"], normalize(h.get("text"))) for h in run_in}
    kept = [h for h in found if (h["page"], normalize(h.get("text"))) not in run_in_keys]
    key = lambda h: (h["page"], normalize(h.get("text")))  # noqa: E731
    pairs = _pair_exact(truth, kept, key, key)
    # the English line of a bilingual heading, extracted as the English stream's heading
    en_key = lambda h: (h["page"], normalize(h.get("text_en")))  # noqa: E731
    with_en = {en_key(t): i for i, t in enumerate(truth) if t.get("text_en")}
    matched_t, matched_f = {i for i, _ in pairs}, {j for _, j in pairs}
    parallel = set()
    for j, f in enumerate(kept):
        i = with_en.get(key(f))
        if j in matched_f or i is None:
            continue
        if i not in matched_t:
            pairs.append((i, j))
            matched_t.add(i)
        else:
            parallel.add(j)
    pairs.sort()
    counted = [h for j, h in enumerate(kept) if j not in parallel]
    remap = {j: n for n, j in enumerate(j for j in range(len(kept)) if j not in parallel)}
    pairs = [(i, remap[j]) for i, j in pairs]
    kept = counted
    out = _score(truth, kept, pairs, _brief("page", "level", "number", "text"))
    out["run_in_ignored"] = len(found) - len(kept) - len(parallel)
    out["parallel_en"] = len(parallel)
    num = sum(normalize(truth[i].get("number")) == normalize(kept[j].get("number"))
              for i, j in pairs)
    lvl = sum(truth[i].get("level") == kept[j].get("level") for i, j in pairs)
    out["number_accuracy"] = _ratio(num, len(pairs))
    out["level_accuracy"] = _ratio(lvl, len(pairs))
    with_en = [(i, j) for i, j in pairs if truth[i].get("text_en")]
    if with_en:
        sub = sum(any(normalize(s.get("text")) == normalize(truth[i]["text_en"])
                      for s in kept[j].get("subtitles") or []) for i, j in with_en)
        out["subtitle_accuracy"] = _ratio(sub, len(with_en))
    return out


def _footnotes(truth: list[Item], found: list[Item]) -> dict[str, Any]:
    key = lambda n: (n["page"], normalize_label(n.get("label")), normalize(n.get("text")))  # noqa: E731
    pairs = _pair_exact(truth, found, key, key)
    out = _score(truth, found, pairs, _brief("page", "label", "text"))

    def lenient(t: Item, f: Item) -> float | None:
        if t["page"] != f["page"] or normalize_label(t.get("label")) != normalize_label(f.get("label")):
            return None
        s = similarity(normalize(t.get("text")), normalize(f.get("text")), LENIENT_SIMILARITY)
        return s if s >= LENIENT_SIMILARITY else None

    lp = _pair_best(truth, found, lenient)
    out["lenient"] = _prf(len(lp), len(found) - len(lp), len(truth) - len(lp))
    return out


def context_ok(context: str | None, before: str | None) -> bool:
    """Whether the truth ``context`` ends the paragraph text ``before`` a marker."""
    c, b = normalize(context), normalize(before)
    if not c:
        return True
    if b.endswith(c):
        return True
    n = min(len(c), len(b))
    if n < min(len(c), CONTEXT_MIN_TAIL):
        return False
    return similarity(c[-n:], b[-n:], CONTEXT_SIMILARITY) >= CONTEXT_SIMILARITY


def _markers(truth: list[Item], found: list[Item], paragraphs: dict[str, str],
             notes: dict[str, str], expected_notes: set[tuple[int, str]] | None
             ) -> dict[str, Any]:
    def before(m: Item) -> str | None:
        text = paragraphs.get(m.get("paragraph") or "")
        off = m.get("offset")
        return None if text is None or off is None else text[:off]

    def link(m: Item) -> str:
        if m.get("footnote") is None:
            return "none"
        ok = notes.get(m["footnote"]) == normalize_label(m.get("label"))
        return "ok" if ok else "bad"

    def expects(t: Item) -> str:
        if expected_notes is None:
            return "ok"
        return "ok" if (t["page"], normalize_label(t.get("label"))) in expected_notes else "none"

    def score(t: Item, f: Item) -> float | None:
        if (t["page"] != f["page"] or normalize_label(t.get("label")) != normalize_label(f.get("label"))
                or link(f) != expects(t)):
            return None
        return 1.0 if context_ok(t.get("context"), before(f)) else 0.0

    pairs = _pair_best(truth, found, score)
    out = _score(truth, found, pairs, _brief("page", "label", "context", "footnote",
                                             "paragraph", "offset"))
    out["unlinked"] = sum(link(f) == "none" for f in found)
    out["bad_links"] = sum(link(f) == "bad" for f in found)
    ok = sum(context_ok(truth[i].get("context"), before(found[j])) for i, j in pairs)
    out["context"] = _ratio(ok, len(pairs))
    return out


def _same_number(a: str | None, b: str | None) -> bool:
    if normalize(a) == normalize(b):
        return True
    pa = number_parts(a)
    return bool(pa) and pa == number_parts(b)


def _same_lang(truth_lang: str | None, lang: str | None) -> bool:
    if not truth_lang:
        return True
    return (lang or "").split("-")[0].lower() == truth_lang.split("-")[0].lower()


def _text_start(t: Item) -> str:
    for k in ("text-start", "text_start", "start", "text"):
        if k in t:
            return normalize(t[k])
    return ""


def _starts_with(text: str | None, start: str, number: str | None) -> bool:
    s = normalize(text)
    if s.startswith(start):
        return True
    num = normalize(number)
    if num and s.startswith(num):
        return s[len(num):].lstrip(".、:)").startswith(start)
    return False


def _clauses(truth: list[Item], found: list[Item]) -> dict[str, Any]:
    def by_number(t: Item, f: Item) -> bool:
        return (t["page"] == f["page"] and _same_number(t.get("number"), f.get("number"))
                and _same_lang(t.get("lang"), f.get("lang")))

    def full(t: Item, f: Item) -> bool:
        return by_number(t, f) and _starts_with(f.get("text"), _text_start(t), f.get("number"))

    pairs = _pair_first(truth, found, full)
    show = lambda c: {k: (v[:40] if k == "text" else v) for k, v in c.items()  # noqa: E731
                      if k in ("page", "number", "lang", "text-start", "text")}
    out = _score(truth, found, pairs, show)
    bn = _pair_first(truth, found, by_number)
    out["by_number"] = _prf(len(bn), len(found) - len(bn), len(truth) - len(bn))
    return out


# -- entry points --------------------------------------------------------------------------
def _expected_links(notes: list[Item]) -> set[tuple[int, str]]:
    """The (page, label) of the callouts the truth's notes answer, so a marker there must
    link to a note: a note's own page; and, where the document uses each label once (its
    notes numbered through, not restarting on every page), every page before the note's
    too: a callout whose note runs to the next page's foot, or an endnote's, printed pages
    before its list. (Labels repeating page after page, * or 1 on every page, answer
    callouts on their own page only.)"""
    labels = Counter(normalize_label(n.get("label")) for n in notes)
    out: set[tuple[int, str]] = set()
    for n in notes:
        lab = normalize_label(n.get("label"))
        page = n["page"]
        out.update((p, lab) for p in range(1 if labels[lab] == 1 else page, page + 1))
    return out


def evaluate(doc: Document | dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    """Scores of ``doc`` (a :class:`Document` or its JSON dict) against ``truth``."""
    d = doc.to_dict() if isinstance(doc, Document) else doc
    covered = truth.get("pages_covered")
    pages = None if covered is None else set(covered)

    def on(items: Iterable[Item] | None) -> list[Item]:
        return [x for x in items or [] if pages is None or x.get("page") in pages]

    out: dict[str, Any] = {}
    if "headings" in truth:
        out["headings"] = _headings(on(truth["headings"]), on(d.get("headings")),
                                    on(truth.get("run_in_headings")))
    if "footnotes" in truth:
        out["footnotes"] = _footnotes(on(truth["footnotes"]), on(d.get("footnotes")))
    if "markers" in truth:
        paragraphs = {p["id"]: p.get("text", "") for p in d.get("paragraphs") or []}
        notes = {n["id"]: normalize_label(n.get("label")) for n in d.get("footnotes") or []}
        expected = None if "footnotes" not in truth else _expected_links(truth["footnotes"])
        out["markers"] = _markers(on(truth["markers"]), on(d.get("markers")), paragraphs,
                                  notes, expected)
    if truth.get("clauses") is not None:
        out["clauses"] = _clauses(on(truth["clauses"]), on(d.get("clauses")))
    return out


def load_truth(path: str | Path) -> dict[str, Any]:
    from pariter.schema import validate

    data = read_json_object(path, "truth")
    if not any(k in data for k in ("headings", "footnotes", "markers", "clauses")):
        raise InputError(path, "not a truth JSON file (no headings, footnotes, markers or clauses)")
    validate(data, "truth", source=path)  # types of every field the scorer reads
    return data


def evaluate_files(doc_path: str | Path, truth_path: str | Path) -> dict[str, Any]:
    from pariter.model import load_document

    return evaluate(load_document(doc_path), load_truth(truth_path))


def _pct(x: float | None) -> str:
    return "   -" if x is None else f"{x:.3f}"


def format_report(scores: dict[str, Any]) -> str:
    """A small aligned table of :func:`evaluate`'s result, one row per kind, with the
    secondary scores on an indented line below each."""
    head = f"{'':<10} {'truth':>5} {'found':>5} {'tp':>4} {'fp':>4} {'fn':>4} " \
           f"{'P':>6} {'R':>6} {'F1':>6}"
    lines = [head]
    for kind in ("headings", "footnotes", "markers", "clauses"):
        s = scores.get(kind)
        if s is None:
            continue
        lines.append(f"{kind:<10} {s['truth']:>5} {s['extracted']:>5} {s['tp']:>4} {s['fp']:>4} "
                     f"{s['fn']:>4} {_pct(s['precision']):>6} {_pct(s['recall']):>6} "
                     f"{_pct(s['f1']):>6}")
        extra = []
        for name in ("number_accuracy", "level_accuracy", "subtitle_accuracy", "context"):
            if name in s:
                r = s[name]
                extra.append(f"{name.replace('_accuracy', '')} {r['ok']}/{r['of']}")
        for name in ("lenient", "by_number"):
            if name in s:
                r = s[name]
                extra.append(f"{name.replace('_', ' ')} P {_pct(r['precision'])} "
                             f"R {_pct(r['recall'])} F1 {_pct(r['f1'])}")
        if s.get("unlinked"):
            extra.append(f"unlinked {s['unlinked']}")
        if s.get("bad_links"):
            extra.append(f"bad links {s['bad_links']}")
        if s.get("parallel_en"):
            extra.append(f"parallel en {s['parallel_en']}")
        if s.get("run_in_ignored"):
            extra.append(f"run-in ignored {s['run_in_ignored']}")
        if extra:
            lines.append("  " + "; ".join(extra))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="pariter eval-extract",
                                 description="Score an extracted document against truth.")
    ap.add_argument("document")
    ap.add_argument("truth")
    ap.add_argument("--json", action="store_true", help="print the full scores as JSON")
    a = ap.parse_args(argv)
    scores = evaluate_files(a.document, a.truth)
    if a.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print(format_report(scores))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
