"""Each preloaded indicator computed from fixture data, checked against a hand calculation:
per commune, rolled up to the province (population-weighted where the indicator says so)
and split urban/rural; incremental recompute and reproducibility."""

from datetime import date
from decimal import Decimal

import pytest

from pbgdpl.kpi import compute, services
from pbgdpl.kpi.models import DataValue, DirtyMark, Indicator, IndicatorValue, Survey
from pbgdpl.kpi.periods import period_get
from pbgdpl.kpi.selectors import indicator_children, indicator_value
from pbgdpl.kpi.services import SurveyAnswer
from pbgdpl.people.reach import ReachRecord

from .factories import entry_approved, survey_make

pytestmark = pytest.mark.django_db

DAY = date(2026, 5, 10)


def person(n: int, unit, *, source="account", on=DAY) -> ReachRecord:
    return ReachRecord(keys=(f"k{n}",), unit_id=unit.pk, on=on, source=source)


@pytest.fixture
def loaded(world, fake_sources):
    """The figures of the hand calculation in docs/kpi.md (year 2026)."""
    entry_approved(world, world.ward_a, "2026", 100, 90, 95)
    entry_approved(world, world.ward_b, "2026", 200, 140, 180)
    entry_approved(world, world.commune_x, "2026", 100, 50, 80)
    entry_approved(world, world.commune_y, "2026", 50, 5, 40)
    # Identified persons: 5 in ward A, 30 in commune X, 800 in commune Y (more than its
    # survey estimate of 500: the floor applies).
    records = [person(i, world.ward_a) for i in range(5)]
    records += [person(100 + i, world.commune_x) for i in range(30)]
    records += [person(1000 + i, world.commune_y) for i in range(800)]
    fake_sources.reach["account"] = records
    fake_sources.page_views = [
        (world.ward_a.pk, DAY, 120),
        (world.commune_x.pk, DAY, 30),
        (world.commune_x.pk, date(2025, 12, 31), 999),  # another year
    ]
    fake_sources.training = {
        "52": {"in_registry": 50, "trained": 10, "trained_since_phase": 40, "deliveries": 10,
               "deliveries_online": 6, "trainee_hours": 100.0, "trainee_hours_online": 80.0},
        "52010": {"in_registry": 10, "trained": 2, "trained_since_phase": 9, "deliveries": 4,
                  "deliveries_online": 3, "trainee_hours": 30.0, "trainee_hours_online": 27.0},
        "52020": {"in_registry": 10, "trained": 3, "trained_since_phase": 8, "deliveries": 3,
                  "deliveries_online": 2, "trainee_hours": 20.0, "trainee_hours_online": 15.0},
        "52030": {"in_registry": 20, "trained": 4, "trained_since_phase": 15, "deliveries": 5,
                  "deliveries_online": 2, "trainee_hours": 40.0, "trainee_hours_online": 30.0},
    }  # fmt: skip
    survey = survey_make(world)
    for i, (score, unit) in enumerate([(5, "52010"), (4, "52010"), (3, "52010"), (5, ""), (1, "")]):
        services.survey_response_add(
            survey=survey, answer=SurveyAnswer(score=score, unit=unit), client=f"c{i}", day=DAY
        )
    report = compute.indicators_compute(period=period_get("2026"))
    DirtyMark.objects.all().delete()  # as if the other periods were computed too
    return report


def value(world, code, unit, split=""):
    return indicator_value(
        indicator=Indicator.objects.get(code=code), unit=unit, period="2026", split=split
    )


def approx(x) -> Decimal:
    return Decimal(x).quantize(Decimal("0.000001"))


def test_reach_urban_per_ward_and_population_weighted(world, loaded):
    assert value(world, "reach_urban", world.ward_a).value == approx(90)
    assert value(world, "reach_urban", world.ward_b).value == approx(70)
    province = value(world, "reach_urban", world.province)
    # (90 × 10,000 + 70 × 30,000) / 40,000 = 75
    assert province.value == approx(75)
    assert province.numerator == approx(9_000 + 21_000)
    assert province.denominator == approx(40_000)
    assert (province.units_with_data, province.units_total) == (2, 2)
    assert province.target == Decimal(80) and province.band == "amber"
    # The urban split of the province is the same thing; a rural split does not apply.
    assert value(world, "reach_urban", world.province, "urban").value == approx(75)
    assert value(world, "reach_urban", world.province, "rural").value is None
    assert value(world, "reach_urban", world.commune_x).computed is False


def test_reach_rural_uses_identified_persons_as_a_floor(world, loaded):
    assert value(world, "reach_rural", world.commune_x).value == approx(50)
    # Survey: 5/50 × 5,000 = 500 persons; 800 identified persons: 800/5,000 = 16%.
    commune_y = value(world, "reach_rural", world.commune_y)
    assert commune_y.value == approx(16)
    assert commune_y.numerator == approx(800)
    province = value(world, "reach_rural", world.province)
    # (50 × 20,000 + 16 × 5,000) / 25,000 = 43.2
    assert province.value == approx("43.2")
    assert province.target == Decimal(60) and province.band == "red"


def test_reach_without_survey_has_no_value_and_lowers_coverage(world, loaded):
    services.entry_unlock(
        actor=world.province_admin, unit=world.commune_y, period="2026",
        reason="Số liệu khảo sát nhập nhầm cột.",
    )  # fmt: skip
    compute.dirty_recompute()
    assert value(world, "reach_rural", world.commune_y).value is None
    province = value(world, "reach_rural", world.province)
    assert province.value == approx(50)
    assert (province.units_with_data, province.units_total) == (1, 2)
    assert (province.population_with_data, province.population_total) == (20_000, 25_000)


def test_trained_share_from_the_phase_start_and_split(world, loaded):
    # The province figure is the training app's own (people of the province level too).
    assert value(world, "trained_share", world.province).value == approx(80)  # 40/50
    assert value(world, "trained_share", world.province).band == "green"
    assert value(world, "trained_share", world.ward_a).value == approx(90)  # 9/10
    # Urban: (9 + 8) / (10 + 10); rural: 15 / 20 (commune Y has nobody: no value).
    assert value(world, "trained_share", world.province, "urban").value == approx(85)
    assert value(world, "trained_share", world.province, "rural").value == approx(75)
    assert value(world, "trained_share", world.commune_y).value is None


def test_online_training_by_hours_and_by_sessions(world, loaded):
    assert value(world, "training_online_hours", world.province).value == approx(80)  # 80/100
    assert value(world, "training_online_sessions", world.province).value == approx(60)  # 6/10
    # Urban hours: (27 + 15) / (30 + 20) = 84%; rural sessions: 2/5 = 40%.
    assert value(world, "training_online_hours", world.province, "urban").value == approx(84)
    assert value(world, "training_online_sessions", world.province, "rural").value == approx(40)
    assert value(world, "training_online_hours", world.province).band == "green"
    assert value(world, "training_online_sessions", world.province).band == "red"


def test_satisfaction_pools_portal_answers_and_surveys(world, loaded):
    # Portal: ward A 3 answers (2 satisfied), no commune 2 answers (1 satisfied, counted
    # for the survey's unit, the province). Entries: 95/100, 180/200, 80/100, 40/50.
    province = value(world, "satisfaction", world.province)
    assert province.numerator == approx(3 + 95 + 180 + 80 + 40)
    assert province.denominator == approx(5 + 100 + 200 + 100 + 50)
    assert province.value == approx(Decimal(398) * 100 / Decimal(455))
    assert province.band == "amber"  # 87.47 < 90, within 10 points
    urban = value(world, "satisfaction", world.province, "urban")
    assert urban.value == approx(Decimal(277) * 100 / Decimal(303))
    assert value(world, "satisfaction", world.province, "rural").value == approx(80)
    assert value(world, "satisfaction", world.ward_a).value == approx(Decimal(97) * 100 / 103)


def test_supporting_counts(world, loaded):
    assert value(world, "reach_identified", world.province).value == approx(835)
    assert value(world, "reach_identified", world.province, "urban").value == approx(5)
    assert value(world, "reach_identified", world.commune_y).value == approx(800)
    assert value(world, "page_views_local", world.province).value == approx(150)
    assert value(world, "page_views_local", world.commune_x).value == approx(30)


def test_children_sorted_by_distance_to_target(world, loaded):
    rows = indicator_children(
        indicator=Indicator.objects.get(code="satisfaction"), unit=world.province, period="2026"
    )
    # Targets 90: commune X 80 (short 10), commune Y 80 (short 10), ward B 90 (met),
    # ward A 94.2 (met, further above).
    assert [r.unit.code for r in rows] == ["52030", "52040", "52020", "52010"]
    rural_only = indicator_children(
        indicator=Indicator.objects.get(code="reach_rural"), unit=world.province, period="2026"
    )
    assert [r.unit.code for r in rural_only] == ["52040", "52030"]


def test_compute_again_changes_nothing_and_same_inputs_same_hash(world, loaded):
    before = {
        (r.indicator_id, r.unit_id, r.split): (r.inputs_hash, r.value, r.computed_at)
        for r in IndicatorValue.objects.all()
    }
    report = compute.indicators_compute(period=period_get("2026"))
    assert report.written == 0 and report.unchanged == len(before)
    after = {
        (r.indicator_id, r.unit_id, r.split): (r.inputs_hash, r.value, r.computed_at)
        for r in IndicatorValue.objects.all()
    }
    assert after == before
    # From scratch, the same inputs give the same rows.
    IndicatorValue.objects.all().delete()
    compute.indicators_compute(period=period_get("2026"))
    again = {
        (r.indicator_id, r.unit_id, r.split): (r.inputs_hash, r.value)
        for r in IndicatorValue.objects.all()
    }
    assert again == {k: v[:2] for k, v in before.items()}


def test_incremental_recompute_touches_only_what_changed(world, loaded, fake_sources):
    urban = Indicator.objects.get(code="reach_urban")
    untouched = IndicatorValue.objects.get(indicator=urban, unit=world.ward_b, split="")
    services.entry_unlock(
        actor=world.province_admin, unit=world.ward_a, period="2026",
        reason="Phường báo cáo lại sau khi khảo sát bổ sung.",
    )  # fmt: skip
    services.entry_save(
        actor=world.officer_a, unit=world.ward_a, period="2026",
        sample=100, reached=100, satisfied=95, today=date(2026, 12, 7),
    )  # fmt: skip
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    services.entry_approve(actor=world.approver, unit=world.ward_a, period="2026")
    # A partial recompute does not read the apps again.
    fake_sources.calls.clear()
    fake_sources.reach["account"] = []
    reports = compute.dirty_recompute()
    assert [r.period for r in reports] == ["2026"] and not reports[0].refreshed_sources
    assert fake_sources.calls == []
    assert value(world, "reach_urban", world.ward_a).value == approx(100)
    # (100 × 10,000 + 70 × 30,000) / 40,000 = 77.5
    assert value(world, "reach_urban", world.province).value == approx("77.5")
    assert IndicatorValue.objects.get(pk=untouched.pk).computed_at == untouched.computed_at
    # The stored identified persons (read by the full computation) are still used.
    assert value(world, "reach_identified", world.province).value == approx(835)
    # A full computation reads the apps again: nobody identified any more.
    compute.indicators_compute(period=period_get("2026"))
    assert value(world, "reach_identified", world.province).value == approx(0)
    assert not DataValue.objects.filter(element__code="reach_identified").exists()


def test_only_approved_figures_count(world, fake_sources):
    services.entry_save(
        actor=world.officer_a, unit=world.ward_a, period="2026",
        sample=100, reached=90, satisfied=95, today=date(2026, 12, 7),
    )  # fmt: skip
    compute.indicators_compute(period=period_get("2026"))
    assert value(world, "reach_urban", world.ward_a).value is None
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    services.entry_approve(actor=world.approver, unit=world.ward_a, period="2026")
    compute.dirty_recompute()
    assert value(world, "reach_urban", world.ward_a).value == approx(90)


def test_year_from_quarters_when_no_yearly_figures(world, fake_sources):
    entry_approved(world, world.ward_a, "2026Q1", 40, 30, 35)
    entry_approved(world, world.ward_a, "2026Q2", 60, 50, 55)
    compute.indicators_compute(period=period_get("2026"))
    # Pooled: (30 + 50) / (40 + 60) = 80%.
    assert value(world, "reach_urban", world.ward_a).value == approx(80)
    q1 = indicator_value(
        indicator=Indicator.objects.get(code="reach_urban"), unit=world.ward_a, period="2026Q1"
    )
    assert q1.computed is False  # 2026Q1 is computed on its own
    compute.dirty_recompute()
    q1 = indicator_value(
        indicator=Indicator.objects.get(code="reach_urban"), unit=world.ward_a, period="2026Q1"
    )
    assert q1.value == approx(75)


def test_reach_counts_a_person_once_across_sources(world, fake_sources):
    fake_sources.reach["account"] = [
        ReachRecord(keys=("phone1", "mail1"), unit_id=world.ward_a.pk, on=DAY, source="account")
    ]
    fake_sources.reach["qa"] = [
        # the same person (same e-mail) asked a question later, from commune X
        ReachRecord(keys=("mail1",), unit_id=world.commune_x.pk, on=date(2026, 6, 1), source="qa"),
        # a second person, without a commune: not counted anywhere
        ReachRecord(keys=("phone2",), unit_id=None, on=DAY, source="qa"),
        # a record without any key identifies nobody
        ReachRecord(keys=(), unit_id=world.ward_b.pk, on=DAY, source="qa"),
    ]
    fake_sources.reach["contest"] = [
        # linked to the first person through phone1, in commune X, earlier
        ReachRecord(
            keys=("phone1", "phone3"), unit_id=world.commune_x.pk, on=DAY, source="contest"
        ),
    ]
    compute.indicators_compute(period=period_get("2026"))
    assert value(world, "reach_identified", world.province).value == approx(1)
    assert value(world, "reach_identified", world.commune_x).value == approx(1)
    assert value(world, "reach_identified", world.ward_a).value == approx(0)
    # In May only the account and the contest record: latest by day, then by source name.
    compute.indicators_compute(period=period_get("2026-05"))
    may = indicator_value(
        indicator=Indicator.objects.get(code="reach_identified"), unit=world.commune_x,
        period="2026-05",
    )  # fmt: skip
    assert may.value == approx(1)


def test_a_new_survey_answer_marks_its_periods_for_a_full_recompute(world, loaded):
    survey = Survey.objects.get()
    services.survey_response_add(
        survey=survey, answer=SurveyAnswer(score=5, unit="52040"), client="new", day=DAY
    )
    marks = set(DirtyMark.objects.values_list("period__code", "unit"))
    assert marks == {("2026", None), ("2026Q2", None), ("2026-05", None)}
    reports = {r.period: r for r in compute.dirty_recompute()}
    assert set(reports) == {"2026", "2026Q2", "2026-05"}
    assert all(r.refreshed_sources for r in reports.values())
    # Commune Y: (1 + 40) / (1 + 50).
    assert value(world, "satisfaction", world.commune_y).value == approx(Decimal(4100) / 51)
    assert not DirtyMark.objects.exists()
