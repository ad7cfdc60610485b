"""A manual's option list (troff's tagged paragraphs: ``.TP`` with the option on a line of
its own over its indented description) reads as one entry per option: the option opens its
description's first sentence, as the translations' gold has it (``-d, --debug 打印调试信
息。`` / ``-d, --debug Print debugging information.``), whatever face the option is set in:
bold over roman (groff's PDF output, MuPDF's reflow of groff's HTML) or the description's
own face (MuPDF's Chinese reflow, one Kaiti face throughout). A term that is a name on a
line of its own in a Chinese document no longer falls to the English stream.

MuPDF also draws a short tag (``0``, ``16``, ``PAIRSEP``) over the first glyphs of its
description; the text reads tag, then description, and such a line is no table row.

Fixtures: optlist-en.1 and optlist-zh.1 (written for these tests) printed by groff -Tpdf and
by grohtml then ``mutool convert`` (optlist-mutool.sh). The term in the description's own
face that titles it ("Version 0.60", test_desc_terms) stays a unit of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.pipeline import add_sentences

FIXTURES = Path(__file__).parent / "fixtures"

EN_ITEMS = ["-d, --debug Print debugging information.",
            "-q, --quiet Print nothing but the pairs.",
            "-v, --verbose Print the reason for every file that is left out.",
            "-s list, --suffixes=list Use the given suffixes as language tags.",
            "0 Successful program execution.",
            "16 No pair was found in any folder.",
            "PAIRPATH If $PAIRPATH is set, its value is used as the default folder.",
            "PAIRSEP If $PAIRSEP is set, its value separates the two names of a pair.",
            "/etc/pairtool.conf The configuration file of the whole system."]
ZH_ITEMS = ["-d, --debug 打印调试信息。", "-q, --quiet 除文档对外不打印任何内容。",
            "-v, --verbose 打印每个被略过的文件的原因。", "0 程序成功执行。",
            "16 在任何文件夹中都未找到文档对。", "PAIRSEP 如果设置了 $PAIRSEP，它的值将分隔文档对的两个名称。",
            "PAIRPATH 如果设置了 $PAIRPATH，它的值将用作默认文件夹。",
            "/etc/pairtool.conf 整个系统的配置文件。", "~/.pairtool 单个用户的配置文件。"]


def _squeezed(s: str) -> str:
    return "".join(s.split())


@pytest.mark.parametrize("name, items, lang", [
    ("optlist-en-gropdf.pdf", EN_ITEMS, "en"),
    ("optlist-en-mutool.pdf", EN_ITEMS, "en"),
    ("optlist-zh-mutool.pdf", ZH_ITEMS, "zh"),
])
def test_an_option_opens_its_descriptions_first_sentence(name: str, items: list[str],
                                                          lang: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    add_sentences(doc)
    sentences = {_squeezed(s.text): s for s in doc.sentences}
    for item in items:
        s = sentences.get(_squeezed(item))
        assert s is not None, (item, [x.text for x in doc.sentences])
        assert s.lang == lang, (item, s.lang)
    assert not any(p.lang != lang for p in doc.paragraphs if p.role == "body"), \
        [p.text for p in doc.paragraphs if p.lang != lang]


@pytest.mark.parametrize("name", ["optlist-en-gropdf.pdf", "optlist-en-mutool.pdf",
                                  "optlist-zh-mutool.pdf"])
def test_option_and_variable_names_are_no_headings(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    heads = [h.text for h in doc.headings]
    assert not any(h.startswith(("-", "PAIR", "/", "~")) for h in heads), heads
    assert {"OPTIONS", "选项"} & set(heads) and {"ENVIRONMENT", "环境"} & set(heads), heads


def test_an_overprinted_tag_reads_before_its_description() -> None:
    """MuPDF sets ``16`` on the first glyph of "在任何文件夹…": not "1在6任何…", and not a
    two-column table that swallows the lines."""
    doc = extract_pdf(FIXTURES / "optlist-zh-mutool.pdf")
    text = " ".join(p.text for p in doc.paragraphs)
    assert "16 在任何文件夹中都未找到文档对。" in text
    assert not doc.tables
