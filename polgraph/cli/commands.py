"""The verbs of the command line, in the order ``polgraph --help`` lists them."""

from __future__ import annotations

import importlib

import click

# One module per verb; each defines a click command named like the module (``load.load``).
_MODULES = [
    "load",
    "actors",
    "relations",
    "events",
    "curation",
    "centrality",
    "dyads",
    "view",
    "export",
    "eval",
    "train",
    "query",
    "registry",
    "init",
    "sync",
    "migrate",
]


def _commands() -> list[click.Command]:
    found = []
    for name in _MODULES:
        module = importlib.import_module(f"polgraph.cli.{name}")
        found.extend(getattr(module, "COMMANDS"))
    return found


COMMANDS = _commands()
