"""Notes on pages that show citation styles (the samples citation packages print): short
lines of text above a note rule, the notes under it filling the measure."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import write_pdf


def _esc(t: str) -> str:
    return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def test_a_rule_under_short_lines_heads_the_notes_that_fill_the_column(tmp_path: Path) -> None:
    """A page of short sample lines ("This is just filler text⁵."), a note rule as long as
    they are, and the notes under it across the whole measure, starting high on the page
    (where only a rule can head notes): the notes tell the column's width, and the rule is
    a note separator, not a rule as wide as its column."""
    ops = []
    for i in range(6):
        y = 792 - 220 - 14 * i
        ops.append(f"BT /F1 10 Tf 72 {y} Td (This is just filler text) Tj "
                   f"/F1 6 Tf 3.5 Ts ({i + 1}) Tj /F1 10 Tf 0 Ts (.) Tj ET")
    ops.append("0.4 w 72 462 m 210 462 l S")
    notes = ["Aristotle: The Rhetoric of Aristotle with a commentary by the late Edward Meredith",
             "Ibid., p. 59, and the pages that follow it in the same edition of the work.",
             "See Otto Springer: Mediaeval Pilgrim Routes from Scandinavia to Rome, in: Mediaeval",
             "See ibid., pp. 59-63, where the routes are drawn on a map of the whole region.",
             "Aristotle: Rhetoric (see n. 1), and the commentary on it printed in the edition.",
             "Ibid., p. 59, again, and in the notes to the same passage of the commentary."]
    for i, n in enumerate(notes):
        y = 462 - 12 - 10 * i
        ops.append(f"BT /F1 5 Tf 72 {y + 3} Td ({i + 1}) Tj ET")
        ops.append(f"BT /F1 8 Tf 80 {y} Td ({_esc(n)}) Tj ET")
    # the next page: the document's running text, in the body's type
    words = ("the notes of this sample show the style on a page of their own while the text "
             "of the document goes on in the type of its body ").split()
    text = [" ".join(words[(3 * i) % 10:(3 * i) % 10 + 12]) for i in range(40)]
    page2 = "\n".join(f"BT /F1 10 Tf 72 {740 - 14 * i} Td ({t}) Tj ET" for i, t in enumerate(text))
    doc = extract_pdf(write_pdf(tmp_path / "sample.pdf", ["\n".join(ops), page2]))
    assert [f.label for f in doc.footnotes] == ["1", "2", "3", "4", "5", "6"]
    assert doc.footnotes[2].citations[0].author == "Otto Springer"
    assert doc.footnotes[2].citations[0].title == "Mediaeval Pilgrim Routes from Scandinavia to Rome"
