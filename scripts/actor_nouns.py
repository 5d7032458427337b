"""Derive newskg's lexicon of nouns that name people or groups from the PETRARCH2 agents dictionary.

Reads ``Phoenix.agents.txt`` (PETRARCH2's generic actor nouns, MIT, Open Event Data Alliance:
police, rebels, villagers, assailants … each with a sector code) and writes
``kg/extract/lexicons/actor_nouns.json``: every one-word agent noun, lower-cased, with its
irregular plurals (``{…}``) and its ``!PERSON!`` compounds (``POLICE!PERSON!`` → policeman,
policemen, policewoman …). Regular plurals are left to the reader (it compares lemmas).
Multi-word entries are left out: their last word alone often names a place or a thing
("police post", "police district").

    python scripts/actor_nouns.py ../shared/data/petrarch2/Phoenix.agents.txt
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "extract" / "lexicons" / "actor_nouns.json"
ENTRY = re.compile(r"^([A-Z'\-]+)(!PERSON!)?\s*(?:\{([^}]*)\})?\s*\[")
PERSON = ("man", "men", "woman", "women", "person", "people")
# General English nouns of people the dictionary lacks (it codes sectors, not roles in an event).
ADDED = (
    "attacker",
    "people",
    "person",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "official",
    "member",
    "crowd",
    "mob",
    "team",
    "suspect",
    "perpetrator",
    "kidnapper",
    "abductor",
    "sniper",
    "shooter",
    "group",
    "assassin",
    "raider",
    "fighter",
    "guerrilla",
    "insurgent",
    "jihadist",
    "extremist",
    "militiaman",
    "militiamen",
    "gang",
    "commander",
    "leader",
    "government",
)


def actor_nouns(text: str) -> list[str]:
    """The one-word agent nouns of the dictionary's text, lower-cased and sorted.

    >>> text = "# c\\nVILLAGER [~CVL]\\nPOLICE!PERSON!  [~COP]\\nPOLICE_POST [~COP]\\nTHIEF {THIEVES} [~CRM]"
    >>> actor_nouns(text)[-6:]
    ['policeperson', 'policewoman', 'policewomen', 'thief', 'thieves', 'villager']
    """
    found: set[str] = set()
    for line in text.splitlines():
        match = ENTRY.match(line.strip())
        if match is None:
            continue
        word, person, plurals = match.group(1).lower(), match.group(2), match.group(3)
        found.add(word)
        if person:
            found |= {word + p for p in PERSON}
        if plurals:
            found |= {p.lower() for p in plurals.split() if "_" not in p}
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("agents", type=Path, help="Phoenix.agents.txt of PETRARCH2")
    args = parser.parse_args()
    nouns = actor_nouns(args.agents.read_text(encoding="utf-8", errors="replace"))
    lexicon = {
        "_doc": "Nouns that name people or groups (an argument's words without a named entity must be headed "
        "by one of these, or by a title or group noun, to stand as an agent: 'the plan', 'capacity' name no one). "
        "Derived by scripts/actor_nouns.py from the PETRARCH2 agents dictionary Phoenix.agents.txt "
        "(openeventdata/petrarch2, MIT; notice in LICENSE): its one-word generic agent nouns, with irregular "
        "plurals and man/woman/person compounds.",
        "nouns": sorted(set(nouns) | set(ADDED)),
    }
    OUT.write_text(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(lexicon['nouns'])} nouns -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
