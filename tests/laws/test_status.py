"""Status in force at any date, from dates and relations."""

from datetime import date

import pytest

from pbgdpl.laws.status import Event, Status, force_window, status_at

D = date


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2012, 12, 31), Status.NOT_YET),
        (D(2013, 1, 1), Status.IN_FORCE),
        (D(2020, 6, 30), Status.IN_FORCE),
        (D(2020, 7, 1), Status.EXPIRED),
        (D(2030, 1, 1), Status.EXPIRED),
    ],
)
def test_dates_alone(on, expected):
    assert status_at(on=on, effective_on=D(2013, 1, 1), expires_on=D(2020, 7, 1)).code == expected


def test_unknown_without_effective_date():
    assert status_at(on=D(2024, 1, 1), effective_on=None, expires_on=None).code == Status.UNKNOWN


def test_replacement_and_repeal_end_force_from_their_date():
    events = [Event(kind="replaces", on=D(2025, 7, 1), whole=True)]
    assert (
        status_at(
            on=D(2025, 6, 30), effective_on=D(2013, 1, 1), expires_on=None, events=events
        ).code
        == Status.IN_FORCE
    )
    ended = status_at(on=D(2025, 7, 1), effective_on=D(2013, 1, 1), expires_on=None, events=events)
    assert ended.code == Status.EXPIRED and ended.since == D(2025, 7, 1)


def test_partial_repeal_and_amendment():
    events = [
        Event(kind="repeals", on=D(2020, 1, 1), whole=False),
        Event(kind="amends", on=D(2018, 1, 1), whole=False),
    ]
    before = status_at(on=D(2019, 1, 1), effective_on=D(2013, 1, 1), expires_on=None, events=events)
    assert before.code == Status.IN_FORCE and before.amended
    after = status_at(on=D(2021, 1, 1), effective_on=D(2013, 1, 1), expires_on=None, events=events)
    assert after.code == Status.PARTIAL and after.in_force


def test_undated_event_is_ignored_and_earliest_end_wins():
    events = [
        Event(kind="repeals", on=None, whole=True),
        Event(kind="replaces", on=D(2022, 1, 1), whole=True),
    ]
    assert force_window(effective_on=D(2010, 1, 1), expires_on=D(2023, 1, 1), events=events) == (
        D(2010, 1, 1),
        D(2022, 1, 1),
    )
    assert (
        status_at(
            on=D(2021, 12, 31), effective_on=D(2010, 1, 1), expires_on=None, events=events[:1]
        ).code
        == Status.IN_FORCE
    )
