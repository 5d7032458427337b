"""Run SPARQL with safely bound parameters, and render the results.

Parameters are bound through Oxigraph's ``substitutions`` (SEP-0007): a value is
an RDF term given to the engine, so quotes, braces or SPARQL keywords in it are
only ever data. As SEP-0007 says, a bound variable must be in the SELECT clause
(or use ``SELECT *``).

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/name"), ox.Literal('O"Brien }')))
>>> rows = run_query(store, "SELECT ?s ?name WHERE { ?s <http://x/name> ?name }", {"name": 'O"Brien }'})
>>> [r["s"].value for r in rows]
['http://x/a']
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Callable
from typing import TypeVar

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIX_IRIS, PREFIXES, compact_iri
from kg.rdf.ontology import QUERIES, ontology_file, ready_query_names
from kg.store.http import Triples

_TYPED = re.compile(r"^(?P<value>.*)\^\^(?P<datatype>\w+:\w+|<[^>]+>)$", re.S)


T = TypeVar("T")


class QueryError(ValueError):
    pass


class QueryTimeout(QueryError):
    pass


def _expand(name: str) -> str:
    if name.startswith("<"):
        return name[1:-1]
    prefix, local = name.split(":", 1)
    if prefix not in PREFIXES:
        raise QueryError(f"unknown prefix {prefix!r} in datatype {name!r}")
    return f"{PREFIXES[prefix]}{local}"


def parse_parameter(text: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term: ``<iri>``, ``value^^xsd:type`` or a plain string.

    >>> parse_parameter("<http://x/a>"), parse_parameter("5^^xsd:integer").datatype.value
    (<NamedNode value=http://x/a>, 'http://www.w3.org/2001/XMLSchema#integer')
    """
    if text.startswith("<") and text.endswith(">") and " " not in text:
        return ox.NamedNode(text[1:-1])
    typed = _TYPED.match(text)
    if typed:
        return ox.Literal(typed["value"], datatype=ox.NamedNode(_expand(typed["datatype"])))
    return ox.Literal(text)


def bind_parameters(params: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    bound = {}
    for name, value in params.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"parameter name {name!r} must be a SPARQL variable name")
        bound[ox.Variable(name)] = parse_parameter(value)
    return bound


def ready_query(name: str) -> str:
    """The text of a ready query from ontology/queries (by file name, with or without .rq)."""
    path = ontology_file(QUERIES, name if name.endswith(".rq") else f"{name}.rq")
    if not path.is_file():
        available = ", ".join(ready_query_names())
        raise QueryError(f"no ready query {name!r}; available: {available}")
    return path.read_text(encoding="utf-8")


def _header_names(sparql: str, key: str) -> list[str]:
    found = re.search(rf"^#\s*{key}:\s*(.+)$", sparql, re.M)
    return [name.strip() for name in found.group(1).split(",") if name.strip()] if found else []


def required_parameters(sparql: str) -> list[str]:
    """The parameters a query says it needs, in a header line ``# requires: name, other``.

    >>> required_parameters("# Documents of two entities\\n# requires: first, second\\nSELECT ...")
    ['first', 'second']
    """
    return _header_names(sparql, "requires")


def accepted_parameters(sparql: str) -> list[str]:
    """Every parameter a query takes: those it requires and those a header line ``# accepts: since,
    until`` names as optional.

    >>> accepted_parameters("# requires: name\\n# accepts: since, until\\nSELECT ...")
    ['name', 'since', 'until']
    """
    return required_parameters(sparql) + _header_names(sparql, "accepts")


def refuse_unknown_parameters(name: str, sparql: str, params: dict[str, str] | None) -> None:
    """Raise QueryError for ``params`` the ready query ``name`` does not take. Bound anyway, such a
    parameter would not filter: it would stand in every row ("--param place=Mosul" on a query that
    only lists places)."""
    accepted = accepted_parameters(sparql)
    if unknown := [key for key in params or {} if key not in accepted]:
        takes = ", ".join(accepted) or "none"
        raise QueryError(f"the ready query {name!r} takes no parameter {', '.join(unknown)} (it takes: {takes})")


def missing_parameters(sparql: str, params: dict[str, str] | None) -> list[str]:
    """The required parameters of ``sparql`` that ``params`` does not give."""
    return [name for name in required_parameters(sparql) if name not in (params or {})]


def run_query(store: ox.Store, sparql: str, params: dict[str, str] | None = None):
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE over the union of all graphs.

    A query whose header says ``# requires: name`` is refused without that parameter: unbound,
    it would match every row instead of the one asked for.
    """
    missing = missing_parameters(sparql, params)
    if missing:
        given = " ".join(f"--param {name}=VALUE" for name in missing)
        raise QueryError(f"the query needs the parameter(s) {', '.join(missing)}: give {given}")
    try:
        return store.query(
            sparql,
            prefixes=PREFIX_IRIS,
            use_default_graph_as_union=True,
            substitutions=bind_parameters(params or {}),
        )
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from None
    except RuntimeError as err:
        if "projection" in str(err):
            raise QueryError(f"{err}: list the parameter's variable in SELECT (or use SELECT *)") from None
        raise


def with_timeout(work: Callable[[], T], seconds: float | None) -> T:
    """``work()``, or :class:`QueryTimeout` after ``seconds``.

    Oxigraph evaluates without holding the GIL and has no cancellation, so the work
    runs in a daemon thread that is abandoned on timeout (the ``kg`` process then exits).

    >>> with_timeout(lambda: 42, 1.0)
    42
    """
    if not seconds:
        return work()
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=target, name="sparql-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise QueryTimeout(f"the query ran longer than --timeout {seconds:g} s and was stopped")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def term_text(term) -> str:
    """How a term reads in a table: IRIs and literals by their value."""
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def short_text(term) -> str:
    """How a term reads in a terminal table: vocabulary IRIs as prefixed names, text on one line."""
    text = term_text(term)
    if isinstance(term, ox.NamedNode):
        return compact_iri(text)
    return " ".join(text.split())


def solutions_as_rows(results, short: bool = False) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in results.variables]
    show = short_text if short else term_text
    return names, [[show(row[n]) for n in names] for row in results]


RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


def serialize_results(results, fmt: str) -> bytes:
    """SELECT/ASK results as SPARQL 1.1 JSON/CSV/TSV/XML; CONSTRUCT/DESCRIBE as RDF."""
    if isinstance(results, ox.QueryTriples | Triples):
        graph_fmt = {"table": "ttl", "json": "jsonld"}.get(fmt, fmt)
        if graph_fmt not in GRAPH_FORMATS:
            raise QueryError(f"format {fmt!r} does not fit a graph result; use ttl, nt, jsonld, xml")
        prefixes = PREFIX_IRIS if graph_fmt == "ttl" else None
        return (
            ox.serialize(results, format=GRAPH_FORMATS[graph_fmt], prefixes=prefixes)
            if prefixes
            else ox.serialize(results, format=GRAPH_FORMATS[graph_fmt])
        )
    if fmt == "csv" and isinstance(results, ox.QuerySolutions):
        # Oxigraph's CSV follows the SPARQL spec (CRLF); a plain CSV reads better in tools.
        names, rows = solutions_as_rows(results)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8")
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use table, csv, tsv, json, xml")
    return results.serialize(format=RESULT_FORMATS[fmt])


def boolean_json(value: bool) -> str:
    return json.dumps({"head": {}, "boolean": value})
