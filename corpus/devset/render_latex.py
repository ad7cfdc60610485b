"""Documents of the model as LaTeX (pdfLaTeX or XeLaTeX): article, report, twocolumn,
multicol, REVTeX 4.2, ctexart/ctexrep; hyperref on or off (outline and link annotations);
section styles from titlesec (small caps smaller than the body, all caps, bold at body size),
real \\footnote, the endnotes package for a Notes section, fancyhdr running heads with the
chapter title and Page N of M (lastpage)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docmodel import (B, Doc, EndnotesSection, Heading, I, Items, Mark, Note, PageBreak, Para,
                      Sub, Sup, Table)

_ESC = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
        "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def esc(s: str) -> str:
    return "".join(_ESC.get(c, c) for c in s)


@dataclass
class LatexStyle:
    engine: str = "pdflatex"  # pdflatex | xelatex
    cls: str = "article"
    options: str = "11pt,a4paper"
    hyperref: bool = True
    preamble: list[str] = field(default_factory=list)
    section_cmds: dict[int, str] = field(default_factory=lambda: {1: "section", 2: "subsection",
                                                                   3: "subsubsection"})
    multicols: int = 1
    endnotes_name: str = "Notes"
    title_block: bool = True


def _runs(runs, in_table=False) -> str:
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(esc(r))
        elif isinstance(r, B):
            out.append(r"\textbf{" + esc(r.text) + "}")
        elif isinstance(r, I):
            out.append(r"\emph{" + esc(r.text) + "}")
        elif isinstance(r, Sup):
            t = r.text.replace("−", "-")
            out.append("$^{" + t + "}$" if re.fullmatch(r"-?\d+", t) else
                       r"\textsuperscript{" + esc(t) + "}")
        elif isinstance(r, Sub):
            out.append("$_{" + r.text + "}$" if r.text.isdigit() else r"\textsubscript{" + esc(r.text) + "}")
        elif isinstance(r, Mark):
            out.append(r"\textsuperscript{" + esc(r.label) + "}")
        elif isinstance(r, Note):
            out.append((r"\endnote{" if r.kind == "end" else r"\footnote{") + esc(r.text) + "}")
    return "".join(out)


def to_latex(doc: Doc, st: LatexStyle) -> str:
    pre = [rf"\documentclass[{st.options}]{{{st.cls}}}"]
    if st.engine == "pdflatex":
        pre += [r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}", r"\usepackage{lmodern}"]
    pre += list(st.preamble)
    if any(n.kind == "end" for b in doc.blocks for runs in _all_runs(b) for n in runs
           if isinstance(n, Note)):
        pre += [r"\usepackage{endnotes}", rf"\renewcommand{{\notesname}}{{{esc(st.endnotes_name)}}}"]
    if st.multicols > 1:
        pre.append(r"\usepackage{multicol}")
    if st.hyperref:
        pre.append(r"\usepackage[pdfusetitle]{hyperref}")
    front = [rf"\title{{{esc(doc.title)}}}", rf"\author{{{esc(doc.author)}}}",
             r"\date{" + esc(doc.subtitle) + "}"]
    body = [r"\begin{document}"]
    if st.cls.startswith("revtex"):  # REVTeX reads its front matter inside the document
        body += front + [r"\maketitle"]
    else:
        pre += front
    if not st.cls.startswith("revtex") and st.title_block and doc.title:
        body.append(r"\maketitle")
    if st.multicols > 1:
        body.append(rf"\begin{{multicols}}{{{st.multicols}}}")
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            body.append(r"\clearpage")
        elif isinstance(b, Heading):
            cmd = st.section_cmds[b.level] + ("" if b.number else "*")
            body.append(rf"\{cmd}{{{esc(b.text)}}}")
        elif isinstance(b, Para):
            body.append(_runs(b.runs) + "\n")
        elif isinstance(b, Items):
            env = "enumerate" if b.ordered else "itemize"
            body.append(rf"\begin{{{env}}}")
            body += [r"\item " + _runs(it) for it in b.items]
            body.append(rf"\end{{{env}}}")
        elif isinstance(b, Table):
            n = len(b.rows[0])
            body.append(r"\begin{center}" + (r"\small " if True else ""))
            if b.caption:
                body.append(r"\textit{" + esc(b.caption) + r"}\\[3pt]")
            body.append(r"\begin{tabular}{" + "l" * n + r"}\hline")
            for k, row in enumerate(b.rows):
                body.append(" & ".join(_runs(c, True) for c in row) + r" \\" + (r"\hline" if k == 0 else ""))
            body.append(r"\hline\end{tabular}\end{center}")
        elif isinstance(b, EndnotesSection):
            if st.multicols > 1:
                body.append(rf"\end{{multicols}}")
            body.append(r"\theendnotes")
            if st.multicols > 1:
                body.append(rf"\begin{{multicols}}{{{st.multicols}}}")
    if st.multicols > 1:
        body.append(r"\end{multicols}")
    body.append(r"\end{document}")
    return "\n".join(pre + body) + "\n"


def _all_runs(b):
    from docmodel import runs_of
    return list(runs_of(b))


def compile_latex(src: str, out_pdf: Path, engine: str) -> Path:
    exe = shutil.which(engine)
    if not exe:
        raise RuntimeError(f"{engine} is missing (Debian: texlive-latex-recommended, texlive-xetex)")
    with tempfile.TemporaryDirectory() as tmp:
        tex = Path(tmp) / "doc.tex"
        tex.write_text(src, encoding="utf-8")
        for _ in range(3):  # references, lastpage, hyperref outline
            r = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                               cwd=tmp, capture_output=True, text=True, timeout=600,
                               env={"PATH": "/usr/bin:/bin", "HOME": tmp,
                                    "SOURCE_DATE_EPOCH": "1700000000", "FORCE_SOURCE_DATE": "1"})
            if r.returncode != 0:
                log = (Path(tmp) / "doc.log").read_text(errors="replace") if (Path(tmp) / "doc.log").exists() else r.stdout
                err = [ln for ln in log.splitlines() if ln.startswith("!")][:3]
                raise RuntimeError(f"{engine} failed: {' | '.join(err) or log[-600:]}")
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp) / "doc.pdf", out_pdf)
    return out_pdf
