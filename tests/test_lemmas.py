"""The memoized lemmatizer gives exactly the model's own lemmas."""

from __future__ import annotations

import spacy

from kg.extract.pipeline import NEWSKG_COMPONENTS, PARSER_HINTS, default_model
from kg.ingest import read_sources

from .conftest import SAMPLES, shared_data

SENTENCES = [
    "The children were better off than their parents had been.",
    "Gunmen attacked two villages; militants are attacking again, having attacked before.",
    "She'd said the talks wouldn't resume, but they did.",
    "INSURGENTS SEIZED THE TOWN AND ITS MAYOR FLED",
    "Les enfants sont partis.",  # not English: the rules still answer the same
]


def test_every_lemma_is_the_models_own(nlp):
    articles = read_sources([str(SAMPLES), str(shared_data("seed"))])
    texts = SENTENCES + [doc.text for doc in articles if hasattr(doc, "text")]
    model = spacy.load(default_model())
    assert "lemmatizer" in model.pipe_names and "lemmatizer" not in nlp.pipe_names
    with nlp.select_pipes(disable=[*PARSER_HINTS, *NEWSKG_COMPONENTS]):
        ours = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
        ours_again = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]  # now from what it remembered
    theirs = [[t.lemma_ for t in doc] for doc in model.pipe(texts)]
    assert sum(map(len, theirs)) > 2000
    assert ours == theirs == ours_again
