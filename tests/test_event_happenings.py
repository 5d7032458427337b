"""One event per happening in a document (issue 11): mentions of one happening merge across
sentences and across the classes of one family; deaths and injuries link to the attack that
caused them and take its agent, place and time; distinct happenings stay apart. Invented names."""

from __future__ import annotations

import pytest


def violent(x, *classes):
    return [e for e in x.events if e.type in classes]


def linked_classes(x, event_class: str, predicate: str) -> list[str]:
    """The classes of the events the first event of ``event_class`` links to by ``predicate``."""
    event = next(e for e in x.events if e.type == event_class)
    return [x.events[k].type for p, k in event.links if p == predicate]


@pytest.mark.parametrize(
    "text",
    [
        # an attack, the bombing it was, and a bomb that went off, told across sentences
        "Militants attacked a convoy near Kesh. The bombing was the third this month. A bomb went off near the convoy.",
        "A car bomb exploded near a market in Kesh on Monday. The blast shook the town. "
        "The explosion was heard across the valley.",
        # told first as new ("a bomb"), then as known ("the bomb went off")
        "A bomb ripped through a cafe in Kesh on Monday, police said. "
        "Witnesses said the bomb went off shortly before noon.",
        # a headline naming no one but by a number, then the story's first sentence
        "Bomb kills 12 in Kesh market\nA car bomb killed 12 people at a market in Kesh on Monday, police said.",
        # a target named in full with its short name in parentheses, then by the short name
        "A bomb attack damaged the Central American University (UCA) on Monday. "
        "The Front condemned the attack on the UCA.",
        "in connection with the bomb attack on the central american university (uca) on 22 july, the front said "
        "the following. we strongly condemn the attack on the uca.",
    ],
)
def test_mentions_of_one_happening_make_one_event(extract_one, text):
    assert len(violent(extract_one(text), "Attack", "Bombing")) == 1


@pytest.mark.parametrize(
    ("text", "killings"),
    [
        # the headline's deaths are the story's
        ("Two die in Kesh cafe blast\nTwo people were killed when a grenade exploded in a cafe in Kesh on Friday.", 1),
        # near miss: other deaths than the headline's
        ("Two die in Kesh cafe blast\nFive people were killed when a bomb exploded in a market in Brano on Monday.", 2),
    ],
)
def test_a_headline_counting_the_dead_tells_the_story_s_deaths(extract_one, text, killings):
    assert len(violent(extract_one(text), "Killing")) == killings


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded in Kesh on Monday. Another bomb exploded in Brano on Tuesday.",  # two cities, two days
        "A bomb exploded in Kesh. A bomb also exploded in Brano.",  # two cities
        "A bomb went off in Kesh on Monday. Last year's attack in Kesh killed ten people.",  # background
        "Rebels attacked a base in Kesh. A second attack hit the port.",  # marked as another
        "Rebels bombed a base in Kesh on Monday. A new attack hit the base on Tuesday.",  # "a new": another
        "Rebels bombed a base in Kesh. This second attack hit the port.",  # an ordinal still sets it apart
        # near miss: a short name in parentheses that is not the earlier target's
        "A bomb attack damaged the Central American University (UCA) on Monday. Rebels later attacked the UNAM.",
        # a verb marked by its weapon, with no place or day to tell them apart
        "A bomb exploded at the Kesh hotel, killing two people. Moments later another bomb exploded, injuring a guard.",
        "A car bomb went off near the Kesh market. A second car bomb went off minutes later.",
    ],
)
def test_distinct_happenings_stay_apart(extract_one, text):
    assert len(violent(extract_one(text), "Attack", "Bombing")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Rebels bombed the courthouse in Kesh on Monday. The mayor condemned this new terrorist attack.",
        "A car bomb exploded near the Brano market. Police said this new attack was the worst in years.",
    ],
)
def test_a_demonstrative_makes_new_point_back_to_the_happening_told(extract_one, text):
    assert len(violent(extract_one(text), "Attack", "Bombing")) == 1


def test_deaths_and_injuries_told_after_the_attack_are_caused_by_it_and_inherit_its_arguments(extract_one):
    x = extract_one(
        "Gunmen attacked a police post in Kesh on Monday. Two officers were killed. Three others were wounded.",
        published="2026-03-10",
    )
    (attack,) = violent(x, "Attack")
    cause = x.events.index(attack)
    for effect in violent(x, "Killing", "Injury"):
        assert ("causedBy", cause) in effect.links
        assert [a.span.text for a in effect.arguments if a.role == "agent"] == ["Gunmen"]
        assert [a.span.text for a in effect.arguments if a.role == "place"] == ["Kesh"]
        assert (effect.time, effect.time_text) == (attack.time, attack.time_text) != (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked a base in Kesh. Soldiers were killed in Brano.",  # another place
        "Rebels attacked a base in Kesh. Later that year, soldiers were killed.\n\nFarmers planted rice. Two men died.",
        "Rebels attacked a base in Kesh on Monday. The rebels may have killed soldiers.",  # not asserted
        # a series of attacks is no cause of a death the sentence only tells beside it
        "Two soldiers were killed in Kesh on Monday, after a series of attacks on police posts.",
    ],
)
def test_deaths_told_apart_from_the_attack_are_not_caused_by_it(extract_one, text):
    x = extract_one(text)
    killings = violent(x, "Killing")
    assert killings and all(not any(p == "causedBy" for p, _ in k.links) for k in killings[-1:])


@pytest.mark.parametrize(
    "text",
    [
        # The "in"-phrase is the claim's medium, though the parse may hang it on "the attack".
        "A bomb exploded at a market in Kesh. Police shot dead two of the attackers. "
        "The Zarvan Front claimed responsibility for the attack in an audio message on Sunday.",
        # A claim naming no event is for the attack, not for the deaths the police caused after it.
        "A bomb exploded at a market in Kesh. Police shot dead two of the attackers. "
        "The Zarvan Front claimed responsibility.",
    ],
)
def test_a_claim_is_for_the_attack_not_for_the_deaths_others_caused(extract_one, text):
    x = extract_one(text)
    names = {e.key: e.name for e in x.entities}
    (bombing,) = violent(x, "Bombing")
    (killing,) = violent(x, "Killing")
    claim = next(e for e in x.events if e.type == "ClaimOfResponsibility")
    assert claim.links == [("claims", x.events.index(bombing))]
    assert "Zarvan Front" in {names.get(a.entity) for a in bombing.arguments if a.role == "agent"}
    assert "Zarvan Front" not in {names.get(a.entity) for a in killing.arguments if a.role == "agent"}


def test_a_claim_after_a_killing_by_unnamed_gunmen_is_for_that_killing(extract_one):
    x = extract_one("Gunmen killed the mayor of Kesh on Monday. The Zarvan Front claimed responsibility.")
    (killing,) = violent(x, "Killing")
    claim = next(e for e in x.events if e.type == "ClaimOfResponsibility")
    assert claim.links == [("claims", x.events.index(killing))]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded at a market in Kesh on Monday. The attack was the deadliest in the region since 2019.",
        "A bomb exploded at a market in Kesh on Monday. The bombing was the first in the town since the truce.",
    ],
)
def test_an_event_ranked_against_earlier_ones_is_one_happening(extract_one, text):
    x = extract_one(text)
    assert [(e.type, e.modality) for e in violent(x, "Attack", "Bombing")] == [("Bombing", None)]


@pytest.mark.parametrize(
    "since",
    [
        "since talks broke down in November 2024.",
        # parsed with "since" as a preposition and the clause hung elsewhere
        "since negotiations in Brano broke down in November 2024.",
    ],
)
def test_a_date_in_a_clause_opened_by_since_is_not_the_events_time(extract_one, since):
    x = extract_one(
        f"Vell met Arno in Kesh on Monday. It was the first meeting between the two ministers {since}",
        published="2026-03-10",
    )
    meetings = [e for e in x.events if e.type == "Meeting"]
    assert meetings and all(e.time in ("2026-03-09", None) for e in meetings)


def test_the_date_a_ranking_counts_from_is_not_the_events_time(extract_one):
    x = extract_one(
        "A bomb exploded at a market in Kesh on Monday. The blast was the deadliest in the region since March 2024.",
        published="2026-03-11",
    )
    (bombing,) = violent(x, "Bombing")
    assert bombing.time == "2026-03-09"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # the date after "in an audio message" is the message's, though the parse hangs it on "the attack"
        (
            "A bomb exploded at a market in Kesh on Friday. The Zarvan Front claimed responsibility "
            "for the attack in an audio message on Sunday.",
            "2026-03-06",
        ),
        # near miss: the date before the utterance phrase is the attack's own
        ("The Zarvan Front claimed responsibility for the attack on Friday in a statement.", "2026-03-06"),
    ],
)
def test_a_date_told_after_an_utterance_phrase_is_the_utterance_s(extract_one, text, time):
    x = extract_one(text, published="2026-03-10")
    assert [e.time for e in violent(x, "Attack", "Bombing")] == [time]


@pytest.mark.parametrize(
    "text",
    [
        "More than 900 people have been killed in Kesh since 2019.",
        "Attacks on the police have risen since 2019.",  # (on the army: fighting it, a military operation)
        "It was the deadliest attack in the region since 2019.",  # a predicate noun: names what was told
    ],
)
def test_a_toll_or_series_over_a_span_stays_aggregate(extract_one, text):
    x = extract_one(text)
    assert [e.modality for e in violent(x, "Attack", "Killing")] == ["aggregate"]


def test_the_claimant_named_later_is_the_agent_of_the_attack_and_of_what_it_caused(extract_one):
    x = extract_one(
        "Gunmen stormed a hotel in Kesh on Monday, killing four guards. Three guests were wounded. "
        "The Zarvan Front claimed responsibility for the attack.",
        published="2026-03-10",
    )
    names = {e.key: e.name for e in x.entities}
    by_type = {e.type: e for e in x.events}
    attack, killing, injury = by_type["Attack"], by_type["Killing"], by_type["Injury"]
    claim = by_type["ClaimOfResponsibility"]
    assert ("claims", x.events.index(attack)) in claim.links
    for event in (attack, killing, injury):
        assert "Zarvan Front" in {names.get(a.entity) for a in event.arguments if a.role == "agent"}
        assert {names.get(a.entity) for a in event.arguments if a.role == "place"} == {"Kesh"}
        assert event.time == attack.time and attack.time is not None


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb killed two guards in Kesh on Monday.",
        "Two guards were killed by a bomb in Kesh.",
        "Explosives destroyed the Brano bank in Kesh.",
        "Unidentified men threw a grenade at the Kesh mayor's house.",  # thrown: it went off
        "A load of dynamite was hurled against a police station in Brano.",
        "Ten gunmen hurled dynamite sticks at the Brano embassy.",  # the explosive is the sticks' matter
        "Urban commandos threw two explosive devices at a warehouse in Kesh.",
        "Commandos launched two bombs against a car dealership in Kesh.",
        "The Brano bridge was destroyed with dynamite.",
        "The offices of the Kesh Daily were dynamited by smugglers.",
        # planting an explosive is CAMEO 183 (PETRARCH2: PLANT * &WEAPON), as "planted a bomb" is
        "The Vardi Front planted explosives under a bridge.",
        "Terrorists placed a charge of dynamite under a bus in Kesh.",
        "Two men placed the explosives at the Brano bank and fled.",
    ],
)
def test_a_bomb_that_kills_or_wrecks_tells_a_bombing(extract_one, text):
    x = extract_one(text)
    bombings = [k for k, e in enumerate(x.events) if e.type == "Bombing"]
    assert len(bombings) == 1
    # the deaths are that bombing's: one incident, not a killing of its own
    assert all(("causedBy", bombings[0]) in e.links for e in x.events if e.type == "Killing")


@pytest.mark.parametrize(
    "text",
    [
        "Police defused a bomb near the Brano bank.",
        "Police found explosives in a house in Brano.",
        "The police placed the bomb in a nearby flower bed.",  # a bomb squad handles it
        "Protesters threw stones at the Kesh police station.",  # thrown, but no explosive
        "Twelve children were killed by the explosive force of air bags.",  # no explosive's matter
    ],
)
def test_a_bomb_found_defused_or_handled_tells_no_bombing(extract_one, text):
    weapons = {"bomb", "explosives", "explosive"}
    assert not [e for e in extract_one(text).events if e.type == "Bombing" and {t.text for t in e.triggers} <= weapons]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels planted a bomb which exploded at the Kesh bank, killing two guards.",
        "The car bomb was left under the Brano bridge, where it exploded, killing two guards.",
    ],
)
def test_a_bomb_planted_and_told_going_off_in_one_sentence_is_one_bombing(extract_one, text):
    x = extract_one(text)
    bombings = [k for k, e in enumerate(x.events) if e.type == "Bombing"]
    assert len(bombings) == 1
    assert all(("causedBy", bombings[0]) in e.links for e in x.events if e.type == "Killing")


def test_another_bomb_going_off_in_the_same_sentence_is_another_bombing(extract_one):
    x = extract_one("Rebels planted a bomb at the Kesh bank and another bomb exploded at the Brano school.")
    assert len([e for e in x.events if e.type == "Bombing"]) == 2


@pytest.mark.parametrize(
    "text, count",
    [
        ("Rebels threw two grenades at the Kesh police station.", None),  # the number counts weapons
        ("Unidentified men placed 11 bombs in the Brano bank.", None),
        ("Rebels carried out two bombings in Kesh.", 2),  # the number counts happenings
    ],
)
def test_a_number_of_weapons_is_no_number_of_happenings(extract_one, text, count):
    (bombing,) = [e for e in extract_one(text).events if e.type == "Bombing"]
    assert bombing.count == count
    assert (bombing.modality is None) == (count is None)


def test_a_participle_with_no_subject_tells_what_the_act_just_before_it_did(extract_one):
    x = extract_one(
        "The Vardi Front claimed the attack on a police base in Kesh, killing a sergeant, "
        "and the bombing of a Brano bank."
    )
    (killing,) = [e for e in x.events if e.type == "Killing"]
    (cause,) = [x.events[k] for p, k in killing.links if p == "causedBy"]
    assert {a.span.text for a in cause.arguments if a.role == "target"} == {"police base"}


def test_a_participle_after_a_series_of_attacks_names_no_one_of_them_as_its_cause(extract_one):
    x = extract_one("The attack came a day after rebels launched attacks in three states, killing 14 people.")
    (killing,) = [e for e in x.events if e.type == "Killing"]
    assert not [k for p, k in killing.links if p == "causedBy"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked an army post in Kesh, and a bombing in Brano killed two guards.",
        "Rebels attacked an army post in Kesh, and two guards were killed in a bombing in Brano.",
    ],
)
def test_a_death_is_caused_by_the_attack_named_as_its_cause_not_the_one_it_is_told_after(extract_one, text):
    x = extract_one(text)
    assert linked_classes(x, "Killing", "causedBy") == ["Bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the Kesh police station during the offensive.",
        "During the battle, one army company was overrun and two others were attacked near Kesh.",
    ],
)
def test_an_attack_told_during_fighting_is_part_of_it(extract_one, text):
    x = extract_one(text)
    assert linked_classes(x, "Attack", "partOf") == ["MilitaryOperation"]


def test_fighting_the_army_during_an_offensive_is_part_of_it_not_the_offensive(extract_one):
    # an attack on the garrison is fighting (kg:MilitaryOperation), as the offensive is: a part,
    # never merged with the whole it is told in
    x = extract_one("Rebels attacked the Kesh garrison during the offensive.")
    fights = sorted(("+".join(t.text for t in e.triggers), e.links) for e in x.events)
    assert fights == [("attacked", [("partOf", 1)]), ("offensive", [])]


def test_an_attack_told_after_fighting_is_no_part_of_it(extract_one):
    x = extract_one("The battle near Kesh ended on Monday. Rebels attacked the Brano garrison on Friday.")
    assert not [link for e in x.events for link in e.links if link[0] == "partOf"]


def test_a_headline_toll_is_the_toll_the_story_tells(extract_one):
    """One killing for "Bomb kills 12" and "killing 12 people", whose victims are the 12 people."""
    x = extract_one(
        "Bomb kills 12 in Kesh market\n"
        "A car bomb exploded in a crowded market in Kesh on Tuesday, killing 12 people, police said."
    )
    killings = violent(x, "Killing")
    assert len(killings) == 1
    assert killings[0].killed_count == 12
    assert [a.span.text for a in killings[0].arguments if a.role == "victim"] == ["12 people"]


def test_the_same_toll_of_different_victims_is_two_killings(extract_one):
    x = extract_one("Gunmen killed 3 soldiers in Norvik on Monday. In Velmar, bandits killed 3 villagers.")
    assert len(violent(x, "Killing")) == 2


def test_a_headline_mention_takes_every_place_of_the_story_it_joins(extract_one):
    """The headline's placeless "bomb" joins "exploded near a market in Kesh": both places stay."""
    x = extract_one(
        "Car bomb kills 12 at Kesh market\n\n"
        "A car bomb exploded near a crowded market in Kesh on Tuesday, killing 12 people, officials said."
    )
    [bombing] = violent(x, "Bombing")
    assert {a.span.text for a in bombing.arguments if a.role == "place"} >= {"crowded market", "Kesh"}


def test_a_headline_killing_that_names_no_one_is_the_story_killing(extract_one):
    """The headline sums up the story: its "kills" is the first sentence's "killing twelve people"."""
    x = extract_one(
        "Market bombing in Kesh kills twelve\n"
        "A car bomb exploded in a crowded market in Kesh on Tuesday, killing twelve people, police said."
    )
    [killing] = violent(x, "Killing")
    assert {t.text for t in killing.triggers} == {"kills", "killing"}


@pytest.mark.parametrize(
    ("text", "event_class", "triggers"),
    [
        # the headline's words differ from the story's ("drug trafficker", "a farmer"); the agent is one
        (
            "Valdor hangs drug trafficker .\nBRANO 1996-08-30\n"
            "Valdor hanged a farmer at Brano Prison on Friday for drug trafficking , the ministry said .",
            "Killing",
            {"hangs", "hanged"},
        ),
        (
            "Police arrest arms dealer in Kesh\nPolice in Kesh have arrested a man suspected of selling arms.",
            "Arrest",
            {"arrest", "arrested"},
        ),
    ],
)
def test_a_headline_event_sharing_a_filler_with_the_story_is_its_event(extract_one, text, event_class, triggers):
    [event] = violent(extract_one(text), event_class)
    assert {t.text for t in event.triggers} == triggers
    assert event.sentence.text.startswith(("Valdor hanged", "Police in Kesh"))  # the story's sentence is its evidence


@pytest.mark.parametrize(
    "text",
    [
        "Police arrest suspects in Kesh\nPolice in Brano arrested three suspects on Monday.",  # another place
    ],
)
def test_a_headline_event_stays_apart_from_a_story_event_it_conflicts_with(extract_one, text):
    assert len(violent(extract_one(text), "Arrest")) == 2


def test_a_headline_event_is_the_story_s_first_of_its_kind_not_another_one(extract_one):
    x = extract_one("Rebels attack Kesh convoy\nRebels attacked the Kesh convoy on Monday. Another attack hit Brano.")
    first, another = violent(x, "Attack")
    assert {t.text for t in first.triggers} == {"attack", "attacked"}
    assert [t.text for t in another.triggers] == ["attack"]


def test_a_headline_that_names_its_own_victim_is_its_own_killing(extract_one):
    # (a storm's victim is no Killing at all: kg:Killing is death by violence)
    x = extract_one("Farmer killed near Kesh\nA bomb exploded in Brano on Monday, killing two soldiers.")
    assert len(violent(x, "Killing")) == 2


# -- deaths told of an accident in the sentence before, or beside it, are no killings ----------------


@pytest.mark.parametrize(
    "text",
    [
        "A cargo plane crashed near Kesh on Monday. All four pilots were killed.",
        "The bus overturned on the Brano road. Twelve passengers died and 30 were injured.",
        "The Kesh ministry confirmed the crash but would not say whether the men who were killed were soldiers.",
        "A storm hit the Vardi coast. Six fishermen died.",
    ],
)
def test_deaths_told_of_an_accident_are_no_killings(extract_one, text):
    assert not violent(extract_one(text), "Killing", "Injury")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen fired on the bus, which crashed near Kesh. Two passengers were killed.",  # violence told
        "A cargo plane crashed near Kesh. Rebels later killed the two survivors.",  # a killer named
        "The bus overturned near Kesh on Monday. In Brano, two guards were killed on Tuesday.",  # its own day
        "Two guards died in Brano. The crash of a plane near Kesh killed 40 people.",  # told before the accident
    ],
)
def test_deaths_beside_an_accident_told_of_violence_or_apart_stay_killings(extract_one, text):
    assert violent(extract_one(text), "Killing")


@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting raged near Kesh on Monday. Twelve soldiers were killed.",
        "Rebels clashed with the army in Brano; the clash lasted all night. Two officers were wounded.",
    ],
)
def test_deaths_told_after_fighting_are_caused_by_it(extract_one, text):
    x = extract_one(text)
    (effect,) = violent(x, "Killing", "Injury")
    assert [x.events[k].type for p, k in effect.links if p == "causedBy"] == ["MilitaryOperation"]


def test_deaths_told_after_a_patrol_are_not_caused_by_it(extract_one):
    x = extract_one("An army patrol searched the village of Kesh. Two farmers were killed.")
    (killing,) = violent(x, "Killing")
    assert not any(p == "causedBy" for p, _ in killing.links)


# -- a participle before its noun tells a done event with that victim ------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The kidnapped Kesh mayor was freed on Monday.", ("Kidnapping", "mayor")),
        ("The murdered priests were buried in Kesh.", ("Killing", "priests")),
        ("The slain judge was buried in Kesh on Friday.", ("Killing", "judge")),
        ("Rebels demanded the release of jailed opposition leader Tomas Varga.", ("Arrest", "Tomas Varga")),
    ],
)
def test_a_participle_before_its_noun_tells_a_done_event(extract_one, text, expected):
    x = extract_one(text)
    assert [(e.type, e.modality) for e in x.events] == [(expected[0], None)]
    assert [a.span.text for a in x.events[0].arguments if a.role == "victim"][0].endswith(expected[1])


def test_a_participle_merges_with_the_told_event_of_its_victim(extract_one):
    x = extract_one("Gunmen kidnapped the Kesh mayor on Monday. The kidnapped mayor was freed on Friday.")
    assert [(e.type, len(e.triggers)) for e in x.events] == [("Kidnapping", 2)]


@pytest.mark.parametrize(
    "text",
    ["The murdered man's car was found in Kesh.", "Vorin rebels are holding the kidnapped engineers."],
)
def test_a_participle_of_people_is_told_as_done_in_any_clause(extract_one, text):
    assert all(e.modality is None for e in extract_one(text).events)


@pytest.mark.parametrize(
    "text",
    ["The detained ship left Kesh on Monday.", "A hijacked page of the Kesh website was restored."],
)
def test_a_participle_of_no_people_tells_no_victim(extract_one, text):
    x = extract_one(text)
    assert not [a for e in x.events for a in e.arguments if a.role == "victim"]


@pytest.mark.parametrize(
    ("text", "event_class", "agent", "target"),
    [
        # the subject hangs on the first verb, the object on the last: one happening
        (
            "Valdor, which captured and annexed the Kesh valley in 1967, says it will keep it.",
            "Takeover",
            "Valdor",
            "Kesh valley",
        ),
        (
            "The Harlow army, which shelled and bombarded the Kesh valley in 1990, says it will withdraw.",
            "MilitaryOperation",
            "Harlow army",
            "Kesh valley",
        ),
    ],
)
def test_verbs_joined_by_and_of_one_class_tell_one_happening(extract_one, text, event_class, agent, target):
    x = extract_one(text)
    (event,) = violent(x, event_class)
    names = {(a.role, a.span.text) for a in event.arguments}
    assert ("target", target) in names or any(r == "target" and target.endswith(t) for r, t in names)
    assert any(r == "agent" and agent in t for r, t in names)


@pytest.mark.parametrize(
    ("text", "event_class", "count"),
    [
        # near misses: two targets, two statements, two classes
        ("Militants attacked a police post and ambushed an army convoy near Kesh.", "Attack", 2),
        ("The minister condemned the raid and said the army would respond.", "Statement", 2),
        ("Gunmen kidnapped a judge and killed his driver in Kesh.", "Kidnapping", 1),
    ],
)
def test_joined_verbs_that_tell_two_happenings_stay_apart(extract_one, text, event_class, count):
    assert len(violent(extract_one(text), event_class)) == count


@pytest.mark.parametrize(
    ("text", "event_class", "time"),
    [
        # a date in a clause on a noun that is no event is that clause's
        (
            "Lia Perrin, who signed a deal with Valdor in 1993, says she will visit once the occupation of Kesh "
            "has ended.",
            "Takeover",
            None,
        ),
        ("Police, who arrived in Kesh in March 2024, arrested five men.", "Arrest", None),
        # near misses: a clause on the event itself, and a date on the event's verb
        ("The attack, which took place in March 2024, killed five soldiers in Kesh.", "Attack", "2024-03"),
        ("Police, who arrived in Kesh, arrested five men in March 2024.", "Arrest", "2024-03"),
    ],
)
def test_a_date_in_a_clause_on_another_noun_is_not_the_event_s(extract_one, text, event_class, time):
    (event,) = violent(extract_one(text, published="2025-06-05"), event_class)
    assert event.time == time


@pytest.mark.parametrize(
    "text",
    [
        "A street vendor stabbed a judge to death in Kesh on Friday.",
        "Gunmen beat two farmers to death near Kesh.",
    ],
)
def test_a_wounding_that_ended_in_death_is_one_killing(extract_one, text):
    x = extract_one(text)
    assert [e.type for e in violent(x, "Injury", "Killing")] == ["Killing"]
    (killing,) = violent(x, "Killing")
    assert {a.role for a in killing.arguments} >= {"agent", "victim"}


def test_a_wounding_beside_a_killing_stays_apart(extract_one):
    # near miss: two farmers beaten, a third killed
    x = extract_one("Gunmen beat two farmers near Kesh and stabbed a third man to death.")
    assert sorted(e.type for e in violent(x, "Injury", "Killing")) == ["Injury", "Killing"]
