"""Parameters placed as a VALUES block first in the outer WHERE group (kg.query.values):
the scanner finds that group whatever strings, IRIs, comments, templates or subqueries
come before or inside it, and the placed block answers as a local substitution does."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query.run import run_query
from kg.query.values import where_group_start, with_values
from kg.rdf.namespaces import PREFIXES

X = "http://example.org/"
PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

# (query, the text that starts at the outer WHERE group's brace)
PLACED = [
    ("SELECT ?s WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("select ?s where { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("SELECT ?s { ?s ?p ?o }", "{ ?s ?p ?o }"),  # no WHERE keyword
    ("ASK { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("DESCRIBE ?s WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("DESCRIBE ?s { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . }", "{ ?s ?p ?o . }"),
    ("CONSTRUCT { ?s ?p '}' } { ?s ?p ?o . }", "{ ?s ?p ?o . }"),  # template with a brace in a string
    # Strings holding braces, keywords and quotes, in each of SPARQL's four spellings.
    ('SELECT ("{ WHERE {" AS ?x) ?s WHERE { ?s ?p ?o }', "{ ?s ?p ?o }"),
    ("SELECT ('}\\' {' AS ?x) ?s WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ('SELECT ("""a "quoted" {\nline""" AS ?x) ?s WHERE { ?s ?p ?o }', "{ ?s ?p ?o }"),
    ("SELECT ('''{ it''s }''' AS ?x) ?s WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ('SELECT ("ends in a backslash \\\\" AS ?x) ?s WHERE { ?s ?p ?o }', "{ ?s ?p ?o }"),
    # Comments holding braces, and `#` inside IRIs, which is no comment.
    ("# { a comment }\nSELECT ?s # WHERE {\nWHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("PREFIX ex: <http://example.org/ns#> SELECT ?s WHERE { ?s ex:p ?o }", "{ ?s ex:p ?o }"),
    ("BASE <http://example.org/b#> SELECT ?s FROM <http://example.org/g#1> WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    # `<` as the less-than operator, not an IRI.
    ("SELECT (IF(1 < 2, 1, 0) AS ?x) ?s WHERE { ?s ?p ?o FILTER (1<2) }", "{ ?s ?p ?o FILTER (1<2) }"),
    # Braces inside parentheses belong to an expression, not to the WHERE group.
    ("SELECT (EXISTS { ?a ?b ?c } AS ?x) ?s WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    # Keywords inside variables and prefixed names are not keywords.
    ("SELECT ?select ?where WHERE { ?select dc:where ?where }", "{ ?select dc:where ?where }"),
    # Subqueries: the outer group, never an inner one.
    (
        "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 } ?s ?q ?r }",
        "{ { SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 } ?s ?q ?r }",
    ),
]


@pytest.mark.parametrize("query, group", PLACED)
def test_the_outer_where_group_is_found(query, group):
    start = where_group_start(query)
    assert start is not None and query[start:] == group


@pytest.mark.parametrize(
    "query",
    [
        "CONSTRUCT WHERE { ?s ?p ?o }",  # the short form's group is its template: triples only
        "DESCRIBE <http://example.org/a>",
        "DESCRIBE ?s",
    ],
)
def test_queries_without_a_group_to_add_to(query):
    assert where_group_start(query) is None
    assert with_values(query, {"s": f"<{X}a>"}) == f"{query}\nVALUES (?s) {{ (<{X}a>) }}"


@pytest.fixture
def store() -> ox.Store:
    """Invented people with names holding what a scanner could trip on."""
    store = ox.Store()
    name, knows = ox.NamedNode(X + "name"), ox.NamedNode(X + "knows")
    people = {"ada": "Ada Quill", "bo": 'Bo "Brace" } Tand', "cy": "Cy # WHERE { Orr"}
    for key, label in people.items():
        store.add(ox.Quad(ox.NamedNode(X + key), name, ox.Literal(label), ox.DefaultGraph()))
    store.add(ox.Quad(ox.NamedNode(X + "ada"), knows, ox.NamedNode(X + "bo"), ox.DefaultGraph()))
    store.add(ox.Quad(ox.NamedNode(X + "bo"), knows, ox.NamedNode(X + "cy"), ox.DefaultGraph()))
    return store


def rows(result) -> list[tuple]:
    if isinstance(result, ox.QueryTriples):
        return sorted(str(triple) for triple in result)
    names = [variable.value for variable in result.variables]
    return sorted(tuple(str(row[n]) if row[n] is not None else None for n in names) for row in result)


@pytest.mark.parametrize(
    "query, params",
    [
        ("SELECT ?p ?name WHERE { ?p <http://example.org/name> ?name }", {"name": 'Bo "Brace" } Tand'}),
        (
            # A BIND in the group: the parameter still selects (Virtuoso ignored a trailing VALUES here).
            "SELECT ?name ?friend WHERE { ?p <http://example.org/name> ?name ; <http://example.org/knows> ?f ."
            " ?f <http://example.org/name> ?n BIND (UCASE(?n) AS ?friend) } # a closing comment {",
            {"name": "Cy # WHERE { Orr"},
        ),
        (
            "SELECT ?name (COUNT(?f) AS ?friends) WHERE { ?p <http://example.org/name> ?name"
            " OPTIONAL { ?p <http://example.org/knows> ?f } } GROUP BY ?name",
            {"name": "Ada Quill"},
        ),
        (
            "SELECT ?name ?p WHERE { { SELECT ?p WHERE { ?p <http://example.org/knows> ?x } }"
            " ?p <http://example.org/name> ?name }",
            {"name": "Ada Quill"},
        ),
        (
            "CONSTRUCT { ?p <http://example.org/called> ?name } WHERE { ?p <http://example.org/name> ?name }",
            {"name": "Ada Quill"},
        ),
    ],
)
def test_placed_values_answer_as_a_local_substitution(store, query, params):
    sent = with_values(query, params)
    assert sent != query and sent.count("VALUES") == 1
    assert rows(store.query(PROLOGUE + sent)) == rows(run_query(store, query, params))


def test_without_parameters_the_query_is_unchanged():
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    assert with_values(query, None) == with_values(query, {}) == query


def test_ask_and_describe_take_the_block_too(store):
    """Oxigraph substitutes only projected variables, so these are checked against their answers."""
    ask = "ASK { ?p <http://example.org/name> ?name }"
    assert bool(store.query(with_values(ask, {"name": "Ada Quill"}))) is True
    assert bool(store.query(with_values(ask, {"name": "Nobody Here"}))) is False
    describe = with_values("DESCRIBE ?p WHERE { ?p <http://example.org/name> ?name }", {"name": 'Bo "Brace" } Tand'})
    assert {str(t.subject) for t in store.query(describe)} == {f"<{X}bo>"}
