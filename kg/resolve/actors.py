"""CAMEO actor codes for the entities and generic actors of one document, at its date.

A known actor (``Entity.actor``, found by :mod:`kg.extract.actors`) gets the code its
dictionary record gives for the article's publication date: a minister in office then,
not before. A person whose code names a country ("AFGGOV") and whose country the text
does not give gets that country. A code of a country the document does not name is not
given (a namesake is likelier than a foreign actor nobody places). An event argument in plain words ("police", "Nigerian
troops") gets the sector of the agents dictionary, with the country its words name.

>>> from kg.model import Argument, DocExtraction, Document, Entity, Event, Span
>>> doc = Document.from_text("x", id="d", published="2012-03-01")
>>> people = [Entity("e0", "Person", "Barack Obama", actor="barack obama"), Entity("e1", "Country", "US", iso3="USA")]
>>> x = DocExtraction(doc, "m", people)
>>> x.events = [Event("Attack", [Span(0, 1, "x")], Span(0, 1, "x"), [Argument("agent", Span(0, 1, "Nigerian police"))])]
>>> coded = with_actor_codes(x)
>>> coded.entities[0].actor_code, coded.entities[0].country_iso3, coded.events[0].arguments[0].actor_code
('USAGOV', 'USA', 'NGACOP')
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import DocExtraction, Entity, Event
from kg.names.actors import actor_by_id, country_of_code, sector_code
from kg.names.gazetteer import lookup_country, lookup_demonym

ACTOR_ROLES = ("agent", "target", "victim", "participant")


def with_actor_codes(extraction: DocExtraction) -> DocExtraction:
    """The extraction with ``actor_code`` on its known actors and generic actor arguments."""
    date = extraction.doc.published
    countries = {e.iso3 for e in extraction.entities if e.type == "Country" and e.iso3}
    entities = [_coded(entity, date, countries) for entity in extraction.entities]
    events = [_coded_arguments(event) for event in extraction.events]
    return replace(extraction, entities=entities, events=events)


def _coded(entity: Entity, date: str | None, countries: set[str]) -> Entity:
    actor = actor_by_id(entity.actor) if entity.actor else None
    if actor is None:
        return entity
    code = actor.code_at(date)
    if code is None:
        return entity
    home = country_of_code(code)
    if home and home not in countries and entity.country_iso3 != home:
        # A namesake: the dictionary's actor is of a country the document never names.
        return entity
    country = country_of_code(code) if entity.type == "Person" and not entity.country_iso3 else None
    return replace(entity, actor_code=code, country_iso3=country or entity.country_iso3)


def _coded_arguments(event: Event) -> Event:
    arguments = [
        replace(arg, actor_code=sector_code(arg.span.text, _country_named(arg.span.text)))
        if arg.entity is None and arg.role in ACTOR_ROLES
        else arg
        for arg in event.arguments
    ]
    return replace(event, arguments=arguments) if arguments != event.arguments else event


def _country_named(words: str) -> str | None:
    """The country a word of the phrase names ("Nigerian police" -> NGA), or None."""
    for word in words.split():
        country = lookup_demonym(word) or lookup_country(word, allow_codes=False)
        if country:
            return country.iso3
    return None
