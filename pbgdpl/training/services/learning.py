"""Writes of online learning: linking a login account to its registry row, a learner
finishing a module, quiz attempts (drawn, submitted once, graded on the server), and the
automatic completion of an online course.

Who may act: only the learner — the registry person whose account (``Person.user``) is
the actor. Anyone else is refused with PermissionDenied (the pages answer 404 before
that). An enrolment that was withdrawn, or a course that is no longer published, is
refused with a message; nothing is stored.

Completion of an online course: every module done — a lesson, video or document when the
learner marked it learned, a quiz when an attempt reached the course's pass mark — then
the enrolment is completed and the certificate issued, in the same transaction.
"""

import random
import secrets
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.contests.models import Choice
from pbgdpl.core.audit import audit_record
from pbgdpl.people.identifiers import normalize_email, normalize_phone

from ..models import (
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleKind,
    ModuleProgress,
    Person,
    QuizAttempt,
)
from ..selectors.learning import quiz_items_available
from .certificates import certificate_issue
from .errors import TrainingInputError

MAX_ANSWERS = 500


# --------------------------------------------------------------------------- the learner


def _account_identifiers(user: Any) -> tuple[str, str]:
    """The e-mail address and phone number an account logs in with, normalised. Accounts
    are created by staff (there is no self sign-up), so these are the identifiers the
    Department verified when it opened the account."""
    email = normalize_email(user.email) if getattr(user, "email", None) else ""
    phone = ""
    if getattr(user, "phone", None):
        try:
            phone = normalize_phone(user.phone)
        except ValueError:
            phone = ""
    return email, phone


@transaction.atomic
def learner_link_account(*, user: Any) -> Person | None:
    """The registry person of ``user``: the row already linked to the account, or else —
    on the first visit — the one row whose e-mail or phone is the account's, which is
    then linked (audited). None when there is no such row, when the e-mail and the phone
    point to two different people, or when the row is linked to another account."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    linked = Person.objects.filter(user_id=user.pk).order_by("pk").first()
    if linked is not None:
        return linked
    email, phone = _account_identifiers(user)
    match = Q(pk__in=[])
    if email:
        match |= Q(email=email)
    if phone:
        match |= Q(phone=phone)
    candidates = list(Person.objects.select_for_update().filter(match)[:3])
    if len(candidates) != 1 or candidates[0].user_id is not None:
        return None
    person = candidates[0]
    person.user_id = user.pk
    person.save(update_fields=["user", "updated_at"])
    audit_record(
        action="training.person.link_account",
        obj=person,
        actor=user,
        data={"by": "email" if email and person.email == email else "phone"},
    )
    return person


def _learner_check(actor: Any, enrolment: Enrolment) -> None:
    """Only the enrolled person acts on an enrolment, and only while it is open to them."""
    person = enrolment.person
    if (
        actor is None
        or not getattr(actor, "is_authenticated", False)
        or person.user_id is None
        or person.user_id != actor.pk
    ):
        raise PermissionDenied("training.learn")
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise TrainingInputError(
            {"enrolment": _("Bạn đã rút khỏi khoá học này: không học tiếp được.")}
        )
    if not enrolment.course.published:
        raise TrainingInputError(
            {"course": _("Khoá học đang tạm đóng: chưa học tiếp được, vui lòng quay lại sau.")}
        )


def _module_check(enrolment: Enrolment, module: Module) -> None:
    if module.course_id != enrolment.course_id:
        raise TrainingInputError({"module": _("Học phần này không thuộc khoá học của bạn.")})


# --------------------------------------------------------------------------- modules


@transaction.atomic
def module_complete(
    *, actor: Any, enrolment: Enrolment, module: Module, now: datetime | None = None
) -> ModuleProgress:
    """The learner marks a lesson, video or document as learned (idempotent). A quiz is
    done by passing it (``quiz_submit``). May complete the course (online courses)."""
    _learner_check(actor, enrolment)
    _module_check(enrolment, module)
    if module.kind == ModuleKind.QUIZ:
        raise TrainingInputError(
            {"module": _("Bài kiểm tra được tính là xong khi bạn làm bài đạt điểm yêu cầu.")}
        )
    now = now or timezone.now()
    progress, created = ModuleProgress.objects.get_or_create(
        enrolment=enrolment, module=module, defaults={"completed_at": now}
    )
    if created:
        enrolment_complete_if_done(enrolment=enrolment, now=now)
    return progress


# --------------------------------------------------------------------------- quizzes


@transaction.atomic
def quiz_start(
    *, actor: Any, enrolment: Enrolment, module: Module, now: datetime | None = None
) -> QuizAttempt:
    """The learner's attempt in progress at a quiz, or a new one: the module's approved
    items, each with its choices in a new random order. Idempotent while an attempt is
    open (a reload shows the same order)."""
    _learner_check(actor, enrolment)
    _module_check(enrolment, module)
    if module.kind != ModuleKind.QUIZ:
        raise TrainingInputError({"module": _("Học phần này không phải bài kiểm tra.")})
    open_attempt = QuizAttempt.objects.filter(
        enrolment=enrolment, module=module, submitted_at__isnull=True
    ).first()
    if open_attempt is not None:
        return open_attempt
    item_ids = list(quiz_items_available(module).values_list("pk", flat=True))
    if not item_ids:
        raise TrainingInputError(
            {"module": _("Bài kiểm tra chưa có câu hỏi: vui lòng quay lại sau.")}
        )
    choices: dict[int, list[int]] = {}
    for item_id, choice_id in (
        Choice.objects.filter(item_id__in=item_ids)
        .order_by("item_id", "position")
        .values_list("item_id", "id")
    ):
        choices.setdefault(item_id, []).append(choice_id)
    rng = random.Random(secrets.randbits(64))  # noqa: S311 (an order, not a secret)
    draw = []
    for item_id in item_ids:
        order = list(choices.get(item_id, []))
        rng.shuffle(order)
        draw.append({"item": item_id, "choices": order})
    number = QuizAttempt.objects.filter(enrolment=enrolment, module=module).count() + 1
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(
                enrolment=enrolment,
                module=module,
                number=number,
                started_at=now or timezone.now(),
                draw=draw,
                total=len(draw),
            )
    except IntegrityError:  # a concurrent start won: use its attempt
        winner = QuizAttempt.objects.filter(
            enrolment=enrolment, module=module, submitted_at__isnull=True
        ).first()
        if winner is None:
            raise
        return winner


def _answers_clean(attempt: QuizAttempt, answers: dict) -> dict[str, list[int]]:
    """``answers`` ({item id: [choice ids]}) checked against the attempt: every item
    answered, and only its own choices."""
    if not isinstance(answers, dict) or len(answers) > MAX_ANSWERS:
        raise TrainingInputError({"answers": _("Dữ liệu bài làm không hợp lệ.")})
    allowed = {str(entry["item"]): set(entry["choices"]) for entry in attempt.draw}
    clean: dict[str, list[int]] = {}
    for key, value in answers.items():
        key = str(key)
        if key not in allowed:
            raise TrainingInputError(
                {"answers": _("Câu hỏi %(id)s không có trong bài kiểm tra này.") % {"id": key[:20]}}
            )
        values = value if isinstance(value, list | tuple | set) else [value]
        try:
            chosen = {int(v) for v in values}
        except (TypeError, ValueError):
            raise TrainingInputError({"answers": _("Phương án trả lời không hợp lệ.")}) from None
        if not chosen <= allowed[key]:
            raise TrainingInputError({"answers": _("Phương án đã chọn không thuộc câu hỏi này.")})
        if chosen:
            clean[key] = sorted(chosen)
    missing = [key for key in allowed if key not in clean]
    if missing:
        raise TrainingInputError(
            {
                "answers": _(
                    "Còn %(n)s câu chưa trả lời: vui lòng trả lời hết các câu rồi nộp bài."
                )
                % {"n": len(missing)}
            }
        )
    return clean


@transaction.atomic
def quiz_submit(
    *, actor: Any, attempt: QuizAttempt, answers: dict, now: datetime | None = None
) -> QuizAttempt:
    """Submit a quiz attempt, once: grade it on the server (an item is right when exactly
    its correct choices were chosen), score in whole percent, passed at the course's pass
    mark. A pass marks the module done (the best score is kept) and may complete the
    course. Answers for items not in the attempt, choices of another item, unanswered
    items or a second submission are refused; nothing is stored."""
    enrolment = attempt.enrolment
    _learner_check(actor, enrolment)
    locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.submitted_at is not None:
        raise TrainingInputError(
            {"attempt": _("Bài kiểm tra này đã nộp; muốn làm lại, hãy bắt đầu lượt mới.")}
        )
    clean = _answers_clean(locked, answers)
    item_ids = [entry["item"] for entry in locked.draw]
    correct_sets: dict[int, set[int]] = {i: set() for i in item_ids}
    for item_id, choice_id in Choice.objects.filter(
        item_id__in=item_ids, is_correct=True
    ).values_list("item_id", "id"):
        correct_sets[item_id].add(choice_id)
    correct = sum(1 for i in item_ids if set(clean.get(str(i), [])) == correct_sets[i])
    total = len(item_ids)
    score = round(correct * 100 / total) if total else 0
    now = now or timezone.now()
    locked.answers = clean
    locked.submitted_at = now
    locked.correct = correct
    locked.total = total
    locked.score_percent = score
    locked.passed = score >= enrolment.course.pass_mark
    locked.save(
        update_fields=["answers", "submitted_at", "correct", "total", "score_percent", "passed"]
    )
    if locked.passed:
        progress, created = ModuleProgress.objects.get_or_create(
            enrolment=enrolment,
            module_id=locked.module_id,
            defaults={"completed_at": now, "score_percent": score},
        )
        if not created and (progress.score_percent or 0) < score:
            progress.score_percent = score
            progress.save(update_fields=["score_percent"])
        enrolment_complete_if_done(enrolment=enrolment, now=now)
    audit_record(
        action="training.quiz.submit",
        obj=enrolment,
        actor=actor,
        data={"module": locked.module_id, "score": score, "passed": locked.passed},
    )
    return locked


# --------------------------------------------------------------------------- completion


@transaction.atomic
def enrolment_complete_if_done(*, enrolment: Enrolment, now: datetime | None = None) -> bool:
    """Complete an online course's enrolment once every module is done (quizzes passed),
    and issue its certificate. Returns whether the enrolment is completed. Offline and
    blended courses are completed by their organisers (``completion_mark``); a withdrawn
    enrolment or an unpublished course is left as it is."""
    locked = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    if locked.status == EnrolmentStatus.COMPLETED:
        return True
    course = locked.course
    if (
        locked.status != EnrolmentStatus.ENROLLED
        or course.mode != CourseMode.ONLINE
        or not course.published
    ):
        return False
    modules = set(Module.objects.filter(course=course).values_list("pk", flat=True))
    done = set(ModuleProgress.objects.filter(enrolment=locked).values_list("module_id", flat=True))
    if not modules or not modules <= done:
        return False
    locked.status = EnrolmentStatus.COMPLETED
    locked.completed_at = now or timezone.now()
    locked.save(update_fields=["status", "completed_at", "updated_at"])
    audit_record(action="training.complete", obj=locked, actor=None, data={"online": True})
    certificate_issue(enrolment=locked)
    enrolment.status, enrolment.completed_at = locked.status, locked.completed_at
    return True
