"""The root command group and the commands it carries."""

from __future__ import annotations

import os
import sys

import click

from polgraph import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="polgraph")
def cli() -> None:
    """polgraph: a graph of political actors, built from news articles.

    Load articles, then ask who did what to whom: `polgraph load`, `polgraph relations`,
    `polgraph centrality`. The graph lives in `.polgraph/graph.db` (SQLite) unless --store says otherwise.
    """


def _register() -> None:
    from polgraph.cli import commands

    for command in commands.COMMANDS:
        cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    if not _is_open(1):
        # refused before anything runs: the output would be lost, and a file opened now would
        # take descriptor 1, where a stray write would land in it
        click.echo("Error: standard output is closed; redirect it (> /dev/null) instead of closing it", err=True)
        sys.exit(1)
    _register()
    cli.main(args=argv, prog_name="polgraph", standalone_mode=True)


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
