"""Fixed SPARQL text lives in ``.rq`` files beside the code that runs it; this reads one.

>>> "SELECT" in sparql_text("kg.store", "queries/corpus-names.rq")
True
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def sparql_text(package: str, name: str) -> str:
    """The text of the ``.rq`` file ``name`` (a path relative to ``package``'s folder): call it with
    ``__package__`` from the module that runs the query, e.g. ``sparql_text(__package__, "queries/x.rq")``."""
    return files(package).joinpath(name).read_text(encoding="utf-8")


__all__ = ["sparql_text"]
