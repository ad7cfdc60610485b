"""Fixtures for the export tests; the sample data lives in ``export_samples``."""

from __future__ import annotations

import pytest

from tests.export.export_samples import build_alignment, build_bilingual, build_doc
from pariter.model import Document


@pytest.fixture
def zh_doc() -> Document:
    return build_doc("zh")


@pytest.fixture
def en_doc() -> Document:
    return build_doc("en")


@pytest.fixture
def pair(zh_doc, en_doc):
    return zh_doc, en_doc, build_alignment(zh_doc, en_doc)


@pytest.fixture
def bilingual():
    d = build_bilingual()
    return d, build_alignment(d, d)


@pytest.fixture(scope="session")
def relaxng():
    """The tei_all schema, compiled once for the whole session (about 10 s)."""
    from pariter.export.validate import tei_schema
    return tei_schema()

