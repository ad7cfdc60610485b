"""What the exporters share: choosing the link level, score bands, texts."""

from __future__ import annotations

from pariter.model import Alignment, Link

#: Finest first: JSON Lines and TMX export the finest level an alignment has.
FINEST_FIRST = ("sentence", "paragraph", "clause", "section", "footnote")


def pick_level(alignment: Alignment, level: str | None = None) -> str | None:
    """``level`` if given, else the finest level present (sentence → … → footnote)."""
    if level is not None:
        return level
    present = {link.level for link in alignment.links}
    for lv in FINEST_FIRST:
        if lv in present:
            return lv
    return None


def links_at(alignment: Alignment, level: str | None = None) -> tuple[str | None, list[Link]]:
    lv = pick_level(alignment, level)
    return lv, [link for link in alignment.links if link.level == lv]


def score4(score: float) -> float:
    """Scores as the model stores them: four decimals, so bytes are stable."""
    return round(float(score), 4)
