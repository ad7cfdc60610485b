"""pariter: Chinese and English PDFs into structured, aligned, citable parallel text."""

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is looked up on first use: importlib.metadata scans the installed
    # distributions, a cost `pariter --help` should not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("pariter")
        except PackageNotFoundError:  # a source tree that was never installed
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'pariter' has no attribute {name!r}")
