"""/api/v1/contests/…, /api/v1/attempts/… — take part in a contest from any client.

A participant registers once per contest and receives a secret token; every attempt call
carries it in the ``X-Participant-Token`` header (never a cookie: a custom header cannot
be sent by another site, so no CSRF token is needed). An attempt id of someone else, or
one that does not exist, is "not found" alike.

The server owns the attempt: ``POST …/attempts`` is idempotent (a double click returns
the same attempt), the deadline is the server's, ``PUT …/answers`` merges and saves, and
``POST …/submit`` is final and idempotent (send an ``Idempotency-Key``; a repeat returns
the stored result). Grading happens after the submission is committed.
"""

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from pbgdpl.api.responses import api_too_many_requests
from pbgdpl.core.ratelimit import rate_limit_hit
from pbgdpl.units.models import Unit

from . import selectors, services
from .models import Attempt, AttemptStatus, Contest, Round
from .services import (
    CONSENT_TEXTS,
    CONSENT_VERSION,
    ContestInputError,
    ContestStateError,
    ParticipantInput,
)

router = Router(tags=["contests"])

# HTTP status for each refusal of the services.
STATE_STATUS = {
    "not_found": 404,
    "not_participant": 404,
    "closed": 409,
    "round_upcoming": 409,
    "round_closed": 409,
    "no_attempts_left": 409,
    "round_pool": 409,
}


class ErrorOut(Schema):
    detail: str
    code: str | None = None
    errors: dict[str, str] | None = None


class RoundOut(Schema):
    number: int
    title: str
    opens_at: datetime
    closes_at: datetime
    state: str = Field(..., description="upcoming, open, closed")
    time_limit_seconds: int
    attempts_allowed: int
    items: int
    prediction: bool
    prizes: list[list]


class ContestOut(Schema):
    id: int
    title: str
    slug: str
    description: str
    rules: str
    unit: str
    eligibility: str
    eligible_unit: str | None
    eligible_group: str
    consent_version: str
    consent_text: str
    rounds: list[RoundOut]


class ParticipantIn(Schema):
    name: str = Field(..., max_length=200)
    unit: str = Field(..., description="Mã xã, phường", max_length=20)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    group: str = Field("citizen", description="citizen, student, official, worker, …")
    consent: bool = False
    consent_version: str = Field("", max_length=20)


class ParticipantOut(Schema):
    participant_id: int
    contest_id: int
    token: str = Field(..., description="Giữ bí mật; gửi trong header X-Participant-Token")


class ChoiceOut(Schema):
    id: int
    text: str


class AttemptItemOut(Schema):
    id: int
    number: int
    stem: str
    multiple: bool
    legal_field: str
    choices: list[ChoiceOut]
    selected: list[int]


class AttemptOut(Schema):
    attempt_id: str
    contest_id: int
    round: int
    number: int = Field(..., description="Lượt thứ mấy của người dự thi trong đợt")
    status: str = Field(..., description="active, submitted, expired")
    started_at: datetime
    deadline: datetime
    seconds_left: int
    prediction_question: bool
    items: list[AttemptItemOut]


class AttemptStartIn(Schema):
    round: int | None = Field(None, description="Số đợt; mặc định: đợt đang mở")


class AnswersIn(Schema):
    answers: dict[str, list[int]] = Field(
        ..., description="{mã câu hỏi: [mã phương án được chọn]}; gộp với các câu đã lưu"
    )


class SavedOut(Schema):
    attempt_id: str
    saves: int
    saved_at: datetime
    deadline: datetime
    seconds_left: int


class SubmitIn(Schema):
    answers: dict[str, list[int]] = Field(default_factory=dict)
    prediction: int | None = Field(None, ge=0, description="Dự đoán số người đúng tất cả")


class ResultOut(Schema):
    attempt_id: str
    status: str
    submitted_at: datetime | None
    graded: bool
    correct: int | None
    total: int
    duration_ms: int | None
    prediction: int | None


class LeaderboardRowOut(Schema):
    rank: int
    name: str
    unit: str
    correct: int
    total: int
    duration_ms: int


class LeaderboardOut(Schema):
    round: int
    count: int
    page: int
    pages: int
    results: list[LeaderboardRowOut]


def _refused(exc: ContestStateError) -> Status:
    return Status(STATE_STATUS.get(exc.code, 409), {"detail": str(exc), "code": exc.code})


def _invalid(exc: ContestInputError, detail: str) -> Status:
    return Status(422, {"detail": detail, "errors": exc.errors})


def _not_found(detail: str | None = None) -> Status:
    return Status(404, {"detail": detail or _("Không có bài thi này."), "code": "not_found"})


def _contest(contest_id: int) -> Contest | None:
    return selectors.contests_published().filter(pk=contest_id).first()


def _round_out(round: Round) -> dict:
    return {
        "number": round.number,
        "title": round.title,
        "opens_at": round.opens_at,
        "closes_at": round.closes_at,
        "state": selectors.round_state(round),
        "time_limit_seconds": round.time_limit_seconds,
        "attempts_allowed": round.attempts_allowed,
        "items": services.round_draw_size(round),
        "prediction": round.prediction,
        "prizes": round.prizes,
    }


def _seconds_left(attempt: Attempt) -> int:
    if attempt.status != AttemptStatus.ACTIVE:
        return 0
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def _attempt_out(attempt: Attempt) -> dict:
    return {
        "attempt_id": str(attempt.pk),
        "contest_id": attempt.round.contest_id,
        "round": attempt.round.number,
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "seconds_left": _seconds_left(attempt),
        "prediction_question": attempt.round.prediction,
        "items": [
            {
                "id": i.id,
                "number": i.number,
                "stem": i.stem,
                "multiple": i.multiple,
                "legal_field": i.legal_field,
                "choices": i.choices,
                "selected": i.selected,
            }
            for i in selectors.attempt_items(attempt)
        ],
    }


def _result_out(attempt: Attempt) -> dict:
    return {
        "attempt_id": str(attempt.pk),
        "status": attempt.status,
        "submitted_at": attempt.submitted_at,
        "graded": attempt.graded_at is not None,
        "correct": attempt.correct,
        "total": attempt.total,
        "duration_ms": attempt.duration_ms,
        "prediction": attempt.prediction,
    }


def _owned_attempt(request: HttpRequest, attempt_id: str):
    """The attempt and its participant when the token in the header owns it; else
    (None, None) — the caller answers 404 either way."""
    attempt = selectors.attempt_for_token(
        attempt_id=attempt_id, token=request.META.get(selectors.PARTICIPANT_HEADER, "")
    )
    if attempt is None:
        return None, None
    return attempt, attempt.participant


@router.get("/contests", response=list[ContestOut], summary="Các cuộc thi đang công bố")
def contest_list(request: HttpRequest):
    """Published contests with their rounds (newest first)."""
    return [_contest_out(c) for c in selectors.contests_published().prefetch_related("rounds")]


def _contest_out(contest: Contest) -> dict:
    return {
        "id": contest.pk,
        "title": contest.title,
        "slug": contest.slug,
        "description": contest.description,
        "rules": contest.rules,
        "unit": contest.unit.name,
        "eligibility": contest.eligibility,
        "eligible_unit": contest.eligible_unit.code if contest.eligible_unit_id else None,
        "eligible_group": contest.eligible_group,
        "consent_version": CONSENT_VERSION,
        "consent_text": CONSENT_TEXTS[CONSENT_VERSION],
        "rounds": [_round_out(r) for r in contest.rounds.all()],
    }


@router.get(
    "/contests/{contest_id}",
    response={200: ContestOut, 404: ErrorOut},
    summary="Một cuộc thi: thể lệ, các đợt, lời đồng ý",
)
def contest_detail(request: HttpRequest, contest_id: int):
    contest = _contest(contest_id)
    if contest is None:
        return Status(404, {"detail": _("Không có cuộc thi này."), "code": "not_found"})
    return Status(200, _contest_out(contest))


@router.post(
    "/contests/{contest_id}/participants",
    response={201: ParticipantOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Đăng ký dự thi (một lần mỗi cuộc thi)",
)
def participant_create(request: HttpRequest, contest_id: int, payload: ParticipantIn):
    """Register; the token in the answer is shown once — keep it to take part from this
    or another device. Limited per address (``settings.CONTEST_REGISTER_RATE``)."""
    contest = _contest(contest_id)
    if contest is None:
        return Status(404, {"detail": _("Không có cuộc thi này."), "code": "not_found"})
    limit, window = settings.CONTEST_REGISTER_RATE
    rate = rate_limit_hit(request, scope="contests.register", limit=limit, window=window)
    if not rate.allowed:
        return api_too_many_requests(request, retry_after=rate.retry_after)
    try:
        participant, token = services.participant_register(
            contest=contest, data=ParticipantInput(**payload.dict()), user=request.user
        )
    except ContestInputError as exc:
        return _invalid(exc, _("Chưa đăng ký được."))
    return Status(201, {"participant_id": participant.pk, "contest_id": contest.pk, "token": token})


@router.post(
    "/contests/{contest_id}/attempts",
    response={200: AttemptOut, 201: AttemptOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Bắt đầu (hoặc tiếp tục) bài thi của đợt đang mở",
)
def attempt_create(request: HttpRequest, contest_id: int, payload: AttemptStartIn | None = None):
    """Idempotent: while an attempt is in progress the same one is returned (200); a new
    one is 201. The items come without their answers; ``deadline`` is the server's."""
    contest = _contest(contest_id)
    if contest is None:
        return Status(404, {"detail": _("Không có cuộc thi này."), "code": "not_found"})
    participant = selectors.participant_from_request(request, contest=contest, allow_cookie=False)
    if participant is None:
        return Status(
            401,
            {
                "detail": _("Cần mã dự thi (header X-Participant-Token) của cuộc thi này."),
                "code": "no_participant",
            },
        )
    if payload is not None and payload.round is not None:
        round = contest.rounds.filter(number=payload.round).first()
        if round is None:
            return Status(404, {"detail": _("Không có đợt thi này."), "code": "not_found"})
    else:
        round = selectors.round_current(contest)
        if round is None:
            return Status(409, {"detail": _("Cuộc thi chưa có đợt thi."), "code": "no_round"})
    now = timezone.now()
    try:
        attempt = services.attempt_start(round=round, participant=participant, now=now)
    except ContestStateError as exc:
        return _refused(exc)
    created = attempt.started_at >= now  # a resumed attempt started before this request
    return Status(201 if created else 200, _attempt_out(attempt))


@router.get(
    "/attempts/{attempt_id}",
    response={200: AttemptOut, 404: ErrorOut},
    summary="Bài thi: câu hỏi, các lựa chọn đã lưu, thời hạn",
)
def attempt_detail(request: HttpRequest, attempt_id: str):
    attempt, _participant = _owned_attempt(request, attempt_id)
    if attempt is None:
        return _not_found()
    if attempt.status == AttemptStatus.ACTIVE and attempt.deadline < timezone.now():
        attempt = services.attempt_expire(attempt=attempt)
    return Status(200, _attempt_out(attempt))


@router.put(
    "/attempts/{attempt_id}/answers",
    response={200: SavedOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Lưu câu trả lời (gộp với các câu đã lưu)",
)
def attempt_answers_put(request: HttpRequest, attempt_id: str, payload: AnswersIn):
    """One conditional update of the attempt; 409 once it is closed (submitted or past
    the deadline: then it is closed with what was saved in time)."""
    attempt, participant = _owned_attempt(request, attempt_id)
    if attempt is None:
        return _not_found()
    try:
        attempt = services.attempt_answers_save(
            attempt=attempt, participant=participant, answers=payload.answers
        )
    except ContestInputError as exc:
        return _invalid(exc, _("Câu trả lời không hợp lệ."))
    except ContestStateError as exc:
        return _refused(exc)
    return Status(
        200,
        {
            "attempt_id": str(attempt.pk),
            "saves": attempt.saves,
            "saved_at": timezone.now(),
            "deadline": attempt.deadline,
            "seconds_left": _seconds_left(attempt),
        },
    )


@router.post(
    "/attempts/{attempt_id}/submit",
    response={200: ResultOut, 404: ErrorOut, 422: ErrorOut},
    summary="Nộp bài (lần cuối; gửi lại cho cùng kết quả)",
)
def attempt_submit(request: HttpRequest, attempt_id: str, payload: SubmitIn | None = None):
    """Store the final answers and the prediction, then grade. Idempotent: a repeat (same
    ``Idempotency-Key`` or not) returns the stored result and changes nothing. After the
    deadline the answers sent now are not taken."""
    attempt, participant = _owned_attempt(request, attempt_id)
    if attempt is None:
        return _not_found()
    payload = payload or SubmitIn()
    try:
        attempt = services.attempt_submit(
            attempt=attempt,
            participant=participant,
            answers=payload.answers,
            prediction=payload.prediction,
            key=request.headers.get("Idempotency-Key", ""),
        )
    except ContestInputError as exc:
        return _invalid(exc, _("Bài nộp không hợp lệ."))
    except ContestStateError as exc:
        return _refused(exc)
    return Status(200, _result_out(attempt))


@router.get(
    "/contests/{contest_id}/leaderboard",
    response={200: LeaderboardOut, 404: ErrorOut, 409: ErrorOut},
    summary="Bảng xếp hạng của một đợt (công bố khi đợt kết thúc)",
)
def contest_leaderboard(
    request: HttpRequest,
    contest_id: int,
    round: int | None = Query(None, description="Số đợt; mặc định: đợt gần nhất đã kết thúc"),
    unit: str = Query("", description="Mã đơn vị: chỉ người dự thi ở đơn vị này"),
    page: int = Query(1, ge=1, le=10_000),
):
    """Ranked participants (names shortened, never contact details), 50 a page."""
    contest = _contest(contest_id)
    if contest is None:
        return Status(404, {"detail": _("Không có cuộc thi này."), "code": "not_found"})
    rounds = list(contest.rounds.all())
    if round is not None:
        chosen = next((r for r in rounds if r.number == round), None)
    else:
        closed = [r for r in rounds if selectors.round_state(r) == "closed"]
        chosen = closed[-1] if closed else (rounds[0] if rounds else None)
    if chosen is None:
        return Status(404, {"detail": _("Không có đợt thi này."), "code": "not_found"})
    if selectors.round_state(chosen) != "closed" and chosen.results_published_at is None:
        return Status(
            409,
            {
                "detail": _("Bảng xếp hạng được công bố khi đợt thi kết thúc."),
                "code": "round_not_closed",
            },
        )
    unit_obj = None
    if unit:
        unit_obj = Unit.objects.filter(code=unit.strip()).first()
        if unit_obj is None:
            return Status(404, {"detail": _("Không có đơn vị này."), "code": "not_found"})
    size = 50
    rows, total = selectors.leaderboard(
        round=chosen, unit=unit_obj, limit=size, offset=(page - 1) * size
    )
    return Status(
        200,
        {
            "round": chosen.number,
            "count": total,
            "page": page,
            "pages": max(1, -(-total // size)),
            "results": [
                {
                    "rank": r.rank,
                    "name": r.name_public,
                    "unit": r.unit,
                    "correct": r.correct,
                    "total": r.total,
                    "duration_ms": r.duration_ms,
                }
                for r in rows
            ],
        },
    )
