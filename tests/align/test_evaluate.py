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


def test_error_classes_sort_the_lost_beads_by_kind() -> None:
    from pariter.align.evaluate import error_classes

    pred = [
        ((0,), (0,)),  # right: not counted
        ((1,), (1,)),  # finer: inside gold [1,2]:[1,2,3], the rest is no null
        ((2,), (2, 3)),  # finer as well
        ((3, 4), (4,)),  # coarser: gold 3-4 and the gold's own null 4 joined
        ((5,), (5,)),  # beside a null: the rest of gold [5]:[5,6] is predicted as a null
        ((), (6,)),  # null
    ]
    assert error_classes(GOLD, pred) == {"null": 1, "beside_null": 1, "finer": 2,
                                         "coarser": 1, "crossing": 0}
    assert error_classes(GOLD, [((2, 3), (3, 4))])["crossing"] == 1  # half of two gold beads
    merged = [((0, 1, 2), (0, 1, 2, 3)), ((3,), (4,)), ((4,), ()), ((5,), (5, 6))]
    assert error_classes(GOLD, merged)["coarser"] == 1
    assert error_classes(GOLD, GOLD) == dict.fromkeys(("null", "beside_null", "finer", "coarser", "crossing"), 0)


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


# Verse-merge protocol (Bertalign's bin/eval_bible.py): hand-made labels and beads.
SRC_VERSE = ["v1", "v1", "v2", "v3", "v3", "v4"]
TGT_VERSE = ["v1", "v1", "v1", "v2", "v3", "v3", "v4"]


def test_merge_by_verse_joins_pieces_of_one_verse() -> None:
    from pariter.align.evaluate import merge_by_verse

    pred = [
        ((0,), (0,)),  # v1
        ((1,), (1, 2)),  # v1: merged into the bead before
        ((2,), (3,)),  # v2 alone
        ((3,), ()),  # v3 (empty side takes the other side's verse)
        ((), (4,)),  # v3: merged
        ((4,), (5,)),  # v3: merged
        ((5,), (6,)),  # v4
    ]
    assert merge_by_verse(pred, SRC_VERSE, TGT_VERSE) == [
        ((0, 1), (0, 1, 2)),
        ((2,), (3,)),
        ((3, 4), (4, 5)),
        ((5,), (6,)),
    ]


def test_merge_by_verse_leaves_cross_verse_beads_alone() -> None:
    from pariter.align.evaluate import merge_by_verse

    pred = [
        ((0,), (0,)),  # v1
        ((1, 2), (1, 2)),  # v1+v2 on the source: no verse, not merged, and it resets
        ((), (3,)),  # v2, but the previous bead had no verse: kept apart
        ((3,), (4,)),  # v3
        ((4,), (3,)),  # source v3, target v2: sides disagree, not merged
        ((5,), (6,)),  # v4
    ]
    assert merge_by_verse(pred, SRC_VERSE, TGT_VERSE) == [tuple(b) for b in pred]


def test_verse_merged_score_forgives_split_verses(tmp_path: Path) -> None:
    gold = [((0, 1), (0, 1, 2)), ((2,), (3,)), ((3, 4), (4, 5)), ((5,), (6,))]
    pred = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]
    plain = score(gold, pred).as_dict()
    assert plain["strict_precision"] == pytest.approx(2 / 6)
    write_beads(tmp_path / "gold.align", gold)
    write_beads(tmp_path / "pred.align", pred)
    (tmp_path / "src.verse").write_text("\n".join(SRC_VERSE) + "\n")
    (tmp_path / "tgt.verse").write_text("\n".join(TGT_VERSE) + "\n")
    merged = score_paths(
        tmp_path / "pred.align", tmp_path / "gold.align",
        src_verse=tmp_path / "src.verse", tgt_verse=tmp_path / "tgt.verse",
    ).as_dict()
    assert merged["strict_f1"] == pytest.approx(1.0)
    assert score_paths(tmp_path / "pred.align", tmp_path / "gold.align").as_dict() == plain
    with pytest.raises(ValueError, match="both verse files"):
        score_paths(tmp_path / "pred.align", tmp_path / "gold.align", src_verse=tmp_path / "src.verse")
