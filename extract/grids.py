"""Unruled tables: rows of a grid are a table's rows, not running text.

A table printed without rules is found by the reading order (:mod:`.layout`): narrow
columns whose lines stand on each other's baselines are a grid, and the pieces of one of
its printed rows are joined into one line of kind ``grid`` that keeps its pieces as
``cells``. Read as text, each such row became a paragraph of cells glued with spaces
("粉红 妃色 品红 桃红"), which is neither a sentence nor a translation unit. Here the
consecutive grid rows of a page become a :class:`~.chars.PageTable`, as a ruled table
does, and leave the running text.
"""

from __future__ import annotations

import re

from .chars import PageTable
from .lines import Line

#: A table has at least this many grid rows (one row of cells is a line of a form or a
#: row of names, kept as text; the ruled tables keep the same minimum).
TABLE_MIN_ROWS: int = 2
#: ... and at least this many cells in its widest row (one column is a list).
TABLE_MIN_COLUMNS: int = 2


def _row(l: Line) -> list[str]:
    return list(l.cells) if l.cells else [l.text]


#: A value or a name beside its one-line description holds at most this many characters.
VALUE_CHARS: int = 12
_SENTENCE_STOP = re.compile(r"[.!?。！？]['’”\")）]*$")
_WORDS = re.compile(r"[^\W\d_]{2}|[\u3400-\u9fff]")


def _sentences_beside_values(rows: list[list[str]]) -> bool:
    """Is every row a short value or name and one sentence beside it (an exit status's
    values: ``0 | 程序成功执行。``, ``1 | Usage, syntax, or configuration file error.``)? An
    HTML manual prints troff's tagged paragraphs whose tags fit their indent as a borderless
    table so. A reader reads each row as an entry of text, the value opening its sentence;
    a table's cells hold data, not one sentence each (a first row that names the columns
    ends no sentence)."""
    return len(rows) >= TABLE_MIN_ROWS and all(
        len(r) == 2 and len(r[0].strip()) <= VALUE_CHARS and _WORDS.search(r[1])
        and _SENTENCE_STOP.search(r[1].strip()) for r in rows)


def _within(l: Line, run: list[Line]) -> bool:
    """Is ``l``, a line between two rows of a grid, a cell of it: a cell's text wrapped
    onto a line of its own (a long row label) lies inside the grid's span across."""
    return min(r.x0 for r in run) <= l.x0 and l.x1 <= max(r.x1 for r in run)


def grid_tables(ordered: list[Line], contents: set[int] = frozenset()
                ) -> tuple[list[tuple[int, PageTable]], list[Line]]:
    """The tables made of the grid rows of ``ordered`` (page, table), and the lines left
    for the running text, in their order. On the pages of a table of contents
    (``contents``) the grid is the entries' numbers, titles and page numbers: those stay
    lines, for the contents reader."""
    tables: list[tuple[int, PageTable]] = []
    rest: list[Line] = []
    i = 0
    while i < len(ordered):
        l = ordered[i]
        if l.kind != "grid" or l.page in contents:
            rest.append(l)
            i += 1
            continue
        run = [l]
        j = i + 1
        while j < len(ordered) and ordered[j].page == l.page:
            m = ordered[j]
            if m.kind == "grid":
                run.append(m)
            elif not (j + 1 < len(ordered) and ordered[j + 1].kind == "grid"
                      and ordered[j + 1].page == l.page and _within(m, run)):
                break
            else:
                run.append(m)
            j += 1
        rows = [_row(r) for r in run]
        grid_rows = sum(1 for r in run if r.kind == "grid")
        if grid_rows >= TABLE_MIN_ROWS and max(len(r) for r in rows) >= TABLE_MIN_COLUMNS \
                and not _sentences_beside_values(rows):
            box = PageTable(min(r.x0 for r in run), min(r.top for r in run),
                            max(r.x1 for r in run), max(r.bottom for r in run), rows)
            tables.append((l.page, box))
            if j < len(ordered):
                ordered[j].after_table = True
        else:
            rest.extend(run)
        i = j
    return tables, rest
