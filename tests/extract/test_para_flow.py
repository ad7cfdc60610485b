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
