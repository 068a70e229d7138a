"""Coded event data: GDELT 1.0 and 2.0 event files as event edges between actor nodes.

Data flows one way, a module each: ``source`` (files, zip archives, folders, stdin as text
streams) -> ``reader`` (rows -> :class:`CodedEvent`, laid out by ``layout``) -> ``actors``
(CAMEO actor codes -> the registry's actors, by the tables of ``cameo``) -> ``loader``
(:class:`~polgraph.graph.model.Relation` batches -> a store). Documented in docs/gdelt.md.

Data from the GDELT Project (Leetaru, K. and Schrodt, P. 2013, "GDELT: Global Data on Events,
Location and Tone"), https://www.gdeltproject.org/.
"""

from polgraph.loaders.gdelt.actors import ActorResolver
from polgraph.loaders.gdelt.loader import DEFAULT_BATCH_SIZE, EventLoadReport, GdeltLoader, event_relation
from polgraph.loaders.gdelt.reader import ActorCodes, CodedEvent, read_events
from polgraph.loaders.gdelt.source import gdelt_files, is_gdelt_name, open_streams

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "ActorCodes",
    "ActorResolver",
    "CodedEvent",
    "EventLoadReport",
    "GdeltLoader",
    "event_relation",
    "gdelt_files",
    "is_gdelt_name",
    "open_streams",
    "read_events",
]
