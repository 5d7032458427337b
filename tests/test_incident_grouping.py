"""The grouping rules on hand-made event records: near-misses stay apart, vague reports bridge nothing."""

from __future__ import annotations

from datetime import date

from kg.incidents.grouping import EventInfo, cluster, is_background, linked

DAY = date(2025, 3, 14).toordinal()
WITHIN = {"baidoa": {"bay", "somalia"}, "bay": {"somalia"}, "kismayo": {"somalia"}}


def event(iri: str, doc: str, cls: str = "Bombing", day: int = DAY, places=("baidoa",), **arguments) -> EventInfo:
    return EventInfo(iri, doc, cls, day, day, "day", tuple(places), {k: tuple(v) for k, v in arguments.items()})


def groups(*events: EventInfo) -> list[set[str]]:
    return [{e.iri for e in group} for group in cluster(events, WITHIN)]


def test_same_place_a_day_apart_and_place_inside_place_join() -> None:
    assert groups(event("a", "d1"), event("b", "d2", "Killing", DAY + 1, ("bay",))) == [{"a", "b"}]


def test_same_place_a_different_week_stays_apart() -> None:
    assert groups(event("a", "d1"), event("b", "d2", day=DAY + 7)) == [{"a"}, {"b"}]


def test_same_day_a_different_city_stays_apart() -> None:
    assert groups(event("a", "d1"), event("b", "d2", places=("kismayo",))) == [{"a"}, {"b"}]


def test_same_class_different_victims_stay_apart() -> None:
    one = event("a", "d1", "Kidnapping", victim=["okafor"])
    other = event("b", "d2", "Kidnapping", victim=["adeyemi"])
    same = event("c", "d3", "Kidnapping", victim=["okafor"])
    assert groups(one, other, same) == [{"a", "c"}, {"b"}]


def test_different_named_agents_stay_apart() -> None:
    assert groups(event("a", "d1", agent=["shabaab"]), event("b", "d2", agent=["isis"])) == [{"a"}, {"b"}]


def test_a_vague_report_bridges_no_two_happenings() -> None:
    # "A bombing in Somalia in March": compatible with both, joins one, never merges them.
    vague = EventInfo(
        "v", "d3", "Bombing", date(2025, 3, 1).toordinal(), date(2025, 3, 31).toordinal(), "month", ("somalia",)
    )
    found = groups(event("a", "d1"), event("b", "d2", places=("kismayo",)), vague)
    assert len(found) == 2 and {"a", "b"} not in [g & {"a", "b"} for g in found]


def test_other_documents_need_positive_evidence() -> None:
    # No place, no shared entity: two attacks on one day in two documents are not joined.
    assert not linked(event("a", "d1", places=()), event("b", "d2", places=()), WITHIN)
    assert linked(
        event("a", "d1", places=(), agent=["shabaab"]), event("b", "d2", places=(), agent=["shabaab"]), WITHIN
    )


def test_undated_events_and_other_families_do_not_join() -> None:
    undated = EventInfo("u", "d2", "Bombing", places=("baidoa",))
    assert groups(event("a", "d1"), undated) == [{"a"}, {"u"}]
    assert groups(event("a", "d1"), event("m", "d2", "Meeting")) == [{"a"}, {"m"}]


def test_grouping_does_not_depend_on_input_order() -> None:
    events = [
        event("a", "d1"),
        event("b", "d2", "Killing"),
        event("c", "d3", places=("kismayo",)),
        event("d", "d4", day=DAY + 1),
    ]
    assert groups(*events) == groups(*reversed(events))


def test_background_cues() -> None:
    assert is_background("A similar bombing in Baidoa killed 20 people.")
    assert not is_background("A car bomb exploded in Baidoa on Friday.")


def every_group_tried(events, within) -> list[list[EventInfo]]:
    """The grouping rule as the module states it, trying every group for every event (the reference
    the indexed :func:`cluster` must agree with)."""
    from kg.incidents.grouping import _order, compatible

    found: list[list[EventInfo]] = []
    for one in sorted(events, key=_order):
        best, best_links = None, 0
        for group in found:
            if all(compatible(one, member, within) for member in group):
                links = sum(linked(one, member, within) for member in group)
                if links > best_links:
                    best, best_links = group, links
        if best is None:
            found.append([one])
        else:
            best.append(one)
    return sorted(found, key=lambda group: min(e.iri for e in group))


def random_events(seed: int, count: int) -> list[EventInfo]:
    import random

    rng = random.Random(seed)
    made = []
    for n in range(count):
        precision = rng.choice(["day", "day", "day", "document", "month", "year", None])
        day = DAY + rng.randrange(-6, 7)
        start, end = {
            "day": (day, day),
            "document": (day - 2, day),
            "month": (DAY - 13, DAY + 17),
            "year": (DAY - 72, DAY + 293),
            None: (None, None),
        }[precision]
        arguments = {"agent": (rng.choice(["ga", "gb", "gc"]),)} if rng.random() < 0.5 else {}
        if rng.random() < 0.4:
            arguments["victim"] = (rng.choice(["va", "vb"]),)
        made.append(
            EventInfo(
                f"e{n}",
                f"d{rng.randrange(count // 2 + 1)}",
                rng.choice(["Bombing", "Killing", "Attack", "Meeting"]),
                start,
                end,
                precision,
                tuple(rng.sample(["baidoa", "bay", "somalia", "kismayo"], rng.randrange(3))),
                arguments,
            )
        )
    return made


def test_indexed_grouping_equals_trying_every_group() -> None:
    for seed in range(300):
        events = random_events(seed, 5 + seed % 40)
        assert cluster(events, WITHIN) == every_group_tried(events, WITHIN), seed
