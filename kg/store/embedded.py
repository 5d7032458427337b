"""The embedded store: Oxigraph on disk, one named graph per document.

A document's graph is replaced in one SPARQL Update (``MOVE staging TO graph``),
which Oxigraph runs as a single transaction: a crash or Ctrl-C leaves either the
old graph or the new one, never half of it, and a rerun picks up where it stopped.

>>> import tempfile
>>> from rdflib import URIRef, Literal
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> g = URIRef("https://w3id.org/newskg/id/doc/d1")
>>> store.replace_graph(g, [(g, URIRef("https://w3id.org/newskg/ontology#sha256"), Literal("ab"))])
>>> store.document_sha256(g), len(store)
('ab', 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE, KG
from kg.store.terms import to_ox

STAGING_KIND = "graph/staging"


class EmbeddedStore:
    """An on-disk Oxigraph store holding the graph of every document built into it."""

    def __init__(self, path: str | Path, base: str = DEFAULT_BASE, read_only: bool = False):
        self.path = Path(path)
        self.base = base
        if read_only:
            self.ox = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.ox = ox.Store(str(self.path))

    def __len__(self) -> int:
        return len(self.ox)

    def document_sha256(self, graph: URIRef) -> str | None:
        """The text hash recorded for a document graph, or None if it is not stored."""
        node = ox.NamedNode(str(graph))
        for quad in self.ox.quads_for_pattern(node, ox.NamedNode(str(KG.sha256)), None, node):
            return quad.object.value
        return None

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """Make ``graph`` hold exactly ``triples``, atomically."""
        staging = mint(STAGING_KIND, str(graph), self.base, casefold=False)
        staging_node = ox.NamedNode(str(staging))
        self.ox.remove_graph(staging_node) if self.ox.contains_named_graph(staging_node) else None
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), staging_node) for s, p, o in triples]
        if not quads:
            self.remove_graph(graph)
            return
        self.ox.extend(quads)
        # Both IRIs come from kg.rdf.iri.mint, whose output never holds '>' or spaces.
        self.ox.update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>")

    def remove_graph(self, graph: URIRef) -> bool:
        node = ox.NamedNode(str(graph))
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.remove_graph(node)
        return True

    def graphs(self) -> Iterator[URIRef]:
        for graph in self.ox.named_graphs():
            yield URIRef(graph.value)

    def flush(self) -> None:
        self.ox.flush()
