"""Global identity: which entities of different documents are the same node.

Countries are one node per ISO code; places linked to GeoNames are one node per
GeoNames id; everything else is one node per (type, case-folded name).

>>> from kg.model import Entity
>>> str(entity_iri(Entity("e0", "Country", "Iraq", iso3="IRQ")))
'https://w3id.org/newskg/id/country/IRQ'
>>> str(entity_iri(Entity("e1", "Person", "Juma Inad")))
'https://w3id.org/newskg/id/person/juma_inad'
"""

from __future__ import annotations

from rdflib import URIRef

from kg.model import Entity
from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE


def entity_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    kind = entity.type.lower()
    if entity.type == "Country" and entity.iso3:
        return mint(kind, entity.iso3, base, casefold=False)
    if entity.type in ("Place", "Facility") and entity.geonames_id:
        return mint(kind, f"{entity.name} {entity.geonames_id}", base)
    return mint(kind, entity.name, base)
