"""The held-out dev set 4 (corpus/devset/specs4.py) is what it claims to be: texts nobody tuned
on (no paragraph, heading or note shares a 40-character stretch with devsets 1–3), Chinese
and English about half each, names unique across the four sets. The documents' models are
made (no producer runs); devsets 1–3 read the Bible text in ../shared, so this skips without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
WINDOW = 40  # characters: longer than any phrase two independent texts share by chance

# every document's name, language and texts (paragraphs, list items, headings, notes), per set;
# in a child process, because build.py puts corpus/devset and corpus/typeset on sys.path
_COLLECT = r"""
import importlib.util, json, sys
from pathlib import Path
here = Path(sys.argv[1]) / "corpus" / "devset"
spec = importlib.util.spec_from_file_location("devset_build", here / "build.py")
m = importlib.util.module_from_spec(spec)
sys.modules["devset_build"] = m
spec.loader.exec_module(m)
from docmodel import Heading, all_notes, plain, runs_of
out = {}
for s in sys.argv[2:]:
    docs = []
    for sp in (m.SPECS if s == "1" else __import__(f"specs{s}").specs()):
        d = sp.make_doc()
        texts = [plain(r) for b in d.blocks for r in runs_of(b)]
        texts += [b.text for b in d.blocks if isinstance(b, Heading)] + [n.text for n in all_notes(d)]
        docs.append({"name": sp.name, "lang": d.lang, "texts": texts, "notes": len(all_notes(d))})
    out[s] = docs
print(json.dumps(out, ensure_ascii=False))
"""


def _sets(shared: Path, sets: str = "1234") -> dict:
    r = subprocess.run([sys.executable, "-c", _COLLECT, str(ROOT), *sets], capture_output=True, text=True,
                       timeout=300, env={"PARITER_SHARED": str(shared), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def shared_stretches(docs: list[dict], old: str) -> list[tuple[str, str]]:
    """(document, stretch) for every WINDOW-character stretch of ``docs``' texts found in ``old``."""
    found = []
    for d in docs:
        for t in d["texts"]:
            for i in range(0, max(len(t) - WINDOW, 0) + 1, WINDOW // 2):
                w = t[i:i + WINDOW]
                if len(w) == WINDOW and w in old:
                    found.append((d["name"], w))
    return found


def test_devset4_shares_no_text_with_sets_1_to_3_and_is_half_chinese(shared):
    # the builders import the ODT renderer, whose odfpy is the devset extra, not the test one
    pytest.importorskip("odf", reason="odfpy (pip install -e '.[devset]') builds the devset models")
    sets = _sets(shared)
    old = "\n".join(t for s in "123" for d in sets[s] for t in d["texts"])
    shared_text = shared_stretches(sets["4"], old)
    assert not shared_text, shared_text[:5]
    langs = [d["lang"] for d in sets["4"]]
    assert len(langs) >= 20
    assert abs(langs.count("zh") - langs.count("en")) <= 2, langs
    names = [d["name"] for s in "1234" for d in sets[s]]
    assert len(names) == len(set(names))
