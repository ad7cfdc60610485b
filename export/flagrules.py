"""The translator flags as data, for the review page to recompute after an edit.

When a translator merges, splits or changes a link on the review page, the page recomputes
the flags that need no model — ``omission``, ``addition``, ``number_mismatch``,
``url_mismatch``, ``untranslated``, ``length_ratio`` and ``low_confidence`` — so the row says at once what is
still wrong. Those rules live in :mod:`pariter.align.flags`. Writing them again in
JavaScript would let the two drift apart, so this module hands the page the *definitions*
that module uses: its regular expressions (translated mechanically from Python's dialect
to JavaScript's by :func:`js_regex`, which refuses any construct it does not know rather
than guess), its tables (magnitude words as powers of ten, month names, percent words,
trailing URL punctuation), its thresholds (the length band, the expected character ratio,
the minimum lengths, the low-confidence threshold) and the character classes Python
uses for ``str.isspace`` and digits. The page's script (:data:`FLAGS_JS`) only walks them
in the order :func:`pariter.align.flags.numbers` and :func:`~pariter.align.flags.urls` do.
``tests/export/test_flag_parity.py`` runs both on the same inputs in a real browser.

The page joins the texts of a merged link's units by the rule of
:mod:`pariter.align.joins` in the same way: its code point ranges are in the rules
(``join``), :data:`JOIN_JS` walks them as :func:`pariter.align.joins.separator` does, and
``tests/export/test_join_parity.py`` compares the two.

``wording_diff`` is not recomputed on the page (it needs the same-language diff of
:mod:`pariter.align.diff`); ``pariter apply-corrections`` recomputes it.
"""

from __future__ import annotations

import decimal
import functools
import re
import sys
import unicodedata
from decimal import Decimal
from typing import Any

from pariter.align import flags as F
from pariter.align import joins

# Python's \w is "alphanumeric or underscore" over all of Unicode; \p{L}\p{N}_ is the
# same set in the Unicode property terms JavaScript knows (letters and numbers).
_WORD_CLASS = r"\p{L}\p{N}_"


@functools.lru_cache(maxsize=None)
def _whitespace() -> str:
    """Every code point Python's ``str.isspace`` (and so ``\\s`` and ``strip``) accepts,
    as the body of a JavaScript character class."""
    return "".join(f"\\u{{{c:x}}}" for c in range(sys.maxunicode + 1) if chr(c).isspace())


@functools.lru_cache(maxsize=None)
def _digit_zeros() -> tuple[int, ...]:
    """The code point of each ``0`` of Unicode's decimal digit runs (Python's ``\\d``)."""
    return tuple(c for c in range(sys.maxunicode + 1)
                 if unicodedata.category(chr(c)) == "Nd" and unicodedata.decimal(chr(c)) == 0)


_SYNTAX = set("^$\\.*+?()[]{}|/")


def js_regex(pattern: str) -> str:
    """A Python ``re`` pattern in JavaScript's syntax, for a RegExp with the ``u`` flag.

    Translated: named groups ``(?P<n>…)``, the Unicode classes ``\\d \\w \\s`` and ``\\b``
    (JavaScript's own are ASCII-only), escapes JavaScript's ``u`` mode forbids (``\\"``).
    Anything else with a backslash and a letter raises ``ValueError``: a new construct in
    :mod:`pariter.align.flags` must be taught here, not silently mistranslated.
    """
    ws = _whitespace()
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if i + 1 >= len(pattern):
                raise ValueError(f"trailing backslash in {pattern!r}")
            e = pattern[i + 1]
            i += 2
            if e == "d":
                out.append(r"\p{Nd}" if in_class else r"\p{Nd}")
            elif e == "w":
                out.append(_WORD_CLASS if in_class else f"[{_WORD_CLASS}]")
            elif e == "s":
                out.append(ws if in_class else f"[{ws}]")
            elif e == "b" and not in_class:
                w = f"[{_WORD_CLASS}]"
                out.append(f"(?:(?<={w})(?!{w})|(?<!{w})(?={w}))")
            elif e.isalnum():
                raise ValueError(f"js_regex: \\{e} is not translated (in {pattern!r})")
            elif e in _SYNTAX or (in_class and e == "-"):
                out.append("\\" + e)
            else:
                out.append(e)  # an identity escape JavaScript's u mode rejects
            continue
        if c == "(" and pattern.startswith("(?P<", i):
            out.append("(?<")
            i += 4
            continue
        if c == "(" and pattern.startswith("(?P", i):
            raise ValueError(f"js_regex: named back-reference not translated (in {pattern!r})")
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            if pattern.startswith("^", i + 1):
                out.append("^")
                i += 1
            if pattern.startswith("]", i + 1):  # a literal ] first in a Python class
                out.append("\\]")
                i += 1
            i += 1
            continue
        if c == "]" and in_class:
            in_class = False
        elif in_class and c == "[":
            out.append("\\[")  # literal in Python, a nested class in JavaScript's v mode
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _flags(compiled: re.Pattern[str]) -> str:
    known = re.IGNORECASE | re.UNICODE
    if compiled.flags & ~known:
        raise ValueError(f"js_regex: flags {compiled.flags!r} not translated")
    return "gu" + ("i" if compiled.flags & re.IGNORECASE else "")


def _power_of_ten(value: Decimal) -> int:
    exp = len(str(int(value))) - 1
    if Decimal(10) ** exp != value:
        raise ValueError(f"multiplier {value} is not a power of ten")
    return exp


def page_rules(src_lang: str, tgt_lang: str) -> dict[str, Any]:
    """Everything the page's flag script needs for one language pair, as JSON data.

    Thresholds are the aligner's defaults (:class:`pariter.align.document.AlignConfig`):
    an alignment file does not record the configuration it was made with.
    """
    from pariter.align.document import AlignConfig

    cfg = AlignConfig()
    expected = (cfg.zh_en_char_ratio if (src_lang, tgt_lang) == ("zh", "en")
                else 1.0 / cfg.zh_en_char_ratio if (src_lang, tgt_lang) == ("en", "zh")
                else F.expected_ratio(src_lang, tgt_lang))
    regexes = {}
    for name, rx in (("number", F._NUMBER), ("month", F._MONTH_WORD),
                     ("ordinal", F._ORDINAL), ("url", F._URL), ("latin_word", F._LATIN_WORD)):
        regexes[name] = {"source": js_regex(rx.pattern), "flags": _flags(rx)}
    mins = cfg.length_min_chars
    return {
        "regex": regexes,
        "whitespace": _whitespace(),
        "digit_zeros": list(_digit_zeros()),
        "decimal_precision": decimal.DefaultContext.prec,
        "percent": list(F.PERCENT_SUFFIXES),
        "mult": {k: _power_of_ten(v) for k, v in {**F._MULT_ZH, **F._MULT_EN}.items()},
        "months": dict(sorted(F._MONTHS.items())),
        "url_trailing": F.URL_TRAILING,
        "untranslated_min_words": F.UNTRANSLATED_MIN_WORDS,
        "src_lang": src_lang,
        "tgt_lang": tgt_lang,
        "src_min": mins.get(src_lang, F.MIN_CHARS_OTHER),
        "tgt_min": mins.get(tgt_lang, F.MIN_CHARS_OTHER),
        "expected": expected,
        "band": cfg.length_band,
        "low_confidence": cfg.low_confidence,
        "join": joins.page_rules(),
    }


def python_flags(src_text: str, tgt_text: str, *, score: float, src_lang: str, tgt_lang: str,
                 ignore: list[str] | tuple[str, ...] = (), diff: list | None = None) -> list[str]:
    """The flags :mod:`pariter.align.flags` gives, with the settings :func:`page_rules`
    hands the page: what the page's script must reproduce (``wording_diff`` aside)."""
    rules = page_rules(src_lang, tgt_lang)
    return F.link_flags(src_text, tgt_text, score=score, src_lang=src_lang, tgt_lang=tgt_lang,
                        threshold=rules["low_confidence"], ignore_numbers=list(ignore), diff=diff,
                        band=rules["band"], expected=rules["expected"],
                        min_chars={src_lang: rules["src_min"], tgt_lang: rules["tgt_min"]})


#: The page's flag script: walks the data of :func:`page_rules`. Exposes
#: ``window.pariterFlags = {numbers, urls, charLength, linkFlags}`` for the tests.
FLAGS_JS = r"""
var pariterFlags = (function (R) {
  "use strict";
  var WS = new RegExp("[" + R.whitespace + "]", "u");
  var RX = {};
  Object.keys(R.regex).forEach(function (k) {
    RX[k] = new RegExp(R.regex[k].source, R.regex[k].flags);
  });
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function isSpace(ch) { return WS.test(ch); }
  function strip(s, chars) {
    var a = Array.from(s), i = 0, j = a.length;
    var drop = chars === undefined ? isSpace : function (c) { return chars.indexOf(c) >= 0; };
    while (i < j && drop(a[i])) { i++; }
    while (j > i && drop(a[j - 1])) { j--; }
    return a.slice(i, j).join("");
  }
  function rstrip(s, chars) {
    var a = Array.from(s), j = a.length;
    while (j > 0 && chars.indexOf(a[j - 1]) >= 0) { j--; }
    return a.slice(0, j).join("");
  }
  function charLength(text) {
    var n = 0;
    for (var ch of text) { if (!isSpace(ch)) { n++; } }
    return n;
  }
  function digitValue(ch) {
    var cp = ch.codePointAt(0), z = R.digit_zeros;
    for (var i = 0; i < z.length; i++) { if (cp >= z[i] && cp < z[i] + 10) { return cp - z[i]; } }
    return null;
  }
  // A decimal number as {digits, exp}: value = digits * 10^exp, exactly (Python's Decimal).
  function parseDecimal(raw) {
    var ip = "", fp = "", seenDot = false;
    for (var ch of raw) {
      if (ch === ".") { seenDot = true; continue; }
      var d = digitValue(ch);
      if (d === null) { return null; }
      if (seenDot) { fp += d; } else { ip += d; }
    }
    return {digits: ip + fp, exp: -fp.length};
  }
  // Decimal.normalize() under the default context (round half even to the precision),
  // then format(value, "f"): the canonical text of align/flags.py's _canonical.
  function canonical(v) {
    var d = v.digits.replace(/^0+/, ""), exp = v.exp;
    if (d === "") { return "0"; }
    var prec = R.decimal_precision;
    if (d.length > prec) {
      var keep = d.slice(0, prec), rest = d.slice(prec);
      exp += rest.length;
      var up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) ||
                                                     "13579".indexOf(keep[prec - 1]) >= 0));
      if (up) {
        var a = keep.split(""), k = a.length - 1;
        while (k >= 0 && a[k] === "9") { a[k] = "0"; k--; }
        if (k < 0) { a.unshift("1"); } else { a[k] = String(+a[k] + 1); }
        keep = a.join("");
      }
      d = keep;
    }
    var m = d.match(/0+$/);
    if (m && m[0].length < d.length) { exp += m[0].length; d = d.slice(0, d.length - m[0].length); }
    if (exp >= 0) { return d + "0".repeat(exp); }
    var point = d.length + exp;
    if (point > 0) { return d.slice(0, point) + "." + d.slice(point); }
    return "0." + "0".repeat(-point) + d;
  }
  function numbers(text, ignore) {
    var t = text.normalize("NFKC").replace(RX.ordinal, "$1");
    var found = new Map();
    function add(k, n) { found.set(k, (found.get(k) || 0) + n); }
    for (var m of t.matchAll(RX.number)) {
      var v = parseDecimal(m.groups.num.replace(/,/g, ""));
      if (v === null) { continue; }
      var suffix = strip(m.groups.suffix || "").toLowerCase();
      if (R.percent.indexOf(suffix) >= 0) { add(canonical(v) + "%", 1); continue; }
      if (has(R.mult, suffix)) { v.exp += R.mult[suffix]; }
      add(canonical(v), 1);
    }
    for (var w of t.matchAll(RX.month)) {
      var word = w[1].toLowerCase();
      var month = has(R.months, word) ? R.months[word] : (word === "may" ? 5 : null);
      if (month) { add(String(month), 1); }
    }
    (ignore || []).forEach(function (value) {
      var s = strip(value.normalize("NFKC").replace(/,/g, ""));
      var p = /^\+?(\p{Nd}+(?:\.\p{Nd}*)?|\.\p{Nd}+)(?:[eE]([+-]?\p{Nd}+))?$/u.exec(s);
      if (!p) { return; }  // not a plain non-negative number: Python's Decimal never finds it
      var v = parseDecimal(p[1]);
      if (v === null) { return; }
      if (p[2]) { v.exp += parseInt(Array.from(p[2]).map(function (c) {
        return c === "+" || c === "-" ? c : String(digitValue(c)); }).join(""), 10); }
      var key = canonical(v);
      if ((found.get(key) || 0) > 0) { add(key, -1); }
    });
    var out = {};
    Array.from(found.keys()).sort().forEach(function (k) {
      if (found.get(k) > 0) { out[k] = found.get(k); }
    });
    return out;
  }
  function urls(text) {
    var out = new Set();
    for (var m of text.normalize("NFKC").matchAll(RX.url)) {
      var u = rstrip(m[0], R.url_trailing);
      u = u.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
      var i = u.indexOf("/");
      var host = i < 0 ? u : u.slice(0, i), rest = i < 0 ? "" : u.slice(i);
      u = rstrip(host.toLowerCase() + rest, "/");
      if (u) { out.add(u); }
    }
    return Array.from(out).sort();
  }
  function sameText(text) {
    var words = [], w = "";
    for (var ch of text.normalize("NFKC")) {
      if (isSpace(ch)) { if (w) { words.push(w); w = ""; } } else { w += ch; }
    }
    if (w) { words.push(w); }
    return words.join("").toLowerCase();
  }
  function sameJSON(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function linkFlags(srcText, tgtText, score, ignore) {
    var s = strip(srcText) !== "", t = strip(tgtText) !== "", out = [];
    if (s && !t) { out.push("omission"); }
    if (t && !s) { out.push("addition"); }
    if (s && t && !sameJSON(numbers(srcText, ignore), numbers(tgtText, ignore))) {
      out.push("number_mismatch");
    }
    if (s && t && !sameJSON(urls(srcText), urls(tgtText))) { out.push("url_mismatch"); }
    var copy = s && t && R.src_lang !== R.tgt_lang && sameText(srcText) === sameText(tgtText)
      && (srcText.normalize("NFKC").match(RX.latin_word) || []).length >= R.untranslated_min_words;
    if (copy) { out.push("untranslated"); }
    var a = charLength(srcText), b = charLength(tgtText);
    if (!copy && a > 0 && b > 0 && a >= R.src_min && b >= R.tgt_min) {
      var r = (b / a) / R.expected;
      if (r > R.band || r < 1.0 / R.band) { out.push("length_ratio"); }
    }
    if (score < R.low_confidence) { out.push("low_confidence"); }
    return out;
  }
  return {numbers: numbers, urls: urls, charLength: charLength, linkFlags: linkFlags,
          canonical: canonical, parseDecimal: parseDecimal};
})(JSON.parse(document.getElementById("pariter-rules").textContent));
window.pariterFlags = pariterFlags;
"""

#: How the page joins the texts of units: :func:`pariter.align.joins.separator` over the
#: ranges of :func:`pariter.align.joins.page_rules`, by code point (not UTF-16 unit).
#: Exposes ``window.pariterJoin = {separator, join}``.
JOIN_JS = r"""
var pariterJoin = (function (R) {
  "use strict";
  var WS = new RegExp("[" + R.whitespace + "]", "u");
  function within(ch, ranges) {
    var cp = ch.codePointAt(0);
    for (var i = 0; i < ranges.length; i++) {
      if (cp >= ranges[i][0] && cp <= ranges[i][1]) { return true; }
    }
    return false;
  }
  function separator(left, right) {
    if (!left || !right) { return ""; }
    var l = Array.from(left), a = l[l.length - 1], b = String.fromCodePoint(right.codePointAt(0));
    if (WS.test(a) || WS.test(b)) { return ""; }
    if (within(a, R.join.punct) || within(b, R.join.punct)) { return ""; }
    if (within(a, R.join.cjk) && within(b, R.join.cjk)) { return ""; }
    return " ";
  }
  function join(parts) {
    var out = "";
    parts.forEach(function (p) { out += separator(out, p) + p; });
    return out;
  }
  return {separator: separator, join: join};
})(JSON.parse(document.getElementById("pariter-rules").textContent));
window.pariterJoin = pariterJoin;
"""
