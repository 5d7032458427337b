"""One grammar across ``kg`` commands: new spellings work, old ones still work and print one deprecation line.

Runs in process (Typer's runner) on the hand-made sample graph, so it needs no spaCy build.
The same commands on a real SPARQL endpoint are in tests/test_remote.py.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.analysis_sample import write_sample

from .test_evaluate_entities import DOC1, wikievents_record

runner = CliRunner()
COMMANDS = ("build", "query", "validate", "export", "load", "remove", "evaluate", "explain", "analyze", "path", "viz")


def kg(*args: str, code: int = 0):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, f"kg {' '.join(map(str, args))}: {result.output}"
    return result


def deprecations(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("deprecated:")]


@pytest.fixture
def store(tmp_path):
    """The sample loaded into a store kept the way kg build keeps one: OUT/store, graph.nq beside it."""
    out = tmp_path / "kg-out"
    kg("load", write_sample(tmp_path), "--store", out / "store")
    kg("export", out / "store", "--format", "nq", "-o", out / "graph.nq")
    return out / "store"


def quads(path) -> set[str]:
    return {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}


def test_help_shows_examples_for_kg_and_every_command():
    assert "Examples:" in kg("--help").stdout
    for command in COMMANDS:
        text = kg(command, "--help").stdout
        assert "Examples:" in text and f"kg {command} " in text, command
        assert "deprecated" not in text.lower(), command  # old spellings work but are not advertised


def test_remove_with_store_and_with_the_old_out(store, tmp_path):
    new = kg("remove", "d1", "--store", store)
    assert "Removed 1 document(s)" in new.stdout and deprecations(new) == []
    # The graph.nq that kg build wrote beside the store follows it.
    assert not any("/doc/d1>" in q for q in quads(store.parent / "graph.nq"))

    old = kg("remove", "d2", "--out", store.parent)
    assert "Removed 1 document(s)" in old.stdout
    assert deprecations(old) == [
        f"deprecated: --out for remove names the build directory, not what it writes; use --store {store}"
    ]
    assert not any("/doc/" in q for q in quads(store.parent / "graph.nq"))


def test_load_request_size_and_the_old_batch_size(tmp_path):
    sample = write_sample(tmp_path)
    # Into an embedded store the size is not used; the spelling is what is checked here.
    new = kg("load", sample, "--store", tmp_path / "a", "--request-size", "10")
    old = kg("load", sample, "--store", tmp_path / "b", "--batch-size", "10")
    assert deprecations(new) == []
    assert deprecations(old) == ["deprecated: --batch-size for load is triples per request; use --request-size N"]
    assert quads_of(tmp_path / "a") == quads_of(tmp_path / "b")


def quads_of(store_dir) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(store_dir))}


def test_query_endpoint_option_is_refused_with_a_source(store):
    both = kg("query", store, "ASK {}", "--endpoint", "http://127.0.0.1:9/query", code=2)
    assert len(deprecations(both)) == 1 and "give no SOURCE" in both.stderr


def test_json_is_an_alias_of_format_json_and_must_agree_with_it(store):
    # explain on a built graph, in both spellings: tests/test_remote.py
    clash = kg("explain", store, "Ali", "--format", "text", "--json", code=2)
    assert "--json and --format text disagree" in clash.stderr
    unknown = kg("explain", store, "Ali", "--format", "yaml", code=2)
    assert "use one of text, json" in unknown.stderr


def test_path_limit_and_validate_limit(store):
    one = kg("path", store, "Bashir", "Brigade", "--limit", "1")
    assert one.stdout.count("Path ") == 1
    # The hand-made sample lacks the offsets and hashes a build writes: it does not conform.
    listed = kg("validate", store, "--limit", "5", code=1).stdout
    assert sum(line.startswith("- Violation") for line in listed.splitlines()) == 5


def test_analyze_and_viz_write_what_out_names(store, tmp_path):
    kg("analyze", store, "-o", tmp_path / "report", "--no-write-back")
    assert (tmp_path / "report" / "metrics.json").is_file()
    kg("viz", store, "-o", tmp_path / "page.html")
    assert (tmp_path / "page.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


@pytest.fixture(scope="module")
def tiny_dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("eval") / "tiny.jsonl"
    path.write_text(json.dumps(wikievents_record("d1", DOC1, [("Juma Inad", "PER")])) + "\n", encoding="utf-8")
    return path


def test_evaluate_input_format_and_the_old_spellings(tiny_dataset):
    new = kg("evaluate", tiny_dataset, "--input-format", "wikievents", "--documents", "1", "--format", "json")
    assert deprecations(new) == []
    old = kg("evaluate", tiny_dataset, "--format", "wikievents", "--limit", "1", "--json")
    assert deprecations(old) == [
        "deprecated: --format for evaluate names the output (markdown or json); use --input-format wikievents",
        "deprecated: --limit for evaluate means documents to score; use --documents N",
    ]
    assert json.loads(new.stdout) == json.loads(old.stdout)
    markdown = kg("evaluate", tiny_dataset, "--input-format", "wikievents").stdout
    assert markdown.startswith(f"kg evaluate {tiny_dataset} --input-format wikievents")


def test_paths_that_cannot_be_written_give_one_line_not_a_traceback(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    a_file = tmp_path / "afile"
    a_file.write_text("x")
    (tmp_path / "a.txt").write_text("Talks in Lima\n\nThe envoy met the minister in Lima.", encoding="utf-8")
    built = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "-o", str(a_file)])
    assert built.exit_code == 2 and "is a file; give a directory" in built.output
    sample = tmp_path / "g.ttl"
    sample.write_text("<http://x/a> a <https://w3id.org/newskg/ontology#Person> .\n", encoding="utf-8")
    analysed = CliRunner().invoke(app, ["analyze", str(sample), "-o", str(a_file)])
    assert analysed.exit_code == 2 and "File exists" in analysed.output
    assert analysed.exception is None or isinstance(analysed.exception, SystemExit)
