"""Citations as CSL-JSON and BibTeX, read back by a real consumer: pandoc's citeproc.

pandoc (Debian's ``pandoc``) reads both files, converts the BibTeX to CSL-JSON (so every
field must survive BibTeX's escaping), and renders a bibliography with every item.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pariter.export.csl import csl_items, to_bibtex, to_csl_json
from pariter.model import Citation, Footnote

from tests.export.export_samples import build_doc
from tests.helpers import CORPUS_PDF

PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed (apt-get install pandoc)")
NOCITE = "---\nnocite: |\n  @*\n---\n"


def _pandoc(*args: str, stdin: str = "") -> str:
    run = subprocess.run([PANDOC, *args], input=stdin, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


def _bibliography(path: Path) -> list[str]:
    """The ids of the entries pandoc's citeproc renders from a bibliography file."""
    html = _pandoc("--citeproc", "--bibliography", str(path), "-f", "markdown", "-t", "html",
                   stdin=NOCITE)
    return re.findall(r'<div id="ref-([^"]+)"', html)


@pytest.fixture(scope="module")
def report():
    """The WIC report as extracted from its PDF: 48 notes with parsed citations."""
    from pariter.pipeline import extract_document

    return extract_document(CORPUS_PDF / "wic-report-zh.pdf", doc_id="wic-report-zh")


def _tricky():
    d = build_doc("en")
    raw = "R&D {draft} at 50% cost_#1 ~ $2 \\ 数据"
    d.footnotes.append(Footnote("en.fn9", "9", raw, 3, "en", [3], [], [
        Citation(raw, author="Ajay & Co {Ltd}", title="R&D {draft} at 50% cost_#1 ~ $2 \\ 数据",
                 date="2023-06", url="https://example.org/a_b%20c?x=1&y=2#frag",
                 accessed="2023-09-19", style="en"),
        Citation("no fields parsed, only the raw note")]))
    return d


@pytest.mark.slow
@needs_pandoc
def test_pandoc_renders_the_reports_bibliography(report, tmp_path):
    items = csl_items([report])
    assert len(items) == 48
    assert len({i["id"] for i in items}) == 48
    (tmp_path / "refs.json").write_bytes(to_csl_json([report]))
    (tmp_path / "refs.bib").write_bytes(to_bibtex([report]))
    expected = sorted(i["id"] for i in items)
    assert sorted(_bibliography(tmp_path / "refs.json")) == expected
    assert sorted(_bibliography(tmp_path / "refs.bib")) == expected
    _same_after_bibtex(items, tmp_path / "refs.bib")
    gartner = next(i for i in items if i["id"] == "wic-report-zh:zh.fn2")
    assert gartner["URL"] == "https://www.gartner.com/en/documents/4002912"
    assert gartner["issued"] == {"date-parts": [[2023, 6, 24]]}
    assert gartner["note"].startswith("cited in wic-report-zh, note 2 (zh.fn2), p. 8")


@needs_pandoc
def test_special_characters_survive_bibtex(tmp_path):
    d = _tricky()
    items = [i for i in csl_items([d]) if i["id"].startswith("wic-report-en:en.fn9")]
    assert [i["id"] for i in items] == ["wic-report-en:en.fn9", "wic-report-en:en.fn9.2"]
    (tmp_path / "refs.bib").write_bytes(to_bibtex([d]))
    (tmp_path / "refs.json").write_bytes(to_csl_json([d]))
    _same_after_bibtex(csl_items([d]), tmp_path / "refs.bib")
    rendered = _pandoc("--citeproc", "--bibliography", str(tmp_path / "refs.json"), "-f",
                       "markdown", "-t", "plain", stdin=NOCITE)
    # the style title-cases; every character is there
    assert "r&d {draft} at 50% cost_#1 ~ $2 \\ 数据" in " ".join(rendered.split()).lower()
    assert "https://example.org/a_b%20c?x=1&y=2#frag" in rendered


def _typeset(value):
    """What LaTeX typography (and so pandoc's BibTeX reader) makes of straight quotes."""
    if isinstance(value, str):
        return value.translate(str.maketrans("’‘“”", "''\"\""))
    if isinstance(value, list):
        return [_typeset(v) for v in value]
    if isinstance(value, dict):
        return {k: _typeset(v) for k, v in value.items()}
    return value


def _same_after_bibtex(items: list[dict], bib: Path) -> None:
    """pandoc's BibTeX reader gives back our fields: the escaping loses nothing (but
    straight quotes, which TeX typesets as curly ones)."""
    back = {i["id"]: i for i in json.loads(_pandoc("-f", "biblatex", "-t", "csljson", str(bib)))}
    assert set(back) == {i["id"] for i in items}
    for i in items:
        b = back[i["id"]]
        for k in ("title", "author", "URL", "issued", "accessed", "note"):
            if k in i:
                assert _typeset(b.get(k)) == _typeset(i[k]), (i["id"], k, b.get(k), i[k])


def test_same_documents_same_bytes():
    assert to_csl_json([_tricky()]) == to_csl_json([_tricky()])
    assert to_bibtex([_tricky()]) == to_bibtex([_tricky()])
