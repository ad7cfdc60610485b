"""TMX 1.4b: the aligned pairs as a translation memory (CAT tools, translate-toolkit).

One ``<tu tuid="N">`` per link of the exported level (sentence, else the finest present)
whose two sides both have text and differ as translations do; ``N`` counts the exported units
from 1. A link flagged ``untranslated`` (a sentence the translation left in the original
language, linked with itself) is left out: a CAT tool applies a memory's exact matches on its
own, and that unit would "translate" the sentence into its untranslated copy. The alignment,
TEI and JSON Lines keep it, flagged, for the translator who still has to translate it. Each ``<tu>``
carries ``<prop>``s ``x-src-ids`` / ``x-tgt-ids`` (space-separated unit ids), ``x-score``
(four decimals), ``x-flags`` (space-separated, only when flagged) and ``x-level``, then one
``<tuv xml:lang>`` per side with its ``<seg>``. A link a translator made or checked names
them in ``changeid`` (TMX's "user who modified the element", which CAT tools show as the
entry's author) and in ``x-resp``, and a checked one has ``<prop type="x-checked">yes``. The header names pariter and its version
and carries no creation date, so the same alignment always gives the same bytes.
"""

from __future__ import annotations

from lxml import etree

from pariter.export.common import links_at, score4
from pariter.model import Alignment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SEGTYPE = {"sentence": "sentence", "paragraph": "paragraph", "clause": "block",
           "section": "block", "footnote": "paragraph"}


def _version() -> str:
    from pariter import __version__
    return __version__


def _clean(text: str) -> str:
    from pariter.export.tei import _x
    return _x(text)


def alignment_to_tmx(alignment: Alignment, level: str | None = None) -> bytes:
    lv, links = links_at(alignment, level)
    slang = alignment.source.lang or "und"
    tlang = alignment.target.lang or "und"
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "pariter", "creationtoolversion": _version(),
        "segtype": SEGTYPE.get(lv or "sentence", "sentence"), "o-tmf": "pariter-json",
        "adminlang": "en", "srclang": slang, "datatype": "plaintext"})
    body = etree.SubElement(root, "body")
    n = 0
    for link in links:
        if not (link.src and link.tgt and link.src_text.strip() and link.tgt_text.strip()):
            continue
        if "untranslated" in link.flags:
            continue
        n += 1
        tu = etree.SubElement(body, "tu", tuid=str(n))
        if link.resp:
            tu.set("changeid", link.resp)
        for ptype, value in (("x-src-ids", " ".join(link.src)),
                             ("x-tgt-ids", " ".join(link.tgt)),
                             ("x-score", f"{score4(link.score):.4f}"),
                             ("x-flags", " ".join(link.flags)),
                             ("x-level", link.level),
                             ("x-checked", "yes" if link.checked else ""),
                             ("x-resp", link.resp or "")):
            if value:
                etree.SubElement(tu, "prop", type=ptype).text = value
        for lang, text in ((slang, link.src_text), (tlang, link.tgt_text)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = _clean(text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
