"""Event triggers: the words of a sentence that name an event, and the event class they name.

The typology and every trigger word come from ``lexicons/event_types.json``: verbs,
nouns and adjectives by lemma, multi-word phrases matched in the parse ("claimed …
responsibility"). A noun that only describes another thing ("attack dog", "meeting
room") or that a modifier makes something else ("heart attack") is no trigger; a
trigger modifying another trigger ("bombing attack") is folded into one event of the
more specific class. Verbs of the PETRARCH2 CAMEO dictionary (``lexicons/cameo_verbs.json``,
derived by ``scripts/cameo_lexicon.py``) add triggers of the classes ``lexicons/cameo_senses.json``
lists, only where the parse gives them that class's sense (what they act on, who acts).

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Rebels attacked the town in March. The attack dog barked.")
>>> [(t.name, [w.text for w in t.tokens]) for s in doc.sents for t in find_triggers(s, {})]
[('Attack', ['attacked'])]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_text import document_lowers, document_words, sentence_bounds
from kg.extract.lexicon import event_class_names, load_lexicon
from kg.extract.line_breaks import is_headline
from kg.extract.sports_teams import is_sports_report, sports_words
from kg.names.actors import sector_code
from kg.names.gazetteer import is_known_place, lookup_country, lookup_demonym

PLACE_TYPES = {"Place", "Facility", "Country"}
# Words inside these spaCy entities are dates and amounts ("in March"), never triggers.
NOT_TRIGGERS = {"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "CARDINAL"}
# doc.user_data key of the indices of a document's quote marks (:func:`_quote_marks`).
QUOTE_MARKS_KEY = "kg_quote_marks"


@dataclass(frozen=True)
class EventType:
    """One event class of the vocabulary with the roles its syntax maps to."""

    name: str
    parent: str
    cameo: str
    kairos: str
    subject_role: str | None
    object_role: str | None
    possessor_role: str | None
    of_role: str | None
    place_preps: frozenset[str]
    subject_of: dict[str, str | None]
    weak: frozenset[str]
    instruments: frozenset[str] = frozenset()
    other_sense_preps: frozenset[str] = frozenset()
    clause_only: frozenset[str] = frozenset()


@dataclass
class Trigger:
    """The tokens naming one event mention; ``head`` carries its syntax."""

    tokens: list[Token]
    name: str
    head: Token
    kind: str  # verb | noun | adjective | phrase


# What a claim of responsibility can be for (kgsh:ClaimsShape in ontology/shapes.ttl).
VIOLENT = ("Attack", "Killing", "Injury", "Kidnapping", "Takeover", "MilitaryOperation", "Threat")


def is_violent(name: str) -> bool:
    return name in VIOLENT or is_subclass(name, "Attack")


@lru_cache(maxsize=1)
def syntax() -> dict:
    """The general syntax words (``event_syntax.json``), lists turned into sets."""
    data = load_lexicon("event_syntax.json")
    return {k: set(v) if isinstance(v, list) else v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    entries = load_lexicon("event_types.json")
    return {name: entries[name] for name in event_class_names()}


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The event typology, read from the one data file that decides it.

    >>> event_types()["Bombing"].parent, event_types()["Killing"].object_role
    ('Attack', 'victim')
    """
    return {
        name: EventType(
            name,
            e["parent"],
            e["cameo"],
            e["kairos"],
            e["subject"],
            e["object"],
            e["possessor"],
            e["of"],
            frozenset(e["places"]),
            dict(e["subject_of"]),
            frozenset(e["weak"]),
            frozenset(e["instruments"]),
            frozenset(e["other_sense_preps"]),
            frozenset(e["clause_only"]),
        )
        for name, e in _lexicon().items()
    }


@cache
def is_subclass(child: str, ancestor: str) -> bool:
    """Whether ``child`` is ``ancestor`` or one of its subclasses (cached: event_links.py asks
    it for every pair of mentions).

    >>> is_subclass("Bombing", "Attack"), is_subclass("Attack", "Bombing")
    (True, False)
    """
    types = event_types()
    while child in types:
        if child == ancestor:
            return True
        child = types[child].parent
    return child == ancestor


@cache
def compatible_class(a: str, b: str) -> str | None:
    """The more specific of two classes when one is the other's subclass, else None (a pure
    function of the typology: event_links.py asks it for every pair of mentions, so cached).

    >>> compatible_class("Attack", "Bombing"), compatible_class("Attack", "Killing")
    ('Bombing', None)
    """
    if is_subclass(a, b):
        return a
    if is_subclass(b, a):
        return b
    return None


Phrases = dict[str, list[tuple[list[str], str]]]


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], Phrases]:
    """Trigger lemmas -> classes, and phrases by their first word (longest first)."""
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    adjectives: dict[str, list[str]] = {}
    phrases: Phrases = {}
    for name, entry in _lexicon().items():
        for table, key in ((verbs, "verbs"), (nouns, "nouns"), (adjectives, "adjectives")):
            for lemma in entry[key]:
                table.setdefault(lemma, []).append(name)
        for phrase in entry["phrases"]:
            words = phrase.split()
            phrases.setdefault(words[0], []).append((words, name))
    for candidates in phrases.values():
        # Longer phrases first: "end combat mission" before "end mission".
        candidates.sort(key=lambda p: -len(p[0]))
    return verbs, nouns, adjectives, phrases


@lru_cache(maxsize=1)
def cameo_verbs() -> dict[str, tuple[str, dict]]:
    """Verbs of the PETRARCH2 CAMEO dictionary (``cameo_verbs.json``) that name an event of a
    class of ``cameo_senses.json`` when the parse gives them that sense: lemma -> (class, the
    class's sense frame). Verbs of ``event_types.json`` keep their own class and are left out.

    >>> cameo_verbs()["stab"][0], "annoy" in cameo_verbs(), "kill" in cameo_verbs()
    ('Injury', False, False)
    """
    senses = {k: v for k, v in load_lexicon("cameo_senses.json").items() if not k.startswith("_")}
    own = _words()[0]
    found = {}
    for verb, (code, name) in load_lexicon("cameo_verbs.json")["verbs"].items():
        frame = senses.get(name)
        if frame is not None and code in frame["codes"] and verb not in own and " " not in verb:
            found[verb] = (name, frame)
    return found


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Nouns of people and groups (PETRARCH2's ``actor_nouns.json``, the everyday
    ``people_nouns.json``) and of armed forces; kg/extract/arguments.py adds the words that
    name people in an argument (group nouns, organization heads, titles)."""
    nouns = load_lexicon("actor_nouns.json")["nouns"] + load_lexicon("people_nouns.json")["nouns"]
    return frozenset(nouns) | syntax()["military_nouns"]


def _kinds(token: Token, mention_at: dict) -> set[str]:
    """What a word of the parse names, for the sense frames: ``person``, ``group``, ``place``
    (an entity's type, else a noun of people or of places) and ``armed`` (a military noun)."""
    kinds = set()
    if token.i in mention_at:
        label = mention_at[token.i][1].label_
        kinds |= {"Person": {"person"}, "Organization": {"group"}, "Country": {"group", "place"}}.get(label, set())
        kinds |= {"place"} if label in PLACE_TYPES else set()
        return kinds
    words = {token.lemma_.lower(), token.lower_}
    if words & people_nouns():
        kinds.add("person")
    if words & syntax()["military_nouns"]:
        kinds.add("armed")
    if words & syntax()["place_nouns"]:
        kinds.add("place")
    return kinds


def _done_by_event(verb: Token, name: str | None = None) -> bool:
    """Whether a verb's subject is an event noun (of class ``name``'s family, when given), whose
    doing the verb only tells ("the attack targeted the police", "the attack set the building on
    fire"): no new event. "The war claimed 10,000 lives" tells a Killing the war caused."""
    nouns = _words()[1]
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        noun = _noun_lemma(subject, nouns)
        if noun is not None and (name is None or any(compatible_class(c, name) for c in nouns[noun])):
            return True
    return False


def _cameo_sense(verb: Token, frame: dict, mention_at: dict) -> bool:
    """Whether a CAMEO verb has its class's sense here, by its parse (``cameo_senses.json``):
    what it acts on ("stabbed a guard" is an injury, "stabbed the air" none), whether it
    takes an object ("the students marched"), whether an armed party takes part; never when
    its subject is an event or a weapon, which the verb only tells more of."""
    instruments = syntax()["instrument_nouns"]
    if _done_by_event(verb) or any(c.dep_ == "nsubj" and c.lemma_.lower() in instruments for c in verb.children):
        return False  # "the attack targeted the police", "a bomb destroyed the bridge": what it did, no new event
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [c for o in objects for c in o.conjuncts]  # "beat Wang and his colleague"
    if "object" in frame and not any(_kinds(o, mention_at) & set(frame["object"]) for o in objects):
        return False
    if frame.get("intransitive") and any(c.dep_ == "dobj" for c in verb.children):
        return False
    if frame.get("armed"):
        parties = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        parties += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children]
        if not any(_kinds(t, mention_at) & {"armed", "group"} for t in parties):
            return False
    return True


@lru_cache(maxsize=1)
def _not_with() -> dict[str, set[str]]:
    return {name: set(e["not_with"]) for name, e in _lexicon().items()}


@lru_cache(maxsize=1)
def _illness_prone() -> frozenset[str]:
    """The classes an illness can stand in for the victim or the attacker of ("died of cancer",
    "to attack the virus"): the ``illness_classes`` and their subclasses."""
    illness = syntax()["illness_classes"]
    return frozenset(name for name in event_types() if any(is_subclass(name, c) for c in illness))


def _names_event(token: Token, candidates: list[str], nouns: dict[str, list[str]]) -> bool:
    """A trigger noun names an event unless it only describes another thing ("attack dog",
    "meeting room") or a modifier makes it something else ("heart attack")."""
    if token.dep_ == "compound":
        head = token.head.lemma_.lower()
        if head not in nouns and head not in syntax()["event_role_nouns"]:
            return False
    modifiers = {c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")}
    return not any(modifiers & _not_with()[name] for name in candidates)


def _match_phrase(token: Token, words: list[str], near: list[tuple[str, Token]]) -> list[Token] | None:
    """Tokens of a multi-word trigger headed by ``token`` ("claimed ... responsibility"): its
    words among the lemmas and words ``near`` it (:func:`_phrase_near`)."""
    if token.lemma_.lower() != words[0]:
        return None
    matched = [token]
    for word in words[1:]:
        hit = next((t for lemma, t in near if lemma == word and t not in matched and not _dated_preposition(t)), None)
        if hit is None:
            return None
        matched.append(hit)
    return sorted(matched, key=lambda t: t.i)


def _dated_preposition(token: Token) -> bool:
    """A preposition whose object is a date or a time: "fired on Thursday" tells when someone was
    dismissed, not a "fire on" what."""
    objects = [c for c in token.children if c.dep_ == "pobj"] if token.pos_ == "ADP" else []
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


# Dependencies of a clause that only hangs on a word (not its complement, as "claimed they were
# responsible" is): its words are not that word's phrase.
CLAUSE_DEPS = frozenset({"advcl", "conj", "relcl", "acl", "parataxis"})


def _phrase_near(token: Token) -> list[tuple[str, Token]]:
    """Where the other words of a phrase headed by ``token`` are, with their lemmas (read once
    for all its phrases): the head's children and grandchildren, or the last word of its
    object's phrase when that word is a bare noun ("took dozens of guests hostage"; not "took
    pictures of the hostage")."""
    # not in or through a clause of its own: "shot up 100 pesetas, having traded down" is no
    # "shoot down", "set up a cannon and fired it" no "set fire"
    children = [c for c in token.children if c.dep_ != "conj" or c.pos_ != "VERB"]
    near = children + [g for c in children if c.dep_ not in CLAUSE_DEPS for g in c.children]
    # "taking dozens of guests hostage": the object's complement hung at the end of its phrase
    near += [end for o in children if o.dep_ == "dobj" and (end := _object_complement(o)) is not None]
    return [(t.lemma_.lower(), t) for t in near]


def _object_complement(obj: Token) -> Token | None:
    """The noun at the end of an object's of-phrases that the parser took for their object but
    is the object's complement: bare ("dozens of guests hostage"), or after a common noun
    that it follows ("the wife of the mayor hostage"); not one with a determiner of its own
    ("pictures of the hostage") and never a plural."""
    end = obj
    while (of := next((c for c in end.children if c.dep_ == "prep" and c.lower_ == "of"), None)) is not None:
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None)
        if pobj is None:
            break
        end = pobj
    if end is obj or end.tag_ != "NN":
        return None  # "took a group of hostages to the border": hostages moved, none taken
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in end.children):
        return end
    return None if any(c.dep_ in ("det", "poss", "nummod") for c in end.children) else end


def _choose(token: Token, candidates: list[str], mention_at: dict) -> str:
    """Pick among classes sharing a trigger by what is acted upon: people are arrested or
    kidnapped, places are taken over; otherwise the first class listed."""
    if len(candidates) == 1:
        return candidates[0]
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "pobj", "poss")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    objects = objects or _shared_objects(token)  # "captured and annexed the town": the town is captured
    kinds = {mention_at[o.i][1].label_ for o in objects if o.i in mention_at}
    if any(o.i not in mention_at and _phrase_noun(o).lemma_.lower() in syntax()["place_nouns"] for o in objects):
        kinds.add("Place")  # "captured the town", "seized the airport": a place is taken, not arrested
    for name in candidates:
        role = event_types()[name].object_role
        if "Person" in kinds and role == "victim":
            return name
        if kinds & PLACE_TYPES and role == "target":
            return name
    return candidates[0]


def _shared_objects(verb: Token) -> list[Token]:
    """The direct objects of the verb a verb without one is conjoined with, which it shares:
    "Vardia captured and annexed the town" (the parse hangs "the town" on "annexed")."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return []
    partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return [o for p in partners for o in p.children if o.dep_ == "dobj"]


def _phrase_noun(token: Token) -> Token:
    """The last noun of a noun phrase before any prepositional phrase: its head word, also
    where the parse took a possessor for the head ("captured IS' last territory" parsed with
    "IS" as the object), never a noun of an of-phrase ("the leader of the town")."""
    words = [token]
    todo = [c for c in token.children if c.dep_ != "prep"]
    while todo:
        child = todo.pop()
        words.append(child)
        todo += [c for c in child.children if c.dep_ != "prep"]
    nouns = [w for w in words if w.pos_ in ("NOUN", "PROPN") and w.i >= token.i]
    return max(nouns, key=lambda w: w.i) if nouns else token


def _noun_lemma(token: Token, nouns: dict[str, list[str]]) -> str | None:
    """The lexicon entry of a noun: its lemma, or its own form for plural-only nouns ("talks")."""
    for form in (token.lemma_.lower(), token.lower_):
        if form in nouns:
            return form
    return None


def is_plural_only(token: Token) -> bool:
    """Whether a noun trigger is an entry of its own in the plural ("talks": one meeting), not
    the plural of an entry ("attacks").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> is_plural_only(nlp("talks")[0]), is_plural_only(nlp("attacks")[0])
    (True, False)
    """
    nouns = _words()[1]
    return token.lower_ in nouns and token.lower_.endswith("s")


# The low bits of a string hash that index :func:`_trigger_filter`'s table.
FILTER_BITS = 16


@lru_cache(maxsize=1)
def _trigger_hashes() -> frozenset[int]:
    """spaCy's string hashes of every word a trigger can start with, in the cases a lemma or
    a lower-cased form can take."""
    verbs, nouns, adjectives, phrases = _words()
    words = {*verbs, *nouns, *adjectives, *phrases, *cameo_verbs(), *_explosives(), *_participles()}
    return frozenset(hash_string(w) for word in words for w in (word, word.capitalize(), word.upper()))


@lru_cache(maxsize=1)
def _trigger_filter() -> numpy.ndarray:
    """A flag for every value of a hash's low ``FILTER_BITS`` bits: set where a trigger word's
    hash has them. A word whose flag is unset is no trigger word; one whose flag is set may be
    (1 % of the flags are set: few other words are)."""
    table = numpy.zeros(1 << FILTER_BITS, dtype=bool)
    table[[h & ((1 << FILTER_BITS) - 1) for h in _trigger_hashes()]] = True
    return table


def candidate_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma or lower-cased form is a trigger word, found on the
    doc's arrays without making a Python object per token (most words are no trigger): the
    flags of :func:`_trigger_filter` rule out most words in one look-up per array, the few
    left are checked against the hashes (a binary search of every value with numpy cost twice
    as much).

    >>> import spacy
    >>> candidate_tokens(spacy.blank("en")("An attack on the town."))
    [1]
    """
    if not len(doc):
        return []
    table = doc.to_array([LEMMA, LOWER])
    lemmas, lowers = table[:, 0], table[:, 1]
    flags, low_bits = _trigger_filter(), numpy.uint64((1 << FILTER_BITS) - 1)
    maybe = numpy.flatnonzero(flags[lemmas & low_bits] | flags[lowers & low_bits]).tolist()
    hashes = _trigger_hashes()
    return [i for i in maybe if int(lemmas[i]) in hashes or int(lowers[i]) in hashes]


def find_triggers(sent: Span, mention_at: dict, candidates: Iterable[int] | None = None) -> list[Trigger]:
    """Every event trigger of one sentence, compound triggers folded ("bombing attack").

    ``mention_at`` maps token index -> (mention index, entity span); words inside an
    entity's name ("the Attack Squadron") are never triggers. ``candidates`` (token
    indices from :func:`candidate_tokens`) limits the tokens looked at.
    """
    phrases = _words()[3]
    senses = syntax()["object_senses"]
    found: list[Trigger] = []
    used: set[int] = set()
    doc = sent.doc
    tokens = sent if candidates is None else (doc[i] for i in candidates)
    for token in tokens:
        if token.i in used or token.i in mention_at or token.ent_type_ in NOT_TRIGGERS:
            continue
        lemma = token.lemma_.lower()
        near = _phrase_near(token) if lemma in phrases else []
        for words, name in phrases.get(lemma, ()):
            matched = _match_phrase(token, words, near)
            if matched and name == "Takeover" and _takes_office(token):
                break  # "took over the archdiocese", "took over as coach"
            if matched and name == "Withdrawal" and _quits_contest(token):
                break  # "pulled out of the Open with a wrist injury"
            if matched and _in_play(token):
                break  # "took over from the coach", "Cedric went off a little": play, in sports news
            if matched and lemma in syntax()["people_object_verbs"] and not _acts_on_people(token, mention_at):
                break  # "rounded up the figures": no one arrested
            if matched and (_done_by_event(token, name) or _object_sense(token, senses.get(lemma), matched)):
                break  # "the attack set the building on fire": what it did; "set a flag on fire": a protest
            if matched and not any(t.i in used for t in matched):
                found.append(Trigger(matched, _by_attacker(token, name, mention_at), token, "phrase"))
                used |= {t.i for t in matched}
                break
        else:
            trigger = _word_trigger(token, mention_at) or _explosive_trigger(token, mention_at)
            if trigger is not None:
                found.append(trigger)
    return _fold_compounds(found)


@lru_cache(maxsize=1)
def _explosives() -> frozenset[str]:
    """The weapons that make an event a bombing (the ``instruments`` of Bombing and its subclasses)."""
    return frozenset(w for name, e in event_types().items() if is_subclass(name, "Bombing") for w in e.instruments)


def _explosive_trigger(token: Token, mention_at: dict) -> Trigger | None:
    """A bomb that kills, wounds or wrecks tells a bombing: "a car bomb killed two policemen",
    "the embassy was destroyed by explosives" name no bombing word, yet a bomb went off. The
    weapon (:func:`explosive_holder`: "a charge of dynamite", "dynamite sticks", "explosive
    devices") is the subject of such a verb (a trigger of Killing or Injury, or one of
    ``effect_verbs``), or of a verb of impact (:func:`_impact`: "a car bomb slammed into a
    convoy"), or the agent of its passive, or its means ("the bridge was destroyed with
    dynamite"); so does one thrown or planted (the object of one of ``throwing_verbs`` or
    ``planting_verbs``: "threw a grenade at the house", "a load of dynamite was hurled against
    the station", "placed explosive devices in a bank", as "planted a bomb" is a bombing); a
    bomb that is found or defused, or that the state's forces place (:func:`_state_captor`:
    "the police placed the bomb in a flower bed", handling it), tells none.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("A car bomb killed two guards. Police defused a bomb.")
    >>> _explosive_trigger(doc[2], {}).name, _explosive_trigger(doc[9], {})
    ('Bombing', None)
    """
    if not _is_explosive(token):
        return None
    held = explosive_holder(token)
    if held.dep_ in ("dobj", "nsubjpass") and sets_explosive(held.head):
        if held.head.lemma_.lower() in syntax()["planting_verbs"] and _state_captor(held.head, mention_at):
            return None  # "the police placed the bomb in a flower bed": a bomb squad's handling
        return Trigger([token], "Bombing", token, "noun")  # "threw a grenade at the house", "placed a bomb"
    if _driven_into(vehicle := _carrying_vehicle(token)):
        # "drove a truck packed with explosives into the camp": the truck is the bomb that went off
        return Trigger([vehicle], "Bombing", vehicle, "noun")
    verb = held.head
    if held.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head  # "killed by a bomb"
    elif held.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_.lower() in syntax()["effect_verbs"]:
        verb = verb.head  # "destroyed with dynamite"
    elif held.dep_ != "nsubj":
        return None
    if verb.pos_ == "VERB" and verb.lemma_.lower() in _effect_verbs() or _impact(verb):
        return Trigger([token], "Bombing", token, "noun")
    return None


def explosive_holder(explosive: Token) -> Token:
    """The head of the noun phrase an explosive word is the matter of: the noun of its of-phrase
    ("a load of dynamite", "a charge of dynamite"), or the noun of ``explosive_holders`` it
    modifies ("dynamite sticks", "explosive devices"; not "a bomb attack", "explosive force");
    else the word itself.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Gunmen threw explosive devices and a stick of dynamite.")
    >>> explosive_holder(doc[2]).text, explosive_holder(doc[8]).text
    ('devices', 'stick')
    """
    head = explosive.head
    if explosive.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head
    if explosive.dep_ in ("compound", "amod") and head.lemma_.lower() in syntax()["explosive_holders"]:
        return head  # not "the explosive force of air bags"
    return explosive


def is_weapon(trigger: Trigger) -> bool:
    """Whether a trigger is a bombing told by its weapon (:func:`_explosive_trigger`: "threw two
    grenades", "explosive devices were placed"), not by an event word: its number counts weapons,
    not happenings.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Rebels threw two grenades at the bank.")
    >>> [is_weapon(t) for t in find_triggers(next(doc.sents), {})]
    [True]
    """
    head = trigger.head
    return trigger.kind == "noun" and head.lemma_.lower() in _explosives() and _noun_lemma(head, _words()[1]) is None


def explosive_in(trigger: Trigger) -> Token | None:
    """The explosive a bombing trigger names as its weapon (:func:`explosive_holder`'s phrase):
    a weapon trigger's ("threw a grenade", "placed explosive devices") or a phrase's ("planted
    a bomb"); None for any other trigger ("exploded", "the bombing")."""
    if trigger.kind != "phrase" and not is_weapon(trigger):
        return None
    return next((explosive_holder(t) for t in trigger.tokens if _is_explosive(t)), None)


def _is_explosive(token: Token) -> bool:
    """An explosive named by a noun ("a bomb", "dynamite") or by an adjective on one
    ("explosive devices")."""
    return token.lemma_.lower() in _explosives() and (token.pos_ == "NOUN" or token.dep_ == "amod")


def sets_explosive(verb: Token) -> bool:
    """Whether a verb throws or plants what it acts on (``throwing_verbs``, ``planting_verbs``)."""
    lemma, words = verb.lemma_.lower(), syntax()
    return lemma in words["throwing_verbs"] or lemma in words["planting_verbs"]


@lru_cache(maxsize=1)
def _effect_verbs() -> frozenset[str]:
    """The verbs whose subject an explosive that went off is: ``effect_verbs`` and the verbs of
    Killing and Injury."""
    harm = {lemma for lemma, names in _words()[0].items() if any(n in ("Killing", "Injury") for n in names)}
    return frozenset(syntax()["effect_verbs"] | harm)


def _carrying_vehicle(explosive: Token) -> Token | None:
    """The vehicle whose words carry the explosive: "a truck packed with explosives", "an
    explosives-laden car", "a van full of dynamite" (``vehicle_nouns`` of argument_syntax.json)."""
    vehicles = load_lexicon("argument_syntax.json")["vehicle_nouns"]
    token = explosive
    for _ in range(4):  # explosives <- with <- packed <- truck
        if token.dep_ not in ("pobj", "prep", "acl", "amod", "npadvmod", "compound") or token.head == token:
            return None
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in vehicles:
            return token
    return None


def _driven_into(vehicle: Token | None) -> bool:
    """Whether a vehicle is driven or goes into or through something (``impact_preps``): "drove
    a truck packed with explosives into an army camp", "rammed it into the gate"; a car packed
    with explosives found near a market went nowhere."""
    if vehicle is None or vehicle.dep_ not in ("dobj", "nsubj"):
        return False
    preps = load_lexicon("argument_syntax.json")["impact_preps"]
    phrases = [*vehicle.head.children, *vehicle.subtree]
    return any(t.dep_ == "prep" and t.lower_ in preps for t in phrases)


def _impact(verb: Token) -> bool:
    """Whether a verb tells a motion into or through something (``impact_verbs`` with
    ``impact_preps`` of argument_syntax.json): an explosive that does so went off there ("a car
    bomb slammed into a convoy"); "a bomb fell into the river" (no impact verb) tells none."""
    words = load_lexicon("argument_syntax.json")
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["impact_verbs"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ in words["impact_preps"] for c in verb.children)


def _word_trigger(token: Token, mention_at: dict) -> Trigger | None:
    """The one-word trigger ``token`` is (a verb, noun or adjective of the lexicon in the
    sense that names an event), with its class; None when it is none."""
    verbs, nouns, adjectives, _ = _words()
    lemma, pos = token.lemma_.lower(), token.pos_
    if (victim_class := _attributive_participle(token, mention_at)) is not None:
        return Trigger([token], victim_class, token, "adjective")  # "the kidnapped mayor": done to them
    if lemma in verbs and (pos == "VERB" or _verb_read_as_noun(token) or is_gapped_verb(token)):
        if lemma in syntax()["people_object_verbs"] and not _acts_on_people(token, mention_at):
            return None  # "hung the portrait", "nabbed the last ticket": no one executed or arrested
        name, kind = _choose(token, verbs[lemma], mention_at), "verb"
    elif pos in ("NOUN", "PROPN") and (noun := _noun_lemma(token, nouns)) and _names_event(token, nouns[noun], nouns):
        name, kind = _choose(token, nouns[noun], mention_at), "noun"
    elif pos == "ADJ" and token.lower_ in adjectives:
        name, kind = adjectives[token.lower_][0], "adjective"
    elif pos == "VERB" and (cameo := cameo_verbs().get(lemma)) and _cameo_sense(token, cameo[1], mention_at):
        name, kind = cameo[0], "verb"
    elif pos == "VERB" and claimed_event_noun(token) is not None:
        name, kind = "ClaimOfResponsibility", "verb"  # "the Front claimed the attack"
    else:
        return None
    if kind in ("verb", "noun") and (name := _by_captor(token, name, mention_at)) is None:
        return None
    if _other_sense(token, name, kind):
        return None
    return Trigger([token], _by_attacker(token, _by_instrument(token, name), mention_at), token, kind)


def _verb_read_as_noun(token: Token) -> bool:
    """Whether a word tagged a singular noun is a verb's base form: it has a subject and a direct
    object of its own, as a headline's verb often has ("Rebels kidnap mayor", tagged a noun). A
    plural ("murders") is left: the tagger reads a verb's "-s" form as a verb."""
    if token.tag_ != "NN":
        return False
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "dobj" in deps


def is_gapped_verb(token: Token) -> bool:
    """Whether a word tagged a singular noun is a verb's base form that a headline joins to a
    verb before it with a comma, subject shared ("Rebels seize town, kidnap mayor"): the tagger
    made it a compound of its own object, which the parse hangs on the clause before (a second
    object, one joined to the first, an apposition). In running text a compound after a comma is
    a list ("seized the town, attack helicopters and tanks"), so only a headline's counts."""
    return gapped_verb_governor(token) is not None


def gapped_verb_governor(token: Token) -> Token | None:
    """The verb before the comma a headline's gapped verb (:func:`is_gapped_verb`) shares its
    subject with, or None when ``token`` is no such verb."""
    if token.tag_ not in ("NN", "NNP") or token.dep_ != "compound":  # "kidnap" tagged a name too
        return None
    head = token.head
    if (
        head.i != token.i + 1
        or head.dep_ not in ("dobj", "conj", "appos")
        or token.i == 0
        or token.nbor(-1).text != ","
    ):
        return None
    verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    if verb is None or not any(c.dep_ == "dobj" and c.i < token.i - 1 for c in verb.children):
        return None
    return verb if is_headline(token.sent) else None


def _acts_on_people(verb: Token, mention_at: dict) -> bool:
    """Whether a verb acts on people: its direct object, the subject of its passive (or a
    word conjoined with either), or the noun its participle describes ("270 people hanged
    since 1975") names people ("hanged a farmer"; not "hung the portrait"), or is a bare
    number, a count of people ("killed 35 people and poisoned 157")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)
    objects += [c for o in objects for c in o.conjuncts]
    return any(_names_people(o, mention_at) or _bare_count(o) for o in objects)


def _bare_count(obj: Token) -> bool:
    """A number with nothing of its own, standing for the people counted ("poisoned 157");
    not an amount, a date or a number of things ("40 tons", "157 of the bottles")."""
    return (
        obj.tag_ == "CD"
        and obj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")
        and not list(obj.children)
    )


def _by_captor(token: Token, name: str, mention_at: dict) -> str | None:
    """What taking people or things is, by who takes what (a word of Takeover, also of Arrest:
    "seize", "capture", "seizure"): people taken by the state's forces are arrested ("police
    seized two smugglers", "troops captured a rebel leader"), by anyone else or by no one named
    they keep the word's class; things taken are no event of the ontology ("police seized two
    tons of cocaine", "the rebels captured 40 rifles": no place was taken over, nobody held;
    judgment: dropped); places and power ("the army seized power") stay taken over. None for
    no event, else the class.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Police seized two smugglers. Police seized two tons of cocaine.")
    >>> _by_captor(doc[1], "Takeover", {}), _by_captor(doc[6], "Takeover", {})
    ('Arrest', None)
    """
    if name not in ("Takeover", "Arrest"):
        return name
    lemma = token.lemma_.lower()
    takeover = _lexicon()["Takeover"]
    if lemma not in takeover["verbs"] and lemma not in takeover["nouns"]:
        return name
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ in ("NOUN", "PROPN"):
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    objects = objects or _shared_objects(token)
    # "weapons seized by X": the plural the participle tells of ("a partisan seized by the South" is
    # left: a singular may name someone the lexicons do not know)
    told_of = [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.tag_ == "NNS" else []
    if not objects and not told_of:
        return name
    state = _state_captor(token, mention_at)
    captives = [o for o in objects if _names_people(o, mention_at)]
    captives += [n for n in told_of if "person" in _kinds(n, mention_at)]  # the noun, not its phrase (the taker's)
    if captives and lemma not in syntax()["people_taking_words"]:
        return name  # "troops conquered Dalia": a place, whatever label the model gave its name
    if captives:
        # people taken by anyone else keep the word's class: "gunmen captured a journalist" as
        # before; a Kidnapping here was measured and dropped (benchmarks/README.md, trig11)
        return "Arrest" if state is True else name
    taken = [_phrase_noun(o) for o in objects] + told_of  # the noun itself: its phrase holds the taker
    rule = syntax()["rule_nouns"]  # "the army seized power": a takeover of the state
    if not any(t.i in mention_at or _kinds(t, mention_at) or t.lemma_.lower() in rule for t in taken):
        return None  # "police seized two tons of cocaine", "the rebels captured 40 rifles"
    return name


def _names_people(obj: Token, mention_at: dict) -> bool:
    """Whether an object names people: a person's name, or a noun of people ("two aid
    workers", "a journalist"), also after a quantity ("dozens of guests")."""
    if obj.i in mention_at:
        return mention_at[obj.i][1].label_ == "Person"
    kinds = _kinds(_phrase_noun(obj), mention_at)
    if "person" in kinds:
        return "place" not in kinds  # "seized the embassy": a place, whoever works there
    return any(
        _names_people(g, mention_at)
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ == "of" and obj.tag_ in ("NNS", "CD")
        for g in c.children
        if g.dep_ == "pobj"
    )


def _state_captor(token: Token, mention_at: dict) -> bool | None:
    """Whether who takes is the state's forces (police, army, authorities by PETRARCH2's
    sectors ``captor_state_sectors``, a country's name, CAMEO's ``&MILITARY``, a military
    noun: "the brigade"), True, someone
    else, False, or unsaid, None."""
    captors = [c for c in token.children if c.dep_ == "nsubj"]
    if token.pos_ in ("NOUN", "PROPN"):
        captors += [c for c in token.children if c.dep_ in ("poss", "compound")]
    holders = [token]
    if token.pos_ in ("NOUN", "PROPN"):  # "the capture of two journalists by rebels", "by" hung on the object
        holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    by = [p for h in holders for p in h.children if p.dep_ in ("agent", "prep") and p.lower_ == "by"]
    captors += [g for p in by for g in p.children if g.dep_ == "pobj"]
    if not captors and token.dep_ == "conj" and token.head.pos_ == "VERB":
        captors = [c for c in token.head.children if c.dep_ == "nsubj"]  # "troops stormed and seized the house"
    captors = [c for c in captors if c.pos_ in ("NOUN", "PROPN")]
    if not captors:
        return None
    sectors = set(syntax()["captor_state_sectors"])
    for captor in captors:
        if captor.i in mention_at:
            span = mention_at[captor.i][1]
            if span.label_ == "Country":
                return True
            phrase = span.text
        else:
            phrase = " ".join(w.lower_ for w in captor.lefts if w.dep_ in ("amod", "compound")) + " " + captor.lower_
        code = sector_code(phrase.strip(), None) or ""
        state_words = _state_forces() | syntax()["military_nouns"]  # "the brigade", "army units"
        if code.lstrip("~")[:3] in sectors or captor.lower_ in state_words or captor.lemma_.lower() in state_words:
            return True
    return False


@lru_cache(maxsize=1)
def _participles() -> dict[str, str]:
    """Past participles of the verbs of the classes done to a victim (``object`` "victim" in
    event_types.json: killed, kidnapped, arrested, injured) -> the verb: the regular forms
    ("murdered", "kidnapped", "jailed") and ``irregular_participles`` ("slain")."""
    forms = {}
    for entry in _lexicon().values():
        if entry["object"] != "victim":
            continue
        for verb in entry["verbs"]:
            stem = verb if verb.endswith("e") else verb + "e"
            for form in (stem + "d", verb + "ed", verb + verb[-1] + "ed"):
                forms[form] = verb
    irregular = syntax()["irregular_participles"]
    forms.update({form: verb for form, verb in irregular.items() if verb in _words()[0]})
    return forms


def is_attributive_participle(token: Token) -> bool:
    """A past participle before its noun ("the kidnapped mayor", "the slain judge")."""
    return token.dep_ == "amod" and token.i < token.head.i and token.lower_ in _participles()


def object_controller(verb: Token) -> Token | None:
    """The object that controls an infinitive: "urged the army to ...", "called on the army to ..."
    (the one made to act, or to speak: "asked Greece to explain")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def is_small_clause_participle(verb: Token) -> bool:
    """A past participle with a subject of its own in the clause a verb takes, without "be"
    ("found the mayor murdered", "ordered the mayor killed"): a passive whose subject is acted
    upon. Not a past tense with an object or an auxiliary ("said gunmen killed two guards")."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("ccomp", "xcomp", "oprd")
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
    )


def _attributive_participle(token: Token, mention_at: dict) -> str | None:
    """The class of a participle of a victim's class before a noun of people: it tells a done
    event with that victim ("the kidnapped mayor", "the murdered priests", "the slain judge",
    "jailed opposition leader Tomas Varga"); "the captured town", "a detained ship" name no
    people. Its class is the verb's (a verb of two classes, the first: "captured soldiers" were
    arrested)."""
    if not is_attributive_participle(token):
        return None
    noun = token.head
    people = noun.i in mention_at and mention_at[noun.i][1].label_ == "Person"
    words = [noun, *(c for c in noun.lefts if c.dep_ == "compound")]
    if not people and not any("person" in _kinds(w, {}) for w in words):
        return None
    verb = _participles()[token.lower_]
    return next(name for name in _words()[0][verb] if _lexicon()[name]["object"] == "victim")


def claimed_event_noun(verb: Token) -> Token | None:
    """The violent event noun a claim verb takes as its object, or as the subject of its passive
    ("the Front claimed the attack", "the bombing was claimed by the Front"); None when it takes
    none ("claimed victory", "claimed the lives of ten people", "claimed that it won").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The Vardi Front claimed the bombing. The Vardi Front claimed victory.")
    >>> claimed_event_noun(doc[3]).text, claimed_event_noun(doc[9])
    ('bombing', None)
    """
    if verb.lemma_.lower() not in syntax()["claim_verbs"]:
        return None
    nouns = _words()[1]
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and (noun := _noun_lemma(child, nouns)):
            if any(is_violent(name) for name in nouns[noun]):
                return child
    return None


def _other_sense(token: Token, name: str, kind: str) -> bool:
    """Whether a trigger word is used in a sense that names no event of class ``name``: a
    noun whose phrase makes it something else ("the threat of terrorism" is a danger), a
    noun that only describes what the text already told ("Macron called the explosion an
    attack"), a verb an adverb makes something else ("detonated accidentally"), a participle
    naming a kind of thing ("detonating cord"), a warning that is only a caution ("warned
    the police about the crowds"), violence done to or by an illness ("died of cancer", "to
    attack the virus"), or a death or injury told of an accident ("killed in a car crash",
    :func:`_of_accident`).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Two men died of cholera. The threat of terrorism remains.")
    >>> [_other_sense(doc[i], name, kind) for i, name, kind in ((2, "Killing", "verb"), (7, "Threat", "noun"))]
    [True, True]
    """
    words = syntax()
    lemma = token.lemma_.lower()
    children = list(token.children)  # read once: each walk of token.children makes new Tokens
    preps = [c for c in children if c.dep_ == "prep"]
    if _in_quoted_words(token):
        return True  # a slogan or a name: chanted "Death to the invaders"
    if lemma in words["mobilisation_words"] and not _moves_armed_forces(token):
        return True  # "the party mobilised voters": politics, no military operation
    if kind == "noun" and lemma in words["territory_nouns"] and not _of_place(token, preps):
        return True  # "an invasion of privacy": no army's
    if kind == "verb" and any(c.dep_ == "advmod" and c.lower_ in _not_with()[name] for c in children):
        return True  # "the device detonated accidentally"
    if kind == "verb" and token.dep_ in ("amod", "compound") and token.tag_ == "VBG":
        return True  # a kind of thing, not an event: "detonating cord", "exploding bullets"
    caution = lemma in event_types()[name].clause_only and not _tells_what_will_happen(token)
    if kind == "verb" and caution:
        return True  # "warned the police about the crowds"
    if kind == "noun":
        if any(p.lower_ in event_types()[name].other_sense_preps for p in preps):
            return True
        described = token.head if token.dep_ == "oprd" else None
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            described = token.head.head  # "described the blast as an attack"
        if described is not None and described.lemma_.lower() in words["naming_verbs"]:
            return True
    if name in words["accident_classes"] and _of_accident(token, name, preps, words):
        return True  # "died in a helicopter crash": no violence
    if name in words["accident_classes"] and kind == "verb" and _natural_death(token, name, preps, words):
        return True  # "died in her sleep at the age of 90": no violence
    if name in words["abstract_classes"] and _abstract_only(token, kind, preps, words):
        return True  # "the minister attacked the plan", "an attack on democracy": no violence
    if name in words["defeat_classes"] and _defeat(token, words):
        return True  # "Varga beat Moor 6-3 6-4": a match won, no violence
    if is_violent(name) and _by_animal(token, kind, words):
        return True  # "the dog attacked a boy", "a shark attack": no one's violence
    if name in words["harm_classes"] and _harms_things(token, kind, preps, words):
        return True  # "profits were hurt by", "could hurt relations": no one injured
    if _object_sense(token, words["object_senses"].get(lemma)):
        return True  # "meet resistance", "the film was shot on location"
    if kind == "verb" and _idiom(token, children, words["idiom_preps"].get(lemma)):
        return True  # "seized on a comment": exploited, nothing seized
    if _without_needed_particle(token, words["particle_senses"].get(lemma)):
        return True  # "the plunge pulled gilts lower": no withdrawal
    if name == "Protest" and _verbal_protest(token, preps, words):
        return True  # "lodged a sharp protest with the government": words (CAMEO 11), no demonstration
    danger = token.dep_ == "dobj" and token.head.lemma_.lower() in words["danger_verbs"]
    if name == "Threat" and kind == "noun" and danger:
        return True  # "pose a threat to", "eliminate any threat to": a danger, no threat made
    if name == "Arrest" and kind == "noun" and _penalty(token, words):
        return True  # "sentenced to life imprisonment": a court's penalty, no arrest
    if kind == "noun" and token.dep_ == "pobj" and token.head.lower_ == "of":
        if token.head.head.lemma_.lower() in words["condition_nouns"]:
            return True  # "declared a state of siege": a legal condition, no army besieging
    if kind == "noun" and (_exempt_from(token, words) or _guarded_against(token, words)):
        return True  # "nobody is free from arrest", "unprotected against attacks": what does not happen
    if kind == "noun" and token.dep_ == "pobj" and token.head.lower_ == "for":
        if token.head.head.lemma_.lower() in words["penalty_nouns"]:
            return True  # "the maximum sentence for hijack", "the penalty for murder": a kind of crime
    if name == "Killing" and kind == "noun" and (_generic_death(token) or _death_as_time(token, words)):
        return True  # "death is the end of life", "escaped death": nobody's; "before his death": a date
    if kind == "noun" and _bare_generic(token, words):
        return True  # "policy on war and peace", "the alternative was war": war in general, none fought
    if name == "Takeover" and _takes_office(token):
        return True  # "took over the archdiocese", "the takeover of Acme Corp": no place seized
    if _in_hyphenated_word(token):
        return True  # "the never-say-die champions", "a shoot-to-kill policy": a description
    if name == "Protest" and kind == "verb" and lemma in words["showing_verbs"]:
        if any(c.dep_ in ("dobj", "ccomp") for c in children):
            return True  # "a win would demonstrate popular support": showing, no demonstration
    if name == "Protest" and kind == "noun" and lemma in words["showing_nouns"]:
        shown = [g for p in preps if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if shown and not any(_kinds(g, {}) & {"person", "group"} or g.ent_type_ for g in shown):
            return True  # "a demonstration of yogic flying": a showing; "a demonstration of students" is one
    if name == "Withdrawal" and _quits_contest(token):
        return True  # "was forced to withdraw from the Open": a player's, no troops
    if name == "Meeting" and _sports_news(token.doc):
        return True  # "the Berlin athletics meeting", "Harrison and Edwards to meet in Sarajevo": a contest
    if _in_play(token):
        return True  # "struck out three", "shot home the winner", "a second round clash": play, no violence
    if name == "Injury" and _sports_injury(token, kind):
        return True  # "missed the finals through injury": a player's, no violence
    if name in words["verbal_classes"] and _in_words(token, preps, words):
        return True  # "attacked the opposition in a speech": words, no violence
    rising = words["rising_particles"].get(lemma, ())
    if kind == "verb" and any(c.dep_ == "prt" and c.lower_ in rising for c in children):
        amounts = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
        if not any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ not in amounts for c in children):
            return True  # "prices shot up", "shares shot up 100 pesetas": a rise
    paying = words["paying_particles"].get(lemma, ())
    if kind == "verb" and any(c.dep_ == "prt" and c.lower_ in paying for c in children):
        return True  # "fans will be shelling out $12.50": paying
    if name not in _illness_prone():
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    objects += [g for p in preps if p.lower_ in words["illness_preps"] for g in p.children if g.dep_ == "pobj"]
    # what does it: "cholera has killed five", "a cholera outbreak kills five", "killed by an outbreak of measles"
    doers = [c for c in children if c.dep_ == "nsubj"]
    doers += [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    objects += doers + [m for d in doers for m in _named_with(d)]
    objects += [c for o in objects for c in o.conjuncts]  # "her battle against heart problems and malaria"
    return any(o.lemma_.lower() in words["illness_nouns"] or o.lower_ in words["illness_nouns"] for o in objects)


def _named_with(noun: Token) -> list[Token]:
    """The nouns that say what a noun is of: its compounds and its of-phrase ("a cholera
    outbreak", "an outbreak of cholera")."""
    of = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return [c for c in noun.children if c.dep_ == "compound"] + of


def _of_accident(token: Token, name: str, preps: list[Token], words: dict) -> bool:
    """Whether a death or injury is told of an accident or a natural disaster (kg:Killing is
    death by violence): an accident noun as its subject or in a phrase of the trigger ("the
    crash killed two", "killed in a car accident", "died in the earthquake"), or an accident
    verb the trigger is conjoined with or hangs on ("the plane crashed and the pilots were
    killed", "the bus collided with a truck, killing 12"), or that hangs on it ("died when the
    boat capsized"); a trigger that names its killer is not ("gunmen killed three passengers
    when the bus overturned").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Three soldiers died in a helicopter crash. The bus overturned, killing two.")
    >>> _of_accident(doc[2], "Killing", [doc[3]], syntax()), _of_accident(doc[12], "Killing", [], syntax())
    (True, True)
    """
    if _accident_subject(token, words):
        return True  # "the earthquake killed 300", "Typhoon Ivo killed 20"
    if token.dep_ == "relcl" and token.head.lemma_.lower() in words["accident_nouns"]:
        if any(c.dep_ == "nsubj" and c.lower_ in words["relative_pronouns"] for c in token.children):
            return True  # "the liquor that killed 35 people", "the crash, which killed 12"
    for prep in preps:
        if prep.lower_ in words["accident_preps"]:
            if any(g.dep_ == "pobj" and g.lemma_.lower() in words["accident_nouns"] for g in prep.children):
                return True
    etype = event_types()[name]
    subject_role = etype.subject_of.get(token.lemma_.lower(), etype.subject_role)
    if any(c.dep_ == "agent" or (c.dep_ == "nsubj" and subject_role == "agent") for c in token.children):
        return False  # "gunmen killed three passengers when the bus overturned": the killers are named
    if token.dep_ in ("conj", "advcl") and _accident_verb(token.head, words):
        return True
    return any(c.dep_ == "advcl" and _accident_verb(c, words) for c in token.children)


def _abstract_only(token: Token, kind: str, preps: list[Token], words: dict) -> bool:
    """Whether every object of a violent trigger is an abstract thing (``abstract_targets``):
    "attacked the plan", "killed the bill", "an attack on democracy" are figurative.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Critics attacked the plan. Rebels attacked the plant.")
    >>> _abstract_only(doc[1], "verb", [], syntax()), _abstract_only(doc[6], "verb", [], syntax())
    (True, False)
    """
    objects = _objects(token, kind, preps, words["abstract_preps"])
    # by the word too: the lemmatizer makes "talks" (negotiations) "talk"
    targets = words["abstract_targets"]
    return bool(objects) and all(
        (o.lemma_.lower() in targets or o.lower_ in targets) and not _held_by_armed_side(o, words) for o in objects
    )


def _held_by_armed_side(noun: Token, words: dict) -> bool:
    """Whether a noun is one of the ``position_nouns`` with a modifier naming an armed side (one
    of the ``enemy_words``, or :func:`names_armed_actor`): "rebel positions", "enemy positions"
    are places, where "his position" is a stance."""
    if noun.lemma_.lower() not in words["position_nouns"]:
        return False
    return any(
        c.dep_ in ("amod", "compound") and (c.lower_ in words["enemy_words"] or names_armed_actor(c))
        for c in noun.children
    )


def _objects(token: Token, kind: str, preps: list[Token], noun_preps: set[str]) -> list[Token]:
    """What a trigger acts on: its direct object or the subject of its passive, the noun its past
    participle is on ("a market order executed at prevailing prices"), what blows up (the subject
    of one of the ``blast_verbs`` with no object: "the conflict exploded"), the noun a relative
    clause is on for its relative pronoun, and for a noun the objects of its ``noun_preps``
    phrases ("an attack on democracy")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if kind == "verb" and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN":
        objects.append(token.head)
    if kind == "verb" and token.lemma_.lower() in syntax()["blast_verbs"] and not objects:
        objects = [c for c in token.children if c.dep_ == "nsubj"]  # "the conflict exploded": what blew up
    if kind == "verb" and token.dep_ == "relcl":
        relative = syntax()["relative_pronouns"]  # "the conflict that has exploded": the noun the clause is on
        objects = [token.head if o.lower_ in relative else o for o in objects]
    if kind == "noun":
        objects += [g for p in preps if p.lower_ in noun_preps for g in p.children if g.dep_ == "pobj"]
    return objects


def _in_words(token: Token, preps: list[Token], words: dict) -> bool:
    """Whether an attack is told as made in words: in a speech, statement or editorial ("attacked
    the opposition in a televised speech"), over or for an abstract thing ("attacked the
    government over its handling of the crisis"), or by an utterance ("the communique attacked
    the army", "the editorial was an attack on the army").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The mayor attacked the council in a speech.")
    >>> _in_words(doc[2], [doc[5]], syntax())
    True

    A noun that is the object of a verb or a preposition leaves the medium to what governs it:
    "claimed responsibility for the attack in a statement" (the parse often hangs the "in"-phrase
    on the noun) is a claim made in words, of an attack that took place.

    >>> doc = load_pipeline()("The Front claimed responsibility for the attack in a statement.")
    >>> _in_words(doc[6], [doc[7]], syntax())
    False
    """
    clause = token.head if token.dep_ == "attr" else token  # "the editorial was an attack"
    utterances = words["utterance_nouns"]
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in utterances for c in clause.children):
        return True
    governed = token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("pobj", "dobj")
    for prep in preps:
        objects = [g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ in words["verbal_medium_preps"] and utterances.intersection(objects) and not governed:
            return True
        if prep.lower_ in words["verbal_reason_preps"] and words["abstract_targets"].intersection(objects):
            return True
    return False


def _natural_death(token: Token, name: str, preps: list[Token], words: dict) -> bool:
    """Whether a death verb whose subject is the one who died tells a natural end (kg:Killing is
    death by violence): "died at the age of 90", "died in her sleep", "died peacefully", "died
    aged 90". Not a verb with a killer ("gunmen killed him in his sleep") and not a death a
    phrase of it ties to a violent event ("died in the attack at the age of 12").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Ana Voss died in her sleep. Two guards died in the attack.")
    >>> _natural_death(doc[2], "Killing", [doc[3]], syntax()), _natural_death(doc[9], "Killing", [doc[10]], syntax())
    (True, False)
    """
    etype = event_types()[name]
    if etype.subject_of.get(token.lemma_.lower(), etype.subject_role) != "victim":
        return False
    nouns = _words()[1]
    objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in nouns for o in objects):
        return False  # "died in the attack": violence named
    if any(o.lemma_.lower() in words["natural_death_nouns"] for o in objects):
        return True
    ages = [g for p in preps if p.lower_ == "at" for g in p.children if g.dep_ == "pobj" and g.like_num]
    if any(g.text.isdigit() and int(g.text) < 130 and not list(g.children) for g in ages):
        return True  # "novelist Ivo Lark dies at 79"
    return any(
        (c.dep_ == "advmod" and c.lower_ in words["natural_death_adverbs"])
        or c.lower_ in words["natural_death_participles"]
        for c in token.children
    )


# A score: "6-3", "15-7" as one word; the parse also splits it ("6 - 3"). Not a date ("1996-08").
SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")
RACE_TIME = re.compile(r"^\d{1,2}:\d{2}\.\d{1,3}$")  # "3:42.852"; a clock time ("10:30") has no fraction


def _defeat(token: Token, words: dict) -> bool:
    """Whether a word of beating (``defeat_words``) tells a side won a match: a score or a race
    time in its sentence ("Varga beat Moor 6-3 6-4", "3:30.974 beat Jane Lark 3:42.852"), a match
    in an "in" phrase of it or of its object ("beating Moor in a points decision", ``match_nouns``),
    or, in a sports report
    (:func:`kg.extract.sports_teams.is_sports_report`), an object that is a name beaten by no
    armed force ("need 148 runs to beat Westmarch"; not "police beat Moor"). "Police beat the
    protesters" has none of these.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Tom Reid beat Ivo Lark 6-3 6-4. Police beat the protesters.")
    >>> _defeat(doc[2], syntax()), _defeat(doc[11], syntax())
    (True, False)
    """
    if token.lemma_.lower() not in words["defeat_words"] and token.lower_ not in words["defeat_words"]:
        return False
    sent, words_of_doc = token.sent, document_words(token.doc)
    if any(_result_in(words_of_doc, i) for i in range(sent.start, sent.end)):
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [p for h in (token, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ == "in"]
    if any(g.dep_ == "pobj" and g.lemma_.lower() in words["match_nouns"] for p in preps for g in p.children):
        return True
    named = bool(objects) and all(o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC") for o in objects)
    beaters = [c for c in token.children if c.dep_ == "nsubj"]
    return named and not any(names_armed_actor(b) for b in beaters) and _sports_news(token.doc)


def _result_at(token: Token) -> bool:
    """Whether a word is (the middle of) a score or a race time: "6-3", "6 - 3", "3:42.852";
    not a part of a date ("1996 - 08 - 30")."""
    return _result_in(document_words(token.doc), token.i)


def _result_in(words: list[str], i: int) -> bool:
    """:func:`_result_at` on the words of a document (no Token made)."""
    if SCORE.match(words[i]) or RACE_TIME.match(words[i]):
        return True
    if words[i] != "-" or not 0 < i < len(words) - 1 or not SCORE.match(f"{words[i - 1]}-{words[i + 1]}"):
        return False
    return (i < 2 or words[i - 2] != "-") and (i + 2 >= len(words) or words[i + 2] != "-")


def _sports_news(doc: Doc) -> bool:
    """Whether a document is sports news through and through, not news that mentions a match:
    a sports report (:func:`kg.extract.sports_teams.is_sports_report`) with a score in it
    ("6-3", "2 - 1") or sports words at least every ``sports_words_every`` words (a bombing
    report that mentions a football tournament is none). Read once per document, on its words
    and spaCy's arrays (a Token per word cost more than the rest of the events component)."""
    if "kg_sports_news" not in doc.user_data:
        lowers = document_lowers(doc)
        # athletes' contests ("metres hurdles", "Olympic medal") count beside the team sports' words
        news = is_sports_report(doc, lowers=lowers, contests=True)
        if news:
            words = document_words(doc)
            sports = sports_words(contests=True)
            scores = any(_result_in(words, i) for i in range(len(words)))
            news = scores or sum(w in sports for w in lowers) * syntax()["sports_words_every"] >= len(doc)
        doc.user_data["kg_sports_news"] = news
    return doc.user_data["kg_sports_news"]


def _harms_things(token: Token, kind: str, preps: list[Token], words: dict) -> bool:
    """Whether every object of a word of harm (an Injury: "hurt", "injure", "damage") is a thing
    that no one can be injured as: ``abstract_targets`` and the ``harm_targets`` (relations,
    profits, markets, a process: "profits were hurt by", "could hurt relations", "might injure
    the peace process", "the execution of the agreement"), or "it" ("without killing it"; also
    for a Killing, whose victim is someone); for a noun taken or suffered, who takes it ("stocks
    took a beating"). "The blast injured two guards" names people.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The row could hurt relations. The blast hurt two guards.")
    >>> _harms_things(doc[3], "verb", [], syntax()), _harms_things(doc[8], "verb", [], syntax())
    (True, False)
    """
    objects = _objects(token, kind, preps, {"to", "of"})  # "harm to relations", "the execution of the agreement"
    taker = token.head.lemma_.lower()
    taken = taker in words["experiencer_verbs"] or taker in words["harm_taking_verbs"]
    if kind == "noun" and token.dep_ == "dobj" and taken:
        objects += [c for c in token.head.children if c.dep_ == "nsubj"]  # "stocks took a beating": who took it
    things = words["abstract_targets"] | words["harm_targets"]
    return bool(objects) and all(
        o.lower_ in words["thing_pronouns"] or (o.ent_type_ == "" and o.lemma_.lower() in things) for o in objects
    )


def _idiom(verb: Token, children: list[Token], preps: list[str] | None) -> bool:
    """Whether an active verb with no direct object is an idiom by one of its ``idiom_preps``
    whose object is neither a place nor a date: "critics seized on a comment" (exploited);
    "troops seized on Monday", "weapons were seized on the border" are left."""
    if not preps or any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children):
        return False
    objects = [g for p in children if p.dep_ == "prep" and p.lower_ in preps for g in p.children if g.dep_ == "pobj"]
    places = syntax()["place_nouns"]
    return bool(objects) and not any(
        o.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or o.lemma_.lower() in places for o in objects
    )


def _object_sense(token: Token, sense: dict | None, phrase: Iterable[Token] = ()) -> bool:
    """Whether a verb is in a sense its objects give (``object_senses``: its direct object,
    the subject of its passive, through "much of" / "part of", or the object of one of the
    sense's prepositions; not the words of a ``phrase`` it heads, "set fire to an effigy"):
    "meet resistance", "meet the targets" (no meeting), "the film was shot on location", "the
    shooting of the film" (no attack). "Met the minister", "shot two guards" are left.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("They shot the film in Kesh. They shot the guard.")
    >>> senses = syntax()["object_senses"]["shoot"]
    >>> _object_sense(doc[1], senses), _object_sense(doc[8], senses)
    (True, False)
    """
    if sense is None:
        return False
    objects = []
    for o in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        of = [g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        objects += of if o.lemma_.lower() in syntax()["portion_words"] and of else [o]
    objects += [g for p in token.children if p.dep_ == "prep" and p.lower_ in sense["preps"] for g in p.children]
    own = {t.i for t in phrase}
    objects = [o for o in objects if o.dep_ in ("dobj", "nsubjpass", "pobj") and o.i not in own]
    return bool(objects) and all(o.ent_type_ == "" and o.lemma_.lower() in sense["objects"] for o in objects)


def _without_needed_particle(token: Token, needed: dict | None) -> bool:
    """Whether a verb that names its class only with a particle or a preposition
    (``particle_senses``: "pull out", "pull back", "pulled its troops from the town") or an
    armed force acting or moved ("the army pulled its troops") has none: "the plunge pulled
    gilts lower"."""
    if needed is None or token.pos_ != "VERB":
        return False
    if any(c.dep_ == "prt" and c.lower_ in needed["particles"] for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in needed["preps"] for c in token.children):
        return False
    parties = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    military = syntax()["military_nouns"]
    return not any(p.lemma_.lower() in military or p.lower_ in military for p in parties)


def _verbal_protest(token: Token, preps: list[Token], words: dict) -> bool:
    """Whether a protest is one made in words to someone (CAMEO 11x, no demonstration of CAMEO
    14): a "to" phrase ("a sharp protest to the government", "protested to the embassy"), or
    the noun (or the noun it is an of-phrase of: "a storm of protest") as the object of a verb
    of lodging or hearing one (``verbal_protest_verbs``: lodge, make, voice, hear, raise).
    "Thousands marched in protest", "the protest turned violent" are left."""
    if any(p.lower_ in words["verbal_protest_preps"] for p in preps):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if _in_protest(token, words):
        return True
    noun = token
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        noun = token.head.head  # "raised a storm of protest"
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in words["verbal_protest_verbs"]


def _in_protest(noun: Token, words: dict) -> bool:
    """Whether a bare protest noun only tells why someone acted: "in protest" (no determiner,
    possessor or modifier) on a verb that is no demonstration ("cancelled a visit in protest",
    "pulled out of the Open in protest over the seeding", "went on strike in protest", where the
    strike is the event). On one of the ``demonstration_verbs`` it tells the demonstration
    ("thousands marched in protest")."""
    prep = noun.head
    if noun.lower_ not in words["motive_nouns"] or noun.dep_ != "pobj" or prep.lower_ != "in":
        return False
    if any(c.dep_ in ("det", "poss", "amod") for c in noun.children):
        return False
    return prep.head.lemma_.lower() not in words["demonstration_verbs"]


def _generic_death(token: Token) -> bool:
    """Whether the noun "death" names nobody's death: singular, with no determiner, possessor,
    number or of-phrase ("death is the end of life", "asked if he feared death", "narrowly
    escaped death"), or a sentence to death (``sentencing_verbs``: "sentenced two men to death").
    "Stabbed to death" (the end of a told killing), "his death", "the death of the judge" are left."""
    if token.tag_ != "NN" or token.lemma_.lower() != "death":
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        # "sentenced to death": a court's sentence, no one dead yet; "stabbed to death", "put to death" are left
        return token.head.head.lemma_.lower() in syntax()["sentencing_verbs"]
    if token.dep_ == "compound":
        return False  # "a death toll of 11": the deaths of a told event
    own = ("det", "poss", "nummod", "compound")
    if any(c.dep_ in own or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children):
        return False
    return True


def _bare_generic(token: Token, words: dict) -> bool:
    """Whether a noun of ``generic_when_bare`` stands bare, with no determiner, possessor,
    number or modifier, and so names the kind, not a happening ("church policy on war and
    peace", "said the alternative was war", "fears of war with Vardia", "no one benefits from
    wars"). "The war in Kesh", "a 13-year war", "the 1991 Gulf War", "civil war", "Kesh's
    conflicts" are left, and so is a name written with its capital inside a sentence ("the
    treaty ended War of the Vardi Succession")."""
    if token.lemma_.lower() not in words["generic_when_bare"] and token.lower_ not in words["generic_when_bare"]:
        return False
    if token.text.istitle() and not token.is_sent_start and not is_headline(token.sent):
        return False  # a war's name
    return not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod", "nmod") for c in token.children)


def _death_as_time(token: Token, words: dict) -> bool:
    """Whether someone's "death" only dates something else: the object of a
    ``time_reference_preps`` preposition with a possessor and no phrase of its own ("said in an
    interview shortly before his death", "after Lark's death"). "After his death in the
    bombing", "before the death of the judge" tell how or whose, and are left."""
    if token.lemma_.lower() != "death" or token.dep_ != "pobj":
        return False
    if token.head.lower_ not in words["time_reference_preps"]:
        return False
    return any(c.dep_ == "poss" for c in token.children) and not any(c.dep_ == "prep" for c in token.children)


def _penalty(token: Token, words: dict) -> bool:
    """Whether an arrest noun names a court's penalty, not an arrest: the object of "to" after
    a sentencing verb ("sentenced to life imprisonment"), the complement of a penalty noun
    ("the maximum sentence for hijack is life imprisonment"), or a penalty's term ("life
    imprisonment"). "His imprisonment in 1990", "the arrest of two men" are left."""
    if any(c.lemma_.lower() in words["penalty_modifiers"] for c in token.children if c.dep_ in ("compound", "amod")):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        return token.head.head.lemma_.lower() in words["sentencing_verbs"]
    if token.dep_ == "attr":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        return any(c.lemma_.lower() in words["penalty_nouns"] for c in subjects)
    return False


def _exempt_from(token: Token, words: dict) -> bool:
    """Whether an event noun names what does not happen to someone: the object of "from"
    after an adjective of exemption ("nobody is free from arrest", "immune from attack")."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "from"
        and prep.head.pos_ == "ADJ"
        and prep.head.lemma_.lower() in words["exemption_adjectives"]
    )


def _guarded_against(token: Token, words: dict) -> bool:
    """Whether a bare event noun (no determiner, possessor or number) names a kind of event
    someone is or is not protected from: the object of a ``protection_preps`` phrase of one of
    the ``protection_words`` ("judges were unprotected against criminal attacks", "to protect
    the Kurds from attack"). "Protected the convoy from the attack that followed" is left."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in words["protection_preps"]:
        return False
    if prep.head.lemma_.lower() not in words["protection_words"] and prep.head.lower_ not in words["protection_words"]:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)


def _takes_office(token: Token) -> bool:
    """Whether a taking over is of an office or a business, not of a place by force (kg:Takeover,
    CAMEO 192): "took over as chairman"; an organization's name or one of the ``office_nouns``
    (company, archdiocese, leadership) taken by someone who is no armed force (PETRARCH2's
    sectors ``armed_sectors``, a military noun): "took over the Kesh archdiocese", "the takeover
    of Acme Corp". "Rebels took over Radio Kesh", "took over the town" are left."""
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    control = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "control"]
    of = [g for h in (token, *control) for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    taken = [t for t in taken if t not in control] + [g for g in of if g.dep_ == "pobj"]
    words = syntax()
    if not taken:  # "took over as coach"; not "a man seized in a raid as workers protested"
        as_what = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
        return token.lemma_.lower() == "take" and any(g.dep_ == "pobj" for g in as_what)
    if all(t.lemma_.lower() in words["military_nouns"] or t.lower_ in words["military_nouns"] for t in taken):
        return True  # "takes over the Kesh force": command of armed men, no place seized
    offices = [t for t in taken if t.lemma_.lower() in words["office_nouns"]]
    if not all(t in offices or (t.ent_type_ == "ORG" and not _named_place(t)) for t in taken):
        return False
    takers = [c for c in token.children if c.dep_ in ("nsubj", "poss", "compound")]
    takers = [t.head.head if t.lower_ in words["relative_pronouns"] and t.head.dep_ == "relcl" else t for t in takers]
    takers += [g for p in token.children if p.dep_ == "agent" for g in p.children]
    if not takers and len(offices) < len(taken):
        return False  # a name the model calls an organization, taken by no one named: may be a town
    return not any(names_armed_actor(t) for t in takers)


def _named_place(token: Token) -> bool:
    """Whether the name a word is in is a place a reader knows (a city, a province), whatever
    label the model gave it ("took control of Kesh" with "Kesh" read as an organization)."""
    name = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return name is not None and is_known_place(name.text)


def names_armed_actor(actor: Token) -> bool:
    """Whether a noun phrase names an armed force: a military noun, or a noun of one of
    PETRARCH2's ``armed_sectors`` (rebels, militants, police, the army), read with the words
    before it ("rebel group") and through its of-phrase ("members of the rebel group")."""
    words = syntax()
    phrase = " ".join(w.lower_ for w in actor.lefts if w.dep_ in ("amod", "compound")) + " " + actor.lower_
    code = (sector_code(phrase.strip(), None) or "").lstrip("~")[:3]
    if code in words["armed_sectors"] or actor.lemma_.lower() in words["military_nouns"]:
        return True
    of = [g for p in actor.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return any(names_armed_actor(g) for g in of)


def _in_play(token: Token) -> bool:
    """Whether a word of the ``sports_sense_words``, told in sports news (:func:`_sports_news`),
    tells play, no violence: "struck out three", "shot home the winner", "Parma's second round
    clash", "the Orioles rallied", "took over from the coach". Not when someone armed acts or
    is acted upon, nor when what it acts on is named (its object, or an "on" phrase: "the
    half-time attack on Danut Lupu", a player assaulted).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Moyer struck out two in the league match. " * 4 + "The club won 5-4.")
    >>> _in_play(doc[1])
    True
    """
    if token.lemma_.lower() not in syntax()["sports_sense_words"] or not _sports_news(token.doc):
        return False
    children = list(token.children)
    acted = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    acted += [g for p in children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children]
    if any(o.pos_ == "PROPN" and o.ent_type_ not in ("DATE", "TIME") for o in acted):
        return False  # "the attack on Danut Lupu": someone named is acted upon
    return not any(names_armed_actor(p) for p in (*acted, *(c for c in children if c.dep_ in ("nsubj", "poss"))))


def _sports_injury(token: Token, kind: str) -> bool:
    """Whether an injury told in a sports report (:func:`kg.extract.sports_teams.is_sports_report`)
    is a player's: a noun ("missed the finals through injury", "a wrist injury to the captain"),
    or one of the ``player_injury_words`` ("the striker is injured", "he injured himself in
    Brussels"), with no word of violence or protest in its sentence and, but for a noun, no one
    armed in it: "fans were injured when police charged", "injuries suffered in the riot" and
    "the swimmer was stabbed" are left."""
    if kind != "noun":
        player_words = syntax()["player_injury_words"]
        if token.lower_ not in player_words and token.lemma_.lower() not in player_words:
            return False
    if not _sports_news(token.doc):
        return False  # read once per document: the sentence is walked only in sports news
    if kind != "noun" and any(names_armed_actor(t) for t in token.sent if t.pos_ in ("NOUN", "PROPN")):
        return False  # "twelve fans were injured when police charged"
    verbs, nouns = _words()[0], _words()[1]
    for t in token.sent:
        if t.i == token.i:
            continue
        names = verbs.get(t.lemma_.lower(), []) + nouns.get(t.lemma_.lower(), [])
        if any(n != "Injury" and (is_violent(n) or n == "Protest") for n in names):
            return False
    return True


def _quits_contest(token: Token) -> bool:
    """Whether a withdrawal is from a contest, not of forces (kg:Withdrawal, CAMEO 0874: a
    military retreat): a "from" / "of" phrase naming an event (a name the model calls an event,
    one of the ``contest_nouns``: "withdrew from the election", "pulled out of the Kesh Open"),
    or, in a sports report, no armed force withdrawing or withdrawn ("was forced to withdraw
    with an injury"). "Troops withdrew from the town" is left."""
    words = syntax()
    outs = [c for c in token.children if c.dep_ in ("prt", "prep") and c.lower_ in ("out", "back", "away")]
    preps = [p for h in (token, *outs) for p in h.children]  # "pulled out of": "out" often a preposition
    left = [g for p in preps if p.dep_ == "prep" and p.lower_ in ("from", "of") for g in p.children]
    contests = words["contest_nouns"]  # by the word too: the lemmatizer makes "politics" "politic"
    objects = [g for g in left if g.dep_ == "pobj"]
    if any(g.ent_type_ == "EVENT" or g.lemma_.lower() in contests or g.lower_ in contests for g in objects):
        return True
    parties = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if token.dep_ == "xcomp":  # "was forced to withdraw": who was forced
        parties += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(names_armed_actor(p) for p in parties) and _sports_news(token.doc)


def _in_hyphenated_word(token: Token) -> bool:
    """Whether a word is inside a word of three or more parts joined by hyphens, which
    describes something ("the never-say-die champions", "a shoot-to-kill policy"); a word of
    two ("a shoot-out", "car-bombing") is left."""
    doc, words = token.doc, document_words(token.doc)  # the hyphens looked for without a Token
    start = end = token.i
    if not (start >= 2 and words[start - 1] == "-") and not (end + 2 < len(words) and words[end + 1] == "-"):
        return False  # no hyphen beside it

    def joined(left: int) -> bool:  # doc[left], a hyphen and doc[left + 2] written as one word
        return words[left + 1] == "-" and not doc[left].whitespace_ and not doc[left + 1].whitespace_

    while start >= 2 and joined(start - 2):
        start -= 2
    while end + 2 < len(doc) and joined(end):
        end += 2
    return end - start >= 4


def _accident_verb(verb: Token, words: dict) -> bool:
    """An accident verb told of what befell something, without an object ("the plane crashed";
    not "the rebels crashed the meeting"), or a verb whose subject is an accident or a disaster
    ("Typhoon Ivo slammed into the coast")."""
    if _accident_subject(verb, words):
        return True
    lemma = verb.lemma_.lower()
    if lemma in words["vehicle_mishap_verbs"]:
        # "the bus fell into the river", "the plane overshot the runway"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in words["accident_vehicle_nouns"] for c in verb.children)
    return lemma in words["accident_verbs"] and not any(c.dep_ == "dobj" for c in verb.children)


def _by_animal(token: Token, kind: str, words: dict) -> bool:
    """Whether the one who does a violent act is an animal (``animal_nouns``, by the lemma of a
    common noun, not a name: "the Tamil Tigers attacked"): the subject or by-phrase of a verb
    ("the dog attacked Louis Booy", "a swimmer was killed by a shark"), the possessor or a
    modifier of a noun ("a shark attack", "the bear's attack").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The dog attacked a boy. Gunmen attacked a bus.")
    >>> _by_animal(doc[2], "verb", syntax()), _by_animal(doc[7], "verb", syntax())
    (True, False)
    """
    animals = words["animal_nouns"]
    if kind == "noun":
        doers = [c for c in token.children if c.dep_ in ("poss", "compound", "nmod")]
    else:
        doers = [c for c in token.children if c.dep_ == "nsubj"]
        doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.pos_ == "NOUN" and d.lemma_.lower() in animals for d in doers)


def _accident_subject(verb: Token, words: dict) -> bool:
    """Whether a verb's subject is one of the ``accident_nouns``, or a name they head ("the
    earthquake", "Typhoon Ivo", "Hurricane Lark")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [c for subject in subjects for c in subject.children if c.dep_ == "compound"]
    return any(c.lemma_.lower() in words["accident_nouns"] for c in subjects)


def _in_quoted_words(token: Token) -> bool:
    """Whether ``token`` is part of a slogan or a name in quote marks, not of a quoted account
    ('"They attacked us," he said') nor of an event quoted as a term ('the "bombing
    outrages"', 'an "attempted murder"', 'the mayor was "kidnapped"': a verb whose subject is
    outside the quote marks). Quoted words with no subject of their own are a
    slogan or a name when a verb trigger is in them or they are led by a verb ('"Crush the
    tyrants"', 'the "Stop the Killing" campaign'), when they modify a noun outside the quote
    marks (the name of a campaign), or when they are a noun with a to-phrase ('"Death to
    the invaders"').

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()('Crowds chanted "Death to the invaders". "They attacked us," he said.')
    >>> _in_quoted_words(doc[3]), _in_quoted_words(doc[11])
    (True, False)
    """
    span = _quoted_span(token)
    if span is None:
        return False
    doc = token.doc
    inside = [doc[i] for i in range(*span)]
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in inside):
        return False
    if token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False  # a word in scare quotes: 'the mayor was "kidnapped" on his way home'
    roots = [t for t in inside if not span[0] <= t.head.i < span[1] or t.head == t]
    if token.pos_ == "VERB" or any(r.pos_ == "VERB" for r in roots):
        return True
    if any(r.dep_ in ("compound", "amod", "nmod", "appos") and r.head != r for r in roots):
        return True
    to_phrase = [t for t in [*roots, *token.children] if t.dep_ == "prep" and t.lower_ == "to"]
    return token in roots and bool(to_phrase)  # the parse hangs "to" on the noun or on the verb outside


def _quoted_span(token: Token) -> tuple[int, int] | None:
    """The token indices between the pair of quote marks of ``token``'s sentence around it."""
    doc = token.doc
    marks = _quote_marks(doc)
    at = bisect_left(marks, token.i)
    if at == 0 or at == len(marks):
        return None  # no quote mark before it or none after it in the whole document
    start, end = sentence_bounds(doc, token.i)
    opened = None
    for i in marks[bisect_left(marks, start) : bisect_left(marks, end)]:
        if opened is None:
            opened = i
        elif opened < token.i < i:
            return opened + 1, i
        else:
            opened = None
    return None


def _quote_marks(doc: Doc) -> list[int]:
    """The indices of the document's quote marks (``quote_marks``), read once per document from
    its words (no Token made)."""
    if QUOTE_MARKS_KEY not in doc.user_data:
        marks = syntax()["quote_marks"]
        doc.user_data[QUOTE_MARKS_KEY] = [i for i, word in enumerate(document_words(doc)) if word in marks]
    return doc.user_data[QUOTE_MARKS_KEY]


def _of_place(token: Token, preps: list[Token]) -> bool:
    """Whether a noun's of-phrases, if it has any, name places or states by a name or a noun of
    places ("the invasion of Vardia", "the invasion of the island"; "the invasion" alone too),
    not other things ("of privacy")."""
    places = syntax()["place_nouns"]
    of = [g for p in preps if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return all(o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in places for o in of)


def _moves_armed_forces(token: Token) -> bool:
    """Whether a mobilisation or deployment moves armed forces: its subject, object (or the
    of-phrase of either: "thousands of troops") or a noun's modifiers are military nouns."""
    military = syntax()["military_nouns"]
    related = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "compound", "amod", "poss")]
    if token.dep_ in ("nsubj", "nsubjpass") or token.pos_ == "VERB" and token.dep_ == "acl":
        related.append(token.head)
    if token.pos_ == "VERB" and token.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in token.children):
        related += [c for c in token.head.children if c.dep_ == "nsubj"]  # "forces shelled and advanced"
    related += [
        g for r in [token, *related] for p in r.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
    ]
    return any(t.lemma_.lower() in military or t.lower_ in military for t in related)


def _tells_what_will_happen(verb: Token) -> bool:
    """Whether a verb has a clause saying what someone will or would do ("warned that Damascus
    would ask the UN to act", "warned that they will strike") or what will happen on a condition
    ("warned that their boats would be impounded if they were caught"); a forecast of things is
    no threat ("the bank warned that profit growth would slow": no one who acts, no condition)."""
    modal = {*load_lexicon("modality.json")["future_aux"], *load_lexicon("modality.json")["hypothetical_aux"]}
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lemma_.lower() in modal for c in clause.children):
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or any(_names_actor(s) for s in subjects) or _conditioned(clause):
                return True  # "warned Germany that relations could suffer if it pays heed": a threat
    return False


def _conditioned(clause: Token) -> bool:
    """Whether a clause has a condition ("... if they were caught", "... unless it pays")."""
    marks = load_lexicon("modality.json")["conditional_marks"]
    conditions = [c for c in clause.children if c.dep_ == "advcl"]
    return any(m.dep_ == "mark" and m.lower_ in marks for c in conditions for m in c.children)


def _names_actor(noun: Token) -> bool:
    """Whether a subject can name someone who acts: a pronoun, a name, or a noun of people,
    groups or armed men ("they", "Damascus", "the rebels"; not "profit growth", "prices")."""
    return noun.pos_ in ("PRON", "PROPN") or bool(noun.ent_type_) or bool(_kinds(noun, {}) & {"person", "armed"})


def _by_instrument(token: Token, name: str) -> str:
    """The subclass a weapon makes an event of ("a bomb attack", "attacked the house with
    explosives": Bombing), else ``name``.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Rebels staged a bomb attack.")
    >>> _by_instrument(doc[4], "Attack")
    'Bombing'
    """
    subclasses = _instrument_subclasses().get(name)
    if not subclasses:
        return name  # no subclass of it is told by its weapon: its words need not be read
    weapons = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            weapons += [w for o in prep.children if o.dep_ == "pobj" for w in (o, *o.conjuncts)]
    lemmas = {w.lemma_.lower() for w in weapons} | {w.lower_ for w in weapons}
    for subclass, instruments in subclasses:
        if lemmas & instruments:
            return subclass
    return name


@lru_cache(maxsize=1)
def _instrument_subclasses() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Class -> its direct subclasses that have ``instruments``, with them, in the typology's order."""
    found: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for subclass, etype in event_types().items():
        if etype.instruments:
            found.setdefault(etype.parent, []).append((subclass, etype.instruments))
    return found


@lru_cache(maxsize=1)
def _state_forces() -> frozenset[str]:
    """State armed forces: the ``&MILITARY`` synonym set of CAMEO.2.0 (``cameo_verbs.json``)."""
    return frozenset(load_lexicon("cameo_verbs.json")["military"])


def _by_attacker(token: Token, name: str, mention_at: dict | None = None) -> str:
    """``MilitaryOperation`` for an attack by state armed forces ("troops attacked the
    village", "an army assault", "troops entered the town and attacked the market"): CAMEO
    codes it 19 (conventional military force), not 18 (unconventional violence, kg:Attack);
    so is one from the air ("helicopter gunships opened fire on the column": CAMEO 195, as an
    air strike) and one by a country named as the attacker ("Vardia attacked the border post":
    a state's use of force); else ``name``. A bombing told by one of the ``bombardment_words``
    is one too when a state force or aircraft bombs ("the air force bombed the hills", "the
    bombings carried out by the air force", "was bombed and destroyed by an army": PETRARCH2
    codes 'bomb' 190, 195 from the air), not CAMEO 183's non-military bombing; "soldiers
    detonated a bomb" stays a bombing. The attacker is the subject, possessor or modifier, the
    by-phrase of the trigger, of a light verb telling it, or of the verb it is conjoined with.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Soldiers attacked the camp. Gunmen attacked the bus. Jets bombed the hills.")
    >>> _by_attacker(doc[1], "Attack"), _by_attacker(doc[6], "Attack"), _by_attacker(doc[11], "Bombing")
    ('MilitaryOperation', 'Attack', 'MilitaryOperation')

    A strike by a civilian sector is labour's, a Protest ("the teachers' strike"), whatever
    the lexicon lists first.
    """
    if name != "Attack" and not (name == "Bombing" and token.lemma_.lower() in syntax()["bombardment_words"]):
        return name  # "soldiers detonated a bomb" stays a bombing; "the air force bombed" is bombardment
    if token.lemma_.lower() in syntax()["assassination_words"]:
        return name  # "troops assassinated the mayor", "an attempt on his life": CAMEO 186, whoever does it
    attackers = [c for c in token.children if c.dep_ in ("nsubj", "poss", "compound", "amod")]
    if token.dep_ == "relcl":
        # "planes which are bombing the hills": the relative pronoun stands for the noun the clause tells of
        attackers = [
            token.head if c.dep_ == "nsubj" and c.lower_ in syntax()["relative_pronouns"] else c for c in attackers
        ]
    attackers += _by_phrase(token)
    for told in _light_verbs_telling(token):
        # "troops launched an attack", "the attack was staged by the army", "the bombings carried out by the air force"
        attackers += [c for c in told.children if c.dep_ == "nsubj"] + _by_phrase(told)
    if not attackers and token.dep_ == "conj" and token.head.pos_ == "VERB":
        attackers = [c for c in token.head.children if c.dep_ == "nsubj"]  # "troops entered the town and attacked"
    if not attackers and token.pos_ == "VERB":
        # "was bombed and destroyed by an army": the passive's by-phrase hangs on the last verb
        attackers = [a for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB" for a in _by_phrase(c)]
    for attacker in attackers:
        words = [w.lower_ for w in attacker.lefts if w.dep_ in ("amod", "compound")] + [attacker.lower_]
        if is_state_force(words) or attacker.lemma_.lower() + "s" in _state_forces():
            return "MilitaryOperation"
        if attacker.dep_ in ("nsubj", "pobj", "poss") and _state_or_aircraft(attacker, mention_at or {}):
            return "MilitaryOperation"  # "gunships opened fire", "Vardia attacked the post"
        if name == "Attack" and token.lemma_.lower() in syntax()["labour_actions"] and _labour_sector(" ".join(words)):
            return "Protest"  # "the teachers' strike", "a strike by bank workers": CAMEO 143
    return name


def _light_verbs_telling(noun: Token) -> list[Token]:
    """The light verbs ("carry out", "launch", "stage") an event noun is told by: the verb it is
    the object of, or the subject of the passive of, and a participle on it ("the bombings
    carried out by")."""
    light = syntax()["light_verbs"]
    told = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in light]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in light:
        told.append(noun.head)
    return told


def _by_phrase(token: Token) -> list[Token]:
    """The nouns of a word's by-phrase (a passive's agent or a noun's "by" phrase)."""
    return [g for p in token.children if p.dep_ in ("agent", "prep") and p.lower_ == "by" for g in p.children]


def is_state_force(words: list[str]) -> bool:
    """Whether lower-cased words name a state's armed force: their last word or two is one of the
    ``&MILITARY`` nouns of CAMEO.2.0, PETRARCH2's agents dictionary gives the phrase one of the
    'state_force_sectors' ("government forces", "artillery"), or they are a country's forces
    ("iraqi forces": CAMEO's IRQMIL).

    >>> is_state_force(["government", "forces"]), is_state_force(["iraqi", "forces"]), is_state_force(["the", "bus"])
    (True, True, False)
    """
    if not words:
        return False
    forces = _state_forces()
    if words[-1] in forces or " ".join(words[-2:]) in forces:
        return True
    code = sector_code(" ".join(words), None)
    if code is not None and code[1:] in syntax()["state_force_sectors"]:
        return True
    return len(words) > 1 and words[-1] == "forces" and bool(lookup_demonym(words[-2]) or lookup_country(words[-2]))


def on_state_forces(name: str, targets: list[str]) -> str:
    """``MilitaryOperation`` for an attack whose targets, as the arguments read them, are all
    state armed forces (:func:`is_state_force`: "fighters attacked battalion troops",
    "guerrillas attacked government troops"): armed men fighting the army, CAMEO 19 (PETRARCH2
    codes the verb 'attack' 190), not the one-sided assault of CAMEO 18; else ``name``. An attack
    on soldiers and civilians, or on a bus, stays an attack.

    >>> on_state_forces("Attack", ["army troops"]), on_state_forces("Attack", ["the bus"])
    ('MilitaryOperation', 'Attack')
    """
    if name != "Attack" or not targets:
        return name
    return "MilitaryOperation" if all(is_state_force(t.lower().split()) for t in targets) else name


def _state_or_aircraft(attacker: Token, mention_at: dict) -> bool:
    """Whether an attacker is a country's name or one of the ``aircraft_nouns``."""
    if attacker.i in mention_at and mention_at[attacker.i][1].label_ == "Country":
        return True
    return attacker.lower_ in syntax()["aircraft_nouns"] or attacker.lemma_.lower() in syntax()["aircraft_nouns"]


def _labour_sector(noun: str) -> bool:
    """Whether a generic actor noun ("teachers", "bank workers", "peasants") is of a civilian
    sector that strikes as labour, by PETRARCH2's agents dictionary (``labour_sectors``).

    >>> _labour_sector("teachers"), _labour_sector("bank workers"), _labour_sector("rebels")
    (True, True, False)
    """
    code = sector_code(noun, None)
    return bool(code) and code.startswith("~") and code[1:4] in syntax()["labour_sectors"]


def _fold_compounds(found: list[Trigger]) -> list[Trigger]:
    """'bombing attack': a trigger that modifies another trigger is one event, of the more
    specific class when one is a subclass of the other."""
    if len(found) < 2:
        return found  # nothing to fold into
    head_of = {t.head.i: k for k, t in enumerate(found)}
    drop: set[int] = set()
    for k, trigger in enumerate(found):
        head = trigger.head
        if head.dep_ != "compound":
            continue
        other = head_of.get(head.head.i)
        if other is not None and other != k:
            outer = found[other]
            if is_subclass(trigger.name, outer.name):
                outer.name = trigger.name
            elif not is_subclass(outer.name, trigger.name):
                continue
            outer.tokens = sorted(outer.tokens + trigger.tokens, key=lambda t: t.i)
            drop.add(k)
    return [t for k, t in enumerate(found) if k not in drop]
