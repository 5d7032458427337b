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
        ((kind, value),) = spec.items()
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
    tests = _attribute_tests(spec)
    if tests is None:
        return None
    return lambda key: all(test(key) for test in tests.values())


def _attribute_tests(spec: dict[str, Any]) -> dict[int, Callable[[tuple], bool]] | None:
    """One test per attribute a token pattern tests, by the attribute's position in a key."""
    tests = {}
    for attr, value in spec.items():
        if attr not in KEY_ATTRS or (attr == "IS_SPACE") != isinstance(value, bool):
            return None
        test = _value_test(KEY_ATTRS.index(attr), value)
        if test is None:
            return None
        tests[KEY_ATTRS.index(attr)] = test
    return tests


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


class _AttributeBits:
    """For one attribute of a token's key: which token patterns (bit n: the n-th pattern) its value
    lets hold, worked out once per value. A pattern that does not test the attribute holds for any."""

    def __init__(self, position: int, patterns: list[dict[str, Any]]):
        self.position = position
        self.free = 0  # patterns that do not test this attribute
        self.equal: dict[Any, int] = {}  # patterns asking for one value (a word, a tag, True)
        self.other: list[tuple[int, Callable[[tuple], bool]]] = []  # IN, NOT_IN, REGEX
        for n, spec in enumerate(patterns):
            test = _attribute_tests(spec).get(position)
            value = spec.get(KEY_ATTRS[position])
            if test is None:
                self.free |= 1 << n
            elif isinstance(value, str | bool):
                self.equal[value] = self.equal.get(value, 0) | 1 << n
            else:
                self.other.append((1 << n, test))
        self.known: dict[Any, int] = {}

    def bits(self, value: Any) -> int:
        found = self.known.get(value)
        if found is None:
            if len(self.known) >= MAX_REMEMBERED:
                self.known.clear()
            key = (value,) * len(KEY_ATTRS)  # the tests read the value at their own position
            found = self.free | self.equal.get(value, 0)
            for bit, test in self.other:
                if test(key):
                    found |= bit
            self.known[value] = found
        return found


class MemoizedAttributeRuler:
    """Sets what ``ruler`` would set, working out the rules that hold once per token key."""

    def __init__(self, ruler: AttributeRuler):
        rules = _rules(ruler)
        if rules is None:
            raise ValueError("this attribute ruler has patterns MemoizedAttributeRuler does not reproduce")
        self.ruler = ruler
        self.longer = [(number, tests, index) for number, _, tests, index in rules if len(tests) > 1]
        # A token's key is new for a quarter of the tokens of a first pass: the rules that hold for it
        # are found per attribute, as bit sets (bit n: the n-th lone rule, then the first token of the
        # n-th longer pattern), each attribute's value worked out once and the four sets intersected.
        firsts = [pattern[0] for _, pattern, tests, _ in rules if len(tests) == 1]
        firsts += [pattern[0] for _, pattern, tests, _ in rules if len(tests) > 1]
        self.lone_numbers = [number for number, _, tests, _ in rules if len(tests) == 1]
        self.attribute_bits = [_AttributeBits(position, firsts) for position in range(len(KEY_ATTRS))]
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
            bits = -1
            for attribute, value in zip(self.attribute_bits, words, strict=True):
                bits &= attribute.bits(value)
            lone, numbers = len(self.lone_numbers), []
            while bits:  # lowest bit first: the lone rules in their order, then the longer patterns
                low = bits & -bits
                numbers.append(low.bit_length() - 1)
                bits ^= low
            found = self.known[key] = (
                tuple(self.lone_numbers[n] for n in numbers if n < lone),
                tuple(n - lone for n in numbers if n >= lone),
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
