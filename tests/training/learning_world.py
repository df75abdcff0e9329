"""A world for the online-learning tests: the training world (province, two communes,
staff), two learners with accounts (one per commune), approved quiz items with one draft,
an online course of four modules (lesson, video, document, quiz) and a blended course
with a past and a coming session — the people enrolled through the real services."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from pbgdpl.contests.models import Choice, Item
from pbgdpl.training import services
from pbgdpl.training.models import Course, Enrolment, Module, QuizAttempt
from pbgdpl.training.services import SessionInput
from tests.factories import UserFactory
from tests.training.factories import TrainingWorld, person_add, training_world

LESSON_HTML = (
    "<h2>Quyền và nghĩa vụ</h2><p>Theo <strong>Luật Phổ biến, giáo dục pháp luật</strong> "
    'số 14/2012/QH13 …</p><script>alert("x")</script><p><a href="javascript:alert(1)">'
    'bấm</a> <a href="https://vbpl.vn/">vbpl.vn</a></p><img src="https://evil.example/x.png">'
)


@dataclass
class LearningWorld:
    base: TrainingWorld
    learner_user: Any
    learner: Any  # a propagandist of commune A, account linked by e-mail on first visit
    other_user: Any
    other: Any  # a propagandist of commune B with their own account
    items: list[Item]
    draft_item: Item
    course: Course  # online, 4 modules, pass mark 70
    modules: list[Module]
    enrolment: Enrolment
    other_enrolment: Enrolment
    blended: Course
    past_session: Any
    next_session: Any
    blended_enrolment: Enrolment


def item_make(world: TrainingWorld, n: int, *, status: str = "approved", multiple=False) -> Item:
    item = Item.objects.create(
        stem=f"Câu hỏi bồi dưỡng số {n}: hình thức phổ biến pháp luật nào sau đây đúng?",
        explanation=f"Giải thích số {n}: Điều 11 Luật Phổ biến, giáo dục pháp luật.",
        legal_field=world.field,
        citation_number="14/2012/QH13",
        citation_article="11",
        status=status,
        unit=world.province,
    )
    correct = {1, 2} if multiple else {1}
    for position, text in enumerate(["Phương án A", "Phương án B", "Phương án C", "Phương án D"]):
        Choice.objects.create(
            item=item, position=position, text=f"{text} ({n})", is_correct=position in correct
        )
    return item


def learning_world() -> LearningWorld:
    base = training_world()
    learner = person_add(base, 1)  # commune A, nguoi1@example.vn, 0905000001
    other = person_add(base, 2, unit=base.other_commune.code)
    learner_user = UserFactory(email=learner.email)
    other_user = UserFactory(email=other.email)
    items = [item_make(base, n, multiple=(n == 3)) for n in range(1, 4)]
    draft = item_make(base, 9, status="draft")
    course = Course.objects.create(
        title="Kỹ năng số trong phổ biến pháp luật",
        slug="ky-nang-so",
        description="Khoá học trực tuyến cho tuyên truyền viên.",
        unit=base.province,
        mode="online",
        audience=["propagandist", "reporter"],
        hours=8,
        pass_mark=70,
        published=True,
    )
    modules = [
        Module.objects.create(
            course=course, position=1, title="Bài 1: Tổng quan", kind="lesson", body=LESSON_HTML
        ),
        Module.objects.create(
            course=course,
            position=2,
            title="Bài 2: Video hướng dẫn",
            kind="video",
            video_url="https://www.youtube.com/watch?v=abc",
        ),
        Module.objects.create(
            course=course, position=3, title="Bài 3: Tài liệu", kind="document", body="Đọc kỹ."
        ),
        Module.objects.create(course=course, position=4, title="Bài kiểm tra", kind="quiz"),
    ]
    modules[3].items.set([*items, draft])
    services.enrol_people(actor=base.province_admin, course=course, people=[learner, other])
    blended = Course.objects.create(
        title="Tập huấn trực tiếp",
        slug="tap-huan",
        unit=base.province,
        mode="blended",
        hours=4,
        published=True,
    )
    Module.objects.create(course=blended, position=1, title="Tài liệu đọc trước", kind="lesson")
    now = timezone.now()
    past = services.session_add(
        actor=base.province_admin,
        course=blended,
        data=SessionInput(
            starts_at=now - timedelta(days=1, hours=3),
            ends_at=now - timedelta(days=1),
            place="Hội trường UBND xã Ia Hrú",
            trainer="Nguyễn Văn Giảng",
        ),
    )
    coming = services.session_add(
        actor=base.province_admin,
        course=blended,
        data=SessionInput(
            starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=1, hours=2), online=True
        ),
    )
    services.enrol_people(actor=base.province_admin, course=blended, people=[learner])
    return LearningWorld(
        base=base,
        learner_user=learner_user,
        learner=learner,
        other_user=other_user,
        other=other,
        items=items,
        draft_item=draft,
        course=course,
        modules=modules,
        enrolment=Enrolment.objects.get(course=course, person=learner),
        other_enrolment=Enrolment.objects.get(course=course, person=other),
        blended=blended,
        past_session=past,
        next_session=coming,
        blended_enrolment=Enrolment.objects.get(course=blended, person=learner),
    )


def link(world: LearningWorld) -> None:
    """Link both learners' accounts (what their first visit does)."""
    services.learner_link_account(user=world.learner_user)
    services.learner_link_account(user=world.other_user)
    world.learner.refresh_from_db()
    world.other.refresh_from_db()
    world.enrolment.person.refresh_from_db()
    world.other_enrolment.person.refresh_from_db()


def answers_for(attempt: QuizAttempt, *, right: int) -> dict[str, list[int]]:
    """Answers with the first ``right`` items correct and the others wrong."""
    out = {}
    for n, entry in enumerate(attempt.draw):
        choices = Choice.objects.filter(pk__in=entry["choices"])
        correct = sorted(c.pk for c in choices if c.is_correct)
        wrong = sorted(c.pk for c in choices if not c.is_correct)[:1]
        out[str(entry["item"])] = correct if n < right else wrong
    return out
