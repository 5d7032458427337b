"""spaCy components that turn named-entity spans into typed, clustered entities.

``newskg_entity_types`` reads ``doc.ents`` and writes typed mentions to
``doc.spans["kg_mentions"]`` (label = the kg class, ``span._.kg_iso3`` for
countries). ``newskg_mention_clusters`` groups those mentions into the entities
of the document and writes ``doc._.kg_entities`` (list of :class:`Entity`) and
``doc._.kg_mention_entity`` (mention index -> entity key).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("newskg_entity_types"); _ = nlp.add_pipe("newskg_mention_clusters")
>>> doc = nlp.make_doc("Hadi Rashad said Rashad was fine.")
>>> doc.ents = [doc.char_span(0, 11, "PERSON"), doc.char_span(17, 23, "PERSON")]
>>> doc = nlp.get_pipe("newskg_mention_clusters")(nlp.get_pipe("newskg_entity_types")(doc))
>>> [(e.name, e.aliases) for e in doc._.kg_entities]
[('Hadi Rashad', ['Rashad'])]
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.doc_text import document_words
from kg.extract.lexicon import word_list
from kg.model import Entity
from kg.names.actors import known_actor
from kg.names.gazetteer import country_of_capital, is_known_place, lookup_country, lookup_demonym
from kg.names.normalize import ARTICLES, POSSESSIVE_ENDINGS, acronym_of, is_acronym, is_part_of

# spaCy label -> kg class, for the labels whose class does not depend on the words.
LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "FAC": "Facility", "LOC": "Place"}
MAX_ACRONYM_EXPANSION = 10
# The classes of names an acronym of other words than their initials stands for ("Kurdistan Workers Party (PKK)").
ACRONYM_LABELS = ("Organization", "Facility")
# When one name has two labels in one document and the counts tie, the first of these wins.
TYPE_PREFERENCE = ("Person", "Organization", "Facility", "Place")
# A gazetteer place name counts as this many extra mentions typed Place.
GAZETTEER_SUPPORT = 1

for _name, _default in (("kg_iso3", None), ("kg_full_name", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
for _name in ("kg_entities", "kg_mention_entity"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def trim(span: Span) -> Span | None:
    """Drop a leading article or honorific and a trailing possessive: "the Red Brigade's" -> "Red Brigade",
    "Mr Whitelaw" -> "Whitelaw"."""
    start, end = span.start, span.end
    honorifics = word_list("titles.json", "honorifics")
    while start < end and (
        span.doc[start].lower_ in ARTICLES or (span.doc[start].lower_ in honorifics and start < end - 1)
    ):
        start += 1
    while end > start and span.doc[end - 1].lower_ in POSSESSIVE_ENDINGS:
        end -= 1
    return span.doc[start:end] if end > start else None


def type_span(span: Span, label: str) -> tuple[str, str | None] | None:
    """(kg class, ISO3 for countries) for an entity span with a spaCy label, or None to drop it."""
    if label == "NORP":
        country = lookup_demonym(span.text)
        return ("Country", country.iso3) if country else None
    if label in ("GPE", "LOC"):
        country = lookup_country(span.text, allow_codes=label == "GPE")
        if country:
            return "Country", country.iso3
        if lookup_demonym(span.text):  # "Afghan" tagged GPE is still a nationality
            return "Country", lookup_demonym(span.text).iso3
        return "Place", None
    kg_type = LABEL_TYPES.get(label)
    return (kg_type, None) if kg_type else None


@Language.factory("newskg_entity_types")
def make_entity_types(nlp: Language, name: str) -> EntityTypes:
    return EntityTypes()


class EntityTypes:
    """spaCy labels -> kg classes, with demonyms and country names resolved to countries.

    A name spaCy left untyped in one place ("Hadi Rashad" as WORK_OF_ART) takes the
    type it has elsewhere in the same document; a name typed two ways takes its
    best-supported type; "Long Name (LN)" makes the acronym a mention of the same
    thing (``doc.user_data["kg_acronyms"]``), and so does an acronym of another language
    after an organization's name ("Kurdistan Workers Party (PKK)"); a capital that acts ("Baghdad
    withdrew its mission") stands for its country.
    """

    def __call__(self, doc: Doc) -> Doc:
        typed: list[Span] = []
        untyped: list[Span] = []
        full_names = doc.user_data.get("kg_full_names", {})
        for ent in doc.ents:
            span = trim(ent)
            if span is None:
                continue
            result = type_span(span, ent.label_)
            if result is None:
                untyped.append(span)
                continue
            kg_span = Span(doc, span.start, span.end, label=result[0])
            kg_span._.kg_iso3 = result[1]
            kg_span._.kg_full_name = full_names.get((ent.start_char, ent.end_char))
            typed.append(kg_span)
        typed = self._surnames_are_people(typed)
        typed += self._retype(untyped, {s.text: s for s in typed})
        typed = _acronyms(doc, typed)
        typed = consistent_types(typed)
        typed += self._further_occurrences(doc, typed)
        typed = [_capital_metonymy(s) for s in typed]
        doc.spans["kg_mentions"] = sorted(typed, key=lambda s: s.start)
        return doc

    @staticmethod
    def _retype(spans: list[Span], known: dict[str, Span]) -> list[Span]:
        retyped = []
        for span in spans:
            model = known.get(span.text)
            if model is not None:
                kg_span = Span(span.doc, span.start, span.end, label=model.label_)
                kg_span._.kg_iso3 = model._.kg_iso3
                retyped.append(kg_span)
        return retyped

    @staticmethod
    def _surnames_are_people(typed: list[Span]) -> list[Span]:
        """A lone surname of a person named in full elsewhere is that person ("Rashad" tagged ORG)."""
        surnames = {s[-1].text: s for s in typed if s.label_ == "Person" and len(s) > 1}
        kept = [s for s in typed if not (len(s) == 1 and s.label_ != "Person" and s.text in surnames)]
        changed = [s for s in typed if s not in kept]
        return kept + EntityTypes._retype(changed, surnames)

    @staticmethod
    def _further_occurrences(doc: Doc, typed: list[Span]) -> list[Span]:
        """Names spaCy found once are mentions wherever else they occur in the document;
        a person's surname too."""
        names: dict[str, list[tuple[tuple[str, ...], Span]]] = {}
        for span in typed:
            forms = [tuple(t.text for t in span)]
            if span.label_ == "Person" and len(span) > 1:
                forms.append((span[-1].text,))
            for form in forms:
                if form[0][:1].isupper():
                    names.setdefault(form[0], []).append((form, span))
        covered = {i for s in typed for i in range(s.start, s.end)}
        # Words the model put in a date, number or other entity ("In May" of Theresa May) stay there.
        covered |= {i for e in doc.ents for i in range(e.start, e.end)}
        words = document_words(doc)  # read once: a Token per word and test costs more
        found = []
        i = 0
        while i < len(doc):
            match = None
            if i not in covered:
                for form, model in sorted(names.get(words[i], []), key=lambda f: -len(f[0])):
                    end = i + len(form)
                    if end <= len(doc) and tuple(words[i:end]) == form and not (covered & set(range(i, end))):
                        match = (end, model)
                        break
            if match:
                span = Span(doc, i, match[0], label=match[1].label_)
                span._.kg_iso3 = match[1]._.kg_iso3
                found.append(span)
                i = match[0]
            else:
                i += 1
        return found


def _relabel(span: Span, label: str, iso3: str | None = None) -> Span:
    kg_span = Span(span.doc, span.start, span.end, label=label)
    kg_span._.kg_iso3 = iso3
    kg_span._.kg_full_name = span._.kg_full_name
    return kg_span


def consistent_types(typed: list[Span]) -> list[Span]:
    """A name typed two ways in one document takes its best-supported type: the most frequent, a
    gazetteer place counting one more as Place ("Rashad" ORG once, PERSON twice -> Person; "Lyon"
    PERSON once, Place once -> Place). Countries are decided by the gazetteer and left alone.
    """
    labels: dict[str, Counter] = {}
    for span in typed:
        if span.label_ in TYPE_PREFERENCE:
            labels.setdefault(span.text, Counter())[span.label_] += 1
    for text, counts in labels.items():
        if "Place" in counts and len(counts) > 1 and is_known_place(text):
            counts["Place"] += GAZETTEER_SUPPORT
    best = {
        text: min(counts, key=lambda label: (-counts[label], TYPE_PREFERENCE.index(label)))
        for text, counts in labels.items()
        if len(counts) > 1
    }
    return [
        _relabel(s, best[s.text]) if s.text in best and s.label_ in TYPE_PREFERENCE and s.label_ != best[s.text] else s
        for s in typed
    ]


def _acronyms(doc: Doc, typed: list[Span]) -> list[Span]:
    """'Eastern Front of the Delta (EFD)': the long name is one mention, the acronym another."""
    pairs: dict[str, str] = {}
    texts = document_words(doc)  # read once: a Token per word and test costs more
    for i in range(1, len(doc) - 2):
        if texts[i] != "(" or texts[i + 2] != ")":
            continue
        short = doc[i + 1]
        if not (short.is_upper or short.text[:1].isupper()) or not short.is_alpha:
            continue
        # The initials ("Eastern Front of the Delta (EFD)"), else a name the model found right
        # before a short name in capitals: an acronym of another language ("Kurdistan Workers
        # Party (PKK)", "Central American University (UCA)")
        named = [s.start for s in typed if s.end == i and s.label_ in ACRONYM_LABELS]
        places = any(s.start == i + 1 and s.label_ in ("Country", "Place") for s in typed)  # "Jane Quigley (USA)"
        named = named if short.is_upper and is_acronym(short.text) and not places else []
        for start in range(max(0, i - MAX_ACRONYM_EXPANSION), i - 1):
            words = texts[start:i]
            initials = doc[start].is_title and doc[start].lower_ not in ARTICLES and acronym_of(short.text, words)
            if initials or start in named:
                long = doc[start:i]
                label = next((s.label_ for s in typed if (s.start, s.end) == (start, i)), "Organization")
                if label in ("Country", "Place"):
                    break
                others = [s for s in typed if s.end <= start or s.start >= i]
                others = [s for s in others if not (s.start == i + 1 and s.end == i + 2)]
                typed = others + [_relabel(long, label), _relabel(doc[i + 1 : i + 2], label)]
                pairs[short.text] = long.text
                break
    if pairs:
        doc.user_data["kg_acronyms"] = pairs
    return typed


def _capital_metonymy(span: Span) -> Span:
    """A capital that is the subject of an action verb stands for its country ("Baghdad withdrew")."""
    if span.label_ != "Place" or span.root.dep_ != "nsubj":
        return span
    verb = span.root.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in word_list("metonymy.json", "stative_verbs"):
        return span
    country = country_of_capital(span.text)
    return _relabel(span, "Country", country.iso3) if country else span


@Language.factory("newskg_mention_clusters")
def make_mention_clusters(nlp: Language, name: str) -> MentionClusters:
    return MentionClusters()


class MentionClusters:
    """Mentions of one thing within a document share one entity.

    Countries cluster on their ISO code; other names on their case-folded text; a
    Person or Organization name that is a contiguous part of exactly one longer
    name of the same type joins it ("Rashad" -> "Hadi Rashad").
    """

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans["kg_mentions"])
        cluster_of: list[str] = []
        for span in mentions:
            if span.label_ == "Country":
                cluster_of.append(f"Country|{span._.kg_iso3}")
            else:
                cluster_of.append(f"{span.label_}|{span.text.casefold()}")
        # An acronym paired with its expansion in the text is the same thing.
        acronyms = {k.casefold(): v.casefold() for k, v in doc.user_data.get("kg_acronyms", {}).items()}
        for n, cluster in enumerate(cluster_of):
            kind, name = cluster.split("|", 1)
            if name in acronyms and f"{kind}|{acronyms[name]}" in cluster_of:
                cluster_of[n] = f"{kind}|{acronyms[name]}"
        # Join short forms to the one longer name that contains them.
        words = {c: c.split("|", 1)[1].split() for c in set(cluster_of)}
        for cluster, short in words.items():
            kind = cluster.split("|", 1)[0]
            if kind not in ("Person", "Organization"):
                continue
            longer = [c for c, full in words.items() if c.startswith(kind + "|") and is_part_of(short, full)]
            if len(longer) == 1:
                cluster_of = [longer[0] if c == cluster else c for c in cluster_of]
        actor_of, cluster_of = _join_known_actors(mentions, cluster_of)
        entities: dict[str, Entity] = {}
        forms: dict[str, Counter] = {}
        full_names: dict[str, str] = {}
        for span, cluster in zip(mentions, cluster_of, strict=True):
            if cluster not in entities:
                entities[cluster] = Entity(key=f"e{len(entities)}", type=span.label_, name="")
                entities[cluster].iso3 = span._.kg_iso3
                entities[cluster].actor = actor_of.get(cluster)
                forms[cluster] = Counter()
            forms[cluster][span.text] += 1
            if span._.kg_full_name:  # "French embassy" named in full as "French embassy in Lima"
                full_names[cluster] = span._.kg_full_name
        for cluster, entity in entities.items():
            entity.name = full_names.get(cluster) or max(
                forms[cluster], key=lambda t: (len(t.split()), forms[cluster][t], t)
            )
            entity.aliases = sorted(set(forms[cluster]) - {entity.name})
        doc._.kg_entities = list(entities.values())
        doc._.kg_mention_entity = [entities[c].key for c in cluster_of]
        return doc


def names_a_thing(span: Span) -> bool:
    """The mention names a ship or a product after the actor it is named for: "the carrier John
    Doe", "a Norvik", "Norvik trucks", "Norvik 727" (``lexicons/named_things.json``).

    >>> import spacy
    >>> doc = spacy.blank("en")("The carrier Hadi Rashad and a Norvik pickup met Hadi Rashad in a Norvik 727.")
    >>> names_a_thing(doc[2:4]), names_a_thing(doc[6:7]), names_a_thing(doc[9:11])
    (True, True, False)
    >>> names_a_thing(doc.char_span(65, 71, "Organization"))
    True
    """
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in word_list("named_things.json", "vessel_nouns"):
        return True
    if after in word_list("named_things.json", "product_nouns"):
        return True
    if span.label_ != "Organization":
        return False
    # "a Norvik", "Norvik 727": one of the company's products, a model named by its number.
    model_number = span.end < len(doc) and any(c.isdigit() for c in doc[span.end].text)
    return before in word_list("named_things.json", "indefinite_articles") or model_number


def names_an_office(span: Span) -> bool:
    """The mention names an office, not an actor: a title, alone or followed by "of" ("secretary of
    state", "minister of the interior"), whoever holds it.

    >>> import spacy
    >>> doc = spacy.blank("en")("the secretary of state met the Norvik Council and General Norvik Motors")
    >>> names_an_office(doc[1:4]), names_an_office(doc[6:8]), names_an_office(doc[9:12])
    (True, False, False)
    >>> names_an_office(spacy.blank("en")("u.s. secretary of state")[:])
    True
    """
    start = span.start
    while start < span.end - 1 and _names_a_country(span.doc[start].text):
        start += 1  # "U.S. secretary of state": the country says whose office
    words = span.doc[start : span.end]
    if words[0].lower_ not in word_list("titles.json", "heads"):
        return False
    return len(words) == 1 or words[1].lower_ == "of"  # not "General Motors"


def _names_a_country(word: str) -> bool:
    return bool(lookup_country(word) or lookup_demonym(word) or lookup_country(word.upper()))


def _join_known_actors(mentions: list[Span], cluster_of: list[str]) -> tuple[dict[str, str], list[str]]:
    """Clusters whose names the actor dictionary gives to one actor of their type are one entity
    ("ISIS" and "Islamic State"); a cluster whose names point to two actors gets none.
    Returns (cluster -> actor id, the clusters of the mentions after joining)."""
    actors: dict[str, set[str]] = {}
    for span, cluster in zip(mentions, cluster_of, strict=True):
        if span.label_ in ("Person", "Organization") and not names_a_thing(span) and not names_an_office(span):
            actor = known_actor(span.text, span.label_)
            if actor is not None:
                actors.setdefault(cluster, set()).add(actor.id)
    actor_of = {cluster: ids.pop() for cluster, ids in actors.items() if len(ids) == 1}
    first: dict[tuple[str, str], str] = {}
    renamed: dict[str, str] = {}
    for cluster in dict.fromkeys(cluster_of):
        if cluster in actor_of:
            key = (cluster.split("|", 1)[0], actor_of[cluster])
            renamed[cluster] = first.setdefault(key, cluster)
    return actor_of, [renamed.get(c, c) for c in cluster_of]
