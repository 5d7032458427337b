"""Validate a whole store with one engine, print time and memory, and dump the violations to JSON
(to compare engines field for field).

    PYTHONPATH=.:/tmp/turbo python benchmarks/validate/whole_store.py STORE pyshacl-turbo [--documents N]

Two dumps hold the same violations when their lists, sorted, are equal.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from dataclasses import asdict

import pyoxigraph as ox

from kg.store.validate import ENGINES, document_graphs, validate_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store")
    parser.add_argument("engine", choices=ENGINES)
    parser.add_argument("--documents", type=int, default=0, help="only the first N document graphs (0: all)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", default=None, help="JSON file for the violations (default: violations-ENGINE-N.json)")
    args = parser.parse_args()
    store = ox.Store.read_only(args.store)
    docs = None if not args.documents else [d.value for d in document_graphs(store)[: args.documents]]
    wall, cpu = time.perf_counter(), time.process_time()
    report = validate_store(store, documents=docs, engine=args.engine, jobs=args.jobs, path=args.store)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "engine": args.engine,
                "documents": args.documents or "all",
                "jobs": args.jobs,
                "wall_s": round(time.perf_counter() - wall, 1),
                "cpu_s": round(time.process_time() - cpu + usage.ru_utime + usage.ru_stime, 1),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "children_peak_mb": usage.ru_maxrss // 1024,
                "pieces": report.graphs,
                "violations": len(report.violations),
                "by_message": dict(report.by_message()),
            }
        )
    )
    out = args.out or f"violations-{args.engine}-{args.documents}.json"
    with open(out, "w", encoding="utf-8") as stream:
        json.dump([asdict(v) for v in report.violations], stream)


if __name__ == "__main__":
    main()
