"""Project an RDF graph in the newskg vocabulary onto networkx graphs.

What :func:`kg.analysis.read.read_graph` read, :func:`entity_graph` and :func:`event_graph`
project, under the filters of :mod:`kg.analysis.filters`.

Choices, so that numbers can be explained:

* **Nodes** are the resources typed ``kg:Person``, ``kg:Organization``, ``kg:Country``,
  ``kg:Place`` or ``kg:Facility``; a node's ``type`` is its most specific class.
  Event arguments that are not such entities (a target given as a plain mention)
  are left out.
* **Entity graph** (undirected, simple): two entities are joined when they take part in
  the same event (in any of the roles agent, target, victim, participant, place) or
  when one states a relation to the other (``kg:memberOf``, ``kg:country``,
  ``kg:locatedIn``, or ``kg:holdsRole`` whose role is ``kg:roleOf`` the other).
  An edge's ``weight`` (its support) is the number of distinct shared events plus
  the number of distinct documents stating any relation between the two (a file
  without named graphs counts as one document). Edge attributes keep
  ``events`` (count), ``event_classes`` (class -> events), ``relations``,
  ``documents`` (count), ``evidence`` (the ``evidence`` latest distinct sentences, as
  (sentence, document title) pairs, newest first: a shared event is dated by its time or
  document, a relation by its stating document) and ``evidence_count`` (all distinct
  sentences of its events, plus the documents stating its relations with a sentence).
* **Event graph** (bipartite): entity nodes (``bipartite=0``) and event nodes
  (``bipartite=1``); an edge per entity taking part in an event, with its ``roles``.
  The events of one ``kg:incident`` (one happening told by several documents) are one
  node, named by the incident, with ``reports`` (its ``kg:documentCount``) and ``events``
  (the kept events it stands for); an event without an incident is a node of its own.
* **Dates**: an event's date is its ``kg:time`` (a month or a year counts from its
  first day), or else its document's ``dcterms:issued``; an event with neither is
  undated.
* **Filters**: ``types`` keeps entities of those classes; ``event_classes`` keeps events
  of those classes or their subclasses (``Attack`` includes ``Bombing``), as declared
  in ontology/newskg.ttl; ``since``/``until`` keep events dated inside the window
  (inclusive; undated events are dropped when a window is given). When an event filter
  is given, only entities taking part in a kept event remain, with the relations among
  them. ``min_support`` drops entity-graph edges of lower weight and then the entities
  left without any edge; in the event graph it is the least number of kept events
  an entity must take part in.

>>> import pyoxigraph as ox
>>> from kg.analysis.read import EXAMPLE_TTL, read_graph
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> g = entity_graph(read_graph(store))
>>> sorted(g.nodes), g.edges["http://x/ali", "http://x/brigade"]["weight"]
(['http://x/ali', 'http://x/brigade', 'http://x/mosul'], 2)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations

import networkx as nx

from kg.analysis.filters import NO_FILTERS, Filters, kept_events
from kg.analysis.read import EVIDENCE_PER_EDGE, Event, Evidence, GraphData, latest
from kg.incidents.grouping import label_class


@lru_cache(maxsize=4096)
def _naming_class(classes: frozenset[str]) -> str:
    """The class that names an incident of events of these classes (one answer per combination)."""
    return label_class(classes)


def _kept_entities(data: GraphData, filters: Filters, events: list[Event]) -> set[str]:
    kept = {iri for iri, e in data.entities.items() if not filters.types or e.type in filters.types}
    if filters.filters_events:
        kept &= {x for event in events for x in event.arguments}
    return kept


def _edge(graph: nx.Graph, a: str, b: str) -> dict:
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, weight=0, events=0, event_classes=Counter(), relations=set(), documents=set(), evidence=[])
    return graph.edges[a, b]


def entity_graph(data: GraphData, filters: Filters = NO_FILTERS, evidence: int = EVIDENCE_PER_EDGE) -> nx.Graph:
    """The weighted entity graph (see the module docstring); each edge keeps its ``evidence`` latest sentences.

    >>> import pyoxigraph as ox
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> edge = entity_graph(read_graph(store)).edges["http://x/ali", "http://x/brigade"]
    >>> edge["weight"], edge["events"], edge["relations"], edge["event_classes"]
    (2, 1, ['memberOf'], {'Attack': 1})
    """
    events = kept_events(data, filters)
    kept = _kept_entities(data, filters, events)
    graph = nx.Graph()
    for iri in sorted(kept):
        e = data.entities[iri]
        graph.add_node(iri, label=e.label, type=e.type, mentions=e.mentions, aliases=e.aliases, roles=e.roles)
    for event in events:
        members = sorted(x for x in event.arguments if x in kept)
        for a, b in combinations(members, 2):
            edge = _edge(graph, a, b)
            edge["weight"] += 1
            edge["events"] += 1
            edge["event_classes"][event.event_class] += 1
            if event.document:
                edge["documents"].add(event.document)
            if event.sentence:
                edge["evidence"].append(Evidence(event.sentence, event.title or event.document or "", event.date))
                edge["event_sentences"] = edge.get("event_sentences", set()) | {event.sentence}
                if len(edge["evidence"]) > 4 * evidence + 16:  # memory stays ~evidence per edge
                    edge["evidence"] = latest(edge["evidence"], evidence)
    for (a, relation, b), graphs in sorted(data.relations.items()):
        if a in kept and b in kept:
            edge = _edge(graph, a, b)
            edge["relations"].add(relation)
            edge["evidence"] += data.relation_evidence.get((a, relation, b), [])
            edge["relation_sentences"] = edge.get("relation_sentences", 0) + data.relation_sentences.get(
                (a, relation, b), 0
            )
            edge["stating"] = edge.get("stating", set()) | (graphs or {""})
    for _a, _b, edge in graph.edges(data=True):
        stating = edge.pop("stating", set())
        edge["weight"] += len(stating)
        edge["documents"] |= stating - {""}
        edge["event_classes"] = dict(edge["event_classes"])
        edge["relations"] = sorted(edge["relations"])
        edge["documents"] = len(edge["documents"])
        edge["evidence"] = [(e.sentence, e.title) for e in latest(edge["evidence"], evidence)]
        counted = len(edge.pop("event_sentences", ())) + edge.pop("relation_sentences", 0)
        edge["evidence_count"] = max(counted, len(edge["evidence"]))
    if filters.min_support > 1:
        graph.remove_edges_from([(a, b) for a, b, w in graph.edges(data="weight") if w < filters.min_support])
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def event_graph(data: GraphData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """The bipartite graph of entities (``bipartite=0``) and events (``bipartite=1``).

    >>> import pyoxigraph as ox
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> g = event_graph(read_graph(store))
    >>> g.number_of_nodes(), g.edges["http://x/mosul", "http://x/e1"]["roles"]
    (4, ['place'])
    """
    events = kept_events(data, filters)
    kept = _kept_entities(data, filters, events)
    taking_part = Counter(x for event in events for x in event.arguments if x in kept)
    kept = {x for x in kept if taking_part[x] >= filters.min_support} if filters.min_support > 1 else kept
    graph = nx.Graph()
    for iri in sorted(kept):
        e = data.entities[iri]
        graph.add_node(iri, bipartite=0, kind="entity", label=e.label, type=e.type, aliases=e.aliases, roles=e.roles)
    incidents: dict[str, list] = defaultdict(list)
    for event in events:
        incidents[event.incident or event.iri].append(event)
    for node, told in incidents.items():
        roles: dict[str, set[str]] = defaultdict(set)
        for event in told:
            for x, taken in event.arguments.items():
                if x in kept:
                    roles[x] |= taken
        if not roles:
            continue
        # The incident's naming event: of its naming class (Bombing before the Killing it caused), dated if any is.
        naming = _naming_class(frozenset(e.event_class for e in told))
        first = min(told, key=lambda e: (e.event_class != naming, e.date is None, e.iri))
        reports = first.reports or len({e.document for e in told})
        graph.add_node(
            node,
            bipartite=1,
            kind="event",
            type=first.event_class,
            label=f"{first.incident_label or first.event_class} ({reports} report{'s' if reports != 1 else ''})"
            if first.incident
            else first.event_class,
            time=first.time,
            date=first.date.isoformat() if first.date else None,
            title=first.title,
            sentence=first.sentence,
            reports=reports,
            events=sorted(e.iri for e in told),
        )
        for x in sorted(roles):
            graph.add_edge(x, node, roles=sorted(roles[x]), weight=1)
    return graph
