"""Public pages of the online legal contests and the practice quizzes.

    /cuoc-thi/                                       published contests and their state
    /cuoc-thi/<slug>/                                a contest: rules, rounds, prizes; the
                                                     registration form, or "start" buttons
    /cuoc-thi/<slug>/dang-ky/                        POST: register (sets the participant cookie)
    /cuoc-thi/<slug>/tiep-tuc/                       POST: continue on this device with a code
    /cuoc-thi/<slug>/thoat/                          POST: forget the participant on this device
    /cuoc-thi/<slug>/dot-<n>/bat-dau/                POST: start (or resume) the round's attempt
    /cuoc-thi/<slug>/bai-thi/<uuid>/                 the attempt (owner only): answer, save, submit
    /cuoc-thi/<slug>/bai-thi/<uuid>/ket-qua/         its result (owner only)
    /cuoc-thi/<slug>/dot-<n>/xep-hang/               the public leaderboard of a round
    /cuoc-thi/chung-nhan/                            find a certificate by its code (?ma=)
    /cuoc-thi/chung-nhan/<code>/                     verify a certificate; …/pdf/ its PDF
    /luyen-tap/                                      practice: legal fields with items
    /luyen-tap/<field code>/                         one question at a time ("tat-ca": all)

Who a participant is comes from their contest's httpOnly cookie (the token issued at
registration; ``selectors.participant_from_request``). Every page about an attempt
answers 404 unless the attempt belongs to that participant, whatever the reason (another
person's, an unknown or a malformed id), so ids cannot be probed. Pages about one person
are never stored by any cache (``Cache-Control: no-store``) and never indexed.

Everything works as plain forms without JavaScript; ``static/contests/take.js`` only adds
the countdown, the warnings and the autosave through the API.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pbgdpl.core.codes import public_code_normalize
from pbgdpl.core.ratelimit import rate_limit_hit
from pbgdpl.laws.models import LegalField
from pbgdpl.laws.selectors import CitationLink, citation_links
from pbgdpl.search.views import pager_build, query_string
from pbgdpl.units.selectors import unit_get

from . import results, selectors, services
from .forms import (
    ANSWER_PREFIX,
    PRACTICE_STATE_FIELD,
    PREDICTION_FIELD,
    SUBMIT_KEY_FIELD,
    PracticeState,
    RegistrationForm,
    answers_from_post,
    token_grouped,
    token_normalize,
)
from .models import Attempt, AttemptStatus, Certificate, Contest, Eligibility, Item, Round
from .services import ContestInputError, ContestStateError

NAV = "cuoc-thi"
CONTESTS_PER_PAGE = 10
LEADERBOARD_PER_PAGE = 50
PRACTICE_LENGTH = 10
PRACTICE_ALL = "tat-ca"
COOKIE_MAX_AGE = 180 * 24 * 3600
COOKIE_PATH = "/cuoc-thi/"
REGISTERED_TAG = "contest-registered"
# Per client address: registrations, codes typed to continue, certificate look-ups.
RESUME_RATE = (20, 600)
CERTIFICATE_RATE = (30, 600)
SAVE_BUTTON = "luu"
SUBMIT_BUTTON = "nop"
PRACTICE_CHOICE = "chon"
WARN_SECONDS = 300


# --------------------------------------------------------------------------- helpers


def _private(response: HttpResponse) -> HttpResponse:
    """A page for one person only: not indexed, not stored by any cache."""
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _redirect(url: str) -> HttpResponse:
    return _private(HttpResponseRedirect(url, status=303))


def _contest(slug: str) -> Contest:
    contest = (
        selectors.contests_published().select_related("eligible_unit").filter(slug=slug).first()
    )
    if contest is None:
        raise Http404(_("Không có cuộc thi này, hoặc cuộc thi chưa được công bố."))
    return contest


def _round(contest: Contest, number: int) -> Round:
    round = contest.rounds.filter(number=number).first()
    if round is None:
        raise Http404(_("Cuộc thi không có đợt thi này."))
    round.contest = contest
    return round


def _detail_url(contest: Contest, anchor: str = "") -> str:
    url = reverse("contests:detail", kwargs={"slug": contest.slug})
    return f"{url}#{anchor}" if anchor else url


def _take_url(attempt: Attempt) -> str:
    return reverse(
        "contests:take", kwargs={"slug": attempt.round.contest.slug, "attempt_id": attempt.pk}
    )


def _result_url(attempt: Attempt) -> str:
    return reverse(
        "contests:result", kwargs={"slug": attempt.round.contest.slug, "attempt_id": attempt.pk}
    )


def _owned_attempt(request: HttpRequest, contest: Contest, attempt_id: Any):
    """The participant and their attempt ``attempt_id`` in ``contest``; 404 otherwise."""
    participant = selectors.participant_from_request(request, contest=contest)
    attempt = selectors.attempt_for_participant(attempt_id=attempt_id, participant=participant)
    if attempt is None or attempt.round.contest_id != contest.pk:
        raise Http404(_("Không có bài thi này."))
    attempt.round.contest = contest
    return participant, attempt


def _cookie_set(response: HttpResponse, request: HttpRequest, contest: Contest, token: str):
    response.set_cookie(
        selectors.participant_cookie_name(contest),
        token,
        max_age=COOKIE_MAX_AGE,
        path=COOKIE_PATH,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("trang", "").strip()
    if not raw:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise Http404(_("Không có trang này."))
    return int(raw)


def _duration(ms: int | None) -> str:
    """12 phút 5,3 giây — the time an attempt took, to the tenth of a second."""
    if ms is None:
        return ""
    tenths = int(ms) // 100
    minutes, tenths = divmod(tenths, 600)
    seconds = f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10)
    if minutes:
        return _("%(m)s phút %(s)s giây") % {"m": minutes, "s": seconds}
    return _("%(s)s giây") % {"s": seconds}


def _too_many(request: HttpRequest, retry_after: int, *, what: str) -> HttpResponse:
    response = render(
        request,
        "contests/too_many.html",
        {
            "nav_section": NAV,
            "no_feedback": True,
            "what": what,
            "minutes": max(1, round(retry_after / 60)),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return _private(response)


STATE_LABELS = {
    "upcoming": gettext_lazy("Sắp mở"),
    "open": gettext_lazy("Đang mở"),
    "closed": gettext_lazy("Đã kết thúc"),
}


@dataclass
class RoundView:
    """A round as the pages show it, with what the participant (if any) can do in it."""

    round: Round
    state: str
    state_label: str
    items: int
    minutes: int
    prizes: list
    leaderboard_open: bool
    active: Attempt | None = None
    last: Attempt | None = None
    used: int = 0

    @property
    def can_start(self) -> bool:
        return self.state == "open" and (
            self.active is not None or self.used < self.round.attempts_allowed
        )


def _round_view(round: Round, *, now: datetime, attempts: list[Attempt] | None = None) -> RoundView:
    state = selectors.round_state(round, now=now)
    view = RoundView(
        round=round,
        state=state,
        state_label=str(STATE_LABELS[state]),
        items=services.round_draw_size(round),
        minutes=max(1, round.time_limit_seconds // 60),
        prizes=[{"name": p[0], "count": p[1]} for p in round.prizes or [] if len(p) == 2],
        leaderboard_open=state == "closed" or round.results_published_at is not None,
    )
    for attempt in attempts or []:
        if attempt.round_id != round.pk:
            continue
        view.used += 1
        if attempt.status == AttemptStatus.ACTIVE:
            view.active = attempt
        elif view.last is None or attempt.started_at > view.last.started_at:
            view.last = attempt
    return view


def _eligibility_text(contest: Contest) -> str:
    if contest.eligibility == Eligibility.UNIT and contest.eligible_unit_id:
        return _("Người sinh sống, học tập, làm việc tại %(unit)s") % {
            "unit": contest.eligible_unit.name
        }
    if contest.eligibility == Eligibility.GROUP and contest.eligible_group:
        return str(contest.get_eligible_group_display())
    return _("Mọi người")


# --------------------------------------------------------------------------- contests


@require_safe
def contest_list(request: HttpRequest) -> HttpResponse:
    """Published contests, newest first, with the round that matters now and counts."""
    now = timezone.now()
    contests = selectors.contests_published().prefetch_related("rounds")
    paginator = Paginator(contests, CONTESTS_PER_PAGE)
    page_number = _page_number(request)
    if page_number > max(1, paginator.num_pages):
        raise Http404(_("Không có trang này."))
    page = paginator.page(page_number)
    rows = []
    for contest in page.object_list:
        current = selectors.round_current(contest, now=now)
        rows.append(
            {
                "contest": contest,
                "round": _round_view(current, now=now) if current else None,
                "rounds": len(contest.rounds.all()),
                "counts": selectors.contest_counts(contest),
            }
        )
    pager = pager_build(
        current=page_number,
        total=paginator.num_pages,
        url_for=lambda n: query_string({}, trang=n if n > 1 else ""),
    )
    context = {"nav_section": NAV, "rows": rows, "pager": pager, "count": paginator.count}
    return render(request, "contests/contest_list.html", context)


def _detail_page(
    request: HttpRequest,
    contest: Contest,
    *,
    form: RegistrationForm | None = None,
    resume_code: str = "",
    resume_error: str = "",
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    participant = selectors.participant_from_request(request, contest=contest)
    attempts = list(participant.attempts.all()) if participant else []
    rounds = [_round_view(r, now=now, attempts=attempts) for r in contest.rounds.all()]
    for view in rounds:
        view.round.contest = contest
    registered_now = False
    others = []
    for message in messages.get_messages(request):
        if REGISTERED_TAG in message.tags:
            registered_now = True
        else:
            others.append(message)
    token = ""
    if participant is not None:
        token = token_normalize(request.COOKIES.get(selectors.participant_cookie_name(contest), ""))
    accepting = any(v.state != "closed" for v in rounds)
    if form is None and participant is None and accepting:
        form = RegistrationForm(contest=contest)
    context = {
        "nav_section": NAV,
        "no_feedback": True,
        "messages": others,
        "contest": contest,
        "rounds": rounds,
        "current": next((v for v in rounds if v.state == "open"), None)
        or next((v for v in rounds if v.state == "upcoming"), None),
        "eligibility": _eligibility_text(contest),
        "participant": participant,
        "participant_name": selectors.name_abbreviated(participant.name) if participant else "",
        "token": token_grouped(token) if token else "",
        "registered_now": registered_now and participant is not None,
        "accepting": accepting,
        "form": form,
        "errors": form.error_summary() if form else [],
        "field_errors": form.bound_errors if form else {},
        "values": form.values if form else {},
        "resume_code": resume_code,
        "resume_error": resume_error,
        "counts": selectors.contest_counts(contest),
    }
    response = render(request, "contests/contest_detail.html", context, status=status)
    return _private(response) if participant is not None or status != 200 else response


@never_cache
@require_safe
def contest_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A contest: its description, rules, rounds and prizes; the registration form for a
    newcomer, the start/continue buttons for a registered participant."""
    return _detail_page(request, _contest(slug))


@never_cache
@require_POST
def contest_register(request: HttpRequest, slug: str) -> HttpResponse:
    """Register (``services.participant_register``): on success the participant cookie is
    set and the person is sent back to the contest (303) where their code is shown once;
    bad input re-shows the form as typed with a message per field (400)."""
    contest = _contest(slug)
    if selectors.participant_from_request(request, contest=contest) is not None:
        messages.info(request, _("Bạn đã đăng ký cuộc thi này trên thiết bị này."))
        return _redirect(_detail_url(contest))
    form = RegistrationForm(request.POST, contest=contest)
    rounds = list(contest.rounds.all())
    if not any(selectors.round_state(r) != "closed" for r in rounds):
        form.errors_apply({"__all__": _("Cuộc thi đã kết thúc, không nhận đăng ký nữa.")})
        return _detail_page(request, contest, form=form, status=400)
    limit, window = settings.CONTEST_REGISTER_RATE
    rate = rate_limit_hit(request, scope="contests.register", limit=limit, window=window)
    if not rate.allowed:
        return _too_many(request, rate.retry_after, what=_("đăng ký"))
    try:
        participant, token = services.participant_register(
            contest=contest, data=form.participant_input(), user=request.user
        )
    except ContestInputError as exc:
        form.is_valid()
        form.errors_apply(exc.errors)
        return _detail_page(request, contest, form=form, status=400)
    messages.success(
        request,
        _("Đăng ký thành công. Chào %(name)s!") % {"name": participant.name},
        extra_tags=REGISTERED_TAG,
    )
    response = _redirect(_detail_url(contest, "ma-du-thi"))
    _cookie_set(response, request, contest, token)
    return response


@never_cache
@require_POST
def contest_resume(request: HttpRequest, slug: str) -> HttpResponse:
    """Continue on this device: the "mã dự thi" shown at registration sets the cookie."""
    contest = _contest(slug)
    limit, window = RESUME_RATE
    rate = rate_limit_hit(request, scope="contests.resume", limit=limit, window=window)
    if not rate.allowed:
        return _too_many(request, rate.retry_after, what=_("nhập mã dự thi"))
    raw = str(request.POST.get("ma", ""))
    token = token_normalize(raw)
    participant = services.participant_for_token(contest=contest, token=token) if token else None
    if participant is None:
        error = (
            _("Vui lòng nhập mã dự thi.")
            if not raw.strip()
            else _(
                "Mã dự thi không đúng. Hãy kiểm tra từng ký tự (phân biệt chữ hoa, chữ "
                "thường); mã chỉ dùng được cho cuộc thi đã đăng ký."
            )
        )
        return _detail_page(request, contest, resume_code=raw[:200], resume_error=error, status=400)
    messages.success(
        request,
        _("Bạn đang dự thi với tên %(name)s trên thiết bị này.")
        % {"name": selectors.name_abbreviated(participant.name)},
    )
    response = _redirect(_detail_url(contest))
    _cookie_set(response, request, contest, token)
    return response


@never_cache
@require_POST
def contest_leave(request: HttpRequest, slug: str) -> HttpResponse:
    """Forget the participant on this device (a shared phone); the code still works."""
    contest = _contest(slug)
    messages.info(
        request,
        _(
            "Đã thoát khỏi cuộc thi trên thiết bị này. Bài làm vẫn được giữ; dùng mã dự thi "
            "để tiếp tục."
        ),
    )
    response = _redirect(_detail_url(contest))
    response.delete_cookie(
        selectors.participant_cookie_name(contest), path=COOKIE_PATH, samesite="Lax"
    )
    return response


# --------------------------------------------------------------------------- attempts


@never_cache
@require_POST
def attempt_start(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Start (or resume: ``services.attempt_start`` is idempotent) the participant's
    attempt in round ``number`` and go to it; a refusal is said on the contest page."""
    contest = _contest(slug)
    round = _round(contest, number)
    participant = selectors.participant_from_request(request, contest=contest)
    if participant is None:
        messages.error(request, _("Vui lòng đăng ký dự thi trước khi làm bài."))
        return _redirect(_detail_url(contest, "dang-ky"))
    try:
        attempt = services.attempt_start(round=round, participant=participant)
    except ContestStateError as exc:
        messages.error(request, str(exc))
        return _redirect(_detail_url(contest, f"dot-{round.number}"))
    attempt.round = round
    return _redirect(_take_url(attempt))


def _take_page(
    request: HttpRequest,
    attempt: Attempt,
    *,
    items: list | None = None,
    errors: dict[str, str] | None = None,
    prediction: str = "",
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    items = items if items is not None else selectors.attempt_items(attempt)
    errors = errors or {}
    seconds_left = max(0, int((attempt.deadline - now).total_seconds()))
    summary = []
    if errors.get("answers"):
        summary.append({"message": errors["answers"], "target": "cau-1"})
    if errors.get("prediction"):
        summary.append({"message": errors["prediction"], "target": "du-doan"})
    token = token_normalize(
        request.COOKIES.get(selectors.participant_cookie_name(attempt.round.contest), "")
    )
    context = {
        "nav_section": NAV,
        "no_feedback": True,
        "attempt": attempt,
        "round": attempt.round,
        "contest": attempt.round.contest,
        "items": items,
        "answered": sum(1 for i in items if i.selected),
        "seconds_left": seconds_left,
        "minutes_left": (seconds_left + 59) // 60,
        "ending_soon": seconds_left <= WARN_SECONDS,
        "server_now": now,
        "token": token,
        "api_url": f"/api/v1/attempts/{attempt.pk}/answers",
        "submit_key": uuid.uuid4().hex,
        "prediction": prediction,
        "errors": summary,
        "field_errors": errors,
        "answer_prefix": ANSWER_PREFIX,
        "prediction_field": PREDICTION_FIELD,
        "key_field": SUBMIT_KEY_FIELD,
        "save_button": SAVE_BUTTON,
        "submit_button": SUBMIT_BUTTON,
    }
    return _private(render(request, "contests/attempt_take.html", context, status=status))


def _closed_message(request: HttpRequest, attempt: Attempt) -> None:
    if attempt.status == AttemptStatus.EXPIRED:
        messages.warning(
            request, _("Đã hết giờ làm bài: bài được nộp với các câu đã lưu trước khi hết giờ.")
        )
    else:
        messages.info(request, _("Bài thi đã được nộp; không sửa được nữa."))


@never_cache
@require_http_methods(["GET", "POST"])
def attempt_take(request: HttpRequest, slug: str, attempt_id: uuid.UUID) -> HttpResponse:
    """The attempt (owner only). GET shows every item; POST "luu" saves the answers
    (``services.attempt_answers_save``), POST "nop" submits them
    (``services.attempt_submit``, idempotent, with the page's key). After the deadline or
    once submitted, the result page says what happened."""
    contest = _contest(slug)
    participant, attempt = _owned_attempt(request, contest, attempt_id)
    now = timezone.now()
    if attempt.status != AttemptStatus.ACTIVE:
        _closed_message(request, attempt)
        return _redirect(_result_url(attempt))
    if request.method == "GET":
        if now > attempt.deadline:
            attempt = services.attempt_expire(attempt=attempt, now=now)
            _closed_message(request, attempt)
            return _redirect(_result_url(attempt))
        prediction = request.GET.get(PREDICTION_FIELD, "").strip()[:12]
        return _take_page(request, attempt, prediction=prediction if prediction.isdigit() else "")
    items = selectors.attempt_items(attempt)
    posted = answers_from_post(request.POST, item_ids=[i.id for i in items])
    if posted.errors:
        for item in items:
            item.selected = posted.answers.get(str(item.id), item.selected)
        return _take_page(
            request,
            attempt,
            items=items,
            errors=posted.errors,
            prediction=posted.prediction_raw,
            status=400,
        )
    try:
        if SUBMIT_BUTTON in request.POST:
            done = services.attempt_submit(
                attempt=attempt,
                participant=participant,
                answers=posted.answers,
                prediction=posted.prediction,
                key=str(request.POST.get(SUBMIT_KEY_FIELD, ""))[:100],
            )
            if done.status == AttemptStatus.EXPIRED:
                _closed_message(request, done)
            else:
                messages.success(
                    request,
                    _("Đã nộp bài lúc %(time)s.")
                    % {"time": timezone.localtime(done.submitted_at).strftime("%H:%M:%S")},
                )
            done.round = attempt.round
            return _redirect(_result_url(done))
        services.attempt_answers_save(
            attempt=attempt, participant=participant, answers=posted.answers
        )
    except ContestStateError as exc:
        messages.warning(request, str(exc))
        return _redirect(_result_url(attempt))
    except ContestInputError as exc:
        for item in items:
            item.selected = posted.answers.get(str(item.id), item.selected)
        errors = {"answers" if k != "prediction" else k: v for k, v in exc.errors.items()}
        return _take_page(
            request,
            attempt,
            items=items,
            errors=errors,
            prediction=posted.prediction_raw,
            status=400,
        )
    messages.success(
        request,
        _("Đã lưu bài lúc %(time)s. Bài chưa nộp: nhớ bấm “Nộp bài” trước khi hết giờ.")
        % {"time": timezone.localtime(timezone.now()).strftime("%H:%M:%S")},
    )
    target = _take_url(attempt)
    if posted.prediction is not None:
        target += "?" + urlencode({PREDICTION_FIELD: posted.prediction})
    return _redirect(target)


@dataclass
class ReviewItem:
    number: int
    stem: str
    choices: list[dict]  # {"text", "chosen", "correct"}
    correct: bool
    answered: bool
    multiple: bool
    explanation: str
    citation: CitationLink | None


def _review(attempt: Attempt) -> list[ReviewItem]:
    """Each item of a closed attempt with what was chosen, the correct choices, the
    explanation and the citation (only shown once the round has closed)."""
    ids = [entry["item"] for entry in attempt.draw]
    items = {i.pk: i for i in Item.objects.filter(pk__in=ids).prefetch_related("choices")}
    cited = [items[i] for i in ids if items[i].citation_number]
    links = dict(zip([i.pk for i in cited], _citations(cited), strict=True))
    out = []
    for number, entry in enumerate(attempt.draw, start=1):
        item = items[entry["item"]]
        by_id = {c.pk: c for c in item.choices.all()}
        chosen = set(attempt.answers.get(str(item.pk), []))
        correct = {c.pk for c in by_id.values() if c.is_correct}
        out.append(
            ReviewItem(
                number=number,
                stem=item.stem,
                choices=[
                    {
                        "text": by_id[cid].text,
                        "chosen": cid in chosen,
                        "correct": by_id[cid].is_correct,
                    }
                    for cid in entry["choices"]
                    if cid in by_id
                ],
                correct=chosen == correct,
                answered=bool(chosen),
                multiple=len(correct) > 1,
                explanation=item.explanation,
                citation=links.get(item.pk),
            )
        )
    return out


def _citations(items: list[Item]) -> list[CitationLink]:
    """The items' legal grounds as links into the library (three queries in all)."""
    rows = [
        SimpleNamespace(
            number=i.citation_number,
            title="",
            article=i.citation_article,
            detail=i.citation_detail,
        )
        for i in items
    ]
    return citation_links(rows)


def _certificate_of(attempt: Attempt) -> Certificate | None:
    return Certificate.objects.filter(attempt=attempt).first()


@never_cache
@require_safe
def attempt_result(request: HttpRequest, slug: str, attempt_id: uuid.UUID) -> HttpResponse:
    """The result of the participant's attempt: the score, the time used and how it
    ended; once the round has closed each item with the correct answer, the explanation
    and the legal ground; the certificate when one was issued."""
    contest = _contest(slug)
    participant, attempt = _owned_attempt(request, contest, attempt_id)
    now = timezone.now()
    round = attempt.round
    if attempt.status == AttemptStatus.ACTIVE:
        if now <= attempt.deadline:
            messages.info(request, _("Bạn chưa nộp bài: hãy làm tiếp và bấm “Nộp bài”."))
            return _redirect(_take_url(attempt))
        attempt = services.attempt_expire(attempt=attempt, now=now)
        attempt.round = round
    if attempt.graded_at is None:
        # Stored but not graded yet (a crash in between): grading is idempotent.
        attempt = services.attempt_grade(attempt_id=attempt.pk)
        attempt.round = round
    state = selectors.round_state(round, now=now)
    used = Attempt.objects.filter(round=round, participant=participant).count()
    certificate = _certificate_of(attempt)
    context = {
        "nav_section": NAV,
        "no_feedback": True,
        "contest": contest,
        "round": round,
        "attempt": attempt,
        "participant_name": selectors.name_abbreviated(participant.name),
        "expired": attempt.status == AttemptStatus.EXPIRED,
        "duration": _duration(attempt.duration_ms),
        "percent": round_percent(attempt.correct, attempt.total),
        "review": _review(attempt) if state == "closed" else [],
        "round_closed": state == "closed",
        "leaderboard_open": state == "closed" or round.results_published_at is not None,
        "can_start_again": state == "open" and used < round.attempts_allowed,
        "attempts_left": max(0, round.attempts_allowed - used),
        "certificate": certificate,
        "certificate_url": results.certificate_path(certificate) if certificate else "",
    }
    return _private(render(request, "contests/attempt_result.html", context))


def round_percent(correct: int | None, total: int) -> int:
    return round((correct or 0) * 100 / total) if total else 0


# --------------------------------------------------------------------------- leaderboard


def _leaderboard_units(round: Round) -> list[dict[str, str]]:
    """The communes of the round's ranked participants, by name (the filter's choices)."""
    rows = (
        Attempt.objects.filter(round=round, graded_at__isnull=False)
        .filter(participant__personal_data_erased_at__isnull=True)
        .values_list("participant__unit__code", "participant__unit__name")
        .distinct()
        .order_by("participant__unit__name")
    )
    return [{"code": code, "name": name} for code, name in rows]


@require_safe
def leaderboard(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The public ranking of round ``number`` once it has closed (or its results were
    published): abbreviated names, commune, correct answers and time; ``?don-vi=``
    keeps one commune; 50 a page (``?trang=``)."""
    contest = _contest(slug)
    round = _round(contest, number)
    now = timezone.now()
    view = _round_view(round, now=now)
    context: dict[str, Any] = {
        "nav_section": NAV,
        "contest": contest,
        "round": round,
        "view": view,
        "rows": [],
        "unit_code": "",
        "unit_error": "",
    }
    if not view.leaderboard_open:
        return render(request, "contests/leaderboard.html", context)
    units = _leaderboard_units(round)
    code = request.GET.get("don-vi", "").strip()[:20]
    unit = None
    if code:
        if any(u["code"] == code for u in units):
            unit = unit_get(code=code)
        if unit is None:
            context["unit_error"] = _(
                "Không có người dự thi nào ở đơn vị đã chọn. Đang hiện mọi đơn vị."
            )
            code = ""
    page_number = _page_number(request)
    rows, total = selectors.leaderboard(
        round=round,
        unit=unit,
        limit=LEADERBOARD_PER_PAGE,
        offset=(page_number - 1) * LEADERBOARD_PER_PAGE,
    )
    pages = max(1, (total + LEADERBOARD_PER_PAGE - 1) // LEADERBOARD_PER_PAGE)
    if page_number > pages:
        raise Http404(_("Không có trang này."))
    first = (page_number - 1) * LEADERBOARD_PER_PAGE + 1
    context.update(
        {
            "units": units,
            "unit": unit,
            "unit_code": code,
            "rows": [
                {
                    "rank": r.rank,
                    "name": r.name_public,
                    "unit": r.unit,
                    "correct": r.correct,
                    "total": r.total,
                    "time": _duration(r.duration_ms),
                }
                for r in rows
            ],
            "total": total,
            "first": first,
            "last": first + len(rows) - 1,
            "all_correct": selectors.round_all_correct_count(round) if round.prediction else None,
            "pager": pager_build(
                current=page_number,
                total=pages,
                url_for=lambda n: query_string({"don-vi": code}, trang=n if n > 1 else ""),
            ),
        }
    )
    return render(request, "contests/leaderboard.html", context)


# --------------------------------------------------------------------------- certificates


def _certificate_code(raw: str) -> str:
    """A certificate code as typed → its canonical form ("" when it cannot be one)."""
    return public_code_normalize(raw or "", prefix=results.CERTIFICATE_PREFIX)


@never_cache
@require_safe
def certificate_find(request: HttpRequest) -> HttpResponse:
    """A form for a certificate's code; ``?ma=`` goes to its verification page."""
    raw = request.GET.get("ma", "")
    error = ""
    if "ma" in request.GET:
        code = _certificate_code(raw)
        if code:
            return _redirect(reverse("contests:certificate", kwargs={"code": code}))
        error = (
            _("Vui lòng nhập mã giấy chứng nhận.")
            if not raw.strip()
            else _(
                "Mã “%(code)s” không đúng dạng. Mã gồm chữ CN và 10 chữ, số, in ở cuối giấy "
                "chứng nhận, ví dụ CN-7K4M2-QXR0Z."
            )
            % {"code": raw.strip()[:40]}
        )
    response = render(
        request,
        "contests/certificate_find.html",
        {"nav_section": NAV, "no_feedback": True, "code": raw[:40], "error": error},
        status=400 if error else 200,
    )
    return _private(response)


@never_cache
@require_safe
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Whether a certificate with this code was issued, and to whom (full name, contest,
    round, result, date): what a school or employer checks. Look-ups are limited per
    address (429): codes cannot be tried in bulk to collect names."""
    canonical = _certificate_code(code)
    if canonical and canonical != code:
        target = reverse("contests:certificate", kwargs={"code": canonical})
        return _private(HttpResponseRedirect(target, status=301))
    limit, window = CERTIFICATE_RATE
    rate = rate_limit_hit(request, scope="contests.certificate", limit=limit, window=window)
    if not rate.allowed:
        return _too_many(request, rate.retry_after, what=_("tra cứu giấy chứng nhận"))
    certificate = results.certificate_by_code(code)
    if certificate is None:
        response = render(
            request,
            "contests/certificate_not_found.html",
            {"nav_section": NAV, "no_feedback": True, "code": code[:40]},
            status=404,
        )
        return _private(response)
    attempt = certificate.attempt
    participant = attempt.participant
    context = {
        "nav_section": NAV,
        "no_feedback": True,
        "certificate": certificate,
        "attempt": attempt,
        "round": attempt.round,
        "contest": attempt.round.contest,
        "erased": participant.personal_data_erased_at is not None,
        "name": participant.name,
        "unit": participant.unit.name,
        "prize": certificate.prize.name if certificate.prize_id else "",
        "percent": round_percent(attempt.correct, attempt.total),
        "pdf_url": reverse("contests:certificate-pdf", kwargs={"code": certificate.code}),
    }
    return _private(render(request, "contests/certificate.html", context))


@never_cache
@require_safe
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate as a PDF (``results.certificate_pdf``)."""
    limit, window = CERTIFICATE_RATE
    rate = rate_limit_hit(request, scope="contests.certificate", limit=limit, window=window)
    if not rate.allowed:
        return _too_many(request, rate.retry_after, what=_("tra cứu giấy chứng nhận"))
    certificate = results.certificate_by_code(code)
    if certificate is None:
        raise Http404(_("Không có giấy chứng nhận này."))
    pdf = results.certificate_pdf(certificate=certificate)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-chung-nhan-{certificate.code}.pdf"'
    return _private(response)


# --------------------------------------------------------------------------- practice


def _practice_field(code: str) -> LegalField | None:
    """The field of ``/luyen-tap/<code>/`` (None for every field); 404 when unknown or
    without practice items."""
    if code == PRACTICE_ALL:
        if not selectors.items_for_practice().exists():
            raise Http404(_("Chưa có câu hỏi luyện tập."))
        return None
    field = LegalField.objects.filter(code=code).first()
    if field is None or not selectors.items_for_practice(legal_field=field).exists():
        raise Http404(_("Chưa có câu hỏi luyện tập cho lĩnh vực này."))
    return field


@require_safe
def practice_index(request: HttpRequest) -> HttpResponse:
    """The legal fields with practice items, and how many each has."""
    rows = (
        selectors.items_for_practice()
        .prefetch_related(None)
        .values("legal_field__code", "legal_field__name")
        .annotate(count=Count("id"))
        .order_by("legal_field__name")
    )
    fields = [
        {"code": r["legal_field__code"], "name": r["legal_field__name"], "count": r["count"]}
        for r in rows
    ]
    context = {
        "nav_section": NAV,
        "fields": fields,
        "total": sum(f["count"] for f in fields),
        "all_code": PRACTICE_ALL,
        "length": PRACTICE_LENGTH,
    }
    return render(request, "contests/practice_index.html", context)


def _practice_context(code: str, field: LegalField | None, state: PracticeState) -> dict:
    return {
        "nav_section": NAV,
        "no_feedback": True,
        "code": code,
        "field": field,
        "field_name": field.name if field else _("Mọi lĩnh vực"),
        "state": state,
        "length": PRACTICE_LENGTH,
        "state_field": PRACTICE_STATE_FIELD,
        "choice_field": PRACTICE_CHOICE,
        "action": reverse("contests:practice", kwargs={"code": code}),
    }


def _practice_restart(request: HttpRequest, code: str) -> HttpResponse:
    messages.info(
        request,
        _("Lượt luyện tập trước không còn dùng được (đã cũ hoặc bị sửa). Bắt đầu lượt mới."),
    )
    return _redirect(reverse("contests:practice", kwargs={"code": code}))


def _practice_question(
    request: HttpRequest,
    code: str,
    field: LegalField | None,
    state: PracticeState,
    item: Item,
    *,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    choices = list(item.choices.all())
    context = _practice_context(code, field, state)
    context.update(
        {
            "item": item,
            "choices": choices,
            "multiple": sum(1 for c in choices if c.is_correct) > 1,
            "number": state.answered + 1,
            "signed": state.dumps(),
            "error": error,
        }
    )
    response = render(request, "contests/practice_question.html", context, status=status)
    return _private(response)


@require_http_methods(["GET", "POST"])
def practice(request: HttpRequest, code: str) -> HttpResponse:
    """A practice session of up to ten questions, one at a time, no account: GET asks the
    next question (a new session without ``?tt=``), POST answers it and shows the correct
    answer, the explanation and the legal ground. The state travels signed in the form;
    a forged or stale one starts a clean session."""
    field = _practice_field(code)
    pool = selectors.items_for_practice(legal_field=field)
    if request.method == "POST":
        state = PracticeState.loads(
            str(request.POST.get(PRACTICE_STATE_FIELD, "")), field_code=code
        )
        if state is None or state.current is None:
            return _practice_restart(request, code)
        item = pool.filter(pk=state.current).first()
        if item is None or item.pk in state.seen:
            return _practice_restart(request, code)
        return _practice_answer(request, code, field, state, item)
    raw = request.GET.get(PRACTICE_STATE_FIELD, "")
    if raw:
        state = PracticeState.loads(raw, field_code=code)
        if state is None:
            return _practice_restart(request, code)
    else:
        state = PracticeState(field=code)
    remaining = list(pool.exclude(pk__in=state.seen).values_list("pk", flat=True))
    if state.answered >= PRACTICE_LENGTH or not remaining:
        context = _practice_context(code, field, state)
        context["percent"] = round_percent(state.right, state.answered)
        return _private(render(request, "contests/practice_summary.html", context))
    state.current = random.choice(remaining)  # noqa: S311 (not security)
    item = pool.get(pk=state.current)
    return _practice_question(request, code, field, state, item)


def _practice_answer(
    request: HttpRequest, code: str, field: LegalField | None, state: PracticeState, item: Item
) -> HttpResponse:
    choices = list(item.choices.all())
    ids = {c.pk for c in choices}
    raw = request.POST.getlist(PRACTICE_CHOICE)
    chosen = {int(v) for v in raw if str(v).isdigit() and int(v) in ids}
    if not chosen or len(chosen) != len(raw):
        error = (
            _("Vui lòng chọn một phương án trước khi trả lời.")
            if not raw
            else _("Phương án đã chọn không thuộc câu hỏi này. Vui lòng chọn lại.")
        )
        return _practice_question(request, code, field, state, item, error=error, status=400)
    correct = {c.pk for c in choices if c.is_correct}
    right = chosen == correct
    after = PracticeState(
        field=state.field, current=None, seen=[*state.seen, item.pk], right=state.right + right
    )
    context = _practice_context(code, field, after)
    context.update(
        {
            "item": item,
            "choices": [
                {"text": c.text, "chosen": c.pk in chosen, "correct": c.is_correct} for c in choices
            ],
            "multiple": len(correct) > 1,
            "right": right,
            "number": after.answered,
            "citation": _citations([item])[0] if item.citation_number else None,
            "signed": after.dumps(),
            "done": after.answered >= PRACTICE_LENGTH
            or not selectors.items_for_practice(legal_field=field)
            .exclude(pk__in=after.seen)
            .exists(),
        }
    )
    return _private(render(request, "contests/practice_answer.html", context))
