"""The known actors of the PETRARCH2 dictionaries (``lexicons/actors.json``, made by
``scripts/petrarch_actors.py``): their types, names and dated CAMEO codes, and the sector codes
of generic actor nouns. Extraction finds the names (:mod:`kg.extract.actors`); resolution picks
the code valid at the article's date (:mod:`kg.resolve.actors`).

The lexicon is read once, on first use: names are indexed by their compact key
(:func:`kg.names.normalize.compact_key`, case and punctuation folded), and an :class:`Actor` is
built only when a text names it.

>>> actor = Actor("x", "Person", ("hadi rashad",), (("KGZGOV", "2001-01-01", "2004-12-31"), ("KGZELI", "", "")))
>>> actor.code_at("2003-05-02"), actor.code_at("2010-01-01"), actor.code_at(None)
('KGZGOV', 'KGZELI', 'KGZELI')
>>> minister = Actor("y", "Person", ("lena marsh",), (("KGZGOVAGR", "2006-03-01", "2010-01-31"),))
>>> minister.code_at("2008-01-01"), minister.code_at("1990-01-01"), minister.code_at(None)
('KGZGOVAGR', None, None)
>>> sector_code("the police", "NGA"), sector_code("rebels", None), sector_code("a table", "NGA")
('NGACOP', '~REB', None)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.names.gazetteer import country_by_iso3
from kg.names.normalize import ARTICLES, compact_key, compact_keys


@dataclass(frozen=True)
class Actor:
    """One record of the dictionary: its id (primary name), type, names and codes."""

    id: str
    type: str | None
    names: tuple[str, ...]
    codes: tuple[tuple[str, str, str], ...]  # (CAMEO code, from, to): ISO dates, "" for open

    def code_at(self, date: str | None) -> str | None:
        """The code valid on ``date`` (ISO, "YYYY-MM-DD..."): the first dated range holding it,
        else the undated code. Without a date, only the undated code: an actor the dictionary
        knows only for dated spells (an office held for some years, a president in office) may
        be a namesake or a thing named after them at any other time, so no spell is guessed."""
        undated = next((code for code, since, to in self.codes if not since and not to), None)
        if date:
            day = date[:10]
            for code, since, to in self.codes:
                if (since or to) and (not since or since <= day) and (not to or day <= to):
                    return code
        return undated


@cache
def _lexicon() -> tuple[dict[str, list[int]], list[list], dict[str, str]]:
    """(compact key -> rows of actors of that name, the rows, agent phrase -> sector code), read once;
    a row becomes an :class:`Actor` only when a text names it (start-up stays light)."""
    data = json.loads(resources.files("kg.names").joinpath("lexicons/actors.json").read_text(encoding="utf-8"))
    rows = data["actors"]
    by_key: dict[str, list[int]] = {}
    keys = iter(compact_keys([name for row in rows for name in row[2]]))  # one pass over every name
    for n, row in enumerate(rows):
        for _ in row[2]:
            found = by_key.setdefault(next(keys), [])
            if not found or found[-1] != n:
                found.append(n)
    by_key.pop("", None)
    return by_key, rows, data["agents"]


@cache
def _actor(row: int) -> Actor:
    ident, kind, names, codes = _lexicon()[1][row]
    return Actor(ident, kind, tuple(names), tuple(tuple(c) for c in codes))


@cache
def _ids() -> dict[str, int]:
    return {row[0]: n for n, row in enumerate(_lexicon()[1])}


def actors_named(name: str) -> tuple[Actor, ...]:
    """Every dictionary actor with this name (any case or punctuation)."""
    return tuple(_actor(n) for n in _lexicon()[0].get(compact_key(name), ()))


def known_actor(name: str, kind: str | None = None) -> Actor | None:
    """The one actor of that name (of type ``kind`` or untyped), or None when none or several fit."""
    found = [a for a in actors_named(name) if kind is None or a.type in (None, kind)]
    return found[0] if len(found) == 1 else None


def actor_by_id(ident: str) -> Actor | None:
    row = _ids().get(ident)
    return _actor(row) if row is not None else None


def actor_type(name: str) -> str | None:
    """The type every actor of that name agrees on, or None."""
    kinds = {a.type for a in actors_named(name)}
    return kinds.pop() if len(kinds) == 1 else None


def country_of_code(code: str | None) -> str | None:
    """The ISO 3166 alpha-3 country a CAMEO actor code starts with ("AFGGOV" -> "AFG"), or None.

    >>> country_of_code("AFGGOV"), country_of_code("IGOUNO")
    ('AFG', None)
    """
    if not code or len(code) < 3:
        return None
    country = country_by_iso3(code[:3])
    return country.iso3 if country else None


def sector_code(noun: str, country_iso3: str | None) -> str | None:
    """The CAMEO code of a generic actor noun ("police", "the rebels", "three soldiers"): its
    sector from the agents dictionary, with the country's code where it is known ("NGACOP"),
    else the sector as the dictionary writes it ("~COP")."""
    agents = _lexicon()[2]
    words = [w for w in noun.lower().split() if w not in ARTICLES and not w.isdigit()]
    code = None
    for start in range(len(words)):  # the longest phrase ending the words: "riot police", then "police"
        code = agents.get(" ".join(words[start:]))
        if code:
            break
    if code is None:
        return None
    if not country_iso3:
        return code
    return country_iso3 + code[1:] if code.startswith("~") else code[:-1] + country_iso3
