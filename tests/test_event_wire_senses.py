"""Event senses on wire news (session 13): poisonings; what a threat
only threatens, kinds of attack someone is unprotected against or warned against, a death
that only dates something. Invented names; each rule with near misses."""

from __future__ import annotations

import pytest


def events(x):
    return sorted((e.type, "+".join(t.text for t in e.triggers)) for e in x.events if e.type != "Statement")


# -- poisonings ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen poisoned two guards at the prison.", ("Injury", "poisoned")),
        ("The gang killed 35 people and poisoned 157 in the village of Marra.", ("Injury", "poisoned")),
    ],
)
def test_people_poisoned_are_injured(extract_one, text, expected):
    assert expected in events(extract_one(text))


def test_relations_poisoned_are_no_injury(extract_one):
    assert events(extract_one("The dispute poisoned relations between Vardia and Kesh.")) == []


# -- what is only threatened, guarded against, or dates something ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The hijackers threatened to blow it up during a stop in Kesh unless they were flown on.",
        "The gunmen threatened to kill the hostages and burn the house.",
    ],
)
def test_what_a_threat_threatens_is_no_event(extract_one, text):
    assert [e[0] for e in events(extract_one(text))] == ["Threat"]


def test_a_threat_carried_out_and_a_warning_of_an_attack_keep_their_events(extract_one):
    assert ("Killing", "killed") in events(extract_one("The gunmen threatened the guards and then killed them."))
    assert ("Attack", "attack") in events(extract_one("The army warned that it would attack the rebels."))


@pytest.mark.parametrize(
    "text",
    [
        "Judges were generally unprotected against criminal attacks.",
        "The zone was set up to protect the Kurds from attack.",
        "The author said in an interview shortly before his death that his books were realistic.",
    ],
)
def test_kinds_of_attack_guarded_against_and_a_death_that_dates_words_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The guards protected the convoy from the attack that followed.", ("Attack", "attack")),
        ("Two days after his death in the shooting, police arrested Ivo Lark.", ("Killing", "death")),
    ],
)
def test_a_told_attack_and_a_death_told_with_its_cause_stay_events(extract_one, text, expected):
    assert expected in events(extract_one(text))


# -- threats warned against ---------------------------------------------------------------------------


def test_threats_someone_is_warned_against_are_no_events(extract_one):
    assert events(extract_one("An astrologer was asked to warn her against future threats.")) == []
