"""Statement precision and recall on the hand-written sentence sets (invented names).

``tune``: tests/statement_sentences.py, the 50 sentences the rules were written against.
``check``: tests/statement_sentences_heldout.py, 50 sentences written before the extractor
was run on them. A predicted statement is right when its speaker is one of those accepted for
its sentence; an attributed sentence is found when a right statement's quote holds the
expected words. A quote that runs across a paragraph break (a headline) is wrong.

    PYTHONPATH=. .venv/bin/python benchmarks/statement_sentences.py --set check --misses
"""

from __future__ import annotations

import argparse

from kg.extract.pipeline import extract, load_pipeline
from kg.model import Document
from kg.resolve import resolve
from tests import statement_sentences, statement_sentences_heldout


def cases(name: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    """(text, accepted speakers, words) for each sentence of a set; no speakers when unattributed."""
    if name == "tune":
        module = statement_sentences
        attributed = [(t, (s,), w) for t, s, w in module.ATTRIBUTED]
    else:
        module = statement_sentences_heldout
        attributed = list(module.ATTRIBUTED)
    return attributed + [(t, (), None) for t in module.UNATTRIBUTED]


def statements(text: str, nlp) -> list[tuple[str, str]]:
    """(speaker, quote) of each statement extracted from ``text``."""
    x = resolve(next(extract([Document.from_text(text, id="t")], nlp)))
    names = {e.key: e.name for e in x.entities}
    return [
        (names.get(e.arguments[0].entity) or e.arguments[0].span.text, e.quote or "")
        for e in x.events
        if e.type == "Statement" and e.arguments
    ]


def score(name: str, nlp) -> tuple[float, float, list]:
    """Precision, recall and the sentences scored wrong of one set."""
    tp = fp = fn = 0
    misses = []
    for text, speakers, words in cases(name):
        found = statements(text, nlp)
        right = [s for s in found if s[0] in speakers and "\n\n" not in s[1]]
        hit = words is not None and any(words in q for _, q in right)
        tp += hit
        fp += len(found) - len(right)
        fn += words is not None and not hit
        if len(found) != len(right) or (words is not None and not hit):
            misses.append((text, speakers, found))
    precision = tp / (tp + fp) if tp + fp else 0.0
    return precision, tp / (tp + fn), misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("tune", "check"), nargs="+", default=["tune", "check"])
    parser.add_argument("--misses", action="store_true", help="print the sentences scored wrong")
    args = parser.parse_args()
    nlp = load_pipeline()
    for name in args.set:
        precision, recall, misses = score(name, nlp)
        print(f"{name}: precision {precision:.2f} recall {recall:.2f} ({len(misses)} sentences wrong)")
        if args.misses:
            for miss in misses:
                print("   ", miss)


if __name__ == "__main__":
    main()
