"""Entity scorers: mention P/R/F1 against WikiEvents and CoNLL-2003, and the project's gold files.

Mentions are compared on three classes: PER (kg:Person), ORG (kg:Organization)
and LOC (kg:Country, kg:Place, kg:Facility against GPE, LOC and FAC; CoNLL's
MISC and WikiEvents' other types are left out, and a prediction on a MISC span is
not counted either way). The baseline is the same spaCy
model without newskg's components, scored in the same run by the same code:
``spacy`` maps PERSON, ORG and GPE/LOC/FAC; ``spacy+NORP`` also counts NORP
(nationalities) as LOC, the most generous reading of the raw model.

Tables are given for all gold mentions and for gold *names* (mentions with a
capital letter: WikiEvents also annotates nominals and pronouns such as
"general" or "they", which no name recognizer finds), each strict (exact span)
and lenient (overlapping span, one-to-one).

>>> to_classes([GoldSpan(0, 4, "Iraq", "GPE"), GoldSpan(5, 8, "gun", "WEA")], GOLD_CLASSES)
[GoldSpan(start=0, end=4, text='Iraq', label='LOC')]
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from kg.evaluate.records import GoldDocument, GoldSpan
from kg.evaluate.scoring import ALL, PRF, add_scores, score_spans
from kg.evaluate.tasks import EvaluationRun, Report, scorer
from kg.model import Document
from kg.names.normalize import comparable_name
from kg.rdf.sparql import sparql_text

GOLD_CLASSES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
KG_CLASSES = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Place": "LOC", "Facility": "LOC"}
SPACY_CLASSES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SPACY_NORP_CLASSES = {**SPACY_CLASSES, "NORP": "LOC"}
SYSTEMS = ("newskg", "spacy", "spacy+NORP")
IGNORED_LABELS = {"MISC"}


def to_classes(spans: Iterable[GoldSpan], classes: dict[str, str]) -> list[GoldSpan]:
    """Spans relabelled onto the compared classes; the others dropped."""
    return [GoldSpan(s.start, s.end, s.text, classes[s.label]) for s in spans if s.label in classes]


def is_name(span: GoldSpan) -> bool:
    """A name mention, as opposed to a nominal or a pronoun: it has a capital letter and is not
    only stop words ("He", "They", "Our").

    >>> is_name(GoldSpan(0, 4, "Iraq")), is_name(GoldSpan(0, 2, "He")), is_name(GoldSpan(0, 7, "general"))
    (True, False, False)
    """
    return any(c.isupper() for c in span.text) and not all(w.casefold() in STOP_WORDS for w in span.text.split())


def not_ignored(predicted: list[GoldSpan], doc: GoldDocument) -> list[GoldSpan]:
    """Predictions that overlap no gold span labelled MISC: CoNLL-2003 calls nationalities and
    events MISC, which the compared classes leave out, so a mention there is neither right nor wrong."""
    ignored = [g for g in doc.entities if g.label in IGNORED_LABELS]
    return [p for p in predicted if not any(p.start < g.end and g.start < p.end for g in ignored)]


def predicted_mentions(documents: list[GoldDocument], run: EvaluationRun) -> dict[str, list[list[GoldSpan]]]:
    """Per system, the mentions each document gets (in the compared classes)."""
    from kg.extract.pipeline import extract

    docs = [Document.from_text(d.text, id=d.id) for d in documents]
    found: dict[str, list[list[GoldSpan]]] = {system: [] for system in SYSTEMS}
    for extraction in extract(docs, run.nlp, batch_size=run.batch_size):
        mentions = [GoldSpan(m.span.start, m.span.end, m.span.text, t) for m, t in _typed(extraction)]
        found["newskg"].append(to_classes(mentions, KG_CLASSES))
    for doc in run.raw_nlp.pipe((d.text for d in documents), batch_size=run.batch_size):
        ents = [GoldSpan(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
        found["spacy"].append(to_classes(ents, SPACY_CLASSES))
        found["spacy+NORP"].append(to_classes(ents, SPACY_NORP_CLASSES))
    return found


def _typed(extraction):
    types = {e.key: e.type for e in extraction.entities}
    return [(m, types[m.entity]) for m in extraction.mentions]


@scorer("entities", formats=("wikievents", "conll"))
def score_entity_mentions(documents: Iterable[GoldDocument], run: EvaluationRun) -> Report:
    """Entity-mention P/R/F1 of newskg and of the raw model, per class, strict and lenient."""
    documents = list(documents)
    predicted = predicted_mentions(documents, run)
    report = Report(f"Entity mentions ({len(documents)} documents)")
    for subset, keep in (("all gold mentions", lambda s: True), ("gold names", is_name)):
        for lenient in (False, True):
            rows: dict[str, dict[str, PRF]] = {}
            for system in SYSTEMS:
                totals: dict[str, PRF] = {}
                for doc, pred in zip(documents, predicted[system], strict=True):
                    gold = [s for s in to_classes(doc.entities, GOLD_CLASSES) if keep(s)]
                    add_scores(totals, score_spans(gold, not_ignored(pred, doc), lenient=lenient))
                rows[system] = {label: totals.get(label, PRF()) for label in ("PER", "ORG", "LOC", ALL)}
            name = f"{subset}, {'lenient' if lenient else 'strict'}"
            report.tables[name] = rows
            gain = rows["newskg"][ALL].f1 - max(rows["spacy"][ALL].f1, rows["spacy+NORP"][ALL].f1)
            report.notes.append(
                f"- {name}: newskg F1 {rows['newskg'][ALL].f1:.3f}, {gain:+.3f} over the better baseline"
            )
    return report


# ---------------------------------------------------------------- the project's gold files

GOLD_NODES = sparql_text(__package__, "queries/gold-nodes.rq")
GOLD_ROLES = sparql_text(__package__, "queries/gold-roles.rq")
GOLD_RELATIONS = sparql_text(__package__, "queries/gold-relations.rq")


class _GraphView:
    """The entities of a built store: names, types, codes, countries, roles and relations."""

    def __init__(self, store):
        from kg.rdf.namespaces import PREFIX_IRIS

        def rows(query: str):
            return store.query(query, prefixes=PREFIX_IRIS, use_default_graph_as_union=True)

        self.names: dict[str, set[str]] = {}
        self.label: dict[str, str] = {}
        self.types: dict[str, set[str]] = {}
        self.iso: dict[str, str] = {}
        self.countries: dict[str, set[str]] = {}
        for row in rows(GOLD_NODES):
            e = row["e"].value
            self.label[e] = row["label"].value
            self.names.setdefault(e, set()).add(comparable_name(row["label"].value))
            self.types.setdefault(e, set()).add(row["type"].value.rsplit("#", 1)[1])
            if row["alt"] is not None:
                self.names[e].add(comparable_name(row["alt"].value))
            if row["iso"] is not None:
                self.iso[e] = row["iso"].value
            if row["country"] is not None:
                self.countries.setdefault(e, set()).add(row["country"].value)
        self.roles = {
            (r["person"].value, comparable_name(r["title"].value), r["of"].value if r["of"] else None)
            for r in rows(GOLD_ROLES)
        }
        self.relations = {(r["s"].value, r["p"].value.rsplit("#", 1)[1], r["o"].value) for r in rows(GOLD_RELATIONS)}

    def named(self, names: set[str]) -> list[str]:
        return sorted(e for e, known in self.names.items() if known & names)

    def node(self, label: str, kind: str | None = None) -> str | None:
        """The node whose label or alias is ``label`` (of type ``kind``), or None."""
        found = [e for e in self.named({comparable_name(label)}) if kind is None or kind in self.types[e]]
        return found[0] if found else None


def check_gold(record: dict, view: _GraphView) -> tuple[dict[str, PRF], list[str]]:
    """Counts per kind of fact (entities with their type, aliases, ISO codes, countries, roles,
    relations) and lines: first the number of gold entities found as more than one node, then
    each fact missing or wrong, then the nodes the gold file does not name."""
    counts = {k: PRF() for k in ("entities", "aliases", "iso codes", "countries", "roles", "relations")}
    problems: list[str] = []
    matched: set[str] = set()

    def tally(kind: str, ok: bool, problem: str) -> None:
        if ok:
            counts[kind].tp += 1
        else:
            counts[kind].fn += 1
            problems.append(f"- {kind}: {problem}")

    duplicates = 0
    for entity in record["entities"]:
        names = {comparable_name(n) for n in [entity["label"], *entity.get("aliases", [])]}
        nodes = view.named(names)
        matched.update(nodes)
        node = view.node(entity["label"], entity["type"])
        tally("entities", node is not None, f"{entity['label']} ({entity['type']}) not found")
        if len(nodes) > 1:
            duplicates += 1
            problems.append(f"- duplicates: {entity['label']} is {len(nodes)} nodes: {', '.join(nodes)}")
        if node is None:
            continue
        for alias in entity.get("aliases", []):
            tally("aliases", comparable_name(alias) in view.names[node], f"{alias!r} not a name of {entity['label']}")
        if "iso" in entity:
            wrong = f"{entity['label']} has no kg:isoCode {entity['iso']}"
            tally("iso codes", view.iso.get(node) == entity["iso"], wrong)
        if "country" in entity:
            country = view.node(entity["country"], "Country")
            tally(
                "countries",
                country in view.countries.get(node, set()),
                f"{entity['label']} kg:country is not {entity['country']}",
            )
    for role in record.get("roles", []):
        person, of = view.node(role["person"], "Person"), view.node(role["of"]) if role.get("of") else None
        tally(
            "roles",
            (person, comparable_name(role["title"]), of) in view.roles,
            f"{role['person']} holds no role {role['title']!r} of {role.get('of')}",
        )
    for relation in record.get("relations", []):
        s, o = view.node(relation["subject"]), view.node(relation["object"])
        tally(
            "relations",
            (s, relation["predicate"], o) in view.relations,
            f"{relation['subject']} kg:{relation['predicate']} {relation['object']} missing",
        )
    spurious = sorted(view.label[e] for e in view.label if e not in matched)
    counts["entities"].fp = len(spurious)
    problems.insert(0, f"- duplicate nodes: {duplicates}")
    if spurious:
        problems.append(f"- nodes not in the gold file (not necessarily wrong): {', '.join(spurious)}")
    return counts, problems


@scorer("entities", formats=("gold",))
def score_gold_entities(documents: Iterable[GoldDocument], run: EvaluationRun) -> Report:
    """Build each gold file's text into a fresh store with ``kg build`` and check every entity,
    type, alias, ISO code, country, role and relation of the gold file against the graph."""
    from kg.build import build
    from kg.store.embedded import EmbeddedStore

    report = Report("Gold file: entities, aliases, roles and relations")
    for doc in documents:
        if "entities" not in doc.raw:
            raise ValueError(f"{doc.id}: the gold lists events, no entities: score it with --task events")
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{doc.id}.txt"
            source.write_text(doc.text, encoding="utf-8")
            build([str(source)], Path(tmp) / "out", model=run.model)
            view = _GraphView(EmbeddedStore(Path(tmp) / "out" / "store", read_only=True).ox)
        counts, problems = check_gold(doc.raw, view)
        report.tables[doc.id] = {"newskg": counts}
        complete = all(c.fn == 0 for c in counts.values()) and problems[0] == "- duplicate nodes: 0"
        report.notes.append(f"{doc.id}: {'every gold fact present, no duplicate node' if complete else 'MISSING:'}")
        report.notes.extend(problems)
    return report
