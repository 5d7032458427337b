"""Corpus-level facts, recomputed from the document graphs after every change.

Each entity gets exactly one ``rdfs:label`` (the name most documents use for it;
ties go to the longer, then the alphabetically first), every other surface form
as ``skos:altLabel``, ``kg:mentionCount`` / ``kg:documentCount``, and ``kg:inCountry``
(its ``kg:country``, or itself for a country: stated once here, where ``kg:country``
repeats in every document, so that queries grouping by country take one step). They
live in their own graph (``<base>graph/corpus``) so that adding or removing a document
never leaves them stale.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kg.rdf.iri import mint
from kg.rdf.namespaces import KG, PREFIX_IRIS
from kg.rdf.sparql import sparql_text
from kg.store.embedded import EmbeddedStore

NAMES = sparql_text(__package__, "queries/corpus-names.rq")
ANCHORS = sparql_text(__package__, "queries/corpus-anchors.rq")
DOCS = sparql_text(__package__, "queries/corpus-documents.rq")
COUNTRIES = sparql_text(__package__, "queries/corpus-countries.rq")
ENTITIES_IN = sparql_text(__package__, "queries/corpus-entities-in.rq")


LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
MENTION_COUNT = ox.NamedNode(str(KG.mentionCount))
DOCUMENT_COUNT = ox.NamedNode(str(KG.documentCount))
INTEGER = ox.NamedNode(str(XSD.integer))


def corpus_graph(base: str) -> URIRef:
    return mint("graph", "corpus", base)


def _select(store: EmbeddedStore, query: str, **bound: ox.NamedNode):
    return store.ox.query(query, prefixes=PREFIX_IRIS, substitutions={ox.Variable(k): v for k, v in bound.items()})


def entities_in(store: EmbeddedStore, graphs: Iterable[str]) -> set[ox.NamedNode]:
    """The entities whose corpus facts the content of ``graphs`` bears on: those named, tied to a
    country or typed a country there, and those its mentions point to."""
    found: set[ox.NamedNode] = set()
    for graph in graphs:
        for row in _select(store, ENTITIES_IN, g=ox.NamedNode(graph)):
            if isinstance(row["e"], ox.NamedNode):
                found.add(row["e"])
    return found


def refresh_corpus_facts(store: EmbeddedStore, entities: Iterable[ox.NamedNode] | None = None) -> int:
    """Recompute labels, aliases, counts and countries for every entity, or for ``entities`` only (those
    of the documents a build changed: :func:`entities_in` of their old and new graphs; each entity's facts
    depend on what is said of it alone, so the others' are unchanged); returns the triples written."""
    names: dict[str, Counter] = defaultdict(Counter)
    forms: dict[str, set[str]] = defaultdict(set)
    mentions: Counter = Counter()
    documents: dict[str, int] = {}
    subjects = None if entities is None else sorted(set(entities), key=str)

    def rows(query: str):
        if subjects is None:
            return _select(store, query)
        return (row for e in subjects for row in _select(store, query, e=e))

    for row in rows(NAMES):
        names[row["e"].value][row["name"].value] += int(row["docs"].value)
        forms[row["e"].value].add(row["name"].value)
    for row in rows(ANCHORS):
        forms[row["e"].value].add(row["anchor"].value)
        mentions[row["e"].value] += int(row["n"].value)
    for row in rows(DOCS):
        documents[row["e"].value] = int(row["docs"].value)
    in_country = ox.NamedNode(str(KG.inCountry))
    triples = {
        ox.Triple(row["e"], in_country, row["country"])
        for row in rows(COUNTRIES)
        if isinstance(row["e"], ox.NamedNode) and isinstance(row["country"], ox.NamedNode)
    }
    for entity, counts in names.items():
        label = min(counts, key=lambda n: (-counts[n], -len(n), n))
        node = ox.NamedNode(entity)
        triples.add(ox.Triple(node, LABEL, ox.Literal(label)))
        for form in forms[entity] - {label}:
            triples.add(ox.Triple(node, ALT_LABEL, ox.Literal(form)))
        if mentions[entity]:
            # A country known only as a place's country is named in no sentence: no count.
            triples.add(ox.Triple(node, MENTION_COUNT, ox.Literal(str(mentions[entity]), datatype=INTEGER)))
        triples.add(ox.Triple(node, DOCUMENT_COUNT, ox.Literal(str(documents.get(entity, 0)), datatype=INTEGER)))
    _write(store, ox.NamedNode(str(corpus_graph(store.base))), triples, subjects)
    return len(triples)


ENTITY_FACTS = {LABEL, ALT_LABEL, MENTION_COUNT, DOCUMENT_COUNT, ox.NamedNode(str(KG.inCountry))}


def _entity_fact(triple: ox.Triple, base: str) -> bool:
    """Is this corpus-graph triple one of the entity facts made here? (Incidents, duplicates and
    source counts share the graph; :mod:`kg.incidents` keeps them, incrementally.)"""
    return triple.predicate in ENTITY_FACTS and not triple.subject.value.startswith(f"{base}incident/")


def _write(
    store: EmbeddedStore, graph: ox.NamedNode, triples: set[ox.Triple], subjects: list[ox.NamedNode] | None = None
) -> None:
    """Make ``graph`` hold exactly ``triples`` as its entity facts (of ``subjects`` only, when given), in one
    transaction, writing only what changed.

    Rewriting the whole graph (46,000 triples on a 1M-quad store) cost seconds; after a
    build most corpus facts are unchanged, so only the difference is deleted and inserted.
    """
    stored_quads = (
        store.ox.quads_for_pattern(None, None, None, graph)
        if subjects is None
        else (q for s in subjects for q in store.ox.quads_for_pattern(s, None, None, graph))
    )
    stored = {quad.triple for quad in stored_quads if _entity_fact(quad.triple, store.base)}
    if subjects is not None:
        change_triples(store, graph, stored - triples, triples - stored)
        return
    if not stored:
        store.ox.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)  # one transaction
        return
    change_triples(store, graph, stored - triples, triples - stored)


def change_triples(store: EmbeddedStore, graph: ox.NamedNode, removed: set[ox.Triple], added: set[ox.Triple]) -> None:
    """Delete ``removed`` from and insert ``added`` into ``graph``, in one transaction."""
    if not (removed or added):
        return
    # Terms are written by Oxigraph (N-Triples syntax, escaped), so names stay data in the update text.
    removed_text = " ".join(f"{t} ." for t in removed)
    added_text = " ".join(f"{t} ." for t in added)
    store.ox.update(
        f"DELETE DATA {{ GRAPH {graph} {{ {removed_text} }} }} ;\nINSERT DATA {{ GRAPH {graph} {{ {added_text} }} }}"
    )


TYPE_COUNTS = sparql_text(__package__, "queries/count-by-class.rq")


def count_by_class(store: EmbeddedStore, classes: Iterable[str]) -> dict[str, int]:
    """How many distinct resources of each kg: class the store holds (classes with none left out)."""
    counts = {}
    for name in sorted(classes):
        rows = store.ox.query(TYPE_COUNTS, substitutions={ox.Variable("class"): ox.NamedNode(str(KG[name]))})
        for row in rows:  # no row when the class has no resource
            counts[name] = int(row["n"].value)
    return counts
