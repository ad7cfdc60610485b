"""A small fixed-seed sample of the fuzz target (``make fuzz`` runs a large one): mutated
PDFs, document/alignment/truth JSON, manifests and sentence files through every command,
each in its own process with a time limit; no traceback, hang, partial output or memory
over the bound."""

from __future__ import annotations

from tests.fuzz.run import fuzz


def test_a_fixed_seed_sample_of_the_fuzz_target(tmp_path):
    lines: list[str] = []
    results = fuzz(seed=20261129, n_pdfs=6, n_others=8, timeout=90, memory_mb=2500, jobs=2,
                   failures=tmp_path, log=lines.append)
    commands = {r.case.argv[0] for r in results}
    assert {"extract", "validate", "export", "cite", "eval-extract", "corpus", "eval-align"} <= commands
    failed = [line for line in lines if line.startswith("FAIL")]
    assert not failed, "\n".join(failed)


def test_every_damaged_pdf_pdfium_reads_text_from_gives_text():
    """Issue 10: a fixed-seed sample of mutated PDFs (``python -m tests.fuzz.parity`` runs a
    large one): of those whose PDFium text dump holds printable text, ``pariter extract``
    gets text from every one."""
    from tests.fuzz.parity import parity

    lines: list[str] = []
    results = parity(seed=20261129, n=6, jobs=2, log=lines.append, baseline=False)
    readable = [o for o in results if o.read_by_pdfium]
    assert len(readable) >= 3, "\n".join(lines)  # the sample must exercise the property
    assert all(o.extracted for o in readable), "\n".join(lines)
