"""A vertical rule drawn between two pieces of text on one line parts them: they are the
cells of a row (an admonition's label beside its text), not one line of a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.chars import Char, Rule
from pariter.extract.document import extract_pdf
from pariter.extract.lines import build_lines

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", [
    # asciidoctor's admonition markup (a one-row table, a rule left of the text cell)
    # printed by headless Chromium, as KiCad's English manual is
    "admonition-rule.pdf",
    # a LaTeX tabular {p|p} with the label and the note, typeset by pdflatex
    "admonition-rule-latex.pdf",
])
def test_a_one_line_admonition_keeps_its_label_apart(name: str) -> None:
    texts = [p.text for p in extract_pdf(FIXTURES / name).paragraphs]
    note = next(i for i, t in enumerate(texts) if t.startswith("Only files"))
    assert texts[note - 1] == "NOTE"
    assert texts[note] == "Only files the program can open are shown in the tree view."
    tip = next(i for i, t in enumerate(texts) if t.startswith("Icons in menus"))
    assert texts[tip - 1].upper() == "TIP"
    # the paragraphs around them are whole
    assert any(t.startswith("The toolbar on the left") and t.endswith("that run them.")
               for t in texts)


def _word(x: float, text: str, seq: int, size: float = 10.0, baseline: float = 100.0
          ) -> list[Char]:
    w = 0.5 * size
    return [Char(text=c, x0=x + k * w, x1=x + (k + 1) * w, top=baseline - 0.8 * size,
                 bottom=baseline + 0.2 * size, size=size, fontname="Helvetica",
                 baseline=baseline, seq=seq + k) for k, c in enumerate(text)]


def test_a_rule_in_the_white_parts_a_line_and_only_there() -> None:
    # "Label" ends at x 75; the text starts 0.8 em further, a wide word space
    chars = _word(50, "Label", 0) + _word(83, "text goes on here", 5)
    assert [l.text for l in build_lines(chars, 1)] == ["Label text goes on here"]
    wall = Rule(78.5, 88.0, 79.2, 104.0)  # through the line's middle, in the white
    got = sorted(build_lines(chars, 1, rules=[wall]), key=lambda l: l.x0)
    assert [(l.text, l.walled) for l in got] == [("Label", False), ("text goes on here", True)]
    # a rule above or below the line, a tick shorter than half the type, or a rule across
    # the text itself part nothing
    for other in (Rule(78.5, 60.0, 79.2, 80.0), Rule(78.5, 95.0, 79.2, 98.0),
                  Rule(60.0, 88.0, 60.7, 104.0)):
        assert [l.text for l in build_lines(chars, 1, rules=[other])] == ["Label text goes on here"]
