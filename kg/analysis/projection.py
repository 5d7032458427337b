"""Project an RDF graph in the newskg vocabulary onto networkx graphs.

Everything is read with SPARQL (:func:`kg.query.select.select`), so any graph in
the vocabulary works: a store, a file, a remote endpoint. :func:`read_graph` reads
once; :func:`entity_graph` and :func:`event_graph` project what was read.

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
  ``documents`` (count), ``evidence`` (distinct sentences with their document
  titles) and ``evidence_count``.
* **Event graph** (bipartite): entity nodes (``bipartite=0``) and event nodes
  (``bipartite=1``); an edge per entity taking part in an event, with its ``roles``.
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
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> g = entity_graph(read_graph(store))
>>> sorted(g.nodes), g.edges["http://x/ali", "http://x/brigade"]["weight"]
(['http://x/ali', 'http://x/brigade', 'http://x/mosul'], 2)
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations

import networkx as nx

from kg.query.select import Source, select
from kg.query.select import open_for_select as open_graph
from kg.rdf.namespaces import KG

# Most specific first: a node's type is the first of these it has.
ENTITY_CLASSES = ("Person", "Organization", "Country", "Facility", "Place")
ROLES = ("agent", "target", "victim", "participant", "place")
RELATIONS = ("memberOf", "country", "locatedIn")
KG_NS = str(KG._NS)

EXAMPLE_TTL = """@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://x/ali> a kg:Person ; rdfs:label "Ali" ; kg:memberOf <http://x/brigade> .
<http://x/brigade> a kg:Organization ; rdfs:label "Brigade" .
<http://x/mosul> a kg:Place ; rdfs:label "Mosul" .
<http://x/e1> a kg:Event , kg:Attack ; kg:agent <http://x/ali> , <http://x/brigade> ; kg:place <http://x/mosul> .
"""

ENTITIES = f"""
SELECT DISTINCT ?e ?class ?label ?mentions WHERE {{
  VALUES ?class {{ {" ".join(f"kg:{c}" for c in ENTITY_CLASSES)} }}
  ?e a ?class .
  OPTIONAL {{ ?e rdfs:label ?label }}
  OPTIONAL {{ ?e kg:mentionCount ?mentions }}
}}"""
NAMES_IN_DOCUMENTS = """
SELECT DISTINCT ?e ?name WHERE { ?e kg:nameInDocument ?name }"""
ALIASES = """
SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"""
ROLE_TITLES = """
SELECT DISTINCT ?e ?title ?org WHERE {
  ?e kg:holdsRole ?role . ?role rdfs:label ?title .
  OPTIONAL { ?role kg:roleOf ?org }
}"""
EVENTS = """
SELECT DISTINCT ?ev ?class ?time ?doc ?title ?issued ?sentence WHERE {
  ?ev a kg:Event , ?class .
  FILTER (?class != kg:Event)
  OPTIONAL { ?ev kg:time ?time }
  OPTIONAL { ?ev prov:wasDerivedFrom ?doc .
             OPTIONAL { ?doc dcterms:title ?title }
             OPTIONAL { ?doc dcterms:issued ?issued } }
  OPTIONAL { ?ev kg:evidence ?s . ?s nif:anchorOf ?sentence }
}"""
ARGUMENTS = f"""
SELECT DISTINCT ?ev ?role ?x WHERE {{
  VALUES ?role {{ {" ".join(f"kg:{r}" for r in ROLES)} }}
  ?ev ?role ?x .
}}"""
# The named graph a relation is stated in is the document that states it; a plain
# file has no named graphs, and then a relation counts as stated once.
STATED_RELATIONS = f"""
SELECT DISTINCT ?a ?rel ?b ?g WHERE {{
  {{ VALUES ?rel {{ {" ".join(f"kg:{r}" for r in RELATIONS)} }}
    ?a ?rel ?b .
    OPTIONAL {{ GRAPH ?g {{ ?a ?rel ?b }} }} }}
  UNION
  {{ ?a kg:holdsRole ?role . ?role kg:roleOf ?b .
    BIND (kg:holdsRole AS ?rel)
    OPTIONAL {{ GRAPH ?g {{ ?a kg:holdsRole ?role }} }} }}
}}"""

# Relations carry their sentence through an rdf:Statement reification; roles on the role node.
RELATION_EVIDENCE = """
SELECT DISTINCT ?a ?rel ?b ?sentence ?title WHERE {
  { ?statement a rdf:Statement ; rdf:subject ?a ; rdf:predicate ?rel ; rdf:object ?b ;
               kg:evidence/nif:anchorOf ?sentence .
    OPTIONAL { ?statement prov:wasDerivedFrom/dcterms:title ?title } }
  UNION
  { ?a kg:holdsRole ?role . ?role kg:roleOf ?b ; kg:evidence ?span .
    ?span nif:anchorOf ?sentence .
    BIND (kg:holdsRole AS ?rel)
    OPTIONAL { ?span nif:referenceContext/dcterms:title ?title } }
}"""


def local_name(iri: str) -> str:
    """The part of an IRI after the vocabulary namespace (or after the last / or #).

    >>> local_name("https://w3id.org/newskg/ontology#Attack"), local_name("http://x/a/b")
    ('Attack', 'b')
    """
    if iri.startswith(KG_NS):
        return iri[len(KG_NS) :]
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def parse_date(text: str | None, last_day: bool = False) -> date | None:
    """The first (or with ``last_day`` the last) day of an ``xsd:date``/``gYearMonth``/``gYear``/``dateTime``
    value, or None when it is not one.

    >>> parse_date("2025-03"), parse_date("2024"), parse_date("2025-03-14T10:00:00Z"), parse_date("March")
    (datetime.date(2025, 3, 1), datetime.date(2024, 1, 1), datetime.date(2025, 3, 14), None)
    >>> parse_date("2024-02", last_day=True), parse_date("2024", last_day=True)
    (datetime.date(2024, 2, 29), datetime.date(2024, 12, 31))
    """
    if not text:
        return None
    parts = [p for p in text[:10].split("-") if p]
    try:
        numbers = [int(p) for p in parts]
        if not 1 <= len(numbers) <= 3:
            return None
        if len(numbers) == 3 or not last_day:
            return date(*(numbers + [1, 1])[:3])
        if len(numbers) == 1:
            return date(numbers[0], 12, 31)
        return date(numbers[0], numbers[1], calendar.monthrange(numbers[0], numbers[1])[1])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def event_subclasses() -> dict[str, set[str]]:
    """Each event class (local name) with itself and all its subclasses, from ontology/newskg.ttl.

    >>> sorted(event_subclasses()["Attack"])
    ['Attack', 'Bombing']
    """
    from rdflib import Graph
    from rdflib.namespace import RDFS

    from kg.rdf.ontology import ONTOLOGY, ontology_file

    ontology = Graph().parse(ontology_file(ONTOLOGY))
    classes = {local_name(str(c)) for c in ontology.transitive_subjects(RDFS.subClassOf, KG.Event)}
    return {
        name: {local_name(str(c)) for c in ontology.transitive_subjects(RDFS.subClassOf, KG[name])}
        for name in classes
    }


@dataclass
class Entity:
    iri: str
    type: str
    label: str
    mentions: int = 0
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class Event:
    iri: str
    classes: set[str]
    time: str | None = None
    date: date | None = None
    document: str | None = None
    title: str | None = None
    sentence: str | None = None
    arguments: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # entity -> roles

    @property
    def event_class(self) -> str:
        """The most specific class (a subclass before its superclass, then by name)."""
        subclasses = event_subclasses()
        return min(self.classes, key=lambda c: (len(subclasses.get(c, ())), c))


@dataclass
class GraphData:
    """What the projections need, read once from a source."""

    entities: dict[str, Entity]
    events: dict[str, Event]
    relations: dict[tuple[str, str, str], set[str]]  # (a, relation, b) -> graphs stating it
    # (a, relation, b) -> {sentence: document title}
    relation_evidence: dict[tuple[str, str, str], dict[str, str]] = field(default_factory=dict)


def read_graph(source: Source) -> GraphData:
    """Read entities, events with their arguments, and relations from ``source``.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> data = read_graph(store)
    >>> data.entities["http://x/ali"].label, data.events["http://x/e1"].event_class, list(data.relations)
    ('Ali', 'Attack', [('http://x/ali', 'memberOf', 'http://x/brigade')])
    """
    source = open_graph(source)
    entities: dict[str, Entity] = {}
    rank = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    for row in select(source, ENTITIES):
        kind = local_name(row["class"])
        known = entities.get(row["e"])
        if known is None or rank[kind] < rank[known.type]:
            known = entities[row["e"]] = Entity(row["e"], kind, known.label if known else "")
        if row.get("label") and (not known.label or row["label"] < known.label):
            known.label = row["label"]
        known.mentions = max(known.mentions, int(row.get("mentions", 0)))
    fallback: dict[str, list[str]] = defaultdict(list)
    for row in select(source, NAMES_IN_DOCUMENTS):
        fallback[row["e"]].append(row["name"])
    for entity in entities.values():
        if not entity.label:
            entity.label = min(fallback.get(entity.iri, []), default=local_name(entity.iri))
    for row in select(source, ALIASES):
        if row["e"] in entities:
            entities[row["e"]].aliases.append(row["alias"])
    for row in select(source, ROLE_TITLES):
        if row["e"] in entities:
            org = entities.get(row.get("org", ""))
            entities[row["e"]].roles.append(f"{row['title']}, {org.label}" if org else row["title"])
    for entity in entities.values():
        entity.aliases.sort()
        entity.roles.sort()

    events: dict[str, Event] = {}
    for row in select(source, EVENTS):
        event = events.setdefault(row["ev"], Event(row["ev"], set()))
        event.classes.add(local_name(row["class"]))
        event.time = event.time or row.get("time")
        event.document = event.document or row.get("doc")
        event.title = event.title or row.get("title")
        event.sentence = event.sentence or row.get("sentence")
        event.date = event.date or parse_date(row.get("time")) or parse_date(row.get("issued"))
    for row in select(source, ARGUMENTS):
        if row["ev"] in events and row["x"] in entities:
            events[row["ev"]].arguments[row["x"]].add(local_name(row["role"]))

    relations: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in select(source, STATED_RELATIONS):
        if row["a"] in entities and row["b"] in entities and row["a"] != row["b"]:
            graphs = relations[(row["a"], local_name(row["rel"]), row["b"])]
            if "g" in row:
                graphs.add(row["g"])
    evidence: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
    for row in select(source, RELATION_EVIDENCE):
        key = (row["a"], local_name(row["rel"]), row["b"])
        if key in relations:
            evidence[key].setdefault(row["sentence"], row.get("title", ""))
    return GraphData(entities, dict(events), dict(relations), dict(evidence))


@dataclass(frozen=True)
class Filters:
    """What to keep; see the module docstring for their exact meaning."""

    types: frozenset[str] | None = None
    event_classes: frozenset[str] | None = None
    since: date | None = None
    until: date | None = None
    min_support: int = 1

    @property
    def filters_events(self) -> bool:
        return bool(self.event_classes) or self.since is not None or self.until is not None


def make_filters(
    types: Iterable[str] | None = None,
    event_classes: Iterable[str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    min_support: int = 1,
) -> Filters:
    """Filters from user input: class names in any case, dates as text (``2025``, ``2025-03``, ``2025-03-14``);
    ``until`` ``2025-03`` means up to the end of March.

    >>> make_filters(types=["person"], event_classes=["attack"], since="2025-03").event_classes
    frozenset({'Attack'})
    """
    known_types = {c.casefold(): c for c in ENTITY_CLASSES}
    known_events = {c.casefold(): c for c in event_subclasses()}

    def names(given, known, what):
        if not given:
            return None
        unknown = [g for g in given if g.casefold() not in known]
        if unknown:
            raise ValueError(f"unknown {what} {', '.join(unknown)}; use one of {', '.join(sorted(known.values()))}")
        return frozenset(known[g.casefold()] for g in given)

    def day(value, what):
        if value is None or isinstance(value, date):
            return value
        parsed = parse_date(value, last_day=what == "--until")
        if parsed is None:
            raise ValueError(f"{what} {value!r} is not a date (write 2025, 2025-03 or 2025-03-14)")
        return parsed

    return Filters(
        names(types, known_types, "entity type(s)"),
        names(event_classes, known_events, "event class(es)"),
        day(since, "--since"),
        day(until, "--until"),
        min_support,
    )


NO_FILTERS = Filters()


def kept_events(data: GraphData, filters: Filters) -> list[Event]:
    """The events that pass the event-class and time filters, in IRI order.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> data = read_graph(store)
    >>> attacks, dated = make_filters(event_classes=["Attack"]), make_filters(since="2025")
    >>> len(kept_events(data, attacks)), len(kept_events(data, dated))
    (1, 0)
    """
    allowed = None
    if filters.event_classes:
        allowed = set().union(*(event_subclasses()[c] for c in filters.event_classes))
    kept = []
    for iri in sorted(data.events):
        event = data.events[iri]
        if allowed is not None and not (event.classes & allowed):
            continue
        if filters.since or filters.until:
            if event.date is None:
                continue
            if (filters.since and event.date < filters.since) or (filters.until and event.date > filters.until):
                continue
        kept.append(event)
    return kept


def _kept_entities(data: GraphData, filters: Filters, events: list[Event]) -> set[str]:
    kept = {iri for iri, e in data.entities.items() if not filters.types or e.type in filters.types}
    if filters.filters_events:
        kept &= {x for event in events for x in event.arguments}
    return kept


def _edge(graph: nx.Graph, a: str, b: str) -> dict:
    if not graph.has_edge(a, b):
        graph.add_edge(
            a, b, weight=0, events=0, event_classes=Counter(), relations=set(), documents=set(), evidence={}
        )
    return graph.edges[a, b]


def entity_graph(data: GraphData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """The weighted entity graph (see the module docstring).

    >>> import pyoxigraph as ox
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
                edge["evidence"].setdefault(event.sentence, event.title or event.document or "")
    for (a, relation, b), graphs in sorted(data.relations.items()):
        if a in kept and b in kept:
            edge = _edge(graph, a, b)
            edge["relations"].add(relation)
            for sentence, title in data.relation_evidence.get((a, relation, b), {}).items():
                edge["evidence"].setdefault(sentence, title)
            edge["stating"] = edge.get("stating", set()) | (graphs or {""})
    for _a, _b, edge in graph.edges(data=True):
        stating = edge.pop("stating", set())
        edge["weight"] += len(stating)
        edge["documents"] |= stating - {""}
        edge["event_classes"] = dict(edge["event_classes"])
        edge["relations"] = sorted(edge["relations"])
        edge["documents"] = len(edge["documents"])
        edge["evidence"] = sorted(edge["evidence"].items())
        edge["evidence_count"] = len(edge["evidence"])
    if filters.min_support > 1:
        graph.remove_edges_from([(a, b) for a, b, w in graph.edges(data="weight") if w < filters.min_support])
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def event_graph(data: GraphData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """The bipartite graph of entities (``bipartite=0``) and events (``bipartite=1``).

    >>> import pyoxigraph as ox
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
    for event in events:
        members = [x for x in event.arguments if x in kept]
        if not members:
            continue
        graph.add_node(
            event.iri,
            bipartite=1,
            kind="event",
            type=event.event_class,
            label=event.event_class,
            time=event.time,
            date=event.date.isoformat() if event.date else None,
            title=event.title,
            sentence=event.sentence,
        )
        for x in sorted(members):
            graph.add_edge(x, event.iri, roles=sorted(event.arguments[x]), weight=1)
    return graph


def find_entities(data: GraphData, name: str) -> list[str]:
    """The entities a user means by ``name``: those labelled so (any case), else those with
    it as an alias, else those whose label contains it; in IRI order.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> find_entities(read_graph(store), "mosul"), find_entities(read_graph(store), "briga")
    (['http://x/mosul'], ['http://x/brigade'])
    """
    wanted = " ".join(name.split()).casefold()
    entities = sorted(data.entities.values(), key=lambda e: e.iri)
    for matches in (
        lambda e: e.label.casefold() == wanted,
        lambda e: wanted in (a.casefold() for a in e.aliases),
        lambda e: wanted in e.label.casefold(),
    ):
        found = [e.iri for e in entities if matches(e)]
        if found:
            return found
    return []


class UnknownEntity(ValueError):
    """A name that means no entity, or several (listed in the message)."""


def resolve_entity(data: GraphData, name: str, among=None) -> str:
    """The one entity ``name`` means (see :func:`find_entities`), optionally only among the nodes of ``among``.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> resolve_entity(read_graph(store), "ALI")
    'http://x/ali'
    """
    matches = [iri for iri in find_entities(data, name) if among is None or iri in among]
    if not matches:
        raise UnknownEntity(f"{name!r}: no entity of that name (labels and aliases are searched)")
    if len(matches) > 1:
        listed = ", ".join(f"{data.entities[m].label} ({data.entities[m].type})" for m in matches[:10])
        raise UnknownEntity(f"{name!r} names {len(matches)} entities: {listed}; give a longer name")
    return matches[0]
