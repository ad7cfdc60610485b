"""Documents of the model as HTML printed to PDF by headless Chromium.

Two layouts. *Flow*: Chromium paginates one long page (CSS @page size and margins, optional CSS
columns, ``hyphens: auto``); notes are endnotes in a Notes/注释 section, because Chromium
has no page footnotes. *Paged*: every page is a fixed-size box laid out here, with 1–3
columns, and each note printed at the bottom of the column that holds its callout (so a note
block can sit in the left or the middle column); blocks go to columns by a conservative size
estimate. Chromium writes a document outline from h1–h6 with
``--generate-pdf-document-outline`` and a tagged PDF unless told otherwise.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docmodel import (Abstract, Aside, B, Doc, EndnotesSection, Figure, Heading, I, Items, Mark,
                      Note, PageBreak, Para, Sub, Sup, Table, all_notes, plain, runs_of)

# label form of ordered lists -> (CSS counter style, text before, text after)
LIST_LABELS = {"1)": ("decimal", "", ")"), "a)": ("lower-alpha", "", ")"), "i.": ("lower-roman", "", "."),
               "(a)": ("lower-alpha", "(", ")"), "(i)": ("lower-roman", "(", ")"), "a.": ("lower-alpha", "", "."),
               "(1)": ("decimal", "(", ")"), "1.": ("decimal", "", "."),
               "（一）": ("cjk-ideographic", "（", "）"), "1．": ("decimal", "", "．")}


@dataclass
class HtmlStyle:
    css: str = ""  # extra CSS
    page: str = "A4"
    margin: str = "2cm"
    font: str = "'Liberation Serif', 'Noto Serif CJK SC', serif"
    size: str = "11pt"
    line_height: str = "1.4"
    align: str = "justify"
    columns: int = 1
    paged: bool = False
    page_w_mm: float = 210
    page_h_mm: float = 297
    col_chars: int = 1400  # paged: characters a column takes (conservative)
    outline: bool = True
    tagged: bool = True
    lang: str = "en"
    heading_number_sep: str = " "


def _runs(runs, notes_here: list | None = None) -> str:
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(html.escape(r))
        elif isinstance(r, B):
            out.append(f"<b>{html.escape(r.text)}</b>")
        elif isinstance(r, I):
            out.append(f"<i>{html.escape(r.text)}</i>")
        elif isinstance(r, Sup):
            out.append(f"<sup>{html.escape(r.text)}</sup>")
        elif isinstance(r, Sub):
            out.append(f"<sub>{html.escape(r.text)}</sub>")
        elif isinstance(r, Mark):
            out.append(f'<sup class="fn">{html.escape(r.label)}</sup>')
        elif isinstance(r, Note):
            out.append(f'<sup class="fn"><a href="#n{r.kind}{r.label}" id="r{r.kind}{r.label}">'
                       f"{html.escape(r.label)}</a></sup>")
            if notes_here is not None and r.kind == "foot":
                notes_here.append(r)
    return "".join(out)


def _heading(b: Heading, sep: str) -> str:
    lvl = min(b.level + 1, 6)  # h1 is the document title
    num = b.number + ("" if not b.number or b.number.endswith(("、", "）")) else sep)
    sub = f'<div class="h-en">{html.escape(b.text_en)}</div>' if b.text_en else ""
    return f"<h{lvl}>{html.escape(num + b.text)}</h{lvl}>{sub}"


def _block(b, notes_here=None, sep=" ") -> str:
    if isinstance(b, Heading):
        return _heading(b, sep)
    if isinstance(b, Para):
        cls = {"title": "title", "meta": "meta"}.get(b.role, "")
        num = f"<b>{html.escape(b.number)}</b> " if b.number else ""
        return f'<p class="{cls}">{num}{_runs(b.runs, notes_here)}</p>'
    if isinstance(b, Items) and b.ordered and b.label:
        style, pre, post = LIST_LABELS[b.label]
        # the label as an inline box in the flow: a positioned label would be painted (and put in
        # the text layer) after the text around the list
        css = (f"content: '{pre}' counter(li, {style}) '{post}'; display: inline-block; width: 1.8em; "
               "margin-left: -2.2em; margin-right: .4em; text-align: right;")
        cls = "lab" + str(list(LIST_LABELS).index(b.label))
        return (f"<style>ol.{cls} {{ list-style: none; counter-reset: li; }} ol.{cls} > li {{ counter-increment: li; }} "
                f"ol.{cls} > li::before {{ {css} }}</style><ol class=\"{cls}\">"
                + "".join(f"<li>{_runs(it, notes_here)}</li>" for it in b.items) + "</ol>")
    if isinstance(b, Figure):
        return (f'<figure style="margin: .6em 2em"><div style="height: {b.height_cm}cm; border: 1px solid #444">'
                f'</div><figcaption style="text-align: center; font-size: .9em">{html.escape(b.caption)}'
                "</figcaption></figure>")
    if isinstance(b, Aside):
        return ('<aside style="float: right; width: 38%; margin: 0 0 .6em 1em; padding: .5em .7em; '
                'border: 1px solid #888; background: #eef3f8; font-family: \'Liberation Sans\', \'Noto Sans CJK SC\', sans-serif; '
                f'font-size: .85em; line-height: 1.3"><b>{html.escape(b.title)}</b><br>{_runs(b.runs, notes_here)}</aside>')
    if isinstance(b, Abstract):
        head = "" if b.run_in else f'<h2 class="abstract">{html.escape(b.title)}</h2>'
        ps = "".join(f'<p class="abstract">{_runs(p, notes_here)}</p>' for p in b.paras)
        kw = ""
        if b.keywords:
            lab, sep, rest = b.keywords.partition("：" if "：" in b.keywords else ":")
            kw = f'<p class="keywords"><b>{html.escape(lab + sep)}</b>{html.escape(rest)}</p>'
        return f'<div class="abstract">{head}{ps}{kw}</div>'
    if isinstance(b, Items):
        tag = "ol" if b.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{_runs(it, notes_here)}</li>" for it in b.items) + f"</{tag}>"
    if isinstance(b, Table):
        rows = []
        for k, row in enumerate(b.rows):
            t = "th" if k == 0 else "td"
            rows.append("<tr>" + "".join(f"<{t}>{_runs(c, notes_here)}</{t}>" for c in row) + "</tr>")
        cap = f"<caption>{html.escape(b.caption)}</caption>" if b.caption else ""
        return f"<table>{cap}{''.join(rows)}</table>"
    return ""


BASE_CSS = """
body {{ font-family: {font}; font-size: {size}; line-height: {lh}; text-align: {align};
        hyphens: auto; -webkit-hyphens: auto; margin: 0; }}
@page {{ size: {page}; margin: {margin}; }}
h1.doctitle {{ font-size: 1.7em; text-align: center; margin: 0 0 .2em; }}
p.meta {{ text-align: center; margin: 0 0 1em; }}
p {{ margin: 0 0 .5em; }}
h2, h3, h4 {{ break-after: avoid; }}
sup.fn a {{ color: inherit; text-decoration: none; }}
table {{ border-collapse: collapse; margin: .5em auto; font-size: .9em; }}
td, th {{ border: 1px solid #444; padding: 2px 6px; }}
.notes p {{ font-size: .85em; margin: 0 0 .2em; }}
"""


def to_html(doc: Doc, st: HtmlStyle) -> str:
    css = BASE_CSS.format(font=st.font, size=st.size, lh=st.line_height, align=st.align,
                          page=st.page, margin=st.margin) + st.css
    head = (f'<!DOCTYPE html><html lang="{st.lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(doc.title)}</title><style>{css}</style></head><body>")
    title = f'<h1 class="doctitle">{html.escape(doc.title)}</h1>' if doc.title else ""
    meta = f'<p class="meta">{html.escape(doc.author)}</p>' if doc.author else ""
    if st.paged:
        return head + _paged(doc, st, title + meta) + "</body></html>"
    parts = [title, meta]
    lead = 0  # an abstract at the start spans the columns, as journals set it
    while lead < len(doc.blocks) and isinstance(doc.blocks[lead], Abstract):
        parts.append(_block(doc.blocks[lead], None, st.heading_number_sep))
        lead += 1
    if st.columns > 1:
        parts.append(f'<div style="column-count:{st.columns}; column-gap:1.2em">')
    pending = []
    for b in doc.blocks[lead:]:
        if isinstance(b, PageBreak):
            parts.append('<div style="break-after: page"></div>')
        elif isinstance(b, EndnotesSection):
            if st.columns > 1:
                parts.append("</div>")
            lvl = min(b.heading_level + 1, 6)
            parts.append(f'<section class="notes"><h{lvl}>{html.escape(b.title)}</h{lvl}>')
            parts += [f'<p id="nend{n.label}">{html.escape(n.label)}. {html.escape(n.text)}</p>'
                      for n in pending]
            parts.append("</section>")
            pending = []
            if st.columns > 1:
                parts.append(f'<div style="column-count:{st.columns}; column-gap:1.2em">')
        else:
            parts.append(_block(b, None, st.heading_number_sep))
            if isinstance(b, Para) and b.lang and b.lang != st.lang:  # bilingual: mark the language
                parts[-1] = parts[-1].replace("<p ", f'<p lang="{b.lang}" ', 1)
            pending += [r for runs in runs_of(b) for r in runs if isinstance(r, Note) and r.kind == "end"]
    if st.columns > 1:
        parts.append("</div>")
    return head + "".join(parts) + "</body></html>"


def _size(b) -> int:
    if isinstance(b, Heading):
        return 160
    if isinstance(b, Table):
        return 120 * len(b.rows)
    n = sum(len(plain(r)) + 90 for r in runs_of(b))
    return n + sum(len(x.text) for x in all_notes(Doc("", "", "", [b]))) + 60


def _paged(doc: Doc, st: HtmlStyle, front: str) -> str:
    """Pages of fixed size with ``columns`` columns; each column lists its blocks and, at its
    bottom, the notes called in it."""
    pages: list[list[list]] = [[[]]]
    used = 700 if front else 0
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            pages.append([[]])
            used = 0
            continue
        s = _size(b)
        if used + s > st.col_chars and pages[-1][-1]:
            if len(pages[-1]) < st.columns:
                pages[-1].append([])
            else:
                pages.append([[]])
            used = 0
        pages[-1][-1].append(b)
        used += s
    w, h = st.page_w_mm, st.page_h_mm
    out = [f"<style>@page {{ size: {w}mm {h}mm; margin: 0; }} "
           f".pg {{ width: {w}mm; height: {h}mm; box-sizing: border-box; padding: 18mm 16mm; "
           f"display: flex; flex-direction: column; break-after: page; overflow: hidden; }} "
           f".cols {{ flex: 1; display: flex; gap: 6mm; }} "
           f".col {{ flex: 1; display: flex; flex-direction: column; min-width: 0; }} "
           f".col .fnarea {{ margin-top: auto; border-top: 0.5pt solid #000; padding-top: 2mm; "
           f"font-size: .78em; line-height: 1.25; }} .fnarea p {{ margin: 0 0 1mm; }}"
           f".pgno {{ text-align: center; font-size: .8em; margin-top: 4mm; }}</style>"]
    for k, cols in enumerate(pages):
        out.append('<div class="pg">')
        if k == 0:
            out.append(front)
        out.append('<div class="cols">')
        for c in range(st.columns):
            blocks = cols[c] if c < len(cols) else []
            notes: list = []
            inner = "".join(_block(b, notes, st.heading_number_sep) for b in blocks)
            fn = ""
            if notes:
                fn = '<div class="fnarea">' + "".join(
                    f'<p id="nfoot{n.label}"><sup>{html.escape(n.label)}</sup> {html.escape(n.text)}</p>'
                    for n in notes) + "</div>"
            out.append(f'<div class="col">{inner}{fn}</div>')
        out.append(f'</div><div class="pgno">{k + 1}</div></div>')
    return "".join(out)


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise RuntimeError("Chromium is missing (Debian: apt-get install chromium)")
    return exe


def to_pdf(src_html: str, out_pdf: Path, st: HtmlStyle) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "doc.html"
        f.write_text(src_html, encoding="utf-8")
        cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               f"--user-data-dir={tmp}/profile", f"--print-to-pdf={tmp}/doc.pdf"]
        if st.outline:
            cmd.append("--generate-pdf-document-outline")
        if not st.tagged:
            cmd.append("--disable-pdf-tagging")
        cmd.append(f.as_uri())
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if not (Path(tmp) / "doc.pdf").is_file():
            raise RuntimeError(f"Chromium failed: {r.stderr[-400:]}")
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp) / "doc.pdf", out_pdf)
    return out_pdf
