"""Throughput of ``kg build`` with newskg's components against raw ``nlp.pipe`` of the same model.

Both runs read the same texts (every WikiEvents and Re-DocRED document of
../shared/data by default) and load their pipeline inside the timed section:

- raw: ``spacy.load(model)`` then ``nlp.pipe(texts)``, every Doc consumed;
- extract: ``load_pipeline(model)`` (the model plus newskg's entity, role and
  event components) then ``extract`` and ``resolve`` of every text to plain
  records: the whole extraction stage, without the store;
- build: ``kg.build.build`` with ``workers=1`` (extraction in this process) on a JSONL
  file of the same texts into a fresh output directory: newskg's components, resolution,
  RDF mapping, the Oxigraph store, corpus labels and the ttl/nq exports.

Run: ``.venv/bin/python benchmarks/entity_throughput.py [--repeat 3] [--components] [--wall]``;
it prints documents per second of each (best of the repeats, run interleaved) and the ratios,
in CPU seconds of the process by default (``--wall`` for wall-clock seconds).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import spacy

from kg.build import build
from kg.evaluate.readers import read_redocred, read_wikievents
from kg.extract.pipeline import default_model, extract, load_pipeline
from kg.model import Document
from kg.names import gazetteer, place_index
from kg.names.gazetteer import name_keys
from kg.resolve import resolve

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
# CPU seconds of this process (all its threads): on a machine shared with other jobs, wall-clock
# time measures the neighbours as much as the code. --wall switches to wall-clock time.
clock = time.process_time


def texts(shared: Path) -> list[str]:
    found = [d.text for d in read_wikievents(shared / "wikievents" / "dev.jsonl")]
    found += [d.text for d in read_redocred(shared / "redocred" / "dev.json")]
    return found


def time_raw(model: str, corpus: list[str], batch_size: int) -> float:
    started = clock()
    nlp = spacy.load(model)
    for _ in nlp.pipe(corpus, batch_size=batch_size):
        pass
    return clock() - started


def time_extract(model: str, corpus: list[str], batch_size: int) -> float:
    started = clock()
    nlp = load_pipeline(model)
    documents = (Document.from_text(text, id=f"doc{n}") for n, text in enumerate(corpus))
    for extraction in extract(documents, nlp, batch_size=batch_size):
        resolve(extraction)
    return clock() - started


def time_components(model: str, corpus: list[str], batch_size: int) -> dict[str, float]:
    """Seconds each pipeline component takes over the whole corpus, run one after the other."""
    nlp = load_pipeline(model)
    for cached in (name_keys, gazetteer._countries, place_index.candidates, place_index.has_key):
        cached.cache_clear()
    started = clock()
    _ = "" in name_keys()  # the gazetteer's indexes opened (the place index is built once per machine)
    seconds = {"gazetteer index (once)": clock() - started}
    docs = [nlp.make_doc(text) for text in corpus]
    for name, component in nlp.pipeline:
        started = clock()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = clock() - started
    return seconds


def time_build(model: str, corpus: list[str], batch_size: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for n, text in enumerate(corpus):
                out.write(json.dumps({"id": f"doc{n}", "text": text}) + "\n")
        started = clock()
        # One process (--workers 1): the CPU clock of this process sees all the work.
        summary = build([str(source)], Path(tmp) / "out", model=model, batch_size=batch_size, workers=1)
        seconds = clock() - started
        assert summary.documents_built == len(corpus), summary.to_json()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--components", action="store_true", help="Also time each pipeline component.")
    parser.add_argument("--wall", action="store_true", help="Wall-clock time instead of CPU time.")
    args = parser.parse_args()
    global clock
    clock = time.perf_counter if args.wall else time.process_time
    model = args.model or default_model()
    corpus = texts(args.shared)
    words = sum(len(t.split()) for t in corpus)
    timings: dict[str, list[float]] = {"raw": [], "extract": [], "build": []}
    for _ in range(args.repeat):  # interleaved, so a busy machine slows all three alike
        timings["raw"].append(time_raw(model, corpus, args.batch_size))
        timings["extract"].append(time_extract(model, corpus, args.batch_size))
        timings["build"].append(time_build(model, corpus, args.batch_size))
    raw, extracted, built = (min(timings[k]) for k in ("raw", "extract", "build"))
    unit = "wall-clock" if args.wall else "CPU"
    print(f"{len(corpus)} documents, {words} words, model {model}, best of {args.repeat}, {unit} seconds")
    print(f"raw nlp.pipe:            {raw:.2f} s, {len(corpus) / raw:.1f} documents/s")
    print(f"newskg extract+resolve:  {extracted:.2f} s, {len(corpus) / extracted:.1f} documents/s")
    print(f"kg build (with store):   {built:.2f} s, {len(corpus) / built:.1f} documents/s")
    print(f"ratio extract / raw: {raw / extracted:.2f}; ratio kg build / raw: {raw / built:.2f}")
    if args.components:
        for name, seconds in time_components(model, corpus, args.batch_size).items():
            print(f"  {name}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
