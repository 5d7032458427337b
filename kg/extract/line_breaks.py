"""Sentence starts at the line breaks of an article, set before the parser runs.

An article's lines are its headline, subheadings, captions and paragraphs. The parser
alone often runs a headline into the first sentence ("Market bombing in Kesh kills
twelve\\nA car bomb exploded ...") or a paragraph into the next, and every reading of that
sentence then goes wrong: its events, their arguments, the quotes. A line break starts a
sentence after a blank line, after a line that ends as a sentence ends (a full stop, a
question or exclamation mark, a closing quote or bracket after one), after a dateline
("BUCHAREST 1996-08-30", "KESH, Valdor Aug 30": a short line that opens with a place in
capitals and ends with a date, or is all capitals), and after the first line (the headline)
unless the next line goes on in lower case. A line wrapped inside a
running sentence (hard-wrapped text: the next line goes on in lower case) runs on. The
parser keeps what is set here.

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> [s.text for s in nlp("Storm closes port\\nThe storm closed the port on Monday.").sents]
['Storm closes port\\n', 'The storm closed the port on Monday.']
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_text import document_text, document_words
from kg.extract.name_boundaries import SPACED_DASHES

# What a line ends with when it ends a sentence; closing quotes and brackets may follow.
SENTENCE_END = frozenset(".!?")
CLOSERS = frozenset("\"'”’»)]")
OPENING_QUOTES = frozenset('"“«')
LINE_BREAKS_KEY = "kg_line_breaks"  # doc.user_data: the tokens holding a line break


def _ends_sentence(text: str) -> bool:
    """Whether a line whose last word (before any closing quote or bracket) is ``text`` ends a sentence."""
    stripped = text.rstrip("".join(CLOSERS))
    return bool(stripped) and stripped[-1] in SENTENCE_END


DATELINE_WORDS = 8  # at most this many words: a place, maybe its country, a date


def is_dateline(words: list[str]) -> bool:
    """Whether a line of these words is a dateline: a place in capitals opening it, no word in
    lower case, and a date (a word with a digit) ending it or every word in capitals; a few
    words at most. Its words are never the subject of the sentence on the next line.

    >>> is_dateline(["BUCHAREST", "1996-08-30"]), is_dateline(["KESH", ",", "Valdor", "Aug", "30"])
    (True, True)
    >>> is_dateline(["NEW", "YORK"]), is_dateline(["UN", "troops", "left", "in", "1995"])
    (True, False)
    """
    if not _opens_in_capitals(words):
        return False  # "UN troops left in 1995": a wrapped line of a sentence
    return any(c.isdigit() for c in words[-1]) or all(w.isupper() for w in words if any(c.isalpha() for c in w))


def _opens_in_capitals(words: list[str]) -> bool:
    """A few words opened by a word in capitals, none in lower case: how a dateline looks."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters or len(words) > DATELINE_WORDS or letters[0] != words[0] or len(words[0]) < 2:
        return False
    return words[0].isupper() and not any(w[:1].islower() for w in letters)


def _after_inline_dateline(doc: Doc, start: int) -> int | None:
    """The first word of the story when the line at ``start`` opens with a dateline run into it
    before a spaced dash: "BAGHDAD, March 3 (AP) — A bomb ...", "KESH, Valdor (Reuters) -
    Gunmen ...", "WASHINGTON — The senate ...". A news agency in brackets before the dash is
    enough beside a place in capitals; without one the words must be a dateline (:func:`is_dateline`).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [_after_inline_dateline(nlp(t), 0) for t in ("KESH, Valdor (Reuters) - Gunmen fired", "Rebels fired - twice")]
    [7, None]
    """
    for dash in range(start + 1, min(len(doc), start + 2 * DATELINE_WORDS)):
        token = doc[dash]
        if "\n" in token.text:
            return None
        if token.text in SPACED_DASHES and token.whitespace_ and doc[dash - 1].whitespace_:
            break
    else:
        return None
    words = [t.text for t in doc[start:dash] if not t.is_space]
    agency = len(words) >= 3 and words[-1] == ")" and "(" in words
    if agency:
        words = words[: len(words) - 1 - words[::-1].index("(")]
    dateline = _opens_in_capitals(words) if agency else is_dateline(words)
    return dash + 1 if dateline and dash + 1 < len(doc) else None


def line_break_between(a: Token, b: Token, wrapped: bool = True) -> bool:
    """Whether a line break stands between two words of one parsed sentence (a heading or a
    dateline the parser ran into it); with ``wrapped`` False, a line wrapped inside the sentence
    (it goes on in lower case) does not count.

    >>> import spacy
    >>> doc = spacy.blank("en")("KESH 2024\\nThe bank\\nsaid rates rose.")
    >>> line_break_between(doc[0], doc[5]), line_break_between(doc[4], doc[6])
    (True, True)
    >>> line_break_between(doc[4], doc[6], wrapped=False)
    False
    """
    lo, hi = sorted((a.i, b.i))
    breaks = _line_break_tokens(a.doc)
    words = document_words(a.doc)
    between = breaks[bisect_left(breaks, lo) : bisect_left(breaks, hi)]
    return any(wrapped or not words[i + 1][:1].islower() for i in between)


def _line_break_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens whose text holds a line break, found once per document (spaCy keeps
    line breaks in the words: the whitespace it keeps after a word is one space at most)."""
    found = doc.user_data.get(LINE_BREAKS_KEY)
    if found is None:
        found = doc.user_data[LINE_BREAKS_KEY] = [i for i, word in enumerate(document_words(doc)) if "\n" in word]
    return found


def headline_end(text: str) -> int | None:
    """Where the headline of ``text`` ends: its first line is the headline when a line break
    follows it and it does not end as a sentence ends ("Market bombing in Kesh kills twelve"), or
    when a dateline follows it whatever it ends with, as wire copy sets a headline above its
    story ("Singapore hangs drug trafficker .\\nSINGAPORE 1996-08-30\\nSingapore hanged ...").

    >>> texts = ("Storm closes port\\nThe storm", "Port closes .\\nKESH 1996-08-30\\nThe", 'It rained . "\\nThen')
    >>> [headline_end(t) for t in texts]
    [17, 13, None]
    """
    first, newline, rest = text.partition("\n")
    if not newline or not first.strip() or rest[:1].islower():
        return None  # one line, or a sentence wrapped onto the next line
    next_line = next((line.split() for line in rest.split("\n") if line.strip()), [])
    # the line's end before closing quotes and brackets, spaced or not ('were true . "')
    if _ends_sentence(first.rstrip().rstrip("".join(CLOSERS)).rstrip()) and not is_dateline(next_line):
        return None
    return len(first.rstrip())


def is_headline(sent: Span) -> bool:
    """Whether ``sent`` is its document's headline (:func:`headline_end`): the whole first line.

    >>> from kg.extract.pipeline import load_pipeline
    >>> [is_headline(s) for s in load_pipeline()("Storm closes port\\nThe storm closed the port.").sents]
    [True, False]
    """
    if sent.start != 0:
        return False
    end = headline_end(document_text(sent.doc))
    if end is None:
        return False  # decided by the text alone, before a Token of any word is made
    last = next((t for t in reversed(sent) if not t.is_space), None)  # the sentence's last word
    return last is not None and last.idx + len(last) == end


def _capitalized(token: Token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper)


class LineBreaks:
    """Sets where sentences start and do not start around each line break."""

    def __call__(self, doc: Doc) -> Doc:
        first_line, line_start = True, 0
        line_starts = [0]
        for token in doc:
            if not token.is_space or "\n" not in token.text:
                continue
            at_first_line, first_line = first_line, False
            line_first, line_start = line_start, token.i + 1
            line_starts.append(line_start)
            before, after = token.i - 1, token.i + 1
            if before < 0 or after >= len(doc):
                continue
            last = before  # the line's last word: the punctuation a closing quote or bracket follows
            while last > 0 and doc[last].text in CLOSERS:
                last -= 1
            runs_on = doc[after].text[:1].islower()
            if (
                token.text.count("\n") > 1
                or _ends_sentence(doc[last].text)
                or (at_first_line and not runs_on)
                or (not runs_on and self._dateline(doc, line_first, token.i))
            ):
                for closer in doc[last + 1 : after]:
                    closer.is_sent_start = False  # the closing quote stays with its sentence
                _start_sentence(doc, after)
            elif runs_on:
                doc[after].is_sent_start = False  # a line wrapped inside a sentence goes on in lower case
        for start in line_starts:
            story = _after_inline_dateline(doc, start)
            if story is not None:
                _start_sentence(doc, story)  # "KESH (Reuters) - Gunmen killed ...": the story starts here
        return doc

    @staticmethod
    def _dateline(doc: Doc, start: int, end: int) -> bool:
        """Whether the line of tokens ``start`` to ``end`` is a dateline; a long line is not
        looked at word by word."""
        if end - start > 2 * DATELINE_WORDS:
            return False
        return is_dateline([t.text for t in doc[start:end] if not t.is_space])


def _start_sentence(doc: Doc, i: int) -> None:
    """Start a sentence at word ``i``. A name opening it stays whole: forced to start a sentence
    where it would not have, the parser otherwise may end one after "Marc" in "Speech\n\nMarc
    Duval spoke". An opening quotation mark stays with the words it opens: set apart from them
    by a space ('" We took ...', as tokenized text and some feeds write it), it would otherwise
    be a sentence of its own, and the quotation's words no sentence's quote."""
    doc[i].is_sent_start = True
    if doc[i].text in OPENING_QUOTES and i + 1 < len(doc) and not doc[i + 1].is_space:
        i += 1
        doc[i].is_sent_start = False
    name = i
    while name + 1 < len(doc) and _capitalized(doc[name]) and _capitalized(doc[name + 1]):
        name += 1
        doc[name].is_sent_start = False


@Language.factory("newskg_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
