"""Citations by the general structure of references, in styles and shapes the first grammars
did not know: notes that open with commentary before they cite, organisations whose names
hold commas (the title then set apart by italics, which the fonts tell), German legal notes
(jurabib and the conventions it follows), prose before a quoted title; and properties that
hold for any note: the parser never raises, and never puts the same words in two fields.

The notes are composed here in each style's form (the style manuals' own examples where they
give them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pariter.extract import extract_pdf
from pariter.extract.citations import find_url, parse_citation, parse_citations

from ._pdf import text_ops, write_pdf

F = ("author", "title", "date", "url", "accessed")


def fields(c):
    return tuple(getattr(c, k) for k in F)


# -- notes that open with commentary, then cite -------------------------------------------------
LEAD_INS = [
    ("See, for a discussion, Jane Smith, The Law of Trusts (2nd edn, OUP 2010) 45.",
     ("Jane Smith", "The Law of Trusts", "2010", None, None)),
    ("See, for example, Timothy Endicott, ‘Law is Necessarily Vague’ (2001) 7 Legal Theory 377.",
     ("Timothy Endicott", "Law is Necessarily Vague", "2001", None, None)),
    ("See also Adorno and Benjamin, Complete Correspondence, 23.",
     ("Adorno and Benjamin", "Complete Correspondence", None, None, None)),
    ("Cf. C. Daniel Batson, “How Social Is the Animal? The Human Capacity for Caring,” American "
     "Psychologist 45 (March 1990): 336–46.",
     ("C. Daniel Batson", "How Social Is the Animal? The Human Capacity for Caring", "1990-03",
      None, None)),
    ("For a fuller account see Paul Craig, Administrative Law (7th edn, Sweet & Maxwell 2012) 12.",
     ("Paul Craig", "Administrative Law", "2012", None, None)),
    ("On this point, see Michael Pollan, The Omnivore’s Dilemma: A Natural History of Four Meals "
     "(New York: Penguin, 2006), 99–100.",
     ("Michael Pollan", "The Omnivore’s Dilemma: A Natural History of Four Meals", "2006", None,
      None)),
    # after a preposition only with the whole of a reference: names, title and a date
    ("This argument is developed at length in Kwame Anthony Appiah, The Ethics of Identity "
     "(Princeton: Princeton University Press, 2005), 12.",
     ("Kwame Anthony Appiah", "The Ethics of Identity", "2005", None, None)),
    ("The court relied on a report, see Law Commission, 'Reforming Bribery' (2008) "
     "<https://www.lawcom.gov.uk/x> accessed 3 May 2020.",
     ("Law Commission", "Reforming Bribery", "2008", "https://www.lawcom.gov.uk/x", "2020-05-03")),
    ("Vgl. Canaris, Die Feststellung von Lücken im Gesetz, 2. Aufl. 1983, S. 31 ff.",
     ("Canaris", "Die Feststellung von Lücken im Gesetz", "1983", None, None)),
    # Chinese commentary, then 参见 and the reference
    ("关于这一问题的讨论，参见王利明：《合同法研究》（第一卷），中国人民大学出版社2002年版，第23页。",
     ("王利明", "合同法研究", "2002", None, None)),
]


@pytest.mark.parametrize("text,expected", LEAD_INS, ids=[t[:30] for t, _ in LEAD_INS])
def test_a_note_that_opens_with_commentary_cites_after_it(text, expected):
    c = parse_citation(text)
    assert fields(c) == expected
    # the reference's own text: the note without the commentary that opens it
    assert text.endswith(c.raw) and len(c.raw) < len(text)
    assert c.raw[0].isupper() or c.raw[0] >= "\u3400"  # a name opens it


def test_commentary_alone_gives_no_author_or_title():
    for note in ("See the discussion in chapter 2.",
                 "This point is developed in Part III below.",
                 "For the history of the rule, see the sources collected by the editors.",
                 "Compare the figures given in Table 3 with those of 1999."):
        c = parse_citation(note)
        assert (c.author, c.title) == (None, None), note


def test_a_label_and_the_documents_own_parts_are_no_reference():
    # ``Source:`` labels the note; ``Appendix B, Table 4`` are parts of the document itself
    c = parse_citation("Source: National Bureau of Statistics, China Statistical Yearbook 2020.")
    assert (c.author, c.title) == (None, None)
    c = parse_citation("For details, see Appendix B, Table 4 (2018).")
    assert (c.author, c.title) == (None, None)
    c = parse_citation("数据来源：国家统计局，《中国统计年鉴2020》，中国统计出版社2020年版。")
    assert (c.author, c.title, c.date) == ("国家统计局", "中国统计年鉴2020", "2020")


def test_prose_before_a_quoted_title_is_no_author():
    # the quotes delimit the title; what stands before it is who wrote it only when it reads
    # as names (an organisation's lowercase word is allowed: ``Wharton school of …``)
    c = parse_citation("The point is made forcefully by the report, 'A Pro-Innovation Approach' "
                       "(2023).")
    assert (c.author, c.title, c.date) == (None, "A Pro-Innovation Approach", "2023")
    c = parse_citation("Wharton school of University of Pennsylvania, 'Does Generative AI Solve "
                       "the Financial Literacy Problem?' (27 June 2023).")
    assert c.author == "Wharton school of University of Pennsylvania"


# -- organisations whose names hold commas ---------------------------------------------------------
def test_an_organisation_with_commas_before_a_quoted_title():
    c = parse_citation("Department for Business, Energy and Industrial Strategy, 'Industrial "
                       "Strategy: Building a Britain Fit for the Future' (2017) "
                       "<https://www.gov.uk/x> accessed 1 May 2020.")
    assert fields(c) == ("Department for Business, Energy and Industrial Strategy",
                         "Industrial Strategy: Building a Britain Fit for the Future", "2017",
                         "https://www.gov.uk/x", "2020-05-01")


OSCOLA_ITALIC = [
    # the OSCOLA manual cites itself so, the title in italics
    ("Faculty of Law, University of Oxford, OSCOLA: Oxford University Standard for Citation of "
     "Legal Authorities (4th edn, Hart Publishing 2012).",
     ["OSCOLA: Oxford University Standard for Citation of", "Legal Authorities"],
     ("Faculty of Law, University of Oxford", "OSCOLA: Oxford University Standard for Citation of "
      "Legal Authorities", "2012", None, None)),
    ("Department for Environment, Food and Rural Affairs, Our Countryside: The Future (White "
     "Paper, Cm 3345, 2001).", ["Our Countryside: The Future"],
     ("Department for Environment, Food and Rural Affairs", "Our Countryside: The Future", "2001",
      None, None)),
    ("Faculty of Law, University of Oxford, OSCOLA (n 4) 32-36.", ["OSCOLA"],
     ("Faculty of Law, University of Oxford", "OSCOLA", None, None, None)),
    # MLA and Chicago book titles in italics; a title a line break hyphenated
    ("Atwood, Margaret. The Blind Assassin. Knopf-Random, 2001.", ["The Blind Assassin"],
     ("Atwood, Margaret", "The Blind Assassin", "2001", None, None)),
    ("Koen Lenaerts and Piet van Nuffel, Constitutional Law of the European Union (Robert Bray "
     "ed, 2nd edn, Sweet & Maxwell 2005) 763.", ["Constitu-", "tional Law of the European Union"],
     ("Koen Lenaerts and Piet van Nuffel", "Constitutional Law of the European Union", "2005",
      None, None)),
]


@pytest.mark.parametrize("text,italics,expected", OSCOLA_ITALIC,
                         ids=[t[:30] for t, _, _ in OSCOLA_ITALIC])
def test_italics_set_the_title_apart(text, italics, expected):
    assert fields(parse_citation(text, italics)) == expected


def test_without_italics_a_comma_in_the_name_leaves_author_and_title_unread():
    # the text alone cannot tell where the organisation's name ends: no guess
    c = parse_citation("Department for Environment, Food and Rural Affairs, Our Countryside: The "
                       "Future (White Paper, Cm 3345, 2001).")
    assert (c.author, c.title) == (None, None)


def test_italics_that_are_no_title():
    # a case name or a German author opening the note, Latin cross-references, italics in
    # a sentence: the grammars read these, or nothing is read
    c = parse_citation("Phipps v Boardman [1967] 2 AC 46 (HL).", ["Phipps v Boardman"])
    assert (c.author, c.title, c.date) == (None, "Phipps v Boardman", "1967")
    c = parse_citation("Larenz, Methodenlehre, S. 23.", ["Larenz"])
    assert (c.author, c.title) == ("Larenz", "Methodenlehre")
    c = parse_citation("Smith, supra note 3, at 5.", ["supra"])
    assert c.title is None
    c = parse_citation("The doctrine of res judicata applies, as the court held in 1999.",
                       ["res judicata"])
    assert (c.author, c.title) == (None, None)
    # a quoted title comes first: the journal set in italics after it is no title
    c = parse_citation("C. Daniel Batson, “How Social Is the Animal?,” American Psychologist "
                       "45 (March 1990): 336–46.", ["American Psychologist"])
    assert (c.author, c.title) == ("C. Daniel Batson", "How Social Is the Animal?")


def _esc(t: str) -> str:
    return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _mixed(x: float, top: float, size: float, pieces: list[tuple[str, str]]) -> str:
    ops = [f"BT {x} {792 - top} Td"] + [f"/{f} {size} Tf ({_esc(t)}) Tj" for f, t in pieces]
    return " ".join(ops + ["ET"])


def test_the_fonts_of_a_pdf_tell_the_italic_title(tmp_path: Path) -> None:
    """End to end: notes set in Times with titles in Times-Italic, two of them organisations
    whose names hold commas, one title running over a line break."""
    body = [(72, 114, 11, "The rules of citation that a court follows are set out in the manual"),
            (72, 128, 11, "of the faculty, and the same rules hold for the reports of the"),
            (72, 142, 11, "department as well, as a reader of the page would expect of them.")]
    ops = "\n".join([
        text_ops(body),
        "BT /F2 11 Tf 72 636 Td (The reader finds the manual cited here) Tj /F2 7 Tf 4 Ts (1) Tj "
        "/F2 11 Tf 0 Ts ( and the report here) Tj /F2 7 Tf 4 Ts (2) Tj /F2 11 Tf 0 Ts (.) Tj ET",
        "0.5 w 72 100 m 250 100 l S",
        _mixed(72, 705, 8, [("F2", "1 Faculty of Law, University of Oxford, "),
                            ("F3", "OSCOLA: Oxford University Standard for")]),
        _mixed(72, 715, 8, [("F3", "Citation of Legal Authorities"),
                            ("F2", " (4th edn, Hart Publishing 2012).")]),
        _mixed(72, 727, 8, [("F2", "2 Department for Environment, Food and Rural Affairs, "),
                            ("F3", "Our Countryside: The Future"), ("F2", " (White Paper, 2001).")]),
    ])
    fonts = ["<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
             "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /WinAnsiEncoding >>"]
    doc = extract_pdf(write_pdf(tmp_path / "notes.pdf", [ops], fonts="/F2 6 0 R /F3 7 0 R",
                                extra_objects=fonts))
    got = [(f.label, [(c.author, c.title, c.date) for c in f.citations]) for f in doc.footnotes]
    assert got == [
        ("1", [("Faculty of Law, University of Oxford",
                "OSCOLA: Oxford University Standard for Citation of Legal Authorities", "2012")]),
        ("2", [("Department for Environment, Food and Rural Affairs", "Our Countryside: The Future",
                "2001")])]


# -- German legal notes (jurabib and the conventions it follows) ---------------------------------
GERMAN = [
    # short forms: name, short title, pinpoint (page, margin number, paragraph and article)
    ("Larenz, Methodenlehre, S. 23.", ("Larenz", "Methodenlehre", None, None, None)),
    ("Medicus, Bürgerliches Recht, Rn. 120.", ("Medicus", "Bürgerliches Recht", None, None, None)),
    ("Roxin, Strafrecht AT I, § 5 Rn. 10 ff.", ("Roxin", "Strafrecht AT I", None, None, None)),
    # a commentary: the editor and commentator joined by a slash
    ("Palandt/Heinrichs, BGB, § 242 Rn. 5.", ("Palandt/Heinrichs", "BGB", None, None, None)),
    # jurabib's colon after the name
    ("Larenz: Methodenlehre, S. 23.", ("Larenz", "Methodenlehre", None, None, None)),
    # the work cited before: a name, no title
    ("Vgl. Medicus, a. a. O., S. 12.", ("Medicus", None, None, None, None)),
    # full notes: title, edition, place and year as comma-separated fields
    ("Larenz, Methodenlehre der Rechtswissenschaft, 6. Aufl., Berlin 1991, S. 23.",
     ("Larenz", "Methodenlehre der Rechtswissenschaft", "1991", None, None)),
    ("Kötz, Europäisches Vertragsrecht, Tübingen 1996.",
     ("Kötz", "Europäisches Vertragsrecht", "1996", None, None)),
    # a bibliography entry: a colon after the name, fields closed by full stops
    ("Larenz, Karl: Methodenlehre der Rechtswissenschaft. 6. Aufl. Berlin: Springer, 1991.",
     ("Larenz, Karl", "Methodenlehre der Rechtswissenschaft", "1991", None, None)),
    ("Karl Larenz: Methodenlehre der Rechtswissenschaft. 6. Aufl. Berlin: Springer, 1991.",
     ("Karl Larenz", "Methodenlehre der Rechtswissenschaft", "1991", None, None)),
]


@pytest.mark.parametrize("text,expected", GERMAN, ids=[t[:30] for t, _ in GERMAN])
def test_german_legal_notes(text, expected):
    assert fields(parse_citation(text)) == expected


def test_german_decisions_and_periodicals_are_no_title():
    # a court, a law report's volume and page, a periodical's year and page: no author or
    # title to read (the year of a periodical is its volume, not a title's last word)
    for note in ("BGH, NJW 1990, 2000.", "BVerfGE 7, 198 (205).", "Ders., a. a. O., S. 5."):
        c = parse_citation(note)
        assert (c.author, c.title) == (None, None), note


# -- properties of any note --------------------------------------------------------------------
_WORD = st.sampled_from(["Smith", "Jane", "of", "the", "Law", "and", "Trusts", "See", "see",
                         "Vgl.", "in", "by", "et", "al.", "Faculty", "University", "Oxford",
                         "ed.", "S.", "Rn.", "§", "23", "1999", "2. Aufl.", "v", "Boardman",
                         "报告", "《人工智能》", "等", "[M]", "[EB/OL]", "访问", "accessed",
                         "a. a. O.", "Ibid.", "Id.", "supra", "n", "at", "pp.", "para"])
_PUNCT = st.sampled_from([" ", ", ", ". ", ": ", "; ", " (", ") ", " [", "] ", " ‘", "’ ", " “",
                          ",” ", " '", "' ", "《", "》", "，", "。", " <", "> ", "/", " - "])
_DATE = st.sampled_from(["24 June 2023", "June 24, 2023", "Sept. 2020", "2023年9月27日", "2019",
                         "(2001)", "[1967]", "2023-09-27", "Spring 2005", "(March 1990)"])
_URL = st.sampled_from(["https://example.org/a/b-c.html", "<https://x.org/y>", "www.jstor.org/stable/1",
                        "http://www.cac.gov.cn/2023-07/13/c_1.htm", "https://a.com/x_\ny"])
_PIECE = st.one_of(_WORD, _PUNCT, _DATE, _URL, st.text(max_size=6))
_NOTES = st.lists(_PIECE, max_size=24).map("".join)


@st.composite
def _notes_with_italics(draw):
    note = draw(_NOTES)
    runs = []
    for _ in range(draw(st.integers(0, 3))):
        if note:
            a = draw(st.integers(0, len(note) - 1))
            b = draw(st.integers(a, min(len(note), a + 40)))
            runs.append(note[a:b])
    return note, runs


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _disjoint(raw: str, a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` occur in ``raw`` at places that do not overlap."""
    ia = [m.start() for m in re.finditer(re.escape(a), raw)]
    ib = [m.start() for m in re.finditer(re.escape(b), raw)]
    return any(x + len(a) <= y or y + len(b) <= x for x in ia for y in ib)


def _in_raw(field: str, raw: str) -> bool:
    # fields are the printed text, whitespace collapsed, a line break inside CJK dropped, and
    # a full stop added to ``et al``
    f = field.removesuffix(".") if field.endswith("et al.") else field
    return _norm(f) in _norm(raw) or f.replace(" ", "") in re.sub(r"\s+", "", raw)


PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(_notes_with_italics())
def test_the_parser_never_raises_and_never_reads_the_same_words_twice(case):
    note, italics = case
    cits = parse_citations(note)
    for c in cits + [parse_citation(note, italics)]:
        assert c.raw in note
        raw = _norm(c.raw)
        for k in ("author", "title"):
            v = getattr(c, k)
            assert v is None or (v.strip() == v and v and _in_raw(v, raw)), (k, v)
        if c.author and c.title:
            # author and title are different words of the note, never the same ones
            assert _disjoint(raw, _norm(c.author), _norm(c.title)) or \
                _disjoint(re.sub(r"\s+", "", raw), c.author.replace(" ", ""),
                          c.title.replace(" ", "")), (c.author, c.title)
        if c.url:
            for v in (c.author, c.title):
                assert v is None or c.url not in v
        for d in (c.date, c.accessed):
            assert d is None or re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", d)


@PROPS
@given(st.text(max_size=200), st.lists(st.text(max_size=20), max_size=4))
def test_any_text_parses(note, italics):
    c = parse_citation(note, italics)
    assert c.raw == note


# -- more shapes of the same structures ---------------------------------------------------------
SHAPES = [
    # Vancouver and IEEE; Nature's inverted names joined by ``&``
    ("Smith J, Jones A. Dietary fibre and colon cancer. J Med. 2001;45(3):123-9.",
     ("Smith J, Jones A", "Dietary fibre and colon cancer", "2001", None, None)),
    ("J. Smith and A. Jones, \"Title of the paper,\" IEEE Trans. Inf. Theory, vol. 5, no. 2, "
     "pp. 1–10, Mar. 2001.",
     ("J. Smith and A. Jones", "Title of the paper", "2001-03", None, None)),
    ("Smith, J. & Jones, A. Quantum dots in cells. Nature 401, 23–27 (2001).",
     ("Smith, J. & Jones, A", "Quantum dots in cells", "2001", None, None)),
    ("A. Smith, B. Jones, and C. Lee, \"A new method,\" in Proc. IEEE Conf. Comput. Vis., 2019, "
     "pp. 1–8.", ("A. Smith, B. Jones, and C. Lee", "A new method", "2019", None, None)),
    # ACS: inverted names joined by semicolons
    ("Smith, A.; Jones, B. Title of Paper. J. Am. Chem. Soc. 2019, 141, 1234–1240.",
     ("Smith, A.; Jones, B", "Title of Paper", "2019", None, None)),
    # APA's edition after the title; Harvard's quoted article title
    ("Jackson, L. M. (2019). The psychology of prejudice: From attitudes to social action (2nd "
     "ed.). American Psychological Association. https://doi.org/10.1037/0000168-000",
     ("Jackson, L. M.", "The psychology of prejudice: From attitudes to social action", "2019",
      "https://doi.org/10.1037/0000168-000", None)),
    ("Smith, J. (2015) ‘Title of article’, Journal Name, 12(3), pp. 45–67.",
     ("Smith, J.", "Title of article", "2015", None, None)),
    # McGill: the edition without a full stop ends the title
    ("Peter W Hogg, Constitutional Law of Canada, 5th ed (Toronto: Carswell, 2007) at 12.",
     ("Peter W Hogg", "Constitutional Law of Canada", "2007", None, None)),
    # Chicago author-date's reference list: the year a field of its own
    ("Smith, John. 2001. The Book of Things. London: Publisher.",
     ("Smith, John", "The Book of Things", "2001", None, None)),
    # a French note: place, publisher and year as fields
    ("Jean Dupont, Titre du livre, Paris, Gallimard, 2001, p. 23.",
     ("Jean Dupont", "Titre du livre", "2001", None, None)),
    # OSCOLA: a journal numbered by year in square brackets; a document number after the title
    ("Paul Craig, ‘Theory, “Pure Theory” and Values in Public Law’ [2005] PL 440.",
     ("Paul Craig", "Theory, “Pure Theory” and Values in Public Law", "2005", None, None)),
    ("European Commission, ‘White Paper on Artificial Intelligence’ COM (2020) 65 final.",
     ("European Commission", "White Paper on Artificial Intelligence", "2020", None, None)),
    # Chinese legal notes (法学引注): the edition's year (出版社2007年版), a journal's year and
    # issue (2001年第2期), an article's title in quotes before the journal in 《》
    ("[美]罗斯科·庞德：《法理学》（第一卷），余履雪译，法律出版社2007年版，第10页。",
     ("[美]罗斯科·庞德", "法理学", "2007", None, None)),
    ("参见王利明：《论合同的相对性》，载《中国法学》1996年第4期。",
     ("王利明", "论合同的相对性", "1996", None, None)),
    ("张三：“论文标题”，《法学研究》2001年第2期，第3页。",
     ("张三", "论文标题", "2001", None, None)),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[t[:30] for t, _ in SHAPES])
def test_more_shapes_of_references(text, expected):
    assert fields(parse_citation(text)) == expected


def test_a_lowercase_word_after_the_year_is_prose_not_a_title():
    c = parse_citation("As shown by Smith (2019) for the details of the method.")
    assert c.title is None
    # a Bluebook article's title runs to the volume and journal, not over them
    c = parse_citation("Jane Doe, Title of Article, 100 Harv. L. Rev. 1, 5 (1987).")
    assert c.title in (None, "Title of Article")


def test_dates_and_access_cues_of_german_and_french_notes():
    from pariter.extract.citations import parse_date
    assert parse_date("12. März 2021") == "2021-03-12"
    assert parse_date("12.03.2021") == "2021-03-12"
    assert parse_date("Juni 2020") == "2020-06"
    assert parse_date("5 juillet 2019") == "2019-07-05"
    assert parse_date("décembre 2019") == "2019-12"
    assert parse_date("31.02.2020") is None
    c = parse_citation("Müller, Datenschutz im Netz, https://example.de/a, zuletzt abgerufen am "
                       "12.03.2021.")
    assert (c.url, c.accessed) == ("https://example.de/a", "2021-03-12")
    c = parse_citation("Dupont, « Le droit », https://example.fr/b, consulté le 5 mai 2020.")
    assert c.accessed == "2020-05-05"


def test_an_italic_title_opening_the_note_with_its_date():
    c = parse_citation("The Chicago Manual of Style, 17th ed. (Chicago: University of Chicago "
                       "Press, 2017), 4.12.", ["The Chicago Manual of Style"])
    assert (c.author, c.title, c.date) == (None, "The Chicago Manual of Style", "2017")
    # names and a year before an italic title: author-date's grammar reads it, not the italics
    c = parse_citation("Smith, J. 2001. The Book of Things. London: Publisher.",
                       ["The Book of Things"])
    assert (c.author, c.title, c.date, c.style) == ("Smith, J.", "The Book of Things", "2001",
                                                     "author-date")


# -- forms of notes in the humanities, composed in each form ------------------------------------
FORMS = [
    # a colon after the name (the German humanities' notes, in English), the container after in:
    ("See Maria Keller: Roads of the Hanseatic Towns, in: Northern Studies 8 (1961), pp. 3–40",
     ("Maria Keller", "Roads of the Hanseatic Towns", "1961", None, None)),
    ("Plato: Republic (see n. 2).", ("Plato", "Republic", None, None, None)),
    # one-name entries with the year after the publisher; Idem with a title
    ("Plutarch. Moralia. Trans. by Frank Cole Babbitt. London: Heinemann, 1927.",
     ("Plutarch", "Moralia", "1927", None, None)),
    ("Idem, Moralia, p. 12.", (None, "Moralia", None, None, None)),
    # a short title alone with its pinpoint: an abbreviation, small capitals read as lower case
    ("GMS, p. 33.", (None, "GMS", None, None, None)),
    ("bluebook, 12–14.", (None, "bluebook", None, None, None)),
    ("‘. . . the rule is plain’ (emphasis added) bluebook, 7.", (None, "bluebook", None, None, None)),
    # untitled works: a review, a comment, a reply; a letter
    ("Anne Field, review of The Quiet Sea, by Tom Hale, London Review, March 3, 2011, 9.",
     ("Anne Field", None, "2011-03-03", None, None)),
    ("BK, comment on Moss, “Open Fields.”", ("BK", None, None, None, None)),
    ("Paula Grant, reply to “Why do rivers bend?,” Quora, May 2, 2017.",
     ("Paula Grant", None, "2017-05-02", None, None)),
    ("Mary Hale to John Dodd, 3 April 1921.", ("Mary Hale", None, "1921-04-03", None, None)),
    # a reference work's entry; a title before its URL
    ("Encyclopedia Americana, 2nd ed. (1999), s.v. “Rivers.”",
     (None, "Encyclopedia Americana", "1999", None, None)),
    ("Notes on the layout of long tables：https://example.org/issues/12",
     (None, "Notes on the layout of long tables", None, "https://example.org/issues/12", None)),
    # a headline-style title ends where a lowercase field begins; a classical pinpoint
    ("Jane Roe, A Night at Sea, in Five Plays, trans. Ann Lee (Boston: Beacon, 1988).",
     ("Jane Roe", "A Night at Sea", "1988", None, None)),
    ("Cicero, De Officiis 1.3.9.", ("Cicero", "De Officiis", None, None, None)),
    # the air date, closed by a parenthesis; OSCOLA's URL in mathematical angle brackets
    ("Ann Doe, “The One with the Boat,” Series, season 2, episode 4, aired May 7, 1998 (Burbank, "
     "CA: Studio Video, 2004), DVD.", ("Ann Doe", "The One with the Boat", "1998-05-07", None, None)),
    ("Law School, University of Leeds, Guide to Citation (2nd edn, 2011) ⟨http://www.leeds.ac.uk/g⟩.",
     (None, None, "2011", "http://www.leeds.ac.uk/g", None)),
    ("example.org", (None, None, None, "example.org", None)),
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[t[:30] for t, _ in FORMS])
def test_forms_of_humanities_notes(text, expected):
    assert fields(parse_citation(text)) == expected


def test_a_title_in_sentence_case_keeps_its_commas():
    c = parse_citation("Ravi Rao, Learning to rank: A survey of methods, data, metrics and open "
                       "problems (Cambridge: CUP, 2021).")
    assert c.title == "Learning to rank: A survey of methods, data, metrics and open problems"


def test_a_note_gives_each_of_its_references():
    cits = parse_citations("“Song of the Road,” field recording, cited in Ann Lee et al., “Music of "
                           "the Plains,” Folk Studies 12, no. 2 (2001), https://doi.org/10.1/x.")
    assert [(c.author, c.title) for c in cits] == [(None, None), ("Ann Lee et al.", "Music of the Plains")]
    cits = parse_citations("Phipps v Boardman [1967] 2 AC 46 (HL); see Jane Roe [2008] CLJ 12 (note).")
    assert [(c.author, c.title, c.date) for c in cits] == [(None, "Phipps v Boardman", "1967"),
                                                         ("Jane Roe", None, "2008")]


def test_a_letter_spaced_url_is_joined():
    # a monospace URL stretched to justify its line: the text layer has spaces between pieces
    c = parse_citation("Law School, Guide to Citation (2nd edn, 2011) http : / / www. law. leeds . "
                       "ac . uk / guide / citation _ 2011 . pdf 12–14.")
    assert c.url == "http://www.law.leeds.ac.uk/guide/citation_2011.pdf"
    assert find_url("see http : / / www . example . org / a / b accessed 5 May 2020") == \
        "http://www.example.org/a/b"


def test_latin_cross_references_are_no_short_title():
    for note in ("ibid.", "ibid, 5.", "idem, 12.", "passim.", "See ‘the rule’ ibid, 4.", "supra, 3."):
        c = parse_citation(note)
        assert (c.author, c.title) == (None, None), note


def test_in_note_author_year_citations():
    # Chicago author-date and biblatex's authoryear styles cite in notes by name and year
    cits = parse_citations("Knuth 1986a; see Goossens, Mittelbach, and Samarin 1994, p. 25.")
    assert [(c.author, c.title, c.date) for c in cits] == [
        ("Knuth", None, "1986"), ("Goossens, Mittelbach, and Samarin", None, "1994")]
    c = parse_citation("Aksın et al. 2006, pp. 3–5.")
    assert (c.author, c.date) == ("Aksın et al.", "2006")
    assert parse_citation("Windows 2000.").author is None  # a name and a version


def test_a_german_title_goes_on_after_a_comma():
    c = parse_citation("Roth: Recht, soziale Ordnung und öffentliche Verwaltung im Wandel, Berlin: "
                       "Duncker & Humblot, 1997, S. 23.")
    assert (c.author, c.title, c.date) == (
        "Roth", "Recht, soziale Ordnung und öffentliche Verwaltung im Wandel", "1997")
