"""Arguments wire news gives that the parse hides: counted objects after "over", a settlement
named "the city of X", whose weapons act, headlines' "to death" and places; and words that are
no argument (a threat's content, a dateline's time, a source tag after a dash, a text as a
speaker). Invented sentences, with near misses."""

from __future__ import annotations

import pytest

from tests.conftest import argument_words


@pytest.mark.parametrize(
    "text, kind, role, words",
    [
        # the parse reads "over" / "about" before a number as a preposition
        (
            "In May the government launched a sweeping crackdown on the democracy movement, "
            "detaining over 260 members of Mira Castell's National League for Reform.",
            "Arrest",
            "victim",
            "260 members",
        ),
        # a settlement noun with its name: the name
        ("Rebels attacked the city of Brano on Monday.", "Attack", "target", "Brano"),
        # the country or group a weapon or a thing belongs to acts
        ("Iraqi artillery shelled the town.", "MilitaryOperation", "agent", "Iraqi"),
        # a headline's participle: "Judge stabbed to death"
        ("Retired judge stabbed to death in Brano .", "Killing", "victim", "Retired judge"),
        # a country's name before a place word is where
        ("Tunisia restaurant bomb kills five .", "Bombing", "place", "Tunisia"),
        # a country is no one killed or arrested: where it happened
        ("Belgium's child murder shocked Europe.", "Killing", "place", "Belgium"),
        ("Brazil police arrest wanted Vardian man - report .", "Arrest", "place", "Brazil"),
        # a number cut from a headline's source tag by a spaced dash
        ("Bomb kills seven - newspaper .", "Killing", "victim", "seven"),
        # a headline's verb the tagger read as a noun, with a subject and an object of its own (session 13)
        ("Rebels kidnap mayor in Kesh\n\nNothing else happened.", "Kidnapping", "agent", "Rebels"),
        ("Rebels kidnap mayor in Kesh\n\nNothing else happened.", "Kidnapping", "victim", "mayor"),
    ],
)
def test_an_argument_the_text_gives(extract_one, text, kind, role, words):
    assert words in argument_words(extract_one(text), kind, role)


@pytest.mark.parametrize(
    "text, kind, role, words",
    [
        ("Guards arrested a trader over a $ 5 debt.", "Arrest", "victim", ["trader"]),
        ("Rebels attacked the city on Monday.", "Attack", "target", ["city"]),
        ("Far-right militants attacked the US-backed militia.", "Attack", "agent", ["Far-right militants"]),
        ("Far-right militants attacked the US-backed militia.", "Attack", "target", ["US-backed militia"]),
        # the parse hangs a time of day and its parentheses on the subject
        (
            "Brano time ( 0050 GMT ) Valdorian forces began an artillery attack on the outskirts of Kesh.",
            "MilitaryOperation",  # an artillery attack: CAMEO 194, conventional force
            "agent",
            ["Valdorian forces"],
        ),
        ("Tunisia restaurant bomb kills five .", "Bombing", "agent", []),
        ("Belgium's child murder shocked Europe.", "Killing", "victim", []),
        # a nation's people are: "the Russians' kidnapping"
        ("The Russians' kidnapping in Kesh was condemned.", "Kidnapping", "victim", ["Russians"]),
        ("U.S. air strike kills five .", "MilitaryOperation", "agent", ["U.S."]),
        # what a threat threatens is not whom
        ("The gang sent letters threatening death to the judge.", "Threat", "target", []),
        ("Two men sentenced to death for murder .", "Killing", "victim", []),
        # a noun of the event keeps a noun's reading: its compound is no object
        ("Rebel kidnap case goes to court in Kesh .", "Kidnapping", "victim", []),
        # a cause with a country's name acts only through a weapon
        ("Senegal cholera outbreak kills five .", "Killing", "agent", []),
    ],
)
def test_the_words_of_an_argument(extract_one, text, kind, role, words):
    assert argument_words(extract_one(text), kind, role) == words


def test_a_text_is_no_speaker(extract_one):
    x = extract_one("The statement said the army had withdrawn from Kesh.")
    assert not [e for e in x.events if e.type == "Statement"]
    x = extract_one("The ministry said in a statement that the army had withdrawn from Kesh.")
    assert argument_words(x, "Statement", "agent") == ["ministry"]
    # a text whose owner is named: the owner's words
    x = extract_one("The Kesh Football Association statement said the team would travel.")
    assert argument_words(x, "Statement", "agent") == ["Kesh Football Association"]


def test_a_description_names_the_organization_its_noun_names(extract_one):
    x = extract_one(
        "The Kesh Democratic Party and the Vale Trading Company met on Monday. "
        "The company praised the talks. The party said it would attack the town."
    )
    names = {e.key: e.name for e in x.entities}
    said = [e for e in x.events if e.type == "Statement" and e.triggers[0].text == "said"]
    assert [names.get(a.entity) for e in said for a in e.arguments] == ["Kesh Democratic Party"]
    attack = next(e for e in x.events if e.type == "Attack")
    assert [names.get(a.entity) for a in attack.arguments if a.role == "agent"] == ["Kesh Democratic Party"]


@pytest.mark.parametrize(
    "text, kind, role, acted_on",
    [
        # headlines drop the passive's "was": the parser reads the past form as active
        ("Farmer killed near Kesh\nA bomb exploded in Brano on Monday.", "Killing", "victim", "Farmer"),
        ("Journalist kidnapped in Kesh\nGunmen seized him on Monday.", "Kidnapping", "victim", "Journalist"),
        (
            "Three soldiers killed in attack .\nKESH 1996-08-31\nGunmen attacked a post .",
            "Killing",
            "victim",
            "Three soldiers",
        ),
        # a verb done to a target, as one done to a victim
        ("Ten people gunned down in northern Vardia\nPolice found the bodies.", "Attack", "target", "Ten people"),
        ("Kesh convoy ambushed near Brano\nNo one was hurt.", "Attack", "target", "Kesh convoy"),
    ],
)
def test_a_headline_participle_without_its_auxiliary_is_passive(extract_one, text, kind, role, acted_on):
    x = extract_one(text)
    assert (argument_words(x, kind, role), argument_words(x, kind, "agent")) == ([acted_on], [])


@pytest.mark.parametrize(
    "text, kind, victims",
    [
        # the passive's subject is its complement's: "were found murdered", "were reported killed"
        ("Five students were later found murdered near Kesh.", "Killing", ["Five students"]),
        ("Three soldiers were reported killed in the raid.", "Killing", ["Three soldiers"]),
        # a participle with a subject of its own in the clause a verb takes: a passive without "be"
        ("Police found the mayor murdered in his home.", "Killing", ["mayor"]),
        ("Rights group says four academics arrested .", "Arrest", ["four academics"]),
        # a phrase of holding whose only object is its own word: "held hostage" is done to the subject
        (
            "A Vardian aid worker, held hostage in Kesh for four weeks, said he was well.",
            "Kidnapping",
            ["Vardian aid worker"],
        ),
    ],
)
def test_a_participle_complement_is_done_to_its_subject(extract_one, text, kind, victims):
    x = extract_one(text)
    assert (argument_words(x, kind, "victim"), argument_words(x, kind, "agent")) == (victims, [])


@pytest.mark.parametrize(
    "text, kind, role, words",
    [
        # a complement in the active: the passive's subject does it
        ("The rebels were seen attacking the town.", "Attack", "agent", ["rebels"]),
        # a past tense with an object keeps its doer
        ("Police said gunmen killed two guards.", "Killing", "agent", ["gunmen"]),
        # one held hostage as the object of the phrase: the subject holds
        ("Gunmen held him hostage in Kesh for a week.", "Kidnapping", "agent", ["Gunmen"]),
        ("Gunmen took hostages in Kesh on Monday.", "Kidnapping", "agent", ["Gunmen"]),
        ("The two Vardian men opened fire on police in Kesh.", "Attack", "agent", ["two Vardian men"]),
        # a perfect in a relative clause is active: the group kills
        ("Vell leads the Kesh group which has killed scores of soldiers.", "Killing", "agent", ["Kesh group"]),
        # a participle set off by a comma is no complement: the ambushed convoy killed no one
        ("The convoy was ambushed, killing five soldiers.", "Killing", "agent", []),
    ],
)
def test_near_misses_of_a_participle_complement(extract_one, text, kind, role, words):
    assert argument_words(extract_one(text), kind, role) == words


def test_a_headline_past_of_a_verb_with_no_object_stays_active(extract_one):
    x = extract_one("Car bomb detonated in Kesh\nNo one was hurt.")
    assert argument_words(x, "Bombing", "target") == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed farmer near Kesh\nA bomb exploded in Brano on Monday.",  # an object: active
        "Rebels had killed a farmer near Kesh.\nA bomb exploded in Brano on Monday.",  # a story line, not a headline
    ],
)
def test_an_active_past_keeps_its_doer(extract_one, text):
    assert argument_words(extract_one(text), "Killing", "agent") == ["Rebels"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seize town in Kesh, kidnap mayor; army launches offensive\n\nNothing else happened.",
        "Rebels seize town, kidnap mayor\n\nNothing else happened.",
    ],
)
def test_a_headline_verb_after_a_comma_takes_its_own_object(extract_one, text):
    # the tagger made "kidnap" a compound of "mayor", hung on "seize" (args14b)
    x = extract_one(text)
    assert argument_words(x, "Kidnapping", "victim") == ["mayor"]
    assert argument_words(x, "Kidnapping", "agent") == ["Rebels"]
    assert argument_words(x, "Takeover", "target") == ["town"]


def test_a_list_after_a_comma_in_running_text_is_objects(extract_one):
    x = extract_one("Nothing happened.\n\nRebels seized the town, attack helicopters and tanks.")
    assert not [e for e in x.events if e.type == "Attack"]
    assert "attack helicopters" in argument_words(x, "Takeover", "target")


@pytest.mark.parametrize(
    "text, victim",
    [
        # "the group" after an organization named only as a facility's owner: the group named before
        (
            "Fighters of the Vale Liberation Front seized the town. The minister met commanders "
            "at the Third Division headquarters. Troops detained four members of the group.",
            "Vale Liberation Front",
        ),
        # no other organization: the facility's owner is still the group
        ("Police raided the Vale Front headquarters. Troops detained four members of the group.", "Vale Front"),
    ],
)
def test_the_group_is_not_a_facility_owner(extract_one, text, victim):
    x = extract_one(text)
    names = {e.key: e.name for e in x.entities}
    arrest = next(e for e in x.events if e.type == "Arrest" and e.triggers[0].text == "detained")
    assert [names.get(a.entity, a.span.text) for a in arrest.arguments if a.role == "victim"] == [victim]
