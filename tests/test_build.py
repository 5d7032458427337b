"""The whole pipeline on real data: the seed article and the bundled samples."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.build import build
from kg.rdf.namespaces import ITSRDF, KG, NIF
from kg.store.validate import validate

from .conftest import SAMPLES, shared_data

BASE = "https://w3id.org/newskg/id/"
SEED_DOC = URIRef(BASE + "doc/iraq-defense-minister")


@pytest.fixture(scope="module")
def seed_graph(seed_build) -> Graph:
    out, _ = seed_build
    return Graph().parse(out / "graph.ttl")


def entity(graph: Graph, label: str) -> URIRef:
    [node] = list(graph.subjects(RDFS.label, Literal(label)))
    return node


def test_seed_entities(seed_graph):
    g = seed_graph
    inad = entity(g, "Juma Inad")
    assert (inad, RDF.type, KG.Person) in g
    seed_mentions = {m for m in g.subjects(ITSRDF.taIdentRef, inad) if (m, NIF.referenceContext, SEED_DOC) in g}
    assert {str(g.value(m, NIF.anchorOf)) for m in seed_mentions} == {"Juma Inad", "Inad"}
    assert len(seed_mentions) >= 2
    for label, iso in (("Iraq", "IRQ"), ("Afghanistan", "AFG"), ("United States", "USA")):
        node = entity(g, label)
        assert (node, RDF.type, KG.Country) in g and str(g.value(node, KG.isoCode)) == iso
    for demonym, country in (("Iraqi", "Iraq"), ("Afghan", "Afghanistan")):
        anchors = {
            str(g.value(m, NIF.anchorOf))
            for m in g.subjects(ITSRDF.taIdentRef, entity(g, country))
            if (m, NIF.referenceContext, SEED_DOC) in g
        }
        assert demonym in anchors
    for label in ("ISIS", "Taliban"):
        assert (entity(g, label), RDF.type, KG.Organization) in g
    for label in ("Kabul", "Diyala", "Kirkuk"):
        assert (entity(g, label), RDF.type, KG.Place) in g


def seed_events(g: Graph, kind) -> list[URIRef]:
    from rdflib.namespace import PROV

    return [e for e in g.subjects(RDF.type, kind) if (e, PROV.wasDerivedFrom, SEED_DOC) in g]


def test_seed_events_with_evidence(seed_graph):
    g = seed_graph
    for kind, trigger in ((KG.Meeting, "met"), (KG.Attack, "attacks"), (KG.Kidnapping, "kidnappings")):
        events = seed_events(g, kind)
        triggers = {str(g.value(t, NIF.anchorOf)) for e in events for t in g.objects(e, KG.trigger)}
        assert trigger in triggers, (kind, triggers)
        for event in events:
            sentence = g.value(event, KG.evidence)
            assert str(g.value(event, KG.trigger)).startswith(str(SEED_DOC) + "#char=")
            assert g.value(sentence, NIF.anchorOf) is not None
    [met] = [
        e
        for e in seed_events(g, KG.Meeting)
        if "met" in {str(g.value(t, NIF.anchorOf)) for t in g.objects(e, KG.trigger)}
    ]
    assert (met, KG.agent, entity(g, "Juma Inad")) in g


def test_every_anchor_matches_the_text(seed_graph):
    g = seed_graph
    texts = {doc: str(text) for doc, text in g.subject_objects(NIF.isString)}
    anchored = list(g.subject_objects(NIF.anchorOf))
    assert len(anchored) > 100
    for node, anchor in anchored:
        doc = g.value(node, NIF.referenceContext)
        begin, end = int(g.value(node, NIF.beginIndex)), int(g.value(node, NIF.endIndex))
        assert texts[doc][begin:end] == str(anchor)


def test_files_parse_back_to_the_same_counts(seed_build):
    out, _ = seed_build
    ttl_rdflib = len(Graph().parse(out / "graph.ttl"))
    ttl_ox = ox.Store()
    ttl_ox.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert ttl_rdflib == len(ttl_ox) > 1000
    nq_rdflib = Dataset()
    nq_rdflib.parse(out / "graph.nq", format="nquads")
    nq_ox = ox.Store()
    nq_ox.load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(list(nq_rdflib.quads())) == len(nq_ox)
    graphs = {g.value for g in nq_ox.named_graphs()}
    assert BASE + "doc/iraq-defense-minister" in graphs and BASE + "graph/corpus" in graphs
    assert len(graphs) == 9  # 8 documents (the jsonl holds two) + the corpus facts


def test_files_hold_what_the_store_holds(seed_build, tmp_path):
    """graph.nq is the store's quads and graph.ttl the union of its graphs, each triple once, as a build
    writes them and as export_all writes them again from the store."""
    from kg.store.export import export_all

    out, _ = seed_build
    store = ox.Store.read_only(str(out / "store"))
    stored = {str(quad) for quad in store}
    union = {str(t) for t in store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)}
    again = export_all(store, {"nq": tmp_path / "graph.nq", "ttl": tmp_path / "graph.ttl"})
    for files in ({"nq": out / "graph.nq", "ttl": out / "graph.ttl"}, again):
        quads = [str(q) for q in ox.parse(path=files["nq"], format=ox.RdfFormat.N_QUADS)]
        triples = [str(t) for t in ox.parse(path=files["ttl"], format=ox.RdfFormat.TURTLE)]
        assert len(quads) == len(stored) and set(quads) == stored
        assert len(triples) == len(union) and set(triples) == union
    assert len(union) < len(stored)  # entities' triples are stated in several documents' graphs


def test_graph_conforms_to_shapes(seed_build):
    out, _ = seed_build
    report = validate(out / "store")
    assert report.conforms, report.by_message()


def test_summary_json(seed_build):
    out, summary = seed_build
    data = json.loads((out / "summary.json").read_text())
    assert data["documents_read"] == data["documents_built"] == 8
    assert data["skipped"] == []
    assert data["entities_by_type"]["Country"] >= 8
    assert {"Meeting", "Attack", "Kidnapping", "Killing"} <= set(data["events_by_type"])
    assert data["quads"] == data["triples"] == summary.quads > 1000


def quads(path) -> set:
    store = ox.Store.read_only(str(path))
    return {str(q) for q in store}


def test_rebuild_is_idempotent(tmp_path):
    seed = str(shared_data("seed", "iraq-defense-minister.txt"))
    first = build([seed, str(SAMPLES / "wire.jsonl")], tmp_path)
    before = quads(tmp_path / "store")
    second = build([seed, str(SAMPLES / "wire.jsonl")], tmp_path)
    assert second.documents_unchanged == 3 and second.documents_built == 0
    assert quads(tmp_path / "store") == before
    assert first.triples == second.triples == len(before)


def test_bad_inputs_do_not_stop_good_ones(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (bad / "latin1.txt").write_bytes("Bogotá".encode("latin-1"))
    (bad / "feed.jsonl").write_text('{"id": "ok", "text": "Police arrested two men in Nairobi."}\n{oops\n')
    (bad / "good.txt").write_text("Rebels seized Goma\n\nRebels seized the city of Goma on Monday.\n")
    summary = build([str(bad), str(tmp_path / "missing.txt")], tmp_path / "out")
    assert summary.documents_built == 2
    reasons = {item["source"].rsplit("/", 1)[-1]: item["reason"] for item in summary.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "feed.jsonl:2", "missing.txt"}
    assert "UTF-8" in reasons["latin1.txt"] and "binary" in reasons["binary.txt"]
    assert summary.skipped_by_kind() == {"empty": 1, "binary": 1, "encoding": 1, "malformed": 1, "missing": 1}


def test_documents_are_extracted_again_when_the_extractor_changes(tmp_path):
    from kg.rdf.mapping import document_iri
    from kg.store.embedded import EmbeddedStore

    (tmp_path / "a.txt").write_text("Rebels seized Goma\n\nRebels seized the city of Goma on Monday.\n")
    first = build([str(tmp_path / "a.txt")], tmp_path / "out")
    graph = document_iri("a")
    store = EmbeddedStore(tmp_path / "out" / "store")
    assert store.document_extractor(graph).startswith("newskg ") and "core_web_sm" in store.document_extractor(graph)
    # Pretend an older newskg extracted it: the next build must redo it, not skip it.
    store.ox.update(
        "DELETE { GRAPH ?g { ?g kg:extractedWith ?x } } INSERT { GRAPH ?g { ?g kg:extractedWith 'newskg 0.0.1' } }"
        " WHERE { GRAPH ?g { ?g kg:extractedWith ?x } }",
        prefixes={"kg": "https://w3id.org/newskg/ontology#"},
    )
    del store
    again = build([str(tmp_path / "a.txt")], tmp_path / "out")
    assert (first.documents_built, again.documents_built, again.documents_unchanged) == (1, 1, 0)
    assert build([str(tmp_path / "a.txt")], tmp_path / "out").documents_unchanged == 1
    assert build([str(tmp_path / "a.txt")], tmp_path / "out", force=True).documents_built == 1


def test_wikievents_dev_builds_into_a_conforming_graph(tmp_path):
    """Twenty real news articles: the whole graph passes the shapes (countries known only as a
    place's country included: they have a label but no mention count)."""
    summary = build([str(shared_data("wikievents", "dev.jsonl"))], tmp_path)
    assert summary.documents_built == 20 and not summary.skipped
    report = validate(tmp_path / "store")
    assert report.conforms, report.by_message()


def test_an_unexpected_error_in_one_document_costs_that_document_only(tmp_path, monkeypatch):
    import importlib

    build_module = importlib.import_module("kg.build")
    real = build_module.document_quads

    def failing_on_mosul(extraction, base):
        if extraction.doc.id == "mosul-market-bombing":
            raise RuntimeError("a bug met by one document")
        return real(extraction, base)

    monkeypatch.setattr(build_module, "document_quads", failing_on_mosul)
    summary = build_module.build([str(SAMPLES)], tmp_path, workers=1)
    [skipped] = summary.skipped
    assert skipped["kind"] == "internal" and skipped["source"].endswith("mosul-market-bombing.txt")
    assert "RuntimeError: a bug met by one document" in skipped["reason"]
    assert str(tmp_path / "errors.log") in skipped["reason"]
    log = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert "--- document mosul-market-bombing" in log and "Traceback" in log and "failing_on_mosul" in log
    assert summary.documents_built == 6  # the seven sample articles but one


def test_a_build_collects_less_often_and_restores_the_collector(tmp_path):
    import gc

    from kg.build import BUILD_GC_THRESHOLD

    (tmp_path / "a.txt").write_text("Talks in Lima\n\nThe envoy met the minister in Lima.", encoding="utf-8")
    before = gc.get_threshold()
    during = []
    summary = build(
        [str(tmp_path / "a.txt")], tmp_path / "out", on_document=lambda _: during.append(gc.get_threshold())
    )
    assert summary.documents_built == 1
    assert during == [BUILD_GC_THRESHOLD] and gc.get_threshold() == before != BUILD_GC_THRESHOLD
