import codecs
import json

import pytest

from kg.ingest import Notice, Skipped, read_sources
from kg.model import Document
from tests.local_site import serve

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
    with serve({"/article": ("text/html; charset=utf-8", HTML)}) as base:
        yield base


def test_urls_are_fetched_and_http_errors_reported(http_server):
    doc, missing = list(read_sources([f"{http_server}/article", f"{http_server}/gone"]))
    assert doc.url == f"{http_server}/article" and doc.title == "Talks in Ankara"
    assert doc.id.startswith("sha256-")
    assert isinstance(missing, Skipped) and "HTTP 404" in missing.reason


def documents(items):
    return [i for i in items if isinstance(i, Document)]


def test_jsonl_lines_end_only_at_newline(tmp_path):
    # U+2028, U+2029 and U+0085 are line breaks to str.splitlines(), not to JSON Lines.
    separators = "\u2028\u2029\x85"
    records = [{"id": f"d{i}", "text": f"First{sep}second sentence in Lyon."} for i, sep in enumerate(separators)]
    body = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\r\n" + "{broken\n"
    (tmp_path / "feed.jsonl").write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
    items = read(tmp_path / "feed.jsonl")
    assert [d.id for d in documents(items)] == ["d0", "d1", "d2"]
    assert documents(items)[0].text == "First\u2028second sentence in Lyon."
    [bad] = [i for i in items if isinstance(i, Skipped)]
    assert bad.source.endswith("feed.jsonl:4") and "malformed JSON" in bad.reason


def test_jsonl_line_with_invalid_utf8_costs_only_that_line(tmp_path):
    good = json.dumps({"id": "ok", "text": "Calm in Lima."}).encode()
    bad = b'{"id": "bad", "text": "caf\xe9"}\n'
    (tmp_path / "mixed.jsonl").write_bytes(good + b"\n" + bad + good.replace(b"ok", b"ok2"))
    items = read(tmp_path / "mixed.jsonl")
    assert [d.id for d in documents(items)] == ["ok", "ok2"]
    [bad] = [i for i in items if isinstance(i, Skipped)]
    assert bad.source.endswith(":2") and bad.kind == "encoding"


@pytest.mark.parametrize(
    "field, value, expect, note",
    [
        ("url", 'https://example.org/a b|c{d}"e"<f>', "https://example.org/a%20b%7Cc%7Bd%7D%22e%22%3Cf%3E", "encoded"),
        ("url", 12345, None, "not text"),
        ("url", "javascript:alert(1)", None, "not an absolute http(s) URL"),
        ("url", "http://[::1", None, "not an absolute http(s) URL"),
        ("title", ["a", "list"], None, "title is a list"),
        ("title", {"en": "x"}, None, "title is an object"),
        ("published", "not a date at all", None, "not a date"),
        ("published", 10**30, None, "not a date"),
        ("id", 42, "42", None),
        ("publisher", "  Example   News ", "Example News", None),
    ],
)
def test_jsonl_metadata_is_repaired_or_dropped_with_a_note(tmp_path, field, value, expect, note):
    (tmp_path / "f.jsonl").write_text(json.dumps({"text": "Talks in Lima.", field: value}) + "\n", encoding="utf-8")
    items = read(tmp_path / "f.jsonl")
    [doc] = documents(items)
    notes = [i.message for i in items if isinstance(i, Notice)]
    assert getattr(doc, field) == expect
    assert (note is None and not notes) or (note and any(note in n for n in notes))
    if doc.url:
        import pyoxigraph as ox

        ox.NamedNode(doc.url)  # a valid IRI


def test_publisher_falls_back_to_the_url_host(tmp_path):
    (tmp_path / "f.jsonl").write_text(
        json.dumps({"id": "a", "text": "Talks in Lima.", "url": "https://www.example.org/x"}) + "\n", encoding="utf-8"
    )
    [doc] = read(tmp_path / "f.jsonl")
    assert doc.publisher == "example.org"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_text_files_with_a_byte_order_mark_are_decoded(tmp_path, encoding):
    text = "Talks in Bogotá\n\nThe envoy met the minister in Bogotá."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (tmp_path / "a.txt").write_bytes(data)
    [doc] = read(tmp_path / "a.txt")
    assert doc.text == text and doc.title == "Talks in Bogotá"


def test_special_files_are_skipped_not_opened(tmp_path):
    import os
    import threading

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("T\n\nBody in Lima.", encoding="utf-8")
    found = []
    reader = threading.Thread(target=lambda: found.extend(read(tmp_path, tmp_path / "pipe.txt")), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a FIFO blocked"
    kinds = [(type(i).__name__, getattr(i, "kind", None)) for i in found]
    assert kinds == [("Document", None), ("Skipped", "special"), ("Skipped", "special")]
    assert "FIFO" in found[1].reason


def test_deeply_nested_html_still_gives_its_article(tmp_path):
    paragraph = "<p>" + "The envoy met the minister in Lima on Monday to talk about the border. " * 4 + "</p>"
    page = "<html><head><title>Deep</title></head><body>" + "<div>" * 400 + "<article>" + paragraph * 3
    page += "</article>" + "</div>" * 400 + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    [doc] = read(tmp_path / "deep.html")
    assert "The envoy met the minister in Lima" in doc.text and doc.title == "Deep"


def test_lone_surrogate_escapes_are_replaced_with_a_note(tmp_path):
    # Valid JSON, but "\ud800" is half of a UTF-16 pair: no character; it would break hashing and RDF.
    (tmp_path / "f.jsonl").write_text('{"id": "s", "text": "Bad \\ud800 in Lima.", "title": "t\\udc00"}\n')
    items = read(tmp_path / "f.jsonl")
    [doc] = documents(items)
    assert doc.text == "Bad \ufffd in Lima." and doc.title == "t\ufffd"
    assert [i.message.split()[0] for i in items if isinstance(i, Notice)] == ["text", "title"]


def test_a_50_mb_feed_streams_in_small_memory_and_names_its_few_bad_lines(tmp_path):
    import tracemalloc

    line = json.dumps({"id": "x", "text": "Police in Lima arrested two men on Monday. " * 20}) + "\n"
    bad_at = {1_000: '{"id": "cut", "text": \n', 20_000: "[1, 2]\n", 50_000: '{"id": "t", "text": 5}\n'}
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as feed:
        number = 0
        while feed.tell() < 50 * 1024 * 1024:
            number += 1
            feed.write(bad_at.get(number) or line.replace('"x"', f'"d{number}"', 1))
    tracemalloc.start()
    documents = 0
    bad_lines = []
    for item in read_sources([str(path)]):
        if isinstance(item, Document):
            documents += 1
        else:
            bad_lines.append(int(item.source.rsplit(":", 1)[1]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert bad_lines == sorted(bad_at) and documents == number - len(bad_at)
    assert peak < 5 * 1024 * 1024  # streamed: a few lines at a time, not the 50 MB file
