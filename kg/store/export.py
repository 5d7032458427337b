"""Write a store's contents to RDF files, streaming (nothing holds the whole graph)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.store.embedded import EmbeddedStore

QUAD_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
# The union of all graphs, each triple once: what a triple-only format can hold.
UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"


def export(store: EmbeddedStore, path: str | Path, fmt: str) -> Path:
    """Write the store as ``fmt`` (nq, trig: with named graphs; ttl, nt: their union)."""
    path = Path(path)
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    with path.open("wb") as out:
        if fmt in QUAD_FORMATS:
            kwargs = {"prefixes": prefixes} if fmt == "trig" else {}
            store.ox.dump(out, QUAD_FORMATS[fmt], **kwargs)
        elif fmt in TRIPLE_FORMATS:
            kwargs = {"prefixes": prefixes} if fmt == "ttl" else {}
            ox.serialize(store.ox.query(UNION), out, TRIPLE_FORMATS[fmt], **kwargs)
        else:
            raise ValueError(f"unknown format {fmt!r}; use one of nq, trig, ttl, nt")
    return path
