"""Precision of the links kg.extract.coreference makes, against the WikiEvents coreference clusters.

For each pronoun or definite description the component resolves, the link is right when the
antecedent mention it picks overlaps a gold entity mention of the same cluster as the
word's own gold mention. Words without a gold mention are counted apart (the gold has no
opinion). Also counts the gold pronoun mentions left unresolved. Per half of the set:

    PYTHONPATH=. .venv/bin/python benchmarks/coreference_links.py --split tune
    PYTHONPATH=. .venv/bin/python benchmarks/coreference_links.py --sentences   # hand-checked, tests/
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kg.evaluate.readers import read_wikievents
from kg.evaluate.split import SPLITS, in_split
from kg.extract.coreference import Coreference, is_pronoun
from kg.extract.pipeline import load_pipeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wikievents" / "dev.jsonl"
PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print each link (look at the tune half only)")
    parser.add_argument("--sentences", action="store_true", help="the hand-checked sentences of tests/ instead")
    args = parser.parse_args()
    nlp = load_pipeline()
    if args.sentences:
        _hand_checked(nlp)
        return
    counts: Counter[str] = Counter()
    clusters = _clusters(args.data)
    for gold in in_split(read_wikievents(args.data), args.split):
        record = gold.raw
        tokens = [t for sentence in record["sentences"] for t in sentence[0]]
        spans = {m["id"]: (tokens[m["start"]][1], tokens[m["end"] - 1][2]) for m in record["entity_mentions"]}
        doc = nlp(gold.text)
        coreference = Coreference(doc)
        cluster_of = {m: set(c) for c in clusters.get(gold.id, []) for m in c}
        for token in doc:
            own = [i for i, (a, b) in spans.items() if a <= token.idx < b]
            found = coreference.resolve(token) if is_pronoun(token) or token.pos_ == "NOUN" else None
            kind = "pronoun" if token.lower_ in PERSONAL else "description"
            if found is None:
                counts["unresolved gold pronoun mentions"] += bool(own and is_pronoun(token))
                continue
            if not own:
                counts[f"{kind}: no gold mention"] += 1
                continue
            span = coreference.mentions[found]
            antecedents = {i for i, (a, b) in spans.items() if a < span.end_char and span.start_char < b}
            same = set().union(*(cluster_of.get(i, {i}) for i in own))
            verdict = "right" if same & antecedents else "wrong"
            counts[f"{kind}: {verdict}"] += 1
            if args.show:
                print(f"{kind} {verdict}: {token.sent.text.strip()[:160]!r}: {token.text!r} -> {span.text!r}")
    for kind in ("pronoun", "description"):
        right, wrong = counts[f"{kind}: right"], counts[f"{kind}: wrong"]
        precision = right / (right + wrong) if right + wrong else 0.0
        print(f"{args.split} {kind} links: {right} right, {wrong} wrong, precision {precision:.2f}")
    print(dict(counts))


def _hand_checked(nlp) -> None:
    """Precision and recall of the links made on tests/coreference_sentences.py."""
    from tests.test_event_arguments import coreference_outcomes

    outcomes = coreference_outcomes(nlp)
    links = [(e, f) for e, f in outcomes if f is not None]
    right = sum(1 for e, f in links if e == f)
    wanted = sum(1 for e, _ in outcomes if e is not None)
    print(f"hand-checked sentences: {len(outcomes)} cases, {len(links)} links, {right} right")
    print(f"precision {right / len(links):.2f}, recall {right / wanted:.2f}")
    for expected, found in outcomes:
        if expected != found:
            print(f"  expected {expected!r}, linked {found!r}")


def _clusters(path: Path) -> dict[str, list[list[str]]]:
    """Each document's gold clusters of entity-mention ids (``coref-<name>.jsonlines``)."""
    coref = path.with_name(f"coref-{path.stem}.jsonlines")
    lines = coref.read_text(encoding="utf-8").splitlines()
    return {r["doc_key"]: r["clusters"] for r in map(json.loads, filter(str.strip, lines))}


if __name__ == "__main__":
    main()
