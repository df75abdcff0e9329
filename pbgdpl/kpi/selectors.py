"""Reads of the indicators: definitions, computed values with their target and band, the
values of a unit's children, trends; the entry queue; survey figures.

For a dashboard: :func:`indicator_value` answers "value, target, band of indicator X for
unit U and period P" from the stored values (one query, plus the targets, cached per
call site with :func:`targets_index`); :func:`indicator_values_for_unit` answers it for
every indicator at once; :func:`indicator_children` for the units below U, the furthest
from target first; :func:`indicator_trend` over a run of periods.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from pbgdpl.people.permissions import filter_permitted
from pbgdpl.people.reach import ReachRecord
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit

from .formula import formula_describe, formula_refs
from .models import (
    DataElement,
    DataValue,
    Direction,
    EntryApproval,
    EntryState,
    Indicator,
    IndicatorValue,
    Period,
    Phase,
    Split,
    Survey,
    SurveyResponse,
    Target,
    UnitScope,
)
from .periods import period_bounds, period_get

# Amber: short of the target by at most this many percentage points (for rates) or this
# share of the target (for counts).
AMBER_POINTS = Decimal(10)
AMBER_SHARE = Decimal("0.10")
SATISFIED_MIN_SCORE = 4
SAMPLING_SALT = "pbgdpl.kpi.sampling"


class Band:
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = ""  # no value, or no target


BAND_LABELS = {
    Band.GREEN: "Đạt",
    Band.AMBER: "Gần đạt",
    Band.RED: "Chưa đạt",
    Band.NONE: "Chưa đánh giá",
}


# --------------------------------------------------------------------------- definitions


def indicator_list(*, active_only: bool = True) -> QuerySet[Indicator]:
    """The plan's indicators in display order, with their targets (and phases) loaded."""
    qs = Indicator.objects.all()
    if active_only:
        qs = qs.filter(active=True)
    targets = Target.objects.select_related("phase", "unit").order_by("phase__start", "unit_scope")
    return qs.select_related("companion_of").prefetch_related(Prefetch("targets", targets))


def indicator_get(code: str) -> Indicator | None:
    return indicator_list(active_only=False).filter(code=(code or "").strip()).first()


def element_names() -> dict[str, str]:
    return dict(DataElement.objects.values_list("code", "name"))


@dataclass
class IndicatorDescription:
    """What the screen shows about an indicator: its formula in words, its data elements
    (with their sources) and its targets."""

    indicator: Indicator
    numerator_text: str
    denominator_text: str
    elements: list[DataElement]
    targets: list[Target]


def indicator_describe(indicator: Indicator, *, elements: dict[str, DataElement] | None = None):
    elements = elements if elements is not None else {e.code: e for e in DataElement.objects.all()}

    def name(code: str) -> str:
        element = elements.get(code)
        return element.name if element else code

    refs = formula_refs(indicator.numerator)
    if indicator.denominator:
        refs += [r for r in formula_refs(indicator.denominator) if r not in refs]
    return IndicatorDescription(
        indicator=indicator,
        numerator_text=formula_describe(indicator.numerator, name_of=name),
        denominator_text=formula_describe(indicator.denominator, name_of=name)
        if indicator.denominator
        else "1",
        elements=[elements[c] for c in refs if c in elements],
        targets=list(indicator.targets.all()),
    )


def indicators_described() -> list[IndicatorDescription]:
    elements = {e.code: e for e in DataElement.objects.all()}
    return [indicator_describe(i, elements=elements) for i in indicator_list()]


SOURCE_LABELS = {
    "entry": "Biểu mẫu nhập số liệu khảo sát của xã, phường (đã duyệt)",
    "auto:population": "Dân số của đơn vị hành chính",
    "auto:reach": "Tài khoản, cuộc thi, hỏi đáp, bồi dưỡng, khảo sát của cổng",
    "auto:page_views": "Thống kê lượt xem ẩn danh của cổng",
    "auto:training": "Phân hệ Bồi dưỡng (danh sách, khoá học, buổi học)",
    "auto:surveys": "Khảo sát mức độ hài lòng trên cổng",
}


def source_label(source: str) -> str:
    return _(SOURCE_LABELS.get(source, source))


# --------------------------------------------------------------------------- targets and bands


class TargetsIndex:
    """The targets of every indicator, loaded once: ``target(indicator, unit, period,
    split)`` — a target set for the unit itself wins, then the one for the split's kind of
    unit (for a commune: its own kind; for an urban/rural-only indicator: that kind), then
    the one for all units; the phase is the one containing the period's last day."""

    def __init__(self, targets: Iterable[Target]) -> None:
        self.rows: dict[int, list[Target]] = {}
        for target in targets:
            self.rows.setdefault(target.indicator_id, []).append(target)

    def target(
        self, indicator: Indicator, *, unit: Unit, period: Period, split: str = ""
    ) -> Target | None:
        day = period.end
        rows = [t for t in self.rows.get(indicator.pk, []) if t.phase.start <= day <= t.phase.end]
        if not rows:
            return None
        own = [t for t in rows if t.unit_id == unit.pk]
        if own:
            return own[0]
        scope = split
        if not scope and indicator.applies_to != UnitScope.ALL:
            scope = indicator.applies_to
        if not scope and unit.kind not in PROVINCE_LEVEL_KINDS and not _has_children(unit):
            scope = UnitScope.URBAN if unit.is_urban else UnitScope.RURAL
        for wanted in (scope, UnitScope.ALL):
            for t in rows:
                if t.unit_id is None and t.unit_scope == wanted:
                    return t
        return None


def _has_children(unit: Unit) -> bool:
    cached = getattr(unit, "_kpi_has_children", None)
    if cached is None:
        cached = unit.children.exists()
        unit._kpi_has_children = cached
    return cached


def targets_index() -> TargetsIndex:
    return TargetsIndex(Target.objects.select_related("phase"))


def band_for(indicator: Indicator, value: Decimal | None, target: Decimal | None) -> str:
    """Green when the target is met; amber when short of it by at most 10 percentage
    points (rates) or 10% of the target (counts); red otherwise; "" without a value or a
    target. For a lower-is-better indicator the same, mirrored."""
    if value is None or target is None:
        return Band.NONE
    margin = AMBER_POINTS if indicator.is_rate else abs(target) * AMBER_SHARE
    gap = (target - value) if indicator.direction == Direction.HIGHER else (value - target)
    if gap <= 0:
        return Band.GREEN
    if gap <= margin:
        return Band.AMBER
    return Band.RED


# --------------------------------------------------------------------------- values


@dataclass
class Reading:
    """One value of one indicator for one unit, period and split, as a dashboard shows it."""

    indicator: Indicator
    unit: Unit
    period: Period
    split: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    target: Decimal | None
    band: str
    units_with_data: int = 0
    units_total: int = 0
    population_with_data: int = 0
    population_total: int = 0
    computed: bool = False
    computed_at: Any = None
    phase: Phase | None = None
    extra: dict = field(default_factory=dict)

    @property
    def coverage(self) -> Decimal | None:
        """Share (0–1) of the communes counted that have a value."""
        if not self.units_total:
            return None
        return Decimal(self.units_with_data) / Decimal(self.units_total)

    @property
    def gap(self) -> Decimal | None:
        """How far the value is from the target in the good direction (positive: short)."""
        if self.value is None or self.target is None:
            return None
        if self.indicator.direction == Direction.HIGHER:
            return self.target - self.value
        return self.value - self.target

    @property
    def band_label(self) -> str:
        return _(BAND_LABELS[self.band])


def _reading(
    indicator: Indicator,
    unit: Unit,
    period: Period,
    split: str,
    row: IndicatorValue | None,
    targets: TargetsIndex,
) -> Reading:
    target_row = targets.target(indicator, unit=unit, period=period, split=split)
    target = target_row.value if target_row else None
    value = row.value if row else None
    return Reading(
        indicator=indicator,
        unit=unit,
        period=period,
        split=split,
        value=value,
        numerator=row.numerator if row else None,
        denominator=row.denominator if row else None,
        target=target,
        band=band_for(indicator, value, target),
        units_with_data=row.units_with_data if row else 0,
        units_total=row.units_total if row else 0,
        population_with_data=row.population_with_data if row else 0,
        population_total=row.population_total if row else 0,
        computed=row is not None,
        computed_at=row.computed_at if row else None,
        phase=target_row.phase if target_row else None,
    )


def _as_period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else period_get(period)


def _row_split(unit: Unit, split: str) -> str | None:
    """The stored split that answers ``split`` for ``unit``: a commune has only its ""
    row, which is its urban or rural value (None when the commune is of the other side)."""
    if not split:
        return ""
    if unit.kind in PROVINCE_LEVEL_KINDS or _has_children(unit):
        return split
    side = Split.URBAN if unit.is_urban else Split.RURAL
    return "" if side == split else None


def indicator_value(
    *,
    indicator: Indicator,
    unit: Unit,
    period: Period | str,
    split: str = "",
    targets: TargetsIndex | None = None,
) -> Reading:
    """The stored value of ``indicator`` for ``unit`` and ``period`` (code or Period),
    for all communes (split "") or only the urban or rural ones, with its target and band.
    Not computed yet: ``computed`` is False and the value None."""
    period = _as_period(period)
    targets = targets or targets_index()
    row_split = _row_split(unit, split or "")
    row = None
    if row_split is not None:
        row = IndicatorValue.objects.filter(
            indicator=indicator, unit=unit, period=period, split=row_split
        ).first()
    return _reading(indicator, unit, period, split or "", row, targets)


def indicator_values_for_unit(
    *, unit: Unit, period: Period | str, split: str = ""
) -> list[Reading]:
    """Every active indicator's reading for ``unit`` and ``period`` (two queries)."""
    period = _as_period(period)
    targets = targets_index()
    row_split = _row_split(unit, split or "")
    rows = {}
    if row_split is not None:
        rows = {
            r.indicator_id: r
            for r in IndicatorValue.objects.filter(unit=unit, period=period, split=row_split)
        }
    return [
        _reading(i, unit, period, split or "", rows.get(i.pk), targets) for i in indicator_list()
    ]


def indicator_children(
    *,
    indicator: Indicator,
    unit: Unit,
    period: Period | str,
    split: str = "",
    on: date | None = None,
) -> list[Reading]:
    """The readings of the units directly below ``unit``, the furthest short of the target
    first, then those without a value, then those meeting it (by name within ties)."""
    from pbgdpl.units.selectors import unit_children

    period = _as_period(period)
    targets = targets_index()
    children = list(unit_children(parent=unit, on=on or min(period.end, timezone.localdate())))
    parents = set(Unit.objects.filter(parent__in=children).values_list("parent_id", flat=True))
    for child in children:
        child._kpi_has_children = child.pk in parents
    rows = {
        (r.unit_id, r.split): r
        for r in IndicatorValue.objects.filter(
            indicator=indicator, period=period, unit__in=children
        )
    }
    readings = []
    for child in children:
        row_split = _row_split(child, split or "")
        if row_split is None:
            continue  # a commune of the other side
        is_commune = child.kind not in PROVINCE_LEVEL_KINDS and not child._kpi_has_children
        if is_commune and indicator.applies_to != UnitScope.ALL:
            side = UnitScope.URBAN if child.is_urban else UnitScope.RURAL
            if side != indicator.applies_to:
                continue  # the indicator is not about this commune
        row = rows.get((child.pk, row_split))
        readings.append(_reading(indicator, child, period, split or "", row, targets))

    def order(reading: Reading) -> tuple:
        gap = reading.gap
        if gap is None:
            return (1, 0, reading.unit.name)
        return (0 if gap > 0 else 2, -gap, reading.unit.name)

    return sorted(readings, key=order)


def indicator_trend(
    *,
    indicator: Indicator,
    unit: Unit,
    periods: Iterable[Period | str],
    split: str = "",
) -> list[Reading]:
    """The readings of ``indicator`` for ``unit`` over ``periods``, in the order given."""
    periods = [_as_period(p) for p in periods]
    targets = targets_index()
    row_split = _row_split(unit, split or "")
    rows = {}
    if row_split is not None:
        rows = {
            r.period_id: r
            for r in IndicatorValue.objects.filter(
                indicator=indicator, unit=unit, period__in=periods, split=row_split
            )
        }
    return [_reading(indicator, unit, p, split or "", rows.get(p.pk), targets) for p in periods]


def period_codes_between(*, kind: str, first: str, last: str) -> list[str]:
    """The codes of the periods of ``kind`` ("year", "quarter", "month") from the one
    containing ``first``'s start to the one containing ``last``'s end."""
    _c, _t, start, _e = period_bounds(first)
    _c, _t, _s, end = period_bounds(last)
    codes: list[str] = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        if kind == "year":
            code = str(year)
        elif kind == "quarter":
            code = f"{year}Q{(month - 1) // 3 + 1}"
        else:
            code = f"{year}-{month:02d}"
        if code not in codes:
            codes.append(code)
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return codes


# --------------------------------------------------------------------------- entries


ENTRY_FIELDS = ("entry_sample", "entry_reached", "entry_satisfied")


def entry_get(*, unit: Unit, period: Period) -> EntryApproval | None:
    return (
        EntryApproval.objects.filter(unit=unit, period=period)
        .select_related("unit", "period", "entered_by", "submitted_by", "approved_by", "locked_by")
        .first()
    )


def entry_figures(*, unit: Unit, period: Period) -> dict[str, int | None]:
    """The typed-in figures of ``unit`` for ``period``: {"sample", "reached", "satisfied"}."""
    rows = dict(
        DataValue.objects.filter(
            unit=unit, period=period, element__code__in=ENTRY_FIELDS
        ).values_list("element__code", "value")
    )
    return {
        code.removeprefix("entry_"): (int(rows[code]) if code in rows else None)
        for code in ENTRY_FIELDS
    }


def entries_visible(user: Any) -> QuerySet[EntryApproval]:
    """The entries of the units where ``user`` enters or approves figures."""
    base = EntryApproval.objects.all()
    viewing = filter_permitted(user, "kpi.view", base).values("pk")
    return EntryApproval.objects.filter(pk__in=viewing).select_related(
        "unit", "period", "entered_by", "submitted_by", "approved_by"
    )


def entries_queue(user: Any) -> QuerySet[EntryApproval]:
    """Entries waiting for ``user``'s approval (submitted, in units where they approve)."""
    base = EntryApproval.objects.filter(state=EntryState.SUBMITTED)
    permitted = filter_permitted(user, "kpi.approve", base)
    return permitted.select_related("unit", "period", "entered_by", "submitted_by").order_by(
        "submitted_at", "unit__path"
    )


# --------------------------------------------------------------------------- surveys


def survey_active_for(context: str) -> Survey | None:
    """The open survey for ``context`` ("portal", "qa", "contest", "training")."""
    return Survey.objects.filter(context=context, active=True).order_by("-updated_at").first()


def survey_get_public(slug: str) -> Survey | None:
    return Survey.objects.filter(slug=slug, active=True).select_related("unit").first()


def survey_counts_by_unit(*, date_from: date, date_to: date) -> list[tuple[int, int, int]]:
    """(unit id, answers, answers of 4–5) for the days ``date_from``..``date_to``: by the
    commune the respondent chose, else by the survey's unit."""
    rows = (
        SurveyResponse.objects.filter(day__gte=date_from, day__lte=date_to)
        .annotate(counted_unit=Coalesce("unit_id", "survey__unit_id"))
        .values("counted_unit")
        .annotate(
            total=Count("pk"),
            happy=Count("pk", filter=Q(score__gte=SATISFIED_MIN_SCORE)),
        )
        .order_by("counted_unit")
    )
    return [(r["counted_unit"], r["total"], r["happy"]) for r in rows]


def survey_summary(survey: Survey, *, date_from: date | None = None, date_to: date | None = None):
    """Answers per score, total, and satisfaction (share of 4–5, 0–100) of ``survey``."""
    qs = survey.responses.all()
    if date_from:
        qs = qs.filter(day__gte=date_from)
    if date_to:
        qs = qs.filter(day__lte=date_to)
    counts = dict(qs.values_list("score").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    happy = sum(n for score, n in counts.items() if score >= SATISFIED_MIN_SCORE)
    return {
        "by_score": [(score, counts.get(score, 0)) for score in range(1, 6)],
        "total": total,
        "satisfied": happy,
        "satisfaction": (Decimal(happy) * 100 / Decimal(total)).quantize(Decimal("0.1"))
        if total
        else None,
    }


def survey_reach_records(*, date_from: date, date_to: date) -> list[ReachRecord]:
    """Signed-in survey respondents as identified persons (source "survey")."""
    rows = (
        SurveyResponse.objects.filter(day__gte=date_from, day__lte=date_to)
        .exclude(reach_key="")
        .values_list("reach_key", "unit_id", "day")
        .order_by("day", "pk")
    )
    return [
        ReachRecord(keys=(key,), unit_id=unit_id, on=day, source="survey")
        for key, unit_id, day in rows
    ]


def survey_invite_decide(*, survey: Survey, client_token: str | None) -> bool:
    """Whether this visitor is invited to ``survey`` (decided on the server): a share
    ``sampling_rate`` of visitors is. With the visitor's survey token the draw is a keyed
    hash of it, so the same visitor gets the same answer on every page; without one, a
    fresh random draw at the same rate."""
    rate = Decimal(survey.sampling_rate)
    if not survey.active or rate <= 0:
        return False
    if rate >= 1:
        return True
    if client_token:
        digest = salted_hmac(SAMPLING_SALT, f"{survey.slug}|{client_token}").hexdigest()
        draw = Decimal(int(digest[:8], 16)) / Decimal(0x100000000)
    else:
        draw = Decimal(str(secrets.SystemRandom().random()))
    return draw < rate


def entry_figures_many(*, units: Iterable[Unit], period: Period) -> dict[int, dict[str, int]]:
    """{unit id: {"sample", "reached", "satisfied"}} of ``units`` for ``period``."""
    out: dict[int, dict[str, int]] = {}
    rows = DataValue.objects.filter(
        unit__in=list(units), period=period, element__code__in=ENTRY_FIELDS
    ).values_list("unit_id", "element__code", "value")
    for unit_id, code, value in rows:
        out.setdefault(unit_id, {})[code.removeprefix("entry_")] = int(value)
    return out
