"""/api/v1/kpi/… — the plan's indicators and their values (aggregate numbers only, no
personal data; open without login).

- ``GET /api/v1/kpi/indicators``: every indicator with its definition, formulas (as
  written and in words), data elements with their sources, and targets per phase;
- ``GET /api/v1/kpi/values?indicator=&unit=&period=&split=``: the computed value for a
  unit and period (404 unknown indicator or unit, 422 bad period or split), with the
  values of the units directly below it when ``children=true``.
"""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from pbgdpl.units.selectors import unit_get

from . import selectors
from .periods import PeriodError, period_get
from .selectors import Reading, source_label

router = Router(tags=["kpi"])


class ElementOut(Schema):
    code: str
    name: str
    description: str
    source: str = Field(..., description="entry (biểu mẫu) hoặc auto:<nguồn>")
    source_label: str
    value_type: str


class TargetOut(Schema):
    phase: str
    phase_start: date
    phase_end: date
    unit_scope: str = Field(..., description="all, urban, rural")
    unit: str | None = Field(None, description="Mã đơn vị khi mục tiêu riêng cho một đơn vị")
    value: Decimal


class IndicatorOut(Schema):
    code: str
    name: str
    short_name: str
    definition: str
    numerator: str
    numerator_text: str
    denominator: str
    denominator_text: str
    factor: Decimal
    unit_of_measure: str
    direction: str = Field(..., description="higher hoặc lower")
    population_weighted: bool
    applies_to: str = Field(..., description="all, urban, rural")
    data_sources: str
    companion_of: str | None
    elements: list[ElementOut]
    targets: list[TargetOut]


class ValueOut(Schema):
    indicator: str
    unit: str
    unit_name: str
    period: str
    split: str = Field(..., description="'' (chung), urban, rural")
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    target: Decimal | None
    band: str = Field(..., description="green, amber, red hoặc '' (chưa đánh giá)")
    units_with_data: int
    units_total: int
    population_with_data: int
    population_total: int
    computed: bool
    computed_at: datetime | None


class ValuesOut(ValueOut):
    children: list[ValueOut] | None = None


class ErrorOut(Schema):
    detail: str


def _indicator_out(description: selectors.IndicatorDescription) -> dict:
    indicator = description.indicator
    return {
        "code": indicator.code,
        "name": indicator.name,
        "short_name": indicator.short_name,
        "definition": indicator.definition,
        "numerator": indicator.numerator,
        "numerator_text": description.numerator_text,
        "denominator": indicator.denominator,
        "denominator_text": description.denominator_text,
        "factor": indicator.factor,
        "unit_of_measure": indicator.unit_of_measure,
        "direction": indicator.direction,
        "population_weighted": indicator.population_weighted,
        "applies_to": indicator.applies_to,
        "data_sources": indicator.data_sources,
        "companion_of": indicator.companion_of.code if indicator.companion_of else None,
        "elements": [
            {
                "code": e.code,
                "name": e.name,
                "description": e.description,
                "source": e.source,
                "source_label": source_label(e.source),
                "value_type": e.value_type,
            }
            for e in description.elements
        ],
        "targets": [
            {
                "phase": t.phase.code,
                "phase_start": t.phase.start,
                "phase_end": t.phase.end,
                "unit_scope": t.unit_scope,
                "unit": t.unit.code if t.unit else None,
                "value": t.value,
            }
            for t in description.targets
        ],
    }


@router.get("/kpi/indicators", response=list[IndicatorOut], summary="Các chỉ tiêu của kế hoạch")
def kpi_indicators(request: HttpRequest):
    """Definitions, formulas, data sources and targets of every indicator in use."""
    return [_indicator_out(d) for d in selectors.indicators_described()]


def _value_out(reading: Reading) -> dict:
    return {
        "indicator": reading.indicator.code,
        "unit": reading.unit.code,
        "unit_name": reading.unit.name,
        "period": reading.period.code,
        "split": reading.split,
        "value": reading.value,
        "numerator": reading.numerator,
        "denominator": reading.denominator,
        "target": reading.target,
        "band": reading.band,
        "units_with_data": reading.units_with_data,
        "units_total": reading.units_total,
        "population_with_data": reading.population_with_data,
        "population_total": reading.population_total,
        "computed": reading.computed,
        "computed_at": reading.computed_at,
    }


class ValuesQuery(Schema):
    indicator: str = Field(..., max_length=60, description="Mã chỉ tiêu, ví dụ reach_rural")
    unit: str = Field(..., max_length=20, description="Mã đơn vị hành chính")
    period: str = Field(..., max_length=20, description="2026, 2026Q3 hoặc 2026-05")
    split: str = Field("", max_length=10, description="'' (chung), urban hoặc rural")
    children: bool = Field(False, description="Kèm giá trị của các đơn vị trực thuộc")


@router.get(
    "/kpi/values",
    response={200: ValuesOut, 404: ErrorOut, 422: ErrorOut},
    summary="Giá trị chỉ tiêu của một đơn vị trong một kỳ",
)
def kpi_values(request: HttpRequest, query: Query[ValuesQuery]):
    """The computed value of an indicator for a unit and period, with its target and band
    ("green" met, "amber" short by at most 10 points, "red" further; "" without a value
    or target) and coverage (communes and population with data)."""
    indicator = selectors.indicator_get(query.indicator)
    if indicator is None or not indicator.active:
        raise HttpError(404, _("Không có chỉ tiêu mã “%(code)s”.") % {"code": query.indicator})
    unit = unit_get(code=query.unit)
    if unit is None:
        raise HttpError(404, _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": query.unit})
    try:
        period = period_get(query.period)
    except PeriodError as exc:
        raise HttpError(422, str(exc)) from None
    split = (query.split or "").strip()
    if split not in ("", "urban", "rural"):
        raise HttpError(422, _("Tham số split chỉ nhận urban, rural hoặc để trống."))
    targets = selectors.targets_index()
    reading = selectors.indicator_value(
        indicator=indicator, unit=unit, period=period, split=split, targets=targets
    )
    out = _value_out(reading)
    if query.children:
        out["children"] = [
            _value_out(r)
            for r in selectors.indicator_children(
                indicator=indicator, unit=unit, period=period, split=split
            )
        ]
    return out
