"""polgraph: a graph database of political actors built from news articles."""

from __future__ import annotations

from typing import Any

__all__ = ["__version__", "to_frames"]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # polgraph.to_frames, imported on first use: `import polgraph` stays light (no store, no pandas)
    if name == "to_frames":
        from polgraph.frames import to_frames

        return to_frames
    raise AttributeError(f"module 'polgraph' has no attribute {name!r}")
