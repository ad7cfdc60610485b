"""A translator's corrections to an alignment: the file, its checks, applying it.

The review page (:mod:`pariter.export.html`) lets a translator merge, split and move
links, mark links checked and sentences untranslated; it saves what was touched as a
*corrections file* (``pariter/schemas/corrections.schema.json``)::

    {"schema_version": "1.0", "kind": "pariter-corrections",
     "source": {"document": "wic-consensus-zh-en", "lang": "zh", "select": null},
     "target": {"document": "wic-consensus-zh-en", "lang": "en", "select": null},
     "level": "sentence", "date": "2025-01-31",
     "links": [{"src": ["zh.s01.p1.s1", "zh.s01.p1.s2"], "tgt": ["en.s01.p1.s1"],
                "src_text": "…", "tgt_text": "…", "checked": true, "resp": "Li Wei"}]}

Only the links a person touched are in it, not the whole alignment, so the file still
applies when the aligner is rerun (``corpus build`` does exactly that): each corrected
link takes its units out of whatever link held them, the model's links keep the rest.

Applying checks the result against the documents, and any failure is one
:class:`~pariter.errors.InputError` naming the corrections file and the link:

* every id exists in its side's document (the aligned stream and selected section) and is
  a unit of the corrections' level;
* the texts recorded with a link (when given) are still the document's texts, so a
  re-extracted document whose ids now point at other sentences is caught;
* every unit is in exactly one link, and every unit the alignment covered still is;
* order is kept: each link's units are consecutive and links follow each other in the
  same order on both sides (the alignment stays monotone, as the aligner makes it).

What a corrected link carries (decisions, each for a reason):

* a link whose units are exactly those of a model link keeps the model's score, flags and
  diff, and takes ``checked``/``resp`` from the correction;
* a link a person composed (merged, split, moved into) has no model score: its ``score``
  is 1.0, the confidence of a person's decision, and ``resp`` says whose; its texts are
  the documents' sentences joined as the aligner joins them, its flags are recomputed by
  :mod:`pariter.align.flags` with the aligner's default settings and the clause numbers of
  its units ignored as the aligner ignores them, its wording diff recomputed for two
  versions in the same language;
* a model link that lost units to a correction (possible only when the corrections were
  made on another run of the aligner) keeps its score and gets its texts and flags
  recomputed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pariter.errors import InputError
from pariter.io import read_json_object
from pariter.model import Alignment, Document, Link, Sentence

KIND = "pariter-corrections"
SCHEMA_VERSION = "1.0"
#: The confidence of a link a person composed: the model never scored it.
PERSON_SCORE = 1.0


@dataclass(slots=True)
class CorrectedLink:
    src: list[str]
    tgt: list[str]
    resp: str
    checked: bool = False
    src_text: str | None = None
    tgt_text: str | None = None


@dataclass(slots=True)
class Corrections:
    source: dict[str, Any]
    target: dict[str, Any]
    level: str
    links: list[CorrectedLink] = field(default_factory=list)
    date: str | None = None


def load_corrections(path: str | Path) -> Corrections:
    """Read and schema-check a corrections file (an :class:`InputError` names it)."""
    from pariter.schema import validate

    data = read_json_object(path, "corrections")
    validate(data, "corrections", source=path)
    links = [CorrectedLink(list(x["src"]), list(x["tgt"]), x["resp"], bool(x.get("checked")),
                           x.get("src_text"), x.get("tgt_text")) for x in data["links"]]
    return Corrections(data["source"], data["target"], data["level"], links, data.get("date"))


def corrections_to_dict(c: Corrections) -> dict[str, Any]:
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "kind": KIND,
                           "source": c.source, "target": c.target, "level": c.level}
    if c.date:
        out["date"] = c.date
    out["links"] = []
    for x in c.links:
        d: dict[str, Any] = {"src": x.src, "tgt": x.tgt}
        if x.src_text is not None:
            d["src_text"] = x.src_text
        if x.tgt_text is not None:
            d["tgt_text"] = x.tgt_text
        d["checked"] = x.checked
        d["resp"] = x.resp
        out["links"].append(d)
    return out


# -- the two sides ----------------------------------------------------------------------
def side_document(doc: Document, lang: str, select: str | None) -> Document:
    """What an alignment side covers: the language stream, then the selected subtree."""
    from pariter.export.common import select_subtree

    if len(doc.langs) > 1 and lang in doc.langs:
        doc = doc.stream(lang)
    return select_subtree(doc, select)


@dataclass
class _Side:
    """One side's units of the corrections' level, in document order."""

    name: str            # "source" / "target"
    doc: Document
    lang: str
    order: dict[str, int]
    texts: dict[str, str]
    clause_number: dict[str, str | None]

    @classmethod
    def build(cls, name: str, doc: Document, lang: str, level: str) -> "_Side":
        if level != "sentence":
            units = [u for u in doc.units() if _level_of(u) == level]
        else:
            units = list(doc.sentences)
        clauses = {c.id: c.number for c in doc.clauses}
        paras = {p.id: p for p in doc.paragraphs}
        numbers: dict[str, str | None] = {}
        for u in units:
            p = paras.get(u.paragraph) if isinstance(u, Sentence) else None
            numbers[u.id] = clauses.get(p.clause) if p is not None and p.clause else None
        return cls(name, doc, lang, {u.id: i for i, u in enumerate(units)},
                   {u.id: getattr(u, "text", "") for u in units}, numbers)

    def text(self, ids: list[str]) -> str:
        from pariter.align.joins import join_texts

        return join_texts(self.texts[u] for u in ids)


def _level_of(unit: object) -> str | None:
    from pariter.model import Clause, Footnote, Paragraph, Section

    for cls, name in ((Section, "section"), (Clause, "clause"), (Paragraph, "paragraph"),
                      (Footnote, "footnote")):
        if isinstance(unit, cls):
            return name
    return None


def _same_text(a: str, b: str) -> bool:
    norm = lambda s: "".join(unicodedata.normalize("NFKC", s).split())  # noqa: E731
    return norm(a) == norm(b)


def _short(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


# -- applying -------------------------------------------------------------------------------
def apply_corrections(alignment: Alignment, src: Document, tgt: Document,
                      corrections: Corrections, where: str | Path = "<corrections>") -> Alignment:
    """The alignment with the corrections applied; ``src``/``tgt`` are the two documents
    (whole, or already the aligned stream). Raises :class:`InputError` naming ``where``."""
    import dataclasses

    def fail(problem: str) -> InputError:
        return InputError(where, problem)

    for name, side, want in (("source", alignment.source, corrections.source),
                             ("target", alignment.target, corrections.target)):
        got = {"document": side.document, "lang": side.lang, "select": side.select}
        for key in ("document", "lang", "select"):
            if want.get(key) != got[key]:
                raise fail(f"made for {name} {want.get('document')} ({want.get('lang')}"
                           f"{', ' + str(want.get('select')) if want.get('select') else ''}), "
                           f"but the alignment's {name} is {got['document']} ({got['lang']}"
                           f"{', ' + str(got['select']) if got['select'] else ''})")
    level = corrections.level
    S = _Side.build("source", side_document(src, alignment.source.lang, alignment.source.select),
                    alignment.source.lang, level)
    T = _Side.build("target", side_document(tgt, alignment.target.lang, alignment.target.select),
                    alignment.target.lang, level)
    base = [(i, link) for i, link in enumerate(alignment.links) if link.level == level]

    # 1. the corrections themselves: ids exist, texts unchanged, nothing twice
    owner: dict[tuple[str, str], int] = {}
    for n, c in enumerate(corrections.links, 1):
        if not c.src and not c.tgt:
            raise fail(f"link {n} is empty on both sides")
        for side, ids, text in ((S, c.src, c.src_text), (T, c.tgt, c.tgt_text)):
            for u in ids:
                if u not in side.order:
                    raise fail(f"link {n}: {u} is not a {level} of the {side.name} "
                               f"{side.doc.id} ({side.lang})")
                if (side.name, u) in owner:
                    raise fail(f"link {n}: {u} is already in link {owner[(side.name, u)]}")
                owner[(side.name, u)] = n
            if text is not None and not _same_text(text, side.text(ids)):
                raise fail(f"link {n}: the {side.name} text of {_short(ids)} is no longer "
                           f"what the correction was made on (the document changed): "
                           f"{side.text(ids)[:40]!r} vs {text[:40]!r}")

    # 2. the model's links minus the corrected units; exact matches are carried over
    exact = {(tuple(link.src), tuple(link.tgt)): link for _, link in base}
    final: list[tuple[Link, int]] = []  # (link, index in alignment.links it anchors to)
    anchor_of: dict[tuple[str, str], int] = {}
    covered: set[tuple[str, str]] = set()
    for i, link in base:
        for u in link.src:
            anchor_of[("source", u)] = i
            covered.add(("source", u))
        for u in link.tgt:
            anchor_of[("target", u)] = i
            covered.add(("target", u))
    for i, link in base:
        src_left = [u for u in link.src if ("source", u) not in owner]
        tgt_left = [u for u in link.tgt if ("target", u) not in owner]
        if len(src_left) == len(link.src) and len(tgt_left) == len(link.tgt):
            final.append((link, i))
        elif src_left or tgt_left:
            final.append((_recomputed(link.level, src_left, tgt_left, link.score, None, False,
                                      S, T), i))
    for n, c in enumerate(corrections.links, 1):
        same = exact.get((tuple(c.src), tuple(c.tgt)))
        if same is not None:
            link = dataclasses.replace(same, checked=c.checked, resp=c.resp)
        else:
            link = _recomputed(level, list(c.src), list(c.tgt), PERSON_SCORE, c.resp,
                               c.checked, S, T)
        anchors = [anchor_of[k] for k in ([("source", u) for u in c.src]
                                          + [("target", u) for u in c.tgt]) if k in anchor_of]
        final.append((link, min(anchors) if anchors else -1))
    for key in sorted(covered):
        if not any(key[1] in (link.src if key[0] == "source" else link.tgt)
                   for link, _ in final):  # pragma: no cover - kept by construction
            raise fail(f"{key[1]} of the {key[0]} is in no link any more")

    # 3. order: each link's units consecutive, links monotone on both sides
    ordered = _monotone_order([link for link, _ in final], S, T, fail)
    anchor = {id(link): a for link, a in final}
    # 4. put the level's links back where the model had its links of that level
    out: list[Link] = []
    k = 0
    last = -1
    for i, link in enumerate(alignment.links):
        if link.level != level:
            out.append(link)
            continue
        while k < len(ordered) and max(anchor[id(ordered[k])], last) <= i:
            last = max(anchor[id(ordered[k])], last)
            out.append(ordered[k])
            k += 1
    out.extend(ordered[k:])
    return dataclasses.replace(alignment, links=out)


def _monotone_order(links: list[Link], S: _Side, T: _Side, fail) -> list[Link]:
    """The links in the one order that is increasing on both sides, or an error naming
    the two links that cross (or the link whose units are not consecutive)."""
    covered = {"source": sorted({u for x in links for u in x.src}, key=S.order.__getitem__),
               "target": sorted({u for x in links for u in x.tgt}, key=T.order.__getitem__)}
    rank = {side: {u: r for r, u in enumerate(ids)} for side, ids in covered.items()}
    for x in links:
        for side, ids, sd in (("source", x.src, S), ("target", x.tgt, T)):
            rs = [rank[side][u] for u in ids]
            if rs and rs != list(range(rs[0], rs[0] + len(rs))):
                raise fail(f"order not kept: the {side} units {_short(ids)} of one link are "
                           f"not consecutive sentences in document order")
    by_src = sorted((x for x in links if x.src), key=lambda x: rank["source"][x.src[0]])
    by_tgt = sorted((x for x in links if x.tgt), key=lambda x: rank["target"][x.tgt[0]])
    out: list[Link] = []
    i = j = 0
    while i < len(by_src) or j < len(by_tgt):
        a = by_src[i] if i < len(by_src) else None
        b = by_tgt[j] if j < len(by_tgt) else None
        if a is not None and not a.tgt:
            out.append(a)
            i += 1
        elif b is not None and not b.src:
            out.append(b)
            j += 1
        elif a is b:
            out.append(a)
            i += 1
            j += 1
        else:
            first, second = (a, b) if a is not None and b is not None else (a or b, None)
            raise fail(f"order not kept: {_short(first.src)}↔{_short(first.tgt)} and "
                       f"{_short(second.src) if second else '[]'}↔"
                       f"{_short(second.tgt) if second else '[]'} cross (their source and "
                       f"target orders disagree)")
    return out


def _recomputed(level: str, src: list[str], tgt: list[str], score: float, resp: str | None,
                checked: bool, S: _Side, T: _Side) -> Link:
    """A link whose composition a person changed: texts from the documents, flags by
    :mod:`pariter.align.flags`, the wording diff for a same-language pair."""
    from pariter.export.flagrules import python_flags

    s_text, t_text = S.text(src), T.text(tgt)
    ignore = sorted({S.clause_number[u] for u in src if S.clause_number.get(u)}) + \
        sorted({T.clause_number[u] for u in tgt if T.clause_number.get(u)})
    diff = None
    same = S.lang.split("-")[0] == T.lang.split("-")[0]
    if same and s_text.strip() and t_text.strip():
        from pariter.align.diff import wording_diff

        diff = wording_diff(s_text, t_text, S.lang)
    flags = python_flags(s_text, t_text, score=score, src_lang=S.lang, tgt_lang=T.lang,
                         ignore=ignore, diff=diff)
    return Link(level, src, tgt, s_text, t_text, score, flags, diff,  # type: ignore[arg-type]
                checked=checked, resp=resp)


def apply_file(alignment_path: Path, corrections_path: Path, src: Document | None = None,
               tgt: Document | None = None) -> tuple[Alignment, str]:
    """What ``pariter apply-corrections`` does: the corrected alignment and a summary line.

    Documents not given are read from ``<document id>.json`` beside the alignment (the
    layout of ``corpus/build``)."""
    from pariter.model import load_alignment, load_document

    al = load_alignment(alignment_path)
    corr = load_corrections(corrections_path)
    docs: dict[str, Document] = {}

    def doc_for(side, given: Document | None) -> Document:
        if given is not None:
            return given
        if side.document not in docs:
            path = alignment_path.parent / f"{side.document}.json"
            if not path.exists():
                raise InputError(alignment_path, f"needs the document {side.document}: no "
                                                 f"{path} (pass --src/--tgt)")
            docs[side.document] = load_document(path)
        return docs[side.document]

    s, t = doc_for(al.source, src), doc_for(al.target, tgt)
    out = apply_corrections(al, s, t, corr, corrections_path)
    before = sum(1 for x in al.links if x.level == corr.level)
    after = [x for x in out.links if x.level == corr.level]
    checked = sum(1 for x in after if x.checked)
    by_hand = sum(1 for x in after if x.resp)
    summary = (f"{len(corr.links)} corrected link(s) applied: {before} → {len(after)} "
               f"{corr.level} links, {by_hand} made or checked by hand, {checked} checked")
    return out, summary
