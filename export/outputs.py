"""All the files of one aligned pair, written atomically: what ``make corpus`` calls."""

from __future__ import annotations

from pathlib import Path

from pariter.export.common import select_subtree
from pariter.export.html import pair_to_html
from pariter.export.jsonl import alignment_to_jsonl
from pariter.export.tei import pair_to_tei
from pariter.export.tmx import alignment_to_tmx
from pariter.io import atomic_write_bytes
from pariter.model import Alignment, Document


def pair_outputs(src: Document, tgt: Document, alignment: Alignment,
                 stem: str) -> dict[str, bytes]:
    """File name → bytes: ``<stem>.tei.xml``, ``.jsonl``, ``.tmx``, ``.html``.

    A side the alignment restricted to one section (``select``) is written as that
    section only: the pair file holds what was aligned, not the whole document.
    """
    return {
        f"{stem}.tei.xml": pair_to_tei(select_subtree(src, alignment.source.select),
                                       select_subtree(tgt, alignment.target.select), alignment),
        f"{stem}.jsonl": alignment_to_jsonl(alignment),
        f"{stem}.tmx": alignment_to_tmx(alignment),
        f"{stem}.html": pair_to_html(src, tgt, alignment, stem=stem),
    }


def write_pair_outputs(src: Document, tgt: Document, alignment: Alignment,
                       out_dir: str | Path, stem: str) -> list[Path]:
    """Write the four files into ``out_dir`` (created if needed); returns their paths.

    Everything is rendered before anything is written, so a failure in one exporter
    leaves the directory as it was; each file is replaced atomically. A bilingual
    document aligned with itself is passed as both ``src`` and ``tgt``.
    """
    files = pair_outputs(src, tgt, alignment, stem)
    out = Path(out_dir)
    paths = []
    for name, data in files.items():
        atomic_write_bytes(out / name, data)
        paths.append(out / name)
    return paths
