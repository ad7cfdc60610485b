"""Starting fast: a command pays only for the libraries it uses.

spaCy is our sentence segmenter, and importing spaCy imports thinc, whose ``compat``
module probes for torch with a bare ``import torch`` — four seconds and 300 MB for a
library we use only when an embedding model needs it. The probe is optional by design
(thinc catches the ImportError and records ``has_torch = False``; only thinc's own
PyTorch layers, which our blank rule-based pipelines never build, need it).

:func:`keep_torch_out_of_thinc` makes that one probe fail and nothing else: a finder on
``sys.meta_path`` refuses ``torch`` only while the import is requested from
``thinc.compat``. Anything else in the same process — sentence-transformers loading a
model for ``pariter align --model st:PATH`` — imports torch as usual, later. The CLI
installs it first thing; library users who import spaCy themselves are unaffected unless
they call it.
"""

from __future__ import annotations

import importlib.abc
import sys
from types import FrameType

#: The module whose optional torch probe we decline.
PROBING_MODULE = "thinc.compat"


class _DeclineTorchForThinc(importlib.abc.MetaPathFinder):
    """Refuse ``import torch`` (and submodules) coming from :data:`PROBING_MODULE`."""

    def find_spec(self, fullname: str, path=None, target=None):  # noqa: ANN001
        if fullname != "torch" and not fullname.startswith("torch."):
            return None
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") == PROBING_MODULE:
                raise ModuleNotFoundError(
                    f"pariter keeps torch out of {PROBING_MODULE}'s optional probe", name=fullname)
            frame = frame.f_back
        return None


_FINDER = _DeclineTorchForThinc()


def keep_torch_out_of_thinc() -> None:
    """Install the finder (once). Harmless if torch or thinc were imported already."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
