"""Document-level coreference for event arguments and speakers: which entity mention a
pronoun ("he", "it", "they") or a definite description ("the group", "the minister") stands
for, looked for in the sentences before it.

Rules, each kept to the cases it gets right most of the time (links and non-links on
hand-written sentences in ``tests/test_event_arguments.py``; precision of its links against the
WikiEvents coreference clusters by ``benchmarks/coreference_links.py``, numbers in
benchmarks/README.md): a pronoun refers to the latest mention of a class it can
stand for within a short window, preferring the subject of its own or the previous
sentence (the usual topic); "the group" and its kin to the latest organization ("the
militants", "the rebels" only to an armed one: named, coded or told doing violence); a definite
title ("the minister") to the latest person holding a title with that head word; another
singular description ("the agency", "the author") to the latest person or organization the
text described with that noun where it named it ("the Tarvo news agency", "Tomas Vell, a
lawyer", "a spokesman of the Kesh Congress"). Nothing
is returned when no antecedent fits: the caller then drops a pronoun, and keeps a
description as its own words. The words live in ``lexicons/coreference.json``.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Kamal Odeh leads the council. He met the rebels on Monday.")
>>> coref = Coreference(doc)
>>> coref.resolve(doc[6]), doc.spans["kg_mentions"][0].text
(0, 'Kamal Odeh')
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import load_lexicon, word_list
from kg.names.actors import known_actor

SUBJECTS = ("nsubj", "nsubjpass")
REPORTED = ("ccomp", "parataxis")  # the clause a verb reports


@lru_cache(maxsize=1)
def _words() -> dict:
    return {k: v for k, v in load_lexicon("coreference.json").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    return frozenset(h.split()[-1] for h in load_lexicon("titles.json")["heads"])


def is_pronoun(token: Token) -> bool:
    """Any pronoun, resolvable or not (a pronoun is never an argument's words)."""
    return token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$", "WP")


class Coreference:
    """The antecedents of one document; built once per document, asked per token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        spans = list(doc.spans["kg_mentions"]) if "kg_mentions" in doc.spans else []
        self.mentions = spans
        self.starts = [s.start for s in spans]
        self.sentence_starts = [s.start for s in doc.sents]
        entity_of = doc._.kg_mention_entity or []
        titled: dict[str, set[str]] = {}
        for role in doc._.kg_roles or []:
            titled.setdefault(role.person, set()).add(role.title.lower())
        # Per mention: the titles its person holds ("defense minister"), as written, lower-cased.
        self.titles = [titled.get(entity_of[i], set()) if i < len(entity_of) else set() for i in range(len(spans))]

    def _sentence(self, i: int) -> int:
        return bisect_left(self.sentence_starts, i + 1) - 1

    def _before(self, token: Token, labels: set[str], window: int) -> list[int]:
        """Mentions of ``labels`` ending before ``token``, within ``window`` sentences, latest first."""
        here = self._sentence(token.i)
        found = []
        for index in range(bisect_left(self.starts, token.i) - 1, -1, -1):
            span = self.mentions[index]
            if here - self._sentence(span.start) > window:
                break
            if span.end <= token.i and span.label_ in labels and token.i not in range(span.start, span.end):
                found.append(index)
        return found

    def resolve(self, token: Token, outside: Sequence[tuple[int, int]] = ()) -> int | None:
        """The mention index ``token`` refers to, or None. ``outside``: character ranges (a
        document's quotations) whose mentions a pronoun outside them does not stand for: in
        '"Death is no punishment," he said', "he" is the speaker, not a name of his words."""
        words = _words()
        lower = token.lower_
        if is_pronoun(token):
            labels = words["pronouns"].get(lower)
            if not labels or _pleonastic(token):
                return None
            excluded = self._bound_apart(token)
            found = self._before(token, set(labels), words["window"]["pronoun"])
            found = [i for i in found if self._entity_of(i) not in excluded]
            if outside:
                here = [(a, b) for a, b in outside if a <= token.idx < b]
                start = [self.mentions[i].start_char for i in found]
                found = [
                    i
                    for i, at in zip(found, start, strict=True)
                    if not any(a <= at < b for a, b in outside) or any(a <= at < b for a, b in here)
                ]
            return self._pick(token, found)
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        children = list(token.children)  # read once: each walk makes its Tokens again
        if (
            token.tag_ in ("NN", "NNP")  # "prosecutors say": people of that trade, no one person
            and not any(c.dep_ == "det" for c in children)
            and token.lemma_.lower() in _title_heads()
        ):
            return self._bare_title(token)
        named = self._named_by(token, children)
        if named is not None:
            return named  # "an armed group known as the Kesh Lions", "a militia calling itself the Vale Guard"
        if not any(c.dep_ == "det" and c.lower_ in words["definite_determiners"] for c in children):
            return None
        if any(c.dep_ in ("compound", "amod", "poss", "nummod") for c in children if c.pos_ == "PROPN"):
            return None  # "the Red group": a name of its own
        if token.dep_ in ("appos", "compound") or any(c.dep_ == "appos" for c in children):
            return None  # "X, the defence secretary", "the group ETA": the apposition names it, not a sentence before
        lemma, text = token.lemma_.lower(), token.lower_
        if token.tag_ == "NNS" and lemma in words["group_nouns"] and text not in words["group_nouns"]:
            return None  # "the two main rebel groups", "the factions": several organizations, not one
        if lemma in words["group_nouns"] or text in words["group_nouns"]:
            if lemma in words["armed_group_nouns"] or text in words["armed_group_nouns"]:
                # "the rebels" stand for an armed group, never for the UN or a ministry named before
                return self._armed_group(token)
            found = self._before(token, {"Organization"}, words["window"]["group"])
            # one named as a group before, not only as a facility's owner, if any
            found = [i for i in found if not _names_a_facility(self.mentions[i])] or found
            # "the party", "the movement": an organization whose name says it is one, if any
            named = [i for i in found if any(t.lemma_.lower() in (lemma, text) for t in self.mentions[i])]
            return self._pick(token, named or found)
        if lemma in _title_heads():
            for index in self._before(token, {"Person"}, words["window"]["title"]):
                if any(title.split()[-1] == lemma for title in self.titles[index]):
                    return index
        return self._described(token)

    def _described(self, token: Token) -> int | None:
        """A singular description ("the agency", "the author", "the spokesman") stands for the
        latest person or organization the document described with that noun (:func:`_descriptions`),
        up to the ``described`` window before it."""
        if token.tag_ != "NN":
            return None  # "the rebels", "the companies": several, or a group the rules above read
        nouns = {token.lemma_.lower(), token.lower_}
        for index in self._before(token, {"Person", "Organization"}, _words()["window"]["described"]):
            if nouns & _descriptions(self.mentions[index]):
                return index
        return None

    def _named_by(self, token: Token, children: list[Token]) -> int | None:
        """The name a description gives itself in a participle of naming after it ("an armed
        group known as the Kesh Lions", "a militia calling itself the Vale Guard", "a gang
        called the Reds"): the mention of an organization or person inside that participle
        (``children``: the token's, as the caller has read them)."""
        naming = [c for c in children if c.dep_ == "acl" and c.lemma_.lower() in _words()["naming_verbs"]]
        for verb in naming:
            inside = {t.i for t in verb.subtree}
            last = max(inside)
            for index in range(bisect_left(self.starts, verb.i), len(self.mentions)):
                span = self.mentions[index]
                if span.start > last:
                    break
                if span.root.i in inside and span.label_ in ("Organization", "Person"):
                    return index
        return None

    def _bound_apart(self, token: Token) -> set[str]:
        """Entities a pronoun cannot stand for, by the parse alone: one named later in the
        clause the pronoun is the subject of ("he said Vell had left": he is not Vell) or in
        the clause it reports before it ('"Vell has left," he said'), the noun a relative clause
        is on when the pronoun is its subject and the relative pronoun its object ("Vell, whom
        he met"), and
        the subject of the verb a personal pronoun is the object of ("Vell paid him": him is
        not Vell; "himself" is)."""
        head = token.head
        named: list[Token] = []
        if token.dep_ in SUBJECTS:
            named = [t for t in head.subtree if t.i > token.i]
            # '"Vell has left," he said': the words he reports, before him too
            named += [t for c in head.children if c.dep_ in REPORTED and c.i < token.i for t in c.subtree]
            if head.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in head.children):
                named.append(head.head)  # "Vell, whom he met": he is not Vell
        elif token.lower_.endswith(("self", "selves")):
            return set()
        elif token.dep_ in ("dobj", "dative") or token.dep_ == "pobj" and head.head.pos_ == "VERB":
            verb = head if token.dep_ != "pobj" else head.head
            named = [c for c in verb.children if c.dep_ == "nsubj"]
        if not named:
            return set()
        inside = {t.i for t in named}
        first, last = min(inside), max(inside)
        return {
            self._entity_of(i)
            for i in range(bisect_left(self.starts, first - 20), bisect_left(self.starts, last + 1))
            if self.mentions[i].root.i in inside
        }

    def _armed_group(self, token: Token) -> int | None:
        """ "The militants", "the rebels": the document's one armed organization named before
        (up to the ``armed_group`` window), else the latest armed one of the ``group`` window
        (the subject of the sentence or the one before preferred), else None."""
        window = _words()["window"]
        armed = [i for i in self._before(token, {"Organization"}, window["armed_group"]) if is_armed(self.mentions[i])]
        if len({self._entity_of(i) for i in armed}) == 1:
            return armed[0]
        here = self._sentence(token.i)
        near = [i for i in armed if here - self._sentence(self.mentions[i].start) <= window["group"]]
        return self._pick(token, near)

    def _bare_title(self, token: Token) -> int | None:
        """A title without article or name ("Peruvian Interior Minister meets ...", as headlines
        write) stands for the one person of the document holding that title, named before it
        or, as a headline's person is, in the sentences after it."""
        words = [c.lower_ for c in token.lefts if c.dep_ == "compound"] + [token.lemma_.lower()]
        title = " ".join(words)
        window = _words()["window"]
        holders = {
            index
            for index in range(len(self.mentions))
            if any(t == title or t.endswith(" " + title) for t in self.titles[index])
        }
        here = self._sentence(token.i)
        near = [
            i
            for i in holders
            if -window["title"] <= self._sentence(self.mentions[i].start) - here <= window["title_ahead"]
        ]
        persons = {self._entity_of(i) for i in near}
        if len(persons) != 1:
            return None  # two ministers: which one is not said
        return min(near, key=lambda i: abs(self.mentions[i].start - token.i))

    def _entity_of(self, index: int) -> str:
        entity_of = self.doc._.kg_mention_entity or []
        return entity_of[index] if index < len(entity_of) else str(index)

    def _pick(self, token: Token, found: list[int]) -> int | None:
        """Among candidates (latest first): a subject of the pronoun's own sentence or of the
        one before, else the latest."""
        if not found:
            return None
        here = self._sentence(token.i)
        for index in found:
            root = self.mentions[index].root
            if here - self._sentence(root.i) <= 1 and root.dep_ in SUBJECTS:
                return index
        return found[0]


def _names_a_facility(mention: Span) -> bool:
    """Whether an organization is named only as the owner word of a facility ("at the Third
    Division headquarters", "the Kesh Front base"): the phrase names a place, so "the group"
    after it is rather an organization named before as a group of its own."""
    root = mention.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in word_list("facilities.json", "heads")


def _descriptions(mention: Span) -> set[str]:
    """The nouns (lower-cased lemmas) the text describes a name with where it names it: its own
    head when that is an organization's noun ("Velmar News Agency"), in apposition ("Jose Vell,
    the author", "one of Kesh's authors, Jose Vell"), as a descriptor before it ("novelist Jose
    Vell"), or, for an organization's or a representative's noun, as the noun the name belongs
    to ("the Velmar news agency", "a Velmar spokesman", "a spokesman of the Velmar Congress":
    the spokesman speaks for it)."""
    root = mention.root
    # words outside any name: "the Optimised Deprival Value ( ODV )" describes nothing; a
    # capitalized word before a person's name is a title ("Detective Ana Voss")
    kinds = ("NOUN", "PROPN") if mention.label_ == "Person" else ("NOUN",)
    nouns = {
        c.lemma_.lower() for c in root.children if c.dep_ == "compound" and c.i < mention.start and _common(c, kinds)
    }
    if root.lemma_.lower() in _owned_nouns():
        nouns.add(root.lemma_.lower())  # the name's own head: "the Velmar News Agency"
    appositions = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        appositions.append(root.head)
    for noun in appositions:
        if noun.lower_ == "one":  # "one of Kesh's authors": an author
            noun = next((g for p in noun.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), noun)
        if _common(noun):
            nouns.add(noun.lemma_.lower())
    head = root
    while head.dep_ == "compound":
        head = head.head
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "for"):
        head = root.head.head  # "a spokesman of the Velmar Congress"
    if head is not root and head.lemma_.lower() in _owned_nouns():
        nouns.add(head.lemma_.lower())
    return nouns


def _common(token: Token, kinds: tuple[str, ...] = ("NOUN",)) -> bool:
    """A noun of one of ``kinds`` outside any name the parser found."""
    return token.pos_ in kinds and not token.ent_type_


@lru_cache(maxsize=1)
def _owned_nouns() -> frozenset[str]:
    """Nouns a name modifies that describe it or speak for it: organization heads ("news agency"),
    group nouns, and the representative nouns of statements ("spokesman")."""
    heads = load_lexicon("organization_cues.json")["heads"]
    representatives = load_lexicon("statements.json")["representative_nouns"]
    return frozenset([*heads, *_words()["group_nouns"], *representatives])


def is_armed(mention: Span) -> bool:
    """An organization named as an armed group ("Vale Liberation Front", "Kesh Brigades"),
    coded as one by the actor dictionary (rebels, insurgents, a militarized group), or told
    doing violence: the subject of a verb of one of the ``armed_deed_classes`` ("the Red Dawn
    movement bombed a bridge")."""
    words = _words()
    if any(t.lower_ in words["armed_name_words"] for t in mention):
        return True
    root = mention.root
    if root.dep_ == "compound":
        root = root.head  # "the Red Dawn movement bombed": the name is the subject's
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _deed_verbs():
        return True
    return _armed_actor(mention.text)


@lru_cache(maxsize=1)
def _deed_verbs() -> frozenset[str]:
    """The verbs of the ``armed_deed_classes`` (event_types.json)."""
    types = load_lexicon("event_types.json")
    return frozenset(v for name in _words()["armed_deed_classes"] for v in types[name]["verbs"])


@lru_cache(maxsize=4096)
def _armed_actor(name: str) -> bool:
    actor = known_actor(name, "Organization")
    if actor is None:
        return False
    sectors = set(words_of_codes(code for code, _, _ in actor.codes))
    return bool(sectors & set(_words()["armed_actor_sectors"]))


def words_of_codes(codes: Iterable[str]) -> Iterator[str]:
    """The three-letter parts of CAMEO actor codes.

    >>> list(words_of_codes(["AFGREB", "IMGMUSISI"]))
    ['AFG', 'REB', 'IMG', 'MUS', 'ISI']
    """
    for code in codes:
        yield from (code[k : k + 3] for k in range(0, len(code), 3))


def _pleonastic(token: Token) -> bool:
    """'it' that stands for nothing: "it is unclear whether", "it was reported that"."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    return (
        token.dep_ in SUBJECTS
        and any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in head.children)
        and (head.lemma_ in ("be", "seem", "appear", "remain") or any(c.dep_ == "auxpass" for c in head.children))
    )
