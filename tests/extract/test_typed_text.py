"""A plain-text file printed as it is typed (one typewriter face, every line of the file a
printed line): its author wrapped the lines by hand, so a line that ends no sentence and
ran most of the way to the typed measure goes on in the next, at its edge or under the
text after a run-in label; a row of one repeated character is a rule, not text; the
marks typed before a unit (``** … **``, ``!!``, ``--->``, a banner's ``= … =``) are not
its words; and rows aligned with typed spaces stay rows.

Fixtures: typed-text.txt printed by pandoc and LuaLaTeX (typed-text.md: the file in one
fenced code block, Noto Sans Mono CJK SC) and by wkhtmltopdf (typed-text.html: the file
in a ``pre``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
TYPED = ["typed-text-lualatex.pdf", "typed-text-wkhtml.pdf"]


def _units(name: str) -> list[str]:
    doc = extract_pdf(FIXTURES / name)
    texts = [p.text for p in doc.paragraphs] + [h.text for h in doc.headings]
    return [re.sub(r"\s+", "", t) for t in texts]


@pytest.mark.parametrize("name", TYPED)
def test_a_sentence_typed_over_a_line_end_is_one_paragraph(name: str) -> None:
    units = _units(name)
    assert ("本手册介绍一个虚构的文本编辑器的基本用法。它的命令很多，限于篇幅在本手册当中"
            "只讲述最常用的那一部分，其余的命令请参阅联机帮助。") in units, units
    # a label on a line of its own over its text
    assert "注意：本手册中的命令会修改手册本身。建议您先复制一份副本，然后在副本上面进行练习，以免弄乱原来的文件。" in units
    # the second line under the text after the label
    assert "提示：如果您不能确定刚才按下了哪个键，请先按退出键回到普通模式，然后再次输入您想要的命令。" in units
    assert ("NOTE:Ifyouareeverunsureaboutwhatyoutyped,presstheescapekeytoreturntothenormalmode"
            "andtypethecommandagain.") in units


@pytest.mark.parametrize("name", TYPED)
def test_typed_rules_stand_apart_and_marks_are_no_words(name: str) -> None:
    units = _units(name)
    assert "第一节：移动光标" in units, units  # not run on from the rule over it
    assert "Section2:SAVINGAFILE" in units or "SAVINGAFILE" in units, units  # (a heading's title)
    assert "要移动光标，请按下方向键。" in units
    assert "Pressthesavekeytowritethefile." in units
    assert "NOTE:Readthisentiresectionbeforeexecutinganyofthesteps!!" in units
    assert "Nowyouknowhowtosaveafile." in units
    assert not any(u.startswith(("**", "!!", "--->")) for u in units), units


def test_marks_stay_in_a_document_set_in_a_book_face() -> None:
    """A document whose text is not typed keeps its characters: the marks are read off
    only where the whole text is typewriter."""
    doc = extract_pdf(FIXTURES / "fields-en-wkhtml.pdf")
    assert all(not p.text.startswith("NAME=") or "A string identifying" in p.text
               for p in doc.paragraphs)
