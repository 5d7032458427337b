"""One analysis run: read a source, project it, compute every metric, rank the actors.

Who matters is ranked by :func:`kg.analysis.metrics.actor_rank` (PageRank on the
event-and-relation graph, the rank ``kg viz`` sizes nodes by), kept in each node's metrics as
``actor_rank``; ``pagerank`` stays PageRank on the entity graph.

>>> import pyoxigraph as ox
>>> from kg.analysis.read import EXAMPLE_TTL
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> run = analyze(store)
>>> [run.graph.nodes[n]["label"] for n in run.ranking()]
['Ali', 'Brigade', 'Mosul']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import networkx as nx
import pyoxigraph as ox

from kg.analysis.filters import NO_FILTERS, Filters, kept_events
from kg.analysis.metrics import Activity, activity, actor_rank, grouped, node_metrics
from kg.analysis.projection import entity_graph
from kg.analysis.read import EVIDENCE_PER_EDGE, Event, GraphData, read_graph
from kg.query.select import Source

# Who acts in the news; places are where things happen and are ranked apart.
ACTOR_TYPES = ("Person", "Organization", "Country")


@dataclass
class Analysis:
    data: GraphData
    filters: Filters
    graph: nx.Graph
    events: list[Event]
    metrics: dict[str, dict]
    communities: list[list[str]]
    components: list[list[str]]
    activity: Activity
    seed: int
    source: str = ""  # what was analysed, as the report names it

    @cached_property
    def _event_counts(self) -> Counter:
        return Counter(x for event in self.events for x in event.arguments)

    def events_of(self, node: str) -> int:
        """How many of the analysed events ``node`` takes part in."""
        return self._event_counts[node]

    @cached_property
    def _ranked(self) -> list[str]:
        return sorted(
            self.graph,
            key=lambda n: (
                -round(self.metrics[n]["actor_rank"], 12),
                -round(self.metrics[n]["pagerank"], 12),
                -self.events_of(n),
                -self.graph.nodes[n].get("mentions", 0),
                self.graph.nodes[n]["label"],
                n,
            ),
        )

    def ranking(self, types: tuple[str, ...] | None = None) -> list[str]:
        """Nodes by actor rank, then by entity-graph PageRank, events taken part in, mentions, label and IRI
        (highest first)."""
        return [n for n in self._ranked if types is None or self.graph.nodes[n]["type"] in types]

    @cached_property
    def _events_by_node(self) -> dict[str, list[int]]:
        """Each node's events, as positions in ``events``."""
        index: dict[str, list[int]] = defaultdict(list)
        for position, event in enumerate(self.events):
            for x in event.arguments:
                index[x].append(position)
        return index

    def community_classes(self, members: list[str]) -> Counter:
        """The event classes the community's members take part in (events counted once, in event order).

        Looked up through each member's events, so asking it of every community costs what the
        members take part in, not communities x events.
        """
        taking_part = sorted({i for m in members for i in self._events_by_node.get(m, ())})
        return Counter(self.events[i].event_class for i in taking_part)

    def write_report(self, out_dir: str | Path) -> dict[str, Path]:
        """Write report.md, metrics.json, metrics.csv and the charts into ``out_dir``; their paths by name."""
        from kg.analysis.report import write_report

        return write_report(self, Path(out_dir), source=self.source)

    def write_projection(self, path: str | Path, fmt: Literal["graphml", "gexf"] | None = None) -> Path:
        """Write the entity graph as GraphML or GEXF (``fmt``, else the file's suffix) for graph tools."""
        from kg.analysis.exchange import write_projection

        return write_projection(self, Path(path), fmt or Path(path).suffix.lstrip(".").lower())


def analyze(
    source: Source,
    filters: Filters = NO_FILTERS,
    period: str = "month",
    seed: int = 42,
    betweenness_k: int = 256,
    evidence: int = EVIDENCE_PER_EDGE,
) -> Analysis:
    """Read ``source`` and compute every metric of its entity graph under ``filters``.

    Each relation and edge keeps its ``evidence`` latest sentences.
    """
    data = read_graph(source, evidence=evidence)
    graph = entity_graph(data, filters, evidence=evidence)
    events = kept_events(data, filters)
    metrics = node_metrics(graph, seed=seed, betweenness_k=betweenness_k)
    ranks = actor_rank(data, filters)
    for node, values in metrics.items():
        values["actor_rank"] = ranks.get(node, 0.0)
    return Analysis(
        data=data,
        filters=filters,
        graph=graph,
        events=events,
        metrics=metrics,
        communities=grouped(metrics, "community"),
        components=grouped(metrics, "component"),
        activity=activity(data, events, set(graph), period=period),
        seed=seed,
        source="a pyoxigraph.Store" if isinstance(source, ox.Store) else str(source),
    )
