"""``kg evaluate`` on tiny hand-made datasets: the printed scores are the hand-computed ones."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate.tasks import find_scorer

DOC1 = "Defense Minister Juma Inad visited Kirkuk on Monday. The general said Iraqi forces were ready."
DOC2 = "Police in Lyon arrested two men after the attack on Oxford Street."


def wikievents_record(doc_id: str, text: str, mentions: list[tuple[str, str]]) -> dict:
    """A WikiEvents line: one sentence of tokens with document offsets, entity mentions by token."""
    tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    entity_mentions = []
    for n, (words, label) in enumerate(mentions):
        start = text.index(words)
        first = next(i for i, t in enumerate(tokens) if t[1] == start)
        last = next(i for i, t in enumerate(tokens) if t[2] == start + len(words))
        entity_mentions.append(
            {"id": f"{doc_id}-T{n}", "start": first, "end": last + 1, "entity_type": label, "text": words}
        )
    return {
        "doc_id": doc_id,
        "tokens": [t[0] for t in tokens],
        "text": text,
        "sentences": [[[list(t) for t in tokens], text]],
        "entity_mentions": entity_mentions,
        "event_mentions": [],
    }


def evaluate(*args: str) -> dict:
    result = CliRunner().invoke(app, ["evaluate", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_entity_mentions_on_a_tiny_wikievents_file(tmp_path):
    path = tmp_path / "tiny.jsonl"
    records = [
        wikievents_record(
            "d1",
            DOC1,
            [("Juma Inad", "PER"), ("Kirkuk", "GPE"), ("general", "PER"), ("Iraqi", "GPE"), ("forces", "ORG")],
        ),
        wikievents_record("d2", DOC2, [("Police", "ORG"), ("Lyon", "GPE"), ("Oxford Street", "FAC"), ("men", "PER")]),
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    tables = evaluate(str(path))["tables"]
    strict = tables["all gold mentions, strict"]
    # Gold, in the compared classes: PER Juma Inad, general, men; ORG forces, Police; LOC Kirkuk, Iraqi, Lyon,
    # Oxford Street. newskg finds Juma Inad (Person), Kirkuk, Iraqi (demonym -> Country), Lyon ("in Lyon"),
    # Oxford Street (Facility): 5 right, none wrong.
    assert strict["newskg"]["ALL"] == {"tp": 5, "fp": 0, "fn": 4, "precision": 1.0, "recall": 0.5556, "f1": 0.7143}
    assert strict["newskg"]["PER"] == {"tp": 1, "fp": 0, "fn": 2, "precision": 1.0, "recall": 0.3333, "f1": 0.5}
    # The raw model: Juma Inad and Kirkuk right; "Defense", "Lyon", "Oxford Street" as ORG wrong; NORP not counted.
    assert strict["spacy"]["ALL"] == {"tp": 2, "fp": 3, "fn": 7, "precision": 0.4, "recall": 0.2222, "f1": 0.2857}
    assert strict["spacy"]["ORG"] == {"tp": 0, "fp": 3, "fn": 2, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    # NORP counted as a place: "Iraqi" right as well.
    assert strict["spacy+NORP"]["ALL"]["tp"] == 3
    # Names only: "general", "forces" and "men" are no names; "Police" has a capital and counts.
    names = tables["gold names, strict"]
    assert names["newskg"]["ALL"] == {"tp": 5, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.8333, "f1": 0.9091}


def test_gold_file_check_counts_and_names_what_is_missing(tmp_path):
    text = "Iraqi Defense Minister Juma Inad met Turkish officials in Kirkuk.\n\nLater, Inad said Iraq was ready.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    gold = {
        "id": "t",
        "text_file": "t.txt",
        "entities": [
            {"label": "Juma Inad", "type": "Person", "aliases": ["Inad"]},
            {"label": "Iraq", "type": "Country", "iso": "IRQ", "aliases": ["Iraqi"]},
            {"label": "Turkey", "type": "Country", "iso": "TUR"},
            {"label": "Kirkuk", "type": "Place", "country": "Iraq"},
            {"label": "Mosul", "type": "Place", "country": "Iraq"},
        ],
        "roles": [{"person": "Juma Inad", "title": "Defense Minister", "of": "Iraq"}],
        "relations": [
            {"subject": "Kirkuk", "predicate": "locatedIn", "object": "Iraq"},
            {"subject": "Juma Inad", "predicate": "memberOf", "object": "Turkey"},
        ],
    }
    (tmp_path / "t.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(str(tmp_path / "t.gold.json"))
    counts = report["tables"]["t"]["newskg"]
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in counts.items()} == {
        "entities": (4, 0, 1),  # Mosul is not in the text
        "aliases": (2, 0, 0),
        "iso codes": (2, 0, 0),
        "countries": (1, 0, 0),  # Kirkuk's; Mosul has no node to check
        "roles": (1, 0, 0),
        "relations": (1, 0, 1),  # the memberOf the text never states
    }
    assert "- duplicate nodes: 0" in report["notes"]
    assert "- entities: Mosul (Place) not found" in report["notes"]


def test_relations_on_a_tiny_redocred_file(tmp_path):
    sentences = [
        "Paul Ryan lives in Baltimore , Maryland .".split(),
        "Juma Inad is an Iraqi politician from Kirkuk , Iraq .".split(),
    ]

    def vertex(sent, start, end, kind):
        return {"name": " ".join(sentences[sent][start:end]), "sent_id": sent, "pos": [start, end], "type": kind}

    record = {
        "title": "tiny",
        "sents": sentences,
        "vertexSet": [
            [vertex(0, 0, 2, "PER")],  # 0 Paul Ryan
            [vertex(0, 4, 5, "LOC")],  # 1 Baltimore
            [vertex(0, 6, 7, "LOC")],  # 2 Maryland
            [vertex(1, 0, 2, "PER")],  # 3 Juma Inad
            [vertex(1, 4, 5, "LOC"), vertex(1, 9, 10, "LOC")],  # 4 Iraqi / Iraq
            [vertex(1, 7, 8, "LOC")],  # 5 Kirkuk
        ],
        "labels": [
            {"r": "P131", "h": 1, "t": 2, "evidence": [0]},  # Baltimore located in Maryland: found
            {"r": "P27", "h": 3, "t": 4, "evidence": [1]},  # Juma Inad citizen of Iraq: found
            {"r": "P17", "h": 5, "t": 4, "evidence": [1]},  # Kirkuk in Iraq: found
            {"r": "P27", "h": 0, "t": 4, "evidence": [0]},  # a wrong gold fact newskg cannot state: missed
            {"r": "P150", "h": 4, "t": 5, "evidence": [1]},  # not one of the six relations: ignored
        ],
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    scores = evaluate(str(path))["tables"]["relations, exact"]["newskg"]
    assert scores["ALL"] == {"tp": 3, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.75, "f1": 0.8571}
    assert (scores["locatedIn"]["tp"], scores["country"]["tp"], scores["country"]["fn"]) == (1, 2, 1)


def test_unknown_task_or_format_is_one_clear_error(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path), "--task", "nonsense"])
    assert result.exit_code == 2 and "no scorer for task 'nonsense'" in result.output
    with pytest.raises(LookupError):
        find_scorer("relations", "conll")


def test_conll_misc_spans_count_neither_way(tmp_path):
    path = tmp_path / "tiny.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n"
        ". . O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nvisited VBD O O\nLondon NNP I-NP I-LOC\n. . O O\n",
        encoding="utf-8",
    )
    strict = evaluate(str(path))["tables"]["all gold mentions, strict"]
    # Gold: EU (ORG), Peter Blackburn (PER), London (LOC); "German" is MISC: newskg's Country mention
    # there (a demonym) is not counted as wrong.
    assert strict["newskg"]["ALL"] == {"tp": 3, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert strict["newskg"]["LOC"]["tp"] == 1
