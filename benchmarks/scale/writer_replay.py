"""The writer's CPU per document, its main thread and the store's background threads apart, on a growing store.

The development texts are extracted once (records pickled as a worker sends them); the
writer's loop of ``kg build`` (unpickle, resolve, map, ``GraphWriter.write``) then replays
them ``--rounds`` times under new document ids into a fresh store, with bulk batches of
``--batch-quads`` quads (no time limit on a batch). Prints the process's CPU per document
(every thread: RocksDB compacts the bulk loads in threads of its own) and the main thread's.

    python benchmarks/scale/writer_replay.py --rounds 8 --batch-quads 50000
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parallel_build import SHARED, texts  # noqa: E402

from kg.extract.runner import SerialExtractor  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.rdf.mapping import document_quads  # noqa: E402
from kg.rdf.namespaces import DEFAULT_BASE  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.resolve.identity import CorpusIdentity  # noqa: E402
from kg.store.embedded import EmbeddedStore, GraphWriter  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--batch-quads", type=int, default=50_000)
    args = parser.parse_args()
    corpus = texts(SHARED)
    with SerialExtractor(None, 32) as extractor:
        records = list(extractor.extract(Document.from_text(t, id=f"doc{n}") for n, t in enumerate(corpus)))
    sent = [pickle.dumps(record, pickle.HIGHEST_PROTOCOL) for record in records]
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        identity = CorpusIdentity.from_store(store, DEFAULT_BASE)
        process, main_thread, wall = time.process_time(), 0.0, time.perf_counter()
        with GraphWriter(store, batch_quads=args.batch_quads, max_wait=float("inf")) as writer:
            for round_number in range(args.rounds):
                for payload in sent:
                    started = time.thread_time()
                    record = pickle.loads(payload)
                    object.__setattr__(record.doc, "id", f"{record.doc.id}-r{round_number}")  # a new document
                    resolved = identity.resolve(resolve(record))
                    writer.write(*document_quads(resolved, DEFAULT_BASE))
                    identity.record(resolved)
                    main_thread += time.thread_time() - started
        store.close()
        process = time.process_time() - process
    count = args.rounds * len(sent)
    print(
        f"{count} documents, bulk batches of {args.batch_quads} quads: {process / count * 1000:.2f} CPU ms a document "
        f"in all threads, {main_thread / count * 1000:.2f} in the main thread ({time.perf_counter() - wall:.0f} s wall)"
    )


if __name__ == "__main__":
    main()
