"""What every ``kg`` command shares: the consoles, errors, deprecations, and the options that read alike.

The grammar, the same in every command:

- a graph SOURCE is the first argument: a store directory, an RDF file or an
  ``http(s)://`` SPARQL endpoint;
- ``--store DIR`` names an embedded store that the command writes or changes;
- ``-o/--out`` names what the command writes (a directory or a file);
- ``--format`` names an output format (``--json`` is kept as its alias where it was);
- ``--limit N`` shows at most N results; ``--batch-size N`` is documents per batch.

Old spellings keep working for one release; each prints one ``deprecated:`` line on stderr.

>>> parse_params(["name=Kemal Arslan", "?year=2025^^xsd:gYear"])
{'name': 'Kemal Arslan', 'year': '2025^^xsd:gYear'}
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

ENDPOINT_NOTE = (
    "Credentials for a server come only from KG_ENDPOINT_TOKEN, KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD "
    "or a netrc file, never from the command line."
)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line on stderr and exit (2: bad input or usage; 1: the work found a problem)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def deprecated(message: str) -> None:
    """One line on stderr for an old spelling that still works this release."""
    err.print(f"deprecated: {message}", highlight=False, markup=False)


def check_base(base: str) -> str:
    # Every IRI is minted under it, and a few are written into SPARQL Update text.
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        fail(f"--base {base!r} must be an http(s) IRI ending in '/' or '#', without spaces or <>")
    return base


def parse_params(params: list[str]) -> dict[str, str]:
    """``--param name=value`` items as a dict (a leading ``?`` or ``$`` of the name is dropped)."""
    parsed = {}
    for item in params:
        if "=" not in item:
            fail(f"--param {item!r}: write it as name=value")
        name, value = item.split("=", 1)
        parsed[name.strip().lstrip("?$")] = value
    return parsed


def graph_errors() -> tuple[type[Exception], ...]:
    """The errors that mean "this source or query cannot be read": reported in one line, never a traceback."""
    from kg.query import QueryError
    from kg.store.http import RemoteError
    from kg.store.sources import SourceError

    return (SourceError, RemoteError, QueryError, OSError)


def output_format(fmt: str | None, as_json: bool, formats: tuple[str, ...], default: str) -> str:
    """The ``--format`` asked for, with ``--json`` as its alias."""
    if as_json and fmt not in (None, "json"):
        fail(f"--json and --format {fmt} disagree; give one")
    chosen = "json" if as_json else fmt or default
    if chosen not in formats:
        fail(f"--format {chosen!r}: use one of {', '.join(formats)}")
    return chosen


# The graph source, first argument of query, validate, explain, export, analyze, path, viz.
SOURCE_HELP = "A store directory, an RDF file (.ttl .nt .nq .trig .jsonld .rdf) or an http(s):// SPARQL endpoint."
SourceArg = Annotated[str, typer.Argument(help=SOURCE_HELP)]
# For commands that need the whole graph in hand, an endpoint is read into memory first.
COPIED_SOURCE_HELP = SOURCE_HELP + " An endpoint's named graphs are copied into memory first."
CopiedSourceArg = Annotated[str, typer.Argument(help=COPIED_SOURCE_HELP)]
LimitOpt = Annotated[int, typer.Option(help="Show at most this many results.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Alias of --format json.")]

# The filters of analyze, path and viz.
TypeOpt = Annotated[
    list[str], typer.Option("--type", "-t", help="Keep entities of this class (repeatable): Person, Country, ...")
]
EventClassOpt = Annotated[
    list[str], typer.Option("--event-class", "-e", help="Keep events of this class and its subclasses (repeatable).")
]
SinceOpt = Annotated[str | None, typer.Option(help="Keep events from this date on (2025, 2025-03, 2025-03-14).")]
UntilOpt = Annotated[str | None, typer.Option(help="Keep events up to this date (inclusive).")]
MinSupportOpt = Annotated[int, typer.Option(help="Drop edges supported by fewer events/documents.")]
EvidenceOpt = Annotated[
    int, typer.Option("--evidence", help="Keep the N latest evidence sentences of each edge (and node), N >= 1.")
]


def filters(types: list[str], event_classes: list[str], since: str | None, until: str | None, min_support: int):
    """The analysis filters of the options, or a one-line error."""
    from kg.analysis.filters import make_filters

    try:
        return make_filters(types, event_classes, since, until, min_support)
    except ValueError as error:
        fail(str(error))


def read_graph_data(source: str, evidence: int = 3, quotes: int = 0):
    """The projection's input read from SOURCE (questions go to an endpoint, nothing is copied),
    with the ``evidence`` latest sentences of each relation (and each entity's ``quotes`` latest quotes)."""
    from kg.analysis.read import read_graph

    if evidence < 1:
        fail("--evidence must be at least 1")
    try:
        return read_graph(source, evidence=evidence, quotes=quotes)
    except graph_errors() as error:
        fail(str(error))


def examples(*lines: str) -> str:
    """A help epilog listing example command lines (shown under each command's help)."""
    # Typer keeps the line breaks of an epilog only between paragraphs: one paragraph per example.
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


def store_for_out_dir(out_dir: Path) -> Path:
    """The store that ``kg build --out DIR`` writes."""
    return out_dir / "store"
