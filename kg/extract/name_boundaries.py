"""Where the model's name spans overrun a name: cut them back before the other rules run.

A statistical tagger reads tables, result lists and wrapped headlines badly: it runs a name
across a line break ("Lena\\nMarsh"), into a bracketed note ("Lena Marsh ( Norvalia"), over a
spaced dash ("NORVALIA - LENA MARSH"), a score or rank ("64 Lena Marsh", "Marsh 5-0-31-0")
or lower-case words after it ("Norvale news agency"), and a weekday written after a
person's or a place's name ("Bob Dole Wednesday accused ..."). None of these is ever part of a name in
cased news text, so each name span is split at them and trimmed to its words (in text without
capitals, where the model still finds names, only the breaks, scores and punctuation go);
a piece that is a country name becomes a GPE, the others keep the model's label.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("Results:\\n64 Lena Marsh ( Norway ) won")
>>> doc.ents = [doc.char_span(9, 31, "ORG")]
>>> [(e.text, e.label_) for e in trimmed_name_spans(doc)]
[('Lena Marsh', 'ORG'), ('Norway', 'GPE')]
"""

from __future__ import annotations

import calendar

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import word_list
from kg.names.gazetteer import lookup_country

# Labels of names (not dates or numbers): only these are cut back.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Labels whose names hold no number ("Channel 4" and "Terminal 3" do: ORG and FAC keep theirs).
NO_TRAILING_NUMBER = {"PERSON", "GPE", "LOC", "NORP"}
SEPARATORS = {"(", ")", "[", "]", ":", ";", "|", '"'}
# Weekdays: wire style dates a sentence by a bare weekday after its subject ("Bob Dole Wednesday accused").
WEEKDAYS = frozenset(calendar.day_name)
SPACED_DASHES = {"-", "--", "\u2013", "\u2014"}


def _is_break(token: Token) -> bool:
    """A token no name runs across: a line break, a bracket, a colon, a dash with spaces on both sides."""
    if token.is_space:
        return "\n" in token.text
    if token.text in SEPARATORS:
        return True
    if token.text in SPACED_DASHES and token.whitespace_:
        doc = token.doc
        return token.i > 0 and bool(doc[token.i - 1].whitespace_)
    return False


def _is_number(token: Token) -> bool:
    """A score, rank or figure: digits with separators ("64", "5-0-31-0", "11.07", "1=")."""
    text = token.text.rstrip("=.-")
    return bool(text) and any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


def _is_named(token: Token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper) or token.text[:1].isupper()


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    keep_lower = word_list("organization_cues.json", "company_suffixes")
    while start < end and (doc[start].is_space or doc[start].is_punct or _is_number(doc[start])):
        start += 1
    while end > start:
        last = doc[end - 1]
        if last.is_space or (last.is_punct and last.text != "."):
            end -= 1
        elif _is_number(last) and label in NO_TRAILING_NUMBER:
            end -= 1
        elif last.text in WEEKDAYS and label in NO_TRAILING_NUMBER and end - 1 > start:
            end -= 1
        elif (
            last.is_lower
            and last.is_alpha
            and last.lower_ not in keep_lower
            and any(_is_named(t) for t in doc[start : end - 1])
        ):
            end -= 1  # "Norvale news agency": the lower-case words describe the name
        else:
            break
    if start >= end or not any(c.isalpha() for c in doc[start:end].text):  # "U.S." has letters
        return None
    return start, end


def trimmed_name_spans(doc: Doc) -> list[Span]:
    """``doc.ents`` with every name span split at breaks and trimmed to its name."""
    result: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            result.append(ent)
            continue
        pieces: list[tuple[int, int]] = []
        start = ent.start
        for token in ent:
            if _is_break(token) or (ent.label_ in NO_TRAILING_NUMBER and _is_number(token)):
                pieces.append((start, token.i))
                start = token.i + 1
        pieces.append((start, ent.end))
        if pieces == [(ent.start, ent.end)] and _trim(doc, ent.start, ent.end, ent.label_) == (ent.start, ent.end):
            result.append(ent)
            continue
        for a, b in pieces:
            trimmed = _trim(doc, a, b, ent.label_)
            if trimmed is None:
                continue
            label = ent.label_
            if len(pieces) > 1 and lookup_country(doc[trimmed[0] : trimmed[1]].text, allow_codes=False):
                label = "GPE"
            result.append(Span(doc, trimmed[0], trimmed[1], label=label))
    return result
