"""IRI minting and the mapping of an extraction to triples."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kg.model import Argument, DocExtraction, Document, Entity, Event, Mention, Span
from kg.rdf.iri import country_iri, document_iri, entity_iri, mint
from kg.rdf.mapping import document_quads
from kg.rdf.namespaces import ITSRDF, KG, NIF
from kg.store.terms import to_rdflib

HOSTILE = [
    'The "Red" Brigade',
    "a <b> c",
    "semi;colon } { # ? / \\",
    "Ñandú Ágil",
    "القاعدة في جزيرة العرب",
    "Боко Харам",
    "中国共产党",
    "   ",
    "x" * 500,
    "a_b",
    "a b",
    "tab\tnew\nline",
    "emoji 🚀 zero\u200bwidth",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_minted_iris_are_valid_everywhere(name):
    iri = mint("organization", name)
    assert iri == mint("organization", name)  # deterministic
    triple = f"<{iri}> <http://x/p> <http://x/o> .\n"
    assert len(Graph().parse(data=triple, format="nt")) == 1
    store = ox.Store()
    store.load(triple.encode(), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == 1
    assert len(iri) < 200


def test_distinct_names_never_share_an_iri():
    iris = {mint("organization", name) for name in HOSTILE}
    assert len(iris) == len(HOSTILE)
    assert mint("organization", "a_b") != mint("organization", "a b")
    assert mint("person", "Juma  Inad") == mint("person", "juma inad")


def small_extraction(doc_id: str, text: str) -> DocExtraction:
    start = text.index("Juma Inad")
    kabul = text.index("Kabul")
    met = text.index("met")
    doc = Document.from_text(text, id=doc_id, title="A <title>", published="2025-06-03")
    return DocExtraction(
        doc=doc,
        model="test",
        entities=[
            Entity("e0", "Person", "Juma Inad"),
            Entity("e1", "Place", "Kabul", geonames_id=1138958, country_iso3="AFG"),
        ],
        mentions=[
            Mention(Span(start, start + 9, "Juma Inad"), "e0", "PERSON"),
            Mention(Span(kabul, kabul + 5, "Kabul"), "e1", "GPE"),
        ],
        events=[
            Event(
                "Meeting",
                [Span(met, met + 3, "met")],
                Span(0, len(text), text),
                [Argument("agent", Span(start, start + 9, "Juma Inad"), "e0")],
                time="2025-06",
                time_text="in June 2025",
                confidence=0.8,
            )
        ],
    )


def as_graph(quads: list[ox.Quad]) -> Graph:
    graph = Graph()
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    assert len(graph) == len(quads)  # the mapping writes each triple once
    assert len({q.graph_name for q in quads}) == 1
    return graph


def test_mapping_writes_the_vocabulary():
    text = "In June 2025, Juma Inad met envoys in Kabul."
    graph_iri, triples = document_quads(small_extraction("doc one", text))
    g = as_graph(triples)
    assert graph_iri.value == "https://w3id.org/newskg/id/doc/doc_one"
    person = mint("person", "Juma Inad")
    assert (person, RDF.type, KG.Person) in g
    [mention] = list(g.subjects(ITSRDF.taIdentRef, person))
    assert str(mention) == f"{graph_iri.value}#char=14,23"
    assert g.value(mention, NIF.beginIndex) == Literal(14, datatype=XSD.nonNegativeInteger)
    [event] = list(g.subjects(RDF.type, KG.Meeting))
    assert (event, RDF.type, KG.Event) in g and (event, KG.agent, person) in g
    assert g.value(event, KG.time) == Literal("2025-06", datatype=XSD.gYearMonth)
    assert g.value(event, KG.confidence).datatype == XSD.decimal
    place = g.value(None, KG.locatedIn)
    assert place is None or str(place).startswith("https://w3id.org/newskg/id/")
    kabul = next(g.subjects(RDF.type, KG.Place))
    assert (kabul, KG.country, URIRef("https://w3id.org/newskg/id/country/AFG")) in g
    assert URIRef("https://sws.geonames.org/1138958/") in set(g.objects(kabul, None))


def test_mapping_writes_the_linked_country_from_the_record_only():
    """Mapping only maps: the linked country's name and GeoNames id come from the resolved record,
    never from a gazetteer lookup of its own."""
    text = "In June 2025, Juma Inad met envoys in Kabul."
    x = small_extraction("d", text)
    afg = URIRef("https://w3id.org/newskg/id/country/AFG")
    g = as_graph(document_quads(x)[1])  # not resolved: the code alone
    assert (afg, RDF.type, KG.Country) in g and g.value(afg, KG.isoCode) == Literal("AFG")
    assert g.value(afg, KG.nameInDocument) is None and g.value(afg, OWL.sameAs) is None
    x.entities[1].country_name, x.entities[1].country_geonames_id = "Afghanistan (as resolved)", 1149361
    g = as_graph(document_quads(x)[1])
    assert g.value(afg, KG.nameInDocument) == Literal("Afghanistan (as resolved)")
    assert g.value(afg, OWL.sameAs) == URIRef("https://sws.geonames.org/1149361/")


def test_document_and_country_iris_are_minted_once():
    assert document_iri("doc one") == mint("doc", "doc one", casefold=False)
    assert str(document_iri("doc one")) == "https://w3id.org/newskg/id/doc/doc_one"
    assert country_iri("AFG") == entity_iri(Entity("e0", "Country", "Afghanistan", iso3="AFG"))
    assert str(country_iri("AFG", base="http://example.org/")) == "http://example.org/country/AFG"


def test_same_entity_same_iri_across_documents():
    _, a = document_quads(small_extraction("a", "Juma Inad met them in Kabul."))
    _, b = document_quads(small_extraction("b", "Later Juma Inad met others in Kabul."))
    people = set(as_graph(a).subjects(RDF.type, KG.Person)) | set(as_graph(b).subjects(RDF.type, KG.Person))
    assert people == {mint("person", "Juma Inad")}


def test_relations_carry_their_evidence():
    from rdflib.namespace import PROV

    from kg.model import Relation

    text = "Kirkuk, a city in Iraq, was calm."
    x = DocExtraction(
        Document.from_text(text, id="r"),
        model="m",
        entities=[Entity("e0", "Place", "Kirkuk"), Entity("e1", "Country", "Iraq", iso3="IRQ")],
        relations=[Relation("e0", "locatedIn", "e1", Span(0, len(text), text), 0.7)],
    )
    graph_iri, triples = document_quads(x)
    g = as_graph(triples)
    kirkuk, iraq = mint("place", "Kirkuk"), mint("country", "IRQ", casefold=False)
    assert (kirkuk, KG.locatedIn, iraq) in g
    [statement] = list(g.subjects(RDF.type, RDF.Statement))
    assert (statement, RDF.subject, kirkuk) in g and (statement, RDF.object, iraq) in g
    assert (statement, RDF.predicate, KG.locatedIn) in g
    assert str(g.value(g.value(statement, KG.evidence), NIF.anchorOf)) == text
    assert str(g.value(statement, KG.confidence)) == "0.7"
    assert (statement, PROV.wasDerivedFrom, URIRef(graph_iri.value)) in g
