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

A first warm-up build (model and gazetteer loading, caches) is not counted. Each build also
clocks its stages (this thread's CPU seconds inside the events component, the RDF mapping, the
incidents' update and the export files; the store's and other threads' CPU seconds apart), and
the script prints their medians without and with events: where the increment goes. The sum of
the stages' increments over the build without events is a second estimate of the share, much
steadier than the whole builds' ratio (a few seconds of noise in a 15 s build move the ratio by
ten points; the same noise on the stages' 2-3 s moves it by one or two), though it leaves out
what the stages do not cover (the conversion of events to records, the collector).

A third estimate divides each build's CPU seconds by the CPU seconds of its own spaCy pipeline
(the tokenizer and the components other than ``newskg_events``, the same work in both builds):
when the machine runs slower for a while (the same build took 15.8 to 20.8 s on a machine its
other processes left idle), both parts of one build slow alike, so the ratio of the two builds'
normalised times moves less than the ratio of their CPU seconds (rounds within 4-7 points, where
the raw ratios spread over 20-30). It covers everything the build does; it leaves out what events
would cost inside the spaCy pipeline's own clock (garbage of the events collected there, say).
The corpus is the texts of ../shared/data (MUC-4 dev and WikiEvents dev, written to a
temporary JSONL file; nothing is copied into the repository) plus the sample articles.

    .venv/bin/python benchmarks/events_build_time.py --rounds 5
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import importlib
import json
import math
import os
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from kg.evaluate.readers import read_muc4, read_wikievents
from kg.extract.events import EventExtractor
from kg.extract.pipeline import load_pipeline
from kg.store.export_stream import StreamingExport

# The modules, for patching (kg.build is also the public function of that name); a serial
# build (workers=1) loads its pipeline through kg.extract.pipeline.load_pipeline (imported where
# it is called), and runs in this process, so that this process's CPU clock sees all of it.
build_module = importlib.import_module("kg.build")
pipeline_module = importlib.import_module("kg.extract.pipeline")
incidents_module = importlib.import_module("kg.incidents")

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


def clocked_pipeline(events: bool, stages: dict[str, float]) -> Callable:
    """A ``load_pipeline`` whose pipeline (with or without ``newskg_events``) adds this thread's CPU
    seconds inside its ``pipe`` (the tokenizer and every component, the events component included:
    its own clock is subtracted later) to ``stages[PIPELINE]``."""

    def load(model: str | None = None):
        nlp = load_pipeline(model)
        if not events:
            nlp.remove_pipe("newskg_events")
        pipe = nlp.pipe
        inside = []  # Language.pipe calls itself (as_tuples): only the outer call is clocked

        def clocked_pipe(*args, **kwargs):
            if inside:
                yield from pipe(*args, **kwargs)
                return
            inside.append(True)
            try:
                docs = pipe(*args, **kwargs)
                while True:
                    started = time.thread_time()
                    try:
                        doc = next(docs)
                    except StopIteration:
                        return
                    finally:
                        stages[PIPELINE] += time.thread_time() - started
                    yield doc
            finally:
                inside.clear()

        nlp.pipe = clocked_pipe  # the instance's attribute: kg.extract.pipeline.extract calls nlp.pipe
        return nlp

    return load


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


# The stages clocked inside each build: (label, owner of the function, its name). The build looks up
# document_quads in kg.build's globals and update_incidents in kg.incidents when it calls them.
STAGES = (
    ("events component", EventExtractor, "__call__"),
    ("RDF mapping", build_module, "document_quads"),
    ("incidents", incidents_module, "update_incidents"),
    ("export files", StreamingExport, "add"),
    ("export files", StreamingExport, "finish"),
)
OTHER_THREADS = "store and other threads"
# CPU seconds inside the spaCy pipeline's pipe, less the events component: the same work in both builds.
PIPELINE = "spaCy pipeline"


@dataclass
class Timed:
    """One build: CPU seconds of this process, wall seconds, events built, CPU seconds of each
    stage (``STAGES``, and the threads other than this one), and the other processes' CPU seconds
    per wall second while it ran (cores)."""

    cpu: float
    wall: float
    events: int
    stages: dict[str, float]
    others: float

    @property
    def per_pipeline(self) -> float:
        """CPU seconds of the build per CPU second of its spaCy pipeline (``PIPELINE``): the same
        work in either build, so a machine running slower for a while moves both alike."""
        return self.cpu / self.stages[PIPELINE]


def _clocked(function: Callable, label: str, stages: dict[str, float]) -> Callable:
    """``function``, adding the CPU seconds of this thread inside it to ``stages[label]`` (this
    thread's clock: the store's writer thread runs beside it)."""

    @functools.wraps(function)
    def clocked(*args, **kwargs):
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            stages[label] += time.thread_time() - started

    return clocked


def timed_build(sources: list[str], out: Path, events: bool) -> Timed:
    """One build, timed."""
    stages: dict[str, float] = defaultdict(float)
    with contextlib.ExitStack() as patches:
        for label, owner, name in STAGES:
            patches.enter_context(mock.patch.object(owner, name, _clocked(getattr(owner, name), label, stages)))
        patches.enter_context(mock.patch.object(pipeline_module, "load_pipeline", clocked_pipeline(events, stages)))
        gc.collect()  # the previous build's garbage is collected here, not inside this build's clock
        cpu, wall, busy, mine = time.process_time(), time.perf_counter(), machine_busy(), time.thread_time()
        summary = build_module.build(sources, out, workers=1)
        mine = time.thread_time() - mine
        cpu, wall, busy = time.process_time() - cpu, time.perf_counter() - wall, machine_busy() - busy
    stages[OTHER_THREADS] = cpu - mine
    stages[PIPELINE] -= stages.get("events component", 0.0)
    return Timed(cpu, wall, sum(summary.events_by_type.values()), dict(stages), max(0.0, busy - cpu) / wall)


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
                f"{with_.cpu / without.cpu - 1:+.1%}, by the pipeline's CPU "
                f"{with_.per_pipeline / without.per_pipeline - 1:+.1%} (other processes "
                f"{without.others:.2f} / {with_.others:.2f} cores; load average {load()})",
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
        print_stages(runs, cpu[False])
        normalised = [w.per_pipeline / wo.per_pipeline - 1 for wo, w in pairs]
        print(
            f"each build's CPU per CPU second of its spaCy pipeline: events add {statistics.median(normalised):.1%} "
            f"(median of the rounds; {min(normalised):.1%} - {max(normalised):.1%})"
        )


def print_stages(runs: dict[bool, list[Timed]], without: float) -> None:
    """The stages' median CPU seconds without and with events, and what the increments sum to."""
    labels = list(dict.fromkeys([*(label for label, _, _ in STAGES), OTHER_THREADS]))
    others = [PIPELINE]  # the same work in both builds: not an increment
    print(f"  {'stage (median CPU s)':28} {'without':>8} {'with':>8} {'increment':>10}")
    total = 0.0
    for label in labels:
        median = {k: statistics.median(b.stages.get(label, 0.0) for b in v) for k, v in runs.items()}
        total += median[True] - median[False]
        print(f"  {label:28} {median[False]:8.2f} {median[True]:8.2f} {median[True] - median[False]:+10.2f}")
    for label in others:
        median = {k: statistics.median(b.stages.get(label, 0.0) for b in v) for k, v in runs.items()}
        print(f"  {label:28} {median[False]:8.2f} {median[True]:8.2f} {'(the same work)':>16}")
    print(f"  the stages' increments sum to {total:.2f} s CPU: {total / without:.1%} of the build without events")


if __name__ == "__main__":
    main()
