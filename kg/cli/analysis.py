"""``kg analyze``, ``kg path`` and ``kg viz``: analysis and views of a built graph.

On an endpoint SOURCE they send their SELECTs to the server (nothing is copied); the
filters (--type, --event-class, --since, --until, --min-support) read the same in all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import (
    ENDPOINT_NOTE,
    EventClassOpt,
    EvidenceOpt,
    LimitOpt,
    MinSupportOpt,
    SinceOpt,
    SourceArg,
    TypeOpt,
    UntilOpt,
    examples,
    fail,
    filters,
    graph_errors,
    out,
    read_graph_data,
)
from kg.rdf.namespaces import DEFAULT_BASE


def _write_metrics(run, source: str, base: str, nquads: Path, write_back: bool, update_endpoint: str | None) -> None:
    """The metrics as RDF: always an N-Quads file; and into the source's own analysis graph when asked."""
    import pyoxigraph as ox

    from kg.analysis.metrics_rdf import analysis_graph, metric_quads
    from kg.store.embedded import EmbeddedStore
    from kg.store.http import EndpointClient, check_endpoint_url
    from kg.store.remote import replace_graph
    from kg.store.sources import is_endpoint

    graph = analysis_graph(base)
    quads = metric_quads(run.metrics, base)
    nquads.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    if write_back and update_endpoint:
        try:
            with EndpointClient(retries=2) as client:
                url = check_endpoint_url(update_endpoint, "--update-endpoint")
                replace_graph(client, graph, [q.triple for q in quads], update_endpoint=url)
        except graph_errors() as error:
            fail(str(error))
        out.print(f"Wrote {len(quads)} metric triples into graph {graph} at {update_endpoint}", highlight=False)
    elif write_back and not is_endpoint(source) and Path(source).is_dir():
        EmbeddedStore(source, base=base).replace_graph_quads(graph, quads)
        out.print(f"Wrote {len(quads)} metric triples into graph {graph} of {source}", highlight=False)
    else:
        out.print(f"{len(quads)} metric quads in {nquads} (graph {graph}), ready to load.", highlight=False)


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
    graphml: Annotated[Path | None, typer.Option(help="Also write the projection as GraphML (Gephi, yEd).")] = None,
    gexf: Annotated[Path | None, typer.Option(help="Also write the projection as GEXF (Gephi).")] = None,
    evidence: EvidenceOpt = 3,
) -> None:
    """Centrality, communities, components, k-cores and activity over time, written to --out.

    Writes report.md, metrics.json/.csv, charts and analysis.nq (the metrics as RDF).

    The metrics also replace the graph <base>graph/analysis of a store SOURCE, or of --update-endpoint.
    """
    from kg.analysis.analyze import analyze as run_analysis
    from kg.analysis.exchange import write_projection
    from kg.analysis.report import write_report

    if period not in ("month", "week"):
        fail(f"--period {period!r}: use month or week")
    if evidence < 1:
        fail("--evidence must be at least 1")
    chosen = filters(types, event_classes, since, until, min_support)
    exchange = {fmt: path for fmt, path in (("graphml", graphml), ("gexf", gexf)) if path is not None}
    try:
        run = run_analysis(source, chosen, period=period, seed=seed, betweenness_k=betweenness_k, evidence=evidence)
    except graph_errors() as error:
        fail(str(error))
    paths = write_report(run, out_dir, source=source)
    paths["rdf"] = out_dir / "analysis.nq"
    for fmt, path in exchange.items():
        write_projection(run, path, fmt)
        paths[fmt] = path
    g = run.graph
    out.print(
        f"[bold]Analysed[/] {g.number_of_nodes()} entities, {g.number_of_edges()} edges, {len(run.events)} events: "
        f"{len(run.components)} components, {len(run.communities)} communities.",
        highlight=False,
    )
    top = [g.nodes[n]["label"] for n in run.ranking()[:5]]
    if top:
        out.print("Top by actor rank (PageRank on events and relations): " + ", ".join(top), highlight=False)
    _write_metrics(run, source, base, paths["rdf"], write_back, update_endpoint)
    for name, path in paths.items():
        out.print(f"  {name:17} {path}", highlight=False)


def path(
    source: SourceArg,
    first: Annotated[str, typer.Argument(help="An entity's name or alias.")],
    second: Annotated[str, typer.Argument(help="Another entity's name or alias.")],
    limit: LimitOpt = 3,
    types: TypeOpt = [],  # noqa: B006
    event_classes: EventClassOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    evidence: EvidenceOpt = 3,
) -> None:
    """The shortest connections between two entities, with the latest evidence sentences of each hop."""
    from kg.analysis.lookup import UnknownEntity
    from kg.analysis.paths import connections
    from kg.analysis.projection import entity_graph

    data = read_graph_data(source, evidence)
    graph = entity_graph(data, filters(types, event_classes, since, until, 1), evidence=evidence)
    try:
        found = connections(graph, data, first, second, limit)
    except UnknownEntity as error:
        fail(str(error))
    if not found:
        out.print(f"No connection between {first!r} and {second!r} in this graph.", highlight=False)
        raise typer.Exit(1)
    for number, hops in enumerate(found, 1):
        out.print(f"[bold]Path {number}[/] ({len(hops)} hop(s))", highlight=False)
        for hop in hops:
            why = [f"{name} ×{n}" for name, n in sorted(hop.event_classes.items())] + hop.relations
            out.print(f"  {hop.source} — {hop.target}  [support {hop.support}: {', '.join(why)}]", markup=False)
            for sentence, title in hop.evidence:
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
    max_nodes: Annotated[int, typer.Option(help="Show at most this many nodes, the best by actor rank.")] = 500,
    title: Annotated[str, typer.Option(help="The page title.")] = "newskg graph",
    evidence: EvidenceOpt = 3,
    quotes: Annotated[
        int, typer.Option(help="Show each entity's N latest quotes (kg:Statement, by date) in its tooltip; 0: none.")
    ] = 3,  # kg.analysis.read.QUOTES_PER_SPEAKER (not imported: the CLI starts without the analysis modules)
) -> None:
    """An interactive, self-contained HTML view of the graph (opens offline in any browser)."""
    from kg.analysis.lookup import UnknownEntity
    from kg.viz.network import build_view
    from kg.viz.page import write_page

    if max_nodes < 1 or hops < 0 or quotes < 0:
        fail("--max-nodes must be at least 1, --hops and --quotes at least 0")
    data = read_graph_data(source, evidence, quotes)
    chosen = filters(types, event_classes, since, until, min_support)
    try:
        view = build_view(data, chosen, events=events, focus=focus, hops=hops, max_nodes=max_nodes, evidence=evidence)
    except UnknownEntity as error:
        fail(f"--focus {error}")
    write_page(view, output, title=title)
    out.print(f"Wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges.", highlight=False)
    for note in view.notes:
        out.print(f"  {note}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add analyze, path and viz to the ``kg`` app."""
    app.command(
        epilog=examples(
            "kg analyze kg-out/store -o kg-out/analysis",
            "kg analyze graph.nq -o out --type Person --type Organization --since 2025-03 --gexf graph.gexf",
            "kg analyze http://localhost:7878/query -o out --update-endpoint http://localhost:7878/update",
            ENDPOINT_NOTE,
        )
    )(analyze)
    app.command(epilog=examples('kg path kg-out/store "Kemal Arslan" Iraq --limit 5'))(path)
    app.command(
        epilog=examples(
            "kg viz kg-out/store -o graph.html",
            'kg viz kg-out/store -o around.html --focus "Kemal Arslan" --hops 2 --events',
        )
    )(viz)
