"""Chinese bold is often the face of a document's subsection titles: a sentence set in it
for emphasis is not a heading. The headings the document gives (its outline) stay; what
reads as text (two sentences, an exclamation where no given heading is one, an aside in
brackets, a phrase inside a line of a paragraph) stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", [
    # xelatex ctexart: subsection titles in the body size and the CJK bold face
    # (as DBLaTeX sets Debian's manuals), bold sentences in the same face
    "bold-sentences-zh.pdf",
    # bold-sentences-zh.html printed by headless Chromium with its outline: <h3> at the
    # body size in the face of <b>
    "bold-sentences-zh-chromium.pdf",
])
def test_bold_sentences_in_the_subsection_face_are_no_headings(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings if h.text != "网络"] == [
        "主服务器", "无盘工作站", "瘦客户机", "用户管理", "打印机"]
    # the sentences are text (where the paragraph breaks around them is not asked here)
    text = "".join(p.text for p in doc.paragraphs)
    for sentence in ("另一个非常好的贡献途径是通过翻译软件和文档来帮助用户。请考虑协助本书的翻译努力！",
                     "请注意容易猜到的密码带来的安全隐患！", "（作为管理界面中的第一个用户）"):
        assert sentence in text
