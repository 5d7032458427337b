"""The colours of the views: one per entity class, one fixed colour per event class of the ontology."""

from __future__ import annotations

from kg.analysis.read import event_subclasses

ENTITY_COLOURS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Country": "#59a14f",
    "Place": "#f28e2b",
    "Facility": "#b07aa1",
}
# Kelly's colours of maximum contrast (without white and black); events are diamonds, entities dots.
EVENT_PALETTE = (
    "#f3c300", "#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280", "#848482", "#008856",
    "#e68fac", "#0067a5", "#f99379", "#604e97", "#f6a600", "#b3446c", "#dcd300", "#882d17",
)  # fmt: skip


def event_colours() -> dict[str, str]:
    """A fixed colour for every event class of the ontology (same class, same colour, in every page).

    >>> event_colours()["Attack"] == event_colours()["Attack"], len(set(event_colours().values())) > 10
    (True, True)
    """
    return {name: EVENT_PALETTE[i % len(EVENT_PALETTE)] for i, name in enumerate(sorted(event_subclasses()))}
