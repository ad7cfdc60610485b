"""Content streams that do not decode: damage a page's glyph count cannot show.

:mod:`.loss` compares what a page keeps with what it draws. A page whose compressed
content stream breaks off in the middle draws less — both readers decode up to the damage
and stop without a word — so that comparison sees nothing wrong: the damaged corpus files
of issue 12 kept 20–60 % of their text with no warning at all. The stream itself is the
evidence: its Flate data fails to inflate (a wrong code, a wrong checksum, no end), or the
page's /Contents points at no stream. This module reads each page's content streams
(pdfminer's parser, already a dependency through pdfplumber) and inflates them again,
which costs a small share of extracting the page (0.2 s at most on the 90 corpus,
shared and devset PDFs, none of which is flagged).
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import Iterator

#: pages checked at most: the check is a net for damage, not a second reading, and must
#: stay cheap whatever the page count a file claims
MAX_PAGES = 5000
#: bytes of one content stream inflated at most: a page's drawing operators rarely pass a
#: few megabytes; past this the stream is taken as whole (a check, not a second reading)
MAX_INFLATED = 64 << 20
#: bytes inflated at a time (and thrown away)
INFLATE_PIECE = 1 << 20


def _streams(contents: object) -> list[object]:
    from pdfminer.pdftypes import resolve1

    c = resolve1(contents)
    return [resolve1(s) for s in c] if isinstance(c, list) else [c]


def _inflates(raw: bytes) -> str | None:
    """None when ``raw`` is one whole zlib stream (or inflates past
    :data:`MAX_INFLATED` before its end: no evidence either way), else what is wrong with
    it. The output is inflated a piece at a time and thrown away, so a stream that
    inflates a thousandfold costs no memory."""
    d = zlib.decompressobj()
    data, total = raw, 0
    try:
        while data and total <= MAX_INFLATED:
            total += len(d.decompress(data, INFLATE_PIECE))
            data = d.unconsumed_tail
    except zlib.error as exc:
        return str(exc).replace("Error -3 while decompressing data: ", "")
    return None if d.eof or total > MAX_INFLATED else "the compressed data ends early"


def damaged_pages(path: Path) -> Iterator[tuple[int, str, bool]]:
    """``(page, problem, missing)`` for every page whose content stream is damaged;
    ``missing``: the page's /Contents resolve to no stream at all (a broken reference,
    which a reader that rebuilds the file's index may still find). A file pdfminer cannot
    open yields nothing: the reader that did open it is the only witness."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # it logs what we report, once per object
    try:
        with open(path, "rb") as fp:
            try:
                doc = PDFDocument(PDFParser(fp))
                pages = PDFPage.create_pages(doc)
            except Exception:  # noqa: BLE001 - not openable by this parser: no evidence
                return
            number = 0
            while number < MAX_PAGES:
                try:
                    page = next(pages)
                except StopIteration:
                    return
                except Exception:  # noqa: BLE001 - a broken page tree: the rest is unknown
                    return
                number += 1
                contents = page.attrs.get("Contents")
                if contents is None:  # a page that draws nothing, by design
                    continue
                try:
                    streams = _streams(contents)
                except Exception:  # noqa: BLE001
                    streams = [None]
                for s in streams:
                    if not isinstance(s, PDFStream):
                        yield (number, "its content stream cannot be found: the page's text is "
                               "missing", True)
                        break
                    try:
                        filters = s.get_filters()
                        if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
                            continue
                        problem = _inflates(s.get_rawdata() or b"")
                    except Exception as exc:  # noqa: BLE001
                        problem = f"{type(exc).__name__}"
                    if problem:
                        yield (number, f"its compressed content stream is damaged ({problem}): "
                               "text may be missing or wrong from the damage on", False)
                        break
    finally:
        quiet.setLevel(level)
