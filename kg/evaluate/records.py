"""Gold annotations as plain records, whatever the dataset they came from.

Every span is a character span into ``GoldDocument.text``; labels are the
dataset's own (mapping them onto the newskg vocabulary is the scorers' job).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str
    label: str = ""


@dataclass
class GoldArgument:
    """One argument filler; ``mentions`` are alternative spans of the same filler (any one counts)."""

    role: str
    mentions: list[GoldSpan]


@dataclass
class GoldEvent:
    type: str
    trigger: GoldSpan | None  # None for document-level templates (MUC-4)
    arguments: list[GoldArgument] = field(default_factory=list)


@dataclass
class GoldRelation:
    predicate: str
    head: int  # index into GoldDocument.clusters
    tail: int


@dataclass
class GoldDocument:
    id: str
    text: str
    entities: list[GoldSpan] = field(default_factory=list)
    clusters: list[list[GoldSpan]] = field(default_factory=list)  # mentions of one entity
    events: list[GoldEvent] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)  # the dataset's own record, for format-specific scorers
