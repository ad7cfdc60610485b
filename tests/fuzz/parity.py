"""Damaged PDFs that PDFium can read: does ``pariter extract`` get text from every one?

Issue 10's target for damaged files. The fuzz target's PDF mutators (``tests/fuzz/mutate.py``:
bit flips, truncation, broken cross-reference tables and streams, swapped and duplicated
objects, absurd operands) damage the fuzz seeds; for each mutant two new processes run with
a time limit, as a user would run them:

* PDFium's bare text dump (pypdfium2: open the file, every page's text) — the baseline;
* ``pariter extract MUTANT -o OUT.json`` — the user's command.

A mutant counts as *read by PDFium* when PDFium opens it and its dump holds printable
characters. Printable, because a broken font map makes PDFium pass character codes on as
control characters (``\\x08×\\x15``); those are not text, and pariter drops them with a
``cid_glyphs`` warning. Of the mutants read by PDFium, each must give ``pariter extract`` exit
0 and a document with text; any other is listed (exit 1). The report also gives the share of
PDFium's printable characters that reach the document (tables' cells included), beside the
same share on the undamaged seeds: what the damage costs, not what the reader leaves out by
design (page numbers, running heads, invisible text).

    python -m tests.fuzz.parity [--seed 1] [--pdfs 200] [--jobs 2] [--shared] [--max-pages 8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.fuzz import mutate
from tests.fuzz.run import pariter_argv, seed_pdfs, tiny_pdfs

#: PDFium's text dump of the file: the number of printable, non-space characters, or
#: "refused" when PDFium cannot open it. A page PDFium cannot load counts nothing.
PDFIUM_DUMP = r"""
import sys
import pypdfium2 as pdfium
try:
    pdf = pdfium.PdfDocument(sys.argv[1])
except Exception:
    print("refused")
    raise SystemExit(0)
n = 0
for i in range(len(pdf)):
    try:
        text = pdf[i].get_textpage().get_text_range()
    except Exception:
        continue
    n += sum(1 for c in text if c.isprintable() and not c.isspace())
print(n)
"""


def printable(text: str) -> int:
    return sum(1 for c in text if c.isprintable() and not c.isspace())


def document_chars(path: Path) -> int:
    """Printable characters of a document's text: headings, paragraphs, notes, table cells
    (sentences and clauses repeat the paragraphs' text)."""
    from pariter.model import load_document

    doc = load_document(path)
    n = sum(printable(u.text) for kind in (doc.headings, doc.paragraphs, doc.footnotes)
            for u in kind)
    return n + sum(printable(cell) for t in doc.tables for row in t.rows for cell in row)


@dataclass
class Outcome:
    name: str
    pdfium: int | None  # printable characters, None: PDFium refused the file (or hung)
    code: int | None  # pariter's exit code, None: killed at the time limit
    chars: int  # printable characters in pariter's document (0 when it wrote none)
    error: str = ""

    @property
    def read_by_pdfium(self) -> bool:
        return bool(self.pdfium)

    @property
    def extracted(self) -> bool:
        return self.code == 0 and self.chars > 0


def pdfium_chars(pdf: Path, timeout: float) -> int | None:
    try:
        res = subprocess.run([sys.executable, "-c", PDFIUM_DUMP, str(pdf)], capture_output=True,
                             text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    out = res.stdout.split()
    return int(out[-1]) if res.returncode == 0 and out and out[-1].isdigit() else None


def pariter_chars(pdf: Path, out: Path, timeout: float) -> tuple[int | None, int, str]:
    env = dict(os.environ, PYTHONUTF8="1")
    try:
        res = subprocess.run(pariter_argv() + ["extract", str(pdf), "-o", str(out)],
                             capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, 0, f"killed after {timeout:.0f} s"
    err = " ".join(res.stderr.strip().splitlines()[-1:])[:200]
    if res.returncode != 0 or not out.is_file():
        return res.returncode, 0, err
    return 0, document_chars(out), err


def one(name: str, pdf: Path, timeout: float) -> Outcome:
    code, chars, err = pariter_chars(pdf, pdf.with_suffix(".json"), timeout)
    return Outcome(name, pdfium_chars(pdf, timeout), code, chars, err)


def mutants(seed: int, n: int, root: Path, shared: bool, max_pages: int
            ) -> tuple[list[Path], list[tuple[str, Path]]]:
    """The seeds (those of at most ``max_pages`` pages) and ``n`` mutants of them."""
    import pypdfium2 as pdfium

    seeds = []
    for p in seed_pdfs(shared) + tiny_pdfs(root):
        pdf = pdfium.PdfDocument(str(p))
        if len(pdf) <= max_pages:
            seeds.append(p)
        pdf.close()
    rng = random.Random(seed)
    out = []
    for i in range(n):
        src = rng.choice(seeds)
        data, how = mutate.mutate_pdf(src.read_bytes(), rng)
        d = root / f"m{i:04d}"
        d.mkdir()
        pdf = d / f"mutant-{src.stem}.pdf"
        pdf.write_bytes(data)
        out.append((f"m{i:04d} {src.name} {how}", pdf))
    return seeds, out


def kept(o: Outcome) -> float:
    return o.chars / o.pdfium if o.pdfium else 0.0


def parity(seed: int, n: int, jobs: int = 2, shared: bool = False, max_pages: int = 8,
           timeout: float = 120.0, log: Callable[[str], None] = print, baseline: bool = True
           ) -> list[Outcome]:
    """Every mutant's outcome; ``baseline``: also run the undamaged seeds for the share of
    characters kept."""
    root = Path(tempfile.mkdtemp(prefix="pariter-parity-"))
    try:
        seeds, cases = mutants(seed, n, root, shared, max_pages)
        originals = []
        for p in seeds if baseline else ():  # copied: pariter writes its JSON next to the file it reads
            copy = root / "seeds" / p.name
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(p, copy)
            originals.append((f"seed {p.name}", copy))
        log(f"parity: seed {seed}, {n} mutants of {len(seeds)} seed PDFs (<= {max_pages} pages), "
            f"{jobs} at a time, {timeout:.0f} s limit per process")
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            base = list(pool.map(lambda c: one(c[0], c[1], timeout), originals))
            results = list(pool.map(lambda c: one(c[0], c[1], timeout), cases))
        readable = [o for o in results if o.read_by_pdfium]
        missed = [o for o in readable if not o.extracted]
        refused_pdfium = sum(o.pdfium is None for o in results)
        no_text = sum(o.pdfium == 0 for o in results)
        extra = sum(1 for o in results if not o.read_by_pdfium and o.extracted)
        log(f"parity: PDFium refuses {refused_pdfium}, opens without printable text {no_text}, "
            f"reads text from {len(readable)}; pariter extracts text from "
            f"{len(readable) - len(missed)} of those {len(readable)}, and from {extra} of the "
            f"{len(results) - len(readable)} others")
        shares = [kept(o) for o in readable if o.extracted]
        seed_shares = [kept(o) for o in base if o.read_by_pdfium and o.extracted]
        if shares and seed_shares:
            log(f"parity: share of PDFium's printable characters in pariter's document: mutants "
                f"median {statistics.median(shares):.2f} (lowest {min(shares):.2f}); undamaged "
                f"seeds median {statistics.median(seed_shares):.2f} (lowest {min(seed_shares):.2f})")
        for o in missed:
            log(f"MISSED {o.name}: PDFium reads {o.pdfium} characters; pariter exit {o.code}, "
                f"{o.chars} characters: {o.error}")
        return results
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pdfs", type=int, default=200, help="mutated PDFs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--shared", action="store_true", help="also mutate ../shared/pdfs")
    ap.add_argument("--max-pages", type=int, default=8, help="longest seed PDF used")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per process")
    ap.add_argument("--json", type=Path, help="also write every outcome as JSON lines")
    a = ap.parse_args(argv)
    results = parity(a.seed, a.pdfs, a.jobs, a.shared, a.max_pages, a.timeout)
    if a.json:
        a.json.write_text("".join(json.dumps(o.__dict__, ensure_ascii=False) + "\n"
                                  for o in results), encoding="utf-8")
    return 1 if any(o.read_by_pdfium and not o.extracted for o in results) else 0


if __name__ == "__main__":
    sys.exit(main())
