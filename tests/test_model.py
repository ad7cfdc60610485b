"""The document model and its JSON contract."""

from __future__ import annotations

import json

import pytest

from pariter.errors import InputError
from pariter.model import (
    Alignment, AlignSide, Box, Citation, Clause, DiffOp, Document, Footnote, Heading, Link,
    Marker, ModelInfo, Page, PageBreak, Paragraph, Running, Section, Sentence, Source, Subtitle, Warning,
    dumps, load_alignment, load_document, to_dict,
)
from pariter.schema import errors, schema, validate


def sample_document() -> Document:
    box = Box(3, 72.0, 100.5, 523.0, 140.25)
    doc = Document(id="sample", source=Source("sample.pdf", "a" * 64, 4), langs=["zh", "en"],
                   title="示例")
    doc.pages = [Page(3, 595.0, 842.0, "3", [Running("— 3 —", "page_number", Box(3, 280, 800, 315, 810))])]
    doc.sections = [Section("zh.s06", 1, "06", "zh.s06.h", None, 3, "zh")]
    doc.headings = [Heading("zh.s06.h", 1, "06", "发展负责任的生成式人工智能共识", 3, "zh", "zh.s06",
                            [box], [Subtitle("en", "CONSENSUS ON DEVELOPING RESPONSIBLE GENAI")])]
    doc.paragraphs = [Paragraph("zh.s06.c05.p1", "发展安全可靠的生成式人工智能。", 3, "zh", "zh.s06",
                                "zh.s06.c05", [3, 4], [box], page_breaks=[PageBreak(7, 4)])]
    doc.clauses = [Clause("zh.s06.c05", "05", "发展安全可靠的生成式人工智能。", 3, "zh", "zh.s06",
                          ["zh.s06.c05.p1"], [3])]
    doc.sentences = [Sentence("zh.s06.c05.p1.s1", "发展安全可靠的生成式人工智能。", 3, "zh",
                              "zh.s06.c05.p1", 0, 15)]
    doc.footnotes = [Footnote("zh.fn4", "4", "Mckinsey, 'T' (14 June 2023)", 3, "en", [3], [box],
                              [Citation("Mckinsey, 'T' (14 June 2023)", "Mckinsey", "T", "2023-06-14",
                                        style="en")])]
    doc.markers = [Marker("zh.m1", "4", 3, "zh.fn4", "zh.s06.c05.p1", 7, box)]
    doc.warnings = [Warning("unlinked_marker", "marker 30 has no note", 3)]
    return doc


def test_document_round_trips_and_validates(tmp_path):
    doc = sample_document()
    validate(doc.to_dict(), "document")
    path = tmp_path / "d.json"
    doc.save(path)
    again = load_document(path)
    assert again == doc
    assert dumps(again) == path.read_text(encoding="utf-8")  # byte-stable


def test_every_dataclass_field_is_in_the_schema():
    """A field added to the model but not the schema would silently break the contract."""
    s = schema("document")
    defs = s["$defs"]
    pairs = {"section": Section, "heading": Heading, "clause": Clause, "paragraph": Paragraph,
             "sentence": Sentence, "footnote": Footnote, "marker": Marker, "citation": Citation,
             "warning": Warning, "box": Box, "page": Page}
    import dataclasses

    for name, cls in pairs.items():
        assert set(defs[name]["properties"]) == {f.name for f in dataclasses.fields(cls)}, name
    assert set(s["properties"]) == {f.name for f in dataclasses.fields(Document)}
    a = schema("alignment")
    assert set(a["$defs"]["link"]["properties"]) == {f.name for f in dataclasses.fields(Link)}


def test_schema_rejects_what_the_contract_forbids():
    data = sample_document().to_dict()
    data["headings"][0]["page"] = 0  # pages are 1-based
    data["markers"][0]["footnote"] = "not an id!"
    data["paragraphs"][0]["extra"] = 1
    found = errors(data, "document")
    assert any(e.startswith("headings[0].page") for e in found)
    assert any(e.startswith("markers[0].footnote") for e in found)
    assert any(e.startswith("paragraphs[0]") and "extra" in e for e in found)


def test_alignment_round_trip_and_rules(tmp_path):
    side = AlignSide("a", "a.pdf", "b" * 64, "zh", "zh.s06")
    al = Alignment(side, AlignSide("b", "b.pdf", "c" * 64, "en"), ModelInfo("muse", 512), [
        Link("clause", ["zh.s06.c05"], ["en.s03.c05"], "甲", "A", 0.91234567, ["number_mismatch"]),
        Link("sentence", ["zh.s06.c05.p1.s2"], [], "乙", "", 0.0, ["omission"]),
        Link("clause", ["zh.s06.c01"], ["zh.s01.c01"], "发展负责任的", "发展责任的", 0.99, ["wording_diff"],
             [DiffOp("equal", "发展", "发展"), DiffOp("delete", "负", ""), DiffOp("equal", "责任的", "责任的")]),
    ])
    path = tmp_path / "x.align.json"
    al.save(path)
    again = load_alignment(path)
    assert again.links[0].score == 0.9123  # rounded for stable bytes
    bad = al.to_dict()
    bad["links"].append({"level": "word", "src": [], "tgt": [], "src_text": "", "tgt_text": "",
                         "score": 1.5, "flags": ["oops"]})
    problems = errors(bad, "alignment")
    assert any("links[3].level" in p for p in problems)
    assert any("links[3].score" in p for p in problems)
    assert any("links[3]" in p and "minItems" not in p for p in problems)


def test_link_resp_and_checked_are_written_only_when_set(tmp_path):
    """A link nobody touched keeps its old bytes; a checked one round-trips and validates."""
    side = AlignSide("a", "a.pdf", "b" * 64, "zh")
    plain = Link("sentence", ["zh.s1"], ["en.s1"], "甲", "A", 0.9)
    assert "checked" not in to_dict(plain) and "resp" not in to_dict(plain)
    done = Link("sentence", ["zh.s2"], [], "乙", "", 1.0, ["omission"], checked=True, resp="Li Wei")
    al = Alignment(side, AlignSide("b", "b.pdf", "c" * 64, "en"), ModelInfo("muse", 512),
                   [plain, done])
    path = tmp_path / "x.align.json"
    al.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["links"][1]["checked"] is True and data["links"][1]["resp"] == "Li Wei"
    again = load_alignment(path)
    assert (again.links[0].checked, again.links[0].resp) == (False, None)
    assert (again.links[1].checked, again.links[1].resp) == (True, "Li Wei")
    data["links"][1]["resp"] = ""
    assert any("links[1].resp" in p for p in errors(data, "alignment"))


def test_loading_bad_json_names_the_file(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="broken.json"):
        load_document(p)
    p.write_text(json.dumps({"id": "x"}), encoding="utf-8")
    with pytest.raises(InputError, match="does not match the document schema"):
        load_document(p)
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "absent.json")


def test_streams_split_a_bilingual_document():
    doc = sample_document()
    doc.paragraphs.append(Paragraph("en.s06.c05.p1", "Develop safe and reliable GenAI.", 3, "en",
                                    "en.s06", "en.s06.c05", [3]))
    zh, en = doc.stream("zh"), doc.stream("en")
    assert [p.id for p in zh.paragraphs] == ["zh.s06.c05.p1"]
    assert [p.id for p in en.paragraphs] == ["en.s06.c05.p1"]
    assert zh.langs == ["zh"] and [m.id for m in zh.markers] == ["zh.m1"]
    assert doc.unit("zh.s06.c05").text.startswith("发展安全")
    with pytest.raises(KeyError):
        doc.unit("zh.s99")


def test_page_at_follows_the_page_breaks():
    para = sample_document().paragraphs[0]
    assert [para.page_at(i) for i in (0, 6, 7, 14)] == [3, 3, 4, 4]


def test_subtree_keeps_a_section_its_descendants_and_the_notes_they_call():
    doc = sample_document()
    doc.sections += [Section("zh.s06.s01", 2, "（一）", None, "zh.s06", 3, "zh"),
                     Section("zh.s07", 1, "07", None, None, 4, "zh")]
    doc.paragraphs += [Paragraph("zh.s06.s01.p1", "甲。", 3, "zh", "zh.s06.s01"),
                       Paragraph("zh.s07.p1", "乙。", 4, "zh", "zh.s07")]
    doc.footnotes.append(Footnote("zh.fn9", "9", "uncalled", 4, "zh"))
    part = doc.subtree("zh.s06")
    assert [s.id for s in part.sections] == ["zh.s06", "zh.s06.s01"]
    assert [p.id for p in part.paragraphs] == ["zh.s06.c05.p1", "zh.s06.s01.p1"]
    assert [f.id for f in part.footnotes] == ["zh.fn4"]  # called by a marker inside
    assert [p.id for p in doc.subtree("zh.s07").paragraphs] == ["zh.s07.p1"]
    with pytest.raises(KeyError):
        doc.subtree("zh.s99")
