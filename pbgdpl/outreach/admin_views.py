"""Back-office screens of outreach (Wagtail admin, under ``/admin/hoat-dong-pbgdpl/``):
activities (list with filters and XLSX export, record, edit, delete, evidence files,
XLSX import), annual plans with their targets and progress, and the report of a unit
and period (tables with definitions, XLSX export).

Views are thin: forms (:mod:`.admin_forms`) shape the input, :mod:`.services` writes (each
checks the permission again and audits), :mod:`.selectors` reads. Who sees what:

- "outreach.view" (province admin, unit officer, approver) on a unit: its activities,
  plans and report, and those of every unit below it; anything else is "not found" (404);
- "outreach.manage" (province admin, unit officer) on the unit to record, change or
  delete an activity, its evidence or a plan (else 403).

Every change is a POST (CSRF-protected). A change that succeeds ends in a redirect; one the
services refuse shows the page again with what was typed and the services' message.
"""

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from pbgdpl.people.backoffice import (
    PermissionCheckMixin,
    permission_denied_message,
    units_for,
)
from pbgdpl.people.backoffice_forms import errors_to_form, form_errors_text
from pbgdpl.people.permissions import can
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit

from . import activity_io, exports, selectors, services
from .admin_forms import (
    ActivityDeleteForm,
    ActivityFilterForm,
    ActivityForm,
    EvidenceForm,
    ImportForm,
    PlanApproveForm,
    PlanFilterForm,
    PlanForm,
    PlanReopenForm,
    ReportForm,
)
from .models import Activity, ActivityEvidence, OutreachPlan, PlanStatus
from .services import OutreachInputError

PAGE_SIZE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --------------------------------------------------------------------------- permission


def can_view(user: Any) -> bool:
    """Whether the "Hoạt động PBGDPL" menu is shown: "outreach.view" anywhere."""
    return can(user, "outreach.view")


def can_manage(user: Any) -> bool:
    return can(user, "outreach.manage")


def _permission_message(exc: PermissionDenied) -> str:
    return permission_denied_message(exc, default=_("Bạn không có quyền làm việc này."))


def _crumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
        {"url": reverse("outreach_admin:activities"), "label": _("Hoạt động PBGDPL")},
    ]
    return crumbs + [{"url": url, "label": label} for url, label in items]


def _xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _activity_url(activity: Activity, anchor: str = "") -> str:
    return reverse("outreach_admin:activity", args=[activity.pk]) + (f"#{anchor}" if anchor else "")


def _plan_url(plan: OutreachPlan, anchor: str = "") -> str:
    return reverse("outreach_admin:plan", args=[plan.pk]) + (f"#{anchor}" if anchor else "")


# --------------------------------------------------------------------------- activities


class ActivityListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The activities the user may see, newest first, with filters and totals."""

    permission_check = staticmethod(can_view)
    template_name = "outreach/admin/activities.html"
    page_title = gettext_lazy("Hoạt động phổ biến, giáo dục pháp luật")
    header_icon = "calendar"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
            {"url": "", "label": _("Hoạt động PBGDPL")},
        ]

    def get_header_buttons(self) -> list:
        if not can_manage(self.request.user):
            return []
        return [
            HeaderButton(
                _("Ghi nhận hoạt động"),
                url=reverse("outreach_admin:activity_create"),
                icon_name="plus",
            ),
            HeaderButton(
                _("Nhập từ Excel"),
                url=reverse("outreach_admin:activity_import"),
                icon_name="upload",
            ),
        ]

    def filtered(self) -> tuple[ActivityFilterForm, QuerySet[Activity]]:
        user = self.request.user
        form = ActivityFilterForm(self.request.GET or None, units=units_for(user, "outreach.view"))
        if form.is_bound and not form.is_valid():
            messages.error(self.request, _("Một số bộ lọc không hợp lệ và đã được bỏ qua."))
        activities = selectors.activity_filter(
            selectors.activities_visible(user), **(form.filters() if form.is_bound else {})
        )
        return form, activities

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, activities = self.filtered()
        rows = selectors.with_evidence_count(activities).select_related("unit", "plan")
        page = Paginator(rows.order_by("-start_date", "-pk"), PAGE_SIZE).get_page(
            request.GET.get("p")
        )
        filters = request.GET.copy()
        filters.pop("p", None)
        context = self.get_context_data(
            form=form,
            page=page,
            totals=selectors.totals_of(activities),
            filter_query=filters.urlencode(),
            filtered=bool(filters),
            export_url=f"{reverse('outreach_admin:activities_xlsx')}?{filters.urlencode()}",
            manage=can_manage(request.user),
        )
        return self.render_to_response(context)


class ActivityExportView(ActivityListView):
    """The activities of the current filter as XLSX."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, activities = self.filtered()
        content = exports.activities_xlsx(
            activities=activities.order_by("start_date", "pk"),
            filters=exports.filters_text(form),
        )
        return _xlsx_response(content, f"hoat-dong-pbgdpl-{timezone.localdate():%Y%m%d}.xlsx")


class ActivityMixin:
    """Finds the activity of the URL among those the user may see (any other: 404)."""

    kwargs: dict
    request: HttpRequest

    @cached_property
    def activity(self) -> Activity:
        return get_object_or_404(
            selectors.activities_visible(self.request.user).select_related(
                "unit", "plan", "created_by", "updated_by"
            ),
            pk=self.kwargs["pk"],
        )

    def require_manage(self) -> None:
        if not can(self.request.user, "outreach.manage", self.activity):
            raise PermissionDenied


class ActivityView(ActivityMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """One activity: its facts, the laws it covered (linked to the library), its evidence
    files (upload, download, remove) and the delete form."""

    permission_check = staticmethod(can_view)
    template_name = "outreach/admin/activity.html"
    header_icon = "calendar"

    def get_page_title(self) -> str:
        return self.activity.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", self.activity.title[:60]))

    def render_page(
        self,
        *,
        evidence_form: EvidenceForm | None = None,
        delete_form: ActivityDeleteForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        activity = self.activity
        manage = can(self.request.user, "outreach.manage", activity)
        area = ""
        if activity.unit.kind not in PROVINCE_LEVEL_KINDS:
            area = _("thành thị") if activity.unit.is_urban else _("nông thôn")
        context = self.get_context_data(
            activity=activity,
            manage=manage,
            area=area,
            edited=activity.updated_at - activity.created_at > timedelta(minutes=1),
            audiences=[a.get_group_display() for a in activity.audiences.all()],
            documents=selectors.legal_document_links(activity.legal_documents or []),
            evidence=list(activity.evidence.select_related("uploaded_by")),
            evidence_form=evidence_form or EvidenceForm(),
            delete_form=delete_form or ActivityDeleteForm(),
            evidence_max=services.EVIDENCE_PER_ACTIVITY_MAX,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


class ActivityFormView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Record (no ``pk``) or change an activity."""

    permission_check = staticmethod(can_manage)
    template_name = "outreach/admin/activity_form.html"
    header_icon = "calendar"

    @cached_property
    def activity(self) -> Activity | None:
        if "pk" not in self.kwargs:
            return None
        activity = get_object_or_404(
            selectors.activities_visible(self.request.user).select_related("unit", "plan"),
            pk=self.kwargs["pk"],
        )
        if not can(self.request.user, "outreach.manage", activity):
            raise PermissionDenied
        return activity

    def get_page_title(self) -> str:
        return _("Sửa hoạt động") if self.activity else _("Ghi nhận hoạt động")

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.activity:
            return _crumbs((_activity_url(self.activity), self.activity.title[:60]), ("", _("Sửa")))
        return _crumbs(("", _("Ghi nhận hoạt động")))

    def make_form(self, data: Any = None) -> ActivityForm:
        user = self.request.user
        units = units_for(user, "outreach.manage")
        plans = selectors.plans_visible(user, action="outreach.manage")
        if self.activity is not None:
            # The stored unit and plan stay choosable (the services check again).
            units = Unit.objects.filter(
                Q(pk__in=units.values("pk")) | Q(pk=self.activity.unit_id)
            ).order_by("depth", "name")
        plans = plans.order_by("-year", "unit__path")
        return ActivityForm(data, units=units, plans=plans, activity=self.activity)

    def render_page(self, form: ActivityForm, *, status: int = 200) -> HttpResponse:
        context = self.get_context_data(form=form, activity=self.activity)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        title = _("Chưa lưu được hoạt động")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(form)
        try:
            if self.activity is None:
                activity = services.activity_create(actor=request.user, data=form.activity_input())
            else:
                activity = services.activity_update(
                    actor=request.user, activity=self.activity, data=form.activity_input()
                )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(form)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form, status=403)
        if self.activity is None:
            messages.success(
                request,
                _("Đã ghi nhận hoạt động. Hãy tải lên ảnh, biên bản hoặc tài liệu minh chứng."),
            )
            return redirect(_activity_url(activity, "minh-chung"))
        messages.success(request, _("Đã lưu hoạt động."))
        return redirect(_activity_url(activity))


class ActivityDeleteView(ActivityView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        form = ActivityDeleteForm(request.POST)
        form.is_valid()
        try:
            services.activity_delete(
                actor=request.user,
                activity=self.activity,
                reason=form.cleaned_data.get("reason", ""),
            )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(
                request, _("Chưa xoá được: %(e)s") % {"e": " ".join(exc.errors.values())}
            )
            return self.render_page(delete_form=form)
        messages.success(
            request, _("Đã xoá hoạt động “%(title)s”.") % {"title": self.activity.title}
        )
        return redirect(reverse("outreach_admin:activities"))


class EvidenceAddView(ActivityView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        form = EvidenceForm(request.POST, request.FILES)
        form.is_valid()
        title = _("Chưa tải lên được")
        try:
            evidence = services.evidence_add(
                actor=request.user,
                activity=self.activity,
                file=form.cleaned_data.get("file"),
                caption=form.cleaned_data.get("caption", ""),
            )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(evidence_form=form)
        messages.success(request, _("Đã tải lên “%(name)s”.") % {"name": evidence.original_name})
        return redirect(_activity_url(self.activity, "minh-chung"))


class EvidenceMixin(ActivityMixin):
    @cached_property
    def evidence(self) -> ActivityEvidence:
        return get_object_or_404(
            ActivityEvidence.objects.select_related("activity", "activity__unit"),
            pk=self.kwargs["evidence"],
            activity=self.activity,
        )


class EvidenceDownloadView(EvidenceMixin, PermissionCheckMixin, View):
    """The file, as an attachment under its original name, for staff who may read the
    activity; each download is written to the audit log."""

    permission_check = staticmethod(can_view)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        evidence = self.evidence
        try:
            handle = evidence.file.open("rb")
        except (FileNotFoundError, OSError):
            raise Http404(_("Tệp minh chứng không còn trong kho lưu trữ.")) from None
        services.evidence_download_record(actor=request.user, evidence=evidence)
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=evidence.original_name,
            content_type=evidence.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class EvidenceRemoveView(EvidenceMixin, ActivityView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        name = self.evidence.original_name
        try:
            services.evidence_remove(actor=request.user, evidence=self.evidence)
        except OutreachInputError as exc:
            messages.error(request, _("Chưa gỡ được: %(e)s") % {"e": " ".join(exc.errors.values())})
            return self.render_page(status=409)
        messages.success(request, _("Đã gỡ tệp “%(name)s”.") % {"name": name})
        return redirect(_activity_url(self.activity, "minh-chung"))


class ActivityImportView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Upload an XLSX of activities: "Kiểm tra" reads and checks every row and stores
    nothing; "Nhập" stores them when no row has an error."""

    permission_check = staticmethod(can_manage)
    template_name = "outreach/admin/import.html"
    page_title = gettext_lazy("Nhập hoạt động từ Excel")
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Nhập từ Excel")))

    def render_page(self, form: ImportForm, *, report: Any = None, status: int = 200):
        context = self.get_context_data(form=form, report=report)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(ImportForm())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES)
        dry_run = request.POST.get("thao_tac") != "nhap"
        if not form.is_valid():
            messages.error(request, _("Chưa nhập được: %(e)s") % {"e": form_errors_text(form)})
            return self.render_page(form)
        try:
            report = activity_io.activities_import_xlsx(
                actor=request.user, file=form.cleaned_data["file"], dry_run=dry_run
            )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(
                request, _("Chưa nhập được: %(e)s") % {"e": " ".join(exc.errors.values())}
            )
            return self.render_page(form)
        if report.errors:
            messages.error(
                request,
                _("Tệp có %(n)s lỗi: chưa hoạt động nào được lưu. Hãy sửa tệp rồi kiểm tra lại.")
                % {"n": len(report.errors)},
            )
        elif report.dry_run:
            messages.success(
                request,
                _("Tệp hợp lệ: sẽ thêm %(n)s hoạt động. Chọn lại tệp và bấm “Nhập” để lưu.")
                % {"n": report.created},
            )
        else:
            messages.success(request, _("Đã nhập %(n)s hoạt động.") % {"n": report.created})
            return redirect(reverse("outreach_admin:activities"))
        return self.render_page(ImportForm(), report=report)


class ImportTemplateView(PermissionCheckMixin, View):
    """The empty import workbook: the columns, a guide sheet and drop-down lists."""

    permission_check = staticmethod(can_manage)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return _xlsx_response(activity_io.import_template_xlsx(), "mau-nhap-hoat-dong-pbgdpl.xlsx")


# --------------------------------------------------------------------------- plans


def _plan_crumbs(*items: tuple[str, str]) -> list[dict]:
    return _crumbs((reverse("outreach_admin:plans"), _("Kế hoạch năm")), *items)


class PlanListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The plans the user may see, with their status and progress."""

    permission_check = staticmethod(can_view)
    template_name = "outreach/admin/plans.html"
    page_title = gettext_lazy("Kế hoạch phổ biến, giáo dục pháp luật năm")
    header_icon = "list-ol"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _plan_crumbs()

    def get_header_buttons(self) -> list:
        if not can_manage(self.request.user):
            return []
        return [
            HeaderButton(
                _("Lập kế hoạch"), url=reverse("outreach_admin:plan_create"), icon_name="plus"
            )
        ]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        plans = selectors.plans_visible(user)
        years = sorted(set(plans.values_list("year", flat=True)), reverse=True)
        form = PlanFilterForm(
            request.GET or None,
            units=units_for(user, "outreach.view"),
            years=years,
        )
        if form.is_bound and not form.is_valid():
            messages.error(request, _("Một số bộ lọc không hợp lệ và đã được bỏ qua."))
        if form.is_bound:
            if form.value("year"):
                plans = plans.filter(year=form.value("year"))
            if form.value("unit"):
                plans = selectors.in_subtree(plans, form.value("unit"))
        plans = plans.select_related("unit").annotate(target_count=Count("targets", distinct=True))
        page = Paginator(plans.order_by("-year", "unit__path"), PAGE_SIZE).get_page(
            request.GET.get("p")
        )
        today = timezone.localdate()
        rows = [
            {"plan": plan, "progress": selectors.plan_progress(plan=plan, on=today)}
            for plan in page.object_list
        ]
        filters = request.GET.copy()
        filters.pop("p", None)
        context = self.get_context_data(
            form=form,
            page=page,
            rows=rows,
            filter_query=filters.urlencode(),
            filtered=bool(filters),
        )
        return self.render_to_response(context)


class PlanMixin:
    kwargs: dict
    request: HttpRequest

    @cached_property
    def plan(self) -> OutreachPlan:
        return get_object_or_404(
            selectors.plans_visible(self.request.user).select_related(
                "unit", "created_by", "approved_by"
            ),
            pk=self.kwargs["pk"],
        )

    def require_manage(self) -> None:
        if not can(self.request.user, "outreach.manage", self.plan):
            raise PermissionDenied


class PlanView(PlanMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """A plan: its facts, targets with progress to date, approval and the activities
    filed under it."""

    permission_check = staticmethod(can_view)
    template_name = "outreach/admin/plan.html"
    header_icon = "list-ol"

    def get_page_title(self) -> str:
        return self.plan.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return _plan_crumbs(("", f"{self.plan.year} — {self.plan.unit.name}"))

    def render_page(
        self,
        *,
        approve_form: PlanApproveForm | None = None,
        reopen_form: PlanReopenForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        plan = self.plan
        progress = selectors.plan_progress(plan=plan, on=timezone.localdate())
        report_query = (
            f"unit={plan.unit.code}&date_from={progress.date_from:%Y-%m-%d}"
            f"&date_to={progress.date_to:%Y-%m-%d}"
        )
        context = self.get_context_data(
            plan=plan,
            progress=progress,
            manage=can(self.request.user, "outreach.manage", plan),
            approved=plan.status == PlanStatus.APPROVED,
            approve_form=approve_form or PlanApproveForm(),
            reopen_form=reopen_form or PlanReopenForm(),
            activities=plan.activities.live().select_related("unit").order_by("-start_date")[:20],
            report_url=f"{reverse('outreach_admin:report')}?{report_query}",
            definitions=selectors.definitions(),
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


class PlanApproveView(PlanView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        form = PlanApproveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Chưa ghi nhận được: %(e)s") % {"e": form_errors_text(form)})
            return self.render_page(approve_form=form)
        try:
            services.plan_approve(
                actor=request.user,
                plan=self.plan,
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
            )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(
                request,
                _("Chưa ghi nhận được: %(e)s") % {"e": " ".join(exc.errors.values())},
            )
            self.__dict__.pop("plan", None)
            return self.render_page(approve_form=form)
        messages.success(request, _("Đã ghi nhận kế hoạch được phê duyệt."))
        return redirect(_plan_url(self.plan))


class PlanReopenView(PlanView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        form = PlanReopenForm(request.POST)
        form.is_valid()
        try:
            services.plan_reopen(
                actor=request.user, plan=self.plan, reason=form.cleaned_data.get("reason", "")
            )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(
                request,
                _("Chưa chuyển được: %(e)s") % {"e": " ".join(exc.errors.values())},
            )
            return self.render_page(reopen_form=form)
        messages.success(request, _("Kế hoạch đã về dự thảo: có thể sửa và phê duyệt lại."))
        return redirect(_plan_url(self.plan))


class PlanDeleteView(PlanView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        title = self.plan.title
        try:
            services.plan_delete(actor=request.user, plan=self.plan)
        except OutreachInputError as exc:
            messages.error(
                request, _("Chưa xoá được: %(e)s") % {"e": " ".join(exc.errors.values())}
            )
            return self.render_page(status=409)
        messages.success(request, _("Đã xoá kế hoạch “%(title)s”.") % {"title": title})
        return redirect(reverse("outreach_admin:plans"))


class PlanFormView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Draw up (no ``pk``) or change a draft plan with its targets."""

    permission_check = staticmethod(can_manage)
    template_name = "outreach/admin/plan_form.html"
    header_icon = "list-ol"

    @cached_property
    def plan(self) -> OutreachPlan | None:
        if "pk" not in self.kwargs:
            return None
        plan = get_object_or_404(
            selectors.plans_visible(self.request.user).select_related("unit"),
            pk=self.kwargs["pk"],
        )
        if not can(self.request.user, "outreach.manage", plan):
            raise PermissionDenied
        return plan

    def get_page_title(self) -> str:
        return _("Sửa kế hoạch") if self.plan else _("Lập kế hoạch năm")

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.plan:
            return _plan_crumbs((_plan_url(self.plan), self.plan.title[:60]), ("", _("Sửa")))
        return _plan_crumbs(("", _("Lập kế hoạch")))

    def make_form(self, data: Any = None) -> PlanForm:
        units = None
        if self.plan is None:
            units = units_for(self.request.user, "outreach.manage")
        return PlanForm(data, units=units, plan=self.plan)

    def render_page(self, form: PlanForm, *, status: int = 200) -> HttpResponse:
        context = self.get_context_data(
            form=form,
            plan=self.plan,
            locked=self.plan is not None and self.plan.status == PlanStatus.APPROVED,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        title = _("Chưa lưu được kế hoạch")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(form)
        unit = self.plan.unit if self.plan is not None else form.cleaned_data["unit"]
        try:
            if self.plan is None:
                plan = services.plan_create(
                    actor=request.user,
                    data=form.plan_input(unit=unit),
                    targets=form.targets_input(),
                )
            else:
                plan = services.plan_update(
                    actor=request.user,
                    plan=self.plan,
                    data=form.plan_input(unit=unit),
                    targets=form.targets_input(),
                )
        except OutreachInputError as exc:
            errors_to_form(form, exc.errors, aliases=form.target_error_fields())
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(form)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form, status=403)
        messages.success(request, _("Đã lưu kế hoạch “%(title)s”.") % {"title": plan.title})
        return redirect(_plan_url(plan))


# --------------------------------------------------------------------------- report


class ReportView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The report of a unit (with everything below it) and a period."""

    permission_check = staticmethod(can_view)
    template_name = "outreach/admin/report.html"
    page_title = gettext_lazy("Báo cáo hoạt động phổ biến, giáo dục pháp luật")
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Báo cáo")))

    def report_form(self) -> ReportForm:
        units = units_for(self.request.user, "outreach.view")
        return ReportForm(self.request.GET, units=units)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.report_form()
        report = None
        if form.is_valid():
            unit, date_from, date_to = form.period()
            if unit is not None:
                report = selectors.outreach_report(unit=unit, date_from=date_from, date_to=date_to)
        elif request.GET:
            messages.error(
                request, _("Chưa lập được báo cáo: %(e)s") % {"e": form_errors_text(form)}
            )
        query = ""
        if report is not None:
            query = (
                f"unit={report.unit.code}&date_from={report.date_from:%Y-%m-%d}"
                f"&date_to={report.date_to:%Y-%m-%d}"
            )
        context = self.get_context_data(
            form=form,
            report=report,
            xlsx_url=f"{reverse('outreach_admin:report_xlsx')}?{query}",
            list_url=f"{reverse('outreach_admin:activities')}?{query}",
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


class ReportXlsxView(ReportView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.report_form()
        if not form.is_valid() or form.period()[0] is None:
            return super().get(request, *args, **kwargs)
        unit, date_from, date_to = form.period()
        report = selectors.outreach_report(unit=unit, date_from=date_from, date_to=date_to)
        name = f"bao-cao-pbgdpl-{unit.code}-{date_from:%Y%m%d}-{date_to:%Y%m%d}.xlsx"
        return _xlsx_response(exports.report_xlsx(report=report), name)
