"""Event precision on wire news (session 14): a meeting only planned, expected or still ahead
is no happening; a party's own conference is no meeting between sides; an athletics meeting is
a contest. Invented names; each rule with near misses."""

from __future__ import annotations

import pytest


def events(x):
    return sorted((e.type, "+".join(t.text for t in e.triggers)) for e in x.events if e.type != "Statement")


def meetings(x):
    return [e for e in events(x) if e[0] == "Meeting"]


# -- meetings only planned ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kesh goes to Dalia ahead of cabinet meeting.",
        "The Vardi minister Omar Kesh would visit Tarsa for talks with his counterpart Lino Brak next month.",
        "Kesh will travel to Tarsa for talks with Lino Brak.",
        "Kesh was also expected to meet President Lino Brak and opposition leader Sol Vemu for talks.",
        "Kesh planned to meet his counterpart Lino Brak, the ministry said.",
        "His aides said Kesh would hold the weekly meeting of the council in Dalia on Saturday.",
        "Omar Kesh will meet President Lino Brak in Dalia on Monday.",
        "Kesh had been scheduled to meet Lino Brak in Dalia on Thursday.",
    ],
)
def test_a_meeting_only_planned_is_no_event(extract_one, text):
    assert meetings(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kesh met his counterpart Lino Brak in Dalia on Friday.", ("Meeting", "met")),
        ("Kesh arrived in Tarsa on Friday for talks with Lino Brak.", ("Meeting", "talks")),
        ("Kesh held the weekly meeting of the council in Dalia on Saturday.", ("Meeting", "meeting")),
        ("Kesh decided to meet the rebel commanders in Dalia.", ("Meeting", "meet")),
    ],
)
def test_a_meeting_held_is_kept(extract_one, text, expected):
    assert expected in events(extract_one(text))


def test_a_planned_attack_keeps_its_event_marked(extract_one):
    x = extract_one("Rebels will attack the town of Dalia, the commander said.")
    assert [(e.type, e.modality) for e in x.events if e.type == "Attack"] == [("Attack", "future")]


def test_an_arrest_for_a_killing_keeps_both_events(extract_one):
    # a "for" phrase of another verb than a trip's gives a reason: the killing took place
    x = extract_one("Police arrested Omar Kesh for the killing of a guard.")
    assert [(e.type, e.modality) for e in x.events] == [("Arrest", None), ("Killing", None)]


# -- a party's conference --------------------------------------------------------------------------------


def test_a_party_conference_is_no_meeting(extract_one):
    text = "Kesh escaped the bombing of a hotel during the Vardi Party conference in 1984."
    assert events(extract_one(text)) == [("Bombing", "bombing")]


def test_a_conference_of_leaders_is_a_meeting(extract_one):
    text = "Vardi and Tarsan leaders held a conference on water in Dalia on Friday."
    assert meetings(extract_one(text)) == [("Meeting", "conference")]


# -- athletics meetings ------------------------------------------------------------------------------------

ATHLETICS = (
    "ATHLETICS - KESH , VEMU TO MEET IN DALIA .\n"
    "Olympic champion Omar Kesh and world record holder Sol Vemu will both take part in a long jump "
    "competition at the Dalia meeting on Sunday .\n"
    "Vemu , the silver medal winner in the triple jump , has called on other leading athletes to take part "
    "in the meeting .\n"
    "Kesh won the 110 metres hurdles in Tarsa last week and the Olympic long jump title in July .\n"
)


def test_an_athletics_meeting_is_no_meeting(extract_one):
    assert meetings(extract_one(ATHLETICS)) == []


def test_a_meeting_in_news_that_mentions_an_athlete_is_kept(extract_one):
    text = (
        "Vardi minister Omar Kesh met President Lino Brak in Dalia on Friday .\n"
        "The two leaders discussed trade and the border with Tarsa , the ministry said .\n"
        "Brak , a former Olympic athlete , later visited a school in the city .\n"
    )
    assert meetings(extract_one(text)) == [("Meeting", "met")]
