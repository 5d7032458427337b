"""WikiEvents (per trigger): a prediction *identifies* a gold trigger when their character spans
overlap, and *classifies* it when the KAIROS type of its class (the lexicon's ``kairos``) and the
gold type are of one family. An argument is *identified* when its head word equals the head word
of a gold argument of the same identified event, and *classified* when the role matches too
(agent, target, victim, participant, place; a meeting's agent is scored as one of its
participants) and the event is classified. ``argument_classification_by_entity``
counts a predicted argument right when its head word is that of any mention of the gold
argument's entity (the set's coreference clusters): an argument that resolves "he" to the name
he stands for is right there and wrong in the mention-level tables.

Three views, scored side by side (none filters the graph; each only chooses what is compared):

- ``all``: every prediction against every gold event of the vocabulary (table names without a
  prefix, as before statements existed);
- ``events``: the classes that are no statements. Predicted statements (kg:Statement and its
  subclass kg:ClaimOfResponsibility, both mapped to Contact.Contact.Broadcast) and gold
  ``Contact.Contact.*`` events other than meetings are left out on both sides;
- ``statements``: predicted statements alone against the gold Contact.Contact.Broadcast and
  Contact.Contact.Unspecified events (the speaker, Communicator or first Participant, as agent).
  WikiEvents annotates few of the "X said" of its articles, so this precision is a lower bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.evaluate.events.common import EventScores, family, head_word, kairos_family, mappings, matched
from kg.evaluate.records import GoldDocument, GoldEvent
from kg.extract.triggers import event_types, is_subclass
from kg.model import DocExtraction, Event

SCORED_ROLES = ("agent", "target", "victim", "participant", "place")
# Gold types a statement answers: a broadcast, and the unspecified contact a plain "said" gets.
STATEMENT_GOLD = ("Contact.Contact.Broadcast", "Contact.Contact.Unspecified")
# In the statements view the speaker is the agent.
STATEMENT_ROLES = {"Communicator": "agent", "Participant": "agent"}
VIEWS = ("all", "events", "statements")


def is_statement(event_class: str) -> bool:
    """kg:Statement and its subclasses (a claim of responsibility is a statement).

    >>> is_statement("ClaimOfResponsibility"), is_statement("Meeting")
    (True, False)
    """
    return is_subclass(event_class, "Statement")


def _statement_gold(gold_type: str) -> bool:
    return gold_type in STATEMENT_GOLD


def _other_contact(gold_type: str) -> bool:
    """Gold ``Contact.Contact.*`` that is no meeting: what a statement could answer."""
    return gold_type.startswith("Contact.Contact.") and gold_type != "Contact.Contact.Meet"


def _matched_by_entity(gold: set[tuple], predicted: set[tuple]) -> tuple[int, int, int]:
    """(tp, fp, fn) of predicted ``(event, role, head)`` against gold ``(event, role, heads of
    the entity's mentions)``: a gold argument is found by any of its heads, a prediction is
    right when it names some gold argument's entity.

    >>> _matched_by_entity({(0, "agent", frozenset({"he", "odeh"}))}, {(0, "agent", "odeh"), (0, "agent", "x")})
    (1, 1, 0)
    """
    tp = sum(1 for k, role, heads in gold if any((k, role, h) in predicted for h in heads))
    right = {(k, role, h) for k, role, heads in gold for h in heads} & predicted
    return tp, len(predicted) - len(right), len(gold) - tp


def _argument_heads(event: Event) -> set[tuple[str, str]]:
    """(role, head word) of an event's scored arguments, a role folded per class first (a
    meeting's agent is one of its participants)."""
    folded = mappings()["wikievents"]["class_roles"].get(event.type, {})
    return {(folded.get(a.role, a.role), head_word(a.span.text)) for a in event.arguments if a.role in SCORED_ROLES} - {
        (r, "") for r in SCORED_ROLES
    }


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score_wikievents(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Trigger identification/classification and argument identification/classification,
    overall and per family (``trigger_classification/<KAIROS type>``), in the three views of
    the module docstring (``events.`` and ``statements.`` prefix the tables of those views)."""
    roles = mappings()["wikievents"]["roles"]
    vocabulary = {family(name) for name in event_types()}
    result = EventScores()
    out_of_vocabulary = 0

    def in_vocabulary(gold_event: GoldEvent) -> bool:
        return kairos_family(gold_event.type) in vocabulary

    for gold, extraction in pairs:
        out_of_vocabulary += sum(1 for e in gold.events if not in_vocabulary(e))
        _score_document(result, "", gold, extraction, in_vocabulary, lambda c: True, roles, vocabulary)
        _score_document(
            result,
            "events.",
            gold,
            extraction,
            lambda e: in_vocabulary(e) and not _other_contact(e.type),
            lambda c: not is_statement(c),
            roles,
            vocabulary - {family("Statement")},
        )
        _score_document(
            result,
            "statements.",
            gold,
            extraction,
            lambda e: _statement_gold(e.type),
            is_statement,
            STATEMENT_ROLES,
            {family("Statement")},
            fold_to=family("Statement"),
        )
    result.notes["out_of_vocabulary_gold_events"] = out_of_vocabulary
    result.notes["statements_view"] = (
        "precision is a lower bound (WikiEvents annotates few of the attributed statements of its articles)"
    )
    return result


def _score_document(
    result: EventScores,
    prefix: str,
    gold: GoldDocument,
    extraction: DocExtraction,
    keep_gold: Callable[[GoldEvent], bool],
    keep_class: Callable[[str], bool],
    roles: dict[str, str],
    families: set[str],
    fold_to: str | None = None,
) -> None:
    """Add one document's counts of one view: the gold events ``keep_gold`` keeps (their type
    folded to ``fold_to`` when given) against the predictions of the classes ``keep_class`` keeps."""
    gold_events = [(e, fold_to or kairos_family(e.type)) for e in gold.events if e.trigger is not None and keep_gold(e)]
    predictions = [
        (trigger, family(event.type), event)
        for event in extraction.events
        if keep_class(event.type)
        for trigger in event.triggers
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
    gold_args_entity = {
        (k, roles[a.role], frozenset(head_word(m.text) for m in a.mentions) - {""})
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
        hit = next((k for k, (g, _) in enumerate(gold_events) if k not in used and _overlap(g.trigger, trigger)), None)
        heads = _argument_heads(event)
        counts = per_family.setdefault(kind, [0, 0])
        counts[1] += 1
        if hit is None:
            # A trigger of a gold event outside the view, or of none: a false positive either way.
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
    result.add(f"{prefix}trigger_identification", id_tp, n_pred - id_tp, n_gold - id_tp)
    result.add(f"{prefix}trigger_classification", cls_tp, n_pred - cls_tp, n_gold - cls_tp)
    result.add(f"{prefix}argument_identification", *matched(gold_args_id, pred_args_id))
    result.add(f"{prefix}argument_classification", *matched(gold_args_cls, pred_args_cls))
    result.add(f"{prefix}argument_classification_by_entity", *_matched_by_entity(gold_args_entity, pred_args_cls))
    for kind in sorted(families):
        hits, predicted = per_family.get(kind, [0, 0])
        in_gold = sum(1 for _, k in gold_events if k == kind)
        result.add(f"{prefix}trigger_classification/{kind}", hits, predicted - hits, in_gold - hits)
