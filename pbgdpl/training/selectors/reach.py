"""The trainees' reach records for the indicators ("persons reached digitally", source
"training"): registry people with learning activity in a period."""

from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from pbgdpl.people.reach import ReachRecord, reach_keys, reach_period_bounds

from ..models import Attendance, Enrolment, ModuleProgress, Person, PersonMove, QuizAttempt

CHUNK = 500  # ids per IN (…) query


def training_reach_records(*, date_from: date, date_to: date) -> list[ReachRecord]:
    """Registry people with learning activity in the local days ``date_from``..``date_to``
    (both included): an enrolment created, a module finished, a quiz attempt started, a
    session attended (on the session's day) or a course completed.

    One record per person: ``on`` the day of their last activity in the period,
    ``unit_id`` the unit they were in that day (their unit history, else their current
    unit), ``keys`` the hashed phone, e-mail and linked account id. A person with none of
    the three gives no record."""
    start, end = reach_period_bounds(date_from, date_to)
    last: dict[int, datetime] = {}

    def note(rows) -> None:
        for person_id, moment in rows.iterator(chunk_size=2000):
            if moment is not None and (person_id not in last or moment > last[person_id]):
                last[person_id] = moment

    note(
        Enrolment.objects.filter(created_at__gte=start, created_at__lt=end).values_list(
            "person_id", "created_at"
        )
    )
    note(
        Enrolment.objects.filter(completed_at__gte=start, completed_at__lt=end).values_list(
            "person_id", "completed_at"
        )
    )
    note(
        ModuleProgress.objects.filter(completed_at__gte=start, completed_at__lt=end).values_list(
            "enrolment__person_id", "completed_at"
        )
    )
    note(
        QuizAttempt.objects.filter(started_at__gte=start, started_at__lt=end).values_list(
            "enrolment__person_id", "started_at"
        )
    )
    note(
        Attendance.objects.filter(
            present=True, session__starts_at__gte=start, session__starts_at__lt=end
        ).values_list("enrolment__person_id", "session__starts_at")
    )
    if not last:
        return []
    days = {person_id: timezone.localdate(moment) for person_id, moment in last.items()}
    people: list[Person] = []
    moves: dict[int, list[PersonMove]] = {}
    ids = sorted(days)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        people += Person.objects.filter(pk__in=chunk).only(
            "id", "phone", "email", "user_id", "unit_id"
        )
        for move in PersonMove.objects.filter(
            Q(until__isnull=True) | Q(until__gt=date_from), person_id__in=chunk, since__lte=date_to
        ):
            moves.setdefault(move.person_id, []).append(move)
    records = []
    for person in sorted(people, key=lambda p: p.pk):
        keys = reach_keys(phone=person.phone, email=person.email, user_id=person.user_id)
        if not keys:
            continue
        day = days[person.pk]
        unit_id = next(
            (
                m.unit_id
                for m in moves.get(person.pk, [])
                if m.since <= day and (m.until is None or m.until > day)
            ),
            person.unit_id,
        )
        records.append(ReachRecord(keys=keys, unit_id=unit_id, on=day, source="training"))
    return records
