"""A definite description ("the agency", "the author", "the spokesman") stands for the person or
organization the document described with that noun where it named it (session 13; invented
names): by the name's own head, an apposition, a descriptor before the name, or the noun of an
organization or a representative the name belongs to. Near misses: a noun that only belongs to
a name ("the Velmar report"), a description the text never gave, a name inside the words a
pronoun reports."""

from __future__ import annotations

import pytest

from kg.extract.coreference import Coreference
from tests.test_statements import statements


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The Tarvo news agency said the port was closed. The agency said ships were waiting.", "Tarvo"),
        ("The Velmar News Agency said the port was closed. The agency said ships were waiting.", "Velmar News Agency"),
        (
            "A spokesman of the Kesh National Congress said the road was cut. The spokesman said troops had moved.",
            "Kesh National Congress",
        ),
        ("A Lorvik Party spokesman said the vote was fair. The spokesman said turnout was high.", "Lorvik Party"),
        (
            "One of Brano's best-known painters, Tomas Vell, died on Monday. The painter said in May that he was ill.",
            "Tomas Vell",
        ),
        ("Tomas Vell, a lawyer from Brano, was arrested. The lawyer said the charges were false.", "Tomas Vell"),
        ("Veteran novelist Tomas Vell opened the fair. The novelist said the book was finished.", "Tomas Vell"),
    ],
)
def test_a_description_speaks_for_the_name_it_described(extract_one, text, speaker):
    assert statements(extract_one(text))[-1][0] == speaker


@pytest.mark.parametrize(
    "text, word, nth",
    [
        ("The Velmar report said the port was closed. The report said ships were waiting.", "report", 1),
        ("Shares of Velmar Holdings fell on Monday. The company said profits rose.", "company", 0),
        ("Tomas Vell met leaders of the Kesh Congress. The agency said the talks went well.", "agency", 0),
        ("Tomas Vell, a lawyer from Brano, was arrested. The lawyers said the charges were false.", "lawyers", 0),
    ],
)
def test_a_description_the_text_never_gave_links_nothing(nlp, text, word, nth):
    doc = nlp(text)
    token = [t for t in doc if t.text == word][nth]
    assert Coreference(doc).resolve(token) is None


def test_a_pronoun_is_no_name_of_the_words_it_reports(nlp):
    doc = nlp('Ana Voss spoke first. "Tomas Vell has left the country," he said.')
    assert Coreference(doc).resolve([t for t in doc if t.text == "he"][0]) is None
    doc = nlp('Tomas Vell spoke first. "Ana Voss has left the country," he said.')
    found = Coreference(doc).resolve([t for t in doc if t.text == "he"][0])
    assert found is not None and Coreference(doc).mentions[found].text == "Tomas Vell"
