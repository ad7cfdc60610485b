"""A clause number set apart from its words, at the same height on several pages (a policy whose
articles each open a page, KOMA-Script's scrartcl in devset2): it heads a row of text, it is not
a running header. The pages are written here as a small PDF in Courier."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import COURIER_ADVANCE, courier_pdf, courier_text

CLAUSES = [
    ("Purpose", ["This Policy sets out the rules under which public bodies make the data",
                 "they hold available for re-use, and the safeguards that apply to it."]),
    ("Classification", ["Each public body shall classify the data it holds as open, restricted",
                        "or closed, and shall review each classification once a year."]),
    ("Review", ["The Data Board shall review the operation of this Policy every three",
                "years and report its findings to the minister responsible for data."]),
]


def test_a_clause_number_atop_each_page_is_text_not_a_header(tmp_path: Path) -> None:
    pages = []
    for k, (title, lines) in enumerate(CLAUSES, 1):
        ops = [courier_text(72, 70, 14, f"Article {k} {title}"),
               courier_text(72, 100, 10, f"{k}.1"),
               courier_text(72 + COURIER_ADVANCE * 10 * 5, 100, 10, lines[0])]
        ops += [courier_text(72, 112 + 12 * i, 10, t) for i, t in enumerate(lines[1:])]
        ops += [courier_text(72, 140, 10, f"{k}.2 The body shall publish its decisions {k * 3} days "
                             "after taking them.")]
        ops.append(courier_text(300, 760, 10, str(k)))
        pages.append(ops)
    pages[0].insert(0, courier_text(72, 40, 18, "Open Data Policy"))
    doc = extract_pdf(courier_pdf(tmp_path / "policy.pdf", pages))
    assert [(c.number, c.page) for c in doc.clauses] == [
        ("1.1", 1), ("1.2", 1), ("2.1", 2), ("2.2", 2), ("3.1", 3), ("3.2", 3)]
    assert [c.text[:20] for c in doc.clauses if c.number.endswith(".1")] == [
        "This Policy sets out", "Each public body sha", "The Data Board shall"]
    assert [[r.kind for r in p.running] for p in doc.pages] == [["page_number"]] * 3


def test_a_table_caption_atop_each_page_is_text_not_a_header(tmp_path: Path) -> None:
    """LaTeX sets a table at the top of its page, caption above: ``Table N``, two ems or so of
    space, a short caption, at the same height on several pages. The label heads a row of
    text that is new on every page; it is not a running header (a header's pieces stand
    at the page's sides)."""
    captions = ["Main parts of the class", "Options and their values", "Fonts by script"]
    pages = []
    for k, caption in enumerate(captions, 1):
        label = f"Table {k}"
        ops = [courier_text(72, 70, 10, label),
               courier_text(72 + COURIER_ADVANCE * 10 * (len(label) + 2.5), 70, 10, caption)]
        body = [f"Table {k} lists {caption.lower()}, one row for each of them, and the",
                f"text after it explains how its {len(caption)} rows are read and applied."]
        ops += [courier_text(72, 120 + 12 * i, 10, t) for i, t in enumerate(body)]
        ops.append(courier_text(300, 760, 10, str(k)))
        pages.append(ops)
    pages[0].insert(0, courier_text(72, 40, 18, "The Class Manual"))
    doc = extract_pdf(courier_pdf(tmp_path / "tables.pdf", pages))
    assert [[r.kind for r in p.running] for p in doc.pages] == [["page_number"]] * 3
    texts = [p.text for p in doc.paragraphs] + [h.text for h in doc.headings]
    for k, caption in enumerate(captions, 1):
        assert any(t.startswith(f"Table {k}") and caption in t for t in texts), texts
