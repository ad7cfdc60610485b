"""What the aligner reads: sentences checked, in the form it matches them, and their language.

* `matching_form`: the text the embedder sees — NFKC (Kangxi radicals, full-width Latin
  and compatibility ideographs folded to their usual characters, as some PDF producers
  write them) and, for Chinese, Traditional characters converted to Simplified with
  OpenCC (`t2s`), so a Traditional source matches a Simplified or English one on the same
  terms.  The conversion is for matching only: output keeps the text as printed.
* `detect_language`: the language of a side, by py3langid (a kept language identifier
  with its own bundled model) over a sample of its sentences.
* `check_sentences`: refuses text a human would not call text (control characters) and
  splits or refuses over-long sentences, naming the file and line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "matching_form",
    "matching_forms",
    "detect_language",
    "check_sentences",
    "check_languages",
    "split_long_text",
    "check_document_languages",
    "document_texts",
    "TextProblem",
    "MAX_SENTENCE_CHARS",
    "LANGUAGE_SAMPLE",
]

MAX_SENTENCE_CHARS = 5_000
"""Default longest sentence (characters).  The longest sentence in the Bible dev set is 461
characters, in the three real pairs 556 (a legal footnote); a line 10x longer than any of
those is not a sentence but a paragraph or a file without line breaks, and embedding it
costs memory quadratic in its length with attention models."""

LANGUAGE_SAMPLE = 200
"""Sentences read to detect a side's language: enough for a stable majority, cheap."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SOFT_BREAK = re.compile(r"(?<=[。！？；.!?;])\s*")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json")


def is_han(ch: str) -> bool:
    """Is ``ch`` a Chinese character (CJK unified ideographs and extension A)?"""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _has_han(text: str) -> bool:
    return any(map(is_han, text))


_OPENERS, _CLOSERS = "(（[［【", ")）]］】"

TRANSLATOR_NOTE = re.compile(
    r"[(（\[［【]\s*(?:译者注|译注|译者按|译按|translator['’]s\s+note)\s*[:：]?", re.IGNORECASE)
"""The opening of a translator's note in brackets: （译者注：…）, （译注：…）, （译者按：…），
[Translator's note: …]."""


def without_translator_notes(text: str) -> str:
    """The text without its bracketed translator's notes.  A translator's note is the one
    part of a translation that has no counterpart in the source: matched with it, a
    sentence that carries a long note resembles its source less than its neighbours do.
    Brackets inside the note nest; a note left open runs to the end of the text."""
    out, pos = [], 0
    for m in TRANSLATOR_NOTE.finditer(text):
        if m.start() < pos:
            continue  # inside a note already removed
        depth, end = 0, len(text)
        for k in range(m.start(), len(text)):
            if text[k] in _OPENERS:
                depth += 1
            elif text[k] in _CLOSERS:
                depth -= 1
                if depth == 0:
                    end = k + 1
                    break
        out.append(text[pos:m.start()])
        pos = end
    out.append(text[pos:])
    kept = "".join(out)
    return kept if kept.strip() else text


CAPITALS_MIN_LETTERS = 2
"""Cased letters a text needs before `capitals_folded` reads it as set in capitals: one
capital alone ("A", "I") is a word, not a typographic choice."""


def capitals_folded(text: str) -> str:
    """A text with no Han character whose cased letters are all capitals, in sentence case
    ("EXIT STATUS" -> "Exit status"); any other text as it is.

    Capitals are typography — man-page and manual section headings, sidebar labels, the
    warranty clauses of licences — and say the same words as lower case; but a sentence
    encoder learnt its words from ordinary text, and reads a word in capitals as a rarer
    token.  mUSE's cosine of 22 Chinese headings and clauses with their English in
    capitals, as printed and folded (realpairs9-11 documents: 启动/ACTIVATION,
    错误/BUGS, 视角/PERSPECTIVE, mulan's "IN THE CASE OF DIVERGENCE…"): mean 0.496 as
    printed, 0.716 in sentence case, 0.697 in title case, 0.725 in lower case; the heading
    a reader would match rose from 0.21 to 0.56 (BUGS), 0.20 to 0.50 (PORTING EXISTING
    DAEMONS).  A text with Han characters keeps its capitals: there a Latin run is a name
    or code copied verbatim ("与 SYSTEMD 整合"), which `refine._Copies` reads as printed."""
    if _has_han(text):
        return text
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    if len(cased) < CAPITALS_MIN_LETTERS or any(ch.islower() for ch in cased):
        return text
    return text.capitalize()


def matching_form(text: str, lang: str | None = None) -> str:
    """NFKC, Traditional Chinese as Simplified (for text with Han characters unless the
    language is given as something other than Chinese), a text set in capitals in sentence
    case, translator's notes left out."""
    t = unicodedata.normalize("NFKC", text)
    if (lang in (None, "zh") or lang.startswith("zh")) and _has_han(t):
        t = _t2s().convert(t)
    return without_translator_notes(capitals_folded(t))


def matching_forms(texts: Sequence[str], lang: str | None = None) -> list[str]:
    return [matching_form(t, lang) for t in texts]


def _script_language(text: str) -> str | None:
    """zh for text mostly in Han characters; py3langid confuses short Chinese with Japanese
    written in kanji only, which a Chinese-English aligner never meets as a real input."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    kana = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff")
    letters = sum(1 for ch in text if ch.isalpha())
    if letters and han / letters > 0.5 and kana == 0:
        return "zh"
    return None


def detect_language(texts: Sequence[str]) -> tuple[str | None, float]:
    """(language, share of the sampled sentences in it), or (None, 0) for no text.

    Sentences are sampled evenly across the side; each votes with py3langid's answer
    (Han-script text counts as Chinese, see `_script_language`).
    """
    usable = [t for t in texts if sum(ch.isalpha() for ch in t) >= 3]
    if not usable:
        return None, 0.0
    step = max(1, len(usable) // LANGUAGE_SAMPLE)
    sample = usable[::step][:LANGUAGE_SAMPLE]
    votes: Counter[str] = Counter()
    import py3langid

    for t in sample:
        t = unicodedata.normalize("NFKC", t)
        votes[_script_language(t) or py3langid.classify(t)[0]] += 1
    lang, count = votes.most_common(1)[0]
    return lang, count / len(sample)


@dataclass(frozen=True)
class TextProblem:
    """A line the aligner refuses: `line` is 1-based."""

    line: int
    problem: str


def text_lines(text: str) -> list[str]:
    """The lines of a sentence-per-line file as an editor and ``wc -l`` number them.

    ``text`` was read in text mode, so ``\r\n`` and a lone ``\r`` are ``\n`` already;
    it is split there only. ``str.splitlines`` also breaks at form feeds, vertical tabs,
    the separators ``\x1c``–``\x1e``, ``\x85`` and ``\u2028``/``\u2029``: that made
    a line holding one of them count as two, so every later bead named the wrong line,
    and hid the control characters from :func:`check_sentences`. A final line end does
    not start another line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_blank(line: str) -> bool:
    """Nothing but spaces — not a line of control characters, which is "not text"."""
    return not line.strip() and not _CONTROL.search(line)


def check_sentences(lines: Sequence[str], *, max_chars: int = MAX_SENTENCE_CHARS,
                    split_long: bool = True) -> tuple[list[str], list[int], list[TextProblem]]:
    """(sentences, origin line of each, problems) for one sentence-per-line side.

    A line with control characters is a problem ("not text").  A line longer than
    `max_chars` is split at sentence ends (then at `max_chars`) when `split_long`, else a
    problem.  The origin lines let a caller report beads by line.
    """
    out: list[str] = []
    origin: list[int] = []
    problems: list[TextProblem] = []
    for n, line in enumerate(lines, 1):
        if _CONTROL.search(line):
            problems.append(TextProblem(n, "not text (control characters)"))
            continue
        if len(line) <= max_chars:
            out.append(line)
            origin.append(n)
            continue
        if not split_long:
            problems.append(TextProblem(n, f"line of {len(line)} characters is longer than the "
                                           f"limit of {max_chars} (--max-chars)"))
            continue
        for piece in split_long_text(line, max_chars):
            out.append(piece)
            origin.append(n)
    return out, origin, problems


def split_long_text(text: str, max_chars: int) -> list[str]:
    """Pieces of at most `max_chars`: cut after sentence punctuation where it can, hard
    cuts where a stretch has none."""
    pieces: list[str] = []
    cur = ""
    for part in _SOFT_BREAK.split(text):
        while len(part) > max_chars:
            if cur:
                pieces.append(cur)
                cur = ""
            pieces.append(part[:max_chars])
            part = part[max_chars:]
        if len(cur) + len(part) + 1 > max_chars and cur:
            pieces.append(cur)
            cur = ""
        cur = f"{cur} {part}".strip() if cur and not _has_han(part[:1]) else cur + part
    if cur.strip():
        pieces.append(cur)
    return [p for p in (x.strip() for x in pieces) if p]


def check_languages(src: Sequence[str], tgt: Sequence[str], *, src_expect: str | None = None,
                    tgt_expect: str | None = None,
                    same_language: bool = False) -> tuple[list[str], list[str], tuple[str | None, str | None]]:
    """(warnings, refusals, detected languages) for a source and a target side.

    Refused: a side with no text in any language; two sides in the same language unless
    `same_language` (comparing two versions is a different task from translation, and
    two English files given by mistake would otherwise align without a word).
    Warned: a side whose language is not the one expected.
    """
    warnings: list[str] = []
    refusals: list[str] = []
    (sl, s_share), (tl, t_share) = detect_language(src), detect_language(tgt)
    for name, lang, expect in (("source", sl, src_expect), ("target", tl, tgt_expect)):
        if lang is None:
            refusals.append(f"the {name} side has no text in any language")
        elif expect and lang != expect.split("-")[0]:
            warnings.append(f"the {name} side looks like {lang!r}, not {expect!r}")
    if sl is not None and tl is not None:
        if sl == tl and not same_language:
            refusals.append(f"both sides look like {sl!r}; to compare two versions in one "
                            "language, pass --same-language")
        elif sl != tl and same_language:
            warnings.append(f"--same-language was given, but the sides look like {sl!r} and {tl!r}")
    return warnings, refusals, (sl, tl)


def document_texts(doc, select: str | None = None) -> list[str]:
    """The sentences of a document (or of one section's subtree) that alignment reads."""
    from .structure import view

    v = view(doc, select)
    return [s.text for blk in v.blocks for p in blk.paragraphs for s in v.paragraph_sentences(p)]


def check_document_languages(src, tgt, src_select: str | None = None, tgt_select: str | None = None,
                             *, same_language: bool = False) -> list[str]:
    """The refusals of `check_languages` for two documents (warnings are for a terminal)."""
    _, refusals, _ = check_languages(document_texts(src, src_select), document_texts(tgt, tgt_select),
                                     same_language=same_language)
    return refusals
