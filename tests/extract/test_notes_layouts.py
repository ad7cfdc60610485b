"""Footnotes and callouts in layouts found on devset3 (corpus/devset/specs3.py): circled and
letter labels, callouts touching an exponent, notes whose words recur at the foot of pages,
Markdown back links. Each fixture is made by a real producer (Typst, pandoc → Chromium); its
build command is in the source file beside it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pariter.extract import extract_pdf
from pariter.extract.labels import CIRCLED, CIRCLED_VARIANTS, canonical, number

FIX = Path(__file__).parent / "fixtures"


def _links(doc) -> list[tuple[int, str, str | None]]:  # noqa: ANN001
    notes = {n.id: n.label for n in doc.footnotes}
    return [(m.page, m.label, notes.get(m.footnote)) for m in doc.markers]


def test_circled_note_numbers_call_their_notes() -> None:
    """①②③ (Word, WPS, Chinese publications) are labels that count 1, 2, 3: each callout,
    after ， 。 or a closing quote, is linked to its note and left out of the text."""
    doc = extract_pdf(FIX / "notes-circled-zh.pdf")
    assert _links(doc) == [(1, "①", "①"), (1, "②", "②"), (1, "③", "③")]
    assert doc.footnotes[0].text == "参见《公共数据开放管理办法》第二条。"
    assert not any(c in p.text for p in doc.paragraphs for c in CIRCLED)


@given(st.integers(min_value=1, max_value=10), st.sampled_from(range(4)))
def test_every_circled_variant_reads_as_the_standard_number(n: int, family: int) -> None:
    """CJK fonts map the circled glyph to dingbats (➀, ❶, ➊, ⓵) in their ToUnicode: one
    printed shape, one label, one number."""
    variant = CIRCLED_VARIANTS[family * 10 + n - 1]
    assert canonical(variant) == CIRCLED[n - 1]
    assert number(variant) == number(CIRCLED[n - 1]) == n


def test_number_reads_only_what_counts() -> None:
    assert [number(x) for x in ("12", "⑳", "*", "a", "²", "")] == [12, 20, None, None, None, None]


def test_letter_labels_call_notes_and_ordinals_stay_text() -> None:
    """Notes numbered a, b, c: a raised letter whose note is printed is a callout; the raised
    letters of 1st, 2nd, 3rd have no note and stay in the words."""
    doc = extract_pdf(FIX / "notes-letters.pdf")
    assert _links(doc) == [(1, "a", "a"), (1, "b", "b"), (1, "c", "c")]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "the 1st and the 2nd day" in text and "the 3rd gauge" in text
    assert "valley. Rainfall" in text and "absent, and" in text


def test_a_callout_touching_an_exponent_is_told_apart() -> None:
    """``400 m²¹``: the raised 2 is the unit's power (back in the text), the raised 1 calls
    note 1 — the group's number 21 has no note, its tail has."""
    doc = extract_pdf(FIX / "notes-glued-exponent.pdf")
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2")]
    text = " ".join(p.text for p in doc.paragraphs)
    assert "a plot of 400 m2 in the lower valley" in text
    assert "1.5 × 104 sheep" in text


def test_a_note_recurring_at_the_foot_of_pages_is_not_a_footer() -> None:
    """"Ibid." closes the notes of three pages at the same height: it is a note each time
    (the line above it, at the notes' pitch, is another note), not running matter."""
    doc = extract_pdf(FIX / "notes-ibid.pdf")
    assert [(n.page, n.label, n.text) for n in doc.footnotes if n.text == "Ibid."] == [
        (1, "2", "Ibid."), (2, "4", "Ibid."), (3, "6", "Ibid.")]
    assert all(f == lab for _, lab, f in _links(doc)) and len(doc.markers) == 6
    assert not any("Ibid" in r.text for p in doc.pages for r in p.running)


def test_markdown_back_links_are_not_note_text() -> None:
    """pandoc ends every note with a back link ↩︎ to its callout: navigation, not words."""
    doc = extract_pdf(FIX / "notes-pandoc-backlinks.pdf")
    assert [n.text for n in doc.footnotes] == [
        "The plot was marked out with four steel pegs in March 2019.",
        "The detection limit of the method, as given by the laboratory."]
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2")]


def test_a_callout_the_line_broke_before_belongs_to_the_line_above() -> None:
    """xeCJK may break a line between 。 and its callout, which then opens the next line:
    the callout follows the words of the line above, not the next line's."""
    doc = extract_pdf(FIX / "notes-wrapped-callout-zh.pdf")
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2")]
    first = doc.markers[0]
    para = next(p for p in doc.paragraphs if p.id == first.paragraph)
    assert para.text[:first.offset].endswith("我是全能的神。")
    assert para.text[first.offset:].startswith("你当在我面前")


def test_a_note_indented_like_chinese_text_keeps_its_next_lines() -> None:
    """Chinese notes indent their first line two characters (the raised label at the indent)
    and wrap flush left: the lines left of the label line are the note's, not the page's."""
    doc = extract_pdf(FIX / "notes-hanging-label-zh.pdf")
    notes = [(n.page, n.label, n.text.replace(" ", "")) for n in doc.footnotes]
    assert [(p, lab) for p, lab, _ in notes] == [(1, "1"), (2, "2")]
    assert notes[0][2].endswith("2021年7月1日发布，2024年3月15日。")
    assert notes[1][2].endswith("修订日期为2024年3月15日。")
    assert _links(doc) == [(1, "1", "1"), (2, "2", "2")]


def _line(page: int, x0: float, top: float, x1: float, size: float, text: str,
          lead: str | None = None):  # noqa: ANN202
    from pariter.extract.lines import Line
    return Line(page, x0, top, x1, top + size, top + 0.8 * size, size, "Serif", False, None, text,
                lead_label=lead)


@given(st.integers(min_value=3, max_value=8), st.floats(min_value=0, max_value=2.5))
def test_a_repeated_short_last_line_of_a_note_is_not_a_footer(pages: int, hang_em: float) -> None:
    """On every page a note ends with the same short line ("日。") at the same height, under
    a line of its type that differs from page to page and may open further right (a raised
    label at a first-line indent). It ends that note; the page number below is a footer."""
    from pariter.extract.running import find_running

    body, note, height = 11.0, 8.5, 450.0
    doc = []
    for p in range(1, pages + 1):
        ls = [_line(p, 40, 60 + 18 * k, 360, body, f"正文{'春夏秋冬晴雨风雪'[p - 1]}页{'甲乙丙丁戊己庚辛'[k]}行的文字各不相同")
              for k in range(8)]
        ls.append(_line(p, 40 + hang_em * note, 380, 330, note, f"注释{'一二三四五六七八'[p - 1]}的第一行，各页不同", lead=str(p)))
        ls.append(_line(p, 40, 380 + 1.4 * note, 40 + 2 * note, note, "日。"))
        ls.append(_line(p, 195, 420, 201, 9.0, str(p)))
        doc.append(ls)
    found = find_running(doc, [height] * pages, body)
    assert all([l.text for l, _ in f] == [str(p)] for p, f in enumerate(found, 1))


def test_an_exponent_does_not_take_the_next_pages_note_from_its_callout() -> None:
    """``1.2 × 10⁵`` on page 1 when note 5 is printed on page 2, called there after ``0.09⁵``
    (XeLaTeX, corpus/devset/specs3.py zh-ctexart-digit-callouts): a raised figure after a
    figure calls a note only when that note is on its own page; the 5 of 10⁵ stays text."""
    doc = extract_pdf(FIX / "notes-zh-ctexart-digit-callouts.pdf")
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2"), (1, "3", "3"), (1, "4", "4"),
                           (2, "5", "5"), (2, "6", "6"), (2, "7", "7"), (2, "8", "8")]
    assert any("样本记录约 1.2 × 105 条。" in p.text for p in doc.paragraphs)


def test_a_full_size_label_glued_to_a_figure_opens_the_next_note() -> None:
    """LibreOffice sets note labels on the line at full size with no space: "82020年调查…"
    is note 8 (the next number, at the area's edge, after a finished note), not the rest of
    note 7 (corpus/devset/specs3.py zh-odt-digit-callouts)."""
    doc = extract_pdf(FIX / "notes-zh-odt-digit-callouts.pdf")
    notes = {n.label: n.text for n in doc.footnotes}
    assert notes["7"] == "参见本报告第二部分。"
    assert notes["8"].replace(" ", "").startswith("2020年调查的样本较小")
    assert (2, "8", "8") in _links(doc)


def test_a_note_opening_with_a_book_title_mark_is_a_note() -> None:
    """Chinese citation notes open with 《书名》, 〔2021〕, 「」, 【】 right after a label set on
    the line (LibreOffice, Word): the label still opens the note (corpus/devset/specs3.py
    zh-odt-cite-notes)."""
    doc = extract_pdf(FIX / "notes-zh-odt-cite-notes.pdf")
    firsts = {n.text[:1] for n in doc.footnotes}
    assert {"《", "〔", "「", "【", "『"} <= firsts
    assert doc.footnotes[0].text == "《中华人民共和国数据安全法》第二十一条。"
    assert all(lab == note for _, lab, note in _links(doc)) and len(doc.markers) == 10


def test_a_label_set_apart_from_its_note_by_a_tab_opens_the_note() -> None:
    """groff -ms ``FF 3`` (as LibreOffice's and pandoc's ODT tab): each note's label on the
    line, a hanging indent before its text; the labels stand one under the other like a
    narrow column, yet each opens its note, even when the note opens with a year."""
    doc = extract_pdf(FIX / "notes-label-tab.pdf")
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2")]
    assert doc.footnotes[0].text.startswith("1998 edition, revised")
    assert doc.footnotes[1].text == "Cited from the second volume, pp. 114–117."


def test_bracketed_note_numbers_call_their_notes() -> None:
    """Notes numbered [1] [2] [3] (Typst's "[1]", Chinese papers): the raised [1] calls note
    1, whose label at the foot is [1] too; the brackets are punctuation around the number."""
    doc = extract_pdf(FIX / "notes-bracketed-zh.pdf")
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2"), (1, "3", "3")]
    assert doc.footnotes[0].text.startswith("1998")
    assert doc.footnotes[2].text.startswith("〔编者按〕")
    assert not any("[" in p.text for p in doc.paragraphs)


def _note_line(text: str, top: float, sups=()) -> "Line":  # noqa: F821
    from pariter.extract.lines import Line, Sup
    return Line(1, 72, top, 400, top + 9, top + 8, 9, "Song", False, None, text,
                [Sup(lab, off, 0, 0, 0, 0, 6) for lab, off in sups])


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["[]", "［］", "〔〕", "【】"]))
def test_a_label_in_brackets_is_its_number(n: int, pair: str) -> None:
    from pariter.extract.lines import marker_label
    from pariter.extract.labels import unbracketed
    assert marker_label(f"{pair[0]}{n}{pair[1]}") == str(n)
    assert unbracketed(f"{pair[0]}{n}{pair[1]}") == str(n)
    assert unbracketed(f"{pair[0]}{n})") == f"{pair[0]}{n})"  # brackets that do not pair stay


def test_a_circled_or_bracketed_label_closes_itself_before_a_figure() -> None:
    """①, [1] and 〔1〕 end where they end: a note set on the line right after one may open
    with a figure (``③2 卷本``, ``[4]1998年``) and is still a note of its own."""
    from pariter.extract.footnotes import parse_notes
    lines = [_note_line(t, 700 + 11 * i) for i, t in enumerate(
        ["①1998年修订本。", "②见该书第二卷。", "③2 卷本，1881年刊行。", "[4]1998年版。", "〔5〕见上。"])]
    notes, _ = parse_notes(lines, 1, None)
    assert [(n.label, n.text) for n in notes] == [
        ("①", "1998年修订本。"), ("②", "见该书第二卷。"), ("③", "2 卷本，1881年刊行。"), ("4", "1998年版。"),
        ("5", "见上。")]


def test_an_endnote_list_numbered_with_circled_numbers_is_linked() -> None:
    """A 注释 section whose entries open with ① ② (ctex, Word) is endnotes like 1. 2."""
    from pariter.extract.endnotes import find_sections
    text = [_note_line("正文第一句。正文第二句。", 100, [("①", 6), ("②", 12)])]
    sec = [_note_line("注释", 300), _note_line("① 甲说。", 320), _note_line("② 1881年刊本。", 332)]
    found = find_sections(text + sec)
    assert [(n.label, n.text) for s in found for n in s.notes] == [("①", "甲说。"), ("②", "1881年刊本。")]


def test_a_short_note_recurring_under_the_pages_other_notes_is_not_a_footer() -> None:
    """"2. Ibid." at the foot of page after page, a little apart from the note above it (the
    gap between notes wider than the pitch of a note's lines): the text above calls its label,
    so it is a note, not a running footer."""
    from pariter.extract.lines import Line, Sup
    from pariter.extract.running import find_running

    def line(text: str, top: float, size: float, sups=()) -> Line:
        return Line(1, 72, top, 500 if len(text) > 20 else 72 + 5 * len(text), top + size, top + 0.8 * size,
                    size, "Serif", False, None, text, [Sup(lab, off, 0, top, 0, top + 4, 6) for lab, off in sups])

    pages = []
    for k in range(3):
        body = [line(f"Body line {i} of page {k}, long enough to be running text here.", 72 + 14 * i, 11,
                     [(str(2 * k + 1), 10), (str(2 * k + 2), 30)] if i == 3 else ()) for i in range(30)]
        notes = [line(f"{2 * k + 1}. Smith, The Valley, a note long enough to run onto a second", 700, 8),
                 line("line of its own at the pitch of the notes, and ends here.", 710, 8),
                 line(f"{2 * k + 2}. Ibid.", 723, 8)]
        pages.append(body + notes)
    found = find_running(pages, [842.0] * 3, 11)
    assert not [l.text for f in found for l, _ in f if "Ibid" in l.text]


def test_roman_labels_glued_to_their_notes_restart_per_page() -> None:
    """LibreOffice's 'i, ii, iii' numbering restarting per page: raised callouts, and each
    note's label printed at full size glued to its first word (``iiin the second…``). The
    page's callouts continue the labels' sequence, so each note opens at its label — the
    notes opening with ``in``, ``it`` and ``ivory`` keep those words whole, and the pronoun I
    in the text is no callout. Build: ``soffice --headless --convert-to pdf
    notes-roman-perpage.fodt`` (LibreOffice 7.4)."""
    doc = extract_pdf(FIX / "notes-roman-perpage.pdf")
    assert _links(doc) == [(1, "i", "i"), (1, "ii", "ii"), (1, "iii", "iii"), (2, "i", "i"), (2, "ii", "ii")]
    assert [n.text.split()[0] for n in doc.footnotes] == ["the", "in", "it", "ivory", "Compare"]
    assert any("And I will go down" in p.text for p in doc.paragraphs)


def test_roman_labels_in_superior_letters_call_their_notes() -> None:
    """Typst's "i" numbering in Libertinus Serif: callouts and labels are the font's superior
    letters, at the text's size on its baseline (only their ink is raised). They call notes
    i … iv; the raised i of a variable (xⁱ) and the pronoun I stay in the text."""
    doc = extract_pdf(FIX / "notes-roman-typst.pdf")
    assert _links(doc) == [(1, "i", "i"), (1, "ii", "ii"), (1, "iii", "iii"), (1, "iv", "iv")]
    assert doc.footnotes[1].text.startswith("in the method")
    assert any("terms xi over" in p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text.startswith("I said")


@given(st.integers(min_value=1, max_value=39), st.booleans())
def test_a_roman_label_counts_and_has_a_successor(n: int, upper: bool) -> None:
    from pariter.extract.footnotes import _next_label, _successor
    from pariter.extract.labels import roman, to_roman
    label = to_roman(n, upper)
    assert roman(label) == n
    if n < 39:
        assert _successor(label) == to_roman(n + 1, upper) and _next_label(label, to_roman(n + 1, upper))
    assert roman(label + "n") is None and not _next_label(label, to_roman(n + 1, not upper))


def test_letter_labels_still_run_h_to_i() -> None:
    """a, b, c … labels pass through i and v as letters, roman labels through ii and iv."""
    from pariter.extract.footnotes import _next_label
    assert _next_label("h", "i") and _next_label("i", "j") and _next_label("i", "ii")
    assert not _next_label("ii", "j")


def test_a_raised_bracketed_number_without_its_note_is_a_citation() -> None:
    """GB/T 7714 numeric citations are set raised in brackets (``Knuth[1]指出``, a Chinese
    thesis template's manual): with no note 1 on the page, the next, or in the endnotes, the
    ``[1]`` is a reference into the bibliography and stays in the text as printed; where the
    page prints note 1, the same ``[1]`` is its callout."""
    from pariter.extract.lines import Line, Sup
    from pariter.extract.markers import decide_markers
    from pariter.extract.footnotes import Note

    def body() -> Line:
        return Line(1, 72, 100, 400, 109, 108, 9, "Song", False, None, "Knuth指出，排版是一门艺术。",
                    [Sup("1", 5, 0, 100, 0, 104, 6, printed="[1]")])

    cited = body()
    decide_markers({1: [cited]}, [], [])
    assert cited.text == "Knuth[1]指出，排版是一门艺术。" and cited.sups == []

    called = body()
    note = Note(label="1", text="高德纳：《TeX 手册》。", page=1)
    decide_markers({1: [called]}, [note], [])
    assert called.text == "Knuth指出，排版是一门艺术。" and [s.label for s in called.sups] == ["1"]
