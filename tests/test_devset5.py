"""The notes set 5 (corpus/devset/specs5.py) is tunable without spoiling the held-out set 4: it
shares no 40-character stretch of text with devset4 (texts4.py), every document has notes,
Chinese and English about half each, names unique across the five sets. The documents' models
are made (no producer runs); they read the Bible text in ../shared, so this skips without it."""

from __future__ import annotations

import pytest

from tests.test_devset4 import _sets, shared_stretches


def test_devset5_shares_no_text_with_devset4_and_every_document_has_notes(shared):
    pytest.importorskip("odf", reason="odfpy (pip install -e '.[devset]') builds the devset models")
    sets = _sets(shared, "12345")
    held_out = "\n".join(t for d in sets["4"] for t in d["texts"])
    assert not shared_stretches(sets["5"], held_out)
    assert all(d["notes"] >= 10 for d in sets["5"]), [(d["name"], d["notes"]) for d in sets["5"]]
    langs = [d["lang"] for d in sets["5"]]
    assert len(langs) >= 20
    assert abs(langs.count("zh") - langs.count("en")) <= 2, langs
    names = [d["name"] for s in "12345" for d in sets[s]]
    assert len(names) == len(set(names))
