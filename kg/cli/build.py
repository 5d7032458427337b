"""``kg build``: articles to a graph (a thin layer over :func:`kg.build.build`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kg.cli.common import check_base, err, examples, fail, out
from kg.rdf.namespaces import DEFAULT_BASE


def build(
    sources: Annotated[
        list[str], typer.Argument(help="Files (.txt, .html, .jsonl, .rss, .atom), directories or http(s) URLs.")
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory to write the outputs in.")] = Path("kg-out"),
    store_dir: Annotated[Path | None, typer.Option("--store", help="Store to grow (default OUT/store).")] = None,
    model: Annotated[str | None, typer.Option(help="An installed spaCy pipeline (default en_core_web_sm).")] = None,
    base: Annotated[str, typer.Option(help="Base IRI for minted resources.")] = DEFAULT_BASE,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch (nlp.pipe).")] = 32,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any input is skipped.")] = False,
    force: Annotated[bool, typer.Option(help="Extract every document again, changed or not.")] = False,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Extraction processes (default: one per core, at most 8; 1: serial).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Extract on the Dask cluster at this address (e.g. tcp://10.0.0.5:8786).")
    ] = None,
    export_files: Annotated[
        bool | None,
        typer.Option(
            "--export/--no-export",
            help="Write graph.ttl and graph.nq (default: only when this run creates the store).",
            show_default=False,
        ),
    ] = None,
    validate: Annotated[
        bool, typer.Option(help="Check what this run wrote against the SHACL shapes; exit 1 when it does not conform.")
    ] = False,
) -> None:
    """Build (or update) a graph from articles: store and summary.json in --out, with graph.ttl and graph.nq
    when the store is new (or with --export)."""
    from kg.build import build as run_build
    from kg.extract.models import ModelNotFound

    check_base(base)
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"--out {out_dir} is a file; give a directory for the outputs")
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

    def on_notice(item) -> None:
        err.print(f"[cyan]note[/] {item.source}: {item.message}", highlight=False)

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
                on_notice=on_notice,
                store_dir=store_dir,
                force=force,
                workers=workers,
                scheduler=scheduler,
                export_files=export_files,
                validate=validate,
            )
        except ModelNotFound as error:
            fail(str(error))
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
    if summary.notices:
        out.print(f"Notes:    {len(summary.notices)} metadata field(s) repaired or dropped (each named above)")
    out.print(f"Quads in store: {summary.quads}")
    for name, path in summary.outputs.items():
        out.print(f"  {name:8} {path}", highlight=False)
    if summary.stale:
        out.print(
            "Not rewritten (older than the store; kg export, or kg build --export): " + ", ".join(summary.stale),
            highlight=False,
        )
    if summary.validation is not None:
        checked = summary.validation
        if checked["conforms"]:
            out.print("[green]Validation[/]: what this run wrote conforms to the shapes.")
        else:
            out.print(f"[red]Validation[/]: {checked['violations']} violation(s) in what this run wrote:")
            for message, count in checked["by_message"].items():
                out.print(f"  {count:5}  {message}", highlight=False)
    if summary.documents_read == 0:
        fail("nothing was built: no input could be read", code=1)
    if strict and summary.skipped:
        fail(f"--strict: {reasons} input(s) skipped", code=1)
    if summary.validation is not None and not summary.validation["conforms"]:
        fail("--validate: what this run wrote does not conform to the shapes (kg validate lists each)", code=1)


def register(app: typer.Typer) -> None:
    """Add ``build`` to the ``kg`` app."""
    app.command(
        epilog=examples(
            "kg build samples/ --out kg-out",
            "kg build news.jsonl https://example.org/article.html --store shared/store --batch-size 64",
            "kg build big.jsonl --workers 2",
            "kg build one-more.txt --out kg-out --validate --export",
            "kg build big.jsonl --scheduler tcp://10.0.0.5:8786",
        )
    )(build)
