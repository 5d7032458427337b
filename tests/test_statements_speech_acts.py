"""Statements made by speech acts other than saying (session 12; invented names): a complaint,
an appeal, a pledge, a condemnation, an accusation make a Statement only with the content their
parse gives and a speaker in the active voice; "X was quoted as saying" and "the paper quoted X
as saying" are X's words."""

from __future__ import annotations

import pytest

from tests.test_statements import statements


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        ("Mayor Ana Voss called on residents to stay indoors.", "Ana Voss", "to stay indoors"),
        ("The Kesh Farmers Union called for an end to the price controls.", "Kesh Farmers Union", "an end to"),
        ("Mayor Ana Voss pledged to rebuild the bridge before winter.", "Ana Voss", "to rebuild the bridge"),
        ("Senator Ana Voss urged the council to delay the vote.", "Ana Voss", "to delay the vote"),
        ("The Harlow Guard condemned the shelling of the market.", "Harlow Guard", "the shelling of the market"),
        ("Mayor Ana Voss accused the Harlow Guard of corruption.", "Ana Voss", "Harlow Guard of corruption"),
        ("Mayor Ana Voss complained that the trains were late.", "Ana Voss", "the trains were late"),
        ("Mayor Ana Voss demanded the release of the two journalists.", "Ana Voss", "the release of"),
        ("Mayor Ana Voss hailed the agreement as a breakthrough.", "Ana Voss", "the agreement"),
    ],
)
def test_a_speech_act_with_content_is_a_statement(extract_one, text, speaker, words):
    found = statements(extract_one(text))
    assert [(s[0], words in s[1]) for s in found] == [(speaker, True)], found


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Voss was accused of murder.",  # the accused says nothing
        "The court condemned Ana Voss to death.",  # a sentence, not words
        "Mayor Ana Voss was condemned by the council.",  # passive: the speaker is not the subject
        "Mayor Ana Voss was urged to resign.",
        "Mayor Ana Voss called on the president in his office.",  # a visit: no words urged
        "Mayor Ana Voss called the meeting to order.",
        "Coach Ana Voss has called up two strikers for Saturday.",  # a phrasal verb
        "The bus crashed and then called for help.",  # no one who speaks
    ],
)
def test_a_speech_verb_without_content_or_speaker_is_no_statement(extract_one, text):
    assert not statements(extract_one(text))


def test_a_threat_and_a_claim_of_responsibility_keep_their_class(extract_one):
    x = extract_one("Mayor Ana Voss threatened to close the port. The Harlow Guard claimed the attack on the bridge.")
    types = sorted(e.type for e in x.events)
    assert "Statement" not in types and "Threat" in types and "ClaimOfResponsibility" in types, types


@pytest.mark.parametrize(
    "text, words",
    [
        ("The Kesh Daily quoted Ana Voss as saying the port would reopen.", "the port would reopen"),
        ("Mayor Ana Voss was quoted as saying the port would reopen.", "the port would reopen"),
        ("The port will reopen in May, the Kesh Daily quoted Ana Voss as saying.", "The port will reopen in May"),
        ('"The port will reopen," the Kesh Daily quoted Ana Voss as saying.', "The port will reopen"),
    ],
)
def test_the_quoted_person_is_the_speaker(extract_one, text, words):
    x = extract_one(text)
    found = statements(x)
    assert found and all(s[0] == "Ana Voss" for s in found) and any(words in s[1] for s in found), found
    assert [e.triggers[0].text for e in x.events if e.type == "Statement"] == ["quoted"]


def test_a_that_clause_the_parse_hangs_on_the_object_is_the_quote(extract_one):
    text = "Former mayor Ivo Brand 's wife , Lena , admitted in her biography My Turn that she saw a fortune teller ."
    found = statements(extract_one(text))
    assert [(s[0], "she saw a fortune teller" in s[1]) for s in found] == [("Lena", True)], found
