"""The public API (``import kg``): what it offers, that it stays light, and that it does the real jobs."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

import kg
from tests.conftest import ROOT, SAMPLES

API = ["analyze", "build", "open_dataset", "open_graph", "query", "viz"]


def test_dir_and_all_list_the_api_and_each_function_is_documented():
    assert kg.__all__ == API
    assert [name for name in dir(kg) if not name.startswith("_")] == API
    for name in API:
        function = getattr(kg, name)
        assert callable(function) and ">>> " in function.__doc__, name


def test_import_kg_stays_light():
    heavy = ("rdflib", "pyoxigraph", "spacy", "networkx", "pyvis")
    code = f"import sys, kg; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert loaded.stdout.strip() == "[]"


def test_functions_win_over_the_modules_of_the_same_name():
    import importlib

    import kg.build  # noqa: F401  (the modules load, and the functions stay)
    import kg.query.run  # noqa: F401
    import kg.viz.page  # noqa: F401

    assert (kg.build.__module__, kg.query.__module__, kg.viz.__module__) == ("kg", "kg", "kg")
    assert hasattr(importlib.import_module("kg.build"), "BuildSummary")
    from kg.viz import page

    assert page.__name__ == "kg.viz.page"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("api")
    return out, kg.build(SAMPLES, out)


def test_build_query_analyze_viz_on_the_samples(built, tmp_path):
    out, summary = built
    store = out / "store"
    assert summary.documents_built >= 6 and json.loads((out / "summary.json").read_text())["triples"] == summary.triples
    assert kg.build([SAMPLES], out).documents_unchanged == summary.documents_built  # nothing changed: nothing rebuilt

    # A ready query by name, and a parameter bound as a literal.
    events = kg.query(store, "events")
    assert events and {"Bombing", "Kidnapping"} <= {row["class"] for row in events}
    [row] = kg.query(store, "SELECT ?e ?name WHERE { ?e a kg:Country ; rdfs:label ?name }", name="Turkey")
    assert row["e"] == "https://w3id.org/newskg/id/country/TUR"

    graph, dataset = kg.open_graph(store), kg.open_dataset(store)
    assert len(graph) > 0 and sum(1 for g in dataset.graphs() if "/doc/" in str(g.identifier)) >= 6

    run = kg.analyze(store)
    attacks = kg.analyze(store, event_classes=["attack"])
    assert set(attacks.graph) < set(run.graph)
    top = run.ranking()[0]  # the sample graph's leading actor, by PageRank on events and relations
    assert run.metrics[top]["actor_rank"] == max(m["actor_rank"] for m in run.metrics.values())
    assert run.graph.nodes[top]["type"] in ("Person", "Organization", "Country", "Place", "Facility")
    with pytest.raises(ValueError, match="unknown event class"):
        kg.analyze(store, event_classes=["Picnic"])

    view = kg.viz(store, focus="Turkey", title="Turkey")
    assert isinstance(view.graph, nx.Graph) and "https://w3id.org/newskg/id/country/TUR" in view.graph
    assert {n["id"] for n in view.nodes} == set(view.graph)
    page = view.write(tmp_path / "turkey.html").read_text(encoding="utf-8")
    assert "<title>Turkey</title>" in page
    assert view._repr_html_().startswith("<div><iframe srcdoc=")
