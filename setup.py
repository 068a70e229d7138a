"""Finds polgraph's packages: the top-level folders graph/, loaders/, cypher/ and seeds/ install
as polgraph.graph, polgraph.loaders, ... beside polgraph/ itself. Everything else is in pyproject.toml."""

import warnings

from setuptools import find_namespace_packages, setup

# An editable install of this layout goes through setuptools' import finder, which adds a notice
# that a folder named like the package may shadow it. Here that folder (polgraph/) is the package.
warnings.filterwarnings("ignore", message="Editable installation")

PACKAGE_DIR = {
    "polgraph": "polgraph",
    "polgraph.graph": "graph",
    "polgraph.loaders": "loaders",
    "polgraph.cypher": "cypher",
    "polgraph.seeds": "seeds",
}

# Namespace packages, so folders of data files (cypher/queries, graph/data, ...) count as packages too.
packages = sorted(
    f"{name}.{sub}" if sub else name
    for name, folder in PACKAGE_DIR.items()
    for sub in ["", *find_namespace_packages(where=folder, exclude=["*__pycache__*"])]
)

setup(packages=packages, package_dir=PACKAGE_DIR)
