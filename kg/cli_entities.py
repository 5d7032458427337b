"""``kg evaluate`` (benchmark scorers) and ``kg explain`` (why names were merged into a node)."""

from __future__ import annotations

import json
import sys
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer

FORMATS = ("wikievents", "conll", "redocred", "muc4", "gold")


def evaluate(
    dataset: Annotated[Path, typer.Argument(help="A dataset file: WikiEvents .jsonl, CoNLL, Re-DocRED .json, ...")],
    fmt: Annotated[
        str | None, typer.Option("--format", help=f"One of {', '.join(FORMATS)} (default: from the file name).")
    ] = None,
    task: Annotated[
        str | None, typer.Option(help="entities | relations | events (default: the format's usual task).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="An installed spaCy pipeline (default en_core_web_sm).")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Run the pipeline on a benchmark's texts and print P/R/F1 (with the raw model as baseline)."""
    from kg.cli import _fail
    from kg.evaluate.readers import READERS, guess_format
    from kg.evaluate.tasks import DEFAULT_TASKS, EvaluationRun, find_scorer
    from kg.extract.pipeline import ModelNotFound

    if not dataset.exists():
        _fail(f"{dataset}: no such dataset file")
    try:
        fmt = fmt or guess_format(dataset)
        if fmt not in READERS:
            raise ValueError(f"unknown --format {fmt!r}; use one of {', '.join(READERS)}")
        task = task or DEFAULT_TASKS.get(fmt, "events")
        score = find_scorer(task, fmt)
        documents = islice(READERS[fmt](dataset), limit)
        report = score(documents, EvaluationRun(model=model))
    except (ValueError, LookupError, KeyError, OSError, ModelNotFound) as error:
        _fail(f"{dataset}: {error}")
    if as_json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        sys.stdout.write(f"kg evaluate {dataset} --format {fmt} --task {task}\n\n{report.to_markdown()}\n")


def explain(
    source: Annotated[str, typer.Argument(help="A store directory or an RDF file.")],
    entity: Annotated[str, typer.Argument(help="Any name of the entity (label or alias), or its IRI.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
) -> None:
    """Show an entity's surface forms, documents, and the reason each was merged into it."""
    from kg.cli import _fail
    from kg.resolve.explain import explain as run_explain
    from kg.store.sources import SourceError, open_source

    try:
        explanations = run_explain(open_source(source), entity)
    except (SourceError, OSError) as error:
        _fail(str(error))
    if not explanations:
        _fail(f"{source}: no entity named {entity!r}", code=1)
    if as_json:
        sys.stdout.write(json.dumps([e.to_dict() for e in explanations], indent=2, ensure_ascii=False) + "\n")
        return
    for explanation in explanations:
        sys.stdout.write("\n".join(explanation.lines()) + "\n\n")


def register(app: typer.Typer) -> None:
    app.command()(evaluate)
    app.command()(explain)
