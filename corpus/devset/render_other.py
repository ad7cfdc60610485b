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
             "/usr/share/fonts/opentype/ebgaramond", "/usr/share/fonts/truetype/crosextra"]


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


@dataclass
class TypstStyle:
    setup: str  # page, text, par, heading show rules
    heading_sep: str = " "


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
            out.append("#heading(level: %d, %s)" % (b.level, _tq(num + b.text)))
        elif isinstance(b, Para):
            out.append(_typ_runs(b.runs) + "\n")
        elif isinstance(b, Items):
            mark = "+" if b.ordered else "-"
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
                lines.append((f"{k + 1}. " if b.ordered else "- ") + _md_runs(it, notes))
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
