"""Where the ontology's files are: package data of ``kg``, found through ``importlib.resources``.

The files live in ``kg/ontology/`` (so that an installed wheel carries them); the
top-level ``ontology/`` of the checkout is a symbolic link to that folder, for
people who look for it there. Nothing else in the package builds a path to them.

>>> ontology_file("newskg.ttl").name
'newskg.ttl'
>>> "events" in ready_query_names()
True
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ONTOLOGY = "newskg.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"
QUERIES = "queries"


def ontology_file(*parts: str) -> Path:
    """The path of a file (or folder) of the ontology, e.g. ``ontology_file("queries", "events.rq")``."""
    # A normal (unzipped) install gives a real directory, which pyoxigraph and pySHACL need.
    return Path(str(files("kg").joinpath("ontology", *parts)))


def ready_query_names() -> list[str]:
    """The names of the ready queries (``kg query --ready NAME``), sorted."""
    return sorted(path.stem for path in ontology_file(QUERIES).glob("*.rq"))


__all__ = ["CONTEXT", "ONTOLOGY", "QUERIES", "SHAPES", "ontology_file", "ready_query_names"]
