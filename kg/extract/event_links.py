"""Links between the event mentions of one document.

- **Coreference**: a noun trigger with a definite or demonstrative determiner ("the
  attack", "this bombing", "the blast") refers back to the latest earlier event of a
  compatible class; two mentions that share an argument also tell one event ("X met
  with the commanders" … "X gathers with the commanders"). Merging never joins
  mentions whose arguments, time, counts or modality disagree. The merged event has
  every trigger, the union of the arguments, and the most specific class.
- **Claims**: an asserted claim of responsibility ``claims`` the event named in its
  ``for``-phrase ("claimed responsibility for the attack"), else the nearest earlier
  violent event ("no group claimed responsibility" claims nothing).
- **Causes**: a killing or an injury is ``causedBy`` the attack it is told in ("killed in
  the blast", "the bombing killed two", "the attack where gunmen killed two"), else the
  one attack of its sentence.
- **What links tell**: a claimed event without a named agent gets the claimant as agent;
  a killing or injury without a named agent gets its cause's, and its cause's place and
  time when it has none.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("A bombing hit a market in Mosul. EFD claimed responsibility for the blast, "
...                       "which killed two.")
>>> [(e.type, [t.text for t in e.triggers], e.links) for e in doc._.kg_events]  # doctest: +NORMALIZE_WHITESPACE
[('Bombing', ['bombing', 'blast'], []),
 ('ClaimOfResponsibility', ['claimed responsibility'], [('claims', 0)]),
 ('Killing', ['killed'], [('causedBy', 0)])]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.triggers import Trigger, is_subclass, syntax
from kg.model import Argument, Event

# What a claim of responsibility can be for (kgsh:ClaimsShape in ontology/shapes.ttl).
VIOLENT = ("Attack", "Killing", "Injury", "Kidnapping", "Takeover", "MilitaryOperation", "Threat")
EFFECTS = ("Killing", "Injury")
CAUSES = ("Attack", "MilitaryOperation")
CONFLICT_ROLES = ("agent", "target", "victim")
# Mentions further apart than this many sentences are not joined on shared arguments alone.
SHARED_ARGUMENT_WINDOW = 6


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


def _compatible_class(a: str, b: str) -> str | None:
    if is_subclass(a, b):
        return a
    if is_subclass(b, a):
        return b
    return None


def _is_anaphoric(mention: EventMention) -> bool:
    head = mention.head
    if mention.trigger.kind != "noun":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in syntax()["anaphoric_determiners"] for c in head.children)


def _entities(event: Event, role: str) -> set[str]:
    return {a.entity for a in event.arguments if a.role == role and a.entity}


def _heads(event: Event, role: str) -> set[str]:
    return {a.span.text.split()[-1].lower() for a in event.arguments if a.role == role}


def _conflict(a: Event, b: Event) -> bool:
    if a.modality != b.modality:
        return True
    if a.quote and b.quote and a.quote != b.quote:
        return True  # two utterances, even of one speaker
    for role in CONFLICT_ROLES:
        ea, eb = _entities(a, role), _entities(b, role)
        if ea and eb and not ea & eb:
            return True
        ha, hb = _heads(a, role), _heads(b, role)
        if role != "agent" and not (ea or eb) and ha and hb and not ha & hb:
            return True
    if a.time and b.time and not (a.time.startswith(b.time) or b.time.startswith(a.time)):
        return True
    for attr in ("count", "killed_count", "injured_count"):
        va, vb = getattr(a, attr), getattr(b, attr)
        if va is not None and vb is not None and va != vb:
            return True
    return False


def _share_argument(a: Event, b: Event) -> bool:
    for role in ("agent", "target", "victim", "participant"):
        if _entities(a, role) & _entities(b, role) or _heads(a, role) & _heads(b, role):
            return True
    return False


def _merge(into: Event, other: Event, name: str) -> None:
    into.type = name
    into.triggers = sorted(into.triggers + other.triggers, key=lambda s: s.start)
    for arg in other.arguments:
        if not any(a.role == arg.role and _same_filler(a, arg) for a in into.arguments):
            if arg.role == "place" and any(a.role == "place" for a in into.arguments):
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
    return a.span.text.lower() == b.span.text.lower()


def _cause(mention: EventMention, mentions: list[EventMention]) -> int | None:
    """The attack or fighting of the same sentence that a killing or injury is told as part of."""
    attacks = [k for k, m in enumerate(mentions) if m.sentence == mention.sentence and _can_cause(m.event.type)]
    if not attacks:
        return None
    head = mention.head
    for k in attacks:
        attack = mentions[k].head
        if head in attack.subtree and head is not attack:
            return k  # "the attack where gunmen killed two"
        parent = attack.head
        if attack.dep_ == "pobj" and parent.lower_ in syntax()["cause_preps"] and parent.head is head:
            return k  # "killed in the blast"
        if attack.dep_ in ("nsubj", "agent") and attack.head is head:
            return k  # "the bombing killed two"
    return attacks[0] if len(attacks) == 1 else None


def _can_cause(name: str) -> bool:
    """Deaths and injuries are told as caused by attacks and by fighting ("killed in the clash")."""
    return any(is_subclass(name, cause) for cause in CAUSES)


def _violent(name: str) -> bool:
    return name in VIOLENT or is_subclass(name, "Attack")


def _claimed(mention: EventMention, mentions: list[EventMention], index: int) -> int | None:
    """The event a claim of responsibility is for."""
    for token in mention.trigger.tokens:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                inside = [k for k, m in enumerate(mentions) if m.head in prep.subtree and _violent(m.event.type)]
                if inside:
                    # The top-most event of the phrase: "for the attack where ... killed two".
                    return min(inside, key=lambda k: len(list(mentions[k].head.ancestors)))
    earlier = [k for k in range(index - 1, -1, -1) if _violent(mentions[k].event.type)]
    earlier = [k for k in earlier if mention.sentence - mentions[k].sentence <= 1]
    return earlier[0] if earlier else None


def link_events(mentions: list[EventMention], merge: bool = True) -> list[Event]:
    """Merge coreferent mentions (unless ``merge`` is False: one event per mention, as
    mention-level benchmarks score them) and link claims and causes; returns the document's
    events with ``Event.links`` indexing into the returned list."""
    for index, mention in enumerate(mentions):
        if mention.event.type == "ClaimOfResponsibility" and mention.event.modality is None:
            claimed = _claimed(mention, mentions, index)
            if claimed is not None:
                mention.links.append(("claims", claimed))
        elif mention.event.type in EFFECTS:
            cause = _cause(mention, mentions)
            if cause is not None:
                mention.links.append(("causedBy", cause))
    cluster_of = _corefer(mentions) if merge else list(range(len(mentions)))
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
    _propagate(events)
    return events


def _corefer(mentions: list[EventMention]) -> list[int]:
    """For each mention, the index of the first mention of its event."""
    cluster_of = list(range(len(mentions)))
    for index, mention in enumerate(mentions):
        anaphoric = _is_anaphoric(mention)
        for earlier in range(index - 1, -1, -1):
            root = cluster_of[earlier]
            if root != earlier:
                continue
            first = mentions[root]
            name = _compatible_class(first.event.type, mention.event.type)
            if name is None or _conflict(first.event, mention.event):
                continue
            near = mention.sentence - first.sentence <= SHARED_ARGUMENT_WINDOW
            same_class = first.event.type == mention.event.type
            if anaphoric or (near and same_class and _share_argument(first.event, mention.event)):
                _merge(first.event, mention.event, name)
                cluster_of[index] = root
                break
    return cluster_of


def _propagate(events: list[Event]) -> None:
    """Claimants become the agents of what they claim; effects share their cause's agent,
    place and time when the text gives them none."""
    for event in events:
        for predicate, target in event.links:
            if predicate == "claims":
                _borrow_agents(events[target], event)
    for event in events:
        for predicate, target in event.links:
            if predicate == "causedBy":
                cause = events[target]
                _borrow_agents(event, cause)
                if not any(a.role == "place" for a in event.arguments):
                    event.arguments += [a for a in cause.arguments if a.role == "place"]
                if event.time is None:
                    event.time, event.time_text = cause.time, cause.time_text


def _borrow_agents(event: Event, source: Event) -> None:
    if _entities(event, "agent"):
        return
    for arg in source.arguments:
        if arg.role == "agent" and arg.entity:
            event.arguments.append(Argument("agent", arg.span, arg.entity))
