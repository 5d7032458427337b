"""Every error of newskg on the CoNLL-2003 event gold (benchmarks/gold/conll-testa.gold.json), one
line each, and their counts by kind: missed gold events by class, false events by class (a
duplicate of a found event, a class confused with a gold event's of the same trigger, or no gold
event at all), and missed / wrong arguments by role. The tune half by default: rules are written
from tune errors only (the check half is for checking).

    PYTHONPATH=. .venv/bin/python benchmarks/conll_gold_errors.py [--split tune] [--counts]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kg.evaluate.events.common import run_extraction
from kg.evaluate.events.gold import ROLES, gold_events_named, match_arguments, pair_events
from kg.evaluate.readers import read_gold_json
from kg.evaluate.split import in_split
from kg.evaluate.tasks import EvaluationRun
from kg.model import DocExtraction, Event

GOLD = Path(__file__).resolve().parent / "gold" / "conll-testa.gold.json"


def _event(event: Event, extraction: DocExtraction) -> str:
    names = {e.key: e.name for e in extraction.entities}
    args = "; ".join(f"{a.role}={names.get(a.entity or '', a.span.text)}" for a in event.arguments)
    return f"{event.type} {'|'.join(t.text for t in event.triggers)!r} [{args}]"


def main(split: str, counts_only: bool) -> None:
    documents = list(in_split(read_gold_json(GOLD), split))
    counts: Counter = Counter()
    for gold, extraction in run_extraction(documents, EvaluationRun().nlp):
        by_key = {e.key: e for e in extraction.entities}
        paired, _ = pair_events(gold, extraction)
        found = {id(e) for _, e in paired if e is not None}
        lines = []
        for gold_event, event in paired:
            where = f"{gold_event['type']} {gold_event['trigger']!r} (sentence {gold_event.get('sentence')})"
            if event is None:
                counts["missed event", gold_event["type"]] += 1
                lines.append(f"  MISSED {where}")
                continue
            for role in ROLES:
                _, missed, false = match_arguments(gold_event, event, role, by_key)
                for words in missed:
                    counts["missed argument", role] += 1
                    lines.append(f"  MISSED {role} {words!r} of {where}")
                for arg in false:
                    counts["wrong argument", role] += 1
                    lines.append(f"  WRONG {role} {arg.span.text!r} of {where}")
        for event in extraction.events:
            if id(event) in found:
                continue
            if gold_events_named(gold, event):
                kind = "duplicate"
            elif gold_events_named(gold, event, any_class=True):
                kind = "other class than the gold's"
            else:
                kind = "no gold event"
            counts["false event", event.type, kind] += 1
            lines.append(f"  FALSE ({kind}) {_event(event, extraction)}: {' '.join(event.sentence.text.split())[:120]}")
        if lines and not counts_only:
            print(f"{gold.id}\n" + "\n".join(lines))
    print("\ncounts:")
    for key, value in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {value:3d}  {' / '.join(key)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--counts", action="store_true", help="print the counts only")
    arguments = parser.parse_args()
    main(arguments.split, arguments.counts)
