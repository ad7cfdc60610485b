"""Wording diffs, on strings and on the report's section 06 against the consensus' Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pariter.align.diff import differs, render, tokenize, wording_diff

FIXTURE = Path(__file__).parent / "fixtures" / "consensus_clauses.json"


def test_zh_character_diff_shows_the_inserted_character():
    ops = wording_diff("发展负责任的生成式人工智能", "发展责任的生成式人工智能", "zh")
    assert [(o.op, o.src, o.tgt) for o in ops] == [
        ("equal", "发展", "发展"), ("delete", "负", ""), ("equal", "责任的生成式人工智能", "责任的生成式人工智能")]
    assert render(ops) == "发展[-负-]责任的生成式人工智能"
    back = wording_diff("发展责任的", "发展负责任的", "zh")
    assert [(o.op, o.tgt) for o in back if o.op != "equal"] == [("insert", "负")]


def test_latin_run_in_chinese_is_one_token():
    ops = wording_diff("尊重和 protect 个人隐私", "尊重和保护个人隐私", "zh")
    assert [(o.op, o.src.strip(), o.tgt) for o in ops if o.op != "equal"] == [("replace", "protect", "保护")]


def test_punctuation_width_and_spaces_are_not_wording():
    assert not differs(wording_diff("坚持以人为本，推动发展。", "坚持以人为本, 推动 发展。", "zh"))
    assert not differs(wording_diff("Hello,  world", "hello, world", "en"))


def test_english_word_diff_and_chunking():
    ops = wording_diff("the quick brown fox jumps", "the slow red fox jumps", "en")
    assert [(o.op, o.src.strip(), o.tgt.strip()) for o in ops if o.op != "equal"] == [
        ("replace", "quick brown", "slow red")]
    # a one-character equal run between changes is folded into one readable replace
    ops = wording_diff("甲乙丙丁", "子乙丑丁", "zh")
    assert [o.op for o in ops] == ["replace", "equal"]


def test_ops_reassemble_both_sides():
    a, b = "发展负责任的 生成式人工智能，共识", "发展责任的生成式人工智能, 共识文件"
    ops = wording_diff(a, b, "zh")
    assert "".join(o.src for o in ops) == a and "".join(o.tgt for o in ops) == b
    assert tokenize("GenAI 模型", "zh")[0] == ("GenAI", "GenAI ")


@pytest.mark.slow
def test_same_language_alignment_has_wording_diffs():
    from pariter.align.document import align_documents
    from pariter.align.embed import load_embedder
    from pariter.align.structure import build_document
    from pariter.schema import errors

    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    report = build_document("wic-report", {"zh": data["report"]})
    consensus = build_document("wic-consensus", data["consensus"])
    al = align_documents(report, consensus, load_embedder("muse"), src_select="zh.s06",
                         tgt_lang="zh")
    assert errors(al.to_dict(), "alignment") == []
    clauses = {l.src[0]: l for l in al.links if l.level == "clause"}
    assert [l.tgt[0] for l in clauses.values()] == ["zh.s01.c01", "zh.s02.c02", "zh.s03.c05",
                                                     "zh.s03.c07"]
    c01 = clauses["zh.s06.c01"]
    assert "wording_diff" in c01.flags and c01.score > 0.9
    assert ("delete", "负") in [(o.op, o.src) for o in c01.diff]
    c07 = clauses["zh.s06.c07"]
    assert any(o.op == "replace" and "protect" in o.src and o.tgt == "保护" for o in c07.diff)
    # clauses that differ only in punctuation width, spacing and page breaks are not flagged
    assert "wording_diff" not in clauses["zh.s06.c02"].flags
    assert "wording_diff" not in clauses["zh.s06.c05"].flags
    # near-identical sentences pair up one to one: no spurious omissions
    assert not any({"omission", "addition"} & set(l.flags) for l in al.links)
