"""Relation and role edges of the entity graph carry the sentences that state them."""

import pyoxigraph as ox

from kg.analysis.projection import entity_graph
from kg.analysis.read import read_graph

TTL = """
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix x: <http://x/> .
x:doc a kg:Document ; dcterms:title "A <b>title</b>" .
x:ali a kg:Person ; rdfs:label "Ali" ; kg:memberOf x:brigade ; kg:holdsRole x:role .
x:brigade a kg:Organization ; rdfs:label "Brigade" .
x:role a kg:Role ; rdfs:label "commander" ; kg:roleOf x:brigade ; kg:evidence x:s2 .
x:st a rdf:Statement ; rdf:subject x:ali ; rdf:predicate kg:memberOf ; rdf:object x:brigade ;
     kg:evidence x:s1 ; prov:wasDerivedFrom x:doc .
x:s1 a nif:Sentence ; nif:anchorOf "Ali, a member of the Brigade, spoke." ; nif:referenceContext x:doc .
x:s2 a nif:Sentence ; nif:anchorOf "Brigade commander Ali left." ; nif:referenceContext x:doc .
"""


def test_relation_and_role_sentences_reach_the_edge():
    store = ox.Store()
    store.load(input=TTL, format=ox.RdfFormat.TURTLE)
    data = read_graph(store)
    assert data.relation_evidence[("http://x/ali", "memberOf", "http://x/brigade")] == [
        ("Ali, a member of the Brigade, spoke.", "A <b>title</b>", None)
    ]
    edge = entity_graph(data).edges["http://x/ali", "http://x/brigade"]
    assert edge["relations"] == ["holdsRole", "memberOf"]
    assert edge["evidence"] == [
        ("Ali, a member of the Brigade, spoke.", "A <b>title</b>"),
        ("Brigade commander Ali left.", "A <b>title</b>"),
    ]
    assert edge["evidence_count"] == 2
