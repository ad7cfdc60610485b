"""The stages composed: a PDF (or a document JSON) in, a complete :class:`Document` out.

Extraction knows layout; sentence boundaries are a language matter that alignment also
needs, so the core adds them here after extraction instead of either stage importing the
other. Every consumer (CLI, corpus build, tests) goes through these two functions, so a
document JSON always carries its sentences and their ids resolve.
"""

from __future__ import annotations

from pathlib import Path

from pariter.errors import InputError
from pariter.ids import document_id, sentence_id
from pariter.io import regular_file
from pariter.model import Document, Sentence, load_document


def extract_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Extract a PDF and segment its paragraphs into sentences.

    Without ``doc_id`` the id is made from the file name (:func:`pariter.ids.document_id`,
    which keeps Chinese characters).
    """
    from pariter.extract import extract_pdf

    doc = extract_pdf(regular_file(path), doc_id=doc_id or document_id(Path(path).stem))
    if not (doc.paragraphs or doc.headings or doc.footnotes or doc.tables):
        # Characters were found but no text survived: a document of nothing but warnings
        # is not a result, and a script must see it (issue 12: extract exits ≠ 0).
        why = f" ({doc.warnings[0].message}{'; …' if len(doc.warnings) > 1 else ''})" if doc.warnings else ""
        raise InputError(path, f"nothing could be extracted from its {doc.source.pages} page(s){why}")
    add_sentences(doc)
    return doc


def open_document(path: str | Path, doc_id: str | None = None) -> Document:
    """A PDF is extracted; a ``.json`` is read and checked against the schema."""
    p = regular_file(path)
    if p.suffix.lower() == ".json":
        doc = load_document(p)
        if not doc.sentences and doc.paragraphs:
            add_sentences(doc)
        return doc
    return extract_document(p, doc_id=doc_id)


def add_sentences(doc: Document) -> None:
    """Replace ``doc.sentences`` by a spaCy segmentation of every paragraph.

    Sentences are numbered within their paragraph, so an id such as
    ``zh.s06.c05.p1.s2`` survives re-extraction as long as the paragraph does.
    """
    from pariter.align.segment import split_sentences

    sentences: list[Sentence] = []
    for para in doc.paragraphs:
        if para.role == "table":
            continue
        for k, (start, end) in enumerate(split_sentences(para.text, para.lang), start=1):
            text = para.text[start:end]
            if not text.strip():
                continue
            sentences.append(Sentence(id=sentence_id(para.id, k), text=text, page=para.page_at(start),
                                      lang=para.lang, paragraph=para.id, start=start, end=end))
    doc.sentences = sentences
