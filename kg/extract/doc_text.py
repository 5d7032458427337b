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

from bisect import bisect_right

from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.tokens import Doc

TEXT_KEY = "kg_text"
WORDS_KEY = "kg_words"
LOWERS_KEY = "kg_lowers"
SENT_STARTS_KEY = "kg_sent_starts"


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


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """The start and end token indices of the sentence of ``doc[i]`` (``doc[i].sent``'s), from
    the sentence starts read once per document: ``Token.sent`` asks the whole document whether it
    has sentence starts on every call. The starts are read when first asked for: the components
    that set them (the parser, line breaks) have run by then.

    >>> import spacy
    >>> doc = spacy.blank("en")("Storm closes port. Ships wait.")
    >>> doc[4].is_sent_start = True
    >>> sentence_bounds(doc, 1), sentence_bounds(doc, 4), (doc[4].sent.start, doc[4].sent.end)
    ((0, 4), (4, 7), (4, 7))
    """
    starts = doc.user_data.get(SENT_STARTS_KEY)
    if starts is None:
        flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        starts = doc.user_data[SENT_STARTS_KEY] = [0] + [k for k in range(1, len(flags)) if flags[k] == 1]
    at = bisect_right(starts, i)
    return starts[at - 1], starts[at] if at < len(starts) else len(doc)
