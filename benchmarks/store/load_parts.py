"""Bulk load one N-Quads file into new on-disk stores, whole and cut in parts, in alternation.

    python benchmarks/store/load_parts.py --data /tmp/newskg5-1m.nq --parts 1 2 --rounds 3

Each run loads the file into an empty store with ``kg.store.bulk.bulk_load_file`` (one
``bulk_load`` per part, each on its own thread) and flushes it; it prints wall clock,
process CPU time and the load average, since other jobs on the machine change the wall
clock far more than the CPU time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kg.store.bulk import bulk_load_file  # noqa: E402


def load_once(data: Path, store_dir: Path, parts: int) -> str:
    shutil.rmtree(store_dir, ignore_errors=True)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    before = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    store = ox.Store(str(store_dir))
    used = bulk_load_file(store, data, ox.RdfFormat.N_QUADS, parts=parts)
    store.flush()
    seconds = time.perf_counter() - started
    quads = len(store)
    return (
        f"| {used} | {seconds:.2f} | {time.process_time() - cpu:.2f} | {quads / seconds:,.0f} | "
        f"{before:.2f} -> {os.getloadavg()[0]:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/tmp/newskg-1m.nq"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/newskg-load-parts"))
    parser.add_argument("--parts", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs\n\n| parts | wall s | CPU s | quads/s | load average |\n|---:|---:|---:|---:|---|")
    for _ in range(args.rounds):
        for parts in args.parts:
            print(load_once(args.data, args.work / "store", parts), flush=True)
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
