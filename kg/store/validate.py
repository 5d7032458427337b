"""SHACL validation of a graph against ontology/shapes.ttl, with a readable report.

A store is validated in pieces so that memory follows one piece, not the corpus
(:func:`validate_store`):

- **document graphs**, a batch at a time (about ``BATCH_QUADS`` quads), each with
  what other graphs say about its own nodes (an entity's ``rdfs:label`` and counts,
  an event's ``kg:incident``, a document's ``kg:duplicateOf``, a role that several
  documents state) and the types of the nodes those facts point to;
- **the corpus part**: every graph that is not a document's (the corpus graph, the
  analysis graph, the default graph), every triple about an entity from any graph
  (so one entity named in many documents is checked once, with all it is said to
  be: two ``kg:isoCode`` from two documents are caught), and the types of the
  nodes they point to.

Every shape targets a node whose triples lie in one of these pieces, so the
violations are those of validating the whole union at once; a violation found in
two pieces is reported once. SPARQL-based constraints (the mention-offset check) are not run
per piece: :mod:`kg.store.sparql_constraints` evaluates each once in Oxigraph over the store.
pySHACL is the reference engine; pyshacl-turbo, the default where its wheel installs,
passes the same shape tests at about a tenth of the time (benchmarks/README.md, "Engines", says
what was measured). Batches are independent: ``jobs`` processes may check them at once.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.model import ENTITY_TYPES
from kg.rdf.namespaces import KG
from kg.rdf.ontology import SHAPES as SHAPES_FILE
from kg.rdf.ontology import ontology_file
from kg.store import sparql_constraints
from kg.store.sources import as_store
from kg.store.terms import to_rdflib
from kg.store.union import union_graph

SHAPES = ontology_file(SHAPES_FILE)
# Quads of document graphs validated together: pySHACL's cost per call is paid once per batch
# (a few ms), and rdflib holds about 1 kB a triple, so a batch stays near 50 MB.
BATCH_QUADS = 50_000

_TYPE = ox.NamedNode(str(RDF.type))
_DOCUMENT = ox.NamedNode(str(KG.Document))
_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
_ENTITY_CLASSES = [ox.NamedNode(str(KG[name])) for name in ENTITY_TYPES]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    value: str = ""


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)
    graphs: int = 0  # pieces validated one after the other (1: the whole graph at once)

    def by_message(self) -> Counter:
        return Counter(v.message for v in self.violations)


def _violations(report: Graph) -> Iterator[Violation]:
    for result in report.subjects(RDF.type, SH.ValidationResult):

        def one(p, result=result):
            value = report.value(result, p)
            return "" if value is None else str(value)

        yield Violation(
            focus=one(SH.focusNode),
            path=one(SH.resultPath),
            message=one(SH.resultMessage),
            severity=one(SH.resultSeverity).rsplit("#", 1)[-1],
            value=one(SH.value),
        )


def _shapes(shapes: Path | Graph) -> Graph:
    return shapes if isinstance(shapes, Graph) else Graph().parse(shapes)


ENGINES = ("auto", "pyshacl", "pyshacl-turbo")


def _engine(name: str):
    """The ``validate`` function of a SHACL engine with pySHACL's interface.

    ``auto`` is pyshacl-turbo (a dependency: Rust, about 10x faster on the project's shapes) where its
    wheel installed, else pySHACL. pySHACL stays the reference: tests/test_ontology.py runs every shape
    test with both, and benchmarks/README.md ("Engines") says what else turbo was measured against."""
    if name not in ENGINES:
        raise ValueError(f"unknown SHACL engine {name!r}: one of {', '.join(ENGINES)}")
    if name == "pyshacl":
        return pyshacl.validate
    try:
        import pyshacl_turbo
    except ImportError as error:
        if name == "auto":
            return pyshacl.validate
        raise ValueError("engine pyshacl-turbo is not installed: pip install pyshacl-turbo") from error
    return pyshacl_turbo.validate


def _check(data: Graph, shapes: Graph, owned: set[str] | None = None, engine: str = "auto") -> set[Violation]:
    """The violations of ``data``; with ``owned``, only those about these nodes (the others are in
    ``data`` only as a value's type, and are checked in the piece that holds their own triples)."""
    _, report, _ = _engine(engine)(data, shacl_graph=shapes, inference="none", advanced=True)
    return {v for v in _violations(report) if owned is None or v.focus in owned}


def _subjects(quads: Iterable[ox.Quad]) -> set[str]:
    return {str(to_rdflib(q.subject)) for q in quads}


def validate_graph(data: Graph, shapes: Path | Graph = SHAPES) -> ValidationReport:
    """Validate one in-memory graph as a whole (the reference the streamed validation agrees with)."""
    violations = sorted(_check(data, _shapes(shapes)), key=lambda v: (v.message, v.focus))
    return ValidationReport(not violations, len(data), violations, graphs=1)


def _to_graph(triples: Iterable[ox.Triple | ox.Quad]) -> Graph:
    graph = Graph()
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def _types_of(store: ox.Store, nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> Iterator[ox.Quad]:
    """The rdf:type quads, from any graph, of ``nodes`` (for sh:class checks on values)."""
    for node in nodes:
        yield from store.quads_for_pattern(node, _TYPE, None, None)


def _nodes(quads: Iterable[ox.Quad]) -> set:
    return {q.object for q in quads if not isinstance(q.object, ox.Literal)}


def document_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The named graphs that hold one document's facts (a graph named by the kg:Document it describes)."""
    return sorted(
        {q.graph_name for q in store.quads_for_pattern(None, _TYPE, _DOCUMENT, None) if q.graph_name == q.subject},
        key=str,
    )


def _batches(store: ox.Store, graphs: list[ox.NamedNode], size: int) -> Iterator[list[ox.Quad]]:
    batch: list[ox.Quad] = []
    for graph in graphs:
        batch.extend(store.quads_for_pattern(None, None, None, graph))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _corpus_part(
    store: ox.Store, side: list, documents: list[ox.NamedNode] | None = None
) -> tuple[list[ox.Quad], set[str]]:
    """The quads of the graphs that are no document's and every quad about an entity, with the nodes
    this piece checks: the entities and the nodes no document graph says anything about (incidents,
    analysis results). A document's own node (an event with its kg:incident) is checked with its batch.
    With ``documents``, only the entities those documents name are taken."""
    side_graphs = set(side)
    quads = [q for graph in side for q in store.quads_for_pattern(None, None, None, graph)]
    entities = {
        q.subject
        for cls in _ENTITY_CLASSES
        for graph in (documents if documents is not None else [None])
        for q in store.quads_for_pattern(None, _TYPE, cls, graph)
    }
    owned = {
        subject
        for subject in {q.subject for q in quads} - entities
        if all(o.graph_name in side_graphs for o in store.quads_for_pattern(subject, None, None, None))
    }
    for entity in entities:
        quads.extend(store.quads_for_pattern(entity, None, None, None))
    return quads, {str(to_rdflib(node)) for node in owned | entities}


def _said_elsewhere(store: ox.Store, batch: list[ox.Quad], side: list, entities: set) -> list[ox.Quad]:
    """What other graphs say about the nodes of ``batch``: corpus facts (an event's kg:incident, a
    document's kg:duplicateOf) and, for a node that several documents state (a role), what the
    other documents say of it. Of an entity only the corpus facts: entities are checked in the
    corpus part, with what every document says of them."""
    here = {q.graph_name for q in batch}
    elsewhere = []
    for subject in {q.subject for q in batch}:
        if subject in entities:
            elsewhere += [q for graph in side for q in store.quads_for_pattern(subject, None, None, graph)]
        else:
            elsewhere += [q for q in store.quads_for_pattern(subject, None, None, None) if q.graph_name not in here]
    return elsewhere


def _check_batch(
    store: ox.Store, batch: list[ox.Quad], side: list, schema: list[ox.Quad], shapes: Graph, engine: str
) -> tuple[set[Violation], set[str]]:
    """The violations of one batch of document graphs, and the nodes it checks."""
    entities = {q.subject for q in batch if q.predicate == _TYPE and q.object in _ENTITY_CLASSES}
    facts = _said_elsewhere(store, batch, side, entities)
    data = _to_graph([*batch, *facts, *_types_of(store, _nodes(facts)), *schema])
    owned = _subjects(q for q in batch if q.subject not in entities)
    return _check(data, shapes, owned=owned, engine=engine), owned


_WORKER: dict = {}  # in a worker process: its read-only store and what every batch shares


def _start_worker(path: str, shapes_text: str, side: list[str], engine: str) -> None:
    store = ox.Store.read_only(path)
    _WORKER.update(
        store=store,
        shapes=Graph().parse(data=shapes_text, format="turtle"),
        side=[ox.NamedNode(g) for g in side] + [ox.DefaultGraph()],
        schema=list(store.quads_for_pattern(None, _SUBCLASS, None, None)),
        engine=engine,
    )


def _worker_batch(graphs: list[str], keep_owned: bool) -> tuple[set[Violation], set[str]]:
    w = _WORKER
    batch = [q for g in graphs for q in w["store"].quads_for_pattern(None, None, None, ox.NamedNode(g))]
    found, owned = _check_batch(w["store"], batch, w["side"], w["schema"], w["shapes"], w["engine"])
    return found, owned if keep_owned else set()


def validate_store(
    store: ox.Store,
    shapes: Path | Graph = SHAPES,
    batch_quads: int = BATCH_QUADS,
    documents: Iterable[str] | None = None,
    engine: str = "auto",
    jobs: int = 1,
    path: str | Path | None = None,
) -> ValidationReport:
    """Validate a store piece by piece (see the module's docstring): the same violations as the whole
    union, with the memory of one batch of document graphs or of the corpus part.
    ``documents`` (graph IRIs) limits the check to those document graphs, the entities they name and
    the graphs that are no document's (what a build wrote: ``kg build --validate``).
    ``engine``: ``auto`` (pyshacl-turbo where installed), pySHACL (the reference) or pyshacl-turbo (:data:`ENGINES`).
    ``jobs`` > 1 with ``path`` (the store's directory): batches are checked in that many processes,
    each with a read-only handle of the store, while this one checks the corpus part (batches are
    independent; memory is that of ``jobs`` batches)."""
    _engine(engine)  # an engine that is not installed fails before any work
    # SPARQL-based constraints run once in Oxigraph over the store, not per focus node in rdflib.
    in_store, shapes_graph = sparql_constraints.split(_shapes(shapes))
    every_document = document_graphs(store)
    side = sorted(set(store.named_graphs()) - set(every_document), key=str) + [ox.DefaultGraph()]
    chosen = None if documents is None else {str(d) for d in documents}
    documents = [d for d in every_document if chosen is None or d.value in chosen]
    # Class hierarchies stated in the data (an ontology loaded into the store) count for sh:targetClass.
    schema = list(store.quads_for_pattern(None, _SUBCLASS, None, None))
    violations: set[Violation] = set()
    checked: set[str] = set()  # with ``documents``: the nodes the pieces checked
    pieces = 0
    pool = None
    futures = []
    if jobs > 1 and path is not None and documents:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Batches of about ``batch_quads`` quads, from the store's average per document (not read twice).
        per_batch = max(1, batch_quads * len(every_document) // max(1, len(store)))
        named = [g.value for g in side if isinstance(g, ox.NamedNode)]
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(str(path), shapes_graph.serialize(format="turtle"), named, engine),
        )
        for start in range(0, len(documents), per_batch):
            graphs = [d.value for d in documents[start : start + per_batch]]
            futures.append(pool.submit(_worker_batch, graphs, chosen is not None))
    else:
        for batch in _batches(store, documents, batch_quads):
            found, owned = _check_batch(store, batch, side, schema, shapes_graph, engine)
            violations |= found
            checked |= owned if chosen is not None else set()
            pieces += 1
    corpus, owned = _corpus_part(store, side, None if chosen is None else documents)
    data = _to_graph([*corpus, *_types_of(store, _nodes(corpus)), *schema])
    violations |= _check(data, shapes_graph, owned=owned, engine=engine)
    checked |= owned if chosen is not None else set()
    pieces += 1
    del data, corpus
    in_store_found = sparql_constraints.violations(store, in_store)
    for future in futures:
        found, owned = future.result()
        violations |= found
        checked |= owned
        pieces += 1
    if pool is not None:
        pool.shutdown()
    # Every node is the subject of its own triples, so each focus is some piece's node; with ``documents``
    # only those of the pieces checked are reported.
    violations |= {v for v in in_store_found if chosen is None or v.focus in checked}
    # pySHACL's SPARQL constraints leave cycles of suspended generators whose frames hold the callers'
    # frames, and so the store a build still has open (its writer lock), until the collector runs.
    gc.collect()
    ordered = sorted(violations, key=lambda v: (v.message, v.focus, v.path, v.value))
    return ValidationReport(not ordered, len(store), ordered, graphs=pieces)


def validate(source: str | Path | ox.Store, engine: str = "auto", jobs: int = 1) -> ValidationReport:
    """Validate a store directory, RDF file or SPARQL endpoint against the newskg shapes, piece by piece
    (with ``jobs`` > 1, a store directory's batches in that many processes)."""
    directory = None if isinstance(source, ox.Store) or not Path(source).is_dir() else Path(source)
    return validate_store(as_store(source), engine=engine, jobs=jobs, path=directory)


__all__ = ["ENGINES", "ValidationReport", "Violation", "union_graph", "validate", "validate_graph", "validate_store"]
