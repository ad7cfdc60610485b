"""A table of compiled things kept between processes in one file of the cache.

:mod:`pariter.patterns` (regular expressions) and :mod:`pariter.dataclass_code`
(dataclasses' methods) keep what a process compiled in the same way: a dict written by
:mod:`marshal` behind a magic line and a CRC-32 of the body, merged with what other
processes added meanwhile, written whole and renamed over the old file. The format and
its checks live here once; each user names its own file, magic and size bound.

Standard library only at load time: both users are imported before a cold command's
first work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Collection


def read_table(path: Path, magic: bytes) -> dict[Any, Any]:
    """The table in ``path``, or an empty one when the file is missing, of another
    format (``magic``) or damaged (checksum): a cache that cannot be read is made again."""
    import marshal
    import zlib

    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        head, body = raw[:len(magic) + 8], raw[len(magic) + 8:]
        if head[:len(magic)] != magic or int(head[len(magic):], 16) != zlib.crc32(body):
            return {}
        table = marshal.loads(body)
        return table if isinstance(table, dict) else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}


def write_table(path: Path, magic: bytes, new: dict[Any, Any], used: Collection[Any],
                max_bytes: int) -> bool:
    """Add ``new`` to the table in ``path``. A file that would grow past ``max_bytes`` is
    written with only the entries in ``used`` (what the writing process needed). False
    when the cache cannot be written or an entry cannot be marshalled: no error, the
    caller compiles as ever."""
    import marshal
    import zlib

    table = read_table(path, magic)
    table.update(new)
    try:
        body = marshal.dumps(table)
        if len(body) > max_bytes:
            body = marshal.dumps({k: v for k, v in table.items() if k in used})
        from pariter.io import atomic_write_bytes

        atomic_write_bytes(path, magic + b"%08x" % zlib.crc32(body) + body)
    except (OSError, ValueError):
        return False
    return True
