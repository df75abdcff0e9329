"""Public read API over administrative units."""

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from .models import Unit
from .selectors import unit_children, unit_get

router = Router(tags=["units"])


class UnitOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    is_urban: bool
    population: int | None
    population_year: int | None
    parent: str | None
    valid_from: date
    valid_to: date | None

    @staticmethod
    def from_unit(unit: Unit) -> "UnitOut":
        return UnitOut(
            code=unit.code,
            name=unit.name,
            kind=unit.kind,
            kind_label=str(unit.get_kind_display()),
            is_urban=unit.is_urban,
            population=unit.population,
            population_year=unit.population_year,
            parent=unit.parent.code if unit.parent_id else None,
            valid_from=unit.valid_from,
            valid_to=unit.valid_to,
        )


class UnitListOut(Schema):
    parent: UnitOut | None
    on: date | None
    count: int
    items: list[UnitOut]


class UnitFilter(Schema):
    parent: str | None = None
    on: date | None = None


@router.get("/units", response=UnitListOut, summary="Danh sách đơn vị hành chính trực thuộc")
def units_list(request: HttpRequest, filters: Query[UnitFilter]) -> UnitListOut:
    """Children of ``parent`` (top-level units without it), in force on ``on`` (today)."""
    parent = None
    if filters.parent:
        parent = unit_get(code=filters.parent)
        if parent is None:
            raise HttpError(
                404, _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": filters.parent}
            )
    children = list(unit_children(parent=parent, on=filters.on).select_related("parent"))
    return UnitListOut(
        parent=UnitOut.from_unit(parent) if parent else None,
        on=filters.on,
        count=len(children),
        items=[UnitOut.from_unit(u) for u in children],
    )


@router.get("/units/{code}", response=UnitOut, summary="Một đơn vị hành chính")
def unit_detail(request: HttpRequest, code: str) -> UnitOut:
    unit = unit_get(code=code)
    if unit is None:
        raise HttpError(404, _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code})
    return UnitOut.from_unit(unit)
