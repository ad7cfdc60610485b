"""The stages composed: a PDF (or a document JSON) in, a complete :class:`Document` out.

Extraction knows layout; sentence boundaries are a language matter that alignment also
needs, so the core adds them here after extraction instead of either stage importing the
other. Every consumer (CLI, corpus build, tests) goes through these two functions, so a
document JSON always carries its sentences and their ids resolve.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pariter.errors import InputError
from pariter.ids import document_id, sentence_id
from pariter.io import regular_file
from pariter.model import Document, Paragraph, Sentence, load_document
# the helper that loads spaCy while the PDF is read; importable from here as before
from pariter.splitter import BackgroundSplitter, background_splitter  # noqa: F401


def extract_document(path: str | Path, doc_id: str | None = None,
                     splitter: "BackgroundSplitter | None" = None,
                     reader: str | None = None, jobs: int | None = None) -> Document:
    """Extract a PDF and segment its paragraphs into sentences.

    Without ``doc_id`` the id is made from the file name (:func:`pariter.ids.document_id`,
    which keeps Chinese characters). ``splitter``: see :func:`background_splitter`.
    ``reader`` picks the PDF reader (``pdfium``, the default, or ``pdfplumber``); ``jobs``
    the processes that read a long PDF's pages (:mod:`pariter.extract.parallel`).
    """
    from pariter.extract import extract_pdf

    kw: dict[str, Any] = {"reader": reader} if reader else {}
    kw["jobs"] = jobs
    sent = False

    def text_done(doc: Document) -> None:
        # The text is final; what extraction does last (reading the file's content streams
        # again for damage, 0.03 s for an 8-page paper) only adds warnings. The helper,
        # idle by then, splits the sentences meanwhile instead of after it.
        nonlocal sent
        if splitter is not None and _has_text(doc):
            sent = splitter.send(_sentence_items(doc)[3])

    doc = extract_pdf(regular_file(path), doc_id=doc_id or document_id(Path(path).stem),
                      on_text=text_done, **kw)
    if not _has_text(doc):
        # Characters were found but no text survived: a document of nothing but warnings
        # is not a result, and a script must see it (issue 12: extract exits ≠ 0).
        why = f" ({doc.warnings[0].message}{'; …' if len(doc.warnings) > 1 else ''})" if doc.warnings else ""
        raise InputError(path, f"nothing could be extracted from its {doc.source.pages} page(s){why}")
    add_sentences(doc, splitter, sent=sent)
    return doc


def _has_text(doc: Document) -> bool:
    return bool(doc.paragraphs or doc.headings or doc.footnotes or doc.tables)


def open_document(path: str | Path, doc_id: str | None = None) -> Document:
    """A PDF is extracted; a ``.json`` is read and checked against the schema."""
    p = regular_file(path)
    if p.suffix.lower() == ".json":
        doc = load_document(p)
        if not doc.sentences and doc.paragraphs:
            add_sentences(doc)
        return doc
    return extract_document(p, doc_id=doc_id)


def _label_cut(p: Paragraph, in_list: bool = False) -> int:
    """Where the sentence that a paragraph's run-in label makes of itself ends (0: none).
    A label set off by a full stop ("2.1.1 Modules.", "Persistent Stores.") is a sentence of
    its own and the rest is split after it, and so is one set off by white alone that stands
    by itself ("Note", "注", "Remark": a box's label).  One that ends in a colon opens the
    sentence it introduces ("Line thickness: Sets the thickness…"), as a reader reads it and
    as the translation usually renders it ("线条粗细：设置…").  So does a label set off by
    white alone that is a description list's term (``in_list``, :func:`_in_lists`:
    "TeX FAQ The TeX FAQ is a compendium…", "起步 如果你刚刚接触 TeX，…"): the term is the
    subject the item's first sentence goes on about, not a heading over it, and translations
    move it into that sentence as freely as they keep it (texlive's 2020 Chinese guide and
    2022 English one both print the terms run in, and the pair's gold keeps each with its
    sentence)."""
    if not p.label_end:
        return 0
    label = p.text[:p.label_end].rstrip()
    if label.endswith((":", "：")):
        return 0
    if in_list and not label.endswith(LABEL_STOPS):
        return 0
    return p.label_end


LABEL_STOPS = (".", "。", "!", "！", "?", "？")
"""Marks that set a run-in label off as a sentence of its own wherever it stands."""

_NUMBERED = re.compile(r"\d+(?:\.\d+)+|^\w+\s+\d+\b")
"""A label that carries a running number ("Lemma 2.1 (Size Of Left Coset)", "Theorem 2",
"2.1.1 Modules") heads what follows, as a numbered heading does."""


def _in_lists(paragraphs: list[Paragraph]) -> list[bool]:
    """For each paragraph (all of the document's, in order): is it a description list's
    item, whose run-in label is a term?  It opens with a label, next to a paragraph that
    opens with another label (two boxes with the same label, "注" and "注", may stand one
    under the other: a box's label repeats, a list's terms differ), and the label carries no
    running number."""
    labels = [p.text[:p.label_end].strip() if p.label_end else None for p in paragraphs]
    n = len(labels)

    def other(k: int, label: str) -> bool:
        return 0 <= k < n and labels[k] is not None and labels[k] != label

    return [bool(label) and not _NUMBERED.search(label) and (other(k - 1, label) or other(k + 1, label))
            for k, label in enumerate(labels)]


def _sentence_items(doc: Document) -> tuple[list[Paragraph], list[Any], list[int],
                                              list[tuple[str, str]]]:
    """What is split into sentences: the paragraphs (not tables' nor code listings': code
    has no sentences) and the notes with text, each paragraph's label cut, and every
    ``(text, lang)`` to split, in that order."""
    listed = {id(p) for p, item in zip(doc.paragraphs, _in_lists(doc.paragraphs)) if item}
    paragraphs = [p for p in doc.paragraphs if p.role not in ("table", "code")]
    notes = [f for f in doc.footnotes if f.text.strip()]
    cuts = [_label_cut(p, id(p) in listed) for p in paragraphs] + [0] * len(notes)
    items = ([(p.text[cut:], p.lang) for p, cut in zip(paragraphs, cuts)]
             + [(f.text, f.lang) for f in notes])
    return paragraphs, notes, cuts, items


def add_sentences(doc: Document, splitter: "BackgroundSplitter | None" = None, *,
                  sent: bool = False) -> None:
    """Replace ``doc.sentences`` by a spaCy segmentation of every paragraph and footnote.

    Sentences are numbered within their paragraph (or note), so an id such as
    ``zh.s06.c05.p1.s2`` (``en.fn3.s2``) survives re-extraction as long as the paragraph
    does.  A note is segmented too: a long legal note is translated sentence by sentence
    like the text, and its sentences align one by one (`pariter.align.items`).
    ``sent``: the texts of this document, unchanged since, were already handed to
    ``splitter`` (:meth:`~pariter.splitter.BackgroundSplitter.send`).
    """
    paragraphs, notes, cuts, items = _sentence_items(doc)
    if splitter is None:
        spans = None
    else:
        spans = splitter.receive() if sent else splitter.split_all(items)
    if spans is None:
        from pariter.align.segment import split_sentences

        spans = [split_sentences(text, lang) for text, lang in items]
    spans = [([(0, cut)] if cut else []) + [(a + cut, b + cut) for a, b in sp]
             for cut, sp in zip(cuts, spans)]
    sentences: list[Sentence] = []
    for para, para_spans in zip(paragraphs, spans):
        for k, (start, end) in enumerate(para_spans, start=1):
            text = para.text[start:end]
            if not text.strip():
                continue
            sentences.append(Sentence(id=sentence_id(para.id, k), text=text, page=para.page_at(start),
                                      lang=para.lang, paragraph=para.id, start=start, end=end))
    for note, note_spans in zip(notes, spans[len(paragraphs):]):
        for k, (start, end) in enumerate(note_spans, start=1):
            text = note.text[start:end]
            if text.strip():
                sentences.append(Sentence(id=sentence_id(note.id, k), text=text, page=note.page,
                                          lang=note.lang, paragraph=note.id, start=start, end=end))
    doc.sentences = sentences

