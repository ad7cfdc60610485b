"""Checking what we write (and what we are given): TEI, document/alignment JSON, TMX.

``validate_file(path)`` returns a list of problems, empty when the file is fine; it looks
at the content, not the file name, to decide what the file is. TEI is validated against
the vendored ``tei_all`` RELAX NG schema (TEI P5 4.3.0, ``pariter/schemas/tei_all.rng``),
compiled once per process because compiling takes about ten seconds, and then checked for
what the schema cannot see: every ``#id`` pointer must resolve to an ``xml:id`` in the
file, and no ``xml:id`` may occur twice.

XML from outside is parsed with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import json
import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Attributes holding one or more URI pointers (``#id`` for a local one) in our TEI.
POINTER_ATTRS = ("target", "ana", "corresp", "sameAs", "copyOf", "next", "prev", "synch",
                 "ref", "decls", "facs", "resp", "source", "scheme", "hand", "who")

_lock = threading.Lock()
_schema: etree.RelaxNG | None = None


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_pis=False)


def parse_xml(data: bytes) -> etree._ElementTree:
    """Parse bytes from outside safely; raises ``etree.XMLSyntaxError``."""
    return etree.ElementTree(etree.fromstring(data, safe_parser()))


def tei_schema() -> etree.RelaxNG:
    """The compiled tei_all schema; compiled on first use, then cached for the process."""
    global _schema
    with _lock:
        if _schema is None:
            rng = resources.files("pariter.schemas").joinpath("tei_all.rng")
            with resources.as_file(rng) as p:
                _schema = etree.RelaxNG(etree.parse(str(p), safe_parser()))
        return _schema


def tei_problems(tree: etree._ElementTree | bytes, schema: bool = True) -> list[str]:
    """Schema errors (if ``schema``) and unresolved or duplicate ids of a TEI document."""
    if isinstance(tree, (bytes, bytearray)):
        try:
            tree = parse_xml(bytes(tree))
        except etree.XMLSyntaxError as e:
            return [f"not well-formed XML: {e}"]
    out: list[str] = []
    if schema:
        rng = tei_schema()
        if not rng.validate(tree):
            for e in rng.error_log:
                out.append(f"line {e.line}: {e.message}")
    out += reference_problems(tree)
    return out


def reference_problems(tree: etree._ElementTree) -> list[str]:
    """Every local pointer (``#id``) must name an ``xml:id`` present; ids must be unique."""
    out: list[str] = []
    ids: dict[str, int] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        xid = el.get(XML_ID)
        if xid is not None:
            if xid in ids:
                out.append(f"line {el.sourceline}: duplicate xml:id {xid!r}")
            ids[xid] = el.sourceline or 0
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRS:
            value = el.get(attr)
            if not value:
                continue
            for tok in value.split():
                if tok.startswith("#") and tok[1:] not in ids:
                    name = etree.QName(el).localname
                    out.append(f"line {el.sourceline}: <{name} {attr}> points to "
                               f"{tok!r}, which is no xml:id in the file")
    return out


# -- TMX -----------------------------------------------------------------------------
TMX_HEADER_REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf",
                       "adminlang", "srclang", "datatype")


def tmx_problems(tree: etree._ElementTree) -> list[str]:
    """TMX 1.4b structure: a header with its required attributes, a body of <tu>s whose
    <tuv>s carry xml:lang and one <seg>."""
    out: list[str] = []
    root = tree.getroot()
    if root.tag != "tmx":
        return [f"root element is <{root.tag}>, not <tmx>"]
    if root.get("version") != "1.4":
        out.append(f"<tmx version> is {root.get('version')!r}, expected '1.4'")
    header = root.find("header")
    if header is None:
        out.append("no <header>")
    else:
        for a in TMX_HEADER_REQUIRED:
            if not header.get(a):
                out.append(f"<header> lacks the required attribute {a!r}")
        if header.get("segtype") and header.get("segtype") not in (
                "block", "paragraph", "sentence", "phrase"):
            out.append(f"<header segtype> {header.get('segtype')!r} is not a TMX segtype")
    body = root.find("body")
    if body is None:
        out.append("no <body>")
        return out
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for i, tu in enumerate(body, 1):
        if not isinstance(tu.tag, str):
            continue
        if tu.tag != "tu":
            out.append(f"line {tu.sourceline}: <{tu.tag}> in <body>, expected <tu>")
            continue
        tuvs = tu.findall("tuv")
        if not tuvs:
            out.append(f"line {tu.sourceline}: <tu> without <tuv>")
        for tuv in tuvs:
            if not (tuv.get(xml_lang) or tuv.get("lang")):
                out.append(f"line {tuv.sourceline}: <tuv> without xml:lang")
            if len(tuv.findall("seg")) != 1:
                out.append(f"line {tuv.sourceline}: <tuv> must hold exactly one <seg>")
    return out


# -- dispatch ------------------------------------------------------------------------
def validate_file(path: str | Path) -> list[str]:
    """Problems with the file at ``path`` (empty list: valid). Dispatches on content:
    TEI XML, TMX, document JSON, alignment JSON, our JSON Lines or our HTML review page
    (checked only for being self-contained)."""
    from pariter.errors import InputError
    from pariter.io import read_bytes

    p = Path(path)
    try:
        data = read_bytes(p)
    except InputError as e:
        return [e.problem]
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if re.match(rb"(\xef\xbb\xbf)?\s*<!doctype html", data[:64], re.I):
        return html_problems(data)
    if head == b"<":
        return _xml_problems(data)
    if head == b"{":
        return _json_problems(data)
    return ["not a file pariter knows: expected TEI XML, TMX, or document/alignment JSON"]


def _xml_problems(data: bytes) -> list[str]:
    try:
        tree = parse_xml(data)
    except etree.XMLSyntaxError as e:
        return [f"not well-formed XML: {e}"]
    root = tree.getroot()
    if root.tag in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
        return tei_problems(tree)
    if root.tag == "tmx":
        return tmx_problems(tree)
    return [f"XML with root <{root.tag}>: neither TEI nor TMX"]


def _json_problems(data: bytes) -> list[str]:
    """Schema, then the references the schema cannot see (pariter.refs): duplicate ids,
    pointers to units that do not exist, spans outside their paragraph."""
    from pariter.errors import InputError
    from pariter.io import decode_text, parse_json
    from pariter.model import Alignment, Document
    from pariter.refs import alignment_self_problems, document_problems
    from pariter.schema import errors

    try:
        text = decode_text(data, "")
    except InputError as e:
        return [e.problem]
    try:
        obj: Any = parse_json(text, "")
    except InputError as e:
        return jsonl_problems(text) if "(Extra data)" in e.problem else [e.problem]
    if isinstance(obj, dict) and "src_id" in obj:
        return jsonl_problems(text)
    if not isinstance(obj, dict):
        return ["JSON top level is not an object"]
    kind = "alignment" if "links" in obj else "document"
    found = errors(obj, kind)
    if found:
        return found
    try:
        if kind == "document":
            refs = document_problems(Document.from_dict(obj))
        else:
            refs = alignment_self_problems(Alignment.from_dict(obj))
    except (TypeError, ValueError, KeyError) as e:
        return [f"not a valid {kind} file ({e})"]
    return [f"{where}: {what}" for where, what in refs]


def html_problems(data: bytes) -> list[str]:
    """Our review page must be self-contained: nothing fetched from the network."""
    text = data.decode("utf-8", errors="replace")
    out = [f"fetches {m.group(0)!r}: the review page must work offline"
           for m in re.finditer(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//[^"'\s>]*""", text)]
    if "<script" in text and 'data-ready' not in text:
        out.append("no data-ready marker: not a pariter review page")
    return out


JSONL_KEYS = ("src_id", "tgt_id", "src_text", "tgt_text", "score", "flags")


def jsonl_problems(text: str) -> list[str]:
    """Our JSON Lines: one object a line with exactly the keys of ``JSONL_KEYS``."""
    out: list[str] = []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            out.append(f"line {i}: empty line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            out.append(f"line {i}: not JSON ({e.msg})")
            continue
        except (RecursionError, ValueError):
            out.append(f"line {i}: not one of our rows (nested too deeply or a number out of range)")
            continue
        if not isinstance(row, dict) or tuple(row) != JSONL_KEYS:
            out.append(f"line {i}: expected an object with keys {', '.join(JSONL_KEYS)}")
            continue
        if not (isinstance(row["src_id"], list) and isinstance(row["tgt_id"], list)
                and all(isinstance(x, str) for x in row["src_id"] + row["tgt_id"])):
            out.append(f"line {i}: src_id and tgt_id must be lists of unit ids")
        if not (isinstance(row["src_text"], str) and isinstance(row["tgt_text"], str)):
            out.append(f"line {i}: src_text and tgt_text must be strings")
        sc = row["score"]
        if isinstance(sc, bool) or not isinstance(sc, (int, float)) or not 0 <= sc <= 1:
            out.append(f"line {i}: score must be a number in 0..1")
        if not isinstance(row["flags"], list):
            out.append(f"line {i}: flags must be a list")
    return out


