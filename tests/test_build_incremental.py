"""An update costs what changed: graph.ttl/graph.nq are written for a new store or on request, and
``--validate`` checks what the run wrote."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox

import kg
from kg.build import build

FIRST = "Velmoran President Orin Talbek met Prime Minister Asha Doruk of Kestria in Pellaston on Monday.\n"
SECOND = "Gunmen attacked a police post in Corvado on Friday, killing two officers, the ministry said.\n"
DOC = "https://w3id.org/newskg/id/doc/"


def graphs_in(path) -> set[str]:
    return {q.graph_name.value for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}


def test_files_are_written_for_a_new_store_and_left_on_an_update(tmp_path):
    (tmp_path / "first.txt").write_text(FIRST)
    (tmp_path / "second.txt").write_text(SECOND)
    out = tmp_path / "out"
    created = build([str(tmp_path / "first.txt")], out, workers=1)
    assert set(created.outputs) == {"ttl", "nq", "store", "summary"} and not created.stale
    written = (out / "graph.nq").read_bytes()
    assert DOC + "first" in graphs_in(out / "graph.nq")

    updated = build([str(tmp_path / "second.txt")], out, workers=1)
    assert updated.documents_built == 1
    assert "nq" not in updated.outputs and updated.stale == [str(out / "graph.ttl"), str(out / "graph.nq")]
    assert (out / "graph.nq").read_bytes() == written  # not rewritten: older than the store, and said so
    assert json.loads((out / "summary.json").read_text())["stale"] == updated.stale

    exported = build([str(tmp_path / "second.txt")], out, workers=1, export_files=True)
    assert exported.documents_unchanged == 1 and not exported.stale
    assert {DOC + "first", DOC + "second"} <= graphs_in(out / "graph.nq")

    fresh = kg.build(tmp_path / "first.txt", tmp_path / "bare", workers=1, export=False)  # the public API
    assert "ttl" not in fresh.outputs and not (tmp_path / "bare" / "graph.ttl").exists() and not fresh.stale


def test_build_validate_checks_what_the_run_wrote(tmp_path):
    (tmp_path / "first.txt").write_text(FIRST)
    (tmp_path / "second.txt").write_text(SECOND)
    out = tmp_path / "out"
    summary = build([str(tmp_path / "first.txt")], out, workers=1, validate=True)
    assert summary.validation == {"conforms": True, "violations": 0, "by_message": {}}
    assert build([str(tmp_path / "first.txt")], out, workers=1).validation is None  # only when asked
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(tmp_path / "second.txt"),
            "--out",
            str(out),
            "--workers",
            "1",
            "--validate",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "what this run wrote conforms" in result.stdout
    assert "Not rewritten" in result.stdout and "graph.nq" in result.stdout


def entity_facts(store_dir) -> set:
    from kg.store.corpus import _entity_fact, corpus_graph
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(store_dir, read_only=True)
    graph = ox.NamedNode(str(corpus_graph(store.base)))
    return {q.triple for q in store.ox.quads_for_pattern(None, None, None, graph) if _entity_fact(q.triple, store.base)}


def test_an_update_redoes_the_corpus_facts_of_the_entities_it_touched_as_a_whole_refresh_does(tmp_path):
    """A new document, a replaced one (its old entities lose a document) and a build stopped before
    the corpus step: the entity facts equal those of recomputing every entity."""
    from kg.store.corpus import refresh_corpus_facts
    from kg.store.embedded import EmbeddedStore

    (tmp_path / "first.txt").write_text(FIRST)
    (tmp_path / "second.txt").write_text(SECOND)
    out = tmp_path / "out"
    build([str(tmp_path / "first.txt"), str(tmp_path / "second.txt")], out, workers=1)
    (tmp_path / "third.txt").write_text("Prime Minister Asha Doruk of Kestria visited Pellaston on Sunday.\n")
    (tmp_path / "second.txt").write_text("Velmoran President Orin Talbek spoke in Brisk on Friday.\n")
    build([str(tmp_path / "second.txt"), str(tmp_path / "third.txt")], out, workers=1)
    stepwise = entity_facts(out / "store")
    labels = {t.object.value for t in stepwise if t.predicate.value.endswith("#label")}
    assert "Corvado" not in labels and "Brisk" in labels  # named only by the old version of second
    store = EmbeddedStore(out / "store")
    refresh_corpus_facts(store)
    store.close()
    assert entity_facts(out / "store") == stepwise
    # A build stopped between writing its graphs and the corpus step leaves the marker: the next
    # build, even with nothing to extract, redoes every entity.
    (out / "store" / "kg-corpus-pending").touch()
    store = EmbeddedStore(out / "store")
    store.ox.update("DROP GRAPH <https://w3id.org/newskg/id/graph/corpus>")
    store.close()
    build([str(tmp_path / "third.txt")], out, workers=1)
    assert entity_facts(out / "store") == stepwise
    assert not (out / "store" / "kg-corpus-pending").exists()


def test_removing_a_document_redoes_the_facts_of_its_entities_as_a_whole_refresh_does(tmp_path):
    from kg.store.corpus import refresh_corpus_facts
    from kg.store.documents import remove_documents
    from kg.store.embedded import EmbeddedStore

    (tmp_path / "first.txt").write_text(FIRST)
    (tmp_path / "second.txt").write_text(SECOND)
    (tmp_path / "third.txt").write_text("Prime Minister Asha Doruk of Kestria visited Corvado on Sunday.\n")
    build([str(tmp_path / name) for name in ("first.txt", "second.txt", "third.txt")], tmp_path / "out", workers=1)
    store = EmbeddedStore(tmp_path / "out" / "store")
    removed, _ = remove_documents(store, ["third"])
    store.close()
    assert [str(g) for g in removed] == [DOC + "third"]
    after = entity_facts(tmp_path / "out" / "store")
    counts = {
        (t.subject.value.rsplit("/", 1)[-1], t.object.value)
        for t in after
        if t.predicate.value.endswith("documentCount")
    }
    assert ("corvado", "1") in counts and ("asha_doruk", "1") in counts  # one document less each
    store = EmbeddedStore(tmp_path / "out" / "store")
    refresh_corpus_facts(store)
    store.close()
    assert entity_facts(tmp_path / "out" / "store") == after
