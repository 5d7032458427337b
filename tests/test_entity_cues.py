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


def test_names_are_cut_at_line_breaks_brackets_and_scores(nlp):
    text = "Results of the Westmarch meeting:\n1. Lena Marsh ( Norway ) 11.07\n2. Tomas Brandt ( Sweden ) 11.20"
    found = mentions(nlp, text)
    names = [name for name, _ in found]
    assert "Norway" in names and "Sweden" in names
    assert not any("(" in name or "\n" in name or any(c.isdigit() for c in name) for name in names)


def test_lower_case_words_after_a_name_are_not_part_of_it(nlp):
    found = mentions(nlp, "The Vantoria news agency said the talks would resume on Monday.")
    assert not any(name.endswith("agency") for name, _ in found)


def test_teams_named_after_places_in_a_sports_report(nlp):
    text = (
        "CRICKET - COUNTY CHAMPIONSHIP RESULTS .\n"
        "At Leicester : Kent beat Essex by 40 runs .\n"
        "Kent 259 and 207 , Essex 114 and 211 .\n"
        "Kent 22 points , Essex 4 .\n"
        "The match against Scotland starts on Monday ."
    )
    found = mentions(nlp, text)
    assert ("Kent", "Organization") in found and ("Essex", "Organization") in found
    assert ("Leicester", "Organization") not in found  # the venue stays a place
    assert ("Scotland", "Organization") not in found  # a national side is named by its nation
    assert ("CRICKET", "Organization") not in found


def test_places_outside_sports_reports_stay_places(nlp):
    found = mentions(nlp, "Floods hit Kent on Monday and 259 homes were flooded in Essex, officials said.")
    assert ("Kent", "Organization") not in found and ("Essex", "Organization") not in found


def test_schedule_lines_name_teams(nlp):
    text = "Baseball standings and schedule of the league season :\nWESTMARCH AT CASTLEBY\nBOSTON AT DENVER"
    found = mentions(nlp, text)
    assert ("BOSTON", "Organization") in found and ("DENVER", "Organization") in found


def test_a_small_town_is_a_place_where_the_words_call_it_one(nlp):
    found = mentions(nlp, "Gunmen attacked the village of Aguelhok, officials in Mali said.")
    assert ("Aguelhok", "Place") in found


def test_names_in_text_without_capitals_are_kept():
    import spacy

    from kg.extract.name_boundaries import trimmed_name_spans

    doc = spacy.blank("en")("officials of the norvik liberation front met 12 envoys")
    doc.ents = [doc.char_span(17, 40, "ORG")]
    assert [(e.text, e.label_) for e in trimmed_name_spans(doc)] == [("norvik liberation front", "ORG")]


def test_abbreviated_names_are_kept():
    import spacy

    from kg.extract.name_boundaries import trimmed_name_spans

    doc = spacy.blank("en")("Talks with U.S. envoys")
    doc.ents = [doc.char_span(11, 15, "GPE")]
    assert [e.text for e in trimmed_name_spans(doc)] == ["U.S."]


@pytest.mark.parametrize(
    "text, person",
    [
        # a title's name ends before the weekday that dates the sentence (wire style)
        ("Republican presidential candidate Tom Varga Wednesday accused the government of lying.", "Tom Varga"),
        ("Senator Tom Varga Wednesday said the talks had failed.", "Tom Varga"),
        # near miss: a name word that is also a date's is no weekday
        ("Prime Minister Theresa May said the talks had failed.", "Theresa May"),
    ],
)
def test_a_weekday_after_a_name_is_not_part_of_it(nlp, text, person):
    assert (person, "Person") in mentions(nlp, text)


def test_the_model_s_name_is_cut_before_a_weekday():
    import spacy

    from kg.extract.name_boundaries import trimmed_name_spans

    doc = spacy.blank("en")("Tom Varga Wednesday accused the government")
    doc.ents = [doc.char_span(0, 19, "PERSON")]
    assert [e.text for e in trimmed_name_spans(doc)] == ["Tom Varga"]
    doc = spacy.blank("en")("Friday said")  # a weekday alone is left as the model gave it
    doc.ents = [doc.char_span(0, 6, "PERSON")]
    assert [e.text for e in trimmed_name_spans(doc)] == ["Friday"]
