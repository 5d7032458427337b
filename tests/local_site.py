"""A web site on 127.0.0.1 for the tests that fetch articles and feeds (no network beyond this machine).

>>> import httpx
>>> with serve({"/a": ("text/plain", b"hello")}) as base:
...     httpx.get(f"{base}/a").text, httpx.get(f"{base}/b").status_code
('hello', 404)
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# path -> (Content-Type, body); a callable gets the site's base URL (for pages that link to the site).
Pages = dict[str, tuple[str, bytes]] | Callable[[str], dict[str, tuple[str, bytes]]]


class PageHandler(http.server.BaseHTTPRequestHandler):
    """Answers each path of ``server.pages`` with its body, any other with 404; waits for
    ``server.answer_when`` (a threading.Event), if set, before answering."""

    def do_GET(self):  # noqa: N802
        if self.server.answer_when is not None:
            self.server.answer_when.wait(timeout=300)
        pages = self.server.pages
        if callable(pages):
            pages = pages(f"http://127.0.0.1:{self.server.server_address[1]}")
        content_type, body = pages.get(self.path, ("text/plain", b"gone"))
        self.send(200 if self.path in pages else 404, content_type, body)

    def send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serve(
    pages: Pages | None = None,
    handler: type[http.server.BaseHTTPRequestHandler] = PageHandler,
    answer_when: threading.Event | None = None,
) -> Iterator[str]:
    """Serve ``pages`` (or whatever ``handler`` answers) on a free port of 127.0.0.1; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.pages, server.answer_when = pages or {}, answer_when
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        if answer_when is not None:
            answer_when.set()  # a request still waiting must not hold the shutdown
        server.shutdown()
        server.server_close()
