"""Which per-document events report one happening: the rules, on plain records.

Two events can report one happening when their classes are of one family (an attack
with the killings and injuries it caused; a kidnapping; a meeting ...), their times are
compatible (the same day, give or take :data:`DAY_WINDOW`, or a vague time containing the
other), their places are the same or one lies inside the other (city in province in
country), and their arguments do not conflict (two named agents, or two sets of named
victims, with nobody in common). Events of two documents are *linked* only when one of
them also gives positive evidence: a compatible place named by both, or an entity named
by both. An event without any time (no date of its own and none for its document), or a
background mention of an earlier happening ("a similar bombing ...") without a date of its
own, joins no other document's events.

Grouping is complete-linkage: an event joins an incident only when it is compatible with
every event already in it, so a vague report cannot bridge two distinct happenings; and it
is a function of the set of events alone (they are taken in a fixed order), so adding
documents one build at a time gives the incidents of one build of them all.

>>> a = EventInfo("e1", "d1", "Bombing", start=739324, end=739324, precision="day", places=("baidoa",))
>>> b = EventInfo("e2", "d2", "Killing", start=739324, end=739324, precision="day", places=("somalia",))
>>> c = EventInfo("e3", "d3", "Bombing", start=739324, end=739324, precision="day", places=("kismayo",))
>>> within = {"baidoa": {"somalia"}, "kismayo": {"somalia"}}
>>> linked(a, b, within), linked(a, c, within)
(True, False)
>>> [[e.iri for e in group] for group in cluster([c, b, a], within)]
[['e1', 'e2'], ['e3']]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

DAY_WINDOW = 1  # days: reports of one happening may date it a day apart (time zones, late reports)
UNDATED_WINDOW = 2  # days before its document's date an event with no date of its own may lie
YEAR_DAYS = 366  # the longest time interval an event has (xsd:gYear)
PRECISION_ORDER = {"day": 0, "month": 1, "year": 2, "document": 3, None: 4}


@cache
def lexicon() -> dict:
    return json.loads(files("kg.incidents").joinpath("lexicons/incidents.json").read_text(encoding="utf-8"))


@cache
def family_of(event_class: str) -> str:
    """The family of an event class (a class in no family is a family of its own)."""
    for family, classes in lexicon()["families"].items():
        if event_class in classes:
            return family
    return event_class


def conflicting_roles(family: str) -> list[list[str]]:
    roles = lexicon()["conflicting_roles"]
    return roles.get(family, roles["default"])


def is_background(sentence: str) -> bool:
    """Does the sentence tell of an earlier happening ("a similar attack last year")?"""
    text = sentence.casefold()
    return any(cue in text for cue in lexicon()["background_cues"])


@dataclass(frozen=True)
class EventInfo:
    """What grouping needs of one event: times are proleptic ordinal days (``date.toordinal()``)."""

    iri: str
    doc: str
    event_class: str
    start: int | None = None
    end: int | None = None
    precision: str | None = None  # day | month | year | document (its document's date) | None
    places: tuple[str, ...] = ()
    arguments: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> entity IRIs
    modality: str | None = None

    @property
    def family(self) -> str:
        return family_of(self.event_class)

    def to_json(self) -> str:
        # The fields as they are (asdict's deep copy, 4x dearer, gave the same text: tuples become lists).
        return json.dumps(vars(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> EventInfo:
        data = json.loads(text)
        data["places"] = tuple(data["places"])
        data["arguments"] = {role: tuple(values) for role, values in data["arguments"].items()}
        return cls(**data)

    def entities(self) -> set[str]:
        return {value for values in self.arguments.values() for value in values}


def _related(p: str, q: str, within: Mapping[str, set[str]]) -> bool:
    return p == q or p in within.get(q, ()) or q in within.get(p, ())


def times_compatible(a: EventInfo, b: EventInfo) -> bool:
    """Same day (give or take DAY_WINDOW), or overlapping intervals when one is vague."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return a.doc == b.doc  # an undated event is told apart from other documents' events
    window = DAY_WINDOW if "document" in (a.precision, b.precision) or a.precision == b.precision == "day" else 0
    return a.start <= b.end + window and b.start <= a.end + window


def compatible(a: EventInfo, b: EventInfo, within: Mapping[str, set[str]]) -> bool:
    """Could ``a`` and ``b`` report one happening (nothing about them conflicts)?"""
    if a.family != b.family or a.modality != b.modality or not times_compatible(a, b):
        return False
    if a.places and b.places and not any(_related(p, q, within) for p in a.places for q in b.places):
        return False
    for roles in conflicting_roles(a.family):
        mine = {v for role in roles for v in a.arguments.get(role, ())}
        if not mine:
            continue  # nothing of mine to conflict with (most events name few arguments)
        theirs = {v for role in roles for v in b.arguments.get(role, ())}
        if theirs and not mine & theirs:
            return False
    return True


def linked(a: EventInfo, b: EventInfo, within: Mapping[str, set[str]]) -> bool:
    """Compatible, and of one document or with positive evidence (a shared place or entity)."""
    return compatible(a, b, within) and evidenced(a, b, within)


def evidenced(a: EventInfo, b: EventInfo, within: Mapping[str, set[str]]) -> bool:
    """Of one document, or with positive evidence (a shared place or entity): :func:`linked` of two
    events known to be compatible."""
    if a.doc == b.doc:
        return True
    shared_place = any(_related(p, q, within) for p in a.places for q in b.places)
    return shared_place or bool(a.entities() & b.entities())


def _order(event: EventInfo) -> tuple:
    # Precise reports first, so vague ones join an incident a precise one has founded.
    return (PRECISION_ORDER[event.precision], event.start if event.start is not None else 0, event.doc, event.iri)


def _reach(event: EventInfo) -> list[tuple]:
    """Keys under which an event is found by every event it could be linked to: its document (an
    undated event links within its document only) and each day of its time interval."""
    keys: list[tuple] = [("doc", event.doc)]
    if event.start is not None and event.end is not None:
        family = event.family  # (once: a year-long event has 366 keys)
        keys += [("day", family, day) for day in range(event.start, event.end + 1)]
    return keys


def _candidate_keys(event: EventInfo) -> list[tuple]:
    """Keys of the events ``event`` could be linked to: its document, and the days its time
    interval reaches with the widest window (``DAY_WINDOW``)."""
    keys: list[tuple] = [("doc", event.doc)]
    if event.start is not None and event.end is not None:
        family = event.family
        keys += [("day", family, day) for day in range(event.start - DAY_WINDOW, event.end + DAY_WINDOW + 1)]
    return keys


def cluster(events: Iterable[EventInfo], within: Mapping[str, set[str]]) -> list[list[EventInfo]]:
    """Group events into incidents (complete linkage, a fixed order: see the module's text).

    An event joins the group with the most links among those it is compatible with, the earliest
    founded on a tie, and founds a group when none is linked to it. A group without any member
    linked to the event can never be chosen, so only the groups of events near it in time (or of
    its document) are looked at: the same groups as trying every group, at the cost of a few."""
    groups: list[list[EventInfo]] = []
    found: dict[tuple, set[int]] = {}  # key (_reach) -> numbers of the groups holding an event under it
    for event in sorted(events, key=_order):
        candidates = set().union(*(found.get(key, ()) for key in _candidate_keys(event)))
        best, best_links = None, 0
        for number in sorted(candidates):  # in the order the groups were founded
            group = groups[number]
            if not all(compatible(event, member, within) for member in group):
                continue
            links = sum(evidenced(event, member, within) for member in group)  # linked: all are compatible
            if links > best_links:
                best, best_links = number, links
        if best is None:
            best = len(groups)
            groups.append([])
        groups[best].append(event)
        for key in _reach(event):
            found.setdefault(key, set()).add(best)
    return sorted(groups, key=lambda group: min(e.iri for e in group))


@cache
def _label_ranks() -> dict[str, int]:
    return {name: rank for rank, name in enumerate(lexicon()["label_class_order"])}


def label_class(classes: Iterable[str]) -> str:
    """The class that names an incident: the first of ``label_class_order`` among its events."""
    order = _label_ranks()
    return min(classes, key=lambda name: (order.get(name, len(order)), name))
