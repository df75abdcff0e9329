"""Back-office screens of training (Wagtail admin, under ``/admin/training/``): the
personnel registry (list, add, edit, move, status, XLSX in and out), courses (edit,
modules, publish), sessions, enrolment, attendance (tick list, XLSX in and out),
completion and the training indicators.

Views are thin: forms (:mod:`.admin_forms`) shape the input, the services write (each
checks the permission again and audits), the selectors read. Who sees what:

- the registry: people of the units where the user holds "training.view" or
  "training.registry"; any other person is "not found" (404); changes need
  "training.registry" on the person's unit (a move: on both units);
- courses: see :mod:`.selectors.backoffice` — those of the user's units, and the
  published ones organised above them; editing a course, its modules and sessions
  needs "training.manage" on the course's unit (else 403);
- learners, attendance and completion: the learners of the user's units (all of them
  with the action on the course's unit); a learner outside is "not found".

Every change is a POST (CSRF-protected). A change that succeeds ends in a redirect; one
the services refuse shows the page again with what was typed and the services' message.
A form that writes several rows (attendance, completion) is one transaction: one refusal
and nothing is stored.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from pbgdpl.contests.models import Item, ItemStatus
from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold
from pbgdpl.laws.models import LegalField
from pbgdpl.people.backoffice import (
    PermissionCheckMixin,
    permission_denied_message,
    units_for,
)
from pbgdpl.people.backoffice_forms import errors_to_form, form_errors_text
from pbgdpl.people.identifiers import email_masked, phone_masked
from pbgdpl.people.permissions import can, filter_permitted

from . import attendance_io, registry_io, services
from .admin_forms import (
    AttendanceImportForm,
    CompletionForm,
    CourseForm,
    EnrolForm,
    ModuleForm,
    PersonFilterForm,
    PersonForm,
    PersonMoveForm,
    PersonStatusForm,
    PublishForm,
    RegistryImportForm,
    SessionForm,
    StatsForm,
)
from .models import (
    Course,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleKind,
    Person,
    PersonStatus,
    Session,
)
from .selectors import STATS_DEFINITIONS, people_visible, person_history, training_stats
from .selectors.backoffice import (
    ACTIVE_ENROLMENT,
    course_learners,
    course_sessions,
    courses_visible,
    enrol_candidates,
    enrolments_in_scope,
    learners_scope,
    people_filtered,
    session_attendance,
)
from .services import TrainingInputError, catalogue

REGISTRY_PAGE_SIZE = 50
COURSES_PAGE_SIZE = 50
CANDIDATES_MAX = 100
ITEM_CANDIDATES_MAX = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
VIEW_ACTIONS = ("training.view", "training.registry")
COURSE_ACTIONS = ("training.manage", "training.view")


# --------------------------------------------------------------------------- permission


def can_see_menu(user: Any) -> bool:
    """Whether the "Bồi dưỡng" menu is shown: any training action anywhere."""
    return any(can(user, a) for a in ("training.view", "training.registry", "training.manage"))


def can_view_registry(user: Any) -> bool:
    return any(can(user, action) for action in VIEW_ACTIONS)


def can_edit_registry(user: Any) -> bool:
    return can(user, "training.registry")


def can_see_courses(user: Any) -> bool:
    return any(can(user, action) for action in COURSE_ACTIONS)


def can_manage(user: Any) -> bool:
    return can(user, "training.manage")


def can_see_stats(user: Any) -> bool:
    return can_see_courses(user) or can_view_registry(user)


def _permission_message(exc: PermissionDenied) -> str:
    return permission_denied_message(exc, default=_("Bạn không có quyền làm việc này."))


def _errors_text(exc: TrainingInputError) -> str:
    return " ".join(dict.fromkeys(exc.errors.values()))


def form_write(
    request: HttpRequest,
    form: Any,
    *,
    title: str,
    write: Any,
    show: Any,
    aliases: dict | None = None,
) -> tuple[Any, HttpResponse | None]:
    """Validate ``form`` and call ``write()``: (its result, None), or (None, the page shown
    again by ``show(form, status=…)``) with the form's own errors, the services' refusals
    on their fields, or a refused permission (403) — each also said in a message headed
    ``title``."""
    if not form.is_valid():
        messages.error(request, f"{title}: {form_errors_text(form)}")
        return None, show(form)
    try:
        return write(), None
    except TrainingInputError as exc:
        errors_to_form(form, exc.errors, aliases=aliases)
        messages.error(request, f"{title}: {_errors_text(exc)}")
        return None, show(form)
    except PermissionDenied as exc:
        messages.error(request, f"{title}: {_permission_message(exc)}")
        return None, show(form, status=403)


def _crumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [{"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")}]
    return crumbs + [{"url": url, "label": label} for url, label in items]


def _registry_crumbs(*items: tuple[str, str]) -> list[dict]:
    return _crumbs((reverse("training_admin:people"), _("Người làm công tác PBGDPL")), *items)


def _course_crumbs(*items: tuple[str, str]) -> list[dict]:
    return _crumbs((reverse("training_admin:courses"), _("Khoá bồi dưỡng")), *items)


def certificate_url(code: str) -> str:
    """The public page of a training certificate, "" when there is none (yet)."""
    if not code:
        return ""
    try:
        return reverse("training:certificate", args=[code])
    except NoReverseMatch:
        return ""


def _xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --------------------------------------------------------------------------- registry


def _person_url(person: Person, anchor: str = "") -> str:
    return reverse("training_admin:person", args=[person.pk]) + (f"#{anchor}" if anchor else "")


class PersonListMixin:
    request: HttpRequest

    def filter_form(self) -> tuple[PersonFilterForm, QuerySet[Person]]:
        user = self.request.user
        base = people_visible(user)
        form = PersonFilterForm(self.request.GET or None, units=units_for(user, VIEW_ACTIONS))
        if form.is_bound and not form.is_valid():
            messages.error(self.request, _("Một số bộ lọc không hợp lệ và đã được bỏ qua."))
        people = people_filtered(
            base,
            unit=form.value("unit"),
            role=form.value("role") or "",
            status=form.value("status") or "",
            text=form.value("q") or "",
        )
        return form, people


class PersonListView(PersonListMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The registry as the user may see it: filters, counts, pagination, XLSX."""

    permission_check = staticmethod(can_view_registry)
    template_name = "training/admin/people.html"
    page_title = gettext_lazy("Người làm công tác phổ biến, giáo dục pháp luật")
    header_icon = "group"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Người làm công tác PBGDPL")))

    def get_header_buttons(self) -> list:
        if not can_edit_registry(self.request.user):
            return []
        return [
            HeaderButton(
                _("Thêm người"), url=reverse("training_admin:person_create"), icon_name="plus"
            ),
            HeaderButton(
                _("Nhập từ Excel"), url=reverse("training_admin:people_import"), icon_name="upload"
            ),
        ]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, people = self.filter_form()
        people = people.select_related("unit").order_by("full_name", "pk")
        page = Paginator(people, REGISTRY_PAGE_SIZE).get_page(request.GET.get("p"))
        filters = request.GET.copy()
        filters.pop("p", None)
        counts = dict(
            people_visible(request.user).order_by().values_list("status").annotate(n=Count("pk"))
        )
        rows = [
            {
                "person": person,
                "phone": phone_masked(person.phone),
                "email": email_masked(person.email),
            }
            for person in page.object_list
        ]
        context = self.get_context_data(
            form=form,
            page=page,
            rows=rows,
            status_counts=[
                {"value": value, "label": label, "count": counts.get(value, 0)}
                for value, label in PersonStatus.choices
            ],
            filter_query=filters.urlencode(),
            filtered=bool(filters),
            export_url=f"{reverse('training_admin:people_export')}?{filters.urlencode()}",
        )
        return self.render_to_response(context)


class PersonExportView(PersonListMixin, PermissionCheckMixin, View):
    """The people of the current filter as XLSX (the import's own format); audited."""

    permission_check = staticmethod(can_view_registry)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _form, people = self.filter_form()
        people = people.order_by("unit__path", "full_name", "pk")
        with transaction.atomic():
            audit_record(
                action="training.registry.export",
                actor=request.user,
                object_type="training.person",
                object_id="",
                object_repr=_("Xuất danh sách ra tệp XLSX"),
                data={"count": people.count(), "filters": request.GET.urlencode()[:500]},
            )
        content = registry_io.registry_export_xlsx(people=people)
        return _xlsx_response(content, f"danh-sach-pbgdpl-{timezone.localdate():%Y%m%d}.xlsx")


class RegistryTemplateView(PermissionCheckMixin, View):
    """A blank import template (headers, drop-downs, guide)."""

    permission_check = staticmethod(can_edit_registry)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        content = registry_io.registry_export_xlsx(people=[])
        return _xlsx_response(content, "mau-danh-sach-pbgdpl.xlsx")


class RegistryImportView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Upload an XLSX of people: "Kiểm tra" checks every row and lists who would be
    added; "Nhập" adds them when no row has an error (else nothing is stored)."""

    permission_check = staticmethod(can_edit_registry)
    template_name = "training/admin/people_import.html"
    page_title = gettext_lazy("Nhập danh sách từ Excel")
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _registry_crumbs(("", _("Nhập từ Excel")))

    def render_page(self, form: Any, *, report: Any = None, status: int = 200) -> HttpResponse:
        context = self.get_context_data(form=form, report=report)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(RegistryImportForm())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = RegistryImportForm(request.POST, request.FILES)
        dry_run = request.POST.get("thao_tac") != "nhap"
        title = _("Chưa nhập được")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(form)
        try:
            report = registry_io.registry_import_xlsx(
                actor=request.user, file=form.cleaned_data["file"], dry_run=dry_run
            )
        except TrainingInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(request, f"{title}: {_errors_text(exc)}")
            return self.render_page(form)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form, status=403)
        if report.errors:
            messages.error(
                request,
                _("Tệp có %(n)s lỗi: chưa người nào được lưu. Hãy sửa tệp rồi kiểm tra lại.")
                % {"n": len(report.errors)},
            )
        elif report.dry_run:
            messages.success(
                request,
                _("Tệp hợp lệ: sẽ thêm %(n)s người. Chọn lại tệp và bấm “Nhập” để lưu.")
                % {"n": report.created},
            )
        else:
            messages.success(
                request, _("Đã nhập %(n)s người vào danh sách.") % {"n": len(report.person_ids)}
            )
            return redirect(reverse("training_admin:people"))
        return self.render_page(RegistryImportForm(), report=report)


class PersonCreateView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_edit_registry)
    template_name = "training/admin/person_form.html"
    page_title = gettext_lazy("Thêm người vào danh sách")
    header_icon = "plus"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _registry_crumbs(("", _("Thêm người")))

    def make_form(self, data: Any = None) -> PersonForm:
        return PersonForm(data, units=units_for(self.request.user, ("training.registry",)))

    def render_page(self, form: PersonForm, *, status: int = 200) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form, person=None), status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        title = _("Chưa lưu được")

        def write() -> Any:
            return services.person_create(actor=request.user, data=form.person_input())

        person, refused = form_write(request, form, title=title, write=write, show=self.render_page)
        if refused is not None:
            return refused
        messages.success(request, _("Đã thêm %(name)s vào danh sách.") % {"name": person.full_name})
        return redirect(_person_url(person))


class PersonMixin:
    """Finds the person of the URL among those the user may see (any other: 404)."""

    kwargs: dict
    request: HttpRequest

    @cached_property
    def person(self) -> Person:
        return get_object_or_404(people_visible(self.request.user), pk=self.kwargs["pk"])

    def require_edit(self) -> None:
        if not can(self.request.user, "training.registry", self.person):
            raise PermissionDenied


class PersonView(PersonMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """A person: details, history of units, status, courses; move and status forms.
    Each look at a person's details is audited."""

    permission_check = staticmethod(can_view_registry)
    template_name = "training/admin/person.html"
    header_icon = "user"

    def get_page_title(self) -> str:
        return self.person.full_name

    def get_breadcrumbs_items(self) -> list[dict]:
        return _registry_crumbs(("", self.person.full_name))

    def move_units(self) -> QuerySet:
        return units_for(self.request.user, ("training.registry",)).exclude(pk=self.person.unit_id)

    def render_page(
        self,
        *,
        move_form: PersonMoveForm | None = None,
        status_form: PersonStatusForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        person, user = self.person, self.request.user
        edit = can(user, "training.registry", person)
        if edit:
            move_form = move_form or PersonMoveForm(units=self.move_units())
            status_form = status_form or PersonStatusForm(initial={"status": person.status})
        enrolments = (
            Enrolment.objects.filter(person=person)
            .select_related("course", "course__unit", "certificate")
            .order_by("-created_at")
        )
        visible_courses = set(courses_visible(user).values_list("pk", flat=True))
        context = self.get_context_data(
            person=person,
            edit=edit,
            history=person_history(person),
            fields=sorted(person.legal_fields.all(), key=lambda f: fold(f.name)),
            enrolments=[
                {
                    "enrolment": e,
                    "visible": e.course_id in visible_courses,
                    "certificate_url": certificate_url(_certificate_code(e)),
                }
                for e in enrolments
            ],
            move_form=move_form if edit else None,
            status_form=status_form if edit else None,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with transaction.atomic():
            audit_record(action="training.person.view", obj=self.person, actor=request.user)
        return self.render_page()


def _certificate_code(enrolment: Enrolment) -> str:
    try:
        return enrolment.certificate.code
    except Exception:  # no certificate
        return ""


class PersonMoveView(PersonView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_edit()
        form = PersonMoveForm(request.POST, units=self.move_units())
        title = _("Chưa chuyển được đơn vị")

        def write() -> Any:
            return services.person_move(
                actor=request.user,
                person=self.person,
                unit=form.cleaned_data["unit"],
                on=form.cleaned_data["on"],
                reason=form.cleaned_data.get("reason") or "",
            )

        person, refused = form_write(
            request,
            form,
            title=title,
            write=write,
            show=lambda f, status=200: self.render_page(move_form=f, status=status),
        )
        if refused is not None:
            return refused
        messages.success(
            request,
            _("Đã chuyển %(name)s đến %(unit)s từ %(on)s.")
            % {
                "name": person.full_name,
                "unit": person.unit.name,
                "on": form.cleaned_data["on"].strftime("%d/%m/%Y"),
            },
        )
        if not people_visible(request.user).filter(pk=person.pk).exists():
            return redirect(reverse("training_admin:people"))
        return redirect(_person_url(person, "lich-su"))


class PersonStatusView(PersonView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_edit()
        form = PersonStatusForm(request.POST)
        title = _("Chưa đổi được trạng thái")

        def write() -> Any:
            return services.person_set_status(
                actor=request.user,
                person=self.person,
                status=form.cleaned_data["status"],
                since=form.cleaned_data["since"],
            )

        person, refused = form_write(
            request,
            form,
            title=title,
            write=write,
            show=lambda f, status=200: self.render_page(status_form=f, status=status),
            aliases={"status_since": "since"},
        )
        if refused is not None:
            return refused
        messages.success(
            request,
            _("Trạng thái của %(name)s: %(status)s từ %(since)s.")
            % {
                "name": person.full_name,
                "status": person.get_status_display(),
                "since": person.status_since.strftime("%d/%m/%Y"),
            },
        )
        return redirect(_person_url(person))


class PersonEditView(PersonMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_edit_registry)
    template_name = "training/admin/person_form.html"
    header_icon = "edit"

    def get_page_title(self) -> str:
        return _("Sửa thông tin: %(name)s") % {"name": self.person.full_name}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _registry_crumbs(
            (_person_url(self.person), self.person.full_name), ("", _("Sửa thông tin"))
        )

    def render_page(self, form: PersonForm, *, status: int = 200) -> HttpResponse:
        context = self.get_context_data(form=form, person=self.person)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_edit()
        return self.render_page(PersonForm(person=self.person))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_edit()
        form = PersonForm(request.POST, person=self.person)
        title = _("Chưa lưu được")

        def write() -> Any:
            return services.person_update(
                actor=request.user, person=self.person, data=form.person_input()
            )

        person, refused = form_write(request, form, title=title, write=write, show=self.render_page)
        if refused is not None:
            return refused
        messages.success(request, _("Đã lưu thông tin của %(name)s.") % {"name": person.full_name})
        return redirect(_person_url(person))


# --------------------------------------------------------------------------- courses


def _course_url(course: Course, anchor: str = "") -> str:
    return reverse("training_admin:course", args=[course.pk]) + (f"#{anchor}" if anchor else "")


def _learners_url(course: Course, anchor: str = "") -> str:
    url = reverse("training_admin:learners", args=[course.pk])
    return url + (f"#{anchor}" if anchor else "")


class CourseListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_see_courses)
    template_name = "training/admin/courses.html"
    page_title = gettext_lazy("Khoá bồi dưỡng")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Khoá bồi dưỡng")))

    def get_header_buttons(self) -> list:
        if not can_manage(self.request.user):
            return []
        return [
            HeaderButton(
                _("Tạo khoá bồi dưỡng"),
                url=reverse("training_admin:course_create"),
                icon_name="plus",
            )
        ]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        courses = (
            courses_visible(request.user)
            .select_related("unit")
            .annotate(
                module_count=Count("modules", distinct=True),
                session_count=Count("sessions", distinct=True),
            )
            .order_by("-created_at", "-pk")
        )
        page = Paginator(courses, COURSES_PAGE_SIZE).get_page(request.GET.get("p"))
        rows = []
        for course in page.object_list:
            scope = learners_scope(request.user, course).filter(status__in=ACTIVE_ENROLMENT)
            rows.append(
                {
                    "course": course,
                    "enrolled": scope.count(),
                    "completed": scope.filter(status=EnrolmentStatus.COMPLETED).count(),
                    "manage": can(request.user, "training.manage", course),
                }
            )
        context = self.get_context_data(page=page, rows=rows, filter_query="")
        return self.render_to_response(context)


class CourseMixin:
    """Finds the course of the URL among the user's courses (any other: 404)."""

    kwargs: dict
    request: HttpRequest
    course_kwarg = "pk"

    @cached_property
    def course(self) -> Course:
        return get_object_or_404(
            courses_visible(self.request.user).select_related("unit"),
            pk=self.kwargs[self.course_kwarg],
        )

    @property
    def manage(self) -> bool:
        return can(self.request.user, "training.manage", self.course)

    def require_manage(self) -> None:
        if not self.manage:
            raise PermissionDenied


class CourseView(CourseMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """A course: its facts, publication (or what keeps it closed), modules, sessions."""

    permission_check = staticmethod(can_see_courses)
    template_name = "training/admin/course.html"
    header_icon = "clipboard-list"

    def get_page_title(self) -> str:
        return self.course.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return _course_crumbs(("", self.course.title))

    def render_page(self, *, status: int = 200, publish_error: str = "") -> HttpResponse:
        course, user = self.course, self.request.user
        modules = list(
            course.modules.order_by("position").annotate(item_count=Count("items", distinct=True))
        )
        for module in modules:
            module.summary = text_summary(module.body)
        scope = learners_scope(user, course)
        sessions = course_sessions(course, scope)
        context = self.get_context_data(
            course=course,
            manage=self.manage,
            modules=modules,
            sessions=sessions,
            prerequisites=list(course.prerequisites.order_by("title")),
            audience_labels=[label for value, label in _role_choices() if value in course.audience],
            problems=catalogue.course_publish_problems(course) if not course.published else [],
            frozen=catalogue.course_frozen_reason(course),
            publish_error=publish_error,
            enrolled=scope.filter(status__in=ACTIVE_ENROLMENT).count(),
            completed=scope.filter(status=EnrolmentStatus.COMPLETED).count(),
            has_sessions=course.mode != CourseMode.ONLINE or bool(sessions),
            can_enrol=can(user, "training.manage"),
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


def text_summary(html: str, length: int = 90) -> str:
    """The text of rich text for a table cell: tags out, words kept apart, shortened."""
    text = " ".join(strip_tags((html or "").replace("<", " <")).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _role_choices() -> list[tuple[str, str]]:
    from .models import PersonRole

    return list(PersonRole.choices)


class CoursePublishView(CourseView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        form = PublishForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Thao tác không hợp lệ."))
            return self.render_page(status=400)
        published = form.cleaned_data["published"]
        title = _("Chưa mở đăng ký được") if published else _("Chưa đóng đăng ký được")
        try:
            catalogue.course_publish(actor=request.user, course=self.course, published=published)
        except TrainingInputError as exc:
            messages.error(request, f"{title}: {_errors_text(exc)}")
            return self.render_page(status=409, publish_error=_errors_text(exc))
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        if published:
            messages.success(request, _("Khoá bồi dưỡng đã mở đăng ký."))
        else:
            messages.success(request, _("Đã đóng đăng ký: không ghi danh thêm được."))
        return redirect(_course_url(self.course))


class CourseFormView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Create (no ``pk``) or edit a course."""

    permission_check = staticmethod(can_manage)
    template_name = "training/admin/course_form.html"
    header_icon = "clipboard-list"

    @cached_property
    def course(self) -> Course | None:
        if "pk" not in self.kwargs:
            return None
        course = get_object_or_404(
            courses_visible(self.request.user).select_related("unit"), pk=self.kwargs["pk"]
        )
        if not can(self.request.user, "training.manage", course):
            raise PermissionDenied
        return course

    def get_page_title(self) -> str:
        return _("Sửa khoá bồi dưỡng") if self.course else _("Tạo khoá bồi dưỡng")

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.course:
            return _course_crumbs((_course_url(self.course), self.course.title), ("", _("Sửa")))
        return _course_crumbs(("", _("Tạo khoá")))

    def make_form(self, data: Any = None) -> CourseForm:
        user = self.request.user
        units = units_for(user, ("training.manage",))
        if self.course is not None:
            units = units.model.objects.filter(
                Q(pk__in=units.values("pk")) | Q(pk=self.course.unit_id)
            ).order_by("depth", "name")
        return CourseForm(data, units=units, courses=courses_visible(user), course=self.course)

    def render_page(self, form: CourseForm, *, status: int = 200) -> HttpResponse:
        course = self.course
        context = self.get_context_data(
            form=form,
            course=course,
            frozen=catalogue.course_frozen_reason(course) if course else "",
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        title = _("Chưa lưu được khoá bồi dưỡng")

        def write() -> Any:
            if self.course is None:
                return catalogue.course_create(actor=request.user, data=form.course_input())
            else:
                return catalogue.course_update(
                    actor=request.user, course=self.course, data=form.course_input()
                )

        course, refused = form_write(request, form, title=title, write=write, show=self.render_page)
        if refused is not None:
            return refused
        messages.success(request, _("Đã lưu khoá “%(title)s”.") % {"title": course.title})
        return redirect(_course_url(course))


# --------------------------------------------------------------------------- modules


def _items_matching(text: str, field_code: str) -> QuerySet[Item]:
    """Approved bank items whose text (folded) contains ``text``, of one legal field."""
    items = Item.objects.filter(status=ItemStatus.APPROVED)
    if field_code:
        items = items.filter(legal_field__code=field_code)
    text = (text or "").strip()
    if text:
        folded = fold(text)
        number = text.lstrip("#")
        matches = [pk for pk, stem in items.values_list("pk", "stem") if folded in fold(stem)]
        if number.isdigit():
            matches.append(int(number))
        items = items.filter(pk__in=matches)
    return items


class ModuleFormView(CourseMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Add (no ``module``) or edit a module. The quiz questions are ticked among the
    approved items; "Tìm câu hỏi" narrows the list without saving anything."""

    permission_check = staticmethod(can_manage)
    template_name = "training/admin/module_form.html"
    header_icon = "doc-full"

    @cached_property
    def module(self) -> Module | None:
        if "module" not in self.kwargs:
            return None
        return get_object_or_404(Module, pk=self.kwargs["module"], course=self.course)

    def get_page_title(self) -> str:
        if self.module:
            return _("Sửa học phần: %(title)s") % {"title": self.module.title}
        return _("Thêm học phần")

    def get_breadcrumbs_items(self) -> list[dict]:
        label = self.module.title if self.module else _("Thêm học phần")
        return _course_crumbs((_course_url(self.course), self.course.title), ("", label))

    def item_queryset(self) -> QuerySet[Item]:
        approved = Item.objects.filter(status=ItemStatus.APPROVED)
        if self.module is not None:  # kept items stay valid even if retired since
            return Item.objects.filter(
                Q(pk__in=approved.values("pk")) | Q(pk__in=self.module.items.values("pk"))
            )
        return approved

    def render_page(self, form: ModuleForm, *, status: int = 200) -> HttpResponse:
        search = self.request.POST if self.request.method == "POST" else self.request.GET
        text = (search.get("tim_cau_hoi") or "").strip()[:100]
        field_code = (search.get("linh_vuc") or "").strip()[:60]
        if form.is_bound:
            chosen_ids = [int(v) for v in form.data.getlist("items") if str(v).isdigit()]
        else:
            chosen_ids = list(form.initial.get("items") or [])
        chosen = list(
            Item.objects.filter(pk__in=chosen_ids).select_related("legal_field").order_by("pk")
        )
        candidates = (
            _items_matching(text, field_code)
            .exclude(pk__in=chosen_ids)
            .select_related("legal_field")
            .order_by("legal_field__name", "pk")
        )
        context = self.get_context_data(
            course=self.course,
            module=self.module,
            form=form,
            chosen_items=chosen,
            candidates=list(candidates[:ITEM_CANDIDATES_MAX]),
            candidate_count=candidates.count(),
            candidates_max=ITEM_CANDIDATES_MAX,
            search_text=text,
            search_field=field_code,
            legal_fields=LegalField.objects.order_by("name"),
            frozen=catalogue.course_frozen_reason(self.course),
            document_name=(self.module.document.name.rsplit("/", 1)[-1])
            if self.module and self.module.document
            else "",
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        initial = None if self.module else {"kind": ModuleKind.LESSON}
        kwargs = {"initial": initial} if initial else {}
        return self.render_page(
            ModuleForm(items=self.item_queryset(), module=self.module, **kwargs)
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        if request.POST.get("thao_tac") == "tim":
            # Only narrow the list of questions: the form comes back as typed, unsaved.
            initial = {
                "title": request.POST.get("title", ""),
                "kind": request.POST.get("kind", ""),
                "body": request.POST.get("body", ""),
                "video_url": request.POST.get("video_url", ""),
                "items": [int(v) for v in request.POST.getlist("items") if v.isdigit()],
            }
            form = ModuleForm(items=self.item_queryset(), initial=initial)
            return self.render_page(form)
        form = ModuleForm(request.POST, request.FILES, items=self.item_queryset())
        title = _("Chưa lưu được học phần")

        def write() -> Any:
            if self.module is None:
                return catalogue.module_add(
                    actor=request.user, course=self.course, data=form.module_input()
                )
            else:
                return catalogue.module_update(
                    actor=request.user, module=self.module, data=form.module_input()
                )

        module, refused = form_write(
            request,
            form,
            title=title,
            write=write,
            show=self.render_page,
            aliases={"course": None, "module": None},
        )
        if refused is not None:
            return refused
        messages.success(request, _("Đã lưu học phần “%(title)s”.") % {"title": module.title})
        return redirect(_course_url(self.course, "hoc-phan"))


class ModuleActionView(CourseView):
    """POST on one module: move up/down (``vi_tri``) or delete."""

    http_method_names = ["post"]
    operation = ""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        module = get_object_or_404(Module, pk=self.kwargs["module"], course=self.course)
        try:
            if self.operation == "move":
                position = request.POST.get("vi_tri", "")
                if not position.lstrip("-").isdigit():
                    messages.error(request, _("Vị trí không hợp lệ."))
                    return self.render_page(status=400)
                catalogue.module_move(actor=request.user, module=module, position=int(position))
                messages.success(request, _("Đã đổi thứ tự học phần."))
            else:
                catalogue.module_delete(actor=request.user, module=module)
                messages.success(
                    request, _("Đã xoá học phần “%(title)s”.") % {"title": module.title}
                )
        except TrainingInputError as exc:
            messages.error(request, _("Chưa thực hiện được: %(e)s") % {"e": _errors_text(exc)})
            return self.render_page(status=409)
        except PermissionDenied as exc:
            message = _permission_message(exc)
            messages.error(request, _("Chưa thực hiện được: %(e)s") % {"e": message})
            return self.render_page(status=403)
        return redirect(_course_url(self.course, "hoc-phan"))


class ModuleMoveView(ModuleActionView):
    operation = "move"


class ModuleDeleteView(ModuleActionView):
    operation = "delete"


# --------------------------------------------------------------------------- sessions


class SessionCreateView(CourseMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_manage)
    template_name = "training/admin/session_form.html"
    page_title = gettext_lazy("Thêm buổi học")
    header_icon = "date"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _course_crumbs(
            (_course_url(self.course), self.course.title), ("", _("Thêm buổi học"))
        )

    def render_page(self, form: SessionForm, *, status: int = 200) -> HttpResponse:
        context = self.get_context_data(course=self.course, form=form)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        initial = {"online": self.course.mode == CourseMode.ONLINE}
        return self.render_page(SessionForm(initial=initial))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        form = SessionForm(request.POST)
        title = _("Chưa lưu được buổi học")

        def write() -> Any:
            return services.session_add(
                actor=request.user, course=self.course, data=form.session_input()
            )

        _result, refused = form_write(
            request, form, title=title, write=write, show=self.render_page
        )
        if refused is not None:
            return refused
        messages.success(request, _("Đã thêm buổi học."))
        return redirect(_course_url(self.course, "buoi-hoc"))


# --------------------------------------------------------------------------- learners


class LearnersView(CourseMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The learners of a course in the user's scope with their progress; enrol people
    or a whole unit; withdraw; confirm completion for attendees."""

    permission_check = staticmethod(can_see_courses)
    template_name = "training/admin/learners.html"
    header_icon = "group"

    def get_page_title(self) -> str:
        return _("Học viên: %(title)s") % {"title": self.course.title}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _course_crumbs((_course_url(self.course), self.course.title), ("", _("Học viên")))

    @cached_property
    def managed(self) -> QuerySet[Enrolment]:
        """The enrolments whose learners the user may act on."""
        return enrolments_in_scope(self.request.user, self.course, "training.manage")

    def enrol_people_pool(self) -> QuerySet[Person]:
        return filter_permitted(self.request.user, "training.manage", Person.objects.all())

    def completable(self) -> list[int]:
        """Enrolments the completion form offers: learners in scope, not withdrawn nor
        completed, who attended a session (offline and blended courses)."""
        if self.course.mode == CourseMode.ONLINE:
            return []
        return list(
            self.managed.filter(status=EnrolmentStatus.ENROLLED, attendance__present=True)
            .values_list("pk", flat=True)
            .distinct()
        )

    def render_page(
        self,
        *,
        enrol_report: Any = None,
        completion_form: CompletionForm | None = None,
        refusals: list[str] | None = None,
        status: int = 200,
    ) -> HttpResponse:
        user, course = self.request.user, self.course
        rows = course_learners(learners_scope(user, course))
        managed_ids = set(self.managed.values_list("pk", flat=True))
        completable = self.completable()
        text = (self.request.GET.get("tim") or "").strip()[:100]
        unit_code = (self.request.GET.get("don_vi_loc") or "").strip()[:20]
        enrol_units = units_for(user, ("training.manage",))
        candidates = enrol_candidates(course, self.enrol_people_pool())
        if unit_code:
            unit = enrol_units.filter(code=unit_code).first()
            candidates = people_filtered(candidates, unit=unit) if unit else candidates.none()
        if text:
            candidates = people_filtered(candidates, text=text)
        can_enrol = can(user, "training.manage") and course.published
        context = self.get_context_data(
            course=course,
            rows=[
                {
                    "row": row,
                    "manage": row.enrolment.pk in managed_ids,
                    "completable": row.enrolment.pk in completable,
                    "certificate_url": certificate_url(row.certificate_code),
                }
                for row in rows
            ],
            online=course.mode == CourseMode.ONLINE,
            can_enrol=can_enrol,
            enrol_units=enrol_units,
            candidates=list(candidates[:CANDIDATES_MAX]) if can_enrol else [],
            candidate_count=candidates.count() if can_enrol else 0,
            candidates_max=CANDIDATES_MAX,
            search_text=text,
            search_unit=unit_code,
            enrol_report=enrol_report,
            completion_form=completion_form or CompletionForm(enrolments=completable),
            completable_count=len(completable),
            refusals=refusals or [],
            counts={
                "enrolled": sum(1 for r in rows if r.enrolment.status == EnrolmentStatus.ENROLLED),
                "completed": sum(1 for r in rows if r.completed),
                "withdrawn": sum(1 for r in rows if r.withdrawn),
            },
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


class EnrolView(LearnersView):
    """POST: enrol the ticked people (``nguoi``), or a whole unit (``don_vi``)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage(request.user):
            raise PermissionDenied
        form = EnrolForm(
            request.POST,
            people=enrol_candidates(self.course, self.enrol_people_pool()),
            units=units_for(request.user, ("training.manage",)),
        )
        title = _("Chưa ghi danh được")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(status=400)
        people, unit = list(form.cleaned_data["nguoi"]), form.cleaned_data["don_vi"]
        if not people and unit is None:
            messages.error(request, f"{title}: {_('Chọn người cần ghi danh hoặc một đơn vị.')}")
            return self.render_page(status=400)
        try:
            if request.POST.get("thao_tac") == "don-vi" and unit is not None:
                report = services.enrol_unit(actor=request.user, course=self.course, unit=unit)
            else:
                report = services.enrol_people(
                    actor=request.user, course=self.course, people=people
                )
        except TrainingInputError as exc:
            messages.error(request, f"{title}: {_errors_text(exc)}")
            return self.render_page(status=409)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        messages.success(
            request,
            _(
                "Đã ghi danh %(n)s người; %(already)s người đã có; %(refused)s người không "
                "ghi danh được."
            )
            % {
                "n": len(report.enrolled),
                "already": len(report.already),
                "refused": len(report.refused),
            },
        )
        return self.render_page(enrol_report=report)


class EnrolmentMixin(LearnersView):
    @cached_property
    def enrolment(self) -> Enrolment:
        enrolment = (
            learners_scope(self.request.user, self.course)
            .select_related("person", "person__unit", "course")
            .filter(pk=self.kwargs["enrolment"])
            .first()
        )
        if enrolment is None:
            raise Http404
        return enrolment


class WithdrawView(EnrolmentMixin):
    http_method_names = ["post"]
    reinstate = False

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        enrolment = self.enrolment
        name = enrolment.person.full_name
        title = _("Chưa thực hiện được")
        try:
            if self.reinstate:
                catalogue.enrolment_reinstate(actor=request.user, enrolment=enrolment)
                message = _("%(name)s được ghi danh lại.") % {"name": name}
            else:
                catalogue.enrolment_withdraw(actor=request.user, enrolment=enrolment)
                message = _("Đã rút tên %(name)s khỏi khoá.") % {"name": name}
        except TrainingInputError as exc:
            messages.error(request, f"{title}: {_errors_text(exc)}")
            return self.render_page(status=409)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        messages.success(request, message)
        return redirect(_learners_url(self.course, f"hv-{enrolment.pk}"))


class ReinstateView(WithdrawView):
    reinstate = True


class CompletionView(LearnersView):
    """POST: confirm completion for the ticked attendees at a date — all or nothing."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage(request.user):
            raise PermissionDenied
        form = CompletionForm(request.POST, enrolments=self.completable())
        title = _("Chưa xác nhận hoàn thành")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(completion_form=form)
        chosen = list(
            self.managed.filter(pk__in=form.cleaned_data["hoc_vien"]).select_related("person")
        )
        on = form.completed_at()
        refusals: list[str] = []
        with transaction.atomic():
            for enrolment in chosen:
                try:
                    services.completion_mark(actor=request.user, enrolment=enrolment, on=on)
                except TrainingInputError as exc:
                    refusals.append(f"{enrolment.person.full_name}: {_errors_text(exc)}")
                except PermissionDenied as exc:
                    refusals.append(f"{enrolment.person.full_name}: {_permission_message(exc)}")
            if refusals:
                transaction.set_rollback(True)
        if refusals:
            messages.error(
                request,
                _("%(title)s: không học viên nào được lưu. %(why)s")
                % {"title": title, "why": " ".join(refusals)},
            )
            return self.render_page(completion_form=form, refusals=refusals, status=409)
        messages.success(
            request,
            _("Đã xác nhận hoàn thành cho %(n)s học viên (ngày %(on)s).")
            % {"n": len(chosen), "on": form.cleaned_data["on"].strftime("%d/%m/%Y")},
        )
        return redirect(_learners_url(self.course))


# --------------------------------------------------------------------------- attendance


class AttendanceView(CourseMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """A session's attendance list: a tick per learner in the user's scope. Saving writes
    every shown row (ticked: present, else absent) in one transaction."""

    permission_check = staticmethod(can_see_courses)
    template_name = "training/admin/attendance.html"
    header_icon = "calendar-check"

    @cached_property
    def session(self) -> Session:
        return get_object_or_404(Session, pk=self.kwargs["session"], course=self.course)

    def get_page_title(self) -> str:
        when = timezone.localtime(self.session.starts_at).strftime("%d/%m/%Y %H:%M")
        return _("Điểm danh buổi %(when)s") % {"when": when}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _course_crumbs((_course_url(self.course), self.course.title), ("", _("Điểm danh")))

    @cached_property
    def managed(self) -> QuerySet[Enrolment]:
        return enrolments_in_scope(self.request.user, self.course, "training.manage")

    def render_page(
        self, *, refusals: list[str] | None = None, report: Any = None, status: int = 200
    ) -> HttpResponse:
        user, session = self.request.user, self.session
        rows = session_attendance(session, learners_scope(user, self.course))
        managed_ids = set(self.managed.values_list("pk", flat=True))
        ticked = None
        if self.request.method == "POST" and refusals:
            ticked = {int(v) for v in self.request.POST.getlist("co_mat") if v.isdigit()}
        context = self.get_context_data(
            course=self.course,
            session=session,
            rows=[
                {
                    "enrolment": enrolment,
                    "mark": mark,
                    "ticked": (enrolment.pk in ticked) if ticked is not None else bool(mark),
                    "manage": enrolment.pk in managed_ids,
                }
                for enrolment, mark in rows
            ],
            editable=bool(managed_ids) and session.starts_at <= timezone.now(),
            started=session.starts_at <= timezone.now(),
            present=sum(1 for _e, mark in rows if mark),
            absent=sum(1 for _e, mark in rows if mark is False),
            refusals=refusals or [],
            import_form=AttendanceImportForm(),
            report=report,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage(request.user):
            raise PermissionDenied
        shown = {int(v) for v in request.POST.getlist("hien") if v.isdigit()}
        ticked = {int(v) for v in request.POST.getlist("co_mat") if v.isdigit()}
        title = _("Chưa lưu điểm danh")
        rows = {
            e.pk: e
            for e in self.managed.filter(
                pk__in=shown | ticked, status__in=ACTIVE_ENROLMENT
            ).select_related("person")
        }
        unknown = (shown | ticked) - set(rows)
        if not shown or unknown:
            why = _("Danh sách điểm danh trống.")
            if unknown:
                why = _(
                    "Có người không nằm trong danh sách ghi danh của khoá (hoặc ngoài đơn vị "
                    "bạn quản lý): không điểm danh được."
                )
            messages.error(request, f"{title}: {why}")
            return self.render_page(refusals=[why], status=400)
        refusals: list[str] = []
        with transaction.atomic():
            for pk in sorted(shown | ticked):
                enrolment = rows[pk]
                try:
                    services.attendance_mark(
                        actor=request.user,
                        session=self.session,
                        person=enrolment.person,
                        present=pk in ticked,
                    )
                except TrainingInputError as exc:
                    refusals.append(_errors_text(exc))
                except PermissionDenied as exc:
                    refusals.append(f"{enrolment.person.full_name}: {_permission_message(exc)}")
            if refusals:
                transaction.set_rollback(True)
        if refusals:
            refusals = list(dict.fromkeys(refusals))
            messages.error(
                request,
                _("%(title)s: không dòng nào được lưu. %(why)s")
                % {"title": title, "why": " ".join(refusals)},
            )
            return self.render_page(refusals=refusals, status=409)
        messages.success(
            request,
            _("Đã lưu điểm danh: %(present)s có mặt, %(absent)s vắng.")
            % {"present": len(ticked), "absent": len(shown - ticked)},
        )
        return redirect(
            reverse("training_admin:attendance", args=[self.course.pk, self.session.pk])
        )


class AttendanceExportView(AttendanceView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        rows = session_attendance(self.session, learners_scope(request.user, self.course))
        content = attendance_io.attendance_export_xlsx(session=self.session, rows=rows)
        day = timezone.localtime(self.session.starts_at)
        return _xlsx_response(content, f"diem-danh-{self.course.slug[:60]}-{day:%Y%m%d}.xlsx")


class AttendanceImportView(AttendanceView):
    """POST an XLSX: "Kiểm tra" checks every row; "Nhập" writes when none is wrong."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage(request.user):
            raise PermissionDenied
        form = AttendanceImportForm(request.POST, request.FILES)
        dry_run = request.POST.get("thao_tac") != "nhap"
        title = _("Chưa nhập được")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(status=400)
        try:
            report = attendance_io.attendance_import_xlsx(
                actor=request.user,
                session=self.session,
                file=form.cleaned_data["file"],
                dry_run=dry_run,
            )
        except TrainingInputError as exc:
            messages.error(request, f"{title}: {_errors_text(exc)}")
            return self.render_page(status=400)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        if report.errors:
            messages.error(
                request,
                _("Tệp có %(n)s lỗi: chưa dòng nào được lưu. Hãy sửa tệp rồi kiểm tra lại.")
                % {"n": len(report.errors)},
            )
        elif report.dry_run:
            messages.success(
                request,
                _(
                    "Tệp hợp lệ: %(present)s có mặt, %(absent)s vắng. Chọn lại tệp và bấm "
                    "“Nhập” để lưu."
                )
                % {"present": report.present, "absent": report.absent},
            )
        else:
            messages.success(
                request,
                _("Đã nhập điểm danh: %(present)s có mặt, %(absent)s vắng.")
                % {"present": report.present, "absent": report.absent},
            )
            return redirect(
                reverse("training_admin:attendance", args=[self.course.pk, self.session.pk])
            )
        return self.render_page(report=report)


# --------------------------------------------------------------------------- stats


# (attribute, label, definition, kind, indented under the previous row)
STATS_ROWS = (
    ("in_registry", gettext_lazy("Người trong danh sách"), "in_registry", "number", False),
    ("trained", gettext_lazy("Người đã được bồi dưỡng"), "trained", "number", False),
    ("trained_share", gettext_lazy("Tỷ lệ được bồi dưỡng"), "trained_share", "share", False),
    ("deliveries", gettext_lazy("Số buổi học"), "deliveries", "number", False),
    ("deliveries_online", gettext_lazy("trong đó trực tuyến"), "deliveries_online", "number", True),
    (
        "online_share_deliveries",
        gettext_lazy("Tỷ lệ bồi dưỡng trực tuyến theo buổi"),
        "online_share_deliveries",
        "share",
        False,
    ),
    ("trainee_hours", gettext_lazy("Giờ học của học viên"), "trainee_hours", "hours", False),
    (
        "trainee_hours_online",
        gettext_lazy("trong đó trực tuyến"),
        "trainee_hours_online",
        "hours",
        True,
    ),
    (
        "online_share_hours",
        gettext_lazy("Tỷ lệ bồi dưỡng trực tuyến theo giờ học"),
        "online_share_hours",
        "share",
        False,
    ),
)
# The numbers the selectors define only inside a share, said on their own.
EXTRA_DEFINITIONS = {
    "deliveries": gettext_lazy(
        "Buổi học của khoá tính vào chỉ tiêu, diễn ra trong kỳ, có ít nhất một người trong "
        "danh sách tham dự; mỗi khoá tự học trực tuyến có người trong danh sách hoàn thành "
        "trong kỳ tính là một buổi."
    ),
    "deliveries_online": gettext_lazy(
        "Các buổi học trực tuyến và các khoá tự học trực tuyến trong số trên."
    ),
    "trainee_hours": gettext_lazy(
        "Mỗi lượt có mặt ở buổi học trên tính bằng độ dài buổi học; mỗi lượt hoàn thành khoá "
        "tự học trực tuyến tính bằng số giờ của khoá."
    ),
    "trainee_hours_online": gettext_lazy(
        "Giờ học ở các buổi trực tuyến và của các khoá tự học trực tuyến trong số trên."
    ),
}


class StatsView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The training indicators of a unit (and below) for a period, each number with its
    definition next to it."""

    permission_check = staticmethod(can_see_stats)
    template_name = "training/admin/stats.html"
    page_title = gettext_lazy("Số liệu bồi dưỡng")
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Số liệu bồi dưỡng")))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        units = units_for(request.user, (*COURSE_ACTIONS, "training.registry"))
        today = timezone.localdate()
        first = units.first()
        data = request.GET.copy()
        if not data:
            data.update(
                {
                    "unit": first.code if first else "",
                    "date_from": date(today.year, 1, 1).isoformat(),
                    "date_to": today.isoformat(),
                }
            )
        form = StatsForm(data, units=units)
        stats = None
        rows: list[dict] = []
        if form.is_valid():
            stats = training_stats(
                unit=form.cleaned_data["unit"],
                date_from=form.cleaned_data["date_from"],
                date_to=form.cleaned_data["date_to"],
            )
            for key, label, definition, kind, sub in STATS_ROWS:
                value = getattr(stats, key)
                rows.append(
                    {
                        "key": key,
                        "label": label,
                        "value": value,
                        "kind": kind,
                        "percent": None if value is None or kind != "share" else value * 100,
                        "definition": STATS_DEFINITIONS.get(definition)
                        or EXTRA_DEFINITIONS.get(definition, ""),
                        "sub": sub,
                    }
                )
        elif request.GET:
            messages.error(request, _("Chưa tính được: %(e)s") % {"e": form_errors_text(form)})
        context = self.get_context_data(form=form, stats=stats, rows=rows)
        return self.render_to_response(context)
