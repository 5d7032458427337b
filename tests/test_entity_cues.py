"""Organization cues of issue 12, with invented names, and the cases each must leave alone."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.pipeline import load_pipeline

    return load_pipeline()


def mentions(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["kg_mentions"]]


def test_company_suffixes_end_an_organization(nlp):
    found = mentions(nlp, "Shares of Norvik Tarrel AG rose, and Castle Vantor Holdings plc fell.")
    assert ("Norvik Tarrel AG", "Organization") in found
    assert ("Castle Vantor Holdings plc", "Organization") in found


def test_a_person_named_with_an_honorific_is_not_a_company(nlp):
    assert ("Co", "Organization") not in mentions(nlp, "Mr. Co said the talks went well.")


def test_teams_in_results_and_standings_lines_are_organizations(nlp):
    text = "Results on Saturday:\nWestmarch 2 Lyon 1\nNorvale 4 2 1 1 5 3 7\nFrance 3 Castleby 0"
    found = mentions(nlp, text)
    assert ("Westmarch", "Organization") in found and ("Norvale", "Organization") in found
    assert ("Lyon", "Organization") in found  # a club named after its city, in a results line
    assert ("France", "Country") in found  # a national team is named by its country


def test_prose_with_numbers_keeps_its_places(nlp):
    found = mentions(nlp, "Officials in Lyon said 2 people died and 3 were hurt.")
    assert ("Lyon", "Place") in found
