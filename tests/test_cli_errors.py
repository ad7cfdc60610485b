"""Every bad input of issue 12 gets one line, the right exit code and no output — never a
traceback. The command line is run whole (``pariter.cli.run``, what the ``pariter``
script calls); a few cases that only a real process shows (Ctrl-C, a pipe for stderr)
run it as a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pariter.cli import run
from pariter.model import Alignment, AlignSide, Link, ModelInfo, Paragraph, Section, dumps

from tests.extract._pdf import text_ops, write_pdf
from tests.helpers import CORPUS_PDF, ROOT
from tests.test_model import sample_document


def fails(capsys, argv: list[str], code: int = 2, *needles: str) -> str:
    """Run ``pariter argv``; it must fail with ``code`` and one ``pariter: error:`` line."""
    got = run(argv)
    captured = capsys.readouterr()
    err = captured.err
    assert got == code, (argv, got, err)
    assert "Traceback" not in err and "Traceback" not in captured.out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("pariter: error: "), err
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def pair_files(tmp_path: Path) -> tuple[Path, Path]:
    """A consistent bilingual document and an alignment of its two streams."""
    doc = sample_document()
    doc.sections.append(Section("en.s06", 1, "06", None, None, 3, "en"))
    doc.paragraphs.append(Paragraph("en.s06.p1", "Develop safe and reliable GenAI.", 3, "en", "en.s06"))
    d = tmp_path / "doc.json"
    doc.save(d)
    al = Alignment(AlignSide(doc.id, doc.source.path, doc.source.sha256, "zh"),
                   AlignSide(doc.id, doc.source.path, doc.source.sha256, "en"), ModelInfo("muse", 512),
                   [Link("paragraph", ["zh.s06.c05.p1"], ["en.s06.p1"], "甲", "A", 0.9)])
    a = tmp_path / "pair.align.json"
    a.write_text(dumps(al), encoding="utf-8")
    return d, a


# -- output paths: checked before any work ---------------------------------------------------
def test_output_paths_are_checked_before_the_input_is_read(tmp_path, capsys):
    missing = str(tmp_path / "missing.pdf")  # not read: the output check comes first
    fails(capsys, ["extract", missing, "-o", str(tmp_path)], 2, str(tmp_path), "directory")
    f = tmp_path / "file"
    f.write_text("x")
    fails(capsys, ["extract", missing, "-o", str(f / "out.json")], 2, "is a file, not a directory")
    fails(capsys, ["extract", missing, "--tei", str(tmp_path)], 2, "directory")
    fails(capsys, ["extract", missing, "--out", str(f)], 2, "is a file, not a directory")
    fails(capsys, ["align", missing, "-o", str(tmp_path)], 2, "directory")
    fails(capsys, ["export", missing, "--src", missing, "-d", str(f)], 2, "is a file")
    fails(capsys, ["corpus", "build", "--manifest", missing, "--out", str(f)], 2, "is a file")
    fails(capsys, ["extract", missing, "-o", "/proc/pariter-test/x.json"], 2, "/proc")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        fails(capsys, ["extract", str(tmp_path / "x.pdf"), "-o", str(ro / "x.json")], 2, "cannot write in")
    finally:
        ro.chmod(0o755)


def test_an_output_that_is_an_input_or_given_twice(tmp_path, capsys):
    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "Hello.")])])
    fails(capsys, ["extract", str(pdf), "-o", str(pdf)], 2, "is also an input")
    fails(capsys, ["extract", str(pdf), "-o", str(tmp_path / "x"), "--tei", str(tmp_path / "x")], 2, "twice")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_batch_arguments(tmp_path, capsys):
    a, b = tmp_path / "a.pdf", tmp_path / "sub" / "a.pdf"
    fails(capsys, ["extract", str(a), str(a)], 2, "--out")
    fails(capsys, ["extract", str(a), str(b), "--out", str(tmp_path / "o")], 2, "both be written")
    fails(capsys, ["extract", str(a), "--out", str(tmp_path / "o"), "-o", str(tmp_path / "x")], 2, "--out")


# -- our JSON inputs ---------------------------------------------------------------------------
@pytest.mark.parametrize("content, needle", [
    (deep_json(200_000), "nested deeper"),
    (deep_json(50), "nested deeper"),
    ('{"id": ' + "9" * 5000 + "}", "5000 digits"),
    ('{"x": 1e999}', "out of range"),
    ('{"x": NaN}', "not JSON"),
    ('{"text": "\\ud800"}', "lone UTF-16 surrogate"),
    ("\xe9t\xe9".encode("latin-1"), "not UTF-8"),
    ("{", "invalid JSON at line 1"),
    ("[1, 2]", "not an object"),
])
def test_bad_json_everywhere(tmp_path, capsys, content, needle):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    d, a = pair_files(tmp_path)
    fails(capsys, ["align", str(bad), str(d)], 2, "bad.json", needle)
    fails(capsys, ["eval-extract", str(bad), str(d)], 2, "bad.json", needle)
    fails(capsys, ["eval-extract", str(d), str(bad)], 2, "bad.json", needle)
    fails(capsys, ["export", str(bad), "--src", str(d), "-d", str(tmp_path / "o")], 2, "bad.json", needle)
    fails(capsys, ["export", str(a), "--src", str(bad), "-d", str(tmp_path / "o")], 2, "bad.json", needle)
    build = tmp_path / "build"
    build.mkdir(exist_ok=True)
    (build / "x.json").write_bytes(bad.read_bytes())
    fails(capsys, ["cite", "zh.s06", "--build", str(build)], 2, "x.json", needle)
    # validate reports the problem on the file's line and exits 1
    assert run(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{bad}: ") and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_a_byte_order_mark_is_accepted(tmp_path, capsys):
    d, a = pair_files(tmp_path)
    for f in (d, a):
        f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    assert run(["validate", str(d), str(a)]) == 0
    assert capsys.readouterr().out.count(": valid") == 2
    truth = tmp_path / "t.json"
    truth.write_bytes(b"\xef\xbb\xbf" + json.dumps({"headings": []}).encode())
    assert run(["eval-extract", str(d), str(truth), "--json"]) == 0


@pytest.mark.parametrize("truth, field", [
    ({"headings": [{"page": "1", "text": "x"}]}, "headings[0].page"),
    ({"headings": [{"page": 1, "text": 5}]}, "headings[0].text"),
    ({"headings": [{"text": "x"}]}, "headings[0]"),
    ({"headings": "x"}, "headings"),
    ({"footnotes": [{"page": 1, "label": 1, "text": "t"}]}, "footnotes[0].label"),
    ({"markers": [None]}, "markers[0]"),
    ({"clauses": [{"page": 1}]}, "clauses[0]"),
    ({"pages_covered": ["1"], "headings": []}, "pages_covered[0]"),
    ({"nothing": []}, "no headings"),
])
def test_truth_with_wrong_types(tmp_path, capsys, truth, field):
    d, _ = pair_files(tmp_path)
    t = tmp_path / "t.json"
    t.write_text(json.dumps(truth), encoding="utf-8")
    fails(capsys, ["eval-extract", str(d), str(t)], 2, "t.json", field)


def _doc_data(tmp_path) -> tuple[Path, dict]:
    d, _ = pair_files(tmp_path)
    return d, json.loads(d.read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, field", [
    (lambda x: x["paragraphs"].append(dict(x["paragraphs"][0])), "duplicate id"),
    (lambda x: x["paragraphs"][0].update(section="zh.s99"), "paragraphs[0].section"),
    (lambda x: x["sentences"][0].update(paragraph="zh.nowhere"), "sentences[0].paragraph"),
    (lambda x: x["markers"][0].update(footnote="zh.fn99"), "markers[0].footnote"),
    (lambda x: x["clauses"][0]["paragraphs"].append("zh.x"), "clauses[0].paragraphs[1]"),
    (lambda x: x["sentences"][0].update(end=999), "sentences[0].start"),
    (lambda x: x["markers"][0].update(paragraph="zh.s06"), "is a section, not a paragraph"),
    (lambda x: x["headings"][0].update(page=99), "headings[0].page"),
])
def test_references_inside_a_document(tmp_path, capsys, change, field):
    d, data = _doc_data(tmp_path)
    change(data)
    d.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(["validate", str(d)]) == 1
    err = capsys.readouterr().err
    assert field in err and "Traceback" not in err
    fails(capsys, ["eval-extract", str(d), str(d)], 2, "doc.json", field)


def test_export_refuses_an_alignment_that_does_not_fit_its_documents(tmp_path, capsys):
    d, a = pair_files(tmp_path)
    data = json.loads(a.read_text(encoding="utf-8"))
    data["links"][0]["tgt"] = ["en.s06.p7"]
    a.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    fails(capsys, ["export", str(a), "--src", str(d), "-d", str(out)], 2,
          "pair.align.json", "links[0].tgt[0]", "en.s06.p7")
    assert not out.exists()
    # validate sees it too when the document is given with the alignment
    assert run(["validate", str(d), str(a)]) == 1
    assert "links[0].tgt[0]" in capsys.readouterr().err
    data["links"][0]["tgt"] = ["en.s06.p1"]
    data["source"]["sha256"] = "f" * 64
    a.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fails(capsys, ["export", str(a), "--src", str(d), "-d", str(out)], 2, "source.sha256")
    data["source"]["sha256"] = data["target"]["sha256"]
    data["links"].append(dict(data["links"][0]))
    a.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(["validate", str(a)]) == 1
    assert "already in links[0]" in capsys.readouterr().err


def test_export_writes_when_everything_fits(tmp_path, capsys):
    d, a = pair_files(tmp_path)
    assert run(["export", str(a), "--src", str(d), "-d", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out").iterdir())) == 4


# -- the manifest ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, needle", [
    ('[[document]]\nid = "a"\npdf = 2\n', "document[0].pdf"),
    ('[[document]]\nid = "a"\npdf = "a.pdf"\n[[pair]]\nsource = { document = "a" }\n'
     'target = { document = "a" }\n', "'id' is a required property"),
    ('[[document]]\nid = "a"\npdf = "a.pdf"\n[[pair]]\nid = "p"\nsource = { document = "b" }\n'
     'target = { document = "a" }\n', "pair[0].source.document"),
    ('[[document]]\nid = "a"\npdf = "a.pdf"\n[[document]]\nid = "a"\npdf = "b.pdf"\n', "duplicate id"),
    ('[[document]]\nid = "../up"\npdf = "a.pdf"\n', "document[0].id"),
    ('[[document]]\nid = "a"\npdf = "a.pdf"\ncolour = "red"\n', "colour"),
    ('document = 3\n', "document"),
    ("[[document]\n", "not valid TOML"),
    ('title = "caf\xe9"\n'.encode("latin-1"), "not UTF-8"),
])
def test_bad_manifests(tmp_path, capsys, text, needle):
    m = tmp_path / "manifest.toml"
    m.write_bytes(text if isinstance(text, bytes) else text.encode())
    fails(capsys, ["corpus", "build", "--manifest", str(m), "--out", str(tmp_path / "b")], 2,
          "manifest.toml", needle)
    assert not (tmp_path / "b").exists()


def test_a_manifest_that_is_a_directory_or_missing(tmp_path, capsys):
    fails(capsys, ["corpus", "build", "--manifest", str(tmp_path), "--out", str(tmp_path / "b")], 2,
          "is a directory")
    fails(capsys, ["corpus", "build", "--manifest", str(tmp_path / "m.toml"), "--out",
                   str(tmp_path / "b")], 2, "no such file")


def test_a_missing_pdf_fails_its_step_and_the_rest_runs(tmp_path, capsys):
    pdf = write_pdf(tmp_path / "a.pdf", [text_ops([(72, 72, 12, "One sentence here.")])])
    m = tmp_path / "manifest.toml"
    m.write_text('[[document]]\nid = "a"\npdf = "a.pdf"\n[[document]]\nid = "b"\npdf = "b.pdf"\n',
                 encoding="utf-8")
    assert run(["corpus", "build", "--manifest", str(m), "--out", str(tmp_path / "b"), "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "pariter: error: extract b: " in err and "b.pdf: listed in the manifest but missing" in err
    assert (tmp_path / "b" / "a.json").is_file() and pdf.is_file()
    assert "Traceback" not in err


# -- messages ----------------------------------------------------------------------------------
def test_usage_errors_and_the_align_commands_share_the_prefix(tmp_path, capsys):
    fails(capsys, ["extrac"], 2, "No such command")
    fails(capsys, ["extract"], 2, "Missing argument")
    fails(capsys, ["extract", "--jobs", "x", "a.pdf"], 2, "--jobs")
    fails(capsys, ["align-text", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], 2, "a.txt")
    fails(capsys, ["eval-align", str(tmp_path / "a"), str(tmp_path / "b")], 2)
    fails(capsys, ["cite", "zh.s99", "--build", str(tmp_path / "none")], 2, "no build directory")


def _subprocess(*args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUTF8="1", COLUMNS="40")
    return subprocess.Popen([sys.executable, "-m", "pariter", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_a_long_message_is_one_line_when_stderr_is_a_pipe(tmp_path):
    deep = tmp_path / ("a-very-long-directory-name-" * 4) / "x.pdf"
    proc = _subprocess("extract", str(deep), "-o", str(tmp_path / "out.json"))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert err.count("\n") == 1 and err.startswith("pariter: error: ") and "x.pdf: no such file" in err


@pytest.mark.slow
def test_ctrl_c_says_interrupted_and_leaves_only_complete_files(tmp_path):
    """Ctrl-C in the middle of a parallel corpus build: exit 130, "interrupted", and every
    file in the build directory is complete (no temporary, every JSON parses)."""
    (tmp_path / "pdf").mkdir()
    lines = ["[[document]]\nid = \"d{0}\"\npdf = \"pdf/d{0}.pdf\"\n".format(i) for i in range(6)]
    for i in range(6):
        (tmp_path / "pdf" / f"d{i}.pdf").write_bytes((CORPUS_PDF / "wic-report-zh.pdf").read_bytes()
                                                     + f"\n% copy {i}\n".encode())
    (tmp_path / "manifest.toml").write_text("".join(lines), encoding="utf-8")
    build = tmp_path / "build"
    proc = _subprocess("corpus", "build", "--manifest", str(tmp_path / "manifest.toml"),
                       "--out", str(build), "--jobs", "2", start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not any(build.glob("d*.json")):
        time.sleep(0.1)
    assert any(build.glob("d*.json")), "the build wrote nothing in time"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does: the whole process group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.rstrip().splitlines()[-1] == "pariter: error: interrupted"
    assert "Traceback" not in err
    names = [p.name for p in build.iterdir()]
    assert not [n for n in names if n.endswith(".tmp")], names
    done = sorted(n for n in names if n.endswith(".json") and not n.startswith("."))
    assert 1 <= len(done) < 6
    for n in done:
        assert json.loads((build / n).read_text(encoding="utf-8"))["id"] == n[:-5]
    # the state lists only complete outputs (a file finished just before Ctrl-C may not be
    # in it yet: the next build makes it again)
    state_file = build / ".state.json"
    state = json.loads(state_file.read_text(encoding="utf-8")) if state_file.exists() else {}
    assert set(state) <= set(done)


def test_nothing_extracted_is_an_error_and_writes_nothing(tmp_path, capsys):
    """Issue 12, item 2: when nothing at all comes out, extract exits ≠ 0 (here: a PDF whose
    only text is its page numbers, which are running matter)."""
    pdf = write_pdf(tmp_path / "numbers.pdf", [f"BT /F1 10 Tf 300 30 Td ({n}) Tj ET" for n in (1, 2, 3)])
    out = tmp_path / "out.json"
    fails(capsys, ["extract", str(pdf), "-o", str(out)], 2, "numbers.pdf", "nothing could be extracted")
    assert not out.exists()


def test_validate_exits_2_for_a_file_it_cannot_read_and_1_for_problems(tmp_path, capsys):
    d, _ = pair_files(tmp_path)
    assert run(["validate", str(d), str(tmp_path / "missing.json")]) == 2
    captured = capsys.readouterr()
    assert f"{tmp_path / 'missing.json'}: no such file" in captured.err and ": valid" in captured.out
    assert run(["validate", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_a_page_of_glyphs_placed_nowhere_is_not_called_a_page_without_text(tmp_path, capsys):
    """The reader saw the glyphs and dropped them all (placed five million points off the
    page): the error says so instead of "no text layer"."""
    pdf = write_pdf(tmp_path / "far.pdf", ["BT /F1 12 Tf 5000000 700 Td (Far away.) Tj ET"])
    out = tmp_path / "out.json"
    fails(capsys, ["extract", str(pdf), "-o", str(out)], 2, "far.pdf", "nothing could be extracted",
          "impossible size or position")
    assert not out.exists()


def test_ctrl_c_while_the_command_line_loads_says_interrupted(tmp_path):
    """The script's entry point answers Ctrl-C before Typer and our commands are imported
    (a few tenths of a second in which Python's own handler printed a traceback). The
    Ctrl-C is sent deterministically: by the import of typer itself."""
    code = ("import os, signal, sys\n"
            "class Trip:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'typer':\n"
            "            os.kill(os.getpid(), signal.SIGINT)\n"
            "        return None\n"
            "sys.meta_path.insert(0, Trip())\n"
            "sys.argv = ['pariter', 'extract', 'x.pdf', '-o', 'x.json']\n"
            "from pariter.entry import main\n"
            "main()\n")
    env = dict(os.environ, PYTHONUTF8="1")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, start_new_session=True)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr == "pariter: error: interrupted\n"
    assert list(tmp_path.iterdir()) == []
