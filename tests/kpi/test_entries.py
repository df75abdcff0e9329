"""Entry, approval, locking and audited unlocking of the communes' survey figures: the
right roles only, and bad input refused with clear messages, storing nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from pbgdpl.core.models import AuditEvent
from pbgdpl.kpi import services
from pbgdpl.kpi.models import DataValue, EntryApproval, EntryState
from pbgdpl.kpi.selectors import entries_queue, entry_figures
from pbgdpl.kpi.services import KpiInputError, KpiStateError

from .factories import TODAY

pytestmark = pytest.mark.django_db


def save(world, actor=None, unit=None, period="2026", **figures):
    values = {"sample": 100, "reached": 60, "satisfied": 90}
    values.update(figures)
    return services.entry_save(
        actor=actor or world.officer_a,
        unit=unit or world.ward_a,
        period=period,
        today=TODAY,
        **values,
    )


def test_officer_enters_own_commune_and_the_figures_are_stored(world):
    entry = save(world, sample="1.200", reached=" 800 ", satisfied=900, note="Phát phiếu tại chợ.")
    assert entry.state == EntryState.DRAFT and entry.entered_by == world.officer_a
    assert entry_figures(unit=world.ward_a, period=entry.period) == {
        "sample": 1200,
        "reached": 800,
        "satisfied": 900,
    }
    event = AuditEvent.objects.get(action="kpi.entry.save")
    assert event.unit_code == world.ward_a.code
    assert event.data["after"] == {"sample": 1200, "reached": 800, "satisfied": 900}


@pytest.mark.parametrize("who", ["officer_x", "approver", "editor", "citizen"])
def test_others_cannot_enter_for_a_commune(world, who):
    with pytest.raises(PermissionDenied) as exc:
        save(world, actor=getattr(world, who))
    assert "Phường Quy Nhơn" in str(exc.value)
    assert not DataValue.objects.exists() and not EntryApproval.objects.exists()


def test_anonymous_cannot_enter(world):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        save(world, actor=AnonymousUser())


@pytest.mark.parametrize(
    ("figures", "field", "message"),
    [
        ({"sample": "abc"}, "sample", "phải là số nguyên không âm (ví dụ 120), không phải “abc”"),
        ({"sample": "12,5"}, "sample", "phải là số nguyên không âm"),
        ({"sample": ""}, "sample", "Chưa nhập số người được khảo sát"),
        ({"sample": 0, "reached": 0, "satisfied": 0}, "sample", "phải lớn hơn 0"),
        ({"reached": "-5"}, "reached", "không được là số âm"),
        ({"reached": 101}, "reached", "(101) không được lớn hơn số người được khảo sát (100)"),
        ({"satisfied": 150}, "satisfied", "không được lớn hơn số người được khảo sát (100)"),
        ({"sample": 10_001, "reached": 1, "satisfied": 1}, "sample", "dân số của Phường Quy Nhơn"),
        ({"reached": 1.5}, "reached", "không có phần lẻ"),
    ],
)
def test_bad_figures_are_refused_with_a_message_and_nothing_stored(world, figures, field, message):
    with pytest.raises(KpiInputError) as exc:
        save(world, **figures)
    assert message in exc.value.errors[field]
    assert not DataValue.objects.exists() and not EntryApproval.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="kpi.").exists()


def test_unknown_unit_and_bad_period_are_refused_together(world):
    with pytest.raises(KpiInputError) as exc:
        save(world, unit="99999", period="2026Q5")
    assert exc.value.errors["unit"] == "Không có đơn vị hành chính mã “99999”."
    assert "2026Q5" in exc.value.errors["period"]


def test_only_communes_and_started_periods(world):
    with pytest.raises(KpiInputError) as exc:
        save(world, actor=world.province_admin, unit=world.province)
    assert "xã, phường, đặc khu" in exc.value.errors["unit"]
    with pytest.raises(KpiInputError) as exc:
        save(world, period="2027Q1")
    assert "chưa bắt đầu" in exc.value.errors["period"]


def test_the_whole_workflow_and_four_eyes(world):
    save(world)
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    assert [e.unit for e in entries_queue(world.approver)] == [world.ward_a]
    assert list(entries_queue(world.officer_a)) == []
    # An officer does not approve; nor does anyone who typed or sent the figures.
    with pytest.raises(PermissionDenied):
        services.entry_approve(actor=world.officer_a, unit=world.ward_a, period="2026")
    entry = services.entry_approve(actor=world.approver, unit=world.ward_a, period="2026")
    assert entry.state == EntryState.APPROVED and entry.approved_by == world.approver
    # Approved: no more typing, even by a province administrator.
    with pytest.raises(KpiStateError) as exc:
        save(world, reached=70)
    assert "đã được duyệt" in str(exc.value)
    with pytest.raises(KpiStateError):
        save(world, actor=world.province_admin, reached=70)
    entry = services.entry_lock(actor=world.approver, unit=world.ward_a, period="2026")
    assert entry.state == EntryState.LOCKED
    with pytest.raises(KpiStateError) as exc:
        save(world, reached=70)
    assert "đã khoá" in str(exc.value)
    assert entry_figures(unit=world.ward_a, period=entry.period)["reached"] == 60


def test_self_approval_is_refused(world):
    save(world, actor=world.province_admin)
    services.entry_submit(actor=world.province_admin, unit=world.ward_a, period="2026")
    with pytest.raises(PermissionDenied) as exc:
        services.entry_approve(actor=world.province_admin, unit=world.ward_a, period="2026")
    assert "không tự duyệt" in str(exc.value)
    entry = services.entry_approve(actor=world.other_admin, unit=world.ward_a, period="2026")
    assert entry.state == EntryState.APPROVED


def test_return_needs_a_reason_and_sends_back_to_draft(world):
    save(world)
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    with pytest.raises(KpiInputError) as exc:
        services.entry_return(actor=world.approver, unit=world.ward_a, period="2026", reason="sai")
    assert "ít nhất 10 ký tự" in exc.value.errors["reason"]
    entry = services.entry_return(
        actor=world.approver, unit=world.ward_a, period="2026", reason="Cỡ mẫu chưa đúng biên bản."
    )
    assert entry.state == EntryState.DRAFT and entry.returned_reason.startswith("Cỡ mẫu")
    with pytest.raises(KpiStateError):
        services.entry_approve(actor=world.approver, unit=world.ward_a, period="2026")


def test_saving_a_submitted_entry_takes_it_back_to_draft(world):
    save(world)
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    entry = save(world, reached=70)
    assert entry.state == EntryState.DRAFT
    assert AuditEvent.objects.filter(action="kpi.entry.save").last().data["was_submitted"]


def test_unlock_only_by_province_admin_with_an_audited_reason(world):
    save(world)
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    services.entry_approve(actor=world.approver, unit=world.ward_a, period="2026")
    services.entry_lock(actor=world.approver, unit=world.ward_a, period="2026")
    for who in (world.approver, world.officer_a, world.officer_x):
        with pytest.raises(PermissionDenied):
            services.entry_unlock(
                actor=who, unit=world.ward_a, period="2026", reason="Cần sửa số liệu khảo sát."
            )
    with pytest.raises(KpiInputError):
        services.entry_unlock(
            actor=world.province_admin, unit=world.ward_a, period="2026", reason=""
        )
    assert EntryApproval.objects.get().state == EntryState.LOCKED
    entry = services.entry_unlock(
        actor=world.province_admin, unit=world.ward_a, period="2026",
        reason="Phường phát hiện trùng phiếu khảo sát.",
    )  # fmt: skip
    assert entry.state == EntryState.DRAFT and entry.approved_by is None
    event = AuditEvent.objects.get(action="kpi.entry.unlock")
    assert event.actor_id == world.province_admin.pk
    assert event.data == {
        "period": "2026",
        "reason": "Phường phát hiện trùng phiếu khảo sát.",
        "previous_state": "locked",
    }
    # The officer can correct the figures again.
    assert save(world, reached=70).state == EntryState.DRAFT


def test_lock_a_whole_period_skips_pending_communes(world):
    save(world)  # ward A: draft
    save(world, actor=world.officer_x, unit=world.commune_x)
    services.entry_submit(actor=world.officer_x, unit=world.commune_x, period="2026")
    services.entry_approve(actor=world.approver, unit=world.commune_x, period="2026")
    with pytest.raises(PermissionDenied):
        services.entries_lock(actor=world.officer_a, unit=world.province, period="2026")
    report = services.entries_lock(actor=world.approver, unit=world.province, period="2026")
    assert sorted(u.code for u in report.locked) == ["52020", "52030", "52040"]
    assert [u.code for u in report.pending] == ["52010"]
    states = dict(EntryApproval.objects.values_list("unit__code", "state"))
    assert states == {"52010": "draft", "52020": "locked", "52030": "locked", "52040": "locked"}
    # Nothing can be typed into a locked, empty commune.
    with pytest.raises(KpiStateError):
        save(world, actor=world.province_admin, unit=world.ward_b)
    again = services.entries_lock(actor=world.approver, unit=world.province, period="2026")
    assert len(again.already) == 3 and not again.locked


def test_a_draft_cannot_be_locked_or_submitted_twice(world):
    save(world)
    with pytest.raises(KpiStateError) as exc:
        services.entry_lock(actor=world.approver, unit=world.ward_a, period="2026")
    assert "chưa được duyệt" in str(exc.value)
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    with pytest.raises(KpiStateError):
        services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")


def test_submit_without_figures(world):
    with pytest.raises(KpiStateError) as exc:
        services.entry_submit(
            actor=world.officer_a, unit=world.ward_a, period=date(2026, 1, 1).strftime("%Y")
        )
    assert "chưa có số liệu" in str(exc.value)
