"""A space typed after a CJK full stop on a justified line is that line's only stretchable
space besides the slight glue between ideographs, so it may widen to two ems: the row is
one line (it ends at the column's justified edge, and no row next to it has text on both
sides of the white), not two pieces that reading order takes apart. Real case:
debian-edu zh-cn p59 "…点击右下角的“设置密码”。 某些字符可能不被允许作 / 为密码的一部分。"
(DBLaTeX/XeLaTeX; /work/realpairs3, skipped where absent). No fixture: xeCJK drops a
space typed after full-width punctuation, so a plain ctexart source does not print one."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

EDU = Path("/work/realpairs3/pdf/debian-edu-bookworm-manual.zh-cn.pdf")


@pytest.mark.skipif(not EDU.exists(), reason="realpairs3 not on this machine")
def test_debian_edu_wide_space_after_a_full_stop() -> None:
    doc = extract_pdf(EDU)
    assert any("点击右下角的“设置密码”。某些字符可能不被允许作为密码的一部分。" in p.text.replace(" ", "")
               for p in doc.paragraphs if p.page == 59)
