"""The corpus typeset a second way (LibreOffice, another template: justified, 1.5 line
spacing, no first-line indent, other fonts and page sizes; corpus/typeset/build_alt.py) must
extract as well as the Typst typesetting: the thresholds of test_corpus_truth_exact, and
every paragraph of the source found whole. The committed PDFs are read; LibreOffice is not
needed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.extract.evaluate import evaluate, load_truth

ROOT = Path(__file__).parents[2]
PDF = ROOT / "corpus" / "pdf-alt"
TRUTH = ROOT / "corpus" / "truth-alt"

# Files still known to fail, with the measured reason (none today: every file passes).
KNOWN: dict[str, str] = {}
KNOWN_PARAGRAPHS: dict[str, str] = {}


def _score_module():
    spec = importlib.util.spec_from_file_location("devset_score", ROOT / "corpus" / "devset" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _names() -> list:
    out = []
    for p in sorted(TRUTH.glob("*.json")):
        marks = [pytest.mark.xfail(strict=False, reason=KNOWN[p.stem])] if p.stem in KNOWN else []
        out.append(pytest.param(p.stem, marks=marks, id=p.stem))
    return out


def _para_names() -> list:
    out = []
    for p in sorted(TRUTH.glob("*.json")):
        marks = ([pytest.mark.xfail(strict=False, reason=KNOWN_PARAGRAPHS[p.stem])]
                 if p.stem in KNOWN_PARAGRAPHS else [])
        out.append(pytest.param(p.stem, marks=marks, id=p.stem))
    return out


def test_alt_corpus_is_complete() -> None:
    stems = {p.stem for p in PDF.glob("*.pdf")}
    assert stems == {p.stem for p in TRUTH.glob("*.json")}
    assert stems == {p.stem for p in (ROOT / "corpus" / "truth").glob("*.json")}


@pytest.mark.parametrize("name", _names())
def test_alt_corpus_truth_exact(name: str) -> None:
    """Every footnote, marker, heading and clause right, as on the Typst corpus."""
    s = evaluate(extract_pdf(PDF / f"{name}.pdf"), load_truth(TRUTH / f"{name}.json"))
    for kind in ("footnotes", "markers", "headings", "clauses"):
        if kind in s:
            assert s[kind]["f1"] == 1.0, (kind, s[kind]["missed"][:5], s[kind]["spurious"][:5])
    assert s["headings"]["level_accuracy"]["accuracy"] in (None, 1.0)
    assert s["headings"]["number_accuracy"]["accuracy"] in (None, 1.0)
    if "subtitle_accuracy" in s["headings"]:
        assert s["headings"]["subtitle_accuracy"]["accuracy"] == 1.0


@pytest.mark.parametrize("name", _para_names())
def test_alt_corpus_paragraphs(name: str) -> None:
    """Every source paragraph (body, clause) starts an extracted paragraph, and no extracted
    paragraph starts inside one: justified text with wide leading and no indent is not a
    paragraph per line."""
    doc = extract_pdf(PDF / f"{name}.pdf")
    p = _score_module().paragraph_scores(doc.to_dict(), load_truth(TRUTH / f"{name}.json"))
    assert p["f1"] == 1.0, (p["missed"][:5], p["fragments"][:5])
