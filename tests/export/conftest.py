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



CONSENSUS_PAIR = "consensus"
CONSENSUS_MANIFEST = f"""
[[document]]
id = "wic-consensus-zh-en"
pdf = "pdf/wic-consensus-zh-en.pdf"

[[pair]]
id = "{CONSENSUS_PAIR}"
source = {{ document = "wic-consensus-zh-en", lang = "zh" }}
target = {{ document = "wic-consensus-zh-en", lang = "en" }}
"""


@pytest.fixture(scope="session")
def consensus_build(tmp_path_factory):
    """A real pair: the bilingual WIC consensus built as ``make corpus`` builds it
    (extract → align with the bundled model → export), once per session. Returns the
    directory holding ``pdf/``, ``manifest.toml`` and ``build/``."""
    import shutil

    from pariter.corpus import Build, load_manifest
    from tests.helpers import CORPUS_PDF

    root = tmp_path_factory.mktemp("consensus")
    (root / "pdf").mkdir()
    shutil.copy(CORPUS_PDF / "wic-consensus-zh-en.pdf", root / "pdf")
    (root / "manifest.toml").write_text(CONSENSUS_MANIFEST, encoding="utf-8")
    Build(load_manifest(root / "manifest.toml"), root / "build").run()
    return root
