"""Who speaks (session 13; invented names): unnamed people introduced by a relation or an
everyday part speak for no one a reader can find; a spokesman speaks for the organization named
as his, even when he is not to be named himself, and "the spokesman" or "he" later in the story
is that organization again; "according to X, Y said" is Y's statement; a quotation mark that
ends a line opens the next one (sentences put one to a line)."""

from __future__ import annotations

import pytest

from tests.test_statements import statements


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell's relatives said he was innocent.",
        "The Kesh Daily quoted Tomas Brell's colleagues as saying that judges were unprotected.",
        "The Kesh Air pilot said the engine had failed.",
        "Tomas Brell met reporters on Monday. Brell's lawyer said the charges were false.",
        "Tomas Brell was freed on Monday. His lawyer said the charges were false.",
        "The list was being studied, a prosecutors' spokesman told reporters.",
    ],
)
def test_an_unnamed_speaker_makes_no_statement(extract_one, text):
    assert not statements(extract_one(text))


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The police commander said the road was open.", "police commander"),
        ("The company's chairman said profits rose.", "company's chairman"),
        ("The witness said the car was red.", "witness"),  # "the" refers back to one
        ("The prosecutors' spokesman said the list was being studied.", "prosecutors"),
        ("A spokesman for the Harlow Guard said the road was open.", "Harlow Guard"),
        ("Velmar Radio urged voters to stay at home.", "Velmar Radio"),
        ("State radio said voters stayed at home.", "State radio"),
    ],
)
def test_an_office_a_body_or_a_named_outlet_speaks(extract_one, text, speaker):
    assert [s[0] for s in statements(extract_one(text))] == [speaker]


def test_who_said_tells_of_the_person_named_before_it_not_of_a_happening():
    from spacy.tokens import Doc

    from kg.extract.pipeline import load_pipeline
    from kg.extract.statements import _relative_antecedent

    # the parse the model gave a real sentence ("since Wednesday evening's arrival of Russian
    # security chief Alexander Lebed, who said ..."), with invented names: "who said" on "arrival"
    words = ["since", "the", "arrival", "of", "envoy", "Tomas", "Brell", ",", "who", "said", "it"]
    heads = [0, 2, 0, 2, 6, 6, 3, 2, 9, 2, 9]
    deps = ["ROOT", "det", "pobj", "prep", "compound", "compound", "pobj", "punct", "nsubj", "relcl", "dobj"]
    pos = ["ADP", "DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PRON"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _relative_antecedent(doc[8], doc[2]).text == "Brell"
    # near miss: a clause on a noun of people stays on it ("the minister of Valdor, who said")
    words[2], words[5], words[6] = "minister", "Valdor", "State"
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _relative_antecedent(doc[8], doc[2]).text == "minister"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parse joins the second "said" to the first one's clause: two statements of one speaker
        (
            "Tomas Brell said digital technology in set-top boxes is only the beginning and said the "
            "technology will eventually show up in retail consumer electronics .",
            [
                ("Tomas Brell", "digital technology in set-top boxes is only the beginning"),
                ("Tomas Brell", "the technology will eventually show up in retail consumer electronics"),
            ],
        ),
        (
            "Tomas Brell said the Kesh bank was an intermediary in the talks and added that two retailers "
            "were also still in discussions .",
            [
                ("Tomas Brell", "the Kesh bank was an intermediary in the talks"),
                ("Tomas Brell", "two retailers were also still in discussions"),
            ],
        ),
        # near miss: one saying of two things is one statement
        (
            "Tomas Brell said the town was calm and the roads were open .",
            [("Tomas Brell", "the town was calm and the roads were open")],
        ),
    ],
)
def test_a_speaker_who_said_again_says_the_second_clause(extract_one, text, expected):
    assert [s[:2] for s in statements(extract_one(text))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what the first saying denies is not the second saying
        (
            "Tomas Brell denied that officials forced anyone to sign and insisted that Kesh has no plans to "
            "censor books .",
            [("denied", None), ("insisted", None)],
        ),
        # near misses: sayings joined inside the clause, and a passive "reported"
        ("A Kesh bank spokesman said he could not confirm or deny the report .", [("deny", "negated"), ("said", None)]),
        (
            "Tomas Brell said he believed all six were being held in the Kesh mission and were reported to be "
            "in good health .",
            [("said", None)],
        ),
    ],
)
def test_a_saying_told_again_is_told_as_the_first(extract_one, text, expected):
    found = [(e.triggers[0].text, e.modality) for e in extract_one(text).events if e.type == "Statement"]
    assert sorted(found) == expected


def test_one_asked_to_speak_is_the_speaker(extract_one):
    x = extract_one("Vardia asked Kesh on Wednesday to explain why it was deporting more immigrants.")
    said = [e for e in x.events if e.type == "Statement"]
    assert [(s[0], e.modality) for s, e in zip(statements(x), said, strict=True)] == [("Kesh", "hypothetical")]


def test_according_to_a_source_of_someone_elses_words_is_one_statement(extract_one):
    found = statements(
        extract_one("According to state television, Mayor Ana Voss told reporters the port would reopen in May.")
    )
    assert [(s[0], s[1]) for s in found] == [("Ana Voss", "the port would reopen in May")]
    assert [s[0] for s in statements(extract_one("According to the army, the rebels fled."))] == ["army"]


SPOKESMAN = (
    "A spokesman of the Free Kesh Congress said artillery was shelling the town of Brano.\n"
    '"At dawn the army began an attack on the outskirts," the spokesman, who asked not to be identified, '
    "told Reuters.\n"
    "There was no confirmation of the report, which the spokesman said came from members in Brano.\n"
    "He said damage in the town was heavy."
)


def test_a_spokesman_speaks_for_his_organization_later_and_unnamed(extract_one):
    found = statements(extract_one(SPOKESMAN))
    assert [s[0] for s in found] == ["Free Kesh Congress"] * 4, found


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman, who asked not to be identified, said the town had fallen.",
        "Ana Voss spoke on Monday. The spokesman, who asked not to be identified, said the town had fallen.",
    ],
)
def test_an_anonymous_spokesman_of_no_named_organization_makes_no_statement(extract_one, text):
    assert not statements(extract_one(text))


def test_a_quotation_mark_ending_a_line_opens_the_next_line(extract_one):
    text = 'Tomas Brell said in an interview that his books were true . "\nMarek Olin is a thief of ideas , " he said .'
    found = statements(extract_one(text))
    assert [(s[0], s[1]) for s in found] == [
        ("Tomas Brell", "his books were true"),
        ("Tomas Brell", "Marek Olin is a thief of ideas"),
    ], found


def test_a_quotation_left_open_runs_on_to_the_line_that_closes_it(extract_one):
    text = (
        '" We lost , " said Tomas Brell , " and I never got a chance .\n'
        '" He served well .\n'
        'We lost . "\n'
        'Marek Olin was pleased with his win . "\n'
        'It is hard to win , " he said .'
    )
    found = statements(extract_one(text))
    assert found[-1][:2] == ("Marek Olin", "It is hard to win"), found


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        ('Mayor Ana Voss called the plan "a disaster for the town."', "Ana Voss", "a disaster for the town"),
        ('The Kesh Daily called "Red Dawn" the film\'s "greatest gift to the cinema."', "Kesh Daily", "greatest gift"),
        ('Mayor Ana Voss described the vote as "a farce".', "Ana Voss", "a farce"),
    ],
)
def test_words_in_quotation_marks_a_speaker_calls_something_are_a_statement(extract_one, text, speaker, words):
    found = statements(extract_one(text))
    assert [(s[0], words in s[1]) for s in found] == [(speaker, True)], found


@pytest.mark.parametrize(
    "text",
    [
        'The Kesh Navy called the ship "Hope".',  # a name given
        "Mayor Ana Voss described the vote as a farce.",  # no words of hers quoted
        'The Kesh Daily called the film "Red Dawn" a failure.',  # the quotation is a title
        'Mayor Ana Voss was called "a liar" by the council.',  # passive: she is not the speaker
    ],
)
def test_naming_without_quoted_words_of_the_speaker_is_no_statement(extract_one, text):
    assert not statements(extract_one(text))


def test_he_after_a_person_described_is_that_person_again(extract_one):
    text = 'The author said in an interview that his books were true . "\nI am a thief of ideas , " he said .'
    assert [s[0] for s in statements(extract_one(text))] == ["author", "author"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the road was open. He said it was shut.",  # a body is no "he"
        "A diplomat said the road was open. He said it was shut.",  # no one in particular spoke
    ],
)
def test_he_after_a_body_or_no_one_in_particular_is_no_one(extract_one, text):
    assert len(statements(extract_one(text))) <= 1
