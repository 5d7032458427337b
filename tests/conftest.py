"""Shared fixtures: the development data in ../shared/data, the spaCy pipeline, built graphs."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLES = ROOT / "samples"
SEED = SHARED_DATA / "seed" / "iraq-defense-minister.txt"


def shared_data(*parts: str) -> Path:
    """A path in ../shared/data; fails (never skips) with a clear message when it is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"development data missing: {path} (the tests expect the shared/ folder "
            "beside the checkout, as in CI: ../shared/data)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def nlp():
    from kg.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed article and the samples built once into a store, for read-only tests."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seed-build")
    summary = build([str(shared_data("seed", "iraq-defense-minister.txt")), str(SAMPLES)], out)
    return out, summary


@pytest.fixture
def extract_one(nlp):
    """Extract and resolve one hand-made text."""
    from kg.extract.pipeline import extract
    from kg.model import Document
    from kg.resolve import resolve

    def run(text: str, **meta):
        return resolve(next(extract([Document.from_text(text, id="t", **meta)], nlp)))

    return run


def argument_words(extraction, kind: str, role: str) -> list[str]:
    """The words of every ``role`` filler of the ``kind`` events of an extraction (``extract_one``'s)."""
    return [a.span.text for e in extraction.events if e.type == kind for a in e.arguments if a.role == role]
