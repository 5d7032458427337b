"""Load an RDF file or another store into an embedded store.

Into a new, empty store the data goes through Oxigraph's bulk loader (many times
faster, but not transactional; N-Quads and N-Triples files in parallel parts, see
kg.store.bulk): that is safe because a failed bulk load leaves nothing worth keeping,
and the half-filled store is cleared. Corpus facts (labels,
counts) are recomputed when documents join others already stored, or when the
source brought none. Into a store that
already holds data, each graph is written in one transaction (replacing the graph
of the same name, or merged into it), so a failure never loses what was there.

>>> import tempfile
>>> from pathlib import Path
>>> data = Path(tempfile.mkdtemp()) / "g.nq"
>>> _ = data.write_text('<http://x/a> <http://x/p> "1" <http://x/g> .\\n')
>>> load_into_store(data, tempfile.mkdtemp())
LoadSummary(triples=1, graphs=1, bulk=True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import DEFAULT_BASE, KG
from kg.store.bulk import bulk_load_file
from kg.store.corpus import corpus_graph, refresh_corpus_facts
from kg.store.embedded import EmbeddedStore
from kg.store.sources import FILE_FORMATS, SourceError, open_source

DOCUMENT = ox.NamedNode(str(KG.Document))
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
IN_COUNTRY = ox.NamedNode(str(KG.inCountry))


@dataclass
class LoadSummary:
    triples: int
    graphs: int
    bulk: bool


def _bulk_load(source: Path, store: EmbeddedStore) -> None:
    try:
        if source.is_dir():
            store.ox.bulk_extend(open_source(source))
        else:
            fmt = FILE_FORMATS.get(source.suffix.lower())
            if fmt is None:
                raise SourceError(f"{source}: unknown RDF file type {source.suffix!r}")
            bulk_load_file(store.ox, source, fmt)
    except (SyntaxError, OSError) as error:
        store.ox.clear()
        raise SourceError(f"{source}: not loaded ({error}); the store was left empty") from None
    except BaseException:
        store.ox.clear()
        raise


def _transactional_load(source: Path, store: EmbeddedStore, merge: bool) -> None:
    data = open_source(source)
    graphs = list(data.named_graphs()) + [ox.DefaultGraph()]
    for graph in graphs:
        quads = list(data.quads_for_pattern(None, None, None, graph))
        if not quads:
            continue
        if merge or isinstance(graph, ox.DefaultGraph):
            store.ox.extend(quads)  # one transaction
        else:
            store.replace_graph_quads(graph, quads)


def load_into_store(
    source: str | Path, store_dir: str | Path, base: str = DEFAULT_BASE, merge: bool = False
) -> LoadSummary:
    """Load ``source`` (an RDF file or a store directory) into the embedded store at ``store_dir``."""
    source = Path(source)
    if not source.exists():
        raise SourceError(f"{source}: no such file or store directory")
    store = EmbeddedStore(store_dir, base=base)
    bulk = len(store) == 0
    if bulk:
        _bulk_load(source, store)
    else:
        _transactional_load(source, store, merge)
    corpus = ox.NamedNode(str(corpus_graph(base)))
    # Corpus facts are recomputed over the union when documents were added to others, or when the
    # source came without them (or from a version without kg:inCountry); a fresh load of a whole
    # kg export keeps its own, already consistent.
    has_documents = next(iter(store.ox.quads_for_pattern(None, RDF_TYPE, DOCUMENT, None)), None) is not None
    complete = next(iter(store.ox.quads_for_pattern(None, IN_COUNTRY, None, corpus)), None) is not None
    if has_documents and (not bulk or not complete):
        refresh_corpus_facts(store)
    store.flush()
    graphs = sum(1 for _ in store.ox.named_graphs())
    return LoadSummary(triples=len(store), graphs=graphs, bulk=bulk)
