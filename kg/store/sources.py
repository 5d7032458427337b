"""Open what a user names as a graph: an embedded store directory or an RDF file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.store.embedded import EmbeddedStore

FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


class SourceError(ValueError):
    """A graph source that cannot be opened; the message names it and says why."""


def open_source(source: str | Path) -> ox.Store:
    """An Oxigraph store over ``source``: a store directory (read-only) or an RDF file
    (loaded in memory)."""
    path = Path(source)
    if path.is_dir():
        try:
            return EmbeddedStore(path, read_only=True).ox
        except OSError as err:
            raise SourceError(f"{source}: not an Oxigraph store ({err})") from None
    if not path.exists():
        raise SourceError(f"{source}: no such file or store directory")
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SourceError(f"{source}: unknown RDF file type {path.suffix!r}; use one of {', '.join(FILE_FORMATS)}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise SourceError(f"{source}: not valid {path.suffix[1:]} ({err})") from None
    return store
