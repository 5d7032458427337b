"""Modality and negation of an event: asserted, ``negated``, ``future`` or ``hypothetical``;
``aggregate`` when one mention tells many happenings at once ("attacks on army posts", "13,000
people have died since 1980", "rebels often attack convoys"); or not there at all ("no group
claimed responsibility"). An event told as an aim, an order or an offer ("sent pilots to bomb
the capital") is ``hypothetical``.

Read from the trigger's own negation and auxiliaries, those of the verb a noun trigger is
the object of, and the verbs its clause hangs on; the words are in ``lexicons/modality.json``.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Rebels may attack Goma.")
>>> [e.modality for e in doc._.kg_events]
['hypothetical']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, islice

from spacy.tokens import Token

from kg.extract.doc_text import sentence_bounds
from kg.extract.lexicon import load_lexicon, word_list
from kg.extract.triggers import (
    Trigger,
    claimed_event_noun,
    event_types,
    explosive_holder,
    is_attributive_participle,
    is_plural_only,
    is_small_clause_participle,
    is_weapon,
    object_controller,
    people_nouns,
    syntax,
)

# What may stand after a sentence's question mark besides closing quotes (lexicons/modality.json).
SPACE = " \t\n"


@lru_cache(maxsize=1)
def _modality_words() -> dict[str, set]:
    return {
        k: {tuple(w) if isinstance(w, list) else w for w in v}
        for k, v in load_lexicon("modality.json").items()
        if not k.startswith("_") and isinstance(v, list)
    }


def _definite_determiners() -> frozenset[str]:
    """'the', 'this', 'that' ...: the determiners coreference reads definite descriptions by."""
    return word_list("coreference.json", "definite_determiners")


def is_absent(trigger: Trigger) -> bool:
    """Whether the text says there was no such event at all: a "no" on the trigger noun or on
    the subject of its clause ("no claim of responsibility was made", "no group claimed
    responsibility", "no injuries were reported", "nobody was hurt"). Such an event is not made; a denied or
    negated one ("denied that guerrillas attacked", "did not attack") is, marked ``negated``.

    >>> from kg.extract.pipeline import load_pipeline
    >>> sent = next(load_pipeline()("No group claimed responsibility.").sents)
    >>> from kg.extract.triggers import find_triggers
    >>> [is_absent(t) for t in find_triggers(sent, {})]
    [True]
    """
    determiners = _modality_words()["negating_subject_determiners"]
    head = trigger.head
    if any(c.dep_ == "det" and c.lower_ in determiners for c in head.children):
        return True
    if _claimed(head):
        return False  # "no group has claimed the bombing": no claim, but a bombing
    clause = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "nsubj") else head
    for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        if any(d.dep_ == "det" and d.lower_ in determiners for d in subject.children):
            return True
        if subject.lower_ in _modality_words()["negating_subjects"]:
            return True  # "nobody was hurt", "none of the guards were injured"
    return False


def is_threatened(trigger: Trigger) -> bool:
    """Whether the event is only what a threat says will be done: the verb of its to-clause
    ("threatened to blow it up", "threatened to kill the hostages and burn the house", "the
    threat to kill them"). The threat is the event; what it threatens did not happen, and is
    not made (a warning that something would happen keeps its event, marked hypothetical).

    >>> from kg.extract.pipeline import load_pipeline
    >>> sent = next(load_pipeline()("The gunmen threatened to kill the guards.").sents)
    >>> from kg.extract.triggers import find_triggers
    >>> [(t.name, is_threatened(t)) for t in find_triggers(sent, {})]
    [('Threat', False), ('Killing', True)]
    """
    verb = trigger.head
    if verb.pos_ != "VERB":
        return False
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "threatened to kill X and burn Y": the first verb of the list
    if verb.dep_ not in ("xcomp", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() in _modality_words()["threat_heads"]


def _claimed(head: Token) -> bool:
    """Whether an event noun is what a claim verb takes ("claimed the bombing", "the attack was
    claimed by"): a happening the claim presupposes, whatever is said of the claim."""
    return (
        head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass") and claimed_event_noun(head.head) == head
    )


AGGREGATE = "aggregate"
PLANNED = ("future", "hypothetical")


def is_planned(value: str | None) -> bool:
    """Whether an event of this modality is only to come or only thought of: ``future`` or ``hypothetical``."""
    return value in PLANNED


def planned_unmade_classes() -> set[str]:
    """The classes whose planned events are not made ('planned_unmade_classes' of modality.json)."""
    return _modality_words()["planned_unmade_classes"]


def is_war(token: Token) -> bool:
    """Whether a noun names a war or an armed conflict (``war_nouns``: "the war", "the 1991 Gulf
    War", "a 13-year conflict"): a whole told over years, in which single happenings are told."""
    return token.lemma_.lower() in _modality_words()["war_nouns"]


def is_factual(value: str | None) -> bool:
    """Whether an event of this modality took place: asserted (None) or ``aggregate`` (many
    happenings told at once are still facts); not a negated, future or hypothetical one.

    >>> is_factual(None), is_factual(AGGREGATE), is_factual("hypothetical")
    (True, True, False)
    """
    return value is None or value == AGGREGATE


def modality(trigger: Trigger) -> str | None:
    """``negated``, ``future`` or ``hypothetical`` from the trigger's own negation and
    auxiliaries, those of the verb a noun trigger (or the first noun of its list) is the
    object of, and the verbs its clause hangs on ("denied that ...", "plans to ..."); a
    question, a condition ("if talks fail") or a demand ("stop the bombing") is
    ``hypothetical``; ``aggregate`` for many happenings told at once (:func:`aggregate`); None
    for one asserted event."""
    words = _modality_words()
    head = explosive_holder(trigger.head) if is_weapon(trigger) else trigger.head  # "placed a charge of dynamite"
    if _is_question(head, _question_trailing()) and not _before_quoted_question(head):
        return "hypothetical"  # a question asserts nothing: "why are our soldiers dying?"
    if head.dep_ in ("pcomp", "pobj") and any(
        c.dep_ == "advmod" and c.lower_ in words["alternative_adverbs"] for c in head.head.children
    ):
        return "negated"  # "instead of bombing the neighborhoods", "rather than an attack": set aside
    if is_attributive_participle(head):
        # "demanded the release of the jailed leader": what the participle tells is done
        return AGGREGATE if aggregate(trigger, [head]) else None
    noun = head.pos_ in ("NOUN", "PROPN")
    if _claimed(head):
        # "no group has claimed the bombing", "the Front did not claim the attack": the claim is
        # denied or missing, the bombing took place
        return AGGREGATE if aggregate(trigger, [head]) else None
    anchor = head
    while noun and anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head  # "stop the repression, kidnapping and torture": as the list's first noun
    clauses = [head]
    # "a threatened bombing assault", "an attempted murder" (after the governors: "foiled the
    # attempted coup" is negated)
    participles = (c for c in head.children if c.dep_ == "amod" and c.tag_ == "VBN")
    aim = noun and any(c.lemma_.lower() in words["unrealised_participles"] for c in participles)
    # "a possible meeting", "the upcoming talks": not told as done
    aim = aim or noun and any(c.dep_ == "amod" and c.lower_ in words["unrealised_adjectives"] for c in head.children)
    trip = None
    if (noun or head.pos_ == "ADJ") and anchor.dep_ in ("dobj", "nsubjpass", "nsubj", "acomp", "attr"):
        clauses.append(anchor.head)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return "negated"
    elif noun and anchor.dep_ == "pobj":
        if _ahead_of(anchor, words):
            return "future"  # "goes to Nablus ahead of the cabinet meeting"
        if (trip := _trip(anchor, words)) is not None:
            clauses.append(trip)  # "would visit Bonn for talks": the trip's purpose, as the trip is told
    controller = clauses[-1]
    while controller.dep_ == "xcomp" and controller.head != controller:
        controller = controller.head  # "neither X nor Y dared to kidnap": the verb whose subject acts
    for clause in {*clauses, controller, *_sharing(head)}:
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            negators = (d for d in subject.children if d.dep_ in ("det", "preconj"))
            if any(d.lower_ in words["negating_subject_determiners"] for d in negators):
                return "negated"  # "no group claimed responsibility", "neither X nor Y dared to kidnap"
    for clause in (*clauses, *_sharing(head)):
        children = list(clause.children)  # read once: each walk of clause.children makes new Tokens
        # "the blast did not cause any damage": what the event did not do, not whether it happened
        denied = not (clause != head and anchor.dep_ == "nsubj" and _acts(clause))
        if denied and any(c.dep_ == "neg" and not _quote_between(c, clause) for c in children):
            return "negated"
        auxes = {c.lemma_.lower() for c in children if c.dep_ in ("aux", "auxpass")}
        if clause != head and _presupposed(anchor, clause, auxes, words):
            auxes = set()  # "would investigate the bombing", "could have been carried out by X"
        if told := _told_by_auxiliary(auxes, words):
            return told
        # "sent pilots to bomb the capital", "ordered them to take hostages"; "to visit Bonn for talks" as the visit
        aim = aim or _aim(clause, words, None if clause is trip else trigger)
    if _conditional(clauses[-1], words) or _imperative(clauses[-1]):
        return "hypothetical"  # "if rebels attack the town", "if talks fail", "stop the bombing"
    governors: Iterable[Token] = _governors(clauses[-1])
    if clauses[-1].dep_ == "relcl" and trigger.name in words["reportive_present_classes"]:
        governors = ()  # "the charges, which her lawyers say are false": the saying is told as done
    if len(clauses) > 1:
        governors = chain([clauses[-1]], governors)  # "planned an attack", "to prevent attacks"
    # "the bombing threatens the peace process", "the attack was intended to cause unrest": the
    # event does the threatening or was meant to do something; the verb tells what of it, not whether
    doer = _does(anchor) if len(clauses) > 1 else None
    any_of = noun and any(c.dep_ == "det" and c.lower_ == "any" for c in head.children)
    spans_of = clauses  # the words whose phrases may tell the event over a span of time (:func:`aggregate`)
    # "the IRA's bombing outrages": a trigger modifying a noun is as definite as that noun
    determined = head.head if head.dep_ == "compound" else head
    definite = noun and any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _definite_determiners() for c in determined.children
    )
    if noun and anchor.dep_ == "pobj" and anchor.head.lower_ == "for":
        accused = anchor.head.head.lemma_.lower() in words["accusing_heads"]
        if accused and not definite:
            return "hypothetical"  # "arrested two men for murder", "jailed for kidnapping": a charge, no told crime
        if accused:
            return AGGREGATE if aggregate(trigger, [head]) else None  # "jailed for the murder of the mayor": done
    in_relative = clauses[-1].dep_ in ("relcl", "acl")
    below = clauses[-1]  # the word of the walk that hangs on ``ancestor`` (a list's first verb: as _governors)
    while below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") and below.head.pos_ in ("VERB", "AUX"):
        below = below.head
    for ancestor in governors:
        lemma = ancestor.lemma_.lower()
        if below.head == ancestor and _told_apart(below, words):
            break  # "Kashmir, where 20,000 people have died", "after bombers killed 59, Vell called for talks"
        if below.head == ancestor and (told := _told_as_its_main_clause(below, ancestor, words)):
            return told  # "troops will withdraw when the rebels attack": the attack is to come too
        if lemma in words["directive_heads"] and below.head == ancestor and is_small_clause_participle(below):
            return "hypothetical"  # "ordered the mayor killed", as "ordered his men to kill the mayor"
        below = ancestor
        if _makes_happen(ancestor, words) and (told := _realised(ancestor, words)):
            return told  # "did not manage to kill the mayor", "will begin attacking": as the head goes
        if ancestor.pos_ == "NOUN" and lemma in words["presupposing_nouns"]:
            break  # "denied responsibility for the attack", "called for an inquiry into the killing"
        if ancestor.pos_ == "VERB" and lemma in words["presupposing_verbs"]:
            break  # "wants to clarify the murder": what is clarified took place
        if lemma in syntax()["naming_verbs"] and any(c.dep_ == "oprd" for c in ancestor.children):
            break  # "Macron called the explosion an attack": what is named took place
        heads = ancestor != doer
        if heads and lemma in words["negating_heads"]:
            return "negated"
        if any_of:
            denier = ancestor.head if ancestor.dep_ == "acomp" else ancestor  # "were not aware of"
            if any(c.dep_ == "neg" for c in (*ancestor.children, *denier.children)):
                return "negated"  # "were not aware of any advance on the city", "did not see any attack"
        never = any(c.dep_ == "neg" and c.lower_ in words["never_words"] for c in ancestor.children)
        if noun and never and not definite:
            return "negated"  # "has never taken on the army in direct combat"; not "never recovered from the attack"
        if heads and definite and lemma in words["role_heads"] and ancestor.tag_ in ("VBD", "VBN"):
            spans_of = [head]  # "planned the attack since May": the planning's time, not the attack's
            break  # "planned the attack", "suspected of the bombing": someone's part in a told event
        if (heads and lemma in words["hypothetical_heads"]) or _conditional(ancestor, words) or _imperative(ancestor):
            return "hypothetical"
        if not in_relative:
            # "to proceed with the bombing"; not "to honour those who were killed"
            aim = aim or _aim(ancestor, words, trigger)
        if ancestor.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "compound", "pcomp"):
            break
    if _under_subjunctive(clauses[-1], words):
        return "hypothetical"  # "suggested that orders be issued to allow shooting": wanted, not done
    if aim:
        return "hypothetical"  # after the governors: "foiled a plot to bomb" is negated
    if aggregate(trigger, spans_of):
        return AGGREGATE
    return None


@lru_cache(maxsize=1)
def _question_trailing() -> str:
    """What may stand after a sentence's question mark: spaces and ``closing_quotes``."""
    return SPACE + "".join(sorted(_modality_words()["closing_quotes"]))


def _is_question(token: Token, trailing: str) -> bool:
    """Whether the text of ``token``'s sentence, without the ``trailing`` characters at its end,
    ends with "?": read from its last words back (``Span.text`` makes a Token of every word of
    the sentence), the sentence's end found without ``Token.sent`` (:func:`sentence_bounds`).

    >>> from kg.extract.pipeline import load_pipeline
    >>> [_is_question(s[0], SPACE + '"') for s in load_pipeline()('Why? He left. "Who did it?"  ').sents]
    [True, False, True]
    """
    doc, tail = token.doc, ""
    start, end = sentence_bounds(doc, token.i)
    for i in range(end - 1, start - 1, -1):
        tail = doc[i].text_with_ws + tail
        if kept := tail.rstrip(trailing):
            return kept.endswith("?")
    return False


def _before_quoted_question(token: Token) -> bool:
    """Whether ``token`` stands before the quote marks that open the question its sentence ends
    with ('Arafat said he replied: "is this like their previous promises?"': the saying is told,
    the quoted words ask): an odd number of quote marks between it and the sentence's end."""
    doc = token.doc
    _, end = sentence_bounds(doc, token.i)
    asked = next((i for i in range(end - 1, token.i, -1) if doc[i].text == "?"), token.i)
    return sum(doc[i].is_quote for i in range(token.i + 1, asked)) % 2 == 1


def _quote_between(a: Token, b: Token) -> bool:
    """Whether a quote mark stands between two words: the parse joined words of a quotation to a
    verb outside it ('" ... ," said Vell, " I never got a chance "': the "never" is the quote's)."""
    low, high = sorted((a.i, b.i))
    return any(a.doc[i].is_quote for i in range(low + 1, high))


def aggregate(trigger: Trigger, clauses: list[Token] | None = None) -> bool:
    """Whether one mention tells many happenings at once: a plural event noun with no article,
    possessor or number ("attacks on army posts", "bombings and shootings": a kind of event or
    a series, not one happening) or with a vague quantifier ("some bombings"); or an event told
    over a span of time ("since 1980", "so far this year", "over the past three years", "in
    recent months") or by a total ("a total of 40 people were killed"): a toll, not one
    happening. ``clauses`` are the trigger and the verb a noun trigger is an argument of.

    >>> from kg.extract.pipeline import load_pipeline
    >>> from kg.extract.triggers import find_triggers
    >>> nlp = load_pipeline()
    >>> def first(text):
    ...     return aggregate(find_triggers(next(nlp(text).sents), {})[0])
    >>> first("More than 9,000 people have died in Vardia since 1981."), first("Two people died in Vardia on Monday.")
    (True, False)
    >>> first("Attacks on army posts are common."), first("The attacks on the army posts began at dawn.")
    (True, False)
    """
    words = _modality_words()
    head = trigger.head
    if clauses is None:
        clauses = [head]
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
            clauses.append(head.head)
    if trigger.kind == "noun" and head.tag_ in ("NNS", "NNPS") and not is_plural_only(head) and not is_weapon(trigger):
        markers = [c for c in head.children if c.dep_ in ("det", "poss", "nummod", "amod", "predet")]
        vague = any(c.lower_ in words["aggregate_quantifiers"] for c in markers)
        if vague or not any(c.dep_ != "amod" for c in markers):
            return True
    elif trigger.kind == "noun" and any(
        c.dep_ == "amod" and c.lower_ in words["aggregate_mass_modifiers"] for c in head.children
    ):
        return True  # "widespread shooting", "sporadic gunfire"
    if _habitual(clauses[0], words) and trigger.name not in words["reportive_present_classes"]:
        return True
    if _repeated(clauses[0], words) and trigger.name not in words["reportive_present_classes"]:
        return True  # "dynamited the pipeline 23 times", "attacked the post twice"; a saying said again is one
    if _war_toll(trigger, clauses, words):
        return True  # "thousands of people have been killed in the war": a war's toll
    targets = event_types()[trigger.name].object_role == "target"
    if trigger.kind != "noun" and _perfect_series(head, words, targets):
        return True
    compared = None  # whether the event is ranked (:func:`_ranked`): read only where a span of time is told
    for clause in clauses:
        for child in clause.children:
            dep, lower = child.dep_, child.lower_
            spans = dep == "prep" and lower in words["span_preps"]
            spans = spans and any(c.dep_ == "pobj" for c in child.children)  # "since 1980"
            if not spans and dep in ("advmod", "prep", "npadvmod"):
                spans = _starts_with(child, words["span_adverbs"])  # "so far", "to date"
            if spans:
                if compared is None:
                    compared = _ranked(head, clauses)
                if not compared:
                    return True
            if dep == "prep" and lower in words["duration_preps"] and _past_span(child, words):
                return True  # "over the past three years"
            if dep == "prep" and lower in words["spread_preps"] and _in_places(child, words):
                return True  # "attacked us in the main cities"
            if dep in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in words["total_nouns"]:
                return True  # "a total of 40 people were killed"
    return False


def _ranked(head: Token, clauses: list[Token]) -> bool:
    """Whether the event is ranked against others by a superlative or an ordinal ("the deadliest
    bombing since 2019 killed 40", "the attack was the worst so far this year", "the first
    bombing since the truce hit a bus"): the span of time is the ranking's, and the event one
    happening. Not a predicate noun ("it was the deadliest attack since 2019"): that one names
    what was told before, and stays out of the document's count.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The attack was the deadliest since 2019.")
    >>> _ranked(doc[1], [doc[1], doc[2]])
    True
    """
    if head.dep_ == "attr":
        return False
    words = [*head.children]
    if head.dep_ in ("nsubj", "nsubjpass"):
        predicates = [c for clause in clauses[1:] for c in clause.children if c.dep_ in ("attr", "acomp")]
        words += predicates + [g for p in predicates for g in p.children]
    return any(w.tag_ == "JJS" or w.ent_type_ == "ORDINAL" for w in words)


def _war_toll(trigger: Trigger, clauses: list[Token], words: dict[str, set]) -> bool:
    """A death or injury of several victims told of a war, a conflict, an insurgency: the war
    noun its subject ("the war has killed 70,000 people", "the conflict has left thousands
    dead") or in a 'war_preps' phrase ("thousands have been killed in the war"); not one
    victim ("a journalist was killed in the war").

    >>> from kg.extract.pipeline import load_pipeline
    >>> from kg.extract.triggers import find_triggers
    >>> nlp = load_pipeline()
    >>> def first(text):
    ...     return aggregate(find_triggers(next(nlp(text).sents), {})[0])
    >>> first("Thousands of people have been killed in the war."), first("A journalist was killed in the war.")
    (True, False)
    """
    if trigger.name not in syntax()["accident_classes"]:
        return False
    war = False
    victims = []
    etype = event_types()[trigger.name]
    for clause in clauses:
        # The subject of the trigger's own verb is who suffers only where the class says so
        # ("two soldiers died"); "rebels killed a judge during the war" names one victim.
        killer = clause == trigger.head and etype.subject_of.get(clause.lemma_.lower(), etype.subject_role) == "agent"
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and child.lemma_.lower() in words["war_nouns"]:
                war = True  # "the war has killed", "the conflict has left thousands dead"
            elif child.dep_ == "prep" and child.lower_ in words["war_preps"]:
                war = war or any(g.dep_ == "pobj" and g.lemma_.lower() in words["war_nouns"] for g in child.children)
            elif child.dep_ in ("nsubjpass", "dobj") or child.dep_ == "nsubj" and not killer:
                victims.append(child)
        victims += [g for p in clause.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    if trigger.head.dep_ == "amod":
        victims.append(trigger.head.head)  # "left 70,000 dead"
    return war and any(_several(v) for v in victims)


def _several(noun: Token) -> bool:
    """A plural noun, a number above one, or a count of people ("thousands of people")."""
    if noun.tag_ in ("NNS", "NNPS") or noun.like_num and noun.lower_ not in ("one", "1"):
        return True
    return any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in noun.children)


def is_toll(event_class: str, victims: int, time: str | None) -> bool:
    """Whether an event of ``event_class`` whose victims number ``victims`` is a toll: deaths,
    injuries or abductions counted in the thousands ('toll_victims') are told of a war, a campaign
    or a period ("100,000 persons who have been murdered", "70,000 deaths"), not of one happening;
    unless the event is dated to its day ("the bombing on 6 May killed 1,200").

    >>> is_toll("Killing", 70000, None), is_toll("Killing", 59, None), is_toll("Killing", 1200, "1995-05-06")
    (True, False, False)
    """
    words = _modality_words()
    if event_class not in words["toll_classes"] or (time is not None and len(time) == len("YYYY-MM-DD")):
        return False
    return victims >= load_lexicon("modality.json")["toll_victims"]


def tells_many(trigger: Trigger) -> bool:
    """Whether a trigger is a plural event noun ("the attacks", "these recent bombings", "three
    terrorist attacks"; not a plural-only entry such as "talks"): told alone, it names several
    happenings, none of them by itself (see :func:`kg.extract.event_links.link_events`); a number
    only says how many. Not one with an of-phrase: there the plural may count those acted upon
    ("the killings of the six monks" is one massacre).

    >>> from kg.extract.pipeline import load_pipeline
    >>> from kg.extract.triggers import find_triggers
    >>> nlp = load_pipeline()
    >>> def first(text):
    ...     return tells_many(find_triggers(next(nlp(text).sents), {})[0])
    >>> first("The recent attacks worried the mayor."), first("The two attacks worried the mayor.")
    (True, True)
    >>> first("The killings of the six monks shocked the town.")
    False
    """
    head = trigger.head
    return (
        trigger.kind == "noun"
        and head.tag_ in ("NNS", "NNPS")
        and not is_plural_only(head)
        and not is_weapon(trigger)  # "threw two grenades": the number counts weapons
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


def _repeated(token: Token, words: dict[str, set]) -> bool:
    """A trigger told as done many times: a ``repetition_nouns`` phrase with a number above one
    ("23 times") or a ``repetition_adverbs`` adverb ("twice") on it."""
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in words["repetition_adverbs"]:
            return True
        if child.dep_ == "npadvmod" and child.lemma_.lower() in words["repetition_nouns"]:
            if any(n.dep_ == "nummod" and n.lower_ not in ("one", "1") for n in child.children):
                return True
    return False


def _habitual(verb: Token, words: dict[str, set]) -> bool:
    """A verb told as a habit, not one happening: with an adverb of frequency on it or on the
    verbs it depends on ("rebels often attack convoys", "they always end up killing"), or in the
    simple present in a relative clause ("the gangs that kidnap traders")."""
    if (
        verb.tag_ in ("VBP", "VBZ")
        and verb.dep_ == "relcl"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return True
    while True:
        if any(c.dep_ == "advmod" and c.lower_ in words["habitual_adverbs"] for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return False
        verb = verb.head


def _in_places(prep: Token, words: dict[str, set]) -> bool:
    """A place phrase naming several settlements or areas: "in the main cities", "across three
    provinces" (one happening has one place; "in the hills", "in the streets of Kesh" are one)."""
    return any(
        g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in words["settlement_nouns"] for g in prep.children
    )


def _perfect_series(verb: Token, words: dict[str, set], targets: bool) -> bool:
    """A verb in the present perfect whose object is a plural with a vague quantifier ("the
    gangs who have killed many judges") or, when the object is what is attacked (``targets``),
    a plural without a number ("the Front has attacked foreign interests in the past", "army
    posts have been attacked"), told without a date of its own: a record of many happenings,
    not one. Not "have killed two guards", "has attacked the army post", "have attacked posts
    on Monday", nor "have kidnapped aid workers" (the victims of one kidnapping may be many)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ != "VBN" or not any(c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in auxes):
        return False
    if any(c.ent_type_ in ("DATE", "TIME") for c in verb.subtree if c.head == verb or c.head.head == verb):
        return False  # "have attacked posts on Monday": one day's happenings
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for noun in objects:
        if noun.tag_ not in ("NNS", "NNPS"):
            continue
        markers = [c for c in noun.children if c.dep_ in ("det", "poss", "nummod", "predet", "amod")]
        if any(c.lower_ in words["aggregate_quantifiers"] for c in markers):
            return True  # "many judges"
        if targets and not any(c.dep_ != "amod" for c in markers):
            return True  # "foreign interests"
    return False


def _starts_with(phrase: Token, starts: set[tuple[str, ...]]) -> bool:
    """Whether the words of ``phrase``'s subtree begin with one of ``starts`` (only as many read)."""
    if not phrase.n_lefts and all(start[0] != phrase.lower_ for start in starts):
        return False  # the phrase's own word comes first (its subtree is walked only when it may start one)
    words = tuple(t.lower_ for t in islice(phrase.subtree, max(len(start) for start in starts)))
    return any(words[: len(start)] == start for start in starts)


def _past_span(prep: Token, words: dict[str, set]) -> bool:
    """A prepositional phrase of a span of time up to now: "over the past three years", "in
    recent months" (not "for two days", which a single happening can last)."""
    for noun in (c for c in prep.children if c.dep_ == "pobj"):
        if noun.lemma_.lower() in words["duration_nouns"] and any(
            c.lower_ in words["duration_modifiers"] for c in noun.children if c.dep_ == "amod"
        ):
            return True
    return False


def _aim(verb: Token, words: dict[str, set], trigger: Trigger | None = None) -> bool:
    """A "to"-infinitive that tells an aim, an order or an offer, not what happened ("sent pilots
    to bomb the capital", "ordered its men to take hostages", "paid him to kill a rival"): not a
    perfect one, which reports a past fact ("is believed to have killed"), and not one a verb of
    'realising_heads' makes happen ("managed to kill", "began to shell", "used a bomb to blow up",
    "decided to meet": a decision told by its maker is told of what was then done). An event
    noun is the aim only of a verb that does it ("to carry out an attack", "to proceed with the
    bombing": a light verb or one of 'enacting_verbs'): "sent to investigate the killing", "met to
    condemn the attack" tell of an event already done.

    >>> from kg.extract.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> [e.modality for e in nlp("The Vardi Front hired two men to kill the mayor.")._.kg_events if e.type == "Killing"]
    ['hypothetical']
    >>> [e.modality for e in nlp("The Vardi Front managed to kill the mayor.")._.kg_events if e.type == "Killing"]
    [None]
    """
    if verb.dep_ in ("acl", "relcl") and _ranked_noun(verb.head):
        return False  # "the last nuclear power to announce a halt": one who did
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "to kidnap and kill him", "to regroup and begin attacking": the list shares its "to"
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.tag_ == "TO" for c in auxes) or any(c.lemma_.lower() == "have" for c in auxes):
        return False
    if trigger is not None and trigger.kind == "noun":
        lemma = verb.lemma_.lower()
        if lemma not in syntax()["light_verbs"] and lemma not in words["enacting_verbs"]:
            return False  # "to investigate the killing": the killing is done
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "began to shell and to raid": the second as the first
    if trigger is not None and trigger.name in words["spoken_purpose_classes"] and _own_past_purpose(first):
        return False  # "mounted the pulpit to demand the release of detainees": the demand was made
    return first.dep_ == "ROOT" or not _makes_happen(first.head, words)


def _own_past_purpose(clause: Token) -> bool:
    """A to-infinitive telling why its own subject did something in the past, no one else made to
    act by it ("staged a demonstration to demand unification", "spoke with Machado to assure her"):
    the head in the past or the perfect, with no object or on-phrase naming someone who could be
    the one who acts ("asked Greece to explain", "called on the army to withdraw" are aims)."""
    head = clause.head
    perfect = head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
    if clause.dep_ not in ("advcl", "xcomp") or not (head.tag_ == "VBD" or perfect):
        return False
    if clause.dep_ == "xcomp" and head.lemma_.lower() in _modality_words()["hypothetical_heads"]:
        return False  # "planned to urge", "wanted to say": the head's own sense
    # someone who could be made to speak: "asked Greece to explain"; not "staged a demonstration to demand"
    asked = object_controller(head)
    return asked is None or not (asked.pos_ == "PRON" or asked.ent_type_ or asked.lemma_.lower() in people_nouns())


def _ranked_noun(noun: Token) -> bool:
    """A noun ranked by an ordinal or a superlative ("the first country", "the last declared
    nuclear power", "the only group"): a to-infinitive on it tells what it did, no aim; not
    under a modal ("will be the first Western leader to meet him").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("China was the last nuclear power to announce a halt.")
    >>> _ranked_noun(doc[5])
    True
    """
    words = _modality_words()
    # "will be the first Western leader to meet him": still to come
    modals = words["future_aux"] | words["hypothetical_aux"]
    if any(c.dep_ == "aux" and c.lemma_.lower() in modals for c in noun.head.children):
        return False
    before = [w for c in noun.lefts for w in c.subtree]  # "the last declared power": 'last' on 'declared'
    return any(w.tag_ == "JJS" or w.ent_type_ == "ORDINAL" or w.lower_ in words["ranking_words"] for w in before)


def _ahead_of(noun: Token, words: dict[str, set]) -> bool:
    """An event noun in an "of" phrase of one of 'future_adverbs' ("ahead of the meeting"): still to come."""
    prep = noun.head
    return prep.lower_ == "of" and prep.head.lower_ in words["future_adverbs"]


def _trip(noun: Token, words: dict[str, set]) -> Token | None:
    """The verb of a trip whose purpose an event noun is: the noun in a "for" phrase of one of
    'trip_verbs' ("would visit Bonn for talks", "will travel to Tarsa for talks", "arrived on
    Friday for talks"), which is held when the trip is made; None for another "for" phrase
    ("was arrested for the killing" gives a reason).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Kesh will travel to Tarsa for talks.")
    >>> _trip(doc[6], _modality_words())
    travel
    """
    prep = noun.head
    verb = prep.head
    if prep.lower_ != "for" or verb.pos_ != "VERB" or verb.lemma_.lower() not in words["trip_verbs"]:
        return None
    return verb


def _makes_happen(head: Token, words: dict[str, set]) -> bool:
    """Whether a head makes its complement happen: one of 'realising_heads' ("managed to
    kill"), or one of 'hesitating_heads' under its own "not" ("did not hesitate to attack",
    "never hesitated to shoot": the attack happened; "hesitated to attack" tells none).

    >>> from kg.extract.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> [e.modality for e in nlp("The Vardi Front did not hesitate to attack the convoy.")._.kg_events]
    [None]
    >>> [e.modality for e in nlp("The Vardi Front will not hesitate to attack the convoy.")._.kg_events]
    ['future']
    """
    lemma = head.lemma_.lower()
    if lemma in words["realising_heads"]:
        return True
    return lemma in words["hesitating_heads"] and _negated(head)


def _told_apart(clause: Token, words: dict[str, set]) -> bool:
    """A clause that tells its event as a fact of its own, whatever the word it hangs on says: a
    relative clause ("restore normality in Kashmir, where 20,000 people have died": the dying is
    not what the hope is of), a past participle on a noun ("the suspect, shot dead by police"),
    not a clause a noun takes ("denied reports that a unit was attacked"); or a clause in the past
    or the perfect opened by a conjunction that is no condition or by "where" / "when" ("after
    suicide bombers killed 59 people, Vell called for the talks to be suspended", "vowed support
    after they were attacked", "restore calm in Kashmir, where 20,000 people have died"); or an
    event noun in a phrase of the ``past_preps`` ("the months in custody since his arrest").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("After bombers killed 59 people, Vell called for the talks to be suspended.")
    >>> _told_apart(doc[2], _modality_words())
    True
    """
    if clause.dep_ == "parataxis":
        return True  # '"...," said Vell, "I never got a chance"': a saying set into the quotation is told
    marked = any(c.dep_ == "mark" for c in clause.children)  # "denied reports that a unit was attacked"
    if clause.dep_ == "relcl" or clause.dep_ == "acl" and clause.tag_ == "VBN":
        return not marked  # and a participle on a noun: "the suspect, shot dead by police"
    if clause.dep_ == "pobj" and clause.pos_ == "NOUN" and clause.head.lower_ in words["past_preps"]:
        return True  # "spent in custody since his arrest": the arrest took place
    if clause.dep_ != "advcl":
        return False
    children = list(clause.children)
    if clause.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux") for c in children):
        return True  # "declined to comment, saying only that ...": the saying is done beside it
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    # the past, the perfect or a past passive: "killed", "have died", "were attacked"
    past = clause.tag_ == "VBD" or (
        clause.tag_ == "VBN" and any(c.tag_ == "VBD" or c.lemma_.lower() == "have" for c in auxes)
    )
    opened = any(
        (c.dep_ == "mark" and c.lower_ not in words["conditional_marks"]) or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in children
    )  # "after ...", "because ...", "where ..."
    return past and opened


def _told_as_its_main_clause(clause: Token, main: Token, words: dict[str, set]) -> str | None:
    """The modality a present-tense clause of time takes from its main clause's modal: "troops
    will withdraw when the rebels attack" (future), "talks could resume once the army leaves"
    (hypothetical); None for a clause of another tense or a main clause with no modal ("rebels
    attack when the army leaves" is a habit, read elsewhere).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Troops will withdraw when the rebels attack.")
    >>> _told_as_its_main_clause(doc[6], doc[2], _modality_words())
    'future'
    """
    if clause.dep_ != "advcl" or clause.tag_ not in ("VBP", "VBZ", "VB"):
        return None
    if any(c.dep_ == "aux" for c in clause.children):
        return None  # "when the rebels have attacked": a modal of its own is read as the clause's
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in words["time_marks"] for c in clause.children):
        return None
    return _told_by_auxiliary({c.lemma_.lower() for c in main.children if c.dep_ in ("aux", "auxpass")}, words)


def _sharing(verb: Token) -> list[Token]:
    """The verbs before it in a list whose subject, negation and auxiliaries a bare verb shares
    ("did not attack or kill anyone", "could not kidnap or kill the mayor", "will attack and burn
    the town"), and a bare past participle a passive's ("no priest has ever been imprisoned,
    murdered or exiled", "would have kidnapped and murdered"): a base form after a verb, or a past
    form after a past participle, with no subject, auxiliary or negation of its own. Not a verb with a
    tense of its own ("did not attack the town but killed two guards"), nor one set against the
    first ("were not arrested but killed").

    >>> from kg.extract.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> doc = nlp("Rebels did not attack or kill anyone. Rebels did not attack the town but killed two guards.")
    >>> _sharing(doc[5]), _sharing(doc[15])
    ([attack], [])
    >>> doc = nlp("No priest has ever been imprisoned, murdered, or exiled. Two guards were not arrested but killed.")
    >>> _sharing(doc[10]), _sharing(doc[18])
    ([murdered, imprisoned], [])
    """
    shared = []
    contrast = _modality_words()["contrast_conjunctions"]
    while verb.dep_ == "conj" and verb.tag_ in ("VB", "VBN", "VBD"):
        first = verb.head
        # after a participle a past form is one too ("would have kidnapped and murdered": tagged VBD)
        if first.pos_ not in ("VERB", "AUX") or verb.tag_ != "VB" and first.tag_ != "VBN":
            break
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children):
            break
        if any(c.dep_ == "cc" and c.lower_ in contrast for c in (*first.children, *verb.children)):
            break  # "were not arrested but killed": set against the first
        shared.append(first)
        verb = first
    return shared


def _acts(verb: Token) -> bool:
    """Whether a verb with an event noun as its subject tells what the event did ("the blast
    caused damage", "the attack killed two"), not that it happened: neither a light verb ("the
    attack was carried out") nor one of the ``occurrence_verbs`` ("the attack took place"), nor
    "be" ("the attack was not a mistake").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The blast did not cause damage. The attack did not take place.")
    >>> _acts(doc[4]), _acts(doc[11])
    (True, False)
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() in syntax()["light_verbs"]:
        return False
    return not tells_occurrence(verb)


def tells_occurrence(verb: Token) -> bool:
    """A verb that tells its subject happened, with its particle, object or adverb as written
    ("broke out", "erupted", "took place", "went ahead"): argument_syntax.json's ``occurrence_verbs``."""
    lemma = verb.lemma_.lower()
    phrases = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "dobj", "advmod")}
    return bool(phrases & word_list("argument_syntax.json", "occurrence_verbs"))


def _told_by_auxiliary(auxes: set[str], words: dict[str, set]) -> str | None:
    """``future`` for a future auxiliary ("will"), ``hypothetical`` for a modal ("could"), else None."""
    if auxes & words["future_aux"]:
        return "future"
    if auxes & words["hypothetical_aux"]:
        return "hypothetical"
    return None


def _negated(head: Token) -> bool:
    """A head's own "not" / "never"."""
    return any(c.dep_ == "neg" for c in head.children)


def _realised(head: Token, words: dict[str, set]) -> str | None:
    """The modality a head that makes its complement happen (:func:`_makes_happen`) passes on:
    its own negation or auxiliary ("did not manage to kill" is negated, "will begin attacking"
    future, "could not manage to" negated; the "not" of "did not hesitate" is what makes it
    happen), else None."""
    if _negated(head) and head.lemma_.lower() not in words["hesitating_heads"]:
        return "negated"
    return _told_by_auxiliary({c.lemma_.lower() for c in head.children if c.dep_ in ("aux", "auxpass")}, words)


def _presupposed(noun: Token, verb: Token, auxes: set[str], words: dict[str, set]) -> bool:
    """Whether the verb an event noun hangs on takes the event as done, whatever its modal: one
    of 'presupposing_verbs' ("police would investigate the bombing", "must explain the
    killing"), or a light verb in a modal perfect passive, or "be" in a modal perfect, whose
    subject is a definite event noun ("the bombing could have been carried out by the Front",
    "the deaths might have been the result of the disease": a guess at who or why, not at
    whether); not "an attack could be carried out at any time".

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The bombing could have been carried out by the Front.")
    >>> _presupposed(doc[1], doc[5], {"could", "have", "be"}, _modality_words())
    True
    """
    if verb.lemma_.lower() in words["presupposing_verbs"]:
        return True
    light = noun.dep_ == "nsubjpass" and verb.lemma_.lower() in syntax()["light_verbs"]
    copula = noun.dep_ == "nsubj" and verb.lemma_.lower() == "be"  # "the deaths might have been the result of"
    if not (light or copula):
        return False
    # "the bombing", "this attack", "its bombing": one event already known
    known = syntax()["anaphoric_determiners"]
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in known) for c in noun.children)
    return definite and "have" in auxes and bool(auxes & words["hypothetical_aux"])


def _does(noun: Token) -> Token | None:
    """The verb an event noun is the doer of: its active subject ("the bombing threatens the
    talks", "the killing risks a war"), or the subject of a passive that says what it was meant
    to do ("the attack was intended to cause unrest"); None for an event told as planned or
    stopped ("an attack was planned", "the attack was foiled").

    >>> from kg.extract.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> [_does(t) for t in nlp("The bombing threatens the talks.") if t.lower_ == "bombing"]
    [threatens]
    >>> [_does(t) for t in nlp("An attack was planned for Monday.") if t.lower_ == "attack"]
    [None]
    """
    if noun.dep_ == "nsubj":
        return noun.head
    if noun.dep_ == "nsubjpass" and any(c.dep_ in ("xcomp", "ccomp") for c in noun.head.children):
        return noun.head
    return None


def _governors(clause: Token) -> Iterator[Token]:
    """The words ``clause`` hangs on, nearest first (walked up only as far as they are read),
    leaving out the first verb of a list of verbs it is in: "rebels threatened the mayor and
    killed two guards" tells a killing (the first verb is told beside it, not above it), while
    "threatened to attack and burn the town" still hangs both on "threatened".

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Rebels threatened the mayor and killed two guards.")
    >>> list(_governors(doc[5])), list(_governors(doc[1]))
    ([], [])
    """
    while (head := clause.head) != clause:
        if clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and head.pos_ in ("VERB", "AUX"):
            clause = head  # a verb beside it in the list, not above it
            continue
        clause = head
        yield clause


def _conditional(clause: Token, words: dict[str, set[str]]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in words["conditional_marks"] for c in clause.children)


def _under_subjunctive(clause: Token, words: dict[str, set[str]]) -> bool:
    """Whether ``clause`` is, or hangs on, a mandative subjunctive (:func:`_subjunctive`), not
    across a relative clause ("demanded that those who killed the mayor be punished": the
    killing is told as done)."""
    while True:
        if _subjunctive(clause, words):
            return True
        if clause.dep_ in ("relcl", "acl") or clause.head == clause:
            return False
        clause = clause.head


def _subjunctive(clause: Token, words: dict[str, set[str]]) -> bool:
    """A mandative subjunctive: a clause opened by one of 'subjunctive_marks' whose verb, or its
    passive or progressive "be", is in the base form, with a subject of its own and no modal or
    "to" ("demanded that the prisoners be released", "suggested that orders be issued",
    "insisted that the army leave"): what someone wants done. Not "said that the men were
    killed" (past), nor "said that the army would leave" (a modal: read as such).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Kesh demanded that the guards be released. Kesh said that the guards were released.")
    >>> _subjunctive(doc[6], _modality_words()), _subjunctive(doc[14], _modality_words())
    (True, False)
    """
    if clause.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "mark" and c.lower_ in words["subjunctive_marks"] for c in clause.children
    ):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("MD", "TO") or c.lemma_.lower() in ("do", "have") for c in auxes):
        return False
    base = [c for c in auxes if c.lemma_.lower() == "be"] or [clause]
    return all(c.tag_ == "VB" for c in base)


def _imperative(clause: Token) -> bool:
    """A verb in the imperative: base form heading its sentence (or a list of them), no
    subject, no auxiliary ("stop the bombing", "cease the attacks and stop assassinations")."""
    while clause.dep_ == "conj" and clause.head.tag_ == "VB":
        clause = clause.head
    return (
        clause.tag_ == "VB"
        and clause.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in clause.children)
    )
