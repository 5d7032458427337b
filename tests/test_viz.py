"""What a view holds (without a browser): nodes, colours, sizes, widths, focus, cap, escaping."""

from __future__ import annotations

import json
import math
import re

import pytest

from kg.analysis.filters import make_filters
from kg.analysis.lookup import UnknownEntity
from kg.analysis.read import read_graph, read_quotes
from kg.viz.colours import ENTITY_COLOURS, event_colours
from kg.viz.network import build_view
from kg.viz.page import render_page, script_json
from tests.analysis_sample import ALI, BASHIR, BRIGADE, E3, E4, IRAQ, MOSUL, PREFIXES, write_sample


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return read_graph(write_sample(tmp_path_factory.mktemp("viz")))


def nodes(view):
    return {n["id"]: n for n in view.nodes}


def test_entity_view_colours_sizes_widths_and_tooltips(data):
    view = build_view(data)
    shown = nodes(view)
    assert len(shown) == 6 and len(view.edges) == 6
    assert shown[ALI]["color"] == ENTITY_COLOURS["Person"] and shown[MOSUL]["color"] == ENTITY_COLOURS["Place"]
    assert max(n["value"] for n in shown.values()) == 1.0  # size by PageRank, the top one at 1
    assert shown[ALI]["value"] > shown[BASHIR]["value"] > shown["https://w3id.org/newskg/id/place/mosque"]["value"]
    width = {frozenset((e["from"], e["to"])): e["width"] for e in view.edges}
    assert width[frozenset((ALI, BRIGADE))] == pytest.approx(1 + 1.5 * math.log2(3))
    assert width[frozenset((ALI, MOSUL))] == 1
    assert shown[ALI]["info"]["aliases"] == ["Ali al-Tikriti"]
    assert shown[BASHIR]["info"]["roles"] == ["Governor, Iraq"]
    assert shown[MOSUL]["info"]["evidence"] == [
        ["A bomb of the Brigade went off in Mosul in April.", "Talks after the bombing"],
        ["Ali and the Brigade attacked a checkpoint in Mosul.", "Attack in Mosul"],
    ]
    assert set(view.legend) == {"Person", "Organization", "Country", "Place", "Facility"}
    assert view.event_classes == ["Attack", "Bombing", "Meeting"]
    assert view.physics and view.notes == ["1 isolated entities (joined to nothing shown) hidden: see the legend."]
    mosque = "https://w3id.org/newskg/id/place/mosque"  # in no event and no relation
    assert [n for n, record in shown.items() if record.get("isolated")] == [mosque]


def test_size_follows_what_an_actor_did(data):
    """Rank is PageRank on the event-and-relation graph: Iraq, named as a governor's country and in no
    event, is smaller than every entity that takes part in an event."""
    shown = nodes(build_view(data))
    iraq = shown["https://w3id.org/newskg/id/country/IRQ"]["value"]
    assert all(shown[x]["value"] > iraq for x in (ALI, BASHIR, BRIGADE, MOSUL))


def test_event_view_shows_events_as_nodes(data):
    view = build_view(data, events=True)
    shown = nodes(view)
    events = [n for n in shown.values() if n["kind"] == "event"]
    assert len(shown) == 10 and len(events) == 4 and len(view.edges) == 8
    assert all(n["shape"] == "diamond" for n in events)
    assert shown[E3]["color"] == event_colours()["Meeting"]
    assert shown[E4]["info"]["evidence"] == [["Bashir said the city was calm.", "Attack in Mosul"]]


def test_focus_hops_and_time_window(data):
    assert set(nodes(build_view(data, focus="bashir", hops=1))) == {BASHIR, ALI, IRAQ}
    assert set(nodes(build_view(data, focus="Bashir", hops=2))) == {BASHIR, ALI, IRAQ, BRIGADE, MOSUL}
    # In the event view a hop is entity -> event -> entity.
    assert set(nodes(build_view(data, events=True, focus="Bashir", hops=1))) == {BASHIR, E3, E4, ALI}
    assert set(nodes(build_view(data, filters=make_filters(until="2025-03-31")))) == {ALI, BRIGADE, MOSUL}
    with pytest.raises(UnknownEntity, match="no entity"):
        build_view(data, focus="Nobody")
    with pytest.raises(UnknownEntity, match="names 2 entities"):
        build_view(data, focus="Mos")


def test_cap_keeps_the_best_by_pagerank_and_says_what_was_cut(data):
    full = nodes(build_view(data))
    view = build_view(data, max_nodes=3)
    kept = nodes(view)
    best = sorted(full, key=lambda n: -full[n]["value"])[:3]
    assert set(kept) == set(best)
    assert view.notes and "top 3 of 6 nodes by PageRank: 3 nodes" in view.notes[0]
    # The focus entity is always kept, whatever its rank.
    assert BASHIR in nodes(build_view(data, focus="Bashir", hops=2, max_nodes=2))


def test_page_is_self_contained_and_escapes_text(data):
    page = render_page(build_view(data), title='<script>alert("t")</script>')
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert page.count("</script>") == 3  # the data, vis-network, the page's own code: nothing else ends a script
    assert '<title>&lt;script&gt;alert("t")&lt;/script&gt;</title>' in page.replace("&#34;", '"')
    payload = {"label": "</script><img src=x onerror=alert(1)>"}
    encoded = script_json(payload)
    assert "<" not in encoded and ">" not in encoded and json.loads(encoded) == payload


def test_big_views_get_a_precomputed_layout_and_no_physics(data, monkeypatch):
    from kg.viz import network

    monkeypatch.setattr(network, "PRECOMPUTED_LAYOUT_ABOVE", 3)
    monkeypatch.setattr(network, "CORE_LAYOUT_NODES", 2)
    view = build_view(data)
    again = build_view(data)
    assert not view.physics
    positions = {n["id"]: (n["x"], n["y"]) for n in view.nodes}
    assert len(positions) == 6 and len(set(positions.values())) == 6
    assert positions == {n["id"]: (n["x"], n["y"]) for n in again.nodes}  # seeded


def test_viz_command_reports_bad_options(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    sample = str(write_sample(tmp_path))
    runner = CliRunner()
    result = runner.invoke(app, ["viz", sample, "-o", str(tmp_path / "g.html"), "--focus", "Nobody"])
    assert result.exit_code == 2 and "--focus 'Nobody': no entity of that name" in result.output
    result = runner.invoke(app, ["viz", sample, "-o", str(tmp_path / "g.html"), "--type", "Alien"])
    assert result.exit_code == 2 and "unknown entity type(s) Alien" in result.output
    result = runner.invoke(app, ["viz", str(tmp_path / "nothing.ttl"), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 2 and "nothing.ttl: no such file" in result.output
    assert not (tmp_path / "g.html").exists()
    result = runner.invoke(app, ["viz", sample, "-o", str(tmp_path / "g.html"), "--max-nodes", "2"])
    assert result.exit_code == 0 and "Wrote" in result.output and "top 2 of 6 nodes" in result.output


def pyvis_page_data(html: str) -> tuple[list[dict], list[dict], dict]:
    """The nodes, edges and options that pyvis's template writes into its page."""
    found = re.search(r"nodes = new vis\.DataSet\((.*?)\);\s*edges = new vis\.DataSet\((.*?)\);", html, re.S)
    options = re.search(r"var options = (\{.*?\});\n", html, re.S)
    return json.loads(found.group(1)), json.loads(found.group(2)), json.loads(options.group(1))


def test_pyvis_network_of_a_view_writes_a_faithful_page(data, tmp_path, capsys):
    view = build_view(data)
    net = view.network()
    path = tmp_path / "pyvis.html"
    net.write_html(str(path))
    nodes_written, edges_written, options = pyvis_page_data(path.read_text(encoding="utf-8"))
    assert options == view.options  # the same options as the self-contained page
    drawn = ("id", "label", "shape", "color", "value", "kind", "cls", "info")
    assert [{k: n[k] for k in drawn} for n in nodes_written] == [{k: n[k] for k in drawn} for n in view.nodes]
    assert [(e["from"], e["to"], e["width"], e["classes"]) for e in edges_written] == [
        (e["from"], e["to"], e["width"], e["classes"]) for e in view.edges
    ]
    titles = {n["id"]: n["title"] for n in nodes_written}
    assert titles[ALI].splitlines()[:3] == ["Ali", "type: Person", "aliases: Ali al-Tikriti"]
    assert "“Ali and the Brigade attacked a checkpoint in Mosul.” — Attack in Mosul" in titles[ALI]
    edge = next(e for e in edges_written if {e["from"], e["to"]} == {ALI, BRIGADE})
    assert edge["title"].splitlines()[1:3] == ["support: 3", "events: Attack ×1"]
    assert edge["title"].splitlines()[0] in ("Ali — Brigade", "Brigade — Ali")
    # The view's graph is the networkx graph behind the picture.
    assert set(view.graph) == set(titles) and view.graph.number_of_edges() == len(edges_written)
    # pyvis's notebook path (show) writes the same data.
    shown = tmp_path / "shown.html"
    view.network(notebook=True).show(str(shown))
    assert pyvis_page_data(shown.read_text(encoding="utf-8"))[0] == nodes_written
    assert str(shown) in capsys.readouterr().out  # pyvis prints the file name


def test_pyvis_titles_stay_text(tmp_path):
    script, link = "<script>alert(1)</script>", "<a href='javascript:alert(1)'>x</a>"
    ttl = tmp_path / "names.ttl"
    ttl.write_text(
        PREFIXES
        + f"""
id:person\\/x a kg:Person ; rdfs:label "{script}" .
id:place\\/y a kg:Place ; rdfs:label "Town" .
id:event\\/e a kg:Event , kg:Attack ; kg:agent id:person\\/x ; kg:place id:place\\/y ;
    kg:evidence id:doc\\/d\\#s ; prov:wasDerivedFrom id:doc\\/d .
id:doc\\/d dcterms:title "d" .
id:doc\\/d\\#s nif:anchorOf "They struck {link}." .
""",
        encoding="utf-8",
    )
    path = tmp_path / "names.html"
    build_view(read_graph(ttl)).network().write_html(str(path))
    html = path.read_text(encoding="utf-8")
    assert script not in html and "javascript:alert" in html  # in the data, escaped as JSON
    assert "popup.innerHTML" not in html  # pyvis's HTML popup (switched on by "href" in a title) stays off
    nodes_written, _edges, _options = pyvis_page_data(html)
    assert any(script in n["title"] for n in nodes_written)


def test_entities_show_their_latest_quotes_newest_first(tmp_path):
    """Dated by kg:time, else by the document; a quote repeated by two documents shows once (the store
    groups it); a claim of responsibility is not a quote; --quotes N keeps N; article text stays data."""
    from tests.quotes_sample import IMG, SCRIPT, SPEAKER, write_quotes

    source = write_quotes(tmp_path)
    said = read_quotes(source, limit=10)[SPEAKER]
    assert [(q.sentence, q.date.isoformat()) for q in said] == [
        ("Nobody was hurt", "2024-09-01"),
        (f"Talks resume {IMG} soon & calmly", "2024-06-10"),
        ("The harbour stays open", "2024-06-10"),
        (f"We reject {SCRIPT} threats", "2024-01-20"),
    ]
    view = build_view(read_graph(source, quotes=2))
    quotes = nodes(view)[SPEAKER]["info"]["quotes"]
    assert quotes == [
        ["Nobody was hurt", f"Report q3 {IMG}", "2024-09-01"],
        [f"Talks resume {IMG} soon & calmly", f"Report q2 {IMG}", "2024-06-10"],
    ]
    assert "quotes" not in nodes(build_view(read_graph(source)))[SPEAKER]["info"]  # not asked: not read
    page = render_page(view)
    assert IMG not in page and "\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_viz_quotes_option(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app
    from tests.quotes_sample import write_quotes

    page = str(tmp_path / "v.html")
    result = CliRunner().invoke(app, ["viz", str(write_quotes(tmp_path)), "-o", page, "--quotes", "-1"])
    assert result.exit_code != 0 and "--quotes" in result.output
    assert "--quotes" in CliRunner().invoke(app, ["viz", "--help"]).output
