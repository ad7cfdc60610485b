"""The outline-blind heading audit (corpus/devset/outline_audit.py) and the switch it
needs: ``extract_pdf(..., withhold=...)`` keeps the PDF's outline and heading tags out of
the heading decision. Run on a corpus PDF typeset by Typst with an outline of 37 entries
and on a LibreOffice fixture exported with its headings as bookmarks."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from pariter.extract import extract_pdf

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "corpus" / "pdf" / "wic-report-zh.pdf"
LO = ROOT / "tests" / "extract" / "fixtures" / "paren-numbers-lo-outline.pdf"

_spec = importlib.util.spec_from_file_location("outline_audit", ROOT / "corpus" / "devset" / "outline_audit.py")
audit = importlib.util.module_from_spec(_spec)
sys.modules["outline_audit"] = audit  # its dataclasses and its process pool look it up
_spec.loader.exec_module(audit)


def test_withheld_outline_and_tags_decide_no_heading() -> None:
    full = extract_pdf(REPORT, jobs=1)
    blind = extract_pdf(REPORT, jobs=1, withhold=("outline", "tags"))
    assert any(h.source == "outline" for h in full.headings)
    assert blind.headings and not {h.source for h in blind.headings} & {"outline", "tags"}


def test_unknown_evidence_to_withhold_is_an_error() -> None:
    with pytest.raises(ValueError, match="links"):
        extract_pdf(REPORT, withhold=("links",))


def test_titles_fold_and_tolerate_a_shortened_outline_entry() -> None:
    assert audit.fold("3.2  The Ｄata:") == "thedata"
    assert audit.title_score("Results", "4 Results") == 1.0
    # an outline's short title, the start of the printed one
    assert audit.title_score("Introduction", "1 Introduction to the method") == 0.9
    assert audit.title_score("Data", "Database design") == 0.9
    assert audit.title_score("Intro", "Outro") == 0.0
    assert audit.title_score("Methods", "Results") == 0.0


def test_family_reads_the_producer_then_the_creator() -> None:
    assert audit.family("LibreOffice 7.3", "Writer") == "LibreOffice"
    assert audit.family("Your Name Here", "LaTeX with hyperref") == "TeX (other)"
    assert audit.family("dvips + GPL Ghostscript 9.50", "LaTeX with hyperref") == "Ghostscript"
    assert audit.family("", "Typst 0.15.1") == "Typst"
    assert audit.family("PDFsharp 1.50 (Original: Adobe PDF Library 15.0)",
                        "Adobe InDesign 14.0") == "InDesign/PDFsharp"


def test_audit_of_a_corpus_pdf_finds_every_entry_once_the_outline_is_used() -> None:
    blind = audit.audit_file(REPORT)
    ceiling = audit.audit_file(REPORT, use=("outline", "tags"))
    assert blind.entries == blind.printed == ceiling.printed == 37
    assert ceiling.found == 37 and ceiling.recall == 1.0
    assert blind.found <= ceiling.found
    # every miss and every false heading is listed for reading
    assert len(blind.missed) == blind.printed - blind.found
    assert len(blind.false) == blind.headings - blind.matched


def test_main_writes_per_file_pooled_and_family_rows(tmp_path: Path) -> None:
    assert audit.main([str(LO), str(REPORT), "--out", str(tmp_path)]) == 0
    rows = [l.split("\t") for l in (tmp_path / "audit.tsv").read_text().splitlines()]
    assert rows[0][:3] == ["file", "family", "files"]
    assert {(r[0], r[1]) for r in rows[1:]} == {("paren-numbers-lo-outline.pdf", "LibreOffice"),
                                                 ("wic-report-zh.pdf", "Typst")}
    summary = {l.split("\t")[0] for l in (tmp_path / "summary.tsv").read_text().splitlines()}
    assert {"pooled", "LibreOffice", "Typst", "non-TeX producers"} <= summary
    detail = json.loads((tmp_path / "detail.json").read_text())
    assert set(detail) == {"paren-numbers-lo-outline.pdf", "wic-report-zh.pdf"}


def test_a_file_that_cannot_be_read_is_named_and_fails_the_run(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00" * 64)
    fa = audit.audit_file(bad)
    assert fa.error and "broken.pdf" in fa.error
    assert audit.main([str(bad), "--out", str(tmp_path / "o")]) == 1
    assert "broken.pdf" in (tmp_path / "o" / "audit.tsv").read_text()
    with pytest.raises(SystemExit, match="missing.pdf"):
        audit.main([str(tmp_path / "missing.pdf"), "--out", str(tmp_path / "o")])
