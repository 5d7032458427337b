"""newskg: knowledge graphs from news, in RDF, with every fact traced to its sentence.

The main jobs, as functions (the ``kg`` command runs the same ones):

* :func:`build` articles into a graph (an embedded store plus graph files);
* :func:`open_graph` / :func:`open_dataset`: a graph as an rdflib ``Graph`` / ``Dataset``;
* :func:`query` a graph with SPARQL, rows back as dicts;
* :func:`analyze` it (networkx projection, centrality, communities, activity);
* :func:`viz`: an interactive view (a self-contained page, a pyvis ``Network``, a networkx graph).

A *source* is a store directory, an RDF file, the URL of a SPARQL endpoint (``http(s)://``),
or an open ``pyoxigraph.Store``. ``import kg`` is light: each function loads what it needs
when first called.

>>> import kg
>>> [name for name in dir(kg) if not name.startswith("_")]
['analyze', 'build', 'open_dataset', 'open_graph', 'query', 'viz']
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

    from kg.analysis.analyze import Analysis
    from kg.build import BuildSummary
    from kg.viz.view import View

    Source = str | Path | pyoxigraph.Store

__all__ = ["analyze", "build", "open_dataset", "open_graph", "query", "viz"]


def build(
    sources: str | Path | Iterable[str | Path],
    out: str | Path = "kg-out",
    *,
    store: str | Path | None = None,
    model: str | None = None,
    base: str | None = None,
    batch_size: int = 32,
    force: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    export: bool | None = None,
    validate: bool = False,
) -> BuildSummary:
    """Build (or update) a graph from articles, like ``kg build``; returns the build summary.

    ``sources`` are files (.txt, .html, .jsonl, .rss, .atom), directories or http(s) URLs (one, or several).
    ``out`` receives summary.json and the embedded store (``out/store``, or ``store``: a store
    kept elsewhere and grown run after run), and graph.ttl and graph.nq when this run created
    the store or ``export`` is True (``export=False``: never; an update lists old files in
    ``summary.stale``). ``validate`` checks what the run wrote against the SHACL shapes
    (``summary.validation``). Documents already in the
    store and unchanged are not extracted again, unless ``force``. ``model`` is an installed
    spaCy pipeline (default en_core_web_sm); ``base`` the base IRI of minted resources.
    Extraction runs in ``workers`` processes (default one per core, at most 8; 1: in this
    process), or on the Dask cluster at ``scheduler``; the graph is the same either way.

    >>> import kg, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mosul.txt").write_text("A car bomb killed 12 people at a market in Mosul on 14 March 2025.")
    >>> summary = kg.build(folder / "mosul.txt", folder / "out")
    >>> summary.documents_built, summary.events_by_type, (folder / "out" / "store").is_dir()
    (1, {'Bombing': 1, 'Killing': 1}, True)
    """
    from kg.build import build as run_build
    from kg.rdf.namespaces import DEFAULT_BASE

    if isinstance(sources, str | Path):
        sources = [sources]
    return run_build(
        [str(s) for s in sources],
        out,
        model=model,
        base=base or DEFAULT_BASE,
        batch_size=batch_size,
        store_dir=store,
        force=force,
        workers=workers,
        scheduler=scheduler,
        export_files=export,
        validate=validate,
    )


def open_graph(source: str | Path | pyoxigraph.Store) -> rdflib.Graph:
    """A store directory or RDF file as one read-only rdflib ``Graph``: the union of its graphs, each triple once.

    ``.query(...)`` runs on Oxigraph's SPARQL engine; nothing is copied into Python memory.

    >>> import kg, tempfile, pathlib
    >>> from kg.analysis.read import EXAMPLE_TTL  # a tiny graph: two people of one brigade, an attack
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> _ = path.write_text(EXAMPLE_TTL)
    >>> graph = kg.open_graph(path)
    >>> len(graph), sorted(str(o) for o in graph.objects(predicate=graph.namespace_manager.expand_curie("rdfs:label")))
    (12, ['Ali', 'Brigade', 'Mosul'])
    """
    from kg.store.api import open_graph as open_union

    return open_union(source)


def open_dataset(source: str | Path | pyoxigraph.Store) -> rdflib.Dataset:
    """A store directory or RDF file as an rdflib ``Dataset``: one named graph per document,
    the default graph read as their union.

    >>> import kg, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.nq"
    >>> _ = path.write_text("<http://x/a> <http://x/p> <http://x/b> <http://x/doc1> .\\n")
    >>> [str(g.identifier) for g in kg.open_dataset(path).graphs() if "doc" in g.identifier]
    ['http://x/doc1']
    """
    from kg.store.api import open_dataset as open_named

    return open_named(source)


def query(source: str | Path | pyoxigraph.Store, sparql: str, **params: str) -> list[dict[str, str]]:
    """Run a SPARQL SELECT over the union of the source's graphs; rows as dicts of strings.

    ``sparql`` is the query text, or the name of a ready query (``kg query --ready``: events,
    entities-by-type, ...). The prefixes of the vocabulary (kg, rdfs, schema, ...) are declared.
    Each keyword binds a variable of the query, never pasted in as text: ``"<iri>"``,
    ``"value^^xsd:type"`` or a plain string; list a bound variable in SELECT (or use ``SELECT *``).
    Unbound variables are left out of a row.

    >>> import kg, tempfile, pathlib
    >>> from kg.analysis.read import EXAMPLE_TTL  # a tiny graph: two people of one brigade, an attack
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> _ = path.write_text(EXAMPLE_TTL)
    >>> kg.query(path, "SELECT ?e ?name WHERE { ?e a kg:Person ; rdfs:label ?name }", name="Ali")
    [{'e': 'http://x/ali', 'name': 'Ali'}]
    >>> sorted(row["label"] for row in kg.query(path, "entities-by-type"))
    ['Ali', 'Brigade', 'Mosul']
    """
    from kg.query.run import ready_query, refuse_unknown_parameters
    from kg.query.select import select

    if re.fullmatch(r"[\w.-]+", sparql.strip()):  # a name: SPARQL text is never one bare word
        name, sparql = sparql.strip(), ready_query(sparql.strip())
        refuse_unknown_parameters(name, sparql, params)
    return select(source, sparql, params)


def analyze(
    source: str | Path | pyoxigraph.Store,
    *,
    types: Iterable[str] | None = None,
    event_classes: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_support: int = 1,
    period: str = "month",
    seed: int = 42,
    evidence: int = 3,
) -> Analysis:
    """Project the graph onto networkx and compute every metric, like ``kg analyze``; returns the Analysis.

    Filters: ``types`` (entity classes), ``event_classes`` (with their subclasses), ``since`` /
    ``until`` (``2025``, ``2025-03``, ``2025-03-14``; inclusive), ``min_support`` (least support of
    an edge); ``evidence`` is how many of the latest sentences each edge keeps. ``.graph`` is the
    networkx entity graph, ``.metrics`` its metrics by node, ``.ranking()`` the nodes by actor rank
    (PageRank on events and relations); ``.write_report(dir)`` writes report.md, metrics.json/.csv
    and charts, ``.write_projection(path)`` the graph as GraphML or GEXF.

    >>> import kg, tempfile, pathlib
    >>> from kg.analysis.read import EXAMPLE_TTL  # a tiny graph: two people of one brigade, an attack
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> _ = path.write_text(EXAMPLE_TTL)
    >>> run = kg.analyze(path)
    >>> [run.graph.nodes[n]["label"] for n in run.ranking()], run.graph.number_of_edges()
    (['Ali', 'Brigade', 'Mosul'], 3)
    >>> kg.analyze(path, types=["Person", "Place"]).graph.number_of_nodes()
    2
    """
    from kg.analysis.analyze import analyze as run_analysis
    from kg.analysis.filters import make_filters

    filters = make_filters(types, event_classes, since, until, min_support)
    return run_analysis(source, filters, period=period, seed=seed, evidence=evidence)


def viz(
    source: str | Path | pyoxigraph.Store,
    *,
    types: Iterable[str] | None = None,
    event_classes: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_support: int = 1,
    events: bool = False,
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int = 500,
    title: str = "newskg graph",
    evidence: int = 3,
    quotes: int = 3,
) -> View:
    """An interactive view of the graph, like ``kg viz``; returns the View.

    The filters are those of :func:`analyze`; ``events`` shows events as nodes, ``focus`` keeps
    the ``hops`` around one entity (a name or alias), ``max_nodes`` the best by actor rank,
    ``evidence`` the latest sentences shown per node and edge, ``quotes`` the latest quotes shown per
    entity. ``.write(path)`` writes the self-contained page (``.html()`` its text; a notebook shows it
    inline), ``.network()`` gives a ``pyvis.network.Network`` of the same nodes, edges and options,
    ``.graph`` the networkx graph behind it.

    >>> import kg, tempfile, pathlib
    >>> from kg.analysis.read import EXAMPLE_TTL  # a tiny graph: two people of one brigade, an attack
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "graph.ttl").write_text(EXAMPLE_TTL)
    >>> view = kg.viz(folder / "graph.ttl", focus="Mosul")
    >>> sorted(n["label"] for n in view.nodes), view.notes
    (['Ali', 'Brigade', 'Mosul'], ['Within 1 hop(s) of Mosul.'])
    >>> view.write(folder / "view.html").stat().st_size > 100_000, type(view.network()).__name__
    (True, 'Network')
    """
    from kg.analysis.filters import make_filters
    from kg.analysis.read import read_graph
    from kg.viz.network import build_view

    filters = make_filters(types, event_classes, since, until, min_support)
    return build_view(
        read_graph(source, evidence=evidence, quotes=quotes),
        filters,
        events=events,
        focus=focus,
        hops=hops,
        max_nodes=max_nodes,
        title=title,
        evidence=evidence,
    )


def __dir__() -> list[str]:
    return sorted(__all__)


class _PublicModule(types.ModuleType):
    """``kg.build``, ``kg.query`` and ``kg.viz`` are the functions above, although modules of the same
    names exist (kg/build.py, kg/query/, kg/viz/). Importing such a module makes Python set it as an
    attribute of its package, which would hide the function; this keeps the function. The modules
    stay importable by name (``from kg.viz.page import ...``, ``importlib.import_module("kg.build")``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _PublicModule
