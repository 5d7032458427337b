"""RSS and Atom feeds, as files and as URLs: each item a document with link, title, date and publisher.

The feeds are written here; the article pages come from a local HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import pytest

from kg.ingest import Notice, Skipped, read_sources
from kg.model import Document
from tests.local_site import serve

ARTICLE = b"""<html><head><title>Page title</title></head><body><nav>Home | World</nav><article>
<h1>Ferry talks in Port Alder</h1>
<p>Harbour Minister Lina Voss met the ferry owners in Port Alder on Monday to settle the strike.</p>
<p>The talks lasted four hours and ended with a promise of new timetables for the island routes.</p>
</article><footer>Copyright Example. All rights reserved.</footer></body></html>"""


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Wire</title><link>{base}/</link><description>News of the coast</description>
<item><title>Storm closes Port Alder harbour</title><link>{base}/storm</link>
<pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>A storm closed the harbour of Port Alder on Sunday.</p>
<p>Boats stayed in port.</p>]]></content:encoded></item>
<item><title>Ferry strike talks</title><link>{base}/article</link>
<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate><description>Talks began.</description></item>
<item><title>Gone</title><link>{base}/gone</link>
<pubDate>Wed, 05 Mar 2025 09:30:00 GMT</pubDate><description>The summary of a lost page.</description></item>
</channel></rss>""".encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Ledger</title><id>urn:x:ledger</id>
<updated>2025-03-06T00:00:00Z</updated>
<entry><title>Bridge opens</title><id>urn:x:1</id><link href="https://ledger.example/bridge"/>
<published>2025-03-06T07:00:00Z</published><updated>2025-03-06T07:00:00Z</updated>
<content type="html">&lt;p&gt;The new bridge at Port Alder opened on Thursday.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def site():
    """A local web site: an article page, a 404, and the RSS feed itself."""

    def pages(base: str) -> dict[str, tuple[str, bytes]]:
        return {"/article": ("text/html; charset=utf-8", ARTICLE), "/feed": ("application/rss+xml", rss(base))}

    with serve(pages) as base:
        yield base


def documents(items) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def check_rss_items(items, base: str, source: str) -> None:
    storm, talks, gone = documents(items)
    # Content in the feed: read from it, paragraphs kept.
    assert storm.text == "A storm closed the harbour of Port Alder on Sunday.\n\nBoats stayed in port."
    assert (storm.title, storm.url, storm.published, storm.publisher) == (
        "Storm closes Port Alder harbour",
        f"{base}/storm",
        "2025-03-03",
        "Harbour Wire",
    )
    # Only a summary: the article page is fetched; the feed's title, date and publisher win.
    assert "Harbour Minister Lina Voss met the ferry owners" in talks.text and "Copyright" not in talks.text
    assert (talks.title, talks.url, talks.published, talks.publisher) == (
        "Ferry strike talks",
        f"{base}/article",
        "2025-03-04",
        "Harbour Wire",
    )
    # The page is gone: the summary stands in, and a notice says so.
    assert gone.text == "The summary of a lost page." and gone.publisher == "Harbour Wire"
    [notice] = [i for i in items if isinstance(i, Notice)]
    assert notice.source == f"{source} item 3" and "HTTP 404" in notice.message
    assert all(d.source == source for d in (storm, talks, gone))


@pytest.mark.parametrize("name", ["wire.rss", "wire.xml"])
def test_rss_file_items_become_documents(tmp_path, site, name) -> None:
    (tmp_path / name).write_bytes(rss(site))
    check_rss_items(list(read_sources([str(tmp_path / name)])), site, str(tmp_path / name))


def test_feed_url_items_become_documents(site) -> None:
    check_rss_items(list(read_sources([f"{site}/feed"])), site, f"{site}/feed")


def test_atom_file(tmp_path) -> None:
    (tmp_path / "ledger.atom").write_bytes(ATOM)
    [doc] = read_sources([str(tmp_path / "ledger.atom")])
    assert (doc.text, doc.title, doc.url, doc.published, doc.publisher) == (
        "The new bridge at Port Alder opened on Thursday.",
        "Bridge opens",
        "https://ledger.example/bridge",
        "2025-03-06",
        "Island Ledger",
    )


def test_xml_that_is_no_feed(tmp_path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "ledger.xml").write_bytes(ATOM)
    (tmp_path / "feeds" / "sitemap.xml").write_bytes(b"<urlset><url><loc>https://x.example/</loc></url></urlset>")
    # Found in a folder, it is passed over like any other file that is not an input.
    assert [d.title for d in read_sources([str(tmp_path / "feeds")])] == ["Bridge opens"]
    # Named on the command line, it is reported.
    [skipped] = read_sources([str(tmp_path / "feeds" / "sitemap.xml")])
    assert isinstance(skipped, Skipped) and skipped.reason == "not an RSS or Atom feed"


def test_feed_without_items_or_item_without_text(tmp_path) -> None:
    (tmp_path / "empty.rss").write_bytes(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    (tmp_path / "blank.rss").write_bytes(
        b'<rss version="2.0"><channel><title>Quiet</title><item><title>No text</title></item></channel></rss>'
    )
    empty, blank = read_sources([str(tmp_path / "empty.rss"), str(tmp_path / "blank.rss")])
    assert isinstance(empty, Skipped) and empty.kind == "empty" and "no items" in empty.reason
    assert isinstance(blank, Skipped) and blank.source.endswith("blank.rss item 1") and blank.kind == "empty"
