"""Tables printed without rules: their cells go to the document's tables, out of the
running text (extract/unruled.py from the page's glyphs, extract/grids.py from the grid
rows the reading order finds)."""

from __future__ import annotations

import re
from pathlib import Path

from pariter.extract.document import extract_pdf

from ._pdf import text_ops, write_pdf

FIXTURES = Path(__file__).parent / "fixtures"
SPACED_CJK = re.compile(r"[\u4e00-\u9fff][ \t\n]+[\u4e00-\u9fff]")


def test_borderless_html_tables_are_tables_not_paragraphs() -> None:
    # fixtures/unruled-table-zh.html, printed by LibreOffice Writer/Web (soffice --convert-to
    # 'pdf:writer_web_pdf_Export'), the producer of KiCad's Chinese manual. It prints an HTML table without borders: cells at shared column
    # edges, a two-line cell beside a cell centred against it, a cell glued to its row's
    # next one by a gap the line builder read as a space ("*.sch_file 包含…")
    doc = extract_pdf(FIXTURES / "unruled-table-zh.pdf")
    rows = [r for t in doc.tables for r in t.rows]
    assert len(doc.tables) == 2
    firsts = [r[0] for r in rows]
    assert firsts[:2] == ["*.proj", "*.old"] and firsts[-3:] == ["APP_DATA_DIR", "APP_USER_DIR",
                                                                  "APP_TEMP"]
    assert rows[1][1].startswith("旧版工程文件。") and rows[1][1].endswith("以便回退。")
    assert rows[3] == ["*.lib", "旧版原理图库文件。可以读取，但不能写入。"]
    texts = [p.text for p in doc.paragraphs]
    assert not any("*.proj" in t or "APP_" in t or "旧版" in t for t in texts)
    # the text around the tables stays text, the numbered list a list
    assert "工程文件：" in texts and "环境变量：" in texts
    assert any(t.startswith("某些文件不需要随工程一起发送。") for t in texts)
    assert sum(p.role == "list" for p in doc.paragraphs) == 3
    assert not any(SPACED_CJK.search(t) for t in texts)


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


def test_a_hanging_list_and_two_columns_of_text_are_no_tables(tmp_path: Path) -> None:
    # numbered items whose labels hang left of their wrapped text, and a page in two
    # justified columns: cells at shared edges that a reader reads as text
    lines = []
    for i in range(3):
        top = 100 + 40 * i
        lines.append((72, top, 10, f"{i + 1}."))
        lines.append((90, top, 10, "An item of a numbered list whose text wraps onto a second"))
        lines.append((90, top + 12, 10, "line that starts where the first line's text starts."))
    page1 = text_ops(lines)
    left = [(72, 100 + 12 * i, 10, "Justified running text of the left column runs on")
            for i in range(12)]
    right = [(320, 100 + 12 * i, 10, "and the right column's text, set as wide as it.")
             for i in range(12)]
    doc = extract_pdf(write_pdf(tmp_path / "text.pdf", [page1, text_ops(left + right)]))
    assert doc.tables == []


def test_a_heading_under_a_table_in_larger_type_is_not_its_last_row(tmp_path: Path) -> None:
    # a two-column grid of short cells, then the next section's heading set larger and
    # short enough to stay inside the first column's edges like a cell would
    body = [(72, 88, 10, "The five kinds of log that the console prints are each shown in a "
             "colour of their own"), (72, 100, 10, "on the panel, as the list below shows it.")]
    cells = [("log", "white"), ("info", "purple"), ("debug", "yellow"), ("warn", "amber"),
             ("error", "red")]
    grid = [(x, 130 + 12 * i, 10, t) for i, row in enumerate(cells)
            for x, t in zip((72, 180), row)]
    head = [(72, 210, 14, "Other methods")]
    after = [(72, 235, 10, "The console methods below are supported as well, with their "
              "usual meaning in browsers.")]
    doc = extract_pdf(write_pdf(tmp_path / "head.pdf", [text_ops(body + grid + head + after)]))
    assert [t.rows for t in doc.tables] == [[list(r) for r in cells]]
    units = [h.text for h in doc.headings] + [p.text for p in doc.paragraphs]
    assert "Other methods" in units
