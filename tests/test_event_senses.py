"""Trigger words in senses that name no event, and the words that change an event's class:
hand-made sentences, each rule with near-misses it must leave alone."""

from __future__ import annotations

import pytest


def kinds(x):
    return sorted((e.type, t.text) for e in x.events for t in e.triggers)


def classes(x):
    return sorted({e.type for e in x.events})


# -- a weapon makes an attack a bombing ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels staged a bomb attack on the market.",
        "A car bomb attack destroyed the police headquarters.",
        "Guerrillas carried out two dynamite attacks against the pipeline.",
        "Gunmen attacked the mayor's house with explosives.",
    ],
)
def test_an_explosive_makes_an_attack_a_bombing(extract_one, text):
    assert classes(extract_one(text)) == ["Bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the market with rifles.",
        "A knife attack left one man hurt.",
        "The attack on the bomb squad was condemned.",
    ],
)
def test_other_weapons_leave_an_attack_an_attack(extract_one, text):
    assert "Attack" in classes(extract_one(text)) and "Bombing" not in classes(extract_one(text))


# -- arson is an attack (kg:Attack's comment; PETRARCH2 "arson attack" 180, "torch") ---------------


@pytest.mark.parametrize(
    "text, target",
    [
        ("Rebels set fire to three buses in Kesh.", "three buses"),
        ("Unidentified men torched the Kesh mayor's house.", "house"),
        ("Rioters set the Brano town hall on fire.", "Brano town hall"),
        ("The rebels set ablaze two buses near Kesh.", "two buses"),
        ("Police are investigating an arson attack on a Kesh mosque.", "Kesh mosque"),
    ],
)
def test_arson_is_an_attack_on_what_is_burnt(extract_one, text, target):
    x = extract_one(text)
    (attack,) = [e for e in x.events if e.type == "Attack"]
    assert target in {a.span.text for a in attack.arguments if a.role == "target"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # burning a flag or an effigy is a protest (PETRARCH2: TORCH * FLAG, 141), no attack
        ("Demonstrators set fire to an effigy of the Kesh president.", []),
        ("Protesters in Brano torched a flag.", []),
        ("The protesters are setting a Kesh flag on fire.", []),
        # what an attack did is that attack, not a second one
        ("A police report said the attack set the Brano bank on fire.", ["attack"]),
        # a verb of a clause of its own is no word of the phrase
        ("He set up a cannon and fired it at the hills.", ["fired it at"]),
    ],
)
def test_burning_near_misses(extract_one, text, expected):
    assert [trigger for kind, trigger in kinds(extract_one(text)) if kind == "Attack"] == expected


# -- fighting between armed forces ---------------------------------------------------------------


def test_fighting_is_a_military_operation_and_causes_its_deaths(extract_one):
    x = extract_one("Two soldiers were killed in a clash with rebels near the border.")
    fight = next(e for e in x.events if e.type == "MilitaryOperation")
    killing = next(e for e in x.events if e.type == "Killing")
    assert [t.text for t in fight.triggers] == ["clash"]
    assert ("causedBy", x.events.index(fight)) in killing.links


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Heavy fighting broke out in the capital.", "MilitaryOperation"),
        ("The battle for the city lasted a week.", "MilitaryOperation"),
        ("Gunmen attacked the convoy.", "Attack"),
        ("A shooting at the school killed three.", "Attack"),
    ],
)
def test_fighting_and_assault_are_told_apart(extract_one, text, kind):
    assert kind in classes(extract_one(text))


# -- illness, accidents, cautions: other senses --------------------------------------------------


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Eight people died of the disease last week.", "died"),
        ("An old man died from cancer in the hospital.", "died"),
        ("Doctors need more money to attack the virus.", "attack"),
        ("A gas explosion damaged the factory.", "explosion"),
        ("The device detonated accidentally in the workshop.", "detonated"),
        ("The embassy issued a travel warning for the region.", "warning"),
        ("The threat of terrorism remains high.", "threat"),
        ("Officials warned the police about the crowds.", "warned"),
        ("The Kesh bank warned that profit growth would slow.", "warned"),  # a forecast of things
        ("The wind was blowing hard all night.", "blowing"),
        ("The minister called the explosion an attack.", "attack"),
        ("The minister described the explosion as an attack.", "attack"),
    ],
)
def test_words_in_other_senses_name_no_event(extract_one, text, trigger):
    assert trigger not in [t for _, t in kinds(extract_one(text))]


@pytest.mark.parametrize(
    "text, kind, trigger",
    [
        ("Eight people died in the attack last week.", "Killing", "died"),
        ("The soldier died of his wounds in the hospital.", "Killing", "died"),
        ("Rebels attacked the clinic treating the virus patients.", "Attack", "attacked"),
        ("A bomb explosion killed two at the factory.", "Bombing", "explosion"),
        ("The group threatened the mayor.", "Threat", "threatened"),
        ("The rebels warned that they would attack the town.", "Threat", "warned"),
        ("Finland warned that Kesh would pay for the raid.", "Threat", "warned"),  # someone named to act
        ("Kesh warned Finland that relations could suffer if it hosts Vell.", "Threat", "warned"),  # a condition
        ("The threats against the judge were taken seriously.", "Threat", "threats"),
        ("Militants blew up the bridge.", "Bombing", "blew up"),
        ("The minister called for an end to the attacks.", "Attack", "attacks"),
    ],
)
def test_near_misses_of_other_senses_stay_events(extract_one, text, kind, trigger):
    assert (kind, trigger) in kinds(extract_one(text))


# -- reported words, absent events, modality -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry announced that the border would reopen.",
        "The police stated that nobody was hurt.",
        '"We are safe," the mayor declared.',
    ],
)
def test_statement_verbs_introducing_reported_words_make_statements_with_the_words(extract_one, text):
    (statement,) = [e for e in extract_one(text).events if e.type == "Statement"]
    assert statement.quote in text and statement.arguments[0].role == "agent"


def test_statement_verb_with_an_object_stays_an_event(extract_one):
    assert "Statement" in classes(extract_one("The ministry announced new measures."))


@pytest.mark.parametrize(
    "text, kind",
    [
        ("No group claimed responsibility for the blast.", "ClaimOfResponsibility"),
        ("No claim of responsibility was made.", "ClaimOfResponsibility"),
        ("No injuries were reported.", "Injury"),
    ],
)
def test_events_said_not_to_exist_are_not_made(extract_one, text, kind):
    assert kind not in classes(extract_one(text))


@pytest.mark.parametrize(
    "text, kind",
    [
        ("No group has claimed the bombing of the Kesh market.", "Bombing"),
        ("The Vorin Front did not claim the attack on the convoy.", "Attack"),
    ],
)
def test_a_claimed_event_took_place_whatever_is_said_of_the_claim(extract_one, text, kind):
    event = next(e for e in extract_one(text).events if e.type == kind)
    assert event.modality is None
    assert "ClaimOfResponsibility" not in [e.type for e in extract_one(text).events if e.modality is None]


def test_denied_events_are_still_made_and_marked(extract_one):
    x = extract_one("The group denied that it claimed responsibility for the blast.")
    claim = next(e for e in x.events if e.type == "ClaimOfResponsibility")
    assert claim.modality == "negated"


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("We must attack the terrorists.", "Attack", "hypothetical"),
        ("The army acted to prevent attacks on the capital.", "Attack", "hypothetical"),
        ("The rebels attacked the capital.", "Attack", None),
        ("Why are our soldiers dying in the mountains?", "Killing", "hypothetical"),
        ("Who attacked the convoy?", "Attack", "hypothetical"),
        ("Our soldiers are dying in the mountains.", "Killing", None),
        ("They demanded an end to the repression, kidnappings and torture.", "Kidnapping", "hypothetical"),
        # not demanded: reported (many kidnappings told at once: aggregate, not hypothetical)
        ("The police reported robberies, kidnappings and murders last year.", "Kidnapping", "aggregate"),
        ("If rebels attack the town, the army will respond.", "Attack", "hypothetical"),
        ("Unless the army withdraws from Kesh, the truce ends.", "Withdrawal", "hypothetical"),
        ("Rebels attacked the town, and the army responded.", "Attack", None),
        ("Stop the bombing of the villages.", "Bombing", "hypothetical"),
        ("Cease the repression and stop the assassinations.", "Attack", "hypothetical"),
        ("The army stopped the bombing of the villages.", "Bombing", None),
    ],
)
def test_modality_of_obligations_questions_lists_conditions_and_demands(extract_one, text, kind, value):
    event = next(e for e in extract_one(text).events if e.type == kind)
    assert event.modality == value


# -- phrases --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The Taliban claimed they were responsible for the attack.", "ClaimOfResponsibility"),
        ("The explosion claimed the lives of four men.", "Killing"),
        ("The IRA's bombing outrages shocked Belfast.", "Bombing"),
    ],
)
def test_claim_phrases_and_event_role_nouns(extract_one, text, kind):
    assert kind in classes(extract_one(text))


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The company claimed the land was its own.", "ClaimOfResponsibility"),
        ("He claimed a prize at the fair.", "Killing"),
    ],
)
def test_claim_without_responsibility_or_lives_is_no_event(extract_one, text, kind):
    assert kind not in classes(extract_one(text))


# -- participles, shelling and air strikes ---------------------------------------------------------


def test_a_participle_naming_a_kind_of_thing_is_no_event(extract_one):
    assert "Bombing" not in classes(extract_one("Troops confiscated rifles, 3,800 detonating plugs and 20 grenades."))
    assert "Bombing" in classes(extract_one("The device was detonating when the police arrived."))


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Government artillery kept up the shelling of the town.", "shelling"),
        ("An airstrike hit the rebel base.", "airstrike"),
        ("The offensive began at dawn.", "offensive"),
        ("The Vardi Front carried out an incursion into Kesh.", "incursion"),  # PETRARCH2: 190
    ],
)
def test_shelling_air_strikes_and_offensives_are_military_operations(extract_one, text, trigger):
    assert ("MilitaryOperation", trigger) in kinds(extract_one(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a trigger written with a hyphen is one word, though spaCy splits words at hyphens
        ("Students staged a sit-in at the Kesh ministry.", ("Protest", "sit-in")),
        ("The hostage-taking in Brano lasted two days.", ("Kidnapping", "hostage-taking")),
        ("Two rebels were killed in a shoot-out with police in Kesh.", ("MilitaryOperation", "shoot-out")),
        ("Shoot-outs broke out in Brano.", ("MilitaryOperation", "Shoot-outs")),
        ("The Vardi Front completed its take-over of Kesh.", ("Takeover", "take-over")),
    ],
)
def test_a_hyphenated_trigger_is_one_word(extract_one, text, expected):
    assert expected in kinds(extract_one(text))


def test_a_death_in_a_hyphenated_fight_is_caused_by_it(extract_one):
    x = extract_one("Two rebels were killed in a shoot-out with police in Kesh.")
    killing = next(e for e in x.events if e.type == "Killing")
    assert [x.events[k].type for p, k in killing.links if p == "causedBy"] == ["MilitaryOperation"]


# -- issue 11: senses decided by the parse (invented names) ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Protesters chanted "Death to the invaders" outside the parliament.',
        'The "Stop the Killing" campaign held a rally in Kesh.',
        'Students carried banners reading "Crush the tyrants" through Brano.',
    ],
)
def test_violent_words_in_quoted_slogans_and_names_are_no_events(extract_one, text):
    assert not [e for e in extract_one(text).events if e.type in ("Attack", "Killing", "Bombing")]


@pytest.mark.parametrize(
    "text, kind",
    [
        ('"They attacked the village at night," the farmer said.', "Attack"),
        # a word in scare quotes whose subject is outside them
        ('A party spokesman said the Kesh mayor was "kidnapped" on his way to the airport.', "Kidnapping"),
        ('The Vardi Front said the army "murdered" two farmers in Brano.', "Killing"),
    ],
)
def test_a_quoted_account_of_violence_stays_an_event(extract_one, text, kind):
    assert kind in classes(extract_one(text))


@pytest.mark.parametrize(
    "text",
    [
        "The president declared the fallen soldier a hero.",
        "The mayor declared Mira Castell an honorary citizen.",
        "The council declared the vote invalid.",
    ],
)
def test_declaring_someone_something_is_no_statement(extract_one, text):
    assert "Statement" not in classes(extract_one(text))


@pytest.mark.parametrize(
    "text",
    ["The minister declared that the border was closed.", '"He is a hero," the president declared.'],
)
def test_declaring_a_fact_is_a_statement(extract_one, text):
    assert "Statement" in classes(extract_one(text))


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Rebels captured the town of Kesh on Monday.", "Takeover"),
        ("The militia captured the airport.", "Takeover"),
        ("Police captured the gang leader in Kesh.", "Arrest"),  # a person is arrested
    ],
)
def test_capturing_a_place_is_a_takeover_and_a_person_an_arrest(extract_one, text, kind):
    found = set(classes(extract_one(text)))
    assert kind in found and not found & ({"Takeover", "Arrest"} - {kind})


@pytest.mark.parametrize(
    "text, military",
    [
        ("The opposition mobilized thousands of voters.", False),
        ("The party mobilised its supporters for the election.", False),
        ("The company deployed new software.", False),
        ("The army mobilized thousands of troops along the border.", True),
        ("The government deployed soldiers in Kesh.", True),
    ],
)
def test_mobilisation_is_military_only_with_armed_forces(extract_one, text, military):
    assert ("MilitaryOperation" in classes(extract_one(text))) is military


@pytest.mark.parametrize(
    "text, kind",
    [
        ('The envoy condemned the group\'s "bombing outrages" in Kesh.', "Bombing"),
        ('Prosecutors opened a case for "attempted murder" against Tomas Vell.', "Killing"),
    ],
)
def test_events_quoted_as_terms_stay_events(extract_one, text, kind):
    assert kind in classes(extract_one(text))


# -- CAMEO verbs (cameo_verbs.json) in the sense the parse gives them (cameo_senses.json) ---------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two men stabbed a guard outside the Kesh bank.", [("Injury", "stabbed")]),
        ("Soldiers tortured three students at the Brano camp.", [("Injury", "tortured")]),
        ("Vorin Front fighters recaptured the police station.", [("Takeover", "recaptured")]),
    ],
)
def test_a_cameo_verb_names_an_event_when_its_parse_fits_the_class(extract_one, text, expected):
    assert kinds(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The dancer stabbed the air with her fan.",  # no person acted upon
        "Farming families inhabit the Kesh valley.",  # a place, but nobody armed takes it
        "The Brano council recaptured its lost voters.",  # no place taken
        "The committee convicted nobody and sued the Kesh Water Board.",  # legal action: no arrest
        "The new tax annoyed the Brano traders.",  # CAMEO's protest synonyms are feelings
    ],
)
def test_a_cameo_verb_in_another_sense_names_no_event(extract_one, text):
    assert kinds(extract_one(text)) == []


def test_a_cameo_verb_telling_what_an_event_did_is_no_second_event(extract_one):
    x = extract_one("Vorin Front fighters bombed the Kesh market. The bombing targeted Brano police officers.")
    assert [k for k, _ in kinds(x)] == ["Bombing", "Bombing"]


# -- who attacks decides the CAMEO root: state armed forces fight (19), others assault (18) --------


@pytest.mark.parametrize(
    "text",
    [
        "Talvoran troops attacked the rebel camp near Kesh.",
        "The village was attacked by the army on Monday.",
        "An army assault on the valley began at dawn.",
        "Soldiers opened fire on the crowd.",  # was an Attack in tests/test_events.py before the CAMEO 18/19 rule
        # from the air (CAMEO 195, as an air strike), or by a state named as the attacker
        "Four planes and two helicopter gunships opened fire on rebel columns near Kesh.",
        "Warplanes attacked the Vorin Front camp.",
        "Finland attacked the border post on Monday.",
        "The border post was attacked by Finland.",
        "Finland's attack on the post began at dawn.",
        # by PETRARCH2's agents dictionary (sector MIL), or a country's forces
        "Government forces attacked the Vorin Front camp.",
        "Finnish forces attacked the border post on Monday.",
        "Finnish forces began an artillery attack on the Kesh outskirts.",
        "Talvoran troops entered Kesh and attacked the market.",  # the subject of the first verb of a list
        # a bombardment by state forces or aircraft (PETRARCH2 'bomb' 190, 195 from the air)
        "The Talvoran air force bombed the hills near Kesh.",
        "Army helicopters bombed the Vorin Front camp.",
        "Kesh shook under the bombings carried out by the air force.",
        # told by a light verb: its subject or by-phrase attacks, as the verb's would
        "Talvoran troops launched an attack on the Kesh camp.",
        "The attack on the Kesh camp was staged by the army.",
        "The capital is being bombed and destroyed by an occupation army.",
        # told in a relative clause: the relative pronoun stands for the attacker
        "Six air force planes, which are bombing rebel positions near Kesh, flew over the city.",
        "The troops who attacked the Kesh market were seen near Brano.",
    ],
)
def test_an_attack_by_state_armed_forces_is_a_military_operation(extract_one, text):
    assert classes(extract_one(text)) == ["MilitaryOperation"]


@pytest.mark.parametrize(
    "text",
    [
        "Vorin Front rebels bombed the Kesh market.",
        "The bank was bombed and looted by Vorin rebels.",
        "Talvoran soldiers detonated a bomb at the Kesh market.",  # a bomb set off: CAMEO 183, not bombardment
    ],
)
def test_a_bombing_by_others_or_by_a_set_off_bomb_stays_a_bombing(extract_one, text):
    assert classes(extract_one(text)) == ["Bombing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an attack on state armed forces is fighting them (CAMEO 19)
        ("Vorin guerrillas attacked government troops near Kesh.", ["MilitaryOperation"]),
        ("Front fighters attacked Brano battalion troops on Monday.", ["MilitaryOperation"]),
        # near misses: civilians among those attacked, a thing attacked
        ("Vorin rebels attacked soldiers and civilians in Kesh.", ["Attack"]),
        ("Gunmen attacked a bus in Kesh.", ["Attack"]),
    ],
)
def test_an_attack_on_state_armed_forces_is_a_military_operation(extract_one, text, expected):
    assert classes(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the army camp near Kesh.",  # the army is attacked, not attacking
        "Vorin Front rebels attacked the town.",
        "Rebels attacked a helicopter near Kesh.",  # the aircraft is attacked
        "Gunmen attacked the Finland embassy in Kesh.",  # the country is no attacker
        "Vorin Front forces attacked the town.",  # the forces of no country
        "Vorin rebels entered Kesh and attacked the market.",
        "Vorin rebels launched an attack on the Kesh market.",
        "The attack on the Kesh market was carried out by gunmen.",
        "The gunmen who attacked the Kesh market were seen near Brano.",  # a relative clause of others
    ],
)
def test_an_attack_by_others_stays_an_attack(extract_one, text):
    assert classes(extract_one(text)) == ["Attack"]


@pytest.mark.parametrize(
    "text",
    ["Talvoran troops assassinated the mayor of Kesh.", "Vell fears Finland could make an attempt on his life."],
)
def test_an_assassination_is_an_attack_whoever_does_it(extract_one, text):
    assert classes(extract_one(text)) == ["Attack"]  # CAMEO 186, under 18 whoever acts


def test_a_place_taken_is_a_takeover_even_where_the_parse_takes_its_possessor_for_the_object(extract_one):
    x = extract_one("Kurdish-led militias captured IS’ last remaining territory in March.")
    assert classes(x) == ["Takeover"]


# -- events that did not happen, or may ------------------------------------------------------------


def modalities(x):
    return sorted((e.type, e.modality) for e in x.events)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Kesh army thwarted an attack on the base.", [("Attack", "negated")]),
        ("Police foiled a plot to bomb the Talvoran embassy.", [("Bombing", "negated")]),
        ("The plot to kill Mayor Ines Kardo was uncovered.", [("Killing", "hypothetical")]),
        ("The risk of kidnappings in Brano remains high.", [("Kidnapping", "hypothetical")]),
        ("Rebels attacked the base, but the army repelled them.", [("Attack", None)]),  # near miss: it happened
    ],
)
def test_a_stopped_or_feared_event_is_not_asserted(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb beside a threat or an attempt in a list of verbs tells its own fact
        ("Vardi rebels threatened the mayor and killed two guards.", [("Killing", None), ("Threat", None)]),
        ("Gunmen sought the Kesh mayor and shot him dead.", [("Killing", None)]),
        ("Soldiers tried to stop the march and arrested two students.", [("Arrest", None)]),
        ("Gunmen threatened the driver and kidnapped two nurses.", [("Kidnapping", None), ("Threat", None)]),
        # near misses: what the first verb governs is still its aim or its threat (what a threat
        # threatens is no event of its own: kg/extract/modality.py is_threatened)
        ("The Front threatened to attack and burn the post.", [("Threat", None)]),
        ("Rebels planned to kidnap and kill him.", [("Kidnapping", "hypothetical"), ("Killing", "hypothetical")]),
    ],
)
def test_a_verb_beside_a_threat_is_not_governed_by_it(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an event noun that does what the verb tells took place: the verb is no plan of it
        ("The killing of the Kesh mayor risks a new war.", [("Killing", None), ("MilitaryOperation", "hypothetical")]),
        ("The attack on the Brano school was clearly intended to cause unrest.", [("Attack", None)]),
        # near misses: an event told as planned, stopped or feared
        ("An attack on the Brano post was planned for Monday.", [("Attack", "hypothetical")]),
        ("The attack on the Kesh bank was foiled by the police.", [("Attack", "negated")]),
        ("Officials fear an attack on the Kesh post is planned.", [("Attack", "hypothetical")]),
    ],
)
def test_an_event_noun_doing_what_a_verb_tells_is_asserted(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a denial or an accusation of someone's part in an event tells the event
        ("The Vardi Front denied responsibility for the attack on the Kesh post.", [("Attack", None)]),
        ("The Front denied any role in the bombing of the Brano market.", [("Bombing", None)]),
        ("The Front denied involvement in the killing of the Kesh mayor.", [("Killing", None)]),
        # an inquiry into an event, or what is done to one, tells it took place
        ("The president called for an investigation into the killing of the Kesh mayor.", [("Killing", None)]),
        ("The Front demanded an inquiry into the bombing of the Brano market.", [("Bombing", None)]),
        ("The Kesh government wants to clarify the murder of the priests.", [("Killing", None)]),
        ("Kesh police said they would investigate the bombing of the market.", [("Bombing", None)]),
        ("The bombing of the Brano market could have been carried out by the Vardi Front.", [("Bombing", None)]),
        # near misses: the event itself denied, stopped, guessed at or called for
        ("An attack could be carried out on the Kesh post at any time.", [("Attack", "hypothetical")]),
        ("An attack may have been carried out on the Kesh post.", [("Attack", "hypothetical")]),
        ("The Vardi Front will carry out the attack tomorrow.", [("Attack", "future")]),
        ("The Kesh army denied the attack on the village.", [("Attack", "negated")]),
        ("The Vardi Front called for attacks on the police.", [("Attack", "hypothetical")]),
        ("The Vardi Front planned a series of attacks on the police.", [("Attack", "hypothetical")]),
        ("The Kesh army denied that the attack took place.", [("Attack", "negated")]),
        ("Police foiled a plot to bomb the Brano bank.", [("Bombing", "negated")]),
    ],
)
def test_a_denied_part_in_an_event_is_no_denied_event(extract_one, text, expected):
    assert [m for m in modalities(extract_one(text)) if m[0] != "Statement"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a past plan of, or charge over, a definite event tells someone's part in it: it took place
        ("The Vardi Front planned the attack on the Kesh police station for months.", [("Attack", None)]),
        ("The bombing of the Brano market had been planned since May.", [("Bombing", None)]),
        ("Police charged two men with the murder of the Kesh mayor.", [("Killing", None)]),
        ("Two men suspected of the kidnapping of the Brano judge were released.", [("Kidnapping", None)]),
        # near misses: an indefinite event planned, a plan still being made
        ("The Vardi Front planned an attack on the Kesh police station.", [("Attack", "hypothetical")]),
        ("The Vardi Front is planning the attack on the Kesh police station.", [("Attack", "hypothetical")]),
    ],
)
def test_a_past_plan_of_a_definite_event_tells_the_event(extract_one, text, expected):
    assert [m for m in modalities(extract_one(text)) if m[0] != "Statement"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a "to"-infinitive tells an aim, an order or an offer: not what happened
        ("The Vardi Front hired two men to kill the mayor.", [("Killing", "hypothetical")]),
        ("The army sent jets to bomb the Kesh hills.", [("Bombing", "hypothetical")]),
        ("Police were ordered to shoot at looters in Brano.", [("Attack", "hypothetical")]),
        ("The council voted to proceed with the bombing of the bridge.", [("Bombing", "hypothetical")]),
        ("Now is the time for Kesh and Brano to engage in direct talks.", []),  # a planned meeting: none yet
        # an order's small clause, as its "to"-infinitive; through a list of participles
        ("The Vardi Front ordered the mayor killed.", [("Killing", "hypothetical")]),
        ("They would order us kidnapped and murdered.", [("Kidnapping", "hypothetical"), ("Killing", "hypothetical")]),
        # near misses: made to happen, a past fact reported, a relative clause of its own
        ("The Vardi Front managed to kill the mayor.", [("Killing", None)]),
        ("Ana Voss flew to Kesh and decided to meet the army commanders.", [("Meeting", None)]),
        ("Rebels used a car bomb to blow up the Kesh bridge.", [("Bombing", None)]),
        ("The rebels are believed to have killed the mayor.", [("Killing", None)]),
        ("Police found the mayor murdered in his home.", [("Killing", None)]),
        ("Students marched to honour two brothers who were killed in Kesh.", [("Killing", None), ("Protest", None)]),
        # an event noun is the aim only of a verb that does it
        ("The Vardi Front ordered its men to carry out an attack on the bank.", [("Attack", "hypothetical")]),
        ("Police were sent to investigate the killing of two guards in Kesh.", [("Killing", None)]),
        ("We are going to correct our report on the results of the attack on the Brano post.", [("Attack", None)]),
    ],
)
def test_an_event_told_as_an_aim_is_not_asserted(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an event set aside by "instead of" or "rather than" did not happen
        (
            "Instead of bombing the Kesh neighborhoods, the rebels attacked leaders.",
            [("Attack", None), ("Bombing", "negated")],
        ),
        ("Rather than attacking the Brano post, the rebels fled.", [("Attack", "negated")]),
        # an event told as done many times is many happenings
        ("The rebels have dynamited the Kesh pipeline 23 times this year.", [("Bombing", "aggregate")]),
        ("Rebels attacked the Brano post twice last week.", [("Attack", "aggregate")]),
        # near misses: once is one happening; a saying said again is one statement
        ("Rebels attacked the Brano post once.", [("Attack", None)]),
        ("Tomas Vell has repeatedly said he would not call an election.", [("Statement", None)]),
    ],
)
def test_events_set_aside_or_repeated(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare verb after the first of a list shares its negation or modal
        ("The Vardi Front did not attack or kill anyone in Kesh.", [("Attack", "negated"), ("Killing", "negated")]),
        ("The Vardi Front could not kidnap or kill the mayor.", [("Kidnapping", "negated"), ("Killing", "negated")]),
        # a bare past participle after one shares its subject and auxiliaries
        (
            "In Kesh no priest has ever been imprisoned, murdered, or exiled.",
            [("Killing", "negated")],
        ),
        (
            "The Vardi Front would have kidnapped and murdered the mayor.",
            [("Kidnapping", "hypothetical"), ("Killing", "hypothetical")],
        ),
        # near misses: a verb with a tense of its own tells its own event; one set against the first
        (
            "The Vardi Front did not attack the town but killed two guards.",
            [("Attack", "negated"), ("Killing", None)],
        ),
        ("Two Kesh guards were not arrested but killed.", [("Arrest", "negated"), ("Killing", None)]),
    ],
)
def test_a_bare_verb_of_a_list_shares_the_first_verb_s_negation(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause that tells its event as a fact of its own: a past clause opened by a conjunction,
        # a relative clause, a participle on a noun
        ("After suicide bombers killed 59 people in Kesh, Tomas Vell called for a halt to the talks.", None),
        ("The government hopes the vote will restore calm in Kesh, where two soldiers died last week.", None),
        ("The Kesh suspect, shot dead by police, was 25.", None),
        ("The Vardi Front vowed to fight on after its men were attacked by gunmen in Kesh.", None),
        ("The court wants to count the days since the attack on the Kesh post.", None),
        ("Tomas Vell declined to comment on the murder, saying only that the inquiry was not over.", None),
        # near misses: a condition still makes it hypothetical, a denial of what a noun's clause tells negates it
        ("If rebels attacked Kesh, the army would respond.", "hypothetical"),
        ("The army denied reports that a military unit in Kesh was attacked this morning.", "negated"),
    ],
)
def test_an_event_told_in_a_clause_of_its_own_is_not_what_the_main_verb_tells(extract_one, text, expected):
    told = [e.modality for e in extract_one(text).events if e.type in ("Killing", "Attack")]
    assert told == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # what is named, weighed or guessed about took place
        ("On Friday, the Vardian president, Tomas Vell, called the explosion an attack.", [("Bombing", None)]),
        ("The ministers had considered the Vardi Front's bombing outrages in Kesh.", [("Bombing", None)]),
        ("The killing of the Kesh mayor might have been the result of a feud.", [("Killing", None)]),
        # a possible, upcoming or proposed one is not told as done; talks engaged in as an aim
        ("The Kesh army weighed a possible attack on the Vardi Front's camp.", [("Attack", "hypothetical")]),
        ("The Vardi Front condemned the upcoming bombing raids on Kesh.", [("Bombing", "hypothetical")]),
        # near misses: an indefinite one weighed, one called for
        ("The ministers considered an attack on the Kesh port.", [("Attack", "hypothetical")]),
        ("The Vardi Front called for an attack on the Kesh port.", [("Attack", "hypothetical")]),
    ],
)
def test_an_event_named_weighed_or_guessed_about_took_place(extract_one, text, expected):
    assert [m for m in modalities(extract_one(text)) if m[0] != "Statement"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what someone is held or punished for: bare, a charge; definite, a crime told
        ("Kesh police arrested two men for murder.", [("Arrest", None), ("Killing", "hypothetical")]),
        ("Tomas Vell was jailed for kidnapping.", [("Arrest", None), ("Kidnapping", "hypothetical")]),
        ("Tomas Vell was jailed for the kidnapping of a Kesh banker.", [("Arrest", None), ("Kidnapping", None)]),
    ],
)
def test_a_crime_someone_is_held_for(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a present clause of time is told as its main clause is
        ("Kesh troops will withdraw when the rebels attack.", [("Attack", "future"), ("Withdrawal", "future")]),
        # near misses: in the past, both took place
        ("Kesh troops withdrew when the rebels attacked.", [("Attack", None), ("Withdrawal", None)]),
    ],
)
def test_a_clause_of_time_is_told_as_its_main_clause(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a saying set into a quotation is told, whatever the quotation says
        ('"If you look at the match," said Tomas Vell, "I never really got a chance to play."', [("Statement", None)]),
        # a saying before a quoted question is told; the question asks
        ('Tomas Vell said he replied: "Is this like their previous promises?"', [("Statement", None)] * 2),
        # the last one to do something did it
        ("Kesh was the last nuclear power to announce a halt to testing.", [("Statement", None)]),
        # near misses: a question, an aim
        ('Vell asked: "Why are our soldiers dying in Kesh?"', [("Killing", "hypothetical")]),
        ("Kesh police have the power to arrest anyone.", [("Arrest", "hypothetical")]),
        ("Tomas Vell will be the first Western leader to attack the Kesh regime.", [("Attack", "hypothetical")]),
        # a speaker's own purpose in the past is said; one someone else is asked to utter is an aim
        (
            "The Kesh students staged a demonstration at the university to demand unification with Vardia.",
            [("Protest", None), ("Statement", None)],
        ),
        (
            "Vardia asked Kesh on Wednesday to explain why it was deporting more immigrants.",
            [("Statement", "hypothetical")],
        ),
    ],
)
def test_sayings_around_quotations_and_ranked_doers(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what an event did not do is no denial that it happened
        ("The Kesh blast did not cause any damage.", [("Bombing", None)]),
        ("The attack on the Kesh post did not kill anyone.", [("Attack", None), ("Killing", "negated")]),
        # near misses: a denial that it happened
        ("The attack on the Kesh post did not take place.", [("Attack", "negated")]),
        ("The attack on the Kesh post did not materialise.", [("Attack", "negated")]),
    ],
)
def test_what_an_event_did_not_do(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


def test_a_saying_beside_a_refusal_is_said(extract_one):
    x = extract_one("Tomas Vell declined to comment on the murder, saying only that the inquiry was not over.")
    assert [(e.type, e.modality) for e in x.events if e.type == "Statement"] == [("Statement", None)]


@pytest.mark.parametrize(
    "text, absent, kept",
    [
        ("Nobody was hurt in the Kesh blast.", "Injury", "Bombing"),
        ("None of the Brano guards were injured in the attack.", "Injury", "Attack"),
        ("Neither man was wounded in the ambush.", "Injury", "Attack"),
    ],
)
def test_an_event_nobody_suffered_is_not_made(extract_one, text, absent, kept):
    found = [e.type for e in extract_one(text).events]
    assert absent not in found and kept in found


def test_a_victim_named_beside_nobody_else_still_counts(extract_one):
    assert [e.type for e in extract_one("One guard was hurt in the Kesh blast.").events].count("Injury") == 1


# -- many happenings told at once: a kind or series of events, a toll ------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Attacks on army posts in Vardia are common.", "Attack"),
        ("There were some bombings in the Kesh district.", "Bombing"),
        ("Guerrilla kidnappings rose sharply in Brano.", "Kidnapping"),
        ("More than 9,000 people have died in Vardia since 1981.", "Killing"),
        ("So far this year 40 people have been killed in Brano.", "Killing"),
        ("Over the past three years, rebels have kidnapped 200 farmers.", "Kidnapping"),
        ("A total of 35 soldiers were killed in the fighting in Kesh.", "Killing"),
        # a habit: an adverb of frequency, or the simple present in a relative clause
        ("Rebels often attack convoys on the Kesh road.", "Attack"),
        ("They always end up killing each other.", "Killing"),
        ("The militias who attack army posts are based near Kesh.", "Attack"),
        # told only by a plural, counted or not: several happenings, none told by itself
        ("The attacks on the army posts began at dawn.", "Attack"),
        ("The recent bombings in Kesh worried the mayor.", "Bombing"),
        ("The two attacks on the army posts began at dawn.", "Attack"),
        ("Two bombings shook the Kesh district on Monday.", "Bombing"),
        ("Police said three attacks in Brano left two dead.", "Attack"),
        # a record in the present perfect: targets in the plural without a number, victims "many"
        ("The Vardi Front has attacked foreign interests in Brano in the past.", "Attack"),
        ("Army posts have been attacked across the north of Vardia.", "Attack"),
        ("He helps the gangs who have killed many judges and policemen in Kesh.", "Killing"),
        ("The Brano militia has kidnapped numerous traders.", "Kidnapping"),
        # a mass noun told as spread out, or an event told in several places
        ("There are reports of widespread shooting among gangs in Kesh.", "Attack"),
        ("The Vale Front has attacked us in the main cities.", "Attack"),
        ("Bombs exploded in three towns of Vardia on Monday.", "Bombing"),
    ],
)
def test_many_happenings_told_at_once_are_aggregate(extract_one, text, kind):
    event = next(e for e in extract_one(text).events if e.type == kind)
    assert event.modality == "aggregate"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Rebels attacked an army post in Vardia. The attacks began at dawn.", "Attack"),  # the one told
        ("The killings of the six monks shocked Kesh.", "Killing"),  # the plural counts the victims
        ("Rebels attacked an army post in Vardia on Monday.", "Attack"),
        ("Two people died in Vardia on Monday.", "Killing"),
        ("The fighting in Kesh lasted for two days.", "MilitaryOperation"),  # one happening can last
        ("The Brano delegation held talks with Ana Voss.", "Meeting"),  # plural-only noun: one meeting
        ("Gunmen who attacked a convoy in Kesh fled on Monday.", "Attack"),  # a past relative clause
        ("The minister, who says he saw the convoy, left Kesh.", "Statement"),  # the reportive present
        # the present perfect of one happening: counted or definite, dated, or plural victims of one
        ("Gunmen have killed two guards in Kesh.", "Killing"),
        ("The Vardi Front has attacked the army post in Brano.", "Attack"),
        ("Rebels have attacked army posts in Kesh on Monday.", "Attack"),
        ("Gunmen have kidnapped aid workers in Kesh.", "Kidnapping"),
        ("Rebels attacked army posts in Kesh.", "Attack"),  # the simple past
        # one place, even a plural one of one area; a singular noun with a modifier of one happening
        ("A bomb exploded in the city of Kesh.", "Bombing"),
        ("Gunmen attacked a bus in the Kesh district.", "Attack"),
        ("Rebels attacked a patrol in the hills near Kesh.", "Attack"),
        ("The ongoing offensive in Kesh worried the mayor.", "MilitaryOperation"),
    ],
)
def test_one_happening_stays_asserted(extract_one, text, kind):
    event = next(e for e in extract_one(text).events if e.type == kind)
    assert event.modality is None


def test_an_aggregate_event_keeps_its_confidence_and_does_not_join_one_happening(extract_one):
    x = extract_one("Rebels attacked an army post in Vardia on Monday. Attacks on army posts are common there.")
    one, many = sorted((e for e in x.events if e.type == "Attack"), key=lambda e: e.sentence.start)
    assert (one.modality, many.modality) == (None, "aggregate")
    assert many.confidence >= 0.5  # a fact, not a possibility: no not-asserted discount


# -- strikes: from the air, or by workers ------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("An air strike hit a village near Kesh on Monday.", "MilitaryOperation"),
        ("A drone strike killed two militants in Kesh.", "MilitaryOperation"),
        ("Teachers went on strike in Kesh on Monday.", "Protest"),
        ("A general strike paralysed the capital of Vardia.", "Protest"),
    ],
)
def test_a_strike_from_the_air_is_a_military_operation_and_a_general_strike_a_protest(extract_one, text, kind):
    assert set(classes(extract_one(text))) & {"Attack", "MilitaryOperation", "Protest"} == {kind}


def test_a_strike_by_rebels_on_a_post_stays_an_attack(extract_one):
    assert "Attack" in classes(extract_one("Rebels launched a strike on an army post near Kesh."))


@pytest.mark.parametrize(
    "text",
    [
        "The movement grew after the teachers' strike in Kesh.",
        "Bank workers struck on Monday in Kesh.",
        "A strike by transport workers paralysed Kesh.",
    ],
)
def test_a_strike_by_a_civilian_sector_is_a_protest(extract_one, text):
    # PETRARCH2's agents dictionary gives teachers, workers the sectors EDU, LAB: labour's strike, CAMEO 143
    assert set(classes(extract_one(text))) & {"Attack", "MilitaryOperation", "Protest"} == {"Protest"}


def test_a_strike_by_an_armed_party_stays_an_attack(extract_one):
    assert set(classes(extract_one("The rebels' strike on the army post killed two."))) & {"Attack", "Protest"} == {
        "Attack"
    }


# -- deaths and injuries of accidents and disasters are no violence ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers died in a helicopter crash near Kesh.",
        "Two people were killed in a car accident on the Brano road.",
        "Four farmers were injured in the earthquake.",
        "The earthquake killed 300 people in Vardia.",
        "A report said that a cargo plane crashed near Kesh and that the four pilots were killed.",
        "The bus collided with a truck, killing 12 passengers.",
        "Two fishermen died when their boat capsized off Brano.",
        "A bus plunged into a river near Kesh, killing 19 people and injuring 11.",
        # a storm's name, and a verb whose subject is a disaster
        "Hurricane Ivo killed 20 people in Kesh.",
        "Typhoon Ivo slammed into the Kesh coast, killing 20.",
        # a vehicle's mishap
        "Nineteen people died when their bus fell into a river near Kesh.",
        "Twenty people were injured when the plane overshot the runway at Kesh.",
    ],
)
def test_deaths_and_injuries_of_accidents_are_no_killings(extract_one, text):
    assert not {"Killing", "Injury"} & set(classes(extract_one(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Two guards were killed in the attack on the Brano road.",
        "Four people died in the bombing of the market in Kesh.",
        "Rebels shot down a helicopter near Kesh, killing its crew.",
        "The rebels crashed the meeting and killed two guards.",  # "crash" with an object: no accident
        "Gunmen killed three passengers when the bus overturned near Kesh.",  # the killers are named
    ],
)
def test_violent_deaths_beside_accident_words_stay_killings(extract_one, text):
    assert "Killing" in classes(extract_one(text))


@pytest.mark.parametrize(
    "text",
    [
        "Former Kesh president Ana Voss died on Monday at the age of 90.",
        "Ana Voss died aged 90 at her home in Brano.",
        "The Vardi poet Ilo Marek died peacefully in Kesh.",
        "Ana Voss died in her sleep on Sunday.",
        "The old singer died of old age.",
    ],
)
def test_a_natural_death_is_no_killing(extract_one, text):
    assert "Killing" not in classes(extract_one(text))


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed Ana Voss in her sleep.",  # a killer named
        "Ana Voss was killed in her sleep.",  # killed: violence
        "A Kesh boy died in the attack at the age of 12.",  # a violent event named
        "Two soldiers died in Brano on Monday.",  # nothing tells a natural end
    ],
)
def test_deaths_beside_natural_death_words_stay_killings(extract_one, text):
    assert "Killing" in classes(extract_one(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Kesh minister attacked the opposition's plan in a speech.",
        "President Ana Voss launched an attack on corruption.",
        "The Vardi senator's speech was an attack on democracy.",
        "The Kesh senate killed the bill on Tuesday.",
        "Critics attacked the decision of the Brano court.",
        "The Kesh senator attacked the government's position on taxes.",  # a stance, held by no armed side
        "The Vardi senator attacked the peace talks.",  # "talks", whose lemma is "talk"
        # an attack told as made in words
        "President Ana Voss attacked the opposition in a televised speech.",
        "The Kesh minister attacked the press over its coverage.",
        "The Vardi daily attacked the president in an editorial.",
        "The Kesh minister launched a scathing attack on the opposition leader.",
        "The Kesh minister made a bitter attack on the press.",  # PETRARCH2's 111 adjectives
        # an attack noun between public figures, nothing else violent in its sentence
        "Accusing Lark of stupidity, President Marek Lind launched his strongest attack on the Kesh government.",
        "The minister's attack on the opposition leader angered the Kesh party.",
        "The Vardi editorial was a blistering attack on the army.",
        "The Front's communique attacked the army's lies.",
        # no person to kill, nothing to shoot at
        "The Kesh company executed the contract in May.",
        "Inflation is killing the Vardi economy.",
        "Prices shot up in Kesh in May.",
    ],
)
def test_a_violent_word_on_an_abstract_thing_is_figurative(extract_one, text):
    assert not {"Attack", "Killing", "Bombing"} & set(classes(extract_one(text)))


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Rebels attacked the Kesh power plant.", "Attack"),  # a plant, not a plan
        ("Rebels attacked the venue of the Kesh talks.", "Attack"),
        ("Gunmen attacked the Kesh minister and his plan failed.", "Attack"),  # a person attacked
        ("The gunmen's attack on the Kesh minister failed.", "Attack"),  # armed attackers
        ("Ivo Vell's attack on the Kesh minister left him injured.", "Attack"),  # someone hurt
        ("Gunmen attacked the Brano parliament building.", "Attack"),
        ("Rebels attacked the Kesh army post for two hours.", "Attack"),  # "for" a time, not a reason
        ("Gunmen shot up a bar in Kesh.", "Attack"),  # "shot up" with an object
        ("The Vardi rebels executed two prisoners.", "Killing"),
        ("Rebels attacked the Kesh post, the army said in a statement.", "Attack"),  # the statement is the army's
        ("The Vardi communique said rebels attacked the Kesh post.", "Attack"),  # the communique tells it
        # a position held by an armed side is a place, no stance
        ("Vorin Front fighters attacked enemy positions near Kesh.", "Attack"),
        ("The Talvoran army shelled rebel positions near Kesh.", "MilitaryOperation"),
        ("Army helicopters bombed Vorin guerrilla positions near Kesh.", "MilitaryOperation"),
    ],
)
def test_a_violent_word_on_a_person_or_a_place_stays_violent(extract_one, text, kind):
    assert kind in classes(extract_one(text))


# -- a mandative subjunctive tells what someone wants done -----------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Minister Ilo Marek suggested that orders be issued to allow shooting at the looters.",
            [("Attack", "hypothetical")],
        ),
        ("The Kesh council insisted that the rebels be executed.", [("Killing", "hypothetical")]),
        ("The Vardi Front proposed that gunmen be sent to attack the camp.", [("Attack", "hypothetical")]),
        # near misses: told as done
        ("Police said that the rebels were executed in Kesh.", [("Killing", None)]),
        ("Ana Voss asked that the men who killed the mayor be punished.", [("Killing", None)]),  # a relative clause
    ],
)
def test_an_event_in_a_mandative_subjunctive_is_hypothetical(extract_one, text, expected):
    assert [m for m in modalities(extract_one(text)) if m[0] != "Statement"] == expected


# -- a head that makes its complement happen passes on its own modality; a list shares its "to" ----


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Vorin rebels did not manage to kill the mayor.", [("Killing", "negated")]),
        ("Vorin rebels will begin attacking the town.", [("Attack", "future")]),
        (
            "The Front paid two men to kidnap and kill the mayor.",
            [("Kidnapping", "hypothetical"), ("Killing", "hypothetical")],
        ),
        ("We will not allow the rebels to regroup and begin attacking again.", [("Attack", "hypothetical")]),
        # near misses: told as done
        ("The Vorin rebels managed to kill the mayor.", [("Killing", None)]),
        ("Vorin rebels began attacking the town.", [("Attack", None)]),
        ("Gunmen kidnapped and killed the Kesh mayor.", [("Kidnapping", None), ("Killing", None)]),
    ],
)
def test_a_realising_head_passes_on_its_modality_and_a_list_shares_its_to(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


# -- a war's toll is many happenings --------------------------------------------------------------

WAR = ("MilitaryOperation", None)  # the war itself is a happening (an ongoing military operation)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thousands of people have been killed in the Vardi war.", [("Killing", "aggregate"), WAR]),
        ("The civil war in Vardia has killed 70,000 people.", [("Killing", "aggregate"), WAR]),
        ("Hundreds of civilians were killed during the uprising.", [("Killing", "aggregate")]),
        # near misses: one victim, an attack, a war that began after the killing
        ("A Kesh journalist was killed in the war.", [("Killing", None), WAR]),
        ("The war began after Vorin rebels killed two guards.", [("Killing", None), WAR]),
    ],
)
def test_a_toll_of_a_war_is_aggregate(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


# -- "did not hesitate to": the attack happened ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Vorin rebels did not hesitate to attack the convoy.", [("Attack", None)]),
        ("The Kesh militia never hesitated to kill the guards.", [("Killing", None)]),
        # near misses: what will or may come, and a hesitation that tells no attack
        ("The Vorin rebels will not hesitate to attack the convoy.", [("Attack", "future")]),
        ("The Vorin rebels hesitated to attack the convoy.", [("Attack", "hypothetical")]),
    ],
)
def test_not_hesitating_to_act_tells_the_act(extract_one, text, expected):
    assert modalities(extract_one(text)) == expected


# -- an explosive told as a motion into something went off there -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb slammed into a convoy near Kesh.",
        "A truck bomb rammed into the gate of the Vorin barracks.",
    ],
)
def test_an_explosive_slamming_into_something_is_a_bombing(extract_one, text):
    x = extract_one(text)
    assert classes(x) == ["Bombing"]
    assert any(a.role == "target" for a in x.events[0].arguments)


@pytest.mark.parametrize(
    "text",
    ["A bomb fell into the river near Kesh.", "A car slammed into a convoy near Kesh."],
)
def test_a_motion_without_an_explosive_impact_is_no_bombing(extract_one, text):
    assert "Bombing" not in classes(extract_one(text))


# -- a vehicle carrying explosives driven into something is the bomb that went off ------------------


def test_a_vehicle_packed_with_explosives_driven_into_a_camp_is_a_bombing(extract_one):
    x = extract_one(
        "A suicide bomber drove a truck packed with explosives into an army camp near Kesh, killing nine soldiers."
    )
    (bombing,) = [e for e in x.events if e.type == "Bombing"]
    roles = {(a.role, a.span.text) for a in bombing.arguments}
    assert {("agent", "suicide bomber"), ("target", "army camp")} <= roles
    (killing,) = [e for e in x.events if e.type == "Killing"]
    assert ("causedBy", x.events.index(bombing)) in killing.links


@pytest.mark.parametrize(
    "text",
    [
        "Police stopped a truck packed with explosives at a checkpoint near Kesh.",  # it went nowhere
        "A man drove a truck into the crowd in Kesh.",  # no explosive
    ],
)
def test_a_vehicle_that_carries_no_explosive_or_goes_nowhere_is_no_bombing(extract_one, text):
    assert "Bombing" not in classes(extract_one(text))


# -- "take ... hostage" with a long object between ----------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The gunmen were taking dozens of guests hostage at the Kesh hotel.", ["Kidnapping"]),
        ("Vorin rebels took two tourists hostage.", ["Kidnapping"]),
        ("The Vorin rebels had seized the residents as hostages.", ["Kidnapping"]),  # was a Takeover
        # near miss: the hostage is photographed, not taken
        ("Reporters took pictures of the hostage in Kesh.", []),
    ],
)
def test_taking_an_object_hostage_is_a_kidnapping(extract_one, text, expected):
    assert classes(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Vorin rebels took the wife of the mayor hostage.", ["Kidnapping"]),
        # near misses: hostages moved, a hostage photographed
        ("The Vorin rebels took a group of hostages to the border.", []),
        ("Reporters took pictures of the Kesh hostage.", []),
    ],
)
def test_the_object_complement_hostage_is_read_through_of_phrases(extract_one, text, expected):
    assert classes(extract_one(text)) == expected


# -- people seized by the state's forces are arrested; things seized are no event ----------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police seized two smugglers near Kesh.", ["Arrest"]),
        ("Troops captured the rebel leader Tomas Varga.", ["Arrest"]),
        ("The Vorin brigade seized two guerrillas.", ["Arrest"]),
        ("A suspect was captured near Kesh.", ["Arrest"]),
        # people taken by others keep the word's class (a Kidnapping there was measured and dropped)
        ("Gunmen captured a journalist in Varna.", ["Arrest"]),
        # places and power stay taken over; things taken are no event
        ("Vorin rebels seized the town of Kesh.", ["Takeover"]),
        ("The army seized power in Vardia.", ["Takeover"]),
        ("Police seized two tons of cocaine in Kesh.", []),
        ("Troops seized weapons and ammunition in Kesh.", []),
    ],
)
def test_who_seizes_whom_decides_the_class(extract_one, text, expected):
    assert classes(extract_one(text)) == expected


# -- an invasion is an army's operation, and causes the deaths told of it ------------------------


def test_an_invasion_is_a_military_operation_that_causes_its_deaths(extract_one):
    x = extract_one("The invasion resulted in the deaths of 600 Vorin soldiers.")
    invasion = next(e for e in x.events if e.type == "MilitaryOperation")
    killing = next(e for e in x.events if e.type == "Killing")
    assert [t.text for t in invasion.triggers] == ["invasion"]
    assert ("causedBy", x.events.index(invasion)) in killing.links


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The invasion of Vardia began on Monday.", ["MilitaryOperation"]),
        ("The invasion of the island began on Monday.", ["MilitaryOperation"]),
        # near misses: no army invades privacy or a garden
        ("The new Kesh law is an invasion of privacy.", []),
        ("The invasion of locusts ruined the crops.", []),
    ],
)
def test_an_invasion_is_of_a_place(extract_one, text, expected):
    assert classes(extract_one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # places whoever works there are taken over; things taken by anyone are no event
        ("Vorin rebels seized the embassy in Kesh.", ["Takeover"]),
        ("Vorin rebels captured 46 rifles and ammunition.", []),
        # told by a participle on the noun taken
        ("The army will stay until the weapons seized by Vorin rebels are returned.", []),
        ("The embassy seized by Vorin rebels was cleared on Monday.", ["Takeover"]),
    ],
)
def test_prisoners_of_war_places_and_things_seized(extract_one, text, expected):
    assert classes(extract_one(text)) == expected
