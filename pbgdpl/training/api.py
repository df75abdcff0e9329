"""/api/v1/training/stats — the training indicators of a unit for a period (aggregate
numbers only: no personal data), each with its definition."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from pbgdpl.units.selectors import unit_get

from .selectors import training_stats

router = Router(tags=["training"])

MAX_PERIOD_DAYS = 366 * 5


class StatsOut(Schema):
    unit: str
    unit_name: str
    date_from: date = Field(..., alias="from")
    date_to: date = Field(..., alias="to")
    in_registry: int
    trained: int
    trained_share: float | None
    deliveries: int
    deliveries_online: int
    online_share_deliveries: float | None
    trainee_hours: float
    trainee_hours_online: float
    online_share_hours: float | None
    definitions: dict[str, str]


class StatsIn(Schema):
    unit: str = Field(..., max_length=20, description="Mã đơn vị (tính cả các đơn vị trực thuộc)")
    date_from: date | None = Field(None, alias="from", description="Từ ngày (YYYY-MM-DD)")
    date_to: date | None = Field(None, alias="to", description="Đến ngày, tính cả ngày này")


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str] | None = None


@router.get(
    "/training/stats",
    response={200: StatsOut, 404: ErrorOut, 422: ErrorOut},
    by_alias=True,
    summary="Chỉ số bồi dưỡng của một đơn vị trong một kỳ",
)
def stats(request: HttpRequest, query: Query[StatsIn]):
    """People in the registry, trained, trained share, and the share of training
    delivered online by sessions and by trainee-hours (default period: this year)."""
    unit, date_from, date_to = query.unit, query.date_from, query.date_to
    found = unit_get(code=unit)
    if found is None:
        return Status(404, {"detail": _("Không có đơn vị mã “%(code)s”.") % {"code": unit[:20]}})
    today = timezone.localdate()
    date_from = date_from or date(today.year, 1, 1)
    date_to = date_to or date(today.year, 12, 31)
    if date_from > date_to:
        return Status(
            422,
            {
                "detail": _("Kỳ không hợp lệ."),
                "errors": {"to": _("“Đến ngày” phải sau “Từ ngày”.")},
            },
        )
    if (date_to - date_from).days > MAX_PERIOD_DAYS:
        return Status(
            422,
            {"detail": _("Kỳ không hợp lệ."), "errors": {"to": _("Kỳ dài tối đa 5 năm.")}},
        )
    result = training_stats(unit=found, date_from=date_from, date_to=date_to)
    return Status(
        200,
        {
            "unit": result.unit_code,
            "unit_name": result.unit_name,
            "from": result.date_from,
            "to": result.date_to,
            "in_registry": result.in_registry,
            "trained": result.trained,
            "trained_share": result.trained_share,
            "deliveries": result.deliveries,
            "deliveries_online": result.deliveries_online,
            "online_share_deliveries": result.online_share_deliveries,
            "trainee_hours": result.trainee_hours,
            "trainee_hours_online": result.trainee_hours_online,
            "online_share_hours": result.online_share_hours,
            "definitions": {k: str(v) for k, v in result.definitions.items()},
        },
    )
