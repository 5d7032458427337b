"""Incidents, near-duplicates and source counts in the corpus graph, kept up to date incrementally.

For the documents just added, changed or removed, :func:`update_incidents`:

1. indexes each new document (date, publisher, MinHash signature, events, stated facts) in
   the :class:`~kg.incidents.index.IncidentIndex` beside the store;
2. decides ``kg:duplicateOf`` again for those documents and their LSH neighbours: a
   document points to the earliest (by ``dcterms:issued``, else stored first) stored document
   it nearly copies;
3. regroups the events connected to the changed ones (same family, near in time, linked
   by :func:`kg.incidents.grouping.linked`), and rewrites only their ``kg:Incident`` nodes:
   ``rdfs:label``, ``kg:documentCount``, ``kg:sourceCount``, and ``kg:incident`` on each event;
4. recounts ``kg:sourceCount`` on the roles (``kg:Role`` nodes) and relations (a corpus
   reification, ``rdf:Statement`` of subject, predicate and object) the touched documents state.

An independent source is a publisher: a near-duplicate copy counts as the publisher of the
document it copies (so it adds no source), and a document with no publisher is a source of
its own. The incident of a group is named by its first event's IRI, so it does not depend
on the order documents came in: a build of A then B makes the incidents of a build of A+B.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kg.incidents import duplicates
from kg.incidents.grouping import (
    UNDATED_WINDOW,
    EventInfo,
    cluster,
    is_background,
    label_class,
    lexicon,
)
from kg.incidents.index import INDEX_FILE, IncidentIndex
from kg.incidents.regroup import regroup
from kg.rdf.iri import mint
from kg.rdf.namespaces import KG, NIF, PREFIX_IRIS
from kg.rdf.sparql import sparql_text
from kg.store.corpus import change_triples, corpus_graph
from kg.store.embedded import EmbeddedStore

EVENTS = sparql_text(__package__, "queries/document-events.rq")
ARGUMENTS = sparql_text(__package__, "queries/document-arguments.rq")
FACTS = sparql_text(__package__, "queries/document-facts.rq")
WITHIN = sparql_text(__package__, "queries/place-within.rq")
NAMES = sparql_text(__package__, "queries/names.rq")
ALL_DOCUMENTS = sparql_text(__package__, "queries/documents.rq")

T = {
    name: ox.NamedNode(str(KG[name]))
    for name in ("Incident", "incident", "documentCount", "sourceCount", "duplicateOf")
}
RDF_TYPE, LABEL = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label))
STATEMENT = ox.NamedNode(str(RDF.Statement))
SUBJECT, PREDICATE, OBJECT = (ox.NamedNode(str(p)) for p in (RDF.subject, RDF.predicate, RDF.object))
INTEGER = ox.NamedNode(str(XSD.integer))
DOCUMENT_CLASS = ox.NamedNode(str(KG.Document))
EVENT_VALUES = {"time": ox.NamedNode(str(KG.time)), "modality": ox.NamedNode(str(KG.modality))}
EVIDENCE, ANCHOR_OF = ox.NamedNode(str(KG.evidence)), ox.NamedNode(str(NIF.anchorOf))
META = {
    key: ox.NamedNode(str(term))
    for key, term in (("issued", DCTERMS.issued), ("publisher", DCTERMS.publisher), ("text", NIF.isString))
}
BULK_SHARE = 4  # documents read back in one pass over the store when they are at least a quarter of it


@dataclass
class IncidentUpdate:
    """What an update touched: for the build's summary and for tests."""

    documents_indexed: int = 0
    documents_removed: int = 0
    duplicates_changed: int = 0
    incidents_removed: int = 0
    incidents_written: int = 0
    facts_counted: int = 0
    events_regrouped: int = 0
    notes: list[str] = field(default_factory=list)


def _query(store: EmbeddedStore | ox.Store, text: str, union: bool = False, **bound: ox.NamedNode):
    graph_store = store.ox if isinstance(store, EmbeddedStore) else store
    return graph_store.query(
        text,
        prefixes=PREFIX_IRIS,
        substitutions={ox.Variable(k): v for k, v in bound.items()},
        use_default_graph_as_union=union,
    )


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=INTEGER)


def _interval(time: ox.Literal | None) -> tuple[int | None, int | None, str | None]:
    """(first day, last day, precision) of an event's time; all None when it has none (or no valid one)."""
    if time is not None:
        text = time.value
        try:
            if len(text) == 4:
                return date(int(text), 1, 1).toordinal(), date(int(text), 12, 31).toordinal(), "year"
            if len(text) == 7:
                year, month = int(text[:4]), int(text[5:7])
                following = date(year + month // 12, month % 12 + 1, 1)
                return date(year, month, 1).toordinal(), following.toordinal() - 1, "month"
            day = date.fromisoformat(text[:10]).toordinal()
            return day, day, "day"
        except ValueError:
            pass
    return None, None, None


def _undated(issued: str) -> tuple[int, int, str]:
    """(first day, last day, precision) of an undated event of news issued on ``issued``: what it
    tells happened in the days before its date."""
    day = date.fromisoformat(issued[:10]).toordinal()
    return day - UNDATED_WINDOW, day, "document"


def read_document(store: EmbeddedStore, doc: str) -> tuple[dict, list[EventInfo], list[tuple]] | None:
    """(date, publisher and text; events; stated facts) of a stored document, or None."""
    read = read_events(store, doc)
    if read is None:
        return None
    meta, events = read
    return meta, events, [_fact(row, store.base) for row in _query(store, FACTS, g=ox.NamedNode(doc))]


def read_documents(
    store: EmbeddedStore, docs: list[str], stored: int
) -> Iterator[tuple[str, tuple[dict, list[EventInfo], list[tuple]] | None]]:
    """``(doc, read_document(store, doc))`` for each of ``docs`` (``stored``: the documents in the store).

    When they are a large share of the store (a new store's build reads back every document), the
    events, arguments and facts come from one pass of each query over the whole store, grouped by
    document: a fifth of the cost of four queries per document. Their dates and texts are read one
    document at a time (all texts at once would be the corpus in memory)."""
    if len(docs) * BULK_SHARE < stored:
        for doc in docs:
            yield doc, read_document(store, doc)
        return
    wanted = set(docs)
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in _query(store, EVENTS):
        if (doc := row["g"].value) in wanted:
            _event_row(found[doc], row)
    _event_values(store, found)
    arguments: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(dict)
    for row in _query(store, ARGUMENTS):
        if (doc := row["g"].value) in wanted:
            _argument_row(arguments[doc], row)
    facts: dict[str, list[tuple]] = defaultdict(list)
    for row in _query(store, FACTS):
        if (doc := row["g"].value) in wanted:
            facts[doc].append(_fact(row, store.base))
    for doc in docs:
        meta = _meta(store, doc)
        if meta is None:
            yield doc, None
        else:
            yield doc, (meta, _events(store, doc, meta, found.pop(doc, {}), arguments.pop(doc, {})), facts.pop(doc, []))


def _fact(row: ox.QuerySolution, base: str) -> tuple:
    """(fact node, subject, predicate, object) of a row of document-facts.rq; a role node has no triple."""
    if row["role"] is not None:
        return (row["role"].value, None, None, None)
    s, p, o = (row[k].value for k in ("s", "p", "o"))
    return (str(mint("statement", f"{s} {p} {o}", base)), s, p, o)


def _meta(store: EmbeddedStore | ox.Store, doc: str) -> dict | None:
    """A stored document's date, publisher and text, or None when it is not stored; read by
    quad-pattern lookups (one SPARQL query per document cost as much as reading all its events)."""
    graph_store = store.ox if isinstance(store, EmbeddedStore) else store
    graph = ox.NamedNode(doc)
    if ox.Quad(graph, RDF_TYPE, DOCUMENT_CLASS, graph) not in graph_store:
        return None
    meta = {}
    for key, predicate in META.items():
        value = next(iter(graph_store.quads_for_pattern(graph, predicate, None, graph)), None)
        meta[key] = value.object.value if value is not None else None
    return meta


def _event_row(found: dict[str, dict], row: ox.QuerySolution) -> None:
    """Gather a row of document-events.rq into ``found`` (event IRI -> classes, time, modality)."""
    item = found.setdefault(row["e"].value, {"classes": set(), "time": None, "modality": None})
    item["classes"].add(row["class"].value.rsplit("#", 1)[-1])


def _event_values(
    store: EmbeddedStore | ox.Store, found: Mapping[str, dict[str, dict]], graph: ox.NamedNode | None = None
) -> None:
    """Give the gathered events (``found``: document -> event IRI -> item) their time and modality, read
    by predicate from ``graph``, else from every graph: few events have them, and an OPTIONAL of the
    events' query for each cost as much as reading the events' classes."""
    graph_store = store.ox if isinstance(store, EmbeddedStore) else store
    for key, predicate in EVENT_VALUES.items():
        for quad in graph_store.quads_for_pattern(None, predicate, None, graph):
            if isinstance(quad.graph_name, ox.NamedNode):
                item = found.get(quad.graph_name.value, {}).get(quad.subject.value)
                if item is not None:
                    item[key] = quad.object


def _argument_row(arguments: dict[str, dict[str, set[str]]], row: ox.QuerySolution) -> None:
    """Gather a row of document-arguments.rq into ``arguments`` (event IRI -> role -> entity IRIs)."""
    role = row["role"].value.rsplit("#", 1)[-1]
    arguments.setdefault(row["e"].value, {}).setdefault(role, set()).add(row["value"].value)


def _sentence(store: EmbeddedStore | ox.Store, doc: str, event: str) -> str:
    """The text of an event's evidence sentence (``kg:evidence/nif:anchorOf``), "" when it has none.
    Read by quad lookups for the few events that need it (an undated event of a dated document): the
    sentences of all events were two fifths of the cost of reading the events by SPARQL."""
    graph_store = store.ox if isinstance(store, EmbeddedStore) else store
    graph = ox.NamedNode(doc)
    for evidence in graph_store.quads_for_pattern(ox.NamedNode(event), EVIDENCE, None, graph):
        if isinstance(evidence.object, ox.NamedNode | ox.BlankNode):
            for anchor in graph_store.quads_for_pattern(evidence.object, ANCHOR_OF, None, graph):
                return anchor.object.value
    return ""


def _events(
    store: EmbeddedStore | ox.Store,
    doc: str,
    meta: dict,
    found: dict[str, dict],
    arguments: dict[str, dict[str, set[str]]],
) -> list[EventInfo]:
    """A document's events as grouping sees them, from its gathered rows."""
    events = []
    for iri, item in found.items():
        # The most specific class: Bombing over Attack (both are stated when one is a subclass).
        event_class = label_class(item["classes"])
        if event_class in lexicon()["not_happenings"]:
            continue  # a statement is an utterance, not a happening: reports of it are no incident
        start, end, precision = _interval(item["time"])
        # An undated event of a dated document took place in its last days, unless it is background.
        if start is None and meta["issued"] and not is_background(_sentence(store, doc, iri)):
            start, end, precision = _undated(meta["issued"])
        args = {role: tuple(sorted(values)) for role, values in sorted(arguments.get(iri, {}).items())}
        places = args.pop("place", ())
        modality = item["modality"].value if item["modality"] is not None else None
        events.append(EventInfo(iri, doc, event_class, start, end, precision, places, args, modality))
    return events


def read_events(store: EmbeddedStore | ox.Store, doc: str) -> tuple[dict, list[EventInfo]] | None:
    """(date, publisher and text; events as grouping sees them) of a stored document, or None."""
    meta = _meta(store, doc)
    if meta is None:
        return None
    graph = ox.NamedNode(doc)
    found: dict[str, dict] = {}
    for row in _query(store, EVENTS, g=graph):
        _event_row(found, row)
    _event_values(store, {doc: found}, graph)
    arguments: dict[str, dict[str, set[str]]] = {}
    for row in _query(store, ARGUMENTS, g=graph):
        _argument_row(arguments, row)
    return meta, _events(store, doc, meta, found, arguments)


class _Places:
    """The places each place lies in, read from the store once per update."""

    def __init__(self, store: EmbeddedStore | ox.Store):
        self.store = store
        self.within: dict[str, set[str]] = {}

    def add(self, events: Iterable[EventInfo]) -> dict[str, set[str]]:
        for event in events:
            for place in event.places:
                if place not in self.within:
                    rows = _query(self.store, WITHIN, union=True, place=ox.NamedNode(place))
                    self.within[place] = {row["outer"].value for row in rows}
        return self.within


def _name(store: EmbeddedStore | ox.Store, iri: str) -> str:
    """An entity's corpus label, else a name a document gives it, else its IRI's last part."""
    graph_store = store.ox if isinstance(store, EmbeddedStore) else store
    labels = {quad.object.value for quad in graph_store.quads_for_pattern(ox.NamedNode(iri), LABEL, None, None)}
    if len(labels) == 1:
        return labels.pop()  # the common case, by one lookup (a query per name cost 0.15 ms)
    for row in _query(store, NAMES, union=True, x=ox.NamedNode(iri)):
        for key in ("label", "name"):
            if row[key] is not None:
                return row[key].value
    return iri.rsplit("/", 1)[-1]


def incident_label(
    store: EmbeddedStore,
    group: list[EventInfo],
    within: dict[str, set[str]],
    names: Callable[[str], str] | None = None,
) -> str:
    """E.g. "Bombing in Baidoa, 2025-03-14": the naming class, the most specific place most
    reports give, the day (else month, else year) most reports give. ``names``: an IRI's name
    (default: read from ``store``; an update passes one that remembers what it read)."""
    name = names or functools.partial(_name, store)
    text = label_class(e.event_class for e in group)
    named = Counter(place for e in group for place in e.places)
    specific = [p for p in named if not any(p in within.get(q, ()) for q in named if q != p)]
    if specific:
        place = min(specific, key=lambda p: (-named[p], -len(within.get(p, ())), p))
        text += f" in {name(place)}"
    else:
        agents = Counter(agent for e in group for agent in e.arguments.get("agent", ()))
        if agents:
            text += f" by {name(min(agents, key=lambda a: (-agents[a], a)))}"
    for precision, width in (("day", 10), ("month", 7), ("year", 4)):
        times = Counter(date.fromordinal(e.start).isoformat()[:width] for e in group if e.precision == precision)
        if times:
            text += f", {min(times, key=lambda t: (-times[t], t))}"
            break
    return text


def _source(index: IncidentIndex, doc: str) -> str:
    """The independent source of a document: its original's publisher (casefolded), else the original."""
    row = index.document(doc)
    if row is None:
        return doc
    original = index.document(row["duplicate_of"]) if row["duplicate_of"] else None
    origin = original or row
    return f"publisher:{origin['publisher'].casefold()}" if origin["publisher"] else origin["doc"]


def _order(row) -> tuple:
    return (row["issued"] or "9999", row["seq"])


def _later_copies(index: IncidentIndex, doc: str) -> set[str]:
    """The stored documents that ``doc`` (just indexed) may now be the original of: its LSH
    neighbours after it in order that nearly copy it and have no original before it. No other
    document's original (the earliest document it nearly copies) can change."""
    row = index.document(doc)
    mine = duplicates.from_bytes(row["signature"])
    neighbours = index.documents(index.band_neighbours(doc))
    originals = index.documents(n["duplicate_of"] for n in neighbours.values() if n["duplicate_of"])
    return {
        other["doc"]
        for other in neighbours.values()
        if _order(row) < _order(other)
        and (other["duplicate_of"] not in originals or _order(row) < _order(originals[other["duplicate_of"]]))
        and duplicates.similarity(mine, duplicates.from_bytes(other["signature"]))
        >= duplicates.NEAR_DUPLICATE_THRESHOLD
    }


def incident_layer(store: EmbeddedStore, graph: ox.NamedNode) -> set[ox.Triple]:
    """Every triple of the corpus graph written here: incidents and ``kg:incident``, ``kg:duplicateOf``,
    and the ``kg:sourceCount`` of roles and relations with the relations' reifications."""
    quads = store.ox.quads_for_pattern
    found = {q.triple for p in (T["incident"], T["duplicateOf"], T["sourceCount"]) for q in quads(None, p, None, graph)}
    for kind in (T["Incident"], STATEMENT):
        for typed in quads(None, RDF_TYPE, kind, graph):
            found.update(q.triple for q in quads(typed.subject, None, None, graph))
    return found


def update_incidents(
    store: EmbeddedStore,
    added: Iterable[URIRef | str] = (),
    removed: Iterable[URIRef | str] = (),
    rebuild: bool = False,
) -> IncidentUpdate:
    """Bring duplicates, incidents and source counts up to date for documents ``added`` (new or
    changed, already written to the store) and ``removed`` (already dropped from it).

    With ``rebuild`` (after ``kg load``, whose corpus graph may come from elsewhere), or when the
    index is new, the corpus graph's incident layer is made again from every stored document."""
    report = IncidentUpdate()
    previous: dict[str, int] = {}  # the order of storing the index knew, kept through a rebuild
    if rebuild and (store.path / INDEX_FILE).exists():
        old = IncidentIndex(store.path / INDEX_FILE)
        previous = old.storing_order()
        old.close()
        (store.path / INDEX_FILE).unlink()
    index = IncidentIndex(store.path / INDEX_FILE)
    added = list(dict.fromkeys(str(doc) for doc in added))  # in the order they were stored
    removed = {str(doc) for doc in removed} - set(added)
    # Documents stored but not indexed: all of them for a new index (a store built before it existed,
    # or whose index was deleted), and those of a build stopped before this step (Ctrl-C, a crash).
    stored = {row["g"].value for row in _query(store, ALL_DOCUMENTS)}
    graph = ox.NamedNode(str(corpus_graph(store.base)))
    # The store keeps no order of storing (it breaks ties of date between a copy and its original):
    # documents the index knew keep their order, and of the others (a loaded graph) a copy the corpus
    # graph names with kg:duplicateOf comes after the documents it copies.
    unindexed = stored - set(index.documents(stored)) - set(added)
    copies = (
        {q.subject.value for q in store.ox.quads_for_pattern(None, T["duplicateOf"], None, graph)} if unindexed else ()
    )
    added += sorted(unindexed, key=lambda doc: (doc not in previous, previous.get(doc, 0), doc in copies, doc))
    # A new index knows none of what the corpus graph holds (a loaded graph, a deleted index):
    # all of it is replaced, so no stale count survives beside a new one.
    old_triples: set[ox.Triple] = incident_layer(store, graph) if index.created else set()
    new_triples: set[ox.Triple] = set()
    touched_incidents: set[str] = set()
    recheck: set[str] = set()  # documents whose kg:duplicateOf is decided again
    facts: set[str] = set()
    seeds: list[EventInfo] = []

    lost: list[tuple[EventInfo, str | None]] = []  # events forgotten, with the incident each had

    def forget(doc: str) -> None:
        stored_events = {event.iri: event for event in index.events_of(doc)}
        for iri, incident in index.remove_events_of(doc):
            if incident:
                touched_incidents.add(incident)
            if iri in stored_events:
                lost.append((stored_events[iri], incident))
        facts.update(index.remove_facts_of(doc))
        # Only a document that pointed to this one can point elsewhere now: for the others, this one
        # was no candidate or not the earliest, and the earliest of what is left is unchanged.
        recheck.update(index.copies_of(doc))

    for doc in sorted(removed):
        if index.document(doc) is None:
            continue
        forget(doc)
        original = index.document(doc)["duplicate_of"]
        if original:
            old_triples.add(ox.Triple(ox.NamedNode(doc), T["duplicateOf"], ox.NamedNode(original)))
        index.remove_document(doc)
        report.documents_removed += 1
    # Changed documents keep their place in the order of storing; new ones come in input order.
    in_order = sorted(added, key=lambda d: index.document(d)["seq"] if index.document(d) else 1 << 62)
    for doc, read in read_documents(store, in_order, len(stored)):
        if read is None:
            continue
        meta, events, stated = read
        forget(doc)
        signature = duplicates.signature(meta["text"] or "")
        index.put_document(doc, meta["issued"], meta["publisher"], signature, duplicates.band_keys(signature))
        index.put_events(events)
        index.put_facts(doc, stated)
        facts.update(fact for fact, *_ in stated)
        seeds.extend(events)
        recheck.add(doc)
        recheck.update(_later_copies(index, doc))
        report.documents_indexed += 1

    # Near-duplicates: each rechecked document points to the earliest document it nearly copies.
    sources_changed: set[str] = set()
    for doc in sorted(recheck):
        row = index.document(doc)
        if row is None:
            continue
        mine = duplicates.from_bytes(row["signature"])
        earlier = [
            other
            for other in index.documents(index.band_neighbours(doc)).values()
            if _order(other) < _order(row)
            and duplicates.similarity(mine, duplicates.from_bytes(other["signature"]))
            >= duplicates.NEAR_DUPLICATE_THRESHOLD
        ]
        original = min(earlier, key=_order)["doc"] if earlier else None
        if original != row["duplicate_of"]:
            node = ox.NamedNode(doc)
            if row["duplicate_of"]:
                old_triples.add(ox.Triple(node, T["duplicateOf"], ox.NamedNode(row["duplicate_of"])))
            if original:
                new_triples.add(ox.Triple(node, T["duplicateOf"], ox.NamedNode(original)))
            index.set_duplicate_of(doc, original)
            sources_changed.add(doc)
            report.duplicates_changed += 1
        elif doc in added and original:
            new_triples.add(ox.Triple(ox.NamedNode(doc), T["duplicateOf"], ox.NamedNode(original)))
    # Incidents: decide again only what the change can alter (kg.incidents.regroup), then rewrite the
    # incidents whose members changed, and those of documents whose source changed (their counts).
    places = _Places(store)
    if index.created:
        # A new index (a new store's build, a rebuild): every stored event is among those just read and
        # none was grouped before, so regrouping them is grouping them all at once, in memory (what
        # regroup() returns then, without its index lookups; tests/test_incidents_incremental.py).
        clusters = cluster(seeds, places.add(seeds))
        groups, rewritten, decided = {f"new:{group[0].iri}": group for group in clusters}, set(), len(seeds)
    else:
        groups, rewritten, decided = regroup(index, seeds, lost, places.add)
    for doc in sources_changed:
        facts.update(index.facts_of(doc))
        for event in index.events_of(doc):
            if any(event.iri == e.iri for group in groups.values() for e in group):
                continue
            key = index.incident_of(event.iri)
            if key and key not in groups:
                groups[key] = index.members(key)
                rewritten.add(key)
    for incident in sorted(rewritten):
        node = ox.NamedNode(incident)
        old_triples.update(q.triple for q in store.ox.quads_for_pattern(node, None, None, graph))
        old_triples.update(q.triple for q in store.ox.quads_for_pattern(None, T["incident"], node, graph))
    within = places.add(e for group in groups.values() for e in group)
    # Read once per update: the store does not change before the update writes (a place names many
    # incidents), and each document's independent source is fixed once duplicates are decided.
    names = functools.cache(functools.partial(_name, store))
    source = functools.cache(functools.partial(_source, index))

    assignments: list[tuple[str, str]] = []  # (event, its incident)
    for _, group in sorted(groups.items()):
        if not group:
            continue  # every event it had is gone or went elsewhere
        incident = ox.NamedNode(str(mint("incident", min(e.iri for e in group), store.base, casefold=False)))
        docs = {e.doc for e in group}
        new_triples |= {
            ox.Triple(incident, RDF_TYPE, T["Incident"]),
            ox.Triple(incident, LABEL, ox.Literal(incident_label(store, group, within, names))),
            ox.Triple(incident, T["documentCount"], _integer(len(docs))),
            ox.Triple(incident, T["sourceCount"], _integer(len({source(d) for d in docs}))),
        }
        new_triples |= {ox.Triple(ox.NamedNode(e.iri), T["incident"], incident) for e in group}
        assignments += [(e.iri, incident.value) for e in group]
        report.incidents_written += 1
    index.set_incidents(assignments)
    report.incidents_removed = len(rewritten)
    report.events_regrouped = decided

    # Corroboration: how many independent sources state each touched role and relation.
    for fact in sorted(facts):
        node = ox.NamedNode(fact)
        # In the corpus graph a role node has only its count, a relation's reification only what is
        # written here (the documents' own reifications are other nodes, in their graphs).
        old_triples.update(q.triple for q in store.ox.quads_for_pattern(node, None, None, graph))
        docs, (s, p, o) = index.fact(fact)
        if s is not None and docs:
            reified = [
                (RDF_TYPE, STATEMENT),
                (SUBJECT, ox.NamedNode(s)),
                (PREDICATE, ox.NamedNode(p)),
                (OBJECT, ox.NamedNode(o)),
            ]
            new_triples.update(ox.Triple(node, pred, value) for pred, value in reified)
        if docs:
            new_triples.add(ox.Triple(node, T["sourceCount"], _integer(len({source(d) for d in docs}))))
        report.facts_counted += 1

    change_triples(store, graph, old_triples - new_triples, new_triples - old_triples)
    index.commit()
    index.close()
    return report


__all__ = [
    "IncidentUpdate",
    "incident_layer",
    "update_incidents",
    "incident_label",
    "read_document",
    "read_documents",
    "read_events",
]
