"""JSON Lines: one aligned pair a line, for training and quick scripting.

Each line is ``{"src_id": [...], "tgt_id": [...], "src_text": ..., "tgt_text": ...,
"score": 0.8734, "flags": [...]}`` with keys in that order. ``src_id``/``tgt_id`` are
**lists** of unit ids (a 2-1 bead has two ids on one side; an omission or addition has an
empty list and empty text on the missing side — filter on ``src_id and tgt_id`` for clean
pairs). The links exported are those of level ``sentence``; when an alignment has none,
the finest level present (paragraph, clause, section, footnote). UTF-8, no ASCII
escaping, compact separators, ``\\n`` after every line, order as in the alignment. A link a
translator made or checked adds ``"checked": true|false, "resp": "NAME"`` at the end.
"""

from __future__ import annotations

import json

from pariter.export.common import links_at, score4
from pariter.model import Alignment


def alignment_to_jsonl(alignment: Alignment, level: str | None = None) -> bytes:
    _, links = links_at(alignment, level)
    lines = []
    for link in links:
        row = {"src_id": list(link.src), "tgt_id": list(link.tgt),
               "src_text": link.src_text, "tgt_text": link.tgt_text,
               "score": score4(link.score), "flags": list(link.flags)}
        if link.checked or link.resp:
            row["checked"] = link.checked
            row["resp"] = link.resp
        lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    return "".join(line + "\n" for line in lines).encode("utf-8")
