"""``newskg_known_actors``: names of the PETRARCH2 actor dictionaries (:mod:`kg.names.actors`) typed and found.

The component runs after ``newskg_entity_patterns`` and before the entity
types. A name the dictionary knows, as a person or an organization, gets that type where
the model mistyped it, and is found where the model missed it (a name of two words or more,
or an acronym written in capitals in mixed-case text); the text wins where it is clear
("Mr." before a name, "Inc." after one, "the city of" before one), and places and
nationalities stay the gazetteer's. :func:`kg.names.actors.known_actor` tells the entity clustering
which names are one actor ("ISIS", "Islamic State"), and resolution picks the code valid
at the article's date (:meth:`kg.names.actors.Actor.code_at`).

Names are matched on the compact key of their words (:func:`kg.names.normalize.compact_key`,
case and punctuation folded), by dictionary lookups over the capitalized runs and the
model's entities of a sentence; the lexicon is read once, on first use.

"""

from __future__ import annotations

from functools import cache

from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, POS
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.doc_text import document_text, document_words
from kg.extract.entity_patterns import JOINERS, RUN_CONNECTORS, _org_cues, _places, _sentence_is_uncased
from kg.extract.lexicon import word_list
from kg.names import actors as dictionary
from kg.names.gazetteer import is_known_place, lookup_country, lookup_demonym
from kg.names.normalize import ARTICLES, compact_key

ACTOR_LABELS = {"Person": "PERSON", "Organization": "ORG"}
MAX_ACTOR_TOKENS = 8
# A one-word name found without the model must be an acronym of this many capitals at least.
MIN_ACRONYM = 3
# Labels whose spans are places or nationalities: the gazetteer's, never retyped to an actor.
PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}


def _cue_type(doc: Doc, start: int, end: int) -> str | None:
    """The type the words around a name give it: "Mr." before (Person), "Inc." after
    (Organization), "the city of" or "in" before (a place)."""
    if start > 0 and doc[start - 1].lower_ in word_list("titles.json", "honorifics"):
        return "Person"
    if end < len(doc) and doc[end].lower_.rstrip(".") in word_list("organization_cues.json", "company_suffixes"):
        return "Organization"
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _places()["place_nouns_before_of"]:
        return "Place"
    return None


def _is_place_name(text: str) -> bool:
    return bool(lookup_country(text, allow_codes=False) or lookup_demonym(text) or is_known_place(text))


class KnownActors:
    """Type and find the names the actor dictionary knows (see the module's docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        found: list[Span] = []
        replaced: set[int] = set()
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        text = document_text(doc)  # spaCy rebuilds doc.text from every token on each access
        name_words: dict[bool, list[bool]] = {}  # per casing, read once per document
        for sent in sentences:
            uncased = _sentence_is_uncased(sent, text)
            for n, ent in enumerate(ents):
                if sent.start <= ent.start < sent.end:
                    known = _known_name_before_nouns(ent) if uncased else None
                    if known is not None:
                        found.append(known)
                        replaced.add(n)
                        continue
                    retyped = self._retyped(ent)
                    if retyped is not None:
                        found.append(retyped)
                        replaced.add(n)
            if uncased not in name_words:
                name_words[uncased] = _name_words(doc, uncased)
            for start, end in _candidate_runs(sent, uncased, name_words[uncased]):
                span = self._longest_match(doc, start, end, uncased)
                if span is not None:
                    found.append(span)
        if not found:
            return doc
        kept_found = filter_spans(found)
        taken = {i for span in kept_found for i in range(span.start, span.end)}
        # A model entity inside a longer dictionary name gives way to it ("Islamic" NORP in
        # "Islamic State"); one that overlaps it partly keeps its words.
        final = []
        for n, ent in enumerate(ents):
            covered = set(range(ent.start, ent.end)) & taken
            if not covered:
                final.append(ent)
            elif n in replaced or set(range(ent.start, ent.end)) <= taken:
                continue
            else:
                kept_found = [s for s in kept_found if s.end <= ent.start or s.start >= ent.end]
                final.append(ent)
        doc.ents = sorted(final + kept_found, key=lambda s: s.start)
        return doc

    @staticmethod
    def _retyped(ent: Span) -> Span | None:
        """A model entity the dictionary types otherwise (a person tagged ORG), or None."""
        span = ent[1:] if len(ent) > 1 and ent[0].lower_ in ARTICLES else ent
        kind = dictionary.actor_type(span.text)
        if kind not in ACTOR_LABELS or ent.label_ == ACTOR_LABELS[kind]:
            return None
        if ent.label_ in PLACE_LABELS and (len(span) == 1 or _is_place_name(span.text)):
            return None  # "Jordan", "Lyon": the gazetteer decides names of places
        if ent.label_ not in PLACE_LABELS | {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}:
            return None  # dates, numbers: not names
        cue = _cue_type(ent.doc, span.start, span.end)
        if cue is not None and cue != kind:
            return None
        return Span(ent.doc, ent.start, ent.end, label=ACTOR_LABELS[kind])

    @staticmethod
    def _longest_match(doc: Doc, start: int, end: int, uncased: bool) -> Span | None:
        """The longest dictionary name of a known type inside a run of name words."""
        index = dictionary._lexicon()[0]
        keys = [compact_key(doc[i].text) for i in range(start, end)]  # a span's key: its tokens' keys joined
        for length in range(min(end - start, MAX_ACTOR_TOKENS), 0, -1):
            for first in range(start, end - length + 1):
                if "".join(keys[first - start : first - start + length]) not in index:
                    continue
                span = doc[first : first + length]
                kind = dictionary.actor_type(span.text)
                if kind not in ACTOR_LABELS or not _may_stand_alone(span, uncased):
                    continue
                cue = _cue_type(doc, span.start, span.end)
                if cue is not None and cue != kind:
                    continue
                return Span(doc, span.start, span.end, label=ACTOR_LABELS[kind])
        return None


def _known_name_before_nouns(ent: Span) -> Span | None:
    """In text without capitals the model runs a name into the nouns after it ("red cross
    workers"): a dictionary name followed only by common nouns is that name alone."""
    if ent.label_ not in ("ORG", "PERSON"):
        return None
    start = ent.start + 1 if len(ent) > 1 and ent[0].lower_ in ARTICLES else ent.start
    doc = ent.doc
    index = dictionary._lexicon()[0]
    keys = [compact_key(doc[i].text) for i in range(start, ent.end)]
    for end in range(ent.end - 1, start, -1):
        if "".join(keys[: end - start]) not in index or not all(t.pos_ == "NOUN" for t in doc[end : ent.end]):
            continue
        kind = dictionary.actor_type(doc[start:end].text)
        if kind in ACTOR_LABELS:
            return Span(doc, start, end, label=ACTOR_LABELS[kind])
    return None


def _may_stand_alone(span: Span, uncased: bool) -> bool:
    """A dictionary name found without the model's help: two words or more, not a place's name,
    not ending in a small word; one word only as an acronym in capitals in mixed-case text
    ("UNHCR"), never an ordinary word ("IS", "AID": stop words and words of the model's vocabulary
    in lower case)."""
    if span[0].lower_ in ARTICLES or span[-1].is_stop or span[-1].is_punct or span[0].is_punct:
        return False
    if _is_place_name(span.text):
        return False
    if len(span) > 1:
        return not uncased or any(t.pos_ == "PROPN" for t in span)
    token = span[0]
    return (
        not uncased
        and token.is_upper
        and token.is_alpha
        and len(token) >= MIN_ACRONYM
        and not token.is_stop
        and token.lower_ not in _common_words()
    )


@cache
def _common_words() -> frozenset[str]:
    """Lower-case words of the generic actor nouns and organization heads: never an acronym."""
    return frozenset(w for phrase in dictionary._lexicon()[2] for w in phrase.split()) | _org_cues()["heads"]


def _candidate_runs(sent: Span, uncased: bool, name_words: list[bool]) -> list[tuple[int, int]]:
    """Runs of name words in a sentence: capitalized words, joined by hyphens and by "of", "and",
    "the" before a capitalized word; in uncased text, runs of proper nouns. ``name_words``: which
    tokens of the document are name words (:func:`_name_words`)."""
    doc = sent.doc
    runs = []
    i = sent.start
    while i < sent.end:
        if not name_words[i]:
            i += 1
            continue
        end = i + 1
        while end < sent.end:
            if name_words[end]:
                end += 1
                continue
            token = doc[end]
            if (token.text in JOINERS or token.lower_ in RUN_CONNECTORS or token.text == ".") and (
                end + 1 < sent.end and name_words[end + 1]
            ):
                end += 1
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _name_words(doc: Doc, uncased: bool) -> list[bool]:
    """Which tokens are name words: in uncased text proper nouns; else capitalized words and
    hyphenated words starting with a capital. Read from spaCy's arrays (a Token per word costs more)."""
    if not len(doc):
        return []
    if uncased:
        return [pos == PROPN for pos in doc.to_array(POS).tolist()]
    words = document_words(doc)
    return [
        alpha and (title or upper) or (word[:1].isupper() and "-" in word)
        for word, (alpha, title, upper) in zip(
            words, doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER]).astype(bool).tolist(), strict=True
        )
    ]


@Language.factory("newskg_known_actors")
def make_known_actors(nlp: Language, name: str) -> KnownActors:
    return KnownActors()
