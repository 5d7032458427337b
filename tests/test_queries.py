"""The ready queries and ``kg query``: answers checked against rdflib's own reading of the same graph."""

from __future__ import annotations

import csv
import io
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.query import QueryError, ready_query, run_query
from kg.query.remote import remote_text
from kg.rdf.namespaces import ITSRDF, KG, NIF, PREFIXES
from kg.store.sources import open_source

from .test_cli import kg

QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"
ID = "https://w3id.org/newskg/id/"


@pytest.fixture(scope="module")
def store(seed_build) -> ox.Store:
    out, _ = seed_build
    return open_source(out / "store")


@pytest.fixture(scope="module")
def union(seed_build) -> Graph:
    out, _ = seed_build
    return Graph().parse(out / "graph.ttl")


def rows(store: ox.Store, query: str, **params: str) -> list[dict[str, str]]:
    results = run_query(store, ready_query(query), params)
    names = [v.value for v in results.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in results]


def label(g: Graph, node) -> str | None:
    value = g.value(node, RDFS.label)
    return None if value is None else str(value)


def asserted_events(g: Graph) -> set:
    return {e for e in g.subjects(RDF.type, KG.Event) if (e, KG.modality, None) not in g}


def test_each_ready_query_has_a_header_and_runs_on_the_sample_graph(store):
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 13
    for path in files:
        text = path.read_text(encoding="utf-8")
        header = [line for line in text.splitlines() if line.startswith("#")]
        assert text.startswith("# ") and len(" ".join(header)) > 40, (
            f"{path.name} needs a header saying what it answers"
        )
        # Facts repeat across document graphs: every query collapses them.
        assert "SELECT DISTINCT" in text or "GROUP BY" in text, path.name
        params = {v: "Iraq" for v in ("name", "first", "second") if f"--param {v}=" in text}
        results = run_query(store, text, params)
        assert results.variables, path.name
        list(results)


def test_key_actors(store, union):
    got = rows(store, "key-actors")
    people_and_orgs = {e for c in (KG.Person, KG.Organization) for e in union.subjects(RDF.type, c)}
    expected = sorted(
        ((int(union.value(e, KG.mentionCount)), label(union, e)) for e in people_and_orgs), key=lambda x: (-x[0], x[1])
    )
    assert [int(r["mentions"]) for r in got] == [m for m, _ in expected][: len(got)]
    assert got[0]["label"] == "ISIS" or int(got[0]["mentions"]) >= int(got[1]["mentions"])
    assert {r["type"] for r in got} <= {"Person", "Organization"} and "Juma Inad" in {r["label"] for r in got}


def test_events_by_class_and_time(store, union):
    got = rows(store, "events-by-class-and-time")
    by_class: Counter = Counter()
    for r in got:
        by_class[r["class"]] += int(r["events"])
    expected: Counter = Counter()
    for e in asserted_events(union):
        for c in union.objects(e, RDF.type):
            if c != KG.Event:
                expected[str(c).rsplit("#", 1)[1]] += 1
    assert by_class == expected
    periods = {r["period"] for r in got}
    assert "unknown" in periods and all(p == "unknown" or p[:4].isdigit() for p in periods)


def test_entity_timeline(store, union):
    got = rows(store, "entity-timeline", name="Inad")  # an alias finds the entity too
    inad = next(union.subjects(RDFS.label, Literal("Juma Inad")))
    expected = {
        (str(e), str(p).rsplit("#", 1)[1])
        for p in (KG.agent, KG.target, KG.victim, KG.participant, KG.place)
        for e in union.subjects(p, inad)
    }
    assert {(r["event"], r["role"]) for r in got} == expected and expected
    assert {r["name"] for r in got} == {"Inad"}


def test_meetings_lists_only_meetings_that_happened():
    # "Vell met Arno"; "Vell was expected to meet Sola" (hypothetical); "they will meet Dara" (future).
    store = ox.Store()
    store.load(
        f"""@prefix kg: <{KG}> . @prefix rdfs: <{RDFS}> .
        <{ID}event/met> a kg:Meeting ; kg:agent <{ID}person/vell> ; kg:participant <{ID}person/arno> .
        <{ID}event/expected> a kg:Meeting ; kg:agent <{ID}person/vell> ; kg:participant <{ID}person/sola> ;
            kg:modality "hypothetical" .
        <{ID}event/planned> a kg:Meeting ; kg:agent <{ID}person/vell> ; kg:participant <{ID}person/dara> ;
            kg:modality "future" .
        <{ID}event/series> a kg:Meeting ; kg:agent <{ID}person/arno> ; kg:participant <{ID}person/sola> ;
            kg:modality "aggregate" .
        <{ID}person/vell> rdfs:label "Vell" . <{ID}person/arno> rdfs:label "Arno" .
        <{ID}person/sola> rdfs:label "Sola" . <{ID}person/dara> rdfs:label "Dara" .""",
        format=ox.RdfFormat.TURTLE,
    )
    assert {(r["first"], r["second"]) for r in rows(store, "meetings")} == {("Arno", "Vell"), ("Arno", "Sola")}


def test_meetings(store, union):
    got = {(r["first"], r["second"], r["event"]) for r in rows(store, "meetings")}
    expected = set()
    for meeting in union.subjects(RDF.type, KG.Meeting):
        if union.value(meeting, KG.modality) not in (None, Literal("aggregate")):
            continue  # not told as having happened
        # an entity by its label, any other taker-part by the words of the text
        named = {
            label(union, x) or union.value(x, NIF.anchorOf)
            for p in (KG.agent, KG.participant)
            for x in union.objects(meeting, p)
        }
        names = {str(n) for n in named if n is not None}
        pairs = {(a, b, str(meeting)) for a in names for b in names if a < b}
        expected |= pairs or {(a, None, str(meeting)) for a in names}
    assert got == expected and ("Abdirahman Warsame", "Daniel Mwangi") in {(a, b) for a, b, _ in got}


def test_places_by_events(store, union):
    got = {r["label"]: int(r["events"]) for r in rows(store, "places-by-events")}
    expected: Counter = Counter()
    for e in asserted_events(union):
        for place in set(union.objects(e, KG.place)):
            if label(union, place):
                expected[label(union, place)] += 1
    assert got == dict(expected) and got


def test_documents_mentioning_both(store, union):
    def docs_of(name: str) -> set[str]:
        [entity] = set(union.subjects(RDFS.label, Literal(name))) | set(union.subjects(SKOS.altLabel, Literal(name)))
        return {str(union.value(m, NIF.referenceContext)) for m in union.subjects(ITSRDF.taIdentRef, entity)}

    got = rows(store, "documents-mentioning-both", first="Iraq", second="Juma Inad")
    assert {r["document"] for r in got} == docs_of("Iraq") & docs_of("Juma Inad") != set()
    assert rows(store, "documents-mentioning-both", first="Juma Inad", second="Nairobi") == []


def test_organizations_and_attacks_and_claims_on_the_sample(store, union):
    orgs = {label(union, o) for o in union.subjects(RDF.type, KG.Organization)}
    assert {r["organization"] for r in rows(store, "organizations-by-country")} == orgs
    attacks = {e for c in (KG.Attack, KG.Bombing) for e in union.subjects(RDF.type, c)} & asserted_events(union)
    assert sum(int(r["attacks"]) for r in rows(store, "attacks-by-country")) >= len(attacks) > 0
    claims = set(union.subjects(RDF.type, KG.ClaimOfResponsibility))
    got = rows(store, "claims")
    assert {r["claim"] for r in got} == {str(c) for c in claims} and "ISIS" in {r["claimant"] for r in got}


@pytest.fixture(scope="module")
def made_up(tmp_path_factory) -> ox.Store:
    """A hand-made graph in the vocabulary with roles, linked claims and countries, spread over two documents."""
    ds = Dataset()
    n = lambda local: URIRef(ID + local)  # noqa: E731
    d1, d2, corpus = ds.graph(n("doc/a")), ds.graph(n("doc/b")), ds.graph(n("graph/corpus"))
    brigade, minister, ruritania, town = n("organization/brigade"), n("person/anna"), n("country/RUR"), n("place/town")
    for g in (d1, d2):
        g.add((brigade, RDF.type, KG.Organization))
        g.add((brigade, KG.country, ruritania))
        g.add((ruritania, RDF.type, KG.Country))
    for node, name in ((brigade, "Red Brigade"), (minister, "Anna Berg"), (ruritania, "Ruritania"), (town, "Oldtown")):
        corpus.add((node, RDFS.label, Literal(name)))
    for node in (brigade, town, ruritania):  # the country each counts under, as kg.store.corpus states it
        corpus.add((node, KG.inCountry, ruritania))
    role = n("role/anna-minister")
    d1.add((minister, RDF.type, KG.Person))
    d1.add((minister, KG.holdsRole, role))
    d1.add((role, RDFS.label, Literal("Interior Minister")))
    d1.add((role, KG.roleOf, ruritania))
    town_attack, claim = n("event/a-attack"), n("event/b-claim")
    for g, event, cls, text in (
        (d1, town_attack, KG.Bombing, "A bomb hit Oldtown."),
        (d2, claim, KG.ClaimOfResponsibility, "The Red Brigade claimed it."),
    ):  # noqa: E501
        sentence = URIRef(f"{event}#sentence")
        g.add((event, RDF.type, cls))
        g.add((event, RDF.type, KG.Event))
        g.add((event, KG.evidence, sentence))
        g.add((sentence, NIF.anchorOf, Literal(text)))
        g.add((event, PROV.wasDerivedFrom, n("doc/a" if g is d1 else "doc/b")))
    d1.add((town_attack, KG.place, town))
    d1.add((town, KG.country, ruritania))
    d1.add((town_attack, KG.agent, brigade))
    d1.add((town_attack, KG.time, Literal("2024-03-02", datatype=XSD.date)))
    d2.add((claim, KG.agent, brigade))
    d2.add((claim, KG.claims, town_attack))
    store = ox.Store()
    store.load(input=ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    return store


def test_roles_claims_countries_on_a_made_up_graph(made_up):
    assert [(r["person"], r["title"], r["of"]) for r in rows(made_up, "roles")] == [
        ("Anna Berg", "Interior Minister", "Ruritania")
    ]
    [claim] = rows(made_up, "claims")
    assert (claim["claimant"], claim["claimedClass"], claim["claimedPlace"], claim["claimedTime"]) == (
        "Red Brigade", "Bombing", "Oldtown", "2024-03-02",
    )  # fmt: skip
    assert [(r["country"], r["organization"]) for r in rows(made_up, "organizations-by-country")] == [
        ("Ruritania", "Red Brigade")
    ]
    assert [(r["agent"], r["country"], r["attacks"]) for r in rows(made_up, "attacks-by-country")] == [
        ("Red Brigade", "Ruritania", "1")
    ]


HOSTILE = [
    'Juma Inad" } ; DROP ALL ; #',
    "x\n} UNION { ?s ?p ?o }",
    "Inad'); DELETE WHERE { ?s ?p ?o } #",
    'Iraq" . ?s ?p ?o } SELECT * WHERE { ?s ?p ?o',
    "}}}}} ### \\\" '''",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_parameters_are_data_never_query_text(hostile):
    store = ox.Store()
    evil, good = ox.NamedNode(ID + "person/evil"), ox.NamedNode(ID + "person/good")
    label_ = ox.NamedNode(str(RDFS.label))
    store.add(ox.Quad(evil, label_, ox.Literal(hostile), ox.NamedNode(ID + "graph/corpus")))
    store.add(ox.Quad(good, label_, ox.Literal("Juma Inad"), ox.NamedNode(ID + "graph/corpus")))
    found = run_query(store, "SELECT ?e ?name WHERE { ?e rdfs:label ?name }", {"name": hostile})
    assert [row["e"].value for row in found] == [evil.value]  # exactly the entity named so, nothing else
    assert len(store) == 2
    # The text a remote server receives binds the same value, escaped.
    sent = remote_text("SELECT ?e ?name WHERE { ?e rdfs:label ?name }", {"name": hostile})
    local = ox.Store()
    local.extend(store)
    assert [row["e"].value for row in local.query(sent, use_default_graph_as_union=True)] == [evil.value]


def test_typed_and_iri_parameters(store):
    text = "SELECT DISTINCT ?entity ?n WHERE { ?entity kg:mentionCount ?n }"
    three = run_query(store, text, {"n": "3^^xsd:integer"})
    assert {row["n"].value for row in three} == {"3"}
    assert list(run_query(store, text, {"n": "3"})) == []  # a plain string is not the integer 3
    iraq = run_query(
        store, "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label }", {"entity": f"<{ID}country/IRQ>"}
    )
    assert [row["label"].value for row in iraq] == ["Iraq"]
    with pytest.raises(QueryError, match="unknown prefix"):
        run_query(store, text, {"n": "3^^nope:integer"})
    with pytest.raises(QueryError, match="SELECT"):
        run_query(store, "SELECT ?entity WHERE { ?entity rdfs:label ?label }", {"label": "Iraq"})


def test_output_formats(seed_build):
    out, _ = seed_build
    store = str(out / "store")
    sparql = "SELECT DISTINCT ?c ?label WHERE { ?c a kg:Country ; rdfs:label ?label } ORDER BY ?label"
    as_json = json.loads(kg("query", store, sparql, "--format", "json").stdout)
    labels = [b["label"]["value"] for b in as_json["results"]["bindings"]]
    assert as_json["head"]["vars"] == ["c", "label"] and "Iraq" in labels
    assert [
        r["label"] for r in csv.DictReader(io.StringIO(kg("query", store, sparql, "--format", "csv").stdout))
    ] == labels
    tsv = kg("query", store, sparql, "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "?c\t?label" and len(tsv) == len(labels) + 1
    table = kg("query", store, sparql).stdout
    assert f"{len(labels)} row(s)" in table and "country/IRQ" in table

    construct = "CONSTRUCT { ?c rdfs:label ?label } WHERE { ?c a kg:Country ; rdfs:label ?label }"
    for fmt, rdflib_format in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("table", "turtle")):
        graph = Graph().parse(data=kg("query", store, construct, "--format", fmt).stdout, format=rdflib_format)
        assert sorted(str(o) for o in graph.objects()) == sorted(labels), fmt
    describe = Graph().parse(
        data=kg("query", store, f"DESCRIBE <{ID}country/IRQ>", "--format", "nt").stdout, format="nt"
    )
    assert (URIRef(ID + "country/IRQ"), RDFS.label, Literal("Iraq")) in describe
    assert kg("query", store, "ASK { ?s a kg:Person }").stdout.strip() == "true"


def test_timeout_stops_a_long_query(seed_build):
    out, _ = seed_build
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    started = time.monotonic()
    result = kg("query", str(out / "store"), heavy, "--timeout", "0.5", check=False)
    assert result.returncode == 2 and "--timeout 0.5 s" in result.stderr
    assert time.monotonic() - started < 10
    quick = kg("query", str(out / "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Country }", "--timeout", "30")
    assert "1 row(s)" in quick.stdout


def test_entities_by_type_counts_match_corpus_facts(store, union):
    by_entity = defaultdict(set)
    for r in rows(store, "entities-by-type"):
        by_entity[r["entity"]].add(r["type"])
    expected = {
        str(e)
        for c in (KG.Person, KG.Organization, KG.Country, KG.Place, KG.Facility)
        for e in union.subjects(RDF.type, c)
    }
    assert set(by_entity) == {e for e in expected if label(union, URIRef(e))}


def test_ready_queries_answer_the_same_on_rdflib(seed_build, store):
    """Standard SPARQL 1.1 only: rdflib's own engine gives the same rows as Oxigraph for every ready query."""
    out, _ = seed_build
    dataset = Dataset(default_union=True)
    dataset.parse(out / "graph.nq", format="nquads")
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        params = {"name": "Juma Inad", "first": "Iraq", "second": "Juma Inad"}
        params = {k: v for k, v in params.items() if f"--param {k}=" in text}
        expected = run_query(store, text, params)
        names = [v.value for v in expected.variables]
        expected = sorted(
            (tuple(None if row[n] is None else row[n].value for n in names) for row in expected), key=unbound_first
        )
        got = dataset.query(text, initNs=prefixes, initBindings={k: Literal(v) for k, v in params.items()})
        got = sorted((tuple(None if row[n] is None else str(row[n]) for n in names) for row in got), key=unbound_first)
        assert got == expected and (got or not params), path.name


def test_events_lists_the_asserted_events_of_the_latest_documents(store, union):
    got = rows(store, "events")
    aggregate = {e for e in union.subjects(KG.modality, Literal("aggregate"))}
    # fewer than 100 documents; events told as many happenings at once are listed, marked
    assert {r["event"] for r in got} == {str(e) for e in asserted_events(union) | aggregate}
    assert {r["event"] for r in got if r["modality"] == "aggregate"} == {str(e) for e in aggregate}
    issued = [r["issued"] for r in got if r["issued"]]
    assert issued == sorted(issued, reverse=True)  # newest first
    assert all(r["class"] and r["trigger"] and r["evidence"] and r["document"] for r in got)


@pytest.mark.parametrize(
    "name, missing", [("entity", "name"), ("entity-timeline", "name"), ("documents-mentioning-both", "second")]
)
def test_a_ready_query_without_its_parameter_says_which(seed_build, name, missing):
    from typer.testing import CliRunner

    from kg.cli import app

    out, _ = seed_build
    params = ["--param", "first=Iraq"] if missing == "second" else []
    result = CliRunner().invoke(app, ["query", str(out / "store"), "--ready", name, *params])
    assert result.exit_code == 2
    assert f"needs the parameter(s) {missing}: give --param {missing}=VALUE" in result.output


def unbound_first(row: tuple) -> tuple:
    """A sort key for rows that may hold None (an unbound variable)."""
    return tuple((value is not None, value or "") for value in row)


def test_a_ready_query_refuses_a_parameter_it_does_not_take(seed_build):
    """Bound anyway, "place" would stand in every row of the events list instead of filtering it."""
    from typer.testing import CliRunner

    import kg
    from kg.cli import app

    out, _ = seed_build
    result = CliRunner().invoke(app, ["query", str(out / "store"), "--ready", "events", "--param", "place=Mosul"])
    assert result.exit_code == 2
    assert "the ready query 'events' takes no parameter place (it takes: none)" in result.output
    with pytest.raises(QueryError, match="takes no parameter place"):
        kg.query(out / "store", "events", place="Mosul")
    # optional parameters a query declares are taken
    result = CliRunner().invoke(app, ["query", str(out / "store"), "--ready", "incidents", "--param", "since=2025"])
    assert result.exit_code == 0, result.output
