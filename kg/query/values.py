"""Parameters as a ``VALUES`` block at the start of a query's outer WHERE group.

A remote server cannot take Oxigraph's substitutions, so a parameter travels in the
query text as a ``VALUES`` row whose terms Oxigraph writes (escaped N-Triples syntax):
the value stays data, whatever quotes, braces or keywords it holds.

The block goes first inside the outer WHERE group, not after the query: that binds the
variable before anything is joined, grouped or computed, which is what a substitution
does locally. Servers also agree on it; a trailing VALUES is joined after the whole
query, and Virtuoso 7.2 ignores it when the group holds a BIND (every row came back).

>>> print(values_clause({"name": 'say "hi" }'}))
VALUES (?name) { ("say \\"hi\\" }") }
>>> print(with_values('SELECT ?e WHERE { ?e rdfs:label ?name } # a comment with {', {"name": "Ada"}))
SELECT ?e WHERE { VALUES (?name) { ("Ada") } ?e rdfs:label ?name } # a comment with {
"""

from __future__ import annotations

import re

from kg.query.run import bind_parameters

# An IRI reference as SPARQL's grammar spells it (IRIREF); a `<` that does not start one is
# the less-than operator.
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
# A name-like token: a keyword, a variable, a prefixed name (with its `\`-escapes) or a number.
_TOKEN = re.compile(r"[?$]?(?:[\w:.%-]|\\.)+")
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


def values_clause(params: dict[str, str]) -> str:
    """The parameters as one VALUES row, each term written by Oxigraph."""
    bound = bind_parameters(params)
    names = " ".join(str(variable) for variable in bound)
    terms = " ".join(str(term) for term in bound.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def _string_end(text: str, start: int) -> int:
    """The index just past the string literal opening at ``start`` (short or long, either quote)."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(delimiter, i):
            return i + len(delimiter)
        else:
            i += 1
    return len(text)


def where_group_start(sparql: str) -> int | None:
    """The index of the ``{`` that opens the outer WHERE group of a SELECT, ASK, CONSTRUCT or
    DESCRIBE query (with or without the WHERE keyword); None when the query has no such group
    to add to (``DESCRIBE <iri>``, or ``CONSTRUCT WHERE``, whose group may only hold triples).

    Strings, IRIs and comments are skipped, so braces inside them never count; braces inside
    parentheses (``(EXISTS { … } AS ?x)`` in a SELECT clause) and nested groups neither.

    >>> where_group_start('SELECT ?s WHERE { ?s ?p "}" }')
    16
    >>> text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    >>> text[where_group_start(text):]
    '{ ?s ?p ?o }'
    >>> where_group_start("CONSTRUCT WHERE { ?s ?p ?o }") is None
    True
    """
    form: str | None = None
    after_form: str | None = None  # the keyword right after the form's (CONSTRUCT WHERE)
    top_level_braces: list[int] = []
    depth = parens = 0
    i = 0
    while i < len(sparql):
        char = sparql[i]
        if char == "#":
            newline = sparql.find("\n", i)
            i = len(sparql) if newline < 0 else newline + 1
            continue
        if char in "\"'":
            i = _string_end(sparql, i)
            continue
        if char == "<":
            iri = _IRI.match(sparql, i)
            i = iri.end() if iri else i + 1
            continue
        token = _TOKEN.match(sparql, i)
        if token:
            word = token.group().upper()
            if form is None and depth == 0 and word in _FORMS:
                form = word
            elif form is not None and after_form is None:
                after_form = word
            i = token.end()
            continue
        if char == "(":
            parens += 1
        elif char == ")":
            parens -= 1
        elif char == "{":
            if depth == 0 and parens == 0:
                top_level_braces.append(i)
                if after_form is None:
                    after_form = "{"
            depth += 1
        elif char == "}":
            depth -= 1
        i += 1
    if form == "CONSTRUCT":
        # CONSTRUCT { template } WHERE { group }; the short form's only group is its template.
        return top_level_braces[1] if after_form != "WHERE" and len(top_level_braces) > 1 else None
    return top_level_braces[0] if top_level_braces else None


def with_values(sparql: str, params: dict[str, str] | None) -> str:
    """The query with its parameters bound by a VALUES block first in the outer WHERE group
    (after the query when it has no group that can take one)."""
    if not params:
        return sparql
    block = values_clause(params)
    start = where_group_start(sparql)
    if start is None:
        # The newline ends any comment on the query's last line.
        return f"{sparql}\n{block}"
    return f"{sparql[: start + 1]} {block}{sparql[start + 1 :]}"


__all__ = ["values_clause", "where_group_start", "with_values"]
