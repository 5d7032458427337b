"""A real Virtuoso (Debian package ``virtuoso-opensource-7-bin``) on loopback, for the tests.

Each server gets its own folder: a ``virtuoso.ini`` written here, the database files
beside it, and free ports on 127.0.0.1 for SQL (isql) and HTTP; nothing global is
read or changed. Permissions are set through isql the way an administrator would:

- the anonymous user ``SPARQL`` (``/sparql``, ``/sparql-graph-crud``) may read, not write
  (Virtuoso's default);
- a user ``analyst`` (created here) may write, through the digest-authenticated
  ``/sparql-auth`` and ``/sparql-graph-crud-auth``.

When the binary is missing the tests fail, never skip, and say how to install it.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from .test_remote import free_port

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
INSTALL = "apt-get install --no-install-recommends virtuoso-opensource-7-bin  (or run scripts/test.sh)"
USER, PASSWORD = "analyst", "Vt-d1gest-s3cret-q"
ADMIN_PASSWORD = "dba"  # a fresh database's dba password; the SQL port only listens on loopback

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 60
DirsAllowed = {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 4
ServerThreads = 4
MaxKeepAlives = 10
KeepAliveTimeout = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
; No DefaultGraph: a query without FROM reads the union of all graphs, as newskg expects.
"""

# Run once through isql after the first start: the writer account and its rights.
SETUP = f"""\
DB.DBA.USER_CREATE ('{USER}', '{PASSWORD}');
GRANT SPARQL_UPDATE TO "{USER}";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('{USER}', 7);
"""

# Virtuoso's own graphs, present in every database: not newskg's, left out of comparisons.
SYSTEM_GRAPH_PREFIXES = ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp", "http://localuriqaserver/")


def require_virtuoso() -> str:
    """The server binary; fails the calling test (never skips) with the install command."""
    if not VIRTUOSO or not ISQL:
        pytest.fail(f"Virtuoso is not installed (virtuoso-t, isql-vt); install it: {INSTALL}", pytrace=False)
    return VIRTUOSO


class VirtuosoServer:
    """``virtuoso-t -f`` on free loopback ports, with its database in ``folder``."""

    def __init__(self, folder: Path):
        binary = require_virtuoso()
        self.folder = folder
        self.sql_port, self.http_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        ini = folder / "virtuoso.ini"
        ini.write_text(INI.format(dir=folder, sql_port=self.sql_port, http_port=self.http_port))
        self.log = (folder / "console.log").open("wb")
        self.process = subprocess.Popen(
            [binary, "-f", "-c", str(ini)], cwd=folder, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            self._wait()
            self.isql(SETUP)
        except BaseException:
            self.stop()
            raise

    def _wait(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({self.process.returncode}): {self.console()}")
            try:
                if httpx.get(self.sparql, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"virtuoso-t did not answer within {seconds:g} s: {self.console()}")

    def console(self) -> str:
        return (self.folder / "console.log").read_text(errors="replace")[-2000:]

    def isql(self, sql: str) -> str:
        """Run SQL statements as dba; fails on any error isql reports."""
        result = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", ADMIN_PASSWORD, "VERBOSE=OFF", "ERRORS=STDOUT"],
            input=sql + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0 or "*** Error" in result.stdout:
            raise RuntimeError(f"isql failed: {result.stdout}{result.stderr}")
        return result.stdout

    # The server's endpoints.
    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    @property
    def sparql_auth(self) -> str:
        return self.url + "/sparql-auth"

    @property
    def graph_crud(self) -> str:
        return self.url + "/sparql-graph-crud"

    @property
    def graph_crud_auth(self) -> str:
        return self.url + "/sparql-graph-crud-auth"

    def graphs(self) -> list[str]:
        """newskg's graphs on the server (Virtuoso's own left out)."""
        query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        rows = self.select(query)
        return sorted(r["g"]["value"] for r in rows if not r["g"]["value"].startswith(SYSTEM_GRAPH_PREFIXES))

    def select(self, query: str) -> list[dict]:
        response = httpx.post(
            self.sparql, data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=120
        )
        response.raise_for_status()
        return response.json()["results"]["bindings"]

    def construct_graph(self, graph: str) -> bytes:
        """The triples of one graph as N-Triples (Turtle output would lose xsd:double's datatype)."""
        response = httpx.post(
            self.sparql,
            data={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"},
            headers={"Accept": "application/n-triples"},
            timeout=120,
        )
        response.raise_for_status()
        assert response.headers["content-type"].startswith("application/n-triples")
        return response.content

    def clear(self) -> None:
        """Drop newskg's graphs (Virtuoso's own stay)."""
        statements = "".join(f"SPARQL CLEAR GRAPH <{g}>;\n" for g in self.graphs())
        if statements:
            self.isql(statements)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()
