"""Write a real-news-like JSONL corpus from the development sets, for timing commands at scale.

Issue 16's ratios are quoted on 2,310 real articles that this machine does not have; the
development sets are the nearest real news here (MUC-4 wire reports, Re-DocRED Wikipedia
leads, WikiEvents articles, CoNLL-2003 Reuters stories, the seed article). Documents are
taken round-robin across the sets, so any prefix mixes them, and keep their own ids
prefixed by the set's name.

    python benchmarks/scale/real_corpus.py --documents 2310 --out /tmp/real-2310.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from kg.evaluate.readers import read_conll, read_gold_json, read_muc4, read_redocred, read_wikievents

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

SETS = {
    "muc4-train": (read_muc4, "muc4/train.json"),
    "muc4-dev": (read_muc4, "muc4/dev.json"),
    "redocred": (read_redocred, "redocred/dev.json"),
    "conll-train": (read_conll, "conll2003/eng.train"),
    "conll-testa": (read_conll, "conll2003/eng.testa"),
    "wikievents": (read_wikievents, "wikievents/dev.jsonl"),
    "seed": (read_gold_json, "seed/iraq-defense-minister.gold.json"),
}


def _records_of(name: str, documents: Iterator) -> Iterator[dict]:
    for doc in documents:
        if doc.text.strip():
            yield {"id": f"{name}/{doc.id}", "text": doc.text}


def records(data: Path = DATA) -> Iterator[dict]:
    """Every development document as a JSONL record, round-robin across the sets."""
    streams = [_records_of(name, reader(data / path)) for name, (reader, path) in SETS.items()]
    for group in itertools.zip_longest(*streams):
        yield from (record for record in group if record is not None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2310)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        count = 0
        for record in itertools.islice(records(args.data), args.documents):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} documents -> {args.out}")


if __name__ == "__main__":
    main()
