"""``python -m polgraph``: the command line."""

from polgraph.cli import main

main()
