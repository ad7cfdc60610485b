"""Writers for TEI P5, JSON Lines, TMX and the review page; validation; citation.

* :func:`pariter.export.tei.pair_to_tei`, :func:`pariter.export.tei.document_to_tei`
* :func:`pariter.export.jsonl.alignment_to_jsonl`
* :func:`pariter.export.tmx.alignment_to_tmx`
* :func:`pariter.export.html.pair_to_html`
* :func:`pariter.export.outputs.write_pair_outputs` — all four for ``make corpus``
* :func:`pariter.export.validate.validate_file` — ``pariter validate FILE``
* :func:`pariter.export.cite.resolve`, :func:`pariter.export.cite.format_cite` — ``pariter cite REF``

Submodules are imported on use (``from pariter.export.tei import pair_to_tei``) so that
importing the package stays cheap.
"""


def __getattr__(name: str):
    if name == "write_pair_outputs":
        from pariter.export.outputs import write_pair_outputs
        return write_pair_outputs
    raise AttributeError(name)
