"""Read SELECT results from any graph source through one function, :func:`select`.

A source is an open ``pyoxigraph.Store``, a path (store directory or RDF file,
opened by :func:`kg.store.sources.open_source`) or the URL of a SPARQL endpoint. Rows
come back as plain dicts of ``str`` (IRIs and literals by their value; unbound
variables are missing), so nothing downstream depends on where they came from.

Parameters are never pasted into the query text as text: locally they are bound by
Oxigraph's ``substitutions`` (:func:`kg.query.run.run_query`); on an endpoint they
travel as a ``VALUES`` block of escaped terms (:func:`kg.query.remote.run_remote_query`).
An endpoint must present the union of its named graphs as the default graph
(``oxigraph serve --union-default-graph``, Fuseki's ``tdb2:unionDefaultGraph``), as the
embedded store does.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/name"), ox.Literal("A }")))
>>> select(store, "SELECT ?s ?name WHERE { ?s <http://x/name> ?name }", {"name": "A }"})
[{'s': 'http://x/a', 'name': 'A }'}]
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.query.remote import run_remote_query
from kg.query.run import QueryError, run_query
from kg.store.http import EndpointClient, check_endpoint_url, solution_rows
from kg.store.sources import is_endpoint, open_source

Source = ox.Store | str | Path
Row = dict[str, str]


def open_for_select(source: Source) -> ox.Store | str:
    """The store of a path, or the endpoint URL / store unchanged: open once, then :func:`select` many times."""
    if isinstance(source, ox.Store) or is_endpoint(source):
        return source
    return open_source(source)


def select(source: Source, query: str, params: dict[str, str] | None = None) -> list[Row]:
    """Run a SELECT over the union of the source's graphs; rows as dicts of strings.

    ``params`` map variable names to values in ``kg query --param`` syntax: ``<iri>``,
    ``value^^xsd:type`` or a plain string literal.
    """
    source = open_for_select(source)
    if isinstance(source, str):
        with EndpointClient(retries=2) as client:
            results = run_remote_query(client, check_endpoint_url(source, source), query, params)
    else:
        results = run_query(source, query, params)
    if not isinstance(results, ox.QuerySolutions):
        raise QueryError("select() runs SELECT queries; use kg.query.run_query for ASK, CONSTRUCT, DESCRIBE")
    return solution_rows(results)
