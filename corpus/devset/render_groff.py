"""Documents of the model through groff with the -ms macros (``groff -k -ms -Tpdf``): another
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


def to_ms(doc: Doc, st: GroffStyle) -> str:
    out = [f".nr PS {st.point_size}", f".nr VS {st.vertical_spacing}", f".nr FPS {st.note_size}",
           f".nr FVS {st.note_size + 2}", ".nr HM 1i", ".nr FM 1i", ".TL", _line(_esc(doc.title))]
    if doc.author:
        out += [".AU", _line(_esc(doc.author))]
    if st.columns == 2:
        out.append(".2C")
    para = ".PP" if st.indent_first else ".LP"
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            out.append(".bp")
        elif isinstance(b, Heading):
            num = b.number + (" " if b.number else "")
            out += [".SH", _line(_esc(num + b.text))]
        elif isinstance(b, (Para, Items)):
            groups = [b.runs] if isinstance(b, Para) else b.items
            for k, runs in enumerate(groups):
                notes: list = []
                text = _runs(runs, notes)
                if isinstance(b, Items):
                    out.append(f".IP {k + 1}. 3" if b.ordered else ".IP \\(bu 2")
                else:
                    out.append(para)
                # each callout's note follows the input line that holds the callout; the
                # punctuation after a callout stays on that line (a new input line is a space)
                pieces = text.split("\\**")
                carry = ""
                for j, piece in enumerate(pieces):
                    piece = carry + (piece.lstrip() if j == 0 else piece)
                    if j < len(pieces) - 1:
                        nxt = pieces[j + 1]
                        cut = len(nxt) - len(nxt.lstrip()) if nxt[:1].isspace() else \
                            next((k for k, ch in enumerate(nxt) if ch.isspace()), len(nxt))
                        out.append(_line(piece) + "\\**" + nxt[:cut].rstrip())
                        out += [".FS", _line(_esc(notes[j].text)), ".FE"]
                        pieces[j + 1] = nxt[cut:].lstrip()
                        carry = ""
                    elif piece.strip():
                        out.append(_line(piece))
        elif isinstance(b, Table):
            raise ValueError("groff documents here have no tables")
    return "\n".join(out) + "\n"


def groff_pdf(src: str, out_pdf: Path) -> Path:
    exe = shutil.which("groff")
    if not exe:
        raise RuntimeError("groff is missing (Debian: apt-get install groff)")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "doc.ms"
        f.write_text(src, encoding="utf-8")
        r = subprocess.run([exe, "-k", "-ms", "-Tpdf", str(f)], capture_output=True, timeout=300,
                           env={"PATH": "/usr/bin:/bin", "HOME": tmp, "SOURCE_DATE_EPOCH": "1700000000"})
        if r.returncode != 0 or not r.stdout.startswith(b"%PDF"):
            raise RuntimeError("groff -Tpdf failed (Debian: apt-get install groff for gropdf): "
                               + r.stderr.decode(errors="replace")[-400:])
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        out_pdf.write_bytes(r.stdout)
    return out_pdf
