"""The question bank as a spreadsheet: export to XLSX, and import from it.

One row is one question; the columns are :data:`BANK_COLUMNS` (the exported workbook
also carries a "Hướng dẫn" sheet that explains each column and lists the legal fields).
An exported workbook imports back unchanged: rows whose "Mã" names an existing question
update it, rows without "Mã" add new drafts, rows identical to the stored question are
left alone (so re-importing a whole export does not send approved questions back to
review).

The import is all or nothing. Every row is checked first with
:func:`pbgdpl.contests.services.item_input_clean` (the same rules as the form), plus
duplicates inside the file and against the bank; if any row is wrong nothing is stored
and the report lists every problem as "Dòng 7 (Đáp án đúng): …". Only a clean file is
written, in one transaction, through ``services.item_create``/``services.item_update``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold
from pbgdpl.core.xlsx import (
    GUIDE_SHEET_TITLE,
    UPLOAD_MAX_BYTES,
    XlsxImportReport,
    XlsxRowError,
    bold_font,
    cell_set,
    cell_text,
    data_sheet,
    header_aliases,
    header_columns,
    list_validation_add,
    sheet_add,
    upload_bytes,
    workbook_bytes,
    workbook_new,
    workbook_open,
    xlsx_errors_as,
)
from pbgdpl.laws.models import LegalField
from pbgdpl.people.permissions import can, require
from pbgdpl.units.models import Unit

from . import services
from .models import Difficulty, Item
from .services import ContestInputError, ContestStateError, ItemInput

IMPORT_MAX_BYTES = UPLOAD_MAX_BYTES  # the cap of every XLSX upload
IMPORT_MAX_ROWS = 2000
IMPORT_MAX_SCANNED_ROWS = 20_000  # rows read, empty ones included
IMPORT_MAX_COLUMNS = 40
HEADER_SEARCH_ROWS = 10
LETTERS = "ABCDEF"

# (key, header) in sheet order; headers are the file format, written in Vietnamese.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", gettext_noop("Mã")),
    ("stem", gettext_noop("Câu hỏi")),
    ("choice_a", gettext_noop("Phương án A")),
    ("choice_b", gettext_noop("Phương án B")),
    ("choice_c", gettext_noop("Phương án C")),
    ("choice_d", gettext_noop("Phương án D")),
    ("choice_e", gettext_noop("Phương án E")),
    ("choice_f", gettext_noop("Phương án F")),
    ("correct", gettext_noop("Đáp án đúng")),
    ("legal_field", gettext_noop("Lĩnh vực")),
    ("difficulty", gettext_noop("Độ khó")),
    ("explanation", gettext_noop("Giải thích")),
    ("citation_number", gettext_noop("Số ký hiệu văn bản")),
    ("citation_article", gettext_noop("Điều")),
    ("citation_detail", gettext_noop("Khoản, điểm")),
    ("tags", gettext_noop("Nhãn")),
    ("practice", gettext_noop("Dùng luyện tập")),
)
BANK_COLUMNS: tuple[str, ...] = tuple(header for _key, header in _COLUMNS)
REQUIRED_COLUMNS = ("stem", "choice_a", "choice_b", "correct", "legal_field")
CHOICE_KEYS = tuple(f"choice_{letter.lower()}" for letter in LETTERS)
_HEADER = dict(_COLUMNS)
BANK_SHEET_TITLE = gettext_noop("Ngân hàng câu hỏi")

# Which column a message of item_input_clean belongs to.
_FIELD_COLUMN = {
    "stem": "stem",
    "choices": "choices",
    "correct": "correct",
    "legal_field": "legal_field",
    "difficulty": "difficulty",
    "explanation": "explanation",
    "tags": "tags",
    "citation_number": "citation_number",
    "citation_article": "citation_article",
    "citation_detail": "citation_detail",
    "practice": "practice",
}

_ERROR_ORDER = (
    "id",
    "stem",
    "choices",
    "correct",
    "legal_field",
    "difficulty",
    "explanation",
    "citation_number",
    "citation_article",
    "citation_detail",
    "tags",
    "practice",
    "",
)

_DIFFICULTY_WORDS = {
    "de": Difficulty.EASY,
    "easy": Difficulty.EASY,
    "trung binh": Difficulty.MEDIUM,
    "tb": Difficulty.MEDIUM,
    "medium": Difficulty.MEDIUM,
    "kho": Difficulty.HARD,
    "hard": Difficulty.HARD,
}
_YES = {"co", "c", "x", "1", "yes", "y", "true", "dung"}
_NO = {"khong", "k", "0", "no", "n", "false"}
_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")
_LETTERS_SPLIT = re.compile(r"(?:\s*[,;/+&]\s*|\s+va\s+|\s+and\s+|\s+)", re.IGNORECASE)


# One problem of the file ("Dòng 7 (Đáp án đúng): …").
BankRowError = XlsxRowError


@dataclass
class BankImportReport(XlsxImportReport):
    """What an import did (or, with ``dry_run``, would do). With any error nothing was
    stored and ``created``/``updated``/``unchanged`` count what the file would have
    done once corrected; ``item_ids`` lists the questions written (none on a dry run
    or an error)."""

    updated: int = 0
    unchanged: int = 0
    item_ids: list[int] = field(default_factory=list)


# --------------------------------------------------------------------------- export


def _column_label(key: str) -> str:
    if key == "choices":
        return _("Phương án")
    return _(_HEADER[key]) if key in _HEADER else ""


def _difficulty_label(value: str) -> str:
    return str(Difficulty(value).label) if value in Difficulty.values else value


def _item_row(item: Item) -> list[Any]:
    choices = sorted(item.choices.all(), key=lambda c: c.position)
    texts = [c.text for c in choices][: len(LETTERS)]
    texts += [""] * (len(LETTERS) - len(texts))
    correct = ", ".join(LETTERS[i] for i, c in enumerate(choices[: len(LETTERS)]) if c.is_correct)
    return [
        item.pk,
        item.stem,
        *texts,
        correct,
        item.legal_field.name,
        _difficulty_label(item.difficulty),
        item.explanation,
        item.citation_number,
        item.citation_article,
        item.citation_detail,
        ", ".join(item.tags or []),
        _("Có") if item.practice else _("Không"),
    ]


def items_export_xlsx(*, items: Any) -> bytes:
    """The questions ``items`` (a QuerySet or an iterable of Item; empty gives a blank
    template) as an XLSX workbook that :func:`items_import_xlsx` reads back: the bank
    sheet (header frozen, sized and wrapped columns, drop-down lists for difficulty and
    practice) and a "Hướng dẫn" sheet describing each column and listing the legal
    fields. The caller chooses the items the user may see (e.g. with
    ``filter_permitted(user, "contests.bank", Item.objects.all())``)."""
    if hasattr(items, "select_related"):
        items = items.select_related("legal_field").prefetch_related("choices")
    items = list(items)
    workbook = workbook_new()
    wrap = [2, *range(3, 9), 12]
    widths = {1: 8, 2: 60, **dict.fromkeys(range(3, 9), 28), 9: 12, 10: 24, 11: 12, 12: 40, 16: 20}
    sheet = sheet_add(
        workbook,
        _(BANK_SHEET_TITLE),
        [_(h) for h in BANK_COLUMNS],
        (_item_row(item) for item in items),
        wrap=wrap,
        widths=widths,
    )
    last = max(len(items) + 1, 2) + IMPORT_MAX_ROWS
    list_validation_add(
        sheet,
        column=11,
        values=[str(label) for _v, label in Difficulty.choices],
        last_row=last,
    )
    list_validation_add(sheet, column=17, values=[_("Có"), _("Không")], last_row=last)

    guide = sheet_add(
        workbook,
        _(GUIDE_SHEET_TITLE),
        [_("Cột"), _("Bắt buộc"), _("Nội dung, giá trị hợp lệ")],
        _guide_rows(),
        wrap=[3],
        widths={1: 22, 2: 10, 3: 100},
        autofilter=False,
    )
    row = guide.max_row + 2
    cell_set(guide, row, 1, _("Cách nhập")).font = bold_font()
    for offset, text in enumerate(_guide_notes(), start=1):
        cell_set(guide, row + offset, 1, text)
    row += len(_guide_notes()) + 2
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
    return [
        [
            _(_HEADER["id"]),
            no,
            _(
                "Mã câu hỏi trong ngân hàng. Để trống khi thêm câu mới; giữ nguyên khi sửa câu "
                "đã có (câu đang dùng trong đợt thi đã mở hoặc đã có người làm thì không sửa "
                "được)."
            ),
        ],
        [_(_HEADER["stem"]), yes, _("Nội dung câu hỏi, từ 10 đến 2.000 ký tự.")],
        [
            _(_HEADER["choice_a"]) + " – " + _(_HEADER["choice_f"]),
            _("A, B"),
            _(
                "Từ 2 đến 6 phương án, mỗi phương án tối đa 500 ký tự, điền liền từ A; không "
                "để trống ở giữa, không trùng nhau."
            ),
        ],
        [
            _(_HEADER["correct"]),
            yes,
            _(
                "Chữ cái của phương án đúng, ví dụ “B”; nhiều đáp án thì cách nhau bởi dấu "
                "phẩy, ví dụ “A, C”. Không được chọn tất cả các phương án."
            ),
        ],
        [
            _(_HEADER["legal_field"]),
            yes,
            _("Mã hoặc tên lĩnh vực trong danh mục bên dưới."),
        ],
        [
            _(_HEADER["difficulty"]),
            no,
            _("Dễ, Trung bình hoặc Khó (hoặc easy, medium, hard). Để trống: Trung bình."),
        ],
        [_(_HEADER["explanation"]), no, _("Giải thích đáp án, tối đa 4.000 ký tự.")],
        [
            _(_HEADER["citation_number"]),
            no,
            _("Số ký hiệu văn bản làm căn cứ, ví dụ 52/2014/QH13 hoặc 168/2024/NĐ-CP."),
        ],
        [_(_HEADER["citation_article"]), no, _("Số điều, ví dụ 8 hoặc 8a.")],
        [_(_HEADER["citation_detail"]), no, _("Khoản, điểm, ví dụ “khoản 1, điểm a”.")],
        [_(_HEADER["tags"]), no, _("Các nhãn, cách nhau bởi dấu phẩy.")],
        [
            _(_HEADER["practice"]),
            no,
            _(
                "Có: câu hỏi được dùng cho phần tự luyện tập sau khi duyệt; Không: chỉ dùng "
                "trong cuộc thi. Để trống: Có."
            ),
        ],
    ]


def _guide_notes() -> list[str]:
    return [
        _("Mỗi dòng một câu hỏi; dòng 1 là tiêu đề cột, giữ nguyên tiêu đề như tệp mẫu."),
        _(
            "Tệp .xlsx tối đa 5 MB và 2.000 câu hỏi; chỉ đọc trang tính đầu tiên (không đọc "
            "trang Hướng dẫn)."
        ),
        _(
            "Nếu có dòng lỗi, không câu nào được lưu: hệ thống liệt kê mọi lỗi theo số dòng "
            "để sửa rồi nhập lại."
        ),
        _(
            "Câu mới được lưu ở trạng thái Nháp và cần được gửi duyệt; sửa một câu đã duyệt "
            "đưa câu đó về Chờ duyệt."
        ),
        _("Câu hỏi trùng với câu đã có trong ngân hàng hoặc với dòng khác trong tệp bị từ chối."),
    ]


# --------------------------------------------------------------------------- import: file


def _refuse(message: str) -> ContestInputError:
    return ContestInputError({"file": message})


def _sheet_rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """Read the bank sheet: (spreadsheet row number, {column key: text}) per non-empty
    data row. Refuses a file without a usable header or with too many rows."""
    with xlsx_errors_as(ContestInputError):
        workbook = workbook_open(data)
    try:
        sheet = data_sheet(workbook)
        if sheet is None:
            raise _refuse(_("Tệp không có trang tính câu hỏi."))
        aliases = header_aliases(_COLUMNS)
        columns: dict[int, str] | None = None
        rows: list[tuple[int, dict[str, str]]] = []
        for number, values in enumerate(
            sheet.iter_rows(max_col=IMPORT_MAX_COLUMNS, values_only=True), start=1
        ):
            if number > IMPORT_MAX_SCANNED_ROWS:
                raise _refuse(
                    _(
                        "Trang tính có quá nhiều dòng (kể cả dòng trống): xoá các dòng thừa "
                        "hoặc chia thành nhiều tệp."
                    )
                )
            texts = [cell_text(v) for v in values]
            if not any(texts):
                continue
            if columns is None:
                if number > HEADER_SEARCH_ROWS:
                    break
                with xlsx_errors_as(ContestInputError):
                    columns = header_columns(
                        texts,
                        aliases=aliases,
                        row=number,
                        labels=_HEADER,
                        required=REQUIRED_COLUMNS,
                        all_columns=BANK_COLUMNS,
                    )
                continue
            rows.append((number, {key: texts[i] for i, key in columns.items() if i < len(texts)}))
            if len(rows) > IMPORT_MAX_ROWS:
                raise _refuse(
                    _(
                        "Tệp có hơn 2.000 câu hỏi: hãy chia thành nhiều tệp, mỗi tệp tối đa "
                        "2.000 dòng."
                    )
                )
    finally:
        workbook.close()
    if columns is None:
        raise _refuse(
            _(
                "Không thấy dòng tiêu đề cột (Mã, Câu hỏi, Phương án A, …): hãy dùng tệp mẫu "
                "tải từ ngân hàng câu hỏi."
            )
        )
    if not rows:
        raise _refuse(_("Tệp không có câu hỏi nào (chỉ có dòng tiêu đề)."))
    return rows


# --------------------------------------------------------------------------- import: rows


@dataclass
class _Row:
    number: int
    data: ItemInput
    clean: dict[str, Any]
    item: Item | None  # the question a "Mã" names
    changed: bool = True


def _stem_key(stem: str) -> str:
    return " ".join(unicodedata.normalize("NFC", stem).casefold().split())


def _field_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, name in LegalField.objects.values_list("code", "name"):
        lookup[fold(name)] = code
        lookup[fold(code)] = code
    return lookup


def _row_input(values: dict[str, str], fields: dict[str, str]) -> tuple[ItemInput, dict[str, str]]:
    """The row as an ItemInput, and the problems only the spreadsheet form can have
    (column key → message)."""
    problems: dict[str, str] = {}
    choices = [values.get(key, "") for key in CHOICE_KEYS]
    correct: list[int] = []
    raw_correct = values.get("correct", "")
    tokens = [t for t in _LETTERS_SPLIT.split(fold(raw_correct).upper()) if t]
    if tokens and all(len(t) == 1 and t in LETTERS for t in tokens):
        correct = sorted({LETTERS.index(t) for t in tokens})
    elif tokens:
        problems["correct"] = _(
            "Đáp án đúng ghi bằng chữ cái của phương án (A đến F), nhiều đáp án cách nhau "
            "bởi dấu phẩy, ví dụ “A, C”."
        )
    raw_field = values.get("legal_field", "")
    legal_field = fields.get(fold(raw_field), raw_field)
    raw_difficulty = values.get("difficulty", "")
    difficulty = (
        _DIFFICULTY_WORDS.get(fold(raw_difficulty), raw_difficulty)
        if raw_difficulty
        else Difficulty.MEDIUM
    )
    raw_practice = fold(values.get("practice", ""))
    practice = True
    if raw_practice in _NO:
        practice = False
    elif raw_practice and raw_practice not in _YES:
        problems["practice"] = _("Ghi “Có” hoặc “Không” (để trống là Có).")
    tags = [t for t in _LIST_SPLIT.split(values.get("tags", "")) if t.strip()]
    data = ItemInput(
        stem=values.get("stem", ""),
        choices=choices,
        correct=correct,
        legal_field=legal_field,
        difficulty=str(difficulty),
        explanation=values.get("explanation", ""),
        tags=tags,
        citation_number=values.get("citation_number", ""),
        citation_article=values.get("citation_article", ""),
        citation_detail=values.get("citation_detail", ""),
        practice=practice,
    )
    return data, problems


def _item_unchanged(item: Item, clean: dict[str, Any]) -> bool:
    choices = sorted(item.choices.all(), key=lambda c: c.position)
    return (
        item.stem == clean["stem"]
        and item.explanation == clean["explanation"]
        and item.legal_field_id == clean["legal_field"].pk
        and item.difficulty == clean["difficulty"]
        and list(item.tags or []) == clean["tags"]
        and item.citation_number == clean["citation_number"]
        and item.citation_article == clean["citation_article"]
        and item.citation_detail == clean["citation_detail"]
        and item.practice == clean["practice"]
        and [c.text for c in choices] == clean["choices"]
        and [i for i, c in enumerate(choices) if c.is_correct] == clean["correct"]
    )


def _rows_check(
    *, actor: Any, rows: list[tuple[int, dict[str, str]]]
) -> tuple[list[_Row], list[BankRowError]]:
    errors: list[BankRowError] = []
    fields = _field_lookup()
    ids = {int(v["id"]) for _n, v in rows if v.get("id", "").isdigit()}
    items = {
        item.pk: item
        for item in Item.objects.filter(pk__in=list(ids))
        .select_related("unit")
        .prefetch_related("choices")
    }
    bank: dict[str, int] = {}
    for pk, stem in Item.objects.values_list("id", "stem").iterator(chunk_size=2000):
        bank.setdefault(_stem_key(stem), pk)

    checked: list[_Row] = []
    seen_stems: dict[str, int] = {}
    seen_ids: dict[int, int] = {}
    for number, values in rows:
        row_errors: dict[str, str] = {}
        item = None
        raw_id = values.get("id", "")
        if raw_id:
            if not (raw_id.isdigit() and int(raw_id) > 0):
                row_errors["id"] = _("Mã câu hỏi là số; để trống khi thêm câu mới.")
            else:
                pk = int(raw_id)
                item = items.get(pk)
                if item is None or not can(actor, "contests.bank", item):
                    row_errors["id"] = _(
                        "Không có câu hỏi mã %(id)s mà bạn được sửa (để trống Mã để thêm câu mới)."
                    ) % {"id": pk}
                    item = None
                elif pk in seen_ids:
                    row_errors["id"] = _("Mã %(id)s đã có ở dòng %(row)s.") % {
                        "id": pk,
                        "row": seen_ids[pk],
                    }
                    item = None
                else:
                    seen_ids[pk] = number
        data, problems = _row_input(values, fields)
        row_errors.update(problems)
        clean: dict[str, Any] = {}
        try:
            clean = services.item_input_clean(data)
        except ContestInputError as exc:
            for name, message in exc.errors.items():
                column = _FIELD_COLUMN.get(name, "")
                if column not in row_errors:  # our own, more precise message wins
                    row_errors[column] = message
        stem_key = _stem_key(clean["stem"]) if clean else ""
        if clean:
            if stem_key in seen_stems:
                row_errors["stem"] = _("Câu hỏi trùng với dòng %(row)s.") % {
                    "row": seen_stems[stem_key]
                }
            elif bank.get(stem_key) not in (None, getattr(item, "pk", None)):
                row_errors["stem"] = _(
                    "Câu hỏi đã có trong ngân hàng (mã %(id)s): sửa câu đó bằng cách ghi mã, "
                    "hoặc bỏ dòng này."
                ) % {"id": bank[stem_key]}
            seen_stems.setdefault(stem_key, number)
        row = _Row(number=number, data=data, clean=clean, item=item)
        if clean and item is not None and "id" not in row_errors:
            row.changed = not _item_unchanged(item, clean)
            if row.changed:
                frozen = services.item_frozen_rounds(item)
                if frozen:
                    row_errors["id"] = _(
                        "Câu hỏi mã %(id)s đang được dùng trong đợt thi “%(round)s” (đang mở "
                        "hoặc đã có người làm): không sửa được, hãy thêm câu mới."
                    ) % {"id": item.pk, "round": frozen[0].title}
        for key in sorted(row_errors, key=_ERROR_ORDER.index):
            errors.append(BankRowError(number, _column_label(key), row_errors[key]))
        checked.append(row)
    return checked, errors


def items_import_xlsx(
    *, actor: Any, unit: Unit, file: Any, dry_run: bool = False
) -> BankImportReport:
    """Import questions from an uploaded XLSX (bytes or a file-like object, e.g. a
    Django UploadedFile) into the bank of ``unit``.

    Raises PermissionDenied before reading anything unless ``actor`` holds
    "contests.bank" on ``unit``; raises ContestInputError (field "file") for a file that
    is not a readable .xlsx, is over 5 MB, has no header row, unknown or missing
    required columns, no rows, or more than 2,000 rows.

    Otherwise returns a report. Every row is checked; if any is wrong, ``errors`` lists
    them all and nothing is stored. Else (unless ``dry_run``) in one transaction: rows
    without "Mã" become draft questions of ``unit``; rows with the "Mã" of a question the
    actor may edit update it when something changed (a frozen question is an error for
    that row); the import is written once to the audit log.
    """
    require(actor, "contests.bank", unit)
    with xlsx_errors_as(ContestInputError):
        data = upload_bytes(file)
    rows = _sheet_rows(data)
    checked, errors = _rows_check(actor=actor, rows=rows)
    report = BankImportReport(
        rows=len(rows),
        created=sum(1 for r in checked if r.item is None),
        updated=sum(1 for r in checked if r.item is not None and r.changed),
        unchanged=sum(1 for r in checked if r.item is not None and not r.changed),
        errors=errors,
        dry_run=dry_run,
    )
    if errors or dry_run:
        return report
    current = checked[0]
    try:
        with transaction.atomic():
            for current in checked:
                if current.item is None:
                    item = services.item_create(actor=actor, unit=unit, data=current.data)
                elif current.changed:
                    item = services.item_update(actor=actor, item=current.item, data=current.data)
                else:
                    continue
                report.item_ids.append(item.pk)
            audit_record(
                action="contests.bank.import",
                obj=unit,
                actor=actor,
                data={
                    "rows": report.rows,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
    except ContestInputError as exc:  # changed between the check and the write
        report.item_ids = []
        report.errors = [
            BankRowError(current.number, _column_label(_FIELD_COLUMN.get(k, "")), m)
            for k, m in exc.errors.items()
        ]
    except (ContestStateError, PermissionDenied) as exc:
        report.item_ids = []
        message = str(exc) if isinstance(exc, ContestStateError) else _("Không có quyền sửa.")
        report.errors = [BankRowError(current.number, _column_label("id"), message)]
    return report
