"""Analysis reads scale with the answer: a role stated by every document is not joined document x document,
and each edge keeps only its latest evidence sentences (``--evidence N``)."""

import time
from datetime import date, timedelta

import pyoxigraph as ox
from typer.testing import CliRunner

from kg.analysis.projection import entity_graph
from kg.analysis.read import read_graph
from kg.cli import app

KG = "https://w3id.org/newskg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCT = "http://purl.org/dc/terms/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PERSON, COUNTRY, ROLE = "http://x/orlan", "http://x/veloria", "http://x/role/president"


def shared_role_store(documents: int) -> ox.Store:
    """``documents`` documents, each in its own graph, each saying that Orlan is President of Veloria."""
    store = ox.Store()
    quads = []
    for i in range(documents):
        doc = ox.NamedNode(f"http://x/doc/{i}")

        def add(s, p, o, doc=doc):
            quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, doc))

        span = f"{doc.value}#char=0,40"
        add(PERSON, RDF_TYPE, ox.NamedNode(KG + "Person"))
        add(COUNTRY, RDF_TYPE, ox.NamedNode(KG + "Country"))
        add(PERSON, KG + "holdsRole", ox.NamedNode(ROLE))
        add(ROLE, RDF_TYPE, ox.NamedNode(KG + "Role"))
        add(ROLE, RDFS_LABEL, ox.Literal("President"))
        add(ROLE, KG + "roleOf", ox.NamedNode(COUNTRY))
        add(ROLE, KG + "evidence", ox.NamedNode(span))
        add(span, NIF + "anchorOf", ox.Literal(f"President Orlan of Veloria spoke on day {i}."))
        add(span, NIF + "referenceContext", doc)
        add(doc.value, DCT + "title", ox.Literal(f"Article {i}"))
        issued = (date(2024, 1, 1) + timedelta(days=i)).isoformat()
        add(doc.value, DCT + "issued", ox.Literal(issued, datatype=ox.NamedNode(XSD_DATE)))
    corpus = ox.NamedNode("http://x/graph/corpus")
    quads.append(ox.Quad(ox.NamedNode(PERSON), ox.NamedNode(RDFS_LABEL), ox.Literal("Orlan"), corpus))
    quads.append(ox.Quad(ox.NamedNode(COUNTRY), ox.NamedNode(RDFS_LABEL), ox.Literal("Veloria"), corpus))
    store.extend(quads)
    return store


def test_a_role_of_every_document_is_read_in_time_linear_in_its_documents():
    store = shared_role_store(200)
    started = time.perf_counter()
    data = read_graph(store, evidence=2)
    seconds = time.perf_counter() - started
    key = (PERSON, "holdsRole", COUNTRY)
    assert len(data.relations[key]) == 200  # every stating document counts
    assert data.relation_sentences[key] == 200
    # the sentences of the two latest documents, newest first
    assert data.relation_evidence[key] == [
        ("President Orlan of Veloria spoke on day 199.", "Article 199", date(2024, 7, 18)),
        ("President Orlan of Veloria spoke on day 198.", "Article 198", date(2024, 7, 17)),
    ]
    edge = entity_graph(data, evidence=2).edges[PERSON, COUNTRY]
    assert edge["weight"] == 200 and edge["documents"] == 200 and edge["evidence_count"] == 200
    assert [s for s, _t in edge["evidence"]] == [e.sentence for e in data.relation_evidence[key]]
    assert data.entities[PERSON].roles == ["President, Veloria"]
    # The document x document join took minutes at this size; the aggregated read takes well under a second.
    assert seconds < 20


def test_path_prints_the_asked_number_of_latest_sentences(tmp_path):
    store_dir = tmp_path / "store"
    disk = ox.Store(str(store_dir))
    disk.extend(shared_role_store(12))
    disk.flush()
    del disk
    result = CliRunner().invoke(app, ["path", str(store_dir), "Orlan", "Veloria", "--evidence", "4"])
    assert result.exit_code == 0, result.output
    assert result.output.count("President Orlan of Veloria spoke") == 4
    refused = CliRunner().invoke(app, ["path", str(store_dir), "Orlan", "Veloria", "--evidence", "0"])
    assert refused.exit_code == 2
