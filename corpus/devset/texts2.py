"""Text sources of the held-out dev set (devset2), different from the first set's: other Bible
books and chapters (Leviticus and Numbers read like law; Genesis and Exodus chapters the first
set does not use), and texts written for this set in the style of real documents — a Chinese
regulation (规定: 第一章 … 第一条 …, items （一） inside articles), a Chinese notice (通知:
一、（一）1. …, 附件, signature and date), an English policy instrument (Article 1 …, Section
2.3, clauses 2.3.1, lists (a) (i)), and a thesis (abstract, keywords, contents, chapters,
figures, tables with numbers). The written texts are our own; nothing here is tuned on.
"""

from __future__ import annotations

from docmodel import (Abstract, Aside, Figure, Heading, Items, Note, Para, Sub, Sup, Table)
from texts import bible_paragraphs

# ------------------------------------------------------------------------- notes
NOTES2_EN = [
    "The full text is published at https://www.example.org/policy/2024/data-sharing.html (accessed 3 May 2024).",
    "As amended in 2021; earlier versions used the term \u201cpersonal information\u201d.",
    "See the explanatory memorandum, paragraph 14.",
    "Figures for 2023 are provisional and may be revised.",
    "The threshold follows the recommendation of the advisory board of 12 March 2022.",
    "A template is available at https://data.example.gov/templates/impact-assessment (accessed 9 June 2024).",
    "This section does not apply to archives held for historical research.",
    "Compare Article 7 of the model rules.",
]
NOTES2_ZH = [
    "全文见 https://www.example.gov.cn/zhengce/2024/content_123456.htm（2024年5月3日访问）。",
    "2021年修订前称为\u201c个人信息处理者\u201d。",
    "参见本规定起草说明第十四段。",
    "2023年数据为初步统计数，可能调整。",
    "该标准依据专家咨询委员会2022年3月12日的建议确定。",
    "模板可从 https://data.example.gov.cn/mb/pg.html 下载。",
    "本款不适用于为历史研究保存的档案。",
    "参照示范规则第七条。",
]
BIB_NOTES_EN = [
    "Hebrew: a word of uncertain meaning.", "Or, a sin offering.", "The Greek version adds: and his sons.",
    "That is, about eleven litres.", "Or, shall be cut off.", "Literally, the fat of the kidneys.",
]
BIB_NOTES_ZH = ["原文此词意义不详。", "或译\u201c赎罪祭\u201d。", "希腊文译本有\u201c和他的儿子\u201d。",
                "约合十一升。", "或译\u201c必被剪除\u201d。", "原文直译为\u201c腰子上的脂油\u201d。"]


# ------------------------------------------------------------------------- a Chinese regulation
REG_ZH: list[tuple[str, list]] = [
    ("总则", [
        "为了规范公共数据开放活动，提高公共数据开放的质量和效率，保障数据安全，促进数字经济发展，根据有关法律、法规，结合本市实际，制定本规定。",
        "本市行政区域内公共数据开放及其相关管理活动，适用本规定。涉及国家秘密的公共数据，依照有关保密法律、法规的规定执行。",
        ("本规定所称公共数据，是指下列单位在依法履行职责或者提供公共服务过程中收集、产生的数据：", [
            "本市各级行政机关；", "履行公共管理和服务职能的事业单位；",
            "提供供水、供电、供气、公共交通等公共服务的企业。"]),
        "公共数据开放应当遵循需求导向、安全可控、分级分类、统一标准的原则，依法最大限度地向社会开放。",
    ]),
    ("开放目录与分级", [
        "市数据主管部门应当会同有关部门编制公共数据开放目录，并根据经济社会发展需要和数据安全状况，每年至少更新一次。",
        ("公共数据按照开放属性分为以下三类：", [
            "无条件开放类，指可以提供给所有自然人、法人和非法人组织使用的公共数据；",
            "有条件开放类，指在约定条件下提供给特定对象使用的公共数据；",
            "非开放类，指涉及个人隐私、商业秘密或者依法不得开放的公共数据。"]),
        "列入非开放类的公共数据，应当有法律、法规或者国家有关规定作为依据，并说明理由。",
        "数据提供单位对所提供数据的准确性、完整性和时效性负责，发现数据有误的，应当在五个工作日内予以更正。",
    ]),
    ("开放平台与利用", [
        "市数据主管部门负责建设全市统一的公共数据开放平台，各数据提供单位应当通过开放平台开放公共数据，不得另行建设开放渠道。",
        "自然人、法人和非法人组织可以通过开放平台获取无条件开放类公共数据，无需申请。",
        ("申请获取有条件开放类公共数据的，应当向开放平台提交下列材料：", [
            "数据利用的目的和场景说明；", "数据安全保障措施；", "申请单位或者个人的身份证明。"]),
        "数据利用主体应当按照开放平台的要求使用数据，不得将获取的数据用于违法活动，不得以任何方式重新识别已经去标识化处理的个人信息。",
    ]),
    ("安全保障", [
        "数据提供单位应当建立公共数据开放安全管理制度，落实数据分类分级保护要求，对开放数据进行安全评估。",
        "开放平台发现数据利用主体违反约定使用数据的，应当立即中止其数据获取，并通知相关数据提供单位。",
        "发生数据安全事件的，有关单位应当立即启动应急预案，采取补救措施，并按照规定向主管部门报告。",
    ]),
    ("附则", [
        "本规定自2025年1月1日起施行。",
    ]),
]

def zh_num(n: int) -> str:
    d = "零一二三四五六七八九十"
    return d[n] if n <= 10 else ("十" + d[n - 10] if n < 20 else d[n // 10] + "十" + (d[n % 10] if n % 10 else ""))


def regulation_zh(note_every: int = 5, with_notes: bool = True) -> list:
    """第一章 … headings (level 1) and 第一条 … articles (clauses); an article that lists items
    prints them as （一）（二）… list items — inside an article, never headings."""
    blocks: list = []
    art = 0
    for ci, (title, arts) in enumerate(REG_ZH, 1):
        blocks.append(Heading(1, f"第{zh_num(ci)}章", title))
        for a in arts:
            art += 1
            text, items = (a, None) if isinstance(a, str) else a
            runs: list = [text]
            if with_notes and note_every and art % note_every == 2:
                cut = text.find("，") + 1 or len(text)
                runs = [text[:cut], Note(NOTES2_ZH[(art // note_every) % len(NOTES2_ZH)]), text[cut:]]
                runs = [r for r in runs if r != ""]
            blocks.append(Para(runs, role="clause", number=f"第{zh_num(art)}条"))
            if items:
                blocks.append(Items([[t] for t in items], ordered=True, label="（一）"))
    return blocks


# ------------------------------------------------------------------------- a Chinese notice
def notice_zh() -> tuple[list, list]:
    """(front, blocks) of a 通知: 主送 line, 一、 headings, （一） subheadings, numbered 1. items
    inside the text, a table with numbers, 附件 and 落款. Returns the addressee paragraph apart."""
    blocks: list = [
        Para(["各区人民政府，市政府各委、办、局："], role="front"),
        Para(["为贯彻落实公共数据开放工作部署，进一步提升数据开放质量，经市政府同意，现就做好2025年度公共数据开放工作通知如下。"]),
        Heading(1, "一、", "总体要求"),
        Para(["以需求为导向，以安全为底线，坚持统筹推进与分类施策相结合，推动更多高价值数据有序开放。到2025年底，全市开放数据集总数达到3,000个以上，其中有条件开放类数据集不少于600个", Note(NOTES2_ZH[3]), "，数据更新及时率达到95%以上。"]),
        Heading(1, "二、", "重点任务"),
        Heading(2, "（一）", "扩大开放范围"),
        Para(["各数据提供单位应当对照开放目录，全面梳理本单位数据资源，重点推动交通、医疗、教育、气象等领域数据开放。具体包括："]),
        Items([["按季度更新已开放数据集，确保数据时效；"], ["对社会需求较高的数据，优先列入年度开放计划；"],
               ["对暂不具备开放条件的数据，说明原因并明确开放时间表。"]], ordered=True, label="1."),
        Heading(2, "（二）", "提升数据质量"),
        Para(["建立数据质量评价机制，从完整性、准确性、一致性和时效性四个方面对开放数据进行评价。评价结果纳入年度考核", Note(NOTES2_ZH[4]), "，对连续两个季度评价不合格的数据集，督促限期整改。"]),
        Table([[["序号"], ["指标"], ["2024年"], ["2025年目标"]],
               [["1."], ["开放数据集数"], ["2,416"], ["3,000"]],
               [["2."], ["有条件开放数"], ["457"], ["600"]],
               [["3."], ["数据更新及时率"], ["91.2%"], ["95%"]]],
              caption="表1　公共数据开放主要指标"),
        Heading(2, "（三）", "强化安全管理"),
        Para(["各单位应当落实数据安全主体责任，开放前开展安全评估，开放后加强利用监测。发现异常调用的，应当及时处置并报告市数据主管部门。"]),
        Heading(1, "三、", "保障措施"),
        Para(["市数据主管部门负责统筹协调，定期通报工作进展。各区、各部门要明确分管领导和责任处室，于2025年3月31日前报送年度开放计划", Note(NOTES2_ZH[5]), "。"]),
        Para(["附件：1．2025年度公共数据开放重点清单　2．数据质量评价指标"], role="front"),
        Para(["市数据管理局"], role="front"),
        Para(["2025年1月15日"], role="front"),
    ]
    return blocks


# ------------------------------------------------------------------------- an English instrument
POLICY_EN: list[tuple[str, list]] = [
    ("Purpose and Scope", [
        ("1.1", "This Policy sets out the rules under which public bodies make the data they hold available for re-use, and the safeguards that apply to such re-use."),
        ("1.2", "This Policy applies to every public body listed in Schedule 1 and to any contractor that holds data on behalf of such a body."),
    ]),
    ("Definitions", [
        ("2.1", "In this Policy, \u201cdata\u201d means any record, whatever its form, held by a public body in the course of its functions."),
        ("2.2", "\u201cOpen data\u201d means data that anyone may access, use and share without restriction, save for the requirement to acknowledge its source."),
        ("2.3", "\u201cRestricted data\u201d means data that may be made available only to a named recipient under a data-sharing agreement."),
    ]),
    ("Classification", [
        ("3.1", "Each public body shall classify the data it holds as open, restricted or closed, and shall review each classification at least once every twelve months."),
        ("3.2", ["Data shall be classified as closed where its release would:"]),
        ("3.3", "A decision to classify data as closed shall state the reasons for that decision and shall be published in the register of decisions."),
    ]),
    ("Publication and Re-use", [
        ("4.1", "Open data shall be published on the national portal in a machine-readable format, together with a description of its content, its update frequency and its licence."),
        ("4.2", "A person who re-uses open data shall not present it in a way that suggests the endorsement of the public body concerned."),
        ("4.3", "Requests for restricted data shall be answered within twenty working days of receipt."),
    ]),
    ("Review", [
        ("5.1", "The Data Board shall review the operation of this Policy every three years and shall report its findings to the Minister."),
    ]),
]
CLOSED_ITEMS = [["identify a natural person, directly or indirectly;"],
                ["prejudice national security, public safety or the prevention of crime; or"],
                ["infringe a right protected by law, including a right in intellectual property."]]


def policy_en(heading: str = "Article", note_every: int = 3, items_label: str = "(a)",
              clause_as_heading: bool = False) -> list:
    """Article 1 … headings (level 1, number 'Article 1'); numbered clauses 1.1, 1.2 … (or,
    with ``clause_as_heading``, level-2 headings 'Section 1.1' over the clause text); a list
    (a) (b) (c) inside a clause that must not become headings."""
    blocks: list = []
    k = 0
    for ai, (title, clauses) in enumerate(POLICY_EN, 1):
        blocks.append(Heading(1, f"{heading} {ai}" if heading else f"{ai}.", title))
        for num, text in clauses:
            k += 1
            runs = text if isinstance(text, list) else [text]
            if note_every and k % note_every == 1 and isinstance(text, str):
                cut = text.find(", ") + 1 or len(text)
                runs = [text[:cut], Note(NOTES2_EN[(k // note_every) % len(NOTES2_EN)]), text[cut:]]
                runs = [r for r in runs if r != ""]
            if clause_as_heading:
                blocks.append(Heading(2, f"Section {num}", _short(text)))
                blocks.append(Para(list(runs)))
            else:
                blocks.append(Para(list(runs), role="clause", number=num))
            if num == "3.2":
                blocks.append(Items([list(i) for i in CLOSED_ITEMS], ordered=True, label=items_label))
    return blocks


def _short(text) -> str:
    """The side title of a clause set as 'Section 2.3 Restricted Data'."""
    t = text if isinstance(text, str) else text[0]
    return _TITLES_EN[t[:20]]


_TITLES_EN = {}
for _a, _cl in POLICY_EN:
    for _n, _t in _cl:
        _s = _t if isinstance(_t, str) else _t[0]
        _TITLES_EN[_s[:20]] = {"1.1": "Purpose", "1.2": "Application", "2.1": "Data",
                               "2.2": "Open Data", "2.3": "Restricted Data", "3.1": "Duty to Classify",
                               "3.2": "Closed Data", "3.3": "Reasons", "4.1": "Publication",
                               "4.2": "Attribution", "4.3": "Time Limits", "5.1": "Periodic Review"}[_n]


# ------------------------------------------------------------------------- a thesis
ABSTRACT_EN = [
    "This thesis studies how public bodies classify and publish the data they hold, and how far the rules they follow explain the quality of what is published. Using the registers of 214 bodies over five years, it measures completeness, timeliness and consistency, and relates them to the classification rules in force.",
    "The results show that explicit reasons for closing data go together with more complete publication, while the frequency of review matters less than expected. The thesis ends with recommendations for the design of open-data rules.",
]
ABSTRACT_ZH = [
    "本文研究公共机构如何对所持有的数据进行分类和开放，以及其所遵循的规则在多大程度上能够解释开放数据的质量。本文利用214个机构五年间的登记数据，测度了开放数据的完整性、及时性和一致性，并将其与现行分类规则相联系。",
    "研究表明，明确说明不开放理由的规则与更完整的数据开放相伴随，而复核频率的作用小于预期。最后，本文就开放数据规则的设计提出了建议。",
]


def thesis_chapters(lang: str, *, level3: bool = False, note_kind: str = "foot",
                    figures: bool = True, filler=(("Lev", 19), ("Num", 6), ("Lev", 26))) -> list:
    """Chapters of a thesis: background, method (a table with numbers, exponents and indices,
    a numbered list with '1)' labels), results (a figure), conclusion; Bible chapters as the
    long quoted material of a humanities thesis."""
    zh = lang == "zh"
    N = NOTES2_ZH if zh else NOTES2_EN
    fill = [p for b, c in filler for p in bible_paragraphs(lang, b, c, per=4, verses=16)]
    f = iter(fill)
    B: list = []
    # chapter 1
    B.append(Heading(1, "", "绪论" if zh else "Introduction"))
    B.append(Heading(2, "", "研究背景" if zh else "Background"))
    B.append(Para(["近年来，各国政府相继出台数据开放政策", Note(N[0], kind=note_kind), "。然而，开放数据的质量参差不齐，既有研究多关注开放数量，较少讨论规则本身的作用。"] if zh else
                  ["Over the past decade governments have adopted open-data policies", Note(N[0], kind=note_kind),
                   ". The quality of what they publish varies widely, and most studies count datasets rather than ask what the rules themselves do."]))
    B.append(Para([next(f)]))
    B.append(Heading(2, "", "研究问题" if zh else "Research Questions"))
    B.append(Para(["本文回答以下问题：" if zh else "The thesis asks the following questions:"]))
    B.append(Items([["分类规则是否影响开放数据的完整性？"], ["复核频率是否影响数据的及时性？"], ["规则之间是否存在相互作用？"]] if zh else
                   [["Do classification rules affect the completeness of open data?"],
                    ["Does the frequency of review affect timeliness?"],
                    ["Do the rules interact with one another?"]], ordered=True, label="1)"))
    B.append(Para([next(f)]))
    # chapter 2
    B.append(Heading(1, "", "研究方法" if zh else "Method"))
    B.append(Heading(2, "", "数据来源" if zh else "Data"))
    B.append(Para(["样本包括214个机构2019年至2023年的登记记录，共计1.2 × 10", Sup("5"), "条。每条记录包含数据集名称、开放类别、更新日期等字段", Note(N[3], kind=note_kind), "。"] if zh else
                  ["The sample holds the register entries of 214 bodies from 2019 to 2023, about 1.2 × 10", Sup("5"),
                   " records in all. Each record gives the name of a dataset, its class and the date of its last update", Note(N[3], kind=note_kind), "."]))
    if level3:
        B.append(Heading(3, "", "变量定义" if zh else "Variables"))
    B.append(Para(["完整性指标记为C", Sub("i"), "，及时性指标记为T", Sub("i"), "，二者均取值于0到1之间。"] if zh else
                  ["Completeness is written C", Sub("i"), " and timeliness T", Sub("i"),
                   " for body i; both lie between 0 and 1, and their product is used as a summary score."]))
    B.append(Table([[["序号"] if zh else ["No."], ["变量"] if zh else ["Variable"], ["均值"] if zh else ["Mean"], ["标准差"] if zh else ["SD"]],
                    [["1."], ["C", Sub("i")], ["0.71"], ["0.18"]],
                    [["2."], ["T", Sub("i")], ["0.64"], ["0.22"]],
                    [["3."], ["R", Sup("2")], ["0.38"], ["—"]]],
                   caption="表2-1　主要变量的描述统计" if zh else "Table 2.1. Descriptive statistics of the main variables."))
    if level3:
        B.append(Heading(3, "", "估计方法" if zh else "Estimation"))
    B.append(Para([next(f)]))
    B.append(Para([next(f)]))
    # chapter 3
    B.append(Heading(1, "", "研究结果" if zh else "Results"))
    B.append(Heading(2, "", "分类规则的作用" if zh else "The Effect of Classification Rules"))
    B.append(Para(["要求说明不开放理由的机构，其完整性指标平均高出0.09", Note(N[4], kind=note_kind), "。这一差异在控制机构规模后仍然显著。"] if zh else
                  ["Bodies that must state reasons for closing data score 0.09 higher on completeness", Note(N[4], kind=note_kind),
                   ". The difference remains after controlling for the size of the body."]))
    if figures:
        B.append(Figure("图3-1　各类机构完整性指标的分布" if zh else "Figure 3.1. Distribution of completeness by kind of body."))
    B.append(Para([next(f)]))
    B.append(Heading(2, "", "复核频率的作用" if zh else "The Effect of Review"))
    B.append(Para([next(f)]))
    B.append(Para([next(f)]))
    # chapter 4
    B.append(Heading(1, "", "结论" if zh else "Conclusion"))
    B.append(Para(["本文的发现表明，规则的设计比规则的数量更重要。今后的研究可以进一步考察规则执行的差异", Note(N[5], kind=note_kind), "。"] if zh else
                  ["The findings suggest that the design of the rules matters more than their number. Further work could examine how the rules are applied in practice", Note(N[5], kind=note_kind), "."]))
    B.append(Para([next(f)]))
    return B


# ------------------------------------------------------------------------- Bible (other books)
BIB_TITLES = {
    ("Lev", 19): ("Laws of Holiness", "圣洁的律例"), ("Lev", 23): ("The Appointed Feasts", "节期"),
    ("Lev", 25): ("The Sabbath Year and the Jubilee", "安息年和禧年"), ("Lev", 26): ("Blessings and Curses", "祝福与咒诅"),
    ("Num", 6): ("The Nazirite Vow", "拿细耳人的条例"), ("Num", 9): ("The Passover in the Wilderness", "在旷野守逾越节"),
    ("Num", 13): ("The Spies Sent into Canaan", "窥探迦南地"), ("Num", 20): ("Water from the Rock", "磐石出水"),
    ("Num", 22): ("Balaam and the Donkey", "巴兰和驴"), ("Gen", 24): ("A Wife for Isaac", "为以撒娶妻"),
    ("Gen", 28): ("Jacob's Dream", "雅各的梦"), ("Gen", 41): ("Pharaoh's Dreams", "法老的梦"),
    ("Gen", 45): ("Joseph Makes Himself Known", "约瑟与兄弟相认"), ("Exo", 12): ("The Passover", "逾越节"),
    ("Exo", 15): ("The Song of Moses", "摩西的歌"), ("Exo", 19): ("At Mount Sinai", "在西奈山"),
    ("Exo", 32): ("The Golden Calf", "金牛犊"), ("Exo", 33): ("The Presence of the Lord", "耶和华的同在"),
}


def sidebar(lang: str = "en") -> Aside:
    return Aside("Box 1. What counts as open data?" if lang == "en" else "专栏1　什么是开放数据",
                 ["Open data can be used by anyone, for any purpose, with no more than a duty to name "
                  "the source. A dataset behind a login or under a licence that forbids commercial use "
                  "is not open in this sense." if lang == "en" else
                  "开放数据是任何人都可以为任何目的使用的数据，使用者至多负有注明来源的义务。"])
