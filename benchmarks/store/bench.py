"""Store benchmarks on a synthetic graph (benchmarks/store/generate.py): load, ready queries, export.

    python benchmarks/store/generate.py --out /tmp/newskg-1m.nq
    python benchmarks/store/bench.py --data /tmp/newskg-1m.nq --work /tmp/newskg-bench

1. Load: the file into a new embedded store, as ``kg load FILE --store DIR`` does
   (kg.store.load: Oxigraph's bulk loader, an N-Quads file cut into one part per core),
   until the store is flushed and queryable; against rdflib parsing the same file into
   an in-memory ``Dataset``.
2. Ready queries: median latency of each query of ontology/queries on the loaded
   store (results read to the end), wall clock and the CPU time of the querying thread
   (steadier when other jobs share the machine), and the same query once on rdflib's
   in-memory engine over the same data (each in a forked process, stopped after --rdflib-cap s).
3. Export: ``kg export STORE --format nq`` (and ttl, which drops repeated triples)
   in a child process; wall time and peak memory (maximum resident set size).

Prints a Markdown table for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.query.run import bind_parameters, run_query  # noqa: E402
from kg.rdf.namespaces import PREFIXES  # noqa: E402
from kg.rdf.ontology import QUERIES, ontology_file  # noqa: E402
from kg.store.load import load_into_store  # noqa: E402

PICK = """
SELECT ?first ?second WHERE {
  { SELECT ?e (MAX(?n) AS ?top) WHERE { ?e a kg:Person ; kg:mentionCount ?n } GROUP BY ?e ORDER BY DESC(?top) LIMIT 1 }
  ?e rdfs:label ?first .
  ?m itsrdf:taIdentRef ?e ; nif:referenceContext ?doc .
  ?m2 nif:referenceContext ?doc ; itsrdf:taIdentRef ?other .
  ?other a kg:Country ; rdfs:label ?second .
} LIMIT 1
"""


def load_benchmark(data: Path, store_dir: Path) -> dict:
    if store_dir.exists():
        shutil.rmtree(store_dir)
    started = time.perf_counter()
    cpu = time.process_time()
    summary = load_into_store(data, store_dir)  # returns once the store is flushed
    seconds = time.perf_counter() - started
    return {"quads": summary.triples, "seconds": seconds, "cpu": time.process_time() - cpu}


def rdflib_parse(data: Path) -> tuple[Dataset, float]:
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    return dataset, time.perf_counter() - started


def query_params(store: ox.Store) -> dict[str, str]:
    row = next(iter(run_query(store, PICK)))
    return {"name": row["first"].value, "first": row["first"].value, "second": row["second"].value}


def params_for(text: str, values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in values.items() if f"--param {k}=" in text}


def oxigraph_latency(store: ox.Store, text: str, params: dict[str, str], repeat: int) -> tuple[float, float, int]:
    """Median wall-clock and thread CPU seconds over ``repeat`` runs (Oxigraph evaluates in the calling thread)."""
    rows = sum(1 for _ in run_query(store, text, params))  # warm-up
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        for _ in run_query(store, text, params):
            pass
        times.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    return statistics.median(times), statistics.median(cpu), rows


def _rdflib_child(dataset: Dataset, text: str, params: dict[str, str], pipe) -> None:
    bindings = {}
    for variable, term in bind_parameters(params).items():
        bindings[variable.value] = URIRef(term.value) if isinstance(term, ox.NamedNode) else Literal(term.value)
    started = time.perf_counter()
    rows = sum(1 for _ in dataset.query(text, initNs=dict(PREFIXES), initBindings=bindings))
    pipe.send((time.perf_counter() - started, rows))


def rdflib_latency(dataset: Dataset, text: str, params: dict[str, str], cap: float) -> tuple[float | None, int | None]:
    context = multiprocessing.get_context("fork")  # the child shares the parsed graph, copy-on-write
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_rdflib_child, args=(dataset, text, params, send))
    child.start()
    if receive.poll(cap):
        result = receive.recv()
        child.join()
        return result
    child.kill()
    child.join()
    return None, None


def export_benchmark(store_dir: Path, fmt: str, out: Path) -> dict:
    """``kg export`` in a child process under GNU time, which reports the child's peak resident memory."""
    command = [sys.executable, "-m", "kg", "export", str(store_dir), "--format", fmt, "--out", str(out)]
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], check=True, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak_kib = int(result.stderr.split("Maximum resident set size (kbytes):")[1].split()[0])
    return {"seconds": seconds, "peak_mb": peak_kib / 1024, "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/tmp/newskg-1m.nq"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/newskg-bench"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rdflib-cap", type=float, default=120.0)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs", flush=True)

    # Exports first, from a store no other handle holds open.
    loaded = load_benchmark(args.data, args.work / "store")
    quads = loaded["quads"]
    exports = {fmt: export_benchmark(args.work / "store", fmt, args.work / f"export.{fmt}") for fmt in ("nq", "ttl")}
    store = ox.Store.read_only(str(args.work / "store"))
    rate = quads / loaded["seconds"]
    print("\n| step | quads | seconds | quads/s |\n|---|---:|---:|---:|")
    print(f"| Oxigraph bulk load (on disk) | {quads:,} | {loaded['seconds']:.2f} | {rate:,.0f} |", flush=True)
    print(f"\n(load: {loaded['cpu']:.2f} s of CPU for {loaded['seconds']:.2f} s of wall time)", flush=True)
    dataset = None
    if not args.no_rdflib:
        dataset, rdflib_seconds = rdflib_parse(args.data)
        rdflib_rate = quads / rdflib_seconds
        print(f"| rdflib parse (in memory) | {quads:,} | {rdflib_seconds:.2f} | {rdflib_rate:,.0f} |")
        print(f"\nOxigraph loads {rate / rdflib_rate:.1f}x as fast as rdflib parses.", flush=True)

    values = query_params(store)
    print(f"\nParameters: {values}")
    print(f"\n| ready query | rows | Oxigraph median (ms, {args.repeat} runs) | CPU median (ms) | rdflib (ms, 1 run) |")
    print("|---|---:|---:|---:|---:|")
    for path in sorted(ontology_file(QUERIES).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        params = params_for(text, values)
        median, cpu, rows = oxigraph_latency(store, text, params, args.repeat)
        shown = "not run"
        if dataset is not None:
            seconds, rdflib_rows = rdflib_latency(dataset, text, params, args.rdflib_cap)
            shown = f"> {args.rdflib_cap * 1000:,.0f} (stopped)" if seconds is None else f"{seconds * 1000:,.0f}"
            if rdflib_rows is not None and rdflib_rows != rows:
                shown += f" ({rdflib_rows} rows)"
        print(f"| {path.stem} | {rows:,} | {median * 1000:,.1f} | {cpu * 1000:,.1f} | {shown} |", flush=True)

    print("\n| export | seconds | peak memory (MB) | file (MB) |\n|---|---:|---:|---:|")
    for fmt, result in exports.items():
        print(f"| {fmt} | {result['seconds']:.1f} | {result['peak_mb']:.0f} | {result['bytes'] / 1e6:.0f} |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
