"""polgraph: a graph database of political actors built from news articles."""

__version__ = "0.1.0"
