"""Heading numbers as printed, and what a heading line looks like.

Numbering is read in every usual system (一、 （一） 1. 1.1 2.3.1 I. 01 第一章 第 1 章
附录A, and report openers ``02 /``); its depth gives the level when it is dotted, the
type size rank otherwise.
"""

from __future__ import annotations

import re

_NUM = re.compile(
    r"^(?P<num>"
    r"第\s*[0-9一二三四五六七八九十百零〇]+\s*[章节篇部分条]+"
    r"|(?:附录|附件)\s*[A-Z0-9一二三四五六七八九十]?"
    r"|(?:Appendix|Annex|Chapter|Part|Section)\s+[A-Z0-9IVX]+[.:]?"
    r"|[一二三四五六七八九十百]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十百]+\s*[）)]"
    r"|[（(]\s*\d{1,2}\s*[）)]"
    r"|[A-Z]\.\d{1,2}(?:\.\d{1,2})*"
    r"|\d{1,2}(?:\.\d{1,2}){1,4}\.?"
    r"|\d{1,2}\s*/"
    r"|\d{1,2}[.．、]"
    r"|0\d|\d{1,2}(?=\s)"
    r"|[IVX]{1,6}[.．]"
    r"|[\u2460-\u2473]"
    r")\s*(?P<rest>.*)$")


def split_number(text: str) -> tuple[str | None, str]:
    """(number as printed, title) of a heading line; number None when there is none."""
    t = text.strip()
    m = _NUM.match(t)
    if not m:
        return None, t
    num, rest = m.group("num").strip(), m.group("rest").strip()
    if rest[:1] in ":：" and not num[-1:].isdigit():
        return None, t  # 附件：标题 — the word is part of the title
    if num.endswith("/"):
        num = num[:-1].strip()
    if re.fullmatch(r"\d{1,2}", num) and rest and not re.match(r"[A-Za-z\u4e00-\u9fff]", rest):
        return None, t
    return num, rest


def dotted_depth(number: str | None) -> int:
    if not number:
        return 0
    n = number.rstrip(".")
    if re.fullmatch(r"(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+", n):
        return n.count(".") + 1
    return 0


def number_kind(number: str | None) -> str:
    """A coarse family used to keep levels consistent: 'chapter', 'cn', 'paren', …"""
    if not number:
        return "none"
    if number.startswith("第") or number.startswith(("附录", "附件", "Appendix", "Annex", "Chapter")):
        return "chapter"
    if re.match(r"[一二三四五六七八九十百]", number):
        return "cn"
    if re.match(r"[（(]\s*[一二三四五六七八九十百]", number):
        return "cnparen"
    if re.match(r"[（(]", number):
        return "paren"
    if dotted_depth(number) >= 2:
        return f"dot{dotted_depth(number)}"
    if re.fullmatch(r"[IVX]+[.．]", number):
        return "roman"
    return "arabic"


_TOC_LINE = re.compile(r"(\.{3,}|…{2,}|·{3,}|\s{2,}|\s)\s*\d{1,4}$")


def looks_like_toc(text: str) -> bool:
    return bool(_TOC_LINE.search(text.strip())) and len(text.strip()) > 3
