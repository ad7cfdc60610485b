"""The review page recomputes flags with the rules of align/flags.py: same inputs, same flags.

The page's script walks the regular expressions, tables and thresholds that
``pariter.export.flagrules`` hands it from ``pariter.align.flags``; here a real browser
runs it on the texts of real links and on generated texts full of the things the rules
look at (numbers in every width, magnitudes, percentages, months, ordinals, URLs, e-mail
addresses, Unicode spaces and digits), and every answer is compared with Python's.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pariter.align import flags as F
from pariter.export.flagrules import js_regex, python_flags

from tests.export.browser import sample_page


@pytest.fixture(scope="module")
def js(tmp_path_factory):
    """Call the page's flag functions: ``js(name, *args)``."""
    with sample_page(tmp_path_factory.mktemp("parity")) as page:

        def call(name, *args):
            return page.evaluate(f"(a) => pariterFlags.{name}(...a)", list(args))

        yield call


FRAGMENTS = [
    "0", "1", "2", "5", "9", "05", "07", "100", "2023", "1,000", "12,345.60", "3.14", ".5",
    "２０２３", "５０", "٣", "१२", "²", "Ⅻ", "%", "％", " percent", " per cent", "万", "亿", "万亿",
    "千亿", " thousand", " million", " mn", " bn", " billion", " trillion", "January", "May",
    "May ", "Sept.", "Sep", "Dec", "march", "1st", "2nd", "20th", "https://", "http://",
    "www.", "Example.ORG", "/path/", "a@b.cn", "x.y+z@mail.example.com", "<", ">", "\"", "'",
    "，", "。", "；", "、", "）", "》", "】", ".", ",", ";", ":", "!", "?", ")", "]", " ", "\u3000",
    "\xa0", "\x85", "\u2028", "\t", "\n", "中", "年", "月", "国", "一是", "A", "z", "_", "-",
    "ſ", "\u212a", "e", "E", "12345678901234567890123456789", "99999999999999999999999999999",
    "0.0000000000000000000000000000001", "00", "000.000", "12345678901234567890123456785",
]
text = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)
ignores = st.lists(st.sampled_from(["05", "5", "07", "1,000", " 12 ", "x", "1e3", "٣", "+5"]),
                   max_size=3)


def _py_numbers(t: str, ignore=()) -> dict[str, int]:
    return dict(sorted(Counter(F.numbers(t, ignore)).items()))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(a=text, b=text, score=st.floats(0, 1), ignore=ignores)
def test_generated_texts_give_the_same_flags(js, a, b, score, ignore):
    assert js("numbers", a, ignore) == _py_numbers(a, ignore), a
    assert js("urls", a) == sorted(F.urls(a)), a
    assert js("charLength", a) == F.char_length(a)
    for sl, tl in (("zh", "en"),):
        assert js("linkFlags", a, b, score, ignore) == \
            python_flags(a, b, score=score, src_lang=sl, tgt_lang=tl, ignore=ignore), (a, b)


REAL = [
    ("二〇二三年11月，全球生成式人工智能市场规模达2.6万亿元，同比增长50%。",
     "In November 2023, the global GenAI market reached 2.6 trillion yuan, up 50 percent."),
    ("详见https://www.wicinternet.org/zh/。", "See <https://wicinternet.org/zh>."),
    ("联系我们：research@wicinternet.org", "Contact us: research@wicinternet.org"),
    ("一是保证经济可持续性。", "Firstly, ensure economic sustainability."),
    ("05 发展安全可靠的生成式人工智能，确保全生命周期内可信可控。",
     "05 Develop safe and reliable GenAI to ensure it is trustworthy and controllable."),
    ("截至2023年6月，我国已发布大模型超过100个，其中约30%为开源模型，" * 3,
     "By June 2023, more than 100 large models had been released in China."),
    ("", "Contact us: research@wicinternet.org"),
    ("第1、2、3条", "Articles 1st, 2nd and 3rd"),
    # a sentence the Chinese version left in English; a label and a name are no such copy
    ("They are stored in KiCad\u2019s user  configuration files.",
     "they are stored in KiCad\u2019s user configuration files."),
    ("Note", "NOTE"), ("KiCad 6.0", "KiCad 6.0"),
    ("the path would be defined as $ {DIR}/connect.pretty.",
     "the path would be defined as ${DIR}/connect.pretty ."),
    ("Jean-Pierre Charras, Fabrizio Tappero, Jon Evans.", "Jean-Pierre Charras, Fabrizio Tappero, Jon Evans."),
]


@pytest.mark.parametrize("a, b", REAL)
def test_texts_like_the_corpus_give_the_same_flags(js, a, b):
    for score in (0.2, 0.9):
        for ignore in ([], ["05", "05"]):
            assert js("linkFlags", a, b, score, ignore) == \
                python_flags(a, b, score=score, src_lang="zh", tgt_lang="en", ignore=ignore)


@pytest.mark.parametrize("t", [
    "12345678901234567890123456785", "12345678901234567890123456775",  # ties: half even
    "12345678901234567890123456785.1", "99999999999999999999999999995", "0.5万",
    "2.6万亿", "1,000.50 million", "0.000", "007", "50 per cent", "٣٣%",
])
def test_decimal_canonical_forms_agree(js, t):
    assert js("numbers", t, []) == _py_numbers(t)


def test_the_translation_refuses_what_it_does_not_know():
    assert js_regex(r"(?P<n>\d+)").startswith(r"(?<n>\p{Nd}+)")
    assert js_regex(r"[^\s\"]") .endswith('"]')
    with pytest.raises(ValueError):
        js_regex(r"\Aabc")
    with pytest.raises(ValueError):
        js_regex(r"(?P=name)")
