"""The indicators' demo: a year of survey figures through the real workflow, some communes
above and some below their targets, the last quarter still open, survey answers, the
indicators computed; running it again changes nothing."""

import io
from datetime import date

import pytest

from pbgdpl.kpi.demo import SURVEY_SLUG, kpi_demo_load
from pbgdpl.kpi.models import (
    EntryApproval,
    EntryState,
    IndicatorValue,
    Survey,
    SurveyResponse,
)
from pbgdpl.kpi.selectors import indicator_children, indicator_get, indicator_value
from pbgdpl.people.models import User
from tests.factories import UnitFactory
from tests.qa.factories import staff

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


@pytest.fixture
def province(fake_sources):
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    for n in range(4):
        UnitFactory(parent=province, code=f"5210{n}", name=f"Phường Thử {n}", kind="phuong")
    for n in range(5):
        UnitFactory(parent=province, code=f"5220{n}", name=f"Xã Thử {n}", kind="xa")
    return province


def _load(province, admin) -> str:
    out = io.StringIO()
    kpi_demo_load(admin=admin, province=province, stdout=out, today=TODAY)
    return out.getvalue()


def test_demo_loads_a_year_with_communes_above_and_below_target(province):
    admin = staff("province_admin", province)
    output = _load(province, admin)
    assert "9 xã, phường (9 được gán dân số minh hoạ)" in output
    assert "36 biểu số liệu khảo sát mới" in output
    communes = list(province.children.order_by("code"))
    assert all(c.population and c.population > 0 for c in communes)
    # Three quarters locked; the last one still open for some communes.
    states = list(EntryApproval.objects.values_list("period__code", "state"))
    assert {s for code, s in states if code != "2026Q4"} == {EntryState.LOCKED}
    last = {s for code, s in states if code == "2026Q4"}
    assert EntryState.APPROVED in last and EntryState.DRAFT in last
    # Approved by someone else than the person who typed the figures in (four eyes).
    entry = EntryApproval.objects.filter(state=EntryState.LOCKED).first()
    assert entry.approved_by != entry.entered_by
    assert entry.approved_by == User.objects.get(email="duyet@demo.pbgdpl.vn")
    # Survey answers over the year, no personal data (no account key).
    survey = Survey.objects.get(slug=SURVEY_SLUG)
    assert survey.responses.count() == 360
    assert not SurveyResponse.objects.exclude(reach_key="").exists()
    # Computed: the province and its communes, some above target and some below.
    period = "2026"
    assert IndicatorValue.objects.filter(period__code=period).exists()
    for code in ("reach_urban", "reach_rural", "satisfaction"):
        indicator = indicator_get(code)
        province_value = indicator_value(indicator=indicator, unit=province, period=period)
        assert province_value.value is not None
        bands = {
            r.band for r in indicator_children(indicator=indicator, unit=province, period=period)
        }
        if code != "satisfaction":
            assert "green" in bands and bands & {"amber", "red"}, (code, bands)
    # Urban residents are reached more than rural ones.
    urban = indicator_value(indicator=indicator_get("reach_urban"), unit=province, period=period)
    rural = indicator_value(indicator=indicator_get("reach_rural"), unit=province, period=period)
    assert urban.value > rural.value
    # A trend over the quarters.
    for quarter in ("2026Q1", "2026Q4"):
        assert indicator_value(
            indicator=indicator_get("reach_rural"), unit=province, period=quarter
        ).computed


def test_demo_is_idempotent(province):
    admin = staff("province_admin", province)
    _load(province, admin)
    entries = EntryApproval.objects.count()
    answers = SurveyResponse.objects.count()
    values = dict(IndicatorValue.objects.values_list("pk", "inputs_hash").order_by("pk"))
    output = _load(province, admin)
    assert "0 biểu số liệu khảo sát mới, 36 giữ nguyên; 0 câu trả lời" in output
    assert "(0 được gán dân số minh hoạ)" in output
    assert EntryApproval.objects.count() == entries
    assert SurveyResponse.objects.count() == answers
    assert dict(IndicatorValue.objects.values_list("pk", "inputs_hash").order_by("pk")) == values


def test_demo_keeps_real_population_figures(province):
    commune = province.children.order_by("code").first()
    commune.population = 12_345
    commune.save(update_fields=["population"])
    _load(province, staff("province_admin", province))
    commune.refresh_from_db()
    assert commune.population == 12_345
