"""Lists printed with the label or the term on a line of its own over the text.

- A list label alone on its line (``1.``) over its item's text is one unit with it: the
  item keeps its printed label.
- A description list's term set in a name's face (italic or typewriter: ``NAME=``) over
  its indented description labels it, as a run-in term would; several such terms at one
  edge, where running text starts too, over descriptions at one indent show the list.
  (A term in the description's own face heads it: test_desc_terms.)
- Justified text set in from the column (the descriptions) runs to a measure its lines
  share, short of the column's edge: a line that reaches it is full, not a paragraph's
  short last line nor a centred one.
- A CJK face flagged fixed pitch (every ideograph on one advance) is no typewriter: the
  text set in it is not code, nor a document typed by hand.

Fixtures: fields-zh.xml through docbook-xsl-nons (variablelist.as.blocks=1) and FOP 2.8
with AR PL SungtiL GB (fields-zh-fop.xconf), and fields-en.html through wkhtmltopdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


def _units(name: str) -> list[str]:
    doc = extract_pdf(FIXTURES / name)
    return [re.sub(r"\s+", "", p.text) for p in doc.paragraphs]


@pytest.mark.parametrize("name, items", [
    ("fields-zh-fop.pdf", ["1.读取系统范围的配置文件", "2.读取用户自己的配置文件", "3.合并两份配置并开始运行"]),
    ("fields-en-wkhtml.pdf", ["1.Itreadstheconfigurationfileofthesystem.",
                              "2.Itreadstheconfigurationfileoftheuser.",
                              "3.Itmergesthetwoandstartstorun."]),
])
def test_a_label_over_its_text_is_one_item(name: str, items: list[str]) -> None:
    units = _units(name)
    for item in items:
        assert item in units, (item, units)


@pytest.mark.parametrize("name, terms", [
    ("fields-zh-fop.pdf", {"NAME=": "NAME=不带版本号且适合人类阅读的程序名称。",
                           "COLOR=": "COLOR=在控制台上显示程序名称的文字颜色。",
                           "HOME_URL=": "HOME_URL=程序的主页地址。"}),
    ("fields-en-wkhtml.pdf", {"NAME=": "NAME=Astringidentifyingtheprogram,",
                              "COLOR=": "COLOR=Thecolourinwhichtheconsoleshowsthename.",
                              "HOME_URL=": "HOME_URL=Theaddressoftheprogram'shomepage."}),
])
def test_a_term_in_a_names_face_labels_its_description(name: str, terms: dict[str, str]) -> None:
    units = _units(name)
    for term, start in terms.items():
        assert term not in units, units
        assert any(u.startswith(start) for u in units), (start, units)


def test_justified_descriptions_are_whole_and_cjk_text_is_no_code() -> None:
    doc = extract_pdf(FIXTURES / "fields-zh-fop.pdf")
    units = [re.sub(r"\s+", "", p.text) for p in doc.paragraphs]
    assert ("NAME=不带版本号且适合人类阅读的程序名称。这是必填字段。程序在界面的标题栏中显示这个名称，"
            "因此它应当简短并且便于记忆，不要包含任何版本信息。") in units
    assert ("本文件描述一个虚构程序的配置文件格式。配置文件由若干行组成，每行一个变量，变量的名称与取值之间"
            "用等号分隔，取值中若含有空格则必须加上引号。程序在启动时读取配置文件，并在运行期间保持不变。") in units
    assert not any(p.role == "code" for p in doc.paragraphs if re.search("[\u4e00-\u9fff]", p.text))


@pytest.mark.parametrize("name", ["fields-zh-fop.pdf", "comma-space-zh-wkhtml.pdf"])
def test_a_typed_space_after_a_comma_stretched_by_justification_parts_no_columns(name: str) -> None:
    """A Chinese text typed with a Latin space after its commas, justified: the space
    widens with the line, and the white it leaves is no gutter (fixtures: FOP, and
    wkhtmltopdf on comma-space-zh.html)."""
    units = _units(name)
    assert "因为此文件仅用于程序识别，所以必须禁止包含任何需要本地化的内容(也就是禁止包含非ASCII字符)。" in units, units
    assert any(u.startswith("如果同一个变量在文件中出现了多次，那么程序只采用最后一次出现的取值，并在日志中给出一条警告信息，")
               for u in units), units
