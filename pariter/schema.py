"""Validation of our JSON against the schemas kept in ``pariter/schemas``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jsonschema

from pariter.errors import InputError

SchemaName = Literal["document", "alignment"]


@lru_cache(maxsize=None)
def schema(name: SchemaName) -> dict[str, Any]:
    text = resources.files("pariter.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _validator(name: SchemaName) -> jsonschema.protocols.Validator:
    s = schema(name)
    cls = jsonschema.validators.validator_for(s)
    cls.check_schema(s)
    return cls(s)


def errors(data: Any, name: SchemaName) -> list[str]:
    """Every violation as ``path: message``, sorted so reports are stable."""
    out = []
    for e in _validator(name).iter_errors(data):
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        out.append(f"{where}: {e.message}")
    return sorted(out)


def validate(data: Any, name: SchemaName, source: str | Path = "<data>") -> None:
    problems = errors(data, name)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise InputError(source, f"does not match the {name} schema: "
                                 + "; ".join(problems[:3]) + more)
