"""Cold start benchmark: whole ``pariter`` processes against baseline processes, same run.

What a user waits for when they type a command is a new process: interpreter start,
imports, the work, exit. Each figure here is the median wall time of such a process,
beside a baseline process measured in the same rounds (runs interleaved, so a busy
machine slows both):

* ``pariter --help`` against a process importing only the CLI libraries it is built on
  (Typer with its Rich help formatter) — target ≤ 1.5×;
* ``pariter extract PAPER.pdf -o OUT.json`` against a bare PDFium text dump of the same
  PDF (pypdfium2: open, every page's text, print) — target ≤ 4×;
* the same two on a one-line PDF: what is left is start-up (imports, spaCy's pipelines),
  the part of the figure above that does not depend on the PDF.

Wall time (what the target is stated in) and CPU time (user + system, which a busy
machine stretches less) and the peak resident memory of each process are reported; the
ratios compare each process with its baseline.

Bytecode: an installed package starts from compiled modules (pip writes them at install,
Python next to the sources on first import). Where ``PYTHONDONTWRITEBYTECODE`` is set (this
workplace sets it), every process would compile pariter's sixty-odd modules from source
again, which no user pays; so the processes keep their bytecode in a temporary
``PYTHONPYCACHEPREFIX``, filled by the warm-up round. ``--no-bytecode`` measures with the
environment as it is.

    python -m pariter.bench_start [--rounds 7] [--pdf PAPER.pdf] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pariter.devdata import shared_dir

ROOT = Path(__file__).resolve().parents[1]

PDFIUM_DUMP = """
import sys
import pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
parts = []
for i in range(len(pdf)):
    page = pdf[i]
    parts.append(page.get_textpage().get_text_range())
sys.stdout.write("\\n".join(parts))
"""

CLI_LIBRARIES = "import typer, typer.rich_utils"

TARGETS = {"pariter --help": 1.5, "pariter extract": 4.0}


def default_pdf() -> Path:
    """An 8-page paper from the shared data if present, else the corpus's 7-page pair."""
    paper = shared_dir() / "pdfs" / "en_s2orc_N18-3011.pdf"
    if paper.is_file():
        return paper
    return ROOT / "corpus" / "pdf" / "wic-consensus-zh-en.pdf"


def own_peak_rss_mb() -> float:
    """The calling process's own peak resident size in MB.

    Not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries the peak of the memory image a
    process replaced at ``exec`` into it, so a child started by a large benchmark process
    reports at least its parent's size (a bench at 215 MB made every child, even a bare
    PDFium text dump, report 215 MB). ``VmHWM`` belongs to the process's own image."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pariter_command() -> list[str]:
    script = Path(sys.executable).with_name("pariter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pariter"]


def bytecode_env(cache: Path) -> dict[str, str]:
    """This environment, with Python allowed to keep compiled modules (in ``cache``)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one process."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    cpu = usage.ru_utime + usage.ru_stime
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.strip()[:300]}")
    return wall, cpu, usage.ru_maxrss / 1024


def one_line_pdf(path: Path) -> Path:
    """A valid one-page PDF holding one sentence: extraction costs nothing on it."""
    content = b"BT /F1 12 Tf 72 720 Td (One sentence on one page.) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


@dataclass(frozen=True)
class Row:
    name: str
    base: str
    wall: float
    cpu: float
    rss: float
    base_wall: float
    base_cpu: float
    base_rss: float


def run(pdf: Path, rounds: int, bytecode: bool = True) -> list[Row]:
    out_dir = Path(tempfile.mkdtemp(prefix="pariter-bench-"))
    tiny = one_line_pdf(out_dir / "one-line.pdf")
    env = bytecode_env(out_dir / "pycache") if bytecode else None
    try:
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import typer, rich help": [sys.executable, "-c", CLI_LIBRARIES],
            "pariter --help": pariter_command() + ["--help"],
            "pdfium text dump": [sys.executable, "-c", PDFIUM_DUMP, str(pdf)],
            "pariter extract": pariter_command() + ["extract", str(pdf), "-o", str(out_dir / "o.json")],
            "pdfium dump, 1 line": [sys.executable, "-c", PDFIUM_DUMP, str(tiny)],
            "extract, 1 line": pariter_command() + ["extract", str(tiny), "-o", str(out_dir / "t.json")],
        }
        for argv in cases.values():  # warm the page cache (and the bytecode); not counted
            timed(argv, env)
        walls: dict[str, list[float]] = {k: [] for k in cases}
        cpus: dict[str, list[float]] = {k: [] for k in cases}
        rss: dict[str, float] = {k: 0.0 for k in cases}
        for _ in range(rounds):
            for name, argv in cases.items():
                w, c, m = timed(argv, env)
                walls[name].append(w)
                cpus[name].append(c)
                rss[name] = max(rss[name], m)
        med = {k: statistics.median(v) for k, v in walls.items()}
        cpu = {k: statistics.median(v) for k, v in cpus.items()}
        rows = []
        for name, base in (("pariter --help", "import typer, rich help"),
                           ("pariter extract", "pdfium text dump"),
                           ("extract, 1 line", "pdfium dump, 1 line"),
                           ("python -c pass", "-")):
            rows.append(Row(name, base, med[name], cpu[name], rss[name],
                            med.get(base, 0.0), cpu.get(base, 0.0), rss.get(base, 0.0)))
        return rows
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--pdf", type=Path, default=None)
    ap.add_argument("--no-bytecode", action="store_true",
                    help="run with the environment as it is (PYTHONDONTWRITEBYTECODE included)")
    args = ap.parse_args(argv)
    pdf = args.pdf or default_pdf()
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(str(pdf)))
    print(f"cold start: whole processes, median of {args.rounds} interleaved rounds; "
          f"{pdf.name} ({pages} pages); {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} (wall time stretches on a busy machine, CPU time less); "
          + ("bytecode as the environment says (PYTHONDONTWRITEBYTECODE="
             f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})" if args.no_bytecode
             else "bytecode kept between processes, as an installed package has it"))
    print(f"{'process':<17} {'wall s':>6} {'cpu s':>6} {'MB':>4}  {'baseline':<23} {'wall s':>6} "
          f"{'cpu s':>6} {'MB':>4}  {'wall':>6} {'cpu':>6}  target")
    for r in run(pdf, args.rounds, bytecode=not args.no_bytecode):
        if r.base == "-":
            print(f"{r.name:<17} {r.wall:>6.3f} {r.cpu:>6.3f} {r.rss:>4.0f}")
            continue
        target = TARGETS.get(r.name)
        ratio = r.wall / r.base_wall
        verdict = "" if target is None else f"≤{target}× " + ("ok" if ratio <= target else "MISSED")
        print(f"{r.name:<17} {r.wall:>6.3f} {r.cpu:>6.3f} {r.rss:>4.0f}  {r.base:<23} {r.base_wall:>6.3f} "
              f"{r.base_cpu:>6.3f} {r.base_rss:>4.0f}  {ratio:>5.2f}× {r.cpu / r.base_cpu:>5.2f}×  {verdict}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
