"""Which rules meet a rule: the page's rules filed by grid squares give the same answer
as a walk over all of them, for any rules (a page drawn as thousands of hairlines, a
vectorised scan, took most of a minute to walk once per candidate note separator)."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pariter.extract.chars import Rule
from pariter.extract.footnotes import BOX_SLACK_PT, _in_grid, _RuleGrid


def _meets_walk(r: Rule, rules: list[Rule]) -> bool:
    for o in rules:
        if o is r or (abs(o.x0 - r.x0) <= BOX_SLACK_PT and abs(o.x1 - r.x1) <= BOX_SLACK_PT
                      and abs(o.top - r.top) <= BOX_SLACK_PT):
            continue
        if (o.x0 <= r.x1 + BOX_SLACK_PT and o.x1 >= r.x0 - BOX_SLACK_PT
                and o.top <= r.bottom + BOX_SLACK_PT and o.bottom >= r.top - BOX_SLACK_PT):
            return True
    return False


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
