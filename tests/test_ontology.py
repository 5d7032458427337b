"""The ontology (ontology/newskg.ttl) and the SHACL shapes (ontology/shapes.ttl).

The vocabulary is a public contract (DESIGN.md, "The vocabulary"): these tests pin
every class and property it names, the CAMEO/KAIROS annotations of the event
classes, and the behaviour of the shapes on a small hand-written graph and on
broken copies of it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pyoxigraph
import pyshacl_turbo
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

from .conftest import shared_data

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "newskg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

KG = Namespace("https://w3id.org/newskg/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
EX = Namespace("https://w3id.org/newskg/id/")
ONTOLOGY_IRI = URIRef("https://w3id.org/newskg/ontology")

ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Country": SCHEMA.Country,
    "Place": SCHEMA.Place,
    "Facility": SCHEMA.Place,
}
EVENT_CLASSES = {  # class -> its direct superclass in the ontology
    "Attack": "Event",
    "Bombing": "Attack",
    "Killing": "Event",
    "Injury": "Event",
    "Kidnapping": "Event",
    "Arrest": "Event",
    "Meeting": "Event",
    "Statement": "Event",
    "ClaimOfResponsibility": "Statement",
    "Takeover": "Event",
    "Withdrawal": "Event",
    "MilitaryOperation": "Event",
    "Protest": "Event",
    "Threat": "Event",
}
CLASSES = [*ENTITY_CLASSES, "Role", "Mention", "Document", "Event", *EVENT_CLASSES, "Incident"]
OBJECT_PROPERTIES = [
    "country", "locatedIn", "memberOf", "holdsRole", "roleOf", "inCountry",
    "agent", "target", "victim", "participant", "place",
    "trigger", "evidence", "claims", "causedBy", "partOf", "about",
    "incident", "duplicateOf",
]  # fmt: skip
DATATYPE_PROPERTIES = [
    "isoCode", "mentionCount", "documentCount", "nameInDocument",
    "time", "timeText", "killedCount", "injuredCount", "count", "modality", "quote",
    "confidence", "sha256", "extractedWith",
    "pageRank", "degree", "weightedDegree", "betweenness", "community", "coreNumber",
    "componentId", "sourceCount", "actorCode",
]  # fmt: skip
ANNOTATION_PROPERTIES = ["cameoCode", "kairosType"]

# The CAMEO 1.1b3 categories the event classes are mapped to (code -> codebook name).
CAMEO = {
    "01": "MAKE PUBLIC STATEMENT",
    "015": "Acknowledge or claim responsibility",
    "04": "CONSULT",
    "0874": "Retreat or surrender militarily",
    "13": "THREATEN",
    "14": "PROTEST",
    "173": "Arrest, detain, or charge with legal action",
    "18": "ASSAULT",
    "181": "Abduct, hijack, or take hostage",
    "182": "Physically assault",
    "1823": "Kill by physical assault",
    "183": "Conduct suicide, car, or other non-military bombing",
    "19": "FIGHT",
    "192": "Occupy territory",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


# Every shape test runs with pySHACL (the reference) and with pyshacl-turbo (kg validate's default).
VALIDATORS = {"pyshacl": validate, "pyshacl-turbo": pyshacl_turbo.validate}
_validator = validate


@pytest.fixture(scope="module", params=sorted(VALIDATORS))
def shacl_engine(request):
    global _validator
    _validator = VALIDATORS[request.param]
    yield request.param
    _validator = validate


@pytest.fixture(scope="module")
def shapes(shacl_engine: str) -> Graph:
    return Graph().parse(SHAPES, format="turtle")


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=lambda p: p.name)
def test_parses_with_rdflib_and_pyoxigraph(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(graph) > 50
    assert len(quads) == len(graph)


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


# --------------------------------------------------------------------------- vocabulary


@pytest.mark.parametrize("name", CLASSES)
def test_class_declared(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_property_declared(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize("name", DATATYPE_PROPERTIES)
def test_datatype_property_declared(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.DatatypeProperty) in ontology


@pytest.mark.parametrize("name", ANNOTATION_PROPERTIES)
def test_annotation_property_declared(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.AnnotationProperty) in ontology


def test_every_kg_term_is_labelled_and_commented(ontology: Graph) -> None:
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(KG))}
    assert len(terms) == len(CLASSES) + len(OBJECT_PROPERTIES) + len(DATATYPE_PROPERTIES) + 2
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_shapes_use_only_declared_kg_terms(ontology: Graph, shapes: Graph) -> None:
    declared = set(ontology.subjects())
    used = {n for n in shapes.all_nodes() if isinstance(n, URIRef) and n.startswith(str(KG))}
    assert used and used <= declared, used - declared


@pytest.mark.parametrize("name", list(ENTITY_CLASSES))
def test_entity_class_is_a_schema_org_class(ontology: Graph, name: str) -> None:
    assert (KG[name], RDFS.subClassOf, ENTITY_CLASSES[name]) in ontology


def test_provenance_classes(ontology: Graph) -> None:
    assert (KG.Facility, RDFS.subClassOf, KG.Place) in ontology
    assert (KG.Event, RDFS.subClassOf, SCHEMA.Event) in ontology
    assert (KG.Document, RDFS.subClassOf, SCHEMA.NewsArticle) in ontology
    assert (KG.Document, RDFS.subClassOf, NIF.Context) in ontology


@pytest.mark.parametrize("name", list(EVENT_CLASSES))
def test_event_class_hierarchy_and_annotations(ontology: Graph, name: str) -> None:
    cls = KG[name]
    assert (cls, RDFS.subClassOf, KG[EVENT_CLASSES[name]]) in ontology
    cameo = [str(v) for v in ontology.objects(cls, KG.cameoCode)]
    kairos = [str(v) for v in ontology.objects(cls, KG.kairosType)]
    assert len(cameo) == 1 and cameo[0] in CAMEO, cameo
    assert len(kairos) == 1 and re.fullmatch(r"[A-Za-z]+\.[A-Za-z]+\.[A-Za-z]+", kairos[0])


def test_subevent_codes_refine_their_parents(ontology: Graph) -> None:
    def code(name: str) -> str:
        return str(ontology.value(KG[name], KG.cameoCode))

    assert code("Bombing").startswith(code("Attack"))
    assert code("ClaimOfResponsibility").startswith(code("Statement"))


def test_kairos_types_exist_in_the_kairos_ontology(ontology: Graph) -> None:
    kairos = shared_data("wikievents", "event_role_KAIROS.json")  # fails clearly when missing, never skips
    known = set(json.loads(kairos.read_text(encoding="utf-8")))
    for name in EVENT_CLASSES:
        assert str(ontology.value(KG[name], KG.kairosType)) in known, name


# --------------------------------------------------------------------------- shapes

TEXT = (
    "Gunmen attacked a police station in Popayán, Colombia, on June 3, 2025, "
    "killing four officers. "
    "Defense Minister Laura Quintero will meet the mayor on Friday."
)


def _span(phrase: str, start: int = 0) -> tuple[int, int]:
    begin = TEXT.index(phrase, start)
    return begin, begin + len(phrase)


def _mention(node: str, phrase: str, cls: str = "kg:Mention", entity: str | None = None) -> str:
    begin, end = _span(phrase)
    ref = f" ;\n    itsrdf:taIdentRef ex:{entity}" if entity else ""
    return f"""
ex:{node} a {cls} ;
    nif:anchorOf "{phrase}" ;
    nif:beginIndex "{begin}"^^xsd:nonNegativeInteger ;
    nif:endIndex "{end}"^^xsd:nonNegativeInteger ;
    nif:referenceContext ex:doc1{ref} .
"""


def _valid_data() -> str:
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    sentence1 = TEXT[: TEXT.index("officers.") + len("officers.")]
    sentence2 = TEXT[TEXT.index("Defense") :]
    mentions = "".join(
        [
            _mention("m-popayan", "Popayán", entity="popayan"),
            _mention("m-colombia", "Colombia", entity="colombia"),
            _mention("m-quintero", "Laura Quintero", entity="quintero"),
            _mention("t-attacked", "attacked"),
            _mention("t-killing", "killing"),
            _mention("t-meet", "meet"),
            _mention("a-gunmen", "Gunmen"),
            _mention("a-station", "a police station"),
            _mention("a-officers", "four officers"),
            _mention("a-mayor", "the mayor"),
            _mention("s1", sentence1, cls="nif:Sentence"),
            _mention("s2", sentence2, cls="nif:Sentence"),
        ]
    )
    return f"""
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix ex: <https://w3id.org/newskg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .

ex:doc1 a kg:Document , nif:Context ;
    dcterms:identifier "doc-1" ;
    dcterms:title "Police station attacked in Popayán" ;
    dcterms:source <https://example.org/news/popayan> ;
    dcterms:issued "2025-06-04T08:30:00Z"^^xsd:dateTime ;
    kg:sha256 "{sha}" ;
    nif:isString "{TEXT}" .

ex:colombia a kg:Country ;
    rdfs:label "Colombia" ;
    skos:altLabel "Colombian" ;
    kg:nameInDocument "Colombia" ;
    kg:isoCode "COL" ;
    owl:sameAs <https://sws.geonames.org/3686110/> ;
    kg:mentionCount 1 ;
    kg:documentCount 1 ;
    kg:pageRank "0.21"^^xsd:double ;
    kg:degree 3 ;
    kg:community 0 .

ex:popayan a kg:Place ;
    rdfs:label "Popayán" ;
    kg:country ex:colombia ;
    kg:locatedIn ex:colombia .

ex:police-post a kg:Facility ;
    rdfs:label "Popayán police station" ;
    kg:locatedIn ex:popayan .

ex:defense-ministry a kg:Organization ;
    rdfs:label "Ministry of Defense" ;
    kg:country ex:colombia .

ex:quintero a kg:Person ;
    rdfs:label "Laura Quintero" ;
    skos:altLabel "Quintero" ;
    kg:country ex:colombia ;
    kg:memberOf ex:defense-ministry ;
    kg:holdsRole ex:role-defense-minister-col .

ex:role-defense-minister-col a kg:Role ;
    rdfs:label "Defense Minister" ;
    kg:roleOf ex:colombia ;
    kg:confidence 0.8 ;
    kg:evidence ex:s2 .
{mentions}
ex:ev-attack a kg:Attack , kg:Event ;
    kg:agent ex:a-gunmen ;
    kg:target ex:a-station , ex:police-post ;
    kg:place ex:popayan ;
    kg:time "2025-06-03"^^xsd:date ;
    kg:timeText "on June 3, 2025" ;
    kg:trigger ex:t-attacked ;
    kg:evidence ex:s1 ;
    kg:confidence 0.85 ;
    prov:wasDerivedFrom ex:doc1 .

ex:ev-killing a kg:Killing , kg:Event ;
    kg:agent ex:a-gunmen ;
    kg:victim ex:a-officers ;
    kg:place ex:popayan ;
    kg:killedCount "4"^^xsd:nonNegativeInteger ;
    kg:causedBy ex:ev-attack ;
    kg:trigger ex:t-killing ;
    kg:evidence ex:s1 ;
    kg:confidence 0.7 ;
    prov:wasDerivedFrom ex:doc1 .

ex:ev-meeting a kg:Meeting , kg:Event ;
    kg:agent ex:quintero ;
    kg:participant ex:quintero , ex:a-mayor ;
    kg:modality "future" ;
    kg:timeText "on Friday" ;
    kg:trigger ex:t-meet ;
    kg:evidence ex:s2 ;
    kg:confidence 0.6 ;
    prov:wasDerivedFrom ex:doc1 .
"""


def _data() -> Graph:
    return Graph().parse(data=_valid_data(), format="turtle")


def _validate(data: Graph, shapes: Graph) -> tuple[bool, list[dict]]:
    conforms, report, _text = _validator(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=False
    )
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        results.append(
            {
                "focus": report.value(result, SH.focusNode),
                "path": report.value(result, SH.resultPath),
                "component": report.value(result, SH.sourceConstraintComponent),
                "value": report.value(result, SH.value),
                "message": str(report.value(result, SH.resultMessage)),
            }
        )
    return conforms, results


def _has(results: list[dict], focus, component, path=None) -> bool:
    return any(
        r["focus"] == focus and r["component"] == component and (path is None or r["path"] == path) for r in results
    )


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside pyshacl's meta-SHACL
def test_shapes_graph_is_valid_shacl() -> None:
    conforms, _report, text = validate(Graph(), shacl_graph=str(SHAPES), meta_shacl=True, inference="none")
    assert conforms, text


def test_offsets_in_the_fixture_are_code_points() -> None:
    begin, end = _span("Popayán")
    assert TEXT[begin:end] == "Popayán"
    assert len("Popayán".encode()) != end - begin  # the accent makes bytes differ


def test_valid_graph_conforms(shapes: Graph) -> None:
    conforms, results = _validate(_data(), shapes)
    assert conforms, results


def test_valid_graph_also_conforms_after_a_pyoxigraph_round_trip(shapes: Graph) -> None:
    store = pyoxigraph.Store()
    store.load(_valid_data(), format=pyoxigraph.RdfFormat.TURTLE)
    ntriples = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()).decode("utf-8")
    data = Graph().parse(data=ntriples, format="nt")
    conforms, results = _validate(data, shapes)
    assert conforms, results


def test_anchor_must_match_the_text_slice(shapes: Graph) -> None:
    data = _data()
    data.set((EX["m-popayan"], NIF.anchorOf, Literal("Popayan")))
    conforms, results = _validate(data, shapes)
    assert not conforms
    # The text check runs once per document: the document is the focus, the mention the value.
    assert _has(results, EX.doc1, SH.SPARQLConstraintComponent)
    message = next(r["message"] for r in results if r["value"] == EX["m-popayan"])
    assert "Popayan" in message and "Popayán" in message and "{" not in message


def test_anchor_check_is_skipped_without_document_text(shapes: Graph) -> None:
    data = _data()
    data.remove((EX.doc1, NIF.isString, None))
    data.set((EX["m-popayan"], NIF.anchorOf, Literal("Popayan")))
    conforms, results = _validate(data, shapes)
    assert conforms, results


def test_a_role_stated_by_two_documents_may_carry_both_confidences(shapes: Graph) -> None:
    data = _data()
    role = EX["role-defense-minister-col"]
    data.add((role, KG.confidence, Literal("0.85", datatype=XSD.decimal)))
    assert len(set(data.objects(role, KG.confidence))) == 2
    assert _validate(data, shapes)[0]
    data.add((role, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, role, SH.MaxInclusiveConstraintComponent, KG.confidence)


@pytest.mark.parametrize("delta", [0, -3], ids=["begin==end", "begin>end"])
def test_begin_must_be_before_end(shapes: Graph, delta: int) -> None:
    data = _data()
    begin, _end = _span("attacked")
    end = Literal(begin + delta, datatype=XSD.nonNegativeInteger)
    data.set((EX["t-attacked"], NIF.endIndex, end))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["t-attacked"], SH.LessThanConstraintComponent, NIF.beginIndex)


def test_offsets_must_be_non_negative_integers(shapes: Graph) -> None:
    data = _data()
    data.set((EX["t-meet"], NIF.beginIndex, Literal("5")))  # xsd:string
    data.set((EX["a-mayor"], NIF.beginIndex, Literal(-1)))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["t-meet"], SH.OrConstraintComponent, NIF.beginIndex)
    assert _has(results, EX["a-mayor"], SH.MinInclusiveConstraintComponent, NIF.beginIndex)


def test_plain_integers_are_accepted_for_offsets_and_counts(shapes: Graph) -> None:
    # Oxigraph stores xsd:nonNegativeInteger as xsd:integer; data read back must still pass.
    data = _data()
    begin, end = _span("meet")
    data.set((EX["t-meet"], NIF.beginIndex, Literal(begin)))
    data.set((EX["t-meet"], NIF.endIndex, Literal(end)))
    data.set((EX["ev-killing"], KG.killedCount, Literal(4)))
    conforms, results = _validate(data, shapes)
    assert conforms, results


def test_mention_context_must_be_a_document(shapes: Graph) -> None:
    data = _data()
    data.set((EX["a-mayor"], NIF.referenceContext, EX.quintero))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["a-mayor"], SH.ClassConstraintComponent, NIF.referenceContext)


def test_entity_with_two_labels_is_rejected(shapes: Graph) -> None:
    data = _data()
    data.add((EX.popayan, RDFS.label, Literal("Popayan")))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX.popayan, SH.MaxCountConstraintComponent, RDFS.label)
    assert any("exactly one rdfs:label" in r["message"] for r in results)


def test_entity_without_label_is_rejected(shapes: Graph) -> None:
    data = _data()
    data.remove((EX["police-post"], RDFS.label, None))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["police-post"], SH.MinCountConstraintComponent, RDFS.label)


def test_iso_code_must_be_alpha3(shapes: Graph) -> None:
    data = _data()
    data.set((EX.colombia, KG.isoCode, Literal("CO")))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX.colombia, SH.PatternConstraintComponent, KG.isoCode)


def test_event_without_evidence_is_rejected(shapes: Graph) -> None:
    data = _data()
    data.remove((EX["ev-attack"], KG.evidence, None))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["ev-attack"], SH.MinCountConstraintComponent, KG.evidence)


def test_event_without_trigger_is_rejected(shapes: Graph) -> None:
    data = _data()
    data.remove((EX["ev-killing"], KG.trigger, None))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["ev-killing"], SH.MinCountConstraintComponent, KG.trigger)


def test_time_with_string_datatype_is_rejected(shapes: Graph) -> None:
    data = _data()
    data.set((EX["ev-attack"], KG.time, Literal("2025-06-03", datatype=XSD.string)))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["ev-attack"], SH.OrConstraintComponent, KG.time)


@pytest.mark.parametrize(
    "value",
    [Literal("2025", datatype=XSD.gYear), Literal("2024-03", datatype=XSD.gYearMonth)],
    ids=["gYear", "gYearMonth"],
)
def test_time_at_year_or_month_precision_is_accepted(shapes: Graph, value: Literal) -> None:
    data = _data()
    data.set((EX["ev-attack"], KG.time, value))
    conforms, results = _validate(data, shapes)
    assert conforms, results


def test_confidence_must_be_a_decimal_in_range(shapes: Graph) -> None:
    data = _data()
    data.set((EX["ev-attack"], KG.confidence, Literal(0.85)))  # a Python float is xsd:double
    data.set((EX["ev-killing"], KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["ev-attack"], SH.DatatypeConstraintComponent, KG.confidence)
    assert _has(results, EX["ev-killing"], SH.MaxInclusiveConstraintComponent, KG.confidence)


def test_modality_must_be_a_known_value(shapes: Graph) -> None:
    data = _data()
    data.set((EX["ev-meeting"], KG.modality, Literal("planned")))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["ev-meeting"], SH.InConstraintComponent, KG.modality)


def test_argument_of_the_wrong_class_is_rejected(shapes: Graph) -> None:
    data = _data()
    data.add((EX["ev-attack"], KG.agent, EX.popayan))  # a place cannot act
    data.add((EX["ev-meeting"], KG.place, EX.quintero))  # a person is not a place
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["ev-attack"], SH.OrConstraintComponent, KG.agent)
    assert _has(results, EX["ev-meeting"], SH.OrConstraintComponent, KG.place)


def test_document_hash_and_identifier(shapes: Graph) -> None:
    data = _data()
    data.set((EX.doc1, KG.sha256, Literal("ABC")))
    data.remove((EX.doc1, URIRef("http://purl.org/dc/terms/identifier"), None))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX.doc1, SH.PatternConstraintComponent, KG.sha256)
    assert _has(
        results,
        EX.doc1,
        SH.MinCountConstraintComponent,
        URIRef("http://purl.org/dc/terms/identifier"),
    )


def test_role_of_must_be_country_or_organization(shapes: Graph) -> None:
    data = _data()
    data.set((EX["role-defense-minister-col"], KG.roleOf, EX.popayan))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX["role-defense-minister-col"], SH.OrConstraintComponent, KG.roleOf)


def test_entity_relations_must_point_to_the_right_classes(shapes: Graph) -> None:
    data = _data()
    data.set((EX.quintero, KG.memberOf, EX.colombia))
    data.set((EX.popayan, KG.country, EX.popayan))
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert _has(results, EX.quintero, SH.ClassConstraintComponent, KG.memberOf)
    assert _has(results, EX.popayan, SH.ClassConstraintComponent, KG.country)


def test_event_lexicon_agrees_with_ontology():
    """The trigger lexicon and the ontology carry the same typology (one decides, one is checked)."""
    from kg.extract.events import event_types

    onto = Graph().parse(ROOT / "ontology" / "newskg.ttl")
    kg_ns = "https://w3id.org/newskg/ontology#"
    lexicon = json.loads((ROOT / "kg/extract/lexicons/event_types.json").read_text())
    names = {k for k in lexicon if not k.startswith("_")}
    assert names == set(EVENT_CLASSES)
    for name, entry in event_types().items():
        cls = URIRef(kg_ns + name)
        assert str(onto.value(cls, URIRef(kg_ns + "cameoCode"))) == entry.cameo, name
        assert str(onto.value(cls, URIRef(kg_ns + "kairosType"))) == entry.kairos, name
        assert (cls, RDFS.subClassOf, URIRef(kg_ns + entry.parent)) in onto, name
