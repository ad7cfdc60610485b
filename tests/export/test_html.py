"""The review page, loaded in headless Chromium (skipped when Chromium is absent)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.export.export_samples import CHROMIUM, build_alignment, build_doc
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
    assert 'data-cite="wic-report-zh zh.s06.c02 p. 5 (printed p. 4)"' in page
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


def _dom_text(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_headers_name_each_side_in_its_language(bilingual):
    from pariter.model import Running, Box
    d, al = bilingual
    # the bilingual document's title is Chinese; its English title is its running header
    for p in d.pages[1:]:
        p.running.append(Running("Consensus on AI", "header", Box(p.number, 0, 40, 500, 50)))
    page = pair_to_html(d, d, al).decode("utf-8")
    heads = re.findall(r'<span class="doctitle" lang="(\w+)">([^<]*)</span>', page)
    assert heads == [("zh", d.title), ("en", "Consensus on AI")]
    assert '<span class="docsub">wic-report-bi · en</span>' in page
    # no title in that language at all: the document id and the language
    for p in d.pages:
        p.running = []
    page = pair_to_html(d, d, al).decode("utf-8")
    assert ("en", "wic-report-bi (en)") in re.findall(
        r'<span class="doctitle" lang="(\w+)">([^<]*)</span>', page)
    # English section headings, not ids; printed page labels beside physical pages
    h = next(h for h in d.headings if h.id == "en.s06.h")
    assert f'<span class="label" lang="en">{h.number} {h.text}</span>' in page
    assert '<span class="uid">en.s06</span><span class="page" title="physical page 5 of ' \
           'the PDF">p.&#160;5<span class="plabel" title="printed page number">[4]</span>' in page


def test_selected_source_shows_only_that_subtree(pair):
    src, tgt, al = pair
    al.source.select = "zh.s06"
    al.links = [ln for ln in al.links if all(u.startswith("zh.s06") for u in ln.src)]
    page = pair_to_html(src, tgt, al).decode("utf-8")
    ids = set(re.findall(r'<span class="uid">(zh\.[^<]*)</span>', page))
    assert ids and all(u.startswith("zh.s06") for u in ids), sorted(ids)
    assert "zh.s06.c02" in ids and "zh.s06" in ids
    assert "only zh.s06" in page
    assert "zh.fn1" not in page  # its marker is outside the selection


def test_same_language_pair_shows_the_wording_diff(zh_doc):
    from pariter.model import DiffOp
    other = build_doc("zh", doc_id="wic-consensus-zh", sha="c" * 64)
    al = build_alignment(zh_doc, other, "zh", "zh")
    n = 0
    for link in al.links:
        if link.src in (["zh.s06.c01"], ["zh.s06.c01.p1.s1"]) and link.tgt:
            t = link.src_text
            link.tgt_text = t[:2] + t[3:]
            link.diff = [DiffOp("equal", t[:2], t[:2]), DiffOp("delete", t[2], ""),
                         DiffOp("equal", t[3:], t[3:])]
            link.flags = ["wording_diff"]
            n += 1
    assert n == 2
    page = pair_to_html(zh_doc, other, al).decode("utf-8")
    assert page.count(f"<del title=\"not in the target\">{t[2]}</del>") == 2
    assert '<tr class="diffrow">' in page and page.count('class="caret"') == 2
    row = page.split('<tr class="diffrow">')[1].split("</tr>")[0]
    src_cell, _, tgt_cell = row.partition('<td class="score">')
    assert _dom_text(src_cell).replace("…", "").startswith(t[:3])
    assert t[2] not in _dom_text(tgt_cell)[:3]
    # a pair in two languages never shows a diff
    assert "<del" not in pair_to_html(*_pair_en(zh_doc)).decode("utf-8")


def _pair_en(zh_doc):
    en = build_doc("en")
    return zh_doc, en, build_alignment(zh_doc, en)
