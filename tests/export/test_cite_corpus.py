"""``pariter cite`` on the committed corpus PDFs, with the real extractor and aligner.

Built once per module in memory (the four PDFs, the four pairs of corpus/manifest.toml):
the references a translator actually types — ``6.05``, a unit id, ``DOC:ID``, and the
ambiguous ``1.01`` — must print the unit, its page (and printed page number) and its
counterpart in every alignment that contains it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.export.cite import format_cite, resolve

PDF = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (PDF / "wic-report-zh.pdf").exists(),
                                 reason="corpus PDFs are not present")]


@pytest.fixture(scope="module")
def corpus():
    from pariter.align.document import align_documents, align_bilingual
    from pariter.align.embed import load_embedder
    from pariter.pipeline import extract_document

    docs = {name: extract_document(PDF / f"{name}.pdf", doc_id=name)
            for name in ("wic-report-zh", "wic-consensus-zh-en", "wic-consensus-zh",
                         "wic-consensus-en")}
    emb = load_embedder("muse")
    aligns = [
        align_bilingual(docs["wic-consensus-zh-en"], emb),
        align_documents(docs["wic-consensus-zh"], docs["wic-consensus-en"], emb),
        align_documents(docs["wic-report-zh"], docs["wic-consensus-en"], emb,
                        src_select="zh.s06"),
        align_documents(docs["wic-report-zh"], docs["wic-consensus-zh"], emb,
                        src_select="zh.s06"),
    ]
    return list(docs.values()), aligns


def _cp(r):
    return {(c.document, tuple(c.unit_ids)) for c in r.counterparts}


def test_report_clause_by_number_and_by_id(corpus):
    docs, aligns = corpus
    for ref in ("6.05", "zh.s06.c05", "wic-report-zh:6.05"):
        r = resolve(ref, docs, aligns)
        assert (r.document, r.unit_id, r.kind) == ("wic-report-zh", "zh.s06.c05", "clause")
        assert r.others == []  # no consensus document has a section 6
        assert r.text.startswith("发展安全可靠的生成式人工智能")
        # the report's page numbers are printed offset from the PDF's
        page = r.pages[0]
        label = next(p.label for p in docs[0].pages if p.number == page)
        assert label and label != str(page) and r.printed[page] == label
        # counterparts in both alignments of the report's section 06
        assert {c.document for c in r.counterparts} == {"wic-consensus-en", "wic-consensus-zh"}
        assert ("wic-consensus-en", ("en.s03.c05",)) in _cp(r)
        assert ("wic-consensus-zh", ("zh.s03.c05",)) in _cp(r)
        text = format_cite(r)
        assert text.splitlines()[0] == f"wic-report-zh zh.s06.c05 p. {page} (printed {label})"
        assert "↔ wic-consensus-en en.s03.c05" in text and "Develop safe and reliable" in text


def test_doc_qualified_english_clause(corpus):
    docs, aligns = corpus
    r = resolve("wic-consensus-en:en.s03.c05", docs, aligns)
    assert (r.document, r.unit_id, r.lang) == ("wic-consensus-en", "en.s03.c05", "en")
    assert r.text.startswith("Develop safe and reliable GenAI") and r.pages
    assert ("wic-consensus-zh", ("zh.s03.c05",)) in _cp(r)
    assert ("wic-report-zh", ("zh.s06.c05",)) in _cp(r)


def test_shared_ids_and_numbers_list_every_match(corpus):
    docs, aligns = corpus
    r = resolve("en.s01.c01.p1.s2", docs, aligns)
    everything = [r, *r.others]
    assert {x.document for x in everything} == {"wic-consensus-en", "wic-consensus-zh-en"}
    for x in everything:
        assert x.kind == "sentence" and x.counterparts, x.document
        assert "potential and possible risks" in x.text
    bi = next(x for x in everything if x.document == "wic-consensus-zh-en")
    assert [c.document for c in bi.counterparts] == ["wic-consensus-zh-en"]
    assert bi.counterparts[0].unit_ids[0].startswith("zh.s01.c01.p1.")
    text = format_cite(r)
    assert text.startswith("en.s01.c01.p1.s2: 2 matches in 2 document(s)")
    assert "== wic-consensus-en ==" in text and "== wic-consensus-zh-en ==" in text

    r = resolve("1.01", docs, aligns)
    found = {(x.document, x.unit_id) for x in [r, *r.others]}
    assert {("wic-consensus-zh", "zh.s01.c01"), ("wic-consensus-en", "en.s01.c01"),
            ("wic-consensus-zh-en", "zh.s01.c01"),
            ("wic-consensus-zh-en", "en.s01.c01")} <= found
    text = format_cite(r)
    groups = [ln for ln in text.splitlines() if ln.startswith("== ")]
    assert len(groups) == len({d for d, _ in found})  # one group per document
    # the consensus clause 01 faces the report's clause 06.01 too
    zh = next(x for x in [r, *r.others] if x.document == "wic-consensus-zh")
    assert ("wic-report-zh", ("zh.s06.c01",)) in _cp(zh)
