"""``newskg_entity_patterns``: general corrections to the spaCy model's entity spans.

It runs right after the model's ``ner`` and rewrites ``doc.ents`` with four rules,
each driven by a data file or a public gazetteer, never by names:

- **titled people** (``lexicons/titles.json``): a title directly before a
  capitalized name makes the name a PERSON and the title words no entity
  ("Defense Minister Hadi Rashad": "Defense" is not an ORG);
- **organizations** (``lexicons/organization_cues.json``): a capitalized run
  ending in an organization head ("Malian Security Forces", "Labour Party"),
  "Ministry of X", and names followed by an armed-group cue ("X militants");
- **named places** (``lexicons/places.json``): a capitalized run ending in a
  place head is a FAC ("Oxford Street", "London Bridge") or a LOC ("Caribbean
  Sea", "Sindh Province");
- **owned facilities** (``lexicons/facilities.json``): "<demonym> embassy in
  <place>" is one FAC, whose full name (with the place) is kept in
  ``doc.user_data["kg_full_names"]``;
- **gazetteer names**: countries, demonyms, cities and (in a place context)
  provinces of ``kg.names.gazetteer`` that the model missed or mislabelled, also in all-caps or
  all-lowercase text where the model's capitalization cues fail; after a locative preposition ("in Lyon") or
  in capitals ("LONDON -") a gazetteer city wins over the model's PERSON or ORG.

The small words inside names (particles such as "al" or "von", joining hyphens) are in
``lexicons/name_syntax.json``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("newskg_entity_patterns")
>>> doc = nlp("Malian Security Forces met with Defense Minister Hadi Rashad in Mopti.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Malian Security Forces', 'ORG'), ('Hadi Rashad', 'PERSON'), ('Mopti', 'GPE')]
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.doc_text import document_text
from kg.extract.lexicon import load_lexicon, word_list
from kg.extract.name_boundaries import WEEKDAYS, trimmed_name_spans
from kg.extract.sports_teams import is_sports_report, team_names
from kg.names.gazetteer import lookup_country, lookup_demonym, lookup_places, name_keys
from kg.names.normalize import ARTICLES, compact_key

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# spaCy labels that name places or nationalities: never swallowed into a person name.
PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
# Labels the model gives to names it could not place; gazetteer matches override them.
WEAK_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
NAME_PARTICLES = word_list("name_syntax.json", "name_particles")
JOINERS = word_list("name_syntax.json", "joiners")
RUN_CONNECTORS = word_list("name_syntax.json", "run_connectors")
MAX_NAME_TOKENS = 4
MAX_GAZETTEER_TOKENS = 4
# A city matched without the model's help must be this populous (fewer false hits
# on common words that are also small towns).
CITY_POPULATION = 100_000
# Fraction of letters in upper case that marks a sentence whose capitalization tells
# nothing (headlines in capitals); a sentence without any capital is uncased too.
UNCASED_RATIO = 0.9


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], frozenset[tuple[str, ...]], frozenset[str], frozenset[str]]:
    data = load_lexicon("titles.json")
    heads = {tuple(h.split()) for h in data["heads"]}
    return (
        frozenset(h[-1] for h in heads),
        frozenset(heads),
        frozenset(data["modifiers"]),
        frozenset(data["not_names"]),
    )


@lru_cache(maxsize=1)
def _heads_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The title heads ending in each word, longest first ("prime minister", "minister")."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for head in _titles()[1]:
        by_last.setdefault(head[-1], []).append(head)
    return {word: tuple(sorted(heads, key=len, reverse=True)) for word, heads in by_last.items()}


@lru_cache(maxsize=1)
def _org_cues() -> dict[str, frozenset[str]]:
    data = load_lexicon("organization_cues.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _places() -> dict[str, frozenset[str]]:
    data = load_lexicon("places.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def title_end(doc: Doc, i: int) -> int | None:
    """The start of the title that ends at token ``i`` (modifiers included), or None.

    >>> import spacy
    >>> doc = spacy.blank("en")("the Iraqi Deputy Prime Minister said")
    >>> title_end(doc, 4), title_end(doc, 1)
    (2, None)
    """
    heads = _heads_by_last_word().get(doc[i].lower_)
    if not heads:
        return None
    start = None
    for head in heads:  # longest first: the first that fits starts the title
        first = i - len(head) + 1
        if first >= 0 and all(doc[first + k].lower_ == word for k, word in enumerate(head[:-1])):
            start = first
            break
    if start is None:
        return None
    modifiers = _titles()[2]
    while start > 0 and (doc[start - 1].lower_ in modifiers or _is_head_word(doc[start - 1])):
        start -= 1
    return start


def _is_head_word(token: Token) -> bool:
    return token.lower_ in _titles()[0] and (token.lower_,) in _titles()[1]


def _is_name_word(token: Token) -> bool:
    return (
        (token.is_title or (token.is_upper and len(token) > 1))
        and token.lower_ not in _titles()[3]
        and not _is_head_word(token)
        and token.lower_ not in _titles()[2]
    )


def name_after(doc: Doc, i: int) -> int:
    """End of a capitalized personal name starting at token ``i`` (== i when none)."""
    end = i
    while end < len(doc) and end - i < MAX_NAME_TOKENS:
        token = doc[end]
        if token.ent_type_ in PLACE_LABELS and token.ent_type_ != "FAC" or token.text in WEEKDAYS:
            break  # "Senator Bob Dole Wednesday said": the weekday dates the sentence
        if _is_name_word(token):
            end += 1
        elif (
            (token.text in JOINERS or token.lower_ in NAME_PARTICLES)
            and end > i
            and end + 1 < len(doc)
            and _is_name_word(doc[end + 1])
        ):
            end += 1
        elif token.lower_ in NAME_PARTICLES and end == i and end + 1 < len(doc) and _is_name_word(doc[end + 1]):
            end += 1
        else:
            break
    while end > i and not _is_name_word(doc[end - 1]):
        end -= 1
    return end


def _sentence_is_uncased(sent: Span, text: str) -> bool:
    """``text`` is the document's text, read once by the caller: spaCy rebuilds ``doc.text``
    from every token on each access, so reading it per sentence costs sentences x tokens."""
    letters = list(filter(str.isalpha, text[sent.start_char : sent.end_char]))
    if len(letters) < 12:
        return False
    upper = sum(map(str.isupper, letters))
    return upper >= UNCASED_RATIO * len(letters) or upper == 0


def _is_title_case_headline(sent: Span, tokens: _Tokens) -> bool:
    """A headline in title case ("Roadside IED Kills Russian General"): every word capitalized."""
    words = [i for i in range(sent.start, sent.end) if tokens.is_alpha[i] and tokens.length[i] > 3]
    return len(words) >= 3 and all(tokens.is_title[i] or tokens.is_upper[i] for i in words)


class _Tokens:
    """What the rules read of every token, read once per document from spaCy's arrays: each
    ``doc[i]`` makes a Token object, and the rules test each word many times (as a title's end,
    an organization's head, a place's, a gazetteer name's start)."""

    def __init__(self, doc: Doc) -> None:
        # Column by column: a token's attributes one by one cost more than the arrays and string lookups.
        self.strings = strings = doc.vocab.strings
        self.orth, lower, ent_type = doc.to_array([ORTH, LOWER, ENT_TYPE]).T.tolist() if len(doc) else ([], [], [])
        self.lower: list[str] = [strings[x] for x in lower]
        self.ent_type: list[str] = [strings[x] if x else "" for x in ent_type]
        self.is_alpha, self.is_title, self.is_upper = (
            doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER]).astype(bool).T.tolist() if len(doc) else ([], [], [])
        )
        self.length: list[int] = doc.to_array(LENGTH).tolist() if len(doc) else []
        self._keys: list[str | None] = [None] * len(doc)

    def key(self, i: int) -> str:
        """The compact key of token ``i`` (:func:`kg.names.normalize.compact_key`), worked out once."""
        found = self._keys[i]
        if found is None:
            found = self._keys[i] = compact_key(self.strings[self.orth[i]])
        return found


class EntityPatterns:
    """Rewrite ``doc.ents`` with the title, organization, facility and gazetteer rules."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        drop: set[int] = set()  # tokens whose model entity must go (title words)
        full_names: dict[tuple[int, int], str] = {}
        has_sents = doc.has_annotation("SENT_START")
        sentences = list(doc.sents) if has_sents else [doc[:]]
        doc.ents = trimmed_name_spans(doc)  # names cut back to their words before any rule reads them
        model_ents = list(doc.ents)  # read once: each read of doc.ents or sent.ents builds them all
        text = document_text(doc)
        tokens = _Tokens(doc)  # doc.ents stays model_ents until _apply: the rules read both once
        for sent in sentences:
            uncased = _sentence_is_uncased(sent, text)
            headline = _is_title_case_headline(sent, tokens)
            if not uncased:
                drop.update(_no_names(sent, [e for e in model_ents if sent.start <= e.start < sent.end]))
                self._titled_people(sent, found, drop, tokens)
                if not headline:
                    self._organizations(sent, found, tokens, model_ents)
                    self._named_places(sent, found, tokens)
                self._facilities(sent, found, full_names, tokens)
            self._gazetteer(sent, found, uncased, tokens, model_ents)
        # Teams in lines of results and standings come first: they win over a city of the same name.
        result_lines = score_line_teams(doc)
        found = result_lines + found
        self._apply(doc, found, drop)
        doc.ents = team_names(doc, is_sports_report(doc, bool(result_lines), tokens.lower))
        doc.user_data["kg_full_names"] = {
            key: name for key, name in full_names.items() if any((e.start_char, e.end_char) == key for e in doc.ents)
        }
        return doc

    @staticmethod
    def _apply(doc: Doc, found: list[Span], drop: set[int]) -> None:
        found = filter_spans(found)
        taken = {i for span in found for i in range(span.start, span.end)}
        kept = [
            e for e in doc.ents if not (taken & set(range(e.start, e.end))) and not set(range(e.start, e.end)) <= drop
        ]
        doc.ents = sorted(kept + found, key=lambda s: s.start)

    @staticmethod
    def _titled_people(sent: Span, found: list[Span], drop: set[int], tokens: _Tokens) -> None:
        doc = sent.doc
        heads = _heads_by_last_word()
        for i in range(sent.start, sent.end - 1):
            if tokens.lower[i] not in heads:
                continue  # what title_end asks first, without a Token
            start = title_end(doc, i)
            if start is None:
                continue
            end = name_after(doc, i + 1)
            if end == i + 1 or end > sent.end:
                continue
            name = doc[i + 1 : end]
            if _names_a_place_or_group(name):
                continue
            found.append(Span(doc, i + 1, end, label="PERSON"))
            drop.update(t.i for t in doc[start : i + 1] if t.ent_type_ not in PLACE_LABELS)

    @staticmethod
    def _organizations(sent: Span, found: list[Span], tokens: _Tokens, ents: list[Span]) -> None:
        doc = sent.doc
        cues = _org_cues()
        heads, suffixes, of_heads, group_cues, member_of_heads = (
            cues["heads"],
            cues["company_suffixes"],
            cues["of_heads"],
            cues["group_cues"],
            cues["member_of_heads"],
        )
        for i in range(sent.start, sent.end):
            lower = tokens.lower[i]
            if lower in member_of_heads:
                group = _members_named_group(doc, i, sent, ents)
                if group is not None:
                    found.append(group)
                continue
            if (
                lower not in heads
                and lower not in of_heads
                and lower not in group_cues
                and (lower.rstrip(".") not in suffixes)
            ):
                continue  # every rule below starts from one of these words
            token = doc[i]
            if token.is_title and token.lower_ in cues["heads"] and not _title_before(doc, i):
                start = _capitalized_run_before(doc, i, sent.start)
                if start < i:
                    found.append(Span(doc, start, i + 1, label="ORG"))
            elif token.lower_.rstrip(".") in cues["company_suffixes"] and token.text[:1].isalpha() and i > sent.start:
                # "Jeans Mate Corp", "Norvik AG", "Castle Holdings plc": the suffix ends a company's name.
                if not (token.is_title or token.is_upper or token.lower_ == "plc"):
                    continue
                start = _capitalized_run_before(doc, i, sent.start)
                if start < i and doc[start].lower_ in word_list("titles.json", "honorifics"):
                    continue  # "Mr. Co": a person's name
                if start < i and not (start == i - 1 and doc[start].is_upper and token.is_upper):
                    found.append(Span(doc, start, i + 1, label="ORG"))
            if token.is_title and token.lower_ in cues["of_heads"] and i + 2 < sent.end and doc[i + 1].lower_ == "of":
                end = _capitalized_run_after(doc, i + 2, sent.end)
                if end > i + 2:
                    start = _capitalized_run_before(doc, i, sent.start)
                    found.append(Span(doc, start, end, label="ORG"))
            if token.lower_ in cues["group_cues"] and token.is_lower and i > sent.start:
                group = _group_name_before(doc, i, sent.start, ents)
                if group is not None:
                    found.append(group)

    @staticmethod
    def _named_places(sent: Span, found: list[Span], tokens: _Tokens) -> None:
        doc = sent.doc
        heads = _places()
        facility_heads, location_heads = heads["facility_heads"], heads["location_heads"]
        for i in range(sent.start + 1, sent.end):
            if not tokens.is_title[i] or (
                tokens.lower[i] not in facility_heads and tokens.lower[i] not in location_heads
            ):
                continue  # only a capitalized place head ends a named place
            token = doc[i]
            if not token.is_title:
                continue
            label = {True: "FAC", False: "LOC"}.get(token.lower_ in heads["facility_heads"])
            if label == "LOC" and token.lower_ not in heads["location_heads"]:
                label = None
            if label is None or (i + 1 < sent.end and doc[i + 1].lower_ == "of"):
                continue
            start = _capitalized_run_before(doc, i, sent.start)
            if start < i and not _title_before(doc, i):
                found.append(Span(doc, start, i + 1, label=label))

    @staticmethod
    def _facilities(sent: Span, found: list[Span], full_names: dict[tuple[int, int], str], tokens: _Tokens) -> None:
        doc = sent.doc
        owned_heads = word_list("facilities.json", "owned_heads")
        for i in range(sent.start + 1, sent.end):
            if tokens.lower[i] not in owned_heads or doc[i].dep_ == "compound":
                continue  # "Afghan embassy personnel": the embassy only describes the people
            owner = doc[i - 1]
            if owner.ent_type_ not in ("NORP", "GPE") or not (lookup_demonym(owner.text) or lookup_country(owner.text)):
                continue
            if owner.ent_iob_ != "B":  # the owner is a one-word demonym or country name
                continue
            span = Span(doc, i - 1, i + 1, label="FAC")
            found.append(span)
            if i + 2 < sent.end and doc[i + 1].lower_ == "in" and doc[i + 2].ent_type_ == "GPE":
                place_end = i + 2
                while (
                    place_end < sent.end
                    and doc[place_end].ent_type_ == "GPE"
                    and (place_end == i + 2 or doc[place_end].ent_iob_ == "I")
                ):
                    place_end += 1
                full_names[(span.start_char, span.end_char)] = doc[i - 1 : place_end].text

    @staticmethod
    def _gazetteer(sent: Span, found: list[Span], uncased: bool, tokens: _Tokens, ents: list[Span]) -> None:
        doc = sent.doc
        i = sent.start
        while i < sent.end:
            ent_label = tokens.ent_type[i]
            if (ent_label and ent_label not in WEAK_LABELS) or not tokens.is_alpha[i]:
                i += 1
                continue
            if not uncased and not tokens.is_title[i] and not tokens.is_upper[i]:
                i += 1
                continue
            match = _gazetteer_match(doc, i, min(sent.end, i + MAX_GAZETTEER_TOKENS), uncased, tokens)
            if match is None:
                i += 1
                continue
            span = match
            if ent_label:
                # A model entity is replaced only when the gazetteer match is the whole entity, and a
                # city only where the words say it is a place ("in Lyon", "LONDON -").
                ent = next(e for e in ents if e.start <= i < e.end)
                ent = ent[1:] if ent[0].lower_ in ARTICLES and len(ent) > 1 else ent
                placed = _placed_by_context(doc, i) or (span.text.isupper() and ent_label == "PERSON")
                if (ent.start, ent.end) != (span.start, span.end) or (
                    span.label_ == "GPE" and not _country(span) and not placed
                ):
                    i = ent.end
                    continue
            found.append(span)
            i = span.end


MONTHS = frozenset(m.casefold() for m in calendar.month_name if m)
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")


def _no_names(sent: Span, ents: list[Span]) -> set[int]:
    """Tokens of model entities that are no names in cased text: without any capital letter
    ("supreme court"), plural acronyms ("UAVs"), a month taken for a person ("in May", "May 22")."""
    doc = sent.doc
    tokens: set[int] = set()
    for ent in ents:
        if ent.label_ not in NAME_LABELS:
            continue
        lone = len(ent) == 1
        if (
            not any(c.isupper() for c in ent.text)
            or (lone and PLURAL_ACRONYM.match(ent.text))
            or (
                lone
                and ent.label_ == "PERSON"
                and ent.text.casefold() in MONTHS
                and (
                    (ent.start > 0 and doc[ent.start - 1].lower_ in word_list("places.json", "locative_prepositions"))
                    or (ent.end < len(doc) and doc[ent.end].like_num)
                )
            )
        ):
            tokens.update(range(ent.start, ent.end))
    return tokens


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines of a document (its newlines are whitespace tokens)."""
    lines, start = [], 0
    # Only white space is read token by token: a Token object per word costs more than the array.
    for i, space in enumerate(doc.to_array(IS_SPACE).tolist() if len(doc) else []):
        if space and "\n" in doc[i].text:
            if i > start:
                lines.append((start, i))
            start = i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def _score(token: Token) -> bool:
    return token.like_num and any(c.isdigit() for c in token.text)


def score_line_teams(doc: Doc) -> list[Span]:
    """Teams in the lines of sports results and standings: a line that is only names and scores
    ("Norvale 2 Castleby 1", "Norvale ( Fredonia ) 92 Castleby 81") or a name and a row of
    numbers ("NORVALE 4 2 1 1 5 3 7") names teams, organizations, even when a team is named
    after its city. A country (a national team: news calls it by the country) stays a country,
    and people the model found by full name stay people.

    >>> import spacy
    >>> doc = spacy.blank("en")("Results:\\nNorvale 2 Castleby Rovers 1\\nWestmarch 4 2 1 1 5 3 7\\nHe won 2 in 3")
    >>> [s.text for s in score_line_teams(doc)]
    ['Norvale', 'Castleby Rovers', 'Westmarch']
    """
    teams: list[Span] = []
    for start, end in _lines(doc):
        items: list[tuple[str, int, int]] = []  # ("name" | "score" | "note", start, end)
        i = start
        while i < end:
            token = doc[i]
            if _score(token):
                items.append(("score", i, i + 1))
                i += 1
            elif token.text == "(" and items and items[-1][0] == "name":
                close = next((j for j in range(i + 1, min(end, i + 6)) if doc[j].text == ")"), None)
                if close is None:
                    break
                items.append(("note", i, close + 1))
                i = close + 1
            elif token.is_alpha and (token.is_title or token.is_upper):
                run_end = i + 1
                while run_end < end and (
                    (doc[run_end].is_alpha and (doc[run_end].is_title or doc[run_end].is_upper))
                    or (doc[run_end].text in JOINERS and run_end + 1 < end and doc[run_end + 1].is_title)
                ):
                    run_end += 1
                items.append(("name", i, run_end))
                i = run_end
            else:
                break
        if i < end:
            continue  # other words in the line: prose, not a table row
        kinds = [kind for kind, _, _ in items if kind != "note"]
        names = [(a, b) for kind, a, b in items if kind == "name"]
        result = len(kinds) == 4 and kinds == ["name", "score", "name", "score"]
        standing = len(kinds) >= 4 and kinds[0] == "name" and all(k == "score" for k in kinds[1:])
        if not (result or standing):
            continue
        for a, b in names:
            span = doc[a:b]
            if lookup_country(span.text, allow_codes=False):
                teams.append(Span(doc, a, b, label="GPE"))  # a national team, named by its country
                continue
            if len(span) > 1 and span[0].ent_type_ == "PERSON" and span[-1].ent_type_ == "PERSON":
                continue
            teams.append(Span(doc, a, b, label="ORG"))
    return teams


def _placed_by_context(doc: Doc, i: int) -> bool:
    """The words before token ``i`` say a place follows: "in Lyon", "the city of Lyon"."""
    if i > 0 and doc[i - 1].lower_ in _places()["locative_prepositions"]:
        return True
    return _named_as_place(doc, i)


def _named_as_place(doc: Doc, i: int) -> bool:
    """ "the town of X", "the province of X": a place noun and "of" before token ``i``."""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _places()["place_nouns_before_of"]


def _country(span: Span) -> bool:
    return lookup_country(span.text, allow_codes=False) is not None


def _gazetteer_match(doc: Doc, i: int, limit: int, uncased: bool, tokens: _Tokens) -> Span | None:
    """The longest country, demonym or populous-city name starting at token ``i``."""
    known = name_keys()
    # A span's compact key is its tokens' keys joined (spaces and punctuation fold away).
    keys = [tokens.key(j) for j in range(i, limit)]
    for end in range(limit, i, -1):
        if "".join(keys[: end - i]) not in known:
            continue
        span = doc[i:end]
        if span[-1].is_punct or (not uncased and not all(t.is_title or t.is_upper or not t.is_alpha for t in span)):
            continue
        if uncased and all(t.is_stop for t in span):
            continue
        if lookup_country(span.text, allow_codes=False):
            return Span(doc, i, end, label="GPE")
        if end == i + 1 and lookup_demonym(span.text):
            return Span(doc, i, end, label="NORP")
        if (span.root.pos_ in ("PROPN", "") or uncased) and not all(t.is_stop for t in span):
            places = lookup_places(span.text)
            if places and places[0].kind == "city" and places[0].population >= CITY_POPULATION:
                if not uncased or not any(t.is_stop for t in span):
                    return Span(doc, i, end, label="GPE")
            # Any town of the table where the words call it one: "the village of Sevare".
            if places and not uncased and _named_as_place(doc, i):
                return Span(doc, i, end, label="GPE")
            # A province or state (ISO 3166-2) where the words say a place is meant: "in Sindh",
            # "Sindh province"; names like "Centre" or "North" are common words otherwise.
            if places and any(p.kind == "subdivision" for p in places) and not uncased:
                head = doc[end].lower_ if end < len(doc) else ""
                if _placed_by_context(doc, i) or head in word_list("places.json", "location_heads"):
                    return Span(doc, i, end, label="GPE")
    return None


def _title_before(doc: Doc, i: int) -> bool:
    """'Defense Minister' and 'Army Chief' are titles, not organizations."""
    return i + 1 < len(doc) and _is_head_word(doc[i + 1])


def _capitalized_run_before(doc: Doc, i: int, floor: int) -> int:
    not_heads = _org_cues()["not_heads"]
    start = i
    while start > floor:
        prev = doc[start - 1]
        if prev.text in JOINERS and start - 2 >= floor and doc[start - 2].is_title:
            start -= 1
            continue
        if (prev.is_title or (prev.is_upper and prev.is_alpha)) and prev.lower_ not in not_heads:
            if prev.ent_type_ == "PERSON" or _is_head_word(prev):
                break
            start -= 1
            continue
        break
    return start


def _capitalized_run_after(doc: Doc, i: int, ceiling: int) -> int:
    end = i
    while end < ceiling:
        token = doc[end]
        if token.is_title or (token.is_upper and token.is_alpha) or token.text in JOINERS:
            end += 1
        elif token.lower_ in RUN_CONNECTORS and end + 1 < ceiling and doc[end + 1].is_title:
            end += 1
        else:
            break
    while end > i and not doc[end - 1].is_title and not doc[end - 1].is_upper:
        end -= 1
    return end


def _group_name_before(doc: Doc, i: int, floor: int, ents: list[Span]) -> Span | None:
    """'Al-Shabaab militants' -> the ORG 'Al-Shabaab'; never a nationality ('Kurdish fighters').
    ``ents`` are ``doc.ents``, read once by the caller."""
    prev = doc[i - 1]
    if prev.ent_type_ in ("NORP", "GPE", "LOC", "FAC", "DATE", "CARDINAL", "TIME", "ORDINAL"):
        return None
    if prev.ent_type_:
        ent = next(e for e in ents if e.start <= i - 1 < e.end)
        start = ent.start
    elif prev.pos_ in ("PROPN", "") and prev.is_title:  # "" : no tagger in the pipeline
        start = _capitalized_run_before(doc, i - 1, floor)
    else:
        return None
    span = doc[start:i]
    if lookup_demonym(span.text) or lookup_country(span.text):
        return None
    while start < i and doc[start].lower_ in _org_cues()["not_heads"]:
        start += 1
    return Span(doc, start, i, label="ORG") if start < i else None


def _members_named_group(doc: Doc, i: int, sent: Span, ents: list[Span]) -> Span | None:
    """'the Sons of the Vale Brigade': a plural of members opening a group's name before 'of'
    (``member_of_heads``), when the capitalized run after it ends an organization's name (a
    model ORG there, or an organization head word). Inside a sentence only: at its start the
    capital is the sentence's ('Soldiers of the Vale Brigade attacked' stays the Brigade's soldiers).
    ``ents`` are ``doc.ents``, read once by the caller."""
    if i == sent.start or not doc[i].is_title or i + 2 >= sent.end or doc[i + 1].lower_ != "of":
        return None
    end = _capitalized_run_after(doc, i + 2, sent.end)
    if end <= i + 2:
        return None
    last = doc[end - 1]
    names_org = last.lower_ in _org_cues()["heads"] or any(
        e.label_ == "ORG" and e.end == end and e.start >= i + 2 for e in ents
    )
    return Span(doc, i, end, label="ORG") if names_org else None


def _names_a_place_or_group(span: Span) -> bool:
    return bool(
        lookup_country(span.text, allow_codes=False)
        or lookup_demonym(span.text)
        or span[-1].lower_ in _org_cues()["heads"]
    )


@Language.factory("newskg_entity_patterns")
def make_entity_patterns(nlp: Language, name: str) -> EntityPatterns:
    return EntityPatterns()
