"""Every namespace newskg writes, in one place.

>>> str(KG.Person), str(NIF.anchorOf)
('https://w3id.org/newskg/ontology#Person', 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf')
"""

import pyoxigraph as ox
from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

DEFAULT_BASE = "https://w3id.org/newskg/id/"


class KG(DefinedNamespace):
    """The newskg ontology (ontology/newskg.ttl)."""

    _NS = Namespace("https://w3id.org/newskg/ontology#")
    _fail = True

    # Entities
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Facility: URIRef
    Role: URIRef
    # Events
    Event: URIRef
    Attack: URIRef
    Bombing: URIRef
    Killing: URIRef
    Injury: URIRef
    Kidnapping: URIRef
    Arrest: URIRef
    Meeting: URIRef
    Statement: URIRef
    ClaimOfResponsibility: URIRef
    Takeover: URIRef
    Withdrawal: URIRef
    MilitaryOperation: URIRef
    Protest: URIRef
    Threat: URIRef
    # Provenance
    Document: URIRef
    # Incidents and sources
    Incident: URIRef
    incident: URIRef
    sourceCount: URIRef
    duplicateOf: URIRef
    Mention: URIRef
    # Entity properties
    isoCode: URIRef
    country: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    holdsRole: URIRef
    roleOf: URIRef
    mentionCount: URIRef
    documentCount: URIRef
    inCountry: URIRef
    nameInDocument: URIRef
    # Event properties
    agent: URIRef
    target: URIRef
    victim: URIRef
    participant: URIRef
    place: URIRef
    time: URIRef
    timeText: URIRef
    killedCount: URIRef
    injuredCount: URIRef
    count: URIRef
    trigger: URIRef
    evidence: URIRef
    confidence: URIRef
    modality: URIRef
    claims: URIRef
    causedBy: URIRef
    quote: URIRef
    about: URIRef
    partOf: URIRef
    sha256: URIRef
    extractedWith: URIRef
    cameoCode: URIRef
    kairosType: URIRef
    actorCode: URIRef
    # Analysis results
    pageRank: URIRef
    degree: URIRef
    weightedDegree: URIRef
    betweenness: URIRef
    community: URIRef
    coreNumber: URIRef
    componentId: URIRef


NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SCHEMA = Namespace("https://schema.org/")
GEONAMES = Namespace("https://sws.geonames.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "kg": KG._NS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "schema": SCHEMA,
    "nif": NIF,
    "itsrdf": ITSRDF,
}
# The same prefixes as plain strings, as Oxigraph's serialisers and queries take them.
PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def bind_prefixes(graph) -> None:
    """Bind the vocabulary's prefixes on an rdflib graph or dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def compact_iri(iri: str) -> str:
    """An IRI as a prefixed name when a vocabulary prefix covers it, for people to read.

    >>> compact_iri("https://w3id.org/newskg/ontology#agent"), compact_iri("http://example.org/x")
    ('kg:agent', 'http://example.org/x')
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)) :]}"
    return iri


class OxTerms:
    """The terms of an rdflib namespace as Oxigraph ``NamedNode``s, each made once.

    The mapping writes Oxigraph terms (the store's own) while the vocabulary stays
    defined once, as rdflib namespaces; an unknown name fails as it does on ``KG``.

    >>> kg = OxTerms(KG)
    >>> kg.agent
    <NamedNode value=https://w3id.org/newskg/ontology#agent>
    >>> kg.agentt
    Traceback (most recent call last):
    ...
    AttributeError: term 'agentt' not in namespace 'https://w3id.org/newskg/ontology#'
    """

    def __init__(self, namespace: Namespace | type[DefinedNamespace]):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        namespace = self.__dict__["_namespace"]
        try:
            iri = namespace[name]
        except (AttributeError, KeyError):
            raise AttributeError(
                f"term {name!r} not in namespace {str(getattr(namespace, '_NS', namespace))!r}"
            ) from None
        node = ox.NamedNode(str(iri))
        setattr(self, name, node)  # later look-ups are plain attribute reads
        return node
