"""A translator's corrections: applied, checked against the documents, exported."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from lxml import etree

from pariter.align import flags as F
from pariter.errors import InputError
from pariter.export.corrections import (CorrectedLink, Corrections, apply_corrections,
                                        corrections_to_dict, load_corrections)
from pariter.export.jsonl import alignment_to_jsonl
from pariter.export.tei import pair_to_tei
from pariter.export.tmx import alignment_to_tmx
from pariter.export.validate import tei_problems, tmx_problems
from pariter.schema import errors

from tests.export.export_samples import build_alignment, build_doc


def _corr(al, *links: CorrectedLink) -> Corrections:
    side = lambda a: {"document": a.document, "lang": a.lang, "select": a.select}  # noqa: E731
    return Corrections(side(al.source), side(al.target), "sentence", list(links))


def _sentences(al):
    return [(x.src, x.tgt) for x in al.links if x.level == "sentence"]


def test_merge_split_untranslated_and_checked(pair):
    zh, en, al = pair
    c = _corr(al,
              # merge: 本报告分为六个部分。 + 第六部分为共识文件。 against both English sentences
              CorrectedLink(["zh.s01.p2.s1", "zh.s01.p2.s2"], ["en.s01.p2.s1", "en.s01.p2.s2"],
                            "Li Wei", checked=True),
              # split the 2-2 bead in two 1-1 links
              CorrectedLink(["zh.s06.c02.p2.s1"], ["en.s06.c02.p2.s1"], "Li Wei"),
              CorrectedLink(["zh.s06.c02.p2.s2"], ["en.s06.c02.p2.s2"], "Li Wei"),
              # a model link confirmed as it is
              CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s1"], "Li Wei", checked=True),
              # an omission confirmed: the sentence is untranslated
              CorrectedLink(["zh.s06.c03.p1.s2"], [], "Li Wei", checked=True))
    out = apply_corrections(al, zh, en, c)
    links = [x for x in out.links if x.level == "sentence"]
    before = _sentences(al)
    assert len(links) == len(before)  # one merge, one split
    merged = next(x for x in links if x.src == ["zh.s01.p2.s1", "zh.s01.p2.s2"])
    assert merged.src_text == "本报告分为六个部分。第六部分为共识文件。"  # zh joins without a space
    assert merged.tgt_text == "This report has six parts. Part six is the consensus document."
    assert (merged.score, merged.checked, merged.resp) == (1.0, True, "Li Wei")
    split = next(x for x in links if x.src == ["zh.s06.c02.p2.s1"])
    assert (split.checked, split.resp, split.score) == (False, "Li Wei", 1.0)
    kept = next(x for x in links if x.src == ["zh.s01.p1.s1"])
    model = next(x for x in al.links if x.src == ["zh.s01.p1.s1"])
    assert (kept.score, kept.flags, kept.checked, kept.resp) == (model.score, model.flags, True,
                                                                 "Li Wei")
    lone = next(x for x in links if x.src == ["zh.s06.c03.p1.s2"])
    assert lone.tgt == [] and lone.flags == ["omission"] and lone.checked
    # untouched links and the other levels are as they were, in the same places
    assert [x for x in out.links if x.level != "sentence"] == \
        [x for x in al.links if x.level != "sentence"]
    assert out.links[0] == al.links[0]
    # every sentence exactly once, in document order on both sides
    for side, doc in (("src", zh), ("tgt", en)):
        ids = [u for x in links for u in getattr(x, side)]
        linked = {u for x in al.links if x.level == "sentence" for u in getattr(x, side)}
        assert sorted(ids) == sorted(linked) and len(ids) == len(set(ids))
        order = [s.id for s in doc.sentences if s.id in set(ids)]
        assert ids == order


def test_recomputed_flags_follow_align_flags(pair):
    """A person's merge that puts a number on one side only is flagged, by the same rules."""
    zh, en, al = pair
    # 2022年以来，大模型数量超过100个。 joined with the sentence before it, English alone
    c = _corr(al, CorrectedLink(["zh.s01.p2.s2", "zh.s01.s01.p1.s1"], ["en.s01.p2.s2"], "A"),
              CorrectedLink([], ["en.s01.s01.p1.s1"], "A"))
    out = apply_corrections(al, zh, en, c)
    link = next(x for x in out.links if x.src == ["zh.s01.p2.s2", "zh.s01.s01.p1.s1"])
    assert link.flags == F.link_flags(link.src_text, link.tgt_text, score=1.0, src_lang="zh",
                                      tgt_lang="en", threshold=0.5)
    assert "number_mismatch" in link.flags
    extra = next(x for x in out.links if x.tgt == ["en.s01.s01.p1.s1"] and not x.src)
    assert extra.flags == ["addition"]


def test_same_language_pair_gets_its_wording_diff_recomputed(zh_doc):
    other = build_doc("zh", doc_id="wic-consensus-zh", sha="c" * 64)
    other.sentences[1].text = "生成式人工智能发展很快。"
    al = build_alignment(zh_doc, other, "zh", "zh")
    c = _corr(al, CorrectedLink(["zh.s01.p1.s1"], ["zh.s01.p1.s1", "zh.s01.p1.s2"], "A"),
              CorrectedLink(["zh.s01.p1.s2"], [], "A"))
    out = apply_corrections(al, zh_doc, other, c)
    link = next(x for x in out.links if x.src == ["zh.s01.p1.s1"] and x.level == "sentence")
    assert link.diff and any(op.op != "equal" for op in link.diff)
    assert "wording_diff" in link.flags


@pytest.mark.parametrize("links, message", [
    ([CorrectedLink(["zh.s01.p9.s9"], ["en.s01.p1.s1"], "A")],
     "link 1: zh.s01.p9.s9 is not a sentence of the source wic-report-zh (zh)"),
    ([CorrectedLink(["zh.s01.p1"], ["en.s01.p1.s1"], "A")],
     "link 1: zh.s01.p1 is not a sentence of the source"),
    ([CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s1"], "A"),
      CorrectedLink(["zh.s01.p1.s1"], [], "A")],
     "link 2: zh.s01.p1.s1 is already in link 1"),
    ([CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s2"], "A"),
      CorrectedLink(["zh.s01.p1.s2"], ["en.s01.p1.s1"], "A")],
     "order not kept"),
    ([CorrectedLink(["zh.s01.p1.s1", "zh.s01.p2.s1"], ["en.s01.p1.s1"], "A")],
     "not consecutive"),
    ([CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s1"], "A", src_text="别的句子。")],
     "no longer what the correction was made on"),
])
def test_bad_corrections_are_refused_with_the_reason(pair, links, message):
    zh, en, al = pair
    with pytest.raises(InputError) as e:
        apply_corrections(al, zh, en, _corr(al, *links), "fix.json")
    assert str(e.value).startswith("fix.json: ") and message in str(e.value)
    assert "\n" not in str(e.value)


def test_corrections_for_another_pair_are_refused(pair):
    zh, en, al = pair
    c = _corr(al, CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s1"], "A"))
    c.target["document"] = "someone-else"
    with pytest.raises(InputError, match="made for target someone-else"):
        apply_corrections(al, zh, en, c, "fix.json")


def test_the_file_round_trips_and_the_schema_guards_it(tmp_path, pair):
    zh, en, al = pair
    c = _corr(al, CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s1"], "Li Wei", True,
                                "生成式人工智能发展迅速。", "Generative AI is developing fast."))
    c.date = "2025-01-31"
    data = corrections_to_dict(c)
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = load_corrections(path)
    assert again == c
    bad = json.loads(json.dumps(data))
    bad["links"][0]["resp"] = " "
    bad["links"].append({"src": [], "tgt": [], "resp": "x"})
    found = errors(bad, "corrections")
    assert any(e.startswith("links[0].resp") for e in found)
    assert any(e.startswith("links[1]") for e in found)


def test_exports_say_who_checked_each_link(pair, relaxng):
    zh, en, al = pair
    c = _corr(al, CorrectedLink(["zh.s01.p1.s1"], ["en.s01.p1.s1"], "Li Wei", checked=True),
              CorrectedLink(["zh.s06.c02.p2.s1"], ["en.s06.c02.p2.s1"], "Zhang San"),
              CorrectedLink(["zh.s06.c02.p2.s2"], ["en.s06.c02.p2.s2"], "Zhang San"))
    out = apply_corrections(al, zh, en, c)
    tei = pair_to_tei(zh, en, out)
    assert tei_problems(tei) == []
    root = etree.fromstring(tei)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    resp = {r.findtext("t:name", namespaces=ns): r.get("{http://www.w3.org/XML/1998/namespace}id")
            for r in root.iterfind(".//t:titleStmt/t:respStmt", ns)}
    assert resp == {"Li Wei": "_resp.1", "Zhang San": "_resp.2"}
    checked = root.find(".//t:revisionDesc/t:change[@status='checked']", ns)
    assert checked.get("who") == "#_resp.1"
    target = checked.get("target").lstrip("#")
    link = root.find(f".//t:link[@{{http://www.w3.org/XML/1998/namespace}}id='{target}']", ns)
    assert link.get("target") == "#zh.s01.p1.s1 #en.s01.p1.s1" and link.get("resp") == "#_resp.1"
    corrected = root.find(".//t:revisionDesc/t:change[@status='corrected']", ns)
    assert corrected.get("who") == "#_resp.2" and len(corrected.get("target").split()) == 2
    # no corrections, no respStmt or revisionDesc: the old bytes
    assert b"respStmt" not in pair_to_tei(zh, en, al)

    tmx = alignment_to_tmx(out)
    tree = etree.ElementTree(etree.fromstring(tmx))
    assert tmx_problems(tree) == []
    tu = next(t for t in tree.iter("tu") if t.get("changeid") == "Li Wei")
    props = {p.get("type"): p.text for p in tu.iter("prop")}
    assert props["x-checked"] == "yes" and props["x-resp"] == "Li Wei"
    rows = [json.loads(line) for line in alignment_to_jsonl(out).decode().splitlines()]
    assert {(r["resp"], r["checked"]) for r in rows if "resp" in r} == \
        {("Li Wei", True), ("Zhang San", False)}
    assert all("resp" not in r for r in rows if r["src_id"] == ["zh.s01.p2.s1"])


def _cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pariter", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_cli_applies_and_refuses_without_writing(tmp_path, pair):
    zh, en, al = pair
    zh.save(tmp_path / "wic-report-zh.json")
    en.save(tmp_path / "wic-report-en.json")
    al.save(tmp_path / "pair.align.json")
    c = _corr(al, CorrectedLink(["zh.s01.p2.s1", "zh.s01.p2.s2"],
                                ["en.s01.p2.s1", "en.s01.p2.s2"], "Li Wei", True))
    (tmp_path / "fix.json").write_text(json.dumps(corrections_to_dict(c)), encoding="utf-8")
    run = _cli("apply-corrections", "pair.align.json", "fix.json", "-o", "out.align.json",
               cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "1 corrected link(s) applied" in run.stderr
    assert _cli("validate", "out.align.json", cwd=tmp_path).returncode == 0

    c.links[0].src = ["zh.s01.p2.s1", "zh.s01.p2.s3"]
    (tmp_path / "bad.json").write_text(json.dumps(corrections_to_dict(c)), encoding="utf-8")
    run = _cli("apply-corrections", "pair.align.json", "bad.json", "-o", "bad.align.json",
               cwd=tmp_path)
    assert run.returncode == 2  # an input error (README, "Errors and exit codes")
    assert run.stderr.startswith("pariter: error: bad.json: link 1: zh.s01.p2.s3 is not a")
    assert run.stderr.count("\n") == 1
    assert not (tmp_path / "bad.align.json").exists()
    (tmp_path / "junk.json").write_text("[1, 2]", encoding="utf-8")
    run = _cli("apply-corrections", "pair.align.json", "junk.json", "-o", "j.align.json",
               cwd=tmp_path)
    assert run.returncode == 2 and "junk.json" in run.stderr
    assert not (tmp_path / "j.align.json").exists()
