"""Links between the event mentions of one document.

- **Coreference**: a noun trigger with a definite or demonstrative determiner ("the
  attack", "this bombing", "the blast") refers back to the latest earlier event of a
  compatible class; two mentions that share an argument also tell one event ("X met
  with the commanders" … "X gathers with the commanders"). Merging never joins
  mentions whose arguments, place, time, counts or modality disagree. Verbs joined by "and"
  in one clause tell one happening when their classes agree ("captured and annexed the
  city", "were shelling and pounding the town"): their subject, object and time are shared.
  Two statements stay two ("condemned the raid and said ..."). A violent act and the death
  it ended in are one killing ("stabbed the judge to death"). The merged event has
  every trigger, the union of the arguments, and the most specific class.
- **Headlines**: an event of the headline is the happening its story tells first, in a
  compatible class, within the lead ("Singapore hangs drug trafficker" ... "Singapore hanged
  a Thai farmer on Friday"): one event, with the story's words for the roles it fills.
- **One happening**: a later mention of a violent class that names no one of its own ("a bomb
  went off near the convoy", "the explosion") joins the latest earlier event of its family
  within a few sentences ("militants attacked a convoy"); a mention marked as another
  happening ("another bomb", "an earlier attack") or with another place or time never does.
- **Claims**: an asserted claim of responsibility ``claims`` the event named in its
  ``for``-phrase ("claimed responsibility for the attack"), else the nearest earlier
  violent event ("no group claimed responsibility" claims nothing).
- **Causes**: a killing or an injury is ``causedBy`` the attack it is told in ("killed in
  the blast", "the bombing killed two", "the attack where gunmen killed two"), else the
  one attack of its sentence, else the latest attack of the sentence before when place and
  time agree ("Gunmen attacked a post. Two officers were killed.").
- **Parts**: an attack told as happening during fighting ("attacked the garrison during the
  offensive", "during the battle, one company was overrun and two others were attacked") is
  ``partOf`` it, as the ontology's air strike is part of a military operation.
- **Wars**: a war or an armed conflict ("the war", "the 1991 Gulf War", "a 13-year conflict")
  is a whole of many happenings: it never merges with a single one (an attack, a clash, a
  killing), nor they with it. A happening the text places in it ("during the war", "in the civil
  war") is ``partOf`` it; a death is ``causedBy`` it only when the text says so ("killed in the
  war", "the war has killed 20,000"); it lends no agent, place or time to what is told in it, and
  no claim of responsibility claims it.
- **What links tell**: a claimed event without a named agent gets the claimant as agent;
  a killing or injury without a named agent gets its cause's (not the sides of a fight:
  "killed in fighting between the army and the Front" names no killer), and its cause's
  place and time when it has none.
- **Deaths of an accident**: a death or injury that names no killer, told in a sentence that
  tells an accident or a disaster and no violence, or right after one ("The plane crashed near
  Kesh. All 40 passengers were killed."), is no kg:Killing or kg:Injury (death by violence):
  the mention is dropped, as a death told in the accident's own phrase already is
  (kg/extract/triggers.py). In a story that tells an accident and no violence at all (no
  attack, fighting, kidnapping ...), so is every death or injury naming no killer, place or day
  of its own: a headline's "Car kills two", "the dead" sentences after the crash.
- **Captors**: a kidnapping told without its agent gets the agent of the nearest ransom
  demand of the document within a few sentences ("Traders are often kidnapped there. The
  rebels are demanding a ransom."): who demands a ransom holds the captives.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("A bombing hit a market in Mosul. EFD claimed responsibility for the blast, "
...                       "which killed two.")
>>> [(e.type, [t.text for t in e.triggers], e.links) for e in doc._.kg_events]  # doctest: +NORMALIZE_WHITESPACE
[('Bombing', ['bombing', 'blast'], []),
 ('ClaimOfResponsibility', ['claimed responsibility'], [('claims', 0)]),
 ('Killing', ['killed'], [('causedBy', 0)])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.arguments import after_utterance_phrase, ransom_demanders
from kg.extract.coreference import Coreference
from kg.extract.counts import words_to_int
from kg.extract.doc_text import document_text
from kg.extract.line_breaks import is_headline
from kg.extract.modality import AGGREGATE, is_factual, is_war, tells_many
from kg.extract.triggers import (
    VIOLENT,
    Trigger,
    claimed_event_noun,
    compatible_class,
    event_types,
    explosive_in,
    is_subclass,
    is_violent,
    syntax,
)
from kg.model import Argument, Event

EFFECTS = ("Killing", "Injury")
CAUSES = ("Attack", "MilitaryOperation")
CONFLICT_ROLES = ("agent", "target", "victim")
TOLLS = ("killed_count", "injured_count")
# Mentions further apart than this many sentences are not joined on shared arguments alone.
SHARED_ARGUMENT_WINDOW = 6
# A violent mention naming no one joins an earlier event of its family at most this many sentences back.
SAME_HAPPENING_WINDOW = 3
# A headline's happening is told again by the story within this many sentences (a dateline is one).
HEADLINE_LEAD = 4


@dataclass
class EventMention:
    """One event as read from one trigger, with the syntax the links are read from."""

    event: Event
    trigger: Trigger
    sentence: int
    links: list[tuple[str, int]] = field(default_factory=list)  # (predicate, mention index)

    @property
    def head(self) -> Token:
        return self.trigger.head


def _is_war(mention: EventMention) -> bool:
    """A war or an armed conflict told by its noun ("the war in Kesh", "the 1991 Gulf War"): a
    whole of many happenings, never one of them."""
    return mention.trigger.kind == "noun" and mention.event.type == "MilitaryOperation" and is_war(mention.head)


def _wars_apart(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions cannot tell one happening for being a war and a single happening
    told in it ("the war" and "the army attacked"), or one war and many ("the conflicts of the
    century")."""
    if _is_war(a) != _is_war(b):
        return True
    return _is_war(a) and _is_plural(a) != _is_plural(b)


def _is_anaphoric(mention: EventMention) -> bool:
    head = mention.head
    if mention.trigger.kind != "noun":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in syntax()["anaphoric_determiners"] for c in head.children)


def _entities(event: Event, role: str) -> set[str]:
    return {a.entity for a in event.arguments if a.role == role and a.entity}


# A short name in parentheses right after a filler: "the Central American University (UCA)".
SHORT_NAME = re.compile(r"\s*\(\s*([^\W\d_]{2,10})\s*\)")


def _heads(event: Event, role: str, text: str | None = None) -> set[str]:
    """The head words of a role's fillers, and the short name the document's ``text`` gives a
    filler in parentheses ("the university (UCA)": 'university' and 'uca'); a bare number
    ("kills 12") names no head: it is a count."""
    heads = set()
    for argument in event.arguments:
        if argument.role == role:
            heads.add(argument.span.text.split()[-1].lower())
            if text is not None and (short := SHORT_NAME.match(text, argument.span.end)):
                heads.add(short.group(1).lower())
    return {head for head in heads if words_to_int(head) is None}


def _conflict(a: Event, b: Event, by_words: bool = True, text: str | None = None) -> bool:
    """Whether two mentions tell two happenings: other modality, other named agents, targets or
    victims, counts, places or times; unless ``by_words`` is False (a headline's words against
    its story's: "Singapore hangs drug trafficker" and "hanged a Thai farmer"), also other
    quotes and other head words of unnamed fillers (a filler's short name in the document's
    ``text`` is one of its head words: "the attack on the UCA" after "the bombing of the Central
    American University (UCA)")."""
    if a.modality != b.modality:
        return True
    if by_words and a.quote and b.quote and a.quote != b.quote:
        return True  # two utterances, even of one speaker
    for role in CONFLICT_ROLES:
        ea, eb = _entities(a, role), _entities(b, role)
        if ea and eb and not ea & eb:
            return True
        if by_words:
            if role != "agent" and not (ea or eb):
                ha, hb = _heads(a, role, text), _heads(b, role, text)
                if ha and hb and not ha & hb:
                    return True
        elif not (ea and eb):  # names only: one the tagger missed ("Ana Lind") against another one
            ha, hb = _name_heads(a, role), _name_heads(b, role)
            if ha and hb and not ha & hb:
                return True
    if _counted_apart(a, b):
        return True  # "two die" and "five people were killed"
    if _places_differ(a, b):
        return True  # two attacks in two cities
    if a.time and b.time and not (a.time.startswith(b.time) or b.time.startswith(a.time)):
        return True
    for attr in ("count", *TOLLS):
        va, vb = getattr(a, attr), getattr(b, attr)
        if va is not None and vb is not None and va != vb:
            return True
    return False


def _name_heads(event: Event, role: str) -> set[str]:
    """The head words of a role's fillers that are written as names (capitalized, not opening the sentence)."""
    return {
        a.span.text.split()[-1].lower()
        for a in event.arguments
        if a.role == role and a.span.text.split()[-1][:1].isupper() and a.span.start != event.sentence.start
    }


def _victim_numbers(event: Event) -> set[int]:
    """The numbers that open the event's victims ("two" of "Two die", 5 of "five people")."""
    numbers = {words_to_int(a.span.text.split()[0]) for a in event.arguments if a.role == "victim"}
    return numbers - {None}


def _counted_apart(a: Event, b: Event) -> bool:
    """Both events count their victims, and by other numbers."""
    na, nb = _victim_numbers(a), _victim_numbers(b)
    return bool(na and nb and not na & nb)


def _places_differ(a: Event, b: Event) -> bool:
    """Both events have a place and none is shared (by entity, else by head word)."""
    pa = {(x.entity or x.span.text.split()[-1].lower()) for x in a.arguments if x.role == "place"}
    pb = {(x.entity or x.span.text.split()[-1].lower()) for x in b.arguments if x.role == "place"}
    return bool(pa and pb and not pa & pb)


def _own_date(mention: EventMention) -> str | None:
    """The date words on the trigger itself ("last year's attack", "went off on Monday"), lower-cased."""
    for child in mention.head.children:
        dated = child if child.dep_ != "prep" else next((g for g in child.children if g.dep_ == "pobj"), None)
        if dated is not None and dated.ent_type_ == "DATE" and not after_utterance_phrase(dated):
            return " ".join(t.lower_ for t in dated.subtree if t.ent_type_ == "DATE")
    return None


def _dated_apart(a: EventMention, b: EventMention) -> bool:
    """Both mentions carry dates of their own and the dates differ: two happenings, even when
    no publication date resolves the dates ("on Monday" ... "last year's attack")."""
    da, db = _own_date(a), _own_date(b)
    return bool(da and db and da != db)


def _names_no_one(event: Event) -> bool:
    return not any(a.role in CONFLICT_ROLES for a in event.arguments)


def _names_only_counts(event: Event) -> bool:
    """No one named but by a number: a headline's "Two die in blast", "Bomb kills 12"."""
    return all(_bare_count(a) for a in event.arguments if a.role in CONFLICT_ROLES)


def _is_distinct(mention: EventMention) -> bool:
    """Marked as another happening than those told: "another bomb", "a second attack", "a new
    attack". A demonstrative points back to the happening told, so a modifier that only sets it
    apart from what came before the news ("novelty_modifiers") no longer marks another one:
    "this new attack" is the attack the text reports, new against earlier ones. A verb is marked
    by its weapon: "another bomb exploded", "a second car bomb went off" (one of the
    'instrument_nouns' as its subject)."""
    lexicon = syntax()
    marked = [mention.head]
    if mention.trigger.kind != "noun":
        marked += [
            c
            for c in mention.head.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lexicon["instrument_nouns"]
        ]
    children = [c for m in marked for c in m.children if c.dep_ in ("det", "amod", "advmod")]
    demonstrative = any(c.dep_ == "det" and c.lower_ in lexicon["demonstratives"] for c in children)
    return any(
        c.lower_ in lexicon["distinct_modifiers"] and not (demonstrative and c.lower_ in lexicon["novelty_modifiers"])
        for c in children
    )


def _is_plural(mention: EventMention) -> bool:
    """A plural noun trigger: many happenings, or a habit ("attacks and kidnappings are common")."""
    return mention.trigger.kind == "noun" and mention.head.tag_ in ("NNS", "NNPS")


def _is_indefinite(mention: EventMention) -> bool:
    """A noun trigger introduced as new ("there was an attack") or plural (:func:`_is_plural`)."""
    if _is_plural(mention):
        return True
    return mention.trigger.kind == "noun" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in mention.head.children
    )


@cache
def _same_family(a: str, b: str) -> bool:
    """Classes of one violent family: an attack, the bombing it was, the blast (cached as
    :func:`compatible_class` is)."""
    return (is_subclass(a, "Attack") and is_subclass(b, "Attack")) or (a == b and a in VIOLENT)


def _share_argument(a: Event, b: Event) -> bool:
    for role in ("agent", "target", "victim", "participant"):
        if _entities(a, role) & _entities(b, role) or _heads(a, role) & _heads(b, role):
            return True
    # "Bomb kills 12" and "killing 12 people": the same toll (a differing one is a conflict)
    return any(getattr(a, toll) is not None and getattr(a, toll) == getattr(b, toll) for toll in TOLLS)


def _merge(into: Event, other: Event, name: str) -> None:
    into.type = name
    into.triggers = sorted(into.triggers + other.triggers, key=lambda s: s.start)
    had_place = any(a.role == "place" for a in into.arguments)  # else it takes all of the other's places
    for arg in other.arguments:
        same = next((k for k, a in enumerate(into.arguments) if a.role == arg.role and _same_filler(a, arg)), None)
        if same is not None:
            if _bare_count(into.arguments[same]) and not _bare_count(arg):
                into.arguments[same] = arg  # "12 people" says more than the headline's "12"
            continue
        if arg.role == "place" and had_place:
            continue
        into.arguments.append(arg)
    for attr in ("time", "time_text", "count", "killed_count", "injured_count", "quote"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(other, attr))
    into.about += [key for key in other.about if key not in into.about]
    into.confidence = round(min(0.95, max(into.confidence, other.confidence) + 0.05), 2)
    for sentence in (other.sentence, *other.further_sentences):
        if sentence != into.sentence and sentence not in into.further_sentences:
            into.further_sentences.append(sentence)


def _same_filler(a: Argument, b: Argument) -> bool:
    if a.entity or b.entity:
        return a.entity == b.entity
    if _bare_count(a) or _bare_count(b):  # "12" and "12 people"
        return words_to_int(a.span.text.split()[0]) == words_to_int(b.span.text.split()[0])
    return a.span.text.lower() == b.span.text.lower()


def _bare_count(argument: Argument) -> bool:
    """A filler that is only a number: "Bomb kills 12"."""
    return words_to_int(argument.span.text) is not None


def _cause(mention: EventMention, mentions: list[EventMention]) -> int | None:
    """The attack or fighting of the same sentence that a killing or injury is told as part of."""
    attacks = [k for k, m in enumerate(mentions) if m.sentence == mention.sentence and _can_cause(m.event.type)]
    if not attacks:
        return _cause_before(mention, mentions)
    head = mention.head
    for k in attacks:  # named as the cause, before any attack the death is only told inside of
        attack = mentions[k].head
        parent = attack.head
        if attack.dep_ == "pobj" and parent.lower_ in syntax()["cause_preps"] and parent.head == head:
            if _is_war(mentions[k]) and parent.lower_ in syntax()["part_preps"]:
                continue  # "killed during the war": told in the war (partOf), not by it
            return k  # "killed in the blast", "killed in the war"
        if attack.dep_ == "nsubj" and parent == head:
            return k  # "the bombing killed two", "the war has killed 20,000"
        if head.dep_ == "relcl" and head.head == attack and _relative_subject(head):
            return k  # "the conflict, which killed 500"
    # A war causes only the deaths the text says it did (above); it holds the others.
    attacks = [k for k in attacks if not _is_war(mentions[k])]
    around = [k for k in attacks if head in mentions[k].head.subtree and head != mentions[k].head]
    if around:
        # "the attack where gunmen killed two"; of attacks inside one another, the nearest
        return max(around, key=lambda k: sum(1 for _ in mentions[k].head.ancestors))
    if head.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        # "claimed the attack on the base, killing a guard, and a bombing": a participle with no
        # subject of its own tells what the act told just before it did (one act, not a series)
        before = [k for k in attacks if mentions[k].head.i < head.i]
        nearest = max(before, key=lambda k: mentions[k].head.i, default=None)
        if nearest is not None and mentions[nearest].event.modality is None and not _is_plural(mentions[nearest]):
            return nearest  # not a series: "launched attacks in three states, killing 14"
    # Else the one attack of the sentence, if it is told as a fact of its own: not "a series of
    # attacks" nor a planned one ("killed in the operation, which followed a series of attacks").
    told = [k for k in attacks if mentions[k].event.modality is None]
    return told[0] if len(attacks) == 1 and told else None


def _relative_subject(verb: Token) -> bool:
    """A relative clause whose subject is its relative pronoun: "(the war,) which killed 500"."""
    return any(c.dep_ == "nsubj" and c.lower_ in syntax()["relative_pronouns"] for c in verb.children)


def _cause_before(mention: EventMention, mentions: list[EventMention]) -> int | None:
    """The latest attack of the sentence before, or the cause of a death or injury told there
    ("Gunmen attacked a post. Two officers were killed. Three others were wounded."), when
    both are asserted and place and time agree. Only for a death or injury told by a verb
    with no agent and no time of its own: one with its own killer ("shot dead by police"),
    its own date ("since 2017, when a general was killed") or told as a noun ("the first
    death of ...") is a happening of its own; and only an attack or fighting named as such
    ("Fighting raged near Kesh. Twelve soldiers were killed."), not a patrol, an operation or
    a deployment (the class's ``weak`` words, which name no fighting by themselves), causes
    deaths told apart from it."""
    event = mention.event
    own_agent = any(a.role == "agent" for a in event.arguments)
    if event.modality is not None or mention.trigger.kind != "verb" or own_agent or event.time_text:
        return None
    for k in range(len(mentions) - 1, -1, -1):
        other = mentions[k]
        if other.sentence != mention.sentence - 1 or other.event.modality is not None:
            continue
        cause = k if is_subclass(other.event.type, "Attack") or _fighting(other) else None
        if cause is None:
            cause = next((t for p, t in other.links if p == "causedBy"), None)
        if cause is not None and _is_war(mentions[cause]):
            continue  # "The war began in 1980. Two guards were killed.": no cause told
        if cause is not None and not _cause_conflict(mention.event, mentions[cause].event):
            return cause
    return None


def _fighting(mention: EventMention) -> bool:
    """A military operation named as fighting ("fighting", "a clash", "the offensive", "shelling"),
    not by a weak word ("a patrol", "the operation")."""
    etype = event_types().get(mention.event.type)
    return (
        mention.event.type == "MilitaryOperation"
        and etype is not None
        and mention.head.lemma_.lower() not in etype.weak
    )


def _cause_conflict(effect: Event, cause: Event) -> bool:
    """Another place or time than the attack's: a death told apart from it."""
    if _places_differ(effect, cause):
        return True
    return bool(
        effect.time and cause.time and not (effect.time.startswith(cause.time) or cause.time.startswith(effect.time))
    )


def _can_cause(name: str) -> bool:
    """Deaths and injuries are told as caused by attacks and by fighting ("killed in the clash")."""
    return any(is_subclass(name, cause) for cause in CAUSES)


def _claimed(mention: EventMention, mentions: list[EventMention], index: int) -> int | None:
    """The event a claim of responsibility is for: the event its verb takes as object ("claimed
    the attack"), the one named in its for-phrase, else the nearest earlier violent event of its
    sentence or the one before."""
    claimed = claimed_event_noun(mention.trigger.head)
    if claimed is not None:
        named = [k for k, m in enumerate(mentions) if m.head == claimed and is_violent(m.event.type)]
        if named:
            return named[0]
    for token in mention.trigger.tokens:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                inside = [k for k, m in enumerate(mentions) if m.head in prep.subtree and is_violent(m.event.type)]
                if inside:
                    # The top-most event of the phrase: "for the attack where ... killed two".
                    return min(inside, key=lambda k: len(list(mentions[k].head.ancestors)))
    return _nearest_claimable(mention, mentions, index)


def _is_cause(event: Event) -> bool:
    return event.type not in EFFECTS


def _by_unnamed_hand(event: Event) -> bool:
    return event.type in EFFECTS and not any(a.role == "agent" for a in event.arguments)


# Where a claim that names no event looks, in order: (sentences back, which events).
CLAIMABLE = ((1, _is_cause), (1, _by_unnamed_hand), (SAME_HAPPENING_WINDOW, _is_cause), (1, lambda event: True))


def _nearest_claimable(mention: EventMention, mentions: list[EventMention], index: int) -> int | None:
    """The violent event a claim naming none is for: in its sentence or the one before, an attack,
    kidnapping or seizure first, then a death or injury by an unnamed hand; a death told with its
    own killer ("police shot dead two of the attackers") only when no attack is told a few
    sentences back either."""
    for window, claimable in CLAIMABLE:
        for k in range(index - 1, -1, -1):
            other = mentions[k]
            if mention.sentence - other.sentence > window:
                break
            if is_violent(other.event.type) and claimable(other.event) and not _is_war(other):
                return k
    return None


def link_events(
    mentions: list[EventMention], merge: bool = True, coreference: Coreference | None = None
) -> list[Event]:
    """Merge coreferent mentions (unless ``merge`` is False: one event per mention, as
    mention-level benchmarks score them) and link claims and causes; returns the document's
    events with ``Event.links`` indexing into the returned list. ``coreference``: the document's,
    when the caller has built it (else it is built if a ransom demand is looked for)."""
    mentions = _without_accidental_deaths(mentions)
    for index, mention in enumerate(mentions):
        if mention.event.type == "ClaimOfResponsibility" and mention.event.modality is None:
            claimed = _claimed(mention, mentions, index)
            if claimed is not None:
                mention.links.append(("claims", claimed))
        elif mention.event.type in EFFECTS:
            cause = _cause(mention, mentions)
            if cause is not None:
                mention.links.append(("causedBy", cause))
            elif (whole := _whole(mention, mentions)) is not None:
                mention.links.append(("partOf", whole))  # "two guards were killed during the war"
        elif is_violent(mention.event.type):
            whole = _whole(mention, mentions)
            if whole is not None:
                mention.links.append(("partOf", whole))
    cluster_of = _corefer(mentions) if merge else list(range(len(mentions)))
    _many_only(mentions, cluster_of)
    events: list[Event] = []
    position: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        cluster = cluster_of[index]
        if cluster == index:
            position[index] = len(events)
            events.append(mention.event)
    for index, mention in enumerate(mentions):
        event = events[position[cluster_of[index]]]
        for predicate, target in mention.links:
            link = (predicate, position[cluster_of[target]])
            if link[1] != position[cluster_of[index]] and link not in event.links:
                event.links.append(link)
    wars = {position[index] for index, mention in enumerate(mentions) if index in position and _is_war(mention)}
    _propagate(events, wars, across_sentences=merge)
    _captors(events, mentions, cluster_of, across_sentences=merge, coreference=coreference)
    return events


def _without_accidental_deaths(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions less the deaths and injuries told of an accident or a disaster
    (:func:`_accidental`), and, in a story of an accident that tells no violence, those that
    name no killer, place or day of their own."""
    words = syntax()
    if not any(m.event.type in words["accident_classes"] for m in mentions):
        return mentions
    known: dict[int, bool] = {}  # sentence start -> whether it tells an accident, each sentence walked once
    accidental = [_accidental(m, mentions, words, known) for m in mentions]
    # A story of an accident that tells no violence at all: its deaths naming no killer, place or
    # day of their own are the accident's ("Car kills two" over "a vehicle veered into the crowd,
    # killing two"; "The dead were all miners" sentences after the crash).
    sentences = mentions[0].head.doc.sents
    if not any(_violence(m, words) for m in mentions) and any(_tells_of(s, words, known) for s in sentences):
        accidental = [a or _told_by_no_one(m, words) for m, a in zip(mentions, accidental, strict=True)]
    return [m for m, a in zip(mentions, accidental, strict=True) if not a]


def _violence(mention: EventMention, words: dict) -> bool:
    """An asserted violent event other than a death or an injury (an attack, fighting, a kidnapping)."""
    event = mention.event
    return event.modality is None and event.type not in words["accident_classes"] and is_violent(event.type)


def _told_by_no_one(mention: EventMention, words: dict) -> bool:
    """An asserted death or injury that names no agent, no place and no day of its own ("Two
    guards died in Brano" before a crash near Kesh is another happening)."""
    event = mention.event
    return (
        event.type in words["accident_classes"]
        and event.modality is None
        and not any(a.role in ("agent", "place") for a in event.arguments)
        and not (event.time_text or _own_date(mention))
    )


def _accidental(mention: EventMention, mentions: list[EventMention], words: dict, known: dict[int, bool]) -> bool:
    """Whether an asserted death or injury that names no agent is told of an accident: its
    sentence, or the sentence before, tells one (an accident noun as a subject, an object or in
    a phrase: "confirmed the crash", "after the collision"; or an accident verb used without an
    object: "the bus overturned") and neither tells violence (an attack, fighting, a kidnapping).
    "The plane crashed. The pilots were killed." is no killing; "Gunmen fired on the bus, which
    crashed. Two passengers were killed.", "The plane crashed. Rebels later killed the
    survivors." and "The bus overturned. Two guards were killed on Tuesday." are. ``known``: the
    sentences of the document already read (:func:`_tells_of`)."""
    event = mention.event
    if event.type not in words["accident_classes"] or event.modality is not None:
        return False
    if any(a.role == "agent" for a in event.arguments):
        return False
    sentence = mention.head.sent
    told = [sentence]
    if sentence.start > 0 and not (event.time_text or _own_date(mention)):  # "killed on Tuesday": its own day
        told.append(sentence.doc[sentence.start - 1].sent)
    near = (mention.sentence, mention.sentence - 1)
    if any(
        m.sentence in near
        and m.event.modality is None
        and m.event.type not in words["accident_classes"]
        and is_violent(m.event.type)
        for m in mentions
    ):
        return False  # "gunmen fired on the bus, which crashed"
    return any(_tells_of(told_sentence, words, known) for told_sentence in told)


def _tells_of(sentence: Span, words: dict, known: dict[int, bool]) -> bool:
    """Whether a sentence tells an accident (:func:`_tells_accident`); ``known`` holds the
    sentences of the document already read, by their start, so each is walked once."""
    if sentence.start not in known:
        known[sentence.start] = any(_tells_accident(token, words) for token in sentence)
    return known[sentence.start]


def _tells_accident(token: Token, words: dict) -> bool:
    """An accident noun as a subject, an object or in a phrase ("the crash", "in the collision"),
    or an accident verb without an object ("the plane crashed"; not "crashed the party")."""
    pos = token.pos_
    if pos != "NOUN" and pos != "VERB":
        return False  # the cheap test first: most words are neither
    lemma = token.lemma_.lower()
    if pos == "NOUN" and lemma in words["accident_nouns"]:
        return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos")
    if pos == "VERB" and lemma in words["accident_verbs"]:
        return not any(c.dep_ == "dobj" for c in token.children)
    return False


def _many_only(mentions: list[EventMention], cluster_of: list[int]) -> None:
    """An asserted event told only by plural nouns without a number ("the recent attacks were
    isolated events", "the attacks were repelled"), never by a verb or a singular noun, names
    several happenings and none of them: ``aggregate``, as a bare plural already is. One
    plural among singular mentions tells the happening those name ("a car bomb exploded ... the
    attacks were carried out")."""
    plural_only: dict[int, bool] = {}
    for index, mention in enumerate(mentions):
        root = cluster_of[index]
        plural_only[root] = plural_only.get(root, True) and tells_many(mention.trigger)
    for root, many in plural_only.items():
        event = mentions[root].event
        if many and event.modality is None and is_violent(event.type):
            event.modality = AGGREGATE


def _whole(mention: EventMention, mentions: list[EventMention]) -> int | None:
    """The fighting an attack is told as part of: the event named by a ``part_preps`` phrase
    ("during the battle") on its trigger, or on the verb of a list its trigger ends ("during the
    battle, one company was overrun and two others were attacked"); for a war, also a
    ``war_part_preps`` phrase ("attacked the town in the civil war")."""
    heads = [mention.head]
    while heads[-1].dep_ == "conj" and heads[-1].head != heads[-1]:
        heads.append(heads[-1].head)
    words = syntax()
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in words["part_preps"] | words["war_part_preps"]:
                continue
            for k, other in enumerate(mentions):
                if other is not mention and other.head.dep_ == "pobj" and other.head.head == prep:
                    if not is_subclass(other.event.type, "MilitaryOperation"):
                        continue
                    if prep.lower_ in words["part_preps"] or _is_war(other):
                        return k
    return None


def _captors(
    events: list[Event],
    mentions: list[EventMention],
    cluster_of: list[int],
    across_sentences: bool,
    coreference: Coreference | None = None,
) -> None:
    """A kidnapping without an agent takes the demander of the nearest ransom demand within
    ``SAME_HAPPENING_WINDOW`` sentences (only of its own sentence when mentions are read one by
    one); the document is read for demands only when such a kidnapping is told."""
    orphans = [
        (mention.sentence, mention.event)
        for index, mention in enumerate(mentions)
        if cluster_of[index] == index
        and is_subclass(mention.event.type, "Kidnapping")
        # Kidnappings told together ("a wave of kidnappings") have captors too; those that did not
        # happen (negated, hypothetical, future) have none.
        and is_factual(mention.event.modality)
        and not any(a.role == "agent" for a in mention.event.arguments)
    ]
    if not orphans:
        return
    demands = ransom_demanders(mentions[0].head.doc, coreference)
    window = SAME_HAPPENING_WINDOW if across_sentences else 0
    for sentence, event in orphans:
        near = [(abs(n - sentence), arg) for n, arg in demands if abs(n - sentence) <= window]
        if near:
            distance = min(d for d, _ in near)
            event.arguments += [Argument("agent", a.span, a.entity) for d, a in near if d == distance]


def _coordinated(first: EventMention, mention: EventMention) -> bool:
    """Two verbs of one clause joined by a conjunction ("captured and annexed East Jerusalem"):
    the parse hangs the subject on the first and the object on the last, so each alone tells half
    of one happening. Statements are each an utterance of their own."""
    return (
        first.trigger.kind == mention.trigger.kind == "verb"
        and mention.head in first.head.conjuncts
        and not is_subclass(mention.event.type, "Statement")
    )


def _device_went_off(first: EventMention, mention: EventMention) -> bool:
    """A bomb told planted or thrown and, in the same sentence, told going off ("planted a bomb
    which exploded at the bank", "the car bomb was left under the bridge, where it exploded"):
    one bombing, the going off a verb of ``blast_verbs`` whose subject is the bomb, a relative
    pronoun on it, or "it"."""
    head = mention.head
    if mention.sentence != first.sentence or head.pos_ != "VERB" or head.lemma_.lower() not in syntax()["blast_verbs"]:
        return False
    device = explosive_in(first.trigger)
    if device is None or not is_subclass(mention.event.type, "Bombing"):
        return False
    relative = syntax()["relative_pronouns"]
    for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject == device or subject.lower_ == "it" or (subject.lower_ in relative and head.head == device):
            return True
    return False


def _death_it_ended_in(first: EventMention, mention: EventMention) -> bool:
    """ "Stabbed the judge to death", "beat two farmers to death": the wounding and the death it
    ended in are one killing, not an injury beside it."""
    head = mention.head
    return (
        mention.event.type == "Killing"
        and first.event.type == "Injury"  # an attack that killed stays the killing's cause
        and head.dep_ == "pobj"
        and head.head.lower_ == "to"
        and head.head.head == first.head
    )


def _headline_end(mentions: list[EventMention]) -> int:
    """Where the document's headline (:func:`is_headline`) ends, 0 when it has none: a mention is
    the headline's when its head is before that (asked once, not with ``Token.sent`` per mention)."""
    if not mentions:
        return 0
    first = mentions[0].head.doc[0].sent
    told = any(mention.head.i < first.end for mention in mentions)
    return first.end if told and is_headline(first) else 0


def _headline_stories(mentions: list[EventMention], headline_end: int) -> dict[int, int]:
    """For each event of the headline, the mention of the story that tells it: the first one of
    a compatible class or family within ``HEADLINE_LEAD`` sentences of it, when neither tells
    many happenings or another one, they share a filler, and they do not conflict by name,
    count, place or time. A headline sums up the happening its story then tells ("Singapore
    hangs drug trafficker" ... "Singapore hanged a Thai farmer at Changi Prison on Friday")."""
    stories: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if mention.head.i >= headline_end or _is_plural(mention) or _is_distinct(mention):
            continue
        for later in range(index + 1, len(mentions)):
            story = mentions[later]
            if story.sentence == mention.sentence or later in stories.values():
                continue
            if story.sentence - mention.sentence > HEADLINE_LEAD:
                break
            kind = mention.event.type, story.event.type
            if compatible_class(*kind) is None and not _same_family(*kind) or _wars_apart(mention, story):
                continue
            # One filler shared ("Singapore hangs ..." and "Singapore hanged ..."); other words may
            # differ as a headline's do ("drug trafficker", "a Thai farmer"), names may not.
            told = _share_argument(mention.event, story.event) and not _conflict(mention.event, story.event, False)
            if told and not (_is_plural(story) or _is_distinct(story)):
                stories[index] = later
            break  # only the story's first mention of the kind can be the headline's
    return stories


def _merge_headline(story: Event, headline: Event) -> None:
    """The headline's event joins its story's, which keeps its own words for each role it fills
    (the story's "a Thai farmer", not also the headline's "Thai drug trafficker") and its class
    unless the headline's is more specific."""
    filled = {a.role for a in story.arguments}
    headline.arguments = [a for a in headline.arguments if a.entity or a.role not in filled]
    _merge(story, headline, compatible_class(story.type, headline.type) or story.type)


def _corefer(mentions: list[EventMention]) -> list[int]:
    """For each mention, the index of the first mention of its event (of the story's mention,
    for the headline's)."""
    cluster_of = list(range(len(mentions)))
    text = document_text(mentions[0].head.doc) if mentions else None
    headline_end = _headline_end(mentions)
    headlines = _headline_stories(mentions, headline_end)
    for headline, story in headlines.items():
        _merge_headline(mentions[story].event, mentions[headline].event)
        cluster_of[headline] = story
    for index, mention in enumerate(mentions):
        if _is_distinct(mention) or index in headlines:
            continue
        anaphoric = _is_anaphoric(mention)
        for earlier in range(index - 1, -1, -1):
            root = cluster_of[earlier]
            if root != earlier:
                continue
            first = mentions[root]
            name = compatible_class(first.event.type, mention.event.type)
            if _same_family(first.event.type, mention.event.type) and name is None:
                name = first.event.type  # an attack and the bombing it was: the first mention's class
            death_of_the_act = _death_it_ended_in(first, mention)
            if death_of_the_act:
                name = mention.event.type
            # Cheap tests first: most pairs of a document fail the classes, most of the rest have no
            # reason to join; fillers, counts and dates are compared only for the pairs left.
            if name is None or _wars_apart(first, mention):
                continue
            if ("partOf", index) in first.links or ("partOf", root) in mention.links:
                continue  # "attacked the garrison during the offensive": a part, never the whole it is told in
            near = mention.sentence - first.sentence <= SHARED_ARGUMENT_WINDOW
            same_class = first.event.type == mention.event.type
            # A headline naming no one but by a number ("Bomb kills 12 in Kesh") tells the happening
            # the story then introduces as new ("A car bomb killed 12 people ...").
            headline = first.head.i < headline_end and _names_only_counts(first.event)
            same_happening = (
                _same_family(first.event.type, mention.event.type)
                and mention.sentence > first.sentence
                and mention.sentence - first.sentence <= SAME_HAPPENING_WINDOW
                and (_names_no_one(mention.event) or headline)
                and (not _is_indefinite(mention) or (headline and not _is_plural(mention)))
                # A happening is first told as new ("a bomb ripped through a cafe"), then as known
                # ("the bomb went off at noon"), in its own class; a plural first mention is many happenings.
                and not _is_plural(first)
                and (same_class or not _is_indefinite(first))
            )
            told_as_one = anaphoric or same_happening or _coordinated(first, mention) or death_of_the_act
            told_as_one = told_as_one or _device_went_off(first, mention)
            if not told_as_one and not (near and same_class):
                continue  # nothing but a shared filler of the same class, told nearby, could join them
            if _conflict(first.event, mention.event, text=text) or _dated_apart(first, mention):
                continue
            if told_as_one or _share_argument(first.event, mention.event):
                _merge(first.event, mention.event, name)
                cluster_of[index] = root
                break
    for headline, story in headlines.items():
        cluster_of[headline] = cluster_of[story]  # the story's mention may itself have joined an earlier one
    return cluster_of


def _propagate(events: list[Event], wars: set[int], across_sentences: bool = True) -> None:
    """Claimants become the agents of what they claim; effects share their cause's agent (not
    that of fighting between sides, :func:`_two_sided`), place and time when the text gives them
    none, unless the cause is one of the ``wars`` (a war's sides, places and years are not those
    of one death told in it). Without ``across_sentences`` (mentions read one by one, each with
    its own sentence's arguments) an effect borrows only from a cause of its own sentence; the
    link itself stays."""
    for event in events:
        for predicate, target in event.links:
            if predicate == "claims":
                _borrow_agents(events[target], event)
    for event in events:
        for predicate, target in event.links:
            if predicate == "causedBy" and target not in wars:
                cause = events[target]
                if not across_sentences and cause.sentence != event.sentence:
                    continue
                if not _two_sided(cause):
                    _borrow_agents(event, cause, named_only=False)
                if not any(a.role == "place" for a in event.arguments):
                    event.arguments += [a for a in cause.arguments if a.role == "place"]
                if event.time is None:
                    event.time, event.time_text = cause.time, cause.time_text


def _two_sided(event: Event) -> bool:
    """Fighting with two or more sides acting ("fighting between the army and the Front"): who
    of them killed or hurt someone in it the fighting does not tell, so its effects borrow no agent."""
    sides = {a.entity or a.span.text.lower() for a in event.arguments if a.role == "agent"}
    return event.type == "MilitaryOperation" and len(sides) > 1


def _borrow_agents(event: Event, source: Event, named_only: bool = True) -> None:
    """The source's named agents become the event's when it names none; unless ``named_only``,
    an event with no agent at all also takes the source's unnamed ones ("gunmen")."""
    if _entities(event, "agent"):
        return
    unnamed = not named_only and not any(a.role == "agent" for a in event.arguments)
    named = [a for a in source.arguments if a.role == "agent" and a.entity]
    borrowed = named or ([a for a in source.arguments if a.role == "agent"] if unnamed else [])
    event.arguments += [Argument("agent", a.span, a.entity) for a in borrowed]
