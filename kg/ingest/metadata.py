"""An article's metadata (id, title, URL, date, publisher), checked and normalised at ingest.

Metadata comes from untrusted feeds and pages. A field that can be repaired is
repaired (a URL with spaces or braces is percent-encoded); one that cannot is
dropped with a note saying which field and why. The article itself always goes on.

>>> fields, notes = clean_metadata({"title": ["a", "b"], "url": "https://example.org/a b|c", "published": "soon"})
>>> fields["url"], fields["title"], fields["published"]
('https://example.org/a%20b%7Cc', None, None)
>>> notes  # doctest: +NORMALIZE_WHITESPACE
['title is a list, not text: dropped', 'url held characters an IRI cannot: percent-encoded',
 "published 'soon' is not a date: dropped"]
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import dateparser
import pyoxigraph as ox

# Characters RFC 3987 allows in an IRI as they are; everything else is percent-encoded.
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%-._~"
_SCHEMES = ("http", "https")
MAX_FIELD_CHARS = 2_000


def normalize_date(value: Any) -> str | None:
    """ISO date (YYYY-MM-DD) for a publication date written in any common form, else None.

    >>> normalize_date("March 4, 2025"), normalize_date("2025-03-04T10:00:00Z"), normalize_date("soon")
    ('2025-03-04', '2025-03-04', None)
    """
    if value is None or isinstance(value, bool) or not str(value).strip():
        return None
    text = str(value).strip()[:100]
    try:
        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError):  # dateparser raises on some out-of-range numbers
        return None
    return parsed.date().isoformat() if parsed else None


def normalize_url(value: str) -> str | None:
    """An absolute http(s) IRI for ``value``, percent-encoding what an IRI may not hold; None if impossible.

    >>> normalize_url(' https://example.org/a "b" <c> '), normalize_url("example.org/x"), normalize_url("http://")
    ('https://example.org/a%20%22b%22%20%3Cc%3E', None, None)
    """
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unbalanced '[' in the host
        return None
    if parts.scheme.lower() not in _SCHEMES or not parts.netloc:
        return None
    # Non-ASCII letters are allowed in IRIs; only ASCII controls, spaces and delimiters are encoded.
    encoded = "".join(ch if ord(ch) > 127 and ch.isprintable() else quote(ch, safe=_IRI_SAFE) for ch in text)
    try:
        ox.NamedNode(encoded)
    except ValueError:
        return None
    return encoded


def _type_name(value: Any) -> str:
    return {list: "a list", dict: "an object", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _text_field(name: str, value: Any, notes: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        notes.append(f"{name} is {_type_name(value)}, not text: dropped")
        return None
    text = " ".join(value.split())
    if len(text) > MAX_FIELD_CHARS:
        notes.append(f"{name} is {len(text):,} characters long: cut to {MAX_FIELD_CHARS:,}")
        text = text[:MAX_FIELD_CHARS]
    return text or None


def clean_metadata(record: dict[str, Any]) -> tuple[dict[str, str | None], list[str]]:
    """The fields ``id``, ``title``, ``url``, ``published``, ``publisher``, ``source`` of ``record``, each a
    clean string or None, and a note for each field that was dropped or changed."""
    notes: list[str] = []
    title = _text_field("title", record.get("title"), notes)
    doc_id = record.get("id")
    if isinstance(doc_id, int | float) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    doc_id = _text_field("id", doc_id, notes)

    url = record.get("url")
    if isinstance(url, str) and url.strip():
        cleaned = normalize_url(url)
        if cleaned is None:
            notes.append(f"url {url[:80]!r} is not an absolute http(s) URL: dropped")
        elif cleaned != url.strip():
            notes.append("url held characters an IRI cannot: percent-encoded")
        url = cleaned
    elif url not in (None, ""):
        notes.append(f"url is {_type_name(url)}, not text: dropped")
        url = None
    else:
        url = None

    published = record.get("published")
    date = normalize_date(published)
    if date is None and published not in (None, ""):
        notes.append(f"published {str(published)[:40]!r} is not a date: dropped")

    return {
        "id": doc_id,
        "title": title,
        "url": url,
        "published": date,
        "publisher": _text_field("publisher", record.get("publisher"), notes),
        "source": _text_field("source", record.get("source"), notes),
    }, notes


__all__ = ["clean_metadata", "normalize_date", "normalize_url"]
