"""pariter cite: number references, unit ids, DOC:ID, counterparts via children/parents."""

from __future__ import annotations

import pytest

from pariter.export.cite import CiteError, format_cite, resolve


@pytest.mark.parametrize("ref", ["6.02", "06.02", "六.02", "VI.02", "zh.s06.c02",
                                 "wic-report-zh:zh.s06.c02", "zh:6.02"])
def test_clause_refs(pair, ref):
    src, tgt, al = pair
    r = resolve(ref, [src, tgt], [al])
    assert (r.document, r.unit_id, r.kind, r.pages) == ("wic-report-zh", "zh.s06.c02", "clause", [5])
    assert r.text.startswith("积极倡导")
    assert [c.unit_ids for c in r.counterparts] == [["en.s06.c02"]]
    assert r.counterparts[0].document == "wic-report-en"
    text = format_cite(r)
    assert "wic-report-zh zh.s06.c02 p. 5 (printed 4)" in text.splitlines()
    assert "en.s06.c02" in text
    # a number names clause 02 of section 06 in both documents: both are listed
    if ref in ("6.02", "06.02", "六.02", "VI.02"):
        assert [(o.document, o.unit_id) for o in r.others] == [("wic-report-en", "en.s06.c02")]
        assert text.splitlines()[0].startswith(f"{ref}: 2 matches in 2 document(s)")
        assert text.index("== wic-report-zh ==") < text.index("== wic-report-en ==")
    else:
        assert r.others == [] and text.splitlines()[0] == \
            "wic-report-zh zh.s06.c02 p. 5 (printed 4)"


def test_english_side_and_sentences(pair):
    src, tgt, al = pair
    r = resolve("en:6.03", [src, tgt], [al])
    assert r.unit_id == "en.s06.c03" and r.counterparts[0].unit_ids == ["zh.s06.c03"]
    r = resolve("en.s01.p1.s2", [src, tgt], [al])
    assert r.counterparts[0].unit_ids == ["zh.s01.p1.s2"]
    assert r.counterparts[0].flags == ["low_confidence", "number_mismatch"]
    # one sentence of a 2-2 bead
    r = resolve("zh.s06.c02.p2.s2", [src, tgt], [al])
    assert r.counterparts[0].unit_ids == ["en.s06.c02.p2.s1", "en.s06.c02.p2.s2"]
    # an added sentence: counterpart with no ids
    r = resolve("wic-report-en:en.s06.c03.p1.s2", [src, tgt], [al])
    assert r.counterparts[0].unit_ids == [] and "addition" in r.counterparts[0].flags


def test_falls_back_to_children_and_parents(pair):
    src, tgt, al = pair
    al.links = [link for link in al.links if link.level == "sentence"]
    r = resolve("6.01", [src, tgt], [al])       # no clause links: via its sentences
    assert [c.via for c in r.counterparts] == ["zh.s06.c01.p1.s1", "zh.s06.c01.p1.s2"]
    al.links = [link for link in pair[2].links]
    from tests.export.export_samples import build_alignment
    full = build_alignment(src, tgt)
    full.links = [link for link in full.links if link.level == "paragraph"]
    r = resolve("zh.s06.c01.p1.s2", [src, tgt], [full])   # via its paragraph
    assert r.counterparts[0].unit_ids == ["en.s06.c01.p1"]
    assert r.counterparts[0].via == "zh.s06.c01.p1"


def test_sections_and_bilingual(pair, bilingual):
    src, tgt, al = pair
    r = resolve("6", [src, tgt], [al])
    assert r.unit_id == "zh.s06" and r.label == "06 共识文件"
    assert r.counterparts[0].unit_ids == ["en.s06"]
    r = resolve("1.1", [src, tgt], [al])        # no clause 01 in section 01: subsection
    assert r.unit_id == "zh.s01.s01"
    doc, bal = bilingual
    r = resolve("wic-report-bi:en:6.03", [doc], [bal])
    assert r.unit_id == "en.s06.c03" and r.counterparts[0].unit_ids == ["zh.s06.c03"]
    r = resolve("zh.fn1", [doc], [bal])
    assert r.kind == "footnote" and r.counterparts[0].unit_ids == ["en.fn1"]


@pytest.mark.parametrize("ref", ["9.01", "zh.s99", "nodoc:zh.s06", "6.99", ""])
def test_unknown_refs(pair, ref):
    src, tgt, al = pair
    with pytest.raises(CiteError):
        resolve(ref, [src, tgt], [al])
