"""A heading number's parts run to three digits (ngspice's 17.5.100 follows 17.5.99), and a
number never stops inside a run of digits: "17.5.100 Wrnodev" is not 17.5.10 over
"0 Wrnodev"."""

from __future__ import annotations

import pytest

from pariter.extract import headings as hd


@pytest.mark.parametrize("text,number,title", [
    ("17.5.100 Wrnodev: Write node voltage values", "17.5.100", "Wrnodev: Write node voltage values"),
    ("17.5.99 Wrdata", "17.5.99", "Wrdata"),
    ("12.2.29 2D table model", "12.2.29", "2D table model"),
    ("A.100 Options", "A.100", "Options"),
    ("1.2.3. Title", "1.2.3.", "Title"),
])
def test_numbers_do_not_stop_inside_digits(text: str, number: str, title: str) -> None:
    assert hd.split_number(text) == (number, title)
    assert hd.dotted_depth(number) == number.rstrip(".").count(".") + 1
