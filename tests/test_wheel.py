"""The built wheel, installed non-editable in a fresh venv, runs every main command outside the checkout.

This is the test that catches package data left out of the wheel (the ontology, the view's page, the
lexicons, the .rq files): the checkout is nowhere on the new venv's path, so a file found by climbing out
of the package, or missing from ``package-data``, fails here.

To stay fast and offline, the wheel is installed with ``--no-deps --no-index`` and the dependencies
come from the running interpreter's site-packages through a ``.pth`` file. A path added by a ``.pth``
line is not itself scanned for ``.pth`` files, so the editable install of the checkout that may live
there is never loaded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

# What the wheel is built from: the package and its metadata, nothing else of the checkout.
WHEEL_SOURCES = ("pyproject.toml", "README.md", "kg")


def run(*args: str | Path, cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh venv with newskg installed from its wheel; returns its bin folder and a clean environment."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    source = tmp / "src"
    source.mkdir()
    for name in WHEEL_SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp / "dist", source, cwd=tmp, env=env)
    [wheel] = (tmp / "dist").glob("newskg-*.whl")

    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp, env=env)
    python = venv / "bin" / "python"
    pip = (sys.executable, "-m", "pip", "--python", python)
    run(*pip, "install", "--no-deps", "--no-index", "--no-compile", wheel, cwd=tmp, env=env)
    purelib = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp, env=env).stdout.strip()
    )
    (purelib / "zz-newskg-test-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return venv / "bin", env


def test_import_resolves_into_the_venv(installed):
    bin_dir, env = installed
    where = "import kg, kg.rdf.ontology as o; print(kg.__file__); print(o.ontology_file('newskg.ttl'))"
    found = run(bin_dir / "python", "-c", where, cwd=bin_dir, env=env).stdout.split()
    venv = bin_dir.parent.resolve()
    for path in found:
        assert Path(path).resolve().is_relative_to(venv), f"{path} is not inside the new venv {venv}"
        assert not Path(path).resolve().is_relative_to(ROOT), f"{path} comes from the checkout"


def test_commands_run_from_the_wheel(installed, tmp_path):
    bin_dir, env = installed
    kg = bin_dir / "kg"
    work = tmp_path / "elsewhere"  # outside the checkout
    work.mkdir()

    built = run(kg, "build", SAMPLES, "-o", "out", cwd=work, env=env)
    summary = json.loads((work / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary, built.stdout
    store = work / "out" / "store"

    validated = run(kg, "validate", store, cwd=work, env=env)
    assert "no violations" in validated.stdout

    # Ready queries are package data.
    rows = json.loads(run(kg, "query", store, "--ready", "events", "--format", "json", cwd=work, env=env).stdout)
    events = rows["results"]["bindings"]
    assert events and all(row["event"]["value"].startswith("https://w3id.org/newskg/id/event/") for row in events)
    assert {"Bombing", "Kidnapping"} <= {row["class"]["value"] for row in events}

    # The JSON-LD context is package data; the file parses back into the same named graphs.
    run(kg, "export", store, "--format", "jsonld", "--out", "graph.jsonld", cwd=work, env=env)
    import pyoxigraph as ox
    from pyld import jsonld

    document = json.loads((work / "graph.jsonld").read_text(encoding="utf-8"))
    parsed = ox.Store()
    parsed.load(input=jsonld.to_rdf(document, {"format": "application/n-quads"}).encode(), format=ox.RdfFormat.N_QUADS)
    documents = {q.graph_name.value for q in parsed if "/doc/" in getattr(q.graph_name, "value", "")}
    assert len(documents) >= 6
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert list(parsed.quads_for_pattern(None, label, ox.Literal("Turkey")))
    bombing = ox.NamedNode("https://w3id.org/newskg/ontology#Bombing")
    assert list(parsed.quads_for_pattern(None, None, bombing))

    # Filters read event subclasses from the ontology in the package.
    run(kg, "analyze", store, "--event-class", "Attack", "-o", "attacks", cwd=work, env=env)
    attacks = json.loads((work / "attacks" / "metrics.json").read_text(encoding="utf-8"))
    assert attacks["nodes"]
    analysed = run(kg, "analyze", store, cwd=work, env=env)
    metrics = json.loads((work / "analysis" / "metrics.json").read_text(encoding="utf-8"))
    assert len(metrics["nodes"]) > len(attacks["nodes"]), analysed.stdout
    assert (work / "analysis" / "report.md").read_text(encoding="utf-8").strip()

    # The page template is package data; the page carries the nodes as JSON.
    run(kg, "viz", store, "--out", "view.html", cwd=work, env=env)
    page = (work / "view.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    labels = {node["label"] for node in data["nodes"]}
    assert len(data["nodes"]) == len(metrics["nodes"])
    assert {"Turkey", "Kenya"} <= labels
