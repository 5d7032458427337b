"""Every ready query answers on the bundled sample articles, with rows that say what the text says."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import ready_query, run_query
from kg.rdf.ontology import ready_query_names
from kg.store.sources import open_source

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PARAMS = {
    "entity": {"name": "Kemal Arslan"},
    "entity-timeline": {"name": "Kemal Arslan"},
    "documents-mentioning-both": {"first": "Turkey", "second": "Kemal Arslan"},
    "quotes-about": {"name": "Andrés Villamizar"},
}


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    import kg

    out = tmp_path_factory.mktemp("samples")
    kg.build([str(SAMPLES)], str(out))
    return open_source(out / "store")


def answer(store, name: str) -> list[dict[str, str | None]]:
    results = run_query(store, ready_query(name), PARAMS.get(name))
    names = [v.value for v in results.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in results]


def test_every_ready_query_answers_on_the_samples(samples):
    empty = [name for name in ready_query_names() if not answer(samples, name)]
    assert not empty, f"ready queries without rows on the samples: {empty}"


def test_meetings_name_takers_part_by_the_words_of_the_text(samples):
    rows = answer(samples, "meetings")
    pairs = {(r["first"], r["second"]) for r in rows}
    # two named people
    assert ("Abdirahman Warsame", "Daniel Mwangi") in pairs
    # a named minister and the words for the one he met, which name no entity
    assert ("Julien Marchand", "union leaders") in pairs
    assert all(r["evidence"] and r["event"] for r in rows)
    assert all(r["first"] < r["second"] for r in rows if r["second"])


def test_entity_timeline_and_documents_of_two_entities(samples):
    timeline = answer(samples, "entity-timeline")
    assert {"Meeting"} <= {r["class"] for r in timeline}
    assert all(r["name"] == "Kemal Arslan" for r in timeline)
    both = answer(samples, "documents-mentioning-both")
    assert any("ankara-border-talks" in r["document"] for r in both)
