"""A contents list printed without page numbers (a web page's list of its sections, a
chapter's list of its own sections over its text, as pandoc and DocBook print them) is
read by what it is: lines the document prints again further on, in the same order, as the
headings they name. Its entries are contents, not numbered clauses or text to align; the
headings stay headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.align.structure import view
from pariter.extract.document import extract_pdf

from ._pdf import text_ops, write_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name,entries", [
    # contents-list.html printed by headless Chromium and by wkhtmltopdf: the chapter's
    # menu of its sections, then section 2.2's menu of its subsections (under 2.2's
    # heading: read as numbered clauses 2.2.1 and 2.2.2 before)
    ("contents-list-chromium.pdf", ["2.1 Compiling a file", "2.2 How to write input files",
                                    "2.3 Dealing with errors", "2.2.1 Simple notation",
                                    "2.2.2 Working on input files"]),
    ("contents-list-wkhtml.pdf", ["2.1 Compiling a file", "2.2 How to write input files",
                                  "2.3 Dealing with errors", "2.2.1 Simple notation",
                                  "2.2.2 Working on input files"]),
    # contents-list-zh.html printed by wkhtmltopdf
    ("contents-list-zh-wkhtml.pdf", ["2.1 编译文件", "2.2 如何写输入文件", "2.3 处理报错",
                                     "2.2.1 简单记谱法", "2.2.2 处理输入文件"]),
])
def test_a_list_of_the_headings_that_follow_is_contents(name: str, entries: list[str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [p.text for p in doc.paragraphs if p.role == "contents"] == entries
    assert doc.clauses == []
    assert [f"{h.number} {h.text}" for h in doc.headings] == [
        entries[0], entries[1], entries[3], entries[4], entries[2]]
    # the aligner reads the headings and the text, not the contents that repeat them
    aligned = [p.text for b in view(doc).blocks for p in b.paragraphs]
    assert not set(entries) & set(aligned)


def test_lines_printed_twice_in_a_row_are_no_contents(tmp_path: Path) -> None:
    """A block of lines printed again line after line (a form's labels on every page)
    repeats itself; a contents list's entries point to headings with text between them."""
    body = ("The applicant states the purpose of the request and the period it covers, and "
            "signs the form before it is sent.")
    words = body.split()
    para = [" ".join(words[k:k + 9]) for k in range(0, len(words), 9)]

    def page(top: float) -> str:
        # the labels stand at another height on each page: no running header
        lines = [(72, 100 + 14 * k, 11, t) for k, t in enumerate(para)]
        lines += [(72, top, 11, "Applicant Name"), (72, top + 14, 11, "Request Date")]
        lines += [(72, top + 50 + 14 * k, 11, t) for k, t in enumerate(para)]
        return text_ops(lines)

    doc = extract_pdf(write_pdf(tmp_path / "form.pdf", [page(200), page(300)]))
    assert not [p for p in doc.paragraphs if p.role == "contents"]
