"""Activities from a spreadsheet: the import template and the import.

One row is one activity; the columns are :data:`IMPORT_COLUMNS`, the same headers as the
activity export (whose extra columns — Mã, Chưa phân loại, Kế hoạch, … — are ignored),
so an exported list is a ready example. The unit is given by its code ("Mã đơn vị") or
its full name ("Đơn vị", matched without diacritics); kinds, modes and audience groups by
their labels (or codes); several audience groups are separated by semicolons.

All or nothing: every row is checked first with
:func:`pbgdpl.outreach.services.activity_input_clean` (the same rules as the form), plus
what only a file gets wrong (unreadable dates, unknown units, a unit the importing user
may not manage, the same activity twice — in the file or already recorded: same unit,
day, kind and title). If any row is wrong nothing is stored and the report lists every
problem as "Dòng 7 (Ngày): …". A clean file is written in one transaction through
``services.activity_create``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold
from pbgdpl.core.xlsx import (
    GUIDE_SHEET_TITLE,
    SheetSpec,
    XlsxImportReport,
    XlsxRowError,
    cell_date,
    cell_text,
    list_validation_add,
    sheet_add,
    sheet_rows_read,
    upload_bytes,
    workbook_bytes,
    workbook_new,
    xlsx_errors_as,
)
from pbgdpl.people.permissions import can
from pbgdpl.units.selectors import unit_list_valid

from . import services
from .exports import ACTIVITY_HEADERS
from .models import Activity, ActivityKind, ActivityMode, AudienceGroup
from .services import ActivityInput, OutreachInputError

IMPORT_MAX_ROWS = 2000

_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit_code", gettext_noop("Mã đơn vị")),
    ("unit_name", gettext_noop("Đơn vị")),
    ("start_date", gettext_noop("Ngày")),
    ("end_date", gettext_noop("Đến ngày")),
    ("kind", gettext_noop("Loại hoạt động")),
    ("title", gettext_noop("Tên hoạt động")),
    ("mode", gettext_noop("Hình thức")),
    ("place", gettext_noop("Địa điểm")),
    ("url", gettext_noop("Đường dẫn")),
    ("audiences", gettext_noop("Đối tượng")),
    ("participants_total", gettext_noop("Tổng số lượt người tham dự")),
    ("participants_urban", gettext_noop("Thành thị")),
    ("participants_rural", gettext_noop("Nông thôn")),
    ("participants_note", gettext_noop("Giải thích số người tham dự")),
    ("online_views", gettext_noop("Lượt xem trực tuyến")),
    ("legal_documents", gettext_noop("Văn bản pháp luật")),
    ("speakers", gettext_noop("Báo cáo viên, người thực hiện")),
    ("description", gettext_noop("Nội dung")),
)
IMPORT_COLUMNS: tuple[str, ...] = tuple(header for _key, header in _COLUMNS)
_HEADER = dict(_COLUMNS)
# Export-only columns and a unit's own habits, ignored on import (folded).
_IGNORED = frozenset(
    {fold(h) for h in ACTIVITY_HEADERS if h not in IMPORT_COLUMNS} | {"stt", "tt", "ghi chu"}
)
_EXTRA_ALIASES = {
    "ma xa": "unit_code",
    "ten don vi": "unit_name",
    "ngay to chuc": "start_date",
    "loai": "kind",
    "so nguoi tham du": "participants_total",
    "so luot nguoi tham du": "participants_total",
    "luot xem": "online_views",
}
_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")


_SHEET = SheetSpec(
    columns=_COLUMNS,
    aliases=_EXTRA_ALIASES,
    required=("start_date", "kind", "title", "mode", "audiences"),
    required_any=(("unit_code", "unit_name"),),
    ignored=_IGNORED,
    max_rows=IMPORT_MAX_ROWS,
    too_many=gettext_noop(
        "Tệp có hơn 2.000 hoạt động: hãy chia thành nhiều tệp, mỗi tệp tối đa 2.000 dòng."
    ),
    no_header=gettext_noop(
        "Không thấy dòng tiêu đề cột (Mã đơn vị, Ngày, Loại hoạt động, Tên hoạt động, …): "
        "hãy dùng tệp mẫu."
    ),
    no_rows=gettext_noop("Tệp không có hoạt động nào (chỉ có dòng tiêu đề)."),
)


def _choice_lookup(choices: Any) -> dict[str, str]:
    """Folded label (in every language of the site) or code → code."""
    lookup = {fold(code): code for code in choices.values}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in choices.choices:
                lookup[fold(str(label))] = code
    return lookup


@dataclass
class _Row:
    number: int
    data: ActivityInput
    unit_key: str  # the column that gave the unit


def _column(key: str) -> str:
    return _(_HEADER[key]) if key in _HEADER else ""


@dataclass
class _Lookups:
    kinds: dict[str, str]
    modes: dict[str, str]
    groups: dict[str, str]
    units_by_code: dict[str, Any]
    units_by_name: dict[str, list[Any]]

    @classmethod
    def load(cls) -> _Lookups:
        by_code: dict[str, Any] = {}
        by_name: dict[str, list[Any]] = {}
        for unit in unit_list_valid().only("id", "code", "name", "path", "kind", "is_urban"):
            by_code[unit.code] = unit
            by_name.setdefault(fold(unit.name), []).append(unit)
        return cls(
            kinds=_choice_lookup(ActivityKind),
            modes=_choice_lookup(ActivityMode),
            groups=_choice_lookup(AudienceGroup),
            units_by_code=by_code,
            units_by_name=by_name,
        )


def _row_read(
    number: int,
    values: dict[str, Any],
    *,
    actor: Any,
    lookups: _Lookups,
    errors: list[XlsxRowError],
) -> _Row | None:
    """One row as an ActivityInput (codes resolved), or None with its errors added."""
    found: list[XlsxRowError] = []

    def fail(key: str, message: str) -> None:
        found.append(XlsxRowError(number, _column(key), message))

    text = {key: cell_text(value) for key, value in values.items()}
    unit, unit_key = None, "unit_code"
    if text.get("unit_code"):
        unit = lookups.units_by_code.get(text["unit_code"])
        if unit is None:
            fail(
                "unit_code", _("Không có đơn vị mã “%(code)s”.") % {"code": text["unit_code"][:20]}
            )
    elif text.get("unit_name"):
        unit_key = "unit_name"
        matches = lookups.units_by_name.get(fold(text["unit_name"]), [])
        if len(matches) == 1:
            unit = matches[0]
        elif matches:
            fail("unit_name", _("Có nhiều đơn vị cùng tên: hãy ghi Mã đơn vị."))
        else:
            fail(
                "unit_name",
                _("Không tìm thấy đơn vị “%(name)s” (ghi đủ, ví dụ “Xã Ia Hrú”).")
                % {"name": text["unit_name"][:80]},
            )
    else:
        fail("unit_code", _("Ghi mã hoặc tên đơn vị tổ chức."))
    dates: dict[str, date | None] = {}
    for key in ("start_date", "end_date"):
        day, ok = cell_date(values.get(key))
        if not ok:
            fail(key, _("Ngày không đọc được: ghi dạng dd/mm/yyyy, ví dụ 09/11/2026."))
        dates[key] = day
    kind = lookups.kinds.get(fold(text.get("kind", "")), "")
    if text.get("kind") and not kind:
        fail("kind", _("Loại hoạt động không có trong danh mục (xem trang Hướng dẫn)."))
    mode = lookups.modes.get(fold(text.get("mode", "")), "")
    if text.get("mode") and not mode:
        fail(
            "mode",
            _("Hình thức phải là Trực tiếp, Trực tuyến hoặc Kết hợp trực tiếp và trực tuyến."),
        )
    groups: list[str] = []
    for piece in _LIST_SPLIT.split(text.get("audiences", "")):
        if not piece:
            continue
        group = lookups.groups.get(fold(piece))
        if group is None:
            fail(
                "audiences",
                _("Đối tượng “%(value)s” không có trong danh mục (cách nhau bằng dấu chấm phẩy).")
                % {"value": piece[:40]},
            )
            break
        groups.append(group)
    if unit is not None and not can(actor, "outreach.manage", unit):
        fail(unit_key, _("Bạn không được ghi nhận hoạt động của %(unit)s.") % {"unit": unit.name})
    if found:
        errors.extend(found)
        return None
    return _Row(
        number=number,
        unit_key=unit_key,
        data=ActivityInput(
            unit=unit.code,
            kind=kind or text.get("kind", ""),
            title=text.get("title", ""),
            start_date=dates["start_date"],
            end_date=dates["end_date"],
            mode=mode,
            audiences=groups,
            place=text.get("place", ""),
            url=text.get("url", ""),
            participants_total=values.get("participants_total"),
            participants_urban=values.get("participants_urban"),
            participants_rural=values.get("participants_rural"),
            participants_note=text.get("participants_note", ""),
            online_views=values.get("online_views"),
            legal_documents=text.get("legal_documents", ""),
            speakers=text.get("speakers", ""),
            description=text.get("description", ""),
        ),
    )


def _duplicate_key(clean: dict[str, Any]) -> tuple[int, date, str, str]:
    return (clean["unit"].pk, clean["start_date"], clean["kind"], fold(clean["title"]))


def _rows_check(
    *, actor: Any, rows: list[tuple[int, dict[str, Any]]]
) -> tuple[list[_Row], list[XlsxRowError]]:
    lookups = _Lookups.load()
    errors: list[XlsxRowError] = []
    checked: list[_Row] = []
    seen: dict[tuple, int] = {}
    for number, values in rows:
        row = _row_read(number, values, actor=actor, lookups=lookups, errors=errors)
        if row is None:
            continue
        try:
            clean = services.activity_input_clean(row.data)
        except OutreachInputError as exc:
            for key, message in exc.errors.items():
                column = row.unit_key if key == "unit" else key
                errors.append(XlsxRowError(number, _column(column), message))
            continue
        key = _duplicate_key(clean)
        if key in seen:
            errors.append(
                XlsxRowError(
                    number,
                    "",
                    _("Trùng với dòng %(row)s (cùng đơn vị, ngày, loại và tên).")
                    % {"row": seen[key]},
                )
            )
            continue
        existing = Activity.objects.live().filter(
            unit=clean["unit"], start_date=clean["start_date"], kind=clean["kind"]
        )
        if any(fold(title) == key[3] for title in existing.values_list("title", flat=True)):
            errors.append(
                XlsxRowError(
                    number,
                    "",
                    _("Hoạt động này đã được ghi nhận (cùng đơn vị, ngày, loại và tên)."),
                )
            )
            continue
        seen[key] = number
        checked.append(row)
    return checked, errors


def activities_import_xlsx(*, actor: Any, file: Any, dry_run: bool = False) -> XlsxImportReport:
    """Record the activities of an uploaded XLSX (bytes or a file-like object).

    Raises PermissionDenied before reading anything unless ``actor`` holds
    "outreach.manage" somewhere; OutreachInputError (field "file") for a file that is not
    a readable .xlsx, is empty or over 5 MB, has no header row, unknown or missing required
    columns, no rows or more than 2,000. Otherwise returns a report: with any row error
    nothing is stored; else (unless ``dry_run``) every row is recorded in one transaction
    and the import is written once to the audit log."""
    if not can(actor, "outreach.manage"):
        raise PermissionDenied("outreach.manage")
    with xlsx_errors_as(OutreachInputError):
        data = upload_bytes(file)
        rows, _present = sheet_rows_read(data, _SHEET)
    checked, errors = _rows_check(actor=actor, rows=rows)
    report = XlsxImportReport(rows=len(rows), created=len(checked), errors=errors, dry_run=dry_run)
    if errors or dry_run:
        return report
    current = checked[0]
    try:
        with transaction.atomic():
            for current in checked:
                services.activity_create(actor=actor, data=current.data)
            audit_record(
                action="outreach.activity.import",
                actor=actor,
                object_type="outreach.activity",
                object_id="",
                object_repr=_("Nhập hoạt động từ tệp XLSX"),
                data={"rows": report.rows, "created": len(checked)},
            )
    except (OutreachInputError, PermissionDenied) as exc:  # changed since the check
        messages = getattr(exc, "errors", {"unit": _("Bạn không có quyền với đơn vị này.")})
        report.errors = [
            XlsxRowError(current.number, _column(current.unit_key if k == "unit" else k), m)
            for k, m in messages.items()
        ]
    return report


# --------------------------------------------------------------------------- template


def import_template_xlsx() -> bytes:
    """The empty import workbook: the columns with drop-down lists for the kind and the
    mode, and a "Hướng dẫn" sheet explaining each column and listing the kinds, modes and
    audience groups."""
    workbook = workbook_new()
    headers = [_(h) for h in IMPORT_COLUMNS]
    sheet = sheet_add(workbook, _("Hoạt động"), headers, [], autofilter=False)
    last_row = IMPORT_MAX_ROWS + 1
    keys = [key for key, _h in _COLUMNS]
    list_validation_add(
        sheet,
        column=keys.index("kind") + 1,
        values=[str(label) for label in ActivityKind.labels],
        last_row=last_row,
    )
    list_validation_add(
        sheet,
        column=keys.index("mode") + 1,
        values=[str(label) for label in ActivityMode.labels],
        last_row=last_row,
    )
    required = {"start_date", "kind", "title", "mode", "audiences"}
    guide = [
        [
            _(header),
            _("Có")
            if key in required
            else (_("Mã hoặc tên") if key in ("unit_code", "unit_name") else _("Không")),
            _(_GUIDE[key]) if key in _GUIDE else "",
        ]
        for key, header in _COLUMNS
    ]
    guide.append(["", "", ""])
    guide += [[_("Loại hoạt động"), "", str(label)] for label in ActivityKind.labels]
    guide += [[_("Hình thức"), "", str(label)] for label in ActivityMode.labels]
    guide += [[_("Đối tượng"), "", str(label)] for label in AudienceGroup.labels]
    sheet_add(
        workbook,
        _(GUIDE_SHEET_TITLE),
        [_("Cột"), _("Bắt buộc"), _("Cách ghi")],
        guide,
        wrap=[3],
        widths={1: 32, 3: 90},
        autofilter=False,
    )
    return workbook_bytes(workbook)


_GUIDE = {
    "unit_code": gettext_noop("Mã đơn vị hành chính hiện hành tổ chức hoạt động."),
    "unit_name": gettext_noop("Tên đơn vị, ví dụ “Xã Ia Hrú” (khi không ghi mã)."),
    "start_date": gettext_noop("Ngày tổ chức, dạng dd/mm/yyyy; không sau hôm nay."),
    "end_date": gettext_noop("Ngày kết thúc khi kéo dài nhiều ngày (tối đa một năm)."),
    "kind": gettext_noop("Một loại trong danh mục bên dưới."),
    "title": gettext_noop("Từ 5 đến 255 ký tự."),
    "mode": gettext_noop("Trực tiếp, Trực tuyến hoặc Kết hợp trực tiếp và trực tuyến."),
    "place": gettext_noop("Bắt buộc khi có phần trực tiếp."),
    "url": gettext_noop("Bắt buộc với tin, bài trên mạng xã hội hoặc trang thông tin điện tử."),
    "audiences": gettext_noop("Một hoặc nhiều đối tượng trong danh mục, cách nhau bằng dấu ;"),
    "participants_total": gettext_noop(
        "Bắt buộc với hội nghị, tuyên truyền lưu động, cuộc thi, Ngày Pháp luật, trợ giúp "
        "pháp lý, sinh hoạt thôn."
    ),
    "participants_urban": gettext_noop(
        "Để trống cả Thành thị và Nông thôn: tính theo khu vực của đơn vị. Thành thị cộng "
        "Nông thôn không quá tổng số."
    ),
    "participants_note": gettext_noop(
        "Bắt buộc khi xã có người dự ở thành thị, hoặc phường có người dự ở nông thôn."
    ),
    "online_views": gettext_noop("Chỉ khi có phần trực tuyến."),
    "legal_documents": gettext_noop("Số, ký hiệu văn bản, cách nhau bằng dấu phẩy."),
}
