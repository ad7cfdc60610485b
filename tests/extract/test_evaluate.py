"""Scoring extraction against truth: matching rules, page filtering, normalisation,
one-to-one pairing, and the report table."""

from __future__ import annotations

import json

import pytest

from pariter.extract.evaluate import (context_ok, evaluate, evaluate_files, format_report,
                                      normalize)
from pariter.model import (Clause, Document, Footnote, Heading, Marker, Paragraph, Section,
                           Source, Subtitle)


def doc(**kinds) -> Document:
    # the section every heading below sits in, so that a saved document is consistent
    kinds.setdefault("sections", [Section("s", 1, None, None, None, 1, "zh")])
    return Document(id="t", source=Source(path="t.pdf", sha256="0" * 64, pages=9),
                    langs=["zh"], **kinds)


def h(page, text, level=1, number=None, subtitles=()):
    return Heading(id=f"h{page}{len(text)}", level=level, number=number, text=text, page=page,
                   lang="zh", section="s", subtitles=list(subtitles))


def fn(page, label, text, lang="zh"):
    return Footnote(id=f"fn{page}.{label}", label=label, text=text, page=page, lang=lang)


def mk(page, label, footnote="f", paragraph="p1", offset=None):
    return Marker(id=f"m{page}{label}{offset}", label=label, page=page, footnote=footnote,
                  paragraph=paragraph, offset=offset)


def test_normalize():
    assert normalize("摘 要") == "摘要"
    assert normalize("第 １ 章\n") == "第1章"
    assert normalize("¹") == "1"


def test_headings_tp_fp_fn_and_secondary_scores():
    truth = {"pages_covered": [1, 2], "headings": [
        {"page": 1, "level": 1, "number": "", "text": "摘 要"},
        {"page": 1, "level": 1, "number": "第 1 章", "text": "引言"},
        {"page": 2, "level": 2, "number": "1.1", "text": "背景"},
        {"page": 2, "level": 2, "number": "1.2", "text": "方法"},
    ]}
    d = doc(headings=[
        h(1, "摘要"),                              # tp, number None == ""
        h(1, "引言", number="第１章"),              # tp, full-width digit
        h(2, "背景", level=3, number="1.2"),        # tp, wrong level and number
        h(2, "结果"),                              # fp
        h(3, "不算"),                              # page not covered: ignored
    ])
    s = evaluate(d, truth)["headings"]
    assert (s["truth"], s["extracted"], s["tp"], s["fp"], s["fn"]) == (4, 4, 3, 1, 1)
    assert s["precision"] == 0.75 and s["recall"] == 0.75 and s["f1"] == 0.75
    assert s["number_accuracy"] == {"ok": 2, "of": 3, "accuracy": 0.6667}
    assert s["level_accuracy"] == {"ok": 2, "of": 3, "accuracy": 0.6667}
    assert s["missed"] == [{"page": 2, "level": 2, "number": "1.2", "text": "方法"}]
    assert s["spurious"][0]["text"] == "结果"


def test_heading_on_another_page_does_not_match():
    truth = {"pages_covered": [1, 2], "headings": [{"page": 1, "level": 1, "number": "",
                                                     "text": "引言"}]}
    s = evaluate(doc(headings=[h(2, "引言")]), truth)["headings"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


def test_subtitles_and_run_in_headings():
    truth = {"pages_covered": [2], "headings": [
        {"page": 2, "level": 1, "number": "I.", "text": "总则", "text_en": "General"}],
        "run_in_headings": [{"page": 2, "level": 3, "number": "", "text": "Model."}]}
    d = doc(headings=[h(2, "总则", number="I.", subtitles=[Subtitle("en", "General")]),
                      h(2, "Model.", level=3)])
    s = evaluate(d, truth)["headings"]
    assert (s["tp"], s["fp"], s["fn"], s["run_in_ignored"]) == (1, 0, 0, 1)
    assert s["subtitle_accuracy"]["ok"] == 1


def test_footnotes_strict_lenient_and_duplicate_labels():
    text = "Due to space constraints, we opted not to discuss our relation extraction models."
    truth = {"pages_covered": [1, 2, 3], "footnotes": [
        {"page": 1, "label": "1", "text": text},
        {"page": 2, "label": "1", "text": "为原先默认主题"},     # same label, other page
        {"page": 3, "label": "2", "text": "https://pdfbox.apache.org"},
    ]}
    d = doc(footnotes=[
        fn(1, "1", text.replace("models.", "model.")),        # lenient only
        fn(2, "¹", "为原先 默认主题"),                           # strict: label NFKC, spaces
        fn(2, "1", "为原先默认主题"),                            # duplicate: fp (one-to-one)
        fn(3, "3", "https://pdfbox.apache.org"),                # wrong label: fp, and fn
        fn(4, "2", "https://pdfbox.apache.org"),                # not covered: ignored
    ])
    s = evaluate(d, truth)["footnotes"]
    assert (s["truth"], s["extracted"], s["tp"], s["fp"], s["fn"]) == (3, 4, 1, 3, 2)
    assert (s["lenient"]["tp"], s["lenient"]["fp"], s["lenient"]["fn"]) == (2, 2, 1)


def test_markers_linked_context_and_one_to_one():
    para = "我们欢迎在 Github 上给我们提交 issues 或者邮件。另一句话，然后再说一次。"
    first = para.index("。")
    second = len(para) - 1  # before the final 。
    truth = {"pages_covered": [1, 2], "markers": [
        {"page": 1, "label": "1", "context": "提交 issues 或者邮件。"},
        {"page": 1, "label": "1", "context": "然后再说一次"},
        {"page": 2, "label": "2", "context": "whatever"},
        {"page": 2, "label": "3", "context": "x"},
        {"page": 2, "label": "30", "context": "a callout whose note was never printed"},
    ], "footnotes": [{"page": 1, "label": "1", "text": "n"}, {"page": 2, "label": "2",
                                                            "text": "n"},
                     {"page": 2, "label": "3", "text": "n"}]}
    d = doc(paragraphs=[Paragraph(id="p1", text=para, page=1, lang="zh", section="s")],
            footnotes=[fn(1, "1", "n"), fn(2, "3", "n")],
            markers=[
                mk(1, "1", "fn1.1", offset=second),   # listed first, pairs with 2nd truth
                mk(1, "1", "fn1.1", offset=first + 1),
                mk(1, "1", "fn1.1", offset=5),        # a third: fp
                mk(2, "2", footnote=None),            # unlinked though a note exists: fp, fn
                mk(2, "3", "fn1.1"),                  # linked to the wrong note: fp, fn
                mk(2, "30", footnote=None),           # no note in the truth either: tp
                mk(5, "3", "fn2.3"),                  # page not covered
            ])
    s = evaluate(d, truth)["markers"]
    assert (s["truth"], s["extracted"], s["tp"], s["fp"], s["fn"]) == (5, 6, 3, 3, 2)
    assert (s["unlinked"], s["bad_links"]) == (2, 1)
    assert s["context"] == {"ok": 2, "of": 3, "accuracy": 0.6667}


def test_an_asterisk_label_is_one_label_however_the_font_codes_it():
    """TeX's star note label is U+2217 in the text layer; a reader types ``*``."""
    truth = {"pages_covered": [1], "footnotes": [{"page": 1, "label": "*", "text": "n"}],
             "markers": [{"page": 1, "label": "*", "context": ""}]}
    d = doc(footnotes=[fn(1, "\u2217", "n")], markers=[mk(1, "\u2217", "fn1.\u2217")])
    s = evaluate(d, truth)
    assert (s["footnotes"]["tp"], s["markers"]["tp"]) == (1, 1)
    other = doc(footnotes=[fn(1, "\u2020", "n")], markers=[mk(1, "\u2020", "fn1.\u2020")])
    assert evaluate(other, truth)["footnotes"]["tp"] == 0  # a dagger is another label


def test_markers_without_footnotes_in_truth_must_be_linked():
    truth = {"pages_covered": [1], "markers": [{"page": 1, "label": "1", "context": ""}]}
    linked = doc(footnotes=[fn(1, "1", "n")], markers=[mk(1, "1", "fn1.1")])
    assert evaluate(linked, truth)["markers"]["tp"] == 1
    assert evaluate(doc(markers=[mk(1, "1", None)]), truth)["markers"]["tp"] == 0


def test_context_ok():
    assert context_ok("to search for answers in Wikipedia", "We use it to search for answers "
                      "in Wikipedia")
    # the callout put one full stop late
    assert context_ok("relation types between them in a sentential context",
                      "We extract relation types between them in a sentential context.")
    assert not context_ok("relation types between them in a sentential context",
                          "Something else entirely, unrelated to the truth")
    assert not context_ok("abc", None)
    assert context_ok("", "anything")


def test_clauses_from_corpus_truth():
    truth = {"pages_covered": [2], "headings": [], "footnotes": [], "markers": [], "clauses": [
        {"page": 2, "number": "01", "lang": "zh", "text-start": "发展责任的生成式人工智能"},
        {"page": 2, "number": "01", "lang": "en", "text-start": "Developing responsib"},
        {"page": 2, "number": "02", "lang": "zh", "text-start": "积极倡导并稳妥推进"},
    ]}
    d = doc(clauses=[
        Clause(id="c1", number="01", text="01 发展 责任的生成式人工智能应始终", page=2, lang="zh",
               section="s"),
        Clause(id="c2", number="1", text="Developing responsible GenAI", page=2, lang="en",
               section="s"),
        Clause(id="c3", number="02", text="错误的开头", page=2, lang="zh", section="s"),
    ])
    s = evaluate(d, truth)["clauses"]
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 1)
    assert (s["by_number"]["tp"], s["by_number"]["fp"], s["by_number"]["fn"]) == (3, 0, 0)


def test_no_clauses_key_means_no_clause_score_and_dict_input():
    truth = {"pages_covered": [1], "headings": [], "footnotes": [], "markers": []}
    d = doc(headings=[h(1, "摘要")])
    scores = evaluate(d.to_dict(), truth)
    assert set(scores) == {"headings", "footnotes", "markers"}
    # nothing to find but something found: both 0 (see the module's zero-division rule)
    assert scores["headings"]["precision"] == 0.0 and scores["headings"]["recall"] == 0.0
    assert scores["footnotes"]["f1"] == 1.0  # nothing to find, nothing found


def test_missing_pages_covered_counts_every_page():
    truth = {"headings": [{"page": 7, "level": 1, "number": "", "text": "X"}]}
    assert evaluate(doc(headings=[h(7, "X")]), truth)["headings"]["tp"] == 1


def test_format_report_and_files(tmp_path):
    truth = {"pages_covered": [1], "headings": [{"page": 1, "level": 1, "number": "",
                                                  "text": "摘要"}],
             "footnotes": [], "markers": [], "clauses": []}
    d = doc(headings=[h(1, "摘 要")])
    report = format_report(evaluate(d, truth))
    lines = report.splitlines()
    assert lines[0].split() == ["truth", "found", "tp", "fp", "fn", "P", "R", "F1"]
    assert lines[1].split()[:4] == ["headings", "1", "1", "1"]
    assert len({len(line) for line in lines if not line.startswith("  ")}) == 1  # aligned
    dp, tp = tmp_path / "d.json", tmp_path / "t.json"
    d.save(dp)
    tp.write_text(json.dumps(truth), encoding="utf-8")
    assert evaluate_files(dp, tp)["headings"]["f1"] == 1.0


def test_bad_truth_file(tmp_path):
    from pariter.errors import InputError

    dp, p = tmp_path / "d.json", tmp_path / "t.json"
    doc().save(dp)
    p.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="t.json"):
        evaluate_files(dp, p)
    with pytest.raises(InputError, match="missing.json"):
        evaluate_files(dp, tmp_path / "missing.json")


def test_english_stream_heading_is_the_same_truth_heading():
    truth = {"headings": [{"page": 2, "level": 1, "number": "I.", "text": "总则",
                           "text_en": "General"}]}
    both = doc(headings=[h(2, "总则", number="I.", subtitles=[Subtitle("en", "General")]),
                         h(2, "General", number="I.")])
    s = evaluate(both, truth)["headings"]
    assert (s["tp"], s["fp"], s["fn"], s["parallel_en"]) == (1, 0, 0, 1)
    assert s["subtitle_accuracy"]["ok"] == 1
    only_en = evaluate(doc(headings=[h(2, "General", number="I.")]), truth)["headings"]
    assert (only_en["tp"], only_en["fp"], only_en["fn"]) == (1, 0, 0)
    other_page = evaluate(doc(headings=[h(2, "总则"), h(3, "General")]), truth)["headings"]
    assert (other_page["tp"], other_page["fp"]) == (1, 1)
