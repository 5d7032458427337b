"""The benchmark readers on the real development data: every gold span slices the rebuilt text."""

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
