"""One rule joins the texts of units, whatever the language of their document.

Seams as printed in real pairs: a Chinese side quoting English references and sentences
(shared realpairs sui and aptos, where the old per-language joiner glued
"informationin" and "….pdf[5]"), an English side quoting Chinese, and the plain cases.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pariter.align.joins import join_texts, separator

#: (left, right, what goes between them)
SEAMS = [
    ("The protection of information", "in computer systems.", " "),  # Latin | Latin
    ("https://example.org/report-2020-05-26.pdf", "[5] S. Blake, A. Lee.", " "),
    ("Nothing is working.", "The end.", " "),
    ("It grew 5%.", "2023 was better.", " "),  # digits
    ("中国人工智能发展迅速。", "第二，加强合作。", ""),  # CJK punctuation | Han
    ("见参考文献。", "The protection of information", ""),  # CJK punctuation | Latin
    ("See the report", "（第三章）", ""),  # Latin | full-width parenthesis
    ("《数字中国》", "is a plan.", ""),
    ("数字中国", "建设", ""),  # Han | Han
    ("ひらがな", "カタカナ", ""),  # kana
    ("ＡＢＣ", "中文", ""),  # full-width Latin counts as CJK
    ("The plan is called 数字中国", "The next one is not.", " "),  # Han | Latin
    ("It ends.", "数字中国 is a plan.", " "),  # Latin punctuation | Han
    ("GPT-4", "模型", " "),
    ("안녕하세요.", "감사합니다.", " "),  # Hangul separates sentences with spaces
    ("“Quoted.”", "中文", " "),  # curly quotes are shared punctuation, not CJK
    ("中文", "𠀀字", ""),  # a supplementary-plane ideograph
    ("a ", "b", ""),  # white space already at the seam
    ("a", "\u3000b", ""),
    ("", "b", ""),
    ("a", "", ""),
]


@pytest.mark.parametrize(("left", "right", "sep"), SEAMS)
def test_separator_table(left: str, right: str, sep: str) -> None:
    assert separator(left, right) == sep
    assert join_texts([left, right]) == left + sep + right


def test_chinese_side_quoting_english_is_not_glued() -> None:
    """sui's reference, two sentences of two paragraphs on the Chinese side."""
    assert join_texts(["参见：", "The protection of information", "in computer systems."]) == \
        "参见：The protection of information in computer systems."


def test_empty_texts_add_no_separator() -> None:
    assert join_texts(["One.", "", "Two."]) == "One. Two."
    assert join_texts([]) == ""


FRAGMENTS = ["a", "Z", "9", ".", "[", ")", "中", "。", "，", "（", "》", "Ａ", "か", "한", " ",
             "\u3000", "“", "”", "%", "𠀀", "-"]
text = st.lists(st.sampled_from(FRAGMENTS), max_size=4).map("".join)


@given(st.lists(text, max_size=5))
def test_joining_adds_at_most_one_space_per_seam(parts: list[str]) -> None:
    """What scorers compare (the text without white space) never changes; a seam gets at
    most one space, and only a space."""
    out = join_texts(parts)
    assert "".join(out.split()) == "".join("".join(parts).split())
    added = len(out) - sum(map(len, parts))
    assert 0 <= added <= max(0, sum(1 for p in parts if p) - 1)
    assert out.count(" ") - sum(p.count(" ") for p in parts) == added
