"""Wording diffs between two versions of a text in the same language.

Chinese is compared character by character (a run of Latin letters or digits counts as
one token, so "protect" is one change, not seven), English word by word.  Tokens are
compared in a normalised form — NFKC (full-width ``，`` = ``,``), whitespace ignored — so
that what PDF extraction varies at random (spaces inside Chinese, punctuation width)
is not reported as a change in wording; the ops carry the *original* text.

The raw difflib opcodes are then merged into readable chunks: an ``equal`` run shorter
than ``min_equal`` tokens between two changes is folded into one ``replace``, so
"发展负责任的" vs "发展责任的" reads ``equal 发展 · delete 负 · equal 责任的`` while a
scatter of one-character changes reads as one replaced phrase.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from pariter.model import DiffOp

__all__ = ["tokenize", "wording_diff", "differs", "render"]

_ZH_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*|\s+|.", re.S)
_EN_TOKEN = re.compile(r"\w+(?:['’-]\w+)*|\s+|[^\w\s]", re.S)


def tokenize(text: str, lang: str) -> list[tuple[str, str]]:
    """``(key, surface)`` tokens; whitespace is attached to the token before it.

    ``key`` is what the diff compares (NFKC, lower-cased for English), ``surface`` is the
    original text including the whitespace that followed it.
    """
    pattern = _ZH_TOKEN if lang == "zh" else _EN_TOKEN
    out: list[tuple[str, str]] = []
    lead = ""
    for m in pattern.finditer(text):
        tok = m.group(0)
        if tok.isspace():
            if out:
                out[-1] = (out[-1][0], out[-1][1] + tok)
            else:
                lead += tok
            continue
        key = unicodedata.normalize("NFKC", tok)
        if lang != "zh":
            key = key.lower()
        out.append((key, lead + tok))
        lead = ""
    return out


def wording_diff(src: str, tgt: str, lang: str, *, min_equal: int | None = None) -> list[DiffOp]:
    """DiffOps turning ``src`` into ``tgt``: ``delete`` text only in src, ``insert`` text
    only in tgt, ``replace`` both, ``equal`` shared.  Concatenating the ``src`` fields gives
    back ``src`` (and likewise for ``tgt``), surrounding whitespace aside.

    ``min_equal`` (default 2 tokens for Chinese, 1 word for English) is the shortest equal
    run kept between two changes; shorter ones are merged into the change.
    """
    if min_equal is None:
        min_equal = 2 if lang == "zh" else 1
    a, b = tokenize(src, lang), tokenize(tgt, lang)
    sm = difflib.SequenceMatcher(None, [k for k, _ in a], [k for k, _ in b], autojunk=False)
    raw: list[list] = []  # [op, i1, i2, j1, j2]
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        raw.append([op, i1, i2, j1, j2])
    # fold short equal runs that sit between two changes into a replace
    merged: list[list] = []
    for k, item in enumerate(raw):
        op, i1, i2, j1, j2 = item
        between = 0 < k < len(raw) - 1
        if op == "equal" and between and (i2 - i1) < min_equal:
            op = "replace"
        if merged and op != "equal" and merged[-1][0] != "equal":
            prev = merged[-1]
            prev[2], prev[4] = i2, j2
            prev[0] = "replace"
        else:
            merged.append([op, i1, i2, j1, j2])
    ops: list[DiffOp] = []
    for op, i1, i2, j1, j2 in merged:
        s = "".join(t for _, t in a[i1:i2])
        t = "".join(t for _, t in b[j1:j2])
        if op == "replace":
            op = "delete" if not t.strip() else "insert" if not s.strip() else "replace"
        ops.append(DiffOp(op, s, t))
    return ops


def differs(ops: list[DiffOp] | None) -> bool:
    return ops is not None and any(op.op != "equal" for op in ops)


def render(ops: list[DiffOp]) -> str:
    """A one-line human view: ``发展[-负-]责任的``, ``{+new+}``, ``[-old-]{+new+}``."""
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(op.src)
        elif op.op == "delete":
            out.append(f"[-{op.src}-]")
        elif op.op == "insert":
            out.append(f"{{+{op.tgt}+}}")
        else:
            out.append(f"[-{op.src}-]{{+{op.tgt}+}}")
    return "".join(out)
