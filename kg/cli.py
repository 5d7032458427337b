"""The ``kg`` command. Each subcommand is a thin layer over a module of its own."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.rdf.namespaces import DEFAULT_BASE, compact_iri

app = typer.Typer(
    help="newskg: knowledge graphs from news articles, in RDF, with every fact traced to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _check_base(base: str) -> str:
    # Every IRI is minted under it, and a few are written into SPARQL Update text.
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        _fail(f"--base {base!r} must be an http(s) IRI ending in '/' or '#', without spaces or <>")
    return base


@app.command()
def build(
    sources: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories or http(s) URLs.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("kg-out"),
    model: Annotated[str | None, typer.Option(help="An installed spaCy pipeline (default en_core_web_sm).")] = None,
    base: Annotated[str, typer.Option(help="Base IRI for minted resources.")] = DEFAULT_BASE,
    batch_size: Annotated[int, typer.Option(help="Documents per nlp.pipe batch.")] = 32,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any input is skipped.")] = False,
) -> None:
    """Build (or update) a graph from articles: store, graph.ttl, graph.nq and summary.json in --out."""
    from kg.build import build as run_build
    from kg.extract.pipeline import ModelNotFound

    _check_base(base)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("documents"),
        TextColumn("{task.completed:>5}"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )

    def on_skip(item) -> None:
        err.print(f"[yellow]skipped[/] {item.source}: {item.reason}", highlight=False)

    with progress:
        task = progress.add_task("build", total=None, rate="")

        def on_document(_doc) -> None:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f} docs/s" if elapsed else "")

        try:
            summary = run_build(
                sources,
                out_dir,
                model=model,
                base=base,
                batch_size=batch_size,
                on_document=on_document,
                on_skip=on_skip,
            )
        except ModelNotFound as error:
            _fail(str(error))
    reasons = len(summary.skipped)
    out.print(
        f"[bold]Built[/] {summary.documents_built} document(s), {summary.documents_unchanged} unchanged, "
        f"{reasons} skipped, in {summary.seconds:.1f}s with {summary.model}.",
        highlight=False,
    )
    if summary.entities_by_type:
        out.print("Entities: " + ", ".join(f"{k} {v}" for k, v in summary.entities_by_type.items()))
    if summary.events_by_type:
        out.print("Events:   " + ", ".join(f"{k} {v}" for k, v in summary.events_by_type.items()))
    if summary.skipped:
        kinds = ", ".join(f"{kind} {count}" for kind, count in summary.skipped_by_kind().items())
        out.print(f"Skipped:  {reasons} input(s): {kinds} (each named above; all in summary.json)")
    out.print(f"Quads in store: {summary.triples}")
    for name, path in summary.outputs.items():
        out.print(f"  {name:8} {path}", highlight=False)
    if summary.documents_read == 0:
        _fail("nothing was built: no input could be read", code=1)
    if strict and summary.skipped:
        _fail(f"--strict: {reasons} input(s) skipped", code=1)


@app.command()
def validate(
    source: Annotated[str, typer.Argument(help="A store directory or an RDF file.")],
    limit: Annotated[int, typer.Option(help="Violations to list in full.")] = 20,
) -> None:
    """Check a graph against the newskg SHACL shapes (ontology/shapes.ttl)."""
    from kg.sources import SourceError
    from kg.validate import validate as run_validate

    try:
        report = run_validate(source)
    except SourceError as error:
        _fail(str(error))
    if report.conforms:
        out.print(f"[green]conforms[/]: {report.triples} triples, no violations.")
        return
    out.print(f"[red]does not conform[/]: {len(report.violations)} violation(s) in {report.triples} triples.")
    for message, count in report.by_message().most_common():
        out.print(f"  {count:5}  {message}", highlight=False)
    for v in report.violations[:limit]:
        out.print(
            f"- {v.severity}: {compact_iri(v.focus)}"
            + (f" {compact_iri(v.path)}" if v.path else "")
            + (f" = {compact_iri(v.value)[:80]}" if v.value else ""),
            highlight=False,
        )
        out.print(f"    {v.message}", highlight=False)
    if len(report.violations) > limit:
        out.print(f"  ... and {len(report.violations) - limit} more (--limit N to list more)")
    raise typer.Exit(1)


def _parse_params(params: list[str]) -> dict[str, str]:
    parsed = {}
    for item in params:
        if "=" not in item:
            _fail(f"--param {item!r}: write it as name=value")
        name, value = item.split("=", 1)
        parsed[name.strip().lstrip("?$")] = value
    return parsed


@app.command()
def query(
    source: Annotated[str, typer.Argument(help="A store directory or an RDF file.")],
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.")] = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a .rq file.")] = None,
    ready: Annotated[str | None, typer.Option("--ready", "-r", help="A ready query of ontology/queries.")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="name=value, bound as an RDF term.")] = [],  # noqa: B006
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, tsv, json, xml; ttl/nt/jsonld for graphs.")
    ] = "table",
) -> None:
    """Run SPARQL over a store or file. Parameters are bound safely: --param name=value."""
    import pyoxigraph as ox

    from kg.query import QueryError, ready_query, run_query
    from kg.query.run import serialize_results, solutions_as_rows
    from kg.sources import SourceError, open_source

    given = [x for x in (sparql, file, ready) if x]
    if len(given) != 1:
        _fail("give exactly one of: the query text, -f FILE.rq, --ready NAME")
    try:
        text = file.read_text(encoding="utf-8") if file else ready_query(ready) if ready else sparql
        results = run_query(open_source(source), text, _parse_params(param))
        if fmt == "table" and isinstance(results, ox.QuerySolutions):
            names, rows = solutions_as_rows(results, short=True)
            table = Table(*names)
            for row in rows:
                table.add_row(*row)
            out.print(table)
            out.print(f"{len(rows)} row(s)")
        elif fmt == "table" and isinstance(results, ox.QueryBoolean):
            out.print("true" if bool(results) else "false")
        else:
            sys.stdout.buffer.write(serialize_results(results, fmt))
            sys.stdout.flush()
    except (QueryError, SourceError, OSError) as error:
        _fail(str(error))


def main() -> None:
    app()


# Commands of other areas live in their own modules (kg/cli_<area>.py), each with a
# ``register(app)`` function taking this Typer app; one line each below.
from kg.cli_entities import register as register_entities  # noqa: E402  (evaluate, explain)

register_entities(app)


if __name__ == "__main__":
    main()
