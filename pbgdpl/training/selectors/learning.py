"""Reads of online learning: the learner behind an account, their enrolments with
progress, the state of each module, a quiz attempt's items and its review, a course's
sessions with the learner's attendance, certificates by code, and a lesson's text as
safe HTML."""

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max, QuerySet

from pbgdpl.contests.models import Choice, Item, ItemStatus
from pbgdpl.core.codes import public_code_normalize
from pbgdpl.laws.selectors import CitationLink, citation_links

from ..models import (
    Attendance,
    Course,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleProgress,
    Person,
    QuizAttempt,
    Session,
    TrainingCertificate,
)
from ..services.certificates import CERTIFICATE_PREFIX

# --------------------------------------------------------------------------- learner


def learner_of(user: Any) -> Person | None:
    """The registry person linked to ``user``'s account, if any (no linking here: see
    ``services.learner_link_account``)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user_id=user.pk).select_related("unit").order_by("pk").first()


@dataclass
class EnrolmentProgress:
    """Where a learner stands in a course: modules done out of all, the best quiz score
    (None before any quiz was submitted), and whether the course is completed."""

    enrolment: Enrolment
    done: int
    total: int
    best_quiz_score: int | None
    completed: bool

    @property
    def percent(self) -> int:
        if self.completed and not self.total:
            return 100
        return round(self.done * 100 / self.total) if self.total else 0


def _progress_many(enrolments: list[Enrolment]) -> list[EnrolmentProgress]:
    ids = [e.pk for e in enrolments]
    course_ids = {e.course_id for e in enrolments}
    totals: dict[int, int] = {}
    for course_id in Module.objects.filter(course_id__in=course_ids).values_list(
        "course_id", flat=True
    ):
        totals[course_id] = totals.get(course_id, 0) + 1
    done: dict[int, int] = {}
    for enrolment_id in ModuleProgress.objects.filter(enrolment_id__in=ids).values_list(
        "enrolment_id", flat=True
    ):
        done[enrolment_id] = done.get(enrolment_id, 0) + 1
    best = dict(
        QuizAttempt.objects.filter(enrolment_id__in=ids, submitted_at__isnull=False)
        .values("enrolment_id")
        .annotate(best=Max("score_percent"))
        .values_list("enrolment_id", "best")
    )
    return [
        EnrolmentProgress(
            enrolment=e,
            done=done.get(e.pk, 0),
            total=totals.get(e.course_id, 0),
            best_quiz_score=best.get(e.pk),
            completed=e.status == EnrolmentStatus.COMPLETED,
        )
        for e in enrolments
    ]


def enrolment_progress(enrolment: Enrolment) -> EnrolmentProgress:
    """Progress of one enrolment (see ``EnrolmentProgress``)."""
    return _progress_many([enrolment])[0]


_STATUS_ORDER = {EnrolmentStatus.ENROLLED: 0, EnrolmentStatus.COMPLETED: 1}


def learner_enrolments(person: Person) -> list[EnrolmentProgress]:
    """The person's enrolments with their progress: courses in progress first, then
    completed ones, withdrawn ones last; newest first within each."""
    enrolments = sorted(
        Enrolment.objects.filter(person=person)
        .select_related("course", "course__unit", "certificate")
        .order_by("-created_at"),
        key=lambda e: _STATUS_ORDER.get(e.status, 2),
    )
    return _progress_many(enrolments)


def learner_enrolment(person: Person, slug: str) -> Enrolment | None:
    """The person's enrolment in the course ``slug`` (None: not theirs or no such
    course — the pages answer 404 either way)."""
    return (
        Enrolment.objects.filter(person=person, course__slug=slug)
        .select_related("course", "course__unit", "person", "person__unit")
        .first()
    )


# --------------------------------------------------------------------------- a course


@dataclass
class ModuleState:
    module: Module
    done: bool
    best_score: int | None  # quizzes: the best submitted score
    attempts: int  # quizzes: submitted attempts


def module_states(enrolment: Enrolment) -> list[ModuleState]:
    """The course's modules in order, each with whether the learner has done it."""
    modules = list(Module.objects.filter(course_id=enrolment.course_id).order_by("position"))
    done = set(
        ModuleProgress.objects.filter(enrolment=enrolment).values_list("module_id", flat=True)
    )
    quiz_rows = (
        QuizAttempt.objects.filter(enrolment=enrolment, submitted_at__isnull=False)
        .values("module_id")
        .annotate(best=Max("score_percent"))
        .values_list("module_id", "best")
    )
    best = dict(quiz_rows)
    counts: dict[int, int] = {}
    for module_id in QuizAttempt.objects.filter(
        enrolment=enrolment, submitted_at__isnull=False
    ).values_list("module_id", flat=True):
        counts[module_id] = counts.get(module_id, 0) + 1
    return [
        ModuleState(
            module=m,
            done=m.pk in done,
            best_score=best.get(m.pk),
            attempts=counts.get(m.pk, 0),
        )
        for m in modules
    ]


def module_at(enrolment: Enrolment, position: int) -> Module | None:
    return Module.objects.filter(course_id=enrolment.course_id, position=position).first()


def prerequisites_state(enrolment: Enrolment) -> list[tuple[Course, bool]]:
    """The course's prerequisites, each with whether the learner completed it."""
    completed = set(
        Enrolment.objects.filter(
            person_id=enrolment.person_id, status=EnrolmentStatus.COMPLETED
        ).values_list("course_id", flat=True)
    )
    return [
        (course, course.pk in completed)
        for course in enrolment.course.prerequisites.order_by("title")
    ]


@dataclass
class SessionRow:
    session: Session
    present: bool | None  # None: attendance not taken (yet)


def sessions_with_attendance(enrolment: Enrolment) -> list[SessionRow]:
    """The course's sessions in time order with the learner's attendance."""
    marked = dict(
        Attendance.objects.filter(enrolment=enrolment).values_list("session_id", "present")
    )
    return [
        SessionRow(session=s, present=marked.get(s.pk))
        for s in Session.objects.filter(course_id=enrolment.course_id).order_by("starts_at")
    ]


# --------------------------------------------------------------------------- quizzes


def quiz_attempt_open(enrolment: Enrolment, module: Module) -> QuizAttempt | None:
    return QuizAttempt.objects.filter(
        enrolment=enrolment, module=module, submitted_at__isnull=True
    ).first()


def quiz_attempt_of(enrolment: Enrolment, module: Module, attempt_id: int) -> QuizAttempt | None:
    """A submitted attempt of this learner at this quiz (None otherwise)."""
    return QuizAttempt.objects.filter(
        pk=attempt_id, enrolment=enrolment, module=module, submitted_at__isnull=False
    ).first()


def quiz_items_available(module: Module) -> QuerySet[Item]:
    """The module's items a quiz may draw: approved ones only."""
    return module.items.filter(status=ItemStatus.APPROVED).order_by("pk")


@dataclass
class QuizReviewItem:
    number: int
    stem: str
    choices: list[dict]  # {"text", "chosen", "correct"} in the order shown
    correct: bool
    multiple: bool
    explanation: str
    citation: CitationLink | None


def quiz_review(attempt: QuizAttempt) -> list[QuizReviewItem]:
    """Each item of a submitted attempt with what was chosen, the correct choices, the
    explanation and the legal ground (linked into the library when it holds the text)."""
    ids = [entry["item"] for entry in attempt.draw]
    items = {i.pk: i for i in Item.objects.filter(pk__in=ids)}
    choices = {c.pk: c for c in Choice.objects.filter(item_id__in=ids)}
    cited = [items[i] for i in ids if i in items and items[i].citation_number]
    rows = [
        SimpleNamespace(
            number=i.citation_number,
            title="",
            article=i.citation_article,
            detail=i.citation_detail,
        )
        for i in cited
    ]
    links = dict(zip([i.pk for i in cited], citation_links(rows), strict=True))
    out = []
    for number, entry in enumerate(attempt.draw, start=1):
        item = items.get(entry["item"])
        if item is None:  # deleted from the bank since
            continue
        shown = [choices[c] for c in entry["choices"] if c in choices]
        chosen = set(attempt.answers.get(str(item.pk), []))
        right = {c.pk for c in shown if c.is_correct}
        out.append(
            QuizReviewItem(
                number=number,
                stem=item.stem,
                choices=[
                    {"text": c.text, "chosen": c.pk in chosen, "correct": c.is_correct}
                    for c in shown
                ],
                correct=chosen == right,
                multiple=len(right) > 1,
                explanation=item.explanation,
                citation=links.get(item.pk),
            )
        )
    return out


# --------------------------------------------------------------------------- certificates


def certificate_by_code(code: str) -> TrainingCertificate | None:
    """The certificate with this code as typed (case, spaces, dashes, O/0 and I/L/1
    forgiven), or None."""
    normalized = public_code_normalize(code or "", prefix=CERTIFICATE_PREFIX)
    if not normalized:
        return None
    return (
        TrainingCertificate.objects.filter(code=normalized)
        .select_related(
            "enrolment",
            "enrolment__person",
            "enrolment__person__unit",
            "enrolment__course",
            "enrolment__course__unit",
        )
        .first()
    )


def certificates_of(person: Person) -> QuerySet[TrainingCertificate]:
    return TrainingCertificate.objects.filter(enrolment__person=person).select_related(
        "enrolment__course"
    )


# --------------------------------------------------------------------------- content


@dataclass
class VideoSource:
    url: str
    own: bool  # served by this site: a <video> may play it (CSP media-src 'self')


def video_source(url: str) -> VideoSource | None:
    """Where a video module's video is: our own media (played in a ``<video>``, as a
    path on this site) or an external address (a plain link: no external embeds)."""
    url = (url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    site = urlsplit(settings.SITE_BASE_URL)
    same_host = not parts.netloc or parts.netloc == site.netloc
    if same_host and parts.path.startswith(settings.MEDIA_URL):
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return VideoSource(url=path, own=True)
    if parts.scheme not in ("http", "https"):
        return None
    return VideoSource(url=url, own=False)
