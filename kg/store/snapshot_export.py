"""A build's graph.nq and graph.ttl written while its last steps still run.

The end of ``kg build`` is three steps on one core: the corpus facts, the incidents (both
write the corpus graph), then the export, which reads the whole store back. Most of what
the export writes, though, is the documents' graphs, complete once the last document is
stored. :class:`SnapshotExport` takes a snapshot of the store then (a RocksDB checkpoint:
hard links, no copy), writes the snapshot's N-Quads and the union of its graphs as Turtle in
two threads (Oxigraph does both in Rust, without Python's lock), and when the caller is done,
appends what the store gained meanwhile: the quads of each graph added since, and, to the
Turtle, their triples that no graph of the snapshot states (each triple still once).

The files are written under a temporary name and take theirs when finished: a build stopped
meanwhile (Ctrl-C) leaves no half-written file, only the previous ones, if any. Only whole
graphs may be added after the snapshot: :meth:`SnapshotExport.finish` checks that
the store holds exactly the snapshot plus the added graphs, and otherwise writes both files
from the store again (:func:`kg.store.export.export_all`), so the files are right whatever
happened.

>>> import tempfile
>>> from rdflib import Graph
>>> store, folder = EmbeddedStore(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
>>> x, p = ox.NamedNode("https://w3id.org/newskg/id/x"), ox.NamedNode("http://x/p")
>>> store.ox.extend([ox.Quad(x, p, ox.Literal("doc"), ox.NamedNode("http://x/d1"))])
>>> export = SnapshotExport(store, {"nq": folder / "graph.nq", "ttl": folder / "graph.ttl"})
>>> store.ox.extend([ox.Quad(x, p, ox.Literal(v), ox.NamedNode("http://x/corpus")) for v in ("doc", "new")])
>>> files = export.finish(store)
>>> len(files["nq"].read_text().splitlines()), len(Graph().parse(files["ttl"]))  # 3 quads, 2 triples
(3, 2)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.store.embedded import EmbeddedStore
from kg.store.export import QUAD_FORMATS, TRIPLE_FORMATS, export_all
from kg.store.union import EXACT_CONSTRUCT_QUADS, UNION

FILES = ("nq", "ttl")


def snapshot_export_fits(store: EmbeddedStore, targets: Mapping[str, str | Path]) -> bool:
    """Whether :class:`SnapshotExport` can write ``targets``: graph.nq and graph.ttl (no other
    format), a store small enough for Oxigraph's exact union (kg.store.union), and a second core."""
    return set(targets) == set(FILES) and len(store.ox) <= EXACT_CONSTRUCT_QUADS and _cores() > 1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class SnapshotExport:
    """Write ``targets`` (``{"nq": path, "ttl": path}``) from the store as it is now, in the
    background; :meth:`finish` adds the graphs written since and returns the paths."""

    def __init__(self, store: EmbeddedStore, targets: Mapping[str, str | Path]):
        self.targets = {fmt: Path(targets[fmt]) for fmt in FILES}
        self._partial = {fmt: path.with_name(path.name + ".partial") for fmt, path in self.targets.items()}
        # Beside the store, so that the checkpoint's files are hard links to the store's own.
        self._folder = Path(tempfile.mkdtemp(prefix=".export-snapshot-", dir=store.path.parent))
        store.ox.flush()
        store.ox.backup(str(self._folder / "store"))
        self.snapshot: ox.Store | None = ox.Store.read_only(str(self._folder / "store"))
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="snapshot-export")
        self._writing: list[Future] = [
            self._pool.submit(self.snapshot.dump, str(self._partial["nq"]), QUAD_FORMATS["nq"]),
            self._pool.submit(self._write_union),
        ]

    def _write_union(self) -> None:
        union = self.snapshot.query(UNION, use_default_graph_as_union=True)
        ox.serialize(union, str(self._partial["ttl"]), TRIPLE_FORMATS["ttl"], prefixes=_prefixes())

    def finish(self, store: EmbeddedStore) -> dict[str, Path]:
        """Wait for the snapshot's files, append the graphs ``store`` gained since; the paths."""
        try:
            for writing in self._writing:
                writing.result()
            added = [g for g in store.ox.named_graphs() if not self.snapshot.contains_named_graph(g)]
            if len(store.ox) != len(self.snapshot) + sum(_count(store.ox, graph) for graph in added):
                # Something else changed too: the snapshot's files are not the store's.
                return export_all(store, self.targets)
            with self._partial["nq"].open("ab") as quads_out, self._partial["ttl"].open("ab") as union_out:
                for graph in added:
                    ox.serialize(store.ox.quads_for_pattern(None, None, None, graph), quads_out, QUAD_FORMATS["nq"])
                ox.serialize(self._new_triples(store, added), union_out, TRIPLE_FORMATS["ttl"], prefixes=_prefixes())
            for fmt, path in self._partial.items():
                path.replace(self.targets[fmt])
            return dict(self.targets)
        finally:
            self.close()

    def _new_triples(self, store: EmbeddedStore, graphs: list[ox.NamedNode]) -> Iterator[ox.Triple]:
        """The triples of ``graphs`` that no graph of the snapshot states, each once."""
        seen: set[ox.Triple] = set()
        for graph in graphs:
            for quad in store.ox.quads_for_pattern(None, None, None, graph):
                triple = quad.triple
                if triple in seen:
                    continue
                seen.add(triple)
                stated = self.snapshot.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
                if next(iter(stated), None) is None:
                    yield triple

    def close(self) -> None:
        """Stop (after the files being written), remove the snapshot and any unfinished file."""
        self._pool.shutdown(wait=True)
        self.snapshot = None  # the read-only handle, closed before its files go
        shutil.rmtree(self._folder, ignore_errors=True)
        for path in self._partial.values():
            path.unlink(missing_ok=True)


def _count(store: ox.Store, graph: ox.NamedNode) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


def _prefixes() -> dict[str, str]:
    return {name: str(namespace) for name, namespace in PREFIXES.items()}
