#!/usr/bin/env python3
"""Score the project's extractor on the multi-producer dev set (or any PDFs with truth).

    .venv/bin/python corpus/devset/score.py                 # every /work/devset/*.pdf
    .venv/bin/python corpus/devset/score.py DIR --json out.json
    .venv/bin/python corpus/devset/score.py DIR --only NAME --detail

Each PDF is extracted with ``pariter.extract.extract_pdf`` and scored against ``truth/NAME.json``
with ``pariter.extract.evaluate.evaluate``, plus what the dev-set truth adds and the evaluator
does not count:

- *Endnotes* (a Notes/注释/尾注 section). The extractor should link them like footnotes, so
  footnote F1 is scored with the endnotes added to the truth's footnotes, and marker F1 counts
  an endnote callout as found when an extracted marker on its page with its label is linked to
  an extracted note with that label (the evaluator expects a marker's note on the marker's
  page, which an endnote is not).
- *Paragraphs*: a truth paragraph (body, list item, clause) is found when an extracted
  paragraph starts with its first letters (a list label or clause number before them is
  allowed); an extracted paragraph that starts inside a truth paragraph is a fragment (a line
  taken for a paragraph, a paragraph cut at a page break). F1 of found against fragments.
- *Exponents taken as markers*: extracted markers whose label is the text of a superscript or
  subscript the truth lists as NOT a callout (``non_markers``) on that page.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from statistics import mean
from typing import Any

DEVSET = Path("/work/devset")
START_CHARS = 12  # letters compared at a paragraph's start: enough to be unique in a document
_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.、)）]?|[(（]\d{1,3}[)）]|[(（][一二三四五六七八九十]+[)）]|"
                    r"[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条|[a-z][.)]|[ivx]{1,4}[.)]|[(（][a-z]{1,4}[)）]|"
                    r"[•·▪◦●■\-–—*\uf0b7\uf0a7\uf0d8])")  # list labels and clause numbers (1.1, 第一条)


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def paragraph_scores(d: dict, truth: dict) -> dict[str, Any] | None:
    from pariter.extract.evaluate import normalize

    tps = truth.get("paragraphs")
    if not tps:
        return None
    texts = [normalize(t.get("text") or t["start"]) for t in tps]
    starts = [normalize(t["start"])[:START_CHARS] for t in tps]
    ext = [normalize(p.get("text")) for p in d.get("paragraphs") or []]
    ext_starts = [(e, _LABEL.sub("", e, count=1)) for e in ext]
    found, used = 0, set()
    missed = []
    for i, s in enumerate(starts):
        j = next((j for j, (e, e2) in enumerate(ext_starts)
                  if j not in used and (e.startswith(s) or e2.startswith(s))), None)
        if j is None:
            missed.append(tps[i]["start"])
        else:
            used.add(j)
            found += 1
    fragments = []
    for j, (e, e2) in enumerate(ext_starts):
        if j in used or len(e2) < 4:
            continue
        head = e2[:START_CHARS]
        if any(t.find(head) > 0 for t in texts) and not any(t.startswith(head) for t in texts):
            fragments.append(d["paragraphs"][j].get("text", "")[:50])
    out = _prf(found, len(fragments), len(tps) - found)
    out.update(truth=len(tps), missed=missed, fragments=fragments)
    return out


def score_document(d: dict, truth: dict) -> dict[str, Any]:
    """evaluate() with the dev-set extras (see the module docstring)."""
    from pariter.extract.evaluate import evaluate, normalize

    t = dict(truth)
    endnotes, end_markers = truth.get("endnotes") or [], truth.get("endnote_markers") or []
    if endnotes:
        t["footnotes"] = list(truth.get("footnotes") or []) + list(endnotes)
        t["markers"] = list(truth.get("markers") or [])
    s = evaluate(d, t)
    if end_markers:
        notes = {n["id"]: normalize(n.get("label")) for n in d.get("footnotes") or []}
        m = s["markers"]
        spurious = list(m["spurious"])
        hit = 0
        for em in end_markers:
            for k, f in enumerate(spurious):
                if (f.get("page") == em["page"] and normalize(f.get("label")) == normalize(em["label"])
                        and notes.get(f.get("footnote")) == normalize(em["label"])):
                    spurious.pop(k)
                    hit += 1
                    break
        m.update(_prf(m["tp"] + hit, m["fp"] - hit, m["fn"] + len(end_markers) - hit))
        m["truth"] += len(end_markers)
        m["spurious"] = spurious
        m["endnote_markers"] = {"truth": len(end_markers), "found": hit}
    nm = {(x["page"], normalize(x["text"])) for x in truth.get("non_markers") or []}
    s["markers"]["exponents_as_markers"] = sum(
        (f.get("page"), normalize(f.get("label"))) in nm for f in s["markers"]["spurious"])
    p = paragraph_scores(d, truth)
    if p is not None:
        s["paragraphs"] = p
    return s


def score_pdf(pdf: Path, truth_path: Path) -> dict[str, Any]:
    from pariter.extract import extract_pdf
    from pariter.extract.evaluate import load_truth

    doc = extract_pdf(pdf)
    return score_document(doc.to_dict(), load_truth(truth_path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEVSET,
                    help="a folder of PDFs with truth/NAME.json beside them (default /work/devset)")
    ap.add_argument("--truth", type=Path, help="truth folder (default DIR/truth)")
    ap.add_argument("--only", action="append", help="score only these names (stem)")
    ap.add_argument("--json", type=Path, help="write every score to this file")
    ap.add_argument("--detail", action="store_true", help="print missed and spurious items")
    a = ap.parse_args(argv)
    import logging
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor chatter, as in the CLI
    truth_dir = a.truth or a.dir / "truth"
    pdfs = sorted(p for p in a.dir.glob("*.pdf") if (truth_dir / (p.stem + ".json")).is_file())
    if a.only:
        pdfs = [p for p in pdfs if p.stem in set(a.only)]
    if not pdfs:
        print(f"score.py: error: no PDF with truth in {a.dir}", file=sys.stderr)
        return 2
    kinds = ("headings", "footnotes", "markers", "paragraphs", "clauses")
    print(f"{'file':<34} {'producer':<22} {'head':>5} {'foot':>5} {'mark':>5} {'para':>5} "
          f"{'claus':>5} {'exp>mk':>6} {'sec':>5}")
    allscores, cols = {}, {k: [] for k in kinds}
    for pdf in pdfs:
        truth = json.loads((truth_dir / (pdf.stem + ".json")).read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        try:
            s = score_pdf(pdf, truth_dir / (pdf.stem + ".json"))
        except Exception as e:  # a crash is a result here: report it and go on
            print(f"{pdf.stem:<34} CRASH {type(e).__name__}: {e}")
            allscores[pdf.stem] = {"crash": f"{type(e).__name__}: {e}"}
            continue
        dt = time.perf_counter() - t0
        allscores[pdf.stem] = s
        row = []
        for k in kinds:
            v = s.get(k, {}).get("f1")
            if v is not None:
                cols[k].append(v)
            row.append("    -" if v is None else f"{v:5.2f}")
        prod = (truth.get("producer") or "")[:22]
        print(f"{pdf.stem:<34} {prod:<22} {' '.join(row)} {s['markers']['exponents_as_markers']:>6} "
              f"{dt:5.1f}")
        if a.detail:
            for k in kinds:
                if k not in s:
                    continue
                miss = s[k].get("missed") or []
                spur = s[k].get("spurious") or s[k].get("fragments") or []
                if miss or spur:
                    print(f"   {k}: missed {json.dumps(miss[:6], ensure_ascii=False)}")
                    print(f"   {k}: spurious {json.dumps(spur[:6], ensure_ascii=False)}")
    print(f"{'MEAN (' + str(len(cols['headings'])) + ' files)':<57} "
          + " ".join(f"{mean(cols[k]):5.2f}" if cols[k] else "    -" for k in kinds))
    if a.json:
        a.json.write_text(json.dumps(allscores, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
