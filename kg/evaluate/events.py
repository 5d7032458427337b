"""Event scorers: WikiEvents triggers and arguments, MUC-4 incident types and role fillers, seed gold.

Every benchmark's labels are first mapped onto the newskg vocabulary with the data file
``kg/extract/lexicons/event_benchmarks.json`` (documented in benchmarks/README.md); then

- **WikiEvents** (per trigger): a prediction *identifies* a gold trigger when their
  character spans overlap, and *classifies* it when the KAIROS type of its class (the
  lexicon's ``kairos``) and the gold type are of one family.
  An argument is *identified* when its head word equals the head word of a gold
  argument of the same identified event, and *classified* when the role matches too
  (agent, target, victim, place) and the event is classified.
- **MUC-4** (per document): the set of incident types (attack, bombing, kidnapping)
  the document's incident events evidence (:func:`incident_events`: asserted, naming who,
  not a military action nor a war's toll; a killing or injury caused by a told attack
  counts as that attack), against its templates' types (a document without a template
  is a negative); role fillers PerpOrg→agent, Target→target,
  Victim→victim by head noun, pooled per document and role (any mention of a gold
  filler counts once).
- **gold json**: a gold event is found when an event of its class has a trigger
  containing the gold trigger's words (or contained in them), and its agent is right
  when every gold agent is among the found event's agents (names or aliases).

>>> head_word("the French embassy in Lima"), head_word("EFD's"), head_word("two Malian embassy staff")
('embassy', 'efd', 'staff')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language

from kg.evaluate.records import GoldDocument
from kg.evaluate.scoring import PRF
from kg.evaluate.tasks import EvaluationRun, Report, scorer
from kg.extract.lexicon import load_lexicon
from kg.extract.pipeline import extract
from kg.extract.triggers import event_types
from kg.model import DocExtraction, Document, Event
from kg.resolve import resolve

SCORED_ROLES = ("agent", "target", "victim", "place")


@lru_cache(maxsize=1)
def mappings() -> dict:
    """The benchmark label mappings (``event_benchmarks.json``)."""
    return load_lexicon("event_benchmarks.json")


def kairos_family(kairos_type: str) -> str:
    """A KAIROS type folded with the types scored as one (``same_type`` in the data file).

    >>> kairos_family("Conflict.Attack.DetonateExplode")
    'Conflict.Attack.Unspecified'
    """
    return mappings()["wikievents"]["same_type"].get(kairos_type, kairos_type)


def family(name: str) -> str:
    """The folded KAIROS type of a newskg class: its scoring family.

    >>> family("Bombing") == family("Attack"), family("ClaimOfResponsibility") == family("Statement")
    (True, True)
    """
    return kairos_family(event_types()[name].kairos)


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
        result.add("argument_identification", *_matched(gold_args_id, pred_args_id))
        result.add("argument_classification", *_matched(gold_args_cls, pred_args_cls))
        for kind in sorted(vocabulary):
            hits, predicted = per_family.get(kind, [0, 0])
            in_gold = sum(1 for _, k in gold_events if k == kind)
            result.add(f"trigger_classification/{kind}", hits, predicted - hits, in_gold - hits)
    result.notes["out_of_vocabulary_gold_events"] = out_of_vocabulary
    return result


def incident_events(extraction: DocExtraction) -> list[Event]:
    """The events a document tells as incidents in MUC-4's sense (``muc4.incident`` in the data
    file): asserted, of a class mapped to an incident type, naming one of the roles its class
    needs ("more deaths" names nobody), not done by armed forces alone (a military action),
    not a killing of combatants only (a casualty of combat), not the toll of a war or a
    period (more victims than ``max_victims``), and not dated before the article's year.

    >>> from kg.model import Argument, Span
    >>> def event(kind, *args):
    ...     return Event(kind, [Span(0, 1, "x")], Span(0, 1, "x"), [Argument(r, Span(0, 1, w)) for r, w in args])
    >>> extraction = DocExtraction(Document.from_text("x"), "m", events=[
    ...     event("Attack", ("agent", "rebels")), event("Attack", ("agent", "the army")),
    ...     event("Killing"), event("Killing", ("victim", "13,000 people")), event("Meeting", ("agent", "x"))])
    >>> [e.arguments[0].span.text for e in incident_events(extraction)]
    ['rebels']
    """
    muc = mappings()["muc4"]
    rules = muc["incident"]
    forces, combatants = set(rules["armed_forces"]), set(rules["combatants"])
    year = _article_year(extraction.doc)
    found = []
    for event in extraction.events:
        if event.type not in muc["types"] or event.modality is not None:
            continue
        roles = {a.role for a in event.arguments}
        needed = rules["named_roles"].get(event.type)
        if needed is not None and not roles & set(needed):
            continue
        if _all_of(event, "agent", forces) or _all_of(event, "victim", combatants):
            continue
        if _victims(event) > rules["max_victims"]:
            continue
        if event.time and year and int(event.time[:4]) < year:
            continue  # "raided the town in 1987": background, not the incident reported
        found.append(event)
    return found


def incident_types(extraction: DocExtraction) -> set[str]:
    """The MUC-4 incident types a document's :func:`incident_events` evidence. A death or
    injury caused by a told attack is part of that incident, not one of its own; killings
    told along with a kidnapping (``outcome_of``), and no attack besides, are taken as that
    kidnapping's outcome (hostages or bystanders killed), not an attack of their own.

    >>> from kg.model import Argument, Span
    >>> def event(kind):
    ...     return Event(kind, [Span(0, 1, "x")], Span(0, 1, "x"), [Argument("victim", Span(0, 1, "a judge"))])
    >>> def types(*kinds):
    ...     return sorted(incident_types(DocExtraction(Document.from_text("x"), "m", events=[event(k) for k in kinds])))
    >>> types("Kidnapping", "Killing"), types("Killing")
    (['kidnapping'], ['attack'])
    """
    muc = mappings()["muc4"]
    outcome_of = muc["incident"]["outcome_of"]
    events = [e for e in incident_events(extraction) if not any(p == "causedBy" for p, _ in e.links)]
    told = {e.type for e in events}
    sources: dict[str, set[str]] = {}
    for event in events:
        sources.setdefault(muc["types"][event.type], set()).add(event.type)
    return {
        kind for kind, classes in sources.items() if not all(c in outcome_of and outcome_of[c] in told for c in classes)
    }


def _article_year(document: Document) -> int | None:
    """The year the article was written: of its publication date, else the latest year its text names."""
    if document.published:
        return int(document.published[:4])
    return max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", document.text)), default=None)


def _all_of(event: Event, role: str, kinds: set[str]) -> bool:
    """Whether the event has arguments of ``role`` and each is one of ``kinds`` by its head
    word or its last two words ("the salvadoran air force")."""
    heads = [
        (head_word(a.span.text), " ".join(a.span.text.lower().split()[-2:])) for a in event.arguments if a.role == role
    ]
    return bool(heads) and all(one in kinds or two in kinds for one, two in heads)


def _victims(event: Event) -> int:
    """The largest number of victims the event tells: its counts, or a number in a victim's words."""
    numbers = [n for n in (event.killed_count, event.injured_count, event.count) if n]
    for arg in event.arguments:
        if arg.role == "victim":
            numbers += [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", arg.span.text)]
    return max(numbers, default=0)


def score_muc4(pairs: Iterable[tuple[GoldDocument, DocExtraction]]) -> EventScores:
    """Document incident types and role fillers (see the module docstring)."""
    muc = mappings()["muc4"]
    result = EventScores()
    documents = 0
    for gold, extraction in pairs:
        documents += 1
        gold_types = {t for e in gold.events for t in muc["gold_types"].get(e.type, [])}
        events = [e for e in extraction.events if e.type in muc["types"] and e.modality is None]
        predicted_types = incident_types(extraction)
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
            kinds = muc["role_entity_types"].get(slot)
            types = {e.key: e.type for e in extraction.entities}
            heads = {
                head_word(a.span.text)
                for e in events
                for a in e.arguments
                if a.role == role and (kinds is None or types.get(a.entity or "") in kinds)
            } - {"", *muc["not_fillers"]}
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
TITLES = {
    "wikievents": "Events on WikiEvents: triggers and arguments (KAIROS mapped onto the vocabulary)",
    "muc4": "Events on MUC-4: incident types and role fillers",
    "gold": "Events of the gold file: class and agent",
}


def _report(fmt: str, result: EventScores, documents: int) -> Report:
    groups: dict[str, dict[str, PRF]] = {}
    for name, counts in result.scores.items():
        table, _, label = name.partition("/")
        groups.setdefault(table, {})[label or "ALL"] = counts
    report = Report(f"{TITLES[fmt]} ({documents} documents)")
    report.tables = {table: {"newskg": rows} for table, rows in groups.items()}
    report.notes = [f"{k}: {v}" for k, v in result.notes.items()]
    return report


@scorer("events", formats=("wikievents", "muc4", "gold"))
def evaluate_events(documents: Iterable[GoldDocument], run: EvaluationRun) -> Report:
    """``kg evaluate DATASET --task events``: the scorer of the dataset's format."""
    documents = list(documents)
    if not documents:
        raise ValueError("no documents to score")
    fmt = _format_of(documents[0])
    component = run.nlp.get_pipe("newskg_events")
    # WikiEvents annotates event mentions, each with the arguments of its own sentence.
    component.merge_mentions = fmt != "wikievents"
    try:
        result = SCORERS[fmt](run_extraction(documents, run.nlp, run.batch_size))
    finally:
        component.merge_mentions = True
    return _report(fmt, result, len(documents))


def _format_of(document: GoldDocument) -> str:
    """Which benchmark a gold record comes from, by the fields of its raw record."""
    raw = document.raw
    if "event_mentions" in raw:
        return "wikievents"
    if "templates" in raw:
        return "muc4"
    if "events" in raw and "text_file" in raw:
        return "gold"
    raise ValueError(f"{document.id}: not a WikiEvents, MUC-4 or gold json record; events cannot be scored")
