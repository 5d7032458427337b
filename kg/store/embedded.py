"""The embedded store: Oxigraph on disk, one named graph per document.

A document's graph is replaced in one SPARQL Update (``MOVE staging TO graph``),
which Oxigraph runs as a single transaction: a crash or Ctrl-C leaves either the
old graph or the new one, never half of it, and a rerun picks up where it stopped.

New graphs go in batches through Oxigraph's bulk loader (:class:`GraphWriter`),
faster than transactions but not atomic; so each batch is first listed
in a staging graph, and the list is dropped, in one transaction, only once the
whole batch is in. A batch stopped midway is removed when the store is next opened.

>>> import tempfile
>>> from rdflib import URIRef, Literal
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> g = URIRef("https://w3id.org/newskg/id/doc/d1")
>>> store.replace_graph(g, [(g, URIRef("https://w3id.org/newskg/ontology#sha256"), Literal("ab"))])
>>> store.document_sha256(g), len(store)
('ab', 1)
"""

from __future__ import annotations

import fcntl
import gc
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE, KG
from kg.store.terms import to_ox

STAGING_KIND = "graph/staging"
SD_NAMED_GRAPH = ox.NamedNode("http://www.w3.org/ns/sparql-service-description#NamedGraph")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# Held (flock) by the one process writing a store, with its pid inside, so a second writer can say who.
WRITER_LOCK = "kg-writer.lock"


class StoreBusy(OSError):
    """Another process is writing the store; the message names the store and, when known, its pid."""


def _writer_lock(path: Path):
    """Take the store's writer lock, or raise :class:`StoreBusy`; the lock lives as long as the file."""
    lock = open(path / WRITER_LOCK, "a+", encoding="utf-8")  # noqa: SIM115  (held for the store's life)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        pid = lock.read().strip() or "unknown"
        lock.close()
        raise StoreBusy(
            f"the store {path} is being written by another kg process (pid {pid}); wait for it or use another --store"
        ) from None
    lock.seek(0)
    lock.truncate()
    lock.write(str(os.getpid()))
    lock.flush()
    return lock


class EmbeddedStore:
    """An on-disk Oxigraph store holding the graph of every document built into it."""

    def __init__(self, path: str | Path, base: str = DEFAULT_BASE, read_only: bool = False):
        self.path = Path(path)
        self.base = base
        if read_only:
            self.ox = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self._lock = _writer_lock(self.path)
            try:
                self.ox = ox.Store(str(self.path))
            except OSError as error:  # held by a process that is not kg (an Oxigraph server, say)
                self._lock.close()
                raise StoreBusy(f"the store {self.path} is open in another process ({error})") from None
            self._drop_staging_leftovers()

    def _staging(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(str(mint(STAGING_KIND, name, self.base, casefold=False)))

    def _drop_staging_leftovers(self) -> None:
        # A run stopped between filling a staging graph and its MOVE leaves the staging graph
        # behind; a bulk batch stopped midway leaves its list. Neither is part of the data, so
        # they go (with the graphs of the unfinished batch) before anything reads the store.
        unfinished = [q.subject for q in self.ox.quads_for_pattern(None, None, None, self._staging("bulk"))]
        self.remove_graphs([URIRef(graph.value) for graph in unfinished])
        prefix = f"{self.base}{STAGING_KIND}/"
        for graph in list(self.ox.named_graphs()):
            if isinstance(graph, ox.NamedNode) and graph.value.startswith(prefix):
                self.ox.remove_graph(graph)

    def __len__(self) -> int:
        return len(self.ox)

    def document_sha256(self, graph: URIRef) -> str | None:
        """The text hash recorded for a document graph, or None if it is not stored."""
        return self._document_value(graph, KG.sha256)

    def document_extractor(self, graph: URIRef) -> str | None:
        """What extracted a stored document (``kg:extractedWith``), or None."""
        return self._document_value(graph, KG.extractedWith)

    def _document_value(self, graph: URIRef, prop: URIRef) -> str | None:
        node = ox.NamedNode(str(graph))
        for quad in self.ox.quads_for_pattern(node, ox.NamedNode(str(prop)), None, node):
            return quad.object.value
        return None

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """Make ``graph`` hold exactly ``triples`` (rdflib terms), atomically."""
        self.replace_graph_triples(ox.NamedNode(str(graph)), (ox.Triple(*map(to_ox, t)) for t in triples))

    def replace_graph_quads(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Make ``graph`` hold exactly the triples of ``quads`` (Oxigraph terms), atomically."""
        self.replace_graph_triples(graph, (q.triple for q in quads))

    def replace_graph_triples(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        if not self.ox.contains_named_graph(graph):
            # A new graph needs no staging: extend() is itself one transaction.
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
            if quads:
                self.ox.extend(quads)
            return
        staging = self._staging(graph.value)
        if self.ox.contains_named_graph(staging):
            self.ox.remove_graph(staging)
        quads = [ox.Quad(t.subject, t.predicate, t.object, staging) for t in triples]
        if not quads:
            self.remove_graph(URIRef(graph.value))
            return
        self.ox.extend(quads)
        # Both names are ox.NamedNode, written as <iri> (valid IRIs never hold '>' or spaces).
        self.ox.update(f"MOVE SILENT GRAPH {staging} TO GRAPH {graph}")

    def bulk_add_graphs(self, graphs: dict[ox.NamedNode, list[ox.Quad]]) -> None:
        """Add graphs the store does not hold yet, fast, each one whole or not at all (see above).
        ``graphs`` maps each graph's name to its quads (in that graph)."""
        listing = self._staging("bulk")
        self.ox.extend([ox.Quad(graph, RDF_TYPE, SD_NAMED_GRAPH, listing) for graph in graphs])
        try:
            self.ox.bulk_extend(quad for quads in graphs.values() for quad in quads)
        except BaseException:
            # The list goes only once its graphs have: if this fails too, the next opening cleans up.
            self.remove_graphs([URIRef(graph.value) for graph in graphs])
            self.ox.remove_graph(listing)
            raise
        self.ox.remove_graph(listing)

    def remove_graph(self, graph: URIRef) -> bool:
        return bool(self.remove_graphs([graph]))

    def remove_graphs(self, graphs: Iterable[URIRef]) -> list[URIRef]:
        """Remove the named graphs that exist, all in one transaction; returns those removed."""
        present = [g for g in graphs if self.ox.contains_named_graph(ox.NamedNode(str(g)))]
        if present:
            # Graph names come from ox.NamedNode (valid IRIs, no '>'), so they are safe in the text.
            self.ox.update(" ;\n".join(f"DROP GRAPH {ox.NamedNode(str(g))}" for g in present))
        return present

    def graphs(self) -> Iterator[URIRef]:
        for graph in self.ox.named_graphs():
            yield URIRef(graph.value)

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        """Flush, and let another process write the store: drop the writer lock and the Oxigraph
        store now, not whenever the garbage collector meets them (a cycle may hold them for long)."""
        self.ox.flush()
        del self.ox
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.close()
        gc.collect()


class GraphWriter:
    """Writes document graphs into an :class:`EmbeddedStore`: a graph already stored is
    replaced at once, atomically; new graphs are gathered and added by the bulk loader
    once ``batch_quads`` quads are gathered or the oldest has waited ``max_wait`` seconds
    (so a long run shows its documents, and a killed one loses at most that much work).
    The first new graph goes in alone, at once: a store that cannot be written fails the
    run before any more work is done. Later batches load in a thread of their own while the
    caller goes on (a bulk load mostly waits for the disk, its files being synced: ~0.5 s of
    wall clock for ~0.25 CPU s a batch, measured); one batch loads while the next gathers, so
    memory holds at most two. Use it as a context manager: leaving the block, even by Ctrl-C,
    writes what is gathered and waits for the load running; an error of a load is raised by
    the next ``write``, ``flush`` or the block's end.

    >>> import tempfile
    >>> store = EmbeddedStore(tempfile.mkdtemp())
    >>> g, p = ox.NamedNode("https://w3id.org/newskg/id/doc/d1"), ox.NamedNode("http://x/p")
    >>> with GraphWriter(store) as writer:
    ...     writer.write(g, [ox.Quad(g, p, ox.Literal("one"), g)])
    >>> with GraphWriter(store) as writer:
    ...     writer.write(g, [ox.Quad(g, p, ox.Literal("two"), g)])
    >>> [q.object.value for q in store.ox]
    ['two']
    """

    def __init__(self, store: EmbeddedStore, batch_quads: int = 50_000, max_wait: float = 10.0):
        self.store = store
        # Each bulk load costs RocksDB work in the background besides its quads: small batches
        # cost as much as transactions (on 112k quads: 4,500 a batch 2.0 CPU s, 50,000 1.3 s).
        self.batch_quads = batch_quads
        self.max_wait = max_wait
        self._gathered: dict[ox.NamedNode, list[ox.Quad]] = {}
        self._size = 0
        self._since = 0.0
        self._first = True
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-load")
        self._loading: Future | None = None
        self._loading_graphs: set[ox.NamedNode] = set()

    def write(self, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
        """Store ``quads`` (all in ``graph``) as the whole content of ``graph``."""
        if graph in self._gathered:
            self.flush()
        if graph in self._loading_graphs:
            self.wait()  # the same graph again: its first version must be in before it is replaced
        if self.store.ox.contains_named_graph(graph):
            self.store.replace_graph_quads(graph, quads)
            return
        if not self._gathered:
            self._since = time.monotonic()
        self._gathered[graph] = quads
        self._size += len(quads)
        if self._first or self._size >= self.batch_quads or time.monotonic() - self._since >= self.max_wait:
            self.flush()
            if self._first:
                self._first = False
                self.wait()

    def flush(self) -> None:
        """Start loading what is gathered (after the load running, if any, has ended)."""
        self.wait()
        if self._gathered:
            self._loading = self._loader.submit(self.store.bulk_add_graphs, self._gathered)
            self._loading_graphs = set(self._gathered)
        self._gathered, self._size = {}, 0

    def wait(self) -> None:
        """Wait for the load running, if any; raise its error."""
        loading, self._loading = self._loading, None
        self._loading_graphs = set()
        if loading is not None:
            loading.result()

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.flush()
            self.wait()
        finally:
            self._loader.shutdown(wait=True)
