"""Link the entities of one document to countries and places of the gazetteer.

Countries get their canonical name, ISO code and GeoNames id, and so does the
country an entity is linked to (``Entity.country_name``/``country_geonames_id``:
the mapping writes that country's node from them). A place name found
in GeoNames (cities above 500 people) or ISO 3166-2 is linked when it is the only candidate,
or when the countries the document mentions pick exactly one candidate or one by far the most
populous; a city in a country the document does not mention is never chosen over others,
unless it is that country's capital and the most populous of the name ("Paris"). Otherwise
the name stays unlinked, never linked at random.
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import DocExtraction, Entity, Event
from kg.names.gazetteer import Country, PlaceCandidate, country_by_iso3, lookup_places
from kg.names.normalize import compact_key
from kg.resolve.actors import with_actor_codes

# A candidate this many times more populous than the next is what a reader means.
PROMINENCE_RATIO = 20
ACTOR_ROLES = {"agent", "participant"}


def resolve(extraction: DocExtraction) -> DocExtraction:
    """Return the extraction with canonical names and links filled in (actor codes first: a
    person's country may come from its code)."""
    extraction = with_actor_codes(extraction)
    countries = {e.iso3: e for e in extraction.entities if e.type == "Country" and e.iso3}
    entities = []
    for entity in extraction.entities:
        if entity.type == "Country" and entity.iso3:
            entity = _link_country(entity)
        elif entity.type == "Place":
            entity = _link_place(entity, set(countries))
        entities.append(entity)
    entities = [_with_country(e) for e in _facilities_in_places(entities)]
    # A place's country, as an entity of this document when the document names it.
    for entity in entities:
        if entity.country_iso3 and entity.country_iso3 in countries:
            entity.country = countries[entity.country_iso3].key
    resolved = replace(extraction, entities=entities)
    resolved.events = [_actors_not_places(event, resolved) for event in extraction.events]
    return resolved


def _facilities_in_places(entities: list[Entity]) -> list[Entity]:
    """A facility named with its place ("French embassy in Lima") is in that place's country."""
    places = {compact_key(e.name): e for e in entities if e.type == "Place" and e.country_iso3}
    located = []
    for entity in entities:
        if entity.type == "Facility" and " in " in entity.name and not entity.country_iso3:
            place = places.get(compact_key(entity.name.rsplit(" in ", 1)[1]))
            if place is not None:
                entity = replace(entity, country_iso3=place.country_iso3)
        located.append(entity)
    return located


def _with_country(entity: Entity) -> Entity:
    """The entity with its country's canonical name and GeoNames id, which the mapping writes on
    the country's node (a country named only through this link has no entity of its own)."""
    country = country_by_iso3(entity.country_iso3) if entity.country_iso3 else None
    if country is None:
        return entity
    return replace(entity, country_name=country.name, country_geonames_id=country.geonames_id)


def _actors_not_places(event: Event, extraction: DocExtraction) -> Event:
    """Places do not act; capitals stand for their governments ("Baghdad withdrew")."""
    by_key = {e.key: e for e in extraction.entities}
    arguments = []
    for arg in event.arguments:
        entity = by_key.get(arg.entity) if arg.entity else None
        if arg.role in ACTOR_ROLES and entity is not None and entity.type in ("Place", "Facility"):
            country = _capital_of(entity)
            if country is None:
                continue
            arg = replace(arg, entity=_country_entity(extraction, country).key)
        arguments.append(arg)
    return replace(event, arguments=arguments)


def _capital_of(entity: Entity) -> Country | None:
    country = country_by_iso3(entity.country_iso3) if entity.country_iso3 else None
    if country and country.capital and compact_key(country.capital) == compact_key(entity.name):
        return country
    return None


def _country_entity(extraction: DocExtraction, country: Country) -> Entity:
    """The document's entity for a country, added when the document only names its capital."""
    for entity in extraction.entities:
        if entity.type == "Country" and entity.iso3 == country.iso3:
            return entity
    added = Entity(
        key=f"e{len(extraction.entities)}",
        type="Country",
        name=country.name,
        iso3=country.iso3,
        geonames_id=country.geonames_id,
    )
    extraction.entities.append(added)
    return added


def _link_country(entity: Entity) -> Entity:
    country = country_by_iso3(entity.iso3)
    if country is None:
        return entity
    forms = ({entity.name, *entity.aliases}) - {country.name}
    return replace(entity, name=country.name, aliases=sorted(forms), geonames_id=country.geonames_id)


def choose_place(candidates: list[PlaceCandidate], document_countries: set[str]) -> PlaceCandidate | None:
    """The one candidate a place name stands for in a document, or None when unsure.

    The only candidate (or a city and its province of the same name) is it; otherwise only
    candidates in the countries the document names count (a place never links to a city in a
    country the document does not mention, save a national capital that is also the most
    populous of its name: it names its country), and among those one that is by far the most
    populous is what a reader means.

    >>> a = PlaceCandidate("Paris", "FRA", 1, 2_000_000, "city")
    >>> b = PlaceCandidate("Paris", "USA", 2, 25_000, "city")
    >>> c = PlaceCandidate("Paris", "USA", 3, 500, "city")
    >>> choose_place([a, b], {"USA"}).country_iso3, choose_place([a, b, c], {"FRA", "USA"}).geonames_id
    ('USA', 1)
    >>> choose_place([b, c], set()), choose_place([b, c], {"USA"}).geonames_id
    (None, 2)
    >>> province = PlaceCandidate("Paris", "USA", None, 0, "subdivision")
    >>> choose_place([a, province], {"FRA", "USA"}).geonames_id  # the one city of the name
    1
    """
    if not candidates:
        return None
    cities = [c for c in candidates if c.kind == "city"]
    if len(cities) <= 1 and len({c.country_iso3 for c in candidates}) == 1:
        # One place, or a city and its province of the same name: the city has the GeoNames id.
        return cities[0] if cities else candidates[0]
    in_document = [c for c in candidates if c.country_iso3 in document_countries]
    if not in_document:
        # A national capital names its country ("Paris" says France, as "Baghdad withdrew" says
        # Iraq): the one exception, when it is also the most populous of the name.
        capitals = [c for c in cities if _is_capital(c)]
        most_populous = max(candidates, key=lambda c: c.population)
        return capitals[0] if len(capitals) == 1 and capitals[0] == most_populous else None
    if len(in_document) < len(candidates):
        return choose_place(in_document, document_countries)
    ranked = sorted(cities or candidates, key=lambda c: -c.population)
    if len(ranked) == 1 or ranked[0].population >= PROMINENCE_RATIO * max(ranked[1].population, 1):
        return ranked[0]
    return None


def _is_capital(candidate: PlaceCandidate) -> bool:
    country = country_by_iso3(candidate.country_iso3)
    return bool(country and country.capital and compact_key(country.capital) == compact_key(candidate.name))


def _link_place(entity: Entity, document_countries: set[str]) -> Entity:
    candidates = lookup_places(entity.name)
    chosen = choose_place(candidates, document_countries)
    if chosen is None:
        # Which Springfield is unsure, but every candidate is in the same country.
        countries = {c.country_iso3 for c in candidates}
        return replace(entity, country_iso3=countries.pop()) if len(countries) == 1 else entity
    return replace(entity, geonames_id=chosen.geonames_id, country_iso3=chosen.country_iso3)
