"""Writes of the Legal Q&A: a citizen asks; officials triage, assign, answer with legal
grounds, approve and publish; personal data is erased on request or on time.

Every write checks the actor's permission with ``people.permissions`` on the question's
commune (a commune officer acts only on questions from their commune), leaves an event in
the audit log, and keeps search and the exchange in step inside the same transaction.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.codes import public_code_new, public_code_normalize
from pbgdpl.core.text import normalize_document_number, plain_text_clean
from pbgdpl.core.workdays import working_days_add
from pbgdpl.exchange.services import exchange_publish
from pbgdpl.laws.models import LegalField
from pbgdpl.people.identifiers import normalize_phone
from pbgdpl.people.permissions import can, require
from pbgdpl.search.services import search_changes_record
from pbgdpl.units.choices import COMMUNE_KINDS
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_list_valid

from .models import (
    OPEN_STATUSES,
    AnswerCitation,
    Question,
    QuestionStatus,
    ServiceLevel,
)

SEARCH_TYPE = "qa.answer"
EXCHANGE_TYPE = "qa.answer"

TEXT_MIN_CHARS = 20
TEXT_MAX_CHARS = 4000
NAME_MAX_CHARS = 120
TITLE_MAX_CHARS = 200
ANSWER_MAX_CHARS = 20000
REASON_MAX_CHARS = 500
CITATIONS_MAX = 20

# The consent the asker gives when leaving a name, e-mail or phone number. A new wording
# gets a new version; questions keep the version their asker agreed to.
CONSENT_VERSION = "2026-01"
CONSENT_TEXTS = {
    "2026-01": (
        "Tôi đồng ý để Sở Tư pháp tỉnh Gia Lai dùng họ tên, thư điện tử, số điện thoại tôi "
        "cung cấp chỉ để trả lời và báo tin cho tôi về câu hỏi này. Những thông tin đó "
        "không được công khai, không chuyển cho ai khác và được xoá sau 12 tháng kể từ khi "
        "câu hỏi được trả lời xong, hoặc sớm hơn khi tôi yêu cầu bằng mã theo dõi."
    ),
}

# Tracking codes: Crockford's base32 (no I, L, O, U), 10 symbols = 50 bits.
CODE_PREFIX = "HD"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Vietnamese phone numbers as people write them: 0905 123 456, 0905.123.456, +84 905…
_PHONE = re.compile(r"(?<!\d)(?:\+84|0084|0)(?:[\s.\-]?\d){9,10}(?!\d)")
# Citizen identity card numbers (CCCD: 12 digits), written with or without spaces.
_ID_CARD = re.compile(r"(?<!\d)\d{3}[\s.]?\d{3}[\s.]?\d{6}(?!\d)")


class QaInputError(ValueError):
    """What was sent cannot be stored. ``errors`` maps each bad field to a message (in
    Vietnamese, for the person who typed it); nothing was stored."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class QaStateError(ValueError):
    """The action does not fit the question's state (answering a declined question,
    publishing an answer not yet approved); the message says why, in Vietnamese."""


# --------------------------------------------------------------------------- text


def personal_data_mask(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and identity card numbers replaced by
    "[…]": the starting point of the public wording of a question."""
    text = _EMAIL.sub("[…]", text)
    text = _ID_CARD.sub("[…]", text)
    return _PHONE.sub("[…]", text)


def personal_data_findings(text: str, *, names: Iterable[str] = ()) -> list[str]:
    """What in ``text`` looks like personal data: e-mail addresses, phone numbers, identity
    card numbers, and any of ``names`` (the asker's name) — as labels for a message."""
    found = []
    if _EMAIL.search(text):
        found.append(_("địa chỉ thư điện tử"))
    if _PHONE.search(text):
        found.append(_("số điện thoại"))
    if _ID_CARD.search(text):
        found.append(_("số căn cước"))
    folded = text.casefold()
    for name in names:
        name = (name or "").strip()
        if len(name) >= 4 and name.casefold() in folded:
            found.append(_("họ tên người hỏi"))
            break
    return found


# --------------------------------------------------------------------------- ask


def tracking_code_normalize(code: str) -> str:
    """The canonical form of a tracking code as typed ("hd-7k4m2-qxr0z", with O for 0 or
    I/L for 1 and any spaces or dashes) — "HD-7K4M2-QXR0Z"; "" when it cannot be one."""
    return public_code_normalize(code, prefix=CODE_PREFIX)


def answer_working_days(*, legal_field: LegalField) -> int:
    """Working days officials have to answer a question of ``legal_field``."""
    level = ServiceLevel.objects.filter(legal_field=legal_field).first()
    return level.working_days if level else settings.QA_ANSWER_WORKING_DAYS


def question_units() -> Any:
    """The communes, wards and special zones a question may come from (in force today)."""
    return unit_list_valid().filter(kind__in=COMMUNE_KINDS).order_by("name")


@dataclass
class QuestionInput:
    """A question as sent by the public form or ``POST /api/v1/qa/questions``."""

    legal_field: str
    unit: str
    text: str
    name: str = ""
    email: str = ""
    phone: str = ""
    consent: bool = False
    consent_version: str = ""
    honeypot: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def _question_input_clean(data: QuestionInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    if data.honeypot:
        errors["website"] = _("Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.")
    legal_field = LegalField.objects.filter(code=(data.legal_field or "").strip()).first()
    if legal_field is None:
        errors["legal_field"] = _("Vui lòng chọn lĩnh vực trong danh sách.")
    out["legal_field"] = legal_field
    unit = question_units().filter(code=(data.unit or "").strip()).first()
    if unit is None:
        errors["unit"] = _("Vui lòng chọn xã, phường nơi bạn sinh sống hoặc làm việc.")
    out["unit"] = unit
    raw = data.text or ""
    if len(raw) > TEXT_MAX_CHARS * 2:
        errors["text"] = _("Câu hỏi dài quá %(max)s ký tự. Vui lòng viết ngắn gọn hơn.") % {
            "max": f"{TEXT_MAX_CHARS:,}".replace(",", ".")
        }
    else:
        text = plain_text_clean(raw)
        if len(text) < TEXT_MIN_CHARS:
            errors["text"] = _(
                "Vui lòng viết rõ câu hỏi (ít nhất %(min)s ký tự): chuyện gì xảy ra, bạn "
                "muốn biết điều gì."
            ) % {"min": TEXT_MIN_CHARS}
        elif len(text) > TEXT_MAX_CHARS:
            errors["text"] = _("Câu hỏi dài quá %(max)s ký tự. Vui lòng viết ngắn gọn hơn.") % {
                "max": f"{TEXT_MAX_CHARS:,}".replace(",", ".")
            }
        out["text"] = text
    name = plain_text_clean(data.name)
    if len(name) > NAME_MAX_CHARS:
        errors["name"] = _("Họ tên tối đa %(max)s ký tự.") % {"max": NAME_MAX_CHARS}
    out["name"] = name
    email = (data.email or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except Exception:
            errors["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    out["email"] = email
    phone = ""
    if (data.phone or "").strip():
        try:
            phone = normalize_phone(data.phone)
        except ValueError:
            errors["phone"] = _("Số điện thoại không hợp lệ (ví dụ 0905 123 456).")
    out["phone"] = phone
    if (name or email or phone) and not data.consent:
        errors["consent"] = _(
            "Bạn đã để lại họ tên hoặc cách liên lạc: vui lòng đánh dấu đồng ý với mục đích "
            "sử dụng, hoặc xoá các thông tin đó để hỏi ẩn danh."
        )
    version = (data.consent_version or CONSENT_VERSION).strip()
    if data.consent and version not in CONSENT_TEXTS:
        errors["consent"] = _("Lời đồng ý đã thay đổi. Vui lòng tải lại trang, đọc và gửi lại.")
    out["consent_version"] = version
    if errors:
        raise QaInputError(errors)
    return out


@transaction.atomic
def qa_question_submit(*, data: QuestionInput) -> Question:
    """Store a question from the public (no account needed) and return it with its
    tracking code and deadline.

    Text is kept as plain text (HTML removed). Name, e-mail and phone are kept only with
    consent, recorded with the consent text's version and the time. Raises QaInputError
    (every bad field at once) and stores nothing when the input is not acceptable.
    The asker gets an e-mail with the tracking code when they left an address.
    """
    clean = _question_input_clean(data)
    now = timezone.now()
    personal = bool(clean["name"] or clean["email"] or clean["phone"])
    while True:
        code = public_code_new(CODE_PREFIX)
        if not Question.objects.filter(code=code).exists():
            break
    question = Question.objects.create(
        code=code,
        legal_field=clean["legal_field"],
        unit=clean["unit"],
        text=clean["text"],
        received_at=now,
        due_on=working_days_add(
            start=timezone.localdate(now),
            days=answer_working_days(legal_field=clean["legal_field"]),
        ),
        asker_name=clean["name"],
        asker_email=clean["email"],
        asker_phone=clean["phone"],
        consent_version=clean["consent_version"] if personal else "",
        consent_at=now if personal else None,
    )
    audit_record(
        action="qa.question.receive",
        obj=question,
        actor=None,
        data={"field": question.legal_field.code, "personal_data": personal},
    )
    _notify(question, "received")
    return question


# --------------------------------------------------------------------------- back office


def _require_open(question: Question) -> None:
    if question.status not in OPEN_STATUSES:
        raise QaStateError(
            _("Câu hỏi đang ở trạng thái “%(status)s”, không thể làm việc này.")
            % {"status": question.get_status_display()}
        )


def _locked(question: Question) -> Question:
    """The question re-read under a row lock: two officials acting at once are serialised
    and the second sees the first one's result."""
    return Question.objects.select_for_update().get(pk=question.pk)


def qa_can_draft(user: Any, question: Question) -> bool:
    """Whether ``user`` may write the answer of ``question``: its assignee (with the
    answering role there) or someone who triages questions of its commune."""
    if can(user, "qa.triage", question):
        return True
    return (
        question.assignee_id is not None
        and question.assignee_id == getattr(user, "pk", None)
        and can(user, "qa.answer", question)
    )


@transaction.atomic
def qa_question_classify(
    *, actor: Any, question: Question, legal_field: LegalField, unit: Unit
) -> Question:
    """Correct the field or commune a question was filed under (triage). The deadline is
    kept. The actor must triage both the old and the new commune."""
    question = _locked(question)
    require(actor, "qa.triage", question)
    require(actor, "qa.triage", unit)
    _require_open(question)
    if unit.kind not in COMMUNE_KINDS or unit.valid_to is not None:
        raise QaInputError({"unit": _("Chỉ chọn được xã, phường đang hoạt động.")})
    before = {"field": question.legal_field.code, "unit": question.unit.code}
    question.legal_field = legal_field
    question.unit = unit
    question.save(update_fields=["legal_field", "unit", "updated_at"])
    audit_record(
        action="qa.question.classify",
        obj=question,
        actor=actor,
        data={"before": before, "after": {"field": legal_field.code, "unit": unit.code}},
    )
    return question


@transaction.atomic
def qa_question_assign(
    *, actor: Any, question: Question, assignee: Any, due_on: date | None = None
) -> Question:
    """Give the question to an official or legal reporter who answers questions of its
    commune (role "qa.answer" there). ``due_on`` may move the deadline (not into the
    past). Raises PermissionDenied, QaStateError or QaInputError."""
    question = _locked(question)
    require(actor, "qa.triage", question)
    if question.status not in (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED):
        _require_open(question)
        raise QaStateError(_("Câu hỏi đang chờ duyệt: trả lại người soạn trước khi giao lại."))
    if assignee is None or not can(assignee, "qa.answer", question):
        raise QaInputError(
            {"assignee": _("Người được giao phải là cán bộ trả lời câu hỏi của xã, phường này.")}
        )
    if due_on is not None:
        if due_on < timezone.localdate():
            raise QaInputError({"due_on": _("Hạn trả lời không được ở quá khứ.")})
        question.due_on = due_on
    question.assignee = assignee
    question.assigned_at = timezone.now()
    question.status = QuestionStatus.ASSIGNED
    question.save(update_fields=["assignee", "assigned_at", "status", "due_on", "updated_at"])
    audit_record(
        action="qa.question.assign",
        obj=question,
        actor=actor,
        data={"assignee": assignee.pk, "due_on": question.due_on.isoformat()},
    )
    return question


def _close(question: Question, status: str) -> None:
    question.status = status
    question.closed_at = timezone.now()


@transaction.atomic
def qa_question_decline(*, actor: Any, question: Question, reason: str) -> Question:
    """Close the question without an answer, with a reason the asker will read (not a
    legal question, a case before a court, …)."""
    question = _locked(question)
    require(actor, "qa.triage", question)
    _require_open(question)
    reason = plain_text_clean(reason)
    if not reason:
        raise QaInputError({"reason": _("Vui lòng ghi lý do để người hỏi được biết.")})
    if len(reason) > REASON_MAX_CHARS:
        raise QaInputError({"reason": _("Lý do tối đa 500 ký tự.")})
    question.decline_reason = reason
    _close(question, QuestionStatus.DECLINED)
    question.save(update_fields=["decline_reason", "status", "closed_at", "updated_at"])
    audit_record(action="qa.question.decline", obj=question, actor=actor, data={})
    _notify(question, "declined")
    return question


@transaction.atomic
def qa_question_merge(*, actor: Any, question: Question, into: Question) -> Question:
    """Merge a duplicate into another question: the duplicate is closed and its asker
    follows the other question's answer with their own tracking code."""
    question = _locked(question)
    require(actor, "qa.triage", question)
    require(actor, "qa.triage", into)
    _require_open(question)
    target = into
    while target.duplicate_of_id is not None:  # merge into the end of a chain
        target = target.duplicate_of
    if target.pk == question.pk:
        raise QaInputError({"into": _("Không thể gộp câu hỏi vào chính nó.")})
    if target.status == QuestionStatus.DECLINED:
        raise QaInputError({"into": _("Không gộp vào câu hỏi đã bị từ chối trả lời.")})
    question.duplicate_of = target
    _close(question, QuestionStatus.MERGED)
    question.save(update_fields=["duplicate_of", "status", "closed_at", "updated_at"])
    audit_record(action="qa.question.merge", obj=question, actor=actor, data={"into": target.code})
    _notify(question, "merged")
    return question


@dataclass(frozen=True)
class CitationInput:
    """A legal ground as picked in the answer form: số ký hiệu, article, clause/point."""

    number: str
    article: str = ""
    detail: str = ""
    title: str = ""


def _citations_clean(citations: Iterable[CitationInput]) -> list[AnswerCitation]:
    rows: list[AnswerCitation] = []
    seen = set()
    for index, cite in enumerate(citations):
        if not (cite.number or "").strip():
            continue
        try:
            number = normalize_document_number(cite.number)
        except ValueError:
            raise QaInputError(
                {
                    "citations": _("Số ký hiệu “%(number)s” không đúng dạng (ví dụ 45/2019/QH14).")
                    % {"number": cite.number[:80]}
                }
            ) from None
        article = re.sub(r"^(điều|dieu)\s*", "", (cite.article or "").strip(), flags=re.I)
        if article and not re.fullmatch(r"\d{1,4}[a-zđ]?", article, flags=re.I):
            raise QaInputError(
                {"citations": _("Số điều “%(article)s” không hợp lệ.") % {"article": article[:20]}}
            )
        key = (number, article.lower(), (cite.detail or "").strip().lower())
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            AnswerCitation(
                number=number,
                article=article,
                detail=plain_text_clean(cite.detail)[:80],
                title=plain_text_clean(cite.title)[:300],
                sort_order=index,
            )
        )
    if len(rows) > CITATIONS_MAX:
        raise QaInputError({"citations": _("Tối đa 20 căn cứ pháp lý.")})
    return rows


@transaction.atomic
def qa_answer_save(
    *,
    actor: Any,
    question: Question,
    answer: str,
    citations: Iterable[CitationInput],
    title: str = "",
    public_question: str = "",
    audience_ids: Iterable[int] = (),
) -> Question:
    """Save the draft answer, its legal grounds and the public wording (title, question).

    Only the assignee or someone who triages the commune may write; a question waiting
    for approval cannot be edited (return it first). The draft stays private."""
    question = _locked(question)
    if not qa_can_draft(actor, question):
        raise PermissionDenied("qa.answer")
    if question.status == QuestionStatus.REVIEW:
        raise QaStateError(_("Câu trả lời đang chờ duyệt: người duyệt trả lại thì mới sửa được."))
    if question.status not in (
        QuestionStatus.RECEIVED,
        QuestionStatus.ASSIGNED,
        QuestionStatus.ANSWERED,
        QuestionStatus.PUBLISHED,
    ):
        _require_open(question)
    if question.status in (QuestionStatus.ANSWERED, QuestionStatus.PUBLISHED):
        # After approval the text may change only through another approval.
        require(actor, "qa.approve", question)
    errors = {}
    answer = plain_text_clean(answer)
    if len(answer) > ANSWER_MAX_CHARS:
        errors["answer"] = _("Câu trả lời tối đa 20.000 ký tự.")
    title = plain_text_clean(title).replace("\n", " ")
    if len(title) > TITLE_MAX_CHARS:
        errors["title"] = _("Tiêu đề tối đa 200 ký tự.")
    public_question = plain_text_clean(public_question)
    if len(public_question) > TEXT_MAX_CHARS:
        errors["public_question"] = _("Câu hỏi công khai tối đa 4.000 ký tự.")
    if errors:
        raise QaInputError(errors)
    rows = _citations_clean(citations)
    from pbgdpl.portal.models import Audience

    audiences = list(Audience.objects.filter(pk__in=list(audience_ids)))
    question.answer = answer
    question.title = title
    question.public_question = public_question
    question.drafted_by = actor
    if question.status == QuestionStatus.RECEIVED:
        question.status = QuestionStatus.ASSIGNED
        question.assignee = actor
        question.assigned_at = timezone.now()
    question.save()
    question.audiences.set(audiences)
    question.citations.all().delete()
    for row in rows:
        row.question = question
    AnswerCitation.objects.bulk_create(rows)
    audit_record(
        action="qa.answer.save",
        obj=question,
        actor=actor,
        data={"citations": [str(r) for r in rows], "chars": len(answer)},
    )
    if question.status == QuestionStatus.PUBLISHED:
        _public_changed(question)
    return question


def _publishable_problems(question: Question) -> dict[str, str]:
    errors = {}
    if not question.answer.strip():
        errors["answer"] = _("Chưa có nội dung câu trả lời.")
    if not question.citations.exists():
        errors["citations"] = _("Câu trả lời cần dẫn ít nhất một văn bản làm căn cứ pháp lý.")
    return errors


@transaction.atomic
def qa_answer_submit(*, actor: Any, question: Question) -> Question:
    """Send the draft to approval. It needs an answer and at least one legal ground."""
    question = _locked(question)
    if not qa_can_draft(actor, question):
        raise PermissionDenied("qa.answer")
    if question.status != QuestionStatus.ASSIGNED:
        _require_open(question)
        raise QaStateError(_("Chỉ trình duyệt được câu hỏi đang được trả lời."))
    errors = _publishable_problems(question)
    if errors:
        raise QaInputError(errors)
    question.status = QuestionStatus.REVIEW
    question.submitted_at = timezone.now()
    question.drafted_by = actor
    question.review_note = ""
    question.save(
        update_fields=["status", "submitted_at", "drafted_by", "review_note", "updated_at"]
    )
    audit_record(action="qa.answer.submit", obj=question, actor=actor, data={})
    return question


@transaction.atomic
def qa_answer_return(*, actor: Any, question: Question, note: str) -> Question:
    """Send the draft back to its writer with the approver's remarks."""
    question = _locked(question)
    require(actor, "qa.approve", question)
    if question.status != QuestionStatus.REVIEW:
        raise QaStateError(_("Câu hỏi không ở trạng thái chờ duyệt."))
    note = plain_text_clean(note)
    if not note:
        raise QaInputError({"note": _("Vui lòng ghi điều cần sửa.")})
    question.status = QuestionStatus.ASSIGNED
    question.review_note = note[:1000]
    question.save(update_fields=["status", "review_note", "updated_at"])
    audit_record(action="qa.answer.return", obj=question, actor=actor, data={})
    return question


@transaction.atomic
def qa_answer_approve(*, actor: Any, question: Question) -> Question:
    """Approve the answer: the asker can read it with the tracking code (and is told by
    e-mail when they left an address). The approver must not be the writer."""
    question = _locked(question)
    require(actor, "qa.approve", question)
    if question.status != QuestionStatus.REVIEW:
        raise QaStateError(_("Chỉ duyệt được câu trả lời đang chờ duyệt."))
    if question.drafted_by_id == actor.pk and not actor.is_superuser:
        raise PermissionDenied(_("Người soạn không tự duyệt câu trả lời của mình."))
    errors = _publishable_problems(question)
    if errors:
        raise QaInputError(errors)
    question.approved_by = actor
    question.answered_at = timezone.now()
    _close(question, QuestionStatus.ANSWERED)
    question.save(update_fields=["approved_by", "answered_at", "status", "closed_at", "updated_at"])
    audit_record(action="qa.answer.approve", obj=question, actor=actor, data={})
    _notify(question, "answered")
    return question


@transaction.atomic
def qa_question_publish(*, actor: Any, question: Question) -> Question:
    """Publish an approved question and answer: public page, search, feeds, sitemap and
    the exchange. Refused when the public wording is missing or still holds personal
    data (e-mail, phone, identity number, the asker's name)."""
    question = _locked(question)
    require(actor, "qa.approve", question)
    if question.status != QuestionStatus.ANSWERED:
        raise QaStateError(_("Chỉ công khai được câu hỏi đã được duyệt câu trả lời."))
    errors = _publishable_problems(question)
    if not question.title.strip():
        errors["title"] = _("Vui lòng đặt tiêu đề công khai.")
    if not question.public_question.strip():
        errors["public_question"] = _("Vui lòng viết câu hỏi công khai (đã bỏ thông tin cá nhân).")
    for name in ("title", "public_question", "answer"):
        found = personal_data_findings(getattr(question, name), names=[question.asker_name])
        if found:
            message = _("Còn thông tin cá nhân: %(what)s. Vui lòng xoá trước khi công khai.")
            errors[name] = message % {"what": ", ".join(found)}
    if errors:
        raise QaInputError(errors)
    question.status = QuestionStatus.PUBLISHED
    question.published_at = question.published_at or timezone.now()
    question.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(action="qa.question.publish", obj=question, actor=actor, data={})
    _public_changed(question)
    _notify(question, "published")
    return question


@transaction.atomic
def qa_question_unpublish(*, actor: Any, question: Question, reason: str = "") -> Question:
    """Take a published question off the public site (it stays answered); search and the
    exchange drop it (peers receive a tombstone)."""
    question = _locked(question)
    require(actor, "qa.approve", question)
    if question.status != QuestionStatus.PUBLISHED:
        raise QaStateError(_("Câu hỏi chưa được công khai."))
    question.status = QuestionStatus.ANSWERED
    question.save(update_fields=["status", "updated_at"])
    audit_record(
        action="qa.question.unpublish",
        obj=question,
        actor=actor,
        data={"reason": plain_text_clean(reason)[:500]},
    )
    _public_changed(question)
    return question


def _public_changed(question: Question) -> None:
    search_changes_record(type=SEARCH_TYPE, ids=[question.pk])
    exchange_publish(type=EXCHANGE_TYPE, local_ids=[question.pk])
    from pbgdpl.portal.cache import page_cache_invalidate

    page_cache_invalidate()


# --------------------------------------------------------------------------- personal data


def qa_personal_data_view(*, actor: Any, question: Question) -> dict[str, str]:
    """The asker's contact details and original wording, for staff who may see them
    (role "qa.personal_data" on the commune). Every look is audited."""
    require(actor, "qa.personal_data", question)
    with transaction.atomic():
        audit_record(action="qa.personal_data.view", obj=question, actor=actor, data={})
    return {
        "name": question.asker_name,
        "email": question.asker_email,
        "phone": question.asker_phone,
        "text": question.text,
    }


class ErasureReason:
    REQUEST = "request"
    RETENTION = "retention"


@transaction.atomic
def qa_personal_data_erase(*, question: Question, reason: str, actor: Any = None) -> Question:
    """Erase the asker's personal data: name, e-mail, phone and the original wording of
    the question (the public, de-identified wording and the answer stay). An open
    question is withdrawn (nobody is left to answer). Counts for reports are kept."""
    question = _locked(question)
    if question.personal_data_erased_at is not None:
        return question
    question.asker_name = ""
    question.asker_email = ""
    question.asker_phone = ""
    question.text = ""
    question.personal_data_erased_at = timezone.now()
    question.erasure_reason = reason
    if question.status in OPEN_STATUSES:
        question.decline_reason = _("Người hỏi đã rút câu hỏi và yêu cầu xoá dữ liệu.")
        _close(question, QuestionStatus.DECLINED)
    question.save()
    audit_record(
        action="qa.personal_data.erase", obj=question, actor=actor, data={"reason": reason}
    )
    return question


def qa_personal_data_erase_by_code(*, code: str) -> Question:
    """The asker's own request, made with their tracking code. Raises Question.DoesNotExist
    for an unknown code."""
    question = Question.objects.get(code=tracking_code_normalize(code) or "-")
    return qa_personal_data_erase(question=question, reason=ErasureReason.REQUEST)


def qa_personal_data_purge_expired(*, now: Any = None) -> int:
    """Erase the personal data of every question closed longer ago than the retention
    period (``settings.QA_PERSONAL_DATA_RETENTION_DAYS``, default 365 days); returns how
    many questions were erased. Run daily (``manage.py qa_purge`` or the task)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.QA_PERSONAL_DATA_RETENTION_DAYS)
    due = Question.objects.filter(
        personal_data_erased_at__isnull=True, closed_at__isnull=False, closed_at__lt=cutoff
    ).values_list("pk", flat=True)
    count = 0
    for pk in list(due):
        qa_personal_data_erase(question=Question(pk=pk), reason=ErasureReason.RETENTION, actor=None)
        count += 1
    return count


# --------------------------------------------------------------------------- notices


def _notify(question: Question, event: str) -> None:
    """Queue an e-mail to the asker about ``event`` once the transaction commits, when
    they left an address (with their consent). The task reads the address at send time,
    so an erasure in between means no e-mail."""
    if not question.asker_email:
        return
    from .tasks import qa_asker_notify_task

    transaction.on_commit(
        lambda: qa_asker_notify_task.enqueue(question_id=question.pk, event=event), robust=True
    )
