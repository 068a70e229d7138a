"""The language data files (``loaders/data/*.yaml``: verbs, titles, proxies, cue words), read in
one place."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

__all__ = ["language_data"]

# libyaml's loader when PyYAML has it: the CAMEO verb table is 50k lines.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def language_data(name: str) -> Any:
    """The parsed YAML file ``name`` of polgraph's language data (``loaders/data/``)."""
    text = resources.files("polgraph.loaders").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)
