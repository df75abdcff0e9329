"""Public pages of the KPI dashboard: thin views over :mod:`.dashboard`.

A period, area or unit that cannot be shown gets the page again with the reason (status
400) and the pickers, so the reader can choose again; an unknown indicator or unit in the
path is "not found" (404). Pages are server-rendered, work without JavaScript, and show
aggregates only (no personal data).
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pbgdpl.units.models import PROVINCE_LEVEL_KINDS
from pbgdpl.units.selectors import unit_children, unit_get

from . import selectors
from .dashboard import (
    DashboardInputError,
    area_choose,
    drilldown_build,
    period_choose,
    period_options,
    root_unit,
    summary_build,
)


def _unit_options(root: Any) -> list[Any]:
    """The units a reader may pick on the summary: the province and its communes."""
    if root is None:
        return []
    return [root, *unit_children(parent=root).order_by("name")]


def _page(request: HttpRequest, template: str, context: dict, *, status: int = 200):
    context.setdefault("nav_section", "chi-tieu")
    return render(request, template, context, status=status)


@require_safe
def summary(request: HttpRequest) -> HttpResponse:
    """The summary of the province (or of the unit ``don-vi``) for the period ``ky``."""
    code = request.GET.get("ky", "")
    root = root_unit()
    context: dict[str, Any] = {
        "period_groups": period_options(selected=code.strip()),
        "unit_options": _unit_options(root),
        "root": root,
    }
    try:
        period = period_choose(code)
        context["period_groups"] = period_options(selected=period.code)
        unit = root
        unit_code = request.GET.get("don-vi", "").strip()
        if unit_code:
            unit = unit_get(code=unit_code)
            if unit is None:
                raise DashboardInputError(
                    _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": unit_code[:20]}
                )
        context["summary"] = summary_build(period=period, unit=unit)
        context["selected_unit"] = unit.code if unit else ""
    except DashboardInputError as exc:
        context["error"] = str(exc)
        return _page(request, "kpi/dashboard/summary.html", context, status=400)
    return _page(request, "kpi/dashboard/summary.html", context)


@require_safe
def drilldown(request: HttpRequest, indicator: str, unit: str) -> HttpResponse:
    """One indicator for one unit and the units below it, the furthest from target first."""
    found = selectors.indicator_get(indicator)
    place = unit_get(code=unit)
    if found is None or not found.active or place is None:
        raise Http404
    code = request.GET.get("ky", "")
    context: dict[str, Any] = {
        "indicator": found,
        "unit": place,
        "period_groups": period_options(selected=code.strip()),
        "area": request.GET.get("khu-vuc", ""),
        "has_children": place.kind in PROVINCE_LEVEL_KINDS or place.children.exists(),
    }
    try:
        period = period_choose(code)
        split = area_choose(request.GET.get("khu-vuc"))
        context["period_groups"] = period_options(selected=period.code)
        context["drill"] = drilldown_build(indicator=found, unit=place, period=period, split=split)
    except DashboardInputError as exc:
        context["error"] = str(exc)
        return _page(request, "kpi/dashboard/drilldown.html", context, status=400)
    return _page(request, "kpi/dashboard/drilldown.html", context)
