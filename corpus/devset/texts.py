"""Text sources of the dev set: the public-domain Bible text in shared/data/bible-en-zh (KJV,
Chinese Union Version), the published WIC report with its real footnotes (through
corpus/typeset), and a few paragraphs written for this dev set (measurements with exponents,
indices and R², compound words) — our own text."""

from __future__ import annotations

import sys
from collections import OrderedDict
from pathlib import Path

from docmodel import B, Heading, Items, Note, Para, Sub, Sup, Table
from pariter.devdata import SHARED

ROOT = Path(__file__).resolve().parents[2]
BIBLE = SHARED / "data" / "bible-en-zh"

TITLES = {
    ("Gen", 1): ("The Creation", "创造天地"), ("Gen", 2): ("The Garden in Eden", "伊甸园"),
    ("Gen", 3): ("The Fall", "人的堕落"), ("Gen", 4): ("Cain and Abel", "该隐和亚伯"),
    ("Gen", 6): ("The Flood Announced", "预告洪水"), ("Gen", 7): ("The Flood", "洪水"),
    ("Gen", 8): ("The Waters Recede", "水退"), ("Gen", 9): ("The Covenant with Noah", "与挪亚立约"),
    ("Gen", 11): ("The Tower of Babel", "巴别塔"), ("Gen", 12): ("The Call of Abram", "呼召亚伯兰"),
    ("Gen", 13): ("Abram and Lot", "亚伯兰与罗得"), ("Gen", 15): ("The Promise to Abram", "神与亚伯兰立约"),
    ("Gen", 22): ("The Offering of Isaac", "献以撒"), ("Gen", 37): ("Joseph and His Brothers", "约瑟和他的哥哥们"),
    ("Exo", 1): ("Israel in Egypt", "以色列人在埃及"), ("Exo", 2): ("The Birth of Moses", "摩西出生"),
    ("Exo", 3): ("The Burning Bush", "燃烧的荆棘"), ("Exo", 5): ("Bricks without Straw", "无草做砖"),
    ("Exo", 7): ("The Plague of Blood", "血灾"), ("Exo", 14): ("Crossing the Sea", "过红海"),
    ("Exo", 16): ("Manna from Heaven", "天降吗哪"), ("Exo", 20): ("The Ten Commandments", "十诫"),
}

NOTES_EN = [
    "The Hebrew word may also be rendered wind or breath.",
    "Literally, the generations; the same formula opens later sections.",
    "Compare the parallel account in the following chapter.",
    "Some manuscripts add a word here; the sense is unchanged.",
    "A measure of about forty-five centimetres.",
    "The name is explained by a play on words in the original.",
    "Or, in the sight of; the phrase recurs in verse 11.",
    "Ancient versions read the plural.",
    "The place is not identified with certainty.",
    "This verse is quoted in later writings.",
    "A well-known crux: the older translations differ.",
    "Literally, a hundred and twenty years.",
]
NOTES_ZH = [
    "“灵”字原文亦可译作“风”或“气息”。",
    "原文直译为“后代”，下文各段以同一句式开头。",
    "参看下一章的平行记载。",
    "有古卷在此多一字，意思不变。",
    "约合四十五厘米。",
    "此名在原文中是一个双关语。",
    "或译“在……眼中”，本章第11节同。",
    "古译本作复数。",
    "此地今址不详。",
    "此节为后世著作所引用。",
    "旧译本在此理解不一。",
    "原文直译为“一百二十年”。",
]


def bible_verses(lang: str, book: str, chapter: int) -> "OrderedDict[int, str]":
    """Verse number → text of one chapter, the sentence lines of a verse joined."""
    lines = (BIBLE / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    refs = (BIBLE / f"{lang}.verse").read_text(encoding="utf-8").splitlines()
    out: "OrderedDict[int, str]" = OrderedDict()
    for text, ref in zip(lines, refs):
        b, c, v = ref.split(":")
        if b == book and int(c) == chapter:
            sep = "" if lang == "zh" else " "
            out[int(v)] = (out[int(v)] + sep + text.strip()) if int(v) in out else text.strip()
    if not out:
        raise ValueError(f"no verses for {book} {chapter} in {BIBLE}")
    return out


def bible_paragraphs(lang: str, book: str, chapter: int, per: int = 5,
                     verses: int | None = None) -> list[str]:
    vs = list(bible_verses(lang, book, chapter).values())[:verses]
    sep = "" if lang == "zh" else " "
    return [sep.join(vs[i:i + per]) for i in range(0, len(vs), per)]


def with_notes(text: str, notes: list[str], every: int, start: int, kind: str = "foot",
               lang: str = "en") -> list:
    """Runs of ``text`` with a note after the first sentence end of every ``every``-th call,
    picking note texts round-robin from ``notes`` (state kept by the caller via ``start``)."""
    if every <= 0 or start % every:
        return [text]
    stop = "。" if lang == "zh" else ". "
    i = text.find(stop, 20)
    if i < 0 or i + 2 >= len(text):
        return [text]
    cut = i + 1 if lang == "zh" else i + 1
    note = notes[(start // every) % len(notes)]
    return [text[:cut], Note(note, kind=kind), text[cut:]]


# ------------------------------------------------------------------------- our own text
def tech_blocks(lang: str = "en") -> list:
    """Short measurement and network paragraphs written for this dev set: exponents, indices
    and R² that are NOT note callouts, compounds with real hyphens, a numbered procedure."""
    return [
        Para(["Samples were diluted to 10", Sup("−7"), " mol/L before each run, and the detection "
              "limit was estimated at 3 × 10", Sup("−9"), " mol/L. The calibration is a well-known "
              "source of error: a two-point calibration drifts by up to 4% over a long-term run, "
              "so the instrument was re-calibrated every forty minutes against a certified "
              "reference solution prepared the same day."]),
        Para(["The pressure ratio P", Sub("1"), "/P", Sub("2"), " was held constant while the flow "
              "rate Q", Sub("in"), " varied between runs. A state-of-the-art controller kept the "
              "ratio within 0.5 per cent, and the residual fluctuations were recorded by a "
              "high-resolution logger for the off-line analysis described below."]),
        Items([["Rinse the cell with deionised water and dry it at 60 °C."],
               ["Fill the cell with the sample and wait until the temperature settles."],
               ["Record three spectra and keep the median of the three readings."]], ordered=True),
        Table([[["Model"], ["Parameters"], ["R", Sup("2")], ["RMSE"]],
               [["Linear"], ["2"], ["0.913"], ["0.42"]],
               [["Quadratic"], ["3"], ["0.968"], ["0.27"]],
               [["Power law"], ["2"], ["0.981"], ["0.19"]]],
              caption="Table 1. Fit of three calibration models."),
        Para(["In the peer-to-peer network, every node keeps a copy of the ledger and checks each "
              "block with a proof-of-work rule before passing it on. The end-to-end delay grows "
              "with the number of hops, roughly as n", Sup("2"), " for a naive flooding protocol "
              "and as n log n for the gossip variant, which is why the implementation favours "
              "small, well-connected neighbourhoods over a fully meshed topology."]),
        Items([["Nodes announce new blocks to at most eight neighbours."],
               ["Each neighbour verifies the block before relaying it."],
               ["Orphaned blocks are kept for twenty-four hours, then dropped."]]),
        Para(["The water molecule H", Sub("2"), "O absorbs strongly near 2.7 µm, and carbon dioxide "
              "(CO", Sub("2"), ") near 4.3 µm; both bands were masked before the fit. The remaining "
              "spectrum was smoothed with a seven-point Savitzky–Golay filter, a cost-effective "
              "compromise between noise suppression and the preservation of narrow lines."]),
    ]
