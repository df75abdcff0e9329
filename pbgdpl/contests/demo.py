"""The contests demo: the 60 bank items of ``demo_data.ITEMS`` written by the demo legal
reporter and approved by the demo approver, and one province contest with two rounds —
round 1 closed about four weeks ago with ~150 simulated participants, its prizes and
certificates; round 2 open now for two weeks with a few attempts already in.

Everything goes through the services (item_create, item_set_status, contest_create,
round_create, round_pool_set, participant_register, attempt_start / _answers_save /
_submit / _expire, prizes_select, certificates_issue); only times are moved afterwards
with queryset updates, to place the simulated past where it belongs.

Idempotent: an item with the same question text, the contest with ``CONTEST_SLUG`` and a
participant with the same demo e-mail address are left alone when they exist.

Randomness is deterministic (``random.Random`` seeded per participant): names, communes,
groups, skills, times and how many items each person gets right do not change between
loads. Which items an attempt draws is chosen by ``attempt_start`` itself (secure random),
so only the identity of the items varies, never a participant's score.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pbgdpl.core.demo_names import demo_person_name
from pbgdpl.core.text import plain_text_clean
from pbgdpl.people.models import User
from pbgdpl.qa.demo import demo_reporter_and_approver
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_list_valid

from . import results, services
from .demo_data import ITEMS
from .models import (
    Attempt,
    Choice,
    Contest,
    Item,
    ItemStatus,
    Participant,
    ParticipantGroup,
    Prize,
    Round,
)
from .services import ContestInput, DrawRuleInput, ItemInput, ParticipantInput, RoundInput

SEED = 2026
CONTEST_SLUG = "thi-tim-hieu-phap-luat-truc-tuyen"
PARTICIPANTS = 150
PARTICIPANT_EMAIL = "thisinh{:04d}@demo.pbgdpl.vn"
TIME_LIMIT_MINUTES = 20
PRIZES = [("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3), ("Giải Khuyến khích", 5)]
COMMUNES_MAX = 40  # communes the simulated participants come from

# Round 1 draws 20 items: 3 hard ones of any field first (so the field rules cannot use
# them all up), then a spread over the fields.
ROUND1_RULES = [
    DrawRuleInput(count=3, difficulty="hard"),
    DrawRuleInput(count=3, legal_field="hon-nhan-va-gia-dinh"),
    DrawRuleInput(count=3, legal_field="dan-su"),
    DrawRuleInput(count=3, legal_field="lao-dong"),
    DrawRuleInput(count=2, legal_field="ho-tich"),
    DrawRuleInput(count=2, legal_field="quyen-tre-em"),
    DrawRuleInput(count=2, legal_field="tu-phap"),
    DrawRuleInput(count=1, legal_field="an-ninh-trat-tu"),
    DrawRuleInput(count=1, legal_field="phong-chong-ma-tuy"),
]
ROUND2_RULES = [
    DrawRuleInput(count=6, difficulty="easy"),
    DrawRuleInput(count=8, difficulty="medium"),
    DrawRuleInput(count=6, difficulty="hard"),
]

DESCRIPTION = (
    "Cuộc thi trực tuyến giúp người dân tìm hiểu những quy định pháp luật gắn với đời sống "
    "hằng ngày: hôn nhân và gia đình, thừa kế và giao dịch dân sự, khai sinh, khai tử, đăng "
    "ký kết hôn, cư trú, quyền và nghĩa vụ của người lao động, quyền trẻ em, hòa giải ở cơ "
    "sở, trợ giúp pháp lý và phòng, chống ma túy.\n\n"
    "Cuộc thi gồm hai đợt, làm bài trên điện thoại hoặc máy tính, không mất phí. Câu hỏi "
    "bám sát các luật đang có hiệu lực; mỗi đợt có bảng xếp hạng, giải thưởng và giấy chứng "
    "nhận. Mong mỗi gia đình, mỗi thôn, làng, tổ dân phố cùng tham gia để hiểu luật, làm "
    "đúng luật và biết bảo vệ quyền lợi chính đáng của mình."
)
RULES = (
    "1. Đối tượng: mọi người quan tâm đều được dự thi; khuyến khích người dân, học sinh, "
    "sinh viên, cán bộ, công chức, người lao động trên địa bàn tỉnh.\n"
    "2. Đăng ký: khai họ tên, xã hoặc phường nơi sinh sống và số điện thoại hoặc thư điện "
    "tử. Mỗi người chỉ đăng ký một lần cho cả cuộc thi.\n"
    "3. Bài thi mỗi đợt: 20 câu hỏi trắc nghiệm rút ngẫu nhiên từ ngân hàng câu hỏi, làm "
    "trong 20 phút, mỗi người một lượt. Câu có nhiều đáp án đúng phải chọn đủ và chỉ chọn "
    "các đáp án đúng mới được tính. Hết giờ, bài được nộp với các câu đã lưu.\n"
    "4. Câu hỏi dự đoán: dự đoán số người trả lời đúng tất cả các câu hỏi của đợt.\n"
    "5. Xếp hạng: nhiều câu đúng hơn xếp trên; bằng nhau thì thời gian làm bài ngắn hơn xếp "
    "trên; tiếp theo là dự đoán gần đúng hơn, cuối cùng là nộp bài sớm hơn.\n"
    "6. Giải thưởng mỗi đợt: 01 giải Nhất, 02 giải Nhì, 03 giải Ba, 05 giải Khuyến khích. "
    "Người trả lời đúng từ 80% số câu trở lên được cấp giấy chứng nhận, tra cứu được bằng "
    "mã trên giấy.\n"
    "7. Thông tin cá nhân chỉ dùng để tổ chức cuộc thi và liên hệ trao giải; bảng xếp hạng "
    "chỉ hiện tên viết tắt. Người gian lận hoặc khai thông tin không đúng sẽ bị hủy kết quả."
)

# Who takes part (weights) and how well they do on average (share of items right).
GROUPS = [
    (ParticipantGroup.CITIZEN, 40, 0.66),
    (ParticipantGroup.STUDENT, 22, 0.72),
    (ParticipantGroup.OFFICIAL, 16, 0.80),
    (ParticipantGroup.WORKER, 12, 0.63),
    (ParticipantGroup.SOLDIER, 4, 0.76),
    (ParticipantGroup.OTHER, 6, 0.64),
]
# Hours of the day people start an attempt (local time), with their weights.
START_HOURS = [
    (6, 2), (7, 3), (9, 4), (11, 5), (12, 4), (14, 4), (17, 3), (19, 7), (20, 8), (21, 7),
    (22, 3),
]  # fmt: skip


def _items_load(
    *, province: Unit, writer: User, approver: User, now: datetime
) -> tuple[list[Item], int]:
    """The demo items, created and approved through the bank workflow when missing;
    returns them (in ``ITEMS`` order) and how many were created."""
    items, created = [], []
    for data in ITEMS:
        item = Item.objects.filter(stem=plain_text_clean(data["stem"])).first()
        if item is None:
            item = services.item_create(
                actor=writer,
                unit=province,
                data=ItemInput(
                    stem=data["stem"],
                    choices=data["choices"],
                    correct=data["correct"],
                    legal_field=data["field"],
                    difficulty=data["difficulty"],
                    explanation=data["explanation"],
                    tags=data["tags"],
                    citation_number=data["number"],
                    citation_article=data["article"],
                    citation_detail=data["detail"],
                ),
            )
            created.append(item.pk)
        if item.status == ItemStatus.DRAFT:
            item = services.item_set_status(actor=writer, item=item, status=ItemStatus.REVIEW)
        if item.status == ItemStatus.REVIEW:
            item = services.item_set_status(actor=approver, item=item, status=ItemStatus.APPROVED)
        items.append(item)
    if created:
        # The bank was written about two months ago, reviewed a week later.
        Item.objects.filter(pk__in=created).update(
            created_at=now - timedelta(days=62), approved_at=now - timedelta(days=55)
        )
    return items, len(created)


def _local_at(moment: datetime, *, hour: int) -> datetime:
    """``moment``'s local day at ``hour`` o'clock."""
    local = timezone.localtime(moment)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def _place(province: Unit) -> str:
    name = province.name
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix) :]
    return name


def _contest_create(
    *, admin: User, province: Unit, items: list[Item], now: datetime
) -> tuple[Contest, Round, Round]:
    """The contest and its two rounds, published, with round 1 moved into the past."""
    contest = services.contest_create(
        actor=admin,
        data=ContestInput(
            title=(
                f"Cuộc thi trực tuyến tìm hiểu pháp luật {_place(province)} "
                f"năm {timezone.localdate(now).year}"
            ),
            unit=province.code,
            description=DESCRIPTION,
            rules=RULES,
            slug=CONTEST_SLUG,
        ),
    )
    # round_pool_set refuses once a round has opened (the pool is frozen with it), so
    # both rounds are created in the future, given their pools, and only then moved to
    # their demo dates with queryset updates: round 1 five to four weeks ago (closed),
    # round 2 open since yesterday for two weeks.
    round1 = services.round_create(
        actor=admin,
        contest=contest,
        data=RoundInput(
            title="Đợt thi thứ nhất",
            opens_at=now + timedelta(days=1),
            closes_at=now + timedelta(days=8),
            time_limit_minutes=TIME_LIMIT_MINUTES,
            draw_rules=ROUND1_RULES,
            prizes=PRIZES,
            certificate_min_percent=80,
        ),
    )
    services.round_pool_set(actor=admin, round=round1, items=items)
    round2 = services.round_create(
        actor=admin,
        contest=contest,
        data=RoundInput(
            title="Đợt thi thứ hai",
            opens_at=now + timedelta(days=9),
            closes_at=now + timedelta(days=23),
            time_limit_minutes=TIME_LIMIT_MINUTES,
            draw_rules=ROUND2_RULES,
            prizes=PRIZES,
            certificate_min_percent=80,
        ),
    )
    services.round_pool_set(actor=admin, round=round2, items=items)
    opens1 = _local_at(now - timedelta(days=35), hour=7)
    Round.objects.filter(pk=round1.pk).update(
        opens_at=opens1, closes_at=_local_at(opens1 + timedelta(days=7), hour=22)
    )
    opens2 = _local_at(now - timedelta(days=1), hour=7)
    Round.objects.filter(pk=round2.pk).update(
        opens_at=opens2, closes_at=_local_at(opens2 + timedelta(days=14), hour=22)
    )
    contest = services.contest_publish(actor=admin, contest=contest, published=True)
    Contest.objects.filter(pk=contest.pk).update(created_at=opens1 - timedelta(days=7))
    round1.refresh_from_db()
    round2.refresh_from_db()
    return contest, round1, round2


@dataclass
class Person:
    """One simulated participant, all drawn from their own seeded generator."""

    n: int
    name: str
    unit: Unit
    group: str
    skill: float  # chance of answering an item right
    behaviour: str  # "absent" (registered only), "expire" (runs out of time), "submit"
    day: int  # day of round 1 they take it (0–6)
    hour: int
    minute: int
    seconds: int  # time taken
    prediction: int | None
    round2: bool  # also took round 2 already


def _person(n: int, communes: list[Unit], weights: list[int]) -> Person:
    rng = random.Random(SEED * 100_003 + n)  # noqa: S311 (demo data, not security)
    unit = rng.choices(communes, weights=weights)[0]
    name = demo_person_name(rng, unit_name=unit.name)
    group, _weight, mean = rng.choices(GROUPS, weights=[g[1] for g in GROUPS])[0]
    skill = min(0.97, max(0.3, rng.gauss(mean, 0.12)))
    roll = rng.random()
    behaviour = "absent" if roll < 0.04 else "expire" if roll < 0.10 else "submit"
    hour = rng.choices([h for h, _ in START_HOURS], weights=[w for _, w in START_HOURS])[0]
    # Who knows more tends to finish faster; nobody under 4 minutes.
    seconds = int(min(1150, max(240, (780 - (skill - 0.65) * 700) * rng.uniform(0.55, 1.35))))
    return Person(
        n=n,
        name=name,
        unit=unit,
        group=group,
        skill=skill,
        behaviour=behaviour,
        day=rng.randrange(7),
        hour=hour,
        minute=rng.randrange(60),
        seconds=seconds,
        prediction=rng.randint(0, 40) if rng.random() < 0.85 else None,
        round2=rng.random() < 0.2,
    )


def _answers(
    person: Person, attempt: Attempt, keys: dict[int, tuple[list[int], list[int]]], salt: int
) -> dict[str, list[int]]:
    """The person's answers to the attempt: each item right with probability ``skill``
    (one draw per item, so the number right does not depend on which items came), else a
    wrong selection, rarely none."""
    right = random.Random(SEED + person.n * 7919 + salt)  # noqa: S311
    wrong = random.Random(SEED - person.n * 104_729 - salt)  # noqa: S311
    answers: dict[str, list[int]] = {}
    for entry in attempt.draw:
        correct, all_ids = keys[entry["item"]]
        roll = right.random()
        if roll < person.skill:
            answers[str(entry["item"])] = sorted(correct)
        elif roll > 0.985:
            continue  # left blank
        elif len(correct) > 1 and wrong.random() < 0.6:
            answers[str(entry["item"])] = sorted(correct[:-1])  # one right answer missed
        else:
            others = [c for c in all_ids if c not in correct]
            answers[str(entry["item"])] = [wrong.choice(others)]
    return answers


def _take(
    person: Person,
    participant: Participant,
    round: Round,
    *,
    start: datetime,
    keys: dict[int, tuple[list[int], list[int]]],
) -> Attempt:
    """One attempt of ``person`` started at ``start``: an autosave halfway, then a
    submission — or, for those who run out of time, nothing more until the deadline."""
    attempt = services.attempt_start(round=round, participant=participant, now=start)
    answers = _answers(person, attempt, keys, salt=round.number)
    first_half = dict(list(answers.items())[: len(answers) // 2])
    services.attempt_answers_save(
        attempt=attempt,
        participant=participant,
        answers=first_half,
        now=start + timedelta(seconds=person.seconds // 2),
    )
    if person.behaviour == "expire" and round.number == 1:
        return services.attempt_expire(attempt=attempt, now=attempt.deadline + timedelta(minutes=1))
    return services.attempt_submit(
        attempt=attempt,
        participant=participant,
        answers=answers,
        prediction=person.prediction,
        key=f"demo-{person.n}-{round.number}",
        now=start + timedelta(seconds=person.seconds),
    )


def _simulate(
    *,
    contest: Contest,
    round1: Round,
    round2: Round,
    communes: list[Unit],
    count: int,
    now: datetime,
) -> tuple[int, int]:
    """Register the missing demo participants and play their attempts at simulated
    times; returns (participants created, attempts created)."""
    picker = random.Random(SEED)  # noqa: S311
    chosen = picker.sample(communes, min(COMMUNES_MAX, len(communes)))
    weights = [3 if u.kind == "phuong" else 2 if u.kind == "xa" else 1 for u in chosen]
    keys: dict[int, tuple[list[int], list[int]]] = {}
    for item_id, choice_id, is_correct in Choice.objects.filter(
        item__in=round1.pool.all()
    ).values_list("item_id", "id", "is_correct"):
        correct, all_ids = keys.setdefault(item_id, ([], []))
        all_ids.append(choice_id)
        if is_correct:
            correct.append(choice_id)
    taken = set(Participant.objects.filter(contest=contest).values_list("email", flat=True))
    latest1 = round1.closes_at - timedelta(minutes=TIME_LIMIT_MINUTES + 1)
    latest2 = now - timedelta(minutes=TIME_LIMIT_MINUTES + 1)
    people = attempts = 0
    for n in range(1, count + 1):
        email = PARTICIPANT_EMAIL.format(n)
        if email in taken:
            continue
        person = _person(n, chosen, weights)
        start = _local_at(round1.opens_at + timedelta(days=person.day), hour=person.hour)
        start = min(max(start + timedelta(minutes=person.minute), round1.opens_at), latest1)
        with transaction.atomic():
            participant, _token = services.participant_register(
                contest=contest,
                data=ParticipantInput(
                    name=person.name,
                    unit=person.unit.code,
                    email=email,
                    group=person.group,
                    consent=True,
                ),
            )
            registered = start - timedelta(minutes=3 + n % 50)
            Participant.objects.filter(pk=participant.pk).update(
                consent_at=registered, created_at=registered, updated_at=registered
            )
            people += 1
            if person.behaviour == "absent":
                continue
            _take(person, participant, round1, start=start, keys=keys)
            attempts += 1
            start2 = round2.opens_at + timedelta(minutes=30 + (n * 37) % 900)
            if person.round2 and start2 <= latest2:
                _take(person, participant, round2, start=start2, keys=keys)
                attempts += 1
    return people, attempts


def _results(*, admin: User, round: Round) -> None:
    """Prizes and certificates of the closed round 1, published three days after it
    closed (no service sets that date yet, hence the update)."""
    results.prizes_select(actor=admin, round=round)
    results.certificates_issue(actor=admin, round=round)
    Round.objects.filter(pk=round.pk, results_published_at__isnull=True).update(
        results_published_at=round.closes_at + timedelta(days=3)
    )


def contests_demo_load(
    *,
    admin: User,
    province: Unit,
    password: str | None = None,
    stdout: Any = None,
    participants: int = PARTICIPANTS,
) -> dict[str, int]:
    """Load the contests demo (idempotent); returns counts of what was created."""
    now = timezone.now()
    writer, approver = demo_reporter_and_approver(admin=admin, province=province, password=password)
    communes = list(
        unit_list_valid()
        .filter(path__startswith=province.path, kind__in=services.PARTICIPANT_UNIT_KINDS)
        .order_by("code")
    )
    if not communes:
        raise RuntimeError("Chưa có xã, phường nào: chạy units_load trước.")
    with transaction.atomic():
        items, items_created = _items_load(
            province=province, writer=writer, approver=approver, now=now
        )
    contest = Contest.objects.filter(slug=CONTEST_SLUG).first()
    contest_created = contest is None
    if contest is None:
        with transaction.atomic():
            contest, round1, round2 = _contest_create(
                admin=admin, province=province, items=items, now=now
            )
    else:
        round1, round2 = contest.rounds.get(number=1), contest.rounds.get(number=2)
    people, attempts = _simulate(
        contest=contest,
        round1=round1,
        round2=round2,
        communes=communes,
        count=participants,
        now=now,
    )
    if attempts or not Prize.objects.filter(round=round1).exists():
        with transaction.atomic():
            _results(admin=admin, round=round1)
    counts = {
        "items_created": items_created,
        "contests_created": int(contest_created),
        "participants_created": people,
        "attempts_created": attempts,
    }
    if stdout is not None:
        stdout.write(
            f"  Cuộc thi: {len(items)} câu hỏi (mới {items_created}), “{contest.title}” "
            f"({'mới' if contest_created else 'đã có'}), {people} người dự thi mới, "
            f"{attempts} bài thi mới."
        )
    return counts
