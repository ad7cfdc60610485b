"""Choosing and opening a reader: PDFium by default, pdfplumber on request, and each one
the other's fallback, so that a file is refused only when no reader can open it.

Error messages name what is wrong with the file in a user's words (encrypted, not a
PDF, damaged), never a library's exception type alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pariter.errors import InputError

from .chars import CharSource, PdfplumberSource

#: the readers a user can choose; the first is the default
READERS = ("pdfium", "pdfplumber")
DEFAULT_READER = READERS[0]


@dataclass(frozen=True)
class FileCheck:
    """What a look at the raw bytes says before any parsing."""

    truncated: bool = False  # no %%EOF / startxref at the end
    encrypted: bool = False  # an /Encrypt entry in the trailer


def check_file(p: Path) -> FileCheck:
    """Refuse what is plainly not a PDF before a reader sees it; note what looks damaged."""
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a PDF")
    with open(p, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputError(p, "the file is empty")
    if b"%PDF-" not in head:
        raise InputError(p, "not a PDF (no %PDF- header)")
    with open(p, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    # readers may still recover objects from a truncated file, but the user should know
    truncated = b"%%EOF" not in tail and b"startxref" not in tail
    with open(p, "rb") as fh:
        data = fh.read(min(size, 4 << 20))
    encrypted = bool(b"/Encrypt" in data
                     and re.search(rb"trailer\s*<<[^>]*?/Encrypt", data, re.S))
    return FileCheck(truncated, encrypted)


def _open(reader: str, p: Path) -> CharSource:
    if reader == "pdfium":
        from .pdfium import PdfiumSource

        return PdfiumSource(p)
    return PdfplumberSource(p)


def _encrypted(exc: BaseException) -> bool:
    if getattr(exc, "reason", None) in ("password", "security"):  # PDFium
        return True
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name, msg = type(inner).__name__, str(inner) or str(exc)
    # pdfminer: PDFPasswordIncorrect, PDFEncryptionError
    return "Password" in name or "Encrypt" in name or "encrypt" in msg.lower()


def _no_pages(exc: BaseException) -> bool:
    return getattr(exc, "reason", None) == "no_pages" or str(exc) == "no pages"


def open_source(p: Path, check: FileCheck | None = None, reader: str = DEFAULT_READER
                ) -> CharSource:
    """The chosen reader over ``p``, or the other one when the chosen one cannot open it.

    ``src.problems`` (code, message) tells the pipeline what to warn about (a fallback)."""
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}: choose one of {', '.join(READERS)}")
    check = check or FileCheck()
    order = [reader] + [r for r in READERS if r != reader]
    failures: list[tuple[str, BaseException]] = []
    for name in order:
        try:
            src = _open(name, p)
        except Exception as exc:  # pdfminer and PDFium raise many unrelated types
            failures.append((name, exc))
            continue
        if src.page_count == 0:
            src.close()
            failures.append((name, ValueError("no pages")))
            continue
        problems: list[tuple[str, str]] = []
        if failures:
            first, exc = failures[0]
            problems.append(("reader_fallback", f"{first} could not open the file "
                             f"({_describe(exc)}); read with {name}"))
        # the reader's own (strings it cleaned) after the fallback
        src.problems = problems + list(getattr(src, "problems", ()))  # type: ignore[attr-defined]
        src.reader = name  # type: ignore[attr-defined]
        return src
    if check.encrypted or any(_encrypted(exc) for _, exc in failures):
        raise InputError(p, "the PDF is encrypted (password protected); decrypt it first")
    if check.truncated:
        raise InputError(p, "not a readable PDF (corrupt or truncated: the file ends before its "
                         "%%EOF and no reader could find its pages)")
    if any(_no_pages(exc) for _, exc in failures):
        raise InputError(p, "the PDF has no pages")
    detail = "; ".join(f"{name}: {_describe(exc)}" for name, exc in failures)
    raise InputError(p, f"not a readable PDF (corrupt or truncated; {detail[:200]})")


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    msg = " ".join((str(inner) or str(exc)).split())
    return f"{type(inner).__name__}: {msg[:100]}" if msg else type(inner).__name__
