"""Readers for each kind of source: .txt, .html/.htm, .jsonl, directories, http(s) URLs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dateparser
import httpx
import trafilatura

from kg.model import Document

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read: which one, why (shown to the user as is), and the
    kind of failure (for the closing count: "empty", "binary", "encoding", ...)."""

    source: str
    reason: str
    kind: str = "unreadable"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class InputError(ValueError):
    """Raised by a reader for an input it cannot turn into a document."""

    def __init__(self, reason: str, kind: str):
        super().__init__(reason)
        self.kind = kind


def read_sources(sources: Iterable[str]) -> Iterator[Document | Skipped]:
    """Yield a Document for each article found in ``sources``, a Skipped for each failure.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Title\\n\\nBody text.", encoding="utf-8")
    >>> [x.title for x in read_sources([str(d / "a.txt")])]
    ['Title']
    """
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield from _guard(source, lambda s=source: [read_url(s)])
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                if file.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield from _read_path(file)
        elif path.exists():
            yield from _read_path(path)
        else:
            yield Skipped(source, "no such file or directory", "missing")


def _guard(source: str, read) -> Iterator[Document | Skipped]:
    try:
        yield from read()
    except InputError as err:
        yield Skipped(source, str(err), err.kind)
    except (OSError, httpx.HTTPError) as err:
        yield Skipped(source, f"cannot read: {err}")


def _read_path(path: Path) -> Iterator[Document | Skipped]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _guard(str(path), lambda: read_jsonl(path))
    elif suffix in HTML_SUFFIXES:
        yield from _guard(str(path), lambda: [read_html(path.read_bytes(), source=str(path))])
    elif suffix in TEXT_SUFFIXES:
        yield from _guard(str(path), lambda: [read_txt(path)])
    else:
        yield Skipped(
            str(path), f"unsupported file type {suffix or '(none)'!r}; use .txt, .html, .jsonl", "unsupported"
        )


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not valid UTF-8 (byte {err.start}: {data[err.start : err.start + 1]!r})", "encoding"
        ) from None
    return text


def _require_text(text: str) -> str:
    if not text.strip():
        raise InputError("empty: no article text", "empty")
    return text


def normalize_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) for a publication date written in any common form, else None.

    >>> normalize_date("March 4, 2025"), normalize_date("2025-03-04T10:00:00Z"), normalize_date("soon")
    ('2025-03-04', '2025-03-04', None)
    """
    if not value:
        return None
    parsed = dateparser.parse(str(value), settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def read_txt(path: Path) -> Document:
    """A UTF-8 text file; its first line is the title when a blank line follows it."""
    text = _require_text(_decode(path.read_bytes()))
    lines = text.split("\n", 2)
    title = lines[0].strip() if len(lines) > 2 and not lines[1].strip() and lines[0].strip() else None
    return Document.from_text(text, id=path.stem, title=title, source=str(path))


def read_html(html: bytes | str, source: str, url: str | None = None) -> Document:
    """Article text, title and date from an HTML page, through trafilatura."""
    if isinstance(html, bytes):
        html = _decode(html)
    _require_text(html)
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise InputError("no article text found in the HTML", "empty")
    # trafilatura separates paragraphs with one newline; a blank line keeps them as sentence breaks.
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    return Document.from_text(
        text,
        id=Path(source).stem if url is None else None,
        title=result.title or None,
        url=url or getattr(result, "url", None),
        published=normalize_date(result.date),
        source=source,
    )


def read_url(url: str, timeout: float = 30.0) -> Document:
    """Fetch an article over http(s); HTML goes through trafilatura, plain text as is."""
    response = httpx.get(url, timeout=timeout, follow_redirects=True)
    if response.status_code >= 400:
        raise InputError(f"HTTP {response.status_code} {response.reason_phrase}", "http")
    content_type = response.headers.get("content-type", "")
    if "html" in content_type or not content_type:
        return read_html(response.content, source=url, url=url)
    if content_type.startswith("text/"):
        text = _require_text(response.text)
        return Document.from_text(text, url=url, source=url)
    raise InputError(f"unsupported content type {content_type!r}", "unsupported")


def read_jsonl(path: Path) -> Iterator[Document | Skipped]:
    """One article per line: ``id``, ``text``, optional ``title``, ``url``, ``published``, ``source``.

    A bad line is skipped with its line number; the other lines still go through.
    """
    text = _decode(path.read_bytes())
    if not text.strip():
        raise InputError("empty: no lines", "empty")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(where, f"malformed JSON ({err.msg} at column {err.colno})", "malformed")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Skipped(where, "a JSON object with a string field 'text' is required", "malformed")
            continue
        if not record["text"].strip():
            yield Skipped(where, "empty: no article text", "empty")
            continue
        doc_id = record.get("id")
        yield Document.from_text(
            record["text"],
            id=str(doc_id) if doc_id not in (None, "") else None,
            title=record.get("title") or None,
            url=record.get("url") or None,
            published=normalize_date(record.get("published")),
            source=record.get("source") or where,
        )
