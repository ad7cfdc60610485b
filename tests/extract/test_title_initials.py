"""An author's initial under a document's title ("A. Maintainer") is no heading number:
in the title region a number makes a heading only when its scheme goes on later (an
"1 Introduction" there is followed by "2"). Read as section A, it pushed every numbered
heading a level down.

Fixtures: initial.ms (groff 1.22 ``-ms -Tpdf``: ``.TL``, ``.AU``, ``.AI``, ``.NH``) and
initial.html (headless Chromium: a centred italic author line under the ``h1``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name, heads", [
    ("initial-groff-ms.pdf", [(1, "1.", "Introduction"), (2, "1.1.", "What it does"),
                              (2, "1.2.", "What it does not do"), (1, "2.", "Getting started"),
                              (1, None, "A note on versions"), (2, "2.1.", "Directories")]),
    ("initial-chromium.pdf", [(1, "1.", "Introduction"), (1, "2.", "Getting started"),
                              (1, "3.", "Directories")]),
])
def test_an_authors_initial_is_no_heading_number(name: str, heads: list) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [(h.level, h.number, h.text) for h in doc.headings] == heads
