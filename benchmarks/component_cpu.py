"""CPU seconds of each pipeline component, a cold pass and a warm pass, in one process.

A worker's extraction costs what a *first* pass over its texts costs (spaCy's vocabulary and
the components' caches fill on first sight of a word or a name), so this script times each
component of ``load_pipeline()`` over the same texts twice in one fresh process: the cold pass
(the first after loading; the gazetteer's and the actor dictionary's indexes are timed apart,
before it) and the warm pass (the same texts again, new Docs). Batches of 32 go through each
component's ``pipe`` in pipeline order, as ``nlp.pipe`` runs them; the tokenizer is
``nlp.make_doc``; "to records" is :func:`kg.extract.pipeline.to_extraction`, the conversion of a
processed Doc into a ``DocExtraction``. Helpers that components call (name boundaries, sports
teams, counts, dates, the document's text) are timed inside their callers and printed indented.

The texts are the benchmarks' 520 development texts (WikiEvents dev and Re-DocRED dev, as
``parallel_build.py`` reads them). Run it with the code to measure on ``PYTHONPATH``, one
process at a time, A and B interleaved:

    PYTHONPATH=. .venv/bin/python benchmarks/component_cpu.py [--documents N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = 32


class Timers:
    """CPU seconds spent in named calls, nested calls counted in their callers as well."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, module: object, attribute: str, label: str) -> None:
        inner: Callable = getattr(module, attribute)
        seconds = self.seconds

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                seconds[label] += time.process_time() - start

        setattr(module, attribute, timed)


def nested_helpers(timers: Timers) -> None:
    """Time the helpers components call, where the callers look them up (module globals)."""
    import kg.extract.arguments as arguments
    import kg.extract.entity_patterns as entity_patterns
    import kg.extract.event_links as event_links
    import kg.extract.statements as statements

    timers.wrap(entity_patterns, "trimmed_name_spans", "  name_boundaries (in entity patterns)")
    timers.wrap(entity_patterns, "score_line_teams", "  score lines (in entity patterns)")
    timers.wrap(entity_patterns, "team_names", "  sports_teams.team_names (in entity patterns)")
    timers.wrap(entity_patterns, "is_sports_report", "  sports_teams.is_sports_report (in entity patterns)")
    timers.wrap(arguments, "parse_count", "  counts.parse_count (in events)")
    timers.wrap(arguments, "is_vague_quantity", "  counts.is_vague_quantity (in events)")
    timers.wrap(event_links, "words_to_int", "  counts.words_to_int (in events)")
    timers.wrap(arguments, "normalize_time", "  dates.normalize_time (in events, arguments)")
    timers.wrap(statements, "normalize_time", "  dates.normalize_time (in events, statements)")


def one_pass(nlp, documents, timers: Timers, label: str) -> dict[str, float]:
    from kg.extract.pipeline import _prepared, model_name, to_extraction

    seconds: dict[str, float] = defaultdict(float)
    before = dict(timers.seconds)
    name = model_name(nlp)
    prepared_all = []
    start = time.process_time()
    prepared_all = list(_prepared(documents, nlp, 10**9))
    seconds["tokenizer (make_doc)"] = time.process_time() - start
    for first in range(0, len(prepared_all), BATCH):
        batch = prepared_all[first : first + BATCH]
        docs = [doc for doc, _ in batch]
        for component, proc in nlp.pipeline:
            start = time.process_time()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=BATCH))
            else:
                docs = [proc(doc) for doc in docs]
            seconds[component] += time.process_time() - start
        start = time.process_time()
        for doc, (document, _, _) in zip(docs, (context for _, context in batch), strict=True):
            to_extraction(doc, document, name)
        seconds["to records (to_extraction)"] += time.process_time() - start
    for key, value in timers.seconds.items():
        seconds[key] = value - before.get(key, 0.0)
    print(f"\n{label}:")
    total = sum(v for k, v in seconds.items() if not k.startswith("  "))
    for key, value in seconds.items():
        print(f"  {key:<56} {value:7.3f}")
    print(f"  {'all':<56} {total:7.3f}")
    seconds["all"] = total
    return dict(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=520, help="the first N of the 520 texts")
    parser.add_argument("--json", type=Path, help="write the numbers here too")
    args = parser.parse_args()

    start = time.process_time()
    sys.path.insert(0, str(HERE))
    from parallel_build import SHARED, texts

    from kg.extract.backend import one_blas_thread
    from kg.extract.pipeline import load_pipeline
    from kg.model import Document

    imports = time.process_time() - start
    corpus = texts(SHARED)[: args.documents]
    documents = [Document.from_text(t, id=f"d{n}") for n, t in enumerate(corpus)]
    one_blas_thread()
    start = time.process_time()
    nlp = load_pipeline()
    loading = time.process_time() - start
    timers = Timers()
    nested_helpers(timers)
    # The indexes components build on first use, timed before the cold pass so it is the components'.
    from kg.names import actors, gazetteer

    start = time.process_time()
    gazetteer.name_keys()
    gazetteer.lookup_places("Lima")
    gazetteer.lookup_country("Peru")
    index = time.process_time() - start
    start = time.process_time()
    actors.actor_type("Red Cross")
    actor_index = time.process_time() - start
    print(
        f"{len(documents)} texts; CPU s: imports {imports:.3f}, load_pipeline {loading:.3f}, "
        f"gazetteer index {index:.3f}, actor dictionary {actor_index:.3f}"
    )
    cold = one_pass(nlp, documents, timers, "cold pass (first in this process)")
    warm = one_pass(nlp, documents, timers, "warm pass (the same texts again)")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "documents": len(documents),
                    "imports": imports,
                    "load_pipeline": loading,
                    "gazetteer_index": index,
                    "actor_index": actor_index,
                    "cold": cold,
                    "warm": warm,
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
