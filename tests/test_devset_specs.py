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
