"""Note areas found from what a reader of any page uses, each layout from two producers:
notes that fill the page under the few lines calling them (the notes outweigh the text, so
the document's commonest size is theirs), a separator rule over notes wider than the short
lines of text above it, labels drawn in an enclosing circle (``1⃝``), symbol labels that
run out and start again doubled. The build command of each fixture is in its source file
beside it (LaTeX, XeLaTeX, LibreOffice, groff mom)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.extract.footnotes import _next_label, plain_label

FIX = Path(__file__).parent / "fixtures"


def _labels(doc) -> list[tuple[int, str]]:  # noqa: ANN001
    return [(n.page, n.label) for n in doc.footnotes]


def _links(doc) -> list[tuple[str, str | None]]:  # noqa: ANN001
    notes = {n.id: n.label for n in doc.footnotes}
    return [(m.label, notes.get(m.footnote)) for m in doc.markers]


@pytest.mark.parametrize("name, pages", [
    ("notes-page-of-notes-latex.pdf", {1: range(1, 26), 2: range(26, 46), 3: range(46, 61)}),
    ("notes-page-of-notes.pdf", {1: range(1, 28)}),
])
def test_notes_filling_the_page_under_their_callouts_are_notes(name: str, pages: dict) -> None:
    """Notes numbered on the line (``1.``, ``1⇥``) that start high on the page, under three
    lines of callouts and no rule: their labels run on and the text above calls each one,
    and they are smaller than that text though not than the document's commonest size."""
    doc = extract_pdf(FIX / name)
    assert _labels(doc) == [(p, str(i)) for p, r in pages.items() for i in r]
    first = doc.footnotes[0].text
    assert first.startswith("Carl Linnaeus, The ") and "ed. Jane Roe, 2 vols. (" in first and first.endswith("."), first
    assert all(m.footnote for m in doc.markers)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Jane Roe" not in text and "Notes on a Long Inquiry" not in text


@pytest.mark.parametrize("name, pages", [
    ("notes-page-of-notes-ruled-latex.pdf", {1: range(1, 26), 2: range(26, 46), 3: range(46, 61)}),
    ("notes-page-of-notes-ruled.pdf", {1: range(1, 28)}),
])
def test_a_separator_high_on_the_page_over_notes_that_fill_it(name: str, pages: dict) -> None:
    """The same pages under a separator rule, which stands high on the page: it heads a note
    area because the labels under it run on and are called above; a note split at the foot
    of a page goes on under the next page's rule, before the first label there."""
    doc = extract_pdf(FIX / name)
    assert _labels(doc) == [(p, str(i)) for p, r in pages.items() for i in r]
    split = [n for n in doc.footnotes if len(n.pages) > 1]
    if name.endswith("latex.pdf"):
        assert [(n.label, n.pages) for n in split] == [("25", [1, 2])]
        assert split[0].text.endswith("before handing the ledger on.")
    else:
        assert split == []


def test_notes_alone_under_a_rule_on_a_page_without_text() -> None:
    """A page holding nothing but a rule and notes: the rest of the previous page's last note
    (LaTeX splits it when the text ends), or whole notes carried over from a full note area
    (LibreOffice), their labels going on from the page before."""
    doc = extract_pdf(FIX / "notes-carried-latex.pdf")
    assert [(n.label, n.pages) for n in doc.footnotes] == [("1", [1, 2])]
    assert doc.footnotes[0].text.endswith("a short account of the season’s work before handing the ledger on.")
    assert not any("ledger on. The records" in p.text for p in doc.paragraphs)
    doc = extract_pdf(FIX / "notes-carried.pdf")
    assert _labels(doc) == [(1, str(i)) for i in range(1, 30)] + [(2, str(i)) for i in range(30, 43)]
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 43)]


def test_a_dash_drawn_as_a_rule_separates_nothing() -> None:
    """A bibliography's repeated-author dash (a 3-em rule before ``. Title``) low on the page,
    the next entry opening with a figure: words follow the rule on its row, so it is no
    separator and the entry stays text."""
    doc = extract_pdf(FIX / "notes-dash-rule-latex.pdf")
    assert doc.footnotes == []
    assert any(p.text.startswith("101 Ways of Measuring Water") for p in doc.paragraphs)


@pytest.mark.parametrize("name", ["notes-short-lines-latex.pdf", "notes-short-lines.pdf"])
def test_a_separator_over_notes_wider_than_the_short_text_above_it(name: str) -> None:
    """A list of one-line examples over long notes: the rule (40 % or a quarter of the text
    width) is wider than 60 % of the lines above it, but the notes under it fill the column."""
    doc = extract_pdf(FIX / name)
    assert _labels(doc) == [(1, str(i)) for i in range(1, 6)]
    assert doc.footnotes[1].text == "Ibid., 690."
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 6)]


@pytest.mark.parametrize("name, labels", [
    ("notes-enclosed-xelatex.pdf", ["∗", "†", "1", "2", "3"]),
    ("notes-enclosed.pdf", ["1", "2", "3"]),
])
def test_labels_in_an_enclosing_circle(name: str, labels: list[str]) -> None:
    """``1⃝`` (a figure under U+20DD) labels note 1 in the notes and calls it in the text;
    the circle leaves the text with its callout. Under a title's symbol notes, the numbered
    notes start at 1 (XeLaTeX's ``\\thanks``)."""
    doc = extract_pdf(FIX / name)
    assert [n.label for n in doc.footnotes] == labels
    assert [n.text for n in doc.footnotes if n.label == "2"] == ["Address: https://example.org/archive/styles"]
    assert [(a, b) for a, b in _links(doc) if a.isdigit()] == [("1", "1"), ("2", "2"), ("3", "3")]
    assert not any("\u20dd" in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("name, labels", [
    ("notes-symbols-doubled-latex.pdf", ["*", "†", "‡", "**", "††"]),
    ("notes-symbols-doubled.pdf", ["*", "†", "‡", "**"]),
])
def test_symbols_start_again_doubled(name: str, labels: list[str]) -> None:
    """* † ‡ then ** (groff's mom, house styles): the doubled star opens a note even after a
    note without a final stop."""
    doc = extract_pdf(FIX / name)
    assert [n.label for n in doc.footnotes] == labels
    assert doc.footnotes[2].text == "The ford is passable only in summer"


def test_label_order_and_enclosed_labels() -> None:
    assert _next_label("‡", "**") and _next_label("¶", "**") and _next_label("**", "††")
    assert not _next_label("*", "**") and not _next_label("**", "***") and not _next_label("1", "**")
    assert plain_label("\u20dd2 地址:https://example.org") == "2"
    assert plain_label("1\u20dd Email: someone@example.org") == "1"
    assert plain_label("\u20dd∗ This manual was created") == "∗"


@pytest.mark.parametrize("name", ["notes-framed-stamps-latex.pdf", "notes-framed-stamps.pdf"])
def test_a_rule_with_a_twin_of_its_span_is_a_box_edge_not_a_separator(name: str) -> None:
    """Small stamps framed by a rule above and a rule below, low on a page after a page whose
    note is finished: each rule has a twin of its span a line away, the two edges of a box,
    so neither heads a note area and the stamps are no rest of the note before them."""
    doc = extract_pdf(FIX / name)
    assert [(n.page, n.pages, n.label, n.text) for n in doc.footnotes] == [
        (1, [1], "1", "A note on the first page, which is finished.")]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "New: 2024-03-08" in text and "Updated: 2025-01-10" in text


@pytest.mark.parametrize("name", ["notes-table-callouts-latex.pdf", "notes-table-callouts.pdf"])
def test_callouts_in_table_cells_call_the_pages_notes(name: str) -> None:
    """Raised labels in a ruled table's cells whose notes are printed at the page's foot are
    markers of those notes, anchored to no paragraph (a table's rows are strings) with
    their box; a unit's power (km²) and an exponent (10³) in other cells are none."""
    doc = extract_pdf(FIX / name)
    first = 7 if "latex" in name else 1
    assert _labels(doc) == [(1, str(first)), (1, str(first + 1))]
    assert _links(doc) == [(str(first), str(first)), (str(first + 1), str(first + 1))]
    assert all(m.paragraph is None and m.page == 1 and m.box is not None for m in doc.markers)


def test_notes_printed_in_place_are_called_by_no_marker() -> None:
    """A table and a list whose own notes are printed under them (no page notes on their
    page, page 1's are 7 and 8): their callouts call those notes, no page note, and make no
    unlinked marker (5 and 6 fit the numbering around them: main kept them as unlinked)."""
    doc = extract_pdf(FIX / "notes-table-callouts-latex.pdf")
    assert not [m for m in doc.markers if m.page == 2]


@pytest.mark.parametrize("name", ["notes-size-runs-on.pdf", "notes-size-runs-on-latex.pdf"])
def test_a_note_goes_on_in_larger_type_when_unfinished(name: str) -> None:
    """A note whose words change size at a line break (its first line in the notes' small
    type, the rest larger but still smaller than the text calling it) is one note: the
    unfinished line runs on. The callouts sit in a first page's line of prose with a comma,
    which is no author line (its pieces between commas are no names)."""
    doc = extract_pdf(FIX / name)
    assert _labels(doc) == [(1, "1"), (1, "2")]
    assert doc.footnotes[0].text == ("A free but comprehensive emulation environment and toolkit for the "
                                     "older platforms of that vendor; see its site for information and download.")
    assert _links(doc) == [("1", "1"), ("2", "2")]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "platforms of that vendor" not in text and "layer1" not in text
