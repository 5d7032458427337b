import http.server
import json
import threading

import pytest

from kg.ingest import Skipped, read_sources
from kg.model import Document

HTML = b"""<html><head><title>Talks in Ankara</title>
<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks in Ankara</h1>
<p>Turkish Foreign Minister Kemal Arslan met his Syrian counterpart in Ankara on Monday.</p>
<p>The two ministers discussed border security and the return of refugees for three hours.</p>
</article><footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""


def read(*paths):
    return list(read_sources([str(p) for p in paths]))


def test_txt_title_when_blank_line_follows(tmp_path):
    (tmp_path / "a.txt").write_text("A title\n\nThe body.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("No title here.\nSecond line.\n", encoding="utf-8")
    a, b = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert (a.id, a.title, a.text) == ("a", "A title", "A title\n\nThe body.\n")
    assert b.title is None
    assert a.sha256 == Document.from_text(a.text).sha256


def test_html_through_trafilatura_drops_boilerplate(tmp_path):
    (tmp_path / "page.html").write_bytes(HTML)
    [doc] = read(tmp_path / "page.html")
    assert doc.title == "Talks in Ankara"
    assert doc.published == "2025-03-04"
    assert "Kemal Arslan met" in doc.text and "refugees" in doc.text
    assert "Copyright" not in doc.text and "Sport" not in doc.text


def test_jsonl_good_lines_survive_a_malformed_one(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "Kabul was calm.", "title": "T", "published": "June 3, 2025"}),
        '{"id": "broken", "text": ',
        json.dumps({"text": "No id given."}),
        json.dumps({"id": "x3", "text": "   "}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(tmp_path / "feed.jsonl")
    docs = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.id for d in docs] == ["x1", Document.from_text("No id given.").id]
    assert docs[0].published == "2025-06-03"
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "4"]
    assert "malformed JSON" in skipped[0].reason and "empty" in skipped[1].reason


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Café in Bogotá".encode("latin-1"), "not valid UTF-8"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_are_skipped_with_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    [item] = read(tmp_path / name)
    assert isinstance(item, Skipped)
    assert item.source == str(tmp_path / name)
    assert reason in item.reason


def test_missing_path_and_directories(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("T\n\nBody.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    items = read(tmp_path, tmp_path / "nope.txt")
    assert [type(i).__name__ for i in items] == ["Document", "Skipped"]
    assert items[1].reason == "no such file or directory"


@pytest.fixture
def http_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/article":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(HTML)
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_are_fetched_and_http_errors_reported(http_server):
    doc, missing = list(read_sources([f"{http_server}/article", f"{http_server}/gone"]))
    assert doc.url == f"{http_server}/article" and doc.title == "Talks in Ankara"
    assert doc.id.startswith("sha256-")
    assert isinstance(missing, Skipped) and "HTTP 404" in missing.reason
