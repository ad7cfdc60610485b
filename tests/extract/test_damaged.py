"""Damaged PDFs: what a reader can open is read, what none can open is refused in one line.

The damaged files are made here from a corpus PDF and a hand-written one, by fixed seeds:
a broken cross-reference table, broken object delimiters, a truncated file, a corrupted
compressed stream. PDFium rebuilds what pdfminer gives up on; pdfminer is the fallback
where PDFium gives up.
"""

from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

import pytest

from pariter.errors import InputError
from pariter.extract import extract_pdf
from pariter.extract.chars import PdfplumberSource
from pariter.extract.pdfium import PdfiumSource
from tests.helpers import SHARED

from ._pdf import text_ops, write_pdf

CORPUS = Path(__file__).parents[2] / "corpus" / "pdf"


def _noisy_xref(data: bytes, seed: int) -> bytes:
    """Forty random bytes written over the cross-reference table and trailer."""
    start = data.rfind(b"\nxref")
    rnd = random.Random(seed)
    out = bytearray(data)
    for _ in range(40):
        out[rnd.randrange(start, len(data) - 30)] = rnd.randrange(256)
    return bytes(out)


def _chars(src_cls, path: Path) -> int:  # noqa: ANN001
    """Glyphs the reader finds in the file; -1 when it refuses the file."""
    try:
        src = src_cls(path, tables=False)
    except Exception:
        return -1
    try:
        return sum(len(p.chars) for p in src.pages())
    finally:
        src.close()


@pytest.fixture
def shared_pdfs() -> Path:
    p = SHARED / "pdfs"
    if not p.is_dir():
        pytest.skip("../shared is absent")
    return p


@pytest.fixture(scope="module")
def original() -> tuple[bytes, int]:
    data = (CORPUS / "wic-consensus-en.pdf").read_bytes()
    return data, _chars(PdfiumSource, CORPUS / "wic-consensus-en.pdf")


@pytest.mark.parametrize("damage", ["endobj", "xref-seed-2"])
def test_pdfium_reads_what_pdfminer_cannot(tmp_path: Path, original, damage: str) -> None:  # noqa: ANN001
    data, n = original
    bad = data.replace(b"endobj", b"endobX") if damage == "endobj" else _noisy_xref(data, 2)
    f = tmp_path / "d.pdf"
    f.write_bytes(bad)
    assert _chars(PdfplumberSource, f) <= 0  # refused, or opened with nothing in it
    assert _chars(PdfiumSource, f) == n
    doc = extract_pdf(f)
    assert len(doc.paragraphs) >= 10 and doc.headings


def test_pdfminer_reads_what_pdfium_refuses(tmp_path: Path, original) -> None:  # noqa: ANN001
    """The other reader is the fallback, and the user is told it was used."""
    data, n = original
    f = tmp_path / "d.pdf"
    f.write_bytes(_noisy_xref(data, 20))
    assert _chars(PdfiumSource, f) == -1
    doc = extract_pdf(f)
    assert doc.paragraphs and any(w.code == "reader_fallback" for w in doc.warnings)


_WORDS = ("river", "lantern", "orchard", "copper", "meadow", "harbour", "thistle", "granite",
          "willow", "saffron", "pebble", "falcon")


def _three_pages(tmp_path: Path) -> tuple[Path, bytes]:
    """Three pages of lines that differ from page to page (alike, they would be taken for
    running matter)."""
    rnd = random.Random(7)
    pages = [text_ops([(72, 100 + 14 * k, 11, " ".join(rnd.choice(_WORDS) for _ in range(9)))
                       for k in range(20)]) for _ in range(3)]
    f = write_pdf(tmp_path / "three.pdf", pages)
    return f, f.read_bytes()


def test_truncated_file_read_as_far_as_it_goes(shared_pdfs: Path, tmp_path: Path) -> None:
    """A Word file cut short (its last 2 %): it is linearized, its first trailer is at the
    start, PDFium reads every page and pdfminer none; the user is told it was truncated."""
    data = (shared_pdfs / "en_grobid_wang_ave2008_word.pdf").read_bytes()
    f = tmp_path / "cut.pdf"
    f.write_bytes(data[: int(len(data) * 0.98)])
    assert _chars(PdfplumberSource, f) <= 0
    doc = extract_pdf(f)
    assert doc.source.pages == 5 and {n for p in doc.paragraphs for n in p.pages} == {1, 2, 3, 4, 5}
    assert any(w.code == "truncated" for w in doc.warnings)


def test_corrupt_stream_keeps_what_decodes(tmp_path: Path) -> None:
    """A page whose compressed content is corrupted in the middle: PDFium keeps the text
    before the damage (pdfminer none of it), the other pages are read whole."""
    _, data = _three_pages(tmp_path)
    content = re.search(rb"7 0 obj\n<< /Length (\d+) >>\nstream\n(.*?)\nendstream", data, re.S)
    packed = bytearray(zlib.compress(content.group(2)))
    for k in range(len(packed) // 2, len(packed) // 2 + 6):
        packed[k] ^= 0x55
    new = (b"7 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
           + bytes(packed) + b"\nendstream")
    f = tmp_path / "flate.pdf"
    f.write_bytes(data[: content.start()] + new + data[content.end():])
    pages = list(PdfiumSource(f, tables=False).pages())
    assert [p.number for p in pages] == [1, 2, 3]
    assert 0 < len(pages[1].chars) < len(pages[0].chars)
    doc = extract_pdf(f)
    assert {n for p in doc.paragraphs for n in p.pages} == {1, 2, 3}
    # the page lost its second half without a glyph count to show it: the stream says so
    damaged = [w for w in doc.warnings if w.code == "damaged_stream"]
    assert [w.page for w in damaged] == [2] and "content stream is damaged" in damaged[0].message


def test_a_content_stream_that_cannot_be_found_is_reported(tmp_path: Path) -> None:
    """Page 2's /Contents points at an object that is not in the file: both readers draw
    nothing there, and the warning names the page (issue 12: a damaged file kept under
    half its text with no warning)."""
    _, data = _three_pages(tmp_path)
    f = tmp_path / "lost.pdf"
    f.write_bytes(data.replace(b"/Contents 7 0 R", b"/Contents 70 0 R"))
    doc = extract_pdf(f)
    assert {n for p in doc.paragraphs for n in p.pages} == {1, 3}
    damaged = [w for w in doc.warnings if w.code == "damaged_stream"]
    assert [w.page for w in damaged] == [2] and "cannot be found" in damaged[0].message


def test_unreadable_refused_in_one_line(tmp_path: Path, original) -> None:  # noqa: ANN001
    """The corpus PDFs keep their catalog at the end: cut, no reader finds a page."""
    data, _ = original
    f = tmp_path / "half.pdf"
    f.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as e:
        extract_pdf(f)
    msg = str(e.value)
    assert "half.pdf" in msg and "corrupt or truncated" in msg and "\n" not in msg


def test_text_loss_reported(tmp_path: Path) -> None:
    """A page whose glyphs mostly do not reach the text (here: white on white) says so,
    with both counts; a whole corpus document reports no loss."""
    hidden = "\n".join(f"BT /F1 10 Tf 1 1 1 rg 72 {700 - 12 * k} Td (hidden words on a white page) Tj ET"
                       for k in range(20))
    shown = "BT /F1 12 Tf 0 0 0 rg 72 740 Td (The one visible line of this page.) Tj ET"
    doc = extract_pdf(write_pdf(tmp_path / "w.pdf", [hidden + "\n" + shown]))
    loss = [w for w in doc.warnings if w.code == "text_loss"]
    assert len(loss) == 1 and loss[0].page == 1 and "of the" in loss[0].message
    report = extract_pdf(CORPUS / "wic-consensus-zh-en.pdf")
    assert not [w for w in report.warnings if w.code in ("text_loss", "damaged_stream")]


def test_the_stream_check_inflates_a_bomb_in_bounded_memory() -> None:
    """A content stream of 256 MB of zeros packs into a quarter of a megabyte; the damage
    check inflates a piece at a time and stops at its cap, so it neither blows up nor calls
    the stream damaged."""
    import tracemalloc

    from pariter.extract.streams import MAX_INFLATED, _inflates

    z = zlib.compressobj(9)
    piece = b"\0" * (1 << 20)
    bomb = b"".join(z.compress(piece) for _ in range(256)) + z.flush()
    assert len(bomb) < (1 << 20) and 256 << 20 > MAX_INFLATED
    tracemalloc.start()
    try:
        assert _inflates(bomb) is None
        assert tracemalloc.get_traced_memory()[1] < 16 << 20
    finally:
        tracemalloc.stop()
    whole = zlib.compress(b"BT /F1 12 Tf 72 700 Td (x) Tj ET\n" * 500)
    assert _inflates(whole) is None
    assert _inflates(whole[:-20]) == "the compressed data ends early"
