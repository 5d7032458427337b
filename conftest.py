"""For the docstring examples of kg/ (run as tests with --doctest-modules): one spaCy pipeline.

Some fifty examples call ``load_pipeline()`` for a sentence or two; each load cost about
0.7 CPU seconds more, and the model's memoized components started cold every time. The
examples of a default-model load get one pipeline, loaded by the real ``load_pipeline`` once
per session; the pipeline keeps no state from one document to the next (``kg build`` runs it
over every document). kg/extract/backend.py's examples check how a pipeline is loaded, so
they load their own.
"""

from __future__ import annotations

import functools

import pytest

# Modules whose examples are about loading itself.
OWN_LOAD = ("kg.extract.backend",)


@functools.cache
def _default_pipeline(load_pipeline):
    return load_pipeline()


def _shared_load(original):
    @functools.wraps(original)
    def load(model: str | None = None):
        return _default_pipeline(original) if model is None else original(model)

    return load


@pytest.fixture(autouse=True)
def _one_pipeline_for_examples(request, monkeypatch):
    if not isinstance(request.node, pytest.DoctestItem) or request.node.dtest.name.startswith(OWN_LOAD):
        yield
        return
    import kg.extract.pipeline as pipeline

    shared = _shared_load(pipeline.load_pipeline)  # the real one: the patch below is undone after each example
    # Examples that import it read the module's attribute; kg/extract/pipeline.py's own examples
    # read the copy of the module's globals doctest took when it collected them.
    monkeypatch.setattr(pipeline, "load_pipeline", shared)
    globs = request.node.dtest.globs
    if "load_pipeline" in globs:
        monkeypatch.setitem(globs, "load_pipeline", shared)
    yield
