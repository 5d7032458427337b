"""The model's attribute ruler, made fast: the same part-of-speech, morphology and lemma
exceptions at a fraction of the cost.

spaCy's ``attribute_ruler`` runs a Matcher of some 180 patterns over every token (the
English models map each fine-grained tag to its part of speech and morphology this way,
plus exceptions for words such as "i" or "gonna"); on news text it cost as much as the
parser. Its patterns only test a token's lower-case form, tag, dependency label and
whether it is white space, so the rules that hold for a token are the same for every
token with those four values: here they are worked out once per such combination and
remembered, and the few patterns of two tokens or more are checked where their first
token fits. Rules apply as spaCy applies them (later rules win), values are written back
with one array write. :func:`kg.extract.pipeline.load_pipeline` puts this component in
place of the model's attribute ruler when every pattern is of the kinds above (else the
model's stays); a test checks that every token comes out exactly as spaCy's leaves it.

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> type(nlp.get_pipe("newskg_attribute_ruler")).__name__, "attribute_ruler" in nlp.pipe_names
('MemoizedAttributeRuler', False)
>>> [(t.pos_, t.lemma_) for t in nlp("I'm gonna stay.")][:4]
[('PRON', 'I'), ('AUX', 'be'), ('VERB', 'go'), ('PART', 'to')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a pattern may test, in the order of a token's key.
KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_KEY_IDS = [LOWER, TAG, DEP, IS_SPACE]
# Attributes written back with one array write; any other a rule sets is set token by token.
_ARRAY_IDS = [POS, MORPH, LEMMA]
# Distinct token keys grow with the vocabulary: bound the memory.
MAX_REMEMBERED = 500_000

TokenTest = Callable[[tuple[str, str, str, bool]], bool]


def _value_test(position: int, spec: Any) -> Callable[[tuple], bool] | None:
    """A test of one attribute as the Matcher makes it, or None for a kind not handled here."""
    if isinstance(spec, bool):
        return lambda key: key[position] == spec
    if isinstance(spec, str):
        return lambda key: key[position] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (kind, value), = spec.items()
        if kind == "IN" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            allowed = frozenset(value)
            return lambda key: key[position] in allowed
        if kind == "NOT_IN" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            barred = frozenset(value)
            return lambda key: key[position] not in barred
        if kind == "REGEX" and isinstance(value, str):
            regex = re.compile(value)
            return lambda key: bool(regex.search(key[position]))
    return None


def _token_test(spec: dict[str, Any]) -> TokenTest | None:
    tests = []
    for attr, value in spec.items():
        if attr not in KEY_ATTRS or (attr == "IS_SPACE") != isinstance(value, bool):
            return None
        test = _value_test(KEY_ATTRS.index(attr), value)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(test(key) for test in tests)


def _rules(ruler: AttributeRuler) -> list[tuple[int, list[dict], list[TokenTest], int]] | None:
    """(rule number, the pattern, one test per token, index of the token it sets) per pattern;
    None when a pattern is of a kind this module does not reproduce exactly."""
    rules = []
    for number in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(number))[1]:
            tests = [_token_test(spec) for spec in pattern]
            if not pattern or None in tests:
                return None
            rules.append((number, pattern, tests, ruler.indices[number]))
    return rules


def supports(ruler: AttributeRuler) -> bool:
    """Whether :class:`MemoizedAttributeRuler` reproduces this ruler exactly."""
    return _rules(ruler) is not None


class MemoizedAttributeRuler:
    """Sets what ``ruler`` would set, working out the rules that hold once per token key."""

    def __init__(self, ruler: AttributeRuler):
        rules = _rules(ruler)
        if rules is None:
            raise ValueError("this attribute ruler has patterns MemoizedAttributeRuler does not reproduce")
        self.ruler = ruler
        self.longer = [(number, tests, index) for number, _, tests, index in rules if len(tests) > 1]
        # Most lone-token rules ask for one lower-case form or one tag: only those are tried on a token.
        self.by_lower: dict[str, list[tuple[int, TokenTest]]] = {}
        self.by_tag: dict[str, list[tuple[int, TokenTest]]] = {}
        self.always: list[tuple[int, TokenTest]] = []
        for number, pattern, tests, _ in rules:
            if len(tests) == 1:
                lower, tag = pattern[0].get("LOWER"), pattern[0].get("TAG")
                if isinstance(lower, str):
                    self.by_lower.setdefault(lower, []).append((number, tests[0]))
                elif isinstance(tag, str):
                    self.by_tag.setdefault(tag, []).append((number, tests[0]))
                else:
                    self.always.append((number, tests[0]))
        self.attrs = ruler.attrs
        self.known: dict[tuple[int, int, int, int], tuple[tuple[int, ...], tuple[int, ...], tuple]] = {}
        self.effects: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], dict[int, Any]]] = {}

    def _lookup(self, key: tuple[int, int, int, int], strings: Any) -> tuple[tuple[int, ...], tuple[int, ...], tuple]:
        """(rules that hold for a lone token of this key, in order; longer patterns whose first token
        it fits; the key's values as text)."""
        found = self.known.get(key)
        if found is None:
            if len(self.known) >= MAX_REMEMBERED:
                self.known.clear()
            lower, tag, dep, space = key
            words = (strings[lower], strings[tag], strings[dep], bool(space))
            found = self.known[key] = (
                tuple(
                    sorted(
                        number
                        for number, test in chain(
                            self.by_lower.get(words[0], ()), self.by_tag.get(words[1], ()), self.always
                        )
                        if test(words)
                    )
                ),
                tuple(n for n, (_, tests, _) in enumerate(self.longer) if tests[0](words)),
                words,
            )
        return found

    def _effect(self, rules: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], dict[int, Any]]:
        """What these rules set, applied in order: (column of _ARRAY_IDS, value) pairs, other attributes."""
        effect = self.effects.get(rules)
        if effect is None:
            merged: dict[int, Any] = {}
            for number in rules:
                merged.update(self.attrs[number])  # each attribute is set on its own: the last rule wins
            columns = tuple((column, merged.pop(attr)) for column, attr in enumerate(_ARRAY_IDS) if attr in merged)
            effect = self.effects[rules] = (columns, merged)
        return effect

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        found = [self._lookup(tuple(key), strings) for key in doc.to_array(_KEY_IDS).tolist()]
        applied: list[tuple[int, ...] | list[int]] = [rules for rules, _, _ in found]
        for start, (_, firsts, _) in enumerate(found):
            for n in firsts:
                number, tests, index = self.longer[n]
                end = start + len(tests)
                if end <= len(doc) and all(test(found[start + k][2]) for k, test in enumerate(tests[1:], 1)):
                    target = range(start, end)[index]
                    # Later rules win, as in spaCy (its matches are applied sorted by rule).
                    applied[target] = sorted([*applied[target], number])
        values = doc.to_array(_ARRAY_IDS)
        for i, rules in enumerate(applied):
            if not rules:
                continue
            columns, others = self._effect(tuple(rules))
            for column, value in columns:
                values[i, column] = value
            if others:  # a rule setting the tag or the dependency label: rare, set on the token
                set_token_attrs(doc[i], others)
        doc.from_array(_ARRAY_IDS, values)
        return doc


@Language.factory("newskg_attribute_ruler")
def make_memoized_attribute_ruler(nlp: Language, name: str) -> MemoizedAttributeRuler:
    """Wraps the pipeline's ``attribute_ruler``; add it after that one, then remove that one."""
    return MemoizedAttributeRuler(nlp.get_pipe("attribute_ruler"))
