"""Measure a SHACL engine against pySHACL: the project's shape tests with that engine, then the time of
one batch of document graphs and of the corpus part of a store.

    PYTHONPATH=. python benchmarks/validate/engines.py --engine pyrudof --store /tmp/scale/ent-1k/store

The shape tests are tests/test_ontology.py (each builds a small graph that breaks one shape and asserts
the focus node, path and constraint component reported); here its ``_validate`` is replaced by the
candidate engine and the tests are run as they are. The candidates (pyrudof, pyshacl-turbo, maplib) are
installed apart from the project (``pip install --target DIR NAME``, then ``PYTHONPATH=.:DIR``; remove
the rdflib a candidate brings along from DIR so that the project's own is used): measured, not dependencies.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pytest
from rdflib import Graph, Literal, URIRef

SH = "http://www.w3.org/ns/shacl#"


def _term(text: str | None):
    """pyrudof prints nodes as ``<iri>`` or literals in Turtle; give rdflib terms to compare with."""
    if text is None or text == "":
        return None
    text = str(text)
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    return Literal(text)


def _component(text: str | None):
    term = _term(text)
    if term is not None and not str(term).startswith(SH):
        return URIRef(SH + str(term).rsplit(":", 1)[-1].replace("sh:", ""))
    return term


def pyrudof_validate(data: Graph, shapes: Graph) -> tuple[bool, list[dict]]:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(data.serialize(format="nt"), format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(shapes.serialize(format="turtle"))
    report = rudof.validate_shacl()
    results = [
        {
            "focus": _term(entry.focus_node),
            "path": _term(entry.path),
            "component": _component(entry.constraint_component),
            "value": _term(entry.value),
            "message": str(entry.message),
        }
        for entry in report
    ]
    return bool(report.conforms), results


def turbo_validate(data: Graph, shapes: Graph) -> tuple[bool, list[dict]]:
    """pyshacl-turbo through its pySHACL-compatible ``validate`` (a report graph in SHACL's vocabulary)."""
    import pyshacl_turbo
    from rdflib.namespace import RDF
    from rdflib.namespace import SH as SHACL

    conforms, report, _text = pyshacl_turbo.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=False
    )
    results = [
        {
            "focus": report.value(result, SHACL.focusNode),
            "path": report.value(result, SHACL.resultPath),
            "component": report.value(result, SHACL.sourceConstraintComponent),
            "value": report.value(result, SHACL.value),
            "message": str(report.value(result, SHACL.resultMessage)),
        }
        for result in report.subjects(RDF.type, SHACL.ValidationResult)
    ]
    return bool(conforms), results


def maplib_validate(data: Graph, shapes: Graph) -> tuple[bool, list[dict]]:
    """maplib's ``Model.validate`` (its open-source wheel answers "not implemented" for SHACL)."""
    import maplib

    model = maplib.Model()
    model.reads(data.serialize(format="nt"), format="ntriples")
    model.reads(shapes.serialize(format="nt"), format="ntriples", graph="urn:shapes")
    report = model.validate(shape_graph="urn:shapes")
    return bool(report.conforms), []


ENGINES = {"pyrudof": pyrudof_validate, "pyshacl-turbo": turbo_validate, "maplib": maplib_validate}


def run_shape_tests(engine: str) -> int:
    """Run tests/test_ontology.py with ``engine`` standing in for pySHACL; pytest's exit code."""
    import tests.test_ontology as shape_tests

    if engine in ENGINES:
        shape_tests._validate = ENGINES[engine]
    return pytest.main(["-q", "-p", "no:cacheprovider", "tests/test_ontology.py", "-k", "not shapes_graph_is_valid"])


def time_store(engine: str, store_path: str) -> dict:
    """Seconds to check one batch of document graphs and the corpus part of a store with ``engine``."""
    import pyoxigraph as ox

    from kg.store import validate as v

    store = ox.Store.read_only(store_path)
    shapes = Graph().parse(v.SHAPES)
    documents = v.document_graphs(store)
    side = sorted(set(store.named_graphs()) - set(documents), key=str) + [ox.DefaultGraph()]
    batch = next(v._batches(store, documents, v.BATCH_QUADS))
    entities = {q.subject for q in batch if q.predicate == v._TYPE and q.object in v._ENTITY_CLASSES}
    facts = v._said_elsewhere(store, batch, side, entities)
    pieces = {
        "batch": v._to_graph([*batch, *facts, *v._types_of(store, v._nodes(facts))]),
        "corpus": v._to_graph(v._corpus_part(store, side)[0]),
    }
    timing = {}
    for name, data in pieces.items():
        started = time.perf_counter()
        # Timing only: the nodes present just for their type are not filtered out here, as kg validate does.
        if engine in ENGINES:
            ENGINES[engine](data, shapes)
        else:
            v._check(data, shapes)
        timing[name] = {"triples": len(data), "seconds": round(time.perf_counter() - started, 2)}
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("pyshacl", *ENGINES), default="pyshacl")
    parser.add_argument("--store")
    parser.add_argument("--no-tests", action="store_true")
    args = parser.parse_args()
    if not args.no_tests:
        print(json.dumps({"engine": args.engine, "shape_tests_exit": run_shape_tests(args.engine)}))
    if args.store:
        print(json.dumps({"engine": args.engine, **time_store(args.engine, args.store)}))


if __name__ == "__main__":
    sys.exit(main())
