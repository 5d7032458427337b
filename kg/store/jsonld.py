"""Streaming JSON-LD, compacted with the vocabulary's published context (ontology/context.jsonld).

The document is ``{"@context": {...}, "@graph": [...]}``: the context inline (so the
file reads back offline, with no fetch), one ``{"@id": graph, "@graph": [...]}``
object per named graph, and nodes written one subject at a time as the store's
index hands them over, so memory stays flat however large the store is. A property
uses its context term ("agent", "mentionCount") when the value fits the term's
coercion, else a prefixed name ("kg:time") with an explicit value object.

>>> import io, pyoxigraph as ox
>>> store = ox.Store()
>>> e = ox.NamedNode("https://w3id.org/newskg/id/person/hadi_rashad")
>>> store.add(ox.Quad(e, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Hadi Rashad")))
>>> buffer = io.BytesIO()
>>> write_jsonld(store, buffer)
>>> json.loads(buffer.getvalue())["@graph"]
[{'@id': 'https://w3id.org/newskg/id/person/hadi_rashad', 'label': 'Hadi Rashad'}]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby
from typing import BinaryIO

import pyoxigraph as ox

from kg.rdf.ontology import CONTEXT, ontology_file

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def context() -> dict:
    """The ``@context`` object of ontology/context.jsonld."""
    return json.loads(ontology_file(CONTEXT).read_text(encoding="utf-8"))["@context"]


class Compactor:
    """Turns IRIs and terms into the short forms the context defines."""

    def __init__(self, ctx: dict):
        self.prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))}
        # property IRI -> (term, coercion): "@id", a datatype IRI, or None (plain string)
        self.terms: dict[str, tuple[str, str | None]] = {}
        for term, definition in ctx.items():
            if term in self.prefixes:
                continue
            if isinstance(definition, str):
                iri, coercion = definition, None
            else:
                iri, coercion = definition["@id"], definition.get("@type")
            full = self.expand(iri)
            self.terms[full] = (term, coercion if coercion in (None, "@id") else self.expand(coercion))

    def expand(self, name: str) -> str:
        prefix, _, local = name.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes else name

    def iri(self, iri: str) -> str:
        """A prefixed name when a prefix covers the IRI and the rest stays a plain local name."""
        for prefix, namespace in self.prefixes.items():
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if local and not local.startswith("/"):
                    return f"{prefix}:{local}"
        return iri

    def node_ref(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term) -> dict:
        if isinstance(term, ox.NamedNode | ox.BlankNode):
            return {"@id": self.node_ref(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}

    def fits(self, term, coercion: str | None) -> bool:
        if coercion == "@id":
            return isinstance(term, ox.NamedNode | ox.BlankNode)
        if not isinstance(term, ox.Literal) or term.language:
            return False
        return term.datatype.value == (coercion or XSD_STRING)

    def node(self, subject, pairs: Iterable[tuple]) -> dict:
        """One node object from a subject's (predicate, object) pairs."""
        node: dict = {"@id": self.node_ref(subject)}
        for predicate, group in groupby(pairs, key=lambda pair: pair[0].value):
            objects = [o for _, o in group]
            if predicate == RDF_TYPE and all(isinstance(o, ox.NamedNode) for o in objects):
                node["@type"] = self._one_or_list([self._class(o.value) for o in objects])
                continue
            term, coercion = self.terms.get(predicate, (None, None))
            if term and all(self.fits(o, coercion) for o in objects):
                shown = [self.node_ref(o) if coercion == "@id" else o.value for o in objects]
            else:
                term, shown = self.iri(predicate), [self.value(o) for o in objects]
            node[term] = self._one_or_list(shown)
        return node

    def _class(self, iri: str) -> str:
        term, coercion = self.terms.get(iri, (None, None))
        return term if term and coercion is None and term[0].isupper() else self.iri(iri)

    @staticmethod
    def _one_or_list(values: list):
        return values[0] if len(values) == 1 else values


def _nodes(compactor: Compactor, quads: Iterator[ox.Quad]) -> Iterator[dict]:
    # The store's graph-subject-predicate index keeps each subject's quads together.
    for subject, group in groupby(quads, key=lambda q: q.subject):
        pairs = sorted(((q.predicate, q.object) for q in group), key=lambda pair: pair[0].value)
        yield compactor.node(subject, pairs)


def write_jsonld(store: ox.Store, out: BinaryIO, graphs: list | None = None) -> None:
    """Write ``graphs`` (default: the default graph and every named graph) of ``store`` as compact JSON-LD;
    a named graph keeps its name."""
    ctx = context()
    compactor = Compactor(ctx)
    default = ox.DefaultGraph()
    chosen = graphs if graphs is not None else [default, *sorted(store.named_graphs(), key=lambda g: g.value)]
    out.write(b'{\n"@context": ' + json.dumps(ctx, ensure_ascii=False).encode("utf-8") + b',\n"@graph": [')
    first = True

    def emit(item: dict) -> None:
        nonlocal first
        out.write((b"\n" if first else b",\n") + json.dumps(item, ensure_ascii=False).encode("utf-8"))
        first = False

    for graph in chosen:
        quads = store.quads_for_pattern(None, None, None, graph)
        if isinstance(graph, ox.DefaultGraph):
            for node in _nodes(compactor, iter(quads)):
                emit(node)
            continue
        nodes = _nodes(compactor, iter(quads))
        head = next(nodes, None)
        if head is None:
            continue
        # A named graph: its nodes stream inside one object, written piece by piece.
        prefix = json.dumps({"@id": compactor.node_ref(graph)}, ensure_ascii=False)[:-1] + ', "@graph": ['
        out.write((b"\n" if first else b",\n") + prefix.encode("utf-8"))
        first = False
        out.write(b"\n  " + json.dumps(head, ensure_ascii=False).encode("utf-8"))
        for node in nodes:
            out.write(b",\n  " + json.dumps(node, ensure_ascii=False).encode("utf-8"))
        out.write(b"]}")
    out.write(b"\n]}\n")
