"""Paragraph breaks in text set by a browser: ragged right, line boxes grown by
superscripts, columns. Lines placed by hand, read by paragraphs.blocks."""

from __future__ import annotations

from pariter.extract.lines import Line, Sup
from pariter.extract.paragraphs import blocks
from pariter.extract.styles import DocStyle, Style

SIZE = 9.0
ASCENT = 7.0
PITCH = 11.2
ADVANCE = 0.5 * SIZE  # a Latin letter, about


def _line(x0: float, baseline: float, text: str, sups: list[Sup] | None = None,
          raise_top: float = 0.0) -> Line:
    return Line(1, x0, baseline - ASCENT - raise_top, x0 + ADVANCE * len(text),
                baseline + 2.0, baseline, SIZE, "Helvetica", False, (0.0,), text, sups or [])


def _style() -> Style:
    return Style(SIZE, 400, False, False, "sans", (0.0,))


WORDS = ("And God called the dry land Earth and the gathering together of the waters called he "
         "Seas and God saw that it was good and God said let the earth bring forth grass").split()


def _text(n: int, k: int) -> str:
    """Words from ``k`` on, ``n`` characters at most."""
    out = ""
    while len(out) + len(WORDS[k % len(WORDS)]) + 1 <= n:
        out += (" " if out else "") + WORDS[k % len(WORDS)]
        k += 1
    return out


def test_a_line_lowered_by_the_superscript_it_holds_runs_on() -> None:
    # a browser grows the box of a line that holds a raised callout: the line sits 3.8 pt
    # lower than the pitch, and its callout stands 2.6 pt above its type — leading, no gap
    lines = [_line(219, 200 + PITCH * i, _text(34, 3 * i)) for i in range(3)]
    base = 200 + PITCH * 2 + 15.0
    sup = Sup("2", 5, 219 + 5 * ADVANCE, base - ASCENT - 2.6, 219 + 6 * ADVANCE, base - 3, 6.0)
    lines.append(_line(219, base, _text(34, 9), [sup], raise_top=2.6))
    lines += [_line(219, base + PITCH * (i + 1), _text(34, 12 + 3 * i)) for i in range(3)]
    for l in lines:
        l.x1 = 376.0  # justified: every line fills the column
    lines[-1].text = "forth grass."
    lines[-1].x1 = 219 + ADVANCE * len(lines[-1].text)
    ds = DocStyle(lines, _style())
    assert [(b.why, len(b.lines)) for b in blocks(lines, ds)] == [("start", 7)]


def test_ragged_text_turning_a_column_runs_on_where_the_next_word_had_no_room() -> None:
    # ragged right (a browser's default): the left column's last line ends 17 pt short of
    # the column's edge, before a word of 33 pt: it wrapped, and the paragraph goes on at
    # the top of the next column; one ending its sentence short ends its paragraph
    left = [_line(51, 600 + PITCH * i, _text(53, 4 * i)) for i in range(5)]
    last = left[-1]
    last.text, last.x1 = "she died that she called his name Benoni but his", 274.7
    for l in left[:-1]:
        l.x1 = 292.0  # the column's edge, shared by the lines that reached it
    right = [_line(304, 110 + PITCH * i, t) for i, t in enumerate(
        ["called him Benjamin and Rachel died and was buried", "in the way to Ephrath."])]
    right[0].x1 = 534.0
    ds = DocStyle(left + right, _style())
    assert [b.why for b in blocks(left + right, ds)] == ["start"]
    last.text = "she died that she called his name Benoni at last."
    assert [b.why for b in blocks(left + right, ds)] == ["start", "turn"]


def _justified(lines: list[Line], right: float) -> None:
    for l in lines:
        l.x1 = right


def test_a_hanging_indent_runs_on_and_the_next_entry_starts_back_at_the_edge() -> None:
    # a description list (or a bibliography) set with a hanging indent: each entry's first
    # line at the column's edge, its running lines 25 pt in; a paragraph after it indented
    # 15 pt, the document's first-line indent. The first line of an entry ends with
    # "http:" (an address broken across lines): its running lines keeping their edge say
    # that it hangs, not that a paragraph begins
    edge, hang, indent, right = 74.0, 99.0, 89.0, 520.0
    y = [300 + PITCH * i for i in range(12)]
    entry1 = [_line(edge, y[0], "Net installer, zip or tar: Download from CTAN, the url http:"),
              _line(hang, y[1], "//mirror.ctan.org/systems/texlive/tlnet should redirect to a"),
              _line(hang, y[2], "nearby mirror. You can retrieve either install-tl.zip or the"),
              _line(hang, y[3], "smaller one.")]
    entry2 = [_line(edge, y[4], "Net installer, Windows exe: Download from CTAN as above, and"),
              _line(hang, y[5], "double-click. This starts up a first-stage installer, see")]
    entry3 = [_line(edge, y[6], "TeX Collection DVD: go to the DVD's texlive subdirectory, the"),
              _line(hang, y[7], "installer normally starts when you insert the DVD.")]
    para = [_line(indent, y[8], "The same installer program is run, whatever the source of it"),
            _line(edge, y[9], "and the net installer gives the packages currently available.")]
    lines = entry1 + entry2 + entry3 + para
    _justified(entry1[:3] + entry2 + entry3[:1] + para[:1], right)
    ds = DocStyle(lines, _style())
    got = [(b.why, len(b.lines)) for b in blocks(lines, ds)]
    assert got == [("start", 4), ("outdent", 2), ("outdent", 2), ("short", 2)]


def test_a_first_line_indent_after_an_ended_full_line_still_opens_a_paragraph() -> None:
    # the same geometry read as ordinary paragraphs: the full line above ended its sentence,
    # and the line after the indented one goes back to the column's edge
    edge, indent, right = 74.0, 89.0, 520.0
    lines = [_line(edge, 300, "the installer program is run whatever the source of it is."),
             _line(indent, 300 + PITCH, "Under Windows the installer starts when you insert the"),
             _line(edge, 300 + 2 * PITCH, "DVD, as the installer on other systems does.")]
    _justified(lines[:2], right)
    ds = DocStyle(lines, _style())
    assert [(b.why, len(b.lines)) for b in blocks(lines, ds)] == [("start", 1), ("indent", 2)]


def _sized(x0: float, baseline: float, text: str, size: float, x1: float,
           sizes: tuple[float, ...] = ()) -> Line:
    return Line(1, x0, baseline - 0.8 * size, x1, baseline + 0.2 * size, baseline, size,
                "Serif", False, (0.0,), text, sizes=sizes)


def test_lines_sharing_a_size_run_on_across_their_main_sizes() -> None:
    # ctex sets the Latin words of Chinese text larger than the ideographs: a line with
    # more Latin glyphs reads as 11.6 pt, the next as 10.5 pt, both set in both sizes
    edge, right, pitch = 118.8, 537.7, 16.4
    a = _sized(edge, 300, "本模板不支持 pdfTeX 引擎，请使用 XeLaTeX 或 LuaLaTeX 编译。为了", 11.6, right,
               (10.5, 11.6))
    b = _sized(edge, 300 + pitch, "生成正确的目录，您需要连续编译两次。", 10.5, 300.0, (10.5,))
    body = [_sized(edge, 400 + pitch * i, "正文" * 20, 10.5, right, (10.5,)) for i in range(4)]
    ds = DocStyle(body + [a, b], Style(10.5, 400, False, False, "serif", (0.0,)))
    assert [b.why for b in blocks([a, b], ds)] == ["start"]
    a.sizes = (11.6,)  # set in its own size only: a change of type
    assert [b.why for b in blocks([a, b], ds)] == ["start", "size"]


def test_a_sentence_ending_in_a_code_word_runs_on_into_its_smaller_type() -> None:
    edge, right, pitch = 118.8, 537.7, 13.2
    body = [_sized(edge, 400 + pitch * i, "words of the body " * 4, 11.0, right) for i in range(4)]
    a = _sized(edge, 300, "fduthesis has provided options which can be given via the general command",
               11.0, right)
    b = _sized(edge, 300 + pitch, "\\fdusetup.", 9.0, 161.9)
    ds = DocStyle(body + [a, b], Style(11.0, 400, False, False, "serif", (0.0,)))
    assert [x.why for x in blocks([a, b], ds)] == ["start"]
    a.text += "."  # the sentence ended: the small line is something else
    assert [x.why for x in blocks([a, b], ds)] == ["start", "size"]


def test_a_label_beside_a_paragraph_does_not_cut_it() -> None:
    # fduthesis's option boxes: "oneside" and "twoside" in 7.2 pt beside the option's text,
    # which reading order puts between the paragraph's lines
    edge, right, pitch = 118.8, 537.7, 13.2
    lines = [_sized(edge, 704.1, "Specify whether single or double sided output should be generated. "
                    "twoside will be chosen", 11.0, right),
             _sized(88.5, 707.0, "oneside", 7.2, 113.8),
             _sized(88.5, 717.0, "twoside", 7.2, 113.8),
             _sized(edge, 717.3, "by default. These option will determine where the chapters begin.",
                    11.0, 400.0)]
    ds = DocStyle(lines, Style(11.0, 400, False, False, "serif", (0.0,)))
    got = blocks(lines, ds)
    assert [x.text for x in got[0].lines] == [lines[0].text, lines[3].text]
    assert all(x.why == "beside" for x in got[1:])


def test_a_side_label_in_the_type_of_the_text_is_read_before_its_block() -> None:
    # an admonition laid out as a two-cell row (asciidoctor HTML printed by LibreOffice):
    # "Note" centred beside a three-line note, which reading by height puts after the
    # note's second line; it must neither cut the note nor run into it
    edge, pitch = 87.5, 27.5
    note = [_sized(edge, 263.6, "Hotkey configurations are not imported from previous versions "
                   "at this time, and you can import them by hand", 12.0, 555.5),
            _sized(edge, 263.6 + pitch, "by copying the hotkeys files from the old configuration "
                   "directory to the new one; please note that KiCad will not", 12.0, 557.0),
            _sized(58.2, 297.4, "Note", 12.0, 81.5),
            _sized(edge, 263.6 + 2 * pitch, "detect conflicts such as one key used twice.", 12.0, 327.5)]
    body = [_sized(56.8, 150.0 + k * pitch, "Body text of the page runs from the column's left edge "
                   "to its right edge in this document", 12.0, 562.0) for k in range(3)]
    ds = DocStyle(body + note, Style(12.0, 400, False, False, "serif", (0.0,)))
    got = blocks(note, ds)
    assert [[x.text for x in b.lines] for b in got] == [
        ["Note"], [note[0].text, note[1].text, note[3].text]]
    # a list label or a word of the text's own column is no side label
    for text, x0 in (("1.", 58.2), ("Note", edge)):
        lines = note[:2] + [_sized(x0, 297.4, text, 12.0, x0 + 20)] + note[3:]
        assert [b.lines[0].text for b in blocks(lines, DocStyle(body + lines, ds.body))][0] != text


def test_a_ragged_line_ending_in_a_closing_quote_runs_on_where_the_next_word_had_no_room() -> None:
    """wkhtmltopdf's "… “Soft Light”, “Grain Extract”" ends 17 pt short of the column, before
    "and" (14 pt): it wrapped. A closing quote alone ends a quoted word, not a sentence; after
    a stop ("… Grain Extract.”") the short line ends its paragraph."""
    lines = [_line(72, 300 + PITCH * i, _text(60, 5 * i)) for i in range(3)]
    for l in lines:
        l.x1 = 567.0  # the column's edge, reached by the lines around
    mid = _line(72, 300 + PITCH * 3, "modes: “Hard Light”, “Soft Light”, “Grain Extract”")
    mid.x1 = 550.0
    tail = _line(72, 300 + PITCH * 4, "and “Grain Merge”.")
    ds = DocStyle(lines + [mid, tail], _style())
    assert [b.why for b in blocks(lines + [mid, tail], ds)] == ["start"]
    mid.text = "modes: “Hard Light”, “Soft Light”, “Grain Extract.”"
    assert [b.why for b in blocks(lines + [mid, tail], ds)] == ["start", "short"]
