"""SHACL-SPARQL constraints (``sh:sparql``) evaluated by Oxigraph over the store, one query for every focus node.

pySHACL runs a SPARQL-based constraint once per focus node, parsing and evaluating it with rdflib:
the mention-offset check (``kgsh:DocumentTextShape``) was 45 % of ``kg validate`` (benchmarks/README.md,
"Validation at corpus scale"). Here each such constraint of a node shape with ``sh:targetClass`` runs
once in the store: its ``SELECT`` becomes a subquery joined with the shape's targets, over the union
of the graphs (the data graph SHACL validates). Results are reported as pySHACL reports them: the focus
node (``$this``), ``?value`` (else the focus node, the shape being a node shape), ``?path``, the
constraint's ``sh:message`` with each ``{?var}`` / ``{$var}`` replaced by the value bound to it, and
the shape's severity. :func:`split` takes these constraints out of the shapes graph, so the engine
checking the rest does not run them again. Constraints of other shapes (property shapes, other
targets, pre-bound variables other than ``$this``) stay with the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH

from kg.store.terms import to_rdflib

_SPECIAL = re.compile(r"\$(shapesGraph|currentShape|PATH|value)\b")


@dataclass(frozen=True)
class SparqlConstraint:
    shape: str
    targets: tuple[str, ...]  # sh:targetClass values
    select: str  # the SELECT, with its PREFIX declarations
    message: str
    severity: str  # Violation, Warning or Info


def _prefixes(shapes: Graph, constraint) -> str:
    lines = []
    for holder in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(holder, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines)))


def split(shapes: Graph) -> tuple[list[SparqlConstraint], Graph]:
    """The SPARQL constraints evaluated here, and a copy of ``shapes`` without them."""
    found: list[SparqlConstraint] = []
    rest = Graph()
    for prefix, namespace in shapes.namespaces():
        rest.bind(prefix, namespace)
    taken: set = set()
    for shape, constraint in shapes.subject_objects(SH.sparql):
        targets = tuple(sorted(str(t) for t in shapes.objects(shape, SH.targetClass)))
        select = shapes.value(constraint, SH.select)
        # One message, the constraint's (pySHACL reports the shape's messages too when it has any).
        messages = [str(m) for m in shapes.objects(constraint, SH.message)]
        elsewhere = any(
            shapes.value(shape, p) is not None
            for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.path, SH.message)
        )
        deactivated = Literal(True) in (shapes.value(constraint, SH.deactivated), shapes.value(shape, SH.deactivated))
        if (
            not targets
            or elsewhere
            or deactivated
            or select is None
            or len(messages) != 1
            or _SPECIAL.search(str(select))
        ):
            continue  # left to the engine
        severity = shapes.value(shape, SH.severity) or SH.Violation
        found.append(
            SparqlConstraint(
                str(shape),
                targets,
                f"{_prefixes(shapes, constraint)}\n{select}",
                messages[0],
                str(severity).rsplit("#", 1)[-1],
            )
        )
        taken.add((shape, constraint))
    for s, p, o in shapes:
        if p == SH.sparql and (s, o) in taken:
            continue
        rest.add((s, p, o))
    # The constraint nodes (blank nodes) go too: nothing points to them any more.
    for _, constraint in taken:
        if isinstance(constraint, BNode):
            rest.remove((constraint, None, None))
    return found, rest


def _query(constraint: SparqlConstraint, focus: Iterable[str] | None) -> str:
    prologue, body = _split_prologue(constraint.select)
    targets = " ".join(f"<{t}>" for t in constraint.targets)
    values = ""
    if focus is not None:
        values = "VALUES ?this { " + " ".join(f"<{f}>" for f in focus) + " }"
    return (
        f"{prologue}\nSELECT * WHERE {{ {values}\n"
        f"  ?this <{RDF.type}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?target_class_ .\n"
        f"  VALUES ?target_class_ {{ {targets} }}\n"
        f"  {{ {body} }}\n}}"
    )


def _split_prologue(text: str) -> tuple[str, str]:
    """(the PREFIX and BASE declarations, the SELECT) of a query text."""
    match = re.search(r"\bSELECT\b", text, flags=re.IGNORECASE)
    if match is None:
        raise ValueError(f"not a SELECT query: {text[:80]!r}")
    return text[: match.start()], text[match.start() :]


def _message(template: str, bindings: dict) -> str:
    """The message as pySHACL words it: the other variables first, then this, path and value."""
    ordered = {k: v for k, v in bindings.items() if k not in ("this", "path", "value")}
    for key in ("this", "path", "value"):
        if bindings.get(key) is not None:
            ordered[key] = bindings[key]
    for var, value in ordered.items():
        template = re.sub(f"{{[?$]{var}}}", str(value), template)
    return template


def violations(store: ox.Store, constraints: list[SparqlConstraint], focus: Iterable[str] | None = None) -> set:
    """The violations of ``constraints`` in ``store`` (the union of its graphs), as
    :class:`kg.store.validate.Violation` values; with ``focus``, for those focus nodes only."""
    from kg.store.validate import Violation

    focus = None if focus is None else sorted(set(focus))
    found = set()
    for constraint in constraints:
        if focus is not None and not focus:
            break
        results = store.query(_query(constraint, focus), use_default_graph_as_union=True)
        names = [variable.value for variable in results.variables]
        for row in results:
            bound = ((name, row[i]) for i, name in enumerate(names) if name != "target_class_")
            bindings = {name: to_rdflib(term) for name, term in bound if term is not None}
            if "failure" in bindings:
                continue  # pySHACL reports a failed evaluation differently; none of the project's shapes has one
            this = bindings.get("this")
            value = bindings.get("value", this)
            path = bindings.get("path")
            found.add(
                Violation(
                    focus=str(this),
                    path="" if path is None else str(path),
                    message=_message(constraint.message, bindings),
                    severity=constraint.severity,
                    value="" if value is None else str(value),
                )
            )
    return found


__all__ = ["SparqlConstraint", "split", "violations"]
