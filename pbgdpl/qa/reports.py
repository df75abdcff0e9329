"""Reports of the Legal Q&A: counts by status, field, commune and month, the time it
takes to answer (median, in calendar and in working days), the share answered on time,
and the questions overdue today; and their XLSX export.

Pure reads: :func:`qa_report` takes the questions the reader may report on (the caller
narrows them with ``filter_permitted(user, "qa.report", ...)`` and any field or commune
filter) and returns plain data. Nothing personal is read: no name, e-mail, phone or the
wording of a question, only codes, dates, fields, communes, statuses and assignees.

Definitions (also printed on the report):

- a question belongs to the period when it was *received* in it (local dates, both ends
  included); counts by status, field and commune are over those questions;
- "answered" means its answer was approved (``answered_at``); the month table counts
  questions received and questions answered in each month of the period;
- time to answer, and the on-time share, are over the questions *answered* in the period:
  calendar days from the day received to the day answered, and working days after the
  day received up to the day answered (:func:`pbgdpl.core.workdays.working_days_between`);
  on time means answered on or before the due date;
- the overdue list is every open question whose due date is before ``today``, whatever
  the period (it is the work to do now).
"""

import io
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.workdays import working_days_between

from .models import ANSWERED_STATUSES, OPEN_STATUSES, Question, QuestionStatus


@dataclass(frozen=True)
class CountRow:
    """One line of the by-field or by-commune table."""

    label: str
    received: int = 0
    open: int = 0
    answered: int = 0
    closed_unanswered: int = 0  # declined or merged
    overdue: int = 0


@dataclass(frozen=True)
class MonthRow:
    month: date  # the first day of the month
    received: int
    answered: int


@dataclass(frozen=True)
class StatusRow:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class OverdueRow:
    pk: int
    code: str
    legal_field: str
    unit: str
    received_on: date
    due_on: date
    days_late: int
    working_days_late: int
    status_label: str
    assignee: str


@dataclass
class QaReport:
    """What :func:`qa_report` found; every number is plain data, ready for a template or
    a spreadsheet."""

    date_from: date
    date_to: date
    today: date
    received: int = 0
    by_status: list[StatusRow] = field(default_factory=list)
    by_field: list[CountRow] = field(default_factory=list)
    by_unit: list[CountRow] = field(default_factory=list)
    by_month: list[MonthRow] = field(default_factory=list)
    answered: int = 0  # answered in the period
    median_days: float | None = None
    median_working_days: float | None = None
    on_time: int = 0
    on_time_share: float | None = None  # 0..1, over the questions answered in the period
    overdue: list[OverdueRow] = field(default_factory=list)


def period_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """The aware datetimes [start, end) covering the local days ``date_from``..``date_to``."""
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(date_from, time.min), zone)
    end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min), zone)
    return start, end


def _local_date(value: datetime) -> date:
    return timezone.localtime(value).date()


def _months(date_from: date, date_to: date) -> list[date]:
    months = []
    month = date_from.replace(day=1)
    while month <= date_to:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


class _WorkingDayCounter:
    """Working days between many pairs of dates with few queries: one call of
    ``working_days_between`` per distinct date, counted from a common origin."""

    def __init__(self, origin: date) -> None:
        self.origin = origin
        self._cache: dict[date, int] = {}

    def _upto(self, day: date) -> int:
        if day not in self._cache:
            self._cache[day] = working_days_between(start=self.origin, end=day)
        return self._cache[day]

    def between(self, start: date, end: date) -> int:
        if end <= start:
            return 0
        return self._upto(end) - self._upto(start)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _user_label(user: Any) -> str:
    return str(user) if user is not None else ""


def _count_rows(rows: Iterable[dict], key: str, today: date) -> list[CountRow]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        bucket = counts[row[key]]
        bucket["received"] += 1
        status = row["status"]
        if status in OPEN_STATUSES:
            bucket["open"] += 1
            if row["due_on"] < today:
                bucket["overdue"] += 1
        elif status in ANSWERED_STATUSES:
            bucket["answered"] += 1
        else:
            bucket["closed_unanswered"] += 1
    out = [CountRow(label=label, **dict(c)) for label, c in counts.items()]
    out.sort(key=lambda r: (-r.received, r.label))
    return out


def qa_report(
    *, questions: QuerySet[Question], date_from: date, date_to: date, today: date | None = None
) -> QaReport:
    """The report over ``questions`` (already limited to what the reader may see and to
    any field/commune filter) for the local days ``date_from``..``date_to``.

    ``today`` (default: the local date) decides what is overdue. See the module docstring
    for the definitions. Raises ValueError when ``date_from`` is after ``date_to``."""
    if date_from > date_to:
        raise ValueError("date_from is after date_to")
    today = today or timezone.localdate()
    report = QaReport(date_from=date_from, date_to=date_to, today=today)
    start, end = period_bounds(date_from, date_to)
    columns = ("pk", "status", "received_at", "answered_at", "due_on")
    received = list(
        questions.filter(received_at__gte=start, received_at__lt=end)
        .order_by()
        .values(*columns, field_name=F("legal_field__name"), unit_name=F("unit__name"))
    )
    report.received = len(received)

    by_status = Counter(row["status"] for row in received)
    report.by_status = [
        StatusRow(status=value, label=str(label), count=by_status.get(value, 0))
        for value, label in QuestionStatus.choices
    ]
    report.by_field = _count_rows(received, "field_name", today)
    report.by_unit = _count_rows(received, "unit_name", today)

    answered = list(
        questions.filter(answered_at__gte=start, answered_at__lt=end)
        .order_by()
        .values("received_at", "answered_at", "due_on")
    )
    received_per_month = Counter(_local_date(r["received_at"]).replace(day=1) for r in received)
    answered_per_month = Counter(_local_date(r["answered_at"]).replace(day=1) for r in answered)
    report.by_month = [
        MonthRow(
            month=month,
            received=received_per_month.get(month, 0),
            answered=answered_per_month.get(month, 0),
        )
        for month in _months(date_from, date_to)
    ]

    report.answered = len(answered)
    if answered:
        pairs = [(_local_date(r["received_at"]), _local_date(r["answered_at"])) for r in answered]
        counter = _WorkingDayCounter(min(p[0] for p in pairs))
        report.median_days = _median([(done - got).days for got, done in pairs])
        report.median_working_days = _median([counter.between(got, done) for got, done in pairs])
        report.on_time = sum(1 for r in answered if _local_date(r["answered_at"]) <= r["due_on"])
        report.on_time_share = report.on_time / len(answered)

    overdue = list(
        questions.filter(status__in=OPEN_STATUSES, due_on__lt=today)
        .select_related("legal_field", "unit", "assignee")
        .order_by("due_on", "received_at", "pk")
    )
    if overdue:
        counter = _WorkingDayCounter(min(q.due_on for q in overdue))
        report.overdue = [
            OverdueRow(
                pk=q.pk,
                code=q.code,
                legal_field=q.legal_field.name,
                unit=q.unit.name,
                received_on=_local_date(q.received_at),
                due_on=q.due_on,
                days_late=(today - q.due_on).days,
                working_days_late=counter.between(q.due_on, today),
                status_label=str(q.get_status_display()),
                assignee=_user_label(q.assignee),
            )
            for q in overdue
        ]
    return report


# --------------------------------------------------------------------------- XLSX

DATE_FORMAT = "dd/mm/yyyy"
PERCENT_FORMAT = "0.0%"
DECIMAL_FORMAT = "0.0"


def _sheet(workbook: Any, title: str, headers: list[str], rows: list[list[Any]]) -> Any:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        values = [header, *(row[index - 1] for row in rows)]
        width = max(len(_cell_text(v)) for v in values)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    return sheet


def _cell_text(value: Any) -> str:
    if isinstance(value, date):
        return "00/00/0000"
    if isinstance(value, float):
        return f"{value:.1f}"
    return "" if value is None else str(value)


def _count_table(rows: list[CountRow], first: str) -> tuple[list[str], list[list[Any]]]:
    headers = [first, _("Tiếp nhận"), _("Đang xử lý"), _("Đã trả lời"), _("Từ chối, gộp")]
    headers.append(_("Quá hạn"))
    body = [[r.label, r.received, r.open, r.answered, r.closed_unanswered, r.overdue] for r in rows]
    return headers, body


def qa_report_xlsx(report: QaReport) -> bytes:
    """The report as an XLSX workbook: a summary sheet, then one sheet per table, with
    Vietnamese headers (bold, frozen), dates as dd/mm/yyyy and fitted column widths."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)

    summary = _sheet(
        workbook,
        _("Tổng hợp"),
        [_("Chỉ tiêu"), _("Giá trị")],
        [
            [_("Từ ngày"), report.date_from],
            [_("Đến ngày"), report.date_to],
            [_("Ngày lập báo cáo"), report.today],
            [_("Số câu hỏi tiếp nhận trong kỳ"), report.received],
            [_("Số câu hỏi được trả lời trong kỳ"), report.answered],
            [_("Thời gian trả lời, trung vị (ngày)"), report.median_days],
            [_("Thời gian trả lời, trung vị (ngày làm việc)"), report.median_working_days],
            [_("Số câu trả lời đúng hạn"), report.on_time],
            [_("Tỷ lệ trả lời đúng hạn"), report.on_time_share],
            [_("Số câu hỏi đang quá hạn"), len(report.overdue)],
        ],
    )
    summary["B7"].number_format = DECIMAL_FORMAT
    summary["B8"].number_format = DECIMAL_FORMAT
    summary["B10"].number_format = PERCENT_FORMAT

    _sheet(
        workbook,
        _("Theo trạng thái"),
        [_("Trạng thái"), _("Số câu hỏi")],
        [[r.label, r.count] for r in report.by_status],
    )
    headers, body = _count_table(report.by_field, _("Lĩnh vực"))
    _sheet(workbook, _("Theo lĩnh vực"), headers, body)
    headers, body = _count_table(report.by_unit, _("Xã, phường"))
    _sheet(workbook, _("Theo xã, phường"), headers, body)
    _sheet(
        workbook,
        _("Theo tháng"),
        [_("Tháng"), _("Tiếp nhận"), _("Được trả lời")],
        [[f"{r.month:%m/%Y}", r.received, r.answered] for r in report.by_month],
    )
    _sheet(
        workbook,
        _("Quá hạn"),
        [
            _("Mã theo dõi"),
            _("Lĩnh vực"),
            _("Xã, phường"),
            _("Ngày tiếp nhận"),
            _("Hạn trả lời"),
            _("Số ngày trễ"),
            _("Số ngày làm việc trễ"),
            _("Trạng thái"),
            _("Người được giao"),
        ],
        [
            [
                r.code,
                r.legal_field,
                r.unit,
                r.received_on,
                r.due_on,
                r.days_late,
                r.working_days_late,
                r.status_label,
                r.assignee,
            ]
            for r in report.overdue
        ],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
