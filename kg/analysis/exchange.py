"""The analysed entity graph as GraphML or GEXF, for Gephi, Cytoscape, yEd and other graph tools.

Both formats hold scalar attributes only, so every list is written as text joined with ``"; "``
and every mapping as ``name=count`` pairs, with a count beside it where a count is what a tool
would filter on. Written by networkx's own writers.

Nodes (id: the IRI): ``label``, ``type``, ``mentions``, ``events`` (analysed events taken part in),
``aliases``, ``roles`` and every metric of :func:`kg.analysis.metrics.node_metrics` (``degree``,
``weighted_degree``, ``pagerank``, ``betweenness``, ``component``, ``core``, ``community``) and
``actor_rank`` (:func:`kg.analysis.metrics.actor_rank`).

Edges: ``weight`` and ``support`` (the same number: shared events plus documents stating a
relation), ``events``, ``event_classes`` (``Attack=2; Bombing=1``), ``event_class_count``,
``relations``, ``documents``, ``evidence_count``.

>>> import networkx as nx, pyoxigraph as ox, tempfile
>>> from kg.analysis.analyze import analyze
>>> from kg.analysis.read import EXAMPLE_TTL
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> path = write_projection(analyze(store), Path(tempfile.mkdtemp()) / "graph.graphml", "graphml")
>>> back = nx.read_graphml(path)
>>> back.nodes["http://x/ali"]["label"], back.edges["http://x/ali", "http://x/brigade"]["event_classes"]
('Ali', 'Attack=1')
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import networkx as nx

if TYPE_CHECKING:
    from kg.analysis.analyze import Analysis

FORMATS = ("graphml", "gexf")
SEPARATOR = "; "


def projection(analysis: Analysis) -> nx.Graph:
    """A copy of the analysed entity graph with scalar attributes only (see the module docstring)."""
    graph = analysis.graph
    flat = nx.Graph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(
            node,
            label=attrs["label"],
            type=attrs["type"],
            mentions=int(attrs.get("mentions", 0)),
            events=analysis.events_of(node),
            aliases=SEPARATOR.join(attrs.get("aliases", [])),
            roles=SEPARATOR.join(attrs.get("roles", [])),
            **{name: value for name, value in analysis.metrics[node].items()},
        )
    for a, b, attrs in graph.edges(data=True):
        classes = attrs["event_classes"]
        flat.add_edge(
            a,
            b,
            weight=attrs["weight"],
            support=attrs["weight"],
            events=attrs["events"],
            event_classes=SEPARATOR.join(f"{name}={count}" for name, count in sorted(classes.items())),
            event_class_count=len(classes),
            relations=SEPARATOR.join(attrs["relations"]),
            documents=attrs["documents"],
            evidence_count=attrs["evidence_count"],
        )
    return flat


def write_projection(analysis: Analysis, path: Path, fmt: Literal["graphml", "gexf"]) -> Path:
    """Write the analysed entity graph to ``path`` as GraphML or GEXF; returns the path."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    graph = projection(analysis)
    if fmt == "graphml":
        nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(graph, path, encoding="utf-8", prettyprint=True)
    return path
