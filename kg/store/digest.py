"""A user name and password for a SPARQL server: HTTP basic, or digest when the server asks for it.

Virtuoso's writable endpoints (``/sparql-auth``, ``/sparql-graph-crud-auth``) accept only
digest authentication. ``KG_ENDPOINT_AUTH`` chooses the scheme:

- unset (``auto``): basic; when the server refuses it (401), the request is asked again
  without credentials to learn the scheme the server takes, and if that is digest, the
  client answers the digest challenge, and uses digest for good;
- ``digest``: digest only, the password never travels, not even base64-encoded;
- ``basic``: basic only.

>>> auth = PasswordAuth("analyst", "pw", "digest")
>>> auth.scheme
'digest'
>>> PasswordAuth("analyst", "pw", "kerberos")
Traceback (most recent call last):
ValueError: KG_ENDPOINT_AUTH='kerberos': use basic or digest
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

SCHEME_VARIABLE = "KG_ENDPOINT_AUTH"
SCHEMES = ("auto", "basic", "digest")


def asks_for_digest(response: httpx.Response) -> bool:
    """Whether a 401 answer carries a digest challenge."""
    challenges = response.headers.get_list("www-authenticate")
    return response.status_code == 401 and any(c.lower().startswith("digest ") for c in challenges)


class PasswordAuth(httpx.Auth):
    """Basic or digest authentication with one user name and password (see the module's notes)."""

    requires_request_body = True  # a request answered by a digest challenge is sent again, body and all

    def __init__(self, user: str, password: str, scheme: str | None = None):
        scheme = (scheme or "auto").strip().lower()
        if scheme not in SCHEMES:
            raise ValueError(f"{SCHEME_VARIABLE}={scheme!r}: use basic or digest")
        self.scheme = scheme
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield next(self._basic.auth_flow(request))
        if self.scheme != "auto" or response.status_code != 401:
            return
        del request.headers["Authorization"]
        if not asks_for_digest(response):
            # Virtuoso answers basic credentials with a bare 401: asked without any, it says what it takes.
            response = yield request
            if not asks_for_digest(response):
                return
        self.scheme = "digest"  # the next requests answer the server's challenge at once
        digest = self._digest.auth_flow(request)
        next(digest)  # digest's first, unauthenticated try: the 401 in hand is its answer
        try:
            retry = digest.send(response)
        except StopIteration:
            return
        yield retry
