"""Reporting periods: parse the ISO-like codes ("2026", "2026Q3", "2026-05"), find the
periods around a day, name them in Vietnamese."""

import calendar
import re
from datetime import date

from django.utils.translation import gettext as _

from .models import Period, PeriodType

YEAR_MIN = 2000
YEAR_MAX = 2100

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class PeriodError(ValueError):
    """A period code that cannot be read; the message (Vietnamese) says why."""


def period_bounds(code: str) -> tuple[str, str, date, date]:
    """(canonical code, type, first day, last day) of ``code``, or PeriodError."""
    text = (code or "").strip()
    if m := _YEAR.match(text):
        year = int(m.group(1))
        _check_year(year, text)
        return str(year), PeriodType.YEAR, date(year, 1, 1), date(year, 12, 31)
    if m := _QUARTER.match(text):
        year, quarter = int(m.group(1)), int(m.group(2))
        _check_year(year, text)
        first_month = 3 * (quarter - 1) + 1
        last_month = first_month + 2
        last_day = calendar.monthrange(year, last_month)[1]
        return (
            f"{year}Q{quarter}",
            PeriodType.QUARTER,
            date(year, first_month, 1),
            date(year, last_month, last_day),
        )
    if m := _MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        _check_year(year, text)
        if not 1 <= month <= 12:
            raise PeriodError(_("Tháng trong mã kỳ “%(code)s” phải từ 1 đến 12.") % {"code": text})
        last_day = calendar.monthrange(year, month)[1]
        return (
            f"{year}-{month:02d}",
            PeriodType.MONTH,
            date(year, month, 1),
            date(year, month, last_day),
        )
    raise PeriodError(
        _("Mã kỳ “%(code)s” không hợp lệ. Dùng dạng năm “2026”, quý “2026Q3” hoặc tháng “2026-05”.")
        % {"code": text[:20]}
    )


def _check_year(year: int, text: str) -> None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise PeriodError(
            _("Năm trong mã kỳ “%(code)s” phải từ %(min)s đến %(max)s.")
            % {"code": text, "min": YEAR_MIN, "max": YEAR_MAX}
        )


def period_get(code: str) -> Period:
    """The stored period for ``code`` (created on first use), or PeriodError."""
    canonical, kind, start, end = period_bounds(code)
    period, _created = Period.objects.get_or_create(
        code=canonical, defaults={"type": kind, "start": start, "end": end}
    )
    return period


def period_codes_containing(day: date) -> list[str]:
    """The codes of the year, quarter and month that contain ``day``."""
    quarter = (day.month - 1) // 3 + 1
    return [str(day.year), f"{day.year}Q{quarter}", f"{day.year}-{day.month:02d}"]


def periods_containing(day: date) -> list[Period]:
    """The year, quarter and month that contain ``day`` (created if needed)."""
    return [period_get(code) for code in period_codes_containing(day)]


def periods_enclosing(period: Period) -> list[Period]:
    """``period`` and the stored longer periods that contain it (its quarter and year)."""
    codes = {period.code}
    if period.type == PeriodType.MONTH:
        codes.update(period_codes_containing(period.start)[:2])
    elif period.type == PeriodType.QUARTER:
        codes.add(str(period.start.year))
    return [period_get(code) for code in sorted(codes)]


def period_sub_codes(period: Period) -> tuple[list[str], list[str]]:
    """(quarter codes, month codes) inside ``period`` (empty for a month)."""
    if period.type == PeriodType.YEAR:
        year = period.start.year
        return [f"{year}Q{q}" for q in range(1, 5)], [f"{year}-{m:02d}" for m in range(1, 13)]
    if period.type == PeriodType.QUARTER:
        first = period.start.month
        year = period.start.year
        return [], [f"{year}-{m:02d}" for m in range(first, first + 3)]
    return [], []


def period_label(period: Period) -> str:
    """ "Năm 2026", "Quý III/2026", "Tháng 05/2026"."""
    return period_label_for(period.type, period.start)


def period_label_for(kind: str, start: date) -> str:
    if kind == PeriodType.YEAR:
        return _("Năm %(y)s") % {"y": start.year}
    if kind == PeriodType.QUARTER:
        roman = ["I", "II", "III", "IV"][(start.month - 1) // 3]
        return _("Quý %(q)s/%(y)s") % {"q": roman, "y": start.year}
    return _("Tháng %(m)02d/%(y)s") % {"m": start.month, "y": start.year}


def period_recent_codes(*, today: date, kind: str, count: int) -> list[str]:
    """The codes of the ``count`` most recent periods of ``kind`` up to ``today``, newest
    first (what an entry form offers)."""
    codes: list[str] = []
    if kind == PeriodType.YEAR:
        codes = [str(today.year - i) for i in range(count)]
    elif kind == PeriodType.QUARTER:
        year, quarter = today.year, (today.month - 1) // 3 + 1
        for _i in range(count):
            codes.append(f"{year}Q{quarter}")
            quarter -= 1
            if quarter == 0:
                year, quarter = year - 1, 4
    else:
        year, month = today.year, today.month
        for _i in range(count):
            codes.append(f"{year}-{month:02d}")
            month -= 1
            if month == 0:
                year, month = year - 1, 12
    return codes
