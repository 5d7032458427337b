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
            self._drop_staging_leftovers()

    def _drop_staging_leftovers(self) -> None:
        # A run stopped between filling a staging graph and its MOVE leaves the staging graph
        # behind; it is never part of the data, so it goes before anything reads the store.
        prefix = f"{self.base}{STAGING_KIND}/"
        for graph in list(self.ox.named_graphs()):
            if isinstance(graph, ox.NamedNode) and graph.value.startswith(prefix):
                self.ox.remove_graph(graph)

    def __len__(self) -> int:
        return len(self.ox)

    def document_sha256(self, graph: URIRef) -> str | None:
        """The text hash recorded for a document graph, or None if it is not stored."""
        node = ox.NamedNode(str(graph))
        for quad in self.ox.quads_for_pattern(node, ox.NamedNode(str(KG.sha256)), None, node):
            return quad.object.value
        return None

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """Make ``graph`` hold exactly ``triples`` (rdflib terms), atomically."""
        self.replace_graph_triples(ox.NamedNode(str(graph)), (ox.Triple(*map(to_ox, t)) for t in triples))

    def replace_graph_quads(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Make ``graph`` hold exactly the triples of ``quads`` (Oxigraph terms), atomically."""
        self.replace_graph_triples(graph, (q.triple for q in quads))

    def replace_graph_triples(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        if not self.ox.contains_named_graph(graph):
            # A new graph needs no staging: extend() is itself one transaction.
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
            if quads:
                self.ox.extend(quads)
            return
        staging = ox.NamedNode(str(mint(STAGING_KIND, graph.value, self.base, casefold=False)))
        if self.ox.contains_named_graph(staging):
            self.ox.remove_graph(staging)
        quads = [ox.Quad(t.subject, t.predicate, t.object, staging) for t in triples]
        if not quads:
            self.remove_graph(URIRef(graph.value))
            return
        self.ox.extend(quads)
        # Both names are ox.NamedNode, written as <iri> (valid IRIs never hold '>' or spaces).
        self.ox.update(f"MOVE SILENT GRAPH {staging} TO GRAPH {graph}")

    def remove_graph(self, graph: URIRef) -> bool:
        return bool(self.remove_graphs([graph]))

    def remove_graphs(self, graphs: Iterable[URIRef]) -> list[URIRef]:
        """Remove the named graphs that exist, all in one transaction; returns those removed."""
        present = [g for g in graphs if self.ox.contains_named_graph(ox.NamedNode(str(g)))]
        if present:
            # Graph names come from ox.NamedNode (valid IRIs, no '>'), so they are safe in the text.
            self.ox.update(" ;\n".join(f"DROP GRAPH {ox.NamedNode(str(g))}" for g in present))
        return present

    def graphs(self) -> Iterator[URIRef]:
        for graph in self.ox.named_graphs():
            yield URIRef(graph.value)

    def flush(self) -> None:
        self.ox.flush()
