"""GET /api/v1/outreach/summary: aggregate figures of a unit (with everything below it)
and a period — the same numbers as the report, no titles, places or names — and clear
answers to an unknown unit or a bad period."""

import json
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from pbgdpl.outreach import services
from tests.outreach.factories import activity_add, jpeg_bytes, outreach_world, upload

pytestmark = pytest.mark.django_db

URL = "/api/v1/outreach/summary"


@pytest.fixture
def world():
    world = outreach_world()
    first = activity_add(world, start_date=date(2026, 2, 10), participants_total=120)
    services.evidence_add(
        actor=world.province_admin, activity=first, file=upload("a.jpg", jpeg_bytes())
    )
    activity_add(
        world,
        unit=world.other_commune.code,
        kind="social_media",
        mode="online",
        place="",
        participants_total=None,
        online_views=900,
        url="https://example.vn/bai-viet",
        start_date=date(2026, 3, 1),
        title="Bài viết giới thiệu Luật Trẻ em",
    )
    activity_add(
        world,
        unit=world.province.code,
        kind="conference",
        participants_total=300,
        participants_urban=100,
        participants_rural=150,
        start_date=date(2026, 4, 1),
        title="Hội nghị triển khai công tác năm",
    )
    return world


def test_the_provinces_figures_with_definitions(world):
    response = Client().get(URL, {"unit": "52", "from": "2026-01-01", "to": "2026-06-30"})
    assert response.status_code == 200
    data = response.json()
    assert (data["unit"], data["from"], data["to"]) == ("52", "2026-01-01", "2026-06-30")
    assert (data["activities"], data["activities_offline"], data["activities_online"]) == (3, 2, 1)
    assert (data["participants"], data["participants_urban"], data["participants_rural"]) == (
        420,
        100,
        270,
    )
    assert data["participants_unclassified"] == 50
    assert (data["online_views"], data["with_evidence"], data["units_covered"]) == (900, 1, 2)
    assert data["online_share"] == pytest.approx(33.3)
    kinds = {row["kind"]: row["activities"] for row in data["by_kind"]}
    assert kinds["mobile_session"] == 1 and kinds["social_media"] == 1 and kinds["law_day"] == 0
    assert "thành thị" in data["definitions"]["participants_urban"]


def test_a_communes_figures_and_no_personal_or_descriptive_data(world):
    data = Client().get(URL, {"unit": world.commune.code, "from": "2026-01-01"}).json()
    assert (data["activities"], data["participants_rural"]) == (1, 120)
    text = json.dumps(data, ensure_ascii=False)
    assert "Luật Đất đai" not in text and "thôn 3" not in text
    assert "Nguyễn" not in text


def test_the_default_period_is_this_year(world):
    year = timezone.localdate().year
    data = Client().get(URL, {"unit": "52"}).json()
    assert (data["from"], data["to"]) == (f"{year}-01-01", f"{year}-12-31")


def test_an_unknown_unit_is_not_found(world):
    response = Client().get(URL, {"unit": "00000"})
    assert response.status_code == 404
    assert "00000" in response.json()["detail"]


def test_bad_periods_are_refused(world):
    client = Client()
    backwards = client.get(URL, {"unit": "52", "from": "2026-12-31", "to": "2026-01-01"})
    assert backwards.status_code == 422 and "to" in backwards.json()["errors"]
    too_long = client.get(URL, {"unit": "52", "from": "2015-01-01", "to": "2026-01-01"})
    assert too_long.status_code == 422 and "5 năm" in too_long.json()["errors"]["to"]
    assert client.get(URL, {"unit": "52", "from": "31/12/2026"}).status_code == 422
    assert client.get(URL).status_code == 422


def test_the_route_is_in_the_openapi_schema():
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/outreach/summary" in schema["paths"]
