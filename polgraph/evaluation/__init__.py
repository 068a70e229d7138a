"""Scoring polgraph's reading of the news against reference readings (``polgraph eval``)."""
