"""Wars and armed conflicts (CAMEO 19, kg:MilitaryOperation), kept apart from the single
happenings told in them: a war never merges with an attack, a clash or a killing; a happening
the text places in a war is kg:partOf it; a death is kg:causedBy a war only when the text says
so; a war lends no agent, place or time to what is told in it. Invented names; each rule with
near misses."""

from __future__ import annotations

import pytest


def events(x):
    return sorted((e.type, "+".join(t.text for t in e.triggers)) for e in x.events if e.type != "Statement")


def war_of(x):
    return next(k for k, e in enumerate(x.events) if any(t.text.lower() in ("war", "conflict") for t in e.triggers))


def event_of(x, trigger: str):
    return next(e for e in x.events if any(t.text == trigger for t in e.triggers))


# -- wars and armed conflicts are events (CAMEO 19) ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The country is recovering from the war in Valdor.", ("MilitaryOperation", "war")),
        ('"That is it, the war is over," Marek told reporters.', ("MilitaryOperation", "war")),
        ("Kesh lies in the safe haven set up at the end of the 1991 Gulf War.", ("MilitaryOperation", "War")),
        ("Ramos hailed the talks that ended a conflict with the rebels.", ("MilitaryOperation", "conflict")),
        ("Vardia and Kesh have fought two of their three wars over the valley.", ("MilitaryOperation", "wars")),
        # a war's name, written with its capital inside a sentence, needs no article
        ("The treaty was signed in Baden, ending War of the Vardi Succession.", ("MilitaryOperation", "War")),
    ],
)
def test_wars_and_armed_conflicts_are_military_operations(extract_one, text, expected):
    assert expected in events(extract_one(text))


@pytest.mark.parametrize(
    "text",
    [
        "The two airlines are locked in a price war.",
        "The two leaders waged a war of words over the border.",
        "The mayor declared a war on drugs.",
        "The minister vowed to step up the combat against drug trafficking.",
        "The minister said there was no conflict of interest.",
        "The war crimes tribunal sat in Kesh.",
        "Marek drafted the church's policy on war, peace and nuclear arms.",
        "Marek said the moves were tantamount to war.",
        "Vardia plays down fears of war with Kesh.",
        "No one benefits from wars.",
        "Fears Of War Grow In Kesh\nThe army was put on alert in Kesh.",
    ],
)
def test_price_wars_wars_of_words_conflicts_of_interest_and_war_in_general_are_no_events(extract_one, text):
    assert not [e for e in events(extract_one(text)) if e[0] == "MilitaryOperation"]


# -- a war is never one of the happenings told in it ----------------------------------------------------


@pytest.mark.parametrize(
    "text, single",
    [
        # an attack by an army is a military operation too, but not the war it is told in
        ("The army attacked the rebels in Kesh on Monday. The war has lasted ten years.", "attacked"),
        ("Fighting broke out near Kesh on Monday. The conflict began in 1988.", "Fighting"),
        ("Troops clashed with rebels near Kesh. The war in Valdor is in its fifth year.", "clashed"),
    ],
)
def test_a_war_does_not_merge_with_a_happening_told_near_it(extract_one, text, single):
    x = extract_one(text)
    war = x.events[war_of(x)]
    assert [t.text for t in war.triggers] in (["war"], ["conflict"])
    assert single not in [t.text for t in war.triggers]


def test_a_war_named_in_passing_does_not_join_the_fighting_of_the_day(extract_one):
    x = extract_one(
        "Fighting raged between troops and rebels near Kesh on Monday. "
        "The town lies in the zone set up after the 1991 Gulf War."
    )
    assert ("MilitaryOperation", "Fighting") in events(x)
    assert ("MilitaryOperation", "War") in events(x)
    war = x.events[war_of(x)]
    assert war.count is None  # 1991 names which war, it counts none


@pytest.mark.parametrize(
    "text, year",
    [
        ("The war in Valdor began in 1988.", "1988"),
        ("Kesh has been calm since the 1991 Gulf War.", "1991"),
        # near misses: the date of the clause a war is named in, or of a verb that tells no
        # phase of it, is not the war's
        ("In 1993 Vardia freed a partisan held since the war.", None),
        ("The conflict eventually paved the way to elections in 1991.", None),
    ],
)
def test_a_wars_time_is_a_date_of_its_own(extract_one, text, year):
    x = extract_one(text)
    assert x.events[war_of(x)].time == year


def test_one_war_and_the_wars_of_a_century_are_apart(extract_one):
    x = extract_one(
        "In the Second War the Vardi army took Kesh. Marek was an authority on the great conflicts of the century."
    )
    assert ("MilitaryOperation", "War") in events(x)
    assert ("MilitaryOperation", "conflicts") in events(x)


def test_mentions_of_one_war_still_make_one_event(extract_one):
    x = extract_one("The war in Valdor began in 1988. Marek said the war had ruined the country.")
    assert [e for e in events(x) if e[0] == "MilitaryOperation"] == [("MilitaryOperation", "war+war")]


# -- a happening told in a war is part of it ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Guerrillas attacked the town of Rimo during the civil war.", "attacked"),
        ("Guerrillas attacked the town of Rimo in the civil war.", "attacked"),
        ("A Kesh journalist was killed during the war.", "killed"),
    ],
)
def test_a_happening_the_text_places_in_a_war_is_part_of_it(extract_one, text, trigger):
    x = extract_one(text)
    event = event_of(x, trigger)
    assert ("partOf", war_of(x)) in event.links
    assert not any(p == "causedBy" for p, _ in event.links)


def test_an_attack_in_a_town_is_no_part_of_a_war(extract_one):
    x = extract_one("Guerrillas attacked the town in Rimo province. The war in Valdor began in 1988.")
    assert event_of(x, "attacked").links == []


# -- a war causes the deaths the text says it did, and lends nothing to them ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Kesh journalist was killed in the war.",
        "The war in Valdor has killed a Kesh journalist.",
        "The conflict, which killed a Kesh journalist, ended in 1996.",
    ],
)
def test_a_death_the_text_puts_on_a_war_is_caused_by_it(extract_one, text):
    x = extract_one(text)
    assert ("causedBy", war_of(x)) in event_of(x, "killed").links


@pytest.mark.parametrize(
    "text, trigger",
    [
        # a war of the sentence before, or beside the death, tells nothing of who killed
        ("The war in Valdor has lasted ten years. Two guards were killed.", "killed"),
        ("Rebels ambushed a patrol during the war, and two soldiers were killed.", "killed"),
        ("The conflict with the rebels has dragged on, and a Kesh judge was shot dead on Monday.", "shot dead"),
    ],
)
def test_a_war_is_not_the_cause_of_a_death_the_text_does_not_put_on_it(extract_one, text, trigger):
    x = extract_one(text)
    death = event_of(x, trigger)
    assert ("causedBy", war_of(x)) not in death.links
    assert not [a for a in death.arguments if a.role == "place" and a.span.text == "Valdor"]


def test_a_death_told_in_a_war_keeps_its_own_time_and_takes_none_of_the_wars(extract_one):
    x = extract_one("Rebels killed a judge in Rimo during the war that Vorin started in 1980.")
    killing = event_of(x, "killed")
    assert killing.time is None
    x = extract_one("The Vorin Front started the war in Valdor in 1980. A Kesh judge was killed in the war.")
    killing = event_of(x, "killed")
    assert ("causedBy", war_of(x)) in killing.links
    assert killing.time is None
    assert not [a for a in killing.arguments if a.role in ("agent", "place")]


def test_a_death_caused_by_an_attack_still_takes_its_agent_place_and_time(extract_one):
    x = extract_one("Rebels attacked a post in Rimo on 3 May 1996. Two guards were killed.")
    killing = event_of(x, "killed")
    assert {a.role for a in killing.arguments} >= {"agent", "place"}


def test_a_claim_naming_no_event_does_not_claim_a_war(extract_one):
    x = extract_one("The war in Valdor began in 1988. The Vorin Front claimed responsibility.")
    claim = next(e for e in x.events if e.type == "ClaimOfResponsibility")
    assert not any(p == "claims" for p, _ in claim.links)


# -- one death told in a war is one happening, not the war's toll ---------------------------------------


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Vorin rebels killed a judge in Rimo during the war.", None),
        # near misses: several victims of a war, or the war's own toll, are its toll
        ("Vorin rebels killed two judges in Rimo during the war.", "aggregate"),
        ("Thousands of people died in the war.", "aggregate"),
    ],
)
def test_who_kills_in_a_war_is_no_victim_of_its_toll(extract_one, text, modality):
    x = extract_one(text)
    assert next(e for e in x.events if e.type == "Killing").modality == modality


# -- deaths or abductions counted in the thousands are a toll, not one happening --------------------------


@pytest.mark.parametrize(
    "text, modality",
    [
        ("More than 40,000 people have been murdered in Vardia.", "aggregate"),
        ("The campaign of the Front cost Vardia 12,000 deaths.", "aggregate"),
        ("Rebels have kidnapped 3,000 people in Vardia.", "aggregate"),
        # near misses: a happening's dead, and a toll dated to its day
        ("The bomb killed 59 people in Kesh.", None),
        ("The bombing in Kesh on 6 May 1995 killed 1,200 people.", None),
    ],
)
def test_victims_counted_in_thousands_are_a_toll(extract_one, text, modality):
    x = extract_one(text)
    assert next(e for e in x.events if e.type in ("Killing", "Kidnapping")).modality == modality
