"""Two ways a line or a word was cut where the printed page shows none.

A space the source types between two ideographs is a word space: Asciidoctor PDF (Prawn)
justifies a Chinese line by its spaces only, so a line whose one space took all its
shortfall (the next word, a long path, did not fit) shows white wider than any gap
between ideographs; the line still runs to the measure and the white is closed above and
below, so the words after it ("如果") are the line's end, not a column of their own.
Fixture: spaced-zh.adoc (written for this test) through asciidoctor-pdf 2.3 with
spaced-zh-theme.yml (AR PL SungtiL GB as the CJK face).

A word set in capitals that the typesetter hyphenated at a line's end ("SPE-" / "CIAL" in
a licence's disclaimer) is read as its lower-case letters are: the word list decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.extract.textjoin import Lexicon, join2

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_stretched_typed_space_between_ideographs_keeps_the_line_whole() -> None:
    doc = extract_pdf(FIXTURES / "spaced-zh-asciidoctor.pdf")
    texts = ["".join(p.text.split()) for p in doc.paragraphs]
    assert not any(t == "如果" for t in texts), texts
    assert any("以便其他程序读取的时候更加方便如果/usr/share/pairtool/default-folder-list.txt中没有找到" in t
               for t in texts), texts
    assert len([p for p in doc.paragraphs if p.role == "body"]) == 3


@pytest.mark.parametrize("a, b, joined", [
    ("INDIRECT, SPE-", "CIAL OR CONSEQUENTIAL", "INDIRECT, SPECIAL OR CONSEQUENTIAL"),
    ("WITHOUT WARRANTIES OR CONDI-", "TIONS OF ANY KIND", "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND"),
    ("an X-", "RAY image", "an X-RAY image"),
    ("letters A-", "Z only", "letters A-Z only"),
    ("NON-", "INFRINGEMENT.", "NON-INFRINGEMENT."),
])
def test_capitals_hyphenated_at_a_line_end(a: str, b: str, joined: str) -> None:
    assert join2(a, b, Lexicon(set())) == joined
