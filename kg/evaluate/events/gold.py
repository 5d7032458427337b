"""The project's gold json files: a gold event is found when an event of its class has a trigger
containing the gold trigger's words (or contained in them), and its agent is right when every
gold agent is among the found event's agents (names or aliases).

Scored in three views side by side (none filters the graph): ``events`` (table ``events``) all
predictions against all gold events; ``no_statements`` the classes other than kg:Statement on
both sides (a claim of responsibility stays: the gold files name claims); ``statements``
kg:Statement alone (a gold file that lists no statements leaves every predicted statement a
false positive, so that precision is a lower bound or, with no gold statement, not measured).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.evaluate.events.common import EventScores
from kg.evaluate.records import GoldDocument
from kg.model import DocExtraction, Event

VIEWS: dict[str, Callable[[str], bool]] = {
    "events": lambda event_class: True,
    "no_statements": lambda event_class: event_class != "Statement",
    "statements": lambda event_class: event_class == "Statement",
}


def _names(extraction: DocExtraction, event: Event, role: str) -> set[str]:
    by_key = {e.key: e for e in extraction.entities}
    names: set[str] = set()
    for arg in event.arguments:
        if arg.role != role:
            continue
        names.add(arg.span.text.lower())
        entity = by_key.get(arg.entity) if arg.entity else None
        if entity is not None:
            names |= {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    return names


def score_gold(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Gold events found with the right class (``found``) and, where the gold names an agent,
    with it (``correct``: found, and its agent right or none given), per view."""
    result = EventScores()
    totals = {view: [0, 0, 0] for view in VIEWS}  # gold events, found, correct
    for gold, extraction in pairs:
        for view, keep in VIEWS.items():
            counts = totals[view]
            correct_here = 0
            for gold_event in gold.raw.get("events", []):
                if not keep(gold_event["type"]):
                    continue
                counts[0] += 1
                found, correct = _find(extraction, gold_event)
                counts[1] += found
                correct_here += correct
            counts[2] += correct_here
            predicted = sum(1 for e in extraction.events if keep(e.type))
            result.add(view, correct_here, predicted - correct_here, 0)
    for view, (gold_total, found, correct) in totals.items():
        result.scores[view].fn = gold_total - correct
        prefix = "" if view == "events" else f"{view}_"
        result.notes.update({f"{prefix}gold_events": gold_total, f"{prefix}found": found, f"{prefix}correct": correct})
    if not totals["statements"][0]:
        result.notes["statements"] = "the gold lists no statements, so their precision is not measured here"
    return result


def _find(extraction: DocExtraction, gold_event: dict) -> tuple[bool, bool]:
    """Whether a gold event is found with its class, and whether with its agents too."""
    words = gold_event["trigger"].lower()
    candidates = [
        e
        for e in extraction.events
        if e.type == gold_event["type"] and any(words in t.text.lower() or t.text.lower() in words for t in e.triggers)
    ]
    if not candidates:
        return False, False
    agents = {a.lower() for a in gold_event.get("agent", [])}
    return True, any(agents <= _names(extraction, e, "agent") for e in candidates)
