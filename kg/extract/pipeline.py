"""The extraction pipeline: a spaCy model plus newskg's components, streaming documents.

>>> nlp = load_pipeline()
>>> [x.entities[0].name for x in extract([Document.from_text("Lima is calm.")], nlp)]
['Lima']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

import kg.extract.actors  # noqa: F401  (registers the known-actor component)
import kg.extract.attributes  # noqa: F401  (registers the memoized attribute ruler)
import kg.extract.entities  # noqa: F401  (registers the entity components)
import kg.extract.entity_patterns  # noqa: F401  (registers the entity corrections)
import kg.extract.events  # noqa: F401  (registers the event component)
import kg.extract.lemmas  # noqa: F401  (registers the memoized lemmatizer)
import kg.extract.line_breaks  # noqa: F401  (registers the sentence starts at line breaks)
import kg.extract.roles  # noqa: F401  (registers the roles and relations component)
from kg.extract.backend import model_backend
from kg.extract.lexicon import hyphenated_trigger_words
from kg.extract.long_texts import MAX_PIECE_CHARS, join_pieces, piece_documents
from kg.extract.models import INSTALL_HINT, ModelNotFound, default_model, extractor_name
from kg.model import Argument, DocExtraction, Document, Mention
from kg.model import Span as TextSpan

# After the model's ner: entity corrections, typing, clustering, then roles/relations and events.
NEWSKG_COMPONENTS = (
    "newskg_entity_patterns",
    "newskg_known_actors",
    "newskg_entity_types",
    "newskg_mention_clusters",
    "newskg_roles",
    "newskg_events",
)
# Before the model's parser: where sentences start at line breaks.
PARSER_HINTS = ("newskg_line_breaks",)


def load_pipeline(model: str | None = None) -> Language:
    """Load an installed spaCy pipeline (never downloads) and add newskg's components."""
    name = model or default_model()
    try:
        with model_backend():  # numpy's BLAS: the same annotations for less CPU (kg/extract/backend.py)
            nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed ({err.__class__.__name__}); "
            f"install the default one with: {INSTALL_HINT}"
        ) from None
    if "attribute_ruler" in nlp.pipe_names and kg.extract.attributes.supports(nlp.get_pipe("attribute_ruler")):
        # The same attributes, the rules worked out once per kind of token (kg/extract/attributes.py).
        nlp.add_pipe("newskg_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        # The same lemmas, remembered instead of worked out again for every token (kg/extract/lemmas.py).
        nlp.add_pipe("newskg_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    if "parser" in nlp.pipe_names:
        # Headlines and paragraphs end their sentences before the parser reads them (kg/extract/line_breaks.py).
        for component in PARSER_HINTS:
            nlp.add_pipe(component, before="parser")
    for component in NEWSKG_COMPONENTS:
        nlp.add_pipe(component, last=True)
    _keep_whole(nlp.tokenizer, hyphenated_trigger_words())
    return nlp


def _keep_whole(tokenizer: Tokenizer, words: Iterable[str]) -> None:
    """Make the tokenizer keep each of ``words`` (and its plural), written in lower case, with a
    capital or in capitals, as one token ("a sit-in", "Shoot-outs"), as the lexicon lists it."""
    for word in words:
        for form in (word, word + "s"):
            for written in {form, form[0].upper() + form[1:], form.upper()}:
                tokenizer.add_special_case(written, [{ORTH: written}])


def model_name(nlp: Language) -> str:
    """What extracted a document: newskg's version and the spaCy pipeline's name and version.
    A stored document extracted by anything else is extracted again by ``kg build``."""
    return extractor_name(nlp.meta)


def extract(
    documents: Iterable[Document], nlp: Language, batch_size: int = 32, max_piece_chars: int = MAX_PIECE_CHARS
) -> Iterator[DocExtraction]:
    """Run the pipeline over documents as a stream, yielding one DocExtraction each.

    A document longer than ``max_piece_chars`` is extracted in pieces and joined back
    (kg/extract/long_texts.py), so no length limit loses an article."""
    name = model_name(nlp)
    pieces: list[tuple[int, DocExtraction]] = []
    prepared = _prepared(documents, nlp, max_piece_chars)
    for spacy_doc, (document, offset, last) in nlp.pipe(prepared, as_tuples=True, batch_size=batch_size):
        pieces.append((offset, to_extraction(spacy_doc, document, name)))
        if last:
            yield join_pieces(document, pieces)
            pieces = []


def _prepared(
    documents: Iterable[Document], nlp: Language, max_piece_chars: int
) -> Iterator[tuple[Doc, tuple[Document, int, bool]]]:
    # The publication date anchors relative dates ("on Tuesday"); components read it
    # from doc.user_data, so it is set on the tokenized Doc before they run.
    for document in documents:
        pieces = piece_documents(document, max_piece_chars)
        for number, (offset, piece) in enumerate(pieces, start=1):
            doc = nlp.make_doc(piece.text)
            doc.user_data["published"] = document.published
            yield doc, (document, offset, number == len(pieces))


def to_extraction(doc: Doc, document: Document, model: str) -> DocExtraction:
    """Read the components' results off a processed spaCy Doc into a plain record."""
    entity_of = doc._.kg_mention_entity or []
    mentions = [
        Mention(TextSpan(s.start_char, s.end_char, s.text), entity_of[i], s.label_)
        for i, s in enumerate(doc.spans["kg_mentions"])
    ]
    events = []
    for event in doc._.kg_events or []:
        # Event arguments name mentions ("m3") inside the component; records name entities.
        event.arguments = [
            Argument(a.role, a.span, entity_of[int(a.entity[1:])] if a.entity else None) for a in event.arguments
        ]
        speakers = {a.entity for a in event.arguments if a.role == "agent"}
        event.about = [k for k in dict.fromkeys(entity_of[int(m[1:])] for m in event.about) if k not in speakers]
        events.append(event)
    return DocExtraction(
        doc=document,
        model=model,
        entities=list(doc._.kg_entities or []),
        mentions=mentions,
        roles=list(doc._.kg_roles or []),
        relations=list(doc._.kg_relations or []),
        events=events,
    )
