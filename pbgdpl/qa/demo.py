"""The Q&A demo: about 40 questions of our own writing (``demo_data.QUESTIONS``) taken
through the real workflow — received, assigned to a legal reporter, answered with legal
grounds, approved, published or declined — with dates spread over the past months.

Idempotent: each demo question has a fixed tracking code (HD-DEM00-000NN) and is left
alone when it exists.
"""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pbgdpl.core.workdays import working_days_add
from pbgdpl.people.models import Role, User
from pbgdpl.people.services import role_grant, user_create
from pbgdpl.portal.models import Audience
from pbgdpl.units.models import Unit

from . import services
from .demo_data import QUESTIONS
from .models import Question
from .services import CitationInput, QuestionInput, question_units

DEMO_CODE = "HD-DEM00-{:05d}"
REPORTER_EMAIL = "baocaovien@demo.pbgdpl.vn"
APPROVER_EMAIL = "duyet@demo.pbgdpl.vn"
# Spread: question n was received this many days ago (newest last), answered after its
# own "days_to_answer".
SPAN_DAYS = 200


def _staff(
    *, email: str, password: str | None, first: str, last: str, role: str, unit: Unit, admin: Any
) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(
            email=email, password=password, first_name=first, last_name=last, is_staff=True
        )
    role_grant(actor=admin, user=user, role=role, unit=unit)
    return user


def _question(
    index: int, item: dict, *, unit: Unit, triager: User, reporter: User, approver: User
) -> str:
    code = DEMO_CODE.format(index + 1)
    if Question.objects.filter(code=code).exists():
        return "kept"
    asker = item.get("asker") or {}
    question = services.qa_question_submit(
        data=QuestionInput(
            legal_field=item["field"],
            unit=unit.code,
            text=item["asked"],
            name=asker.get("name", ""),
            email=asker.get("email", ""),
            phone=asker.get("phone", ""),
            consent=bool(asker),
        )
    )
    status = item["status"]
    received = timezone.now() - timedelta(days=SPAN_DAYS - index * (SPAN_DAYS // 45))
    if status == "received":
        received = timezone.now() - timedelta(days=(3, 16, 1)[index % 3])
    answered = received + timedelta(days=item.get("days_to_answer", 5), hours=3)
    Question.objects.filter(pk=question.pk).update(
        code=code,
        received_at=received,
        due_on=working_days_add(
            start=timezone.localdate(received),
            days=services.answer_working_days(legal_field=question.legal_field),
        ),
    )
    question.refresh_from_db()
    if status == "declined":
        services.qa_question_decline(
            actor=triager,
            question=question,
            reason=item.get("decline_reason") or "Không thuộc phạm vi hỏi đáp pháp luật.",
        )
        Question.objects.filter(pk=question.pk).update(closed_at=received + timedelta(days=2))
        return status
    if status == "received":
        return status
    services.qa_question_assign(actor=triager, question=question, assignee=reporter)
    services.qa_answer_save(
        actor=reporter,
        question=question,
        answer=item.get("answer", ""),
        citations=[
            CitationInput(
                number=c["number"], article=c.get("article", ""), detail=c.get("detail", "")
            )
            for c in item.get("citations", [])
        ],
        title=item["title"],
        public_question=item["public_question"],
        audience_ids=Audience.objects.filter(code__in=item.get("audiences", [])).values_list(
            "pk", flat=True
        ),
    )
    Question.objects.filter(pk=question.pk).update(assigned_at=received + timedelta(hours=20))
    if status == "assigned":
        return status
    services.qa_answer_submit(actor=reporter, question=question)
    services.qa_answer_approve(actor=approver, question=question)
    Question.objects.filter(pk=question.pk).update(
        submitted_at=answered - timedelta(hours=4), answered_at=answered, closed_at=answered
    )
    if status == "answered":
        return status
    services.qa_question_publish(actor=approver, question=question)
    Question.objects.filter(pk=question.pk).update(published_at=answered + timedelta(days=1))
    return status


def demo_reporter_and_approver(
    *, admin: User, province: Unit, password: str | None
) -> tuple[User, User]:
    """The demo's legal reporter (writes answers and contest questions) and approver
    (approves them), province-wide; created on first use, reused after."""
    reporter = _staff(
        email=REPORTER_EMAIL,
        password=password,
        first="Hùng",
        last="Rơ Mah",
        role=Role.REPORTER,
        unit=province,
        admin=admin,
    )
    approver = _staff(
        email=APPROVER_EMAIL,
        password=password,
        first="Thảo",
        last="Lê Thị",
        role=Role.APPROVER,
        unit=province,
        admin=admin,
    )
    return reporter, approver


def qa_demo_load(
    *, admin: User, province: Unit, password: str | None = None, stdout: Any = None
) -> dict[str, int]:
    """Load the demo questions through the workflow; returns counts per outcome."""
    reporter, approver = demo_reporter_and_approver(
        admin=admin, province=province, password=password
    )
    communes = list(question_units().filter(path__startswith=province.path))
    if not communes:
        raise RuntimeError("Chưa có xã, phường nào: chạy units_load trước.")
    counts: dict[str, int] = {}
    for index, item in enumerate(QUESTIONS):
        unit = communes[(index * 7) % len(communes)]
        with transaction.atomic():
            outcome = _question(
                index, item, unit=unit, triager=admin, reporter=reporter, approver=approver
            )
        counts[outcome] = counts.get(outcome, 0) + 1
    # Near-duplicates are merged into the published question they repeat.
    for index, item in enumerate(QUESTIONS):
        target_title = item.get("duplicate_of_title")
        if not target_title:
            continue
        duplicate = Question.objects.filter(code=DEMO_CODE.format(index + 1)).first()
        target = Question.objects.filter(title=target_title).first()
        if duplicate and target and duplicate.status == "received":
            services.qa_question_merge(actor=admin, question=duplicate, into=target)
            counts["merged"] = counts.get("merged", 0) + 1
    if stdout is not None:
        stdout.write(
            "  Hỏi đáp: " + ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
        )
    return counts
