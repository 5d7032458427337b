"""Choose what a view shows and describe it as vis-network nodes and edges (a :class:`kg.viz.view.View`).

The view is the entity graph (or, with ``events=True``, the bipartite entity-event
graph) of :mod:`kg.analysis.projection` under the same filters, optionally cut to
the ``hops`` around one focus entity, then capped to the ``max_nodes`` best by
rank (the cut is reported in :attr:`View.notes`). An entity's rank is
:func:`kg.analysis.metrics.actor_rank` (PageRank on the event-and-relation graph: weight
follows what an actor did); event nodes of the event view are ranked by PageRank of that
view. Node size follows the rank, edge width follows support, colour follows the class.
Entities joined to nothing shown (``isolated``) are hidden in the page behind a toggle
that says how many there are. An entity quoted in the graph (``kg:Statement``) shows its latest
quotes, as many as :func:`kg.analysis.read.read_graph` was asked to read (``kg viz --quotes N``).

Article text (names, sentences, titles) goes into node and edge records as data;
the page (:mod:`kg.viz.page`) only ever shows it as text.

>>> import pyoxigraph as ox
>>> from kg.analysis.read import EXAMPLE_TTL, read_graph
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> view = build_view(read_graph(store))
>>> len(view.nodes), len(view.edges), view.notes
(3, 3, [])
"""

from __future__ import annotations

import math
import random
from collections import deque

import networkx as nx

from kg.analysis.filters import NO_FILTERS, Filters, kept_events
from kg.analysis.lookup import resolve_entity
from kg.analysis.metrics import actor_rank
from kg.analysis.projection import entity_graph, event_graph
from kg.analysis.read import ENTITY_CLASSES, EVIDENCE_PER_EDGE, Event, GraphData
from kg.viz.colours import ENTITY_COLOURS, event_colours
from kg.viz.view import View

# Above this many nodes the layout is computed here and physics never runs in the page.
PRECOMPUTED_LAYOUT_ABOVE = 1000
# How many of the best-ranked nodes get a force-directed layout; the rest are placed around them.
CORE_LAYOUT_NODES = 400


def _evidence(events: list[Event], limit: int) -> list[list[str]]:
    """The ``limit`` latest distinct sentences with their document titles, most recent event first."""
    seen: dict[str, str] = {}
    for event in sorted(events, key=lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0), e.iri)):
        if event.sentence and event.sentence not in seen:
            seen[event.sentence] = event.title or event.document or ""
    return [[s, t] for s, t in list(seen.items())[:limit]]


def _focus(graph: nx.Graph, data: GraphData, name: str, hops: int) -> tuple[nx.Graph, str]:
    centre = resolve_entity(data, name, among=graph)
    # Around an event-graph entity, one hop reaches events only: hops count entity steps.
    radius = hops * 2 if any(graph.nodes[n].get("kind") == "event" for n in graph) else hops
    return nx.ego_graph(graph, centre, radius=radius), centre


def _cap(graph: nx.Graph, rank: dict[str, float], max_nodes: int, keep: str | None) -> tuple[nx.Graph, list[str]]:
    if graph.number_of_nodes() <= max_nodes:
        return graph, []
    order = sorted(graph, key=lambda n: (n != keep, -rank[n], n))
    kept = graph.subgraph(order[:max_nodes]).copy()
    cut_nodes = graph.number_of_nodes() - kept.number_of_nodes()
    cut_edges = graph.number_of_edges() - kept.number_of_edges()
    lowest = rank[order[max_nodes - 1]]
    return kept, [
        f"Showing the top {max_nodes} of {graph.number_of_nodes()} nodes by PageRank: {cut_nodes} nodes "
        f"(PageRank below {lowest:.2g}) and {cut_edges} edges are not shown. Raise --max-nodes to see more."
    ]


def _layout(graph: nx.Graph, rank: dict[str, float], seed: int) -> dict[str, tuple[float, float]]:
    """Positions for big graphs, so the page draws at once instead of simulating in the browser.

    A full force-directed layout of thousands of nodes takes tens of seconds in Python and in
    the page alike, so only the best-ranked ``CORE_LAYOUT_NODES`` get one; every other node is
    then placed near its first placed neighbour, breadth first, and nodes cut off from all of
    them go on a ring around the picture.
    """
    rng = random.Random(seed)
    scale = 40 * math.sqrt(graph.number_of_nodes())
    order = sorted(graph, key=lambda n: (-rank[n], n))
    core = graph.subgraph(order[:CORE_LAYOUT_NODES])
    positions = {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(core, seed=seed, scale=scale).items()}
    queue = deque(order[:CORE_LAYOUT_NODES])
    while queue:
        placed = queue.popleft()
        x, y = positions[placed]
        for neighbour in graph.neighbors(placed):
            if neighbour not in positions:
                angle, radius = rng.uniform(0, 2 * math.pi), rng.uniform(40, 160)
                positions[neighbour] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
                queue.append(neighbour)
    alone = [n for n in order if n not in positions]
    for i, node in enumerate(alone):
        angle = 2 * math.pi * i / len(alone)
        positions[node] = (1.3 * scale * math.cos(angle), 1.3 * scale * math.sin(angle))
    return positions


def _rank(graph: nx.Graph, data: GraphData, filters: Filters, events: bool) -> dict[str, float]:
    """Each shown node's rank: actor_rank for entities; in the event view, events by PageRank of the view."""
    if graph.number_of_nodes() == 0:
        return {}
    of_actors = actor_rank(data, filters)
    if not events:
        return {n: of_actors.get(n, 0.0) for n in graph}
    in_view = nx.pagerank(graph, weight="weight")
    return {n: of_actors.get(n, 0.0) if graph.nodes[n].get("kind") == "entity" else in_view[n] for n in graph}


def build_view(
    data: GraphData,
    filters: Filters = NO_FILTERS,
    events: bool = False,
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int = 500,
    seed: int = 42,
    title: str = "newskg graph",
    evidence: int = EVIDENCE_PER_EDGE,
) -> View:
    """What a view shows: its graph, nodes and edges, legend and notes (see the module docstring).

    Each node and edge carries its ``evidence`` latest sentences.
    """
    graph = event_graph(data, filters) if events else entity_graph(data, filters, evidence=evidence)
    notes: list[str] = []
    centre = None
    if focus:
        graph, centre = _focus(graph, data, focus, hops)
        notes.append(f"Within {hops} hop(s) of {data.entities[centre].label}.")
    if graph.number_of_nodes() == 0:
        notes.append("Nothing to show: no entity passes the filters.")
    rank = _rank(graph, data, filters, events)
    graph, cut = _cap(graph, rank, max_nodes, centre)
    notes += cut
    isolated = {n for n in graph if graph.degree(n) == 0}
    if isolated and len(isolated) < graph.number_of_nodes():
        notes.append(f"{len(isolated)} isolated entities (joined to nothing shown) hidden: see the legend.")
    else:
        isolated = set()  # nothing but isolated entities: show them, there is nothing else
    precomputed = graph.number_of_nodes() > PRECOMPUTED_LAYOUT_ABOVE
    positions = _layout(graph, rank, seed) if precomputed else {}

    colours = {**ENTITY_COLOURS, **event_colours()}
    events_of: dict[str, list[Event]] = {}
    for event in kept_events(data, filters):
        for x in event.arguments:
            events_of.setdefault(x, []).append(event)
    # Sizes are relative within a kind: entities by actor rank, events by PageRank of the view.
    top_rank: dict[str, float] = {}
    for node, kind in graph.nodes(data="kind", default="entity"):
        top_rank[kind] = max(top_rank.get(kind, 0.0), rank[node])
    nodes: list[dict] = []
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind", "entity")
        if kind == "event":
            info = {"type": attrs["type"], "time": attrs.get("time") or attrs.get("date") or ""}
            # An incident node stands for the events of all its reports: their latest sentences.
            info["evidence"] = _evidence([data.events[e] for e in attrs.get("events", [node])], evidence)
            if "reports" in attrs:
                info["reports"] = attrs["reports"]
        else:
            info = {
                "type": attrs["type"],
                "aliases": attrs["aliases"],
                "roles": attrs["roles"],
                "evidence": _evidence(events_of.get(node, []), evidence),
                "pagerank": round(rank[node], 5),
            }
            said = data.quotes.get(node)
            if said:  # read_graph(quotes=N) kept the latest N: words, document title, date
                info["quotes"] = [[q.sentence, q.title, q.date.isoformat() if q.date else ""] for q in said]
        record = {
            "id": node,
            "label": attrs["label"],
            "shape": "diamond" if kind == "event" else "dot",
            "color": colours.get(attrs["type"], "#999999"),
            "value": rank[node] / (top_rank[kind] or 1.0),
            "kind": kind,
            "cls": attrs["type"],
            "info": info,
        }
        if node in isolated:
            record["isolated"] = True
        if precomputed:
            record["x"], record["y"] = positions[node]
        nodes.append(record)
    edges: list[dict] = []
    for a, b, attrs in graph.edges(data=True):
        record = {"from": a, "to": b, "arrows": {"to": {"enabled": False}}}
        if "roles" in attrs:  # entity - event
            record.update(width=1, classes=[], relations=attrs["roles"], info={"roles": attrs["roles"]})
        else:
            record.update(
                width=1 + 1.5 * math.log2(attrs["weight"]),
                classes=sorted(attrs["event_classes"]),
                relations=attrs["relations"],
                info={
                    "support": attrs["weight"],
                    "events": attrs["event_classes"],
                    "relations": attrs["relations"],
                    "documents": attrs["documents"],
                    "evidence": [[s, t] for s, t in attrs["evidence"][:evidence]],
                    "evidence_count": attrs["evidence_count"],
                },
            )
        edges.append(record)
    shown_types = {attrs["type"] for _n, attrs in graph.nodes(data=True)}
    event_classes = sorted(
        {attrs["type"] for _n, attrs in graph.nodes(data=True) if attrs.get("kind") == "event"}
        | {c for _a, _b, attrs in graph.edges(data=True) for c in attrs.get("event_classes", {})}
    )
    legend = {t: colours[t] for t in (*ENTITY_CLASSES, *sorted(event_colours())) if t in shown_types}
    return View(graph, nodes, edges, legend, event_classes, notes, physics=not precomputed, title=title)
