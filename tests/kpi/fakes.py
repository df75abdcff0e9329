"""Stand-ins for the apps' selectors that feed the indicators, configured per test through
the ``KPI_*_SOURCE(S)`` settings (see :mod:`pbgdpl.kpi.sources`)."""

from dataclasses import dataclass, field
from datetime import date

from pbgdpl.people.reach import ReachRecord


@dataclass
class FakeData:
    reach: dict[str, list[ReachRecord]] = field(default_factory=dict)
    page_views: list[tuple[int, date, int]] = field(default_factory=list)
    # unit code -> figures; "trained_since_phase" is returned when date_from is before 2026
    training: dict[str, dict] = field(default_factory=dict)
    calls: list[tuple] = field(default_factory=list)


DATA = FakeData()


def reset() -> FakeData:
    DATA.reach.clear()
    DATA.page_views.clear()
    DATA.training.clear()
    DATA.calls.clear()
    return DATA


def _in(records, date_from, date_to):
    return [r for r in records if date_from <= r.on <= date_to]


def account_records(*, date_from, date_to):
    DATA.calls.append(("account", date_from, date_to))
    return _in(DATA.reach.get("account", []), date_from, date_to)


def qa_records(*, date_from, date_to):
    DATA.calls.append(("qa", date_from, date_to))
    return _in(DATA.reach.get("qa", []), date_from, date_to)


def contest_records(*, date_from, date_to):
    return _in(DATA.reach.get("contest", []), date_from, date_to)


def local_page_views(*, date_from, date_to):
    return [row for row in DATA.page_views if date_from <= row[1] <= date_to]


@dataclass
class Stats:
    in_registry: int = 0
    trained: int = 0
    deliveries: int = 0
    deliveries_online: int = 0
    trainee_hours: float = 0.0
    trainee_hours_online: float = 0.0


def training_stats(*, unit, date_from, date_to):
    DATA.calls.append(("training", unit.code, date_from, date_to))
    figures = dict(DATA.training.get(unit.code, {}))
    since_phase = figures.pop("trained_since_phase", None)
    if since_phase is not None and date_from.year < date_to.year:
        figures["trained"] = since_phase
    return Stats(**figures)


REACH_SOURCES = {
    "account": "tests.kpi.fakes.account_records",
    "qa": "tests.kpi.fakes.qa_records",
    "contest": "tests.kpi.fakes.contest_records",
    "survey": "pbgdpl.kpi.selectors.survey_reach_records",
    "missing": "tests.kpi.fakes.does_not_exist",
}
