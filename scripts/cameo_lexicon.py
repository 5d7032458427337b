"""Derive newskg's CAMEO verb lexicon from the PETRARCH2 verb dictionary.

Reads ``CAMEO.2.0.txt`` (the PETRARCH2 verb dictionary, MIT, Open Event Data Alliance) and
writes ``kg/extract/lexicons/cameo_verbs.json``: every verb whose CAMEO code falls under the
code of one of the ontology's event classes (``event_types.json`` carries each class's code;
the longest code that prefixes a verb's code decides its class), the verb + object-word
patterns of those codes, and the words of the ``&MILITARY`` synonym set (state armed forces).
Codes the ontology says are no event of its classes are left out (``EXCLUDED``: telephone
talks are no meeting, declining to comment is no statement).

    python scripts/cameo_lexicon.py ../shared/data/petrarch2/CAMEO.2.0.txt

The dictionary's own format: a block opens with ``---  NAME   [CODE]  ---``; then verb lines
(``VERB {IRREGULAR FORMS} [OWN CODE]  # comment``, multi-word verbs joined by ``_``); then
pattern lines (``- * OBJECT WORDS   [CODE]   # VERB``).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "kg" / "extract" / "lexicons"
OUT = LEXICONS / "cameo_verbs.json"

# CAMEO codes under a class's code that the ontology's comments exclude from that class.
EXCLUDED = {
    "040": "consult, unspecified: not necessarily face to face",
    "041": "discuss by telephone: no meeting",
    "045": "mediate",
    "011": "decline comment: no statement made",
    "014": "consider policy option",
    "017": "engage in symbolic act: no words",
}
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9:\-]*)\]")
PATTERN = re.compile(r"^-\s+\*\s+([A-Z][A-Z ]*?)\s+\[([0-9:]+)\]")


def class_codes() -> dict[str, str]:
    """CAMEO code -> event class, from the typology's data file."""
    types = json.loads((LEXICONS / "event_types.json").read_text(encoding="utf-8"))
    return {entry["cameo"]: name for name, entry in types.items() if not name.startswith("_")}


def class_of(code: str, classes: dict[str, str]) -> str | None:
    """The class whose code is the longest prefix of ``code``; None outside the 14 classes."""
    code = code.split(":")[0]
    if not code.isdigit() or code in EXCLUDED:
        return None
    best = max((c for c in classes if code.startswith(c)), key=len, default=None)
    return classes[best] if best else None


def synset(text: str, name: str) -> list[str]:
    """The words of one synonym set of the dictionary's head (``&MILITARY`` then ``+ARMY`` lines),
    lower-cased, ``_`` as a space."""
    words: list[str] = []
    inside = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line == name:
            inside = True
        elif inside and line.startswith("+"):
            words.append(line[1:].strip().lower().replace("_", " "))
        elif inside:
            break
    return words


def derive(text: str) -> dict:
    classes = class_codes()
    verbs: dict[str, list[str]] = {}
    patterns: list[list[str]] = []
    block_code = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if block := BLOCK.match(line):
            block_code = block.group(2)
            continue
        if block_code is None:
            continue  # the synonym sets before the verb patterns
        if line.startswith("-"):
            if (match := PATTERN.match(line)) and (name := class_of(match.group(2), classes)):
                verb = raw.split("#", 1)[1].strip().split()[0].lower() if "#" in raw else ""
                if verb:
                    patterns.append([verb.replace("_", " "), match.group(1).lower(), match.group(2), name])
            continue
        if not re.match(r"^[A-Z]", line):
            continue
        word = line.split()[0]
        own = CODE.search(line.split("}")[-1])
        code = own.group(1) if own else block_code
        name = class_of(code, classes)
        if name and re.fullmatch(r"[A-Z][A-Z_\-]*", word):
            verbs[word.lower().replace("_", " ")] = [code.split(":")[0], name]
    return {
        "_doc": (
            "Verbs and verb + object patterns of the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt) whose "
            "CAMEO code falls under the code of one of the ontology's event classes, with that code and class; "
            "'military' is the dictionary's &MILITARY synonym set (state armed forces: their attacks are CAMEO 19, "
            "kg:MilitaryOperation, not CAMEO 18 kg:Attack); "
            "derived by scripts/cameo_lexicon.py, do not edit by hand. Many entries are broad WordNet synonyms: "
            "the extractor uses a verb only where the parse gives it the class's sense (e.g. a reporting verb "
            "with a reported clause or quote). Excluded codes: " + "; ".join(f"{k} {v}" for k, v in EXCLUDED.items())
        ),
        "_license": (
            "Derived from the PETRARCH2 dictionaries, Copyright (c) 2015 Open Event Data Alliance, MIT License "
            "(see LICENSE)."
        ),
        "military": sorted(synset(text, "&MILITARY")),
        "verbs": dict(sorted(verbs.items())),
        "patterns": sorted(patterns),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt of PETRARCH2")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lexicon = derive(args.dictionary.read_text(encoding="latin-1"))
    args.out.write_text(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lexicon['verbs'])} verbs, {len(lexicon['patterns'])} patterns")


if __name__ == "__main__":
    main()
