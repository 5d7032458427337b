"""Event scorers, one module per benchmark, registered as ``kg evaluate --task events``:

- :mod:`~kg.evaluate.events.wikievents`: triggers and arguments;
- :mod:`~kg.evaluate.events.muc4`: incident types and role fillers;
- :mod:`~kg.evaluate.events.gold`: the project's gold files (the seed article, CoNLL-2003 Reuters news):
  event class and trigger, arguments by role;

sharing :mod:`~kg.evaluate.events.common` (label mappings, head words, the extraction run, counts).
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.evaluate.events.common import EventScores, run_extraction
from kg.evaluate.events.gold import score_gold
from kg.evaluate.events.muc4 import score_muc4
from kg.evaluate.events.wikievents import score_wikievents
from kg.evaluate.records import GoldDocument
from kg.evaluate.scoring import PRF
from kg.evaluate.tasks import EvaluationRun, Report, scorer

SCORERS = {"wikievents": score_wikievents, "muc4": score_muc4, "gold": score_gold}
TITLES = {
    "wikievents": "Events on WikiEvents: triggers and arguments (KAIROS mapped onto the vocabulary)",
    "muc4": "Events on MUC-4: incident types and role fillers",
    "gold": "Events of the gold file: class and trigger, agent, arguments by role",
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
    if "events" in raw and ("text_file" in raw or "conll" in raw):
        return "gold"
    raise ValueError(f"{document.id}: not a WikiEvents, MUC-4 or gold json record; events cannot be scored")
