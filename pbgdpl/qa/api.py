"""/api/v1/qa/… — ask a question (no account), follow it with the tracking code, ask for
one's personal data to be erased, read published questions and answers, and get
suggestions while typing."""

from datetime import date, datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from pbgdpl.api.responses import api_too_many_requests
from pbgdpl.core.ratelimit import rate_limit_hit

from . import selectors, services
from .services import CONSENT_TEXTS, CONSENT_VERSION, QaInputError, QuestionInput

router = Router(tags=["qa"])

TRACK_RATE = (60, 600)  # tracking-code look-ups per address per 10 minutes


class QuestionIn(Schema):
    legal_field: str = Field(..., description="Mã lĩnh vực (ví dụ dat-dai)", max_length=80)
    unit: str = Field(..., description="Mã xã, phường (theo danh mục đơn vị hành chính)")
    text: str = Field(..., description="Nội dung câu hỏi, 20–4.000 ký tự, văn bản thường")
    name: str = Field("", description="Họ tên (không bắt buộc; cần đồng ý)")
    email: str = Field("", description="Thư điện tử để nhận thông báo (cần đồng ý)")
    phone: str = Field("", description="Số điện thoại (cần đồng ý)")
    consent: bool = Field(False, description="Đồng ý với mục đích dùng thông tin cá nhân")
    consent_version: str = Field("", description="Phiên bản lời đồng ý đã đọc (GET /qa/consent)")
    website: str = Field("", description="Để trống (bẫy chống máy gửi tự động)")


class QuestionCreatedOut(Schema):
    code: str
    status: str
    status_label: str
    due_on: date
    tracking_url: str


class CitationOut(Schema):
    number: str
    title: str
    article: str
    detail: str
    label: str
    document_url: str
    article_url: str


class QuestionStatusOut(Schema):
    code: str
    status: str = Field(..., description="received, assigned, answered, published, declined")
    status_label: str
    merged_into: str | None
    legal_field: str
    received_at: datetime
    due_on: date
    answered_at: datetime | None
    answer: str
    citations: list[CitationOut]
    decline_reason: str
    url: str
    personal_data_erased: bool


class ErasureOut(Schema):
    code: str
    status: str
    personal_data_erased: bool
    detail: str


class ConsentOut(Schema):
    version: str
    text: str
    retention_days: int


class AnswerOut(Schema):
    id: int
    title: str
    question: str
    answer: str
    legal_field: str
    legal_field_code: str
    audiences: list[str]
    answered_on: date | None
    published_at: datetime | None
    url: str
    citations: list[CitationOut]


class AnswerListOut(Schema):
    count: int
    page: int
    pages: int
    results: list[AnswerOut]


class SuggestionOut(Schema):
    title: str
    url: str
    snippet: str


class SuggestionsOut(Schema):
    answers: list[SuggestionOut]
    articles: list[SuggestionOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str] | None = None


def _citations(question) -> list[dict]:
    return [
        {
            "number": c.number,
            "title": c.title,
            "article": c.article,
            "detail": c.detail,
            "label": c.label,
            "document_url": c.document_url,
            "article_url": c.article_url,
        }
        for c in selectors.question_citations(question)
    ]


@router.post(
    "/qa/questions",
    response={201: QuestionCreatedOut, 422: ErrorOut, 429: ErrorOut},
    summary="Gửi câu hỏi pháp luật (không cần tài khoản)",
)
def question_create(request: HttpRequest, payload: QuestionIn):
    """Store a question; answer 201 with the tracking code and the deadline.

    Limited per address (``settings.QA_ASK_RATE``, default 10 an hour: 429 with
    Retry-After). Name, e-mail and phone need ``consent``. HTML is removed from the text."""
    limit, window = settings.QA_ASK_RATE
    rate = rate_limit_hit(request, scope="qa.ask", limit=limit, window=window)
    if not rate.allowed:
        return api_too_many_requests(request, retry_after=rate.retry_after)
    values = payload.dict()
    try:
        question = services.qa_question_submit(
            data=QuestionInput(honeypot=values.pop("website"), **values)
        )
    except QaInputError as exc:
        return Status(422, {"detail": _("Câu hỏi chưa gửi được."), "errors": exc.errors})
    from django.urls import reverse

    return Status(
        201,
        {
            "code": question.code,
            "status": "received",
            "status_label": str(question.get_status_display()),
            "due_on": question.due_on,
            "tracking_url": settings.SITE_BASE_URL
            + reverse("qa:track", kwargs={"code": question.code}),
        },
    )


def _question_for_code(request: HttpRequest, code: str):
    limit, window = TRACK_RATE
    rate = rate_limit_hit(request, scope="qa.track", limit=limit, window=window)
    if not rate.allowed:
        return None, api_too_many_requests(request, retry_after=rate.retry_after)
    question = selectors.question_by_code(code)
    if question is None:
        raise HttpError(404, _("Không có câu hỏi nào có mã theo dõi này."))
    return question, None


@router.get(
    "/qa/questions/{code}",
    response={200: QuestionStatusOut, 404: ErrorOut, 429: ErrorOut},
    summary="Tình trạng câu hỏi theo mã theo dõi",
)
def question_status(request: HttpRequest, code: str):
    """Status, deadline and, once approved, the answer with its legal grounds. Never the
    asker's name or contact details."""
    question, refused = _question_for_code(request, code)
    if refused:
        return refused
    tracking = selectors.question_tracking(question)
    tracking["citations"] = [
        {
            "number": c.number,
            "title": c.title,
            "article": c.article,
            "detail": c.detail,
            "label": c.label,
            "document_url": c.document_url,
            "article_url": c.article_url,
        }
        for c in tracking["citations"]
    ]
    return Status(200, tracking)


@router.post(
    "/qa/questions/{code}/erasure",
    response={200: ErasureOut, 404: ErrorOut, 429: ErrorOut},
    summary="Người hỏi yêu cầu xoá dữ liệu cá nhân",
)
def question_erase(request: HttpRequest, code: str):
    """Erase the asker's name, contact details and original wording now. An unanswered
    question is withdrawn; a published answer stays public (it holds no personal data)."""
    question, refused = _question_for_code(request, code)
    if refused:
        return refused
    question = services.qa_personal_data_erase(
        question=question, reason=services.ErasureReason.REQUEST
    )
    tracking = selectors.question_tracking(question)
    return Status(
        200,
        {
            "code": question.code,
            "status": tracking["status"],
            "personal_data_erased": True,
            "detail": _("Đã xoá dữ liệu cá nhân của bạn gắn với câu hỏi này."),
        },
    )


@router.get("/qa/consent", response=ConsentOut, summary="Lời đồng ý hiện hành")
def consent_current(request: HttpRequest):
    return {
        "version": CONSENT_VERSION,
        "text": CONSENT_TEXTS[CONSENT_VERSION],
        "retention_days": settings.QA_PERSONAL_DATA_RETENTION_DAYS,
    }


def _answer_out(question) -> dict:
    return {
        "id": question.pk,
        "title": question.title,
        "question": question.public_question,
        "answer": question.answer,
        "legal_field": question.legal_field.name,
        "legal_field_code": question.legal_field.code,
        "audiences": [a.code for a in question.audiences.all()],
        "answered_on": localtime(question.answered_at).date() if question.answered_at else None,
        "published_at": question.published_at,
        "url": settings.SITE_BASE_URL + selectors.question_url(question),
        "citations": _citations(question),
    }


class AnswerFilters(Schema):
    legal_field: str = ""
    audience: str = ""
    page: int = Field(1, ge=1, le=10000)
    limit: int = Field(20, ge=1, le=100)


@router.get("/qa/answers", response=AnswerListOut, summary="Các câu hỏi, câu trả lời đã công khai")
def answer_list(request: HttpRequest, filters: Query[AnswerFilters]):
    qs = selectors.questions_published()
    if filters.legal_field:
        qs = qs.filter(legal_field__code=filters.legal_field)
    if filters.audience:
        qs = qs.filter(audiences__code=filters.audience)
    paginator = Paginator(qs, filters.limit)
    number = min(filters.page, max(1, paginator.num_pages))
    page = paginator.page(number)
    return {
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages,
        "results": [_answer_out(q) for q in page.object_list],
    }


@router.get(
    "/qa/answers/{int:answer_id}",
    response={200: AnswerOut, 404: ErrorOut},
    summary="Một câu hỏi, câu trả lời đã công khai",
)
def answer_get(request: HttpRequest, answer_id: int):
    question = selectors.question_published_get(answer_id)
    if question is None:
        raise HttpError(404, _("Không có câu hỏi công khai này."))
    return Status(200, _answer_out(question))


@router.get(
    "/qa/suggestions",
    response=SuggestionsOut,
    summary="Gợi ý câu trả lời tương tự và điều luật liên quan khi đang gõ câu hỏi",
)
def suggestions(request: HttpRequest, q: str = Query("", max_length=1000)):
    return selectors.qa_suggestions(q)
