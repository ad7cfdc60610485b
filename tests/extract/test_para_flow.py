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
