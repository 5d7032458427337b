"""The memoized attribute ruler leaves every token exactly as the model's attribute ruler does."""

from __future__ import annotations

import spacy

from kg.extract.attributes import MemoizedAttributeRuler, supports
from kg.extract.pipeline import NEWSKG_COMPONENTS, PARSER_HINTS, default_model
from kg.ingest import read_sources

from .conftest import SAMPLES, shared_data

SENTENCES = [
    "I'm gonna stay, ain't it? Let's go, you gotta see it.",
    "But I told you: it was them, not us. Give it to me, and I will give it to you.",
    "INSURGENTS SEIZED THE TOWN  AND ITS MAYOR FLED\n\n",
    "They'd said the talks wouldn't resume; she didn't, but we did.",
]


def token_attributes(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


def test_every_token_is_as_the_model_leaves_it(nlp):
    articles = read_sources([str(SAMPLES), str(shared_data("seed"))])
    texts = SENTENCES + [doc.text for doc in articles if hasattr(doc, "text")]
    model = spacy.load(default_model())
    assert "attribute_ruler" in model.pipe_names and "attribute_ruler" not in nlp.pipe_names
    with nlp.select_pipes(disable=[*PARSER_HINTS, *NEWSKG_COMPONENTS]):
        ours = [token_attributes(doc) for doc in nlp.pipe(texts)]
        ours_again = [token_attributes(doc) for doc in nlp.pipe(texts)]  # now from what it remembered
    theirs = [token_attributes(doc) for doc in model.pipe(texts)]
    assert sum(map(len, theirs)) > 2000
    assert ours == theirs == ours_again


def ruler_pipeline(patterns: list[dict]):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


def test_later_rules_win_and_longer_patterns_set_their_token():
    patterns = [
        {"patterns": [[{"LOWER": {"REGEX": "^b"}}]], "attrs": {"POS": "NOUN", "LEMMA": "first"}},
        {"patterns": [[{"LOWER": "blue"}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "big"}, {"LOWER": {"IN": ["blue", "red"]}}]], "attrs": {"POS": "ADJ"}, "index": -1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "MORPH": "Foo=Bar"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["big", "blue"]}}]], "attrs": {"TAG": "XX"}},
    ]
    model, ours = ruler_pipeline(patterns), ruler_pipeline(patterns)
    ours.add_pipe("newskg_attribute_ruler", after="attribute_ruler")
    ours.remove_pipe("attribute_ruler")
    text = "a big blue  box, big red bikes and blue big"
    assert token_attributes(ours(text)) == token_attributes(model(text))
    assert ours(text).to_bytes() == model(text).to_bytes()
    assert [t.lemma_ for t in ours("big blue")] == ["first", "second"]


def test_patterns_it_cannot_reproduce_keep_the_models_ruler():
    with_operator = ruler_pipeline([{"patterns": [[{"LOWER": "big", "OP": "+"}]], "attrs": {"POS": "ADJ"}}])
    by_shape = ruler_pipeline([{"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}}])
    for nlp in (with_operator, by_shape):
        assert not supports(nlp.get_pipe("attribute_ruler"))
    assert supports(spacy.load(default_model()).get_pipe("attribute_ruler"))
    try:
        MemoizedAttributeRuler(by_shape.get_pipe("attribute_ruler"))
    except ValueError as error:
        assert "does not reproduce" in str(error)
    else:
        raise AssertionError("a ruler it cannot reproduce was accepted")
