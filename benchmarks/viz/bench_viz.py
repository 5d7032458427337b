"""How long a 3,000-node view takes to render and become stable in headless Chromium.

Generates a graph in the newskg vocabulary (seeded: the same graph every run), writes
the page with ``kg viz``, opens it in Debian's chromium through Playwright with every
non-file request blocked, and reports:

* build   - seconds ``kg viz`` takes in Python (read, project, PageRank, layout, HTML);
* stable  - milliseconds from navigation start until the page reports its layout done
            (``window.kg.stableMs``), i.e. drawn and still;
* wall    - seconds from ``goto`` until stable, as seen from the test driver;
* analyze - seconds ``kg analyze`` takes on the same graph (all metrics, report, charts).

Run: .venv/bin/python benchmarks/viz/bench_viz.py [--nodes 3000] [--events 4500] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from kg.cli import app

TYPES = ("Person", "Organization", "Country", "Place", "Facility")
EVENT_CLASSES = ("Attack", "Bombing", "Meeting", "Statement", "Arrest", "Protest")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip


def generate(path: Path, nodes: int, events: int, seed: int = 7) -> None:
    """A preferential-attachment-like graph: a few busy actors, many rare ones."""
    rng = random.Random(seed)
    lines = ["@prefix kg: <https://w3id.org/newskg/ontology#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]  # fmt: skip
    for i in range(nodes):
        lines.append(f'<http://bench/e{i}> a kg:{TYPES[i % len(TYPES)]} ; rdfs:label "Entity {i}" .')
    weights = [1 / (i + 1) ** 0.8 for i in range(nodes)]
    for j in range(events):
        members = set(rng.choices(range(nodes), weights=weights, k=2)) | {j % nodes}
        args = " , ".join(f"<http://bench/e{m}>" for m in sorted(members))
        day = f"2025-{1 + j % 12:02d}-{1 + j % 28:02d}"
        lines.append(
            f"<http://bench/ev{j}> a kg:Event , kg:{EVENT_CLASSES[j % len(EVENT_CLASSES)]} ; kg:agent {args} ; "
            f'kg:time "{day}"^^xsd:date .'
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--events", type=int, default=4500)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-viz-"))
    source, page_path = work / "graph.ttl", work / "graph.html"
    generate(source, options.nodes, options.events)
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["viz", str(source), "-o", str(page_path), "--max-nodes", str(options.nodes)])
    build = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    print(result.output.strip())
    stable_ms, walls, blocked = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(options.runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else
                       (blocked.append(r.request.url), r.abort()))  # fmt: skip
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_function("window.kg && window.kg.stable === true", timeout=120000)
            walls.append(time.perf_counter() - started)
            stable_ms.append(page.evaluate("kg.stableMs"))
            shown = page.evaluate("[kg.network.body.data.nodes.length, kg.network.body.data.edges.length]")
            assert not blocked, blocked
            page.close()
        browser.close()
    print(f"nodes, edges in page: {shown[0]}, {shown[1]}")
    print(f"build (kg viz):      {build:.2f} s")
    print(f"stable in Chromium:  median {statistics.median(stable_ms) / 1000:.2f} s "
          f"(runs: {', '.join(f'{m / 1000:.2f}' for m in stable_ms)})")  # fmt: skip
    print(f"wall goto->stable:   median {statistics.median(walls):.2f} s")
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["analyze", str(source), "-o", str(work / "analysis")])
    assert result.exit_code == 0, result.output
    print(f"kg analyze:          {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
