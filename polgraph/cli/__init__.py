"""The ``polgraph`` command line: one module per verb, registered here."""

from __future__ import annotations

from polgraph.cli.app import main

__all__ = ["main"]
