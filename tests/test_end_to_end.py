"""The CLI run as a user runs it, on a corpus pair: extract → align → export → validate → cite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from pariter.schema import errors

from tests.helpers import CORPUS_PDF, ROOT

pytestmark = pytest.mark.slow


def pariter(*args: str, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONUTF8="1")
    proc = subprocess.run([sys.executable, "-m", "pariter", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"pariter {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e")
    pdf = CORPUS_PDF / "wic-consensus-zh-en.pdf"
    pariter("extract", str(pdf), "-o", str(out / "doc.json"), "--tei", str(out / "doc.tei.xml"))
    pariter("align", str(out / "doc.json"), "-o", str(out / "pair.align.json"))
    pariter("export", str(out / "pair.align.json"), "--src", str(out / "doc.json"),
            "-d", str(out), "--stem", "pair")
    return out


def test_document_json_matches_the_schema(pair):
    data = json.loads((pair / "doc.json").read_text(encoding="utf-8"))
    assert errors(data, "document") == []
    assert set(data["langs"]) == {"zh", "en"}
    numbers = {(c["lang"], c["number"]) for c in data["clauses"]}
    assert numbers == {(lang, f"{n:02d}") for lang in ("zh", "en") for n in range(1, 11)}


def test_alignment_json_matches_the_schema_and_links_every_clause(pair):
    data = json.loads((pair / "pair.align.json").read_text(encoding="utf-8"))
    assert errors(data, "alignment") == []
    clause_links = {(tuple(l["src"]), tuple(l["tgt"])) for l in data["links"] if l["level"] == "clause"}
    for n in range(1, 11):
        assert any(f"c{n:02d}" in s[0] and t and f"c{n:02d}" in t[0] for s, t in clause_links), n
    assert any(l["level"] == "sentence" for l in data["links"])


def test_tei_is_well_formed_and_valid(pair):
    for name in ("doc.tei.xml", "pair.tei.xml"):
        root = etree.parse(str(pair / name), etree.XMLParser(resolve_entities=False, no_network=True))
        assert root.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    proc = pariter("validate", str(pair / "doc.tei.xml"), str(pair / "pair.tei.xml"),
                   str(pair / "doc.json"), str(pair / "pair.align.json"), str(pair / "pair.tmx"))
    assert proc.stdout.count(": valid") == 5


def test_exports_exist(pair):
    for ext in (".tei.xml", ".jsonl", ".tmx", ".html"):
        assert (pair / f"pair{ext}").stat().st_size > 0


def test_bad_input_exits_nonzero_with_the_file_named(tmp_path):
    bogus = tmp_path / "not-a-pdf.pdf"
    bogus.write_text("hello", encoding="utf-8")
    out = tmp_path / "out.json"
    proc = pariter("extract", str(bogus), "-o", str(out), check=False)
    assert proc.returncode != 0
    assert "not-a-pdf.pdf" in proc.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bogus]  # no temporary left behind either
