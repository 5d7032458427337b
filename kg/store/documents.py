"""Documents in an embedded store: find them by id and remove them with their facts.

Removing documents drops their named graphs in one transaction, then recomputes the
corpus facts (labels, aliases, counts) of the entities they named from the documents that
remain, so an entity no document mentions any more loses its label and counts too.

>>> import tempfile
>>> from rdflib import Literal
>>> from kg.rdf.namespaces import KG
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> doc = document_iri("d1")
>>> store.replace_graph(doc, [(doc, KG.sha256, Literal("ab"))])
>>> removed, missing = remove_documents(store, ["d1", "nope"])
>>> [str(g) for g in removed], missing, len(store)
(['https://w3id.org/newskg/id/doc/d1'], ['nope'], 0)
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef

from kg.rdf.mapping import document_iri
from kg.store.corpus import entities_in, refresh_corpus_facts
from kg.store.embedded import EmbeddedStore


def document_graph(store: EmbeddedStore, doc: str) -> URIRef:
    """The graph of a document named by its id (as given at build time) or by its IRI in <>."""
    return URIRef(doc[1:-1]) if doc.startswith("<") and doc.endswith(">") else document_iri(doc, store.base)


def remove_documents(store: EmbeddedStore, docs: Iterable[str]) -> tuple[list[URIRef], list[str]]:
    """Remove documents and their facts; returns (graphs removed, ids not found)."""
    wanted = {doc: document_graph(store, doc) for doc in docs}
    # The corpus facts of the entities these documents bear on are redone, not every entity's.
    entities = entities_in(store, [str(graph) for graph in wanted.values()])
    removed = store.remove_graphs(wanted.values())
    missing = [doc for doc, graph in wanted.items() if graph not in removed]
    if removed:
        refresh_corpus_facts(store, entities)
        store.flush()
    return removed, missing
