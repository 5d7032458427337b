"""Open what a user names as a graph: an embedded store directory, an RDF file or a SPARQL endpoint.

A store directory is opened read-only (another process may be writing it); a file
is loaded into an in-memory Oxigraph store; an ``http(s)://`` endpoint has its named
graphs copied into an in-memory store through :class:`kg.store.http.EndpointClient`
(one ``SELECT ?g ?s ?p ?o``; memory grows with the endpoint's size, so this suits
commands that need the whole graph: validate, export, explain). Commands that only
ask questions (query, analyze, path, viz) send them to the endpoint instead.

>>> is_endpoint("https://example.org/sparql"), is_endpoint("kg-out/store")
(True, False)
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.store.embedded import EmbeddedStore
from kg.store.http import EndpointClient, RemoteError, check_endpoint_url

FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
ENDPOINT_QUADS = Path(__file__).with_name("endpoint_quads.rq")


class SourceError(ValueError):
    """A graph source that cannot be opened; the message names it and says why."""


def is_endpoint(source: object) -> bool:
    """Whether ``source`` names a SPARQL endpoint (an http(s) URL) rather than a path."""
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def read_endpoint(url: str, client: EndpointClient | None = None) -> ox.Store:
    """Every named graph of a SPARQL endpoint, copied into an in-memory store."""
    try:
        check_endpoint_url(url, url)
        own = client is None
        client = client or EndpointClient(retries=2)
        try:
            results = client.sparql(url, ENDPOINT_QUADS.read_text(encoding="utf-8"), "reading the graphs")
            if not isinstance(results, ox.QuerySolutions):
                raise RemoteError(f"reading the graphs: {url} did not answer with SPARQL results")
            store = ox.Store()
            store.extend(ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in results)
        finally:
            if own:
                client.close()
    except RemoteError as error:
        raise SourceError(str(error)) from None
    return store


def open_source(source: str | Path) -> ox.Store:
    """An Oxigraph store over ``source``: a store directory (read-only), an RDF file (loaded in
    memory) or a SPARQL endpoint URL (its named graphs copied into memory)."""
    if is_endpoint(source):
        return read_endpoint(str(source))
    path = Path(source)
    if path.is_dir():
        try:
            return EmbeddedStore(path, read_only=True).ox
        except OSError as err:
            raise SourceError(f"{source}: not an Oxigraph store ({err})") from None
    if not path.exists():
        raise SourceError(f"{source}: no such file or store directory")
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SourceError(f"{source}: unknown RDF file type {path.suffix!r}; use one of {', '.join(FILE_FORMATS)}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise SourceError(f"{source}: not valid {path.suffix[1:]} ({err})") from None
    return store


def as_store(source: ox.Store | str | Path) -> ox.Store:
    """``source`` itself when it is already an open store, else :func:`open_source` of it."""
    return source if isinstance(source, ox.Store) else open_source(source)
