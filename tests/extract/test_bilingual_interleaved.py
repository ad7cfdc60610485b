"""Interleaved bilingual documents (each block in Chinese, then in English), printed by fpdf2
and by Chromium (``fixtures/bilingual-interleaved.py``, text written for the tests).

A producer that wraps Chinese only at spaces (fpdf2) leaves lines short inside a
paragraph; they run on. A translator who did a third of a document still made it bilingual: its few Chinese
blocks each stand beside their English. A name the translation keeps (a term printed over
each side's description, a heading such as FILES printed twice) is in each stream once, in
front of its own side's text, and a term half translated (``MAXDAYS 天数``) is Chinese.
Traditional characters align as Simplified ones do and stay Traditional in the output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
PRODUCERS = ["fpdf2", "chromium"]
IDEOGRAPH = re.compile("[\u4e00-\u9fff]")


def stream(doc, lang: str) -> list[str]:
    """A stream's headings and paragraphs in print order."""
    units = [(h.page, h.boxes[0].top if h.boxes else 0.0, h.text) for h in doc.headings
             if h.section.startswith(lang + ".")]
    units += [(p.page, p.boxes[0].top if p.boxes else 0.0, p.text) for p in doc.paragraphs
              if p.section.startswith(lang + ".")]
    return [t for _, _, t in sorted(units, key=lambda u: (u[0], u[1]))]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_partly_translated_document_is_bilingual(producer: str) -> None:
    doc = extract_pdf(FIXTURES / f"bilingual-partial-{producer}.pdf")
    assert doc.langs == ["zh", "en"]  # four Chinese rules among twelve English: refused before
    zh = [p.text for p in doc.paragraphs if p.section.startswith("zh.")]
    en = [p.text for p in doc.paragraphs if p.section.startswith("en.")]
    assert len(zh) == 4 and all(IDEOGRAPH.search(t) for t in zh), zh
    assert len(en) == 12 and not any(IDEOGRAPH.search(t) for t in en), en


@pytest.mark.parametrize("producer", PRODUCERS)
def test_kept_names_are_in_each_stream_once(producer: str) -> None:
    doc = extract_pdf(FIXTURES / f"bilingual-terms-{producer}.pdf")
    assert doc.langs == ["zh", "en"]
    zh, en = stream(doc, "zh"), stream(doc, "en")
    for name, z, e in (("QUIET", "此标志让服务", "This flag stops"),
                       ("FINE amount", "逾期归还时", "The fee charged")):
        zi = [k for k, t in enumerate(zh) if t.startswith(name)]
        ei = [k for k, t in enumerate(en) if t.startswith(name)]
        assert len(zi) == 1 and len(ei) == 1, (name, zh, en)
        # each copy stands right before its own side's description, or opens it (a term
        # over its text at the same edge labels it: test_pairs_s26's description lists)
        assert (zh[zi[0]].startswith(name + " " + z) or zh[zi[0] + 1].startswith(z)) \
            and (en[ei[0]].startswith(name + " " + e) or en[ei[0] + 1].startswith(e)), (name, zh, en)
    # a term half translated goes with the Chinese
    assert any(t.startswith("MAXDAYS 天数") for t in zh)
    assert not any(IDEOGRAPH.search(t) for t in en), en


def test_english_paragraph_runs_on_over_a_page_turn() -> None:
    """fpdf2 turns the page inside an English paragraph with a Chinese one under the turn's
    first line: the English line goes on with its paragraph."""
    doc = extract_pdf(FIXTURES / "bilingual-terms-fpdf2.pdf")
    turned = [p for p in doc.paragraphs if len(p.pages) > 1]
    assert turned, "the fixture no longer turns a page inside a paragraph"
    ends = [p.text for p in doc.paragraphs if "its name followed by its value" in p.text]
    assert len(ends) == 2 and all(t.startswith("If the environment variable") for t in ends), ends


def test_chinese_wrapped_at_spaces_runs_on() -> None:
    """fpdf2 wraps Chinese only at spaces: a run of ideographs too long for the room left
    moves whole to the next line and leaves its line short, and the paragraph goes on."""
    doc = extract_pdf(FIXTURES / "bilingual-terms-fpdf2.pdf")
    zh = [p.text for p in doc.paragraphs if p.section.startswith("zh.")]
    for start in ("libraryd 配置文件告诉借阅服务", "空行和以 # 开头的行将被忽略。"):
        assert sum(t.startswith(start) for t in zh) == 2, zh
    assert not any(t in ("libraryd", "空行和以 #") for t in zh + [p.text for p in doc.paragraphs])


@pytest.mark.parametrize("producer", PRODUCERS)
def test_traditional_chinese_aligns_and_stays_traditional(producer: str) -> None:
    from pariter.align.document import align_bilingual
    from pariter.align.embed import MuseEmbedder

    doc = extract_pdf(FIXTURES / f"bilingual-partial-trad-{producer}.pdf")
    assert doc.langs == ["zh", "en"]
    al = align_bilingual(doc, MuseEmbedder(threads=2))
    pairs = {(l.src_text, l.tgt_text) for l in al.links if l.level == "sentence"
             and l.src_text and l.tgt_text}
    wanted = {("閱覽室內請保持安靜，手機應調至靜音狀態，接聽電話時請移步至走廊盡頭的休息區域。",
               "Please keep quiet in the reading rooms, set your phone to silent, and take calls "
               "in the lounge at the end of the corridor."),
              ("團體參觀須提前一週預約，每批不超過二十人，並由一名工作人員全程陪同講解。",
               "Group visits must be booked a week ahead, with at most twenty people at a time, "
               "guided throughout by a member of staff.")}
    assert wanted <= pairs, pairs
    # the English rules the translator left out are additions, not pulled into a pair
    added = [l for l in al.links if l.level == "sentence" and not l.src_text and l.tgt_text]
    assert len(added) >= 6
