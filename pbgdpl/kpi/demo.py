"""Demo data of the indicators: a year (2026, by quarter) of survey figures typed in by the
communes of the province, taken through the real entry workflow (entered and submitted by
the province administrator, approved by a second person, locked), answers to the portal's
satisfaction survey, and the indicators computed for the year and its quarters.

The figures are invented but shaped like a real year: wards reach more residents than
rural communes, most communes improve a little each quarter, some communes are above
their target and some well below it; the last quarter is still open (a few communes have
not typed in or sent their figures yet), and a few communes have no figures at all.
Units without a population get an illustrative one (the computation weighs communes by
population). Deterministic (seeded) and idempotent: what exists is kept, so running it
again adds nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from pbgdpl.people.models import Role, User
from pbgdpl.people.services import role_grant, user_create
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit
from pbgdpl.units.selectors import unit_children
from pbgdpl.units.services import unit_population_update

from .compute import indicators_compute
from .definitions import indicators_load
from .models import EntryApproval, EntryState, Survey, SurveyContext
from .periods import period_get
from .services import (
    SurveyAnswer,
    SurveyInput,
    entry_approve,
    entry_lock,
    entry_save,
    entry_submit,
    survey_response_add,
    survey_save,
)

SEED = 2026
YEAR = 2026
QUARTERS = [f"{YEAR}Q{q}" for q in range(1, 5)]
# The person who approves the communes' figures in the demo (the same demo approver as the
# Q&A's, created here without a password when that demo has not run).
APPROVER_EMAIL = "duyet@demo.pbgdpl.vn"
SURVEY_SLUG = "muc-do-hai-long"
SURVEY_ANSWERS = 360
WITHOUT_FIGURES_EVERY = 29  # every 29th commune typed in nothing this year


@dataclass(frozen=True)
class CommunePlan:
    """How one commune does over the year: the share of residents reached in the first
    quarter, the gain per quarter, the share satisfied, and the survey size."""

    unit: Unit
    reach: float
    gain: float
    satisfied: float
    sample: int
    has_figures: bool


def _population(unit: Unit, rng: random.Random) -> int:
    if unit.is_urban:
        return rng.randrange(18_000, 62_000, 10)
    return rng.randrange(7_000, 31_000, 10)


# The share of residents reached in the first quarter spans these ranges: wards around
# their 80 % target, rural communes around their 60 % one.
REACH_RANGES = {True: (0.62, 0.93), False: (0.36, 0.76)}


def _plans(communes: list[Unit]) -> list[CommunePlan]:
    """Each commune's year. Within each side (urban, rural) the communes are spread over
    the whole range (a stride through it, with a little noise), so however few there are,
    some are above their target and some below."""
    plans = []
    seen = {True: 0, False: 0}
    for index, unit in enumerate(communes):
        rng = random.Random(f"{SEED}-{unit.code}")  # noqa: S311 (demo data, not security)
        low, high = REACH_RANGES[bool(unit.is_urban)]
        order = seen[bool(unit.is_urban)]
        seen[bool(unit.is_urban)] += 1
        spread = ((order * 37) % 100 + rng.random()) / 100
        plans.append(
            CommunePlan(
                unit=unit,
                reach=low + (high - low) * spread,
                gain=rng.uniform(0.005, 0.035),
                satisfied=rng.uniform(0.78, 0.97),
                sample=max(
                    60, min(600, round((unit.population or 10_000) * rng.uniform(0.004, 0.01)))
                ),
                has_figures=index % WITHOUT_FIGURES_EVERY != WITHOUT_FIGURES_EVERY - 1,
            )
        )
    return plans


def _approver(*, admin: User, province: Unit) -> User:
    user = User.objects.filter(email=APPROVER_EMAIL).first()
    if user is None:
        user = user_create(
            email=APPROVER_EMAIL, first_name="Thảo", last_name="Lê Thị", is_staff=True
        )
    role_grant(actor=admin, user=user, role=Role.APPROVER, unit=province)
    return user


def _quarter_state(index: int, quarter: int) -> str:
    """Where a commune's figures of a quarter stand: the last quarter is still open."""
    if quarter < 4:
        return EntryState.LOCKED
    if index % 10 == 0:
        return EntryState.DRAFT
    if index % 10 == 1:
        return EntryState.SUBMITTED
    return EntryState.APPROVED


def _entries_load(
    *, plans: list[CommunePlan], admin: User, approver: User, today: date
) -> dict[str, int]:
    counts = {"created": 0, "kept": 0}
    existing = set(
        EntryApproval.objects.filter(
            unit__in=[p.unit for p in plans], period__code__in=QUARTERS
        ).values_list("unit_id", "period__code")
    )
    for index, plan in enumerate(plans):
        if not plan.has_figures:
            continue
        rng = random.Random(f"{SEED}-{plan.unit.code}-entries")  # noqa: S311
        for number, code in enumerate(QUARTERS, start=1):
            period = period_get(code)
            if period.start > today:
                continue
            if (plan.unit.pk, code) in existing:
                counts["kept"] += 1
                continue
            share = min(0.98, plan.reach + plan.gain * (number - 1) + rng.uniform(-0.02, 0.02))
            happy = min(0.99, plan.satisfied + rng.uniform(-0.03, 0.03))
            sample = plan.sample + rng.randrange(-10, 11)
            entry_save(
                actor=admin,
                unit=plan.unit,
                period=period,
                sample=sample,
                reached=max(0, min(sample, round(sample * share))),
                satisfied=max(0, min(sample, round(sample * happy))),
                note="Số liệu trình diễn.",
                today=today,
            )
            counts["created"] += 1
            state = _quarter_state(index, number)
            if state == EntryState.DRAFT:
                continue
            entry_submit(actor=admin, unit=plan.unit, period=period)
            if state == EntryState.SUBMITTED:
                continue
            entry_approve(actor=approver, unit=plan.unit, period=period)
            if state == EntryState.LOCKED:
                entry_lock(actor=admin, unit=plan.unit, period=period)
    return counts


def _survey_load(*, admin: User, province: Unit, plans: list[CommunePlan], today: date) -> int:
    survey = Survey.objects.filter(slug=SURVEY_SLUG).first()
    if survey is None:
        survey = survey_save(
            actor=admin,
            data=SurveyInput(
                slug=SURVEY_SLUG,
                title="Mức độ hài lòng với thông tin pháp luật trên cổng",
                context=SurveyContext.PORTAL,
                question="Bạn hài lòng thế nào với thông tin pháp luật bạn vừa tìm được?",
                unit=province.code,
                sampling_rate="0.2",
                intro="Câu trả lời không cần tên hay số điện thoại; mỗi người trả lời một lần "
                "một ngày.",
            ),
        )
    if survey.responses.exists():
        return 0
    rng = random.Random(f"{SEED}-survey")  # noqa: S311
    with_figures = [p for p in plans if p.has_figures] or plans
    first = date(YEAR, 1, 1)
    days = max(1, (min(today, date(YEAR, 12, 31)) - first).days + 1)
    added = 0
    for number in range(SURVEY_ANSWERS):
        plan = rng.choice(with_figures)
        day = first + timedelta(days=rng.randrange(days))
        if rng.random() < plan.satisfied:
            score = 5 if rng.random() < 0.55 else 4
        else:
            score = rng.choice((1, 2, 3, 3, 3))
        survey_response_add(
            survey=survey,
            answer=SurveyAnswer(score=score, unit=plan.unit.code if rng.random() < 0.85 else ""),
            client=f"kpi-demo-{number}",
            day=day,
        )
        added += 1
    return added


def kpi_demo_load(*, admin: User, province: Unit, stdout: Any, today: date | None = None) -> None:
    """Load the indicators' demo for ``province`` (see the module docstring)."""
    today = today or timezone.localdate()
    indicators_load()
    communes = [
        u
        for u in unit_children(parent=province, on=today).order_by("code")
        if u.kind not in PROVINCE_LEVEL_KINDS
    ]
    populated = 0
    for unit in communes:
        if not unit.population:
            rng = random.Random(f"{SEED}-{unit.code}-population")  # noqa: S311
            unit_population_update(unit=unit, population=_population(unit, rng), actor=admin)
            populated += 1
    plans = _plans(communes)
    approver = _approver(admin=admin, province=province)
    counts = _entries_load(plans=plans, admin=admin, approver=approver, today=today)
    answers = _survey_load(admin=admin, province=province, plans=plans, today=today)
    computed = 0
    for code in [*QUARTERS, str(YEAR)]:
        period = period_get(code)
        if period.start <= today:
            indicators_compute(period=period, today=today)
            computed += 1
    stdout.write(
        f"  Chỉ tiêu: {len(communes)} xã, phường ({populated} được gán dân số minh hoạ); "
        f"{counts['created']} biểu số liệu khảo sát mới, {counts['kept']} giữ nguyên; "
        f"{answers} câu trả lời khảo sát hài lòng; đã tính {computed} kỳ của năm {YEAR}."
    )
