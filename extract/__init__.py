"""Structure-preserving extraction of PDFs into the pariter document model.

``extract_pdf(path)`` is the entry point; the modules behind it each do one thing:
``chars`` (the PDF reader interface), ``hygiene`` (glyph cleaning), ``lines``,
``layout`` (reading order), ``running`` (headers/footers), ``figures`` (figure regions),
``footnotes``, ``headings`` (numbers and levels),
``textjoin``, ``lang`` and ``document`` (the pipeline).

``extract_pdf`` is imported from :mod:`.document` when first asked for, not with the
package: code that needs one module of it (the sentence splitter asks :mod:`.wordlist`
whether a word is English) does not load the whole pipeline and its PDF readers. In
``pariter extract``'s spaCy helper that import was 0.1-0.2 s of CPU on the path to the
document's sentences.
"""

from typing import Any

__all__ = ["extract_pdf"]


def __getattr__(name: str) -> Any:
    if name == "extract_pdf":
        from .document import extract_pdf

        globals()["extract_pdf"] = extract_pdf
        return extract_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
