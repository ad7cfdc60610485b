"""A sentence the translation left in the original language stays out of the TMX.

The pair is aligned for real (the committed consensus clauses, the bundled model) after a
sentence is added to both sides word for word, as a partly translated manual prints it; the
Chinese side prints it with the full-width comma a Chinese typesetter uses, so a memory
that learnt the copy would change the text a CAT tool writes. The TMX is read back by
translate-toolkit and, when it is installed, by OmegaT.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from translate.storage.tmx import tmxfile

from pariter.align.document import AlignConfig, align_bilingual
from pariter.align.structure import build_document
from pariter.export.tmx import alignment_to_tmx
from pariter.model import Alignment

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).resolve().parents[1] / "align" / "fixtures" / "consensus_clauses.json"
COPY_ZH = ("The working group will publish the terms of reference on its website，"
           "before the end of the year.")
COPY_EN = ("The working group will publish the terms of reference on its website, "
           "before the end of the year.")


def _sentence_links(al: Alignment):
    return [x for x in al.links if x.level == "sentence"]


@pytest.fixture(scope="module")
def copies() -> tuple[Alignment, Alignment]:
    """The pair aligned under both conventions: the copy linked with its original (default)
    and the copy as two nulls (``copies_as_nulls``)."""
    from pariter.align.embed import load_embedder

    outlines = copy.deepcopy(json.loads(FIXTURE.read_text(encoding="utf-8"))["consensus"])
    outlines["zh"][0]["clauses"][0]["paragraphs"].append(COPY_ZH)
    outlines["en"][0]["clauses"][0]["paragraphs"].append(COPY_EN)
    doc = build_document("copy", outlines)
    embedder = load_embedder("muse")
    return (align_bilingual(doc, embedder),
            align_bilingual(doc, embedder, config=AlignConfig(copies_as_nulls=True)))


def test_tmx_leaves_out_the_untranslated_copy(copies):
    paired, nulls = copies
    copy_links = [x for x in _sentence_links(paired) if COPY_EN in x.tgt_text]
    assert len(copy_links) == 1 and copy_links[0].src_text == COPY_ZH
    assert "untranslated" in copy_links[0].flags
    kept = [x for x in _sentence_links(paired)
            if x.src and x.tgt and "untranslated" not in x.flags]
    assert len(kept) > 10
    tm = tmxfile(io.BytesIO(alignment_to_tmx(paired)), "zh", "en")
    assert [(u.source, u.target) for u in tm.units] == [(x.src_text, x.tgt_text) for x in kept]
    assert not any("working group will publish" in u.source + u.target for u in tm.units)
    # the alignment keeps it for the translator; the two conventions give one memory
    assert alignment_to_tmx(nulls) == alignment_to_tmx(paired)


def test_omegat_does_not_apply_the_copy(copies, tmp_path):
    """OmegaT applies a memory's exact matches on its own: the copy stays as printed (the
    Chinese side's full-width comma), a translated sentence gets our English."""
    from tests.export.test_omegat import OMEGAT, _omegat_translate

    if OMEGAT is None:
        pytest.skip("OmegaT is not installed (apt-get install omegat)")
    paired, _ = copies
    tmx = alignment_to_tmx(paired)
    other = next(x for x in _sentence_links(paired)
                 if len(x.src) == 1 and len(x.tgt) == 1 and not x.flags)
    got = _omegat_translate(tmp_path, tmx, [COPY_ZH, other.src_text])
    assert got == [COPY_ZH, other.tgt_text]
