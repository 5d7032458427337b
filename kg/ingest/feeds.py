"""RSS and Atom feeds: each item becomes a document with its link, title, date and publisher.

The publisher is the feed's title (else the host of the item's link). An item that carries its
article (``content:encoded`` in RSS, ``<content>`` in Atom) is read from the feed; one that carries
only a summary (``<description>``, ``<summary>``) has its article page fetched through
:func:`kg.ingest.readers.read_url`, and the feed's title, date and publisher win over the page's.
When that page cannot be fetched, the summary stands in for it, with a notice saying so.

>>> rss = b'''<rss version="2.0"><channel><title>Harbour Wire</title>
... <item><title>Talks in Lima</title><link>https://example.org/lima</link>
... <pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
... <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">
... &lt;p>The envoy met the minister in Lima.&lt;/p>&lt;p>They spoke of the border.&lt;/p></content:encoded>
... </item></channel></rss>'''
>>> [doc] = read_feed(rss, source="wire.rss")
>>> doc.publisher, doc.title, doc.published, doc.url
('Harbour Wire', 'Talks in Lima', '2025-03-04', 'https://example.org/lima')
>>> doc.text
'The envoy met the minister in Lima.\\n\\nThey spoke of the border.'
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser
import httpx
import lxml.html

from kg.ingest.metadata import clean_metadata
from kg.ingest.readers import InputError, Notice, Skipped, _host, read_url
from kg.model import Document

# Content types a feed is served with (a generic XML type is read when it parses as a feed).
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
# Elements that end a paragraph when an item's HTML is turned into text.
BLOCK_TAGS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "figcaption")


def is_feed_type(content_type: str) -> bool:
    """Is a response of this content type (without parameters) read as a feed?"""
    return content_type in FEED_TYPES


def _parse(data: bytes, feed_url: str | None = None) -> Any:
    # Bytes, never a str: feedparser fetches a str that looks like a URL itself.
    headers = {"content-location": feed_url} if feed_url else None
    return feedparser.parse(bytes(data), response_headers=headers)


def is_feed(data: bytes) -> bool:
    """Does ``data`` parse as an RSS or Atom feed?

    >>> is_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>'), is_feed(b"<html></html>")
    (True, False)
    """
    return bool(_parse(data).version)


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, separated by a blank line.

    >>> html_text("<p>One  two.</p><ul><li>Three</li></ul>Four<br>five")
    'One two.\\n\\nThree\\n\\nFour\\nfive'
    """
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    paragraphs = []
    for paragraph in root.text_content().split("\n\n"):
        lines = (" ".join(line.split()) for line in paragraph.split("\n"))
        if text := "\n".join(line for line in lines if line):
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _item_text(detail: Any) -> str:
    """Text of a feedparser content or summary element (HTML or plain text)."""
    value = detail.get("value", "") if detail else ""
    if "html" in (detail.get("type", "") if detail else ""):
        return html_text(value)
    return "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            return time.strftime("%Y-%m-%d", entry[key])
    return entry.get("published") or entry.get("updated")


def read_feed(data: bytes, source: str, feed_url: str | None = None) -> Iterator[Document | Skipped | Notice]:
    """Each item of the RSS or Atom feed in ``data`` as a Document (a Skipped for an item without
    text, a Notice for metadata repaired or a page that could not be fetched)."""
    parsed = _parse(data, feed_url)
    if not parsed.version:
        raise InputError("not an RSS or Atom feed", "malformed")
    if not parsed.entries:
        raise InputError("empty: the feed has no items", "empty")
    feed_title = " ".join((parsed.feed.get("title") or "").split()) or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source} item {number}"
        fields, notes = clean_metadata(
            {"title": entry.get("title"), "url": entry.get("link"), "published": _published(entry)}
        )
        for note in notes:
            yield Notice(where, note)
        publisher = feed_title or _host(fields["url"])
        contents = [_item_text(c) for c in entry.get("content", [])]
        text = "\n\n".join(t for t in contents if t)
        if not text and fields["url"]:
            try:
                page = read_url(fields["url"])
            except (InputError, OSError, httpx.HTTPError) as err:
                yield Notice(where, f"article page {fields['url']} not read ({err}): the feed's summary is used")
            else:
                yield Document.from_text(
                    page.text,
                    title=fields["title"] or page.title,
                    url=fields["url"],
                    published=fields["published"] or page.published,
                    publisher=feed_title or page.publisher,
                    source=source,
                )
                continue
        text = text or _item_text(entry.get("summary_detail"))
        if not text.strip():
            yield Skipped(where, "empty: the item has no text and no article page could be read", "empty")
            continue
        yield Document.from_text(
            text,
            title=fields["title"],
            url=fields["url"],
            published=fields["published"],
            publisher=publisher,
            source=source,
        )
