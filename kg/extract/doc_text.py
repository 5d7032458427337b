"""A document's text and words, read once per document for every component that reads them.

spaCy joins every token's text again on each read of ``doc.text``, and each ``doc[i]`` makes a
Token object: components that test every word of a document (entity corrections, known actors,
further occurrences of a name) read the words from one array instead. The words of a Doc never
change once it is made (components set entities, sentences and attributes, never words), so both
are kept in ``doc.user_data``.

>>> import spacy
>>> doc = spacy.blank("en")("Storm closes port.")
>>> document_text(doc), document_words(doc)
('Storm closes port.', ['Storm', 'closes', 'port', '.'])
>>> document_words(doc) is document_words(doc)
True
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

TEXT_KEY = "kg_text"
WORDS_KEY = "kg_words"


def document_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def document_words(doc: Doc) -> list[str]:
    """The text of every token (``[t.text for t in doc]``), read once per document from spaCy's array."""
    words = doc.user_data.get(WORDS_KEY)
    if words is None:
        strings = doc.vocab.strings
        words = doc.user_data[WORDS_KEY] = [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []
    return words
