"""MUC-4 (per document): the set of incident types (attack, bombing, kidnapping) the document's
incident events evidence (:func:`incident_events`: asserted, naming who, not a military action
nor a war's toll; a killing or injury caused by a told attack counts as that attack), against its
templates' types (a document without a template is a negative); role fillers PerpOrg→agent,
Target→target, Victim→victim by head noun, pooled per document and role (any mention of a gold
filler counts once).

The incident filters are MUC-4's reading, not the graph's: the tables ``graph.incident_type``
give the graph's own answer (:func:`graph_incident_types`: every asserted event of a mapped
class, a killing or injury caused by a told attack counted as that attack, an attack told as part
of a battle counted as that battle) beside the filtered ``incident_type``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.evaluate.events.common import EventScores, head_word, mappings, matched
from kg.evaluate.records import GoldDocument
from kg.model import DocExtraction, Document, Event


def incident_events(extraction: DocExtraction) -> list[Event]:
    """The events a document tells as incidents in MUC-4's sense (``muc4.incident`` in the data
    file): asserted, of a class mapped to an incident type, naming one of the roles its class
    needs ("more deaths" names nobody), not done by armed forces alone (a military action),
    not a killing of combatants only (a casualty of combat), not the toll of a war or a
    period (more victims than ``max_victims``), and not dated before the article's year.

    >>> from kg.model import Argument, Span
    >>> def event(kind, *args):
    ...     return Event(kind, [Span(0, 1, "x")], Span(0, 1, "x"), [Argument(r, Span(0, 1, w)) for r, w in args])
    >>> extraction = DocExtraction(Document.from_text("x"), "m", events=[
    ...     event("Attack", ("agent", "rebels")), event("Attack", ("agent", "the army")),
    ...     event("Killing"), event("Killing", ("victim", "13,000 people")), event("Meeting", ("agent", "x"))])
    >>> [e.arguments[0].span.text for e in incident_events(extraction)]
    ['rebels']
    """
    muc = mappings()["muc4"]
    rules = muc["incident"]
    forces, combatants = set(rules["armed_forces"]), set(rules["combatants"])
    year = _article_year(extraction.doc)
    found = []
    for event in extraction.events:
        if event.type not in muc["types"] or event.modality is not None:
            continue
        roles = {a.role for a in event.arguments}
        needed = rules["named_roles"].get(event.type)
        if needed is not None and not roles & set(needed):
            continue
        if _all_of(event, "agent", forces) or _all_of(event, "victim", combatants):
            continue
        if _victims(event) > rules["max_victims"]:
            continue
        if event.time and year and int(event.time[:4]) < year:
            continue  # "raided the town in 1987": background, not the incident reported
        found.append(event)
    return found


def incident_types(extraction: DocExtraction) -> set[str]:
    """The MUC-4 incident types a document's :func:`incident_events` evidence. A death or
    injury caused by a told attack is part of that incident, not one of its own; killings
    told along with a kidnapping (``outcome_of``), and no attack besides, are taken as that
    kidnapping's outcome (hostages or bystanders killed), not an attack of their own.

    >>> from kg.model import Argument, Span
    >>> def event(kind):
    ...     return Event(kind, [Span(0, 1, "x")], Span(0, 1, "x"), [Argument("victim", Span(0, 1, "a judge"))])
    >>> def types(*kinds):
    ...     return sorted(incident_types(DocExtraction(Document.from_text("x"), "m", events=[event(k) for k in kinds])))
    >>> types("Kidnapping", "Killing"), types("Killing")
    (['kidnapping'], ['attack'])
    """
    muc = mappings()["muc4"]
    outcome_of = muc["incident"]["outcome_of"]
    events = [e for e in incident_events(extraction) if not any(p == "causedBy" for p, _ in e.links)]
    told = {e.type for e in events}
    sources: dict[str, set[str]] = {}
    for event in events:
        sources.setdefault(muc["types"][event.type], set()).add(event.type)
    return {
        kind for kind, classes in sources.items() if not all(c in outcome_of and outcome_of[c] in told for c in classes)
    }


def graph_incident_types(extraction: DocExtraction) -> set[str]:
    """The MUC-4 incident types of a document's events as the graph holds them: every asserted
    event of a class mapped to an incident type, except a death or injury the graph links to its
    cause (``kg:causedBy``), which is part of that cause, and an event the graph makes part of a
    larger one (``kg:partOf``: "attacked the garrison during the offensive"), which is that one.
    An event with any ``kg:modality`` is left out: negated, hypothetical and future ones did not
    happen, and an ``aggregate`` one tells many happenings at once ("attacks on army posts", a
    war's toll), not one incident. No benchmark filter.

    >>> from kg.model import Span
    >>> def event(kind):
    ...     return Event(kind, [Span(0, 1, "x")], Span(0, 1, "x"))
    >>> events = [event("Kidnapping"), event("Killing")]
    >>> sorted(graph_incident_types(DocExtraction(Document.from_text("x"), "m", events=events)))
    ['attack', 'kidnapping']
    """
    types = mappings()["muc4"]["types"]
    return {
        types[e.type]
        for e in extraction.events
        if e.type in types and e.modality is None and not any(p in ("causedBy", "partOf") for p, _ in e.links)
    }


def _article_year(document: Document) -> int | None:
    """The year the article was written: of its publication date, else the latest year its text names."""
    if document.published:
        return int(document.published[:4])
    return max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", document.text)), default=None)


def _all_of(event: Event, role: str, kinds: set[str]) -> bool:
    """Whether the event has arguments of ``role`` and each is one of ``kinds`` by its head
    word or its last two words ("the salvadoran air force")."""
    heads = [
        (head_word(a.span.text), " ".join(a.span.text.lower().split()[-2:])) for a in event.arguments if a.role == role
    ]
    return bool(heads) and all(one in kinds or two in kinds for one, two in heads)


def _victims(event: Event) -> int:
    """The largest number of victims the event tells: its counts, or a number in a victim's words."""
    numbers = [n for n in (event.killed_count, event.injured_count, event.count) if n]
    for arg in event.arguments:
        if arg.role == "victim":
            numbers += [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", arg.span.text)]
    return max(numbers, default=0)


def score_muc4(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Document incident types and role fillers (see the module docstring)."""
    muc = mappings()["muc4"]
    result = EventScores()
    documents = 0
    for gold, extraction in pairs:
        documents += 1
        gold_types = {t for e in gold.events for t in muc["gold_types"].get(e.type, [])}
        events = [e for e in extraction.events if e.type in muc["types"] and e.modality is None]
        for prefix, predicted_types in (("", incident_types(extraction)), ("graph.", graph_incident_types(extraction))):
            result.add(f"{prefix}incident_type", *matched(gold_types, predicted_types))
            for kind in sorted(set(muc["gold_types"]["bombing / attack"]) | {"kidnapping"}):
                result.add(f"{prefix}incident_type/{kind}", *matched(gold_types & {kind}, predicted_types & {kind}))
        for slot, role in muc["roles"].items():
            fillers = [
                {head_word(m.text) for m in a.mentions}
                for e in gold.events
                if e.type in muc["gold_types"]
                for a in e.arguments
                if a.role == slot
            ]
            fillers = [f for i, f in enumerate(fillers) if f not in fillers[:i]]
            kinds = muc["role_entity_types"].get(slot)
            types = {e.key: e.type for e in extraction.entities}
            heads = {
                head_word(a.span.text)
                for e in events
                for a in e.arguments
                if a.role == role and (kinds is None or types.get(a.entity or "") in kinds)
            } - {"", *muc["not_fillers"]}
            tp = sum(1 for f in fillers if f & heads)
            matched_heads = {h for h in heads if any(h in f for f in fillers)}
            fp = len(heads - matched_heads)
            result.add(f"role_filler/{slot}", tp, fp, len(fillers) - tp)
            result.add("role_filler", tp, fp, len(fillers) - tp)
    result.notes["documents"] = documents
    return result
