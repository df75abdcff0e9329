"""The personnel registry as a spreadsheet: export to XLSX, and import from it.

One row is one person in a PBGDPL role; the columns are :data:`REGISTRY_COLUMNS` (the
exported workbook also carries a "Hướng dẫn" sheet that explains each column and lists
the legal fields). The unit is given by its code ("Mã đơn vị") or by its name ("Đơn vị",
matched without diacritics among the units in force); an export carries both.

Three columns carry a person's history and status: "Từ ngày" (in the unit since: the start
of their history, default today), "Trạng thái" (Đang hoạt động, Tạm ngừng, Đã thôi; empty
is active) and "Ngày thôi/tạm ngừng" (required for the last two, refused for an active
person; never before "Từ ngày" nor after today) — written with ``person_set_status``.

The import only adds people. It is all or nothing: every row is checked first with
:func:`pbgdpl.training.services.person_input_clean` (the same rules as the form,
including duplicates against the registry), plus what only a file can get wrong
(unreadable dates, unknown unit names, the same person twice in the file, a unit the
importing user may not manage). If any row is wrong nothing is stored and the report
lists every problem as "Dòng 7 (Số điện thoại): …". Only a clean file is written, in
one transaction, through ``services.person_create``.

The file handling (size limits, zip-bomb guard, .xls/.csv detection) and the workbook
conventions are the shared ones of :mod:`pbgdpl.core.xlsx`.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold
from pbgdpl.core.xlsx import (
    GUIDE_SHEET_TITLE,
    SheetSpec,
    XlsxImportReport,
    XlsxRowError,
    bold_font,
    cell_date,
    cell_set,
    cell_text,
    list_validation_add,
    sheet_add,
    sheet_rows_read,
    upload_bytes,
    workbook_bytes,
    workbook_new,
    xlsx_errors_as,
)
from pbgdpl.laws.models import LegalField
from pbgdpl.people.identifiers import normalize_email, normalize_phone
from pbgdpl.people.permissions import can
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_list_valid

from . import services
from .models import Person, PersonRole, PersonStatus
from .services import PersonInput, TrainingInputError

__all__ = [
    "IMPORT_MAX_ROWS",
    "REGISTRY_COLUMNS",
    "RegistryImportReport",
    "RegistryPreviewRow",
    "RegistryRowError",
    "registry_export_xlsx",
    "registry_import_xlsx",
]

IMPORT_MAX_ROWS = 5000

# (key, header) in sheet order; headers are the file format, written in Vietnamese.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("full_name", gettext_noop("Họ và tên")),
    ("birth_date", gettext_noop("Ngày sinh")),
    ("phone", gettext_noop("Số điện thoại")),
    ("email", gettext_noop("Thư điện tử")),
    ("role", gettext_noop("Vai trò")),
    ("unit_code", gettext_noop("Mã đơn vị")),
    ("unit_name", gettext_noop("Đơn vị")),
    ("position", gettext_noop("Chức vụ, nơi công tác")),
    ("decision_number", gettext_noop("Số quyết định công nhận")),
    ("decision_date", gettext_noop("Ngày quyết định")),
    ("term_from", gettext_noop("Nhiệm kỳ từ")),
    ("term_to", gettext_noop("Nhiệm kỳ đến")),
    ("legal_fields", gettext_noop("Lĩnh vực phụ trách")),
    ("since", gettext_noop("Từ ngày")),
    ("status", gettext_noop("Trạng thái")),
    ("status_since", gettext_noop("Ngày thôi/tạm ngừng")),
)
REGISTRY_COLUMNS: tuple[str, ...] = tuple(header for _key, header in _COLUMNS)
REQUIRED_COLUMNS = ("full_name", "role")  # and one of unit_code / unit_name
DATE_KEYS = ("birth_date", "decision_date", "term_from", "term_to", "since", "status_since")
_HEADER = dict(_COLUMNS)
_KEY_ORDER = [key for key, _header in _COLUMNS]
REGISTRY_SHEET_TITLE = gettext_noop("Danh sách PBGDPL")  # at most 31 characters

# Common spellings of the headers in the units' own spreadsheets (folded).
_EXTRA_ALIASES = {
    "ho ten": "full_name",
    "ho va ten": "full_name",
    "dien thoai": "phone",
    "so dt": "phone",
    "sdt": "phone",
    "email": "email",
    "e-mail": "email",
    "ma xa": "unit_code",
    "ten don vi": "unit_name",
    "chuc vu": "position",
    "linh vuc": "legal_fields",
    "ngay ve don vi": "since",
    "ngay thoi": "status_since",
    "ngay tam ngung": "status_since",
}
# Columns a unit's own list often has and the import ignores (folded).
_IGNORED_HEADERS = {"stt", "tt", "so tt", "so thu tu", "ghi chu"}

# Short words for the roles (folded); the full labels are added in every language.
_ROLE_WORDS = {
    "bao cao vien": PersonRole.REPORTER,
    "bcv": PersonRole.REPORTER,
    "reporter": PersonRole.REPORTER,
    "tuyen truyen vien": PersonRole.PROPAGANDIST,
    "ttv": PersonRole.PROPAGANDIST,
    "propagandist": PersonRole.PROPAGANDIST,
    "can bo": PersonRole.OFFICIAL,
    "official": PersonRole.OFFICIAL,
}
# Words for the statuses (folded); the labels are added in every language.
_STATUS_WORDS = {
    "hoat dong": PersonStatus.ACTIVE,
    "dang hoat dong": PersonStatus.ACTIVE,
    "active": PersonStatus.ACTIVE,
    "tam ngung": PersonStatus.SUSPENDED,
    "tam dung": PersonStatus.SUSPENDED,
    "suspended": PersonStatus.SUSPENDED,
    "da thoi": PersonStatus.ENDED,
    "thoi": PersonStatus.ENDED,
    "ended": PersonStatus.ENDED,
}
_ROLE_SHORT = {
    PersonRole.REPORTER: gettext_noop("Báo cáo viên"),
    PersonRole.PROPAGANDIST: gettext_noop("Tuyên truyền viên"),
    PersonRole.OFFICIAL: gettext_noop("Cán bộ"),
}
_UNIT_PREFIXES = ("thanh pho ", "thi tran ", "dac khu ", "phuong ", "tinh ", "xa ")
_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")

# One problem of the file ("Dòng 7 (Số điện thoại): …").
RegistryRowError = XlsxRowError


@dataclass
class RegistryImportReport(XlsxImportReport):
    """What an import did (or, with ``dry_run``, would do). With any error nothing was
    stored and ``created`` counts the people the file would add once corrected;
    ``person_ids`` lists the people written (none on a dry run or an error)."""

    person_ids: list[int] = field(default_factory=list)
    preview: list[RegistryPreviewRow] = field(default_factory=list)


@dataclass(frozen=True)
class RegistryPreviewRow:
    """One person a checked file would add, as the preview lists them."""

    row: int
    full_name: str
    role: str  # label
    unit: str  # name
    status: str  # label, with its date when not active


PREVIEW_MAX_ROWS = 500


# --------------------------------------------------------------------------- export


def _column_label(key: str) -> str:
    return _(_HEADER[key]) if key in _HEADER else ""


def _role_short(role: str) -> str:
    return _(_ROLE_SHORT[role]) if role in _ROLE_SHORT else role


def _status_short(status: str) -> str:
    return str(PersonStatus(status).label) if status in PersonStatus.values else status


def _person_row(person: Person) -> list[Any]:
    fields = sorted(person.legal_fields.all(), key=lambda f: fold(f.name))
    current = next((m for m in person.moves.all() if m.until is None), None)
    active = person.status == PersonStatus.ACTIVE
    return [
        person.full_name,
        person.birth_date,
        person.phone,
        person.email,
        _role_short(person.role),
        person.unit.code,
        person.unit.name,
        person.position,
        person.decision_number,
        person.decision_date,
        person.term_from,
        person.term_to,
        ", ".join(f.name for f in fields),
        current.since if current is not None else None,
        _status_short(person.status),
        None if active else person.status_since,
    ]


def registry_export_xlsx(*, people: Any) -> bytes:
    """The registry rows ``people`` (a QuerySet or an iterable of Person; empty gives a
    blank template) as an XLSX workbook that :func:`registry_import_xlsx` reads: the
    list sheet (header frozen, dates as date cells, phone numbers as text, a drop-down
    for the role) and a "Hướng dẫn" sheet describing each column and listing the legal
    fields. The caller chooses the people the user may see (e.g. with
    ``selectors.people_visible(user)``)."""
    if hasattr(people, "select_related"):
        people = people.select_related("unit").prefetch_related("legal_fields", "moves")
    people = list(people)
    workbook = workbook_new()
    sheet = sheet_add(
        workbook,
        _(REGISTRY_SHEET_TITLE),
        [_(h) for h in REGISTRY_COLUMNS],
        (_person_row(person) for person in people),
        wrap=[8, 13],
        widths={1: 28, 2: 12, 3: 14, 4: 28, 5: 18, 6: 10, 7: 24, 8: 36, 13: 36, 14: 12, 15: 16},
    )
    last_row = max(len(people) + 1, 2) + IMPORT_MAX_ROWS
    list_validation_add(
        sheet,
        column=_KEY_ORDER.index("role") + 1,
        values=[_(label) for label in _ROLE_SHORT.values()],
        last_row=last_row,
    )
    list_validation_add(
        sheet,
        column=_KEY_ORDER.index("status") + 1,
        values=[str(label) for label in PersonStatus.labels],
        last_row=last_row,
    )

    guide = sheet_add(
        workbook,
        _(GUIDE_SHEET_TITLE),
        [_("Cột"), _("Bắt buộc"), _("Nội dung, giá trị hợp lệ")],
        _guide_rows(),
        wrap=[3],
        widths={1: 26, 2: 12, 3: 100},
        autofilter=False,
    )
    row = guide.max_row + 2
    cell_set(guide, row, 1, _("Cách nhập")).font = bold_font()
    notes = _guide_notes()
    for offset, text in enumerate(notes, start=1):
        cell_set(guide, row + offset, 1, text)
    row += len(notes) + 2
    cell_set(guide, row, 1, _("Danh mục lĩnh vực")).font = bold_font()
    cell_set(guide, row + 1, 1, _("Mã")).font = bold_font()
    cell_set(guide, row + 1, 2, _("Tên")).font = bold_font()
    fields = sorted(LegalField.objects.values_list("code", "name"), key=lambda f: fold(f[1]))
    for offset, (code, name) in enumerate(fields, start=2):
        cell_set(guide, row + offset, 1, code)
        cell_set(guide, row + offset, 2, name)
    return workbook_bytes(workbook)


def _guide_rows() -> list[list[str]]:
    yes, no = _("Có"), _("Không")
    date_hint = _("Ngày dạng dd/mm/yyyy (ví dụ 05/09/1985) hoặc ô kiểu ngày.")
    return [
        [_(_HEADER["full_name"]), yes, _("Họ và tên đầy đủ, tối đa 120 ký tự.")],
        [_(_HEADER["birth_date"]), no, date_hint],
        [
            _(_HEADER["phone"]),
            no,
            _(
                "Số điện thoại di động hoặc cố định, ví dụ 0905 123 456 hoặc +84 905 123 456. "
                "Mỗi số chỉ thuộc một người."
            ),
        ],
        [_(_HEADER["email"]), no, _("Địa chỉ thư điện tử; mỗi địa chỉ chỉ thuộc một người.")],
        [
            _(_HEADER["role"]),
            yes,
            _("Báo cáo viên, Tuyên truyền viên hoặc Cán bộ (làm công tác PBGDPL)."),
        ],
        [
            _(_HEADER["unit_code"]),
            _("Mã hoặc tên"),
            _("Mã đơn vị hành chính hiện hành (xã, phường, đặc khu, tỉnh)."),
        ],
        [
            _(_HEADER["unit_name"]),
            _("Mã hoặc tên"),
            _(
                "Tên đơn vị, ví dụ “Xã Ia Hrú” (không phân biệt dấu, hoa thường). Nếu có cả mã "
                "thì mã được dùng và tên phải khớp với mã."
            ),
        ],
        [_(_HEADER["position"]), no, _("Chức vụ, nơi công tác, tối đa 200 ký tự.")],
        [
            _(_HEADER["decision_number"]),
            _("Báo cáo viên"),
            _("Số quyết định công nhận; bắt buộc với báo cáo viên pháp luật."),
        ],
        [_(_HEADER["decision_date"]), no, date_hint + " " + _("Không sau ngày hôm nay.")],
        [_(_HEADER["term_from"]), no, date_hint],
        [_(_HEADER["term_to"]), no, date_hint + " " + _("Sau ngày bắt đầu nhiệm kỳ.")],
        [
            _(_HEADER["legal_fields"]),
            no,
            _("Mã hoặc tên lĩnh vực trong danh mục bên dưới, cách nhau bởi dấu phẩy."),
        ],
        [
            _(_HEADER["since"]),
            no,
            date_hint
            + " "
            + _(
                "Ngày người này bắt đầu làm công tác ở đơn vị (bắt đầu lịch sử công tác); để "
                "trống là hôm nay. Không sau ngày hôm nay."
            ),
        ],
        [
            _(_HEADER["status"]),
            no,
            _("Đang hoạt động, Tạm ngừng hoặc Đã thôi; để trống là Đang hoạt động."),
        ],
        [
            _(_HEADER["status_since"]),
            _("Khi tạm ngừng, đã thôi"),
            date_hint
            + " "
            + _(
                "Ngày bắt đầu tạm ngừng hoặc ngày thôi; bắt buộc khi trạng thái là Tạm ngừng "
                "hoặc Đã thôi, bỏ trống khi Đang hoạt động. Không trước cột Từ ngày, không sau "
                "ngày hôm nay."
            ),
        ],
    ]


def _guide_notes() -> list[str]:
    return [
        _("Mỗi dòng một người; dòng 1 là tiêu đề cột, giữ nguyên tiêu đề như tệp mẫu."),
        _(
            "Tệp .xlsx tối đa 5 MB và 5.000 người; chỉ đọc trang tính đầu tiên (không đọc "
            "trang Hướng dẫn). Cột STT và Ghi chú được bỏ qua."
        ),
        _(
            "Nếu có dòng lỗi, không người nào được lưu: hệ thống liệt kê mọi lỗi theo số dòng "
            "để sửa rồi nhập lại."
        ),
        _(
            "Người đã có trong danh sách (cùng số điện thoại, thư điện tử, hoặc cùng họ tên và "
            "ngày sinh) hoặc xuất hiện hai lần trong tệp bị từ chối; người chuyển đơn vị thì "
            "dùng chức năng chuyển đơn vị."
        ),
        _("Chỉ nhập được người của các đơn vị mà bạn được giao quản lý."),
    ]


# --------------------------------------------------------------------------- import: file


_REGISTRY_SHEET = SheetSpec(
    columns=_COLUMNS,
    aliases=_EXTRA_ALIASES,
    required=REQUIRED_COLUMNS,
    required_any=(("unit_code", "unit_name"),),
    ignored=frozenset(_IGNORED_HEADERS),
    max_rows=IMPORT_MAX_ROWS,
    too_many=gettext_noop(
        "Tệp có hơn 5.000 người: hãy chia thành nhiều tệp, mỗi tệp tối đa 5.000 dòng."
    ),
    no_header=gettext_noop(
        "Không thấy dòng tiêu đề cột (Họ và tên, Vai trò, Mã đơn vị, …): hãy dùng tệp mẫu "
        "tải từ danh sách."
    ),
    no_rows=gettext_noop("Tệp không có người nào (chỉ có dòng tiêu đề)."),
)


# --------------------------------------------------------------------------- import: rows


def _phone_text(raw: Any) -> str:
    """The phone cell as text; a number cell lost its leading zero in Excel
    (905123456), which is put back."""
    text = cell_text(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and len(text) in (9, 10):
        return "0" + text
    return text


def _role_lookup() -> dict[str, str]:
    lookup = dict(_ROLE_WORDS)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in PersonRole.choices:
                lookup[fold(str(label))] = value
            for value, short in _ROLE_SHORT.items():
                lookup[fold(_(short))] = value
    return lookup


def _status_lookup() -> dict[str, str]:
    lookup = dict(_STATUS_WORDS)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in PersonStatus.choices:
                lookup[fold(str(label))] = value
    return lookup


def _field_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, name in LegalField.objects.values_list("code", "name"):
        lookup[fold(name)] = code
        lookup[fold(code)] = code
    return lookup


def _legal_fields_split(text: str, lookup: dict[str, str]) -> list[str]:
    """Comma-separated fields as codes (unknown ones kept as written, for the service
    to report). A field whose own name has a comma ("Khiếu nại, tố cáo") is found by
    trying the longest run of pieces first."""
    pieces = [p for p in _LIST_SPLIT.split(text) if p.strip()]
    values: list[str] = []
    start = 0
    while start < len(pieces):
        for end in range(len(pieces), start, -1):
            code = lookup.get(fold(", ".join(pieces[start:end])))
            if code is not None:
                values.append(code)
                start = end
                break
        else:
            values.append(pieces[start])
            start += 1
    return values


def _unit_key(name: str) -> str:
    folded = fold(name)
    for prefix in _UNIT_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


@dataclass
class _Units:
    """The units in force, by code and by folded name (with and without "Xã", …)."""

    by_code: dict[str, Unit]
    by_name: dict[str, list[Unit]]
    by_bare_name: dict[str, list[Unit]]

    @classmethod
    def load(cls) -> _Units:
        by_code: dict[str, Unit] = {}
        by_name: dict[str, list[Unit]] = {}
        by_bare_name: dict[str, list[Unit]] = {}
        for unit in unit_list_valid().only("id", "code", "name", "path", "kind"):
            by_code[unit.code] = unit
            by_name.setdefault(fold(unit.name), []).append(unit)
            by_bare_name.setdefault(_unit_key(unit.name), []).append(unit)
        return cls(by_code=by_code, by_name=by_name, by_bare_name=by_bare_name)

    def named(self, name: str, *, actor: Any) -> tuple[Unit | None, str]:
        """The unit called ``name``, or None and why. Several units of that name: the
        one the actor manages, if only one."""
        found = self.by_name.get(fold(name)) or self.by_bare_name.get(_unit_key(name)) or []
        if len(found) > 1:
            mine = [u for u in found if can(actor, "training.registry", u)]
            found = mine if len(mine) == 1 else found
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, _(
                "Không tìm thấy đơn vị “%(name)s” trong danh mục đơn vị hành chính hiện hành."
            ) % {"name": name[:80]}
        return None, _("Có nhiều đơn vị tên “%(name)s”: hãy ghi Mã đơn vị.") % {"name": name[:80]}


@dataclass
class _Row:
    number: int
    data: PersonInput
    unit_key: str  # the column that named the unit
    status: str = PersonStatus.ACTIVE
    status_since: date | None = None
    unit_name: str = ""


def _row_input(
    values: dict[str, Any],
    *,
    actor: Any,
    units: _Units,
    roles: dict[str, str],
    fields: dict[str, str],
    statuses: dict[str, str],
    present: set[str],
) -> tuple[PersonInput, dict[str, str], str, tuple[str, date | None]]:
    """The row as a PersonInput, the problems only the spreadsheet form can have
    (column key → message), the column key that names the unit, and the status with its
    date."""
    problems: dict[str, str] = {}
    dates: dict[str, date | None] = {}
    for key in DATE_KEYS:
        dates[key], readable = cell_date(values.get(key))
        if not readable:
            problems[key] = _("Ngày không đúng dạng dd/mm/yyyy (ví dụ 05/09/1985).")
    status = _status_check(values, dates, statuses, problems)
    raw_role = cell_text(values.get("role"))
    role = roles.get(fold(raw_role), raw_role)

    code = cell_text(values.get("unit_code"))
    name = cell_text(values.get("unit_name"))
    unit_key = "unit_code" if code or "unit_name" not in present else "unit_name"
    unit_code = code
    if code:
        unit = units.by_code.get(code)
        if unit is not None and name and fold(name) != fold(unit.name):
            problems["unit_name"] = _("Tên đơn vị không khớp với mã %(code)s (%(name)s).") % {
                "code": code,
                "name": unit.name,
            }
    elif name:
        unit, problem = units.named(name, actor=actor)
        if unit is None:
            problems["unit_name"] = problem
        else:
            unit_code = unit.code
    else:
        problems[unit_key] = _("Ghi mã đơn vị hoặc tên đơn vị.")
    data = PersonInput(
        full_name=cell_text(values.get("full_name")),
        role=role,
        unit=unit_code,
        birth_date=dates["birth_date"],
        phone=_phone_text(values.get("phone")),
        email=cell_text(values.get("email")),
        position=cell_text(values.get("position")),
        decision_number=cell_text(values.get("decision_number")),
        decision_date=dates["decision_date"],
        term_from=dates["term_from"],
        term_to=dates["term_to"],
        legal_fields=_legal_fields_split(cell_text(values.get("legal_fields")), fields),
        since=dates["since"],
    )
    return data, problems, unit_key, (status, dates["status_since"])


def _status_check(
    values: dict[str, Any],
    dates: dict[str, date | None],
    statuses: dict[str, str],
    problems: dict[str, str],
) -> str:
    """The row's status; problems of the "Từ ngày", "Trạng thái" and "Ngày thôi/tạm
    ngừng" columns are added to ``problems``."""
    today = timezone.localdate()
    since, status_since = dates["since"], dates["status_since"]
    if since is not None and since > today:
        problems["since"] = _("Ngày không được sau hôm nay.")
    elif since is not None and dates["birth_date"] and since <= dates["birth_date"]:
        problems["since"] = _("Ngày bắt đầu phải sau ngày sinh.")
    raw = cell_text(values.get("status"))
    status = statuses.get(fold(raw)) if raw else PersonStatus.ACTIVE
    if status is None:
        problems["status"] = _("Trạng thái phải là Đang hoạt động, Tạm ngừng hoặc Đã thôi.")
        return raw
    if "status_since" in problems:
        return status
    if status == PersonStatus.ACTIVE:
        if status_since is not None:
            problems["status_since"] = _(
                "Chỉ ghi ngày này khi trạng thái là Tạm ngừng hoặc Đã thôi."
            )
    elif status_since is None:
        problems["status_since"] = _("Ghi ngày bắt đầu tạm ngừng hoặc ngày thôi (dd/mm/yyyy).")
    elif status_since > today:
        problems["status_since"] = _("Ngày không được sau hôm nay.")
    elif "since" not in problems and status_since < (since or today):
        problems["status_since"] = _(
            "Ngày thôi/tạm ngừng không được trước ngày bắt đầu ở cột Từ ngày (để trống cột "
            "đó là hôm nay)."
        )
    return status


def _identity_keys(data: PersonInput) -> list[tuple[str, str, str]]:
    """(column key, identity, what) for the in-file duplicate check: the normalised
    phone, the normalised e-mail, the folded name with the date of birth."""
    keys: list[tuple[str, str, str]] = []
    if data.phone.strip():
        with contextlib.suppress(ValueError):
            keys.append(("phone", "p:" + normalize_phone(data.phone), _("cùng số điện thoại")))
    if data.email.strip():
        keys.append(("email", "e:" + normalize_email(data.email), _("cùng thư điện tử")))
    if data.birth_date and data.full_name.strip():
        keys.append(
            (
                "full_name",
                f"n:{fold(data.full_name)}|{data.birth_date.isoformat()}",
                _("cùng họ tên và ngày sinh"),
            )
        )
    return keys


def _rows_check(
    *, actor: Any, rows: list[tuple[int, dict[str, Any]]], present: set[str]
) -> tuple[list[_Row], list[RegistryRowError]]:
    errors: list[RegistryRowError] = []
    units = _Units.load()
    roles = _role_lookup()
    fields = _field_lookup()
    statuses = _status_lookup()
    seen: dict[str, int] = {}
    checked: list[_Row] = []
    for number, values in rows:
        data, row_errors, unit_key, status = _row_input(
            values,
            actor=actor,
            units=units,
            roles=roles,
            fields=fields,
            statuses=statuses,
            present=present,
        )
        for key, identity, what in _identity_keys(data):
            if identity in seen:
                row_errors.setdefault(
                    key,
                    _("Trùng với dòng %(row)s (%(what)s).") % {"row": seen[identity], "what": what},
                )
            else:
                seen[identity] = number
        clean: dict[str, Any] = {}
        try:
            clean = services.person_input_clean(data)
        except TrainingInputError as exc:
            for name, message in exc.errors.items():
                key = unit_key if name == "unit" else name
                key = key if key in _HEADER else ""
                if key not in row_errors:  # our own, more precise message wins
                    row_errors[key] = message
        unit = clean.get("unit") or units.by_code.get(data.unit)
        if unit is not None and not can(actor, "training.registry", unit):
            row_errors[unit_key] = _("Bạn không được quản lý danh sách của đơn vị %(unit)s.") % {
                "unit": unit.name
            }
        order = [*_KEY_ORDER, ""]
        for key in sorted(row_errors, key=order.index):
            errors.append(RegistryRowError(number, _column_label(key), row_errors[key]))
        checked.append(
            _Row(
                number=number,
                data=data,
                unit_key=unit_key,
                status=status[0],
                status_since=status[1],
                unit_name=unit.name if unit is not None else "",
            )
        )
    return checked, errors


def _error_column(row: _Row, key: str) -> str:
    """The column of a service's error key."""
    return {"unit": row.unit_key, "status_since": "status_since"}.get(key, key)


def _preview_row(row: _Row) -> RegistryPreviewRow:
    role = row.data.role
    status = _status_short(row.status)
    if row.status != PersonStatus.ACTIVE and row.status_since:
        status = f"{status} ({row.status_since:%d/%m/%Y})"
    return RegistryPreviewRow(
        row=row.number,
        full_name=" ".join(row.data.full_name.split()),
        role=str(PersonRole(role).label) if role in PersonRole.values else role,
        unit=row.unit_name,
        status=status,
    )


def registry_import_xlsx(*, actor: Any, file: Any, dry_run: bool = False) -> RegistryImportReport:
    """Add the people of an uploaded XLSX (bytes or a file-like object, e.g. a Django
    UploadedFile) to the registry.

    Raises PermissionDenied before reading anything unless ``actor`` holds
    "training.registry" somewhere; raises TrainingInputError (field "file") for a file
    that is not a readable .xlsx, is empty or over 5 MB, has no header row, unknown or
    missing required columns, no rows, or more than 5,000 rows.

    Otherwise returns a report. Every row is checked; a row whose unit the actor may not
    manage is an error for that row. If any row is wrong, ``errors`` lists them all and
    nothing is stored. Else (unless ``dry_run``) every row is added in one transaction
    through ``services.person_create`` and the import is written once to the audit log
    as "training.registry.import".
    """
    if not can(actor, "training.registry"):
        raise PermissionDenied("training.registry")
    with xlsx_errors_as(TrainingInputError):
        data = upload_bytes(file)
        rows, present = sheet_rows_read(data, _REGISTRY_SHEET)
    checked, errors = _rows_check(actor=actor, rows=rows, present=present)
    report = RegistryImportReport(
        rows=len(rows), created=len(checked), errors=errors, dry_run=dry_run
    )
    if not errors:
        report.preview = [_preview_row(row) for row in checked[:PREVIEW_MAX_ROWS]]
    if errors or dry_run:
        return report
    current = checked[0]
    try:
        with transaction.atomic():
            for current in checked:
                person = services.person_create(actor=actor, data=current.data)
                if current.status != PersonStatus.ACTIVE:
                    services.person_set_status(
                        actor=actor,
                        person=person,
                        status=current.status,
                        since=current.status_since,
                    )
                report.person_ids.append(person.pk)
            units = sorted(
                set(Person.objects.filter(pk__in=report.person_ids).values_list("unit__code"))
            )
            audit_record(
                action="training.registry.import",
                actor=actor,
                object_type="training.person",
                object_id="",
                object_repr=_("Nhập danh sách từ tệp XLSX"),
                unit_code=units[0][0] if len(units) == 1 else "",
                data={"rows": report.rows, "created": len(report.person_ids)},
            )
    except TrainingInputError as exc:  # changed between the check and the write
        report.person_ids = []
        report.errors = [
            RegistryRowError(current.number, _column_label(_error_column(current, k)), m)
            for k, m in exc.errors.items()
        ]
    except PermissionDenied:
        report.person_ids = []
        report.errors = [
            RegistryRowError(
                current.number,
                _column_label(current.unit_key),
                _("Bạn không được quản lý danh sách của đơn vị này."),
            )
        ]
    return report
