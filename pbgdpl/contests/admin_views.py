"""Back-office screens of the online legal contests (Wagtail admin, under
``/admin/cuoc-thi/``): the question bank (list, write, review, import and export), contests
and their rounds (with the freeze once a round opens, and the choice of its questions),
and the results of a round (leaderboard with full names, participation by commune, prizes,
certificates, exports).

Views are thin: forms (:mod:`.admin_forms`) shape the input, :mod:`.services` writes (each
checks the permission again and audits), the selectors read. Who sees what:

- the bank: items of the units where the user writes ("contests.bank") or approves
  ("contests.bank_approve") questions, and every approved item for those who organise
  contests ("contests.manage"); any other item is "not found" (404);
- contests: those of the units where the user organises contests or reads results, and
  those organised above a unit where the user reads results (a commune officer reads
  their commune's participants in a province contest); editing needs "contests.manage"
  on the contest's unit;
- results: the whole round for "contests.results" on the contest's unit, else only the
  participants living in the units where the user holds it. Phone numbers and e-mail
  addresses are shown masked; "Xem" shows one participant's, once, and is audited.

Every change is a POST (CSRF-protected). A change that succeeds ends in a redirect; one the
services refuse shows the page again with what was typed and the services' message.
"""

import re
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
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

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold
from pbgdpl.people.backoffice import (
    PermissionCheckMixin,
    permission_denied_message,
    units_for,
)
from pbgdpl.people.backoffice_forms import errors_to_form, form_errors_text
from pbgdpl.people.identifiers import email_masked, phone_masked
from pbgdpl.people.permissions import (
    can,
    filter_permitted,
    permitted_unit_paths,
)
from pbgdpl.units.models import Unit

from . import bank_io, exports, results, selectors, services, stats
from .admin_forms import (
    ROUND_FROZEN_FIELDS,
    ContestForm,
    ItemFilterForm,
    ItemForm,
    ItemImportForm,
    ParticipationForm,
    PublishForm,
    ResultsFilterForm,
    RoundForm,
    current_draw_rules,
    draw_rule_formset,
    prize_formset,
)
from .models import (
    Attempt,
    AttemptStatus,
    Certificate,
    Contest,
    Difficulty,
    Item,
    ItemStatus,
    Participant,
    Prize,
    Round,
)
from .services import ContestInputError, ContestStateError

BANK_PAGE_SIZE = 50
POOL_PAGE_SIZE = 100
RESULTS_PAGE_SIZE = 100
CONTESTS_PAGE_SIZE = 50
MENU_ACTIONS = ("contests.manage", "contests.bank", "contests.bank_approve", "contests.results")
BANK_ACTIONS = ("contests.bank", "contests.bank_approve", "contests.manage")
# After "Xem" the next view of the results shows that participant's contact details once.
CONTACT_SESSION_KEY = "contests_admin_contact"
CONTACT_SHOW_SECONDS = 120
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --------------------------------------------------------------------------- permission


def can_see_contests_menu(user: Any) -> bool:
    """Whether the "Cuộc thi" menu is shown: any contests action anywhere."""
    return any(can(user, action) for action in MENU_ACTIONS)


def can_use_bank(user: Any) -> bool:
    """Writers and approvers of questions, and organisers (who read approved ones)."""
    return any(can(user, action) for action in BANK_ACTIONS)


def can_write_bank(user: Any) -> bool:
    return can(user, "contests.bank")


def can_list_contests(user: Any) -> bool:
    return can(user, "contests.manage") or can(user, "contests.results")


def can_manage_contests(user: Any) -> bool:
    return can(user, "contests.manage")


def _permission_message(exc: PermissionDenied) -> str:
    return permission_denied_message(exc, default=_("Bạn không có quyền làm việc này."))


def _crumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
        {"url": reverse("contests_admin:contests"), "label": _("Cuộc thi")},
    ]
    return crumbs + [{"url": url, "label": label} for url, label in items]


def _bank_crumbs(*items: tuple[str, str]) -> list[dict]:
    return _crumbs((reverse("contests_admin:items"), _("Ngân hàng câu hỏi")), *items)


# --------------------------------------------------------------------------- reads


def items_visible(user: Any) -> QuerySet[Item]:
    """The bank items ``user`` may read: those of the units where they write or approve
    questions, and every approved one when they organise contests."""
    own = filter_permitted(user, "contests.bank", Item.objects.all()).values("pk")
    approving = filter_permitted(user, "contests.bank_approve", Item.objects.all()).values("pk")
    condition = Q(pk__in=own) | Q(pk__in=approving)
    if can(user, "contests.manage"):
        condition |= Q(status=ItemStatus.APPROVED)
    return Item.objects.filter(condition)


def _path_prefixes(path: str) -> list[str]:
    """The paths of a unit and of the units above it: "52/21583/" → ["52/", "52/21583/"]."""
    return [path[: i + 1] for i, char in enumerate(path) if char == "/"]


def contests_visible(user: Any) -> QuerySet[Contest]:
    """Contests of the units where ``user`` organises contests or reads results, and the
    published ones organised above a unit where they read results (a draft stays with
    its organisers)."""
    everything = Contest.objects.all()
    paths = permitted_unit_paths(user, "contests.results")
    if paths is None:
        return everything
    manage = filter_permitted(user, "contests.manage", everything).values("pk")
    reading = filter_permitted(user, "contests.results", everything).values("pk")
    above = {prefix for path in paths for prefix in _path_prefixes(path)}
    return everything.filter(
        Q(pk__in=manage) | Q(pk__in=reading) | Q(unit__path__in=above, published=True)
    )


@dataclass
class ResultsScope:
    """Whose results ``user`` reads in a contest: everyone (``full``), or the participants
    living in ``units`` (and below)."""

    full: bool
    units: list[Unit]

    def allows(self, unit: Unit) -> bool:
        return self.full or any(unit.path.startswith(u.path) for u in self.units)

    def participants(self, queryset: QuerySet) -> QuerySet:
        if self.full:
            return queryset
        condition = Q()
        for unit in self.units:
            condition |= Q(unit__path__startswith=unit.path)
        return queryset.filter(condition) if self.units else queryset.none()


def results_scope(user: Any, contest: Contest) -> ResultsScope:
    if can(user, "contests.results", contest):
        return ResultsScope(full=True, units=[])
    paths = permitted_unit_paths(user, "contests.results") or []
    inside = [p for p in paths if p.startswith(contest.unit.path)]
    units = list(Unit.objects.filter(path__in=inside).order_by("path"))
    return ResultsScope(full=False, units=units)


def bank_tags(items: QuerySet[Item]) -> list[str]:
    """Every tag used by ``items``, once (case-insensitively), alphabetically."""
    tags: dict[str, str] = {}
    for row in items.values_list("tags", flat=True):
        for tag in row or []:
            tags.setdefault(fold(tag), tag)
    return sorted(tags.values(), key=fold)


def items_filtered(items: QuerySet[Item], form: ItemFilterForm) -> QuerySet[Item]:
    """``items`` narrowed by the filters of ``form``. The text search and the tag match
    ignore case and diacritics ("ket hon" finds "kết hôn") on every database."""
    if form.value("status"):
        items = items.filter(status=form.value("status"))
    if form.value("field"):
        items = items.filter(legal_field=form.value("field"))
    if form.value("difficulty"):
        items = items.filter(difficulty=form.value("difficulty"))
    if form.value("unit"):
        items = items.filter(unit=form.value("unit"))
    tag = form.value("tag")
    if tag:
        wanted = fold(tag)
        items = items.filter(
            pk__in=[
                pk
                for pk, tags in items.values_list("pk", "tags")
                if any(fold(t) == wanted for t in tags or [])
            ]
        )
    text = (form.value("q") or "").strip()
    if text:
        number = text.lstrip("#")
        folded = fold(text)
        matches = [pk for pk, stem in items.values_list("pk", "stem") if folded in fold(stem)]
        if number.isdigit():
            matches.append(int(number))
        items = items.filter(pk__in=matches)
    return items


def _flag_short(flag: str) -> str:
    """The head of an advice sentence, for a table cell: "Quá dễ (p = 0,95): …" → "Quá dễ"."""
    head = re.split(r" \(|: ", flag, maxsplit=1)[0].rstrip(".")
    return head if len(head) <= 60 else head[:59] + "…"


def item_statistics_for(items: list[Item]) -> dict[int, dict]:
    """Usage statistics of ``items`` from :mod:`pbgdpl.contests.stats` — times drawn in a
    graded attempt, share answered correctly (difficulty index p), how well the item
    tells strong participants from weak ones (discrimination D), advice."""
    if not items:
        return {}
    out = {}
    for item_id, row in stats.item_statistics(items=items).items():
        p = getattr(row, "p", getattr(row, "difficulty", None))
        exposures = getattr(row, "exposures", 0) or 0
        flags = list(stats.item_flags(row)) if exposures else []
        out[item_id] = {
            "exposures": exposures,
            "correct": getattr(row, "correct", 0),
            "p_percent": None if p is None else round(p * 100),
            "discrimination": getattr(row, "discrimination", None),
            "flags": flags,
            # The list shows warnings only; notes that data is still missing ("Chưa có…",
            # "Chưa đủ…") stay on the item's page.
            "flags_short": [_flag_short(f) for f in flags if not f.startswith("Chưa ")],
        }
    return out


def duration_text(ms: int | None) -> str:
    """Milliseconds as a stopwatch shows them, "mm:ss" (minutes may exceed 59), the same
    as in the exported results."""
    if ms is None:
        return "—"
    seconds = max(int(ms), 0) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def round_facts(round: Round, *, now: Any = None) -> dict[str, Any]:
    """What the contest screen says about a round: its state, whether it is frozen, its
    pool and draw, and why the pool cannot serve the draw yet."""
    now = now or timezone.now()
    state = selectors.round_state(round, now=now)
    return {
        "round": round,
        "state": state,
        "live": round.opens_at <= now,
        "pool_count": round.pool.filter(status=ItemStatus.APPROVED).count(),
        "draw_size": services.round_draw_size(round),
        "minutes": round.time_limit_seconds // 60,
        "problems": services.round_draw_problems(round),
        "attempts": Attempt.objects.filter(round=round)
        .exclude(status=AttemptStatus.ACTIVE)
        .count(),
    }


STATE_LABELS = {
    "upcoming": gettext_lazy("Chưa mở"),
    "open": gettext_lazy("Đang mở"),
    "closed": gettext_lazy("Đã kết thúc"),
}


# --------------------------------------------------------------------------- question bank


class ItemListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The bank as the user may see it: filters, counts per status, usage statistics."""

    permission_check = staticmethod(can_use_bank)
    template_name = "contests/admin/bank.html"
    page_title = gettext_lazy("Ngân hàng câu hỏi thi")
    header_icon = "list-ul"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Ngân hàng câu hỏi")))

    def get_header_buttons(self) -> list:
        user = self.request.user
        buttons = []
        if can_write_bank(user):
            buttons.append(
                HeaderButton(
                    _("Thêm câu hỏi"), url=reverse("contests_admin:item_create"), icon_name="plus"
                )
            )
            buttons.append(
                HeaderButton(
                    _("Nhập từ Excel"),
                    url=reverse("contests_admin:item_import"),
                    icon_name="upload",
                )
            )
        return buttons

    def filter_form(self) -> tuple[ItemFilterForm, QuerySet[Item]]:
        base = items_visible(self.request.user)
        units = Unit.objects.filter(pk__in=base.values("unit_id")).order_by("name")
        form = ItemFilterForm(self.request.GET or None, units=units, tags=bank_tags(base))
        if form.is_bound and not form.is_valid():
            messages.error(self.request, _("Một số bộ lọc không hợp lệ và đã được bỏ qua."))
        return form, base

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, base = self.filter_form()
        items = (
            items_filtered(base, form)
            .select_related("legal_field", "unit")
            .annotate(round_count=Count("rounds", distinct=True))
            .order_by("-updated_at", "-pk")
        )
        page = Paginator(items, BANK_PAGE_SIZE).get_page(request.GET.get("p"))
        rows = list(page.object_list)
        statistics = item_statistics_for(rows)
        counts = dict(base.order_by().values_list("status").annotate(n=Count("pk")))
        filters = request.GET.copy()
        filters.pop("p", None)
        status = form.value("status") or ""
        context = self.get_context_data(
            form=form,
            page=page,
            rows=[{"item": item, "stats": statistics.get(item.pk)} for item in rows],
            status_counts=[
                {"value": value, "label": label, "count": counts.get(value, 0)}
                for value, label in ItemStatus.choices
            ],
            total_count=sum(counts.values()),
            quick=status if list(filters) in ([], ["status"]) else None,
            filter_query=filters.urlencode(),
            filtered=bool(request.GET),
            export_url=f"{reverse('contests_admin:item_export')}?{filters.urlencode()}",
        )
        return self.render_to_response(context)


class ItemExportView(ItemListView):
    """The items of the current filter as XLSX (the import's own format)."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, base = self.filter_form()
        items = items_filtered(base, form).order_by("pk")
        response = HttpResponse(bank_io.items_export_xlsx(items=items), content_type=XLSX_TYPE)
        name = f"ngan-hang-cau-hoi-{timezone.localdate():%Y%m%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


def _item_url(item: Item, anchor: str = "") -> str:
    return reverse("contests_admin:item", args=[item.pk]) + (f"#{anchor}" if anchor else "")


class ItemCreateView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """A new question (a draft), owned by one of the user's units. ``?tu=<id>`` starts
    from a copy of a visible item (the way to change a frozen one)."""

    permission_check = staticmethod(can_write_bank)
    template_name = "contests/admin/item_form.html"
    page_title = gettext_lazy("Thêm câu hỏi thi")
    header_icon = "plus"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _bank_crumbs(("", _("Thêm câu hỏi")))

    def units(self) -> QuerySet[Unit]:
        return units_for(self.request.user, "contests.bank")

    def render_page(self, form: ItemForm, *, status: int = 200) -> HttpResponse:
        context = self.get_context_data(form=form, item=None, creating=True)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        source_id = request.GET.get("tu", "")
        source = None
        if source_id.isdigit():
            source = items_visible(request.user).filter(pk=int(source_id)).first()
        if source is not None:
            return self.render_page(
                ItemForm(units=self.units(), initial=ItemForm.initial_for(source))
            )
        return self.render_page(ItemForm(units=self.units()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ItemForm(request.POST, units=self.units())
        title = _("Chưa lưu được câu hỏi")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(form)
        try:
            item = services.item_create(
                actor=request.user, unit=form.cleaned_data["unit"], data=form.item_input()
            )
        except ContestInputError as exc:
            form.add_service_errors(exc.errors)
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(form)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form, status=403)
        messages.success(
            request,
            _("Đã lưu câu hỏi #%(id)s (nháp). Gửi duyệt khi đã soát xong.") % {"id": item.pk},
        )
        return redirect(_item_url(item))


ITEM_OPS = {
    "gui-duyet": ItemStatus.REVIEW,
    "duyet": ItemStatus.APPROVED,
    "tra-lai": ItemStatus.DRAFT,
    "ngung-dung": ItemStatus.RETIRED,
    "dung-lai": ItemStatus.APPROVED,
}
ITEM_OP_FROM = {
    "gui-duyet": ItemStatus.DRAFT,
    "duyet": ItemStatus.REVIEW,
    "tra-lai": ItemStatus.REVIEW,
    "ngung-dung": ItemStatus.APPROVED,
    "dung-lai": ItemStatus.RETIRED,
}


class ItemView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """One question: its text, choices and filing; the edit form while it may change (or
    why it may not); its review actions; the rounds using it and its statistics."""

    permission_check = staticmethod(can_use_bank)
    template_name = "contests/admin/item_form.html"
    header_icon = "list-ul"

    @cached_property
    def item(self) -> Item:
        # Looked up among the items the user may read only: any other one is "not found".
        return get_object_or_404(
            items_visible(self.request.user).select_related(
                "legal_field", "unit", "created_by", "approved_by"
            ),
            pk=self.kwargs["pk"],
        )

    def reload(self) -> None:
        self.__dict__.pop("item", None)

    def get_page_title(self) -> str:
        return _("Câu hỏi #%(id)s") % {"id": self.item.pk}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _bank_crumbs(("", _("Câu hỏi #%(id)s") % {"id": self.item.pk}))

    def permissions(self, frozen: list[Round]) -> dict[str, bool]:
        user, item = self.request.user, self.item
        write = can(user, "contests.bank", item)
        approve = can(user, "contests.bank_approve", item)
        writer = item.created_by_id == user.pk and not user.is_superuser
        status = item.status
        return {
            "edit": write and not frozen,
            "write": write,
            "submit": write and status == ItemStatus.DRAFT,
            "review": approve and status == ItemStatus.REVIEW,
            "approve": approve and status == ItemStatus.REVIEW and not writer,
            "own_item": approve and status == ItemStatus.REVIEW and writer,
            "retire": approve and status == ItemStatus.APPROVED and not frozen,
            "restore": approve and status == ItemStatus.RETIRED,
        }

    def render_page(self, *, form: ItemForm | None = None, status: int = 200) -> HttpResponse:
        item = self.item
        frozen = services.item_frozen_rounds(item)
        allowed = self.permissions(frozen)
        if allowed["edit"] and form is None:
            form = ItemForm(item=item)
        statistics = item_statistics_for([item])
        context = self.get_context_data(
            item=item,
            form=form if allowed["edit"] else None,
            unsaved=form if form is not None and form.is_bound and not allowed["edit"] else None,
            creating=False,
            allowed=allowed,
            frozen=frozen,
            choices=list(item.choices.all()),
            rounds=list(item.rounds.select_related("contest").order_by("-opens_at")),
            stats=statistics.get(item.pk),
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        item = self.item
        form = ItemForm(request.POST, item=item)
        title = _("Chưa lưu được câu hỏi")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(form=form)
        try:
            item = services.item_update(actor=request.user, item=item, data=form.item_input())
        except ContestInputError as exc:
            form.add_service_errors(exc.errors)
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(form=form)
        except ContestStateError as exc:
            messages.error(request, f"{title}: {exc}")
            self.reload()
            return self.render_page(form=form, status=409)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form=form, status=403)
        if item.status == ItemStatus.REVIEW and self.item.status == ItemStatus.APPROVED:
            messages.success(request, _("Đã lưu câu hỏi; câu hỏi đã duyệt được đưa về chờ duyệt."))
        else:
            messages.success(request, _("Đã lưu câu hỏi."))
        return redirect(_item_url(item))


class ItemStatusView(ItemView):
    """POST ``thao_tac``: gửi duyệt, duyệt, trả lại, ngừng dùng, dùng lại."""

    http_method_names = ["post"]
    MESSAGES = {
        "gui-duyet": gettext_lazy("Đã gửi câu hỏi đi duyệt."),
        "duyet": gettext_lazy("Đã duyệt câu hỏi: câu hỏi dùng được cho các đợt thi."),
        "tra-lai": gettext_lazy("Đã trả câu hỏi về nháp để người soạn sửa."),
        "ngung-dung": gettext_lazy("Đã ngừng dùng câu hỏi."),
        "dung-lai": gettext_lazy("Câu hỏi được dùng lại."),
    }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        item = self.item
        op = request.POST.get("thao_tac", "")
        title = _("Chưa chuyển được trạng thái")

        def refuse(message: str, status: int) -> HttpResponse:
            messages.error(request, f"{title}: {message}")
            self.reload()
            return self.render_page(status=status)

        if op not in ITEM_OPS:
            return refuse(_("Thao tác không hợp lệ."), 400)
        if item.status != ITEM_OP_FROM[op]:
            return refuse(
                _("Câu hỏi đang ở trạng thái “%(status)s”.")
                % {"status": item.get_status_display()},
                409,
            )
        writer = item.created_by_id == request.user.pk and not request.user.is_superuser
        if op == "duyet" and writer and can(request.user, "contests.bank_approve", item):
            return refuse(
                _("Người soạn không tự duyệt câu hỏi của mình: một người duyệt khác sẽ duyệt."),
                403,
            )
        try:
            services.item_set_status(actor=request.user, item=item, status=ITEM_OPS[op])
        except ContestStateError as exc:
            return refuse(str(exc), 409)
        except PermissionDenied as exc:
            return refuse(_permission_message(exc), 403)
        messages.success(request, str(self.MESSAGES[op]))
        return redirect(_item_url(item))


class ItemImportView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Upload an XLSX of questions: "Kiểm tra" reads and checks every row and stores
    nothing; "Nhập" stores them (as drafts) when no row has an error."""

    permission_check = staticmethod(can_write_bank)
    template_name = "contests/admin/import.html"
    page_title = gettext_lazy("Nhập câu hỏi từ Excel")
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _bank_crumbs(("", _("Nhập từ Excel")))

    def render_page(
        self, form: ItemImportForm, *, report: Any = None, status: int = 200
    ) -> HttpResponse:
        context = self.get_context_data(form=form, report=report)
        return self.render_to_response(context, status=status)

    def units(self) -> QuerySet[Unit]:
        return units_for(self.request.user, "contests.bank")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(ItemImportForm(units=self.units()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ItemImportForm(request.POST, request.FILES, units=self.units())
        dry_run = request.POST.get("thao_tac") != "nhap"
        if not form.is_valid():
            messages.error(request, _("Chưa nhập được: %(e)s") % {"e": form_errors_text(form)})
            return self.render_page(form)
        try:
            report = bank_io.items_import_xlsx(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                file=form.cleaned_data["file"],
                dry_run=dry_run,
            )
        except ContestInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(
                request, _("Chưa nhập được: %(e)s") % {"e": " ".join(exc.errors.values())}
            )
            return self.render_page(form)
        except PermissionDenied as exc:
            messages.error(request, _("Chưa nhập được: %(e)s") % {"e": _permission_message(exc)})
            return self.render_page(form, status=403)
        if report.errors:
            messages.error(
                request,
                _("Tệp có %(n)s lỗi: chưa câu hỏi nào được lưu. Hãy sửa tệp rồi kiểm tra lại.")
                % {"n": len(report.errors)},
            )
        elif report.dry_run:
            messages.success(
                request,
                _(
                    "Tệp hợp lệ: sẽ thêm %(created)s và cập nhật %(updated)s câu hỏi. Chọn lại "
                    "tệp và bấm “Nhập” để lưu."
                )
                % {"created": report.created, "updated": report.updated},
            )
        else:
            messages.success(
                request,
                _("Đã nhập: thêm %(created)s, cập nhật %(updated)s câu hỏi (ở trạng thái nháp).")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect(reverse("contests_admin:items"))
        return self.render_page(
            ItemImportForm(units=self.units(), initial={"unit": form.cleaned_data["unit"]}),
            report=report,
        )


# --------------------------------------------------------------------------- contests


class ContestListView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    permission_check = staticmethod(can_list_contests)
    template_name = "contests/admin/contests.html"
    page_title = gettext_lazy("Cuộc thi tìm hiểu pháp luật")
    header_icon = "tasks"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
            {"url": "", "label": _("Cuộc thi")},
        ]

    def get_header_buttons(self) -> list:
        user = self.request.user
        buttons = []
        if can_manage_contests(user):
            buttons.append(
                HeaderButton(
                    _("Tạo cuộc thi"),
                    url=reverse("contests_admin:contest_create"),
                    icon_name="plus",
                )
            )
        if can_use_bank(user):
            buttons.append(
                HeaderButton(
                    _("Ngân hàng câu hỏi"), url=reverse("contests_admin:items"), icon_name="list-ul"
                )
            )
        return buttons

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contests = (
            contests_visible(request.user)
            .select_related("unit")
            .annotate(
                round_count=Count("rounds", distinct=True),
                participant_count=Count("participants", distinct=True),
            )
            .order_by("-created_at")
        )
        page = Paginator(contests, CONTESTS_PAGE_SIZE).get_page(request.GET.get("p"))
        now = timezone.now()
        rows = []
        for contest in page.object_list:
            rounds = list(contest.rounds.all())
            current = selectors.round_current(contest, now=now) if rounds else None
            rows.append(
                {
                    "contest": contest,
                    "current": current,
                    "state": STATE_LABELS[selectors.round_state(current, now=now)]
                    if current
                    else "",
                    "manage": can(request.user, "contests.manage", contest),
                }
            )
        context = self.get_context_data(page=page, rows=rows)
        return self.render_to_response(context)


def _contest_url(contest: Contest, anchor: str = "") -> str:
    return reverse("contests_admin:contest", args=[contest.pk]) + (f"#{anchor}" if anchor else "")


class ContestMixin:
    """Finds the contest of the URL among the user's contests (any other: 404)."""

    kwargs: dict
    request: HttpRequest

    @cached_property
    def contest(self) -> Contest:
        return get_object_or_404(
            contests_visible(self.request.user).select_related("unit", "eligible_unit"),
            pk=self.kwargs["pk"],
        )

    def require_manage(self) -> None:
        if not can(self.request.user, "contests.manage", self.contest):
            raise PermissionDenied


class ContestView(ContestMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """A contest: its facts, rounds (state, freeze, pool, draw problems) and actions."""

    permission_check = staticmethod(can_list_contests)
    template_name = "contests/admin/contest.html"
    header_icon = "tasks"

    def get_page_title(self) -> str:
        return self.contest.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", self.contest.title))

    def render_page(self, *, status: int = 200, publish_error: str = "") -> HttpResponse:
        contest = self.contest
        user = self.request.user
        now = timezone.now()
        rounds = [round_facts(r, now=now) for r in contest.rounds.order_by("number")]
        scope = results_scope(user, contest)
        context = self.get_context_data(
            contest=contest,
            rounds=rounds,
            manage=can(user, "contests.manage", contest),
            results=scope.full or bool(scope.units),
            counts=selectors.contest_counts(contest) if scope.full else None,
            publish_error=publish_error,
            state_labels=STATE_LABELS,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


class ContestPublishView(ContestView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contest = self.contest
        form = PublishForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Thao tác không hợp lệ."))
            return self.render_page(status=400)
        published = form.cleaned_data["published"]
        title = _("Chưa công bố được") if published else _("Chưa thôi công bố được")
        try:
            services.contest_publish(actor=request.user, contest=contest, published=published)
        except ContestStateError as exc:
            messages.error(request, f"{title}: {exc}")
            self.__dict__.pop("contest", None)
            return self.render_page(status=409, publish_error=str(exc))
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        if published:
            messages.success(request, _("Đã công bố cuộc thi trên cổng thông tin."))
        else:
            messages.success(request, _("Đã thôi công bố: cuộc thi không còn hiện trên cổng."))
        return redirect(_contest_url(contest))


class ContestFormView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Create (no ``pk``) or edit a contest."""

    permission_check = staticmethod(can_manage_contests)
    template_name = "contests/admin/contest_form.html"
    header_icon = "tasks"

    @cached_property
    def contest(self) -> Contest | None:
        if "pk" not in self.kwargs:
            return None
        contest = get_object_or_404(
            contests_visible(self.request.user).select_related("unit", "eligible_unit"),
            pk=self.kwargs["pk"],
        )
        if not can(self.request.user, "contests.manage", contest):
            raise PermissionDenied
        return contest

    def get_page_title(self) -> str:
        return _("Sửa cuộc thi") if self.contest else _("Tạo cuộc thi")

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.contest:
            return _crumbs((_contest_url(self.contest), self.contest.title), ("", _("Sửa")))
        return _crumbs(("", _("Tạo cuộc thi")))

    def make_form(self, data: Any = None) -> ContestForm:
        user = self.request.user
        units = units_for(user, "contests.manage")
        areas = units
        if self.contest is not None:
            # The stored organiser and area stay choosable even if the user's own units
            # changed meanwhile (the services check the permission again).
            units = Unit.objects.filter(Q(pk__in=units.values("pk")) | Q(pk=self.contest.unit_id))
            units = units.order_by("depth", "name")
            if self.contest.eligible_unit_id:
                areas = Unit.objects.filter(
                    Q(pk__in=areas.values("pk")) | Q(pk=self.contest.eligible_unit_id)
                ).order_by("depth", "name")
        return ContestForm(data, units=units, areas=areas, contest=self.contest)

    def render_page(self, form: ContestForm, *, status: int = 200) -> HttpResponse:
        context = self.get_context_data(form=form, contest=self.contest)
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        title = _("Chưa lưu được cuộc thi")
        if not form.is_valid():
            messages.error(request, f"{title}: {form_errors_text(form)}")
            return self.render_page(form)
        try:
            if self.contest is None:
                contest = services.contest_create(actor=request.user, data=form.contest_input())
            else:
                contest = services.contest_update(
                    actor=request.user, contest=self.contest, data=form.contest_input()
                )
        except ContestInputError as exc:
            errors_to_form(form, exc.errors)
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(form)
        except ContestStateError as exc:
            messages.error(request, f"{title}: {exc}")
            return self.render_page(form, status=409)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form, status=403)
        messages.success(request, _("Đã lưu cuộc thi “%(title)s”.") % {"title": contest.title})
        return redirect(_contest_url(contest))


# --------------------------------------------------------------------------- rounds


class RoundMixin(ContestMixin):
    @cached_property
    def round(self) -> Round:
        return get_object_or_404(
            Round.objects.select_related("contest", "contest__unit"),
            contest=self.contest,
            number=self.kwargs["number"],
        )


class RoundFormView(RoundMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Create (no ``number``) or edit a round: times in local time, rules of the draw,
    prizes, certificate threshold. Once the round has opened only the title, the prizes,
    the threshold and a later closing time can change: the rest is shown locked."""

    permission_check = staticmethod(can_manage_contests)
    template_name = "contests/admin/round_form.html"
    header_icon = "date"

    @cached_property
    def editing(self) -> Round | None:
        return self.round if "number" in self.kwargs else None

    def get_page_title(self) -> str:
        if self.editing:
            return _("Sửa đợt %(n)s: %(title)s") % {
                "n": self.editing.number,
                "title": self.editing.title,
            }
        return _("Thêm đợt thi")

    def get_breadcrumbs_items(self) -> list[dict]:
        label = _("Đợt %(n)s") % {"n": self.editing.number} if self.editing else _("Thêm đợt")
        return _crumbs((_contest_url(self.contest), self.contest.title), ("", label))

    def render_page(self, form: RoundForm, rules: Any, prizes: Any, *, status: int = 200):
        round = self.editing
        context = self.get_context_data(
            contest=self.contest,
            round=round,
            form=form,
            rule_forms=rules,
            prize_forms=prizes,
            live=form.live,
            current_rules=list(round.draw_rules.select_related("legal_field")) if round else [],
            frozen_fields=ROUND_FROZEN_FIELDS,
            state=STATE_LABELS[selectors.round_state(round)] if round else "",
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        round = self.editing
        if round is None:
            start = (timezone.localtime() + timedelta(days=7)).replace(
                hour=8, minute=0, second=0, microsecond=0
            )
            form = RoundForm(
                initial={
                    "title": _("Đợt %(n)s") % {"n": self.contest.rounds.count() + 1},
                    "opens_at": start,
                    "closes_at": start + timedelta(days=7),
                    "time_limit_minutes": 15,
                    "attempts_allowed": 1,
                    "shuffle_items": True,
                    "shuffle_choices": True,
                    "prediction": True,
                    "certificate_min_percent": 80,
                }
            )
        else:
            form = RoundForm(round=round)
        return self.render_page(form, draw_rule_formset(round=round), prize_formset(round=round))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        round = self.editing
        form = RoundForm(request.POST, round=round)
        rules = draw_rule_formset(request.POST, round=round)
        prizes = prize_formset(request.POST, round=round)
        # A live round's rules are shown, not sent: absent means "as they are".
        rules_sent = f"{rules.prefix}-TOTAL_FORMS" in request.POST
        title = _("Chưa lưu được đợt thi")
        valid = form.is_valid() & prizes.is_valid() & (rules.is_valid() if rules_sent else True)
        if not valid:
            messages.error(request, f"{title}: {form_errors_text(form, rules, prizes)}")
            return self.render_page(form, rules, prizes)
        draw_rules = rules.rules() if rules_sent or round is None else current_draw_rules(round)
        data = form.round_input(draw_rules=draw_rules, prizes=prizes.prizes())
        if round is not None:
            # A time shown to the minute and sent back unchanged keeps its stored seconds.
            for name in ("opens_at", "closes_at"):
                stored, sent = getattr(round, name), getattr(data, name)
                if sent and stored.replace(second=0, microsecond=0) == sent:
                    setattr(data, name, stored)
        try:
            if round is None:
                round = services.round_create(actor=request.user, contest=self.contest, data=data)
            else:
                round = services.round_update(actor=request.user, round=round, data=data)
        except ContestInputError as exc:
            errors_to_form(form, exc.errors)
            for formset, key in ((rules, "draw_rules"), (prizes, "prizes")):
                if key in exc.errors:
                    formset._non_form_errors = formset.error_class(
                        [exc.errors[key]], renderer=formset.renderer
                    )
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page(form, rules, prizes)
        except ContestStateError as exc:
            messages.error(request, f"{title}: {exc}")
            return self.render_page(form, rules, prizes, status=409)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(form, rules, prizes, status=403)
        messages.success(request, _("Đã lưu đợt thi “%(title)s”.") % {"title": round.title})
        return redirect(_contest_url(self.contest, anchor=f"dot-{round.number}"))


class RoundPoolView(RoundMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The questions a round draws from: approved items with filters and check boxes;
    "chọn tất cả câu đang lọc" adds every item of the filter (every page). Locked once
    the round opens."""

    permission_check = staticmethod(can_manage_contests)
    template_name = "contests/admin/pool.html"
    header_icon = "list-ul"

    def get_page_title(self) -> str:
        return _("Bộ câu hỏi của đợt %(n)s") % {"n": self.round.number}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(
            (_contest_url(self.contest), self.contest.title),
            ("", _("Bộ câu hỏi đợt %(n)s") % {"n": self.round.number}),
        )

    def candidates(self) -> tuple[ItemFilterForm, QuerySet[Item]]:
        base = Item.objects.filter(status=ItemStatus.APPROVED)
        units = Unit.objects.filter(pk__in=base.values("unit_id")).order_by("name")
        form = ItemFilterForm(
            self.request.GET or None, units=units, tags=bank_tags(base), statuses=False
        )
        if form.is_bound and not form.is_valid():
            messages.error(self.request, _("Một số bộ lọc không hợp lệ và đã được bỏ qua."))
        return form, items_filtered(base, form)

    def render_page(self, *, status: int = 200) -> HttpResponse:
        round = self.round
        form, items = self.candidates()
        items = items.select_related("legal_field", "unit").order_by("legal_field__name", "pk")
        page = Paginator(items, POOL_PAGE_SIZE).get_page(self.request.GET.get("p"))
        pool_ids = set(round.pool.values_list("pk", flat=True))
        pool = round.pool.filter(status=ItemStatus.APPROVED)
        rules = []
        for rule in round.draw_rules.select_related("legal_field"):
            matching = pool
            if rule.legal_field_id:
                matching = matching.filter(legal_field_id=rule.legal_field_id)
            if rule.difficulty:
                matching = matching.filter(difficulty=rule.difficulty)
            rules.append({"rule": rule, "have": matching.count()})
        filters = self.request.GET.copy()
        filters.pop("p", None)
        context = self.get_context_data(
            contest=self.contest,
            round=round,
            form=form,
            page=page,
            pool_ids=pool_ids,
            pool_count=len(pool_ids),
            match_count=page.paginator.count,
            rules=rules,
            problems=services.round_draw_problems(round),
            draw_size=services.round_draw_size(round),
            live=round.opens_at <= timezone.now(),
            filter_query=filters.urlencode(),
            filtered=bool(filters),
            difficulties=dict(Difficulty.choices),
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        return self.render_page()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.require_manage()
        round = self.round
        op = request.POST.get("thao_tac", "luu")
        current = set(round.pool.values_list("pk", flat=True))
        _form, matching = self.candidates()
        if op == "them-tat-ca":
            chosen = current | set(matching.values_list("pk", flat=True))
        elif op == "bo-tat-ca":
            chosen = current - set(matching.values_list("pk", flat=True))
        else:
            shown = {int(v) for v in request.POST.getlist("hien") if v.isdigit()}
            ticked = {int(v) for v in request.POST.getlist("chon") if v.isdigit()}
            chosen = (current - shown) | (ticked & shown)
        title = _("Chưa lưu được bộ câu hỏi")
        try:
            services.round_pool_set(
                actor=request.user, round=round, items=Item.objects.filter(pk__in=chosen)
            )
        except ContestInputError as exc:
            messages.error(request, f"{title}: {' '.join(exc.errors.values())}")
            return self.render_page()
        except ContestStateError as exc:
            messages.error(request, f"{title}: {exc}")
            return self.render_page(status=409)
        except PermissionDenied as exc:
            messages.error(request, f"{title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        added, removed = len(chosen - current), len(current - chosen)
        messages.success(
            request,
            _("Đã lưu bộ câu hỏi: %(total)s câu (thêm %(added)s, bỏ %(removed)s).")
            % {"total": len(chosen), "added": added, "removed": removed},
        )
        url = reverse("contests_admin:round_pool", args=[self.contest.pk, round.number])
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)


# --------------------------------------------------------------------------- results


def _results_url(round: Round, *, query: str = "", anchor: str = "") -> str:
    url = reverse("contests_admin:results", args=[round.contest_id, round.number])
    return url + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


class ResultsView(RoundMixin, PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The leaderboard of a round with full names, communes and contact details masked,
    participation by commune, prizes and certificates, exports."""

    permission_check = staticmethod(lambda user: can(user, "contests.results"))
    template_name = "contests/admin/results.html"
    header_icon = "table"

    def get_page_title(self) -> str:
        return _("Kết quả đợt %(n)s: %(title)s") % {
            "n": self.round.number,
            "title": self.round.title,
        }

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(
            (_contest_url(self.contest), self.contest.title),
            ("", _("Kết quả đợt %(n)s") % {"n": self.round.number}),
        )

    @cached_property
    def scope(self) -> ResultsScope:
        scope = results_scope(self.request.user, self.contest)
        if not scope.full and not scope.units:
            raise PermissionDenied
        return scope

    def filter_units(self) -> QuerySet[Unit]:
        """The units offered in the filter: the communes of the round's participants that
        the user may read, and the user's own units."""
        participants = self.scope.participants(
            Participant.objects.filter(contest=self.contest)
        ).values("unit_id")
        own = [u.pk for u in self.scope.units]
        return Unit.objects.filter(Q(pk__in=participants) | Q(pk__in=own)).order_by("depth", "name")

    def selected_units(self) -> tuple[ResultsFilterForm, list[Unit] | None]:
        """The filter form and the units whose participants are shown (None: everyone)."""
        form = ResultsFilterForm(self.request.GET or None, units=self.filter_units())
        chosen = None
        if form.is_bound:
            if form.is_valid():
                chosen = form.cleaned_data.get("unit")
            else:
                messages.error(self.request, _("Địa bàn được chọn không hợp lệ và đã được bỏ qua."))
        if chosen is not None:
            return form, [chosen]
        return form, None if self.scope.full else list(self.scope.units)

    def ranked_rows(self, units: list[Unit] | None) -> list[selectors.LeaderboardRow]:
        round = self.round
        if units is None:
            rows, _total = selectors.leaderboard(round=round, limit=None)
            return rows
        by_participant: dict[int, selectors.LeaderboardRow] = {}
        for unit in units:
            rows, _total = selectors.leaderboard(round=round, unit=unit, limit=None)
            for row in rows:
                by_participant[row.participant_id] = row
        return sorted(by_participant.values(), key=lambda r: r.rank)

    def _contact_to_show(self) -> dict | None:
        stash = self.request.session.get(CONTACT_SESSION_KEY)
        if not stash or stash.get("round") != self.round.pk:
            return None
        del self.request.session[CONTACT_SESSION_KEY]
        if time.time() > stash.get("until", 0):
            return None
        participant = (
            Participant.objects.filter(pk=stash.get("pk"), contest=self.contest)
            .select_related("unit")
            .first()
        )
        if participant is None or not self.scope.allows(participant.unit):
            return None
        return {"pk": participant.pk, "phone": participant.phone, "email": participant.email}

    def render_page(self, *, status: int = 200) -> HttpResponse:
        request, round, contest, scope = self.request, self.round, self.contest, self.scope
        form, units = self.selected_units()
        ranked = self.ranked_rows(units)
        page = Paginator(ranked, RESULTS_PAGE_SIZE).get_page(request.GET.get("p"))
        ids = [row.participant_id for row in page.object_list]
        contacts = {
            pk: (phone, email)
            for pk, phone, email in Participant.objects.filter(pk__in=ids).values_list(
                "pk", "phone", "email"
            )
        }
        prizes = {
            p.participant_id: p.name for p in Prize.objects.filter(round=round, participant__in=ids)
        }
        shown = self._contact_to_show()
        rows = []
        for row in page.object_list:
            phone, email = contacts.get(row.participant_id, ("", ""))
            rows.append(
                {
                    "row": row,
                    "duration": duration_text(row.duration_ms),
                    "phone": phone_masked(phone),
                    "email": email_masked(email),
                    "has_contact": bool(phone or email),
                    "contact": shown if shown and shown["pk"] == row.participant_id else None,
                    "prize": prizes.get(row.participant_id, ""),
                }
            )
        # Counts and participation, over what the user may read.
        participants = Participant.objects.filter(contest=contest)
        attempts = Attempt.objects.filter(round=round).exclude(status=AttemptStatus.ACTIVE)
        if units is not None:
            condition = Q()
            for unit in units:
                condition |= Q(unit__path__startswith=unit.path)
            participants = participants.filter(condition)
            attempts = attempts.filter(participant__in=participants)
        in_scope = set(participants.values_list("unit__code", flat=True).distinct())
        participation = [
            row
            for row in selectors.participation_by_unit(round=round)
            if units is None or row.unit_code in in_scope
        ]
        totals = {
            "urban": sum(r.participants for r in participation if r.is_urban),
            "rural": sum(r.participants for r in participation if not r.is_urban),
            "participants": sum(r.participants for r in participation),
            "attempts": sum(r.attempts for r in participation),
        }
        prize_list = Prize.objects.filter(round=round, participant__in=participants).select_related(
            "participant", "participant__unit", "attempt"
        )
        filters = request.GET.copy()
        filters.pop("p", None)
        export_unit = units[0] if units and len(units) == 1 else None
        context = self.get_context_data(
            contest=contest,
            round=round,
            scope=scope,
            form=form,
            page=page,
            rows=rows,
            ranked_count=len(ranked),
            registered=participants.count(),
            closed_attempts=attempts.count(),
            active_attempts=Attempt.objects.filter(
                round=round, status=AttemptStatus.ACTIVE, participant__in=participants
            ).count(),
            all_correct=selectors.round_all_correct_count(round) if scope.full else None,
            participation=participation,
            totals=totals,
            prizes=list(prize_list),
            certificates=Certificate.objects.filter(
                attempt__round=round, attempt__participant__in=participants
            ).count(),
            state=selectors.round_state(round),
            state_label=STATE_LABELS[selectors.round_state(round)],
            filter_query=filters.urlencode(),
            can_award=scope.full,
            results_url=_results_url(round),
            xlsx_url=(
                reverse("contests_admin:results_xlsx", args=[contest.pk, round.number])
                + f"?{filters.urlencode()}"
                if units is None or export_unit is not None
                else ""
            ),
            participation_form=ParticipationForm() if scope.full else None,
            exports_need_unit=units is not None and export_unit is None,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


class ResultsXlsxView(ResultsView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _form, units = self.selected_units()
        back = _results_url(self.round, query=request.GET.urlencode())
        if units is not None and len(units) != 1:
            messages.error(request, _("Hãy chọn một địa bàn để xuất kết quả."))
            return redirect(back)
        unit = units[0] if units else None
        content = exports.results_xlsx(round=self.round, unit=unit)
        response = HttpResponse(content, content_type=XLSX_TYPE)
        suffix = f"-{unit.code}" if unit else ""
        name = f"ket-qua-{self.contest.slug[:60]}-dot-{self.round.number}{suffix}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ParticipationXlsxView(ResultsView):
    """Participation per commune (urban/rural) for the round and an optional period; the
    whole round only (organisers' "contests.results")."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.scope.full:
            raise PermissionDenied
        form = ParticipationForm(request.GET)
        if not form.is_valid():
            messages.error(request, _("Chưa xuất được: %(e)s") % {"e": form_errors_text(form)})
            return self.render_page()
        date_from, date_to = form.bounds()
        content = exports.participation_xlsx(round=self.round, date_from=date_from, date_to=date_to)
        response = HttpResponse(content, content_type=XLSX_TYPE)
        name = f"tham-gia-{self.contest.slug[:60]}-dot-{self.round.number}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ResultsActionView(ResultsView):
    """POST only: prizes or certificates for the whole round (organisers only)."""

    http_method_names = ["post"]
    error_title = gettext_lazy("Chưa thực hiện được")

    def perform(self) -> str:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.scope.full:
            denied = _("Bạn không có quyền làm việc này.")
            messages.error(request, f"{self.error_title}: {denied}")
            return self.render_page(status=403)
        try:
            message = self.perform()
        except ContestStateError as exc:
            messages.error(request, f"{self.error_title}: {exc}")
            return self.render_page(status=409)
        except ContestInputError as exc:
            messages.error(request, f"{self.error_title}: {' '.join(exc.errors.values())}")
            return self.render_page()
        except PermissionDenied as exc:
            messages.error(request, f"{self.error_title}: {_permission_message(exc)}")
            return self.render_page(status=403)
        messages.success(request, message)
        return redirect(_results_url(self.round, anchor="giai"))


class PrizesSelectView(ResultsActionView):
    error_title = gettext_lazy("Chưa xét giải được")

    def perform(self) -> str:
        prizes = results.prizes_select(actor=self.request.user, round=self.round)
        return _("Đã xét giải: %(n)s người đoạt giải theo bảng xếp hạng.") % {"n": len(prizes)}


class CertificatesIssueView(ResultsActionView):
    error_title = gettext_lazy("Chưa cấp được giấy chứng nhận")

    def perform(self) -> str:
        count = results.certificates_issue(actor=self.request.user, round=self.round)
        return _("Đã cấp %(n)s giấy chứng nhận mới.") % {"n": count}


class ContactView(ResultsView):
    """POST "Xem": one audited look at a participant's phone number and e-mail address
    (``contests.personal_data.view``); the next view of the results shows them once."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        participant = (
            Participant.objects.filter(pk=self.kwargs["participant"], contest=self.contest)
            .select_related("unit")
            .first()
        )
        if participant is None or not self.scope.allows(participant.unit):
            raise Http404
        if participant.personal_data_erased_at is not None:
            messages.error(request, _("Thông tin của người dự thi này đã được xoá."))
            return redirect(_results_url(self.round))
        with transaction.atomic():
            audit_record(
                action="contests.personal_data.view",
                obj=participant,
                actor=request.user,
                data={"round": self.round.pk},
            )
        request.session[CONTACT_SESSION_KEY] = {
            "pk": participant.pk,
            "round": self.round.pk,
            "until": time.time() + CONTACT_SHOW_SECONDS,
        }
        messages.success(request, _("Lần xem thông tin liên hệ này đã được ghi vào nhật ký."))
        query = urlencode({k: v for k, v in request.GET.items() if k in ("unit", "p") and v})
        return redirect(_results_url(self.round, query=query, anchor=f"nguoi-{participant.pk}"))
