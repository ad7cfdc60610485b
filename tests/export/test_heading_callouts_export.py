"""A note called from a heading ("1 Sites¹", "2.1 Grab samples⁴") is drawn where the
heading is: a ``ref[@type=noteAnchor]`` at the end of the TEI ``head``, a note button after
the heading on the review page, like the text's callouts. The model anchors such a marker
to no paragraph (``paragraph`` null) and keeps its box inside the heading's.

Fixtures (tests/extract/fixtures): head-note.tex through pdfLaTeX and head-note.fodt
through LibreOffice Writer, extracted for real."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from pariter.export.common import heading_markers
from pariter.export.html import pair_to_html
from pariter.export.tei import document_to_tei
from pariter.export.validate import parse_xml, reference_problems, tei_problems
from pariter.extract.document import extract_pdf
from tests.export.export_samples import build_alignment

FIXTURES = Path(__file__).parent.parent / "extract" / "fixtures"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def docs():
    return [extract_pdf(FIXTURES / n) for n in ("head-note-latex.pdf", "head-note-lo.pdf")]


def test_each_heading_holds_its_callouts(docs) -> None:
    for doc in docs:
        by_heading = heading_markers(doc)
        heads = {h.id: h.text for h in doc.headings}
        assert {heads[k]: [m.label for m in v] for k, v in by_heading.items()} == {
            "Sites": ["1"], "Grab samples": ["4"]}, doc.source


def test_the_model_names_the_heading_of_each_callout(docs) -> None:
    from pariter.refs import document_problems

    for doc in docs:
        heads = {h.id: h for h in doc.headings}
        held = [m for m in doc.markers if m.paragraph is None]
        assert sorted((heads[m.heading].text, m.label) for m in held) == [
            ("Grab samples", "4"), ("Sites", "1")], doc.source
        # a subtree keeps a heading's callout and the note it calls
        sites = next(h for h in doc.headings if h.text == "Sites")
        sub = doc.subtree(sites.section)
        kept = [m for m in sub.markers if m.heading == sites.id]
        assert [m.label for m in kept] == ["1"]
        assert kept[0].footnote in {f.id for f in sub.footnotes}
        # the reference check refuses a callout in a heading and a paragraph at once,
        # and a heading that does not exist
        assert document_problems(doc) == []
        bad = copy.deepcopy(doc)
        m = next(m for m in bad.markers if m.paragraph is None)
        m.paragraph = bad.paragraphs[0].id
        assert any("heading" in where for where, _ in document_problems(bad))
        m.paragraph, m.heading = None, "no.such.heading"
        assert any("heading" in where for where, _ in document_problems(bad))


def test_tei_draws_heading_callouts_and_stays_valid(docs, relaxng) -> None:
    for doc in docs:
        data = document_to_tei(doc)
        assert tei_problems(data) == []
        tree = parse_xml(data)
        assert reference_problems(tree) == []
        notes = {n.get(XML_ID) for n in tree.iterfind(".//t:note", NS)}
        heads = {}
        for head in tree.iterfind(".//t:head", NS):
            refs = head.findall("t:ref", NS)
            heads[head.text] = [(r.get("n"), r.get("type")) for r in refs]
            assert all(r.get("target")[1:] in notes for r in refs)
            # the callout closes the heading's text
            assert all(not (r.tail or "").strip() for r in refs)
        assert heads["Sites"] == [("1", "noteAnchor")]
        assert heads["Grab samples"] == [("4", "noteAnchor")]
        assert heads["Methods"] == []
        # every marker of the document is drawn once
        refs = [r.get("n") for r in tree.iterfind(".//t:ref[@type='noteAnchor']", NS)]
        assert sorted(refs) == ["1", "2", "3", "4"]


def test_review_page_draws_heading_callouts(docs) -> None:
    a, b = docs
    page = pair_to_html(a, b, build_alignment(a, b, "en", "en")).decode("utf-8")
    for doc in docs:
        notes = {n.id: n.label for n in doc.footnotes}
        for h, label in (("Sites", "1"), ("Grab samples", "4")):
            fid = next(m.footnote for m in doc.markers if m.label == label)
            assert notes[fid] == label
            assert (f'{h}<sup><a class="fnref" href="#note-{fid}" data-note="{fid}" '
                    f'title="note {label}">{label}</a></sup></span>') in page
