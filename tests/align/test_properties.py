"""Property tests: the aligner returns on any input, covers every sentence exactly once, in
order, and stays within memory (issue 9: it used to stop with "no path through the band").

Vectors are small (16-d) so that hypothesis can try many documents; the sizes run from 0
to 5,000 sentences per side.  Memory is the peak of Python allocations (numpy's included)
measured by tracemalloc against a bound linear in the text length: O(length x band).
"""

from __future__ import annotations

import tracemalloc
import zlib

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pariter.align.sentences import AlignParams, align_vectors
from pariter.align.structure import build_document

DIM = 16

# bytes per sentence of both sides that the alignment may hold at its peak: the band's
# prefix sums and back pointers (max_width cells of 8 + 1 bytes) and per-sentence arrays
BYTES_PER_SENTENCE = AlignParams().max_width * 48
BASE_BYTES = 32 << 20


def _vectors(kind: str, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "random":
        v = rng.standard_normal((n, DIM))
    elif kind == "zero":
        v = np.zeros((n, DIM))
    elif kind == "identical":
        v = np.tile(rng.standard_normal(DIM), (n, 1))
    elif kind == "nan":
        v = rng.standard_normal((n, DIM))
        v[rng.random(n) < 0.3] = np.nan
    else:  # "huge": values far outside a unit vector's
        v = rng.standard_normal((n, DIM)) * 1e30
    with np.errstate(invalid="ignore", over="ignore"):
        norms = np.linalg.norm(v, axis=1, keepdims=True)
        return np.where(norms > 0, v / np.where(norms > 0, norms, 1), v).astype(np.float32)


def _parallel(x: np.ndarray, seed: int) -> np.ndarray:
    """A noisy translation of x with some sentences dropped and some split."""
    rng = np.random.default_rng(seed)
    rows = []
    for v in x:
        r = rng.random()
        if r < 0.05:
            continue
        if r < 0.15:
            rows += [v + 0.3 * rng.standard_normal(DIM), v + 0.3 * rng.standard_normal(DIM)]
        else:
            rows.append(v + 0.2 * rng.standard_normal(DIM))
    return np.array(rows, dtype=np.float32).reshape(-1, DIM)


sizes = st.one_of(st.integers(0, 40), st.integers(0, 300), st.sampled_from([0, 1, 2]))
kinds = st.sampled_from(["random", "zero", "identical", "nan", "huge", "parallel"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=sizes, m=sizes, kind=kinds, seed=st.integers(0, 2**16), with_chars=st.booleans(),
       n_hints=st.integers(0, 5))
@example(n=5000, m=0, kind="parallel", seed=2, with_chars=True, n_hints=3)  # m: of the translation
@example(n=5000, m=0, kind="random", seed=3, with_chars=False, n_hints=0)
@example(n=2000, m=5000, kind="identical", seed=4, with_chars=True, n_hints=0)
def test_any_input_returns_covers_every_sentence_and_bounds_memory(n, m, kind, seed, with_chars, n_hints):
    x = _vectors("random" if kind == "parallel" else kind, n, seed)
    y = _parallel(x, seed + 1) if kind == "parallel" else _vectors(kind, m, seed + 1)
    m = len(y)
    rng = np.random.default_rng(seed)
    chars = {}
    if with_chars:
        chars = dict(src_chars=rng.integers(0, 300, n), tgt_chars=rng.integers(0, 300, m))
    hints = sorted(zip(rng.integers(0, max(n, 1), n_hints), rng.integers(0, max(m, 1), n_hints)))
    tracemalloc.start()
    try:
        beads = align_vectors(x, y, hints=hints, **chars)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))
    assert all((b.src or b.tgt) and 0.0 <= b.score <= 1.0 for b in beads)
    assert peak <= BASE_BYTES + BYTES_PER_SENTENCE * (n + m), (peak, n, m)


sentence = st.text(alphabet=st.sampled_from(list("abcdefgh 。.发展人工智能")), min_size=0, max_size=30)
outline_section = st.fixed_dictionaries({
    "number": st.sampled_from([None, "1", "2", "I.", "(一)"]),
    "heading": st.sampled_from([None, "", "Intro", "总则"]),
    "paragraphs": st.lists(sentence.filter(str.strip), max_size=4),
})


class _Hashing:
    """A deterministic embedder for property tests: character trigram hashing (no model)."""

    name, dim = "hashing", DIM

    def encode(self, texts):
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, t in enumerate(texts):
            for i in range(max(len(t) - 2, 0)):
                out[k, zlib.crc32(t[i:i + 3].encode("utf-8")) % DIM] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


@settings(max_examples=40, deadline=None)
@given(zh=st.lists(outline_section, max_size=4), en=st.lists(outline_section, max_size=4))
def test_documents_with_empty_and_one_sided_sections(zh, en):
    """Whatever the sections (empty, unnamed, on one side only), every sentence is linked once."""
    from pariter.align.document import align_bilingual

    doc = build_document("prop", {"zh": zh, "en": en})
    al = align_bilingual(doc, _Hashing())
    for lang, side in (("zh", "src"), ("en", "tgt")):
        want = sorted(s.id for s in doc.sentences if s.lang == lang)
        wanted = set(want)
        got = sorted(i for link in al.links if link.level == "sentence" for i in getattr(link, side)
                     if i in wanted)
        assert got == want


# -- the evidence pass and the untranslated-copy paths ------------------------------------------
WORDS = ("the", "working", "group", "will", "publish", "terms", "of", "reference", "on", "its",
         "website", "before", "end", "year", "model", "data", "is", "and", "to", "in")
HAN = "发展负责任的生成式人工智能应始终致力于增进人类福祉坚持以人为本"
TOKENS = ("4.4", "cmr10.tfm", "https://ctan.org/x", "https://a.example/y", "KiCad", "")

prose = st.lists(st.sampled_from(WORDS), min_size=4, max_size=9).map(
    lambda ws: " ".join(ws).capitalize() + ".")
"""English prose: at least four lower-case words, so that a copy of it counts as untranslated."""
chinese = st.tuples(st.text(alphabet=HAN, min_size=1, max_size=20), st.sampled_from(TOKENS)).map(
    lambda p: p[0] + (f" {p[1]} " if p[1] else "") + "。")
"""A Chinese sentence, now and then carrying a token a translation copies (a section number,
a file name, a URL) that the English may print too."""
english = st.tuples(prose, st.sampled_from(TOKENS)).map(
    lambda p: p[0][:-1] + (f" {p[1]}." if p[1] else "."))


@st.composite
def texts_with_copies(draw) -> tuple[list[str], list[str]]:
    """Two sentence lists in which some English sentences stand on both sides word for word
    (a translation that left them untranslated), some sentences have no counterpart, and
    the rest are unrelated text of each language."""
    src: list[str] = []
    tgt: list[str] = []
    for kind in draw(st.lists(st.sampled_from(["pair", "copy", "zh", "en", "split"]), max_size=40)):
        if kind == "copy":
            s = draw(prose)
            src.append(s)
            tgt.append(s)
        elif kind == "zh":
            src.append(draw(chinese))
        elif kind == "en":
            tgt.append(draw(english))
        elif kind == "split":
            src.append(draw(chinese))
            tgt += [draw(english), draw(english)]
        else:
            src.append(draw(chinese))
            tgt.append(draw(english))
    return src, tgt


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=texts_with_copies(), part=st.sampled_from([None, 0.0]),
       copied=st.sampled_from([None, 5]), complete=st.sampled_from([None, 0.01]))
def test_evidence_pass_covers_every_sentence_once_in_order(pair, part, copied, complete):
    """With texts and an embedder the evidence pass moves sentences between beads (boundary,
    join, split, part, slide, pairs, copied tokens, URLs apart); whatever it does, every
    sentence is in exactly one bead, in order, and every bead has a sentence."""
    from pariter.align.sentences import align_sentences, with_params

    src, tgt = pair
    params = with_params(None, part_gain=part, copied_max_sentences=copied, complete_rate=complete)
    beads = align_sentences(src, tgt, _Hashing(), params=params, src_lang="zh", tgt_lang="en")
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert all((b.src or b.tgt) and 0.0 <= b.score <= 1.0 for b in beads)


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


@st.composite
def outlines_with_copies(draw) -> dict[str, list[dict]]:
    """zh and en outlines of the same sections; a paragraph is translated (Chinese against
    English), left untranslated (the same English prose on both sides) or on one side only."""
    zh: list[dict] = []
    en: list[dict] = []
    for n in range(draw(st.integers(1, 3))):
        zp: list[str] = []
        ep: list[str] = []
        for kind in draw(st.lists(st.sampled_from(["pair", "copy", "zh", "en"]), min_size=1, max_size=5)):
            if kind == "copy":
                p = " ".join(draw(st.lists(prose, min_size=1, max_size=3)))
                zp.append(p)
                ep.append(p)
            if kind in ("pair", "zh"):
                zp.append("".join(draw(st.lists(chinese, min_size=1, max_size=3))))
            if kind in ("pair", "en"):
                ep.append(" ".join(draw(st.lists(english, min_size=1, max_size=3))))
        zh.append({"number": str(n + 1), "heading": "总则", "paragraphs": zp})
        en.append({"number": str(n + 1), "heading": "General", "paragraphs": ep})
    return {"zh": zh, "en": en}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines=outlines_with_copies(), as_nulls=st.booleans())
@example(outlines={"zh": [{"number": "1", "heading": "总则", "paragraphs": [
    "为 4.4 。", "The the working working. The the the the."]}],
                   "en": [{"number": "1", "heading": "General", "paragraphs": [
    "The the the the 4.4.", "The the working working. The the the the."]}]},
         as_nulls=True)  # a copy of two sentences: one null of both, joined as Chinese joins
def test_untranslated_copies_cover_every_sentence_once_in_order(outlines, as_nulls):
    """A document whose translation left some paragraphs in English: every sentence is in
    exactly one sentence link, the links do not cross, a link flagged ``untranslated`` holds
    a copy (paired by default, a null on each side with ``copies_as_nulls``), and the TMX
    has no unit that pairs a text with its copy."""
    from lxml import etree

    from pariter.align import flags as F
    from pariter.align.document import AlignConfig, align_bilingual
    from pariter.export.tmx import alignment_to_tmx

    doc = build_document("copies", outlines)
    al = align_bilingual(doc, _Hashing(), config=AlignConfig(copies_as_nulls=as_nulls))
    sent = [link for link in al.links if link.level == "sentence"]
    text_of = {s.id: s.text for s in doc.sentences}
    printed = {lang: _squash("".join(p for sec in outlines[lang] for p in sec["paragraphs"]))
               for lang in ("zh", "en")}
    position = {lang: {s.id: k for k, s in enumerate(x for x in doc.sentences if x.lang == lang)}
                for lang in ("zh", "en")}
    for lang, side in (("zh", "src"), ("en", "tgt")):
        got = sorted(i for link in sent for i in getattr(link, side) if i in position[lang])
        assert got == sorted(position[lang])
    full = sorted(([position["zh"][i] for i in link.src if i in position["zh"]],
                   [position["en"][j] for j in link.tgt if j in position["en"]]) for link in sent)
    full = [(s, t) for s, t in full if s and t]
    for (s1, t1), (s2, t2) in zip(full, full[1:]):
        assert max(s1) < min(s2) and max(t1) < min(t2)  # no two links cross
    for link in sent:
        if "untranslated" not in link.flags:
            continue
        if link.src and link.tgt:
            assert not as_nulls and F.untranslated(link.src_text, link.tgt_text, "zh", "en")
        else:  # each of its sentences stands on the other side too (as the flag reads text:
            # white space aside, since a side's sentences are joined as its language joins them)
            other = "en" if link.src else "zh"
            assert as_nulls and all(_squash(text_of[i]) in printed[other] for i in link.src or link.tgt)
    for tu in etree.fromstring(alignment_to_tmx(al)).iter("tu"):
        s, t = (tuv.findtext("seg") for tuv in tu.findall("tuv"))
        assert not F.untranslated(s, t, "zh", "en")
