"""TEI export: validated against the real tei_all schema, references resolved, text kept."""

from __future__ import annotations

from lxml import etree

from tests.export.export_samples import build_alignment, build_doc
from pariter.export.tei import document_to_tei, pair_to_tei
from pariter.export.validate import parse_xml, reference_problems, tei_problems

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _tree(data: bytes):
    return parse_xml(data)


def _by_id(tree):
    return {el.get(XML_ID): el for el in tree.iter() if isinstance(el.tag, str) and el.get(XML_ID)}


def test_pair_is_valid_tei(pair, relaxng):
    src, tgt, al = pair
    data = pair_to_tei(src, tgt, al)
    assert tei_problems(data) == []


def test_single_documents_are_valid_tei(zh_doc, en_doc, bilingual, relaxng):
    doc, _ = bilingual
    for d in (zh_doc, en_doc, doc):
        assert tei_problems(document_to_tei(d)) == [], d.id


def test_bilingual_pair_and_same_language_pair_are_valid(bilingual, zh_doc, relaxng):
    doc, al = bilingual
    data = pair_to_tei(doc, doc, al)
    assert tei_problems(data) == []
    texts = _tree(data).findall(".//t:group/t:text", NS)
    assert [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in texts] == ["zh", "en"]
    # two Chinese documents: ids would collide, so each side is prefixed with its doc id
    other = build_doc("zh", doc_id="wic-report-zh-v2", sha="d" * 64)
    data = pair_to_tei(zh_doc, other, build_alignment(zh_doc, other, "zh", "zh"))
    assert tei_problems(data) == []
    ids = _by_id(_tree(data))
    assert "wic-report-zh.zh.s06.c02" in ids and "wic-report-zh-v2.zh.s06.c02" in ids


def test_every_unit_has_its_id_and_links_resolve(pair):
    src, tgt, al = pair
    tree = _tree(pair_to_tei(src, tgt, al))
    ids = _by_id(tree)
    for d in (src, tgt):
        for u in list(d.sections) + d.headings + d.clauses + d.paragraphs + d.sentences \
                + d.footnotes + d.tables:
            assert u.id in ids, u.id
    assert reference_problems(tree) == []
    links = tree.findall(".//t:standOff/t:linkGrp[@type='alignment']/t:link", NS)
    assert len(links) == sum(1 for link in al.links if link.src and link.tgt)
    # a 2-1 bead points at a join of the two sentences
    joins = tree.findall(".//t:joinGrp/t:join", NS)
    assert joins and all(len(j.get("target").split()) == 2 for j in joins)
    # an omission is a ptr with the flag in @ana, the score in @cert
    ptr = tree.find(".//t:linkGrp/t:ptr[@subtype='src']", NS)
    assert ptr.get("ana") == "#_flag.omission" and ptr.get("cert") == "0.0000"
    flagged = tree.find(".//t:link[@cert='0.4200']", NS)
    assert flagged.get("ana") == "#_flag.low_confidence #_flag.number_mismatch"


def test_broken_target_is_reported(pair, relaxng):
    src, tgt, al = pair
    data = pair_to_tei(src, tgt, al).replace(b'target="#zh.fn1"', b'target="#zh.fn99"', 1)
    problems = tei_problems(data)
    assert len(problems) == 1 and "#zh.fn99" in problems[0]
    dup = pair_to_tei(src, tgt, al).replace(b'xml:id="zh.s01.p2"', b'xml:id="zh.s01.p1"', 1)
    # libxml2 itself rejects a repeated xml:id; reference_problems catches it in a tree
    assert any("zh.s01.p1" in p for p in tei_problems(dup, schema=False))
    bad = pair_to_tei(src, tgt, al).replace(b"<body>", b"<body><bogus/>", 1)
    assert any("bogus" in p for p in tei_problems(bad))


def test_cite_structure_resolves_section_dot_clause(pair):
    """Evaluate the header's citeStructure as the Guidelines define it: 6.02 → clause 02
    of section 06, in both texts of the pair."""
    src, tgt, al = pair
    tree = _tree(pair_to_tei(src, tgt, al))
    top = tree.find(".//t:refsDecl/t:citeStructure", NS)
    sub = top.find("t:citeStructure", NS)
    ns_xpath = lambda xp: xp.replace("//body/div", "//t:body/t:div").replace(  # noqa: E731
        ".//div", ".//t:div")
    assert top.get("use") == "@n" and sub.get("use") == "@n" and sub.get("delim") == "."

    def resolve(ref):
        sec, clause = ref.split(sub.get("delim"))
        hits = []
        for s in tree.xpath(ns_xpath(top.get("match")), namespaces=NS):
            if s.xpath(f"string({top.get('use')})") != sec:
                continue
            for c in s.xpath(ns_xpath(sub.get("match")), namespaces=NS):
                if c.xpath(f"string({sub.get('use')})") == clause:
                    hits.append(c.get(XML_ID))
        return hits

    assert resolve("6.02") == ["zh.s06.c02", "en.s06.c02"]
    assert resolve("1.01") == []


def test_text_is_kept_and_markers_and_pages_are_placed(zh_doc):
    tree = _tree(document_to_tei(zh_doc))
    ids = _by_id(tree)
    for p in zh_doc.paragraphs:
        assert "".join(ids[p.id].itertext()) == p.text
    for s in zh_doc.sentences:
        assert "".join(ids[s.id].itertext()) == s.text
    # marker 1 right after sentence 1's full stop, inside the sentence; marker 2 (its note
    # is missing) at the end, without a target
    s1 = ids["zh.s01.p1.s1"]
    ref = s1.find("t:ref", NS)
    assert ref.get("target") == "#zh.fn1" and ref.get("type") == "noteAnchor"
    assert ref.tail is None and s1.text.endswith("。")
    m2 = ids["zh.m2"]
    assert m2.get("target") is None and m2.getparent().get(XML_ID) == "zh.s01.p1.s2"
    # the sentence on page 3 is preceded by <pb n="3"/> inside the paragraph
    p1 = ids["zh.s01.p1"]
    assert [etree.QName(c).localname for c in p1] == ["s", "pb", "s"]
    assert p1[1].get("n") == "3"
    pbs = [pb.get("n") for pb in tree.iterfind(".//t:body//t:pb", NS)]
    assert pbs == ["1", "2", "3", "4", "5", "6", "7"]
    # headings and the English subtitle
    div = ids["zh.s06"]
    heads = div.findall("t:head", NS)
    assert heads[0].text == "共识文件" and heads[1].get("type") == "sub"
    assert heads[1].text == "Consensus Document"
    assert div.get("n") == "6" and ids["zh.s06.c02"].get("n") == "02"
    # the paragraph after the clauses sits in a continuation div (TEI: no p after a div)
    assert ids["zh.s06.p2"].getparent().get("type") == "continuation"
    # footnote with its parsed citation
    note = ids["zh.fn1"]
    assert note.get("place") == "bottom" and note.get("n") == "1"
    assert note.find("t:bibl/t:date", NS).get("when") == "2023-06"
    cells = [c.text for c in ids["zh.s01.t1"].iterfind(".//t:cell", NS)]
    assert cells == ["指标", "数值", "模型数量", "100+"]


def test_en_citation_has_ptr_and_accessed(en_doc):
    ids = _by_id(_tree(document_to_tei(en_doc)))
    bibl = ids["en.fn1"].find("t:bibl", NS)
    assert bibl.find("t:ptr", NS).get("target") == "https://aiindex.stanford.edu/report/"
    assert bibl.find("t:date[@type='accessed']", NS).get("when") == "2023-06-24"
    assert bibl.find("t:author", NS).text == "Stanford HAI"


def test_header(pair):
    src, tgt, al = pair
    tree = _tree(pair_to_tei(src, tgt, al))
    shas = [i.text for i in tree.iterfind(".//t:sourceDesc//t:idno[@type='sha256']", NS)]
    assert shas == [src.source.sha256, tgt.source.sha256]
    assert [m.get("quantity") for m in tree.iterfind(".//t:sourceDesc//t:measure", NS)] == ["7", "7"]
    app = tree.find(".//t:appInfo/t:application", NS)
    assert app.get("ident") == "pariter" and app.get("version")


def test_deterministic(pair):
    src, tgt, al = pair
    assert pair_to_tei(src, tgt, al) == pair_to_tei(src, tgt, al)
    assert document_to_tei(src) == document_to_tei(src)


def test_robust_to_odd_input(zh_doc, relaxng):
    """Control characters, an empty document, a clause without paragraphs."""
    d = zh_doc
    d.paragraphs[0].text = "bad\x01char " + d.paragraphs[0].text
    for s in d.sentences:
        if s.paragraph == d.paragraphs[0].id:
            s.start += 9
            s.end += 9
    d.clauses[0].paragraphs = []
    for p in d.paragraphs:
        if p.clause == d.clauses[0].id:
            p.clause = None
    assert tei_problems(document_to_tei(d)) == []
    empty = build_doc("zh", doc_id="empty")
    for kind in ("sections", "headings", "clauses", "paragraphs", "sentences", "footnotes",
                 "markers", "tables"):
        setattr(empty, kind, [])
    assert tei_problems(document_to_tei(empty)) == []


def test_page_break_inside_a_paragraph_and_a_sentence(zh_doc, relaxng):
    """``<pb/>`` at the exact character where a paragraph turns the page: inside the
    ``<s>`` it falls in, between two ``<s>`` on a boundary, inside a bare ``<p>``."""
    from pariter.model import PageBreak

    d = zh_doc
    p = next(x for x in d.paragraphs if x.id == "zh.s01.p1")
    s1, s2 = [s for s in d.sentences if s.paragraph == p.id]
    mid = s2.start + 3
    p.page_breaks = [PageBreak(mid, 3)]
    s2.page = p.page_at(s2.start)
    assert s2.page == 2 and p.page_at(mid) == 3 and p.page_at(mid - 1) == 2
    # a paragraph without sentences crossing pages 5 -> 6 (and a bogus break at 0)
    q = next(x for x in d.paragraphs if x.id == "zh.s06.p1")
    d.sentences = [s for s in d.sentences if s.paragraph != q.id]
    q.page_breaks = [PageBreak(0, 5), PageBreak(4, 6)]
    data = document_to_tei(d)
    assert tei_problems(data) == []
    assert data == document_to_tei(d)
    ids = _by_id(_tree(data))
    el = ids[s2.id]
    pb = el.find("t:pb", NS)
    assert pb is not None and pb.get("n") == "3"
    assert el.text == s2.text[:3] and pb.tail == s2.text[3:]
    assert "".join(el.itertext()) == s2.text
    assert [etree.QName(c).localname for c in ids[p.id]] == ["s", "s"]
    el = ids[q.id]
    pb = el.find("t:pb", NS)
    assert el.text == q.text[:4] and pb.get("n") == "6" and pb.tail == q.text[4:]
    # the break on a sentence boundary goes between the sentences, not into one
    p.page_breaks = [PageBreak(s2.start, 3)]
    s2.page = 3
    ids = _by_id(_tree(document_to_tei(d)))
    assert [etree.QName(c).localname for c in ids[p.id]] == ["s", "pb", "s"]
    # pages never go backwards and each page has exactly one <pb/>
    pbs = [x.get("n") for x in _tree(document_to_tei(d)).iterfind(".//t:body//t:pb", NS)]
    assert pbs == sorted(pbs, key=int) and len(pbs) == len(set(pbs))
