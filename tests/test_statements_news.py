"""Statements as wire news writes them (session 11; invented names): who is no speaker (a bare
plural of people, a text, an anonymous source, a dateline), who the speaker is when the parse
hides the name, and which words are the quote."""

from __future__ import annotations

import pytest

from tests.test_statements import statements


@pytest.mark.parametrize(
    "text",
    [
        "Traders said the market was nervous ahead of the data.",
        "Kesh dealers said they were worried about the sales.",
        "Public prosecutors said they had found a list at the flat.",
        "Proponents of the plan say it has enough safeguards.",
        "The price is well below the level that exporters say is fair.",
    ],
)
def test_a_bare_plural_of_people_is_no_speaker(extract_one, text):
    assert not statements(extract_one(text))


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Police said two men had fled the town.", "Police"),  # a collective noun names one body
        ("Velmar police said two men had fled the town.", "Velmar police"),
        ("The Kesh Traders Union said the market was nervous.", "Kesh Traders Union"),
    ],
)
def test_near_misses_of_bare_plurals_keep_their_speaker(extract_one, text, speaker):
    assert [s[0] for s in statements(extract_one(text))] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The report said output had doubled in the first half.",
        "According to the survey, prices rose by 3 percent.",
        "Kesh belongs to Valdor, according to the treaty's principles.",
    ],
)
def test_a_text_is_no_speaker(extract_one, text):
    assert not statements(extract_one(text))


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("According to the Velmar Post, prices rose by 3 percent.", "Velmar Post"),
        ("According to police, two men were detained.", "police"),
        ("According to state television, the minister resigned.", "state television"),
    ],
)
def test_according_to_a_source_that_speaks(extract_one, text, speaker):
    assert [s[0] for s in statements(extract_one(text))] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The officer, who asked not to be identified, said the road was shut.",
        "The official, who declined to be named, told reporters the road was shut.",
        "The senior official said, speaking on condition of anonymity, that the road was shut.",
    ],
)
def test_an_anonymous_speaker_is_no_speaker(extract_one, text):
    assert not statements(extract_one(text))


def test_a_speaker_named_to_an_office_is_not_anonymous(extract_one):
    text = "The officer, who was named chief in May, said the road was shut."
    assert [s[0] for s in statements(extract_one(text))] == ["officer"]


def test_a_pronoun_speaker_is_not_a_name_of_the_quoted_words(extract_one):
    x = extract_one('Kamal Odeh spoke at the rally. "Ivo Brandt has failed the city," he said.')
    assert [s[0] for s in statements(x)] == ["Kamal Odeh"]


def test_a_pronoun_speaker_still_takes_a_name_outside_the_quote(extract_one):
    x = extract_one('Kamal Odeh spoke at the rally. "The city has failed," he said.')
    assert [s[0] for s in statements(x)] == ["Kamal Odeh"]


def test_a_name_closing_the_speakers_phrase_is_the_speaker(extract_one):
    x = extract_one("The head of the Kesh league's disciplinary committee, Ana Voss, said the game was off.")
    assert statements(x)[0][:2] == ("Ana Voss", "the game was off")


def test_a_quote_told_inside_a_quotation_is_its_clause(extract_one):
    x = extract_one('"Ivo Brandt told me that the dam was safe," Ana Sorel said.')
    found = {s[0]: s[1] for s in statements(x)}
    assert found == {"Ana Sorel": "Ivo Brandt told me that the dam was safe", "Ivo Brandt": "the dam was safe"}


def test_a_verbs_own_clause_wins_over_a_quotation_before_it(extract_one):
    x = extract_one('Noting that the plan was "as old as the city", Ana Sorel said she would vote against it.')
    said = [s for s in statements(x) if s[1] and "vote" in s[1]]
    assert [s[:2] for s in said] == [("Ana Sorel", "she would vote against it")]


def test_a_noun_read_as_a_verb_reports_nothing(extract_one):
    assert not statements(extract_one("Output rose by 5 percent, the company report to the exchange showed."))


def test_a_denial_of_an_object_ends_at_the_object(extract_one):
    x = extract_one("Ivo Brandt denied the charges and the student later recanted his tale.")
    assert [s[:2] for s in statements(x)] == [("Ivo Brandt", "the charges")]


def test_a_speaker_the_parse_made_the_subject_of_a_participle(extract_one):
    x = extract_one("Kesh police searching for a missing schoolgirl said on Friday the suspects may have fled.")
    assert [s[0] for s in statements(x)] == ["Kesh police"]


def test_a_dateline_run_into_the_sentence_is_no_speaker(extract_one):
    x = extract_one(
        "Talks end .\nVELMORA , Kesh 2024-08-31\n"
        "Kesh envoy Ivan Dorsk said he and rebel leader Ante Malik agreed after overnight talks to defer the decision ."
    )
    assert [s[0] for s in statements(x)] == ["Ivan Dorsk"]


def test_it_said_repeats_the_latest_speaker_that_is_no_person(extract_one):
    x = extract_one(
        "Ten people died after drinking the liquor, the Velmar news agency said. "
        "Police had seized the rest of the liquor, it said."
    )
    assert [s[0] for s in statements(x)] == ["Velmar news agency", "Velmar news agency"]


@pytest.mark.parametrize(
    "text",
    [
        # the latest speaker is a person: "it" is not her
        "Kamal Odeh said the port was shut. The storm closed the road, it said.",
        # another group is named as a subject in between: "it" may be that one
        "The Velmar Post said the port was shut. The Kesh Port Authority closed the road. It said the storm was over.",
    ],
)
def test_it_said_without_a_speaker_to_repeat_is_no_statement(extract_one, text):
    assert len(statements(extract_one(text))) == 1


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        (
            "Before Vell 's arrival in Kesh , Defence Minister Ana Ruiz will visit Brano , the defence ministry said .",
            "defence ministry",
            "Ana Ruiz will visit Brano",
        ),
        (
            "A Kesh street vendor stabbed a judge in a city court on Friday after she fined him , Velmar Radio said .",
            "Velmar Radio",
            "stabbed a judge",
        ),
    ],
)
def test_a_sentence_final_attribution_reports_the_sentence_before_it(extract_one, text, speaker, words):
    found = [s for s in statements(extract_one(text)) if s[0] == speaker]
    assert found and words in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "When the rally ended , the crowd said goodbye .",
        "When the rally ended , the mayor said .",
    ],
)
def test_a_clause_of_time_before_an_attribution_is_no_quote(extract_one, text):
    assert not statements(extract_one(text))


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Red Cross president Pak Chol-ho said the talks were over .", "Pak Chol"),
        ('" I am sorry , " Chen Wei-yeh told the court after sentencing on Friday .', "Chen Wei"),
    ],
)
def test_a_name_glued_by_a_hyphen_is_the_speaker(extract_one, text, speaker):
    """The tokenizer splits "Chol-ho"; the named part is the speaker, never the bare "ho"."""
    assert [s[0] for s in statements(extract_one(text))] == [speaker]


def test_he_said_repeats_the_latest_person_speaker_coreference_leaves_open(extract_one):
    x = extract_one(
        "Kamal Odeh said the council would meet on Monday. The meeting was moved twice last year. "
        "The budget is late. Roads are shut. He added that the budget was ready."
    )
    assert [s[0] for s in statements(x)] == ["Kamal Odeh", "Kamal Odeh"]


def test_he_said_with_another_person_named_since_is_no_statement(extract_one):
    x = extract_one(
        "Kamal Odeh said the council would meet on Monday. Ivo Brandt was away. "
        "The meeting was moved twice last year. The budget is late. Roads are shut. He added that the budget was ready."
    )
    assert [s[0] for s in statements(x)] == ["Kamal Odeh"]


def test_he_added_after_an_unnamed_speaker_is_no_statement(extract_one):
    """Near miss: someone unnamed spoke last ("a source said"), so "he added" may be that one."""
    x = extract_one(
        "Kamal Odeh said the port was shut. The storm hit. Roads are closed. "
        'A source said the road was closed. "They are fools," he added.'
    )
    assert [s[0] for s in statements(x)] == ["Kamal Odeh"]


def test_it_said_never_repeats_a_person_noun(extract_one):
    x = extract_one("The police spokesman said the port was shut. Roads are closed, it said.")
    assert [s[0] for s in statements(x)] == ["police spokesman"]
