"""The incident index: a SQLite file beside the store, so an update reads only what it touches.

It holds, per document, its order of storing, date, publisher, MinHash signature and the
document it copies; the signature's LSH band keys (looked up by key, so finding the
near-duplicates of one document costs the same at any store size); and, per event, what
grouping needs (:class:`kg.incidents.grouping.EventInfo`) with its incident, indexed by
family and start day. Everything in it is drawn from the store: when the file is missing
it is rebuilt from the store's documents.

>>> import tempfile, numpy as np
>>> index = IncidentIndex(Path(tempfile.mkdtemp()) / "incidents.sqlite")
>>> index.put_document("d1", "2025-03-14", "Horn Wire", np.arange(128, dtype=np.uint64), [b"k1", b"k2"])
>>> index.put_document("d2", None, None, np.arange(128, dtype=np.uint64), [b"k9", b"k2"])
>>> sorted(index.band_neighbours("d2")), index.document("d1")["seq"] < index.document("d2")["seq"]
(['d1'], True)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

from kg.incidents.grouping import YEAR_DAYS, EventInfo

INDEX_FILE = "kg-incidents.sqlite"
MONTH_DAYS = 31
DECODED_EVENTS = 8192  # decoded events an open index keeps (about 1 kB each)


def _long(event: EventInfo) -> int:
    """1 for an event whose time spans more than a month (a year), else 0."""
    return int(event.start is not None and event.end is not None and event.end - event.start > MONTH_DAYS)


SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc TEXT PRIMARY KEY, seq INTEGER NOT NULL, issued TEXT, publisher TEXT,
    signature BLOB NOT NULL, duplicate_of TEXT);
CREATE INDEX IF NOT EXISTS documents_by_original ON documents (duplicate_of);
CREATE INDEX IF NOT EXISTS documents_by_seq ON documents (seq);
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, key BLOB NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_by_key ON bands (band, key);
CREATE INDEX IF NOT EXISTS bands_by_doc ON bands (doc);
CREATE TABLE IF NOT EXISTS events (
    event TEXT PRIMARY KEY, doc TEXT NOT NULL, family TEXT NOT NULL, start INTEGER, "end" INTEGER,
    long INTEGER NOT NULL, info TEXT NOT NULL, incident TEXT);
CREATE INDEX IF NOT EXISTS events_by_time ON events (family, long, start);
CREATE INDEX IF NOT EXISTS events_by_doc ON events (doc);
CREATE INDEX IF NOT EXISTS events_by_incident ON events (incident);
CREATE TABLE IF NOT EXISTS facts (fact TEXT NOT NULL, doc TEXT NOT NULL, s TEXT, p TEXT, o TEXT);
CREATE INDEX IF NOT EXISTS facts_by_fact ON facts (fact);
CREATE INDEX IF NOT EXISTS facts_by_doc ON facts (doc);
"""


class IncidentIndex:
    """The index file; changes are committed by :meth:`commit` (one transaction per update).

    Every lookup an update makes per document goes through an index (the next ``seq``, a
    document's copies): a scan of ``documents`` per added document made a build's incident
    step grow with the square of the corpus."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.created = not self.path.exists()
        self.db = sqlite3.connect(self.path)
        self.db.row_factory = sqlite3.Row
        self.db.executescript(SCHEMA)
        # Stored events decoded, by their stored JSON: regrouping reads the same events again and again
        # (a document's events, a group's members, the events near in time; 9,661 decodings for 1,408
        # calls on 700 documents), and EventInfo is immutable. Bounded, so a large store's update does
        # not keep every event it met.
        self._event = lru_cache(maxsize=DECODED_EVENTS)(EventInfo.from_json)

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # Documents and their near-duplicate bands.

    def storing_order(self) -> dict[str, int]:
        """Each indexed document's place in the order of storing."""
        return dict(self.db.execute("SELECT doc, seq FROM documents").fetchall())

    def document(self, doc: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM documents WHERE doc = ?", (doc,)).fetchone()

    def documents(self, docs: Iterable[str]) -> dict[str, sqlite3.Row]:
        return {doc: row for doc in set(docs) if (row := self.document(doc)) is not None}

    def put_document(
        self, doc: str, issued: str | None, publisher: str | None, signature: np.ndarray, keys: list[bytes]
    ) -> None:
        """Add or replace a document; a replaced one keeps its place in the order of storing."""
        old = self.document(doc)
        seq = old["seq"] if old else (self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0])
        self.db.execute(
            "INSERT OR REPLACE INTO documents (doc, seq, issued, publisher, signature, duplicate_of) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (doc, seq, issued, publisher, signature.astype(np.uint64).tobytes(), old["duplicate_of"] if old else None),
        )
        self.db.execute("DELETE FROM bands WHERE doc = ?", (doc,))
        self.db.executemany("INSERT INTO bands VALUES (?, ?, ?)", [(i, key, doc) for i, key in enumerate(keys)])

    def remove_document(self, doc: str) -> None:
        self.db.execute("DELETE FROM documents WHERE doc = ?", (doc,))
        self.db.execute("DELETE FROM bands WHERE doc = ?", (doc,))

    def band_neighbours(self, doc: str) -> set[str]:
        """Documents sharing at least one band key with ``doc`` (candidate near-duplicates)."""
        rows = self.db.execute(
            "SELECT DISTINCT other.doc FROM bands AS mine JOIN bands AS other "
            "ON other.band = mine.band AND other.key = mine.key WHERE mine.doc = ? AND other.doc != ?",
            (doc, doc),
        )
        return {row[0] for row in rows}

    def set_duplicate_of(self, doc: str, original: str | None) -> None:
        self.db.execute("UPDATE documents SET duplicate_of = ? WHERE doc = ?", (original, doc))

    def copies_of(self, doc: str) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT doc FROM documents WHERE duplicate_of = ?", (doc,))}

    # Facts (roles, relations) and the documents stating them.

    def put_facts(self, doc: str, facts: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """``facts``: (fact node, subject, predicate, object); the last three None for a role node."""
        self.db.executemany(
            "INSERT INTO facts VALUES (?, ?, ?, ?, ?)", [(f, doc, s, p, o) for f, s, p, o in set(facts)]
        )

    def remove_facts_of(self, doc: str) -> set[str]:
        facts = {r[0] for r in self.db.execute("SELECT fact FROM facts WHERE doc = ?", (doc,))}
        self.db.execute("DELETE FROM facts WHERE doc = ?", (doc,))
        return facts

    def facts_of(self, doc: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT fact FROM facts WHERE doc = ?", (doc,))}

    def fact(self, fact: str) -> tuple[set[str], tuple[str | None, str | None, str | None]]:
        """(the documents stating ``fact``, its subject, predicate and object)."""
        rows = self.db.execute("SELECT doc, s, p, o FROM facts WHERE fact = ?", (fact,)).fetchall()
        spo = (rows[0]["s"], rows[0]["p"], rows[0]["o"]) if rows else (None, None, None)
        return {r["doc"] for r in rows}, spo

    # Events and their incidents.

    def put_events(self, events: Iterable[EventInfo]) -> None:
        self.db.executemany(
            'INSERT OR REPLACE INTO events (event, doc, family, start, "end", long, info, incident) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
            [(e.iri, e.doc, e.family, e.start, e.end, _long(e), e.to_json()) for e in events],
        )

    def remove_events_of(self, doc: str) -> list[tuple[str, str | None]]:
        """Forget a document's events; returns (event, incident) for each."""
        rows = [
            (r["event"], r["incident"])
            for r in self.db.execute("SELECT event, incident FROM events WHERE doc = ?", (doc,))
        ]
        self.db.execute("DELETE FROM events WHERE doc = ?", (doc,))
        return rows

    def events_of(self, doc: str) -> list[EventInfo]:
        return [self._event(r[0]) for r in self.db.execute("SELECT info FROM events WHERE doc = ?", (doc,))]

    def members(self, incident: str) -> list[EventInfo]:
        rows = self.db.execute("SELECT info FROM events WHERE incident = ?", (incident,))
        return [self._event(r[0]) for r in rows]

    def incident_of(self, event: str) -> str | None:
        row = self.db.execute("SELECT incident FROM events WHERE event = ?", (event,)).fetchone()
        return row[0] if row else None

    def near_in_time(self, event: EventInfo, window: int) -> Iterator[EventInfo]:
        """Events of the same family whose time interval comes within ``window`` days of ``event``'s."""
        if event.start is None or event.end is None:
            return
        # Two range scans: events of at most a month by their start (a month back is enough),
        # the year-long ones (few) apart, so a dense family is not scanned a year back.
        for long, reach in ((0, MONTH_DAYS), (1, YEAR_DAYS)):
            rows = self.db.execute(
                'SELECT info FROM events WHERE family = ? AND long = ? AND start BETWEEN ? AND ? AND "end" >= ?',
                (event.family, long, event.start - window - reach, event.end + window, event.start - window),
            )
            for row in rows:
                yield self._event(row[0])

    def set_incidents(self, incidents: Iterable[tuple[str, str]]) -> None:
        """Record each (event, incident) given (one statement for all of an update's)."""
        self.db.executemany("UPDATE events SET incident = ? WHERE event = ?", [(i, e) for e, i in incidents])
