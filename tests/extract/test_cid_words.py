"""Glyphs a font maps to no Unicode are read back from the words they stand in
(extract/cidwords.py), and what cannot be read is reported.

Fixtures: ``cid-words.md`` set by XeTeX (pandoc, Latin Modern's ff/fi/fl/ffi ligatures)
and ``cid-words.html`` by Chromium (DejaVu Serif), each with some ToUnicode entries taken
out afterwards by ``fixtures/strip_tounicode.py`` (the ligatures; the letter y): the
holes Word 2016 leaves in words (``o(cid:415)ce``).
"""

from __future__ import annotations

import pytest

from pariter.extract import extract_pdf
from pariter.extract.chars import Char
from pariter.extract.cidwords import recover

from tests.helpers import ROOT

FIX = ROOT / "tests" / "extract" / "fixtures"


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_ligatures_without_unicode_are_read_from_their_words(reader: str) -> None:
    doc = extract_pdf(FIX / "cid-words-xelatex-stripped.pdf", reader=reader, jobs=1)
    text = " ".join(p.text for p in doc.paragraphs)
    for word in ("office", "file", "financial", "first", "fifty", "Specific", "efficient",
                 "staff", "reaffirm", "floor", "flow", "Conflicts", "Effective", "flight"):
        assert word in text.split() or word + "," in text or word + "." in text, word
    assert " o ce" not in text and " le " not in text
    codes = {w.code for w in doc.warnings}
    assert "cid_recovered" in codes and "cid_glyphs" not in codes
    said = next(w.message for w in doc.warnings if w.code == "cid_recovered")
    assert "'ffi'" in said and "'fl'" in said


def test_a_letter_without_unicode_is_read_from_its_words() -> None:
    doc = extract_pdf(FIX / "cid-words-chromium-stripped.pdf", jobs=1)
    text = " ".join(p.text for p in doc.paragraphs)
    for word in ("fifty", "year.", "they", "day.", "by", "every"):
        assert f" {word} " in f" {text} ", word
    assert "cid_glyphs" not in {w.code for w in doc.warnings}


def _word(text: str, x: float, code: str = "(cid:7)") -> list[Char]:
    out = []
    for ch in text:
        t = code if ch == "?" else ch
        out.append(Char(t, x, 0.0, x + 5.0, 10.0, "F+Serif", 10.0, None, True, 8.0,
                        len(out), None, unmapped=t.startswith("(cid:")))
        x += 5.0
    return out


def test_an_unread_glyph_stays_unread_when_its_words_do_not_say() -> None:
    """"sta?" read as staff, star, stay or stab: no reading is clearly the best, so the
    glyph stays (cid:N), for hygiene to drop and report."""
    chars = _word("sta?", 0.0) + _word("Sta?", 40.0)
    warnings: list = []
    recover(chars, 1, warnings)
    assert not warnings
    assert [c.text for c in chars if c.unmapped] == ["(cid:7)", "(cid:7)"]
    # one more word that only one reading makes a word settles it
    chars = _word("sta?", 0.0) + _word("Sta?", 40.0) + _word("E?ective", 80.0)
    recover(chars, 1, warnings)
    assert "".join(c.text for c in chars[:4]) == "staff"
    assert [w.code for w in warnings] == ["cid_recovered"]
