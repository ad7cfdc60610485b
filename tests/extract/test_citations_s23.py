"""Citation fields that the document carries beyond one note: slashed numeric dates read in
the order the document's own dates show, access clauses and host names that a URL must not
swallow or lose, year ranges, role words and bracketed (supplied) author names.

The notes are composed here in each style's form (Turabian's and the Chicago Manual's own
examples where they give them), never taken from a measuring set."""

from __future__ import annotations

from pariter.extract.citations import date_order, parse_citation, parse_citations


def test_slashed_dates_follow_the_documents_own_order():
    us = ["Jane Roe, “A Page,” url: http://example.org/a (accessed 06/27/2010).",
          "John Doe, “B,” url: http://example.org/b (accessed 04/08/2009)."]
    assert date_order(us) == "mdy"  # 27 > 12: the first number is the month
    assert parse_citations(us[1], order=date_order(us))[0].accessed == "2009-04-08"
    uk = ["Roe, ‘A’ <http://example.org/a> accessed 27/06/2010.", "Doe, ‘B’ (04/08/2009)."]
    assert date_order(uk) == "dmy"
    assert parse_citations(uk[1], order="dmy")[0].date == "2009-08-04"
    # no slashed date decides: the spelled-out dates' order does
    assert date_order(["Sept. 30, 2004.", "Apr. 18, 1859.", "(accessed 04/08/2009)"]) == "mdy"
    assert date_order(["30 September 2004.", "(accessed 04/08/2009)"]) == "dmy"
    assert date_order(["(accessed 04/08/2009)"]) is None
    # without the document's evidence an ambiguous date is left unread, a plain one is read
    assert parse_citations("X, “T,” url: http://a.org/b (accessed 04/08/2009).")[0].accessed is None
    assert parse_citations("X, “T,” url: http://a.org/b (accessed 04/28/2009).")[0].accessed == "2009-04-28"


def test_an_access_clause_is_not_part_of_the_url():
    c = parse_citations("Libraries, “Exhibit,” url: http://example.edu/coll/index.html(accessed 12/29/2008).")[0]
    assert (c.url, c.accessed) == ("http://example.edu/coll/index.html", "2008-12-29")
    c = parse_citation("Name, “Post,” url: http://example.com/post/a-b-c/ (accessed 11/20/2009).")
    assert c.url == "http://example.com/post/a-b-c/"


def test_a_host_broken_after_a_hyphen_or_a_dot_is_joined():
    c = parse_citation("url: http://h- net.msu. edu/cgi-bin/logbrowse.pl?list=H-German (accessed 4/11/2009).")
    assert c.url == "http://h-net.msu.edu/cgi-bin/logbrowse.pl?list=H-German"
    # a hyphen of hyphenation inside a path without hyphens still goes
    assert parse_citation("See http://example.com/docu- ments/x.pdf.").url == "http://example.com/documents/x.pdf"


def test_a_range_of_years_is_no_date():
    c = parse_citation("Leslie Stephen, ed., Dictionary of National Biography, 63 vols. "
                       "(London: Smith, Elder, 1885–1900).", ["Dictionary of National Biography"])
    assert (c.author, c.title, c.date) == ("Leslie Stephen", "Dictionary of National Biography", None)


def test_role_words_and_supplied_names_in_the_author_slot():
    c = parse_citation("Burton Raffel, trans., Beowulf (New York: New American Library, 1963).",
                       ["Beowulf"])
    assert (c.author, c.title, c.date) == ("Burton Raffel", "Beowulf", "1963")
    c = parse_citation("[Daniel Defoe], The Storm (London: G. Sawbridge, 1704).", ["The Storm"])
    assert (c.author, c.title, c.date) == ("[Daniel Defoe]", "The Storm", "1704")
    c = parse_citation("[Jane Doe?], A Tract (London, 1790).", ["A Tract"])
    assert (c.author, c.title) == ("[Jane Doe?]", "A Tract")
