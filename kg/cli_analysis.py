"""The ``kg analyze``, ``kg path`` and ``kg viz`` commands (analysis and views of a built graph)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kg.rdf.namespaces import DEFAULT_BASE

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

SourceArg = Annotated[str, typer.Argument(help="A store directory, an RDF file, or a SPARQL endpoint URL.")]
TypeOpt = Annotated[
    list[str], typer.Option("--type", "-t", help="Keep entities of this class (repeatable): Person, Country, ...")
]
EventClassOpt = Annotated[
    list[str], typer.Option("--event-class", "-e", help="Keep events of this class and its subclasses (repeatable).")
]
SinceOpt = Annotated[str | None, typer.Option(help="Keep events from this date on (2025, 2025-03, 2025-03-14).")]
UntilOpt = Annotated[str | None, typer.Option(help="Keep events up to this date (inclusive).")]
MinSupportOpt = Annotated[int, typer.Option(help="Drop edges supported by fewer events/documents.")]


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _filters(types, event_classes, since, until, min_support):
    from kg.analysis.filters import make_filters

    try:
        return make_filters(types, event_classes, since, until, min_support)
    except ValueError as error:
        _fail(str(error))


def _read(source: str):
    from kg.analysis.read import read_graph
    from kg.store.sources import SourceError

    try:
        return read_graph(source)
    except SourceError as error:
        _fail(str(error))


def analyze(
    source: SourceArg,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for the report and metrics.")] = Path(
        "analysis"
    ),
    types: TypeOpt = [],  # noqa: B006
    event_classes: EventClassOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_support: MinSupportOpt = 1,
    period: Annotated[str, typer.Option(help="Activity periods: month or week.")] = "month",
    seed: Annotated[int, typer.Option(help="Seed of Louvain and of sampled betweenness.")] = 42,
    betweenness_k: Annotated[int, typer.Option(help="Sources sampled for betweenness above 1000 nodes.")] = 256,
    base: Annotated[str, typer.Option(help="Base IRI of the analysis graph (<base>graph/analysis).")] = DEFAULT_BASE,
    write_back: Annotated[bool, typer.Option(help="Write the metrics into a store SOURCE's analysis graph.")] = True,
    update_endpoint: Annotated[
        str | None, typer.Option(help="For an endpoint SOURCE: its SPARQL Update URL, to write the metrics back.")
    ] = None,
) -> None:
    """Centrality, communities, components, k-cores and activity over time: report.md, metrics.json/.csv,
    charts, and the metrics as RDF (analysis.nq, and the store's <base>graph/analysis graph)."""
    from kg.analysis.analyze import analyze as run_analysis
    from kg.analysis.rdf_out import analysis_graph, write_nquads, write_to_endpoint, write_to_store
    from kg.analysis.source import is_endpoint
    from kg.store.sources import SourceError

    if period not in ("month", "week"):
        _fail(f"--period {period!r}: use month or week")
    filters = _filters(types, event_classes, since, until, min_support)
    try:
        run = run_analysis(source, filters, period=period, seed=seed, betweenness_k=betweenness_k)
    except SourceError as error:
        _fail(str(error))
    from kg.analysis.report import write_report

    paths = write_report(run, out_dir, source=source)
    paths["rdf"] = out_dir / "analysis.nq"
    quads = write_nquads(paths["rdf"], run.metrics, base)
    g = run.graph
    out.print(
        f"[bold]Analysed[/] {g.number_of_nodes()} entities, {g.number_of_edges()} edges, {len(run.events)} events: "
        f"{len(run.components)} components, {len(run.communities)} communities.",
        highlight=False,
    )
    top = [g.nodes[n]["label"] for n in run.ranking()[:5]]
    if top:
        out.print("Top by PageRank: " + ", ".join(top), highlight=False)
    if write_back and update_endpoint:
        try:
            written = write_to_endpoint(update_endpoint, run.metrics, base)
        except SourceError as error:
            _fail(str(error))
        out.print(f"Wrote {written} metric triples into graph <{analysis_graph(base)}> at {update_endpoint}")
    elif write_back and not is_endpoint(source) and Path(source).is_dir():
        written = write_to_store(source, run.metrics, base)
        out.print(f"Wrote {written} metric triples into graph <{analysis_graph(base)}> of {source}", highlight=False)
    else:
        out.print(f"{quads} metric quads in {paths['rdf']} (graph <{analysis_graph(base)}>), ready to load.")
    for name, path in paths.items():
        out.print(f"  {name:17} {path}", highlight=False)


def path(
    source: SourceArg,
    first: Annotated[str, typer.Argument(help="An entity's name or alias.")],
    second: Annotated[str, typer.Argument(help="Another entity's name or alias.")],
    limit: Annotated[int, typer.Option(help="Shortest paths to show at most.")] = 3,
    types: TypeOpt = [],  # noqa: B006
    event_classes: EventClassOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """The shortest connections between two entities, with the evidence sentence of each hop."""
    from kg.analysis.lookup import UnknownEntity
    from kg.analysis.paths import connections
    from kg.analysis.projection import entity_graph

    data = _read(source)
    graph = entity_graph(data, _filters(types, event_classes, since, until, 1))
    try:
        found = connections(graph, data, first, second, limit)
    except UnknownEntity as error:
        _fail(str(error))
    if not found:
        out.print(f"No connection between {first!r} and {second!r} in this graph.", highlight=False)
        raise typer.Exit(1)
    for number, hops in enumerate(found, 1):
        out.print(f"[bold]Path {number}[/] ({len(hops)} hop(s))", highlight=False)
        for hop in hops:
            why = [f"{name} ×{n}" for name, n in sorted(hop.event_classes.items())] + hop.relations
            out.print(f"  {hop.source} — {hop.target}  [support {hop.support}: {', '.join(why)}]", markup=False)
            for sentence, title in hop.evidence[:3]:
                out.print(f"      “{' '.join(sentence.split())}” — {title}", markup=False, highlight=False)
            if not hop.evidence:
                out.print("      (a gazetteer link, or a relation stated without a sentence)", markup=False)


def viz(
    source: SourceArg,
    output: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("graph.html"),
    types: TypeOpt = [],  # noqa: B006
    event_classes: EventClassOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_support: MinSupportOpt = 1,
    focus: Annotated[str | None, typer.Option(help="Show only the neighbourhood of this entity.")] = None,
    hops: Annotated[int, typer.Option(help="With --focus: how many steps around it.")] = 1,
    events: Annotated[bool, typer.Option("--events", help="Show events as nodes (entity-event graph).")] = False,
    max_nodes: Annotated[int, typer.Option(help="Show at most this many nodes, the best by PageRank.")] = 500,
    title: Annotated[str, typer.Option(help="The page title.")] = "newskg graph",
) -> None:
    """An interactive, self-contained HTML view of the graph (opens offline in any browser)."""
    from kg.analysis.lookup import UnknownEntity
    from kg.viz.network import build_view
    from kg.viz.page import write_page

    if max_nodes < 1 or hops < 0:
        _fail("--max-nodes must be at least 1 and --hops at least 0")
    data = _read(source)
    filters = _filters(types, event_classes, since, until, min_support)
    try:
        view = build_view(data, filters, events=events, focus=focus, hops=hops, max_nodes=max_nodes)
    except UnknownEntity as error:
        _fail(f"--focus {error}")
    write_page(view, output, title=title)
    out.print(
        f"Wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges.", highlight=False
    )
    for note in view.notes:
        out.print(f"  {note}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add analyze, path and viz to the ``kg`` command."""
    app.command()(analyze)
    app.command()(path)
    app.command()(viz)
