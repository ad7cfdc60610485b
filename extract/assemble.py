"""Assembly: decided blocks become the document model's units, with ids.

Nothing is decided about roles here (:mod:`.roles` did that); this module turns heading
blocks into sections (a stack per language stream), opens numbered clauses, gives
paragraphs their ids, pages, boxes and page breaks, anchors note markers in the text,
and splits a bilingual document's blocks into its two language streams.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from pariter import ids
from pariter.model import (Box, Clause, Document, Footnote, Heading, Marker, PageBreak,
                           Paragraph, Section, Subtitle, Table, Warning)

from . import headings as hd
from .chars import PageTable
from .clauses import clause_number, sequenced
from .footnotes import Note
from .lang import (FOREIGN_IDEOGRAPH_LETTERS, IDEOGRAPH_LETTERS, chinese_punctuation, detect,
                   detect_weight, lang_of_weight, own_lang)
from .frontmatter import (TITLE_RATIO, stands_apart, contents_title, heading_face, prose_line,
                          running_block, running_line)
from .lines import SIZE_TOLERANCE, Line, Sup, is_cjk_ideograph
from .listings import code_text, is_code
from .paragraphs import BULLETS, CLAUSE, DASH_BULLETS, LIST_START, Block, typed_document
from .styles import DocStyle, running_text
from .textjoin import join2, vocabulary

_CLAUSE = CLAUSE
#: the bullets opening a unit: one labels a list item; a line of them only (• • in the
#: cells of a table of supported features) is no text either
_BULLET = re.compile(rf"^(?:[{BULLETS}]\s*|[{DASH_BULLETS}]\s+)+")


@dataclass
class _Head:
    number: str | None
    text: str
    page: int
    size: float
    opener: bool
    lang: str
    boxes: list[Box]
    subs: list[Subtitle] = field(default_factory=list)
    sub_boxes: list[Box] = field(default_factory=list)
    #: 0 until known: given by an outline or tags, else computed from numbers and sizes
    level: int = 0
    #: the evidence that made the block a heading (outline, tags, numbering, style)
    source: str | None = None


#: A line is the document's title only with this many characters (a short line matches
#: anything) ...
TITLE_MIN_CHARS = 6
#: ... when it is at least this share of a title that holds it (one language's half) ...
TITLE_PART_SHARE: float = 0.6
#: ... or as long within this share and this similar (difflib's ratio) to one.
TITLE_LENGTH_SLACK: float = 0.2
TITLE_SIMILARITY: float = 0.85
#: The title repeated over the text (a report's page 2) comes within this many pages
#: after the first.
TITLE_REPEAT_PAGES = 2
#: A document is bilingual when each language holds this share of its prose blocks and
#: the language switches between at least this share of consecutive blocks.
BILINGUAL_SHARE: float = 0.3
BILINGUAL_SWITCH_SHARE: float = 0.35
#: ... or the language with fewer blocks prints its sentences each beside its translation,
#: at least this many of them ...
PAIRED_MIN = 3
#: ... a translation being as long as its original: an English text spells about two to
#: six Latin letters for each ideograph of its Chinese (a loose translation half or twice
#: that); a command beside its Chinese explanation, or a Chinese term beside an English
#: paragraph, falls far outside.
TRANSLATION_LETTERS: tuple[float, float] = (1.0, 12.0)
#: ... or the two languages stand side by side, each in a column of its own, on at least
#: this share of the pages that hold prose (a two-column bilingual contract or licence:
#: read column by column, its blocks switch language once a page).
BILINGUAL_SIDE_PAGES: float = 0.5
#: ... the page's blocks, this share of them, standing wholly on their language's side.
SIDE_PLACED_SHARE: float = 0.75
#: Two consecutive blocks of a bilingual document with the same text of at least this many
#: letters and digits are one passage printed for each side (shorter: a label or a value
#: repeated in a table).
COPY_MIN_CHARS = 12
#: ... or, with the other language's text between the copies (a term over its description
#: printed for each side), this many.
TERM_COPY_MIN_CHARS = 4
#: ... the second copy among the next this many blocks after the first's next (a term
#: printed over each language's description has that one description between its copies).
COPY_REACH = 2
#: A unit goes to the Chinese stream of a bilingual document with at least this many
#: ideographs (one may be a symbol quoted in English text).
STREAM_MIN_IDEOGRAPHS = 2
#: A paragraph is set like its clause's text when its size is within this many points ...
CLAUSE_SIZE_TOLERANCE: float = 0.5
#: ... and in the same column (left edges within this many points), starting in this
#: range of ems from the text's edge (a first-line indent at most) ...
SAME_EDGE_PT: float = 2
CLAUSE_OFFSET_EM: tuple[float, float] = (-0.5, 2.5)
#: ... or in another column as wide, within this share.
COLUMN_WIDTH_SLACK: float = 0.15
#: A heading's subtitle is among the next this many blocks ...
SUBTITLE_BLOCKS = 3
#: ... set apart from the body (smaller: below this share of its size) ...
SMALLER_SHARE: float = 0.97
#: ... at most this many ems under the heading, at most this many lines, its lines at
#: most this many ems apart, and at most this many characters.
SUBTITLE_GAP_EM: float = 3
SUBTITLE_MAX_LINES = 3
SUBTITLE_LINE_GAP_EM: float = 1.0
SUBTITLE_MAX_CHARS = 200
#: Consecutive lines of a unit on a page whose left edges are this close (points) share
#: one box (one column).
BOX_COLUMN_PT: float = 30
#: A bilingual label is a short line: at most this many characters, and its English half
#: has at least this many letters.
LABEL_MAX_CHARS = 40
LABEL_MIN_LETTERS = 2
#: Rough advances in ems: a space, and any glyph neither CJK nor full width.
SPACE_ADVANCE_EM: float = 0.25
HALF_ADVANCE_EM: float = 0.5


#: Marks a plain-text document types before a unit, which a reader does not read as its
#: words (:func:`~pariter.extract.paragraphs.typed_document`): asterisks or underscores
#: opening an emphasis that closes at the unit's end (``** Press x to delete. **``), a run
#: of exclamation marks calling for attention (``!! NOTE: …``), an arrow pointing at a
#: line (``---> Now you know …``), a frame typed around a banner (``= Welcome … =``, closed
#: on the right too). Printed from a markup language, emphasis would be type, not
#: characters; a typed document keeps them as characters.
_TYPED_MARK = re.compile(r"^(?:(\*{1,3}|_{1,2})|([=#~+]{1,3})|!{2,}|[-=~]{1,4}>)\s+(?=\S)")

#: A line opening with a bullet glyph is a list item.
_BULLET_OPEN = re.compile(rf"[{BULLETS}]")


def _numbers_apart(number: str | None, own: str | None) -> bool:
    """Does a heading line print a number that is not ``own``? A subtitle translates the
    heading it stands under, so it repeats that heading's number at most ("第一章 总则" over
    "Chapter 1 General Provisions"); a line with a number of its own ("10.1.1
    vConsole.version" under "10.1 属性") is the next heading, whatever its language."""
    parts = ids.number_parts(number)
    return bool(parts) and parts != ids.number_parts(own)


def _is_title(text: str, titles: list[str]) -> bool:
    """Is ``text`` the document's title (or one language's half of it), nearly verbatim?"""
    t = re.sub(r"\s+", "", text)
    if len(t) < TITLE_MIN_CHARS:
        return False
    for cand in titles:
        c = re.sub(r"\s+", "", cand)
        if t == c or (t in c and len(t) >= TITLE_PART_SHARE * len(c)):
            return True
        if abs(len(t) - len(c)) <= TITLE_LENGTH_SLACK * len(c):
            sm = difflib.SequenceMatcher(None, t, c, autojunk=False)
            # quick_ratio() bounds ratio() from above, cheaply: most lines fail on it
            if sm.quick_ratio() >= TITLE_SIMILARITY and sm.ratio() >= TITLE_SIMILARITY:
                return True
    return False


def _contents_entries(b: Block) -> bool:
    """A block of a contents page whose lines are mostly entries ending in a page number,
    or pieces of entries (a title, a leader, a page number the layout set apart) and no
    sentence: front matter wherever it stands, even under a "Contents" heading of its own."""
    if "contents page" not in b.reasons:
        return False
    return 2 * sum(hd.looks_like_toc(l.text) for l in b.lines) > len(b.lines) \
        or not any(prose_line(l.text) for l in b.lines)



#: A callout's box lies in its heading's printed box within this many points (a heading's
#: box is drawn around the callouts taken out of it).
HEADING_BOX_SLACK_PT = 1.0


def holding_heading(box: Box, headings: list[Heading]) -> str | None:
    """Which of ``headings`` a callout taken out of a heading block is printed in: the one
    whose box on the callout's page holds the most of the callout's box. A block opens two
    headings where a Chinese heading stands over its English line (each stream gets its
    own), and a callout belongs to the line it is printed on."""
    best, most = None, 0.0
    e = HEADING_BOX_SLACK_PT
    for h in headings:
        for b in h.boxes:
            if b.page != box.page:
                continue
            w = min(b.x1 + e, box.x1) - max(b.x0 - e, box.x0)
            t = min(b.bottom + e, box.bottom) - max(b.top - e, box.top)
            if w > 0 and t > 0 and w * t > most:
                best, most = h.id, w * t
    return best


class Assembler:
    """Builds ``doc``'s units from the decided blocks (see the module docstring)."""

    def __init__(self, doc: Document, lines: list[Line], notes: list[Note],
                 tables: list[tuple[int, PageTable]], ds: DocStyle, warnings: list[Warning],
                 meta_title: str | None, cells: list[Line] | None = None) -> None:
        self.doc, self.lines, self.notes, self.tables = doc, lines, notes, tables
        #: table lines whose raised labels call the page's notes (:func:`.markers.table_callouts`)
        self.cells = cells or []
        self.ds, self.body, self.warnings = ds, ds.size, warnings
        self.words = vocabulary([l.text for l in lines])
        #: _text of a block without page breaks, by the block's id: the language evidence,
        #: the heading records and the clause openers each ask for every block's text.
        #: Kept with the block and its list of lines: a block emptied since (consumed by a
        #: heading) holds a new list, and its text is joined anew
        self._texts: dict[int, tuple[Block, list[Line], tuple[str, list[tuple[int, Sup, Line]]]]] = {}
        self.meta_title = meta_title
        colours = Counter(l.colour for l in lines if abs(l.size - ds.size) < SIZE_TOLERANCE)
        self.body_colour = colours.most_common(1)[0][0] if colours else None

    def _untranslated(self, blocks: list[Block], heads: dict) -> dict[int, str]:
        """Blocks of a bilingual document that stand for the other language's side, with
        the stream each takes.

        A translation sometimes leaves a passage as it was (an English quotation kept in
        the Chinese version, a command, an option's name, a heading such as "BUGS"):
        interleaved, the document prints it twice, once in each language's place. Of two
        prose blocks with the same text, the second among the next few, the copies share
        the two streams so that each stream holds the passage once, where its side has it:
        with nothing between them, the document's first language (:meth:`_first_lang`)
        takes the first copy; with blocks of one language between them, that language
        takes the copy they follow (a term over its description, printed for each side:
        "NOCACHE" / 此标志… / "NOCACHE" / This flag…, set as a paragraph or as a heading).
        Two headings in a row with one text are such copies however short ("BUGS"): no
        text prints one heading twice over."""
        first = self._first_lang(blocks, heads)
        other = {"zh": "en", "en": "zh"}
        seq = [bi for bi, b in enumerate(blocks) if bi in heads or (b.lines and not b.heading)]
        text = {bi: heads[bi].text if bi in heads else self._text(blocks[bi])[0] for bi in seq}
        folded = {bi: _fold(text[bi]) for bi in seq}
        out: dict[int, str] = {}
        for k, i in enumerate(seq):
            if i in out or not folded[i]:
                continue
            for m in range(k + 1, min(len(seq), k + 2 + COPY_REACH)):
                j = seq[m]
                if folded[j] != folded[i] or (i in heads) != (j in heads):
                    continue
                between = {_stream(text[x], first) for x in seq[k + 1:m]}
                if not between:
                    # two headings in a row with one text, or a passage long enough not
                    # to be a value repeated
                    if i in heads or len(folded[i]) >= COPY_MIN_CHARS:
                        out[i], out[j] = first, other[first]
                elif len(between) == 1 and len(folded[i]) >= TERM_COPY_MIN_CHARS:
                    lang = between.pop()
                    after = _stream(text[seq[m + 1]], first) if m + 1 < len(seq) else other[lang]
                    if after != lang:  # the next language's place follows the second copy
                        out[i], out[j] = lang, other[lang]
                break
        return out

    def _first_lang(self, blocks: list[Block], heads: dict) -> str:
        """Which language a bilingual document prints first in a pair: read off its
        headings, where one language's heading stands right before the other's (名称 over
        NAME); Chinese first where they do not tell."""
        langs = [_stream(heads[bi].text, "zh") for bi in sorted(heads)]
        turns = Counter(a for a, b in zip(langs, langs[1:]) if a != b)
        return "en" if turns["en"] > turns["zh"] else "zh"

    def assemble(self, blocks: list[Block]) -> None:
        doc = self.doc
        # language evidence: prose only (code listings are Latin whatever the document)
        prose = [b for b in blocks if not b.heading and b.lines]
        texts = [(self._text(b)[0], b) for b in prose
                 if not any(l.font is not None and l.font.mono for l in b.lines)]
        if not any(t for t, _ in texts):
            # a document set wholly in a typewriter face (a plain-text report, a manual
            # printed from an editor) has nothing but "code": its letters are its language
            texts = [(self._text(b)[0], b) for b in prose]
        # each text's characters counted once: its language and the document's sums
        weights = [detect_weight(t) for t, _ in texts]
        langs = [lang_of_weight(*w) for (t, _), w in zip(texts, weights) if t]
        counts = Counter(langs)
        zh, en = counts.get("zh", 0), counts.get("en", 0)
        total = max(1, zh + en)
        ideo = sum(w[0] for w in weights)
        latin = sum(w[1] for w in weights)
        main = "zh" if ideo * IDEOGRAPH_LETTERS >= latin else "en"
        seq = [x for x in langs if x in ("zh", "en")]
        switches = sum(1 for a, b in zip(seq, seq[1:]) if a != b)
        told = [(t, b, w, x) for (t, b), w, x in zip([tb for tb in texts if tb[0]],
                                                     [w for (t, _), w in zip(texts, weights) if t],
                                                     langs)]
        bilingual = ((zh >= BILINGUAL_SHARE * total and en >= BILINGUAL_SHARE * total
                      and (switches >= BILINGUAL_SWITCH_SHARE * max(1, len(seq) - 1)
                           or _side_by_side([(b, x) for _, b, _, x in told])))
                     or _translated_in_place(told))
        doc.langs = ["zh", "en"] if bilingual else [main]
        self.main, self.bilingual = main, bilingual
        taken: set[str] = set()
        stacks: dict[str, list[tuple[int, list[str], str]]] = {"zh": [], "en": []}
        unnumbered: Counter[tuple[str, str]] = Counter()
        section: dict[str, str] = {}
        para_counter: Counter[str] = Counter()
        clause_state: dict[str, Clause | None] = {}
        # a bullet printed on a line of its own (set beside a raised two-line item) labels
        # the next paragraph of its stream
        lone_bullet: set[str] = set()
        clause_set: dict[str, tuple[float, float] | None] = {}
        marker_n: Counter[str] = Counter()
        heads = self._heading_records(blocks)
        # numbered clauses: body blocks opening with a number of a scheme the document
        # counts (two of its numbers follow each other)
        # (a contents page's entries carry the numbers of the headings they list, a code
        # listing's numbers count its lines: no clauses)
        openers = [clause_number(self._text(b)[0]) if b.lines and not b.heading and bi not in heads
                   and not _contents_entries(b) and not all(map(self.ds.is_listing, b.lines))
                   else None for bi, b in enumerate(blocks)]
        counted = sequenced(openers)
        note_ids = self._footnotes()
        copies = self._untranslated(blocks, heads) if bilingual else {}

        def lang_of(text: str) -> str:
            return _stream(text, main) if bilingual else main

        def emit_marker(lang: str, s: Sup, l: Line, pid: str | None, off: int | None,
                        heads_of: list[Heading] | None = None) -> None:
            marker_n[lang] += 1
            fid = self._link(s.label, l.page, note_ids)
            mid = ids.dedupe(ids.marker_id(lang, marker_n[lang]), taken)
            box = Box(l.page, s.x0, s.top, s.x1, s.bottom)
            hid = holding_heading(box, heads_of) if heads_of else None
            doc.markers.append(Marker(mid, s.label, l.page, fid, pid, off, box, hid))
            if fid is None:
                self.warnings.append(Warning(
                    "unlinked_marker", f"note marker {s.label} has no note text", l.page))

        def ensure_front(lang: str, page: int) -> str:
            if lang not in section:
                sid = ids.dedupe(ids.section_id(lang, []), taken)
                doc.sections.append(Section(sid, 0, None, None, None, page, lang))
                section[lang] = sid
            return section[lang]

        def open_section(stream: str, level: int, number: str | None, text: str | None,
                         page: int, boxes: list[Box], subtitles: list[Subtitle],
                         lang: str | None = None, source: str | None = None) -> None:
            lang, own = stream, lang or stream
            stack = stacks[lang]
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent_path = stack[-1][1] if stack else []
            parent_id = stack[-1][2] if stack else None
            parts = ids.number_parts(number)
            if hd.dotted_depth(number) >= 2:
                path = parts
            else:
                key = (lang, parent_id or "")
                if parts:
                    tok = parts[-1]
                else:
                    unnumbered[key] += 1
                    tok = f"x{unnumbered[key]}"
                path = parent_path + [tok]
            sid = ids.dedupe(ids.section_id(lang, path), taken)
            hid = ids.dedupe(ids.heading_id(sid), taken) if text else None
            doc.sections.append(Section(sid, level, number, hid, parent_id, page, lang))
            if text and hid:
                doc.headings.append(Heading(hid, level, number, text, page, own, sid, boxes,
                                            subtitles, source))
            stack.append((level, path, sid))
            section[lang] = sid
            clause_state[lang] = None

        # Front matter is what stands before the first heading. A document without any
        # heading (a one-page paper, a letter, a notice) has none but its title region:
        # from its first paragraph of running text on, its text is its body.
        body_from = len(blocks) if heads else next(
            (bi for bi, b in enumerate(blocks) if b.lines and running_block(b, self.ds)), len(blocks))
        def heading_markers(b: Block, heads_of: list[Heading]) -> None:
            """Callouts in a heading ("2.1 Grab samples⁴"): markers of the heading's
            section, anchored to no paragraph but to the heading that holds them (one of
            ``heads_of``, the headings this block opened or, for a heading's continuation
            block, the last ones opened), with their box."""
            for l in b.lines:
                for s in l.sups:
                    emit_marker(section_lang(l), s, l, None, None, heads_of)

        def section_lang(l: Line) -> str:
            return lang_of(l.text) if bilingual else main

        opened: list[Heading] = []  # the headings the last heading record opened
        for bi, b in enumerate(blocks):
            rec = heads.get(bi)
            if rec is not None:
                n_before = len(doc.headings)
                if self.bilingual and rec.subs and rec.lang == "zh":
                    # a Chinese heading over its English line: the Chinese stream's heading
                    # keeps it as subtitle, and the English stream gets its own heading with
                    # the same printed number, so en.s01 pairs with zh.s01
                    open_section("zh", rec.level, rec.number, rec.text, rec.page, rec.boxes,
                                 rec.subs, source=rec.source)
                    open_section("en", rec.level, rec.number, rec.subs[0].text, rec.page,
                                 rec.sub_boxes, [], lang="en", source=rec.source)
                else:
                    stream = copies.get(bi) or (lang_of(rec.text) if bilingual else main)
                    open_section(stream, rec.level, rec.number, rec.text, rec.page, rec.boxes,
                                 rec.subs, lang=own_lang(rec.text, stream), source=rec.source)
                opened = doc.headings[n_before:]
                if b.heading and b.lines:
                    heading_markers(b, opened)
                continue
            if b.heading and b.lines:
                heading_markers(b, opened)
            if not b.lines or b.heading:
                lone_bullet.clear()
                continue
            first = b.lines[0]
            breaks: list[PageBreak] = []
            text, marks = self._text(b, breaks)
            if not text.strip() and not marks:
                continue
            if not text.strip():
                # only callouts on the line (DocBook sets a note's mark on a line of its
                # own after the paragraph it annotates): they call that paragraph's note,
                # so they anchor at its end; an empty paragraph would be no text at all
                prev = doc.paragraphs[-1] if doc.paragraphs else None
                lang = prev.section.split(".")[0] if prev is not None else main
                for _, s, l in marks:
                    emit_marker(lang, s, l, prev.id if prev else None,
                                len(prev.text) if prev else None)
                continue
            # a bilingual label line ("工作组联系方式/Contact us") goes half to each stream
            pieces: list[tuple[str, list[tuple[int, Sup, Line]], list[PageBreak],
                               list[Box], str | None]] = [(text, marks, breaks, _boxes(b.lines),
                                                           None)]
            cut_label = (_split_label(text) if bilingual and len(b.lines) == 1 and not marks
                         and not breaks else None)
            if cut_label is not None:
                zh_t, en_t, s0, s1 = cut_label
                zh_box, en_box = _split_box(first, text, s0, s1)
                pieces = [(zh_t, [], [], [zh_box], "zh"), (en_t, [], [], [en_box], "en")]
            for text, marks, breaks, boxes, forced in pieces:
                lang = forced or lang_of(text)  # the stream it is printed in
                if bi in copies and not forced:
                    # a passage the translation left as it was, printed in both places
                    lang = copies[bi]
                own = own_lang(text, lang)  # its own language
                sid = section.get(lang) or ensure_front(lang, first.page)
                cn = clause_number(text) if bi in counted else None
                clause = None
                if cn is not None and sid != f"{lang}.front":
                    cnum = cn.number
                    top = sid.split(".")[0] + "." + sid.split(".")[1]
                    cid = ids.dedupe(ids.clause_id(top, cnum), taken)
                    clause = Clause(cid, cnum, "", first.page, own, sid)
                    doc.clauses.append(clause)
                    clause_state[lang] = clause
                    clause_set[lang] = self._clause_setting(b)
                    cut = cn.end
                    text = text[cut:]
                    marks = [(o - cut, s, l) for o, s, l in marks]
                    breaks = [PageBreak(max(0, o.offset - cut), o.page) for o in breaks]
                typed = _TYPED_MARK.match(text) if typed_document(self.ds) else None
                tail = text.rstrip()
                if typed and typed.group(2) and not (tail.endswith(typed.group(2))
                                                     and len(tail) - len(typed.group(2)) > typed.end()):
                    typed = None  # a frame is closed on the unit's right
                if typed:  # a mark typed before the text (``** … **``, ``!!``, ``--->``)
                    cut = typed.end()
                    end = len(text)
                    close = typed.group(1) or typed.group(2)
                    if close and tail.endswith(close) and len(tail) - len(close) > cut:
                        end = len(tail[:-len(close)].rstrip())  # emphasis and frames close
                    text = text[cut:end]
                    marks = [(min(max(0, o - cut), len(text)), s, l) for o, s, l in marks]
                    breaks = [PageBreak(max(0, o.offset - cut), o.page) for o in breaks]
                bullet = _BULLET.match(text)
                if bullet:  # a bullet glyph marks a list item; it is not text
                    cut = bullet.end()
                    text = text[cut:]
                    marks = [(max(0, o - cut), s, l) for o, s, l in marks]
                    breaks = [PageBreak(max(0, o.offset - cut), o.page) for o in breaks]
                    if not text.strip() and not marks and clause is None:
                        # no text of its own: no paragraph; a single bullet labels the next
                        if sum(not c.isspace() for c in bullet.group()) == 1:
                            lone_bullet.add(lang)
                        continue
                if clause is None:
                    clause = clause_state.get(lang)
                    if clause is not None and not self._sets_like(b, clause_set.get(lang)):
                        clause = clause_state[lang] = None  # a contact line after the last clause
                container = clause.id if clause is not None else sid
                para_counter[container] += 1
                pid = ids.dedupe(ids.paragraph_id(container, para_counter[container]), taken)
                pages_ = sorted({l.page for l in b.lines})
                role = ("code" if self._is_code(b)
                        else "caption" if first.kind == "caption"
                        else "contents" if _contents_entries(b)
                        else "list" if bullet or lang in lone_bullet or LIST_START.match(text)
                        else "front" if (sid.endswith(".front") and bi < body_from)
                        else "body")
                lone_bullet.discard(lang)
                doc.paragraphs.append(Paragraph(pid, text, first.page, own, sid,
                                                clause.id if clause else None, pages_,
                                                boxes, role,
                                                [k for k in breaks if 0 < k.offset < len(text)],
                                                _label_end(text, first) if forced is None else None))
                if clause is not None:
                    clause.paragraphs.append(pid)
                    clause.text = join2(clause.text, text, self.words) if clause.text else text
                    for pgn in pages_:
                        if pgn not in clause.pages:
                            clause.pages.append(pgn)
                for off, s, l in marks:
                    emit_marker(lang, s, l, pid, max(0, off))
        # callouts in a table's cells: markers of their notes, anchored to no paragraph
        # (a table's rows are its cells' strings), with their box; after the text's, so
        # that the text's markers keep their numbers
        for l in sorted(self.cells, key=lambda l: (l.page, l.top, l.x0)):
            for s in l.sups:
                emit_marker(section_lang(l), s, l, None, None)
        self._emit_footnotes(note_ids, taken)
        self._emit_tables(taken)

    def _clause_setting(self, b: Block) -> tuple[float, float, float, float] | None:
        """(type size, left offset in its column, column left edge, column width) of a
        clause's text, read off its first paragraph's second line; None when it has a
        single line to read it from."""
        if len(b.lines) < 2:
            return None
        l = b.lines[1]
        lo, hi = self.ds.col(l)
        return l.size, l.x0 - lo, lo, hi - lo

    def _sets_like(self, b: Block, setting: tuple[float, float, float, float] | None) -> bool:
        """Is paragraph ``b`` set like the text of the open clause: same size, and the same
        left edge in the same column (or a first-line indent off it), or in another column
        as wide? Unknown settings say yes."""
        if setting is None:
            return True
        size, off, clo, width = setting
        l = b.lines[0]
        if abs(l.size - size) > CLAUSE_SIZE_TOLERANCE:
            return False
        lo, hi = self.ds.col(l)
        d = (l.x0 - lo) - off
        if abs(lo - clo) <= SAME_EDGE_PT:
            return CLAUSE_OFFSET_EM[0] * size <= d <= CLAUSE_OFFSET_EM[1] * size
        if abs((hi - lo) - width) > COLUMN_WIDTH_SLACK * width:
            return False  # a narrower block: a box, a centred back page
        return l.x0 - lo <= CLAUSE_OFFSET_EM[1] * size or abs(d) <= CLAUSE_OFFSET_EM[1] * size

    def _heading_records(self, blocks: list[Block]) -> dict[int, "_Head"]:
        """The document's headings, keyed by the index of the block that opens each.

        An opener number on its own line ("02 /") joins the title under it; English lines
        set apart right under a Chinese heading (an opener's capitals, a bilingual
        heading's second line) become its subtitle; a title repeated before the first
        numbered heading is the document's title, not a heading. Consumed blocks are
        emptied.
        """
        out: dict[int, _Head] = {}
        titles = self._title_texts()
        pending: tuple[str, int] | None = None
        seen_numbered = False
        for bi, b in enumerate(blocks):
            if not b.lines:
                continue
            if not b.heading:
                pending = None
                continue
            text, _ = self._text(b)
            num, title = hd.split_number(text)
            if not title and num:
                pending = (num, bi)  # an opener number ("02 /") on its own line
                b.lines = []
                continue
            opener = False
            if pending is not None and not num:
                num, opener = pending[0], True
            pending = None
            if not title:
                b.heading = False
                continue
            if (num is None and not seen_numbered
                    and b.lines[0].page <= self.lines[0].page + TITLE_REPEAT_PAGES
                    and _is_title(title, titles)):
                b.heading = False  # the title repeated over the text (page 2 of a report)
                continue
            seen_numbered = seen_numbered or num is not None
            first = b.lines[0]
            found = detect(title)
            lang = found if found in ("zh", "en") else self.main
            rec = _Head(num, title, first.page, first.size, opener, lang,
                        [Box(l.page, l.x0, l.top, l.x1, l.bottom) for l in b.lines],
                        level=b.level or 0, source=b.source)
            if found == "zh":
                self._subtitle(rec, blocks, bi)
            out[bi] = rec
        # levels: the outline's or the tags' where they speak, else numbering and size
        levels = hd.assign_levels([(r.number, r.opener, r.size) for r in out.values()])
        for r, lv in zip(out.values(), levels):
            r.level = r.level if r.level else lv
        return out

    def _subtitle(self, rec: "_Head", blocks: list[Block], bi: int) -> None:
        """English lines directly under a Chinese heading, set apart from body text."""
        texts: list[str] = []
        style = None
        bottom = rec.boxes[-1].bottom
        used: list[Block] = []
        for nxt in blocks[bi + 1:bi + 1 + SUBTITLE_BLOCKS]:
            if not nxt.lines:
                continue
            ntext = self._text(nxt)[0]
            nl = nxt.lines[0]
            if (detect(ntext) != "en" or any(is_cjk_ideograph(c) for c in ntext)
                    or nl.page != rec.page or ntext.endswith(".")):
                break
            if nxt.heading and _numbers_apart(hd.split_number(ntext)[0], rec.number):
                break  # a heading numbered for itself ("10.1.1" under "10.1") opens a section
            if any(self.ds.is_listing(l) or self.ds.in_listing(l) for l in nxt.lines):
                break  # a code listing under a label ("例子：") is the example it introduces
                # (typewriter lines without ideographs make one even where the text is set
                # in a fixed-pitch CJK face: FOP's xss README under "在 Node.js 中使用")
            if _BULLET_OPEN.match(ntext):
                break  # a bulleted line is an item of a list the heading (返回：) introduces
            gap = nl.top - bottom
            if style is None:
                apart = (nxt.heading or ntext.isupper() or nl.size < SMALLER_SHARE * self.body
                         or (nl.colour != self.body_colour and nl.colour is not None)
                         or not self.ds.is_body(nl))
                if not apart or gap > SUBTITLE_GAP_EM * rec.size or len(nxt.lines) > SUBTITLE_MAX_LINES:
                    break
                style = (round(nl.size, 1), nl.colour)
            elif (round(nl.size, 1), nl.colour) != style or gap > SUBTITLE_LINE_GAP_EM * nl.size:
                break
            texts.append(ntext)
            used.append(nxt)
            bottom = nxt.lines[-1].bottom
            if sum(len(t) for t in texts) > SUBTITLE_MAX_CHARS:
                return
        if not texts:
            return
        text = ""
        for t in texts:
            text = join2(text, t)
        rec.subs.append(Subtitle("en", text))
        rec.sub_boxes = [Box(l.page, l.x0, l.top, l.x1, l.bottom) for u in used for l in u.lines]
        for u in used:
            u.lines = []  # consumed

    def _title_texts(self) -> list[str]:
        """What the document calls its title: metadata (each side of a ' / '), the cover
        title and the other large lines of the first page above its running text (the
        large lines after it are the headings of a text that starts on that page: an
        article printed from the web, a note without a title page)."""
        out = []
        for t in (self.doc.title, self.meta_title):
            if t:
                out.append(t)
                out.extend(x for x in re.split(r"\s+/\s+|\n", t) if x.strip())
        if self.lines:
            p1 = self.lines[0].page
            first = [l for l in self.lines if l.page == p1]
            running = {id(l) for l in first if running_line(l.text)} | {
                id(l) for l in running_text(first) if abs(l.size - self.body) < SIZE_TOLERANCE}
            text_at = next((i for i, l in enumerate(first) if id(l) in running), None)
            # a title stands before the contents: a large line after the contents' title
            # (a contents list left out, the first heading under its title) is a heading
            toc_at = next((i for i, l in enumerate(first) if contents_title(l.text)), None)
            if toc_at is not None and (text_at is None or toc_at < text_at):
                text_at = toc_at
            # (the contents' title is no title, nor a line in the face of later headings)
            big = [l for l in first[:text_at] if l.size >= TITLE_RATIO * self.body
                   and not contents_title(l.text) and not heading_face(self.lines, first, [l], running)]
            if len(big) >= 2 and text_at is not None and first[text_at - 1] is big[-1] \
                    and first[text_at - 2] is big[-2] and stands_apart(big[-2], big[-1], self.ds):
                big = big[:-1]  # the first heading, in the title's face, over the text
            out.extend(l.text for l in big)
            if big:
                text = ""
                for l in big:
                    text = join2(text, l.text)
                out.append(text)
        return out

    def _text(self, b: Block, breaks: list[PageBreak] | None = None
              ) -> tuple[str, list[tuple[int, Sup, Line]]]:
        """The block's text and its note markers; ``breaks`` (if given) receives where the
        text moves on to another page."""
        if breaks is None:
            hit = self._texts.get(id(b))
            if hit is not None and hit[0] is b and hit[1] is b.lines:
                return hit[2]
        text = ""
        marks: list[tuple[int, Sup, Line]] = []
        page = b.lines[0].page if b.lines else 0
        if self._is_code(b):
            # a listing keeps its lines and their indentation (no hyphen is undone, no
            # line joined to the next: code is read line by line)
            text = code_text(b.lines)
            if breaks is None:
                self._texts[id(b)] = (b, b.lines, (text, marks))
            return text, marks
        for l in b.lines:
            raw = l.text
            lead = len(raw) - len(raw.lstrip())
            piece = raw.strip()
            if not piece:
                for s in l.sups:
                    marks.append((len(text), s, l))
                continue
            text = join2(text, piece, self.words) if text else piece
            start = len(text) - len(piece)
            if l.page != page:
                page = l.page
                if breaks is not None and text:
                    if breaks and breaks[-1].offset == start:
                        breaks[-1] = PageBreak(start, page)
                    else:
                        breaks.append(PageBreak(start, page))
            for s in l.sups:
                marks.append((min(len(text), start + max(0, s.offset - lead)), s, l))
        if breaks is None:
            self._texts[id(b)] = (b, b.lines, (text, marks))
        return text, marks

    def _is_code(self, b: Block) -> bool:
        """Is the block a code listing: every line a line of code beside its neighbours in
        the block (see :func:`.listings.is_code`)?"""
        ls = b.lines
        return bool(ls) and not b.heading and all(
            is_code(l, self.ds, ls[i - 1] if i else None, ls[i + 1] if i + 1 < len(ls) else None)
            for i, l in enumerate(ls))

    # -- notes, tables ------------------------------------------------------------------
    def _footnotes(self) -> dict[tuple[int, str], int]:
        return {(n.page, n.label): i for i, n in enumerate(self.notes)}

    def _link(self, label: str, page: int, note_ids: dict[tuple[int, str], int]) -> str | None:
        """The note a callout on ``page`` calls: a footnote on its page or the next (or,
        for the published report's sake, a page around), else the first endnote with its
        label after it."""
        for d in (0, 1, -1, 2, -2):
            i = note_ids.get((page + d, label))
            if i is not None and self.notes[i].place == "foot":
                return self._note_id(i)
        for i, n in enumerate(self.notes):
            if n.place == "end" and n.label == label and n.page >= page:
                return self._note_id(i)
        return None

    def _note_id(self, i: int) -> str:
        if not hasattr(self, "_nid"):
            taken: set[str] = set()
            self._nid = []
            for n in self.notes:
                d = detect(n.text)
                stream = d if self.bilingual and d in ("zh", "en") else self.main
                own = own_lang(n.text, stream)
                # the id keeps the stream the note is printed in; lang is the note's own
                self._nid.append((ids.dedupe(ids.footnote_id(stream, n.label), taken), own))
        return self._nid[i][0]

    def _emit_footnotes(self, note_ids: dict[tuple[int, str], int], taken: set[str]) -> None:
        if not self.notes:
            return
        # the citation grammar (61 patterns: 0.07 s of CPU to compile with the command
        # line's memo of character classes, pariter.patterns; 0.3 s without) is loaded by
        # the first document with notes, not by every process that imports extraction
        from .citations import author_date_notes, date_order, parse_citations as parse

        order = date_order([n.text for n in self.notes])
        author_date = author_date_notes([n.text for n in self.notes])
        for i, n in enumerate(self.notes):
            fid = self._note_id(i)
            lang = self._nid[i][1]
            taken.add(fid)
            try:
                cites = parse(n.text, n.italics, order, author_date)
            except Exception as exc:  # a citation parser bug must not lose the note: the
                # note is kept with no parsed citation and the failure is reported
                self.warnings.append(Warning("citation_parse", f"note {n.label}: {exc}", n.page))
                cites = []
            self.doc.footnotes.append(Footnote(fid, n.label, n.text, n.page, lang, n.pages,
                                               n.boxes, cites, "end" if n.place == "end" else "foot"))

    def _emit_tables(self, taken: set[str]) -> None:
        n = 0
        for page, t in self.tables:
            n += 1
            lang = self.main
            sec = self._section_at(page, lang)
            tid = ids.dedupe(f"{lang}.t{n}", taken)
            self.doc.tables.append(Table(tid, page, lang, sec, t.rows,
                                         Box(page, t.x0, t.top, t.x1, t.bottom)))

    def _section_at(self, page: int, lang: str) -> str:
        best = None
        for s in self.doc.sections:
            if s.lang == lang and s.page <= page:
                best = s.id
        if best is None:
            best = f"{lang}.front"
            if not any(s.id == best for s in self.doc.sections):
                self.doc.sections.insert(0, Section(best, 0, None, None, None, page, lang))
        return best



def _stream(text: str, main: str) -> str:
    """The stream a unit of a bilingual document goes to: Chinese when it has ideographs
    as many as a tenth of its letters, however heavy with English terms ("MINCATWIDTH
    宽度", "manpath - 格式化 /etc/manpath.config 文件"): an English text holds almost none
    (the rule :func:`~pariter.extract.lang.own_lang` keeps a Chinese unit in a Chinese
    stream by) or Chinese punctuation, which no English text is written with; English when
    it has letters; ``main`` when it has neither."""
    ideo, latin = detect_weight(text)
    ideo += chinese_punctuation(text)
    if ideo >= STREAM_MIN_IDEOGRAPHS and ideo * FOREIGN_IDEOGRAPH_LETTERS >= latin:
        return "zh"
    if ideo == 0 and latin == 0:
        return main
    return lang_of_weight(ideo, latin)


def _fold(text: str) -> str:
    """A block's text for comparing two printings of it: letters and digits only."""
    return "".join(c for c in text if c.isalnum()).casefold()


def _side_by_side(blocks: list[tuple[Block, str]]) -> bool:
    """Are Chinese and English set in columns of their own, side by side on the page?

    Read column by column, such a document switches language once a page, as a Chinese
    report quoting English passages might; what tells it apart is that on most of its pages
    the blocks of one language stand left of a line and those of the other right of it
    (a passage the translation left in English sits in the Chinese column: most, not all);
    the Chinese paper whose reference list runs on in the second column has that on its
    last page at most."""
    pages: dict[int, list[tuple[str, float, float]]] = {}
    for b, lang in blocks:
        if lang in ("zh", "en"):
            pages.setdefault(b.lines[0].page, []).append(
                (lang, min(l.x0 for l in b.lines), max(l.x1 for l in b.lines)))
    apart = 0
    for spans in pages.values():
        mid = {lang: sorted((x0 + x1) / 2 for lg, x0, x1 in spans if lg == lang)
               for lang in ("zh", "en")}
        if not mid["zh"] or not mid["en"]:
            continue
        cz, ce = mid["zh"][len(mid["zh"]) // 2], mid["en"][len(mid["en"]) // 2]
        split = (cz + ce) / 2
        left = "zh" if cz < ce else "en"
        placed = sum(1 for lg, x0, x1 in spans if (x1 <= split if lg == left else x0 >= split))
        apart += placed >= SIDE_PLACED_SHARE * len(spans)
    return bool(pages) and apart >= BILINGUAL_SIDE_PAGES * len(pages)


def _translated_in_place(blocks: list[tuple[str, Block, tuple[int, int], str]]) -> bool:
    """Does the document print each passage of one language beside its translation in the
    other, however much of it is left untranslated? (A bilingual manual whose translator
    did a third of it: its Chinese blocks are few, each followed by its English.)

    The evidence is the text itself, not a share: the language with fewer blocks has at
    least :data:`PAIRED_MIN` of them that end a sentence and stand next to a block of the
    other language that ends one too, as long as a translation would be
    (:data:`TRANSLATION_LETTERS`; a line of code ends in ";" or a bracket); they
    are most of its blocks, and they stand on at least half the pages that hold text. A
    Chinese paper with its English title and abstract has them on its first page only; a
    Chinese manual's English commands, option names and references are no sentences, or
    far shorter than the Chinese beside them."""
    seq = [(t, b, w, x) for t, b, w, x in blocks if x in ("zh", "en")]
    count = Counter(x for *_, x in seq)
    if not count["zh"] or not count["en"]:
        return False
    few = "zh" if count["zh"] <= count["en"] else "en"
    lo, hi = TRANSLATION_LETTERS
    paired_pages: set[int] = set()
    paired = 0
    for k, (t, b, w, x) in enumerate(seq):
        if x != few or not t.rstrip(_CLOSERS_ALL).endswith(_SENTENCE_ENDS):
            continue
        for n in (k - 1, k + 1):
            if (not 0 <= n < len(seq) or seq[n][3] == few
                    or not seq[n][0].rstrip(_CLOSERS_ALL).endswith(_SENTENCE_ENDS)):
                continue
            wz, we = (w, seq[n][2]) if few == "zh" else (seq[n][2], w)
            if wz[0] and lo * wz[0] <= we[1] <= hi * wz[0]:
                paired += 1
                paired_pages.add(b.lines[0].page)
                break
    pages = {b.lines[0].page for _, b, _, _ in seq}
    return (paired >= PAIRED_MIN and 2 * paired > count[few]
            and 2 * len(paired_pages) >= len(pages))


#: What ends a sentence, and what may close after its end.
_SENTENCE_ENDS = tuple("。！？.!?")
_CLOSERS_ALL = "”’」』)）\"' "


def _boxes(lines: list[Line]) -> list[Box]:
    out: list[Box] = []
    for l in lines:
        b = Box(l.page, l.x0, l.top, l.x1, l.bottom)
        if (out and out[-1].page == b.page and abs(out[-1].x0 - b.x0) < BOX_COLUMN_PT
                and b.top >= out[-1].top):
            out[-1] = out[-1].union(b)
        else:
            out.append(b)
    return out


_IDEO_CH = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
_LABEL = re.compile(
    rf"^\s*(?P<zh>[{_IDEO_CH}](?:[{_IDEO_CH}、·《》 ]*[{_IDEO_CH}》])?)"
    r"\s*(?P<sep>[/|\uff0f\uff5c])\s*"
    r"(?P<en>[A-Za-z](?:[A-Za-z0-9 '’&\-.,()]*[A-Za-z0-9)])?)\s*$")
_LABEL_STOP = re.compile(r"[。！？；!?;：:]|\.$|\.\s")


def _label_end(text: str, first: Line) -> int | None:
    """Where the run-in label of the block's first line (:func:`.lines._lead_run`) ends
    in the paragraph's ``text`` (from which a clause number or a bullet may have been cut:
    ``2.1.1 Modules.`` leaves ``Modules.``)."""
    if not first.lead_run:
        return None
    head = first.text[:first.lead_run].strip()
    t = text.lstrip()
    for k in range(len(head)):
        if k and not head[k - 1].isspace():
            continue  # a word's start only
        h = head[k:].strip()
        if h and t.startswith(h):
            end = len(text) - len(t) + len(h)
            return end if text[end:].strip() else None
    return None


def _split_label(text: str) -> tuple[str, str, int, int] | None:
    """A bilingual label: a short line that is a Chinese phrase, a slash or bar, and its
    English ("工作组联系方式/Contact us"). Returns (Chinese half, English half, start and
    end of the separator character in ``text``), or None for anything else: a Chinese
    sentence with English words in it has no separator, "GPT-3.5/GPT-4", "AI/ML" or
    "2023/11" have no Chinese half, and a line with sentence punctuation is no label."""
    t = text.strip()
    if len(t) > LABEL_MAX_CHARS or _LABEL_STOP.search(t):
        return None
    m = _LABEL.match(text)
    if m is None:
        return None
    zh, en = m.group("zh").strip(), m.group("en").strip()
    if sum(c.isalpha() and c.isascii() for c in en) < LABEL_MIN_LETTERS:
        return None
    return zh, en, m.start("sep"), m.end("sep")


def _em(c: str) -> float:
    """A glyph's rough advance in ems: full width for CJK and full-width forms."""
    o = ord(c)
    if is_cjk_ideograph(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFF60:
        return 1.0
    return SPACE_ADVANCE_EM if c.isspace() else HALF_ADVANCE_EM


def _split_box(l: Line, text: str, s0: int, s1: int) -> tuple[Box, Box]:
    """The line's box cut at the separator ``text[s0:s1]``: the part before it and the
    part after it. Lines keep no glyph positions, so the cut is placed by the glyphs'
    rough widths (full-width CJK, half-width Latin) in proportion to the line's width."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    a, b = max(0, s0 - lead), max(0, s1 - lead)
    total = sum(_em(c) for c in body) or 1.0

    def x(upto: str) -> float:
        return l.x0 + (l.x1 - l.x0) * sum(_em(c) for c in upto) / total

    # the spaces around the separator belong to neither half
    xa_end = x(body[:a].rstrip())
    rest = body[b:]
    xb_start = x(body[:b] + rest[:len(rest) - len(rest.lstrip())])
    return (Box(l.page, l.x0, l.top, xa_end, l.bottom),
            Box(l.page, xb_start, l.top, l.x1, l.bottom))


def _is_cjk_text(t: str) -> bool:
    return detect(t) == "zh"
