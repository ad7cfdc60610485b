"""JSON Lines and TMX: every link out, TMX read back by translate-toolkit."""

from __future__ import annotations

import io
import json

from translate.storage.tmx import tmxfile

from pariter.export.jsonl import alignment_to_jsonl
from pariter.export.tmx import alignment_to_tmx
from pariter.export.validate import parse_xml, tmx_problems


def test_jsonl_rows(pair):
    _, _, al = pair
    data = alignment_to_jsonl(al)
    lines = data.decode("utf-8").splitlines()
    sent = [link for link in al.links if link.level == "sentence"]
    assert len(lines) == len(sent)
    rows = [json.loads(line) for line in lines]
    for row, link in zip(rows, sent):
        assert list(row) == ["src_id", "tgt_id", "src_text", "tgt_text", "score", "flags"]
        assert row["src_id"] == link.src and row["tgt_id"] == link.tgt
        assert row["src_text"] == link.src_text and row["tgt_text"] == link.tgt_text
        assert row["score"] == round(link.score, 4) and row["flags"] == link.flags
    assert any(len(r["src_id"]) == 2 for r in rows)          # a 2-2 bead: lists
    assert any(r["src_id"] == [] for r in rows)               # an addition
    assert "生成式" in data.decode("utf-8")                   # no ASCII escaping
    assert data.endswith(b"\n") and data == alignment_to_jsonl(al)


def test_jsonl_falls_back_to_finest_level(pair):
    _, _, al = pair
    al.links = [link for link in al.links if link.level != "sentence"]
    rows = [json.loads(x) for x in alignment_to_jsonl(al).splitlines()]
    assert rows and all(r["src_id"][0].count(".p") == 1 for r in rows if r["src_id"])
    assert len(rows) == sum(1 for link in al.links if link.level == "paragraph")


def test_tmx_round_trips_with_translate_toolkit(pair):
    _, _, al = pair
    data = alignment_to_tmx(al)
    assert tmx_problems(parse_xml(data)) == []
    header = parse_xml(data).getroot().find("header")
    assert header.get("creationtool") == "pariter" and header.get("srclang") == "zh"
    assert header.get("segtype") == "sentence" and header.get("o-tmf") == "pariter-json"
    assert header.get("datatype") == "plaintext" and header.get("adminlang") == "en"
    tm = tmxfile(io.BytesIO(data), "zh", "en")
    expected = [link for link in al.links
                if link.level == "sentence" and link.src and link.tgt]
    assert len(tm.units) == len(expected)
    for unit, link in zip(tm.units, expected):
        assert unit.source == link.src_text
        assert unit.target == link.tgt_text
    root = parse_xml(data).getroot()
    tu = root.find("body/tu[@tuid='3']")
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props["x-src-ids"] == "zh.s01.p1.s2" and props["x-score"] == "0.4200"
    assert props["x-flags"] == "low_confidence number_mismatch"
    assert data == alignment_to_tmx(al)


def test_tmx_bilingual(bilingual):
    _, al = bilingual
    tm = tmxfile(io.BytesIO(alignment_to_tmx(al)), "zh", "en")
    assert tm.units and all(u.source and u.target for u in tm.units)
