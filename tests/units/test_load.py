"""units_load: a province and all its communes from the vietnam-provinces package."""

from collections import Counter

import pytest
import vietnam_provinces as vp
from django.core.management import call_command
from django.core.management.base import CommandError

from pbgdpl.units.models import Unit, UnitKind
from pbgdpl.units.selectors import unit_children, unit_find_province
from pbgdpl.units.services import units_load_province

pytestmark = pytest.mark.django_db


def _package_counts(code: int) -> Counter:
    return Counter(w.division_type for w in vp.Ward.iter_by_province(vp.ProvinceCode(code)))


def test_gia_lai_has_135_units_as_in_the_package():
    call_command("units_load", province="Gia Lai")
    province = unit_find_province(name_or_code="Gia Lai")
    children = unit_children(parent=province)
    package = _package_counts(52)
    assert children.count() == sum(package.values()) == 135
    assert (
        children.filter(kind=UnitKind.COMMUNE).count() == package[vp.VietNamDivisionType.XA] == 110
    )
    assert (
        children.filter(kind=UnitKind.WARD).count() == package[vp.VietNamDivisionType.PHUONG] == 25
    )


def test_wards_are_urban_and_communes_rural():
    units_load_province(name_or_code="52")
    assert not Unit.objects.filter(kind=UnitKind.WARD, is_urban=False).exists()
    assert not Unit.objects.filter(kind=UnitKind.COMMUNE, is_urban=True).exists()


@pytest.mark.parametrize(("flag", "urban"), [(True, True), (False, False)])
def test_special_zones_follow_the_setting(flag, urban):
    # Quảng Ninh has special zones (đặc khu Vân Đồn, Cô Tô).
    province = next(p for p in vp.Province.iter_all() if p.codename == "quang_ninh")
    result = units_load_province(name_or_code=province.name, special_zone_urban=flag)
    zones = Unit.objects.filter(parent=result.province, kind=UnitKind.SPECIAL_ZONE)
    assert zones.exists()
    assert set(zones.values_list("is_urban", flat=True)) == {urban}


def test_second_run_changes_and_duplicates_nothing():
    first = units_load_province(name_or_code="Gia Lai")
    total = Unit.objects.count()
    second = units_load_province(name_or_code="gia lai")
    assert (first.created, second.created, second.updated) == (135, 0, 0)
    assert second.unchanged == 135
    assert Unit.objects.count() == total


def test_reload_keeps_population_figures():
    units_load_province(name_or_code="Gia Lai")
    unit = Unit.objects.filter(kind=UnitKind.WARD).first()
    Unit.objects.filter(pk=unit.pk).update(population=12345)
    units_load_province(name_or_code="Gia Lai")
    unit.refresh_from_db()
    assert unit.population == 12345


@pytest.mark.parametrize("name", ["Gia Lai", "gia lai", "Tỉnh Gia Lai", "52", "GIA LAI"])
def test_province_is_found_by_name_or_code(name):
    result = units_load_province(name_or_code=name)
    assert result.province.code == "52"
    assert result.province.path == "52/"


def test_unknown_province_is_a_clear_error_and_stores_nothing():
    with pytest.raises(CommandError, match="Không tìm thấy tỉnh"):
        call_command("units_load", province="Atlantis")
    assert not Unit.objects.exists()


def test_command_reports_the_counts(capsys):
    call_command("units_load", province="Gia Lai")
    out = capsys.readouterr().out
    assert "135 đơn vị" in out
    assert "110 xã" in out and "25 phường" in out
