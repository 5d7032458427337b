"""Statements: who said what about whom, measured on fifty hand-written sentences
(tests/statement_sentences.py, invented names), and the ``quotes`` ready query."""

from __future__ import annotations

import pytest

from kg.query import ready_query, run_query
from kg.store.sources import open_source
from tests import statement_sentences_heldout as heldout
from tests.statement_sentences import ATTRIBUTED, UNATTRIBUTED


def statements(x):
    names = {e.key: e.name for e in x.entities}
    return [
        (names.get(e.arguments[0].entity) or e.arguments[0].span.text, e.quote, [names[k] for k in e.about])
        for e in x.events
        if e.type == "Statement"
    ]


def test_statement_precision_and_recall_on_fifty_sentences(extract_one):
    tp = fp = fn = 0
    misses = []
    for text, speaker, words in [*ATTRIBUTED, *((t, None, None) for t in UNATTRIBUTED)]:
        found = statements(extract_one(text))
        right = [s for s in found if speaker and s[0] == speaker and words in (s[1] or "")]
        tp += bool(right)
        fp += len(found) - bool(right)
        fn += bool(speaker) and not right
        if len(found) != bool(right) or (speaker and not right):
            misses.append((text, found))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert len(ATTRIBUTED) + len(UNATTRIBUTED) == 50
    assert precision >= 0.9 and recall >= 0.8, (precision, recall, misses)


def test_statement_precision_and_recall_on_fifty_held_out_sentences(extract_one):
    """The held-out set (written before the extractor ran on it): a statement is right when its
    speaker is one of those accepted and its quote holds no headline."""
    tp = fp = fn = 0
    misses = []
    cases = [*heldout.ATTRIBUTED, *((t, (), None) for t in heldout.UNATTRIBUTED)]
    for text, speakers, words in cases:
        found = statements(extract_one(text))
        right = [s for s in found if s[0] in speakers and "\n" not in (s[1] or "")]
        hit = words is not None and any(words in (s[1] or "") for s in right)
        tp += hit
        fp += len(found) - len(right)
        fn += words is not None and not hit
        if len(found) != len(right) or (words is not None and not hit):
            misses.append((text, found))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert len(cases) == 50
    assert precision >= 0.9 and recall >= 0.8, (precision, recall, misses)


@pytest.mark.parametrize(
    "text",
    [
        "According to a spokesman for the Harlow Guard, the gate was shut.",
        "The Harlow Guard's spokesman said the gate was shut.",
    ],
)
def test_a_spokesman_speaks_for_the_group_he_represents(extract_one, text):
    assert [s[0] for s in statements(extract_one(text))] == ["Harlow Guard"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("A Harlow Guard spokesman said the gate was shut.", "Harlow Guard"),
        ("A police spokesman said the gate was shut.", "police spokesman"),
        ("A spokesman for the interior ministry said the gate was shut.", "interior ministry"),
        # the parse hangs the verb on the name as a clause of it
        ("Tomas Vell, the defence minister, announced on Monday that the gate was shut.", "Tomas Vell"),
    ],
)
def test_a_spokesman_named_by_whom_he_speaks_for_is_a_speaker(extract_one, text, speaker):
    assert [s[0] for s in statements(extract_one(text))] == [speaker]


def test_a_spokesman_of_no_one_named_is_no_speaker(extract_one):
    assert not statements(extract_one("A spokesman said the gate was shut."))


def test_a_statement_in_a_relative_clause_is_told_as_done(extract_one):
    x = extract_one("The charges against Mira Castell, which her lawyer Ana Voss says are false, were dropped.")
    assert [(e.type, e.modality) for e in x.events if e.type == "Statement"] == [("Statement", None)]


def test_a_group_speaker_keeps_its_possessor(extract_one):
    x = extract_one("The gate was shut, according to the regional ombudsman's office.")
    assert [s[0] for s in statements(x)] == ["regional ombudsman's office"]


def test_local_media_are_no_speaker(extract_one):
    assert not statements(extract_one("According to local media, the dam had cracked."))


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # the date of a clause on the speaker is the clause's, not the utterance's
        ("Valdor, which annexed the Kesh valley in 1967, says it will never cede it.", None),
        ("Lia Perrin, who arrived in Kesh on Sunday, said the army would stay.", None),
        # near miss: the date hung on the verb is the utterance's
        ("Lia Perrin, who arrived in Kesh, said on Monday that the army would stay.", "2025-06-02"),
    ],
)
def test_a_date_in_a_clause_on_the_speaker_is_not_the_statement_s(extract_one, text, time):
    (event,) = [e for e in extract_one(text, published="2025-06-05").events if e.type == "Statement"]
    assert event.time == time


def test_a_headline_is_no_statement(extract_one):
    x = extract_one("Flood cuts road to Kesh; Harlow Guard says gate shut\n\nThe water rose, the Harlow Guard said.")
    assert statements(x) == [("Harlow Guard", "The water rose", [])]


@pytest.mark.parametrize(
    "text",
    [
        # wire copy: a headline ending in a full stop above a dateline
        "Harlow Guard says gate shut .\nKESH 1996-08-30\nThe water rose , the Harlow Guard said .",
        # a headline on a line of its own, the story on the next
        "Harlow Guard says gate shut\nThe water rose, the Harlow Guard said.",
    ],
)
def test_a_headline_above_its_story_is_no_statement(extract_one, text):
    assert [speaker for speaker, _, _ in statements(extract_one(text))] == ["Harlow Guard"]


def test_a_first_sentence_that_ends_as_sentences_do_is_no_headline(extract_one):
    x = extract_one("The Harlow Guard says the gate is shut.\nThe water rose, the Harlow Guard said.")
    assert len(statements(x)) == 2


def test_quote_about_and_time(extract_one):
    x = extract_one('"France will not pay," Lia Perrin said on Monday.', published="2025-06-05")
    (event,) = [e for e in x.events if e.type == "Statement"]
    names = {e.key: e.name for e in x.entities}
    assert event.quote == "France will not pay"
    assert [names[k] for k in event.about] == ["France"]
    assert event.arguments[0].span.text == "Lia Perrin"
    assert (event.time, event.time_text) == ("2025-06-02", "Monday")


def test_quoted_phrase_inside_a_reported_clause_keeps_the_clause(extract_one):
    x = extract_one('Ivo Brandt said the attackers would be "found and judged".')
    assert statements(x)[0][1] == 'the attackers would be "found and judged"'


@pytest.mark.parametrize(
    "text",
    [
        "The Vorin Front claimed responsibility for the bombing.",
        "No group claimed responsibility for the attack.",
        "The Vorin Front claimed the bombing in a statement.",
        "The Vorin Front claimed responsibility for the bombing in a statement on its website.",
    ],
)
def test_a_claim_of_responsibility_is_not_also_a_statement(extract_one, text):
    assert not statements(extract_one(text))


def test_a_heading_run_into_the_sentence_is_not_quoted(extract_one):
    x = extract_one("Storm hits Kesh\n\nThe storm closed the port, the Kesh Port Authority said.")
    assert statements(x)[0][1] == "The storm closed the port"


def test_quotes_ready_query(seed_build):
    out, _ = seed_build
    store = open_source(out / "store")
    rows = list(run_query(store, ready_query("quotes")))
    assert rows and all(row["quote"].value for row in rows)
    assert all("\n\n" not in row["quote"].value for row in rows)
    speaker = rows[0]["speaker"].value
    named = list(run_query(store, ready_query("quotes-about"), {"name": speaker}))
    assert named and len(named) < len(rows)
    assert all(row["speaker"].value == speaker or row["about"] is not None for row in named)
