"""IRIs are minted here and nowhere else.

An IRI is ``BASE + kind + "/" + slug``. The slug keeps letters and digits of any
script, so it stays readable ("person/hadi_rashad", "place/القدس"); whenever the
slug loses anything of the key (quotes, ``<>``, slashes, length), a short hash of
the key is appended so two different keys never share an IRI. The same key
always gives the same IRI.

>>> mint("person", "Hadi Rashad")
rdflib.term.URIRef('https://w3id.org/newskg/id/person/hadi_rashad')
>>> str(mint("organization", 'The "Red" <Brigade>'))
'https://w3id.org/newskg/id/organization/the_red_brigade-2daf70fb'
>>> str(mint("country", "IRQ", casefold=False))
'https://w3id.org/newskg/id/country/IRQ'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.rdf.namespaces import DEFAULT_BASE

MAX_SLUG = 80


def normalize_key(text: str, casefold: bool = True) -> str:
    """The identity key of a name: NFKC, whitespace collapsed, case folded."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return text.casefold() if casefold else text


def slug(key: str) -> str:
    """A readable, IRI-safe, injective slug for a normalized key."""
    words = [w for w in re.split(r"[^\w.\-]+|_", key) if w.strip(".")]
    readable = "_".join(words) or "x"
    readable = readable[:MAX_SLUG]
    if readable.replace("_", " ") != key:
        readable += "-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return readable


def mint(kind: str, key: str, base: str = DEFAULT_BASE, casefold: bool = True) -> URIRef:
    """The IRI of a resource of ``kind`` ("person", "doc", "event", ...) named by ``key``."""
    return URIRef(f"{base}{kind}/{slug(normalize_key(key, casefold))}")
