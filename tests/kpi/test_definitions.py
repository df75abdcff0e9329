"""The preloaded indicators: loaded by the migration, idempotent, formulas valid, the plan's
targets per phase and kind of unit."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from pbgdpl.kpi.definitions import INDICATORS
from pbgdpl.kpi.formula import formula_check
from pbgdpl.kpi.models import DataElement, Indicator, Phase, Target

pytestmark = pytest.mark.django_db


def targets_of(code: str) -> dict[tuple[str, str], Decimal]:
    return {
        (t.phase.code, t.unit_scope): t.value
        for t in Target.objects.filter(indicator__code=code).select_related("phase")
    }


def test_the_plan_is_preloaded_with_its_targets():
    assert list(Indicator.objects.values_list("code", flat=True)) == [
        "reach_urban", "reach_rural", "trained_share", "training_online_hours",
        "training_online_sessions", "satisfaction", "reach_identified", "page_views_local",
    ]  # fmt: skip
    assert targets_of("reach_urban") == {("2025-2027", "urban"): 80, ("2028-2030", "urban"): 90}
    assert targets_of("reach_rural") == {("2025-2027", "rural"): 60, ("2028-2030", "rural"): 70}
    assert targets_of("trained_share") == {("2025-2027", "all"): 80, ("2028-2030", "all"): 100}
    assert targets_of("training_online_hours") == {
        ("2025-2027", "all"): 75,
        ("2028-2030", "all"): 90,
    }
    assert targets_of("satisfaction") == {("2025-2027", "all"): 90, ("2028-2030", "all"): 90}
    assert targets_of("reach_identified") == {}
    sessions = Indicator.objects.get(code="training_online_sessions")
    assert sessions.companion_of.code == "training_online_hours"
    phases = list(Phase.objects.values_list("code", "start", "end"))
    assert [p[0] for p in phases] == ["2025-2027", "2028-2030"]


def test_every_formula_uses_known_elements_and_is_written_in_vietnamese():
    known = set(DataElement.objects.values_list("code", flat=True))
    for indicator in Indicator.objects.all():
        formula_check(indicator.numerator, known=known)
        if indicator.denominator:
            formula_check(indicator.denominator, known=known)
        assert indicator.definition and indicator.data_sources
        assert any(ch in indicator.name for ch in "ạảãáàâấầẩẫậăắằẳẵặđệế")


def test_the_loader_is_idempotent_and_restores_the_plan(capsys):
    Target.objects.filter(indicator__code="reach_urban", phase__code="2025-2027").update(value=1)
    Indicator.objects.filter(code="satisfaction").update(name="x")
    counts = (Indicator.objects.count(), Target.objects.count(), DataElement.objects.count())
    call_command("kpi_indicators_load")
    assert (
        Indicator.objects.count(),
        Target.objects.count(),
        DataElement.objects.count(),
    ) == counts
    assert targets_of("reach_urban")[("2025-2027", "urban")] == 80
    assert Indicator.objects.get(code="satisfaction").name == next(
        i["name"] for i in INDICATORS if i["code"] == "satisfaction"
    )
    assert "Đã nạp chỉ tiêu: mới 0 chỉ tiêu" in capsys.readouterr().out
