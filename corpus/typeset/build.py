#!/usr/bin/env python3
"""Typeset the corpus PDFs and their ground truth.

    python corpus/typeset/build.py          # write corpus/pdf/*.pdf and corpus/truth/*.json
    python corpus/typeset/build.py --check  # rebuild into a temp dir, compare with the committed files

Sources are the Typst files next to this script (one per document, a shared template.typ and
consensus-content.typ). Compilation uses the `typst` Python package with system fonts ignored
and only the Noto CJK directory as font path (Latin fonts in the consensus come from the fonts
bundled with Typst), so the output is byte-for-byte reproducible.

Ground truth pages come from Typst itself: every heading, clause and marker carries a
`<truth>` metadata item, and `truth-dump()` in template.typ publishes them with their physical
page numbers; the texts (footnote texts, marker contexts, clause starts) are read from the
sources.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
PDF_DIR = CORPUS / "pdf"
TRUTH_DIR = CORPUS / "truth"
FONT_DIR = Path(os.environ.get("PARITER_NOTO_CJK_DIR", "/usr/share/fonts/opentype/noto"))
REQUIRED_FONTS = ["NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc",
                  "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"]

DOCS = ["wic-report-zh", "wic-consensus-zh-en", "wic-consensus-zh", "wic-consensus-en"]
CONTEXT_CHARS = 30


def die(msg: str) -> None:
    print(f"build.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def load_typst():
    try:
        import typst  # noqa: F401
    except ImportError:
        die("the `typst` Python package is missing (pip install typst)")
    missing = [f for f in REQUIRED_FONTS if not (FONT_DIR / f).is_file()]
    if missing:
        die(f"fonts missing in {FONT_DIR}: {', '.join(missing)} "
            "(Debian: apt-get install fonts-noto-cjk; or set PARITER_NOTO_CJK_DIR)")
    return typst


def typst_kwargs() -> dict:
    return {"font_paths": [str(FONT_DIR)], "ignore_system_fonts": True}


# ------------------------------------------------------------------ source -> plain text
def parse_call_args(src: str, i: int) -> tuple[str, int]:
    """src[i] == '(' ; return the text inside the balanced parentheses and the index after."""
    depth, j, in_str = 0, i, False
    while j < len(src):
        c = src[j]
        if in_str:
            if c == "\\":
                j += 2
                continue
            if c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return src[i + 1:j], j + 1
        j += 1
    raise ValueError("unbalanced call")


def unescape_str(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def markup_plain(src: str) -> tuple[str, list[tuple[int, str, str | None]]]:
    """Plain text of a piece of our (simple) markup, plus the markers found in it:
    (offset in the plain text, label, footnote text or None)."""
    out: list[str] = []
    marks: list[tuple[int, str, str | None]] = []
    i = 0
    while i < len(src):
        if src.startswith("#fn(", i):
            args, i = parse_call_args(src, i + 3)
            m = re.match(r'\s*(\d+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*$', args, re.S)
            marks.append((len("".join(out)), m.group(1), unescape_str(m.group(2))))
            continue
        if src.startswith("#mk(", i):
            args, i = parse_call_args(src, i + 3)
            marks.append((len("".join(out)), args.strip(), None))
            continue
        if src.startswith("#strong[", i):
            i += len("#strong[")
            continue
        c = src[i]
        if c == "\\" and i + 1 < len(src):
            out.append(src[i + 1])
            i += 2
            continue
        if c in "[]":
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out), marks


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def report_source_facts(path: Path):
    """Footnote texts, marker contexts and clause starts of the report, in source order."""
    src = path.read_text(encoding="utf-8")
    body = src[src.index("#show: body-pages"):]
    notes, markers, clauses = [], [], []
    for para in re.split(r"\n\s*\n", body):
        para = para.strip()
        if not para or para.startswith("//"):
            continue
        cm = re.match(r'#clause\("(\d\d)"\)', para)
        if cm:
            para = para[cm.end():]
        # a clause may hold several [..][..] paragraphs: split them for context purposes
        pieces = re.split(r"\]\s*\[", para) if cm else [para]
        if cm:
            whole = "".join(squash(markup_plain(piece)[0]) for piece in pieces)
            clauses.append({"number": cm.group(1), "text-start": whole[:20], "text": whole})
        for piece in pieces:
            text, marks = markup_plain(piece)
            for off, label, note in marks:
                ctx = squash(text[:off])[-CONTEXT_CHARS:]
                markers.append({"label": label, "context": ctx})
                if note is not None:
                    notes.append({"label": label, "text": squash(note)})
    return notes, markers, clauses


def consensus_source_facts(path: Path):
    src = path.read_text(encoding="utf-8")
    starts = {}
    for m in re.finditer(r'\(number: "(\d\d)",\s*zh: \[(.*?)\],\s*en: \[(.*?)\]\)', src, re.S):
        for lang, body in (("zh", m.group(2)), ("en", m.group(3))):
            starts[(m.group(1), lang)] = squash(markup_plain(body)[0])
    return starts


# ------------------------------------------------------------------ truth
RUNNING = {
    "wic-report-zh": [
        "header on body pages 7-27: '发展负责任的生成式人工智能研究报告及共识文件' left and '世界互联网大会' right, 8pt, with a rule below",
        "footer on body pages 7-27: page label centred, two digits ('01' on page 7 ... '21' on page 27)",
        "cover (p1) and back cover (last page): logo text '世界互联网大会' / 'World Internet Conference' - not running, not a heading",
    ],
    "wic-consensus-zh-en": [
        "header on pages 2-6: '发展责任的生成式人工智能共识' left and 'Consensus on Developing Responsible Generative Artificial Intelligence' right, 8pt, with a rule below",
        "footer on pages 2-6: '— N —' centred (physical page number, e.g. '— 2 —')",
        "cover (p1) and back page (p7): logo text '世界互联网大会' / 'World Internet Conference' - not running, not a heading",
    ],
    "wic-consensus-zh": [
        "header on pages 2-N: '世界互联网大会人工智能工作组 · 发展责任的生成式人工智能共识' right-aligned, 8.5pt",
        "footer on every page: '第 N 页' centred",
    ],
    "wic-consensus-en": [
        "header on pages 2-N: 'Consensus on Developing Responsible Generative Artificial Intelligence' left and 'World Internet Conference' right, italic 8.5pt, spanning both columns",
        "footer on every page: 'Page N of M' centred",
    ],
}

NOTES = {
    "wic-report-zh": [
        "Typeset by pariter (corpus/typeset) from the published text; truth written from the sources, pages from Typst.",
        "Front matter (cover, working-group pages, editors/contact, 缩略语对照表 table, 目录) has no running header and no page label; body page labels restart at '01' on physical page 7.",
        "Footnotes numbered as published: 17 and 18 do not exist (16 -> 19); markers 30-33 (section 04 (三)) have no note text in the publication and none at the page bottom.",
        "Section openers: '02 /' (large), Chinese title (level 1, number '02'), English subtitle in capitals (not a heading). The attachment opener has no number.",
        "NOT headings: TOC entries, running header, member organisations, table header, the consensus clauses 01-10 in section 06 (listed under 'clauses'), bold run-in phrases.",
        "Subheading '（十三）生成式人工智能+硬件创新，助力端侧大模型落' is truncated in the published text and kept as published.",
        "Footnote texts kept exactly as published (ASCII commas, '2023 年 4 月' spacing); markdown debris '<<URL>>' rendered '<URL>'.",
    ],
    "wic-consensus-zh-en": [
        "Typeset by pariter (corpus/typeset) from the published bilingual text; truth written from the sources, pages from Typst.",
        "Headings are two lines: 'I. 总则' then 'General' (text_en). The document title (p2) and cover title are not headings.",
        "Every clause appears twice: Chinese paragraph (lang zh) then English paragraph (lang en), both starting with the clause number.",
        "No footnotes.",
    ],
    "wic-consensus-zh": [
        "Chinese text of the consensus only, single column; title block is not a heading. No footnotes.",
    ],
    "wic-consensus-en": [
        "English text of the consensus only, two columns; the title block spans both columns and is not a heading. No footnotes.",
    ],
}


def build_truth(typst, stem: str, src: Path, pdf_name: str) -> dict:
    raw = json.loads(typst.query(str(src), "<truth-dump>", **typst_kwargs()))
    dump = raw[0]["value"]
    items, fnotes = dump["items"], dump["footnotes"]
    pages = dump["physical"][0]
    headings = [{"page": it["page"], "level": it["level"], "number": it["number"], "text": it["text"],
                 **({"text_en": it["text_en"]} if it.get("text_en") else {})}
                for it in items if it["kind"] == "heading"]
    truth: dict = {"file": pdf_name, "pages": pages, "pages_covered": list(range(1, pages + 1))}
    footnotes, markers, clauses = [], [], []
    if stem == "wic-report-zh":
        notes_src, markers_src, clauses_src = report_source_facts(src)
        page_of = {f["label"]: f["page"] for f in fnotes}
        page_of.update({it["label"]: it["page"] for it in items if it["kind"] == "marker-only"})
        if len(page_of) != len(markers_src):
            raise SystemExit(f"{stem}: {len(page_of)} markers typeset but {len(markers_src)} in source")
        for n in notes_src:
            footnotes.append({"page": page_of[n["label"]], "label": n["label"], "text": n["text"]})
        for m in markers_src:
            markers.append({"page": page_of[m["label"]], "label": m["label"], "context": m["context"]})
        typeset_clauses = [it for it in items if it["kind"] == "clause"]
        assert [c["number"] for c in typeset_clauses] == [c["number"] for c in clauses_src]
        for t, s in zip(typeset_clauses, clauses_src):
            clauses.append({"page": t["page"], "number": t["number"], "text-start": s["text-start"],
                            "text": s["text"]})
        lang = "zh"
    else:
        if fnotes:
            raise SystemExit(f"{stem}: unexpected footnotes")
        starts = consensus_source_facts(HERE / "consensus-content.typ")
        for it in items:
            if it["kind"] == "clause":
                clauses.append({"page": it["page"], "number": it["number"], "lang": it["lang"],
                                "text-start": starts[(it["number"], it["lang"])][:20],
                                "text": starts[(it["number"], it["lang"])]})
        lang = {"wic-consensus-zh-en": "zh-en", "wic-consensus-zh": "zh", "wic-consensus-en": "en"}[stem]
    truth["lang"] = lang
    truth["counts"] = {"headings": len(headings), "footnotes": len(footnotes), "markers": len(markers),
                       "clauses": len(clauses)}
    truth.update({"headings": headings, "footnotes": footnotes, "markers": markers, "clauses": clauses,
                  "running": RUNNING[stem], "notes": NOTES[stem]})
    return truth


# ------------------------------------------------------------------ main
def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build_all(typst, pdf_dir: Path, truth_dir: Path) -> dict[str, str]:
    hashes = {}
    for stem in DOCS:
        src = HERE / f"{stem}.typ"
        if not src.is_file():
            die(f"source missing: {src}")
        pdf = typst.compile(str(src), **typst_kwargs())
        atomic_write(pdf_dir / f"{stem}.pdf", pdf)
        truth = build_truth(typst, stem, src, f"{stem}.pdf")
        atomic_write(truth_dir / f"{stem}.json",
                     (json.dumps(truth, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        hashes[stem] = hashlib.sha256(pdf).hexdigest()
        c = truth["counts"]
        print(f"{stem}.pdf: {truth['pages']} pages, {c['headings']} headings, {c['footnotes']} footnotes, "
              f"{c['markers']} markers, {c['clauses']} clauses, sha256 {hashes[stem][:16]}")
    return hashes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temporary directory and compare with corpus/pdf and corpus/truth")
    args = ap.parse_args(argv)
    typst = load_typst()
    if not args.check:
        build_all(typst, PDF_DIR, TRUTH_DIR)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build_all(typst, tmp / "pdf", tmp / "truth")
        bad = []
        for stem in DOCS:
            for sub, ext in (("pdf", "pdf"), ("truth", "json")):
                new, old = tmp / sub / f"{stem}.{ext}", CORPUS / sub / f"{stem}.{ext}"
                if not old.is_file() or old.read_bytes() != new.read_bytes():
                    bad.append(str(old.relative_to(CORPUS.parent)))
        if bad:
            print("differs from a fresh build: " + ", ".join(bad), file=sys.stderr)
            return 1
        print("check: all PDFs and truth files are identical to a fresh build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
