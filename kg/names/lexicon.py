"""One reader for the JSON data files (word lists and mappings) in a package's ``lexicons/`` folder.

Every stage keeps its words in its own folder (``kg/names/lexicons``, ``kg/extract/lexicons``,
``kg/evaluate/lexicons``); this reads any of them, once.

>>> read_lexicon("kg.names", "names.json")["definite_articles"]
['the']
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def read_lexicon(package: str, name: str) -> dict:
    """The data file ``lexicons/<name>`` of ``package`` (cached; do not mutate)."""
    return json.loads(resources.files(package).joinpath(f"lexicons/{name}").read_text("utf-8"))
