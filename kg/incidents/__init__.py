"""Incidents across sources: near-duplicate documents and the happenings many documents report.

:func:`update_incidents` brings the corpus graph's ``kg:duplicateOf``, ``kg:Incident``,
``kg:incident`` and ``kg:sourceCount`` facts up to date for the documents just added,
changed or removed (see :mod:`kg.incidents.corpus`).
"""

from kg.incidents.corpus import update_incidents

__all__ = ["update_incidents"]
