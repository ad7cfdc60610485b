"""A description list's term printed on a line of its own over its indented description
(DocBook's variablelist as HTML prints it) is a unit of its own, not the first words of
its description's paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


EN_TERMS = {"Version 0.60": "When 0.60 was released", "Shortcut Editor": "You can now edit",
            "Plug-in Previews": "We have provided", "Version 0.99": "In February 1997",
            "Version 1.0": "Version 1.0 was finally"}


@pytest.mark.parametrize("name,terms", [
    # deflist.html printed by headless Chromium and by wkhtmltopdf: DocBook's variablelist
    # as HTML prints it, the terms outdented on lines of their own, each description
    # indented under it
    ("deflist-chromium.pdf", EN_TERMS),
    ("deflist-wkhtml.pdf", EN_TERMS),
    # deflist-zh.html printed by wkhtmltopdf: each description indented by about half its
    # term's width (the terms make a narrow column of their own, in which each is "full")
    ("deflist-zh-wkhtml.pdf", {"0.54 版": "0.54 版于 1996 年二月发布", "0.60 版": "当 0.60 版在",
                               "0.99 版": "在 1997 年二月", "1.0 版": "1.0 版最终于"}),
])
def test_a_term_over_its_description_is_a_unit_of_its_own(name: str, terms: dict[str, str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    texts = [p.text for p in doc.paragraphs]
    for term, description in terms.items():
        assert term in texts, (term, texts)
        assert texts[texts.index(term) + 1].startswith(description), texts
