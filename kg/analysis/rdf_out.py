"""Metrics back into the graph as RDF, in their own named graph ``<base>graph/analysis``.

The analysis graph is replaced as a whole on every run, so stale numbers never
mix with new ones, and document graphs are never touched. Properties are those
declared in ontology/newskg.ttl (and checked by ``kgsh:AnalysisShape``).

>>> triples = metric_triples({"http://x/a": {"degree": 2, "weighted_degree": 3.0, "pagerank": 0.5,
...     "betweenness": 0.0, "component": 0, "core": 1, "community": 0}})
>>> sorted(str(p).split("#")[1] for _, p, _ in triples)
['betweenness', 'community', 'componentId', 'coreNumber', 'degree', 'pageRank', 'weightedDegree']
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE, KG
from kg.store.embedded import EmbeddedStore
from kg.store.terms import to_ox

# metric name in kg.analysis.metrics -> (property, datatype)
PROPERTIES = {
    "degree": (KG.degree, XSD.integer),
    "weighted_degree": (KG.weightedDegree, XSD.double),
    "pagerank": (KG.pageRank, XSD.double),
    "betweenness": (KG.betweenness, XSD.double),
    "component": (KG.componentId, XSD.integer),
    "core": (KG.coreNumber, XSD.integer),
    "community": (KG.community, XSD.integer),
}


def analysis_graph(base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the named graph holding analysis results."""
    return mint("graph", "analysis", base)


def metric_triples(metrics: dict[str, dict]) -> list[tuple[URIRef, URIRef, Literal]]:
    """One triple per node and metric."""
    triples = []
    for node in sorted(metrics):
        for name, (prop, datatype) in PROPERTIES.items():
            value = metrics[node][name]
            triples.append(
                (
                    URIRef(node),
                    prop,
                    Literal(int(value) if datatype == XSD.integer else float(value), datatype=datatype),
                )
            )
    return triples


def write_to_store(store_dir: str | Path, metrics: dict[str, dict], base: str = DEFAULT_BASE) -> int:
    """Replace the analysis graph of an embedded store; returns the triples written.

    >>> import tempfile
    >>> write_to_store(tempfile.mkdtemp(), {"http://x/a": dict.fromkeys(PROPERTIES, 1)})
    7
    """
    triples = metric_triples(metrics)
    EmbeddedStore(store_dir, base=base).replace_graph(analysis_graph(base), triples)
    return len(triples)


def write_to_endpoint(update_url: str, metrics: dict[str, dict], base: str = DEFAULT_BASE) -> int:
    """Replace the analysis graph on a SPARQL 1.1 Update endpoint; returns the triples written.

    Terms are written in N-Triples syntax by Oxigraph, so every IRI and literal is escaped.
    """
    import httpx

    from kg.store.sources import SourceError

    graph = ox.NamedNode(str(analysis_graph(base)))
    triples = metric_triples(metrics)
    body = "\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples)
    update = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"
    try:
        httpx.post(update_url, data={"update": update}, timeout=120).raise_for_status()
    except httpx.HTTPError as error:
        raise SourceError(f"{update_url}: SPARQL update failed ({error})") from None
    return len(triples)


def write_nquads(path: str | Path, metrics: dict[str, dict], base: str = DEFAULT_BASE) -> int:
    """Write the analysis graph as N-Quads (to load into another store); returns the quads written.

    >>> import tempfile
    >>> write_nquads(Path(tempfile.mkdtemp()) / "analysis.nq", {"http://x/a": dict.fromkeys(PROPERTIES, 0)})
    7
    """
    graph = ox.NamedNode(str(analysis_graph(base)))
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in metric_triples(metrics)]
    Path(path).write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return len(quads)
