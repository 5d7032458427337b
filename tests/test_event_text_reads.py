"""The events component reads words and texts from the document's text and word list (read once
per document) instead of making a Token of every word: the same texts and quote spans as spaCy's."""

from __future__ import annotations

import pytest

from kg.extract.arguments import span_of
from kg.extract.pipeline import load_pipeline
from kg.extract.triggers import _quoted_span, syntax

TEXT = (
    "Harbour talks stall\n\n"
    'The Orvane Front said  "we will attack the port" on Monday.  A spokesman for the Kelmar police, '
    "Tor Vasse, told reporters that gunmen had kidnapped two engineers.\n"
    '"They bombed the bridge," he said, "and fled north."'
)


@pytest.fixture(scope="module")
def doc():
    return load_pipeline()(TEXT)


def test_span_text_is_the_documents_text_between_its_offsets(doc):
    for sent in doc.sents:
        for start in range(sent.start, sent.end):
            for end in range(start + 1, sent.end + 1):
                record = span_of(doc[start:end])
                assert (record.start, record.end, record.text) == (
                    doc[start:end].start_char,
                    doc[start:end].end_char,
                    doc[start:end].text,
                )


def _quoted_by_tokens(token):
    """The quote marks' pairing walked over the sentence's Tokens (what _quoted_span must give)."""
    marks, opened = set(syntax()["quote_marks"]), None
    for t in token.sent:
        if t.text not in marks:
            continue
        if opened is None:
            opened = t.i
        elif opened < token.i < t.i:
            return opened + 1, t.i
        else:
            opened = None
    return None


def test_quoted_span_pairs_the_sentences_quote_marks(doc):
    attack = next(t for t in doc if t.text == "attack")
    assert [t.text for t in doc[slice(*_quoted_span(attack))]] == ["we", "will", "attack", "the", "port"]
    assert _quoted_span(next(t for t in doc if t.text == "kidnapped")) is None
    assert all(_quoted_span(token) == _quoted_by_tokens(token) for token in doc)
