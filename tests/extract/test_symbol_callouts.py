"""Symbol callouts printed on the line, in the text's type and glued to the word they
follow (``piece.*``, ``advance.†``, ``open.**``), call the note with that symbol on their
page: a dagger after a word is a callout or nothing, and an asterisk glued there is one
where its note is printed. The symbol runs glued to words in the page's text also tell
the notes apart where the symbols' order is the house's own (groff's mom numbers
``* † ‡ **``, not LaTeX's ``* † ‡ §``).

Fixtures: symbol-notes.mom (groff 1.22 ``-mom -Tpdf``, ``FOOTNOTE_MARKER_STYLE STAR``)
and symbol-notes.tex (pdfLaTeX with ``\\fnsymbol`` marks set on the line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name, labels", [
    ("symbol-notes-mom.pdf", ["*", "†", "‡", "**"]),
    ("symbol-notes-latex.pdf", ["∗", "†", "‡", "§"]),
])
def test_symbol_callouts_on_the_line(name: str, labels: list[str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [n.label for n in doc.footnotes] == labels
    assert doc.footnotes[3].text == "Mobile form is the usual name."
    notes = {n.id: n.label for n in doc.footnotes}
    assert [(m.label, notes.get(m.footnote or "")) for m in doc.markers] == [(x, x) for x in labels]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "in a piece. The method" in text and "*" not in text and "†" not in text


def test_a_symbol_inside_a_word_or_before_one_is_no_callout() -> None:
    from pariter.extract.footnotes import glued_symbols

    assert glued_symbols("rm *.txt and a*b, but clita.* Stet and Sadipscing**") == ["*", "**"]
