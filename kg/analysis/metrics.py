"""Metrics of a projected entity graph, and the activity of actors over time.

All metrics are networkx's; the choices made here:

* ``pagerank`` and ``weighted_degree`` use the edge ``weight`` (support); ``degree`` counts
  distinct neighbours.
* ``betweenness`` is normalized and counts hops (weights are support, not distance).
  On graphs above ``exact_betweenness_limit`` nodes it is estimated from ``k`` sampled
  sources (seeded), as networkx's ``k`` parameter does.
* Components and Louvain communities are numbered by size, largest first (ties by the
  first member's IRI), so ``component 0`` is the largest. Louvain is seeded: the same
  graph and seed always give the same communities.
* ``core`` is the core number (the largest k of a k-core holding the node).
* :func:`actor_rank` (what ``kg analyze`` ranks by and views size nodes by) is PageRank on the
  event-and-relation graph, so that an actor's weight reflects what it did rather than how many
  entities name it as their country or place. ``pagerank`` stays PageRank on the entity graph.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
>>> m = node_metrics(g)
>>> m["b"]["degree"], m["b"]["weighted_degree"], m["b"]["betweenness"], m["a"]["component"]
(2, 3.0, 1.0, 0)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

import networkx as nx

from kg.analysis.filters import NO_FILTERS, Filters
from kg.analysis.projection import event_graph
from kg.analysis.read import Event, GraphData
from kg.incidents.grouping import label_class

EXACT_BETWEENNESS_LIMIT = 1000
# A relation stated by one document counts this much of taking part in one event (actor_rank).
RELATION_WEIGHT = 0.25
METRIC_NAMES = ("degree", "weighted_degree", "pagerank", "betweenness", "component", "core", "community")
# Added after METRIC_NAMES (keys are only ever added): actor_rank, what "who matters" is ranked by.
RANKED_METRIC_NAMES = (*METRIC_NAMES, "actor_rank")


def _numbered(groups) -> list[list[str]]:
    """Groups of nodes, each sorted, largest group first (ties by first member)."""
    ordered = [sorted(g) for g in groups]
    return sorted(ordered, key=lambda g: (-len(g), g[0]))


def components(graph: nx.Graph) -> list[list[str]]:
    """Connected components, largest first.

    >>> components(nx.Graph([("a", "b"), ("c", "d"), ("d", "e")]))
    [['c', 'd', 'e'], ['a', 'b']]
    """
    return _numbered(nx.connected_components(graph))


def communities(graph: nx.Graph, seed: int = 42, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities on the support weights, largest first; reproducible for a seed.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> communities(g, seed=1)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    return _numbered(found)


def node_metrics(
    graph: nx.Graph,
    seed: int = 42,
    betweenness_k: int = 256,
    exact_betweenness_limit: int = EXACT_BETWEENNESS_LIMIT,
) -> dict[str, dict[str, float | int]]:
    """Every metric of every node: degree, weighted_degree, pagerank, betweenness, component, core, community.

    >>> m = node_metrics(nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 1})]))
    >>> m["a"]["core"], m["a"]["community"], round(m["a"]["pagerank"], 4)
    (2, 0, 0.3333)
    """
    if graph.number_of_nodes() == 0:
        return {}
    sampled = graph.number_of_nodes() > exact_betweenness_limit
    k = min(betweenness_k, graph.number_of_nodes()) if sampled else None
    betweenness = nx.betweenness_centrality(graph, k=k, normalized=True, seed=seed)
    pagerank = nx.pagerank(graph, weight="weight")
    core = nx.core_number(graph)
    component_of = {n: i for i, group in enumerate(components(graph)) for n in group}
    community_of = {n: i for i, group in enumerate(communities(graph, seed=seed)) for n in group}
    return {
        n: {
            "degree": graph.degree(n),
            "weighted_degree": float(graph.degree(n, weight="weight")),
            "pagerank": pagerank[n],
            "betweenness": betweenness[n],
            "component": component_of[n],
            "core": core[n],
            "community": community_of[n],
        }
        for n in graph
    }


def actor_rank(
    data: GraphData, filters: Filters = NO_FILTERS, relation_weight: float = RELATION_WEIGHT
) -> dict[str, float]:
    """PageRank of the entities on the event-and-relation graph, summing to 1 over the entities.

    The graph joins each entity to every kept event it takes part in (weight 1: rank flows between
    the participants of an event through it) and to each entity it states a relation with
    (``relation_weight`` per stating document). The random walk restarts at entities in proportion
    to the events they take part in, so an entity that takes part in no event has only the rank its
    relations pass it: a country named as many people's nationality ranks below the actors.

    >>> from kg.analysis.read import Entity
    >>> people = {f"p{i}": Entity(f"p{i}", "Person", f"P{i}") for i in range(4)}
    >>> country = {"c": Entity("c", "Country", "C")}
    >>> fight = Event("e", {"Attack"}, arguments={"p0": {"agent"}, "p1": {"target"}})
    >>> data = GraphData({**people, **country}, {"e": fight}, {(f"p{i}", "country", "c"): {"d"} for i in range(4)})
    >>> rank = actor_rank(data)
    >>> rank["p0"] > rank["c"] > rank["p2"], round(sum(rank.values()), 6)
    (True, 1.0)
    """
    # min_support thins what a view or report shows, never the graph an actor's weight flows on.
    graph = event_graph(data, replace(filters, min_support=1))
    # In node order, never a set's: PageRank and the sums below add up in the order they are given,
    # and a set's order changes with the process (string hashing), which moved the last digits.
    entities = sorted(n for n, kind in graph.nodes(data="kind") if kind == "entity")
    is_entity = set(entities)
    for (a, _relation, b), graphs in sorted(data.relations.items()):
        if a in is_entity and b in is_entity and a != b:
            weight = relation_weight * max(len(graphs), 1)
            graph.add_edge(a, b, weight=graph.edges[a, b]["weight"] + weight if graph.has_edge(a, b) else weight)
    if not entities:
        return {}
    events_of = {n: sum(1 for m in graph[n] if graph.nodes[m].get("kind") == "event") for n in entities}
    restart = {n: events_of[n] for n in entities if events_of[n]} or None  # no events: restart anywhere
    rank = nx.pagerank(graph, weight="weight", personalization=restart)
    total = sum(rank[n] for n in entities) or 1.0
    return {n: rank[n] / total for n in entities}


def grouped(metrics: dict[str, dict], key: str) -> list[list[str]]:
    """Nodes grouped by a numbered metric (``community`` or ``component``), group 0 first.

    >>> grouped({"a": {"community": 1}, "b": {"community": 0}, "c": {"community": 1}}, "community")
    [['b'], ['a', 'c']]
    """
    groups: dict[int, list[str]] = defaultdict(list)
    for node in sorted(metrics):
        groups[metrics[node][key]].append(node)
    return [groups[i] for i in sorted(groups)]


def period_of(day: date, period: str = "month") -> str:
    """The period a date falls in: ``2025-03`` (month) or ISO week ``2025-W11`` (week).

    >>> period_of(date(2025, 3, 14)), period_of(date(2025, 3, 14), "week")
    ('2025-03', '2025-W11')
    """
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    raise ValueError(f"period {period!r}: use month or week")


@dataclass(frozen=True)
class Happening:
    """One incident as the timeline counts it: the events of one ``kg:incident`` (the reports of one
    happening, from however many documents) count once; an event without an incident counts alone."""

    key: str  # the incident's IRI, else the event's
    date: date | None  # the date most of its finest-dated events give (the earliest of a tie)
    event_class: str  # the class that names the incident (Bombing before the Killing it caused)
    actors: frozenset[str]  # every entity any of its events names


def happenings(events: list[Event]) -> list[Happening]:
    """The incidents ``events`` report, each once.

    >>> from kg.analysis.read import Event
    >>> a = Event("e1", {"Bombing"}, date=date(2025, 3, 14), incident="i1")
    >>> b = Event("e2", {"Killing"}, date=date(2025, 3, 14), incident="i1")
    >>> c = Event("e3", {"Protest"}, date=date(2025, 4, 2))
    >>> [(h.key, h.event_class) for h in happenings([a, b, c])]
    [('i1', 'Bombing'), ('e3', 'Protest')]

    An incident is dated by its finest times: two reports' "in 2024" do not outvote one report's day.

    >>> day = Event("e4", {"Bombing"}, time="2024-06-02", date=date(2024, 6, 2), incident="i2")
    >>> years = [Event(f"e{n}", {"Bombing"}, time="2024", date=date(2024, 1, 1), incident="i2") for n in (5, 6)]
    >>> [h.date for h in happenings([day, *years])]
    [datetime.date(2024, 6, 2)]
    """
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        groups[event.incident or event.iri].append(event)
    found = []
    for key, members in groups.items():
        # The finest times vote: a report's "in 2024" (read as 2024-01-01) never outvotes a day.
        dated = [e for e in members if e.date is not None]
        finest = max((_fineness(e) for e in dated), default=0)
        dates = Counter(e.date for e in dated if _fineness(e) == finest)
        day = min(dates, key=lambda d: (-dates[d], d)) if dates else None
        actors = frozenset(x for e in members for x in e.arguments)
        found.append(Happening(key, day, label_class(e.event_class for e in members), actors))
    return found


def _fineness(event: Event) -> int:
    """How finely the event's own time is told: a day 3, a month 2, a year 1; 0 when the event is
    dated by its document only."""
    return {10: 3, 7: 2, 4: 1}.get(len(event.time[:10]), 0) if event.time else 0


@dataclass
class Activity:
    """Incidents per actor per period, and who rose or fell from one period to the next (see
    :class:`Happening`: the reports of one happening count once)."""

    period: str
    periods: list[str]
    by_actor: dict[str, Counter] = field(default_factory=dict)  # actor -> period -> incidents
    by_class: dict[str, Counter] = field(default_factory=dict)  # period -> incident class -> incidents
    undated: int = 0
    changes: list[dict] = field(default_factory=list)  # one per consecutive pair of periods

    def series(self, actor: str) -> list[int]:
        return [self.by_actor.get(actor, Counter())[p] for p in self.periods]


def activity(data: GraphData, events: list[Event], actors: set[str], period: str = "month", top: int = 5) -> Activity:
    """Incidents by period for each actor in ``actors``, with the ``top`` risers and fallers between
    each pair of consecutive periods (by the change in the number of incidents). The events of one
    ``kg:incident`` count once (:func:`happenings`), so five outlets telling one attack make one.

    >>> import pyoxigraph as ox
    >>> from kg.analysis.filters import NO_FILTERS, kept_events
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> data = read_graph(store)
    >>> found = activity(data, kept_events(data, NO_FILTERS), set(data.entities))
    >>> found.periods, found.undated
    ([], 1)
    """
    by_actor: dict[str, Counter] = defaultdict(Counter)
    by_class: dict[str, Counter] = defaultdict(Counter)
    undated = 0
    for event in happenings(events):
        if event.date is None:
            undated += 1
            continue
        when = period_of(event.date, period)
        by_class[when][event.event_class] += 1
        for actor in event.actors:
            if actor in actors:
                by_actor[actor][when] += 1
    periods = sorted(by_class)
    changes = []
    for before, after in zip(periods, periods[1:], strict=False):
        delta = {a: counts[after] - counts[before] for a, counts in by_actor.items()}
        rises = sorted((a for a in delta if delta[a] > 0), key=lambda a: (-delta[a], a))[:top]
        falls = sorted((a for a in delta if delta[a] < 0), key=lambda a: (delta[a], a))[:top]
        changes.append(
            {
                "from": before,
                "to": after,
                "rise": [{"actor": a, "change": delta[a]} for a in rises],
                "fall": [{"actor": a, "change": delta[a]} for a in falls],
            }
        )
    return Activity(period, periods, dict(by_actor), dict(by_class), undated, changes)
