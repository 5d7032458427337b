"""The ``kg`` command. Each subcommand is a thin layer over a module of its own."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

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
    store_dir: Annotated[Path | None, typer.Option("--store", help="Store to grow (default OUT/store).")] = None,
    force: Annotated[bool, typer.Option(help="Extract every document again, changed or not.")] = False,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Extraction processes (default: one per core, at most 8; 1: serial).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Extract on the Dask cluster at this address (e.g. tcp://10.0.0.5:8786).")
    ] = None,
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
                store_dir=store_dir,
                force=force,
                workers=workers,
                scheduler=scheduler,
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
    from kg.store.sources import SourceError
    from kg.store.validate import validate as run_validate

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


def main() -> None:
    app()


# Commands of other areas live in their own modules (kg/cli_<area>.py), each with a
# ``register(app)`` function taking this Typer app; one line each below.
from kg.cli_analysis import register as register_analysis  # noqa: E402  (analyze, path, viz)
from kg.cli_entities import register as register_entities  # noqa: E402  (evaluate, explain)
from kg.cli_store import register as register_store  # noqa: E402  (query, export, load, remove)

register_store(app)
register_entities(app)
register_analysis(app)

if __name__ == "__main__":
    main()
