"""Resolve: canonical names, links to public identifiers, and cross-document identity.

The IRIs an identity decision names are minted by :mod:`kg.rdf.iri`."""

from kg.resolve.linking import resolve

__all__ = ["resolve"]
