"""Generate large corpora in the shape ``kg build`` writes, for timing the commands users run on them.

Two shapes, both from invented articles (no development data):

* ``shared-role``: every document says the same role ("President Orlan Veski of Kenya"),
  so one role node, one person and one country are stated by every document: the case
  that joined evidence document x document (issue 16);
* ``shared-entity``: documents each name a few entities drawn with a skew from a pool,
  so a few entities are in many documents, as in news.

A handful of template articles go through the real pipeline once (``kg.build``); each
generated document is a copy of one template's graph under a new document IRI (its
mentions, sentences, events and statements renamed with it, entities and roles shared),
with its own publication date. The copies are bulk-loaded into a new store and the corpus
facts, duplicates and incidents computed, exactly as a build does. Deterministic for a given ``--documents``.

    python benchmarks/scale/corpus.py --shape shared-role --documents 1000 --out /tmp/scale/role-1k
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/newskg/id/"
ISSUED = ox.NamedNode("http://purl.org/dc/terms/issued")
IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
# IRIs minted per document (renamed in each copy); everything else (entities, roles) is shared.
PER_DOCUMENT = (f"{ID}doc/", f"{ID}event/", f"{ID}statement/")

SHARED_ROLE = [
    "Kenyan President Orlan Veski met Prime Minister Ildra Hosk of Ghana in Pellaston on Monday. "
    "President Orlan Veski of Kenya said the talks were useful.\n\n"
    "Militants attacked a police post in Corvado, killing three officers, the interior ministry said.",
    "President Orlan Veski of Kenya visited Corvado on Tuesday after the bombing of a market there. "
    "Police arrested two men in Pellaston, the Kenyan Interior Ministry said.",
    "Kenyan President Orlan Veski condemned the kidnapping of five workers near Brisk. "
    "The Ghanaian Foreign Minister Kesto Amvar met Orlan Veski in Brisk.",
]
SHARED_ENTITY_NAMES = [
    ("Vardo Peltan", "the Kessan army", "Chile", "Otrava"),
    ("Mila Drosk", "the Ulvar Front", "Peru", "Semmen"),
    ("Tomas Relk", "the Borean police", "Bolivia", "Lindkar"),
    ("Anja Vilt", "the Northern Guard", "Chile", "Frenholt"),
    ("Pavo Strenk", "the Coastal Brigade", "Peru", "Marsk"),
]


def shared_entity_articles() -> list[str]:
    texts = []
    for i, (person, group, country, city) in enumerate(SHARED_ENTITY_NAMES):
        other = SHARED_ENTITY_NAMES[(i + 1) % len(SHARED_ENTITY_NAMES)]
        texts.append(
            f"Fighters of {group} attacked a checkpoint in {city}, {country}, on Sunday, killing four soldiers. "
            f"{person}, a commander of {group}, said the group carried out the attack.\n\n"
            f"{other[0]} met {person} in {other[3]} on Monday. Police in {city} arrested three men."
        )
    return texts


def template_graphs(texts: list[str], work: Path) -> list[list[ox.Quad]]:
    """Build the template articles with the real pipeline; the quads of each document graph."""
    import kg

    sources = work / "templates"
    sources.mkdir(parents=True)
    for i, text in enumerate(texts):
        (sources / f"template-{i}.txt").write_text(f"Template article {i}\n\n{text}\n", encoding="utf-8")
    kg.build([str(sources)], str(work / "build"))
    store = ox.Store.read_only(str(work / "build" / "store"))
    graphs = [g for g in store.named_graphs() if g.value.startswith(f"{ID}doc/")]
    return [list(store.quads_for_pattern(None, None, None, g)) for g in sorted(graphs, key=lambda g: g.value)]


def _rename(term, suffix: str):
    if isinstance(term, ox.NamedNode):
        for prefix in PER_DOCUMENT:
            if term.value.startswith(prefix):
                head, _, fragment = term.value.partition("#")
                return ox.NamedNode(f"{head}-{suffix}" + (f"#{fragment}" if fragment else ""))
    return term


def copy_graph(quads: list[ox.Quad], number: int, day: date) -> list[ox.Quad]:
    """One template's graph as document ``number``, published on ``day``."""
    suffix = f"c{number:06d}"
    graph = _rename(quads[0].graph_name, suffix)
    copied = []
    for q in quads:
        if q.predicate == ISSUED:
            continue
        obj = q.object
        if q.predicate == IDENTIFIER:
            obj = ox.Literal(f"{obj.value}-{suffix}")
        copied.append(ox.Quad(_rename(q.subject, suffix), q.predicate, _rename(obj, suffix), graph))
    document = next(q.subject for q in copied if q.predicate == IDENTIFIER)
    copied.append(ox.Quad(document, ISSUED, ox.Literal(day.isoformat(), datatype=XSD_DATE), graph))
    return copied


def generate(shape: str, documents: int, out: Path) -> Path:
    """Write a store of ``documents`` documents of ``shape`` under ``out/store``; returns the store path."""
    from kg.incidents import update_incidents
    from kg.store.corpus import refresh_corpus_facts
    from kg.store.embedded import EmbeddedStore

    texts = SHARED_ROLE if shape == "shared-role" else shared_entity_articles()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        templates = template_graphs(texts, Path(tmp))
    store = EmbeddedStore(out / "store")
    start = date(2024, 1, 1)
    batch: list[ox.Quad] = []
    for number in range(documents):
        batch += copy_graph(templates[number % len(templates)], number, start + timedelta(days=number % 700))
        if len(batch) > 200_000:
            store.ox.bulk_extend(batch)
            batch = []
    store.ox.bulk_extend(batch)
    refresh_corpus_facts(store)
    # Duplicates, incidents and source counts, as kg build leaves them: a new incident index beside the
    # store indexes every stored document (in the order of their IRIs, the order they were generated).
    update_incidents(store)
    store.flush()
    return out / "store"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", choices=("shared-role", "shared-entity"), default="shared-role")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    path = generate(args.shape, args.documents, args.out)
    print(f"{args.documents} {args.shape} documents in {path} ({len(ox.Store.read_only(str(path)))} quads)")


if __name__ == "__main__":
    main()
