"""Every clause of every corpus PDF comes out with exactly its published text.

Heading and note scores say little about paragraphs: a two-column page whose lines come
out as separate paragraphs, a paragraph cut by a page or column break, a hyphen taken
for a line-break hyphen all still score 1.0 there. The truth written from the typeset
sources carries each clause's full text, so this compares text, after NFKC and with all
whitespace removed (the shared truth README's normalisation).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

import pytest

from pariter.extract import extract_pdf
from tests.helpers import CORPUS_PDF, CORPUS_TRUTH

STEMS = sorted(p.stem for p in CORPUS_TRUTH.glob("*.json"))


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=None)
def extracted(stem: str):
    return extract_pdf(CORPUS_PDF / f"{stem}.pdf")


@pytest.mark.parametrize("stem", STEMS)
def test_clause_texts_are_the_published_texts(stem):
    truth = json.loads((CORPUS_TRUTH / f"{stem}.json").read_text(encoding="utf-8"))
    doc = extracted(stem)
    found = {(c.lang, c.number): c for c in doc.clauses}
    wrong = []
    for t in truth["clauses"]:
        lang = t.get("lang") or truth["lang"]
        clause = found.get((lang, t["number"]))
        if clause is None:
            wrong.append(f"{lang} {t['number']}: missing")
        elif norm(clause.text) != norm(t["text"]):
            a, b = norm(clause.text), norm(t["text"])
            i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            wrong.append(f"{lang} {t['number']}: differs at {i}: …{a[max(0, i - 15):i + 25]}… "
                         f"expected …{b[max(0, i - 15):i + 25]}…")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("stem", STEMS)
def test_each_clause_is_whole_paragraphs(stem):
    """A clause is made of real paragraphs, not of its lines: no paragraph of a clause is
    shorter than a sentence unless the source has it so (the report's lead sentences)."""
    doc = extracted(stem)
    for clause in doc.clauses:
        paras = [p for p in doc.paragraphs if p.clause == clause.id]
        assert paras, clause.id
        assert len(paras) <= 3, f"{clause.id} is split into {len(paras)} paragraphs"
