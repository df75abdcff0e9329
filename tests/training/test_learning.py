"""Online learning through the services: linking an account to its registry row, modules
learned, quizzes (approved items only, choices shuffled per attempt, graded on the server,
submitted once, retries keeping the best score), automatic completion with a certificate —
and every refusal: another person, a module of another course, a withdrawn enrolment, an
unpublished course, answers that are not the quiz's. Refusals store nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from pbgdpl.core.models import AuditEvent
from pbgdpl.training import selectors, services
from pbgdpl.training.models import (
    Enrolment,
    EnrolmentStatus,
    ModuleProgress,
    QuizAttempt,
    TrainingCertificate,
)
from pbgdpl.training.services import TrainingInputError
from tests.factories import UserFactory
from tests.training.factories import person_add
from tests.training.learning_world import answers_for, learning_world, link

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    w = learning_world()
    link(w)
    return w


def _learn_content_modules(world) -> None:
    for module in world.modules[:3]:
        services.module_complete(actor=world.learner_user, enrolment=world.enrolment, module=module)


def test_the_whole_online_path(world):
    lesson, video, document, quiz = world.modules
    services.module_complete(actor=world.learner_user, enrolment=world.enrolment, module=lesson)
    again = services.module_complete(
        actor=world.learner_user, enrolment=world.enrolment, module=lesson
    )
    assert ModuleProgress.objects.filter(enrolment=world.enrolment).count() == 1  # idempotent
    assert again.module == lesson
    services.module_complete(actor=world.learner_user, enrolment=world.enrolment, module=video)
    services.module_complete(actor=world.learner_user, enrolment=world.enrolment, module=document)
    progress = selectors.enrolment_progress(world.enrolment)
    assert (progress.done, progress.total, progress.completed) == (3, 4, False)
    assert progress.best_quiz_score is None

    # A failed attempt: 1 of 3 right → 33 %, under the pass mark of 70.
    first = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    failed = services.quiz_submit(
        actor=world.learner_user, attempt=first, answers=answers_for(first, right=1)
    )
    assert (failed.correct, failed.total, failed.score_percent, failed.passed) == (1, 3, 33, False)
    world.enrolment.refresh_from_db()
    assert world.enrolment.status == EnrolmentStatus.ENROLLED
    assert not TrainingCertificate.objects.exists()
    assert not ModuleProgress.objects.filter(module=quiz).exists()

    # A retry is a new attempt; passing completes the course and issues the certificate.
    second = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    assert second.pk != first.pk and second.number == 2
    passed = services.quiz_submit(
        actor=world.learner_user, attempt=second, answers=answers_for(second, right=3)
    )
    assert (passed.score_percent, passed.passed) == (100, True)
    world.enrolment.refresh_from_db()
    assert world.enrolment.status == EnrolmentStatus.COMPLETED
    assert world.enrolment.completed_at is not None
    certificate = TrainingCertificate.objects.get(enrolment=world.enrolment)
    assert certificate.code.startswith("BD-") and len(certificate.code) == 14
    progress = selectors.enrolment_progress(world.enrolment)
    assert (progress.done, progress.total, progress.completed) == (4, 4, True)
    assert progress.best_quiz_score == 100

    # Retrying after passing is allowed; the best score is kept.
    third = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    services.quiz_submit(
        actor=world.learner_user, attempt=third, answers=answers_for(third, right=3 - 1)
    )
    assert ModuleProgress.objects.get(module=quiz).score_percent == 100
    assert selectors.enrolment_progress(world.enrolment).best_quiz_score == 100
    assert TrainingCertificate.objects.count() == 1


def test_the_best_score_is_kept_when_a_later_pass_is_higher(world):
    quiz = world.modules[3]
    world.course.pass_mark = 60
    world.course.save()
    first = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    services.quiz_submit(
        actor=world.learner_user, attempt=first, answers=answers_for(first, right=2)
    )
    assert ModuleProgress.objects.get(module=quiz).score_percent == 67
    second = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    services.quiz_submit(
        actor=world.learner_user, attempt=second, answers=answers_for(second, right=3)
    )
    assert ModuleProgress.objects.get(module=quiz).score_percent == 100
    # The quiz passed but the lessons are not done: the course is not completed yet.
    world.enrolment.refresh_from_db()
    assert world.enrolment.status == EnrolmentStatus.ENROLLED
    _learn_content_modules(world)
    world.enrolment.refresh_from_db()
    assert world.enrolment.status == EnrolmentStatus.COMPLETED
    assert TrainingCertificate.objects.filter(enrolment=world.enrolment).exists()


def test_a_quiz_draws_approved_items_and_keeps_its_order_while_open(world):
    quiz = world.modules[3]
    attempt = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    drawn = [entry["item"] for entry in attempt.draw]
    assert drawn == [i.pk for i in world.items]  # the draft item is left out
    assert world.draft_item.pk not in drawn
    for entry, item in zip(attempt.draw, world.items, strict=True):
        assert sorted(entry["choices"]) == sorted(item.choices.values_list("pk", flat=True))
    again = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    assert again.pk == attempt.pk and again.draw == attempt.draw
    assert QuizAttempt.objects.count() == 1


def test_choices_are_shuffled_per_attempt(world):
    quiz = world.modules[3]
    orders = set()
    for _n in range(12):
        attempt = services.quiz_start(
            actor=world.learner_user, enrolment=world.enrolment, module=quiz
        )
        orders.add(tuple(tuple(entry["choices"]) for entry in attempt.draw))
        services.quiz_submit(
            actor=world.learner_user, attempt=attempt, answers=answers_for(attempt, right=0)
        )
    assert len(orders) > 1  # 12 draws of 3 × 4! orders: all equal has odds of 1 in 10^40


@pytest.mark.parametrize(
    "bad, message",
    [
        ("stranger_item", "không có trong bài kiểm tra"),
        ("draft_item", "không có trong bài kiểm tra"),
        ("other_items_choice", "không thuộc câu hỏi này"),
        ("not_a_number", "không hợp lệ"),
        ("unanswered", "Còn 1 câu chưa trả lời"),
    ],
)
def test_quiz_answers_that_are_not_the_quizs_are_refused(world, bad, message):
    quiz = world.modules[3]
    attempt = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    answers = answers_for(attempt, right=3)
    first, second = (str(e["item"]) for e in attempt.draw[:2])
    if bad == "stranger_item":
        answers["999999"] = [1]
    elif bad == "draft_item":
        answers[str(world.draft_item.pk)] = list(
            world.draft_item.choices.values_list("pk", flat=True)[:1]
        )
    elif bad == "other_items_choice":
        answers[first] = answers[second]
    elif bad == "not_a_number":
        answers[first] = ["abc"]
    else:
        del answers[first]
    with pytest.raises(TrainingInputError) as exc:
        services.quiz_submit(actor=world.learner_user, attempt=attempt, answers=answers)
    assert message in exc.value.errors["answers"]
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.answers == {} and attempt.score_percent is None
    assert not ModuleProgress.objects.exists()


def test_an_attempt_is_submitted_once(world):
    quiz = world.modules[3]
    attempt = services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    services.quiz_submit(
        actor=world.learner_user, attempt=attempt, answers=answers_for(attempt, right=0)
    )
    with pytest.raises(TrainingInputError) as exc:
        services.quiz_submit(
            actor=world.learner_user, attempt=attempt, answers=answers_for(attempt, right=3)
        )
    assert "đã nộp" in exc.value.errors["attempt"]
    attempt.refresh_from_db()
    assert attempt.score_percent == 0 and not attempt.passed
    assert not ModuleProgress.objects.filter(module=quiz).exists()


def test_a_module_of_another_course_is_refused(world):
    foreign = world.blended.modules.get()
    with pytest.raises(TrainingInputError) as exc:
        services.module_complete(
            actor=world.learner_user, enrolment=world.enrolment, module=foreign
        )
    assert "không thuộc khoá học" in exc.value.errors["module"]
    with pytest.raises(TrainingInputError):
        services.quiz_start(
            actor=world.learner_user, enrolment=world.blended_enrolment, module=world.modules[3]
        )
    assert not ModuleProgress.objects.exists() and not QuizAttempt.objects.exists()


def test_a_quiz_is_not_marked_done_by_hand_and_a_lesson_is_not_a_quiz(world):
    with pytest.raises(TrainingInputError) as exc:
        services.module_complete(
            actor=world.learner_user, enrolment=world.enrolment, module=world.modules[3]
        )
    assert "đạt điểm" in exc.value.errors["module"]
    with pytest.raises(TrainingInputError):
        services.quiz_start(
            actor=world.learner_user, enrolment=world.enrolment, module=world.modules[0]
        )
    assert not ModuleProgress.objects.exists() and not QuizAttempt.objects.exists()


def test_a_withdrawn_enrolment_or_an_unpublished_course_is_refused(world):
    attempt = services.quiz_start(
        actor=world.learner_user, enrolment=world.enrolment, module=world.modules[3]
    )
    Enrolment.objects.filter(pk=world.enrolment.pk).update(status=EnrolmentStatus.WITHDRAWN)
    world.enrolment.refresh_from_db()
    with pytest.raises(TrainingInputError) as exc:
        services.module_complete(
            actor=world.learner_user, enrolment=world.enrolment, module=world.modules[0]
        )
    assert "rút khỏi khoá" in exc.value.errors["enrolment"]
    attempt.enrolment = world.enrolment
    with pytest.raises(TrainingInputError):
        services.quiz_submit(
            actor=world.learner_user, attempt=attempt, answers=answers_for(attempt, right=3)
        )
    assert not ModuleProgress.objects.exists()
    assert QuizAttempt.objects.get().submitted_at is None
    # Completing a withdrawn enrolment: never, even with everything done.
    assert services.enrolment_complete_if_done(enrolment=world.enrolment) is False

    world.course.published = False
    world.course.save()
    world.other_enrolment.refresh_from_db()
    with pytest.raises(TrainingInputError) as exc:
        services.module_complete(
            actor=world.other_user, enrolment=world.other_enrolment, module=world.modules[0]
        )
    assert "tạm đóng" in exc.value.errors["course"]
    assert not ModuleProgress.objects.exists()


def test_only_the_enrolled_person_acts_on_their_enrolment(world):
    officer = world.base.officer  # the learner's own commune officer: not the learner
    for actor in (world.other_user, officer, world.base.province_admin, AnonymousUser(), None):
        with pytest.raises(PermissionDenied):
            services.module_complete(
                actor=actor, enrolment=world.enrolment, module=world.modules[0]
            )
        with pytest.raises(PermissionDenied):
            services.quiz_start(actor=actor, enrolment=world.enrolment, module=world.modules[3])
    attempt = services.quiz_start(
        actor=world.learner_user, enrolment=world.enrolment, module=world.modules[3]
    )
    with pytest.raises(PermissionDenied):
        services.quiz_submit(
            actor=world.other_user, attempt=attempt, answers=answers_for(attempt, right=3)
        )
    assert not ModuleProgress.objects.exists()
    assert QuizAttempt.objects.get().submitted_at is None


def test_a_blended_course_is_never_completed_by_the_learner(world):
    module = world.blended.modules.get()
    services.module_complete(
        actor=world.learner_user, enrolment=world.blended_enrolment, module=module
    )
    world.blended_enrolment.refresh_from_db()
    assert world.blended_enrolment.status == EnrolmentStatus.ENROLLED
    assert selectors.enrolment_progress(world.blended_enrolment).done == 1
    assert not TrainingCertificate.objects.exists()


def test_a_quiz_without_approved_items_cannot_start(world):
    quiz = world.modules[3]
    quiz.items.set([world.draft_item])
    with pytest.raises(TrainingInputError) as exc:
        services.quiz_start(actor=world.learner_user, enrolment=world.enrolment, module=quiz)
    assert "chưa có câu hỏi" in exc.value.errors["module"]
    assert not QuizAttempt.objects.exists()


# --------------------------------------------------------------------------- accounts


def test_an_account_is_linked_by_its_email_then_by_its_phone():
    w = learning_world()
    assert w.learner.user_id is None
    person = services.learner_link_account(user=w.learner_user)
    assert person == w.learner
    w.learner.refresh_from_db()
    assert w.learner.user_id == w.learner_user.pk
    event = AuditEvent.objects.filter(action="training.person.link_account").get()
    assert event.data == {"by": "email"}
    # Linked once: the next call finds the row by its link.
    assert services.learner_link_account(user=w.learner_user) == w.learner
    assert AuditEvent.objects.filter(action="training.person.link_account").count() == 1

    by_phone = person_add(w.base, 5, email="")
    phone_user = UserFactory(email=None, phone="+84 905 000 005")
    assert services.learner_link_account(user=phone_user) == by_phone
    by_phone.refresh_from_db()
    assert by_phone.user_id == phone_user.pk


def test_an_account_is_not_linked_when_it_is_not_exactly_one_free_row():
    w = learning_world()
    assert services.learner_link_account(user=UserFactory()) is None  # no such e-mail
    assert services.learner_link_account(user=AnonymousUser()) is None
    # The e-mail is one person's, the phone another's: ambiguous, nothing linked.
    mixed = UserFactory(email=w.learner.email.upper(), phone=w.other.phone)
    w.learner_user.delete()
    assert services.learner_link_account(user=mixed) is None
    # A row already linked to another account is not taken over.
    mixed.delete()
    services.learner_link_account(user=w.other_user)
    intruder = UserFactory(email=None, phone=w.other.phone)
    assert services.learner_link_account(user=intruder) is None
    w.learner.refresh_from_db()
    w.other.refresh_from_db()
    assert w.learner.user_id is None and w.other.user_id == w.other_user.pk
