"""Analyses of the actor graph, read from any store's ``event_rows``: ``centrality`` (rank actors),
``temporal`` (rankings per period), ``dyads`` (cooperation and conflict per pair of actors), on
``pairs`` (the actor graph as arrays); ``reference`` holds the same in plain networkx."""
