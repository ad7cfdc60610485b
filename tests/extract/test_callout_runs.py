"""Two callouts in a row (``it⁴⁵``: a source's two note references side by side) read as
one raised group ``45``: where notes 4 and 5 are both printed on the page and nothing
else calls them, both are callouts. And a first page's line with three callouts between
commas is no line of authors' names when its pieces are lower-case words
(``inherited¹, exchanged², or bought³``): names are capitalised.

Fixtures, one text in two producers: callouts.rst through pandoc's ms writer and groff's
PDF driver (``pandoc -s -f rst -t ms callouts.rst -o callouts.ms; groff -ms -Tpdf -ket
callouts.ms > callouts-groff.pdf``) and callouts.tex by pdfLaTeX (article class)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["callouts-groff.pdf", "callouts-pdflatex.pdf"])
def test_callouts_in_a_row_and_between_commas(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    paras = {p.id: p.text for p in doc.paragraphs}
    notes = {n.id: n.label for n in doc.footnotes}
    got = [(m.label, notes.get(m.footnote), paras[m.paragraph][:m.offset].split()[-1])
           for m in doc.markers]
    assert got == [("1", "1", "inherited"), ("2", "2", "exchanged"), ("3", "3", "bought"),
                   ("4", "4", "it"), ("5", "5", "it")]
    assert not any("it4" in t or "it45" in t for t in paras.values())
