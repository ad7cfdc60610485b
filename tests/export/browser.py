"""Headless Chromium through Playwright, for the tests that drive the review page.

Debian's ``chromium`` (``.ci/run`` installs it) with Playwright's Python package; tests
skip with the reason when either is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def require_browser():
    """The sync_playwright entry point, or a skip saying what is missing."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install playwright)")
    return sync_playwright


def open_page(browser, url: str, **context):
    """A page at ``url`` once its script has finished, with its errors collected."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, **context)
    page = ctx.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    return page


@contextmanager
def sample_page(directory: Path) -> Iterator:
    """The review page of the export samples' pair, open in Chromium; on leaving, the page
    must have raised no error. The parity tests call the page's own functions through it."""
    from pariter.export.html import pair_to_html

    from tests.export.export_samples import build_alignment, build_doc

    sync_playwright = require_browser()
    zh, en = build_doc("zh"), build_doc("en")
    path = directory / "page.html"
    path.write_bytes(pair_to_html(zh, en, build_alignment(zh, en)))
    with sync_playwright() as p:
        browser = launch(p)
        page = open_page(browser, path.as_uri())
        yield page
        assert page.errors == []
        browser.close()
