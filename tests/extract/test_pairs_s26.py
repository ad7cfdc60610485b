"""Units a translation pair's sentence alignment needs, read as a reader reads them (issue 9).

* A manual printed as plain text (``man`` output through Enscript or a2ps to PostScript)
  sets its section names out left of their text: ``DESCRIPTION`` over an indented
  paragraph is a unit of its own, not the first words of that paragraph; an option on a
  line of its own over its indented description still opens the description's first
  sentence (``-d, --debug Print debugging information.``).
* A description list printed without an indent (HTML's ``<dt>``/``<dd>`` with no margin:
  Qt's rich text prints it so, and any browser with ``dd {margin: 0}``) shows its terms
  only by their type and form: a name set bold over its text (``-d, --debug`` /
  ``打印调试信息。``), a directive with its argument (``CATWIDTH 宽度``), and then a name in
  the same face alone (``NOCACHE``). Its first sentence opens with the term, and no term
  becomes a heading.
* A producer that breaks lines only at spaces (fpdf2; a browser with ``word-break:
  keep-all``) carries a whole unspaced run of Chinese to the next line: the line before
  it ends short in mid-sentence after a Latin word ("…兼职方式对 Debian" / "的长期支持版…")
  and the paragraph goes on.
* A box's kind in capitals set in another slant than its bold title ("*BACK TO BASICS*
  **Free licenses**") is a unit of its own.
* An arrow pointing at an address is a unit of its own (``→ https://…``); after a name
  with capitals inside (``PostScript.``) a command in lower case opens a sentence.
* Values beside one sentence each (``0  程序成功执行。``), a borderless table to MuPDF and
  Qt, are entries of text.

Fixtures (written for these tests): pairtool.1 through groff -Tascii, then Enscript or
a2ps and Ghostscript; flush-terms.html, keepall-zh.html and box-labels.html through Chromium
and wkhtmltopdf; value-rows.html through MuPDF (mutool convert) and Chromium;
keepall-zh.html's paragraphs through fpdf2 (keepall_fpdf.py); all rebuilt
by pairs-s26.sh.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.align.segment import sentences
from pariter.extract.document import extract_pdf
from pariter.pipeline import add_sentences

FIXTURES = Path(__file__).parent / "fixtures"


def _squeezed(s: str) -> str:
    return "".join(s.split()).replace("\u2212", "-")


def _sentences(name: str) -> list[str]:
    """The document's units of text: its sentences and its headings."""
    doc = extract_pdf(FIXTURES / name)
    add_sentences(doc)
    return [_squeezed(s.text) for s in doc.sentences] + [_squeezed(h.text) for h in doc.headings]


@pytest.mark.parametrize("name", ["typed-man-enscript.pdf", "typed-man-a2ps.pdf"])
def test_a_typed_manuals_section_names_stand_alone(name: str) -> None:
    got = _sentences(name)
    for unit in ["DESCRIPTION", "MATCHING", "EXIT STATUS",
                 "pairtool compares the names of the files after taking off the language tag.",
                 "0 Successful program execution.", "1 Usage, syntax, or configuration file error."]:
        assert _squeezed(unit) in got, (unit, got)
    assert not any(s.startswith(("DESCRIPTION", "EXITSTATUS", "MATCHING")) and len(s) > 12
                   for s in got), got


@pytest.mark.parametrize("name", ["typed-man-enscript.pdf", "typed-man-a2ps.pdf"])
def test_a_typed_manuals_options_open_their_descriptions(name: str) -> None:
    got = _sentences(name)
    for unit in ["-d, --debug Print debugging information.",
                 "-q, --quiet Print nothing but the pairs.",
                 "-?, --help Show the usage message, then exit.",
                 "/etc/pairtool.conf The configuration file of the whole system.",
                 "/var/cache/pairtool/index A global index of the pairs found before."]:
        assert _squeezed(unit) in got, (unit, got)
    # the tilde a PostScript typewriter font prints as a spacing tilde opens a path too
    assert any(s.endswith("/.pairtoolTheconfigurationfileofoneuser.") for s in got), got


@pytest.mark.parametrize("name", ["flush-terms-chromium.pdf", "flush-terms-wkhtml.pdf"])
def test_terms_at_their_texts_edge_open_its_first_sentence(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    add_sentences(doc)
    got = [_squeezed(s.text) for s in doc.sentences]
    for unit in ["-d, --debug 打印调试信息。", "-q, --quiet 除文档对外不打印任何内容。",
                 "CATWIDTH 宽度 如果终端宽度大于宽度，将不会创建任何文档对。",
                 "NOCACHE 此标志阻止程序自动创建缓存文件。",
                 "/etc/pairtool.conf 整个系统的配置文件。"]:
        assert _squeezed(unit) in got, (unit, got)
    heads = [h.text for h in doc.headings]
    assert not any(h.startswith(("-", "/", "NOCACHE", "CATWIDTH")) for h in heads), heads
    # the paragraph before the list and the one after it are no terms
    assert _squeezed("程序可以使用下面的选项。") in got and _squeezed("程序成功执行时返回零。") in got


@pytest.mark.parametrize("name", ["keepall-zh-fpdf2.pdf", "keepall-zh-chromium.pdf"])
def test_chinese_wrapped_at_spaces_runs_on(name: str) -> None:
    got = _sentences(name)
    for unit in ["此计划始于二〇一四年六月：部分组织同意雇员以兼职方式对 Debian 的长期支持版做出贡献；",
                 "其他的赞助者则愿意付钱赞助，因此这些 Debian 贡献者可以获得报酬。"]:
        assert _squeezed(unit) in got, (unit, got)


def test_chinese_wrapped_at_spaces_keeps_paragraphs_apart() -> None:
    doc = extract_pdf(FIXTURES / "keepall-zh-fpdf2.pdf")
    starts = [p.text[:4] for p in doc.paragraphs if p.role == "body"]
    assert "否则，此" in starts and "此计划始" in starts, starts


@pytest.mark.parametrize("name", ["box-labels-chromium.pdf", "box-labels-wkhtml.pdf"])
def test_a_slanted_label_in_capitals_is_a_unit(name: str) -> None:
    got = _sentences(name)
    assert "BACKTOBASICS" in got and "Freelicenses" in got, got
    # a word in capitals set in italics inside a sentence is emphasis
    assert _squeezed("The Debian group NEVER stops its work on the distribution.") in got, got


def test_an_arrow_pointing_at_an_address_is_a_unit() -> None:
    assert sentences("可以赞助安全维护的经费吗？→ https://wiki.debian.org/LTS/Funding", "zh") == [
        "可以赞助安全维护的经费吗？", "→ https://wiki.debian.org/LTS/Funding"]
    assert sentences("开展工作：→ http://www.freexian.com/services/debian-lts.html", "zh") == [
        "开展工作：", "→ http://www.freexian.com/services/debian-lts.html"]
    assert sentences("→ https://www.gnome.org/ → https://kde.org/", "en") == [
        "→ https://www.gnome.org/", "→ https://kde.org/"]
    assert sentences("→ https://www.gnu.org/copyleft/gpl.html The BSD license is the least "
                     "restrictive.", "en") == ["→ https://www.gnu.org/copyleft/gpl.html",
                                               "The BSD license is the least restrictive."]
    # an arrow inside a sentence that points at no address stays in it
    assert sentences("Click File → Save to keep the pairs.", "en") == [
        "Click File → Save to keep the pairs."]


@pytest.mark.parametrize("name", ["value-rows-mutool.pdf", "value-rows-chromium.pdf"])
def test_values_beside_their_sentences_are_text_not_a_table(name: str) -> None:
    """An exit status's values, each beside one sentence, printed as a borderless table
    (MuPDF and Qt lay HTML's table out as a grid): entries of text. The data table above
    them (a row of column names, cells of data) stays a table."""
    doc = extract_pdf(FIXTURES / name)
    add_sentences(doc)
    got = [_squeezed(s.text) for s in doc.sentences]
    for unit in ["0 程序成功执行。", "1 用法、语法或配置文件错误。", "2 操作出错。", "3 子进程失败。"]:
        assert _squeezed(unit) in got, (unit, got)
    assert [t.rows[-1][-1] for t in doc.tables] == ["index.(dir|pag)"], [t.rows for t in doc.tables]


def test_a_name_with_capitals_inside_ends_its_sentence_before_a_command() -> None:
    """A manual's sentence may open with a command in lower case: after a name written
    with capitals inside (``PostScript``) the stop ends the sentence; after an abbreviation
    it does not."""
    assert sentences("The default output is usually PostScript. man --help should advise "
                     "which options are available.", "en") == [
        "The default output is usually PostScript.",
        "man --help should advise which options are available."]
    assert sentences("See Fig. 3 and Vol. II of the manual.", "en") == [
        "See Fig. 3 and Vol. II of the manual."]
