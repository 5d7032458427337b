"""SPARQL over HTTP (the SPARQL 1.1 Protocol), with the same parameters and formats as local queries.

A remote server cannot take Oxigraph's substitutions, so a parameter travels as a
trailing ``VALUES`` block whose terms Oxigraph writes (escaped N-Triples syntax):
the value stays data, whatever quotes, braces or keywords it holds. The query is
first checked locally, against an empty store with the same bindings, so a syntax
error or a parameter missing from SELECT is reported the same way as for a local query.

>>> print(values_clause({"name": 'say "hi" }'}))
VALUES (?name) { ("say \\"hi\\" }") }
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.query.run import bind_parameters, run_query
from kg.rdf.namespaces import PREFIXES
from kg.store.http import ACCEPT_GRAPH, ACCEPT_RESULTS, EndpointClient


def values_clause(params: dict[str, str]) -> str:
    """The parameters as one trailing VALUES row, each term written by Oxigraph."""
    bound = bind_parameters(params)
    names = " ".join(str(variable) for variable in bound)
    terms = " ".join(str(term) for term in bound.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def remote_text(sparql: str, params: dict[str, str] | None = None) -> str:
    """The query as sent: the vocabulary's prefixes declared, the parameters as a VALUES block."""
    accept_for(sparql, params)  # the same checks as a local query, on an empty store
    prologue = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    # The newline ends any comment on the query's last line.
    return prologue + sparql + (f"\n{values_clause(params)}\n" if params else "\n")


def accept_for(sparql: str, params: dict[str, str] | None = None) -> str:
    """The media types to ask for: RDF for CONSTRUCT/DESCRIBE, SPARQL results for SELECT/ASK.

    The query runs on an empty store, so it is checked as a local query would be.
    """
    graph_form = isinstance(run_query(ox.Store(), sparql, params), ox.QueryTriples)
    return ACCEPT_GRAPH if graph_form else ACCEPT_RESULTS


def run_remote_query(client: EndpointClient, url: str, sparql: str, params: dict[str, str] | None = None):
    """Run a query on a SPARQL endpoint; SELECT/ASK give Oxigraph results, CONSTRUCT/DESCRIBE :class:`Triples`."""
    return client.sparql(url, remote_text(sparql, params), accept=accept_for(sparql, params))
