"""What the KPI dashboard pages and the review reports show, assembled from the
indicators' selectors (:mod:`.selectors`): plain data with the numbers already written the
Vietnamese way and the charts (:mod:`.charts`) laid out.

- :func:`period_choose` reads the period asked for ("2026", "2026Q3", "2026-05"; the
  current year by default) and refuses, with a Vietnamese message, a code that cannot be
  read or a period outside the plan's monitoring (from 2025 to today);
- :func:`summary_build`: the public summary of a unit (the province by default): each
  indicator's value against its target with its band, its trend, urban against rural,
  and its formula and data sources;
- :func:`drilldown_build`: one indicator for one unit, with the units below it, the
  furthest short of the target first;
- :func:`staff_build`: the staff view: every indicator with numerator, denominator and
  coverage, and the state of the survey figures (entry, approval, lock) per commune.

Trends: a year is shown by its quarters, a quarter with the three before it, a month with
the eleven before it (never before the plan's first year nor after today).

Nothing personal is read: values are aggregates per unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit
from pbgdpl.units.selectors import unit_children, unit_find_province, unit_get, unit_subtree

from . import charts, selectors
from .compute import entry_values
from .models import Direction, EntryApproval, EntryState, Indicator, Period, Split, UnitScope
from .periods import PeriodError, period_bounds, period_get, period_label

PLAN_FIRST_YEAR = 2025
CHILDREN_CHART_MAX = 20  # bars in the public drill-down chart (the table has every unit)
AREA_PARAMS = {"thanh-thi": Split.URBAN, "nong-thon": Split.RURAL}
AREA_LABELS = {
    Split.ALL: gettext_lazy("Toàn bộ"),
    Split.URBAN: gettext_lazy("Thành thị"),
    Split.RURAL: gettext_lazy("Nông thôn"),
}


class DashboardInputError(ValueError):
    """A period, area or unit the dashboard cannot show; the message (Vietnamese) says
    why and is shown to the reader."""


# --------------------------------------------------------------------------- periods


def period_choose(code: str | None, *, today: date | None = None) -> Period:
    """The period for ``code`` (the current year when empty), created on first use; a
    code that cannot be read, or a period before the plan (2025) or starting after
    ``today``, is refused with :class:`DashboardInputError`."""
    today = today or timezone.localdate()
    code = (code or "").strip() or str(today.year)
    try:
        canonical, _kind, start, _end = period_bounds(code)
    except PeriodError as exc:
        raise DashboardInputError(str(exc)) from None
    if start.year < PLAN_FIRST_YEAR or start > today:
        raise DashboardInputError(
            _("Kỳ “%(code)s” nằm ngoài thời gian theo dõi: chọn một kỳ từ năm %(first)s đến nay.")
            % {"code": canonical, "first": PLAN_FIRST_YEAR}
        )
    return period_get(canonical)


def _quarter_code(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def _code_start(code: str) -> date:
    return period_bounds(code)[2]


def trend_codes(period: Period, *, today: date | None = None) -> list[str]:
    """The periods a trend of ``period`` shows (see the module docstring), oldest first."""
    today = today or timezone.localdate()
    first = date(PLAN_FIRST_YEAR, 1, 1)
    if period.type == "year":
        codes = [f"{period.start.year}Q{q}" for q in range(1, 5)]
    elif period.type == "quarter":
        year, quarter = period.start.year, (period.start.month - 1) // 3 + 1
        codes = []
        for _i in range(4):
            codes.insert(0, f"{year}Q{quarter}")
            quarter -= 1
            if quarter == 0:
                year, quarter = year - 1, 4
    else:
        year, month = period.start.year, period.start.month
        codes = []
        for _i in range(12):
            codes.insert(0, f"{year}-{month:02d}")
            month -= 1
            if month == 0:
                year, month = year - 1, 12
    return [c for c in codes if first <= _code_start(c) <= today]


def trend_label(code: str) -> str:
    """A short label under a trend column: "Q3/2026", "T5/2026", "2026"."""
    _c, kind, start, _e = period_bounds(code)
    if kind == "quarter":
        return f"Q{(start.month - 1) // 3 + 1}/{start.year}"
    if kind == "month":
        return _("T%(m)s/%(y)s") % {"m": start.month, "y": str(start.year)[2:]}
    return str(start.year)


@dataclass(frozen=True)
class PeriodOption:
    code: str
    label: str
    selected: bool


@dataclass(frozen=True)
class PeriodGroup:
    label: str
    options: list[PeriodOption]


def period_options(*, selected: str = "", today: date | None = None) -> list[PeriodGroup]:
    """The periods a reader may pick, newest first, grouped: years, quarters, months
    (from the plan's first year to today)."""
    today = today or timezone.localdate()
    years = list(range(today.year, PLAN_FIRST_YEAR - 1, -1))
    year_codes = [str(y) for y in years]
    quarter_codes = [
        f"{y}Q{q}" for y in years for q in range(4, 0, -1) if date(y, 3 * q - 2, 1) <= today
    ]
    month_codes = [
        f"{y}-{m:02d}" for y in years for m in range(12, 0, -1) if date(y, m, 1) <= today
    ]
    groups = []
    for label, codes in (
        (_("Năm"), year_codes),
        (_("Quý"), quarter_codes),
        (_("Tháng"), month_codes),
    ):
        groups.append(
            PeriodGroup(
                label=label,
                options=[PeriodOption(c, _period_code_label(c), c == selected) for c in codes],
            )
        )
    return groups


def _period_code_label(code: str) -> str:
    canonical, kind, start, end = period_bounds(code)
    return period_label(Period(code=canonical, type=kind, start=start, end=end))


def area_choose(value: str | None) -> str:
    """The split for the ``khu-vuc`` parameter: "" (all), "thanh-thi" or "nong-thon"."""
    value = (value or "").strip()
    if not value:
        return Split.ALL
    if value not in AREA_PARAMS:
        raise DashboardInputError(
            _("Khu vực “%(value)s” không hợp lệ: chọn thành thị, nông thôn hoặc toàn bộ.")
            % {"value": value[:20]}
        )
    return AREA_PARAMS[value]


def area_param(split: str) -> str:
    return next((k for k, v in AREA_PARAMS.items() if v == split), "")


# --------------------------------------------------------------------------- units


def root_unit() -> Unit | None:
    """The province the dashboard opens on: ``settings.KPI_PROVINCE`` (a name or code)
    when set, else the top-level unit in force that has computed values (the first by
    code), else the first top-level unit."""
    from .models import IndicatorValue

    wanted = getattr(settings, "KPI_PROVINCE", "")
    if wanted:
        unit = unit_find_province(name_or_code=wanted) or unit_get(code=wanted)
        if unit is not None:
            return unit
    roots = unit_children(parent=None).order_by("code")
    with_values = roots.filter(pk__in=IndicatorValue.objects.values("unit_id").distinct()).first()
    return with_values or roots.first()


def unit_ancestors(unit: Unit) -> list[Unit]:
    """The units above ``unit``, the highest first (one query)."""
    codes = [c for c in unit.path.split("/") if c][:-1]
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    return [units[c] for c in codes if c in units]


def _has_children(unit: Unit) -> bool:
    """Whether units lie below ``unit`` (remembered on the instance, as the selectors do)."""
    if unit.kind in PROVINCE_LEVEL_KINDS:
        return True
    cached = getattr(unit, "_kpi_has_children", None)
    if cached is None:
        cached = unit._kpi_has_children = unit.children.exists()
    return cached


def indicator_applies(indicator: Indicator, unit: Unit) -> bool:
    """Whether ``indicator`` is about ``unit``: an urban-only (rural-only) indicator is not
    about a rural (urban) commune; every indicator is about a unit with units below it."""
    if indicator.applies_to == UnitScope.ALL or _has_children(unit):
        return True
    return indicator.applies_to == (UnitScope.URBAN if unit.is_urban else UnitScope.RURAL)


def unit_kind_label(unit: Unit) -> str:
    if unit.kind in PROVINCE_LEVEL_KINDS:
        return unit.get_kind_display()
    return str(AREA_LABELS[Split.URBAN if unit.is_urban else Split.RURAL])


# --------------------------------------------------------------------------- readings


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def target_text(indicator: Indicator, target: Decimal | None) -> str:
    """ "≥ 80 %" (or "≤ …" for a lower-is-better indicator); "—" without a target."""
    if target is None:
        return "—"
    sign = "≥" if indicator.direction == Direction.HIGHER else "≤"
    return (
        f"{sign}\u00a0{value_text(indicator, target, decimals=0 if target == int(target) else 1)}"
    )


def value_text(
    indicator: Indicator, value: Decimal | float | None, *, decimals: int | None = None
) -> str:
    """A value of ``indicator`` in its unit of measure ("82,3 %", "1.234 người")."""
    places = indicator.decimals if decimals is None else decimals
    number = _float(value) if isinstance(value, Decimal) else value
    return charts.value_vi(number, unit=indicator.unit_of_measure, decimals=places)


def gap_text(reading: selectors.Reading) -> str:
    """How far from the target in words: "Còn thiếu 7,5 điểm phần trăm", "Vượt 120 người"."""
    gap = reading.gap
    if gap is None:
        return ""
    indicator = reading.indicator
    amount = charts.number_vi(float(abs(gap)), indicator.decimals)
    unit = _("điểm phần trăm") if indicator.is_rate else indicator.unit_of_measure
    if gap > 0:
        return _("Còn thiếu %(amount)s %(unit)s") % {"amount": amount, "unit": unit}
    if gap == 0:
        return _("Vừa đạt chỉ tiêu")
    return _("Vượt %(amount)s %(unit)s") % {"amount": amount, "unit": unit}


def coverage_text(reading: selectors.Reading) -> str:
    """ "Có số liệu: 120/135 xã, phường (88,9 % dân số)"; "" for a commune."""
    if reading.units_total <= 1 and not _has_children(reading.unit):
        return ""
    text = _("Có số liệu: %(with)s/%(total)s xã, phường") % {
        "with": charts.number_vi(reading.units_with_data),
        "total": charts.number_vi(reading.units_total),
    }
    if reading.population_total:
        share = 100 * reading.population_with_data / reading.population_total
        text += " " + _("(%(share)s dân số)") % {"share": charts.percent_vi(share)}
    return text


def _figure_text(value: Decimal | int | None) -> str:
    """A numerator, denominator or typed-in figure: "12.345", "1.234,5"; "—" for None."""
    if value is None:
        return "—"
    number = float(value)
    return charts.number_vi(number, 0 if number.is_integer() else 1)


@dataclass
class ReadingView:
    """A reading with its texts, as a page or a report shows it."""

    reading: selectors.Reading
    value_text: str
    target_text: str
    band: str
    band_label: str
    gap_text: str
    coverage_text: str
    url: str = ""

    @property
    def indicator(self) -> Indicator:
        return self.reading.indicator

    @property
    def unit(self) -> Unit:
        return self.reading.unit

    @property
    def has_value(self) -> bool:
        return self.reading.value is not None

    @property
    def numerator_text(self) -> str:
        return _figure_text(self.reading.numerator)

    @property
    def denominator_text(self) -> str:
        return _figure_text(self.reading.denominator)

    def bar(self, label: str) -> charts.Bar:
        return charts.Bar(
            label=label,
            value=_float(self.reading.value),
            target=_float(self.reading.target),
            band=self.band if self.has_value else charts.BAND_NONE,
        )


def band_label(reading: selectors.Reading) -> str:
    if reading.value is None:
        return str(charts.BAND_LABELS[charts.BAND_NONE])
    if not reading.band:
        return ""  # a value without a target (a count followed, not judged)
    return str(charts.BAND_LABELS[reading.band])


def reading_view(reading: selectors.Reading, *, url: str = "") -> ReadingView:
    return ReadingView(
        reading=reading,
        value_text=value_text(reading.indicator, reading.value),
        target_text=target_text(reading.indicator, reading.target),
        band=reading.band,
        band_label=band_label(reading),
        gap_text=gap_text(reading),
        coverage_text=coverage_text(reading),
        url=url,
    )


def drilldown_url(indicator: Indicator, unit: Unit, period: Period, split: str = "") -> str:
    url = reverse("kpi_dashboard:drilldown", args=[indicator.code, unit.code])
    query = {"ky": period.code}
    if split:
        query["khu-vuc"] = area_param(split)
    return f"{url}?{urlencode(query)}"


def summary_url(period: Period, unit: Unit | None = None) -> str:
    query = {"ky": period.code}
    if unit is not None:
        query["don-vi"] = unit.code
    return f"{reverse('kpi_dashboard:summary')}?{urlencode(query)}"


# --------------------------------------------------------------------------- summary


@dataclass
class TrendView:
    rows: list[ReadingView]
    labels: list[str]
    chart: charts.Chart

    @property
    def has_values(self) -> bool:
        return any(row.has_value for row in self.rows)

    @property
    def pairs(self) -> list[tuple[str, ReadingView]]:
        return list(zip(self.labels, self.rows, strict=True))


@dataclass
class IndicatorPanel:
    """One indicator on the summary: the unit's value, its urban and rural values, the
    trend and how the indicator is computed."""

    indicator: Indicator
    description: selectors.IndicatorDescription
    headline: ReadingView
    urban: ReadingView | None
    rural: ReadingView | None
    trend: TrendView
    drill_url: str

    @property
    def anchor(self) -> str:
        return f"ct-{self.indicator.code}"

    @property
    def formula_text(self) -> str:
        return formula_text(self.indicator, self.description)


def formula_text(indicator: Indicator, description: selectors.IndicatorDescription) -> str:
    """The formula in words: "100 × (numerator) / (denominator)"."""
    if not indicator.denominator:
        return description.numerator_text
    factor = ""
    if indicator.factor != 1:
        factor = f"{charts.number_vi(float(indicator.factor), 0)} × "
    return f"{factor}({description.numerator_text}) / ({description.denominator_text})"


@dataclass
class Summary:
    unit: Unit
    period: Period
    period_label: str
    panels: list[IndicatorPanel]
    overview_chart: charts.Chart | None
    split_chart: charts.Chart | None
    computed_at: Any
    ancestors: list[Unit] = field(default_factory=list)

    @property
    def rate_panels(self) -> list[IndicatorPanel]:
        return [p for p in self.panels if p.indicator.is_rate]

    @property
    def count_panels(self) -> list[IndicatorPanel]:
        return [p for p in self.panels if not p.indicator.is_rate]


def _trend_periods(period: Period) -> list[Period]:
    """The periods of :func:`trend_codes`, loaded once per page."""
    cached = getattr(period, "_kpi_trend_periods", None)
    if cached is None:
        codes = trend_codes(period)
        found = {p.code: p for p in Period.objects.filter(code__in=codes)}
        cached = [found.get(code) or period_get(code) for code in codes]
        period._kpi_trend_periods = cached
    return cached


def _trend(
    indicator: Indicator, unit: Unit, period: Period, *, split: str, id_prefix: str
) -> TrendView:
    periods = _trend_periods(period)
    codes = [p.code for p in periods]
    readings = selectors.indicator_trend(
        indicator=indicator, unit=unit, periods=periods, split=split
    )
    labels = [trend_label(c) for c in codes]
    views = [reading_view(r) for r in readings]
    points = [
        charts.Point(
            label=label,
            value=_float(v.reading.value),
            target=_float(v.reading.target),
            band=v.band if v.has_value else charts.BAND_NONE,
        )
        for label, v in zip(labels, views, strict=True)
    ]
    title = _("%(name)s – %(unit)s: xu hướng theo kỳ") % {
        "name": indicator.short_name or indicator.name,
        "unit": unit.name,
    }
    chart = charts.trend_chart(
        points, title=title, unit=indicator.unit_of_measure, id_prefix=id_prefix
    )
    return TrendView(rows=views, labels=labels, chart=chart)


def _split_reading(
    indicator: Indicator, unit: Unit, period: Period, split: str, targets
) -> ReadingView | None:
    if indicator.applies_to != UnitScope.ALL and indicator.applies_to != split:
        return None
    reading = selectors.indicator_value(
        indicator=indicator, unit=unit, period=period, split=split, targets=targets
    )
    return reading_view(reading, url=drilldown_url(indicator, unit, period, split))


def _overview_chart(views: list[ReadingView], *, unit: Unit, period: Period) -> charts.Chart | None:
    """The rate indicators of ``unit`` as bars against their targets."""
    rates = [v for v in views if v.indicator.is_rate]
    if not rates:
        return None
    return charts.progress_chart(
        [v.bar(v.indicator.short_name or v.indicator.name) for v in rates],
        title=_("%(unit)s, %(period)s: các chỉ tiêu so với mục tiêu")
        % {"unit": unit.name, "period": period_label(period)},
        id_prefix="tong-quan",
    )


def summary_build(*, period: Period, unit: Unit | None = None) -> Summary:
    """The summary page of ``unit`` (the province by default) for ``period``."""
    unit = unit or root_unit()
    if unit is None:
        raise DashboardInputError(_("Chưa có đơn vị hành chính nào: hãy nạp danh mục đơn vị."))
    targets = selectors.targets_index()
    described = {d.indicator.pk: d for d in selectors.indicators_described()}
    readings = selectors.indicator_values_for_unit(unit=unit, period=period)
    panels = []
    split_rows = []
    computed = [r.computed_at for r in readings if r.computed_at]
    for reading in readings:
        indicator = reading.indicator
        if indicator.pk not in described or not indicator_applies(indicator, unit):
            continue
        headline = reading_view(reading, url=drilldown_url(indicator, unit, period))
        urban = rural = None
        if _has_children(unit):
            urban = _split_reading(indicator, unit, period, Split.URBAN, targets)
            rural = _split_reading(indicator, unit, period, Split.RURAL, targets)
        panels.append(
            IndicatorPanel(
                indicator=indicator,
                description=described[indicator.pk],
                headline=headline,
                urban=urban,
                rural=rural,
                trend=_trend(indicator, unit, period, split="", id_prefix=f"xh-{indicator.code}"),
                drill_url=headline.url,
            )
        )
        if indicator.is_rate and any(side and side.has_value for side in (urban, rural)):
            split_rows.append(
                (
                    indicator.short_name or indicator.name,
                    urban.bar("") if urban else None,
                    rural.bar("") if rural else None,
                )
            )
    overview = _overview_chart([p.headline for p in panels], unit=unit, period=period)
    split_chart = None
    if split_rows:
        split_chart = charts.urban_rural_chart(
            split_rows,
            title=_("%(unit)s, %(period)s: thành thị và nông thôn")
            % {"unit": unit.name, "period": period_label(period)},
            id_prefix="thanh-thi-nong-thon",
        )
    return Summary(
        unit=unit,
        period=period,
        period_label=period_label(period),
        panels=panels,
        overview_chart=overview,
        split_chart=split_chart,
        computed_at=max(computed) if computed else None,
        ancestors=unit_ancestors(unit),
    )


# --------------------------------------------------------------------------- drill-down


@dataclass
class ChildRow:
    rank: int
    view: ReadingView
    kind_label: str


@dataclass
class Drilldown:
    indicator: Indicator
    description: selectors.IndicatorDescription
    unit: Unit
    period: Period
    period_label: str
    split: str
    headline: ReadingView
    urban: ReadingView | None
    rural: ReadingView | None
    trend: TrendView
    children: list[ChildRow]
    children_chart: charts.Chart | None
    ancestors: list[Unit]
    band_counts: dict[str, int]

    @property
    def formula_text(self) -> str:
        return formula_text(self.indicator, self.description)

    @property
    def split_label(self) -> str:
        return str(AREA_LABELS[self.split])

    @property
    def no_data_count(self) -> int:
        return self.band_counts[charts.BAND_NONE]

    @property
    def charted(self) -> int:
        return min(len(self.children), CHILDREN_CHART_MAX)


def drilldown_build(
    *, indicator: Indicator, unit: Unit, period: Period, split: str = ""
) -> Drilldown:
    """One indicator for ``unit``: its value, trend, urban/rural values and the units
    directly below it, the furthest short of the target first."""
    targets = selectors.targets_index()
    reading = selectors.indicator_value(
        indicator=indicator, unit=unit, period=period, split=split, targets=targets
    )
    headline = reading_view(reading)
    urban = rural = None
    if _has_children(unit) and not split and indicator.applies_to == UnitScope.ALL:
        urban = _split_reading(indicator, unit, period, Split.URBAN, targets)
        rural = _split_reading(indicator, unit, period, Split.RURAL, targets)
    rows = []
    chart = None
    counts = dict.fromkeys((charts.BAND_GREEN, charts.BAND_AMBER, charts.BAND_RED, ""), 0)
    if _has_children(unit):
        readings = selectors.indicator_children(
            indicator=indicator, unit=unit, period=period, split=split
        )
        for rank, child in enumerate(readings, start=1):
            view = reading_view(child, url=drilldown_url(indicator, child.unit, period))
            rows.append(ChildRow(rank=rank, view=view, kind_label=unit_kind_label(child.unit)))
            counts[view.band if view.has_value else ""] += 1
        if rows:
            shown = rows[:CHILDREN_CHART_MAX]
            title = _("%(name)s: %(count)s đơn vị xa mục tiêu nhất, %(period)s") % {
                "name": indicator.short_name or indicator.name,
                "count": charts.number_vi(len(shown)),
                "period": period_label(period),
            }
            if len(shown) == len(rows):
                title = _("%(name)s theo đơn vị trực thuộc %(unit)s, %(period)s") % {
                    "name": indicator.short_name or indicator.name,
                    "unit": unit.name,
                    "period": period_label(period),
                }
            chart = charts.progress_chart(
                [r.view.bar(r.view.unit.name) for r in shown],
                title=title,
                unit=indicator.unit_of_measure,
                id_prefix="don-vi",
            )
    described = selectors.indicator_describe(indicator)
    return Drilldown(
        indicator=indicator,
        description=described,
        unit=unit,
        period=period,
        period_label=period_label(period),
        split=split,
        headline=headline,
        urban=urban,
        rural=rural,
        trend=_trend(indicator, unit, period, split=split, id_prefix="xu-huong"),
        children=rows,
        children_chart=chart,
        ancestors=unit_ancestors(unit),
        band_counts=counts,
    )


# --------------------------------------------------------------------------- staff view

ENTRY_STATE_LABELS = {
    "": gettext_lazy("Chưa nhập"),
    **{state.value: state.label for state in EntryState},
}


@dataclass
class EntryRow:
    """The survey figures of one commune for the period: the state of each entry period
    and the figures that count (approved or locked)."""

    unit: Unit
    states: list[tuple[str, str]]  # (state, label) per entry period
    sample: int | None
    reached: int | None
    satisfied: int | None

    @property
    def counted(self) -> bool:
        return self.sample is not None

    @property
    def figures_text(self) -> list[str]:
        return [_figure_text(v) for v in (self.sample, self.reached, self.satisfied)]


@dataclass
class StaffView:
    unit: Unit
    period: Period
    period_label: str
    readings: list[ReadingView]
    entry_periods: list[str]
    entry_period_labels: list[str]
    entries: list[EntryRow]
    state_counts: list[tuple[str, str, list[int]]]  # communes per state, per entry period
    indicator: Indicator | None
    children: list[ChildRow]
    overview_chart: charts.Chart | None = None

    @property
    def counted(self) -> int:
        """Communes whose survey figures count for the period (approved or locked)."""
        return sum(1 for row in self.entries if row.counted)


def entry_period_codes(period: Period) -> list[str]:
    """The entry periods whose state the staff view may show: a year's own entry and its
    quarters; a quarter's own entry and its months; a month alone."""
    if period.type == "year":
        return [period.code] + [f"{period.start.year}Q{q}" for q in range(1, 5)]
    if period.type == "quarter":
        first = period.start.month
        return [period.code] + [f"{period.start.year}-{m:02d}" for m in range(first, first + 3)]
    return [period.code]


def entries_build(*, unit: Unit, period: Period) -> tuple[list[str], list[EntryRow]]:
    """The communes under ``unit`` (or ``unit`` itself when it is one) with their entry
    states and counted figures for ``period``."""
    on = min(period.end, timezone.localdate())
    if _has_children(unit):
        communes = list(
            unit_subtree(root=unit, on=on).exclude(kind__in=PROVINCE_LEVEL_KINDS).order_by("name")
        )
        parents = set(Unit.objects.filter(parent__in=communes).values_list("parent_id", flat=True))
        communes = [c for c in communes if c.pk not in parents]
    else:
        communes = [unit]
    codes = [c for c in entry_period_codes(period) if _code_start(c) <= timezone.localdate()]
    states: dict[tuple[int, str], str] = {
        (uid, code): state
        for uid, code, state in EntryApproval.objects.filter(
            unit__in=communes, period__code__in=codes
        ).values_list("unit_id", "period__code", "state")
    }
    # Only the periods the communes enter figures for (a year typed in by quarters shows
    # its quarters); the period itself when nobody has entered anything yet.
    used = {code for _uid, code in states}
    codes = [c for c in codes if c in used] or [period.code]
    counted = entry_values(period=period)
    rows = []
    for commune in communes:
        figures = {
            key: counted.get(f"entry_{key}", {}).get(commune.pk)
            for key in ("sample", "reached", "satisfied")
        }
        rows.append(
            EntryRow(
                unit=commune,
                states=[
                    (
                        states.get((commune.pk, code), ""),
                        str(ENTRY_STATE_LABELS[states.get((commune.pk, code), "")]),
                    )
                    for code in codes
                ],
                sample=None if figures["sample"] is None else int(figures["sample"]),
                reached=None if figures["reached"] is None else int(figures["reached"]),
                satisfied=None if figures["satisfied"] is None else int(figures["satisfied"]),
            )
        )
    return codes, rows


def staff_build(*, unit: Unit, period: Period, indicator: Indicator | None = None) -> StaffView:
    """The staff view of ``unit`` for ``period``: every indicator, the communes' entry
    states, and the units below ``unit`` for ``indicator`` (the first one by default)."""
    readings = [
        reading_view(r, url=drilldown_url(r.indicator, unit, period))
        for r in selectors.indicator_values_for_unit(unit=unit, period=period)
        if indicator_applies(r.indicator, unit)
    ]
    codes, entries = entries_build(unit=unit, period=period)
    state_counts = [
        (
            state,
            str(label),
            [sum(1 for row in entries if row.states[i][0] == state) for i in range(len(codes))],
        )
        for state, label in ENTRY_STATE_LABELS.items()
    ]
    indicator = indicator or (readings[0].indicator if readings else None)
    children = []
    if indicator is not None and _has_children(unit):
        for rank, child in enumerate(
            selectors.indicator_children(indicator=indicator, unit=unit, period=period), start=1
        ):
            children.append(
                ChildRow(
                    rank=rank, view=reading_view(child), kind_label=unit_kind_label(child.unit)
                )
            )
    return StaffView(
        unit=unit,
        period=period,
        period_label=period_label(period),
        readings=readings,
        entry_periods=codes,
        entry_period_labels=[_period_code_label(c) for c in codes],
        entries=entries,
        state_counts=state_counts,
        indicator=indicator,
        children=children,
        overview_chart=_overview_chart(readings, unit=unit, period=period),
    )
