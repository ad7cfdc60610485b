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


def test_a_flush_right_title_above_a_short_body_is_read_first() -> None:
    # a chapter title set against the right margin (Sphinx's LaTeX chapter heads), 70 pt
    # above a body whose lines all stop well short of it: the white between them is a
    # vertical gap no line crosses, yet nothing stands beside the title; read as two
    # columns, the title would come after the whole chapter opening it
    title = Line(1, 440, 248, 540, 262, 260, 14.3, "Hei", False, (0.0,), "公共属性及方法")
    body = [_cjk(72, 342 + PITCH * i, "提供一些公共属性字段函数方法以便开发插件")
            for i in range(6)]
    order = [l for leaf in reading_order(body + [title]) for l in leaf]
    assert order == [title] + body


def test_a_sidebar_beside_the_text_is_still_a_column_of_its_own() -> None:
    # the same narrow block standing beside the body's lines is a column: read after it
    body = [_cjk(72, 342 + PITCH * i, "提供一些公共属性字段函数方法以便开发插件")
            for i in range(6)]
    side = [Line(1, 440, 340 + PITCH * i, 540, 352 + PITCH * i, 350 + PITCH * i, 9, "Hei",
                 False, (0.0,), "旁注文字旁注文字") for i in range(3)]
    order = [l for leaf in reading_order(body + side) for l in leaf]
    assert order == body + side
