"""Citations parsed out of footnote text.

Two styles are parsed fully, because they are the ones the reports we work on use; the
reference styles of academic writing are read by a small grammar per family:

``en`` — OSCOLA-like::

    Gartner, 'Maverick Research : …' (24 June 2023), <https://…> accessed 19 September 2023.

  author or organisation, a comma, the title in single quotes (straight or curly; double
  quotes are accepted too), an optional date in parentheses, an optional URL in angle
  brackets and an optional ``accessed <date>``.

``zh`` — the Chinese report style::

    中国企业网,《以 Chat GPT 为代表的…》(2023 年 4 月), 来源:<http://…>, 2023 年 9 月 27 日访问。

  author, the title in 《》, the date in parentheses or as a field of its own after the
  title, an optional 来源 URL (angle brackets optional) and an optional ``<date>访问``.
  Full-width punctuation （，：） and spaces inside dates (``2023 年 4 月``) are accepted.

``gbt7714`` — GB/T 7714, the Chinese national standard for references (its 1987, 2005 and
2015 editions and the LaTeX styles that follow it, with ASCII or full-width stops)::

    作者. 题名[M]. 出版地: 出版者, 2010: 12-15.
    作者. 题名[EB/OL]. (2023-06-24)[2023-09-27]. URL.

  fields closed by full stops; the type identifier in brackets (``[M]``, ``[J]``,
  ``[EB/OL]`` …) closes the title and is what marks the style; the date is the first field
  after it that is a date or whose comma-separated part starts with the year (``出版者,
  年: 页码``, ``刊名, 年, 卷(期)``) or ends in a date in parentheses (``页码(更新日期)``);
  the bracketed date after the type is the 引用日期, that is ``accessed`` (``年: 页码[引用
  日期]``, ``(更新日期)[引用日期]``). The field before the type is the title, less a number
  after its colon (``: GB/T 7714—2015``, a report's or patent's number); the fields before
  it that are names join the author (the CSL style separates names with full stops:
  ``王明. 李华. 题名[J]``); without an author the entry opens with the title; in the
  author-date system the year closes the author's field (``CRANE D, 1972. Title[M]``).

``humanities`` — the note-and-bibliography styles of the humanities and law (Chicago,
Turabian, SBL, MLA, OSCOLA)::

    Name and Name, Title of a Book, ed. X (Place: Publisher, 1999), 23.
    Name, “Title of an Article,” Journal 45 (March 1990): 336–46.
    Surname, Given. “Title.” Container, vol. 9, no. 1, 2018, pp. 550–78. URL.
    Name, Short Title, 3.     Name (n 7) 57.     Phipps v Boardman [1967] 2 AC 46 (HL).
    Miranda v. Arizona, 384 U.S. 436 (1966).     Miranda, 384 U.S. at 444.

  read only where the author has the shape of names (capitalised words, initials,
  particles, ``and``, ``et al.``); the date is the first one that is a field of its own
  after the title (closing a parenthesis or between commas).

``author-date`` — APA and Harvard: ``Surname, A. A., & Surname, B. (2019). Title. …``
(an organisation's name may hold small words: ``Office for National Statistics (2019) …``).

The 法学引注手册 (Chinese legal notes) sets some titles without 《》: ``作者：题名（版本），
2016年11月16日版，12。`` — the full-width colon, the full-width comma and the edition's date
closing with 版 delimit author, title and date; its back-reference ``同前注〔2〕，作者书`` names
the author. Vancouver/ICMJE entries (``Surname AB, Surname C. Title. Journal. 2020 Mar
7;395(1):7-9.``, ``[cited 2021 Jan 12]`` as the accessed date) and legislation cited by its
title (``Pensions Act (2014) 45``, ``… [2004] OJ L24/1``, ``Convention … 137``) are
``humanities`` too.

German legal notes (jurabib and the conventions it follows) are ``humanities`` too: names
joined by a slash (``Palandt/Heinrichs``), a colon after the name, pinpoints (``S. 23``,
``§ 242 Rn. 5``), comma-separated publication facts without parentheses (``2. Aufl. 1983``).

Where the fonts set a title in italics (the extractor passes a note's italic runs), the first
italic run after a head of names is the title: this is what tells an organisation's name that
holds commas from the title after it (``Faculty of Law, University of Oxford, *OSCOLA* …``).

A note that opens with commentary is read from its signal on (``See, for a discussion,
Name, Title …``; ``For a fuller account see Name …``; ``Vgl. Name …``; ``参见…``), or from
after any word of prose when names, a title and a date follow (``The curious can consult
Name, Title (…, 2005)``); its ``raw`` is then the reference's own text.

The humanities' other shapes are read by what they print, never by a list of works: a colon
after the name (``Name: Title, in: Container 12 (1950)``), an entry under one name
(``Aristotle. De Anima. …, 1907.``), ``Idem, Title``, a short title alone with its pinpoint
(``KpV, p. 24``; small capitals the text layer gives in lower case, ``oscola, 20``), untitled
works described in lower case after the name (``review of …``, ``comment on …``, ``reply to
“Q”``: no title), letters (``X to Y, 25 September 1918``), ``s.v.`` entries, law reports
without the case name. Where a name holds commas and no quotes or italics part it from the
title, both are left unread.

URLs printed without a scheme (MLA: ``www.jstor.org/stable/1``, ``books.google.com/…``) are
URLs when their lowercase host ends in a generic top-level domain, or in a country's with
three labels or more.

Anything else gets style ``other``: ``raw`` plus only what is reliable. A URL anywhere in
the note is always extracted, an ``accessed``/``访问`` date too; two academic patterns
(``Name, Name, et al. Title, Dec. 2020`` and ``Name, Title (Place 2019)``) give author,
title and dates when they match; otherwise a date is taken only from a parenthesis that
closes the note (``… (2021).``). When in doubt a field is None rather than a guess.

Dates come back as ISO 8601 at the precision printed: ``2023``, ``2023-06``, ``2023-06-24``.

URLs are rejoined when the note wraps them across lines:

* inside angle brackets every whitespace run is removed;
* a bare URL continues over a whitespace run when the break is evidently inside it (the
  piece before ends with ``/ - _ = & ? # % ~``, the piece after starts with one of
  ``/ - _ . = & ? # % ~``, contains ``/ _ = & % ?`` or ends in a file extension such as
  ``.html``, or is a run of digits that closes the note's URL field);
* a hyphen at a line break (``…/white- paper``) is kept when the URL's path has other
  hyphens (slug-style URLs, where typesetters break after a real hyphen) and dropped when
  it has none (``…/docu- ments/…``, a hyphen inserted by hyphenation).

Of ``<https://a/b.pdf> junk> accessed …`` the URL is what the first brackets hold.

:func:`parse_citations`, which the extractor calls, splits a note holding several references
separated by ``;``/``；`` (only when every part parses as a citation) or cited through
another (``X, cited in Y``); :func:`parse_citation` reads one.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from pariter.model import Citation

__all__ = ["parse_citation", "parse_citations", "parse_date", "find_url", "date_order"]

# -- normalisation -------------------------------------------------------------------------
# Matching runs on a copy of the text in which full-width ASCII forms (，：（）０-９) and the
# ideographic space are mapped to their ASCII counterparts. The mapping is one character to
# one character, so spans found in the copy slice the original, and fields keep the
# punctuation as printed.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_SUPERSCRIPT_LABEL = re.compile(r"^[\s⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=\S)")
_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"


def _fold(text: str) -> str:
    return text.translate(_FULLWIDTH)


def _clean(s: str | None) -> str | None:
    """Whitespace as a reader sees it: a line break between CJK characters disappears,
    every other whitespace run becomes one space."""
    if s is None:
        return None
    s = re.sub(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s or None


# -- dates -----------------------------------------------------------------------------------
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
#: month names in English, and those of German and French notes (``12. März 2021``,
#: ``5 juillet 2019``), by their first letters (the French June and July by four)
_MONTHS.update({"mär": 3, "mai": 5, "okt": 10, "dez": 12, "fév": 2, "avr": 4, "aoû": 8,
                "déc": 12, "juin": 6, "juil": 7, "janv": 1, "févr": 2})
_MONTH = (r"(?:jan(?:uary|uar|vier|v)?|feb(?:ruary|ruar)?|f[ée]v(?:rier|r)?|mar(?:ch|s)?|märz?"
          r"|apr(?:il)?|avr(?:il)?|may|mai|jun[ei]?|juin|jul[yi]?|juil(?:let)?|aug(?:ust)?|ao[uû]t"
          r"|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?"
          r"|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember)?)\b\.?")
_YEAR = r"(?:1[5-9]|20)\d{2}"
_ORD = r"(?:st|nd|rd|th)?"

#: One date in any of the printed forms we accept; exactly one named group set per form.
DATE = (
    rf"(?:(?P<d1>\d{{1,2}})(?:{_ORD}|\.)\s*(?P<m1>{_MONTH})\s*,?\s*(?P<y1>{_YEAR})"  # 24 June 2023
    rf"|(?P<m2>{_MONTH})\s*(?P<d2>\d{{1,2}}){_ORD}\s*,?\s*(?P<y2>{_YEAR})"     # June 24, 2023
    rf"|(?P<m3>{_MONTH})\s*,?\s*(?P<y3>{_YEAR})"                                # Sept. 2023
    rf"|(?P<y4>{_YEAR})\s*年\s*(?:(?P<m4>\d{{1,2}})\s*月\s*(?:(?P<d4>\d{{1,2}})\s*日)?)?"  # 2023年9月27日
    rf"|(?P<y5>{_YEAR})[-/.](?P<m5>\d{{1,2}})(?:[-/.](?P<d5>\d{{1,2}}))?(?!\d|\.\d)"  # 2023-09-27
    rf"|(?P<y7>{_YEAR})—(?P<m7>\d{{1,2}})—(?P<d7>\d{{1,2}})(?!\d)"              # 1989—07—26
    rf"|(?P<d8>\d{{1,2}})\.\s?(?P<m8>\d{{1,2}})\.\s?(?P<y8>{_YEAR})"                 # 12.03.2021
    rf"|(?P<a9>\d{{1,2}})/(?P<b9>\d{{1,2}})/(?P<y9>{_YEAR})"                       # 06/27/2010
    rf"|(?P<y0>{_YEAR})\s+(?P<m0>(?-i:(?=[A-Z])){_MONTH})(?:\s*(?P<d0>\d{{1,2}})(?!\d))?"           # 2020 Mar 7 (Vancouver)
    rf"|(?P<y6>{_YEAR}))(?![\d年])"                                              # 2023
)
#: (a year after a range's dash is no date of its own: ``1875–1899``, ``1893–1913``)
_DATE_RE = re.compile(rf"(?<![\w/\-–]){DATE}", re.I)
_DATE_FULL = re.compile(rf"{DATE}", re.I)


#: the order of a slashed numeric date (``04/08/2009``) where neither number exceeds 12:
#: ``"mdy"`` (American) or ``"dmy"``, as the document's own dates show it
#: (:func:`date_order`); None leaves such a date unread. Set by :func:`parse_citations`.
_NUMERIC_ORDER: ContextVar[str | None] = ContextVar("numeric_order", default=None)
#: Whether the document writes its notes as author-date references (set by
#: :func:`parse_citations` from :func:`author_date_notes`).
_AUTHOR_DATE_DOC: ContextVar[bool] = ContextVar("author_date_doc", default=False)
_NUMERIC = re.compile(rf"(?<![\w/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_YEAR}(?![\w/])")
_SPELLED_MD = re.compile(rf"\b{_MONTH}\s*\d{{1,2}}{_ORD}\s*,\s*{_YEAR}", re.I)
_SPELLED_DM = re.compile(rf"\b\d{{1,2}}(?:{_ORD}|\.)?\s+{_MONTH}\s*,?\s*{_YEAR}", re.I)


def date_order(texts: Sequence[str]) -> str | None:
    """The order in which a document writes slashed numeric dates, from its own notes.

    ``04/08/2009`` is April 8 in American usage and 4 August elsewhere; the document tells
    which: a slashed date with a first number over 12 is day first, with a second over 12
    month first; failing those, the order its spelled-out dates follow (``Sept. 30, 2004``
    month first, ``30 September 2004`` day first). None when the evidence is absent or
    split."""
    md = dm = 0
    for text in texts:
        for m in _NUMERIC.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            md += b > 12 >= a
            dm += a > 12 >= b
    if not md and not dm:
        for text in texts:
            md += len(_SPELLED_MD.findall(text))
            dm += len(_SPELLED_DM.findall(text))
    if md and not dm or md > 3 * dm:
        return "mdy"
    if dm and not md or dm > 3 * md:
        return "dmy"
    return None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g.get("y9"):
        a, b = int(g["a9"]), int(g["b9"])
        order = "dmy" if a > 12 else "mdy" if b > 12 else _NUMERIC_ORDER.get()
        if order is None:
            return None
        g = dict(g, y1=None, y9=None, y8=g["y9"], d8=str(a if order == "dmy" else b),
                 m8=str(b if order == "dmy" else a))
    for i in "123456780":
        if g.get(f"y{i}"):
            year, month, day = g[f"y{i}"], g.get(f"m{i}"), g.get(f"d{i}")
            break
    else:  # pragma: no cover - the pattern always sets a year
        return None
    if month and not month.isdigit():
        low = month.lower().rstrip(".")
        month = _MONTHS.get(low[:4]) or _MONTHS[low[:3]]
    mo = int(month) if month else None
    d = int(day) if day else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None:
        try:
            datetime.date(int(year), mo or 1, d)
        except ValueError:
            return None
    return year + (f"-{mo:02d}" if mo else "") + (f"-{d:02d}" if mo and d else "")


def parse_date(text: str) -> str | None:
    """ISO form of a string that is one date and nothing else (surrounding brackets and
    punctuation allowed): ``'24 June 2023'`` → ``'2023-06-24'``, ``'2023 年 4 月'`` →
    ``'2023-04'``, ``'Sept. 2020'`` → ``'2020-09'``; None otherwise."""
    s = _fold(text).strip().strip("()[]<>.,;: \u3002\u3001")
    m = _DATE_FULL.fullmatch(s)
    return _iso(m) if m else None


def _trailing_date(text: str) -> str | None:
    """The date that ends ``text`` after a space or comma (``Rochester 2019``,
    ``Washington, D.C.: Sept. 22, 2020``), or that ``text`` is."""
    s = _fold(text).strip().rstrip(".").strip()
    whole = parse_date(s)
    if whole:
        return whole
    for m in _DATE_RE.finditer(s):
        if m.end() == len(s) and (m.start() == 0 or s[m.start() - 1] in " ,:"):
            return _iso(m)
    return None


# -- URLs ----------------------------------------------------------------------------------
_URL_START = r"(?:https?://|ftp://|www\.)"
#: (the angle brackets OSCOLA prints may be the mathematical ones: ``⟨http://…⟩``)
_BRACKETED_URL = re.compile(rf"[<⟨〈]+\s*(?P<u>{_URL_START}[^<>⟨⟩〈〉]*?)\s*[>⟩〉]+", re.I)
_URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
#: a URL printed without its scheme (MLA since its 8th edition: ``www.jstor.org/stable/1``,
#: ``books.google.com/books?id=…``): a lowercase host name with a path. The host ends in a
#: generic top-level domain, or in a country's when it has three labels or more
#: (``lib.tsinghua.edu.cn/``), so that ``node.js/`` or ``setup.py/`` is no URL
_SCHEMELESS = (r"(?<![\w@./:\-])(?-i:(?:[a-z0-9\-]+\.)+(?:com|org|net|edu|gov|int|mil|info|io)"
               r"|(?:[a-z0-9\-]+\.){2,}[a-z]{2})(?=/[\w~%])")
#: a note that is a host name and nothing else
_HOST_ONLY = re.compile(r"(?:[a-z0-9\-]+\.)+(?:com|org|net|edu|gov|int|mil|info|io)"
                        r"|(?:[a-z0-9\-]+\.){2,}[a-z]{2}")
_BARE_URL = re.compile(rf"(?:{_URL_START}|{_SCHEMELESS})[{_URL_CHARS}]+", re.I)
_PIECE = re.compile(rf"\s+(?P<p>[{_URL_CHARS}]+)")
_STOP_WORDS = {"accessed", "retrieved", "available", "last", "viewed", "visited", "at", "on",
               "and", "or", "see", "in", "from", "p", "pp"}
_FILE_EXT = re.compile(r"\.(?:s?html?|pdf|php|aspx?|jsp|cfm|xml|json|txt|docx?|xlsx?)$", re.I)
_TRAILING = ".,;:!?'\"’”)]"


@dataclass(slots=True)
class _Url:
    url: str
    start: int
    end: int


def _join(pieces: list[str], breaks_after_hyphen: list[int]) -> str:
    """Glue URL pieces; ``breaks_after_hyphen`` indexes pieces that ended in ``-`` at a
    break. Those hyphens stay when the path has other hyphens (a slug), else go."""
    url = "".join(pieces)
    if breaks_after_hyphen:
        # a break inside the host name is judged by the whole URL (``http://h- net.msu.edu/
        # cgi-bin/…``: a host holds hyphens of its own), one in the path by the path
        host_break = "/" not in re.sub(rf"^{_URL_START}", "", "".join(pieces[:breaks_after_hyphen[0] + 1]), flags=re.I)
        path = re.sub(rf"^{_URL_START}" + ("" if host_break else "[^/]*"), "", url, flags=re.I)
        if path.count("-") <= len(breaks_after_hyphen):
            # (a slug's own hyphen between two words of the language stays, where the words
            # joined are none: ``…/harbour- wages``; ``…/docu- ments`` is one word broken)
            pieces = [p[:-1] if i in breaks_after_hyphen and not _slug_hyphen(p, pieces[i + 1]) else p
                      for i, p in enumerate(pieces)]
            url = "".join(pieces)
    return url.replace("\u00ad", "").replace("\u200b", "")


def _slug_hyphen(piece: str, after: str) -> bool:
    """Whether the hyphen ending ``piece`` (a URL broken at a line's end) joins two words of
    the language that make no word together — a slug's (``harbour-wages``) — rather than
    splitting one word (``docu-ments``). The word list is the line joiner's."""
    a = re.search(r"([a-z]{2,})-$", piece)
    b = re.match(r"[a-z]{2,}", after)
    if not (a and b):
        return False
    from .textjoin import hyphen_stays  # the word list, loaded where a URL needs it
    return hyphen_stays(a.group(1), b.group(), None)


def _bracketed(m: re.Match[str]) -> _Url:
    pieces = re.split(r"\s+", m.group("u"))
    hy = [i for i, p in enumerate(pieces[:-1]) if p.endswith("-")]
    return _Url(_join(pieces, hy), m.start(), m.end())


#: an access clause run into the URL by a lost space (``…/index.html(accessed 12/29/2008)``)
_ACCESS_PAREN = re.compile(r"\((?=(?:last\s+)?(?:accessed|retrieved|viewed|visited)\b|last$)", re.I)


def _cut_at_comma(u: str) -> str:
    """A bare URL ends at a comma unless what follows the comma is itself URL path, and
    at a parenthesis that opens an access clause (``(last`` alone: the line was joined to the
    URL with no space before ``(last visited …)``)."""
    a = _ACCESS_PAREN.search(u)
    if a:
        u = u[:a.start()]
    i = u.find(",")
    while i != -1:
        rest = re.match(r"[^,]*", u[i + 1:]).group()
        # a percent-escape right after the comma (``Brief%201,%20Veteran``) is inside a path
        if not rest or not (re.search(r"[/=]", rest) or re.match(r"%[0-9A-Fa-f]{2}", rest)):
            return u[:i]
        i = u.find(",", i + 1)
    return u


def _strip_trailing(u: str) -> str:
    while u and u[-1] in _TRAILING:
        if u[-1] == ")" and u.count("(") >= u.count(")"):
            break
        u = u[:-1]
    return u


#: the label of an identifier's field (``DOI:10.…``, ``ISBN: …``): after a URL that ends in
#: a full stop, a new field, not the URL's continuation
_ID_LABEL = re.compile(r"(?:doi|isbn|issn|pmid|pmcid|arxiv|urn|hdl|handle)\s*:", re.I)


def _continues(url: str, piece: str, after: str) -> bool:
    """Whether ``piece`` (the next run of URL characters after whitespace) belongs to
    ``url``; ``after`` is the text right after the piece."""
    core = _strip_trailing(_cut_at_comma(piece))
    if not core or core.lower() in _STOP_WORDS or re.match(_URL_START, core, re.I):
        return False
    if url.endswith(".") and _ID_LABEL.match(core):
        return False  # ``…/378. DOI:10.3390/…``: the URL's field has ended, the next opens
    has_path = "/" in re.sub(rf"^{_URL_START}", "", url, flags=re.I)
    if url[-1] in "/-_=&?#%~":
        return True
    if url[-1] == "." and not has_path and re.match(r"[a-z]{2,}(?:\.[a-z0-9-]+)*/", core):
        return True  # a host name broken after a dot: ``http://h-net.msu. edu/cgi-bin/…``
    if core[0] in "/-_.=&?#%~":
        return True
    if has_path and (re.search(r"[/_=&%?]", core) or _FILE_EXT.search(core)):
        return True
    # a run of digits that closes the URL field: ``…forward_232 22846, 2023年…``
    return (has_path and core.isdigit() and url[-1].isdigit()
            and (len(core) < len(piece) or not after or after[0] in ",;>。，；、\n"))


def _bare(text: str, m: re.Match[str]) -> _Url:
    pieces = [_cut_at_comma(m.group())]
    end = m.start() + len(pieces[0])
    hy: list[int] = []
    if len(pieces[0]) == len(m.group()):  # not cut short: may continue after a break
        while True:
            n = _PIECE.match(text, end)
            if not n or not _continues("".join(pieces), n.group("p"), text[n.end():]):
                break
            if pieces[-1].endswith("-"):
                hy.append(len(pieces) - 1)
            piece = _cut_at_comma(n.group("p"))
            pieces.append(piece)
            end = n.start("p") + len(piece)
            if len(piece) < len(n.group("p")):
                break
    last = _strip_trailing(pieces[-1])
    end -= len(pieces[-1]) - len(last)
    pieces[-1] = last
    return _Url(_join(pieces, hy), m.start(), end)


#: a URL letter-spaced by its typesetting (a monospace URL stretched to justify its line:
#: ``http : / / www. law. ox . ac . uk / a / b . pdf``): its scheme has spaces in it
_SPACED_URL = re.compile(r"(?<![\w/])(?:https?|ftp)\s*:\s*/\s*/(?=\s)", re.I)
_SPACED_TOKEN = re.compile(rf"\s*([{_URL_CHARS}]+)")


def _spaced(t: str, m: re.Match[str]) -> _Url:
    """The URL that ``m`` opens, its pieces joined over the spaces: a piece belongs to it
    while it is made of URL characters and is no word that ends the URL field (``accessed``),
    and the URL does not already end in a file's extension."""
    pieces = [re.sub(r"\s+", "", m.group())]
    end = m.end()
    while True:
        n = _SPACED_TOKEN.match(t, end)
        if not n:
            break
        piece = n.group(1)
        after = t[n.end():n.end() + 1]
        url = "".join(pieces)
        if piece.lower().strip(".,;") in _STOP_WORDS or (after and not after.isspace()) or (
                _FILE_EXT.search(url) and piece[0] not in "/?#&=_-."):
            break
        pieces.append(piece)
        end = n.end()
    url = _strip_trailing("".join(pieces))
    return _Url(url, m.start(), m.start() + len(t[m.start():end].rstrip()) )


def _find_urls(text: str) -> list[_Url]:
    t = _fold(text)
    found = [_bracketed(m) for m in _BRACKETED_URL.finditer(t)]
    found += [_spaced(t, m) for m in _SPACED_URL.finditer(t)
              if re.search(r"\s", m.group()) and not any(u.start <= m.start() < u.end for u in found)]
    taken = [(u.start, u.end) for u in found]
    for m in _BARE_URL.finditer(t):
        if any(s <= m.start() < e for s, e in taken):
            continue
        u = _bare(t, m)
        found.append(u)
        taken.append((u.start, u.end))
    found = [u for u in found if re.sub(rf"^{_URL_START}", "", u.url, flags=re.I)]
    for u in found:
        # a parenthesis right after a file's extension is a remark on the file (``….htm(Big5)``,
        # ``….pdf(PDF)``): a path goes on after its file name only with a query or a fragment
        x = _AFTER_FILE.search(u.url)
        if x:
            u.end -= len(u.url) - x.start(1)
            u.url = u.url[:x.start(1)]
    return sorted(found, key=lambda u: u.start)


_AFTER_FILE = re.compile(r"\.(?:s?html?|pdf|php|aspx?|jsp|docx?|txt)(\([^()/=&?#]*\))$", re.I)


def find_url(text: str) -> str | None:
    """The first URL in ``text``, whole (wrapped pieces rejoined), or None."""
    urls = _find_urls(text)
    return urls[0].url if urls else None


def _mask(t: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        t = t[:s] + " " * (e - s) + t[e:]
    return t


# -- accessed dates ------------------------------------------------------------------------
_ACCESSED = [
    re.compile(rf"\b(?:last\s+)?(?:accessed|retrieved|viewed|visited)(?:\s+on)?\s*:?\s*"
               rf"(?P<date>{DATE})", re.I),
    # Vancouver (ICMJE, NLM): ``[cited 2021 Jan 12]``
    re.compile(rf"\[\s*cited\s+(?P<date>{DATE})\s*\]", re.I),
    # German, French, Spanish: ``zuletzt abgerufen am 12.03.2021``, ``consulté le 5 mai 2020``
    re.compile(rf"\b(?:(?:zuletzt\s+)?(?:abgerufen|aufgerufen|besucht)(?:\s+am)?|Zugriff(?:\s+am)?"
               rf"|consult[ée]\s+le|consultado\s+el)\s*:?\s*(?P<date>{DATE})", re.I),
    re.compile(rf"(?P<date>{DATE})\s*(?:最后)?(?:访问|查询|浏览|检索|登录|查阅)"),
    re.compile(rf"(?:最后)?(?:访问|查询|浏览|检索|查阅|引用)(?:日期|时间|于)\s*[:]?\s*"
               rf"(?P<date>{DATE})"),
]


def _accessed(t: str) -> tuple[str | None, tuple[int, int] | None]:
    for rx in _ACCESSED:
        m = rx.search(t)
        if m:
            d = _DATE_FULL.fullmatch(m.group("date").strip())
            if d:
                return _iso(d), m.span()
    return None, None


# -- the two styles ------------------------------------------------------------------------
#: What stands before a Chinese 《title》 is its author only up to this many characters;
#: longer, it is a sentence that mentions the title.
ZH_AUTHOR_MAX_CHARS = 40
#: one name of a list joined by ``、`` (a person's or an organisation's) is at most this long
ZH_NAME_MAX_CHARS = 30
_AUTHOR_CHARS = r"(?:[^'‘’\"“”<>《》]|(?<=\w)['’](?=\w))"
#: a double-quoted title holds no double quote (quotes inside it are single), so a title
#: never runs on over a second quoted item (``“A?,” February 24, 2016, comment on “B,”``)
_EN_HEAD = {
    quotes: re.compile(
        rf"^(?:(?P<author>{_AUTHOR_CHARS}+?),\s*)?[{quotes[0]}](?P<title>{inner}+?)[{quotes[1]}]"
        rf"(?=\s*(?:[(\[,.;<]|accessed\b|$){after})", re.S | re.I)
    for quotes, inner, after in ((("'‘", "'’"), ".", r"|\s+(?-i:[A-Z]{2,})\b"),
                                 (('"“', '"”'), '[^"“”]', ""))
}
#: OSCOLA sets no comma after an article's or a chapter's title: ``‘Title’ in Editor (ed),
#: Book (Publisher 1997)``, ``‘Title’ Journal <URL>``. Tried only when no quote closes a
#: title before punctuation (an apostrophe in a title, ``‘Mothers’ Day’``, must not end it
#: there), and a capitalised word after the quote only with an author before the title
_EN_HEAD_OSCOLA = re.compile(
    rf"^(?:(?P<author>{_AUTHOR_CHARS}+?),\s*)?[‘'](?P<title>.+?)[’'](?=\s+(?:in\s|(?P<cap>(?-i:[A-Z]))))",
    re.S | re.I)
#: the date after the title: in parentheses, or OSCOLA's year in square brackets for a
#: journal numbered by year (``[2005] PL 440``); after a document number (``COM (2020) 65``)
_EN_PAREN_DATE = re.compile(r"^\s*(?:[A-Z]{2,}\s+)?(?:\((?P<d>[^()]*)\)|\[(?P<b>[^\[\]]*)\])")
_FIELD_DATE = re.compile(rf"^\s*,\s*(?P<d>{DATE})\s*(?=[,.;]|$)", re.I)

_ZH = re.compile(r"^(?P<author>[^《》]*?)[\s,:、]*《(?P<title>[^《》]+)》(?P<rest>.*)$", re.S)
#: what opens a Chinese note before its author: a signal (``参见``), or the 法学引注手册's
#: back-reference to the note of the full citation (``同前注〔2〕，王泽鉴：《…》``,
#: ``前引〔3〕，…``), after which the work is named again in short
_ZH_BACK = r"(?:同前注|前注|同前引|前引)\s*(?:[\[〔(]\s*\d+\s*[\]〕)]|\d+)?"
_ZH_LEAD = re.compile(rf"^(?:(?:转引自|引自|参见|详见|参考|见)\s*[:：]?\s*|{_ZH_BACK}\s*[,，]\s*)")
#: the 法学引注手册's short form after the back-reference: the author and the kind of work
#: (``同前注，王泽鉴书，第12页``, ``前引〔3〕，M. Kohm文``): the name is the author
_ZH_BACK_SHORT = re.compile(
    rf"^{_ZH_BACK}\s*,\s*(?P<author>[^,;:。《》“”\"()]{{1,40}}?)\s*(?:书|文|编著|主编|著)"
    r"\s*(?:,\s*第?\s*[\d\-–—]+\s*页?)?\s*[。.]?\s*$")
#: the role after Chinese names (editor, compiler, translator): no part of the name; ``等``
#: (et al.) stays
_ZH_ROLE = re.compile(r"\s*(?:主编|副主编|编著|编译|编|著|译|整理|校注|点校)$")
#: the same note of a foreign work with no edition's date: a foreign name with its initials
#: (``U. T. U. Group：UK List of TeX Frequently Asked Questions。``), the whole note a Latin title
_ZH_COLON_LATIN = re.compile(
    r"^(?P<author>(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s*:\s*"
    r"(?P<title>[A-Z][A-Za-z0-9 ,:;'’\-]*[A-Za-z0-9])\s*[。.]?\s*$")
#: words of a sentence, never of a name: ``需要指出的是：``, ``原文如下：``
_ZH_PROSE = re.compile(r"[的是]|如下|指出|认为|参见|参阅|例如|比如|包括|所示")
#: a note of the 法学引注手册 (and of Chinese notes generally) whose title is printed without
#: 《》 (software, manuals, web pages, foreign titles): the author, a full-width colon, the
#: title, perhaps its version in parentheses, then the version's date ``2016年11月16日版``
#: (or ``2005年版``) — the date of the edition cited, which is what marks the shape; a
#: sentence with a colon has no such field
_ZH_COLON = re.compile(
    rf"^(?P<author>[^,;:。《》“”\"]{{1,60}}?)\s*:\s*(?P<title>[^,;。《》“”\"]*?[^\W_][^,;。《》“”\"]*?)"
    rf"\s*(?:\((?P<ver>[^()]*\d[^()]*)\)\s*)?,\s*(?P<date>{_YEAR}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?)\s*版"
    r"(?:\s*,\s*(?:第\s*)?[\d\-–—]+\s*页?)?\s*[。.]?\s*$")
_ZH_FIELDS = re.compile(r"[,;。、]")
#: the publication facts of Chinese (legal) notes: ``法律出版社2007年版`` (the edition of that
#: year), ``《中国法学》1996年第4期`` (a journal's year and issue)
#: a journal's year alone, or a newspaper's day, after its name (``载《中国社会科学》1999年``,
#: ``《人民日报》2018年12月19日``)
_ZH_JOURNAL_YEAR = re.compile(rf"》\s*(?P<d>{_YEAR}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?)\s*$")
_ZH_PUB_YEAR = re.compile(rf"(?<!\d)(?P<y>{_YEAR})\s*年\s*(?:\d{{1,2}}\s*月\s*)?(?:版|第\s*\d+\s*[期卷])")
#: what stands before the 《》 of a journal: the author and the article's title in quotes
_ZH_QUOTED = re.compile(r"^(?P<a>[^“”\"《》]*?)[\s,:、]*[“\"](?P<t>[^“”\"]+)[”\"][\s,:、]*(?:载\s*)?$")

#: words that open a sentence of prose, never a name list: English, and the German of legal
#: notes (``Vgl.`` cf., ``Siehe`` see, ``Ders.``/``Dies.`` idem, ``Ebd.`` ibid.)
_PROSE = (r"(?!(?:See|Cf|In|For|However|But|This|That|These|Those|It|As|On|At|If|When|Also"
          r"|Compare|Note|And|Or|From|To|By|With|Here|There|We|Our|They|Ibid|Ibidem|Id|Idem"
          r"|Supra|Infra|Op|Loc|Vgl|Siehe|Ders|Dies|Ebd|Ebenda|Ebenso|Dazu|Hierzu|Anders)\b)")

# other: ``Leo Gao, Stella Biderman, et al. Title, Dec. 2020, p1.``
_ET_AL = re.compile(
    rf"^(?P<author>[^()]+?\bet\s+al\.?)\s*,?\s+(?![“\"])(?P<title>[^()]+?)\s*(?:,\s*|\(\s*)"
    rf"(?P<date>{DATE})\s*\)?\s*(?=[,.;]|$)", re.I)
# other: ``WEBB M, The Impact of … (Rochester 2019).`` — a short name, title, (… date)
_NAME = r"(?:[A-Z][\w'’.-]*|van|von|de|der|den|da|di|du|le|la)"
_NAME_TITLE = re.compile(
    rf"^(?P<author>{_PROSE}{_NAME}(?:\s+{_NAME}){{0,4}}),\s+(?P<title>(?![a-z]|\d+(?:st|nd|rd|th|d)\s)[^()]+?)\s*\((?P<paren>[^()]*)\)")
#: (a title never opens with an ordinal: ``Cong. Globe, 39th Cong., 2d Sess. 39 (1866)`` is a
#: record of Congress, its session and page)
#: a report number closing a title (``…, GAO-20-629``): letters and digits; a year range
#: (``…, 1928–1940``) is part of the title
_REPORT_NUMBER = re.compile(r",\s*(?=[^\s,]*[A-Za-z])[^\s,]*\d[^\s,]*$")
_CLOSING_PAREN_DATE = re.compile(r"\((?P<p>[^()]*)\)\s*\.?\s*$")


# -- GB/T 7714 ------------------------------------------------------------------------------
# The Chinese national standard for references (1987, 2005 and 2015 editions and the
# biblatex/BibTeX and CSL styles that follow it). An entry is a run of fields, each closed
# by a full stop (``. ``, ``．`` or ``。``), and the item's type in brackets closes the title:
#
#     作者. 题名[M]. 版本. 出版地: 出版者, 年: 页码.
#     作者. 题名[J]. 刊名, 年, 卷(期): 页码[引用日期].  作者. 题名[N]. 报纸名, 2000-11-20.
#     作者. 题名[EB/OL]. (更新日期)[引用日期]. URL.    作者. 题名[EB/OL]. 2013. URL.
#     作者. 题名: 标准编号[S].   专利申请者. 题名: 专利号[P].   题名[M]. 出版地: 出版者, 年.
#
# The type identifier (GB/T 7714-2015 table B.1, and the carrier after a slash) is the
# evidence of the style; without it an entry is not read as GB/T 7714.
_GBT_TYPE = re.compile(r"\s*\[(?:M|C|G|N|J|D|R|S|P|A|Z|EB|DB|CP|CM|DS|AT)"
                       r"(?:/(?:OL|DK|CD|MT))?\]")
#: a field ends at ``。``, or at a full stop (``．`` is folded to ``.``) that is followed by
#: white space, the end, or a CJK character (``作者.题名``), or that follows a CJK character
#: (``研究所.1``: a stop after a Chinese word is never a decimal point or a host name's dot);
#: ``3.7`` or ``www.x`` goes on
_GBT_STOP = re.compile(r"。|\.(?=\s|$|[^\x00-\x7f])|(?<=[\u3400-\u9fff])\.")
#: GB/T 7714 names at most three persons before ``等``/``et al.``; an organisation's name
#: is longer (``中华人民共和国国家质量监督检验检疫总局，中国国家标准化管理委员会``: 30), so
#: a longer head is a sentence that mentions a title, not an author
GBT_AUTHOR_MAX_CHARS = 80
#: an entry without an author opens with its title (GB/T 7714-2015 8.1.1: under the
#: numbered system the author may be left out and the title comes first); such a head is
#: read only when the type identifier ends a field (``题名[M]. …``, ``题名[M]//…``) and the
#: head is no sentence: no ``。``/``；``, and at most this many characters
GBT_TITLE_MAX_CHARS = 200
_GBT_TYPE_ENDS_FIELD = re.compile(r"\s*(?:\.|。|//|$)")
#: one field of the author list: the CSL style for GB/T 7714 notes separates the names with
#: full stops (``楼梦麟. 杨燕. 题名[M]``, ``FRESE K S. KATUS H A. MEDER B. Title[J]``), the
#: standard itself with commas, so a field after the first one joins the author when it
#: is names: a Chinese name or organisation (CJK without spaces or punctuation; a foreign
#: surname in characters keeps its initials, ``昂温P S`` — xeCJK spaces them, ``昂温 P S``), surnames
#: in capitals with initials after them (``NORD G L Jr``, ``AND DANIELEWICZ``), a
#: capitalised surname with initials (``Smith J``), or ``等``/``et al.``; the field just
#: before the type identifier is always the title
#: (a surname in capitals keeps its diacritics: ``SINANOVIĆ S``, ``MÜLLER K``)
_GBT_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_GBT_NAME = re.compile(
    r"[\u3400-\u9fff·]+(?:\s?[A-Z](?:\.?\s?[A-Z])*)?"
    rf"|(?:[{_GBT_UP}][{_GBT_UP}'’\-]+|[A-Z](?:\.?[A-Z])*)(?:\s+(?:[{_GBT_UP}][{_GBT_UP}'’\-]+|[A-Z](?:\.?[A-Z])*|Jr|Sr))*"
    r"|[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)*(?:\s+[A-Z](?:\.?[A-Z])*)+"
    r"|等|et\s+al|and\s+others")
#: the year after the author, closing the author's field, in the standard's author-date
#: system (著者-出版年制, GB/T 7714-2015 9.2: ``CRANE D, 1972. Invisible college[M].``)
_GBT_AUTHOR_YEAR = re.compile(rf",\s*(?P<y>{_YEAR})[a-z]?$")
#: what GB/T 7714 prints after the title and a colon to identify the item, and is no part of
#: its name (CSL's ``number``, not ``title``): a standard's, report's or patent's number
#: (``GB/T 7714—2015``, ``PB 91-194001``, ``7178999X``, ``88105607.3``) — letters, figures
#: and ``/ . - —``, with a figure and no lowercase word — or an official document's number
#: (``京政办发[2005]37号``). A subtitle (``其他题名信息``: ``高分子材料分析、选择与改性``,
#: ``An application to air``), a volume word (``卷5``) or a date (a yearbook's ``: 2003``, a
#: document's ``声明:1946-09-09``) is part of the title
_GBT_IDENT = (r"(?!\s*\d{4}(?:-\d{1,2}){0,2}\s*$)(?=[^:]*\d)(?![^:]*[a-z]{2})[A-Za-z0-9][A-Za-z0-9 ./\-–—_]*"
              r"|[\u3400-\u9fff]{1,8}[\[〔(]\d{4}[\]〕)]\s*\d+\s*号")
_GBT_TITLE_IDENT = re.compile(rf"\s*:\s*(?:{_GBT_IDENT})\s*$")
#: a patent's country and number as a field of their own (``题名. 中国: 88105607.3[P]``)
_GBT_PATENT_FIELD = re.compile(rf"^[^\s:.]{{1,6}}\s*:\s*(?:{_GBT_IDENT})\s*$")
#: a field that carries the year: ``北京: 出版者, 2015``, ``刊名, 1999, 18(2): 4``,
#: ``刊名, 2000(2): 5–8``, ``金陵: 曾氏, 1845(清同治四年)``, ``1998: 146–163``,
#: ``1991: 扉页`` (a page named, not numbered; no word of Latin letters: ``2001: A Space …``
#: is a title)
_GBT_YEAR_PART = re.compile(
    rf"^(?P<d>{DATE})\s*(?:\([^()]*\))?\s*(?::\s*(?![^:]*[A-Za-z]{{3}})[^:\s][^:]*)?$", re.I)
#: the 引用日期 (date cited) is the bracketed date after the type identifier, on its own
#: (``. [2000-01-08].``) or set straight after the pages or the update date
#: (``2011: 45-47[2013-05-09]``, ``(2005-07-12)[2011-07-12]``)
_GBT_CITED = re.compile(r"\[(?P<d>[^\[\]]*)\]")
#: the date of update or publication in parentheses (``45-47(2016-08-12)``, ``12(2016)``)
_GBT_PAREN_DATE = re.compile(r"\((?P<d>[^()]*)\)\s*$")


def _only_initial_before(author: str) -> bool:
    """Whether the full stop after ``author`` closes an initial that a surname follows:
    ``P`` of ``P. Lehman``, ``G. 昂温，P`` of ``P. S. 昂温``; not ``PATASHNIK O`` or
    ``DALY P W``, where the initials come after the surname."""
    name = re.split(r"[,;、]", author)[-1].strip()
    return bool(re.search(r"(?:^|[\s.])[A-Z]$", name)) and not re.search(
        r"[^\W\d_]{2,}", name[:-1])


def _gbt_date(rest: str, unmasked: str) -> tuple[str | None, str | None]:
    """(date, accessed) of the fields after the type identifier. ``accessed`` is the first
    bracketed date (the 引用日期; it may follow the masked URL, so the unmasked text is
    read). The date is the first field that is a date, or whose comma-separated part
    starts with the year (the publisher's, journal's or newspaper's field) or ends in a
    date in parentheses (the update date after the pages); bracketed dates are taken out
    of the fields first."""
    accessed = None
    for b in _GBT_CITED.finditer(unmasked):
        accessed = parse_date(b.group("d"))
        if accessed:
            break
    for f in _GBT_STOP.split(_GBT_CITED.sub(" ", rest)):
        f = f.strip()
        if not f:
            continue
        whole = parse_date(f)
        if whole:
            return whole, accessed
        for part in f.split(","):
            part = part.strip()
            m = _GBT_YEAR_PART.match(part)
            if m:
                return _iso(_DATE_FULL.fullmatch(m.group("d"))), accessed
            p = _GBT_PAREN_DATE.search(part)
            if p and parse_date(p.group("d")):
                return parse_date(p.group("d")), accessed
    return None, accessed


def _gbt_fields(head: str) -> list[tuple[int, int]]:
    """The spans of the fields of ``head`` (the text before the type identifier), split at
    the field stops; a stop that closes a given name's initial (``P. Lehman``) is none."""
    spans, start = [], 0
    for stop in _GBT_STOP.finditer(head):
        piece = head[start:stop.start()]
        if piece.strip() and not _only_initial_before(piece):
            spans.append((start, stop.start()))
            start = stop.end()
    spans.append((start, len(head)))
    return [(a + len(head[a:b]) - len(head[a:b].lstrip()), len(head[:b].rstrip()))
            for a, b in spans if head[a:b].strip()]


def _parse_gbt(raw: str, text: str, t: str, url: str | None,
               accessed: str | None) -> Citation | None:
    ty = _GBT_TYPE.search(t)
    if not ty:
        return None
    head = t[:ty.start()]
    fields = _gbt_fields(head)
    if len(fields) > 2 and ty.group().strip() in ("[P]", "[P/OL]") and _GBT_PATENT_FIELD.match(
            head[fields[-1][0]:fields[-1][1]]):
        # ``申请者. 题名. 中国: 88105607.3[P]``: the patent's country and number (with two
        # fields, ``申请者. 题名: 专利号``, the part before the colon is the title)
        fields = fields[:-1]
    if not fields:
        return None
    year = None
    if len(fields) == 1:
        # no author: the title opens the entry (:data:`GBT_TITLE_MAX_CHARS`)
        a, b = fields[0]
        if (not _GBT_TYPE_ENDS_FIELD.match(t, ty.end()) or b - a > GBT_TITLE_MAX_CHARS
                or re.search(r"[;。]", head) or head[a].islower()):
            return None
        author = None
        title = text[a:b]
    else:
        n = 1
        while n < len(fields) - 1 and all(
                _GBT_NAME.fullmatch(p.strip()) for p in head[fields[n][0]:fields[n][1]].split(",")):
            n += 1
        a_end = fields[n - 1][1]
        author = head[fields[0][0]:a_end]
        if len(author) > GBT_AUTHOR_MAX_CHARS or re.search(r"[\[\]《》“”\"<>]", author):
            return None
        author = text[fields[0][0]:a_end].strip()
        year = _GBT_AUTHOR_YEAR.search(_fold(author))
        if year:  # the author-date system: ``CRANE D, 1972. Invisible college[M]. …``
            author, year = author[:year.start()], year.group("y")
        if re.search(r"\bet al$", author):
            author += "."  # the full stop belongs to the abbreviation
        title = text[fields[n][0]:fields[-1][1]]
    ident = _GBT_TITLE_IDENT.search(_fold(title))
    if ident and ident.start() > 0:
        title = title[:ident.start()]  # ``题名: GB/T 7714—2015``: the number, not the name
    title = title.strip()
    if len(title) > 1 and title[0] in "“\"《'‘" and title[-1] in "”\"》'’" and not re.search(
            r"[“”\"《》‘’]", title[1:-1]):
        title = title[1:-1]  # a title in quotes; not ``《五行》学说与《荀子》``, which quotes two
    if not title:
        return None
    date, acc = _gbt_date(t[ty.end():], text[ty.end():])
    return _cit(raw, "gbt7714", author, title, year or date, url, accessed or acc)


# -- humanities notes and reference-list entries (Chicago, Turabian, SBL, OSCOLA, MLA) ----------
# What these styles share, in a note (fields separated by commas):
#
#     Name and Name, Title of a Book, ed. X (Place: Publisher, 1999), 23.
#     Name, “Title of an Article,” Journal 45 (March 1990): 336–46.
#     Name, “Title of a Post,” Site, January 26, 2015, URL.
#     Name, Short Title.            Name, “Short Title,” 339.          Name, 23.
#
# and in a reference-list entry (fields separated by full stops; the first name inverted):
#
#     Surname, Given. Title of a Book. Publisher, 2001.
#     Surname, Given. “Title of an Article.” Container, vol. 9, no. 1, 2018, pp. 550–78.
#
# The author is read only when it has the shape of names: capitalised words, initials,
# particles (van, de …), an initialism of an organisation's name (``U.S. Census Bureau``),
# joined by ``and``/``&``, perhaps ``et al.``/``and others`` and a
# handle in brackets; a phrase of prose (``See the discussion``, ``Faculty of Law``) is not.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = (rf"(?:(?:[{_UPPER}]\.){{2,4}}|[{_UPPER}][\w'’\-]*\.?|[{_UPPER}]\.|[\u3400-\u9fff]{{2,4}}(?![\u3400-\u9fff])|van|von|de|der|den|da|di|du|le|la"
              r"|d['’]\w+|O['’]\w+)")
_NAMES = (rf"{_PROSE}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,6}}")
#: persons joined by "and", "&" or commas (a comma-separated series only when it ends in
#: ", and X": ``L. Ding, A. Ball, M. Patel, and G. Mullineux``, or — names with initials, as
#: the Australian and APA styles print them — in " & X": ``D. Burin, K. Kilteni & L. Pia``),
#: then perhaps "et al." /
#: "and others", a handle
#: (German legal notes join co-authors, and a commentary's editor and commentator, with a
#: slash: ``Palandt/Heinrichs``, ``Jarass/Pieroth``)
_INITIALED = rf"[{_UPPER}]\.(?:\s?-?[{_UPPER}]\.)*\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_AUTHORS = (rf"{_NAMES}(?:(?:,\s*|\s+)(?:and|&|und)\s+{_NAMES}"
            rf"|,\s+{_NAMES}(?=(?:,\s+{_NAMES}){{0,8}},\s*(?:and|&)\s)"
            rf"|,\s+{_INITIALED}(?=(?:,\s+{_INITIALED}){{0,12}}\s+&\s)"
            rf"|\s?/\s?{_NAMES})*"
            rf"(?:\s+(?:et\s+al\.?|and\s+others))?(?:\s+[(\[][^()\[\]]{{1,40}}[)\]])?")
#: role words between a name and the title: the editor is then the author
_ROLE = r"(?:,\s*(?:ed|eds|comp|trans|dir)\.?)?"
_QUOTED_TITLE = r"[“\"](?P<qtitle>[^“”\"]+?)[,.]?[”\"]"
#: an organisation: capitalised words joined by of/for/the/and, two at most (``Evanston Public
#: Library Board of Trustees``, ``Canada Council for the Arts``); read only before a quoted title, whose quotes delimit it
_ORG = (rf"{_PROSE}{_NAME_WORD}(?:\s+(?:(?:of|for|the|and|&)\s+){{0,2}}{_NAME_WORD}){{0,7}}")
#: a short lowercase phrase between the name and a quoted title: ``reply to``, ``review of``
_LEAD = r"(?P<lead>[a-z]+(?:\s+[a-z]+)?\s+)?"
_NOTE_QUOTED = re.compile(
    rf"^(?:(?P<author>{_AUTHORS}|{_ORG}(?:,\s+{_ORG})?){_ROLE},\s*{_LEAD})?{_QUOTED_TITLE}")
#: a book's title ends where its editor, translator, edition or chapter is named, or at the
#: parenthesis of its publication facts
_TITLE_END = re.compile(r",\s*(?:ed\.|eds\.|edited|trans\.|translated|rev\.\s*ed\.|\d+\w*\s+edn?\b|"
                        r"vol\.|\d+\s+vols?\b|chap\.|comp\.|\d+\s+[A-Z])|\s*\(")
#: in a title set in headline style, a comma before a lowercase word ends it: what follows
#: describes the work (``A Party for Boris, in Histrionics``, ``Nature, a facsimile of …``,
#: ``Literary Essays, by Ezra Pound``); a title in sentence case goes on (``ChatGPT: A
#: comprehensive review on background, applications, …``)
_LOWER_FIELD = re.compile(r",\s*(?!and\b|or\b|the\b)[a-z]")


#: what the Bluebook prints between a book's (or a chapter's) title and the parenthesis of
#: its publication facts: the container (``, in Ethnicity and family therapy 55``) and the
#: pinpoint (``Withering worrying 3 (2014)``, ``…, 3 (2015)``) — a figure after a lowercase
#: word or a comma, never after a capitalised one (``Catch 22``, ``Agenda 21``)
_BLUEBOOK_PIN = re.compile(rf",\s+in\s+[A-Z].*$|(?:,|(?<=\s)(?-i:[a-z])[\w'’-]*)\s+(?!{_YEAR}\b)\d+(?:\s*[–-]\s*\d+)?"
                           rf"(?:,\s*\d+(?:\s*[–-]\s*\d+)?)?$")


def _bluebook_cut(title: str) -> str:
    """``title`` without the container and pinpoint the Bluebook sets after it
    (:data:`_BLUEBOOK_PIN`); the lowercase word before a pinpoint stays."""
    m = _BLUEBOOK_PIN.search(title)
    if not m:
        return title
    if m.group().startswith(","):
        return title[:m.start()]
    return title[:m.start()] + re.match(r"[\w'’-]*", title[m.start():]).group()


def _title_cut(title: str) -> str:
    """``title`` up to the first field that is not part of it (see :data:`_TITLE_END`)."""
    end = _TITLE_END.search(title)
    title = title[:end.start()] if end else title
    low = _LOWER_FIELD.search(title)
    if low:
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title[:low.start()])
                 if w.lower() not in _NAME_FUNCTION_WORDS and w.lower() not in ("a", "an", "with", "from", "by")]
        if words and sum(w[0].isupper() for w in words) * 4 >= 3 * len(words):
            title = title[:low.start()]
    return title
#: (a title holds no full stop that ends a sentence: ``Smith, J. & Jones, A. Title. Nature
#: 401, 23 (2001)`` is a reference-list entry, not a name and a book)
_NOTE_BOOK = re.compile(rf"^(?P<author>{_NAMES},\s+[{_UPPER}]\.(?:\s?-?[{_UPPER}]\.)*(?=,)|{_AUTHORS}|{_ORG}){_ROLE},\s+(?P<title>[A-Z](?=[^()]*[^\W\d_]{{3}})[^()“”\"]*?)"
                        r"\s*\((?P<paren>[^()]*)\)")
#: the publication facts' mark of a work that prints no date (``Chicago: Press, n.d.``)
#: or in a range of years (``Doubleday, 1965–1970``: a work published over years has no one
#: date)
_NO_DATE = re.compile(rf"(?:\bn\.\s?d\.?|(?<![\w–-]){_YEAR}\s*[–-]\s*{_YEAR})\s*$")
#: a pinpoint: the page, paragraph, section or margin number cited, as the styles print it
#: (``23``, ``pp. 23–25``, ``at 444``, ``para 3.12``, ``S. 31 ff.``, ``§ 242 Rn. 5``, ``Art. 3``)
_LOC1 = (r"(?:(?:S\.|pp?\.?|at|notes?|paras?\.?|Rn\.|Rdnr\.|Rdn\.|Rz\.|Nr\.|§§?|Art\.|fn\.|Fn\.|n\.?|"
         r"col\.|ch\.|chap\.|sec\.|Bd\.|vol\.)\s*)?\d+[a-z]?(?:\.\d+)*(?:\s*[–-]\s*\d+[a-z]?|\s*ff?\.)?")
_LOCATOR = rf"{_LOC1}(?:\s*,?\s*{_LOC1})*"
#: a classical work's division (book, chapter, Bekker page and line): ``3.2.996b5–8``
_CLASSICAL = r"\d+(?:\.\d+)+[a-z]?\d*(?:\s*[–-]\s*\d+[a-z]?\d*)?"
#: a reference to the work cited before: ``a. a. O.``, ``op. cit.``, ``supra n 4``
_SAME_WORK = r"(?:a\.\s?a\.\s?O\.|op\.\s?cit\.|loc\.\s?cit\.|supra(?:\s+n(?:ote)?\.?\s*\d+)?)"
#: ``Name, Short Title.``, ``Name, Short Title, 23.``, ``Name, 23.``; jurabib and German
#: legal notes: ``Larenz, Methodenlehre, S. 23.``, ``Palandt/Heinrichs, BGB, § 242 Rn. 5.``,
#: a colon after the name (``Larenz: Methodenlehre, S. 23``), ``Medicus, a. a. O., S. 12.``
#: (a volume in capital Roman numerals, ``UNESCO, I, p. 3.``, is part of the pinpoint, not a title)
_NOTE_SHORT = re.compile(rf"^(?P<author>{_AUTHORS})[,:]\s+(?:(?!(?-i:[IVXL]{{1,5}}),)(?P<title>[A-Z][^,.;:()“”\"]*?)"
                         rf"(?:,\s*{_LOCATOR}|\s+{_CLASSICAL})?|(?P<page>(?:(?-i:[IVXL]{{1,5}}),\s*)?{_LOCATOR})"
                         rf"|{_SAME_WORK}(?:,?\s*{_LOCATOR})?)"
                         r"\.?\s*$")
#: a note without parentheses (jurabib, the German and continental notes): name, title, then
#: the publication facts as comma-separated fields ending in the year, perhaps a pinpoint:
#: ``Canaris, Die Feststellung von Lücken im Gesetz, 2. Aufl. 1983, S. 31 ff.``,
#: ``Larenz, Methodenlehre der Rechtswissenschaft, 6. Aufl., Berlin 1991, S. 23.``,
#: ``Jean Dupont, Titre du livre, Paris, Gallimard, 2001, p. 23.``
_EDITION = r"(?:\d+\.\s*(?:Aufl(?:age)?|Auflage|ed|éd|Ausg)\.?|\d+(?:st|nd|rd|th)\s+edn?\.?)"
_NOTE_PLAIN = re.compile(
    rf"^(?P<author>{_AUTHORS})[,:]\s+(?P<title>[A-Z](?:(?!(?<=[^\W\d_]{{2}})\.\s)[^,;()“”\"])*?),\s+"
    rf"(?:(?:{_EDITION}|[A-ZÄÖÜ][^\d,;()“”\"]{{0,40}}),\s+){{0,2}}(?P<facts>(?:{_EDITION}\s+)?(?:[A-ZÄÖÜ][\w.]*(?:[\s/-][A-ZÄÖÜ][\w.]*)*\s+)?"
    rf"{_YEAR})(?:\s*,\s*(?:{_LOCATOR}|(?-i:[A-Z][a-z]{{0,4}})\.?\s+\d+))?\.?\s*$")
#: (after the year, a command paper's or a report's number: ``…, 1968, Cmnd. 3787.``)
#: a reference-list entry with a colon after the name (jurabib's bibliography, German
#: entries): ``Larenz, Karl: Methodenlehre der Rechtswissenschaft. 6. Aufl. Berlin: Springer,
#: 1991.``; read only with a date after the title
_ENTRY_COLON = re.compile(
    rf"^(?P<author>{_NAMES}(?:,\s+{_NAMES})?(?:\s?/\s?{_NAMES}(?:,\s+{_NAMES})?)*):\s+"
    rf"(?:{_QUOTED_TITLE}|(?P<title>[A-Z][^.“”\"]*?[^\W\d_]{{2}})\.(?=\s))")
#: a short title cited back (``supra``, ``(n 4)``): a head that opens with an article or
#: holds a figure names a work, not its author (``The Spanish Question, supra note 32``,
#: ``Hearings on H.R. 5005, supra note 21``)
_SUPRA_TITLE = re.compile(r"^(?P<title>(?:(?:The|A|An)\s+[^,;()“”\"]+?|[A-Z][^,;()“”\"]*?\d[^,;()“”\"]*?)),\s+"
                          r"(?:supra\b|\(n\s*\d+\))")
#: OSCOLA's cross-reference to the note of the full citation: ``Lehman and others (n 7) 57.``
_NOTE_XREF = re.compile(rf"^(?P<author>{_AUTHORS}|{_ORG})\s*\(n\s*\d+\)\s*[\d–-]*\.?\s*$")
#: a case: ``Phipps v Boardman [1967] 2 AC 46 (HL)``, ``Jameel v Wall Street Journal
#: Europe SPRL [2006] UKHL 44``: the parties are the title, the bracketed year (the law
#: report's year or the neutral citation's) the date
_PARTY = rf"{_NAME_WORD}(?:\s+(?:(?:of|for|the|and|&)\s+)?{_NAME_WORD}){{0,7}}"
_CASE = re.compile(rf"^(?P<title>{_PARTY}\s+v\.?\s+{_PARTY}),?\s+[\[(](?P<year>{_YEAR})[\])]")
#: a case whose parties' names are not capitalised as names are (``Bowman v fussy [1978] RPC
#: 545``, ``Plattform ‘artze für das leben’ v austria [1988]``, titles a style set in
#: sentence case): the ``v`` between two parties and the law report's bracketed year right
#: after them; and its short form, the name and OSCOLA's cross-reference (``… v. austria (n
#: 13) 12``)
_CASE_LOOSE = re.compile(rf"^{_PROSE}(?P<title>[A-Z][^\[\]()“”\";,]{{0,80}}?\sv\.?\s[^\[\]()“”\";,]{{1,80}}?)"
                         rf"(?:,?\s+\[(?P<year>{_YEAR})\]|\s*\(n\s*\d+\))")
#: a case the Bluebook's note styles print without its reporter (CSL's bluebook-law-review
#: for a case with a URL): the parties, perhaps the pinpoint, the year in parentheses
#: (``Obergefell v. hodges, 3 (2015), <URL>``, ``Texas v. morales, (1992)``); its short
#: form refers back (``Texas v. morales, supra note 41.``)
_CASE_PIN_YEAR = re.compile(rf"^{_PROSE}(?P<title>[A-Z][^\[\]()“”\";]{{0,80}}?\sv\.?\s[^\[\]()“”\";]{{1,80}}?),\s+"
                            rf"(?:[\d–-]+\s+)?\((?P<year>{_YEAR})\)(?=[,.;\s]|$)")
_CASE_SUPRA = re.compile(rf"^{_PROSE}(?P<title>[A-Z][^\[\]()“”\";]{{0,80}}?\sv\.?\s[^\[\]()“”\";]{{1,80}}?),\s+"
                         r"supra\s+note\s+\d+")
#: a work with no author in the Bluebook's form: its title, perhaps the pinpoint, and the
#: parenthesis that ends in its year (a year there is required) (``Mental health on campus improvement act, 45–47
#: (2013), <URL>``, ``Brain and intelligence: The ecology …, 3 (F. Richardson ed., 1973).``)
#: — the whole note, but for a URL
_TITLE_PIN_YEAR = re.compile(rf"^{_PROSE}(?P<title>[A-Z][^,()“”\"]+?),\s+(?:[\d–-]+\s+)?\((?P<paren>[^()]*)\)"
                             r"[,.\s]*$")
#: a case in the Bluebook's form: the parties, the volume, reporter and page, and the court
#: and year in parentheses (``Christmas v. City of Chicago, 222 F.3d 141, 145 (7th Cir.
#: 2000)``); its short form names the first party (``Christmas, 222 F.3d at 145.``)
_CASE_US = re.compile(rf"^(?P<title>{_PARTY}\s+v\.\s+{_PARTY}),\s+\d+\s+[^()]*?"
                      rf"\((?:[^()]*\s)?(?P<year>{_YEAR})\)")
#: what follows a case's name in a law citation: the reporter's volume and abbreviation
#: (``222 F.3d``, ``2005 WL``, ``2 S.C.R.``), a docket number (``No. WD 63889``) or the
#: report's year in brackets (``[1967] 2 A.C.``, ``(1884) 14 Q.B.D.``)
_REPORTER_ABBR = r"(?:[A-Z][A-Za-z]*\.[A-Za-z.]*\d*[a-z]*|[A-Z]\.?\d+[a-z]+|[A-Z]{2,}\b)"
_REPORTER = rf"(?:\d+\s+{_REPORTER_ABBR}|No\.\s|[\[(]{_YEAR}[\])]\s+(?:\d|{_REPORTER_ABBR}))"
#: (a name never holds the report's bracketed year: ``Jameel v Wall Street Journal Europe
#: SPRL [2006] UKHL 44, [2007] 1 AC 359`` is OSCOLA's case without a comma, :data:`_CASE`)
_PARTIES_CHAR = rf"(?:(?!,\s+{_REPORTER}|\s[\[(]{_YEAR}[\])]).)"
#: a case by its parties, however they are spelled (``Henningsen v. Bloomfield Motors,
#: Inc.``, ``Regal (Hastings) Ltd. v. Gulliver and Ors``, ``Horn v. Pub. Water Supply Dist.
#: No. 8``): the name runs to the comma before the reporter, the date is the bracketed
#: year or the date that closes the first parenthesis (court and date)
_CASE_NAMED = re.compile(rf"^(?P<title>[A-Z]{_PARTIES_CHAR}*?\s(?:v|vs)\.?\s+[A-Z]{_PARTIES_CHAR}*?),\s+"
                         rf"(?={_REPORTER})(?:[\[(](?P<year>{_YEAR})[\])])?")
#: a case's short form, its first party's name and the reporter cited at a page
#: (``Henningsen, 32 N.J. 358.``, ``Horn, 2005 WL 119835, at *3.``)
_CASE_SHORT = re.compile(rf"^(?P<title>[A-Z][^,;“”\"]*?),\s+\d+\s+(?:{_REPORTER_ABBR}\s+)+"
                         r"(?:at\s+)?\*?\d+(?:,\s+at\s+\*?\d+)?\.?\s*$")
#: a statute by its short title, which the common-law jurisdictions end in ``Act`` (``Act of
#: Settlement, 1701, 12 & 13 Will. 3, c. 2``; ``Homeland Security Act of 2002, Pub. L. No.
#: 107-296``): the year after the title, or the one closing the first parenthesis
_STATUTE = re.compile(
    r"^(?P<title>(?:(?:An|The)\s+)?(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|and|on|to|the)\s+)*)*Act"
    rf"(?:\s+(?:(?:of|for|and|on|to|the)\s+)*[A-Z\d][\w’'-]*)*),\s+(?:(?P<year>{_YEAR}),\s+)?(?=\S)")
_CASE_US_SHORT = re.compile(rf"^(?P<title>{_PARTY}),\s+\d+\s+[A-Z][\w.\s]*?\s+at\s+[\d–-]+\.?\s*$")
_ENTRY = re.compile(
    rf"^(?P<author>{_NAMES},\s+(?!(?:The|An?)\s){_NAMES}(?:,\s+(?:et\s+al\.?|{_NAMES}))*"
    rf"(?:;\s+{_NAMES},\s+{_NAMES})*(?:,?\s+(?:&|and)\s+{_NAMES}(?:,\s+{_NAMES})?)?|———|—{{2,3}}"
    rf"|{_NAMES}(?:\s+\[[^\[\]]+\])?(?=\.\s+[“\"]))\.\s+"
    rf"(?:{_QUOTED_TITLE}|(?P<title>[A-Z][^.“”\"]*?)(?<![\s.][A-Z])\.(?=\s))")


#: a part of the document itself (``Table 4``, ``Appendix B``, ``表1``): a cross-reference, not
#: an author or a title
_INTERNAL = re.compile(r"(?:Table|Tab\.|Figure|Fig\.|Section|Sect\.|Chapter|Chap\.|Appendix|Annex|Part"
                       r"|Box|Equation|Eq\.|Note|Footnote)\s+[\dIVXLC]*[A-Z]?\d*\.?"
                       r"|[表图]\s*\d+|第[\d一二三四五六七八九十]+[章节部分]", re.I)


#: a note with a colon after the name (the German humanities' and jurabib's notes):
#: ``Otto Springer: Mediaeval Pilgrim Routes from Scandinavia to Rome, in: Mediaeval Studies
#: 12 (1950), pp. 92–122``, ``Aristotle: Rhetoric (see n. 1).``; the title ends at the
#: container (``, in:``), a role, a parenthesis or bracket, or the note's end
_NOTE_COLON = re.compile(
    rf"^(?P<author>{_AUTHORS}):\s+(?P<title>[A-Z](?:(?!(?<=[^\W\d_]{{2}})\.\s)[^()\[\]“”\"])*?)"
    r"(?=,\s*in:|\s*[(\[]|\.?\s*$|,\s*(?:ed|trans|comp|p|pp|S)\.)")
#: the publication facts after a title: ``, Berlin: Duncker & Humblot``, ``, Berlin 1832``,
#: ``, 2. Aufl.``, ``, 1997``
_PLACE_YEAR = re.compile(rf",\s+(?:\d+\.\s*Aufl|[A-ZÄÖÜ][\w.]*(?:[\s/-][A-ZÄÖÜ][\w.]*)*(?::\s|\s+{_YEAR}\b)"
                         rf"|{_YEAR}\b)")
#: an in-note author-date citation (Chicago author-date, APA, biblatex's authoryear styles in
#: notes): ``Knuth 1986, p. 12.``, ``Aksın et al. 2006, pp. 3–5.``, ``Smith (2001), 4.``
#: The year may be printed as the original's and the cited edition's (``Piaget 1970/1972``:
#: the edition cited is the work's date), as ``n.d.`` or as an open range (``Vedantam 2015–``:
#: no one date); APA's and the CSL author-date note styles put the pinpoint after a colon
#: (``Morey 2019: 12``).
_AUTHOR_YEAR_CITE = re.compile(
    rf"^(?P<author>{_AUTHORS})\s+(?P<y>\(?(?:{_YEAR}/)?(?P<year>{_YEAR})[a-z]?\)?|(?P<nodate>n\.\s?d\.|{_YEAR}\s*[–-]))"
    rf"(?P<loc>[,:]\s*{_LOC1}(?:\s*,?\s*{_LOC1})*)?\.?\s*$")
#: a patent in a note (Chicago): inventors, title, the patent's number, the dates it was filed
#: and issued — the date of issue is the work's (``F. Kowalik and M. Isard, Estimateur …,
#: 9500261, issued January 11, 1995, 45–47.``)
_PATENT = re.compile(
    rf"^(?P<author>{_AUTHORS}),\s+(?P<title>[A-Z][^“”\"]*?),\s+(?:(?:U\.S\.|US|European|EP)\s+Patent\s+)?"
    rf"(?:No\.\s*)?[\w./-]*\d[\w,./-]*,\s+(?:filed\s+[^,]*(?:,\s*{_YEAR})?,\s+(?:and\s+)?)?issued\s+(?P<date>(?i:{DATE}))(?=[,.;]|$)")
#: an entry whose author is one name, not inverted (``Aristotle. De Anima. Ed. by …``,
#: ``Lars Madsen. Avoid eqnarray!, URL``): read only with a date or a URL after the title
_ENTRY_NAME = re.compile(
    rf"^(?P<author>{_PROSE}(?:(?:[{_UPPER}]\.|[{_UPPER}][\w'’\-]*|van|von|de|der|da|di|du|le|la)\s+){{0,3}}"
    rf"(?:[{_UPPER}][\w'’\-]+|(?<=[a-z]\s)[A-Z]{{1,3}}))\.\s+"
    r"(?P<title>[A-Z](?:(?!(?<=[^\W\d_]{2})\.\s)[^.,“”\"])*?[^\W\d_](?:[?!])?)(?=[.,]\s|[.,]?$)")
#: an entry under an organisation's name (Vancouver's and the reference lists' ``World Health
#: Organization. Global tuberculosis report 2020. Geneva: WHO; 2020.``, ``National Institute
#: for Health and Care Excellence. Title [Internet]. London: NICE; 2019``): two name words or
#: more, the title up to its full stop (a medium in brackets after it); read only with a
#: date or a URL after the title
_ENTRY_ORG = re.compile(
    rf"^(?P<author>{_ORG})\.\s+"
    r"(?P<title>[A-Z](?:(?!(?<=[^\W\d_]{2})\.\s)[^.,“”\"\[\]])*?[^\W_](?:[?!])?)(?:\s*\[[^\[\]]+\])?(?=[.,]\s|[.,]?$)")
#: the placeholder for the author named in the note before (``Idem, Physics, p. 55.``): the
#: title only
_IDEM = re.compile(rf"^(?:Idem|Eadem|Iidem|Eaedem|Ders\.|Dies\.),\s+(?P<title>[A-Z][^,.;:()“”\"]*)"
                   rf"(?:,\s*{_LOC1}(?:\s*,?\s*{_LOC1})*)?\.?\s*$")
#: a short title alone with its pinpoint, printed as an abbreviation (``KpV, p. 24.``,
#: ``KU, pp. 59–63.``) or in small capitals the text layer gives in lower case (``oscola,
#: 20–21.``): not a name
#: the Latin (and German) of cross-references, never a short title: ``ibid.``, ``passim``
_NOT_SHORT_TITLE = (r"(?!(?i:ibid|ibidem|idem|id|supra|infra|passim|sic|cf|see|vgl|ders|dies|ebd|below|above"
                    r"|ebenda|op|loc|etc|viz|and|the)\b)")
_SHORT_TITLE = re.compile(
    rf"^{_NOT_SHORT_TITLE}(?P<title>(?-i:[A-Z]{{2,6}}|[A-Z][a-z]?[A-Z][A-Za-z]?|[a-z]{{3,}}))(?:,\s*{_LOC1}(?:\s*,?\s*{_LOC1})*)?\.?\s*$")
#: an untitled work described in lower case after the name (``Bruce Barcott, review of …``,
#: ``Joseph Dinkel, description of …``, ``AC, July 1, 2008, …, comment on …``)
_UNTITLED = re.compile(
    rf"^(?P<author>{_AUTHORS}),\s+(?:(?P<date>(?i:{DATE}))(?:,\s*\d{{1,2}}:\d{{2}}\s*[ap]\.m\.)?,\s+)?"
    r"(?!and\b|or\b|ed\b|eds\b|trans\b|comp\b|dir\b)[a-z]{3,}\b")
#: a letter: ``George Creel to Colonel House, 25 September 1918.``, ``… to …, Baden, September
#: 22, 1867`` (a place holds no figure, so the date's own comma is not taken for the place's)
_LETTER = re.compile(rf"^(?P<author>{_NAMES})\s+to\s+{_NAMES},\s+(?:[^,\d]*,\s+)?(?P<date>(?i:{DATE}))\.?\s*$")
#: a letter and where it is printed or cited before (``Charles Darwin to J. D. Hooker,
#: Down, 11 January 1844, in Francis Darwin, ed., Life and Letters …``, ``Darwin to Hooker,
#: 11 January 1844, see n. 4``): the writer is the author, the letter's date the date
_LETTER_IN = re.compile(rf"^(?P<author>{_NAMES})\s+to\s+{_NAMES},\s+(?:[^,\d]*,\s+)?(?P<date>(?i:{DATE})),\s+"
                        r"(?:in|see|cited\s+in|quoted\s+in)\b")
#: a reference work's entry, ``s.v.``: ``Encyclopaedia Britannica, 15th ed. (1980), s.v. “Salvation.”``
_SUB_VERBO = re.compile(r"^(?P<title>[A-Z][^,()“”\"]*?)(?=,[^“”\"]*\bs\.\s?v\.)")
#: a law report without the case's name (the text names it): ``[1967] 2 AC 46 (HL)``
_LAW_REPORT = re.compile(rf"^(?:(?P<author>{_AUTHORS})\s+)?\[(?P<year>{_YEAR})\]\s+(?:\d+\s+)?[A-Z][A-Za-z.]*\s+\d+")
#: a short title and its pinpoint closing a note that quotes or comments first (``‘…’
#: (emphasis added) oscola, 5.``)
_SHORT_TITLE_AFTER = re.compile(
    rf"(?:(?<=[’”'\")]\s)|(?<=\bsee\s)|(?<=\bSee\s)|^){_NOT_SHORT_TITLE}(?P<title>(?-i:[A-Z]{{2,6}}|[A-Z][a-z]?[A-Z][A-Za-z]?|[a-z]{{3,}})),\s*{_LOC1}\.?\s*$")
#: a title and the URL of the work after a colon: ``Again about the set label for authoryear
#: style：https://…``; not a label (``repository address:``, ``地址:``): four words at least
#: a web page in the Bluebook's notes: the author (a person or a body), the page's title,
#: perhaps the site it is in and a pinpoint, then the URL (and ``(last visited …)``), which
#: the caller has blanked: ``Merriam-Webster, Self-report, in Merriam-Webster.com
#: dictionary, <URL> (last visited Jul 12, 2019).``, ``APA Style, Tweets, <URL>``
_WEB_NOTE = re.compile(rf"^(?P<author>{_AUTHORS}|{_ORG}),\s+(?P<title>[A-Z](?:(?![^\W\d_]{{2}}\.\s)[^,“”\"()@])*?)"
                       r"(?:,\s+in\s+[^,()“”\"]+?)?(?:,\s+[\d–-]+)?,?\s*(?:\(\s*\)\s*)?\.?\s*$")
_TITLE_URL = re.compile(r"^(?P<title>(?=(?:\S+\s+){3})[A-Z][^:：;。,，()“”\"]*?)\s*[:：]\s*$")


#: an organisation and its divisions, each closed by a full stop, as the CSL styles print an
#: institution's author (``Great Britain. Parliament. House of Lords``, ``United States.
#: Congress. Senate``): then a comma and the title, perhaps the parenthesis of its facts
#: ending in the date, and a pinpoint. Each division is a name of its own (capitalised
#: words, ``of``/``for``/``the``/``and`` between), so an abbreviation's stop (``Ark. Const.
#: of 1868``) reads on into no title
_ORG_PATH = rf"{_ORG}(?:\.\s+{_ORG}){{1,4}}"
_NOTE_ORG_PATH = re.compile(
    rf"^(?P<author>{_ORG_PATH}),\s+(?P<title>[A-Z][^,“”\"]*?)"
    rf"(?:\s*\((?P<paren>[^()]*)\))?(?:\s*,?\s*{_LOCATOR})?\.?\s*$")
#: legislation cited by its title and its year in parentheses, no author (the Cambridge and
#: OSCOLA-like law notes: ``Pensions Act (2014) pp. 45–47.``, ``Council Regulation (EC)
#: 1984/2003 of 8 April 2003 introducing … (2003) p. 3.``): a title that names a kind of
#: enactment, the year, the pinpoint
_LEGISLATION_WORD = (r"(?i:Act|Order|Regulations?|Directive|Decision|Convention|Treaty|Bill|Rules"
                     r"|Statute|Code|Constitution|Ordinance|Decree|Protocol|Charter)")
_LEGISLATION_YEAR = re.compile(
    rf"^{_PROSE}(?P<title>(?=[A-Z])[^“”\"]*?\b{_LEGISLATION_WORD}\b[^“”\";]*?)\s+\((?P<year>{_YEAR})\)"
    rf"(?:\s*,?\s*{_LOCATOR})?\.?\s*$")


#: EU legislation with its year and the Official Journal (``Council Regulation (EC) 139/2004
#: on … [2004] OJ L24/1``, ``… transport 1968 (OJ Spec Ed) 302``): the title, the year
_LEGISLATION_OJ = re.compile(
    rf"^{_PROSE}(?P<title>(?=[A-Z])[^“”\";]*?\b{_LEGISLATION_WORD}\b[^“”\";]*?)\s+"
    rf"(?:\[(?P<y1>{_YEAR})\]\s*|(?P<y2>{_YEAR})\s+\()(?-i:OJ|O\.J\.)")
#: legislation by its title alone and the pinpoint (OSCOLA without a year in parentheses:
#: ``Convention Relating to the Status of Refugees 137.``, ``Local authority precepts order
#: 1897 45–47.``): the title names a kind of enactment and ends in it, in a capitalised word,
#: a year or a parenthesis — never in a sentence's word (``The Act applies to section 3.``)
_LEGISLATION_PIN = re.compile(
    rf"^{_PROSE}(?P<title>(?=[A-Z])[^“”\";,]*?\b{_LEGISLATION_WORD}\b[^“”\";,]*?)"
    rf"(?:\s+(?P<pin>(?!{_YEAR}(?:\s|\.?\s*$)){_LOCATOR}))?\.?\s*$")
#: an organisation's work cited short, by its name and the page (``National Center for
#: Education Statistics, 45–47.``): three capitalised words or more
_ORG_SHORT = re.compile(rf"^(?P<author>{_ORG}),\s+{_LOCATOR}\.?\s*$")


def _cit(raw: str, style: str, author=None, title=None, date=None, url=None,
         accessed=None) -> Citation:
    if any(v and _INTERNAL.fullmatch(_fold(v).strip(" ,.:;")) for v in (author, title)):
        author = title = None
    author = _clean(author)
    if author:
        # role words are no part of the name (``Theodore Silverstein, trans.``)
        author = re.sub(r",\s*(?:ed|eds|comp|trans|dir)\.?$", "", author.strip(" ,:;")).strip(" ,:;")
        if re.search(r"\bet al$", author):
            author += "."  # the full stop belongs to the abbreviation
    title = _clean(title)
    if title:
        title = title.rstrip(" ,;")  # the comma American usage sets inside the quotes
    return Citation(raw=raw, author=author or None, title=title or None, date=date, url=url,
                    accessed=accessed, style=style)  # type: ignore[arg-type]


#: lowercase words a name of a person or an organisation may hold (``Department for
#: Business, Energy and Industrial Strategy``, ``Ludwig van Beethoven``, ``Smith et al.``)
_NAME_FUNCTION_WORDS = frozenset(
    "of for the and & on in at to de van von der den da di du le la les des del y und für zu "
    "et al al. others".split())


def _name_shaped(author: str) -> bool:
    """Whether ``author`` reads as names: its words capitalised, figures, CJK, or the small
    words names hold. A sentence's opening word (``For``, ``See``) or a signal makes it
    prose, and so do lowercase words as many as the capitalised ones (``The point is made
    by Jones``); one lowercase word among names is a name as printed (``Wharton school of
    University of Pennsylvania``)."""
    s = _fold(author).strip(" ,:;")
    if not s or re.match(_PROSE.replace("(?!", "(?="), s) or any(
            m.group("sig") for m in _CITING.finditer(s)):
        return False
    lower = upper = 0
    for w in re.split(r"[\s,/]+", s):
        w = w.strip("()[]{}.'’\"“”")
        if not w or w.lower() in _NAME_FUNCTION_WORDS:
            continue
        if re.search(rf"[A-Z{_UPPER[3:]}0-9@\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]", w):
            upper += 1
        else:
            lower += 1
    return upper > 0 and lower < upper


def _parse_en(raw: str, text: str, t: str, url: str | None,
              accessed: str | None) -> Citation | None:
    for rx in _EN_HEAD.values():
        m = rx.match(t)
        if m:
            break
    else:
        m = _EN_HEAD_OSCOLA.match(t)
        if not m or m.group("cap") and not m.group("author"):
            return None
    author = text[m.start("author"):m.end("author")] if m.group("author") else None
    title = text[m.start("title"):m.end("title")]
    if author is None and _SHORT_TITLE_AFTER.search(t):
        return None  # a quotation, then the short title it was taken from (``‘…’ oscola, 5``)
    d = re.match(r"(?P<a>[^,]+),\s+(?!and\b|or\b|the\b)[a-z]{3,}", author or "")
    if d and _name_shaped(d.group("a")):
        # ``AC, comment on Ellis, ‘Title’``: an untitled work that answers the quoted one
        author, title = d.group("a"), None
    if author is not None and not _name_shaped(author):
        author = None  # a phrase of prose before the quoted title, not who wrote it
    rest = t[m.end():]
    date = None
    p = _EN_PAREN_DATE.match(rest)
    if p:
        # the date closes the parenthesis: ``(24 June 2023)``, ``(Blog, 3 May 2020)``,
        # OSCOLA's ``(OUP 2010)`` without a comma
        date = _trailing_date(p.group("d") if p.group("d") is not None else p.group("b"))
    else:
        f = _FIELD_DATE.match(rest)
        date = _iso(_DATE_FULL.fullmatch(f.group("d"))) if f else None
    if date is None:
        # no date right after the title: it is among the publication facts that follow
        # (``‘Title’, Journal 34, no. 1 (March 2015)``, ``‘Title’ in X (eds), Book (Publisher
        # 1997)``, ``‘Title’, Site, 26 January 2015``), or after a bracket that holds a
        # translation or a description (``“Titel” [The Title], Journal 28 (2001)``) or a
        # cross-reference (``(n 13)``)
        date = _field_date(rest[p.end():] if p else rest)
    if title and _LETTER.match(_fold(title)):
        # a letter described in quotes (``‘Adams to Gaskell, Baden, September 22, 1867’``):
        # a letter has no title; its date is the letter's
        title, date = None, _iso(_DATE_FULL.fullmatch(_LETTER.match(_fold(title)).group("date")))
    return _cit(raw, "en", author, title, date, url, accessed)


def _parse_zh(raw: str, text: str, t: str, url: str | None,
              accessed: str | None) -> Citation | None:
    m = _ZH.match(t)
    if not m:
        return _parse_zh_plain(raw, text, t, url, accessed)
    author = text[m.start("author"):m.end("author")]
    title = text[m.start("title"):m.end("title")]
    q = _ZH_QUOTED.match(_fold(author))
    if q and q.group("a").strip():
        # an article's title in quotes before the journal in 《》: ``张三：“题名”，《法学研究》…``
        title = author[q.start("t"):q.end("t")]
        author = author[:q.end("a")]
    masked_out = _fold(author) != m.group("author")[:len(author)]  # URL or accessed clause
    author = _ZH_LEAD.sub("", author.strip())
    author = _ZH_ROLE.sub("", author) or author  # ``王明、李华主编``: the editors are the authors
    style = "zh"
    # (a list of names joined by ``、`` may be longer: ``J. Jeganathan、A. Ghrayeb、L.
    # Szczecinski、A. Ceron``, each of its parts a name)
    too_long = len(author) > ZH_AUTHOR_MAX_CHARS and not all(
        0 < len(p.strip()) <= ZH_NAME_MAX_CHARS and _name_shaped(p) for p in author.split("、"))
    if re.search(r"[,;。]", _fold(author)) or too_long or masked_out:
        author, style = None, "other"  # a sentence before the title, not an author
    date = None
    for field in _ZH_FIELDS.split(m.group("rest")):  # the accessed clause is masked
        field = field.strip()
        if field.startswith("(") and ")" in field:  # (2023年4月) right after the title
            field = field[1:field.index(")")]
        date = parse_date(field)
        if date:
            break
        f = _ZH_PUB_YEAR.search(field)
        if f:
            date = f.group("y")
            break
        f = _ZH_JOURNAL_YEAR.search(field)
        if f:
            date = parse_date(f.group("d"))
            break
    return _cit(raw, style, author, title, date, url, accessed)


def _parse_zh_plain(raw: str, text: str, t: str, url: str | None,
                    accessed: str | None) -> Citation | None:
    """A Chinese note without 《》: the 法学引注手册's short form after a back-reference
    (:data:`_ZH_BACK_SHORT`), or a title printed plain between the author's colon and the
    edition's date (:data:`_ZH_COLON`)."""
    m = _ZH_BACK_SHORT.match(t)
    if m:
        return _cit(raw, "zh", text[m.start("author"):m.end("author")], None, None, url, accessed)
    m = _ZH_COLON.match(t) or _ZH_COLON_LATIN.match(t)
    if not m or text[m.end("author"):m.start("title")].strip()[:1] != "：":
        return None  # the full-width colon of Chinese typesetting, not a title's own
    author = text[m.start("author"):m.end("author")].strip()
    if _ZH_PROSE.search(author) or not all(
            0 < len(p.strip()) <= ZH_NAME_MAX_CHARS and _name_shaped(p) for p in author.split("、")):
        return None  # ``原文如下：…``: a sentence's words before the colon
    date = parse_date(m.group("date")) if "date" in m.re.groupindex else None
    return _cit(raw, "zh", author, text[m.start("title"):m.end("title")], date, url, accessed)


def _field_date(rest: str) -> str | None:
    """The first date that is a field of its own after the title: one that closes a
    parenthesis (``(March 1990)``, ``(Lake Forest, 1999)``) or a comma-separated field
    (``, January 26, 2015,``; ``, published electronically July 14, 2008,``; ``, Spring 2005,``)."""
    for m in _DATE_RE.finditer(rest):
        before, after = rest[:m.start()], rest[m.end():].lstrip()
        # (inside parentheses however deep: ``(National … (NTIA), U.S. Dept., May 1986)``)
        closes_paren = after.startswith(")") and before.count("(") > before.count(")")
        # (MHRA sets the URL and ``[accessed …]`` straight after the date: the URL and the
        # access clause are masked, the bracket remains)
        field_end = (not after or after[0] in ",;([" or after[0] == "." and
                     (len(after) == 1 or after[1].isspace()))
        field_start = re.search(r"(?:,|^)[^,()]*$", before) is not None and (
            not before or before[-1] in " ,")
        if closes_paren or (field_end and field_start):
            if re.fullmatch(r"\d{4}\.\d{1,2}", m.group()) and after.startswith("(") \
                    and not closes_paren:
                continue  # ``Series 2011.01 (Columbia University, June 2011)``: a number
            return _iso(m)
    return None


#: author-date (APA, Harvard): ``Grady, J. S., Her, M., & Yelinek, J. (2019). Title. Journal,
#: 8(3), 207–217.`` — names, the year in parentheses (perhaps with the day: ``(2020,
#: April 7)``), then the title up to its full stop or a bracketed description (``[Video]``);
#: Chicago's author-date list sets the year as a field of its own (``Smith, John. 2001.
#: Title. …``). A title opens with a capital: ``Smith (2019) for details`` is prose
_AUTHOR_DATE = re.compile(
    rf"^(?P<author>[^()]+?)\s*(?:\((?P<year>{_YEAR})[a-z]?(?:,\s*(?P<md>[^()]+))?\)\.?"
    rf"|(?<=[^\W\d_])\.\s+(?P<year2>{_YEAR})[a-z]?\.)\s+"
    r"(?P<title>(?![a-z]).+?)(?:(?<=[?!])(?=\s)|(?<![\s.][A-Z])\.(?=\s|$)|\s+\[)")
_ORG_WORDS = frozenset("of for the and on in".split())
_AUTHOR_DATE_WORD = re.compile(rf"(?:{_NAME_WORD}|&|and|et|al\.?|\.\.\.|…)")


def _parse_author_date(raw: str, text: str, t: str, url: str | None,
                       accessed: str | None) -> Citation | None:
    m = _AUTHOR_DATE.match(t)
    if not m:
        return None
    words = [w for w in re.split(r"[\s,]+", m.group("author")) if w]
    # (an organisation's name holds small words: ``Australian Bureau of Statistics. (2020).``)
    org = _AUTHOR_DATE_WORD.fullmatch(words[0]) and _name_shaped(m.group("author")) if words else False
    if not words or not all(_AUTHOR_DATE_WORD.fullmatch(w) or org and w in _ORG_WORDS
                            for w in words) or re.match(
            _PROSE.replace("(?!", "(?="), m.group("author")):
        return None  # not a list of names
    date = m.group("year") or m.group("year2")
    if m.group("md"):
        date = parse_date(f"{m.group('md')} {date}") or date
    title = text[m.start("title"):m.end("title")]
    q = re.match(r"[‘'“\"](?P<q>[^’'”\"]+)[’'”\"]", text[m.start("title"):])
    if q:
        title = q.group("q")  # Harvard quotes an article's title: ``(2015) ‘Title’, Journal``
    # the edition or volume APA sets after the title, in parentheses: ``Title (2nd ed.)``
    title = re.sub(r"\s*\((?:[^()]*\bed\.?|[Vv]ol\.[^()]*|[Rr]ev\.[^()]*)\)$", "", title)
    author = re.sub(r"(?<=[^\W\d_]{2})\.$", "", text[:m.end("author")].strip())  # APA's stop
    if m.group("year2") and re.search(r"(?:^|[\s,])[A-Z]$", author):
        author += "."  # an initial's full stop, which the year's field stop followed
    return _cit(raw, "author-date", author, title, date, url, accessed)


def _parse_note(raw: str, text: str, t: str, url: str | None,
                accessed: str | None) -> Citation | None:
    """A note or a reference-list entry in a humanities style (Chicago, SBL, OSCOLA, MLA):
    names, then a quoted article title or a book title, then publication facts."""
    def span(m: re.Match[str], g: str) -> str | None:
        return text[m.start(g):m.end(g)] if m.group(g) else None

    m = _NOTE_ORG_PATH.match(t)
    if m and not any(re.fullmatch(r"[A-Z]|.*\s[A-Z]", p) for p in re.split(r"\.\s+", m.group("author"))):
        # (no division is an initial: ``J. Smith, Title (2001)`` is a person, read below)
        date = _trailing_date(m.group("paren")) if m.group("paren") else None
        if date or m.group("paren") is None:
            return _cit(raw, "humanities", span(m, "author"), span(m, "title"), date, url, accessed)
    m = _CASE_NAMED.match(t) or _STATUTE.match(t)
    if m:  # a law citation: the case's or the statute's name is its title
        paren = re.search(r"\(([^()]*)\)", t[m.end():])
        date = m.group("year") or (_trailing_date(paren.group(1)) if paren else None)
        return _cit(raw, "humanities", None, span(m, "title"), date, url, accessed)
    m = _LEGISLATION_OJ.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), m.group("y1") or m.group("y2"), url, accessed)
    m = _LEGISLATION_YEAR.match(t)
    if m and not re.search(r",\s+[A-Z\d]", m.group("title")):
        # (a comma before a capital or a figure opens a field: the Bluebook's ``…, H.R. 5005,
        # 107th Cong. (2002)``; a title's own commas go on in lower case)
        return _cit(raw, "humanities", None, span(m, "title"), m.group("year"), url, accessed)
    m = _CASE_SHORT.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _SUPRA_TITLE.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _PATENT.match(t)
    if m:
        return _cit(raw, "humanities", span(m, "author"), span(m, "title"),
                    _iso(_DATE_FULL.fullmatch(m.group("date"))), url, accessed)
    m = _ENTRY.match(t)
    # an initial alone after the last "&" is that person's first initial, the surname still
    # to come (``R. Limbo & M. Schroeder``): no entry's author field ends there
    if m and not re.search(r"(?:&|\band)\s+(?:[A-Z]\.\s?)*[A-Z]$", m.group("author")):
        title = span(m, "qtitle") or span(m, "title")
        return _cit(raw, "humanities", span(m, "author"), title, _field_date(t[m.end():]), url,
                    accessed)
    m = _NOTE_QUOTED.match(t)
    if m:
        date = _field_date(t[m.end():])
        # without a name, only a note's shape tells a title from a quoted word that a note
        # explains (``“叫基土拉”：或译“众民”。``): the comma of the field and a date after it
        # — or the title alone with its pinpoint, the short form of a work with no author
        # (``“Marking Time in the Land of Plenty,” 12.``)
        after = t[m.start("qtitle"):][len(m.group("qtitle")):]
        if m.group("author") or ((date or url) and re.match(r"[^”\"]*,[”\"]|[”\"]\s*,", after)) \
                or re.fullmatch(rf"(?:,[”\"]|[”\"]\s*,)\s*{_LOCATOR}\.?\s*", after) \
                or _quoted_work(m.group("qtitle"), after, date or url) \
                or (date and re.match(r"\.[”\"]\s+[A-Z]", after) and _headline(m.group("qtitle"))):
            # (MLA closes an authorless title with its full stop inside the quotes, then the
            # container and the date: ``“Title Words.” Site, 5 May 2015``; a quoted sentence
            # is seldom set in headline style)
            # an untitled work named by what it answers (``reply to “Q”``, ``review of “B”``):
            # the quoted words are the other work's title, not this one's
            title = None if m.group("lead") else span(m, "qtitle")
            return _cit(raw, "humanities", span(m, "author"), title, date, url, accessed)
    m = _NOTE_BOOK.match(t)
    if m:
        date = _trailing_date(m.group("paren"))
        # the publication facts end in the date, or in ``n.d.`` where the work prints none
        if date or _NO_DATE.search(m.group("paren")):  # else the parenthesis is a remark
            title = span(m, "title")
            title = _title_cut(title)
            title = _REPORT_NUMBER.sub("", title.rstrip(" ,.:"))  # ``…, GAO-20-629``
            title = _bluebook_cut(title)  # ``Title 12 (2019)``, ``Title, in Book 55``
            if re.search(r"[^\W\d_]{3}\.\s", title):
                return None  # a sentence's stop: fields of an entry, not a book's title
            head = title.split(", ")[0]
            if re.search(r",\s+[A-Z]", title) and ":" not in head and len(head.split()) <= 6 and all(
                    w[0].isupper() or w in _NAME_FUNCTION_WORDS for w in head.split()):
                # ``Law School, University of Leeds, Guide to Citation (…)``: where the name
                # ends and the title begins only the fonts tell (:func:`_parse_italic`)
                return _cit(raw, "humanities", None, None, date, url, accessed)
            return _cit(raw, "humanities", span(m, "author"), title, date, url, accessed)
    m = _NOTE_PLAIN.match(t)
    if m and not re.search(rf"\b{_YEAR}$", m.group("title")) and re.search(r"[^\W\d_]{2}", m.group("title")):
        author, title = span(m, "author"), span(m, "title")
        given = re.match(rf"((?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{0,2}}):\s+(?=[A-Z])", _fold(title))
        if given and re.fullmatch(r"[^\W\d_][\w'’-]+", author):
            # ``Surname, Given: Title, Place Year``: the given names end at the colon
            author, title = f"{author}, {title[:given.end(1)]}", title[given.end():]
        return _cit(raw, "humanities", author, title, _trailing_date(m.group("facts")), url, accessed)
    m = _NOTE_COLON.match(t)
    if m:
        # German titles go on after a comma in lower case (``Anspruch, absolutes Recht
        # und …``): the title ends at a role, the container, or the place and year
        title = span(m, "title")
        end = _TITLE_END.search(title) or _PLACE_YEAR.search(title)
        title = title[:end.start()] if end else title
        return _cit(raw, "humanities", span(m, "author"), title,
                    _field_date(t[m.start("title") + len(title):]), url, accessed)
    m = _ENTRY_COLON.match(t)
    if m and not re.search(r"[^\W\d_]{2}\.\s", m.group("author")):
        date = _field_date(t[m.end():])
        if date:
            return _cit(raw, "humanities", span(m, "author"), span(m, "qtitle") or span(m, "title"),
                        date, url, accessed)
    m = _ENTRY_NAME.match(t)
    if m and re.search(r"\s[A-Z]{1,3}$", m.group("author")) and not (
            " " in m.group("title") and t[m.end("title"):].startswith(".")):
        m = None  # Vancouver's surname and initials: a title of words closed by its stop
    # (a word of four letters or fewer and one word after it are abbreviations, the law's
    # ``Ark. Const.`` and ``Cong. Globe``, not a name and a title)
    if m and not re.search(r"[^\W\d_]{2}\.\s", m.group("author")) and not re.fullmatch(
            r"(?:Ed|Eds|Trans|Comp|Dir|Rev|Repr|Vol)", m.group("title")) and not (
            re.fullmatch(r"\w{1,4}", m.group("author")) and re.fullmatch(r"\w+", m.group("title"))):
        date = _field_date(t[m.end():])
        if date or url:
            return _cit(raw, "humanities", span(m, "author"), span(m, "title"), date, url,
                        accessed)
    m = _ENTRY_ORG.match(t)
    # (no initials: ``J. K. Rowling. Title`` is a person whose initial's stop is no field's)
    if m and len(m.group("author").split()) >= 2 and _name_shaped(m.group("author")) \
            and not re.search(r"[^\W\d_]{2}\.\s|(?:^|\s)[A-Z]\.?(?=\s|$)", m.group("author")):
        date = _field_date(t[m.end():])
        if date or url:
            return _cit(raw, "humanities", span(m, "author"), span(m, "title"), date, url, accessed)
    m = _AUTHOR_YEAR_CITE.match(t)
    # one word and a year is as likely a name and a version (``Windows 2000.``): a pinpoint,
    # several names, a year's letter, parentheses, a bibliography's ``n.d.`` or the
    # document's own habit of author-date notes (:func:`author_date_notes`) make it a citation
    if m and (m.group("loc") or not (m.group("y") or "").isdigit() or _AUTHOR_DATE_DOC.get()
              or re.search(r"\s(?:and|&|et)\s|,", m.group("author"))):
        return _cit(raw, "humanities", span(m, "author"), None, m.group("year"), url, accessed)
    m = _IDEM.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _SHORT_TITLE.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _NOTE_SHORT.match(t)
    if m and re.fullmatch(rf"(?:(?:The|An?)\s+)?{_LEGISLATION_WORD}", m.group("author")) and not m.group("title"):
        # ``Treaty, supra note 50``: a legal instrument's short name is a title, never an author
        return _cit(raw, "humanities", None, span(m, "author"), None, url, accessed)
    m = _UNTITLED.match(t)
    if m:
        date = parse_date(m.group("date")) if m.group("date") else _field_date(t[m.end():])
        return _cit(raw, "humanities", span(m, "author"), None, date, url, accessed)
    m = _LETTER.match(t)
    if m:
        return _cit(raw, "humanities", span(m, "author"), None, _iso(_DATE_FULL.fullmatch(m.group("date"))),
                    url, accessed)
    m = _LETTER_IN.match(t)
    if m:  # a letter in a published collection: the letter is the work cited
        return _cit(raw, "humanities", span(m, "author"), None, _iso(_DATE_FULL.fullmatch(m.group("date"))),
                    url, accessed)
    m = _SUB_VERBO.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), _field_date(t[m.end("title"):]),
                    url, accessed)
    m = _NOTE_SHORT.match(t) or _NOTE_XREF.match(t)
    if m:
        title = span(m, "title") if "title" in m.re.groupindex else None
        if title and re.search(rf"\b{_YEAR}$", title.strip()):
            return None  # ``BGH, NJW 1990, 2000``: a periodical, its year and page, no title
        if title and re.fullmatch(r"[A-Z]{1,5}\.?\s+\d[\w/-]*", title.strip()):
            return None  # ``Hansard, HC 234``: a paper's series and number, no name and title
        return _cit(raw, "humanities", span(m, "author"), title, None, url, accessed)
    m = _ORG_SHORT.match(t)
    if m and len(re.findall(r"(?:^|\s)[A-Z]", m.group("author"))) >= 3 \
            and not re.search(rf"\b{_LEGISLATION_WORD}\b", m.group("author")):
        return _cit(raw, "humanities", span(m, "author"), None, None, url, accessed)
    m = _LEGISLATION_PIN.match(t)
    last = re.sub(rf"\s+{_YEAR}$", "", m.group("title")) if m else ""
    # (a title, not a sentence: no sentence's stop inside, fifteen words at most)
    if m and len(last.split()) <= 15 and not re.search(r"[^\W\d_]{2}\.\s", last) and (re.search(rf"(?:\b{_LEGISLATION_WORD}|\))$", last) or re.search(r"\s[A-Z][\w'’-]*$", last)):
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _CASE.match(t) or _CASE_US.match(t) or _CASE_LOOSE.match(t) or _CASE_PIN_YEAR.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), m.group("year"), url, accessed)
    m = _CASE_SUPRA.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _TITLE_PIN_YEAR.match(t)
    # (the parenthesis must give the year: ``BVerfGE 7, 198 (205)`` is a law report's volume,
    # page and pinpoint, no title)
    date = _trailing_date(m.group("paren")) if m else None
    if m and date and len(m.group("title").split()) >= 2 and not re.match(_INITIALED, m.group("title")):
        return _cit(raw, "humanities", None, span(m, "title"), date, url, accessed)
    m = _CASE_US_SHORT.match(t)
    if m:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _LAW_REPORT.match(t)
    if m:
        return _cit(raw, "humanities", span(m, "author"), None, m.group("year"), url, accessed)
    m = _SHORT_TITLE_AFTER.search(t)
    if m:  # the reference is the short title and its pinpoint, not the quotation before it
        return _cit(text[m.start("title"):].strip(), "humanities", None, span(m, "title"), None,
                    url, accessed)
    m = _TITLE_URL.match(t)
    if m and url:
        return _cit(raw, "humanities", None, span(m, "title"), None, url, accessed)
    m = _WEB_NOTE.match(t)
    if m and url:
        return _cit(raw, "humanities", span(m, "author"), span(m, "title"), None, url, accessed)
    return None


#: what follows the quoted title of a work that names no author (MLA's and Chicago's web
#: pages, patents, datasets, legislation): only facts of publication — ``n.d.``, a date, a
#: parenthesis (``(Issued on March 8, 1967)``), a number (a patent's ``1060631``, ``EP 1 094
#: 937 B1``) and the pinpoint — and the URL, which the caller has blanked
_FACT = (rf"(?:n\.\s?d\.|\([^()]*\)|{_LOCATOR}|(?-i:[A-Z]{{1,4}})(?:\s?\d+)+(?:\s?(?-i:[A-Z])\d?)?"
         rf"|\d[\d,./-]*|{DATE})")
_FACTS_ONLY = re.compile(rf"[”\"](?:[\s,.;:]*{_FACT}(?![\w]))+[\s,.;:]*", re.I)


def _headline(title: str) -> bool:
    """Whether ``title`` is set in headline style (its words capitalised but for the small
    ones), as a title is and a quoted sentence seldom is; fifteen words at most."""
    words = re.findall(r"[^\W\d_][\w'’-]*", title)
    big = [w for w in words if w.lower() not in _NAME_FUNCTION_WORDS
           and w.lower() not in ("a", "an", "with", "from", "by", "as", "or", "but", "nor")]
    return 0 < len(words) <= 15 and bool(big) and sum(w[0].isupper() for w in big) * 4 >= 3 * len(big) \
        and words[0][0].isupper()


def _quoted_work(title: str, after: str, dated: object) -> bool:
    """Whether a quoted title that opens a note, with no author before it, is a work's title
    rather than a quotation the note explains: only facts of publication follow it
    (:data:`_FACTS_ONLY`) — a date, ``n.d.``, a URL or a number among them, or a page
    (``p. 3``) — and it reads as a title (capitalised, two words or more)."""
    if not re.match(r"[^\W\d_]", title) or not title[0].isupper() or len(title.split()) < 2:
        return False
    f = _FACTS_ONLY.fullmatch(after.lstrip(",."))
    if not f:
        return False
    return bool(dated or re.search(rf"n\.\s?d\.|\d{{3,}}|(?<![\w])pp?\.\s*\d", after))


def _parse_other(raw: str, text: str, t: str, url: str | None, accessed: str | None) -> Citation:
    m = _ET_AL.match(t)
    if m and not _PATENT.match(t):  # (a patent's inventors ``X et al.``: read by its rule)
        return _cit(raw, "other", text[m.start("author"):m.end("author")],
                    text[m.start("title"):m.end("title")].rstrip(" ,.:"),
                    _iso(_DATE_FULL.fullmatch(m.group("date"))), url, accessed)
    c = _parse_author_date(raw, text, t, url, accessed) or _parse_note(raw, text, t, url,
                                                                         accessed)
    if c is not None:
        return c
    m = _NAME_TITLE.match(t)
    if m:
        date = _trailing_date(m.group("paren"))
        if date:
            title = text[m.start("title"):m.end("title")].rstrip(" ,.:")
            title = _REPORT_NUMBER.sub("", title)  # ``…, GAO-20-629``: a number, not title
            return _cit(raw, "other", text[m.start("author"):m.end("author")], title, date,
                        url, accessed)
    m = _CLOSING_PAREN_DATE.search(t)
    date = _trailing_date(m.group("p")) if m else None
    return _cit(raw, "other", date=date, url=url, accessed=accessed)


# -- where the citation starts ---------------------------------------------------------------
#: the signals that introduce a citation (Bluebook, OSCOLA, Chicago; German ``vgl.``,
#: ``siehe``) and the commentary run into them (``See, for a discussion, …``, ``See, e.g.,
#: …``): what a note opens with before the reference itself
_SIGNAL = (r"(?:see(?:\s+also|\s+generally|\s+further)?|but\s+see|cf\.?|compare|contra|accord"
           r"|vgl\.(?:\s+auch)?|siehe(?:\s+auch)?|e\.\s?g\.|eg|for\s+example|for\s+instance"
           r"|z\.\s?B\.|among\s+others|inter\s+alia)")
_LEAD_IN = re.compile(
    r"^(?:(?:sources?|quelle|data|(?:数据|资料)?来源|出处)\s*:\s*)?"  # a label: ``Source: …``
    rf"(?:(?:{_SIGNAL}(?![\w])[,:]?\s*)+"
    r"(?:(?:for|on|in|as\s+to|regarding)\s+[^,;:()“”\"'‘’<>]{1,60}?,\s*(?:see\s+)?)?)?", re.I)
#: the words that name a part of the document (``See (Chapter Two).``): no author
_PART_WORD = re.compile(r"(?:Table|Figure|Fig|Section|Sect|Chapter|Chap|Appendix|Annex|Part|Box"
                        r"|Equation|Eq|Note|Footnote|Volume|Vol|Book|Page)\b")
#: a reference enclosed in parentheses after the lead-in, and nothing after it but a stop
_ENCLOSED = re.compile(r"\(\s*(?P<c>[^()]*(?:\([^()]*\)[^()]*)*?)\s*\)\s*[.;]?\s*")
#: a long note of prose is tried from at most this many places (each try reads the rest of
#: the note: a law review's page-long note would otherwise cost its length squared)
CITING_MAX_STARTS = 40
#: a signal inside the note (after commentary), or any lowercase word before a capitalised
#: one (``… are drawn from Name, Title (2010)``, ``The curious can consult Name, …``), not
#: a small word inside a name (``Department for Environment``, ``Faculty of Law``)
_CITING = re.compile(
    rf"(?:(?<=[\s,;:.(])|^)(?P<sig>{_SIGNAL})(?![\w])[,:]?\s+(?:e\.\s?g\.,?\s+)?"
    r"|(?P<zh>参见|参阅|详见|另见|又见|转引自)\s*"
    r"|(?<=\s)(?!(?:of|for|the|and|de|van|von|der|den|da|di|du|le|la|les|des|del|y|und|für|zu"
    r"|by|to|with|at|on|as|is|are|was|were|be|a|an|or|nor|but|than)\s)"
    r"(?P<prep>(?-i:[a-z]+)):?\s+(?=(?-i:[A-Z]))", re.I)


def parse_citation(text: str, italics: Sequence[str] = ()) -> Citation:
    """One reference parsed out of a note's text; ``raw`` is ``text`` unchanged.

    A leading superscript label (``¹⁰``) is ignored. Style ``en`` or ``zh`` when the note
    has the shape of one of the two styles, else ``other`` with only what is reliable.
    ``italics``: the note's runs set in italics, in order (what the fonts tell; see
    :func:`_parse_italic`).
    """
    raw = text
    label = _SUPERSCRIPT_LABEL.match(text)
    body = text[label.end():] if label else text
    body = body.strip()
    t = _fold(body)
    urls = _find_urls(body)
    url = urls[0].url if urls else None
    masked = _mask(t, [(u.start, u.end) for u in urls])
    accessed, span = _accessed(masked)
    if span:
        masked = _mask(masked, [span])
    taken = [_clean(body[u.start:u.end]) for u in urls] + ([_clean(body[span[0]:span[1]])] if span else [])
    return _without_taken(_parse_body(raw, body, masked, url, accessed, italics), taken)


def _without_taken(c: Citation, taken: list[str | None]) -> Citation:
    """No words in two fields: an author or title that holds the URL or the accessed clause
    (a grammar that read across them) is no author or title."""
    for k in ("author", "title"):
        v = getattr(c, k)
        if v and any(p and p in v for p in taken):
            setattr(c, k, None)
    return c


def _parse_body(raw: str, body: str, masked: str, url: str | None, accessed: str | None,
                italics: Sequence[str]) -> Citation:
    # the masked copy (URL and accessed clause blanked) keeps every other offset
    lead = _LEAD_IN.match(masked)
    start = lead.end() if lead else 0
    if url is None and _HOST_ONLY.fullmatch(body.rstrip(".")):
        url = body.rstrip(".")  # a bare host name is the note's URL (``tex.stackexchange.com``)
    spans = _italic_spans(body, italics)
    whole = _ENCLOSED.fullmatch(masked) if not start and masked.startswith("(") else None
    if whole:
        # a note that is one reference in parentheses (``(Smith 2001, 45)``: an author-date
        # citation set as a note) is read inside them, when that gives an author or a title
        a, b = whole.span("c")
        c = _parse_at(raw, body[:b], masked[:b], a, url, accessed, spans)
        if c.author or c.title:
            return c
    enclosed = _ENCLOSED.fullmatch(masked, start) if start else None
    if enclosed:
        # the signal's reference in parentheses (``See further (Barnes).``, ``Compare
        # (Amlen, ‘One Who Gives a Hoot’).``) is read inside them; a name alone there is
        # the short form of a work by that author
        start, end = enclosed.span("c")
        body, masked = body[:end], masked[:end]
        c = _parse_at(raw, body, masked, start, url, accessed, spans)
        if not (c.author or c.title) and re.fullmatch(_AUTHORS, masked[start:]) \
                and not _PART_WORD.match(masked[start:]):
            c = _cit(body[start:], "humanities", body[start:], None, None, url, accessed)
        return c
    c = _parse_at(raw, body, masked, start, url, accessed, spans)
    if c.author and (c.title or _LETTER_IN.match(masked, start)):
        return c
    # a note that opens with commentary cites after a signal (``For a fuller account see
    # Name, Title …``) or, with weaker evidence, after ``in``/``by`` (``… is developed at
    # length in Name, Title (Place: Publisher, 2005)``): the citation is read from there when
    # the whole note gave no author and title, and only when it has both (and, after a
    # preposition, a date as well)
    bare = c.author is None and c.title is None
    for m in itertools.islice(_CITING.finditer(masked, start + 1), CITING_MAX_STARTS):
        if m.group("prep") and not bare:
            continue
        d = _parse_at(raw, body, masked, m.end(), url, accessed, spans)
        # after a signal, a short form that names only its title (``see oscola, 40``) counts
        # when the note gave nothing else
        if d.title and (d.author or bare and not m.group("prep")) and (d.date or not m.group("prep")):
            return d
    return c


def _parse_at(raw: str, body: str, masked: str, start: int, url: str | None,
              accessed: str | None, spans: list[tuple[int, int]] = ()) -> Citation:
    """The citation that starts at ``start`` of the note (``raw`` stays the whole note)."""
    c = _parse_from(raw, body, masked, start, url, accessed, spans)
    if start > 0 and (c.author or c.title):
        c.raw = body[start:].strip()  # the reference's own text, not the commentary before it
    return c


def _parse_from(raw: str, body: str, masked: str, start: int, url: str | None,
                accessed: str | None, spans: list[tuple[int, int]]) -> Citation:
    text, t = body[start:], masked[start:]
    for parse in (_parse_gbt, _parse_zh, _parse_en):
        c = parse(raw, text, t, url, accessed)
        if c is not None:
            return c
    spans = [(a - start, b - start) for a, b in spans if a >= start]
    c = _parse_italic(raw, text, t, spans, url, accessed)
    if c is not None:
        return c
    c = _parse_other(raw, text, t, url, accessed)
    if c.author is None and c.title is None and spans and spans[0][0] == 0:
        # a title in italics opening the note, no author (``*The Chicago Manual of Style*,
        # 17th ed. (Chicago: …, 2017)``): read when a date field follows it
        a, b = spans[0]
        title = text[a:b].strip(" ,.:;")
        date = _field_date(t[b:])
        if (date or url and len(title.split()) > 1) and re.search(r"[^\W\d_]{2}", title) \
                and t[b:].lstrip()[:1] in ",.(:" \
                and not _ITALIC_NOT_TITLE.fullmatch(text[a:b].strip()):
            return _cit(raw, "humanities", None, title, date, url, accessed)
    return c


def _italic_spans(body: str, italics: Sequence[str]) -> list[tuple[int, int]]:
    """Where the italic runs lie in ``body``: each found after the one before (a run that a
    line break hyphenated is found without its hyphen), and runs apart only by white space
    or a line break's join made one."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for run in italics:
        r = run.strip()
        if not r:
            continue
        i = body.find(r, pos)
        if i < 0 and r.endswith("-"):
            r = r[:-1]
            i = body.find(r, pos)
        if i < 0:
            continue
        if spans and not body[spans[-1][1]:i].strip():
            spans[-1] = (spans[-1][0], i + len(r))
        else:
            spans.append((i, i + len(r)))
        pos = i + len(r)
    return spans


#: italic words that are no title: signals and the Latin (and German) of cross-references
_ITALIC_NOT_TITLE = re.compile(
    rf"(?:{_SIGNAL}|ibid|ibidem|id|idem|supra|infra|et\s+al|passim|sic|op\.\s?cit|loc\.\s?cit"
    r"|ders|dies|ebd|a\.\s?a\.\s?O|i\.\s?e|viz|v|vs)\.?[,.:;]?", re.I)


def _parse_italic(raw: str, text: str, t: str, spans: list[tuple[int, int]], url: str | None,
                  accessed: str | None) -> Citation | None:
    """A reference whose title the fonts set in italics (a book's, a report's, a case's in
    the notes of Chicago, OSCOLA, MLA, the Bluebook): the first italic run after a head that
    ends in a comma, colon or full stop is the title, the head its author when the head
    reads as names (commas allowed: ``Faculty of Law, University of Oxford, *OSCOLA* …``,
    ``Department for Environment, Food and Rural Affairs, *Our Countryside* …``), and the
    date the first one that is a field of its own after it. A run that opens the note is
    left to the grammars (an italic case name, or the author German notes set in italics),
    and so is a note whose head quotes a title."""
    for a, b in spans:
        title = text[a:b].strip(" ,.:;")
        if not re.search(r"[^\W\d_]{2}", title) or _ITALIC_NOT_TITLE.fullmatch(text[a:b].strip()):
            continue
        head = t[:a].rstrip()
        if not head or head[-1] not in ",:." or re.search(r"[“”\"‘’'《》]", head):
            return None
        author = text[:len(head) - 1].strip()
        # a name the author did not print, supplied in brackets (``[Robert Chambers]``,
        # ``[Gerolf Steiner?]``), is the author as the reference prints it
        bare = re.sub(r"^\[([^\[\]]+?)\??\]$", r"\1", author)
        if not author or not _name_shaped(bare) or re.search(rf"[()\[\]]|\b{_YEAR}\b", bare):
            return None  # no names, or names and a date (``Smith, J. 2001. *Title*``)
        if title.count("“") > title.count("”") and re.match(r"[\s,.]*”", text[b:]):
            title += "”"  # a title that ends in a quoted title (``The “Anniversaries”``): the
            # closing quote, set upright, is the title's
        return _cit(raw, "humanities", author, title, _field_date(t[b:]), url, accessed)
    return None


def _split(text: str) -> list[str]:
    """Split at ``；`` or ``; `` outside brackets, quotes and 《》."""
    parts, depth, start = [], 0, 0
    t = _fold(text)
    for i, ch in enumerate(t):
        if ch in "<《([‘“":
            depth += 1
        elif ch in ">》)]’”" and depth:
            depth -= 1
        elif ch == ";" and depth == 0 and (text[i] == "；" or i + 1 == len(t) or t[i + 1].isspace()):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


#: a work cited through another (Chicago's ``X, cited in Y``): two references
_CITED_IN = re.compile(r",?\s+(?:cited|quoted|reprinted)\s+in\s+(?=\S)")


#: A document writes its notes author-date when at least this share of its notes (and
#: :data:`AUTHOR_DATE_MIN` of them) are a name and a year with a pinpoint, a second name, a
#: year's letter or ``n.d.`` — shapes no prose note takes.
AUTHOR_DATE_SHARE: float = 1 / 3
AUTHOR_DATE_MIN: int = 3


def author_date_notes(texts: Sequence[str]) -> bool:
    """Does the document write its notes as author-date references (APA's and Chicago's
    author-date notes: ``Morey 2019: 12``, ``Segaert & Bauer 2015``)? In such a document a
    note that is one name and a year (``Morey 2019``) is a reference too, where elsewhere it
    may be a product and its version (``Windows 2000``)."""
    seen = sure = 0
    for text in texts:
        t = _fold(text.strip())
        if not t:
            continue
        seen += 1
        m = _AUTHOR_YEAR_CITE.match(t)
        if m and (m.group("loc") or not (m.group("y") or "").isdigit()
                  or re.search(r"\s(?:and|&|et)\s|,", m.group("author"))):
            sure += 1
    return sure >= max(AUTHOR_DATE_MIN, AUTHOR_DATE_SHARE * seen)


def parse_citations(text: str, italics: Sequence[str] = (),
                    order: str | None = None, author_date: bool = False) -> list[Citation]:
    """Every reference in a note. A note is split at ``；``/``; `` only when each part
    parses as a citation of its own (an author, a title or a URL); otherwise the whole
    note is one citation. ``X, cited in Y`` is two references when Y has an author or a
    title. Each part's ``raw`` is that part's text. An empty note gives an empty list; any
    other note gives at least one citation (perhaps ``other`` with nothing but ``raw``).
    ``italics``: the note's italic runs (:func:`parse_citation`); ``order``: how the
    document writes slashed numeric dates (:func:`date_order`); ``author_date``: whether
    the document writes its notes author-date (:func:`author_date_notes`)."""
    if not text.strip():
        return []
    token = _NUMERIC_ORDER.set(order)
    token2 = _AUTHOR_DATE_DOC.set(author_date)
    try:
        return _parse_citations(text, italics)
    finally:
        _AUTHOR_DATE_DOC.reset(token2)
        _NUMERIC_ORDER.reset(token)


#: an author-date citation compressed over several works of one author (biblatex's
#: ``authoryear-comp`` styles, Chicago author-date): ``Aristotle 1877, 1929, 1968.``,
#: ``Knuth 1986a,b,c.``, ``Knuth 1986a, 1990``: one citation per work, the name for all
_COMPRESSED = re.compile(
    rf"^(?P<author>{_AUTHORS})\s+(?P<first>{_YEAR}[a-z]?)(?P<more>(?:\s*,\s*(?:{_YEAR}[a-z]?|[a-z]\b))+)"
    r"\.?\s*$")


def _compressed(text: str) -> list[Citation] | None:
    m = _COMPRESSED.match(_fold(text.strip()))
    if not m:
        return None
    author = text.strip()[m.start("author"):m.end("author")]
    year = m.group("first")[:4]
    cits = [_cit(text.strip()[:m.end("first")], "humanities", author, None, year)]
    for w in re.split(r"\s*,\s*", m.group("more").strip(" ,")):
        year = w[:4] if w[:1].isdigit() else year
        cits.append(_cit(w, "humanities", author, None, year))
    return cits


def _parse_citations(text: str, italics: Sequence[str]) -> list[Citation]:
    compressed = _compressed(text)
    if compressed:
        return compressed
    parts = _split(text)
    if len(parts) > 1:
        cits = [parse_citation(p, italics) for p in parts]
        if all(c.author or c.title or c.url for c in cits):
            return [x for p in parts for x in _with_source(p, italics)]
    return _with_source(text, italics)


def _with_source(text: str, italics: Sequence[str]) -> list[Citation]:
    """The reference of ``text``, and the one it was cited in, if any (:data:`_CITED_IN`)."""
    m = _CITED_IN.search(text)
    if m and m.start() > 0:
        source = parse_citation(text[m.end():], italics)
        if source.author or source.title:
            return [parse_citation(text[:m.start()], italics), source]
    return [parse_citation(text, italics)]
