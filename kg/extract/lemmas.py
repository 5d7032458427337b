"""The model's own lemmatizer, made fast: the same lemmas at a tenth of the cost.

spaCy's rule lemmatizer works out a token's lemma from its text, part of speech and
morphology. It checks each candidate form against its word index, a list (57,000
nouns) searched from the start every time, and it remembers only some answers; on
news text it cost as much as the parser. Here the index lists become sets, and each
(text, POS, morphology) is asked once. :func:`kg.extract.pipeline.load_pipeline`
puts this component in place of the model's lemmatizer; a test checks that every
lemma is the one spaCy gives.

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> type(nlp.get_pipe("newskg_lemmatizer")).__name__, "lemmatizer" in nlp.pipe_names
('MemoizedLemmatizer', False)
>>> [t.lemma_ for t in nlp("Gunmen attacked the towns.")]
['gunman', 'attack', 'the', 'town', '.']
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# Distinct (word, POS, morphology) triples grow with the vocabulary: bound the memory.
MAX_REMEMBERED = 500_000


class MemoizedLemmatizer:
    """Sets ``token.lemma`` as ``lemmatizer`` would, asking it once per (text, POS, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        # The lemmatizer only tests membership in its index: sets answer at once.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        # One array read and one write: a Token object per word costs more than the lemmatizer.
        lemmas, overwrite, strings = self.lemmas, self.lemmatizer.overwrite, doc.vocab.strings
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:  # set earlier (attribute ruler): kept, as spaCy does
                continue
            found = lemmas.get((orth, pos, morph))
            if found is None:
                if len(lemmas) >= MAX_REMEMBERED:
                    lemmas.clear()
                found = lemmas[(orth, pos, morph)] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            values[i, 3] = found
        doc.from_array([LEMMA], values[:, 3:])
        return doc


@Language.factory("newskg_lemmatizer")
def make_memoized_lemmatizer(nlp: Language, name: str) -> MemoizedLemmatizer:
    """Wraps the pipeline's ``lemmatizer``; add it after that one, then remove that one."""
    return MemoizedLemmatizer(nlp.get_pipe("lemmatizer"))
