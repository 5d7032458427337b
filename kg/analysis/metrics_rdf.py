"""The metrics of an analysis as RDF: one triple per node and metric, in the named graph ``<base>graph/analysis``.

This module only maps; writing is the stores' job (an embedded store's
``replace_graph_quads``, a server's :func:`kg.store.remote.replace_graph`, or an
N-Quads file). The analysis graph is replaced as a whole on every run, so stale
numbers never mix with new ones, and document graphs are never touched. Properties
are those declared in ontology/newskg.ttl (and checked by ``kgsh:AnalysisShape``).

>>> quads = metric_quads({"http://x/a": {"degree": 2, "weighted_degree": 3.0, "pagerank": 0.5,
...     "betweenness": 0.0, "component": 0, "core": 1, "community": 0}})
>>> sorted(q.predicate.value.split("#")[1] for q in quads)
['betweenness', 'community', 'componentId', 'coreNumber', 'degree', 'pageRank', 'weightedDegree']
>>> {q.graph_name.value for q in quads}
{'https://w3id.org/newskg/id/graph/analysis'}
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE, KG

XSD = "http://www.w3.org/2001/XMLSchema#"
# metric name in kg.analysis.metrics -> (property, datatype)
PROPERTIES = {
    "degree": (KG.degree, "integer"),
    "weighted_degree": (KG.weightedDegree, "double"),
    "pagerank": (KG.pageRank, "double"),
    "betweenness": (KG.betweenness, "double"),
    "component": (KG.componentId, "integer"),
    "core": (KG.coreNumber, "integer"),
    "community": (KG.community, "integer"),
}


def analysis_graph(base: str = DEFAULT_BASE) -> ox.NamedNode:
    """The named graph holding analysis results."""
    return ox.NamedNode(str(mint("graph", "analysis", base)))


def metric_quads(metrics: dict[str, dict], base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """One quad per node and metric, in the analysis graph, nodes in sorted order."""
    graph = analysis_graph(base)
    quads = []
    for node in sorted(metrics):
        for name, (prop, datatype) in PROPERTIES.items():
            value = metrics[node][name]
            text = str(int(value)) if datatype == "integer" else repr(float(value))
            literal = ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
            quads.append(ox.Quad(ox.NamedNode(node), ox.NamedNode(str(prop)), literal, graph))
    return quads
