"""The project's gold json files: a gold event is found when an event of its class has a trigger
containing the gold trigger's words (or contained in them), and its agent is right when every
gold agent is among the found event's agents (names or aliases).
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.evaluate.events.common import EventScores
from kg.evaluate.records import GoldDocument
from kg.model import DocExtraction, Event


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
    with it (``correct``: found, and its agent right or none given)."""
    result = EventScores()
    gold_total = found = correct = 0
    for gold, extraction in pairs:
        for gold_event in gold.raw.get("events", []):
            gold_total += 1
            words = gold_event["trigger"].lower()
            candidates = [
                e
                for e in extraction.events
                if e.type == gold_event["type"]
                and any(words in t.text.lower() or t.text.lower() in words for t in e.triggers)
            ]
            if not candidates:
                continue
            found += 1
            agents = {a.lower() for a in gold_event.get("agent", [])}
            correct += any(agents <= _names(extraction, e, "agent") for e in candidates)
        result.add("events", correct, sum(len(x.events) for x in [extraction]) - correct, 0)
    result.scores["events"].fn = gold_total - correct
    result.notes.update(gold_events=gold_total, found=found, correct=correct)
    return result
