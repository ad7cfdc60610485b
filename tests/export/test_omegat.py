"""A real CAT tool reads our TMX: OmegaT (Debian's ``omegat``, console mode).

An OmegaT project is made with the Chinese text of a real pair as its source document
(one segment per paragraph, sentence segmentation off, so each of our source segments is
one OmegaT segment) and our TMX in ``tm/auto`` — the memory OmegaT applies on its own to
exact matches. ``--mode=console-translate`` then writes the target document: OmegaT must
have offered our English for every segment. After a translator's merge, OmegaT offers the
merged English for the merged Chinese. translate-toolkit stays the library check
(``test_jsonl_tmx.py``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from pariter.align.joins import join_texts
from pariter.export.corrections import apply_corrections, load_corrections
from pariter.export.tmx import alignment_to_tmx
from pariter.model import load_alignment, load_document

from tests.export.conftest import CONSENSUS_PAIR

OMEGAT = shutil.which("omegat")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(OMEGAT is None or shutil.which("java") is None,
                                 reason="OmegaT is not installed (apt-get install omegat)")]

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>zh</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def _pairs(tmx: bytes) -> list[tuple[str, str]]:
    root = etree.fromstring(tmx)
    out = []
    for tu in root.iter("tu"):
        segs = [tuv.findtext("seg") for tuv in tu.findall("tuv")]
        out.append((segs[0], segs[1]))
    return out


def _omegat_translate(tmp: Path, tmx: bytes, sources: list[str]) -> list[str]:
    """The target paragraphs OmegaT writes for ``sources`` with ``tmx`` as its memory."""
    proj = tmp / "project"
    for d in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (proj / d).mkdir(parents=True, exist_ok=True)
    (proj / "omegat.project").write_text(PROJECT, encoding="utf-8")
    (proj / "tm" / "auto" / "pariter.tmx").write_bytes(tmx)
    (proj / "source" / "zh.txt").write_text("\n\n".join(sources) + "\n", encoding="utf-8")
    env = dict(os.environ, HOME=str(tmp / "home"), JAVA_TOOL_OPTIONS="-Djava.awt.headless=true")
    run = subprocess.run([OMEGAT, str(proj), "--mode=console-translate"], capture_output=True,
                         text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "pariter.tmx" in run.stdout + run.stderr  # OmegaT read our memory
    target = (proj / "target" / "zh.txt").read_text(encoding="utf-8")
    return [p.strip() for p in target.split("\n\n") if p.strip()]


def test_omegat_offers_our_english_for_every_segment(consensus_build, tmp_path):
    """The source OmegaT translates is the document's Chinese (its sentences, joined by
    ``pariter.align.joins``), not our TMX's segments: what a translator's project holds."""
    build = consensus_build / "build"
    tmx = (build / f"{CONSENSUS_PAIR}.tmx").read_bytes()
    al = load_alignment(build / f"{CONSENSUS_PAIR}.align.json")
    doc = load_document(build / "wic-consensus-zh-en.json")
    text = {s.id: s.text for s in doc.sentences}
    links = [x for x in al.links if x.level == "sentence" and x.src and x.tgt]
    assert len(links) > 40 and len(_pairs(tmx)) == len(links)
    got = _omegat_translate(tmp_path, tmx,
                            [join_texts(text[u] for u in x.src) for x in links])
    assert got == [join_texts(text[u] for u in x.tgt) for x in links]


def test_omegat_offers_a_translators_merged_link(consensus_build, tmp_path):
    build = consensus_build / "build"
    al = load_alignment(build / f"{CONSENSUS_PAIR}.align.json")
    doc = load_document(build / "wic-consensus-zh-en.json")
    links = [x for x in al.links if x.level == "sentence" and x.src and x.tgt]
    a, b = links[5], links[6]
    corr = tmp_path / "fix.json"
    corr.write_text(json.dumps({
        "schema_version": "1.0", "kind": "pariter-corrections",
        "source": {"document": al.source.document, "lang": "zh", "select": None},
        "target": {"document": al.target.document, "lang": "en", "select": None},
        "level": "sentence",
        "links": [{"src": a.src + b.src, "tgt": a.tgt + b.tgt, "checked": True,
                   "resp": "Li Wei"}]}), encoding="utf-8")
    fixed = apply_corrections(al, doc, doc, load_corrections(corr))
    tmx = alignment_to_tmx(fixed)
    merged = next(x for x in fixed.links if x.src == a.src + b.src)
    got = _omegat_translate(tmp_path, tmx, [merged.src_text])
    assert got == [merged.tgt_text]
    assert merged.tgt_text == a.tgt_text + " " + b.tgt_text
