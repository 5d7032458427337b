"""The ``kg`` command: the Typer app, and one module per group of commands registered on it.

``kg.cli.common`` is shared by the groups; this module imports the groups; nothing imports this
module but ``kg.cli`` (so there is no import circle).
"""

from __future__ import annotations

import os
import sys

import typer
from typer.core import TyperGroup

from kg.cli import analysis, build, evaluate, store
from kg.cli.common import examples, fail


class Commands(TyperGroup):
    """Turns the errors a user can act on, wherever a command raises them, into one line on stderr."""

    def invoke(self, ctx):
        from kg.store.embedded import StoreBusy

        try:
            return super().invoke(ctx)
        except StoreBusy as error:
            fail(str(error))
        except BrokenPipeError:
            raise  # main() ends quietly
        except OSError as error:  # a path that cannot be read or written: the user's to fix, not a crash
            where = f"{error.filename}: " if error.filename else ""
            fail(f"{where}{error.strerror or error}")


app = typer.Typer(
    help="newskg: knowledge graphs from news articles, in RDF, with every fact traced to its sentence.\n\n"
    "A graph SOURCE is a store directory, an RDF file or an http(s):// SPARQL endpoint; --store DIR names "
    "a store a command writes or changes; -o/--out names what a command writes; --format an output format.",
    epilog=examples(
        "kg build samples/ --out kg-out",
        "kg query kg-out/store --ready key-actors",
        "kg query http://localhost:7878/query 'SELECT * WHERE { ?s a kg:Person } LIMIT 5'",
        "kg validate kg-out/store",
        "kg export kg-out/store --format jsonld -o graph.jsonld",
        "kg analyze kg-out/store -o kg-out/analysis",
        "kg viz kg-out/store -o graph.html",
        "kg load kg-out/store --endpoint http://localhost:7878/store",
    ),
    cls=Commands,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for group in (build, store, evaluate, analysis):
    group.register(app)


def main() -> None:
    """The ``kg`` console script."""
    try:
        app()
    except BrokenPipeError:
        # The reader went away (``kg export ... | head``): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()
