"""Writes of the outreach app: activities (validation of every field, participants and
their urban/rural split, the laws covered), plans and targets (approval, reopening),
evidence files (type, size, content, duplicates, the private store), and who may do what
(an officer of commune A never touches commune B; approvers and citizens only read or
nothing). A refusal stores nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.core.models import AuditEvent
from pbgdpl.outreach import services
from pbgdpl.outreach.models import (
    Activity,
    ActivityEvidence,
    OutreachPlan,
    PlanStatus,
    PlanTarget,
)
from pbgdpl.outreach.services import OutreachInputError, PlanInput, TargetInput
from pbgdpl.outreach.storage import evidence_root
from tests.outreach.factories import (
    DAY,
    activity_add,
    activity_input,
    jpeg_bytes,
    outreach_world,
    pdf_bytes,
    plan_add,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return outreach_world()


def refused(call, *fields: str) -> dict[str, str]:
    """Run ``call`` expecting OutreachInputError naming exactly ``fields``."""
    with pytest.raises(OutreachInputError) as caught:
        call()
    assert set(caught.value.errors) == set(fields), caught.value.errors
    return caught.value.errors


# --------------------------------------------------------------------------- activities


def test_an_activity_is_recorded_with_clean_values_audiences_and_an_audit_event(world):
    activity = activity_add(
        world,
        actor=world.officer,
        title="  Tuyên truyền   Luật Đất đai năm 2024 tại thôn 3 ",
        legal_documents="31/2024/qh15; Luật Hôn nhân và gia đình 52/2014/QH13, 31/2024/QH15",
        audiences=["citizens", "ethnic_minorities", "citizens"],
    )
    activity.refresh_from_db()
    assert activity.title == "Tuyên truyền Luật Đất đai năm 2024 tại thôn 3"
    assert activity.legal_documents == ["31/2024/QH15", "52/2014/QH13"]
    assert sorted(activity.audiences.values_list("group", flat=True)) == [
        "citizens",
        "ethnic_minorities",
    ]
    assert activity.created_by == world.officer
    # A rural commune's participants are rural when the split is not given.
    assert (activity.participants_rural, activity.participants_urban) == (120, 0)
    assert "dat dai" in activity.search_text
    event = AuditEvent.objects.get(action="outreach.activity.create")
    assert event.object_id == str(activity.pk) and event.unit_code == world.commune.code


def test_a_ward_counts_its_participants_as_urban_and_the_province_leaves_them_unclassified(
    world,
):
    ward = activity_add(world, unit=world.other_commune.code, participants_total=80)
    assert (ward.participants_urban, ward.participants_rural) == (80, 0)
    province = activity_add(
        world, unit=world.province.code, kind="conference", participants_total=300
    )
    assert (province.participants_urban, province.participants_rural) == (0, 0)
    assert province.participants_unclassified == 300


def test_urban_plus_rural_may_not_exceed_the_total(world):
    errors = refused(
        lambda: activity_add(
            world,
            participants_total=100,
            participants_urban=30,
            participants_rural=80,
            participants_note="Người dân phường bên cạnh đến dự.",
        ),
        "participants_rural",
    )
    assert "110" in errors["participants_rural"] and "100" in errors["participants_rural"]
    assert not Activity.objects.exists()


def test_urban_participants_at_a_rural_commune_need_an_explanation(world):
    errors = refused(
        lambda: activity_add(
            world, participants_total=100, participants_urban=10, participants_rural=90
        ),
        "participants_note",
    )
    assert "nông thôn" in errors["participants_note"]
    explained = activity_add(
        world,
        participants_total=100,
        participants_urban=10,
        participants_rural=90,
        participants_note="Có người dân phường lân cận đến dự.",
    )
    assert explained.participants_urban == 10


def test_rural_participants_at_a_ward_need_an_explanation(world):
    refused(
        lambda: activity_add(
            world,
            unit=world.other_commune.code,
            participants_total=50,
            participants_rural=5,
        ),
        "participants_note",
    )


def test_gathering_kinds_need_participants_and_a_broadcast_does_not(world):
    refused(lambda: activity_add(world, participants_total=None), "participants_total")
    broadcast = activity_add(world, kind="loudspeaker", participants_total=None, place="Loa thôn 3")
    assert broadcast.participants_total == 0


def test_numbers_typed_with_thousands_separators_are_read_and_nonsense_refused(world):
    activity = activity_add(world, participants_total="1.200")
    assert activity.participants_total == 1200
    errors = refused(lambda: activity_add(world, participants_total="nhiều"), "participants_total")
    assert "số nguyên" in errors["participants_total"]
    refused(lambda: activity_add(world, participants_total=-3), "participants_total")
    refused(lambda: activity_add(world, participants_total=10**9), "participants_total")


def test_online_views_only_for_activities_with_an_online_part(world):
    refused(lambda: activity_add(world, online_views=300), "online_views")
    both = activity_add(
        world, mode="both", online_views=300, url="https://example.vn/phat-truc-tiep"
    )
    assert both.online_views == 300 and both.is_online


def test_a_social_media_post_is_online_and_has_a_link(world):
    errors = refused(
        lambda: activity_add(world, kind="social_media", participants_total=None),
        "mode",
        "url",
    )
    assert "trực tuyến" in errors["mode"]
    post = activity_add(
        world,
        kind="social_media",
        mode="online",
        place="",
        participants_total=None,
        online_views=1500,
        url="https://www.facebook.com/xaiahru/posts/1",
    )
    assert post.url.startswith("https://")


def test_place_is_required_on_site_and_links_must_be_web_addresses(world):
    refused(lambda: activity_add(world, place=""), "place")
    refused(lambda: activity_add(world, mode="both", url="javascript:alert(1)"), "url")
    refused(lambda: activity_add(world, url="ftp://example.vn/a"), "url")


def test_dates_must_be_past_ordered_and_within_the_units_life(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    errors = refused(lambda: activity_add(world, start_date=tomorrow), "start_date")
    assert "đã diễn ra" in errors["start_date"]
    refused(lambda: activity_add(world, start_date=None), "start_date")
    refused(lambda: activity_add(world, end_date=DAY - timedelta(days=1)), "end_date")
    refused(lambda: activity_add(world, end_date=DAY + timedelta(days=400)), "end_date")
    # The units of the tests exist from 1 July 2025 (the reorganisation).
    errors = refused(lambda: activity_add(world, start_date=date(2025, 3, 1)), "start_date")
    assert "01/07/2025" in errors["start_date"]
    refused(lambda: activity_add(world, unit="99999"), "unit")
    same_day = activity_add(world, end_date=DAY)
    assert same_day.end_date is None


def test_audiences_titles_and_laws_are_checked(world):
    refused(lambda: activity_add(world, audiences=[]), "audiences")
    refused(lambda: activity_add(world, audiences=["aliens"]), "audiences")
    refused(lambda: activity_add(world, title="Ab"), "title")
    refused(lambda: activity_add(world, title="<script>alert(1)</script> thôn 3"), "title")
    errors = refused(
        lambda: activity_add(world, legal_documents="Luật Đất đai, 31/2024/QH15"),
        "legal_documents",
    )
    assert "Luật Đất đai" in errors["legal_documents"]
    refused(lambda: activity_add(world, kind="party"), "kind")
    refused(lambda: activity_add(world, mode="radio"), "mode")


def test_every_problem_is_reported_at_once_and_nothing_is_stored(world):
    refused(
        lambda: activity_add(world, title="", audiences=[], place="", participants_total=None),
        "title",
        "audiences",
        "place",
        "participants_total",
    )
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="outreach.").exists()


def test_an_officer_records_for_their_commune_only(world):
    activity_add(world, actor=world.officer)
    with pytest.raises(PermissionDenied):
        activity_add(world, actor=world.officer, unit=world.other_commune.code)
    with pytest.raises(PermissionDenied):
        activity_add(world, actor=world.officer, unit=world.province.code, kind="conference")
    for outsider in (world.approver, world.citizen, None):
        with pytest.raises(PermissionDenied):
            activity_add(world, actor=outsider or _anonymous())
    assert Activity.objects.count() == 1


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_update_changes_fields_and_audiences_and_is_audited(world):
    activity = activity_add(world, actor=world.officer)
    services.activity_update(
        actor=world.officer,
        activity=activity,
        data=activity_input(
            world, title="Tuyên truyền Luật Hôn nhân và gia đình", audiences=["women"]
        ),
    )
    activity.refresh_from_db()
    assert activity.title == "Tuyên truyền Luật Hôn nhân và gia đình"
    assert list(activity.audiences.values_list("group", flat=True)) == ["women"]
    event = AuditEvent.objects.filter(action="outreach.activity.update").get()
    assert event.data["changed"] == ["title"]


def test_another_communes_officer_cannot_change_move_or_delete(world):
    activity = activity_add(world, actor=world.officer)
    with pytest.raises(PermissionDenied):
        services.activity_update(
            actor=world.other_officer, activity=activity, data=activity_input(world)
        )
    with pytest.raises(PermissionDenied):
        services.activity_delete(actor=world.other_officer, activity=activity, reason="Nhập nhầm")
    # Moving an activity to commune B needs the right on B as well.
    with pytest.raises(PermissionDenied):
        services.activity_update(
            actor=world.officer,
            activity=activity,
            data=activity_input(world, unit=world.other_commune.code),
        )
    moved = services.activity_update(
        actor=world.province_admin,
        activity=activity,
        data=activity_input(world, unit=world.other_commune.code, participants_total=40),
    )
    assert moved.unit == world.other_commune and moved.participants_urban == 40


def test_delete_keeps_the_row_with_its_reason_and_hides_it(world):
    activity = activity_add(world, actor=world.officer)
    refused(
        lambda: services.activity_delete(actor=world.officer, activity=activity, reason=""),
        "reason",
    )
    services.activity_delete(actor=world.officer, activity=activity, reason="Nhập trùng")
    activity.refresh_from_db()
    assert activity.deleted_at is not None and activity.deleted_reason == "Nhập trùng"
    assert not Activity.objects.live().exists()
    refused(
        lambda: services.activity_delete(actor=world.officer, activity=activity, reason="Lần nữa"),
        "activity",
    )
    refused(
        lambda: services.activity_update(
            actor=world.officer, activity=activity, data=activity_input(world)
        ),
        "activity",
    )


# --------------------------------------------------------------------------- plans


def test_a_plan_is_created_with_targets_once_a_year_per_unit(world):
    plan = plan_add(world, actor=world.officer)
    assert plan.status == PlanStatus.DRAFT and plan.created_by == world.officer
    assert list(plan.targets.values_list("kind", "value")) == [
        ("activities", 4),
        ("participants", 300),
    ]
    errors = refused(lambda: plan_add(world, actor=world.officer), "year")
    assert "2026" in errors["year"]
    with pytest.raises(PermissionDenied):
        plan_add(world, actor=world.officer, unit=world.other_commune)
    with pytest.raises(PermissionDenied):
        plan_add(world, actor=world.approver, unit=world.other_commune)
    assert OutreachPlan.objects.count() == 1


def test_targets_are_checked_row_by_row_and_numbered_as_typed(world):
    rows = [
        TargetInput(kind="activities", value=5),
        TargetInput(kind="", value=""),  # an empty row keeps its place
        TargetInput(kind="activities_of_kind", value=3),
        TargetInput(kind="online_share", value=120),
        TargetInput(kind="units_covered", value=10),
        TargetInput(kind="activities", value=7),
        TargetInput(kind="participants", value=0),
        TargetInput(kind="nonsense", value=1),
    ]
    errors = refused(
        lambda: services.plan_create(
            actor=world.officer,
            data=PlanInput(unit=world.commune.code, year=2026, title="Kế hoạch năm 2026"),
            targets=rows,
        ),
        "target_3",
        "target_4",
        "target_5",
        "target_6",
        "target_7",
        "target_8",
    )
    assert "loại hoạt động" in errors["target_3"]
    assert "100" in errors["target_4"]
    assert "cấp tỉnh" in errors["target_5"]
    assert "trùng với chỉ tiêu 1" in errors["target_6"]
    assert not OutreachPlan.objects.exists()
    province_plan = plan_add(world, unit=world.province, targets=[("units_covered", "", 2)])
    assert province_plan.targets.get().kind == "units_covered"


def test_plan_fields_are_checked(world):
    refused(
        lambda: services.plan_create(
            actor=world.officer,
            data=PlanInput(unit=world.commune.code, year=1999, title="Kế"),
        ),
        "year",
        "title",
    )


def test_approval_needs_a_document_number_a_plausible_date_and_targets(world):
    plan = plan_add(world, targets=[])
    errors = refused(
        lambda: services.plan_approve(
            actor=world.officer, plan=plan, decision_number="kế hoạch năm", decision_date=None
        ),
        "decision_number",
        "decision_date",
        "targets",
    )
    assert "15/KH-UBND" in errors["decision_number"]
    services.plan_targets_set(
        actor=world.officer, plan=plan, targets=[TargetInput(kind="activities", value=3)]
    )
    refused(
        lambda: services.plan_approve(
            actor=world.officer,
            plan=plan,
            decision_number="15/KH-UBND",
            decision_date=date(2024, 12, 1),
        ),
        "decision_date",
    )
    approved = services.plan_approve(
        actor=world.officer,
        plan=plan,
        decision_number="15/kh-ubnd",
        decision_date=date(2026, 1, 20),
    )
    assert approved.status == PlanStatus.APPROVED and approved.decision_number == "15/KH-UBND"
    assert approved.approved_by == world.officer
    assert AuditEvent.objects.filter(action="outreach.plan.approve").exists()


def test_an_approved_plan_is_locked_until_reopened_with_a_reason(world):
    plan = plan_add(world)
    services.plan_approve(
        actor=world.officer,
        plan=plan,
        decision_number="15/KH-UBND",
        decision_date=date(2026, 1, 20),
    )
    refused(
        lambda: services.plan_targets_set(
            actor=world.officer, plan=plan, targets=[TargetInput(kind="activities", value=9)]
        ),
        "status",
    )
    refused(lambda: services.plan_delete(actor=world.officer, plan=plan), "status")
    refused(lambda: services.plan_reopen(actor=world.officer, plan=plan, reason=""), "reason")
    with pytest.raises(PermissionDenied):
        services.plan_reopen(actor=world.other_officer, plan=plan, reason="Điều chỉnh chỉ tiêu")
    services.plan_reopen(actor=world.officer, plan=plan, reason="Điều chỉnh chỉ tiêu")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.decision_number == "15/KH-UBND"
    services.plan_targets_set(
        actor=world.officer, plan=plan, targets=[TargetInput(kind="activities", value=9)]
    )
    assert list(PlanTarget.objects.filter(plan=plan).values_list("value", flat=True)) == [9]


def test_a_plan_keeps_its_unit_and_its_year_once_activities_are_filed(world):
    plan = plan_add(world)
    data = PlanInput(unit=world.other_commune.code, year=2026, title=plan.title)
    refused(lambda: services.plan_update(actor=world.province_admin, plan=plan, data=data), "unit")
    activity_add(world, plan=plan.pk)
    data = PlanInput(unit=world.commune.code, year=2025, title=plan.title)
    refused(lambda: services.plan_update(actor=world.officer, plan=plan, data=data), "year")
    refused(lambda: services.plan_delete(actor=world.officer, plan=plan), "plan")


def test_an_activity_may_only_be_filed_under_its_own_units_plan_of_that_year(world):
    own = plan_add(world)
    other = plan_add(world, unit=world.other_commune)
    errors = refused(lambda: activity_add(world, plan=other.pk), "plan")
    assert "chính đơn vị" in errors["plan"]
    last_year = plan_add(world, year=2025)
    refused(lambda: activity_add(world, plan=last_year.pk), "plan")
    refused(lambda: activity_add(world, plan=999999), "plan")
    assert activity_add(world, plan=own.pk).plan == own


def test_a_draft_plan_without_activities_can_be_deleted(world):
    plan = plan_add(world)
    with pytest.raises(PermissionDenied):
        services.plan_delete(actor=world.other_officer, plan=plan)
    services.plan_delete(actor=world.officer, plan=plan)
    assert not OutreachPlan.objects.exists()


# --------------------------------------------------------------------------- evidence


def test_evidence_is_kept_privately_under_a_random_name(world, settings):
    activity = activity_add(world, actor=world.officer)
    photo = services.evidence_add(
        actor=world.officer,
        activity=activity,
        file=upload("Ảnh hội nghị.JPG", jpeg_bytes()),
        caption="Ảnh hội nghị",
    )
    minutes = services.evidence_add(
        actor=world.officer, activity=activity, file=upload("bien-ban.pdf", pdf_bytes())
    )
    assert (photo.kind, photo.content_type) == ("photo", "image/jpeg")
    assert (minutes.kind, minutes.original_name) == ("pdf", "bien-ban.pdf")
    assert photo.original_name == "Ảnh hội nghị.JPG"
    path = evidence_root() / photo.file.name
    assert path.exists() and path.read_bytes() == jpeg_bytes()
    # Outside the public media folder, with no URL and not under the uploaded name.
    assert settings.MEDIA_ROOT not in path.parents
    assert "hoi" not in photo.file.name and photo.file.name.endswith(".jpg")
    with pytest.raises(ValueError):
        photo.file.url  # noqa: B018
    assert AuditEvent.objects.filter(action="outreach.evidence.add").count() == 2


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("virus.exe", b"MZ\x90\x00" + b"\0" * 100, "Chỉ nhận"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "Chỉ nhận"),
        ("anh.jpg", b"%PDF-1.4 not a photo at all", "không phải tệp .jpg"),
        ("bien-ban.pdf", jpeg_bytes(), "không phải tệp .pdf"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "không phải tệp .png"),
        ("trong.jpg", b"", "rỗng"),
        ("khong-duoi", jpeg_bytes(), "Chỉ nhận"),
    ],
)
def test_evidence_of_a_wrong_type_or_content_is_refused(world, name, data, words):
    activity = activity_add(world, actor=world.officer)
    errors = refused(
        lambda: services.evidence_add(
            actor=world.officer, activity=activity, file=upload(name, data)
        ),
        "file",
    )
    assert words in errors["file"]
    assert not ActivityEvidence.objects.exists()
    assert not evidence_root().exists() or not any(evidence_root().rglob("*.*"))


def test_evidence_larger_than_the_limit_is_refused(world, settings):
    settings.OUTREACH_EVIDENCE_MAX_BYTES = 1024 * 1024
    activity = activity_add(world, actor=world.officer)
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    errors = refused(
        lambda: services.evidence_add(
            actor=world.officer, activity=activity, file=upload("to.pdf", big)
        ),
        "file",
    )
    assert "1 MB" in errors["file"]
    assert not ActivityEvidence.objects.exists()


def test_the_same_file_twice_and_too_many_files_are_refused(world, monkeypatch):
    activity = activity_add(world, actor=world.officer)
    services.evidence_add(
        actor=world.officer, activity=activity, file=upload("a.jpg", jpeg_bytes())
    )
    errors = refused(
        lambda: services.evidence_add(
            actor=world.officer, activity=activity, file=upload("b.jpg", jpeg_bytes())
        ),
        "file",
    )
    assert "đã có" in errors["file"]
    monkeypatch.setattr(services, "EVIDENCE_PER_ACTIVITY_MAX", 2)
    services.evidence_add(actor=world.officer, activity=activity, file=upload("c.pdf", pdf_bytes()))
    errors = refused(
        lambda: services.evidence_add(
            actor=world.officer, activity=activity, file=upload("d.jpg", jpeg_bytes((1, 2, 3)))
        ),
        "file",
    )
    assert "tối đa 2" in errors["file"]
    assert activity.evidence.count() == 2


def test_only_the_units_staff_add_or_remove_evidence(world, django_capture_on_commit_callbacks):
    activity = activity_add(world, actor=world.officer)
    for outsider in (world.other_officer, world.approver, world.citizen):
        with pytest.raises(PermissionDenied):
            services.evidence_add(
                actor=outsider, activity=activity, file=upload("a.jpg", jpeg_bytes())
            )
    evidence = services.evidence_add(
        actor=world.officer, activity=activity, file=upload("a.jpg", jpeg_bytes())
    )
    path = evidence_root() / evidence.file.name
    with pytest.raises(PermissionDenied):
        services.evidence_remove(actor=world.other_officer, evidence=evidence)
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_remove(actor=world.officer, evidence=evidence)
    assert not ActivityEvidence.objects.exists()
    assert not path.exists()
    assert AuditEvent.objects.filter(action="outreach.evidence.remove").exists()


def test_no_evidence_for_a_deleted_activity(world):
    activity = activity_add(world, actor=world.officer)
    services.activity_delete(actor=world.officer, activity=activity, reason="Nhập trùng")
    refused(
        lambda: services.evidence_add(
            actor=world.officer, activity=activity, file=upload("a.jpg", jpeg_bytes())
        ),
        "activity",
    )
