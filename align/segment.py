"""Rule-based sentence boundaries for Chinese and English with spaCy, fully offline.

Statistical parsers would need model downloads and are trained on news; the aligner
only needs boundaries it can merge back (a 1-2 bead repairs an over-split), so
predictable rules that never need weights are the better trade.

Chinese: a sentence ends after 。！？； (and their ASCII forms), together with any closing
quotes or brackets that follow (”」』）); an ellipsis inside a paragraph ends one only where
it closes a quotation that opened the sentence (see :func:`_ellipsis_ends`).  An emoticon
right after a sentence end (":-)") belongs to that sentence.  English: spaCy's tokenizer
already keeps "U.S.", "e.g." and "Dr." whole; the `english_boundaries` component below
adds the cases it splits ("No. 5", "Fig. 3", "et al. (2019)") and never splits inside
decimals or URLs, because those contain no whitespace and are a single token.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.tokenizer_exceptions import emoticons as _SPACY_EMOTICONS
from spacy.language import Language
from spacy.tokens import Doc

from .text import is_han

__all__ = ["split_sentences", "sentences", "pipeline"]

ZH_END = frozenset("。！？；!?;…")
CLOSERS = frozenset("”’」』）)】》〉\"'］]")
EN_END = frozenset(".!?")
# Abbreviations that spaCy's English tokenizer splits off from their full stop and that
# are normally followed by something other than a new sentence.
EN_ABBREVIATIONS = frozenset(
    """no nos fig figs eq eqs ch chap sec vol vols p pp ed eds approx cf vs
    art arts para op cit ibid dept est jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms dr prof st jr sr gen col capt lt sgt rev hon""".split()
)


#: The abbreviations above that name a numbered thing: a number, a numeral, a bracket or a
#: label follows them, never a word that opens a sentence ("the", "if", "this").
EN_NUMBERED_ABBREVIATIONS = frozenset("no nos fig figs eq eqs ch chap sec vol vols p pp art arts para".split())


#: Quote marks that may open a sentence as well as close one: a typesetter that prints ”
#: (or the straight ") on both sides of a quotation ("”Skole” and ”Education” are…") puts
#: one right after the full stop of the sentence before.
AMBIGUOUS_QUOTES = frozenset("”\"")


def _quote_open(text: str) -> bool:
    """Does ``text`` (a paragraph so far) hold a quotation that is still open? Only then does a
    quote mark after a sentence end close it; otherwise the mark opens the next sentence. “…”
    count as pairs; a mark used both ways (” with no “ before it, or ") is open when odd.
    The paragraph, not the sentence, because a quotation may hold several sentences
    ("“Unix 是用户友好的……它仅仅选择谁是它的朋友。”--- Tollef Fog Heen")."""
    opening, closing = text.count("“"), text.count("”")
    if opening:
        return opening > closing
    return closing % 2 == 1 or text.count('"') % 2 == 1


def _opens_next(text: str, token, paragraph: int) -> bool:  # noqa: ANN001 - a spaCy Token
    """Is ``token``, a quote mark right after a sentence end, the opening quote of the next
    sentence: the paragraph so far (from ``text[paragraph]``) holds no open quotation?"""
    return (token.text in AMBIGUOUS_QUOTES
            and not _quote_open(text[paragraph:token.idx]))


#: Marks that never open a sentence: after a sentence end they go on with it (", then you
#: need …" after a quotation ending in ". . .”", "?= $(shell …)", "<C-?> for moving").
NEVER_OPENS = frozenset(",;:!?>|=%，、；：")


#: Dashes that, right after a Chinese sentence's end and before Chinese words, go on with the
#: sentence: they introduce what it is attributed to ("……是一样的。——译者注", "——编者注"),
#: which is no sentence of its own; a Chinese sentence does not open with a dash.  The
#: attribution ends at the first white space after its words ("——译者注 下一句…"), if that
#: comes within `ATTRIBUTION_MAX_CHARS`.  A paragraph that opens with one holds the end of a
#: note or quotation that a page break or a float parted from its sentence ("——译者注 string
#: baseline(…) 函数可用于…"): the attribution is a unit of its own there.  A name in Latin
#: letters after a dash ("…朋友。”--- Tollef Fog Heen") is left a sentence of its own, as the
#: English splitter leaves the same attribution in the original.  Only the Chinese dash, two
#: dashes long: one dash may be a list's bullet, and ASCII hyphens are operators and options
#: in the manuals that quote them ("--- 连接符是 ..tension atleast infinity.. 的缩写").
ATTRIBUTION_DASHES = ("——", "――")
#: The longest attribution ended by a space: a signature or a name ("译者注", "编者按", "鲁迅");
#: longer text after a dash goes on with the sentence up to its end.
ATTRIBUTION_MAX_CHARS = 8


def _attribution(text: str, i: int) -> bool:
    """Do dashes at ``text[i]`` open a Chinese attribution (see `ATTRIBUTION_DASHES`)?"""
    if not text.startswith(ATTRIBUTION_DASHES, i):
        return False
    j = i
    while j < len(text) and (text[j] in "—―" or text[j].isspace()):
        j += 1
    return j < len(text) and is_han(text[j])


def _in_code(text: str, end: int) -> bool:
    """Is the "!" or "?" at ``text[end]`` part of a command or a variable, not of a word:
    the run of ASCII text it ends opens with an ASCII mark other than a quote or a bracket
    (":q! <ENTER>", "echo $?", "更新\\fontchar?? 和")? ("嗎?", "“Why?" hold no such run.)"""
    start = end
    while start > 0 and text[start - 1].isascii() and not text[start - 1].isspace():
        start -= 1
    head = text[start]
    return start < end and not head.isalnum() and head not in "\"'([{"


#: The emoticons of spaCy's tokenizer exceptions that hold no letter or digit (":-)", ";-)",
#: "^_^"). Those with one (":D", "8)", "XD", ":3") are left out: after a sentence end they
#: are as likely a list label ("8) …") or a word; so are the short ones that start with a
#: bracket ("(:", "):", "[=", "(=" ), which are as likely a bracket before a colon or sign.
EMOTICONS = frozenset(e for e in _SPACY_EMOTICONS if not any(c.isalnum() for c in e)
                      and not (e[0] in "()[]" and len(e) < 4))
#: An emoticon standing on its own: after white space, a sentence's end or a character that
#: is not ASCII ("。:-)"), and before white space or a character that is not ASCII (a call
#: "f():" or a slice "a[:]" is code); longest first, so ":-))" is taken whole. (Emoticons of
#: one length in their own order: two of one length never match at one place, so any order
#: matches the same, but the set's order changes with each process's string hashing, and a
#: pattern text of its own in every process was compiled anew and added to the kept code
#: of :mod:`pariter.patterns` each time: 1.4 MB read, merged and written again, with an
#: fsync, on the spaCy helper's way to the sentences.)
_EMOTICON = re.compile(r"(?:(?<![!-~])|(?<=[.!?]))(?:%s)(?![!-~])" % "|".join(
    re.escape(e) for e in sorted(EMOTICONS, key=lambda e: (-len(e), e))))


#: The characters an emoticon can start with: most text is ruled out without the pattern.
_EMOTICON_FIRST = frozenset(e[0] for e in EMOTICONS)


def _emoticon_at(text: str, i: int) -> int:
    """The end of the emoticon that starts at ``text[i]``, else -1."""
    if i >= len(text) or text[i] not in _EMOTICON_FIRST:
        return -1
    m = _EMOTICON.match(text, i)
    return m.end() if m else -1


def _emoticons(text: str) -> set[int]:
    """The positions of ``text`` that emoticons cover: their brackets open or close nothing."""
    return {i for m in _EMOTICON.finditer(text) for i in range(m.start(), m.end())}


def _mark(doc: Doc, starts: set[int]) -> Doc:
    for token in doc:
        token.is_sent_start = token.i == 0 or token.i in starts
    return doc


def _blank_lines(doc: Doc) -> set[int]:
    """A paragraph break is always a boundary: PDFs put headings and captions on their own."""
    return {t.i + 1 for t in doc if t.is_space and t.text.count("\n") >= 2 and t.i + 1 < len(doc)}


@Language.component("chinese_boundaries")
def chinese_boundaries(doc: Doc) -> Doc:
    starts = _blank_lines(doc)
    whole = doc.text  # (spaCy joins the tokens' text again at every ``doc.text``)
    seen_end = False
    ellipsis = False  # the end seen is an ellipsis
    emoticon_end = -1  # the characters of an emoticon end nothing and stay where they are
    attribution = attributed = False  # after "。——": in an attribution; it has shown a word
    attributed_at = 0  # where the attribution's words begin
    begin = 0  # the token the current sentence starts at
    paragraphs, paragraph = set(starts), 0
    for token in doc:
        chars = token.text.strip()
        if token.i in starts:
            begin = token.i
        if token.i in paragraphs:
            paragraph = token.idx
        if token.idx < emoticon_end:
            continue
        if (token.i == 0 or token.i in paragraphs) and _attribution(whole, token.idx):
            attribution, attributed = True, False  # a paragraph opening with an attribution
        if attribution and chars:  # the attribution ends at the first space after its words
            if attributed and token.i > begin and (doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space):
                if token.idx - attributed_at <= ATTRIBUTION_MAX_CHARS + 1:
                    starts.add(token.i)
                    begin = token.i
                attribution = False
            elif not attributed and not chars.startswith(("—", "―")):
                attributed, attributed_at = True, token.idx
        if chars and (end := _emoticon_at(whole, token.idx)) > 0:
            emoticon_end = end
            continue
        if seen_end and chars and (not all(c in CLOSERS or c in ZH_END for c in chars)
                                   or _opens_next(whole, token, paragraph)):
            seen_end = False
            if chars[0] in NEVER_OPENS:
                pass
            elif _attribution(whole, token.idx):
                attribution, attributed = True, False
            elif not ellipsis or _ellipsis_ends(whole[doc[begin].idx:token.idx]):
                starts.add(token.i)
                begin = token.i
        if (chars and (chars[-1] in ZH_END or _ascii_stop_ends(whole, token.idx + len(token.text) - 1))
                and not _inside_word(doc, token) and not _standalone_mark(whole, token.idx)
                and not (chars[-1] in "!?" and _in_code(whole, token.idx + len(token.text) - 1))):
            seen_end = True
            attribution = False
            ellipsis = chars[-1] == "…"
    return _mark(doc, starts)


def _standalone_mark(text: str, i: int) -> bool:
    """Is the ASCII mark at ``text[i]`` (! ? ;) a symbol the text quotes, standing after white
    space ("ls-R 文件和 !! 配置的一致性", "(a >= 2) ? a : b")?  A mark that ends a sentence is
    set right after its last word, in Chinese typed with ASCII punctuation as in English.
    The full stop is left out: some translations set it apart as their sentence end
    ("…可以在 Sui 内发生转换 . 然后，…"), which only the document as a whole would tell
    from a quoted one ("用来替代 . 的 TEXMFDOTDIR 新变量")."""
    return text[i] in "!?;" and i > 0 and text[i - 1].isspace()


def _ascii_stop_ends(text: str, i: int) -> bool:
    """Does the ASCII full stop at ``text[i]`` end a sentence of Chinese text?

    Chinese typed with ASCII punctuation ends sentences with "." where 。 would stand
    ("…（对应钢琴上的白键 c-b）. 然而 LilyPond…", "…模式. 这个模式中…"), and an English sentence
    left inside a Chinese paragraph ends with one ("…(do-re-mi-...). See Note names…"). The
    stop ends a sentence where the next sentence visibly opens: a Chinese character follows
    (after white space or none), or white space and then a capital letter. It does not where
    the stop belongs to what precedes it: a number ("1. ", "2.0."), an ellipsis ("..."), an
    abbreviation ("e.g. ", "etc. ", "Fig. "), an acronym with stops inside ("U.S. ")."""
    if text[i] != "." or (i > 0 and text[i - 1] == "."):
        return False
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text):
        return False
    nxt = text[j]
    if not (is_han(nxt) or (j > i + 1 and nxt.isascii() and nxt.isupper())):
        return False
    k = i
    while k > 0 and text[k - 1].isascii() and not text[k - 1].isspace():
        k -= 1
    word = text[k:i]
    if not word or word[-1] in CLOSERS:
        return True  # a stop right after a Chinese character or a closing bracket or quote
    if word[-1].isdigit() or _ACRONYM.fullmatch(word.lstrip("([{\"'")):
        return False
    word = word.lstrip("([{\"'").lower()
    return word not in EN_ABBREVIATIONS and word not in EN_FINAL_ABBREVIATIONS


#: Letters with stops between them: an acronym or an abbreviation ("U.S", "e.g", "i.e").
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


#: Quote marks that open a quotation, and the marks that introduce reported speech.
OPENING_QUOTES, SPEECH = "“「『‘\"", "：:"


def _ellipsis_ends(sentence: str) -> bool:
    """Does the ellipsis near the end of ``sentence`` (then closing marks only) end it?

    In Chinese an ellipsis marks an omission or a voice trailing off far more often than a
    sentence's end: a list's "…" ("pdfjam, pdfjoin, … PDF 实用程序"), a menu item's
    ("新建工程… 命令", "‘More…’项目"), an aside ("（包括解析、展开，…），所以"), speech
    that breaks off and goes on ("轟炸……哦，當然這只是開個玩笑。"). It ends the sentence
    where a quotation it closes is one of reported speech, opened where the sentence began
    or after a colon ("“我不知道……”", "他说：“算了……”"): the quotation is then the
    sentence, as after "。”". At a paragraph's end every sentence ends anyway."""
    body = sentence.rstrip()
    k = len(body)
    while k > 0 and body[k - 1] in CLOSERS:
        k -= 1
    if k == len(body):
        return False  # no closing mark: the text runs on
    opened = max(body.rfind(q, 0, k) for q in OPENING_QUOTES)
    if opened < 0:
        return False
    before = body[:opened].rstrip()
    return not before or before[-1] in SPEECH


def _inside_word(doc: Doc, token) -> bool:  # noqa: ANN001 - a spaCy Token
    """Is the ASCII mark ending ``token`` inside a word: a URL's query, a file name, a path,
    code ("groups?group=comp.text.tex", "../gentoo-0.9.12.tar.gz", "echo .*")? Letters,
    digits or a path's or pattern's marks follow it with no space between."""
    if token.text[-1] not in "?!;." or token.whitespace_ or token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1].text
    return bool(nxt) and nxt[0].isascii() and (nxt[0].isalnum() or nxt[0] in GLUED)


#: Marks that, glued to a full stop or question mark, make it part of a path or pattern:
#: "../", ".\\", ".*", "?*".
GLUED = frozenset("/\\*")


#: Abbreviations that end sentences as often as not ("… and so on, etc. We …"): their
#: stop ends the sentence when a capitalised word follows.
EN_FINAL_ABBREVIATIONS = frozenset("etc al inc ltd co corp esp".split())


#: The longest abbreviated label of a reference (Sect., Tab., Thm., Prop., Appx.).
REFERENCE_LABEL_MAX = 5


def _en_continues(prev: str, nxt: str, alone: bool = True, after_figure: bool = False) -> bool:
    """True if the full stop before `nxt` is an abbreviation's, not a sentence end. `alone`:
    `prev` stands as a word of its own (a letter glued to what precedes it, "54◦N.", is no
    initial); `after_figure`: a number stands right before `prev` (a unit: "10 min.")."""
    word = prev.rstrip(".").lower()
    if word in EN_FINAL_ABBREVIATIONS:
        return nxt[:1].islower() or nxt[:1].isdigit() or nxt[:1] in "([,;"
    if word in EN_ABBREVIATIONS:
        # one that names a numbered thing ("p. 5", "Vol. II", "Eq. (3)") ends the sentence
        # where a word that opens sentences follows instead ("…using pen p. If align is…")
        return not (word in EN_NUMBERED_ABBREVIATIONS and len(nxt) > 1 and nxt[:1].isupper()
                    and nxt.lower() in STOP_WORDS)
    if len(word) == 1 and word.isalpha() and alone:
        # initials: "J. Smith", "A. B. Jones"; a name follows an initial, while a word that
        # opens sentences follows a letter that labels something ("in Appendix C. If you")
        return nxt.lower() not in STOP_WORDS
    if nxt[:1].isdigit():
        # a number opens a sentence ("… in this directory. 40–100MB should …") unless the
        # stop follows a letter or a number (a label or an enumeration: "1. 2.") or a short
        # capitalised word, a reference's label ("Sect. 2", "Tab. 3", "Thm. 1")
        label = prev.rstrip(".")
        return (len(word) <= 1 or word.isdigit()
                or (label[:1].isupper() and len(label) <= REFERENCE_LABEL_MAX))
    if nxt[:1].islower():
        # a word in lower case goes on with the sentence after an abbreviation's stop; after
        # a whole word of the language the stop ends it, and the next sentence opens with a
        # name or an identifier as it is written ("… of the new tab. html can be …",
        # "Default off. draft is a global option"). A unit after a figure ("10 min. after")
        # is an abbreviation even where it spells a word.
        label = prev.rstrip(".")
        if (label.isalpha() and len(label) >= NAME_END_MIN and label[:1].isupper()
                and any(c.isupper() for c in label[1:]) and word not in EN_ABBREVIATIONS):
            return False  # a name written with capitals inside ends its sentence too
            # ("… to PostScript. man --help should …"); an abbreviation has none
        return after_figure or not (label.isalpha() and label.islower()
                                    and len(label) >= WHOLE_WORD_MIN
                                    and label not in EN_WORDLIKE_ABBREVIATIONS
                                    and _is_word(label))
    return False


#: The shortest name with capitals inside (``PostScript``, ``UNIX``) whose stop ends a
#: sentence before a word in lower case.
NAME_END_MIN = 4
#: The shortest word whose stop ends a sentence before a word in lower case (a single letter
#: is an initial or a label).
WHOLE_WORD_MIN = 2
#: Abbreviations that spell a word of the list: "eg." (for e.g.), a botanical "var.",
#: "ca." (circa), "min." and "max." set without a figure before them.
EN_WORDLIKE_ABBREVIATIONS = frozenset("eg var ca min max".split())


def _is_word(word: str) -> bool:
    """Is ``word`` an English word of pyspellchecker's list (abbreviations are not: "incl",
    "resp", "approx", "viz")? The list is the one extract/textjoin reads line-end breaks by
    (:mod:`pariter.extract.wordlist`, which imports nothing of the line builder)."""
    from pariter.extract.wordlist import is_word

    return is_word(word, None)


def load_word_list() -> None:
    """Read the list :func:`_is_word` asks now: ``pariter extract``'s spaCy helper does it
    while the document is still being read, instead of on its first English paragraph."""
    _is_word("the")


def _figure_before(doc: Doc, stop: int) -> bool:
    """Is the word before the full stop ending at token ``stop`` set after a number ("10
    min.", "5 ft.")?"""
    i = stop - 1 if doc[stop].text == "." else stop
    return i >= 1 and any(ch.isdigit() for ch in doc[i - 1].text)


def _initial(doc: Doc, stop: int) -> bool:
    """Could the word before the full stop ending at token ``stop`` be an initial? It
    stands as a word (first, or after white space or an opening bracket or quote: not
    glued to a number, "54◦N.") and the stop follows it directly ("type w . If" is a
    letter and a full stop)."""
    i = stop
    if doc[stop].text == ".":
        i = stop - 1
        if i < 0 or doc[i].whitespace_:
            return False
    if i <= 0:
        return True
    if not doc[i - 1].whitespace_:
        return doc[i - 1].text[-1:] in "([{\"'“‘"
    return not _names_a_thing(doc[i - 1].text)


def _names_a_thing(word: str) -> bool:
    """Is ``word``, right before a single capital letter, a common noun the letter names a
    kind of ("middle C", "vitamin C", "key F", "type w")? A name's initial comes after a
    word that is no noun of that sort: a capitalised one ("Jane A. Smith"), a small word
    ("by J. Smith", "and A. B. Jones") or punctuation. A lower-case word of three letters
    or more that is not a stop word is read as the noun: the letter is then a label, and its
    stop ends the sentence when a capitalised word follows ("below middle C. Added …")."""
    return len(word) >= 3 and word.isalpha() and word.islower() and word not in STOP_WORDS


@Language.component("english_boundaries")
def english_boundaries(doc: Doc) -> Doc:
    starts = _blank_lines(doc)
    whole = doc.text  # (spaCy joins the tokens' text again at every ``doc.text``)
    pending: int | None = None  # index of the token that ended a sentence, if any
    paragraphs, paragraph = set(starts), 0
    for token in doc:
        text = token.text
        if token.i in paragraphs:
            paragraph = token.idx
        if token.is_space:
            continue
        if pending is not None:
            if _opens_next(whole, token, paragraph):
                starts.add(token.i)
                pending = None
                continue
            if text in CLOSERS or (text and all(c in EN_END for c in text)):
                pass  # quotes, brackets, "?!" stay with the sentence they close
            elif _emoticon_at(whole, token.idx) == token.idx + len(text):
                continue  # so does an emoticon: "Just kidding. :-)"; the next word decides
            else:
                end_token = doc[pending]
                before = doc[pending - 1].text if end_token.text == "." and pending > 0 else end_token.text
                is_stop = end_token.text.endswith(".")
                if is_stop and _inside_word(doc, end_token) or text[0] in NEVER_OPENS:
                    pass  # a file name or a host: "nanicolle-zh.PDF"; ", then …"
                elif not (_en_continues(before, text, _initial(doc, pending),
                                        _figure_before(doc, pending))
                          if is_stop else text[:1].islower()):
                    # (after "!" or "?" a word in lower case goes on with the sentence: an
                    # aside "(NB: both lower case!) respectively", a quotation "“Why?” he")
                    starts.add(token.i)
                pending = None
                continue
        if _emoticon_at(whole, token.idx) == token.idx + len(text):
            # an emoticon where the stop would be ends the sentence as "!" does, unless a
            # word in lower case goes on with it ("… reading this document now :-) You do …")
            pending = token.i
        elif text in EN_END or (len(text) > 1 and text[-1] in "!?"):
            if not (text[-1] in "!?" and _in_code(whole, token.idx + len(text) - 1)):
                pending = token.i
        elif text.endswith(".") and len(text) > 1:
            # spaCy kept the stop on the token: "U.S.", "e.g.", "Dr.", "a.m."; such tokens
            # end a sentence only if a capitalised word follows and it is not a title.
            if text.rstrip(".").lower() not in {"dr", "mr", "mrs", "ms", "prof", "st", "e.g", "i.e"}:
                pending = token.i
    return _mark(doc, starts)


@lru_cache(maxsize=None)
def pipeline(lang: str) -> Language:
    """One blank pipeline per language, built on first use and kept for the process."""
    if lang == "zh":
        nlp = spacy.blank("zh")  # character segmentation: needs neither jieba nor pkuseg
        nlp.add_pipe("chinese_boundaries")
    elif lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("english_boundaries")
    else:
        raise ValueError(f"unsupported language {lang!r}; expected 'zh' or 'en'")
    nlp.max_length = 10**8
    return nlp


#: A list label alone ("1.", "(a)", "iv)", "（三）"): never a sentence of its own.
_LABEL_ONLY = re.compile(r"^[(（]?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5}|[一二三四五六七八九十]{1,3})[.．)）、]?$")
#: An inline enumeration's label after a clause that ended ("…; (6) …").
_ITEM = re.compile(r"(?<=[;；])\s*(?=[(（]?\d{1,2}[)）]\s*\S)")
#: An arrow pointing at an address ("… stable. → https://wiki.debian.org/LTS", "…工作：→
#: http://…"): a pointer printed after the text it belongs to, a unit of its own as it is
#: where the producer sets it on a line of its own.
_POINTER = re.compile(r"(?<=\S)\s*(?=[→➔➜⇒]\s*(?:https?://|ftp://|www\.))")
#: ... and it ends with its address: the text after it goes on in a unit of its own.
_POINTER_END = re.compile(r"[→➔➜⇒]\s*(?:https?://|ftp://|www\.)\S+\s+(?=\S)")
#: Brackets a sentence end inside does not close the sentence ("（译者注：…。…）") when they
#: opened inside it; brackets that open a sentence hold sentences of their own ("(你也许可以
#: …等等。我们不会把所有这些执行方法列出来。)"), each ended where it ends.
_OPEN, _CLOSE = "(（[［【", ")）]］】"
#: ... unless the bracket runs on longer than this (an unclosed one would swallow the text).
BRACKET_REACH = 400


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans `(start, end)` into `text`, one per sentence, without outer whitespace.

    Over spaCy's boundaries: a sentence end inside brackets that opened within the
    sentence does not end it (a translator's note （译者注：…。…） stays in its sentence),
    a list label is never a sentence alone, and an inline enumeration starts a unit at each
    label after a clause that ended ("…; (6) …"), and an arrow pointing at an address
    opens a unit (:data:`_POINTER`)."""
    raw: list[tuple[int, int]] = []
    for sent in pipeline(lang)(text).sents:
        raw.append((sent.start_char, sent.end_char))
    cuts = sorted({a for a, _ in raw} | {m.end() for m in _ITEM.finditer(text)}
                  | {m.end() for m in _POINTER.finditer(text)}
                  | {m.end() for m in _POINTER_END.finditer(text)} - {0})
    spans = _strip(text, [(a, b) for a, b in zip([0] + cuts, cuts + [len(text)])])
    return _merge_labels_and_brackets(text, spans)


def _strip(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _merge_labels_and_brackets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth = 0  # brackets open at the end of the last span kept
    opened_at = 0
    aside = False  # the last span kept ended in a question or exclamation in brackets
    faces = _emoticons(text)  # ":-(" opens no bracket
    for start, end in spans:
        if out and (depth > 0 and start - opened_at < BRACKET_REACH and opened_at > out[-1][0]
                    and _closes(text, start, depth, faces)
                    or aside or _LABEL_ONLY.match(text[out[-1][0]:out[-1][1]])):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
            depth = 0
        for i in range(start, end):
            c = text[i]
            if i in faces:
                continue
            if c in _OPEN:
                if depth == 0:
                    opened_at = i
                depth += 1
            elif c in _CLOSE and depth > 0:
                depth -= 1
        aside = _aside_question(text, out[-1][0], end)
    return out


def _closes(text: str, start: int, depth: int, faces: set[int]) -> bool:
    """Do the ``depth`` brackets open before ``text[start]`` close within reach of it?  One
    the writer never closed holds no sentence: the sentence ends where its stop stands
    ("…（标签 L，…，以及记号 marker。只有一个参数…", asymptote-zh, whose bracket runs to
    the paragraph's end)."""
    for i in range(start, min(len(text), start + BRACKET_REACH)):
        if i in faces:
            continue
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return True
    return False


#: The marks of a question or an exclamation.
_ASK = "？！?!"


def _aside_question(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` end in a question or exclamation closed by a bracket that
    opened inside the sentence: an aside ("2dd (還記得前面講過的 … 嗎？) 刪除兩行。"),
    after which the sentence goes on? (A full stop there may end a note's own sentences:
    "（译者注：…。…）" — left to spaCy.)"""
    k = end
    while k > start and text[k - 1] in _CLOSE:
        k -= 1
    if k == end or k <= start or text[k - 1] not in _ASK:
        return False
    depth, opened = 0, -1
    for i in range(start, k):
        if text[i] in _OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif text[i] in _CLOSE and depth > 0:
            depth -= 1
    return depth > 0 and opened > start


def sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]
