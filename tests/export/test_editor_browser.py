"""A translator corrects a real pair in the review page, in headless Chromium, end to end.

The bilingual WIC consensus is built (extract → align → export) as ``make corpus`` does;
its page is loaded from ``file://``; links are merged, split, moved, checked and marked
untranslated with the keyboard and the mouse, undone, kept over a reload, saved; the saved
corrections go through ``pariter apply-corrections`` and ``pariter export`` and the TEI is
validated against tei_all. Screenshots before and after are written next to the files
(``PARITER_SCREENSHOTS=DIR`` keeps copies).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pariter.corpus import Build, load_manifest
from pariter.export.flagrules import python_flags
from pariter.schema import errors

from tests.export.browser import launch, open_page, require_browser
from tests.export.conftest import CONSENSUS_MANIFEST, CONSENSUS_PAIR

pytestmark = pytest.mark.slow

PAIR = CONSENSUS_PAIR
MANIFEST = CONSENSUS_MANIFEST


@pytest.fixture
def built(consensus_build) -> Path:
    return consensus_build


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pariter", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def _shot(page, path: Path) -> None:
    page.screenshot(path=str(path))
    keep = os.environ.get("PARITER_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


def _until_stored(page, links: list) -> None:
    """Wait until the browser's storage, as another tab of the page sees it, holds ``links``.

    The page writes to ``localStorage`` synchronously, but Chromium hands the write to its
    browser process asynchronously; a reload issued in the same instant can overtake it. A
    translator reloads seconds later, so the test waits for what a second tab would see
    before reloading, instead of racing the storage IPC.
    """
    probe = page.context.new_page()
    probe.goto(page.url)
    probe.wait_for_selector("body[data-ready='1']", timeout=20_000)
    probe.wait_for_function(
        """want => Object.keys(localStorage).some(k => k.startsWith("pariter.review.")
             && JSON.stringify(JSON.parse(localStorage.getItem(k)).links) === JSON.stringify(want))""",
        arg=links, timeout=20_000)
    probe.close()


def test_translator_corrects_a_real_pair(built, tmp_path):
    sync_playwright = require_browser()
    build = built / "build"
    page_path = build / f"{PAIR}.html"
    model = json.loads((build / f"{PAIR}.align.json").read_text(encoding="utf-8"))
    model_links = [x for x in model["links"] if x["level"] == "sentence"]
    # a 1-n bead (a Chinese sentence translated by several English ones) after the merge
    one_two = next(i for i, x in enumerate(model_links) if i > 4 and len(x["src"]) == 1
                   and len(x["tgt"]) >= 2)
    with sync_playwright() as p:
        browser = launch(p)
        page = open_page(browser, page_path.as_uri(), accept_downloads=True)
        state = lambda: page.evaluate("pariterEditor.state()")  # noqa: E731
        assert len(state()) == len(model_links)
        assert page.locator("tr.link").count() == len(model_links)
        _shot(page, tmp_path / "editor-before.png")

        # nothing happens without a name: corrections record who made them; the page asks
        # for it, and Enter hands the keyboard back to the link the translator was on
        page.click('tr.link[data-link="3"] td.score')
        page.keyboard.press("m")
        assert "name" in page.inner_text("#edit-status") and len(state()) == len(model_links)
        page.keyboard.type("Li Wei")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") != "resp-name"
        assert page.evaluate("pariterEditor.selected()") == 3

        # merge (keyboard): link 3 with link 4
        page.keyboard.press("m")
        s = state()
        assert len(s) == len(model_links) - 1
        assert s[3]["src"] == model_links[3]["src"] + model_links[4]["src"]
        assert s[3]["tgt"] == model_links[3]["tgt"] + model_links[4]["tgt"]
        row = page.locator('tr.link[data-link="3"]')
        assert "band-hand" in row.get_attribute("class")
        assert row.locator(".u").count() == len(s[3]["src"]) + len(s[3]["tgt"])
        merged_flags = page.evaluate("pariterEditor.info(3)")["flags"]

        # split (keyboard) a many-to-many link before a focused sentence: the first target
        # sentence that came from link 4 cuts it back into the model's two links; undo
        a, b = model_links[3], model_links[4]
        assert len(a["src"]) == len(a["tgt"]) == len(b["src"]) == len(b["tgt"]) == 1, \
            "the test wants two 1-1 links to merge into a 2-2 one"
        page.click('tr.link[data-link="3"] td[data-side="tgt"] .u >> nth=1')
        page.keyboard.press("s")
        assert state()[3:5] == [{"src": x["src"], "tgt": x["tgt"], "checked": False,
                                 "resp": None} for x in (a, b)]
        assert "byhand" not in page.locator('tr.link[data-link="3"]').get_attribute("class")
        page.keyboard.press("u")
        assert state()[3]["tgt"] == a["tgt"] + b["tgt"]

        # split (mouse): the 1-2 bead, now one row higher, with the toolbar button
        k = one_two - 1
        page.click(f'tr.link[data-link="{k}"] td.score')
        page.click('.editbar button[data-op="split"]')
        s = state()
        src, (t1, *t2) = model_links[one_two]["src"], model_links[one_two]["tgt"]
        assert s[k] == {"src": src, "tgt": [t1], "checked": False, "resp": "Li Wei"}
        assert s[k + 1] == {"src": [], "tgt": t2, "checked": False, "resp": "Li Wei"}
        assert page.locator("tr.link").count() == len(model_links)

        # move (keyboard): the lone target sentence back up into the link above: a 1-2 again
        page.click(f'tr.link[data-link="{k + 1}"] td[data-side="tgt"] .u >> nth=-1')
        page.keyboard.press("[")
        assert state()[k]["tgt"] == [t1, *t2] and len(state()) == len(model_links) - 1
        page.keyboard.press("u")  # undo the move: split again
        assert state()[k + 1]["tgt"] == t2

        # checked (keyboard) on the first link; untranslated then undone
        page.keyboard.press("Home")
        page.click('tr.link[data-link="0"] td.score')
        page.keyboard.press("c")
        assert state()[0]["checked"] is True
        page.click('tr.link[data-link="1"] td[data-side="src"] .u')
        page.keyboard.press("x")
        assert state()[1]["src"] and not state()[1]["tgt"] and state()[1]["checked"]
        page.keyboard.press("Control+z")
        assert state()[1]["tgt"] == model_links[1]["tgt"]
        page.keyboard.press("ArrowDown")
        assert page.evaluate("pariterEditor.selected()") == 2

        # a reload keeps the work (localStorage)
        before = state()
        _until_stored(page, before)
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        assert state() == before
        assert "Restored" in page.inner_text("#edit-status")
        assert page.input_value("#resp-name") == "Li Wei"
        page.click(f'tr.link[data-link="{k}"] td.score')
        page.evaluate("window.scrollTo(0, 0)")
        _shot(page, tmp_path / "editor-after.png")

        # save: a download
        with page.expect_download() as dl:
            page.click('.editbar button[data-op="save"]')
        corrections = tmp_path / f"{PAIR}.corrections.json"
        dl.value.save_as(corrections)
        assert dl.value.suggested_filename == f"{PAIR}.corrections.json"
        # Ctrl+S saves the same corrections even from the name box
        page.focus("#resp-name")
        with page.expect_download() as dl2:
            page.keyboard.press("Control+s")
        assert json.loads(Path(dl2.value.path()).read_text(encoding="utf-8"))["links"] == \
            json.loads(corrections.read_text(encoding="utf-8"))["links"]
        assert page.errors == []
        browser.close()

    data = json.loads(corrections.read_text(encoding="utf-8"))
    assert errors(data, "corrections") == []
    assert len(data["links"]) == 4  # merged, the two halves of the split, the checked one
    assert all(x["resp"] == "Li Wei" for x in data["links"])

    # apply → export → validate
    shutil.copy(build / "wic-consensus-zh-en.json", tmp_path)
    shutil.copy(build / f"{PAIR}.align.json", tmp_path)
    run = _cli("apply-corrections", f"{PAIR}.align.json", corrections.name, "-o",
               "fixed.align.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    fixed = json.loads((tmp_path / "fixed.align.json").read_text(encoding="utf-8"))
    links = [x for x in fixed["links"] if x["level"] == "sentence"]
    merged = next(x for x in links if x["src"] == data["links"][1]["src"]
                  or x["src"] == model_links[3]["src"] + model_links[4]["src"])
    # the page and apply-corrections agree on the flags of the link a person made
    assert merged["flags"] == merged_flags == python_flags(
        merged["src_text"], merged["tgt_text"], score=1.0, src_lang="zh", tgt_lang="en")
    run = _cli("export", "fixed.align.json", "--src", "wic-consensus-zh-en.json", "-d", "out",
               cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run = _cli("validate", "out/fixed.tei.xml", "out/fixed.tmx", "fixed.align.json",
               cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    tei = (tmp_path / "out" / "fixed.tei.xml").read_text(encoding="utf-8")
    assert "<name>Li Wei</name>" in tei and 'status="checked"' in tei
    assert 'resp="#_resp.1"' in tei

    # the new page shows the corrections and starts from them
    with sync_playwright() as p:
        browser = launch(p)
        page = open_page(browser, (tmp_path / "out" / "fixed.html").as_uri())
        assert page.locator("tr.link.checked").count() == 1
        assert page.locator("tr.link.byhand").count() == 4
        assert page.evaluate("pariterEditor.corrections().links.length") == 4
        assert page.errors == []
        browser.close()


def test_corpus_build_keeps_the_corrections(built, tmp_path):
    """A manifest naming a corrections file: the rebuilt pair is the corrected one, and
    changing only the corrections re-runs only the correct and export steps."""
    root = tmp_path / "corpus"
    shutil.copytree(built, root)
    build = root / "build"
    model = json.loads((build / f"{PAIR}.align.json").read_text(encoding="utf-8"))
    first = next(x for x in model["links"] if x["level"] == "sentence")
    corr = {"schema_version": "1.0", "kind": "pariter-corrections",
            "source": {"document": "wic-consensus-zh-en", "lang": "zh", "select": None},
            "target": {"document": "wic-consensus-zh-en", "lang": "en", "select": None},
            "level": "sentence",
            "links": [{"src": first["src"], "tgt": first["tgt"], "checked": True,
                       "resp": "Li Wei"}]}
    (root / "fix.json").write_text(json.dumps(corr), encoding="utf-8")
    manifest = MANIFEST.replace('target = { document = "wic-consensus-zh-en", lang = "en" }',
                                'target = { document = "wic-consensus-zh-en", lang = "en" }\n'
                                'corrections = "fix.json"')
    (root / "manifest.toml").write_text(manifest, encoding="utf-8")
    b = Build(load_manifest(root / "manifest.toml"), build)
    b.run()
    assert b.ran == [f"align {PAIR}", f"correct {PAIR}", f"export {PAIR}"]
    assert (build / "model" / f"{PAIR}.align.json").exists()
    out = json.loads((build / f"{PAIR}.align.json").read_text(encoding="utf-8"))
    assert next(x for x in out["links"] if x["level"] == "sentence")["checked"] is True
    assert "Li Wei" in (build / f"{PAIR}.tmx").read_text(encoding="utf-8")

    b = Build(load_manifest(root / "manifest.toml"), build)
    b.run()
    assert b.ran == []
    corr["links"][0]["resp"] = "Zhang San"
    (root / "fix.json").write_text(json.dumps(corr), encoding="utf-8")
    b = Build(load_manifest(root / "manifest.toml"), build)
    b.run()
    assert b.ran == [f"correct {PAIR}", f"export {PAIR}"]
    assert "Zhang San" in (build / f"{PAIR}.tei.xml").read_text(encoding="utf-8")

    corr["links"][0]["src"] = ["zh.nowhere.s1"]
    (root / "fix.json").write_text(json.dumps(corr), encoding="utf-8")
    from pariter.errors import PariterError

    with pytest.raises(PariterError, match="fix.json: link 1: zh.nowhere.s1"):
        Build(load_manifest(root / "manifest.toml"), build).run()
    assert "Zhang San" in (build / f"{PAIR}.tei.xml").read_text(encoding="utf-8")


def _one_sided_runs_sorted(links: list[list[list[str]]]) -> list[list[list[str]]]:
    """Links with runs of adjacent one-sided links (an omission next to an addition) put
    in one order: both orders are the same alignment, and apply-corrections writes the
    source side's first."""
    out, run = [], []
    for link in links + [None]:
        if link is not None and not (link[0] and link[1]):
            run.append(link)
            continue
        out += sorted(run, key=repr)
        run = []
        if link is not None:
            out.append(link)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_whatever_the_page_allows_apply_corrections_accepts(built, seed):
    """Random keyboard edits on a real pair (merge, split, move, check, untranslated, undo,
    redo, selection and focus moves): the corrections file the page saves is valid, is
    accepted by apply-corrections, and gives the alignment the page showed."""
    import random

    from pariter.export.corrections import apply_corrections, load_corrections
    from pariter.model import load_alignment, load_document

    sync_playwright = require_browser()
    build = built / "build"
    rng = random.Random(seed)
    keys = ["m", "s", "[", "]", "c", "x", "u", "U", "j", "k", "l", "h"]
    with sync_playwright() as p:
        browser = launch(p)
        page = open_page(browser, (build / f"{PAIR}.html").as_uri(), accept_downloads=True)
        page.fill("#resp-name", "Li Wei")
        page.keyboard.press("Enter")
        for _ in range(50):
            if rng.random() < 0.3:
                n = page.evaluate("pariterEditor.state().length")
                page.evaluate(f"pariterEditor.select({rng.randrange(n)})")
            page.keyboard.press(rng.choice(keys))
        shown = [[x["src"], x["tgt"]] for x in page.evaluate("pariterEditor.state()")]
        with page.expect_download() as dl:
            page.keyboard.press("Control+s")
        data = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
        assert page.errors == []
        browser.close()
    assert errors(data, "corrections") == [] and data["links"]
    path = build.parent / f"monkey-{seed}.corrections.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = load_document(build / "wic-consensus-zh-en.json")
    fixed = apply_corrections(load_alignment(build / f"{PAIR}.align.json"), doc, doc,
                              load_corrections(path), path.name)
    applied = [[x.src, x.tgt] for x in fixed.links if x.level == "sentence"]
    assert _one_sided_runs_sorted(applied) == _one_sided_runs_sorted(shown)
