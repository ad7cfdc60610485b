"""Citations parsed out of footnotes: real notes of the WIC 2023 generative-AI report
(copied here, so the test does not need ../shared) in both styles, variants and
fallbacks."""

from __future__ import annotations

import pytest

from pariter.extract.citations import find_url, parse_citation, parse_citations, parse_date

F = ("author", "title", "date", "url", "accessed", "style")


def fields(c):
    return tuple(getattr(c, k) for k in F)


# -- real notes, English (OSCOLA-like) --------------------------------------------------------
EN = [
    ("Gartner, 'Maverick Research : Forget About Your Real Data – Synthetic Data Is the Future "
     "of AI' (24 June 2023), <https://www.gartner.com/en/documents/4002912> accessed 19 "
     "September 2023.",
     ("Gartner", "Maverick Research : Forget About Your Real Data – Synthetic Data Is the "
      "Future of AI", "2023-06-24", "https://www.gartner.com/en/documents/4002912",
      "2023-09-19", "en")),
    ("GitHub, 'Awesome-Chinese-LLM', <https://github.com/HqWu-HITCS/Awesome-Chinese-LLM> "
     "accessed 30 October 2023.",
     ("GitHub", "Awesome-Chinese-LLM", None, "https://github.com/HqWu-HITCS/Awesome-Chinese-LLM",
      "2023-10-30", "en")),
    ("Goldman Sachs Research, 'Generative AI could raise global GDP by 7%' (05 April 2023), "
     "<https://www.goldmansachs.com/intelligence/pages/generative-ai-could-raise-global-gdp-by-"
     "7-percent.html> accessed 17 September 2023.",
     ("Goldman Sachs Research", "Generative AI could raise global GDP by 7%", "2023-04-05",
      "https://www.goldmansachs.com/intelligence/pages/generative-ai-could-raise-global-gdp-by-"
      "7-percent.html", "2023-09-17", "en")),
    ("NewsGuard, 'Despite OpenAI's Promises, the Company's New AI Tool Produces Misinformation "
     "More Frequently, and More Persuasively, than its Predecessor' (March 2023), "
     "<https://www.newsguardtech.com/misinformation-monitor/march-2023/> accessed 15 September "
     "2023.",
     ("NewsGuard", "Despite OpenAI's Promises, the Company's New AI Tool Produces "
      "Misinformation More Frequently, and More Persuasively, than its Predecessor", "2023-03",
      "https://www.newsguardtech.com/misinformation-monitor/march-2023/", "2023-09-15", "en")),
    ("White House, 'Blueprint for An AI Bill of Rights' (October 2022), "
     "<https://www.whitehouse.gov/ostp/ai-bill-of-rights/> accessed 17 September 2023.",
     ("White House", "Blueprint for An AI Bill of Rights", "2022-10",
      "https://www.whitehouse.gov/ostp/ai-bill-of-rights/", "2023-09-17", "en")),
    ("The New York Times, 'Alarmed by A.I. Chatbots, Universities Start Revamping How They "
     "Teach' (16 January 2023), <https://www.nytimes.com/2023/01/16/technology/chatgpt-"
     "artificial-intelligence-universities.html> accessed 15 September 2023.",
     ("The New York Times", "Alarmed by A.I. Chatbots, Universities Start Revamping How They "
      "Teach", "2023-01-16", "https://www.nytimes.com/2023/01/16/technology/chatgpt-"
      "artificial-intelligence-universities.html", "2023-09-15", "en")),
    ("European Commission, 'LAYING DOWN HARMONISED RULES ON ARTIFICIAL INTELLIGENCE "
     "(ARTIFICIAL INTELLIGENCE ACT) AND AMENDING CERTAIN UNION LEGISLATIVE ACTS' (April 2021), "
     "Article 52.",
     ("European Commission", "LAYING DOWN HARMONISED RULES ON ARTIFICIAL INTELLIGENCE "
      "(ARTIFICIAL INTELLIGENCE ACT) AND AMENDING CERTAIN UNION LEGISLATIVE ACTS", "2021-04",
      None, None, "en")),
    # URL with trailing junk: the URL is what the brackets hold
    ("CISCO, 'The Cisco Responsible AI Framework' (2022), <https://www.cisco.com/c/dam/en_us/"
     "about/doing_business/trust-center/docs/cisco-responsible-artificial-intelligence-"
     "framework.pdf> CCIID=cc000742&DTID=esootr000875> accessed 17 September 2023.",
     ("CISCO", "The Cisco Responsible AI Framework", "2022",
      "https://www.cisco.com/c/dam/en_us/about/doing_business/trust-center/docs/cisco-"
      "responsible-artificial-intelligence-framework.pdf", "2023-09-17", "en")),
    ("Bhuvana Kamath, 'Generative AI is Biased. But Researchers Are Trying to Fix It', "
     "<https://analyticsindiamag.com/generative-ai-is-biased-but-researchers-are-trying-to-fix-"
     "it/> accessed 11 October 2023.",
     ("Bhuvana Kamath", "Generative AI is Biased. But Researchers Are Trying to Fix It", None,
      "https://analyticsindiamag.com/generative-ai-is-biased-but-researchers-are-trying-to-fix-"
      "it/", "2023-10-11", "en")),
]

# -- real notes, Chinese ----------------------------------------------------------------------
ZH = [
    ("中国企业网,《以 Chat GPT 为代表的生成式 AI 在自动驾驶领域的应用》(2023 年 4 月), "
     "来源:<http://www.zqcn.com.cn/757/27327.html>, 2023 年 9 月 27 日访问。",
     ("中国企业网", "以 Chat GPT 为代表的生成式 AI 在自动驾驶领域的应用", "2023-04",
      "http://www.zqcn.com.cn/757/27327.html", "2023-09-27", "zh")),
    ("中国科技信息,《让 AI 下沉到田间地头 大模型开启遥感应用新篇章》(2023 年 5 月), "
     "来源:https://www.thepaper.cn/newsDetail_forward_23222846, 2023 年 9 月 27 日访问。",
     ("中国科技信息", "让 AI 下沉到田间地头 大模型开启遥感应用新篇章", "2023-05",
      "https://www.thepaper.cn/newsDetail_forward_23222846", "2023-09-27", "zh")),
    ("中国知网,《CNKI AI 学术研究助手介绍》(2023年8月),来源:<http://yuanjian.cnki.com.cn>,"
     "2023年9月18日访问。",
     ("中国知网", "CNKI AI 学术研究助手介绍", "2023-08", "http://yuanjian.cnki.com.cn",
      "2023-09-18", "zh")),
    ("人民日报《上海交大开源发布白玉兰科学大模型》(2023年7月),来源:"
     "<https://news.sjtu.edu.cn/mtjj/20230710/185884.html>,2023年9月16日访问。",
     ("人民日报", "上海交大开源发布白玉兰科学大模型", "2023-07",
      "https://news.sjtu.edu.cn/mtjj/20230710/185884.html", "2023-09-16", "zh")),
    ("中国网科学,《水木分子发布生物医药行业千亿参数大模型,推出药研助手 ChatDD》(2023年9月),来源:"
     "http://science.china.com.cn/2023-09/22/content_42532416.htm,2023年9月18日访问。",
     ("中国网科学", "水木分子发布生物医药行业千亿参数大模型,推出药研助手 ChatDD", "2023-09",
      "http://science.china.com.cn/2023-09/22/content_42532416.htm", "2023-09-18", "zh")),
    ("涟漪效应，《拯救“失足AI”？ChatGPT的性别偏见与“喂养”伦理》(2023年2月)，来源："
     "https://www.thepaper.cn/newsDetail_forward_22047029，2023年9月18日访问。",
     ("涟漪效应", "拯救“失足AI”？ChatGPT的性别偏见与“喂养”伦理", "2023-02",
      "https://www.thepaper.cn/newsDetail_forward_22047029", "2023-09-18", "zh")),
    ("中国法学网,《人工智能示范法(专家建议稿)中英文版全球首发》(2023年9月),来源:"
     "http://iolaw.cssn.cn/zxzp/202309/t20230907_5683898.shtml, 2023年9月20日访问",
     ("中国法学网", "人工智能示范法(专家建议稿)中英文版全球首发", "2023-09",
      "http://iolaw.cssn.cn/zxzp/202309/t20230907_5683898.shtml", "2023-09-20", "zh")),
    ("Roland Berger, 《通用人工智能的曙光:生成式人工智能技术的产业影响》, 2023年8月, 第3页。",
     ("Roland Berger", "通用人工智能的曙光:生成式人工智能技术的产业影响", "2023-08", None, None,
      "zh")),
    ("商汤科技,《大模型伦理原则与实践白皮书》,2023年8月。",
     ("商汤科技", "大模型伦理原则与实践白皮书", "2023-08", None, None, "zh")),
    ("抖音,《抖音关于人工智能生成内容的平台规范暨行业倡议》,2023年5月9日。",
     ("抖音", "抖音关于人工智能生成内容的平台规范暨行业倡议", "2023-05-09", None, None, "zh")),
]


@pytest.mark.parametrize("text,expected", EN + ZH, ids=[t[:24] for t, _ in EN + ZH])
def test_real_notes(text, expected):
    c = parse_citation(text)
    assert fields(c) == expected
    assert c.raw == text


def test_seed_markdown_doubled_brackets_and_superscript_label():
    text = ("² Gartner, 'Maverick Research : Forget About Your Real Data – Synthetic Data Is the "
            "Future of AI' (24 June 2023), <<https://www.gartner.com/en/documents/4002912>> "
            "accessed 19 September 2023.")
    c = parse_citation(text)
    assert (c.author, c.date, c.url, c.accessed) == (
        "Gartner", "2023-06-24", "https://www.gartner.com/en/documents/4002912", "2023-09-19")
    assert c.raw == text


# -- variants ---------------------------------------------------------------------------------
def test_english_curly_quotes_and_abbreviated_months():
    c = parse_citation("IBM Research, ‘Trustworthy AI’ (Sept. 2023), "
                       "<https://research.ibm.com/topics/trustworthy-ai> accessed 7 Oct. 2023.")
    assert fields(c) == ("IBM Research", "Trustworthy AI", "2023-09",
                         "https://research.ibm.com/topics/trustworthy-ai", "2023-10-07", "en")


def test_english_bare_url_and_apostrophe_in_author():
    c = parse_citation("O'Reilly Media, 'Title here' (June 24, 2023), https://oreilly.com/x "
                       "accessed 1 July 2023.")
    assert fields(c) == ("O'Reilly Media", "Title here", "2023-06-24", "https://oreilly.com/x",
                         "2023-07-01", "en")


def test_chinese_full_width_punctuation_and_no_spaces():
    c = parse_citation("联合国教科文组织，《各国须尽快规范生成式人工智能的校园应用》（2023年9月），"
                       "来源：<https://www.unesco.org/zh/articles/x>，2023年9月27日访问。")
    assert fields(c) == ("联合国教科文组织", "各国须尽快规范生成式人工智能的校园应用", "2023-09",
                         "https://www.unesco.org/zh/articles/x", "2023-09-27", "zh")


def test_chinese_missing_accessed_and_numeric_dates():
    c = parse_citation("新华网,《标题》(2023年6月24日),来源:<http://www.xinhuanet.com/a.htm>。")
    assert (c.date, c.url, c.accessed, c.style) == (
        "2023-06-24", "http://www.xinhuanet.com/a.htm", None, "zh")
    c = parse_citation("新华网,《标题》(2023-06), 来源:<http://x.cn/a>, 访问日期:2023-09-27。")
    assert (c.date, c.accessed) == ("2023-06", "2023-09-27")


# -- wrapped URLs ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,url", [
    # a space inside brackets
    ("Gartner, 'M' (24 June 2023), <https://www.gartner.com/en/ documents/4002912> accessed "
     "19 September 2023.", "https://www.gartner.com/en/documents/4002912"),
    # a line break after a real hyphen of a slug URL: the hyphen stays
    ("Gov. UK, 'A' (3 August 2023), <https://www.gov.uk/government/publications/ai-regulation-"
     "a-pro-innovation-approach/white-\npaper> accessed 17 September 2023.",
     "https://www.gov.uk/government/publications/ai-regulation-a-pro-innovation-approach/"
     "white-paper"),
    # a hyphen inserted by hyphenation in a URL with no other hyphen: it goes
    ("Gartner, 'M' (2023), <https://www.gartner.com/en/docu- ments/4002912> accessed 19 "
     "September 2023.", "https://www.gartner.com/en/documents/4002912"),
    # bare URLs broken after an underscore, inside a path, and before an extension
    ("中国科技信息,《让 AI 下沉》(2023 年 5 月), 来源:https://www.thepaper.cn/newsDetail_\n"
     "forward_23222846, 2023 年 9 月 27 日访问。",
     "https://www.thepaper.cn/newsDetail_forward_23222846"),
    ("千家网,《S》(2023 年 8 月), 来源:http://www.citnews.com.cn/news/ 202308/164399.html, "
     "2023 年 9 月 27 日访问。", "http://www.citnews.com.cn/news/202308/164399.html"),
    ("千家网,《S》(2023 年 8 月), 来源:http://www.citnews.com.cn/news/202308/164399 .html, "
     "2023 年 9 月 27 日访问。", "http://www.citnews.com.cn/news/202308/164399.html"),
    ("中国科技信息,《让》(2023年5月),来源:https://www.thepaper.cn/newsDetail_forward_232 22846, "
     "2023年9月27日访问。", "https://www.thepaper.cn/newsDetail_forward_23222846"),
])
def test_wrapped_urls(text, url):
    assert parse_citation(text).url == url


def test_bare_url_stops_at_words_and_punctuation():
    assert find_url("The ScienceParse libraries can be found at http://allenai.org/software/.") \
        == "http://allenai.org/software/"
    assert find_url("See http://x.com/a. Then more.") == "http://x.com/a"
    assert find_url("see https://x.org/a for details") == "https://x.org/a"
    assert find_url("(see https://en.wikipedia.org/wiki/Foo_(bar))") == \
        "https://en.wikipedia.org/wiki/Foo_(bar)"
    assert find_url("no url here") is None


# -- fallbacks -------------------------------------------------------------------------------
def test_academic_et_al():
    c = parse_citation("Leo Gao, Stella Biderman, et al. The Pile : An 800GB Dataset of Diverse "
                       "Text for Language Modeling, Dec. 2020, p1.")
    assert fields(c) == ("Leo Gao, Stella Biderman, et al.", "The Pile : An 800GB Dataset of "
                         "Diverse Text for Language Modeling", "2020-12", None, None, "other")
    c = parse_citation("Agrawal, Ajay K., et al. Finding Needles in Haystacks: Artificial "
                       "Intelligence and Recombinant Growth (April 2018). NBER Working Paper No. "
                       "w24541, p.26.")
    assert fields(c) == ("Agrawal, Ajay K., et al.", "Finding Needles in Haystacks: Artificial "
                         "Intelligence and Recombinant Growth", "2018-04", None, None, "other")


def test_name_title_place_year():
    c = parse_citation("WEBB M, The Impact of Artificial Intelligence on the Labor Market "
                       "(Rochester 2019).")
    assert fields(c) == ("WEBB M", "The Impact of Artificial Intelligence on the Labor Market",
                         "2019", None, None, "humanities")


def test_other_keeps_only_what_is_reliable():
    c = parse_citation("维数灾难指随着变量的个数或者维数的增加,计算复杂度呈指数增加。见鄂维南院士于2021年"
                       "世界互联网大会上的讲话,来源:https://www.thepaper.cn/newsDetail_forward_"
                       "13498964,2023年10月12日访问。")
    assert fields(c) == (None, None, None, "https://www.thepaper.cn/newsDetail_forward_13498964",
                         "2023-10-12", "other")
    c = parse_citation("习近平主席在第三届“一带一路”国际合作高峰论坛开幕式主旨演讲。")
    assert fields(c) == (None, None, None, None, None, "other")
    c = parse_citation("Due to space constraints, we opted not to discuss relation extraction "
                       "in 2019 or 2020.")
    assert fields(c) == (None, None, None, None, None, "other")
    c = parse_citation("William M. (Mac) Thornberry National Defense Authorization Act for "
                       "Fiscal Year 2021, Pub. L. No. 116-283, § 1752(a), 134 Stat. 3388, 4144 "
                       "(2021).")
    assert (c.author, c.title, c.date, c.style) == (None, None, "2021", "other")


def test_dates():
    assert parse_date("24 June 2023") == "2023-06-24"
    assert parse_date("Sept. 2020") == "2020-09"
    assert parse_date("Dec 5, 2020") == "2020-12-05"
    assert parse_date("2023 年 4 月") == "2023-04"
    assert parse_date("２０２３年９月１８日") == "2023-09-18"
    assert parse_date("(2022)") == "2022"
    assert parse_date("31 February 2023") is None
    assert parse_date("May") is None
    assert parse_date("第3页") is None


# -- several citations in one note -------------------------------------------------------------
def test_parse_citations_splits_only_citations():
    a = "Gartner, 'A' (2023), <https://a.com/x> accessed 1 May 2023"
    b = "商汤科技,《大模型伦理原则与实践白皮书》,2023年8月。"
    cits = parse_citations(a + "; " + b)
    assert [(c.style, c.raw) for c in cits] == [("en", a), ("zh", b)]
    cits = parse_citations(a + "；" + b)
    assert len(cits) == 2
    note = "This holds; see the discussion in chapter 2."
    assert [c.raw for c in parse_citations(note)] == [note]
    assert parse_citations("  ") == []
    # a semicolon inside the brackets of a URL does not split
    one = "GitHub, 'B', <https://b.com/y;v=1; z> accessed 2 May 2023."
    assert len(parse_citations(one)) == 1


def test_gbt_7714_update_and_cited_dates():
    c = parse_citation("国家互联网信息办公室. 生成式人工智能服务管理暂行办法[EB/OL]. "
                       "(2023-07-13)[2023-09-27]. "
                       "http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm.")
    assert fields(c) == ("国家互联网信息办公室", "生成式人工智能服务管理暂行办法", "2023-07-13",
                         "http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm", "2023-09-27",
                         "gbt7714")


# GB/T 7714 entries as printed by the standard's LaTeX styles (reference lists of the
# gbt7714, biblatex-gb7714-2015, seuthesis and biblatex-caspervector manuals)
GBT = [
    # the year closes the publisher's field (出版地: 出版者, 年)
    # (the standard's number after the colon identifies the item and is no part of its title)
    ("中国国家标准化委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015.",
     ("中国国家标准化委员会", "信息与文献 参考文献著录规则", "2015", None, None)),
    # the 2005 style's year of an online item as a field of its own; initials after the surname
    ("PATASHNIK O. BibTEXing[M/OL]. 1988. http://mirrors.ctan.org/biblio/bibtex/base/btxdoc.pdf.",
     ("PATASHNIK O", "BibTEXing", "1988", "http://mirrors.ctan.org/biblio/bibtex/base/btxdoc.pdf",
      None)),
    ("吴凯. GBT7714-2005.bst：利用 BibTEX 生成符合 GB/T 7714-2005 的参考文献 [EB/OL]. 2006.",
     ("吴凯", "GBT7714-2005.bst：利用 BibTEX 生成符合 GB/T 7714-2005 的参考文献", "2006", None,
      None)),
    # full-width stops and commas, a quoted article title, journal, year, volume(issue): pages
    ("李晓东，张庆红，叶瑾琳。“气候学研究的若干理论问题”[J]。北京大学学报：自然科学版，1999，35(1)：101–106。",
     ("李晓东，张庆红，叶瑾琳", "气候学研究的若干理论问题", "1999", None, None)),
    ("李炳穆。“理想的图书馆员和信息专家的素质与形象”[J]。图书情报工作，2000(2)：5–8。",
     ("李炳穆", "理想的图书馆员和信息专家的素质与形象", "2000", None, None)),
    # a newspaper's full date; a patent's date as a field of its own
    ("丁文祥。“数字革命与竞争国际化”[N]。中国青年报，2000-11-20。",
     ("丁文祥", "数字革命与竞争国际化", "2000-11-20", None, None)),
    ("姜锡洲。一种温热外敷药制备方案 [P]。中国：88105607.3。1989-07-26。",
     ("姜锡洲", "一种温热外敷药制备方案", "1989-07-26", None, None)),
    # an era name after the year; a chapter in a book (出自：…), the year after the publisher
    ("王夫之。宋论 [M]。刻本。金陵：曾氏，1845（清同治四年）。[^7]",
     ("王夫之", "宋论", "1845", None, None)),
    ("白书农。“植物开花研究”[M]。出自：李承森。植物科学进展。北京：高等教育出版社，1998：146–163。",
     ("白书农", "植物开花研究", "1998", None, None)),
    # given-name initials before the surname are no field stop; 访问于 / accessed on
    ("P. Lehman. The biblatex Package: Programmable Bibliographies and Citations [M/OL]. Ver. "
     "3.7. 2016-11-16. https://ctan.org/pkg/biblatex, accessed on 2017-03-01. [^1–4, 6, 7]",
     ("P. Lehman", "The biblatex Package: Programmable Bibliographies and Citations",
      "2016-11-16", "https://ctan.org/pkg/biblatex", "2017-03-01")),
    ("G. 昂温，P. S. 昂温。外国出版史 [M]。陈生铮 译。北京：中国书籍出版社，1988。",
     ("G. 昂温，P. S. 昂温", "外国出版史", "1988", None, None)),
    ("萧钰。出版业信息化迈入快车道 [EB/OL]。2001-12-19。http://www.creader.com/news/20011219/"
     "200112190019.html，访问于 2002-04-15。",
     ("萧钰", "出版业信息化迈入快车道", "2001-12-19",
      "http://www.creader.com/news/20011219/200112190019.html", "2002-04-15")),
    # a lone [date] after the type is the date cited (引用日期), not a publication date
    ("Online Computer Library Center, Inc. History of OCLC[EB/OL]. [2000-01-08]. "
     "http://www.oclc.org/about/history/default.htm.",
     ("Online Computer Library Center, Inc", "History of OCLC", None,
      "http://www.oclc.org/about/history/default.htm", "2000-01-08")),
]


@pytest.mark.parametrize("text,expected", GBT)
def test_gbt_7714(text, expected):
    c = parse_citation(text)
    assert fields(c) == (*expected, "gbt7714")


def test_gbt_7714_needs_the_type_closing_a_field():
    # a sentence that mentions a bracket is no entry: the type identifier must end a field
    assert parse_citation("See the list of types [M] in the standard.").style == "other"
    assert parse_citation("参见标准的类型[M]一节，本文不再说明。").style == "other"
    # an entry without an author opens with its title (GB/T 7714-2015 8.1.1)
    c = parse_citation("信息与文献 参考文献著录规则[S]. 北京: 中国标准出版社, 2015.")
    assert (c.author, c.title, c.date, c.style) == (None, "信息与文献 参考文献著录规则", "2015",
                                                    "gbt7714")
    c = parse_citation("数据手册:卷3[M]//王明. 全集:第6册. 长沙: 某出版社, 2011: 12.")
    assert (c.author, c.title, c.date) == (None, "数据手册:卷3", "2011")  # a volume is kept


# GB/T 7714 notes as the CSL style for them prints them: names separated by full stops, the
# 引用日期 set straight after the pages, identifiers after the title, pages named in words
GBT_CSL = [
    ("王明. 李华. 地震动特征分析[M/OL]//某实验室. 地震研究. 上海: 某出版社, 2011: 45-47[2013-05-09]. "
     "http://example.edu.cn.",
     ("王明. 李华", "地震动特征分析", "2011", "http://example.edu.cn", "2013-05-09")),
    ("王明. 李华. 张三. 等. 安全技术标准研究报告: 7178999X[R/OL]. 45-47(2013-09-30)[2014-06-24]. "
     "http://example.org.cn.",
     ("王明. 李华. 张三. 等", "安全技术标准研究报告", "2013-09-30", "http://example.org.cn",
      "2014-06-24")),
    ("某市人民政府办公厅. 关于转发某办法的通知: 某政办发[2005]37号[Z/OL]. (2005-07-12)[2011-07-12]. "
     "http://example.cn/fagui/1.html.",
     ("某市人民政府办公厅", "关于转发某办法的通知", "2005-07-12", "http://example.cn/fagui/1.html",
      "2011-07-12")),
    ("SMITH K S. JONES H A. BROWN B. Sequencing: From biology to medicine[J/OL]. Biology, 2013, "
     "2(1): 378-398[2013-03-19]. http://www.example.com/2/1/378. DOI:10.3390/biology2010378.",
     ("SMITH K S. JONES H A. BROWN B", "Sequencing: From biology to medicine", "2013",
      "http://www.example.com/2/1/378", "2013-03-19")),
    ("王明. 一种节电装置: 200610171314.3[P]. 2006-12-13.",
     ("王明", "一种节电装置", "2006-12-13", None, None)),
    ("王明. 一种外敷药制备方案. 中国: 88105607.3[P]. 1989-07-26.",
     ("王明", "一种外敷药制备方案", "1989-07-26", None, None)),
    ("李明. 题词[M]//张三. 李四. 某书研究. 长春: 某出版社, 1991: 扉页.",
     ("李明", "题词", "1991", None, None)),
    ("常某. 《五行》学说与《荀子》[J]. 某大学学报, 2013, 50(1): 12.",
     ("常某", "《五行》学说与《荀子》", "2013", None, None)),
    ("求助某问题[EB/OL]. 12(2016). http://bbs.example.org/t?tid=1.",
     (None, "求助某问题", "2016", "http://bbs.example.org/t?tid=1", None)),
]


@pytest.mark.parametrize("text,expected", GBT_CSL)
def test_gbt_7714_csl_notes(text, expected):
    assert fields(parse_citation(text)) == (*expected, "gbt7714")


# Notes and entries of the humanities styles, as printed in the samples of the
# biblatex-chicago, biblatex-mla and biblatex-oscola manuals
HUMANITIES = [
    # Chicago note, book: names, title, editor, (Place: Publisher, Year)
    ("Theodor W. Adorno and Walter Benjamin, The Complete Correspondence, 1928–1940, ed. Henri "
     "Lonitz, trans. Nicholas Walker (Cambridge, MA: Harvard University Press, 1999).",
     ("Theodor W. Adorno and Walter Benjamin", "The Complete Correspondence, 1928–1940", "1999",
      None, None)),
    ("Florence Babb, Between Field and Cooking Pot: The Political Economy of Marketwomen in Peru, "
     "rev. ed. (Austin: University of Texas Press, 1989).",
     ("Florence Babb", "Between Field and Cooking Pot: The Political Economy of Marketwomen in "
      "Peru", "1989", None, None)),
    # article: the quoted title's comma inside the quotes, the date closes a parenthesis
    ("C. Daniel Batson, “How Social Is the Animal? The Human Capacity for Caring,” American "
     "Psychologist 45 (March 1990): 336–46.",
     ("C. Daniel Batson", "How Social Is the Animal? The Human Capacity for Caring", "1990-03",
      None, None)),
    # web items: the date is a comma-separated field; a handle in brackets; an organisation
    ("Conan O’Brien (@ConanOBrien), “In honor of Earth Day, I’m recycling my tweets,” Twitter, "
     "April 22, 2015, 11:10 a.m., https://twitter.com/ConanOBrien/status/590940792967016448.",
     ("Conan O’Brien (@ConanOBrien)", "In honor of Earth Day, I’m recycling my tweets",
      "2015-04-22", "https://twitter.com/ConanOBrien/status/590940792967016448", None)),
    ("Evanston Public Library Board of Trustees, “Evanston Public Library Strategic Plan, "
     "2000–2010: A Decade of Outreach,” Evanston Public Library, accessed July 18, 2002, "
     "http://www.epl.org/library/strategic-plan-00.html.",
     ("Evanston Public Library Board of Trustees", "Evanston Public Library Strategic Plan, "
      "2000–2010: A Decade of Outreach", None, "http://www.epl.org/library/strategic-plan-00.html",
      "2002-07-18")),
    ("“How did the ‘cool kids’ from high school turn out?,” Quora, August 9, 2016, "
     "https://www.quora.com/How-did-the-cool-kids-from-high-school-turn-out/.",
     (None, "How did the ‘cool kids’ from high school turn out?", "2016-08-09",
      "https://www.quora.com/How-did-the-cool-kids-from-high-school-turn-out/", None)),
    # a second quoted item in the note is not part of the title
    ("Kristaps Licis, “But what is the surprise here?,” February 24, 2016, comment on Díaz, "
     "“Always surprises,” https://www.facebook.com/junotdiaz.writer/posts/972495572815454"
     "?comment_id=972558569475821.",
     ("Kristaps Licis", "But what is the surprise here?", "2016-02-24",
      "https://www.facebook.com/junotdiaz.writer/posts/972495572815454"
      "?comment_id=972558569475821", None)),
    # a Chinese name in an English note
    ("Hua Linfu 華林甫, “Qingdai yilai Sanxia diqu shuihan zaihai de chubu yanjiu” "
     "清代以來三峽地區水旱災害的初步研究 [A preliminary study of floods and droughts in the Three "
     "Gorges region since the Qing dynasty], Zhongguo shehui kexue 中國社會科學 1 (1999): 168–79.",
     ("Hua Linfu 華林甫", "Qingdai yilai Sanxia diqu shuihan zaihai de chubu yanjiu", "1999",
      None, None)),
    # short notes: name and short title, name and page; OSCOLA's cross-reference
    ("Adorno and Benjamin, Complete Correspondence.",
     ("Adorno and Benjamin", "Complete Correspondence", None, None, None)),
    ("Adorno and Benjamin, 23.", ("Adorno and Benjamin", None, None, None, None)),
    ("Lehman and others (n 7) 57.", ("Lehman and others", None, None, None, None)),
    # OSCOLA: edition and year in the parenthesis; a case with its law report's year
    ("Philip Lehman and others, The biblatex Package (2019).",
     ("Philip Lehman and others", "The biblatex Package", "2019", None, None)),
    ("Phipps v Boardman [1967] 2 AC 46 (HL) (Phipps).",
     (None, "Phipps v Boardman", "1967", None, None)),
    # MLA entries: inverted first name, title quoted or not, the date a field; schemeless URLs
    ("Atwood, Margaret. The Blind Assassin. Knopf-Random, 2001.",
     ("Atwood, Margaret", "The Blind Assassin", "2001", None, None)),
    ("Babich, L P, et al. “Atmospheric Gamma-Ray and Neutron Flashes.” Journal of Experimental "
     "and Theoretical Physics, vol. 106, no. 1, Feb. 2011, pp. 65–76. "
     "https://doi.org/10.1134/S1063776108010056.",
     ("Babich, L P, et al.", "Atmospheric Gamma-Ray and Neutron Flashes", "2011-02",
      "https://doi.org/10.1134/S1063776108010056", None)),
    ("Compton-Engle, Gwendolyn. “Stolen Cloaks in Aristophanes’ ‘Ecclesiazusae’.” Transactions "
     "of the American Philological Association (1974– ), vol. 135, no. 1, Spring 2005, pp. "
     "163–76. JSTOR, www.jstor.org/stable/20054125. Accessed 8 Apr. 2013.",
     ("Compton-Engle, Gwendolyn", "Stolen Cloaks in Aristophanes’ ‘Ecclesiazusae’", "2005",
      "www.jstor.org/stable/20054125", "2013-04-08")),
    ("———. The Red Badge of Courage. D. Appleton, 1917. Google Books, "
     "books.google.com/books?id=NBMCAAAAYAAJ. Accessed 16 Apr. 2010.",
     ("———", "The Red Badge of Courage", "1917", "books.google.com/books?id=NBMCAAAAYAAJ",
      "2010-04-16")),
    ("Grammar Girl [Mignon Fogarty]. “What Is the Plural of ‘Mouse’?” Grammar Girl: Quick and "
     "Dirty Tips for Better Writing, Macmillan, 16 Sept. 2008, "
     "grammar.quickanddirtytips.com/the-plural-of-mouse.aspx. Accessed 4 Mar. 2013.",
     ("Grammar Girl [Mignon Fogarty]", "What Is the Plural of ‘Mouse’?", "2008-09-16",
      "grammar.quickanddirtytips.com/the-plural-of-mouse.aspx", "2013-03-04")),
]


@pytest.mark.parametrize("text,expected", HUMANITIES)
def test_humanities_notes_and_entries(text, expected):
    c = parse_citation(text)
    assert fields(c) == (*expected, "humanities")


def test_humanities_needs_names_and_a_note_shape():
    # ibid./Id. carry no fields; prose and quoted words that a note explains are no citation
    for note in ("ibid., 22.", "Ibid., 22.", "Id. at 212.", "However, This Matters.",
                 "“叫基土拉”：或译“众民”。", "“列祖那里”：2021年7月1日发布，2023年1月3日修订。",
                 "See the discussion in chapter 2, 1999.",
                 "Faculty of Law, University of Oxford, OSCOLA (n 4) 32-36."):
        c = parse_citation(note)
        assert (c.style, c.author, c.title, c.date) == ("other", None, None, None), note
    # the name of a book's author must be names, not a sentence's opening: the commentary
    # before the reference is left out (the reference has names, a title and a date)
    c = parse_citation("The curious can consult Koen Lenaerts and Piet van Nuffel, "
                       "Constitutional Law of the European Union (Robert Bray ed, 2nd edn, Sweet "
                       "& Maxwell 2005) 763 n 502.")
    assert (c.author, c.title, c.date) == ("Koen Lenaerts and Piet van Nuffel",
                                           "Constitutional Law of the European Union", "2005")


AUTHOR_DATE = [
    # the APA manual's journal-article example; a Harvard-like entry with "and"
    ("Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in "
     "storybooks: A comparison of storybooks that represent ethnic and racial groups in the "
     "United States. Psychology of Popular Media Culture, 8(3), 207–217. "
     "https://doi.org/10.1037/ppm0000185",
     ("Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J.", "Emotions in storybooks: "
      "A comparison of storybooks that represent ethnic and racial groups in the United States",
      "2019", "https://doi.org/10.1037/ppm0000185", None)),
    # an organisation, the day in the parenthesis, a bracketed description after the title
    ("Harvard University. (2019, August 28). Soft robotic gripper for jellyfish [Video]. "
     "YouTube. https://www.youtube.com/watch?v=guRoWTYfxMs",
     ("Harvard University", "Soft robotic gripper for jellyfish", "2019-08-28",
      "https://www.youtube.com/watch?v=guRoWTYfxMs", None)),
]


@pytest.mark.parametrize("text,expected", AUTHOR_DATE)
def test_author_date(text, expected):
    c = parse_citation(text)
    assert fields(c) == (*expected, "author-date")


def test_schemeless_urls_need_a_host():
    assert find_url("Accessed at lib.tsinghua.edu.cn/service/a.html today") == \
        "lib.tsinghua.edu.cn/service/a.html"
    # a file name or a framework before a slash is no host
    assert find_url("see node.js/express and setup.py/build, or e.g./i.e.") is None
    assert find_url("Compare Example.COM/x") is None


def test_chicago_quick_guide_note_and_short_forms():
    # The Chicago Manual of Style's quick-guide book note and its shortened form with a page
    c = parse_citation("Michael Pollan, The Omnivore’s Dilemma: A Natural History of Four Meals "
                       "(New York: Penguin, 2006), 99–100.")
    assert fields(c) == ("Michael Pollan", "The Omnivore’s Dilemma: A Natural History of Four "
                         "Meals", "2006", None, None, "humanities")
    c = parse_citation("Pollan, Omnivore’s Dilemma, 3.")
    assert fields(c) == ("Pollan", "Omnivore’s Dilemma", None, None, None, "humanities")


def test_us_cases_in_the_bluebook_form():
    c = parse_citation("Miranda v. Arizona, 384 U.S. 436 (1966).")
    assert fields(c) == (None, "Miranda v. Arizona", "1966", None, None, "humanities")
    c = parse_citation("Roe v. Wade, 410 U.S. 113, 153 (1973).")
    assert (c.title, c.date) == ("Roe v. Wade", "1973")
    c = parse_citation("Miranda, 384 U.S. at 444.")  # the short form names the first party
    assert fields(c) == (None, "Miranda", None, None, None, "humanities")


def test_gbt_7714_1987_full_width_stops_and_dashed_date():
    # GB/T 7714-1987's patent example: full-width ．［］：， and a date set with em dashes
    c = parse_citation("姜锡洲．一种温热外敷药制备方案［P］．中国专利：881056073，1989—07—26．")
    assert fields(c) == ("姜锡洲", "一种温热外敷药制备方案", "1989-07-26", None, None, "gbt7714")
    assert parse_date("1989—07—26") == "1989-07-26"
    assert parse_date("2000—2010") is None  # a range of years is no date
