"""Back-office screens of the indicators (Wagtail admin, under ``/admin/chi-tieu/``):
the survey figures of each commune per period (enter, submit; approve, return, lock;
unlock with a reason), the approver's queue, locking a whole period, and the satisfaction
surveys.

Who sees what: the communes of the units where the user holds "kpi.view" (a commune
officer: their commune only); typing in needs "kpi.enter", approving and locking
"kpi.approve", unlocking "kpi.unlock" (province administrators), surveys "kpi.surveys".
A commune the user may not see is "not found" (404). Views are thin: the services check
the permission again, audit, and give the messages shown here. Every change is a POST
ending in a redirect; a refusal shows the page again with what was typed.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from pbgdpl.core.models import AuditEvent
from pbgdpl.people.backoffice import PermissionCheckMixin, permission_denied_message, units_for
from pbgdpl.people.permissions import can, permitted_unit_paths
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit

from . import selectors, services
from .admin_forms import EntryForm, PeriodFilterForm, ReasonForm, SurveyForm, period_choices
from .models import EntryApproval, EntryState, Period, Survey
from .periods import PeriodError, period_get
from .services import KpiInputError, KpiStateError, SurveyInput

MENU_ACTIONS = ("kpi.view", "kpi.surveys")


# --------------------------------------------------------------------------- permission


def can_see_kpi_menu(user: Any) -> bool:
    return any(can(user, action) for action in MENU_ACTIONS)


def can_view(user: Any) -> bool:
    return can(user, "kpi.view")


def can_approve(user: Any) -> bool:
    return can(user, "kpi.approve")


def can_manage_surveys(user: Any) -> bool:
    return can(user, "kpi.surveys")


def _permission_message(exc: PermissionDenied) -> str:
    return permission_denied_message(exc, default=_("Bạn không có quyền làm việc này."))


def _crumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
        {"url": reverse("kpi_admin:entries"), "label": _("Chỉ tiêu, số liệu")},
    ]
    return crumbs + [{"url": url, "label": label} for url, label in items]


def communes_for(user: Any, action: str) -> QuerySet[Unit]:
    return units_for(user, action).exclude(kind__in=PROVINCE_LEVEL_KINDS).order_by("name")


def _default_period() -> str:
    return period_choices()[0][0]


def entry_url(unit: Unit, period: Period | str) -> str:
    code = period.code if isinstance(period, Period) else period
    return reverse("kpi_admin:entry", args=[unit.code, code])


STATE_BADGES = {
    EntryState.DRAFT: "",
    EntryState.SUBMITTED: "kpi-badge--wait",
    EntryState.APPROVED: "kpi-badge--ok",
    EntryState.LOCKED: "kpi-badge--lock",
}


# --------------------------------------------------------------------------- entries


class EntryListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The communes the user may see, with the state and figures of the chosen period."""

    permission_check = staticmethod(can_view)
    template_name = "kpi/admin/entries.html"
    page_title = gettext_lazy("Số liệu khảo sát của xã, phường")
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Số liệu khảo sát")))

    def get_header_buttons(self) -> list:
        buttons = []
        if can_approve(self.request.user):
            waiting = selectors.entries_queue(self.request.user).count()
            buttons.append(
                HeaderButton(
                    _("Chờ duyệt (%(n)s)") % {"n": waiting},
                    url=reverse("kpi_admin:queue"),
                    icon_name="tasks",
                )
            )
        return buttons

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        form = PeriodFilterForm(request.GET or None, states=list(EntryState.choices))
        form.fields["period"].initial = _default_period()
        if form.is_bound and not form.is_valid():
            messages.error(request, _("Bộ lọc không hợp lệ và đã được bỏ qua."))
        period = period_get(form.value("period") or _default_period())
        communes = list(communes_for(user, "kpi.view"))
        entries = {
            e.unit_id: e
            for e in EntryApproval.objects.filter(period=period, unit__in=communes).select_related(
                "entered_by", "approved_by"
            )
        }
        figures = selectors.entry_figures_many(units=communes, period=period)
        state = form.value("state")
        rows = []
        for unit in communes:
            entry = entries.get(unit.pk)
            unit_state = entry.state if entry else ""
            if state and unit_state != state:
                continue
            rows.append(
                {
                    "unit": unit,
                    "entry": entry,
                    "figures": figures.get(unit.pk, {}),
                    "badge": STATE_BADGES.get(unit_state, ""),
                    "url": entry_url(unit, period),
                }
            )
        counts = {value: 0 for value, _label in EntryState.choices}
        for entry in entries.values():
            counts[entry.state] += 1
        lock_units = [u for u in units_for(user, "kpi.approve") if u.kind in PROVINCE_LEVEL_KINDS]
        context = self.get_context_data(
            form=form,
            period=period,
            rows=rows,
            total=len(communes),
            empty_count=len(communes) - len(entries),
            state_counts=[
                {"value": v, "label": label, "count": counts[v]} for v, label in EntryState.choices
            ],
            lock_units=lock_units,
            can_approve=can_approve(user),
        )
        return self.render_to_response(context)


class EntryView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """One commune and period: its figures (a form while it may change), its state, the
    actions the user may take on it, and its history."""

    permission_check = staticmethod(can_view)
    template_name = "kpi/admin/entry.html"
    header_icon = "table"

    @cached_property
    def unit(self) -> Unit:
        unit = get_object_or_404(Unit, code=self.kwargs["code"])
        if not can(self.request.user, "kpi.view", unit) or unit.kind in PROVINCE_LEVEL_KINDS:
            raise Http404(_("Không tìm thấy xã, phường này."))
        return unit

    @cached_property
    def period(self) -> Period:
        try:
            return period_get(self.kwargs["period"])
        except PeriodError:
            raise Http404(_("Không có kỳ này.")) from None

    def get_page_title(self) -> str:
        return _("%(unit)s — %(period)s") % {"unit": self.unit.name, "period": self.period}

    def get_breadcrumbs_items(self) -> list[dict]:
        listing = reverse("kpi_admin:entries") + "?" + urlencode({"period": self.period.code})
        return _crumbs((listing, _("Số liệu khảo sát")), ("", self.get_page_title()))

    def entry(self) -> EntryApproval | None:
        return selectors.entry_get(unit=self.unit, period=self.period)

    def initial(self) -> dict[str, Any]:
        figures = selectors.entry_figures(unit=self.unit, period=self.period)
        entry = self.entry()
        return {
            **{k: "" if v is None else str(v) for k, v in figures.items()},
            "note": entry.note if entry else "",
        }

    def render_page(
        self,
        *,
        form: EntryForm | None = None,
        reason_form: ReasonForm | None = None,
        reason_op: str = "",
        status: int = 200,
    ) -> HttpResponse:
        user = self.request.user
        unit = self.unit
        entry = self.entry()
        state = entry.state if entry else ""
        frozen = entry is not None and entry.is_frozen
        may_enter = can(user, "kpi.enter", unit) and not frozen
        may_approve = can(user, "kpi.approve", unit)
        events = []
        if entry is not None:
            events = list(
                AuditEvent.objects.filter(
                    object_type="kpi.entryapproval", object_id=str(entry.pk)
                ).order_by("-seq")[:30]
            )
        context = self.get_context_data(
            unit=unit,
            period=self.period,
            entry=entry,
            state=state,
            badge=STATE_BADGES.get(state, ""),
            figures=selectors.entry_figures(unit=unit, period=self.period),
            form=form or (EntryForm(initial=self.initial()) if may_enter else None),
            may_enter=may_enter,
            may_submit=can(user, "kpi.enter", unit) and state == EntryState.DRAFT,
            may_approve=may_approve and state == EntryState.SUBMITTED,
            may_lock=may_approve and state in ("", EntryState.APPROVED),
            may_unlock=can(user, "kpi.unlock", unit) and frozen,
            reason_form=reason_form or ReasonForm(),
            reason_op=reason_op,
            events=events,
            event_labels=EVENT_LABELS,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        op = request.POST.get("op", "")
        handler = getattr(self, f"op_{op}", None) if op in OPS else None
        if handler is None:
            messages.error(request, _("Thao tác không hợp lệ."))
            return self.render_page(status=400)
        try:
            return handler(request)
        except PermissionDenied as exc:
            messages.error(request, f"{OPS[op]}: {_permission_message(exc)}")
            return self.render_page(status=403)
        except KpiStateError as exc:
            messages.error(request, f"{OPS[op]}: {exc}")
            return self.render_page(status=409)

    def _done(self, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect(entry_url(self.unit, self.period))

    def op_save(self, request: HttpRequest) -> HttpResponse:
        form = EntryForm(request.POST)
        form.is_valid()
        data = {name: request.POST.get(name, "") for name in ("sample", "reached", "satisfied")}
        try:
            services.entry_save(
                actor=request.user,
                unit=self.unit,
                period=self.period,
                note=request.POST.get("note", ""),
                **data,
            )
        except KpiInputError as exc:
            form.apply_errors(exc.errors)
            messages.error(request, _("Chưa lưu được số liệu: %(e)s") % {"e": exc})
            return self.render_page(form=form, status=400)
        return self._done(_("Đã lưu số liệu (đang nhập). Bấm “Gửi duyệt” khi đã soát xong."))

    def op_submit(self, request: HttpRequest) -> HttpResponse:
        services.entry_submit(actor=request.user, unit=self.unit, period=self.period)
        return self._done(_("Đã gửi số liệu để duyệt."))

    def op_approve(self, request: HttpRequest) -> HttpResponse:
        services.entry_approve(actor=request.user, unit=self.unit, period=self.period)
        return self._done(
            _(
                "Đã duyệt: số liệu được tính vào các chỉ tiêu (giá trị chỉ tiêu được cập nhật "
                "trong giây lát)."
            )
        )

    def op_lock(self, request: HttpRequest) -> HttpResponse:
        try:
            services.entry_lock(actor=request.user, unit=self.unit, period=self.period)
        except KpiInputError as exc:
            raise KpiStateError(str(exc)) from None
        return self._done(_("Đã khoá số liệu kỳ này."))

    def _with_reason(self, request: HttpRequest, op: str, service: Any, done: str) -> HttpResponse:
        form = ReasonForm(request.POST)
        form.is_valid()
        try:
            service(
                actor=request.user,
                unit=self.unit,
                period=self.period,
                reason=request.POST.get("reason", ""),
            )
        except KpiInputError as exc:
            form.apply_errors(exc.errors)
            messages.error(request, f"{OPS[op]}: {exc}")
            return self.render_page(reason_form=form, reason_op=op, status=400)
        return self._done(done)

    def op_return(self, request: HttpRequest) -> HttpResponse:
        return self._with_reason(
            request, "return", services.entry_return, _("Đã trả lại số liệu cho xã, phường.")
        )

    def op_unlock(self, request: HttpRequest) -> HttpResponse:
        return self._with_reason(
            request,
            "unlock",
            services.entry_unlock,
            _("Đã mở khoá: số liệu trở về trạng thái đang nhập và thôi được tính."),
        )


OPS = {
    "save": gettext_lazy("Chưa lưu được số liệu"),
    "submit": gettext_lazy("Chưa gửi duyệt được"),
    "approve": gettext_lazy("Chưa duyệt được"),
    "return": gettext_lazy("Chưa trả lại được"),
    "lock": gettext_lazy("Chưa khoá được"),
    "unlock": gettext_lazy("Chưa mở khoá được"),
}
EVENT_LABELS = {
    "kpi.entry.save": gettext_lazy("Nhập, sửa số liệu"),
    "kpi.entry.submit": gettext_lazy("Gửi duyệt"),
    "kpi.entry.return": gettext_lazy("Trả lại"),
    "kpi.entry.approve": gettext_lazy("Duyệt"),
    "kpi.entry.lock": gettext_lazy("Khoá"),
    "kpi.entry.unlock": gettext_lazy("Mở khoá"),
}


class QueueView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Submitted entries in the units where the user approves, the oldest first."""

    permission_check = staticmethod(can_approve)
    template_name = "kpi/admin/queue.html"
    page_title = gettext_lazy("Số liệu chờ duyệt")
    header_icon = "tasks"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Chờ duyệt")))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        entries = list(selectors.entries_queue(request.user)[:500])
        figures: dict[tuple[int, int], dict] = {}
        for period in {e.period for e in entries}:
            units = [e.unit for e in entries if e.period_id == period.pk]
            for unit_id, values in selectors.entry_figures_many(units=units, period=period).items():
                figures[(unit_id, period.pk)] = values
        rows = [
            {
                "entry": e,
                "figures": figures.get((e.unit_id, e.period_id), {}),
                "url": entry_url(e.unit, e.period),
                "own": request.user.pk in (e.entered_by_id, e.submitted_by_id),
            }
            for e in entries
        ]
        return self.render_to_response(self.get_context_data(rows=rows))


class LockPeriodView(PermissionCheckMixin, View):
    """POST: lock a period for every commune under a unit (approved or empty entries)."""

    permission_check = staticmethod(can_approve)
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        period_code = request.POST.get("period", "")
        back = reverse("kpi_admin:entries") + "?" + urlencode({"period": period_code})
        unit = Unit.objects.filter(code=request.POST.get("unit", "")).first()
        if unit is None:
            messages.error(request, _("Chưa khoá được: không tìm thấy đơn vị."))
            return redirect(back)
        try:
            report = services.entries_lock(actor=request.user, unit=unit, period=period_code)
        except KpiInputError as exc:
            messages.error(request, _("Chưa khoá được: %(e)s") % {"e": exc})
            return redirect(back)
        except PermissionDenied as exc:
            messages.error(request, _("Chưa khoá được: %(e)s") % {"e": _permission_message(exc)})
            return redirect(back)
        text = _("Đã khoá %(n)s xã, phường; %(a)s đã khoá từ trước.") % {
            "n": len(report.locked),
            "a": len(report.already),
        }
        if report.pending:
            names = ", ".join(u.name for u in report.pending[:10])
            more = "…" if len(report.pending) > 10 else ""
            text += " " + _("Chưa khoá %(n)s nơi còn số liệu chưa duyệt: %(names)s%(more)s.") % {
                "n": len(report.pending),
                "names": names,
                "more": more,
            }
            messages.warning(request, text)
        else:
            messages.success(request, text)
        return redirect(back)


# --------------------------------------------------------------------------- surveys


def _survey_crumbs(*items: tuple[str, str]) -> list[dict]:
    return _crumbs((reverse("kpi_admin:surveys"), _("Khảo sát hài lòng")), *items)


class SurveyListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_manage_surveys)
    template_name = "kpi/admin/surveys.html"
    page_title = gettext_lazy("Khảo sát mức độ hài lòng")
    header_icon = "pick"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Khảo sát hài lòng")))

    def get_header_buttons(self) -> list:
        return [
            HeaderButton(
                _("Thêm khảo sát"), url=reverse("kpi_admin:survey_create"), icon_name="plus"
            )
        ]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        paths = permitted_unit_paths(request.user, "kpi.surveys")
        surveys = Survey.objects.select_related("unit").annotate(answers=Count("responses"))
        if paths is not None:
            condition = Q()
            for path in paths:
                condition |= Q(unit__path__startswith=path)
            surveys = surveys.filter(condition) if paths else surveys.none()
        rows = [{"survey": s, "summary": selectors.survey_summary(s)} for s in surveys]
        return self.render_to_response(self.get_context_data(rows=rows))


class SurveyFormView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_manage_surveys)
    template_name = "kpi/admin/survey_form.html"
    header_icon = "pick"

    @cached_property
    def survey(self) -> Survey | None:
        if "pk" not in self.kwargs:
            return None
        survey = get_object_or_404(Survey.objects.select_related("unit"), pk=self.kwargs["pk"])
        if not can(self.request.user, "kpi.surveys", survey.unit):
            raise Http404
        return survey

    def get_page_title(self) -> str:
        return self.survey.title if self.survey else _("Thêm khảo sát")

    def get_breadcrumbs_items(self) -> list[dict]:
        return _survey_crumbs(("", self.get_page_title()))

    def unit_choices(self) -> list[tuple[str, str]]:
        return [(u.code, u.name) for u in units_for(self.request.user, "kpi.surveys")]

    def render_page(self, form: SurveyForm, *, status: int = 200) -> HttpResponse:
        summary = selectors.survey_summary(self.survey) if self.survey else None
        public_url = reverse("kpi:survey", args=[self.survey.slug]) if self.survey else ""
        context = self.get_context_data(
            form=form, survey=self.survey, summary=summary, public_url=public_url
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        survey = self.survey
        if survey is None:
            initial = {"sampling_rate": "1", "active": True, "ask_unit": True, "context": "portal"}
        else:
            initial = {
                "title": survey.title,
                "slug": survey.slug,
                "context": survey.context,
                "question": survey.question,
                "intro": survey.intro,
                "unit": survey.unit.code,
                "sampling_rate": str(survey.sampling_rate.normalize()),
                "active": survey.active,
                "ask_unit": survey.ask_unit,
            }
        return self.render_page(SurveyForm(initial=initial, units=self.unit_choices()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = SurveyForm(request.POST, units=self.unit_choices())
        form.is_valid()
        data = SurveyInput(
            slug=request.POST.get("slug", ""),
            title=request.POST.get("title", ""),
            context=request.POST.get("context", ""),
            question=request.POST.get("question", ""),
            intro=request.POST.get("intro", ""),
            unit=request.POST.get("unit", ""),
            sampling_rate=request.POST.get("sampling_rate", ""),
            active=bool(request.POST.get("active")),
            ask_unit=bool(request.POST.get("ask_unit")),
        )
        try:
            survey = services.survey_save(actor=request.user, data=data, survey=self.survey)
        except KpiInputError as exc:
            form.apply_errors(exc.errors)
            messages.error(request, _("Chưa lưu được khảo sát: %(e)s") % {"e": exc})
            return self.render_page(form, status=400)
        except PermissionDenied as exc:
            messages.error(
                request, _("Chưa lưu được khảo sát: %(e)s") % {"e": _permission_message(exc)}
            )
            return self.render_page(form, status=403)
        messages.success(request, _("Đã lưu khảo sát “%(t)s”.") % {"t": survey.title})
        return redirect(reverse("kpi_admin:survey", args=[survey.pk]))
