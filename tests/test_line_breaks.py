"""Sentence starts at line breaks (kg/extract/line_breaks.py): headlines and paragraphs end
their sentences; a line wrapped inside a sentence does not. Invented names."""

from __future__ import annotations

import pytest


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline without a full stop, then the story
        (
            "Market bombing in Kesh kills twelve\nA car bomb exploded in a market in Kesh on Tuesday.",
            ["Market bombing in Kesh kills twelve", "A car bomb exploded in a market in Kesh on Tuesday."],
        ),
        # a paragraph ending in a closing quote, the next starting after a space
        (
            'The mayor said: "We will rebuild."\n Dorval Ostrin, a farmer, lost his barn in the fire.',
            ['The mayor said: "We will rebuild."', "Dorval Ostrin, a farmer, lost his barn in the fire."],
        ),
        # a one-word heading, then a name the forced start must not cut
        (
            "Speech\n\nMarc Duval spoke about the economy for an hour.",
            ["Speech", "Marc Duval spoke about the economy for an hour."],
        ),
        # a dateline on a line of its own (a place in capitals, a date)
        (
            "Bank raises rates\nVELMORA 2024-03-05\nThe Central Bank of Kesh said rates rose.",
            ["Bank raises rates", "VELMORA 2024-03-05", "The Central Bank of Kesh said rates rose."],
        ),
        (
            "Talks end\nKESH , Valdor Mar 5\nThe two envoys left on Monday.",
            ["Talks end", "KESH , Valdor Mar 5", "The two envoys left on Monday."],
        ),
        # a blank line ends whatever came before it
        (
            "Talks resume in Velmar\n\nEnvoys of the two states met on Monday.",
            ["Talks resume in Velmar", "Envoys of the two states met on Monday."],
        ),
    ],
)
def test_a_line_break_that_ends_a_sentence_starts_one(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_a_line_wrapped_inside_a_sentence_stays_one_sentence(nlp):
    text = (
        "Officials said on Monday that the convoy carrying food to\n"
        "the northern towns had arrived.\nIt was the first in weeks."
    )
    found = sentences(nlp, text)
    assert "the convoy carrying food to\nthe northern towns had arrived." in found[0]


def test_a_wrapped_line_with_a_capitalised_word_and_a_year_is_no_dateline():
    """Near miss: a line of a running sentence that opens with capitals and ends with a year
    forces no sentence start (the parser decides); a dateline does."""
    import spacy

    from kg.extract.line_breaks import LineBreaks

    text = "Envoys said that\nUN troops left Velmora in 2019\nAfter the vote talks resumed."
    doc = LineBreaks()(spacy.blank("en")(text))
    after = next(t for t in doc if t.text == "After")
    assert after.is_sent_start is None
    doc = LineBreaks()(spacy.blank("en")("Talks end\nVELMORA 2019-03-05\nAfter the vote talks resumed."))
    after = next(t for t in doc if t.text == "After")
    assert after.is_sent_start is True


def test_a_dateline_is_no_speaker(extract_one):
    """A dateline the parser ran into the first sentence became the speaker of its "said"."""
    x = extract_one(
        "Talks end .\nVELMORA , Kesh 2024-08-31\n"
        "Kesh envoy Ivan Dorsk said he and rebel leader Ante Malik agreed after overnight talks to defer the decision ."
    )
    speakers = [a.span.text for e in x.events if e.type == "Statement" for a in e.arguments]
    assert speakers == ["Ivan Dorsk"]


@pytest.mark.parametrize(
    "text",
    [
        "VELMORA, Kesh (Reuters) - Gunmen killed two guards on Monday, police said.",
        "VELMORA, March 3 (AP) \u2014 Gunmen killed two guards on Monday, police said.",
        "Guards killed in Velmora\nVELMORA \u2014 Gunmen killed two guards on Monday, police said.",
    ],
)
def test_a_dateline_run_into_the_first_sentence_is_no_argument(extract_one, text):
    """A wire dateline before a dash ("CITY (Agency) -") opens no sentence's subject."""
    x = extract_one(text)
    (killing,) = [e for e in x.events if e.type == "Killing"]
    assert [a.span.text for a in killing.arguments if a.role == "agent"] == ["Gunmen"]


def test_a_dash_inside_a_sentence_is_no_dateline():
    import spacy

    from kg.extract.line_breaks import LineBreaks

    doc = LineBreaks()(spacy.blank("en")("Rebels attacked the base - twice - on Monday."))
    assert all(t.is_sent_start is None for t in doc[1:])


def test_a_headline_event_is_the_story_event(extract_one):
    """The headline's bombing is the bombing the first sentence tells: one event, two triggers."""
    x = extract_one(
        "Market bombing in Kesh kills twelve\n"
        "A car bomb exploded in a crowded market in Kesh on Tuesday, killing twelve people, police said."
    )
    bombings = [e for e in x.events if e.type == "Bombing"]
    assert len(bombings) == 1
    assert {t.text for t in bombings[0].triggers} == {"bombing", "exploded"}


@pytest.mark.parametrize(("opening", "closing"), [('" ', ' "'), ("\u201c ", " \u201d"), ('"', '"')])
def test_an_opening_quote_set_apart_by_a_space_opens_its_sentence(nlp, extract_one, opening, closing):
    """Tokenized text ('" We took ...') made the opening quote a sentence of its own, and the
    quotation then no one's words: the speaker after it ("he said") made no statement."""
    text = (
        "Marc Duval is conceding nothing .\n"
        f"{opening}We took three fine catches in this match .\n"
        f"Our catching will win us the title ,{closing} he said ."
    )
    assert sentences(nlp, text)[1] == f"{opening}We took three fine catches in this match ."
    x = extract_one(text)
    speakers = [a.span.text for e in x.events if e.type == "Statement" for a in e.arguments if a.role == "agent"]
    assert speakers == ["Marc Duval"]


def test_a_sentence_opening_with_a_spaced_quote_keeps_its_words(nlp):
    assert sentences(nlp, 'The mayor spoke .\n" We will rebuild , " she said .') == [
        "The mayor spoke .",
        '" We will rebuild , " she said .',
    ]
