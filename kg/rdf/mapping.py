"""Map one resolved :class:`DocExtraction` to the triples of its named graph.

Mapping only maps: every link (ISO codes, GeoNames ids, a place's country with its
name) was decided by :mod:`kg.resolve` and rides in the records; IRIs come from
:mod:`kg.rdf.iri`.

The graph of a document holds everything drawn from it: the ``kg:Document``
(also a ``nif:Context`` carrying the text), every ``kg:Mention`` with NIF
offsets, the types of the entities it names with the name it uses for them
(``kg:nameInDocument``), their links, roles and relations, and its events with
trigger, evidence sentence, arguments, time and counts. Corpus-level facts
(``rdfs:label``, ``skos:altLabel``, counts) are computed over all documents by
:mod:`kg.store.corpus`.

The quads are Oxigraph terms, the store's own: a build writes them without a
conversion per term (:func:`kg.store.terms.to_rdflib` turns them into rdflib's).

>>> from kg.model import Document, DocExtraction
>>> x = DocExtraction(Document.from_text("Hi.", id="d1"), model="m")
>>> graph, quads = document_quads(x)
>>> graph.value, len(quads), quads[0].graph_name == graph
('https://w3id.org/newskg/id/doc/d1', 6, True)
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kg.model import DocExtraction, Entity, Event
from kg.model import Span as TextSpan
from kg.rdf.iri import country_iri, document_iri, entity_iri, mint
from kg.rdf.namespaces import DEFAULT_BASE, GEONAMES, ITSRDF, KG, NIF, WIKIDATA, OxTerms

kg, rdf, rdfs, owl, xsd, dcterms, prov, nif, itsrdf = map(
    OxTerms, (KG, RDF, RDFS, OWL, XSD, DCTERMS, PROV, NIF, ITSRDF)
)

TIME_DATATYPES = {4: xsd.gYear, 7: xsd.gYearMonth, 10: xsd.date}
ARGUMENT_PROPERTIES = {role: getattr(kg, role) for role in ("agent", "target", "victim", "participant", "place")}
LINK_PROPERTIES = {link: getattr(kg, link) for link in ("claims", "causedBy", "partOf")}
RELATION_PROPERTIES = {relation: getattr(kg, relation) for relation in ("locatedIn", "country", "memberOf")}


def span_iri(doc: ox.NamedNode, span: TextSpan) -> ox.NamedNode:
    """NIF-style IRI of a text span: ``<doc>#char=begin,end``."""
    return ox.NamedNode(f"{doc.value}#char={span.start},{span.end}")


@lru_cache(maxsize=8192, typed=True)
def nonneg(value: int) -> ox.Literal:
    """A count or an offset as ``xsd:nonNegativeInteger``; made once per value (17,000 literals of 3,900
    values for the offsets of 223 news texts' spans; a literal is immutable)."""
    return ox.Literal(str(value), datatype=xsd.nonNegativeInteger)


def decimal(value: float) -> ox.Literal:
    """A confidence as ``xsd:decimal`` (plain digits: a float's "1e-05" is no decimal)."""
    return ox.Literal(format(Decimal(str(value)), "f"), datatype=xsd.decimal)


class _Writer:
    def __init__(self, extraction: DocExtraction, base: str):
        self.x = extraction
        self.base = base
        self.doc = ox.NamedNode(document_iri(extraction.doc.id, base))
        self.triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
        self.iris = {e.key: ox.NamedNode(entity_iri(e, base)) for e in extraction.entities}
        # Span nodes already described: an event's sentence is often another event's, a relation's or
        # a role's evidence too, and a trigger may be an entity mention; each is described once.
        self.spans: dict[tuple[int, int, str], ox.NamedNode] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.append((s, p, o))

    def span_node(self, span: TextSpan, kind: ox.NamedNode) -> ox.NamedNode:
        key = (span.start, span.end, span.text)
        iri = self.spans.get(key)
        if iri is not None:
            self.add(iri, rdf.type, kind)
            return iri
        iri = self.spans[key] = span_iri(self.doc, span)
        self.add(iri, rdf.type, kind)
        self.add(iri, nif.anchorOf, ox.Literal(span.text))
        self.add(iri, nif.beginIndex, nonneg(span.start))
        self.add(iri, nif.endIndex, nonneg(span.end))
        self.add(iri, nif.referenceContext, self.doc)
        return iri

    def document(self) -> None:
        d = self.x.doc
        self.add(self.doc, rdf.type, kg.Document)
        self.add(self.doc, rdf.type, nif.Context)
        self.add(self.doc, dcterms.identifier, ox.Literal(d.id))
        self.add(self.doc, kg.sha256, ox.Literal(d.sha256))
        self.add(self.doc, kg.extractedWith, ox.Literal(self.x.model))
        self.add(self.doc, nif.isString, ox.Literal(d.text))
        if d.title:
            self.add(self.doc, dcterms.title, ox.Literal(d.title))
        if d.url:
            self.add(self.doc, dcterms.source, ox.NamedNode(d.url))
        if d.publisher:
            self.add(self.doc, dcterms.publisher, ox.Literal(d.publisher))
        if d.published:
            self.add(self.doc, dcterms.issued, ox.Literal(d.published[:10], datatype=xsd.date))

    def entity(self, entity: Entity) -> None:
        iri = self.iris[entity.key]
        self.add(iri, rdf.type, getattr(kg, entity.type))
        self.add(iri, kg.nameInDocument, ox.Literal(entity.name))
        if entity.type == "Country" and entity.iso3:
            self.add(iri, kg.isoCode, ox.Literal(entity.iso3))
        if entity.geonames_id:
            self.add(iri, owl.sameAs, ox.NamedNode(f"{GEONAMES}{entity.geonames_id}/"))
        if entity.wikidata:
            self.add(iri, owl.sameAs, ox.NamedNode(f"{WIKIDATA}{entity.wikidata}"))
        if entity.actor_code:
            self.add(iri, kg.actorCode, ox.Literal(entity.actor_code))
        if entity.country_iso3 and entity.type != "Country":
            country = self._country_node(entity)
            self.add(iri, kg.country, country)
            if entity.type in ("Place", "Facility"):
                self.add(iri, kg.locatedIn, country)

    def _country_node(self, entity: Entity) -> ox.NamedNode:
        """The country an entity is linked to: named only through the link, it still gets its
        type, code, and the name and GeoNames id resolution found for it."""
        iri = ox.NamedNode(country_iri(entity.country_iso3, self.base))
        self.add(iri, rdf.type, kg.Country)
        self.add(iri, kg.isoCode, ox.Literal(entity.country_iso3))
        if entity.country_name:
            self.add(iri, kg.nameInDocument, ox.Literal(entity.country_name))
        if entity.country_geonames_id:
            self.add(iri, owl.sameAs, ox.NamedNode(f"{GEONAMES}{entity.country_geonames_id}/"))
        return iri

    def mentions(self) -> None:
        for mention in self.x.mentions:
            iri = self.span_node(mention.span, kg.Mention)
            self.add(iri, itsrdf.taIdentRef, self.iris[mention.entity])

    def roles_and_relations(self) -> None:
        for role in self.x.roles:
            person = self.iris[role.person]
            of = self.iris.get(role.of) if role.of else None
            iri = ox.NamedNode(mint("role", f"{person.value} {role.title} {of.value if of else ''}", self.base))
            self.add(iri, rdf.type, kg.Role)
            self.add(iri, rdfs.label, ox.Literal(role.title))
            if of is not None:
                self.add(iri, kg.roleOf, of)
            self.add(iri, kg.evidence, self.span_node(role.sentence, nif.Sentence))
            self.add(iri, kg.confidence, decimal(role.confidence))
            self.add(person, kg.holdsRole, iri)
        for relation in self.x.relations:
            subject, predicate, obj = (
                self.iris[relation.subject],
                RELATION_PROPERTIES[relation.predicate],
                self.iris[relation.object],
            )
            self.add(subject, predicate, obj)
            if relation.sentence is not None:
                # The plain triple is what queries use; its evidence rides on a standard RDF
                # reification of it, so "why do we believe this?" is a query too.
                key = f"{self.x.doc.id} {subject.value} {predicate.value} {obj.value}"
                statement = ox.NamedNode(mint("statement", key, self.base))
                self.add(statement, rdf.type, rdf.Statement)
                self.add(statement, rdf.subject, subject)
                self.add(statement, rdf.predicate, predicate)
                self.add(statement, rdf.object, obj)
                self.add(statement, kg.evidence, self.span_node(relation.sentence, nif.Sentence))
                self.add(statement, kg.confidence, decimal(relation.confidence))
                self.add(statement, prov.wasDerivedFrom, self.doc)

    def event_iri(self, event: Event) -> ox.NamedNode:
        return ox.NamedNode(mint("event", f"{self.x.doc.id} {event.triggers[0].start} {event.type}", self.base))

    def events(self) -> None:
        iris = [self.event_iri(e) for e in self.x.events]
        for event, iri in zip(self.x.events, iris, strict=True):
            self.add(iri, rdf.type, getattr(kg, event.type))
            self.add(iri, rdf.type, kg.Event)
            sentences = (event.sentence, *event.further_sentences)
            for trigger in event.triggers:
                mention = self.span_node(trigger, kg.Mention)
                self.add(iri, kg.trigger, mention)
                if event.further_sentences:
                    # Told in several sentences: each trigger carries the one it stands in (the
                    # event's own kg:evidence stays one sentence, so queries list it once).
                    told_in = next((s for s in sentences if s.start <= trigger.start < s.end), None)
                    if told_in is not None:
                        self.add(mention, kg.evidence, self.span_node(told_in, nif.Sentence))
            self.add(iri, kg.evidence, self.span_node(event.sentence, nif.Sentence))
            self.add(iri, kg.confidence, decimal(event.confidence))
            self.add(iri, prov.wasDerivedFrom, self.doc)
            for arg in event.arguments:
                value = self.iris[arg.entity] if arg.entity else self.span_node(arg.span, kg.Mention)
                self.add(iri, ARGUMENT_PROPERTIES[arg.role], value)
                if arg.actor_code and not arg.entity:  # "police": who acted, without a name
                    self.add(value, kg.actorCode, ox.Literal(arg.actor_code))
            if event.time:
                self.add(iri, kg.time, ox.Literal(event.time, datatype=TIME_DATATYPES[len(event.time)]))
            if event.time_text:
                self.add(iri, kg.timeText, ox.Literal(event.time_text))
            for prop, value in (
                (kg.killedCount, event.killed_count),
                (kg.injuredCount, event.injured_count),
                (kg.count, event.count),
            ):
                if value is not None:
                    self.add(iri, prop, nonneg(value))
            if event.modality:
                self.add(iri, kg.modality, ox.Literal(event.modality))
            for predicate, index in event.links:
                self.add(iri, LINK_PROPERTIES[predicate], iris[index])
            if event.quote:
                self.add(iri, kg.quote, ox.Literal(event.quote))
            for key in event.about:
                self.add(iri, kg.about, self.iris[key])


def document_quads(extraction: DocExtraction, base: str = DEFAULT_BASE) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """(graph name, the quads of that graph) for one resolved document extraction."""
    writer = _Writer(extraction, base)
    writer.document()
    for entity in extraction.entities:
        writer.entity(entity)
    writer.mentions()
    writer.roles_and_relations()
    writer.events()
    graph = writer.doc
    # A span can be both an entity mention and a trigger: keep each triple once.
    return graph, [ox.Quad(s, p, o, graph) for s, p, o in dict.fromkeys(writer.triples)]
