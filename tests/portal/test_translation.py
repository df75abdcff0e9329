"""The translation workflow: a province editor translates a page ("Dịch trang"), the
copy is a draft in the other language's tree, it goes through the same approval, and
readers then switch between the versions."""

import pytest
from wagtail.models import Locale

from pbgdpl.people.models import Role, User
from pbgdpl.people.services import role_grant
from pbgdpl.portal.models import GuidancePage, HomePage
from tests.factories import UserFactory, login_with_second_factor
from tests.portal.factories import guidance_page, section_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def grant(django_capture_on_commit_callbacks):
    admin = UserFactory(is_superuser=True, is_staff=True)

    def _grant(role, unit):
        user = UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            role_grant(actor=admin, user=user, role=role, unit=unit)
        return User.objects.get(pk=user.pk)

    return _grant


def translate(client, page, locale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [locale.pk]})


def approve(page, *, editor, approver):
    """Submit the draft to its workflow as ``editor`` and approve it as ``approver``."""
    page = page.specific
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow is not None, "every language's home carries the province workflow"
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, approver)
    task_state.task.specific.on_action(task_state, approver, "approve")
    page.refresh_from_db()
    return page


def test_translate_submit_approve_and_read(
    client, grant, province, django_capture_on_commit_callbacks
):
    editor = grant(Role.EDITOR, province)
    approver = grant(Role.APPROVER, province)
    section = section_page(title="Hướng dẫn")
    guide = guidance_page(parent=section, title="Đăng ký khai sinh", summary="Thủ tục.")
    vi_home = HomePage.objects.get(locale__language_code="vi")
    en = Locale.objects.get(language_code="en")

    login_with_second_factor(client, editor)
    # Top down, as the form asks (a locale whose parent is not translated is disabled,
    # with a link to translate the parent): the home, the section, then the article.
    for page in (vi_home, section, guide):
        response = translate(client, page, en, django_capture_on_commit_callbacks)
        assert response.status_code == 302, response.content[:500]

    en_home = vi_home.get_translation(en)
    en_guide = guide.get_translation(en).specific
    assert not en_home.live and not en_guide.live, "a translation starts as a draft"
    assert isinstance(en_guide, GuidancePage)
    # The editor may edit the copies (province groups cover every language's home).
    editor = User.objects.get(pk=editor.pk)
    assert en_guide.permissions_for_user(editor).can_edit()
    assert not en_guide.permissions_for_user(editor).can_publish()

    en_guide.title, en_guide.summary = "Birth registration", "The procedure."
    for page in (en_home, en_guide.get_parent(), en_guide):
        approve(page, editor=editor, approver=User.objects.get(pk=approver.pk))
    en_guide.refresh_from_db()
    assert en_guide.live and en_guide.title == "Birth registration"

    client.logout()
    html = client.get(en_guide.url).content.decode()
    assert "Birth registration" in html and '<html lang="en"' in html
    assert f'href="{guide.url}"' in html  # back to the Vietnamese version
    # The interface's language link lands on the page's other version.
    response = client.get("/ngon-ngu/", {"lang": "en", "next": guide.url})
    assert response.status_code == 303 and response["Location"] == en_guide.url
    response = client.get("/ngon-ngu/", {"lang": "vi", "next": en_guide.url})
    assert response["Location"] == guide.url


def test_commune_editor_cannot_translate(
    client, grant, commune_a, django_capture_on_commit_callbacks
):
    editor = grant(Role.EDITOR, commune_a)
    guide = guidance_page(parent=section_page(title="Hướng dẫn"), title="Khai sinh")
    login_with_second_factor(client, editor)
    en = Locale.objects.get(language_code="en")
    response = translate(client, guide, en, django_capture_on_commit_callbacks)
    assert response.status_code in (302, 403)
    assert guide.get_translations().count() == 0


def test_translating_before_the_parent_is_refused_with_a_message(
    client, grant, province, django_capture_on_commit_callbacks
):
    editor = grant(Role.EDITOR, province)
    guide = guidance_page(parent=section_page(title="Hướng dẫn"), title="Khai sinh")
    login_with_second_factor(client, editor)
    en = Locale.objects.get(language_code="en")
    response = translate(client, guide, en, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Hãy dịch trang cha" in response.content.decode()
    assert guide.get_translations().count() == 0
