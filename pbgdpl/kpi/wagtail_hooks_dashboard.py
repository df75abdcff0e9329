"""The staff view of the KPI dashboard in the Wagtail back office, and the review reports.

Screens under ``/admin/chi-tieu/theo-doi/`` (namespace ``kpi_dashboard_admin``):

- ``""`` — every indicator of a unit for a period with numerator, denominator, target,
  band and coverage; the units below it for one indicator, the furthest short of the
  target first; the state of the communes' survey figures (entry, approval, lock); links
  to the reports and to the entry screens;
- ``bao-cao.xlsx`` and ``bao-cao.pdf`` — the review report (sơ kết / tổng kết) of the
  chosen unit and period (:mod:`.reports`).

Who: "kpi.view" on the unit (province administrators and approvers of the province, a
commune officer for their own commune only); a unit the user may not see is "not found"
(404), like the entry screens. Menu: "Theo dõi chỉ tiêu" in Wagtail's "Báo cáo" menu.

Wagtail loads only ``wagtail_hooks.py``: this module is imported from there
(``from . import wagtail_hooks_dashboard``).
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pbgdpl.people.backoffice import PermissionCheckMixin, PermittedMenuItem, units_for
from pbgdpl.people.permissions import can
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_get

from . import selectors
from .admin_views import can_view
from .dashboard import (
    ENTRY_STATE_LABELS,
    DashboardInputError,
    period_choose,
    period_options,
    staff_build,
    summary_url,
)
from .models import Period
from .reports import (
    KIND_FINAL,
    KIND_INTERIM,
    KIND_LABELS,
    XLSX_TYPE,
    ReportInputError,
    report_data,
    report_kind_default,
    report_pdf,
    report_xlsx,
)


class StaffDashboardView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The detailed view of one unit and period (see the module docstring)."""

    permission_check = staticmethod(can_view)
    template_name = "kpi/dashboard/admin.html"
    page_title = gettext_lazy("Theo dõi thực hiện chỉ tiêu")
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
            {"url": reverse("kpi_admin:entries"), "label": _("Chỉ tiêu, số liệu")},
            {"url": "", "label": _("Theo dõi thực hiện chỉ tiêu")},
        ]

    @cached_property
    def units(self) -> list[Unit]:
        return list(units_for(self.request.user, "kpi.view"))

    def chosen_unit(self) -> Unit:
        """The unit asked for (``don-vi``), else the highest the user may see; 404 for a
        unit that does not exist or that the user may not see."""
        code = self.request.GET.get("don-vi", "").strip()
        if not code:
            if not self.units:
                raise Http404
            return self.units[0]
        unit = unit_get(code=code)
        if unit is None or not can(self.request.user, "kpi.view", unit):
            raise Http404
        return unit

    def chosen(self) -> tuple[Unit, Period, Any]:
        """(unit, period, indicator or None); DashboardInputError for a bad period or an
        unknown indicator."""
        unit = self.chosen_unit()
        period = period_choose(self.request.GET.get("ky"))
        indicator = None
        code = self.request.GET.get("chi-tieu", "").strip()
        if code:
            indicator = selectors.indicator_get(code)
            if indicator is None or not indicator.active:
                raise DashboardInputError(
                    _("Không có chỉ tiêu mã “%(code)s”.") % {"code": code[:40]}
                )
        return unit, period, indicator

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        selected = request.GET.get("ky", "").strip()
        context = self.get_context_data(
            units=self.units,
            period_groups=period_options(selected=selected),
            indicators=list(selectors.indicator_list()),
            state_labels=ENTRY_STATE_LABELS,
        )
        try:
            unit, period, indicator = self.chosen()
        except DashboardInputError as exc:
            context["error"] = str(exc)
            return self.render_to_response(context, status=400)
        staff = staff_build(unit=unit, period=period, indicator=indicator)
        query = {"ky": period.code, "don-vi": unit.code}
        context.update(
            staff=staff,
            period_groups=period_options(selected=period.code),
            selected_unit=unit.code,
            report_kind=report_kind_default(period),
            report_kinds=[(k, str(KIND_LABELS[k])) for k in (KIND_INTERIM, KIND_FINAL)],
            xlsx_url=f"{reverse('kpi_dashboard_admin:report_xlsx')}?{urlencode(query)}",
            pdf_url=f"{reverse('kpi_dashboard_admin:report_pdf')}?{urlencode(query)}",
            public_url=summary_url(period, unit),
            entries_url=f"{reverse('kpi_admin:entries')}?{urlencode({'period': period.code})}",
        )
        return self.render_to_response(context)


class ReportView(StaffDashboardView):
    """The review report of the chosen unit and period, as XLSX or PDF; a bad period or
    report kind goes back to the dashboard with the reason."""

    fmt = "xlsx"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            unit, period, _indicator = self.chosen()
            data = report_data(unit=unit, period=period, kind=request.GET.get("loai", ""))
        except (DashboardInputError, ReportInputError) as exc:
            messages.error(request, str(exc))
            back = {k: v for k, v in request.GET.items() if k in ("don-vi",)}
            return redirect(f"{reverse('kpi_dashboard_admin:dashboard')}?{urlencode(back)}")
        if self.fmt == "pdf":
            body, content_type = report_pdf(data), "application/pdf"
        else:
            body, content_type = report_xlsx(data), XLSX_TYPE
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{data.filename_stem}.{self.fmt}"'
        response["Cache-Control"] = "private, no-store"
        return response


admin_urlpatterns = [
    path("", StaffDashboardView.as_view(), name="dashboard"),
    path("bao-cao.xlsx", ReportView.as_view(fmt="xlsx"), name="report_xlsx"),
    path("bao-cao.pdf", ReportView.as_view(fmt="pdf"), name="report_pdf"),
]


@hooks.register("register_admin_urls")
def register_kpi_dashboard_admin_urls() -> list:
    return [
        path(
            "chi-tieu/theo-doi/",
            include((admin_urlpatterns, "kpi_dashboard_admin"), namespace="kpi_dashboard_admin"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_kpi_dashboard_menu_item() -> MenuItem:
    return PermittedMenuItem(
        gettext_lazy("Theo dõi thực hiện chỉ tiêu"),
        reverse("kpi_dashboard_admin:dashboard"),
        name="kpi-dashboard",
        icon_name="table",
        order=850,
        check=can_view,
    )
