"""URLs broken at a line's end read back whole.

Two properties of documents in general: an overfull line (TeX sets an address it cannot
break past the margin, and on a narrow page past the page's edge) goes on in the glyphs
drawn beyond the edge; and a hyphen a typesetter put at a URL's break (DBLaTeX does) is
no part of the URL where the document gives the URL whole elsewhere (a link annotation,
the same URL printed inside a line). The fixtures' source is url-breaks-latex.tex (pdflatex,
and the same file through xelatex) and url-breaks.html (headless Chromium, which clips
what lies past the page, so it shows the hyphen only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.chars import Char
from pariter.extract.document import extract_pdf
from pariter.extract.hygiene import clean
from pariter.extract.textjoin import join2, url_key, vocabulary

FIXTURES = Path(__file__).parent / "fixtures"


def _texts(name: str) -> list[str]:
    return [p.text for p in extract_pdf(FIXTURES / name).paragraphs]


@pytest.mark.parametrize("name", ["url-breaks-latex.pdf", "url-breaks-xelatex.pdf",
                                  "url-breaks-chromium.pdf"])
def test_a_break_hyphen_the_link_does_not_have_goes(name: str) -> None:
    texts = _texts(name)
    assert any("full listing is at http://lists.example.org/users.html with a short" in t
               for t in texts)
    # a line that ends a URL with a slash and goes on with prose keeps its space
    assert any("http://qa.example.org/watch/sf.php/ and then applies" in t for t in texts)
    # without a link or the URL printed whole, nothing tells the hyphen is the break's
    assert any("http://mirror.example.net/-pool/main/ is where" in t for t in texts)


@pytest.mark.parametrize("name", ["url-breaks-latex.pdf", "url-breaks-xelatex.pdf"])
def test_an_overfull_line_goes_on_past_the_page_edge(name: str) -> None:
    texts = _texts(name)
    assert any("kept at http://archive.example.org/mentors/archive-of-the-list.html for anyone"
               in t for t in texts)


def _glyph(c: str, x: float, baseline: float = 100.0, size: float = 10.0) -> Char:
    return Char(text=c, x0=x, x1=x + 5.0, top=baseline - 8.0, bottom=baseline + 2.0,
                size=size, fontname="Times", baseline=baseline)


def test_glyphs_off_the_page_that_continue_no_line_are_dropped() -> None:
    width = 100.0
    line = [_glyph(c, 80.0 + 5 * k) for k, c in enumerate("abcdef")]  # runs past x=100
    stray = [_glyph("z", 400.0, baseline=50.0)]  # placed off the page on its own
    kept = clean(line + stray, width, 200.0, 1, warnings := [])
    assert "".join(c.text for c in kept) == "abcdef"
    assert any("outside the page" in w.message for w in warnings)
    # a glyph past the edge on another baseline does not run on
    other = [_glyph("a", 90.0), _glyph("b", 101.0, baseline=130.0)]
    assert "".join(c.text for c in clean(other, width, 200.0, 1, [])) == "a"


def test_the_hyphen_goes_only_on_the_document_s_evidence() -> None:
    words = vocabulary(["see http://lists.example.org/users.html (the list) for more"])
    assert url_key("https://www.Example.org/a/") == "Example.org/a"
    assert join2("at http://lists.example.org/-", "users.html) now", words) \
        == "at http://lists.example.org/users.html) now"
    # a URL whose own path has the hyphen keeps it
    words.urls.add(url_key("http://lists.example.org/-users.html"))
    assert join2("at http://lists.example.org/-", "users.html) now", words) \
        == "at http://lists.example.org/-users.html) now"
    assert join2("at http://other.example.org/-", "users.html", vocabulary([])) \
        == "at http://other.example.org/-users.html"
