"""Angle brackets that enclose names are no comparison: a type's parameters glued to its
name (``Result<T, E>``, ``Option<T>``) or a header's name (``<stdio.h>``). A manual names
them in its headings; a line comparing values (``x < y``) is still a formula.

Fixtures: generic-heads.html printed by wkhtmltopdf (untagged: the bold body-size face
decides) and by headless Chromium (tagged ``H3``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.extract.roles import _NAMED_ANGLES

FIXTURES = Path(__file__).parent / "fixtures"

HEADS = ["Matching on Different Errors", "Alternatives to Using match with Result<T, E>",
         "Shortcuts for Panic on Error", "Where Option<T> Can Be Used"]


@pytest.mark.parametrize("text,bare", [
    ("Using Result<T, E>", "Using Result"), ("Vec<String> and HashMap<K, V>", "Vec and HashMap"),
    ("<malloc.h>", ""), ("x < y", "x < y"), ("x<0", "x<0")])
def test_names_in_angle_brackets(text: str, bare: str) -> None:
    assert _NAMED_ANGLES.sub("", text) == bare


@pytest.mark.parametrize("name", ["generic-heads-wkhtml.pdf", "generic-heads-chromium.pdf"])
def test_headings_naming_generic_types(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == HEADS
