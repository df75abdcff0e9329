"""Reads of the outreach app: what a user may see, the activity list's filters, and the
figures of activities per unit (with everything below it) and period — the report, the
API and the indicators (kpi) all read them from here.

Counting rules (the ``DEFINITIONS`` below, shown next to every figure):

- an activity belongs to the period of its (first) day, ``start_date``; one that lasts
  several days counts once;
- a unit's figures include the activities of every unit below it (a province's are the
  whole province's);
- deleted activities never count.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.core.text import fold
from pbgdpl.people.permissions import filter_permitted
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit
from pbgdpl.units.selectors import unit_children

from .models import (
    PERCENT_TARGETS,
    Activity,
    ActivityAudience,
    ActivityEvidence,
    ActivityKind,
    ActivityMode,
    AudienceGroup,
    OutreachPlan,
    PlanTarget,
    TargetKind,
)

PERIOD_MAX_DAYS = 366 * 5

DEFINITIONS: dict[str, Any] = {
    "activities": gettext_lazy(
        "Số hoạt động phổ biến, giáo dục pháp luật của đơn vị và các đơn vị trực thuộc có "
        "ngày tổ chức (ngày bắt đầu) trong kỳ; hoạt động kéo dài nhiều ngày tính một lần; "
        "hoạt động đã xoá không tính."
    ),
    "activities_offline": gettext_lazy("Số hoạt động chỉ tổ chức trực tiếp."),
    "activities_online": gettext_lazy("Số hoạt động chỉ tổ chức trực tuyến."),
    "activities_both": gettext_lazy("Số hoạt động kết hợp trực tiếp và trực tuyến."),
    "online_share": gettext_lazy(
        "Số hoạt động có phần trực tuyến (trực tuyến hoặc kết hợp) chia cho tổng số hoạt "
        "động, tính theo phần trăm."
    ),
    "participants": gettext_lazy(
        "Tổng số lượt người tham dự các hoạt động (một người dự hai hoạt động tính hai lượt)."
    ),
    "participants_urban": gettext_lazy(
        "Lượt người tham dự sinh sống ở thành thị. Nếu đơn vị không ghi riêng, người tham "
        "dự hoạt động của phường được tính là thành thị."
    ),
    "participants_rural": gettext_lazy(
        "Lượt người tham dự sinh sống ở nông thôn. Nếu đơn vị không ghi riêng, người tham "
        "dự hoạt động của xã được tính là nông thôn."
    ),
    "participants_unclassified": gettext_lazy(
        "Lượt người tham dự chưa phân loại thành thị, nông thôn (tổng số trừ thành thị và "
        "nông thôn), thường là hoạt động cấp tỉnh."
    ),
    "online_views": gettext_lazy(
        "Tổng lượt xem, lượt tiếp cận phần trực tuyến của các hoạt động (theo số liệu của "
        "nền tảng đăng tải, do đơn vị ghi nhận)."
    ),
    "with_evidence": gettext_lazy("Số hoạt động có ít nhất một tài liệu minh chứng."),
    "evidence_share": gettext_lazy(
        "Số hoạt động có tài liệu minh chứng chia cho tổng số hoạt động, tính theo phần trăm."
    ),
    "units_covered": gettext_lazy(
        "Số xã, phường, đặc khu có ít nhất một hoạt động trong kỳ (không tính hoạt động do "
        "cấp tỉnh trực tiếp tổ chức)."
    ),
    "progress": gettext_lazy(
        "Tiến độ chỉ tiêu: số thực hiện chia cho chỉ tiêu, theo phần trăm. Số thực hiện tính "
        "trên các hoạt động của đơn vị lập kế hoạch và các đơn vị trực thuộc trong năm kế "
        "hoạch, đến ngày cuối kỳ báo cáo (không kể hoạt động đã gắn hay chưa gắn với kế "
        "hoạch)."
    ),
}


def definitions() -> dict[str, str]:
    """The definitions as text in the active language."""
    return {key: str(text) for key, text in DEFINITIONS.items()}


# --------------------------------------------------------------------------- visibility


def activities_visible(user: Any, *, action: str = "outreach.view") -> QuerySet[Activity]:
    """Activities (not deleted) of the units where ``user`` may do ``action``."""
    return filter_permitted(user, action, Activity.objects.live())


def plans_visible(user: Any, *, action: str = "outreach.view") -> QuerySet[OutreachPlan]:
    return filter_permitted(user, action, OutreachPlan.objects.all())


def evidence_visible(user: Any) -> QuerySet[ActivityEvidence]:
    return filter_permitted(
        user,
        "outreach.view",
        ActivityEvidence.objects.filter(activity__deleted_at__isnull=True),
        unit_field="activity__unit",
    )


# --------------------------------------------------------------------------- lists


def period_default(today: date | None = None) -> tuple[date, date]:
    """The default period of lists, reports and the API: the current year."""
    today = today or timezone.localdate()
    return date(today.year, 1, 1), date(today.year, 12, 31)


def period_errors(date_from: date, date_to: date) -> dict[str, str]:
    """Why a period cannot be reported on (keyed "to"), or nothing."""
    if date_from > date_to:
        return {"to": _("“Đến ngày” phải sau “Từ ngày”.")}
    if date_to - date_from > timedelta(days=PERIOD_MAX_DAYS):
        return {"to": _("Kỳ dài tối đa 5 năm.")}
    return {}


def in_subtree(queryset: QuerySet, unit: Unit, *, unit_field: str = "unit") -> QuerySet:
    return queryset.filter(**{f"{unit_field}__path__startswith": unit.path})


def activity_filter(
    activities: QuerySet[Activity],
    *,
    unit: Unit | None = None,
    kind: str = "",
    mode: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    plan: OutreachPlan | None = None,
    audience: str = "",
) -> QuerySet[Activity]:
    """``activities`` narrowed: ``unit`` with everything below it, the kind, mode,
    audience group, plan, days (by the first day), and ``text`` in the title, place,
    speakers or description ignoring case and diacritics ("dat dai" finds "Đất đai")."""
    if unit is not None:
        activities = in_subtree(activities, unit)
    if kind:
        activities = activities.filter(kind=kind)
    if mode:
        activities = activities.filter(mode=mode)
    if date_from:
        activities = activities.filter(start_date__gte=date_from)
    if date_to:
        activities = activities.filter(start_date__lte=date_to)
    if plan is not None:
        activities = activities.filter(plan=plan)
    if audience:
        activities = activities.filter(
            Exists(ActivityAudience.objects.filter(activity=OuterRef("pk"), group=audience))
        )
    for word in fold(text or "").split()[:8]:
        activities = activities.filter(search_text__contains=word)
    return activities


def with_evidence_count(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    return activities.annotate(evidence_count=Count("evidence"))


# --------------------------------------------------------------------------- figures


def _percent(part: float, whole: float) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


@dataclass
class OutreachTotals:
    """The figures of a set of activities (see ``DEFINITIONS``)."""

    activities: int = 0
    activities_offline: int = 0
    activities_online: int = 0
    activities_both: int = 0
    participants: int = 0
    participants_urban: int = 0
    participants_rural: int = 0
    online_views: int = 0
    with_evidence: int = 0

    @property
    def participants_unclassified(self) -> int:
        return self.participants - self.participants_urban - self.participants_rural

    @property
    def online_share(self) -> float | None:
        return _percent(self.activities_online + self.activities_both, self.activities)

    @property
    def evidence_share(self) -> float | None:
        return _percent(self.with_evidence, self.activities)

    def add(self, other: "OutreachTotals") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["participants_unclassified"] = self.participants_unclassified
        data["online_share"] = self.online_share
        data["evidence_share"] = self.evidence_share
        return data


_SUMS = {
    "activities": Count("pk"),
    "activities_offline": Count("pk", filter=Q(mode=ActivityMode.OFFLINE)),
    "activities_online": Count("pk", filter=Q(mode=ActivityMode.ONLINE)),
    "activities_both": Count("pk", filter=Q(mode=ActivityMode.BOTH)),
    "participants": Sum("participants_total"),
    "participants_urban": Sum("participants_urban"),
    "participants_rural": Sum("participants_rural"),
    "online_views": Sum("online_views"),
}


def _totals_from(row: dict[str, Any], with_evidence: int = 0) -> OutreachTotals:
    values = {name: int(row.get(name) or 0) for name in _SUMS}
    return OutreachTotals(**values, with_evidence=with_evidence)


def totals_grouped(activities: QuerySet[Activity], by: str) -> dict[Any, OutreachTotals]:
    """Totals of ``activities`` per value of the field ``by`` (two queries)."""
    rows = activities.order_by().values(by).annotate(**_SUMS)
    evidence = dict(
        activities.filter(Exists(ActivityEvidence.objects.filter(activity=OuterRef("pk"))))
        .order_by()
        .values(by)
        .annotate(n=Count("pk"))
        .values_list(by, "n")
    )
    return {row[by]: _totals_from(row, evidence.get(row[by], 0)) for row in rows}


def totals_of(activities: QuerySet[Activity]) -> OutreachTotals:
    """Totals of ``activities`` (two queries)."""
    row = activities.order_by().aggregate(**_SUMS)
    evidence = activities.filter(
        Exists(ActivityEvidence.objects.filter(activity=OuterRef("pk")))
    ).count()
    return _totals_from(row, evidence)


def activities_in(
    *, unit: Unit, date_from: date, date_to: date, kind: str = "", mode: str = ""
) -> QuerySet[Activity]:
    """The activities (not deleted) of ``unit`` and every unit below it whose first day
    is in ``date_from``..``date_to`` (both included), optionally of one kind or mode."""
    return activity_filter(
        Activity.objects.live(),
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        kind=kind,
        mode=mode,
    )


def outreach_totals(
    *, unit: Unit, date_from: date, date_to: date, kind: str = "", mode: str = ""
) -> OutreachTotals:
    """The figures of ``unit`` (with its subtree) for a period, optionally of one kind or
    mode: activities by mode, participants (total, urban, rural), online views, activities
    with evidence. The indicators (kpi) read this."""
    return totals_of(
        activities_in(unit=unit, date_from=date_from, date_to=date_to, kind=kind, mode=mode)
    )


@dataclass
class UnitTotals:
    unit: Unit | None  # None: the activities the unit itself organised (the "own" row)
    label: str
    totals: OutreachTotals


def outreach_totals_by_unit(*, unit: Unit, date_from: date, date_to: date) -> list[UnitTotals]:
    """``unit``'s figures split by the units directly below it, each with its own subtree
    (a commune's row includes its villages if any were ever stored below it), plus one
    row for the activities ``unit`` organised itself when there are any. The rows add up
    to ``outreach_totals(unit=unit, …)``. Three queries whatever the number of units."""
    activities = activities_in(unit=unit, date_from=date_from, date_to=date_to)
    per_unit = totals_grouped(activities, "unit_id")
    paths = dict(Unit.objects.filter(pk__in=list(per_unit)).values_list("pk", "path"))
    children = list(unit_children(parent=unit, on=date_to))
    # Units no longer in force on the last day but holding activities still get a row.
    known = {child.pk for child in children}
    for extra in Unit.objects.filter(parent=unit, pk__in=list(per_unit)).exclude(pk__in=known):
        children.append(extra)
    rows = []
    own = per_unit.get(unit.pk)
    if own is not None:
        rows.append(
            UnitTotals(
                unit=None, label=_("%(unit)s (trực tiếp tổ chức)") % {"unit": unit.name}, totals=own
            )
        )
    for child in sorted(children, key=lambda u: fold(u.name)):
        totals = OutreachTotals()
        for unit_id, unit_totals in per_unit.items():
            if paths.get(unit_id, "").startswith(child.path):
                totals.add(unit_totals)
        rows.append(UnitTotals(unit=child, label=child.name, totals=totals))
    return rows


def units_covered(activities: QuerySet[Activity]) -> int:
    """How many units below province level held at least one of ``activities``."""
    return (
        activities.exclude(unit__kind__in=PROVINCE_LEVEL_KINDS)
        .order_by()
        .values("unit_id")
        .distinct()
        .count()
    )


# --------------------------------------------------------------------------- plans


@dataclass
class TargetProgress:
    target: PlanTarget
    label: str
    actual: float
    percent: float | None  # actual ÷ target × 100
    achieved: bool
    is_percent: bool

    @property
    def bar(self) -> int:
        """The progress for a bar: 0 to 100."""
        return max(0, min(100, round(self.percent or 0)))


@dataclass
class PlanProgress:
    plan: OutreachPlan
    date_from: date
    date_to: date
    totals: OutreachTotals
    targets: list[TargetProgress] = field(default_factory=list)
    linked: int = 0  # activities filed under the plan

    @property
    def achieved(self) -> int:
        return sum(1 for t in self.targets if t.achieved)


def target_label(target: PlanTarget) -> str:
    if target.kind == TargetKind.ACTIVITIES_OF_KIND:
        return _("Số hoạt động: %(kind)s") % {"kind": ActivityKind(target.activity_kind).label}
    return str(TargetKind(target.kind).label)


def _target_actual(
    target: PlanTarget,
    totals: OutreachTotals,
    by_kind: dict[str, OutreachTotals],
    covered: int,
) -> float:
    kind = target.kind
    if kind == TargetKind.ACTIVITIES:
        return totals.activities
    if kind == TargetKind.ACTIVITIES_OF_KIND:
        return by_kind.get(target.activity_kind, OutreachTotals()).activities
    if kind == TargetKind.PARTICIPANTS:
        return totals.participants
    if kind == TargetKind.PARTICIPANTS_URBAN:
        return totals.participants_urban
    if kind == TargetKind.PARTICIPANTS_RURAL:
        return totals.participants_rural
    if kind == TargetKind.ONLINE_REACH:
        return totals.online_views
    if kind == TargetKind.ONLINE_SHARE:
        return totals.online_share or 0.0
    if kind == TargetKind.EVIDENCE_SHARE:
        return totals.evidence_share or 0.0
    if kind == TargetKind.UNITS_COVERED:
        return covered
    raise ValueError(f"unknown target kind {kind!r}")


def plan_progress(*, plan: OutreachPlan, on: date | None = None) -> PlanProgress:
    """Each target of ``plan`` against what was done: activities of the plan's unit (and
    below) from 1 January of the plan's year to ``on`` (default: the end of that year),
    whether or not they were filed under the plan. Percent targets compare percentages."""
    year_start, year_end = date(plan.year, 1, 1), date(plan.year, 12, 31)
    date_to = min(on or year_end, year_end)
    activities = activities_in(unit=plan.unit, date_from=year_start, date_to=date_to)
    totals = totals_of(activities)
    targets = list(plan.targets.all())
    by_kind = (
        totals_grouped(activities, "kind")
        if any(t.kind == TargetKind.ACTIVITIES_OF_KIND for t in targets)
        else {}
    )
    covered = (
        units_covered(activities) if any(t.kind == TargetKind.UNITS_COVERED for t in targets) else 0
    )
    rows = []
    for target in targets:
        actual = _target_actual(target, totals, by_kind, covered)
        rows.append(
            TargetProgress(
                target=target,
                label=target_label(target),
                actual=actual,
                percent=_percent(actual, target.value),
                achieved=actual >= target.value,
                is_percent=target.kind in PERCENT_TARGETS,
            )
        )
    return PlanProgress(
        plan=plan,
        date_from=year_start,
        date_to=date_to,
        totals=totals,
        targets=rows,
        linked=plan.activities.live().count(),
    )


def plan_for(*, unit: Unit, year: int) -> OutreachPlan | None:
    """The plan of ``unit`` for ``year``, or None."""
    return OutreachPlan.objects.filter(unit=unit, year=year).select_related("unit").first()


# --------------------------------------------------------------------------- report


@dataclass
class CountRow:
    code: str
    label: str
    totals: OutreachTotals


@dataclass
class OutreachReport:
    """The report of a unit (with its subtree) for a period; see ``outreach_report``."""

    unit: Unit
    date_from: date
    date_to: date
    totals: OutreachTotals
    units_covered: int
    by_kind: list[CountRow]
    by_mode: list[CountRow]
    by_audience: list[tuple[str, str, int]]
    by_month: list[tuple[date, OutreachTotals]]
    by_unit: list[UnitTotals]
    plans: list[PlanProgress]
    definitions: dict[str, str]


def _months(date_from: date, date_to: date) -> list[date]:
    months, day = [], date(date_from.year, date_from.month, 1)
    while day <= date_to:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def outreach_report(*, unit: Unit, date_from: date, date_to: date) -> OutreachReport:
    """Everything the report page and its XLSX show for ``unit`` and its subtree over
    ``date_from``..``date_to``: the totals, counts by kind, by mode, by audience group, by
    month and by the units directly below, and the progress of the plans of ``unit``
    for the years the period touches (counted up to the period's last day)."""
    activities = activities_in(unit=unit, date_from=date_from, date_to=date_to)
    totals = totals_of(activities)
    kinds = totals_grouped(activities, "kind")
    modes = totals_grouped(activities, "mode")
    audience_counts = dict(
        ActivityAudience.objects.filter(activity__in=activities.values("pk"))
        .order_by()
        .values("group")
        .annotate(n=Count("activity_id", distinct=True))
        .values_list("group", "n")
    )
    month_rows: dict[date, OutreachTotals] = defaultdict(OutreachTotals)
    with_evidence = set(
        activities.filter(
            Exists(ActivityEvidence.objects.filter(activity=OuterRef("pk")))
        ).values_list("pk", flat=True)
    )
    for pk, start, mode, total, urban, rural, views in activities.values_list(
        "pk", "start_date", "mode", "participants_total", "participants_urban",
        "participants_rural", "online_views",
    ):  # fmt: skip
        row = month_rows[date(start.year, start.month, 1)]
        row.activities += 1
        row.with_evidence += pk in with_evidence
        setattr(row, f"activities_{mode}", getattr(row, f"activities_{mode}") + 1)
        row.participants += total
        row.participants_urban += urban
        row.participants_rural += rural
        row.online_views += views
    plans = [
        plan_progress(plan=plan, on=date_to)
        for plan in OutreachPlan.objects.filter(
            unit=unit, year__gte=date_from.year, year__lte=date_to.year
        )
        .select_related("unit")
        .order_by("year")
    ]
    return OutreachReport(
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        totals=totals,
        units_covered=units_covered(activities),
        by_kind=[
            CountRow(code, str(label), kinds.get(code, OutreachTotals()))
            for code, label in ActivityKind.choices
        ],
        by_mode=[
            CountRow(code, str(label), modes.get(code, OutreachTotals()))
            for code, label in ActivityMode.choices
        ],
        by_audience=[
            (code, str(label), audience_counts.get(code, 0))
            for code, label in AudienceGroup.choices
        ],
        by_month=[(m, month_rows.get(m, OutreachTotals())) for m in _months(date_from, date_to)],
        by_unit=outreach_totals_by_unit(unit=unit, date_from=date_from, date_to=date_to),
        plans=plans,
        definitions=definitions(),
    )


@dataclass(frozen=True)
class _CitedDocument:
    """The shape ``laws.selectors.citation_links`` reads: a whole document, no article."""

    number: str
    title: str = ""
    article: str = ""
    detail: str = ""


def legal_document_links(numbers: Iterable[str]) -> list[Any]:
    """The documents an activity covered, linked to the legal library where it holds them
    (title and address), in the order given."""
    from pbgdpl.laws.selectors import citation_links

    return citation_links([_CitedDocument(number=n) for n in numbers])
