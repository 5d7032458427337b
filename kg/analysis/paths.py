"""Shortest connections between two entities, each hop with the evidence behind it.

>>> import pyoxigraph as ox
>>> from kg.analysis.projection import entity_graph
>>> from kg.analysis.read import EXAMPLE_TTL, read_graph
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> data = read_graph(store)
>>> [path] = connections(entity_graph(data), data, "Ali", "Mosul")
>>> [(hop.source, hop.target, hop.event_classes) for hop in path]
[('Ali', 'Mosul', {'Attack': 1})]
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from kg.analysis.lookup import resolve_entity
from kg.analysis.read import GraphData


@dataclass
class Hop:
    source: str
    target: str
    support: int
    event_classes: dict[str, int]
    relations: list[str]
    evidence: list[tuple[str, str]]  # (sentence, document title)


def connections(graph: nx.Graph, data: GraphData, a: str, b: str, limit: int = 3) -> list[list[Hop]]:
    """Up to ``limit`` shortest paths from ``a`` to ``b`` (names), strongest support first; [] if unconnected.

    Raises :class:`kg.analysis.lookup.UnknownEntity` when a name means no entity or several.
    """
    start, end = resolve_entity(data, a, among=graph), resolve_entity(data, b, among=graph)
    try:
        paths = list(islice(nx.all_shortest_paths(graph, start, end), 1000))
    except nx.NetworkXNoPath:
        return []
    paths.sort(key=lambda p: (-sum(graph.edges[u, v]["weight"] for u, v in zip(p, p[1:], strict=False)), p))
    result = []
    for path in paths[:limit]:
        hops = []
        for u, v in zip(path, path[1:], strict=False):
            edge = graph.edges[u, v]
            hops.append(
                Hop(
                    graph.nodes[u]["label"],
                    graph.nodes[v]["label"],
                    edge["weight"],
                    edge["event_classes"],
                    edge["relations"],
                    list(edge["evidence"]),
                )
            )
        result.append(hops)
    return result
