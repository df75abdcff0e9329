"""XLSX exports of outreach for the back office: the activity list (of the current
filter) and the report of a unit and period. The caller checks "outreach.view" and
passes only what the user may see.

The workbooks follow the conventions of :mod:`pbgdpl.core.xlsx` (bold frozen headers,
numbers as ``#,##0``, dates as local date cells, text always text — a title starting with
``=`` is never run as a formula) and are written with its helpers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.xlsx import bold_font, sheet_add, workbook_bytes, workbook_new

from .models import Activity, ActivityAudience, AudienceGroup
from .selectors import OutreachReport, OutreachTotals, target_label

PERCENT_FORMAT = "0.0"


def filters_text(form: Any) -> str:
    """The filters of an activity-list form in words, for the "Thông tin" sheet."""
    if not form.is_bound or not form.is_valid():
        return _("Không lọc")
    parts = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if not value:
            continue
        if isinstance(value, date):
            value = value.strftime("%d/%m/%Y")
        elif hasattr(field, "choices") and not hasattr(value, "pk"):
            value = dict(field.choices).get(value, value)
        parts.append(f"{field.label}: {value}")
    return "; ".join(parts) or _("Không lọc")


ACTIVITY_HEADERS = (
    "Mã",
    "Ngày",
    "Đến ngày",
    "Mã đơn vị",
    "Đơn vị",
    "Loại hoạt động",
    "Tên hoạt động",
    "Hình thức",
    "Địa điểm",
    "Đường dẫn",
    "Đối tượng",
    "Tổng số lượt người tham dự",
    "Thành thị",
    "Nông thôn",
    "Chưa phân loại",
    "Giải thích số người tham dự",
    "Lượt xem trực tuyến",
    "Văn bản pháp luật",
    "Báo cáo viên, người thực hiện",
    "Kế hoạch",
    "Số tệp minh chứng",
    "Nội dung",
    "Người ghi nhận",
    "Ghi nhận lúc",
)


def activities_xlsx(*, activities: QuerySet[Activity], filters: str = "") -> bytes:
    """The activities as an XLSX workbook: sheet "Hoạt động" (one row each, with the
    participants split urban/rural/not classified, the audience groups, the laws and the
    number of evidence files) and "Thông tin" (filters, count, time of export)."""
    rows_qs = (
        activities.select_related("unit", "plan", "created_by")
        .annotate(evidence_count=Count("evidence"))
        .order_by("start_date", "pk")
    )
    groups: dict[int, list[str]] = {}
    labels = dict(AudienceGroup.choices)
    for activity_id, group in (
        ActivityAudience.objects.filter(activity__in=activities.values("pk"))
        .order_by("activity_id", "id")
        .values_list("activity_id", "group")
    ):
        groups.setdefault(activity_id, []).append(str(labels.get(group, group)))
    body = []
    for a in rows_qs:
        body.append(
            [
                a.pk,
                a.start_date,
                a.end_date,
                a.unit.code,
                a.unit.name,
                a.get_kind_display(),
                a.title,
                a.get_mode_display(),
                a.place,
                a.url,
                "; ".join(groups.get(a.pk, [])),
                a.participants_total,
                a.participants_urban,
                a.participants_rural,
                a.participants_unclassified,
                a.participants_note,
                a.online_views,
                ", ".join(a.legal_documents or []),
                a.speakers,
                a.plan.title if a.plan else "",
                a.evidence_count,
                a.description,
                str(a.created_by) if a.created_by else "",
                a.created_at,
            ]
        )
    workbook = workbook_new()
    sheet_add(
        workbook,
        _("Hoạt động"),
        [_(h) for h in ACTIVITY_HEADERS],
        body,
        wrap=[7, 22],
        widths={7: 50, 22: 50},
    )
    info = [
        [_("Nội dung"), _("Danh sách hoạt động phổ biến, giáo dục pháp luật")],
        [_("Bộ lọc"), filters or _("Không lọc")],
        [_("Số hoạt động"), len(body)],
        [_("Xuất lúc"), timezone.now()],
        [
            _("Ghi chú"),
            _(
                "Số người ở thành thị và nông thôn do đơn vị ghi; nếu đơn vị không ghi riêng, "
                "người tham dự hoạt động của phường tính là thành thị, của xã tính là nông "
                "thôn. “Chưa phân loại” là phần còn lại của tổng số."
            ),
        ],
    ]
    sheet_add(workbook, _("Thông tin"), [_("Mục"), _("Nội dung")], info, wrap=[2], widths={2: 80})
    return workbook_bytes(workbook)


def _totals_cells(totals: OutreachTotals) -> list[Any]:
    return [
        totals.activities,
        totals.activities_offline,
        totals.activities_online,
        totals.activities_both,
        totals.participants,
        totals.participants_urban,
        totals.participants_rural,
        totals.participants_unclassified,
        totals.online_views,
        totals.with_evidence,
    ]


def _totals_headers() -> list[str]:
    return [
        _("Số hoạt động"),
        _("Trực tiếp"),
        _("Trực tuyến"),
        _("Kết hợp"),
        _("Lượt người tham dự"),
        _("Thành thị"),
        _("Nông thôn"),
        _("Chưa phân loại"),
        _("Lượt xem trực tuyến"),
        _("Có minh chứng"),
    ]


def _percent_column(sheet: Any, column: int) -> None:
    for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
        if isinstance(cell.value, float):
            cell.number_format = PERCENT_FORMAT


def report_xlsx(*, report: OutreachReport) -> bytes:
    """The report as an XLSX workbook: "Tổng hợp" (each figure with its definition), then
    one sheet per table of the report page (by kind, mode, unit, audience, month), the
    plans' targets against what was done, and "Thông tin" (unit, period, time)."""
    d = report.definitions
    t = report.totals
    workbook = workbook_new()
    summary = [
        [_("Số hoạt động"), t.activities, d["activities"]],
        [_("Hoạt động trực tiếp"), t.activities_offline, d["activities_offline"]],
        [_("Hoạt động trực tuyến"), t.activities_online, d["activities_online"]],
        [_("Hoạt động kết hợp"), t.activities_both, d["activities_both"]],
        [_("Tỷ lệ hoạt động có phần trực tuyến (%)"), t.online_share, d["online_share"]],
        [_("Lượt người tham dự"), t.participants, d["participants"]],
        [_("Ở thành thị"), t.participants_urban, d["participants_urban"]],
        [_("Ở nông thôn"), t.participants_rural, d["participants_rural"]],
        [_("Chưa phân loại"), t.participants_unclassified, d["participants_unclassified"]],
        [_("Lượt xem, tiếp cận trực tuyến"), t.online_views, d["online_views"]],
        [_("Hoạt động có minh chứng"), t.with_evidence, d["with_evidence"]],
        [_("Tỷ lệ có minh chứng (%)"), t.evidence_share, d["evidence_share"]],
        [_("Số xã, phường có hoạt động"), report.units_covered, d["units_covered"]],
    ]
    sheet = sheet_add(
        workbook,
        _("Tổng hợp"),
        [_("Số liệu"), _("Giá trị"), _("Định nghĩa")],
        summary,
        wrap=[3],
        widths={1: 40, 3: 90},
        autofilter=False,
    )
    _percent_column(sheet, 2)
    sheet_add(
        workbook,
        _("Theo loại hoạt động"),
        [_("Loại hoạt động"), *_totals_headers()],
        [[row.label, *_totals_cells(row.totals)] for row in report.by_kind],
    )
    sheet_add(
        workbook,
        _("Theo hình thức"),
        [_("Hình thức"), *_totals_headers()],
        [[row.label, *_totals_cells(row.totals)] for row in report.by_mode],
    )
    unit_rows = [
        [row.unit.code if row.unit else report.unit.code, row.label, *_totals_cells(row.totals)]
        for row in report.by_unit
    ]
    unit_rows.append(["", _("Tổng cộng"), *_totals_cells(t)])
    sheet = sheet_add(
        workbook,
        _("Theo đơn vị"),
        [_("Mã đơn vị"), _("Đơn vị"), *_totals_headers()],
        unit_rows,
        widths={2: 40},
        autofilter=False,  # the total row must stay last
    )
    for cell in sheet[sheet.max_row]:
        cell.font = bold_font()
    sheet_add(
        workbook,
        _("Theo đối tượng"),
        [_("Đối tượng"), _("Số hoạt động")],
        [[label, count] for _code, label, count in report.by_audience],
    )
    sheet_add(
        workbook,
        _("Theo tháng"),
        [_("Tháng"), *_totals_headers()],
        [[month.strftime("%m/%Y"), *_totals_cells(totals)] for month, totals in report.by_month],
    )
    plan_rows = []
    for progress in report.plans:
        plan = progress.plan
        for row in progress.targets:
            plan_rows.append(
                [
                    plan.year,
                    plan.title,
                    plan.get_status_display(),
                    target_label(row.target),
                    row.target.value,
                    row.actual,
                    row.percent,
                    _("Đạt") if row.achieved else _("Chưa đạt"),
                    _("đến %(day)s") % {"day": progress.date_to.strftime("%d/%m/%Y")},
                ]
            )
    sheet = sheet_add(
        workbook,
        _("Kế hoạch"),
        [
            _("Năm"),
            _("Kế hoạch"),
            _("Trạng thái"),
            _("Chỉ tiêu"),
            _("Chỉ tiêu đặt ra"),
            _("Thực hiện"),
            _("Tiến độ (%)"),
            _("Kết quả"),
            _("Tính"),
        ],
        plan_rows,
        widths={2: 40, 4: 40},
    )
    _percent_column(sheet, 6)
    _percent_column(sheet, 7)
    info = [
        [_("Đơn vị"), f"{report.unit.name} ({report.unit.code}), {_('gồm các đơn vị trực thuộc')}"],
        [_("Từ ngày"), report.date_from],
        [_("Đến ngày"), report.date_to],
        [_("Lập lúc"), timezone.now()],
        [_("Tiến độ kế hoạch"), d["progress"]],
    ]
    sheet_add(workbook, _("Thông tin"), [_("Mục"), _("Nội dung")], info, wrap=[2], widths={2: 90})
    return workbook_bytes(workbook)
