"""Writing an XML document the way ElementTree writes it whole, a few hundred elements at a time:
``skeleton`` serialises the document around its long lists (each stood for by a sentinel element),
``write_elements`` each list's elements with the indentation the whole document would give them.
GraphML and GEXF (``graphml``, ``gexf``) stream through these with networkx's own writer pieces."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import IO
from xml.etree.ElementTree import Element, ElementTree, tostring

__all__ = ["BATCH", "Indent", "sentinel", "skeleton", "write_elements"]

Indent = Callable[[Element, int], None]  # networkx's writers' ``indent(elem, level)``, in place

BATCH = 500  # elements serialised at a time
_CONTAINER = "polgraph-batch"


def sentinel(name: str) -> Element:
    """The element standing for a list in ``skeleton``."""
    return Element(f"polgraph-{name}")


def skeleton(root: Element, indent: Indent, sentinels: Iterable[Element], encoding: str = "utf-8") -> list[bytes]:
    """The document of ``root`` indented and written with its XML declaration, cut at each of
    ``sentinels`` (present in it, in document order): the pieces between the lists."""
    indent(root, 0)
    buffer = io.BytesIO()
    ElementTree(root).write(buffer, encoding=encoding, xml_declaration=True)
    pieces, rest = [], buffer.getvalue()
    for mark in sentinels:
        before, found, rest = rest.partition(f"<{mark.tag} />".encode())
        assert found, mark.tag
        pieces.append(before)
    return [*pieces, rest]


def write_elements(out: IO[bytes], elements: Iterable[Element], indent: Indent, level: int,
                   encoding: str = "utf-8") -> None:
    """The elements of a list at ``level`` as they stand in the whole document, where a sentinel of
    ``skeleton`` stood: each one's tail is the indentation of the next, the last one's is the
    sentinel's (in the skeleton). A batch is written in a container whose own tags are cut off."""
    between = "\n" + "  " * level
    batch = Element(_CONTAINER)
    last: Element | None = None  # held back: only the end of the list tells it is the last
    for element in elements:
        indent(element, level)
        if last is not None:
            last.tail = between
            batch.append(last)
            if len(batch) == BATCH:
                _flush(out, batch, encoding)
                batch = Element(_CONTAINER)
        last = element
    if last is not None:
        last.tail = None
        batch.append(last)
        _flush(out, batch, encoding)


def _flush(out: IO[bytes], batch: Element, encoding: str) -> None:
    text = tostring(batch, encoding="unicode")  # ElementTree.write's own escaping and layout
    # ElementTree.write encodes with xmlcharrefreplace
    out.write(text[len(_CONTAINER) + 2 : -len(_CONTAINER) - 3].encode(encoding, "xmlcharrefreplace"))
