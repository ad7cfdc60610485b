"""`make corpus` semantics: everything built once, nothing rebuilt when nothing changed,
only the dependents of a changed PDF rebuilt, and a broken PDF reported by name while
everything that does not need it is built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pariter.corpus import Build, load_manifest
from pariter.errors import PariterError

from tests.helpers import CORPUS_PDF, ROOT

pytestmark = pytest.mark.slow

MANIFEST = """
[[document]]
id = "zh"
pdf = "pdf/wic-consensus-zh.pdf"

[[document]]
id = "en"
pdf = "pdf/wic-consensus-en.pdf"

[[pair]]
id = "zh--en"
source = { document = "zh" }
target = { document = "en" }
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    (tmp_path / "pdf").mkdir()
    for name in ("wic-consensus-zh.pdf", "wic-consensus-en.pdf"):
        shutil.copy(CORPUS_PDF / name, tmp_path / "pdf" / name)
    (tmp_path / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    return tmp_path


def build(corpus: Path) -> Build:
    b = Build(load_manifest(corpus / "manifest.toml"), corpus / "build")
    b.run()
    return b


def test_incremental_rebuild(corpus):
    first = build(corpus)
    assert first.ran == ["extract zh", "extract en", "align zh--en", "export zh--en"]
    outputs = sorted(p.name for p in (corpus / "build").iterdir() if not p.name.startswith("."))
    assert outputs == ["en.json", "zh--en.align.json", "zh--en.html", "zh--en.jsonl",
                       "zh--en.tei.xml", "zh--en.tmx", "zh.json"]
    zh_json = corpus / "build" / "zh.json"
    zh_stat = zh_json.stat()

    again = build(corpus)
    assert again.ran == [] and len(again.skipped) == 4

    # A changed PDF (bytes appended after %%EOF still make a valid PDF) rebuilds only what
    # depends on it; the other document is not rewritten.
    with open(corpus / "pdf" / "wic-consensus-en.pdf", "ab") as fh:
        fh.write(b"\n% touched\n")
    third = build(corpus)
    assert third.ran == ["extract en", "align zh--en", "export zh--en"]
    assert third.skipped == ["extract zh"]
    assert zh_json.stat().st_mtime_ns == zh_stat.st_mtime_ns


def test_rebuilding_from_scratch_gives_byte_identical_files(corpus):
    build(corpus)
    first = {p.name: p.read_bytes() for p in (corpus / "build").iterdir()}
    shutil.rmtree(corpus / "build")
    build(corpus)
    second = {p.name: p.read_bytes() for p in (corpus / "build").iterdir()}
    assert first == second


def test_a_broken_pdf_is_reported_by_name_the_rest_is_built_and_no_partial_file(corpus):
    (corpus / "pdf" / "wic-consensus-en.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")  # truncated
    with pytest.raises(PariterError, match="wic-consensus-en.pdf"):
        build(corpus)
    names = {p.name for p in (corpus / "build").iterdir()}
    assert "zh.json" in names  # the other document does not depend on it
    assert "en.json" not in names and "zh--en.align.json" not in names
    assert not any(n.endswith(".tmp") for n in names)


def test_the_shipped_manifest_lists_existing_pdfs():
    m = load_manifest(ROOT / "corpus" / "manifest.toml")
    assert len(m.documents) == 4 and len(m.pairs) >= 3
    for d in m.documents:
        assert d.pdf.is_file(), d.pdf


def test_a_same_language_pair_needs_its_flag(tmp_path):
    """Two versions in one language align only when the manifest says so (same_language)."""
    (tmp_path / "pdf").mkdir()
    shutil.copy(CORPUS_PDF / "wic-consensus-zh.pdf", tmp_path / "pdf" / "zh.pdf")
    manifest = """
[[document]]
id = "a"
pdf = "pdf/zh.pdf"

[[document]]
id = "b"
pdf = "pdf/zh.pdf"

[[pair]]
id = "a--b"
source = { document = "a" }
target = { document = "b" }
"""
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(PariterError, match="a--b.*same-language"):
        build(tmp_path)
    (tmp_path / "manifest.toml").write_text(manifest + "same_language = true\n", encoding="utf-8")
    build(tmp_path)
    assert (tmp_path / "build" / "a--b.align.json").is_file()
