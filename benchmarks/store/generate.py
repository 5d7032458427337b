"""Generate a synthetic newskg graph of about N triples (default 1,000,000) as N-Quads.

The graph has the shape ``kg build`` writes: one named graph per document with the
kg:Document and its text, kg:Mention nodes with NIF offsets, entities typed with the
name each document uses, events with trigger, evidence sentence, arguments, place,
time and counts, roles and claims; plus the corpus graph with labels, aliases and
counts computed over all documents. Entities are drawn with a Zipf-like skew, so a
few are in many documents, as in news. Deterministic for a given --seed.

    python benchmarks/store/generate.py --triples 1000000 --out /tmp/newskg-1m.nq
"""

from __future__ import annotations

import argparse
import random
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/newskg/id/"
KG = "https://w3id.org/newskg/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#taIdentRef"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCT = "http://purl.org/dc/terms/"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"

EVENT_CLASSES = (
    "Attack Bombing Killing Injury Kidnapping Arrest Meeting Statement ClaimOfResponsibility Takeover Withdrawal "
    "MilitaryOperation Protest Threat"
).split()
SYLLABLES = ["ka", "ri", "mo", "ta", "le", "su", "na", "do", "bi", "ra", "fe", "lo", "zi", "mu", "ha", "ne"]
TITLES = ["Defense Minister", "President", "Foreign Minister", "Commander", "Spokesman", "Governor"]


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def lit(value, datatype: str | None = None) -> ox.Literal:
    return ox.Literal(str(value), datatype=n(XSD + datatype)) if datatype else ox.Literal(str(value))


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class World:
    """The entities news can mention: people, organizations, countries, places."""

    def __init__(self, rng: random.Random, size: int):
        self.rng = rng
        self.countries = [(f"country/C{i:03d}", "Country", word(rng, 3) + "ia") for i in range(200)]
        self.people = [(f"person/p{i}", "Person", f"{word(rng, 2)} {word(rng, 3)}") for i in range(size * 4 // 10)]
        self.orgs = [(f"organization/o{i}", "Organization", f"{word(rng, 3)} Front") for i in range(size * 2 // 10)]
        self.places = [(f"place/l{i}", "Place", word(rng, 3)) for i in range(size * 4 // 10)]
        self.home = {key: rng.randrange(200) for key, _, _ in self.people + self.orgs + self.places}

    def pick(self, pool: list) -> tuple:
        # Skewed: low indexes far more often (a few entities dominate the news), yet every one can come up.
        return pool[int(len(pool) * self.rng.random() ** 3)]


def document(world: World, index: int, corpus: dict) -> list[ox.Quad]:
    rng = world.rng
    doc_iri = f"{ID}doc/synthetic-{index:06d}"
    doc, graph = n(doc_iri), n(doc_iri)
    quads: list[ox.Quad] = []

    def add(s, p, o):
        quads.append(ox.Quad(s, n(p) if isinstance(p, str) else p, o, graph))

    entities: dict[str, tuple[str, str]] = {}
    for pool, count in ((world.people, 4), (world.orgs, 2), (world.countries, 2), (world.places, 4)):
        for _ in range(count):
            key, kind, name = world.pick(pool)
            # Some documents call a person by the surname only: an alias in the corpus graph.
            shown = name.split()[-1] if kind == "Person" and rng.random() < 0.2 else name
            entities[key] = (kind, shown)
    keys = list(entities)
    actors = [k for k in keys if entities[k][0] in ("Person", "Organization")]
    places = [k for k in keys if entities[k][0] in ("Place", "Country")]
    # The text: sentences "<Actor> <verb> <someone> in <place>.", with the offsets of every name.
    parts: list[str] = []
    mentions: list[tuple[int, int, str]] = []
    sentences: list[tuple[int, int, int, tuple[str, str, str]]] = []  # start, end, trigger start, arguments
    position = 0

    def put(piece: str) -> int:
        nonlocal position
        parts.append(piece)
        position += len(piece)
        return position - len(piece)

    def mention(key: str) -> None:
        begin = put(entities[key][1])
        mentions.append((begin, position, key))

    for _ in range(12):
        start = put(word(rng, 3) + " said ")
        who, whom, where = rng.choice(actors), rng.choice(keys), rng.choice(places)
        mention(who)
        put(" ")
        trigger = put("struck")
        put(" ")
        mention(whom)
        put(" in ")
        mention(where)
        sentences.append((start, put(".") + 1, trigger, (who, whom, where)))
        put(" ")
    text = "".join(parts)
    add(doc, RDF_TYPE, n(KG + "Document"))
    add(doc, RDF_TYPE, n(NIF + "Context"))
    add(doc, DCT + "identifier", lit(f"synthetic-{index:06d}"))
    add(doc, KG + "sha256", lit(f"{rng.getrandbits(256):064x}"))
    add(doc, NIF + "isString", lit(text))
    add(doc, DCT + "title", lit(text[sentences[0][0] : sentences[0][1]]))
    day = f"20{rng.randrange(15, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    add(doc, DCT + "issued", lit(day, "date"))
    add(doc, DCT + "source", n(f"https://example.org/news/{index}"))

    def span(start: int, end: int, kind: str) -> ox.NamedNode:
        node = n(f"{doc_iri}#char={start},{end}")
        add(node, RDF_TYPE, n(kind))
        add(node, NIF + "anchorOf", lit(text[start:end]))
        add(node, NIF + "beginIndex", lit(start, "nonNegativeInteger"))
        add(node, NIF + "endIndex", lit(end, "nonNegativeInteger"))
        add(node, NIF + "referenceContext", doc)
        return node

    def name_in_document(key: str, kind: str, shown: str) -> None:
        add(n(ID + key), RDF_TYPE, n(KG + kind))
        add(n(ID + key), KG + "nameInDocument", lit(shown))
        corpus["names"][key][shown] += 1
        corpus["docs"][key] += 1
        # The country it counts under (kg:inCountry): its own kg:country, or itself for a country.
        corpus["in_country"][key] = key if kind == "Country" else world.countries[world.home[key]][0]

    for key, (kind, shown) in list(entities.items()):
        node = n(ID + key)
        name_in_document(key, kind, shown)
        if kind == "Country":
            add(node, KG + "isoCode", lit(key[-4:]))
            continue
        home, home_kind, home_name = world.countries[world.home[key]]
        if home not in entities:  # a country named only through a link, as the mapping writes it
            entities[home] = (home_kind, home_name)
            name_in_document(home, home_kind, home_name)
            add(n(ID + home), KG + "isoCode", lit(home[-4:]))
        add(node, KG + "country", n(ID + home))
        if kind == "Place":
            add(node, KG + "locatedIn", n(ID + home))
            add(node, OWL_SAME, n(f"https://sws.geonames.org/{zlib.crc32(key.encode()) % 10_000_000}/"))
    for start, end, key in mentions:
        add(span(start, end, KG + "Mention"), ITSRDF, n(ID + key))
        corpus["mentions"][key] += 1
    people = [k for k in keys if entities[k][0] == "Person"]
    people = [k for k in keys if entities[k][0] == "Person"]
    events = []
    for e in range(6):
        cls = rng.choice(EVENT_CLASSES)
        event = n(f"{ID}event/synthetic-{index:06d}_{e}_{cls.lower()}")
        events.append((event, cls))
        start, end, trigger, (who, whom, where) = sentences[e]
        add(event, RDF_TYPE, n(KG + cls))
        add(event, RDF_TYPE, n(KG + "Event"))
        add(event, KG + "trigger", span(trigger, trigger + len("struck"), KG + "Mention"))
        add(event, KG + "evidence", span(start, end, NIF + "Sentence"))
        add(event, KG + "confidence", lit(f"0.{rng.randrange(50, 99)}", "decimal"))
        add(event, PROV, doc)
        add(event, KG + "agent", n(ID + who))
        role = {"Meeting": "participant", "Killing": "victim", "Injury": "victim", "Kidnapping": "victim"}.get(cls)
        add(event, KG + (role or "target"), n(ID + whom))
        add(event, KG + "place", n(ID + where))
        if rng.random() < 0.6:
            add(event, KG + "time", lit(day, "date"))
            add(event, KG + "timeText", lit("on " + day))
        if cls in ("Killing", "Bombing") and rng.random() < 0.7:
            add(event, KG + "killedCount", lit(rng.randrange(1, 40), "nonNegativeInteger"))
        if rng.random() < 0.05:
            add(event, KG + "modality", lit("hypothetical"))
    for claim, cls in events:
        if cls == "ClaimOfResponsibility":
            add(claim, KG + "claims", rng.choice(events)[0])
    if people and rng.random() < 0.5:
        person = rng.choice(people)
        role = n(f"{ID}role/{person.replace('/', '_')}_{index}")
        add(role, RDF_TYPE, n(KG + "Role"))
        add(role, RDFS_LABEL, lit(rng.choice(TITLES)))
        add(role, KG + "roleOf", n(f"{ID}country/C{world.home[person]:03d}"))
        add(role, KG + "evidence", span(sentences[0][0], sentences[0][1], NIF + "Sentence"))
        add(role, KG + "confidence", lit("0.8", "decimal"))
        add(n(ID + person), KG + "holdsRole", role)
    return list(dict.fromkeys(quads))


def corpus_quads(corpus: dict) -> list[ox.Quad]:
    """Labels, aliases, counts and the country each entity counts under, as kg.store.corpus computes them."""
    graph = n(ID + "graph/corpus")
    quads = []
    for key, names in corpus["names"].items():
        node = n(ID + key)
        label = min(names, key=lambda name: (-names[name], -len(name), name))
        quads.append(ox.Quad(node, n(RDFS_LABEL), lit(label), graph))
        for other in sorted(set(names) - {label}):
            quads.append(ox.Quad(node, n(SKOS_ALT), lit(other), graph))
        if corpus["mentions"][key]:  # a country named only as a home country is in no sentence: no count
            quads.append(ox.Quad(node, n(KG + "mentionCount"), lit(corpus["mentions"][key], "integer"), graph))
        quads.append(ox.Quad(node, n(KG + "documentCount"), lit(corpus["docs"][key], "integer"), graph))
        quads.append(ox.Quad(node, n(KG + "inCountry"), n(ID + corpus["in_country"][key]), graph))
    return quads


def generate(path: Path, triples: int, seed: int) -> int:
    rng = random.Random(seed)
    world = World(rng, size=max(1000, triples // 40))
    corpus = {"names": defaultdict(Counter), "docs": Counter(), "mentions": Counter(), "in_country": {}}
    written, index = 0, 0
    with path.open("wb") as out:
        # Stop when the documents plus the corpus graph (label, aliases, counts and country of each entity)
        # reach the target.
        while written + sum(2 + len(v) + bool(corpus["mentions"][k]) for k, v in corpus["names"].items()) < triples:
            quads = document(world, index, corpus)
            ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
            written += len(quads)
            index += 1
        corpus_part = corpus_quads(corpus)
        ox.serialize(corpus_part, out, ox.RdfFormat.N_QUADS)
    total = written + len(corpus_part)
    print(f"{path}: {total} quads, {index} documents, {len(corpus['names'])} entities")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/newskg-1m.nq"))
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    generate(args.out, args.triples, args.seed)


if __name__ == "__main__":
    main()
