"""Unit tests of the resolve and store stages on small hand-made inputs."""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.model import Argument, DocExtraction, Document, Entity, Event, Span
from kg.resolve import resolve
from kg.store.corpus import refresh_corpus_facts
from kg.store.embedded import EmbeddedStore

P = URIRef("http://x/p")


def test_resolve_links_countries_and_places():
    x = DocExtraction(
        Document.from_text("Iraqi forces entered Kirkuk. Paris reacted.", id="d"),
        model="m",
        entities=[
            Entity("e0", "Country", "Iraqi", iso3="IRQ"),
            Entity("e1", "Place", "Kirkuk"),
            Entity("e2", "Place", "Paris"),
            Entity("e3", "Place", "Springfield"),
        ],
    )
    resolved = {e.key: e for e in resolve(x).entities}
    assert (resolved["e0"].name, resolved["e0"].aliases, resolved["e0"].geonames_id) == ("Iraq", ["Iraqi"], 99237)
    assert resolved["e1"].country_iso3 == "IRQ" and resolved["e1"].country == "e0"
    assert resolved["e1"].geonames_id == 94787
    assert resolved["e2"].country_iso3 == "FRA"  # by far the most populous Paris
    # Several Springfields, none prominent, in several countries: not linked.
    assert (resolved["e3"].geonames_id, resolved["e3"].country_iso3) == (None, None)
    # The linked country's name and GeoNames id ride in the record: mapping needs no gazetteer.
    assert (resolved["e2"].country_name, resolved["e2"].country_geonames_id) == ("France", 3017382)
    assert resolved["e0"].country_name is None  # a country is linked through its own code
    again = DocExtraction.from_dict(json.loads(json.dumps(resolve(x).to_dict())))
    assert {e.key: e for e in again.entities} == resolved  # still plain JSON records


def test_capitals_act_for_their_country_other_places_do_not_act():
    sentence = Span(0, 40, "Baghdad withdrew; Kirkuk attacked them.")
    x = DocExtraction(
        Document.from_text(sentence.text, id="d"),
        model="m",
        entities=[Entity("e0", "Place", "Baghdad"), Entity("e1", "Place", "Kirkuk")],
        events=[
            Event("Withdrawal", [Span(8, 16, "withdrew")], sentence, [Argument("agent", Span(0, 7, "Baghdad"), "e0")]),
            Event("Attack", [Span(25, 33, "attacked")], sentence, [Argument("agent", Span(18, 24, "Kirkuk"), "e1")]),
        ],
    )
    resolved = resolve(x)
    iraq = next(e for e in resolved.entities if e.type == "Country")
    assert iraq.iso3 == "IRQ"
    assert [a.entity for a in resolved.events[0].arguments] == [iraq.key]
    assert resolved.events[1].arguments == []


def test_replace_graph_is_exact_and_corpus_facts_follow(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    g1, g2 = URIRef("https://w3id.org/newskg/id/doc/a"), URIRef("https://w3id.org/newskg/id/doc/b")
    entity = URIRef("https://w3id.org/newskg/id/person/x")
    name = URIRef("https://w3id.org/newskg/ontology#nameInDocument")
    store.replace_graph(g1, [(entity, name, Literal("X Y")), (g1, P, Literal("old"))])
    store.replace_graph(g2, [(entity, name, Literal("X Y"))])
    store.replace_graph(g1, [(entity, name, Literal("Y")), (g1, P, Literal("new"))])
    in_g1 = {
        (q.predicate.value, q.object.value) for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g1))
    }
    assert in_g1 == {(str(name), "Y"), (str(P), "new")}
    refresh_corpus_facts(store)
    labels = [
        q.object.value
        for q in store.ox.quads_for_pattern(ox.NamedNode(entity), None, None, None)
        if q.predicate.value.endswith("#label")
    ]
    assert labels == ["X Y"]  # two documents say "X Y", one says "Y"
    assert store.remove_graph(g2) and not store.remove_graph(g2)
    refresh_corpus_facts(store)
    labels = [
        q.object.value
        for q in store.ox.quads_for_pattern(ox.NamedNode(entity), None, None, None)
        if q.predicate.value.endswith("#label")
    ]
    assert labels == ["Y"]  # only the document that says "Y" is left
    staging = [g.value for g in store.ox.named_graphs() if "staging" in g.value]
    assert staging == []
