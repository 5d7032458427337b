"""Readers for the public benchmark formats, each yielding :class:`GoldDocument` records.

- WikiEvents jsonl: entity and event mentions with token offsets into sentences.
- CoNLL-2003: ``token POS chunk NER`` lines, IOB1 or IOB2, ``-DOCSTART-`` between documents.
- Re-DocRED json: entity clusters (vertexSet) and document-level relations.
- MUC-4 (GTT's processed json lines): document text and incident templates.
- newskg ``*.gold.json``: names, types, roles, relations and events (no offsets).

Texts are rebuilt so that every gold span slices the text exactly; sentences are
joined with a newline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.evaluate.records import GoldArgument, GoldDocument, GoldEvent, GoldRelation, GoldSpan

IOB_TAG = re.compile(r"^(O|[BIE]-[A-Z]+)$")


def read_wikievents(path: str | Path) -> Iterator[GoldDocument]:
    """WikiEvents: ``sentences`` carry ``[token, start, end]`` with document offsets; the
    sentences are rebuilt with one newline between them, which keeps those offsets. An
    argument's mentions are its own mention first, then the other mentions of its entity when
    the coreference clusters of the set lie beside it (``coref-<name>.jsonlines``).

    >>> import json, tempfile, pathlib
    >>> rec = {"doc_id": "d", "sentences": [[[["Bomb", 0, 4], ["kills", 5, 10]], "Bomb kills"],
    ...        [[["Two", 11, 14], ["died", 15, 19]], "Two died"]], "tokens": ["Bomb", "kills", "Two", "died"],
    ...        "entity_mentions": [{"id": "T1", "start": 2, "end": 3, "entity_type": "PER", "text": "Two"}],
    ...        "event_mentions": [{"event_type": "Life.Die.Unspecified",
    ...            "trigger": {"start": 3, "end": 4, "text": "died"},
    ...            "arguments": [{"entity_id": "T1", "role": "Victim", "text": "Two"}]}]}
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"; _ = p.write_text(json.dumps(rec))
    >>> doc = next(read_wikievents(p))
    >>> doc.text, doc.entities[0], doc.events[0].arguments[0].mentions[0].text
    ('Bomb kills\\nTwo died', GoldSpan(start=11, end=14, text='Two', label='PER'), 'Two')
    """
    clusters = _wikievents_clusters(Path(path))
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            cluster_of = clusters.get(record["doc_id"], {})
            tokens = [tok for sentence in record["sentences"] for tok in sentence[0]]
            end = tokens[-1][2] if tokens else 0
            chars = [" "] * end
            for sentence in record["sentences"]:
                first, last = sentence[0][0][1], sentence[0][-1][2]
                chars[first:last] = sentence[1][: last - first]
                if last < end:
                    chars[last] = "\n"
            text = "".join(chars)

            def span(start: int, stop: int, label: str = "", tokens=tokens, text=text) -> GoldSpan:
                begin, finish = tokens[start][1], tokens[stop - 1][2]
                return GoldSpan(begin, finish, text[begin:finish], label)

            entities = {m["id"]: span(m["start"], m["end"], m["entity_type"]) for m in record["entity_mentions"]}
            events = [
                GoldEvent(
                    type=e["event_type"],
                    trigger=span(e["trigger"]["start"], e["trigger"]["end"], e["event_type"]),
                    arguments=[
                        GoldArgument(
                            a["role"],
                            [entities[a["entity_id"]]]
                            + [
                                entities[m]
                                for m in cluster_of.get(a["entity_id"], [])
                                if m != a["entity_id"] and m in entities
                            ],
                        )
                        for a in e["arguments"]
                        if a["entity_id"] in entities
                    ],
                )
                for e in record["event_mentions"]
            ]
            yield GoldDocument(record["doc_id"], text, list(entities.values()), events=events, raw=record)


def _wikievents_clusters(path: Path) -> dict[str, dict[str, list[str]]]:
    """Per document, each entity-mention id's coreference cluster (mention ids), from the
    ``coref-<name>.jsonlines`` file beside a WikiEvents file; empty without one."""
    coref = path.with_name(f"coref-{path.stem}.jsonlines")
    if not coref.exists():
        return {}
    found: dict[str, dict[str, list[str]]] = {}
    for line in coref.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[record["doc_key"]] = {m: cluster for cluster in record["clusters"] for m in cluster}
    return found


def read_conll(path: str | Path) -> Iterator[GoldDocument]:
    """CoNLL-2003 NER (IOB1 or IOB2 tags in the last column); MISC spans are kept, labelled MISC.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.conll"
    >>> _ = p.write_text("-DOCSTART- -X- O O\\n\\nEU NNP I-NP I-ORG\\nrejects VBZ I-VP O\\n"
    ...                  "German JJ I-NP I-MISC\\ncall NN I-NP O\\n\\n"
    ...                  "Peter NNP I-NP I-PER\\nBlackburn NNP I-NP I-PER\\n")
    >>> doc = next(read_conll(p))
    >>> doc.text, [(e.text, e.label) for e in doc.entities]
    ('EU rejects German call\\nPeter Blackburn', [('EU', 'ORG'), ('German', 'MISC'), ('Peter Blackburn', 'PER')])
    """
    number = 0
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def flush_document() -> GoldDocument | None:
        nonlocal number
        if current:
            sentences.append(list(current))
            current.clear()
        if not sentences:
            return None
        number += 1
        text_parts, entities, offset = [], [], 0
        for sentence in sentences:
            label, start, end = None, 0, 0
            for index, (token, tag) in enumerate(sentence):
                token_start = offset
                offset += len(token)
                kind = tag[2:] if len(tag) > 2 else None
                begins = tag.startswith("B-") or (kind is not None and kind != label)
                if label is not None and (kind is None or begins):
                    entities.append((start, end, label))
                    label = None
                if kind is not None and (begins or label is None):
                    label, start = kind, token_start
                if kind is not None:
                    end = offset
                text_parts.append(token)
                if index < len(sentence) - 1:
                    text_parts.append(" ")
                    offset += 1
            if label is not None:
                entities.append((start, end, label))
            text_parts.append("\n")
            offset += 1
        sentences.clear()
        text = "".join(text_parts).rstrip("\n")
        return GoldDocument(f"conll-{number}", text, [GoldSpan(s, e, text[s:e], lab) for s, e, lab in entities])

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if not parts:
                if current:
                    sentences.append(list(current))
                    current.clear()
                continue
            if parts[0] == "-DOCSTART-":
                doc = flush_document()
                if doc:
                    yield doc
                continue
            current.append((parts[0], parts[-1]))
    doc = flush_document()
    if doc:
        yield doc


def read_redocred(path: str | Path) -> Iterator[GoldDocument]:
    """Re-DocRED: tokens joined by spaces, sentences by newlines; ``vertexSet`` clusters as
    ``clusters``, each ``labels`` item as a relation between cluster indices."""
    for number, record in enumerate(json.loads(Path(path).read_text(encoding="utf-8"))):
        starts: list[list[int]] = []
        parts, offset = [], 0
        for sentence in record["sents"]:
            token_starts = []
            for token in sentence:
                token_starts.append(offset)
                parts.append(token)
                parts.append(" ")
                offset += len(token) + 1
            parts[-1] = "\n"
            starts.append(token_starts + [offset - 1])
        text = "".join(parts).rstrip("\n")

        def span(mention: dict, text=text, starts=starts, record=record) -> GoldSpan:
            sentence = starts[mention["sent_id"]]
            first, last = mention["pos"]
            begin = sentence[first]
            end = sentence[last - 1] + len(record["sents"][mention["sent_id"]][last - 1])
            return GoldSpan(begin, end, text[begin:end], mention["type"])

        clusters = [[span(m) for m in vertex] for vertex in record["vertexSet"]]
        relations = [GoldRelation(label["r"], label["h"], label["t"]) for label in record.get("labels", [])]
        yield GoldDocument(
            record.get("title") or f"redocred-{number}",
            text,
            [m for cluster in clusters for m in cluster],
            clusters=clusters,
            relations=relations,
            raw=record,
        )


MUC_ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


def read_muc4(path: str | Path) -> Iterator[GoldDocument]:
    """MUC-4 as processed by GTT: one json object a line with ``docid``, ``doctext`` and
    ``templates``; each role filler is a cluster of ``[mention, char_offset]``."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["doctext"]
            events = []
            for template in record["templates"]:
                arguments = []
                for role in MUC_ROLES:
                    for cluster in template.get(role, []):
                        mentions = [GoldSpan(o, o + len(m), text[o : o + len(m)], role) for m, o in cluster]
                        arguments.append(GoldArgument(role, mentions))
                events.append(GoldEvent(template["incident_type"], None, arguments))
            yield GoldDocument(record["docid"], text, events=events, raw=record)


SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def read_gold_json(path: str | Path, shared_data: Path = SHARED_DATA) -> Iterator[GoldDocument]:
    """The project's ``*.gold.json`` (see ../shared/data/README.md): one document whose text file
    sits beside it, or (a ``documents`` list) documents of a CoNLL-2003 file named by ``conll``,
    a path under the shared data directory (../shared/data beside the checkout), read at run time
    since the Reuters text is not ours to commit.

    >>> import json, tempfile, pathlib
    >>> data = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (data / "x.conll").write_text("-DOCSTART- -X- O O\\n\\nRebels NNP I-NP I-ORG\\nstruck VBD I-VP O\\n")
    >>> gold = data / "x.gold.json"
    >>> _ = gold.write_text(json.dumps({"conll": "x.conll", "documents": [
    ...     {"id": "conll-1", "events": [{"type": "Attack", "trigger": "struck", "sentence": 1}]}]}))
    >>> [(d.id, d.text, d.raw["events"][0]["type"]) for d in read_gold_json(gold, shared_data=data)]
    [('conll-1', 'Rebels struck', 'Attack')]
    """
    path = Path(path)
    record = json.loads(path.read_text(encoding="utf-8"))
    if "documents" not in record:
        text = (path.parent / record["text_file"]).read_text(encoding="utf-8")
        yield GoldDocument(record["id"], text, raw=record)
        return
    source = shared_data / record["conll"]
    if not source.is_file():
        raise FileNotFoundError(
            f"{path.name} annotates documents of {source}, which is missing: the CoNLL-2003 files are read "
            f"from the shared data directory (../shared/data beside the checkout), never committed"
        )
    texts = {doc.id: doc.text for doc in read_conll(source)}
    for document in record["documents"]:
        if document["id"] not in texts:
            raise ValueError(f"{path.name}: {source.name} has no document {document['id']!r}")
        yield GoldDocument(document["id"], texts[document["id"]], raw={"conll": record["conll"], **document})


READERS = {
    "wikievents": read_wikievents,
    "conll": read_conll,
    "redocred": read_redocred,
    "muc4": read_muc4,
    "gold": read_gold_json,
}


def guess_format(path: str | Path) -> str:
    """The dataset format from a file name: ``*.gold.json``, ``*.jsonl`` (WikiEvents), ``*.conll``/``*.txt``
    (CoNLL, or any file of ``token ... IOB-tag`` lines), a MUC-4 or Re-DocRED ``*.json`` by its first character."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".gold.json"):
        return "gold"
    if name.endswith(".jsonl"):
        return "wikievents"
    if name.endswith((".conll", ".txt", ".iob")):
        return "conll"
    if name.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return "redocred" if f.read(1) == "[" else "muc4"
    with open(path, encoding="utf-8", errors="replace") as f:
        first = next((line.split() for line in f if line.strip()), [])
    if len(first) >= 2 and (first[0] == "-DOCSTART-" or IOB_TAG.match(first[-1])):
        return "conll"  # CoNLL-2003's own files, named eng.testa, eng.train: token ... tag lines
    raise ValueError(f"{path}: cannot tell the dataset format; name it with --format")
