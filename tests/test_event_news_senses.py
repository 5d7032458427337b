"""Trigger words in the senses wire news uses them in that name no event (session 11): sports
results, harm done to things, satisfying a target, a market pulled lower, an office taken over,
a film shot, a natural or nobody's death, a protest made in words, a danger. Invented names;
each rule with near misses that must stay events."""

from __future__ import annotations

import pytest


def events(x):
    return sorted((e.type, "+".join(t.text for t in e.triggers)) for e in x.events if e.type != "Statement")


# -- beating in a match ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "John Pearson ( Britain ) beat Mark Dalton ( Australia ) 6-3 6-4 6-2",
        "Karl Brandt beat Mark Dalton 6 - 3 6-4 to reach the final.",
        "Pearson won the title by beating American Mark Dalton in a unanimous points decision in London.",
        "Karl Brandt says he will beat Mark Dalton on Sunday. The tournament is the last of the season "
        "and the league leaders have won every match.",
    ],
)
def test_beating_someone_in_a_match_is_no_injury(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police beat the protesters outside the parliament.",
        "Soldiers beat Tomas Varga with rifle butts.",
        "Police beat Mark Dalton after the match.",
        "Police beat Mark Dalton on Sunday. The tournament is the last of the season "
        "and the league leaders have won every match.",
    ],
)
def test_beating_people_outside_a_match_stays_an_injury(extract_one, text):
    assert ("Injury", "beat") in events(extract_one(text))


# -- harm done to things ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The company's profits were hurt by model changeovers.",
        "Vardia said the testimony could hurt relations.",
        "The demolition might further injure the peace process.",
        "A sharp fall could hurt the stock market.",
        "I wanted to tell the story without killing it dramatically.",
        "Tobacco stocks took a beating on Wall Street.",  # who takes or suffers it is what is harmed
        "Kesh shares suffered a beating on Monday.",
    ],
)
def test_harm_to_things_is_no_injury(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, kind, trigger",
    [
        ("The attack hurt two guards.", "Injury", "hurt"),
        ("The bomb injured the peace envoy.", "Injury", "injured"),
        ("Ivo Lark was badly hurt in the blast.", "Injury", "hurt"),
        ("Gunmen killed the market trader.", "Killing", "killed"),
        ("The two Kesh guards took a beating from the rioters.", "Injury", "beating"),
    ],
)
def test_harm_to_people_stays_an_event(extract_one, text, kind, trigger):
    assert (kind, trigger) in events(extract_one(text))


# -- verbs in the sense their objects give -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Traders said the banks were keen to meet minimum reserve targets.",
        "Silver was expected to meet resistance at $5.25.",
        "Much of the film was shot on location in Kesh.",
        "The shooting of the film began in Kesh.",
        "A sharp plunge in bonds pulled gilts lower.",
    ],
)
def test_verbs_whose_objects_give_another_sense_name_no_event(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, kind, trigger",
    [
        ("The minister met his Kesh counterpart on Monday.", "Meeting", "met"),
        ("Ivo Lark met with the finance minister.", "Meeting", "met"),
        ("Gunmen shot two policemen in Kesh.", "Attack", "shot"),
        ("Gunmen shot the cameraman during the film festival.", "Attack", "shot"),
        ("The shooting of the film crew shocked Kesh.", "Attack", "shooting"),
        ("The army pulled back from the border.", "Withdrawal", "pulled"),
        ("Vardia pulled out its ambassador.", "Withdrawal", "pulled out"),
    ],
)
def test_verbs_with_their_own_objects_stay_events(extract_one, text, kind, trigger):
    assert (kind, trigger) in events(extract_one(text))


# -- offices and businesses taken over; places captured --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The son of a stonecutter took over the Kesh archdiocese in 1982.",
        "Acme Corp will take over Bolt Industries next year.",
        "John Pearson took over as coach in May.",
    ],
)
def test_taking_over_an_office_or_a_business_is_no_takeover(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text",
    ["Rebels took over the radio station.", "Rebels took over Radio Kesh.", "Troops took control of the city."],
)
def test_taking_over_a_place_by_force_stays_a_takeover(extract_one, text):
    assert [k for k, _ in events(extract_one(text))] == ["Takeover"]


def test_a_verb_conjoined_with_another_shares_its_object(extract_one):
    x = extract_one("Vardia, which captured and annexed East Kesh in 1967, says it will never cede the city.")
    # a takeover (the city's, not an arrest), told by both verbs: one happening
    assert events(x) == [("Takeover", "captured+annexed")]


# -- deaths that are nobody's, or natural ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Novelist Ivo Lark dies at 79.",
        "Death is not a punishment -- death is the end of life.",
        "Lark was asked if he feared death.",
        "O'Brien fired 17 aces to subdue the never-say-die Westmarch.",
        "A court in Kesh sentenced two men to death on Monday.",  # a sentence, no one dead yet
    ],
)
def test_natural_and_generic_deaths_are_no_killing(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Kesh judge stabbed to death over a fine.", "death"),
        ("His death shocked the country.", "death"),
        ("The death of the judge was condemned.", "death"),
        ("Ivo Lark, 79, died at 5 p.m. at the hospital.", "died"),
        ("The writer died at 79 in the attack.", "died"),
        ("The regime put the rebels to death.", "put the rebels to death"),
    ],
)
def test_deaths_of_someone_stay_killings(extract_one, text, trigger):
    assert ("Killing", trigger) in events(extract_one(text))


def test_a_two_part_hyphenated_word_stays_an_event(extract_one):
    assert ("Attack", "attack") in events(extract_one("The hit-and-run attack killed two."))


# -- protests in words, dangers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The embassy made a sharp protest to the Vardian government.",
        "The plan has raised a storm of protest from Kesh growers.",
        "The militants pose a serious threat to the government.",
        "The plan will eliminate any significant threat to Vardian producers.",
        # "in protest" on an act that is no demonstration tells why it was done
        "Vardia cancelled a visit by a Kesh delegation in protest.",
        "Ivo Lark nearly pulled out of the Kesh tournament in protest over the draw.",
    ],
)
def test_protests_in_words_and_dangers_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Students staged a protest outside the embassy.", "Protest"),
        ("Thousands marched in protest against the decision.", "Protest"),
        ("Thousands took to the streets of Kesh in protest.", "Protest"),
        ("Forty people were hurt in protests in Kesh.", "Protest"),  # not "in protest"
        ("The protest turned violent.", "Protest"),
        ("The militants threatened the mayor.", "Threat"),
        ("The Front issued a threat to kill the mayor.", "Threat"),
    ],
)
def test_demonstrations_and_threats_made_stay_events(extract_one, text, kind):
    assert kind in [k for k, _ in events(extract_one(text))]


# -- deaths without violence, showing, players' injuries -------------------------------------------

SPORTS = " The coach said the league match was the best of the season and the club's striker was unbeaten."


@pytest.mark.parametrize(
    "text",
    [
        "The toxic liquor killed 35 people in Kesh.",
        "Two climbers died of exposure on the mountain.",
        "Cholera has killed five people in Kesh.",  # an illness as the subject
        "An outbreak of cholera has killed 21 people in Kesh.",
        "Kesh cholera outbreak kills five.",
        "Vell stepped into the election battle with an incomplete list.",  # a contest, no fighting
        "The parliamentary battle over the Kesh budget continued.",
        "Party members argued that an election win would demonstrate popular support for a parliament.",
        "In a demonstration of yogic flying, the Kesh pupils bounced off the ground.",  # shown, no protest
        "Ana Voss told of her battle against heart problems and malaria.",  # illnesses, also a conjoined one
        "Lark, who missed the championship finals through injury, scored twice." + SPORTS,
        "A wrist injury to the captain has forced the coach to wait." + SPORTS,
    ],
)
def test_deaths_without_violence_showing_and_players_injuries_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


# A golf report: no team sport's words, the golfers' own (sports.json 'contest_words').
GOLF = (
    "Tom Varga shot a three-under 68 and was six strokes back in the Kesh Open. Lena Marsh, who made the "
    "cut in her first tournament, shot a two-over-par 73 after a bogey at the 10th. Varga had five birdies "
    "and two bogeys, and Marsh rallied for birdies on 15 and 18."
)


def test_a_golfer_s_round_is_no_violence(extract_one):
    assert events(extract_one(GOLF)) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Gunmen killed 35 people in Kesh.", "Killing"),
        ("An outbreak of violence killed five people in Kesh.", "Killing"),
        ("Fierce fighting broke out in Kesh on Monday.", "MilitaryOperation"),
        ("Thousands demonstrated against the plan in Kesh.", "Protest"),
        ("Twelve fans were injured when police charged the crowd." + SPORTS, "Injury"),
        ("Two fans suffered injuries in the riot outside the stadium." + SPORTS, "Injury"),
        ("A wrist injury to the captain has forced the coach to wait.", "Injury"),
    ],
)
def test_violent_deaths_demonstrations_and_injuries_outside_sports_stay_events(extract_one, text, kind):
    assert kind in [k for k, _ in events(extract_one(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Lark struck out three and walked none." + SPORTS,
        "Reid shot home the winner from a free kick in the 30th minute." + SPORTS,
        "The Westmarch Wolves rallied for a 5-4 victory." + SPORTS,
        "Eastvale went down 3-1 in their second round clash." + SPORTS,
        "Ivo Lark takes over from Tom Reid, who was fired on Thursday." + SPORTS,
        "A solitary raid allowed him to score his third." + SPORTS,
        "The striker is injured and will miss the final." + SPORTS,
        # idioms and things endangered, in any news
        "Vardian critics seized on a comment by the Kesh prosecutor.",  # exploited, nothing seized
        "Republicans hope to seize on the issue of character.",
        "The row has threatened the Kesh peace plan.",  # endangered, no threat made
        "Vell's stance was threatening his position in the government.",
        "Vell struck a theme of optimism in his speech.",  # a theme, a deal: nothing hit
        "The two firms struck a deal on Monday.",
        "Vell shot to prominence in 1994.",
        "Kesh fans will be shelling out 12 dollars for a hamburger.",  # paying
        "Vell proposed a timetable for the execution of the Kesh agreement.",  # an agreement carried out
        "We oppose any privatization that hurts workers' welfare.",
        "Sales shot up 7.9 percent last month.",  # a rise by an amount
        # a phrase's words are not found in a clause of its own: no "shoot down"
        "Kesh shares shot up 100 points after the figures, having traded down 10 points before.",
        # a campaign or an operation of a politician or a firm
        "Scandal hits Vell campaign at vital moment.",
        "Tarvo Holdings's clearing operation will be covered by the parent company.",
        "Healthy results from its Finnish operation offset the losses.",  # a firm's, the country only where
        # a firm's "arm" and "division" are no armed force
        "Lower earnings from the British arm of its publishing division offset healthy results from its "
        "U.S. operation.",
        # a conflict blows up only in words; what a relative clause tells is done to its noun
        "Efforts were made to calm the tension that has exploded in Kesh today.",
        "The plan that was attacked by critics in Kesh was dropped.",
        # a battle over a budget is fought in words
        "Tom Vell was in the front line of President Ana Voss's battle with the Kesh council over the budget.",
        # an animal does no violence in the classes' sense
        "The dog attacked Tomas Vell in the front garden of his house in Kesh.",
        "A swimmer was killed by a shark off Kesh beach.",
        # orders are executed, as contracts are, by a market: nobody is put to death
        "Investors placed a market order executed at prevailing prices.",
        "The buy orders were executed on Monday.",
        # a weapons test is no bombing
        "Vardia has not carried out any nuclear tests since the country's lone test blast in 1974.",
        "Authorities in Kesh conducted a well-organised campaign to coerce refugees into registering.",
    ],
)
def test_words_of_play_and_idioms_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        # someone named attacked, someone armed acting or acted upon, a word with no sense in play
        ("The club was fined for the half-time attack on Ivo Lark." + SPORTS, "Attack"),
        ("Police opened fire on the fans outside the stadium." + SPORTS, "Attack"),
        ("Twelve fans were injured when police charged the crowd." + SPORTS, "Injury"),
        ("Tomas Vell was stabbed late on Saturday after an argument with a group of sellers." + SPORTS, "Injury"),
        # the same words outside sports news
        ("Gunmen shot two guards outside the Kesh bank.", "Attack"),
        ("The rebels rallied in the capital.", "Protest"),
        ("Rebels seized on Monday the town of Kesh.", "Takeover"),
        ("The militants threatened the mayor of Kesh.", "Threat"),
        ("Gunmen struck the convoy near Kesh.", "Attack"),
        ("The Vorin Front's campaign against the army continued.", "MilitaryOperation"),
        ("The Kesh Security Forces conduct daily operations targeting Vorin Front cells.", "MilitaryOperation"),
        ("The Vorin air force began its bombing campaign on Brano.", "MilitaryOperation"),
        ("The Finnish operation in Kesh began in December.", "MilitaryOperation"),  # no firm's
        ("Two men executed in Kesh were buried on Monday.", "Killing"),  # people executed
        ("The Kesh Tigers attacked a bus near Brano.", "Attack"),  # a group's name, no animal
        ("The car that exploded near the Kesh market was stolen.", "Bombing"),  # a car blows up
        ("The army's battle with the rebels over the town of Kesh went on.", "MilitaryOperation"),  # a town
        ("Thousands joined a demonstration of students in Kesh.", "Protest"),  # people shown
    ],
)
def test_violence_in_sports_news_and_the_same_words_in_their_own_sense_stay_events(extract_one, text, kind):
    assert kind in [k for k, _ in events(extract_one(text))]


def test_a_phrase_s_preposition_never_takes_a_date(extract_one):
    assert events(extract_one("The Kesh minister was fired on Thursday.")) == []  # dismissed, nobody fired on
    assert [k for k, _ in events(extract_one("Troops opened fire on Monday on the crowd."))] == ["MilitaryOperation"]


def test_a_seizure_with_an_as_clause_is_no_office(extract_one):
    x = extract_one(
        "Vardia on Friday expelled another man seized in a police raid on a Kesh church as about "
        "100 workers denounced the flights."
    )
    assert "seized" in [t for _, t in events(x)]  # taken, whatever the class of it


def test_armed_men_taking_control_of_a_named_village_stay_a_takeover(extract_one):
    x = extract_one(
        "For three hours on Tuesday, around 100 members of the Maoist rebel group Red Dawn took "
        "control of Alvo Rema, a small village north of Kesh."
    )
    assert [k for k, _ in events(x)] == ["Takeover"]


def test_conquering_a_side_in_a_sports_report_is_no_takeover(extract_one):
    assert events(extract_one("Before conquering Westmarch last year they beat Eastvale in the final." + SPORTS)) == []


def test_a_known_place_the_model_calls_an_organization_is_still_a_place():
    import spacy
    from spacy.tokens import Span

    from kg.extract.triggers import _named_place

    doc = spacy.blank("en")("They took control of Mosul and of Acme Widgets")
    doc.ents = [Span(doc, 4, 5, label="ORG"), Span(doc, 7, 9, label="ORG")]
    assert [_named_place(doc[4]), _named_place(doc[7])] == [True, False]


def test_an_armed_group_named_before_a_relative_clause_takes_a_town(extract_one):
    x = extract_one(
        "The rival Kesh Front, which took control of Mosul in fighting in December, has backing from Vardia."
    )
    assert ("Takeover", "took control") in events(x)


# -- withdrawals from contests; deaths of an accident told in a relative clause ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ana Voss was forced to withdraw from the Kesh Open.",
        "Ana Voss has pulled out of the Kesh Open Tennis Championships, officials announced.",
        "The candidate withdrew from the election on Monday.",
        "Marek Lind withdrew from politics in 1992.",
        "The crash, which killed 12 people, closed the road.",
    ],
)
def test_withdrawals_from_contests_and_deaths_of_accidents_are_no_events(extract_one, text):
    assert events(extract_one(text)) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Troops withdrew from the town on Monday.", "Withdrawal"),
        ("Vardia pulled its troops out of Kesh.", "Withdrawal"),
        ("Gunmen who killed 12 people fled.", "Killing"),
    ],
)
def test_withdrawals_of_forces_and_killings_by_someone_stay_events(extract_one, text, kind):
    assert kind in [k for k, _ in events(extract_one(text))]


def test_a_vehicle_veering_into_a_crowd_is_an_accident_and_one_driven_into_it_is_not(extract_one):
    veered = "The drag race turned deadly when another vehicle veered into the crowd, killing two people."
    assert events(extract_one(veered)) == []
    assert ("Killing", "killing") in events(extract_one("The gunman drove into the crowd, killing two people."))


def test_a_death_toll_tells_deaths(extract_one):
    x = extract_one("A bomb exploded in the Kesh market, and officials gave a death toll of 11.")
    assert "death" in [t for _, t in events(x)]


def test_a_bombing_report_that_mentions_a_tournament_is_no_sports_report(nlp):
    from kg.extract.triggers import _sports_news

    bombing = nlp(
        "A parcel bomb exploded in a busy street of Kesh on Friday evening. "
        "There have been injuries, the mayor said on Friday night. "
        "Investigators searched the street for hours and spoke to shop owners, neighbours and "
        "passers-by, and the prosecutor opened an inquiry into the bombing on Saturday morning. "
        "The city had been full of visitors for the football tournament, and the cup matches of "
        "the weekend went ahead as planned, the organisers said in a short note to the press. "
        "The police asked anyone who saw a man with a bicycle near the bakery to call them, and "
        "the interior minister travelled to Kesh to meet the families of those who were hurt. "
        "Shop owners in the old quarter said they had heard a loud noise and then seen smoke, and "
        "several of them said they would stay closed until the police had finished their work. "
        "The prosecutor said it was too early to say who had sent the parcel or why."
    )
    results = nlp(
        "Tennis tournament results, second round: John Pearson beat Mark Dalton 6-3 6-4. "
        "The top seed lost his match and the championship goes on on Sunday."
    )
    assert not _sports_news(bombing) and _sports_news(results)
