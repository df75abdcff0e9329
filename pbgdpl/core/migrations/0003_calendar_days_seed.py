"""The public holidays and days off of 2025–2026 as announced for state agencies; later
years (and any change) are entered in the back office."""

from datetime import date, timedelta

from django.db import migrations


def _span(first: date, last: date, name: str) -> list[tuple[date, str, str]]:
    days = []
    day = first
    while day <= last:
        days.append((day, "holiday", name))
        day += timedelta(days=1)
    return days


DAYS = [
    (date(2025, 1, 1), "holiday", "Tết Dương lịch"),
    *_span(date(2025, 1, 25), date(2025, 2, 2), "Tết Nguyên đán Ất Tỵ"),
    (date(2025, 4, 7), "holiday", "Giỗ Tổ Hùng Vương"),
    (date(2025, 4, 26), "workday", "Làm bù cho ngày nghỉ 02/5/2025"),
    *_span(date(2025, 4, 30), date(2025, 5, 2), "Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5"),
    *_span(date(2025, 9, 1), date(2025, 9, 2), "Quốc khánh"),
    (date(2026, 1, 1), "holiday", "Tết Dương lịch"),
    *_span(date(2026, 2, 14), date(2026, 2, 22), "Tết Nguyên đán Bính Ngọ"),
    (date(2026, 4, 27), "holiday", "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)"),
    (date(2026, 4, 30), "holiday", "Ngày Chiến thắng"),
    (date(2026, 5, 1), "holiday", "Ngày Quốc tế Lao động"),
    (date(2026, 9, 2), "holiday", "Quốc khánh"),
]


def seed(apps, schema_editor):
    calendar_day = apps.get_model("core", "CalendarDay")
    have = set(calendar_day.objects.values_list("day", flat=True))
    calendar_day.objects.bulk_create(
        [calendar_day(day=d, kind=k, name=n) for d, k, n in DAYS if d not in have]
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_calendar_day")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
