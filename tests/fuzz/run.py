"""The fuzz target: mutated PDFs, JSON, TOML and text through every ``pariter`` command.

Each case writes one mutated input next to good companions (a document, its alignment,
a truth file, a manifest, sentence files) and runs a command on it as a user would — a
new process, with a time limit — then checks what a user would see:

* no Python traceback, no "internal error", no death by a signal;
* an exit code of 0, 1 (work failed: validation problems, a batch step) or 2 (usage or
  input error), and for 1 and 2 a ``pariter: error:`` line (``validate`` prints its
  problems instead);
* no hang (the time limit) and peak memory under the bound;
* no partial output: on failure none of the command's outputs exist, on success all of
  them do, non-empty, and our JSON outputs load with their checks; never a temporary
  file left behind.

Failing cases are copied with a ``repro.sh`` into the failures directory. ``make fuzz``
runs a large sample; the test suite runs a small one with a fixed seed
(``tests/test_fuzz.py``).

    python -m tests.fuzz.run [--seed 1] [--pdfs 200] [--others 200] [--timeout 120]
                             [--memory-mb 2500] [--jobs 2] [--failures DIR] [--shared]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tests.fuzz import mutate

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "align" / "data"

#: Exit codes a command may end with on bad input (see pariter.errors).
ALLOWED_EXIT = {0, 1, 2}


@dataclass
class Case:
    name: str
    dir: Path
    argv: list[str]
    #: files the command writes: all of them on success, none on failure
    outputs: list[Path] = field(default_factory=list)
    #: on success, a check of the outputs returning a problem or None
    check: Callable[[], str | None] | None = None
    #: the command may leave complete outputs of the steps that succeeded (corpus build)
    partial_ok: bool = False
    #: names the case's own stdout/stderr files: the cases of one input share its directory
    tag: str = ""


@dataclass
class Result:
    case: Case
    code: int | None
    seconds: float
    rss_mb: float
    problems: list[str]


# -- seeds ---------------------------------------------------------------------------------------
def seed_pdfs(shared: bool) -> list[Path]:
    pdfs = [ROOT / "corpus" / "pdf" / n for n in ("wic-consensus-en.pdf", "wic-consensus-zh.pdf",
                                                   "wic-consensus-zh-en.pdf")]
    if shared:
        from pariter.devdata import SHARED

        if (SHARED / "pdfs").is_dir():
            pdfs += sorted((SHARED / "pdfs").glob("*.pdf"))
    return [p for p in pdfs if p.is_file()]


def tiny_pdfs(where: Path) -> list[Path]:
    """Small hand-written PDFs: few objects, uncompressed content, every operator visible."""
    from tests.extract._pdf import text_ops, write_pdf

    a = write_pdf(where / "tiny-en.pdf", [
        text_ops([(72, 72, 16, "1. Introduction"), (72, 100, 10, "This is the first sentence. And a second one."),
                  (72, 116, 10, "A third sentence follows here.1"), (72, 700, 8, "1 A footnote, 2023.")]),
        text_ops([(72, 72, 10, "Page two has more text. It ends here.")])])
    b = write_pdf(where / "tiny-zh.pdf", [
        "BT /F1 12 Tf 72 720 Td (Zhong wen) Tj ET\nBT /F1 10 Tf 72 700 Td (Di yi ju. Di er ju.) Tj ET\n"
        "0 0 m 100 100 l S 10 10 50 50 re f"])
    return [a, b]


class Seeds:
    """Good inputs made once per run: the companions every case needs."""

    def __init__(self, where: Path, shared: bool) -> None:
        from pariter.cli import run as pariter_run

        where.mkdir(parents=True, exist_ok=True)
        self.where = where
        self.pdfs = seed_pdfs(shared) + tiny_pdfs(where)
        self.doc = where / "doc.json"
        if pariter_run(["extract", str(ROOT / "corpus" / "pdf" / "wic-consensus-zh-en.pdf"),
                        "-o", str(self.doc)]) != 0:
            raise SystemExit("fuzz: cannot extract the seed document")
        self.align = where / "doc.align.json"
        self.align.write_text(self._alignment(), encoding="utf-8")
        self.truth = ROOT / "corpus" / "truth" / "wic-consensus-zh-en.json"
        self.manifest_text = ('[[document]]\nid = "en"\npdf = "tiny-en.pdf"\ntitle = "Tiny"\n\n'
                              '[[document]]\nid = "zh"\npdf = "tiny-zh.pdf"\n\n'
                              '[[pair]]\nid = "zh--en"\nsource = { document = "zh" }\n'
                              'target = { document = "en", lang = "en" }\n')
        self.src_txt, self.tgt_txt = DATA / "story.en.txt", DATA / "story.zh.txt"
        self.gold = DATA / "story.gold.align"

    def _alignment(self) -> str:
        """A valid alignment of the seed's two streams, clause by clause (no model needed)."""
        from pariter.model import Alignment, AlignSide, Link, ModelInfo, dumps, load_document

        d = load_document(self.doc)
        by_number: dict[str, dict[str, str]] = {}
        for c in d.clauses:
            by_number.setdefault(c.number, {})[c.id.split(".")[0]] = c.id
        links = [Link("clause", [v["zh"]], [v["en"]], "", "", 0.9) for v in by_number.values()
                 if "zh" in v and "en" in v]
        side = lambda lang: AlignSide(d.id, d.source.path, d.source.sha256, lang)  # noqa: E731
        return dumps(Alignment(side("zh"), side("en"), ModelInfo("muse", 512), links))


# -- cases ---------------------------------------------------------------------------------------
def _loads(path: Path, loader: str) -> Callable[[], str | None]:
    def check() -> str | None:
        from pariter.errors import PariterError
        from pariter import model

        try:
            getattr(model, loader)(path)
        except PariterError as e:
            return f"output does not load: {e}"
        return None
    return check


def pdf_case(i: int, seeds: Seeds, rng: random.Random, root: Path) -> list[Case]:
    src = rng.choice(seeds.pdfs)
    data, how = mutate.mutate_pdf(src.read_bytes(), rng)
    d = root / f"pdf-{i:04d}"
    d.mkdir()
    pdf = d / f"mutant-{src.stem}.pdf"
    pdf.write_bytes(data)
    out, tei = d / "out.json", d / "out.tei.xml"
    return [Case(f"pdf-{i:04d} {src.name} {how}", d,
                 ["extract", str(pdf), "-o", str(out), "--tei", str(tei)], [out, tei],
                 _loads(out, "load_document"))]


def json_cases(i: int, seeds: Seeds, rng: random.Random, root: Path) -> list[Case]:
    d = root / f"json-{i:04d}"
    d.mkdir()
    which = ("document", "alignment", "truth")[(i // 4 * 2 + i % 4) % 3]  # all three in turn
    base = {"document": seeds.doc, "alignment": seeds.align, "truth": seeds.truth}[which]
    data, how = mutate.mutate_json(base.read_bytes(), rng)
    bad = d / f"{which}.json"
    bad.write_bytes(data)
    name = f"json-{i:04d} {which} {how}"
    doc = bad if which == "document" else seeds.doc
    al = bad if which == "alignment" else seeds.align
    out = d / "out"
    build = d / "build"
    build.mkdir()
    shutil.copy(doc, build / "doc.json")
    shutil.copy(al, build / "doc.align.json")
    cases = [
        Case(name + " | validate", d, ["validate", str(bad), str(doc)]),
        Case(name + " | export", d, ["export", str(al), "--src", str(doc), "-d", str(out), "--stem", "p"],
             [out / f"p{x}" for x in (".tei.xml", ".jsonl", ".tmx", ".html")]),
        Case(name + " | cite", d, ["cite", rng.choice(("zh.s01", "1.01", "doc:zh.s01.c01")), "--build", str(build)]),
    ]
    if which == "truth":
        cases = [Case(name + " | eval-extract", d, ["eval-extract", str(seeds.doc), str(bad)])]
    elif which == "document":
        cases.append(Case(name + " | eval-extract", d, ["eval-extract", str(bad), str(seeds.truth)]))
        if rng.random() < 0.25:  # loads the embedding model: a few of them
            a_out = d / "a.align.json"
            cases.append(Case(name + " | align", d, ["align", str(bad), "-o", str(a_out)], [a_out],
                              _loads(a_out, "load_alignment")))
    return cases


def toml_case(i: int, seeds: Seeds, rng: random.Random, root: Path) -> list[Case]:
    d = root / f"toml-{i:04d}"
    d.mkdir()
    for p in seeds.pdfs:
        if p.name.startswith("tiny-"):
            shutil.copy(p, d / p.name)
    data, how = mutate.mutate_toml(seeds.manifest_text.encode(), rng)
    m = d / "manifest.toml"
    m.write_bytes(data)
    return [Case(f"toml-{i:04d} {how}", d, ["corpus", "build", "--manifest", str(m), "--out",
                                            str(d / "build"), "--jobs", "2"], partial_ok=True)]


def text_cases(i: int, seeds: Seeds, rng: random.Random, root: Path) -> list[Case]:
    d = root / f"text-{i:04d}"
    d.mkdir()
    if (i // 4) % 2 == 0:  # bead files and sentence files in turn
        data, how = mutate.mutate_beads(seeds.gold.read_bytes(), rng)
        p = d / "pred.align"
        p.write_bytes(data)
        return [Case(f"text-{i:04d} beads {how} | eval-align", d, ["eval-align", str(p), str(seeds.gold)]),
                Case(f"text-{i:04d} beads {how} | eval-align gold", d, ["eval-align", str(seeds.gold), str(p)])]
    data, how = mutate.mutate_text(seeds.src_txt.read_bytes(), rng)
    s = d / "src.txt"
    s.write_bytes(data)
    out = d / "out.align"
    return [Case(f"text-{i:04d} sentences {how} | align-text", d,
                 ["align-text", str(s), str(seeds.tgt_txt), "-o", str(out)], [out])]


# -- running and judging -------------------------------------------------------------------------
def pariter_argv() -> list[str]:
    script = Path(sys.executable).with_name("pariter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pariter"]


def execute(case: Case, timeout: float, memory_mb: float) -> Result:
    import subprocess

    env = dict(os.environ, PYTHONUTF8="1", PARITER_CACHE=str(case.dir / "cache"))
    env.pop("PARITER_DEBUG", None)
    with open(_out(case, "stdout"), "wb") as out, open(_out(case, "stderr"), "wb") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(pariter_argv() + case.argv, stdout=out, stderr=err, cwd=case.dir,
                                env=env, start_new_session=True)
        code: int | None = None
        rss = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                rss = usage.ru_maxrss / 1024
                break
            if time.perf_counter() - t > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                rss = usage.ru_maxrss / 1024
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - t
        proc.returncode = code if code is not None else -9
    return Result(case, code, seconds, rss, judge(case, code, rss, timeout, memory_mb))


def _out(case: Case, stream: str) -> Path:
    return case.dir / f"{case.argv[0]}{case.tag}.{stream}"


def judge(case: Case, code: int | None, rss: float, timeout: float, memory_mb: float) -> list[str]:
    stderr = _out(case, "stderr").read_text(encoding="utf-8", errors="replace")
    stdout = _out(case, "stdout").read_text(encoding="utf-8", errors="replace")
    problems = []
    if code is None:
        problems.append(f"hang: killed after {timeout:.0f} s")
    elif code < 0:
        problems.append(f"killed by signal {signal.Signals(-code).name}")
    elif code not in ALLOWED_EXIT:
        problems.append(f"exit code {code}")
    if "Traceback (most recent call last)" in stderr + stdout:
        problems.append("a Python traceback")
    if "internal error" in stderr:
        problems.append("an internal error")
    if rss > memory_mb:
        problems.append(f"peak memory {rss:.0f} MB > {memory_mb:.0f} MB")
    command = case.argv[0]
    if code in (1, 2) and command != "validate" and not any(
            l.startswith("pariter: error: ") for l in stderr.splitlines()):
        problems.append(f"exit {code} without a 'pariter: error:' line")
    if code is not None and code >= 0:
        present = [o for o in case.outputs if o.exists()]
        if code == 0:
            missing = [o.name for o in case.outputs if not o.exists() or o.stat().st_size == 0]
            if missing:
                problems.append(f"exit 0 but missing or empty output {missing}")
            elif case.check is not None and (p := case.check()):
                problems.append(p)
        elif present and not case.partial_ok:
            problems.append(f"exit {code} but output left: {[o.name for o in present]}")
    # (the compiled-pattern cache, PARITER_CACHE, is no output of the command: a sentence
    # helper the command started may still be renaming its write into place when the
    # command's own process has exited, which left a cache/.re-….tmp at load ~20)
    tmp = [str(p.relative_to(case.dir)) for p in case.dir.rglob("*.tmp")
           if p.relative_to(case.dir).parts[0] != "cache"]
    if tmp:
        problems.append(f"temporary files left: {tmp[:3]}")
    return problems


def build_cases(seed: int, n_pdfs: int, n_others: int, root: Path, shared: bool) -> list[Case]:
    rng = random.Random(seed)
    seeds = Seeds(root / "seeds", shared)
    cases: list[Case] = []
    for i in range(n_pdfs):
        cases += pdf_case(i, seeds, rng, root)
    makers = (json_cases, json_cases, toml_case, text_cases)
    for i in range(n_others):
        group = makers[i % len(makers)](i, seeds, rng, root)
        for k, c in enumerate(group):
            c.tag = f"-{k}"
        cases += group
    return cases


def save_failure(r: Result, failures: Path, seeds: Path) -> Path:
    """The case's directory and the seeds it uses, with a ``repro.sh`` that runs it there."""
    safe = r.case.name.split(" ")[0]
    dest = failures / f"{safe}-{r.case.argv[0]}{r.case.tag}"
    shutil.copytree(r.case.dir, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("cache"))
    shutil.copytree(seeds, dest / "seeds", dirs_exist_ok=True)
    argv = " ".join(f"'{a}'" for a in r.case.argv)
    argv = argv.replace(str(r.case.dir), ".").replace(str(seeds), "./seeds")
    (dest / "repro.sh").write_text(f"# {r.case.name}\n# {'; '.join(r.problems)}\ncd \"$(dirname \"$0\")\"\n"
                                   f"pariter {argv}\n", encoding="utf-8")
    return dest


def fuzz(seed: int, n_pdfs: int, n_others: int, timeout: float, memory_mb: float, jobs: int,
         failures: Path | None, shared: bool = False, log: Callable[[str], None] = print) -> list[Result]:
    root = Path(tempfile.mkdtemp(prefix="pariter-fuzz-"))
    try:
        cases = build_cases(seed, n_pdfs, n_others, root, shared)
        log(f"fuzz: seed {seed}, {len(cases)} runs ({n_pdfs} PDFs, {n_others} other inputs), "
            f"limit {timeout:.0f} s and {memory_mb:.0f} MB each, {jobs} at a time")
        lock = threading.Lock()
        results: list[Result] = []

        def one(case: Case) -> Result:
            r = execute(case, timeout, memory_mb)
            with lock:
                results.append(r)
                if r.problems:
                    where = save_failure(r, failures, root / "seeds") if failures else case.dir
                    log(f"FAIL {case.name}: {'; '.join(r.problems)} [{where}]")
            return r

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            list(pool.map(one, cases))
        bad = [r for r in results if r.problems]
        codes: dict[int | None, int] = {}
        for r in results:
            codes[r.code] = codes.get(r.code, 0) + 1
        slowest = max(results, key=lambda r: r.seconds)
        biggest = max(results, key=lambda r: r.rss_mb)
        log(f"fuzz: {len(results) - len(bad)} of {len(results)} runs fine; exit codes "
            f"{dict(sorted(codes.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))}; slowest "
            f"{slowest.seconds:.1f} s ({slowest.case.name}); most memory {biggest.rss_mb:.0f} MB "
            f"({biggest.case.name})")
        return results
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pdfs", type=int, default=200, help="mutated PDFs (one extract each)")
    ap.add_argument("--others", type=int, default=200, help="mutated JSON, TOML and text inputs")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per command")
    ap.add_argument("--memory-mb", type=float, default=2500.0, help="peak RSS bound per command")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--failures", type=Path, default=Path("fuzz-failures"))
    ap.add_argument("--shared", action="store_true", help="also mutate ../shared/pdfs")
    a = ap.parse_args(argv)
    a.failures.mkdir(parents=True, exist_ok=True)
    results = fuzz(a.seed, a.pdfs, a.others, a.timeout, a.memory_mb, a.jobs, a.failures, a.shared)
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
