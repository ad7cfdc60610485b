"""Note lists that PDFs printed from HTML by other producers carry, and the size evidence of
xeCJK notes. MuPDF's ``mutool convert`` keeps no link annotation and draws no rule: only the
back-link arrows its entries end with tie them to their callouts. html2ps sets each number on
a line of its own above the item's words (and the reading order may take a page's numbers for
a column), shrinking a URL too wide for the line. xeCJK sets ideographs and Latin figures of
one note in two sizes. The mutool PDFs are made here at test time (their unsubset fonts are
too large to keep); the others' sources and build commands are beside them in fixtures/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.extract.endnotes import find_sections
from pariter.extract.lines import Line, Sup

FIX = Path(__file__).parent / "fixtures"
PANDOC = shutil.which("pandoc")
MUTOOL = shutil.which("mutool")

REFS = [
    "Ann Writer, Bo Reader & Cy Keeper, The Lower Valley Survey: Methods and Results, 2nd edn, "
    "Valley Press, 2011, pp. 45–47.",
    "Hill Country Water Board, Annual Report on River Levels, 2019, "
    "https://www.example.org/reports/water-board/annual-report-on-river-levels-2019-final-version.pdf.",
]


def _links(doc) -> list[tuple[str, str | None]]:  # noqa: ANN001
    notes = {n.id: n.label for n in doc.footnotes}
    return [(m.label, notes.get(m.footnote)) for m in doc.markers]


def _mutool(source: Path, out: Path) -> Path:
    html = out.with_suffix(".html")
    subprocess.run([PANDOC, str(source), "-s", "-o", str(html)], check=True)
    pdf = out.with_suffix(".pdf")
    subprocess.run([MUTOOL, "convert", "-o", str(pdf), str(html)], check=True,
                   capture_output=True)
    return pdf


@pytest.mark.skipif(PANDOC is None or MUTOOL is None, reason="needs pandoc and mutool")
@pytest.mark.parametrize("name", ["endlist-en", "endlist-refs"])
def test_a_note_list_whose_entries_end_with_back_arrows_is_the_notes(name: str, tmp_path: Path) -> None:
    """mutool convert prints pandoc's note list with its ↩ arrows but no links and no rule:
    the arrows are the evidence; each callout is linked to its entry, the arrows are gone
    from the notes' text."""
    doc = extract_pdf(_mutool(FIX / f"{name}.md", tmp_path / name))
    n = 8 if name == "endlist-en" else 12
    assert [f.label for f in doc.footnotes] == [str(i) for i in range(1, n + 1)]
    assert {f.place for f in doc.footnotes} == {"end"}
    assert _links(doc) == [(str(i), str(i)) for i in range(1, n + 1)]
    assert not any("↩" in f.text for f in doc.footnotes)
    if name == "endlist-refs":
        assert [f.text for f in doc.footnotes[:2]] == REFS


def test_numbers_on_lines_of_their_own_above_the_entries_words() -> None:
    """html2ps: "1." on its line, the note's words under it; the second page's numbers read
    as a column before the words, a long URL set smaller to fit: still twelve notes, in order."""
    doc = extract_pdf(FIX / "endlist-refs-html2ps.pdf")
    assert [f.label for f in doc.footnotes] == [str(i) for i in range(1, 13)]
    assert [f.text for f in doc.footnotes[:2]] == REFS
    assert doc.footnotes[5].page == 2 and doc.footnotes[5].text.startswith("Orchard Trust, “How We Count")
    assert doc.footnotes[5].text.endswith("old-trees-in-the-lower-valley.")
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 13)]
    cites = doc.footnotes[1].citations
    assert cites[0].url == ("https://www.example.org/reports/water-board/"
                            "annual-report-on-river-levels-2019-final-version.pdf")


def test_xecjk_notes_with_figures_in_a_larger_size_stay_one_area() -> None:
    """xeCJK measures ideographs at 6.7 pt beside 8 pt figures: a note line mostly in figures
    ("2014 版. 上海: …") is no larger type ending the note area."""
    doc = extract_pdf(FIX / "notes-zh-xecjk.pdf")
    assert [f.label for f in doc.footnotes] == [str(i) for i in range(1, 9)]
    assert doc.footnotes[1].text.endswith("2014 版. 上海: 上海科技出版社, 2004: 299-307.")
    assert _links(doc) == [(str(i), str(i)) for i in range(1, 9)]


def test_author_date_notes_of_a_document_that_writes_them() -> None:
    """groff -ms notes in the author-date form: a name and a year alone are a reference in a
    document whose notes are mostly such references; commentary stays no citation."""
    doc = extract_pdf(FIX / "notes-authordate-groff.pdf")
    got = [[(c.author, c.date) for c in f.citations] for f in doc.footnotes]
    assert got == [[("Ashdown", "2019")], [("Ashdown", "2019")], [("Valley Water Board", None)],
                   [("Brackley & Coombe", "2015")], [(None, None)], [("Dunmore et al.", "2016")],
                   [("Eskdale", "1972")], [("Fairholme", "2018")]]


def _line(page: int, top: float, text: str, sups: list[Sup] | None = None,
          x0: float = 72.0, size: float = 10.0, width: float | None = None) -> Line:
    x1 = x0 + (width if width is not None else 5 * len(text))
    return Line(page, x0, top, x1, top + size, top + 0.8 * size, size, "Serif", False, None, text,
                sups=sups or [])


def _text(n: int, size: float = 10.5) -> list[Line]:
    """Paragraphs of two lines, the second short, ending in a stop and a callout."""
    out = []
    for i in range(n):
        top = 100.0 + 40 * i
        out.append(_line(1, top, f"Paragraph {i + 1} takes up a point that earlier work has", size=size))
        last = _line(1, top + 13.3, "here.", size=size)
        last.sups = [Sup(str(i + 1), 5, 100.0, top + 11, 105.0, top + 17, 6.0)]
        out.append(last)
    return out


def _arrowed(n: int, top: float, size: float = 8.0) -> list[Line]:
    return [_line(1, top + 15 * i, f"[{i + 1}] Entry number {i + 1} cites a work. ↩", size=size)
            for i in range(n)]


def test_a_paragraphs_short_last_line_is_no_title_where_notes_outweigh_the_text() -> None:
    """The document measures its body in the notes' size (many long notes, short paragraphs):
    the paragraph's last line "here." looks larger than the text, but it runs on under its
    paragraph's line and ends in a stop and a callout — no title. A short larger line set
    off above the list is one."""
    text = _text(3)
    entries = _arrowed(3, 260.0)
    secs = find_sections(text + entries, {}, {}, set(), 8.0)
    assert [n.label for s in secs for n in s.notes] == ["1", "2", "3"]
    title = _line(1, 236.0, "Sources", size=12.0)
    assert find_sections(text + [title] + entries, {}, {}, set(), 8.0) == []


def test_a_justified_entry_lines_far_pieces_stay_on_their_row() -> None:
    """A justified entry line broken at its wide word spaces, its far pieces read after the
    line under it ("12 (2015–2020)," opening with a figure): they go back on their row, and
    the figure opens no entry."""
    text = _text(2)
    first = _line(1, 260.0, "[1] C. Blair, Stress and growth in middle", size=8.0, width=300.0)
    under = _line(1, 272.0, "https://example.org/project?id=9473071. ↩", size=8.0)
    far1 = _line(1, 260.0, "childhood. Grant,", x0=385.0, size=8.0, width=60.0)
    far2 = _line(1, 260.0, "12 (2015–2020),", x0=455.0, size=8.0, width=60.0)
    second = _line(1, 287.0, "[2] Id. ↩", size=8.0)
    secs = find_sections(text + [first, under, far1, far2, second], {}, {}, set(), 8.0)
    notes = [n for s in secs for n in s.notes]
    assert [n.label for n in notes] == ["1", "2"]
    assert notes[0].text == ("C. Blair, Stress and growth in middle childhood. Grant, 12 (2015–2020), "
                             "https://example.org/project?id=9473071. ↩")
