"""The flag functions, directly on strings."""

from __future__ import annotations

from collections import Counter

from pariter.align import flags as F
from pariter.model import DiffOp


def test_numbers_normalise_separators_decimals_percent_and_magnitudes():
    assert F.numbers("1,000 and 1000") == Counter({"1000": 2})
    assert F.numbers("增长2.60%") == F.numbers("grew 2.6 percent") == Counter({"2.6%": 1})
    assert F.numbers("50 per cent") == F.numbers("50％") == Counter({"50%": 1})
    assert F.numbers("规模达2.6万亿元") == F.numbers("reached 2.6 trillion yuan")
    assert F.numbers("3亿用户") == F.numbers("300 million users")
    assert F.numbers("２０２３年") == Counter({"2023": 1})  # full-width digits


def test_numbers_dates_and_enumerators():
    assert F.numbers("2023年11月") == F.numbers("November 2023")
    assert F.numbers("the 20th meeting") == Counter({"20": 1})
    assert F.numbers("一是保证经济可持续性") == Counter()  # Chinese enumerators do not count
    assert F.numbers("you may 5 times") == Counter({"5": 1})  # "may" the verb is not May
    assert F.numbers("G20 and GPT-4") == Counter({"4": 1})  # part of a name... but not after a letter
    assert F.numbers("05 Develop safe GenAI", ignore=["05"]) == Counter()


def test_number_mismatch():
    assert not F.number_mismatch("2019年5月，经合组织发布", "In May 2019, the OECD published")
    assert not F.number_mismatch("2019年6月，二十国集团", "In June 2019, the G20")
    assert F.number_mismatch("2019年6月", "In June 2020")
    assert F.number_mismatch("增长30%", "grew by 40%")
    assert not F.number_mismatch("01 发展责任的", "01 Developing responsible", ignore=["01"])
    assert not F.number_mismatch("2023", "")  # a null side is an omission, not a mismatch


def test_urls():
    assert F.urls("see <https://www.Example.org/a/>.") == {"example.org/a"}
    assert F.urls("联系 research@wicinternet.org。") == {"research@wicinternet.org"}
    assert not F.url_mismatch("见 https://x.org/a", "see http://x.org/a/")
    assert F.url_mismatch("见 https://x.org/a", "see https://x.org/b")
    assert F.url_mismatch("见 https://x.org/a", "see the website")


def test_omission_addition():
    assert F.omission("一是保证经济可持续性。", "") and not F.omission("", "x")
    assert F.addition("", "Firstly.") and not F.addition("x", "y")
    assert not F.omission("a", "  b ")


def test_length_ratio_band():
    zh = "积极倡导并稳妥推进生成式人工智能的可持续发展。"  # 23 characters
    good = "Actively advocate and prudently promote the sustainable development of GenAI."
    assert F.expected_ratio("zh", "en") == F.ZH_EN_CHAR_RATIO
    assert not F.length_ratio(zh, good, "zh", "en")
    assert F.length_ratio(zh * 4, good, "zh", "en")  # far too short a translation
    assert F.length_ratio(zh, good * 4, "zh", "en")  # far too long
    assert not F.length_ratio(zh[:8], "GenAI", "zh", "en")  # too short to judge
    assert F.length_ratio(zh * 3, zh, "zh", "zh")  # same language expects 1:1
    assert not F.length_ratio(good, zh, "en", "zh")  # the inverse direction


def test_low_confidence_and_wording_diff():
    assert F.low_confidence(0.3, 0.5) and not F.low_confidence(0.5, 0.5)
    assert F.wording_diff([DiffOp("equal", "发展", "发展"), DiffOp("delete", "负", "")])
    assert not F.wording_diff([DiffOp("equal", "a", "a")]) and not F.wording_diff(None)


def test_link_flags_order_follows_model():
    from pariter.model import FLAGS

    out = F.link_flags("2019年5月发布了原则。", "", score=0.1, src_lang="zh", tgt_lang="en",
                       threshold=0.5)
    assert out == ["omission", "low_confidence"]
    out = F.link_flags("x https://a.org 2019", "y https://b.org 2020", score=0.9, src_lang="en",
                       tgt_lang="en", threshold=0.5, diff=[DiffOp("replace", "x", "y")])
    assert out == ["number_mismatch", "url_mismatch", "wording_diff"]
    assert all(f in FLAGS for f in out)


def test_a_sentence_left_in_the_original_language_is_untranslated() -> None:
    en = "Paths can also be set as environment variables outside of KiCad."
    out = F.link_flags(en, "paths can also be set as  environment variables outside of KiCad.",
                       score=0.99, src_lang="zh", tgt_lang="en", threshold=0.5)
    assert out == ["untranslated"]  # its length says nothing of a translation
    assert not F.untranslated("Note", "NOTE", "zh", "en")  # a label, a name: not prose
    assert F.untranslated("the path would be defined as $ {DIR}/connect.pretty.",
                          "the path would be defined as ${DIR}/connect.pretty .", "zh", "en")
    names = "Jean-Pierre Charras, Fabrizio Tappero, Jon Evans."
    assert not F.untranslated(names, names, "zh", "en")
    assert not F.untranslated("NUMBER DATE DESCRIPTION NAME", "NUMBER DATE DESCRIPTION NAME", "zh", "en")
    assert not F.untranslated("dpkg-source -x gentoo_0.9.12-1.dsc", "dpkg-source -x gentoo_0.9.12-1.dsc",
                              "zh", "en")
    assert not F.untranslated(en, en, "en", "en")  # two versions in one language
    assert not F.untranslated("路径也可以设置为 KiCad 之外的环境变量。", en, "zh", "en")
