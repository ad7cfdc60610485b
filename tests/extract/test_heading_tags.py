"""A tagged PDF's heading elements (``H``, ``H1``…``H6``) make headings wherever a producer
writes them, whatever the elements the producer wraps their text in, and their levels
count from the shallowest heading tag among the headings (the ``H1`` of a web page is its
title). Chromium puts the text of every element in a ``NonStruct`` (``H3 > NonStruct``),
which ISO 32000 gives no meaning of its own; LibreOffice tags the text directly.

Fixtures: heading-tags.html printed by headless Chromium (heading-tags-chromium.pdf) and
converted by LibreOffice Writer with tagging on and bookmarks off (heading-tags-lo.pdf).
Its one ``h3`` is set bold at the body's size and occurs once: no style rule makes it a
heading, only its tag; a paragraph opening with a bold word stays a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["heading-tags-chromium.pdf", "heading-tags-lo.pdf"])
def test_heading_tags_make_headings_with_their_levels(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    heads = [(h.text.casefold(), h.level, h.source) for h in doc.headings]
    assert heads == [("sites and seasons", 1, "tags"), ("upper reaches", 2, "tags"),
                     ("methods compared", 1, "tags"), ("what we would change", 1, "tags")]
    assert any(p.text.startswith("Depth was read") for p in doc.paragraphs)


def test_nonstruct_says_nothing_of_the_block() -> None:
    from pariter.extract.chars import Char, StructNode

    node = StructNode("NonStruct", ("Document", "H2", "NonStruct"), 3)
    c = Char("A", 0, 0, 1, 1, "F", 10, struct=node)
    assert c.tag == "H2"
    assert Char("A", 0, 0, 1, 1, "F", 10, struct=StructNode("P", ("Document", "P"), 1)).tag == "P"
