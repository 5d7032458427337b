"""Long articles in pieces: cut at paragraph or sentence ends, extracted one by one, joined back.

spaCy refuses texts over ``nlp.max_length`` and its parser's memory grows with a text's
length, so an article longer than ``MAX_PIECE_CHARS`` is cut into pieces, each ending at
a paragraph break, else a line break, else a sentence end, else a space. Each piece is
extracted as it is; :func:`join_pieces` then shifts every span by its piece's offset (so
offsets stay exact in the whole text), renumbers entities and events, and makes one entity
of the same name and type found in several pieces. Time and memory grow linearly with length.

>>> text = "First part about Lyon.\\n\\nSecond part about Lima. " * 3
>>> [(start, end) for start, end in piece_bounds(text, 60)]
[(0, 48), (48, 96), (96, 144)]
>>> all(text[s:e].startswith("First") for s, e in piece_bounds(text, 60))
True
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.model import Argument, DocExtraction, Document, Entity, Event, Mention, Relation, Role, Span
from kg.names.normalize import normalize_key

# Pieces of at most this many characters (~3,300 words, longer than most news articles): far below
# spaCy's 1,000,000 limit. Measured on a 300k-character text: 20k pieces took 15 s CPU and 1.0 GB,
# 100k pieces 27 s and 1.15 GB (some entity corrections grow faster than linearly with a doc's length).
MAX_PIECE_CHARS = 20_000
# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


def piece_bounds(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` of each piece of ``text``, none longer than ``limit``, covering it all."""
    bounds, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = start + limit  # no break at all: a hard cut
        for cut in _CUTS:
            # The last break in the second half of the window, so that pieces stay large.
            found = [m.end() for m in cut.finditer(window, limit // 2)]
            if found:
                end = start + found[-1]
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def piece_documents(document: Document, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, Document]]:
    """The document as (offset, piece) pairs: itself alone when it is short enough."""
    if len(document.text) <= limit:
        return [(0, document)]
    bounds = piece_bounds(document.text, limit)
    return [(start, replace(document, text=document.text[start:end])) for start, end in bounds]


def _shift(span: Span | None, offset: int) -> Span | None:
    return None if span is None else Span(span.start + offset, span.end + offset, span.text)


def join_pieces(document: Document, pieces: list[tuple[int, DocExtraction]]) -> DocExtraction:
    """One extraction of ``document`` from the extractions of its pieces (offsets into the whole text)."""
    if len(pieces) == 1 and pieces[0][0] == 0:
        return replace(pieces[0][1], doc=document)
    joined = DocExtraction(doc=document, model=pieces[0][1].model)
    key_of_name: dict[tuple[str, str], str] = {}
    for offset, part in pieces:
        # One entity per name and type across pieces; within a piece the components' own choice stands.
        keys: dict[str, str] = {}
        new: list[Entity] = []
        named_here: dict[tuple[str, str], str] = {}
        for entity in part.entities:
            name = (entity.type, normalize_key(entity.name))
            if name in key_of_name:
                keys[entity.key] = key_of_name[name]
                kept = next(e for e in joined.entities if e.key == key_of_name[name])
                for alias in [entity.name, *entity.aliases]:
                    if alias != kept.name and alias not in kept.aliases:
                        kept.aliases.append(alias)
            else:
                keys[entity.key] = f"e{len(joined.entities) + len(new)}"
                named_here.setdefault(name, keys[entity.key])
                new.append(entity)
        joined.entities += [_entity(entity, keys) for entity in new]  # keys of the whole piece known now
        key_of_name.update(named_here)
        joined.mentions += [Mention(_shift(m.span, offset), keys[m.entity], m.source_label) for m in part.mentions]
        joined.roles += [
            Role(keys[r.person], r.title, keys.get(r.of) if r.of else None, _shift(r.sentence, offset), r.confidence)
            for r in part.roles
        ]
        joined.relations += [
            Relation(keys[r.subject], r.predicate, keys[r.object], _shift(r.sentence, offset), r.confidence)
            for r in part.relations
        ]
        first_event = len(joined.events)
        joined.events += [_event(e, offset, keys, first_event) for e in part.events]
    return joined


def _entity(entity: Entity, keys: dict[str, str]) -> Entity:
    country = keys.get(entity.country) if entity.country else None
    return replace(entity, key=keys[entity.key], aliases=list(entity.aliases), country=country)


def _event(event: Event, offset: int, keys: dict[str, str], first_event: int) -> Event:
    return replace(
        event,
        triggers=[_shift(t, offset) for t in event.triggers],
        sentence=_shift(event.sentence, offset),
        arguments=[
            Argument(a.role, _shift(a.span, offset), keys.get(a.entity) if a.entity else None) for a in event.arguments
        ],
        links=[(predicate, first_event + index) for predicate, index in event.links],
        further_sentences=[_shift(s, offset) for s in event.further_sentences],
    )


__all__ = ["MAX_PIECE_CHARS", "join_pieces", "piece_bounds", "piece_documents"]
