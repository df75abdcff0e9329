"""The training demo: a personnel registry of about 200 people across Gia Lai (legal
reporters, propagandists and officials of the province and 30 communes and wards, some
moved between communes in 2026, some suspended or ended), six courses (four online, one
offline, one blended; five of them count toward "trained in digital skills"), sessions,
attendance, quiz attempts and completions through 2026 — enough for the indicators to
differ between communes (some above the 80 % target, some well below; online share of
training near the 75 % target).

Everything goes through the services (person_create / person_move / person_set_status,
the catalogue's course and module writes, session_add, enrol_people, attendance_mark,
completion_mark, the learner's module and quiz writes); only times are moved afterwards
with queryset updates, to place the simulated past where it belongs.

Idempotent: a person with the same demo e-mail address and a course with the same slug
are left alone when they exist. Randomness is seeded: the same people, moves and
completions on every load.
"""

import io
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pbgdpl.contests.models import Choice, Item, ItemStatus
from pbgdpl.core.demo_names import demo_person_name
from pbgdpl.core.pdf_fonts import pdf_fonts
from pbgdpl.laws.models import LegalField
from pbgdpl.people.models import User
from pbgdpl.people.services import user_create
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_children

from . import services
from .demo_data import COURSES
from .models import (
    Course,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    ModuleKind,
    Person,
    PersonRole,
    PersonStatus,
    QuizAttempt,
)
from .selectors import training_stats
from .services import PersonInput, SessionInput, catalogue, learning
from .services.catalogue import CourseInput, ModuleInput

SEED = 2026
PEOPLE_EMAIL = "canbo-pbgdpl{:03d}@demo.pbgdpl.vn"
COMMUNES = 30  # communes and wards with registry people (plus the province itself)
PROVINCE_PEOPLE = 14  # officials and reporters of the Department of Justice and others
SINCE = date(2025, 7, 1)  # the new two-level units took effect on 1 July 2025
DECISION = "{n}/QĐ-UBND"

# Positions by role (our own wording of typical posts).
POSITIONS = {
    PersonRole.REPORTER: [
        "Phó Giám đốc Sở Tư pháp",
        "Trưởng phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp",
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        "Phó Chủ tịch Ủy ban nhân dân xã",
        "Trưởng Công an xã",
        "Luật sư, Đoàn Luật sư tỉnh",
    ],
    PersonRole.PROPAGANDIST: [
        "Trưởng thôn",
        "Bí thư chi bộ thôn",
        "Chi hội trưởng Chi hội Phụ nữ",
        "Bí thư Chi đoàn thanh niên",
        "Người có uy tín trong đồng bào dân tộc thiểu số",
        "Tổ trưởng tổ hòa giải",
        "Tổ trưởng tổ dân phố",
        "Giáo viên trường trung học cơ sở",
    ],
    PersonRole.OFFICIAL: [
        "Công chức Tư pháp - Hộ tịch",
        "Chuyên viên Phòng Phổ biến, giáo dục pháp luật",
        "Công chức Văn hóa - Xã hội",
    ],
}
FIELDS = ["hon-nhan-va-gia-dinh", "dan-su", "lao-dong", "ho-tich", "dat-dai", "tu-phap"]


@dataclass
class DemoPerson:
    n: int
    name: str
    unit: Unit
    role: str
    birth: date
    skill: float  # how keen: drives enrolments, progress and quiz scores


def _communes(province: Unit) -> list[Unit]:
    """30 communes and wards spread over the province (every fourth or so, both kinds)."""
    children = list(unit_children(parent=province).order_by("code"))
    step = max(1, len(children) // COMMUNES)
    return children[::step][:COMMUNES]


def _people_plan(province: Unit, communes: list[Unit]) -> list[DemoPerson]:
    rng = random.Random(SEED)  # noqa: S311 (demo data, not security)
    plan = []
    for n in range(1, PROVINCE_PEOPLE + 1):
        role = PersonRole.REPORTER if n % 3 else PersonRole.OFFICIAL
        plan.append(_demo_person(n, rng, province, role, keen=0.8))
    n = PROVINCE_PEOPLE
    for index, commune in enumerate(communes):
        # Bigger wards keep more propagandists; the keenness of a commune drives how many
        # of its people finish a course (some communes above target, some far below).
        count = 7 if commune.kind == "phuong" else 6
        keen = (0.95, 0.85, 0.7, 0.5, 0.3)[index % 5]
        for j in range(count):
            n += 1
            role = (
                PersonRole.OFFICIAL
                if j == 0
                else PersonRole.REPORTER
                if j == 1
                else PersonRole.PROPAGANDIST
            )
            plan.append(_demo_person(n, rng, commune, role, keen=keen))
    return plan


def _demo_person(n: int, rng: random.Random, unit: Unit, role: str, *, keen: float) -> DemoPerson:
    birth = date(1965, 1, 1) + timedelta(days=rng.randrange(365 * 35))
    skill = min(0.99, max(0.05, rng.gauss(keen, 0.12)))
    return DemoPerson(
        n=n,
        name=demo_person_name(rng, unit_name=unit.name),
        unit=unit,
        role=role,
        birth=birth,
        skill=skill,
    )


def _person_input(p: DemoPerson, rng: random.Random) -> PersonInput:
    reporter = p.role == PersonRole.REPORTER
    fields = [code for code in FIELDS if LegalField.objects.filter(code=code).exists()]
    return PersonInput(
        full_name=p.name,
        role=p.role,
        unit=p.unit.code,
        birth_date=p.birth,
        phone=f"0916{p.n:06d}",
        email=PEOPLE_EMAIL.format(p.n),
        position=rng.choice(POSITIONS[p.role]),
        decision_number=DECISION.format(n=100 + p.n) if reporter else "",
        decision_date=date(2025, 8, 15) if reporter else None,
        term_from=date(2025, 8, 15) if reporter else None,
        term_to=date(2030, 8, 15) if reporter else None,
        legal_fields=rng.sample(fields, k=min(2, len(fields))) if fields else [],
        since=SINCE,
    )


def _registry_load(*, admin: User, province: Unit, communes: list[Unit]) -> dict[int, Person]:
    """The people of the plan (created when missing), the 2026 moves and status changes;
    returns them by demo number."""
    plan = _people_plan(province, communes)
    people: dict[int, Person] = {}
    created = 0
    for p in plan:
        rng = random.Random(SEED * 1000 + p.n)  # noqa: S311
        existing = Person.objects.filter(email=PEOPLE_EMAIL.format(p.n)).first()
        if existing is None:
            existing = services.person_create(actor=admin, data=_person_input(p, rng))
            created += 1
        people[p.n] = existing
    if created:
        _moves_and_status(admin=admin, communes=communes, people=people)
    return people


def _moves_and_status(*, admin: User, communes: list[Unit], people: dict[int, Person]) -> None:
    """Twelve propagandists moved to a neighbouring commune on 1 March 2026 (staff
    arranged after the reorganisation); five ended on 1 May 2026, three suspended."""
    numbers = sorted(n for n, person in people.items() if n > PROVINCE_PEOPLE)
    rng = random.Random(SEED + 7)  # noqa: S311
    chosen = rng.sample(numbers, 20)
    for n in chosen[:12]:
        person = people[n]
        target = communes[(communes.index(person.unit) + 1) % len(communes)]
        people[n] = services.person_move(
            actor=admin,
            person=person,
            unit=target,
            on=date(2026, 3, 1),
            reason="Điều động sau sắp xếp đơn vị hành chính cấp xã",
        )
    for n in chosen[12:17]:
        services.person_set_status(
            actor=admin, person=people[n], status=PersonStatus.ENDED, since=date(2026, 5, 1)
        )
    for n in chosen[17:20]:
        services.person_set_status(
            actor=admin, person=people[n], status=PersonStatus.SUSPENDED, since=date(2026, 9, 1)
        )


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


YEAR_START = date(2026, 1, 1)


def _checklist_pdf() -> ContentFile:
    """The demo's one document module: a one-page checklist we wrote, as a PDF."""
    regular, bold = pdf_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle("Danh mục kiểm tra trước khi đăng bài tuyên truyền pháp luật")
    pdf.setFont(bold, 15)
    pdf.drawString(60, 780, "Danh mục kiểm tra trước khi đăng bài tuyên truyền pháp luật")
    pdf.setFont(regular, 12)
    lines = [
        "1. Văn bản còn hiệu lực? Đã ghi số ký hiệu và điều, khoản?",
        "2. Đã bỏ tên, số điện thoại, địa chỉ của người hỏi?",
        "3. Ảnh, video đã được người xuất hiện trong đó đồng ý?",
        "4. Đường dẫn trỏ tới cổng thông tin chính thức?",
        "5. Câu chữ ngắn, dễ hiểu, không gây hiểu lầm?",
    ]
    for index, line in enumerate(lines):
        pdf.drawString(60, 740 - index * 24, line)
    pdf.showPage()
    pdf.save()
    return ContentFile(buffer.getvalue(), name="danh-muc-kiem-tra-truoc-khi-dang-bai.pdf")


def _quiz_items(pairs: list[tuple[str, str]]) -> list[int]:
    """Ids of the approved bank items citing these (law number, article) pairs."""
    ids = []
    for number, article in pairs:
        ids += list(
            Item.objects.filter(
                citation_number=number, citation_article=article, status=ItemStatus.APPROVED
            ).values_list("pk", flat=True)
        )
    return ids


def _course_create(*, admin: User, province: Unit, spec: dict, courses: dict) -> Course:
    course = catalogue.course_create(
        actor=admin,
        data=CourseInput(
            title=spec["title"],
            unit=province.code,
            mode=spec["mode"],
            slug=spec["slug"],
            description=spec["description"],
            audience=spec["audience"],
            hours=spec["hours"],
            qualifying=spec["qualifying"],
            pass_mark=spec["pass_mark"],
            prerequisites=[courses[slug].pk for slug in spec["prerequisites"]],
        ),
    )
    for module in spec["modules"]:
        items = _quiz_items(module.get("quiz", []))
        if module["kind"] == ModuleKind.QUIZ and not items:
            continue  # the contests' bank is not loaded: no quiz rather than an empty one
        catalogue.module_add(
            actor=admin,
            course=course,
            data=ModuleInput(
                title=module["title"],
                kind=module["kind"],
                body=module.get("body", ""),
                items=items,
                document=_checklist_pdf() if module["kind"] == ModuleKind.DOCUMENT else None,
            ),
        )
    return course


def _learner(person: Person) -> User:
    """The person's account (created without a usable password, linked to the registry
    row by the learner service)."""
    if person.user_id:
        return person.user
    user = User.objects.filter(email=person.email).first() or user_create(
        email=person.email,
        phone=person.phone,
        first_name=person.full_name.split()[-1],
        last_name=" ".join(person.full_name.split()[:-1]),
    )
    linked = learning.learner_link_account(user=user)
    assert linked is not None and linked.pk == person.pk, "demo learner not linked"
    return user


def _quiz_answers(attempt: QuizAttempt, *, rng: random.Random, skill: float) -> dict:
    correct = set(
        Choice.objects.filter(
            item_id__in=[entry["item"] for entry in attempt.draw], is_correct=True
        ).values_list("pk", flat=True)
    )
    answers = {}
    for entry in attempt.draw:
        right = [c for c in entry["choices"] if c in correct]
        wrong = [c for c in entry["choices"] if c not in correct]
        answers[str(entry["item"])] = right if rng.random() < skill or not wrong else [wrong[0]]
    return answers


def _study_online(
    *, course: Course, person: Person, enrolment: Enrolment, skill: float, start: datetime
) -> None:
    """The learner works through the modules over a few weeks; the keener they are, the
    further they get; a failed quiz is retried once."""
    rng = random.Random(SEED * 7919 + person.pk * 31 + course.pk)  # noqa: S311
    user = _learner(person)
    # Re-read: the learner service linked the account to the person after it was loaded.
    enrolment = Enrolment.objects.select_related("person", "course").get(pk=enrolment.pk)
    moment = start
    for module in course.modules.order_by("position"):
        if rng.random() > skill + 0.15:
            return  # stopped here for now
        moment += timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 5))
        if module.kind != ModuleKind.QUIZ:
            learning.module_complete(actor=user, enrolment=enrolment, module=module, now=moment)
            continue
        for _attempt in range(2):
            attempt = learning.quiz_start(
                actor=user, enrolment=enrolment, module=module, now=moment
            )
            attempt = learning.quiz_submit(
                actor=user,
                attempt=attempt,
                answers=_quiz_answers(attempt, rng=rng, skill=skill),
                now=moment + timedelta(minutes=rng.randint(6, 25)),
            )
            if attempt.passed:
                break
            moment += timedelta(days=rng.randint(1, 4))


def _online_courses_simulate(
    *, admin: User, courses: list[Course], plan: dict[int, float], people: dict[int, Person]
) -> None:
    """Enrol the people of each online course's audience (the keener ones first take the
    basic course, later the others) and simulate their learning through 2026."""
    for index, course in enumerate(courses):
        rng = random.Random(SEED + 101 * (index + 1))  # noqa: S311
        start_day = YEAR_START + timedelta(days=20 + 45 * index)
        wanted = [
            person
            for n, person in sorted(people.items())
            if person.status == PersonStatus.ACTIVE and rng.random() < plan[n] * 0.95
        ]
        report = services.enrol_people(actor=admin, course=course, people=wanted)
        number_of = {person.pk: n for n, person in people.items()}
        for enrolment in report.enrolled:
            n = number_of[enrolment.person_id]
            offset = timedelta(days=rng.randint(0, 120), hours=rng.randint(7, 20))
            start = _local(start_day, 0) + offset
            Enrolment.objects.filter(pk=enrolment.pk).update(created_at=start)
            _study_online(
                course=course,
                person=enrolment.person,
                enrolment=enrolment,
                skill=plan[n],
                start=start,
            )


def _clusters(communes: list[Unit], count: int) -> list[list[Unit]]:
    return [communes[i::count] for i in range(count)]


def _sessions_simulate(
    *,
    admin: User,
    course: Course,
    spec: dict,
    communes: list[Unit],
    plan: dict[int, float],
    people: dict[int, Person],
) -> None:
    """Sessions of an offline or blended course: the people of each session's cluster of
    communes (or, for a province session, 24 keen people) enrolled, most attending,
    completion confirmed the day after."""
    clusters = _clusters(communes, 4)
    rng = random.Random(SEED + course.pk)  # noqa: S311
    for number, session_spec in enumerate(spec["sessions"]):
        day = YEAR_START + timedelta(days=session_spec["day"])
        starts = _local(day, session_spec["hour"])
        online = bool(session_spec.get("online"))
        cluster = session_spec["cluster"]
        place = session_spec.get("place", "")
        if cluster is not None:
            place = f"{place} {clusters[cluster][0].name}"
        session = services.session_add(
            actor=admin,
            course=course,
            data=SessionInput(
                starts_at=starts,
                ends_at=starts + timedelta(hours=session_spec["hours"]),
                online=online,
                place="" if online else place,
                capacity=60,
                trainer="Báo cáo viên pháp luật tỉnh",
            ),
        )
        if cluster is None:
            pool = [n for n in sorted(people) if plan[n] > 0.6][:24]
        else:
            units = {u.pk for u in clusters[cluster]}
            pool = [n for n in sorted(people) if people[n].unit_id in units]
        chosen = [
            people[n]
            for n in pool
            if people[n].status == PersonStatus.ACTIVE
            and (not course.audience or people[n].role in course.audience)
        ]
        services.enrol_people(actor=admin, course=course, people=chosen)
        number_of = {person.pk: n for n, person in people.items()}
        for person in chosen:
            enrolment = Enrolment.objects.get(course=course, person=person)
            if number == 0 or cluster is not None:
                Enrolment.objects.filter(pk=enrolment.pk).update(
                    created_at=starts - timedelta(days=10)
                )
            present = rng.random() < 0.35 + plan[number_of[person.pk]] * 0.6
            services.attendance_mark(actor=admin, session=session, person=person, present=present)
            last = number == len(spec["sessions"]) - 1
            if present and (cluster is not None or last):
                services.completion_mark(
                    actor=admin, enrolment=enrolment, on=session.ends_at + timedelta(days=1)
                )


def _courses_load(
    *, admin: User, province: Unit, communes: list[Unit], people: dict[int, Person]
) -> int:
    """The six courses with their modules and sessions, and the simulated learners;
    returns how many courses were created (0 when they exist already)."""
    if Course.objects.filter(slug=COURSES[0]["slug"]).exists():
        return 0
    plan = {p.n: p.skill for p in _people_plan(province, communes)}
    courses: dict[str, Course] = {}
    for spec in COURSES:
        course = _course_create(admin=admin, province=province, spec=spec, courses=courses)
        courses[spec["slug"]] = course
        if spec.get("sessions") is None:
            catalogue.course_publish(actor=admin, course=course)
    online = [courses[s["slug"]] for s in COURSES if s["mode"] == CourseMode.ONLINE]
    _online_courses_simulate(admin=admin, courses=online, plan=plan, people=people)
    for spec in COURSES:
        if spec.get("sessions"):
            course = catalogue.course_publish(actor=admin, course=courses[spec["slug"]])
            _sessions_simulate(
                admin=admin,
                course=course,
                spec=spec,
                communes=communes,
                plan=plan,
                people=people,
            )
    return len(courses)


def _demo_learner(password: str) -> str:
    """Give the demo password to one simulated learner with an online course in progress
    (the same one on every load) so a visitor can try the learner pages; their e-mail."""
    enrolment = (
        Enrolment.objects.filter(
            status=EnrolmentStatus.ENROLLED,
            course__mode=CourseMode.ONLINE,
            person__user__isnull=False,
            person__status=PersonStatus.ACTIVE,
        )
        .select_related("person__user")
        .order_by("person__email", "course_id")
        .first()
    )
    if enrolment is None:
        return ""
    user = enrolment.person.user
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user.email


def training_demo_load(
    *, admin: User, province: Unit, stdout: Any = None, password: str | None = None
) -> dict[str, int]:
    """Load the training demo (see the module docstring); prints a summary and returns
    how many people and courses it created. With ``password``, one simulated learner
    gets it (printed) to try the learner pages."""
    with transaction.atomic():
        communes = _communes(province)
        before = Person.objects.count()
        people = _registry_load(admin=admin, province=province, communes=communes)
        created = _courses_load(admin=admin, province=province, communes=communes, people=people)
    stats = training_stats(unit=province, date_from=YEAR_START, date_to=date(2026, 12, 31))
    learner = _demo_learner(password) if password else ""
    if stdout is not None:
        stdout.write(
            f"  Bồi dưỡng: {len(people)} người trong danh sách, {created} khoá học mới; năm "
            f"2026: {stats.trained}/{stats.in_registry} người đã được bồi dưỡng, "
            f"{stats.online_share_hours or 0:.0%} giờ học trực tuyến."
        )
        if learner:
            stdout.write(f"  Học viên trực tuyến (trang /boi-duong/): {learner} (cùng mật khẩu)")
    return {"people_created": Person.objects.count() - before, "courses_created": created}
