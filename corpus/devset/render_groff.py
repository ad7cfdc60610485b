"""Documents of the model through groff with the -ms or -me macros (``groff -k -ms -Tpdf``): another
typesetter than TeX, LibreOffice, Chromium and Typst, with its own footnote machinery (``\\**``
numbers a callout, ``.FS``/``.FE`` hold its note, set at the foot of the column), one or two
columns (``.2C``), running page numbers ``- N -`` in the header."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docmodel import B, Doc, Heading, I, Items, Mark, Note, PageBreak, Para, Sub, Sup, Table


@dataclass
class GroffStyle:
    columns: int = 1
    point_size: int = 10
    vertical_spacing: int = 12
    note_size: int = 8
    indent_first: bool = True  # .PP (first-line indent) or .LP (block paragraphs)
    # -ms footnote format (the FF register): 0 raised label, 1 raised and not indented,
    # 2 label on the line followed by a period, 3 the same with a hanging indent
    note_format: int = 0


def _esc(s: str) -> str:
    """Text as troff reads it: backslashes escaped, a line never starting with a control
    character, one source line per paragraph."""
    s = s.replace("\\", "\\e").replace("\n", " ")
    return s


def _line(s: str) -> str:
    return ("\\&" + s) if s[:1] in ".'" else s


def _runs(runs, notes: list) -> str:
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(_esc(r))
        elif isinstance(r, B):
            out.append("\\fB" + _esc(r.text) + "\\fP")
        elif isinstance(r, I):
            out.append("\\fI" + _esc(r.text) + "\\fP")
        elif isinstance(r, Sup):
            out.append("\\*{" + _esc(r.text) + "\\*}")
        elif isinstance(r, Sub):
            out.append("\\*<" + _esc(r.text) + "\\*>")
        elif isinstance(r, Mark):
            out.append("\\*{" + _esc(r.label) + "\\*}")
        elif isinstance(r, Note):
            if r.kind != "foot":
                raise ValueError("groff documents here use footnotes only")
            out.append("\\**")
            notes.append(r)
    return "".join(out)


def _note_lines(text: str, notes: list, fs_fe: tuple[str, str], note_prefix: str = "") -> list[str]:
    """Input lines of a paragraph whose callouts (``\\**``) are each followed by their note
    between the macro package's note requests (-ms ``.FS``/``.FE``, -me ``.(f``/``.)f``); the
    punctuation after a callout stays on the callout's line (a new input line is a space)."""
    out: list[str] = []
    pieces = text.split("\\**")
    for j, piece in enumerate(pieces):
        piece = piece.lstrip() if j == 0 else piece
        if j < len(pieces) - 1:
            nxt = pieces[j + 1]
            cut = len(nxt) - len(nxt.lstrip()) if nxt[:1].isspace() else \
                next((k for k, ch in enumerate(nxt) if ch.isspace()), len(nxt))
            out.append(_line(piece) + "\\**" + nxt[:cut].rstrip())
            out += [fs_fe[0], _line(note_prefix + _esc(notes[j].text)), fs_fe[1]]
            pieces[j + 1] = nxt[cut:].lstrip()
        elif piece.strip():
            out.append(_line(piece))
    return out


def _body(doc: Doc, para: str, heading, item, notes: tuple[str, str], note_prefix: str = "",
          clause_numbers: bool = False) -> list[str]:
    """Input lines of the blocks, the macro package's own requests given: ``heading(b)`` and
    ``item(b, k)`` write a heading's and a list item's requests, ``para`` opens a paragraph,
    ``notes`` hold a note; ``clause_numbers``: a clause's number is set in bold before it."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            out.append(".bp")
        elif isinstance(b, Heading):
            out += heading(b)
        elif isinstance(b, (Para, Items)):
            groups = [b.runs] if isinstance(b, Para) else b.items
            for k, runs in enumerate(groups):
                found: list = []
                text = _runs(runs, found)
                out.append(item(b, k) if isinstance(b, Items) else para)
                if isinstance(b, Para) and b.number and clause_numbers:
                    text = "\\fB" + _esc(b.number) + "\\fP\\ \\ " + text.lstrip()
                out += _note_lines(text, found, notes, note_prefix)
        elif isinstance(b, Table):
            raise ValueError("groff documents here have no tables")
    return out


def to_ms(doc: Doc, st: GroffStyle) -> str:
    out = [f".nr PS {st.point_size}", f".nr VS {st.vertical_spacing}", f".nr FPS {st.note_size}",
           f".nr FVS {st.note_size + 2}", ".nr HM 1i", ".nr FM 1i",
           *([f".nr FF {st.note_format}"] if st.note_format else []), ".TL", _line(_esc(doc.title))]
    if doc.author:
        out += [".AU", _line(_esc(doc.author))]
    if st.columns == 2:
        out.append(".2C")
    out += _body(doc, ".PP" if st.indent_first else ".LP",
                 lambda b: [".SH", _line(_esc(b.number + (" " if b.number else "") + b.text))],
                 lambda b, k: f".IP {k + 1}. 3" if b.ordered else ".IP \\(bu 2", (".FS", ".FE"))
    return "\n".join(out) + "\n"


def to_me(doc: Doc, st: GroffStyle) -> str:
    """The -me macros (Eric Allman's): ``.sh N`` numbers the headings itself (``1.``,
    ``1.1.``: the model's numbers must be these), ``.pp`` paragraphs, ``.(f``/``.)f`` notes whose
    text opens with the label ``\\**``, ``.ip`` list items; the running header (``.he``)
    carries the title of the current level-1 section from the page after it starts."""
    out = [f".nr pp {st.point_size}", f".nr sp {st.point_size}", f".nr fp {st.note_size}", ".(l C",
           "\\fB\\s+4" + _esc(doc.title) + "\\s0\\fP"]
    if doc.author:
        out.append(_line(_esc(doc.author)))
    out.append(".)l")
    if st.columns == 2:
        out.append(".2c")

    def heading(b: Heading) -> list[str]:
        if "|" in b.text or '"' in b.text:
            raise ValueError(f"a -me heading cannot hold | or \": {b.text!r}")
        lines = [f'.sh {b.level} "{_esc(b.text)}"' if b.number else f'.uh "{_esc(b.text)}"']
        if b.level == 1:
            lines.append(f".he |%||\\fI{_esc(b.text)}\\fP|")
        return lines

    out += _body(doc, ".pp" if st.indent_first else ".lp", heading,
                 lambda b, k: f'.ip "{_item_label(b.label if b.ordered else "", k)}" 4', (".(f", ".)f"),
                 note_prefix="\\**", clause_numbers=True)
    return "\n".join(out) + "\n"


def _item_label(label: str, k: int) -> str:
    """The printed label of item ``k`` (0-based) of a list labelled like ``label``."""
    if not label:
        return "\\(bu"
    alpha, roman = "abcdefghij"[k], ["i", "ii", "iii", "iv", "v", "vi"][k]
    return label.replace("1", str(k + 1)).replace("a", alpha).replace("i", roman)


def groff_pdf(src: str, out_pdf: Path, macros: str = "s") -> Path:
    """``macros``: the macro package as groff's -m names it (``s`` for -ms, ``e`` for -me)."""
    exe = shutil.which("groff")
    if not exe:
        raise RuntimeError("groff is missing (Debian: apt-get install groff)")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / f"doc.m{macros}"
        f.write_text(src, encoding="utf-8")
        r = subprocess.run([exe, "-k", f"-m{macros}", "-Tpdf", str(f)], capture_output=True, timeout=300,
                           env={"PATH": "/usr/bin:/bin", "HOME": tmp, "SOURCE_DATE_EPOCH": "1700000000"})
        if r.returncode != 0 or not r.stdout.startswith(b"%PDF"):
            raise RuntimeError("groff -Tpdf failed (Debian: apt-get install groff for gropdf): "
                               + r.stderr.decode(errors="replace")[-400:])
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        out_pdf.write_bytes(r.stdout)
    return out_pdf
