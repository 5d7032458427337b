"""SPARQL over a store or file, with parameters bound as RDF terms (never spliced into text)."""

from kg.query.run import QueryError, bind_parameters, ready_query, run_query

__all__ = ["QueryError", "bind_parameters", "ready_query", "run_query"]
