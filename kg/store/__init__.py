"""Stores: the embedded Oxigraph store on disk (default) and remote SPARQL stores."""

from kg.store.embedded import EmbeddedStore

__all__ = ["EmbeddedStore"]
