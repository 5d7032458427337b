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

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

TEXT_KEY = "kg_text"
WORDS_KEY = "kg_words"
LOWERS_KEY = "kg_lowers"


def document_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def document_words(doc: Doc) -> list[str]:
    """The text of every token (``[t.text for t in doc]``), read once per document from spaCy's array."""
    return _strings(doc, ORTH, WORDS_KEY)


def document_lowers(doc: Doc) -> list[str]:
    """The lower-case form of every token (``[t.lower_ for t in doc]``), read once per document.

    >>> import spacy
    >>> document_lowers(spacy.blank("en")("Storm closes Port."))
    ['storm', 'closes', 'port', '.']
    """
    return _strings(doc, LOWER, LOWERS_KEY)


def _strings(doc: Doc, attr: int, key: str) -> list[str]:
    """One string attribute of every token, from spaCy's array, kept in ``doc.user_data[key]``."""
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[h] for h in doc.to_array(attr).tolist()] if len(doc) else []
    return found
