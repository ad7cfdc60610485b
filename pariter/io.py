"""Reading and writing files: checked before any work, never half written.

Readers (:func:`read_text`, :func:`read_json`, :func:`read_json_object`) answer every
problem with an :class:`InputError` naming the file: missing, a directory, not UTF-8,
not JSON (with line and column), nested deeper than any file of ours, numbers no file of
ours holds. A UTF-8 byte-order mark is accepted. Checking types and references is the
caller's next step (:mod:`pariter.schema`, :mod:`pariter.refs`).

Writers go through :func:`atomic_write_bytes`: a reader sees the old file or the new one.
:func:`check_output_file` and :func:`check_output_dir` tell a user that a path cannot be
written *before* a twenty-second extraction rather than after it; they work as Typer
option callbacks, so a command gets the check by declaring its option with
``callback=check_output_file``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterable

from pariter.errors import InputError, OutputError

#: Deepest nesting of arrays and objects accepted in a JSON input. Our formats nest at
#: most six levels (document → paragraphs → paragraph → boxes → box); twenty leaves room
#: for other people's additions while keeping every recursive walker (jsonschema, the
#: model's loader) far from Python's recursion limit.
MAX_JSON_DEPTH = 20

#: Longest integer literal accepted in a JSON input. Page numbers, offsets and counts in
#: our files have a few digits; Python refuses to parse more than 4300 anyway.
MAX_JSON_INT_DIGITS = 18


# -- writing --------------------------------------------------------------------------------
def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write next to the target and rename over it: readers see the old or the new file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def cache_dir() -> Path:
    """Where pariter keeps what it can rebuild: ``$PARITER_CACHE``, else ``~/.cache/pariter``."""
    env = os.environ.get("PARITER_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "pariter"


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# -- checking output paths before work --------------------------------------------------------
def _nearest_existing(path: Path) -> Path:
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def _probe_dir(where: Path, target: Path) -> None:
    """Create and remove a file in the directory ``where``: the one test that holds for
    read-only mounts, ACLs and root alike."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pariter-probe.", dir=where)
    except OSError as e:
        raise OutputError(target, f"cannot write in {where} ({(e.strerror or str(e)).lower()})") from None
    os.close(fd)
    os.unlink(tmp)


def _ancestors_are_dirs(path: Path, target: Path) -> Path:
    """The nearest existing ancestor of ``path``, which must be a directory."""
    base = _nearest_existing(path)
    if not base.is_dir():
        raise OutputError(target, f"{base} is a file, not a directory")
    return base


def check_output_file(path: Path | None) -> Path | None:
    """``path`` can be written as a file (its directory may not exist yet); raises
    :class:`OutputError` otherwise. Returns ``path`` so it can serve as a callback."""
    if path is None:
        return path
    p = Path(path)
    if p.is_dir():
        raise OutputError(p, "is a directory; give a file name")
    if p.exists() and not p.is_file():
        raise OutputError(p, "is not a regular file")
    base = _ancestors_are_dirs(p.parent, p)
    _probe_dir(base, p)
    return path


def check_output_dir(path: Path | None) -> Path | None:
    """``path`` is or can become a directory we can write in; raises :class:`OutputError`."""
    if path is None:
        return path
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise OutputError(p, "is a file, not a directory")
    base = _ancestors_are_dirs(p, p)
    _probe_dir(base, p)
    return path


def check_distinct(outputs: Iterable[Path | None], inputs: Iterable[Path] = ()) -> None:
    """No two outputs are one file and no output overwrites an input."""
    seen: dict[Path, Path] = {}
    ins = {Path(i).resolve(): Path(i) for i in inputs}
    for o in outputs:
        if o is None:
            continue
        r = Path(o).resolve()
        if r in ins:
            raise OutputError(o, f"is also an input ({ins[r]}); choose another output")
        if r in seen:
            raise OutputError(o, f"is given twice as an output ({seen[r]})")
        seen[r] = Path(o)


# -- reading ----------------------------------------------------------------------------------
def _unreadable(p: Path, e: OSError) -> InputError:
    """One wording for a file the system would not let us stat or read, wherever we asked:
    the file can vanish or change between the look and the read."""
    if isinstance(e, FileNotFoundError):
        return InputError(p, "no such file")
    if isinstance(e, IsADirectoryError):
        return InputError(p, "is a directory, not a file")
    if isinstance(e, PermissionError):
        return InputError(p, "permission denied")
    return InputError(p, f"cannot read ({(e.strerror or str(e)).lower()})")


def regular_file(path: str | Path) -> Path:
    """``path`` if it is a regular file; a directory, a device (``/dev/zero`` never
    ends), a FIFO or nothing at all is an :class:`InputError`."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except OSError as e:
        raise _unreadable(p, e) from None
    if stat.S_ISDIR(mode):
        raise InputError(p, "is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise InputError(p, "is not a regular file (a device, a pipe or a socket)")
    return p


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file we were given, or an :class:`InputError` naming it."""
    p = regular_file(path)
    try:
        return p.read_bytes()
    except OSError as e:
        raise _unreadable(p, e) from None


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 (a leading byte-order mark is dropped), or an error saying where it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(path, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}, "
                               f"line {line}); save it as UTF-8", ) from None


def read_text(path: str | Path) -> str:
    """A UTF-8 text file we were given (BOM accepted), or an :class:`InputError`."""
    return decode_text(read_bytes(path), path)


def _parse_int(path: str | Path, s: str) -> int:
    if len(s.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise InputError(path, f"holds an integer of {len(s.lstrip('-'))} digits "
                               f"(at most {MAX_JSON_INT_DIGITS} are accepted)")
    return int(s)


def _parse_float(path: str | Path, s: str) -> float:
    f = float(s)
    if not math.isfinite(f):
        raise InputError(path, f"holds the number {s[:40]}, which is out of range")
    return f


def _parse_constant(path: str | Path, s: str) -> Any:
    raise InputError(path, f"holds {s}, which is not JSON")


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """True when arrays/objects nest deeper than ``limit`` (iterative: any depth is safe)."""
    return _json_walk(value, limit) == "depth"


def _json_walk(value: Any, limit: int) -> str | None:
    """``"depth"`` when arrays/objects nest deeper than ``limit``, ``"surrogate"`` when a
    string holds a lone UTF-16 surrogate (``"\\ud800"``: JSON can spell it, no text file
    can hold it, and writing it out would fail), else None. Iterative: any depth is safe."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                return "surrogate"
        elif isinstance(v, dict):
            if d > limit:
                return "depth"
            stack.extend((x, d + 1) for x in v.values())
            stack.extend((k, d) for k in v)
        elif isinstance(v, list):
            if d > limit:
                return "depth"
            stack.extend((x, d + 1) for x in v)
    return None


def parse_json(text: str, path: str | Path, what: str = "JSON") -> Any:
    """Parse JSON text read from ``path``; every failure is an :class:`InputError`."""
    try:
        data = json.loads(text, parse_int=lambda s: _parse_int(path, s),
                          parse_float=lambda s: _parse_float(path, s),
                          parse_constant=lambda s: _parse_constant(path, s))
    except json.JSONDecodeError as e:
        raise InputError(path, f"not a {what} file: invalid JSON at line {e.lineno} "
                               f"column {e.colno} ({e.msg})") from None
    except RecursionError:
        raise InputError(path, f"not a {what} file: arrays or objects nested deeper than "
                               f"{MAX_JSON_DEPTH} levels") from None
    found = _json_walk(data, MAX_JSON_DEPTH)
    if found == "depth":
        raise InputError(path, f"not a {what} file: arrays or objects nested deeper than "
                               f"{MAX_JSON_DEPTH} levels")
    if found == "surrogate":
        raise InputError(path, f"not a {what} file: a string holds a lone UTF-16 surrogate "
                               f"(\\ud800-\\udfff), which is not text")
    return data


def read_json(path: str | Path, what: str = "JSON") -> Any:
    """Any JSON value from a file we were given (see :func:`parse_json`)."""
    return parse_json(read_text(path), path, what)


def read_json_object(path: str | Path, what: str) -> dict[str, Any]:
    """A JSON object from a file, or an :class:`InputError` saying which file and why."""
    data = read_json(path, what)
    if not isinstance(data, dict):
        raise InputError(path, f"not a {what} JSON file (top level is "
                               f"{_json_type(data)}, not an object)")
    return data


def _json_type(v: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(v), type(v).__name__)
