"""The embedded store over time: incremental builds, atomic replacement, removal, exports, loading, rdflib access."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from pyld import jsonld
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

import kg as newskg
from kg.build import build
from kg.rdf.namespaces import ITSRDF, KG
from kg.store.embedded import EmbeddedStore
from kg.store.load import load_into_store
from kg.store.validate import SHAPES

from .conftest import SAMPLES, shared_data
from .test_cli import kg

ID = "https://w3id.org/newskg/id/"
CORPUS = ID + "graph/corpus"
MOSUL = SAMPLES / "mosul-market-bombing.txt"
KADUNA = SAMPLES / "kaduna-school-kidnapping.txt"
RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig"}


def quads(store_dir: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(store_dir))}


def quads_by_graph(store_dir: Path) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for q in ox.Store.read_only(str(store_dir)):
        graphs.setdefault(q.graph_name.value, set()).add(str(q.triple))
    return graphs


@pytest.fixture(scope="module")
def small_build(tmp_path_factory) -> Path:
    """Two sample articles built once."""
    out = tmp_path_factory.mktemp("small")
    build([str(MOSUL), str(KADUNA)], out)
    return out


def test_incremental_build_equals_building_at_once(small_build, tmp_path):
    kg("build", str(MOSUL), "--out", str(tmp_path / "day1"), "--store", str(tmp_path / "kept"))
    second = kg("build", str(MOSUL), str(KADUNA), "--out", str(tmp_path / "day2"), "--store", str(tmp_path / "kept"))
    assert "Built 1 document(s), 1 unchanged" in second.stdout
    # No blank nodes anywhere, so equal quad sets are isomorphic datasets.
    assert quads(tmp_path / "kept") == quads(small_build / "store")
    assert not any(q.startswith("_:") for q in quads(tmp_path / "kept"))


def test_changing_one_document_changes_only_its_graph_and_its_entities(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    shutil.copy(MOSUL, articles)
    shutil.copy(KADUNA, articles)
    build([str(articles)], tmp_path / "out")
    before = quads_by_graph(tmp_path / "out" / "store")
    changed = articles / KADUNA.name
    changed.write_text(changed.read_text() + "\nPolice in Abuja arrested a man named Tunde Bakare on Friday.\n")
    summary = build([str(articles)], tmp_path / "out")
    assert (summary.documents_built, summary.documents_unchanged) == (1, 1)
    after = quads_by_graph(tmp_path / "out" / "store")
    kaduna, mosul = ID + "doc/kaduna-school-kidnapping", ID + "doc/mosul-market-bombing"
    assert set(before) == set(after)
    assert after[mosul] == before[mosul] and after[kaduna] != before[kaduna]
    assert all(after[g] == before[g] for g in before if g not in (kaduna, CORPUS))
    # Corpus facts changed only for entities the old or the new version of the document names.
    old_names, new_names = (
        {t.split(" ", 1)[0] for t in triples if f"<{KG.nameInDocument}>" in t}
        for triples in (before[kaduna], after[kaduna])
    )
    touched = {t.split(" ", 1)[0] for t in before[CORPUS] ^ after[CORPUS]}
    # Incidents (kg.incidents) change only for the changed document's events and their incidents.
    incident_layer = {s for s in touched if s.startswith((f"<{ID}incident/", f"<{ID}event/kaduna-school-kidnapping_"))}
    touched -= incident_layer
    assert touched <= old_names | new_names
    assert new_names - old_names and new_names - old_names <= touched  # the new entities got their labels


class FailingUpdates:
    """An Oxigraph store whose SPARQL updates fail, as if the process died right before one."""

    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def update(self, *args, **kwargs):
        raise KeyboardInterrupt


def test_a_replacement_stopped_midway_leaves_the_old_graph(tmp_path):
    graph = URIRef(ID + "doc/d1")
    old = [(graph, KG.sha256, Literal("old")), (graph, RDFS.label, Literal("old title"))]
    store = EmbeddedStore(tmp_path)
    store.replace_graph(graph, old)
    store.ox = FailingUpdates(store.ox)
    with pytest.raises(KeyboardInterrupt):
        store.replace_graph(graph, [(graph, KG.sha256, Literal("new"))])
    store = store.ox._inner
    del store
    reopened = EmbeddedStore(tmp_path)  # the staging graph left behind goes at once
    assert [g.value for g in reopened.ox.named_graphs()] == [str(graph)]
    assert reopened.document_sha256(graph) == "old" and len(reopened) == 2

    def broken_triples():
        yield (graph, KG.sha256, Literal("newer"))
        raise OSError("the extraction died")

    with pytest.raises(OSError):
        reopened.replace_graph(graph, broken_triples())
    assert reopened.document_sha256(graph) == "old" and len(reopened) == 2


def documents_so_far(store_dir: Path) -> int:
    try:  # a read-only view works beside the writing process
        return sum(1 for g in ox.Store.read_only(str(store_dir)).named_graphs() if g.value.startswith(ID + "doc/"))
    except (OSError, RuntimeError):  # not created yet
        return 0


def test_ctrl_c_during_a_build_then_a_rerun_ends_equal(tmp_path):
    # Enough documents after the first that the build is still extracting when the test sees
    # the first one stored (a read-only view of the store opens only between the writer's steps).
    more = tmp_path / "more.jsonl"
    wire = [json.loads(line) for line in (SAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    more.write_text(
        "".join(json.dumps({**r, "id": f"{r['id']}-{n}"}) + "\n" for n in range(12) for r in wire), encoding="utf-8"
    )
    sources = [str(shared_data("seed", "iraq-defense-minister.txt")), str(SAMPLES), str(more)]
    reference = tmp_path / "reference"
    kg("build", *sources, "--out", str(reference))
    out = tmp_path / "interrupted"
    # One document per batch, so the others are still being extracted when the first is stored.
    command = [sys.executable, "-m", "kg", "build", *sources, "--out", str(out), "--batch-size", "1"]
    command += ["--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while documents_so_far(out / "store") < 1 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) != 0, "the build ended before it could be interrupted"
    assert documents_so_far(out / "store") >= 1  # what was extracted before Ctrl-C is kept
    assert CORPUS not in quads_by_graph(out / "store")  # stopped midway: no corpus facts yet
    kg("build", *sources, "--out", str(out))
    assert quads(out / "store") == quads(reference / "store")


def test_remove_documents_equals_never_having_built_them(small_build, tmp_path):
    shutil.copytree(small_build, tmp_path / "both")
    result = kg("remove", "kaduna-school-kidnapping", "no-such-doc", "--store", str(tmp_path / "both" / "store"))
    assert "Removed 1 document(s)" in result.stdout and "not in the store: no-such-doc" in result.stdout
    build([str(MOSUL)], tmp_path / "one")
    assert quads(tmp_path / "both" / "store") == quads(tmp_path / "one" / "store")
    on_disk = ox.parse(path=str(tmp_path / "both" / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert {str(q) for q in on_disk} == quads(tmp_path / "one" / "store")  # the build's files follow
    none = kg("remove", "no-such-doc", "--store", str(tmp_path / "both" / "store"), check=False)
    assert none.returncode == 1


def rapper(path: Path, syntax: str) -> int:
    result = subprocess.run(["rapper", "-c", "-i", syntax, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower() and "error" not in result.stderr.lower(), result.stderr
    return int(result.stderr.rsplit("returned", 1)[1].split()[0])


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig"])
def test_exports_parse_in_rdflib_oxigraph_and_rapper(seed_build, tmp_path, fmt):
    out, _ = seed_build
    path = tmp_path / f"export.{fmt}"
    kg("export", str(out / "store"), "--format", fmt, "--out", str(path))
    store = ox.Store.read_only(str(out / "store"))
    expected = {str(q) for q in store} if fmt in ("nq", "trig") else {str(q.triple) for q in store}
    parsed = ox.Store()
    parsed.load(path=str(path), format={"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                                       "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt])  # fmt: skip
    got = {str(q) if fmt in ("nq", "trig") else str(q.triple) for q in parsed}
    assert got == expected
    rdflib_data = Dataset()
    rdflib_data.parse(path, format={"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig"}[fmt])
    assert len(set(rdflib_data.quads())) == len(expected)
    assert rapper(path, RAPPER_SYNTAX[fmt]) == len(expected)


def test_jsonld_export_uses_the_context_and_round_trips(seed_build, tmp_path):
    out, _ = seed_build
    path = tmp_path / "export.jsonld"
    kg("export", str(out / "store"), "--format", "jsonld", "--out", str(path))
    document = json.loads(path.read_text())
    published = json.loads((Path(__file__).resolve().parents[1] / "ontology" / "context.jsonld").read_text())
    assert document["@context"] == published["@context"]
    assert any("mentionCount" in node for graph in document["@graph"] for node in graph.get("@graph", [graph]))
    expected = {str(q) for q in ox.Store.read_only(str(out / "store"))}
    through_pyld = ox.Store()
    through_pyld.load(input=jsonld.to_rdf(document, {"format": "application/n-quads"}).encode(),
                      format=ox.RdfFormat.N_QUADS)  # fmt: skip
    assert {str(q) for q in through_pyld} == expected
    through_rdflib = Dataset()
    through_rdflib.parse(path, format="json-ld")
    assert len(set(through_rdflib.quads())) == len(expected)
    through_oxigraph = ox.Store()
    through_oxigraph.load(path=str(path), format=ox.RdfFormat.JSON_LD)
    assert {str(q) for q in through_oxigraph} == expected


def test_export_one_graph(seed_build, tmp_path):
    out, _ = seed_build
    doc = ID + "doc/mosul-market-bombing"
    nq = kg("export", str(out / "store"), "--format", "nq", "--graph", doc).stdout
    graphs = {q.graph_name.value for q in ox.parse(nq.encode(), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {doc}
    ttl = Graph().parse(data=kg("export", str(out / "store"), "--format", "ttl", "--graph", doc).stdout)
    assert len(ttl) == len(quads_by_graph(out / "store")[doc])
    missing = kg("export", str(out / "store"), "--graph", ID + "doc/nope", check=False)
    assert missing.returncode == 2 and "no graph" in missing.stderr


def test_load_into_embedded_stores(small_build, tmp_path):
    nq = small_build / "graph.nq"
    fresh = kg("load", str(nq), "--store", str(tmp_path / "fresh"))
    assert "bulk loader" in fresh.stdout
    assert quads(tmp_path / "fresh" / "") == quads(small_build / "store")
    build([str(MOSUL)], tmp_path / "grown")
    grown = kg("load", str(nq), "--store", str(tmp_path / "grown" / "store"))
    assert "one transaction per graph" in grown.stdout
    assert quads(tmp_path / "grown" / "store") == quads(small_build / "store")
    broken = tmp_path / "broken.nq"
    broken.write_text(nq.read_text()[:5000] + "\n<oops")
    failed = kg("load", str(broken), "--store", str(tmp_path / "grown" / "store"), check=False)
    assert failed.returncode == 2 and "broken.nq" in failed.stderr
    assert quads(tmp_path / "grown" / "store") == quads(small_build / "store")  # nothing lost


def test_open_graph_serves_rdflib_and_pyshacl(small_build, tmp_path):
    store = small_build / "store"
    graph = newskg.open_graph(store)  # the public API
    union = Graph().parse(small_build / "graph.ttl")
    assert len(graph) == len(union) == len(set(graph))
    assert set(graph) == set(union)
    inad = list(graph.query("SELECT DISTINCT ?e WHERE { ?e a kg:Country ; kg:isoCode 'IRQ' }"))
    assert [str(row.e) for row in inad] == [ID + "country/IRQ"]
    shapes = Graph().parse(SHAPES)
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=shapes, advanced=True)
    assert conforms
    # A second label in a copy of the store: pySHACL sees it through the same API.
    shutil.copytree(store, tmp_path / "store")
    writable = EmbeddedStore(tmp_path / "store")
    writable.replace_graph(URIRef(ID + "doc/extra"), [(URIRef(ID + "country/IRQ"), RDFS.label, Literal("Irak"))])
    del writable
    conforms, report, _ = pyshacl.validate(newskg.open_graph(tmp_path / "store"), shacl_graph=shapes, advanced=True)
    assert not conforms and (None, None, URIRef(ID + "country/IRQ")) in report
    dataset = newskg.open_dataset(store)
    mosul = dataset.get_graph(URIRef(ID + "doc/mosul-market-bombing"))
    assert len(mosul) == len(quads_by_graph(store)[ID + "doc/mosul-market-bombing"])
    assert any(True for _ in mosul.triples((None, ITSRDF.taIdentRef, None)))


def test_staging_never_shows(small_build):
    assert not any("graph/staging" in g for g in quads_by_graph(small_build / "store"))
    assert os.path.isdir(small_build / "store")


def test_union_is_each_triple_once_both_ways(seed_build, monkeypatch):
    from kg.store import union

    store = ox.Store.read_only(str(seed_build[0] / "store"))
    expected = {q.triple for q in store}
    assert len(expected) < len(store)  # some facts are stated by several documents
    by_construct = list(union.union_triples(store))
    monkeypatch.setattr(union, "EXACT_CONSTRUCT_QUADS", 0)  # as for a store too large for CONSTRUCT
    by_lookup = list(union.union_triples(store))
    for triples in (by_construct, by_lookup):
        assert len(triples) == len(set(triples)) and set(triples) == expected


class FailingBulkLoads:
    """An Oxigraph store whose bulk loader dies after writing part of what it was given."""

    def __init__(self, inner: ox.Store):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def bulk_extend(self, quads):
        quads = list(quads)
        self._inner.bulk_extend(quads[: len(quads) // 2])
        raise KeyboardInterrupt


def bulk_graphs(n: int) -> dict[ox.NamedNode, list[ox.Quad]]:
    p = ox.NamedNode(str(RDFS.label))
    graphs = [ox.NamedNode(f"{ID}doc/bulk{i}") for i in range(n)]
    return {g: [ox.Quad(g, p, ox.Literal(f"label {j}"), g) for j in range(10)] for g in graphs}


def test_a_bulk_batch_stopped_midway_leaves_no_part_of_it(tmp_path):
    from kg.store.embedded import GraphWriter

    store = EmbeddedStore(tmp_path)
    kept = URIRef(ID + "doc/kept")
    store.replace_graph(kept, [(kept, KG.sha256, Literal("kept"))])
    store.ox = FailingBulkLoads(store.ox)
    with pytest.raises(KeyboardInterrupt), GraphWriter(store) as writer:
        for graph, quads in bulk_graphs(4).items():
            writer.write(graph, quads)
    assert [g.value for g in store.ox.named_graphs()] == [str(kept)] and len(store.ox._inner) == 1
    # A process killed outright never reaches the clean-up: the next opening does it.
    store = EmbeddedStore(tmp_path / "killed")
    batch = bulk_graphs(3)
    store.ox.extend([ox.Quad(g, ox.NamedNode(str(RDFS.label)), ox.Literal("x"), store._staging("bulk")) for g in batch])
    store.ox.bulk_extend(q for quads in batch.values() for q in quads[:5])
    kept_node = ox.NamedNode(str(kept))
    store.ox.extend([ox.Quad(kept_node, KG_SHA256, ox.Literal("kept"), kept_node)])
    assert len(store) == 1 + 3 + 15
    del store
    reopened = EmbeddedStore(tmp_path / "killed")
    assert [g.value for g in reopened.ox.named_graphs()] == [str(kept)] and len(reopened) == 1


KG_SHA256 = ox.NamedNode(str(KG.sha256))


def test_bulk_written_documents_equal_transactional_ones(tmp_path):
    from kg.store.embedded import GraphWriter

    bulk, single = EmbeddedStore(tmp_path / "bulk"), EmbeddedStore(tmp_path / "single")
    graphs = bulk_graphs(25)
    with GraphWriter(bulk, batch_quads=60) as writer:  # several batches and a remainder
        for graph, quads in graphs.items():
            writer.write(graph, quads)
    for graph, quads in graphs.items():
        single.replace_graph_quads(graph, quads)
    assert set(bulk.ox) == set(single.ox) and len(bulk) == 250
    assert not any("staging" in g.value for g in bulk.ox.named_graphs())


def test_in_country_is_each_entity_country_stated_once(seed_build, tmp_path):
    out, _ = seed_build
    store = ox.Store.read_only(str(out / "store"))
    corpus, in_country = ox.NamedNode(CORPUS), ox.NamedNode(str(KG.inCountry))
    expected: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(KG.country)), None, None):
        expected.setdefault(quad.subject.value, set()).add(quad.object.value)
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Country)), None):
        expected.setdefault(quad.subject.value, set()).add(quad.subject.value)  # a country counts under itself
    stated = [q for q in store.quads_for_pattern(None, in_country, None, None)]
    assert {q.graph_name.value for q in stated} == {CORPUS} and len(stated) == len(set(stated))
    got: dict[str, set[str]] = {}
    for quad in stated:
        got.setdefault(quad.subject.value, set()).add(quad.object.value)
    assert got == expected and any(len(c) == 1 and e not in c for e, c in got.items())
    # An export made before kg:inCountry existed: loading it recomputes the corpus facts.
    old = tmp_path / "old.nq"
    old.write_text("".join(line for line in (out / "graph.nq").open() if "#inCountry>" not in line))
    load_into_store(old, tmp_path / "loaded")
    loaded = ox.Store.read_only(str(tmp_path / "loaded"))
    assert {str(q) for q in loaded.quads_for_pattern(None, in_country, None, corpus)} == {str(q) for q in stated}
