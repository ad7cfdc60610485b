"""A line's column margins, read off the page's own lines (styles.DocStyle.col)."""

from __future__ import annotations

from pariter.extract.lines import Line
from pariter.extract.styles import DocStyle, Style

SIZE = 10.0


def _line(x0: float, x1: float, baseline: float, size: float = SIZE) -> Line:
    return Line(1, x0, baseline - 0.8 * size, x1, baseline + 0.2 * size, baseline, size, "Song",
                False, (0.0,), "字" * int((x1 - x0) // size))


def test_an_abstract_set_in_over_two_columns_lends_its_margin_to_neither() -> None:
    # a full-width abstract indented 3 ems on each side (86..511) over two columns
    # (57..292 and 304..539): the left column's lines end at 292 — its short last line
    # ends short of 292, not of the abstract's 511 — and the abstract's full lines fill it
    abstract = [_line(85.5, 510.8, 125 + 15 * i, 9.5) for i in range(3)]
    abstract.append(_line(85.5, 237.4, 170, 9.5))
    left = [_line(57, 292.1, 250 + 15.8 * i) for i in range(6)] + [_line(57, 177, 345)]
    right = [_line(304.1, 539.3, 250 + 15.8 * i) for i in range(7)]
    ds = DocStyle(abstract + left + right,
                  Style(SIZE, 400, False, False, "serif", (0.0,)))
    assert {ds.col(l)[1] for l in left} == {292.1}
    assert {ds.col(l)[1] for l in right} == {539.3}
    assert {ds.col(l)[1] for l in abstract} == {510.8}
