#!/usr/bin/env python3
"""Do the two typesettings of the corpus give the same paragraphs and sentences?

    python corpus/typeset/compare_alt.py             # counts per document, language and kind
    python corpus/typeset/compare_alt.py --diff      # ... and every difference
    python corpus/typeset/compare_alt.py --strict    # spaces beside CJK compared as extracted

Each document of ``corpus/pdf`` (Typst) and ``corpus/pdf-alt`` (LibreOffice, another
template: justified, 1.5 leading, no indent, Chinese line breaking) is extracted and
segmented as ``pariter extract`` does; for each language stream the paragraphs, the notes
and their sentences of the one are compared in order with those of the other
(``difflib`` over the two sequences): a unit counts as identical when the same text stands
at the same place of the sequence.

Compared: body paragraphs (roles body, list, caption), footnotes, and the sentences of
each. Not compared: front matter (cover, working-group list, contents, the abbreviation
table) and tables, which the two templates lay out differently by design (build_alt.py:
the contents regenerated with its own pages, the abbreviations set as a real table).

Normalised — only whitespace a typesetter decides, nothing else:

- every run of whitespace is one space, and a unit's ends are stripped: where a line
  breaks and how wide a justified space is belong to the typesetter;
- whitespace next to a CJK character (ideograph, CJK or full-width punctuation) is
  removed: the gap between Chinese and Latin text or digits (``AI 模型``) is spacing the
  typesetter adds (autospace; W3C clreq §3.2), both typesetters add it, the sources do
  not type it, and the PDF carries it as a gap that extraction reads as a space or not.

Everything else (letters, punctuation, quotes, hyphens, a space between two Latin words)
must be the same.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
DOCS = ["wic-consensus-en", "wic-consensus-zh", "wic-consensus-zh-en", "wic-report-zh"]
KINDS = ("paragraphs", "sentences", "notes", "note sentences")
#: roles of the running text; "front" and "table" are laid out differently by design
BODY_ROLES = frozenset({"body", "list", "caption"})

_WS = re.compile(r"\s+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) | (?=[{_CJK}])")


def normalize(text: str, cjk_gaps: bool = True) -> str:
    """``text`` with the whitespace a typesetter decides normalised (module docstring);
    ``cjk_gaps`` False keeps the spaces next to CJK characters as extracted (``--strict``)."""
    text = _WS.sub(" ", text).strip()
    return _CJK_GAP.sub("", text) if cjk_gaps else text


def units(doc, lang: str, cjk_gaps: bool = True) -> dict[str, list[str]]:
    """The compared units of one language stream of an extracted document, in order."""
    prefix = f"{lang}."
    body = [p for p in doc.paragraphs if p.id.startswith(prefix) and p.role in BODY_ROLES]
    notes = [f for f in doc.footnotes if f.id.startswith(prefix) and f.text.strip()]
    pids, nids = {p.id for p in body}, {f.id for f in notes}
    def norm(t: str) -> str:
        return normalize(t, cjk_gaps)

    return {
        "paragraphs": [norm(p.text) for p in body],
        "sentences": [norm(s.text) for s in doc.sentences if s.paragraph in pids],
        "notes": [norm(f.text) for f in notes],
        "note sentences": [norm(s.text) for s in doc.sentences if s.paragraph in nids],
    }


@dataclass
class Comparison:
    """One document, language and kind: how many units are identical, and the rest."""

    doc: str
    lang: str
    kind: str
    typst: int
    alt: int
    identical: int
    #: each difference: (the Typst units, the LibreOffice units) that stand in each other's place
    diffs: list[tuple[list[str], list[str]]] = field(default_factory=list)

    @property
    def differing(self) -> int:
        """Units of the longer side that have no identical counterpart."""
        return max(self.typst, self.alt) - self.identical


def compare(a: list[str], b: list[str]) -> tuple[int, list[tuple[list[str], list[str]]]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(m.size for m in sm.get_matching_blocks())
    diffs = [(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]
    return same, diffs


def compare_docs(typst, alt, name: str, cjk_gaps: bool = True) -> list[Comparison]:
    out = []
    for lang in ("zh", "en"):
        ua, ub = units(typst, lang, cjk_gaps), units(alt, lang, cjk_gaps)
        for kind in KINDS:
            if not ua[kind] and not ub[kind]:
                continue
            same, diffs = compare(ua[kind], ub[kind])
            out.append(Comparison(name, lang, kind, len(ua[kind]), len(ub[kind]), same, diffs))
    return out


def extract(pdf: Path):
    from pariter.pipeline import extract_document

    return extract_document(pdf)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--diff", action="store_true", help="list every difference")
    ap.add_argument("--strict", action="store_true",
                    help="keep the spaces next to CJK characters as extracted (the extractor "
                         "decides autospace, so both typesettings should agree there too)")
    ap.add_argument("docs", nargs="*", default=DOCS)
    args = ap.parse_args(argv)
    for name in args.docs:
        rows = compare_docs(extract(CORPUS / "pdf" / f"{name}.pdf"),
                            extract(CORPUS / "pdf-alt" / f"{name}.pdf"), name,
                            cjk_gaps=not args.strict)
        for c in rows:
            print(f"{c.doc:22} {c.lang} {c.kind:15} identical {c.identical:4d}"
                  f"  (Typst {c.typst}, LibreOffice {c.alt})")
            if args.diff:
                for a, b in c.diffs:
                    for t in a:
                        print(f"    - Typst       {t}")
                    for t in b:
                        print(f"    + LibreOffice {t}")
                    print("    ..")
    return 0


if __name__ == "__main__":
    sys.exit(main())
