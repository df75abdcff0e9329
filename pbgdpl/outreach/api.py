"""/api/v1/outreach/summary — the outreach figures of a unit (with every unit below it) for
a period: aggregate numbers only (no titles, places, names or files), each with its
definition."""

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from pbgdpl.units.selectors import unit_get

from .models import ActivityKind
from .selectors import (
    OutreachTotals,
    activities_in,
    definitions,
    period_default,
    period_errors,
    totals_grouped,
    totals_of,
    units_covered,
)

router = Router(tags=["outreach"])


class SummaryIn(Schema):
    unit: str = Field(..., max_length=20, description="Mã đơn vị (tính cả các đơn vị trực thuộc)")
    date_from: date | None = Field(None, alias="from", description="Từ ngày (YYYY-MM-DD)")
    date_to: date | None = Field(None, alias="to", description="Đến ngày, tính cả ngày này")


class KindOut(Schema):
    kind: str
    label: str
    activities: int
    participants: int


class SummaryOut(Schema):
    unit: str
    unit_name: str
    date_from: date = Field(..., alias="from")
    date_to: date = Field(..., alias="to")
    activities: int
    activities_offline: int
    activities_online: int
    activities_both: int
    online_share: float | None = Field(..., description="Phần trăm, 0–100")
    participants: int
    participants_urban: int
    participants_rural: int
    participants_unclassified: int
    online_views: int
    with_evidence: int
    evidence_share: float | None = Field(..., description="Phần trăm, 0–100")
    units_covered: int
    by_kind: list[KindOut]
    definitions: dict[str, str]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str] | None = None


@router.get(
    "/outreach/summary",
    response={200: SummaryOut, 404: ErrorOut, 422: ErrorOut},
    by_alias=True,
    summary="Số liệu hoạt động phổ biến, giáo dục pháp luật của một đơn vị trong một kỳ",
)
def summary(request: HttpRequest, query: Query[SummaryIn]):
    """Activities by mode and kind, participants (urban, rural, not classified), online
    views, activities with evidence and communes covered, for the unit and everything
    below it; an activity counts in the period of its first day (default period: this
    year)."""
    found = unit_get(code=query.unit)
    if found is None:
        return Status(
            404, {"detail": _("Không có đơn vị mã “%(code)s”.") % {"code": query.unit[:20]}}
        )
    default_from, default_to = period_default()
    date_from = query.date_from or default_from
    date_to = query.date_to or default_to
    errors = period_errors(date_from, date_to)
    if errors:
        return Status(422, {"detail": _("Kỳ không hợp lệ."), "errors": errors})
    activities = activities_in(unit=found, date_from=date_from, date_to=date_to)
    kinds = totals_grouped(activities, "kind")
    return Status(
        200,
        {
            "unit": found.code,
            "unit_name": found.name,
            "from": date_from,
            "to": date_to,
            **totals_of(activities).as_dict(),
            "units_covered": units_covered(activities),
            "by_kind": [
                {
                    "kind": code,
                    "label": str(label),
                    "activities": kinds.get(code, OutreachTotals()).activities,
                    "participants": kinds.get(code, OutreachTotals()).participants,
                }
                for code, label in ActivityKind.choices
            ],
            "definitions": {k: v for k, v in definitions().items() if k != "progress"},
        },
    )
