"""The back office of the survey figures over HTTP (Wagtail admin, staff logged in with a
second factor): who sees which commune, entry with validation messages, the approver's
queue and approval, locking, unlocking with a reason; surveys for province admins."""

import html
import re

import pytest
from django.test import Client

from pbgdpl.core.models import AuditEvent
from pbgdpl.kpi import services
from pbgdpl.kpi.models import DataValue, EntryApproval, EntryState, Survey
from tests.factories import login_with_second_factor

from .factories import TODAY, survey_make

pytestmark = pytest.mark.django_db

HOME = "/admin/chi-tieu/"


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def entry_url(unit, period="2026") -> str:
    return f"{HOME}so-lieu/{unit.code}/{period}/"


def assert_denied(response) -> None:
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")


def figures(**overrides) -> dict:
    data = {"op": "save", "sample": "100", "reached": "60", "satisfied": "90", "note": ""}
    data.update(overrides)
    return data


def test_menu_and_listing_by_role(world):
    def menu_urls(user) -> set[str]:
        page = text_of(client_for(user).get("/admin/"))
        return set(re.findall(r'"url": "(/admin/chi-tieu/[^"]*)"', page))

    dashboard = HOME + "theo-doi/"  # the staff dashboard (wagtail_hooks_dashboard)
    assert menu_urls(world.officer_a) == {HOME, dashboard}
    assert menu_urls(world.approver) == {HOME, HOME + "cho-duyet/", dashboard}
    assert menu_urls(world.province_admin) == {
        HOME,
        HOME + "cho-duyet/",
        HOME + "khao-sat/",
        dashboard,
    }
    assert menu_urls(world.editor) == set()
    listing = text_of(client_for(world.officer_a).get(HOME))
    assert "Phường Quy Nhơn" in listing and "Xã Ia Hrú" not in listing
    everyone = text_of(client_for(world.province_admin).get(HOME + "?period=2026"))
    assert all(name in everyone for name in ("Phường Quy Nhơn", "Phường Pleiku", "Xã Ia Hrú"))
    assert "Khoá kỳ này" in everyone
    assert_denied(client_for(world.editor).get(HOME))
    assert Client().get(HOME).status_code == 302


def test_officer_enters_with_messages_then_submits(world):
    officer = client_for(world.officer_a)
    page = officer.get(entry_url(world.ward_a))
    assert page.status_code == 200 and 'name="sample"' in text_of(page)
    bad = officer.post(entry_url(world.ward_a), figures(sample="abc", reached="500"))
    assert bad.status_code == 400
    text = text_of(bad)
    assert (
        "Số người được khảo sát phải là số nguyên không âm (ví dụ 120), không phải “abc”." in text
    )
    assert 'value="abc"' in text  # shown again as typed
    assert not DataValue.objects.exists()
    over = officer.post(entry_url(world.ward_a), figures(reached="150"))
    assert over.status_code == 400
    assert "không được lớn hơn số người được khảo sát (100)" in text_of(over)
    ok = officer.post(entry_url(world.ward_a), figures(note="Khảo sát tại nhà văn hoá."))
    assert ok.status_code == 302 and ok["Location"] == entry_url(world.ward_a)
    entry = EntryApproval.objects.get()
    assert entry.state == EntryState.DRAFT and entry.note == "Khảo sát tại nhà văn hoá."
    submitted = officer.post(entry_url(world.ward_a), {"op": "submit"})
    assert submitted.status_code == 302
    assert EntryApproval.objects.get().state == EntryState.SUBMITTED
    # The officer cannot approve their own commune's figures.
    refused = officer.post(entry_url(world.ward_a), {"op": "approve"})
    assert refused.status_code == 403
    assert EntryApproval.objects.get().state == EntryState.SUBMITTED


def test_officer_cannot_touch_another_commune(world):
    officer = client_for(world.officer_a)
    assert officer.get(entry_url(world.commune_x)).status_code == 404
    assert officer.post(entry_url(world.commune_x), figures()).status_code == 404
    assert officer.get(entry_url(world.province)).status_code == 404
    assert officer.get(f"{HOME}so-lieu/99999/2026/").status_code == 404
    assert officer.get(entry_url(world.ward_a, "2026Q7")).status_code == 404
    assert not DataValue.objects.exists()


def test_approver_queue_approve_return_and_lock(world):
    services.entry_save(
        actor=world.officer_a, unit=world.ward_a, period="2026",
        sample=100, reached=60, satisfied=90, today=TODAY,
    )  # fmt: skip
    services.entry_submit(actor=world.officer_a, unit=world.ward_a, period="2026")
    approver = client_for(world.approver)
    queue = text_of(approver.get(HOME + "cho-duyet/"))
    assert "Phường Quy Nhơn" in queue and "Năm 2026" in queue
    short = approver.post(entry_url(world.ward_a), {"op": "return", "reason": "sai"})
    assert short.status_code == 400 and "ít nhất 10 ký tự" in text_of(short)
    approved = approver.post(entry_url(world.ward_a), {"op": "approve"})
    assert approved.status_code == 302
    assert EntryApproval.objects.get().state == EntryState.APPROVED
    # Entry into an approved period is refused with the services' message.
    officer = client_for(world.officer_a)
    refused = officer.post(entry_url(world.ward_a), figures(reached="70"))
    assert refused.status_code == 409 and "đã được duyệt, không sửa được" in text_of(refused)
    locked = approver.post(entry_url(world.ward_a), {"op": "lock"})
    assert locked.status_code == 302
    assert EntryApproval.objects.get().state == EntryState.LOCKED
    assert "Khoá" in text_of(approver.get(entry_url(world.ward_a)))


def test_unlock_only_by_province_admin_and_audited(world):
    services.entry_lock(actor=world.approver, unit=world.ward_a, period="2026")
    reason = "Xã báo cáo nhầm kỳ, cần nhập lại."
    assert (
        client_for(world.approver)
        .post(entry_url(world.ward_a), {"op": "unlock", "reason": reason})
        .status_code
        == 403
    )
    admin = client_for(world.province_admin)
    empty = admin.post(entry_url(world.ward_a), {"op": "unlock", "reason": ""})
    assert empty.status_code == 400 and "Hãy ghi rõ lý do" in text_of(empty)
    assert EntryApproval.objects.get().state == EntryState.LOCKED
    done = admin.post(entry_url(world.ward_a), {"op": "unlock", "reason": reason})
    assert done.status_code == 302
    assert EntryApproval.objects.get().state == EntryState.DRAFT
    event = AuditEvent.objects.get(action="kpi.entry.unlock")
    assert event.data["reason"] == reason and event.actor_id == world.province_admin.pk
    history = text_of(admin.get(entry_url(world.ward_a)))
    assert "Mở khoá" in history and reason in history


def test_lock_the_whole_period(world):
    services.entry_save(
        actor=world.officer_a, unit=world.ward_a, period="2026",
        sample=100, reached=60, satisfied=90, today=TODAY,
    )  # fmt: skip
    response = client_for(world.approver).post(
        HOME + "khoa-ky/", {"unit": world.province.code, "period": "2026"}, follow=True
    )
    text = text_of(response)
    assert "Đã khoá 3 xã, phường" in text and "Phường Quy Nhơn" in text
    assert EntryApproval.objects.filter(state=EntryState.LOCKED).count() == 3
    assert_denied(
        client_for(world.officer_a).post(
            HOME + "khoa-ky/", {"unit": world.province.code, "period": "2026"}
        )
    )


def test_surveys_in_the_back_office(world):
    assert_denied(client_for(world.approver).get(HOME + "khao-sat/"))
    admin = client_for(world.province_admin)
    bad = admin.post(
        HOME + "khao-sat/moi/",
        {"title": "", "slug": "Có Dấu", "context": "qa", "question": "Hài lòng?",
         "unit": world.province.code, "sampling_rate": "2", "active": "on"},
    )  # fmt: skip
    assert bad.status_code == 400
    text = text_of(bad)
    assert "Tiêu đề có từ 1 đến 200 ký tự." in text and "Tỷ lệ mời là một số từ 0 đến 1" in text
    assert not Survey.objects.exists()
    created = admin.post(
        HOME + "khao-sat/moi/",
        {"title": "Hài lòng với hỏi đáp", "slug": "hai-long-hoi-dap", "context": "qa",
         "question": "Câu trả lời có giúp ích cho bạn không?", "unit": world.province.code,
         "sampling_rate": "0,25", "active": "on", "ask_unit": "on"},
    )  # fmt: skip
    assert created.status_code == 302
    survey = Survey.objects.get()
    assert (survey.slug, str(survey.sampling_rate), survey.active) == (
        "hai-long-hoi-dap", "0.250", True,
    )  # fmt: skip
    assert AuditEvent.objects.filter(action="kpi.survey.create").count() == 1
    listing = text_of(admin.get(HOME + "khao-sat/"))
    assert "Hài lòng với hỏi đáp" in listing and "25%" in listing
    other = survey_make(world, slug="khac")
    page = text_of(admin.get(f"{HOME}khao-sat/{other.pk}/"))
    assert "/khao-sat/khac/" in page
