"""Extraction on small hand-made texts: entity typing, clustering, events and arguments."""


def by_name(extraction):
    return {e.name: e for e in extraction.entities}


def test_entity_types_demonyms_and_countries(extract_one):
    x = extract_one("French President Marc Duval met Nigerian officials in Lagos and Paris on Monday.")
    names = by_name(x)
    assert names["France"].type == "Country" and names["France"].iso3 == "FRA"
    assert "French" in names["France"].aliases
    assert names["Nigeria"].iso3 == "NGA"
    assert names["Lagos"].type == "Place" and names["Lagos"].country_iso3 == "NGA"
    assert names["Paris"].country_iso3 == "FRA"


def test_short_forms_join_the_full_name(extract_one):
    x = extract_one("Defense Minister Juma Inad visited Kirkuk. Later, Inad said the army was ready.")
    people = [e for e in x.entities if e.type == "Person"]
    assert [(p.name, p.aliases) for p in people] == [("Juma Inad", ["Inad"])]
    person = people[0]
    assert sum(1 for m in x.mentions if m.entity == person.key) == 2


def test_mention_offsets_slice_the_text(extract_one):
    text = "“Quotes” first: the Taliban seized Kandahar, Afghanistan’s second city."
    x = extract_one(text)
    assert x.mentions
    for m in x.mentions:
        assert text[m.span.start : m.span.end] == m.span.text
    assert "Taliban" in by_name(x)


def events_of(x, kind):
    return [e for e in x.events if e.type == kind]


def args(x, event, role):
    names = {e.key: e.name for e in x.entities}
    return sorted(names[a.entity] if a.entity else a.span.text for a in event.arguments if a.role == role)


def test_meeting_with_participants_and_place(extract_one):
    x = extract_one("Turkish Foreign Minister Kemal Arslan met with Nabil Haddad in Ankara on Monday.")
    [meeting] = events_of(x, "Meeting")
    assert args(x, meeting, "agent") == ["Kemal Arslan"]
    assert args(x, meeting, "participant") == ["Kemal Arslan", "Nabil Haddad"]
    assert args(x, meeting, "place") == ["Ankara"]
    assert meeting.triggers[0].text == "met"


def test_attack_active_and_passive(extract_one):
    x = extract_one("Al-Shabaab attacked a police station in Mogadishu. A convoy was attacked by the rebels.")
    first, second = events_of(x, "Attack")
    assert args(x, first, "agent") == ["Al-Shabaab"]
    assert args(x, first, "target") == ["police station"]
    assert args(x, first, "place") == ["Mogadishu"]
    assert args(x, second, "agent") == ["rebels"] and args(x, second, "target") == ["convoy"]


def test_kidnapping_and_killing_with_counts(extract_one):
    x = extract_one("Gunmen kidnapped three aid workers near Kaduna. The militants killed two soldiers.")
    [kidnap] = events_of(x, "Kidnapping")
    assert args(x, kidnap, "victim") == ["three aid workers"] and args(x, kidnap, "place") == ["Kaduna"]
    [killing] = events_of(x, "Killing")
    assert killing.killed_count == 2 and args(x, killing, "agent") == ["militants"]


def test_bombing_attack_is_one_bombing_with_year(extract_one):
    x = extract_one("A bombing attack targeted the embassy in Kabul in 2017.")
    assert [e.type for e in x.events] == ["Bombing"]
    assert x.events[0].triggers[0].text == "bombing attack"
    assert x.events[0].time == "2017"


def test_negated_and_future_events_are_marked(extract_one):
    x = extract_one("The group denied attacking the base. The army will withdraw from Rome.")
    modalities = {e.type: e.modality for e in x.events if e.type in ("Attack", "Withdrawal")}
    assert modalities == {"Attack": "negated", "Withdrawal": "future"}


def test_near_misses_are_not_events(extract_one):
    x = extract_one("He suffered a heart attack at home.")
    assert not [e for e in x.events if e.type == "Attack"]


def test_relative_dates_use_the_publication_date(extract_one):
    x = extract_one("Police arrested two men in Nairobi on Tuesday.", published="2025-06-05")
    [arrest] = events_of(x, "Arrest")
    assert arrest.time == "2025-06-03" and arrest.time_text == "Tuesday"
