"""Which rules meet a rule: the page's rules filed by grid squares give the same answer
as asking every rule on the page, for any rules (a page drawn as thousands of hairlines, a
vectorised scan, took most of a minute to walk once per candidate note separator); and the
answer is the one a reader gives for the shapes a page draws: a table's borders and a box's
edges meet, a note separator stands alone."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pariter.extract.chars import Rule
from pariter.extract.footnotes import _in_grid, _meets, _RuleGrid


def _meets_walk(r: Rule, rules: list[Rule]) -> bool:
    """Every rule of the page asked, none passed over: what the grid must agree with."""
    return any(_meets(r, o) for o in rules)


SEPARATOR = Rule(72, 700, 216, 700.4)


@pytest.mark.parametrize("page,meeting", [
    # a note separator alone on the page
    ([SEPARATOR], [False]),
    # the same separator stroked and then filled: one rule drawn twice, still alone
    ([SEPARATOR, Rule(72.2, 700.1, 216.1, 700.5)], [False, False]),
    # a table's row rule crossed by a column rule
    ([Rule(72, 100, 300, 100.5), Rule(150, 90, 150.5, 200)], [True, True]),
    # a box's top edge and left edge meeting at its corner
    ([Rule(72, 100, 300, 100.5), Rule(72, 100, 72.5, 200)], [True, True]),
    # a cell border continued by the next cell's, half a point on along the line
    ([Rule(72, 100, 150, 100.5), Rule(150.5, 100, 300, 100.5)], [True, True]),
    # two rules on one line two points apart: a gap, not a continuation
    ([Rule(72, 100, 150, 100.5), Rule(152, 100, 300, 100.5)], [False, False]),
    # a separator three points above a table's top border does not touch it
    ([SEPARATOR, Rule(72, 703.4, 400, 703.9)], [False, False]),
])
def test_rules_meet_as_a_reader_sees_them(page: list[Rule], meeting: list[bool]) -> None:
    grid = _RuleGrid(page)
    assert [_in_grid(r, grid) for r in page] == meeting


coord = st.floats(min_value=-50, max_value=700, allow_nan=False)


@st.composite
def rules(draw) -> Rule:  # noqa: ANN001
    x, y = draw(coord), draw(coord)
    length = draw(st.floats(min_value=0, max_value=300))
    if draw(st.booleans()):
        return Rule(x, y, x + length, y + draw(st.floats(min_value=0, max_value=1)))
    return Rule(x, y, x + draw(st.floats(min_value=0, max_value=1)), y + length)


@settings(max_examples=200, deadline=None)
@given(st.lists(rules(), min_size=1, max_size=40))
def test_the_grid_finds_what_the_walk_finds(page: list[Rule]) -> None:
    grid = _RuleGrid(page)
    for r in page:
        assert _in_grid(r, grid) == _meets_walk(r, page)


def test_a_page_of_hairlines_is_quick() -> None:
    # 18,000 hairlines over the page, none meeting another (a vectorised scan's strokes)
    hatch = [Rule(20 + 4.0 * (k % 135), 20 + 5.0 * (k // 135), 21 + 4.0 * (k % 135),
                  20.2 + 5.0 * (k // 135)) for k in range(18000)]
    grid = _RuleGrid(hatch)
    start = time.process_time()
    assert not any(_in_grid(r, grid) for r in hatch[::6])
    filed = time.process_time() - start
    start = time.process_time()
    assert not any(_meets_walk(r, hatch) for r in hatch[::60])
    walked = time.process_time() - start
    # all 3,000 candidates through the grid in less than a tenth of them walked
    assert filed < walked


def test_a_rule_a_hair_left_of_a_square_meets_the_next() -> None:
    """Two rules meet within a slack of each: one ending a hair left of a grid square's edge
    meets one starting a point right of it (hypothesis found it: x = -2.5e-220 and 1.0)."""
    page = [Rule(-2.53827400246636e-220, 0.0, -2.53827400246636e-220, 0.0), Rule(1.0, 0.0, 2.0, 0.0)]
    grid = _RuleGrid(page)
    assert [_in_grid(r, grid) for r in page] == [_meets_walk(r, page) for r in page]
    assert _in_grid(page[0], grid)
