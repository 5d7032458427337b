"""One name normaliser (kg.names.normalize) shared by extract, resolve, rdf and evaluate; mapping only maps."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg.names.gazetteer import lookup_country, lookup_places
from kg.names.normalize import (
    ARTICLES,
    acronym_of,
    compact_key,
    comparable_name,
    initials,
    is_acronym,
    is_part_of,
    normalize_key,
    strip_article,
)
from kg.rdf.iri import mint

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_keys_fold_what_they_should():
    assert compact_key("Sévaré") == compact_key("SEVARE") == compact_key("Se-va re") == "sevare"
    assert normalize_key("  Hadi \u00a0 RASHAD ") == "hadi rashad"
    assert normalize_key("ﬁre", casefold=False) == "fire"  # NFKC
    # The identity key is what IRIs are minted from: the same key, the same IRI.
    assert mint("person", "HADI  Rashad") == mint("person", normalize_key("hadi rashad"))


def test_articles_are_dropped_once_the_same_way_everywhere():
    assert ARTICLES == {"the", "a", "an"}
    assert comparable_name("The  Red Brigade") == comparable_name("red brigade") == "red brigade"
    assert strip_article("An") == "An" and strip_article("a Coruña") == "Coruña"
    # Gazetteer lookups drop only a definite article: "the Gambia", but "A Coruña" is a name.
    assert lookup_country("the Gambia").iso3 == "GMB"
    assert lookup_places("A Coruña") and lookup_places("A Coruña")[0].country_iso3 == "ESP"


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("EFD", "Eastern Front of the Delta", True),
        ("EFOTD", "Eastern Front of the Delta", True),
        ("MoD", "Ministry of Defence", True),
        ("IS", "Iraqi Security Forces", False),
        ("E", "Eastern Front", False),
    ],
)
def test_acronyms(short, long, expected):
    assert acronym_of(short, long.split()) is expected


def test_parts_and_acronym_shapes():
    assert is_part_of(["rashad"], ["hadi", "rashad"]) and not is_part_of([], ["hadi"])
    assert not is_part_of(["hadi", "rashad"], ["hadi", "rashad"])
    assert initials("Ministry of Defence".split()) == {"mod", "md"} and initials(["Defence"]) == set()
    assert is_acronym("EFD") and not is_acronym("E") and not is_acronym("Red Brigade")


NORMALISERS = {"compact_key", "normalize_key", "acronym_of", "normal_name", "_strip_article", "_initials"}


def test_one_normaliser_in_the_package():
    """The name keys, articles and acronyms are defined in kg/names/normalize.py and nowhere else."""
    home = PACKAGE / "names" / "normalize.py"
    defined = [
        f"{path.relative_to(PACKAGE)}: {node.name}"
        for path in SOURCES
        if path != home
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.FunctionDef) and node.name in NORMALISERS
    ]
    assert not defined
    article_sets = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in SOURCES
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Set | ast.Tuple | ast.List)
        and {getattr(e, "value", None) for e in node.elts} == {"the", "a", "an"}
    ]
    assert not article_sets  # the articles are data (kg/names/lexicons/names.json), read once


def test_resolve_reads_no_spacy_component_and_mapping_links_nothing():
    for path in (PACKAGE / "resolve").glob("*.py"):
        assert not {m for m in _imports(path) if m.startswith("kg.extract")}, path.name
    mapping = _imports(PACKAGE / "rdf" / "mapping.py")
    assert not {m for m in mapping if m.startswith(("kg.names", "kg.resolve"))}
