"""``kg evaluate`` (benchmark scorers) and ``kg explain`` (why names were merged into a node, or events
into an incident)."""

from __future__ import annotations

import json
import sys
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import CopiedSourceArg, JsonOpt, deprecated, examples, fail, graph_errors, output_format

DATASET_FORMATS = ("wikievents", "conll", "redocred", "muc4", "gold")
REPORT_FORMATS = ("markdown", "json")
EXPLAIN_FORMATS = ("text", "json")


def evaluate(
    dataset: Annotated[Path, typer.Argument(help="A dataset file: WikiEvents .jsonl, CoNLL, Re-DocRED .json, ...")],
    input_format: Annotated[
        str | None,
        typer.Option(help=f"The dataset's format: {', '.join(DATASET_FORMATS)} (default: from the file name)."),
    ] = None,
    task: Annotated[
        str | None, typer.Option(help="entities | relations | events (default: the format's usual task).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="An installed spaCy pipeline (default en_core_web_sm).")] = None,
    split: Annotated[
        str,
        typer.Option(help="tune | check | all: the half of the set (by a hash of each document id) to score."),
    ] = "all",
    documents: Annotated[int | None, typer.Option(help="Score only the first N documents (of the split).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="Output: markdown (default) or json.")] = None,
    as_json: JsonOpt = False,
    limit: Annotated[int | None, typer.Option(help="Deprecated: use --documents N.", hidden=True)] = None,
) -> None:
    """Run the pipeline on a benchmark's texts and print P/R/F1 (with the raw model as baseline)."""
    from kg.evaluate.readers import READERS, guess_format
    from kg.evaluate.split import in_split
    from kg.evaluate.tasks import DEFAULT_TASKS, EvaluationRun, find_scorer
    from kg.extract.models import ModelNotFound

    if fmt in DATASET_FORMATS:
        deprecated(f"--format for evaluate names the output (markdown or json); use --input-format {fmt}")
        input_format, fmt = fmt, None
    if limit is not None:
        deprecated("--limit for evaluate means documents to score; use --documents N")
        documents = limit
    report_format = output_format(fmt, as_json, REPORT_FORMATS, "markdown")
    if not dataset.exists():
        fail(f"{dataset}: no such dataset file")
    try:
        input_format = input_format or guess_format(dataset)
        if input_format not in READERS:
            raise ValueError(f"unknown --input-format {input_format!r}; use one of {', '.join(READERS)}")
        task = task or DEFAULT_TASKS.get(input_format, "events")
        score = find_scorer(task, input_format)
        chosen = in_split(READERS[input_format](dataset), split)
        report = score(islice(chosen, documents), EvaluationRun(model=model))
    except (ValueError, LookupError, KeyError, OSError, ModelNotFound) as error:
        fail(f"{dataset}: {error}")
    if report_format == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        heading = f"kg evaluate {dataset} --input-format {input_format} --task {task} --split {split}"
        sys.stdout.write(f"{heading}\n\n{report.to_markdown()}\n")


def explain(
    source: CopiedSourceArg,
    entity: Annotated[
        str | None, typer.Argument(help="Any name of the entity (label or alias), or its IRI.", show_default=False)
    ] = None,
    incident: Annotated[
        str | None,
        typer.Option(
            help="Explain incidents instead: why their events were joined (an incident's IRI, or words of its label)."
        ),
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="Output: text (default) or json.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show an entity's surface forms, documents, and the reason each was merged into it; or, with
    --incident, the rules that joined an incident's events and which of its documents are copies."""
    from kg.store.sources import open_source

    chosen = output_format(fmt, as_json, EXPLAIN_FORMATS, "text")
    if (entity is None) == (incident is None):
        fail("name an entity, or an incident with --incident NAME_OR_IRI (one of the two)")
    try:
        if incident is not None:
            from kg.incidents.explain import explain_incidents

            explanations = explain_incidents(open_source(source), incident)
        else:
            from kg.resolve.explain import explain as run_explain

            explanations = run_explain(open_source(source), entity)
    except graph_errors() as error:
        fail(str(error))
    if not explanations:
        fail(f"{source}: no {'incident' if incident is not None else 'entity'} named {incident or entity!r}", code=1)
    if chosen == "json":
        sys.stdout.write(json.dumps([e.to_dict() for e in explanations], indent=2, ensure_ascii=False) + "\n")
        return
    for explanation in explanations:
        sys.stdout.write("\n".join(explanation.lines()) + "\n\n")


def register(app: typer.Typer) -> None:
    """Add ``evaluate`` and ``explain`` to the ``kg`` app."""
    app.command(
        epilog=examples(
            "kg evaluate dev.jsonl --input-format wikievents --task events",
            "kg evaluate conll03.txt --documents 100 --format json",
        )
    )(evaluate)
    app.command(
        epilog=examples(
            'kg explain kg-out/store "Arslan"',
            "kg explain kg-out/graph.nq Iraq --format json",
            'kg explain kg-out/store --incident "Bombing in Baidoa"',
        )
    )(explain)
