"""The question bank as a spreadsheet: an export imports back unchanged, new and changed
rows are written, every malformed file is refused with a clear message, bad rows are all
listed and nothing is stored, and nobody writes into another commune's bank."""

import io
import os

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from pbgdpl.contests import services
from pbgdpl.contests.bank_io import (
    BANK_COLUMNS,
    IMPORT_MAX_BYTES,
    items_export_xlsx,
    items_import_xlsx,
)
from pbgdpl.contests.models import Item, ItemStatus
from pbgdpl.contests.services import ContestInputError
from pbgdpl.core.models import AuditEvent
from tests.contests.factories import contest_world, item_approved, item_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    # Two approved items in round 1, which is open: both are frozen.
    return contest_world(items=2, draw=1)


def xlsx(rows, headers=BANK_COLUMNS) -> bytes:
    """A workbook whose first sheet has ``headers`` and ``rows`` (dicts by header)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def new_row(n: int, **overrides) -> dict:
    row = {
        "Câu hỏi": f"Câu hỏi nhập từ tệp số {n}: người bao nhiêu tuổi thì được kết hôn?",
        "Phương án A": "Nam đủ 20 tuổi, nữ đủ 18 tuổi",
        "Phương án B": "Nam và nữ đủ 18 tuổi",
        "Phương án C": "Nam đủ 21 tuổi, nữ đủ 19 tuổi",
        "Đáp án đúng": "A",
        "Lĩnh vực": "Hôn nhân và gia đình",
        "Độ khó": "Trung bình",
        "Số ký hiệu văn bản": "52/2014/QH13",
        "Điều": 8,
    }
    row.update(overrides)
    return row


def sheet_rows(data: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))


def test_export_imports_back_unchanged_and_edits_are_applied(world):
    draft = services.item_create(
        actor=world.reporter,
        unit=world.commune,
        data=item_input(
            world,
            40,
            choices=["Sai", "Đúng", "Còn tuỳ", "=1+1 không phải công thức"],
            correct=[1, 3],
            difficulty="hard",
            tags=["hôn nhân", "độ tuổi"],
            practice=False,
            citation_detail="khoản 1, điểm a",
        ),
    )
    items = Item.objects.filter(pk__in=[world.items[0].pk, world.items[1].pk, draft.pk])
    data = items_export_xlsx(items=items)

    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Ngân hàng câu hỏi", "Hướng dẫn"]
    bank = workbook["Ngân hàng câu hỏi"]
    assert bank.freeze_panes == "A2"
    assert [c.value for c in bank[1]] == list(BANK_COLUMNS)
    by_id = {row[0]: row for row in bank.iter_rows(min_row=2, values_only=True)}
    assert by_id[draft.pk] == (
        draft.pk,
        draft.stem,
        "Sai",
        "Đúng",
        "Còn tuỳ",
        "=1+1 không phải công thức",
        None,
        None,
        "B, D",
        "Hôn nhân và gia đình",
        "Khó",
        draft.explanation,
        "52/2014/QH10",
        "8",
        "khoản 1, điểm a",
        "hôn nhân, độ tuổi",
        "Không",
    )
    draft_row = next(r for r in range(2, bank.max_row + 1) if bank.cell(r, 1).value == draft.pk)
    assert bank.cell(row=draft_row, column=6).data_type == "s"  # text, never a formula
    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    assert "Đáp án đúng" in guide and "hon-nhan-va-gia-dinh" in guide

    # The untouched export imports back as "nothing changed", frozen items included.
    before = Item.objects.count()
    report = items_import_xlsx(actor=world.reporter, unit=world.commune, file=data)
    assert report.ok and (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert Item.objects.count() == before

    # Edit the draft in the sheet, add a new row (field by code, "Dễ", two tags).
    bank.cell(draft_row, 2).value = draft.stem + " (đã sửa)"
    new = new_row(1, **{"Lĩnh vực": "hon-nhan-va-gia-dinh", "Độ khó": "de", "Điều": None})
    new.update({"Nhãn": "luyện tập; mới", "Dùng luyện tập": "có", "Giải thích": "Vì vậy."})
    bank.append([new.get(h) for h in BANK_COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("ngan-hang.xlsx", buffer.getvalue())
    report = items_import_xlsx(actor=world.reporter, unit=world.commune, file=upload)
    assert report.ok, report.messages()
    assert (report.created, report.updated, report.unchanged) == (1, 1, 2)
    draft.refresh_from_db()
    assert draft.stem.endswith("(đã sửa)") and draft.status == ItemStatus.DRAFT
    created = Item.objects.get(pk=max(report.item_ids))
    assert created.status == ItemStatus.DRAFT and created.unit == world.commune
    assert created.created_by == world.reporter
    assert created.legal_field == world.field and created.difficulty == "easy"
    assert created.tags == ["luyện tập", "mới"] and created.practice is True
    assert [c.text for c in created.choices.all()] == [
        "Nam đủ 20 tuổi, nữ đủ 18 tuổi",
        "Nam và nữ đủ 18 tuổi",
        "Nam đủ 21 tuổi, nữ đủ 19 tuổi",
    ]
    assert [c.is_correct for c in created.choices.all()] == [True, False, False]
    assert created.citation_number == "52/2014/QH13" and created.citation_article == ""
    assert created.explanation == "Vì vậy."
    audits = AuditEvent.objects.filter(action="contests.bank.import", unit_code=world.commune.code)
    assert list(audits.order_by("seq").values_list("data", flat=True)) == [
        {"rows": 3, "created": 0, "updated": 0, "unchanged": 3},
        {"rows": 4, "created": 1, "updated": 1, "unchanged": 2},
    ]

    # And the new question exports back to the same row.
    again = sheet_rows(items_export_xlsx(items=[created]))[1]
    assert again[2:11] == (
        "Nam đủ 20 tuổi, nữ đủ 18 tuổi",
        "Nam và nữ đủ 18 tuổi",
        "Nam đủ 21 tuổi, nữ đủ 19 tuổi",
        None,
        None,
        None,
        "A",
        "Hôn nhân và gia đình",
        "Dễ",
    )


def test_blank_template_lists_the_columns_and_fields(world):
    rows = sheet_rows(items_export_xlsx(items=Item.objects.none()))
    assert rows == [tuple(BANK_COLUMNS)]
    report = items_import_xlsx(
        actor=world.reporter, unit=world.commune, file=xlsx([new_row(1), new_row(2)])
    )
    assert report.ok and report.created == 2


def test_approved_item_changed_by_import_goes_back_to_review(world):
    spare = item_approved(world, 60)  # in no round: not frozen
    data = xlsx(
        [
            {
                "Mã": spare.pk,
                **new_row(3, **{"Câu hỏi": spare.stem, "Đáp án đúng": "b", "Độ khó": "hard"}),
            }
        ]
    )
    report = items_import_xlsx(actor=world.reporter, unit=world.commune, file=data)
    assert report.ok and report.updated == 1
    spare.refresh_from_db()
    assert spare.status == ItemStatus.REVIEW and spare.difficulty == "hard"
    assert [c.is_correct for c in spare.choices.all()] == [False, True, False]


def test_dry_run_checks_and_stores_nothing(world):
    before = Item.objects.count()
    report = items_import_xlsx(
        actor=world.reporter, unit=world.commune, file=xlsx([new_row(1)]), dry_run=True
    )
    assert report.ok and report.dry_run and report.created == 1 and not report.stored
    assert report.item_ids == []
    assert Item.objects.count() == before
    assert not AuditEvent.objects.filter(action="contests.bank.import").exists()


def _many_rows(n: int) -> bytes:
    return xlsx([new_row(i) for i in range(n)])


def _empty_workbook() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: os.urandom(4000), "không phải bảng tính Excel .xlsx"),
        (lambda: b"PK\x03\x04" + os.urandom(4000), "không phải bảng tính Excel .xlsx"),
        (
            lambda: SimpleUploadedFile(
                "cau-hoi.xlsx", "Câu hỏi,Phương án A\nA,B\n".encode(), "text/csv"
            ),
            "không phải bảng tính Excel .xlsx",
        ),
        (
            lambda: SimpleUploadedFile("cau-hoi.csv", b"Cau hoi\n", "text/csv"),
            "Chỉ nhận bảng tính Excel .xlsx",
        ),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel 97–2003"),
        (lambda: b"", "Tệp rỗng"),
        (_empty_workbook, "Không thấy dòng tiêu đề"),
        (lambda: xlsx([]), "không có câu hỏi nào"),
        (lambda: xlsx([["x"] * 3], headers=["Name", "Question", "Answer"]), "thiếu cột bắt buộc"),
        (
            lambda: xlsx([new_row(1)], headers=[*BANK_COLUMNS, "Ghi chú"]),
            "cột không nhận ra “Ghi chú”",
        ),
        (
            lambda: xlsx([new_row(1)], headers=[*BANK_COLUMNS, "Câu hỏi"]),
            "cột bị lặp “Câu hỏi”",
        ),
        (lambda: _many_rows(2001), "hơn 2.000 câu hỏi"),
        (lambda: b"PK" + bytes(IMPORT_MAX_BYTES), "lớn hơn 5 MB"),
    ],
    ids=[
        "random-bytes",
        "broken-zip",
        "csv-renamed",
        "csv",
        "xls",
        "empty-file",
        "empty-workbook",
        "header-only",
        "wrong-headers",
        "unknown-column",
        "repeated-column",
        "2001-rows",
        "oversize",
    ],
)
def test_malformed_files_are_refused_clearly(world, make, expected):
    before = Item.objects.count()
    with pytest.raises(ContestInputError) as exc:
        items_import_xlsx(actor=world.reporter, unit=world.commune, file=make())
    assert list(exc.value.errors) == ["file"]
    assert expected in exc.value.errors["file"]
    assert Item.objects.count() == before


def test_wrong_headers_message_names_missing_and_unknown_columns(world):
    with pytest.raises(ContestInputError) as exc:
        items_import_xlsx(
            actor=world.reporter,
            unit=world.commune,
            file=xlsx([], headers=["Mã", "Nội dung", "Phương án A", "Lĩnh vực"]),
        )
    message = exc.value.errors["file"]
    assert "thiếu cột bắt buộc Câu hỏi, Phương án B, Đáp án đúng" in message
    assert "“Nội dung”" in message


def test_two_thousand_rows_are_accepted_in_a_dry_run(world):
    report = items_import_xlsx(
        actor=world.reporter, unit=world.commune, file=_many_rows(2000), dry_run=True
    )
    assert report.ok and report.created == 2000


def test_bad_rows_are_all_listed_and_nothing_is_stored(world):
    before = list(Item.objects.order_by("pk").values_list("pk", "stem", "status"))
    rows = [
        new_row(1),  # row 2: good
        new_row(2, **{"Đáp án đúng": None}),  # row 3
        new_row(1, **{"Phương án A": "Khác"}),  # row 4: same question as row 2
        {},  # row 5: an empty line is skipped but keeps the numbering
        new_row(4, **{"Câu hỏi": world.items[0].stem.upper()}),  # row 6: already in the bank
        new_row(5, **{"Đáp án đúng": "A, G", "Độ khó": "rất khó"}),  # row 7
        new_row(6, **{"Lĩnh vực": "Không có", "Phương án C": "", "Phương án D": "Thêm"}),
        new_row(7, **{"Số ký hiệu văn bản": "luật mới", "Dùng luyện tập": "có lẽ"}),  # row 9
        new_row(8, **{"Mã": "abc", "Phương án B": "nam đủ 20 tuổi, nữ đủ 18 tuổi"}),  # row 10
        new_row(9, **{"Mã": 999999}),  # row 11
        new_row(10, **{"Đáp án đúng": "A, B, C"}),  # row 12
    ]
    report = items_import_xlsx(actor=world.reporter, unit=world.commune, file=xlsx(rows))
    assert not report.ok and not report.stored and report.item_ids == []
    assert report.messages() == [
        "Dòng 3 (Đáp án đúng): Cần ít nhất một phương án đúng.",
        "Dòng 4 (Câu hỏi): Câu hỏi trùng với dòng 2.",
        f"Dòng 6 (Câu hỏi): Câu hỏi đã có trong ngân hàng (mã {world.items[0].pk}): sửa câu "
        "đó bằng cách ghi mã, hoặc bỏ dòng này.",
        "Dòng 7 (Đáp án đúng): Đáp án đúng ghi bằng chữ cái của phương án (A đến F), nhiều "
        "đáp án cách nhau bởi dấu phẩy, ví dụ “A, C”.",
        "Dòng 7 (Độ khó): Độ khó phải là: dễ, trung bình hoặc khó.",
        "Dòng 8 (Phương án): Không được để trống phương án ở giữa.",
        "Dòng 8 (Lĩnh vực): Lĩnh vực không có trong danh mục.",
        "Dòng 9 (Số ký hiệu văn bản): Số ký hiệu văn bản không đúng dạng (ví dụ 45/2019/QH14).",
        "Dòng 9 (Dùng luyện tập): Ghi “Có” hoặc “Không” (để trống là Có).",
        "Dòng 10 (Mã): Mã câu hỏi là số; để trống khi thêm câu mới.",
        "Dòng 10 (Phương án): Có hai phương án giống nhau.",
        "Dòng 11 (Mã): Không có câu hỏi mã 999999 mà bạn được sửa (để trống Mã để thêm câu mới).",
        "Dòng 12 (Đáp án đúng): Không thể mọi phương án đều đúng.",
    ]
    assert report.errors[0].row == 3 and report.errors[0].column == "Đáp án đúng"
    assert list(Item.objects.order_by("pk").values_list("pk", "stem", "status")) == before
    assert not AuditEvent.objects.filter(action="contests.bank.import").exists()


def test_only_bank_writers_of_the_unit_may_import(world):
    # Refused before the file is even read: garbage bytes give PermissionDenied.
    with pytest.raises(PermissionDenied):
        items_import_xlsx(actor=world.other_officer, unit=world.commune, file=b"garbage")
    with pytest.raises(PermissionDenied):
        items_import_xlsx(actor=world.approver, unit=world.commune, file=xlsx([new_row(1)]))
    # Into their own commune, the other officer cannot update this commune's question.
    spare = item_approved(world, 61)
    stem = spare.stem
    report = items_import_xlsx(
        actor=world.other_officer,
        unit=world.other_commune,
        file=xlsx([{"Mã": spare.pk, **new_row(1)}, new_row(2)]),
    )
    assert [str(e) for e in report.errors] == [
        f"Dòng 2 (Mã): Không có câu hỏi mã {spare.pk} mà bạn được sửa (để trống Mã để "
        "thêm câu mới)."
    ]
    spare.refresh_from_db()
    assert spare.stem == stem and spare.status == ItemStatus.APPROVED
    assert not Item.objects.filter(unit=world.other_commune).exists()
    # Their own rows go to their own commune.
    report = items_import_xlsx(
        actor=world.other_officer, unit=world.other_commune, file=xlsx([new_row(2)])
    )
    assert report.ok
    assert Item.objects.get(pk=report.item_ids[0]).unit == world.other_commune


def test_a_frozen_item_cannot_be_changed_by_import(world):
    frozen = world.items[0]
    rows = sheet_rows(items_export_xlsx(items=[frozen]))
    changed = list(rows[1])
    changed[2] = "Một phương án khác hẳn"
    report = items_import_xlsx(
        actor=world.reporter, unit=world.commune, file=xlsx([changed, new_row(1)])
    )
    assert len(report.errors) == 1
    error = report.errors[0]
    assert (error.row, error.column) == (2, "Mã")
    assert f"Câu hỏi mã {frozen.pk} đang được dùng trong đợt thi “Đợt 1”" in error.message
    frozen.refresh_from_db()
    assert frozen.choices.first().text == "Đủ 16 tuổi"
    assert not Item.objects.filter(stem__startswith="Câu hỏi nhập từ tệp").exists()


def test_headers_are_matched_without_diacritics_and_in_english(world):
    headers = ["cau hoi", "PHUONG AN A", "Phương án B *", "Đáp án đúng:", "Lĩnh vực"]
    rows = [[new_row(1)[h] for h in ("Câu hỏi", "Phương án A", "Phương án B", "Đáp án đúng")]]
    rows[0].append("dat-dai")
    report = items_import_xlsx(actor=world.reporter, unit=world.commune, file=xlsx(rows, headers))
    assert report.ok and report.created == 1
    english = ["Question", "Phương án A", "Phương án B", "Đáp án đúng", "Lĩnh vực"]
    rows[0][0] = new_row(2)["Câu hỏi"]
    report = items_import_xlsx(actor=world.reporter, unit=world.commune, file=xlsx(rows, english))
    assert report.ok and report.created == 1
    imported = Item.objects.filter(stem__startswith="Câu hỏi nhập từ tệp")
    assert [i.legal_field for i in imported] == [world.other_field] * 2
