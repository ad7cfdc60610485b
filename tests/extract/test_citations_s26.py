"""Citation fields of the 法学引注手册 (Chinese legal notes: plain titles after the author's
colon, the edition's date, back-references), quoted titles with no author (MLA, Chicago),
organisations with their divisions (CSL's institutional authors), legislation cited with its
year, Vancouver/ICMJE and APA/Harvard organisation authors. The notes are composed here in
each style's form, never taken from a measuring set."""

from __future__ import annotations

import pytest

from pariter.extract.citations import parse_citations, parse_date


def fields(c):
    return (c.author, c.title, c.date, c.url, c.accessed)


NOTES = [
    # 法学引注手册: a title printed without 《》 between the author's colon and the edition's date
    ("陈晓明：Python 数据分析实践（第2版），2019年3月1日版，第45页。",
     ("陈晓明", "Python 数据分析实践", "2019-03-01", None, None)),
    ("K. Tanaka：The xcolor package: Colours for TeX（Ver. 2.1），2018年6月2日版。",
     ("K. Tanaka", "The xcolor package: Colours for TeX", "2018-06-02", None, None)),
    ("北京市律师协会：执业规范汇编，2012年版。", ("北京市律师协会", "执业规范汇编", "2012", None, None)),
    # a parenthesis without a figure is no version: it stays in the title
    ("周文：律所管理手册（修订稿），2010年5月4日版，12。",
     ("周文", "律所管理手册（修订稿）", "2010-05-04", None, None)),
    # the back-reference and the short form: the name before 书/文 is the author
    ("同前注，K. Tanaka书。", ("K. Tanaka", None, None, None, None)),
    ("同前注〔4〕，陈晓明书，第12页。", ("陈晓明", None, None, None, None)),
    ("前引〔3〕，张伟文。", ("张伟", None, None, None, None)),
    ("同前注〔2〕，王泽鉴：《民法总则》，第5页。", ("王泽鉴", "民法总则", None, None, None)),
    # names joined by 、 may be longer than one author's name; a journal's year without issue
    ("R. Okafor、T. Lindqvist、M. Haddad、P. Ferreira：《Dense wavelength multiplexing in access "
     "networks》，载《Journal of Lightwave Systems》2011年第3期。",
     ("R. Okafor、T. Lindqvist、M. Haddad、P. Ferreira",
      "Dense wavelength multiplexing in access networks", "2011", None, None)),
    ("W. Zhang：《Shehui bianqian yu falü 社會變遷與法律》，载《Faxue yanjiu 法學研究》2004年。",
     ("W. Zhang", "Shehui bianqian yu falü 社會變遷與法律", "2004", None, None)),
    ("丁一：《在年会上的讲话》，《江城日报》2018年12月19日，第2版。",
     ("丁一", "在年会上的讲话", "2018-12-19", None, None)),
    # Chinese role words after the names are no part of them; 等 stays
    ("丁一、马二主编：《港口法学》，江城出版社2020年版，第45页。", ("丁一、马二", "港口法学", "2020", None, None)),
    ("丁一等：《港口法学》，江城出版社2020年版。", ("丁一等", "港口法学", "2020", None, None)),
    ("R. T. Moss：A Guide to Harbour Charts。", ("R. T. Moss", "A Guide to Harbour Charts", None, None, None)),
    # quoted titles with no author: only facts of publication after them
    ('"Harbour Lights at Dusk," n.d., 14.', (None, "Harbour Lights at Dusk", None, None, None)),
    ("“Survey of Household Energy Use.” n.d., https://doi.org/10.5555/XYZ.",
     (None, "Survey of Household Energy Use", None, "https://doi.org/10.5555/XYZ", None)),
    ("“Folding Bicycle Frame with Locking Hinge”4471285, (Issued on September 11, 1984) "
     "<https://patents.example.org/patent/US4471285>.",
     (None, "Folding Bicycle Frame with Locking Hinge", "1984-09-11",
      "https://patents.example.org/patent/US4471285", None)),
    ("“Guide to the Reading Room” p. 7.", (None, "Guide to the Reading Room", None, None, None)),
    # an organisation and its divisions, each closed by a full stop
    ("Great Britain. Parliament. House of Commons, Energy security and the grid (2011) p. 12.",
     ("Great Britain. Parliament. House of Commons", "Energy security and the grid", "2011", None, None)),
    ("United States. Congress. Senate, Hearing on rural broadband (2009).",
     ("United States. Congress. Senate", "Hearing on rural broadband", "2009", None, None)),
    ("See also (Great Britain. Parliament. House of Commons, Energy security and the grid).",
     ("Great Britain. Parliament. House of Commons", "Energy security and the grid", None, None, None)),
    ("J. Smith, The Book of Days (Oxford 2001) 23.", ("J. Smith", "The Book of Days", "2001", None, None)),
    # legislation with its year in parentheses; a Bluebook statute keeps its fields
    ("Pensions Act (2014) pp. 45–47.", (None, "Pensions Act", "2014", None, None)),
    ("Council Directive (EU) 2019/1152 of 20 June 2019 on transparent and predictable working "
     "conditions (2019) p. 4.",
     (None, "Council Directive (EU) 2019/1152 of 20 June 2019 on transparent and predictable "
      "working conditions", "2019", None, None)),
    ("Clean Rivers Act of 1998, H.R. 1234, 105th Cong. (1998).",
     (None, "Clean Rivers Act of 1998", "1998", None, None)),
    # EU legislation with its year and the Official Journal; legislation with a bare pinpoint
    ("Council Regulation (EC) 139/2004 on the control of concentrations between undertakings "
     "[2004] OJ L24/1.",
     (None, "Council Regulation (EC) 139/2004 on the control of concentrations between undertakings",
      "2004", None, None)),
    ("Convention on the Rights of Persons with Disabilities 12.",
     (None, "Convention on the Rights of Persons with Disabilities", None, None, None)),
    ("Harbour dues order 1923 45–47.", (None, "Harbour dues order 1923", None, None, None)),
    ("Treaty, supra note 40, at 12.", (None, "Treaty", None, None, None)),
    # an organisation's short form with its page; a command paper's number after the year
    ("National Institute of River Studies, 45–47.", ("National Institute of River Studies", None, None, None, None)),
    ("HM Treasury, The Future of Harbours, 1971, Cmnd. 4512.",
     ("HM Treasury", "The Future of Harbours", "1971", None, None)),
    # German notes: the given name ends at the colon; an inverted name with initials
    ("Okafor, Nkem: Harbour Voices, London 2015, S. 12.", ("Okafor, Nkem", "Harbour Voices", "2015", None, None)),
    ("Okafor, N., Harbour Voices (London: Faber, 2015), p. 12.",
     ("Okafor, N.", "Harbour Voices", "2015", None, None)),
    # OSCOLA's cross-reference after an organisation
    ("Scottish Law Commission (n 12).", ("Scottish Law Commission", None, None, None, None)),
    ("National Audit Office of Denmark (n 3) 45.", ("National Audit Office of Denmark", None, None, None, None)),
    # GB/T 7714: surnames in capitals keep their diacritics
    ("ZHOU L. MÜLLER K. ĐORĐEVIĆ M. 等. Sparse arrays for radar[J]. IEEE Trans Signal Process, "
     "2016, 64(3): 12-20.",
     ("ZHOU L. MÜLLER K. ĐORĐEVIĆ M. 等", "Sparse arrays for radar", "2016", None, None)),
    # Vancouver/ICMJE: the year-first date, [cited …], organisation authors
    ("Rossi G, Tan B, et al. Outcomes of early mobilisation after hip surgery. Lancet. "
     "2020 Mar 7;395(10226):789-97.",
     ("Rossi G, Tan B, et al.", "Outcomes of early mobilisation after hip surgery", "2020-03-07", None, None)),
    ("National Institute for Health and Care Excellence. Hypertension in adults: diagnosis and "
     "management [Internet]. London: NICE; 2019 [cited 2021 Jan 12]. Available from: "
     "https://www.example.org/guidance/ng136",
     ("National Institute for Health and Care Excellence",
      "Hypertension in adults: diagnosis and management", "2019",
      "https://www.example.org/guidance/ng136", "2021-01-12")),
    ("World Health Organization. Global tuberculosis report 2020. Geneva: WHO; 2020.",
     ("World Health Organization", "Global tuberculosis report 2020", "2020", None, None)),
    # APA and Harvard: an organisation's name holds small words
    ("Australian Bureau of Statistics. (2020). Household income and wealth, Australia. "
     "https://www.example.org/statistics",
     ("Australian Bureau of Statistics", "Household income and wealth, Australia", "2020",
      "https://www.example.org/statistics", None)),
    ("Office for National Statistics (2019) Families and households in the UK: 2019. Available at: "
     "https://www.example.org/families (Accessed: 3 March 2020).",
     ("Office for National Statistics", "Families and households in the UK: 2019", "2019",
      "https://www.example.org/families", "2020-03-03")),
    # MLA: an authorless title closed by its stop inside the quotes, then the container and date
    ("“Harbour Lights.” The Coastal Times, 5 May 2015, www.coastaltimes.example.com/lights.",
     (None, "Harbour Lights", "2015-05-05", "www.coastaltimes.example.com/lights", None)),
    # a note that is one reference in parentheses
    ("(Okafor 2001, 45)", ("Okafor", None, "2001", None, None)),
    # Vancouver: one author, surname and initials
    ("Okafor J. The long road. Chicago: Lakeside Press; 2001.",
     ("Okafor J", "The long road", "2001", None, None)),
    # an organisation's name with small words before a book's title and its facts
    ("Ministry of Rivers, Flood Defences in Practice (Northtown: Moor Books, 2016), 4.",
     ("Ministry of Rivers", "Flood Defences in Practice", "2016", None, None)),
    # a URL's file name and a remark in parentheses after it; a date closing nested parentheses
    ("赵一. 新时代的工程师[M/OL]. 台北: 某出版社, 1998: 45-47[1998-09-26]. "
     "http://www.example.edu.tw/info/new.htm(Big5).",
     ("赵一", "新时代的工程师", "1998", "http://www.example.edu.tw/info/new.htm", "1998-09-26")),
    ("A. Reed and B. Hall, “Noise in Harbour Radio,” Radio Report (National Radio Office (NRO), "
     "Dept. of Harbours, May 1986), 3.",
     ("A. Reed and B. Hall", "Noise in Harbour Radio", "1986-05", None, None)),
    # a working paper's dotted number before the parenthesis of its facts is no date
    ("Ann Writer, ‘Harbour Wages’, Working Papers Series 2011.01 (Northtown University, June 2011), 4.",
     ("Ann Writer", "Harbour Wages", "2011-06", None, None)),
    # IEEE stays as it was read
    ('R. K. Mandal and S. Lee, "Adaptive filtering of sensor noise in drones," IEEE Trans. Robot., '
     "vol. 31, no. 2, pp. 211–220, Apr. 2015.",
     ("R. K. Mandal and S. Lee", "Adaptive filtering of sensor noise in drones", "2015-04", None, None)),
]

#: notes that must give no author and no title: sentences, abbreviations of the law, a paper's number
NOT_CITATIONS = [
    "需要说明的是：本文所用数据，截至2019年版。",
    "原文如下：公司法，2005年版。",
    "本节所引文献均按原文著录，未作改动。",
    "“We shall never surrender,” he said.",
    "“Nothing here.” 12.",
    "Hansard, HC 234.",
    "Ark. Const. of 1868, art. III, § 2.",
    "Cong. Globe, 39th Cong., 2d Sess. 39 (1866).",
    "Results of the survey (2019) show a clear trend. See below.",
    "The figures for 2019 may differ from those of 2018.",
    "The Order was revoked in 1990.",
    "The Act applies to section 3.",
    "Usually these chips do not care. This is not the case for the byte order.",
    # a person named with a given name and an initial is no Vancouver entry
    "The series was shown on FX, featuring Anna K. Berg, Tom Lee, and Ada Moss, aired March 8, 2016.",
    # an IEEE book without its italics: the title is no given name of the author
    "J. Smith, The Long Road. Chicago, IL, USA: Univ. Press, 2001, pp. 4–5.",
]


@pytest.mark.parametrize("text,expected", NOTES)
def test_fields(text, expected):
    cits = parse_citations(text)
    assert len(cits) == 1
    assert fields(cits[0]) == expected


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_no_author_or_title(text):
    for c in parse_citations(text):
        assert c.author is None and c.title is None


def test_year_first_dates():
    """Vancouver's year-first date, with a capitalised month only (``2019 may`` is a verb)."""
    assert parse_date("2020 Mar 7") == "2020-03-07"
    assert parse_date("2019 Nov") == "2019-11"
    assert parse_date("2019 may") is None


def test_italic_title_ending_in_a_quoted_title():
    """The closing quote of a title within the title, set upright after the italic run (the
    run holds the quotes before it)."""
    text = "Ann Writer, The “Harbour” and the “Lights,” ed. Bo Reader (Northtown: Moor Books, 1999)."
    c = parse_citations(text, ["The “Harbour” and the “Lights"])[0]
    assert (c.author, c.title, c.date) == ("Ann Writer", "The “Harbour” and the “Lights”", "1999")


@pytest.mark.parametrize("text,url", [
    # a slug's own hyphen between two words that make no word together stays at the break
    ("Ann Writer, “Wages,” Coastal Review 4 (2019), https://www.example.org/articles/long- term.html.",
     "https://www.example.org/articles/long-term.html"),
    ("Ann Writer, ‘Wages’ (2019) <https://www.example.org/news/well- known> accessed 3 May 2020.",
     "https://www.example.org/news/well-known"),
    # a word the typesetter hyphenated loses its hyphen
    ("Ann Writer, “Wages,” Coastal Review 4 (2019), https://www.example.org/docu- ments/report.pdf.",
     "https://www.example.org/documents/report.pdf"),
])
def test_hyphen_at_a_url_break(text, url):
    assert parse_citations(text)[0].url == url
