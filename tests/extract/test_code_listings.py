"""Code listings are read as code: one paragraph of role ``code`` per listing, its lines and
typed spaces as printed, no table, no sentences, and a paragraph break where prose turns
to code or back (extract/listings.py).

Fixtures made with real producers from the sources beside them: ``code-boxes.html`` by
Chromium (shaded and framed ``<pre>`` boxes), ``code-boxes.md`` by pandoc → docx →
LibreOffice (its "Source Code" paragraphs, no box), ``code-tight.html`` by Chromium
(listings set in the text's size with no spacing around them, prose running up to them);
``code-boxes-chromium-renamed.pdf`` is the first with its monospace font renamed and its
FixedPitch flag cleared (``fixtures/rename_font.py``).
"""

from __future__ import annotations

import pytest

from pariter.extract import extract_pdf

from tests.helpers import ROOT

FIX = ROOT / "tests" / "extract" / "fixtures"

SETTINGS = "\n".join(["name          type     default", "timeout       int      30",
                      "retries       int      3", 'log_level     str      "info"',
                      "cache_dir     path     /var/cache/app"])
COMMANDS = "\n".join(["$ app --config /etc/app.toml", "$ app status      # prints the state",
                      "$ app stop        # stops the service"])
PLUGIN = "\n".join(["def handle(request: Request) -> Response:",
                    '    if request.path == "/health":', '        return Response(200, "ok")',
                    '    return Response(404, "not found")'])


@pytest.mark.parametrize("name", ["code-boxes-chromium.pdf", "code-boxes-libreoffice.pdf"])
def test_listings_are_code_paragraphs_not_tables(name: str) -> None:
    doc = extract_pdf(FIX / name, jobs=1)
    code = [p.text for p in doc.paragraphs if p.role == "code"]
    # the settings listing aligns its columns with spaces: a listing, not a table
    assert code == [SETTINGS, COMMANDS, PLUGIN]
    assert not doc.tables
    ids = {p.id for p in doc.paragraphs if p.role == "code"}
    assert not [s for s in doc.sentences if s.paragraph in ids]  # code has no sentences
    prose = [p.text for p in doc.paragraphs if p.role != "code"]
    assert any(t.startswith("Values that are not given") for t in prose)
    assert any(t.startswith("Plugins are loaded") for t in prose)
    assert not any("$ app" in t or "Response(" in t for t in prose)


def test_prose_does_not_run_on_into_a_listing_in_its_own_size() -> None:
    """A listing set in the text's size, with no space around it, under a line ending in
    the middle of a sentence ("type the command") starts a paragraph of its own, and the
    text after it another; a lone command the line before left room for does too."""
    doc = extract_pdf(FIX / "code-tight-chromium.pdf", jobs=1)
    texts = [(p.role, p.text) for p in doc.paragraphs]
    assert ("code", "pip install --user pariter\npariter --version") in texts
    first = next(t for r, t in texts if t.startswith("The installer"))
    assert first.endswith("type the command")
    assert ("body", "pip uninstall pariter") in texts
    assert any(t.startswith("which asks before it removes") for _, t in texts)
    zh = next(t for r, t in texts if t.startswith("服务在启动时"))
    assert zh.endswith("若要安装请输入下面的命令")


def test_code_is_left_out_of_the_alignment() -> None:
    from pariter.align.structure import BODY_ROLES

    assert "code" not in BODY_ROLES


def test_a_typewriter_face_is_told_by_its_advances_when_its_name_does_not_say() -> None:
    """The Chromium fixture with its monospace font renamed ``F3`` and its FixedPitch flag
    cleared (``fixtures/rename_font.py``, as producers that rename subsets leave them): every
    letter as wide as every other, an ``i`` as an ``m``, still makes it a typewriter face."""
    doc = extract_pdf(FIX / "code-boxes-chromium-renamed.pdf", jobs=1)
    assert [p.text for p in doc.paragraphs if p.role == "code"] == [SETTINGS, COMMANDS, PLUGIN]
    assert not doc.tables


def test_a_long_url_wrapped_over_lines_of_its_own_is_no_listing() -> None:
    """LaTeX sets ``\\url`` in its typewriter face and breaks a long one over lines that
    hold nothing else: no space, a sentence before and after. They stay in their
    paragraph (``url-lines-latex.tex``, by XeTeX)."""
    doc = extract_pdf(FIX / "url-lines-latex.pdf", jobs=1)
    assert not [p for p in doc.paragraphs if p.role == "code"]
    archive = next(p.text for p in doc.paragraphs if p.text.startswith("The archive"))
    assert archive.endswith("and the office answers questions about them by mail.")


def test_a_listing_framed_by_rules_is_code_though_no_line_holds_a_space() -> None:
    """The ``listings`` package draws its frame as rules, piece by piece; the lines in it
    are code whatever they hold (``listing-frame-latex.tex``, by XeTeX): a listing without
    a frame needs a space in one of two lines to be told from a wrapped URL."""
    doc = extract_pdf(FIX / "listing-frame-latex.pdf", jobs=1)
    assert [p.text for p in doc.paragraphs if p.role == "code"] == [
        "\\documentclass[green]{elegantbook}\n\\documentclass[color=green]{elegantbook}",
        "\\definecolor{structurecolor}{RGB}{0,0,0}\n\\definecolor{main}{RGB}{70,70,70}\n"
        "\\definecolor{second}{RGB}{115,45,2}"]
    prose = [p.text for p in doc.paragraphs if p.role != "code"]
    assert prose[-3].endswith("both lines below set the green theme")
    assert prose[-2].startswith("and either of them may be used.")
