"""pariter.dataclass_code: classes made from kept code are the classes compiling makes."""

from __future__ import annotations

import dataclasses
import textwrap
from typing import Any

import pytest

from pariter import dataclass_code

#: dataclasses of the kinds ``dataclasses`` writes different methods for
SOURCE = textwrap.dedent('''
    from dataclasses import InitVar, dataclass, field

    @dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list = field(default_factory=list)

    @dataclass(frozen=True, order=True)
    class Frozen:
        a: int
        b: float = 1.5

    @dataclass(slots=True, eq=False)
    class Slotted:
        a: int
        b: InitVar[int] = 0
        c: int = field(init=False, default=0)

        def __post_init__(self, b):
            self.c = self.a + b

    @dataclass(unsafe_hash=True, kw_only=True)
    class Hashed:
        a: int
        b: tuple = ()
''')


def _make() -> dict[str, Any]:
    ns: dict[str, Any] = {"__name__": "madehere"}
    exec(compile(SOURCE, "<classes>", "exec", dont_inherit=True), ns)  # noqa: S102 - fixed source
    return ns


def _methods(ns: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for cls in ("Plain", "Frozen", "Slotted", "Hashed"):
        for name, value in vars(ns[cls]).items():
            code = getattr(value, "__code__", None)
            if code is not None:
                out[f"{cls}.{name}"] = (code, value.__qualname__, value.__defaults__,
                                        value.__kwdefaults__)
    return out


def _use(ns: dict[str, Any]) -> list[Any]:
    p, f, s, h = ns["Plain"](1), ns["Frozen"](2), ns["Slotted"](3, 4), ns["Hashed"](a=5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.a = 3
    return [repr(p), p == ns["Plain"](1, "x", []), repr(f), f < ns["Frozen"](3), hash(f),
            s.c, s == ns["Slotted"](3, 4), repr(h), hash(h)]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """Installed afresh over a cache directory of our own; taken away after."""
    monkeypatch.setenv("PARITER_CACHE", str(tmp_path / "cache"))
    dataclass_code.uninstall()
    assert dataclass_code.install()
    yield tmp_path / "cache"
    dataclass_code.uninstall()


def _plain() -> tuple[dict[str, Any], list[Any]]:
    installed = dataclass_code._INSTALLED is not None
    dataclass_code.uninstall()
    try:
        ns = _make()
        return _methods(ns), _use(ns)
    finally:
        if installed:
            dataclass_code.install()


def test_classes_from_kept_code_are_the_compilers(cache) -> None:  # noqa: ANN001
    methods, behaviour = _plain()
    first = _make()  # compiled here, kept
    assert dataclass_code._NEW and not dataclass_code._KEPT
    dataclass_code.save()
    dataclass_code.uninstall()
    assert dataclass_code.install()
    assert dataclass_code._KEPT and not dataclass_code._NEW
    again = _make()  # from the file, nothing compiled
    assert not dataclass_code._NEW
    for ns in (first, again):
        assert _methods(ns) == methods
        assert _use(ns) == behaviour


def test_a_damaged_file_is_ignored_and_made_again(cache) -> None:  # noqa: ANN001
    _make()
    dataclass_code.save()
    [kept] = list(cache.glob("dc-*.bin"))
    raw = kept.read_bytes()
    kept.write_bytes(raw[:-10] + bytes(10))
    dataclass_code.uninstall()
    assert dataclass_code.install()
    assert not dataclass_code._KEPT
    methods, _ = _plain()
    assert _methods(_make()) == methods
    made = dict(dataclass_code._NEW)
    dataclass_code.save()
    dataclass_code.uninstall()
    assert dataclass_code.install()
    assert dataclass_code._KEPT == made  # written again, whole


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("PARITER_CACHE", str(blocked / "cache"))
    dataclass_code.uninstall()
    try:
        assert dataclass_code.install()
        methods, behaviour = _plain()
        ns = _make()
        dataclass_code.save()
        assert _methods(ns) == methods and _use(ns) == behaviour
    finally:
        dataclass_code.uninstall()


def test_exec_of_code_objects_passes_through(cache) -> None:  # noqa: ANN001
    ns: dict[str, Any] = {}
    dataclass_code._exec(compile("x = 1", "<t>", "exec"), ns)
    assert ns["x"] == 1 and not dataclass_code._NEW


def test_no_globals_means_the_callers_as_for_the_builtin(cache) -> None:  # noqa: ANN001
    ns: dict[str, Any] = {}
    dataclass_code._exec("where = __name__", None, ns)
    assert ns["where"] == __name__
