"""The review page joins a merged link's texts by the rule of ``pariter.align.joins``.

A real browser runs the page's ``pariterJoin`` (``JOIN_JS`` over the ranges the rules
hand it) on the seam table of ``tests/align/test_joins.py`` and on generated texts, and
every answer is compared with Python's. The editor's ``text()`` (what a merged row shows
and what corrections save) is ``pariterJoin.join``; apply-corrections recomputes the same
texts with ``pariter.align.joins.join_texts``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pariter.align.joins import join_texts, separator

from tests.align.test_joins import SEAMS
from tests.export.browser import sample_page


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    with sample_page(tmp_path_factory.mktemp("join")) as pg:
        yield pg


def test_the_page_joins_the_seam_table_as_python_does(page):
    got = page.evaluate("(t) => t.map(function (x) { return [pariterJoin.separator(x[0], x[1]),"
                        " pariterJoin.join([x[0], x[1]])]; })", [[a, b] for a, b, _ in SEAMS])
    assert got == [[sep, a + sep + b] for a, b, sep in SEAMS]


FRAGMENTS = ["a", "Z", "9", ".", "[", ")", "中", "。", "，", "（", "》", "Ａ", "ｶ", "か", "한",
             " ", "\u3000", "\xa0", "\u2028", "“", "”", "%", "𠀀", "-", "\u2e80", "\u9fff",
             "\ua000", "\ufe30", "\uff5b", "\uffef", "\U0003ffff", "\U00040000", "é"]
text = st.lists(st.sampled_from(FRAGMENTS), max_size=4).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(parts=st.lists(text, max_size=5))
def test_generated_texts_join_the_same(page, parts):
    assert page.evaluate("(p) => pariterJoin.join(p)", parts) == join_texts(parts), parts
    if len(parts) >= 2:
        assert page.evaluate("(p) => pariterJoin.separator(p[0], p[1])", parts) == \
            separator(parts[0], parts[1]), parts


def test_every_range_boundary_is_the_same(page):
    """Each range's first and last code point and their neighbours, against Latin and Han."""
    from pariter.align.joins import CJK_PUNCTUATION, CJK_TEXT

    chars = sorted({chr(c) for lo, hi in CJK_PUNCTUATION + CJK_TEXT
                    for c in (lo - 1, lo, hi, hi + 1)})
    pairs = [[a, b] for a in chars for b in ("a", "中", "。")] + \
        [[b, a] for a in chars for b in ("a", "中", "。")]
    got = page.evaluate("(t) => t.map(function (x) { return pariterJoin.separator(x[0], x[1]); })",
                        pairs)
    assert got == [separator(a, b) for a, b in pairs]
