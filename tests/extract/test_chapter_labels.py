"""Running matter recurs: its very text in its place on other pages, its numbers running
with the pages, or it repeats a title the text prints. A line that stands once, in a
place other pages fill with such matter, is text: rinohtype's book template sets
"Chapter N" small at the top right of each chapter's first page, over the chapter's title,
where the other pages carry the book's running lines. Read as a running header it was
lost; it is the chapter heading's number.

Fixture: chapter-labels.rst rendered by rinohtype 0.5.6 (``rinoh --template book``)."""

from __future__ import annotations

from pathlib import Path

from pariter.extract.document import extract_pdf
from pariter.extract.running import _echoes, _repeated

FIXTURES = Path(__file__).parent / "fixtures"


def test_chapter_labels_are_not_running_headers() -> None:
    doc = extract_pdf(FIXTURES / "chapter-labels-rinoh.pdf")
    running = [r.text for pg in doc.pages for r in pg.running]
    assert not [t for t in running if t.startswith("Chapter") and "." not in t], running
    # the running lines of the other pages are still running matter
    assert running.count("River Survey Notes,") == 3
    assert "Chapter 2. Methods Compared" in running
    chapters = [(h.number, h.text) for h in doc.headings if h.level == 1]
    assert chapters == [("Chapter 1", "Sites and Seasons"), ("Chapter 2", "Methods Compared"),
                        ("Chapter 3", "Lessons Learned")]


def test_a_running_line_repeats_or_runs_with_the_pages() -> None:
    from collections import Counter

    from pariter.extract.lines import Line

    def line(text: str) -> Line:
        return Line(page=1, x0=0, top=0, x1=10, bottom=10, baseline=9, size=10, fontname="F",
                    bold=False, colour=None, text=text)

    key = ("header", "Chapter#", 1)
    texts = Counter({("header", "Chapter1", 1): 1, ("header", "Chapter2", 1): 1})
    # Chapter 1 on the 5th page, 2 on the 7th: numbers that do not follow the pages
    assert not _repeated(line("Chapter 1"), 4, key, texts, {key: Counter({-3: 1, -5: 1})})
    # a folio inside the line: one offset from page to page
    assert _repeated(line("Page 5 Report"), 4, ("header", "Page#Report", 1), Counter(),
                     {("header", "Page#Report", 1): Counter({1: 3})})
    assert _echoes("chapter1.sitesandseasons", ["sitesandseasons"])
    assert not _echoes("chapter1", ["sitesandseasons", "thebedwasmostlygravel"])


def test_a_running_piece_echoes_a_title_in_ideographs() -> None:
    # ctexrep's header "第二章 | 伊甸园" in two pieces over the chapter's heading: an
    # ideograph weighs two letters, so a three-ideograph title is no accident
    assert _echoes("伊甸园", ["第二章伊甸园"])
    assert _echoes("第二章伊甸园", ["第二章伊甸园"])


def test_a_one_page_chapters_header_echoes_its_contents_entry() -> None:
    """One-page chapters print their title as the header of their only page, the chapter's
    own title right under it in the top band; the contents list the title with leader dots
    and a page number. The header is running matter (it echoes the entry), not a paragraph."""
    doc = extract_pdf(FIXTURES / "heads-once-chapter-latex.pdf")
    assert [(h.page, h.text) for h in doc.headings if h.page >= 6] == [(6, "Acknowledgments"), (7, "Afterword")]
    running = {p.number: [(r.text, r.kind) for r in p.running] for p in doc.pages}
    assert ("Acknowledgments", "header") in running[6] and ("Afterword", "header") in running[7]
    assert [p.text for p in doc.paragraphs if p.page >= 6] == [
        "The board thanks the clerks of every station for their care.",
        "The ledgers are kept in the archive of the board."]
