"""``kg explain --incident``: why the events of an incident were joined, read back from the graph.

For an incident found by its IRI or (part of) its label, the explanation lists its documents
and publishers (a near-duplicate copy with its estimated similarity to the original, and the
threshold it passed: it is no independent source), then each event in the order grouping takes
them, with the rules that join it to the report it matches best: the class family, the time
(same day, a day apart, a vague time containing the other, an undated report of its document's
last days), the place (the same, or one inside the other) and the entities both name. The
rules are those of :mod:`kg.incidents.grouping`, applied again to what the graph states, so it
works on a store directory, an RDF file or a copy of an endpoint.

>>> explain_incidents(ox.Store(), "nothing")
[]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

import pyoxigraph as ox

from kg.incidents import duplicates
from kg.incidents.corpus import _name, _Places, _query, read_events
from kg.incidents.grouping import DAY_WINDOW, EventInfo, _order, _related, compatible, linked
from kg.rdf.sparql import sparql_text

FIND = sparql_text(__package__, "queries/incident-find.rq")
MEMBERS = sparql_text(__package__, "queries/incident-members.rq")


@dataclass
class JoinedEvent:
    """One event of the incident and the rules that join it to another of its events."""

    event: str
    document: str
    event_class: str
    time: str
    places: list[str]
    joined_with: str | None = None  # the event it is joined to (None: the event that founds the incident)
    reasons: list[str] = field(default_factory=list)


@dataclass
class IncidentExplanation:
    iri: str
    label: str
    document_count: int | None
    source_count: int | None
    publishers: dict[str, str | None] = field(default_factory=dict)  # document -> publisher
    copies: list[dict] = field(default_factory=list)  # {document, original, similarity, threshold}
    events: list[JoinedEvent] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [
            f"{self.label}  <{self.iri}>",
            f"  documents: {self.document_count}, independent sources: {self.source_count}",
        ]
        for doc, publisher in self.publishers.items():
            out.append(f"  document <{doc}>: publisher {publisher or '(none: a source of its own)'}")
        for copy in self.copies:
            out.append(
                f"  <{copy['document']}> nearly copies <{copy['original']}> (similarity {copy['similarity']:.2f}"
                f" >= {copy['threshold']}): counted as the original's source, not an independent one"
            )
        for event in self.events:
            where = f" in {', '.join(event.places)}" if event.places else ""
            out.append(f"  {event.event_class}{where}, {event.time}  <{event.event}>  (from <{event.document}>)")
            if event.joined_with is None:
                out.append("    founds the incident (the most precise report comes first)")
            else:
                out.append(f"    joined with <{event.joined_with}>:")
            out.extend(f"      - {reason}" for reason in event.reasons)
        return out


def _day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def time_text(event: EventInfo) -> str:
    """An event's time as grouping sees it."""
    if event.start is None or event.end is None:
        return "no time"
    if event.precision == "day":
        return _day(event.start)
    if event.precision == "month":
        return _day(event.start)[:7]
    if event.precision == "year":
        return _day(event.start)[:4]
    return f"no date of its own: its document's last days, {_day(event.start)} to {_day(event.end)}"


def _time_reason(a: EventInfo, b: EventInfo) -> str:
    if a.precision == b.precision == "day":
        gap = abs(a.start - b.start)
        if gap == 0:
            return f"same day, {_day(a.start)}"
        return f"{gap} day apart ({_day(a.start)}, {_day(b.start)}): within the window of {DAY_WINDOW} day"
    return f"compatible times: {time_text(a)} and {time_text(b)} overlap"


def reasons(a: EventInfo, b: EventInfo, within: dict[str, set[str]], name) -> list[str]:
    """The rules that hold between ``a`` and ``b`` (``name`` turns an IRI into a name)."""
    if a.event_class == b.event_class:
        out = [f"same class, {a.event_class}"]
    else:
        out = [f"{a.event_class} and {b.event_class} are of one family ({a.family})"]
    if a.doc == b.doc:
        out.append("told in the same document")
    out.append(_time_reason(a, b))
    pairs = [(p, q) for p in a.places for q in b.places if _related(p, q, within)]
    for p, q in pairs[:3]:
        if p == q:
            out.append(f"same place, {name(p)}")
        elif p in within.get(q, ()):
            out.append(f"place: {name(q)} lies in {name(p)}")
        else:
            out.append(f"place: {name(p)} lies in {name(q)}")
    if not pairs and not (a.places and b.places):
        out.append("place: not given by both (no conflict)")
    shared = sorted(a.entities() & b.entities())
    if shared:
        roles = {
            entity: sorted({role for ev in (a, b) for role, values in ev.arguments.items() if entity in values})
            for entity in shared
        }
        out.append("both name " + ", ".join(f"{name(e)} ({'/'.join(roles[e])})" for e in shared))
    if a.modality:
        out.append(f"same modality, {a.modality.rsplit('#', 1)[-1]}")
    return out


def explain_incidents(store: ox.Store, name: str) -> list[IncidentExplanation]:
    """The incidents whose IRI is ``name`` or whose label contains it, each with why its events were joined."""
    found = []
    for row in _query(store, FIND, union=True, name=ox.Literal(name.strip())):
        found.append(
            IncidentExplanation(
                iri=row["i"].value,
                label=row["label"].value,
                document_count=int(row["documents"].value) if row["documents"] is not None else None,
                source_count=int(row["sources"].value) if row["sources"] is not None else None,
            )
        )
    places = _Places(store)
    names: dict[str, str] = {}

    def named(iri: str) -> str:
        if iri not in names:
            names[iri] = _name(store, iri)
        return names[iri]

    for explanation in found:
        members: dict[str, str] = {}
        originals: dict[str, str] = {}
        for row in _query(store, MEMBERS, union=True, i=ox.NamedNode(explanation.iri)):
            members[row["e"].value] = row["doc"].value
            if row["original"] is not None:
                originals[row["doc"].value] = row["original"].value
        events: list[EventInfo] = []
        texts: dict[str, str] = {}
        for doc in sorted(set(members.values()) | set(originals.values())):
            read = read_events(store, doc)
            if read is None:
                continue
            meta, told = read
            texts[doc] = meta["text"] or ""
            if doc in members.values():
                explanation.publishers[doc] = meta["publisher"]
                events.extend(e for e in told if e.iri in members)
        for doc, original in sorted(originals.items()):
            if doc in texts and original in texts:
                score = duplicates.similarity(duplicates.signature(texts[doc]), duplicates.signature(texts[original]))
                explanation.copies.append(
                    {
                        "document": doc,
                        "original": original,
                        "similarity": round(score, 3),
                        "threshold": duplicates.NEAR_DUPLICATE_THRESHOLD,
                    }
                )
        within = places.add(events)
        ordered = sorted(events, key=_order)
        for position, event in enumerate(ordered):
            joined = JoinedEvent(
                event.iri, event.doc, event.event_class, time_text(event), [named(p) for p in event.places]
            )
            earlier = [other for other in ordered[:position] if compatible(event, other, within)]
            if earlier:
                # The report it matches best: another document's, with positive evidence, sharing the most.
                best = max(
                    earlier,
                    key=lambda o: (
                        o.doc != event.doc and linked(event, o, within),
                        linked(event, o, within),
                        len(event.entities() & o.entities()),
                    ),
                )
                joined.joined_with = best.iri
                joined.reasons = reasons(event, best, within, named)
            explanation.events.append(joined)
    return found


__all__ = ["IncidentExplanation", "JoinedEvent", "explain_incidents", "reasons", "time_text"]
