"""Parallel ``kg build`` against raw single-process ``nlp.pipe`` of the same model, side by side.

On the same texts (every WikiEvents and Re-DocRED development document, or ``--documents N``
of them repeated under new ids: a corpus large enough that each worker's start is paid
once for many documents, as it is for a user's corpus), one after the other in each round:
raw ``spacy.load`` + ``nlp.pipe`` (one process, numpy's and blis's threads left as they
are: spaCy's CPU matrices go through blis, one thread), the baseline of every ratio; the same on
the backend newskg runs the model on (numpy's BLAS, one thread: kg/extract/backend.py), for
comparison; ``kg build --workers 1``;
``--workers 2``; builds on a Dask cluster of two worker processes (one thread each), a new
one for each build, started before its clock (a cluster is there before a build uses it) as
the README says (``dask scheduler`` and ``dask worker ADDRESS --nworkers 2 --nthreads 1
--preload kg.extract.cluster``, processes of their own: each worker loads the pipeline as it
starts), and without the preload (the build's plugin loads it). Each round prints
wall-clock ratios to its own raw run, and from the CPU seconds of the writer's process and
of the workers the least wall time that work can take on two idle cores; with several
rounds, the least disturbed (smallest) figure of each. Every build's sorted N-Quads are
compared with the serial one's. Then the writer's own cost per document (resolution,
mapping, store, and unpickling the records a worker sends; records extracted beforehand),
and, with ``--memory N [N ...]``, the peak resident memory of ``kg build --workers 2`` (the
process and its workers, summed, sampled every 0.1 s) on synthetic corpora of N documents.

Run: ``.venv/bin/python benchmarks/parallel_build.py [--rounds 2] [--documents 2080] [--memory 1000 20000]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import spacy

from kg.build import build
from kg.evaluate.readers import read_redocred, read_wikievents
from kg.extract.backend import model_backend, one_blas_thread
from kg.extract.pipeline import default_model
from kg.extract.runner import SerialExtractor
from kg.model import Document
from kg.rdf.mapping import document_quads
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve import resolve
from kg.resolve.identity import CorpusIdentity
from kg.store.embedded import EmbeddedStore, GraphWriter

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def texts(shared: Path) -> list[str]:
    found = [d.text for d in read_wikievents(shared / "wikievents" / "dev.jsonl")]
    return found + [d.text for d in read_redocred(shared / "redocred" / "dev.json")]


def write_corpus(path: Path, corpus: list[str], size: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(size):
            out.write(json.dumps({"id": f"doc{n}", "text": corpus[n % len(corpus)]}) + "\n")
    return path


class Clock:
    """Wall-clock seconds, CPU seconds of this process, and of its child processes once they have ended
    (os.times counts a child when it is reaped: the workers are, when a build ends)."""

    def __enter__(self) -> Clock:
        self.wall, self.own, self.children = time.perf_counter(), time.process_time(), self._children()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.own = time.process_time() - self.own
        self.children = self._children() - self.children

    @staticmethod
    def _children() -> float:
        times = os.times()
        return times.children_user + times.children_system

    def two_core_bound(self) -> float:
        """The least wall-clock time this CPU work can take on two idle cores: the writer's
        process alone, or all the work spread over both cores, whichever is longer."""
        return max(self.own, (self.own + self.children) / 2)


def time_raw(model: str, corpus: list[str], batch_size: int, numpy_blas: bool = False) -> Clock:
    """Raw ``spacy.load`` + ``nlp.pipe``: on spaCy's default backend (blis), the baseline of every
    ratio; or, for comparison, on the backend newskg chooses (numpy's BLAS, one thread)."""
    with Clock() as clock, one_blas_thread() if numpy_blas else contextlib.nullcontext():
        with model_backend() if numpy_blas else contextlib.nullcontext():
            nlp = spacy.load(model)
        for _ in nlp.pipe(corpus, batch_size=batch_size):
            pass
    return clock


def time_build(source: Path, out: Path, model: str, batch_size: int, **how) -> tuple[Clock, list[str]]:
    with Clock() as clock:
        summary = build([str(source)], out, model=model, batch_size=batch_size, **how)
    assert not summary.skipped, summary.skipped
    return clock, sorted((out / "graph.nq").read_text(encoding="utf-8").splitlines())


def writer_cost(model: str, corpus: list[str], batch_size: int, work: Path) -> tuple[float, float]:
    """CPU seconds per document of what the writer does (kg.build's loop) on records extracted
    beforehand, and of unpickling the records as a worker sends them (a batch at a time)."""
    with SerialExtractor(model, batch_size) as extractor:
        records = list(extractor.extract(Document.from_text(t, id=f"doc{n}") for n, t in enumerate(corpus)))
    sent = [
        pickle.dumps(records[i : i + batch_size], pickle.HIGHEST_PROTOCOL) for i in range(0, len(records), batch_size)
    ]
    started = time.process_time()
    records = [record for payload in sent for record in pickle.loads(payload)]
    unpickling = time.process_time() - started
    store = EmbeddedStore(work / "writer-store")
    identity = CorpusIdentity.from_store(store, DEFAULT_BASE)
    started = time.process_time()  # CPU: what the writer takes from its core, whatever the neighbours do
    with GraphWriter(store) as writer:
        for record in records:
            resolved = identity.resolve(resolve(record))
            writer.write(*document_quads(resolved, DEFAULT_BASE))
            identity.record(resolved)
    store.close()
    return (time.process_time() - started) / len(records), unpickling / len(records)


def peak_memory(source: Path, out: Path, workers: int) -> tuple[float, float]:
    """Peak summed RSS (MB) of ``kg build`` and its children, and its wall-clock seconds."""
    command = [sys.executable, "-m", "kg", "build", str(source), "-o", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    assert process.returncode == 0, command
    return peak / 2**20, time.perf_counter() - started


def live_children_cpu() -> float:
    """CPU seconds so far of this process's living descendants (a Dask LocalCluster's worker processes)."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


@contextlib.contextmanager
def readme_cluster(workers: int = 2, preload: bool = True, settings: dict[str, str] | None = None) -> Iterator[str]:
    """A Dask cluster on this machine started as README.md tells users to, its address: ``dask scheduler``
    and ``dask worker ADDRESS --nworkers 2 --nthreads 1 --preload kg.extract.cluster`` (``preload``
    False: without the preload), each its own process, on 127.0.0.1 and without dashboards; ``settings``
    (Dask's configuration, ``distributed.worker.profile.enabled`` = ``False`` and the like) reach them
    through the environment. Stopped on leaving."""
    from distributed import Client

    dask = Path(sys.executable).with_name("dask")
    env = {
        **os.environ,
        **{
            "DASK_" + key.upper().replace(".", "__").replace("-", "_"): value for key, value in (settings or {}).items()
        },
    }
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "scheduler.json"
        scheduler = subprocess.Popen(
            [
                str(dask),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(where),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = []
        try:
            while not where.exists():
                if scheduler.poll() is not None:
                    raise RuntimeError("dask scheduler did not start")
                time.sleep(0.1)
            address = json.loads(where.read_text())["address"]
            extra = ["--preload", "kg.extract.cluster"] if preload else []
            started.append(
                subprocess.Popen(
                    [
                        str(dask),
                        "worker",
                        address,
                        "--nworkers",
                        str(workers),
                        "--nthreads",
                        "1",
                        *extra,
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                    ],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            with Client(address) as client:
                client.wait_for_workers(workers)
            yield address
        finally:
            for process in [*started, scheduler]:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def time_dask_build(source: Path, out: Path, model: str, batch_size: int, preload: bool) -> tuple[Clock, list[str]]:
    """A build on a new cluster of two worker processes started as README.md says (readme_cluster),
    before the clock (and, with ``preload``, each worker's pipeline loaded before it)."""
    with readme_cluster(2, preload) as address:
        before = live_children_cpu()
        run, graph = time_build(source, out, model, batch_size, scheduler=address)
        run.children = live_children_cpu() - before  # the cluster's processes live on: read them directly
    return run, graph


def one_round(corpus: list[str], source: Path, work: Path, model: str, args) -> dict[str, Clock]:
    """Raw nlp.pipe and every build, one after the other, on the same texts; each build's graph checked."""
    runs = {"raw nlp.pipe, 1 process": time_raw(model, corpus, args.batch_size)}
    runs["raw, numpy BLAS (newskg's)"] = time_raw(model, corpus, args.batch_size, numpy_blas=True)
    runs["kg build --workers 1"], reference = time_build(source, work / "w1", model, args.batch_size, workers=1)
    runs["kg build --workers 2"], graph = time_build(source, work / "w2", model, args.batch_size, workers=2)
    assert graph == reference, "--workers 2 wrote another graph"
    if not args.skip_dask:
        for name, preload in (("Dask, 2 workers, preload", True), ("Dask, 2 workers, no preload", False)):
            runs[name], graph = time_dask_build(source, work / name.replace(" ", ""), model, args.batch_size, preload)
            assert graph == reference, f"the build on {name} wrote another graph"
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--documents",
        type=int,
        default=None,
        help="Corpus size (the texts repeated under new ids); default: each once.",
    )
    parser.add_argument("--rounds", type=int, default=2, help="Rounds of raw + every build, one after the other.")
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="Synthetic corpus sizes for peak memory.")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    model = args.model or default_model()
    texts_once = texts(args.shared)
    size = args.documents or len(texts_once)
    corpus = [texts_once[n % len(texts_once)] for n in range(size)]
    print(
        f"{size} documents, model {model}, batch size {args.batch_size}, {os.cpu_count()} cores, "
        f"{args.rounds} round(s), started {time.strftime('%H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    print("(ratio: raw wall / build wall in the same round; bound: the least wall on two idle cores from the CPU s)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = write_corpus(work / "corpus.jsonl", texts_once, size)
        rounds = []
        for number in range(1, args.rounds + 1):
            load = os.getloadavg()[0]
            runs = one_round(corpus, source, work / f"round{number}", model, args)
            raw = runs["raw nlp.pipe, 1 process"]
            print(f"round {number} (load {load:.1f} -> {os.getloadavg()[0]:.1f}):", flush=True)
            for name, run in runs.items():
                bound = run.two_core_bound()
                print(
                    f"  {name + ':':30}{run.wall:8.2f} s wall {raw.wall / run.wall:5.2f}x raw; CPU {run.own:7.2f} s "
                    f"here + {run.children:7.2f} s in workers; bound {bound:7.2f} s = {raw.own / bound:.2f}x raw CPU",
                    flush=True,
                )
            rounds.append(runs)
        if len(rounds) > 1:
            print("least of each over the rounds (the least disturbed run of each):")
            raw_wall = min(r["raw nlp.pipe, 1 process"].wall for r in rounds)
            raw_cpu = min(r["raw nlp.pipe, 1 process"].own for r in rounds)
            for name in rounds[0]:
                wall = min(r[name].wall for r in rounds)
                bound = min(r[name].two_core_bound() for r in rounds)
                print(
                    f"  {name + ':':30}{wall:8.2f} s wall {raw_wall / wall:5.2f}x raw; "
                    f"bound {raw_cpu / bound:.2f}x raw CPU"
                )
        per_doc, pipe = writer_cost(model, corpus[: len(texts_once)], args.batch_size, work)
        print(
            f"writer: {per_doc * 1000:.1f} CPU ms per document (resolution, mapping, store), "
            f"+ {pipe * 1000:.1f} ms unpickling the records it is sent"
        )
        raw_per_doc = min(r["raw nlp.pipe, 1 process"].own for r in rounds) / size
        feeds = raw_per_doc / (per_doc + pipe)
        print(
            f"  = {1 / (per_doc + pipe):.0f} documents/s at most, "
            f"the output of {feeds:.1f} workers at raw nlp.pipe's CPU per document"
        )
        for count in args.memory:
            source = write_corpus(work / f"synthetic-{count}.jsonl", texts_once, count)
            peak, seconds = peak_memory(source, work / f"mem-{count}", workers=2)
            print(f"peak memory, {count} documents, --workers 2: {peak:.0f} MB ({seconds:.0f} s)")


if __name__ == "__main__":
    main()
