"""Readers for each kind of source: .txt, .html/.htm, .jsonl, RSS and Atom feeds, directories, http(s) URLs."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import lxml.html

from kg.ingest.metadata import clean_metadata, normalize_url
from kg.model import Document

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
FEED_SUFFIXES = {".rss", ".atom"}
XML_SUFFIXES = {".xml"}  # read when it parses as an RSS or Atom feed
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | XML_SUFFIXES
# An article page is kilobytes; a download past this is not an article (and would fill memory).
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 10
_SURROGATE = re.compile("[\ud800-\udfff]")
# Byte-order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read: which one, why (shown to the user as is), and the
    kind of failure (for the closing count: "empty", "binary", "encoding", ...)."""

    source: str
    reason: str
    kind: str = "unreadable"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Notice:
    """Something repaired or dropped in an input that was still read (a bad URL, a title that is no text)."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(ValueError):
    """Raised by a reader for an input it cannot turn into a document."""

    def __init__(self, reason: str, kind: str):
        super().__init__(reason)
        self.kind = kind


def read_sources(sources: Iterable[str]) -> Iterator[Document | Skipped | Notice]:
    """Yield a Document for each article found in ``sources``, a Skipped for each failure,
    and a Notice for each metadata field repaired or dropped (the document still comes).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Title\\n\\nBody text.", encoding="utf-8")
    >>> [x.title for x in read_sources([str(d / "a.txt")])]
    ['Title']
    """
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield from _guard(source, lambda s=source: read_url_or_feed(s))
            continue
        path = Path(source)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            yield Skipped(source, "no such file or directory", "missing")
            continue
        except OSError as err:
            yield Skipped(source, f"cannot read: {err.strerror or err}")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        else:
            yield from _read_path(path, mode)


def _walk(folder: Path) -> Iterator[Document | Skipped | Notice]:
    """The supported files under ``folder``, in sorted order; unreadable folders are named, never followed
    through symbolic links (no loops), and special files are skipped without being opened."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs.sort()
        for error in errors:
            yield Skipped(str(error.filename or root), f"cannot read folder: {error.strerror or error}")
        errors.clear()
        for name in sorted(files):
            path = Path(root) / name
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            try:
                mode = path.stat().st_mode
            except OSError as err:
                yield Skipped(str(path), f"cannot read: {err.strerror or err}")
                continue
            yield from _read_path(path, mode, named=False)
    for error in errors:
        yield Skipped(str(error.filename or folder), f"cannot read folder: {error.strerror or error}")


def _guard(source: str, read) -> Iterator[Document | Skipped | Notice]:
    try:
        yield from read()
    except InputError as err:
        yield Skipped(source, str(err), err.kind)
    except (OSError, httpx.HTTPError) as err:
        yield Skipped(source, f"cannot read: {err}")


def _read_path(path: Path, mode: int, named: bool = True) -> Iterator[Document | Skipped | Notice]:
    """The documents of one file; ``named`` is False for a file found in a folder (an .xml file there
    that is no feed is passed over quietly, as other files of unsupported types are)."""
    suffix = path.suffix.lower()
    if not stat.S_ISREG(mode):
        # Opening a FIFO would wait for a writer forever; a device may never end.
        yield Skipped(str(path), "not a regular file (a FIFO, socket or device): not read", "special")
    elif suffix in JSONL_SUFFIXES:
        yield from _guard(str(path), lambda: read_jsonl(path))
    elif suffix in HTML_SUFFIXES:
        yield from _guard(str(path), lambda: [read_html(path.read_bytes(), source=str(path))])
    elif suffix in TEXT_SUFFIXES:
        yield from _guard(str(path), lambda: [read_txt(path)])
    elif suffix in FEED_SUFFIXES or suffix in XML_SUFFIXES:
        quiet = not named and suffix in XML_SUFFIXES
        yield from _guard(str(path), lambda: _read_feed_file(path, quiet))
    else:
        yield Skipped(
            str(path),
            f"unsupported file type {suffix or '(none)'!r}; use .txt, .html, .jsonl, .rss, .atom or a feed .xml",
            "unsupported",
        )


def _read_feed_file(path: Path, quiet: bool) -> Iterable[Document | Skipped | Notice]:
    from kg.ingest import feeds  # feeds reads its items' pages through this module

    data = path.read_bytes()
    if quiet and not feeds.is_feed(data):
        return []
    return feeds.read_feed(data, source=str(path))


def _decode(data: bytes) -> str:
    """Text of a file: UTF-8 (with or without a byte-order mark), or UTF-16/32 with one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"not valid {encoding.upper()} after its byte-order mark ({err.reason})", "encoding"
                ) from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", "binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not valid UTF-8 (byte {err.start}: {data[err.start : err.start + 1]!r}); "
            "save it as UTF-8, or UTF-16 with a byte-order mark",
            "encoding",
        ) from None


def _require_text(text: str) -> str:
    if not text.strip():
        raise InputError("empty: no article text", "empty")
    return text


def read_txt(path: Path) -> Document:
    """A UTF-8 text file; its first line is the title when a blank line follows it."""
    text = _require_text(_decode(path.read_bytes()))
    lines = text.split("\n", 2)
    title = lines[0].strip() if len(lines) > 2 and not lines[1].strip() and lines[0].strip() else None
    return Document.from_text(text, id=path.stem, title=title, source=str(path))


def _host(url: str | None) -> str | None:
    """A URL's host without ``www.``, the publisher of last resort."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def read_html(html: bytes | str, source: str, url: str | None = None) -> Document:
    """Article text, title, date and site name from an HTML page, through trafilatura."""
    import trafilatura  # ~0.1 s to import: only for HTML inputs

    if isinstance(html, bytes):
        html = _decode(html)
    _require_text(html)
    # lxml refuses trees deeper than 256 elements unless asked; pages nested deeper still hold articles.
    tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True))
    result = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise InputError("no article text found in the HTML", "empty")
    # trafilatura separates paragraphs with one newline; a blank line keeps them as sentence breaks.
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    fields, _ = clean_metadata(
        {"title": result.title, "url": url or getattr(result, "url", None), "published": result.date}
    )
    return Document.from_text(
        text,
        id=Path(source).stem if url is None else None,
        title=fields["title"],
        url=fields["url"],
        published=fields["published"],
        publisher=" ".join((result.sitename or "").split()) or _host(fields["url"]),
        source=source,
    )


@dataclass(frozen=True)
class Fetched:
    """The body of an http(s) response, with what its headers say about it."""

    url: str  # the normalised IRI asked for
    body: bytes
    content_type: str
    encoding: str | None


def fetch(url: str, timeout: float = 30.0, max_bytes: int = MAX_DOWNLOAD_BYTES) -> Fetched:
    """GET ``url`` (at most ``max_bytes``, at most ``MAX_REDIRECTS`` redirects); an HTTP error is an InputError."""
    iri = normalize_url(url)
    if iri is None:
        raise InputError("not a valid http(s) URL", "unsupported")
    with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS) as client:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(f"HTTP {response.status_code} {response.reason_phrase}", "http")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"too large: {int(declared):,} bytes (at most {max_bytes:,} are read)", "too-large")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(f"too large: more than {max_bytes:,} bytes (at most that is read)", "too-large")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(iri, bytes(body), content_type, response.charset_encoding)


def article_from(fetched: Fetched, source: str) -> Document:
    """The article in a fetched page: HTML goes through trafilatura, plain text as is."""
    if "html" in fetched.content_type or not fetched.content_type:
        html = fetched.body if fetched.encoding is None else fetched.body.decode(fetched.encoding, errors="replace")
        return read_html(html, source=source, url=fetched.url)
    if fetched.content_type.startswith("text/"):
        text = _require_text(fetched.body.decode(fetched.encoding or "utf-8", errors="replace"))
        return Document.from_text(text, url=fetched.url, publisher=_host(fetched.url), source=source)
    raise InputError(f"unsupported content type {fetched.content_type!r}", "unsupported")


def read_url(url: str, timeout: float = 30.0, max_bytes: int = MAX_DOWNLOAD_BYTES) -> Document:
    """Fetch an article over http(s) (at most ``max_bytes``, at most ``MAX_REDIRECTS`` redirects);
    HTML goes through trafilatura, plain text as is."""
    return article_from(fetch(url, timeout, max_bytes), source=url)


def read_url_or_feed(url: str) -> Iterator[Document | Skipped | Notice]:
    """The article at ``url``, or each item of the RSS or Atom feed there."""
    from kg.ingest import feeds  # feeds reads its items' pages through this module

    fetched = fetch(url)
    if feeds.is_feed_type(fetched.content_type):
        yield from feeds.read_feed(fetched.body, source=url, feed_url=fetched.url)
    else:
        yield article_from(fetched, source=url)


def read_jsonl(path: Path) -> Iterator[Document | Skipped | Notice]:
    """JSON Lines, streamed: one article per line (``id``, ``text``, optional ``title``, ``url``,
    ``published``, ``publisher``, ``source``).

    Lines end only at ``\\n`` (``\\r\\n`` accepted), so U+2028 or U+0085 inside a string stay
    inside it, and line numbers are those an editor shows. A bad line is skipped with its number;
    the other lines still go through.
    """
    lines = 0
    with path.open("rb") as file:
        if b"\x00" in file.read(8192).removeprefix(codecs.BOM_UTF8):
            raise InputError("binary file (contains NUL bytes), not JSON Lines", "binary")
        file.seek(0)
        for number, raw in enumerate(file, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield Skipped(where, f"not valid UTF-8 (column {err.start + 1})", "encoding")
                continue
            if not line.strip():
                continue
            lines += 1
            yield from _jsonl_record(line, where)
    if not lines:
        raise InputError("empty: no lines", "empty")


def _jsonl_record(line: str, where: str) -> Iterator[Document | Skipped | Notice]:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        detail = f"{err.msg} at column {err.colno}" if isinstance(err, json.JSONDecodeError) else "nested too deep"
        yield Skipped(where, f"malformed JSON ({detail})", "malformed")
        return
    if isinstance(record, dict):
        # "\\ud800" in JSON is a lone surrogate: no character at all (a producer's broken UTF-16).
        for key, value in record.items():
            if isinstance(value, str) and _SURROGATE.search(value):
                record[key] = _SURROGATE.sub("\ufffd", value)
                yield Notice(where, f"{key} held lone surrogate escapes (broken UTF-16): replaced by U+FFFD")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        yield Skipped(where, "a JSON object with a string field 'text' is required", "malformed")
        return
    if not record["text"].strip():
        yield Skipped(where, "empty: no article text", "empty")
        return
    fields, notes = clean_metadata(record)
    for note in notes:
        yield Notice(where, note)
    yield Document.from_text(
        record["text"],
        id=fields["id"],
        title=fields["title"],
        url=fields["url"],
        published=fields["published"],
        publisher=fields["publisher"] or _host(fields["url"]),
        source=fields["source"] or where,
    )
