"""Engines run the per-document `clean` function over many seeds."""
