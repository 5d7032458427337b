"""Events wire news tells that were missed or read in another sense (session 12): executions and
arrests told by verbs that need people as objects, an attempt on someone's life, a headline's verb
tagged a noun, a hijack, a siege; places conquered, a force taken over, a court's penalty, an
arrest nobody is free from, a match meeting in sports news. Invented names; each rule with near
misses."""

from __future__ import annotations

import pytest


def events(x):
    return sorted((e.type, "+".join(t.text for t in e.triggers)) for e in x.events if e.type != "Statement")


SPORTS = " The coach said the league match was the best of the season and the club's striker was unbeaten."


# -- verbs that name an event only when they act on people ------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vardia hanged a Kesh farmer at Marra Prison on Friday for drug trafficking.", ("Killing", "hanged")),
        ("Of the 270 people hanged in Vardia since 1975, half were traffickers.", ("Killing", "hanged")),
        ("Police nabbed two suspects in Kesh on Friday.", ("Arrest", "nabbed")),
    ],
)
def test_executions_and_arrests_of_people_are_events(extract_one, text, expected):
    assert expected in events(extract_one(text))


@pytest.mark.parametrize("text", ["They hung the portrait in the hall.", "The boy nabbed the last ticket."])
def test_hanging_or_nabbing_things_is_no_event(extract_one, text):
    assert events(extract_one(text)) == []


# -- nouns and phrases of attacks, kidnappings, sieges ------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rebels made an attempt on her life in 1984.", ("Attack", "attempt on her life")),
        ("Rebels kidnap mayor in northern Valdor.", ("Kidnapping", "kidnap")),
        ("The hijack began on Monday when the plane took off from Kesh.", ("Kidnapping", "hijack")),
        ("Troops besieged the town of Marra for three weeks.", ("MilitaryOperation", "besieged")),
        ("The siege of Marra ended in May.", ("MilitaryOperation", "siege")),
    ],
)
def test_attempts_on_lives_headline_kidnaps_hijacks_and_sieges_are_events(extract_one, text, expected):
    assert expected in events(extract_one(text))


@pytest.mark.parametrize(
    "text", ["She made an attempt to save his life.", "The government declared a state of siege in the capital."]
)
def test_an_attempt_to_save_a_life_and_a_state_of_siege_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


# -- what is taken: a place conquered, a force taken over --------------------------------------------


def test_a_place_conquered_is_taken_over_whatever_its_label(extract_one):
    x = extract_one("Government troops conquered Dalia, the rebel stronghold.")
    assert events(x) == [("Takeover", "conquered")]


def test_people_seized_by_police_stay_arrested(extract_one):
    assert events(extract_one("Police seized two smugglers in Kesh.")) == [("Arrest", "seized")]


def test_taking_over_a_force_is_a_change_of_command(extract_one):
    assert events(extract_one("The general takes over the peacekeeping force next week.")) == []


def test_taking_over_a_town_stays_a_takeover(extract_one):
    assert events(extract_one("Rebels took over the town on Monday.")) == [("Takeover", "took over")]


# -- penalties and what does not happen --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The maximum sentence for hijack is life imprisonment.",
        "The court sentenced him to ten years' imprisonment.",
        "Nobody is free from arrest in Vardia.",
    ],
)
def test_penalties_and_arrests_nobody_is_free_from_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("His imprisonment in 1990 angered the party.", ("Arrest", "imprisonment")),
        ("Police arrested two men in Kesh.", ("Arrest", "arrested")),
    ],
)
def test_imprisonments_and_arrests_told_stay_events(extract_one, text, expected):
    assert expected in events(extract_one(text))


# -- beating people, one of them a name the model gives no person's label -----------------------------


def test_beating_a_name_and_his_colleague_is_an_injury(extract_one):
    assert ("Injury", "beat") in events(extract_one("Police beat Kesh and his colleague, Ivo Lark."))


# -- sports news: a match meeting, scores written with spaces, race times ----------------------------


def test_sides_that_meet_in_sports_news_play_a_match(extract_one):
    # a match already played: "will meet" would be no event anyway, as a meeting only planned
    text = "Champions Tom Reid and Ivo Lark met on Friday after winning 6 - 3 6 - 2." + SPORTS
    assert events(extract_one(text)) == []


def test_ministers_who_meet_outside_sports_news_hold_a_meeting(extract_one):
    text = "The interior minister met the families of the victims in Kesh on Friday."
    assert ("Meeting", "met") in events(extract_one(text))


def test_scores_and_race_times_are_results_and_a_dateline_is_none(nlp):
    from kg.extract.triggers import _result_at

    doc = nlp("KESH 1996 - 08 - 30 Reid beat Lark 6 - 3 and ran 3:42.852 at 10:30 .")
    found = [doc[t.i - 1 : t.i + 2].text if t.text == "-" else t.text for t in doc if _result_at(t)]
    assert found == ["6 - 3", "3:42.852"]


# -- armed forces advancing; an advance nobody is aware of -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vardian forces were shelling and advancing on the town of Marra.",
        "Rebel fighters advanced into the province on Monday.",
    ],
)
def test_armed_forces_advancing_are_a_military_operation(extract_one, text):
    operations = [t for k, t in events(extract_one(text)) if k == "MilitaryOperation"]
    assert any("advanc" in t for t in operations)


@pytest.mark.parametrize(
    "text", ["Shares advanced 2 percent on Friday.", "The party advanced its plans.", "Tickets are sold in advance."]
)
def test_prices_plans_and_tickets_advancing_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


def test_an_advance_nobody_is_aware_of_is_negated(extract_one):
    x = extract_one("Officials said they were not aware of any Vardian military advance on the city.")
    assert [e.modality for e in x.events if e.type == "MilitaryOperation"] == ["negated"]


def test_an_attack_someone_is_aware_of_is_told(extract_one):
    x = extract_one("Officials said they were aware of an attack on the convoy.")
    assert [e.modality for e in x.events if e.type == "Attack"] == [None]


# -- people rounded up ---------------------------------------------------------------------------------


def test_people_rounded_up_are_arrested(extract_one):
    assert ("Arrest", "rounded up") in events(extract_one("Police rounded up 30 suspects in Kesh."))


def test_figures_rounded_up_are_no_arrest(extract_one):
    assert events(extract_one("The bank rounded up the figures.")) == []
