"""How much time event extraction adds to ``kg build``.

Builds the same corpus twice per round into fresh output folders: once with the full
pipeline, once with the ``newskg_events`` component removed (no events extracted,
mapped or stored), alternating the order each round. Each build is timed in CPU seconds
of this process, all its threads (steadier than wall-clock seconds when other jobs share
the machine), after a full collection (no build pays for the garbage of the one before).

On a shared machine CPU seconds still move with the neighbours: a process that shares the
cores' caches and memory bus (or a physical core, under a hypervisor) with busy neighbours
needs more CPU seconds for the same work (the same build: 12.5 to 15.5 s). So each build
also records how many CPU seconds the machine's other processes spent while it ran
(``/proc/stat`` less this process), and the script reports:

* the median of the rounds' ratios (the two builds of a round ran back to back, under
  about the same load; load that comes and goes moves a ratio of builds minutes apart more);
* the same over the quiet rounds only, those where the other processes kept less than
  ``QUIET_CORES`` of a core busy during both builds;
* the ratio of the medians and of the fastest builds, and the wall-clock ratio.

A first warm-up build (model and gazetteer loading, caches) is not counted. The ``newskg_events``
component's own CPU seconds (its thread's clock, inside the with-events builds) are printed
too: the rest of what events add is mapping, storing, incidents and export of their triples.
The corpus is the texts of ../shared/data (MUC-4 dev and WikiEvents dev, written to a
temporary JSONL file; nothing is copied into the repository) plus the sample articles.

    .venv/bin/python benchmarks/events_build_time.py --rounds 5
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import math
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from spacy.tokens import Doc

from kg.evaluate.readers import read_muc4, read_wikievents
from kg.extract.events import EventExtractor
from kg.extract.pipeline import load_pipeline

# The modules, for patching (kg.build is also the public function of that name); a serial
# build (workers=1) loads its pipeline through kg.extract.pipeline.load_pipeline (imported where
# it is called), and runs in this process, so that this process's CPU clock sees all of it.
build_module = importlib.import_module("kg.build")
pipeline_module = importlib.import_module("kg.extract.pipeline")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def write_corpus(folder: Path) -> tuple[Path, int]:
    """The benchmark texts as one JSONL file of articles."""
    path = folder / "corpus.jsonl"
    documents = [*read_muc4(DATA / "muc4" / "dev.json"), *read_wikievents(DATA / "wikievents" / "dev.jsonl")]
    with path.open("w", encoding="utf-8") as out:
        for doc in documents:
            out.write(json.dumps({"id": doc.id, "text": doc.text}) + "\n")
    return path, len(documents)


def without_events(model: str | None = None):
    nlp = load_pipeline(model)
    nlp.remove_pipe("newskg_events")
    return nlp


# A round is quiet when the machine's other processes kept less than this share of a core busy.
QUIET_CORES = 0.25


def machine_busy() -> float:
    """CPU seconds the machine's processes (all of them) have been busy so far; NaN without /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    except (OSError, ValueError):
        return math.nan
    user, nice, system, _idle, _iowait, irq, softirq = fields
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


@dataclass
class Timed:
    """One build: CPU seconds of this process, wall seconds, events built, CPU seconds inside the
    events component, and the other processes' CPU seconds per wall second while it ran (cores)."""

    cpu: float
    wall: float
    events: int
    component: float
    others: float


def timed_build(sources: list[str], out: Path, events: bool) -> Timed:
    """One build, timed."""
    inside = [0.0]
    call = EventExtractor.__call__

    def clocked(extractor: EventExtractor, doc: Doc) -> Doc:
        started = time.thread_time()  # this thread's clock: the store's writer thread runs beside it
        try:
            return call(extractor, doc)
        finally:
            inside[0] += time.thread_time() - started

    gc.collect()  # the previous build's garbage is collected here, not inside this build's clock
    cpu, wall, busy = time.process_time(), time.perf_counter(), machine_busy()
    if events:
        with mock.patch.object(EventExtractor, "__call__", clocked):
            summary = build_module.build(sources, out, workers=1)
    else:
        with mock.patch.object(pipeline_module, "load_pipeline", without_events):
            summary = build_module.build(sources, out, workers=1)
    cpu, wall, busy = time.process_time() - cpu, time.perf_counter() - wall, machine_busy() - busy
    return Timed(cpu, wall, sum(summary.events_by_type.values()), inside[0], max(0.0, busy - cpu) / wall)


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}, load average {load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, count = write_corpus(folder)
        sources = [str(corpus), str(ROOT / "samples")]
        timed_build(sources, folder / "warm-up", True)
        runs: dict[bool, list[Timed]] = {True: [], False: []}
        for round_number in range(args.rounds):
            for events in (False, True) if round_number % 2 == 0 else (True, False):
                runs[events].append(timed_build(sources, folder / f"out-{round_number}-{events}", events))
            without, with_ = runs[False][-1], runs[True][-1]
            print(
                f"  round {round_number + 1}: CPU s without {without.cpu:.2f}, with {with_.cpu:.2f}: "
                f"{with_.cpu / without.cpu - 1:+.1%} (other processes {without.others:.2f} / {with_.others:.2f} "
                f"cores; load average {load()})",
                flush=True,
            )
        pairs = list(zip(runs[False], runs[True], strict=True))
        ratios = [w.cpu / wo.cpu - 1 for wo, w in pairs]
        quiet = [w.cpu / wo.cpu - 1 for wo, w in pairs if max(wo.others, w.others) < QUIET_CORES]
        cpu = {k: statistics.median(b.cpu for b in v) for k, v in runs.items()}
        fastest = {k: min(b.cpu for b in v) for k, v in runs.items()}
        wall = {k: statistics.median(b.wall for b in v) for k, v in runs.items()}
        print(f"corpus: {count} benchmark texts + samples/; {args.rounds} rounds; load average {load()}")
        for events, name in ((False, "without events:"), (True, "with events:   ")):
            print(
                f"kg build {name} {cpu[events]:.1f} s CPU (median; fastest {fastest[events]:.1f}), "
                f"{wall[events]:.1f} s wall" + (f" ({max(b.events for b in runs[True])} events)" if events else "")
            )
        print(
            f"events add {statistics.median(ratios):.1%} CPU time (median of the rounds' ratios; "
            f"{min(ratios):.1%} - {max(ratios):.1%}); "
            + (f"quiet rounds {statistics.median(quiet):.1%} ({len(quiet)}); " if quiet else "no quiet round; ")
            + f"ratio of medians {cpu[True] / cpu[False] - 1:.1%}, "
            f"of the fastest {fastest[True] / fastest[False] - 1:.1%}; {wall[True] / wall[False] - 1:.1%} wall time"
        )
        inside = statistics.median(b.component for b in runs[True])
        print(f"  of which the events component: {inside:.2f} s CPU ({inside / cpu[False]:.1%} of the build without)")


if __name__ == "__main__":
    main()
