"""Citation fields of the note styles that non-TeX producers print from CSL styles: OSCOLA's
titles without a comma after them, dates among the publication facts, letters described in
quotes, works with no date or a range of years, cases set in sentence case, references a
signal encloses in parentheses, and GB/T 7714's author-date system.

The notes are composed here in each style's form, never taken from a measuring set."""

from __future__ import annotations

import pytest

from pariter.extract.citations import parse_citation, parse_citations


def fields(c):
    return (c.author, c.title, c.date, c.url, c.accessed)


NOTES = [
    # OSCOLA: no comma after a chapter's or an article's title; the date in the book's facts
    ("Ann Writer, ‘The Shape of Things’ in Bo Editor and Cy Editor (eds), A Book of Chapters "
     "(Some Press 1997) 3.",
     ("Ann Writer", "The Shape of Things", "1997", None, None)),
    ("Ann Writer, ‘Seeing in Action’ Journal of Philosophy <http://example.org/5780/1/a.pdf>.",
     ("Ann Writer", "Seeing in Action", None, "http://example.org/5780/1/a.pdf", None)),
    # a parenthesis's closing date without a comma (OSCOLA's publisher and year)
    ("World Body, ‘Nutrition in East Africa’ (WB 1986) 12.",
     ("World Body", "Nutrition in East Africa", "1986", None, None)),
    # no date after a quoted title: the first one among the publication facts
    ("Ann Writer, ‘Host Diet and Replication’, Freshwater Studies 34, no. 1 (March 2015): 3.",
     ("Ann Writer", "Host Diet and Replication", "2015-03", None, None)),
    ("Bo Writer, ‘One Who Gives a Hoot’, Daily Paper, 26 January 2015, 12.",
     ("Bo Writer", "One Who Gives a Hoot", "2015-01-26", None, None)),
    # MHRA: the date right before the URL and the bracketed access clause
    ("‘Title of a Page’, City News, 12 May 2013 <http://news.example.org/123> "
     "[accessed 5 November 2013].",
     (None, "Title of a Page", "2013-05-12", "http://news.example.org/123", "2013-11-05")),
    # a letter described in quotes has no title; its date is the letter's
    ("Henry Brooks, ‘Brooks to Charles Gaskell, Baden, September 22, 1867’, ed. Ford Worthing "
     "(Boston: Houghton, 1930), 3.",
     ("Henry Brooks", None, "1867-09-22", None, None)),
    # publication facts without one date: n.d., a range of years
    ("Ann Writer and Bo Writer, eds., The History of Maps (Chicago: Some Press, n.d.), 12.",
     ("Ann Writer and Bo Writer", "The History of Maps", None, None, None)),
    ("Paul Writer, Systematic Essays, 3 vols (Chicago: Some Press, 1951–1963).",
     ("Paul Writer", "Systematic Essays", None, None, None)),
    # short forms: ``note 2`` and ``pp 45`` are pinpoints; a Roman volume is no title
    ("Knuth, op. cit., note 2.", ("Knuth", None, None, None, None)),
    ("P Writer, Gender and Famine, pp 45–47.", ("P Writer", "Gender and Famine", None, None, None)),
    ("UNESCO, I, p. 3.", ("UNESCO", None, None, None, None)),
    # cases whose parties a style set in sentence case; OSCOLA's cross-reference to one
    ("Bowman v fussy [1978] RPC 545, 12.", (None, "Bowman v fussy", "1978", None, None)),
    ("Plattform ‘leben’ v. austria (n 13) 12.", (None, "Plattform ‘leben’ v. austria", None, None, None)),
    # a reference the signal encloses in parentheses; a name alone there is the author's
    ("See further (Barnes).", ("Barnes", None, None, None, None)),
    ("Compare (Writer, ‘One Who Gives a Hoot’).", ("Writer", "One Who Gives a Hoot", None, None, None)),
    # a comma-separated series of names that ends in ", and X" is the author
    ("A. Ding, B. Ball, C. Patel, and D. Mull, “Strategies for Models,” in Proceedings "
     "(Glasgow: Some Society, 2009), 12.",
     ("A. Ding, B. Ball, C. Patel, and D. Mull", "Strategies for Models", "2009", None, None)),
    # GB/T 7714's author-date system: the year closes the author's field
    ("CRANE D, 1972. Invisible college[M]. Chicago: Univ. of Chicago Press.",
     ("CRANE D", "Invisible college", "1972", None, None)),
    ("王明, 李华, 2010a. 某书[M]. 北京: 某出版社.", ("王明, 李华", "某书", "2010", None, None)),
]


@pytest.mark.parametrize("text,expected", NOTES)
def test_note_fields(text, expected):
    assert fields(parse_citation(text)) == expected


def test_an_apostrophe_does_not_end_a_title_before_punctuation_closes_it():
    # the looser OSCOLA reading is tried only when no quote closes the title before
    # punctuation: ``Mothers’ Day`` keeps its apostrophe
    c = parse_citation("Ann Writer, ‘Mothers’ Day in Rome’, Journal 3 (2001) 4.")
    assert (c.title, c.date) == ("Mothers’ Day in Rome", "2001")
    # a capitalised word after the quote counts only with an author before the title
    assert parse_citation("‘Quoted words’ Then a sentence goes on.").title is None


def test_prose_with_v_is_no_case():
    assert parse_citation("See the discussion of the v parameter [2005] in chapter 2.").title is None
    assert parse_citations("(Barnes) was cited before.")[0].author is None
    assert parse_citation("See also (Chapter Two).").author is None  # a part of the document
