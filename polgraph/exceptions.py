"""Every error polgraph raises on purpose.

Hierarchy::

    PolgraphError                 base; the CLI prints its message as one line and exits 1
    ├── InputError                a file or record cannot be read (names the file and the problem)
    ├── ConfigError               bad option, registry file or pipeline name
    ├── StoreError                the store cannot be read or written
    │   └── StoreUnavailable      a configured server cannot be reached
    ├── OutputError               an output file may not or cannot be written (a FIFO, the store itself, ...)
    ├── CurationError             a curation change or undo cannot be made, or the overlay file is bad
    └── QueryError                a Cypher query cannot be run
        ├── CypherSyntaxError     with line and column and what was expected
        ├── CypherSemanticError   unknown variable or function, wrong arguments, ...
        ├── UnsupportedQuery      a valid query the embedded engine does not answer (writes)
        └── QueryLimitExceeded    a query went past a row, memory or value-size limit
            └── QueryTimeout      a query ran past its time limit (or was cancelled)

Anything else escaping to the CLI is a bug: it exits 2.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "CurationError",
    "CypherSemanticError",
    "CypherSyntaxError",
    "InputError",
    "OutputError",
    "PolgraphError",
    "QueryError",
    "QueryLimitExceeded",
    "QueryTimeout",
    "StoreError",
    "StoreUnavailable",
    "UnsupportedQuery",
]


class PolgraphError(Exception):
    """Base of every deliberate polgraph error."""


class InputError(PolgraphError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(PolgraphError):
    pass


class StoreError(PolgraphError):
    pass


class StoreUnavailable(StoreError):
    pass


class CurationError(PolgraphError):
    pass


class OutputError(PolgraphError):
    pass


class QueryError(PolgraphError):
    pass


class CypherSyntaxError(QueryError):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"syntax error at line {line}, column {column}: {message}")
        self.line = line
        self.column = column


class CypherSemanticError(QueryError):
    pass


class UnsupportedQuery(QueryError):
    pass


class QueryLimitExceeded(QueryError):
    pass


class QueryTimeout(QueryLimitExceeded):
    pass
