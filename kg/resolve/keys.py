"""Global identity: which entities of different documents are the same node.

Countries are one node per ISO code; places linked to GeoNames are one node per
GeoNames id; everything else is one node per (type, case-folded name), unless
cross-document resolution (:mod:`kg.resolve.identity`) joined the entity to a
node already stored (``Entity.iri``) or kept a same-name homonym apart with a
country-qualified key (:func:`homonym_iri`).

>>> from kg.model import Entity
>>> str(entity_iri(Entity("e0", "Country", "Iraq", iso3="IRQ")))
'https://w3id.org/newskg/id/country/IRQ'
>>> str(entity_iri(Entity("e1", "Person", "Hadi Rashad")))
'https://w3id.org/newskg/id/person/hadi_rashad'
"""

from __future__ import annotations

from rdflib import URIRef

from kg.model import Entity
from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE


def entity_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The node of an entity in the graph of every document that names it."""
    if entity.iri:
        return URIRef(entity.iri)
    return default_iri(entity, base)


def default_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The node an entity's own identity key names, before any cross-document decision."""
    kind = entity.type.lower()
    if entity.type == "Country" and entity.iso3:
        return mint(kind, entity.iso3, base, casefold=False)
    if entity.type in ("Place", "Facility") and entity.geonames_id:
        return mint(kind, f"{entity.name} {entity.geonames_id}", base)
    return mint(kind, entity.name, base)


def homonym_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The node of a same-name entity kept apart by its country ("John Smith (USA)").

    >>> str(homonym_iri(Entity("e1", "Person", "Hadi Rashad", country_iso3="IRQ")))
    'https://w3id.org/newskg/id/person/hadi_rashad_irq-5003c333'
    """
    return mint(entity.type.lower(), f"{entity.name} ({entity.country_iso3 or 'unknown'})", base)
