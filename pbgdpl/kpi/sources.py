"""Where the automatic data elements come from: a registry of the feature apps' selectors,
resolved lazily by dotted path (kpi reads the apps only through their selectors; the apps
never import kpi). A selector that does not exist (yet) means "no data" and is logged.

Each collector returns ``{element code: {unit id: value}}`` for one period: for additive
elements the unit's own figure, for the others the figure of the unit's whole subtree.

Settings (optional): ``KPI_REACH_SOURCES`` (name → dotted path of a callable
``(*, date_from, date_to) -> Iterable[ReachRecord]``), ``KPI_PAGE_VIEWS_SOURCE``
(``(*, date_from, date_to) -> list[(unit_id, day, count)]``), ``KPI_TRAINING_STATS_SOURCE``
(``(*, unit, date_from, date_to) -> TrainingStats``).
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from pbgdpl.people.reach import ReachRecord
from pbgdpl.units.models import Unit

from .models import Period, Phase
from .tree import UnitTree

logger = logging.getLogger(__name__)

REACH_SOURCES: dict[str, str] = {
    "account": "pbgdpl.people.selectors.account_reach_records",
    "qa": "pbgdpl.qa.selectors.qa_reach_records",
    "contest": "pbgdpl.contests.selectors.contest_reach_records",
    "training": "pbgdpl.training.selectors.reach.training_reach_records",
    "survey": "pbgdpl.kpi.selectors.survey_reach_records",
}
PAGE_VIEWS_SOURCE = "pbgdpl.portal.selectors.local_page_views"
TRAINING_STATS_SOURCE = "pbgdpl.training.selectors.training_stats"

Values = dict[str, dict[int, Decimal]]


def source_resolve(path: str) -> Callable[..., Any] | None:
    """The callable at ``path``, or None (logged) when it does not exist."""
    try:
        return import_string(path)
    except ImportError:
        logger.warning("kpi source %s is not available: counted as no data", path)
        return None


def reach_sources() -> dict[str, str]:
    return dict(getattr(settings, "KPI_REACH_SOURCES", None) or REACH_SOURCES)


# --------------------------------------------------------------------------- reach


def reach_records(*, date_from: date, date_to: date) -> list[ReachRecord]:
    """Every ReachRecord of every registered source for the days ``date_from``..``date_to``."""
    records: list[ReachRecord] = []
    for _name, path in sorted(reach_sources().items()):
        source = source_resolve(path)
        if source is not None:
            records.extend(source(date_from=date_from, date_to=date_to))
    return records


def reach_persons(records: list[ReachRecord]) -> list[list[ReachRecord]]:
    """The records grouped by person: two records sharing any key are the same person
    (union–find over keys). Records without a key identify nobody and are left out."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    for record in records:
        keys = [k for k in record.keys if k]
        for key in keys:
            parent.setdefault(key, key)
        for key in keys[1:]:
            a, b = find(keys[0]), find(key)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[ReachRecord]] = defaultdict(list)
    for record in records:
        keys = [k for k in record.keys if k]
        if keys:
            groups[find(keys[0])].append(record)
    return [groups[root] for root in sorted(groups)]


def reach_attribute(records: list[ReachRecord], tree: UnitTree) -> dict[int, int]:
    """Persons per unit: each person once, in the unit of their latest record that names
    a unit (ties broken by source name, then unit id, so the result is reproducible)."""
    counts: dict[int, int] = defaultdict(int)
    for person in reach_persons(records):
        located = [r for r in person if tree.resolve(r.unit_id) is not None]
        if not located:
            continue
        latest = max(located, key=lambda r: (r.on, r.source, r.unit_id or 0))
        counts[tree.resolve(latest.unit_id)] += 1
    return dict(counts)


def collect_reach(*, period: Period, tree: UnitTree) -> Values:
    records = reach_records(date_from=period.start, date_to=period.end)
    counts = reach_attribute(records, tree)
    return {"reach_identified": {uid: Decimal(n) for uid, n in counts.items()}}


# --------------------------------------------------------------------------- page views


def collect_page_views(*, period: Period, tree: UnitTree) -> Values:
    path = getattr(settings, "KPI_PAGE_VIEWS_SOURCE", None) or PAGE_VIEWS_SOURCE
    source = source_resolve(path)
    counts: dict[int, Decimal] = defaultdict(Decimal)
    if source is not None:
        for unit_id, _day, count in source(date_from=period.start, date_to=period.end):
            uid = tree.resolve(unit_id)
            if uid is not None and count:
                counts[uid] += Decimal(count)
    return {"page_views_local": dict(counts)}


# --------------------------------------------------------------------------- training


def phase_start_for(day: date) -> date | None:
    """The first day of the plan's phase that contains ``day``."""
    phase = Phase.objects.filter(start__lte=day, end__gte=day).order_by("start").first()
    return phase.start if phase else None


TRAINING_FIELDS = {
    "training_in_registry": "in_registry",
    "training_hours": "trainee_hours",
    "training_hours_online": "trainee_hours_online",
    "training_deliveries": "deliveries",
    "training_deliveries_online": "deliveries_online",
}


def collect_training(*, period: Period, tree: UnitTree) -> Values:
    """The training figures of each unit's subtree (not additive: a session attended by
    people of two communes is one session of the province). Units below one with nobody
    and nothing are skipped (all zero)."""
    path = getattr(settings, "KPI_TRAINING_STATS_SOURCE", None) or TRAINING_STATS_SOURCE
    source = source_resolve(path)
    out: Values = {code: {} for code in [*TRAINING_FIELDS, "training_trained"]}
    if source is None:
        return out
    since = phase_start_for(period.end) or period.start
    since = min(since, period.start)
    units = {u.pk: u for u in Unit.objects.filter(pk__in=list(tree.units))}
    pending = sorted(tree.roots(), key=lambda uid: tree.units[uid].path)
    while pending:
        uid = pending.pop(0)
        stats = source(unit=units[uid], date_from=period.start, date_to=period.end)
        if since < period.start:
            trained = source(unit=units[uid], date_from=since, date_to=period.end).trained
        else:
            trained = stats.trained
        figures = {code: getattr(stats, name) for code, name in TRAINING_FIELDS.items()}
        figures["training_trained"] = trained
        for code, value in figures.items():
            if value:
                out[code][uid] = Decimal(str(value))
        if any(figures.values()):
            pending.extend(sorted(tree.units[uid].children, key=lambda c: tree.units[c].path))
    return out


# --------------------------------------------------------------------------- surveys, population


def collect_surveys(*, period: Period, tree: UnitTree) -> Values:
    from .selectors import survey_counts_by_unit

    answers: dict[int, Decimal] = defaultdict(Decimal)
    satisfied: dict[int, Decimal] = defaultdict(Decimal)
    for unit_id, total, happy in survey_counts_by_unit(date_from=period.start, date_to=period.end):
        uid = tree.resolve(unit_id)
        if uid is None:
            continue
        answers[uid] += total
        satisfied[uid] += happy
    return {"csat_answers": dict(answers), "csat_satisfied": dict(satisfied)}


def collect_population(*, period: Period, tree: UnitTree) -> Values:
    """The population of each commune (the units above add theirs up)."""
    return {
        "population": {
            uid: Decimal(u.population)
            for uid, u in tree.units.items()
            if u.is_leaf and u.population
        }
    }


COLLECTORS: dict[str, Callable[..., Values]] = {
    "auto:reach": collect_reach,
    "auto:page_views": collect_page_views,
    "auto:training": collect_training,
    "auto:surveys": collect_surveys,
    "auto:population": collect_population,
}
