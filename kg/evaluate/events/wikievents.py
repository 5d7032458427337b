"""WikiEvents (per trigger): a prediction *identifies* a gold trigger when their character spans
overlap, and *classifies* it when the KAIROS type of its class (the lexicon's ``kairos``) and the
gold type are of one family. An argument is *identified* when its head word equals the head word
of a gold argument of the same identified event, and *classified* when the role matches too
(agent, target, victim, place) and the event is classified.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.evaluate.events.common import EventScores, family, head_word, kairos_family, mappings, matched
from kg.evaluate.records import GoldDocument
from kg.extract.triggers import event_types
from kg.model import DocExtraction, Event

SCORED_ROLES = ("agent", "target", "victim", "place")


def _argument_heads(event: Event) -> set[tuple[str, str]]:
    return {(a.role, head_word(a.span.text)) for a in event.arguments if a.role in SCORED_ROLES} - {
        (r, "") for r in SCORED_ROLES
    }


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score_wikievents(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Trigger identification/classification and argument identification/classification,
    overall and per family (``trigger_classification/<KAIROS type>``)."""
    roles = mappings()["wikievents"]["roles"]
    vocabulary = {family(name) for name in event_types()}
    result = EventScores()
    out_of_vocabulary = 0
    for gold, extraction in pairs:
        gold_events = [
            (e, kairos_family(e.type))
            for e in gold.events
            if e.trigger is not None and kairos_family(e.type) in vocabulary
        ]
        out_of_vocabulary += sum(1 for e in gold.events if kairos_family(e.type) not in vocabulary)
        predictions = [
            (trigger, family(event.type), event) for event in extraction.events for trigger in event.triggers
        ]
        gold_args_id = {
            (k, head_word(a.mentions[0].text))
            for k, (e, _) in enumerate(gold_events)
            for a in e.arguments
            if a.role in roles
        }
        gold_args_cls = {
            (k, roles[a.role], head_word(a.mentions[0].text))
            for k, (e, _) in enumerate(gold_events)
            for a in e.arguments
            if a.role in roles
        }
        used: set[int] = set()
        id_tp = cls_tp = 0
        pred_args_id: set = set()
        pred_args_cls: set = set()
        per_family: dict[str, list[int]] = {}
        for trigger, kind, event in predictions:
            hit = next(
                (k for k, (g, _) in enumerate(gold_events) if k not in used and _overlap(g.trigger, trigger)), None
            )
            heads = _argument_heads(event)
            counts = per_family.setdefault(kind, [0, 0])
            counts[1] += 1
            if hit is None:
                # A trigger of an out-of-vocabulary gold event, or of none: a false positive either way.
                pred_args_id |= {("fp", trigger.start, h) for _, h in heads}
                pred_args_cls |= {("fp", trigger.start, r, h) for r, h in heads}
                continue
            used.add(hit)
            id_tp += 1
            same_family = kind == gold_events[hit][1]
            cls_tp += same_family
            counts[0] += same_family
            pred_args_id |= {(hit, h) for _, h in heads}
            pred_args_cls |= {(hit, r, h) if same_family else ("wrong", hit, r, h) for r, h in heads}
        n_pred, n_gold = len(predictions), len(gold_events)
        result.add("trigger_identification", id_tp, n_pred - id_tp, n_gold - id_tp)
        result.add("trigger_classification", cls_tp, n_pred - cls_tp, n_gold - cls_tp)
        result.add("argument_identification", *matched(gold_args_id, pred_args_id))
        result.add("argument_classification", *matched(gold_args_cls, pred_args_cls))
        for kind in sorted(vocabulary):
            hits, predicted = per_family.get(kind, [0, 0])
            in_gold = sum(1 for _, k in gold_events if k == kind)
            result.add(f"trigger_classification/{kind}", hits, predicted - hits, in_gold - hits)
    result.notes["out_of_vocabulary_gold_events"] = out_of_vocabulary
    return result
