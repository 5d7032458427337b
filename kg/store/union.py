"""The union of a dataset's graphs, each triple once, streamed without remembering what was seen.

A triple stated in several graphs (an entity's type in every document that names
it) is kept from the first graph, in index order, that holds it: one index lookup
per triple, no set of triples already seen, so memory stays flat.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> a, p = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p")
>>> store.extend([ox.Quad(a, p, ox.Literal("1"), ox.NamedNode(f"http://x/g{i}")) for i in range(3)])
>>> [str(t) for t in union_triples(store)]
['<http://x/a> <http://x/p> "1"']
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox


def union_triples(store: ox.Store, subject=None, predicate=None, object=None) -> Iterator[ox.Triple]:  # noqa: A002
    """Every triple matching the pattern in any graph of ``store``, once."""
    for quad in store.quads_for_pattern(subject, predicate, object, None):
        first = next(iter(store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)))
        if first.graph_name == quad.graph_name:
            yield quad.triple
