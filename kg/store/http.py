"""HTTP to SPARQL servers: credentials from the environment, retries with back-off, readable errors.

Credentials never come from the command line (where ``ps`` and shell history would
show them) and are never printed: they are read from the environment

- ``KG_ENDPOINT_TOKEN``: a bearer token, or
- ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``: HTTP basic auth, or digest when the server
  asks for it (``KG_ENDPOINT_AUTH=digest`` or ``basic`` fixes the scheme; see kg/store/digest.py), or
- a netrc file (``$NETRC``, else ``~/.netrc``) with a ``machine`` entry for the server's host.

Server errors (5xx) and broken connections are retried with exponential back-off;
a client error (4xx) stops at once with the server's own message.

This is the only code that speaks HTTP to a SPARQL server: the SPARQL Protocol
(:meth:`EndpointClient.sparql`), the Graph Store protocol and SPARQL Update
(:mod:`kg.store.remote`) all go through :meth:`EndpointClient.request`.

>>> client = EndpointClient(retries=0)
>>> client.auth is None or isinstance(client.auth, httpx.Auth)
True
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.store.dialects import ask_as_boolean, readable_message, refusal_in_server_error
from kg.store.digest import SCHEME_VARIABLE, PasswordAuth

TOKEN_VARIABLE = "KG_ENDPOINT_TOKEN"
USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
MESSAGE_CHARS = 500
RESULTS_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
# Asked by query form where it is known: offered both, Virtuoso answers CONSTRUCT in a JSON of its own,
# and its Turtle writes xsd:double values as bare decimals; N-Triples keeps every datatype.
ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.8, application/rdf+xml;q=0.5"


class RemoteError(RuntimeError):
    """A request a SPARQL server refused or never answered; the message says which and why."""


class Triples(list):
    """The triples of a CONSTRUCT or DESCRIBE answered by a remote server."""


def solution_rows(results: ox.QuerySolutions) -> list[dict[str, str]]:
    """SELECT results as dicts of strings (IRIs and literals by their value; unbound variables left out)."""
    names = [variable.value for variable in results.variables]
    return [{name: row[name].value for name in names if row[name] is not None} for row in results]


class BearerAuth(httpx.Auth):
    def __init__(self, token: str):
        self._token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def auth_from_environment(environ: dict[str, str] | None = None) -> tuple[httpx.Auth | None, list[str]]:
    """The auth the environment asks for, and the secrets to keep out of any message.

    >>> auth, secrets = auth_from_environment({"KG_ENDPOINT_TOKEN": "s3cret"})
    >>> type(auth).__name__, secrets
    ('BearerAuth', ['s3cret'])
    """
    env = os.environ if environ is None else environ
    if env.get(TOKEN_VARIABLE):
        return BearerAuth(env[TOKEN_VARIABLE]), [env[TOKEN_VARIABLE]]
    if env.get(USER_VARIABLE):
        password = env.get(PASSWORD_VARIABLE, "")
        try:
            auth = PasswordAuth(env[USER_VARIABLE], password, env.get(SCHEME_VARIABLE))
        except ValueError as error:
            raise RemoteError(str(error)) from None
        return auth, [password] if password else []
    netrc_file = Path(env.get("NETRC") or Path.home() / ".netrc")
    if netrc_file.is_file():
        import netrc

        secrets = [password for _, _, password in netrc.netrc(str(netrc_file)).hosts.values() if password]
        return httpx.NetRCAuth(str(netrc_file)), secrets
    return None, []


def check_endpoint_url(url: str, option: str = "--endpoint") -> str:
    """Refuse URLs that are not http(s) or that carry credentials (they belong in the environment)."""
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise RemoteError(f"{option} must be an http(s) URL")
    if parsed.userinfo:
        raise RemoteError(
            f"{option}: put credentials in {USER_VARIABLE}/{PASSWORD_VARIABLE}, {TOKEN_VARIABLE} or a netrc file, "
            "not in the URL"
        )
    return url


class EndpointClient:
    """An httpx client that authenticates, retries 5xx and connection errors, and explains 4xx."""

    def __init__(
        self,
        timeout: float | None = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
        environ: dict[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.auth, self._secrets = auth_from_environment(environ)
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self.http = httpx.Client(auth=self.auth, timeout=timeout, follow_redirects=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def request(self, method: str, url: str, what: str, **kwargs) -> httpx.Response:
        """Send one request; ``what`` names it in messages ("PUT graph <...>")."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.http.request(method, url, **kwargs)
            except httpx.TimeoutException:
                raise RemoteError(f"{what}: {url} did not answer in time") from None
            except httpx.TransportError as error:
                if last:
                    raise RemoteError(
                        f"{what}: cannot reach {url} ({self.redact(str(error))}), after {attempt + 1} attempt(s)"
                    ) from None
            else:
                if response.status_code < 400:
                    return response
                message = self.redact(readable_message(response.text)[:MESSAGE_CHARS]) or response.reason_phrase
                if response.status_code < 500 or refusal_in_server_error(response.text):
                    raise RemoteError(f"{what}: the server refused it ({response.status_code}): {message}")
                if last:
                    raise RemoteError(
                        f"{what}: server error {response.status_code} after {attempt + 1} attempt(s): {message}"
                    )
            self._sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def sparql(
        self, url: str, text: str, what: str = "query", accept: str = ACCEPT
    ) -> ox.QuerySolutions | ox.QueryBoolean | Triples:
        """Send a SPARQL query as written (SPARQL 1.1 Protocol, POST); SELECT/ASK give Oxigraph
        results, CONSTRUCT/DESCRIBE :class:`Triples`."""
        response = self.request("POST", url, what, data={"query": text}, headers={"Accept": accept})
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if media_type in RESULTS_TYPES:
                return ask_as_boolean(ox.parse_query_results(response.content, format=RESULTS_TYPES[media_type]))
            if media_type in GRAPH_TYPES:
                return Triples(ox.parse(response.content, format=GRAPH_TYPES[media_type]))
        except SyntaxError as error:
            raise RemoteError(f"{what}: {url} answered with invalid {media_type} ({error})") from None
        raise RemoteError(f"{what}: {url} answered with {media_type or 'no content type'}, not SPARQL results or RDF")

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> EndpointClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
