"""``kg explain``: why the names of one node were merged into it, read back from RDF.

For a node found by any of its names (or its IRI), the explanation lists its
label, types and links, then each document that names it: the name that
document uses, the surface forms of its mentions, and the rule that joins each
form to the node (same ISO code, same GeoNames id, same type and name, short
form, acronym, demonym, capital ...). Same-name nodes kept apart by the homonym
guard are listed with their countries. Everything is read from the store (or an
RDF file), so it works on any graph built incrementally.

It reads a store it is given (a :class:`pyoxigraph.Store`, as :func:`kg.store.sources.open_source`
returns) and imports nothing of :mod:`kg.store`: explaining identity decisions belongs with
the code that makes them, and the stage order holds.

>>> import pyoxigraph as ox
>>> explain(ox.Store(), "nobody")
[]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from kg.names.gazetteer import country_of_capital, lookup_country, lookup_demonym
from kg.names.normalize import compact_key
from kg.rdf.namespaces import PREFIX_IRIS
from kg.rdf.sparql import sparql_text
from kg.resolve.identity import name_relation

FIND = sparql_text(__package__, "queries/explain-find.rq")
NODE = sparql_text(__package__, "queries/explain-node.rq")
DOCUMENTS = sparql_text(__package__, "queries/explain-documents.rq")
HOMONYMS = sparql_text(__package__, "queries/explain-homonyms.rq")


@dataclass
class DocumentNames:
    document: str
    name: str
    reason: str
    forms: dict[str, int] = field(default_factory=dict)  # surface form -> mentions
    form_reasons: dict[str, str] = field(default_factory=dict)


@dataclass
class Explanation:
    iri: str
    label: str
    types: list[str]
    links: list[str]
    iso: str | None
    countries: list[str]
    documents: list[DocumentNames]
    kept_apart: list[str]

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        """The explanation as plain text lines."""
        out = [f"{self.label}  <{self.iri}>", f"  types: {', '.join(self.types)}"]
        if self.iso:
            out.append(f"  ISO 3166 code: {self.iso}")
        if self.links:
            out.append(f"  same as: {', '.join(self.links)}")
        if self.countries:
            out.append(f"  country: {', '.join(self.countries)}")
        for doc in self.documents:
            out.append(f"  document {doc.document}: named {doc.name!r} — {doc.reason}")
            for form, count in doc.forms.items():
                out.append(f"    {form!r} ×{count} — {doc.form_reasons[form]}")
        for other in self.kept_apart:
            out.append(f"  kept apart (homonym guard): {other}")
        return out


def _rows(store: ox.Store, query: str, **bound: ox.Term):
    substitutions = {ox.Variable(k): v for k, v in bound.items()}
    return store.query(query, prefixes=PREFIX_IRIS, substitutions=substitutions, use_default_graph_as_union=True)


def _value(row, name: str) -> str | None:
    term = row[name]
    return term.value if term is not None else None


def explain(store: ox.Store, name: str) -> list[Explanation]:
    """Explanations of every node named ``name`` (case-insensitive) or with that IRI."""
    nodes = sorted({row["e"].value for row in _rows(store, FIND, name=ox.Literal(name))})
    return [_explain_node(store, iri) for iri in nodes]


def _explain_node(store: ox.Store, iri: str) -> Explanation:
    node = ox.NamedNode(iri)
    label, types, links, iso, countries = iri, set(), set(), None, set()
    for row in _rows(store, NODE, e=node):
        label = _value(row, "label") or label
        if _value(row, "type"):
            types.add(_value(row, "type").rsplit("#", 1)[-1])
        if _value(row, "same"):
            links.add(_value(row, "same"))
        iso = _value(row, "iso") or iso
        if _value(row, "country"):
            countries.add(_value(row, "country"))
    documents: dict[str, DocumentNames] = {}
    for row in _rows(store, DOCUMENTS, e=node):
        doc_id, doc_name = _value(row, "id"), _value(row, "name")
        if doc_id not in documents:
            documents[doc_id] = DocumentNames(doc_id, doc_name, _merge_reason(doc_name, label, iso, links))
        entry = documents[doc_id]
        anchor = _value(row, "anchor")
        if anchor:
            entry.forms[anchor] = int(row["n"].value)
            entry.form_reasons[anchor] = _form_reason(anchor, doc_name, iso)
    apart: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, HOMONYMS, e=node):
        apart[_value(row, "other")].add(_value(row, "country") or "no country")
    kept_apart = [f"<{other}> ({', '.join(sorted(c))})" for other, c in sorted(apart.items())]
    return Explanation(
        iri, label, sorted(types), sorted(links), iso, sorted(countries), list(documents.values()), kept_apart
    )


def _merge_reason(doc_name: str, label: str, iso: str | None, links: set[str]) -> str:
    """Why one document's entity is this node."""
    if iso:
        return f"same ISO 3166 code {iso}"
    if links:
        return f"same GeoNames id ({', '.join(sorted(links))})"
    relation = name_relation(doc_name, label)
    if relation == "same name":
        return "same type and normalized name"
    if relation:
        return f"{relation} of {label!r} (one stored node fits)"
    return f"names the node whose label is {label!r}"


def _form_reason(form: str, doc_name: str, iso: str | None) -> str:
    """Why one surface form in a document is a mention of that document's entity."""
    if compact_key(form) == compact_key(doc_name):
        return "the document's name for it"
    if iso:
        if (country := lookup_demonym(form)) and country.iso3 == iso:
            return "demonym of the country"
        if (country := country_of_capital(form)) and country.iso3 == iso:
            return "the capital acting for its country"
        if (country := lookup_country(form)) and country.iso3 == iso:
            return "a name or code of the country"
    relation = name_relation(form, doc_name)
    if relation:
        return f"{relation} of {doc_name!r} in the same document"
    return "clustered with it in the same document"
