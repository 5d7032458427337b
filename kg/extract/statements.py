"""Attributed statements: who said what, about whom.

A reporting verb ("said", "told", "announced", "confirmed", ... in ``lexicons/statements.json``)
makes a ``Statement`` when the parse gives it words to report: a reported clause ("X said
that ..."), a direct quotation next to it ('"...," X said', 'X said: "..."'), or, for a few
verbs, a plain object ("the ministry announced new measures"); "according to X" makes one
for the clause it is attached to. Other speech acts ("complained", "called on ... to",
"pledged to", "condemned", "accused ... of": ``content_verbs``) make one only with the content
their parse gives, in the active voice; "the paper quoted X as saying ..." and "X was quoted as
saying ..." are X's statements. The speaker is the verb's subject (or the subject of the
verb a participle or coordinated verb hangs on: "X issued a statement, saying ..."), and it
must name someone:

- an entity mention, or a pronoun or description that :mod:`kg.extract.coreference`
  resolves to one ("he said" after "Kamal Odeh ...");
- else a specific group mention of the text ("the police commander", "the army");
- never an unresolved pronoun, an unattributed plural ("officials said", "witnesses
  said", any bare plural of people: "traders said"), an indefinite one ("a diplomat said"),
  an anonymous one ("the official, who asked not to be named, said"), a text ("the report
  said", "according to the survey") or words on another line (a dateline).

``quote`` is the direct quotation without its marks, else the reported clause;
``about`` the entity mentions inside it; the time is a date attached to the verb outside
the reported words. A claim of responsibility stays a ``ClaimOfResponsibility``.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()('"We will rebuild Talvora," Mayor Ines Kardo said in March 2024.')
>>> [(e.type, e.arguments[0].span.text, e.quote, e.time) for e in doc._.kg_events]
[('Statement', 'Ines Kardo', 'We will rebuild Talvora', '2024-03')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from kg.extract.arguments import SentenceContext, names_people, span_of, token_span
from kg.extract.coreference import Coreference, is_pronoun
from kg.extract.dates import normalize_time
from kg.extract.doc_text import document_lowers, document_text
from kg.extract.lexicon import load_lexicon
from kg.extract.line_breaks import headline_end, line_break_between
from kg.extract.modality import modality
from kg.extract.triggers import Trigger, object_controller, people_nouns, syntax
from kg.model import Argument, Event
from kg.model import Span as TextSpan

SPEAKER_TYPES = {"Person", "Organization", "Country"}
# The model's labels of names that can be asked to speak ("asked Greece to explain"; never a date).
ASKED_ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")
ABOUT_TYPES = SPEAKER_TYPES | {"Place", "Facility"}  # what a statement is about
# Between a quotation and its speaker or verb only these may stand ('"...," he said', 'said: "...').
JOINERS = re.compile(r"[\s,:;\-\u2013\u2014]*")
DIRECT_CONFIDENCE, REPORTED_CONFIDENCE, DESCRIBED_CONFIDENCE = 0.85, 0.75, 0.65
# Sentences back an "it said" or a "he said" that coreference leaves open looks for the statement
# whose speaker it repeats.
REPEAT_WINDOW = {"it": 3, "person": 5, "spokesman": 5}
PERSONAL = ("he", "she")


@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_lexicon("statements.json")
    words = {k: v for k, v in data.items() if not k.startswith("_")}
    words["anonymity"] = {k: set(v) for k, v in words["anonymity"].items()}
    return {k: (set(v) if isinstance(v, list) and k != "quote_pairs" else v) for k, v in words.items()}


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks of a text, paired within a
    line (a quotation running over paragraphs leaves its marks open; a stray mark then spoils
    one line, not the rest of the article), but for a mark that ends its line: it opens the
    words of the next line (sentences put one to a line), unless a quotation left open on an
    earlier line still runs (then that mark closes it).

    >>> t = 'He said: "We stay." Then \u201cgo\u201d.\\nHe left . "\\nI won , " he said .\\n"Open'
    >>> [t[a:b] for a, b in quotations(t)]
    ['We stay.', 'go', 'I won , ']
    """
    found = []
    for opening, closing in _words()["quote_pairs"]:
        if opening not in text and closing not in text:
            continue  # most texts use one kind of marks: without a mark, the line breaks open or close nothing
        start = None
        # A quotation left open inside a line runs on until a line with an odd number of marks
        # (not counting one that opens the line: a paragraph of it) closes it: a lone mark
        # ending such a line closes it, it opens nothing.
        running, marks, line_start = False, 0, 0
        # Only line breaks and the pair's marks change anything: step from one to the next.
        for match in re.finditer(f"[\n{re.escape(opening)}{re.escape(closing)}]", text):
            i, ch = match.start(), match.group()
            if ch == "\n":
                # A mark that ends its line opens the next one (text split a sentence a line, as
                # CoNLL: 'in an interview . "\nI am a thief , " he said .'); any other open mark ends.
                ends_line = start is not None and text[start - 1] != "\n" and not text[start:i].strip()
                if running:
                    running = not marks % 2
                    ends_line = False
                else:
                    running = start is not None and not ends_line
                start = i + 1 if ends_line else None
                marks, line_start = 0, i + 1
                continue
            marks += 1 if text[line_start:i].strip() else 0
            if start is None and ch == opening:
                start = i + 1
            elif start is not None and ch == closing:
                found.append((start, i))
                start = None
    return sorted(found)


HEADING_END = re.compile(r"""[.!?\u2026"'\u201d\u2019)\]]\s*$""")


def headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each heading of a text: a one-line paragraph without the punctuation a
    sentence of the story ends with (a headline, a section title).

    >>> t = "Storm hits Kesh; port closes\\n\\nThe storm closed the port, officials said."
    >>> [t[a:b] for a, b in headings(t)]
    ['Storm hits Kesh; port closes']
    """
    found = []
    headline = headline_end(text)
    if headline is not None:
        found.append((0, headline))  # the first line, also when it ends with a full stop above a dateline
    for paragraph in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        line = paragraph.group()
        if "\n" not in line and line.strip() and not HEADING_END.search(line) and paragraph.start() != 0:
            found.append((paragraph.start(), paragraph.end()))
    return found


class StatementReader:
    """Finds the statements of a document's sentences; one per document.

    Built once per document, it reads the document's text as the earlier components read it
    (:func:`kg.extract.doc_text.document_text`: spaCy joins every token's text on each access)
    and finds the tokens that can start a statement on the doc's arrays, so a sentence without a
    reporting verb or "according" costs no Python object per token."""

    def __init__(self, doc: Doc, coreference: Coreference):
        self.doc = doc
        self.text = document_text(doc)
        self.coref = coreference
        self.quotes = quotations(self.text)
        words = _words()
        self.verbs = words["reporting_verbs"] | set(_content_verbs()) | words["quoting_verbs"]
        self.headings = headings(self.text)
        self.candidates = _candidates(doc, self.verbs)
        # The entity mentions as (start, end, label) character offsets, for the words' "about"; in
        # the order of the mentions, which is their order in the text (``mention_starts`` finds them).
        self.mention_offsets = [(s.start_char, s.end_char, s.label_) for s in coreference.mentions]
        self.mention_starts = [start for start, _, _ in self.mention_offsets]
        # The latest statement's speaker that is no person ("it said" repeats it) and the latest one
        # that is a person ("he said" repeats it when coreference finds no one), with their verbs.
        self.last_speaker: dict[str, tuple[Token, Argument]] = {}

    def looks_at(self, sent: Span) -> bool:
        """Whether a sentence holds a word a statement can start at ("said", "according")."""
        return bisect_left(self.candidates, sent.start) < bisect_left(self.candidates, sent.end)

    def read(self, ctx: SentenceContext, published: str | None) -> Iterator[tuple[Event, Trigger]]:
        """(statement, its trigger) for every attributed utterance of one sentence."""
        sent = ctx.sent
        first, last = bisect_left(self.candidates, sent.start), bisect_left(self.candidates, sent.end)
        if first == last:
            return
        start_char, end_char = sent.start_char, sent.end_char
        headings = [(a, b) for a, b in self.headings if a < end_char and b > start_char]
        for token in (self.doc[i] for i in self.candidates[first:last]):
            if headings and any(start <= token.idx < end for start, end in headings):
                continue  # a headline sums up the story below it: "Car bomb kills 12; group claims ..."
            if token.lower_ == "according" and (event := self._according(token, ctx, published)):
                yield event
            elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.verbs:
                naming = _content_verbs().get(token.lemma_.lower(), {}).get("quoted_predicate")
                if _other_event(token, ctx) or (_confers_status(token) and not naming) or _noun_read_as_verb(token):
                    continue
                event = self._reported(token, ctx, published)
                if event is not None:
                    yield event

    # -- the two shapes ----------------------------------------------------------------

    def _reported(self, verb: Token, ctx: SentenceContext, published: str | None) -> tuple[Event, Trigger] | None:
        lemma = verb.lemma_.lower()
        if _quoting_verb(verb.head.head) is verb:
            return None  # the "saying" of "quoted X as saying": read with "quoted"
        saying = _quoting_verb(verb)
        if saying is not None:
            # "the paper quoted X as saying ...", "X was quoted as saying ...": X speaks
            found = (
                self._words(saying)
                or _as_found(self._quotation(verb, None), DIRECT_CONFIDENCE)  # '"...," Vell quoted Ana as saying'
                or _as_found(_clause_before(verb, quoting=True), REPORTED_CONFIDENCE)
            )
            subject = _quoted(verb)
        else:
            shapes = _content_verbs().get(lemma, {})  # a speech verb other than saying: its content's shapes
            found = self._words(verb) if lemma in _words()["reporting_verbs"] or shapes.get("clause") else None
            if found is None and shapes.get("quoted_predicate") and not _passive(verb):
                found = _as_found(self._quoted_predicate(verb), DIRECT_CONFIDENCE)
            if found is None and shapes and not _passive(verb):
                found = _as_found(_content(verb, shapes), DESCRIBED_CONFIDENCE)
            subject = _subject(verb)
        if found is None:
            return None
        words, confidence = found
        words = _one_paragraph(words, verb.idx)
        if words is None:
            return None
        if subject is not None and line_break_between(subject, verb, wrapped=False):
            return None  # a dateline or heading the parser ran into the sentence ("KESH 2024-03-05\nThe bank said")
        anonymous = _anonymous(subject, verb)
        if anonymous and not _representative(subject):
            return None
        if subject is not None and subject.lower_ == "it" and subject.dep_ == "nsubj":
            speaker = self._previous_speaker(subject, "it")
        else:
            speaker = self._speaker(subject, ctx)
            if speaker is None and subject is not None and subject.lower_ in PERSONAL and subject.dep_ == "nsubj":
                speaker = self._previous_speaker(subject, "person")
        if anonymous and (speaker is None or speaker.entity is None):
            speaker = None  # an anonymous spokesman speaks only for the organization named as his
        if speaker is None:
            if subject is not None:
                self.last_speaker.clear()  # someone unnamed spoke last: "he added" may be that one
            return None
        named = speaker.entity or subject.pos_ == "PROPN" or names_people(subject)
        if lemma not in _words()["reporting_verbs"] and not named:
            return None  # "the plane landed and then called for help": only people condemn, urge or accuse
        spokesman = _representative(subject) and speaker.entity is not None
        self._remember(speaker, verb, spokesman=spokesman, person=_one_person(subject))
        trigger = Trigger([verb], "Statement", verb, "verb")
        return self._event(trigger, speaker, words, ctx, published, confidence), trigger

    def _words(self, verb: Token) -> tuple[TextSpan, float] | None:
        """The words a reporting verb reports, and how sure that is: a direct quotation, its
        clause, the object of an object verb ("announced new measures") or the words before a
        sentence-final attribution."""
        clause = _reported_clause(verb)
        quote = self._quotation(verb, clause)
        if quote is not None:
            return quote, DIRECT_CONFIDENCE
        if clause is not None and clause.dep_ != "parataxis":
            return _clause_words(clause, _addressee(verb, clause)), REPORTED_CONFIDENCE
        if verb.lemma_.lower() in _words()["object_verbs"] and (
            obj := next((c for c in verb.children if c.dep_ == "dobj"), None)
        ):
            return _phrase(obj), DESCRIBED_CONFIDENCE
        return _as_found(_clause_before(verb), REPORTED_CONFIDENCE)

    def _according(self, token: Token, ctx: SentenceContext, published: str | None) -> tuple[Event, Trigger] | None:
        """'according to X, ...': X said the rest of the sentence."""
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        if source.i not in ctx.mention_at and not is_pronoun(source) and not names_people(source):
            if self.coref.resolve(source) is None:
                return None  # "according to the survey", "according to the principles": a text, not a speaker
        clause = token.head if token.dep_ == "prep" else token
        if clause.pos_ == "VERB" and clause.lemma_.lower() in self.verbs and _subject(clause) is not None:
            return None  # "According to state television, Vell told the conference ...": Vell's statement, its source
        speaker = self._speaker(source, ctx)
        if speaker is None:
            return None
        self._remember(speaker, token)
        phrase = {t.i for t in token.subtree}
        rest = [t for t in clause.subtree if t.i not in phrase and "\n" not in t.text]
        rest = rest[next((k for k, t in enumerate(rest) if not t.is_punct), len(rest)) :]
        while rest and rest[-1].is_punct:
            rest.pop()
        if not rest or any("\n" in self.text[a.idx : b.idx] for a, b in zip(rest, rest[1:], strict=False)):
            return None  # no words, or words run together with a heading
        words = _joined(rest, self.text)
        trigger = Trigger([token, to], "Statement", token, "phrase")
        return self._event(trigger, speaker, words, ctx, published, REPORTED_CONFIDENCE), trigger

    # -- parts ----------------------------------------------------------------------------

    def _quotation(self, verb: Token, clause: Token | None) -> TextSpan | None:
        """The direct quotation the verb reports: one holding its clause, or one standing right
        before its subject or the verb ('"...," the mayor said'), or right after it ('said: "..."')."""
        text = self.text
        if clause is not None:
            first = clause.left_edge.idx
            for start, end in self.quotes:
                if start <= verb.idx < end:
                    return None  # '"Vell told me that ...," she said': Vell's words are his clause, not her quote
                if start <= first < end:  # the clause is quoted ('said: "We ..."'), not only a phrase of it
                    return _text(start, end, text)
            if clause.dep_ == "ccomp" and first > verb.idx:
                return None  # 'Noting that ... "as mysterious as ...", Vell said he ...': his words are his clause
        subject = _subject(verb)
        lead = min(verb.idx, subject.left_edge.idx) if subject is not None else verb.idx
        after = max(t.idx + len(t) for t in [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))])
        for start, end in self.quotes:
            if end < lead and JOINERS.fullmatch(text[end + 1 : lead]):
                return _text(start, end, text)
            if start > after and JOINERS.fullmatch(text[after : start - 1]):
                return _text(start, end, text)
        return None

    def _quoted_predicate(self, verb: Token) -> TextSpan | None:
        """The quoted words a verb of naming gives its object ('called the plan "a disaster"',
        'described the vote as "a farce"'): the speaker's words; a name or a title in quotation
        marks inside the object or the predicate ('called "Sleeping Bread" a failure') is not.

        >>> from kg.extract.pipeline import load_pipeline
        >>> doc = load_pipeline()('Mayor Ana Voss called the plan " a disaster for the town . "')
        >>> [(e.arguments[0].span.text, e.quote) for e in doc._.kg_events]
        [('Ana Voss', 'a disaster for the town .')]
        """
        predicates = [c for c in verb.children if c.dep_ == "oprd"]
        predicates += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children]
        # the parse may hang the predicate on the object or on a quoted title as an apposition
        objects = predicates + [c for c in verb.children if c.dep_ == "dobj"]
        predicates += [a for o in objects for a in o.children if a.dep_ == "appos"]
        for predicate in (p for p in predicates if p.pos_ in ("NOUN", "ADJ")):  # a name given is no judgement
            for start, end in self.quotes:
                if start <= predicate.idx < end:  # the quotation holds the predicate's head word
                    quote = _text(start, end, self.text)
                    return quote if quote.text else None
        return None

    def _sentence(self, token: Token) -> int:
        return bisect_right(self.coref.sentence_starts, token.i) - 1

    def _remember(self, speaker: Argument, verb: Token, spokesman: bool = False, person: bool = False) -> None:
        """Keep the speaker for a later "it said" (no person: "the agency", "Velmar Radio") or
        "he said" (a person named, or one person the words describe: "the author said ... he
        said"); an organization a spokesman spoke for also for a later "the spokesman said" or
        "he said" (the spokesman again)."""
        label = self.coref.mentions[int(speaker.entity[1:])].label_ if speaker.entity else None
        if spokesman:
            self.last_speaker.clear()
            self.last_speaker.update(person=(verb, speaker), spokesman=(verb, speaker))
            if label in ("Organization", "Country"):
                self.last_speaker["it"] = (verb, speaker)
        elif label == "Person":
            self.last_speaker.pop("spokesman", None)  # someone else spoke since: "the spokesman" may be another's
            self.last_speaker.pop("it", None)  # a person spoke since: "it said" is no longer sure
            self.last_speaker["person"] = (verb, speaker)
        elif label in ("Organization", "Country") or (label is None and _names_a_body(speaker.span.text)):
            self.last_speaker.pop("person", None)
            self.last_speaker.pop("spokesman", None)
            self.last_speaker["it"] = (verb, speaker)
        elif person:
            self.last_speaker.clear()
            self.last_speaker["person"] = (verb, speaker)  # "the author said ... he said": the author again
        else:
            self.last_speaker.clear()  # "the police", "the group": neither "it" nor a person

    def _previous_speaker(self, pronoun: Token, kind: str) -> Argument | None:
        """Who "it" or "he" is in "..., it said", "he added": the latest statement's speaker of
        that kind, up to ``REPEAT_WINDOW[kind]`` sentences before ("it": an agency, a ministry, a
        country, never a person; "he", "she": a person named, or whom the spokesman who spoke
        last spoke for; "spokesman": whom "the spokesman" spoke for), when no one else of that
        kind is named in between (outside quotations, for a person) who could be meant instead."""
        if kind not in self.last_speaker:
            return None
        verb, speaker = self.last_speaker[kind]
        if self._sentence(pronoun) - self._sentence(verb) > REPEAT_WINDOW[kind]:
            return None
        between = range(bisect_left(self.coref.starts, verb.i), bisect_left(self.coref.starts, pronoun.i))
        for index in between:
            mention = self.coref.mentions[index]
            if f"m{index}" == speaker.entity:
                continue
            if kind == "it" and mention.label_ in ("Organization", "Country"):
                if mention.root.dep_ in ("nsubj", "nsubjpass"):
                    return None  # another group named as a subject since: "it" may be that one
            if kind == "person" and mention.label_ == "Person":
                if not any(a <= mention.start_char < b for a, b in self.quotes):
                    return None  # another person named since: "he" may be that one
        return replace(speaker)  # each event its own argument: later steps may rewrite one

    def _speaker(self, token: Token | None, ctx: SentenceContext) -> Argument | None:
        """The speaker as an entity mention, a resolved pronoun or description, or the words of
        a specific group mention; None when the words name no one in particular."""
        if token is None:
            return None
        if token.i not in ctx.mention_at:
            named = next((c for c in token.children if c.dep_ == "appos" and c.i in ctx.mention_at), None)
            token = named or _closing_apposition(token, ctx) or _hyphen_joined(token, ctx) or token
        if token.i in ctx.mention_at:
            index, span = ctx.mention_at[token.i]
            return Argument("agent", span_of(span), f"m{index}") if span.label_ in SPEAKER_TYPES else None
        # '"Death is no punishment," he said': the speaker is not someone the quoted words name
        resolved = self.coref.resolve(token, outside=self.quotes)
        if resolved is not None:
            span = self.coref.mentions[resolved]
            return Argument("agent", span_of(span), f"m{resolved}")
        if is_pronoun(token) or token.pos_ not in ("NOUN", "PROPN"):
            return None
        words = _words()
        if token.lemma_.lower() in words["representative_nouns"] and (represented := _represented(token, ctx)):
            return represented  # "a spokesman for the Harlow Guard said": the Guard speaks
        if _representative(token) and _definite_alone(token) and (again := self._previous_speaker(token, "spokesman")):
            return again  # "A spokesman for the Guard said ... The spokesman said ...": the Guard again
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "amod", "poss")}
        if determiners & words["indefinite_determiners"] or any(c.like_num for c in token.children):
            return None
        if {token.lemma_.lower(), token.lower_} & words["document_nouns"]:
            # "the report said": a text, not a speaker; "the ministry's statement said": the ministry's words
            owner = next((c for c in token.children if c.dep_ in ("poss", "compound") and c.i in ctx.mention_at), None)
            if owner is not None and ctx.mention_at[owner.i][1].label_ in SPEAKER_TYPES:
                index, span = ctx.mention_at[owner.i]
                return Argument("agent", span_of(span), f"m{index}")
            return None
        if _bare_plural(token):
            return None  # "traders said", "Iraqi diplomats said": no one in particular
        if _private_person(token, ctx):
            return None  # "his relatives said", "the EgyptAir pilot said", "Lauck's lawyer said": someone unnamed
        plural = token.tag_ in ("NNS", "NNPS")
        # "a prosecutors' spokesman": the parse hangs the "a" on the owner, a plural of no one in particular
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ != "no" and not (c.dep_ == "poss" and _unowned_plural(c))
            for c in token.children
        )
        vague = {token.lemma_.lower(), token.lower_} & words["vague_speakers"]  # "media" -> "medium"
        if vague and (plural or not definite):
            return None
        left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod")]
        for owner in (t for t in token.lefts if t.dep_ == "poss" and not is_pronoun(t)):
            left += [t for t in owner.subtree if t.dep_ != "det"]  # "the regional ombudsman's office"
        left = sorted(left, key=lambda t: t.i)
        if left and any(b.i - a.i > 1 for a, b in zip(left, [*left[1:], token], strict=True)):
            left = []  # words apart from the noun: keep the noun alone
        return Argument("agent", token_span([*left, token]))

    def _event(
        self,
        trigger: Trigger,
        speaker: Argument,
        words: TextSpan,
        ctx: SentenceContext,
        published: str | None,
        confidence: float,
    ) -> Event:
        about = []
        inside = range(bisect_left(self.mention_starts, words.start), bisect_right(self.mention_starts, words.end))
        for index in inside:
            start, end, label = self.mention_offsets[index]
            if words.start <= start and end <= words.end and f"m{index}" != speaker.entity:
                if label in ABOUT_TYPES and f"m{index}" not in about:
                    about.append(f"m{index}")
        time, time_text = self._time(trigger.head, words, ctx, published)
        return Event(
            type="Statement",
            triggers=[token_span(trigger.tokens)],
            sentence=ctx.sentence,
            arguments=[speaker],
            time=time,
            time_text=time_text,
            confidence=confidence if speaker.entity else round(confidence - 0.1, 2),
            modality=_modality(trigger),
            quote=words.text,
            about=about,
        )

    @staticmethod
    def _time(
        verb: Token, words: TextSpan, ctx: SentenceContext, published: str | None
    ) -> tuple[str | None, str | None]:
        """A date hung on the verb, outside the reported words ('said on Monday') and outside its
        subject ('Valdor, which annexed the valley in 1967, says ...': the clause's date)."""
        if not ctx.dates:
            return None, None  # most sentences have none: no walk over the verb's subtree
        subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        below = {t.i for t in verb.subtree} - subject
        for ent in ctx.dates:
            inside = words.start <= ent.start_char < words.end
            if ent.root.i in below and not inside and (value := normalize_time(ent.text, published)):
                return value, ent.text
        return None, None


def _candidates(doc: Doc, verbs: set[str]) -> list[int]:
    """Indices of the tokens :meth:`StatementReader.read` looks at: "according", and verbs or
    auxiliaries whose lower-cased lemma is a reporting verb; found on the doc's arrays (a lemma's
    string is looked at once per document, not once per token).

    >>> from kg.extract.pipeline import load_pipeline
    >>> _candidates(load_pipeline()("According to Ana Voss, the Mayor SAID it rained."), {"say"})
    [0, 7]
    """
    if not len(doc):
        return []
    table = doc.to_array([LOWER, LEMMA, POS])
    lemmas, pos = table[:, 1], table[:, 2]
    verbal = (pos == VERB) | (pos == AUX)
    strings = doc.vocab.strings
    reporting = [h for h in set(lemmas[verbal].tolist()) if strings[h].lower() in verbs]
    hits = table[:, 0] == strings["according"]
    for lemma in reporting:
        hits |= verbal & (lemmas == lemma)
    return numpy.flatnonzero(hits).tolist()


def _represented(token: Token, ctx: SentenceContext) -> Argument | None:
    """Whom a spokesman or an office speaks for: its possessor ("the Guard's spokesman"), its
    for- or of-phrase ("a spokesman for the Guard") or the noun before it ("a Guard
    spokesman"), when that is an entity mention that can speak; else, when that noun names a
    group ("a police spokesman", "a spokesman for the interior ministry"), the group's words.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("An army spokesman said the road was open.")
    >>> [(e.type, e.arguments[0].span.text) for e in doc._.kg_events]
    [('Statement', 'army spokesman')]
    """
    owners = [c for c in token.children if c.dep_ == "poss"]
    owners += [g for p in token.children if p.dep_ == "prep" and p.lower_ in ("for", "of") for g in p.children]
    before = [c for c in token.children if c.dep_ == "compound"]
    for owner in owners + before:
        if owner.i in ctx.mention_at and (span := ctx.mention_at[owner.i][1]).label_ in SPEAKER_TYPES:
            return Argument("agent", span_of(span), f"m{ctx.mention_at[owner.i][0]}")
    for owner in before:
        if names_people(owner):
            return Argument("agent", token_span([*before, token]))  # "a police spokesman"
    for owner in owners:
        if owner.pos_ in ("NOUN", "PROPN") and names_people(owner) and not _unowned_plural(owner):
            left = [t for t in owner.lefts if t.dep_ in ("compound", "amod")]
            return Argument("agent", token_span([*left, owner]))  # "the interior ministry"
    return None


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """Nouns that head the words of an organization: "it said" may repeat them."""
    cues = load_lexicon("organization_cues.json")
    groups = load_lexicon("coreference.json")["group_nouns"]
    return frozenset([*cues["heads"], *cues["group_cues"], *groups, *_words()["media_nouns"]])


def _names_a_body(words: str) -> bool:
    """Whether a speaker's words are headed by a noun of an organization ("the news agency",
    "Velmar Radio"), not of a person ("the spokesman").

    >>> _names_a_body("national news agency"), _names_a_body("police spokesman")
    (True, False)
    """
    last = words.split()[-1].lower() if words.split() else ""
    return last in _body_nouns()


def _closing_apposition(token: Token, ctx: SentenceContext) -> Token | None:
    """The name that closes a speaker's phrase in apposition to a noun of it ("The head of the
    league's committee, Ana Voss, said": the parse hangs "Ana Voss" on "committee").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The head of the league's disciplinary committee, Ana Voss, said the game was off.")
    >>> [(e.arguments[0].span.text, e.quote) for e in doc._.kg_events]
    [('Ana Voss', 'the game was off')]
    """
    words = [t for t in token.subtree if not t.is_punct]
    last = words[-1] if words else token
    if last.dep_ != "appos" or last.i not in ctx.mention_at or ctx.mention_at[last.i][1].label_ != "Person":
        return None
    return last


def _hyphen_joined(token: Token, ctx: SentenceContext) -> Token | None:
    """The name a word is glued to by a hyphen ("Li Veng-ho said": the named "Li Veng" and "ho"
    are one name), when the name is a mention ending right before the hyphen."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return None
    before = doc[token.i - 2]
    if before.i in ctx.mention_at and ctx.mention_at[before.i][1].end == before.i + 1:
        return before
    return None


def _bare_plural(token: Token) -> bool:
    """A plural noun of people without article, number or owner: a counted plural ("traders",
    "Kesh diplomats") names no one in particular; a collective noun that is its own plural
    ("police") names one body.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Traders said prices fell. Police said two men fled. The traders left.")
    >>> _bare_plural(doc[0]), _bare_plural(doc[5]), _bare_plural(doc[12])
    (True, False, False)
    """
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() == token.lower_:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)


@lru_cache(maxsize=1)
def _private_nouns() -> frozenset[str]:
    """Nouns of people by kinship, acquaintance or an everyday part (people_nouns.json)."""
    return frozenset(load_lexicon("people_nouns.json")["nouns"])


@lru_cache(maxsize=1)
def _office_nouns() -> frozenset[str]:
    """Nouns of offices and bodies that speak for whom they belong to: titles' heads, organization
    heads and group cues, group nouns of coreference."""
    cues = load_lexicon("organization_cues.json")
    titles = {h.split()[-1] for h in load_lexicon("titles.json")["heads"]}
    groups = load_lexicon("coreference.json")["group_nouns"]
    return frozenset([*titles, *cues["heads"], *cues["group_cues"], *groups])


def _private_person(token: Token, ctx: SentenceContext) -> bool:
    """An unnamed person (or people) introduced by a relation or a part of everyday life rather
    than an office: a noun of kinship, acquaintance or an everyday part with an owner or a
    modifier, or in the plural ("his relatives", "Levrentyeva's colleagues", "the EgyptAir
    pilot"); or any noun other than an office or a body owned by a person ("Lauck's lawyer",
    "his lawyer"). The words name no one a reader can find ("the police commander", "the
    company's chairman" are offices and speak; a bare "the witness" refers back to one).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("His relatives said the road was shut. The police commander said it was open.")
    >>> [e.arguments[0].span.text for e in doc._.kg_events if e.type == "Statement"]
    ['police commander']
    """
    lemma = token.lemma_.lower()
    if lemma in _private_nouns() or token.lower_ in _private_nouns():
        modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        return bool(modifiers) or token.tag_ in ("NNS", "NNPS")
    if lemma in _office_nouns() or token.lower_ in _office_nouns():
        return False
    for owner in (c for c in token.children if c.dep_ == "poss"):
        if owner.lower_ in ("his", "her"):
            return True
        if owner.i in ctx.mention_at and ctx.mention_at[owner.i][1].label_ == "Person":
            return True
    return False


def _unowned_plural(token: Token) -> bool:
    """A counted plural without a definite article or an owner: no one in particular ("a
    prosecutors' spokesman", whose "a" the parse hangs on the plural, speaks for no one named).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("A prosecutors ' spokesman said so. The prosecutors ' spokesman said so.")
    >>> _unowned_plural(doc[1]), _unowned_plural(doc[8])
    (True, False)
    """
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() == token.lower_:
        return False
    indefinite = _words()["indefinite_determiners"]
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in indefinite for c in token.children)


def _one_person(token: Token | None) -> bool:
    """Whether a speaker's word names one person: "he", "she", or a singular common noun that
    names no body ("the author"; not "the ministry", "the police", "the newspaper")."""
    if token is None:
        return False
    if token.lower_ in PERSONAL:
        return True
    return token.tag_ == "NN" and not _names_a_body(token.lower_)


def _representative(token: Token | None) -> bool:
    """Whether a speaker's noun speaks for someone else ("spokesman", "representative")."""
    return token is not None and token.lemma_.lower() in _words()["representative_nouns"]


def _definite_alone(token: Token) -> bool:
    """A noun with "the" and nothing else before it ("the spokesman"): it refers back."""
    lefts = [c for c in token.children if c.i < token.i]
    return len(lefts) == 1 and lefts[0].dep_ == "det" and lefts[0].lower_ == "the"


def _anonymous(subject: Token | None, verb: Token) -> bool:
    """A speaker who is not to be named: a clause of the speaker with a verb of naming refused
    ("the official, who asked not to be identified, said", "a source who declined to be named"),
    or the verb told on condition of anonymity.

    >>> from kg.extract.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> doc = nlp("The officer, who asked not to be identified, said the road was shut.")
    >>> near = nlp("The officer, who was named chief in May, said the road was shut.")
    >>> _anonymous(doc[1], doc[10]), _anonymous(near[1], near[11])
    (True, False)
    """
    words = _words()["anonymity"]
    anonymity = words["anonymity_words"]
    # The words between the verb's edges hold its subtree's: read from the document's array, they
    # tell whether the subtree is worth a walk (a Token a word; a non-projective parse may put
    # words of another branch between the edges, so the walk decides).
    between = document_lowers(verb.doc)[verb.left_edge.i : verb.right_edge.i + 1]
    if not anonymity.isdisjoint(between) and any(t.lower_ in anonymity for t in verb.subtree):
        return True  # "said, speaking on condition of anonymity, that ..." (the parse may hang it on the clause)
    if subject is None:
        return False
    for clause in (c for c in subject.children if c.dep_ in ("relcl", "acl")):
        inside = list(clause.subtree)
        if not any(t.lemma_.lower() in words["naming_verbs"] for t in inside):
            continue
        if any(t.dep_ == "neg" or t.lemma_.lower() in words["refusing_verbs"] for t in inside):
            return True
    return False


def _noun_read_as_verb(verb: Token) -> bool:
    """A plural-present "verb" right after a singular noun, followed by the finite verb the
    phrase is the subject of: a compound noun the tagger split ("the company report to the
    exchange showed"), not a verb that reports ("the council say they ...", as British
    English writes, has no such second verb).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Output rose, the company report to the exchange showed.")
    >>> _noun_read_as_verb(doc[5])
    True
    """
    if verb.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ not in ("NN", "NNP") or subject.i != verb.i - 1:
        return False
    return any(
        c.i > verb.i and c.tag_ in ("VBD", "VBZ") and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in verb.children
    )


def _other_event(verb: Token, ctx: SentenceContext) -> bool:
    """A verb that is a trigger of some other event ("claimed responsibility", "warned")."""
    k = ctx.trigger_at.get(verb.i)
    return k is not None and not (ctx.triggers[k].name == "Statement" and ctx.triggers[k].kind == "verb")


def _confers_status(verb: Token) -> bool:
    """Whether a statement verb declares someone or something to be something ("declared the
    fallen soldier a hero", "declared her an honorary citizen", "declared the vote invalid"):
    an honour or a ruling given, not words reporting a fact. The parse shows it as an object
    with a predicate (``oprd``) or an apposition, or a verbless small clause.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The mayor declared the soldier a hero. The mayor declared that the road was closed.")
    >>> _confers_status(doc[2]), _confers_status(doc[10])
    (True, False)
    """
    for child in verb.children:
        if child.dep_ == "oprd":
            return True
        if child.dep_ == "dobj" and any(c.dep_ == "appos" for c in child.children):
            return True
        if child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN", "ADJ") and child.i > verb.i:
            return not any(c.dep_ in ("aux", "auxpass", "cop") for c in child.children)
    return False


@lru_cache(maxsize=1)
def _content_verbs() -> dict[str, dict]:
    """Speech verbs other than saying and the shapes of their content (``content_verbs``)."""
    return {k: v for k, v in _words()["content_verbs"].items() if not k.startswith("_")}


def _as_found(words: TextSpan | None, confidence: float) -> tuple[TextSpan, float] | None:
    return None if words is None else (words, confidence)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _infinitive(token: Token) -> Token | None:
    """A to-infinitive hung on a word after it ("pledged to set up", "urged voters to end")."""
    for child in token.children:
        if child.dep_ in ("xcomp", "advcl", "ccomp", "acl") and child.i > token.i and child.tag_ == "VB":
            if any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
                return child
    return None


def _content(verb: Token, shapes: dict) -> TextSpan | None:
    """The content of a speech verb other than saying, by the shapes it allows (``content_verbs``
    in statements.json): its to-infinitive, its object, a prepositional object or a charge
    ("accused Kesh of aggression"); None when the parse gives it none ("called on the
    president", "condemned him to death").

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Vell called on voters to end the boycott. Vell called on the mayor.")
    >>> _content(doc[1], _content_verbs()["call"]).text, _content(doc[10], _content_verbs()["call"])
    ('to end the boycott', None)
    """
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep" and c.i > verb.i}
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if set(preps) & set(shapes.get("excluding_preps", ())) or particles & set(shapes.get("excluding_particles", ())):
        return None  # "condemned him to death"; a phrasal verb is another verb ("called up six players for ...")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for word in shapes.get("charge_preps", ()):
        if objects and word in preps and any(g.dep_ in ("pobj", "pcomp") for g in preps[word].children):
            return token_span([*objects[0].subtree, *preps[word].subtree])  # "Kesh of aggression"
    for word in shapes.get("addressee_preps", ()):
        if word in preps:
            # "called on voters to end ...": the parse hangs the infinitive on the verb or on the addressee
            addressees = [g for g in preps[word].children if g.dep_ == "pobj"]
            found = _infinitive(verb) or next(filter(None, map(_infinitive, addressees)), None)
            if found is not None:
                return _phrase(found)
    for word in shapes.get("preps", ()):
        if word in preps and any(g.dep_ in ("pobj", "pcomp") for g in preps[word].children):
            found = _infinitive(verb)
            tokens = [*preps[word].subtree, *(found.subtree if found is not None else ())]
            return token_span(tokens[1:])  # "for its followers to boycott ...": without the preposition
    if shapes.get("infinitive") and (found := _infinitive(verb)) is not None:
        return _phrase(found)
    if shapes.get("object") and objects and not is_pronoun(objects[0]):
        return _phrase(objects[0])  # "condemned it" tells nothing of what was condemned
    return None


def _quoting_verb(verb: Token) -> Token | None:
    """The saying verb of a quoting verb ("quoted X as saying", "X was quoted as telling"), if any."""
    if verb.lemma_.lower() not in _words()["quoting_verbs"]:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for saying in prep.children:
            if saying.dep_ == "pcomp" and saying.tag_ == "VBG" and saying.lemma_.lower() in _words()["reporting_verbs"]:
                return saying
    return None


def _quoted(verb: Token) -> Token | None:
    """Who a quoting verb quotes: its object, or its subject in the passive."""
    dep = "nsubjpass" if _passive(verb) else "dobj"
    return next((c for c in verb.children if c.dep_ == dep), None)


def _clause_before(verb: Token, quoting: bool = False) -> TextSpan | None:
    """The words a sentence-final attribution reports when the parse gave the verb no clause
    ("Ruehe will visit Kesh in May, the defence ministry said.": the parse may read the words as
    an adverbial clause or the verb as a conjunct of theirs): the sentence up to the comma before
    the speaker, when it holds a finite verb and nothing but adjuncts follows the reporting verb.

    >>> from kg.extract.pipeline import load_pipeline
    >>> text = "Before Vell 's arrival , Defence Minister Ana Ruiz will visit Brano , the defence ministry said ."
    >>> doc = load_pipeline()(text)
    >>> [(e.arguments[0].span.text, e.quote) for e in doc._.kg_events if e.type == "Statement"]
    [('defence ministry', "Before Vell 's arrival , Defence Minister Ana Ruiz will visit Brano")]
    """
    subject_deps = ("nsubj", "nsubjpass") if quoting else ("nsubj",)  # "X was quoted as saying": X
    subject = next((c for c in verb.children if c.dep_ in subject_deps), None)
    if subject is None or subject.i > verb.i:
        return None
    sent, doc = verb.sent, verb.doc
    comma = subject.left_edge.i - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    after = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if any(t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis") or t.head.i < verb.i for t in after):
        return None  # the verb goes on: it is no sentence-final attribution
    if any(t.dep_ == "dobj" and t.head.i == verb.i for t in after) and verb.lemma_.lower() != "tell" and not quoting:
        return None  # "..., the crowd said goodbye": the verb has its own words
    tokens = [t for t in doc[sent.start : comma] if not t.is_space]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tokens) or any(t.is_quote for t in tokens):
        return None  # no clause, or a quotation (read as one elsewhere)
    if tokens[0].dep_ == "mark" or tokens[0].tag_ == "WRB":
        return None  # "When the rally ended, the mayor said ...": a clause of time, not the words
    return token_span(tokens)


def _reported_clause(verb: Token) -> Token | None:
    """The clause a reporting verb reports: its ccomp (or a parataxis next to a quotation), or
    a that-clause the parse hangs on the noun of its phrase or its object ("said in a statement
    that ...", "admitted in her memoir Turns that ...")."""
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")), None)
    if clause is not None:
        return clause
    nouns = [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    # "admitted in her book My Turn that ...": the parse may hang the clause on the object
    for noun in nouns + [c for c in verb.children if c.dep_ == "dobj"]:
        for inner in noun.children:
            marks = (m for m in inner.children if m.dep_ == "mark" and m.lower_ == "that")
            if inner.dep_ in ("acl", "ccomp") and any(marks):
                return inner
    return None


def _subject(verb: Token) -> Token | None:
    """Who speaks: the verb's subject; for a relative clause the noun it modifies; for a
    participle or a coordinated verb without one, the subject of the verb it hangs on."""
    saying = verb
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.lower_ in syntax()["relative_pronouns"] and verb.dep_ == "relcl":
                return _relative_antecedent(subject, verb.head)
            return subject
        participle = next((c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
        if participle is not None and (inner := next((c for c in participle.children if c.dep_ == "nsubj"), None)):
            return inner  # "police searching for the girl said": the parse made the phrase a clause
        if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # a finite verb the parse hung on its subject: "Vell, the minister, announced on ..."
        if _said_again(verb):
            verb = verb.head.head  # "X said A is B and said C": X says C too
            continue
        if verb == saying and verb.dep_ == "xcomp" and (controller := _asked_one(verb.head)) is not None:
            return controller  # "Albania asked Greece to explain": Greece is to explain
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN"):
                verb = verb.head  # "issued a statement saying ...": the issuer
            continue
        return None
    return None


def _modality(trigger: Trigger) -> str | None:
    """A statement's modality; a saying told again (:func:`_said_again`) without a negation or an
    auxiliary of its own is told as the first one is, not as what the first one says ("denied that
    officials forced anyone ... and insisted that ...": the insisting is not denied)."""
    verb = trigger.head
    if _said_again(verb) and not any(c.dep_ in ("neg", "aux") for c in verb.children):
        first = verb.head.head
        return modality(Trigger([first], trigger.name, first, trigger.kind))
    return modality(trigger)


def _asked_one(verb: Token) -> Token | None:
    """The one a verb of asking or ordering makes speak: its object, or the object of its "on"
    ("asked Greece to explain", "called on the minister to explain"); None for a verb with no one
    asked ("planned to announce", "staged a protest to demand"): its own subject speaks.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Albania asked Greece to explain the move.")
    >>> _asked_one(doc[1]).text
    'Greece'
    """
    asked = object_controller(verb)
    if asked is None:
        return None
    named = asked.ent_type_ in ASKED_ENTITY_TYPES
    return asked if named or not asked.ent_type_ and asked.lemma_.lower() in people_nouns() else None


def _said_again(verb: Token) -> bool:
    """A verb of saying the parse joined to the clause another verb of saying reports ("Luehrs
    said the boxes are only the beginning and said the technology will ...", "said the bank was
    an intermediary and added that ..."): a second statement of that speaker, no words of the
    first.

    >>> from kg.extract.pipeline import load_pipeline
    >>> text = "Luehrs said digital technology in set-top boxes is only the beginning and said it will grow ."
    >>> doc = load_pipeline()(text)
    >>> [t.text for t in doc if _said_again(t)]
    ['said']
    """
    clause = verb.head
    reporting = _words()["reporting_verbs"]
    return (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and clause.dep_ == "ccomp"
        and clause.head.i < verb.i
        and verb.lemma_.lower() in reporting
        and clause.head.lemma_.lower() in reporting
        # not a saying joined to one in the clause ("he could not confirm or deny the report"), nor
        # one with a subject of its own ("but his doctors have told him ..."), nor a passive ("were
        # held at the mission and were reported to be in good health")
        and clause.lemma_.lower() not in reporting
        and not any(c.dep_ in ("nsubj", "auxpass", "nsubjpass") for c in verb.children)
    )


def _relative_antecedent(pronoun: Token, noun: Token) -> Token:
    """The noun a relative clause of speech is on: the parse's, unless "who" tells of a person
    and that noun names none while the name just before the pronoun does, inside its phrase
    ("since Wednesday's arrival of Alexander Lebed, who said ...": Lebed speaks, not the arrival).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("He left since the arrival of Alexander Lebed , who said he came with peace .")
    >>> _relative_antecedent(doc[9], doc[4]).text
    'Lebed'
    """
    if pronoun.lower_ != "who" or noun.pos_ == "PROPN" or names_people(noun):
        return noun
    before = pronoun.i - 1
    while before > noun.i and pronoun.doc[before].is_punct:
        before -= 1
    last = pronoun.doc[before]
    if before > noun.i and (last.pos_ == "PROPN" or names_people(last)) and noun in last.ancestors:
        return last
    return noun


def _addressee(verb: Token, clause: Token) -> Token | None:
    """The people "told" speaks to, when the parse ran them into the reported clause as a
    modifier of its subject ("told reporters Bonn supported ...": "reporters" is no word of it).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Moltz told reporters Brano backed the plan .")
    >>> [(e.arguments[0].span.text, e.quote) for e in doc._.kg_events]
    [('Moltz', 'Brano backed the plan')]
    """
    if verb.lemma_.lower() != "tell" or any(c.dep_ in ("dative", "dobj") for c in verb.children):
        return None
    first = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if first is None or first.dep_ not in ("compound", "nmod") or first.head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if first.head.head.i != clause.i or not first.tag_.startswith("NN") or not names_people(first):
        return None
    return first


def _clause_words(clause: Token, addressee: Token | None = None) -> TextSpan:
    """The reported clause without its "that", end punctuation, the addressee the parse ran into
    it, and a second saying the parse joined to it (:func:`_said_again`)."""
    again = {t.i for c in clause.children if _said_again(c) for t in c.subtree}
    tokens = [
        t
        for t in clause.subtree
        if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")
        and (addressee is None or t.i != addressee.i)
        and t.i not in again
    ]
    while tokens and (tokens[-1].is_punct and not tokens[-1].is_quote or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if tokens and tokens[-1].is_quote and sum(t.is_quote for t in tokens) % 2:
        tokens.pop()  # a closing mark whose opening mark is outside the clause
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return token_span(tokens) if tokens else token_span([clause])


def _phrase(token: Token) -> TextSpan:
    tokens = [t for t in token.subtree]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return token_span(tokens)


def _one_paragraph(words: TextSpan, at: int) -> TextSpan | None:
    """The reported words within the paragraph of the verb at ``at``: a heading the parse ran
    into the sentence is not part of them."""
    if "\n" not in words.text:
        return words
    cuts = [words.start + m.end() for m in re.finditer(r"\n\s*", words.text)]
    start = max([words.start, *(c for c in cuts if c <= at)])
    ends = [words.start + m.start() for m in re.finditer(r"\s*\n", words.text)]
    end = min([words.end, *(e for e in ends if e >= start)])
    if end <= start:
        return None
    text = words.text[start - words.start : end - words.start]
    return TextSpan(start, end, text) if text.strip() else None


def _joined(tokens: list[Token], text: str) -> TextSpan:
    """The words of tokens that may leave a gap ("X, according to Y, and Z"): the runs of
    adjacent tokens, each without its edge commas, joined by a space; the span covers them all.
    ``text`` is the document's text."""
    runs: list[list[Token]] = [[tokens[0]]]
    for token in tokens[1:]:
        if token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    pieces = [_text(run[0].idx, run[-1].idx + len(run[-1]), text).text for run in runs]
    words = " ".join(p.strip(" ,;") for p in pieces if p.strip(" ,;"))
    return TextSpan(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), words)


def _text(start: int, end: int, text: str) -> TextSpan:
    """A span of ``text`` with the spaces and the trailing comma of a quotation trimmed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return TextSpan(start, end, text[start:end])
