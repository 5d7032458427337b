"""Incremental incidents equal a recomputation: random adds, replacements and removals on synthetic
document graphs (no spaCy), each step compared with indexing the same documents at once."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pyoxigraph as ox

from kg.incidents import update_incidents
from kg.incidents.corpus import incident_layer
from kg.incidents.index import INDEX_FILE, IncidentIndex
from kg.rdf.iri import mint
from kg.rdf.mapping import document_iri
from kg.store.corpus import corpus_graph
from kg.store.embedded import EmbeddedStore

KG = "https://w3id.org/newskg/ontology#"
DCT = "http://purl.org/dc/terms/"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TEXT = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")
DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
WORDS = [f"word{i}" for i in range(400)]


def k(name: str) -> ox.NamedNode:
    return ox.NamedNode(KG + name)


def report(rng: random.Random, key: str, story: tuple) -> list[ox.Quad]:
    """A document telling ``story`` (text, day, place, agent), dated or not, with a publisher or not."""
    text, day, place, agent = story
    graph = ox.NamedNode(str(document_iri(key)))
    quads = [(graph, TYPE, k("Document")), (graph, TEXT, ox.Literal(text))]
    if rng.random() < 0.8:
        quads.append((graph, ox.NamedNode(DCT + "issued"), ox.Literal(day.isoformat(), datatype=DATE)))
    if rng.random() < 0.7:
        quads.append((graph, ox.NamedNode(DCT + "publisher"), ox.Literal(f"Outlet {rng.randrange(4)}")))
    city = ox.NamedNode(str(mint("place", f"town {place}")))
    quads += [(city, TYPE, k("Place"))]
    group = ox.NamedNode(str(mint("organization", f"band {agent}")))
    for n, cls in enumerate(rng.sample(["Bombing", "Killing", "Attack", "Meeting"], rng.randrange(1, 3))):
        event = ox.NamedNode(str(mint("event", f"{key} {n} {cls} {rng.random()}")))
        quads += [(event, TYPE, k(cls)), (event, TYPE, k("Event")), (event, k("place"), city)]
        if rng.random() < 0.6:
            quads.append((event, k("time"), ox.Literal((day - timedelta(rng.randrange(2))).isoformat(), datatype=DATE)))
        if rng.random() < 0.6:
            quads.append((event, k("agent"), group))
    return [ox.Quad(s, p, o, graph) for s, p, o in quads]


def story(rng: random.Random, stories: list[tuple]) -> tuple:
    """A new story, or another outlet's copy of a told one (a line added)."""
    if stories and rng.random() < 0.35:
        text, day, place, agent = rng.choice(stories)
        return (text + " More details were not given.", day, place, agent)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60)))
    made = (text, date(2025, 1, 1) + timedelta(rng.randrange(12)), rng.randrange(3), rng.randrange(3))
    stories.append(made)
    return made


def layer(store: EmbeddedStore) -> set:
    return incident_layer(store, ox.NamedNode(str(corpus_graph(store.base))))


def test_every_step_equals_indexing_the_documents_at_once(tmp_path) -> None:
    for seed in range(5):
        rng = random.Random(seed)
        store = EmbeddedStore(tmp_path / f"steps-{seed}")
        stories: list[tuple] = []
        graphs: dict[str, list[ox.Quad]] = {}
        for step in range(8):
            added, removed = [], []
            for n in range(rng.randint(1, 6)):  # new documents
                key = f"s{seed}-{step}-{n}"
                graphs[key] = report(rng, key, story(rng, stories))
                added.append(key)
            for key in rng.sample(sorted(set(graphs) - set(added)), min(2, len(graphs) - len(added))):
                if rng.random() < 0.5:  # replaced: new text and events under the same document
                    store.remove_graphs([graphs[key][0].graph_name.value])
                    graphs[key] = report(rng, key, story(rng, stories))
                    added.append(key)
                else:
                    store.remove_graphs([graphs[key][0].graph_name.value])
                    removed.append(graphs.pop(key)[0].graph_name.value)
            for key in added:
                store.ox.extend(graphs[key])
            update_incidents(store, added=[graphs[key][0].graph_name.value for key in added], removed=removed)
            # The same documents indexed at once, in the order of storing the stepwise index keeps.
            index = IncidentIndex(store.path / INDEX_FILE)
            order = index.storing_order()
            index.close()
            once = EmbeddedStore(tmp_path / f"once-{seed}-{step}")
            for quads in graphs.values():
                once.ox.extend(quads)
            update_incidents(once, added=sorted(order, key=order.get))
            assert layer(store) == layer(once), (seed, step)
            once.close()
        store.close()
