"""A view of the graph and the ways to show it: the self-contained page, a pyvis ``Network``, the networkx graph.

A :class:`View` holds what :func:`kg.viz.network.build_view` chose: the networkx graph behind the
picture and its nodes and edges as vis-network records (label, shape, colour, size, and the
article text under ``info``). Every way of showing it draws those same records with the same
vis-network options (:func:`vis_options`):

* :meth:`View.write` / :meth:`View.html`: the self-contained page of ``kg viz`` (:mod:`kg.viz.page`);
  in a notebook the view shows itself as that page in a sandboxed iframe;
* :meth:`View.network`: a ``pyvis.network.Network`` whose own ``write_html`` / ``show`` make pyvis's
  page, each node and edge carrying a plain-text ``title`` tooltip.

>>> import pyoxigraph as ox
>>> from kg.analysis.read import EXAMPLE_TTL, read_graph
>>> from kg.viz.network import build_view
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> view = build_view(read_graph(store))
>>> net = view.network()
>>> len(net.nodes), len(net.edges), view.graph.number_of_nodes()
(3, 3, 3)
>>> print(next(n["title"] for n in net.nodes if n["label"] == "Ali"))
Ali
type: Person
PageRank: 0.35336
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.viz.page import iframe, render_page, write_page

# Above this many nodes the page trades polish for speed (no edges while dragging, a shorter layout).
BIG_VIEW = 300
TOOLTIP_WIDTH = 80


def vis_options(node_count: int, physics: bool = True) -> dict:
    """The vis-network options of every page of a view with ``node_count`` nodes.

    >>> vis_options(10)["physics"]["stabilization"]["iterations"], vis_options(1000)["interaction"]["hideEdgesOnDrag"]
    (300, True)
    """
    big = node_count > BIG_VIEW
    return {
        "nodes": {
            "scaling": {"min": 8, "max": 42, "label": {"enabled": True, "min": 12, "max": 26}},
            "font": {"size": 13},
        },
        "edges": {"color": {"color": "#a8b0b8", "highlight": "#333", "hover": "#555"}, "smooth": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "tooltipDelay": 150},
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "damping": 0.4},
            "stabilization": {"enabled": True, "iterations": 120 if big else 300, "updateInterval": 50, "fit": True},
        },
    }  # fmt: skip


def tooltip(item: dict, heading: str | None = None) -> str:
    """A node's or an edge's details as plain text, one fact a line (what the page's panel shows).

    >>> print(tooltip({"label": "Ali", "info": {"type": "Person", "aliases": ["A.", "Ali H."],
    ...     "evidence": [["Ali  spoke.", "Doc <1>"]], "quotes": [["We <b>won</b>", "Doc <2>", "2025-03-02"]]}}))
    Ali
    type: Person
    aliases: A.; Ali H.
    “Ali spoke.” — Doc <1>
    said: “We <b>won</b>” — Doc <2>, 2025-03-02
    """
    info = item.get("info", {})
    lines = [heading or str(item.get("label", "connection"))]

    def fact(key: str, value) -> None:
        if value not in (None, "", [], {}):
            lines.append(f"{key}: {'; '.join(map(str, value)) if isinstance(value, list) else value}")

    for key, name in (("type", "type"), ("time", "time"), ("aliases", "aliases"), ("roles", "roles")):
        fact(key, info.get(name))
    fact("PageRank", info.get("pagerank"))
    fact("support", info.get("support"))
    fact("reports", info.get("reports"))  # documents telling an incident
    fact("events", [f"{name} ×{count}" for name, count in info.get("events", {}).items()])
    fact("relations", info.get("relations"))
    fact("documents", info.get("documents"))
    evidence = info.get("evidence", [])
    for sentence, document in evidence:
        lines.append(textwrap.fill(f"“{' '.join(sentence.split())}” — {document}", TOOLTIP_WIDTH))
    if info.get("evidence_count", 0) > len(evidence):
        fact("more evidence", info["evidence_count"] - len(evidence))
    for words, document, day in info.get("quotes", []):
        said = f"said: “{' '.join(words.split())}” — {document}" + (f", {day}" if day else "")
        lines.append(textwrap.fill(said, TOOLTIP_WIDTH))
    # pyvis shows a node's title as HTML (innerHTML) as soon as any title contains "href": keep text text.
    return "\n".join(lines).replace("href", "h\u200bref")


@dataclass
class View:
    """What one view shows; see the module docstring for the ways to show it."""

    graph: nx.Graph  # the networkx graph behind the picture (after focus and cap)
    nodes: list[dict]  # vis-network node records
    edges: list[dict]  # vis-network edge records
    legend: dict[str, str]  # class -> colour, for the classes shown
    event_classes: list[str]  # event classes present, for the filter
    notes: list[str] = field(default_factory=list)
    physics: bool = True
    title: str = "newskg graph"

    @property
    def options(self) -> dict:
        """The vis-network options of this view's pages."""
        return vis_options(len(self.nodes), self.physics)

    def network(self, height: str = "750px", notebook: bool = False) -> Network:
        """A new pyvis ``Network`` of this view: same nodes, edges, colours and options, plain-text tooltips.

        ``notebook=True`` prepares it for pyvis's ``show`` in Jupyter.
        """
        # Directed only to skip pyvis's quadratic duplicate-edge check: edges are unique and drawn without arrows.
        net = Network(height=height, width="100%", directed=True, notebook=notebook, cdn_resources="in_line")
        labels = {}
        for record in self.nodes:
            attributes = {k: v for k, v in record.items() if k != "id"}
            net.add_node(record["id"], **attributes, title=tooltip(record))
            labels[record["id"]] = record["label"]
        for record in self.edges:
            attributes = {k: v for k, v in record.items() if k not in ("from", "to")}
            heading = f"{labels[record['from']]} — {labels[record['to']]}"
            net.add_edge(record["from"], record["to"], **attributes, title=tooltip(record, heading))
        net.set_options(json.dumps(self.options))
        return net

    def html(self) -> str:
        """The self-contained page (what ``kg viz`` writes)."""
        return render_page(self)

    def write(self, path: str | Path) -> Path:
        """Write the self-contained page to ``path``; returns the path."""
        return write_page(self, path)

    def _repr_html_(self) -> str:
        return iframe(self.html())
