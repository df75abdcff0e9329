from datetime import date

import pytest

from pbgdpl.core.models import CalendarDay
from pbgdpl.core.workdays import working_day_is, working_days_add, working_days_between

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _calendar():
    CalendarDay.objects.all().delete()
    CalendarDay.objects.create(day=date(2026, 4, 30), name="Ngày Chiến thắng")
    CalendarDay.objects.create(day=date(2026, 5, 1), name="Quốc tế Lao động")
    CalendarDay.objects.create(day=date(2026, 5, 9), kind="workday", name="Làm bù")


def test_weekends_and_holidays_are_not_working_days():
    assert working_day_is(date(2026, 4, 29))  # Wednesday
    assert not working_day_is(date(2026, 4, 30))  # holiday
    assert not working_day_is(date(2026, 5, 2))  # Saturday
    assert working_day_is(date(2026, 5, 9))  # Saturday worked in exchange


def test_adding_working_days_skips_weekends_and_holidays():
    # Wednesday 29/4 + 1 → Thu 30/4 and Fri 1/5 are holidays, weekend → Mon 4/5.
    assert working_days_add(start=date(2026, 4, 29), days=1) == date(2026, 5, 4)
    # Friday + 1 → Monday.
    assert working_days_add(start=date(2026, 5, 15), days=1) == date(2026, 5, 18)
    # The make-up Saturday counts: Fri 8/5 + 1 → Sat 9/5.
    assert working_days_add(start=date(2026, 5, 8), days=1) == date(2026, 5, 9)
    assert working_days_add(start=date(2026, 4, 29), days=0) == date(2026, 4, 29)
    # 10 working days from Mon 20/4: 21–24 (4), 27–29 (3), 4–6/5 (3) → Wed 6/5.
    assert working_days_add(start=date(2026, 4, 20), days=10) == date(2026, 5, 6)


def test_a_long_run_of_holidays_is_crossed():
    CalendarDay.objects.bulk_create(
        [CalendarDay(day=date(2026, 6, d), name="Nghỉ dài") for d in range(1, 31)]
        + [CalendarDay(day=date(2026, 7, d), name="Nghỉ dài") for d in range(1, 31)]
    )
    assert working_days_add(start=date(2026, 5, 29), days=1) == date(2026, 7, 31)


def test_working_days_between_counts_the_days_after_the_start():
    assert working_days_between(start=date(2026, 4, 29), end=date(2026, 5, 4)) == 1
    assert working_days_between(start=date(2026, 5, 4), end=date(2026, 5, 4)) == 0
    assert working_days_between(start=date(2026, 5, 6), end=date(2026, 5, 4)) == 0
    assert working_days_between(start=date(2026, 5, 11), end=date(2026, 5, 18)) == 5


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        working_days_add(start=date(2026, 5, 4), days=-1)


def test_the_announced_days_are_seeded_by_the_migration(django_db_blocker):
    # The seed migration ran for the test database before this module's fixture emptied
    # the table; check the migration's own list instead.
    import importlib

    seed = importlib.import_module("pbgdpl.core.migrations.0003_calendar_days_seed")
    days = {d: (k, n) for d, k, n in seed.DAYS}
    assert days[date(2026, 2, 17)][0] == "holiday"  # Mùng 1 Tết Bính Ngọ
    assert days[date(2025, 4, 26)][0] == "workday"
    assert len(days) == len(seed.DAYS)  # no day twice
