"""Corpus-level facts, recomputed from the document graphs after every change.

Each entity gets exactly one ``rdfs:label`` (the name most documents use for it;
ties go to the longer, then the alphabetically first), every other surface form
as ``skos:altLabel``, and ``kg:mentionCount`` / ``kg:documentCount``. They live in
their own graph (``<base>graph/corpus``) so that adding or removing a document
never leaves them stale.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kg.rdf.iri import mint
from kg.rdf.namespaces import KG, PREFIXES
from kg.store.embedded import EmbeddedStore

NAMES = """
SELECT ?e ?name (COUNT(DISTINCT ?g) AS ?docs) WHERE {
  GRAPH ?g { ?e kg:nameInDocument ?name }
} GROUP BY ?e ?name
"""
ANCHORS = """
SELECT ?e ?anchor (COUNT(?m) AS ?n) (COUNT(DISTINCT ?g) AS ?docs) WHERE {
  GRAPH ?g { ?m itsrdf:taIdentRef ?e ; nif:anchorOf ?anchor }
} GROUP BY ?e ?anchor
"""
DOCS = """
SELECT ?e (COUNT(DISTINCT ?g) AS ?docs) WHERE {
  GRAPH ?g { ?e kg:nameInDocument ?name }
} GROUP BY ?e
"""


def corpus_graph(base: str) -> URIRef:
    return mint("graph", "corpus", base)


def _select(store: EmbeddedStore, query: str):
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    return store.ox.query(query, prefixes=prefixes)


def refresh_corpus_facts(store: EmbeddedStore) -> int:
    """Recompute labels, aliases and counts for every entity; returns the triples written."""
    names: dict[str, Counter] = defaultdict(Counter)
    forms: dict[str, set[str]] = defaultdict(set)
    mentions: Counter = Counter()
    documents: dict[str, int] = {}
    for row in _select(store, NAMES):
        names[row["e"].value][row["name"].value] += int(row["docs"].value)
        forms[row["e"].value].add(row["name"].value)
    for row in _select(store, ANCHORS):
        forms[row["e"].value].add(row["anchor"].value)
        mentions[row["e"].value] += int(row["n"].value)
    for row in _select(store, DOCS):
        documents[row["e"].value] = int(row["docs"].value)
    triples = []
    for entity, counts in names.items():
        label = min(counts, key=lambda n: (-counts[n], -len(n), n))
        node = URIRef(entity)
        triples.append((node, RDFS.label, Literal(label)))
        for form in sorted(forms[entity] - {label}):
            triples.append((node, SKOS.altLabel, Literal(form)))
        if mentions[entity]:
            # A country known only as a place's country is named in no sentence: no count.
            triples.append((node, KG.mentionCount, Literal(mentions[entity], datatype=XSD.integer)))
        triples.append((node, KG.documentCount, Literal(documents.get(entity, 0), datatype=XSD.integer)))
    store.replace_graph(corpus_graph(store.base), triples)
    return len(triples)


TYPE_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?x a ?class }
  VALUES ?class { %s }
} GROUP BY ?class
"""


def count_by_class(store: EmbeddedStore, classes: Iterable[str]) -> dict[str, int]:
    """How many distinct resources of each kg: class the store holds."""
    values = " ".join(f"kg:{c}" for c in classes)
    counts = {
        str(row["class"].value).rsplit("#", 1)[1]: int(row["n"].value) for row in _select(store, TYPE_COUNTS % values)
    }
    return dict(sorted(counts.items()))
