"""Read SELECT results from any graph source through one function, :func:`select`.

A source is an open ``pyoxigraph.Store``, a path (store directory or RDF file,
opened by :func:`kg.store.sources.open_source`) or the URL of a SPARQL endpoint. Rows
come back as plain dicts of ``str`` (IRIs and literals by their value; unbound
variables are missing), so nothing downstream depends on where they came from.

Parameters are never pasted into the query text as text. Locally they are bound
by Oxigraph's ``substitutions``; for an endpoint, each value is serialized as an
escaped RDF term (N-Triples syntax) in a trailing ``VALUES`` clause, which
SPARQL 1.1 allows after any SELECT. An endpoint must present the union of its
named graphs as the default graph (``oxigraph serve --union-default-graph``,
Fuseki's ``tdb2:unionDefaultGraph``), as the embedded store does.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/name"), ox.Literal("A }")))
>>> select(store, "SELECT ?s ?name WHERE { ?s <http://x/name> ?name }", {"name": "A }"})
[{'s': 'http://x/a', 'name': 'A }'}]
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.query.run import bind_parameters, run_query
from kg.rdf.namespaces import PREFIXES
from kg.store.sources import SourceError, open_source

Source = ox.Store | str | Path
Row = dict[str, str]


def is_endpoint(source: Source) -> bool:
    """Whether ``source`` names a remote SPARQL endpoint (an http(s) URL)."""
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def open_graph(source: Source) -> ox.Store | str:
    """The store of a path, or the endpoint URL / store unchanged, ready for :func:`select`."""
    if isinstance(source, ox.Store) or is_endpoint(source):
        return source
    return open_source(source)


def select(source: Source, query: str, params: dict[str, str] | None = None) -> list[Row]:
    """Run a SELECT over the union of the source's graphs; rows as dicts of strings.

    ``params`` map variable names to values in ``kg query --param`` syntax: ``<iri>``,
    ``value^^xsd:type`` or a plain string literal.
    """
    source = open_graph(source)
    if isinstance(source, str):
        return _select_remote(source, query, params or {})
    results = run_query(source, query, params or {})
    names = [v.value for v in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]


def _select_remote(endpoint: str, query: str, params: dict[str, str]) -> list[Row]:
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    bound = bind_parameters(params)
    if bound:
        variables = " ".join(str(v) for v in bound)
        values = " ".join(str(t) for t in bound.values())
        query = f"{query}\nVALUES ({variables}) {{ ({values}) }}"
    try:
        response = httpx.post(
            endpoint,
            data={"query": prologue + query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise SourceError(f"{endpoint}: SPARQL endpoint failed ({error})") from None
    return [{n: cell["value"] for n, cell in row.items()} for row in body["results"]["bindings"]]
