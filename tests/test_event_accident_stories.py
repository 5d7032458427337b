"""Deaths of an accident story (session 14, prec14b): in a story of an accident that tells no
violence, a death naming no killer, place or day of its own is the accident's, no kg:Killing.
Invented names; near misses beside."""

from __future__ import annotations

import pytest


def violent(x):
    return [(e.type, "+".join(t.text for t in e.triggers), e.modality) for e in x.events if e.type != "Statement"]


@pytest.mark.parametrize(
    "text",
    [
        # the headline sums up the accident its story tells
        "Car kills two near Dalia race. A vehicle veered into the crowd near Dalia on Friday, killing two people. "
        "The driver was arrested.",
        # "the dead" sentences after the crash
        "Sombre mood in Kesh after plane crash. The airliner crashed as it came in to land at Kesh on Thursday, "
        "killing all 141 people on board. Rescuers raced to the scene. Police sealed off the site. "
        "The dead were all miners from Dalia.",
    ],
)
def test_deaths_of_an_accident_story_are_no_killing(extract_one, text):
    assert [name for name, _, _ in violent(extract_one(text)) if name in ("Killing", "Injury")] == []


@pytest.mark.parametrize(
    "text",
    [
        # violence told in the story: its deaths may be by violence
        "Gunmen kill two near Dalia race. A vehicle veered into the crowd near Dalia on Friday, killing two people. "
        "Gunmen then attacked the police post.",
        # a death with a day of its own is another happening
        "The airliner crashed near Kesh on Thursday, killing all 141 people on board. Rescuers raced to the scene. "
        "Police sealed off the site. His brother was killed in Dalia in 1990.",
        # no accident told
        "Two people were found dead in Kesh. Police sealed off the site. The dead were all miners from Dalia.",
    ],
)
def test_deaths_beside_violence_or_apart_from_the_accident_stay(extract_one, text):
    assert "Killing" in [name for name, _, _ in violent(extract_one(text))]
