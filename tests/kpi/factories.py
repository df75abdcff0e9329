"""The indicators' test world: province "52" with two wards (urban) and two communes
(rural) of known population, the staff of each role, and helpers that take the survey
figures of a commune through the real services to "approved"."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from pbgdpl.kpi import services
from pbgdpl.kpi.models import Survey
from tests.factories import UnitFactory
from tests.qa.factories import staff

from . import fakes

TODAY = date(2026, 12, 7)


@dataclass
class KpiWorld:
    province: Any
    ward_a: Any  # urban, 10,000 people
    ward_b: Any  # urban, 30,000 people
    commune_x: Any  # rural, 20,000 people
    commune_y: Any  # rural, 5,000 people
    province_admin: Any
    other_admin: Any  # a second province admin
    approver: Any
    officer_a: Any  # unit_officer of ward_a
    officer_x: Any  # unit_officer of commune_x
    editor: Any
    citizen: Any


def kpi_world() -> KpiWorld:
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh", population=None)
    ward_a = UnitFactory(
        parent=province,
        code="52010",
        name="Phường Quy Nhơn",
        kind="phuong",
        is_urban=True,
        population=10_000,
    )
    ward_b = UnitFactory(
        parent=province,
        code="52020",
        name="Phường Pleiku",
        kind="phuong",
        is_urban=True,
        population=30_000,
    )
    commune_x = UnitFactory(
        parent=province,
        code="52030",
        name="Xã Ia Hrú",
        kind="xa",
        is_urban=False,
        population=20_000,
    )
    commune_y = UnitFactory(
        parent=province, code="52040", name="Xã Kông Chro", kind="xa",
        is_urban=False, population=5_000,
    )  # fmt: skip
    return KpiWorld(
        province=province,
        ward_a=ward_a,
        ward_b=ward_b,
        commune_x=commune_x,
        commune_y=commune_y,
        province_admin=staff("province_admin", province),
        other_admin=staff("province_admin", province),
        approver=staff("approver", province),
        officer_a=staff("unit_officer", ward_a),
        officer_x=staff("unit_officer", commune_x),
        editor=staff("editor", province),
        citizen=staff("citizen", ward_a),
    )


def entry_approved(world: KpiWorld, unit: Any, period: str, sample, reached, satisfied):
    """The figures of ``unit`` for ``period`` entered by a province admin, submitted and
    approved by the approver."""
    services.entry_save(
        actor=world.province_admin, unit=unit, period=period,
        sample=sample, reached=reached, satisfied=satisfied, today=TODAY,
    )  # fmt: skip
    services.entry_submit(actor=world.province_admin, unit=unit, period=period)
    return services.entry_approve(actor=world.approver, unit=unit, period=period)


def survey_make(world: KpiWorld, **overrides: Any) -> Survey:
    values = {
        "slug": "hai-long-cong",
        "title": "Mức độ hài lòng với cổng",
        "context": "portal",
        "question": "Bạn hài lòng thế nào với thông tin pháp luật trên cổng?",
        "unit": world.province,
        "sampling_rate": 1,
        "active": True,
    }
    values.update(overrides)
    return Survey.objects.create(**values)


@pytest.fixture
def fake_sources(settings):
    """Every automatic source answered by :mod:`tests.kpi.fakes` (empty to begin with)."""
    settings.KPI_REACH_SOURCES = fakes.REACH_SOURCES
    settings.KPI_PAGE_VIEWS_SOURCE = "tests.kpi.fakes.local_page_views"
    settings.KPI_TRAINING_STATS_SOURCE = "tests.kpi.fakes.training_stats"
    data = fakes.reset()
    yield data
    fakes.reset()
