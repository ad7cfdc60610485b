"""Reading a document's pages in several processes (:mod:`pariter.extract.parallel`): the
same document as one process makes, and a failing or dying process reported with the
file's name."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from pariter import batch
from pariter.extract import extract_pdf, parallel
from pariter.extract.document import _read_pages
from pariter.extract.readers import open_source
from pariter.model import dumps
from tests.helpers import SHARED

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "corpus" / "pdf"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


@pytest.fixture
def short_documents_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short documents go through the parallel path too (one chunk is one page): the
    corpus's short PDFs then test what a long one would."""
    monkeypatch.setattr(parallel, "MIN_PAGES", 2)
    monkeypatch.setattr(parallel, "CHUNK_PAGES", 1)


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_parallel_document_is_the_serial_one(short_documents_too: None, reader: str) -> None:
    pdf = CORPUS / "wic-consensus-zh-en.pdf"
    assert parallel.worth_it(open_source(pdf).page_count, 2)
    serial = dumps(extract_pdf(pdf, reader=reader, jobs=1))
    for jobs in (2, 3) if reader == "pdfium" else (2,):
        assert dumps(extract_pdf(pdf, reader=reader, jobs=jobs)) == serial
    assert not multiprocessing.active_children()


def test_links_to_pages_another_process_read(short_documents_too: None) -> None:
    """A link's target point is placed from its target page's geometry, which only the
    process that read that page knows: 18 of this paper's links lead to other pages."""
    pdf = SHARED / "pdfs" / "en_grobid_revtex_ulbdm_0908.0054.pdf"
    if not pdf.exists():
        pytest.skip("../shared is absent")

    def links(jobs: int) -> list:
        src = open_source(pdf)
        try:
            pages = _read_pages(src, pdf, [], jobs)[0]
        finally:
            src.close()
        return [l for pg in pages for l in pg.links]

    serial = links(1)
    assert sum(1 for l in serial if l.target and l.target.top is not None
               and l.target.page != l.page) > 10
    assert links(2) == serial


def _die_in_child(parent: int, started: Any):  # noqa: ANN202
    def fn(pc):  # noqa: ANN001, ANN202
        if os.getpid() != parent:
            started.set()
            os.kill(os.getpid(), signal.SIGKILL)
        started.wait(60)
        return pc.number
    return fn


def _fail_in_child(parent: int, started: Any):  # noqa: ANN202
    def fn(pc):  # noqa: ANN001, ANN202
        if os.getpid() != parent:
            started.set()
            raise ValueError(f"cannot read page {pc.number}")
        started.wait(60)
        return pc.number
    return fn


@pytest.mark.parametrize("make, says", [(_die_in_child, "killed by SIGKILL"),
                                        (_fail_in_child, "ValueError: cannot read page")])
def test_worker_failure_names_the_file(short_documents_too: None, make, says: str) -> None:  # noqa: ANN001
    pdf = CORPUS / "wic-consensus-zh-en.pdf"
    src = open_source(pdf)
    started = multiprocessing.get_context("fork").Event()
    try:
        with pytest.raises(parallel.PageWorkerError) as err:
            # the parent's first page waits until the child has read one: on a busy
            # machine the parent could otherwise read every page before the child starts
            parallel.map_pages(src, pdf, make(os.getpid(), started), 2)
    finally:
        src.close()
    msg = str(err.value)
    assert msg.startswith(f"{pdf}: ") and "page(s) " in msg and says in msg
    assert "\n" not in msg
    assert not multiprocessing.active_children()  # no process left behind


def test_all_pages_in_order_whoever_reads_them(short_documents_too: None) -> None:
    pdf = CORPUS / "wic-consensus-zh-en.pdf"
    src = open_source(pdf)
    try:
        numbers, _ = parallel.map_pages(src, pdf, lambda pc: (pc.number, os.getpid()), 3)
    finally:
        src.close()
    assert [n for n, _ in numbers] == list(range(1, src.page_count + 1))


def test_a_batch_worker_reads_its_pages_alone() -> None:
    """Inside a batch's worker the batch has the cores: no page processes there."""
    assert parallel.page_jobs(None) == batch.default_jobs()
    assert parallel.page_jobs(3) == 3
    out = batch.run_jobs([batch.Job(str(k), parallel.page_jobs, (None,)) for k in range(2)], 2)
    assert [o.value for o in out] == [1, 1]
    # and a job that asks for processes anyway reads alone: a daemonic process has no children
    out = batch.run_jobs([batch.Job(str(k), parallel.worth_it, (100, 2)) for k in range(2)], 2)
    assert [o.value for o in out] == [False, False]
    assert parallel.worth_it(100, 2)
