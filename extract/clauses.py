"""Numbered clauses: paragraphs that open with a number the document counts them by.

Regulations number their articles (第一条, Article 1), standards and policies their
clauses (1.4.1, 2.3), consensus texts their items (01 … 10). A clause is body text — a
number that heads a line of its own is a heading (:mod:`.roles`) — and its number
continues a sequence: one number alone at a paragraph's start ("2.5 million people …",
"23 年 9 月") is a figure, not a clause. So candidates are collected over the whole
document first, and a scheme counts only where two of its numbers follow each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pariter.ids import chinese_numeral

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 第一条 / 第 12 条 (Chinese articles), followed by their text
    ("article-zh", re.compile(r"^(第\s*[一二三四五六七八九十百零〇两\d]+\s*条)\s*(?=\S)")),
    # Article 3 / Art. 3 run into its text
    ("article-en", re.compile(r"^((?:Article|Art\.)\s+\d{1,3})[.:]?\s+(?=[A-Z(“\"])")),
    # 1.4.1 / 2.3 — dotted clause numbers before text that starts a sentence
    ("dotted", re.compile(r"^(\d{1,2}(?:\.\d{1,3}){1,3})\.?\s+(?=[A-Z\u4e00-\u9fff“\"(（])")),
    # 01 … 99 — two-digit items (the WIC consensus)
    ("two-digit", re.compile(r"^(0[1-9]|[1-9]\d)(?:\s+|(?=[\u4e00-\u9fff]))(?=\S)")),
)


@dataclass(frozen=True, slots=True)
class ClauseNumber:
    number: str  # as printed
    end: int  # where the clause's own text starts
    scheme: str
    parts: tuple[int, ...]


def clause_number(text: str) -> ClauseNumber | None:
    """The clause number a paragraph opens with, if it looks like one."""
    for scheme, rx in _PATTERNS:
        m = rx.match(text)
        if m is None:
            continue
        parts = _parts(scheme, m.group(1))
        if parts:
            return ClauseNumber(m.group(1).strip(), m.end(), scheme, parts)
    return None


def _parts(scheme: str, number: str) -> tuple[int, ...]:
    if scheme == "article-zh":
        core = re.sub(r"[第条\s]", "", number)
        v = int(core) if core.isdigit() else chinese_numeral(core)
        return (v,) if v else ()
    digits = re.findall(r"\d+", number)
    return tuple(int(d) for d in digits)


def follows(prev: tuple[int, ...] | None, cur: tuple[int, ...]) -> bool:
    """Does ``cur`` come right after ``prev`` in its scheme (2 after 1; 1.4.2 after
    1.4.1; 2.1 after 1.5, a new parent)? ``prev`` None: the scheme's start."""
    if prev is None:
        return True
    if len(prev) == len(cur) and prev[:-1] == cur[:-1] and cur[-1] == prev[-1] + 1:
        return True
    # a restart under the next parent: 2.1 after 1.x
    return (len(prev) == len(cur) >= 2 and cur[-1] == 1 and cur[:-2] == prev[:-2]
            and cur[-2] == prev[-2] + 1)


def sequenced(numbers: list[ClauseNumber | None]) -> set[int]:
    """Indexes of the numbers that belong to a counted scheme: a number is kept when an
    earlier number of its scheme comes right before it in the count, or a later one
    right after it (a bilingual text interleaves two counts: 01 01 02 02 …)."""
    out: set[int] = set()
    by_scheme: dict[str, list[int]] = {}
    for i, n in enumerate(numbers):
        if n is not None:
            by_scheme.setdefault(n.scheme, []).append(i)
    for idx in by_scheme.values():
        for k, a in enumerate(idx):
            pa = numbers[a]
            assert pa is not None
            for b in idx[k + 1:]:
                pb = numbers[b]
                assert pb is not None
                if len(pa.parts) == len(pb.parts) and pa.parts != pb.parts \
                        and follows(pa.parts, pb.parts):
                    out.update((a, b))
    return out
