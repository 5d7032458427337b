"""``kg build``: sources -> documents -> extractions -> resolved -> quads -> store and files.

Documents stream through every stage; only counters are kept for the summary.
"""

from __future__ import annotations

import functools
import gc
import importlib
import json
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.extract.lexicon import event_class_names
from kg.extract.runner import open_extractor
from kg.ingest import Notice, Skipped, read_sources
from kg.model import ENTITY_TYPES, Document
from kg.rdf.mapping import document_iri, document_quads
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve import resolve
from kg.resolve.identity import CorpusIdentity
from kg.store.corpus import count_by_class, entities_in, refresh_corpus_facts
from kg.store.embedded import EmbeddedStore, GraphWriter
from kg.store.export import export_all
from kg.store.export_stream import StreamingExport

OUTPUT_FILES = {"ttl": "graph.ttl", "nq": "graph.nq"}
# Tracebacks of unexpected errors met by single documents (the console gets one line each).
ERRORS_LOG = "errors.log"
CORPUS_PENDING = "kg-corpus-pending"  # beside the store: see build()
# The collector's thresholds while a build runs. The writer makes many small objects that live for
# the whole build (identity indexes, records, quads), and by default each full collection walks all
# of them again: 12 % of the writer's CPU on 1,040 documents (1.5 s, against 0.3 s with these;
# benchmarks/README.md, "Parallel builds"). Cycles are rare here, so fewer collections cost little memory.
BUILD_GC_THRESHOLD = (50_000, 20, 100)
# What only the end of a build needs (incidents: MinHash and its LSH import SciPy, ~0.5 s), imported in
# a thread while the extraction starts, instead of before the workers are started or after the last document.
END_OF_BUILD_MODULES = ("kg.incidents",)


def _import_in_background(modules: Iterable[str]) -> threading.Thread:
    thread = threading.Thread(target=lambda: [importlib.import_module(m) for m in modules], daemon=True)
    thread.start()
    return thread


def _log_error(log: Path, document: Document, error: Exception) -> str:
    """Append the traceback of ``error`` to ``log``; returns the one-line reason for the summary."""
    with log.open("a", encoding="utf-8") as stream:
        stream.write(f"--- document {document.id} ({document.source or 'no source'})\n")
        stream.write("".join(traceback.format_exception(error)))
    return f"internal error {error.__class__.__name__}: {str(error)[:200]} (traceback in {log})"


@dataclass
class BuildSummary:
    documents_built: int = 0
    documents_unchanged: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    # Metadata repaired or dropped in inputs that were still built (a bad URL, a title that is no text).
    notices: list[dict[str, str]] = field(default_factory=list)
    entities_by_type: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    quads: int = 0  # in the whole store after the build
    seconds: float = 0.0
    model: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    # Export files in --out that this run left as they were (an update without --export): older than the store.
    stale: list[str] = field(default_factory=list)
    # With validate=True: {"conforms", "violations", "by_message"} of the graphs this run wrote.
    validation: dict | None = None

    def skipped_by_kind(self) -> dict[str, int]:
        return dict(Counter(item["kind"] for item in self.skipped).most_common())

    @property
    def triples(self) -> int:
        """The old name of :attr:`quads` (summary.json keeps both keys for a release)."""
        return self.quads

    @property
    def documents_read(self) -> int:
        return self.documents_built + self.documents_unchanged

    def to_json(self) -> str:
        data = asdict(self)
        data["documents_read"] = self.documents_read
        data["triples"] = self.quads  # deprecated key: the same count as "quads"
        data["skipped_by_kind"] = self.skipped_by_kind()
        return json.dumps(data, indent=2, ensure_ascii=False)


def _fewer_collections(function: Callable) -> Callable:
    """Run ``function`` with the collector's thresholds at BUILD_GC_THRESHOLD, then as they were."""

    @functools.wraps(function)
    def with_fewer_collections(*args, **kwargs):
        before = gc.get_threshold()
        gc.set_threshold(*BUILD_GC_THRESHOLD)
        try:
            return function(*args, **kwargs)
        finally:
            gc.set_threshold(*before)

    return with_fewer_collections


@_fewer_collections
def build(
    sources: Iterable[str],
    out_dir: str | Path = "kg-out",
    model: str | None = None,
    base: str = DEFAULT_BASE,
    batch_size: int = 32,
    on_document: Callable[[Document], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_notice: Callable[[Notice], None] | None = None,
    store_dir: str | Path | None = None,
    force: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    export_files: bool | None = None,
    validate: bool = False,
) -> BuildSummary:
    """Build (or update) the graph in ``out_dir`` from ``sources``; see the README.
    The embedded store is ``store_dir`` (a store kept elsewhere, grown run after run), else ``out_dir/store``.
    A stored document is extracted again when its text or the extractor changed, or with ``force``.
    Extraction runs in ``workers`` processes (None: one per core, capped; 1: this process), or on the
    Dask cluster whose scheduler is at ``scheduler``; this process resolves and writes, in input order.
    graph.ttl and graph.nq are written when ``export_files`` is True, or when it is None and this run
    created the store (an update costs what changed, not a rewrite of the whole store into files).
    ``validate`` checks the document graphs written and the corpus facts against the SHACL shapes."""
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    store_path = Path(store_dir or out / "store")
    created = not store_path.exists() or not any(store_path.iterdir())
    store = EmbeddedStore(store_path, base=base)
    extraction = open_extractor(model, workers=workers, scheduler=scheduler, batch_size=batch_size)
    summary = BuildSummary()

    def note(item: Notice) -> None:
        summary.notices.append({"source": item.source, "message": item.message})
        if on_notice:
            on_notice(item)

    def skip(item: Skipped) -> None:
        summary.skipped.append({"source": item.source, "reason": item.reason, "kind": item.kind})
        if on_skip:
            on_skip(item)

    def reported(item: object) -> bool:
        """Whether ``item`` is a Notice or a Skipped (then noted in the summary), not a document."""
        if isinstance(item, Notice):
            note(item)
        elif isinstance(item, Skipped):
            skip(item)
        else:
            return False
        return True

    def new_documents() -> Iterator[Document]:
        seen: dict[str, str] = {}
        for item in read_sources(sources):
            if reported(item):
                continue
            if item.id in seen:
                skip(
                    Skipped(
                        item.source or item.id,
                        f"duplicate document id {item.id!r} (also in {seen[item.id]})",
                        "duplicate",
                    )
                )
                continue
            seen[item.id] = item.source or item.id
            graph = document_iri(item.id, base)
            if (
                not force
                and store.document_sha256(graph) == item.sha256
                and store.document_extractor(graph) == extracted_by
            ):
                summary.documents_unchanged += 1
                if on_document:
                    on_document(item)
                continue
            yield item

    # Cross-document identity consults the nodes already stored (short forms, homonyms).
    identity = CorpusIdentity.from_store(store, base)
    built = []
    affected: set = set()  # entities whose corpus facts an update redoes
    # Present while graphs are written and their corpus facts not yet redone: a build stopped in between
    # (Ctrl-C, a crash) leaves it, and the next build redoes every entity's facts, not only its own.
    pending = store.path / CORPUS_PENDING
    whole_corpus = created or pending.exists()
    pending.touch()
    end_imports = _import_in_background(END_OF_BUILD_MODULES)
    written = export_files or (export_files is None and created)
    targets = {fmt: out / name for fmt, name in OUTPUT_FILES.items()} if written else {}
    # A new store's files are written as its documents are stored, not read back from it at the end.
    streamed = StreamingExport(targets) if created and targets else nullcontext()
    with streamed as files:
        with extraction as extractor, GraphWriter(store) as writer:
            summary.model = extractor.description["label"]
            extracted_by = extractor.description["extractor"]
            for item in extractor.extract(new_documents()):
                if reported(item):
                    continue
                try:
                    resolved = identity.resolve(resolve(item))
                    graph, quads = document_quads(resolved, base)
                except Exception as error:  # noqa: BLE001  (a bug met by one document costs that document only)
                    reason = _log_error(out / ERRORS_LOG, item.doc, error)
                    skip(Skipped(item.doc.source or item.doc.id, reason, "internal"))
                    continue
                if not whole_corpus and store.ox.contains_named_graph(graph):
                    # A replaced document: the entities its old version named have their corpus facts redone too.
                    affected |= entities_in(store, [graph.value])
                writer.write(graph, quads)
                if files:
                    files.add(graph, quads)
                built.append(graph.value)
                identity.record(resolved)
                summary.documents_built += 1
                if on_document:
                    on_document(item.doc)
        # A new store gets its corpus facts in one pass; an update redoes those of the entities it touched.
        refresh_corpus_facts(store, None if whole_corpus else affected | entities_in(store, built))
        pending.unlink()  # the facts are committed (Oxigraph's write-ahead log keeps them through a crash)
        end_imports.join()
        from kg.incidents import update_incidents

        update_incidents(store, added=built)
        store.flush()
        summary.entities_by_type = count_by_class(store, ENTITY_TYPES)
        summary.events_by_type = count_by_class(store, event_class_names())
        if validate:
            summary.validation = _validation(store, built)
        exported = (files and files.finish(store)) or export_all(store, targets)
    summary.outputs.update({fmt: str(path) for fmt, path in exported.items()})
    summary.stale += [str(out / name) for name in OUTPUT_FILES.values() if not written and (out / name).exists()]
    summary.outputs["store"] = str(store.path)
    summary.quads = len(store)
    store.close()  # the next writer (another build, kg remove) may open it at once
    summary.seconds = round(time.perf_counter() - started, 2)
    summary_path = out / "summary.json"
    summary.outputs["summary"] = str(summary_path)
    summary_path.write_text(summary.to_json() + "\n", encoding="utf-8")
    return summary


def _validation(store: EmbeddedStore, graphs: list[str]) -> dict:
    from kg.store.validate import validate_store  # pySHACL is loaded only when asked for

    # Through the writer's own handle: a read-only RocksDB handle opened beside a live writer can
    # find the files of a finished compaction gone ("Corruption: ... No such file"). Whatever the
    # validation leaves referring to the handle is collected by store.close().
    report = validate_store(store.ox, documents=graphs)
    return {
        "conforms": report.conforms,
        "violations": len(report.violations),
        "by_message": dict(report.by_message().most_common()),
    }
