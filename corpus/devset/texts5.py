"""Short texts written for the notes set (devset5): notes and measurement paragraphs.

The notes are of the kinds that trouble a reader of note areas: notes that open with a figure
(a year, a count, a volume number: after a label set on the line, "3 1998 edition" must still
read as note 3), notes that open with a citation in brackets, one-line glosses, and a long note
that runs on to the next page. Every note names its lemma (``place()`` in specs3.py), so no
two read alike. The measurement paragraphs put raised and lowered figures that are NOT
callouts (km², 10⁻³, CO₂, R², a table's own superscript ᵃ) next to real callouts.
"""
from __future__ import annotations

from docmodel import Heading, Note, Para, Sub, Sup, Table

NOTES5_EN = [
    "1998 edition, revised by the same editor; the earlier printing differs only in its index.",
    "Cited from the second volume, pp. 114\u2013117.",
    "2 vols., London, 1881; the passage stands in the first volume.",
    "[Editor's note] The sentence is missing from two of the older copies.",
    "A gloss: a measure of about twenty litres.",
    "Compare the catalogue at https://archive.example.net/catalogue/item/4471 (consulted 2 April 2024).",
    "The scribe of the older copy wrote the word twice and struck out the second, so the later "
    "editors disagree on whether the repetition was meant. Those who keep it read it as an "
    "emphasis, those who drop it as a slip of the pen; the reading adopted here follows the "
    "majority of the printed editions and the oldest surviving copy, and the repetition is left "
    "out of the text, although a case can be made for it on the grounds of the rhythm of the "
    "sentence, which is otherwise shorter than the sentences around it.",
    "12 of the 40 copies examined have this reading.",
]
NOTES5_ZH = [
    "1998年修订本，其余各版只在索引上有出入。",
    "见该书第二卷，第114\u2013117页。",
    "2卷本，1881年刊行，此段见于上卷。",
    "〔编者按〕旧抄本中有两种缺此一句。",
    "约合二十升。",
    "参见馆藏目录（https://archive.example.net.cn/mulu/4471），2024年4月2日访问。",
    "旧抄本的抄写者将此词重复写了两遍，又删去了第二遍，因此后来的校勘者对于重复是否有意看法不一："
    "保留者以为是加重语气，删去者以为是笔误。本书依从多数刊本和现存最早的抄本，不取重复之文；"
    "不过就句子的节奏而言，保留重复也有一定道理，因为不加重复时此句比前后各句都要短一些。",
    "所查40种抄本中有12种作此读法。",
]


def measures5(lang: str, note_kind: str = "foot") -> list:
    """A section of survey measurements: exponents, indices, R² and a table's superscript
    note mark ᵃ (raised, NOT callouts) beside two real callouts."""
    N = (lambda t: Note(t, kind=note_kind))
    if lang == "zh":
        return [
            Heading(1, "", "流域监测数据"),
            Para(["监测流域面积约38 km", Sup("2"), "，2022年共采样96次", N("其中6次因暴雨中止，未计入。"),
                  "。水样中硝酸盐浓度的检出限为5 × 10", Sup("\u22123"), " mg/L，溶解CO", Sub("2"),
                  "在夏季明显升高；径流量与降水量的线性拟合R", Sup("2"), "为0.87。"]),
            Table([[["站点"], ["面积（km", Sup("2"), "）"], ["采样次数"]],
                   [["上游站"], ["12.4", Sup("a")], ["32"]],
                   [["下游站"], ["25.6"], ["64"]]], caption="表1　监测站点概况"),
            Para(["注：a 为估算值。两站的数据按同一方法处理", N("方法见本报告第二部分。"), "。"]),
        ]
    return [
        Heading(1, "", "Monitoring the Catchment"),
        Para(["The catchment covers about 38 km", Sup("2"), " and was sampled 96 times in 2022",
              N("Six samplings stopped by storms are not counted."), ". Nitrate was detected down to "
              "5 × 10", Sup("\u22123"), " mg/L, dissolved CO", Sub("2"), " rose in summer, and the linear fit "
              "of runoff against rainfall gave R", Sup("2"), " = 0.87."]),
        Table([[["Station"], ["Area (km", Sup("2"), ")"], ["Samples"]],
               [["Upper"], ["12.4", Sup("a")], ["32"]],
               [["Lower"], ["25.6"], ["64"]]], caption="Table 1. The monitoring stations."),
        Para(["Both stations were processed by the same method", N("The method is set out in Part 2."),
              "; the area marked a is an estimate."]),
    ]
