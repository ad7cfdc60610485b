#!/usr/bin/env python3
"""Bilingual PDFs with known sentence gold, printed from real zh/en pairs.

    .venv/bin/python corpus/devset/bilingual.py --out /tmp/bilingual            # build all
    .venv/bin/python corpus/devset/bilingual.py --out DIR --only mulan-line-chromium
    R=DIR /work/tools/rp.sh OUT $PWD/.venv/bin/pariter                           # align, score

Users bring bilingual documents in three layouts, and Chinese in either script:

- ``para``: a Chinese paragraph, then its English one (a bilingual report or notice);
- ``line``: each Chinese sentence on its own line(s), its English right under it, no space
  between the pairs (a bilingual regulation, subtitles, a leaflet);
- ``cols``: Chinese in the left column, English in the right, a row per paragraph (a
  two-column table, the way contracts and licences are often set);
- ``trad``: the ``line`` layout with the Chinese converted to Traditional (OpenCC ``s2t``),
  in the PDF and in the gold alike: the aligner may convert for matching only.

The text and the gold beads come from the sentence gold of the real pairs in
``/work/realpairs8``, ``9`` and ``10`` (``gold/*.json``: both sides' sentences and beads),
so nothing is hand-made here: a bead's Chinese sentences are printed together, then its
English ones. Every document is printed by two real producers: Chromium (HTML, ``--print-to-pdf``)
and LibreOffice (the same HTML through pandoc to DOCX, then ``soffice --convert-to pdf``).

Output: ``OUT/pdf/NAME.pdf`` and ``OUT/gold/NAME.json`` in the realpairs gold format with
``zh_pdf`` and ``en_pdf`` the same file (one passage, every page), and ``OUT/score_pairs.py``
copied from the first realpairs set, so that ``R=OUT /work/tools/rp.sh`` scores it.
The PDFs are never committed (they hold third-party text).
"""
from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SETS = [Path("/work/realpairs8"), Path("/work/realpairs9"), Path("/work/realpairs10")]
LAYOUTS = ("para", "line", "cols", "trad")
PRODUCERS = ("chromium", "libreoffice")
#: beads per document (the first ones of the pair, in passage order): enough for a few pages
MAX_BEADS = 45
#: beads per paragraph in the ``para`` and ``cols`` layouts
PARA_BEADS = 3

CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; line-height: 1.4; }
p { margin: 0 0 0.6em 0; }
p.zh { margin-bottom: 0.2em; }
.line p { margin: 0; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; width: 50%; padding: 0 0.6em 0.6em 0; }
"""


def beads_of(gold: dict) -> list[tuple[list[str], list[str]]]:
    """The pair's beads in passage order, each as (Chinese sentences, English sentences)."""
    out = []
    for ps in gold["passages"]:
        for b in ps["beads"]:
            left, right = b.split(":")
            out.append(([ps["zh_sentences"][i] for i in json.loads(left)],
                        [ps["en_sentences"][j] for j in json.loads(right)]))
    return out[:MAX_BEADS]


def to_traditional(beads, conv):
    return [([conv.convert(s) for s in zh], en) for zh, en in beads]


#: a sentence that ends otherwise (a heading, a title, a list label) is a paragraph of its
#: own: run into a paragraph it would glue onto its neighbours, as no document prints it
FINAL = tuple("。！？；：.!?;:”\"」』）)")


def _ends(sents: list[str]) -> bool:
    return not sents or sents[-1].rstrip().endswith(FINAL)


def groups(beads, n):
    """Paragraphs of up to ``n`` beads; a bead whose text does not end a sentence stands alone."""
    out, cur = [], []
    for b in beads:
        alone = not (_ends(b[0]) and _ends(b[1]))
        if cur and (alone or len(cur) == n):
            out.append(cur)
            cur = []
        cur.append(b)
        if alone:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def zh_text(sents: list[str]) -> str:
    return "".join(sents)


def en_text(sents: list[str]) -> str:
    return " ".join(sents)


def html_doc(layout: str, beads) -> str:
    """The document as HTML, one language per element, in the layout's order."""
    body = []
    if layout == "para":
        for g in groups(beads, PARA_BEADS):
            zh = "".join(zh_text(z) for z, _ in g)
            en = " ".join(en_text(e) for _, e in g if e)
            if zh:
                body.append(f'<p class="zh" lang="zh">{html.escape(zh)}</p>')
            if en:
                body.append(f'<p class="en" lang="en">{html.escape(en)}</p>')
    elif layout in ("line", "trad"):
        body.append('<div class="line">')
        for z, e in beads:
            if z:
                body.append(f'<p class="zh" lang="zh">{html.escape(zh_text(z))}</p>')
            if e:
                body.append(f'<p class="en" lang="en">{html.escape(en_text(e))}</p>')
        body.append("</div>")
    elif layout == "cols":
        body.append("<table>")
        for g in groups(beads, PARA_BEADS):
            zh = "".join(zh_text(z) for z, _ in g)
            en = " ".join(en_text(e) for _, e in g if e)
            body.append(f'<tr><td lang="zh">{html.escape(zh)}</td>'
                        f'<td lang="en">{html.escape(en)}</td></tr>')
        body.append("</table>")
    else:
        raise ValueError(layout)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title></title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def run(cmd: list[str], cwd: Path) -> None:
    if shutil.which(cmd[0]) is None:
        raise SystemExit(f"missing program: {cmd[0]}")
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)


def render(producer: str, page: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as td:
        t = Path(td)
        (t / "doc.html").write_text(page, encoding="utf-8")
        if producer == "chromium":
            run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                 f"--user-data-dir={t / 'profile'}", "--no-pdf-header-footer",
                 f"--print-to-pdf={t / 'doc.pdf'}", (t / "doc.html").as_uri()], t)
        elif producer == "libreoffice":
            run(["pandoc", "doc.html", "-o", "doc.docx"], t)
            run(["soffice", f"-env:UserInstallation={(t / 'lo').as_uri()}", "--headless",
                 "--convert-to", "pdf", "doc.docx"], t)
        else:
            raise ValueError(producer)
        shutil.copyfile(t / "doc.pdf", out)


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def gold_of(name: str, pdf: str, beads, pages: int, source: str, layout: str) -> dict:
    zs, es, bs = [], [], []
    for z, e in beads:
        zi = list(range(len(zs), len(zs) + len(z)))
        ei = list(range(len(es), len(es) + len(e)))
        zs += z
        es += e
        bs.append(f"{json.dumps(zi)}:{json.dumps(ei)}")
    return {"pair": name, "zh_pdf": pdf, "en_pdf": pdf,
            "passages": [{"zh_pages": list(range(1, pages + 1)),
                          "en_pages": list(range(1, pages + 1)),
                          "note": f"bilingual {layout} layout of {source}, first {len(beads)} beads",
                          "zh_sentences": zs, "en_sentences": es, "beads": bs}]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--layout", action="append", default=[], choices=LAYOUTS)
    ap.add_argument("--sets", type=Path, nargs="*", default=SETS)
    a = ap.parse_args(argv)
    import opencc
    conv = opencc.OpenCC("s2t.json")
    (a.out / "pdf").mkdir(parents=True, exist_ok=True)
    (a.out / "gold").mkdir(parents=True, exist_ok=True)
    scorer = next((s / "score_pairs.py" for s in a.sets if (s / "score_pairs.py").exists()), None)
    if scorer is not None:
        shutil.copyfile(scorer, a.out / "score_pairs.py")
    for s in a.sets:
        for g in sorted((s / "gold").glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            beads = beads_of(gold)
            for layout in a.layout or LAYOUTS:
                for producer in PRODUCERS:
                    name = f"{gold['pair']}-{layout}-{producer}"
                    if a.only and name not in a.only:
                        continue
                    bb = to_traditional(beads, conv) if layout == "trad" else beads
                    pdf = a.out / "pdf" / f"{name}.pdf"
                    render(producer, html_doc(layout, bb), pdf)
                    gd = gold_of(name, pdf.name, bb, page_count(pdf), f"{s.name}/{gold['pair']}", layout)
                    (a.out / "gold" / f"{name}.json").write_text(
                        json.dumps(gd, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                    print(name, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
