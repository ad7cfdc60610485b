"""Property tests of the JSON and TEI writers: any document the model accepts — its schema
and its reference checks — round-trips through JSON byte for byte and gives TEI that is
valid against tei_all with every pointer resolved; the same for an alignment of two
such documents."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pariter.io import parse_json
from pariter.model import (Alignment, AlignSide, Box, Citation, Clause, Document, Footnote,
                           Generator, Heading, Link, Marker, ModelInfo, Page, PageBreak, Paragraph,
                           Running, Section, Sentence, Source, Subtitle, Table, Warning, dumps)
from pariter.refs import alignment_problems, document_problems
from pariter.schema import errors

# Text as extraction can produce it: any character, control characters included (the
# TEI writer must cope), but no lone surrogates (they are not text and no file holds them).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8)
LANG = st.sampled_from(["zh", "en", "fr", "zh-Hans"])
NUMBER = st.one_of(st.none(), st.sampled_from(["一、", "（一）", "1.1", "01", "I.", "第2章", "附录A"]), SHORT)
COORD = st.integers(-10**6, 10**6).map(lambda n: n / 100)  # stable under the writer's rounding
DATE = st.one_of(st.none(), st.tuples(st.dates(), st.sampled_from([4, 7, 10])).map(
    lambda d: f"{d[0].year:04d}-{d[0].month:02d}-{d[0].day:02d}"[:d[1]]))


@st.composite
def documents(draw, prefix: str = "zh") -> Document:
    n_pages = draw(st.integers(1, 4))
    page = st.integers(1, n_pages)
    box = st.builds(Box, page, COORD, COORD, COORD, COORD)
    doc_id = draw(st.sampled_from(["doc", "报告", "d2023年报告", "Ünïcode-v2.1", "a_b.c"]))
    doc = Document(id=doc_id, source=Source(draw(TEXT), "0" * 64, n_pages),
                   langs=draw(st.lists(LANG, min_size=1, max_size=2, unique=True)),
                   title=draw(st.one_of(st.none(), TEXT)),
                   generator=draw(st.one_of(st.none(), st.builds(Generator, TEXT, TEXT))))
    doc.pages = [Page(n, draw(st.integers(1, 2000)) / 2, draw(st.integers(1, 2000)) / 2,
                      draw(st.one_of(st.none(), TEXT)),
                      draw(st.lists(st.builds(Running, TEXT, st.sampled_from(["header", "footer", "page_number"]), box), max_size=2)))
                 for n in draw(st.lists(page, unique=True, max_size=n_pages))]
    ids = iter(f"{prefix}.u{i}" for i in range(10_000))
    sections: list[Section] = []
    for _ in range(draw(st.integers(1, 4))):
        parent = draw(st.one_of(st.none(), st.sampled_from([s.id for s in sections]))) if sections else None
        sections.append(Section(next(ids), draw(st.integers(0, 4)), draw(NUMBER), None, parent,
                                draw(page), draw(LANG)))
    doc.sections = sections
    sec = st.sampled_from([s.id for s in sections])
    doc.headings = [Heading(next(ids), draw(st.integers(1, 5)), draw(NUMBER), draw(SHORT), draw(page),
                            draw(LANG), draw(sec), draw(st.lists(box, max_size=2)),
                            draw(st.lists(st.builds(Subtitle, LANG, TEXT), max_size=1)))
                    for _ in range(draw(st.integers(0, 3)))]
    for h in doc.headings[:1]:
        next(s for s in sections if s.id == h.section).heading = h.id
    paragraphs = []
    for _ in range(draw(st.integers(0, 5))):
        text = draw(TEXT)
        breaks = [PageBreak(draw(st.integers(0, len(text))), draw(page)) for _ in range(draw(st.integers(0, 1)))]
        paragraphs.append(Paragraph(next(ids), text, draw(page), draw(LANG), draw(sec), None,
                                    draw(st.lists(page, max_size=2)), draw(st.lists(box, max_size=2)),
                                    draw(st.sampled_from(["body", "front", "table", "caption", "list"])),
                                    breaks))
    doc.paragraphs = paragraphs
    clauses = []
    if paragraphs:
        for _ in range(draw(st.integers(0, 2))):
            free = [p for p in paragraphs if p.clause is None]
            members = draw(st.lists(st.sampled_from(free), max_size=2, unique_by=id)) if free else []
            c = Clause(next(ids), draw(SHORT), draw(TEXT), draw(page), draw(LANG), draw(sec),
                       [p.id for p in members], draw(st.lists(page, max_size=2)))
            for p in members:
                p.clause = c.id
            clauses.append(c)
    doc.clauses = clauses
    for p in paragraphs:
        if p.text:
            a = draw(st.integers(0, len(p.text) - 1))
            b = draw(st.integers(a + 1, len(p.text)))
            doc.sentences.append(Sentence(next(ids), p.text[a:b], p.page_at(a), p.lang, p.id, a, b))
    doc.footnotes = [Footnote(next(ids), draw(SHORT), draw(TEXT), draw(page), draw(LANG),
                              draw(st.lists(page, max_size=2)), draw(st.lists(box, max_size=1)),
                              draw(st.lists(st.builds(Citation, TEXT, st.one_of(st.none(), TEXT),
                                                      st.one_of(st.none(), TEXT), DATE,
                                                      st.one_of(st.none(), TEXT), DATE,
                                                      st.sampled_from(["en", "zh", "other"])), max_size=1)))
                     for _ in range(draw(st.integers(0, 2)))]
    for _ in range(draw(st.integers(0, 2))):
        para = draw(st.one_of(st.none(), st.sampled_from(paragraphs))) if paragraphs else None
        note = draw(st.one_of(st.none(), st.sampled_from(doc.footnotes))) if doc.footnotes else None
        offset = draw(st.integers(0, len(para.text))) if para is not None and draw(st.booleans()) else None
        # a callout printed in a heading has no paragraph but its heading (schema 1.6)
        head = draw(st.one_of(st.none(), st.sampled_from(doc.headings))) \
            if para is None and doc.headings else None
        doc.markers.append(Marker(next(ids), draw(SHORT), draw(page), note.id if note else None,
                                  para.id if para else None, offset, draw(st.one_of(st.none(), box)),
                                  head.id if head else None))
    doc.tables = [Table(next(ids), draw(page), draw(LANG), draw(sec),
                        draw(st.lists(st.lists(TEXT, max_size=3), max_size=3)), draw(st.one_of(st.none(), box)))
                  for _ in range(draw(st.integers(0, 1)))]
    doc.warnings = draw(st.lists(st.builds(Warning, st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
                                             TEXT, st.one_of(st.none(), page)), max_size=2))
    return doc


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@SETTINGS
@given(documents())
def test_every_generated_document_is_one_the_model_accepts(doc):
    data = doc.to_dict()
    assert errors(data, "document") == []
    assert document_problems(doc) == []


@SETTINGS
@given(documents())
def test_json_round_trips_byte_for_byte(tmp_path_factory, doc):
    from pariter.model import load_document

    path = tmp_path_factory.mktemp("rt") / "d.json"
    doc.save(path)
    again = load_document(path)  # schema and reference checks included
    assert again == doc
    assert dumps(again) == path.read_text(encoding="utf-8")
    assert parse_json(path.read_text(encoding="utf-8"), path) == json.loads(dumps(doc))


@pytest.fixture(scope="module")
def tei_checker():
    from pariter.export.validate import tei_problems, tei_schema

    tei_schema()  # compile tei_all once for the module (about ten seconds)
    return tei_problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(documents())
def test_document_tei_is_valid(tei_checker, doc):
    from pariter.export.tei import document_to_tei

    assert tei_checker(document_to_tei(doc)) == []


@st.composite
def aligned_pairs(draw):
    src, tgt = draw(documents("zh")), draw(documents("en"))
    from pariter.refs import side_view

    views = {id(src): side_view(src, src.langs[0], None), id(tgt): side_view(tgt, tgt.langs[0], None)}
    kinds = {"section": "sections", "clause": "clauses", "paragraph": "paragraphs",
             "sentence": "sentences", "footnote": "footnotes"}
    links = []
    for _ in range(draw(st.integers(0, 6))):
        level = draw(st.sampled_from(sorted(kinds)))
        side = lambda d: [u.id for u in getattr(views[id(d)], kinds[level])]  # noqa: E731
        ids = lambda d: st.lists(st.sampled_from(side(d)), max_size=2, unique=True) if side(d) else st.just([])  # noqa: E731
        s_ids, t_ids = draw(ids(src)), draw(ids(tgt))
        if not s_ids and not t_ids:
            continue
        links.append(Link(level, s_ids, t_ids, draw(TEXT), draw(TEXT), draw(st.integers(0, 10_000)) / 10_000,
                          draw(st.lists(st.sampled_from(["omission", "addition", "low_confidence"]),
                                        max_size=2, unique=True))))
    al = Alignment(AlignSide(src.id, src.source.path, src.source.sha256, src.langs[0]),
                   AlignSide(tgt.id, tgt.source.path, tgt.source.sha256, tgt.langs[0]),
                   ModelInfo("muse", 512), links)
    return src, tgt, al


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(aligned_pairs())
def test_alignment_round_trips_and_its_pair_tei_is_valid(tei_checker, tmp_path_factory, pair):
    from pariter.export.tei import pair_to_tei
    from pariter.model import load_alignment

    src, tgt, al = pair
    assert alignment_problems(al, src, tgt) == []
    path = tmp_path_factory.mktemp("al") / "p.align.json"
    al.save(path)
    assert load_alignment(path) == al
    assert tei_checker(pair_to_tei(src, tgt, al)) == []
