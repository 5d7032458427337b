"""Every event argument of the seed and sample graphs names someone or something: no pronoun,
no punctuation at either end, no dateline or heading run into it; and pronouns resolve to
the entity they stand for (hand-written sentences, invented names)."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

from kg.extract.coreference import Coreference
from kg.extract.triggers import is_subclass
from kg.rdf.namespaces import KG, NIF
from tests.coreference_sentences import CASES

PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "him", "her", "them", "us", "me", "its", "their", "his"}
ROLES = (KG.agent, KG.target, KG.victim, KG.participant, KG.place)


def test_every_argument_of_the_seed_and_sample_graphs_names_someone(seed_build):
    out, _ = seed_build
    graph = Graph().parse(out / "graph.ttl")
    bad = []
    for role in ROLES:
        for _, value in graph.subject_objects(role):
            for words in graph.objects(value, NIF.anchorOf):
                text = str(words)
                if (
                    text.lower() in PRONOUNS
                    or not text[0].isalnum()
                    or not (text[-1].isalnum() or text[-1] == ".")
                    or "\n" in text
                    or re.search(r"\s[-\u2013\u2014]\s", text)
                ):
                    bad.append((role, text))
    assert not bad


@pytest.mark.parametrize(
    "text, pronoun, antecedent",
    [
        ("Kamal Odeh leads the council. He met the rebels on Monday.", "He", "Kamal Odeh"),
        ("The Zarvan Front attacked a base. The group said it would strike again.", "group", "Zarvan Front"),
        ("Defense Minister Tomas Vell visited Brano. The minister praised the army.", "minister", "Tomas Vell"),
        ("Mira Castell won the vote. Her rival thanked the voters.", "Her", "Mira Castell"),
        # A headline's bare title: the one person the story names with it, in the sentences after.
        ("Defense Minister visits Brano\n\nDefense Minister Tomas Vell arrived on Monday.", "Minister", "Tomas Vell"),
    ],
)
def test_coreference_links(nlp, text, pronoun, antecedent):
    doc = nlp(text)
    coref = Coreference(doc)
    token = next(t for t in doc if t.text == pronoun and t.i > 2)
    found = coref.resolve(token)
    assert found is not None and coref.mentions[found].text == antecedent


@pytest.mark.parametrize(
    "text, agent",
    [
        ("An armed group known as the Kesh Lions attacked a convoy on Monday.", "Kesh Lions"),
        ("A little-known group calling itself the Vale Guard claimed responsibility for the bombing.", "Vale Guard"),
        ("A gang called the Brano Reds kidnapped two traders.", "Brano Reds"),
    ],
)
def test_a_description_is_the_name_it_is_known_by(extract_one, text, agent):
    x = extract_one(text)
    names = {e.key: e.name for e in x.entities}
    assert {names.get(a.entity) for e in x.events for a in e.arguments if a.role == "agent"} == {agent}


@pytest.mark.parametrize(
    "text, kind, role, words",
    [
        ("Parents of the missing pupils held a protest outside the town hall.", "Protest", "agent", "Parents"),
        ("The driver shot dead two guards at a checkpoint in Kesh.", "Killing", "agent", "driver"),
        ("A man stabbed his neighbour in Kesh on Monday.", "Injury", "victim", "neighbour"),
    ],
)
def test_everyday_nouns_of_people_can_act_and_suffer(extract_one, text, kind, role, words):
    x = extract_one(text)
    event = next(e for e in x.events if e.type == kind)
    assert words in [a.span.text for a in event.arguments if a.role == role]


@pytest.mark.parametrize(
    "text, kind, agent",
    [
        ("Fighters took Kesh on Monday after attacking the police station with rifles.", "Attack", "Fighters"),
        ("After storming the post, rebels killed two guards.", "Attack", "rebels"),
        # the parse gives "gunmen" to the participle set off before the verb
        ("The gunmen, believed to belong to the Vale Front, kidnapped the mayor.", "Kidnapping", "gunmen"),
    ],
)
def test_a_verb_without_a_subject_takes_its_clause_subject(extract_one, text, kind, agent):
    x = extract_one(text)
    event = next(e for e in x.events if is_subclass(e.type, kind))
    assert agent in [a.span.text for a in event.arguments if a.role == "agent"]


def test_a_plural_noun_the_tagger_reads_as_a_verb_is_still_a_participant(extract_one):
    x = extract_one("Prime Minister Jonas Reed met European Union envoys in Brano on Monday.")
    meeting = next(e for e in x.events if e.type == "Meeting")
    assert "European Union envoys" in [a.span.text for a in meeting.arguments if a.role == "participant"]


def test_a_nationality_in_apposition_is_no_name_of_the_victims(extract_one):
    x = extract_one("The workers, a Danish and a Kenyan national, were abducted near Brano on May 3.")
    kidnapping = next(e for e in x.events if e.type == "Kidnapping")
    assert [a.span.text for a in kidnapping.arguments if a.role == "victim"] == ["workers"]


def test_a_description_known_for_something_keeps_its_own_words(extract_one):
    x = extract_one("A gang known for kidnappings attacked a post in Kesh.")
    attack = next(e for e in x.events if e.type == "Attack")
    assert [(a.span.text, a.entity) for a in attack.arguments if a.role == "agent"] == [("gang", None)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("It is unclear who attacked the Lorvik Party office.", "It"),
        ("Rebels attacked the town. They fled at dawn.", "They"),  # no organization named
        # "it" and "they" are left alone: in news they stand for people or things more often than for
        # the latest organization (kg/extract/lexicons/coreference.json says how that was measured).
        ("The Zarvan Front attacked a base. The group said it would strike again.", "it"),
        ("The Lorvik Party won the vote. Its leader thanked the voters.", "Its"),
        ("The Lorvik Party met the soldiers. They left at dawn.", "They"),
        ("The group met on Monday.", "group"),  # nothing named before it
        # A description in apposition is named there ("the defence secretary, Ana Voss").
        ("The Zarvan Front met Ana Voss. Kamal Odeh, the group leader, spoke.", "leader"),
        ("The Zarvan Front is active. The attack was blamed on the group Red Dawn.", "group"),
        # Plural bare titles are people of a trade, not one person named before.
        ("Judge Tomas Vell heard the case. Prosecutors said the guard was shot.", "Prosecutors"),
        # Two persons hold the title: which one is not said.
        ("Minister Tomas Vell met Minister Ana Voss. Minister visits Brano.", "Minister"),
    ],
)
def test_coreference_makes_no_link_without_an_antecedent(nlp, text, word):
    doc = nlp(text)
    assert Coreference(doc).resolve(next(t for t in doc if t.text == word)) is None


def test_an_unresolved_pronoun_is_no_argument(extract_one):
    x = extract_one("We attacked the convoy near Brano.")
    assert all(a.span.text.lower() not in PRONOUNS for e in x.events for a in e.arguments)


def test_a_pronoun_argument_takes_its_antecedent(extract_one):
    x = extract_one("Kamal Odeh leads the Zarvan Front in Kesh. He attacked a convoy on Monday.")
    (attack,) = [e for e in x.events if e.type == "Attack"]
    names = {e.key: e.name for e in x.entities}
    assert [names.get(a.entity) for a in attack.arguments if a.role == "agent"] == ["Kamal Odeh"]


def test_an_unresolvable_it_is_no_argument(extract_one):
    x = extract_one("The Zarvan Front is active in Kesh. It attacked a convoy on Monday.")
    (attack,) = [e for e in x.events if e.type == "Attack"]
    assert not [a for a in attack.arguments if a.role == "agent"]


@pytest.mark.parametrize(
    "text",
    [
        "The plan killed two villagers in Kesh.",
        "Its capacity attacked the market in Brano.",
        "The new policy killed two farmers in Brano.",
    ],
)
def test_things_and_ideas_are_never_agents(extract_one, text):
    x = extract_one(text)
    assert x.events and not [a for e in x.events for a in e.arguments if a.role == "agent"]


@pytest.mark.parametrize(
    "text, agent",
    [
        ("Gunmen attacked a convoy near Kesh.", "Gunmen"),
        ("Two police officers arrested a smuggler in Brano.", "Two police officers"),
        ("The attackers bombed the embassy.", "attackers"),
        ("The crowd attacked a bus in Kesh.", "crowd"),
    ],
)
def test_noun_phrases_naming_people_or_groups_stay_agents(extract_one, text, agent):
    agents = [a.span.text for e in extract_one(text).events for a in e.arguments if a.role == "agent"]
    assert agents == [agent]


def _roles(x, event) -> list[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return sorted((a.role, names[a.entity] if a.entity else a.span.text) for a in event.arguments)


@pytest.mark.parametrize(
    "text, place",
    [
        ("Gunmen attacked a hotel in Mogadishu.", "Mogadishu"),  # the place phrase of the target
        ("A convoy was attacked by the rebels near Kandahar.", "Kandahar"),  # ... of the agent
        ("The blast hit the Orvo bus station, where six people were killed.", "Orvo bus station"),
    ],
)
def test_the_place_of_an_argument_or_a_where_clause_is_the_events(extract_one, text, place):
    x = extract_one(text)
    event = x.events[-1]
    assert ("place", place) in _roles(x, event)


@pytest.mark.parametrize(
    "text",
    [
        # A place the sentence names for something else is not where the event happened.
        "Tomas Vell, who was born in Brano, was killed on Monday.",
        "Protesters from Kesh said soldiers arrested two men.",
    ],
)
def test_the_nearest_place_of_the_sentence_is_no_guess(extract_one, text):
    x = extract_one(text)
    violent = [e for e in x.events if e.type in ("Killing", "Arrest")]
    assert violent and not [a for e in violent for a in e.arguments if a.role == "place"]


def test_a_named_apposition_is_the_argument(extract_one):
    x = extract_one("Gunmen abducted the driver, Ali Kanu, near Bolo.")
    assert ("victim", "Ali Kanu") in _roles(x, x.events[0])


def test_a_bomb_is_never_what_a_bombing_targets(extract_one):
    x = extract_one("The bomb was hidden in a car and detonated near the market.")
    bombing = next(e for e in x.events if e.type == "Bombing")
    assert not [a for a in bombing.arguments if a.role in ("target", "victim", "agent")]


def test_one_entity_named_twice_is_one_filler_when_mentions_merge(extract_one):
    # The headline's title and the story's name are one person: one meeting, one agent.
    x = extract_one(
        "Defense Minister meets army commanders\n\nDefense Minister Tomas Vell met with army commanders "
        "in Brano on Monday. The meeting lasted two hours."
    )
    meetings = [e for e in x.events if e.type == "Meeting"]
    assert len(meetings) == 1
    assert [t for r, t in _roles(x, meetings[0]) if r == "agent"] == ["Tomas Vell"]


@pytest.mark.parametrize(
    "text, role, words",
    [
        ("The clash left one student injured in Brano.", "victim", "one student"),
        ("The student appears to have been shot with rubber pellets.", "target", "student"),
        ("Rebels vowed to attack the capital.", "agent", "Rebels"),  # active: the subject acts
    ],
)
def test_a_passive_complement_takes_its_subject_as_acted_upon(extract_one, text, role, words):
    x = extract_one(text)
    event = x.events[-1]
    assert (role, words) in _roles(x, event)
    assert not [a for a in event.arguments if a.span.text == words and a.role != role]


@pytest.mark.parametrize(
    "text", ["Rebels attacked the town at dawn.", "Gunmen opened fire at midnight on Sunday, killing three."]
)
def test_a_time_of_day_is_no_argument(extract_one, text):
    x = extract_one(text)
    assert x.events and not [a for e in x.events for a in e.arguments if a.span.text in ("dawn", "midnight")]


def test_who_suffered_an_injury_is_its_victim(extract_one):
    x = extract_one("Two guards suffered serious injuries in the blast.")
    injury = next(e for e in x.events if e.type == "Injury")
    assert ("victim", "Two guards") in _roles(x, injury)


def test_a_series_of_attacks_takes_the_arguments_of_the_verb_that_launched_it(extract_one):
    x = extract_one("The Zarvan Front launched a series of attacks on police posts in Kesh.")
    attack = next(e for e in x.events if e.type == "Attack")
    assert {("agent", "Zarvan Front"), ("target", "police posts")} <= set(_roles(x, attack))


def coreference_outcomes(nlp) -> list[tuple[str | None, str | None]]:
    """(expected antecedent, the antecedent the component links) for each hand-checked case."""
    outcomes = []
    for text, word, nth, expected in CASES:
        doc = nlp(text)
        coref = Coreference(doc)
        token = [t for t in doc if t.text == word][nth]
        found = coref.resolve(token)
        outcomes.append((expected, coref.mentions[found].text if found is not None else None))
    return outcomes


def test_coreference_precision_on_the_hand_checked_sentences(nlp):
    outcomes = coreference_outcomes(nlp)
    links = [(e, f) for e, f in outcomes if f is not None]
    right = sum(1 for e, f in links if e == f)
    # Measured 13 of 15 links right, 13 of 15 antecedents found: the misses are entity typing
    # ("Brano" read as a person, "Ana Voss" as no person), not the coreference rules.
    assert right / len(links) >= 0.85, outcomes
    assert right / sum(1 for e, _ in outcomes if e is not None) >= 0.85, outcomes


def test_a_name_inside_the_place_phrase_is_no_second_place(extract_one):
    x = extract_one("The worst explosion was at the busy Orvo Street bus station.")
    assert [t for r, t in _roles(x, x.events[0]) if r == "place"] == ["busy Orvo Street bus station"]
    x = extract_one("A bomb exploded near a market in Kesh.")  # the town the market is in is a place too
    assert [t for r, t in _roles(x, x.events[0]) if r == "place"] == ["Kesh", "market"]


def test_a_number_modified_by_a_participle_names_the_victims(extract_one):
    x = extract_one("Two of the 12 killed in Brano were police officers.")
    killing = next(e for e in x.events if e.type == "Killing")
    assert ("victim", "12") in _roles(x, killing)


@pytest.mark.parametrize(
    "text, target",
    [
        ("The Orvo Federal Building was shattered by an explosion on Monday.", "Orvo Federal Building"),
        ("The police station, which was hit by a bombing last week, reopened.", "police station"),
    ],
)
def test_what_a_passive_effect_verb_names_is_acted_upon(extract_one, text, target):
    x = extract_one(text)
    bombing = next(e for e in x.events if e.type in ("Bombing", "Attack"))
    assert ("target", target) in _roles(x, bombing)


def test_a_street_after_on_is_where_not_what(extract_one):
    x = extract_one("A bomb exploded, wounding 13 people on a busy street in Brano.")
    injury = next(e for e in x.events if e.type == "Injury")
    roles = _roles(x, injury)
    assert ("place", "busy street") in roles and not [t for r, t in roles if r == "target"]
    # "an attack on the road" to somewhere is where; "an attack on the convoy" stays what was attacked
    x = extract_one("Rebels launched an attack on a convoy near Kesh.")
    assert ("target", "convoy") in _roles(x, next(e for e in x.events if e.type == "Attack"))


def _agents(x, event_type: str) -> list[list[str]]:
    names = {e.key: e.name for e in x.entities}
    return [
        sorted(names[a.entity] if a.entity else a.span.text for a in e.arguments if a.role == "agent")
        for e in x.events
        if e.type == event_type
    ]


@pytest.mark.parametrize(
    "text, agents",
    [
        # Who demands a ransom holds the captives: the agent of the kidnappings told without one.
        (
            "The Red Vale Front controls the hills around Osto. Kidnappings of traders have risen there "
            "this year. The rebels are reportedly demanding a ransom of 50,000 dollars for each captive.",
            [["Red Vale Front"]],
        ),
        (
            "Two engineers were abducted near Osto on Monday. The Tarn Brigades asked for ransom payments.",
            [["Tarn Brigades"]],
        ),
        # Kidnappings told together (aggregate) have their captors too.
        (
            "Kidnappings have risen in Osto since 2019. The Tarn Brigades demand ransoms for the captives.",
            [["Tarn Brigades"]],
        ),
        # Near misses: whoever pays a ransom holds no one; a kidnapping with its own agent keeps it;
        # one that may happen has no captor yet.
        ("Two engineers were abducted near Osto. Their employer, Omnel Mining, paid a ransom.", [[]]),
        ("Traders fear they may be kidnapped in Osto. The Tarn Brigades demanded a ransom for a pilot.", [[]]),
        (
            "Gunmen abducted two engineers near Osto. The Tarn Brigades later demanded a ransom for them.",
            [["Gunmen"]],
        ),
    ],
)
def test_who_demands_a_ransom_is_the_kidnapper(extract_one, text, agents):
    assert _agents(extract_one(text), "Kidnapping") == agents


def test_a_ransom_demand_told_far_away_is_another_story(extract_one):
    x = extract_one(
        "Two engineers were abducted near Osto. The mine closed in May. Its workers went home. "
        "Prices rose in the town. Traders left the valley. The Tarn Brigades demanded a ransom for a pilot."
    )
    assert _agents(x, "Kidnapping") == [[]]


@pytest.mark.parametrize(
    "text, word, antecedent",
    [
        # "the militants" is the document's one armed group, not the latest organization named.
        (
            "The Kesh Liberation Front attacked a convoy in May. The Interior Ministry said that "
            "traders were kidnapped. The militants are demanding a ransom.",
            "militants",
            "Kesh Liberation Front",
        ),
        # Two armed groups: the latest one within the group window.
        (
            "The Tarn Brigades fought the Osto Front in May. On Monday the Vale Front attacked a town. "
            "The rebels withdrew at night.",
            "rebels",
            "Vale Front",
        ),
        # an organization told doing violence is armed, whatever its name
        ("The Black Dawn movement bombed a bridge in May. The militants fled north.", "militants", "Black Dawn"),
        (
            "Black Harvest, a little-known group, bombed a bridge in Kesh. The militants fled north.",
            "militants",
            "Black Harvest",
        ),
    ],
)
def test_an_armed_group_description_refers_to_the_armed_group(nlp, text, word, antecedent):
    doc = nlp(text)
    coref = Coreference(doc)
    found = coref.resolve(next(t for t in doc if t.text == word))
    assert found is not None and coref.mentions[found].text == antecedent


@pytest.mark.parametrize(
    "text",
    [
        "The Kesh Water Board called on the army to leave Brano. The rebels refused.",
        "Vardia urged the Osto Council to send food to Brano. The militants blocked the road.",
    ],
)
def test_an_armed_group_description_never_stands_for_an_unarmed_organization(nlp, text):
    doc = nlp(text)
    word = next(t for t in doc if t.text in ("rebels", "militants"))
    assert Coreference(doc).resolve(word) is None


@pytest.mark.parametrize(
    "text, victims",
    [
        ("Five soldiers were killed and eight others wounded in Brano.", ["eight others"]),
        ("At least 12 people were killed and 30 wounded when a bomb exploded.", ["30"]),
        ("Six guards were killed, with two others injured.", ["two others"]),
        ("Three died in the blast, with dozens more wounded.", ["dozens"]),
    ],
)
def test_a_participle_sharing_a_passive_auxiliary_is_passive(extract_one, text, victims):
    x = extract_one(text)
    injury = next(e for e in x.events if e.type == "Injury")
    roles = _roles(x, injury)
    assert [t for r, t in roles if r == "victim"] == victims
    assert not [t for r, t in roles if r == "agent" and t in victims]


def test_active_coordinated_verbs_keep_their_subject_as_agent(extract_one):
    x = extract_one("Gunmen stormed a bank in Brano and wounded two guards.")
    injury = next(e for e in x.events if e.type == "Injury")
    assert {("agent", "Gunmen"), ("victim", "two guards")} <= set(_roles(x, injury))


def test_a_clause_with_its_own_by_phrase_is_passive(extract_one):
    x = extract_one("The alleged gunman, Tomas Vell – shot dead by police – had joined the Vale Front.")
    killing = next(e for e in x.events if e.type == "Killing")
    roles = _roles(x, killing)
    assert ("victim", "Tomas Vell") in roles and ("agent", "Tomas Vell") not in roles


@pytest.mark.parametrize(
    "text, victim, agent",
    [
        ("Tomas Vell was stabbed to death by a gunman in Brano.", "Tomas Vell", "gunman"),
        ("Soldiers beat two protesters to death in Brano.", "two protesters", "Soldiers"),
    ],
)
def test_to_death_takes_the_arguments_of_the_violent_verb(extract_one, text, victim, agent):
    x = extract_one(text)
    death = next(e for e in x.events if e.type == "Killing")
    assert {("victim", victim), ("agent", agent), ("place", "Brano")} <= set(_roles(x, death))


def test_a_sentence_to_death_tells_no_killing_of_its_subject(extract_one):
    x = extract_one("The court sentenced Tomas Vell to death on Monday.")
    assert not [a for e in x.events if e.type == "Killing" for a in e.arguments if a.role == "victim"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("A US-backed militia attacked the town of Brano.", "US-backed militia"),
        ("Gunmen abducted a 12-year-old boy in Brano.", "12-year-old boy"),
    ],
)
def test_a_hyphenated_modifier_stays_whole(extract_one, text, words):
    x = extract_one(text)
    assert words in [a.span.text for e in x.events for a in e.arguments]


@pytest.mark.parametrize(
    "text, word, antecedent",
    [
        # A subject pronoun is not the person named later in its own clause.
        ("Tomas Vell arrived in Brano. Mira Castell met the mayor. He said Castell had left.", "He", "Tomas Vell"),
        ("Tomas Vell rented a truck on Monday. He said Vell paid in cash.", "He", None),
        # An object pronoun is not the subject of its own verb; a reflexive one is.
        ("Tomas Vell rented a truck. Mira Castell said Vell paid him in cash.", "him", "Mira Castell"),
        ("Tomas Vell rented a truck. Mira Castell paid him in cash.", "him", "Tomas Vell"),
        ("Tomas Vell rented a truck on Monday. He paid for it himself.", "himself", "Tomas Vell"),
    ],
)
def test_a_pronoun_never_stands_for_a_name_its_own_clause_binds_apart(nlp, text, word, antecedent):
    doc = nlp(text)
    coref = Coreference(doc)
    found = coref.resolve(next(t for t in doc if t.text == word))
    assert (coref.mentions[found].text if found is not None else None) == antecedent


@pytest.mark.parametrize(
    "text, expected",
    [
        # The thrower acts; what the weapon is thrown at is the target, not also the place.
        ("Rebels threw a grenade at the house of the mayor.", {("agent", "Rebels"), ("target", "house")}),
        (
            "A grenade was hurled at the police post by unknown men.",
            {("agent", "unknown men"), ("target", "police post")},
        ),
        (
            "Unknown men hurled a stick of dynamite against the police station.",
            {("agent", "Unknown men"), ("target", "police station")},
        ),
        (
            "Ten gunmen hurled dynamite sticks at the Brano embassy.",
            {("agent", "Ten gunmen"), ("target", "Brano embassy")},
        ),
        # Who planted it acts; what it destroys is the target.
        (
            "A bomb placed by the Vardi Front destroyed the power station.",
            {("agent", "Vardi Front"), ("target", "power station")},
        ),
    ],
)
def test_a_bombing_named_by_its_weapon_reads_the_verb_the_weapon_hangs_on(extract_one, text, expected):
    x = extract_one(text)
    bombing = next(e for e in x.events if e.type == "Bombing")
    roles = set(_roles(x, bombing))
    assert expected <= roles
    assert not [r for r in roles if r[0] == "place" and ("target", r[1]) in roles]


def test_who_places_explosives_acts_and_where_they_are_placed_is_bombed(extract_one):
    # as for "planted a bomb in the bank" (PETRARCH2: PLANT * &WEAPON, CAMEO 183)
    x = extract_one("Two men placed explosive devices in the Kesh bank.")
    (bombing,) = [e for e in x.events if e.type == "Bombing"]
    assert {("agent", "Two men"), ("target", "Kesh bank")} <= set(_roles(x, bombing))


def test_the_people_a_bomb_kills_are_the_killings_victims_not_the_bombings_targets(extract_one):
    x = extract_one("A car bomb killed two guards in Brano.")
    bombing = next(e for e in x.events if e.type == "Bombing")
    killing = next(e for e in x.events if e.type == "Killing")
    assert not [a for a in bombing.arguments if a.role in ("target", "victim")]
    assert ("victim", "two guards") in _roles(x, killing)


def test_a_bomb_found_or_thrown_as_a_stone_makes_no_arguments(extract_one):
    x = extract_one("Police defused a bomb near the school. Youths threw stones at the police post.")
    assert not [e for e in x.events if e.type == "Bombing"]


@pytest.mark.parametrize(
    "text, target",
    [
        ("A bomb exploded outside the Kesh National Bank on Monday.", "Kesh National Bank"),
        ("A powerful bomb went off at the headquarters of the Vale Party.", "headquarters"),
        ("The explosion at the embassy in Kesh wounded four guards.", "embassy"),
    ],
)
def test_the_building_a_bomb_went_off_at_is_what_it_hit(extract_one, text, target):
    x = extract_one(text)
    bombing = next(e for e in x.events if e.type == "Bombing")
    assert ("target", target) in _roles(x, bombing)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded in Brano on Monday.",  # a town is where, not what
        "Rebels attacked a convoy near the bank.",  # only an explosion hits the building it goes off at
    ],
)
def test_a_place_that_is_no_building_or_an_attack_elsewhere_gives_no_target(extract_one, text):
    x = extract_one(text)
    assert not [a for e in x.events for a in e.arguments if a.role == "target" and a.span.text in ("Brano", "bank")]


@pytest.mark.parametrize(
    "text, target",
    [
        ("A violent explosion damaged the windows of the Vale consulate in Kesh.", "Vale consulate"),
        ("A bomb exploded on the sixth floor of the Orvo Hotel, killing two people.", "Orvo Hotel"),
    ],
)
def test_a_part_or_side_of_a_thing_stands_for_the_whole(extract_one, text, target):
    x = extract_one(text)
    bombing = next(e for e in x.events if e.type == "Bombing")
    roles = _roles(x, bombing)
    assert ("target", target) in roles
    assert not [w for r, w in roles if w.split()[-1] in ("windows", "floor")]


def test_what_a_blast_rips_through_is_what_it_hit(extract_one):
    x = extract_one("An explosion ripped through a market in Kesh on Monday, killing 20 people.")
    bombing = next(e for e in x.events if e.type == "Bombing")
    assert ("target", "market") in _roles(x, bombing)
    killing = next(e for e in x.events if e.type == "Killing")
    assert ("target", "market") not in _roles(x, killing) and ("victim", "20 people") in _roles(x, killing)


@pytest.mark.parametrize(
    "text, group",
    [
        ("Members of the Vale Liberation Front attacked a power substation in Kesh.", "Vale Liberation Front"),
        ("A cell of the Orvo Brigades kidnapped a judge.", "Orvo Brigades"),
    ],
)
def test_members_of_a_named_group_act_with_their_group(extract_one, text, group):
    x = extract_one(text)
    assert ("agent", group) in _roles(x, x.events[0])


def test_members_of_no_named_group_stay_words(extract_one):
    x = extract_one("Members of a gang attacked a bus.")
    assert [w for r, w in _roles(x, x.events[0]) if r == "agent"] == ["Members"]


def test_a_count_of_members_is_no_organization_killed(extract_one):
    x = extract_one("Two members of the Vale Front were killed by soldiers in Kesh.")
    killing = next(e for e in x.events if e.type == "Killing")
    assert [w for r, w in _roles(x, killing) if r == "victim"] == ["Two members"]
    # A number's of-phrase still names who it counts.
    x = extract_one("Gunmen killed two of the guards in Kesh.")
    killing = next(e for e in x.events if e.type == "Killing")
    assert [w for r, w in _roles(x, killing) if r == "victim"] == ["guards"]


@pytest.mark.parametrize(
    "text, target",
    [
        ("The blast from the explosion hit a truck full of policemen in Kesh.", "truck"),
        ("Rebels threw a grenade at a passing car in Brano.", "passing car"),
    ],
)
def test_a_vehicle_a_bombing_hits_is_its_target(extract_one, text, target):
    x = extract_one(text)
    bombing = next(e for e in x.events if e.type == "Bombing")
    assert ("target", target) in _roles(x, bombing)


def test_a_vehicle_that_carried_the_bomb_is_no_target(extract_one):
    x = extract_one("Rebels detonated a car packed with explosives near the base.")
    bombing = next(e for e in x.events if e.type == "Bombing")
    assert not [a for a in bombing.arguments if a.role == "target"]


@pytest.mark.parametrize(
    "text, event_type, expected, wrong",
    [
        # With an of-phrase naming who is acted upon, the possessor acts.
        (
            "The Vale Front's kidnapping of the mayor angered the town.",
            "Kidnapping",
            ("agent", "Vale Front"),
            ("victim", "Vale Front"),
        ),
        # The possessor of an assassination is who was attacked.
        (
            "The bishop recalled Tomas Vell's assassination in Brano.",
            "Attack",
            ("target", "Tomas Vell"),
            ("agent", "Tomas Vell"),
        ),
        # Otherwise the class's own possessor role.
        ("The army's attack on the village killed ten people.", None, ("agent", "army"), ("target", "army")),
        (
            "Police confirmed Mira Castell's arrest in Kesh.",
            "Arrest",
            ("victim", "Mira Castell"),
            ("agent", "Mira Castell"),
        ),
    ],
)
def test_an_event_nouns_possessor_acts_or_is_acted_upon_by_what_the_noun_tells(
    extract_one, text, event_type, expected, wrong
):
    x = extract_one(text)
    event = x.events[0] if event_type is None else next(e for e in x.events if e.type == event_type)
    roles = _roles(x, event)
    assert expected in roles and wrong not in roles
