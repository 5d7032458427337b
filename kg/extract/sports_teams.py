"""Teams named after places, in sports reports: "Westmarch beat Eastvale by 40 runs".

Clubs and county sides carry the names of their towns and counties, and the model calls
them places (or people). In a document that reads as a sports report (enough sports words
of ``lexicons/sports.json``, or a line of results), a name that is not a country is a team,
an organization, where the words say it plays:

- it is followed by a score ("Westmarch 259 and 207", "Eastvale 24 points"),
- it follows a fixture word ("May 18 v Westmarch"),
- it is the subject or object of a result word ("Westmarch beat Eastvale", "lost to
  Eastvale", "winners over Eastvale", "played against Eastvale"),
- it stands on a line that is only a fixture ("WESTMARCH AT EASTVALE").

Every other mention of the same name in the report is then the team too. A country stays a
country (news names national teams by their country), and the names of sports alone are no
entity ("BASKETBALL - RESULTS").

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("The league match : Westmarch 259 , Eastvale 114 . Westmarch won the title .")
>>> doc.ents = [doc.char_span(19, 28, "GPE"), doc.char_span(35, 43, "GPE"), doc.char_span(50, 59, "GPE")]
>>> [(e.text, e.label_) for e in team_names(doc, sports_report=True)]
[('Westmarch', 'ORG'), ('Eastvale', 'ORG'), ('Westmarch', 'ORG')]
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import load_lexicon
from kg.names.gazetteer import is_known_place, is_nation

# Labels a team named after a place gets from the model.
PLACE_OR_PERSON = {"GPE", "LOC", "PERSON", "FAC", "ORG"}
CALENDAR_WORDS = frozenset(
    w.casefold() for w in [*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr] if w
)
# A number that is a date or a year is no score ("LONDON 1996-08-31").
DATE_LIKE = re.compile(r"^(1[89]|20)\d\d(-\d\d?){0,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = load_lexicon("sports.json")
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


@lru_cache(maxsize=2)
def sports_words(contests: bool = False) -> frozenset[str]:
    """The words that make a text sports news: team sports' and their context's, and with
    ``contests`` those of athletes' contests too ("metres", "hurdles", "Olympic": for events; not
    for team names)."""
    words = _words()
    return words["context_words"] | words["sports"] | (words["contest_words"] if contests else frozenset())


def is_sports_report(
    doc: Doc, has_result_lines: bool = False, lowers: list[str] | None = None, contests: bool = False
) -> bool:
    """Enough sports words (or a line of results) to read the document as a sports report.
    ``lowers``: the lower-case forms of the document's tokens, when the caller has read them;
    ``contests``: count the words of athletes' contests too (:func:`sports_words`)."""
    if has_result_lines:
        return True
    needed = load_lexicon("sports.json")["sports_document_words"]
    found = 0
    sports = sports_words(contests)
    for lower in [t.lower_ for t in doc] if lowers is None else lowers:
        if lower in sports:
            found += 1
            if found >= needed:
                return True
    return False


def _is_score(token: Token) -> bool:
    text = token.text
    return token.like_num and any(c.isdigit() for c in text) and not DATE_LIKE.match(text)


def _line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    start = i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    end = i
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    return start, end


def _plays(ent: Span) -> bool:
    """The words around the name say it is a side in a match."""
    doc = ent.doc
    words = _words()
    if ent.end < len(doc) and _is_score(doc[ent.end]):
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ in words["fixture_words"]:
        return True
    root = ent.root
    head = root.head
    line_start, line_end = _line_bounds(doc, ent.start)
    if not line_start <= head.i < line_end:
        return _fixture_line(doc, ent)  # a parse across lines (a headline, a dateline) says nothing
    if root.dep_ in ("nsubj", "dobj", "nsubjpass") and head.lemma_.lower() in words["result_words"]:
        return True
    if (
        root.dep_ == "pobj"
        and head.lower_ in words["opponent_prepositions"]
        and (head.lower_ == "against" or head.head.lemma_.lower() in words["result_words"])
    ):
        return True
    return _fixture_line(doc, ent)


def _fixture_line(doc: Doc, ent: Span) -> bool:
    """The name's line is only two names and a schedule word between them ("WESTMARCH AT EASTVALE")."""
    line_start, line_end = _line_bounds(doc, ent.start)
    while line_end > line_start and (doc[line_end - 1].is_space or doc[line_end - 1].is_punct):
        line_end -= 1
    schedule = _words()["schedule_words"]
    if ent.start == line_start and ent.end < line_end and doc[ent.end].lower_ in schedule:
        other = doc[ent.end + 1 : line_end]
    elif ent.end == line_end and ent.start > line_start and doc[ent.start - 1].lower_ in schedule:
        other = doc[line_start : ent.start - 1]
    else:
        return False
    return len(other) > 0 and all(t.ent_type_ in PLACE_OR_PERSON for t in other) and len(other.ents) == 1


def team_names(doc: Doc, sports_report: bool) -> list[Span]:
    """``doc.ents`` with the teams of a sports report labelled ORG and lone sports names dropped."""
    ents = list(doc.ents)
    if not sports_report:
        return ents
    sports = _words()["sports"]
    teams = {
        e.text.casefold()
        for e in ents
        if e.label_ in PLACE_OR_PERSON
        and not is_nation(e.text)
        # A player who wins is still a person; a "person" named like a place is a team the model misread.
        and (e.label_ != "PERSON" or is_known_place(e.text))
        and _plays(e)
    }
    ents = ents + _unlabelled_teams(doc)
    result = []
    for ent in sorted(ents, key=lambda e: e.start):
        if ent.text.casefold() in sports:
            continue
        if ent.label_ != "ORG" and ent.label_ in PLACE_OR_PERSON and ent.text.casefold() in teams:
            ent = Span(doc, ent.start, ent.end, label="ORG")
        result.append(ent)
    return result


def _unlabelled_teams(doc: Doc) -> list[Span]:
    """Place names the model left out that stand where a side stands: before a score, after a
    fixture word ("v Westmarch", "Westmarch 259")."""
    words = _words()
    found = []
    for token in doc:
        if token.ent_type_ or not token.is_alpha or not (token.is_title or token.is_upper) or token.is_stop:
            continue
        if token.lower_ in CALENDAR_WORDS:  # "May 18": a date, not a side
            continue
        before_score = token.i + 1 < len(doc) and _is_score(doc[token.i + 1])
        after_fixture = token.i > 0 and doc[token.i - 1].lower_ in words["fixture_words"]
        if (before_score or after_fixture) and not is_nation(token.text) and is_known_place(token.text):
            found.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return found
