"""Known actors: the PETRARCH2-derived lexicon, its typing, alias joining and dated codes.

Names of people and groups here are invented; the dictionary entries they stand for are
made by monkeypatching the lexicon, so the tests do not depend on who is in the real one.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.model import Argument, DocExtraction, Document, Entity, Event, Span
from kg.names import actors as actors_module
from kg.names.actors import Actor, country_of_code, sector_code
from kg.resolve import resolve

ROOT = Path(__file__).resolve().parents[1]
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch2"

INVENTED = [
    [
        "zoran velkovic",
        "Person",
        ["zoran velkovic", "velkovic"],
        [["KGZELI", "1990-01-01", "2004-06-30"], ["KGZGOV", "2004-07-01", "2009-12-31"], ["KGZELI", "", ""]],
    ],
    [
        "tarvani liberation front",
        "Organization",
        ["tarvani liberation front", "tlf", "tarvani front"],
        [["KGZREB", "", ""]],
    ],
    ["nesto amarel", None, ["nesto amarel"], [["IGOUNO", "", ""]]],
    ["ilmar brask", "Person", ["ilmar brask"], [["KGZGOVAGR", "2006-03-01", "2010-01-31"]]],
    ["norvik motors", "Organization", ["norvik motors", "norvik"], [["MNCKGZ", "", ""]]],
]


@pytest.fixture
def invented_lexicon(monkeypatch):
    """The real lexicon's agents with three invented actors in place of its actors."""
    real = actors_module._lexicon()
    by_key: dict[str, list[int]] = {}
    for n, row in enumerate(INVENTED):
        for name in row[2]:
            by_key.setdefault(actors_module.compact_key(name), []).append(n)

    def lexicon():
        return by_key, INVENTED, real[2]

    for cached in (actors_module._actor, actors_module._ids):
        cached.cache_clear()
    monkeypatch.setattr(actors_module, "_lexicon", lexicon)
    yield
    for cached in (actors_module._actor, actors_module._ids):
        cached.cache_clear()


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.pipeline import load_pipeline

    return load_pipeline()


def run(nlp, text: str, published: str | None = "2006-03-01") -> DocExtraction:
    from kg.extract.pipeline import extract

    return resolve(next(extract([Document.from_text(text, id="t", published=published)], nlp)))


def by_name(extraction: DocExtraction, name: str) -> Entity:
    return next(e for e in extraction.entities if e.name == name or name in e.aliases)


# ---------------------------------------------------------------- the lexicon and its script


def _script():
    spec = importlib.util.spec_from_file_location("petrarch_actors", ROOT / "scripts" / "petrarch_actors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="needs ../shared/data/petrarch2")
def test_the_script_regenerates_the_committed_lexicon():
    """A slice of the committed file equals what the script writes from the dictionaries now."""
    script = _script()
    committed = json.loads((ROOT / "kg" / "names" / "lexicons" / "actors.json").read_text(encoding="utf-8"))
    international = [r for r in script.read_records(PETRARCH / "Phoenix.International.actors.txt")]
    assert international, "the International dictionary reads as records"
    fresh_agents = script.agents(PETRARCH)
    assert fresh_agents == committed["agents"]
    fresh = script.actors(PETRARCH)
    assert len(fresh) == len(committed["actors"])
    for n in range(0, len(fresh), 997):  # every 997th record, across all three files
        assert fresh[n] == committed["actors"][n]
    assert committed["_license"].startswith("The MIT License")


def test_dictionary_dates_read_two_and_four_digit_years():
    script = _script()
    assert script._restriction("USAGOV 010120-090120") == ["USAGOV", "2001-01-20", "2009-01-20"]
    assert script._restriction("USAELI 19460101-640101") == ["USAELI", "1946-01-01", "1964-01-01"]
    assert script._restriction("IGOUNO >070201") == ["IGOUNO", "2007-02-01", ""]
    assert script._restriction("---") is None


def test_the_real_lexicon_types_people_and_groups_and_splits_leaders_from_groups():
    """Office holders are people; a group's leader listed under the group is not its alias."""
    people = [a for a in (actors_module._actor(n) for n in range(len(actors_module._lexicon()[1]))) if a.type]
    assert {a.type for a in people} == {"Person", "Organization"}
    for actor in people[:2000]:
        assert actor.codes, actor


# ---------------------------------------------------------------- codes by date, countries, sectors


def test_the_code_valid_at_the_articles_date():
    actor = Actor("x", "Person", ("x",), (("KGZELI", "1990-01-01", "2004-06-30"), ("KGZGOV", "2004-07-01", "")))
    assert actor.code_at("2003-12-31") == "KGZELI"
    assert actor.code_at("2004-07-01T10:00:00") == "KGZGOV"
    assert actor.code_at("1980-01-01") is None  # no range holds, no undated code
    assert country_of_code("KGZGOV") == "KGZ" and country_of_code("IGOUNO") is None


def test_generic_actor_nouns_carry_their_sector_with_the_country_named():
    assert sector_code("Nigerian police", "NGA") == "NGACOP"
    assert sector_code("the rebels", None) == "~REB"
    assert sector_code("three soldiers", "KEN") == "KENMIL"
    assert sector_code("the garden", "KEN") is None


def test_a_person_gets_the_code_of_the_articles_date_and_the_country_of_the_code(invented_lexicon, nlp):
    text = "Zoran Velkovic spoke in Kyrgyzstan on Monday."
    before = by_name(run(nlp, text, "2003-05-01"), "Zoran Velkovic")
    after = by_name(run(nlp, text, "2006-05-01"), "Zoran Velkovic")
    assert (before.actor_code, after.actor_code) == ("KGZELI", "KGZGOV")
    assert after.type == "Person" and after.country_iso3 == "KGZ"


def test_the_text_country_wins_over_the_codes(invented_lexicon, nlp):
    x = run(nlp, "French businessman Zoran Velkovic spoke in Kyrgyzstan on Monday.", "2006-05-01")
    person = by_name(x, "Zoran Velkovic")
    assert person.actor_code == "KGZGOV" and person.country_iso3 == "FRA"


# ---------------------------------------------------------------- typing and joining


def test_a_known_group_missed_or_mistyped_by_the_model_is_an_organization(invented_lexicon, nlp):
    x = run(nlp, "Fighters of the Tarvani Liberation Front entered Kyrgyzstan, and the TLF said more would come.")
    group = by_name(x, "Tarvani Liberation Front")
    assert group.type == "Organization" and "TLF" in group.aliases and group.actor_code == "KGZREB"
    assert len([e for e in x.entities if e.actor == "tarvani liberation front"]) == 1


def test_an_acronym_in_lower_case_or_in_a_headline_is_not_the_group(invented_lexicon, nlp):
    x = run(nlp, "The tlf code was wrong. Officials met on Monday in the valley.")
    assert not [e for e in x.entities if e.actor]


def test_the_text_keeps_a_clear_cue(invented_lexicon, nlp):
    """'Mr.' makes a person; a dictionary organization of that name does not retype it."""
    x = run(nlp, "Mr. Tarvani Front said on Monday that the talks would go on.")
    assert not [e for e in x.entities if e.type == "Organization" and e.name == "Tarvani Front"]


def test_an_untyped_record_gives_a_code_and_leaves_the_type_to_the_model(invented_lexicon, nlp):
    x = run(nlp, "Nesto Amarel, the envoy, arrived in Geneva on Monday.")
    envoy = by_name(x, "Nesto Amarel")
    assert envoy.type == "Person" and envoy.actor_code == "IGOUNO" and envoy.country_iso3 is None


def test_a_person_named_like_a_city_and_a_capitalised_word_stay_alone(invented_lexicon, nlp):
    """Words the dictionary does not know are untouched; a place stays a place."""
    x = run(nlp, "Velkovic Street was closed. Troops arrived in Lyon.")
    assert by_name(x, "Lyon").type == "Place" and by_name(x, "Lyon").actor is None


def test_generic_agents_of_events_carry_their_sector():
    x = DocExtraction(Document.from_text("x", id="d"), "m", [Entity("e0", "Country", "Kenya", iso3="KEN")])
    words = Span(0, 1, "Kenyan troops")
    x.events = [Event("Attack", [Span(0, 1, "x")], Span(0, 1, "x"), [Argument("agent", words)])]
    assert resolve(x).events[0].arguments[0].actor_code == "KENMIL"


def test_a_namesake_in_a_document_about_another_country_gets_no_code(invented_lexicon, nlp):
    person = by_name(run(nlp, "Zoran Velkovic spoke in Peru on Monday.", "2006-05-01"), "Zoran Velkovic")
    assert person.actor_code is None and person.country_iso3 != "KGZ"


def test_actor_codes_are_written_to_rdf(invented_lexicon, nlp):
    from kg.rdf.mapping import document_quads

    _, quads = document_quads(run(nlp, "Zoran Velkovic spoke in Kyrgyzstan on Monday.", "2006-05-01"))
    codes = {q.object.value for q in quads if q.predicate.value.endswith("#actorCode")}
    assert codes == {"KGZGOV"}


def test_an_actor_known_only_for_dated_spells_gets_no_code_without_the_articles_date(invented_lexicon, nlp):
    text = "Ilmar Brask spoke in Kyrgyzstan on Monday."
    assert by_name(run(nlp, text, "2008-05-01"), "Ilmar Brask").actor_code == "KGZGOVAGR"
    assert by_name(run(nlp, text, "1990-05-01"), "Ilmar Brask").actor_code is None  # before the spell
    assert by_name(run(nlp, text, None), "Ilmar Brask").actor_code is None  # when? a namesake, maybe
    assert by_name(run(nlp, "Zoran Velkovic spoke in Kyrgyzstan.", None), "Zoran Velkovic").actor_code == "KGZELI"


def test_a_ship_or_a_product_named_after_an_actor_gets_no_code(invented_lexicon, nlp):
    ship = run(nlp, "The aircraft carrier Zoran Velkovic sailed from Kyrgyzstan on Monday.", "2006-05-01")
    assert not [e for e in ship.entities if e.actor_code]
    car = run(nlp, "Gunmen in a Norvik pickup fired on troops in Kyrgyzstan on Monday.", "2006-05-01")
    assert not [e for e in car.entities if e.actor_code]
    company = run(nlp, "Norvik Motors said on Monday it would build a plant in Kyrgyzstan.", "2006-05-01")
    assert by_name(company, "Norvik Motors").actor_code == "MNCKGZ"


def test_an_office_and_a_model_number_get_no_code(invented_lexicon, nlp):
    plane = run(nlp, "The Norvik 727 crashed in Kyrgyzstan on Monday.", "2006-05-01")
    assert not [e for e in plane.entities if e.actor_code]
    from kg.extract.entities import names_an_office

    office = nlp("The minister of agriculture met the Tarvani Liberation Front in Kyrgyzstan.")
    spans = list(office.spans["kg_mentions"])
    assert not [s for s in spans if names_an_office(s) and s.text.lower().startswith("tarvani")]
    assert names_an_office(office[1:4])


def test_a_known_name_run_into_nouns_in_lower_case_text_is_the_name(invented_lexicon):
    import spacy

    from kg.extract.actors import _known_name_before_nouns

    doc = spacy.blank("en")("tarvani liberation front workers and tarvani liberation front leader lena")
    for token in doc:
        token.pos_ = "PROPN" if token.text == "lena" else "NOUN"
    workers, leader = doc.char_span(0, 32, "ORG"), doc.char_span(37, 73, "ORG")
    assert _known_name_before_nouns(workers).text == "tarvani liberation front"
    assert _known_name_before_nouns(leader) is None  # a name follows: not only common nouns


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="needs ../shared/data/petrarch2")
def test_the_script_regenerates_the_committed_country_aliases():
    """The country names PETRARCH2 adds to the packages' are the script's, and only whole names:
    "britain" (it ends "great britain"), not the stem "ZEALAND" nor a part such as "tobago"."""
    committed = json.loads((ROOT / "kg" / "names" / "lexicons" / "country_aliases.json").read_text(encoding="utf-8"))
    assert _script().aliases_lexicon(PETRARCH) == committed
    assert committed["aliases"]["britain"] == "GBR"
    assert not {"zealand", "tobago", "brazzaville"} & set(committed["aliases"])


def test_britain_is_the_united_kingdom(extract_one):
    x = extract_one("Britain said on Monday it would send troops to Kesh.")
    (country,) = [e for e in x.entities if e.type == "Country"]
    assert (country.iso3, country.name) == ("GBR", "United Kingdom")
    speakers = [a.entity for e in x.events if e.type == "Statement" for a in e.arguments if a.role == "agent"]
    assert speakers == [country.key]
