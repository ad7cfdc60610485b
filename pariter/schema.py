"""Validation of our JSON against the schemas kept in ``pariter/schemas``.

Every JSON file we read is checked here before it is used, so a wrong type is reported
as ``FILE: FIELD: problem`` rather than met later as a ``TypeError``. The schemas are the
published contract of the formats (document, alignment, truth, and whatever other stage
adds one: ``validate(data, "corrections", path)`` works for any
``pariter/schemas/NAME.schema.json``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jsonschema

from pariter.errors import InputError

#: How many schema violations an error line quotes; the rest are counted.
SHOWN_PROBLEMS = 3
#: Longest quoted value in a message: jsonschema quotes the offending value whole.
MAX_VALUE_CHARS = 60


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    text = resources.files("pariter.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.protocols.Validator:
    s = schema(name)
    cls = jsonschema.validators.validator_for(s)
    cls.check_schema(s)
    return cls(s)


def field_path(parts: Iterable[Any]) -> str:
    """``["paragraphs", 3, "page"]`` → ``paragraphs[3].page``; ``(top)`` for the root."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top)"


def _short(e: jsonschema.ValidationError) -> str:
    """jsonschema's message with the quoted instance cut short."""
    msg = e.message
    r = repr(e.instance)
    if len(r) > MAX_VALUE_CHARS and r in msg:
        msg = msg.replace(r, r[:MAX_VALUE_CHARS] + "…")
    return " ".join(msg.split())


def errors(data: Any, name: str) -> list[str]:
    """Every violation as ``field: message``, sorted so reports are stable."""
    out = []
    for e in _validator(name).iter_errors(data):
        out.append(f"{field_path(e.absolute_path)}: {_short(e)}")
    return sorted(out)


def validate(data: Any, name: str, source: str | Path = "<data>") -> None:
    """Raise one :class:`InputError` naming the file and the first fields at fault."""
    problems = errors(data, name)
    if problems:
        more = (f" (and {len(problems) - SHOWN_PROBLEMS} more)"
                if len(problems) > SHOWN_PROBLEMS else "")
        raise InputError(source, f"does not match the {name} schema: "
                         + "; ".join(problems[:SHOWN_PROBLEMS]) + more)
