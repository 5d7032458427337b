"""Bad input never stops a build: a matrix of broken files, feeds and URLs built beside good articles.

Every good article is built; every bad input is named in the summary with its reason; no
traceback reaches the console; the exit code is 0; documents already in the store are untouched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.local_site import PageHandler, serve

GOOD_TEXT = "Talks in {city}\n\nForeign Minister Hadi Rashad met the envoy of the Red Brigade in {city} on Monday."
ARTICLE_HTML = (
    "<html><head><title>Vote in Lima</title></head><body><article><p>"
    + "Thousands protested in Lima on Sunday against the new tax, the police said. " * 3
    + "</p></article></body></html>"
).encode()


class Handler(PageHandler):
    """Articles, redirects, a loop, a huge body, an image, a server error."""

    def do_GET(self):  # noqa: N802
        path = self.path
        if path == "/article":
            self.send(200, "text/html; charset=utf-8", ARTICLE_HTML)
        elif path == "/moved-article":
            self.send(200, "text/html; charset=utf-8", ARTICLE_HTML.replace(b"Lima", b"Quito"))
        elif path.startswith("/hop/"):  # /hop/5 redirects five times, then the article
            left = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{left - 1}" if left > 1 else "/moved-article")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/huge":  # 100 MB announced and sent in chunks until the client gives up
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            try:
                for _ in range(100 * 16):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/image":
            self.send(200, "image/png", b"\x89PNG\r\n\x1a\n")
        elif path == "/broken":
            self.send(500, "text/plain", b"oops")
        else:
            self.send(404, "text/plain", b"gone")


@pytest.fixture
def server():
    with serve(handler=Handler) as base:
        yield base


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def write_inputs(folder: Path) -> tuple[list[str], dict[str, str]]:
    """Good and bad files in ``folder``: (ids of the good documents, bad input -> words its reason holds)."""
    folder.mkdir()
    good = []
    for name, city in (("kabul-talks", "Lyon"), ("lima-talks", "Lima")):
        (folder / f"{name}.txt").write_text(GOOD_TEXT.format(city=city), encoding="utf-8")
        good.append(name)
    (folder / "utf16.txt").write_bytes(GOOD_TEXT.format(city="Quito").encode("utf-16"))
    good.append("utf16")
    deep = "<div>" * 400 + "<article><p>" + "Police arrested two men in Quito on Friday. " * 4 + "</p></article>"
    (folder / "deep.html").write_text(f"<html><body>{deep}{'</div>' * 400}</body></html>", encoding="utf-8")
    good.append("deep")
    bad = {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "latin1.txt": "not valid UTF-8",
        "pipe.txt": "not a regular file",
        "dangling.txt": "cannot read",
        "nothing.html": "no article text",
        "empty.jsonl": "empty",
        "binary.jsonl": "binary",
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n\t ")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Café in Bogotá".encode("latin-1"))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # in a folder, only article files are read: ignored
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "nothing.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    (folder / "empty.jsonl").write_bytes(b"\n\n")
    (folder / "binary.jsonl").write_bytes(b"\x00\x01\x02{}")
    lines = [
        {"id": "feed-good", "text": "Troops withdrew from Mopti on Tuesday, the army said.", "publisher": "Mopti Post"},
        # Metadata that cannot stay is repaired or dropped; the articles still build.
        {"id": "bad-meta", "text": "The envoy met Hadi Rashad in Lyon.", "url": 'https://ex.org/a b|{"<', "title": [1]},
        {"id": 12345, "text": "Protesters marched in Lima.", "url": 5, "published": "the day after tomorrow-ish"},
        {"id": "bidi", "text": "Hadi\u200b Rashad met \u202eZed Omar\u202c in Lyon.", "title": "\u202eevil"},
        '{"id": "cut", "text": ',  # malformed JSON
        {"id": "no-text"},
        {"id": "number-text", "text": 42},
        {"id": "list-text", "text": ["a"]},
        {"id": "blank-text", "text": "   "},
        "[1, 2, 3]",
        "[" * 100_000 + "]" * 100_000,  # nested past the JSON parser's depth
        {"id": "feed-good", "text": "A second article with an id already used."},
    ]
    (folder / "feed.jsonl").write_text(jsonl(*lines), encoding="utf-8")
    with (folder / "feed.jsonl").open("ab") as feed:
        feed.write(b'{"id": "latin", "text": "caf\xe9"}\n')
    good += ["feed-good", "bad-meta", "12345", "bidi"]
    for number, reason in [
        (5, "malformed JSON"),
        (6, "string field 'text'"),
        (7, "string field 'text'"),
        (8, "string field 'text'"),
        (9, "empty"),
        (10, "string field 'text'"),
        (11, "malformed JSON"),
        (12, "duplicate document id"),
        (13, "not valid UTF-8"),
    ]:
        bad[f"feed.jsonl:{number}"] = reason
    return good, bad


def test_a_build_of_good_and_bad_inputs_builds_the_good_and_names_the_bad(tmp_path, server):
    good, bad = write_inputs(tmp_path / "in")
    urls_good = [f"{server}/article", f"{server}/hop/5"]
    urls_bad = {
        f"{server}/gone": "HTTP 404",
        f"{server}/broken": "HTTP 500",
        f"{server}/loop": "redirects",
        f"{server}/huge": "too large",
        f"{server}/image": "unsupported content type",
        "http://127.0.0.1:9/closed": "cannot read",
        "https://exa mple.org/[": "not a valid http(s) URL",
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path / "in" / "notes.docx"): "unsupported file type",  # named on its own, it is refused
    }
    out = tmp_path / "out"
    # A document already in the store, which the run must leave exactly as it is.
    (tmp_path / "before.txt").write_text(GOOD_TEXT.format(city="Mopti"), encoding="utf-8")
    kg_build(tmp_path / "before.txt", "--out", out)
    before = graph_quads(out / "store", "before")

    done = kg_build(tmp_path / "in", *urls_good, *urls_bad, "--out", out)
    console = done.stdout + done.stderr
    assert done.returncode == 0, console
    assert "Traceback" not in console
    summary = json.loads((out / "summary.json").read_text())
    reasons = {item["source"]: item["reason"] for item in summary["skipped"]}
    expected = {str(tmp_path / "in" / name) if not name.startswith("feed") else name: why for name, why in bad.items()}
    expected |= urls_bad
    for source, words in expected.items():
        match = [reason for name, reason in reasons.items() if name == source or name.endswith("/" + source)]
        assert match and words in match[0], (source, reasons.get(source))
        assert source.split("/")[-1] in console or source in console  # named on the console too
    assert len(summary["skipped"]) == len(expected), sorted(reasons)
    assert summary["documents_built"] == len(good) + len(urls_good)
    store = ox.Store.read_only(str(out / "store"))
    identifiers = {
        row["id"].value
        for row in store.query(
            "SELECT ?id WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/identifier> ?id } }",
            use_default_graph_as_union=True,
        )
    }
    assert set(good) <= identifiers and "before" in identifiers
    assert len(identifiers) == len(good) + len(urls_good) + 1
    del store
    assert graph_quads(out / "store", "before") == before
    notes = " ".join(n["message"] for n in summary["notices"])
    assert "percent-encoded" in notes and "title is a list" in notes and "url is a number" in notes
    validated = subprocess.run(
        [sys.executable, "-m", "kg", "validate", str(out / "store")], capture_output=True, text=True, timeout=600
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr


def kg_build(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", "build", *map(str, args)], capture_output=True, text=True, timeout=900
    )


def graph_quads(store_path: Path, doc_id: str) -> set[str]:
    store = ox.Store.read_only(str(store_path))
    graph = ox.NamedNode(f"https://w3id.org/newskg/id/doc/{doc_id}")
    return {str(q) for q in store.quads_for_pattern(None, None, None, graph)}
