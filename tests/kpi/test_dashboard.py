"""The KPI dashboard over HTTP: the public summary (values against targets, trend, urban
and rural, formula and sources, no personal data), the drill-down (units furthest from the
target first), refusals (unknown indicator or unit: 404; bad period or area: a message),
and the staff view with its permission boundaries."""

import re

import pytest
from django.utils import translation

from pbgdpl.kpi.compute import indicators_compute
from pbgdpl.kpi.dashboard import (
    DashboardInputError,
    period_choose,
    period_options,
    trend_codes,
)
from pbgdpl.kpi.periods import period_get
from tests.factories import login_with_second_factor

from .factories import TODAY, entry_approved

pytestmark = pytest.mark.django_db

ADMIN = "/admin/chi-tieu/theo-doi/"


@pytest.fixture
def data(world, fake_sources):
    """Two quarters of survey figures, approved, and the indicators computed:

    reach (reached / sample): ward A 90 % (urban target 80: reached), ward B 75 % (close),
    commune X 30 % (rural target 60: far below), commune Y 64 % (reached) in Q1; everyone
    a little higher in Q2. Satisfaction: 95 %, 85 %, 50 %, 92 %."""
    figures = {
        world.ward_a: (200, 180, 190),
        world.ward_b: (200, 150, 170),
        world.commune_x: (100, 30, 50),
        world.commune_y: (100, 64, 92),
    }
    for quarter, extra in (("2026Q1", 0), ("2026Q2", 4)):
        for unit, (sample, reached, satisfied) in figures.items():
            entry_approved(world, unit, quarter, sample, reached + extra, satisfied)
    for code in ("2026Q1", "2026Q2", "2026"):
        indicators_compute(period=period_get(code), today=TODAY)
    return world


def _html(response) -> str:
    return response.content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --------------------------------------------------------------------------- periods


def test_period_choice_defaults_to_this_year_and_refuses_codes_outside_the_plan(db):
    assert period_choose("", today=TODAY).code == "2026"
    assert period_choose(" 2026q3 ", today=TODAY).code == "2026Q3"
    with pytest.raises(DashboardInputError, match="không hợp lệ"):
        period_choose("2026Q7", today=TODAY)
    with pytest.raises(DashboardInputError, match="ngoài thời gian theo dõi"):
        period_choose("2024", today=TODAY)
    with pytest.raises(DashboardInputError, match="ngoài thời gian theo dõi"):
        period_choose("2027-01", today=TODAY)


def test_trends_and_the_picker_stay_within_the_plan_and_today(db):
    assert trend_codes(period_get("2026"), today=TODAY) == [f"2026Q{q}" for q in range(1, 5)]
    assert trend_codes(period_get("2025Q2"), today=TODAY) == ["2025Q1", "2025Q2"]
    months = trend_codes(period_get("2026-03"), today=TODAY)
    assert months[0] == "2025-04" and months[-1] == "2026-03" and len(months) == 12
    with translation.override("vi"):
        groups = period_options(selected="2026Q2", today=TODAY)
    assert [g.label for g in groups] == ["Năm", "Quý", "Tháng"]
    assert [o.code for o in groups[0].options] == ["2026", "2025"]
    assert groups[1].options[0].code == "2026Q4"
    assert groups[2].options[0].code == "2026-12" and groups[2].options[-1].code == "2025-01"
    assert [o.code for g in groups for o in g.options if o.selected] == ["2026Q2"]


# --------------------------------------------------------------------------- summary


def test_public_summary_shows_values_against_targets_with_method_and_charts(client, data):
    response = client.get("/chi-tieu/", {"ky": "2026"})
    assert response.status_code == 200
    html = _html(response)
    text = _text(html)
    summary = response.context["summary"]
    assert summary.unit == data.province
    panels = {p.indicator.code: p for p in summary.panels}
    # Urban: population-weighted over the wards, (10,000 × 91 % + 30,000 × 76 %) / 40,000.
    urban = panels["reach_urban"].headline
    assert urban.value_text == "79,8\u00a0%"
    assert urban.band == "amber" and urban.target_text == "≥\u00a080\u00a0%"
    assert "Tiếp cận số – đô thị" in text and "79,8\u00a0%" in html
    # Rural: (20,000 × 32 % + 5,000 × 66 %) / 25,000 = 38,8 %: far below 60.
    assert panels["reach_rural"].headline.value_text == "38,8\u00a0%"
    assert panels["reach_rural"].headline.band == "red"
    assert "Còn thiếu 21,2 điểm phần trăm" in text
    # Urban and rural of an indicator about everyone.
    satisfaction = panels["satisfaction"]
    assert satisfaction.urban.value_text != satisfaction.rural.value_text
    # Charts are accessible images next to their tables.
    assert html.count('role="img"') >= 3
    assert 'id="tong-quan-t"' in html and 'id="thanh-thi-nong-thon-t"' in html
    assert "<table" in html and "Bảng số liệu theo kỳ" in text
    # Formula and data sources on screen.
    assert "Cách tính và nguồn số liệu" in text
    assert "Số người được khảo sát" in text
    assert "Biểu mẫu nhập số liệu khảo sát của xã, phường (đã duyệt)" in text
    # Works without JavaScript: a GET form with a submit button picks the period.
    assert re.search(r'<form class="kd-picker" method="get"', html)
    assert '<option value="2026Q2"' in html


def test_public_pages_show_no_personal_data(client, data):
    pages = [
        client.get("/chi-tieu/", {"ky": "2026"}),
        client.get(f"/chi-tieu/satisfaction/{data.province.code}/", {"ky": "2026"}),
        client.get(f"/chi-tieu/satisfaction/{data.commune_x.code}/", {"ky": "2026Q1"}),
    ]
    people = [data.province_admin, data.approver, data.officer_a, data.officer_x]
    for response in pages:
        assert response.status_code == 200
        html = _html(response)
        for person in people:
            assert person.email not in html
            assert person.last_name not in html
        assert re.search(r"[\w.+-]+@[\w-]+\.\w+", html) is None  # no e-mail address at all


def test_summary_of_a_commune_and_an_unknown_unit(client, data):
    response = client.get("/chi-tieu/", {"ky": "2026Q1", "don-vi": data.commune_x.code})
    assert response.status_code == 200
    panels = {p.indicator.code: p for p in response.context["summary"].panels}
    assert panels["reach_rural"].headline.value_text == "30,0\u00a0%"
    assert panels["reach_rural"].urban is None  # a commune has no split of its own
    assert "reach_urban" not in panels  # not about a rural commune
    response = client.get("/chi-tieu/", {"ky": "2026", "don-vi": "99999"})
    assert response.status_code == 400
    assert "Không có đơn vị hành chính mã “99999”." in _html(response)


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2026Q7", "Mã kỳ “2026Q7” không hợp lệ."),
        ("hom-qua", "Mã kỳ “hom-qua” không hợp lệ."),
        ("2024", "Kỳ “2024” nằm ngoài thời gian theo dõi"),
    ],
)
def test_bad_period_gets_a_message_and_the_picker(client, data, period, message):
    for url in ("/chi-tieu/", f"/chi-tieu/reach_rural/{data.province.code}/"):
        response = client.get(url, {"ky": period})
        assert response.status_code == 400
        html = _html(response)
        assert message in html
        assert 'role="alert"' in html and 'name="ky"' in html
        assert 'role="img"' not in html  # nothing shown for a period that was refused


# --------------------------------------------------------------------------- drill-down


def test_drilldown_lists_units_furthest_from_target_first(client, data):
    url = f"/chi-tieu/satisfaction/{data.province.code}/"
    response = client.get(url, {"ky": "2026"})
    assert response.status_code == 200
    drill = response.context["drill"]
    # Satisfaction (target 90): X 50 % (−40), B 85 % (−5), Y 92 %, A 95 % (reached).
    names = [row.view.unit.name for row in drill.children]
    assert names == ["Xã Ia Hrú", "Phường Pleiku", "Xã Kông Chro", "Phường Quy Nhơn"]
    assert [row.view.band for row in drill.children] == ["red", "amber", "green", "green"]
    html = _html(response)
    positions = [html.index(f">{name}</a></th>") for name in names]
    assert positions == sorted(positions)
    assert drill.band_counts == {"green": 2, "amber": 1, "red": 1, "": 0}
    assert 'id="don-vi-t"' in html  # the children's chart
    # Each child links to its own page.
    assert f"/chi-tieu/satisfaction/{data.commune_x.code}/?ky=2026" in html


def test_drilldown_by_area_and_of_an_urban_only_indicator(client, data):
    url = f"/chi-tieu/satisfaction/{data.province.code}/"
    response = client.get(url, {"ky": "2026", "khu-vuc": "nong-thon"})
    assert response.status_code == 200
    drill = response.context["drill"]
    assert [row.view.unit.name for row in drill.children] == ["Xã Ia Hrú", "Xã Kông Chro"]
    assert drill.split == "rural"
    response = client.get(f"/chi-tieu/reach_urban/{data.province.code}/", {"ky": "2026"})
    drill = response.context["drill"]
    # Only the wards count for the urban indicator: B (76 %) is further from 80 than A.
    assert [row.view.unit.name for row in drill.children] == ["Phường Pleiku", "Phường Quy Nhơn"]
    assert drill.urban is None and drill.rural is None
    response = client.get(url, {"ky": "2026", "khu-vuc": "mien-nui"})
    assert response.status_code == 400
    assert "Khu vực “mien-nui” không hợp lệ" in _html(response)


def test_drilldown_of_a_commune_shows_its_trend(client, data):
    response = client.get(f"/chi-tieu/reach_rural/{data.commune_x.code}/", {"ky": "2026"})
    assert response.status_code == 200
    drill = response.context["drill"]
    assert drill.children == [] and drill.children_chart is None
    assert [v.value_text for v in drill.trend.rows] == ["30,0\u00a0%", "34,0\u00a0%", "—", "—"]
    html = _html(response)
    assert 'id="xu-huong-t"' in html and "Q2/2026" in html
    assert "Tỉnh Gia Lai</a></li>" in html  # breadcrumb back up to the province


def test_unknown_indicator_or_unit_is_not_found(client, data):
    assert client.get("/chi-tieu/khong-co/52/").status_code == 404
    assert client.get("/chi-tieu/reach_rural/00000/").status_code == 404
    assert client.get("/chi-tieu/reach_rural/52/", {"ky": "2026"}).status_code == 200


# --------------------------------------------------------------------------- staff view


def test_staff_view_shows_figures_coverage_and_entry_states(client, data):
    login_with_second_factor(client, data.province_admin)
    response = client.get(ADMIN, {"ky": "2026", "chi-tieu": "reach_rural"})
    assert response.status_code == 200
    staff = response.context["staff"]
    assert staff.unit == data.province
    readings = {v.indicator.code: v for v in staff.readings}
    assert (
        readings["reach_rural"].coverage_text == "Có số liệu: 2/2 xã, phường (100,0\u00a0% dân số)"
    )
    assert [row.view.unit for row in staff.children] == [data.commune_x, data.commune_y]
    # The year is entered by quarter: a column per quarter with entries.
    assert staff.entry_periods == ["2026Q1", "2026Q2"]
    assert staff.counted == 4
    html = _html(response)
    assert "Đã duyệt" in html and "Xã Kông Chro" in html
    assert "bao-cao.xlsx?ky=2026&amp;don-vi=52" in html and "bao-cao.pdf?" in html


def test_commune_officer_sees_only_their_commune(client, data):
    login_with_second_factor(client, data.officer_x)
    response = client.get(ADMIN, {"ky": "2026"})
    assert response.status_code == 200
    staff = response.context["staff"]
    assert staff.unit == data.commune_x
    codes = [v.indicator.code for v in staff.readings]
    assert "reach_rural" in codes and "reach_urban" not in codes
    assert [u.code for u in response.context["units"]] == [data.commune_x.code]
    other = data.ward_a.code
    assert client.get(ADMIN, {"ky": "2026", "don-vi": other}).status_code == 404
    assert client.get(ADMIN, {"ky": "2026", "don-vi": data.province.code}).status_code == 404
    report = ADMIN + "bao-cao.xlsx"
    assert client.get(report, {"ky": "2026", "don-vi": other}).status_code == 404
    own = client.get(report, {"ky": "2026", "don-vi": data.commune_x.code})
    assert own.status_code == 200
    assert own["Content-Type"].startswith("application/vnd.openxmlformats")


def test_staff_view_refuses_anonymous_citizens_and_staff_without_the_right(client, data):
    response = client.get(ADMIN)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(ADMIN + "bao-cao.pdf", {"ky": "2026"}).status_code == 302
    for person in (data.citizen, data.editor):
        client.logout()
        login_with_second_factor(client, person)
        for url in (ADMIN, ADMIN + "bao-cao.pdf"):
            response = client.get(url, {"ky": "2026"})
            assert response.status_code in (302, 403)
            assert not response.get("Content-Type", "").startswith("application/pdf")


def test_staff_view_bad_input_gets_a_message(client, data):
    login_with_second_factor(client, data.province_admin)
    response = client.get(ADMIN, {"ky": "2026Q5"})
    assert response.status_code == 400
    assert "Mã kỳ “2026Q5” không hợp lệ." in _html(response)
    response = client.get(ADMIN, {"ky": "2026", "chi-tieu": "khong-co"})
    assert response.status_code == 400
    assert "Không có chỉ tiêu mã “khong-co”." in _html(response)
    response = client.get(ADMIN + "bao-cao.pdf", {"ky": "2026", "loai": "ca-nam"}, follow=True)
    assert "Loại báo cáo “ca-nam” không hợp lệ" in _html(response)


def test_reports_download_for_the_chosen_unit_and_period(client, data):
    login_with_second_factor(client, data.province_admin)
    pdf = client.get(ADMIN + "bao-cao.pdf", {"ky": "2026", "don-vi": "52"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert 'filename="bao-cao-so-ket-chi-tieu-52-2026.pdf"' in pdf["Content-Disposition"]
    xlsx = client.get(ADMIN + "bao-cao.xlsx", {"ky": "2026Q1", "don-vi": "52"})
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    assert "bao-cao-so-ket-chi-tieu-52-2026Q1.xlsx" in xlsx["Content-Disposition"]
