"""SHACL validation of a graph against ontology/shapes.ttl, with a readable report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.rdf.ontology import SHAPES as SHAPES_FILE
from kg.rdf.ontology import ontology_file
from kg.store.union import union_graph

SHAPES = ontology_file(SHAPES_FILE)


@dataclass
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

    def by_message(self) -> Counter:
        return Counter(v.message for v in self.violations)


def validate_graph(data: Graph, shapes: Path = SHAPES) -> ValidationReport:
    shapes_graph = Graph().parse(shapes)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=True)
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):

        def one(p, result=result):
            value = report.value(result, p)
            return "" if value is None else str(value)

        violations.append(
            Violation(
                focus=one(SH.focusNode),
                path=one(SH.resultPath),
                message=one(SH.resultMessage),
                severity=one(SH.resultSeverity).rsplit("#", 1)[-1],
                value=one(SH.value),
            )
        )
    violations.sort(key=lambda v: (v.message, v.focus))
    return ValidationReport(bool(conforms), len(data), violations)


def validate(source: str | Path) -> ValidationReport:
    """Validate a store directory, RDF file or SPARQL endpoint against the newskg shapes."""
    return validate_graph(union_graph(source))


__all__ = ["ValidationReport", "Violation", "union_graph", "validate", "validate_graph"]
