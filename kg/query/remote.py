"""SPARQL over HTTP (the SPARQL 1.1 Protocol), with the same parameters and formats as local queries.

A remote server cannot take Oxigraph's substitutions, so a parameter travels as a
``VALUES`` block first in the outer WHERE group (kg.query.values). The query is first
checked locally, against an empty store with the same bindings, so a syntax error or a
parameter missing from SELECT is reported the same way as for a local query.

>>> print(remote_text("SELECT ?e ?name WHERE { ?e rdfs:label ?name }", {"name": "Ada"}).splitlines()[-1])
SELECT ?e ?name WHERE { VALUES (?name) { ("Ada") } ?e rdfs:label ?name }
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.query.run import run_query
from kg.query.values import with_values
from kg.rdf.namespaces import PREFIXES
from kg.store.http import ACCEPT_GRAPH, ACCEPT_RESULTS, EndpointClient


def remote_text(sparql: str, params: dict[str, str] | None = None) -> str:
    """The query as sent: the vocabulary's prefixes declared, the parameters as a VALUES block
    first in the outer WHERE group."""
    accept_for(sparql, params)  # the same checks as a local query, on an empty store
    prologue = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    # The newline ends any comment on the query's last line.
    return prologue + with_values(sparql, params) + "\n"


def accept_for(sparql: str, params: dict[str, str] | None = None) -> str:
    """The media types to ask for: RDF for CONSTRUCT/DESCRIBE, SPARQL results for SELECT/ASK.

    The query runs on an empty store, so it is checked as a local query would be.
    """
    graph_form = isinstance(run_query(ox.Store(), sparql, params), ox.QueryTriples)
    return ACCEPT_GRAPH if graph_form else ACCEPT_RESULTS


def run_remote_query(client: EndpointClient, url: str, sparql: str, params: dict[str, str] | None = None):
    """Run a query on a SPARQL endpoint; SELECT/ASK give Oxigraph results, CONSTRUCT/DESCRIBE :class:`Triples`."""
    return client.sparql(url, remote_text(sparql, params), accept=accept_for(sparql, params))
