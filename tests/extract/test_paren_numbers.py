"""A heading number closed by a parenthesis (``2)``, ``1.2)``, ``1.1.2)``: an outline
numbering word processors offer, and CSS counters print the same) is the heading's
number, its dots give its depth, and the heading's text is what follows it. Read as part
of the title, a LibreOffice outline whose entries carry such numbers matched no heading,
and ``1.1.2) Gimp-Print 4.2`` read as a number before a ")"; the headings were lost.

Fixtures: paren-numbers.fodt converted by LibreOffice Writer with bookmarks off
(paren-numbers-lo.pdf: numbering decides) and on (paren-numbers-lo-outline.pdf: the
outline decides); paren-numbers.html printed by headless Chromium (its tags decide)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import headings as hd
from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"

LO = [(1, "1)", "Introduction"), (2, "1.1)", "What the driver does"),
      (2, "1.2)", "History of the driver"), (3, "1.2.1)", "The early years"),
      (3, "1.2.2)", "Later releases"), (2, "1.3)", "Note to packagers"),
      (1, "2)", "General requirements"), (1, "3)", "Installation"), (2, "3.1)", "Overview")]
CHROMIUM = [x for x in LO if x[0] < 3 and x[2] != "Note to packagers"]


@pytest.mark.parametrize("name, source, expected", [
    ("paren-numbers-lo.pdf", "numbering", LO),
    ("paren-numbers-lo-outline.pdf", "outline", LO),
    ("paren-numbers-chromium.pdf", "tags", CHROMIUM),
])
def test_numbers_closed_by_a_parenthesis(name: str, source: str, expected: list) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [(h.level, h.number, h.text) for h in doc.headings] == expected
    assert {h.source for h in doc.headings} == {source}


def test_split_number_with_parenthesis() -> None:
    assert hd.split_number("1.1.2) Gimp-Print 4.2") == ("1.1.2)", "Gimp-Print 4.2")
    assert hd.dotted_depth("1.1.2)") == 3
    assert hd.split_number("2) General Requirements") == ("2)", "General Requirements")
    assert hd.split_number("a) do not steal") == ("a)", "do not steal")
    # a figure before a parenthesis inside a sentence is no number
    assert hd.split_number("2)was printed")[0] is None
