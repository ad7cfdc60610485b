"""Writers for TEI P5, JSON, JSON Lines, TMX and the review page."""
