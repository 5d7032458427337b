"""graph.nq and graph.ttl written as a new store is built, instead of read back from it at the end.

Reading quads back from Oxigraph's files is most of an export's cost (each term is a lookup: 3.9
CPU s for the 422,000 quads of 2,080 news texts); the writer already holds each document's quads
when it stores them. So a build that creates its store hands every document graph to a
:class:`StreamingExport` too, which writes it to graph.nq at once and its triples not met before
to graph.ttl; at the end, the graphs it was not given (the corpus graph) are read from the store
and added. Only a store created by the build qualifies: each document graph is then written once
and stays as written (the end of a build adds the corpus graph and changes no document graph);
a graph given twice, or a corpus past ``MAX_TRIPLES``, makes the export fall back to reading the
store (:func:`kg.store.export.export_all`).

The files hold exactly what the store holds (``tests/test_build.py``), in the order documents were
written (the same for serial and parallel builds), not in the store's index order:

- Literals are written in the store's form: Oxigraph keeps typed literals by value ("1.50" of
  ``xsd:decimal`` reads back "1.5", ``xsd:nonNegativeInteger`` as ``xsd:integer``), so each typed
  literal is passed once through an in-memory store (:func:`stored_form`).
- graph.ttl is the union of the graphs, each triple once, without a set of every triple: a Bloom
  filter (Rust, ~1.2 bytes a triple) tells the triples surely not met before, written at once; the
  others (repeated triples, and the filter's ~1 % false alarms) are decided at the end against the
  store: a triple was written if a graph given before the first one where the filter found it holds
  it; else (its first occurrence was a false alarm) it is written then.
- Both files are written as ``NAME.partial`` and take their names only when the build ends; a build
  stopped before leaves the files of an earlier build as they were.

>>> import tempfile
>>> from kg.store.embedded import EmbeddedStore
>>> store, folder = EmbeddedStore(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
>>> p, one = ox.NamedNode("http://x/p"), ox.Literal("1.50", datatype=ox.NamedNode(XSD.decimal))
>>> graphs = [ox.NamedNode(f"https://w3id.org/newskg/id/doc/d{i}") for i in (1, 2)]
>>> with StreamingExport({"nq": folder / "graph.nq", "ttl": folder / "graph.ttl"}) as files:
...     for g in graphs:
...         quads = [ox.Quad(g, p, one, g), ox.Quad(p, p, one, g)]  # the second triple is in both graphs
...         store.replace_graph_quads(g, quads)
...         files.add(g, quads)
...     written = files.finish(store)
>>> sum(1 for _ in open(written["nq"])), sum(1 for _ in ox.parse(path=written["ttl"], format=ox.RdfFormat.TURTLE))
(4, 3)
>>> "1.5" in open(written["ttl"]).read() and "1.50" not in open(written["ttl"]).read()
True
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rbloom import Bloom
from rdflib.namespace import RDF, XSD

from kg.rdf.namespaces import PREFIX_IRIS
from kg.store.embedded import EmbeddedStore

# Literals Oxigraph keeps as they are written: only typed values (numbers, dates) have a stored form of their own.
_AS_WRITTEN = {ox.NamedNode(XSD.string), ox.NamedNode(RDF.langString)}
_SUBJECT = ox.NamedNode("http://x/s")
# Triples the first Bloom filter is made for; each next one is made four times larger (a scalable filter).
FIRST_FILTER_TRIPLES = 1_000_000
FALSE_ALARMS = 0.01
# Past this many distinct triples (~250,000 news articles) the filters (~1.2 bytes a triple) and the
# graphs' names would no longer be small beside the build: the files are read from the store at the end.
MAX_TRIPLES = 50_000_000
# Triples serialised to graph.ttl at a time (each chunk groups its triples by subject).
TURTLE_CHUNK = 20_000


class StreamingExport:
    """graph.nq and graph.ttl (``{"nq": path, "ttl": path}``) written from the document graphs handed
    to :meth:`add`, completed from the store by :meth:`finish`; a context manager (leaving the block
    without :meth:`finish` removes the partial files)."""

    def __init__(self, targets: Mapping[str, str | Path]):
        self.targets = {fmt: Path(targets[fmt]) for fmt in ("nq", "ttl")}
        self.fallback: str | None = None  # why the files must be read from the store after all
        self._partial = {fmt: path.with_name(path.name + ".partial") for fmt, path in self.targets.items()}
        self._quads_out = self._partial["nq"].open("wb")
        self._union = _TurtleWriter(self._partial["ttl"])
        self._seen = _SeenTriples()
        # Triples the filter took for repeats -> the order of the first graph where it did.
        self._repeats: dict[ox.Triple, int] = {}
        self._graphs: dict[ox.NamedNode, int] = {}  # the graphs given, in order
        self._canonical: dict[ox.Literal, ox.Literal] = {}

    def __enter__(self) -> StreamingExport:
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()
        for path in self._partial.values():
            path.unlink(missing_ok=True)

    def add(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Write the document ``graph``, whose whole content is ``quads``, as it is being stored."""
        if self.fallback:
            return
        if graph in self._graphs:
            self._give_up(f"the graph {graph} was written twice")
            return
        order = self._graphs[graph] = len(self._graphs)
        stored = list(dict.fromkeys(self._stored(quads)))
        ox.serialize(stored, self._quads_out, ox.RdfFormat.N_QUADS)
        new = []
        for quad in stored:
            triple = quad.triple
            if self._seen.first_time(triple):
                new.append(triple)
            else:
                self._repeats.setdefault(triple, order)
        self._union.put(new)
        if self._seen.triples > MAX_TRIPLES:
            self._give_up(f"more than {MAX_TRIPLES:,} triples")

    def finish(self, store: EmbeddedStore | ox.Store) -> dict[str, Path]:
        """Add what only the store has (the corpus graph; the repeats' decisions) and give the files
        their names; ``{}`` if the export must be read from the store instead (see :attr:`fallback`)."""
        if self.fallback:
            return {}
        ox_store = store.ox if isinstance(store, EmbeddedStore) else store
        self._union.put(list(self._first_written_last(ox_store)))
        others: set[ox.Triple] = set()  # the triples of graphs not given (the corpus graph: small)
        for graph in itertools.chain([ox.DefaultGraph()], ox_store.named_graphs()):
            if graph in self._graphs:
                continue
            quads = list(ox_store.quads_for_pattern(None, None, None, graph))
            ox.serialize(quads, self._quads_out, ox.RdfFormat.N_QUADS)
            new = []
            for quad in quads:
                triple = quad.triple
                if triple not in others and not (triple in self._seen and self._given_graphs_hold(ox_store, triple)):
                    new.append(triple)
                others.add(triple)
            self._union.put(new)
        self._close()
        for fmt, path in self.targets.items():
            os.replace(self._partial[fmt], path)
        return dict(self.targets)

    def _give_up(self, reason: str) -> None:
        """Stop writing (the files will be read from the store) and let go of what was kept."""
        self.fallback = reason
        self._close()
        self._seen, self._repeats, self._graphs, self._canonical = _SeenTriples(), {}, {}, {}

    def _stored(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        for quad in quads:
            value = quad.object
            if type(value) is ox.Literal and value.datatype not in _AS_WRITTEN:
                form = self._canonical.get(value)
                if form is None:
                    form = self._canonical[value] = stored_form(value)
                if form != value:
                    quad = ox.Quad(quad.subject, quad.predicate, form, quad.graph_name)
            yield quad

    def _first_written_last(self, store: ox.Store) -> Iterator[ox.Triple]:
        """The repeated triples whose first occurrence was not written (the filter took it for a repeat)."""
        for triple, flagged in self._repeats.items():
            holders = store.quads_for_pattern(*triple, None)
            if not any(self._graphs.get(quad.graph_name, flagged) < flagged for quad in holders):
                yield triple

    def _given_graphs_hold(self, store: ox.Store, triple: ox.Triple) -> bool:
        return any(q.graph_name in self._graphs for q in store.quads_for_pattern(*triple, None))

    def _close(self) -> None:
        if not self._quads_out.closed:
            self._quads_out.close()
        self._union.close()


def stored_form(literal: ox.Literal) -> ox.Literal:
    """``literal`` as Oxigraph keeps and gives it back (typed values in their canonical form).

    >>> stored_form(ox.Literal("007", datatype=ox.NamedNode(XSD.nonNegativeInteger)))
    <Literal value=7 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    memory = ox.Store()
    memory.add(ox.Quad(_SUBJECT, _SUBJECT, literal))
    return next(iter(memory)).object


class _SeenTriples:
    """Whether a triple was met before: "no" for sure, "yes" perhaps (a scalable Bloom filter)."""

    def __init__(self) -> None:
        self._filters = [Bloom(FIRST_FILTER_TRIPLES, FALSE_ALARMS)]
        self._room = FIRST_FILTER_TRIPLES
        self.triples = 0  # added so far

    def __contains__(self, triple: ox.Triple) -> bool:
        key = hash(triple)
        return any(key in f for f in self._filters)

    def first_time(self, triple: ox.Triple) -> bool:
        """Whether ``triple`` was surely not met before; it is met from now on."""
        key = hash(triple)  # the filters hash an int to itself: the triple is hashed once
        for seen in self._filters:
            if key in seen:
                return False
        if self._room == 0:  # full: its false alarms would grow; a new, larger one takes the next triples
            self._room = FIRST_FILTER_TRIPLES * 4 ** len(self._filters)
            self._filters.append(Bloom(self._room, FALSE_ALARMS))
        self._filters[-1].add(key)
        self._room -= 1
        self.triples += 1
        return True


class _TurtleWriter:
    """One Turtle file of triples handed over in lists: serialised a chunk at a time, the prefixes
    declared once (Oxigraph declares them all at the head of each chunk; the later chunks' are cut)."""

    def __init__(self, path: Path):
        self._out = path.open("wb")
        self._chunk: list[ox.Triple] = []
        self._prefixes = PREFIX_IRIS
        self._declared = False

    def put(self, triples: list[ox.Triple]) -> None:
        self._chunk += triples
        if len(self._chunk) >= TURTLE_CHUNK:
            self._write()

    def close(self) -> None:
        if not self._out.closed:
            self._write()
            self._out.close()

    def _write(self) -> None:
        if not self._chunk and self._declared:
            return
        data = ox.serialize(self._chunk, None, ox.RdfFormat.TURTLE, prefixes=self._prefixes)
        if self._declared:
            while data.startswith(b"@prefix "):
                data = data[data.index(b"\n") + 1 :]
        self._declared = True
        self._out.write(data)
        self._chunk = []
