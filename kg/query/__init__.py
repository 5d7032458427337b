"""SPARQL over any graph source (store, file or endpoint), with parameters bound as RDF terms
(never spliced into text)."""

from kg.query.run import QueryError, bind_parameters, ready_query, run_query
from kg.query.select import Row, Source, open_for_select, select

__all__ = ["QueryError", "Row", "Source", "bind_parameters", "open_for_select", "ready_query", "run_query", "select"]
