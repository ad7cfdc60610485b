"""The review page, loaded in headless Chromium (skipped when Chromium is absent)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.export.export_samples import CHROMIUM
from pariter.export.html import pair_to_html

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--window-size=1400,1000"]


def test_page_is_self_contained_and_escaped(pair):
    src, tgt, al = pair
    page = pair_to_html(src, tgt, al).decode("utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched
    assert "<link " not in page
    assert "风险&lt;&amp;&gt;。" in page and "风险<&>" not in page
    assert 'data-cite="wic-report-zh zh.s06.c02 p. 5"' in page
    assert page == pair_to_html(src, tgt, al).decode("utf-8")


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           *extra, url], capture_output=True, text=True, timeout=90)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
@pytest.mark.parametrize("which", ["pair", "bilingual"])
def test_page_in_chromium(tmp_path, pair, bilingual, which):
    if which == "pair":
        src, tgt, al = pair
    else:
        src, al = bilingual
        tgt = src
    path = tmp_path / f"{which}.html"
    path.write_bytes(pair_to_html(src, tgt, al))
    run = _chromium(tmp_path, path.as_uri(), "--dump-dom")
    dom = run.stdout
    assert run.returncode == 0, run.stderr[-2000:]
    assert 'data-ready="1"' in dom, "the page's script did not finish"
    assert re.search(r'<ul id="pariter-errors">\s*</ul>', dom), "script errors caught"
    console = [ln for ln in run.stderr.splitlines() if "CONSOLE" in ln]
    assert not [ln for ln in console if re.search(r"error|uncaught", ln, re.I)], console
    for d, lang in ((src, al.source.lang), (tgt, al.target.lang)):
        for c in d.clauses:
            if c.lang == lang:
                assert f'data-id="{c.id}"' in dom, c.id
    # every linked sentence is shown
    for link in al.links:
        if link.level == "sentence":
            for uid in link.src + link.tgt:
                assert f'<span class="uid">{uid}</span>' in dom, uid
    shot = tmp_path / f"{which}.png"
    run = _chromium(tmp_path, path.as_uri(), f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 10_000
