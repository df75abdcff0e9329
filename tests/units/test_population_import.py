"""units_population_import: per-line errors, all-or-nothing."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from pbgdpl.units.models import Unit

pytestmark = pytest.mark.django_db


def _csv(tmp_path, text, name="dan-so.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_stores_every_line(tmp_path, commune_a, commune_b):
    path = _csv(
        tmp_path,
        "mã,tên,dân số,dân số nam,dân số nữ,năm số liệu\n"
        f'{commune_a.code},Phường Quy Nhơn,"45.210",22000,23210,2025\n'
        f"{commune_b.code},Xã Ia Grai,18000,,,2025\n",
    )
    call_command("units_population_import", str(path))
    commune_a.refresh_from_db()
    commune_b.refresh_from_db()
    assert (commune_a.population, commune_a.population_male, commune_a.population_female) == (
        45210,
        22000,
        23210,
    )
    assert commune_a.population_year == 2025
    assert commune_b.population == 18000


def test_xlsx_with_english_headers(tmp_path, commune_a):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["code", "population", "year"])
    sheet.append([int(commune_a.code), 31000, 2024])
    path = tmp_path / "population.xlsx"
    workbook.save(path)
    call_command("units_population_import", str(path))
    commune_a.refresh_from_db()
    assert commune_a.population == 31000


def test_one_bad_line_stores_nothing_and_names_every_bad_line(tmp_path, commune_a, commune_b):
    Unit.objects.filter(pk=commune_a.pk).update(population=100)
    path = _csv(
        tmp_path,
        "ma don vi;dan so;dan so nam;dan so nu\n"
        f"{commune_a.code};5000;;\n"
        f"{commune_b.code};nhiều;;\n"
        "99999999;300;;\n"
        f"{commune_a.code};10;;\n"
        "52;100;60;50\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("units_population_import", str(path))
    message = str(error.value)
    assert "Dòng 3" in message and "không phải số nguyên" in message
    assert "Dòng 4" in message and "99999999" in message
    assert "Dòng 5" in message and "lặp lại" in message
    assert "Dòng 6" in message and "nam + nữ" in message
    assert "Dòng 2" not in message
    commune_a.refresh_from_db()
    assert commune_a.population == 100


def test_name_that_does_not_match_the_code_is_rejected(tmp_path, commune_a):
    path = _csv(tmp_path, f"mã,tên,dân số\n{commune_a.code},Xã Khác Hẳn,100\n")
    with pytest.raises(CommandError, match="không khớp"):
        call_command("units_population_import", str(path))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("ten,so\nA,1\n", "Thiếu cột bắt buộc"),
        ("mã,dân số\n", "không có dòng số liệu"),
        ("mã,dân số\n21583,-5\n", "không được âm"),
    ],
)
def test_bad_files_have_clear_messages(tmp_path, commune_a, content, expected):
    with pytest.raises(CommandError, match=expected):
        call_command("units_population_import", str(_csv(tmp_path, content)))


def test_wrong_file_type_and_missing_file(tmp_path):
    path = tmp_path / "dan-so.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(CommandError, match=r"\.csv hoặc \.xlsx"):
        call_command("units_population_import", str(path))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("units_population_import", str(tmp_path / "khong-co.csv"))


def test_non_utf8_csv_is_refused(tmp_path, commune_a):
    path = tmp_path / "cp1258.csv"
    path.write_bytes("mã,dân số\n".encode("utf-16"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("units_population_import", str(path))
