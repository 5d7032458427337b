"""The CoNLL-2003 event gold (benchmarks/gold/conll-testa.gold.json): its reader and scorer on
small invented documents, and the committed gold itself (it parses, names only words of its
documents, and annotates the documents its selection rule picks)."""

from __future__ import annotations

import json
import re

import pytest

from kg.evaluate.entities import score_gold_entities
from kg.evaluate.events.gold import ROLES, pair_events, score_gold
from kg.evaluate.readers import read_conll, read_gold_json
from kg.evaluate.records import GoldDocument
from kg.evaluate.selection import gold_documents, running_prose
from kg.evaluate.split import half_of
from kg.model import Argument, DocExtraction, Document, Entity, Event, Span
from tests.conftest import ROOT, shared_data

GOLD = ROOT / "benchmarks" / "gold" / "conll-testa.gold.json"

# Three invented sentences, one a line, as read_conll joins them.
TEXT = (
    "Rebels attacked Goma on Monday , police said .\n"
    "Colonel Ntaganda said the rebels attacked again .\n"
    "Envoys met President Kabila in Kinshasa , Kabila said ."
)


def span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(start, start + len(words), words)


def sentence(number: int) -> Span:
    line = TEXT.split("\n")[number - 1]
    return span(line)


def scores(gold_events: list[dict], events: list[Event], entities: list[Entity] | None = None):
    gold = GoldDocument("d", TEXT, raw={"conll": "x", "events": gold_events})
    extraction = DocExtraction(Document.from_text(TEXT, id="d"), model="m", entities=entities or [], events=events)
    result = score_gold([(gold, extraction)])
    return {k: (v.tp, v.fp, v.fn) for k, v in result.scores.items()}, result.notes


def conll_file(tmp_path, sentences: list[str]) -> None:
    lines = ["-DOCSTART- -X- O O", ""]
    for words in sentences:
        lines += [f"{w} X X O" for w in words.split()] + [""]
    (tmp_path / "x.conll").write_text("\n".join(lines), encoding="utf-8")


def test_reader_takes_the_text_of_the_named_conll_document(tmp_path):
    conll_file(tmp_path, TEXT.split("\n"))
    gold = tmp_path / "x.gold.json"
    events = [{"type": "Attack", "trigger": "attacked", "sentence": 1}]
    gold.write_text(json.dumps({"conll": "x.conll", "documents": [{"id": "conll-1", "events": events}]}))
    [doc] = read_gold_json(gold, shared_data=tmp_path)
    assert (doc.id, doc.text, doc.raw["events"]) == ("conll-1", TEXT, events)
    assert doc.raw["conll"] == "x.conll"


def test_reader_fails_clearly_without_the_conll_file_or_the_document(tmp_path):
    gold = tmp_path / "x.gold.json"
    gold.write_text(json.dumps({"conll": "missing.conll", "documents": [{"id": "conll-1", "events": []}]}))
    with pytest.raises(FileNotFoundError, match="missing.conll.*shared data"):
        list(read_gold_json(gold, shared_data=tmp_path))
    conll_file(tmp_path, ["Rebels attacked Goma ."])
    gold.write_text(json.dumps({"conll": "x.conll", "documents": [{"id": "conll-9", "events": []}]}))
    with pytest.raises(ValueError, match="no document 'conll-9'"):
        list(read_gold_json(gold, shared_data=tmp_path))


def test_an_events_only_gold_asks_for_the_events_task():
    with pytest.raises(ValueError, match="--task events"):
        score_gold_entities([GoldDocument("conll-1", TEXT, raw={"conll": "x", "events": []})], None)


def test_a_located_trigger_matches_only_in_its_sentence():
    gold = [{"type": "Statement", "trigger": "said", "sentence": 2, "agent": ["Colonel Ntaganda"]}]
    first = Event("Statement", [span("said")], sentence(1), [Argument("agent", span("police"))])
    counts, _ = scores(gold, [first])
    assert counts["statements"] == (0, 1, 1)  # the "said" of sentence 1 is not the gold's
    second = Event("Statement", [span("said", 1)], sentence(2), [Argument("agent", span("Colonel Ntaganda"))])
    counts, notes = scores(gold, [first, second])
    assert counts["statements"] == (1, 1, 0)
    assert counts["arguments/agent"] == (1, 1, 0)  # the false statement's agent is a false argument
    assert notes["statements_correct"] == 1


def test_other_mentions_of_one_happening_and_duplicates():
    gold = [{"type": "Attack", "trigger": "attacked", "sentence": 1, "also": [{"trigger": "attacked", "sentence": 2}]}]
    later = Event("Attack", [span("attacked", 1)], sentence(2))
    counts, notes = scores(gold, [later])
    assert counts["no_statements"] == (1, 0, 0)  # found by its other mention
    both = [Event("Attack", [span("attacked")], sentence(1)), later]
    counts, notes = scores(gold, both)
    assert counts["no_statements"] == (1, 1, 0) and notes["duplicates"] == 1  # one happening, two events
    assert scores(gold, [Event("Bombing", [span("attacked")], sentence(1))])[0]["no_statements"] == (0, 1, 1)


def test_arguments_by_role_by_words_head_word_or_entity_name():
    gold = [
        {
            "type": "Meeting",
            "trigger": "met",
            "sentence": 3,
            "participant": ["Envoys", "Joseph Kabila"],
            "place": ["Kinshasa"],
        }
    ]
    kabila = Entity("e1", "Person", "Joseph Kabila", aliases=["President Kabila"])
    meeting = Event(
        "Meeting",
        [span("met")],
        sentence(3),
        [
            Argument("participant", span("Envoys")),
            Argument("participant", span("President Kabila"), "e1"),  # by its entity's name
            Argument("place", span("Goma")),  # wrong
        ],
    )
    counts, _ = scores(gold, [meeting], [kabila])
    assert counts["arguments/participant"] == (2, 0, 0)
    assert counts["arguments/place"] == (0, 1, 1)
    assert counts["arguments/ALL"] == (2, 1, 1)
    assert counts["arguments_no_statements/ALL"] == (2, 1, 1)
    # a missed event's arguments are missed
    counts, _ = scores(gold, [])
    assert counts["arguments/participant"] == (0, 0, 2) and counts["no_statements"] == (0, 0, 1)


def test_of_two_events_the_one_with_more_right_arguments_is_paired():
    gold = [{"type": "Attack", "trigger": "attacked", "sentence": 1, "agent": ["Rebels"], "target": ["Goma"]}]
    bare = Event("Attack", [span("attacked")], sentence(1))
    full = Event(
        "Attack", [span("attacked")], sentence(1), [Argument("agent", span("Rebels")), Argument("target", span("Goma"))]
    )
    gold_document = GoldDocument("d", TEXT, raw={"events": gold})
    extraction = DocExtraction(Document.from_text(TEXT, id="d"), model="m", events=[bare, full])
    [(_, paired)], duplicates = pair_events(gold_document, extraction)
    assert paired is full and duplicates == 1


def test_a_trigger_not_in_its_sentence_is_an_error():
    with pytest.raises(ValueError, match="not in sentence 2"):
        scores([{"type": "Meeting", "trigger": "met", "sentence": 2}], [])


def test_the_selection_rule_keeps_running_prose():
    prose = "Rebels attacked the town of Goma on Monday , police said ."  # 12 tokens, a sentence
    assert running_prose("\n".join([prose] * 4)) and not running_prose("\n".join([prose] * 3))
    assert not running_prose("\n".join([prose[:-2]] * 4))  # no sentence end
    table = "\n".join(["1. Alex Zanardi ( Italy ) , Reynard Honda , 53.980 ( 113.576 mph )"] * 6)
    assert not running_prose(table)
    assert not running_prose("\n".join([prose] * 30))  # prose, but too long to annotate


def test_the_committed_gold_parses_and_names_words_of_its_documents():
    shared_data("conll2003", "eng.testa")  # a clear failure when the shared data is missing
    documents = list(read_gold_json(GOLD))
    assert len(documents) == 50
    assert sum(half_of(d.id) == "tune" for d in documents) == 25
    problems = []
    for doc in documents:
        lines = doc.text.lower().split("\n")
        assert doc.raw["half"] == half_of(doc.id)
        for event in doc.raw["events"]:
            for mention in [event, *event.get("also", [])]:
                line = lines[mention["sentence"] - 1] if mention["sentence"] <= len(lines) else ""
                if not re.search(rf"(?<!\w){re.escape(mention['trigger'].lower())}(?!\w)", line):
                    problems.append(f"{doc.id}: trigger {mention['trigger']!r} not in sentence {mention['sentence']}")
            for role in ROLES:
                problems += [
                    f"{doc.id}: {role} {w!r} not in the text"
                    for w in event.get(role, [])
                    if w.lower() not in doc.text.lower()
                ]
            if "time_text" in event and event["time_text"] not in doc.text:
                problems.append(f"{doc.id}: time {event['time_text']!r} not in the text")
    assert not problems, "\n".join(problems)


def test_the_committed_gold_annotates_the_documents_its_rule_picks():
    testa = list(read_conll(shared_data("conll2003", "eng.testa")))
    assert [d.id for d in read_gold_json(GOLD)] == gold_documents(testa, per_half=25)
