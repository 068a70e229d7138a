"""GDELT event file layouts: the column names of each version, read from ``data/layouts/``.

A row's version is told by its column count (57: GDELT 1.0 backfile, 58: GDELT 1.0 daily files,
61: GDELT 2.0), so one file may mix the first two, as GDELT 1.0 samples do.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

__all__ = ["Layout", "layouts"]

_FILES = ("gdelt-1.0-historical.txt", "gdelt-1.0-daily.txt", "gdelt-2.0.txt")


@dataclass(frozen=True)
class Layout:
    name: str  # "gdelt-2.0"
    columns: tuple[str, ...]

    def index(self, column: str) -> int:
        return self.columns.index(column)

    def get(self, column: str) -> int | None:
        """The index of ``column``, or None when this layout lacks it (SOURCEURL before April 2013)."""
        return self.columns.index(column) if column in self.columns else None


@functools.cache
def layouts() -> dict[int, Layout]:
    """Every known layout, by column count."""
    found = {}
    for name in _FILES:
        text = resources.files("polgraph.loaders.gdelt").joinpath("data", "layouts", name).read_text(encoding="utf-8")
        columns = tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
        found[len(columns)] = Layout(name.removesuffix(".txt"), columns)
    return found
