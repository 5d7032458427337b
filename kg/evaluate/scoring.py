"""Precision, recall and F1 over spans, with strict (exact) and lenient (overlap) matching.

>>> gold = [GoldSpan(0, 9, "Hadi Rashad", "PER"), GoldSpan(20, 25, "Lyon", "GPE")]
>>> pred = [GoldSpan(0, 4, "Hadi", "PER"), GoldSpan(20, 25, "Lyon", "GPE"), GoldSpan(30, 34, "EFD", "ORG")]
>>> strict = score_spans(gold, pred, lenient=False)
>>> strict["PER"].f1, strict["GPE"].f1, strict[ALL].precision
(0.0, 1.0, 0.3333333333333333)
>>> score_spans(gold, pred, lenient=True)["PER"].tp
1
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.evaluate.records import GoldSpan

ALL = "ALL"


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives, and their ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def overlaps(a: GoldSpan, b: GoldSpan) -> bool:
    return a.start < b.end and b.start < a.end


def match_count(gold: list[GoldSpan], pred: list[GoldSpan], lenient: bool) -> int:
    """How many predictions pair one-to-one with a gold span of the same label."""
    if not lenient:
        gold_keys = defaultdict(int)
        for g in gold:
            gold_keys[(g.start, g.end, g.label)] += 1
        hits = 0
        for p in pred:
            key = (p.start, p.end, p.label)
            if gold_keys[key]:
                gold_keys[key] -= 1
                hits += 1
        return hits
    free = sorted(gold, key=lambda g: (g.start, g.end))
    used = [False] * len(free)
    hits = 0
    for p in sorted(pred, key=lambda s: (s.start, s.end)):
        for i, g in enumerate(free):
            if not used[i] and g.label == p.label and overlaps(g, p):
                used[i] = True
                hits += 1
                break
    return hits


def score_spans(gold: Iterable[GoldSpan], pred: Iterable[GoldSpan], lenient: bool = False) -> dict[str, PRF]:
    """Per-label and overall (``ALL``) counts for one document or a whole dataset's spans.

    Spans of different documents must not be mixed in one call; add the results instead
    (see :func:`add_scores`).
    """
    gold, pred = list(gold), list(pred)
    scores: dict[str, PRF] = {}
    for label in sorted({s.label for s in gold} | {s.label for s in pred}):
        g = [s for s in gold if s.label == label]
        p = [s for s in pred if s.label == label]
        hits = match_count(g, p, lenient)
        scores[label] = PRF(hits, len(p) - hits, len(g) - hits)
    total = PRF()
    for value in scores.values():
        total += value
    scores[ALL] = total
    return scores


def add_scores(into: dict[str, PRF], scores: dict[str, PRF]) -> dict[str, PRF]:
    """Accumulate per-label counts across documents (micro-averaging)."""
    for label, value in scores.items():
        into.setdefault(label, PRF())
        into[label] += value
    return into


def markdown_table(rows: dict[str, dict[str, PRF]]) -> str:
    """A Markdown table: one row per (system, label), columns P, R, F1 and the counts.

    >>> print(markdown_table({"newskg": {"PER": PRF(1, 1, 0)}}))
    | system | type | P | R | F1 | tp | fp | fn |
    |---|---|---|---|---|---|---|---|
    | newskg | PER | 0.500 | 1.000 | 0.667 | 1 | 1 | 0 |
    """
    lines = ["| system | type | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|---|"]
    for system, scores in rows.items():
        for label, s in scores.items():
            lines.append(
                f"| {system} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"
            )
    return "\n".join(lines)
