"""Reads of the training back office: the units a user may pick, the registry filtered
as the list shows it, the courses a user may see, the learners of a course with their
progress, and the sessions with their numbers.

Who sees which course: those of the units where the user holds "training.manage" or
"training.view", and the published ones organised above such a unit (a commune officer
enrols, ticks attendance and confirms completion for their commune's people in a
province course). Inside a course, the learners a user sees are those of their units,
unless they hold the action on the course's own unit (then everyone).
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from pbgdpl.core.text import fold
from pbgdpl.people.permissions import can, filter_permitted, permitted_unit_paths
from pbgdpl.units.models import Unit

from ..models import (
    Attendance,
    Course,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleKind,
    ModuleProgress,
    Person,
    Session,
    TrainingCertificate,
)

COURSE_ACTIONS = ("training.manage", "training.view")
ACTIVE_ENROLMENT = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


# --------------------------------------------------------------------------- registry


def people_filtered(
    people: QuerySet[Person],
    *,
    unit: Unit | None = None,
    role: str = "",
    status: str = "",
    text: str = "",
) -> QuerySet[Person]:
    """``people`` narrowed to ``unit``'s subtree, a role, a status, and a text found in the
    name, phone, e-mail, position or decision number, ignoring case and diacritics
    ("nguyen thi hoa" finds "Nguyễn Thị Hoa") on every database."""
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    if role:
        people = people.filter(role=role)
    if status:
        people = people.filter(status=status)
    text = (text or "").strip()
    if text:
        folded = fold(text)
        digits = "".join(ch for ch in text if ch.isdigit())
        matches = [
            row[0]
            for row in people.values_list(
                "pk", "full_name", "phone", "email", "position", "decision_number"
            )
            if folded in fold(" ".join(row[1:]))
            or (len(digits) >= 4 and digits in (row[2] or "").replace("+84", "0"))
        ]
        people = people.filter(pk__in=matches)
    return people


# --------------------------------------------------------------------------- courses


def _path_prefixes(path: str) -> list[str]:
    """The paths of a unit and of the units above it: "52/21583/" → ["52/", "52/21583/"]."""
    return [path[: i + 1] for i, char in enumerate(path) if char == "/"]


def courses_visible(user: Any) -> QuerySet[Course]:
    """The courses ``user`` may see in the back office (see the module docstring)."""
    everything = Course.objects.all()
    condition = Q(pk__in=[])
    above: set[str] = set()
    for action in COURSE_ACTIONS:
        paths = permitted_unit_paths(user, action)
        if paths is None:
            return everything
        condition |= Q(pk__in=filter_permitted(user, action, everything).values("pk"))
        above |= {prefix for path in paths for prefix in _path_prefixes(path)}
    if above:
        condition |= Q(unit__path__in=above, published=True)
    return everything.filter(condition)


def course_manages(user: Any, course: Course) -> bool:
    """Whether ``user`` organises ``course`` (edit it, its modules and sessions)."""
    return can(user, "training.manage", course)


def enrolments_in_scope(user: Any, course: Course, action: str) -> QuerySet[Enrolment]:
    """The enrolments of ``course`` whose learners ``user`` may act on with ``action``:
    all of them with the action on the course's unit, else those of the user's units."""
    enrolments = Enrolment.objects.filter(course=course)
    if can(user, action, course):
        return enrolments
    return filter_permitted(user, action, enrolments, unit_field="person__unit")


def learners_scope(user: Any, course: Course) -> QuerySet[Enrolment]:
    """The enrolments of ``course`` that ``user`` may see."""
    manage = enrolments_in_scope(user, course, "training.manage").values("pk")
    view = enrolments_in_scope(user, course, "training.view").values("pk")
    return Enrolment.objects.filter(Q(pk__in=manage) | Q(pk__in=view))


@dataclass
class LearnerRow:
    """One learner of a course as the back office shows them."""

    enrolment: Enrolment
    person: Person
    modules_done: int
    modules_total: int
    best_score: int | None  # the best quiz score (%) over the course's quiz modules
    sessions_attended: int
    last_session_end: Any  # the end of the last attended session (datetime) or None
    certificate_code: str

    @property
    def completed(self) -> bool:
        return self.enrolment.status == EnrolmentStatus.COMPLETED

    @property
    def withdrawn(self) -> bool:
        return self.enrolment.status == EnrolmentStatus.WITHDRAWN


def _certificate_code(enrolment: Enrolment) -> str:
    """The code of the enrolment's certificate, "" when it has none."""
    try:
        certificate = enrolment.certificate
    except TrainingCertificate.DoesNotExist:
        return ""
    return getattr(certificate, "code", "") or ""


def course_learners(enrolments: QuerySet[Enrolment]) -> list[LearnerRow]:
    """The learners of ``enrolments`` (one course) with their progress, by name: modules
    done of the course's modules, the best quiz score, the sessions attended and the
    certificate code."""
    enrolments = enrolments.select_related("person", "person__unit", "course", "certificate")
    rows = list(enrolments.order_by("person__full_name", "pk"))
    if not rows:
        return []
    course_id = rows[0].course_id
    total = Module.objects.filter(course_id=course_id).count()
    ids = [e.pk for e in rows]
    progress = ModuleProgress.objects.filter(enrolment_id__in=ids, module__course_id=course_id)
    done = dict(
        progress.order_by().values_list("enrolment_id").annotate(n=Count("module", distinct=True))
    )
    scores = dict(
        progress.filter(module__kind=ModuleKind.QUIZ, score_percent__isnull=False)
        .order_by()
        .values_list("enrolment_id")
        .annotate(best=Max("score_percent"))
    )
    attended = {
        row["enrolment_id"]: row
        for row in Attendance.objects.filter(enrolment_id__in=ids, present=True)
        .order_by()
        .values("enrolment_id")
        .annotate(n=Count("session", distinct=True), last=Max("session__ends_at"))
    }
    return [
        LearnerRow(
            enrolment=enrolment,
            person=enrolment.person,
            modules_done=done.get(enrolment.pk, 0),
            modules_total=total,
            best_score=scores.get(enrolment.pk),
            sessions_attended=attended.get(enrolment.pk, {}).get("n", 0),
            last_session_end=attended.get(enrolment.pk, {}).get("last"),
            certificate_code=_certificate_code(enrolment),
        )
        for enrolment in rows
    ]


@dataclass
class SessionRow:
    session: Session
    capacity: int | None
    enrolled: int  # learners of the course (enrolled or completed) in the user's scope
    attended: int  # of them, marked present at this session
    absent: int  # of them, marked absent
    full: bool  # more learners than places


def course_sessions(course: Course, enrolments: QuerySet[Enrolment]) -> list[SessionRow]:
    """The sessions of ``course`` by start, each with its capacity and the numbers of
    ``enrolments`` (the learners in the user's scope) enrolled, present and absent."""
    active = enrolments.filter(status__in=ACTIVE_ENROLMENT)
    enrolled = active.count()
    marks = (
        Attendance.objects.filter(session__course=course, enrolment__in=active)
        .order_by()
        .values("session_id")
        .annotate(
            n_present=Count("pk", filter=Q(present=True)),
            n_absent=Count("pk", filter=Q(present=False)),
        )
    )
    by_session = {row["session_id"]: row for row in marks}
    rows = []
    for session in course.sessions.order_by("starts_at", "pk"):
        row = by_session.get(session.pk, {})
        rows.append(
            SessionRow(
                session=session,
                capacity=session.capacity,
                enrolled=enrolled,
                attended=row.get("n_present", 0),
                absent=row.get("n_absent", 0),
                full=session.capacity is not None and enrolled > session.capacity,
            )
        )
    return rows


def session_attendance(
    session: Session, enrolments: QuerySet[Enrolment]
) -> list[tuple[Enrolment, bool | None]]:
    """The active learners of ``enrolments`` with their mark at ``session`` (True
    present, False absent, None not marked), by name."""
    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "present"))
    rows = (
        enrolments.filter(status__in=ACTIVE_ENROLMENT)
        .select_related("person", "person__unit")
        .order_by("person__full_name", "pk")
    )
    return [(enrolment, marks.get(enrolment.pk)) for enrolment in rows]


def enrol_candidates(course: Course, people: QuerySet[Person]) -> QuerySet[Person]:
    """Active people of ``people`` of the course's audience not yet in ``course``
    (withdrawn ones are reinstated, not enrolled again)."""
    if course.audience:
        people = people.filter(role__in=course.audience)
    return (
        people.filter(status="active")
        .exclude(pk__in=Enrolment.objects.filter(course=course).values("person_id"))
        .select_related("unit")
        .order_by("full_name", "pk")
    )
