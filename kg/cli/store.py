"""``kg query``, ``kg validate``, ``kg export``, ``kg load``, ``kg remove``: the store commands.

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

from kg.cli.common import (
    ENDPOINT_NOTE,
    SOURCE_HELP,
    CopiedSourceArg,
    LimitOpt,
    check_base,
    deprecated,
    err,
    examples,
    fail,
    graph_errors,
    out,
    parse_params,
)
from kg.rdf.namespaces import DEFAULT_BASE, compact_iri

QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld")
FORMAT_HELP = "table, csv, tsv, json, xml; ttl/nt/jsonld/xml for CONSTRUCT and DESCRIBE."
DEFAULT_STORE = Path("kg-out/store")


def _print_results(results, fmt: str) -> None:
    import pyoxigraph as ox

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
    source: Annotated[str | None, typer.Argument(help=SOURCE_HELP, metavar="SOURCE")] = None,
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.", metavar="SPARQL")] = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a .rq file.")] = None,
    ready: Annotated[str | None, typer.Option("--ready", "-r", help="A ready query of ontology/queries.")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="name=value, bound as an RDF term.")] = [],  # noqa: B006
    fmt: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "table",
    timeout: Annotated[float | None, typer.Option(help="Stop the query after this many seconds.")] = None,
    endpoint: Annotated[
        str | None, typer.Option(help="Deprecated: give the endpoint URL as SOURCE.", hidden=True)
    ] = None,
) -> None:
    """Run SPARQL over a store, a file or an endpoint. Parameters are bound safely: --param name=value.

    On an endpoint the query runs on the server, which should serve the union of its graphs as default graph.
    """
    from kg.query import ready_query, run_query
    from kg.query.remote import run_remote_query
    from kg.query.run import refuse_unknown_parameters, with_timeout
    from kg.store.http import EndpointClient, check_endpoint_url
    from kg.store.sources import is_endpoint, open_source

    if endpoint:
        deprecated(f"--endpoint for query names the source; give the URL as SOURCE: kg query {endpoint} ...")
        if source is not None and sparql is not None:
            fail("with --endpoint, give no SOURCE: the endpoint is the source")
        source, sparql = endpoint, source
    if source is None:
        fail("give a SOURCE: a store directory, an RDF file or an http(s):// SPARQL endpoint")
    given = [x for x in (sparql, file, ready) if x]
    if len(given) != 1:
        fail("give exactly one of: the query text, -f FILE.rq, --ready NAME")
    if fmt not in QUERY_FORMATS:
        fail(f"--format {fmt!r}: use one of {', '.join(QUERY_FORMATS)}")
    try:
        text = file.read_text(encoding="utf-8") if file else ready_query(ready) if ready else sparql
        params = parse_params(param)
        if ready:
            refuse_unknown_parameters(ready, text, params)
        if is_endpoint(source):
            with EndpointClient(timeout=timeout, retries=2) as client:
                _print_results(run_remote_query(client, check_endpoint_url(source, "SOURCE"), text, params), fmt)
            return
        store = open_source(source)
        # Rendering is inside the deadline: Oxigraph evaluates lazily, as the rows are read.
        with_timeout(lambda: _print_results(run_query(store, text, params), fmt), timeout)
    except BrokenPipeError:
        raise  # the reader of standard output went away: kg.cli.main ends quietly
    except graph_errors() as error:
        fail(str(error))


def validate(
    source: CopiedSourceArg,
    limit: LimitOpt = 20,
    engine: Annotated[
        str,
        typer.Option(help="SHACL engine: auto (pyshacl-turbo, else pySHACL), pyshacl (reference), pyshacl-turbo."),
    ] = "auto",
    jobs: Annotated[
        int, typer.Option(min=1, help="Processes checking batches of a store directory (memory: a batch each).")
    ] = 1,
) -> None:
    """Check a graph against the newskg SHACL shapes (ontology/shapes.ttl); exit 1 when it does not conform.
    Document graphs are checked a batch at a time, then the corpus facts: memory stays that of a batch."""
    from kg.store.validate import validate as run_validate

    try:
        report = run_validate(source, engine=engine, jobs=jobs)
    except (*graph_errors(), ValueError) as error:
        fail(str(error))
    if report.conforms:
        out.print(f"[green]conforms[/]: {report.triples} quads in {report.graphs} piece(s), no violations.")
        return
    out.print(
        f"[red]does not conform[/]: {len(report.violations)} violation(s) in {report.triples} quads"
        f" ({report.graphs} piece(s))."
    )
    # Messages and values are data: "rdfs:label" is no emoji code and "[...]" no markup.
    for message, count in report.by_message().most_common():
        out.print(f"  {count:5}  {message}", highlight=False, markup=False, emoji=False)
    for v in report.violations[:limit]:
        out.print(
            f"- {v.severity}: {compact_iri(v.focus)}"
            + (f" {compact_iri(v.path)}" if v.path else "")
            + (f" = {compact_iri(v.value)[:80]}" if v.value else ""),
            highlight=False,
            markup=False,
            emoji=False,
        )
        out.print(f"    {v.message}", highlight=False, markup=False, emoji=False)
    if len(report.violations) > limit:
        out.print(f"  ... and {len(report.violations) - limit} more (--limit N to list more)")
    raise typer.Exit(1)


def export(
    source: CopiedSourceArg,
    fmt: Annotated[str, typer.Option("--format", help="ttl, nt, nq, trig or jsonld.")] = "nq",
    graph: Annotated[str | None, typer.Option(help="Only this named graph (its IRI).")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write here (default: standard output).")] = None,
) -> None:
    """Write a graph as RDF, streaming from a store (memory stays flat): nq/trig/jsonld keep the named graphs."""
    from kg.store.export import FORMATS, write
    from kg.store.sources import open_source

    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        store = open_source(source)
        if out_file is None:
            write(store, sys.stdout.buffer, fmt, graph)
            sys.stdout.flush()
        else:
            with out_file.open("wb") as stream:
                write(store, stream, fmt, graph)
    except BrokenPipeError:
        raise  # the reader of standard output went away: kg.cli.main ends quietly
    except (*graph_errors(), ValueError) as error:
        fail(str(error))


def remove(
    docs: Annotated[list[str], typer.Argument(help="Document ids (as built), or document IRIs in <>.")],
    store_dir: Annotated[Path, typer.Option("--store", help="The store to remove them from.")] = DEFAULT_STORE,
    base: Annotated[str, typer.Option(help="Base IRI the store was built with.")] = DEFAULT_BASE,
    build_dir: Annotated[
        Path | None, typer.Option("--out", "-o", help="Deprecated: use --store DIR/store.", hidden=True)
    ] = None,
) -> None:
    """Remove documents and their facts from a store; labels and counts are recomputed.

    The graph.ttl and graph.nq that kg build wrote beside the store are rewritten to match.
    """
    from kg.build import OUTPUT_FILES
    from kg.incidents import update_incidents
    from kg.store.documents import remove_documents
    from kg.store.embedded import EmbeddedStore
    from kg.store.export import export as export_file

    check_base(base)
    if build_dir is not None:
        store_dir = build_dir / "store"
        deprecated(f"--out for remove names the build directory, not what it writes; use --store {store_dir}")
    if not store_dir.is_dir():
        fail(f"{store_dir}: no such store (build one with kg build --store {store_dir})")
    store = EmbeddedStore(store_dir, base=base)
    removed, missing = remove_documents(store, docs)
    update_incidents(store, removed=removed)  # incidents and duplicates are corpus facts too
    for fmt, name in OUTPUT_FILES.items():
        if (store_dir.parent / name).exists():  # keep the build's files in step with the store
            export_file(store, store_dir.parent / name, fmt)
    out.print(f"Removed {len(removed)} document(s); {len(store)} quads remain.", highlight=False)
    for doc in missing:
        out.print(f"  not in the store: {doc}", highlight=False)
    if not removed:
        raise typer.Exit(1)


def _recompute_incidents(store_dir: Path) -> None:
    """Incidents and duplicates are corpus facts over every stored document: a loaded corpus graph
    holds those of its source alone (merged with others, or of a store that had other documents),
    so after a load they are made again from the documents, with a new incident index."""
    from kg.incidents import update_incidents
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(store_dir)
    report = update_incidents(store, rebuild=True)
    store.flush()
    if report.documents_indexed:
        out.print(
            f"Incidents recomputed over {report.documents_indexed} documents: {report.incidents_written} incidents.",
            highlight=False,
        )


def load(
    source: Annotated[str, typer.Argument(help="A store directory or an RDF file.")],
    store_dir: Annotated[Path | None, typer.Option("--store", help="Load into this embedded store.")] = None,
    endpoint: Annotated[str | None, typer.Option(help="Load into this Graph Store HTTP Protocol URL.")] = None,
    update_endpoint: Annotated[
        str | None, typer.Option(help="Load through this SPARQL Update URL (servers without GSP).")
    ] = None,
    query_endpoint: Annotated[str | None, typer.Option(help="SPARQL query URL for the final count check.")] = None,
    mode: Annotated[str, typer.Option(help="replace: each graph replaces the server's; merge: add to it.")] = "replace",
    request_size: Annotated[int, typer.Option(help="Triples per request to a server.")] = 50_000,
    max_request_bytes: Annotated[
        int, typer.Option(min=1024, help="Bytes of N-Triples per request to a server, at most.")
    ] = 8 * 1024 * 1024,
    retries: Annotated[int, typer.Option(help="Retries of a request on 5xx or connection errors.")] = 4,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each request.")] = 120.0,
    batch_size: Annotated[
        int | None, typer.Option(help="Deprecated: use --request-size (triples per request).", hidden=True)
    ] = None,
) -> None:
    """Load a store or RDF file into an embedded store (--store) or a triple store server, named graphs kept.

    A server takes the Graph Store protocol (--endpoint) or SPARQL Update (--update-endpoint); its counts are checked.
    """
    from kg.store.http import EndpointClient, check_endpoint_url
    from kg.store.load import load_into_store
    from kg.store.remote import MODES, load_to_endpoint
    from kg.store.sources import open_source

    if batch_size is not None:
        deprecated("--batch-size for load is triples per request; use --request-size N")
        request_size = batch_size
    if mode not in MODES:
        fail(f"--mode {mode!r}: use one of {', '.join(MODES)}")
    if sum(1 for target in (endpoint or update_endpoint, store_dir) if target) != 1:
        fail("give one target: --store DIR, or --endpoint URL (or --update-endpoint URL)")
    try:
        if store_dir is not None:
            summary = load_into_store(source, store_dir, merge=mode == "merge")
            how = "bulk loader" if summary.bulk else "one transaction per graph"
            out.print(f"Loaded {source} into {store_dir} ({how}): {summary.triples} quads in {summary.graphs} graphs.")
            _recompute_incidents(store_dir)
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
                batch_size=request_size,
                max_bytes=max_request_bytes,
                on_batch=lambda n: progress.advance(task, n),
            )
    except graph_errors() as error:
        fail(str(error))
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
        fail(f"count check failed for {len(wrong)} graph(s)", code=1)
    out.print(f"Count check: the server holds all {report.triples} triples, graph by graph.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``kg`` app."""
    app.command(
        epilog=examples(
            "kg query kg-out/store 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }' --format csv",
            "kg query kg-out/graph.ttl --ready entity --param name='Kemal Arslan'",
            "kg query http://localhost:7878/query -f my-query.rq --format json",
            ENDPOINT_NOTE,
        )
    )(query)
    app.command(
        epilog=examples(
            "kg validate kg-out/store", "kg validate graph.nq --limit 50", "kg validate https://host/sparql"
        )
    )(validate)
    app.command(
        epilog=examples(
            "kg export kg-out/store --format jsonld -o graph.jsonld",
            "kg export kg-out/store --format ttl --graph https://w3id.org/newskg/id/graph/corpus",
            "kg export http://localhost:7878/query --format nq -o copy.nq",
        )
    )(export)
    app.command(
        epilog=examples(
            "kg load kg-out/store --endpoint http://localhost:7878/store",
            "kg load kg-out/graph.nq --update-endpoint https://host/update --request-size 10000",
            "kg load other.nq --store kg-out/store --mode merge",
            ENDPOINT_NOTE,
        )
    )(load)
    app.command(epilog=examples("kg remove wire-2025-04-12 --store kg-out/store"))(remove)
