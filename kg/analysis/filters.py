"""What an analysis or a view keeps: entity types, event classes, a time window, least support.

See :mod:`kg.analysis.projection` for their exact meaning on the projected graphs.

>>> make_filters(types=["person"], until="2025-03").until
datetime.date(2025, 3, 31)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kg.analysis.read import ENTITY_CLASSES, Event, GraphData, event_subclasses, parse_date


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
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
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
