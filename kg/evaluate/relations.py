"""Relation scorer: Re-DocRED document-level relations mapped onto the newskg vocabulary.

Wikidata properties and the vocabulary term each is compared with:

======  ==========================  =====================
P17     country                     ``kg:country``
P27     country of citizenship      ``kg:country``
P131    located in (admin. unit)    ``kg:locatedIn``
P463    member of                   ``kg:memberOf``
P108    employer                    ``kg:memberOf``
P39     position held               ``kg:holdsRole``
======  ==========================  =====================

What newskg states is read from the resolved extraction: an entity's
``country_iso3`` (``kg:country``), the relation records, and roles (the title as
the tail). Predicted entities are aligned to gold entities (``vertexSet``
clusters) by overlapping mentions; a country is also aligned by name, demonym or
code to every gold cluster standing for it, so "German" and "Germany" are one
tail. A fact is (head cluster, predicate, tail), the tail a country code when it
is a country. A place's country is one fact, ``kg:country`` (the graph also
states it as ``kg:locatedIn``), compared with gold P17, or P131 to a country.
Re-DocRED relates its own entities only, so a fact whose head or tail is no gold
entity of the document (a country the text never names, say) cannot be judged:
it is counted apart, not scored. Sets are compared exactly.

>>> GOLD_PREDICATES["P27"], GOLD_PREDICATES["P131"]
('country', 'locatedIn')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.evaluate.records import GoldDocument, GoldSpan
from kg.evaluate.scoring import ALL, PRF
from kg.evaluate.tasks import EvaluationRun, Report, scorer
from kg.model import DocExtraction, Document
from kg.names.gazetteer import lookup_country, lookup_demonym
from kg.names.normalize import comparable_name

GOLD_PREDICATES = {
    "P17": "country",
    "P27": "country",
    "P131": "locatedIn",
    "P463": "memberOf",
    "P108": "memberOf",
    "P39": "holdsRole",
}
PREDICATES = ("country", "locatedIn", "memberOf", "holdsRole")
Fact = tuple[int, str, int | str]


def cluster_country(cluster: list[GoldSpan]) -> str | None:
    """The ISO3 code a gold cluster stands for, when its mentions name a country.

    >>> cluster_country([GoldSpan(0, 6, "German", "LOC")]), cluster_country([GoldSpan(0, 5, "Paris", "LOC")])
    ('DEU', None)
    """
    for mention in cluster:
        country = lookup_country(mention.text, allow_codes=mention.text.isupper()) or lookup_demonym(mention.text)
        if country:
            return country.iso3
    return None


def _overlaps(a: int, b: int, span: GoldSpan) -> bool:
    return a < span.end and span.start < b


class _Alignment:
    """Which gold cluster each predicted entity is, and the gold facts keyed the same way."""

    def __init__(self, doc: GoldDocument):
        self.doc = doc
        self.countries = [cluster_country(c) for c in doc.clusters]

    def tail_key(self, cluster: int) -> int | str:
        return self.countries[cluster] or cluster

    def gold_facts(self) -> set[Fact]:
        facts = set()
        for r in self.doc.relations:
            if r.predicate in GOLD_PREDICATES:
                predicate, tail = GOLD_PREDICATES[r.predicate], self.tail_key(r.tail)
                # A place located in a country: in the vocabulary, the place's kg:country.
                facts.add((r.head, "country" if isinstance(tail, str) else predicate, tail))
        return facts

    def entity_clusters(self, extraction: DocExtraction) -> dict[str, int]:
        """Entity key -> the gold cluster most of its mentions overlap."""
        votes: dict[str, Counter] = {}
        for mention in extraction.mentions:
            for index, cluster in enumerate(self.doc.clusters):
                if any(_overlaps(mention.span.start, mention.span.end, g) for g in cluster):
                    votes.setdefault(mention.entity, Counter())[index] += 1
        return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}

    def role_tail(self, title: str) -> int | None:
        """The gold cluster naming the position ("President of France" for "President"), or None."""
        words = comparable_name(title)
        for index, cluster in enumerate(self.doc.clusters):
            if any(words in comparable_name(m.text) for m in cluster):
                return index
        return None


def predicted_facts(extraction: DocExtraction, alignment: _Alignment) -> tuple[set[Fact], int]:
    """(facts whose entities are gold entities, number of facts that cannot be judged)."""
    clusters = alignment.entity_clusters(extraction)
    by_key = {e.key: e for e in extraction.entities}
    stated: set[tuple[str, str, str]] = set()  # (head key, predicate, tail: "iso:XXX" or entity key)
    for entity in extraction.entities:
        if entity.country_iso3 and entity.type != "Country":
            # For places the graph also says kg:locatedIn the country: the same fact, counted once.
            stated.add((entity.key, "country", f"iso:{entity.country_iso3}"))
    for relation in extraction.relations:
        tail = by_key.get(relation.object)
        tail_id = f"iso:{tail.iso3}" if tail is not None and tail.type == "Country" and tail.iso3 else relation.object
        stated.add((relation.subject, relation.predicate, tail_id))
    facts: set[Fact] = set()
    unjudged = 0
    for head, predicate, tail in stated:
        if head not in clusters:
            unjudged += 1
            continue
        if tail.startswith("iso:") and tail[4:] in alignment.countries:
            facts.add((clusters[head], "country", tail[4:]))
        elif tail in clusters:
            facts.add((clusters[head], predicate, alignment.tail_key(clusters[tail])))
        else:
            unjudged += 1
    for role in extraction.roles:
        tail = alignment.role_tail(role.title)
        if role.person in clusters and tail is not None:
            facts.add((clusters[role.person], "holdsRole", tail))
        else:
            unjudged += 1
    return facts, unjudged


def score_facts(gold: set[Fact], predicted: set[Fact]) -> dict[str, PRF]:
    """Exact set comparison per predicate, and over all (``ALL``)."""
    scores = {}
    for predicate in PREDICATES:
        g = {f for f in gold if f[1] == predicate}
        p = {f for f in predicted if f[1] == predicate}
        scores[predicate] = PRF(len(g & p), len(p - g), len(g - p))
    total = PRF()
    for value in scores.values():
        total += value
    scores[ALL] = total
    return scores


@scorer("relations", formats=("redocred",))
def score_redocred_relations(documents: Iterable[GoldDocument], run: EvaluationRun) -> Report:
    """P/R/F1 of the relations newskg states, against Re-DocRED's on P17, P27, P131, P463, P108, P39."""
    from kg.extract.pipeline import extract
    from kg.resolve import resolve

    documents = list(documents)
    totals = {p: PRF() for p in (*PREDICATES, ALL)}
    unjudged = 0
    records = [Document.from_text(d.text, id=d.id) for d in documents]
    for doc, extraction in zip(documents, extract(records, run.nlp, batch_size=run.batch_size), strict=True):
        alignment = _Alignment(doc)
        facts, skipped = predicted_facts(resolve(extraction), alignment)
        unjudged += skipped
        for predicate, value in score_facts(alignment.gold_facts(), facts).items():
            totals[predicate] += value
    report = Report(
        f"Relations ({len(documents)} documents; P17, P27 -> country, P131 -> locatedIn, "
        "P463, P108 -> memberOf, P39 -> holdsRole)"
    )
    report.tables["relations, exact"] = {"newskg": totals}
    report.notes.append(f"- {unjudged} stated facts name an entity that is not a gold entity and were not scored")
    return report
