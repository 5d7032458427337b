"""``kg query``, ``kg export``, ``kg load``, ``kg remove``: the store commands.

Each is a thin layer over kg.query and kg.store; credentials for remote servers come
only from the environment or a netrc file (see kg/store/http.py) and are never printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.rdf.namespaces import DEFAULT_BASE

FORMAT_HELP = "table, csv, tsv, json, xml; ttl/nt/jsonld/xml for CONSTRUCT and DESCRIBE."
ENDPOINT_HELP = "Run on this SPARQL endpoint (credentials from KG_ENDPOINT_* variables or netrc)."


def _parse_params(params: list[str]) -> dict[str, str]:
    from kg.cli import _fail

    parsed = {}
    for item in params:
        if "=" not in item:
            _fail(f"--param {item!r}: write it as name=value")
        name, value = item.split("=", 1)
        parsed[name.strip().lstrip("?$")] = value
    return parsed


def _print_results(results, fmt: str) -> None:
    import pyoxigraph as ox

    from kg.cli import out
    from kg.query.run import serialize_results, solutions_as_rows

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


def query(
    source: Annotated[str | None, typer.Argument(help="A store directory or RDF file (not with --endpoint).")] = None,
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.")] = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a .rq file.")] = None,
    ready: Annotated[str | None, typer.Option("--ready", "-r", help="A ready query of ontology/queries.")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="name=value, bound as an RDF term.")] = [],  # noqa: B006
    fmt: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "table",
    timeout: Annotated[float | None, typer.Option(help="Stop the query after this many seconds.")] = None,
    endpoint: Annotated[str | None, typer.Option(help=ENDPOINT_HELP)] = None,
) -> None:
    """Run SPARQL over a store, a file or an endpoint. Parameters are bound safely: --param name=value."""
    from kg.cli import _fail
    from kg.query import QueryError, ready_query, run_query
    from kg.query.remote import run_remote_query
    from kg.query.run import with_timeout
    from kg.store.http import EndpointClient, RemoteError, check_endpoint_url
    from kg.store.sources import SourceError, open_source

    if endpoint and source is not None and sparql is None:
        source, sparql = None, source  # `kg query --endpoint URL "SELECT ..."`
    if endpoint and source is not None:
        _fail("with --endpoint, give no SOURCE: the query runs on the server")
    if not endpoint and source is None:
        _fail("give a SOURCE (store directory or RDF file) or --endpoint URL")
    given = [x for x in (sparql, file, ready) if x]
    if len(given) != 1:
        _fail("give exactly one of: the query text, -f FILE.rq, --ready NAME")
    try:
        text = file.read_text(encoding="utf-8") if file else ready_query(ready) if ready else sparql
        params = _parse_params(param)
        if endpoint:
            with EndpointClient(timeout=timeout, retries=2) as client:
                _print_results(run_remote_query(client, check_endpoint_url(endpoint), text, params), fmt)
            return
        store = open_source(source)
        # Rendering is inside the deadline: Oxigraph evaluates lazily, as the rows are read.
        with_timeout(lambda: _print_results(run_query(store, text, params), fmt), timeout)
    except (QueryError, SourceError, RemoteError, OSError) as error:
        _fail(str(error))


def export(
    source: Annotated[str, typer.Argument(help="A store directory (or an RDF file).")],
    fmt: Annotated[str, typer.Option("--format", help="ttl, nt, nq, trig or jsonld.")] = "nq",
    graph: Annotated[str | None, typer.Option(help="Only this named graph (its IRI).")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write here (default: standard output).")] = None,
) -> None:
    """Write a store as RDF, streaming (memory stays flat): nq/trig/jsonld keep the named graphs."""
    from kg.cli import _fail
    from kg.store.export import FORMATS, write
    from kg.store.sources import SourceError, open_source

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        store = open_source(source)
        if out_file is None:
            write(store, sys.stdout.buffer, fmt, graph)
            sys.stdout.flush()
        else:
            with out_file.open("wb") as stream:
                write(store, stream, fmt, graph)
    except (SourceError, ValueError, OSError) as error:
        _fail(str(error))


def remove(
    docs: Annotated[list[str], typer.Argument(help="Document ids (as built), or document IRIs in <>.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="The build directory holding store/.")] = Path("kg-out"),
    base: Annotated[str, typer.Option(help="Base IRI the store was built with.")] = DEFAULT_BASE,
) -> None:
    """Remove documents and their facts from a built store; labels and counts are recomputed."""
    from kg.build import OUTPUT_FILES
    from kg.cli import _check_base, _fail, out
    from kg.incidents import update_incidents
    from kg.store.documents import remove_documents
    from kg.store.embedded import EmbeddedStore
    from kg.store.export import export as export_file

    _check_base(base)
    if not (out_dir / "store").is_dir():
        _fail(f"{out_dir}: no store/ in it (build one with kg build --out {out_dir})")
    store = EmbeddedStore(out_dir / "store", base=base)
    removed, missing = remove_documents(store, docs)
    update_incidents(store, removed=removed)
    for fmt, name in OUTPUT_FILES.items():
        if (out_dir / name).exists():  # keep the build's files in step with the store
            export_file(store, out_dir / name, fmt)
    out.print(f"Removed {len(removed)} document(s); {len(store)} quads remain.", highlight=False)
    for doc in missing:
        out.print(f"  not in the store: {doc}", highlight=False)
    if not removed:
        raise typer.Exit(1)


def load(
    source: Annotated[str, typer.Argument(help="A store directory or an RDF file.")],
    endpoint: Annotated[str | None, typer.Option(help="SPARQL Graph Store HTTP Protocol URL.")] = None,
    update_endpoint: Annotated[str | None, typer.Option(help="SPARQL Update URL (servers without GSP).")] = None,
    query_endpoint: Annotated[str | None, typer.Option(help="SPARQL query URL for the final count check.")] = None,
    store_dir: Annotated[Path | None, typer.Option("--store", help="Load into this embedded store instead.")] = None,
    mode: Annotated[str, typer.Option(help="replace: each graph replaces the server's; merge: add to it.")] = "replace",
    batch_size: Annotated[int, typer.Option(help="Triples per request.")] = 50_000,
    retries: Annotated[int, typer.Option(help="Retries of a request on 5xx or connection errors.")] = 4,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each request.")] = 120.0,
) -> None:
    """Load a store or RDF file into a remote triple store (named graphs kept) or an embedded store."""
    from kg.cli import _fail, err, out
    from kg.store.http import EndpointClient, RemoteError, check_endpoint_url
    from kg.store.load import load_into_store
    from kg.store.remote import MODES, load_to_endpoint
    from kg.store.sources import SourceError, open_source

    if mode not in MODES:
        _fail(f"--mode {mode!r}: use one of {', '.join(MODES)}")
    if sum(1 for target in (endpoint or update_endpoint, store_dir) if target) != 1:
        _fail("give one target: --endpoint URL (or --update-endpoint URL), or --store DIR")
    try:
        if store_dir is not None:
            summary = load_into_store(source, store_dir, merge=mode == "merge")
            how = "bulk loader" if summary.bulk else "one transaction per graph"
            out.print(f"Loaded {source} into {store_dir} ({how}): {summary.triples} quads in {summary.graphs} graphs.")
            return
        urls = {"--endpoint": endpoint, "--update-endpoint": update_endpoint, "--query-endpoint": query_endpoint}
        for option, url in urls.items():
            if url:
                check_endpoint_url(url, option)
        data = open_source(source)
        progress = Progress(
            TextColumn("triples"),
            MofNCompleteColumn(),
            BarColumn(bar_width=None),
            TimeElapsedColumn(),
            console=err,
            disable=not err.is_terminal,
            transient=True,
        )
        with progress, EndpointClient(timeout=timeout, retries=retries) as client:
            task = progress.add_task("load", total=len(data))
            report = load_to_endpoint(
                data,
                client,
                endpoint=endpoint,
                update_endpoint=None if endpoint else update_endpoint,
                query_endpoint=query_endpoint,
                mode=mode,
                batch_size=batch_size,
                on_batch=lambda n: progress.advance(task, n),
            )
    except (SourceError, RemoteError, OSError) as error:
        _fail(str(error))
    target = endpoint or update_endpoint
    out.print(
        f"Loaded {report.triples} triples in {report.graphs} graph(s) to {target} "
        f"({report.mode}, {report.requests} request(s)).",
        highlight=False,
    )
    wrong = report.mismatches()
    if wrong:
        for graph, (sent, held) in sorted(wrong.items()):
            out.print(f"  count mismatch in {graph}: sent {sent}, server holds {held}", highlight=False)
        _fail(f"count check failed for {len(wrong)} graph(s)", code=1)
    out.print(f"Count check: the server holds all {report.triples} triples, graph by graph.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``kg`` app."""
    app.command()(query)
    app.command()(export)
    app.command()(load)
    app.command()(remove)
