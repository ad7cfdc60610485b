"""The title of an inset (a note, a tip, a sidebar) heads no section: the inset is set in
from the running text as a whole, its title with it, and the text goes on at the outer
edge after it. DocBook's admonitions print so through FOP ("Note" in 14 pt bold, the
section titles out at the margin in sans); an HTML admonition box prints so too.

Fixtures: inset-notes.html printed by wkhtmltopdf (inset-notes-wkhtml.pdf; no outline, no
tags) and the same text as DocBook-XSL sets it in XSL-FO, printed by Apache FOP
(inset-notes.fo, ``fop -fo inset-notes.fo -pdf inset-notes-fop.pdf``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["inset-notes-wkhtml.pdf", "inset-notes-fop.pdf"])
def test_an_inset_title_heads_no_section(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == ["Introduction", "Handling Errors", "Proxies"]
    texts = [p.text for p in doc.paragraphs]
    assert texts.count("Note") == 3  # kept as text, the label of its box
    assert texts[texts.index("Note") + 1].startswith("There is an older revision")
