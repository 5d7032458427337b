"""graph.nq and graph.ttl written while a new store is built (kg/store/export_stream.py): they hold
exactly the store's quads and the union of its graphs, whatever the Bloom filter answers, and a build
stopped midway leaves no partial file and the files of the build before untouched."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.store import export_stream
from kg.store.embedded import EmbeddedStore
from kg.store.export_stream import StreamingExport

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
P = ox.NamedNode("http://example.org/p")
DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
COUNT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


def _graph(i: int) -> ox.NamedNode:
    return ox.NamedNode(f"https://w3id.org/newskg/id/doc/d{i}")


def _document(i: int) -> list[ox.Quad]:
    """A document graph: triples of its own, one shared by every document, one by every other one,
    typed literals that Oxigraph stores in another form, and one quad twice."""
    g, shared = _graph(i), ox.NamedNode("https://w3id.org/newskg/id/person/ana_lindqvist")
    return [
        ox.Quad(g, P, ox.Literal(f"text {i}"), g),
        ox.Quad(shared, P, ox.Literal("Ana Lindqvist"), g),
        ox.Quad(shared, P, ox.Literal(str(i % 2)), g),
        ox.Quad(g, P, ox.Literal("0.50", datatype=DECIMAL), g),
        ox.Quad(g, P, ox.Literal("03", datatype=COUNT), g),
        ox.Quad(g, P, ox.Literal(f"text {i}"), g),
    ]


def _as_stored(store: ox.Store) -> tuple[set[str], set[str]]:
    quads = {str(q) for q in store}
    union = {str(t) for t in store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)}
    return quads, union


def _read(files: dict[str, Path]) -> tuple[list[str], list[str]]:
    quads = [str(q) for q in ox.parse(path=files["nq"], format=ox.RdfFormat.N_QUADS)]
    triples = [str(t) for t in ox.parse(path=files["ttl"], format=ox.RdfFormat.TURTLE)]
    return quads, triples


class _EveryTripleSeemsSeen:
    """A filter whose every answer is a false alarm: the exact decisions at the end must do all the work."""

    triples = 0

    def __contains__(self, triple: ox.Triple) -> bool:
        return True

    def first_time(self, triple: ox.Triple) -> bool:
        return False


@pytest.mark.parametrize("false_alarms", [False, True], ids=["bloom", "every-triple-a-false-alarm"])
def test_the_files_hold_what_the_store_holds(tmp_path, false_alarms):
    store = EmbeddedStore(tmp_path / "store")
    targets = {"nq": tmp_path / "graph.nq", "ttl": tmp_path / "graph.ttl"}
    with StreamingExport(targets) as files:
        if false_alarms:
            files._seen = _EveryTripleSeemsSeen()
        for i in range(5):
            store.replace_graph_quads(_graph(i), _document(i))
            files.add(_graph(i), _document(i))
        # what the end of a build adds: a graph the export was not given, restating a document's triple
        corpus = ox.NamedNode("https://w3id.org/newskg/id/graph/corpus")
        extra = [ox.Quad(_graph(0), P, ox.Literal("text 0"), corpus), ox.Quad(_graph(0), P, ox.Literal("c"), corpus)]
        store.replace_graph_quads(corpus, extra)
        written = files.finish(store)
    stored, union = _as_stored(store.ox)
    quads, triples = _read(written)
    assert len(quads) == len(stored) == 5 * 5 + 2 and set(quads) == stored
    assert len(triples) == len(union) and set(triples) == union
    assert len(union) == 5 * 3 + 3 + 1  # per document: its text, decimal and count; the three shared; "c"
    assert '"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>' in "\n".join(quads)
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("why", ["a graph given twice", "too many triples"])
def test_the_files_are_read_from_the_store_when_they_cannot_be_written_as_they_come(tmp_path, monkeypatch, why):
    targets = {"nq": tmp_path / "graph.nq", "ttl": tmp_path / "graph.ttl"}
    store = EmbeddedStore(tmp_path / "store")
    if why == "too many triples":
        monkeypatch.setattr(export_stream, "MAX_TRIPLES", 3)  # the first document has 5
    with StreamingExport(targets) as files:
        files.add(_graph(1), _document(1))
        if why == "too many triples":
            assert files.fallback == "more than 3 triples"
            files.add(_graph(2), _document(2))
        else:
            files.add(_graph(1), _document(1))
        assert files.fallback and files.finish(store) == {}
    assert not list(tmp_path.glob("graph.*"))


def test_a_build_stopped_midway_leaves_the_files_before_it(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.nq", "graph.ttl"):
        (out / name).write_text("the files of a build before\n")

    def stop_after_two(document, done=[]):  # noqa: B006  (counts the documents across calls)
        done.append(document)
        if len(done) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([str(SAMPLES)], out, workers=1, on_document=stop_after_two)
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["graph.nq", "graph.ttl"]
    assert (out / "graph.nq").read_text() == "the files of a build before\n"


def test_a_new_build_streams_its_files_and_an_update_reads_them_from_the_store(tmp_path, monkeypatch):
    finished = []
    monkeypatch.setattr(export_stream.StreamingExport, "finish", _spy(export_stream.StreamingExport.finish, finished))
    summary = build([str(SAMPLES)], tmp_path / "out", workers=1)
    assert finished == [True] and summary.outputs["nq"].endswith("graph.nq")
    new_store = ox.Store.read_only(str(tmp_path / "out" / "store"))
    quads, triples = _read({fmt: Path(summary.outputs[fmt]) for fmt in ("nq", "ttl")})
    stored, union = _as_stored(new_store)
    assert set(quads) == stored and len(quads) == len(stored)
    assert set(triples) == union and len(triples) == len(union)
    del new_store
    build([str(SAMPLES)], tmp_path / "out", workers=1, force=True, export_files=True)
    assert finished == [True]  # the store existed: its files were read from it, not streamed


def _spy(method, calls: list):
    def finish(self, store):
        calls.append(True)
        return method(self, store)

    return finish
