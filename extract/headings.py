"""Heading numbers as printed, and what a heading line looks like.

Numbering is read in every usual system (一、 （一） 1. 1.1 2.3.1 I. a) 01 第一章 第 1 章
附录A, report openers ``02 /``, numbers closed by a parenthesis, ``2)`` ``1.1.2)``, as
word processors' outline numbering offers them, an author's own letters in parentheses,
``(a)`` ``(B)``, and the roman numerals Unicode gives a
character each, ``Ⅱ.`` ``ⅰ.``, which CSS ``upper-roman``/``lower-roman`` lists and CJK
typesetting print); its depth gives the level when it is dotted, the
type size rank otherwise.
"""

from __future__ import annotations

import re

from .lines import SIZE_TOLERANCE

_NUM = re.compile(
    r"^(?P<num>"
    r"第\s*[0-9一二三四五六七八九十百零〇]+\s*[章节篇部分条]+"
    r"|(?:附录|附件)\s*[A-Z0-9一二三四五六七八九十]?"
    r"|(?:Appendix|Annex|Chapter|Part|Section|Article|Art\.|Clause|Rule|Schedule|Title|Book"
    r"|APPENDIX|ANNEX|CHAPTER|PART|SECTION|ARTICLE|ART\.|CLAUSE|RULE|SCHEDULE|TITLE|BOOK)"
    r"\s+(?:[IVXLC]{1,6}|[0-9]{1,3}|[A-Z])(?![A-Za-z])(?:\.[0-9]{1,3})*[.:]?"
    r"|[一二三四五六七八九十百]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十百]+\s*[）)]"
    r"|[（(]\s*\d{1,2}\s*[）)]"
    r"|[（(][A-Za-z][）)](?=\s)"
    r"|\d{1,2}(?:\.\d{1,2}){0,4}\)(?=\s)"
    r"|[A-Z]\.\d{1,3}(?:\.\d{1,3})*(?!\d)"
    r"|\d{1,2}(?:\.\d{1,3}){1,4}\.?(?!\d)"
    r"|\d{1,2}\s*/"
    r"|\d{1,2}[.．、]"
    r"|\d{1,2}[,，](?=[^\d\s,，])"
    r"|0\d|\d{1,2}(?=\s)"
    r"|[IVX]{1,6}[.．]"
    r"|[\u2160-\u217f]{1,4}(?:[.．、]|(?=\s))"
    r"|[A-Z][.．](?=\s+[A-Z0-9\u4e00-\u9fff])"
    r"|[a-z]\)(?=\s)"
    r"|[\u2460-\u2473]"
    r")\s*(?P<rest>.*)$")


def split_number(text: str) -> tuple[str | None, str]:
    """(number as printed, title) of a heading line; number None when there is none."""
    t = text.strip()
    m = _NUM.match(t)
    if not m:
        return None, t
    num, rest = m.group("num").strip(), m.group("rest").strip()
    if rest and rest[0] in ":：" and not num[-1:].isdigit():
        return None, t  # 附件：标题 — the word is part of the title
    if num.endswith("/"):
        num = num[:-1].strip()
    if re.fullmatch(r"\d{1,2}", num) and rest and not re.match(r"[A-Za-z\u4e00-\u9fff]", rest):
        return None, t
    if re.match(r"0\.\d", num):
        return None, t  # 0.02: a decimal, no section is numbered 0.x
    return num, rest


#: The words that name a numbered division, as capitals print them (a heading style set in
#: capitals or small capitals — Word's "All caps", CSS text-transform — prints ARTICLE 1).
_CAPS_WORD = re.compile(r"^(APPENDIX|ANNEX|CHAPTER|PART|SECTION|ARTICLE|ART\.|CLAUSE|RULE|SCHEDULE|TITLE|BOOK)"
                        r"(?=\s)")


def _word_case(number: str) -> str:
    """``number`` with its division word as the rules below spell it (ARTICLE 1 → Article 1):
    the case of the word is the heading style's, not part of the numbering."""
    return _CAPS_WORD.sub(lambda m: m.group(1).capitalize(), number)


def dotted_depth(number: str | None) -> int:
    if not number:
        return 0
    number = _word_case(number)
    n = re.sub(r"^(?:Section|Article|Art\.|Clause|Rule)\s+", "", number).rstrip(".:)")
    if re.fullmatch(r"(?:[A-Z]|\d{1,2})(?:\.\d{1,3})+", n):
        return n.count(".") + 1
    return 0


def number_kind(number: str | None) -> str:
    """A coarse family used to keep levels consistent: 'chapter', 'cn', 'paren', …"""
    if not number:
        return "none"
    number = _word_case(number)
    if number.startswith("第"):
        return "article" if number.rstrip().endswith("条") else "chapter"
    if number.startswith(("附录", "附件", "Appendix", "Annex", "Chapter", "Part", "Book", "Title",
                          "Schedule")):
        return "chapter"
    m = re.match(r"(Section|Article|Art\.|Clause|Rule)\s+(.*)$", number)
    if m:
        rest = m.group(2).rstrip(".:")
        if dotted_depth(rest) >= 2:
            return f"dot{dotted_depth(rest)}"
        return "section" if m.group(1) == "Section" else "article"
    if re.match(r"[一二三四五六七八九十百]", number):
        return "cn"
    if re.match(r"[（(]\s*[一二三四五六七八九十百]", number):
        return "cnparen"
    if re.match(r"[（(]", number):
        return "paren"
    if dotted_depth(number) >= 2:
        return f"dot{dotted_depth(number)}"
    if re.fullmatch(r"[IVX]+[.．]", number) or re.fullmatch(r"[\u2160-\u216f]+[.．、]?", number):
        return "roman"
    if re.fullmatch(r"[\u2170-\u217f]+[.．、]?", number):
        return "small roman"  # ⅰ. ⅱ.: the items under a. b. in the usual nesting
    if re.fullmatch(r"[A-Z][.．]", number):
        return "alpha"
    if re.fullmatch(r"[a-z]\)", number):
        return "letter"
    if re.fullmatch(r"[\u2460-\u2473]", number):
        return "circled"
    return "arabic"


#: Usual nesting of numbering schemes, outermost first (一、 > （一） > 1. > (1) > ①).
RANK = {"chapter": 0, "opener": 0, "roman": 1, "section": 1, "alpha": 2, "cn": 2, "cnparen": 3,
         "article": 3, "arabic": 4,
         "paren": 5, "letter": 5, "small roman": 5, "circled": 6}
#: The rank of a scheme the table does not know: below every one it does.
UNRANKED = 9
#: The deepest level a heading takes (HTML's h1–h6, TEI's usual nesting).
MAX_LEVEL = 6
#: A table-of-contents line holds more than this many characters besides its page number.
TOC_MIN_CHARS = 3


def assign_levels(heads: list[tuple[str | None, bool, float]]) -> list[int]:
    """Levels of a document's headings, given in order as (number, is_opener, size).

    Chapters and report openers are level 1 and dotted numbers give their depth. Any other
    numbering scheme takes its level where it is first seen: one level below the nearest
    open heading that outranks it, by the usual nesting of schemes (一、 > （一） > 1. >
    (1)) or by clearly larger type; at the top otherwise. Unnumbered headings take the
    level of the numbered ones their type size matches (larger: 1, smaller: one below
    the deepest). Without any numbering, type size ranks alone decide.
    """
    n = len(heads)
    kinds = ["opener" if op and num else number_kind(num) for num, op, _ in heads]
    sizes = [round(sz * 2) / 2 for _, _, sz in heads]
    if all(k == "none" for k in kinds):
        return size_rank_levels(sizes)
    levels = [0] * n
    kind_level: dict[str, int] = {}
    stack: list[tuple[int, str, float]] = []
    for i, (num, _, _) in enumerate(heads):
        k = kinds[i]
        if k == "none":
            continue
        depth = dotted_depth(num)
        if depth >= 2:
            lvl = depth
        elif k in ("chapter", "opener"):
            lvl = 1
        elif k in kind_level:
            lvl = kind_level[k]
        else:
            lvl = 1
            for pl, pk, ps in reversed(stack):
                if RANK.get(pk, UNRANKED) < RANK.get(k, UNRANKED) or ps > sizes[i] + SIZE_TOLERANCE:
                    lvl = pl + 1
                    break
            kind_level[k] = lvl
        while stack and stack[-1][0] >= lvl:
            stack.pop()
        stack.append((lvl, k, sizes[i]))
        levels[i] = min(lvl, MAX_LEVEL)
    by_level: dict[int, list[float]] = {}
    for i, k in enumerate(kinds):
        if k != "none":
            by_level.setdefault(levels[i], []).append(sizes[i])
    typical = {lv: sorted(v)[len(v) // 2] for lv, v in by_level.items()}
    for i, k in enumerate(kinds):
        if k != "none":
            continue
        lvl = max(typical) + 1
        for lv in sorted(typical):
            if sizes[i] >= typical[lv] - SIZE_TOLERANCE:
                lvl = lv
                break
        levels[i] = min(lvl, MAX_LEVEL)
    return levels


def size_rank_levels(sizes: list[float]) -> list[int]:
    """Levels by type size alone: each clearly smaller size is one level deeper."""
    ranks: list[float] = []
    for s in sorted(set(sizes), reverse=True):
        if not ranks or ranks[-1] - s > SIZE_TOLERANCE:
            ranks.append(s)
    return [min(1 + sum(1 for r in ranks if r - s > SIZE_TOLERANCE), MAX_LEVEL) for s in sizes]


_TOC_LINE = re.compile(r"(\.{3,}|…{2,}|·{3,}|\s{2,}|\s)\s*\d{1,4}$")


def looks_like_toc(text: str) -> bool:
    return bool(_TOC_LINE.search(text.strip())) and len(text.strip()) > TOC_MIN_CHARS
