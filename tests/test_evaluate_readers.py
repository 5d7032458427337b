"""The benchmark readers on the real development data: every gold span slices the rebuilt text."""

import pytest

from kg.evaluate.readers import guess_format, read_conll, read_gold_json, read_muc4, read_redocred, read_wikievents
from kg.evaluate.scoring import ALL, PRF, add_scores, score_spans

from .conftest import shared_data


def all_spans(doc):
    yield from doc.entities
    for cluster in doc.clusters:
        yield from cluster
    for event in doc.events:
        if event.trigger:
            yield event.trigger
        for argument in event.arguments:
            yield from argument.mentions


def assert_spans_slice(docs):
    count = 0
    for doc in docs:
        for span in all_spans(doc):
            assert doc.text[span.start : span.end] == span.text
            count += 1
    return count


def test_wikievents():
    docs = list(read_wikievents(shared_data("wikievents", "dev.jsonl")))
    assert len(docs) == 20 and sum(len(d.events) for d in docs) == 345
    assert assert_spans_slice(docs) > 2000
    # The dataset's own mention texts, up to the spaces its tokens dropped.
    for doc in docs:
        for mention, span in zip(doc.raw["entity_mentions"], doc.entities, strict=True):
            assert mention["text"].replace(" ", "") == span.text.replace(" ", "")


def test_muc4():
    docs = list(read_muc4(shared_data("muc4", "dev.json")))
    assert len(docs) == 200
    assert {e.type for d in docs for e in d.events} >= {"attack", "bombing", "kidnapping"}
    assert assert_spans_slice(docs) == 890


def test_redocred():
    docs = list(read_redocred(shared_data("redocred", "dev.json")))
    assert len(docs) == 500
    assert assert_spans_slice(docs) > 10000
    assert all(0 <= r.head < len(d.clusters) and 0 <= r.tail < len(d.clusters) for d in docs for r in d.relations)


def test_gold_json():
    [doc] = read_gold_json(shared_data("seed", "iraq-defense-minister.gold.json"))
    assert doc.text.startswith("Iraqi Defense Minister") and len(doc.raw["events"]) == 11


def test_conll_iob1_and_iob2(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\nAl NNP I-NP B-ORG\nQaeda NNP I-NP I-ORG\nand CC O O\nHamas NNP I-NP B-ORG\n"
        "\n-DOCSTART- -X- O O\n\nIn IN O O\nRome NNP I-NP I-LOC\n"
    )
    first, second = read_conll(path)
    assert [(e.text, e.label) for e in first.entities] == [("Al Qaeda", "ORG"), ("Hamas", "ORG")]
    assert second.text == "In Rome" and [(e.start, e.end) for e in second.entities] == [(3, 7)]
    assert guess_format(path) == "conll"
    named_like_conll = tmp_path / "eng.testa"  # the official files' names say nothing of the format
    named_like_conll.write_text("TALKS NNP I-NP O\nEND NNP I-NP O\n\nVarno NNP I-NP I-PER\n")
    assert guess_format(named_like_conll) == "conll"
    unknown = tmp_path / "notes.data"
    unknown.write_text("just some words here\n")
    with pytest.raises(ValueError):
        guess_format(unknown)


def test_scores_by_hand():
    from kg.evaluate.records import GoldSpan

    gold = [GoldSpan(0, 5, "", "PER"), GoldSpan(10, 15, "", "ORG"), GoldSpan(20, 25, "", "ORG")]
    pred = [GoldSpan(0, 5, "", "PER"), GoldSpan(11, 15, "", "ORG"), GoldSpan(30, 35, "", "ORG")]
    strict = score_spans(gold, pred)
    assert (strict[ALL].tp, strict[ALL].fp, strict[ALL].fn) == (1, 2, 2)
    lenient = score_spans(gold, pred, lenient=True)
    assert (lenient["ORG"].tp, lenient["ORG"].fp, lenient["ORG"].fn) == (1, 1, 1)
    total = add_scores(add_scores({}, strict), strict)
    assert total[ALL].tp == 2 and round(total[ALL].f1, 4) == round(PRF(1, 2, 2).f1, 4) == 0.3333


def test_the_tune_check_split_is_pinned_and_halves_the_wikievents_set():
    from kg.evaluate.readers import read_wikievents
    from kg.evaluate.split import half_of, in_split

    # Pinned: these ids fall in these halves on every run (a change would silently mix the halves).
    assert [half_of(d) for d in ("a", "e", "doc-1", "doc-2")] == ["tune", "check", "check", "tune"]
    documents = list(read_wikievents(shared_data("wikievents", "dev.jsonl")))
    tune, check = list(in_split(documents, "tune")), list(in_split(documents, "check"))
    assert len(tune) + len(check) == len(documents) and not {d.id for d in tune} & {d.id for d in check}
    assert 0.25 < len(tune) / len(documents) < 0.75


def test_kg_evaluate_scores_only_the_asked_half(tmp_path):
    import json

    from typer.testing import CliRunner

    from kg.cli import app

    gold = shared_data("wikievents", "dev.jsonl")
    lines = gold.read_text(encoding="utf-8").splitlines()[:6]
    subset = tmp_path / "six.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {}
    for split in ("tune", "check", "all"):
        result = CliRunner().invoke(app, ["evaluate", str(subset), "--split", split, "--format", "json"])
        assert result.exit_code == 0, result.output
        counts[split] = int(json.loads(result.output)["title"].split("(")[1].split()[0])
    assert counts["tune"] + counts["check"] == counts["all"] == 6
