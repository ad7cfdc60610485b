"""Tables printed without rules: their cells go to the document's tables, out of the
running text (extract/grids.py: the grid rows the reading order finds)."""

from __future__ import annotations

from pathlib import Path

from pariter.extract.document import extract_pdf

from ._pdf import text_ops, write_pdf


def test_a_grid_of_short_cells_is_one_table(tmp_path: Path) -> None:
    # a name grid: four columns of short cells on shared baselines, under a paragraph
    body = [(72, 100, 10, "The names of the members of the working group are listed below "
             "in the order of their")]
    body.append((72, 112, 10, "surnames, four to a row, as the committee received them."))
    names = ["Abel", "Baker", "Cole", "Dunn", "Ely", "Finch", "Gray", "Hart", "Ives", "Jones",
             "Kent", "Lowe"]
    grid = [(72 + 110 * (i % 4), 140 + 14 * (i // 4), 10, n) for i, n in enumerate(names)]
    after = [(72, 200, 10, "The group met four times in the year and agreed on the text.")]
    doc = extract_pdf(write_pdf(tmp_path / "grid.pdf", [text_ops(body + grid + after)]))
    assert [t.rows for t in doc.tables] == [[names[0:4], names[4:8], names[8:12]]]
    assert not any(n in p.text for p in doc.paragraphs for n in names)
    assert any(p.text.startswith("The group met") for p in doc.paragraphs)
