"""Reads of the contests: what is on, who the participant is, the items of an attempt
(without their answers), leaderboards with the tie-breakers, and participation counts.

Ranking (one row per participant: their best graded attempt in the round):

1. more correct answers;
2. then the shorter time (``duration_ms``, measured by the server);
3. then the prediction closer to the real number of participants who answered every item
   correctly (rounds with a prediction question; no prediction ranks after any);
4. then the earlier submission.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone

from pbgdpl.people.reach import ReachRecord, reach_keys, reach_period_bounds

from .models import Attempt, AttemptStatus, Choice, Contest, Item, Participant, Round

PARTICIPANT_HEADER = "HTTP_X_PARTICIPANT_TOKEN"
PARTICIPANT_COOKIE = "cuoc-thi-%s"


def contests_published() -> QuerySet[Contest]:
    """Contests shown on the portal, newest first."""
    return Contest.objects.filter(published=True).select_related("unit").order_by("-created_at")


def round_state(round: Round, *, now: datetime | None = None) -> str:
    """ "upcoming", "open" or "closed"."""
    now = now or timezone.now()
    if now < round.opens_at:
        return "upcoming"
    if now >= round.closes_at:
        return "closed"
    return "open"


def round_current(contest: Contest, *, now: datetime | None = None) -> Round | None:
    """The round open now; else the next to open; else the last one; None without rounds."""
    now = now or timezone.now()
    rounds = list(contest.rounds.all())
    for round in rounds:
        if round.opens_at <= now < round.closes_at:
            return round
    upcoming = [r for r in rounds if r.opens_at > now]
    if upcoming:
        return min(upcoming, key=lambda r: r.opens_at)
    return rounds[-1] if rounds else None


def participant_cookie_name(contest: Contest) -> str:
    return PARTICIPANT_COOKIE % contest.pk


def participant_token_hash(token: str) -> str:
    """What is stored of a participant's token (SHA-256, hex)."""
    return hashlib.sha256(token.encode()).hexdigest()


def participant_from_request(
    request: Any, *, contest: Contest, allow_cookie: bool = True
) -> Participant | None:
    """The participant of ``contest`` this request speaks for: the token in the
    ``X-Participant-Token`` header, or (web pages, ``allow_cookie``) in the contest's
    httpOnly cookie; None when no valid token is given.

    The API passes ``allow_cookie=False``: a write authorised by a cookie alone could be
    forged by another site (CSRF), a custom header cannot."""
    from .services import participant_for_token

    token = request.META.get(PARTICIPANT_HEADER, "")
    if not token and allow_cookie:
        token = request.COOKIES.get(participant_cookie_name(contest), "")
    return participant_for_token(contest=contest, token=token.strip())


def attempt_for_token(*, attempt_id: Any, token: str) -> Attempt | None:
    """The attempt ``attempt_id`` when ``token`` is its participant's (one query, for the
    API's hot path); None for a malformed or unknown id, someone else's attempt, or a
    participant whose personal data was erased."""
    if not token or len(token) > 200:
        return None
    try:
        pk = uuid.UUID(str(attempt_id))
    except (TypeError, ValueError):
        return None
    return (
        Attempt.objects.filter(
            pk=pk,
            participant__token_hash=participant_token_hash(token.strip()),
            participant__personal_data_erased_at__isnull=True,
        )
        .select_related("round", "round__contest", "participant")
        .first()
    )


def attempt_for_participant(*, attempt_id: Any, participant: Participant | None) -> Attempt | None:
    """The attempt ``attempt_id`` if it belongs to ``participant``; None for a malformed
    id, an unknown one or someone else's (the caller answers "not found" to all three,
    so ids cannot be probed)."""
    if participant is None:
        return None
    try:
        pk = uuid.UUID(str(attempt_id))
    except (TypeError, ValueError):
        return None
    return (
        Attempt.objects.filter(pk=pk, participant=participant)
        .select_related("round", "round__contest", "participant")
        .first()
    )


def attempt_for_id(attempt_id: Any) -> Attempt | None:
    """The attempt by id, whoever it belongs to (the caller checks ownership)."""
    try:
        pk = uuid.UUID(str(attempt_id))
    except (TypeError, ValueError):
        return None
    return Attempt.objects.filter(pk=pk).select_related("round", "round__contest").first()


@dataclass
class AttemptItem:
    id: int
    number: int  # 1-based position in the attempt
    stem: str
    choices: list[dict]  # [{"id": int, "text": str}] in the order drawn for this attempt
    multiple: bool  # several choices may be correct (choose all that apply)
    legal_field: str
    selected: list[int]


def attempt_items(attempt: Attempt) -> list[AttemptItem]:
    """The items of ``attempt`` in its order, with the choices in its order and what is
    selected so far — never which choices are correct."""
    item_ids = [entry["item"] for entry in attempt.draw]
    items = {i.pk: i for i in Item.objects.filter(pk__in=item_ids).select_related("legal_field")}
    choices = {c.pk: c for c in Choice.objects.filter(item_id__in=item_ids)}
    correct_counts = dict(
        Choice.objects.filter(item_id__in=item_ids, is_correct=True)
        .values("item_id")
        .annotate(n=Count("id"))
        .values_list("item_id", "n")
    )
    out = []
    for number, entry in enumerate(attempt.draw, start=1):
        item = items[entry["item"]]
        out.append(
            AttemptItem(
                id=item.pk,
                number=number,
                stem=item.stem,
                choices=[{"id": cid, "text": choices[cid].text} for cid in entry["choices"]],
                multiple=correct_counts.get(item.pk, 0) > 1,
                legal_field=item.legal_field.name,
                selected=list(attempt.answers.get(str(item.pk), [])),
            )
        )
    return out


def name_abbreviated(name: str) -> str:
    """A name as the public leaderboard shows it: the family name and the given name in
    full, middle names as initials ("Nguyễn Văn An" → "Nguyễn V. An")."""
    parts = name.split()
    if len(parts) <= 2:
        return " ".join(parts)
    return " ".join([parts[0], *(p[0] + "." for p in parts[1:-1]), parts[-1]])


def round_all_correct_count(round: Round) -> int:
    """How many participants answered every item of the round correctly (the answer to
    the prediction question), counting each participant once."""
    return (
        Attempt.objects.filter(round=round, graded_at__isnull=False, correct=F("total"))
        .values("participant")
        .distinct()
        .count()
    )


@dataclass
class LeaderboardRow:
    rank: int
    attempt_id: uuid.UUID
    participant_id: int
    name: str  # full name (staff views) — public views use ``name_public``
    name_public: str
    unit: str
    unit_code: str
    is_urban: bool
    correct: int
    total: int
    duration_ms: int
    prediction: int | None
    prediction_gap: int | None
    submitted_at: datetime


def leaderboard(
    *, round: Round, unit: Any = None, limit: int | None = 100, offset: int = 0
) -> tuple[list[LeaderboardRow], int]:
    """The ranked rows of ``round`` (best graded attempt per participant; ranking in the
    module docstring), optionally only participants whose commune lies in ``unit``'s
    subtree, and the number of ranked participants. Ranks are the positions in the whole
    round, also when filtered by unit."""
    actual = round_all_correct_count(round) if round.prediction else None
    attempts = (
        Attempt.objects.filter(round=round, graded_at__isnull=False)
        .filter(participant__personal_data_erased_at__isnull=True)
        .select_related("participant", "participant__unit")
        .only(
            "id",
            "correct",
            "total",
            "duration_ms",
            "prediction",
            "submitted_at",
            "participant__id",
            "participant__name",
            "participant__unit__name",
            "participant__unit__code",
            "participant__unit__path",
            "participant__unit__is_urban",
        )
    )

    def key(a: Attempt) -> tuple:
        gap = (
            abs(a.prediction - actual) if actual is not None and a.prediction is not None else None
        )
        return (
            -(a.correct or 0),
            a.duration_ms or 0,
            gap is None,
            gap or 0,
            a.submitted_at,
        )

    best: dict[int, Attempt] = {}
    for a in attempts:
        current = best.get(a.participant_id)
        if current is None or key(a) < key(current):
            best[a.participant_id] = a
    ranked = sorted(best.values(), key=key)
    rows = []
    for rank, a in enumerate(ranked, start=1):
        p = a.participant
        if unit is not None and not p.unit.path.startswith(unit.path):
            continue
        gap = (
            abs(a.prediction - actual) if actual is not None and a.prediction is not None else None
        )
        rows.append(
            LeaderboardRow(
                rank=rank,
                attempt_id=a.pk,
                participant_id=p.pk,
                name=p.name,
                name_public=name_abbreviated(p.name),
                unit=p.unit.name,
                unit_code=p.unit.code,
                is_urban=p.unit.is_urban,
                correct=a.correct or 0,
                total=a.total,
                duration_ms=a.duration_ms or 0,
                prediction=a.prediction,
                prediction_gap=gap,
                submitted_at=a.submitted_at,
            )
        )
    total = len(rows)
    end = None if limit is None else offset + limit
    return rows[offset:end], total


@dataclass
class ParticipationRow:
    unit_code: str
    unit: str
    is_urban: bool
    participants: int  # distinct people with at least one submitted attempt
    attempts: int  # submitted (or expired) attempts


def participation_by_unit(
    *,
    contest: Contest | None = None,
    round: Round | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
) -> list[ParticipationRow]:
    """Who took part, per commune (with its urban/rural kind), for the KPI indicators:
    each person counted once per row, attempts closed in ``[date_from, date_to)``."""
    attempts = Attempt.objects.exclude(status=AttemptStatus.ACTIVE)
    if contest is not None:
        attempts = attempts.filter(round__contest=contest)
    if round is not None:
        attempts = attempts.filter(round=round)
    if date_from is not None:
        attempts = attempts.filter(submitted_at__gte=date_from)
    if date_to is not None:
        attempts = attempts.filter(submitted_at__lt=date_to)
    rows = (
        attempts.values(
            "participant__unit__code", "participant__unit__name", "participant__unit__is_urban"
        )
        .annotate(
            participants=Count("participant", distinct=True),
            attempts=Count("id"),
        )
        .order_by("participant__unit__name")
    )
    return [
        ParticipationRow(
            unit_code=r["participant__unit__code"],
            unit=r["participant__unit__name"],
            is_urban=r["participant__unit__is_urban"],
            participants=r["participants"],
            attempts=r["attempts"],
        )
        for r in rows
    ]


def items_for_practice(*, legal_field: Any = None, now: datetime | None = None) -> QuerySet[Item]:
    """Approved items open for self-testing, optionally of one legal field. Items in the
    pool of a round that has not closed yet are left out: practice must not show a live
    or coming contest's questions."""
    now = now or timezone.now()
    qs = Item.objects.filter(status="approved", practice=True).exclude(rounds__closes_at__gt=now)
    if legal_field is not None:
        qs = qs.filter(legal_field=legal_field)
    return qs.select_related("legal_field").prefetch_related("choices")


def contest_counts(contest: Contest) -> dict[str, int]:
    """Participants registered and attempts closed in ``contest``."""
    return {
        "participants": contest.participants.count(),
        "attempts": Attempt.objects.filter(round__contest=contest)
        .filter(~Q(status=AttemptStatus.ACTIVE))
        .count(),
    }


def contest_reach_records(*, date_from: date, date_to: date) -> list[ReachRecord]:
    """Contest participants with an attempt started in the local days ``date_from``..
    ``date_to`` (both included), for the "persons reached digitally" indicators (source
    "contest").

    One record per participant (a person is one participant per contest, so a person in
    two contests gives two records with the same keys): ``on`` the day of their last
    attempt started in the period, ``unit_id`` the commune they gave, ``keys`` the hashed
    phone, e-mail and account id. A participant whose personal data was erased has no keys
    and gives no record."""
    start, end = reach_period_bounds(date_from, date_to)
    rows = (
        Attempt.objects.filter(started_at__gte=start, started_at__lt=end)
        .values(
            "participant_id",
            "participant__phone",
            "participant__email",
            "participant__user_id",
            "participant__unit_id",
        )
        .annotate(last_started=Max("started_at"))
        .order_by("participant_id")
    )
    records = []
    for row in rows.iterator(chunk_size=2000):
        keys = reach_keys(
            phone=row["participant__phone"],
            email=row["participant__email"],
            user_id=row["participant__user_id"],
        )
        if keys:
            records.append(
                ReachRecord(
                    keys=keys,
                    unit_id=row["participant__unit_id"],
                    on=timezone.localdate(row["last_started"]),
                    source="contest",
                )
            )
    return records
