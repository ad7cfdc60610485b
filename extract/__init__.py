"""Structure-preserving extraction of PDFs into the pariter document model.

``extract_pdf(path)`` is the entry point; the modules behind it each do one thing:
``chars`` (the PDF reader interface), ``hygiene`` (glyph cleaning), ``lines``,
``layout`` (reading order), ``running`` (headers/footers), ``figures`` (figure regions),
``footnotes``, ``headings`` (numbers and levels),
``textjoin``, ``lang`` and ``document`` (the pipeline).
"""

from .document import extract_pdf

__all__ = ["extract_pdf"]
