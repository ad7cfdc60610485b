"""The dev sets' truth says what the PDF prints: checked on the documents the specs build,
before any typesetting (corpus/devset/specs2.py; needs the ``devset`` extra, skipped without)."""

from __future__ import annotations

from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parent.parent / "corpus" / "devset"


def _spec(name: str, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN202
    pytest.importorskip("odf", reason="the devset extra (odfpy) builds the dev sets")
    monkeypatch.syspath_prepend(str(DEVSET))
    import specs2

    return next(s for s in specs2.SPECS2 if s.name == name)


def test_a_book_class_numbers_its_notes_per_chapter_in_the_truth(monkeypatch: pytest.MonkeyPatch) -> None:
    """ctexbook, like LaTeX's book and report, restarts footnote numbers at every chapter:
    the truth of zh-ctexbook-thesis labels each chapter's first note 1, as printed; the same
    thesis typeset by LibreOffice numbers through the document."""
    book_spec = _spec("zh-ctexbook-thesis", monkeypatch)
    odt_spec = _spec("zh-odt-thesis-toc", monkeypatch)
    from docmodel import Heading, Note, runs_of

    def labels_by_chapter(doc) -> list[list[str]]:  # noqa: ANN001
        out: list[list[str]] = [[]]
        for b in doc.blocks:
            if isinstance(b, Heading) and b.level == 1:
                out.append([])
            out[-1].extend(r.label for runs in runs_of(b) for r in runs if isinstance(r, Note))
        return [c for c in out if c]

    book = labels_by_chapter(book_spec.make_doc())
    assert len(book) > 1 and all(c == [str(k) for k in range(1, len(c) + 1)] for c in book)
    odt = sum(labels_by_chapter(odt_spec.make_doc()), [])
    assert odt == [str(k) for k in range(1, len(odt) + 1)]


def test_clause_numbers_are_typeset_where_the_truth_has_clauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Markdown has no clause numbering: en-pandoc-docx-refdoc printed its clauses without
    their numbers while its truth listed them as clauses 1.1 … 5.1. The word-processor
    typesetting sets each number in bold before its clause, as the other renderers do."""
    spec = _spec("en-pandoc-docx-refdoc", monkeypatch)
    import specs2
    from docmodel import Para
    from render_other import to_markdown

    doc = spec.make_doc()
    numbers = [b.number for b in doc.blocks if isinstance(b, Para) and b.role == "clause"]
    assert len(numbers) >= 10
    md = to_markdown(specs2.clause_numbers_set(doc), {}).split("\n\n")
    assert [n for n in numbers if any(p.startswith(f"**{n} **") or p.startswith(f"**{n}** ")
                                      for p in md)] == numbers


def test_articles_through_a_word_processor_are_clauses_in_the_truth(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Chinese regulation typed into Word prints 第一条 in bold before each article: the
    truth calls them clauses numbered 第一条 … (as for the same regulation typeset by XeLaTeX,
    Typst and LibreOffice), the number followed by an ideographic space in the typesetting."""
    spec = _spec("zh-pandoc-docx-refdoc", monkeypatch)
    import specs2
    from docmodel import Para
    from render_other import to_markdown

    doc = spec.make_doc()
    numbers = [b.number for b in doc.blocks if isinstance(b, Para) and b.role == "clause"]
    assert len(numbers) >= 10 and all(n.startswith("第") and n.endswith("条") for n in numbers)
    md = to_markdown(specs2.clause_numbers_set(doc), {}).split("\n\n")
    assert [n for n in numbers if any(p.startswith(f"**{n}\u3000**") for p in md)] == numbers
