"""The HTML views in headless Chromium (Debian's chromium, driven by Playwright), offline.

Every request that is not the page's own file is aborted and counted: a self-contained
page attempts none.
"""

from __future__ import annotations

import json
import shutil
import time

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.analysis_sample import ALI, PREFIXES, write_sample

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
runner = CliRunner()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install the Debian package chromium (scripts/test.sh does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page opened from a file, with what it tried to fetch, its errors and its dialogs."""

    def __init__(self, browser, path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        # Polled from here: the page's Content-Security-Policy forbids the eval that in-page polling uses.
        deadline = time.monotonic() + 60
        while not self.page.evaluate("!!(window.kg && window.kg.stable)"):
            assert time.monotonic() < deadline, "the view never became stable"
            time.sleep(0.1)

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression):
        return self.page.evaluate(expression)

    def counts(self):
        return self.js("[kg.network.body.data.nodes.length, kg.network.body.data.edges.length]")

    def search(self, text):
        self.page.fill("#search", text)
        return self.js("kg.network.getSelectedNodes()")

    def assert_clean(self):
        assert self.requests == [], f"requests attempted: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


def viz(source, out, *options):
    result = runner.invoke(app, ["viz", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


def test_view_offline_counts_search_filter(browser, tmp_path):
    sample = write_sample(tmp_path)
    opened = Opened(browser, viz(sample, tmp_path / "graph.html"))
    assert opened.counts() == [5, 6]  # the mosque, in no event and no relation, waits behind its toggle
    assert opened.page.text_content("#isolated") == "isolated entities (1)"
    opened.page.check("#isolated input")
    assert opened.counts() == [6, 6]
    assert opened.search("tikriti") == [ALI]  # by alias
    assert opened.page.text_content("#found") == "1 match"
    details = opened.page.text_content("#details")
    assert "Ali al-Tikriti" in details and "Person" in details and "Ali met Bashir on 2 April." in details
    opened.page.uncheck("#types input[value=Person]")
    assert opened.counts()[0] == 4
    opened.page.uncheck("#classes input[value=Meeting]")
    opened.page.check("#types input[value=Person]")
    assert opened.counts() == [6, 5]  # Ali - Bashir was held by a meeting only
    # A tooltip appears over a node, with its evidence.
    x, y = opened.js(
        f"(() => {{ const p = kg.network.canvasToDOM(kg.network.getPosition('{ALI}')); return [p.x, p.y]; }})()"
    )
    box = opened.page.locator("#graph").bounding_box()
    opened.page.mouse.move(box["x"] + x, box["y"] + y)
    opened.page.wait_for_selector("#tip", state="visible")
    assert "Ali and the Brigade attacked a checkpoint in Mosul." in opened.page.text_content("#tip")
    opened.assert_clean()


def test_event_focus_and_time_views(browser, tmp_path):
    sample = write_sample(tmp_path)
    events = Opened(browser, viz(sample, tmp_path / "events.html", "--events"))
    assert events.counts() == [8, 8]  # Iraq and the mosque take part in no event: behind the toggle
    assert events.page.text_content("#isolated") == "isolated entities (2)"
    assert events.js("kg.nodes.get({filter: n => n.kind === 'event'}).length") == 4
    events.page.uncheck("#classes input[value=Attack]")
    assert events.counts()[0] == 7
    events.assert_clean()
    focus = Opened(browser, viz(sample, tmp_path / "focus.html", "--focus", "Bashir", "--hops", "1"))
    assert focus.counts() == [3, 2]
    assert "Within 1 hop(s) of Bashir." in focus.page.text_content("header")
    focus.assert_clean()
    window = Opened(browser, viz(sample, tmp_path / "since.html", "--since", "2025-04", "--max-nodes", "3"))
    assert window.counts()[0] == 3
    assert "top 3 of 4 nodes by PageRank" in window.page.text_content("header")
    window.assert_clean()


def test_article_text_is_shown_as_text_never_run(browser, tmp_path):
    article = tmp_path / "xss.txt"
    article.write_text(
        f"{SCRIPT} Border report\n\n"
        f"Gunmen of the {SCRIPT} Brigade attacked a checkpoint in Mosul on 4 March 2025, killing three soldiers. "
        f"Police said the {IMG} group bombed a market in Mosul on 5 March 2025.\n",
        encoding="utf-8",
    )
    built = runner.invoke(app, ["build", str(article), "--out", str(tmp_path / "kg")])
    assert built.exit_code == 0, built.output
    opened = Opened(browser, viz(tmp_path / "kg" / "store", tmp_path / "xss.html"))
    assert opened.search("Mosul")
    details = opened.page.text_content("#details")
    assert SCRIPT in details and IMG in details and f"{SCRIPT} Border report" in details
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.js("document.scripts.length") == 3
    opened.assert_clean()


def test_names_aliases_and_roles_are_shown_as_text(browser, tmp_path):
    ttl = tmp_path / "names.ttl"
    ttl.write_text(
        PREFIXES
        + f"""
id:person\\/x a kg:Person ; rdfs:label "{SCRIPT}" ; skos:altLabel "{IMG}" ; kg:holdsRole id:role\\/r .
id:role\\/r rdfs:label "{IMG} chief" .
id:place\\/y a kg:Place ; rdfs:label "Town {IMG}" .
id:event\\/e a kg:Event , kg:Attack ; kg:agent id:person\\/x ; kg:place id:place\\/y ;
    kg:evidence id:doc\\/d\\#s ; prov:wasDerivedFrom id:doc\\/d .
id:doc\\/d dcterms:title "{IMG}" .
id:doc\\/d\\#s nif:anchorOf "{SCRIPT} struck {IMG}." .
""",
        encoding="utf-8",
    )
    opened = Opened(browser, viz(ttl, tmp_path / "names.html", "--title", SCRIPT))
    assert opened.counts() == [2, 1]
    assert len(opened.search("script")) == 1
    details = opened.page.text_content("#details")
    assert SCRIPT in details and f"{IMG} chief" in details and f"{SCRIPT} struck {IMG}." in details
    assert opened.page.title() == SCRIPT
    assert opened.js("document.querySelectorAll('img').length") == 0
    opened.assert_clean()


def test_big_view_draws_with_physics_off(browser, tmp_path, monkeypatch):
    from kg.viz import network

    monkeypatch.setattr(network, "PRECOMPUTED_LAYOUT_ABOVE", 3)
    opened = Opened(browser, viz(write_sample(tmp_path), tmp_path / "big.html"))
    assert opened.counts() == [5, 6]
    assert opened.js("kg.network.physics.options.enabled") is False
    opened.assert_clean()


def test_notebook_iframe_runs_isolated(browser, tmp_path):
    """As the notebook shows it: the page in a sandboxed srcdoc iframe inside another page."""
    from kg.analysis.read import read_graph
    from kg.viz.network import build_view
    from kg.viz.page import iframe, render_page

    page = render_page(build_view(read_graph(write_sample(tmp_path))))
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><h1>notebook</h1>{iframe(page)}</body></html>", encoding="utf-8")
    requests, errors = [], []
    tab = browser.new_page()
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (requests.append(r), r.abort()))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(host.as_uri())
    frame = tab.frame_locator("iframe")
    frame.locator("#status").filter(has_text="5 nodes, 6 edges").wait_for(timeout=30000)
    inner = tab.frames[1]
    assert inner.evaluate("[kg.nodes.length, kg.edges.length]") == [5, 6]
    assert (
        inner.evaluate("(() => { try { return window.parent.document.title; } catch (e) { return 'isolated'; } })()")
        == "isolated"
    )
    assert requests == [] and errors == []


def test_an_empty_view_says_so(browser, tmp_path):
    opened = Opened(browser, viz(write_sample(tmp_path), tmp_path / "empty.html", "--since", "2030"))
    assert opened.counts() == [0, 0]
    assert "Nothing to show: no entity passes the filters." in opened.page.text_content("header")
    opened.assert_clean()


def test_pyvis_page_of_a_view_draws_with_text_tooltips(browser, tmp_path):
    """pyvis's own page of a View: vis-network inline, the same nodes and edges, tooltips as plain text.

    pyvis's template links Bootstrap from a CDN: those requests are aborted here and the graph draws without them.
    """
    from kg.analysis.read import read_graph
    from kg.viz.network import build_view

    ttl = tmp_path / "names.ttl"
    ttl.write_text(
        PREFIXES
        + f"""
id:person\\/x a kg:Person ; rdfs:label "Ali {IMG}" .
id:place\\/y a kg:Place ; rdfs:label "Mosul" .
id:event\\/e a kg:Event , kg:Attack ; kg:agent id:person\\/x ; kg:place id:place\\/y ;
    kg:evidence id:doc\\/d\\#s ; prov:wasDerivedFrom id:doc\\/d .
id:doc\\/d dcterms:title "Report" .
id:doc\\/d\\#s nif:anchorOf "{SCRIPT} struck Mosul." .
""",
        encoding="utf-8",
    )
    view = build_view(read_graph(ttl))
    path = tmp_path / "pyvis.html"
    view.network().write_html(str(path))
    requests, errors, dialogs = [], [], []
    tab = browser.new_page(viewport={"width": 1200, "height": 900})
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (requests.append(r), r.abort()))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(path.as_uri())
    tab.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length === 2", timeout=30000)
    assert tab.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]") == [2, 1]
    drawn = tab.evaluate("network.body.data.nodes.get().map(n => [n.id, n.color])")
    assert drawn == [[n["id"], n["color"]] for n in view.nodes]
    tab.evaluate("network.setOptions({physics: false})")
    x, y = tab.evaluate(
        "(() => { const p = network.canvasToDOM(network.getPosition('https://w3id.org/newskg/id/person/x'));"
        " return [p.x, p.y]; })()"
    )
    box = tab.locator("#mynetwork").bounding_box()
    tab.mouse.move(box["x"] + x, box["y"] + y)
    tab.wait_for_selector("div.vis-tooltip", state="visible", timeout=10000)
    tip = tab.text_content("div.vis-tooltip")
    assert f"Ali {IMG}" in tip and f"“{SCRIPT} struck Mosul.” — Report" in tip
    assert tab.evaluate("document.querySelectorAll('img').length") == 0
    assert errors == [] and dialogs == []
    assert all("cdn.jsdelivr.net/npm/bootstrap" in r.request.url for r in requests)


def test_a_large_view_opens_with_readable_labels(browser, tmp_path):
    """Fitting 240 entities would make labels a few pixels high: the page opens zoomed so that the
    smallest label is about 10 px, on the largest node."""
    from kg.analysis.read import Entity, Event, GraphData
    from kg.viz.network import build_view

    people = {f"p{i}": Entity(f"p{i}", "Person", f"Person {i}") for i in range(240)}
    meetings = {
        f"e{i}": Event(
            f"e{i}", {"Meeting"}, arguments={f"p{i}": {"participant"}, f"p{(i * 7 + 1) % 240}": {"participant"}}
        )
        for i in range(240)
    }
    view = build_view(GraphData(people, meetings, {}))
    opened = Opened(browser, view.write(tmp_path / "large.html"))
    scale = opened.js("kg.network.getScale()")
    assert scale * view.options["nodes"]["scaling"]["label"]["min"] == pytest.approx(10)  # fitting gave less
    assert opened.counts()[0] == 240
    opened.assert_clean()


def test_tooltip_shows_a_speakers_latest_quotes_as_text(browser, tmp_path):
    """kg viz --quotes 2: hovering the speaker shows its two latest quotes, newest first, markup in the
    quotes and titles shown as text; the page's data, parsed back from the HTML file, holds the same."""
    from html.parser import HTMLParser

    from tests.quotes_sample import IMG, SCRIPT, SPEAKER, write_quotes

    page = viz(write_quotes(tmp_path), tmp_path / "quotes.html", "--quotes", "2")

    class Data(HTMLParser):
        inside, text = False, ""

        def handle_starttag(self, tag, attrs):
            self.inside = tag == "script" and ("id", "kg-data") in attrs

        def handle_data(self, data):
            if self.inside:
                self.text += data

    parser = Data()
    parser.feed(page.read_text(encoding="utf-8"))
    record = next(n for n in json.loads(parser.text)["nodes"] if n["id"] == SPEAKER)
    assert [q[0] for q in record["info"]["quotes"]] == ["Nobody was hurt", f"Talks resume {IMG} soon & calmly"]

    opened = Opened(browser, page)
    x, y = opened.js(
        f"(() => {{ const p = kg.network.canvasToDOM(kg.network.getPosition('{SPEAKER}')); return [p.x, p.y]; }})()"
    )
    box = opened.page.locator("#graph").bounding_box()
    opened.page.mouse.move(box["x"] + x, box["y"] + y)
    opened.page.wait_for_selector("#tip", state="visible")
    said = opened.page.locator("#tip .quote").all_text_contents()
    assert said == [
        "said: “Nobody was hurt” Report q3 " + IMG + ", 2024-09-01",
        f"said: “Talks resume {IMG} soon & calmly” Report q2 {IMG}, 2024-06-10",
    ]
    tip = opened.page.text_content("#tip")
    assert "The harbour stays open" not in tip and SCRIPT not in tip and "We did it" not in tip
    assert opened.js("document.querySelectorAll('img').length") == 0
    opened.assert_clean()
