"""Where a build's CPU goes, stage by stage, in one process (CPU seconds: the neighbours' load moves them little).

On the same texts as ``benchmarks/parallel_build.py`` (WikiEvents + Re-DocRED development
documents), one after the other in this process:

* raw ``spacy.load`` and raw ``nlp.pipe`` (the baseline);
* a worker's start (``load_pipeline``, and the first document, which builds the gazetteer index);
* a worker's work: ``extract_documents`` on batches of documents as dicts (what a worker is sent);
* the pipe between worker and writer: pickling the records (worker) and unpickling them (writer);
* the writer per document: ``resolve``, ``CorpusIdentity.resolve``, ``document_quads``, the store's writes;
* the writer once per build: corpus facts, incidents, the N-Quads and Turtle exports.

    python benchmarks/scale/build_costs.py [--profile writer|worker]
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parallel_build import SHARED, texts  # noqa: E402

from kg.extract.parallel import PipelineWorker, extract_documents  # noqa: E402
from kg.extract.pipeline import default_model  # noqa: E402
from kg.incidents import update_incidents  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.rdf.mapping import document_quads  # noqa: E402
from kg.rdf.namespaces import DEFAULT_BASE  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.resolve.identity import CorpusIdentity  # noqa: E402
from kg.store.corpus import refresh_corpus_facts  # noqa: E402
from kg.store.embedded import EmbeddedStore, GraphWriter  # noqa: E402
from kg.store.export import export  # noqa: E402


class Stage:
    """CPU seconds of this process spent inside the block, added to ``costs[name]``."""

    def __init__(self, costs: dict[str, float], name: str):
        self.costs, self.name = costs, name

    def __enter__(self) -> Stage:
        self.started = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.costs[self.name] = self.costs.get(self.name, 0.0) + time.process_time() - self.started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--profile", choices=("writer", "worker"), help="cProfile this side, top 25 by own time")
    args = parser.parse_args()
    import spacy

    model = default_model()
    corpus = texts(SHARED)
    documents = [Document.from_text(t, id=f"doc{n}") for n, t in enumerate(corpus)]
    costs: dict[str, float] = {}
    with Stage(costs, "raw: spacy.load"):
        nlp = spacy.load(model)
    with Stage(costs, "raw: nlp.pipe"):
        for _ in nlp.pipe(corpus, batch_size=args.batch_size):
            pass
    del nlp
    with Stage(costs, "worker start: load_pipeline"):
        worker = PipelineWorker(model, args.batch_size)
    with Stage(costs, "worker start: first document (gazetteer index)"):
        extract_documents(worker, [Document.from_text("Lima is calm.", id="warm").to_dict()])
    batches = [documents[i : i + args.batch_size] for i in range(0, len(documents), args.batch_size)]
    profile = cProfile.Profile()
    records = []
    for batch in batches:
        with Stage(costs, "worker: Document.to_dict (writer side, per batch sent)"):
            sent = [d.to_dict() for d in batch]
        with Stage(costs, "pipe: pickle the batch sent (writer)"):
            payload = pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL)
        with Stage(costs, "pipe: unpickle the batch (worker)"):
            sent = pickle.loads(payload)
        if args.profile == "worker":
            profile.enable()
        with Stage(costs, "worker: extract_documents"):
            outcomes = extract_documents(worker, sent)
        profile.disable()
        with Stage(costs, "pipe: pickle the records (worker)"):
            payload = pickle.dumps(("done", outcomes), protocol=pickle.HIGHEST_PROTOCOL)
        with Stage(costs, "pipe: unpickle the records (writer)"):
            records += pickle.loads(payload)[1]
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        with Stage(costs, "writer: CorpusIdentity.from_store"):
            identity = CorpusIdentity.from_store(store, DEFAULT_BASE)
        built = []
        if args.profile == "writer":
            profile.enable()
        with GraphWriter(store) as writer:
            for record in records:
                with Stage(costs, "writer: resolve"):
                    resolved = resolve(record)
                with Stage(costs, "writer: identity.resolve"):
                    resolved = identity.resolve(resolved)
                with Stage(costs, "writer: document_quads"):
                    graph, quads = document_quads(resolved, DEFAULT_BASE)
                with Stage(costs, "writer: store write"):
                    writer.write(graph, quads)
                with Stage(costs, "writer: identity.record"):
                    identity.record(resolved)
                built.append(graph.value)
            with Stage(costs, "writer: store write"):
                writer.flush()
        profile.disable()
        with Stage(costs, "once: corpus facts"):
            refresh_corpus_facts(store)
        with Stage(costs, "once: incidents"):
            update_incidents(store, added=built)
            store.flush()
        for fmt in ("nq", "ttl"):
            with Stage(costs, f"once: export {fmt}"):
                export(store, Path(tmp) / f"graph.{fmt}", fmt)
        store.close()
    n = len(documents)
    print(f"{n} documents, model {model}, batch size {args.batch_size}; CPU seconds (ms per document)")
    for name, seconds in costs.items():
        print(f"  {name:58} {seconds:7.2f}  ({seconds / n * 1000:6.2f} ms)")
    for side in ("worker:", "pipe:", "writer:", "once:"):
        total = sum(s for k, s in costs.items() if k.startswith(side))
        print(f"  {'total ' + side:58} {total:7.2f}  ({total / n * 1000:6.2f} ms)")
    if args.profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
