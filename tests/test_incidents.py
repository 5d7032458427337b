"""Incidents across sources, end to end: the invented reports in tests/data/incidents built into a store.

The hand grouping: one bombing in Baidoa on 2025-03-14 told by four documents (a wire story, a
syndicated copy of it with a line added, two outlets in their own words); a similar bombing in
Baidoa a year earlier, reported then and mentioned as background by one of the four; near-misses
(a bombing in Baidoa two weeks later, one the same day in Kismayo, two kidnappings in Kano on one
day of different named victims); a kidnapping in Kaduna and a meeting in Nairobi, each told by two
outlets; and the claim of responsibility in the wire story and its copy. Most reports are dated the
day after the weekday they name; two are dated that very day ("on Friday" in a Friday article is
that Friday), and join the same incidents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.incidents import update_incidents
from kg.incidents.corpus import read_document, read_documents
from kg.store.corpus import corpus_graph
from kg.store.documents import remove_documents
from kg.store.embedded import EmbeddedStore

REPORTS = Path(__file__).parent / "data" / "incidents" / "reports.jsonl"
KG = "https://w3id.org/newskg/ontology#"
DOC = "https://w3id.org/newskg/id/doc/"

INCIDENTS = f"""PREFIX kg: <{KG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?i ?label ?docs ?sources ?e ?doc WHERE {{
  ?i a kg:Incident ; rdfs:label ?label ; kg:documentCount ?docs ; kg:sourceCount ?sources .
  ?e kg:incident ?i ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc .
}}"""

# (label, documents reporting it, documentCount, sourceCount)
HAND_GROUPING = {
    (
        "Bombing in Baidoa, 2025-03-14",
        frozenset({"wire-baidoa", "gazette-baidoa", "herald-baidoa", "meridian-baidoa"}),
        4,
        3,  # the Mogadishu Gazette's copy of the Horn Wire story is no independent source
    ),
    ("Bombing in Baidoa, 2024-06-02", frozenset({"herald-baidoa-2024", "herald-baidoa"}), 2, 1),
    ("Bombing in Baidoa, 2025-03-28", frozenset({"herald-baidoa-later"}), 1, 1),
    ("Bombing in Kismayo, 2025-03-14", frozenset({"meridian-kismayo"}), 1, 1),
    ("Kidnapping in Kaduna, 2025-03-10", frozenset({"sahel-kano", "lagos-kano"}), 2, 2),
    ("Kidnapping in Kano, 2025-03-10", frozenset({"sahel-kano-okafor"}), 1, 1),
    ("Kidnapping in Kano, 2025-03-10", frozenset({"lagos-kano-adeyemi"}), 1, 1),
    ("Meeting in Nairobi, 2025-03-18", frozenset({"herald-nairobi", "meridian-nairobi"}), 2, 2),
    ("ClaimOfResponsibility by Al-Shabaab", frozenset({"wire-baidoa", "gazette-baidoa"}), 2, 1),
}


def incidents(store: EmbeddedStore) -> set[tuple[str, frozenset[str], int, int]]:
    found: dict[str, tuple[str, set[str], int, int]] = {}
    for row in store.ox.query(INCIDENTS, use_default_graph_as_union=True):
        label, docs, sources = row["label"].value, int(row["docs"].value), int(row["sources"].value)
        entry = found.setdefault(row["i"].value, (label, set(), docs, sources))
        entry[1].add(row["doc"].value.removeprefix(DOC))
    return {(label, frozenset(docs), n, s) for label, docs, n, s in found.values()}


def corpus_layer(store: EmbeddedStore) -> set[str]:
    """The incident and duplicate facts of the corpus graph, as N-Triples lines."""
    graph = ox.NamedNode(str(corpus_graph(store.base)))
    keep = {f"{KG}{name}" for name in ("incident", "documentCount", "sourceCount", "duplicateOf")}
    return {
        str(q.triple)
        for q in store.ox.quads_for_pattern(None, None, None, graph)
        if q.predicate.value in keep or "/incident/" in q.subject.value
    }


def write_reports(path: Path, ids: list[str] | None = None) -> Path:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(line + "\n" for line in lines if ids is None or json.loads(line)["id"] in ids))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("incidents")
    build([str(REPORTS)], out)
    return out


def test_incidents_match_the_hand_grouping(built) -> None:
    store = EmbeddedStore(built / "store", read_only=True)
    assert incidents(store) == HAND_GROUPING


def test_every_event_has_exactly_one_incident(built) -> None:
    store = EmbeddedStore(built / "store", read_only=True)
    # Every event but a statement (an utterance, not a happening: kg/incidents/lexicons/incidents.json).
    rows = store.ox.query(
        f"PREFIX kg: <{KG}> SELECT ?e (COUNT(?i) AS ?n) WHERE {{ GRAPH ?g {{ ?e a kg:Event }} "
        "FILTER NOT EXISTS { GRAPH ?h { ?e a kg:Statement } } "
        "OPTIONAL { ?e kg:incident ?i } } GROUP BY ?e",
        use_default_graph_as_union=True,
    )
    counts = [int(row["n"].value) for row in rows]
    assert counts and set(counts) == {1}


def test_background_mention_joins_the_earlier_happening_not_this_one(built) -> None:
    store = EmbeddedStore(built / "store", read_only=True)
    rows = store.ox.query(
        f"""PREFIX kg: <{KG}> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE {{ ?e kg:evidence/nif:anchorOf ?s ; kg:incident/rdfs:label ?label .
          FILTER (CONTAINS(?s, "similar bombing")) }}""",
        use_default_graph_as_union=True,
    )
    assert {row["label"].value for row in rows} == {"Bombing in Baidoa, 2024-06-02"}


def test_syndicated_copy_points_to_the_original_and_publishers_are_written(built) -> None:
    store = EmbeddedStore(built / "store", read_only=True)
    rows = store.ox.query(f"SELECT ?a ?b WHERE {{ ?a <{KG}duplicateOf> ?b }}", use_default_graph_as_union=True)
    assert [(r["a"].value, r["b"].value) for r in rows] == [(DOC + "gazette-baidoa", DOC + "wire-baidoa")]
    rows = store.ox.query(
        "SELECT ?d ?p WHERE { GRAPH ?d { ?d <http://purl.org/dc/terms/publisher> ?p } }",
    )
    publishers = {r["d"].value.removeprefix(DOC): r["p"].value for r in rows}
    assert publishers["gazette-baidoa"] == "Mogadishu Gazette" and len(publishers) == 13


def test_roles_carry_their_independent_sources(built) -> None:
    store = EmbeddedStore(built / "store", read_only=True)
    rows = store.ox.query(
        f"""PREFIX kg: <{KG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?n WHERE {{
          GRAPH ?c {{ ?role kg:sourceCount ?n }} ?person kg:holdsRole ?role ; rdfs:label ?name
        }}""",
        use_default_graph_as_union=True,
    )
    counts = {(r["name"].value, int(r["n"].value)) for r in rows}
    # Told by the wire, its copy and the Daily Meridian: two independent sources.
    assert ("Abdi Hassan Mohamed", 2) in counts
    assert ("Musalia Mudavadi", 2) in counts


def test_documents_read_back_in_one_pass_as_one_by_one(built) -> None:
    # A new store's build reads every document back in one pass of each query; an update of a few
    # documents reads each alone: both give what grouping needs, the same.
    store = EmbeddedStore(built / "store", read_only=True)
    docs = [DOC + "wire-baidoa", DOC + "herald-nairobi", DOC + "not-stored", DOC + "sahel-kano"]
    alone = [(doc, read_document(store, doc)) for doc in docs]
    assert list(read_documents(store, docs, stored=13)) == alone  # in one pass
    assert list(read_documents(store, docs[:1], stored=13)) == alone[:1]  # one by one
    assert alone[2][1] is None
    meta, events, facts = alone[0][1]
    assert meta["publisher"] == "Horn Wire" and "Baidoa" in meta["text"]
    assert {e.event_class for e in events} >= {"Bombing"} and facts


def test_build_a_then_b_equals_build_a_and_b(built, tmp_path) -> None:
    ids = [json.loads(line)["id"] for line in REPORTS.read_text(encoding="utf-8").splitlines()]
    first, second = ids[::2], ids[1::2]  # the wire story in the first build, its copy in the second
    build([str(write_reports(tmp_path / "a.jsonl", first))], tmp_path / "ab")
    build([str(write_reports(tmp_path / "b.jsonl", second))], tmp_path / "ab")
    stepwise = EmbeddedStore(tmp_path / "ab" / "store", read_only=True)
    at_once = EmbeddedStore(built / "store", read_only=True)
    assert incidents(stepwise) == HAND_GROUPING
    assert corpus_layer(stepwise) == corpus_layer(at_once)


def test_removing_documents_lowers_counts_and_drops_lone_incidents(tmp_path) -> None:
    build([str(REPORTS)], tmp_path)
    store = EmbeddedStore(tmp_path / "store")
    removed, _ = remove_documents(store, ["meridian-kismayo", "herald-baidoa", "wire-baidoa"])
    update_incidents(store, removed=removed)
    after = incidents(store)
    assert not any(label.startswith("Bombing in Kismayo") for label, *_ in after)
    # The copy stands alone now: it is no duplicate any more and counts as its own publisher.
    assert ("Bombing in Baidoa, 2025-03-14", frozenset({"gazette-baidoa", "meridian-baidoa"}), 2, 2) in after
    assert ("Bombing in Baidoa, 2024-06-02", frozenset({"herald-baidoa-2024"}), 1, 1) in after
    assert not bool(store.ox.query(f"ASK {{ ?a <{KG}duplicateOf> ?b }}", use_default_graph_as_union=True))
    # Removed, then built again: back to the hand grouping.
    store.ox.flush()
    del store
    build([str(REPORTS)], tmp_path)
    assert incidents(EmbeddedStore(tmp_path / "store", read_only=True)) == HAND_GROUPING


def test_ready_query_incidents_most_reported_first_and_by_time(built) -> None:
    from kg.query.run import ready_query, run_query

    store = EmbeddedStore(built / "store", read_only=True)
    rows = list(run_query(store.ox, ready_query("incidents")))
    assert len(rows) == len(HAND_GROUPING)
    first = rows[0]
    assert (first["label"].value, first["class"].value, int(first["documents"].value), int(first["sources"].value)) == (
        "Bombing in Baidoa, 2025-03-14",
        "Bombing",
        4,
        3,
    )
    assert first["time"].value == "2025-03-14" and "Baidoa" in first["places"].value
    march = run_query(store.ox, ready_query("incidents"), {"since": "2025-03-15", "until": "2025-03-31"})
    assert {row["label"].value for row in march} == {"Meeting in Nairobi, 2025-03-18", "Bombing in Baidoa, 2025-03-28"}


def test_ready_query_corroborated(built) -> None:
    from kg.query.run import ready_query, run_query

    store = EmbeddedStore(built / "store", read_only=True)
    rows = [
        (r["subject"].value, r["fact"].value, int(r["sources"].value))
        for r in run_query(store.ox, ready_query("corroborated"))
    ]
    assert ("Abdi Hassan Mohamed", "holdsRole Defense Minister", 2) in rows
    sources = [n for _, _, n in rows]
    assert sources == sorted(sources, reverse=True)


def test_explain_incident_gives_the_rules_and_the_copy(built) -> None:
    from kg.incidents.explain import explain_incidents
    from kg.store.sources import open_source

    [baidoa] = explain_incidents(open_source(built / "store"), "bombing in baidoa, 2025-03-14")
    assert (baidoa.label, baidoa.document_count, baidoa.source_count) == ("Bombing in Baidoa, 2025-03-14", 4, 3)
    assert baidoa.publishers[DOC + "gazette-baidoa"] == "Mogadishu Gazette"
    [copy] = baidoa.copies
    assert (copy["document"], copy["original"]) == (DOC + "gazette-baidoa", DOC + "wire-baidoa")
    assert copy["similarity"] >= copy["threshold"]
    # Every event but the first is joined to another with the rules that hold between them.
    assert [e.joined_with is None for e in baidoa.events].count(True) == 1
    assert {e.document.removeprefix(DOC) for e in baidoa.events} == {
        "wire-baidoa",
        "gazette-baidoa",
        "herald-baidoa",
        "meridian-baidoa",
    }
    for event in baidoa.events:
        if event.joined_with is not None:
            assert any(r == "same day, 2025-03-14" or r.startswith("compatible times") for r in event.reasons)
            assert any(r.startswith(("same place", "place:")) for r in event.reasons)
            assert any(r.startswith(("same class", f"{event.event_class} and ")) for r in event.reasons)
    # The background mention is joined to the happening it names, by its vaguer time, and so are
    # the deaths it tells ("A similar bombing in Baidoa in 2024 killed 20 people").
    [earlier] = explain_incidents(open_source(built / "store"), "2024-06-02")
    background = {e.event_class: e for e in earlier.events if e.document == DOC + "herald-baidoa"}
    assert sorted(background) == ["Bombing", "Killing"]
    assert background["Bombing"].time == "2024"
    assert "compatible times: 2024 and 2024-06-02 overlap" in background["Bombing"].reasons


def test_kg_explain_incident_command(built) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["explain", str(built / "store"), "--incident", "Kidnapping in Kaduna"])
    assert result.exit_code == 0, result.output
    assert "Kidnapping in Kaduna, 2025-03-10" in result.output and "independent sources: 2" in result.output
    assert "publisher Sahel Post" in result.output and "same place, Kaduna" in result.output
    result = runner.invoke(app, ["explain", str(built / "store"), "--incident", "Kidnapping in Kano", "--json"])
    assert result.exit_code == 0, result.output
    assert [e["document_count"] for e in json.loads(result.output)] == [1, 1]
    result = runner.invoke(app, ["explain", str(built / "store"), "--incident", "Flood in Nowhere"])
    assert result.exit_code == 1 and "no incident named 'Flood in Nowhere'" in result.output


def test_analyze_counts_incidents_not_reports(built, tmp_path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    # Every class but statements (utterances: they count alone, being no incident's reports).
    happenings = ["Attack", "Killing", "Injury", "Kidnapping", "Arrest", "Meeting", "ClaimOfResponsibility"]
    happenings += ["Takeover", "Withdrawal", "MilitaryOperation", "Protest", "Threat"]
    classes = [option for name in happenings for option in ("--event-class", name)]
    result = CliRunner().invoke(app, ["analyze", str(built / "store"), "-o", str(tmp_path / "analysis"), *classes])
    assert result.exit_code == 0, result.output
    activity = json.loads((tmp_path / "analysis" / "metrics.json").read_text(encoding="utf-8"))["activity"]
    # One per incident of the hand grouping: the four reports of the March bombing count once, and the
    # background mention of the 2024 bombing counts in June 2024, with the report of that bombing.
    assert activity["counted"] == "incidents"
    assert activity["events_by_class"] == {
        "2024-06": {"Bombing": 1},
        "2025-03": {"Bombing": 3, "Kidnapping": 3, "Meeting": 1, "ClaimOfResponsibility": 1},
    }
    assert activity["events_by_actor"]["Baidoa"] == {"2024-06": 1, "2025-03": 2}
    report = (tmp_path / "analysis" / "report.md").read_text(encoding="utf-8")
    assert "Counted in incidents" in report and "| month | incidents |" in report


def test_event_view_shows_incidents_with_their_report_count(built) -> None:
    from kg.analysis.read import read_graph
    from kg.store.sources import open_source
    from kg.viz.network import build_view

    view = build_view(read_graph(open_source(built / "store")), events=True)
    # Statements (utterances, shown as themselves) aside, each event node is one incident.
    events = [n for n in view.nodes if n["kind"] == "event" and n.get("cls") != "Statement"]
    # One node per incident of the hand grouping (all name an entity), labelled with its reports.
    expected = [f"{label} ({n} report{'s' if n > 1 else ''})" for label, _, n, _ in HAND_GROUPING]
    assert sorted(n["label"] for n in events) == sorted(expected)
    shown = {n["label"]: n for n in events}
    baidoa = shown["Bombing in Baidoa, 2025-03-14 (4 reports)"]
    assert baidoa["info"]["reports"] == 4 and baidoa["cls"] == "Bombing"
    assert "/incident/" in baidoa["id"]
    # An entity is joined to the incident, not to each report: Baidoa to its three bombings.
    [place] = [n["id"] for n in view.nodes if n["label"] == "Baidoa"]
    linked = {e["to"] if e["from"] == place else e["from"] for e in view.edges if place in (e["from"], e["to"])}
    labels = {n["id"]: n["label"] for n in view.nodes}
    assert sorted(labels[i] for i in linked) == [
        "Bombing in Baidoa, 2024-06-02 (2 reports)",
        "Bombing in Baidoa, 2025-03-14 (4 reports)",
        "Bombing in Baidoa, 2025-03-28 (1 report)",
    ]


# Two outlets tell, in their own words, that an invented town lies in Hungary; a third republishes
# the second's story with a line added (a copy: no independent source).
CORROBORATION = [
    {
        "id": "courier-budget",
        "publisher": "Northern Courier",
        "published": "2025-05-02",
        "text": "Tomas Varga of the Green Alliance party told reporters in Szeged, Hungary, that the new budget "
        "ignored the villages of the south.",
    },
    {
        "id": "daily-budget",
        "publisher": "Danube Daily",
        "published": "2025-05-02",
        "text": "Opposition lawmaker Tomas Varga of the Green Alliance party said the budget would hurt farmers. "
        "He spoke in Szeged, Hungary, on Thursday.",
    },
    {
        "id": "wire-budget",
        "publisher": "Plains Wire",
        "published": "2025-05-03",
        "text": "Opposition lawmaker Tomas Varga of the Green Alliance party said the budget would hurt farmers. "
        "He spoke in Szeged, Hungary, on Thursday. The vote is due next week.",
    },
]


@pytest.fixture(scope="module")
def corroborated(tmp_path_factory):
    out = tmp_path_factory.mktemp("corroboration")
    path = out / "budget.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in CORROBORATION), encoding="utf-8")
    build([str(path)], out)
    return out


def relation_sources(store) -> dict[tuple[str, str, str], int]:
    from kg.query.run import ready_query, run_query

    return {
        (r["subject"].value, r["fact"].value, r["object"].value if r["object"] is not None else ""): int(
            r["sources"].value
        )
        for r in run_query(store, ready_query("corroborated"))
    }


def test_relation_told_by_two_independent_publishers_has_two_sources(corroborated) -> None:
    store = EmbeddedStore(corroborated / "store", read_only=True)
    rows = store.ox.query(f"SELECT ?a ?b WHERE {{ ?a <{KG}duplicateOf> ?b }}", use_default_graph_as_union=True)
    assert [(r["a"].value, r["b"].value) for r in rows] == [(DOC + "wire-budget", DOC + "daily-budget")]
    counts = relation_sources(store.ox)
    # Three documents state it; the copy counts as the Danube Daily.
    assert counts[("Szeged", "country", "Hungary")] == 2
    assert counts[("Tomas Varga", "holdsRole Opposition Lawmaker", "")] == 1
    # Asked as the analyst would: facts at least two independent publishers report.
    rows = store.ox.query(
        f"""PREFIX kg: <{KG}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?o WHERE {{ ?st rdf:subject ?s ; rdf:predicate kg:country ; rdf:object ?o ; kg:sourceCount ?n .
          FILTER (?n >= 2) }}""",
        use_default_graph_as_union=True,
    )
    assert [(r["s"].value.rsplit("/", 1)[-1].split("_")[0], r["o"].value.rsplit("/", 1)[-1]) for r in rows] == [
        ("szeged", "HUN")
    ]


def test_kg_load_into_an_embedded_store_keeps_incidents_right(built, corroborated, tmp_path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    target = tmp_path / "loaded"
    # A fresh store (bulk loader): the loaded corpus graph and the recomputed one agree.
    result = runner.invoke(app, ["load", str(built / "graph.nq"), "--store", str(target)])
    assert result.exit_code == 0, result.output
    assert "Incidents recomputed over 13 documents" in result.output
    loaded = EmbeddedStore(target)
    assert corpus_layer(loaded) == corpus_layer(EmbeddedStore(built / "store", read_only=True))
    del loaded
    # Into a store holding other documents: the source's corpus graph replaces the store's, then the
    # incidents, copies and counts of both corpora are made again from the documents.
    result = runner.invoke(app, ["load", str(corroborated / "graph.nq"), "--store", str(target)])
    assert result.exit_code == 0, result.output
    both = EmbeddedStore(target)
    alone = EmbeddedStore(corroborated / "store", read_only=True)
    assert incidents(both) == HAND_GROUPING | incidents(alone)
    assert relation_sources(both.ox)[("Szeged", "country", "Hungary")] == 2
    assert relation_sources(both.ox)[("Abdi Hassan Mohamed", "holdsRole Defense Minister", "Somalia")] == 2
    duplicates = both.ox.query(f"SELECT ?a WHERE {{ ?a <{KG}duplicateOf> ?b }}", use_default_graph_as_union=True)
    assert sorted(r["a"].value.removeprefix(DOC) for r in duplicates) == ["gazette-baidoa", "wire-budget"]
    # Each incident has one count of each kind: nothing stale beside the new.
    counts = both.ox.query(
        f"SELECT ?i (COUNT(?n) AS ?k) WHERE {{ ?i <{KG}documentCount> ?n ; a <{KG}Incident> }} GROUP BY ?i",
        use_default_graph_as_union=True,
    )
    assert {int(r["k"].value) for r in counts} == {1}
