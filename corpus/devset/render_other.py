"""Documents of the model through Typst (another template than the corpus's) and through
pandoc (Markdown → LaTeX PDF with pandoc's own template, Markdown → DOCX → LibreOffice)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docmodel import (B, Doc, EndnotesSection, Heading, I, Items, Mark, Note, PageBreak, Para,
                      Sub, Sup, Table)

FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/liberation2",
             "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/opentype/linux-libertine",
             "/usr/share/fonts/opentype/ebgaramond", "/usr/share/fonts/truetype/crosextra",
             "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"]  # TeX Live's Fandol CJK fonts


# ------------------------------------------------------------------------- Typst
def _tq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typ_runs(runs) -> str:
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append("#" + _tq(r))
        elif isinstance(r, B):
            out.append("#strong(" + _tq(r.text) + ")")
        elif isinstance(r, I):
            out.append("#emph(" + _tq(r.text) + ")")
        elif isinstance(r, Sup):
            out.append("#super(typographic: false, " + _tq(r.text) + ")")
        elif isinstance(r, Sub):
            out.append("#sub(typographic: false, " + _tq(r.text) + ")")
        elif isinstance(r, Mark):
            out.append("#super(" + _tq(r.label) + ")")
        elif isinstance(r, Note):
            out.append("#footnote(" + _tq(r.text) + ")")
    return "".join(out)


TYPST_LABELS = {"1)": "1)", "a)": "a)", "i.": "i.", "(a)": "(a)", "(i)": "(i)", "a.": "a.",
                "(1)": "(1)", "1.": "1.", "（一）": "（一）", "1．": "1．"}


@dataclass
class TypstStyle:
    setup: str  # page, text, par, heading show rules
    heading_sep: str = " "
    auto_numbers: bool = False  # Typst numbers the headings (set heading(numbering: …))


def to_typst(doc: Doc, st: TypstStyle) -> str:
    out = [st.setup]
    if doc.title:
        out.append("#align(center, block(below: 1.2em)[#text(size: 1.6em, weight: \"bold\", "
                   + _tq(doc.title) + ")" + (" \\ #" + _tq(doc.author) if doc.author else "") + "])")
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            out.append("#pagebreak()")
        elif isinstance(b, Heading):
            num = b.number + ("" if not b.number or b.number.endswith(("、", "）")) else st.heading_sep)
            if st.auto_numbers:
                num = ""
            out.append("#heading(level: %d, %s)" % (b.level, _tq(num + b.text)))
        elif isinstance(b, Para):
            num = ("#strong(" + _tq(b.number) + ")#h(1em)") if b.number else ""
            out.append(num + _typ_runs(b.runs) + "\n")
        elif isinstance(b, Items):
            mark = "+" if b.ordered else "-"
            if b.ordered and b.label:
                out.append("#set enum(numbering: %s)" % _tq(TYPST_LABELS[b.label]))
            out += [f"{mark} " + _typ_runs(it) for it in b.items]
            out.append("")
        elif isinstance(b, Table):
            cells = ", ".join("[" + _typ_runs(c) + "]" for row in b.rows for c in row)
            out.append(f"#align(center, table(columns: {len(b.rows[0])}, inset: 4pt, {cells}))")
        elif isinstance(b, EndnotesSection):
            raise ValueError("Typst documents here use footnotes, not endnotes")
    return "\n".join(out) + "\n"


def typst_pdf(src: str, out_pdf: Path) -> Path:
    import typst

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "doc.typ"
        f.write_text(src, encoding="utf-8")
        pdf = typst.compile(str(f), font_paths=[d for d in FONT_DIRS if os.path.isdir(d)],
                            ignore_system_fonts=True)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(pdf)
    return out_pdf


# ------------------------------------------------------------------------- pandoc
def _md_esc(s: str) -> str:
    for c in "\\*_[]^~#`<>":
        s = s.replace(c, "\\" + c)
    return s


def _md_runs(runs, notes: list) -> str:
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(_md_esc(r))
        elif isinstance(r, B):
            out.append("**" + _md_esc(r.text) + "**")
        elif isinstance(r, I):
            out.append("*" + _md_esc(r.text) + "*")
        elif isinstance(r, Sup):
            out.append("^" + _md_esc(r.text).replace(" ", "\\ ") + "^")
        elif isinstance(r, Sub):
            out.append("~" + _md_esc(r.text).replace(" ", "\\ ") + "~")
        elif isinstance(r, Mark):
            out.append("^" + r.label + "^")
        elif isinstance(r, Note):
            notes.append(r)
            out.append(f"[^{len(notes)}]")
    return "".join(out)


# pandoc's fancy_lists: the label forms Markdown can say (others print as "1.")
MD_LABELS = {"1)": "{n})", "a)": "{a})", "i.": "{i}.", "(a)": "({a})", "(i)": "({i})", "a.": "{a}.",
             "(1)": "({n})", "1.": "{n}."}


def to_markdown(doc: Doc, meta: dict[str, str]) -> str:
    notes: list = []
    lines = ["---", f"title: \"{doc.title}\""]
    if doc.author:
        lines.append(f"author: \"{doc.author}\"")
    lines += [f"{k}: {v}" for k, v in meta.items()] + ["---", ""]
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            lines += ["\\newpage", ""]
        elif isinstance(b, Heading):
            num = b.number + ("" if not b.number or b.number.endswith(("、", "）")) else " ")
            lines += ["#" * b.level + " " + _md_esc(num + b.text) + " {-}", ""]
        elif isinstance(b, Para):
            lines += [_md_runs(b.runs, notes), ""]
        elif isinstance(b, Items):
            for k, it in enumerate(b.items):
                lab = MD_LABELS.get(b.label, "{n}.").format(n=k + 1, a="abcdefghij"[k], i=["i", "ii", "iii", "iv", "v"][k])
                lines.append((lab + " " if b.ordered else "- ") + _md_runs(it, notes))
            lines.append("")
        elif isinstance(b, Table):
            rows = [[_md_runs(c, notes) for c in row] for row in b.rows]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            lines.append("")
        elif isinstance(b, EndnotesSection):
            raise ValueError("pandoc documents here use footnotes")
    for k, n in enumerate(notes, 1):
        lines += [f"[^{k}]: {_md_esc(n.text)}", ""]
    return "\n".join(lines)


def pandoc(md: str, out: Path, args: list[str]) -> Path:
    exe = shutil.which("pandoc")
    if not exe:
        raise RuntimeError("pandoc is missing (Debian: apt-get install pandoc)")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "doc.md"
        f.write_text(md, encoding="utf-8")
        target = Path(tmp) / ("doc" + out.suffix)
        r = subprocess.run([exe, str(f), "-o", str(target), *args], capture_output=True,
                           text=True, timeout=600, cwd=tmp,
                           env={"PATH": "/usr/bin:/bin", "HOME": tmp, "SOURCE_DATE_EPOCH": "1700000000"})
        if r.returncode != 0 or not target.is_file():
            raise RuntimeError(f"pandoc failed: {r.stderr[-500:]}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(target, out)
    return out


def reference_docx(out: Path, styles: dict[str, dict], page: tuple[int, int] | None = None) -> Path:
    """pandoc's default reference.docx with its styles changed, as a user's template does: for
    each style id (Heading1, Heading2, BodyText, FirstParagraph, Title …) ``font``, ``size``
    (half-points), ``color`` (hex), ``bold``, ``italic``, ``caps``, ``jc`` (both, left, center),
    ``spacing_after`` (twips); ``page`` = (width, height) in twips."""
    import re
    import zipfile

    exe = shutil.which("pandoc")
    if not exe:
        raise RuntimeError("pandoc is missing (Debian: apt-get install pandoc)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "-o", f"{tmp}/ref.docx", "--print-default-data-file", "reference.docx"],
                       capture_output=True, timeout=120, check=True)
        ref = Path(f"{tmp}/ref.docx").read_bytes()
    src = zipfile.ZipFile(__import__("io").BytesIO(ref))
    xml = src.read("word/styles.xml").decode("utf-8")
    for sid, st in styles.items():
        m = re.search(r'(<w:style [^>]*w:styleId="%s"[^>]*>)(.*?)(</w:style>)' % sid, xml, re.S)
        if not m:
            raise RuntimeError(f"reference.docx has no style {sid}")
        inner = m.group(2)
        rpr = ""
        if "font" in st:
            f = st["font"]
            rpr += f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{st.get("font_asian", f)}" w:cs="{f}"/>'
        if st.get("bold"):
            rpr += "<w:b/><w:bCs/>"
        if st.get("italic"):
            rpr += "<w:i/><w:iCs/>"
        if st.get("caps"):
            rpr += "<w:caps/>"
        if "color" in st:
            rpr += f'<w:color w:val="{st["color"]}"/>'
        if "size" in st:
            rpr += f'<w:sz w:val="{st["size"]}"/><w:szCs w:val="{st["size"]}"/>'
        old_ppr = re.search(r"<w:pPr>(.*?)</w:pPr>", inner, re.S)
        ppr = old_ppr.group(1) if old_ppr else ""
        if "jc" in st:
            ppr = re.sub(r"<w:jc [^>]*/>", "", ppr) + f'<w:jc w:val="{st["jc"]}"/>'
        if "spacing_after" in st:
            ppr = re.sub(r"<w:spacing [^>]*/>", "", ppr) + \
                f'<w:spacing w:before="{st.get("spacing_before", 0)}" w:after="{st["spacing_after"]}"/>'
        # schema order: name, basedOn, next … qFormat, then pPr, then rPr
        inner = re.sub(r"<w:pPr>.*?</w:pPr>|<w:pPr/>|<w:rPr>.*?</w:rPr>|<w:rPr/>", "", inner, flags=re.S)
        inner += (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + f"<w:rPr>{rpr}</w:rPr>"
        xml = xml[:m.start()] + m.group(1) + inner + m.group(3) + xml[m.end():]
    doc_xml = src.read("word/document.xml").decode("utf-8")
    if page:
        doc_xml = re.sub(r'<w:pgSz [^>]*/>', f'<w:pgSz w:w="{page[0]}" w:h="{page[1]}"/>', doc_xml)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                data = xml.encode("utf-8")
            elif item.filename == "word/document.xml":
                data = doc_xml.encode("utf-8")
            z.writestr(item, data)
    return out
