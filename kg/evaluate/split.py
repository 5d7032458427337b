"""Tune and check halves of a development set, cut by a hash of each document's id.

Rules are written looking only at errors on the *tune* half; the *check* half is what
gets reported, so a rule that learns the tune half's answers shows up as a gap between
the two. The cut depends on the id alone (SHA-256, first byte's parity): the same
document falls in the same half on every run, machine and Python version.

>>> half_of("doc-1"), half_of("doc-2"), half_of("doc-1")
('check', 'tune', 'check')
>>> [d for d in "abcdefgh" if half_of(d) == "check"]
['e', 'f', 'g']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Literal, Protocol

Split = Literal["tune", "check", "all"]
SPLITS: tuple[Split, ...] = ("tune", "check", "all")


class HasId(Protocol):
    id: str


def half_of(doc_id: str) -> Literal["tune", "check"]:
    """The half a document belongs to, from its id."""
    return "tune" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def in_split(documents: Iterable[HasId], split: Split) -> Iterator[HasId]:
    """The documents of one half (or all of them), in their order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    return (doc for doc in documents if split == "all" or half_of(doc.id) == split)


__all__ = ["SPLITS", "Split", "half_of", "in_split"]
