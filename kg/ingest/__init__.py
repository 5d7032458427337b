"""Ingest: turn paths and URLs into :class:`kg.model.Document` records.

Sources stream: :func:`read_sources` yields one item at a time, either a
``Document`` or a ``Skipped`` naming the input and the reason, so a bad input
never stops the good ones.
"""

from kg.ingest.readers import Notice, Skipped, read_sources

__all__ = ["Notice", "Skipped", "read_sources"]
