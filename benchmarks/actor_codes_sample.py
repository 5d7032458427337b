"""A sample of entities that receive a kg:actorCode, for checking by hand (issue 12).

Extracts and resolves the first N documents of a MUC-4 file (default ../shared/data/muc4/train.json,
a set no rule was tuned on) and prints a seeded random sample of the distinct (name, type,
code, country) the known-actor dictionary gave, with the sentence of a first mention.

Run: ``.venv/bin/python benchmarks/actor_codes_sample.py [--skip 0] [--documents 400] [--sample 30]``.
"""

from __future__ import annotations

import argparse
import random
from itertools import islice
from pathlib import Path

from kg.evaluate.readers import read_muc4
from kg.extract.pipeline import extract, load_pipeline
from kg.model import Document
from kg.resolve import resolve

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "muc4" / "train.json")
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--skip", type=int, default=0, help="Documents to pass over first (a fresh sample).")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    nlp = load_pipeline()
    chosen = islice(read_muc4(args.data), args.skip, args.skip + args.documents)
    docs = [Document.from_text(d.text, id=d.id) for d in chosen]
    found: dict[tuple, str] = {}
    for extraction in extract(docs, nlp):
        resolved = resolve(extraction)
        for entity in resolved.entities:
            if entity.actor_code:
                key = (entity.name, entity.type, entity.actor_code, entity.country_iso3, entity.actor)
                mention = next(m for m in resolved.mentions if m.entity == entity.key)
                text = resolved.doc.text
                start = max(text.rfind("\n", 0, mention.span.start), text.rfind(". ", 0, mention.span.start)) + 1
                found.setdefault(key, f"{resolved.doc.id}: ...{text[start : mention.span.end + 80].strip()}...")
    print(f"{len(found)} distinct coded entities in {len(docs)} documents")
    for key in random.Random(args.seed).sample(sorted(found, key=str), min(args.sample, len(found))):
        print(" | ".join(str(k) for k in key), "|", found[key].replace("\n", " "))


if __name__ == "__main__":
    main()
