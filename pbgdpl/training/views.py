"""Public pages of training: the learner's courses and the public certificate check.

    /boi-duong/                                          "Khoá học của tôi": enrolments, progress
    /boi-duong/<slug>/                                   a course: modules (done or not),
                                                         prerequisites, sessions and attendance
    /boi-duong/<slug>/hoc-phan/<n>/                      a module: lesson, video or document
    /boi-duong/<slug>/hoc-phan/<n>/xong/                 POST: "Đánh dấu đã học xong"
    /boi-duong/<slug>/kiem-tra/<n>/                      the quiz of module n: GET shows the
                                                         attempt in progress (or a new one),
                                                         POST submits it once
    /boi-duong/<slug>/kiem-tra/<n>/ket-qua/<id>/         a submitted attempt: score, review
    /boi-duong/chung-nhan/                               find a certificate by its code (?ma=)
    /boi-duong/chung-nhan/<code>/                        verify a certificate; …/pdf/ its PDF

The learner pages need a login; the learner is the registry person linked to the
account (linked on the first visit by the account's e-mail or phone:
``services.learner_link_account``). An account without a registry row gets an
explanation. Everything about an enrolment answers 404 to anyone but the enrolled person,
whatever the reason (another person's, no such course, no such module), so courses and
enrolments cannot be probed. A withdrawn enrolment or a course no longer published is
refused with a message. Pages about one person are never cached and never indexed.
Everything works as plain forms without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pbgdpl.contests.selectors import attempt_items
from pbgdpl.core.codes import public_code_normalize
from pbgdpl.core.ratelimit import rate_limit_hit

from . import selectors, services
from .forms import ANSWER_PREFIX, ATTEMPT_FIELD, attempt_id_from_post, quiz_answers_from_post
from .models import (
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleKind,
    Person,
    QuizAttempt,
)
from .services import TrainingInputError
from .services.certificates import hours_label

# Per client address: certificate look-ups (codes cannot be tried in bulk to collect names).
CERTIFICATE_RATE = (30, 600)


# --------------------------------------------------------------------------- helpers


def _private(response: HttpResponse) -> HttpResponse:
    """A page for one person only: not indexed, not stored by any cache."""
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _redirect(url: str) -> HttpResponse:
    return _private(HttpResponseRedirect(url))


def _course_url(enrolment: Enrolment) -> str:
    return reverse("training:course", args=[enrolment.course.slug])


def _module_url(enrolment: Enrolment, module: Module) -> str:
    name = "training:quiz" if module.kind == ModuleKind.QUIZ else "training:module"
    return reverse(name, args=[enrolment.course.slug, module.position])


def _render(request: HttpRequest, template: str, context: dict, status: int = 200):
    context = {"no_feedback": True, **context}
    return _private(render(request, template, context, status=status))


class _NoLearner(Exception):
    """The account has no registry row: the caller answers with the explanation."""


def _learner(request: HttpRequest) -> Person:
    person = selectors.learner_of(request.user) or services.learner_link_account(user=request.user)
    if person is None:
        raise _NoLearner
    return person


def _no_learner(request: HttpRequest) -> HttpResponse:
    return _render(request, "training/learn/no_person.html", {}, status=403)


def learner_page(view):
    """Login required (to the login page and back), then the learner or the
    explanation that the account has no registry row."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _private(redirect_to_login(request.get_full_path()))
        try:
            person = _learner(request)
        except _NoLearner:
            return _no_learner(request)
        return view(request, person, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _enrolment(person: Person, slug: str) -> Enrolment:
    enrolment = selectors.learner_enrolment(person, slug)
    if enrolment is None:
        raise Http404(_("Không có khoá học này trong các khoá bạn đã ghi danh."))
    return enrolment


def _module(enrolment: Enrolment, position: int) -> Module:
    module = selectors.module_at(enrolment, position)
    if module is None:
        raise Http404(_("Khoá học không có học phần này."))
    return module


def _closed_reason(enrolment: Enrolment) -> str:
    """Why the learner cannot study in this enrolment now ("" when they can)."""
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return _("Bạn đã rút khỏi khoá học này nên không học tiếp được.")
    if not enrolment.course.published:
        return _("Khoá học đang tạm đóng: chưa học tiếp được, vui lòng quay lại sau.")
    return ""


def _refused(request: HttpRequest, enrolment: Enrolment, message: str) -> HttpResponse:
    messages.error(request, message)
    return _redirect(_course_url(enrolment))


def _error_text(exc: TrainingInputError) -> str:
    return " ".join(str(v) for v in exc.errors.values())


def _completed_message(request: HttpRequest, enrolment: Enrolment) -> None:
    messages.success(
        request,
        _(
            "Chúc mừng! Bạn đã hoàn thành khoá “%(course)s”. Giấy chứng nhận đã được cấp: "
            "xem ở trang khoá học."
        )
        % {"course": enrolment.course.title},
    )


# --------------------------------------------------------------------------- pages


@never_cache
@require_safe
@learner_page
def my_courses(request: HttpRequest, person: Person) -> HttpResponse:
    """The learner's enrolments with progress (text and ``<progress>``)."""
    rows = selectors.learner_enrolments(person)
    return _render(request, "training/learn/my_courses.html", {"person": person, "rows": rows})


@never_cache
@require_safe
@learner_page
def course_page(request: HttpRequest, person: Person, slug: str) -> HttpResponse:
    """A course as its learner sees it: online — modules in order, each done or not;
    offline and blended — the sessions and the learner's attendance (completion is
    confirmed by the organisers); prerequisites; the certificate once completed."""
    enrolment = _enrolment(person, slug)
    course = enrolment.course
    certificate = getattr(enrolment, "certificate", None)
    states = selectors.module_states(enrolment)
    context = {
        "person": person,
        "enrolment": enrolment,
        "course": course,
        "online": course.mode == CourseMode.ONLINE,
        "progress": selectors.enrolment_progress(enrolment),
        "modules": [
            {"state": state, "url": _module_url(enrolment, state.module)} for state in states
        ],
        "has_quiz": any(state.module.kind == ModuleKind.QUIZ for state in states),
        "prerequisites": selectors.prerequisites_state(enrolment),
        "sessions": selectors.sessions_with_attendance(enrolment),
        "closed_reason": _closed_reason(enrolment),
        "certificate": certificate,
        "certificate_url": services.certificate_path(certificate) if certificate else "",
    }
    return _render(request, "training/learn/course.html", context)


def _neighbours(enrolment: Enrolment, module: Module) -> tuple[dict | None, dict | None]:
    modules = list(Module.objects.filter(course_id=enrolment.course_id).order_by("position"))
    index = next(i for i, m in enumerate(modules) if m.pk == module.pk)

    def link(m: Module | None) -> dict | None:
        return {"module": m, "url": _module_url(enrolment, m)} if m else None

    before = modules[index - 1] if index > 0 else None
    after = modules[index + 1] if index + 1 < len(modules) else None
    return link(before), link(after)


@never_cache
@require_safe
@learner_page
def module_page(request: HttpRequest, person: Person, slug: str, position: int) -> HttpResponse:
    """A lesson (sanitised rich text), a video (our own media played here, an external
    address as a plain link) or a document to download, with "Đánh dấu đã học xong"."""
    enrolment = _enrolment(person, slug)
    module = _module(enrolment, position)
    if module.kind == ModuleKind.QUIZ:
        return _redirect(_module_url(enrolment, module))
    reason = _closed_reason(enrolment)
    if reason:
        return _refused(request, enrolment, reason)
    states = {s.module.pk: s for s in selectors.module_states(enrolment)}
    before, after = _neighbours(enrolment, module)
    context = {
        "person": person,
        "enrolment": enrolment,
        "course": enrolment.course,
        "module": module,
        "done": states[module.pk].done,
        "body": selectors.lesson_html(module.body),
        "video": selectors.video_source(module.video_url)
        if module.kind == ModuleKind.VIDEO
        else None,
        "before": before,
        "after": after,
        "number": list(states).index(module.pk) + 1,
        "count": len(states),
    }
    return _render(request, "training/learn/module.html", context)


@require_POST
@learner_page
def module_done(request: HttpRequest, person: Person, slug: str, position: int) -> HttpResponse:
    """Mark the module learned; go on to the next one (or back to the course)."""
    enrolment = _enrolment(person, slug)
    module = _module(enrolment, position)
    try:
        services.module_complete(actor=request.user, enrolment=enrolment, module=module)
    except TrainingInputError as exc:
        messages.error(request, _error_text(exc))
        return _redirect(_course_url(enrolment))
    except PermissionDenied:  # pragma: no cover - _enrolment already made sure
        raise Http404 from None
    if enrolment.status == EnrolmentStatus.COMPLETED:
        _completed_message(request, enrolment)
        return _redirect(_course_url(enrolment))
    messages.success(
        request, _("Đã ghi nhận: bạn đã học xong “%(title)s”.") % {"title": module.title}
    )
    _before, after = _neighbours(enrolment, module)
    return _redirect(after["url"] if after else _course_url(enrolment))


def _quiz_module(enrolment: Enrolment, position: int) -> Module:
    module = _module(enrolment, position)
    if module.kind != ModuleKind.QUIZ:
        raise Http404(_("Học phần này không phải bài kiểm tra."))
    return module


def _quiz_page(
    request: HttpRequest,
    person: Person,
    enrolment: Enrolment,
    module: Module,
    attempt: QuizAttempt,
    *,
    error: str = "",
    chosen: dict[str, list[str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    items = attempt_items(attempt)
    chosen = chosen or {}
    for item in items:
        item.selected = [int(v) for v in chosen.get(str(item.id), []) if str(v).isdigit()]
    unanswered = [item.number for item in items if not item.selected] if error else []
    states = {s.module.pk: s for s in selectors.module_states(enrolment)}
    context = {
        "person": person,
        "enrolment": enrolment,
        "course": enrolment.course,
        "module": module,
        "attempt": attempt,
        "items": items,
        "state": states[module.pk],
        "error": error,
        "unanswered": unanswered,
        "answer_prefix": ANSWER_PREFIX,
        "attempt_field": ATTEMPT_FIELD,
    }
    return _render(request, "training/learn/quiz.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@learner_page
def quiz_page(request: HttpRequest, person: Person, slug: str, position: int) -> HttpResponse:
    """GET: the attempt in progress, or a new one (items of the module, approved only,
    choices in a new order). POST: submit it — graded on the server, once; then the
    result page. A retry is a new attempt; the best score counts."""
    enrolment = _enrolment(person, slug)
    module = _quiz_module(enrolment, position)
    reason = _closed_reason(enrolment)
    if reason:
        return _refused(request, enrolment, reason)
    if request.method == "POST":
        return _quiz_submit(request, person, enrolment, module)
    if not selectors.quiz_items_available(module).exists():
        return _render(
            request,
            "training/learn/quiz_empty.html",
            {
                "person": person,
                "enrolment": enrolment,
                "course": enrolment.course,
                "module": module,
            },
        )
    try:
        attempt = services.quiz_start(actor=request.user, enrolment=enrolment, module=module)
    except TrainingInputError as exc:
        return _refused(request, enrolment, _error_text(exc))
    return _quiz_page(request, person, enrolment, module, attempt)


def _quiz_submit(
    request: HttpRequest, person: Person, enrolment: Enrolment, module: Module
) -> HttpResponse:
    attempt_id = attempt_id_from_post(request.POST)
    attempt = QuizAttempt.objects.filter(
        pk=attempt_id or 0, enrolment=enrolment, module=module
    ).first()
    if attempt is None:
        messages.error(
            request, _("Lượt làm bài này không còn dùng được. Mời bạn làm bài kiểm tra mới.")
        )
        return _redirect(_module_url(enrolment, module))
    result_url = reverse(
        "training:quiz-result", args=[enrolment.course.slug, module.position, attempt.pk]
    )
    if attempt.submitted_at is not None:  # a second click, or the back button
        messages.info(request, _("Bài này đã nộp; đây là kết quả."))
        return _redirect(result_url)
    answers = quiz_answers_from_post(request.POST)
    try:
        services.quiz_submit(actor=request.user, attempt=attempt, answers=answers)
    except TrainingInputError as exc:
        attempt.refresh_from_db()
        if attempt.submitted_at is not None:  # submitted meanwhile by another request
            return _redirect(result_url)
        return _quiz_page(
            request,
            person,
            enrolment,
            module,
            attempt,
            error=_error_text(exc),
            chosen=answers,
            status=400,
        )
    return _redirect(result_url)


@never_cache
@require_safe
@learner_page
def quiz_result(
    request: HttpRequest, person: Person, slug: str, position: int, attempt_id: int
) -> HttpResponse:
    """A submitted attempt: the score, passed or not, each item with the correct answer,
    the explanation and the legal ground; "Làm lại" for another attempt."""
    enrolment = _enrolment(person, slug)
    module = _quiz_module(enrolment, position)
    attempt = selectors.quiz_attempt_of(enrolment, module, attempt_id)
    if attempt is None:
        raise Http404(_("Không có lượt làm bài này."))
    states = {s.module.pk: s for s in selectors.module_states(enrolment)}
    certificate = getattr(enrolment, "certificate", None)
    context = {
        "person": person,
        "enrolment": enrolment,
        "course": enrolment.course,
        "module": module,
        "attempt": attempt,
        "state": states[module.pk],
        "review": selectors.quiz_review(attempt),
        "can_retry": not _closed_reason(enrolment),
        "completed": enrolment.status == EnrolmentStatus.COMPLETED,
        "certificate_url": services.certificate_path(certificate) if certificate else "",
    }
    return _render(request, "training/learn/quiz_result.html", context)


# --------------------------------------------------------------------------- certificates


def _certificate_code(raw: str) -> str:
    """A certificate code as typed → its canonical form ("" when it cannot be one)."""
    return public_code_normalize(raw or "", prefix=services.CERTIFICATE_PREFIX)


def _too_many(request: HttpRequest, retry_after: int) -> HttpResponse:
    response = _render(
        request,
        "training/learn/too_many.html",
        {"minutes": max(1, round(retry_after / 60))},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_safe
def certificate_find(request: HttpRequest) -> HttpResponse:
    """A form for a certificate's code; ``?ma=`` goes to its verification page."""
    raw = request.GET.get("ma", "")
    error = ""
    if "ma" in request.GET:
        code = _certificate_code(raw)
        if code:
            return _redirect(reverse("training:certificate", kwargs={"code": code}))
        error = (
            _("Vui lòng nhập mã giấy chứng nhận.")
            if not raw.strip()
            else _(
                "Mã “%(code)s” không đúng dạng. Mã gồm chữ BD và 10 chữ, số, in ở cuối giấy "
                "chứng nhận, ví dụ BD-7K4M2-QXR0Z."
            )
            % {"code": raw.strip()[:40]}
        )
    return _render(
        request,
        "training/certificate_find.html",
        {"code": raw[:40], "error": error},
        status=400 if error else 200,
    )


@never_cache
@require_safe
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Whether a training certificate with this code was issued, and to whom: full name,
    unit, course, completion date, hours. Look-ups are limited per address (429)."""
    canonical = _certificate_code(code)
    if canonical and canonical != code:
        target = reverse("training:certificate", kwargs={"code": canonical})
        return _private(HttpResponseRedirect(target, status=301))
    limit, window = CERTIFICATE_RATE
    rate = rate_limit_hit(request, scope="training.certificate", limit=limit, window=window)
    if not rate.allowed:
        return _too_many(request, rate.retry_after)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return _render(
            request, "training/certificate_not_found.html", {"code": code[:40]}, status=404
        )
    enrolment = certificate.enrolment
    context = {
        "certificate": certificate,
        "person": enrolment.person,
        "course": enrolment.course,
        "completed_at": enrolment.completed_at or certificate.issued_at,
        "hours": hours_label(enrolment.course.hours),
        "pdf_url": reverse("training:certificate-pdf", kwargs={"code": certificate.code}),
    }
    return _render(request, "training/certificate.html", context)


@never_cache
@require_safe
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate as a PDF (``services.certificate_pdf``)."""
    limit, window = CERTIFICATE_RATE
    rate = rate_limit_hit(request, scope="training.certificate", limit=limit, window=window)
    if not rate.allowed:
        return _too_many(request, rate.retry_after)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404(_("Không có giấy chứng nhận này."))
    response = HttpResponse(
        services.certificate_pdf(certificate=certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="giay-chung-nhan-{certificate.code}.pdf"'
    return _private(response)
