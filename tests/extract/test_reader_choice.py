"""A file one reader cannot decode is read by the other: PDFKit's Chinese documents.

PDFKit (the Node.js PDF library) subsets a CJK font and writes its ToUnicode map as
ranges of 256 codes; once a font has more than about 250 glyphs in a document, PDFium
(build 159) no longer uses that map and reports every glyph's code instead of its
character, while pdfminer reads the map. ``extract_pdf`` then sees a reading that found
no character for its glyphs, reads the file with pdfplumber as well, keeps the reading
that decoded more, and says so in a ``reader_fallback`` warning. One PDF printed by
PDFKit is kept as a fixture (its build script beside it), so the test runs everywhere; the
others are printed by PDFKit at test time (skipped where node, PDFKit or a Noto CJK font is
missing).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pariter.extract import extract_pdf

FIX = Path(__file__).parent / "fixtures"
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")

SCRIPT = r"""
const PDFDocument = require('pdfkit'); const fs = require('fs');
const [out, font, text] = process.argv.slice(2);
const doc = new PDFDocument({info: {CreationDate: new Date(Date.UTC(2026, 0, 1))}});
doc.pipe(fs.createWriteStream(out));
doc.font(font, 'NotoSerifCJKsc-Regular').fontSize(11);
for (const p of JSON.parse(text)) doc.text(p, {paragraphGap: 6});
doc.end();
"""


def _node_env() -> dict[str, str]:
    env = dict(os.environ)
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs npm)")
    if npm is not None and "NODE_PATH" not in env:
        root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True).stdout.strip()
        env["NODE_PATH"] = root
    if subprocess.run([node, "-e", "require('pdfkit')"], env=env, capture_output=True).returncode:
        pytest.skip("the pdfkit Node module is not installed (npm install -g pdfkit)")
    if not NOTO_CJK.exists():
        pytest.skip(f"{NOTO_CJK} is missing (apt-get install fonts-noto-cjk)")
    return env


def _pdfkit(tmp_path: Path, name: str, paragraphs: list[str]) -> Path:
    env = _node_env()
    out = tmp_path / name
    script = tmp_path / "print.js"
    script.write_text(SCRIPT, encoding="utf-8")
    subprocess.run(["node", str(script), str(out), str(NOTO_CJK), json.dumps(paragraphs)],
                   env=env, check=True, timeout=120)
    return out


def _paragraphs(distinct: int) -> list[str]:
    """Chinese paragraphs drawing ``distinct`` different ideographs (and a few marks)."""
    han = [chr(0x4E00 + 7 * i) for i in range(distinct)]
    return ["第" + "".join(han[i:i + 40]) + "。" for i in range(0, distinct, 40)]


def _read_by_the_reader_that_decodes(pdf: Path, paragraphs: list[str]) -> None:
    doc = extract_pdf(pdf)
    text = "".join(p.text for p in doc.paragraphs)
    assert all(p in text for p in paragraphs), text[:200]
    fallback = [w for w in doc.warnings if w.code == "reader_fallback"]
    assert len(fallback) == 1 and "read with pdfplumber" in fallback[0].message
    # and with pdfplumber asked for first, it is read the same way, without a second reading
    again = extract_pdf(pdf, reader="pdfplumber")
    assert [p.text for p in again.paragraphs] == [p.text for p in doc.paragraphs]
    assert not [w for w in again.warnings if w.code == "reader_fallback"]


def test_the_kept_pdfkit_file_is_read_by_the_reader_that_decodes_it():
    # fixtures/pdfkit-zh.pdf: fixtures/pdfkit-zh.js, the paragraphs of _paragraphs(300)
    _read_by_the_reader_that_decodes(FIX / "pdfkit-zh.pdf", _paragraphs(300))


def test_many_glyphs_are_read_by_the_reader_that_decodes_them(tmp_path):
    paragraphs = _paragraphs(320)
    _read_by_the_reader_that_decodes(_pdfkit(tmp_path, "many.pdf", paragraphs), paragraphs)


def test_a_file_pdfium_decodes_is_read_once(tmp_path):
    # the same producer and font with fewer glyphs: PDFium reads the map, nothing changes
    paragraphs = _paragraphs(120)
    doc = extract_pdf(_pdfkit(tmp_path, "few.pdf", paragraphs))
    assert "".join(p.text for p in doc.paragraphs) == "".join(paragraphs)
    assert not [w for w in doc.warnings if w.code == "reader_fallback"]
