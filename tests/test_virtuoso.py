"""newskg against a real Virtuoso 7.2 on loopback: load (Graph Store and Update, digest auth,
request limits, count check), queries, analysis and views, and the round trip of every quad.

The server comes from tests/virtuoso.py (temporary database and ini file, free ports);
when Virtuoso is not installed these tests fail with the command that installs it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.ontology import ready_query_names
from kg.store.http import EndpointClient
from kg.store.remote import load_to_endpoint

from .conftest import SAMPLES
from .test_cli import kg as run_kg
from .test_remote import ready_params
from .virtuoso import PASSWORD, USER, VirtuosoServer

WRITER = {"KG_ENDPOINT_USER": USER, "KG_ENDPOINT_PASSWORD": PASSWORD}
XSD = "http://www.w3.org/2001/XMLSchema#"
EDGE_GRAPH = "http://example.org/graph/literals"
LONG = "a long quote, " * 2000 + "ends here é"
# Literals where servers go wrong, each in the lexical form Virtuoso keeps (its canonical one).
EDGE_TRIPLES = f"""
<http://example.org/e> <http://example.org/lang> "Chef d'état"@fr .
<http://example.org/e> <http://example.org/lang> "Colour"@en-GB .
<http://example.org/e> <http://example.org/lang> "Srbija"@sr-Latn-RS .
<http://example.org/e> <http://example.org/lang> ""@en .
<http://example.org/e> <http://example.org/year> "2025"^^<{XSD}gYear> .
<http://example.org/e> <http://example.org/year> "2025-03"^^<{XSD}gYearMonth> .
<http://example.org/e> <http://example.org/date> "2025-03-14"^^<{XSD}date> .
<http://example.org/e> <http://example.org/time> "2025-03-14T10:00:00Z"^^<{XSD}dateTime> .
<http://example.org/e> <http://example.org/time> "2025-03-14T10:00:00+03:00"^^<{XSD}dateTime> .
<http://example.org/e> <http://example.org/number> "0.75"^^<{XSD}decimal> .
<http://example.org/e> <http://example.org/number> "1"^^<{XSD}decimal> .
<http://example.org/e> <http://example.org/number> "42"^^<{XSD}integer> .
<http://example.org/e> <http://example.org/number> "1.5"^^<{XSD}double> .
<http://example.org/e> <http://example.org/flag> "true"^^<{XSD}boolean> .
<http://example.org/e> <http://example.org/text> "typed string"^^<{XSD}string> .
<http://example.org/e> <http://example.org/text> "quote \\" backslash \\\\ tab \\t newline \\n end" .
<http://example.org/e> <http://example.org/text> "emoji \\U0001F600 and Ελληνικά" .
<http://example.org/e> <http://example.org/text> "" .
<http://example.org/e> <http://example.org/text> "{LONG}" .
<http://example.org/e> <http://example.org/custom> "abc"^^<http://example.org/myType> .
"""


def kg(*args: str, env: dict[str, str] | None = None, check: bool = True):
    """``kg`` as a user runs it, with ``env`` added to the environment of this run only."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("KG_ENDPOINT_")] + ["NETRC"]:
            patch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        return run_kg(*args, check=check)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The samples built once into an embedded store."""
    from kg.build import build

    out = tmp_path_factory.mktemp("virtuoso-sample")
    build([str(SAMPLES)], out)
    return out


def store_graphs(store_dir: Path) -> dict[str, set[str]]:
    """Every named graph of an embedded store: IRI -> its triples in N-Triples."""
    graphs: dict[str, set[str]] = {}
    for quad in ox.Store.read_only(str(store_dir)):
        graphs.setdefault(quad.graph_name.value, set()).add(str(quad.triple))
    return graphs


def server_graphs(server) -> dict[str, set[str]]:
    """Every newskg graph on the server, read back with one CONSTRUCT per graph."""
    return {
        graph: {str(q.triple) for q in ox.parse(server.construct_graph(graph), format=ox.RdfFormat.N_TRIPLES)}
        for graph in server.graphs()
    }


def requests_made(output: str) -> int:
    return int(re.search(r"\((?:replace|merge), (\d+) request\(s\)\)", output)[1])


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """One Virtuoso for a test module, on a temporary database; stopped at the end."""
    running = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-db"))
    yield running
    running.stop()


@pytest.fixture
def empty_virtuoso(virtuoso):
    virtuoso.clear()
    return virtuoso


def test_graph_store_load_with_digest_auth_round_trips_every_quad(sample, empty_virtuoso):
    store = sample / "store"
    # Anonymous writes are refused (Virtuoso's default), at once and in the server's words.
    refused = kg("load", str(store), "--endpoint", empty_virtuoso.graph_crud, "--retries", "0", check=False)
    assert refused.returncode == 2 and "refused it (403)" in refused.stderr and "<" not in refused.stderr
    wrong = kg(
        "load", str(store), "--endpoint", empty_virtuoso.graph_crud_auth,
        env={**WRITER, "KG_ENDPOINT_PASSWORD": "not-it"}, check=False,
    )  # fmt: skip
    assert wrong.returncode == 2 and "(401)" in wrong.stderr
    assert empty_virtuoso.graphs() == []

    # The writer's password: basic first, digest as soon as Virtuoso's challenge asks for it.
    result = kg("load", str(store), "--endpoint", empty_virtuoso.graph_crud_auth, "--request-size", "200", env=WRITER)
    expected = store_graphs(store)
    total = sum(len(t) for t in expected.values())
    assert f"Loaded {total} triples in {len(expected)} graph(s)" in result.stdout
    assert f"Count check: the server holds all {total} triples" in result.stdout
    assert requests_made(result.stdout) > len(expected)  # graphs above 200 triples went in several requests
    assert server_graphs(empty_virtuoso) == expected  # graph by graph, every typed literal as it was
    for output in (refused, wrong, result):
        assert PASSWORD not in output.stdout + output.stderr


def test_update_endpoint_with_digest_only_and_the_edge_literals(sample, empty_virtuoso, tmp_path):
    trig = tmp_path / "with-literals.trig"
    edge = ox.parse(EDGE_TRIPLES.encode(), format=ox.RdfFormat.N_TRIPLES)
    dataset = list(ox.Store.read_only(str(sample / "store"))) + [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(EDGE_GRAPH)) for t in edge
    ]
    ox.serialize(dataset, str(trig), format=ox.RdfFormat.TRIG)
    expected = store_graphs(sample / "store")
    expected[EDGE_GRAPH] = {str(t.triple) for t in ox.parse(EDGE_TRIPLES.encode(), format=ox.RdfFormat.N_TRIPLES)}

    env = {**WRITER, "KG_ENDPOINT_AUTH": "digest"}  # the password never travels
    result = kg("load", str(trig), "--update-endpoint", empty_virtuoso.sparql_auth, "--batch-size", "300", env=env)
    assert "Count check: the server holds all" in result.stdout  # the query endpoint found beside /sparql-auth
    assert server_graphs(empty_virtuoso) == expected

    # Through the Graph Store protocol too, the long string, the tags and the dates come back intact.
    empty_virtuoso.clear()
    kg("load", str(trig), "--endpoint", empty_virtuoso.graph_crud_auth, env=env)
    assert server_graphs(empty_virtuoso) == expected


def test_virtuoso_keeps_numbers_by_value_not_by_spelling(empty_virtuoso, tmp_path):
    """Documented difference: a non-canonical number comes back in canonical form, its value equal."""
    source = tmp_path / "numbers.nq"
    source.write_text(
        f'<http://example.org/e> <http://example.org/n> "0.50"^^<{XSD}decimal> <{EDGE_GRAPH}> .\n'
        f'<http://example.org/e> <http://example.org/n> "007"^^<{XSD}integer> <{EDGE_GRAPH}> .\n'
    )
    kg("load", str(source), "--endpoint", empty_virtuoso.graph_crud_auth, env=WRITER)
    back = server_graphs(empty_virtuoso)[EDGE_GRAPH]
    assert back == {
        f'<http://example.org/e> <http://example.org/n> "0.5"^^<{XSD}decimal>',
        f'<http://example.org/e> <http://example.org/n> "7"^^<{XSD}integer>',
    }


def test_batches_respect_virtuoso_limits(empty_virtuoso, tmp_path):
    big = tmp_path / "big.nq"
    graph = "http://example.org/graph/big"
    with big.open("w") as stream:
        for i in range(12_000):
            stream.write(f'<http://example.org/s{i}> <http://example.org/p> "value {i}" <{graph}> .\n')
    # INSERT DATA above ~4,990 triples does not compile on Virtuoso (SP030): the loader halves the
    # batch until it goes through (12,000 -> 6,000 -> 3,000), then keeps to that size.
    result = kg("load", str(big), "--update-endpoint", empty_virtuoso.sparql_auth, "--batch-size", "12000", env=WRITER)
    assert "Count check: the server holds all 12000 triples" in result.stdout
    assert requests_made(result.stdout) == 4
    # A byte limit per request, checked on the way: ~39 bytes a line, 100 KB a request.
    result = kg(
        "load", str(big), "--endpoint", empty_virtuoso.graph_crud_auth, "--max-request-bytes", "100000",
        env=WRITER,
    )  # fmt: skip
    assert "Count check: the server holds all 12000 triples" in result.stdout
    size = sum(len(line) - len(f" <{graph}>") for line in big.read_text().splitlines(keepends=True))
    assert requests_made(result.stdout) == -(-size // 100_000) or requests_made(result.stdout) > size // 100_000
    assert len(server_graphs(empty_virtuoso)[graph]) == 12_000


def test_interrupted_load_reruns_to_the_same_end(sample, empty_virtuoso, monkeypatch):
    store = sample / "store"
    batches = []

    def interrupt(n: int) -> None:
        batches.append(n)
        if len(batches) == 5:
            raise KeyboardInterrupt  # the user's Ctrl-C, midway through the load

    monkeypatch.setenv("KG_ENDPOINT_USER", USER)
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", PASSWORD)
    with EndpointClient(retries=0) as client, pytest.raises(KeyboardInterrupt):
        load_to_endpoint(
            ox.Store.read_only(str(store)), client, endpoint=empty_virtuoso.graph_crud_auth, batch_size=150,
            on_batch=interrupt,
        )  # fmt: skip
    expected = store_graphs(store)
    partial = server_graphs(empty_virtuoso)
    assert 0 < sum(map(len, partial.values())) < sum(map(len, expected.values()))
    kg("load", str(store), "--endpoint", empty_virtuoso.graph_crud_auth, "--request-size", "150", env=WRITER)
    assert server_graphs(empty_virtuoso) == expected
    kg("load", str(store), "--endpoint", empty_virtuoso.graph_crud_auth, "--mode", "merge", env=WRITER)
    assert server_graphs(empty_virtuoso) == expected  # merging the same data again adds nothing


@pytest.fixture(scope="module")
def loaded(sample, virtuoso):
    """The samples loaded into Virtuoso once, for the read-only comparisons."""
    virtuoso.clear()
    kg("load", str(sample / "store"), "--endpoint", virtuoso.graph_crud_auth, env=WRITER)
    return virtuoso


# ORDER BY leaves ties in these; SPARQL does not order them, so the rows are compared as sets.
TIES = {"entities-by-type"}


def test_every_ready_query_answers_as_the_embedded_store(sample, loaded):
    store = sample / "store"
    names = ready_query_names()
    assert len(names) >= 10
    for name in names:
        params = ready_params(name)
        local = json.loads(kg("query", str(store), "--ready", name, *params, "--format", "json").stdout)
        remote = kg("query", loaded.sparql, "--ready", name, *params, "--format", "json")
        remote = json.loads(remote.stdout)
        assert remote["head"]["vars"] == local["head"]["vars"], name
        rows, expected = remote["results"]["bindings"], local["results"]["bindings"]
        if name in TIES:
            rows, expected = sorted(map(json.dumps, rows)), sorted(map(json.dumps, expected))
        assert rows == expected and expected, name  # every ready query has answers on the samples


def test_query_forms_answer_as_the_embedded_store(sample, loaded):
    store = sample / "store"
    ask = "ASK { ?e a kg:Country ; rdfs:label ?name }"
    assert kg("query", loaded.sparql, ask).stdout.strip() == "true"
    construct = (
        "CONSTRUCT { ?c rdfs:label ?name ; kg:isoCode ?iso } "
        "WHERE { ?c a kg:Country ; rdfs:label ?name ; kg:isoCode ?iso }"
    )
    local = kg("query", str(store), construct, "--format", "nt").stdout
    remote = kg("query", loaded.sparql, construct, "--format", "nt").stdout
    assert set(remote.splitlines()) == set(local.splitlines()) and local.strip()
    select = "SELECT ?name ?iso WHERE { ?c a kg:Country ; rdfs:label ?name ; kg:isoCode ?iso } ORDER BY ?name"
    params = ("--param", "iso=KEN")
    local = kg("query", str(store), select, *params, "--format", "csv").stdout
    assert kg("query", loaded.sparql, select, *params, "--format", "csv").stdout == local


def test_analyze_and_viz_read_virtuoso_as_the_embedded_store(sample, loaded, tmp_path):
    store = str(sample / "store")
    for source, out in ((store, "local"), (loaded.sparql, "remote")):
        kg("analyze", source, "--out", str(tmp_path / out), "--no-write-back")
        kg("viz", source, "--out", str(tmp_path / f"{out}.html"), "--events")
    local = json.loads((tmp_path / "local" / "metrics.json").read_text())
    remote = json.loads((tmp_path / "remote" / "metrics.json").read_text())
    assert remote.pop("source") == loaded.sparql and local.pop("source") == store
    assert remote == local and local["nodes"]
    assert (tmp_path / "remote.html").read_text() == (tmp_path / "local.html").read_text()
