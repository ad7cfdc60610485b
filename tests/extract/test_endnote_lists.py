"""Notes printed as a list after the text with no title (a web page or an e-book printed to
PDF, LibreOffice's endnotes page), and footnote callouts printed on the baseline. Each
fixture is made by a real producer (pandoc → wkhtmltopdf, pandoc → Chromium, pandoc →
LibreOffice, pandoc → AbiWord, LuaLaTeX); its build command is in the source beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.extract.chars import Link, Rule, Target
from pariter.extract.endnotes import find_sections
from pariter.extract.lines import Line, Sup
from pariter.extract.running import find_running

FIX = Path(__file__).parent / "fixtures"

EN_NOTES = [
    "The gauge was read at nine in the morning, every day of the year.",
    "Samples were dried at 105 °C before weighing, as the county manual asks.",
    "The station stood on the north slope, forty metres above the valley floor.",
    "Counts were made from the same gate each time, by the same two people.",
    "See the orchard plan kept in the parish office for the rows that were replanted.",
    "Two of the wells were dry in August and are left out of the means.",
    "The census followed the method of the 1998 survey, with one change to the gaps counted.",
    "Rings were supplied by the national scheme; recoveries are reported to it.",
]


def _links(doc) -> list[tuple[str, str | None]]:  # noqa: ANN001
    notes = {n.id: n.label for n in doc.footnotes}
    return [(m.label, notes.get(m.footnote)) for m in doc.markers]


@pytest.mark.parametrize("name", ["endlist-en-wkhtml", "endlist-en-chromium", "endlist-en-weasy"])
def test_an_untitled_note_list_after_a_rule_is_the_notes(name: str) -> None:
    """pandoc's HTML ends with a rule and an ordered list, no title: wkhtmltopdf keeps the
    links as URIs into the page (``…html#fn1`` there, ``…html#fnref1`` back), Chromium and
    WeasyPrint as destinations in the PDF (Chromium's a page margin above their anchors). Either way the callouts
    lead into the entries, which are the notes; the body's own numbered list stays text."""
    doc = extract_pdf(FIX / f"{name}.pdf")
    assert [n.text for n in doc.footnotes] == EN_NOTES
    assert {n.place for n in doc.footnotes} == {"end"}
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 9)]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "walk the boundary of the plot" in text and "take the samples and label them" in text
    assert "The gauge was read" not in text


def test_a_chinese_untitled_note_list_keeps_lines_that_open_with_a_figure() -> None:
    """Chinese notes in pandoc's list (wkhtmltopdf): each entry called from its paragraph."""
    doc = extract_pdf(FIX / "endlist-zh-wkhtml.pdf")
    assert [n.label for n in doc.footnotes] == [str(i) for i in range(1, 9)]
    assert doc.footnotes[0].text == "水位计每天上午九点读数，全年不间断。"
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 9)]


def test_libreoffice_endnotes_on_a_page_of_their_own() -> None:
    """LibreOffice numbers endnotes i, ii, iii and prints them on a page after the text,
    with no title; its links lead from each callout to its note and back."""
    doc = extract_pdf(FIX / "endlist-en-lo.pdf")
    roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
    assert [n.label for n in doc.footnotes] == roman
    assert [n.text for n in doc.footnotes] == EN_NOTES
    assert _links(doc) == [(r, r) for r in roman]


def test_the_first_endnote_label_atop_its_page_is_no_page_number() -> None:
    """"i" alone at the top left of LibreOffice's endnotes page, its words beside it and "ii"
    under it: the first label of the list, not the page's folio (nor its words a header)."""
    doc = extract_pdf(FIX / "endlist-zh-lo.pdf")
    roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
    assert [n.label for n in doc.footnotes] == roman
    assert doc.footnotes[0].text == "水位计每天上午九点读数，全年不间断。"
    assert _links(doc) == [(r, r) for r in roman]
    assert not any(r.text.startswith("水位计") for p in doc.pages for r in p.running)


def _line(page: int, top: float, text: str, sups: list[Sup] | None = None,
          x0: float = 72.0, size: float = 10.0) -> Line:
    return Line(page, x0, top, x0 + 5 * len(text), top + size, top + 0.8 * size, size,
                "Serif", False, None, text, sups=sups or [])


def _called_text(labels: list[str]) -> list[Line]:
    out = []
    for i, lab in enumerate(labels):
        top = 100.0 + 20 * i
        out.append(_line(1, top, f"Sentence {i} of the text.",
                         [Sup(lab, 24, 200.0, top - 2, 205.0, top + 5, 7.0)]))
    return out


def _entries(page: int, n: int, top: float = 100.0) -> list[Line]:
    return [_line(page, top + 14 * i, f"{i + 1}. Entry number {i + 1} says something.")
            for i in range(n)]


def test_a_numbered_list_with_nothing_to_tie_it_to_callouts_is_text() -> None:
    """Raised figures in the text and a numbered list after it are not enough: without a
    link or a separator rule the list is the text's own."""
    lines = _called_text(["1", "2", "3"]) + _entries(2, 3)
    assert find_sections(lines, {}, {}) == []


def test_a_rule_above_the_list_sets_it_off_as_the_notes() -> None:
    """A drawn rule right above the list's first entry, and every label called: notes."""
    lines = _called_text(["1", "2", "3"]) + _entries(2, 3)
    rules = {2: [Rule(72.0, 90.0, 300.0, 90.5)]}
    secs = find_sections(lines, {}, rules)
    assert [(n.label, n.text) for s in secs for n in s.notes] == [
        (str(i), f"Entry number {i} says something.") for i in (1, 2, 3)]
    # a rule far above (a table's) does not; nor one when few labels are called
    assert find_sections(lines, {}, {2: [Rule(72.0, 20.0, 300.0, 20.5)]}) == []
    few = _called_text(["1", "2"]) + _entries(2, 3)
    assert find_sections(few, {}, rules) == []


def test_links_must_land_on_the_entries_they_call() -> None:
    """Destinations on the list's page, one shift for all of them (Chromium's margin):
    notes; destinations scattered with no common shift: not these entries."""
    text = _called_text(["1", "2", "3"])
    entries = _entries(2, 3, top=300.0)

    def links(tops: list[float]) -> dict[int, list[Link]]:
        return {1: [Link(1, 199.0, l.top - 3, 206.0, l.top + 6, target=Target(2, x=72.0, top=t))
                    for l, t in zip(text, tops)]}

    shifted = [e.top - 30 for e in entries]
    assert len(find_sections(text + entries, links(shifted), {})) == 1
    assert find_sections(text + entries, links([40.0, 500.0, 700.0]), {}) == []


def test_a_line_repeated_with_another_callout_each_time_is_text() -> None:
    """The same words at the top of two pages, each time with another raised label: text
    that happens to repeat; running matter prints its raised labels the same each time."""
    pages = []
    for p, lab in ((1, "20"), (2, "41"), (3, "52")):
        pages.append([_line(p, 20.0, "and only summarises it here.", [Sup(lab, 28, 200, 18, 206, 25, 7)]),
                      *[_line(p, 60.0 + 20 * i, f"Body line {i} of page {p} goes on here.") for i in range(30)]])
    found = find_running(pages, [842.0] * 3, 10.0)
    assert not any(l.text.startswith("and only") for page in found for l, _ in page)
    same = [[_line(p, 20.0, "A Running Title", [Sup("1", 15, 150, 18, 156, 25, 7)]),
             *[_line(p, 60.0 + 20 * i, f"Body line {i} of page {p} goes on here.") for i in range(30)]]
            for p in (1, 2, 3)]
    found = find_running(same, [842.0] * 3, 10.0)
    assert all(any(l.text == "A Running Title" for l, _ in page) for page in found)


@pytest.mark.parametrize("name", ["flat-en-abiword", "flat-en-latex"])
def test_callouts_printed_on_the_baseline_call_their_notes(name: str) -> None:
    """AbiWord drops the superscript of a DOCX note reference (a LaTeX \\@makefnmark without
    one does the same): ``come down.1 The new rows``. The figure glued to the mark, the
    label of a note on the page that no raised label calls, is the callout; the figures
    of the text (2019, 112 trees, 8 rows, 3 of them) stay."""
    doc = extract_pdf(FIX / f"{name}.pdf")
    assert _links(doc) == [("1", "1"), ("2", "2"), ("3", "3")]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "had to come down. The new rows" in text
    assert "2023: 112 trees stood in 8 rows, and 3 of them had been lost to frost." in text


def test_a_chinese_baseline_callout_after_a_quantity_of_its_figure() -> None:
    """``其中3棵冻死。3``: two figures 3 glued to their neighbours; the one after the full
    stop is the callout, the one before a measure word the quantity."""
    doc = extract_pdf(FIX / "flat-zh-abiword.pdf")
    assert _links(doc) == [("1", "1"), ("2", "2"), ("3", "3")]
    text = "".join(p.text for p in doc.paragraphs)
    assert "其中3棵冻死。" in text and "冻死。3" not in text


def _note_page(carried: list[str]) -> list[Line]:
    """A page of body text (12 pt) with notes (10 pt) at its foot: ``carried`` lines of the
    note the page before left unfinished, then notes 48 and 49, no separator rule."""
    body = [_line(5, 70.0 + 14 * i, "Body text of the page, long enough to be body text here.", size=12.0)
            for i in range(20)]
    top = 640.0
    rest = [_line(5, top + 11.5 * i, t, x0=86.0) for i, t in enumerate(carried)]
    top += 11.5 * len(carried)
    n48 = _line(5, top, "48 Vedrashko, ‘Advertising in Computer Games’.")
    n49 = _line(5, top + 11.5, "49 Pat Balderdash, ‘Presbyopia and Screen Size’ (2017).")
    body[5].sups = [Sup("48", 10, 200, 140, 206, 147, 7.0)]
    body[6].sups = [Sup("49", 10, 200, 154, 206, 161, 7.0)]
    return body + rest + [n48, n49]


def test_the_rest_of_a_carried_note_above_the_page_notes_goes_with_them() -> None:
    """LibreOffice sets the rest of the page before's unfinished note right above the page's
    first note, with no separator (its link's underline is none): when the page before
    ended inside a note, those lines of note type are the note's, not the page's text."""
    from pariter.extract.footnotes import called, note_areas

    lines = _note_page(["http://www.moma.org/collection/works/79018."])
    areas = note_areas(lines, [], 12.0, 595.0, 842.0, running_on=True)
    assert [l.text[:10] for l in areas[0].lines] == ["http://www", "48 Vedrash", "49 Pat Bal"]
    assert areas[0].carried == 1 and called(areas[0], lines)
    # the page before ended its note: the line above stays the page's
    areas = note_areas(_note_page(["http://www.moma.org/collection/works/79018."]), [], 12.0, 595.0,
                       842.0, running_on=False)
    assert [l.text[:10] for l in areas[0].lines] == ["48 Vedrash", "49 Pat Bal"]


def test_a_note_broken_after_a_full_stop_runs_on_where_the_next_note_follows() -> None:
    """A note whose first page ends at a full stop (a URL's, an abbreviation's) runs on when
    the next page opens a line with the label after it."""
    from pariter.extract.document import _next_note_opens
    from pariter.extract.footnotes import Note

    last = Note("8", "… http://vip.calis.edu.cn/CSTJ/Sear.dll?OPAC_CreateDetail.", 1)
    assert _next_note_opens(last, [_line(2, 400.0, "DOI:10.3771/j.issn"), _line(2, 420.0, "9 储大同. 恶性肿瘤")])
    assert not _next_note_opens(last, [_line(2, 420.0, "10 储大同. 恶性肿瘤")])
    assert not _next_note_opens(Note("*", "x.", 1), [_line(2, 420.0, "9 储大同.")])


def test_a_justified_note_line_mixing_scripts_is_one_line() -> None:
    """FOP justifies a Chinese note line by the spaces typed between ideographs and Latin
    words, each stretched past an em (``缺省的 Editor 快捷键``): one printed line, read in
    its order, not its Latin words gathered apart from its Chinese ones."""
    doc = extract_pdf(FIX / "notes-mixed-zh-fop.pdf")
    text = doc.footnotes[1].text
    assert text.startswith("缺省的 Editor 快捷键设置可从 Sourceforge 获取：缺省的 Editor 快捷键 "
                           "[http://editor.svn.sourceforge.net/viewvc/")
    assert text.endswith("MainMenuShortcuts.mac.properties]")


def test_a_note_line_piece_beyond_short_lines_above_is_no_column() -> None:
    """A note's printed line broken at one wide space (``…properties]`` / ``在Mac系统中``):
    the short lines above it (a list's items) end left of the gap, so nothing shows a
    second column there, and the far piece stays with the note."""
    from pariter.extract.footnotes import note_areas

    items = [_line(1, 600.0 + 20 * i, f"• item{i}=ctrl O", x0=120.0, size=10.0) for i in range(3)]
    body = [_line(1, 80.0 + 14 * i, "正文的一行，长到足以成为正文。" * 4, size=10.0) for i in range(30)]
    for b in body:
        b.x1 = 523.0  # justified text fills the measure
    note = _line(1, 680.0, "缺省的快捷键设置可从 Sourceforge 获取：[http://example.org/", size=8.0)
    note.lead_label = "4"
    near = _line(1, 690.0, "viewvc/branches/src/MainMenuShortcuts.properties]", size=8.0)
    near.x1 = 424.0
    far = _line(1, 690.0, "在Mac系统中缺省的快捷键", x0=431.3, size=8.0)
    body[10].sups = [Sup("4", 10, 200, 220, 206, 226, 6.0)]
    areas = note_areas(body + items + [note, near, far], [Rule(72.0, 670.0, 144.0, 670.0)], 10.0, 595.0, 842.0)
    assert [l.text[:6] for a in areas for l in a.lines] == ["缺省的快捷键", "viewvc", "在Mac系统"]


def test_a_short_last_line_in_text_type_is_no_title_over_smaller_notes() -> None:
    """mdBook sets its notes at 0.9 em after a rule; the paragraph before them may be one short
    line ("generics and closures"): larger than the notes but the text's own size, no title.
    A short line larger than the text ("参考文献") is one: the list under it is its own."""
    text = _called_text(["1", "2"])
    for l in text:
        l.size = 12.0
    entries = [_line(2, 300.0 + 14 * i, f"{i + 1}. Entry number {i + 1} says something.", size=10.8)
               for i in range(2)]
    links = {1: [Link(1, 199.0, l.top - 3, 206.0, l.top + 6, target=Target(2, x=40.0, top=e.top - 31))
                 for l, e in zip(text, entries)]}
    last = _line(2, 270.0, "generics and closures", size=12.0)
    assert len(find_sections(text + [last] + entries, links, {}, set(), 12.0)) == 1
    title = _line(2, 270.0, "参考文献", size=14.3)
    assert find_sections(text + [title] + entries, links, {}, set(), 12.0) == []
