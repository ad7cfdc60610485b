"""Note labels set on the line at the text's size and glued to the note's first mark: a
label followed by an option's dashes or a path's slash ("11--pristine-tar",
"3/usr/share/doc") opens the next note when it is the next number, stands where the note
before opened (labels at a first-line indent) or at the area's edge, and follows a
finished note. Fixtures: glued-labels-latex.tex (pdflatex) and glued-labels-zh.tex
(XeLaTeX, ctexart), both with an unraised label at a 1.2 em indent. Real case:
maint-guide zh-cn/zh-tw p48, notes 11-13 ran on inside note 10 (/work/realpairs3,
skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
MAINT = Path("/work/realpairs3/pdf")


@pytest.mark.parametrize("name, opens", [
    ("glued-labels-latex.pdf", ["The wiki page", "–pristine-tar makes", "/usr/share/doc/git-buildpackage holds"]),
    ("glued-labels-zh.pdf", ["打包团队的维基页面", "–pristine-tar 选项", "/usr/share/doc/git-buildpackage 中有"])])
def test_labels_glued_to_a_dash_or_a_slash_open_notes(name: str, opens: list[str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [n.label for n in doc.footnotes] == ["1", "2", "3"]
    assert all(n.text.startswith(o) for n, o in zip(doc.footnotes, opens)), [n.text for n in doc.footnotes]


@pytest.mark.skipif(not MAINT.exists(), reason="realpairs3 not on this machine")
@pytest.mark.parametrize("lang", ["zh-cn", "zh-tw"])
def test_maint_guide_notes_11_to_13(lang: str) -> None:
    doc = extract_pdf(MAINT / f"maint-guide.{lang}.pdf")
    notes = {n.label: n.text for n in doc.footnotes if n.page == 48}
    assert sorted(notes, key=int) == ["10", "11", "12", "13"]
    assert notes["11"].startswith("--pristine-tar") and "11" not in notes["10"]
