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
