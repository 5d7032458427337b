"""Cross-document identity: which node already in the store a document's entity is.

Within a document, :mod:`kg.extract.entities` clusters mentions; across
documents, the identity key (:func:`kg.rdf.iri.default_iri`) merges the same type and
name, the same ISO code or the same GeoNames id. This module adds what a key
alone cannot decide, consulting the nodes the store already holds:

- a **short form** joins the one stored full name that contains it ("Rashad" in one
  document, "Hadi Rashad" in another), and a full name joins the one stored short
  form it contains; an **acronym** joins its one stored expansion and back;
- the **homonym guard**: a same-type, same-name node whose country conflicts with
  the entity's (people, organizations, unlinked places) is not joined; the entity
  gets a country-qualified node of its own (:func:`kg.rdf.iri.homonym_iri`);
- when more than one stored node fits, nothing is joined (never merged at random).

:func:`name_relation` names the rule that links two surface forms; ``kg explain``
uses it to say why each name of a node was merged.

>>> from kg.model import DocExtraction, Document, Entity
>>> index = CorpusIdentity()
>>> first = DocExtraction(Document.from_text("a", id="1"), "m", [Entity("e0", "Person", "Hadi Rashad")])
>>> index.record(index.resolve(first))
>>> second = DocExtraction(Document.from_text("b", id="2"), "m", [Entity("e0", "Person", "Rashad")])
>>> index.resolve(second).entities[0].iri
'https://w3id.org/newskg/id/person/hadi_rashad'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from kg.model import DocExtraction, Entity
from kg.names.normalize import (
    acronym_of,
    comparable_name,
    initials,
    is_acronym,
    is_part_of,
    name_words,
    normalize_key,
)
from kg.rdf.iri import default_iri, homonym_iri
from kg.rdf.namespaces import DEFAULT_BASE, PREFIX_IRIS
from kg.rdf.sparql import sparql_text

# Types whose names may be shortened ("Rashad", "EFD"); places are not matched on parts of names.
SHORTENED_TYPES = ("Person", "Organization")
GUARDED_TYPES = ("Person", "Organization", "Place", "Facility")
STORED_NODES = sparql_text(__package__, "queries/stored-nodes.rq")
COUNTRY_CODES = sparql_text(__package__, "queries/country-codes.rq")


def name_relation(form: str, name: str) -> str | None:
    """Why ``form`` names the same thing as ``name``, or None when nothing says so.

    >>> name_relation("Rashad", "Hadi Rashad"), name_relation("Hadi Rashad", "Rashad")
    ('short form', 'full name')
    >>> name_relation("EFD", "Eastern Front of the Delta"), name_relation("the red brigade", "Red Brigade")
    ('acronym', 'same name')
    >>> name_relation("Iraq", "Iran") is None
    True
    """
    a, b = comparable_name(form).split(), comparable_name(name).split()
    if a == b:
        return "same name"
    if is_part_of(a, b):
        return "short form"
    if is_part_of(b, a):
        return "full name"
    if len(a) == 1 and acronym_of(form.strip(), name.split()):
        return "acronym"
    if len(b) == 1 and acronym_of(name.strip(), form.split()):
        return "expansion"
    return None


@dataclass
class StoredNode:
    """What the store says about one node: its type, the names documents use, its countries."""

    iri: str
    type: str
    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    def conflicts_with(self, entity: Entity) -> bool:
        """Both tied to countries, and not the same one: a homonym, not the same thing."""
        return bool(entity.country_iso3 and self.countries and entity.country_iso3 not in self.countries)


@dataclass
class Decision:
    iri: str
    reason: str
    type: str | None = None  # the entity's corrected type, when the node joined says otherwise


class CorpusIdentity:
    """The nodes of a store, indexed by type and name word, to decide cross-document identity.

    Built once from the store (:meth:`from_store`), then kept in step with every
    document resolved (:meth:`record`), so a build never re-reads the store per document.
    """

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base
        self.nodes: dict[str, StoredNode] = {}
        self._by_word: dict[tuple[str, str], set[str]] = defaultdict(set)
        # (type, acronym) -> nodes with that acronym as a name, and nodes whose name it abbreviates.
        self._acronyms: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._expansions: dict[tuple[str, str], set[str]] = defaultdict(set)

    @classmethod
    def from_store(cls, store, base: str = DEFAULT_BASE) -> CorpusIdentity:
        """Read every stored Person, Organization, Place and Facility with its names and countries.

        ``store`` is a :class:`pyoxigraph.Store` or anything with an ``ox`` attribute holding one.
        """
        ox_store = getattr(store, "ox", store)
        index = cls(base)
        codes: dict[str, set[str]] = defaultdict(set)
        for row in ox_store.query(COUNTRY_CODES, prefixes=PREFIX_IRIS):
            codes[row["c"].value].add(row["iso"].value)
        for row in ox_store.query(STORED_NODES, prefixes=PREFIX_IRIS):
            kind = row["type"].value.rsplit("#", 1)[1]
            # An entity tied to no country has no code (not every code of the store).
            for iso in codes.get(row["c"].value, {None}) if row["c"] is not None else (None,):
                index._add(row["e"].value, kind, row["name"].value, iso)
        return index

    def _add(self, iri: str, kind: str, name: str, iso3: str | None) -> None:
        node = self.nodes.setdefault(iri, StoredNode(iri, kind))
        node.names.add(name)
        if iso3:
            node.countries.add(iso3)
        for word in name_words(name):
            self._by_word[(kind, word)].add(iri)
        if is_acronym(name):
            self._acronyms[(kind, name.casefold())].add(iri)
        for letters in initials(name.split()):
            self._expansions[(kind, letters)].add(iri)

    def record(self, extraction: DocExtraction) -> None:
        """Add a resolved document's entities to the index (after it was written to the store)."""
        for entity in extraction.entities:
            if entity.type in GUARDED_TYPES:
                iri = entity.iri or str(default_iri(entity, self.base))
                for name in {entity.name, *entity.aliases}:
                    self._add(iri, entity.type, name, entity.country_iso3)

    def resolve(self, extraction: DocExtraction) -> DocExtraction:
        """The extraction with ``Entity.iri`` set wherever a stored node decides the identity."""
        entities = []
        for entity in extraction.entities:
            if entity.type in GUARDED_TYPES and entity.iri is None:
                decision = self.decide(entity)
                entity = replace(entity, iri=decision.iri, type=decision.type or entity.type)
            entities.append(entity)
        return replace(extraction, entities=entities)

    def decide(self, entity: Entity) -> Decision:
        """The node an entity joins, and why."""
        own = str(default_iri(entity, self.base))
        stored = self.nodes.get(own)
        if stored is not None:
            if not stored.conflicts_with(entity):
                return Decision(own, "same type and name")
            apart = str(homonym_iri(entity, self.base))
            countries = ", ".join(sorted(stored.countries))
            return Decision(apart, f"homonym kept apart from {own}: country {entity.country_iso3}, not {countries}")
        if entity.type in SHORTENED_TYPES:
            matches = self._name_matches(entity)
            if len(matches) == 1:
                ((iri, relation),) = matches.items()
                return Decision(iri, f"{relation} of a stored name")
            if len(matches) > 1:
                return Decision(own, f"new node: {len(matches)} stored names fit, none chosen")
        person = self._person_of_surname(entity)
        if person is not None:
            return Decision(person, "surname of a stored person", type="Person")
        return Decision(own, "new node")

    def _person_of_surname(self, entity: Entity) -> str | None:
        """A lone capitalized word the model called an organization ("Rashad said") is the one stored
        person with that surname, as within a document (:mod:`kg.extract.entities`)."""
        name = entity.name.strip()
        if entity.type != "Organization" or " " in name or not name.istitle():
            return None
        word = normalize_key(name)
        people = [
            iri
            for iri in self._by_word.get(("Person", word), set())
            if any(len(n.split()) > 1 and name_words(n)[-1] == word for n in self.nodes[iri].names)
        ]
        return people[0] if len(people) == 1 else None

    def _name_matches(self, entity: Entity) -> dict[str, str]:
        words = name_words(entity.name)
        # A short form's words are all in the stored name: the nodes holding every word. A full name
        # holds every word of a stored name: nodes holding some word, kept when all their words fit.
        holding = [self._by_word.get((entity.type, word), set()) for word in words]
        candidates: set[str] = set.intersection(*holding) if holding else set()
        for iri in set().union(*holding) - candidates:
            if any(set(name_words(n)) <= set(words) for n in self.nodes[iri].names):
                candidates.add(iri)
        # An acronym shares no word with its expansion: they meet on the initials.
        if is_acronym(entity.name):
            candidates |= self._expansions.get((entity.type, entity.name.casefold()), set())
        for letters in initials(entity.name.split()):
            candidates |= self._acronyms.get((entity.type, letters), set())
        matches = {}
        for iri in candidates:
            node = self.nodes[iri]
            if node.conflicts_with(entity):
                continue
            for name in sorted(node.names):
                relation = name_relation(entity.name, name)
                if relation and relation != "same name" and self._allowed(entity, relation):
                    matches[iri] = relation
                    break
        return matches

    @staticmethod
    def _allowed(entity: Entity, relation: str) -> bool:
        words = len(entity.name.split())
        if entity.type == "Person":
            # A person's short form is one word (a surname or a first name), never "Hadi Ali" of "Hadi Ali Rashad".
            return relation == "full name" or (relation == "short form" and words == 1)
        # One generic word ("Army") is no short form of an organization's name.
        return relation in ("acronym", "expansion", "full name") or (relation == "short form" and words > 1)
