"""An install guide's headings, as AsciiDoc writes them and two producers print them.

Each is a property of documents in general:
- a title's number may be the author's own lettering in parentheses (``(a) 源码安装``);
- an unnumbered heading may list things in parentheses (``apt (Debian, Ubuntu, Mint)``)
  or ask a question that names several (``为什么没有 x, y, z 几个选项？``): no enumeration;
- an outline stops at a depth (asciidoctor-pdf lists two levels): a style set smaller than
  every heading it lists, heading text under titles of its own, is the level under them;
- a list's step set in a file name's face (``3. 保存 garden.toml 文件``) between steps that
  read as sentences is an item of that list;
- a description list's terms (``bed_name`` over its indented description) head no section,
  where the page's short Chinese paragraphs stand at the terms' edge;
- the first section's heading under a centred title, or listed by the outline, is no
  subtitle of the title.

Fixtures: garden-guide.adoc printed by asciidoctor-pdf 2.3.4 (``asciidoctor-pdf -a
scripts=cjk -a pdf-theme=./cjk-theme.yml garden-guide.adoc -o
garden-guide-asciidoctor.pdf``; outline of two levels) and, through asciidoctor's HTML
(``asciidoctor garden-guide.adoc``), by headless Chromium
(``--generate-pdf-document-outline``; outline of every level, title left-aligned)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = ["garden-guide-asciidoctor.pdf", "garden-guide-chromium.pdf"]
HEADINGS = [
    (None, "名称", 1), (None, "安装", 1), ("(a)", "源码安装", 2), ("(b)", "包管理器", 2),
    (None, "apt (Debian, Ubuntu, Mint)", 3), (None, "dnf (Fedora 38 或更高版本)", 3),
    (None, "apk (Alpine Linux)", 3), ("(c)", "配置", 2), (None, "参数", 1),
    (None, "常见问题", 1), (None, "为什么没有 x, y, z 几个选项？", 2), (None, "如何减少内存占用？", 2)]


@pytest.mark.parametrize("name", NAMES)
def test_guide_headings_with_the_outline(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert doc.title == "园艺工具指南"
    assert [(h.number, h.text, h.level) for h in doc.headings] == HEADINGS


@pytest.mark.parametrize("name", NAMES)
def test_guide_headings_by_typography_alone(name: str) -> None:
    doc = extract_pdf(FIXTURES / name, withhold=("outline", "tags"))
    got = [(h.number, h.text) for h in doc.headings]
    for want in [("(a)", "源码安装"), ("(b)", "包管理器"), (None, "apt (Debian, Ubuntu, Mint)"),
                 (None, "apk (Alpine Linux)"), (None, "为什么没有 x, y, z 几个选项？")]:
        assert want in got
    texts = [t for _, t in got]
    assert not {"bed_name", "season", "garden", "保存 garden.toml 文件"} & set(texts)
