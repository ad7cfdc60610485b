"""A description list set beside its terms (DocBook's variablelist as Apache FOP prints it,
troff's tagged paragraphs as groff prints them) is text: each term stands on the first line
of its description, which wraps as running text. Read as an unruled table it left the
running text, and an aligner never saw it; an HTML table centring a term against a
two-line cell stays a table (test_unruled_tables). Fixtures: variablelist-fop.xml through
the DocBook XSL FO style sheets (xsltproc) and `fop`; variablelist-groff.man through
`groff -Tpdf -man`."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"

DESCRIPTIONS = ["The name of the binary package.", "The version of the package,",
                "The name and mail address", "The packages that must be installed"]


@pytest.mark.parametrize("name", ["variablelist-fop.pdf", "variablelist-groff.pdf"])
def test_terms_and_descriptions_stay_text(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert not doc.tables
    text = "\n".join(p.text for p in doc.paragraphs if p.role == "body")
    for term in ("Package", "Version", "Maintainer", "Depends"):
        assert term in text
    for d in DESCRIPTIONS:
        assert d in text
    # the paragraph before the list keeps its last line ("who looks after it; the tools …")
    assert any("who looks after it; the tools read them in this order." in p.text
               for p in doc.paragraphs)
