"""Write a store's contents as RDF, streaming: memory stays flat however large the store is.

Quad formats (nq, trig, jsonld) keep every named graph; triple formats (ttl, nt)
write the union of the graphs with each triple once (:mod:`kg.store.union`, which
remembers nothing of what it wrote). ``graph`` limits the output to one named graph.

>>> import io, tempfile
>>> from rdflib import URIRef, Literal
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> for doc in ("d1", "d2"):
...     g = URIRef(f"https://w3id.org/newskg/id/doc/{doc}")
...     store.replace_graph(g, [(URIRef("https://w3id.org/newskg/id/x"), URIRef("http://x/p"), Literal("same"))])
>>> buffer = io.BytesIO()
>>> write(store, buffer, "nt")
>>> buffer.getvalue().decode().count("same")
1
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.store.embedded import EmbeddedStore
from kg.store.jsonld import write_jsonld
from kg.store.union import union_triples

QUAD_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
PREFIXED = ("ttl", "trig")


def write(store: EmbeddedStore | ox.Store, out: BinaryIO, fmt: str, graph: str | None = None) -> None:
    """Write ``store`` (or its named ``graph``) to the binary stream ``out`` as ``fmt``."""
    ox_store = store.ox if isinstance(store, EmbeddedStore) else store
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    graph_node = ox.NamedNode(graph) if graph else None
    if graph_node is not None and not ox_store.contains_named_graph(graph_node):
        raise ValueError(f"the store has no graph <{graph}>")
    kwargs = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}} if fmt in PREFIXED else {}
    if fmt == "jsonld":
        write_jsonld(ox_store, out, [graph_node] if graph_node else None)
    elif fmt in QUAD_FORMATS and graph_node is None:
        ox_store.dump(out, QUAD_FORMATS[fmt], **kwargs)
    elif fmt in QUAD_FORMATS:
        ox.serialize(ox_store.quads_for_pattern(None, None, None, graph_node), out, QUAD_FORMATS[fmt], **kwargs)
    elif graph_node is not None:
        triples = (q.triple for q in ox_store.quads_for_pattern(None, None, None, graph_node))
        ox.serialize(triples, out, TRIPLE_FORMATS[fmt], **kwargs)
    else:
        ox.serialize(union_triples(ox_store), out, TRIPLE_FORMATS[fmt], **kwargs)


def export(store: EmbeddedStore | ox.Store, path: str | Path, fmt: str, graph: str | None = None) -> Path:
    """Write the store to the file ``path`` as ``fmt`` (see :func:`write`)."""
    path = Path(path)
    with path.open("wb") as out:
        write(store, out, fmt, graph)
    return path


def export_all(store: EmbeddedStore | ox.Store, targets: Mapping[str, str | Path]) -> dict[str, Path]:
    """Write the store to several files at once, ``{format: path}``, one thread each.

    Oxigraph reads and writes without holding Python's lock, so the N-Quads dump runs beside
    the Turtle union: ``kg build``'s two files take about as long as the longer one alone.

    >>> import tempfile
    >>> from rdflib import Dataset, URIRef, Literal
    >>> store, folder = EmbeddedStore(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> g = URIRef("https://w3id.org/newskg/id/doc/d1")
    >>> store.replace_graph(g, [(URIRef("https://w3id.org/newskg/id/x"), URIRef("http://x/p"), Literal("one"))])
    >>> files = export_all(store, {"ttl": folder / "graph.ttl", "nq": folder / "graph.nq"})
    >>> [len(Dataset().parse(files[fmt], format=name)) for fmt, name in (("ttl", "turtle"), ("nq", "nquads"))]
    [1, 1]
    """
    if not targets:
        return {}
    with ThreadPoolExecutor(max_workers=len(targets), thread_name_prefix="export") as pool:
        running = {fmt: pool.submit(export, store, path, fmt) for fmt, path in targets.items()}
        return {fmt: future.result() for fmt, future in running.items()}
