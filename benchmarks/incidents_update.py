"""Adding one document to a store of N documents: time to update duplicates and incidents.

A synthetic store (no spaCy): N document graphs in the newskg vocabulary, each with a date,
a publisher, a text of 60-120 words and two events (a bombing and the killing it caused, at one
of 300 places in 30 countries, on one of 730 days, by one of 60 agents); one document in 20 is a
syndicated copy of an earlier one with a line added. The whole store is indexed once
(``update_incidents`` on a store without an index), then one new document (a copy of a stored
report, so it has a near-duplicate and joins an incident) is written and ``update_incidents``
is timed for it alone.

    .venv/bin/python benchmarks/incidents_update.py --documents 10000 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta

import pyoxigraph as ox

from kg.incidents import update_incidents
from kg.rdf.iri import mint
from kg.rdf.mapping import document_iri
from kg.store.embedded import EmbeddedStore

KG = "https://w3id.org/newskg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT = "http://purl.org/dc/terms/"
NIF_STRING = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
WORDS = [f"w{i}" for i in range(5000)]


def k(name: str) -> ox.NamedNode:
    return ox.NamedNode(KG + name)


def document(rng: random.Random, n: int, text: str, day: date, place: int, agent: int) -> tuple:
    graph = ox.NamedNode(str(document_iri(f"d{n}")))
    quads = [
        (graph, RDF_TYPE, k("Document")),
        (graph, k("sha256"), ox.Literal(f"{n:064x}")),
        (graph, ox.NamedNode(DCT + "issued"), ox.Literal(day.isoformat(), datatype=XSD_DATE)),
        (graph, ox.NamedNode(DCT + "publisher"), ox.Literal(f"Outlet {rng.randrange(40)}")),
        (graph, NIF_STRING, ox.Literal(text)),
    ]
    city = ox.NamedNode(str(mint("place", f"city {place}")))
    country = ox.NamedNode(str(mint("country", f"C{place % 30}", casefold=False)))
    quads += [(city, RDF_TYPE, k("Place")), (city, k("locatedIn"), country), (country, RDF_TYPE, k("Country"))]
    agent_iri = ox.NamedNode(str(mint("organization", f"group {agent}")))
    for offset, cls in ((0, "Bombing"), (1, "Killing")):
        event = ox.NamedNode(str(mint("event", f"d{n} {offset} {cls}")))
        quads += [
            (event, RDF_TYPE, k(cls)),
            (event, RDF_TYPE, k("Event")),
            (event, k("time"), ox.Literal(day.isoformat(), datatype=XSD_DATE)),
            (event, k("place"), city),
            (event, k("agent"), agent_iri),
            (event, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), graph),
        ]
    return graph, [ox.Quad(s, p, o, graph) for s, p, o in quads]


def synthetic(store: EmbeddedStore, count: int, rng: random.Random) -> list[tuple]:
    start = date(2024, 1, 1)
    made = []
    graphs = {}
    for n in range(count):
        if made and n % 20 == 19:
            text, day, place, agent = rng.choice(made)
            text += " Officials gave no further details."
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 120)))
            day, place, agent = start + timedelta(days=rng.randrange(730)), rng.randrange(300), rng.randrange(60)
        made.append((text, day, place, agent))
        graph, quads = document(rng, n, text, day, place, agent)
        graphs[graph] = quads
    store.bulk_add_graphs(graphs)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(13)
    store = EmbeddedStore(tempfile.mkdtemp(prefix="kg-incidents-bench-"))
    made = synthetic(store, args.documents, rng)
    started = time.perf_counter()
    first = update_incidents(store)
    print(
        f"indexed {first.documents_indexed} documents: {time.perf_counter() - started:.1f} s "
        f"({first.incidents_written} incidents, {first.duplicates_changed} duplicates)"
    )
    times = []
    for i in range(args.repeat):
        text, day, place, agent = made[rng.randrange(len(made))]
        graph, quads = document(rng, args.documents + i, text + " A line added.", day, place, agent)
        store.ox.extend(quads)
        started = time.perf_counter()
        report = update_incidents(store, added=[graph.value])
        times.append(time.perf_counter() - started)
        print(
            f"added 1 document to {args.documents + i}: {times[-1] * 1000:.0f} ms "
            f"(duplicates changed {report.duplicates_changed}, events regrouped {report.events_regrouped}, "
            f"incidents written {report.incidents_written})"
        )
    print(f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {len(times)}")


if __name__ == "__main__":
    main()
