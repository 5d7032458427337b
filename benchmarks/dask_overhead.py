"""Where a Dask build's CPU goes, per process and per thread, against the local pool's.

One build of the same texts (``--documents N`` of the WikiEvents and Re-DocRED development texts
under new ids) either on a new cluster of two worker processes started as the README says
(``dask scheduler``, ``dask worker ADDRESS --nworkers 2 --nthreads 1 --preload kg.extract.cluster``;
``--in-process``: a LocalCluster with the preload whose scheduler and nannies run in this process;
the cluster is started, and each worker's pipeline loaded, before the measurement), or with
``--workers 2`` (``--pool``). It prints the
CPU seconds of this process (the writer, the client and, in a LocalCluster, the scheduler) and of
each of the cluster's processes (nannies, workers), thread by thread (from /proc/PID/task), with
the Python thread's name where the process can tell it. CPU seconds, not wall clock: they are what
the Dask path costs whatever else the machine runs.

Run from the checkout to measure (``PYTHONPATH=$PWD``), alternating with another checkout:
``.venv/bin/python benchmarks/dask_overhead.py --documents 500 [--pool] [--config KEY=VALUE ...]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_build import SHARED, readme_cluster, texts, write_corpus  # noqa: E402  (the same corpus builder)

TICK = os.sysconf("SC_CLK_TCK")


def thread_times(pid: int, system: bool = False) -> dict[int, float]:
    """CPU seconds (user + system; ``system``: system only) of each thread of process ``pid``, by native id."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(task.name)] = (int(fields[12]) + (0 if system else int(fields[11]))) / TICK  # stime, utime
    return found


def faults(pid: int) -> int:
    """Minor page faults of process ``pid`` so far, all its threads (living or ended)."""
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[7])


def thread_names() -> dict[int, str]:
    """The Python threads of this process by native id (for client.run in a worker too)."""
    return {t.native_id: t.name for t in threading.enumerate() if t.native_id is not None}


def report(title: str, before: dict[int, float], after: dict[int, float], names: dict[int, str], pid: int) -> float:
    total = sum(after.values()) - sum(before.get(t, 0.0) for t in after)
    print(f"  {title}: {total:7.2f} CPU s")
    rows = sorted(((after[t] - before.get(t, 0.0), t) for t in after), reverse=True)
    for seconds, tid in rows:
        if seconds >= 0.05:
            name = "main" if tid == pid else names.get(tid, "(native)")
            print(f"      {seconds:7.2f} s  {name}")
    return total


@contextlib.contextmanager
def in_process_cluster(settings: dict[str, str]) -> Iterator[str]:
    """What parallel_build.py started up to session 8: a LocalCluster with the preload, whose scheduler
    and nannies run in this process (their event loop beside the writer's thread), its address."""
    import dask
    from distributed import LocalCluster

    with (
        dask.config.set(settings),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            preload=["kg.extract.cluster"],
        ) as cluster,
    ):
        yield cluster.scheduler_address


def measure_dask(source: Path, out: Path, batch_size: int, settings: dict[str, str], in_process: bool) -> None:
    from distributed import Client

    from kg.build import build

    cluster = in_process_cluster(settings) if in_process else readme_cluster(2, preload=True, settings=settings)
    with cluster as address:
        with Client(address) as client:
            worker_pids = client.run(os.getpid)
            scheduler_pid = client.run_on_scheduler(os.getpid)
        processes = {p.pid: p for p in psutil.Process().children(recursive=True)}
        roles = {
            pid: "worker" if pid in worker_pids.values() else "scheduler" if pid == scheduler_pid else "nannies, other"
            for pid in processes
        }
        before = {pid: thread_times(pid) for pid in processes}
        system_before = {pid: thread_times(pid, system=True) for pid in processes}
        faults_before = {pid: faults(pid) for pid in processes}
        own_before = thread_times(os.getpid())
        cpu, wall = time.process_time(), time.perf_counter()
        summary = build([str(source)], out, batch_size=batch_size, scheduler=address)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        own_after, own_names = thread_times(os.getpid()), thread_names()
        after = {pid: thread_times(pid) for pid in processes}
        system = {pid: thread_times(pid, system=True) for pid in processes}
        faulted = {pid: faults(pid) - faults_before[pid] for pid in processes}
        resident = {pid: processes[pid].memory_info().rss / 2**20 for pid in processes}
        with Client(address) as client:
            names = {pid: client.run(thread_names, workers=[where])[where] for where, pid in worker_pids.items()}
    assert not summary.skipped, summary.skipped
    print(f"Dask build: {wall:.2f} s wall (load {os.getloadavg()[0]:.1f}); this process {cpu:.2f} CPU s")
    total = report("this process (writer, client)", own_before, own_after, own_names, os.getpid())
    for pid in sorted(processes, key=lambda p: roles[p]):
        total += report(f"{roles[pid]} {pid}", before[pid], after[pid], names.get(pid, {}), pid)
        spent = {t: system[pid][t] - system_before[pid].get(t, 0.0) for t in system[pid]}
        print(
            f"      of which system (kernel): {sum(spent.values()):.2f} s; minor page faults: {faulted[pid]:,}; "
            f"RSS at the end {resident[pid]:.0f} MB"
        )
    print(f"  all: {total:.2f} CPU s")


def measure_pool(source: Path, out: Path, batch_size: int) -> None:
    from kg.build import build

    start = worker_start()
    faults_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt
    times, cpu, wall = os.times(), time.process_time(), time.perf_counter()
    peaks: dict[int, float] = {}
    watching = threading.Event()
    watcher = threading.Thread(target=watch_resident, args=(peaks, watching), daemon=True)
    watcher.start()
    summary = build([str(source)], out, batch_size=batch_size, workers=2)
    watching.set()
    watcher.join()
    cpu, wall, ended = time.process_time() - cpu, time.perf_counter() - wall, os.times()
    assert not summary.skipped, summary.skipped
    children = ended.children_user + ended.children_system - times.children_user - times.children_system
    system = ended.children_system - times.children_system
    faulted = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt - faults_before
    print(f"--workers 2 build: {wall:.2f} s wall (load {os.getloadavg()[0]:.1f})")
    print(
        f"  this process: {cpu:7.2f} CPU s; workers (with their start): {children:7.2f} CPU s; all {cpu + children:.2f}"
    )
    print(f"  of which system (kernel) in the workers: {system:.2f} s; minor page faults: {faulted:,}")
    print(f"  the workers' peak RSS: {', '.join(f'{mb:.0f} MB' for mb in peaks.values())}")
    print(f"  a worker's start alone (a process that imports, loads and warms the pipeline): {start:.2f} CPU s;")
    print(f"  the workers' extraction, their starts taken out: {children - 2 * start:7.2f} CPU s")


def watch_resident(peaks: dict[int, float], stop: threading.Event) -> None:
    """The peak RSS (MB) of each child process of this one, sampled every 0.1 s until ``stop``."""
    while not stop.wait(0.1):
        for child in psutil.Process().children():
            try:
                peaks[child.pid] = max(peaks.get(child.pid, 0.0), child.memory_info().rss / 2**20)
            except psutil.Error:
                pass


def worker_start() -> float:
    """CPU seconds of a process doing what a pool worker does before its first batch (and what the
    preload does before a Dask build: the warm-up text), for taking it out of the pool's figure."""
    code = (
        "from kg.extract.parallel import PipelineWorker; from kg.extract.batches import extract_batch; "
        "from kg.extract.cluster import WARM_UP_TEXT; from kg.model import Document; "
        "w = PipelineWorker(None, 1); extract_batch(w.nlp, [Document.from_text(WARM_UP_TEXT, id='w')], 1)"
    )
    times = os.times()
    subprocess.run([sys.executable, "-c", code], check=True)
    ended = os.times()
    return ended.children_user + ended.children_system - times.children_user - times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--pool", action="store_true", help="Measure kg build --workers 2 instead.")
    parser.add_argument("--config", nargs="*", default=[], help="Dask settings KEY=VALUE for the cluster.")
    parser.add_argument(
        "--in-process", action="store_true", help="A LocalCluster whose scheduler and nannies run in this process."
    )
    args = parser.parse_args()
    corpus = texts(args.shared)
    settings = dict(item.split("=", 1) for item in args.config)
    print(f"{args.documents} documents, {time.strftime('%H:%M:%S UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        source = write_corpus(Path(tmp) / "corpus.jsonl", corpus, args.documents)
        if args.pool:
            measure_pool(source, Path(tmp) / "out", args.batch_size)
        else:
            measure_dask(source, Path(tmp) / "out", args.batch_size, settings, args.in_process)


if __name__ == "__main__":
    main()
