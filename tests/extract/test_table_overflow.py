"""A ruled table's cells read whole: wrapped lines and words run past the rule.

Two properties of tables in general. A cell wraps its words as a paragraph does, so the
break between two of its lines is a word space between Latin letters and none between
ideographs (the cells were glued: ``(Debianchanges)``). And a typesetter that cannot
break a long token in a narrow column lets it run past the cell's right rule (TeX's
overfull box; DBLaTeX's tables in the Debian Reference): the part past the rule was cut
off the cell, and the line came back a second time as a paragraph. Fixtures:
table-overflow-latex.tex through pdflatex (table-overflow-latex.pdf, whose typewriter
underscore is a drawn rule, no glyph) and LuaLaTeX (table-overflow-lualatex.pdf), and
table-overflow-zh.tex through XeLaTeX/ctex."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.chars import _join_cell_lines
from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["table-overflow-latex.pdf", "table-overflow-lualatex.pdf"])
def test_latin_cells_wrap_with_spaces_and_keep_what_runs_past_the_rule(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    [table] = doc.tables
    first = [r[0] for r in table.rows]
    assert "The binary package for the debian-installer (a.k.a udeb)" in first
    assert "The source package (Debian changes)" in first
    assert "The description of the source package" in first
    names = [r[1].replace(" ", "_") for r in table.rows]
    assert "package-name_upstream-version-debian.revision_architecture.udeb" in names
    assert "package-name_upstream-version.debian.tar.gz" in names
    # the overflowing line is the table's only: no paragraph repeats it
    assert not any("package-name" in p.text for p in doc.paragraphs)


def test_chinese_cells_wrap_without_spaces() -> None:
    doc = extract_pdf(FIXTURES / "table-overflow-zh.pdf")
    [table] = doc.tables
    assert ["用于安装程序的二进制软件包，也称为微型软件包",
            "package-name_upstream-version-debian.revision_architecture.udeb"] in table.rows
    assert ["源代码软件包（对上游源代码所做的修改）",
            "package-name_upstream-version.debian.tar.gz"] in table.rows
    assert not any("package-name" in p.text for p in doc.paragraphs)


def test_joining_a_cell_s_lines() -> None:
    assert _join_cell_lines("The source package\n(Debian changes)") == "The source package (Debian changes)"
    assert _join_cell_lines("for the debian-\ninstaller") == "for the debian-installer"
    assert _join_cell_lines("用于安装程序的二进\n制软件包") == "用于安装程序的二进制软件包"
    assert _join_cell_lines("版本 2.0\nand more") == "版本 2.0 and more"
    assert _join_cell_lines("说明\nREADME") == "说明README"
