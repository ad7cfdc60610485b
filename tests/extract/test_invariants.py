"""Properties every extracted document must have, whoever produced the PDF.

These hold for any PDF, so they run on every PDF at hand — the corpus in both typesettings
(Typst, LibreOffice) and, when ``../shared`` is present, its third-party PDFs from a dozen
producers — rather than checking one page's coordinates. A rule fitted to one file tends
to break one of these on another.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.model import Box, Document

from tests.helpers import ROOT, SHARED

PDFS = sorted((ROOT / "corpus" / "pdf").glob("*.pdf")) + sorted((ROOT / "corpus" / "pdf-alt").glob("*.pdf"))
SHARED_PDFS = sorted((SHARED / "pdfs").glob("*.pdf")) if (SHARED / "pdfs").is_dir() else []

#: glyphs that only draw a list bullet; as the first character of a unit they are layout
BULLETS = "•▪◦●■□◆◇►▶➢✓✔\uf0a7\uf0b7\uf0d8\uf0fc\uf076"
#: how far (pt) a box may stick out of its page: glyph boxes include side bearings
PAGE_SLACK = 2.0


@pytest.fixture(scope="module", params=[*PDFS, *SHARED_PDFS], ids=lambda p: p.name)
def doc(request) -> Document:
    return extract_pdf(request.param)


def _texts(doc: Document):
    for kind in ("headings", "paragraphs", "footnotes", "clauses"):
        for u in getattr(doc, kind):
            yield kind, u.id, u.text


def test_ids_are_unique(doc: Document) -> None:
    ids = [u.id for u in doc.units()]
    assert len(ids) == len(set(ids))


def test_references_resolve(doc: Document) -> None:
    """Every unit points at units that exist: sections, parents, paragraphs, notes."""
    sections = {s.id: s for s in doc.sections}
    paras = {p.id: p for p in doc.paragraphs}
    notes = {f.id: f for f in doc.footnotes}
    for s in doc.sections:
        assert s.parent is None or s.parent in sections, s.id
        if s.parent is not None:  # a subsection sits deeper than its parent
            assert s.level > sections[s.parent].level, s.id
    for u in (*doc.headings, *doc.paragraphs, *doc.clauses):
        assert u.section in sections, u.id
    for c in doc.clauses:
        assert c.paragraphs and all(p in paras for p in c.paragraphs), c.id
    for s in doc.sentences:  # a sentence of a paragraph or of a note
        p = paras.get(s.paragraph) or notes[s.paragraph]
        assert 0 <= s.start < s.end <= len(p.text) and p.text[s.start:s.end] == s.text, s.id
    for m in doc.markers:
        assert m.paragraph is None or m.paragraph in paras, m.id
        if m.paragraph is not None and m.offset is not None:
            assert 0 <= m.offset <= len(paras[m.paragraph].text), m.id


def test_a_marker_calls_a_note_with_its_label_that_follows_it(doc: Document) -> None:
    """A callout's note carries its label and is printed on the callout's page or after it
    (the next page when the callout ends a page; anywhere later for an endnote)."""
    notes = {f.id: f for f in doc.footnotes}
    for m in doc.markers:
        if m.footnote is None:
            continue
        n = notes[m.footnote]
        assert n.label == m.label, m.id
        if n.place == "foot":
            assert n.page in (m.page, m.page + 1), (m.id, m.page, n.page)
        else:
            assert n.page >= m.page, (m.id, m.page, n.page)


def test_boxes_lie_on_their_pages(doc: Document) -> None:
    size = {p.number: (p.width, p.height) for p in doc.pages}

    def check(b: Box, who: str) -> None:
        w, h = size[b.page]
        assert b.x0 <= b.x1 and b.top <= b.bottom, who
        assert -PAGE_SLACK <= b.x0 and b.x1 <= w + PAGE_SLACK, who
        assert -PAGE_SLACK <= b.top and b.bottom <= h + PAGE_SLACK, who

    for kind in (doc.headings, doc.paragraphs, doc.footnotes):
        for u in kind:
            assert u.boxes, u.id
            for b in u.boxes:
                check(b, u.id)
    for p in doc.paragraphs:
        assert p.page == p.pages[0] and p.pages == sorted(set(p.pages)), p.id
        assert {b.page for b in p.boxes} <= set(p.pages), p.id
    for m in doc.markers:
        if m.box is not None:
            check(m.box, m.id)


def test_text_is_clean(doc: Document) -> None:
    """What a reader gets is text: no unmapped glyph codes, control or private-use
    characters, bullet glyphs or blank units (a private-use glyph kept as printed is reported in ``warnings``)."""
    reported = {w.code for w in doc.warnings}
    for kind, uid, text in _texts(doc):
        assert text.strip(), uid
        assert "(cid:" not in text, uid
        bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"]
        assert not bad, (uid, bad[:5])
        # a private-use glyph with no Unicode meaning is kept as printed only when said
        private = [c for c in text if unicodedata.category(c) == "Co"]
        assert not private or "private_use" in reported, (uid, private[:5])
        assert text.lstrip()[0] not in BULLETS, uid


#: known exceptions, each a gap of the extractor rather than of the property (strict: a
#: fix makes the test say so)
SPACED_CJK = {
    "zh_research_report_rapiddoc": "p.1's list of related reports in the sidebar: a "
                                   "title wrapped in its column is joined with a space",
}


def test_chinese_lines_join_without_spaces(doc: Document, request) -> None:
    """A space between two Chinese characters is a line join gone wrong (Chinese sets no
    spaces between words)."""
    why = SPACED_CJK.get(doc.id)
    if why:
        request.applymarker(pytest.mark.xfail(reason=why, strict=True))
    gap = re.compile(r"[\u4e00-\u9fff][ \t\n]+[\u4e00-\u9fff]")
    joined = [p for p in doc.paragraphs if p.lang == "zh" and p.role == "body"]
    spaced = [p.id for p in joined if gap.search(p.text)]
    # a table of contents or a form may space its cells; running text never does
    assert len(spaced) <= max(1, len(joined) // 20), spaced[:5]
