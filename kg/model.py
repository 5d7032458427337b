"""The records that flow between stages: plain, typed, JSON-serializable.

``Document`` is what ingest produces; ``DocExtraction`` is what extraction
produces. Neither knows about spaCy objects or RDF, so extraction can run in
worker processes and ship these small records back (see DESIGN.md).

>>> doc = Document.from_text("Lyon is calm.", id="d1")
>>> doc.sha256[:12]
'5c0ce410cb8e'
>>> Document.from_dict(doc.to_dict()) == doc
True
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Facility")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about where it came from."""

    id: str
    text: str
    sha256: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as normalized by ingest
    source: str | None = None  # the path, URL or feed the article was read from
    publisher: str | None = None  # who published it: a feed's field, a page's site name, else the URL's host

    @classmethod
    def from_text(cls, text: str, id: str | None = None, **meta: Any) -> Document:
        """Make a document; without an id, the content hash names it (stable across runs)."""
        digest = sha256_text(text)
        return cls(id=id or f"sha256-{digest[:16]}", text=text, sha256=digest, **meta)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(**data)


@dataclass
class Span:
    """Character offsets into the document text (code points, end exclusive)."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world thing as seen in one document.

    ``key`` is local to the document ("e0", "e1", ...). ``iso3``/``geonames_id``/
    ``country`` and the linked country's ``country_name``/``country_geonames_id`` are
    filled by resolution (:mod:`kg.resolve.linking`), so mapping to RDF needs no
    gazetteer; the global IRI is minted by :func:`kg.rdf.iri.entity_iri`.
    """

    key: str
    type: str  # one of ENTITY_TYPES
    name: str  # canonical name within this document
    aliases: list[str] = field(default_factory=list)
    iso3: str | None = None
    geonames_id: int | None = None
    wikidata: str | None = None
    country: str | None = None  # key of a Country entity of this document
    country_iso3: str | None = None  # the same country as ISO code, for linking without the doc
    country_name: str | None = None  # that country's canonical name (gazetteer), set by resolve
    country_geonames_id: int | None = None  # that country's GeoNames id, set by resolve
    # The node this entity joins, when cross-document resolution (kg.resolve.identity)
    # matched it to one already in the store; None: the node of its own identity key.
    iri: str | None = None
    # The known actor (id of kg/names/lexicons/actors.json) the names are, set by extraction, and
    # its CAMEO code at the article's date, set by resolution (kg.resolve.actors).
    actor: str | None = None
    actor_code: str | None = None


@dataclass
class Mention:
    span: Span
    entity: str  # Entity.key
    source_label: str  # the spaCy label (or component) that produced it


@dataclass
class Role:
    person: str  # Entity.key
    title: str  # e.g. "Defense Minister"
    of: str | None  # Entity.key of a Country or Organization
    sentence: Span
    confidence: float = 0.8


@dataclass
class Relation:
    subject: str  # Entity.key
    predicate: str  # locatedIn | country | memberOf
    object: str  # Entity.key
    sentence: Span | None
    confidence: float = 0.8


@dataclass
class Argument:
    """An event argument: an entity of the document, or plain words when none is named."""

    role: str  # agent | target | victim | participant | place
    span: Span
    entity: str | None = None  # Entity.key
    # For plain words ("police", "Nigerian troops"): their CAMEO sector code, set by resolution.
    actor_code: str | None = None


@dataclass
class Event:
    type: str  # a kg: event class name, e.g. "Attack"
    triggers: list[Span]
    sentence: Span
    arguments: list[Argument] = field(default_factory=list)
    time: str | None = None  # lexical form: 2017, 2017-06 or 2017-06-03
    time_text: str | None = None
    killed_count: int | None = None
    injured_count: int | None = None
    count: int | None = None
    confidence: float = 0.7
    modality: str | None = None  # None = asserted; see ontology for the values
    # Links to other events of the same document: (predicate, index into DocExtraction.events),
    # predicate one of "claims", "causedBy", "partOf".
    links: list[tuple[str, int]] = field(default_factory=list)
    # The sentences of its other triggers, when mentions in several sentences were merged.
    further_sentences: list[Span] = field(default_factory=list)
    # A Statement's words: a direct quote without its marks, else the reported clause.
    quote: str | None = None
    # Entity keys of what a Statement's words name (kg:about).
    about: list[str] = field(default_factory=list)


@dataclass
class DocExtraction:
    doc: Document
    model: str
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def entity(self, key: str) -> Entity:
        return next(e for e in self.entities if e.key == key)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocExtraction:
        def span(d: dict | None) -> Span | None:
            return Span(**d) if d else None

        return cls(
            doc=Document.from_dict(data["doc"]),
            model=data["model"],
            entities=[Entity(**e) for e in data["entities"]],
            mentions=[Mention(span(m["span"]), m["entity"], m["source_label"]) for m in data["mentions"]],
            roles=[Role(**{**r, "sentence": span(r["sentence"])}) for r in data["roles"]],
            relations=[Relation(**{**r, "sentence": span(r["sentence"])}) for r in data["relations"]],
            events=[
                Event(
                    **{
                        **e,
                        "triggers": [span(t) for t in e["triggers"]],
                        "sentence": span(e["sentence"]),
                        "links": [tuple(link) for link in e.get("links", [])],
                        "further_sentences": [span(s) for s in e.get("further_sentences", [])],
                        "arguments": [
                            Argument(a["role"], span(a["span"]), a["entity"], a.get("actor_code"))
                            for a in e["arguments"]
                        ],
                    }
                )
                for e in data["events"]
            ],
        )
