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

from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIX_IRIS
from kg.store.embedded import EmbeddedStore
from kg.store.jsonld import write_jsonld
from kg.store.union import EXACT_CONSTRUCT_QUADS, union_triples

QUAD_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
PREFIXED = ("ttl", "trig")
# Quads written to the N-Quads file at a time by the one read that writes graph.nq and graph.ttl.
QUADS_PER_WRITE = 10_000


def write(store: EmbeddedStore | ox.Store, out: BinaryIO, fmt: str, graph: str | None = None) -> None:
    """Write ``store`` (or its named ``graph``) to the binary stream ``out`` as ``fmt``."""
    ox_store = store.ox if isinstance(store, EmbeddedStore) else store
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    graph_node = ox.NamedNode(graph) if graph else None
    if graph_node is not None and not ox_store.contains_named_graph(graph_node):
        raise ValueError(f"the store has no graph <{graph}>")
    kwargs = {"prefixes": PREFIX_IRIS} if fmt in PREFIXED else {}
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
    """Write the store to several files at once, ``{format: path}``.

    N-Quads and Turtle together (``kg build``'s two files) come from one read of the store
    (:func:`_quads_and_union`); every other file is written in a thread of its own (Oxigraph
    reads and writes without holding Python's lock).

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
    ox_store = store.ox if isinstance(store, EmbeddedStore) else store
    paired = "nq" in targets and "ttl" in targets and len(ox_store) <= EXACT_CONSTRUCT_QUADS
    alone = {fmt: path for fmt, path in targets.items() if not paired or fmt not in ("nq", "ttl")}
    with ThreadPoolExecutor(max_workers=len(alone) + 1, thread_name_prefix="export") as pool:
        running = {fmt: pool.submit(export, store, path, fmt) for fmt, path in alone.items()}
        if paired:
            nq, ttl = Path(targets["nq"]), Path(targets["ttl"])
            with nq.open("wb") as quads_out, ttl.open("wb") as union_out:
                triples = _quads_and_union(ox_store, quads_out)
                ox.serialize(triples, union_out, TRIPLE_FORMATS["ttl"], prefixes=PREFIX_IRIS)
        written = {fmt: future.result() for fmt, future in running.items()}
    return {fmt: Path(targets[fmt]) if fmt not in written else written[fmt] for fmt in targets}


def _quads_and_union(store: ox.Store, quads_out: BinaryIO) -> Iterator[ox.Triple]:
    """Write every quad of ``store`` to ``quads_out`` as N-Quads, the bytes of ``store.dump``,
    and yield the union of its graphs, each triple once, in the order of
    :func:`kg.store.union.union_triples`: from one read of the store instead of two (reading
    quads back from Oxigraph's files is most of an export's cost: each term is a lookup).

    The dump and the union's ``CONSTRUCT`` both walk the quads in index order (graph, subject,
    predicate, object), the ``CONSTRUCT`` keeping each triple's first appearance. Each hash is
    remembered with the graph where it was first met: a triple whose hash was seen before is
    dropped when that earlier graph holds it (one point lookup; the same triple stated again,
    an entity's type in every document naming it), else looked up in every graph (as
    :func:`union_triples` does for large stores) and kept only if no earlier graph holds it;
    so equal hashes of different triples lose nothing. The hashes of a 500,000-quad store, with
    their graphs (one object each, shared), take ~40 MB.

    >>> import io
    >>> store, buffer = ox.Store(), io.BytesIO()
    >>> a, p = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p")
    >>> store.extend([ox.Quad(a, p, ox.Literal(v), ox.NamedNode(f"http://x/{g}")) for v, g in ("1g", "2h", "1i")])
    >>> union = list(_quads_and_union(store, buffer))
    >>> len(union), union == list(union_triples(store)), buffer.getvalue() == store.dump(format=ox.RdfFormat.N_QUADS)
    (2, True, True)
    """
    seen: dict[int, ox.NamedNode | ox.DefaultGraph] = {}  # a triple's hash -> the graph where it was first met
    graph = None
    batch: list[ox.Quad] = []
    for quad in store.quads_for_pattern(None, None, None, None):
        batch.append(quad)
        if len(batch) == QUADS_PER_WRITE:
            ox.serialize(batch, quads_out, QUAD_FORMATS["nq"])
            batch = []
        if (name := quad.graph_name) != graph:
            graph = name  # one object per graph, shared by its hashes
        triple = quad.triple
        key = hash(triple)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = graph
        elif earlier != graph and ox.Quad(quad.subject, quad.predicate, quad.object, earlier) in store:
            continue  # stated by an earlier graph: written then
        elif next(iter(store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None))).graph_name != graph:
            continue  # another triple of that hash came first, and an earlier graph holds this one too
        yield triple
    if batch:
        ox.serialize(batch, quads_out, QUAD_FORMATS["nq"])
