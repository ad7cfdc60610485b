"""validate_file on every kind of file; write_pair_outputs writes four stable files."""

from __future__ import annotations

import json

from pariter.export.outputs import write_pair_outputs
from pariter.export.validate import validate_file


def test_write_pair_outputs_and_validate(tmp_path, pair, relaxng):
    src, tgt, al = pair
    paths = write_pair_outputs(src, tgt, al, tmp_path / "out", "wic")
    names = sorted(p.name for p in paths)
    assert names == ["wic.html", "wic.jsonl", "wic.tei.xml", "wic.tmx"]
    first = {p.name: p.read_bytes() for p in paths}
    write_pair_outputs(src, tgt, al, tmp_path / "out", "wic")
    assert {p.name: p.read_bytes() for p in paths} == first      # byte-deterministic
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == names  # no temp files left
    for p in paths:
        if p.suffix != ".html":
            assert validate_file(p) == [], p.name
    src.save(tmp_path / "src.json")
    al.save(tmp_path / "al.json")
    assert validate_file(tmp_path / "src.json") == []
    assert validate_file(tmp_path / "al.json") == []


def test_validate_file_reports_problems(tmp_path, pair):
    src, tgt, al = pair
    bad = al.to_dict()
    bad["links"][0]["score"] = 2
    (tmp_path / "al.json").write_text(json.dumps(bad))
    assert any("score" in p for p in validate_file(tmp_path / "al.json"))
    d = src.to_dict()
    del d["pages"]
    (tmp_path / "d.json").write_text(json.dumps(d))
    assert any("pages" in p for p in validate_file(tmp_path / "d.json"))
    (tmp_path / "t.tmx").write_text('<tmx version="1.4"><header srclang="zh"/><body>'
                                    '<tu><tuv><seg>x</seg></tuv></tu></body></tmx>')
    problems = validate_file(tmp_path / "t.tmx")
    assert any("creationtool" in p for p in problems) and any("xml:lang" in p for p in problems)
    (tmp_path / "x.xml").write_text("<a><b></a>")
    assert validate_file(tmp_path / "x.xml")[0].startswith("not well-formed")
    (tmp_path / "r.jsonl").write_text('{"src_id":"a"}\n{"x":1}\n')
    assert len(validate_file(tmp_path / "r.jsonl")) == 2
    assert validate_file(tmp_path / "missing.json") == ["no such file"]  # printed after the name


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    (tmp_path / "x.tmx").write_text(
        f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
        '<tmx version="1.4"><header creationtool="a" creationtoolversion="1" segtype="sentence"'
        ' o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv '
        'xml:lang="en"><seg>&e;</seg></tuv></tu></body></tmx>')
    problems = validate_file(tmp_path / "x.tmx")
    assert not any("TOPSECRET" in p for p in problems)
    from pariter.export.validate import parse_xml
    tree = parse_xml((tmp_path / "x.tmx").read_bytes())
    assert "TOPSECRET" not in "".join(tree.getroot().itertext())


def test_html_page_check(tmp_path, pair):
    src, tgt, al = pair
    from pariter.export import write_pair_outputs as w
    (p,) = [x for x in w(src, tgt, al, tmp_path, "x") if x.suffix == ".html"]
    assert validate_file(p) == []
    p.write_text(p.read_text().replace("<title>", '<script src="https://cdn.invalid/x.js"></script><title>'))
    assert any("offline" in x for x in validate_file(p))
