"""Event scorers: WikiEvents triggers and arguments, MUC-4 incident types and role fillers, seed gold.

Every benchmark's labels are first mapped onto the newskg vocabulary with the data file
``kg/extract/lexicons/event_benchmarks.json`` (documented in benchmarks/README.md); then

- **WikiEvents** (per trigger): a prediction *identifies* a gold trigger when their
  character spans overlap, and *classifies* it when the classes are of one family.
  An argument is *identified* when its head word equals the head word of a gold
  argument of the same identified event, and *classified* when the role matches too
  (agent, target, victim, place) and the event is classified.
- **MUC-4** (per document): the set of incident types (attack, bombing, kidnapping)
  the document's asserted events evidence, against its templates' types (a document
  without a template is a negative); role fillers PerpOrg→agent, Target→target,
  Victim→victim by head noun, pooled per document and role (any mention of a gold
  filler counts once).
- **gold json**: a gold event is found when an event of its class has a trigger
  containing the gold trigger's words (or contained in them), and its agent is right
  when every gold agent is among the found event's agents (names or aliases).

>>> head_word("the Iraqi embassy in Kabul"), head_word("ISIS's"), head_word("two Afghan embassy personnel")
('embassy', 'isis', 'personnel')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language

from kg.evaluate.records import GoldDocument
from kg.evaluate.scoring import PRF
from kg.extract.lexicon import load_lexicon
from kg.extract.pipeline import extract
from kg.model import DocExtraction, Document, Event
from kg.resolve import resolve

SCORED_ROLES = ("agent", "target", "victim", "place")


@lru_cache(maxsize=1)
def mappings() -> dict:
    """The benchmark label mappings (``event_benchmarks.json``)."""
    return load_lexicon("event_benchmarks.json")


def family(name: str) -> str:
    """The class family scored as one: ``family("Bombing") == "Attack"``.

    >>> family("Bombing"), family("ClaimOfResponsibility"), family("Arrest")
    ('Attack', 'Statement', 'Arrest')
    """
    for head, members in mappings()["families"].items():
        if name in members:
            return head
    return name


def head_word(text: str) -> str:
    """The head noun of an argument phrase: the last word before a preposition, a relative
    pronoun or punctuation, lower-cased, without a possessive ending."""
    stops = set(mappings()["head_word_stops"])
    words = re.findall(r"[\w'’-]+|[,;:(]|--", text.lower())
    kept: list[str] = []
    for word in words:
        if word in stops and kept:
            break
        if word not in stops:
            kept.append(word)
    if not kept:
        return ""
    return re.sub(r"(['’]s?)$", "", kept[-1])


def run_extraction(
    documents: Iterable[GoldDocument], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[GoldDocument, DocExtraction]]:
    """Extract and resolve each gold document's text, paired with its gold record."""
    documents = list(documents)
    records = [Document.from_text(d.text, id=d.id) for d in documents]
    for gold, extraction in zip(documents, extract(records, nlp, batch_size=batch_size), strict=True):
        yield gold, resolve(extraction)


@dataclass
class EventScores:
    """Named P/R/F1 counts (``scores``) and plain facts (``notes``) of one benchmark."""

    scores: dict[str, PRF] = field(default_factory=dict)
    notes: dict[str, int | float | str] = field(default_factory=dict)

    def add(self, name: str, tp: int, fp: int, fn: int) -> None:
        self.scores.setdefault(name, PRF())
        self.scores[name] += PRF(tp, fp, fn)

    def as_dict(self) -> dict:
        return {"scores": {k: v.as_dict() for k, v in self.scores.items()}, "notes": dict(self.notes)}


def _matched(gold: set, predicted: set) -> tuple[int, int, int]:
    hits = len(gold & predicted)
    return hits, len(predicted) - hits, len(gold) - hits


def _argument_heads(event: Event, extraction: DocExtraction) -> set[tuple[str, str]]:
    return {(a.role, head_word(a.span.text)) for a in event.arguments if a.role in SCORED_ROLES} - {
        (r, "") for r in SCORED_ROLES
    }


def score_wikievents(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Trigger identification/classification and argument identification/classification."""
    kairos = mappings()["wikievents"]["types"]
    roles = mappings()["wikievents"]["roles"]
    scored_classes = set(kairos.values())
    result = EventScores()
    unscored = 0
    for gold, extraction in pairs:
        gold_events = [(e, kairos[e.type]) for e in gold.events if e.type in kairos and e.trigger is not None]
        others = [e.trigger for e in gold.events if e.type not in kairos and e.trigger is not None]
        predictions = []  # (trigger span, class, event)
        for event in extraction.events:
            if event.type not in scored_classes:
                unscored += 1
                continue
            predictions += [(trigger, event.type, event) for trigger in event.triggers]
        used: set[int] = set()
        id_tp = cls_tp = 0
        gold_args_id: set = set()
        gold_args_cls: set = set()
        pred_args_id: set = set()
        pred_args_cls: set = set()
        for k, (event, _) in enumerate(gold_events):
            for role_name, head in {
                (roles[a.role], head_word(a.mentions[0].text)) for a in event.arguments if a.role in roles
            }:
                gold_args_id.add((k, head))
                gold_args_cls.add((k, role_name, head))
        for trigger, name, event in predictions:
            hit = next(
                (
                    k
                    for k, (g, _) in enumerate(gold_events)
                    if k not in used and g.trigger.start < trigger.end and trigger.start < g.trigger.end
                ),
                None,
            )
            heads = _argument_heads(event, extraction)
            if hit is None:
                # A trigger of an out-of-vocabulary gold event, or of none: a false positive either way.
                pred_args_id |= {("fp", trigger.start, h) for _, h in heads}
                pred_args_cls |= {("fp", trigger.start, r, h) for r, h in heads}
                continue
            used.add(hit)
            id_tp += 1
            same_family = family(name) == family(gold_events[hit][1])
            cls_tp += same_family
            pred_args_id |= {(hit, h) for _, h in heads}
            pred_args_cls |= {(hit, r, h) if same_family else ("wrong", hit, r, h) for r, h in heads}
        n_pred, n_gold = len(predictions), len(gold_events)
        result.add("trigger_identification", id_tp, n_pred - id_tp, n_gold - id_tp)
        result.add("trigger_classification", cls_tp, n_pred - cls_tp, n_gold - cls_tp)
        result.add("argument_identification", *_matched(gold_args_id, pred_args_id))
        result.add("argument_classification", *_matched(gold_args_cls, pred_args_cls))
        for fam in {family(n) for n in scored_classes}:
            g = [k for k, (_, n) in enumerate(gold_events) if family(n) == fam]
            p = [t for t, n, _ in predictions if family(n) == fam]
            hits = sum(
                1
                for t in p
                if any(gold_events[k][0].trigger.start < t.end and t.start < gold_events[k][0].trigger.end for k in g)
            )
            result.add(f"trigger_classification/{fam}", hits, len(p) - hits, max(len(g) - hits, 0))
        result.notes["out_of_vocabulary_gold_triggers"] = int(
            result.notes.get("out_of_vocabulary_gold_triggers", 0)
        ) + len(others)
    result.notes["unscored_predictions"] = unscored
    return result


def score_muc4(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Document incident types and role fillers (see the module docstring)."""
    muc = mappings()["muc4"]
    result = EventScores()
    documents = 0
    for gold, extraction in pairs:
        documents += 1
        gold_types = {t for e in gold.events for t in muc["gold_types"].get(e.type, [])}
        events = [e for e in extraction.events if e.type in muc["types"] and e.modality is None]
        predicted_types = {muc["types"][e.type] for e in events}
        result.add("incident_type", *_matched(gold_types, predicted_types))
        for kind in sorted(set(muc["gold_types"]["bombing / attack"]) | {"kidnapping"}):
            result.add(f"incident_type/{kind}", *_matched(gold_types & {kind}, predicted_types & {kind}))
        for slot, role in muc["roles"].items():
            fillers = [
                {head_word(m.text) for m in a.mentions}
                for e in gold.events
                if e.type in muc["gold_types"]
                for a in e.arguments
                if a.role == slot
            ]
            fillers = [f for i, f in enumerate(fillers) if f not in fillers[:i]]
            heads = {head_word(a.span.text) for e in events for a in e.arguments if a.role == role} - {""}
            tp = sum(1 for f in fillers if f & heads)
            matched_heads = {h for h in heads if any(h in f for f in fillers)}
            fp = len(heads - matched_heads)
            result.add(f"role_filler/{slot}", tp, fp, len(fillers) - tp)
            result.add("role_filler", tp, fp, len(fillers) - tp)
    result.notes["documents"] = documents
    return result


def _names(extraction: DocExtraction, event: Event, role: str) -> set[str]:
    by_key = {e.key: e for e in extraction.entities}
    names: set[str] = set()
    for arg in event.arguments:
        if arg.role != role:
            continue
        names.add(arg.span.text.lower())
        entity = by_key.get(arg.entity) if arg.entity else None
        if entity is not None:
            names |= {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    return names


def score_gold(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Gold events found with the right class (``found``) and, where the gold names an agent,
    with it (``correct``: found, and its agent right or none given)."""
    result = EventScores()
    gold_total = found = correct = 0
    for gold, extraction in pairs:
        for gold_event in gold.raw.get("events", []):
            gold_total += 1
            words = gold_event["trigger"].lower()
            candidates = [
                e
                for e in extraction.events
                if e.type == gold_event["type"]
                and any(words in t.text.lower() or t.text.lower() in words for t in e.triggers)
            ]
            if not candidates:
                continue
            found += 1
            agents = {a.lower() for a in gold_event.get("agent", [])}
            correct += any(agents <= _names(extraction, e, "agent") for e in candidates)
        result.add("events", correct, sum(len(x.events) for x in [extraction]) - correct, 0)
    result.scores["events"].fn = gold_total - correct
    result.notes.update(gold_events=gold_total, found=found, correct=correct)
    return result


SCORERS = {"wikievents": score_wikievents, "muc4": score_muc4, "gold": score_gold}
