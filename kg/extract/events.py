"""The ``newskg_events`` spaCy component: events with who, what, whom, where, when and how many.

Per sentence, :mod:`kg.extract.triggers` finds the words that name events and their
class; :mod:`kg.extract.arguments` reads each event's arguments, time, counts and
modality from the dependency parse; then :mod:`kg.extract.event_links` joins the
mentions of one event across the document and links claims and causes. The component
writes ``doc._.kg_events`` as a list of :class:`kg.model.Event` whose entity arguments
hold mention indices (``"m3"``), turned into entity keys by the pipeline.

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> doc = nlp("Rebels attacked a convoy near Kandahar on Monday.")
>>> [(e.type, e.triggers[0].text, [(a.role, a.span.text) for a in e.arguments]) for e in doc._.kg_events]
[('Attack', 'attacked', [('agent', 'Rebels'), ('target', 'convoy'), ('place', 'Kandahar')])]
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.arguments import (
    ArgumentReader,
    SentenceContext,
    event_time,
    is_attribution,
    mention_index,
    name_by_first_mention,
    token_span,
)
from kg.extract.coreference import Coreference, is_armed
from kg.extract.counts import words_to_int
from kg.extract.event_links import EventMention, link_events
from kg.extract.modality import (
    AGGREGATE,
    is_absent,
    is_factual,
    is_planned,
    is_threatened,
    is_toll,
    modality,
    planned_unmade_classes,
)
from kg.extract.statements import StatementReader
from kg.extract.triggers import (
    VIOLENT,
    Trigger,
    candidate_tokens,
    event_types,
    find_triggers,
    is_subclass,
    names_armed_actor,
    on_state_forces,
    syntax,
)
from kg.model import Argument, Event
from kg.model import Span as TextSpan
from kg.names.actors import sector_code

__all__ = ["EventExtractor", "event_types", "is_subclass"]

if not Doc.has_extension("kg_events"):
    Doc.set_extension("kg_events", default=None)

# Evidence weights for kg:confidence: how the event is named, and which roles the text fills.
KIND_WEIGHT = {"verb": 0.6, "phrase": 0.65, "noun": 0.5, "adjective": 0.45}
ROLE_WEIGHT = {"agent": 0.1, "target": 0.1, "victim": 0.1, "participant": 0.05, "place": 0.05}
TIME_WEIGHT = 0.05
NOT_ASSERTED_FACTOR = 0.6
MAX_CONFIDENCE = 0.95


@Language.factory("newskg_events", default_config={"merge_mentions": True})
def make_events(nlp: Language, name: str, merge_mentions: bool) -> EventExtractor:
    return EventExtractor(merge_mentions)


class EventExtractor:
    """Reads ``doc.spans["kg_mentions"]`` (typed entity mentions) and writes ``doc._.kg_events``.

    ``merge_mentions`` joins the mentions of one event within a document (the default);
    off, every trigger stays its own event with its own sentence's arguments.
    """

    def __init__(self, merge_mentions: bool = True):
        self.merge_mentions = merge_mentions

    def __call__(self, doc: Doc) -> Doc:
        coreference = Coreference(doc)
        mention_at = mention_index(doc, coreference.mentions)
        published = doc.user_data.get("published")
        mentions: list[EventMention] = []
        candidates = candidate_tokens(doc)
        # doc.ents and Span.ents walk every token: read the dates once per document.
        dates = [e for e in doc.ents if e.label_ == "DATE"]
        date_starts = [e.start for e in dates]  # in order, as entities are
        statements = StatementReader(doc, coreference)
        for number, sent in enumerate(doc.sents):
            sent_start, sent_end = sent.start, sent.end
            start, end = bisect_left(candidates, sent_start), bisect_left(candidates, sent_end)
            triggers = find_triggers(sent, mention_at, candidates[start:end]) if start < end else []
            if not triggers and not statements.looks_at(sent):
                continue  # nothing to read here: no sentence context (its text, its mentions) is made
            own_dates = dates[bisect_left(date_starts, sent_start) : bisect_left(date_starts, sent_end)]
            # The evidence cut from the text read once (a span's text makes a Token of every word).
            start_char, end_char = sent.start_char, sent.end_char
            evidence = TextSpan(start_char, end_char, statements.text[start_char:end_char])
            ctx = SentenceContext(
                doc, sent, mention_at, triggers, own_dates, sentence=evidence, coreference=coreference
            )
            for trigger in triggers:
                event = self._event(trigger, ctx, published)
                if event is not None:
                    mentions.append(EventMention(event, trigger, number))
            for event, trigger in statements.read(ctx, published):
                mentions.append(EventMention(event, trigger, number))
        name_by_first_mention(doc, (arg for mention in mentions for arg in mention.event.arguments))
        events = link_events(mentions, merge=self.merge_mentions, coreference=coreference)
        for event in events:
            # After the links, which date a death by the attack it is told in ("the bombing on 6 May killed 1,200")
            if event.modality is None and is_toll(event.type, _victims(event), event.time):
                event.modality = AGGREGATE  # "100,000 persons have been murdered": a toll, not one happening
        doc._.kg_events = events
        return doc

    @staticmethod
    def _event(trigger: Trigger, ctx: SentenceContext, published: str | None) -> Event | None:
        """The event a trigger names, or None for a weak trigger ("operation") with neither an
        agent nor a named entity acted upon ("the operation on his knee"), for a statement
        that only names where reported words come from ("said in a statement") or has no
        speaker, for an event the text says did not happen at all ("no group claimed
        responsibility"), for what a threat only says will be done ("threatened to blow it up"), and
        for a meeting only planned or expected ("will meet on Monday", "ahead of the cabinet meeting")."""
        etype = event_types()[trigger.name]
        if trigger.name == "Statement" and trigger.kind == "verb":
            return None  # statement verbs are read with their speaker and words by kg.extract.statements
        if is_subclass(trigger.name, "Statement") and is_attribution(trigger) or is_absent(trigger):
            return None
        if is_threatened(trigger):
            return None  # "threatened to blow it up": the threat is the event; what it threatens did not happen
        told = modality(trigger)
        if is_planned(told) and trigger.name in planned_unmade_classes():
            return None  # "Kesh will meet Brak on Monday": a meeting only planned is no happening yet
        reader = ArgumentReader(trigger, etype, ctx)
        arguments = reader.read()
        weak = trigger.kind != "phrase" and trigger.head.lemma_.lower() in etype.weak  # "a general strike" is specific
        if weak and not any(
            a.role == "agent" or (a.entity and a.role in ("target", "victim", "participant")) for a in arguments
        ):
            return None
        if weak and trigger.name in syntax()["armed_only_classes"] and _unarmed_only(trigger, arguments, ctx):
            return None  # "the Clinton campaign", "AEI's Spanish operation": an election's or a firm's
        if (
            trigger.kind == "noun"
            and trigger.name in syntax()["verbal_classes"]
            and _between_politicians(trigger, arguments, ctx)
        ):
            return None  # "Arafat launched his strongest attack on the government": words (CAMEO 111)
        if trigger.name == "Statement" and not any(a.role == "agent" for a in arguments):
            return None  # a statement nobody is said to make ("claimed the bombing in a statement") is unattributed
        time, time_text = event_time(trigger, ctx, published)
        event = Event(
            type=on_state_forces(trigger.name, [a.span.text for a in arguments if a.role == "target"]),
            triggers=[token_span(trigger.tokens)],
            sentence=ctx.sentence,
            arguments=arguments,
            time=time,
            time_text=time_text,
            modality=told,
        )
        if trigger.name == "Killing":
            event.killed_count = reader.count
        elif trigger.name == "Injury":
            event.injured_count = reader.count
        elif trigger.kind == "noun":
            event.count = reader.count
        event.confidence = confidence(trigger, event)
        return event


def _unarmed_only(trigger: Trigger, arguments: list[Argument], ctx: SentenceContext) -> bool:
    """Whether a weak word ("campaign", "operation") tells the doing of people or organizations
    that bear no arms: its agents are all named, as persons or as organizations that are not
    armed (:func:`kg.extract.coreference.is_armed`, nor
    :func:`kg.extract.triggers.names_armed_actor`: a military noun or an armed sector of
    PETRARCH2 in the name), or nouns of PETRARCH2's political sectors ("authorities"), or a
    country that only says where a thing's operation is ("its U.S. operation"); it acts on no
    one, and no word before it says it is armed ("the Clinton campaign", "AEI's Spanish
    operation", "authorities conducted a campaign to coerce refugees"; not "the Blitz bombing
    campaign", "Security Forces conduct operations targeting ISIS cells")."""
    armed_words = set(syntax()["military_nouns"])
    if any(c.i in ctx.trigger_at or c.lemma_.lower() in armed_words for c in trigger.head.lefts):
        return False
    agents = [a for a in arguments if a.role == "agent"]
    if not agents or any(a.role in ("target", "victim") for a in arguments):
        return False
    # "its U.S. operation", "its Polish operation": a thing's (a firm's), the country only where
    owned = any(c.dep_ == "poss" and c.lower_ in syntax()["thing_possessives"] for c in trigger.head.children)
    # not where someone armed acts or speaks: "the army said its operation was over"; a firm's
    # "British arm" or "publishing division" is no armed force
    owned = owned and not any(
        names_armed_actor(t) for t in ctx.sent if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass")
    )
    where = {c.text for c in trigger.head.children if c.dep_ in ("compound", "amod")} if owned else set()
    return all(agent.span.text in where or _unarmed(agent, ctx, ("Person", "Organization")) for agent in agents)


def _between_politicians(trigger: Trigger, arguments: list[Argument], ctx: SentenceContext) -> bool:
    """Whether an attack noun tells words between public figures: its agents are unarmed persons
    (named, or of one of the ``political_sectors`` of PETRARCH2's agents dictionary: a minister,
    the opposition), its targets too, or organizations that bear no arms, and nothing else in
    its sentence is violent ("Arafat launched his strongest attack on the government", "Gore's
    assault on Dole and Gingrich"; PETRARCH2 codes such attacks 111, criticism). Not "the
    gunmen's attack on the minister", "Vell's attack on the minister left him injured"."""
    agents = [a for a in arguments if a.role == "agent"]
    targets = [a for a in arguments if a.role == "target"]
    if not agents or not targets or any(a.role not in ("agent", "target", "place") for a in arguments):
        return False
    if any(other is not trigger and other.name in VIOLENT for other in ctx.triggers):
        return False  # "the attack on the minister left him injured"
    return all(_unarmed(a, ctx, ("Person",)) for a in agents) and all(
        _unarmed(a, ctx, ("Person", "Organization")) for a in targets
    )


def _mention(argument: Argument, ctx: SentenceContext) -> Span | None:
    """The entity mention an argument names, if it names one (entity keys "m<index>")."""
    if not argument.entity or not argument.entity.startswith("m"):
        return None
    return ctx.doc.spans["kg_mentions"][int(argument.entity[1:])]


def _unarmed(argument: Argument, ctx: SentenceContext, labels: tuple[str, ...]) -> bool:
    """An entity of one of ``labels`` that bears no arms, or a noun of one of the ``political_sectors``."""
    mention = _mention(argument, ctx)
    if mention is not None:
        return mention.label_ in labels and not is_armed(mention) and not names_armed_actor(mention.root)
    return _political(argument)


def _political(argument: Argument) -> bool:
    """Whether an argument's noun is of a PETRARCH2 sector of public life without arms ("the
    government", "the opposition leader"; not "the defence ministry's troops", "~GOVMIL")."""
    code = (sector_code(argument.span.text, None) or "").lstrip("~")
    armed = syntax()["armed_sectors"]
    return code[:3] in syntax()["political_sectors"] and not any(
        code[i : i + 3] in armed for i in range(3, len(code), 3)
    )


def _victims(event: Event) -> int:
    """The most victims the event tells: its counts, or the number opening a victim's words
    ("40,000" of "40,000 who have been kidnapped")."""
    numbers = [n for n in (event.killed_count, event.injured_count, event.count) if n]
    for argument in event.arguments:
        if argument.role == "victim" and (number := words_to_int(argument.span.text.split()[0])):
            numbers.append(number)
    return max(numbers, default=0)


def confidence(trigger: Trigger, event: Event) -> float:
    """How well the text supports the event: a verb or phrase more than a noun, each role
    the text fills, a time; a negated, hypothetical or future event much less (not an
    aggregate one: many happenings told at once are asserted).

    >>> from kg.model import Span
    >>> confidence(Trigger([], "Attack", None, "verb"), Event("Attack", [], Span(0, 1, "x")))
    0.6
    """
    score = KIND_WEIGHT[trigger.kind]
    score += sum(ROLE_WEIGHT.get(role, 0) for role in {a.role for a in event.arguments})
    score += TIME_WEIGHT if event.time else 0
    if not is_factual(event.modality):
        score *= NOT_ASSERTED_FACTOR
    return round(min(MAX_CONFIDENCE, score), 2)
