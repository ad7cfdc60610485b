"""The review page: one self-contained HTML file per pair, for a translator to read.

Side by side, source left and target right, in the source's order under its section and
clause headings; one table row per link of the finest level (sentences, usually), its
background coloured by confidence band, flagged links marked with their flags. Above the
table: a checkbox per flag, "only flagged" and a minimum-confidence slider filter the
rows. Footnote markers sit where they stood in the text; hovering, focusing or clicking
one shows its note, and the notes are also listed at the end. Every unit shows its id and
page (the PDF's page, and ``[13]`` the number printed on it where that differs) with a
button copying a citation such as ``wic-report-zh zh.s06.c05 p. 20 (printed p. 14)``.

Each column is headed by its side's title in its own language (a bilingual document's
English stream takes its English title or running header; else ``DOC (lang)``), the
document id and language, and the selected section when the alignment aligned only one
(``select``): that side then shows only that subtree. For two versions in the same
language the link's wording diff is marked inline (``<del>`` on the source side, ``<ins>``
on the target side, a caret where the other side has more), on sentence rows and in a
row under each clause heading (long unchanged runs elided).

CSS and JS are inline, nothing is fetched, every text is HTML-escaped, and the page
writes ``data-ready="1"`` on ``<body>`` once its script has run (script errors are caught
into ``#pariter-errors``), which the headless-browser test reads.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass

from pariter.export.common import (heading_markers, links_at, page_labels, score4,
                                   select_subtree, side_title)
from pariter.export.flagrules import FLAGS_JS, JOIN_JS, page_rules
from pariter.export.tei import _view
from pariter.model import (FLAGS, Alignment, Clause, DiffOp, Document, Footnote, Heading,
                           Link, Marker, Paragraph, Section, Sentence)

BANDS = ((0.8, "high"), (0.6, "mid"), (0.4, "low"), (0.0, "vlow"))


def band(score: float) -> str:
    for lo, name in BANDS:
        if score >= lo:
            return name
    return "vlow"


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


@dataclass
class _Side:
    """One stream of the pair with the lookups the page needs."""

    doc: Document
    lang: str

    def __post_init__(self) -> None:
        d = self.doc
        self.labels = page_labels(d)
        self.units = {u.id: u for u in d.units()}
        self.paras = {p.id: p for p in d.paragraphs}
        self.para_index = {p.id: i for i, p in enumerate(d.paragraphs)}
        self.sections = {s.id: s for s in d.sections}
        self.clauses = {c.id: c for c in d.clauses}
        self.headings = {h.id: h for h in d.headings}
        self.heading_of = {h.section: h for h in d.headings}
        self.footnotes = {f.id: f for f in d.footnotes}
        self.markers: dict[str, list[Marker]] = {}
        for m in d.markers:
            if m.paragraph:
                self.markers.setdefault(m.paragraph, []).append(m)
        #: callouts printed in headings, drawn after the heading's text
        self.heading_markers = heading_markers(d)
        self.clause_of_para = {}
        for c in d.clauses:
            for pid in c.paragraphs:
                self.clause_of_para[pid] = c.id
        for p in d.paragraphs:
            if p.clause and p.clause in self.clauses:
                self.clause_of_para.setdefault(p.id, p.clause)

    def paragraph_of(self, uid: str) -> Paragraph | None:
        u = self.units.get(uid)
        if isinstance(u, Sentence):
            return self.paras.get(u.paragraph)
        if isinstance(u, Paragraph):
            return u
        if isinstance(u, Clause) and u.paragraphs:
            return self.paras.get(u.paragraphs[0])
        return None

    def position(self, uid: str) -> tuple[float, float] | None:
        u = self.units.get(uid)
        p = self.paragraph_of(uid)
        if p is not None:
            return (self.para_index[p.id], float(u.start) if isinstance(u, Sentence) else 0.0)
        if isinstance(u, Section):
            return (self.section_pos(u.id), -3.0 + u.level / 100)
        return None

    def section_pos(self, sid: str) -> float:
        idx = [self.para_index[p.id] for p in self.doc.paragraphs
               if p.section == sid or self._within(p.section, sid)]
        if idx:
            return float(min(idx))
        sec = self.sections[sid]
        later = [i for i, p in enumerate(self.doc.paragraphs) if p.page >= sec.page]
        return float(min(later)) - 0.5 if later else float(len(self.doc.paragraphs))

    def _within(self, sid: str | None, ancestor: str) -> bool:
        seen = set()
        while sid and sid in self.sections and sid not in seen:
            if sid == ancestor:
                return True
            seen.add(sid)
            sid = self.sections[sid].parent
        return False

    def page(self, uid: str) -> int | None:
        u = self.units.get(uid)
        return getattr(u, "page", None)

    def cite(self, uid: str) -> str:
        page = self.page(uid)
        if page is None:
            return f"{self.doc.id} {uid}"
        label = self.labels.get(page)
        printed = f" (printed p. {label})" if label and label != str(page) else ""
        return f"{self.doc.id} {uid} p. {page}{printed}"

    def page_html(self, page: int | None) -> str:
        """``p. 17`` (the PDF's page) and, when the page prints another number, ``[16]``."""
        if page is None:
            return ""
        label = self.labels.get(page)
        printed = (f'<span class="plabel" title="printed page number">[{_e(label)}]</span>'
                   if label and label != str(page) else "")
        return (f'<span class="page" title="physical page {_e(page)} of the PDF">'
                f'p.&#160;{_e(page)}{printed}</span>')

    def rich_text(self, uid: str) -> str:
        """The unit's text, escaped, with its note markers put back as buttons."""
        u = self.units.get(uid)
        if u is None:
            return ""
        text = getattr(u, "text", "") or ""
        if isinstance(u, Sentence):
            base, pid, lo, hi = u.start, u.paragraph, u.start, u.end
        elif isinstance(u, Paragraph):
            base, pid, lo, hi = 0, u.id, 0, len(text)
        else:
            return _e(text)
        para = self.paras.get(pid)
        plen = len(para.text) if para is not None else hi

        def at(m: Marker) -> int:  # a marker without an offset stood at the paragraph's end
            return plen if m.offset is None else m.offset

        # a marker at a sentence boundary belongs to the sentence it ends
        ms = [m for m in self.markers.get(pid, [])
              if lo < at(m) <= hi or at(m) == lo == 0 or isinstance(u, Paragraph)]
        ms.sort(key=lambda m: (at(m), m.id))
        out, pos = [], 0
        for m in ms:
            off = min(max(at(m) - base, 0), len(text))
            out.append(_e(text[pos:off]))
            out.append(self.marker_html(m))
            pos = off
        out.append(_e(text[pos:]))
        return "".join(out)

    def marker_html(self, m: Marker) -> str:
        if m.footnote and m.footnote in self.footnotes:
            return (f'<sup><a class="fnref" href="#note-{_e(m.footnote)}" '
                    f'data-note="{_e(m.footnote)}" title="note {_e(m.label)}">{_e(m.label)}</a></sup>')
        return f'<sup class="fnref missing" title="note {_e(m.label)} not found on the page">{_e(m.label)}</sup>'


def _diff_html(diff: list[DiffOp] | None, which: str, text: str, elide: int = 0) -> str | None:
    """One side of a wording diff, escaped: on the source side what the target drops is
    ``<del>`` and a caret shows where it adds; on the target side what it adds is ``<ins>``
    and a caret shows where the source had more. None when there is nothing to mark or the
    diff does not spell out ``text`` (then the plain text is shown). ``elide`` > 0 shortens
    unchanged runs longer than that to their ends."""
    if not diff or all(d.op == "equal" for d in diff):
        return None
    if "".join(getattr(d, which) for d in diff).strip() != text.strip():
        return None
    caret = '<span class="caret" title="{}">‸</span>'
    out = []
    for i, d in enumerate(diff):
        mine, other = (d.src, d.tgt) if which == "src" else (d.tgt, d.src)
        if d.op == "equal":
            run = mine
            if elide and len(run) > elide:
                keep = elide // 2
                head = run[:keep] if i else ""
                tail = run[-keep:] if i < len(diff) - 1 else ""
                out.append(f'{_e(head)}<span class="elided" title="unchanged text">…</span>'
                           f'{_e(tail)}')
            else:
                out.append(_e(run))
        elif mine:
            tag = "del" if which == "src" else "ins"
            title = f"{'target' if which == 'src' else 'source'} has: {other}" if other \
                else ("not in the target" if which == "src" else "not in the source")
            out.append(f'<{tag} title="{_e(title)}">{_e(mine)}</{tag}>')
        elif other:
            what = "target adds" if which == "src" else "source has"
            out.append(caret.format(_e(f"{what}: {other}")))
    return "".join(out)


def _unit_cell(side: _Side, ids: list[str], fallback_text: str,
               diff: list[DiffOp] | None = None, which: str = "src") -> str:
    """One side of a link: a block per unit (text, id, page, copy button) that the editor
    moves between links; a link's wording diff, when marked, is shown instead of the texts."""
    if not ids:
        return (f'<td class="unit empty" data-side="{which}"><span class="none">'
                f'— nothing aligned —</span></td>')
    texts = [side.rich_text(u) for u in ids]
    if not any(texts):
        texts = [_e(fallback_text)] + [""] * (len(ids) - 1)
    marked = _diff_html(diff, which, fallback_text)
    parts = []
    if marked is not None:
        parts.append(f'<div class="text diffview" lang="{_e(side.lang)}">{marked}</div>')
    for uid, text in zip(ids, texts):
        page = side.page(uid)
        parts.append(f'<div class="u" data-id="{_e(uid)}" tabindex="0">'
                     f'<span class="text" lang="{_e(side.lang)}">{text}</span> '
                     f'<span class="meta"><span class="uid">{_e(uid)}</span>'
                     + side.page_html(page)
                     + f'<button type="button" class="copy" data-cite="{_e(side.cite(uid))}" '
                       f'title="copy citation">copy</button></span></div>')
    cls = "unit has-diff" if marked is not None else "unit"
    return f'<td class="{cls}" data-side="{which}">' + "".join(parts) + "</td>"


def _marks(link: Link) -> str:
    """Who checked or made a link by hand, in its score cell."""
    if link.checked:
        who = link.resp or "?"
        return f'<span class="mark checked" title="checked by {_e(who)}">✓ {_e(who)}</span>'
    if link.resp:
        return (f'<span class="mark byhand" title="made by hand by {_e(link.resp)}">'
                f'✎ {_e(link.resp)}</span>')
    return ""


def _head_cell(side: _Side, sec: Section | None, clause: Clause | None) -> str:
    if sec is None and clause is None:
        return '<td class="unit empty"></td>'
    if clause is not None:
        uid = clause.id
        label = f"Clause {clause.number}"
        sub = marks = ""
    else:
        uid = sec.id
        h: Heading | None = side.headings.get(sec.heading or "") or side.heading_of.get(sec.id)
        num = (sec.number + " ") if sec.number else ""
        if h is not None:
            label = num + h.text
        elif sec.level == 0:
            label = "(front matter)"
        else:
            label = (sec.number or "") or "(untitled section)"
        sub = "".join(f' <span class="subtitle" lang="{_e(s.lang)}">{_e(s.text)}</span>'
                      for s in (h.subtitles if h else []))
        # callouts printed in the heading, as buttons to their notes like the text's
        marks = "".join(side.marker_html(m) for m in side.heading_markers.get(h.id, [])) \
            if h is not None else ""
    page = side.page(uid)
    return (f'<td class="unit" id="{_e(side.lang)}-{_e(uid)}" data-id="{_e(uid)}">'
            f'<span class="label" lang="{_e(side.lang)}">{_e(label)}{marks}</span>{sub}'
            f'<div class="meta"><span class="uid">{_e(uid)}</span>' + side.page_html(page)
            + f'<button type="button" class="copy" data-cite="{_e(side.cite(uid))}" '
              f'title="copy citation">copy</button></div></td>')


def _counterpart(alignment: Alignment, level: str, uid: str) -> list[str]:
    link = _link_of(alignment, level, uid)
    return list(link.tgt) if link is not None else []


def _link_of(alignment: Alignment, level: str, uid: str) -> Link | None:
    for link in alignment.links:
        if link.level == level and uid in link.src:
            return link
    return None


def _side_header(side: _Side, select: str | None) -> tuple[str, str]:
    """(plain title, header cell HTML) of one side: its title in its language, else the
    document id and language; the document id, language and selected section beneath."""
    title = side_title(side.doc, side.lang) or f"{side.doc.id} ({side.lang})"
    sub = f"{side.doc.id} · {side.lang}"
    if select and select in side.sections:
        sec = side.sections[select]
        h = side.headings.get(sec.heading or "") or side.heading_of.get(sec.id)
        part = " ".join(x for x in (sec.number, h.text if h else None) if x) or select
        sub += f" · only {select} ({part})"
        title_plain = f"{title} — {part}"
    else:
        title_plain = title
    return title_plain, (f'<span class="doctitle" lang="{_e(side.lang)}">{_e(title)}</span>'
                         f'<span class="docsub">{_e(sub)}</span>')


def pair_to_html(src: Document, tgt: Document, alignment: Alignment,
                 level: str | None = None, stem: str | None = None) -> bytes:
    """The review page of a pair; ``stem`` names the corrections file the page saves
    (``<stem>.corrections.json``; default: ``<source>--<target>``)."""
    s = _Side(select_subtree(_view(src, alignment.source.lang), alignment.source.select),
              alignment.source.lang)
    t = _Side(select_subtree(_view(tgt, alignment.target.lang), alignment.target.select),
              alignment.target.lang)
    same_lang = s.lang.split("-")[0] == t.lang.split("-")[0]
    lv, links = links_at(alignment, level)

    # events in source order: section heads, clause heads, links
    events: list[tuple[tuple, str, object]] = []
    for sec in s.doc.sections:
        events.append(((s.section_pos(sec.id), -3.0, sec.level, len(events)), "section", sec))
    for c in s.doc.clauses:
        idx = [s.para_index[p] for p in c.paragraphs if p in s.para_index]
        pos = float(min(idx)) if idx else s.section_pos(c.section) + 0.1 \
            if c.section in s.sections else float(len(s.doc.paragraphs))
        events.append(((pos, -2.0, 0, len(events)), "clause", c))
    last = (-1.0, -1.0)
    for link in links:
        pos = None
        for uid in link.src:
            pos = s.position(uid)
            if pos is not None:
                break
        if pos is None:
            pos = (last[0], last[1] + 0.001)
        last = pos
        events.append(((pos[0], pos[1], 0, len(events)), "link", link))
    events.sort(key=lambda e: e[0])

    rows: list[str] = []
    page_links: list[Link] = []  # in row order: what the editor edits
    counts = {f: 0 for f in FLAGS}
    shown_tgt_clauses: set[str] = set()
    in_clause: Clause | None = None
    in_section: Section | None = None
    for _, kind, obj in events:
        if kind == "link":
            # a paragraph after the clauses of its section: say the clause has ended
            anchor = next((p for p in map(s.paragraph_of, obj.src) if p), None)  # type: ignore[attr-defined]
            if in_clause is not None and anchor is not None and \
                    s.clause_of_para.get(anchor.id) is None:
                label = f"{in_section.number or ''} (continued)" if in_section else "(continued)"
                rows.append(f'<tr class="head cont"><td class="unit"><span class="label">'
                            f'{_e(label.strip())}</span></td><td class="score"></td>'
                            f'<td class="unit"></td></tr>')
                in_clause = None
        elif kind == "clause":
            in_clause = obj  # type: ignore[assignment]
        else:
            in_section, in_clause = obj, None  # type: ignore[assignment]
        if kind == "section":
            sec: Section = obj  # type: ignore[assignment]
            tids = _counterpart(alignment, "section", sec.id)
            tsec = t.sections.get(tids[0]) if tids else None
            if tsec is None and sec.level == 0:  # front matter faces front matter
                tsec = next((x for x in t.doc.sections if x.level == 0), None)
            rows.append(f'<tr class="head section level{min(sec.level, 3)}">'
                        f'{_head_cell(s, sec, None)}<td class="score"></td>'
                        f'{_head_cell(t, tsec, None)}</tr>')
        elif kind == "clause":
            c: Clause = obj  # type: ignore[assignment]
            clink = _link_of(alignment, "clause", c.id)
            tids = list(clink.tgt) if clink is not None else []
            tcl = t.clauses.get(tids[0]) if tids else None
            if tcl is None:  # same number in the counterpart section, if any
                tcl = next((x for x in t.doc.clauses if x.number == c.number), None)
            if tcl is not None:
                shown_tgt_clauses.add(tcl.id)
            rows.append(f'<tr class="head clause">{_head_cell(s, None, c)}'
                        f'<td class="score"></td>{_head_cell(t, None, tcl)}</tr>')
            if same_lang and clink is not None and clink.src and clink.tgt:
                sd = _diff_html(clink.diff, "src", clink.src_text, elide=40)
                td = _diff_html(clink.diff, "tgt", clink.tgt_text, elide=40)
                if sd is not None and td is not None:
                    rows.append(f'<tr class="diffrow"><td class="unit diff" lang="{_e(s.lang)}">'
                                f'{sd}</td><td class="score"><span class="flag '
                                f'flag-wording_diff">wording diff</span></td>'
                                f'<td class="unit diff" lang="{_e(t.lang)}">{td}</td></tr>')
        else:
            link: Link = obj  # type: ignore[assignment]
            diff = link.diff if same_lang else None
            for f in link.flags:
                if f in counts:
                    counts[f] += 1
            sc = score4(link.score)
            flags = " ".join(link.flags)
            badges = "".join(f'<span class="flag flag-{_e(f)}">{_e(f.replace("_", " "))}</span>'
                             for f in link.flags)
            extra = (" flagged" if link.flags else "") + (" checked" if link.checked else "") \
                + (" byhand" if link.resp else "")
            rows.append(
                f'<tr class="link band-{band(sc)}{extra}" data-link="{len(page_links)}" '
                f'data-score="{sc:.4f}" data-flags="{_e(flags)}">'
                f'{_unit_cell(s, link.src, link.src_text, diff, "src")}'
                f'<td class="score"><span class="num">{sc:.2f}</span>{badges}{_marks(link)}</td>'
                f'{_unit_cell(t, link.tgt, link.tgt_text, diff, "tgt")}</tr>')
            page_links.append(link)
    leftovers = [c for c in t.doc.clauses if c.id not in shown_tgt_clauses]
    if leftovers:
        rows.append('<tr class="head section level1"><td class="unit"></td><td class="score">'
                    '</td><td class="unit"><span class="label">Target clauses without a '
                    'counterpart</span></td></tr>')
        for c in leftovers:
            rows.append(f'<tr class="head clause"><td class="unit empty"></td>'
                        f'<td class="score"></td>{_head_cell(t, None, c)}</tr>')

    notes = []
    for side in (s, t):
        items = []
        for fn in side.doc.footnotes:
            items.append(_note_html(side, fn))
        notes.append(f'<div class="notes-col" lang="{_e(side.lang)}"><h3>Notes: {_e(side.doc.id)} '
                     f'({_e(side.lang)})</h3>' + ("".join(items) or "<p>No notes.</p>")
                     + "</div>")

    flag_boxes = "".join(
        f'<label class="flagbox"><input type="checkbox" class="flagfilter" value="{_e(f)}" '
        f'checked> <span class="flag flag-{_e(f)}">{_e(f.replace("_", " "))}</span> '
        f'<span class="count">{counts[f]}</span></label>' for f in FLAGS)
    s_title, s_head = _side_header(s, alignment.source.select)
    t_title, t_head = _side_header(t, alignment.target.select)
    title = f"{s_title} ↔ {t_title}"
    n_links = len(links)
    n_flagged = sum(1 for link in links if link.flags)
    data = _editor_data(s, t, alignment, lv, page_links,
                        stem or f"{alignment.source.document}--{alignment.target.document}")
    rules = page_rules(s.lang, t.lang)
    page = _TEMPLATE.format(
        title=_e(title), css=_CSS, js=FLAGS_JS + JOIN_JS + _JS + _EDITOR_JS,
        data=_script_json(data), rules=_script_json(rules),
        n_checked=sum(1 for link in page_links if link.checked),
        src_id=_e(s.doc.id), tgt_id=_e(t.doc.id), slang=_e(s.lang), tlang=_e(t.lang),
        src_head=s_head, tgt_head=t_head,
        level=_e(lv or "none"), n_links=n_links, n_flagged=n_flagged,
        model=_e(f"{alignment.model.name}"), flag_boxes=flag_boxes,
        rows="\n".join(rows), notes="".join(notes))
    return page.encode("utf-8")


def _script_json(data: object) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, no ``<!--``,
    deterministic (keys in the order built, UTF-8 kept)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _editor_data(s: _Side, t: _Side, alignment: Alignment, level: str | None,
                 links: list[Link], stem: str) -> dict:
    """What the page's editor starts from: the pair, the links in row order, the plain text
    and clause number of every unit they hold (the page joins units with
    :mod:`pariter.align.joins`' rule, handed to it in the rules, not per language)."""

    def units(side: _Side, get) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for link in links:
            ids = get(link)
            for uid in ids:
                u = side.units.get(uid)
                text = getattr(u, "text", None)
                if text is None:
                    text = (link.src_text if get(link) is link.src else link.tgt_text) \
                        if len(ids) == 1 else ""
                p = side.paragraph_of(uid)
                clause = side.clauses.get(side.clause_of_para.get(p.id, "")) if p else None
                out[uid] = {"text": text, "clause": clause.number if clause else None}
        return out

    def side_info(a) -> dict:
        return {"document": a.document, "lang": a.lang, "select": a.select}

    base = [{"src": list(x.src), "tgt": list(x.tgt), "score": score4(x.score),
             "flags": list(x.flags), "checked": x.checked, "resp": x.resp} for x in links]
    pair = {"source": side_info(alignment.source), "target": side_info(alignment.target)}
    key = hashlib.sha256(json.dumps([pair, level, base], ensure_ascii=False,
                                    sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return {"pair": pair, "level": level, "stem": stem, "key": key,
            "same_lang": s.lang.split("-")[0] == t.lang.split("-")[0],
            "links": base,
            "units": {"src": units(s, lambda x: x.src), "tgt": units(t, lambda x: x.tgt)}}


def _note_html(side: _Side, fn: Footnote) -> str:
    return (f'<div class="note" id="note-{_e(fn.id)}" data-id="{_e(fn.id)}">'
            f'<span class="notelabel">{_e(fn.label)}</span> '
            f'<span class="notetext">{_e(fn.text)}</span>'
            f'<div class="meta"><span class="uid">{_e(fn.id)}</span>'
            f'<span class="page">p.&#160;{_e(fn.page)}</span>'
            f'<button type="button" class="copy" data-cite="{_e(side.cite(fn.id))}" '
            f'title="copy citation">copy</button></div></div>')


_CSS = """
:root { --high:#e5f5e0; --mid:#fff7d6; --low:#fde3cf; --vlow:#f9d0d0; --ink:#1d1d1f;
        --muted:#6b6b70; --line:#d9d9de; --accent:#1f4e8c; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.55 system-ui, "Noto Sans CJK SC", "Noto Sans SC",
       "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--ink); }
header.top { position:sticky; top:0; z-index:5; background:#fff; border-bottom:1px solid var(--line);
             padding:8px 16px; }
header.top h1 { font-size:16px; margin:0 0 4px; }
header.top .docs { color:var(--muted); font-size:12px; }
.controls { display:flex; flex-wrap:wrap; gap:6px 14px; align-items:center; margin-top:6px; font-size:12px; }
.controls .flagbox { white-space:nowrap; }
.legend span { display:inline-block; padding:0 6px; border-radius:3px; margin-right:4px; }
main { padding:0 16px 24px; }
table.align { width:100%; border-collapse:collapse; table-layout:fixed; }
table.align col.side { width:46%; } table.align col.mid { width:8%; }
td { vertical-align:top; padding:6px 8px; border-bottom:1px solid var(--line); }
tr.link.band-high td.unit { background:var(--high); }
tr.link.band-mid td.unit { background:var(--mid); }
tr.link.band-low td.unit { background:var(--low); }
tr.link.band-vlow td.unit { background:var(--vlow); }
tr.link.flagged td.score { border-left:4px solid #c0392b; }
tr.head td { background:#f3f5f9; }
tr.head.section td { border-top:2px solid var(--accent); }
tr.head.section .label { font-weight:700; font-size:15px; color:var(--accent); }
tr.head.clause .label { font-weight:700; }
tr.head.cont .label { color:var(--muted); font-style:italic; font-size:12px; }
.subtitle { color:var(--muted); font-style:italic; margin-left:6px; }
td.score { text-align:center; font-size:12px; }
td.score .num { display:block; font-variant-numeric:tabular-nums; font-weight:600; }
.flag { display:inline-block; font-size:10px; line-height:1.4; padding:0 4px; margin:1px;
        border-radius:3px; background:#c0392b; color:#fff; }
.flag-omission, .flag-addition { background:#8e44ad; }
.flag-number_mismatch, .flag-url_mismatch { background:#d35400; }
.flag-wording_diff { background:#2c3e50; }
.flag-untranslated { background:#8e44ad; }
.meta { margin-top:2px; font-size:11px; color:var(--muted); }
.meta .uid { font-family:ui-monospace, "DejaVu Sans Mono", monospace; margin-right:4px; }
.meta .page { margin-right:4px; }
.meta .plabel { margin-left:3px; } .plabel { color:#8a6d3b; }
thead th { vertical-align:bottom; padding:4px 8px; }
thead .doctitle { display:block; }
thead .docsub { display:block; font-weight:400; font-size:11px; color:var(--muted); }
del { background:#f9c9c9; color:#8b1a1a; text-decoration:line-through; }
ins { background:#c9efc9; color:#135e13; text-decoration:none; border-bottom:1px solid #135e13; }
.caret { color:#c0392b; font-weight:700; padding:0 1px; }
.elided { color:var(--muted); padding:0 2px; }
tr.diffrow td { background:#fafafa; font-size:13px; }
button.copy { font-size:10px; padding:0 5px; border:1px solid var(--line); border-radius:3px;
              background:#fff; cursor:pointer; color:var(--muted); }
button.copy.done { color:#1e7e34; border-color:#1e7e34; }
.none { color:var(--muted); font-style:italic; }
a.fnref { color:var(--accent); text-decoration:none; font-weight:700; padding:0 1px; }
.fnref.missing { color:#c0392b; }
#tip { position:absolute; display:none; max-width:420px; background:#fff; border:1px solid var(--accent);
       box-shadow:0 2px 8px rgba(0,0,0,.2); padding:6px 8px; font-size:12px; z-index:10; }
tr.hidden { display:none; }
section.notes { display:flex; gap:24px; border-top:2px solid var(--accent); margin-top:16px; }
.notes-col { flex:1; } .note { margin:4px 0; font-size:12px; }
.note:target { background:#fff7d6; } .notelabel { font-weight:700; }
#pariter-errors:empty { display:none; }
:root { --hand:#dfeaf7; }
tr.link.band-hand td.unit { background:var(--hand); }
tr.link { cursor:pointer; }
tr.link.sel td { outline:2px solid var(--accent); outline-offset:-2px; }
tr.link.checked td.score { border-right:4px solid #1e7e34; }
.u { padding:1px 2px; border-radius:3px; }
.u + .u { border-top:1px dotted var(--line); margin-top:2px; padding-top:3px; }
.u:focus { outline:2px dashed var(--accent); outline-offset:1px; }
.u .meta { display:block; }
td.has-diff .u > .text { display:none; }
.mark { display:block; font-size:10px; margin-top:2px; white-space:nowrap; overflow:hidden;
        text-overflow:ellipsis; }
.mark.checked { color:#1e7e34; font-weight:700; } .mark.byhand { color:var(--accent); }
.editbar { display:flex; flex-wrap:wrap; gap:4px 8px; align-items:center; margin-top:6px;
           font-size:12px; }
.editbar button { font-size:12px; padding:1px 6px; }
.editbar kbd, .keys kbd { font:10px ui-monospace, monospace; border:1px solid var(--line);
           border-radius:2px; padding:0 2px; background:#f7f7f9; }
.editbar .keys { color:var(--muted); flex-basis:100%; }
#edit-status { color:var(--accent); font-weight:600; }
#pariter-errors { color:#c0392b; }
"""

_JS = r"""
(function () {
  "use strict";
  var errors = document.getElementById("pariter-errors");
  window.onerror = function (msg, src, line, col) {
    var li = document.createElement("li");
    li.className = "js-error";
    li.textContent = String(msg) + " (" + line + ":" + col + ")";
    errors.appendChild(li);
  };
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.flagfilter"));
  var only = document.getElementById("only-flagged");
  var unchecked = document.getElementById("only-unchecked");
  var slider = document.getElementById("min-score");
  var out = document.getElementById("min-score-value");
  var shown = document.getElementById("shown");
  // rows are looked up each time: the editor replaces them
  function apply() {
    var min = parseFloat(slider.value);
    out.textContent = min.toFixed(2);
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var n = 0;
    Array.prototype.forEach.call(document.querySelectorAll("tr.link"), function (r) {
      var flags = r.getAttribute("data-flags").split(" ").filter(Boolean);
      var score = parseFloat(r.getAttribute("data-score"));
      var ok = score >= min - 1e-9;
      if (flags.length) { ok = ok && flags.some(function (f) { return on[f] !== false; }); }
      else if (only.checked) { ok = false; }
      if (unchecked.checked && r.classList.contains("checked")) { ok = false; }
      r.classList.toggle("hidden", !ok);
      if (ok) { n++; }
    });
    shown.textContent = String(n);
  }
  window.pariterFilter = apply;
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  only.addEventListener("change", apply);
  unchecked.addEventListener("change", apply);
  slider.addEventListener("input", apply);
  apply();

  var tip = document.getElementById("tip");
  function showNote(a) {
    var note = document.getElementById("note-" + a.getAttribute("data-note"));
    if (!note) { return; }
    tip.textContent = "";
    var b = document.createElement("b");
    b.textContent = note.querySelector(".notelabel").textContent + " ";
    tip.appendChild(b);
    tip.appendChild(document.createTextNode(note.querySelector(".notetext").textContent));
    var r = a.getBoundingClientRect();
    tip.style.left = Math.max(4, r.left + window.scrollX - 20) + "px";
    tip.style.top = (r.bottom + window.scrollY + 4) + "px";
    tip.style.display = "block";
  }
  function hideNote() { tip.style.display = "none"; }
  function fnref(ev) { return ev.target.closest ? ev.target.closest("a.fnref") : null; }
  // delegated: the editor clones sentences into new rows
  document.addEventListener("mouseover", function (ev) { var a = fnref(ev); if (a) { showNote(a); } });
  document.addEventListener("focusin", function (ev) { var a = fnref(ev); if (a) { showNote(a); } });
  document.addEventListener("mouseout", function (ev) { if (fnref(ev)) { hideNote(); } });
  document.addEventListener("focusout", function (ev) { if (fnref(ev)) { hideNote(); } });

  function copyText(text, btn) {
    function done() { btn.classList.add("done"); btn.textContent = "copied";
      setTimeout(function () { btn.classList.remove("done"); btn.textContent = "copy"; }, 1200); }
    function fallback() {
      var ta = document.createElement("textarea");
      ta.value = text; ta.setAttribute("readonly", ""); ta.style.position = "absolute";
      ta.style.left = "-9999px"; document.body.appendChild(ta); ta.select();
      try { document.execCommand("copy"); done(); } catch (e) { window.prompt("Copy:", text); }
      document.body.removeChild(ta);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else { fallback(); }
  }
  document.addEventListener("click", function (ev) {
    var a = fnref(ev);
    if (a) { ev.preventDefault(); showNote(a); return; }
    var btn = ev.target.closest ? ev.target.closest("button.copy") : null;
    if (btn) { copyText(btn.getAttribute("data-cite"), btn); }
  });
})();
"""

#: The editor: a list of links (the page's rows) that merge, split, move, check and
#: untranslated change; every change re-renders the link rows from that list, so undo is
#: a snapshot of it and a reload restores it from ``localStorage``.
_EDITOR_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("pariter-data").textContent);
  var F = window.pariterFlags;
  var tbody = document.querySelector("table.align tbody");
  var statusEl = document.getElementById("edit-status");
  var nameBox = document.getElementById("resp-name");
  var STORE = "pariter.review." + D.key, NAME = "pariter.resp";
  var SIDES = ["src", "tgt"];
  function other(side) { return side === "src" ? "tgt" : "src"; }
  function key(l) { return l.src.join(" ") + "|" + l.tgt.join(" "); }
  function copy(x) { return JSON.parse(JSON.stringify(x)); }
  function storage() { try { return window.localStorage; } catch (e) { return null; } }

  // what the page was written with
  var base = {}, baseRow = {}, unitEl = {src: {}, tgt: {}}, unitPos = {src: {}, tgt: {}};
  var allRows = Array.prototype.slice.call(tbody.children);
  var rowPos = new Map();
  allRows.forEach(function (r, i) { rowPos.set(r, i); });
  var heads = allRows.filter(function (r) { return !r.classList.contains("link"); });
  D.links.forEach(function (l, k) {
    base[key(l)] = l;
    var tr = tbody.querySelector('tr.link[data-link="' + k + '"]');
    baseRow[key(l)] = tr.cloneNode(true);
    SIDES.forEach(function (side) {
      l[side].forEach(function (u) { unitPos[side][u] = rowPos.get(tr); });
      Array.prototype.forEach.call(tr.querySelectorAll('td[data-side="' + side + '"] .u'),
        function (el) { unitEl[side][el.getAttribute("data-id")] = el.cloneNode(true); });
    });
  });
  function fresh() {
    return D.links.map(function (l) {
      return {src: l.src.slice(), tgt: l.tgt.slice(), checked: !!l.checked, resp: l.resp || null};
    });
  }
  var state = fresh(), undoStack = [], redoStack = [], sel = 0, focus = null;

  function say(msg) { statusEl.textContent = msg; }
  function text(ids, side) {
    return pariterJoin.join(ids.map(function (u) { return D.units[side][u].text; }));
  }
  function clauses(ids, side) {
    var seen = [];
    ids.forEach(function (u) {
      var c = D.units[side][u].clause;
      if (c && seen.indexOf(c) < 0) { seen.push(c); }
    });
    return seen.sort();
  }
  // score and flags: the model's for a link it made, recomputed for one a person made
  function info(l) {
    var b = base[key(l)];
    if (b) { return {score: b.score, flags: b.flags, byHand: false}; }
    var ignore = clauses(l.src, "src").concat(clauses(l.tgt, "tgt"));
    return {score: 1.0, flags: F.linkFlags(text(l.src, "src"), text(l.tgt, "tgt"), 1.0, ignore),
            byHand: true};
  }
  function band(score) {
    return score >= 0.8 ? "high" : score >= 0.6 ? "mid" : score >= 0.4 ? "low" : "vlow";
  }
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (txt !== undefined) { e.textContent = txt; }
    return e;
  }
  function cell(ids, side) {
    var td = el("td", ids.length ? "unit" : "unit empty");
    td.setAttribute("data-side", side);
    if (!ids.length) { td.appendChild(el("span", "none", "— nothing aligned —")); }
    ids.forEach(function (u) { td.appendChild(unitEl[side][u].cloneNode(true)); });
    return td;
  }
  function buildRow(l, i) {
    var inf = info(l), tr, sc;
    var orig = baseRow[key(l)];
    if (orig) {
      tr = orig.cloneNode(true);
      sc = tr.querySelector("td.score");
    } else {
      tr = el("tr");
      sc = el("td", "score");
      tr.appendChild(cell(l.src, "src"));
      tr.appendChild(sc);
      tr.appendChild(cell(l.tgt, "tgt"));
      var num = el("span", "num", "✎");
      num.title = "made by hand: no model score";
      sc.appendChild(num);
      inf.flags.forEach(function (f) {
        sc.appendChild(el("span", "flag flag-" + f, f.replace(/_/g, " ")));
      });
    }
    Array.prototype.forEach.call(sc.querySelectorAll(".mark"), function (m) { m.remove(); });
    if (l.checked || l.resp) {
      var m = el("span", "mark " + (l.checked ? "checked" : "byhand"),
                 (l.checked ? "✓ " : "✎ ") + (l.resp || "?"));
      m.title = (l.checked ? "checked by " : "made by hand by ") + (l.resp || "?");
      sc.appendChild(m);
    }
    tr.className = "link band-" + (inf.byHand ? "hand" : band(inf.score)) +
      (inf.flags.length ? " flagged" : "") + (l.checked ? " checked" : "") +
      (l.resp ? " byhand" : "") + (i === sel ? " sel" : "");
    tr.setAttribute("data-link", String(i));
    tr.setAttribute("data-score", inf.score.toFixed(4));
    tr.setAttribute("data-flags", inf.flags.join(" "));
    return tr;
  }
  function linkPos(l) {
    var p = Infinity;
    SIDES.forEach(function (side) {
      l[side].forEach(function (u) { p = Math.min(p, unitPos[side][u]); });
    });
    return p;
  }
  function render() {
    Array.prototype.slice.call(tbody.querySelectorAll("tr.link")).forEach(function (r) {
      r.remove();
    });
    var h = 0, out = [];
    state.forEach(function (l, i) {
      var p = linkPos(l);
      while (h < heads.length && rowPos.get(heads[h]) < p) { out.push(heads[h++]); }
      out.push(buildRow(l, i));
    });
    while (h < heads.length) { out.push(heads[h++]); }
    out.forEach(function (r) { tbody.appendChild(r); });
    recount();
    if (window.pariterFilter) { window.pariterFilter(); }
    showSelection(false);
  }
  function recount() {
    var counts = {}, flagged = 0, checked = 0;
    state.forEach(function (l) {
      var f = info(l).flags;
      if (f.length) { flagged++; }
      if (l.checked) { checked++; }
      f.forEach(function (x) { counts[x] = (counts[x] || 0) + 1; });
    });
    Array.prototype.forEach.call(document.querySelectorAll("label.flagbox"), function (b) {
      b.querySelector(".count").textContent = String(counts[b.querySelector("input").value] || 0);
    });
    document.getElementById("n-links").textContent = String(state.length);
    document.getElementById("n-flagged").textContent = String(flagged);
    document.getElementById("n-checked").textContent = String(checked);
  }
  function rowOf(i) { return tbody.querySelector('tr.link[data-link="' + i + '"]'); }
  function showSelection(scroll) {
    Array.prototype.forEach.call(tbody.querySelectorAll("tr.link.sel"), function (r) {
      r.classList.remove("sel");
    });
    var tr = rowOf(sel);
    if (!tr) { return; }
    tr.classList.add("sel");
    var u = focus ? tr.querySelector('td[data-side="' + focus.side + '"] .u[data-id="' +
                                     focus.id + '"]') : null;
    if (u && document.activeElement !== nameBox) { u.focus({preventScroll: true}); }
    if (scroll && tr.scrollIntoView) { tr.scrollIntoView({block: "nearest"}); }
  }
  function select(i) {
    if (!state.length) { return; }
    sel = Math.max(0, Math.min(state.length - 1, i));
    var l = state[sel];
    var side = l.src.length ? "src" : "tgt";
    focus = l[side].length ? {side: side, id: l[side][0]} : null;
    showSelection(true);
  }
  function focusStep(d) {
    var l = state[sel];
    var all = l.src.map(function (u) { return {side: "src", id: u}; })
      .concat(l.tgt.map(function (u) { return {side: "tgt", id: u}; }));
    if (!all.length) { return; }
    var k = -1;
    all.forEach(function (f, j) { if (focus && f.side === focus.side && f.id === focus.id) { k = j; } });
    focus = all[Math.max(0, Math.min(all.length - 1, k + d))];
    showSelection(false);
  }
  function focused() {
    var l = state[sel];
    if (!focus || !l || l[focus.side].indexOf(focus.id) < 0) { return null; }
    return {side: focus.side, id: focus.id, k: l[focus.side].indexOf(focus.id)};
  }
  function linkOf(side, id) {
    for (var i = 0; i < state.length; i++) { if (state[i][side].indexOf(id) >= 0) { return i; } }
    return -1;
  }
  function made(src, tgt, who) { return {src: src, tgt: tgt, checked: false, resp: who}; }
  // a link back to the model's composition and not checked is the model's link again
  function normalise() {
    state.forEach(function (l) {
      var b = base[key(l)];
      if (b && !l.checked) { l.resp = b.resp || null; }
    });
  }

  var OPS = {
    merge: function (who) {
      if (sel + 1 >= state.length) { return "There is no link below to merge with."; }
      var a = state[sel], b = state[sel + 1];
      state.splice(sel, 2, made(a.src.concat(b.src), a.tgt.concat(b.tgt), who));
      return "Merged two links.";
    },
    split: function (who) {
      var l = state[sel], n = l.src.length, m = l.tgt.length, cs, ct;
      if (n + m < 2) { return "A link of one sentence cannot be split."; }
      var f = focused();
      if (f && !(f.k === 0 && l[f.side].length === 1)) {
        var k = f.k === 0 ? 1 : f.k, o = l[other(f.side)].length;
        var ko = Math.round(k / l[f.side].length * o);
        cs = f.side === "src" ? k : ko;
        ct = f.side === "src" ? ko : k;
      } else { cs = Math.min(1, n); ct = Math.min(1, m); }
      var a = made(l.src.slice(0, cs), l.tgt.slice(0, ct), who);
      var b = made(l.src.slice(cs), l.tgt.slice(ct), who);
      if (!(a.src.length + a.tgt.length) || !(b.src.length + b.tgt.length)) {
        a = made(l.src.slice(0, Math.min(1, n)), l.tgt.slice(0, Math.min(1, m)), who);
        b = made(l.src.slice(Math.min(1, n)), l.tgt.slice(Math.min(1, m)), who);
      }
      if (!(b.src.length + b.tgt.length)) { return "Nothing to split off."; }
      state.splice(sel, 1, a, b);
      return "Split the link in two.";
    },
    down: function (who) { return move(+1, who); },
    up: function (who) { return move(-1, who); },
    check: function (who) {
      var l = state[sel];
      l.checked = !l.checked;
      l.resp = l.checked ? who : (base[key(l)] ? (base[key(l)].resp || null) : who);
      return l.checked ? "Marked checked." : "Marked not checked.";
    },
    untranslated: function (who) {
      var f = focused(), l = state[sel];
      if (!f) { return "Focus a sentence first (click it, or ← →)."; }
      var s = f.side, o = other(s);
      if (l[s].length === 1 && !l[o].length) {
        l.checked = true;
        l.resp = who;
        return "Marked untranslated.";
      }
      var before = l[s].slice(0, f.k), after = l[s].slice(f.k + 1), y = l[o].slice();
      var parts = [];
      function part(mine, theirs) {
        var p = made([], [], who);
        p[s] = mine;
        p[o] = theirs;
        return p;
      }
      if (before.length) { parts.push(part(before, y)); y = []; }
      var lone = part([f.id], []);
      lone.checked = true;
      parts.push(lone);
      if (after.length) { parts.push(part(after, y)); y = []; }
      if (y.length) { parts.push(part([], y)); }
      state.splice.apply(state, [sel, 1].concat(parts));
      return "Marked untranslated.";
    },
    reset: function () {
      state = fresh();
      return "Back to the alignment as written.";
    }
  };
  function move(dir, who) {
    var f = focused(), l = state[sel];
    if (!f) { return "Focus a sentence first (click it, or ← →)."; }
    var j = sel + dir;
    if (j < 0 || j >= state.length) { return "There is no link " + (dir > 0 ? "below." : "above."); }
    var s = f.side, t = state[j], moving;
    if (dir > 0) {
      moving = l[s].slice(f.k);
      l[s] = l[s].slice(0, f.k);
      t[s] = moving.concat(t[s]);
    } else {
      moving = l[s].slice(0, f.k + 1);
      l[s] = l[s].slice(f.k + 1);
      t[s] = t[s].concat(moving);
    }
    l.checked = false; l.resp = who; t.checked = false; t.resp = who;
    if (!l.src.length && !l.tgt.length) { state.splice(sel, 1); }
    return "Moved " + moving.length + " sentence" + (moving.length > 1 ? "s" : "") + ".";
  }
  function who() { return nameBox.value.trim(); }
  function run(op) {
    if (op === "undo") { return undo(); }
    if (op === "redo") { return redo(); }
    if (op === "save") { return save(); }
    var name = who();
    if (!name && op !== "reset") {
      say("Enter your name first: corrections record who made them.");
      nameBox.focus();
      return false;
    }
    var before = snapshot();
    var msg = OPS[op](name);
    var after = JSON.stringify(state);
    if (after === JSON.stringify(JSON.parse(before).state)) { say(msg); return false; }
    normalise();
    undoStack.push(before);
    redoStack = [];
    if (focus && linkOf(focus.side, focus.id) >= 0) { sel = linkOf(focus.side, focus.id); }
    sel = Math.max(0, Math.min(state.length - 1, sel));
    render();
    persist();
    say(msg);
    return true;
  }
  function snapshot() { return JSON.stringify({state: state, sel: sel, focus: focus}); }
  function restore(snap) {
    var x = JSON.parse(snap);
    state = x.state; sel = x.sel; focus = x.focus;
    render();
    persist();
  }
  // undo and redo are one move between the two stacks, in opposite directions
  function step(from, to, none, done) {
    if (!from.length) { say(none); return false; }
    to.push(snapshot());
    restore(from.pop());
    say(done);
    return true;
  }
  function undo() { return step(undoStack, redoStack, "Nothing to undo.", "Undone."); }
  function redo() { return step(redoStack, undoStack, "Nothing to redo.", "Redone."); }

  // -- saving: the corrections file (pariter/schemas/corrections.schema.json) ----------
  function corrections() {
    var links = [];
    state.forEach(function (l) {
      var b = base[key(l)];
      if (b && !l.checked && !l.resp) { return; }
      links.push({src: l.src, tgt: l.tgt, src_text: text(l.src, "src"),
                  tgt_text: text(l.tgt, "tgt"), checked: !!l.checked,
                  resp: l.resp || who() || "?"});
    });
    return {schema_version: "1.0", kind: "pariter-corrections", source: D.pair.source,
            target: D.pair.target, level: D.level,
            date: new Date().toISOString().slice(0, 10), links: links};
  }
  function persist() {
    var st = storage();
    if (!st) { return; }
    try {
      if (undoStack.length || JSON.stringify(state) !== JSON.stringify(fresh())) {
        st.setItem(STORE, JSON.stringify({links: state}));
      } else { st.removeItem(STORE); }
    } catch (e) { say("Could not keep the work in this browser: " + e); }
  }
  function save() {
    var json = JSON.stringify(corrections(), null, 1) + "\n";
    persist();
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([json], {type: "application/json"}));
    a.download = D.stem + ".corrections.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    say("Saved " + a.download + " (" + corrections().links.length + " corrected links); " +
        "apply it with: pariter apply-corrections");
    return true;
  }
  function restoreSaved() {
    var st = storage(), raw = st && st.getItem(STORE);
    if (!raw) { return; }
    try {
      var links = JSON.parse(raw).links, seen = {src: {}, tgt: {}}, total = {src: 0, tgt: 0};
      links.forEach(function (l) {
        SIDES.forEach(function (side) {
          l[side].forEach(function (u) {
            if (!D.units[side][u] || seen[side][u]) { throw new Error("unit " + u); }
            seen[side][u] = true;
            total[side]++;
          });
        });
      });
      SIDES.forEach(function (side) {
        if (total[side] !== Object.keys(D.units[side]).length) { throw new Error("units missing"); }
      });
      state = links;
      render();
      say("Restored your corrections from this browser.");
    } catch (e) { say("Ignored corrections kept in this browser: they do not fit this page."); }
  }

  // -- keyboard and mouse ---------------------------------------------------------------
  document.addEventListener("keydown", function (ev) {
    var t = ev.target, k = ev.key, ctrl = ev.ctrlKey || ev.metaKey;
    // Ctrl+S saves the corrections wherever the focus is (not the browser's "save page")
    if (ctrl && !ev.altKey && (k === "s" || k === "S") && !ev.shiftKey) {
      ev.preventDefault();
      save();
      return;
    }
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) { return; }
    if (ctrl && (k === "z" || k === "Z")) { if (ev.shiftKey) { redo(); } else { undo(); } }
    else if (ctrl && (k === "y" || k === "Y")) { redo(); }
    else if (ctrl || ev.altKey) { return; }
    else if (k === "ArrowDown" || k === "j") { select(sel + 1); }
    else if (k === "ArrowUp" || k === "k") { select(sel - 1); }
    else if (k === "ArrowRight" || k === "l") { focusStep(1); }
    else if (k === "ArrowLeft" || k === "h") { focusStep(-1); }
    else if (k === "m") { run("merge"); }
    else if (k === "s") { run("split"); }
    else if (k === "]") { run("down"); }
    else if (k === "[") { run("up"); }
    else if (k === "c") { run("check"); }
    else if (k === "x") { run("untranslated"); }
    else if (k === "u") { undo(); }
    else if (k === "U") { redo(); }
    else { return; }
    ev.preventDefault();
  });
  tbody.addEventListener("click", function (ev) {
    if (ev.target.closest("button, a")) { return; }
    var tr = ev.target.closest("tr.link");
    if (!tr) { return; }
    sel = parseInt(tr.getAttribute("data-link"), 10);
    var u = ev.target.closest(".u"), td = ev.target.closest("td.unit");
    if (u && td) { focus = {side: td.getAttribute("data-side"), id: u.getAttribute("data-id")}; }
    else { var l = state[sel], s = l.src.length ? "src" : "tgt";
           focus = l[s].length ? {side: s, id: l[s][0]} : null; }
    showSelection(false);
  });
  tbody.addEventListener("focusin", function (ev) {
    var u = ev.target.closest ? ev.target.closest(".u") : null;
    var tr = u && u.closest("tr.link"), td = u && u.closest("td.unit");
    if (!tr || !td) { return; }
    var i = parseInt(tr.getAttribute("data-link"), 10);
    var f = {side: td.getAttribute("data-side"), id: u.getAttribute("data-id")};
    if (i !== sel || !focus || focus.id !== f.id || focus.side !== f.side) {
      sel = i; focus = f; showSelection(false);
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll(".editbar button[data-op]"),
    function (b) { b.addEventListener("click", function () { run(b.getAttribute("data-op")); }); });
  var st = storage();
  if (st && st.getItem(NAME)) { nameBox.value = st.getItem(NAME); }
  function keepName() {
    var s2 = storage();
    if (s2) { try { s2.setItem(NAME, nameBox.value.trim()); } catch (e) { /* full */ } }
  }
  nameBox.addEventListener("change", keepName);
  // Enter or Escape hands the keyboard back to the selected link: the page asked for the
  // name in the middle of an edit, and the shortcuts do not act while the box has focus
  nameBox.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== "Escape") { return; }
    ev.preventDefault();
    keepName();
    nameBox.blur();
    showSelection(true);
    if (who()) { say("Corrections are recorded as " + who() + "."); }
  });

  restoreSaved();
  if (state.length) { sel = 0; var l0 = state[0], s0 = l0.src.length ? "src" : "tgt";
                      focus = l0[s0].length ? {side: s0, id: l0[s0][0]} : null; }
  showSelection(false);
  window.pariterEditor = {
    state: function () { return copy(state); },
    corrections: corrections,
    run: run, undo: undo, redo: redo, select: select,
    selected: function () { return sel; },
    focus: function () { return focus ? copy(focus) : null; },
    info: function (i) { return info(state[i]); }
  };
  document.body.setAttribute("data-ready", "1");
})();
"""


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pariter">
<title>{title}</title>
<style>{css}</style>
</head>
<body data-ready="0">
<ul id="pariter-errors"></ul>
<header class="top">
<h1>{title}</h1>
<div class="docs">source <b>{src_id}</b> ({slang}) · target <b>{tgt_id}</b> ({tlang}) ·
level <b>{level}</b> · <span id="n-links">{n_links}</span> links, <span
id="n-flagged">{n_flagged}</span> flagged, <span id="n-checked">{n_checked}</span> checked ·
model {model} · showing <b id="shown">{n_links}</b> · pages: p.&#160;19 is the PDF page,
<span class="plabel">[13]</span> the number printed on it</div>
<div class="controls">
<label><input type="checkbox" id="only-flagged"> only flagged</label>
<label><input type="checkbox" id="only-unchecked"> only unchecked</label>
<label>min. confidence <input type="range" id="min-score" min="0" max="1" step="0.05" value="0">
<output id="min-score-value">0.00</output></label>
{flag_boxes}
<span class="legend">confidence: <span style="background:var(--high)">≥ 0.80</span><span
style="background:var(--mid)">≥ 0.60</span><span style="background:var(--low)">≥ 0.40</span><span
style="background:var(--vlow)">&lt; 0.40</span><span style="background:var(--hand)">by hand</span></span>
</div>
<div class="editbar" role="toolbar" aria-label="correct the alignment">
<label>your name <input type="text" id="resp-name" size="14" autocomplete="name"
placeholder="who corrects"></label>
<button type="button" data-op="merge" title="merge the selected link with the next one (m)">merge ↓ <kbd>m</kbd></button>
<button type="button" data-op="split" title="split the selected link before the focused sentence (after it when it is the first of its side; the other side is cut in proportion), or after the first sentence of each side (s)">split <kbd>s</kbd></button>
<button type="button" data-op="up" title="move the focused sentence (and those before it on its side) to the previous link ([)">to previous <kbd>[</kbd></button>
<button type="button" data-op="down" title="move the focused sentence (and those after it on its side) to the next link (])">to next <kbd>]</kbd></button>
<button type="button" data-op="check" title="mark the selected link checked, or unchecked (c)">checked <kbd>c</kbd></button>
<button type="button" data-op="untranslated" title="the focused sentence has no counterpart (x)">untranslated <kbd>x</kbd></button>
<button type="button" data-op="undo" title="undo (u, Ctrl+Z)">undo <kbd>u</kbd></button>
<button type="button" data-op="redo" title="redo (U, Ctrl+Y)">redo <kbd>U</kbd></button>
<button type="button" data-op="save" title="download the corrections file (Ctrl+S); your work is also kept in this browser">save corrections</button>
<button type="button" data-op="reset" title="go back to the alignment as written (undoable)">discard edits</button>
<output id="edit-status" role="status"></output>
<div class="keys">keys: <kbd>↓</kbd>/<kbd>j</kbd> <kbd>↑</kbd>/<kbd>k</kbd> select link ·
<kbd>←</kbd>/<kbd>h</kbd> <kbd>→</kbd>/<kbd>l</kbd> focus sentence · click a row or a sentence</div>
</div>
</header>
<main>
<table class="align">
<colgroup><col class="side"><col class="mid"><col class="side"></colgroup>
<thead><tr><th>{src_head}</th><th>score</th><th>{tgt_head}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<section class="notes" id="notes">{notes}</section>
</main>
<div id="tip" role="tooltip"></div>
<script type="application/json" id="pariter-data">{data}</script>
<script type="application/json" id="pariter-rules">{rules}</script>
<script>{js}</script>
</body>
</html>
"""
