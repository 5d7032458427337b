"""The union of a dataset's graphs, each triple once, streamed with bounded memory.

A triple stated in several graphs (an entity's type in every document that names
it) is written once. Up to ``EXACT_CONSTRUCT_QUADS`` quads, Oxigraph's own
``CONSTRUCT`` does it (in Rust, 3-4x faster; it remembers what it emitted, about
150 bytes a triple, so at most ~75 MB). Larger stores keep each triple from the
first graph, in index order, that holds it: one index lookup per triple, no set of
triples already seen, so memory stays flat however large the store.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> a, p = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p")
>>> store.extend([ox.Quad(a, p, ox.Literal("1"), ox.NamedNode(f"http://x/g{i}")) for i in range(3)])
>>> [str(t) for t in union_triples(store)]
['<http://x/a> <http://x/p> "1"']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.store.sources import as_store
from kg.store.terms import to_rdflib

# Oxigraph's CONSTRUCT forgets what it emitted past 2**20 triples (to bound its memory), so it
# is exact for any store below that; the bound here is lower to keep its memory small.
EXACT_CONSTRUCT_QUADS = 500_000
UNION = "CONSTRUCT WHERE { ?s ?p ?o }"


def union_triples(store: ox.Store, subject=None, predicate=None, object=None) -> Iterator[ox.Triple]:  # noqa: A002
    """Every triple matching the pattern in any graph of ``store``, once."""
    if subject is predicate is object is None and len(store) <= EXACT_CONSTRUCT_QUADS:
        yield from store.query(UNION, use_default_graph_as_union=True)
        return
    for quad in store.quads_for_pattern(subject, predicate, object, None):
        first = next(iter(store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)))
        if first.graph_name == quad.graph_name:
            yield quad.triple


def union_graph(source: ox.Store | str | Path) -> Graph:
    """The union of a store's (or file's, or endpoint's) graphs copied into one in-memory rdflib ``Graph``,
    for tools that need rdflib's own store (pySHACL); :func:`kg.store.api.open_graph` reads in place."""
    store = as_store(source)
    graph = Graph()
    for triple in union_triples(store):
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return graph
