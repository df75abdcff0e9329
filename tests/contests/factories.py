"""Factories for the contest tests: a province with communes, staff with roles, an
approved question bank, and a published contest whose first round is open now — all
made through the real services."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from pbgdpl.contests import services
from pbgdpl.contests.models import Contest, Item, Participant, Round
from pbgdpl.contests.services import (
    ContestInput,
    DrawRuleInput,
    ItemInput,
    ParticipantInput,
    RoundInput,
)
from pbgdpl.laws.models import LegalField
from tests.factories import UnitFactory
from tests.qa.factories import staff


@dataclass
class ContestWorld:
    """A province with two communes (one urban), two legal fields, the staff, and a
    published contest whose round 1 is open now (round 2 opens in a week)."""

    province: object
    commune: object  # rural (xã)
    other_commune: object  # urban (phường)
    field: LegalField
    other_field: LegalField
    province_admin: object
    officer: object  # unit_officer of ``commune``
    other_officer: object  # unit_officer of ``other_commune``
    reporter: object  # reporter of ``commune`` (writes bank items)
    approver: object  # approver for the whole province
    items: list[Item] = field(default_factory=list)
    contest: Contest | None = None
    round: Round | None = None
    next_round: Round | None = None


def item_input(world: ContestWorld, n: int = 0, **overrides) -> ItemInput:
    values = {
        "stem": f"Câu hỏi số {n}: độ tuổi kết hôn tối thiểu của nữ theo luật là bao nhiêu?",
        "choices": ["Đủ 16 tuổi", "Đủ 18 tuổi", "Đủ 20 tuổi", "Đủ 21 tuổi"],
        "correct": [1],
        "legal_field": world.field.code if n % 2 == 0 else world.other_field.code,
        "difficulty": "easy" if n % 3 == 0 else "medium",
        "explanation": "Điều 8 Luật Hôn nhân và gia đình: nữ từ đủ 18 tuổi trở lên.",
        "citation_number": "52/2014/QH10",
        "citation_article": "8",
    }
    values.update(overrides)
    return ItemInput(**values)


def item_approved(world: ContestWorld, n: int = 0, **overrides) -> Item:
    item = services.item_create(
        actor=world.reporter, unit=world.commune, data=item_input(world, n, **overrides)
    )
    services.item_set_status(actor=world.reporter, item=item, status="review")
    return services.item_set_status(actor=world.approver, item=item, status="approved")


def contest_world(*, items: int = 8, draw: int = 5, open_round: bool = True) -> ContestWorld:
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    commune = UnitFactory(parent=province, name="Xã Ia Hrú", kind="xa", is_urban=False)
    other = UnitFactory(parent=province, name="Phường Pleiku", kind="phuong", is_urban=True)
    field_, _ = LegalField.objects.get_or_create(
        code="hon-nhan-va-gia-dinh", defaults={"name": "Hôn nhân và gia đình"}
    )
    other_field, _ = LegalField.objects.get_or_create(code="dat-dai", defaults={"name": "Đất đai"})
    world = ContestWorld(
        province=province,
        commune=commune,
        other_commune=other,
        field=field_,
        other_field=other_field,
        province_admin=staff("province_admin", province),
        officer=staff("unit_officer", commune),
        other_officer=staff("unit_officer", other),
        reporter=staff("reporter", commune),
        approver=staff("approver", province),
    )
    world.items = [item_approved(world, n) for n in range(items)]
    contest = services.contest_create(
        actor=world.province_admin,
        data=ContestInput(
            title="Cuộc thi tìm hiểu Luật Hôn nhân và gia đình",
            unit=province.code,
            description="Cuộc thi trực tuyến dành cho mọi người dân trong tỉnh.",
            rules="Mỗi người dự thi một lần mỗi đợt.",
        ),
    )
    now = timezone.now()
    opens = now - timedelta(hours=1) if open_round else now + timedelta(days=1)
    world.round = services.round_create(
        actor=world.province_admin,
        contest=contest,
        data=RoundInput(
            title="Đợt 1",
            opens_at=now + timedelta(days=1) if not open_round else now + timedelta(minutes=1),
            closes_at=now + timedelta(days=6),
            time_limit_minutes=15,
            draw_rules=[DrawRuleInput(count=draw)],
            prizes=[("Giải Nhất", 1), ("Giải Nhì", 2)],
        ),
    )
    services.round_pool_set(actor=world.province_admin, round=world.round, items=world.items)
    world.next_round = services.round_create(
        actor=world.province_admin,
        contest=contest,
        data=RoundInput(
            title="Đợt 2",
            opens_at=now + timedelta(days=7),
            closes_at=now + timedelta(days=14),
            draw_rules=[DrawRuleInput(count=draw)],
        ),
    )
    services.round_pool_set(actor=world.province_admin, round=world.next_round, items=world.items)
    # Open round 1 now: the pool is set before opening, as the rules require.
    Round.objects.filter(pk=world.round.pk).update(opens_at=opens)
    world.round.refresh_from_db()
    world.contest = services.contest_publish(
        actor=world.province_admin, contest=contest, published=True
    )
    return world


def participant_join(
    world: ContestWorld, n: int = 0, *, unit=None, **overrides
) -> tuple[Participant, str]:
    """Register participant ``n`` (distinct phone per n); returns it and its token."""
    values = {
        "name": f"Nguyễn Văn Thí Sinh {n}",
        "unit": (unit or world.commune).code,
        "phone": f"0905{n:06d}",
        "consent": True,
    }
    values.update(overrides)
    return services.participant_register(contest=world.contest, data=ParticipantInput(**values))


def correct_answers(attempt) -> dict[str, list[int]]:
    """The answers that make every item of ``attempt`` correct."""
    from pbgdpl.contests.models import Choice

    answers = {}
    for entry in attempt.draw:
        answers[str(entry["item"])] = list(
            Choice.objects.filter(item_id=entry["item"], is_correct=True).values_list(
                "id", flat=True
            )
        )
    return answers
