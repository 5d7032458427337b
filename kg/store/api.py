"""The public Python API: a newskg graph as an rdflib object, backed by Oxigraph through oxrdflib.

``open_graph`` gives an rdflib ``Graph`` that is the union of all the document graphs
and the corpus graph, each triple once: what rdflib code, pySHACL or owlrl expect of
"the graph". ``open_dataset`` gives an rdflib ``Dataset`` that keeps the named graphs
(one per document). Both read the store in place (nothing is copied into Python
memory) and ``.query(...)`` runs on Oxigraph's SPARQL engine.

>>> import tempfile
>>> from rdflib import URIRef, Literal
>>> from kg.store import EmbeddedStore
>>> path = tempfile.mkdtemp()
>>> store = EmbeddedStore(path)
>>> for doc in ("d1", "d2"):
...     g = URIRef(f"https://w3id.org/newskg/id/doc/{doc}")
...     store.replace_graph(g, [(URIRef("https://w3id.org/newskg/id/person/x"), URIRef("http://x/p"), Literal("x"))])
>>> del store
>>> graph = open_graph(path)
>>> len(graph), sorted(g.identifier.rsplit("/", 1)[1] for g in open_dataset(path).graphs() if "/doc/" in g.identifier)
(1, ['d1', 'd2'])
>>> [str(row.o) for row in graph.query("SELECT DISTINCT ?o WHERE { ?s <http://x/p> ?o }")]
['x']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.namespaces import bind_prefixes
from kg.store.sources import as_store
from kg.store.terms import to_ox, to_rdflib
from kg.store.union import union_triples


class UnionOxigraphStore(OxigraphStore):
    """oxrdflib's store, with the default graph read as the union of all graphs (each triple once)
    and ``xsd:string`` literals given to rdflib as plain literals (as rdflib's own parsers do)."""

    @staticmethod
    def _is_default(context) -> bool:
        return context is None or getattr(context, "identifier", None) == DATASET_DEFAULT_GRAPH_ID

    def triples(self, triple_pattern, context=None) -> Iterator:
        pattern = [None if term is None else to_ox(term) for term in triple_pattern]
        if any(isinstance(term, ox.Variable) for term in pattern):
            return iter(())
        if self._is_default(context):
            found = union_triples(self._inner, *pattern)
        else:
            found = (q.triple for q in self._inner.quads_for_pattern(*pattern, to_ox(context.identifier)))
        return (((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)), iter((context,))) for t in found)

    def __len__(self, context=None) -> int:
        return super().__len__(None if self._is_default(context) else context)

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803
        union = "__UNION__" if queryGraph == DATASET_DEFAULT_GRAPH_ID else queryGraph
        return super().query(query, initNs, initBindings, union, **kwargs)


def open_graph(source: str | Path | ox.Store) -> Graph:
    """The union of every graph of a store directory or RDF file, as a read-only rdflib ``Graph``.

    A store directory is opened read-only (another process may write it); a file is
    loaded into an in-memory Oxigraph store.
    """
    graph = Graph(store=UnionOxigraphStore(store=as_store(source)), identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(graph)
    return graph


def open_dataset(source: str | Path | ox.Store) -> Dataset:
    """A store directory or RDF file as an rdflib ``Dataset``: one named graph per document,
    the default graph read as their union."""
    dataset = Dataset(store=UnionOxigraphStore(store=as_store(source)), default_union=True)
    bind_prefixes(dataset)
    return dataset


__all__ = ["open_dataset", "open_graph"]
