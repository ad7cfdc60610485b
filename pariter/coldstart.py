"""Starting fast: a command pays only for the libraries it uses.

spaCy is our sentence segmenter, and a bare ``import spacy`` costs a cold ``pariter
extract`` most of its start-up, for two things we never use:

* thinc (imported by spaCy) probes for torch with ``import torch`` in ``thinc.compat`` —
  four seconds and 300 MB. The probe is optional by design: thinc catches the ImportError
  and records ``has_torch = False``; only thinc's own PyTorch layers, which our blank
  rule-based pipelines never build, need it.
* ``spacy/__init__`` imports ``spacy.cli.info`` for the ``spacy.info`` function, and with
  it spaCy's whole command line (weasel, httpx, requests, jinja2): about a third of the
  CPU time of ``import spacy``.

:func:`start_fast` installs one finder on ``sys.meta_path`` that declines exactly these:
``torch`` while the import is requested from ``thinc.compat``, and ``spacy.cli`` /
``spacy.cli.info`` while it is requested from ``spacy`` itself, for which it serves two
small stand-ins. The stand-ins step aside on first use — any attribute of them, or
calling ``spacy.info()``, drops them and imports the real modules — so ``python -m
spacy``, ``spacy.cli.download`` or ``spacy.info()`` in the same process behave as ever,
and anything else that imports torch (sentence-transformers for ``pariter align --model
st:PATH``) does so as usual, later. The CLI calls it first thing; library users who
import spaCy themselves are unaffected unless they call it.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types
from typing import Any

#: (module imported, module whose import of it we decline or serve with a stand-in)
_TORCH_PROBE = "thinc.compat"
_SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def _requested_from(module: str) -> bool:
    """Whether the import being resolved is a statement in ``module``'s own code (the
    first frame outside the import machinery)."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__") in ("importlib._bootstrap",
                                                                    "_frozen_importlib",
                                                                    "importlib", __name__):
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__") == module


def _restore_spacy_cli() -> types.ModuleType:
    """Drop the stand-ins and import the real ``spacy.cli`` (and ``spacy.cli.info``)."""
    for name in _SPACY_CLI:
        mod = sys.modules.get(name)
        if mod is not None and getattr(mod, "__pariter_stand_in__", False):
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(getattr(spacy, "cli", None), "__pariter_stand_in__", False):
        delattr(spacy, "cli")
    importlib.import_module("spacy.cli.info")
    return importlib.import_module("spacy.cli")


def _stand_in_getattr(module: str):
    def __getattr__(name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):  # the import system probing
            raise AttributeError(name)
        _restore_spacy_cli()
        return getattr(importlib.import_module(module), name)
    return __getattr__


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as spaCy defines it, imported when first called."""
    _restore_spacy_cli()
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _Finder:
    """A meta path finder and the loader of its stand-ins (duck-typed: importing
    ``importlib.abc`` would cost ``pariter --help`` the ``importlib.resources`` package)."""

    def find_spec(self, fullname: str, path=None, target=None):  # noqa: ANN001
        if fullname == "torch" or fullname.startswith("torch."):
            if _requested_from(_TORCH_PROBE):
                raise ModuleNotFoundError(
                    f"pariter keeps torch out of {_TORCH_PROBE}'s optional probe", name=fullname)
            return None
        if fullname in _SPACY_CLI and fullname not in sys.modules and _requested_from("spacy"):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname == "spacy.cli")
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        module.__pariter_stand_in__ = True  # type: ignore[attr-defined]
        module.__getattr__ = _stand_in_getattr(module.__name__)  # type: ignore[attr-defined]
        if module.__name__ == "spacy.cli":
            module.__path__ = []  # type: ignore[attr-defined]
        else:
            module.info = _info  # type: ignore[attr-defined]


_FINDER = _Finder()


def start_fast() -> None:
    """Install the finder (once). Harmless if torch, thinc or spaCy were imported already.

    Also compiles regular expressions from here on with one optimisation per character
    class (:func:`pariter.patterns.compile_classes_once`): the same patterns, in a third
    of the CPU time for ours; and builds the patterns an earlier process compiled from the
    code it kept (:func:`pariter.patterns.compile_from_cache`, written as the process
    ends), without compiling them again; and dataclasses' generated methods likewise
    (:mod:`pariter.dataclass_code`)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    import atexit

    from pariter import dataclass_code
    from pariter.patterns import compile_classes_once, compile_from_cache, save_compiled

    compile_classes_once()
    for installed, save in ((compile_from_cache(), save_compiled),
                            (dataclass_code.install(), dataclass_code.save)):
        if installed:
            atexit.unregister(save)  # once, however often this is called
            atexit.register(save)

