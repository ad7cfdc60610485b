"""Reading order on lines placed by hand: the XY-cut reads columns where the page's ink
leaves a white gutter, and rows where it does not."""

from __future__ import annotations

from pariter.extract.layout import reading_order
from pariter.extract.lines import Line

SIZE = 10.5
PITCH = 16.4
GLYPH = SIZE  # an ideograph's advance


def _cjk(x0: float, baseline: float, text: str) -> Line:
    return Line(1, x0, baseline - 0.88 * SIZE, x0 + GLYPH * len(text), baseline + 0.12 * SIZE,
                baseline, SIZE, "Song", False, (0.0,), text)


def test_a_closing_mark_hung_into_the_gutter_does_not_close_it() -> None:
    # two columns of Chinese, 21 ideographs wide, 10 pt apart; a line of the left column
    # ends in a full-width comma whose box protrudes 8 points into the gutter (its ink is
    # the box's left half, so the white between the columns stays open)
    left = [_cjk(72, 250 + PITCH * i, "以色列人从旷野往玛他拿去从玛他拿到拿哈列从")
            for i in range(8)]
    left[3] = _cjk(72, 250 + PITCH * 3, "开我们于是摩西为百姓祷告耶和华对摩西说，安，")
    left[3].x1 = 300.3
    right = [_cjk(302.5, 250 + PITCH * i + 0.3, "巴末到摩押地的谷又到那下望旷野之毗斯迦的山")
             for i in range(8)]
    leaves = reading_order(left + right)
    order = [l for leaf in leaves for l in leaf]
    assert order == left + right  # the whole left column first
