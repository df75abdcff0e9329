"""GET /api/v1/units: children of a unit with kind, urban flag and population."""

from datetime import date

import pytest

from pbgdpl.units.services import units_load_province
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_gia_lai_lists_its_135_communes(client):
    units_load_province(name_or_code="Gia Lai")
    response = client.get("/api/v1/units", {"parent": "52"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["items"]) == 135
    assert body["parent"]["name"] == "Tỉnh Gia Lai"
    kinds = {item["kind"] for item in body["items"]}
    assert kinds == {"xa", "phuong"}
    ward = next(i for i in body["items"] if i["kind"] == "phuong")
    assert ward["is_urban"] is True and ward["kind_label"] == "Phường"
    assert "population" in ward


def test_top_level_lists_provinces(client, province):
    response = client.get("/api/v1/units")
    assert [u["code"] for u in response.json()["items"]] == ["52"]


def test_units_are_listed_as_of_a_date(client, province):
    UnitFactory(
        code="777",
        name="Xã Cũ",
        parent=province,
        valid_from=date(2020, 1, 1),
        valid_to=date(2025, 7, 1),
    )
    UnitFactory(code="778", name="Xã Mới", parent=province, valid_from=date(2025, 7, 1))
    now = {u["code"] for u in client.get("/api/v1/units?parent=52").json()["items"]}
    before = {
        u["code"] for u in client.get("/api/v1/units?parent=52&on=2025-06-30").json()["items"]
    }
    assert now == {"778"} and before == {"777"}


def test_unknown_parent_is_a_json_404(client):
    response = client.get("/api/v1/units", {"parent": "khong-co"})
    assert response.status_code == 404
    assert "Không có đơn vị hành chính" in response.json()["detail"]


def test_bad_date_is_a_json_422(client, province):
    response = client.get("/api/v1/units", {"parent": "52", "on": "30/02/2025"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Dữ liệu gửi lên không hợp lệ."


def test_unit_detail(client, commune_a):
    response = client.get(f"/api/v1/units/{commune_a.code}")
    assert response.status_code == 200
    assert response.json()["parent"] == "52"
    assert client.get("/api/v1/units/0000").status_code == 404
