"""The package's layout follows DESIGN.md's data flow: no module imports from a later stage.

Stages, in the order data flows (a module may import from its own stage or an earlier one):
the shared records and vocabulary, ingest, extract, resolve, map (RDF), store, query,
analysis, viz, the build job, evaluation, and the application (command line, public API).
Imports are read with ``ast``, so imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"

# (stage, module prefixes); a module belongs to the stage of its longest matching prefix.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    # Records and the vocabulary every stage speaks: names, namespaces, IRIs, the ontology's files.
    ("foundation", ("kg.model", "kg.names", "kg.rdf.namespaces", "kg.rdf.iri", "kg.rdf.ontology", "kg.rdf.sparql")),
    ("ingest", ("kg.ingest",)),
    ("extract", ("kg.extract",)),
    ("resolve", ("kg.resolve",)),
    ("map", ("kg.rdf",)),
    ("store", ("kg.store",)),
    ("incidents", ("kg.incidents",)),
    ("query", ("kg.query",)),
    ("analysis", ("kg.analysis",)),
    ("viz", ("kg.viz",)),
    ("build", ("kg.build",)),
    # Evaluation runs the build and scores what it made.
    ("evaluate", ("kg.evaluate",)),
    ("application", ("kg.cli", "kg.__main__", "kg")),
]
ORDER = {stage: rank for rank, (stage, _) in enumerate(STAGES)}


def stage_of(module: str) -> str:
    """The stage of a dotted module name (``kg.store.sources`` -> ``store``)."""
    best, best_length = None, -1
    for stage, prefixes in STAGES:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_length:
                best, best_length = stage, len(prefix)
    if best is None:
        raise KeyError(module)
    return best


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """The ``kg`` modules a file imports, with line numbers (``from kg.a import b`` may name module kg.a.b)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "kg"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] != "kg":
                continue
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / submodule.replace(".", "/")).with_suffix(".py").exists() or (
                    PACKAGE.parent / submodule.replace(".", "/")
                ).is_dir()
                found.append((node.lineno, submodule if is_module else node.module))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_stage() -> None:
    unplaced = []
    for path in MODULES:
        try:
            stage_of(module_name(path))
        except KeyError:
            unplaced.append(module_name(path))
    assert not unplaced


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_module_imports_from_a_later_stage(path: Path) -> None:
    here = module_name(path)
    rank = ORDER[stage_of(here)]
    later = [
        f"line {line}: {here} ({stage_of(here)}) imports {name} ({stage_of(name)})"
        for line, name in imported_modules(path)
        if ORDER[stage_of(name)] > rank
    ]
    assert not later, "\n".join(later)


def test_the_stage_test_sees_a_reach_back(tmp_path: Path) -> None:
    # The check itself: an extract module importing the store would be caught.
    source = tmp_path / "x.py"
    source.write_text("from kg.store.sources import open_source\nimport kg.rdf.iri\n")
    names = [name for _, name in imported_modules(source)]
    assert names == ["kg.store.sources", "kg.rdf.iri"]
    assert ORDER[stage_of("kg.store.sources")] > ORDER[stage_of("kg.extract.entities")]
    assert stage_of("kg.rdf.iri") == "foundation" and stage_of("kg.rdf.mapping") == "map"


def test_top_level_holds_only_the_api_the_build_the_records_and_the_cli() -> None:
    top_files = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top_files == ["__init__.py", "__main__.py", "build.py", "model.py"]
    assert (PACKAGE / "cli").is_dir()
