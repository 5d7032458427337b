"""Where SPARQL servers differ from the protocol's plain reading, and how the client adapts.

Measured against Virtuoso 7.2 (Debian ``virtuoso-opensource-7-bin``), see tests/test_virtuoso.py:

- Layout: ``/sparql`` answers queries and updates; ``/sparql-graph-crud`` is the Graph Store
  protocol; the ``-auth`` twins of both take digest authentication. The query endpoint
  beside a Graph Store or Update URL is found from that layout.
- A permission refused (``SR186: SECURITY``) comes back as a 500, which a client would
  otherwise retry as a server fault; it is a refusal, reported at once.
- Error pages are HTML, and SPARQL errors echo the whole request after ``SPARQL query:``;
  messages keep only the server's words.
- ``ASK`` is answered as one row of ``?__ASK_RETVAL`` (1 or 0), not a boolean; it is read as one.
- A parameter's trailing ``VALUES`` block is not joined correctly when the query's WHERE
  has a ``BIND`` (ready query ``entity``: every row of every entity came back, named as
  the parameter); parameters go first in the outer WHERE group instead (kg.query.values).
- Two query forms gave wrong rows, so the ready queries avoid them (their headers say so):
  an ordered, LIMITed subquery without ``DISTINCT`` lost rows once later OPTIONALs joined
  it (``events``); a ``!sameTerm`` filter beside a nested OPTIONAL let rows through
  (``organizations-by-country``).
- ``ORDER BY`` puts a literal made by ``BIND``/``COALESCE`` apart from literals read from the
  data; ready queries sort such values by ``STR()``.
- ``INSERT DATA`` with more than about 4,990 triples fails to compile (``SP030 ... memory
  exhausted``, a parser stack limit, whatever the bytes); like an HTTP 413 from any server
  or proxy, that refusal says "send less", and the loader halves the batch.

>>> query_endpoint_beside("http://h:8890/sparql-graph-crud-auth")
'http://h:8890/sparql-auth'
>>> readable_message("<html><h1>403 Forbidden</h1> <p>No   permission</p></html>")
'403 Forbidden No permission'
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

# Virtuoso: last path segment of a Graph Store / Update URL -> the query endpoint's.
VIRTUOSO_QUERY_SEGMENTS = {
    "sparql": "sparql",
    "sparql-auth": "sparql-auth",
    "sparql-graph-crud": "sparql",
    "sparql-graph-crud-auth": "sparql-auth",
}
# Words of a server error that mean the request itself is refused, not that the server failed.
REFUSALS_AS_SERVER_ERRORS = ("SR186:SECURITY", "SR186: SECURITY")
# Words of a refusal that mean the request was too large (HTTP status, Virtuoso's parser limit).
TOO_LARGE = ("(413)", "SP030: SPARQL compiler", "memory exhausted")
ASK_VARIABLE = "__ASK_RETVAL"
_TAG = re.compile(r"<[^>]*>")


def query_endpoint_beside(url: str) -> str | None:
    """The SPARQL query URL beside a Virtuoso Graph Store or Update URL, else None."""
    head, _, last = url.rstrip("/").rpartition("/")
    segment = VIRTUOSO_QUERY_SEGMENTS.get(last)
    return f"{head}/{segment}" if segment else None


def readable_message(text: str) -> str:
    """A server's error text on one line: HTML tags and an echoed request left out."""
    text = text.split("SPARQL query:", 1)[0]
    if text.lstrip().startswith("<"):
        text = _TAG.sub(" ", text)
    return " ".join(text.split())


def refusal_in_server_error(text: str) -> bool:
    """Whether a 5xx answer is really a refusal (retrying cannot help)."""
    return any(words in text for words in REFUSALS_AS_SERVER_ERRORS)


def refused_as_too_large(message: str) -> bool:
    """Whether a refusal's message says the request was too large for the server."""
    return any(words in message for words in TOO_LARGE)


def ask_as_boolean(results):
    """Virtuoso's ASK answer (one row of ``?__ASK_RETVAL``) as the boolean result it stands for."""
    if not isinstance(results, ox.QuerySolutions) or [v.value for v in results.variables] != [ASK_VARIABLE]:
        return results
    answer = any(row[ASK_VARIABLE] is not None and row[ASK_VARIABLE].value not in ("0", "false") for row in results)
    boolean = json.dumps({"head": {}, "boolean": answer}).encode()
    return ox.parse_query_results(boolean, format=ox.QueryResultsFormat.JSON)
