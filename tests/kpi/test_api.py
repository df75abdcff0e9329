"""GET /api/v1/kpi/indicators and /api/v1/kpi/values: definitions, formulas, sources and
targets; values with target, band and coverage; 404 / 422 for bad input."""

import pytest

from pbgdpl.kpi import compute
from pbgdpl.kpi.periods import period_get

from .factories import entry_approved

pytestmark = pytest.mark.django_db


def test_indicators(client):
    response = client.get("/api/v1/kpi/indicators")
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()}
    rural = rows["reach_rural"]
    assert rural["applies_to"] == "rural" and rural["population_weighted"] is True
    assert rural["numerator"].startswith("max(#{entry_reached}")
    assert rural["numerator_text"].startswith("số lớn hơn trong ([Số người được khảo sát đã")
    assert rural["denominator_text"] == "[Dân số]"
    assert {e["code"]: e["source"] for e in rural["elements"]}["reach_identified"] == "auto:reach"
    assert [(t["phase"], t["unit_scope"], t["value"]) for t in rural["targets"]] == [
        ("2025-2027", "rural", "60.00"),
        ("2028-2030", "rural", "70.00"),
    ]
    assert rows["training_online_sessions"]["companion_of"] == "training_online_hours"


def test_values_with_children(client, world, fake_sources):
    entry_approved(world, world.ward_a, "2026", 100, 90, 95)
    entry_approved(world, world.ward_b, "2026", 200, 140, 180)
    compute.indicators_compute(period=period_get("2026"))
    response = client.get(
        "/api/v1/kpi/values",
        {"indicator": "reach_urban", "unit": "52", "period": "2026", "children": "true"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["value"] == "75.000000" and body["target"] == "80.00" and body["band"] == "amber"
    assert (body["units_with_data"], body["units_total"]) == (2, 2)
    assert body["population_total"] == 40_000 and body["computed"] is True
    assert [c["unit"] for c in body["children"]] == ["52020", "52010"]  # 70 then 90
    ward = client.get(
        "/api/v1/kpi/values", {"indicator": "reach_urban", "unit": "52010", "period": "2026"}
    ).json()
    assert ward["value"] == "90.000000" and ward["band"] == "green" and ward["children"] is None
    rural_split = client.get(
        "/api/v1/kpi/values",
        {"indicator": "satisfaction", "unit": "52", "period": "2026", "split": "urban"},
    ).json()
    assert rural_split["split"] == "urban"
    assert rural_split["numerator"] == "275.000000" and rural_split["denominator"] == "300.000000"


def test_values_not_computed_yet(client, world):
    body = client.get(
        "/api/v1/kpi/values", {"indicator": "satisfaction", "unit": "52", "period": "2025Q2"}
    ).json()
    assert body["computed"] is False and body["value"] is None and body["band"] == ""
    assert body["target"] == "90.00"


@pytest.mark.parametrize(
    ("params", "status", "detail"),
    [
        ({"indicator": "nope", "unit": "52", "period": "2026"}, 404, "Không có chỉ tiêu"),
        ({"indicator": "satisfaction", "unit": "00000", "period": "2026"}, 404, "đơn vị"),
        ({"indicator": "satisfaction", "unit": "52", "period": "2026Q9"}, 422, "Mã kỳ"),
        ({"indicator": "satisfaction", "unit": "52", "period": "2026", "split": "x"}, 422, "split"),
        ({"indicator": "satisfaction", "unit": "52"}, 422, "không hợp lệ"),
    ],
)
def test_values_bad_input(client, world, params, status, detail):
    response = client.get("/api/v1/kpi/values", params)
    assert response.status_code == status
    assert detail in response.json()["detail"]


def test_public_indicators_page(client):
    response = client.get("/chi-tieu/dinh-nghia/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tỷ lệ người dân ở nông thôn được tiếp cận" in html
    assert "[Số người được định danh đã tiếp cận qua nền tảng số]" in html  # formula in words
    assert "Biểu mẫu nhập số liệu khảo sát của xã, phường (đã duyệt)" in html  # source
    assert "≥ 70%" in html and "Giai đoạn 2028–2030" in html
