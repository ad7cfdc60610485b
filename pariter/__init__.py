"""pariter: Chinese and English PDFs into structured, aligned, citable parallel text."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pariter")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
