"""A small hand-made graph in the newskg vocabulary, with its expected projection worked out by hand.

Two documents (named graphs d1, d2). Entities: Ali (Person), Bashir (Person), the
Brigade (Organization), Iraq (Country), Mosul (Place), the Mosque (Facility, in nothing).

  e1 Attack    2025-03-14  agents Ali, Brigade; place Mosul           (d1)
  e2 Bombing   2025-04     agent Brigade; place Mosul; target a mention (d2)
  e3 Meeting   2025-04-02  participants Ali, Bashir                   (d2)
  e4 Statement undated     agent Bashir; d1 issued 2025-05-01         (d1)
  Ali memberOf Brigade (stated in d1 and d2); Mosul country/locatedIn Iraq (d1);
  Bashir holdsRole "Governor" roleOf Iraq (d2).
"""

from __future__ import annotations

ID = "https://w3id.org/newskg/id/"
ALI, BASHIR, BRIGADE = ID + "person/ali", ID + "person/bashir", ID + "organization/brigade"
IRAQ, MOSUL, MOSQUE = ID + "country/IRQ", ID + "place/mosul", ID + "place/mosque"
E1, E2, E3, E4 = (ID + f"event/e{i}" for i in range(1, 5))

PREFIXES = """@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix id: <https://w3id.org/newskg/id/> .
"""

D1 = """
id:doc\\/d1 a kg:Document ; dcterms:title "Attack in Mosul" ; dcterms:issued "2025-05-01"^^xsd:date .
id:person\\/ali a kg:Person ; kg:memberOf id:organization\\/brigade .
id:organization\\/brigade a kg:Organization .
id:place\\/mosul a kg:Place ; kg:country id:country\\/IRQ ; kg:locatedIn id:country\\/IRQ .
id:country\\/IRQ a kg:Country .
id:person\\/bashir a kg:Person .
id:place\\/mosque a kg:Facility .
id:event\\/e1 a kg:Event , kg:Attack ; kg:agent id:person\\/ali , id:organization\\/brigade ;
    kg:place id:place\\/mosul ; kg:time "2025-03-14"^^xsd:date ; prov:wasDerivedFrom id:doc\\/d1 ;
    kg:evidence id:doc\\/d1\\#s1 .
id:doc\\/d1\\#s1 a nif:Sentence ; nif:anchorOf "Ali and the Brigade attacked a checkpoint in Mosul." .
id:event\\/e4 a kg:Event , kg:Statement ; kg:agent id:person\\/bashir ; prov:wasDerivedFrom id:doc\\/d1 ;
    kg:evidence id:doc\\/d1\\#s4 .
id:doc\\/d1\\#s4 a nif:Sentence ; nif:anchorOf "Bashir said the city was calm." .
"""

D2 = """
id:doc\\/d2 a kg:Document ; dcterms:title "Talks after the bombing" .
id:person\\/ali a kg:Person ; kg:memberOf id:organization\\/brigade .
id:person\\/bashir a kg:Person ; kg:holdsRole id:role\\/governor .
id:role\\/governor a kg:Role ; rdfs:label "Governor" ; kg:roleOf id:country\\/IRQ .
id:organization\\/brigade a kg:Organization .
id:place\\/mosul a kg:Place .
id:country\\/IRQ a kg:Country .
id:event\\/e2 a kg:Event , kg:Bombing ; kg:agent id:organization\\/brigade ; kg:place id:place\\/mosul ;
    kg:target id:doc\\/d2\\#char\\=0\\,5 ; kg:time "2025-04"^^xsd:gYearMonth ; prov:wasDerivedFrom id:doc\\/d2 ;
    kg:evidence id:doc\\/d2\\#s2 .
id:doc\\/d2\\#s2 a nif:Sentence ; nif:anchorOf "A bomb of the Brigade went off in Mosul in April." .
id:event\\/e3 a kg:Event , kg:Meeting ; kg:participant id:person\\/ali , id:person\\/bashir ;
    kg:time "2025-04-02"^^xsd:date ; prov:wasDerivedFrom id:doc\\/d2 ; kg:evidence id:doc\\/d2\\#s3 .
id:doc\\/d2\\#s3 a nif:Sentence ; nif:anchorOf "Ali met Bashir on 2 April." .
"""

CORPUS = """
id:person\\/ali rdfs:label "Ali" ; skos:altLabel "Ali al-Tikriti" ; kg:mentionCount 4 .
id:person\\/bashir rdfs:label "Bashir" ; kg:mentionCount 3 .
id:organization\\/brigade rdfs:label "Brigade" ; kg:mentionCount 3 .
id:country\\/IRQ rdfs:label "Iraq" ; kg:mentionCount 1 .
id:place\\/mosul rdfs:label "Mosul" ; kg:mentionCount 3 .
id:place\\/mosque rdfs:label "Mosque" ; kg:mentionCount 1 .
"""

TRIG = PREFIXES + f"id:doc\\/d1 {{ {D1} }}\nid:doc\\/d2 {{ {D2} }}\nid:graph\\/corpus {{ {CORPUS} }}\n"
# The same facts without named graphs: each relation then counts as stated once.
TURTLE = PREFIXES + D1 + D2 + CORPUS


def write_sample(directory, kind: str = "trig"):
    """Write the sample as ``sample.trig`` (named graphs) or ``sample.ttl`` (one graph); returns the path."""
    path = directory / f"sample.{kind}"
    path.write_text(TRIG if kind == "trig" else TURTLE, encoding="utf-8")
    return path
