"""Ids are built from printed numbers, so both language streams get parallel ids."""

from __future__ import annotations

import re

import pytest

from pariter.ids import (
    chinese_numeral, clause_id, dedupe, footnote_id, label_token, number_parts, roman_numeral,
    section_id, section_token,
)


@pytest.mark.parametrize("printed, parts", [
    ("06", ["06"]), ("02 /", ["02"]), ("一、", ["01"]), ("（三）", ["03"]), ("(十二)", ["12"]),
    ("III.", ["03"]), ("IV", ["04"]), ("第 1 章", ["01"]), ("第二十一条", ["21"]), ("2.3", ["02", "03"]),
    ("2.5.1", ["02", "05", "01"]), ("附录A", ["A"]), ("A.1", ["A", "01"]), ("①", ["01"]),
    ("１．２", ["01", "02"]), (None, []), ("", []), ("概述", []),
    # one letter that is also a roman numeral no section has (C is 100): a letter
    ("C.", ["C"]), ("(c)", ["C"]), ("d)", ["D"]), ("(a)", ["A"]), ("V.", ["05"]), ("(i)", ["01"]),
])
def test_number_parts(printed, parts):
    assert number_parts(printed) == parts


def test_numerals():
    assert chinese_numeral("二十一") == 21 and chinese_numeral("十") == 10
    assert chinese_numeral("一百零五") == 105 and chinese_numeral("abc") is None
    assert roman_numeral("XIV") == 14 and roman_numeral("MCMXC") == 1990
    assert roman_numeral("ABC") is None


def test_ids_are_readable_ncnames():
    ncname = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
    sec = section_id("zh", [section_token("06", 1)])
    ids = [sec, clause_id(sec, "05"), section_id("en", ["03", "02"]), section_id("zh", []),
           footnote_id("zh", "¹⁷"), footnote_id("en", "†"), footnote_id("zh", "②"),
           section_id("zh", [section_token(None, 2)])]
    assert ids[:4] == ["zh.s06", "zh.s06.c05", "en.s03.s02", "zh.front"]
    assert ids[4] == "zh.fn17" and ids[5] == "en.fndagger" and ids[6] == "zh.fn2"
    assert ids[7] == "zh.sx2"
    assert all(ncname.match(i) for i in ids)
    assert label_token("**") == "star2"


def test_dedupe():
    taken: set[str] = set()
    assert [dedupe("zh.fn1", taken) for _ in range(3)] == ["zh.fn1", "zh.fn1-2", "zh.fn1-3"]


def test_document_ids_from_file_names_keep_chinese():
    from pariter.ids import document_id

    assert document_id("发展负责任的生成式人工智能") == "发展负责任的生成式人工智能"
    assert document_id("2023年 报告（草案）") == "d2023年-报告-草案"  # NFKC turns （） into ()
    assert document_id("wic-report-zh") == "wic-report-zh"
    assert document_id("...") == "doc"
    assert document_id("２０２３") == "d2023"
    from pariter.schema import errors
    from tests.test_model import sample_document

    data = sample_document().to_dict()
    data["id"] = document_id("共识 中文")
    assert errors(data, "document") == []
