"""Analyses of the actor graph, read from any store's ``event_rows``: ``centrality`` (rank actors),
``temporal`` (rankings per period), ``dyads`` (cooperation and conflict per pair of actors), on
``pairs`` (the actor graph as arrays) and ``events`` (reports of one act grouped into an event:
analyses count events, or reports); ``reference`` holds the same in plain networkx."""
