"""extract_pdf on real PDFs: hand-written minimal files, the corpus, and (when present)
the shared third-party PDFs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pariter.errors import InputError
from pariter.extract import extract_pdf
from pariter.extract.textjoin import join2
from tests.helpers import SHARED as SHARED_DIR

from ._pdf import text_ops, write_pdf

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "corpus"
SHARED = SHARED_DIR / "pdfs"


def corpus_pdf(name: str) -> Path:
    """A committed corpus PDF: one that is missing fails the test (extraction names it),
    it is not skipped."""
    return CORPUS / "pdf" / name


def shared_pdf(name: str) -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    return SHARED / name


# ---------------------------------------------------------------- bad input
def test_not_a_pdf(tmp_path: Path) -> None:
    f = tmp_path / "x.pdf"
    f.write_text("hello, I am text")
    with pytest.raises(InputError, match="not a PDF"):
        extract_pdf(f)


def test_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        extract_pdf(tmp_path / "nope.pdf")
    (tmp_path / "e.pdf").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        extract_pdf(tmp_path / "e.pdf")


def test_truncated(tmp_path: Path) -> None:
    data = corpus_pdf("wic-consensus-zh.pdf").read_bytes()
    f = tmp_path / "t.pdf"
    f.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError, match="corrupt or truncated"):
        extract_pdf(f)


def test_encrypted(tmp_path: Path) -> None:
    f = write_pdf(tmp_path / "enc.pdf", [text_ops([(72, 72, 12, "Secret")])],
                  extra_trailer="/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> "
                                "<00112233445566778899aabbccddeeff>]",
                  extra_objects=["<< /Filter /Standard /V 1 /R 2 /O <" + "00" * 32 + "> /U <"
                                 + "11" * 32 + "> /P -4 >>"])
    with pytest.raises(InputError, match="encrypted"):
        extract_pdf(f)


def test_zero_pages(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no pages"):
        extract_pdf(write_pdf(tmp_path / "z.pdf", []))


def test_image_only(tmp_path: Path) -> None:
    f = write_pdf(tmp_path / "img.pdf", ["q 100 0 0 100 72 600 cm /Im1 Do Q"],
                  page_resources="/XObject << /Im1 6 0 R >>",
                  extra_objects=["<< /Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                 "/ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\n"
                                 "stream\n\x00\xff\xff\x00\nendstream"])
    with pytest.raises(InputError, match="image-only"):
        extract_pdf(f)


# ---------------------------------------------------------------- text rebuilding
def test_hyphenation_rules() -> None:
    assert join2("to search for answers in Wiki-", "pedia") == "to search for answers in Wikipedia"
    assert join2("a well-", "known result") == "a well-known result"
    assert join2("中文的句子", "继续") == "中文的句子继续"
    assert join2("English words", "continue") == "English words continue"
    assert join2("soft\u00ad", "hyphen") == "softhyphen"


def _report_page(n: int, body: list[str]) -> str:
    lines = [(72, 40, 9, "Annual Report of the Society"), (300, 760, 9, str(n))]
    lines += [(72, 100 + 14 * i, 11, t) for i, t in enumerate(body)]
    return text_ops(lines)


def test_running_header_and_hyphenation(tmp_path: Path) -> None:
    body1 = ["This paragraph runs over two pages and its first page ends with a bro-",
             "ken word that the extractor has to mend without leaving any hyphen in",
             "the middle of the word before it continues on the following page of the"]
    body2 = ["report, where the sentence finally ends with a full stop and a short line.",
             "", "A second paragraph starts after a blank line."]
    pages = [_report_page(1, body1), _report_page(2, body2), _report_page(3, ["Last page."])]
    doc = extract_pdf(write_pdf(tmp_path / "r.pdf", pages), doc_id="r")
    texts = [p.text for p in doc.paragraphs]
    assert not any("Annual Report" in t for t in texts)
    assert [p.label for p in doc.pages] == ["1", "2", "3"]
    assert {r.kind for r in doc.pages[0].running} == {"header", "page_number"}
    first = texts[0]
    assert "broken word" in first and "of the report, where" in first
    assert doc.paragraphs[0].pages == [1, 2]
    assert texts[1] == "A second paragraph starts after a blank line."
    assert doc.langs == ["en"] and doc.id == "r"


# ---------------------------------------------------------------- corpus
def _score(pdf: Path) -> dict:
    from pariter.extract.evaluate import evaluate, load_truth
    return evaluate(extract_pdf(pdf), load_truth(CORPUS / "truth" / (pdf.stem + ".json")))


def _f1(s: dict, kind: str) -> float:
    return s[kind]["f1"] if "f1" in s[kind] else s[kind]["F1"]


@pytest.mark.parametrize("name", sorted(p.stem for p in (CORPUS / "truth").glob("*.json")))
def test_corpus_truth_exact(name: str) -> None:
    """Every corpus truth file: every footnote, marker, heading and clause right."""
    s = _score(corpus_pdf(name + ".pdf"))
    for kind in ("footnotes", "markers", "headings", "clauses"):
        if kind in s:
            assert _f1(s, kind) == 1.0, (kind, s[kind]["missed"], s[kind]["spurious"])
    if "headings" in s:
        assert s["headings"]["level_accuracy"]["accuracy"] in (None, 1.0)
        assert s["headings"]["number_accuracy"]["accuracy"] in (None, 1.0)


def test_report_openers_and_subsections() -> None:
    doc = extract_pdf(corpus_pdf("wic-report-zh.pdf"))
    by_id = {h.id: h for h in doc.headings}
    h = by_id["zh.s02.h"]
    assert (h.level, h.number, h.text, h.section) == (1, "02", "全球生成式人工智能技术发展态势",
                                                      "zh.s02")
    assert [(s.lang, s.text) for s in h.subtitles] == [
        ("en", "GLOBAL DEVELOPMENT TRENDS OF GENAI TECHNOLOGIES")]
    sub = by_id["zh.s02.s01.h"]
    assert (sub.level, sub.number) == (2, "（一）")
    assert next(s for s in doc.sections if s.id == "zh.s02.s01").parent == "zh.s02"
    att = next(h for h in doc.headings if h.text.startswith("附件"))
    assert att.level == 1 and not att.number and att.text.startswith("附件：")
    assert att.subtitles[0].text.startswith("ATTACHMENT: ") and "\n" not in att.subtitles[0].text
    assert [c.id for c in doc.clauses] == [f"zh.s06.c{i:02d}" for i in range(1, 11)]
    assert not any(s.id.startswith("zh.s01-") for s in doc.sections)


def test_unit_language_and_streams() -> None:
    doc = extract_pdf(corpus_pdf("wic-report-zh.pdf"))
    assert doc.langs == ["zh"]
    fn = next(f for f in doc.footnotes if f.id == "zh.fn4")
    assert fn.lang == "en"  # an English note in the Chinese report
    assert all(u.id.startswith("zh.") for u in doc.units())
    assert {p.lang for p in doc.paragraphs} >= {"zh"}


def test_bilingual_headings_in_both_streams() -> None:
    doc = extract_pdf(corpus_pdf("wic-consensus-zh-en.pdf"))
    assert doc.langs == ["zh", "en"]
    by_id = {h.id: h for h in doc.headings}
    zh, en = by_id["zh.s01.h"], by_id["en.s01.h"]
    assert (zh.number, zh.text, zh.lang, zh.section) == ("I.", "总则", "zh", "zh.s01")
    assert [(s.lang, s.text) for s in zh.subtitles] == [("en", "General")]
    assert (en.number, en.text, en.lang, en.section) == ("I.", "General", "en", "en.s01")
    assert {s.id for s in doc.sections} >= {"zh.s01", "zh.s02", "zh.s03", "en.s03"}
    assert not any(".sx" in s.id for s in doc.sections)  # the repeated title is no section
    assert "zh.s01.c01" in {c.id for c in doc.clauses} and "en.s01.c01" in {c.id for c in doc.clauses}
    assert [h.id for h in doc.stream("en").headings] == ["en.s01.h", "en.s02.h", "en.s03.h"]


def test_bilingual_streams_are_parallel() -> None:
    doc = extract_pdf(corpus_pdf("wic-consensus-zh-en.pdf"))
    assert doc.langs == ["zh", "en"]
    zh = [c.id.split(".", 1)[1] for c in doc.clauses if c.lang == "zh"]
    en = [c.id.split(".", 1)[1] for c in doc.clauses if c.lang == "en"]
    assert zh == en and len(zh) == 10
    assert all(not c.text.startswith("0") for c in doc.clauses)


def test_bilingual_label_split_into_both_streams() -> None:
    doc = extract_pdf(corpus_pdf("wic-consensus-zh-en.pdf"))
    back = max(p.page for p in doc.paragraphs)
    zh = [(p.id, p.text) for p in doc.stream("zh").paragraphs if p.page == back]
    en = [(p.id, p.text) for p in doc.stream("en").paragraphs if p.page == back]
    assert zh == [("zh.s03.p1", "世界互联网大会"), ("zh.s03.p2", "工作组联系方式")]
    assert en == [("en.s03.p1", "World Internet Conference"), ("en.s03.p2", "Contact us"),
                  ("en.s03.p3", "research@wicinternet.org")]
    by_id = {p.id: p for p in doc.paragraphs}
    a, b = by_id["zh.s03.p2"], by_id["en.s03.p2"]
    assert (a.lang, b.lang) == ("zh", "en")
    [za], [eb] = a.boxes, b.boxes
    # one line's box cut at the slash (drawn at x 306.8 to 311.1)
    assert za.page == eb.page == back and (za.top, za.bottom) == (eb.top, eb.bottom)
    assert za.x0 < za.x1 <= eb.x0 < eb.x1
    assert abs(za.x1 - 306.8) < 3 and abs(eb.x0 - 311.1) < 3


def test_report_footnotes_and_markers() -> None:
    pdf = corpus_pdf("wic-report-zh.pdf")
    doc = extract_pdf(pdf)
    s = _score(pdf)
    assert _f1(s, "markers") >= 0.95
    assert _f1(s, "footnotes") >= 0.8
    # CJK lines joined without spaces, markers out of the text
    for m in doc.markers[:10]:
        para = next(p for p in doc.paragraphs if p.id == m.paragraph)
        assert 0 < m.offset <= len(para.text)
    assert any(w.code == "unlinked_marker" for w in doc.warnings)
    assert all(p.label is None or p.label.isdigit() for p in doc.pages)


def test_schema_valid() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "pariter" / "schemas" / "document.schema.json").read_text())
    doc = extract_pdf(corpus_pdf("wic-consensus-zh-en.pdf"))
    jsonschema.validate(doc.to_dict(), schema)


# ---------------------------------------------------------------- shared hygiene
def test_duplicate_chars() -> None:
    doc = extract_pdf(shared_pdf("zh_pdfplumber_issue-71_duplicate_chars.pdf"))
    text = "".join(p.text for p in doc.paragraphs)
    assert "项项目目" not in text and "项目描述" in text
    doc = extract_pdf(shared_pdf("zh_pdfplumber_issue-842_quadruple_chars.pdf"))
    text = "".join(p.text for p in doc.paragraphs) + (doc.title or "")
    assert "安徽安利合成革股份有限公司" in text and "安安" not in text


def test_kangxi_radicals_normalised() -> None:
    doc = extract_pdf(shared_pdf("zh_mineru_chemistry_kangxi_radicals.pdf"))
    text = "".join(p.text for p in doc.paragraphs) + "".join(h.text for h in doc.headings)
    assert "生成物" in text
    assert not any(0x2F00 <= ord(c) <= 0x2FDF for c in text)
    assert "，" in text  # full-width punctuation kept


def test_cid_and_no_tounicode_warnings() -> None:
    doc = extract_pdf(shared_pdf("zh_pdfjs_issue12823_cid.pdf"))
    assert any(w.code == "cid_glyphs" for w in doc.warnings)
    assert not any("(cid:" in p.text for p in doc.paragraphs)
    # a GB-encoded font without a ToUnicode map: pdfminer reads Latin-1 mojibake, which is
    # dropped and reported; PDFium decodes it
    doc = extract_pdf(shared_pdf("zh_pdfjs_XiaoBiaoSong_no_tounicode.pdf"), reader="pdfplumber")
    assert any(w.code == "no_tounicode" for w in doc.warnings)
    assert not any("Ä¿" in p.text for p in doc.paragraphs)
    doc = extract_pdf(shared_pdf("zh_pdfjs_XiaoBiaoSong_no_tounicode.pdf"))
    assert any("关于红军作战的原则" in p.text for p in doc.paragraphs)


def test_white_text_dropped() -> None:
    doc = extract_pdf(shared_pdf("zh_unstructured_simplified_chinese.pdf"))
    text = "".join(p.text for p in doc.paragraphs)
    assert "监制人" in text and "监制制" not in text


def test_private_use_reported() -> None:
    doc = extract_pdf(shared_pdf("zh-en_pdfjs_issue19182_hk_form.pdf"))
    assert any(w.code == "private_use" for w in doc.warnings)


def _shared_truths() -> list[str]:
    truth = SHARED / "truth"
    return sorted(p.stem for p in truth.glob("*.json")) if truth.is_dir() else []


@pytest.mark.parametrize("name", _shared_truths() or [
    pytest.param("none", marks=pytest.mark.skip(reason="../shared is absent"))])
def test_shared_truth(name: str) -> None:
    """Every shared truth file: footnote F1 >= 0.95 and heading F1 >= 0.90."""
    from pariter.extract.evaluate import evaluate, load_truth
    pdf = shared_pdf(name + ".pdf")
    if not pdf.exists():
        pytest.skip(f"{pdf.name} is absent")
    s = evaluate(extract_pdf(pdf), load_truth(SHARED / "truth" / (name + ".json")))
    assert _f1(s, "footnotes") >= 0.95, s["footnotes"]["missed"]
    assert _f1(s, "headings") >= 0.90, (s["headings"]["missed"], s["headings"]["spurious"])


def test_line_end_hyphens_decided_by_the_words() -> None:
    from pariter.extract.textjoin import vocabulary
    words = vocabulary(["a proof-of-work scheme", "the blockchain grows"])
    # a compound the document prints with its hyphen, halves that are words, a word
    assert join2("a proof-", "of-work chain", words) == "a proof-of-work chain"
    assert join2("a peer-", "to-peer net", words) == "a peer-to-peer net"
    assert join2("used multi-", "ple times", words) == "used multiple times"
    # the document prints the word whole: the hyphen only broke it
    assert join2("the block-", "chain", words) == "the blockchain"


def test_a_word_broken_without_a_hyphen_is_joined_only_when_the_words_say_so() -> None:
    """Chinese line breaking applied to Latin text (Word, WPS, LibreOffice) cuts words
    anywhere, with no hyphen: the halves are no words, their join is one."""
    from pariter.extract.textjoin import vocabulary
    words = vocabulary(["the potential and", "cs", "we go in to see it", "the possible way"])
    assert join2("human ethi", "cs. Firstly", words) == "human ethics. Firstly"
    assert join2("potential and p", "ossible risks", words) == "potential and possible risks"
    assert join2("RESPONSIBLE GENER", "ATIVE AI", words) == "RESPONSIBLE GENERATIVE AI"
    assert join2("Artificial I", "ntelligence", words) == "Artificial Intelligence"
    # words on both sides, names, abbreviations and other languages are left alone
    assert join2("we go in", "to see", words) == "we go in to see"
    assert join2("President Xi", "Jinping said", words) == "President Xi Jinping said"
    assert join2("the UN", "GDP", words) == "the UN GDP"
    assert join2("et la", "pérennisation", words) == "et la pérennisation"


def test_a_document_that_breaks_words_anywhere_is_read_as_such() -> None:
    """Chinese line breaking of Latin text is a property of the whole document: where its
    lines show unmistakable breaks inside words, every break between two letters or two
    digits is read as the more probable segmentation; elsewhere nothing changes."""
    from pariter.extract.textjoin import vocabulary
    lines = ["principles of human ethi", "cs, and potential and p", "ossible risks of GenAI",
             "measures may be taken to move forward with 5,000 items.",
             "It went in to the OpenAI and IBM watsonx.ai models here."]
    anywhere = vocabulary(lines)
    latin = vocabulary(["the potential and", "cs", "measures may be taken", "the possible way"])
    assert anywhere.breaks_words and not latin.breaks_words
    # fragments and their join: the word list's frequencies (avoide|d, dam|age, an|d)
    assert join2("should be avoide", "d, and", anywhere) == "should be avoided, and"
    assert join2("any dam", "age occurring", anywhere) == "any damage occurring"
    assert join2("cross-industry an", "d cross-domain", anywhere) == "cross-industry and cross-domain"
    # the document's own usage first: it prints "forward", "OpenAI", "may be", "IBM watsonx"
    assert join2("for", "ward-looking", anywhere) == "forward-looking"
    assert join2("Open", "AI 公司", anywhere) == "OpenAI 公司"
    assert join2("measures may", "be taken", anywhere) == "measures may be taken"
    assert join2("built on IBM", "watsonx", anywhere) == "built on IBM watsonx"
    # two known words no join makes one stay apart; so do an abbreviation and a word
    assert join2("Artificial", "Intelligence", anywhere) == "Artificial Intelligence"
    assert join2("the NLP", "model", anywhere) == "the NLP model"
    # numbers cut anywhere (20|23, 3.|0) join only in such a document
    assert join2("于20", "23年", anywhere) == "于2023年"
    assert join2("ERNIE 3.", "0，打造", anywhere) == "ERNIE 3.0，打造"
    assert join2("pages 20", "23 and", latin) == "pages 20 23 and"
    assert join2("any dam", "age occurring", latin) == "any dam age occurring"


def test_a_url_in_angle_brackets_broken_inside_its_scheme_is_one_url() -> None:
    assert join2("Awesome, <h", "ttps://github.com/x> accessed") == "Awesome, <https://github.com/x> accessed"
    assert join2("see <htt", "ps://example.org>") == "see <https://example.org>"
    assert join2("a <b", "c> d") == "a <b c> d"


def test_a_url_broken_after_a_dot_or_its_scheme_joins_without_a_space() -> None:
    """TeX breaks a URL after a dot or a slash and adds no hyphen; a line ending in a URL's
    dot goes on with the rest of its host or path, not with a new sentence."""
    assert join2("可以参考 http://asymptote.", "sourceforge.net/gallery/x.asy。") == \
        "可以参考 http://asymptote.sourceforge.net/gallery/x.asy。"
    assert join2("URL http://tug.ctan.", "org/tex-archive/macros/") == \
        "URL http://tug.ctan.org/tex-archive/macros/"
    assert join2("ISBN 3-900051-07-0, URL http:", "//www.R-project.org/.") == \
        "ISBN 3-900051-07-0, URL http://www.R-project.org/."
    # a full stop after a URL, then the next sentence or an abbreviation
    assert join2("see http://x.org.", "The next one") == "see http://x.org. The next one"
    assert join2("see http://x.org.", "then more") == "see http://x.org. then more"
    assert join2("see http://example.com/a.", "e.g. this") == "see http://example.com/a. e.g. this"


def test_a_prefix_the_document_hyphenates_keeps_its_hyphen_at_a_line_end() -> None:
    from pariter.extract.textjoin import vocabulary
    hyphenating = vocabulary(["multi-domain education", "and multi-stakeholder talks"])
    joining = vocabulary(["a multilateral education", "the multi-", "ple levels"])
    # "multilevel" is in the word list, yet this document writes multi- with a hyphen
    assert join2("and multi-", "level, multi-domain", hyphenating) == "and multi-level, multi-domain"
    assert join2("used multi-", "ple times", hyphenating) == "used multiple times"
    # a document that never prints multi- mid-line: the word list decides
    assert join2("and multi-", "level plans", joining) == "and multilevel plans"


def test_compound_hyphens_kept_by_document_vocabulary() -> None:
    from pariter.extract.textjoin import vocabulary
    words = vocabulary(["privacy matters here", "and is preserving", "the Wikipedia page",
                        "of the consider", "we develop"])
    assert join2("use privacy-", "preserving computing", words) == "use privacy-preserving computing"
    assert join2("in Wiki-", "pedia", words) == "in Wikipedia"  # printed whole elsewhere
    assert join2("is consider-", "able", words) == "is considerable"  # a bare suffix
    assert join2("we develop-", "ment", words) == "we development"


def test_page_breaks_of_a_paragraph_continued_on_the_next_page() -> None:
    from pariter.pipeline import add_sentences
    doc = extract_pdf(corpus_pdf("wic-report-zh.pdf"))
    crossing = [p for p in doc.paragraphs if len(p.pages) > 1]
    assert crossing and all(p.page_breaks for p in crossing)
    assert all(not p.page_breaks for p in doc.paragraphs if len(p.pages) == 1)
    for p in crossing:
        assert [b.page for b in p.page_breaks] == p.pages[1:]
        assert sorted({b.page for b in p.boxes}) == p.pages
    # page 11 opens with "大模型测量农作物的长势" in the middle of a paragraph from page 10
    p = next(p for p in crossing if p.pages == [10, 11])
    assert p.text[p.page_breaks[0].offset:].startswith("大模型测量农作物的长势")
    add_sentences(doc)
    sents = [s for s in doc.sentences if s.paragraph == p.id]
    assert sents[0].page == 10 and sents[-1].page == 11
    assert all(s.page == p.page_at(s.start) for s in sents)


@pytest.mark.parametrize("name,clause,pages", [
    ("wic-consensus-en.pdf", "en.s02.c04", [1, 2]),  # right column → next page's left column
    ("wic-consensus-zh.pdf", "zh.s03.c07", [2, 3]),
])
def test_hanging_indent_paragraph_joined_across_pages(name: str, clause: str, pages: list[int]) -> None:
    """A clause's text hangs in from its number; a page break inside it leaves the next
    page's first line at the hanging edge: one paragraph, not two."""
    doc = extract_pdf(corpus_pdf(name))
    c = next(c for c in doc.clauses if c.id == clause)
    assert len(c.paragraphs) == 1
    p = next(p for p in doc.paragraphs if p.id == c.paragraphs[0])
    assert p.pages == pages and [b.page for b in p.page_breaks] == pages[1:]


def test_name_grid_rows_stay_rows() -> None:
    doc = extract_pdf(shared_pdf("zh_unstructured_simplified_chinese.pdf"))
    texts = [p.text for p in doc.paragraphs]
    assert "杨启光 陈光磊 陈学超 周小兵 赵金铭" in texts
    assert "监制人： 刘泽彭" in texts and "主 编： 贾益民" in texts
    assert all(len(t) < 40 for t in texts)  # no two grid rows fused


def test_vertical_text_read_by_columns() -> None:
    doc = extract_pdf(shared_pdf("ja_pdfjs_vertical.pdf"))
    assert any(w.code == "vertical_text" for w in doc.warnings)
    text = "".join(p.text for p in doc.paragraphs)
    assert "あいうえお" in text and "日本語" in text
    b = doc.paragraphs[0].boxes[0]  # boxes in the page's own coordinates
    assert b.x1 <= doc.pages[0].width and b.bottom <= doc.pages[0].height


def test_decimal_at_line_start_is_not_a_list_item() -> None:
    doc = extract_pdf(shared_pdf("zh_research_report_rapiddoc.pdf"))
    assert not any(p.text.startswith(("42.8%", "64.9%")) for p in doc.paragraphs)


def test_a_link_annotation_to_its_note_makes_a_callout_of_an_index(tmp_path: Path) -> None:
    """``x²`` is a square unless the PDF links the raised 2 to note 2: the author's link
    is evidence the layout alone cannot give."""
    body = [(72, 114, 11, "of the square in every case that we have looked at in this short study of"),
            (72, 128, 11, "areas, so that the rule holds for all the squares we drew on the page.")]
    ops = (text_ops(body)
           + "\nBT /F1 11 Tf 72 692 Td (The measured value of the area is written as x) Tj"
           " /F1 7 Tf 4 Ts (2) Tj /F1 11 Tf 0 Ts ( and it grows with the side) Tj ET"
           "\n0.5 w 72 100 m 250 100 l S\n"
           + text_ops([(72, 705, 8, "2 The square of the side, as the note says here.")]))
    link = ("<< /Type /Annot /Subtype /Link /Rect [296 694 303 703] /Border [0 0 0] "
            "/Dest [4 0 R /XYZ 72 92 0] >>")
    plain = extract_pdf(write_pdf(tmp_path / "plain.pdf", [ops]))
    linked = extract_pdf(write_pdf(tmp_path / "linked.pdf", [ops], extra_objects=[link],
                                   page_extra="/Annots [6 0 R]"))
    assert not plain.markers and "written as x2 and" in plain.paragraphs[0].text
    assert [(m.label, m.footnote) for m in linked.markers] == [("2", linked.footnotes[0].id)]
    assert "written as x and" in linked.paragraphs[0].text


def test_a_bilingual_text_set_line_by_line_splits_into_its_two_streams() -> None:
    """A Chinese line, then its English line, in one paragraph's spacing (a leaflet): each
    language's line is its own unit in its own stream, the title and its translation too."""
    doc = extract_pdf(Path(__file__).parent / "fixtures" / "leaflet-zh-en.pdf")
    assert doc.langs == ["zh", "en"]
    paras = [(p.lang, p.text) for p in doc.paragraphs]
    assert [lang for lang, _ in paras] == ["zh", "en"] * 6
    assert paras[:2] == [("zh", "患者须知"), ("en", "Patient Information")]
    assert paras[-2:] == [("zh", "手术当天请不要化妆或佩戴首饰。"),
                          ("en", "On the day of the operation, please do not wear make-up or jewellery.")]


def test_chinese_line_breaking_by_another_producer_gives_the_source_text() -> None:
    """Chromium with CSS ``word-break: break-all`` (as many Chinese pages are set) breaks
    Latin words and URLs anywhere at a line's end, like LibreOffice's Chinese line breaking:
    every paragraph comes out as the HTML source has it — words whole (``rep|ort``,
    ``G|enerative``), real spaces kept (``agreed to|work``), the URL in one piece."""
    import html
    import re

    src = (Path(__file__).parent / "fixtures" / "breakall-zh.html").read_text(encoding="utf-8")
    want = [re.sub(r"\s+", " ", html.unescape(t)).strip()
            for t in re.findall(r"<p>(.*?)</p>", src, re.S)]
    doc = extract_pdf(Path(__file__).parent / "fixtures" / "breakall-zh.pdf")
    assert [re.sub(r"\s+", " ", p.text) for p in doc.paragraphs] == want


def test_a_callout_whose_note_is_not_printed_is_known_by_its_number(tmp_path: Path) -> None:
    """A raised 1 after a full stop opens the note numbering even when no note is printed
    (a translation that dropped its notes): it is a callout, reported as unlinked. A raised
    2 after a parenthesis, as in (a + b)², stays a power."""
    ops = (text_ops([(72, 100, 11, "A first line of running text in this short test page.")])
           + "\nBT /F1 11 Tf 72 678 Td (The sum is written as a square; see the book.) Tj"
           " /F1 7 Tf 4 Ts (1) Tj ET\nBT /F1 11 Tf 72 664 Td (It is \\(a + b\\)) Tj"
           " /F1 7 Tf 4 Ts (2) Tj /F1 11 Tf 0 Ts ( here.) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "unprinted.pdf", [ops]))
    assert [(m.label, m.footnote) for m in doc.markers] == [("1", None)]
    assert any(w.code == "unlinked_marker" for w in doc.warnings)
    assert any("(a + b)2" in p.text for p in doc.paragraphs)


def test_a_paragraph_never_ends_inside_a_bracket_it_opened() -> None:
    """（译者注：… at a line's end, the note running on in the next lines: one paragraph."""
    pdf = SHARED.parent / "data" / "realpairs" / "pdf" / "sui-zh.pdf"
    if not pdf.exists():
        pytest.skip("../shared/data/realpairs not present")
    doc = extract_pdf(pdf)
    notes = [p.text for p in doc.paragraphs if "（译者注：" in p.text]
    # (a translator may close a full-width bracket with a half-width one)
    assert notes and all(t.count("（") + t.count("(") <= t.count("）") + t.count(")") for t in notes)


def test_a_run_in_label_in_another_face_is_a_sentence_of_its_own(tmp_path: Path) -> None:
    """``Note`` in bold before the text it labels is a label (its own sentence); a bold
    word inside a sentence is emphasis."""
    from pariter.pipeline import add_sentences
    bold = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    ops = (text_ops([(72, 100, 11, "A line of running text to give this page its body type and"),
                     (72, 114, 11, "a second one to give it a column.")])
           + "\nBT /F2 11 Tf 72 600 Td (Note) Tj /F1 11 Tf ( You can also select the device here.) Tj ET"
           + "\nBT /F2 11 Tf 72 560 Td (GenAI) Tj /F1 11 Tf ( is a technology that writes text.) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "runin.pdf", [ops], extra_objects=[bold],
                                fonts="/F2 6 0 R"))
    add_sentences(doc)
    by_text = {p.text: p for p in doc.paragraphs}
    note = by_text["Note You can also select the device here."]
    assert note.label_end == 4
    assert [s.text for s in doc.sentences if s.paragraph == note.id] == [
        "Note", "You can also select the device here."]
    assert by_text["GenAI is a technology that writes text."].label_end is None


def test_a_run_in_label_ending_in_a_colon_opens_its_sentence(tmp_path: Path) -> None:
    """``Line thickness:`` in bold before its description (a definition list, a form's
    field) is a label of the paragraph, but a reader reads it with the sentence it
    introduces, as a translation renders it ("线条粗细：设置…"): no sentence of its own."""
    from pariter.pipeline import add_sentences
    bold = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    ops = (text_ops([(72, 100, 11, "A line of running text to give this page its body type and"),
                     (72, 114, 11, "a second one to give it a column.")])
           + "\nBT /F2 11 Tf 72 600 Td (Line thickness:) Tj /F1 11 Tf ( Sets the width of the"
           " lines. It applies to new lines.) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "runin.pdf", [ops], extra_objects=[bold],
                                fonts="/F2 6 0 R"))
    add_sentences(doc)
    item = next(p for p in doc.paragraphs if p.text.startswith("Line thickness:"))
    assert item.label_end == len("Line thickness:")
    assert [s.text for s in doc.sentences if s.paragraph == item.id] == [
        "Line thickness: Sets the width of the lines.", "It applies to new lines."]


def test_a_document_set_wholly_in_a_typewriter_face_reads_as_its_letters_say(tmp_path: Path) -> None:
    """Code listings are kept out of the language vote, but when every line is in a
    typewriter face (a report printed from an editor) the vote must still see text:
    an English document must not default to Chinese."""
    from ._pdf import courier_pdf, courier_text

    lines = ["The committee met on the first day of the month and agreed the budget.",
             "Every member voted for the plan, and the chair closed the meeting early.",
             "The minutes were sent to the members of the committee the next morning."]
    ops = [courier_text(72, 100 + 14 * i, 10, t) for i, t in enumerate(lines)]
    doc = extract_pdf(courier_pdf(tmp_path / "mono.pdf", [ops]), doc_id="mono")
    assert doc.paragraphs and "committee met" in doc.paragraphs[0].text
    assert doc.langs == ["en"]


def test_a_box_justified_to_its_own_measure_is_one_paragraph(tmp_path: Path) -> None:
    """A note in a box inset from both sides of the column, its lines justified to the
    box's width (DBLaTeX's 注意/Note box): against the column each line is short and set on
    its axis, like centred lines that are each a unit; against the box every line but the
    last is full. One paragraph."""
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica"][1]

    def justified(x: float, top: float, size: float, text: str, width: float) -> str:
        # word spacing (Tw) stretches the line's spaces to the measure, as justification does
        natural = sum(widths[c] for c in text) * size / 1000
        tw = (width - natural) / text.count(" ")
        return f"BT /F1 {size} Tf {tw:.3f} Tw {x} {792 - top} Td ({text}) Tj ET"

    body = ["The column is set by these lines of running text, which run from the left",
            "margin to the right margin and give the page its measure and its body type,",
            "so that the box below stands inset from both sides of it, as notes do."]
    box = ["this note runs on from one line to the next in a box",
           "that is narrower than the column on both of its sides",
           "and every line of it but the last is full to the box."]
    ops = [justified(72, 100 + 13 * i, 10, t, 340) for i, t in enumerate(body)]
    ops += [justified(126, 160 + 13 * i, 10, t, 232) for i, t in enumerate(box[:-1])]
    ops.append(f"BT /F1 10 Tf 126 {792 - 160 - 26} Td ({box[-1]}) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "box.pdf", ["\n".join(ops)]))
    assert [p.text for p in doc.paragraphs][-1] == " ".join(box)
