from __future__ import annotations

from pathlib import Path

import pytest

from pariter.align.evaluate import count_matches, parse_beads, read_beads, score, score_paths, write_beads

GOLD = [((0,), (0,)), ((1, 2), (1, 2, 3)), ((3,), (4,)), ((4,), ()), ((5,), (5, 6))]


def test_parse_and_write_round_trip(tmp_path: Path) -> None:
    beads = parse_beads("[0]:[0]\n[1,2]:[1, 2,3]\n\n[7]:[]\n[]:[8]\n")
    assert beads == [((0,), (0,)), ((1, 2), (1, 2, 3)), ((7,), ()), ((), (8,))]
    path = tmp_path / "out.align"
    write_beads(path, beads)
    assert path.read_text() == "[0]:[0]\n[1, 2]:[1, 2, 3]\n[7]:[]\n[]:[8]\n"
    assert read_beads(path) == beads


def test_parse_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_beads("[0]:[0]\n[1]-[1]\n")


def test_strict_and_lax_by_hand() -> None:
    pred = [
        ((0,), (0,)),  # strict hit
        ((1,), (1,)),  # lax: src 1 is in gold bead [1,2]:[1,2,3] and 1 overlaps its target
        ((2,), (2, 3)),  # lax as well
        ((3,), (5,)),  # wrong: gold has 3 with 4
        ((4,), ()),  # null: excluded even though it is in the gold
        ((5,), (5, 6)),  # strict hit
    ]
    p = count_matches(GOLD, pred)
    assert (p.strict_tp, p.lax_tp, p.total) == (2, 4, 5)
    r = count_matches(pred, GOLD)  # recall: gold beads found in the prediction
    assert (r.strict_tp, r.lax_tp, r.total) == (2, 3, 4)
    s = score(GOLD, pred).as_dict()
    assert s["strict_precision"] == pytest.approx(2 / 5)
    assert s["strict_recall"] == pytest.approx(2 / 4)
    assert s["strict_f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert s["lax_precision"] == pytest.approx(4 / 5)
    assert s["lax_recall"] == pytest.approx(3 / 4)


def test_perfect_and_empty() -> None:
    assert score(GOLD, GOLD).as_dict()["strict_f1"] == 1.0
    assert score(GOLD, []).as_dict()["strict_f1"] == 0.0


def test_directories_are_micro_averaged(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    # a.align: 1 of 1 right; b.align: 1 of 3 right -> pooled 2 of 4, not the mean of 1 and 1/3
    write_beads(tmp_path / "gold" / "a.align", [((0,), (0,))])
    write_beads(tmp_path / "pred" / "a.align", [((0,), (0,))])
    write_beads(tmp_path / "gold" / "b.align", [((0,), (0,)), ((1,), (1,)), ((2,), (2,))])
    write_beads(tmp_path / "pred" / "b.align", [((0,), (0,)), ((1,), (2,)), ((2,), (1,))])
    s = score_paths(tmp_path / "pred", tmp_path / "gold").as_dict()
    assert s["strict_precision"] == pytest.approx(2 / 4)
    assert s["strict_recall"] == pytest.approx(2 / 4)


def test_missing_prediction_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    write_beads(tmp_path / "gold" / "a.align", [((0,), (0,))])
    with pytest.raises(ValueError, match="a.align"):
        score_paths(tmp_path / "pred", tmp_path / "gold")
