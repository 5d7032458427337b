"""Which of a document's events tell a MUC-4 incident (kg.evaluate.events.muc4.incident_types):
each rule on hand-made events, with the near-miss it must leave alone."""

from __future__ import annotations

import pytest

from kg.evaluate.events.muc4 import incident_types
from kg.model import Argument, DocExtraction, Document, Event, Span

TEXT = "Rebels attacked the town in 1990."


def event(kind: str, *arguments: tuple[str, str], time: str | None = None, killed: int | None = None) -> Event:
    words = Span(0, 6, "Rebels")
    args = [Argument(role, Span(0, len(text), text)) for role, text in arguments]
    return Event(kind, [words], words, args, time=time, killed_count=killed)


def types(*events: Event, text: str = TEXT, published: str | None = None) -> list[str]:
    document = Document.from_text(text, id="d", published=published)
    return sorted(incident_types(DocExtraction(document, "m", events=list(events))))


@pytest.mark.parametrize(
    "events, expected",
    [
        # a death told without who died or who killed is no incident; naming either is
        ((event("Killing"),), []),
        ((event("Killing", ("victim", "two judges")),), ["attack"]),
        ((event("Killing", ("agent", "gunmen")),), ["attack"]),
        # armed forces acting alone: a military or police action; guerrillas acting: an incident
        ((event("Attack", ("agent", "the army"), ("target", "the village")),), []),
        ((event("Bombing", ("agent", "the salvadoran air force")),), []),
        ((event("Attack", ("agent", "fmln guerrillas"), ("target", "the village")),), ["attack"]),
        ((event("Attack", ("agent", "the army"), ("agent", "gunmen")),), ["attack"]),
        # combatants killed: a casualty of combat; civilians killed: an incident
        ((event("Killing", ("victim", "five guerrillas")),), []),
        ((event("Killing", ("victim", "five guerrillas"), ("victim", "a peasant")),), ["attack"]),
        # the toll of a war is no incident
        ((event("Killing", ("victim", "13,000 people")),), []),
        ((event("Killing", ("victim", "people"), killed=70000),), []),
        ((event("Killing", ("victim", "13 people")),), ["attack"]),
        # killings told with a kidnapping are its outcome, unless an attack is told too
        ((event("Kidnapping", ("victim", "a mayor")), event("Killing", ("victim", "a guard"))), ["kidnapping"]),
        (
            (event("Kidnapping", ("victim", "a mayor")), event("Attack", ("agent", "gunmen"))),
            ["attack", "kidnapping"],
        ),
    ],
)
def test_incident_rules(events, expected):
    assert types(*events) == expected


def test_events_dated_before_the_articles_year_are_background():
    old = event("Attack", ("agent", "rebels"), time="1987")
    assert types(old, text="Rebels raided the town in 1987. Today is 10 March 1990.") == []
    assert types(old, text="Rebels raided the town in 1987.") == ["attack"]
    assert types(old, text="Rebels raided the town.", published="1988-02-01") == []
    assert types(event("Attack", ("agent", "rebels"), time="1990-03"), text="In 1990 rebels struck.") == ["attack"]


def test_not_asserted_and_caused_events_tell_no_incident_of_their_own():
    denied = event("Attack", ("agent", "rebels"))
    denied.modality = "negated"
    killing = event("Killing", ("victim", "two judges"))
    killing.links = [("causedBy", 1)]
    assert types(denied, killing, event("Bombing", ("agent", "rebels"))) == ["bombing"]
