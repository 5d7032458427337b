"""Projection and metrics on a hand-made graph, checked against values worked out by hand."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pyoxigraph as ox
import pytest

from kg.analysis.analyze import analyze
from kg.analysis.filters import kept_events, make_filters
from kg.analysis.lookup import find_entities
from kg.analysis.metrics import activity, actor_rank, communities, components, node_metrics, period_of
from kg.analysis.projection import entity_graph, event_graph
from kg.analysis.read import read_graph
from tests.analysis_sample import ALI, BASHIR, BRIGADE, E1, E2, E3, E4, IRAQ, MOSQUE, MOSUL, write_sample


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return read_graph(write_sample(tmp_path_factory.mktemp("sample")))


def edges(graph):
    """{frozenset(pair): (weight, event classes, relations, documents)}"""
    return {
        frozenset((a, b)): (e["weight"], e["event_classes"], e["relations"], e["documents"])
        for a, b, e in graph.edges(data=True)
    }


def test_reads_entities_with_most_specific_type_label_aliases_roles(data):
    assert {iri: (e.type, e.label) for iri, e in data.entities.items()} == {
        ALI: ("Person", "Ali"),
        BASHIR: ("Person", "Bashir"),
        BRIGADE: ("Organization", "Brigade"),
        IRAQ: ("Country", "Iraq"),
        MOSUL: ("Place", "Mosul"),
        MOSQUE: ("Facility", "Mosque"),
    }
    assert data.entities[ALI].aliases == ["Ali al-Tikriti"]
    assert data.entities[BASHIR].roles == ["Governor, Iraq"]
    assert data.entities[ALI].mentions == 4
    # The bombing's target is a mention, not an entity: it is not an argument.
    assert dict(data.events[E2].arguments) == {BRIGADE: {"agent"}, MOSUL: {"place"}}
    assert data.events[E2].event_class == "Bombing"
    assert str(data.events[E4].date) == "2025-05-01"  # undated event: its document's date


def test_entity_graph_nodes_edges_and_weights(data):
    graph = entity_graph(data)
    assert set(graph) == {ALI, BASHIR, BRIGADE, IRAQ, MOSUL, MOSQUE}
    assert edges(graph) == {
        frozenset((ALI, BRIGADE)): (3, {"Attack": 1}, ["memberOf"], 2),  # e1 + memberOf stated in d1 and d2
        frozenset((ALI, MOSUL)): (1, {"Attack": 1}, [], 1),
        frozenset((BRIGADE, MOSUL)): (2, {"Attack": 1, "Bombing": 1}, [], 2),
        frozenset((ALI, BASHIR)): (1, {"Meeting": 1}, [], 1),
        frozenset((MOSUL, IRAQ)): (1, {}, ["country", "locatedIn"], 1),  # two relations, one document
        frozenset((BASHIR, IRAQ)): (1, {}, ["holdsRole"], 1),
    }
    assert graph.edges[ALI, MOSUL]["evidence"] == [
        ("Ali and the Brigade attacked a checkpoint in Mosul.", "Attack in Mosul")
    ]
    assert graph.edges[BRIGADE, MOSUL]["evidence_count"] == 2


def test_a_file_without_named_graphs_counts_each_relation_once(tmp_path):
    graph = entity_graph(read_graph(write_sample(tmp_path, "ttl")))
    assert graph.edges[ALI, BRIGADE]["weight"] == 2


def test_filters(data):
    attacks = entity_graph(data, make_filters(event_classes=["attack"]))  # Bombing is an Attack
    assert edges(attacks) == {
        frozenset((ALI, BRIGADE)): (3, {"Attack": 1}, ["memberOf"], 2),
        frozenset((ALI, MOSUL)): (1, {"Attack": 1}, [], 1),
        frozenset((BRIGADE, MOSUL)): (2, {"Attack": 1, "Bombing": 1}, [], 2),
    }
    since = entity_graph(data, make_filters(since="2025-04-01"))
    assert set(since) == {ALI, BASHIR, BRIGADE, MOSUL}
    assert edges(since) == {
        frozenset((ALI, BRIGADE)): (2, {}, ["memberOf"], 2),
        frozenset((BRIGADE, MOSUL)): (1, {"Bombing": 1}, [], 1),
        frozenset((ALI, BASHIR)): (1, {"Meeting": 1}, [], 1),
    }
    assert [e.iri for e in kept_events(data, make_filters(until="2025-03"))] == [E1]
    people = entity_graph(data, make_filters(types=["Person", "organization"]))
    assert set(people) == {ALI, BASHIR, BRIGADE} and set(edges(people)) == {
        frozenset((ALI, BRIGADE)),
        frozenset((ALI, BASHIR)),
    }
    strong = entity_graph(data, make_filters(min_support=2))
    assert set(strong) == {ALI, BRIGADE, MOSUL} and set(edges(strong)) == {
        frozenset((ALI, BRIGADE)),
        frozenset((BRIGADE, MOSUL)),
    }
    with pytest.raises(ValueError, match="unknown event class"):
        make_filters(event_classes=["Picnic"])
    with pytest.raises(ValueError, match="not a date"):
        make_filters(since="last week")


def test_event_graph_is_bipartite_with_roles(data):
    graph = event_graph(data)
    events = {n for n, kind in graph.nodes(data="kind") if kind == "event"}
    assert events == {E1, E2, E3, E4}
    assert set(graph) - events == {ALI, BASHIR, BRIGADE, IRAQ, MOSUL, MOSQUE}
    assert graph.number_of_edges() == 3 + 2 + 2 + 1
    assert graph.edges[ALI, E3]["roles"] == ["participant"] and graph.edges[MOSUL, E1]["roles"] == ["place"]
    assert all(graph.nodes[n]["bipartite"] == (1 if n in events else 0) for n in graph)
    only_two = event_graph(data, make_filters(min_support=2))  # entities in at least two events
    assert set(only_two) - events == {ALI, BASHIR, BRIGADE, MOSUL}


def test_find_entities_by_label_alias_or_part(data):
    assert find_entities(data, "  ALI ") == [ALI]
    assert find_entities(data, "ali al-tikriti") == [ALI]
    assert find_entities(data, "mos") == [MOSQUE, MOSUL]
    assert find_entities(data, "nobody") == []


def test_metrics_match_hand_computed_values(data):
    graph = entity_graph(data)
    m = node_metrics(graph)
    assert {n: m[n]["degree"] for n in m} == {ALI: 3, BRIGADE: 2, MOSUL: 3, BASHIR: 2, IRAQ: 2, MOSQUE: 0}
    assert {n: m[n]["weighted_degree"] for n in m} == {ALI: 5, BRIGADE: 5, MOSUL: 4, BASHIR: 2, IRAQ: 2, MOSQUE: 0}
    # Shortest paths: O-B via A; O-C via P; A-C via B or P; P-B via A or C.  Normalized by 2/((n-1)(n-2)) = 1/10.
    expected = {ALI: 0.15, MOSUL: 0.15, BASHIR: 0.05, IRAQ: 0.05, BRIGADE: 0.0, MOSQUE: 0.0}
    assert {n: m[n]["betweenness"] for n in m} == pytest.approx(expected)
    assert {n: m[n]["core"] for n in m} == {ALI: 2, BRIGADE: 2, MOSUL: 2, BASHIR: 2, IRAQ: 2, MOSQUE: 0}
    assert {n: m[n]["component"] for n in m} == {ALI: 0, BRIGADE: 0, MOSUL: 0, BASHIR: 0, IRAQ: 0, MOSQUE: 1}
    # PageRank by the definition: damping 0.85, weighted transitions, a dangling node spreads evenly.
    nodes = sorted(graph)
    weights = np.array([[graph.edges[a, b]["weight"] if graph.has_edge(a, b) else 0 for b in nodes] for a in nodes])
    rank = np.full(len(nodes), 1 / len(nodes))
    for _ in range(200):
        out = weights.sum(axis=1)
        spread = np.where(out[:, None] > 0, weights / np.where(out > 0, out, 1)[:, None], 1 / len(nodes))
        rank = 0.15 / len(nodes) + 0.85 * rank @ spread
    assert [m[n]["pagerank"] for n in nodes] == pytest.approx(list(rank), abs=1e-6)


def test_communities_are_seeded_and_split_two_triangles():
    import networkx as nx

    graph = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    nx.set_edge_attributes(graph, 1, "weight")
    assert communities(graph, seed=3) == [["a", "b", "c"], ["x", "y", "z"]]
    assert components(graph) == [["a", "b", "c", "x", "y", "z"]]


def test_sampled_betweenness_is_reproducible():
    import networkx as nx

    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    nx.set_edge_attributes(graph, 1, "weight")
    first = node_metrics(graph, seed=5, betweenness_k=40, exact_betweenness_limit=100)
    again = node_metrics(graph, seed=5, betweenness_k=40, exact_betweenness_limit=100)
    exact = node_metrics(graph, seed=5)
    assert first == again
    assert [first[n]["betweenness"] for n in graph] != [exact[n]["betweenness"] for n in graph]


def test_activity_by_month_with_rise_and_fall(data):
    graph = entity_graph(data)
    found = activity(data, kept_events(data, make_filters()), set(graph))
    assert found.periods == ["2025-03", "2025-04", "2025-05"]
    assert found.series(ALI) == [1, 1, 0] and found.series(BASHIR) == [0, 1, 1]
    assert found.by_class == {
        "2025-03": {"Attack": 1},
        "2025-04": {"Bombing": 1, "Meeting": 1},
        "2025-05": {"Statement": 1},
    }
    march_april, april_may = found.changes
    assert march_april["rise"] == [{"actor": BASHIR, "change": 1}] and march_april["fall"] == []
    assert [f["actor"] for f in april_may["fall"]] == [BRIGADE, ALI, MOSUL]  # ties by IRI
    weekly = activity(data, kept_events(data, make_filters()), set(graph), period="week")
    assert weekly.periods == ["2025-W11", "2025-W14", "2025-W18"]  # 2025-04 counts from 1 April


def test_period_of_rejects_unknown_periods():
    from datetime import date

    with pytest.raises(ValueError, match="month or week"):
        period_of(date(2025, 1, 1), "decade")


def test_ranking_puts_actor_rank_first(data, tmp_path):
    run = analyze(write_sample(tmp_path))
    ranked = run.ranking()
    assert [run.metrics[n]["actor_rank"] for n in ranked] == sorted(
        (run.metrics[n]["actor_rank"] for n in ranked), reverse=True
    )
    # --min-support thins what is shown, not the graph the rank flows on.
    assert actor_rank(run.data, make_filters(min_support=3)) == actor_rank(run.data)
    # The same numbers kg viz sizes nodes by; pagerank stays the entity graph's.
    assert {n: run.metrics[n]["actor_rank"] for n in ranked} == pytest.approx(actor_rank(run.data))
    assert {n: run.metrics[n]["pagerank"] for n in ranked} == pytest.approx(nx.pagerank(run.graph, weight="weight"))
    assert run.ranking(("Person",)) == [n for n in ranked if n in (ALI, BASHIR)]
    assert run.community_classes([BASHIR]) == {"Meeting": 1, "Statement": 1}


def test_who_matters_is_who_acted_not_the_country_everyone_is_of():
    """Four people of one country, two of whom fight: on the entity graph the country is the hub (top
    PageRank); ranked by what they did, the two fighters come first and the country after them."""
    people = "".join(
        f'<http://x/p{i}> a kg:Person ; rdfs:label "Person {i}" ; kg:country <http://x/c> .\n' for i in range(4)
    )
    store = ox.Store()
    store.load(
        input=f"""@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://x/c> a kg:Country ; rdfs:label "Country" .
{people}<http://x/e> a kg:Event , kg:Attack ; kg:agent <http://x/p0> ; kg:target <http://x/p1> .
""",
        format=ox.RdfFormat.TURTLE,
    )
    run = analyze(store)
    assert max(run.metrics, key=lambda n: run.metrics[n]["pagerank"]) == "http://x/c"
    assert run.ranking()[:3] == ["http://x/p0", "http://x/p1", "http://x/c"]


@pytest.mark.parametrize(
    "module",
    [
        "kg.query.select",
        "kg.analysis.read",
        "kg.analysis.filters",
        "kg.analysis.projection",
        "kg.analysis.lookup",
        "kg.analysis.exchange",
        "kg.analysis.metrics",
        "kg.analysis.analyze",
        "kg.analysis.paths",
        "kg.analysis.report",
        "kg.analysis.metrics_rdf",
        "kg.viz.network",
        "kg.viz.page",
        "kg.viz.view",
        "kg.viz.colours",
    ],
)
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_projection_round_trips_through_graphml_and_gexf(tmp_path, fmt):
    import networkx as nx

    from kg.analysis.exchange import write_projection

    run = analyze(write_sample(tmp_path))
    path = write_projection(run, tmp_path / f"graph.{fmt}", fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(back.nodes) == set(run.graph.nodes) and back.number_of_edges() == run.graph.number_of_edges()
    ali = back.nodes[ALI]
    assert (ali["label"], ali["type"], ali["mentions"], ali["aliases"]) == ("Ali", "Person", 4, "Ali al-Tikriti")
    assert ali["events"] == 2  # e1 and e3
    for metric, value in run.metrics[ALI].items():
        assert ali[metric] == pytest.approx(value), metric
    assert back.nodes[BASHIR]["roles"] == "Governor, Iraq"
    # Ali - Brigade: e1 (Attack) plus memberOf stated in d1 and d2.
    edge = back.edges[ALI, BRIGADE]
    assert (edge["support"], edge["events"], edge["event_classes"], edge["event_class_count"]) == (3, 1, "Attack=1", 1)
    assert (edge["relations"], edge["documents"], edge["evidence_count"]) == ("memberOf", 2, 1)
    assert float(edge["weight"]) == 3
    # Brigade - Mosul: e1 (Attack) and e2 (Bombing), no relation.
    edge = back.edges[BRIGADE, MOSUL]
    assert (edge["support"], edge["event_classes"], edge["event_class_count"], edge["relations"]) == (
        2,
        "Attack=1; Bombing=1",
        2,
        "",
    )


def test_analysis_writes_its_report_and_projection_by_suffix(tmp_path):
    import json

    import networkx as nx

    source = write_sample(tmp_path)
    run = analyze(source)
    paths = run.write_report(tmp_path / "report")
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["source"] == str(source)
    assert set(nx.read_gexf(run.write_projection(tmp_path / "g.gexf")).nodes) == set(run.graph)
    with pytest.raises(ValueError, match="graphml, gexf"):
        run.write_projection(tmp_path / "g.dot")


def test_queries_list_the_classes_roles_and_relations_the_code_ranks():
    from kg.analysis.read import ENTITY_CLASSES, RELATIONS, ROLES, sparql

    for name, words in (("entities", ENTITY_CLASSES), ("arguments", ROLES), ("stated-relations", RELATIONS)):
        [values] = [line for line in sparql(name).splitlines() if "VALUES" in line]
        assert values.split("VALUES")[1].split("{")[1].split("}")[0].split() == [f"kg:{w}" for w in words], name
