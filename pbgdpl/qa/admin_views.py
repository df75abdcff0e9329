"""Back-office screens of the Legal Q&A (Wagtail admin, under ``/admin/hoi-dap/``): the
queue, one question with every action on it, the settings (deadlines, holidays) and the
reports with their XLSX export.

Views are thin: forms (:mod:`.admin_forms`) shape the input, :mod:`.services` and
:mod:`.config_services` write (each checks the permission again and audits), the selectors
and :mod:`.reports` read. Who sees what:

- the queue and a question's screen: only questions of ``selectors.questions_queue`` (the
  communes where the user triages or approves, and questions assigned to them where they
  answer); any other question is "not found" (404), so nobody learns it exists;
- the original wording of a question is shown to everyone who may act on it (it is needed
  to answer); the asker's contact details only to holders of "qa.personal_data", one
  audited look at a time ("Xem thông tin liên hệ", a POST);
- settings: province-level "qa.configure"; reports: "qa.report", over the communes where
  the user holds it.

Every change is a POST (CSRF-protected). A change that succeeds ends in a redirect; one
the services refuse shows the page again with what was typed and the services' message
(as a Wagtail message and on the field), so nothing typed is lost.
"""

import contextlib
import json
import re
import time
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
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

from pbgdpl.core.models import AuditEvent, CalendarDay
from pbgdpl.core.text import fold
from pbgdpl.laws.models import LegalField
from pbgdpl.people.backoffice import (
    PermissionCheckMixin,
    permission_denied_message,
    units_for,
)
from pbgdpl.people.backoffice_forms import errors_to_form
from pbgdpl.people.models import Role, RoleAssignment
from pbgdpl.people.permissions import (
    can,
    filter_permitted,
    registered_actions,
)
from pbgdpl.units.models import Unit

from . import services
from .admin_forms import (
    STATUS_ALL,
    AnswerForm,
    AssignForm,
    CalendarDayDeleteForm,
    CalendarDayForm,
    ClassifyForm,
    DeclineForm,
    MergeForm,
    QueueFilterForm,
    ReportForm,
    ReturnForm,
    ServiceLevelForm,
    UnpublishForm,
    citation_formset,
)
from .config_services import QA_SETTINGS
from .models import (
    ANSWERED_STATUSES,
    OPEN_STATUSES,
    Question,
    QuestionStatus,
    ServiceLevel,
)
from .reports import qa_report, qa_report_xlsx
from .selectors import overdue_q, question_citations, question_url, questions_queue
from .services import CitationInput, QaInputError, QaStateError

QUEUE_PAGE_SIZE = 50
WORK_ACTIONS = ("qa.triage", "qa.answer", "qa.approve")
MENU_ACTIONS = (*WORK_ACTIONS, "qa.report")
MERGE_CANDIDATES = 8
MERGE_POOL = 200
CITATION_SEARCH_LIMIT = 10
# After "Xem thông tin liên hệ" the next view of the question shows the details once.
CONTACT_SESSION_KEY = "qa_admin_contact"
CONTACT_SHOW_SECONDS = 120
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --------------------------------------------------------------------------- permission


def can_work_on_questions(user: Any) -> bool:
    """Whether ``user`` triages, answers or approves questions anywhere."""
    return any(can(user, action) for action in WORK_ACTIONS)


def can_see_qa_menu(user: Any) -> bool:
    """Whether the "Hỏi đáp pháp luật" menu is shown to ``user``."""
    return any(can(user, action) for action in MENU_ACTIONS)


def can_report(user: Any) -> bool:
    return can(user, "qa.report")


def can_configure(user: Any) -> bool:
    """Province-level "qa.configure" (the settings belong to no commune)."""
    return can(user, "qa.configure", QA_SETTINGS)


def _permission_message(exc: PermissionDenied) -> str:
    return permission_denied_message(
        exc, default=_("Bạn không có quyền làm việc này với câu hỏi này.")
    )


def _crumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
        {"url": reverse("qa_admin:queue"), "label": _("Hỏi đáp pháp luật")},
    ]
    return crumbs + [{"url": url, "label": label} for url, label in items]


# --------------------------------------------------------------------------- reads


def units_where(user: Any, actions: tuple[str, ...]) -> QuerySet[Unit]:
    """Communes, wards and special zones in force where ``user`` holds any of ``actions``."""
    return units_for(user, actions, within=services.question_units()).order_by("name")


def queue_units(user: Any) -> QuerySet[Unit]:
    """The communes offered in the queue filter: those where the user works on questions,
    and those of any question in their queue (a commune merged since, an assignment)."""
    where = units_where(user, WORK_ACTIONS).values("pk")
    in_queue = questions_queue(user).values("unit_id")
    return Unit.objects.filter(Q(pk__in=where) | Q(pk__in=in_queue)).order_by("name")


def assignee_candidates(question: Question) -> list[tuple[int, str]]:
    """Who may be given ``question``: active users holding, today, a role of the
    "qa.answer" action on the question's commune or a unit above it."""
    roles = registered_actions()["qa.answer"].roles
    path = question.unit.path
    prefixes = [path[: i + 1] for i, char in enumerate(path) if char == "/"]
    rows = (
        RoleAssignment.objects.active()
        .filter(
            role__in=roles,
            unit__path__in=prefixes,
            unit__valid_to__isnull=True,
            user__is_active=True,
        )
        .select_related("user", "unit")
        .order_by("user__last_name", "user__first_name", "user_id", "unit__depth")
    )
    labels: dict[int, str] = {}
    role_names = dict(Role.choices)
    for row in rows:
        if row.user_id in labels:
            continue
        labels[row.user_id] = _("%(name)s — %(role)s, %(unit)s") % {
            "name": row.user,
            "role": role_names.get(row.role, row.role),
            "unit": row.unit.name,
        }
    return sorted(labels.items(), key=lambda item: fold(item[1]))


_WORD = re.compile(r"\w{2,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text or "")))


def _question_label(question: Question) -> str:
    wording = (
        question.title or question.public_question or services.personal_data_mask(question.text)
    )
    wording = " ".join(wording.split())
    if len(wording) > 140:
        wording = wording[:139] + "…"
    return f"{question.code} · {question.get_status_display()} · {wording or '—'}"


def merge_candidates(user: Any, question: Question) -> list[tuple[int, str]]:
    """Open or answered questions of the same field that ``user`` triages, the most alike
    (shared words of their wording) first: what a duplicate is usually merged into."""
    pool = list(
        filter_permitted(
            user,
            "qa.triage",
            Question.objects.filter(
                legal_field_id=question.legal_field_id,
                status__in=(*OPEN_STATUSES, *ANSWERED_STATUSES),
                duplicate_of__isnull=True,
            ).exclude(pk=question.pk),
        ).order_by("-received_at")[:MERGE_POOL]
    )
    mine = _words(question.text or question.public_question or question.title)

    def likeness(other: Question) -> float:
        theirs = _words(" ".join([other.title, other.public_question, other.text]))
        union = mine | theirs
        return len(mine & theirs) / len(union) if union else 0.0

    ranked = sorted(pool, key=lambda other: -likeness(other))[:MERGE_CANDIDATES]
    return [(other.pk, _question_label(other)) for other in ranked]


HISTORY_LABELS = {
    "qa.question.receive": gettext_lazy("Tiếp nhận câu hỏi"),
    "qa.question.classify": gettext_lazy("Phân loại lại"),
    "qa.question.assign": gettext_lazy("Phân công trả lời"),
    "qa.question.decline": gettext_lazy("Không trả lời (từ chối)"),
    "qa.question.merge": gettext_lazy("Gộp vào câu hỏi khác"),
    "qa.answer.save": gettext_lazy("Lưu bản nháp câu trả lời"),
    "qa.answer.submit": gettext_lazy("Trình duyệt câu trả lời"),
    "qa.answer.return": gettext_lazy("Trả lại để sửa"),
    "qa.answer.approve": gettext_lazy("Duyệt câu trả lời"),
    "qa.question.publish": gettext_lazy("Công khai"),
    "qa.question.unpublish": gettext_lazy("Gỡ khỏi trang công khai"),
    "qa.personal_data.view": gettext_lazy("Xem thông tin liên hệ của người hỏi"),
    "qa.personal_data.erase": gettext_lazy("Xoá dữ liệu cá nhân của người hỏi"),
}


def _history_detail(event: AuditEvent, users: dict[int, str]) -> str:
    data = event.data or {}
    if event.action == "qa.question.assign":
        due = data.get("due_on", "")
        with contextlib.suppress(TypeError, ValueError):
            due = date.fromisoformat(due).strftime("%d/%m/%Y")
        return _("Giao cho %(name)s, hạn %(due)s") % {
            "name": users.get(data.get("assignee"), "—"),
            "due": due or "—",
        }
    if event.action == "qa.question.classify":
        before, after = data.get("before") or {}, data.get("after") or {}
        return _("Lĩnh vực %(f1)s → %(f2)s; xã, phường %(u1)s → %(u2)s") % {
            "f1": before.get("field", "—"),
            "f2": after.get("field", "—"),
            "u1": before.get("unit", "—"),
            "u2": after.get("unit", "—"),
        }
    if event.action == "qa.question.merge":
        return _("Vào câu hỏi %(code)s") % {"code": data.get("into", "—")}
    if event.action == "qa.answer.save":
        cited = data.get("citations") or []
        return _("%(count)s căn cứ pháp lý") % {"count": len(cited)} if cited else ""
    if event.action == "qa.question.unpublish" and data.get("reason"):
        return _("Lý do: %(reason)s") % {"reason": data["reason"]}
    if event.action == "qa.personal_data.erase":
        return (
            _("Theo yêu cầu của người hỏi")
            if data.get("reason") == "request"
            else _("Hết thời hạn lưu trữ")
        )
    return ""


def question_history(question: Question) -> list[dict]:
    """The audit events of ``question``, oldest first, ready to show: time, who, what."""
    events = list(
        AuditEvent.objects.filter(
            object_type=Question._meta.label_lower, object_id=str(question.pk)
        ).order_by("seq")
    )
    assignee_ids = {
        e.data.get("assignee")
        for e in events
        if e.action == "qa.question.assign" and isinstance(e.data, dict)
    }
    from django.contrib.auth import get_user_model

    users = {
        user.pk: str(user) for user in get_user_model().objects.filter(pk__in=assignee_ids - {None})
    }
    out = []
    for event in events:
        if event.actor_label:
            actor = event.actor_label
        elif event.action == "qa.question.receive" or (
            event.action == "qa.personal_data.erase" and event.data.get("reason") == "request"
        ):
            actor = _("Người hỏi")
        else:
            actor = _("Hệ thống")
        out.append(
            {
                "at": event.created_at,
                "actor": actor,
                "action": HISTORY_LABELS.get(event.action, event.action),
                "detail": _history_detail(event, users),
            }
        )
    return out


def citation_from_hit(hit: dict) -> CitationInput | None:
    """The legal ground a search hit stands for: for a Pháp điển article, the provision it
    comes from (its ``source``); for an article of a document, that document and article.
    None when the hit carries no document number."""
    source = hit.get("source") or {}
    document = hit.get("document") or {}
    if source.get("document_number"):
        clause = source.get("clause_number") or ""
        return CitationInput(
            number=source["document_number"],
            article=source.get("article_number") or "",
            detail=_("Khoản %(clause)s") % {"clause": clause} if clause else "",
            title=document.get("title") or "",
        )
    if document.get("number"):
        provision = hit.get("provision") or {}
        return CitationInput(
            number=document["number"],
            article=provision.get("article_number") or "",
            detail="",
            title=document.get("title") or "",
        )
    return None


def citation_label(citation: CitationInput) -> str:
    """A legal ground in one line: "Khoản 2, Điều 18, 52/2014/QH13"."""
    parts = [citation.detail.strip()]
    if citation.article.strip():
        parts.append(_("Điều %(article)s") % {"article": citation.article.strip()})
    parts.append(citation.number.strip())
    return ", ".join(p for p in parts if p)


def _citation_payload(citation: CitationInput) -> str:
    return json.dumps(
        {
            "number": citation.number,
            "article": citation.article,
            "detail": citation.detail,
            "title": citation.title,
        },
        ensure_ascii=False,
    )


def _citation_from_payload(raw: str) -> CitationInput | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("number"), str):
        return None
    values = {}
    for key, limit in (("number", 80), ("article", 20), ("detail", 80), ("title", 300)):
        value = data.get(key, "")
        if not isinstance(value, str):
            return None
        values[key] = value[:limit]
    return CitationInput(**values) if values["number"].strip() else None


def citation_search(q: str) -> list[dict]:
    """Articles (of documents and of the Pháp điển) for ``q``, each with the citation it
    would add. Raises SearchInputError for a request search refuses."""
    from pbgdpl.search.selectors import SearchRequest, search_run

    hits = search_run(SearchRequest(q=q, kind="provision", limit=CITATION_SEARCH_LIMIT)).results
    out = []
    for hit in hits:
        citation = citation_from_hit(hit)
        document = hit.get("document") or {}
        out.append(
            {
                "title": hit.get("title", ""),
                "url": hit.get("url", ""),
                "snippet": hit.get("snippet", ""),
                "document": document,
                "source": hit.get("source") or {},
                "citation": citation,
                "payload": _citation_payload(citation) if citation else "",
            }
        )
    return out


# --------------------------------------------------------------------------- queue


class QueueView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """The questions the user may work on, open ones by due date first; filters, search,
    sorting, counts per status. No personal data (not even the wording)."""

    permission_check = staticmethod(can_work_on_questions)
    template_name = "qa/admin/queue.html"
    page_title = gettext_lazy("Hỏi đáp pháp luật")
    header_icon = "help"
    ORDERINGS = {
        "han": ("due_on", "received_at", "pk"),
        "-han": ("-due_on", "-received_at", "-pk"),
        "nhan": ("received_at", "pk"),
        "-nhan": ("-received_at", "-pk"),
    }

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
            {"url": "", "label": _("Hỏi đáp pháp luật")},
        ]

    def get_header_buttons(self) -> list:
        user = self.request.user
        buttons = []
        if can_report(user):
            buttons.append(
                HeaderButton(_("Báo cáo"), url=reverse("qa_admin:report"), icon_name="table")
            )
        if can_configure(user):
            buttons.append(
                HeaderButton(_("Cấu hình"), url=reverse("qa_admin:settings"), icon_name="cog")
            )
        return buttons

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        base = questions_queue(user)
        form = QueueFilterForm(request.GET or None, units=queue_units(user))
        if form.is_bound and not form.is_valid():
            messages.error(request, _("Một số bộ lọc không hợp lệ và đã được bỏ qua."))
        today = timezone.localdate()
        questions = base
        status = form.value("status")
        if status == STATUS_ALL:
            pass
        elif status:
            questions = questions.filter(status=status)
        else:
            questions = questions.filter(status__in=OPEN_STATUSES)
        if form.value("field"):
            questions = questions.filter(legal_field=form.value("field"))
        if form.value("unit"):
            questions = questions.filter(unit=form.value("unit"))
        if form.value("mine"):
            questions = questions.filter(assignee_id=user.pk)
        if form.value("overdue"):
            questions = questions.filter(overdue_q(today=today))
        text = (form.value("q") or "").strip()
        if text:
            condition = Q(code__icontains=text) | Q(title__icontains=text)
            code = services.tracking_code_normalize(text)
            if code:
                condition |= Q(code=code)
            questions = questions.filter(condition)
        sort = form.value("sort") or "han"
        questions = questions.order_by(*self.ORDERINGS.get(sort, self.ORDERINGS["han"]))
        page = Paginator(questions, QUEUE_PAGE_SIZE).get_page(request.GET.get("p"))

        counts = dict(base.order_by().values_list("status").annotate(n=Count("pk")))
        status_counts = [
            {"value": value, "label": label, "count": counts.get(value, 0)}
            for value, label in QuestionStatus.choices
        ]
        filters = request.GET.copy()
        filters.pop("p", None)
        given = {k: v for k, v in filters.items() if v}
        quick = ""
        if not given:
            quick = "open"
        elif given in ({"mine": "on"}, {"overdue": "on"}):
            quick = next(iter(given))
        elif list(given) == ["status"]:
            quick = given["status"]
        context = self.get_context_data(
            form=form,
            page=page,
            today=today,
            quick=quick,
            open_statuses=[str(s) for s in OPEN_STATUSES],
            total_count=sum(counts.values()),
            status_counts=status_counts,
            open_count=sum(counts.get(s, 0) for s in OPEN_STATUSES),
            overdue_count=base.filter(overdue_q(today=today)).count(),
            mine_count=base.filter(assignee_id=user.pk, status__in=OPEN_STATUSES).count(),
            review_count=counts.get(QuestionStatus.REVIEW, 0),
            filter_query=filters.urlencode(),
            filtered=bool(request.GET),
        )
        return self.render_to_response(context)


# --------------------------------------------------------------------------- one question


def _detail_url(question: Question, *, anchor: str = "", **params: str) -> str:
    url = reverse("qa_admin:detail", args=[question.pk])
    query = {k: v for k, v in params.items() if v}
    if query:
        url += "?" + urlencode(query)
    return url + (f"#{anchor}" if anchor else "")


class QuestionView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """One question: facts, the original wording, contact details on request, the actions
    the user may take in its state, the answer and its legal grounds, the history."""

    permission_check = staticmethod(can_work_on_questions)
    template_name = "qa/admin/detail.html"
    header_icon = "help"

    @cached_property
    def question(self) -> Question:
        # Looked up among the user's questions only: any other one is "not found".
        return get_object_or_404(
            questions_queue(self.request.user).select_related(
                "drafted_by", "approved_by", "duplicate_of"
            ),
            pk=self.kwargs["pk"],
        )

    def reload(self) -> None:
        self.__dict__.pop("question", None)

    def get_page_title(self) -> str:
        return _("Câu hỏi %(code)s") % {"code": self.question.code}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", self.question.code))

    # -- what the user may do here

    def permissions(self) -> dict[str, bool]:
        user, question = self.request.user, self.question
        status = question.status
        triage = can(user, "qa.triage", question)
        approve = can(user, "qa.approve", question)
        draft = services.qa_can_draft(user, question)
        is_open = status in OPEN_STATUSES
        writer = question.drafted_by_id == user.pk and not user.is_superuser
        return {
            "classify": triage and is_open,
            "assign": triage and status in (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED),
            "decline": triage and is_open,
            "merge": triage and is_open,
            "editor": draft
            and (
                status in (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED)
                or (approve and status in ANSWERED_STATUSES)
            ),
            "submit": draft and status in (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED),
            "review": approve and status == QuestionStatus.REVIEW,
            "approve": approve and status == QuestionStatus.REVIEW and not writer,
            "own_answer": status == QuestionStatus.REVIEW and writer,
            "publish": approve and status == QuestionStatus.ANSWERED,
            "unpublish": approve and status == QuestionStatus.PUBLISHED,
            "contact": question.has_personal_data and can(user, "qa.personal_data", question),
        }

    def _contact_to_show(self) -> dict | None:
        """The contact details, once, right after an audited "Xem thông tin liên hệ"."""
        stash = self.request.session.get(CONTACT_SESSION_KEY)
        if not stash or stash.get("pk") != self.question.pk:
            return None
        del self.request.session[CONTACT_SESSION_KEY]
        if time.time() > stash.get("until", 0):
            return None
        if not can(self.request.user, "qa.personal_data", self.question):
            return None
        question = self.question
        return {
            "name": question.asker_name,
            "email": question.asker_email,
            "phone": question.asker_phone,
            "consent_version": question.consent_version,
            "consent_at": question.consent_at,
        }

    def render_page(
        self, *, status: int = 200, search: str | None = None, **forms: Any
    ) -> HttpResponse:
        request, question = self.request, self.question
        user = request.user
        allowed = self.permissions()
        search = (request.GET.get("tim", "") if search is None else search).strip()[:200]
        results, search_error = [], ""
        if allowed["editor"] and search:
            from pbgdpl.search.selectors import SearchInputError

            try:
                results = citation_search(search)
            except SearchInputError as exc:
                search_error = str(exc)
        if allowed["classify"] and "classify_form" not in forms:
            forms["classify_form"] = ClassifyForm(
                question=question, units=units_where(user, ("qa.triage",))
            )
        if allowed["assign"] and "assign_form" not in forms:
            forms["assign_form"] = AssignForm(
                question=question, candidates=assignee_candidates(question)
            )
        if allowed["decline"] and "decline_form" not in forms:
            forms["decline_form"] = DeclineForm()
        if allowed["merge"] and "merge_form" not in forms:
            forms["merge_form"] = MergeForm(candidates=merge_candidates(user, question))
        if allowed["editor"] and "answer_form" not in forms:
            forms["answer_form"] = AnswerForm(question=question)
        if allowed["editor"] and "citation_forms" not in forms:
            forms["citation_forms"] = citation_formset(question=question)
        if allowed["review"] and "return_form" not in forms:
            forms["return_form"] = ReturnForm()
        if allowed["unpublish"] and "unpublish_form" not in forms:
            forms["unpublish_form"] = UnpublishForm()
        today = timezone.localdate()
        context = self.get_context_data(
            question=question,
            allowed=allowed,
            overdue=question.status in OPEN_STATUSES and question.due_on < today,
            today=today,
            citations=question_citations(question),
            audiences=list(question.audiences.all()),
            public_url=question_url(question)
            if question.status == QuestionStatus.PUBLISHED
            else "",
            duplicates=list(question.duplicates.order_by("received_at")),
            history=question_history(question),
            contact=self._contact_to_show() if allowed["contact"] else None,
            search=search,
            search_results=results,
            search_error=search_error,
            **forms,
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


class QuestionActionView(QuestionView):
    """POST only: one action on the question through a service. Success: a message and a
    redirect to the question. Refusal: the page again, with the typed values, the
    service's message and the field errors; 403 when not permitted, 409 when the state
    does not allow it."""

    http_method_names = ["post"]
    form_class: Any = None
    form_name = ""
    error_title = gettext_lazy("Chưa thực hiện được")
    anchor = ""

    def make_form(self, data: Any) -> Any:
        return self.form_class(data) if self.form_class else None

    def perform(self, form: Any) -> str:
        """Call the service; return the success message."""
        raise NotImplementedError

    def success_url(self) -> str:
        return _detail_url(self.question, anchor=self.anchor)

    def refuse(self, form: Any, message: str, *, status: int) -> HttpResponse:
        messages.error(self.request, message)
        self.reload()
        forms = {self.form_name: form} if self.form_name and form is not None else {}
        return self.render_page(status=status, **forms)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.question  # noqa: B018  (404 before anything else for someone else's question)
        form = self.make_form(request.POST)
        if form is not None and not form.is_valid():
            errors = [e for errs in form.errors.values() for e in errs]
            return self.refuse(form, f"{self.error_title}: {' '.join(errors)}", status=200)
        try:
            message = self.perform(form)
        except QaInputError as exc:
            if form is not None:
                errors_to_form(form, exc.errors)
            return self.refuse(
                form, f"{self.error_title}: {' '.join(exc.errors.values())}", status=200
            )
        except QaStateError as exc:
            return self.refuse(form, f"{self.error_title}: {exc}", status=409)
        except PermissionDenied as exc:
            return self.refuse(form, f"{self.error_title}: {_permission_message(exc)}", status=403)
        messages.success(request, message)
        return redirect(self.success_url())


class ClassifyView(QuestionActionView):
    form_name = "classify_form"
    error_title = gettext_lazy("Chưa phân loại lại được")

    def make_form(self, data: Any) -> ClassifyForm:
        return ClassifyForm(
            data, question=self.question, units=units_where(self.request.user, ("qa.triage",))
        )

    def perform(self, form: ClassifyForm) -> str:
        services.qa_question_classify(
            actor=self.request.user,
            question=self.question,
            legal_field=form.cleaned_data["legal_field"],
            unit=form.cleaned_data["unit"],
        )
        return _("Đã phân loại lại câu hỏi.")


class AssignView(QuestionActionView):
    form_name = "assign_form"
    error_title = gettext_lazy("Chưa phân công được")

    def make_form(self, data: Any) -> AssignForm:
        return AssignForm(
            data, question=self.question, candidates=assignee_candidates(self.question)
        )

    def perform(self, form: AssignForm) -> str:
        from django.contrib.auth import get_user_model

        assignee = get_user_model().objects.filter(pk=form.cleaned_data["assignee"]).first()
        question = services.qa_question_assign(
            actor=self.request.user,
            question=self.question,
            assignee=assignee,
            due_on=form.cleaned_data.get("due_on"),
        )
        return _("Đã giao câu hỏi cho %(name)s, hạn trả lời %(due)s.") % {
            "name": assignee,
            "due": question.due_on.strftime("%d/%m/%Y"),
        }


class DeclineView(QuestionActionView):
    form_class = DeclineForm
    form_name = "decline_form"
    error_title = gettext_lazy("Chưa từ chối được")

    def perform(self, form: DeclineForm) -> str:
        services.qa_question_decline(
            actor=self.request.user, question=self.question, reason=form.cleaned_data["reason"]
        )
        return _("Đã đóng câu hỏi, không trả lời; người hỏi được báo lý do.")


class MergeView(QuestionActionView):
    form_name = "merge_form"
    error_title = gettext_lazy("Chưa gộp được")

    def make_form(self, data: Any) -> MergeForm:
        return MergeForm(data, candidates=merge_candidates(self.request.user, self.question))

    def perform(self, form: MergeForm) -> str:
        user = self.request.user
        into = None
        code = form.cleaned_data.get("into_code", "").strip()
        if form.cleaned_data.get("into"):
            into = Question.objects.filter(pk=form.cleaned_data["into"]).first()
        elif code:
            normalized = services.tracking_code_normalize(code)
            # Only questions the user may triage: any other code is "not found".
            into = (
                filter_permitted(user, "qa.triage", Question.objects.filter(code=normalized))
                .select_related("unit")
                .first()
                if normalized
                else None
            )
            if into is None:
                raise QaInputError(
                    {
                        "into_code": _(
                            "Không tìm thấy câu hỏi có mã “%(code)s” trong các câu hỏi bạn "
                            "được xử lý."
                        )
                        % {"code": code[:30]}
                    }
                )
        if into is None:
            raise QaInputError({"into": _("Câu hỏi được chọn không còn trong danh sách.")})
        try:
            question = services.qa_question_merge(actor=user, question=self.question, into=into)
        except QaInputError as exc:
            # The service names the field "into"; show it where the code was typed.
            if code and "into" in exc.errors:
                raise QaInputError({"into_code": exc.errors["into"]}) from None
            raise
        return _("Đã gộp câu hỏi vào %(code)s.") % {"code": question.duplicate_of.code}


class ReturnView(QuestionActionView):
    form_class = ReturnForm
    form_name = "return_form"
    error_title = gettext_lazy("Chưa trả lại được")

    def perform(self, form: ReturnForm) -> str:
        services.qa_answer_return(
            actor=self.request.user, question=self.question, note=form.cleaned_data["note"]
        )
        return _("Đã trả lại câu trả lời cho người soạn.")


class ApproveView(QuestionActionView):
    error_title = gettext_lazy("Chưa duyệt được")

    def perform(self, form: None) -> str:
        services.qa_answer_approve(actor=self.request.user, question=self.question)
        return _("Đã duyệt câu trả lời; người hỏi xem được bằng mã theo dõi.")


class PublishView(QuestionActionView):
    error_title = gettext_lazy("Chưa công khai được")
    anchor = "tra-loi"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.qa_question_publish(actor=request.user, question=self.question)
        except QaInputError as exc:
            # The problems are in the answer's wording: show them on the editor's fields.
            messages.error(request, f"{self.error_title}: {' '.join(exc.errors.values())}")
            self.reload()
            forms: dict[str, Any] = {}
            if self.permissions()["editor"]:
                question = self.question
                stored = AnswerForm(question=question).initial
                data = {
                    "title": question.title,
                    "public_question": question.public_question,
                    "answer": question.answer,
                    "audiences": [a.pk for a in stored.get("audiences", [])],
                }
                form = AnswerForm(data, question=question)
                form.is_valid()
                errors_to_form(form, {k: v for k, v in exc.errors.items() if k in form.fields})
                forms["answer_form"] = form
            return self.render_page(publish_errors=exc.errors, **forms)
        except QaStateError as exc:
            return self.refuse(None, f"{self.error_title}: {exc}", status=409)
        except PermissionDenied as exc:
            return self.refuse(None, f"{self.error_title}: {_permission_message(exc)}", status=403)
        messages.success(request, _("Đã công khai câu hỏi và câu trả lời."))
        return redirect(self.success_url())


class UnpublishView(QuestionActionView):
    form_class = UnpublishForm
    form_name = "unpublish_form"
    error_title = gettext_lazy("Chưa gỡ được")

    def perform(self, form: UnpublishForm) -> str:
        services.qa_question_unpublish(
            actor=self.request.user, question=self.question, reason=form.cleaned_data["reason"]
        )
        return _("Đã gỡ câu hỏi khỏi trang công khai (câu trả lời vẫn giữ).")


class ContactView(QuestionActionView):
    """POST "Xem thông tin liên hệ": one audited look (``qa_personal_data_view``); the
    next view of the question shows the details once."""

    error_title = gettext_lazy("Không xem được thông tin liên hệ")
    anchor = "lien-he"

    def perform(self, form: None) -> str:
        services.qa_personal_data_view(actor=self.request.user, question=self.question)
        self.request.session[CONTACT_SESSION_KEY] = {
            "pk": self.question.pk,
            "until": time.time() + CONTACT_SHOW_SECONDS,
        }
        return _("Lần xem thông tin liên hệ này đã được ghi vào nhật ký.")


class AnswerView(QuestionActionView):
    """The answer editor (one form, so nothing typed is lost whatever button is pressed):

    - "Lưu nháp" saves; "Lưu và trình duyệt" saves then sends it to approval;
    - "Tìm" looks for articles (saving the draft first when it was changed) and shows the
      results under ``?tim=…``;
    - "Thêm làm căn cứ" on a result saves the draft with that legal ground added.
    """

    error_title = gettext_lazy("Chưa lưu được câu trả lời")
    OPS = ("luu", "trinh", "tim")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        question = self.question
        form = AnswerForm(request.POST, question=question)
        citation_forms = citation_formset(request.POST, question=question)
        search = request.POST.get("tim", "").strip()[:200]
        op = request.POST.get("thao_tac", "luu")
        if op not in self.OPS:
            op = "luu"
        added = None
        if request.POST.get("them_can_cu"):
            added = _citation_from_payload(request.POST["them_can_cu"])
            if added is None:
                messages.error(request, _("Căn cứ được chọn không hợp lệ; hãy tìm lại."))
                return self.render_page(
                    search=search, answer_form=form, citation_forms=citation_forms
                )

        def again(message: str, status: int) -> HttpResponse:
            messages.error(request, message)
            self.reload()
            return self.render_page(
                status=status, search=search, answer_form=form, citation_forms=citation_forms
            )

        if not (form.is_valid() and citation_forms.is_valid()):
            return again(_("Chưa lưu được: hãy sửa các lỗi bên dưới."), 200)
        changed = form.has_changed() or citation_forms.has_changed() or added is not None
        if op == "tim" and not changed:
            if not search:
                messages.warning(request, _("Hãy gõ vài từ về điều luật cần tìm."))
            return redirect(_detail_url(question, anchor="tim-can-cu", tim=search))
        saved = False
        try:
            question = services.qa_answer_save(
                actor=request.user,
                question=question,
                answer=form.cleaned_data["answer"],
                citations=citation_forms.citations(extra=added),
                title=form.cleaned_data["title"],
                public_question=form.cleaned_data["public_question"],
                audience_ids=[a.pk for a in form.cleaned_data["audiences"]],
            )
            saved = True
            if op == "trinh":
                services.qa_answer_submit(actor=request.user, question=question)
        except QaInputError as exc:
            errors_to_form(form, exc.errors)
            if "citations" in exc.errors:
                citation_forms._non_form_errors = citation_forms.error_class(
                    [exc.errors["citations"]], renderer=citation_forms.renderer
                )
            title = _("Đã lưu bản nháp nhưng chưa trình duyệt được") if saved else self.error_title
            return again(f"{title}: {' '.join(exc.errors.values())}", 200)
        except QaStateError as exc:
            title = _("Đã lưu bản nháp nhưng chưa trình duyệt được") if saved else self.error_title
            return again(f"{title}: {exc}", 409)
        except PermissionDenied as exc:
            return again(f"{self.error_title}: {_permission_message(exc)}", 403)
        if op == "trinh":
            messages.success(request, _("Đã lưu và trình duyệt câu trả lời."))
            return redirect(_detail_url(question))
        if added is not None:
            messages.success(
                request,
                _("Đã thêm căn cứ “%(citation)s” và lưu bản nháp.")
                % {"citation": citation_label(added)},
            )
            return redirect(_detail_url(question, anchor="can-cu", tim=search))
        messages.success(request, _("Đã lưu bản nháp câu trả lời."))
        if op == "tim":
            return redirect(_detail_url(question, anchor="tim-can-cu", tim=search))
        return redirect(_detail_url(question, anchor="tra-loi"))


# --------------------------------------------------------------------------- settings


class SettingsView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Answer deadlines per field and the calendar of holidays and make-up days."""

    permission_check = staticmethod(can_configure)
    template_name = "qa/admin/settings.html"
    page_title = gettext_lazy("Cấu hình hỏi đáp")
    header_icon = "cog"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Cấu hình")))

    def year(self) -> int:
        raw = self.request.GET.get("nam") or self.request.POST.get("nam") or ""
        today = timezone.localdate()
        return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else today.year

    def render_page(
        self,
        *,
        status: int = 200,
        day_form: CalendarDayForm | None = None,
        level_error: tuple[str, str, str] | None = None,
    ) -> HttpResponse:
        from django.conf import settings

        year = self.year()
        levels = dict(ServiceLevel.objects.values_list("legal_field_id", "working_days"))
        fields = [
            {"field": f, "working_days": levels.get(f.pk), "error": "", "value": levels.get(f.pk)}
            for f in LegalField.objects.order_by("name")
        ]
        if level_error is not None:
            code, value, message = level_error
            for row in fields:
                if row["field"].code == code:
                    row["error"], row["value"] = message, value
        context = self.get_context_data(
            fields=fields,
            default_days=settings.QA_ANSWER_WORKING_DAYS,
            year=year,
            days=list(CalendarDay.objects.filter(day__year=year).order_by("day")),
            day_form=day_form or CalendarDayForm(initial={"day": date(year, 1, 1)}),
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()


def _settings_url(year: int | None = None, anchor: str = "") -> str:
    url = reverse("qa_admin:settings")
    if year:
        url += f"?nam={year}"
    return url + (f"#{anchor}" if anchor else "")


class ServiceLevelView(SettingsView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ServiceLevelForm(request.POST)
        code = request.POST.get("legal_field", "")
        value = request.POST.get("working_days", "")
        if form.is_valid():
            try:
                form.save(actor=request.user)
            except QaInputError as exc:
                errors_to_form(form, exc.errors)
        if form.errors:
            message = " ".join(e for errs in form.errors.values() for e in errs)
            messages.error(request, _("Chưa lưu được thời hạn: %(error)s") % {"error": message})
            return self.render_page(level_error=(code, value, message))
        field = form.cleaned_data["legal_field"]
        days = form.cleaned_data.get("working_days")
        if days is None:
            text = _("Lĩnh vực “%(field)s” dùng thời hạn mặc định.") % {"field": field.name}
        else:
            text = _("Đã đặt thời hạn trả lời lĩnh vực “%(field)s”: %(days)s ngày làm việc.") % {
                "field": field.name,
                "days": days,
            }
        messages.success(request, text)
        return redirect(_settings_url(anchor="thoi-han"))


class CalendarDayAddView(SettingsView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            try:
                entry = form.save(actor=request.user)
            except QaInputError as exc:
                errors_to_form(form, exc.errors)
            else:
                messages.success(
                    request,
                    _("Đã thêm %(day)s – %(name)s vào lịch.")
                    % {"day": entry.day.strftime("%d/%m/%Y"), "name": entry.name},
                )
                return redirect(_settings_url(entry.day.year, anchor="lich"))
        message = " ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, _("Chưa thêm được ngày: %(error)s") % {"error": message})
        return self.render_page(day_form=form)


class CalendarDayDeleteView(SettingsView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = CalendarDayDeleteForm(request.POST)
        if form.is_valid():
            try:
                form.save(actor=request.user)
            except QaInputError as exc:
                errors_to_form(form, exc.errors)
            else:
                day = form.cleaned_data["day"]
                messages.success(
                    request, _("Đã xoá ngày %(day)s khỏi lịch.") % {"day": day.strftime("%d/%m/%Y")}
                )
                return redirect(_settings_url(day.year, anchor="lich"))
        message = " ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, _("Chưa xoá được: %(error)s") % {"error": message})
        return redirect(_settings_url(self.year(), anchor="lich"))


# --------------------------------------------------------------------------- reports


class ReportView(PermissionCheckMixin, WagtailAdminTemplateMixin, View):
    """Counts, time to answer, on-time share and the overdue list, over the communes where
    the user holds "qa.report"; the same figures as XLSX at ``xlsx/``."""

    permission_check = staticmethod(can_report)
    template_name = "qa/admin/report.html"
    page_title = gettext_lazy("Báo cáo hỏi đáp")
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _crumbs(("", _("Báo cáo")))

    def report_input(self) -> tuple[ReportForm, QuerySet[Question] | None]:
        user = self.request.user
        form = ReportForm(self.request.GET or None, units=units_where(user, ("qa.report",)))
        if form.is_bound and not form.is_valid():
            return form, None
        questions = filter_permitted(user, "qa.report", Question.objects.all())
        data = form.cleaned_data if form.is_bound else {}
        if data.get("field"):
            questions = questions.filter(legal_field=data["field"])
        if data.get("unit"):
            questions = questions.filter(unit=data["unit"])
        return form, questions

    def period(self, form: ReportForm) -> tuple[date, date]:
        if form.is_bound:
            return form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        return ReportForm.default_period()

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, questions = self.report_input()
        if questions is None:
            messages.error(request, _("Chưa lập được báo cáo: hãy sửa các lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(form=form, report=None))
        date_from, date_to = self.period(form)
        report = qa_report(questions=questions, date_from=date_from, date_to=date_to)
        if not form.is_bound:
            form = ReportForm(
                initial={"date_from": date_from, "date_to": date_to},
                units=units_where(request.user, ("qa.report",)),
            )
        query = request.GET.copy()
        query["date_from"], query["date_to"] = date_from.isoformat(), date_to.isoformat()
        overdue_pks = [row.pk for row in report.overdue]
        context = self.get_context_data(
            form=form,
            report=report,
            xlsx_url=f"{reverse('qa_admin:report_xlsx')}?{query.urlencode()}",
            on_time_percent=(
                report.on_time_share * 100 if report.on_time_share is not None else None
            ),
            count_tables=[
                {
                    "id": "field",
                    "title": _("Theo lĩnh vực"),
                    "first": _("Lĩnh vực"),
                    "rows": report.by_field,
                },
                {
                    "id": "unit",
                    "title": _("Theo xã, phường"),
                    "first": _("Xã, phường"),
                    "rows": report.by_unit,
                },
            ],
            # Overdue codes link to the question only for those the reader may open.
            visible_pks=set(
                questions_queue(request.user)
                .filter(pk__in=overdue_pks)
                .values_list("pk", flat=True)
            ),
        )
        return self.render_to_response(context)


class ReportXlsxView(ReportView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, questions = self.report_input()
        if questions is None:
            messages.error(request, _("Chưa xuất được báo cáo: hãy sửa các lỗi bên dưới."))
            return redirect(f"{reverse('qa_admin:report')}?{request.GET.urlencode()}")
        date_from, date_to = self.period(form)
        report = qa_report(questions=questions, date_from=date_from, date_to=date_to)
        response = HttpResponse(qa_report_xlsx(report), content_type=XLSX_TYPE)
        name = f"bao-cao-hoi-dap-{date_from:%Y%m%d}-{date_to:%Y%m%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
