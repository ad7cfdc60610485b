"""Note areas told apart from what stands near them, found on devset2 (corpus/devset/specs2.py):
a table's cell borders above the notes, the next column's notes and a first page's footer under
a two-column page with a full-width title, the same mark restarting per section on one page, a
full-size label glued to a figure opening the page's first note, a callout wrapped to the start
of a widely leaded line. Each page is written here as a small PDF (Courier, whose advance is
0.6 em, places a raised callout right after its word)."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import COURIER_ADVANCE, courier_pdf, courier_text, rule

ADVANCE = COURIER_ADVANCE
WORDS = ("the measures of the camp were taken at the gate of every tribe and written in the book "
         "of the elders before the feast began in spring when the people came from the south with "
         "their cattle and their tents and the priests counted them by their families and their "
         "houses and gave each a portion of the land by lot as the law commanded them").split()


_text, _rule, _pdf = courier_text, rule, courier_pdf


def _column(x: float, first: float, pitch: float, n: int, size: float, chars: int, seed: int,
            callouts: dict[int, str] | None = None, end: str = ".") -> list[str]:
    """``n`` lines of running text at ``x`` (no two pages alike), a raised callout after the
    line numbers given; the last line ends a sentence."""
    ops = []
    for i in range(n):
        words = WORDS[(i * 7 + seed * 5) % len(WORDS):] + WORDS
        line = " ".join(words)[:chars].rsplit(" ", 1)[0] + (end if i == n - 1 else "")
        ops.append(_text(x, first + pitch * i, size, line))
        if callouts and i in callouts:
            ops.append(_text(x + ADVANCE * size * len(line), first + pitch * i, 0.65 * size,
                             callouts[i], rise=0.4 * size))
    return ops


def _notes(doc) -> list[tuple[int, str, str]]:  # noqa: ANN001
    return [(n.page, n.label, n.text) for n in doc.footnotes]


def _links(doc) -> list[tuple[int, str, str | None]]:  # noqa: ANN001
    notes = {n.id: n.label for n in doc.footnotes}
    return [(m.page, m.label, notes.get(m.footnote)) for m in doc.markers]


def test_a_tables_cell_borders_are_no_note_separator(tmp_path: Path) -> None:
    """A ruled table low on a page draws each cell's border as a short rule of its own, as
    short as a separator; the borders meet each other and the column rules, a separator
    stands alone. The table's cells are not the rest of the previous page's note."""
    p1 = _column(72, 100, 14, 30, 11, 58, 1, {8: "1"}) + [
        _rule(72, 600, 180), _text(72, 612, 9, "1 The measures are approximate.")]
    p2 = _column(72, 100, 14, 18, 11, 58, 2, {5: "2"})
    cells = [(72, 180), (180, 300), (300, 468)]
    for r, row in enumerate([("No.", "Measure", "Litres"), ("1.", "ephah", "22"), ("2.", "hin", "3.7")]):
        t = 400 + 17 * r
        for (x0, x1), text in zip(cells, row):
            p2 += [_rule(x0, t, x1), _rule(x0, t + 17, x1), _rule(x0, t, x0, t + 17),
                   _rule(x1, t, x1, t + 17), _text(x0 + 3, t + 13, 10, text)]
    p2 += [_rule(72, 600, 180), _text(72, 612, 9, "2 That is, about eleven litres.")]
    doc = extract_pdf(_pdf(tmp_path / "grid.pdf", [p1, p2]))
    assert _notes(doc) == [(1, "1", "The measures are approximate."),
                           (2, "2", "That is, about eleven litres.")]
    assert _links(doc) == [(1, "1", "1"), (2, "2", "2")]


def test_two_columns_under_a_full_width_title_keep_their_notes_and_footer_apart(tmp_path: Path) -> None:
    """A first page of a two-column article (elsarticle, InDesign): title and abstract span
    the page, both columns end in notes, and a footer printed on this page only ("Preprint
    submitted to …", a date set right) lies under them. The left column's notes end where
    the right column's begin; the footer is no note's words and no paragraph. On the next
    page the right column's text runs on beside the left column's note, row for row: a
    gutter, not a wide word space, separates them."""
    p1 = [_text(72, 80, 14, "Rules and the Quality of Open Data in the Public Sector")]
    p1 += _column(72, 104, 12, 3, 10, 78, 9)
    p1 += _column(72, 160, 12, 41, 10, 37, 1, {10: "1"})
    p1 += _column(316, 160, 12, 42, 10, 37, 2, {20: "2"})
    p1 += [_rule(72, 660, 162), _text(76, 670, 8, "1"), _text(82, 672, 8, "The full text is published"),
           _text(72, 682, 8, "online by the data board."),
           _rule(316, 676, 406), _text(320, 684, 8, "2"), _text(326, 686, 8, "Figures for 2023 are provisional."),
           _text(72, 703, 8, "Preprint submitted to the Journal"),
           _text(540 - ADVANCE * 8 * len("November 14, 2023"), 703, 8, "November 14, 2023")]
    p2 = [_text(72, 80, 14, "Results and Discussion of the Findings in Detail")]
    p2 += _column(72, 106, 12, 42, 10, 37, 3, {12: "3"})
    p2 += _column(316, 106, 12, 45, 10, 37, 4)
    p2 += [_rule(72, 622, 162), _text(72, 634, 8, "3 Compare the register of 2019.")]
    doc = extract_pdf(_pdf(tmp_path / "twocol.pdf", [p1, p2]))
    assert _notes(doc) == [(1, "1", "The full text is published online by the data board."),
                           (1, "2", "Figures for 2023 are provisional."),
                           (2, "3", "Compare the register of 2019.")]
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2"), (2, "3", "3")]
    footer = [(r.kind, r.text) for r in doc.pages[0].running]
    assert ("footer", "Preprint submitted to the Journal") in footer
    assert ("footer", "November 14, 2023") in footer
    assert not any("Preprint" in p.text or "November" in p.text for p in doc.paragraphs)


def test_a_mark_restarting_per_section_repeats_on_a_page(tmp_path: Path) -> None:
    """Marks * † ‡ restarting at every article (Word, LibreOffice, LaTeX's \\footnote[n]) put
    two * notes on one page when an article starts mid-page: the page calls * twice, and a *
    at the notes' edge after a finished note opens the second."""
    page = _column(72, 100, 14, 20, 11, 58, 1, {4: "*"})
    page += [_text(72, 400, 11, "Article 2")]
    page += _column(72, 430, 14, 12, 11, 58, 2, {3: "*"})
    page += [_rule(72, 700, 180), _text(72, 712, 9, "*Or, a sin offering."),
             _text(72, 723, 9, "*The Greek version adds: and his sons.")]
    doc = extract_pdf(_pdf(tmp_path / "marks.pdf", [page]))
    assert _notes(doc) == [(1, "*", "Or, a sin offering."), (1, "*", "The Greek version adds: and his sons.")]
    assert [(p, lab) for p, lab, _ in _links(doc)] == [(1, "*"), (1, "*")]


def test_a_full_size_label_glued_to_a_figure_opens_the_first_note(tmp_path: Path) -> None:
    """LibreOffice and Word set the label on the note's line at full size, with no space:
    "12023 figures …" opening a page's notes is note 1 (the page calls 1), and "22023 …" on
    the next page note 2 — not the words of the note before, which ended with a full stop."""
    p1 = _column(72, 100, 14, 30, 11, 58, 1, {6: "1"}) + [
        _rule(72, 600, 180), _text(72, 612, 9, "12023 figures are provisional.")]
    p2 = _column(72, 100, 14, 30, 11, 58, 2, {9: "2"}) + [
        _rule(72, 600, 180), _text(72, 612, 9, "22023 figures for the north are provisional too.")]
    doc = extract_pdf(_pdf(tmp_path / "glued.pdf", [p1, p2]))
    assert _notes(doc) == [(1, "1", "2023 figures are provisional."),
                           (2, "2", "2023 figures for the north are provisional too.")]
    assert _links(doc) == [(1, "1", "1"), (2, "2", "2")]


def test_a_callout_wrapped_to_a_widely_leaded_line_is_kept(tmp_path: Path) -> None:
    """Double-spaced text (a report's 1.5 or 2 line spacing): a callout after a comma wrapped
    to the start of the next line is a callout there, the line above running on unfinished
    at the page's own line pitch — however much leading that leaves between them."""
    lines = _column(72, 100, 21, 12, 10.5, 70, 1, end=",")
    lines += [_text(72, 100 + 21 * 12, 6, "3", rise=4.2),
              _text(72 + ADVANCE * 6, 100 + 21 * 12, 10.5, "without any application.")]
    lines += _column(72, 100 + 21 * 13, 21, 8, 10.5, 70, 2)
    lines += [_rule(72, 700, 180), _text(72, 712, 9, "3 See the explanatory notes.")]
    doc = extract_pdf(_pdf(tmp_path / "wrapped.pdf", [lines]))
    assert _links(doc) == [(1, "3", "3")]
    m = doc.markers[0]
    para = next(p for p in doc.paragraphs if p.id == m.paragraph)
    assert para.text[m.offset:].startswith("without any application.")


def test_notes_run_on_in_one_paragraph_keep_their_rows(tmp_path: Path) -> None:
    """Short notes set run-on in one paragraph (footmisc's ``para``, some journals): a note
    opens mid-row after the last words of the one before, its raised label lifting its top
    above theirs. The area is read row by row, left to right, the row's pieces together."""
    size = 9
    rest = "ending on this row."
    x2 = 72 + ADVANCE * size * (len(rest) + 3)
    second = "The note on the gate, which is short."
    x3 = x2 + 5 + ADVANCE * size * (len(second) + 3)
    page = _column(72, 100, 14, 34, 11, 76, 1, {5: "1", 11: "2", 20: "3"})
    page += [_rule(72, 600, 180),
             _text(72, 612, 0.65 * size, "1", rise=3.6),
             _text(77, 612, size, "The note on the camp, set first and running on to the next row,"),
             _text(72, 623, size, rest),
             _text(x2, 623, 0.65 * size, "2", rise=3.6), _text(x2 + 5, 623, size, second),
             _text(x3, 623, 0.65 * size, "3", rise=3.6), _text(x3 + 5, 623, size, "The note on"),
             _text(72, 634, size, "the elders, which runs on to a third row.")]
    doc = extract_pdf(_pdf(tmp_path / "para.pdf", [page]))
    assert _notes(doc) == [
        (1, "1", "The note on the camp, set first and running on to the next row, ending on this row."),
        (1, "2", second), (1, "3", "The note on the elders, which runs on to a third row.")]
    assert _links(doc) == [(1, "1", "1"), (1, "2", "2"), (1, "3", "3")]


def test_a_numbered_line_over_a_table_is_no_note_its_number_raised_under_it(tmp_path: Path) -> None:
    """A glyph table in type smaller than the body, low on a page: a numbered caption line
    ("2. Standard high codes") over its rows, one of whose cells shows the raised figure ².
    Small type, a label, a matching raised figure on the page: but a note follows its callout,
    and this figure stands under the line it would call. Nothing here is a note."""
    body = _column(72, 100, 14, 24, 11, 58, 3)
    table = [_text(150, 470, 9, "2. Standard high codes 00B0 .. 00B5")]
    for i, (code, name) in enumerate([("00B0", "degree"), ("00B1", "plusminus"),
                                      ("00B2", "two.superior"), ("00B3", "three.superior"),
                                      ("00B4", "acute"), ("00B5", "micro")]):
        t = 495 + 16 * i
        table.append(_text(72, t, 9, f"{code} {name}"))
        if code in ("00B2", "00B3"):
            x = 72 + ADVANCE * 9 * len(f"{code} {name}")
            table.append(_text(x, t, 5.85, code[-1], rise=3.6))
    doc = extract_pdf(_pdf(tmp_path / "glyphs.pdf", [body + table]))
    assert _notes(doc) == []
    assert any("Standard high codes" in p.text for p in doc.paragraphs)
