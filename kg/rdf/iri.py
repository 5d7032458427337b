"""IRIs are minted here and nowhere else.

An IRI is ``BASE + kind + "/" + slug``. The slug keeps letters and digits of any
script, so it stays readable ("person/hadi_rashad", "place/القدس"); whenever the
slug loses anything of the key (quotes, ``<>``, slashes, length), a short hash of
the key is appended so two different keys never share an IRI. The same key
always gives the same IRI.

>>> mint("person", "Hadi Rashad")
rdflib.term.URIRef('https://w3id.org/newskg/id/person/hadi_rashad')
>>> str(mint("organization", 'The "Red" <Brigade>'))
'https://w3id.org/newskg/id/organization/the_red_brigade-2daf70fb'
>>> str(mint("country", "IRQ", casefold=False))
'https://w3id.org/newskg/id/country/IRQ'

Global identity of entities: countries are one node per ISO code; places linked
to GeoNames are one node per GeoNames id; everything else is one node per (type,
case-folded name), unless cross-document resolution (:mod:`kg.resolve.identity`)
joined the entity to a node already stored (``Entity.iri``) or kept a same-name
homonym apart with a country-qualified key (:func:`homonym_iri`).

>>> from kg.model import Entity
>>> str(entity_iri(Entity("e0", "Country", "Iraq", iso3="IRQ")))
'https://w3id.org/newskg/id/country/IRQ'
>>> str(entity_iri(Entity("e1", "Person", "Hadi Rashad")))
'https://w3id.org/newskg/id/person/hadi_rashad'
>>> str(document_iri("d1"))
'https://w3id.org/newskg/id/doc/d1'
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kg.model import Entity
from kg.names.normalize import normalize_key
from kg.rdf.namespaces import DEFAULT_BASE

MAX_SLUG = 80


def slug(key: str) -> str:
    """A readable, IRI-safe, injective slug for a normalized key."""
    words = [w for w in re.split(r"[^\w.\-]+|_", key) if w.strip(".")]
    readable = "_".join(words) or "x"
    readable = readable[:MAX_SLUG]
    if readable.replace("_", " ") != key:
        readable += "-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return readable


def mint(kind: str, key: str, base: str = DEFAULT_BASE, casefold: bool = True) -> URIRef:
    """The IRI of a resource of ``kind`` ("person", "doc", "event", ...) named by ``key``."""
    return URIRef(f"{base}{kind}/{slug(normalize_key(key, casefold))}")


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a document, which is also the name of its graph."""
    return mint("doc", doc_id, base, casefold=False)


def country_iri(iso3: str, base: str = DEFAULT_BASE) -> URIRef:
    """The one node of a country: named by its ISO 3166-1 alpha-3 code."""
    return mint("country", iso3, base, casefold=False)


def entity_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The node of an entity in the graph of every document that names it."""
    if entity.iri:
        return URIRef(entity.iri)
    return default_iri(entity, base)


def default_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The node an entity's own identity key names, before any cross-document decision."""
    if entity.type == "Country" and entity.iso3:
        return country_iri(entity.iso3, base)
    kind = entity.type.lower()
    if entity.type in ("Place", "Facility") and entity.geonames_id:
        return mint(kind, f"{entity.name} {entity.geonames_id}", base)
    return mint(kind, entity.name, base)


def homonym_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The node of a same-name entity kept apart by its country ("John Smith (USA)").

    >>> str(homonym_iri(Entity("e1", "Person", "Hadi Rashad", country_iso3="IRQ")))
    'https://w3id.org/newskg/id/person/hadi_rashad_irq-5003c333'
    """
    return mint(entity.type.lower(), f"{entity.name} ({entity.country_iso3 or 'unknown'})", base)
