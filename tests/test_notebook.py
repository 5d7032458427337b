"""notebooks/quickstart.ipynb runs top to bottom, offline, and shows what it promises."""

from __future__ import annotations

import subprocess
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"


KERNEL = "newskg-tests"


def ensure_kernel() -> str:
    """A kernel running this very Python (registered inside its prefix, the venv): a "python3" kernel
    found elsewhere on the machine may be another Python without newskg."""
    specs = KernelSpecManager().find_kernel_specs()
    if KERNEL not in specs or KernelSpecManager().get_kernel_spec(KERNEL).argv[0] != sys.executable:
        subprocess.run(
            [sys.executable, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL],
            check=True,
            capture_output=True,
        )
    return KERNEL


def outputs(cell) -> str:
    text = []
    for output in cell.get("outputs", []):
        text.append(output.get("text", ""))
        for kind, value in output.get("data", {}).items():
            if kind.startswith("text/"):
                text.append(value)
    return "\n".join(text)


def test_quickstart_runs_top_to_bottom():
    kernel = ensure_kernel()
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=240, kernel_name=kernel, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(not any(o.get("output_type") == "error" for o in c.get("outputs", [])) for c in cells)
    assert not [o for c in cells for o in c.get("outputs", []) if o.get("name") == "stderr"]  # no warnings
    built, entities, by_month, in_place, top, chart, view, timeline = cells
    # The public API only: no deep imports of the package's modules.
    assert not [c for c in cells if "from kg." in c.source or "import kg." in c.source]
    assert "documents" in outputs(built) and "Person" in outputs(built)
    # Three SPARQL tables as pandas frames (HTML tables), the third bound to Mosul.
    for cell in (entities, by_month, in_place):
        assert "<table" in outputs(cell)
    assert "Mosul" in outputs(in_place) and "Bombing" in outputs(in_place)
    assert "pagerank" in outputs(top)
    assert any("image/png" in o.get("data", {}) for o in chart.outputs)
    [frame] = [o["data"]["text/html"] for o in view.outputs if "text/html" in o.get("data", {})]
    assert frame.startswith("<div><iframe srcdoc=") and 'sandbox="allow-scripts"' in frame and "vis.Network" in frame
    assert any("image/png" in o.get("data", {}) for o in timeline.outputs)
