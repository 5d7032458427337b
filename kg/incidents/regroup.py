"""Regroup incidents after a change, redoing only the decisions the change can alter.

:func:`kg.incidents.grouping.cluster` takes events in a fixed order; each joins the group with the
most links among the groups it is compatible with (the earliest founded on a tie), or founds one.
An event's decision depends only on the groups holding an event linked to it, as they stand when
its turn comes. The index keeps the outcome of that run over the stored events (each event's
incident). After events are added and removed, the run over the new set of events makes the same
decision as before for every event whose linked groups hold, up to its turn, the same members as
before; so only these events are decided again, in the run's order:

- the added events;
- every later event linked to a member (before or after the change) of a group whose members
  changed: a group that gained or lost an event, and so on as decisions change in turn.

A group keeps the key it had (the stored incident) while its founder founds it again; a group
founded by an event that joined another before gets a new key. The groups whose members changed
are returned, with their members after the change: their incidents are written again (an
incident is named by its first event's IRI, so a group that kept its members keeps its IRI).
The result is the grouping of all events at once (tests/test_incidents_incremental.py).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from kg.incidents.grouping import DAY_WINDOW, UNDATED_WINDOW, EventInfo, _order, compatible, evidenced, linked
from kg.incidents.index import IncidentIndex


def regroup(
    index: IncidentIndex,
    added: Iterable[EventInfo],
    lost: Iterable[tuple[EventInfo, str | None]],
    places: Callable[[Iterable[EventInfo]], Mapping[str, set[str]]],
) -> tuple[dict[str, list[EventInfo]], set[str], int]:
    """(members of each group whose members changed, by key; the stored incidents among those keys;
    the number of events decided again). ``added``: events already in ``index`` (no incident yet);
    ``lost``: events removed from it, each with the incident it had; ``places``: the places each
    place of the given events lies in (read as needed)."""
    gone: dict[str, list[EventInfo]] = defaultdict(list)  # stored incident -> its events removed
    for event, incident in lost:
        if incident:
            gone[incident].append(event)
    assigned: dict[str, str] = {}  # event -> group key, for the events decided again
    joined: dict[str, list[EventInfo]] = defaultdict(list)  # group key -> the events decided into it
    stored_members: dict[str, list[EventInfo]] = {}
    near_cache: dict[str, list[EventInfo]] = {}
    # A document's events, read once (regrouping reads the index, never writes it): every event of
    # a document asked for them again, one query each.
    of_document: dict[str, list[EventInfo]] = {}

    def stored(key: str) -> list[EventInfo]:
        if key not in stored_members:
            stored_members[key] = index.members(key) if not key.startswith("new:") else []
        return stored_members[key]

    def members(key: str) -> list[EventInfo]:
        """The group's members now: stored members not decided elsewhere, and those decided into it."""
        return [e for e in stored(key) if e.iri not in assigned] + joined[key]

    def key_of(event: EventInfo) -> str | None:
        return assigned.get(event.iri) or index.incident_of(event.iri)

    def near(event: EventInfo) -> list[EventInfo]:
        """Every stored event that could be linked to ``event`` (near in time, or of its document)."""
        if event.iri not in near_cache:
            found = {e.iri: e for e in index.near_in_time(event, max(DAY_WINDOW, UNDATED_WINDOW))}
            if event.doc not in of_document:
                of_document[event.doc] = index.events_of(event.doc)
            found.update((e.iri, e) for e in of_document[event.doc])
            found.pop(event.iri, None)
            near_cache[event.iri] = list(found.values())
        return near_cache[event.iri]

    queue: list[tuple[tuple, str]] = []
    pending: dict[str, EventInfo] = {}
    done: set[str] = set()

    def push(event: EventInfo) -> None:
        if event.iri not in done and event.iri not in pending:
            pending[event.iri] = event
            heapq.heappush(queue, (_order(event), event.iri))

    def changed(key: str, at: EventInfo) -> None:
        """Group ``key`` changed at ``at``'s turn: every later event linked to a member, past or
        present, is decided again."""
        touched.add(key)
        after = _order(at)
        for member in [*stored(key), *gone.get(key, ()), *joined[key], at]:
            neighbours = near(member)
            within = places([member, *neighbours])  # (what later decisions see of places, as before)
            for other in neighbours:
                # An event decided or waiting already cannot be pushed: no link to test (in a new
                # store's build every event waits from the start).
                if other.iri in done or other.iri in pending:
                    continue
                if _order(other) > after and linked(member, other, within):
                    push(other)

    touched: set[str] = set()
    for event in added:
        push(event)
    for key, events in gone.items():
        for event in events:
            changed(key, event)
    decided = 0
    while queue:
        order, iri = heapq.heappop(queue)
        event = pending.pop(iri)
        done.add(iri)
        decided += 1
        before = [e for e in near(event) if _order(e) < order]
        within = places([event, *before])
        candidates = {key_of(e) for e in before if linked(event, e, within)} - {None}
        best, best_rank = None, None
        for key in candidates:
            so_far = [m for m in members(key) if _order(m) < order]
            if not so_far or not all(compatible(event, m, within) for m in so_far):
                continue
            links = sum(evidenced(event, m, within) for m in so_far)  # linked: all are compatible
            rank = (-links, min(_order(m) for m in so_far))  # most links, then the earliest founded
            if links and (best_rank is None or rank < best_rank):
                best, best_rank = key, rank
        previous = index.incident_of(event.iri)
        if best is None:
            # Founds a group: the one it founded before, if it did, else a new one.
            founded = previous and min(_order(m) for m in [*stored(previous), *gone.get(previous, ())]) == order
            best = previous if founded else f"new:{event.iri}"
        if best != previous:
            if previous:
                changed(previous, event)
        assigned[event.iri] = best
        joined[best].append(event)
        if best != previous:
            changed(best, event)
    groups = {key: members(key) for key in touched}
    return groups, {key for key in touched if not key.startswith("new:")}, decided
