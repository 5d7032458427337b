"""The ``newskg_events`` spaCy component: sentence-level events with their arguments.

Triggers come from ``lexicons/event_types.json`` (verbs, nouns and multi-word
phrases per class); arguments come from the dependency parse: the subject of an
active verb, the ``by``-agent of a passive and the possessor of a noun act; the
object, passive subject, and ``on``/``against`` phrases are acted upon; ``in``/
``at``/``near`` give the place; DATE entities give the time. The component writes
``doc._.kg_events`` as a list of :class:`kg.model.Event` whose entity arguments
hold mention indices (``"m3"``), turned into entity keys by the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.counts import parse_count
from kg.extract.dates import normalize_time
from kg.extract.lexicon import load_lexicon
from kg.model import Argument, Event
from kg.model import Span as TextSpan

if not Doc.has_extension("kg_events"):
    Doc.set_extension("kg_events", default=None)

PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
TARGET_PREPS = {"on", "against", "at"}
PLACE_TYPES = {"Place", "Facility", "Country"}
# Words inside these spaCy entities are amounts or dates, never who or what.
NOT_ARGUMENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}


@dataclass(frozen=True)
class EventType:
    name: str
    parent: str
    cameo: str
    kairos: str
    subject_role: str
    object_role: str | None


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The event typology, read from the one data file that decides it."""
    data = _lexicon()
    return {
        name: EventType(name, e["parent"], e["cameo"], e["kairos"], e["subject"], e["object"])
        for name, e in data.items()
        if not name.startswith("_")
    }


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_lexicon("event_types.json")


@lru_cache(maxsize=1)
def _modality_words() -> dict[str, set[str]]:
    return {k: set(v) for k, v in load_lexicon("modality.json").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[str, list[str]], dict[str, list[str]], list[tuple[list[str], str]]]:
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    phrases: list[tuple[list[str], str]] = []
    for name, entry in _lexicon().items():
        if name.startswith("_"):
            continue
        for lemma in entry["verbs"]:
            verbs.setdefault(lemma, []).append(name)
        for lemma in entry["nouns"]:
            nouns.setdefault(lemma, []).append(name)
        phrases += [(p.split(), name) for p in entry["phrases"]]
    # Longer phrases first: "end combat mission" before "end mission".
    phrases.sort(key=lambda p: -len(p[0]))
    return verbs, nouns, phrases


def is_subclass(child: str, ancestor: str) -> bool:
    types = event_types()
    while child in types:
        if child == ancestor:
            return True
        child = types[child].parent
    return child == ancestor


@lru_cache(maxsize=1)
def _not_with() -> dict[str, set[str]]:
    return {name: set(e.get("not_with", [])) for name, e in _lexicon().items() if not name.startswith("_")}


def _names_event(token: Token, nouns: dict[str, list[str]]) -> bool:
    """A trigger noun names an event unless it only describes another thing ("attack dog",
    "meeting room") or a modifier makes it something else ("heart attack")."""
    if token.dep_ == "compound" and token.head.lemma_.lower() not in nouns:
        return False
    modifiers = {c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")}
    return not any(modifiers & _not_with()[name] for name in nouns[token.lemma_.lower()])


def _match_phrase(token: Token, words: list[str]) -> list[Token] | None:
    """Tokens of a multi-word trigger headed by ``token`` ("claimed ... responsibility")."""
    if token.lemma_.lower() != words[0]:
        return None
    matched = [token]
    near = list(token.children) + [g for c in token.children for g in c.children]
    for word in words[1:]:
        hit = next((t for t in near if t.lemma_.lower() == word and t not in matched), None)
        if hit is None:
            return None
        matched.append(hit)
    return sorted(matched, key=lambda t: t.i)


def _text_span(doc: Doc, start_char: int, end_char: int) -> TextSpan:
    return TextSpan(start_char, end_char, doc.text[start_char:end_char])


def _token_span(tokens: list[Token]) -> TextSpan:
    doc = tokens[0].doc
    return _text_span(doc, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


@Language.factory("newskg_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()


class EventExtractor:
    def __call__(self, doc: Doc) -> Doc:
        mention_at = {}
        for index, span in enumerate(doc.spans["kg_mentions"]):
            for token in span:
                mention_at[token.i] = (index, span)
        events: list[Event] = []
        for sent in doc.sents:
            events += self._sentence_events(doc, sent, mention_at)
        doc._.kg_events = events
        return doc

    def _sentence_events(self, doc: Doc, sent: Span, mention_at: dict) -> list[Event]:
        verbs, nouns, phrases = _triggers()
        found: list[tuple[list[Token], str]] = []
        used: set[int] = set()
        for token in sent:
            if token.i in used or token.i in mention_at:
                continue
            lemma = token.lemma_.lower()
            for words, name in phrases:
                matched = _match_phrase(token, words)
                if matched:
                    found.append((matched, name))
                    used |= {t.i for t in matched}
                    break
            else:
                if token.pos_ == "VERB" and lemma in verbs:
                    found.append(([token], self._choose(token, verbs[lemma], mention_at)))
                elif token.pos_ in ("NOUN", "PROPN") and lemma in nouns and _names_event(token, nouns):
                    found.append(([token], self._choose(token, nouns[lemma], mention_at)))
        found = self._fold_compounds(found)
        return [self._build(doc, sent, tokens, name, mention_at) for tokens, name in found]

    @staticmethod
    def _choose(token: Token, candidates: list[str], mention_at: dict) -> str:
        """Pick among classes sharing a trigger by what is acted upon: people are
        arrested or kidnapped, places are taken over."""
        if len(candidates) == 1:
            return candidates[0]
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "pobj")]
        kinds = {mention_at[o.i][1].label_ for o in objects if o.i in mention_at}
        for name in candidates:
            role = event_types()[name].object_role
            if kinds & {"Person"} and role == "victim":
                return name
            if kinds & PLACE_TYPES and role == "target":
                return name
        return candidates[0]

    @staticmethod
    def _fold_compounds(found: list[tuple[list[Token], str]]) -> list[tuple[list[Token], str]]:
        """'bombing attack': a trigger that modifies another trigger is one event, of the
        more specific class."""
        heads = [tokens[0] for tokens, _ in found]
        head_of = {head.i: k for k, head in enumerate(heads)}
        drop: set[int] = set()
        for k, head in enumerate(heads):
            tokens, name = found[k]
            if head.dep_ == "compound" and head.head.i in head_of and head_of[head.head.i] != k:
                other = head_of[head.head.i]
                other_tokens, other_name = found[other]
                specific = name if is_subclass(name, other_name) else other_name
                found[other] = (sorted(other_tokens + tokens, key=lambda t: t.i), specific)
                drop.add(k)
        return [f for k, f in enumerate(found) if k not in drop]

    def _build(self, doc: Doc, sent: Span, tokens: list[Token], name: str, mention_at: dict) -> Event:
        etype = event_types()[name]
        head = tokens[0] if tokens[0].pos_ in ("VERB", "NOUN", "PROPN") else tokens[-1]
        args: list[Argument] = []

        def add(role: str | None, token: Token) -> None:
            if role is None:
                return
            for member in [token, *[c for c in token.conjuncts]]:
                arg = self._argument(doc, role, member, mention_at)
                if arg and not any(a.role == role and a.span.start == arg.span.start for a in args):
                    args.append(arg)

        count = None
        for child in head.children:
            dep = child.dep_
            if dep in ("nsubj", "poss") or (dep == "agent"):
                target = next((g for g in child.children if g.dep_ == "pobj"), None) if dep == "agent" else child
                if target is not None:
                    add(etype.subject_role, target)
            elif dep in ("dobj", "nsubjpass"):
                add(etype.object_role, child)
                count = count or self._count_of(child)
            elif dep == "prep":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                prep = child.lower_
                if prep == "by" and head.pos_ != "VERB":
                    add(etype.subject_role, obj)
                elif prep == "with" and name == "Meeting":
                    add("participant", obj)
                elif (
                    prep in TARGET_PREPS
                    and etype.object_role in ("target", "victim")
                    and not (obj.i in mention_at and mention_at[obj.i][1].label_ in PLACE_TYPES and prep == "at")
                ):
                    add(etype.object_role, obj)
                elif prep == "between" and name == "Meeting":
                    add("participant", obj)
                if prep in PLACE_PREPS:
                    add("place", obj)
            elif dep == "nummod" and head.pos_ == "NOUN" and child.ent_type_ != "DATE":
                count = parse_count(child)
        if name == "Meeting":
            for a in [a for a in args if a.role == "agent"]:
                args.append(Argument("participant", a.span, a.entity))
        args = [a for a in args if a.role != "place" or a.entity is None or a.entity.startswith("m")]
        if not any(a.role == "place" for a in args):
            taken = {a.span.start for a in args}
            nearest = self._nearest_place(sent, head, mention_at, taken)
            if nearest is not None:
                args.append(nearest)
        time, time_text = self._time(doc, sent, head)
        event = Event(
            type=name,
            triggers=[_token_span(tokens)],
            sentence=_text_span(doc, sent.start_char, sent.end_char),
            arguments=args,
            time=time,
            time_text=time_text,
            modality=self._modality(head),
        )
        if name == "Killing":
            event.killed_count = count
        elif name == "Injury":
            event.injured_count = count
        elif head.pos_ == "NOUN" and count is not None:
            event.count = count
        filled = len({a.role for a in args})
        event.confidence = round(min(0.95, 0.5 + 0.1 * filled + (0.1 if head.pos_ == "VERB" else 0)), 2)
        if event.modality:
            event.confidence = round(event.confidence * 0.6, 2)
        return event

    @staticmethod
    def _argument(doc: Doc, role: str, token: Token, mention_at: dict) -> Argument | None:
        if token.i in mention_at:
            index, span = mention_at[token.i]
            if role == "place" and span.label_ not in PLACE_TYPES:
                return None
            return Argument(role, _text_span(doc, span.start_char, span.end_char), f"m{index}")
        if token.pos_ not in ("NOUN", "PROPN") or role == "place" or token.ent_type_ in NOT_ARGUMENTS:
            return None
        # Plain words: the noun with its modifiers ("two Afghan embassy personnel").
        left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nummod", "nmod")]
        tokens = [*left, token]
        return Argument(role, _token_span(tokens))

    @staticmethod
    def _count_of(token: Token) -> int | None:
        for child in token.children:
            if child.dep_ == "nummod":
                return parse_count(child)
        return None

    @staticmethod
    def _nearest_place(sent: Span, head: Token, mention_at: dict, taken: set[int]) -> Argument | None:
        best = None
        for index, span in {v[0]: v[1] for k, v in mention_at.items() if sent.start <= k < sent.end}.items():
            if span.label_ in ("Place", "Facility") and span.start_char not in taken:
                distance = abs(span.start - head.i)
                if best is None or distance < best[0]:
                    best = (distance, index, span)
        if best is None:
            return None
        _, index, span = best
        return Argument("place", _text_span(sent.doc, span.start_char, span.end_char), f"m{index}")

    @staticmethod
    def _time(doc: Doc, sent: Span, head: Token) -> tuple[str | None, str | None]:
        clause = head if head.pos_ == "VERB" else next((a for a in head.ancestors if a.pos_ == "VERB"), head)
        own = {t.i for t in head.subtree} | {t.i for t in clause.subtree}
        dates = [e for e in sent.ents if e.label_ == "DATE" and e.root.i in own]
        # Closest in the tree first: the trigger's own modifiers, then its clause's.
        dates.sort(key=lambda e: (e.root.i not in {t.i for t in head.subtree}, abs(e.start - head.i)))
        published = doc.user_data.get("published")
        for ent in dates:
            value = normalize_time(ent.text, published)
            if value:
                return value, ent.text
        return None, None

    @staticmethod
    def _modality(head: Token) -> str | None:
        words = _modality_words()
        if any(c.dep_ == "neg" for c in head.children):
            return "negated"
        auxes = {c.lemma_.lower() for c in head.children if c.dep_ in ("aux", "auxpass")}
        if auxes & words["future_aux"]:
            return "future"
        if auxes & words["hypothetical_aux"]:
            return "hypothetical"
        for ancestor in head.ancestors:
            lemma = ancestor.lemma_.lower()
            if lemma in words["negating_heads"]:
                return "negated"
            if lemma in words["hypothetical_heads"]:
                return "hypothetical"
            if ancestor.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "compound"):
                break
        return None
