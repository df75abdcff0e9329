"""Working days of state agencies: Monday to Friday, minus public holidays and days off,
plus Saturdays worked in exchange (:class:`~pbgdpl.core.models.CalendarDay`)."""

from datetime import date, timedelta

from .models import CalendarDay

# A deadline of N working days never reaches further than this many calendar days per
# working day (Tết is at most 9–10 days off in a row); bounds the one query below.
_SPAN_PER_DAY = 3
_MIN_SPAN = 30


def _overrides(start: date, end: date) -> dict[date, str]:
    return dict(CalendarDay.objects.filter(day__gte=start, day__lte=end).values_list("day", "kind"))


def _is_working(day: date, overrides: dict[date, str]) -> bool:
    kind = overrides.get(day)
    if kind == CalendarDay.Kind.HOLIDAY:
        return False
    if kind == CalendarDay.Kind.WORKDAY:
        return True
    return day.weekday() < 5


def working_day_is(day: date) -> bool:
    """Whether state agencies work on ``day``."""
    return _is_working(day, _overrides(day, day))


def working_days_add(*, start: date, days: int) -> date:
    """The working day that is ``days`` working days after ``start`` (``start`` itself is
    not counted: a question received on Friday with 1 working day is due on Monday, or the
    next working day after a holiday). ``days`` must be ≥ 0; 0 gives ``start`` itself."""
    if days < 0:
        raise ValueError("days must be >= 0")
    span = max(_MIN_SPAN, days * _SPAN_PER_DAY)
    overrides = _overrides(start, start + timedelta(days=span))
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if day > start + timedelta(days=span):  # an absurd run of holidays: widen once more
            overrides.update(_overrides(day, day + timedelta(days=span)))
            span *= 2
        if _is_working(day, overrides):
            left -= 1
    return day


def working_days_between(*, start: date, end: date) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 when
    ``end`` ≤ ``start``): the working days it took from receipt to answer."""
    if end <= start:
        return 0
    overrides = _overrides(start, end)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if _is_working(day, overrides):
            count += 1
    return count
