"""XLSX workbooks: the generic pieces every spreadsheet export and import shares.

Reading (an uploaded file that should be an .xlsx):

- :func:`upload_bytes` reads the upload (bytes or a file-like object such as a Django
  UploadedFile) with a 5 MB cap and recognises .xls/.csv/.ods by name;
- :func:`workbook_open` opens the bytes read-only, refusing an old .xls, anything that
  is not a zip holding a workbook, a zip that unpacks to more than 60 MB, and a damaged
  file;
- :func:`data_sheet` finds the sheet holding the data (the first one that is not a
  "Hướng dẫn" guide, in any language of the site); :func:`cell_text` reads a cell as
  tidy NFC text; :func:`header_aliases` maps each column header, in every language, to
  its key;
- :func:`sheet_rows_read` reads a whole list sheet described by a :class:`SheetSpec`
  (header row found in the first rows, aliases, required columns, row limits) into
  (row number, {key: raw value}) pairs; :func:`cell_date` reads a date cell or a date
  typed as text.

These refuse with :class:`XlsxInputError` (field ``"file"``, a Vietnamese message);
each app turns it into its own input error with :func:`xlsx_errors_as`. A problem of
one row is an :class:`XlsxRowError` ("Dòng 7 (Đáp án đúng): …").

Writing (conventions of every workbook of the site):

- row 1 holds the headers, bold, filled and frozen; columns are sized to their text
  (:func:`sheet_add`);
- numbers are stored as numbers with the format ``#,##0`` (a Vietnamese Excel shows
  ``1.234``), dates and times as real date cells in local time (Asia/Ho_Chi_Minh) shown
  as ``dd/mm/yyyy`` or ``dd/mm/yyyy hh:mm:ss`` (:func:`cell_set`);
- text is always written as text: a name or a question starting with ``=`` stays that
  text and is never run as a formula (spreadsheet formula injection), and characters a
  spreadsheet cannot hold are dropped (:func:`xlsx_value`).

openpyxl is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pbgdpl.core.text import fold

__all__ = [
    "COLUMN_WIDTH_MAX",
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "GUIDE_SHEET_TITLE",
    "INTEGER_FORMAT",
    "UPLOAD_MAX_BYTES",
    "UPLOAD_MAX_UNZIPPED_BYTES",
    "SheetSpec",
    "XlsxImportReport",
    "XlsxInputError",
    "XlsxRowError",
    "bold_font",
    "cell_date",
    "cell_set",
    "cell_text",
    "data_sheet",
    "header_aliases",
    "header_columns",
    "list_validation_add",
    "sheet_add",
    "sheet_rows_read",
    "upload_bytes",
    "workbook_bytes",
    "workbook_new",
    "workbook_open",
    "xlsx_errors_as",
    "xlsx_value",
]

UPLOAD_MAX_BYTES = 5 * 1024 * 1024  # the messages below say "5 MB"
UPLOAD_MAX_UNZIPPED_BYTES = 60 * 1024 * 1024  # a 5 MB upload must not unpack to gigabytes
INTEGER_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"
COLUMN_WIDTH_MAX = 60
GUIDE_SHEET_TITLE = gettext_noop("Hướng dẫn")
SHEET_MAX_SCANNED_ROWS = 50_000  # rows read by sheet_rows_read, empty ones included
SHEET_MAX_COLUMNS = 40
HEADER_SEARCH_ROWS = 10
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")

_XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # OLE2 compound file: Excel 97–2003


# --------------------------------------------------------------------------- errors


class XlsxInputError(ValueError):
    """An uploaded file refused; ``errors`` maps the field (always ``"file"``) to a
    Vietnamese message, the shape of the apps' own input errors."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def _refuse(message: str) -> XlsxInputError:
    return XlsxInputError({"file": message})


@contextlib.contextmanager
def xlsx_errors_as(error_class: type[Exception]) -> Iterator[None]:
    """Re-raise an :class:`XlsxInputError` of the block as ``error_class(errors)`` (e.g.
    ContestInputError), so an app's callers see only the app's own error type."""
    try:
        yield
    except XlsxInputError as exc:
        raise error_class(exc.errors) from None


@dataclass(frozen=True)
class XlsxRowError:
    """One problem of an imported file: its spreadsheet row (1 = header), the column
    header (empty when it concerns the whole row) and a Vietnamese message."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Dòng %(row)s (%(column)s): %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Dòng %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class XlsxImportReport:
    """What an import did (or, with ``dry_run``, would do): the rows read, how many
    records it created (or would create once the file is corrected) and the row errors.
    With any error nothing was stored. Apps extend it with their own counts."""

    rows: int = 0
    created: int = 0
    errors: list[XlsxRowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def stored(self) -> bool:
        """Whether the records were written."""
        return self.ok and not self.dry_run

    def messages(self) -> list[str]:
        """The errors as lines to show ("Dòng 7 (Số điện thoại): …")."""
        return [str(e) for e in self.errors]


# --------------------------------------------------------------------------- reading


def upload_bytes(file: Any) -> bytes:
    """The content of an upload: ``bytes`` (or bytearray, memoryview) as is, else a
    file-like object read from its start. Refuses (:class:`XlsxInputError`) no file, an
    empty file, more than :data:`UPLOAD_MAX_BYTES`, a text stream, and a name ending in
    .xls, .csv or .ods, each with its own message."""
    if isinstance(file, bytes | bytearray | memoryview):
        data = bytes(file)
    else:
        if file is None or not hasattr(file, "read"):
            raise _refuse(_("Chưa chọn tệp để nhập."))
        size = getattr(file, "size", None)
        if isinstance(size, int) and size > UPLOAD_MAX_BYTES:
            raise _refuse(_("Tệp lớn hơn 5 MB: hãy chia thành nhiều tệp."))
        name = str(getattr(file, "name", "") or "").lower()
        if name.endswith(".xls"):
            raise _refuse(_("Tệp .xls (Excel 97–2003) không được hỗ trợ: hãy lưu lại dạng .xlsx."))
        if name.endswith((".csv", ".ods")):
            raise _refuse(_("Chỉ nhận bảng tính Excel .xlsx: hãy lưu lại tệp dạng .xlsx."))
        if hasattr(file, "seek"):
            with contextlib.suppress(OSError, ValueError):
                file.seek(0)
        data = file.read(UPLOAD_MAX_BYTES + 1)
        if isinstance(data, str):
            raise _refuse(_("Tệp không phải bảng tính Excel .xlsx."))
    if not data:
        raise _refuse(_("Tệp rỗng."))
    if len(data) > UPLOAD_MAX_BYTES:
        raise _refuse(_("Tệp lớn hơn 5 MB: hãy chia thành nhiều tệp."))
    return data


def workbook_open(data: bytes) -> Any:
    """The workbook in ``data``, opened read-only with cached values (``data_only``);
    the caller closes it. Refuses (:class:`XlsxInputError`) an Excel 97–2003 file,
    anything that is not a zip with ``xl/workbook.xml``, a zip unpacking to more than
    :data:`UPLOAD_MAX_UNZIPPED_BYTES`, and a file openpyxl cannot read."""
    from openpyxl import load_workbook

    if data.startswith(_XLS_MAGIC):
        raise _refuse(_("Tệp .xls (Excel 97–2003) không được hỗ trợ: hãy lưu lại dạng .xlsx."))
    not_xlsx = _(
        "Tệp không phải bảng tính Excel .xlsx (hoặc đã hỏng): hãy mở bằng Excel hay "
        "LibreOffice và lưu lại dạng .xlsx."
    )
    if not data.startswith(b"PK"):
        raise _refuse(not_xlsx)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(not_xlsx) from None
    if "xl/workbook.xml" not in names:
        raise _refuse(not_xlsx)
    if unpacked > UPLOAD_MAX_UNZIPPED_BYTES:
        raise _refuse(_("Tệp quá lớn khi giải nén: hãy chia thành nhiều tệp."))
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise _refuse(not_xlsx) from None


def cell_text(value: Any) -> str:
    """A cell value as text: None is empty, booleans "1"/"0", a whole float without
    ".0" (Excel stores 12 as 12.0), anything else NFC-normalised and stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def data_sheet(workbook: Any, *, skip_titles: Iterable[str] = (GUIDE_SHEET_TITLE,)) -> Any:
    """The first sheet of ``workbook`` whose title is none of ``skip_titles`` (untranslated
    messages, compared folded in every language of the site), or None."""
    skipped = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            skipped.update(fold(_(title)) for title in skip_titles)
    for sheet in workbook.worksheets:
        if fold(sheet.title) not in skipped:
            return sheet
    return None


def header_aliases(
    columns: Iterable[tuple[str, str]], *, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """Folded header → column key for ``columns`` ((key, untranslated header) pairs), in
    every language of the site and untranslated (a template exported in English imports
    on a Vietnamese screen and the reverse), on top of ``extra`` (folded header → key)."""
    columns = list(columns)
    aliases: dict[str, str] = dict(extra or {})
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for key, header in columns:
                aliases[fold(_(header))] = key
    for key, header in columns:
        aliases[fold(header)] = key
    return aliases


def header_columns(
    texts: list[str],
    *,
    aliases: dict[str, str],
    row: int,
    labels: dict[str, str],
    required: Iterable[str],
    all_columns: Iterable[str],
    ignored: Iterable[str] = (),
    required_any: Iterable[tuple[str, str]] = (),
) -> dict[int, str]:
    """Match a header row: column index → key, through ``aliases`` (see
    :func:`header_aliases`; a trailing ``*`` or ``:`` is forgiven). ``labels`` gives each
    key's untranslated header, ``required`` the keys that must be there,
    ``required_any`` pairs of which at least one must be there, ``ignored`` folded
    headers to skip (e.g. "stt"). Unknown, repeated or missing columns raise
    :class:`XlsxInputError` naming them all and listing ``all_columns`` (untranslated
    headers)."""
    columns: dict[int, str] = {}
    unknown: list[str] = []
    repeated: list[str] = []
    ignored = set(ignored)
    for index, text in enumerate(texts):
        if not text:
            continue
        folded = fold(text).rstrip(" *:")
        if folded in ignored:
            continue
        key = aliases.get(folded)
        if key is None:
            unknown.append(text[:40])
        elif key in columns.values():
            repeated.append(text[:40])
        else:
            columns[index] = key
    present = set(columns.values())
    missing = [_(labels[k]) for k in required if k not in present]
    for first, second in required_any:
        if not {first, second} & present:
            missing.append(
                _("%(code)s hoặc %(name)s") % {"code": _(labels[first]), "name": _(labels[second])}
            )
    problems = []
    if missing:
        problems.append(_("thiếu cột bắt buộc %(cols)s") % {"cols": ", ".join(missing)})
    if unknown:
        problems.append(
            _("cột không nhận ra %(cols)s") % {"cols": ", ".join(f"“{u}”" for u in unknown)}
        )
    if repeated:
        problems.append(_("cột bị lặp %(cols)s") % {"cols": ", ".join(f"“{r}”" for r in repeated)})
    if problems:
        raise _refuse(
            _(
                "Dòng tiêu đề (dòng %(row)s) không đúng mẫu: %(problems)s. Các cột hợp lệ: "
                "%(columns)s."
            )
            % {
                "row": row,
                "problems": "; ".join(problems),
                "columns": ", ".join(_(h) for h in all_columns),
            }
        )
    return columns


@dataclass(frozen=True)
class SheetSpec:
    """How to read the list sheet of an import: the columns ((key, untranslated header)
    pairs), extra folded aliases, the required keys, pairs of which one is required,
    folded headers to ignore, and the refusals' words."""

    columns: tuple[tuple[str, str], ...]
    aliases: dict[str, str]
    required: tuple[str, ...]
    required_any: tuple[tuple[str, str], ...]
    ignored: frozenset[str]
    max_rows: int
    too_many: str  # untranslated message: more than max_rows rows
    no_header: str  # untranslated message: no header row found
    no_rows: str  # untranslated message: only the header


def sheet_rows_read(
    data: bytes, spec: SheetSpec
) -> tuple[list[tuple[int, dict[str, Any]]], set[str]]:
    """Read the list sheet (the first one that is not "Hướng dẫn"): (spreadsheet row
    number, {column key: raw cell value}) per non-empty data row, and the column keys
    the file has. Refuses (:class:`XlsxInputError`) a file that is not a readable .xlsx,
    has no usable header in its first rows, no rows or too many."""
    workbook = workbook_open(data)
    labels = dict(spec.columns)
    try:
        sheet = data_sheet(workbook, skip_titles=(GUIDE_SHEET_TITLE,))
        if sheet is None:
            raise _refuse(_("Tệp không có trang tính danh sách."))
        aliases = header_aliases(spec.columns, extra=spec.aliases)
        columns: dict[int, str] | None = None
        rows: list[tuple[int, dict[str, Any]]] = []
        for number, values in enumerate(
            sheet.iter_rows(max_col=SHEET_MAX_COLUMNS, values_only=True), start=1
        ):
            if number > SHEET_MAX_SCANNED_ROWS:
                raise _refuse(
                    _(
                        "Trang tính có quá nhiều dòng (kể cả dòng trống): xoá các dòng thừa "
                        "hoặc chia thành nhiều tệp."
                    )
                )
            if columns is None:
                texts = [cell_text(v) for v in values]
                if not any(texts):
                    continue
                if number > HEADER_SEARCH_ROWS:
                    break
                columns = header_columns(
                    texts,
                    aliases=aliases,
                    row=number,
                    labels=labels,
                    required=spec.required,
                    required_any=spec.required_any,
                    ignored=spec.ignored,
                    all_columns=[header for _key, header in spec.columns],
                )
                continue
            row = {
                key: values[i]
                for i, key in columns.items()
                if i < len(values) and cell_text(values[i])
            }
            if not row:
                continue
            rows.append((number, row))
            if len(rows) > spec.max_rows:
                raise _refuse(_(spec.too_many))
    finally:
        workbook.close()
    if columns is None:
        raise _refuse(_(spec.no_header))
    if not rows:
        raise _refuse(_(spec.no_rows))
    return rows, set(columns.values())


def cell_date(raw: Any) -> tuple[date | None, bool]:
    """A date cell or "dd/mm/yyyy" text (also "-" or "." separators, or ISO
    "yyyy-mm-dd") as a date, and whether it could be read: (None, True) for an empty
    cell, (None, False) for something that is not a date (a bare number included)."""
    if isinstance(raw, datetime):
        return raw.date(), True
    if isinstance(raw, date):
        return raw, True
    text = cell_text(raw)
    if not text:
        return None, True
    if isinstance(raw, int | float):  # a bare number is not a date we can trust
        return None, False
    match = _DMY.match(text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1])), True
        match = _YMD.match(text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3])), True
    except ValueError:
        pass
    return None, False


# --------------------------------------------------------------------------- writing


def xlsx_value(value: Any) -> Any:
    """A Python value as a cell can hold it: aware datetimes in local time without the
    zone (Excel has none), text without the control characters XLSX forbids."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def cell_set(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write one cell (1-based ``row`` and ``column``) and return it; text stays text
    (never a formula), integers, dates and datetimes get the Vietnamese display formats
    of this module."""
    cell = sheet.cell(row=row, column=column)
    value = xlsx_value(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # "=SUM(…)" typed by a user must not become a formula
    elif isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = INTEGER_FORMAT
    return cell


def _text_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def sheet_add(
    workbook: Any,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    wrap: Iterable[int] = (),
    widths: dict[int, int] | None = None,
    autofilter: bool = True,
) -> Any:
    """Add a sheet (``title`` cut to Excel's 31 characters) with a bold, filled, frozen
    header row and ``rows`` written with :func:`cell_set`; columns are sized to their
    content (at most :data:`COLUMN_WIDTH_MAX` characters; ``widths`` forces 1-based column
    widths) and the 1-based columns in ``wrap`` wrap their text; ``autofilter`` adds
    Excel's filter buttons to the header when there are rows."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    measured = [_text_width(h) for h in headers]
    for column, header in enumerate(headers, start=1):
        cell = cell_set(sheet, 1, column, header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = set(wrap)
    top_wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    number = 1
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = cell_set(sheet, number, column, value)
            cell.alignment = top_wrap if column in wrap else top
            if column <= len(measured):
                measured[column - 1] = max(measured[column - 1], _text_width(cell.value))
    sheet.freeze_panes = "A2"
    for column, width in enumerate(measured, start=1):
        chosen = (widths or {}).get(column, min(max(width + 2, 8), COLUMN_WIDTH_MAX))
        sheet.column_dimensions[get_column_letter(column)].width = chosen
    if autofilter and number > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{number}"
    return sheet


def list_validation_add(sheet: Any, *, column: int, values: Sequence[str], last_row: int) -> None:
    """A drop-down list of ``values`` on the 1-based ``column`` of ``sheet``, rows 2 to
    ``last_row``; other values stay allowed (no error box), blanks too."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=False,
    )
    letter = get_column_letter(column)
    validation.add(f"{letter}2:{letter}{last_row}")
    sheet.add_data_validation(validation)


def bold_font() -> Any:
    """A bold font, for a heading cell outside the header row."""
    from openpyxl.styles import Font

    return Font(bold=True)


def workbook_new() -> Any:
    """An empty workbook (its default sheet removed)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def workbook_bytes(workbook: Any) -> bytes:
    """The workbook saved as XLSX bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
