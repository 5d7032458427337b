"""Where false MUC-4 incident types fall: documents with a template or without one, for the
graph's own reading (``graph.incident_type``) and the benchmark-filtered one (``incident_type``).

Totals only (the train split is never read document by document). The extraction is pickled to
``CACHE`` the first time, so other breakdowns of the same code state cost no second run.

    PYTHONPATH=. .venv/bin/python benchmarks/muc4_false_types.py ../shared/data/muc4/train.json /tmp/train.pkl
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter
from pathlib import Path

from kg.evaluate.events.common import mappings, run_extraction
from kg.evaluate.events.muc4 import graph_incident_types, incident_types
from kg.evaluate.readers import read_muc4
from kg.evaluate.tasks import EvaluationRun


def main(path: str, cache: str) -> None:
    out = Path(cache)
    if out.exists():
        pairs = pickle.loads(out.read_bytes())
    else:
        run = EvaluationRun()
        pairs = list(run_extraction(list(read_muc4(path)), run.nlp))
        out.write_bytes(pickle.dumps(pairs))
    gold_types = mappings()["muc4"]["gold_types"]
    counts: Counter = Counter()
    for gold, extraction in pairs:
        expected = {t for e in gold.events for t in gold_types.get(e.type, [])}
        kind = "with a template" if gold.events else "without a template"
        counts[kind, "documents"] += 1
        for reading, found in (("graph", graph_incident_types(extraction)), ("filtered", incident_types(extraction))):
            counts[kind, reading, "documents with a false type"] += bool(found - expected)
            counts[kind, reading, "tp"] += len(found & expected)
            counts[kind, reading, "fp"] += len(found - expected)
            counts[kind, reading, "fn"] += len(expected - found)
    for key in sorted(counts):
        print(" / ".join(key), counts[key])


if __name__ == "__main__":
    main(*sys.argv[1:3])
