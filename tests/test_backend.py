"""The numeric backend (kg/extract/backend.py): numpy's BLAS gives the records blis gives,
and an extracting process runs one BLAS thread."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kg.evaluate.readers import read_redocred
from kg.extract.backend import BACKEND_VARIABLE, chosen_backend
from kg.extract.pipeline import extract, load_pipeline
from kg.ingest import read_sources
from kg.model import Document

from .conftest import ROOT, SAMPLES, SEED, shared_data


def records(backend: str, documents: list[Document], monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    monkeypatch.setenv(BACKEND_VARIABLE, backend)
    nlp = load_pipeline()
    assert nlp.get_pipe("ner").model.ops.use_blis is (backend == "blis")
    return [record.to_dict() for record in extract(documents, nlp)]


def test_numpy_blas_gives_the_records_blis_gives(monkeypatch):
    documents = [d for d in read_sources([str(SAMPLES), str(SEED)]) if isinstance(d, Document)]
    gold = list(read_redocred(shared_data("redocred", "dev.json")))[:40]
    documents += [Document.from_text(g.text, id=f"redocred-{n}") for n, g in enumerate(gold)]
    assert len(documents) > 40
    assert records("numpy", documents, monkeypatch) == records("blis", documents, monkeypatch)


def test_an_unknown_backend_is_named_in_the_error(monkeypatch):
    monkeypatch.setenv(BACKEND_VARIABLE, "cuda")
    with pytest.raises(ValueError, match="NEWSKG_BLAS='cuda': expected one of numpy, blis"):
        chosen_backend()


def test_a_worker_process_keeps_one_blas_thread():
    # A fresh interpreter, as a spawned worker is: OpenBLAS starts one thread per core there (numpy
    # brings it in; kg.extract.parallel alone does not, see kg/extract/models.py).
    program = (
        "import json; import numpy; from threadpoolctl import threadpool_info\n"
        "from kg.extract.parallel import PipelineWorker\n"
        "before = [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']\n"
        "PipelineWorker(None, 32)\n"
        "after = [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']\n"
        "print(json.dumps([before, after]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, check=True)
    before, after = json.loads(done.stdout.splitlines()[-1])
    assert after and set(after) == {1}
    assert max(before) == (os.cpu_count() or 1) or os.cpu_count() == 1  # the limit was not there already
