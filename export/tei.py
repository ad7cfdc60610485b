"""TEI P5 export: one document, or two documents and their alignment, as one TEI file.

Layout (valid against ``tei_all``, TEI P5 4.3.0; the tests validate it)::

    TEI
      teiHeader
        fileDesc   titleStmt/title (one per document), publicationStmt,
                   sourceDesc/listBibl/bibl per source PDF (idno sha256, extent/measure pages)
        encodingDesc  appInfo/application (pariter + version), refsDecl/citeStructure,
                      classDecl/taxonomy of the alignment flags
        profileDesc/langUsage
      text                                   one language stream, or
      text/group/text[@xml:lang] ×2          a pair (or the two streams of a bilingual doc)
        body  div[@type=section @n @xml:id] (nested) / head, head[@type=sub]
                div[@type=clause @n @xml:id] / p[@xml:id] / s[@xml:id]
                pb[@n] where the physical page changes; ref[@type=noteAnchor] at markers
                table/row/cell
        back  div[@type=notes]/note[@place=bottom @n @xml:id] (+ bibl per parsed citation)
      standOff                               a pair only
        joinGrp/join   one per multi-unit side of a link
        linkGrp[@type=alignment @subtype=LEVEL]
          link[@type=LEVEL @target="#src #tgt" @cert @ana="#flag…"]
          ptr[@type=unaligned @subtype=src|tgt]   a link with one empty side

Decisions worth knowing:

* ``xml:id`` is the document's unit id unchanged (ids are NCNames by construction). When
  the two documents of a pair share ids (two documents in the same language) every id of
  each side is prefixed ``<document id>.``; ids we make up start with ``_`` so they never
  meet a unit id.
* Citation: ``refsDecl/citeStructure`` resolves ``6.05`` to clause 05 of section 06 —
  top-level sections carry ``n`` as the printed number without leading zeros (``6``,
  ``A``), clauses carry their printed number (``05``). In a pair the reference resolves to
  the clause in both languages (one node per ``text``).
* Page breaks: ``pb/@n`` is the 1-based physical page (the model's page numbers, never
  the printed label), emitted before the first unit, and then whenever a heading,
  paragraph, sentence or table starts on a later page than the last one seen. A paragraph
  continued on the next page gets its ``<pb/>`` at the exact character where the page
  changes (``Paragraph.page_breaks``), inside the ``<s>`` it falls in — or between two
  ``<s>`` when the break falls on a sentence boundary. Pages never go backwards.
* Link flags are pointers to ``category`` elements in the header (``ana="#_flag.omission"``),
  the score is ``cert`` (a probability, four decimals).
* A translator's corrections (``Link.resp``/``Link.checked``) use TEI's responsibility
  mechanism: a ``titleStmt/respStmt[@xml:id]`` per person, ``@resp`` on each link they
  made or checked (att.global.responsibility, which the Guidelines recommend pointing at
  a ``respStmt``), and ``revisionDesc/change[@who @status @target]`` listing the links
  each person checked (``status="checked"``) or made by hand (``status="corrected"``);
  such links carry ``xml:id="_link.N"`` (N: position in the alignment) to be targeted.
* Bytes are deterministic: document order from the model, no dates, no paths beyond the
  source file name.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import Iterable

from lxml import etree

from pariter.export.common import heading_markers
from pariter.ids import number_parts
from pariter.model import (FLAGS, LINK_LEVELS, Alignment, Clause, Document, Footnote,
                           Heading, Marker, Paragraph, Section, Sentence, Table)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: TEI_NS}

#: Elements whose content we generate as elements only: safe to indent. Everything else
#: (p, s, head, note, cell, title …) is mixed content and keeps its whitespace exactly.
_STRUCTURAL = {"TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc",
               "listBibl", "encodingDesc", "appInfo", "application", "refsDecl",
               "citeStructure", "classDecl", "taxonomy", "category", "profileDesc",
               "langUsage", "text", "group", "body", "back", "div", "standOff", "linkGrp",
               "joinGrp", "table", "row", "extent", "respStmt", "revisionDesc"}

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _x(text: str | None) -> str:
    """Text safe for XML 1.0 (control characters dropped)."""
    return _INVALID_XML.sub("", text or "")


def _el(parent: etree._Element | None, tag: str, text: str | None = None,
        **attrs: str | None) -> etree._Element:
    attrib = {}
    for k, v in attrs.items():
        if v is None:
            continue
        key = {"xml_id": XML_ID, "xml_lang": XML_LANG}.get(k, k)
        attrib[key] = _x(str(v))
    tag = f"{{{TEI_NS}}}{tag}"
    el = etree.Element(tag, attrib, nsmap=NSMAP) if parent is None else \
        etree.SubElement(parent, tag, attrib)
    if text:
        el.text = _x(text)
    return el


def _append_text(parent: etree._Element, text: str) -> None:
    """Append text at the end of ``parent``'s content (after its last child)."""
    if not text:
        return
    text = _x(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def section_n(number: str | None) -> str | None:
    """``n`` of a section div: the printed number's last token without leading zeros
    (``"06"`` → ``"6"``, ``"2.3"`` → ``"3"``, ``"附录A"`` → ``"A"``); None if unnumbered."""
    parts = number_parts(number)
    if not parts:
        return None
    tok = parts[-1]
    return str(int(tok)) if tok.isdigit() else tok


def clause_n(number: str) -> str:
    """``n`` of a clause div: the printed number as a two-digit token (``"05"``)."""
    parts = number_parts(number)
    return parts[-1] if parts else unicodedata.normalize("NFKC", number).strip()


def _uri(url: str) -> str:
    """A URL as a valid anyURI: spaces and other unsafe characters percent-encoded."""
    kept = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url.strip())  # a lone % is no escape
    return urllib.parse.quote(kept, safe=":/?#[]@!$&'()*+,;=%~-._")


_ANY_URI: etree.XMLSchema | None = None


def _is_any_uri(value: str) -> bool:
    """Whether libxml2, which validates ``@target`` against tei_all, takes ``value`` as an
    anyURI (``:``, ``http://[`` or a second ``#`` are not): asked of libxml2 itself rather
    than of a grammar written here."""
    global _ANY_URI
    if _ANY_URI is None:
        _ANY_URI = etree.XMLSchema(etree.XML(
            b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
            b'<xs:element name="u" type="xs:anyURI"/></xs:schema>'))
    el = etree.Element("u")
    el.text = value
    return _ANY_URI.validate(etree.ElementTree(el))


def _basename(path: str) -> str:
    return PureWindowsPath(path).name if "\\" in path else PurePosixPath(path).name


# -- the header -------------------------------------------------------------------------
def _version() -> str:
    try:
        from pariter import __version__
        return __version__
    except Exception:  # pragma: no cover - an uninstalled tree
        return "0.0.0"


def _header(docs: list[Document], alignment: Alignment | None) -> etree._Element:
    header = _el(None, "teiHeader")
    fd = _el(header, "fileDesc")
    ts = _el(fd, "titleStmt")
    seen: set[str] = set()
    for d in docs:
        if d.id in seen:
            continue
        seen.add(d.id)
        _el(ts, "title", d.title or d.id, type="main",
            xml_lang=d.langs[0] if len(d.langs) == 1 else None)
    if alignment is not None:
        _el(ts, "title", f"{alignment.source.document} ({alignment.source.lang}) aligned with "
                         f"{alignment.target.document} ({alignment.target.lang})", type="sub",
            xml_lang="en")
        for name, rid in resp_ids(alignment).items():
            rs = _el(ts, "respStmt", xml_id=rid)
            _el(rs, "resp", "corrected and checked the alignment")
            _el(rs, "name", name)
    ps = _el(fd, "publicationStmt")
    _el(ps, "p", "Generated by pariter from the source PDFs listed in the source description; "
                 "unit ids are stable and citable.")
    sd = _el(fd, "sourceDesc")
    lb = _el(sd, "listBibl")
    seen = set()
    for d in docs:
        if d.id in seen:
            continue
        seen.add(d.id)
        b = _el(lb, "bibl", xml_id=f"_src.{d.id}")
        _el(b, "title", d.title or d.id)
        _el(b, "idno", d.id, type="pariter")
        _el(b, "idno", _basename(d.source.path), type="filename")
        _el(b, "idno", d.source.sha256, type="sha256")
        ext = _el(b, "extent")
        _el(ext, "measure", f"{d.source.pages} pages", unit="pages",
            quantity=str(d.source.pages))
        if d.langs:
            _el(b, "textLang", ", ".join(d.langs), mainLang=d.langs[0],
                otherLangs=" ".join(d.langs[1:]) or None)

    ed = _el(header, "encodingDesc")
    ai = _el(ed, "appInfo")
    app = _el(ai, "application", ident="pariter", version=_version())
    _el(app, "label", "pariter")
    gens: list[tuple[str, str, str]] = []
    for d in docs:
        if d.generator:
            gens.append(("extraction", d.generator.name, d.generator.version))
    if alignment is not None and alignment.generator:
        gens.append(("alignment", alignment.generator.name, alignment.generator.version))
    if alignment is not None:
        _el(app, "desc", f"alignment model: {alignment.model.name} "
                         f"(dimension {alignment.model.dim})")
    for role, name, version in sorted(set(gens)):
        _el(app, "desc", f"{role}: {name} {version}")

    rd = _el(ed, "refsDecl")
    top = _el(rd, "citeStructure", unit="section", match="//body/div[@type='section']",
              use="@n")
    _el(top, "citeStructure", unit="clause", delim=".", match=".//div[@type='clause']",
        use="@n")
    if alignment is not None:
        cd = _el(ed, "classDecl")
        tax = _el(cd, "taxonomy", xml_id="_flags")
        _el(tax, "desc", "What a translator should look at in an alignment link.")
        for f in FLAGS:
            cat = _el(tax, "category", xml_id=f"_flag.{f}")
            _el(cat, "catDesc", f)
    pd = _el(header, "profileDesc")
    lu = _el(pd, "langUsage")
    langs: list[str] = []
    for d in docs:
        for lang in d.langs:
            if lang not in langs:
                langs.append(lang)
    names = {"zh": "Chinese", "en": "English"}
    for lang in langs:
        _el(lu, "language", names.get(lang, lang), ident=lang)
    if alignment is not None and resp_ids(alignment):
        _revisions(header, alignment)
    return header


# -- a translator's corrections ---------------------------------------------------------
def resp_ids(alignment: Alignment) -> dict[str, str]:
    """Each person responsible for a link (``Link.resp``) → the ``xml:id`` of their
    ``<respStmt>``, numbered in order of name so the bytes are stable."""
    names = sorted({link.resp for link in alignment.links if link.resp})
    return {name: f"_resp.{i}" for i, name in enumerate(names, 1)}


def link_id(index: int) -> str:
    """``xml:id`` of the ``index``-th (0-based) link of the alignment, for ``change/@target``."""
    return f"_link.{index + 1}"


def _revisions(header: etree._Element, alignment: Alignment) -> None:
    """TEI's record of who did what to the text: per person, one ``<change>`` listing the
    links they checked (``status="checked"``) and one the links they made by hand and did
    not mark checked (``status="corrected"``); each link also points at its person with
    ``@resp`` (att.global.responsibility)."""
    rd = _el(header, "revisionDesc")
    for name, rid in resp_ids(alignment).items():
        for status, want, what in (("checked", True, "checked"),
                                   ("corrected", False, "made by hand, not yet checked")):
            ids = [link_id(i) for i, link in enumerate(alignment.links)
                   if link.resp == name and link.checked is want]
            if ids:
                _el(rd, "change", f"alignment links {what} by {name}", who="#" + rid,
                    status=status, target=" ".join("#" + x for x in ids))


# -- one language stream -------------------------------------------------------------------
@dataclass
class _Stream:
    doc: Document
    lang: str
    prefix: str = ""   # prepended to every id of this stream

    def xid(self, uid: str) -> str:
        return f"{self.prefix}{uid}"


@dataclass
class _Pages:
    """Emits ``<pb>`` whenever content starts on a later page than the last one seen."""

    current: int = 0

    def at(self, parent: etree._Element, page: int | None) -> None:
        if page is not None and page > self.current:
            self.current = page
            _el(parent, "pb", n=str(page))


@dataclass
class _Ctx:
    stream: _Stream
    pages: _Pages = field(default_factory=_Pages)
    markers: dict[str, list[Marker]] = field(default_factory=dict)
    #: callouts printed in headings, by heading id (export.common.heading_markers)
    heading_markers: dict[str, list[Marker]] = field(default_factory=dict)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    footnote_ids: set[str] = field(default_factory=set)


def _text_element(parent: etree._Element | None, st: _Stream) -> etree._Element:
    doc = st.doc
    ctx = _Ctx(st)
    for m in doc.markers:
        if m.paragraph is not None:
            ctx.markers.setdefault(m.paragraph, []).append(m)
    for s in doc.sentences:
        ctx.sentences.setdefault(s.paragraph, []).append(s)
    ctx.footnote_ids = {f.id for f in doc.footnotes}
    ctx.heading_markers = heading_markers(doc)

    text = _el(parent, "text", xml_lang=st.lang, n=doc.id)
    body = _el(text, "body")
    _body(body, ctx)
    if doc.footnotes:
        back = _el(text, "back")
        notes = _el(back, "div", type="notes")
        for fn in doc.footnotes:
            _note(notes, fn, st, ctx.sentences.get(fn.id, []))
    return text


def _body(body: etree._Element, ctx: _Ctx) -> None:
    """The section tree, each section's own content in document order."""
    doc = ctx.stream.doc
    sections = {s.id: s for s in doc.sections}
    children: dict[str | None, list[Section]] = {}
    for s in doc.sections:
        parent = s.parent if s.parent in sections and s.parent != s.id else None
        children.setdefault(parent, []).append(s)
    headings = {h.id: h for h in doc.headings}
    heading_of = {h.section: h for h in doc.headings}

    # Position of every paragraph in reading order, and (page, top) keys to place units
    # without paragraphs (tables, empty sections) among them.
    para_index = {p.id: i for i, p in enumerate(doc.paragraphs)}
    para_keys = [(p.page, p.boxes[0].top if p.boxes else 0.0) for p in doc.paragraphs]
    # bisect needs sorted keys; reading order is page order in practice, enforce it
    sorted_keys = sorted(para_keys)

    def pos_of_place(page: int, top: float) -> float:
        return bisect.bisect_right(sorted_keys, (page, top)) - 0.5

    # first paragraph position of each section subtree
    own_paras: dict[str | None, list[Paragraph]] = {}
    for p in doc.paragraphs:
        own_paras.setdefault(p.section if p.section in sections else None, []).append(p)
    first_pos: dict[str, float] = {}

    def subtree_first(sid: str) -> float:
        if sid in first_pos:
            return first_pos[sid]
        first_pos[sid] = float("inf")  # guards a cycle
        cands = [para_index[p.id] for p in own_paras.get(sid, [])]
        cands += [subtree_first(c.id) for c in children.get(sid, [])]
        best = min(cands) if cands else float("inf")
        if best == float("inf"):
            sec = sections[sid]
            best = pos_of_place(sec.page, -1.0)
        first_pos[sid] = best - 0.25  # the heading comes before its first paragraph
        return first_pos[sid]

    clauses_in: dict[str | None, list[Clause]] = {}
    for c in doc.clauses:
        clauses_in.setdefault(c.section if c.section in sections else None, []).append(c)
    tables_in: dict[str | None, list[Table]] = {}
    for t in doc.tables:
        tables_in.setdefault(t.section if t.section in sections else None, []).append(t)
    clause_ids = {c.id for c in doc.clauses}
    paras_by_id = {p.id: p for p in doc.paragraphs}

    def fill(container: etree._Element, sid: str | None) -> None:
        items: list[tuple[float, int, str, object]] = []
        for i, p in enumerate(own_paras.get(sid, [])):
            if p.clause in clause_ids:
                continue  # written inside its clause
            items.append((para_index[p.id], 0, "p", p))
        for c in clauses_in.get(sid, []):
            ps = [para_index[pid] for pid in c.paragraphs if pid in para_index]
            key = min(ps) if ps else pos_of_place(c.page, -1.0)
            items.append((key, 1, "clause", c))
        for t in tables_in.get(sid, []):
            key = pos_of_place(t.page, t.box.top if t.box else 1e9)
            items.append((key, 2, "table", t))
        for s in children.get(sid, []):
            items.append((subtree_first(s.id), 3, "section", s))
        items.sort(key=lambda it: (it[0], it[1]))

        # TEI: once a div starts inside a div, only divs may follow; loose content after
        # a div goes into an untyped continuation div.
        target = container
        seen_div = False
        for _, _, kind, obj in items:
            if kind in ("clause", "section"):
                seen_div = True
                target = container
                if kind == "clause":
                    _clause(container, obj, ctx, paras_by_id)  # type: ignore[arg-type]
                else:
                    sec: Section = obj  # type: ignore[assignment]
                    div = _el(container, "div", type="section", n=section_n(sec.number),
                              xml_id=ctx.stream.xid(sec.id))
                    h = headings.get(sec.heading or "") or heading_of.get(sec.id)
                    ctx.pages.at(div, h.page if h else sec.page)
                    if h is not None:
                        _head(div, h, ctx)
                    fill(div, sec.id)
                    if len(div) == 0 or all(etree.QName(e).localname in ("head", "pb")
                                            for e in div):
                        _el(div, "p")  # TEI needs some content after the head
            else:
                if seen_div and target is container:
                    target = _el(container, "div", type="continuation")
                if kind == "p":
                    _para(target, obj, ctx)  # type: ignore[arg-type]
                else:
                    _table(target, obj, ctx)  # type: ignore[arg-type]

    fill(body, None)
    if len(body) == 0:
        _el(body, "p")


def _anchor(into: etree._Element, m: Marker, ctx: _Ctx) -> None:
    """A note's callout: a ref to the note (its target when the note is in the text)."""
    target = None
    if m.footnote is not None and m.footnote in ctx.footnote_ids:
        target = "#" + ctx.stream.xid(m.footnote)
    _el(into, "ref", type="noteAnchor", n=m.label, target=target,
        xml_id=ctx.stream.xid(m.id))


def _head(div: etree._Element, h: Heading, ctx: _Ctx) -> None:
    head = _el(div, "head", h.text, xml_id=ctx.stream.xid(h.id))
    for m in ctx.heading_markers.get(h.id, []):
        _anchor(head, m, ctx)
    for sub in h.subtitles:
        if sub.text.strip():
            _el(div, "head", sub.text, type="sub", xml_lang=sub.lang)


def _clause(parent: etree._Element, c: Clause, ctx: _Ctx,
            paras_by_id: dict[str, Paragraph]) -> None:
    div = _el(parent, "div", type="clause", n=clause_n(c.number), xml_id=ctx.stream.xid(c.id))
    written = False
    for pid in c.paragraphs:
        p = paras_by_id.get(pid)
        if p is not None:
            _para(div, p, ctx)
            written = True
    # paragraphs that name the clause but are missing from its list
    for p in ctx.stream.doc.paragraphs:
        if p.clause == c.id and p.id not in c.paragraphs:
            _para(div, p, ctx)
            written = True
    if not written:
        ctx.pages.at(div, c.page)
        _el(div, "p", c.text)


def _para(parent: etree._Element, p: Paragraph, ctx: _Ctx) -> None:
    ctx.pages.at(parent, p.page)
    el = _el(parent, "p", xml_id=ctx.stream.xid(p.id))
    text = p.text
    n = len(text)
    # sentences in order, dropping any that overlap the previous one or fall outside
    sents: list[Sentence] = []
    end = 0
    for s in sorted(ctx.sentences.get(p.id, []), key=lambda s: (s.start, s.end)):
        if s.start >= end and s.start < s.end <= n:
            sents.append(s)
            end = s.end
    markers = sorted((m for m in ctx.markers.get(p.id, [])),
                     key=lambda m: (m.offset if m.offset is not None else n, m.id))
    # page breaks inside the paragraph, in text order; one at 0 or past the end is the
    # paragraph's own start page (already emitted before the <p>) or no break at all
    breaks = sorted(((b.offset, b.page) for b in p.page_breaks if 0 < b.offset < n))

    def anchor(into: etree._Element, m: Marker) -> None:
        _anchor(into, m, ctx)

    def write(into: etree._Element, a: int, b: int, last: bool, gap: bool = False) -> None:
        """Text a..b into ``into`` with the markers whose offset lies in [a, b)
        (or [a, b] for the last span, so a marker at the very end lands there) and the
        page breaks whose offset lies in [a, b) — or [a, b] for a ``gap`` between
        sentences, so a page that starts with a sentence gets its ``<pb/>`` before the
        ``<s>``. A marker and a break at the same offset: the marker first (it closes
        the text before it)."""
        pos = a
        while True:
            m_off = None
            if markers:
                m_off = markers[0].offset
                m_off = n if m_off is None else min(max(m_off, 0), n)
                if m_off < a or m_off > b or (m_off == b and not last):
                    m_off = None
            b_off = None
            while breaks and breaks[0][0] < a:  # behind us (overlapping sentences dropped)
                ctx.pages.at(into, breaks.pop(0)[1])
            if breaks and (breaks[0][0] < b or (breaks[0][0] == b and gap)):
                b_off = breaks[0][0]
            if m_off is None and b_off is None:
                break
            if b_off is None or (m_off is not None and m_off <= b_off):
                _append_text(into, text[pos:m_off])
                anchor(into, markers.pop(0))
                pos = m_off
            else:
                _append_text(into, text[pos:b_off])
                ctx.pages.at(into, breaks.pop(0)[1])
                pos = b_off
        _append_text(into, text[pos:b])

    pos = 0
    for i, s in enumerate(sents):
        write(el, pos, s.start, last=False, gap=True)
        ctx.pages.at(el, s.page)  # a sentence's page where no break says otherwise
        sel = _el(el, "s", xml_id=ctx.stream.xid(s.id))
        # a marker right after a sentence's last character belongs to that sentence
        is_last = i == len(sents) - 1 and s.end == n
        write(sel, s.start, s.end, last=is_last or _marker_at(markers, s.end, n))
        pos = s.end
    write(el, pos, n, last=True, gap=True)


def _marker_at(markers: list[Marker], off: int, n: int) -> bool:
    return bool(markers) and (n if markers[0].offset is None else markers[0].offset) == off


def _table(parent: etree._Element, t: Table, ctx: _Ctx) -> None:
    ctx.pages.at(parent, t.page)
    rows = [r for r in t.rows]
    width = max((len(r) for r in rows), default=0)
    tab = _el(parent, "table", xml_id=ctx.stream.xid(t.id),
              rows=str(len(rows)) if rows else None, cols=str(width) if width else None)
    for r in rows:
        row = _el(tab, "row")
        for cell in r or [""]:  # a <row> holds at least one <cell>
            _el(row, "cell", cell)
    if not rows:
        _el(_el(tab, "row"), "cell")


def _note(parent: etree._Element, fn: Footnote, st: _Stream, sentences: list[Sentence]) -> None:
    """The note's text, its sentences as ``<s>`` (links point at them), then its citations."""
    note = _el(parent, "note", None, place="end" if fn.place == "end" else "bottom",
               n=fn.label, xml_id=st.xid(fn.id))
    pos = 0
    for s in sorted(sentences, key=lambda s: (s.start, s.end)):
        if s.start < pos or not s.start < s.end <= len(fn.text):
            continue  # overlapping or outside the note's text: the text stays plain
        _append_text(note, fn.text[pos:s.start])
        _el(note, "s", fn.text[s.start:s.end], xml_id=st.xid(s.id))
        pos = s.end
    _append_text(note, fn.text[pos:])
    for c in fn.citations:
        b = _el(note, "bibl", type="parsed", subtype=c.style)
        if c.author:
            _el(b, "author", c.author)
        if c.title:
            _el(b, "title", c.title)
        if c.date:
            if _ISO_DATE.fullmatch(c.date):
                _el(b, "date", c.date, when=c.date)
            else:
                _el(b, "date", c.date)
        target = _uri(c.url) if c.url else ""
        if target and not target.startswith("#") and _is_any_uri(target):
            _el(b, "ptr", target=target)  # otherwise the URL stays in the note's text only
        if c.accessed:
            if _ISO_DATE.fullmatch(c.accessed):
                _el(b, "date", c.accessed, type="accessed", when=c.accessed)
            else:
                _el(b, "date", c.accessed, type="accessed")
        if len(b) == 0:
            _el(b, "note", c.raw, type="raw")


# -- the alignment ---------------------------------------------------------------------
def _standoff(alignment: Alignment, src: _Stream, tgt: _Stream) -> etree._Element | None:
    links = list(alignment.links)
    if not links:
        return None
    so = _el(None, "standOff")
    joins: list[tuple[str, list[str]]] = []

    def side(ids: list[str], st: _Stream) -> str:
        refs = ["#" + st.xid(u) for u in ids]
        if len(refs) == 1:
            return refs[0]
        jid = f"_join.{len(joins) + 1}"
        joins.append((jid, refs))
        return "#" + jid

    by_level: dict[str, list[etree._Element]] = {}
    resp = resp_ids(alignment)
    for i, link in enumerate(links):
        items = by_level.setdefault(link.level, [])
        ana = " ".join(f"#_flag.{f}" for f in link.flags if f in FLAGS) or None
        cert = f"{min(max(link.score, 0.0), 1.0):.4f}"
        by = ("#" + resp[link.resp]) if link.resp else None
        xid = link_id(i) if link.resp else None
        if link.src and link.tgt:
            el = _el(None, "link", type=link.level,
                     target=f"{side(link.src, src)} {side(link.tgt, tgt)}", cert=cert, ana=ana,
                     resp=by, xml_id=xid)
        else:
            ids, st, which = (link.src, src, "src") if link.src else (link.tgt, tgt, "tgt")
            el = _el(None, "ptr", type="unaligned", subtype=which,
                     target=" ".join("#" + st.xid(u) for u in ids), cert=cert, ana=ana,
                     resp=by, xml_id=xid)
        items.append(el)
    if joins:
        jg = _el(so, "joinGrp", result="seg")
        for jid, refs in joins:
            _el(jg, "join", xml_id=jid, target=" ".join(refs))
    for level in LINK_LEVELS:
        if level not in by_level:
            continue
        grp = _el(so, "linkGrp", type="alignment", subtype=level)
        for el in by_level[level]:
            grp.append(el)
    return so


# -- public API --------------------------------------------------------------------------
def document_to_tei(doc: Document) -> bytes:
    """One document as TEI: a single ``<text>``, or a ``<group>`` of one ``<text>`` per
    language for a bilingual document."""
    root = _el(None, "TEI")
    root.append(_header([doc], None))
    streams = [_Stream(doc if len(doc.langs) == 1 else doc.stream(lang), lang)
               for lang in (doc.langs or ["und"])]
    if len(streams) == 1:
        _text_element(root, streams[0])
    else:
        text = _el(root, "text")
        group = _el(text, "group")
        for st in streams:
            _text_element(group, st)
    return _serialise(root)


def _view(doc: Document, lang: str) -> Document:
    return doc.stream(lang) if len(doc.langs) > 1 and lang in doc.langs else doc


def pair_streams(src: Document, tgt: Document, alignment: Alignment) -> tuple[_Stream, _Stream]:
    """The two language streams of a pair, with id prefixes when their ids collide."""
    s_doc = _view(src, alignment.source.lang)
    t_doc = _view(tgt, alignment.target.lang)
    s_lang = alignment.source.lang or (src.langs[0] if src.langs else "und")
    t_lang = alignment.target.lang or (tgt.langs[0] if tgt.langs else "und")
    s_ids = {u.id for u in s_doc.units()}
    t_ids = {u.id for u in t_doc.units()}
    sp = tp = ""
    if s_ids & t_ids:
        sp, tp = f"{src.id}.", f"{tgt.id}."
        if sp == tp:
            sp, tp = f"{src.id}.src.", f"{tgt.id}.tgt."
    return _Stream(s_doc, s_lang, sp), _Stream(t_doc, t_lang, tp)


def pair_to_tei(src: Document, tgt: Document, alignment: Alignment) -> bytes:
    """Two documents (or the two streams of one bilingual document, passed twice) and
    their alignment as one TEI file: a ``<group>`` of two ``<text>``s and a ``<standOff>``
    of ``<linkGrp>``s."""
    s, t = pair_streams(src, tgt, alignment)
    root = _el(None, "TEI")
    root.append(_header([src, tgt], alignment))
    text = _el(root, "text")
    group = _el(text, "group")
    _text_element(group, s)
    _text_element(group, t)
    so = _standoff(alignment, s, t)
    if so is not None:
        root.append(so)
    return _serialise(root)


def _indent(el: etree._Element, level: int = 0) -> None:
    """Pretty-print structural elements only; mixed content keeps its exact text."""
    if etree.QName(el).localname not in _STRUCTURAL or len(el) == 0:
        return
    if el.text and el.text.strip():
        return  # mixed content after all
    if any(c.tail and c.tail.strip() for c in el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for c in el:
        _indent(c, level + 1)
        c.tail = pad
    el[-1].tail = "\n" + "  " * level


def _serialise(root: etree._Element) -> bytes:
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def iter_ids(data: bytes) -> Iterable[str]:
    """Every xml:id of a TEI file we wrote (for tests and tools)."""
    for el in etree.fromstring(data).iter():
        if isinstance(el.tag, str) and el.get(XML_ID):
            yield el.get(XML_ID)
