"""Map one resolved :class:`DocExtraction` to the triples of its named graph.

The graph of a document holds everything drawn from it: the ``kg:Document``
(also a ``nif:Context`` carrying the text), every ``kg:Mention`` with NIF
offsets, the types of the entities it names with the name it uses for them
(``kg:nameInDocument``), their links, roles and relations, and its events with
trigger, evidence sentence, arguments, time and counts. Corpus-level facts
(``rdfs:label``, ``skos:altLabel``, counts) are computed over all documents by
:mod:`kg.store.corpus`.

>>> from kg.model import Document, DocExtraction
>>> x = DocExtraction(Document.from_text("Hi.", id="d1"), model="m")
>>> graph_iri, triples = document_triples(x)
>>> str(graph_iri), len(triples)
('https://w3id.org/newskg/id/doc/d1', 6)
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kg.gazetteer import country_by_iso3
from kg.model import DocExtraction, Entity, Event
from kg.model import Span as TextSpan
from kg.rdf.iri import mint
from kg.rdf.namespaces import DEFAULT_BASE, GEONAMES, ITSRDF, KG, NIF, WIKIDATA
from kg.resolve.keys import entity_iri

Triple = tuple[URIRef, URIRef, URIRef | Literal]

TIME_DATATYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
ARGUMENT_PROPERTIES = {
    "agent": KG.agent,
    "target": KG.target,
    "victim": KG.victim,
    "participant": KG.participant,
    "place": KG.place,
}
LINK_PROPERTIES = {"claims": KG.claims, "causedBy": KG.causedBy, "partOf": KG.partOf}
RELATION_PROPERTIES = {"locatedIn": KG.locatedIn, "country": KG.country, "memberOf": KG.memberOf}


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a document, which is also the name of its graph."""
    return mint("doc", doc_id, base, casefold=False)


def country_iri(iso3: str, base: str = DEFAULT_BASE) -> URIRef:
    return mint("country", iso3, base, casefold=False)


def span_iri(doc: URIRef, span: TextSpan) -> URIRef:
    """NIF-style IRI of a text span: ``<doc>#char=begin,end``."""
    return URIRef(f"{doc}#char={span.start},{span.end}")


def nonneg(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


class _Writer:
    def __init__(self, extraction: DocExtraction, base: str):
        self.x = extraction
        self.base = base
        self.doc = document_iri(extraction.doc.id, base)
        self.triples: list[Triple] = []
        self.iris = {e.key: entity_iri(e, base) for e in extraction.entities}

    def add(self, s, p, o) -> None:
        self.triples.append((s, p, o))

    def span_node(self, span: TextSpan, kind: URIRef) -> URIRef:
        node = span_iri(self.doc, span)
        self.add(node, RDF.type, kind)
        self.add(node, NIF.anchorOf, Literal(span.text))
        self.add(node, NIF.beginIndex, nonneg(span.start))
        self.add(node, NIF.endIndex, nonneg(span.end))
        self.add(node, NIF.referenceContext, self.doc)
        return node

    def document(self) -> None:
        d = self.x.doc
        self.add(self.doc, RDF.type, KG.Document)
        self.add(self.doc, RDF.type, NIF.Context)
        self.add(self.doc, DCTERMS.identifier, Literal(d.id))
        self.add(self.doc, KG.sha256, Literal(d.sha256))
        self.add(self.doc, KG.extractedWith, Literal(self.x.model))
        self.add(self.doc, NIF.isString, Literal(d.text))
        if d.title:
            self.add(self.doc, DCTERMS.title, Literal(d.title))
        if d.url:
            self.add(self.doc, DCTERMS.source, URIRef(d.url))
        if d.published:
            self.add(self.doc, DCTERMS.issued, Literal(d.published[:10], datatype=XSD.date))

    def entity(self, entity: Entity) -> None:
        iri = self.iris[entity.key]
        self.add(iri, RDF.type, getattr(KG, entity.type))
        self.add(iri, KG.nameInDocument, Literal(entity.name))
        if entity.type == "Country" and entity.iso3:
            self.add(iri, KG.isoCode, Literal(entity.iso3))
        if entity.geonames_id:
            self.add(iri, OWL.sameAs, GEONAMES[f"{entity.geonames_id}/"])
        if entity.wikidata:
            self.add(iri, OWL.sameAs, WIKIDATA[entity.wikidata])
        if entity.country_iso3 and entity.type != "Country":
            country = self._country_node(entity.country_iso3)
            self.add(iri, KG.country, country)
            if entity.type in ("Place", "Facility"):
                self.add(iri, KG.locatedIn, country)

    def _country_node(self, iso3: str) -> URIRef:
        """A country named only through a link still gets its type and code."""
        node = country_iri(iso3, self.base)
        self.add(node, RDF.type, KG.Country)
        self.add(node, KG.isoCode, Literal(iso3))
        known = country_by_iso3(iso3)
        if known:
            self.add(node, KG.nameInDocument, Literal(known.name))
            if known.geonames_id:
                self.add(node, OWL.sameAs, GEONAMES[f"{known.geonames_id}/"])
        return node

    def mentions(self) -> None:
        for mention in self.x.mentions:
            node = self.span_node(mention.span, KG.Mention)
            self.add(node, ITSRDF.taIdentRef, self.iris[mention.entity])

    def roles_and_relations(self) -> None:
        for role in self.x.roles:
            person = self.iris[role.person]
            of = self.iris.get(role.of) if role.of else None
            node = mint("role", f"{person} {role.title} {of or ''}", self.base)
            self.add(node, RDF.type, KG.Role)
            self.add(node, RDFS.label, Literal(role.title))
            if of is not None:
                self.add(node, KG.roleOf, of)
            self.add(node, KG.evidence, self.span_node(role.sentence, NIF.Sentence))
            self.add(node, KG.confidence, Literal(Decimal(str(role.confidence))))
            self.add(person, KG.holdsRole, node)
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
                statement = mint("statement", f"{self.x.doc.id} {subject} {predicate} {obj}", self.base)
                self.add(statement, RDF.type, RDF.Statement)
                self.add(statement, RDF.subject, subject)
                self.add(statement, RDF.predicate, predicate)
                self.add(statement, RDF.object, obj)
                self.add(statement, KG.evidence, self.span_node(relation.sentence, NIF.Sentence))
                self.add(statement, KG.confidence, Literal(Decimal(str(relation.confidence))))
                self.add(statement, PROV.wasDerivedFrom, self.doc)

    def event_iri(self, event: Event) -> URIRef:
        return mint("event", f"{self.x.doc.id} {event.triggers[0].start} {event.type}", self.base)

    def events(self) -> None:
        iris = [self.event_iri(e) for e in self.x.events]
        for event, iri in zip(self.x.events, iris, strict=True):
            self.add(iri, RDF.type, getattr(KG, event.type))
            self.add(iri, RDF.type, KG.Event)
            for trigger in event.triggers:
                self.add(iri, KG.trigger, self.span_node(trigger, KG.Mention))
            self.add(iri, KG.evidence, self.span_node(event.sentence, NIF.Sentence))
            self.add(iri, KG.confidence, Literal(Decimal(str(event.confidence))))
            self.add(iri, PROV.wasDerivedFrom, self.doc)
            for arg in event.arguments:
                value = self.iris[arg.entity] if arg.entity else self.span_node(arg.span, KG.Mention)
                self.add(iri, ARGUMENT_PROPERTIES[arg.role], value)
            if event.time:
                self.add(iri, KG.time, Literal(event.time, datatype=TIME_DATATYPES[len(event.time)]))
            if event.time_text:
                self.add(iri, KG.timeText, Literal(event.time_text))
            for prop, value in (
                (KG.killedCount, event.killed_count),
                (KG.injuredCount, event.injured_count),
                (KG.count, event.count),
            ):
                if value is not None:
                    self.add(iri, prop, nonneg(value))
            if event.modality:
                self.add(iri, KG.modality, Literal(event.modality))
            for predicate, index in event.links:
                self.add(iri, LINK_PROPERTIES[predicate], iris[index])


def document_triples(extraction: DocExtraction, base: str = DEFAULT_BASE) -> tuple[URIRef, list[Triple]]:
    """(graph IRI, triples) for one resolved document extraction."""
    writer = _Writer(extraction, base)
    writer.document()
    for entity in extraction.entities:
        writer.entity(entity)
    writer.mentions()
    writer.roles_and_relations()
    writer.events()
    # A span can be both an entity mention and a trigger: keep each triple once.
    return writer.doc, list(dict.fromkeys(writer.triples))
