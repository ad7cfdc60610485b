"""What the exporters share: choosing the link level, score bands, texts."""

from __future__ import annotations


from pariter.model import Alignment, Document, Link, Marker

#: Finest first: JSON Lines and TMX export the finest level an alignment has.
FINEST_FIRST = ("sentence", "paragraph", "clause", "section", "footnote")


def pick_level(alignment: Alignment, level: str | None = None) -> str | None:
    """``level`` if given, else the finest level present (sentence → … → footnote)."""
    if level is not None:
        return level
    present = {link.level for link in alignment.links}
    for lv in FINEST_FIRST:
        if lv in present:
            return lv
    return None


def links_at(alignment: Alignment, level: str | None = None) -> tuple[str | None, list[Link]]:
    lv = pick_level(alignment, level)
    return lv, [link for link in alignment.links if link.level == lv]


def score4(score: float) -> float:
    """Scores as the model stores them: four decimals, so bytes are stable."""
    return round(float(score), 4)


# -- what a reader sees of a document ---------------------------------------------------
def _cjk_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff") \
        / len(letters)


def in_language(text: str, lang: str) -> bool:
    """Whether ``text`` is written in ``lang`` as far as its script tells (zh/ja vs the rest)."""
    share = _cjk_share(text)
    return share >= 0.5 if lang.split("-")[0] in ("zh", "ja") else share < 0.2


def side_title(doc: Document, lang: str) -> str | None:
    """The document's title in ``lang``: its title (or a `` / ``-separated part of it) when
    written in that language, else the most frequent running header in that language
    (a bilingual document prints its title in both), else None."""
    parts = [doc.title] if doc.title else []
    if doc.title and " / " in doc.title:
        parts = [x.strip() for x in doc.title.split(" / ")] + parts
    for t in parts:
        if t and in_language(t, lang):
            return t
    counts: dict[str, int] = {}
    for page in doc.pages:
        for r in page.running:
            if r.kind == "header" and len(r.text.strip()) > 3 and in_language(r.text, lang):
                counts[r.text.strip()] = counts.get(r.text.strip(), 0) + 1
    if counts:
        return max(sorted(counts), key=lambda t: counts[t])
    return None


def page_labels(doc: Document) -> dict[int, str]:
    """Physical page → printed page label, for the pages that have one."""
    return {p.number: p.label for p in doc.pages if p.label}


def select_subtree(doc: Document, select: str | None) -> Document:
    """``doc`` restricted to section ``select`` and its descendants (the part an alignment
    with ``AlignSide.select`` aligned); ``doc`` itself when ``select`` is None or unknown."""
    if not select or not any(s.id == select for s in doc.sections):
        return doc
    return doc.subtree(select)


def heading_markers(doc: Document) -> dict[str, list[Marker]]:
    """The callouts printed in headings ("2.1 Grab samples⁴"), by heading id, in the
    order they are printed: the markers the extractor anchored to a heading (``heading``)
    rather than a paragraph. Exporters draw them at the heading's end, where LaTeX's
    ``\\section{…\\footnote{…}}``, Word's and LibreOffice's note references in headings
    print them (the model records no offset in a heading's text)."""
    out: dict[str, list[Marker]] = {}
    for m in doc.markers:
        if m.heading is not None and m.paragraph is None:
            out.setdefault(m.heading, []).append(m)
    for ms in out.values():
        ms.sort(key=lambda m: (m.box.top, m.box.x0, m.id) if m.box else (0.0, 0.0, m.id))
    return out
