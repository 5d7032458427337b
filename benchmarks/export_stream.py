"""CPU of kg build's two files: written as the documents are stored (StreamingExport) against read back
from the store at the end (export_all), on the output of a finished build.

The document graphs are handed to :class:`kg.store.export_stream.StreamingExport` in the order its
graph.nq lists them (the order the build stored them), then its ``finish`` adds the corpus graph from
the store; ``export_all`` writes the same two files from the store alone. Both pairs of files are
checked against each other (same quads, same union).

    python benchmarks/export_stream.py kg-out [--rounds 2]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.store.export import export_all
from kg.store.export_stream import StreamingExport


def document_graphs(nq: Path) -> list[tuple[ox.NamedNode, list[ox.Quad]]]:
    quads = ox.parse(path=nq, format=ox.RdfFormat.N_QUADS)
    graphs = itertools.groupby(quads, key=lambda quad: quad.graph_name)
    return [(graph, list(group)) for graph, group in graphs if "/doc/" in graph.value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the --out folder of a build that created its store")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    store = ox.Store.read_only(str(args.out / "store"))
    documents = document_graphs(args.out / "graph.nq")
    work = Path(tempfile.mkdtemp(prefix="export-stream-"))
    for round_ in range(1, args.rounds + 1):
        streamed = {"nq": work / "streamed.nq", "ttl": work / "streamed.ttl"}
        with StreamingExport(streamed) as files:
            start = time.process_time()
            for graph, quads in documents:
                files.add(graph, quads)
            adding = time.process_time() - start
            start = time.process_time()
            files.finish(store)
            finishing = time.process_time() - start
        start = time.process_time()
        read_back = export_all(store, {"nq": work / "read.nq", "ttl": work / "read.ttl"})
        reading = time.process_time() - start
        same = all(
            {str(x) for x in ox.parse(path=streamed[fmt], format=f)}
            == {str(x) for x in ox.parse(path=read_back[fmt], format=f)}
            for fmt, f in (("nq", ox.RdfFormat.N_QUADS), ("ttl", ox.RdfFormat.TURTLE))
        )
        print(
            f"round {round_}: {len(documents)} documents, {len(store)} quads; streamed: add {adding:.2f} "
            f"+ finish {finishing:.2f} CPU s; export_all {reading:.2f} CPU s; same files: {same}",
            flush=True,
        )


if __name__ == "__main__":
    main()
