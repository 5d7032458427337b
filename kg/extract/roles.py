"""``newskg_roles``: roles people hold and the relations the text states between entities.

It runs after ``newskg_mention_clusters`` and reads its mentions and entities.
Patterns are token patterns over those mentions, with the title words of
``lexicons/titles.json`` and the syntax words of ``lexicons/role_syntax.json``:

- **title before a name**: "[Peruvian|Peru's|Red Brigade] Interior Minister Hadi Rashad" ->
  a :class:`Role` "Interior Minister" of the country or organization before it;
- **apposition**: "X, the president of Y," / "X, Y's foreign minister," ->
  the same; "X, a member of Y" -> ``memberOf`` only;
- **membership**: a member title of an organization ("Red Brigade spokesman X",
  "Y commander X") also makes X a member of Y;
- **country of an organization or person** (a facility's country is where it
  stands, decided by linking): a demonym or country name opening
  an organization's name ("Malian Border Police"), or a demonym before
  a person's title or name ("Nigerian businessman X"), sets its ``country_iso3``
  and a ``country`` relation.

Every role and relation carries its sentence and a confidence. The component
writes ``doc._.kg_roles`` and ``doc._.kg_relations`` (lists of
:class:`kg.model.Role` / :class:`kg.model.Relation` naming entity keys).

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> doc = nlp("Peruvian Interior Minister Hadi Rashad met Red Brigade spokesman Sami Zuhri.")
>>> [(r.title, r.of) for r in doc._.kg_roles], [(r.predicate, r.object) for r in doc._.kg_relations][:2]
([('Interior Minister', 'e0'), ('Spokesman', 'e2')], [('memberOf', 'e2')])
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.entity_patterns import title_end
from kg.extract.lexicon import word_list
from kg.model import Entity, Relation, Role
from kg.model import Span as TextSpan
from kg.names.gazetteer import country_by_iso3, lookup_country, lookup_demonym
from kg.names.normalize import ARTICLES, POSSESSIVE_ENDINGS

APPOSITION_PREPS = word_list("role_syntax.json", "apposition_preps")
COPULAS = word_list("role_syntax.json", "copulas")
LIST_CONJUNCTIONS = word_list("role_syntax.json", "list_conjunctions")
# How far (in tokens) a nationality word may stand before the name it qualifies.
NATIONALITY_WINDOW = 3
CONFIDENCE = {"title": 0.9, "apposition": 0.8, "possessive": 0.85, "nationality": 0.7, "name": 0.9}

for _name in ("kg_roles", "kg_relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def title_label(words: Span | str) -> str:
    """The title as a label: words as written, each capitalized; a title in an all-capital headline
    gets the same label as in the body (short words there may be acronyms, and stay).

    >>> title_label("harbour master"), title_label("DEPUTY MAYOR"), title_label("ACTING CEO")
    ('Harbour Master', 'Deputy Mayor', 'Acting CEO')
    """
    text = words if isinstance(words, str) else words.text
    shouting = text.isupper()
    return " ".join(w[:1].upper() + (w[1:].lower() if shouting and len(w) > 3 else w[1:]) for w in text.split())


class _Context:
    """The mentions of a document with their entities, looked up by token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions = list(doc.spans["kg_mentions"])
        self.entities: list[Entity] = doc._.kg_entities or []
        self.by_key = {e.key: e for e in self.entities}
        keys = doc._.kg_mention_entity or []
        self.entity_at: dict[int, tuple[Span, Entity]] = {}
        for span, key in zip(self.mentions, keys, strict=True):
            for i in range(span.start, span.end):
                self.entity_at[i] = (span, self.by_key[key])
        self.roles: list[Role] = []
        self.relations: list[Relation] = []

    def mention_ending_at(self, i: int) -> tuple[Span, Entity] | None:
        found = self.entity_at.get(i)
        return found if found and found[0].end == i + 1 else None

    def mention_starting_at(self, i: int) -> tuple[Span, Entity] | None:
        found = self.entity_at.get(i)
        return found if found and found[0].start == i else None

    def country_entity(self, iso3: str) -> Entity:
        """The document's entity for a country, added (without mentions) when only a demonym inside
        another name stands for it."""
        for entity in self.entities:
            if entity.type == "Country" and entity.iso3 == iso3:
                return entity
        country = country_by_iso3(iso3)
        added = Entity(key=f"e{len(self.entities)}", type="Country", name=country.name if country else iso3, iso3=iso3)
        self.entities.append(added)
        self.by_key[added.key] = added
        return added

    def sentence(self, span: Span) -> TextSpan:
        sent = span.sent if self.doc.has_annotation("SENT_START") else self.doc[:]
        return TextSpan(sent.start_char, sent.end_char, sent.text)

    def add_role(self, person: Entity, title: Span, of: Entity | None, evidence: Span, confidence: float) -> None:
        label = title_label(title)
        head = title[-1].lower_
        if of is not None and of.type == "Organization" and head in word_list("titles.json", "member_heads"):
            self.add_relation(person, "memberOf", of, evidence, confidence)
        if head in word_list("titles.json", "membership_only"):
            return
        for role in self.roles:
            if role.person == person.key and role.title.casefold() == label.casefold():
                if role.of is None and of is not None:
                    role.of, role.sentence, role.confidence = of.key, self.sentence(evidence), confidence
                return
        self.roles.append(Role(person.key, label, of.key if of else None, self.sentence(evidence), confidence))
        if of is not None and of.type == "Country" and not person.country_iso3:
            person.country_iso3 = of.iso3

    def add_relation(self, subject: Entity, predicate: str, obj: Entity, evidence: Span, confidence: float) -> None:
        if subject.key == obj.key:
            return
        if any((r.subject, r.predicate, r.object) == (subject.key, predicate, obj.key) for r in self.relations):
            return
        self.relations.append(Relation(subject.key, predicate, obj.key, self.sentence(evidence), confidence))


class Roles:
    """Roles, memberships and stated countries from title, apposition and name patterns."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(doc)
        for span, entity in {(s.start, s.end): (s, e) for s, e in ctx.entity_at.values()}.values():
            if entity.type == "Person":
                _title_before(ctx, span, entity)
                _apposition_after(ctx, span, entity)
                _nationality_before(ctx, span, entity)
                _nationality_after(ctx, span, entity)
            elif entity.type == "Organization":
                _country_in_name(ctx, span, entity)
            elif entity.type in ("Place", "Facility"):
                _place_then_region(ctx, span, entity)
        doc._.kg_roles = ctx.roles
        doc._.kg_relations = ctx.relations
        doc._.kg_entities = ctx.entities
        return doc


def _owner_before(ctx: _Context, i: int) -> tuple[Entity | None, str]:
    """The country or organization a title starting at token ``i`` belongs to: "Peruvian", "Peru's", "Red Brigade"."""
    if i <= 0:
        return None, "title"
    kind = "title"
    j = i - 1
    if ctx.doc[j].text in POSSESSIVE_ENDINGS and j > 0:
        j -= 1
        kind = "possessive"
    found = ctx.mention_ending_at(j)
    if found and found[1].type in ("Country", "Organization"):
        return found[1], kind
    return None, kind


def _title_before(ctx: _Context, span: Span, person: Entity) -> None:
    """'Peruvian Interior Minister Hadi Rashad', 'Peru's interior minister Hadi Rashad', 'Red Brigade spokesman X'."""
    i = span.start - 1
    if i < 0:
        return
    start = title_end(ctx.doc, i)
    if start is None:
        return
    of, kind = _owner_before(ctx, start)
    ctx.add_role(person, ctx.doc[start : i + 1], of, span, CONFIDENCE[kind])


def _apposition_after(ctx: _Context, span: Span, person: Entity) -> None:
    """'X, the president of Y,' / 'X, Y's foreign minister,' / 'X, a member of Y'."""
    doc = ctx.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return
    j = i + 1
    if doc[j].lower_ in ARTICLES:
        j += 1
    of, kind = None, "apposition"
    owner = ctx.mention_starting_at(j)
    if owner and owner[1].type in ("Country", "Organization"):
        after = owner[0].end
        if after < len(doc) and doc[after].text in POSSESSIVE_ENDINGS:
            of, kind, j = owner[1], "possessive", after + 1
        elif owner[1].type == "Country" and owner[0].end - owner[0].start == 1:
            of, j = owner[1], after  # "X, the Peruvian interior minister"
    end = j
    while end < len(doc) and not doc[end].is_punct and doc[end].lower_ not in APPOSITION_PREPS and end - j < 5:
        end += 1
    if end == j:
        return
    start = title_end(doc, end - 1)
    if start is None or start != j:
        return
    if of is None and end + 1 < len(doc) and doc[end].lower_ in APPOSITION_PREPS:
        k = end + 1
        if doc[k].lower_ in ARTICLES:
            k += 1
        owner = ctx.mention_starting_at(k)
        if owner and owner[1].type in ("Country", "Organization"):
            of = owner[1]
    ctx.add_role(person, doc[start:end], of, span, CONFIDENCE[kind])


def _nationality_before(ctx: _Context, span: Span, person: Entity) -> None:
    """'Nigerian businessman Marc Duval': a demonym a few words before a name is the person's country."""
    doc = ctx.doc
    for j in range(span.start - 1, max(-1, span.start - 1 - NATIONALITY_WINDOW), -1):
        found = ctx.mention_ending_at(j)
        if found:
            mention, entity = found
            if entity.type == "Country" and lookup_demonym(mention.text) and not person.country_iso3:
                person.country_iso3 = entity.iso3
                ctx.add_relation(person, "country", entity, span, CONFIDENCE["nationality"])
            return
        if not (doc[j].is_alpha and (doc[j].is_lower or title_end(doc, j) is not None or doc[j].is_title)):
            return


def _nationality_after(ctx: _Context, span: Span, person: Entity) -> None:
    """'X, a Nigerian businessman,' / 'X is an American singer': the demonym is the person's country."""
    doc = ctx.doc
    i = span.end
    if i < len(doc) and (doc[i].text == "," or doc[i].lemma_ == "be" or doc[i].lower_ in COPULAS):
        i += 1
    if i < len(doc) and doc[i].lower_ in ARTICLES:
        i += 1
    else:
        return
    found = ctx.mention_starting_at(i)
    if found and found[1].type == "Country" and lookup_demonym(found[0].text) and not person.country_iso3:
        if found[0].end < len(doc) and doc[found[0].end].is_alpha and doc[found[0].end].is_lower:
            person.country_iso3 = found[1].iso3
            ctx.add_relation(person, "country", found[1], span, CONFIDENCE["nationality"])


def _place_then_region(ctx: _Context, span: Span, place: Entity) -> None:
    """'Baltimore, Maryland' / 'Mopti, Mali': a place named with the region or country it is in.

    Lists ("Paris, London and Rome") are left alone: neither name may be one item of a list.
    """
    doc = ctx.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != "," or (span.start > 0 and doc[span.start - 1].text == ","):
        return
    found = ctx.mention_starting_at(i + 1)
    if not found or found[1].type not in ("Place", "Country") or found[1].key == place.key:
        return
    after = found[0].end
    if after < len(doc) and (
        doc[after].lower_ in LIST_CONJUNCTIONS
        or (doc[after].text == "," and ctx.mention_starting_at(after + 1) is not None)
    ):
        return
    region = found[1]
    if region.type == "Country":
        if not place.country_iso3:
            place.country_iso3 = region.iso3
        ctx.add_relation(place, "country", region, span, CONFIDENCE["apposition"])
    else:
        ctx.add_relation(place, "locatedIn", region, span, CONFIDENCE["apposition"])


def _country_in_name(ctx: _Context, span: Span, entity: Entity) -> None:
    """'Malian Border Police': a demonym or country name opening the name is its country."""
    if len(span) < 2 or entity.country_iso3:
        return
    first = span[0].text
    country = lookup_demonym(first) or lookup_country(first, allow_codes=False)
    if country is None and len(span) > 2:
        country = lookup_country(span[:2].text, allow_codes=False)
    if country is None:
        return
    entity.country_iso3 = country.iso3
    ctx.add_relation(entity, "country", ctx.country_entity(country.iso3), span, CONFIDENCE["name"])


@Language.factory("newskg_roles")
def make_roles(nlp: Language, name: str) -> Roles:
    return Roles()
