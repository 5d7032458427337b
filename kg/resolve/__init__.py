"""Resolve: canonical names, links to public identifiers, and global identity keys."""

from kg.resolve.keys import entity_iri
from kg.resolve.linking import resolve

__all__ = ["entity_iri", "resolve"]
