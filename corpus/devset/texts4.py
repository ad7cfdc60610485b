"""Text sources of the fourth dev set (devset4, held out): texts written for this set, sharing
nothing with the other three sets (no Bible chapters, no WIC report, no open-data policy):

- a municipal report on urban heat and public health (English and Chinese, written apart, not
  translations of each other), with figures, exponents and a list of recommendations;
- an academic paper on reading on screen and on paper by bilingual readers (abstract, keywords,
  method, results), its notes citing fictitious works with example DOIs and URLs;
- a regulation on community energy cooperatives (Parts with clauses 1.1 … and (a) items; 第一章
  with 第一条 … and （一） items);
- a short local history of a fictitious harbour town in chapters (for book-like templates).

In the paragraph strings ``{n}`` marks a note callout (the next note of the document's note
list), ``{^x}`` a superscript and ``{_x}`` a subscript that are NOT callouts. :func:`runs`
turns a string into the model's runs.
"""

from __future__ import annotations

import re

from docmodel import Note, Sub, Sup

# ------------------------------------------------------------------------- notes
NOTES4_EN = [
    "City of Eastbridge, Heat Action Plan (adopted 14 June 2019), section 3, https://www.example.gov/eastbridge/heat-plan-2019.pdf.",
    "Readings of the airport station, which lies outside the built-up area and so understates the heat in the centre.",
    "Okafor, L. and Brandt, M. (2021). Mortality in the heat wave of July 2018. Journal of Urban Health Studies 12(3), 201\u2013219.",
    "The register counts addresses, not persons; a household of two elderly people counts once.",
    "Opening hours were extended to 22:00 from the summer of 2022; see the council minutes of 9 March 2022.",
    "Surface temperatures were measured from the air on 2 August 2023 at 14:30; see https://data.example.org/heat/flight-2023-08-02 (accessed 5 May 2024).",
    "The figure excludes trees planted on private land with a municipal grant.",
    "Volunteers were trained in a two-hour course; the course material is published under an open licence.",
    "Compare the estimate of the national statistics office for the same years, which uses a wider definition of excess deaths.",
    "Interviews were held between October 2023 and January 2024 and recorded with the consent of every participant.",
    "Halvorsen, K. (2017). Reading in a second language on screens. Reading Research Review 29(1), 44\u201361. https://doi.org/10.5555/rrr.2017.0044.",
    "Lindqvist, A., Moreau, P. and Tan, S. (2020). Scrolling and recall. Proceedings of the Conference on Reading and Media, 112\u2013121.",
    "The test is described in full at https://osf.example.org/reading-recall-test/ (version 2.1, 3 February 2022).",
    "Two participants who did not complete the second session are left out of every analysis.",
    "Mean and standard deviation over participants; the per-text values are in the supplementary tables.",
    "We thank the school libraries that lent the printed copies.",
]
NOTES4_ZH = [
    "《东港市高温应对行动方案》（2019年6月14日印发）第三部分，https://www.example.gov.cn/donggang/gaowen-2019.pdf。",
    "数据取自城郊气象站，该站位于建成区以外，所测气温低于中心城区。",
    "参见王立新、陈思远：《2018年7月高温过程中的超额死亡》，载《城市公共卫生》2021年第3期，第201—219页。",
    "登记以户为单位统计，两位老人同住的家庭只计一次。",
    "自2022年夏季起开放时间延长至22时，见市政府2022年3月9日常务会议纪要。",
    "地表温度系2023年8月2日14时30分航测所得，数据见 https://data.example.cn/gaowen/hangce-20230802（2024年5月5日访问）。",
    "不含居民在自有土地上利用市级补贴种植的树木。",
    "志愿者须参加两小时培训，培训教材已按开放许可发布。",
    "国家统计部门对同期超额死亡的估计口径更宽，可资比较。",
    "访谈于2023年10月至2024年1月间进行，均经受访者同意后录音。",
    "参见刘晓梅：《第二语言屏幕阅读研究述评》，载《阅读研究》2017年第1期，第44—61页。",
    "参见林启明、莫丽、谭松：《滚屏与记忆》，载《阅读与媒介学术会议论文集》，2020年，第112—121页。",
    "测验全文见 https://osf.example.cn/yuedu-ceyan/（第2.1版，2022年2月3日）。",
    "两名被试未参加第二次测试，所有分析均不含其数据。",
    "表中数值为被试平均值及标准差，各篇文本的数值见补充材料。",
    "感谢各校图书馆出借纸质读本。",
    "本条所称“社员大会”，包括依照章程召开的社员代表大会。",
    "盈余的计算方法依照财政部门的有关规定执行。",
]

# ------------------------------------------------------------------------- a municipal report
# sections: (title, [(subsection title or "", [paragraph strings])])
REPORT_EN = [
    ("Introduction", [("", [
        "Summers in the cities of the region have grown hotter and longer over the past three decades. The number of days above 30 \u00b0C at the central station has roughly doubled since the 1990s{n}, and nights that do not cool below 20 \u00b0C, once rare, now occur in most Julys. This report reviews what the municipalities of the region have done about the effects of heat on health between 2015 and 2024.",
        "The review draws on council documents, on the registers kept by social services, and on interviews with staff and residents. It does not attempt a full account of the costs, which the municipalities record in different ways; where figures are given, they are those published by the municipality concerned.",
    ])]),
    ("The Scale of the Problem", [
        ("Heat Waves in the Record", [
            "The heat wave of July 2018 lasted eleven days and was followed by some 340 deaths more than the average of the same weeks in the five previous years{n}. Most of the excess fell on people over seventy-five, and most of them died at home rather than in hospital.",
            "Later heat waves were shorter but no less intense. In August 2022 the temperature in the old town reached 38.4 \u00b0C, while a density of about 1.2 \u00d7 10{^4} inhabitants per km{^2} left little shade and little air movement in the narrow streets.",
        ]),
        ("Who Is Most Exposed", [
            "Exposure depends as much on housing as on age. Top-floor flats under uninsulated roofs, rooms facing south-west and buildings without cross-ventilation all keep the heat of the day well into the night. Social services identified 2,650 addresses where an elderly person lives alone{n}, and a third of them are in such buildings.",
            "The register of social services marks three kinds of dwelling as the most exposed:",
        ]),
    ]),
    ("Municipal Responses", [
        ("Early Warning and Cooling Centres", [
            "All five municipalities now issue heat warnings on the forecasts of the weather service, in three levels that trigger fixed actions. At the second level, libraries, community halls and two shopping centres open as cooling centres with water, seating and a first-aid point{n}.",
            "Use of the cooling centres was modest in the first years and grew once buses began to stop at their doors. Staff report that visitors come less for the cool air than for company, which suggests that the centres also reach people whom a warning alone would not move.",
        ]),
        ("Trees, Roofs and Shade: Changing the Fabric of the City over Several Decades", [
            "The slower response is physical. Since 2016 the municipalities have planted about 9,800 street trees{n}, replaced dark roofing on 140 public buildings and added shade sails over playgrounds. Aerial measurements show surface temperatures up to 12 \u00b0C lower under mature canopy than on open asphalt nearby{n}.",
        ]),
        ("Outreach to Residents Living Alone", [
            "During a warning, volunteers telephone the residents on the register at least once a day{n}. A resident who does not answer twice receives a visit. In 2023 the volunteers made some 21,000 calls and 430 visits, and in nineteen cases they called an ambulance.",
        ]),
    ]),
    ("Evaluation", [("", [
        "It is difficult to show that these measures saved lives, because heat waves differ from one summer to the next and deaths are few in any one municipality. A comparison with the neighbouring region, which adopted warnings later, suggests a smaller excess mortality in comparable heat{n}, but the confidence interval is wide.",
        "The interviews point to simpler lessons. Residents trusted a voice they knew, preferred a short call to a leaflet, and valued being asked what they needed{n}. Staff asked for warnings that come a day earlier and for a single register shared across services.",
    ])]),
    ("Recommendations", [("", [
        "The report makes the following recommendations to the councils of the region:",
    ])]),
    ("Conclusion", [("", [
        "Heat is now a regular feature of summer in the region, and its effects on health are concentrated among people who are old, alone and badly housed. The municipalities have built a response that works at the level of the neighbourhood; what it needs now is steady funding and a shared record of what has been done.",
    ])]),
]
RECOMMENDATIONS_EN = [
    "keep the register of residents living alone up to date and share it between services;",
    "fund the cooling centres for the whole season rather than from warning to warning;",
    "plant and water street trees in the districts with the least canopy first; and",
    "publish each summer a short account of the warnings issued and the actions taken.",
]

REPORT_ZH = [
    ("基本情况", [("", [
        "近三十年来，本地区各城市的夏季明显变热、变长。中心气象站日最高气温超过30℃的天数比上世纪九十年代增加了约一倍{n}，夜间最低气温不低于20℃的“热夜”过去少见，如今七月已属常态。本报告回顾2015年至2024年间各市应对高温健康影响的主要做法。",
        "报告依据各市政府文件、民政部门登记资料以及对工作人员和居民的访谈编写。由于各市统计口径不一，报告不作全面的成本核算；所引数据均为各市公开发布的数据。",
    ])]),
    ("高温影响", [
        ("历次高温过程", [
            "2018年7月的高温过程持续十一天，同期死亡人数比前五年同期平均多出约340人{n}。超额死亡者多为七十五岁以上老人，且多数在家中而非医院去世。",
            "此后几次高温过程持续时间较短，但强度不减。2022年8月，老城区气温达到38.4℃，而每平方千米约1.2 × 10{^4}人的人口密度，使狭窄街巷既少遮阴，又不通风。",
        ]),
        ("高温暴露人群", [
            "高温暴露程度与住房条件的关系不亚于与年龄的关系。屋顶未做保温的顶层住房、朝西南的房间以及不能对流通风的楼房，都会把白天的热量保留到深夜。民政部门共登记独居老人住址2650处{n}，其中约三分之一位于此类楼房。",
            "民政部门的登记册将以下三类住房列为暴露程度最高的住房：",
        ]),
    ]),
    ("应对措施", [
        ("预警与避暑场所", [
            "五个市目前均依据气象部门预报发布高温预警，预警分为三级，每一级对应固定的处置措施。启动二级预警后，图书馆、社区活动中心和两处商场作为避暑场所开放，提供饮用水、座椅和急救点{n}。",
            "避暑场所开放初期使用者不多，公交车在门口设站后人数明显增加。工作人员反映，来访者看重的与其说是凉爽，不如说是有人作伴。这说明避暑场所也能惠及仅靠预警难以动员的人群。",
        ]),
        ("增加树荫与改造屋顶：在几十年时间里改变城市的肌理", [
            "见效较慢的是城市空间的改造。2016年以来，各市共种植行道树约9800株{n}，为140座公共建筑更换了深色屋面，并在儿童游乐场上方加装遮阳帆。航测结果显示，成熟树冠下的地表温度比附近裸露沥青路面低约12℃{n}。",
        ]),
        ("独居居民联络", [
            "预警期间，志愿者每天至少给登记在册的居民打一次电话{n}。两次无人接听的，上门探访。2023年志愿者共拨打电话约21000次、上门探访430次，其中19次呼叫了救护车。",
        ]),
    ]),
    ("效果评估", [("", [
        "这些措施是否挽救了生命，很难直接证明：各年高温过程不同，单个城市的死亡人数又少。与较晚建立预警制度的邻近地区相比，本地区在相近高温条件下的超额死亡较少{n}，但置信区间较宽。",
        "访谈得出的经验更为朴素：居民信任熟悉的声音，宁要一通简短的电话而不要一份传单，并且看重被问到自己需要什么{n}。工作人员则希望预警能提前一天发布，并建立各部门共用的统一登记册。",
    ])]),
    ("工作建议", [("", [
        "本报告向各市政府提出以下建议：",
    ])]),
    ("结语", [("", [
        "高温已成为本地区夏季的常态，其健康影响集中在高龄、独居、住房条件差的人群。各市已建立起以社区为单位的应对体系，当前需要的是稳定的经费保障和各部门共享的工作记录。",
    ])]),
]
RECOMMENDATIONS_ZH = [
    "及时更新独居居民登记册，并在各部门之间共享；",
    "避暑场所经费按整个夏季安排，不再随预警临时拨付；",
    "优先在树冠覆盖率最低的街区种植并养护行道树；",
    "每年夏季结束后公布预警发布情况和采取的措施。",
]

# ------------------------------------------------------------------------- an academic paper
ABSTRACT4_EN = [
    "We compared the reading speed and recall of 96 bilingual secondary-school students who read expository texts on screen and on paper, in their first and in their second language. Reading on screen was slightly faster but gave lower recall of details, and the difference in recall was larger in the second language. We discuss what these results mean for schools that move reading material to tablets.",
]
ABSTRACT4_ZH = [
    "本研究比较了96名双语中学生在屏幕和纸面上阅读说明文时的阅读速度与回忆成绩，阅读材料分别使用其第一语言和第二语言。结果表明，屏幕阅读速度略快，但细节回忆成绩较低，且这一差异在第二语言中更为明显。文章最后讨论了上述结果对以平板电脑替代纸质读本的学校的启示。",
]
PAPER_EN = [
    ("Introduction", [("", [
        "Schools in many countries are replacing printed reading material with tablets and laptops. The change is usually justified by cost and convenience, and it is rarely asked whether students read as well on screen as on paper. For students who read in a second language, the question is sharper, because any extra effort the medium demands comes on top of the effort of the language.",
        "Earlier studies found a small advantage of paper for comprehension of longer texts{n}, and some found that scrolling in particular harms the memory of where information appeared on the page{n}. Few studies have tested bilingual readers in both their languages, and fewer still with school-age readers.",
    ])]),
    ("Related Work", [("", [
        "Research on reading media has moved from speed, which differed greatly when screens were poor, to comprehension and recall, which differ less but more persistently. A recurring finding is that readers judge their own understanding of screen texts too generously and stop studying them too early.",
        "Second-language reading draws on a slower word recognition and a smaller vocabulary, and readers compensate by rereading. Whether a medium that discourages rereading affects second-language readers more is the question of this study.",
    ])]),
    ("Method", [
        ("Participants", [
            "Ninety-eight students aged 15 to 17 from four schools took part, of whom 96 completed both sessions{n}. All had spoken the first language at home since birth and had learnt the second at school for at least seven years.",
        ]),
        ("Materials", [
            "Eight expository texts of about 900 words each were written for the study, four in each language, on topics from geography and biology. Each text was printed on three A4 pages and shown on a tablet as one scrolling page in the same font and size.",
        ]),
        ("Procedure", [
            "Each student read four texts in each of two sessions a week apart, with medium and language balanced across sessions. After each text the student answered twelve recall questions without looking back{n}. The procedure had three fixed steps:",
        ]),
    ]),
    ("Results", [
        ("Reading Speed", [
            "Students read on screen at 182 words per minute on average and on paper at 174, a small but consistent difference{n}. The difference was the same in both languages, although reading in the second language was slower by about a quarter in either medium.",
        ]),
        ("Recall", [
            "Recall of main ideas did not differ between media. Recall of details was lower on screen by 0.6 questions in the first language and by 1.4 questions in the second, and the interaction of medium and language was reliable (F = 9.7, p < 0.01, R{^2} = 0.09). The effect was strongest for details that appeared in the lower half of a page.",
        ]),
    ]),
    ("Discussion", [("", [
        "The results agree with the view that screens encourage a faster, shallower reading, and they add that the cost of this reading falls more heavily on the weaker language. Students seem to read the second language on screen at the pace they would use for the first, and to lose details as a result.",
        "For schools, the practical conclusion is modest: tablets are adequate for texts read for the gist, while texts that must be studied in detail, especially in a second language, are better read on paper or with tools that encourage rereading{n}.",
    ])]),
    ("Limitations and Further Work", [("", [
        "The texts were short and the recall test came immediately after reading. Longer texts, delayed tests and readers of other ages may give a different picture, and a study that records where readers look on the page would show whether rereading explains the difference.",
    ])]),
]
# list items that open with a bold term and a capital, as numbered list items that resemble
# numbered headings do ("1) Reading. The student …")
PROCEDURE_EN = [("Reading.", " The student reads the text at their own pace, on screen or on paper."),
                ("Recall.", " The student answers the twelve questions on a separate sheet."),
                ("Rating.", " The student rates the difficulty of the text on a five-point scale.")]
PAPER_ZH = [
    ("引言", [("", [
        "许多国家的学校正在以平板电脑和笔记本电脑取代纸质阅读材料。这种转变通常以成本和便利为理由，却很少有人追问学生在屏幕上的阅读效果是否与纸面相当。对于用第二语言阅读的学生而言，这一问题更加突出，因为阅读媒介带来的额外负担会叠加在语言本身的负担之上。",
        "已有研究发现，纸面阅读在较长文本的理解上略有优势{n}；也有研究发现，滚屏尤其会削弱读者对信息在页面上所处位置的记忆{n}。以双语读者为对象、同时考察其两种语言的研究不多，以中学生为对象的更少。",
    ])]),
    ("文献综述", [("", [
        "关于阅读媒介的研究，早期关注阅读速度——当时屏幕质量较差，速度差异很大；近年来转向理解与回忆——差异较小，但更为稳定。一个反复出现的发现是，读者往往高估自己对屏幕文本的理解，因而过早结束学习。",
        "第二语言阅读依赖较慢的词汇识别和较小的词汇量，读者通常以反复阅读加以弥补。不利于反复阅读的媒介是否对第二语言读者影响更大，正是本研究要回答的问题。",
    ])]),
    ("研究方法", [
        ("被试", [
            "来自四所学校的98名15至17岁学生参加了研究，其中96人完成了两次测试{n}。所有被试自出生起在家中使用第一语言，并在学校学习第二语言至少七年。",
        ]),
        ("材料", [
            "研究编写了八篇约900词（字）的说明文，两种语言各四篇，内容涉及地理和生物。每篇文本印成三页A4纸，并以相同字体和字号在平板电脑上显示为一个滚动页面。",
        ]),
        ("程序", [
            "每名学生分两次测试，间隔一周，每次阅读四篇文本，媒介和语言在两次测试之间加以平衡。每读完一篇，学生在不回看原文的情况下回答十二道回忆题{n}。测试分为以下三个步骤：",
        ]),
    ]),
    ("研究结果", [
        ("阅读速度", [
            "学生在屏幕上的平均阅读速度为每分钟182词，纸面为174词，差异虽小但很稳定{n}。两种语言中的差异相同，但无论使用哪种媒介，第二语言的阅读速度都慢约四分之一。",
        ]),
        ("回忆成绩", [
            "主旨回忆在两种媒介之间没有差异。细节回忆方面，屏幕阅读在第一语言中少答对0.6题，在第二语言中少答对1.4题，媒介与语言的交互作用显著（F = 9.7，p < 0.01，R{^2} = 0.09）。对于出现在页面下半部分的细节，这一效应最强。",
        ]),
    ]),
    ("讨论", [("", [
        "上述结果支持屏幕阅读更快、更浅的观点，并进一步表明这种阅读方式的代价更多地落在较弱的语言上。学生似乎以阅读第一语言的节奏在屏幕上阅读第二语言，因而遗漏了细节。",
        "对学校而言，实际结论是审慎的：只需把握大意的文本可以用平板电脑阅读；需要细读的文本，尤其是第二语言文本，最好在纸面上阅读，或借助鼓励反复阅读的工具{n}。",
    ])]),
    ("研究局限与展望", [("", [
        "本研究所用文本较短，回忆测试紧接在阅读之后进行。更长的文本、延迟测试以及其他年龄段的读者可能得出不同的结果；记录读者视线在页面上位置的研究，则可以检验反复阅读能否解释上述差异。",
    ])]),
]
PROCEDURE_ZH = [("阅读。", "学生按自己的节奏阅读文本。"), ("回忆。", "学生在答题纸上回答十二道题。"),
                ("评定。", "学生按五级量表评定文本难度。")]

# ------------------------------------------------------------------------- a regulation
# parts: (title, [clause text, or (clause text, [items])])
REG_EN = [
    ("Preliminary", [
        "These Regulations may be cited as the Community Energy Cooperatives Regulations 2025 and come into force on 1 April 2025.",
        ("In these Regulations, unless the context otherwise requires:", [
            "\u201ccooperative\u201d means a society registered under Part 2 whose object is the generation or supply of energy to its members;",
            "\u201cmember\u201d means a person admitted to membership under the rules of a cooperative; and",
            "\u201csurplus\u201d means the amount by which the income of a cooperative in a financial year exceeds its expenditure in that year."]),
        "These Regulations apply to every cooperative whose installations are situated wholly or mainly within the district.",
    ]),
    ("Registration", [
        "A society that intends to operate as a cooperative shall apply to the Registrar for registration before it begins to supply energy to any person.",
        ("An application for registration shall be accompanied by:", [
            "a copy of the rules of the society, signed by at least three founding members;",
            "a description of the installations the society operates or intends to operate; and",
            "the name and address of the person responsible for the safety of those installations."]),
        "The Registrar shall decide on an application within sixty days of receiving it and shall give reasons for any refusal.",
        "A cooperative shall notify the Registrar of any change to its rules within thirty days of the change.",
    ]),
    ("Members and Governance", [
        "Membership of a cooperative shall be open to every person who lives or carries on business within the district and who accepts the rules of the cooperative.",
        "Each member shall have one vote at a general meeting, irrespective of the number of shares the member holds.",
        "A cooperative shall hold a general meeting at least once in each financial year and shall give every member not less than fourteen days\u2019 notice of it.",
        "The accounts of a cooperative shall be examined each year by an auditor who is not a member of the cooperative.",
    ]),
    ("Distribution of Surplus", [
        "Not less than one fifth of the surplus of each financial year shall be placed in a reserve fund that may not be distributed to members.",
        "The remainder of the surplus may be distributed to members in proportion to the energy each has taken from the cooperative during the year.",
        "No distribution shall be made in a year in which the cooperative has not met its obligations to its creditors.",
    ]),
    ("Supervision", [
        "The Registrar may inspect the books and installations of a cooperative at any reasonable time.",
        "Where the Registrar finds that a cooperative has failed to comply with these Regulations, the Registrar may direct it to remedy the failure within a stated period.",
        "A cooperative that fails to comply with a direction may be removed from the register after it has been given an opportunity to be heard.",
    ]),
]
REG_EN_NOTES = {  # clause number -> note text (a note after the clause's first comma)
    "1.1": "Made on 3 February 2025 under the Energy (Local Supply) Act 2023, section 14.",
    "2.3": "The form of application is available at https://registrar.example.gov/forms/cooperative-2025 (accessed 10 March 2025).",
    "3.2": "This clause follows the cooperative principle of democratic member control.",
    "4.1": "The reserve fund may be used to replace installations at the end of their working life.",
    "5.2": "Directions issued under this clause are published in the register.",
}
REG_ZH = [
    ("总则", [
        "为了规范社区能源合作社的设立和运行，保护社员的合法权益，促进分布式可再生能源的利用，制定本办法。",
        ("本办法下列用语的含义：", [
            "社区能源合作社，是指依照本办法登记、以向社员生产或者供应能源为宗旨的合作组织；",
            "社员，是指依照合作社章程加入合作社的自然人、法人或者非法人组织；",
            "盈余，是指合作社在一个会计年度内的收入超过支出的部分。"]),
        "设施全部或者主要位于本市行政区域内的社区能源合作社，适用本办法。",
    ]),
    ("登记", [
        "拟以社区能源合作社名义开展活动的，应当在向任何人供应能源之前，向登记机关申请登记。",
        ("申请登记，应当提交下列材料：", [
            "由三名以上发起人签署的合作社章程；",
            "合作社已经运行或者拟运行的能源设施说明；",
            "能源设施安全责任人的姓名和住址。"]),
        "登记机关应当自收到申请之日起六十日内作出决定；不予登记的，应当说明理由。",
        "合作社章程发生变更的，应当自变更之日起三十日内报登记机关备案。",
    ]),
    ("社员与治理", [
        "在本市居住或者经营、承认合作社章程的人员，均可以申请加入合作社。",
        "社员大会实行一人一票，与社员持有的股份数额无关。",
        "合作社每个会计年度至少召开一次社员大会，并应当提前十四日通知全体社员。",
        "合作社的年度财务报告应当经非社员的审计人员审计。",
    ]),
    ("盈余分配", [
        "合作社每个会计年度的盈余，应当提取不少于五分之一作为公积金，公积金不得向社员分配。",
        "其余盈余可以按照社员当年从合作社取得的能源数量的比例向社员分配。",
        "合作社未履行对债权人的义务的，当年不得分配盈余。",
    ]),
    ("监督管理", [
        "登记机关可以在合理时间内检查合作社的账簿和能源设施。",
        "登记机关发现合作社违反本办法规定的，可以责令其限期改正。",
        "合作社逾期不改正的，登记机关在听取其陈述和申辩后，可以注销其登记。",
        "本办法自2025年4月1日起施行。",
    ]),
]
REG_ZH_NOTES = {  # article number -> note (after the article's first comma)
    1: "本办法于2025年2月3日经市人民政府常务会议通过。",
    5: "申请表格可从 https://djjg.example.gov.cn/hezuoshe/2025 下载（2025年3月10日访问）。",
    9: NOTES4_ZH[16],
    12: NOTES4_ZH[17],
    16: "改正情况应当在登记簿中载明。",
}

# ------------------------------------------------------------------------- a local history
HISTORY_EN = [
    ("The Fishing Village", [
        ("Before the Harbour", [
            "Until the middle of the eighteenth century Wrenmouth was a row of cottages on a shingle bank, with boats drawn up on the beach and nets drying on the dunes behind. The parish register records forty-one households in 1740, nearly all of them living from herring and from the small coastal trade in salt and timber{n}.",
            "The beach was dangerous in winter. Storms from the north-east drove the boats onto the bank, and the register lists drowned men in almost every decade. A petition of 1768 asked the county for a stone pier, and it was refused as too costly.",
        ]),
        ("The First Pier", [
            "The pier was built at last in 1791 by a company of local merchants, who recovered the cost from a toll on every cargo landed{n}. It was a modest structure of rubble and timber, a little over a hundred metres long, but it allowed boats to lie afloat at all states of the tide.",
        ]),
    ]),
    ("The Coming of the Railway", [
        ("A Branch Line to the Sea", [
            "The railway reached Wrenmouth in 1862 as a branch from the main line inland. For the first time fresh fish could be sold in the cities on the day it was landed, and the catch that had been salted for local use now went to distant markets{n}.",
            "The town grew quickly. Between 1861 and 1891 its population rose from about 900 to more than 3,400, and rows of brick houses spread over the fields behind the old cottages. A second pier, a fish market and an ice works were built in the same years.",
        ]),
        ("Visitors", [
            "The railway also brought visitors. Boarding houses opened along the front, and by the end of the century the summer trade rivalled the fishery as a source of income{n}. The two did not always sit easily together, and the council minutes record many complaints about the smell of the fish market.",
        ]),
    ]),
    ("War and Rebuilding", [
        ("The Harbour at War", [
            "In both world wars the harbour served the navy as a base for small craft, and the fishing fleet was reduced to a few old boats crewed by men too old for service{n}. Bombs fell on the town in 1941 and destroyed the fish market and part of the old front.",
        ]),
        ("After 1945", [
            "Rebuilding was slow. The fish market was replaced in 1952 by a smaller hall, and the ice works never reopened. The fleet declined through the following decades as larger boats moved to deeper harbours, and by 1980 only eleven boats still fished from Wrenmouth{n}.",
        ]),
    ]),
    ("The Harbour Today", [
        ("", [
            "The harbour now serves mainly leisure craft, a few boats that fish for crab and lobster, and a ferry that crosses to the islands in summer. The old pier was restored in 2009, and the fish hall houses a market and a small museum of the town's history.",
            "The cottages on the shingle bank still stand, although most are now holiday homes. Their owners formed a society in 2015 to record the history of the houses and of the families who lived in them{n}, and much of this chapter rests on its work.",
        ]),
    ]),
]
HISTORY_NOTES_EN = [
    "Parish register of Wrenmouth, 1738\u20131812, county record office, shelf mark PR/WM/1.",
    "The toll table of 1792 survives and is printed in the appendix of the society's first volume.",
    "See the railway company's traffic returns for 1863, which give the weight of fish carried each month.",
    "An estimate of the local historical society; the census does not distinguish seasonal work.",
    "Naval records of 1916 and 1942 list the requisitioned boats by name.",
    "Fishery statistics of the harbour authority, published each year until 1994.",
    "Wrenmouth Cottages Society, https://www.example.org/wrenmouth-cottages (founded 12 May 2015).",
]
HISTORY_ZH = [
    ("渔村时代", [
        ("建港以前", [
            "十八世纪中叶以前，澄湾只是沙堤上的一排渔家小屋，渔船拖上海滩，渔网晾在屋后的沙丘上。据1740年的里甲册记载，全村四十一户，几乎全靠捕捞黄鱼和沿海贩运盐、木为生{n}。",
            "冬季的海滩十分危险。东北风暴常把渔船推上沙堤，册中几乎每隔十年就有溺亡者的记录。1768年村民呈请县里修筑石堤，因耗费过巨未获批准。",
        ]),
        ("第一座码头", [
            "1791年，本地商人集资终于建成码头，并对每一船卸货收取过埠费以收回成本{n}。码头以乱石和木料筑成，长一百余米，规模不大，却使渔船无论潮水涨落都能浮泊。",
        ]),
    ]),
    ("铁路通达", [
        ("通往海边的支线", [
            "1862年，铁路支线自内陆干线延伸至澄湾。鲜鱼第一次可以在上岸当天运到城市出售，过去腌制自用的渔获从此销往远方市场{n}。",
            "小镇迅速扩张。1861年至1891年间，人口由约900人增至3400余人，一排排砖房在老屋后的田地上铺展开来。第二座码头、鱼市和制冰厂也在这一时期相继建成。",
        ]),
        ("游客", [
            "铁路也带来了游客。海滨一带开起了客栈，到十九世纪末，夏季旅游收入已可与渔业相匹敌{n}。两者并不总能相安无事，镇议事会的记录中有不少对鱼市气味的抱怨。",
        ]),
    ]),
    ("战争与重建", [
        ("战时的港口", [
            "两次世界大战期间，港口都被海军用作小型舰艇基地，渔船队只剩下几条旧船，由超过服役年龄的老人驾驶{n}。1941年小镇遭到轰炸，鱼市和旧海滨的一部分被毁。",
        ]),
        ("一九四五年以后", [
            "重建进展缓慢。1952年建起一座较小的鱼市大厅，制冰厂则再未开工。此后几十年间，较大的渔船纷纷转往深水港，船队日渐萎缩，到1980年仍在澄湾作业的渔船只剩十一条{n}。",
        ]),
    ]),
    ("今日港口", [
        ("", [
            "如今港口主要停泊游艇、几条捕蟹捕虾的小船，以及夏季往返海岛的渡轮。老码头于2009年修复，鱼市大厅改作集市和一座小型镇史陈列馆。",
            "沙堤上的渔家小屋至今犹存，但大多已成为度假屋。屋主们于2015年成立协会，记录这些房屋及曾居住其中的家族的历史{n}，本章内容多取材于该协会的工作。",
        ]),
    ]),
]
HISTORY_NOTES_ZH = [
    "《澄湾里甲册（1738—1812）》，藏县档案馆，档号LJ/CW/1。",
    "1792年的过埠费则例今存，收入协会所编第一辑附录。",
    "参见铁路公司1863年运输报表，其中逐月列出鱼货运量。",
    "此为地方史学会的估计，人口普查未区分季节性工作。",
    "1916年和1942年的海军档案逐一列出了被征用船只的船名。",
    "港务部门渔业统计，逐年刊行至1994年。",
    "澄湾渔屋协会网站：https://www.example.cn/chengwan-yuwu（2015年5月12日成立）。",
]

DWELLINGS_EN = ["flats on the top floor under an uninsulated roof;", "rooms that face south-west;",
                "buildings that cannot be ventilated from two sides."]
DWELLINGS_ZH = ["屋顶未做保温的顶层住房；", "朝西南的房间；", "不能两面通风的楼房。"]

# a table of numbers in the report (its first column starts with figures, as table cells that
# must not be read as numbered headings do)
CALLS_EN = [["Year", "Warning days", "Calls", "Visits", "Ambulances"],
            ["2019", "6", "7,400", "120", "5"], ["2020", "9", "11,800", "210", "8"],
            ["2021", "4", "5,100", "90", "3"], ["2022", "14", "18,600", "380", "16"],
            ["2023", "12", "21,000", "430", "19"]]
CALLS_ZH = [["年份", "预警天数", "电话（次）", "探访（次）", "呼叫救护车（次）"]] + CALLS_EN[1:]

_TOKEN = re.compile(r"\{n\}|\{\^([^}]*)\}|\{_([^}]*)\}")


def runs(text: str, notes: list[str], state: list[int], kind: str = "foot") -> list:
    """The runs of a paragraph string: ``{n}`` becomes the next note of ``notes`` (``state[0]``
    counts the notes used so far, across the document), ``{^x}`` and ``{_x}`` superscripts and
    subscripts that are not callouts."""
    out: list = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        if m.group(0) == "{n}":
            out.append(Note(notes[state[0] % len(notes)], kind=kind))
            state[0] += 1
        elif m.group(1) is not None:
            out.append(Sup(m.group(1)))
        else:
            out.append(Sub(m.group(2)))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def plain_text(text: str) -> str:
    """A paragraph string without its markup (what the text of the paragraph is)."""
    return _TOKEN.sub(lambda m: m.group(1) or m.group(2) or "", text)
