"""Editorial workflow with roles scoped by unit: editors draft and submit, approvers of the
right unit approve (which publishes), everything is audited, and the Wagtail groups
follow the roles (grant, revoke, expiry, login, daily sync)."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from pbgdpl.core.models import AuditEvent
from pbgdpl.people.models import Role, User
from pbgdpl.people.services import role_grant, role_revoke
from pbgdpl.portal.models import (
    Audience,
    BookshelfPage,
    GuidancePage,
    HandbookPage,
    LegalCasePage,
    MediaPage,
    NewsPage,
    SectionPage,
    UnitAreaPage,
)
from pbgdpl.portal.permissions import (
    CONTENT_ADMINS,
    PROVINCE_APPROVERS,
    PROVINCE_EDITORS,
    area_group_names,
    portal_area_groups_ensure,
    portal_permissions_sync,
)
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor
from tests.portal.factories import (
    bookshelf_page,
    guidance_page,
    handbook_page,
    home_page,
    legal_case_page,
    media_page,
    media_root,  # noqa: F401  (fixture)
    news_page,
    section_page,
    unit_area_page,
)

pytestmark = pytest.mark.django_db


# ----------------------------------------------------------------------------- fixtures
@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def root_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def grant(root_admin, django_capture_on_commit_callbacks):
    """Grant a role through the people service, running its after-commit listeners."""

    def _grant(role, unit, user=None, **kwargs):
        user = user or UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            role_grant(actor=root_admin, user=user, role=role, unit=unit, **kwargs)
        return User.objects.get(pk=user.pk)

    return _grant


@pytest.fixture
def area_a(commune_a):
    return unit_area_page(unit=commune_a)


@pytest.fixture
def area_b(commune_b):
    return unit_area_page(unit=commune_b)


@pytest.fixture
def province_section():
    return section_page(title="Tin tức cấp tỉnh")


@pytest.fixture
def editor_a(grant, commune_a, area_a):
    return grant(Role.EDITOR, commune_a)


@pytest.fixture
def approver_a(grant, commune_a, area_a):
    return grant(Role.APPROVER, commune_a)


@pytest.fixture
def editor_b(grant, commune_b, area_b):
    return grant(Role.EDITOR, commune_b)


@pytest.fixture
def approver_b(grant, commune_b, area_b):
    return grant(Role.APPROVER, commune_b)


@pytest.fixture
def province_editor(grant, province):
    return grant(Role.EDITOR, province)


@pytest.fixture
def province_approver(grant, province):
    return grant(Role.APPROVER, province)


def group_names(user) -> set[str]:
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def fresh(user) -> User:
    """A new user object: Wagtail caches permissions and group checks on the instance."""
    return User.objects.get(pk=user.pk)


def news_post_data(**overrides) -> dict:
    """POST data of the admin's "add NewsPage" form, with its StreamField and formsets."""
    data = {
        "title": "Ra quân tuyên truyền Luật Đất đai năm 2024",
        "slug": "ra-quan-tuyen-truyen-luat-dat-dai",
        "date": "2025-07-15",
        "summary": "Phường tổ chức ra quân tuyên truyền Luật Đất đai đến từng khu phố.",
        "kind": "news",
        "place": "Nhà văn hóa khu phố 3",
        "feed_image": "",
        # StreamField "body": one heading block
        "body-count": "1",
        "body-0-type": "heading",
        "body-0-value": "Nội dung tuyên truyền",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        # InlinePanel "citations": one citation typed the way editors type it
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
        "citations-0-number": "31/2024/qh15",
        "citations-0-title": "",
        "citations-0-article": "Điều 137",
        "citations-0-detail": "khoản 1",
        "citations-0-ORDER": "1",
        "citations-0-DELETE": "",
        "citations-0-id": "",
        # comments (on by default)
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        # promote and settings tabs
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return data


def denied(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with 403 or a redirect to the
    dashboard (with an error message), never with the page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def add_url(parent: Page, model: str = "newspage") -> str:
    return reverse("wagtailadmin_pages:add", args=("portal", model, parent.pk))


def workflow_action_url(page: Page, action: str) -> str:
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


# ----------------------------------------------------------------------------- groups from roles
def test_roles_become_groups_scoped_to_the_unit(
    area_a, area_b, editor_a, approver_a, province_editor, province_approver
):
    editors_a, approvers_a = area_group_names(area_a)
    assert group_names(editor_a) == {editors_a}
    assert group_names(approver_a) == {approvers_a}
    # province roles: one province group, which covers every area through the tree
    assert group_names(province_editor) == {PROVINCE_EDITORS}
    assert group_names(province_approver) == {PROVINCE_APPROVERS}
    assert editors_a == "Biên tập – Phường Quy Nhơn (21583)"


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.UNIT_OFFICER, Role.REPORTER])
def test_other_roles_get_no_content_group(grant, commune_a, area_a, role, client):
    user = grant(role, commune_a)
    assert group_names(user) == set()
    assert not area_a.permissions_for_user(fresh(user)).can_add_subpage()


def test_citizens_get_nothing_and_stay_out_of_the_back_office(grant, commune_a, area_a, client):
    citizen = grant(Role.CITIZEN, commune_a)
    login_with_second_factor(client, citizen)
    assert group_names(citizen) == set()
    assert client.get(add_url(area_a)).status_code == 302
    assert client.post(add_url(area_a), news_post_data(**{"action-submit": "1"})).status_code == 302
    assert not NewsPage.objects.exists()


def test_province_admin_manages_audiences_editors_do_not(grant, province, editor_a, client):
    admin = grant(Role.PROVINCE_ADMIN, province)
    assert CONTENT_ADMINS in group_names(admin)
    assert {PROVINCE_EDITORS, PROVINCE_APPROVERS} <= group_names(admin)
    add = reverse("wagtailsnippets_portal_audience:add")

    login_with_second_factor(client, editor_a)
    assert denied(client.get(add))
    assert denied(client.post(add, {"name": "Ngư dân", "code": "ngu-dan", "sort_order": "5"}))
    assert not Audience.objects.filter(code="ngu-dan").exists()

    client.logout()
    login_with_second_factor(client, admin)
    response = client.post(add, {"name": "Ngư dân", "code": "ngu-dan", "sort_order": "5"})
    assert response.status_code == 302
    assert Audience.objects.filter(code="ngu-dan", name="Ngư dân").exists()


def test_memberships_of_other_groups_are_never_touched(editor_a):
    own = Group.objects.create(name="Ban biên tập riêng")
    editor_a.groups.add(own)
    portal_permissions_sync()
    portal_permissions_sync(user=fresh(editor_a))
    assert "Ban biên tập riêng" in group_names(editor_a)


def test_revoking_a_role_removes_the_group(
    root_admin, editor_a, area_a, django_capture_on_commit_callbacks, client
):
    assignment = editor_a.role_assignments.get()
    with django_capture_on_commit_callbacks(execute=True):
        role_revoke(actor=root_admin, assignment=assignment)
    assert group_names(editor_a) == set()
    assert not area_a.permissions_for_user(fresh(editor_a)).can_add_subpage()
    login_with_second_factor(client, editor_a)
    assert client.get(add_url(area_a)).status_code == 302  # back office closed


def test_an_expired_role_is_removed_by_the_daily_sync(commune_a, area_a):
    tomorrow = timezone.localdate() + timedelta(days=1)
    assignment = RoleAssignmentFactory(
        unit=commune_a, role=Role.EDITOR, valid_from=date(2025, 7, 1), valid_to=tomorrow
    )
    call_command("portal_permissions_sync", verbosity=0)
    assert group_names(assignment.user) == {area_group_names(area_a)[0]}

    assignment.valid_to = timezone.localdate()  # ended today
    assignment.save()
    call_command("portal_permissions_sync", verbosity=0)
    assert group_names(assignment.user) == set()


def test_a_role_starting_on_a_date_joins_at_login(commune_a, area_a, client):
    assignment = RoleAssignmentFactory(
        unit=commune_a, role=Role.APPROVER, valid_from=timezone.localdate() + timedelta(days=1)
    )
    portal_permissions_sync()
    assert group_names(assignment.user) == set()
    assignment.valid_from = timezone.localdate()
    assignment.save()
    client.force_login(assignment.user)  # the login itself re-derives the groups
    assert group_names(assignment.user) == {area_group_names(area_a)[1]}


def test_full_sync_is_idempotent_and_audited(editor_a, approver_b):
    assert AuditEvent.objects.filter(
        action="portal.permissions_sync", object_id=str(editor_a.pk)
    ).exists()
    assert portal_permissions_sync() == 0
    assert portal_permissions_sync(user=fresh(editor_a)) == 0


def test_area_groups_follow_a_renamed_unit_and_go_with_a_deleted_area(commune_a, area_a, editor_a):
    group = User.objects.get(pk=editor_a.pk).groups.get()
    commune_a.name = "Phường Quy Nhơn Đông"
    commune_a.save()
    portal_permissions_sync()
    group.refresh_from_db()
    assert group.name == "Biên tập – Phường Quy Nhơn Đông (21583)"
    assert group_names(editor_a) == {group.name}

    Page.objects.get(pk=area_a.pk).delete()
    portal_permissions_sync()
    assert not Group.objects.filter(pk=group.pk).exists()
    assert PROVINCE_EDITORS in set(Group.objects.values_list("name", flat=True))


def test_a_new_area_gets_its_groups_and_the_units_people(grant, commune_b):
    editor = grant(Role.EDITOR, commune_b)  # before the area exists
    assert group_names(editor) == set()
    area = unit_area_page(unit=commune_b)
    pair = portal_area_groups_ensure(area=area)
    assert group_names(editor) == {pair.editors.name}
    assert area.get_workflow().name == "Duyệt tin bài – Xã Ia Grai (24001)"


# ----------------------------------------------------------------------------- admin, over HTTP
def test_commune_editor_submits_a_news_page_in_their_area(editor_a, area_a, client):
    login_with_second_factor(client, editor_a)
    assert client.get(add_url(area_a)).status_code == 200
    response = client.post(add_url(area_a), news_post_data(**{"action-submit": "1"}))
    assert response.status_code == 302, response.content[:2000]
    page = NewsPage.objects.get(slug="ra-quan-tuyen-truyen-luat-dat-dai")
    assert page.get_parent().pk == area_a.pk
    assert page.owner_id == editor_a.pk
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Phê duyệt – Phường Quy Nhơn (21583)"
    revision = page.get_latest_revision_as_object()
    assert revision.citations.get().number == "31/2024/QH15"
    assert [block.block_type for block in revision.body] == ["heading"]


def test_an_editor_cannot_publish_the_button_only_saves_a_draft(editor_a, area_a, client):
    login_with_second_factor(client, editor_a)
    response = client.post(add_url(area_a), news_post_data(**{"action-publish": "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get()
    assert not page.live
    assert not page.workflow_in_progress
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        news_post_data(**{"action-publish": "1", "title": "Đã sửa"}),
    )
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Đã sửa"


@pytest.mark.parametrize("where", ["area_b", "province_section"])
def test_a_commune_editor_cannot_add_outside_their_area(editor_a, where, request, client):
    parent = request.getfixturevalue(where)
    login_with_second_factor(client, editor_a)
    assert denied(client.get(add_url(parent)))
    assert denied(client.post(add_url(parent), news_post_data(**{"action-submit": "1"})))
    assert not NewsPage.objects.exists()


def test_missing_title_and_summary_gives_the_form_back(editor_a, area_a, client):
    login_with_second_factor(client, editor_a)
    response = client.post(
        add_url(area_a), news_post_data(title="", summary="", **{"action-submit": "1"})
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"title", "summary"} <= set(form.errors)
    assert not NewsPage.objects.exists()
    assert not WorkflowState.objects.exists()


def test_area_approver_sees_the_queue_and_approves_which_publishes(
    editor_a, approver_a, area_a, client
):
    login_with_second_factor(client, editor_a)
    client.post(add_url(area_a), news_post_data(**{"action-submit": "1"}))
    page = NewsPage.objects.get()
    client.logout()

    login_with_second_factor(client, approver_a)
    reviewable = TaskState.objects.reviewable_by(fresh(approver_a))
    assert [ts.pk for ts in reviewable] == [page.current_workflow_task_state.pk]
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert page.title in dashboard.content.decode()

    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert page.live_revision.user_id == editor_a.pk


def test_an_approver_of_another_commune_cannot_approve(
    editor_a, approver_b, province_editor, area_a, client
):
    page = news_page(parent=area_a, live=False, user=editor_a)
    page.get_workflow().start(page, editor_a)
    login_with_second_factor(client, approver_b)
    assert not TaskState.objects.reviewable_by(fresh(approver_b)).exists()
    assert denied(client.post(workflow_action_url(page, "approve"), {"comment": ""}))
    client.logout()
    # a province *editor* is not an approver either
    login_with_second_factor(client, province_editor)
    assert denied(client.post(workflow_action_url(page, "approve"), {"comment": ""}))
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress


def test_the_approver_requests_changes_with_a_comment(editor_a, approver_a, area_a, client):
    page = news_page(parent=area_a, live=False, user=editor_a)
    page.get_workflow().start(page, editor_a)
    login_with_second_factor(client, approver_a)
    response = client.post(
        workflow_action_url(page, "reject"), {"comment": "Bổ sung số, ngày của văn bản."}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Bổ sung số, ngày của văn bản."
    assert not page.live
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_province_editor_edits_pages_in_every_area(
    province_editor, editor_b, editor_a, area_a, client
):
    page = news_page(parent=area_a, live=False, user=editor_a)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    login_with_second_factor(client, province_editor)
    assert client.get(edit).status_code == 200
    assert client.get(add_url(area_a)).status_code == 200
    client.logout()
    login_with_second_factor(client, editor_b)
    assert denied(client.get(edit))


def test_an_area_editor_cannot_move_the_area_to_another_unit(editor_a, area_a, commune_b, client):
    login_with_second_factor(client, editor_a)
    edit = reverse("wagtailadmin_pages:edit", args=(area_a.pk,))
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"title": area_a.title, "unit": str(commune_b.pk)})
    assert denied(response)
    area_a.refresh_from_db()
    assert area_a.unit_id != commune_b.pk


def test_every_step_is_in_the_audit_log(editor_a, approver_a, area_a, client):
    login_with_second_factor(client, editor_a)
    client.post(add_url(area_a), news_post_data(**{"action-submit": "1"}))
    page = NewsPage.objects.get()
    client.logout()
    login_with_second_factor(client, approver_a)
    client.post(workflow_action_url(page, "approve"), {"comment": "Đạt yêu cầu."})

    second = news_page(parent=area_a, live=False, user=editor_a)
    second.get_workflow().start(second, editor_a)
    client.post(workflow_action_url(second, "reject"), {"comment": "Chưa đạt."})

    def steps(p):
        return list(
            AuditEvent.objects.filter(object_type="wagtailcore.page", object_id=str(p.pk))
            .order_by("seq")
            .values_list("action", "actor_id")
        )

    first_steps = steps(page)
    assert ("wagtail.create", editor_a.pk) in first_steps
    assert ("wagtail.workflow.start", editor_a.pk) in first_steps
    assert ("wagtail.workflow.approve", approver_a.pk) in first_steps
    assert ("wagtail.publish", approver_a.pk) in first_steps
    assert ("wagtail.workflow.reject", approver_a.pk) in steps(second)
    approve = AuditEvent.objects.get(action="wagtail.workflow.approve", object_id=str(page.pk))
    assert approve.data["data"]["comment"] == "Đạt yêu cầu."


# ----------------------------------------------------------------------------- every type (Python)
def _where(request, where: str) -> tuple[Page, str]:
    """(parent, scope) for a case: scope "area" (commune A) or "province"."""
    if where == "area":
        return request.getfixturevalue("area_a"), "area"
    if where == "area_bookshelf":
        return bookshelf_page(parent=request.getfixturevalue("area_a")), "area"
    if where == "province_bookshelf":
        return bookshelf_page(), "province"
    if where == "home":
        return home_page(), "province"
    return request.getfixturevalue("province_section"), "province"


CASES = [
    (NewsPage, news_page, "area"),
    (GuidancePage, guidance_page, "area"),
    (LegalCasePage, legal_case_page, "area"),
    (MediaPage, media_page, "area"),
    (HandbookPage, handbook_page, "area_bookshelf"),
    (SectionPage, section_page, "area"),
    (BookshelfPage, bookshelf_page, "area"),
    (NewsPage, news_page, "province"),
    (GuidancePage, guidance_page, "province"),
    (LegalCasePage, legal_case_page, "province"),
    (MediaPage, media_page, "province"),
    (HandbookPage, handbook_page, "province_bookshelf"),
    (SectionPage, section_page, "home"),
    (BookshelfPage, bookshelf_page, "home"),
]


@pytest.mark.usefixtures("media_root")
@pytest.mark.parametrize(
    ("model", "make", "where"), CASES, ids=[f"{m.__name__}-{w}" for m, _f, w in CASES]
)
def test_each_type_is_drafted_submitted_and_approved_by_the_right_roles(
    model, make, where, request
):
    parent, scope = _where(request, where)
    fixtures = (
        ("editor_a", "approver_a")
        if scope == "area"
        else (
            "province_editor",
            "province_approver",
        )
    )
    editor, approver = (fresh(request.getfixturevalue(name)) for name in fixtures)
    outsider_editor = fresh(request.getfixturevalue("editor_b"))
    outsider_approver = fresh(
        request.getfixturevalue("approver_b" if scope == "area" else "approver_a")
    )

    assert parent.permissions_for_user(editor).can_add_subpage()
    assert not parent.permissions_for_user(outsider_editor).can_add_subpage()
    assert model in parent.specific.creatable_subpage_models()

    page = make(parent=parent, live=False, user=editor)
    perms = page.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()
    assert page.permissions_for_user(approver).can_publish()

    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(page, outsider_approver) == []
    assert task.get_actions(page, outsider_editor) == []
    assert task.get_actions(page, editor) == []
    assert "approve" in {name for name, _label, _modal in task.get_actions(page, approver)}

    task.on_action(task_state, approver, "approve")
    page = Page.objects.get(pk=page.pk).specific
    assert page.live and isinstance(page, model)


def test_a_province_editor_creates_an_area_for_a_commune_approved_by_the_province(
    province_editor, province_approver, approver_a, commune_b, editor_a
):
    home = home_page()
    assert home.permissions_for_user(fresh(province_editor)).can_add_subpage()
    assert not home.permissions_for_user(fresh(editor_a)).can_add_subpage()
    area = unit_area_page(unit=commune_b, live=False, user=province_editor)
    state = home.get_workflow().start(area, province_editor)
    task = state.current_task_state.task.specific
    assert task.get_actions(area, fresh(approver_a)) == []
    task.on_action(state.current_task_state, fresh(province_approver), "approve")
    area = UnitAreaPage.objects.get(pk=area.pk)
    assert area.live
    assert area.get_workflow().name == "Duyệt tin bài – Xã Ia Grai (24001)"


def test_province_approvers_may_also_approve_in_an_area(editor_a, province_approver, area_a):
    page = news_page(parent=area_a, live=False, user=editor_a)
    state = page.get_workflow().start(page, editor_a)
    task = state.current_task_state.task.specific
    task.on_action(state.current_task_state, fresh(province_approver), "approve")
    page.refresh_from_db()
    assert page.live


# ----------------------------------------------------------------------------- scheduling
def test_approved_pages_go_live_and_expire_on_schedule(editor_a, approver_a, area_a, monkeypatch):
    now = timezone.now()
    scheduled = news_page(
        parent=area_a, live=False, user=editor_a, go_live_at=now + timedelta(days=1)
    )
    expiring = news_page(
        parent=area_a, live=False, user=editor_a, expire_at=now + timedelta(days=1)
    )
    for page in (scheduled, expiring):
        state = page.get_workflow().start(page, editor_a)
        state.current_task_state.task.specific.on_action(
            state.current_task_state, fresh(approver_a), "approve"
        )
    scheduled.refresh_from_db()
    expiring.refresh_from_db()
    assert not scheduled.live  # approved, waiting for its time
    assert scheduled.get_latest_revision().approved_go_live_at is not None
    assert expiring.live and expiring.expire_at is not None

    call_command("publish_scheduled", verbosity=0)  # nothing is due yet
    scheduled.refresh_from_db()
    assert not scheduled.live

    later = now + timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", verbosity=0)
    scheduled.refresh_from_db()
    expiring.refresh_from_db()
    assert scheduled.live
    assert not expiring.live and expiring.expired
    actions = set(
        AuditEvent.objects.filter(object_id__in=[str(scheduled.pk), str(expiring.pk)]).values_list(
            "action", flat=True
        )
    )
    assert {"wagtail.publish.scheduled", "wagtail.unpublish.scheduled"} <= actions


# ----------------------------------------------------------------------------- languages, command
def test_province_groups_and_workflow_reach_every_language(province_editor, editor_a):
    from wagtail.models import Locale

    english = home_page().copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()  # publishing a home extends the province groups to it
    assert english.permissions_for_user(fresh(province_editor)).can_add_subpage()
    assert not english.permissions_for_user(fresh(editor_a)).can_add_subpage()
    assert english.get_workflow().name == "Duyệt tin bài cấp tỉnh"


def test_the_command_syncs_one_person_and_refuses_unknown_ones(commune_a, area_a):
    from django.core.management.base import CommandError

    assignment = RoleAssignmentFactory(unit=commune_a, role=Role.EDITOR)
    out = StringIO()
    call_command("portal_permissions_sync", user=assignment.user.email, stdout=out)
    assert "1 thay đổi" in out.getvalue()
    assert group_names(assignment.user) == {area_group_names(area_a)[0]}
    with pytest.raises(CommandError):
        call_command("portal_permissions_sync", user="khong-co@example.vn")
