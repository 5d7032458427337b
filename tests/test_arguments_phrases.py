"""Arguments told in phrases the plain subject-object reading misses (session 14): the sides of a
fight ("fighting broke out between X and Y"), the noun a relative clause is on when its relative
pronoun is the object ("Y, whom he met"), names an inclusion phrase gives ("12 people,
including Y"), a perpetrator noun as the subject ("the hijackers threatened"), "X stabbed to
death Y" however it is parsed, and the lives a killing claimed. Invented sentences, with near misses."""

from __future__ import annotations

import pytest

from tests.conftest import argument_words

FIGHTING = "Fighting broke out between police and rebels in the market on Monday."
VENDOR = "A street vendor stabbed to death a woman judge in a city court on Friday."
MET = "The minister praised the governor, whom she met in the capital on Monday."


@pytest.mark.parametrize(
    "text, kind, role, words",
    [
        # the sides of a fight each act; the verb that tells it happened gives its place
        (FIGHTING, "MilitaryOperation", "agent", "police"),
        (FIGHTING, "MilitaryOperation", "agent", "rebels"),
        (FIGHTING, "MilitaryOperation", "place", "market"),
        ("Clashes between soldiers and protesters erupted in the square.", "MilitaryOperation", "agent", "soldiers"),
        # a relative clause whose relative pronoun is the object: the noun it is on
        (MET, "Meeting", "participant", "governor"),
        # an inclusion phrase, on the object or on the verb
        ("Police arrested 12 people, including Tomas Vell.", "Arrest", "victim", "Tomas Vell"),
        ("Twelve people were arrested on Monday, including the mayor, Maria Lopez.", "Arrest", "victim", "Maria Lopez"),
        # a perpetrator noun PETRARCH2 has no agent for
        ("The hijackers threatened to blow up the plane.", "Threat", "agent", "hijackers"),
        # "X stabbed to death Y": the parse makes Y a clause with X as its subject
        (VENDOR, "Killing", "agent", "street vendor"),
        (VENDOR, "Killing", "victim", "woman judge"),
        (VENDOR, "Killing", "place", "city court"),
        # the lives a killing claimed: the people of the of-phrase, else the counted lives
        ("The war claimed more than 90,000 lives in the south.", "Killing", "victim", "more than 90,000 lives"),
        ("The blast claimed the lives of 12 soldiers.", "Killing", "victim", "12 soldiers"),
        # any verb with "to death" and its own subject and object
        ("Rebels hacked to death three farmers in the village.", "Killing", "agent", "Rebels"),
        ("Rebels hacked to death three farmers in the village.", "Killing", "victim", "three farmers"),
    ],
)
def test_an_argument_a_phrase_gives(extract_one, text, kind, role, words):
    assert words in argument_words(extract_one(text), kind, role)


@pytest.mark.parametrize(
    "text, kind, role, words",
    [
        # a span of time between two hours names no side
        ("Fighting broke out between 10 and 11 pm.", "MilitaryOperation", "agent", []),
        # talks' sides are their participants, not agents
        ("Talks between the rebels and the government ended on Friday.", "Meeting", "agent", []),
        # lives not counted name no one
        ("The attack claimed lives.", "Killing", "victim", []),
        # a part counted without a name is no one more
        ("Three people, including two guards, died when a mine exploded.", "Killing", "victim", ["Three people"]),
        # what an inclusion phrase of another noun names stays out
        ("Police arrested two men on charges including fraud.", "Arrest", "victim", ["two men"]),
        # a participle on its victim is no misreading
        ("A retired judge stabbed to death in the city was buried on Friday.", "Killing", "agent", []),
    ],
)
def test_no_argument_a_phrase_does_not_give(extract_one, text, kind, role, words):
    assert argument_words(extract_one(text), kind, role) == words


def test_a_relative_clause_subject_is_not_the_noun_it_is_on(extract_one):
    """ "Kesh, whom he met": he is someone else (a binding the coreference reads from the parse)."""
    x = extract_one("Tomas Reed said he had reassured the party leader, Ana Kesh, whom he met during a visit.")
    assert "Ana Kesh" in argument_words(x, "Meeting", "participant")
    assert "Ana Kesh" not in argument_words(x, "Meeting", "agent")


def test_a_death_in_fighting_between_sides_borrows_no_killer(extract_one):
    """Either side may have killed: the fighting's sides are not the killing's agents."""
    x = extract_one("A man was killed in a battle between troops and rebels in the market.")
    assert sorted(argument_words(x, "MilitaryOperation", "agent")) == ["rebels", "troops"]
    assert argument_words(x, "Killing", "agent") == []


def test_a_death_in_an_attack_by_one_side_borrows_its_attacker(extract_one):
    x = extract_one("A man was killed in an attack by rebels on the market.")
    assert argument_words(x, "Killing", "agent") == ["rebels"]
