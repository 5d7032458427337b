"""The incidents step of a new store's build, alone: ``update_incidents`` over every document of a built store.

Each round copies the store, deletes the copy's incident index (so every stored document is read
back, indexed and grouped, as when a build creates the store) and times ``update_incidents`` in CPU
seconds of the calling thread (the step runs in it; RocksDB's background threads, compacting the
copy they just opened, would add noise to the process's clock) and of the process. The store is
only read: a build's ``out/store`` (e.g. of the 720 development texts) serves.

    python benchmarks/scale/incidents_tail.py kg-out/store --rounds 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kg.incidents import update_incidents
from kg.incidents.index import INDEX_FILE
from kg.store.embedded import EmbeddedStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seconds, process = [], []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "store"
            shutil.copytree(args.store, copy, ignore=shutil.ignore_patterns(INDEX_FILE, "*.lock"))
            store = EmbeddedStore(copy)
            started, started_process = time.thread_time(), time.process_time()
            report = update_incidents(store)
            seconds.append(time.thread_time() - started)
            process.append(time.process_time() - started_process)
            store.close()
    print(
        f"update_incidents, {report.documents_indexed} documents, {report.incidents_written} incidents: "
        f"thread CPU s {[round(s, 2) for s in seconds]}, median {statistics.median(seconds):.2f}; "
        f"process CPU s {[round(s, 2) for s in process]}"
    )


if __name__ == "__main__":
    main()
