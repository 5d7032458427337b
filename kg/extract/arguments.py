"""Event arguments from the dependency parse: who did it, to whom, where, when, how many.

For a verb trigger the subject acts (its role per class from ``event_types.json``), the
object and the passive subject are acted upon, the ``by``-phrase of a passive acts; a
verb without a subject borrows it from the verb it is coordinated with or controlled by
("gunmen stormed the hotel and killed two"), and a relative clause from the noun it
modifies ("the militants who attacked"). For a noun trigger the possessor, a
modifying name ("a Red Brigade attack"; a country's name before a place word is where: "Algeria
restaurant bomb"), the ``by``- and ``of``-phrases and the subject of a light verb ("EFD carried
out the attack") fill the roles. ``on``/``against`` phrases give what is attacked,
``in``/``at``/``near`` + a place the place (else the place a "where" clause hangs on), DATE entities the time
(normalized against the publication date), numerals and number words the counts,
the modality is read by :mod:`kg.extract.modality`. The general syntax words live in
``lexicons/event_syntax.json``.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Gunmen stormed the hotel and killed four guards. Rebels may attack Goma.")
>>> [(e.type, sorted((a.role, a.span.text) for a in e.arguments), e.killed_count, e.modality)
...  for e in doc._.kg_events]  # doctest: +NORMALIZE_WHITESPACE
[('Attack', [('agent', 'Gunmen'), ('target', 'hotel')], None, None),
 ('Killing', [('agent', 'Gunmen'), ('victim', 'four guards')], 4, None),
 ('Attack', [('agent', 'Rebels'), ('target', 'Goma')], None, 'hypothetical')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from kg.extract.coreference import Coreference, is_pronoun
from kg.extract.counts import is_vague_quantity, parse_count
from kg.extract.dates import normalize_time
from kg.extract.doc_text import document_text
from kg.extract.lexicon import load_lexicon
from kg.extract.line_breaks import is_headline, line_break_between
from kg.extract.modality import is_war, tells_occurrence
from kg.extract.name_boundaries import SPACED_DASHES
from kg.extract.triggers import (
    PLACE_TYPES,
    EventType,
    Trigger,
    cameo_verbs,
    event_types,
    explosive_holder,
    gapped_verb_governor,
    is_gapped_verb,
    is_small_clause_participle,
    is_subclass,
    is_weapon,
    object_controller,
    people_nouns,
    sets_explosive,
    syntax,
)
from kg.model import Argument
from kg.model import Span as TextSpan

# Words inside these spaCy entities are amounts or dates, never who or what.
NOT_ARGUMENTS = {"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
# A year written alone ("1991"): before an event noun it names which one, it counts none.
YEAR = re.compile(r"(1[5-9]|20)\d\d")
ACTOR_TYPES = {"Person", "Organization", "Country"}
# Dependencies that open a clause of its own below a verb: its dates are that clause's.
CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "xcomp", "acl", "conj")


def _gapped_object(noun: Token) -> bool:
    """Whether a noun is the object of a headline's verb the tagger made its compound ("kidnap
    mayor" in "Rebels seize town, kidnap mayor"): the verb's, not the one it hangs on."""
    return any(is_gapped_verb(c) for c in noun.lefts)


def _listed(token: Token) -> list[Token]:
    """The words joined to ``token`` ("Vell and Kesh"), less a headline's verb's object the parse
    joined to it ("Police seize weapons, arrest leader": the leader is arrested)."""
    return [c for c in token.conjuncts if not _gapped_object(c)]


def span_of(span: Span) -> TextSpan:
    """The plain record of a token-aligned spaCy span: its text cut from the document's text as
    the components read it once (:func:`kg.extract.doc_text.document_text`; ``span.text`` makes
    a Token of every word, and ``doc.text`` is joined again on every access)."""
    start, end = span.start_char, span.end_char
    return TextSpan(start, end, document_text(span.doc)[start:end] if len(span) else span.text)


def token_span(tokens: list[Token]) -> TextSpan:
    """The text from the first to the last of ``tokens`` ("claimed ... responsibility"), as
    :func:`span_of` cuts it, read from the two tokens (a spaCy span makes Tokens of its ends)."""
    first, last = min(tokens, key=_position), max(tokens, key=_position)
    start, end = first.idx, last.idx + len(last)
    return TextSpan(start, end, document_text(first.doc)[start:end])


_position = attrgetter("i")


@dataclass
class SentenceContext:
    """What argument reading needs to know about one sentence: its entity mentions and
    the heads of all its triggers (a trigger word is never another event's argument)."""

    doc: Doc
    sent: Span
    mention_at: dict[int, tuple[int, Span]]
    triggers: list[Trigger]
    dates: list[Span] = field(default_factory=list)  # the sentence's DATE entities
    trigger_at: dict[int, int] = field(default_factory=dict)
    sentence: TextSpan | None = None  # the evidence, read once for all the sentence's events
    coreference: Coreference | None = None  # the document's antecedents of pronouns and descriptions

    def __post_init__(self) -> None:
        if self.sentence is None:  # the caller may give it, cut from the document's text
            self.sentence = span_of(self.sent)
        self.trigger_at = {t.i: k for k, trigger in enumerate(self.triggers) for t in trigger.tokens}

    def label(self, token: Token) -> str | None:
        hit = self.mention_at.get(token.i)
        return hit[1].label_ if hit else None


class ArgumentReader:
    """Arguments of one trigger; ``read()`` returns them, ``count`` holds the numeral seen."""

    def __init__(self, trigger: Trigger, etype: EventType, ctx: SentenceContext):
        self.trigger = trigger
        self.etype = etype
        self.ctx = ctx
        self.args: list[Argument] = []
        self.arg_tokens: list[Token] = []  # the words the non-place arguments were read at
        self.count: int | None = None

    # -- adding ------------------------------------------------------------------------

    def add(self, role: str | None, token: Token | None, conjuncts: bool = True) -> None:
        """Add ``token`` in ``role``, with the words joined to it (``conjuncts``: "Vell and Kesh")."""
        if role is None or token is None:
            return
        if (
            token.lemma_.lower() in syntax()["instrument_nouns"]
            and (role == "agent" or role != "place" and is_subclass(self.etype.name, "Bombing"))
            and not (role == "target" and _hit_vehicle(token, self.trigger.head))
        ):
            # "a roadside bomb killed two", "the bomb was detonated": the bomb is how, not who or
            # what; whose weapon it was acts ("Iraqi artillery was shelling the city")
            owner = _owner(token, self.ctx) if role == "agent" else None
            if owner is not None:
                self.add(role, owner)
            return
        members = [token, *_listed(token)] if conjuncts else [token]
        members += [g for m in members for g in _included(m, self.ctx)]  # "12 people, including Tomas Vell"
        if role == "agent":
            # "members of the Vale Front attacked": the members act, and so does the Front
            members += [g for m in members if (g := _group_of(m, self.ctx)) is not None]
        for member in members:
            arg = self._argument(role, member)
            if arg and not any(a.role == role and a.span.start == arg.span.start for a in self.args):
                self.args.append(arg)
                if role != "place":
                    self.arg_tokens.append(member)

    def _argument(self, role: str, token: Token) -> Argument | None:
        ctx = self.ctx
        if line_break_between(token, self.trigger.head):
            return None  # a heading or dateline the parser ran into the sentence ("1 min read\n\nX met ...")
        if role != "agent" and (whole := _whole(token)) != token:
            return self._argument(role, whole)  # "damaged the windows of the consulate": the consulate
        if token.i in ctx.mention_at:
            index, span = ctx.mention_at[token.i]
            if role == "place" and span.label_ not in PLACE_TYPES:
                return None
            if role == "victim" and span.label_ in ("Place", "Facility"):
                return None  # people are killed, hurt, kidnapped and arrested, not places
            return Argument(role, span_of(span), f"m{index}")
        if (
            token.ent_type_ in NOT_ARGUMENTS
            or token.i in ctx.trigger_at
            or token.lemma_.lower() in syntax()["time_nouns"]
        ):
            return None  # an amount, a date, a time of day ("at dawn"), or another event
        if role == "place" and not _place_word(token):
            return None
        if is_pronoun(token):
            return self._pronoun(role, token)
        if token.pos_ not in ("NOUN", "PROPN", "NUM") and not (_misread_noun(token) and names_people(token)):
            return None
        threatened = argument_words()["threatened_acts"]
        if role == "target" and self.etype.name == "Threat" and token.lemma_.lower() in threatened:
            return None  # "letters threatening death", "threatened violence": what is threatened, not whom
        named = next((c for c in token.children if c.dep_ == "appos" and _names_actor(c, ctx.label(c))), None)
        if role != "place" and named is not None:
            return self._argument(role, named)  # "her brother Tomas Vel", "the driver, Ali Khan,": the name
        if role != "place" and ctx.coreference is not None:
            antecedent = ctx.coreference.resolve(token)  # "the group", "the minister"
            if antecedent is not None:
                return Argument(role, span_of(ctx.coreference.mentions[antecedent]), f"m{antecedent}")
        of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
        # whether the word is a number matters only before an of-phrase: read it only then
        quantity = of is not None and (token.like_num or is_vague_quantity(token) or parse_count(token) is not None)
        if quantity and token.pos_ == "NOUN" and not is_vague_quantity(token) and of is not None:
            quantity = ctx.label(of) not in ACTOR_TYPES  # "two members of the Front": the members, not the Front
        if of is not None and quantity and of.pos_ in ("NOUN", "PROPN"):
            # "thousands of workers", "dozens of people": the people, not the number
            self.count = self.count or parse_count(token)
            return self._argument(role, of)
        if role == "agent" and token.pos_ != "PROPN" and not names_people(token):
            return None  # "the plan", "capacity": who acts is someone
        if role != "agent" and (named := _named_place(token, ctx)) is not None:
            return self._argument(role, named)  # "attacked the city of Kesh": Kesh
        # Plain words: the noun with its modifiers ("two Afghan embassy personnel").
        left = [
            t for t in token.lefts if t.dep_ in ("compound", "amod", "nummod", "nmod") and t.i not in ctx.trigger_at
        ]
        # A modifier with its own words: "US-backed militias", "a 12-year-old boy", not "backed militias"
        whole = [w for t in left for w in t.subtree if w.i not in ctx.trigger_at]
        if any(w.pos_ == "ADP" or w.is_punct and w.text not in "-–" for w in whole):
            whole = []  # a phrase inside ("the third of four"): the modifiers alone
        words = _clean(Argument(role, token_span(_adjacent([*whole, token])))) if whole else None
        return words or _clean(Argument(role, token_span(_adjacent([*left, token]))))

    def _pronoun(self, role: str, token: Token) -> Argument | None:
        """A subject pronoun stands for the subject of the verb that reports or governs its
        clause ("the US declared that it would ..."), else for the antecedent document-level
        coreference finds; a pronoun that stands for no entity is no argument ("it", "we")."""
        kinds = syntax()["pronouns"].get(token.lower_)
        if not kinds:
            return None
        governor = token.head
        while governor.dep_ in ("ccomp", "xcomp", "conj", "advcl") and governor.head != governor:
            governor = governor.head
            subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i in self.ctx.mention_at and self.ctx.label(subject) in kinds:
                return self._argument(role, subject)
            described = self._described(subject, kinds)
            if described is not None:
                return Argument(role, span_of(self.ctx.coreference.mentions[described]), f"m{described}")
        coreference = self.ctx.coreference
        antecedent = coreference.resolve(token) if coreference is not None else None
        if antecedent is None:
            return None
        span = coreference.mentions[antecedent]
        if role == "victim" and span.label_ not in ("Person", "Organization"):
            return None
        return Argument(role, span_of(span), f"m{antecedent}")

    def _described(self, subject: Token | None, kinds: list[str]) -> int | None:
        """The mention a reporting subject's description stands for ("the party said it would
        ...": the party named before), when it is of a class the pronoun can stand for."""
        coreference = self.ctx.coreference
        if subject is None or coreference is None or subject.i in self.ctx.mention_at or is_pronoun(subject):
            return None
        index = coreference.resolve(subject)
        return index if index is not None and coreference.mentions[index].label_ in kinds else None

    # -- reading -----------------------------------------------------------------------

    def read(self) -> list[Argument]:
        head = self.trigger.head
        if self.trigger.kind == "adjective":
            self._adjective(head)
        elif (
            head.pos_ == "VERB"
            or self.trigger.kind == "verb"
            or self.trigger.kind == "phrase"
            and head.pos_ in ("VERB", "AUX")
        ):
            self._verb(head)  # "verb": also a headline's verb the tagger read as a noun ("Rebels kidnap mayor")
        else:
            self._noun(head)
        for token in self.trigger.tokens:
            self._preps(token)
        if self.etype.name == "Meeting":
            for arg in [a for a in self.args if a.role == "agent"]:
                if not any(a.role == "participant" and a.span.start == arg.span.start for a in self.args):
                    self.args.append(Argument("participant", arg.span, arg.entity))
        self._place_fallback()
        return self.args

    def _subject_role(self, verb: Token) -> str | None:
        overrides = self.etype.subject_of
        lemma = verb.lemma_.lower()
        return overrides[lemma] if lemma in overrides else self.etype.subject_role

    def _verb(self, verb: Token) -> None:
        object_role = "participant" if self.etype.name == "Meeting" else self.etype.object_role
        subject_role = self._subject_role(verb)
        if (governor := gapped_verb_governor(verb)) is not None:
            # "Rebels seize town, kidnap mayor": its object is the noun it is a compound of, its
            # subject the verb's before the comma
            self.add(object_role, verb.head, conjuncts=False)
            for child in governor.children:
                if child.dep_ == "nsubj":
                    self.add(subject_role, child)
            return
        has_subject = False
        for child in verb.children:
            if child.dep_ == "nsubj" and child.lower_ not in syntax()["relative_pronouns"]:
                if (
                    _gapped_passive(verb)
                    or _headline_passive(verb, self.etype.object_role)
                    or _passive_small_clause(verb, self.etype.object_role)
                    or _held_without_object(verb, self.trigger)
                ):
                    # "12 were killed and 30 wounded", "Farmer killed", "police found the mayor murdered"
                    self.add(self.etype.object_role, child)
                    self.count = self.count or _count_of(child)
                else:
                    self.add(subject_role, child)
                has_subject = True
            elif child.dep_ == "agent":
                self.add(self.etype.subject_role, next((g for g in child.children if g.dep_ == "pobj"), None))
            elif child.dep_ == "nsubjpass" and child.lower_ not in syntax()["relative_pronouns"]:
                self.add(self.etype.object_role, child)
                self.count = self.count or _count_of(child)
                has_subject = True
            elif child.dep_ == "dobj" or (counted := _counted_object(child)) is not None:
                child = child if child.dep_ == "dobj" else counted
                if _gapped_object(child):
                    continue  # "seize town, kidnap mayor": the mayor is kidnapped, not seized
                if child.lower_ in syntax()["relative_pronouns"] and verb.dep_ == "relcl":
                    # "Vell, whom he met": the noun the clause is on, alone ("its leader, Vell, whom":
                    # the parse may join an apposition as a conjunct)
                    self.add(object_role, verb.head, conjuncts=False)
                    continue
                if child in self.trigger.tokens and child.lemma_.lower() in argument_words()["loss_nouns"]:
                    self._lives(child)  # "the war claimed 125,000 lives"
                    continue
                if child.like_num:
                    self.count = self.count or parse_count(child)
                self.add(object_role, child)
                self.count = self.count or _count_of(child)
        for included in _included(verb, self.ctx):
            self.add(object_role, included)  # "12 were arrested on Monday, including Tomas Vell"
        if not has_subject:
            self._borrowed_subject(verb, subject_role)

    def _borrowed_subject(self, verb: Token, subject_role: str | None) -> None:
        """A verb with no subject of its own: coordinated ("stormed ... and killed"),
        controlled ("vowed to attack"), or a clause on a noun ("militants who attacked",
        "people killed in the blast")."""
        dep, governor = verb.dep_, verb.head
        if dep == "advcl" and verb.tag_ == "VBG":
            dep = "xcomp"  # "a bomber blew himself up, killing six": the participle's subject is the clause's
        controller = object_controller(governor) if dep == "xcomp" and verb.dep_ == "xcomp" else None
        # A passive complement: its borrowed subject is acted upon ("left a student injured",
        # "appeared to have been shot").
        passive_complement = dep == "xcomp" and verb.dep_ in ("xcomp", "ccomp", "oprd") and _passive(verb)
        own_role = self.etype.object_role if passive_complement else subject_role
        if controller is not None:
            self.add(own_role, controller)  # "urged the army to withdraw": the army withdraws
        elif dep in ("conj", "xcomp") and governor != verb:
            for child in governor.children:
                if child.dep_ == "nsubj":
                    self.add(own_role, child)
                elif child.dep_ == "nsubjpass" and dep == "conj":
                    self.add(self.etype.object_role, child)
                elif child.dep_ == "nsubjpass" and verb.dep_ == "xcomp":
                    # "five students were found murdered", "were reported to have killed two": the
                    # governor's passive subject is the complement's own
                    self.add(own_role, child)
                    if passive_complement:
                        self.count = self.count or _count_of(child)
                elif child.dep_ == "agent" and dep == "conj":
                    self.add(subject_role, next((g for g in child.children if g.dep_ == "pobj"), None))
        elif dep in ("relcl", "acl") and governor.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            # "two of the 12 killed": a number stands for people too; a clause with its own
            # by-phrase is passive whatever its tag ("the suspect, shot dead by police"); a perfect
            # is active ("the group which has killed scores of people")
            passive = _passive(verb) or any(c.dep_ == "agent" for c in verb.children)
            passive = passive or _headline_passive(verb, self.etype.object_role)
            self.add(self.etype.object_role if passive else subject_role, governor)
            if passive:
                self.count = self.count or _count_of(governor)
        else:
            self.add(subject_role, _clause_subject(verb))

    def _noun(self, noun: Token) -> None:
        lemma = noun.lemma_.lower()
        # the weapon, or the vehicle that carried it ("drove a truck packed with explosives into the camp")
        if is_subclass(self.etype.name, "Bombing") and (
            lemma in self.etype.instruments or lemma in argument_words()["vehicle_nouns"]
        ):
            self._weapon(noun)
        possessor = self._possessor_role(noun)
        for child in noun.children:
            # a country is no one killed, hurt or arrested: "Belgium's child murder case", "a
            # Belgian child murder", "Brazil police arrest ...": where it happened
            country_victim = possessor == "victim" and child.i in self.ctx.mention_at
            country_victim = country_victim and self.ctx.label(child) == "Country" and child.tag_ not in ("NNS", "NNPS")
            if child.dep_ == "poss":
                self.add("place" if country_victim else possessor, child)
            elif child.dep_ in ("compound", "amod", "nmod") and child.i in self.ctx.mention_at:
                label = self.ctx.label(child)
                if label == "Country" and (_names_place_word(child, noun) or country_victim):
                    self.add("place", child)  # "Algeria restaurant bomb": where, not who
                elif label in ACTOR_TYPES:
                    self.add(possessor, child)
                elif label == "Facility" and self.etype.object_role == "target":
                    self.add("target", child)
                else:
                    self.add("place", child)
            elif child.dep_ == "nummod" and _counts(child) and not is_weapon(self.trigger):
                self.count = parse_count(child)  # "three attacks"; "threw two grenades" counts weapons
        slot = noun  # where the event noun stands in its clause
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in syntax()["series_nouns"]
        ):
            slot = noun.head.head  # "EFD launched a series of attacks": as if "EFD launched attacks"
        verb = slot.head
        if slot.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in syntax()["light_verbs"]:
            # "EFD carried out the attack", "the attack was carried out by EFD"
            self.add(self.etype.subject_role, next((c for c in verb.children if c.dep_ == "nsubj"), None))
            for child in verb.children:
                if child.dep_ == "agent":
                    self.add(self.etype.subject_role, next((g for g in child.children if g.dep_ == "pobj"), None))
            if not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ in ("conj", "xcomp"):
                self.add(self.etype.subject_role, next((c for c in verb.head.children if c.dep_ == "nsubj"), None))
            self._preps(verb, places_only=True)
        elif slot.dep_ == "dobj" and verb.lemma_.lower() in syntax()["experiencer_verbs"]:
            # "two guards suffered injuries": what befalls the subject
            self.add(self.etype.object_role, next((c for c in verb.children if c.dep_ == "nsubj"), None))
            self._preps(verb, places_only=True)
        elif (
            slot.dep_ == "pobj"
            and verb.lower_ == "to"
            and verb.dep_ == "prep"
            and (shifted := _shifted_object(verb.head)) is not None
        ):
            # "A vendor stabbed to death a judge in a court": the parse makes the judge a clause
            # whose subject is the vendor, the violent verb a participle on the vendor
            self.add(self.etype.subject_role, verb.head.head)
            self.add(self.etype.object_role, shifted)
            self._preps(shifted, places_only=True)
        elif (
            slot.dep_ == "pobj"
            and verb.lower_ == "to"
            and verb.dep_ == "prep"
            and (
                verb.head.i in self.ctx.trigger_at
                or _violent_verb(verb.head)
                or (self.etype.name == "Killing" and verb.head.pos_ == "VERB" and verb.head.dep_ != "acl")
            )
        ):
            # "stabbed to death by a neighbour", "beat a guard to death", "rebels hacked to death
            # three farmers": the verb's arguments, whatever the verb ("sentenced to death" tells
            # no killing: "death" is no trigger there); a participle on a noun only in a headline
            # (inside a sentence it is a misreading, above)
            self._verb(verb.head)
            self._preps(verb.head, places_only=True)
        elif slot.dep_ == "nsubj" and verb.lemma_.lower() == "be":
            self._preps(verb, places_only=True)  # "the explosion was at the bus station"
        elif slot.dep_ == "nsubj" and tells_occurrence(verb):
            # "fighting broke out in Kesh between the Front and the army": where and who, on the verb
            self._preps(verb, places_only=True)
            self._sides(verb)
        elif slot.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_.lower() in syntax()["effect_verbs"]:
            # "the embassy was hit by a bombing": the passive of "a bombing hit the embassy"
            self.add(self.etype.object_role, _passive_subject(verb.head))
            self._preps(verb.head, places_only=True)
        elif slot.dep_ == "nsubj" and verb.lemma_.lower() in syntax()["effect_verbs"]:
            # "a bombing attack targeted the embassy"
            self.add(self.etype.object_role, next((c for c in verb.children if c.dep_ == "dobj"), None))
            self._preps(verb, places_only=True)
        elif slot.dep_ == "nsubj" and verb.lemma_.lower() in argument_words()["impact_verbs"]:
            self._impact(verb)  # "an explosion ripped through a market", "the blast tore into a convoy"
        self._sides(noun)  # "clashes between police and protesters"
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in syntax()["effect_verbs"]:
                # "operations targeting EFD cells"
                self.add(self.etype.object_role, next((c for c in clause.children if c.dep_ == "dobj"), None))

    def _lives(self, noun: Token) -> None:
        """The lives a killing's phrase names ("claimed the lives of 12 soldiers": the soldiers;
        "claimed more than 125,000 lives": the counted lives, though a word of the trigger)."""
        self.count = self.count or _count_of(noun)
        people = _of_phrases(noun)
        for person in people:
            self.add(self.etype.object_role, person)
        counted = [w for c in noun.children if c.dep_ == "nummod" for w in c.subtree]
        if not people and counted:
            self.args.append(Argument(self.etype.object_role, token_span(_adjacent([*counted, noun]))))

    def _sides(self, token: Token) -> None:
        """The sides of a fight ("clashes between police and protesters", "fighting broke out
        between the two groups"): each acts. A meeting's sides are its participants (``_preps``)."""
        if self.etype.name == "Meeting":
            return
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in argument_words()["side_preps"]:
                self.add(self.etype.subject_role, next((g for g in child.children if g.dep_ == "pobj"), None))

    def _possessor_role(self, noun: Token) -> str | None:
        """The role of an event noun's possessor: the class's (``possessor`` in event_types.json:
        "the rebels' attack", "the judge's murder"), but the acting one when an of-phrase names
        who is acted upon ("the Front's kidnapping of the mayor"), and the one acted upon for
        a noun of an attack on someone ("Vell's assassination": ``patient_possessor_nouns``)."""
        etype = self.etype
        if etype.of_role is not None and etype.of_role == etype.object_role and etype.subject_role is not None:
            if any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                for c in noun.children
            ):
                return etype.subject_role
        if noun.lemma_.lower() in argument_words()["patient_possessor_nouns"]:
            return etype.object_role
        return etype.possessor_role

    def _impact(self, verb: Token) -> None:
        """What an attack or blast told as a motion goes through or into is what it hit ("an
        explosion ripped through a market", "the blast tore into a convoy"); a place named
        there is where ("tore through Brano"); the verb's other place phrases are the event's."""
        through = {c.i for c in verb.children if c.dep_ == "prep" and c.lower_ in argument_words()["impact_preps"]}
        for child in verb.children:
            if child.i in through:
                hit = next((g for g in child.children if g.dep_ == "pobj"), None)
                if hit is not None and self.ctx.label(hit) in PLACE_TYPES - {"Facility"}:
                    self.add("place", hit)
                else:
                    self.add(self.etype.object_role, hit)
        self._preps(verb, places_only=True, skip=through)

    def _weapon(self, weapon: Token) -> None:
        """A bombing named by its weapon ("a car bomb killed two guards", "threw a grenade at the
        house") takes its arguments from the verb the weapon hangs on: who threw, planted or
        placed it acts ("rebels threw a grenade", "a bomb planted by the Front"), what it was
        thrown at is the target, and the throwing verb's place phrase is the bombing's place.
        The people a bomb kills are the victims of the killing it causes, not the bombing's
        targets, and where they died is the killing's place: a headline's "Car bomb kills 12 at
        Kesh market" would otherwise be the bombing's one place, and a merged story's places
        ("near a market in Kesh") would be dropped. What it destroys is read as for any bombing noun."""
        held = explosive_holder(weapon)  # "a stick of dynamite was hurled", "explosive devices were placed"
        for clause in held.children:
            if clause.dep_ in ("acl", "relcl"):  # "a grenade thrown by rebels", "a bomb that was planted by the Front"
                for child in clause.children:
                    if child.dep_ == "agent":
                        self.add(self.etype.subject_role, next((g for g in child.children if g.dep_ == "pobj"), None))
        verb = held.head
        if held.dep_ == "pobj" and verb.dep_ == "agent":
            verb = verb.head  # "two guards were killed by a bomb"
        elif held.dep_ not in ("nsubj", "dobj", "nsubjpass"):
            return
        if verb.pos_ != "VERB":
            return
        aimed_at: set[int] = set()
        if held.dep_ in ("dobj", "nsubjpass") and sets_explosive(verb):
            # the parse may hang "into the camp" on "packed" of "drove a truck packed with explosives into the camp"
            carried = (g for c in held.children if c.dep_ == "acl" for g in c.children if g.dep_ == "prep")
            for child in [*verb.children, *carried]:
                if child.dep_ == "nsubj" and child.lower_ not in syntax()["relative_pronouns"]:
                    self.add(self.etype.subject_role, child)  # "rebels threw a grenade"
                elif child.dep_ == "agent":  # "a grenade was hurled by rebels"
                    self.add(self.etype.subject_role, next((g for g in child.children if g.dep_ == "pobj"), None))
                elif child.dep_ == "prep" and child.lower_ in argument_words()["aim_preps"]:
                    aimed = next((g for g in child.children if g.dep_ == "pobj"), None)
                    aimed_at.add(child.i)
                    if aimed is not None and _thoroughfare(aimed):
                        self.add("place", aimed)  # "thrown onto the highway": where, not what
                    else:
                        self.add(self.etype.object_role, aimed)  # "at the house", "against the station"
            if not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
                self._borrowed_subject(verb, self.etype.subject_role)  # "rebels entered the town and threw ..."
            self._preps(verb, places_only=True, skip=aimed_at)

    def _adjective(self, adjective: Token) -> None:
        """'five people were dead', 'dead soldiers', 'left five dead'."""
        role = self.etype.object_role
        number = next((c for c in adjective.children if c.dep_ == "nummod"), None)
        if number is not None and _counts(number):
            # "the attack left 12 dead", "inflicted 1,902 dead": how many died, not who (nor the verb's subject)
            self.count = self.count or parse_count(number)
            return
        if adjective.dep_ == "amod":
            victim = adjective.head
        elif adjective.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
            verb = adjective.head
            victim = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
            if victim is not None and victim.dep_ != "dobj" and any(c.dep_ == "dobj" for c in verb.children):
                victim = next(c for c in verb.children if c.dep_ == "dobj")
        elif adjective.dep_ == "pcomp" and adjective.head.lower_ == "with":
            victim = next((c for c in adjective.children if c.dep_ == "nsubj"), None)  # "with dozens wounded"
        else:
            victim = next((c for c in adjective.children if c.dep_ == "npadvmod"), None)
        if victim is not None:
            self.add(role, victim)
            self.count = self.count or (parse_count(victim) if victim.like_num else _count_of(victim))

    def _preps(self, token: Token, places_only: bool = False, skip: set[int] | frozenset[int] = frozenset()) -> None:
        words = syntax()
        name = self.etype.name
        for child in token.children:
            if child.dep_ not in ("prep", "agent") or child.i in skip:
                continue
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            prep = child.lower_
            if prep == "on" and _thoroughfare(obj):
                self.add("place", obj)  # "on a busy street", "on the Kesh highway": where, not what
                continue
            is_place = self.ctx.label(obj) in PLACE_TYPES or (obj.i not in self.ctx.mention_at and _place_word(obj))
            if (
                prep in argument_words()["struck_preps"]
                and is_subclass(name, "Bombing")
                and (not places_only or token.pos_ in ("VERB", "AUX"))
                and self._building(obj)
            ):
                self.add("target", obj)  # "a bomb exploded outside the bank": where it went off is what it hit
            if prep in words["place_preps"] | self.etype.place_preps and is_place:
                self.add("place", obj)
                if obj.i not in self.ctx.mention_at:
                    # "near a market in Mosul": the named place the place word is in, too
                    for inner in obj.subtree:
                        # after the place word: "a market in Mosul", not the name in "the Orvo bus station"
                        if inner.i > obj.i and self.ctx.label(inner) in PLACE_TYPES:
                            self.add("place", inner)
                            break
                if not (prep == "at" and self.etype.object_role == "target" and self.ctx.label(obj) == "Facility"):
                    continue
            if places_only:
                continue
            if prep in words["agent_preps"] and token.pos_ != "VERB":
                self.add(self.etype.subject_role, obj)
            elif prep == "of" and token.pos_ in ("NOUN", "PROPN"):
                self.add(self.etype.of_role, obj)
                self.count = self.count or _count_of(obj)
            elif prep in words["participant_preps"] and name == "Meeting":
                self.add("participant", obj)
            elif prep in words["target_preps"] and self.etype.object_role == "target":
                if prep == "at" and is_place and self.ctx.label(obj) != "Facility":
                    continue
                self.add("target", obj)
            elif prep in self._phrase_target_preps():
                self.add("target", obj)  # "set fire to the club"

    def _phrase_target_preps(self) -> set[str]:
        """The prepositions whose object a phrase trigger acts on (``phrase_target_preps``: "set
        fire to the club")."""
        if self.trigger.kind != "phrase":
            return set()
        phrase = " ".join(t.lemma_.lower() for t in self.trigger.tokens)
        return set(syntax()["phrase_target_preps"].get(phrase, ()))

    def _building(self, token: Token) -> bool:
        """A structure an explosion damages: a facility, or a building word not naming a place
        or a person ("the bank", "the Kesh National Bank", not "Brano" nor "the town")."""
        label = self.ctx.label(token)
        if label == "Facility":
            return True
        return label in (None, "Organization") and token.lemma_.lower() in argument_words()["building_nouns"]

    def _place_fallback(self) -> None:
        """No place of its own: the place phrase of one of its arguments ("attacked a hotel in
        Mogadishu", "by the rebels near Kandahar"), else the place a 'where' clause hangs on
        ("provinces where attacks are common", "the station, where six were killed"). The
        nearest place of the sentence is no guess at all: on the WikiEvents tune half it was
        the event's place 5 times in 33 (0 in 22 on the check half)."""
        if any(a.role == "place" for a in self.args):
            return
        for token in self.arg_tokens:
            self._preps(token, places_only=True)
        if any(a.role == "place" for a in self.args):
            return
        head = self.trigger.head
        for ancestor in [head, *head.ancestors]:
            if ancestor.dep_ == "relcl" and any(c.lower_ == "where" for c in ancestor.children):
                noun = ancestor.head
                if self.ctx.label(noun) in PLACE_TYPES or (noun.i not in self.ctx.mention_at and _place_word(noun)):
                    self.add("place", noun)
                    return
                clause = {t.i for t in ancestor.subtree}
                places = [t for t in noun.subtree if t.i not in clause and self.ctx.label(t) in PLACE_TYPES]
                for token in places:
                    self.add("place", token)
                return


def ransom_demanders(doc: Doc, coreference: Coreference | None = None) -> list[tuple[int, Argument]]:
    """(sentence number, agent) of each ransom demand of the document ("the rebels are demanding
    a ransom", "the kidnappers asked for ransom payments"): whoever demands a ransom holds the
    captives, so is the agent of a kidnapping the text tells without one. The demander is read
    as a kidnapping's subject is (a description such as "the militants" resolved to the
    organization it stands for, a pronoun dropped, a thing never an agent).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Traders are kidnapped often. The Vale Front is demanding a ransom.")
    >>> [(n, a.span.text) for n, a in ransom_demanders(doc)]
    [(1, 'Vale Front')]
    """
    words = syntax()
    demanders: list[tuple[int, Argument]] = []
    ransoms = lemma_tokens(doc, words["ransom_nouns"])
    if not ransoms:
        return demanders
    coreference = coreference or Coreference(doc)
    mention_at = mention_index(doc, coreference.mentions)
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    for ransom in ransoms:
        noun = ransom.head if ransom.dep_ == "compound" else ransom  # "ransom payments"
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "asked for a ransom"
        if noun.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in words["demand_verbs"]:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in ("xcomp", "conj"):
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        number = bisect_right(starts, verb.i) - 1
        trigger = Trigger([verb], "Kidnapping", verb, "verb")
        ctx = SentenceContext(doc, sentences[number], mention_at, [trigger], coreference=coreference)
        reader = ArgumentReader(trigger, event_types()["Kidnapping"], ctx)
        reader.add("agent", subject)
        demanders += [(number, arg) for arg in reader.args if arg.role == "agent"]
    name_by_first_mention(doc, (arg for _, arg in demanders))
    return demanders


def lemma_tokens(doc: Doc, lemmas: Collection[str]) -> list[Token]:
    """The words of ``doc`` whose lower-cased lemma is one of ``lemmas``, in order. The lemma
    array is read once and each distinct lemma looked up once: a walk over the document would
    make a Token object of every word."""
    strings = doc.vocab.strings
    hashes = doc.to_array(LEMMA).tolist()
    wanted = {h for h in set(hashes) if strings[h].lower() in lemmas}
    return [doc[i] for i, h in enumerate(hashes) if h in wanted] if wanted else []


def mention_index(doc: Doc, mentions: Iterable[Span] | None = None) -> dict[int, tuple[int, Span]]:
    """Token index -> (mention index, mention) of the document's entity mentions (``kg_mentions``;
    ``mentions``: those spans as the caller has read them, e.g. :attr:`Coreference.mentions`: each
    read of the span group makes every Span again)."""
    mention_at = {}
    for index, span in enumerate(doc.spans["kg_mentions"] if mentions is None else mentions):
        for i in range(span.start, span.end):  # indices, not Token objects
            mention_at[i] = (index, span)
    return mention_at


def name_by_first_mention(doc: Doc, arguments: Iterable[Argument]) -> None:
    """Make each argument name its entity by the entity's first mention ("m6" -> "m0").

    Two mentions of one entity (a person named in the headline and again in the story) must be one
    filler when arguments are compared and events merged; the pipeline maps either index to the
    same entity key. The argument's words stay where they were read."""
    entity_of = doc._.kg_mention_entity or []
    first: dict[str, int] = {}
    for index, key in enumerate(entity_of):
        first.setdefault(key, index)
    for arg in arguments:
        if arg.entity and arg.entity.startswith("m") and int(arg.entity[1:]) < len(entity_of):
            arg.entity = f"m{first[entity_of[int(arg.entity[1:])]]}"


@lru_cache(maxsize=1)
def argument_words() -> dict[str, frozenset[str]]:
    """The words of ``argument_syntax.json`` (which word of a phrase an argument is), as sets."""
    data = load_lexicon("argument_syntax.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns that name people or groups: the triggers' :func:`~kg.extract.triggers.people_nouns`
    (PETRARCH2's agents, everyday nouns of people, military nouns), the group nouns of
    coreference, organization heads and group cues, and the heads of titles."""
    words = set(people_nouns())
    words |= set(load_lexicon("coreference.json")["group_nouns"])
    cues = load_lexicon("organization_cues.json")
    words |= set(cues["heads"]) | set(cues["group_cues"])
    words |= {h.split()[-1] for h in load_lexicon("titles.json")["heads"]}
    return frozenset(words)


def names_people(token: Token) -> bool:
    """Whether a common noun names people or a group ("gunmen", "the police", "two officers",
    "the minister"), not a thing or an idea ("the plan", "capacity").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The gunmen and the plan.")
    >>> names_people(doc[1]), names_people(doc[4])
    (True, False)
    """
    nouns = _people_nouns()
    return token.lemma_.lower() in nouns or token.lower_ in nouns


def _clean(arg: Argument) -> Argument | None:
    """Plain words that name someone or something: no punctuation at either end, no line break
    (a dateline or a heading run into the sentence)."""
    text = arg.span.text
    if not text or "\n" in text or not text[0].isalnum() or not (text[-1].isalnum() or text[-1] == "."):
        return None
    return arg


# Modifiers that tell whose a weapon is: "Iraqi artillery", "the Front's bombs".
OWNER_DEPS = ("compound", "amod", "nmod", "poss")


@lru_cache(maxsize=1)
def _violent_verbs() -> frozenset[str]:
    """Verbs of attacking and hurting (event_types.json, and PETRARCH2's verbs of those classes)."""
    types = load_lexicon("event_types.json")
    verbs = {v for name in ("Attack", "Injury") for v in types[name]["verbs"]}
    return frozenset(verbs | {v for v, (name, _) in cameo_verbs().items() if name in ("Attack", "Injury")})


def _violent_verb(verb: Token) -> bool:
    """A headline's verb of violence the parse hangs "to death" on, where it is no event of its
    own ("Judge stabbed to death": the participle modifies the judge, the sentence's root). Inside
    a sentence such a participle is a misreading ("A vendor stabbed to death a judge")."""
    headline = verb.dep_ == "ROOT" or verb.dep_ == "acl" and verb.head.dep_ == "ROOT"
    return headline and verb.pos_ == "VERB" and verb.lemma_.lower() in _violent_verbs()


def _shifted_object(verb: Token) -> Token | None:
    """The object a violent verb put after its "to death" ("A vendor stabbed to death a judge"),
    which the parse reads as a clause of its own: the object a noun with the verb's subject as
    its subject, the verb a participle on that subject. None for any other parse ("a judge
    stabbed to death in court": the participle's noun is its victim)."""
    doer = verb.head
    if verb.dep_ != "acl" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _violent_verbs():
        return None
    if doer.dep_ != "nsubj" or doer.head.pos_ not in ("NOUN", "PROPN") or doer.head.i < verb.i:
        return None
    return doer.head


def _owner(token: Token, ctx: SentenceContext) -> Token | None:
    """The country, group or person a weapon belongs to, named in its modifiers ("Iraqi
    artillery", "the Front's bombs", "Hizbollah fire"); not a country before a place word
    ("Algeria restaurant bomb": where it went off)."""
    return next(
        (
            c
            for c in token.children
            if c.dep_ in OWNER_DEPS and ctx.label(c) in ACTOR_TYPES and not _names_place_word(c, token)
        ),
        None,
    )


def _of_phrases(noun: Token) -> list[Token]:
    """The objects of a noun's of-phrases."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _joined(token: Token, head: Token) -> bool:
    """A word inside a noun phrase between its modifiers: a hyphen joining two words ("far-right"),
    or a word of the phrase that is no punctuation (a possessor: "the Authority's cabinet")."""
    if token.text in "-–" and not token.whitespace_ and not token.nbor(-1).whitespace_:
        return True
    return not token.is_punct and head in token.ancestors


def _adjacent(words: list[Token]) -> list[Token]:
    """The words of an argument that run up to its head without a gap: the parse may hang a
    modifier across punctuation ("Iraq time ( 0050 GMT ) Iraqi forces": "Iraqi forces"). A number
    cut off by a spaced dash stands for the people it counts: a headline's source tag after a
    dash is no argument ("kills seven - newspaper": "seven").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Bomb kills seven - newspaper .")
    >>> [t.text for t in _adjacent([doc[2], doc[4]])]
    ['seven']
    """
    words = sorted(words, key=lambda t: t.i)
    head = words[-1]
    kept = [head]
    for word in reversed(words[:-1]):
        gap = head.doc[word.i + 1 : kept[0].i] if word.i + 1 < kept[0].i else ()  # most words are next to it
        if all(_joined(t, head) for t in gap):
            kept[:0] = [word, *gap]  # "far-right", "the Vale Authority's cabinet": one phrase
        else:
            if len(gap) == 1 and gap[0].text in SPACED_DASHES and gap[0].whitespace_ and word.like_num:
                return _adjacent([w for w in words if w.i <= word.i])
            break
    return kept


def _counted_object(child: Token) -> Token | None:
    """The object the parse hung under a preposition of quantity: "detaining over 260 members",
    "arrested about 30 people" (the words before a number, read as a preposition)."""
    if child.dep_ != "prep" or child.lower_ not in argument_words()["quantity_preps"]:
        return None
    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in NOT_ARGUMENTS:
        return None  # "stabbed over a $7 fine", "jailed over 20 years"
    counted = obj.like_num or any(c.dep_ == "nummod" and c.ent_type_ not in NOT_ARGUMENTS for c in obj.children)
    return obj if counted else None


def _included(token: Token, ctx: SentenceContext) -> list[Token]:
    """The named people, groups or places an inclusion phrase of ``token`` names ("12 people,
    including Tomas Vell", "including the mayor, Tomas Vell"; the parse may hang the phrase on
    the verb): they stand
    with it. A part counted without a name ("three people, including two guards") is no one
    more: it would only tell the same people twice, and join happenings told apart by it."""
    return [
        member
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in argument_words()["inclusion_preps"]
        for g in c.children
        if g.dep_ == "pobj"
        for member in (g, *g.conjuncts)
        if member.i in ctx.mention_at or any(a.dep_ == "appos" and a.i in ctx.mention_at for a in member.children)
    ]


def _named_place(token: Token, ctx: SentenceContext) -> Token | None:
    """The named place a settlement noun stands for: "the city of Kesh", "the town of Uyo"."""
    if token.lemma_.lower() not in settlement_nouns():
        return None
    return next((g for g in _of_phrases(token) if ctx.label(g) in ("Place", "Country")), None)


@lru_cache(maxsize=1)
def settlement_nouns() -> frozenset[str]:
    """Nouns of a settlement or an area a name follows after "of" (places.json)."""
    return frozenset(load_lexicon("places.json")["place_nouns_before_of"])


def _names_place_word(country: Token, noun: Token) -> bool:
    """A country named by its name (not a demonym) before a place word in an event noun's
    compounds: "Algeria restaurant bomb", "Pakistan market blast" tell where it happened."""
    if country.tag_ not in ("NNP", "NNPS") or country.ent_type_ == "NORP":
        return False
    return any(c.dep_ == "compound" and country.i < c.i < noun.i and _place_word(c) for c in noun.children)


def _passive(verb: Token) -> bool:
    """A passive verb: with a passive auxiliary ("was shot"), or a bare past participle ("left him injured")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def _names_actor(appos: Token, label: str | None) -> bool:
    """Whether an apposition, a mention of class ``label``, names who its noun is ("the
    driver, Ali Khan"): an actor mention, not a nationality with an article ("the workers, a
    Danish and a Kenyan national").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The workers, a Danish and a Kenyan national, were abducted.")
    >>> _names_actor(doc[4], "Country"), _names_actor(doc[4], "Person")
    (False, True)
    """
    if label not in ACTOR_TYPES:
        return False
    return not (label == "Country" and any(c.dep_ == "det" for c in appos.children))


def _misread_noun(token: Token) -> bool:
    """A plural noun the tagger read as a verb where the parse has it as a subject or object
    ("met European Union envoys": "envoys" tagged VBZ): no verb of its own hangs on it. Taken
    as an argument only when it names people (:func:`names_people`).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Reed met European Union envoys in Brano on Monday.")
    >>> _misread_noun(doc[4]), _misread_noun(doc[1])
    (True, False)
    """
    return (
        token.tag_ in ("VBZ", "VBP")
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "mark") for c in token.children)
    )


def _clause_subject(verb: Token) -> Token | None:
    """The subject a verb without one takes from the clause around it: a participle after a
    preposition acts as the clause's subject does ("fighters took the town after attacking
    the station", "after storming the post, rebels killed two guards"); and a verb whose
    subject the parse gave to a participle set off before it ("the gunmen, believed to belong
    to the Front, kidnapped the mayor") takes it back.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Fighters took Kesh on Monday after attacking the police station.")
    >>> _clause_subject(doc[6]).text
    'Fighters'
    """
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        clause = verb.head.head
        if clause.pos_ in ("VERB", "AUX"):
            return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    before = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBD") and c.i < verb.i]
    if verb.dep_ == "dep" and verb.head.tag_ in ("VBN", "VBD") and verb.head.i < verb.i:
        before.append(verb.head)  # the same misreading, the other way round
    for clause in before:
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i < clause.i:
            return subject
    return None


def _gapped_passive(verb: Token) -> bool:
    """A past participle joined to a passive verb whose auxiliary it shares ("five were killed
    and eight wounded"): its subject is acted upon, as the parser reads it as an active one.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Five were killed and eight others wounded. Gunmen stormed a bank and killed two.")
    >>> _gapped_passive(doc[6]), _gapped_passive(doc[13])
    (True, False)
    """
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return True  # "six were killed, with two others injured"
    return verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children)


def _passive_small_clause(verb: Token, object_role: str | None) -> bool:
    """A small clause's participle (:func:`is_small_clause_participle`: "police found the mayor
    murdered", "ordered the mayor killed") of a verb done to a victim or a target: its subject is
    acted upon, as the parser reads it as the doer. Not a verb that takes no object ("said five
    soldiers died").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Police found the mayor murdered. Police said gunmen killed two guards.")
    >>> _passive_small_clause(doc[4], "victim"), _passive_small_clause(doc[10], "victim")
    (True, False)
    """
    return (
        object_role in ("victim", "target")
        and verb.lemma_.lower() not in argument_words()["intransitive_verbs"]
        and is_small_clause_participle(verb)
    )


def _held_without_object(verb: Token, trigger: Trigger) -> bool:
    """A kidnapping phrase whose only object is its own bare word ("hold hostage", "take captive")
    with a subject and no auxiliary: a passive without "be" ("A British aid worker, held hostage
    in Chechnya, said ..."), since holding someone hostage needs the one held as an object
    ("gunmen held him hostage").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("A British aid worker, held hostage in Chechnya for four weeks, said he was well.")
    >>> [(e.type, [(a.role, a.span.text) for a in e.arguments][:1]) for e in doc._.kg_events][0]
    ('Kidnapping', [('victim', 'British aid worker')])
    """
    if trigger.kind != "phrase" or trigger.name != "Kidnapping" or verb.tag_ not in ("VBN", "VBD"):
        return False
    words = {t.i for t in trigger.tokens}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # the bare singular of the phrase ("held hostage"), not people taken ("took hostages", "took a hostage")
    bare = all(
        o.i in words and o.tag_ == "NN" and not any(c.dep_ in ("det", "nummod") for c in o.children) for o in objects
    )
    return bool(objects) and bare and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _headline_passive(verb: Token, object_role: str | None) -> bool:
    """A headline's participle without its auxiliary ("Farmer killed near Kesh", "Journalist
    kidnapped in Kesh", "Ten people gunned down in Kesh"): headlines drop the passive's "was", and
    the parser reads the past form as active, its noun as the doer. The past form heading the
    headline, or on its head noun, with neither object nor auxiliary, of a verb done to a victim
    or a target ("Bomb exploded" stays active: it takes no object).

    >>> from kg.extract.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> texts = ("Farmer killed near Kesh\\nText.", "Farmer killed ten\\nText.")
    >>> [_headline_passive(nlp(text)[1], "victim") for text in texts]
    [True, False]
    """
    return (
        object_role in ("victim", "target")
        and verb.lemma_.lower() not in argument_words()["intransitive_verbs"]
        and verb.tag_ in ("VBD", "VBN")
        and (verb.dep_ == "ROOT" or verb.dep_ == "acl" and verb.head.dep_ == "ROOT")
        and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
        and is_headline(verb.sent)
    )


def _group_of(token: Token, ctx: SentenceContext) -> Token | None:
    """The organization members or units of it belong to: "members of the Vale Front", "a cell
    of the Front", or one compounded before them; None for other words and for members of no
    named organization ("members of a gang")."""
    if token.lemma_.lower() not in argument_words()["member_nouns"]:
        return None
    for child in token.children:
        if child.dep_ in ("compound", "nmod") and ctx.label(child) == "Organization":
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            group = next((g for g in child.children if g.dep_ == "pobj"), None)
            if group is not None and ctx.label(group) == "Organization":
                return group
    return None


def _hit_vehicle(token: Token, trigger: Token) -> bool:
    """A vehicle the bombing hit or a bomb was thrown at ("the blast hit a truck", "threw a
    grenade at a car"), not one that carried it ("detonated a car packed with explosives")."""
    return token.lemma_.lower() in argument_words()["vehicle_nouns"] and token.head != trigger


def _whole(token: Token) -> Token:
    """The thing a part, side or surrounding of it stands for ("the windows of the consulate",
    "the entrance to the building", "on the sixth floor of the hotel"), else the word itself. Only
    for what an argument names: where a phrase is a place or a building is read from its own word
    ("in front of the bank" names no place; taken as the bank it split MUC-4 train bombings told
    as one, see benchmarks/README.md).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("It damaged the windows of the consulate and the school.")
    >>> _whole(doc[3]).text, _whole(doc[9]).text
    ('consulate', 'school')
    """
    if (
        token.lemma_.lower() not in argument_words()["part_nouns"]
        and token.lower_ not in argument_words()["part_nouns"]
    ):
        return token
    whole = next(
        (
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("of", "to")
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    return token if whole is None else whole


def _thoroughfare(token: Token) -> bool:
    """A street, road or highway: "on a busy street" is where, not what was attacked."""
    return token.lemma_.lower() in syntax()["thoroughfare_nouns"]


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject of ``verb``, or for a relative clause the noun it modifies ("the
    window, which was damaged by the blast")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in syntax()["relative_pronouns"]:
        return verb.head if verb.dep_ == "relcl" else None
    return subject


def _place_word(token: Token) -> bool:
    """A common noun of a place ("the market", "the bus station")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in syntax()["place_nouns"]


def _count_of(token: Token) -> int | None:
    """The number that counts a noun ("134 attacks", "12 people")."""
    for child in token.children:
        if child.dep_ == "nummod" and _counts(child):
            return parse_count(child)
    return None


def _counts(number: Token) -> bool:
    """Whether a number on a noun counts it: not a date, nor a year that names which one ("the
    1991 Gulf War", "the 1996 attack"), however the tagger labels it."""
    return number.ent_type_ != "DATE" and not YEAR.fullmatch(number.text)


def _of_war(date: Token, war: Token) -> bool:
    """Whether a date is a war's own: in its words ("the 1991 Gulf War", "the war, begun in
    1994"), or on one of the ``war_phase_verbs`` it is the subject of ("the war began in 1988",
    "the conflict ended in 1996"; not "the conflict paved the way to elections in 1991"), not
    on a clause below that verb."""
    if war.left_edge.i <= date.i <= war.right_edge.i:
        return True
    if war.dep_ not in ("nsubj", "nsubjpass") or war.head.lemma_.lower() not in syntax()["war_phase_verbs"]:
        return False
    token = date
    while token.head != token:
        if token.dep_ in CLAUSE_DEPS:
            return False  # a clause of its own between the date and the verb
        if token.head == war.head:
            return True
        token = token.head
    return False


def event_time(trigger: Trigger, ctx: SentenceContext, published: str | None) -> tuple[str | None, str | None]:
    """(normalized time, time as written) of the DATE closest to the trigger in the parse,
    skipping dates that belong to another event of the sentence."""
    head = trigger.head
    # A war's time is only a date of its own (:func:`_of_war`), never that of the clause it is
    # named in ("in 1993 freed a man held since the war").
    whole = trigger.kind == "noun" and trigger.name == "MilitaryOperation" and is_war(head)
    own: list[tuple[int, Span]] = []
    for ent in ctx.dates:
        root = ent.root  # read once: Span.root walks the entity's words
        if whole and not _of_war(root, head):
            continue
        if (root.dep_ == "pobj" and root.head.lower_ in _span_preps()) or _in_span_clause(root, head):
            continue  # "the deadliest since March 2024": when a span began, not when this happened
        owner = event_owner(root, ctx)
        if owner is None and any(t.lower_ in _span_preps() for t in head.doc[head.i + 1 : ent.start]):
            continue  # "the first meeting since talks broke down in November 2024", however it is parsed
        if owner is None and _in_clause_without(root, head):
            continue  # "Arafat, who made a deal in 1993, says ... once the occupation has ended"
        if owner is None or owner == ctx.trigger_at.get(head.i):
            own.append((0 if owner is not None else 1, ent))
    own.sort(key=lambda p: (p[0], abs(p[1].start - head.i)))
    for _, ent in own:
        value = normalize_time(ent.text, published)
        if value:
            return value, ent.text
    return None, None


def _in_clause_without(token: Token, trigger_head: Token) -> bool:
    """Whether ``token`` is inside a clause hung on a noun (a relative clause or participle:
    "Arafat, who made a deal in 1993, ...") that does not hold the trigger: its date is that
    clause's, not the event's."""
    return any(
        ancestor.dep_ in ("relcl", "acl") and trigger_head not in ancestor.subtree for ancestor in token.ancestors
    )


def _in_span_clause(token: Token, trigger_head: Token) -> bool:
    """Whether ``token`` is inside a clause opened by a span word ("the first meeting since talks
    broke down in November 2024"): the clause tells when a span began, not when the event was."""
    for ancestor in token.ancestors:
        if ancestor == trigger_head:
            return False
        if ancestor.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in _span_preps() for c in ancestor.children
        ):
            return True
    return False


# The owner of a date or place told of an utterance ("in a statement on Sunday"): no event's.
UTTERED = -1


@lru_cache(maxsize=1)
def _span_preps() -> frozenset[str]:
    return frozenset(load_lexicon("modality.json")["span_preps"])


def event_owner(token: Token, ctx: SentenceContext) -> int | None:
    """The trigger a date or place hangs on: the first trigger above it in the parse, or the
    trigger that is the subject or object of a verb above it ("a bombing targeted ... in 2017")."""
    if token.i in ctx.trigger_at:
        return ctx.trigger_at[token.i]
    if after_utterance_phrase(token):
        return UTTERED
    for ancestor in token.ancestors:
        if ancestor.i in ctx.trigger_at:
            return ctx.trigger_at[ancestor.i]
        if ancestor.dep_ in ("relcl", "acl") and ancestor.head.i not in ctx.trigger_at:
            # "Police, who arrived in March, arrested ...": a clause on a noun that is no event
            # keeps its date; "the attack, which took place in March" gives it to the attack.
            return None
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in syntax()["utterance_nouns"]:
            return UTTERED  # "claimed the attack in a message on Sunday": the message's date, whatever it hangs on
        lemma = ancestor.lemma_.lower()
        if lemma in syntax()["effect_verbs"] | syntax()["light_verbs"]:
            for child in ancestor.children:
                if child.dep_ in ("nsubj", "dobj", "nsubjpass") and child.i in ctx.trigger_at:
                    return ctx.trigger_at[child.i]
    return None


def after_utterance_phrase(token: Token) -> bool:
    """A phrase told right after one naming an utterance, on the same word: "claimed the attack in
    an audio message on Sunday" (the parse hangs "on Sunday" on "attack", beside "in a message"):
    the date is the message's, as when the parse hangs it on "message"."""
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep":
        return False
    before = [c for c in prep.head.children if c.dep_ == "prep" and c.i < prep.i]
    if not before or before[-1].lower_ != "in" or before[-1].right_edge.i + 1 != prep.i:
        return False
    return any(g.dep_ == "pobj" and g.lemma_.lower() in syntax()["utterance_nouns"] for g in before[-1].children)


def is_attribution(trigger: Trigger) -> bool:
    """A statement noun that only names the source of reported words: "the police said in a
    statement", "the group claimed the attack in a statement", "the statement said"; a
    statement verb that only introduces them, as "said" does: "the ministry announced that
    ...", "'we are safe,' he declared"."""
    head = trigger.head
    if trigger.kind == "verb":
        return any(c.dep_ == "ccomp" for c in head.children)
    if trigger.kind != "noun":
        return False
    reporting = syntax()["reporting_verbs"]
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in reporting:
        return True
    # "said / claimed the attack / denied it in a statement": the statement is the medium of what
    # the verb tells, which that verb's own event or statement carries.
    return head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.pos_ in ("VERB", "AUX")
