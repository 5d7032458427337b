"""Loading into and querying a real Oxigraph server on loopback, as a team's triple store would be used.

The server is the ``oxigraph`` binary (PyPI package ``oxigraph``) started on a free
port of 127.0.0.1. A small forwarding proxy in front of it stands in for what real
deployments put there: an authenticating gateway, a flaky network, a failing node.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.query.run import ready_query
from kg.store.remote import guess_query_endpoint

from .conftest import SAMPLES
from .test_cli import kg as run_kg

ROOT = Path(__file__).resolve().parents[1]
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
SECRET = "s3cr3t-Pa55w0rd-zq"
TOKEN = "tok-9f8e7d6c5b4a-never-print"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    def __init__(self, location: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        assert OXIGRAPH, "the oxigraph binary (pip install oxigraph, in the [test] extra) is not installed"
        self.process = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
            + ["--union-default-graph"],  # newskg queries read the union of the document graphs
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph server did not start")

    @property
    def store(self) -> str:
        return self.url + "/store"

    def quads(self) -> set[str]:
        response = httpx.get(self.store, headers={"Accept": "application/n-quads"}, timeout=30)
        response.raise_for_status()
        return {str(q) for q in ox.parse(response.content, format=ox.RdfFormat.N_QUADS)}

    def clear(self) -> None:
        httpx.post(self.url + "/update", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Proxy:
    """Forwards to the server; can demand credentials, fail requests, or break the connection."""

    def __init__(self, target: str):
        self.target = target
        self.expected_auth: set[str] | None = None
        self.fail_with: list[int] = []  # statuses to answer with, one per request, before forwarding
        self.break_after: int | None = None  # forward this many writes, then drop every connection
        self.writes = 0
        self.seen_auth: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _handle(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                auth = self.headers.get("Authorization", "")
                proxy.seen_auth.append(auth)
                if proxy.expected_auth is not None and auth not in proxy.expected_auth:
                    return self._answer(401, b"authentication required: wrong or missing credentials")
                if proxy.fail_with:
                    return self._answer(proxy.fail_with.pop(0), b"temporarily unavailable")
                if self.command in ("PUT", "POST") and "/store" in self.path:
                    if proxy.break_after is not None and proxy.writes >= proxy.break_after:
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return None
                    proxy.writes += 1
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
                response = httpx.request(
                    self.command, proxy.target + self.path, content=body, headers=headers, timeout=60
                )
                self._answer(response.status_code, response.content, response.headers.get("content-type"))

            def _answer(self, status: int, body: bytes, content_type: str | None = "text/plain"):
                self.send_response(status)
                self.send_header("Content-Type", content_type or "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch, tmp_path):
    """Each test starts with no endpoint credentials in the environment and no ~/.netrc."""
    for name in [n for n in os.environ if n.startswith("KG_ENDPOINT_")] + ["NETRC"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return monkeypatch


def kg(*args: str, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """``kg`` as a user runs it, with ``env`` added to the environment for this run only."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        return run_kg(*args, check=check)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The samples built once into an embedded store."""
    from kg.build import build

    out = tmp_path_factory.mktemp("remote-sample")
    build([str(SAMPLES)], out)
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = OxigraphServer(tmp_path_factory.mktemp("oxigraph-db"))
    yield running
    running.stop()


@pytest.fixture
def empty_server(server):
    server.clear()
    return server


@pytest.fixture
def proxy(server):
    running = Proxy(server.url)
    yield running
    running.stop()


def local_quads(store_dir: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(store_dir))}


def ready_params(name: str) -> list[str]:
    text = ready_query(name)
    params = []
    # quotes-about: no sample statement names Nairobi; one names Somalia.
    name = "Somalia" if name == "quotes-about" else "Nairobi"
    for variable, value in (("name", name), ("first", "Kenya"), ("second", "Somalia")):
        if f"--param {variable}=" in text:
            params += ["--param", f"{variable}={value}"]
    return params


def test_load_then_query_back_equals_the_embedded_store(sample, empty_server):
    store = sample / "store"
    result = kg("load", str(store), "--endpoint", empty_server.store, "--request-size", "500")
    expected = local_quads(store)
    assert f"Loaded {len(expected)} triples" in result.stdout
    assert "Count check: the server holds all" in result.stdout
    assert empty_server.quads() == expected  # named graphs preserved, nothing more, nothing less

    names = sorted(p.stem for p in (ROOT / "ontology" / "queries").glob("*.rq"))
    assert len(names) >= 10
    for name in names:
        params = ready_params(name)
        local = json.loads(kg("query", str(store), "--ready", name, *params, "--format", "json").stdout)
        remote = kg("query", empty_server.url + "/query", "--ready", name, *params, "--format", "json")
        remote = json.loads(remote.stdout)
        assert remote["head"]["vars"] == local["head"]["vars"], name
        assert remote["results"]["bindings"] == local["results"]["bindings"], name
        if params or name in ("events", "entities-by-type", "key-actors", "places-by-events"):
            assert local["results"]["bindings"], name  # the comparison is about real answers


def test_merge_and_replace_modes(sample, empty_server):
    store = sample / "store"
    kg("load", str(store), "--endpoint", empty_server.store, "--mode", "merge")
    kg("load", str(store), "--endpoint", empty_server.store, "--mode", "merge")  # merging again adds nothing new
    assert empty_server.quads() == local_quads(store)
    # A triple only on the server: merge keeps it, replace of its graph drops it.
    [doc] = [g for g in ox.Store.read_only(str(store)).named_graphs() if "wire-2025-04-12" in g.value]
    extra = f'<http://example.org/x> <http://example.org/p> "only on the server" {doc} .'
    insert = f'INSERT DATA {{ GRAPH {doc} {{ <http://example.org/x> <http://example.org/p> "only on the server" }} }}'
    httpx.post(empty_server.url + "/update", content=insert, headers={"Content-Type": "application/sparql-update"})
    kg("load", str(store), "--endpoint", empty_server.store, "--mode", "merge")
    assert extra.rstrip(" .") in empty_server.quads()
    kg("load", str(store), "--endpoint", empty_server.store, "--mode", "replace")
    assert empty_server.quads() == local_quads(store)


def test_update_endpoint_only(sample, empty_server):
    nq = sample / "graph.nq"
    result = kg("load", str(nq), "--update-endpoint", empty_server.url + "/update", "--request-size", "300")
    assert "Count check" in result.stdout
    assert empty_server.quads() == local_quads(sample / "store")


def test_interrupted_load_reruns_to_the_same_end(sample, empty_server, proxy):
    store = sample / "store"
    proxy.break_after = 3  # the connection drops in the middle of the load
    target = ("--endpoint", proxy.url + "/store", "--request-size", "200")
    broken = kg("load", str(store), *target, "--retries", "1", check=False)
    assert broken.returncode == 2
    assert "cannot reach" in broken.stderr and "after 2 attempt(s)" in broken.stderr
    partial = empty_server.quads()
    assert 0 < len(partial) < len(local_quads(store))
    proxy.break_after = None
    kg("load", str(store), "--endpoint", proxy.url + "/store", "--request-size", "200",
       "--query-endpoint", empty_server.url + "/query")  # fmt: skip
    assert empty_server.quads() == local_quads(store)


def test_server_errors_are_retried_and_client_errors_explained(sample, empty_server, proxy):
    store = sample / "store"
    proxy.fail_with = [503, 502]
    kg("load", str(store), "--endpoint", proxy.url + "/store", "--query-endpoint", empty_server.url + "/query")
    assert proxy.fail_with == [] and empty_server.quads() == local_quads(store)
    # A 4xx stops at once and shows the server's own message.
    # A 413 (request too large) sends the batch again in halves, and the next batches go at that
    # size: every graph goes in two or more requests.
    proxy.fail_with = [413]
    halved = kg("load", str(store), "--endpoint", proxy.url + "/store", "--query-endpoint", empty_server.url + "/query")
    graphs = len({q.graph_name for q in ox.Store.read_only(str(store))})
    requests = int(halved.stdout.split("(replace, ")[1].split()[0])
    assert 2 * graphs <= requests < 3 * graphs and empty_server.quads() == local_quads(store)
    proxy.fail_with = [400]
    refused = kg("load", str(store), "--endpoint", proxy.url + "/store", check=False)
    assert refused.returncode == 2
    assert "refused it (400): temporarily unavailable" in refused.stderr
    bad_query = kg("query", empty_server.url + "/query", "SELECT ?x WHERE { ?x kg:nope }", check=False)
    assert bad_query.returncode == 2 and "SPARQL syntax error" in bad_query.stderr


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_credentials_reach_the_server_and_never_the_output(sample, empty_server, proxy, tmp_path):
    store = sample / "store"
    proxy.expected_auth = {basic("analyst", SECRET), f"Bearer {TOKEN}"}
    query_url = proxy.url + "/query"
    runs = []

    denied = kg("load", str(store), "--endpoint", proxy.url + "/store", check=False)
    assert denied.returncode == 2 and "(401): authentication required" in denied.stderr
    wrong = kg(
        "load", str(store), "--endpoint", proxy.url + "/store",
        env={"KG_ENDPOINT_USER": "analyst", "KG_ENDPOINT_PASSWORD": SECRET + "x"}, check=False,
    )  # fmt: skip
    assert wrong.returncode == 2 and "(401)" in wrong.stderr
    runs += [denied, wrong]

    runs.append(
        kg(
            "load",
            str(store),
            "--endpoint",
            proxy.url + "/store",
            env={"KG_ENDPOINT_USER": "analyst", "KG_ENDPOINT_PASSWORD": SECRET},
        )  # fmt: skip
    )
    assert basic("analyst", SECRET) in proxy.seen_auth
    runs.append(kg("query", query_url, "ASK { ?s ?p ?o }", env={"KG_ENDPOINT_TOKEN": TOKEN}))
    assert runs[-1].stdout.strip() == "true" and f"Bearer {TOKEN}" in proxy.seen_auth

    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1\nlogin analyst\npassword {SECRET}\n")
    netrc.chmod(0o600)
    proxy.seen_auth.clear()
    netrc_env = {"NETRC": str(netrc)}
    runs.append(kg("load", str(store), "--endpoint", proxy.url + "/store", "--mode", "merge", env=netrc_env))
    assert proxy.seen_auth and set(proxy.seen_auth) == {basic("analyst", SECRET)}
    assert empty_server.quads() == local_quads(store)

    url_with_password = proxy.url.replace("http://", f"http://analyst:{SECRET}@") + "/store"
    refused = kg("load", str(store), "--endpoint", url_with_password, check=False)
    assert refused.returncode == 2 and "not in the URL" in refused.stderr
    runs.append(refused)
    for run in runs:
        for secret in (SECRET, TOKEN, base64.b64encode(f"analyst:{SECRET}".encode()).decode()):
            assert secret not in run.stdout and secret not in run.stderr


@pytest.mark.parametrize(
    "hostile",
    ['Kenya" } ; DROP ALL ; #', "x\n} UNION { ?s ?p ?o }", "Kenya') . } DELETE WHERE { ?s ?p ?o } #", "SELECT * {"],
)
def test_remote_parameters_cannot_inject(sample, empty_server, hostile):
    kg("load", str(sample / "store"), "--endpoint", empty_server.store)
    before = len(empty_server.quads())
    result = kg(
        "query", empty_server.url + "/query", "--ready", "entity", "--param", f"name={hostile}",
        "--format", "csv",
    )  # fmt: skip
    assert result.stdout.strip() == "name,entity,property,value"
    assert len(empty_server.quads()) == before


def test_an_endpoint_is_a_source_like_a_store(sample, empty_server, tmp_path):
    """query, validate, export, explain and analyze read an endpoint as they read the store loaded into it."""
    store, endpoint = sample / "store", empty_server.url + "/query"
    kg("load", str(store), "--endpoint", empty_server.store)

    sparql = "SELECT ?e ?name WHERE { ?e a kg:Country ; rdfs:label ?name } ORDER BY ?name"
    local = json.loads(kg("query", str(store), sparql, "--format", "json").stdout)
    remote = kg("query", endpoint, sparql, "--format", "json")
    assert json.loads(remote.stdout) == local and local["results"]["bindings"] and remote.stderr == ""

    assert kg("validate", endpoint).stdout == kg("validate", str(store)).stdout

    kg("export", endpoint, "--format", "nq", "-o", str(tmp_path / "remote.nq"))
    exported = {str(q) for q in ox.parse(path=str(tmp_path / "remote.nq"), format=ox.RdfFormat.N_QUADS)}
    assert exported == local_quads(store)

    local_why = json.loads(kg("explain", str(store), "Nairobi", "--format", "json").stdout)
    assert json.loads(kg("explain", endpoint, "Nairobi", "--json").stdout) == local_why

    kg("analyze", str(sample / "graph.nq"), "-o", str(tmp_path / "local"))
    kg("analyze", endpoint, "-o", str(tmp_path / "remote"))
    local_metrics = json.loads((tmp_path / "local" / "metrics.json").read_text())
    remote_metrics = json.loads((tmp_path / "remote" / "metrics.json").read_text())
    assert remote_metrics["nodes"] == local_metrics["nodes"] and local_metrics["nodes"]
    assert empty_server.quads() == local_quads(store)  # without --update-endpoint, nothing is written back


def test_the_old_endpoint_option_of_query_still_works_with_one_deprecation_line(sample, empty_server):
    kg("load", str(sample / "store"), "--endpoint", empty_server.store)
    endpoint = empty_server.url + "/query"
    old = kg("query", "--endpoint", endpoint, "ASK { ?s a kg:Person }")
    new = kg("query", endpoint, "ASK { ?s a kg:Person }")
    assert old.stdout == new.stdout and new.stdout.strip() == "true"
    assert new.stderr == ""
    assert old.stderr.splitlines() == [
        f"deprecated: --endpoint for query names the source; give the URL as SOURCE: kg query {endpoint} ..."
    ]
    ready = kg("query", "--endpoint", endpoint, "--ready", "entities-by-type", "--format", "csv")
    assert ready.stdout == kg("query", endpoint, "--ready", "entities-by-type", "--format", "csv").stdout
    assert len([line for line in ready.stderr.splitlines() if line.startswith("deprecated:")]) == 1


def test_query_endpoint_is_found_beside_the_store_endpoint():
    assert guess_query_endpoint("http://h:3030/ds/data") == "http://h:3030/ds/query"
    assert guess_query_endpoint("http://h:7878/update") == "http://h:7878/query"
    assert guess_query_endpoint("http://h/sparql-graph-crud") == "http://h/sparql"  # Virtuoso
    assert guess_query_endpoint("http://h/rdf4j-server/repositories/r") is None
