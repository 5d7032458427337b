"""The scorers ``kg evaluate`` can run, registered by task and dataset format.

A scorer is a function ``(documents, run) -> Report`` registered with
:func:`scorer`; ``kg evaluate DATASET --format F --task T`` calls the one
registered for (T, F). Each area adds its own module to :data:`SCORER_MODULES`
(entities and relations here; events in the ``kg.evaluate.events`` package, one module per benchmark).

>>> @scorer("demo", formats=("gold",))
... def demo(documents, run):
...     return Report("demo", notes=[f"{len(list(documents))} documents"])
>>> find_scorer("demo", "gold")([], None).to_markdown()
'## demo\\n\\n0 documents'
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.language import Language

from kg.evaluate.records import GoldDocument
from kg.evaluate.scoring import PRF, markdown_table

# Modules that register scorers when imported; a module not installed yet is skipped.
SCORER_MODULES = ("kg.evaluate.entities", "kg.evaluate.relations", "kg.evaluate.events")
# The task run when --task is not given.
DEFAULT_TASKS = {"wikievents": "entities", "conll": "entities", "redocred": "relations", "gold": "entities"}


@dataclass
class EvaluationRun:
    """What a scorer needs besides the gold: the model to run, loaded once and shared."""

    model: str | None = None
    batch_size: int = 16

    @cached_property
    def nlp(self) -> Language:
        """The full newskg pipeline."""
        from kg.extract.pipeline import load_pipeline

        return load_pipeline(self.model)

    @cached_property
    def raw_nlp(self) -> Language:
        """The same spaCy model without newskg's components: the baseline."""
        import spacy

        from kg.extract.pipeline import default_model

        return spacy.load(self.model or default_model())


@dataclass
class Report:
    """A scorer's result: tables of P/R/F1 (table -> system -> label -> counts) and notes."""

    title: str
    tables: dict[str, dict[str, dict[str, PRF]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        parts = [f"## {self.title}"]
        for name, rows in self.tables.items():
            parts.append(f"### {name}\n\n{markdown_table(rows)}")
        if self.notes:
            parts.append("\n".join(self.notes))
        return "\n\n".join(parts)

    def to_json(self) -> str:
        return json.dumps(
            {
                "title": self.title,
                "tables": {
                    name: {system: {k: s.as_dict() for k, s in scores.items()} for system, scores in rows.items()}
                    for name, rows in self.tables.items()
                },
                "notes": self.notes,
            },
            indent=2,
            ensure_ascii=False,
        )


Scorer = Callable[[Iterable[GoldDocument], EvaluationRun], Report]
_SCORERS: dict[tuple[str, str], Scorer] = {}


def scorer(task: str, formats: Iterable[str]) -> Callable[[Scorer], Scorer]:
    """Register a scorer for a task on the given dataset formats."""

    def register(function: Scorer) -> Scorer:
        for fmt in formats:
            _SCORERS[(task, fmt)] = function
        return function

    return register


def load_scorers() -> None:
    for module in SCORER_MODULES:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)


def find_scorer(task: str, fmt: str) -> Scorer:
    """The scorer of ``task`` for format ``fmt``; a clear error lists what exists."""
    load_scorers()
    if (task, fmt) not in _SCORERS:
        known = ", ".join(f"{t} on {f}" for t, f in sorted(_SCORERS))
        raise LookupError(f"no scorer for task {task!r} on format {fmt!r}; available: {known}")
    return _SCORERS[(task, fmt)]
