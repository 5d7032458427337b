"""The ``kg`` command line (``kg = "kg.cli:main"``; ``python -m kg`` runs it too)."""

from kg.cli.main import app, main

__all__ = ["app", "main"]
