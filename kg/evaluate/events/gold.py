"""The project's gold json files: events by class and trigger, their arguments by role.

A gold event is found by a predicted event of its class whose trigger overlaps one of the gold
event's mentions (``trigger``, and ``also``: other words naming the same happening). A mention
with a ``sentence`` (the n-th line of the text, from 1) is located there, so a "said" matches
only the "said" of its own sentence; one without is matched by words alone (the trigger's words
contain the predicted trigger's, or the other way round). Gold and predicted events are paired
one to one, in gold order: a second predicted event for the same happening is a false positive
(``duplicates`` in the notes).

Scored in three views side by side (none filters the graph): ``events`` all predictions against
all gold events; ``no_statements`` the classes other than kg:Statement on both sides (a claim of
responsibility stays: the gold files name claims); ``statements`` kg:Statement alone (a gold
file that lists no statements leaves every predicted statement a false positive, so that
precision is a lower bound or, with no gold statement, not measured).

Arguments (tables ``arguments`` and ``arguments_no_statements``, by role) are scored end to end:
a gold argument is right when the predicted event paired with its event has an argument of the
same role naming it (the argument's words, or its entity's name or aliases, equal to the gold
words, or the same head word); the arguments of a missed gold event are missed, those of an
unpaired predicted event are false. The notes keep the seed file's counts: ``found`` (class and
trigger) and ``correct`` (found, with every gold agent among the event's agents).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.evaluate.events.common import EventScores, head_word
from kg.evaluate.records import GoldDocument
from kg.model import Argument, DocExtraction, Event

VIEWS: dict[str, Callable[[str], bool]] = {
    "events": lambda event_class: True,
    "no_statements": lambda event_class: event_class != "Statement",
    "statements": lambda event_class: event_class == "Statement",
}
ROLES = ("agent", "target", "victim", "participant", "place")
ARGUMENT_TABLES = {"arguments": "events", "arguments_no_statements": "no_statements"}
Mentions = list[tuple[str, tuple[int, int] | None]]  # words, and their character span when located


def _names(extraction: DocExtraction, event: Event, role: str) -> set[str]:
    by_key = {e.key: e for e in extraction.entities}
    names: set[str] = set()
    for arg in event.arguments:
        if arg.role == role:
            names |= _argument_names(arg, by_key)
    return names


def _argument_names(arg: Argument, by_key: dict) -> set[str]:
    """The lower-cased words an argument goes by: its own, its entity's name and aliases."""
    names = {" ".join(arg.span.text.lower().split())}
    entity = by_key.get(arg.entity) if arg.entity else None
    if entity is not None:
        names |= {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    return names


def _names_match(gold_words: str, names: set[str]) -> bool:
    """Whether gold argument words name the same thing as a predicted argument: equal words, the
    same head word ("Boris Yeltsin", "President Boris Yeltsin"), or the one's words a whole-word
    part of the other's ("35" of "35 people", "people" of "tens of thousands of people")."""
    words = " ".join(gold_words.lower().split())
    if words in names:
        return True
    head = head_word(words)
    for name in names:
        if head and head_word(name) == head:
            return True
        shorter, longer = sorted((words, name), key=len)
        if shorter and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer):
            return True
    return False


def _mentions(text: str, gold_event: dict) -> Mentions:
    """The gold event's mentions: words, and where they lie when a sentence is given."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found = []
    for mention in [gold_event, *gold_event.get("also", [])]:
        words = mention["trigger"].lower()
        number = mention.get("sentence")
        if number is None:
            found.append((words, None))
            continue
        if not 1 <= number <= len(lines):
            raise ValueError(f"sentence {number} is not in the document ({len(lines)} lines)")
        line = lines[number - 1].lower()
        hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", line)]
        if not hits:
            raise ValueError(f"trigger {mention['trigger']!r} is not in sentence {number}")
        found.extend((words, (starts[number - 1] + h, starts[number - 1] + h + len(words))) for h in hits)
    return found


def _triggered(event: Event, mentions: Mentions) -> bool:
    for trigger in event.triggers:
        said = trigger.text.lower()
        for words, where in mentions:
            if where is None and (words in said or said in words):
                return True
            if where is not None and trigger.start < where[1] and where[0] < trigger.end:
                return True
    return False


def gold_events_named(gold: GoldDocument, event: Event, any_class: bool = False) -> list[dict]:
    """The gold events whose mentions the predicted event's triggers overlap: of its class, or of
    any class."""
    return [
        g
        for g in gold.raw.get("events", [])
        if (any_class or g["type"] == event.type) and _triggered(event, _mentions(gold.text, g))
    ]


def _right_arguments(gold_event: dict, event: Event, by_key: dict) -> int:
    return sum(len(match_arguments(gold_event, event, role, by_key)[0]) for role in ROLES)


def pair_events(gold: GoldDocument, extraction: DocExtraction) -> tuple[list[tuple[dict, Event | None]], int]:
    """Each gold event with the predicted event paired to it (or None), one to one: of the
    predicted events of its class and trigger still free, the one with the most of its arguments
    right, the first on a tie. Also how many unpaired predicted events would have matched a found
    gold event (duplicates)."""
    by_key = {e.key: e for e in extraction.entities}
    taken: set[int] = set()
    pairs, found = [], []
    for gold_event in gold.raw.get("events", []):
        mentions = _mentions(gold.text, gold_event)
        candidates = [
            i
            for i, e in enumerate(extraction.events)
            if e.type == gold_event["type"] and i not in taken and _triggered(e, mentions)
        ]
        best = max(
            candidates, key=lambda i: (_right_arguments(gold_event, extraction.events[i], by_key), -i), default=None
        )
        if best is not None:
            taken.add(best)
            found.append((gold_event["type"], mentions))
        pairs.append((gold_event, extraction.events[best] if best is not None else None))
    duplicates = sum(
        1
        for i, event in enumerate(extraction.events)
        if i not in taken and any(kind == event.type and _triggered(event, m) for kind, m in found)
    )
    return pairs, duplicates


def score_gold(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Events (class and trigger) and their arguments (by role), per view; see the module."""
    result = EventScores()
    totals = {view: [0, 0, 0] for view in VIEWS}  # gold events, found, correct (agents right too)
    duplicates = 0
    for gold, extraction in pairs:
        paired, doubled = pair_events(gold, extraction)
        duplicates += doubled
        by_key = {e.key: e for e in extraction.entities}
        for view, keep in VIEWS.items():
            kept = [(g, e) for g, e in paired if keep(g["type"])]
            found = sum(e is not None for _, e in kept)
            correct = sum(
                e is not None and {a.lower() for a in g.get("agent", [])} <= _names(extraction, e, "agent")
                for g, e in kept
            )
            counts = totals[view]
            counts[0], counts[1], counts[2] = counts[0] + len(kept), counts[1] + found, counts[2] + correct
            predicted = sum(1 for e in extraction.events if keep(e.type))
            result.add(view, found, predicted - found, len(kept) - found)
        for table, view in ARGUMENT_TABLES.items():
            _score_arguments(result, table, paired, extraction, VIEWS[view], by_key)
    for view, (gold_total, found, correct) in totals.items():
        prefix = "" if view == "events" else f"{view}_"
        result.notes.update({f"{prefix}gold_events": gold_total, f"{prefix}found": found, f"{prefix}correct": correct})
    result.notes["duplicates"] = duplicates
    if not totals["statements"][0]:
        result.notes["statements"] = "the gold lists no statements, so their precision is not measured here"
    return result


def match_arguments(gold_event: dict, event: Event | None, role: str, by_key: dict) -> tuple[list, list, list]:
    """One role of a gold event against its paired predicted event (``{}`` or None for either side
    unpaired): the gold words found, the gold words missed, and the predicted arguments left over."""
    predicted = [a for a in (event.arguments if event else []) if a.role == role]
    right, missed = [], []
    for words in gold_event.get(role, []):
        hit = next((i for i, a in enumerate(predicted) if _names_match(words, _argument_names(a, by_key))), None)
        if hit is None:
            missed.append(words)
        else:
            right.append(words)
            predicted.pop(hit)
    return right, missed, predicted


def _score_arguments(
    result: EventScores,
    table: str,
    paired: list[tuple[dict, Event | None]],
    extraction: DocExtraction,
    keep: Callable[[str], bool],
    by_key: dict,
) -> None:
    """Add one document's argument counts, by role and over all roles, to ``table``."""
    matched = {id(e) for _, e in paired if e is not None}
    work = [(g, e) for g, e in paired if keep(g["type"])]
    work += [({}, e) for e in extraction.events if id(e) not in matched and keep(e.type)]
    result.add(f"{table}/ALL", 0, 0, 0)  # the total first, then the roles
    for role in ROLES:
        tp = fp = fn = 0
        for gold_event, event in work:
            right, missed, false = match_arguments(gold_event, event, role, by_key)
            tp, fp, fn = tp + len(right), fp + len(false), fn + len(missed)
        result.add(f"{table}/{role}", tp, fp, fn)
        result.add(f"{table}/ALL", tp, fp, fn)
