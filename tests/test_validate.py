"""Validation piece by piece (document graphs in batches, then the corpus part) finds exactly what
validating the whole union finds, including what only several graphs together show."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store.union import union_graph
from kg.store.validate import validate, validate_graph, validate_store

ID = "https://w3id.org/newskg/id/"
KG = "https://w3id.org/newskg/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
CORPUS = ox.NamedNode(ID + "graph/corpus")


def kg(name: str) -> ox.NamedNode:
    return ox.NamedNode(KG + name)


def node(path: str) -> ox.NamedNode:
    return ox.NamedNode(ID + path)


def count(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD_INT)


def document(store: ox.Store, name: str, text: str, entities: dict[str, str]) -> ox.NamedNode:
    """A document graph: the document, one mention per entity (at the start of the text), the entities
    typed and named there; their labels and counts in the corpus graph."""
    doc = node(f"doc/{name}")
    quads = [(doc, RDF_TYPE, kg("Document")), (doc, ox.NamedNode(NIF + "isString"), ox.Literal(text))]
    quads.append((doc, ox.NamedNode("http://purl.org/dc/terms/identifier"), ox.Literal(name)))
    quads.append((doc, kg("sha256"), ox.Literal("0" * 64)))
    for key, cls in entities.items():
        entity = node(key)
        quads += [(entity, RDF_TYPE, kg(cls)), (entity, kg("nameInDocument"), ox.Literal(key.split("/")[-1]))]
        store.add(ox.Quad(entity, LABEL, ox.Literal(key.split("/")[-1]), CORPUS))
        store.add(ox.Quad(entity, kg("mentionCount"), count(1), CORPUS))
    store.extend(ox.Quad(s, p, o, doc) for s, p, o in quads)
    return doc


def both(store: ox.Store, batch_quads: int = 1) -> tuple[set, set]:
    """The violations found piece by piece (one document a batch) and on the whole union."""
    streamed = validate_store(store, batch_quads=batch_quads)
    whole = validate_graph(union_graph(store))
    assert streamed.graphs > 1
    return set(streamed.violations), set(whole.violations)


@pytest.fixture
def two_documents() -> ox.Store:
    store = ox.Store()
    document(store, "first", "Velmora said.", {"country/VLM": "Country", "person/orin-talbek": "Person"})
    document(store, "second", "Velmora again.", {"country/VLM": "Country"})
    return store


def test_a_conforming_store_conforms_piece_by_piece(two_documents):
    streamed, whole = both(two_documents)
    assert streamed == whole == set()


def test_two_documents_giving_one_country_two_codes_are_caught_together(two_documents):
    """Each document alone is fine; only the entity seen with what both say breaks sh:maxCount."""
    vlm = node("country/VLM")
    two_documents.add(ox.Quad(vlm, kg("isoCode"), ox.Literal("VLM"), node("doc/first")))
    two_documents.add(ox.Quad(vlm, kg("isoCode"), ox.Literal("VLA"), node("doc/second")))
    streamed, whole = both(two_documents)
    assert streamed == whole
    assert [v.focus for v in streamed] == [ID + "country/VLM"]
    assert "ISO 3166-1" in next(iter(streamed)).message


def test_an_entity_without_its_corpus_label_is_caught_once(two_documents):
    two_documents.remove(ox.Quad(node("person/orin-talbek"), LABEL, ox.Literal("orin-talbek"), CORPUS))
    streamed, whole = both(two_documents)
    assert streamed == whole and len(streamed) == 1
    assert next(iter(streamed)).focus == ID + "person/orin-talbek"


def test_corpus_facts_about_a_document_are_checked_with_its_graph(two_documents):
    """kg:duplicateOf lives in the corpus graph and points to another document's node: no violation;
    pointing to a node that is no document is one, found piece by piece as on the whole."""
    first, second = node("doc/first"), node("doc/second")
    two_documents.add(ox.Quad(second, kg("duplicateOf"), first, CORPUS))
    assert both(two_documents) == (set(), set())
    two_documents.add(ox.Quad(first, kg("duplicateOf"), node("person/orin-talbek"), CORPUS))
    two_documents.remove(ox.Quad(second, kg("duplicateOf"), first, CORPUS))
    streamed, whole = both(two_documents)
    assert streamed == whole and [v.focus for v in streamed] == [ID + "doc/first"]


def test_corpus_nodes_are_checked_in_the_corpus_part(two_documents):
    """An incident lives in the corpus graph only; one without its label is reported."""
    incident = node("incident/one")
    two_documents.extend(
        ox.Quad(incident, p, o, CORPUS)
        for p, o in [(RDF_TYPE, kg("Incident")), (kg("documentCount"), count(1)), (kg("sourceCount"), count(1))]
    )
    streamed, whole = both(two_documents, batch_quads=10_000)
    assert streamed == whole and [v.focus for v in streamed] == [ID + "incident/one"]


def test_a_mention_that_misquotes_its_document_is_caught_in_its_batch(two_documents):
    doc = node("doc/second")
    mention = node("doc/second#char=0,4")
    two_documents.extend(
        ox.Quad(mention, p, o, doc)
        for p, o in [
            (RDF_TYPE, kg("Mention")),
            (ox.NamedNode(NIF + "referenceContext"), doc),
            (ox.NamedNode(NIF + "anchorOf"), ox.Literal("Vel!")),
            (
                ox.NamedNode(NIF + "beginIndex"),
                ox.Literal("0", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")),
            ),
            (
                ox.NamedNode(NIF + "endIndex"),
                ox.Literal("4", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")),
            ),
        ]
    )
    streamed, whole = both(two_documents)
    assert streamed == whole and any("does not match the document text" in v.message for v in streamed)


def test_the_built_samples_validate_the_same_both_ways(seed_build):
    out, _ = seed_build
    streamed = validate(out / "store")
    whole = validate_graph(union_graph(out / "store"))
    assert streamed.conforms and whole.conforms and streamed.graphs >= 2


def test_only_the_documents_named_are_checked(two_documents):
    """What ``kg build --validate`` asks: the graphs it wrote, the entities they name, the corpus graph."""
    two_documents.add(ox.Quad(node("doc/first"), kg("sha256"), ox.Literal("short"), node("doc/first")))
    everything = validate_store(two_documents)
    assert {v.focus for v in everything.violations} == {ID + "doc/first"}
    assert validate_store(two_documents, documents=[ID + "doc/second"]).conforms
    assert not validate_store(two_documents, documents=[ID + "doc/first"]).conforms


def test_a_node_two_documents_state_differently_is_caught_in_either_batch(two_documents):
    """A role node is stated by each document that names it; two titles for one role break
    sh:maxCount only when both documents are seen together."""
    role = node("role/orin-talbek-minister")
    for doc, title in (("first", "Minister"), ("second", "Chief Minister")):
        graph = node(f"doc/{doc}")
        two_documents.extend(
            ox.Quad(s, p, o, graph)
            for s, p, o in [
                (role, RDF_TYPE, kg("Role")),
                (role, LABEL, ox.Literal(title)),
                (role, kg("roleOf"), node("country/VLM")),
                (node("person/orin-talbek"), RDF_TYPE, kg("Person")),
                (node("person/orin-talbek"), kg("holdsRole"), role),
            ]
        )
    streamed, whole = both(two_documents)
    assert streamed == whole and {v.focus for v in streamed} == {ID + "role/orin-talbek-minister"}


def misquote(store: ox.Store, doc_name: str, anchor: str, begin: int, end: int) -> None:
    doc = node(f"doc/{doc_name}")
    mention = node(f"doc/{doc_name}#char={begin},{end}")
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    store.extend(
        ox.Quad(mention, p, o, doc)
        for p, o in [
            (RDF_TYPE, kg("Mention")),
            (ox.NamedNode(NIF + "referenceContext"), doc),
            (ox.NamedNode(NIF + "anchorOf"), ox.Literal(anchor)),
            (ox.NamedNode(NIF + "beginIndex"), ox.Literal(str(begin), datatype=integer)),
            (ox.NamedNode(NIF + "endIndex"), ox.Literal(str(end), datatype=integer)),
        ]
    )


def test_sparql_constraints_run_in_the_store_and_report_as_pyshacl_does(two_documents):
    """The mention-offset check runs once in Oxigraph; its violations (focus, value, message with the
    variables filled in) are those pySHACL gives on the whole union, and it is no longer in the shapes
    the engine runs per piece."""
    from rdflib import Graph
    from rdflib.namespace import SH

    from kg.store import sparql_constraints
    from kg.store.validate import SHAPES

    misquote(two_documents, "first", "Velmora", 0, 7)  # right
    misquote(two_documents, "first", "said!", 8, 12)  # wrong text
    misquote(two_documents, "second", "Velmora again", 0, 9)  # wrong end
    streamed, whole = both(two_documents)
    assert streamed == whole
    offsets = sorted((v.focus, v.message) for v in streamed if "does not match" in v.message)
    assert [focus.rsplit("/", 1)[-1] for focus, _ in offsets] == ["first", "second"]
    assert "nif:anchorOf said! of " + ID + "doc/first#char=8,12" in offsets[0][1]
    assert offsets[0][1].endswith("which reads said.")
    found, rest = sparql_constraints.split(Graph().parse(SHAPES))
    assert [c.shape.rsplit("#", 1)[-1] for c in found] == ["DocumentTextShape"]
    assert not list(rest.triples((None, SH.sparql, None)))


def test_only_the_documents_named_have_their_offsets_checked(two_documents):
    misquote(two_documents, "first", "said!", 8, 12)
    assert not validate_store(two_documents, documents=[ID + "doc/first"]).conforms
    assert validate_store(two_documents, documents=[ID + "doc/second"]).conforms


def test_an_engine_not_installed_or_unknown_is_named():
    import importlib.util

    if importlib.util.find_spec("pyshacl_turbo") is None:
        with pytest.raises(ValueError, match="pip install pyshacl-turbo"):
            validate_store(ox.Store(), engine="pyshacl-turbo")
    with pytest.raises(ValueError, match="unknown SHACL engine"):
        validate_store(ox.Store(), engine="topbraid")


def test_batches_checked_in_processes_find_the_same(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    for n in range(5):
        document(store, f"d{n}", "Velmora said.", {"country/VLM": "Country", f"person/orin-{n}": "Person"})
    misquote(store, "d3", "said!", 8, 12)
    store.add(ox.Quad(node("doc/d1"), kg("sha256"), ox.Literal("short"), node("doc/d1")))
    store.flush()
    serial = validate_store(store, batch_quads=10)
    parallel = validate_store(store, batch_quads=10, jobs=2, path=tmp_path / "store")
    assert parallel.violations == serial.violations
    assert sorted(v.focus.rsplit("/", 1)[-1] for v in serial.violations) == ["d1", "d1", "d3"]
    assert parallel.graphs > 2  # batches cut by the average size of a document, so not the same count
    named = validate_store(store, batch_quads=10, jobs=2, path=tmp_path / "store", documents=[ID + "doc/d3"])
    assert [v.focus for v in named.violations] == [ID + "doc/d3"]
