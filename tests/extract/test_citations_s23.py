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


def test_a_letter_in_a_collection_is_the_work_cited():
    c = parse_citation("Charles Darwin to J. D. Hooker, Down, 11 January, 1844, in Francis Darwin, ed., "
                       "Life and Letters (London: Murray, 1887), 2: 23.", ["Life and Letters"])
    assert (c.author, c.title, c.date) == ("Charles Darwin", None, "1844-01-11")
    c = parse_citation("Darwin to Hooker, Jan. 11, 1844, see n. 4.")
    assert (c.author, c.title, c.date) == ("Darwin", None, "1844-01-11")
    cits = parse_citations("Abigail Adams to John Adams, Braintree, Mar. 31, 1776, in Letters, 4; "
                           "John Adams to Abigail Adams, Apr. 14, 1776, in Letters, 7.")
    assert [(c.author, c.date) for c in cits] == [("Abigail Adams", "1776-03-31"),
                                                  ("John Adams", "1776-04-14")]


def test_a_web_page_without_an_author_or_under_a_two_part_organisation():
    c = parse_citations("“The Valley of the Shadow,” University of Virginia Library, url: "
                        "http://valley.lib.virginia.edu/ (accessed 02/23/2009).")[0]
    assert (c.author, c.title, c.accessed) == (None, "The Valley of the Shadow", "2009-02-23")
    c = parse_citations("Yale University Library, Manuscripts and Archives, “Finding Aids,” url: "
                        "http://example.edu/aids.html (accessed 02/23/2009).")[0]
    assert (c.author, c.title) == ("Yale University Library, Manuscripts and Archives", "Finding Aids")


def test_a_translated_title_in_brackets_before_the_date():
    c = parse_citation("Anna Meier, “Die Stadt und der Fluss” [The City and the River], "
                       "Historische Zeitschrift 41 (1999): 12–30.")
    assert (c.author, c.title, c.date) == ("Anna Meier", "Die Stadt und der Fluss", "1999")


def test_commentary_that_ends_in_a_colon_before_the_reference():
    c = parse_citation("The editor is named in the note: Mary Poovey, Uneven Developments, Women in "
                       "Culture and Society (Chicago: University of Chicago Press, 1988).",
                       ["Uneven Developments"])
    assert (c.author, c.title, c.date) == ("Mary Poovey", "Uneven Developments", "1988")


def test_compressed_author_date_citations_are_one_per_work():
    cits = parse_citations("Lamport 1986, 1994, 2002.")
    assert [(c.raw, c.author, c.date) for c in cits] == [
        ("Lamport 1986", "Lamport", "1986"), ("1994", "Lamport", "1994"), ("2002", "Lamport", "2002")]
    cits = parse_citations("Smith and Jones 2001a,b.")
    assert [(c.raw, c.author, c.date) for c in cits] == [
        ("Smith and Jones 2001a", "Smith and Jones", "2001"), ("b", "Smith and Jones", "2001")]
    assert len(parse_citations("Knuth 1986, p. 12.")) == 1  # a pinpoint, not a second work


def test_law_citations_name_the_case_or_the_statute():
    # the Bluebook's and the Canadian guide's forms: parties that hold commas, parentheses and
    # numbers; the reporter, docket or bracketed year after the comma closes the name
    for note, title, date in [
        ("Palsgraf v. Long Island R.R. Co., 248 N.Y. 339, 162 N.E. 99 (1928).",
         "Palsgraf v. Long Island R.R. Co.", "1928"),
        ("Doe v. Bd. of Educ. No. 4, No. 99-1234, 2001 WL 123456 (D. Md. Mar. 3, 2001).",
         "Doe v. Bd. of Educ. No. 4", "2001-03-03"),
        ("Hedley Byrne & Co. (Holdings) Ltd. v. Heller & Partners Ltd., [1964] A.C. 465 (H.L.).",
         "Hedley Byrne & Co. (Holdings) Ltd. v. Heller & Partners Ltd.", "1964"),
        ("Civil Rights Act of 1964, Pub. L. No. 88-352, 78 Stat. 241 (1964).", "Civil Rights Act of 1964", "1964"),
        ("Bill of Rights Act, 1689, 1 W. & M., c. 2 (Eng.).", "Bill of Rights Act", "1689"),
        ("Canada Evidence Act, R.S.C. 1985, c. C-5.", "Canada Evidence Act", None),
    ]:
        c = parse_citation(note)
        assert (c.author, c.title, c.date) == (None, title, date), note
    for note, title in [("Palsgraf, 248 N.Y. at 341.", "Palsgraf"), ("Hedley Byrne, [1964] A.C. 465.", None),
                        ("Doe, 2001 WL 123456, at *2.", "Doe"), ("Marbury, 5 U.S. 137.", "Marbury")]:
        if title:
            assert parse_citation(note).title == title, note
    # a month is no reporter: a letter stays a letter
    c = parse_citation("Abigail Adams to John Adams, 31 March 1776.")
    assert (c.author, c.title, c.date) == ("Abigail Adams", None, "1776-03-31")
    # OSCOLA's case without a comma keeps its first bracketed year
    c = parse_citation("Donoghue v Stevenson [1932] UKHL 100, [1932] AC 562.")
    assert (c.title, c.date) == ("Donoghue v Stevenson", "1932")


def test_a_quote_run_into_the_comma_before_it():
    # a text layer that lost the space before an opening quote (``Name,“Title,”Journal``)
    c = parse_citation("Jane Roe,“How Social Is the Mind?,”Journal of Minds 45 (March 1990): 336–46.")
    assert (c.author, c.title, c.date) == ("Jane Roe", "How Social Is the Mind?", "1990-03")


def test_a_short_title_cited_back_by_supra():
    assert parse_citation("The Alabama Claims, supra note 12, at 3.").title == "The Alabama Claims"
    assert parse_citation("Hearings on S. 1234, supra note 4.").title == "Hearings on S. 1234"
    c = parse_citation("Smith, supra note 3, at 45.")
    assert (c.author, c.title) == ("Smith", None)  # a surname: the author's work cited before


def test_a_chinese_signal_with_a_colon():
    c = parse_citation("详见：中国互联网络信息中心，《统计报告》，2023年8月，https://www.example.cn/a.html，访问日期：2023年9月1日。")
    assert (c.author, c.title, c.date, c.accessed) == ("中国互联网络信息中心", "统计报告", "2023-08", "2023-09-01")
