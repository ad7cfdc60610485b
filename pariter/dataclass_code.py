"""Dataclasses' generated methods, compiled once and kept between processes.

``@dataclass`` writes each method it adds to a class (``__init__``, ``__repr__``,
``__eq__``, …) as Python source and compiles that text when the class is made. In a cold
``pariter extract`` that is 423 texts in the main process (110 classes: ours, pydantic's,
Typer's) and 96 more in the spaCy helper (spaCy's, thinc's): 0.033 s and 0.010 s of CPU,
nearly all of it compiling (running the compiled code is 0.6 ms). The text decides the
code: ``compile`` of one text, with the same file name and flags, gives equal code on the
same Python. So the code is kept in the cache (:func:`pariter.io.cache_dir`), written by
:mod:`marshal` (the format Python keeps modules' bytecode in) to a file named by the
Python build, as :mod:`pariter.patterns` keeps regular expressions; a process that makes
the same classes again runs the kept code instead of compiling the text. A damaged file
(checksum) is ignored and made again; an unwritable cache only means compiling as ever.

The one place ``dataclasses`` compiles is its call ``exec(text, globals, namespace)``;
:func:`install` gives that module an ``exec`` of its own (a module global, found before
the built-in), which compiles the text as the built-in would — file name ``"<string>"``,
no ``__future__`` flags, as the ``dataclasses`` module has none — or takes the kept code,
and runs it with the same namespaces. Classes are made as before, with the same code.
Like :func:`pariter.coldstart.start_fast` it changes how a process works, not what it
computes: the command line installs it for its own processes, a library user's process
is left as it is.
"""

from __future__ import annotations

import builtins
from typing import Any

#: a file that would grow past this is written with only what the process writing it used
MAX_BYTES = 2 << 20
_MAGIC = b"pariter-dc 1\n"

_KEPT: dict[str, Any] = {}  # text -> code, read from the file
_NEW: dict[str, Any] = {}  # compiled here, not in the file
_USED: set[str] = set()
_OWNER = 0  # the process that installed it (or a forked one that asked again): it writes
_INSTALLED: Any = None  # the dataclasses module we gave an exec


def _cache_file() -> Any:
    import sys
    import zlib
    from importlib.util import MAGIC_NUMBER

    from pariter.io import cache_dir

    build = f"{sys.version}|{MAGIC_NUMBER.hex()}"
    return cache_dir() / f"dc-{sys.implementation.cache_tag}-{zlib.crc32(build.encode()):08x}.bin"


def _read_kept() -> dict[str, Any]:
    from pariter.keptfile import read_table

    return read_table(_cache_file(), _MAGIC)


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
    """``exec`` as ``dataclasses`` calls it, with the text's code kept."""
    if globals is None:  # the built-in's defaults: its caller's namespaces, not ours
        import sys

        frame = sys._getframe(1)
        globals = frame.f_globals
        if locals is None:
            locals = frame.f_locals
    if type(source) is not str:
        return builtins.exec(source, globals, locals)
    code = _KEPT.get(source) or _NEW.get(source)
    if code is None:
        code = _NEW[source] = compile(source, "<string>", "exec", dont_inherit=True)
    _USED.add(source)
    return builtins.exec(code, globals, locals)


def _compiles_plainly(module: Any) -> bool:
    """Does ``module``'s own code carry no ``__future__`` flag (the flags its ``exec`` of a
    text would compile it with)?"""
    import __future__
    import types

    mask = 0
    for name in __future__.all_feature_names:
        mask |= getattr(__future__, name).compiler_flag
    return not any(isinstance(f, types.FunctionType) and f.__module__ == module.__name__
                   and f.__code__.co_flags & mask for f in vars(module).values())


def install() -> bool:
    """Give ``dataclasses`` the kept code (once); a forked process that asks again writes
    what it adds itself. True when in place."""
    global _KEPT, _OWNER, _INSTALLED
    import os

    if _INSTALLED is not None:
        _OWNER = os.getpid()
        return True
    import dataclasses

    if "exec" in vars(dataclasses) or not _compiles_plainly(dataclasses):
        return False  # pragma: no cover - a dataclasses that works otherwise
    _KEPT = _read_kept()
    _NEW.clear()
    _USED.clear()
    _OWNER = os.getpid()
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    _INSTALLED = dataclasses
    return True


def uninstall() -> None:
    """Take it away again (tests compare classes made both ways)."""
    global _INSTALLED
    if _INSTALLED is not None:
        if vars(_INSTALLED).get("exec") is _exec:
            del _INSTALLED.exec
        _INSTALLED = None


def save() -> None:
    """Add what this process compiled to the file (merged with what other processes added
    meanwhile; written whole and renamed over it). Only the owner writes; a cache that
    cannot be written is no error."""
    import os

    from pariter.keptfile import write_table

    if _INSTALLED is None or not _NEW or os.getpid() != _OWNER:
        return
    if not write_table(_cache_file(), _MAGIC, _NEW, _USED, MAX_BYTES):
        return  # unwritable, or an entry marshal cannot hold
    _KEPT.update(_NEW)
    _NEW.clear()
