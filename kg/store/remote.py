"""Push a graph to a remote triple store: SPARQL 1.1 Graph Store HTTP Protocol, or SPARQL Update.

Every named graph of the source goes to the same named graph on the server; the
default graph (triples of a .ttl/.nt file) to the server's default graph. Graphs
travel in batches of N-Triples, at most ``batch_size`` triples and ``max_bytes`` bytes
a request (a graph with blank nodes travels whole, so its blank nodes stay one node
each). When a server refuses a batch as too large (HTTP 413, Virtuoso's ``INSERT DATA``
limit: see kg/store/dialects.py), the batch is sent again in halves, and the next
batches start at the size that went through. Two modes:

- ``replace``: the first batch of a graph replaces the server's graph (GSP ``PUT``,
  or ``DROP SILENT GRAPH`` + ``INSERT DATA``), the next ones add to it (``POST``);
- ``merge``: every batch adds to what the server holds.

Both make an interrupted load safe to rerun: the rerun ends with the same graphs.
At the end the server is asked how many triples each graph holds, and the answer is
checked against the source (equal when replacing, at least as many when merging).

>>> guess_query_endpoint("http://localhost:7878/store")
'http://localhost:7878/query'
>>> guess_query_endpoint("http://localhost:8890/sparql-graph-crud")
'http://localhost:8890/sparql'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.store.dialects import query_endpoint_beside, refused_as_too_large
from kg.store.http import EndpointClient, RemoteError, solution_rows

NTRIPLES = "application/n-triples"
MODES = ("replace", "merge")
# Last path segment of a GSP/Update endpoint -> the query endpoint beside it (Oxigraph, Fuseki, RDF4J-like).
QUERY_SEGMENTS = {"store", "data", "update", "statements", "rdf-graphs"}
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
DEFAULT_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DEFAULT = ox.DefaultGraph()
MAX_REQUEST_BYTES = 8 * 1024 * 1024


@dataclass
class BatchLimit:
    """The most one request may carry; lowered when a server refuses a batch as too large."""

    triples: int
    bytes: int | None = None


@dataclass
class LoadReport:
    """What a load sent, and what the server said it holds afterwards."""

    mode: str
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    sent: dict[str, int] = field(default_factory=dict)
    on_server: dict[str, int] = field(default_factory=dict)

    def mismatches(self) -> dict[str, tuple[int, int]]:
        """Graphs whose server count disagrees with the source: name -> (sent, on server)."""
        wrong = {}
        for graph, sent in self.sent.items():
            held = self.on_server.get(graph, 0)
            if held != sent if self.mode == "replace" else held < sent:
                wrong[graph] = (sent, held)
        return wrong


def guess_query_endpoint(url: str) -> str | None:
    """The SPARQL query endpoint beside a GSP or Update endpoint, when the server's layout says it."""
    head, _, last = url.rstrip("/").rpartition("/")
    return f"{head}/query" if last in QUERY_SEGMENTS else query_endpoint_beside(url)


def graph_name(graph: ox.NamedNode | ox.DefaultGraph) -> str:
    return "(default graph)" if isinstance(graph, ox.DefaultGraph) else graph.value


def source_graphs(store: ox.Store) -> list[ox.NamedNode | ox.DefaultGraph]:
    """The graphs to send: every named graph (sorted), and the default graph if it holds anything."""
    graphs: list[ox.NamedNode | ox.DefaultGraph] = sorted(
        (g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value
    )
    if next(iter(store.quads_for_pattern(None, None, None, DEFAULT)), None) is not None:
        graphs.append(DEFAULT)
    return graphs


def has_blank_node(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def batches(store: ox.Store, graph, limit: BatchLimit | int) -> Iterator[list[ox.Triple]]:
    """The triples of one graph in lists within ``limit`` (one list when it holds blank nodes).

    The size in bytes is the N-Triples line's; ``limit`` is read at each triple, so a
    lower limit set while batches are sent applies to the next ones.
    """
    limit = BatchLimit(limit) if isinstance(limit, int) else limit
    batch: list[ox.Triple] = []
    size = 0
    whole = False
    for quad in store.quads_for_pattern(None, None, None, graph):
        triple = quad.triple
        line = len(str(triple).encode("utf-8")) + 3 if limit.bytes else 0
        if batch and not whole and limit.bytes and size + line > limit.bytes:
            yield batch
            batch, size = [], 0
        batch.append(triple)
        size += line
        whole = whole or has_blank_node(triple)
        if len(batch) >= limit.triples and not whole:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def send_fitting(sink, graph, triples: list[ox.Triple], replace: bool, limit: BatchLimit) -> int:
    """Send ``triples``, in halves while the server refuses them as too large; returns the requests that went."""
    try:
        sink.send(graph, triples, replace)
        return 1
    except RemoteError as error:
        if not refused_as_too_large(str(error)) or len(triples) < 2:
            raise
        if any(has_blank_node(t) for t in triples):
            raise RemoteError(
                f"{error} ({graph_name(graph)} holds blank nodes, so it travels in one request: "
                "raise the server's request limit for this load)"
            ) from None
    half = len(triples) // 2
    limit.triples = min(limit.triples, half)
    first = send_fitting(sink, graph, triples[:half], replace, limit)
    return first + send_fitting(sink, graph, triples[half:], False, limit)


class GraphStoreSink:
    """Writes batches through the Graph Store HTTP Protocol (``PUT``/``POST`` ``?graph=``)."""

    def __init__(self, client: EndpointClient, url: str):
        self.client, self.url = client, url

    def send(self, graph, triples: list[ox.Triple], replace: bool) -> None:
        params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
        method = "PUT" if replace else "POST"
        self.client.request(
            method,
            self.url,
            f"{method} {graph_name(graph)}",
            params=params,
            content=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
            headers={"Content-Type": NTRIPLES},
        )


class UpdateSink:
    """Writes batches as SPARQL Update (``INSERT DATA``) for servers without the Graph Store protocol."""

    def __init__(self, client: EndpointClient, url: str):
        self.client, self.url = client, url

    def send(self, graph, triples: list[ox.Triple], replace: bool) -> None:
        # N-Triples lines are valid SPARQL triples; Oxigraph writes every term escaped.
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        if isinstance(graph, ox.DefaultGraph):
            update = ("CLEAR SILENT DEFAULT ;\n" if replace else "") + f"INSERT DATA {{\n{data}}}"
        else:
            drop = f"DROP SILENT GRAPH {graph} ;\n" if replace else ""
            update = f"{drop}INSERT DATA {{ GRAPH {graph} {{\n{data}}} }}"
        self.client.request(
            "POST",
            self.url,
            f"SPARQL Update of {graph_name(graph)}",
            content=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )


def server_counts(client: EndpointClient, query_url: str, with_default: bool) -> dict[str, int]:
    """Triples per graph on the server, asked through its SPARQL query endpoint."""

    def select(query: str) -> list[dict]:
        results = client.sparql(query_url, query, "count check")
        if not isinstance(results, ox.QuerySolutions):
            raise RemoteError(f"count check: {query_url} did not answer with SPARQL results")
        return solution_rows(results)

    counts = {row["g"]: int(row["n"]) for row in select(GRAPH_COUNTS) if "g" in row}
    if with_default:
        counts[graph_name(DEFAULT)] = int(select(DEFAULT_COUNT)[0]["n"])
    return counts


def graph_store_counts(client: EndpointClient, url: str, graphs: list) -> dict[str, int]:
    """Triples per graph, fetched back through the Graph Store protocol (when there is no query endpoint)."""
    counts = {}
    for graph in graphs:
        params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
        try:
            response = client.request(
                "GET", url, f"GET {graph_name(graph)}", params=params, headers={"Accept": NTRIPLES}
            )
        except RemoteError as error:
            if "(404)" in str(error):
                counts[graph_name(graph)] = 0
                continue
            raise
        counts[graph_name(graph)] = sum(1 for _ in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    return counts


def graph_sink(
    client: EndpointClient, endpoint: str | None = None, update_endpoint: str | None = None
) -> GraphStoreSink | UpdateSink:
    """The writer for a server: the Graph Store protocol at ``endpoint``, else SPARQL Update."""
    if endpoint:
        return GraphStoreSink(client, endpoint)
    if update_endpoint:
        return UpdateSink(client, update_endpoint)
    raise ValueError("give the Graph Store endpoint or the SPARQL Update endpoint")


def replace_graph(
    client: EndpointClient,
    graph: ox.NamedNode,
    triples: list[ox.Triple],
    endpoint: str | None = None,
    update_endpoint: str | None = None,
) -> int:
    """Replace one named graph on a server with ``triples`` (in one request); returns the triples sent."""
    graph_sink(client, endpoint, update_endpoint).send(graph, triples, replace=True)
    return len(triples)


def load_to_endpoint(
    store: ox.Store,
    client: EndpointClient,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    query_endpoint: str | None = None,
    mode: str = "replace",
    batch_size: int = 50_000,
    max_bytes: int | None = MAX_REQUEST_BYTES,
    on_batch: Callable[[int], None] | None = None,
) -> LoadReport:
    """Send every graph of ``store`` to the server, then read back its triple counts.

    ``endpoint`` is the Graph Store protocol URL; without it, ``update_endpoint``
    takes SPARQL Update. A request carries at most ``batch_size`` triples and ``max_bytes``
    bytes of N-Triples (None: no byte limit). ``on_batch(n)`` is told after each batch of n triples.
    """
    if mode not in MODES:
        raise ValueError(f"mode {mode!r}: use one of {', '.join(MODES)}")
    sink = graph_sink(client, endpoint, update_endpoint)
    report = LoadReport(mode=mode)
    graphs = source_graphs(store)
    limit = BatchLimit(batch_size, max_bytes)
    for graph in graphs:
        sent = 0
        for batch in batches(store, graph, limit):
            report.requests += send_fitting(sink, graph, batch, mode == "replace" and sent == 0, limit)
            sent += len(batch)
            if on_batch:
                on_batch(len(batch))
        report.sent[graph_name(graph)] = sent
        report.triples += sent
    report.graphs = len(graphs)
    query_url = query_endpoint or guess_query_endpoint(endpoint or update_endpoint or "")
    if query_url:
        report.on_server = server_counts(client, query_url, with_default=DEFAULT in graphs)
    elif endpoint:
        report.on_server = graph_store_counts(client, endpoint, graphs)
    else:
        raise RemoteError("count check: give --query-endpoint (the server's SPARQL query URL)")
    return report


__all__ = ["LoadReport", "RemoteError", "guess_query_endpoint", "load_to_endpoint", "replace_graph"]
