"""Endnote lists whose callouts are not raised, and callouts in table cells.

A producer that cannot raise text (a PDF library's text cell, a plain-text printer) writes a
callout in the entries' own form, ``[3]`` in the text for the entry that opens ``[3]``: the
text calls nearly every entry, in order, each once. A bibliography cited by number differs
in just that (its sources come back, several in one place) or in its title (References).
A table's raised labels call the notes after the text like the text's own do. Fixtures:
fpdf2 and Enscript+Ghostscript for the plain callouts, Qt 6 and wkhtmltopdf for the table;
sources and build commands in fixtures/plain-callouts.sh."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.extract.endnotes import _increasing_run

FIX = Path(__file__).parent / "fixtures"
PRODUCERS = ["fpdf2", "enscript"]


def _links(doc) -> list[tuple[str, str | None]]:  # noqa: ANN001
    notes = {n.id: n.label for n in doc.footnotes}
    return [(m.label, notes.get(m.footnote)) for m in doc.markers]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_bracketed_callouts_in_the_text_call_the_bracketed_list(producer: str) -> None:
    """Eight ``[n]`` in the text, in order, each once, and a list ``[1]`` … ``[8]`` after
    them: eight endnotes, each callout linked to its entry and taken out of the text."""
    doc = extract_pdf(FIX / f"plain-callouts-{producer}.pdf")
    assert [n.label for n in doc.footnotes] == [str(i) for i in range(1, 9)]
    assert {n.place for n in doc.footnotes} == {"end"}
    assert doc.footnotes[0].text.startswith("Ann Writer, Bo Reader and Cy Keeper")
    assert doc.footnotes[-1].text.startswith("Valley Council, Minutes")
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 9)]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "here[1]" not in text and "kept apart here." in text
    assert not any(p.text.startswith("[") for p in doc.paragraphs)  # the entries left the text
    cites = doc.footnotes[1].citations
    assert cites and cites[0].url == "https://www.example.org/reports/levels-2019.pdf"


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("name", ["numeric-citations", "numeric-references"])
def test_a_bibliography_cited_by_number_is_no_note_list(producer: str, name: str) -> None:
    """Sources cited again and several in one sentence (no title over the list), or each
    cited once under a References title: numeric citations, the text keeps them."""
    doc = extract_pdf(FIX / f"{name}-{producer}.pdf")
    assert doc.footnotes == [] and doc.markers == []
    assert any("[1]" in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("producer", ["qt", "wkhtml"])
def test_callouts_in_table_cells_call_the_list_after_the_text(producer: str) -> None:
    """pandoc's HTML of a table whose cells carry the notes' callouts (one after a version
    number, ``4.18¹``): the note list at the end is the notes, and the cells' callouts link
    to them."""
    doc = extract_pdf(FIX / f"table-notes-{producer}.pdf")
    assert [n.label for n in doc.footnotes] == ["1", "2", "3", "4"]
    assert {n.place for n in doc.footnotes} == {"end"}
    assert doc.footnotes[0].text.startswith("Older kernel versions may work")
    assert sorted(_links(doc)) == [(str(i), str(i)) for i in range(1, 5)]


def test_increasing_run() -> None:
    assert _increasing_run([1, 2, 3, 4]) == 4
    assert _increasing_run([1, 2, 1, 3, 2, 4]) == 4
    assert _increasing_run([3, 2, 1]) == 1
    assert _increasing_run([]) == 0


@pytest.mark.parametrize("text,author,title,date", [
    ("P. Lehman：The biblatex package: Programmable bibliographies and citations（Ver. 3.7），"
     "2016年11月16 日版，12。", "P. Lehman",
     "The biblatex package: Programmable bibliographies and citations", "2016-11-16"),
    ("中国TeX用户组：CTeX常见问题集，2005年版。", "中国TeX用户组", "CTeX常见问题集", "2005"),
    ("某某：论文模版（测试版），2005年4月5日版，12。", "某某", "论文模版（测试版）", "2005-04-05"),
    ("同前注，Y. Wang 等书。", "Y. Wang 等", None, None),
    ("同前注12，王某文，第3页。", "王某", None, None),
    ("古龙：《陆小凤传奇之银钩赌坊》，珠海出版社2005年版，45-47。", "古龙", "陆小凤传奇之银钩赌坊", "2005"),
])
def test_chinese_legal_notes_without_book_title_marks(text: str, author: str | None,
                                                      title: str | None, date: str | None) -> None:
    """法学引注手册 sets a foreign or software title without 《》: the author before the
    full-width colon, the title to the full-width comma (its version bracket dropped, a
    bracket of its own kept), the edition's date closing with 版; ``同前注，X书`` names X."""
    from pariter.extract.citations import parse_citation
    c = parse_citation(text)
    assert (c.author, c.title, c.date) == (author, title, date)


@pytest.mark.parametrize("text", ["本节所引文献均按原文著录，未作改动。", "同前注。",
                                  "注意：本表数据截至2005年，以后各年另见附录。"])
def test_chinese_prose_notes_are_no_plain_legal_citations(text: str) -> None:
    from pariter.extract.citations import parse_citation
    c = parse_citation(text)
    assert (c.author, c.title) == (None, None)


@pytest.mark.parametrize("producer", ["fpdf2", "wkhtml"])
def test_a_list_printed_without_its_numbers_after_a_rule(producer: str) -> None:
    """pandoc's note list printed without the ordered list's numbers: after the rule, three
    entries ending with back arrows, and the text's three open callouts 1, 2, 3 — the
    entries are notes 1, 2, 3 in order."""
    doc = extract_pdf(FIX / f"unnumbered-notes-{producer}.pdf")
    assert [n.label for n in doc.footnotes] == ["1", "2", "3"]
    assert [n.text for n in doc.footnotes] == [
        "Specifically, the current machine’s filesystem.",
        "The old behaviour was kept for one release behind an option.",
        "Setuptools writes its egg-info directory there."]
    assert _links(doc) == [("1", "1"), ("2", "2"), ("3", "3")]


@pytest.mark.parametrize("producer", ["fpdf2", "groff"])
def test_raised_callouts_in_order_call_a_list_with_no_rule_link_or_arrow(producer: str) -> None:
    """Raised callouts 1 … 8 through the text, each once, and a numbered list closing the
    document with nothing else to tie it (no rule, no link annotation, no back arrow): the
    callouts' sequence is the evidence."""
    doc = extract_pdf(FIX / f"raised-callouts-{producer}.pdf")
    assert [n.label for n in doc.footnotes] == [str(i) for i in range(1, 9)]
    assert doc.footnotes[0].text.startswith("Ann Writer, Bo Reader and Cy Keeper")
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 9)]


@pytest.mark.parametrize("name", ["numeric-citations", "numeric-references"])
def test_raised_numeric_citations_call_no_note_list(name: str) -> None:
    """Raised numeric citations (sources cited again; or each once under References) and
    the numbered bibliography after them: no notes."""
    doc = extract_pdf(FIX / f"raised-{name}-fpdf2.pdf")
    assert doc.footnotes == []
