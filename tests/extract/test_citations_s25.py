"""Citation fields of the note styles that the Bluebook, Chicago's patents and short forms,
the Australian Government and APA author–date note styles print, and of GB/T 7714 titles that
end in a date. The notes are composed here in each style's form, never taken from a measuring set."""

from __future__ import annotations

import pytest

from pariter.extract.citations import author_date_notes, parse_citations


def fields(c):
    return (c.author, c.title, c.date, c.url, c.accessed)


NOTES = [
    # Bluebook: a case with a URL and no reporter, its short form, a statute, an authorless book
    ("Ashby v. hollis, 12 (1991), https://example.org/cases/ashby-v-hollis.",
     (None, "Ashby v. hollis", "1991", "https://example.org/cases/ashby-v-hollis", None)),
    ("Ashby v. hollis, supra note 3.", (None, "Ashby v. hollis", None, None, None)),
    ("River safety act. Of 1971, 45–47 (1971), https://example.org/laws/river-safety.pdf.",
     (None, "River safety act. Of 1971", "1971", "https://example.org/laws/river-safety.pdf", None)),
    ("Fields and hedges: A survey of the valley, 3 (F. Marsh ed., 1983).",
     (None, "Fields and hedges: A survey of the valley", "1983", None, None)),
    # Bluebook: the pinpoint and the container between a title and its parenthesis
    ("A. Marsh, Counting sheep in the hills 12 (2019).",
     ("A. Marsh", "Counting sheep in the hills", "2019", None, None)),
    ("B. Dale & C. Fenn, Wells in dry summers, in Water and land 55 (D. Moor ed., 2005).",
     ("B. Dale & C. Fenn", "Wells in dry summers", "2005", None, None)),
    # a title that ends in a capitalised word and a number keeps it; a year range stays
    ("Ann Writer, The Valley Reports 4 (Northtown: Moor Books, 2012), 9.",
     ("Ann Writer", "The Valley Reports 4", "2012", None, None)),
    ("Ann Writer, Letters Home, 1928–1940, ed. Bo Reader (Northtown: Moor Books, 1999).",
     ("Ann Writer", "Letters Home, 1928–1940", "1999", None, None)),
    # Bluebook: a web page, its access clause in parentheses, a URL with an escaped comma
    ("Valley Trust, Walking routes, https://example.org/trust/routes (last visited Jul 12, 2019).",
     ("Valley Trust", "Walking routes", None, "https://example.org/trust/routes", "2019-07-12")),
    ("B. Dale, Wells in dry summers, (2013), https://example.org/files/Brief%201,%20Wells.pdf.",
     ("B. Dale", "Wells in dry summers", "2013", "https://example.org/files/Brief%201,%20Wells.pdf", None)),
    # the access clause joined to the URL with no space at a line break
    ("Valley Trust, Walking routes, https://example.org/trust/routes(last visited Jul 12, 2019).",
     ("Valley Trust", "Walking routes", None, "https://example.org/trust/routes", "2019-07-12")),
    # Chicago: patents; the short form of an authorless work
    ("G. Harrow and H. Lark, Gate latch for upland pens, 9500261, issued January 11, 1995, 45–47.",
     ("G. Harrow and H. Lark", "Gate latch for upland pens", "1995-01-11", None, None)),
    ("Ann Writer, Sheep dip, US Patent 4,586,960, filed June 26, 1984, and issued May 6, 1986.",
     ("Ann Writer", "Sheep dip", "1986-05-06", None, None)),
    ("“Marking the Boundary Stones,” 12.", (None, "Marking the Boundary Stones", None, None, None)),
    # Australian Government / APA: names with initials joined by commas and a final "&"
    ("D. Marsh, K. Dale, M. Fenn & L. Moor, “Hedges and birds,” Field Notes, vol. 14, no. 1, 2019, p. 3.",
     ("D. Marsh, K. Dale, M. Fenn & L. Moor", "Hedges and birds", "2019", None, None)),
    # an organisation named with two function words in a row
    ("Council for the Valley, “What We Heard,” 2013, 3, https://example.org/heard.pdf.",
     ("Council for the Valley", "What We Heard", "2013", "https://example.org/heard.pdf", None)),
    # an initialism as a name word; APA author-date with n.d., a colon pinpoint, a reprint
    ("U.S. Water Board n.d.: 3", ("U.S. Water Board", None, None, None, None)),
    ("Ashdown 2019: 12", ("Ashdown", None, "2019", None, None)),
    ("Eskdale 1970/1972: 8", ("Eskdale", None, "1972", None, None)),
    ("Vale 2015–", ("Vale", None, None, None, None)),
    # GB/T 7714: a date after the title's colon is part of the title, a standard's number is not
    ("河谷学会. 河谷年鉴: 2003[M/OL]. 北京: 河谷出版社, 2003: 45-47[2014-04-25]. http://example.org/b/1.",
     ("河谷学会", "河谷年鉴: 2003", "2003", "http://example.org/b/1", "2014-04-25")),
    ("河谷委员会. 河谷委员会的报告:1958-12-11[M]. 北京: 河谷档案馆, 1958: 45-47.",
     ("河谷委员会", "河谷委员会的报告:1958-12-11", "1958", None, None)),
    ("国家标准局. 文献著录: GB/T 7714—2015[S]. 北京, 2015.", ("国家标准局", "文献著录", "2015", None, None)),
    # GB/T: a foreign surname in characters with its initials, spaced by xeCJK or not
    ("昂温 G. 昂温 P S. 河谷史[M]. 王一, 译. 河谷出版社, 1988.", ("昂温 G. 昂温 P S", "河谷史", "1988", None, None)),
    ("昂温G. 昂温P S. 河谷史[M]. 王一, 译. 河谷出版社, 1988.", ("昂温G. 昂温P S", "河谷史", "1988", None, None)),
]


@pytest.mark.parametrize("note,expected", NOTES)
def test_fields(note: str, expected: tuple) -> None:
    got = parse_citations(note)
    assert len(got) == 1
    c = got[0]
    title = c.title.rstrip(".") if c.title else c.title
    assert (c.author, title, c.date, c.url, c.accessed) == expected


NOT_CITATIONS = [
    "Université de la Vallée, France. E-mail: someone@example.org http://example.org",
    "R. Limbo & M. Schroeder (eds), Guided practice: teaching, learning, and more, Press, 2018, pp. 4.",
    "“Marking time,” he said.",
]


@pytest.mark.parametrize("note", NOT_CITATIONS)
def test_no_wrong_author_or_title(note: str) -> None:
    """An affiliation with an e-mail, an author list cut at an initial, a quotation: no
    author/title pair made up from them."""
    c = parse_citations(note)[0]
    assert not (c.author and c.title)


def test_a_name_and_a_year_alone_need_an_author_date_document() -> None:
    """``Windows 2000`` is a product and its version unless the document writes its notes
    author-date; there ``Ashdown 2019`` is a reference."""
    assert parse_citations("Ashdown 2019")[0].author is None
    c = parse_citations("Ashdown 2019", (), None, True)[0]
    assert (c.author, c.date) == ("Ashdown", "2019")
    notes = ["Ashdown 2019: 12", "Brackley & Coombe 2015", "Dunmore et al. 2016", "Fairholme 2018",
             "The plan was redrawn."]
    assert author_date_notes(notes)
    assert not author_date_notes(["Windows 2000", "See the manual, p. 3.", "Linux 2006",
                                  "Ashdown 2019: 12"])
