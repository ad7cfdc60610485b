"""Extraction benchmark: pages per second against two plain-text baselines, and peak memory.

Timings on a shared machine drift, so nothing here is an absolute number to assert. Speed:
our ``extract_pdf`` beside pdfplumber's ``page.extract_text()`` and PDFium's text dump
(``get_text_range()``, no layout at all) over the same pages in the same process, runs
interleaved, as pages per second of wall and of CPU time (CPU time stretches less when
other processes share the cores) and as ratios; our character layer alone (the reader's
glyphs, no structure) is timed too, to split our time between reading and building; and,
once a round, all the PDFs as one batch the way ``pariter extract A.pdf B.pdf … --out DIR``
runs it (documents spread over the cores by :mod:`pariter.batch`, each document's pages
in one process): an archive's throughput beside one long document's. Memory: the peak
resident size of a child process extracting the 8-page paper of the cold-start bench and
a 1,000-page PDF, each beside a child doing the plain-text baselines on the same file.

Targets (issue 10): ≥ 100 pages/s in-process and ≥ 8× pdfplumber's ``extract_text()``;
peak memory ≤ 200 MB for an 8-page paper and ≤ 400 MB for 1,000 pages.

    python -m pariter.extract.bench [--pages 1000] [--skip-memory] [PDF ...]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]


def default_pdfs() -> list[Path]:
    pdfs = sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    from pariter.devdata import SHARED

    shared = SHARED / "pdfs"
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


def pdfium_text(path: Path) -> int:
    import pypdfium2 as pdfium

    n = 0
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            n += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return n


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def ours(path: Path, jobs: int | None = None) -> int:
    """Our extraction; ``jobs`` as :func:`~pariter.extract.extract_pdf` takes it (None: a
    long document's pages on all cores)."""
    from pariter.errors import InputError
    from pariter.extract import extract_pdf

    try:
        doc = extract_pdf(path, jobs=jobs)
    except InputError:
        return 0
    return sum(len(p.text) for p in doc.paragraphs)


def ours_one_process(path: Path) -> int:
    return ours(path, jobs=1)


def glyphs_only(path: Path) -> int:
    """Our character layer alone, in this process: the default reader's glyphs, rules,
    tables and links of every page, without hygiene, lines or structure. Beside the
    1-process run it splits our time between reading the PDF and building the document."""
    from pariter.errors import InputError
    from pariter.extract.document import cycle_collector_paused
    from pariter.extract.readers import check_file, open_source

    with cycle_collector_paused():  # as extract_pdf reads
        try:
            src = open_source(path, check_file(path))
        except InputError:
            return 0
        try:
            return sum(len(pc.chars) for pc in src.pages())
        finally:
            src.close()


def batch(pdfs: list[Path]) -> int:
    """All of ``pdfs`` as ``pariter extract A.pdf B.pdf … --out DIR`` runs them: documents
    spread over every core by :func:`pariter.batch.run_jobs`, one forked process each, a
    document's pages in its own process (:func:`~pariter.extract.parallel.page_jobs` inside
    a batch's worker). What an archive gets from the cores, where ``pariter`` shows what
    one long document does; without the JSON writing and the sentences, as for the others."""
    from pariter.batch import Job, default_jobs, largest_first, run_jobs

    jobs = default_jobs()
    outcomes = run_jobs([Job(str(p), ours, (p,))
                         for p in (largest_first(pdfs) if jobs > 1 else pdfs)], jobs)
    failed = [o for o in outcomes if not o.ok]
    if failed:
        raise RuntimeError(f"extract bench: the batch failed on {failed[0].name}: {failed[0].message}")
    return sum(o.value for o in outcomes)


#: the runs compared, in the order they are interleaved; ours (all cores) last
RUNS = {"pdfium text": pdfium_text, "pdfplumber extract_text": plain_text,
        "pariter glyphs only": glyphs_only, "pariter, 1 process": ours_one_process,
        "pariter": ours}
#: the run over all the PDFs at once, timed once a round after the runs above
BATCH_RUN = "pariter, batch of all"
#: the runs whose peak memory is measured (the character layer alone is part of pariter's)
MEMORY_RUNS = ("pdfium text", "pdfplumber extract_text", "pariter, 1 process", "pariter")
#: issue 10's targets
TARGET_PAGES_PER_S = 100.0
TARGET_VS_EXTRACT_TEXT = 8.0
TARGET_MB_SHORT, TARGET_MB_LONG = 200.0, 400.0


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the processes that
    read a long document's pages): time spent on any core counts."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def speed(pdfs: list[Path], rounds: int = 2) -> dict[str, tuple[float, float, float]]:
    """Wall seconds, CPU seconds of all processes and CPU seconds of this process of each
    run over all ``pdfs``, ``rounds`` times."""
    spent = {name: [0.0, 0.0, 0.0] for name in (*RUNS, BATCH_RUN)}

    def timed(name: str, fn: Callable[..., int], arg: object) -> None:
        gc.collect()
        t, c, own = time.perf_counter(), cpu_seconds(), time.process_time()
        fn(arg)
        spent[name][0] += time.perf_counter() - t
        spent[name][1] += cpu_seconds() - c
        spent[name][2] += time.process_time() - own

    for _ in range(rounds):
        for pdf in pdfs:
            for name, fn in RUNS.items():
                timed(name, fn, pdf)
        timed(BATCH_RUN, batch, pdfs)
    return {name: (w, c, own) for name, (w, c, own) in spent.items()}


def speed_report(pdfs: list[Path], rounds: int = 2) -> list[str]:
    from pariter.extract import parallel

    pages = rounds * sum(page_count(p) for p in pdfs)
    jobs = parallel.page_jobs(None)
    long_pages = rounds * sum(n for n in map(page_count, pdfs) if parallel.worth_it(n, jobs))
    load = os.getloadavg()[0]
    spent = speed(pdfs, rounds)
    mine_w, mine_c, mine_own = spent["pariter"]
    one_w, one_c, _ = spent["pariter, 1 process"]
    base_w, base_c, _ = spent["pdfplumber extract_text"]
    out = [f"extract speed: {len(pdfs)} PDFs, {pages // rounds} pages, {rounds} interleaved "
           f"rounds in one process; {os.cpu_count()} cores, load average {load:.1f} "
           f"before, {os.getloadavg()[0]:.1f} after (wall time stretches on a busy machine, "
           f"CPU time less); 'pariter' reads the pages of the {long_pages // rounds} pages' "
           f"documents of {parallel.MIN_PAGES} pages or more in {jobs} processes",
           f"{'run':<24} {'wall s':>7} {'pages/s':>8} {'cpu s':>7} {'pages/s':>8}"]
    for name, (w, c, _) in spent.items():
        out.append(f"{name:<24} {w:>7.2f} {pages / w:>8.1f} {c:>7.2f} {pages / c:>8.1f}")
    rate = pages / mine_w
    out.append(f"pariter: {rate:.1f} pages/s wall on {jobs} cores, {pages / mine_c:.1f} pages/s "
               f"cpu (target >= {TARGET_PAGES_PER_S:.0f} wall: "
               f"{'ok' if rate >= TARGET_PAGES_PER_S else 'MISSED'}); "
               f"{base_w / mine_w:.2f}x the speed of extract_text in wall, {base_c / mine_c:.2f}x "
               f"in cpu (target >= {TARGET_VS_EXTRACT_TEXT:.0f}x: "
               f"{'ok' if base_w / mine_w >= TARGET_VS_EXTRACT_TEXT else 'MISSED'}); "
               f"PDFium's bare text dump is {mine_c / spent['pdfium text'][1]:.0f}x faster in cpu")
    glyph_c = spent["pariter glyphs only"][1]
    out.append(f"where pariter's cpu goes (1 process, {one_c:.2f} s): the character layer "
               f"{glyph_c:.2f} s ({100 * glyph_c / one_c:.0f} %, {glyph_c / spent['pdfium text'][1]:.1f}x "
               f"PDFium's text dump), hygiene, lines and structure {one_c - glyph_c:.2f} s "
               f"({100 * (one_c - glyph_c) / one_c:.0f} %)")
    out.append(f"{jobs} processes against 1: {one_w / mine_w:.2f}x in wall, {one_c / mine_c:.2f}x "
               f"in cpu; this process's own cpu, the longest path were the cores free, "
               f"{mine_own:.2f} s ({pages / mine_own:.1f} pages/s, {base_c / mine_own:.2f}x "
               f"extract_text's cpu)")
    batch_w, batch_c, _ = spent[BATCH_RUN]
    out.append(f"a batch of the {len(pdfs)} PDFs as 'pariter extract A.pdf B.pdf ... --out DIR' "
               f"runs it (documents on {jobs} processes, each document's pages in one): "
               f"{pages / batch_w:.1f} pages/s wall (target >= {TARGET_PAGES_PER_S:.0f}: "
               f"{'ok' if pages / batch_w >= TARGET_PAGES_PER_S else 'MISSED'}), "
               f"{pages / batch_c:.1f} pages/s cpu; "
               f"{base_w / batch_w:.2f}x the speed of extract_text in wall (target >= "
               f"{TARGET_VS_EXTRACT_TEXT:.0f}x: "
               f"{'ok' if base_w / batch_w >= TARGET_VS_EXTRACT_TEXT else 'MISSED'}); "
               f"{one_w / batch_w:.2f}x one process in wall, {mine_w / batch_w:.2f}x 'pariter' "
               f"(a long document's pages on {jobs} processes)")
    return out


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
    probe = code + "\nfrom pariter.bench_start import own_peak_rss_mb; print(own_peak_rss_mb())"
    res = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return float(res.stdout.split()[-1])


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
    # warm imports and caches outside the timing: what extraction loads on first use
    # (the citation grammar, pdfminer, the word list) would otherwise land in whichever
    # run first meets a page that needs it, in the first round only
    from pariter.extract.document import warm_up

    warm_up()
    ours(pdfs[0], jobs=1)
    plain_text(pdfs[0])
    for line in speed_report(pdfs):
        print(line)
    if not args.skip_memory:
        from pariter.bench_start import default_pdf

        with tempfile.TemporaryDirectory() as tmp:
            short = default_pdf()
            long_pdf = make_long_pdf(args.pages, Path(tmp) / "long.pdf")
            for label, pdf, target in ((f"the {page_count(short)}-page {short.name}", short,
                                        TARGET_MB_SHORT),
                                       (f"a {args.pages}-page PDF", long_pdf, TARGET_MB_LONG)):
                mb = {name: peak_rss_mb(f"from pariter.extract.bench import RUNS; "
                                        f"RUNS[{name!r}]({str(pdf)!r})") for name in MEMORY_RUNS}
                ok = "ok" if mb["pariter"] <= target else "MISSED"
                print(f"peak memory on {label}: pariter {mb['pariter']:.0f} MB (target <= "
                      f"{target:.0f} MB: {ok}; in 1 process {mb['pariter, 1 process']:.0f} MB); "
                      f"pdfplumber extract_text {mb['pdfplumber extract_text']:.0f} MB, "
                      f"PDFium text {mb['pdfium text']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
