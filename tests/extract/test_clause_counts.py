"""Numbered clauses found by the document's own count (1.1 → 1.2 → 1.3), whatever the
clause's lines look like: a number a quad before its words over a last line shorter than
the number, a clause whose single line happens to fill the measure. The pages are small
PDFs in Courier written here."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import COURIER_ADVANCE, courier_pdf, courier_text

SIZE = 10
PITCH = 12
#: paragraph spacing between clauses, points
SPACE = 8
LEFT = 72
#: a full line of the measure, in Courier characters
MEASURE = 78


def _x(chars: int) -> float:
    return LEFT + chars * COURIER_ADVANCE * SIZE


def _head(number: str) -> list[str]:
    """The document's title and the section the clauses stand in (clauses belong to a
    section; text before the first heading is front matter)."""
    return [courier_text(LEFT, 50, 18, "Open Data Policy"),
            courier_text(LEFT, 80, 14, f"{number} General")]


def _clause(base: float, number: str, lines: list[str]) -> tuple[list[str], float]:
    """A clause: its number and a full first line ending in ``lines[0]``, then ``lines[1:]``."""
    ops = [courier_text(LEFT, base, SIZE, _full_line(f"{number} ", lines[0]))]
    ops += [courier_text(LEFT, base + PITCH * i, SIZE, t) for i, t in enumerate(lines[1:], 1)]
    return ops, base + PITCH * len(lines) + SPACE


def _full_line(prefix: str, end: str, length: int = MEASURE) -> str:
    """A line of ``length`` characters (the measure): ``prefix``, filler words, ``end``."""
    filler = "The body shall keep a record of every request it receives and "
    room = length - len(prefix) - len(end)
    body = (filler * 3)[:room]
    return prefix + body + end


def test_a_number_a_quad_before_its_words_over_a_last_line_shorter_than_it(tmp_path: Path) -> None:
    # 1.2 stands 2 ems before its words, and its paragraph wraps onto "it." alone: the
    # white right of "1.2" and of "it." runs down two lines, with nothing beside it on
    # the second; it is no column gutter, and "1.2" opens the clause it stands on
    ops, base = _clause(100, "1.1", [" the data",
                                     "it holds and the rules that apply to it."])
    words = _full_line("", " to open", MEASURE - 6)
    ops += [courier_text(LEFT, base, SIZE, "1.2"), courier_text(_x(6), base, SIZE, words),
            courier_text(LEFT, base + PITCH, SIZE, "it.")]
    base += PITCH * 2 + SPACE
    more, base = _clause(base, "1.3", [" its data",
                                       "once a year and publish the result."])
    doc = extract_pdf(courier_pdf(tmp_path / "label.pdf", [_head("1") + ops + more]))
    assert [c.number for c in doc.clauses] == ["1.1", "1.2", "1.3"]
    second = doc.clauses[1].text
    assert second.startswith(words.split()[0]) and second.rstrip().endswith("to open it."), second


def test_a_clause_of_one_full_line_ends_where_the_next_number_of_the_count_begins(
        tmp_path: Path) -> None:
    # 1.2 is one line that fills the measure and ends its sentence; 1.3 follows with a
    # little paragraph spacing (less than a reader's "gap"): the count says a clause begins
    ops: list[str] = []
    base = 100.0
    ops_, base = _clause(base, "1.1", [" its data",
                                       "once a year and publish the result."])
    ops += ops_
    one = _full_line("1.2 ", "year.")
    ops.append(courier_text(LEFT, base, SIZE, one))
    base += PITCH + 2
    ops_, base = _clause(base, "1.3", [" its data", "on request."])
    ops += ops_
    doc = extract_pdf(courier_pdf(tmp_path / "count.pdf", [_head("1") + ops]))
    assert [c.number for c in doc.clauses] == ["1.1", "1.2", "1.3"]
    assert doc.clauses[1].text.rstrip().endswith("year."), doc.clauses[1].text
    assert doc.clauses[2].text.startswith("The body"), doc.clauses[2].text


def test_a_heading_number_a_quad_before_its_title_over_a_short_line_is_no_grid(
        tmp_path: Path) -> None:
    # a centred heading "1.2␣␣Questions" whose number and title stand a quad apart, with a
    # short line right under the number: the two pieces share one row, and one row is a
    # line whose pieces stand apart, not the cells of a grid (a grid lines up row by row)
    def heading(base: float, number: str, title: str) -> list[str]:
        x = 200.0
        return [courier_text(x, base, 14, number),
                courier_text(x + (len(number) + 1) * COURIER_ADVANCE * 14 + 6, base, 14, title)]

    ops = [courier_text(LEFT, 60, 18, "1 Introduction")]
    ops += heading(100, "1.1", "Background")
    ops += [courier_text(LEFT, 125 + PITCH * i, SIZE, _full_line("", " the data."
                                                                 if i == 2 else " the"))
            for i in range(3)]
    ops += heading(185, "1.2", "Questions")
    ops += [courier_text(100, 203, SIZE, "We ask as follows:")]
    ops += [courier_text(LEFT, 225 + PITCH * i, SIZE, f"{i + 1}) Do the rules change the data?")
            for i in range(2)]
    ops += [courier_text(LEFT, 260, SIZE, _full_line("", " the data.")),
            courier_text(LEFT, 260 + PITCH, SIZE, "That is all.")]
    doc = extract_pdf(courier_pdf(tmp_path / "quad.pdf", [ops]))
    assert [(h.number, h.text) for h in doc.headings if h.level > 1 or "." in (h.number or "")
            ] == [("1.1", "Background"), ("1.2", "Questions")]
