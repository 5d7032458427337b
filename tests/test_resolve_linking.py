"""Linking rules added for entities: facilities in their place's country, continents are no cities."""

from __future__ import annotations

from kg.model import DocExtraction, Document, Entity
from kg.names.gazetteer import country_of_capital, lookup_places
from kg.resolve import resolve


def test_facility_named_with_its_place_is_in_that_place_country():
    x = DocExtraction(
        Document.from_text("A bomb hit the Iraqi embassy in Kabul. The Iraqi embassy closed.", id="d"),
        model="m",
        entities=[
            Entity("e0", "Facility", "Iraqi embassy in Kabul"),
            Entity("e1", "Place", "Kabul"),
            Entity("e2", "Facility", "French embassy"),
        ],
    )
    resolved = {e.key: e for e in resolve(x).entities}
    assert resolved["e1"].country_iso3 == "AFG"
    assert resolved["e0"].country_iso3 == "AFG"  # where it stands, not whose it is
    assert resolved["e2"].country_iso3 is None  # no place named: no country guessed


def test_continents_are_not_linked_as_cities_and_capitals_know_their_country():
    assert lookup_places("Africa") == [] and lookup_places("Europe") == []
    assert lookup_places("Kabul")[0].country_iso3 == "AFG"
    assert country_of_capital("Kabul").iso3 == "AFG" and country_of_capital("Kirkuk") is None


def _resolved_place(text: str, place: str, countries: list[tuple[str, str]]) -> Entity:
    entities = [Entity(f"c{n}", "Country", name, iso3=iso3) for n, (name, iso3) in enumerate(countries)]
    entities.append(Entity("p", "Place", place))
    x = DocExtraction(Document.from_text(text, id="d"), model="m", entities=entities)
    return {e.key: e for e in resolve(x).entities}["p"]


def test_small_towns_of_the_larger_table_are_linked():
    # Aguelhok (Mali) has about 8,000 people: only the larger GeoNames table knows it.
    town = _resolved_place("Rebels entered Aguelhok, a town in northern Mali.", "Aguelhok", [("Mali", "MLI")])
    assert town.country_iso3 == "MLI" and town.geonames_id == lookup_places("Aguelhok")[0].geonames_id
    alone = _resolved_place("Rebels entered Aguelhok on Monday.", "Aguelhok", [])
    assert alone.country_iso3 == "MLI"  # the only candidate: linked though no country is named


def test_a_place_links_only_to_a_city_in_a_country_the_document_names():
    # "Lere"/"Léré": towns in Nigeria (two), Chad and France.
    in_chad = _resolved_place("Herders clashed near Lere, Chad officials said.", "Lere", [("Chad", "TCD")])
    assert in_chad.country_iso3 == "TCD" and in_chad.geonames_id is not None  # not Nigeria's larger town
    in_france = _resolved_place("The fair in Lere drew crowds, France's press said.", "Lere", [("France", "FRA")])
    assert in_france.country_iso3 == "FRA"  # a village of 1,300 people, the only one in France
    unplaced = _resolved_place("The fair in Lere drew crowds.", "Lere", [])
    assert (unplaced.geonames_id, unplaced.country_iso3) == (None, None)
    two_in_nigeria = _resolved_place("Police in Lere, Nigeria, said.", "Lere", [("Nigeria", "NGA")])
    assert two_in_nigeria.geonames_id is None  # two Nigerian towns, neither far larger


def test_a_capital_names_its_country():
    capital = _resolved_place("Talks resumed in Paris on Monday.", "Paris", [])
    assert capital.country_iso3 == "FRA"


def test_airport_codes_are_no_place_names():
    assert all(p.name != "Guantánamo" for p in lookup_places("GAO"))
