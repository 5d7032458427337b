"""Read a graph in the newskg vocabulary: entities, events with their arguments, and stated relations.

Everything is read with SPARQL (:func:`kg.query.select.select`), so any graph in the
vocabulary works: a store, a file, a remote endpoint. The queries are the ``.rq`` files
of ``kg/analysis/queries``; :func:`read_graph` runs them once and keeps plain records.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> sorted(read_graph(store).entities)
['http://x/ali', 'http://x/brigade', 'http://x/mosul']
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from kg.query.select import Source, select
from kg.query.select import open_for_select as open_graph
from kg.rdf.namespaces import KG

# Most specific first: a node's type is the first of these it has (entities.rq lists the same).
ENTITY_CLASSES = ("Person", "Organization", "Country", "Facility", "Place")
# Event roles (arguments.rq) and relations between entities (stated-relations.rq).
ROLES = ("agent", "target", "victim", "participant", "place")
RELATIONS = ("memberOf", "country", "locatedIn")
# Evidence sentences kept per relation and per edge, the latest first (``--evidence N``).
EVIDENCE_PER_EDGE = 3
# Quotes kept per speaker, the latest first (``kg viz --quotes N``).
QUOTES_PER_SPEAKER = 3
KG_NS = str(KG._NS)
QUERIES = Path(__file__).with_name("queries")

EXAMPLE_TTL = """@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://x/ali> a kg:Person ; rdfs:label "Ali" ; kg:memberOf <http://x/brigade> .
<http://x/brigade> a kg:Organization ; rdfs:label "Brigade" .
<http://x/mosul> a kg:Place ; rdfs:label "Mosul" .
<http://x/e1> a kg:Event , kg:Attack ; kg:agent <http://x/ali> , <http://x/brigade> ; kg:place <http://x/mosul> .
"""


@cache
def sparql(name: str) -> str:
    """The text of the query ``kg/analysis/queries/NAME.rq``.

    >>> "kg:Person" in sparql("entities")
    True
    """
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


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
        name: {local_name(str(c)) for c in ontology.transitive_subjects(RDFS.subClassOf, KG[name])} for name in classes
    }


class Evidence(NamedTuple):
    """A sentence stating a fact, the title of its document, and the date it is dated by."""

    sentence: str
    title: str
    date: date | None = None


def latest(evidence: Iterable[Evidence], limit: int) -> list[Evidence]:
    """The ``limit`` latest pieces of evidence, one per sentence (undated last, then by sentence).

    >>> old, new = Evidence("Old news.", "A", date(2024, 1, 1)), Evidence("New news.", "B", date(2025, 1, 1))
    >>> [e.sentence for e in latest([old, new, Evidence("Undated.", "C")], 2)]
    ['New news.', 'Old news.']
    """
    ordered = sorted(evidence, key=lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0), e.sentence))
    kept: dict[str, Evidence] = {}
    for item in ordered:
        kept.setdefault(item.sentence, item)
        if len(kept) == limit:
            break
    return list(kept.values())


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
    incident: str | None = None  # the kg:Incident it reports (the happening many documents may tell)
    incident_label: str | None = None
    reports: int | None = None  # the incident's kg:documentCount

    @property
    def event_class(self) -> str:
        """The most specific class (a subclass before its superclass, then by name)."""
        return most_specific(frozenset(self.classes))


@lru_cache(maxsize=4096)
def most_specific(classes: frozenset[str]) -> str:
    """The most specific of some event classes (a subclass before its superclass, then by name); asked
    once per event by every projection, so answered once per combination of classes.

    >>> most_specific(frozenset({"Attack", "Bombing"}))
    'Bombing'
    """
    subclasses = event_subclasses()
    return min(classes, key=lambda c: (len(subclasses.get(c, ())), c))


@dataclass
class GraphData:
    """What the projections need, read once from a source."""

    entities: dict[str, Entity]
    events: dict[str, Event]
    relations: dict[tuple[str, str, str], set[str]]  # (a, relation, b) -> graphs stating it
    # (a, relation, b) -> the latest sentences stating it (at most the evidence limit of read_graph)
    relation_evidence: dict[tuple[str, str, str], list[Evidence]] = field(default_factory=dict)
    # (a, relation, b) -> how many documents state it with a sentence (kept or not)
    relation_sentences: dict[tuple[str, str, str], int] = field(default_factory=dict)
    # speaker (an entity) -> its latest quotes, as Evidence(words, document title, date); read when asked
    quotes: dict[str, list[Evidence]] = field(default_factory=dict)


QUOTES_EXAMPLE_TTL = """@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://x/s1> a kg:Event , kg:Statement ; kg:agent <http://x/ali> ; kg:quote "We <b>won</b> & left" ;
    kg:time "2025-03-02"^^xsd:date .
<http://x/s2> a kg:Event , kg:Statement ; kg:agent <http://x/ali> ; kg:quote "Calm returned" ;
    kg:time "2025-04"^^xsd:gYearMonth .
"""


def read_quotes(source: Source, limit: int = QUOTES_PER_SPEAKER) -> dict[str, list[Evidence]]:
    """Each entity's ``limit`` latest quotes (a ``kg:Statement``: ``kg:agent`` said ``kg:quote``), newest first.

    The store groups the statements (``quotes.rq``: one row per speaker and distinct quote, with
    its latest date), so a quote repeated by a thousand documents costs one row.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> _ = store.load(input=QUOTES_EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> [(q.sentence, q.date.isoformat()) for q in read_quotes(store)["http://x/ali"]]
    [('Calm returned', '2025-04-01'), ('We <b>won</b> & left', '2025-03-02')]
    """
    if limit < 1:
        return {}
    quotes: dict[str, list[Evidence]] = defaultdict(list)
    for row in select(open_graph(source), sparql("quotes")):
        said = quotes[row["speaker"]]
        said.append(Evidence(row["quote"], row.get("title", ""), parse_date(row.get("date"))))
        if len(said) > 4 * limit + 16:  # trim as rows arrive: memory stays ~limit per speaker
            quotes[row["speaker"]] = latest(said, limit)
    return {speaker: latest(said, limit) for speaker, said in quotes.items()}


def read_graph(source: Source, evidence: int = EVIDENCE_PER_EDGE, quotes: int = 0) -> GraphData:
    """Read entities, events with their arguments, and relations from ``source``; with ``quotes``,
    also each entity's ``quotes`` latest quotes (:func:`read_quotes`).

    Each relation keeps the sentences of its ``evidence`` latest stating documents: the store
    sends one row per relation and document, so the cost follows what the graph states, and
    memory holds ``evidence`` sentences per relation.

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
    for row in select(source, sparql("entities")):
        kind = local_name(row["class"])
        known = entities.get(row["e"])
        if known is None or rank[kind] < rank[known.type]:
            known = entities[row["e"]] = Entity(row["e"], kind, known.label if known else "")
        if row.get("label") and (not known.label or row["label"] < known.label):
            known.label = row["label"]
        known.mentions = max(known.mentions, int(row.get("mentions", 0)))
    fallback: dict[str, list[str]] = defaultdict(list)
    for row in select(source, sparql("names-in-documents")):
        fallback[row["e"]].append(row["name"])
    for entity in entities.values():
        if not entity.label:
            entity.label = min(fallback.get(entity.iri, []), default=local_name(entity.iri))
    for row in select(source, sparql("aliases")):
        if row["e"] in entities:
            entities[row["e"]].aliases.append(row["alias"])
    for row in select(source, sparql("role-titles")):
        if row["e"] in entities:
            org = entities.get(row.get("org", ""))
            entities[row["e"]].roles.append(f"{row['title']}, {org.label}" if org else row["title"])
    for entity in entities.values():
        entity.aliases.sort()
        entity.roles.sort()

    events: dict[str, Event] = {}
    for row in select(source, sparql("events")):
        event = events.setdefault(row["ev"], Event(row["ev"], set()))
        event.classes.add(local_name(row["class"]))
        event.time = event.time or row.get("time")
        event.document = event.document or row.get("doc")
        event.title = event.title or row.get("title")
        event.sentence = event.sentence or row.get("sentence")
        event.date = event.date or parse_date(row.get("time")) or parse_date(row.get("issued"))
        event.incident = event.incident or row.get("incident")
        event.incident_label = event.incident_label or row.get("incidentLabel")
        event.reports = event.reports or (int(row["reports"]) if row.get("reports") else None)
    for row in select(source, sparql("arguments")):
        if row["ev"] in events and row["x"] in entities:
            events[row["ev"]].arguments[row["x"]].add(local_name(row["role"]))

    relations: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in select(source, sparql("stated-relations")):
        if row["a"] in entities and row["b"] in entities and row["a"] != row["b"]:
            graphs = relations[(row["a"], local_name(row["rel"]), row["b"])]
            if "g" in row:
                graphs.add(row["g"])
    stated: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    sentences: Counter = Counter()
    for row in select(source, sparql("relation-evidence")):
        key = (row["a"], local_name(row["rel"]), row["b"])
        if key in relations and "sentence" in row:
            sentences[key] += 1
            stated[key].append(Evidence(row["sentence"], row.get("title", ""), parse_date(row.get("issued"))))
            if len(stated[key]) > 4 * evidence + 16:  # trim as rows arrive: memory stays ~evidence per relation
                stated[key] = latest(stated[key], evidence)
    kept = {key: latest(items, evidence) for key, items in stated.items()}
    said = {speaker: q for speaker, q in read_quotes(source, quotes).items() if speaker in entities}
    return GraphData(entities, dict(events), dict(relations), kept, dict(sentences), said)
