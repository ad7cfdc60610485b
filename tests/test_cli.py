"""The command line's own machinery: lazily listed stage commands, what a cold start
imports, batches on several processes."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer

from pariter.cli import STAGE_COMMANDS, run

from tests.extract._pdf import text_ops, write_pdf
from tests.helpers import ROOT


def test_the_stage_command_table_matches_what_the_stages_register():
    import importlib

    registered = {}
    for module in {m for m, _ in STAGE_COMMANDS.values()}:
        t = typer.Typer()
        importlib.import_module(module).register(t)
        for name, cmd in typer.main.get_group(t).commands.items():
            registered[name] = (module, inspect.cleandoc(cmd.help or "").split("\n")[0])
    assert registered == STAGE_COMMANDS, "update pariter.cli.STAGE_COMMANDS"


def test_a_stage_command_runs_and_shows_its_own_help(capsys):
    assert run(["align-text", "--help"]) == 0
    assert "--max-src" in capsys.readouterr().out


def _imports_after(code: str) -> dict:
    """Run ``code`` in a fresh interpreter and report which heavy modules it imported."""
    probe = textwrap.dedent(code) + textwrap.dedent("""
        import json, sys
        print(json.dumps({m: m in sys.modules for m in ("torch", "spacy", "numpy", "faiss")}))
    """)
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_help_imports_no_heavy_library():
    seen = _imports_after("""
        import contextlib, io
        from pariter.cli import run
        with contextlib.redirect_stdout(io.StringIO()):
            assert run(["--help"]) == 0
    """)
    assert seen == {"torch": False, "spacy": False, "numpy": False, "faiss": False}


def test_extract_uses_spacy_without_torch_or_its_cli_and_both_still_load_later(tmp_path):
    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "One sentence. And another one.")])])
    out = tmp_path / "a.json"
    seen = _imports_after(f"""
        from pariter.cli import run
        assert run(["extract", {str(pdf)!r}, "-o", {str(out)!r}]) == 0
        import sys
        assert "torch" not in sys.modules
        assert "weasel" not in sys.modules  # spaCy's own command line was not imported ...
        import spacy, spacy.cli
        assert spacy.cli.download.__module__ == "spacy.cli.download"  # ... but is there
        assert isinstance(spacy.info(), dict)
        import thinc.compat
        assert thinc.compat.has_torch is False  # the probe was declined ...
        import torch                            # ... and torch itself still imports
        assert float(torch.ones(2).sum()) == 2.0
        del sys.modules["torch"]  # report what extraction imported, not the check above
    """)
    assert not seen["faiss"]
    assert len(json.loads(out.read_text(encoding="utf-8"))["sentences"]) == 2


def test_a_cold_extract_reads_the_pdf_without_torch_pdfplumber_or_spacy(tmp_path):
    """`pariter extract` as a user starts it (the console script's entry point, a fresh
    process): the PDF is read by PDFium alone and spaCy loads only in the sentence helper,
    which was forked before the command line loaded and did the splitting. Its messages
    are plain lines: no Rich console is loaded for them, and a document without notes
    does not load the citation grammar."""
    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "One sentence. And another one.")])])
    out = tmp_path / "a.json"
    report = tmp_path / "modules.json"
    probe = textwrap.dedent(f"""
        import atexit, json, sys
        import pariter.splitter as splitter
        forked = []
        init = splitter.BackgroundSplitter.__init__
        def counting(self):
            forked.append("typer" in sys.modules)  # forked before the command line loaded?
            init(self)
        splitter.BackgroundSplitter.__init__ = counting
        def report():
            with open({str(report)!r}, "w") as fh:
                json.dump({{"modules": [m for m in ("torch", "pdfplumber", "spacy", "numpy",
                                                    "rich.console", "pariter.extract.citations")
                                       if m in sys.modules],
                           "helpers": forked, "unclaimed": splitter._early is not None}}, fh)
        atexit.register(report)
        sys.argv = ["pariter", "extract", {str(pdf)!r}, "-o", {str(out)!r}]
        from pariter.entry import main
        main()
    """)
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(report.read_text())
    assert seen == {"modules": [], "helpers": [False], "unclaimed": False}
    assert len(json.loads(out.read_text(encoding="utf-8"))["sentences"]) == 2
    assert proc.stderr.splitlines() == [f"wrote {out}", f"{pdf}: 1 pages, 0 headings, 0 clauses, "
                                        "1 paragraphs, 2 sentences, 0 footnotes, 0 markers, "
                                        "0 warnings"]


def test_the_script_exits_with_the_commands_code_after_freezing_what_is_alive(tmp_path):
    """The script's exit (:func:`pariter.entry.leave`): the command's exit code and output
    as ``run`` gives them, atexit handlers run, and every object alive frozen beforehand, so
    that the interpreter's last collections pass over none of them."""
    report = tmp_path / "exit.json"
    for args in (["--version"], ["extract", str(tmp_path / "missing.pdf")]):
        probe = textwrap.dedent(f"""
            import atexit, gc, json, sys
            def report():
                with open({str(report)!r}, "w") as fh:
                    json.dump({{"frozen": gc.get_freeze_count(), "alive": len(gc.get_objects())}}, fh)
            atexit.register(report)
            sys.argv = ["pariter", *{args!r}]
            from pariter.entry import main
            main()
        """)
        proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == run(args), proc.stderr
        seen = json.loads(report.read_text())
        assert seen["frozen"] > 10_000 and seen["alive"] < 1_000, seen
    assert proc.returncode != 0 and "missing.pdf" in proc.stderr
    assert run(["--version"]) == 0


def test_the_command_line_and_the_helper_load_without_collections_and_frozen(tmp_path):
    """:func:`pariter.entry.load` (the helper forked, the command line imported) and the
    spaCy helper's loading run no collection; after each what was loaded is frozen, so
    later collections pass over none of it. The collector stays off for the rest of a
    single-PDF ``pariter extract``, and is on again for any other command and in the
    helper."""
    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "One sentence. And another one.")])])
    report = tmp_path / "load.json"
    probe = textwrap.dedent(f"""
        import gc, json, sys
        started = []
        gc.callbacks.append(lambda phase, info: started.append(1) if phase == "start" else None)
        from pariter.entry import load
        import pariter.splitter as splitter

        class Parent:  # the parent's end of the pipe, as the helper sees it
            def poll(self):  # the paragraphs come after both pipelines are built
                return False
            def recv(self):
                self.at_recv = (len(started), gc.isenabled(), gc.get_freeze_count())
                return [("One sentence. And another one.", "en"), ("一句。二句。", "zh")]
            def send(self, spans):
                self.spans = spans
            def close(self):
                pass

        gc.enable()
        del started[:]
        run = load(["extract", {str(pdf)!r}])
        loaded = (len(started), not gc.isenabled(), gc.get_freeze_count())
        splitter._early.close()
        others = []
        for args in (["--help"], ["extract", "a.pdf", "b.pdf", "--out", "d"], ["align", "a", "b"]):
            gc.enable()
            del started[:]
            load(args)
            others.append((len(started), gc.isenabled(), gc.get_freeze_count()))
        gc.unfreeze()
        gc.disable()  # as the helper finds it when forked by load()
        del started[:]
        parent = Parent()
        splitter._serve(parent, Parent())
        with open({str(report)!r}, "w") as fh:
            json.dump({{"load": loaded, "helper": parent.at_recv, "spans": parent.spans,
                       "cli": run.__module__, "others": others}}, fh)
    """)
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(report.read_text())
    assert seen["cli"] == "pariter.cli"
    for collections, enabled, frozen in (seen["load"], seen["helper"], *seen["others"]):
        assert collections == 0 and enabled and frozen > 10_000, seen
    assert seen["spans"] == [[[0, 13], [14, 30]], [[0, 3], [3, 6]]]


def test_only_a_single_pdf_extract_forks_the_helper_early():
    from pariter.splitter import wants_early_helper

    assert wants_early_helper(["extract", "a.pdf", "-o", "a.json"])
    assert wants_early_helper(["extract", "a.pdf"])
    assert not wants_early_helper(["extract", "--help"])
    assert not wants_early_helper(["extract", "a.pdf", "b.pdf", "--out", "dir"])
    assert not wants_early_helper(["extract", "a.pdf", "--out=dir"])
    assert not wants_early_helper(["align", "a.json", "b.json"])
    assert not wants_early_helper([])


def test_batch_extract_in_parallel_reports_a_bad_file_and_finishes_the_others(tmp_path, capsys):
    good = [write_pdf(tmp_path / f"报告{i}.pdf", [text_ops([(72, 72, 12, f"Text number {i}.")])])
            for i in range(3)]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    out = tmp_path / "out"
    code = run(["extract", *map(str, good[:2]), str(bad), str(good[2]), "--out", str(out), "-j", "2"])
    captured = capsys.readouterr()
    assert code == 2
    errors = [l for l in captured.err.splitlines() if l.startswith("pariter: error:")]
    assert len(errors) == 1 and "bad.pdf" in errors[0]
    assert sorted(p.name for p in out.iterdir()) == ["报告0.json", "报告1.json", "报告2.json"]
    ids = [json.loads((out / f"报告{i}.json").read_text(encoding="utf-8"))["id"] for i in range(3)]
    assert ids == ["报告0", "报告1", "报告2"]
    assert "3 of 4 PDF(s) written" in captured.err


def test_a_worker_that_dies_is_reported_and_the_others_finish():
    import os
    import signal

    from pariter.batch import Job, run_jobs

    def crash() -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # a crash or the OOM killer

    out = run_jobs([Job("a", pow, (2, 3)), Job("b", crash), Job("c", pow, (3, 2))], workers=2)
    assert [o.ok for o in out] == [True, False, True]
    assert out[0].value == 8 and out[2].value == 9
    assert "SIGKILL" in out[1].message


def test_a_batch_starts_its_largest_files_first(tmp_path):
    from pariter.batch import largest_first

    files = []
    for name, size in (("a.pdf", 10), ("b.pdf", 300), ("c.pdf", 10), ("d.pdf", 50)):
        (tmp_path / name).write_bytes(b"x" * size)
        files.append(tmp_path / name)
    missing = tmp_path / "gone.pdf"  # its job reports it; it sorts as empty
    order = largest_first(files + [missing])
    assert [p.name for p in order] == ["b.pdf", "d.pdf", "a.pdf", "c.pdf", "gone.pdf"]


@pytest.mark.slow
def test_corpus_build_on_two_processes_gives_the_same_bytes(tmp_path):
    from pariter.corpus import Build, load_manifest
    from tests.test_corpus import MANIFEST
    from tests.helpers import CORPUS_PDF

    (tmp_path / "pdf").mkdir()
    for name in ("wic-consensus-zh.pdf", "wic-consensus-en.pdf"):
        (tmp_path / "pdf" / name).write_bytes((CORPUS_PDF / name).read_bytes())
    (tmp_path / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    builds = {}
    for jobs in (1, 2):
        b = Build(load_manifest(tmp_path / "manifest.toml"), tmp_path / f"b{jobs}")
        b.run(jobs=jobs)
        assert b.ran == ["extract zh", "extract en", "align zh--en", "export zh--en"]
        builds[jobs] = {p.name: p.read_bytes() for p in (tmp_path / f"b{jobs}").iterdir()}
    assert builds[1] == builds[2]


def test_the_background_splitter_gives_the_in_process_sentences(tmp_path):
    from pariter.model import dumps
    from pariter.pipeline import BackgroundSplitter, extract_document

    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "First one. Second one? Third!"),
                                                  (72, 90, 12, "Another paragraph here.")])])
    plain = dumps(extract_document(pdf))
    with BackgroundSplitter() as s:
        assert dumps(extract_document(pdf, splitter=s)) == plain
    dead = BackgroundSplitter()
    dead._proc.kill()  # a helper that died: the splitting is done in this process
    dead._proc.join()
    assert dumps(extract_document(pdf, splitter=dead)) == plain


def test_a_terminated_helper_ends_after_writing_the_kept_code_not_during_it(tmp_path):
    """SIGTERM (a parent that stops early) waits while the helper writes the kept code."""
    import multiprocessing
    import os
    import signal
    import time

    from pariter.splitter import _no_sigterm

    done = tmp_path / "written"

    def child() -> None:
        with _no_sigterm():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.2)  # still alive: the signal waits
            done.write_text("whole")
        done.write_text("after")  # never reached: the held signal ends the process here

    proc = multiprocessing.get_context("fork").Process(target=child)
    proc.start()
    proc.join(30)
    assert proc.exitcode == -signal.SIGTERM and done.read_text() == "whole"


def test_the_helper_splits_while_the_file_is_checked_for_damage(tmp_path, monkeypatch):
    """The paragraphs go to the helper as soon as the text is final; the damaged-stream
    check (the file read again) runs while it splits, and the result is the same."""
    from pariter.extract import document
    from pariter.model import dumps
    from pariter.pipeline import BackgroundSplitter, extract_document

    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "First one. Second one? Third!")])])
    plain = dumps(extract_document(pdf))
    events: list[str] = []

    def recorded(name, f):  # noqa: ANN001, ANN202 - the real function, its call noted
        def call(*a, **k):  # noqa: ANN002, ANN003, ANN202
            events.append(name)
            return f(*a, **k)
        return call

    monkeypatch.setattr(document, "report_damaged_streams",
                        recorded("check", document.report_damaged_streams))
    monkeypatch.setattr(BackgroundSplitter, "send", recorded("send", BackgroundSplitter.send))
    monkeypatch.setattr(BackgroundSplitter, "receive",
                        recorded("receive", BackgroundSplitter.receive))
    with BackgroundSplitter() as s:
        assert dumps(extract_document(pdf, splitter=s)) == plain
    assert events == ["send", "check", "receive"]


def test_the_background_splitter_does_not_outlive_its_parent():
    """A parent killed mid-extraction (a time limit, the OOM killer) must not leave the
    helper waiting for paragraphs for ever."""
    import os
    import time

    code = ("import os, sys\nfrom pariter.pipeline import BackgroundSplitter\n"
            "s = BackgroundSplitter()\nprint(s._proc.pid, flush=True)\nos._exit(0)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    helper = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(helper, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(helper, 9)
    raise AssertionError("the helper outlived its parent")
