"""Which entity a user means by a name: by label, else by alias, else by part of a label."""

from __future__ import annotations

from kg.analysis.read import GraphData
from kg.names.normalize import normalize_key


def find_entities(data: GraphData, name: str) -> list[str]:
    """The entities a user means by ``name``: those labelled so (any case), else those with
    it as an alias, else those whose label contains it; in IRI order.

    >>> import pyoxigraph as ox
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> find_entities(read_graph(store), "mosul"), find_entities(read_graph(store), "briga")
    (['http://x/mosul'], ['http://x/brigade'])
    """
    wanted = normalize_key(name)
    entities = sorted(data.entities.values(), key=lambda e: e.iri)
    for matches in (
        lambda e: normalize_key(e.label) == wanted,
        lambda e: wanted in (normalize_key(a) for a in e.aliases),
        lambda e: wanted in normalize_key(e.label),
    ):
        found = [e.iri for e in entities if matches(e)]
        if found:
            return found
    return []


class UnknownEntity(ValueError):
    """A name that means no entity, or several (listed in the message)."""


def resolve_entity(data: GraphData, name: str, among=None) -> str:
    """The one entity ``name`` means (see :func:`find_entities`), optionally only among the nodes of ``among``.

    >>> import pyoxigraph as ox
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> resolve_entity(read_graph(store), "ALI")
    'http://x/ali'
    """
    matches = [iri for iri in find_entities(data, name) if among is None or iri in among]
    if not matches:
        raise UnknownEntity(f"{name!r}: no entity of that name (labels and aliases are searched)")
    if len(matches) > 1:
        listed = ", ".join(f"{data.entities[m].label} ({data.entities[m].type})" for m in matches[:10])
        raise UnknownEntity(f"{name!r} names {len(matches)} entities: {listed}; give a longer name")
    return matches[0]
