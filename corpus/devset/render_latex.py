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

from docmodel import (Abstract, B, Doc, EndnotesSection, Figure, Heading, I, Items, Mark, Note,
                      PageBreak, Para, Sub, Sup, Table, Toc)

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
    # how an Abstract block is set: "env" (the class's abstract environment), "chapter"
    # (\chapter* title, as Chinese theses do), "elsarticle" (inside the frontmatter), "ieee"
    # (run-in 'Abstract—', keywords as 'Index Terms—')
    abstract: str = "env"
    literal_numbers: bool = False  # headings as \section*{NUMBER TITLE}: the number is the source's


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
            body = _urls(r.text)
            if r.custom_label and r.label.replace("∗", "*") in FNSYMBOLS and r.kind == "foot":
                out.append(rf"\footnote[{FNSYMBOLS.index(r.label.replace(chr(0x2217), '*')) + 1}]{{{body}}}")
            else:
                out.append((r"\endnote{" if r.kind == "end" else r"\footnote{") + body + "}")
    return "".join(out)


# what \fnsymbol prints for 1, 2, 3 …: a note labelled with one of these is set with \footnote[N]
FNSYMBOLS = ["*", "†", "‡", "§", "¶", "‖"]
_URL = re.compile(r"https?://[^\s（）()]+[^\s（）().,;。]")

# label forms of ordered lists, as enumitem labels
ENUM_LABELS = {"1)": r"\arabic*)", "a)": r"\alph*)", "i.": r"\roman*.", "(a)": r"(\alph*)",
               "(i)": r"(\roman*)", "a.": r"\alph*.", "(1)": r"(\arabic*)", "1.": r"\arabic*.",
               "（一）": r"（\chinese{enumi}）", "1．": r"\arabic*．"}


def _urls(text: str) -> str:
    """Escaped note text with its URLs set by url (breakable, as real notes print them)."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        out.append(esc(text[pos:m.start()]))
        out.append(r"\url{" + m.group(0).replace("%", r"\%").replace("#", r"\#") + "}")
        pos = m.end()
    return "".join(out) + esc(text[pos:])


def _abstract(b: Abstract, st: LatexStyle) -> list[str]:
    paras = [_runs(p) for p in b.paras]
    if st.abstract == "chapter":
        out = [rf"\chapter*{{{esc(b.title)}}}"] + [p + "\n" for p in paras]
        if b.keywords:
            out.append(r"\noindent " + esc(b.keywords) + "\n")
        return out
    if st.abstract == "ieee":
        out = [r"\begin{abstract}", "\n\n".join(paras), r"\end{abstract}"]
        if b.keywords:
            out += [r"\begin{IEEEkeywords}", esc(b.keywords.split("—", 1)[-1]), r"\end{IEEEkeywords}"]
        return out
    if st.abstract == "elsarticle":
        out = [r"\begin{abstract}", "\n\n".join(paras), r"\end{abstract}"]
        if b.keywords:
            words = b.keywords.split(":", 1)[-1].split(",")
            out += [r"\begin{keyword}", r" \sep ".join(esc(w.strip()) for w in words), r"\end{keyword}"]
        return out
    out = [rf"\renewcommand{{\abstractname}}{{{esc(b.title)}}}", r"\begin{abstract}",
           "\n\n".join(paras)]
    if b.keywords:
        out += ["", r"\noindent " + esc(b.keywords)]
    return out + [r"\end{abstract}"]


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
    notes = [n for b in doc.blocks for runs in _all_runs(b) for n in runs if isinstance(n, Note)]
    if any(_URL.search(n.text) for n in notes):
        pre.append(r"\usepackage{url}" if not st.hyperref else "")
    if any(n.custom_label and n.label.replace("∗", "*") in FNSYMBOLS for n in notes):
        pre.append(r"\renewcommand{\thefootnote}{\fnsymbol{footnote}}")
    if any(isinstance(b, Items) and b.label for b in doc.blocks):
        pre.append(r"\usepackage{enumitem}")
    if any(isinstance(b, Figure) for b in doc.blocks):
        pre.append(r"\usepackage{graphicx}")
    if st.hyperref:
        pre.append(r"\usepackage[pdfusetitle]{hyperref}")
    front = [rf"\title{{{esc(doc.title)}}}", rf"\author{{{esc(doc.author)}}}",
             r"\date{" + esc(doc.subtitle) + "}"]
    body = [r"\begin{document}"]
    if st.cls.startswith("revtex"):  # REVTeX reads its front matter inside the document
        body += front + [r"\maketitle"]
    elif st.abstract == "elsarticle":  # elsarticle: title, author and abstract in frontmatter
        ab = [b for b in doc.blocks if isinstance(b, Abstract)]
        body += [r"\begin{frontmatter}", rf"\title{{{esc(doc.title)}}}", rf"\author{{{esc(doc.author)}}}"]
        body += [x for b in ab for x in _abstract(b, st)] + [r"\end{frontmatter}"]
    else:
        pre += front
    if not st.cls.startswith("revtex") and st.abstract != "elsarticle" and st.title_block and doc.title:
        body.append(r"\maketitle")
    if st.multicols > 1:
        body.append(rf"\begin{{multicols}}{{{st.multicols}}}")
    for b in doc.blocks:
        if isinstance(b, Abstract):
            if st.abstract != "elsarticle":
                body += _abstract(b, st)
            continue
        if isinstance(b, Toc):
            body.append(r"\tableofcontents")
            continue
        if isinstance(b, Figure):
            body.append(r"\begin{center}\fbox{\rule{0pt}{" + f"{b.height_cm}cm" + r"}\rule{0.6\linewidth}{0pt}}"
                        r"\\[4pt]{\small " + esc(b.caption) + r"}\end{center}")
            continue
        if isinstance(b, PageBreak):
            body.append(r"\clearpage")
        elif isinstance(b, Heading):
            if st.literal_numbers:
                sep = "" if not b.number or b.number.endswith(("、", "）")) else " "
                body.append(rf"\{st.section_cmds[b.level]}*{{{esc(b.number + sep + b.text)}}}")
            else:
                cmd = st.section_cmds[b.level] + ("" if b.number else "*")
                body.append(rf"\{cmd}{{{esc(b.text)}}}")
        elif isinstance(b, Para):
            num = (r"\noindent\textbf{" + esc(b.number) + r"}\quad " if b.number else "")
            body.append(num + _runs(b.runs) + "\n")
        elif isinstance(b, Items):
            env = "enumerate" if b.ordered else "itemize"
            lab = f"[label={ENUM_LABELS[b.label]}]" if b.ordered and b.label else ""
            body.append(rf"\begin{{{env}}}{lab}")
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
