"""Extraction benchmark: speed against pdfplumber's plain text, and peak memory.

Timings on a shared machine drift, so nothing here is an absolute number to assert:
speed is the ratio of our ``extract_pdf`` to pdfplumber's ``page.extract_text()`` over the
same pages in the same process, runs interleaved; memory is the peak resident size of a
child process extracting a 1,000-page PDF, beside a child doing the plain text baseline.

    python -m pariter.extract.bench [--pages 1000] [--skip-memory] [PDF ...]
"""

from __future__ import annotations

import argparse
import gc
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_pdfs() -> list[Path]:
    pdfs = sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    shared = ROOT.parent / "shared" / "pdfs"
    if shared.is_dir():
        pdfs += sorted(shared.glob("*.pdf"))
    return pdfs


def plain_text(path: Path) -> int:
    import pdfplumber

    n = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            n += len(page.extract_text() or "")
            page.close()
    return n


def ours(path: Path) -> int:
    from pariter.errors import InputError
    from pariter.extract import extract_pdf

    try:
        doc = extract_pdf(path)
    except InputError:
        return 0
    return sum(len(p.text) for p in doc.paragraphs)


def speed(pdfs: list[Path], rounds: int = 2) -> tuple[float, float]:
    base = mine = 0.0
    for _ in range(rounds):
        for pdf in pdfs:
            gc.collect()
            t = time.perf_counter()
            plain_text(pdf)
            base += time.perf_counter() - t
            gc.collect()
            t = time.perf_counter()
            ours(pdf)
            mine += time.perf_counter() - t
    return base, mine


def make_long_pdf(pages: int, out: Path) -> Path:
    """A long PDF made of the corpus report's pages repeated: real text, real fonts."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(ROOT / "corpus" / "pdf" / "wic-report-zh.pdf"))
    dst = pdfium.PdfDocument.new()
    while len(dst) < pages:
        take = min(len(src), pages - len(dst))
        dst.import_pages(src, list(range(take)))
    dst.save(str(out))
    return out


def peak_rss_mb(code: str) -> float:
    """Peak resident set size of a fresh interpreter running ``code``, as it reports it."""
    code = "import logging; logging.getLogger('pdfminer').setLevel(logging.ERROR)\n" + code
    probe = code + "\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    res = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return int(res.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> int:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args(argv)
    pdfs = args.pdfs or default_pdfs()
    if not pdfs:
        print("extract bench: no PDFs found")
        return 0
    ours(pdfs[0])  # warm imports and caches outside the timing
    base, mine = speed(pdfs)
    print(f"extract speed over {len(pdfs)} PDFs: extract_text {base:.2f}s, pariter {mine:.2f}s, "
          f"ratio {mine / base:.2f}x (target <= 1.5x)")
    if not args.skip_memory:
        with tempfile.TemporaryDirectory() as tmp:
            long_pdf = make_long_pdf(args.pages, Path(tmp) / "long.pdf")
            ours_mb = peak_rss_mb(f"from pariter.extract.bench import ours; ours({str(long_pdf)!r})")
            base_mb = peak_rss_mb(f"from pariter.extract.bench import plain_text; plain_text({str(long_pdf)!r})")
            print(f"peak memory on a {args.pages}-page PDF: pariter {ours_mb:.0f} MB "
                  f"(target <= 400 MB); extract_text alone {base_mb:.0f} MB, "
                  f"ratio {ours_mb / base_mb:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
