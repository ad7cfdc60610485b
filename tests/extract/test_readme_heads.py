"""Headings of a README printed from HTML, found by what a reader goes by rather than by
thresholds fitted to TeX output (realaudit6: Qt's QPdfWriter and a browser):

- a numbered title may hold an arrow between words ("1.1 中文文本 => 词数"): no formula;
- "2.1 使用 pip 安装" and "2.2 从代码库安装", one heading style whose glyphs come from a
  Latin and a CJK face, with one command between them, are headings, not list items;
- the numbering that opens under the title and its short badge lines ends the title page
  ("1.3 其他" is a heading, as "1.1" is);
- a bold line ended far short of the measure over text in lower case ended there
  ("Unix prerequisites" over "gcc 12 or newer …"): no sentence runs on from it;
- a display-size line with a colon over a paragraph is a title ("Proposal: …");
- links to other versions in the link colour are no headings.

Fixtures: readme-heads.html (written for this test) printed by Qt 6
(``QT_QPA_PLATFORM=offscreen python3 qt-print.py readme-heads.html readme-heads-qt.pdf``,
PyQt6 QTextDocument → QPdfWriter, A4) and by Chromium (``chromium --headless
--no-pdf-header-footer --print-to-pdf=readme-heads-chromium.pdf readme-heads.html``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED = [
    ("1", "功能", 1), ("1.1", "中文文本 => 词数", 2), ("1.2", "英文文本 => 词数", 2),
    ("1.3", "其他", 2), ("2", "安装", 1), ("2.1", "使用 pip 安装", 2), ("2.2", "从代码库安装", 2),
    ("3", "使用", 1), (None, "Unix prerequisites", 3), (None, "Windows prerequisites", 3),
    (None, "Proposal: Counting words in a third script", 1), ("4", "旧版本", 1),
    ("5", "许可证", 1)]


@pytest.mark.parametrize("name", ["readme-heads-qt.pdf", "readme-heads-chromium.pdf"])
def test_readme_headings(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert doc.title == "tallyho: counting words in two scripts"
    assert [(h.number, h.text, h.level) for h in doc.headings] == EXPECTED
