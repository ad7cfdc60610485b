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
