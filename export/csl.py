"""The citations parsed from footnotes, where researchers keep references: CSL-JSON, BibTeX.

CSL-JSON (the input of citeproc: Zotero, pandoc, citeproc-js/-py) and BibTeX (biblatex
fields, which pandoc and biber read) carry the same items. Decisions:

* one item per parsed citation; its ``id`` (and BibTeX key) is ``DOC:NOTE`` —
  ``wic-report-zh:zh.fn2`` — so a reference leads back to the note that cites it
  (``pariter cite`` resolves it), with ``.2``, ``.3`` … for further citations of one note;
* the author is kept as printed, as one literal name (``{"literal": …}``, ``{{…}}`` in
  BibTeX): notes print organisations (Gartner, 中国信息通信研究院) and lists such as
  "Leo Gao, Stella Biderman, et al." that cannot be split into family and given names
  without guessing;
* type ``webpage`` (``@online``) when the citation has a URL, else ``document``
  (``@misc``): a note does not say whether a work is a book, report or article;
* dates as parsed (ISO at the precision printed) go to ``issued``/``date`` and
  ``accessed``/``urldate``; the language follows the citation's style (``zh``: zh-CN);
* ``note`` says where the reference is cited: document, note label, id and page;
* items are in document order, notes in order: the same document gives the same bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from pariter.model import Citation, Document, Footnote

_LANG = {"zh": ("zh-CN", "chinese"), "en": ("en", "english")}
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _date(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    m = _ISO.fullmatch(value.strip())
    if not m:
        return {"literal": value}
    return {"date-parts": [[int(x) for x in m.groups() if x is not None]]}


def _items(docs: Iterable[Document]) -> Iterable[tuple[str, Document, Footnote, Citation]]:
    for doc in docs:
        for fn in doc.footnotes:
            for k, c in enumerate(fn.citations, 1):
                key = f"{doc.id}:{fn.id}" + (f".{k}" if k > 1 else "")
                yield key, doc, fn, c


def _where(doc: Document, fn: Footnote) -> str:
    labels = {p.number: p.label for p in doc.pages if p.label}
    printed = labels.get(fn.page)
    page = f"p. {fn.page}" + (f" (printed p. {printed})" if printed and printed != str(fn.page)
                              else "")
    return f"cited in {doc.id}, note {fn.label} ({fn.id}), {page}"


def csl_items(docs: Iterable[Document]) -> list[dict[str, Any]]:
    """Every parsed citation of the documents' footnotes as a CSL-JSON item."""
    out = []
    for key, doc, fn, c in _items(docs):
        item: dict[str, Any] = {"id": key, "type": "webpage" if c.url else "document"}
        if c.title:
            item["title"] = c.title
        if c.author:
            item["author"] = [{"literal": c.author}]
        issued = _date(c.date)
        if issued:
            item["issued"] = issued
        accessed = _date(c.accessed)
        if accessed:
            item["accessed"] = accessed
        if c.url:
            item["URL"] = c.url
        if c.style in _LANG:
            item["language"] = _LANG[c.style][0]
        if not c.title and not c.author:
            item["title"] = c.raw  # nothing parsed: the note as printed
        item["note"] = _where(doc, fn)
        out.append(item)
    return out


def to_csl_json(docs: Iterable[Document]) -> bytes:
    return (json.dumps(csl_items(docs), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
        "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _tex(text: str) -> str:
    return "".join(_TEX.get(ch, ch) for ch in " ".join(text.split()))


def _url(url: str) -> str:
    """A URL for a verbatim field: only what would break the braces is escaped."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def to_bibtex(docs: Iterable[Document]) -> bytes:
    """The same items in BibTeX with biblatex's fields (``date``, ``urldate``, ``langid``)."""
    entries = []
    for key, doc, fn, c in _items(docs):
        fields: list[tuple[str, str]] = []
        if c.author:
            fields.append(("author", "{" + _tex(c.author) + "}"))
        title = c.title or (None if c.author else c.raw)
        if title:
            fields.append(("title", "{" + _tex(title) + "}"))
        if c.date and _ISO.fullmatch(c.date.strip()):
            fields.append(("date", c.date.strip()))
        if c.url:
            fields.append(("url", _url(c.url)))
        if c.accessed and _ISO.fullmatch(c.accessed.strip()):
            fields.append(("urldate", c.accessed.strip()))
        if c.style in _LANG:
            fields.append(("langid", _LANG[c.style][1]))
        fields.append(("note", _tex(_where(doc, fn))))
        kind = "online" if c.url else "misc"
        body = "".join(f"  {k} = {{{v}}},\n" for k, v in fields)
        entries.append(f"@{kind}{{{key},\n{body}}}\n")
    return "\n".join(entries).encode("utf-8")
