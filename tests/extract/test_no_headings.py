"""A document without any heading (a notice, a letter, a one-page paper) has no front
matter but what stands before its first paragraph of running text (its title, who it is
from): the rest is its body, not front matter. Fixtures: no-headings-latex.tex (pdflatex)
and no-headings.html (headless Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name, by", [
    ("no-headings-latex.pdf", "The Library Committee"),
    ("no-headings-chromium.pdf", "图书馆委员会"),
])
def test_a_document_without_headings_has_a_body(name: str, by: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert not doc.headings
    roles = [(p.text, p.role) for p in doc.paragraphs]
    assert len(roles) == 5
    assert roles[0][1] == "front" and roles[1] == (by, "front")
    assert [r for _, r in roles[2:]] == ["body"] * 3
