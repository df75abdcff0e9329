""" "Thông tin này có hữu ích không?": the service, the form, the view and its guards."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from wagtail.models import Locale

from pbgdpl.portal.feedback import FeedbackError, page_feedback_record, page_feedback_summary
from pbgdpl.portal.models import PageFeedback, SectionPage

pytestmark = pytest.mark.django_db

URL = "/phan-hoi/"


@pytest.fixture
def section(home_page):
    page = home_page.add_child(instance=SectionPage(title="Hướng dẫn pháp luật", slug="huong-dan"))
    page.save_revision().publish()
    return page


def post(client, data=None, **headers):
    payload = {"path": "/huong-dan/", "helpful": "yes", "comment": ""}
    payload.update(data or {})
    return client.post(URL, {k: v for k, v in payload.items() if v is not None}, **headers)


# --- service and selector -------------------------------------------------------------


def test_record_links_the_wagtail_page_of_the_path(section):
    answer = page_feedback_record(path="/huong-dan/", helpful=True, comment="", language="vi")
    assert answer.page_id == section.pk
    assert answer.path == "/huong-dan/"
    assert answer.language == "vi"


def test_record_drops_query_and_fragment_and_keeps_non_page_paths(section):
    answer = page_feedback_record(
        path="/huong-dan/?trang=2#muc-1", helpful=False, comment="", language="vi"
    )
    assert (answer.path, answer.page_id) == ("/huong-dan/", section.pk)
    library = page_feedback_record(path="/van-ban/", helpful=True, comment="", language="vi")
    assert library.page is None and library.path == "/van-ban/"


def test_record_resolves_a_translated_page_under_its_language_prefix(home_page, section):
    english = Locale.objects.get(language_code="en")
    home_en = home_page.copy_for_translation(english)
    home_en.save_revision().publish()
    section_en = section.copy_for_translation(english)
    section_en.save_revision().publish()
    answer = page_feedback_record(path="/en/huong-dan/", helpful=True, comment="", language="en")
    assert answer.page_id == section_en.pk
    # The unprefixed path stays the Vietnamese page.
    assert (
        page_feedback_record(path="/huong-dan/", helpful=True, language="vi").page_id == section.pk
    )


def test_record_keeps_plain_text_only(section):
    answer = page_feedback_record(
        path="/huong-dan/",
        helpful=False,
        comment=(
            "  <b>Thiếu</b> ví dụ <script>alert(1)</script>\x00\x1b[31m về\u202e thủ tục."
            "\r\nCảm ơn  "
        ),
        language="vi",
    )
    assert answer.comment == "Thiếu ví dụ alert(1)[31m về thủ tục.\nCảm ơn"
    assert "<" not in answer.comment


@pytest.mark.parametrize(
    "path",
    [
        "https://example.com/x/",
        "//example.com/x/",
        "/\\example.com",
        "javascript:alert(1)",
        "huong-dan/",
        "",
        "/" + "a" * 500,
        "/a b/",
        "/x/\n/y/",
    ],
)
def test_record_refuses_paths_that_are_not_local(path):
    with pytest.raises(FeedbackError):
        page_feedback_record(path=path, helpful=True, comment="", language="vi")
    assert not PageFeedback.objects.exists()


def test_record_refuses_a_comment_over_1000_characters(section):
    with pytest.raises(FeedbackError, match=r"1\.000"):
        page_feedback_record(path="/huong-dan/", helpful=True, comment="a" * 1001, language="vi")
    assert not PageFeedback.objects.exists()
    page_feedback_record(path="/huong-dan/", helpful=True, comment="a" * 1000, language="vi")


def test_record_ignores_an_unknown_language(section):
    answer = page_feedback_record(path="/huong-dan/", helpful=True, language="<x>")
    assert answer.language == ""


def test_summary_counts_per_page_and_per_path(section):
    assert page_feedback_summary(page=section) == {"yes": 0, "no": 0, "share": None}
    for helpful in (True, True, True, False):
        page_feedback_record(path="/huong-dan/", helpful=helpful, language="vi")
    page_feedback_record(path="/van-ban/", helpful=False, language="vi")
    assert page_feedback_summary(page=section) == {"yes": 3, "no": 1, "share": 0.75}
    assert page_feedback_summary(path="/van-ban/") == {"yes": 0, "no": 1, "share": 0.0}
    with pytest.raises(ValueError):
        page_feedback_summary()


# --- the view ------------------------------------------------------------------------------


def test_yes_is_stored_and_goes_back_to_the_page_with_thanks(client, section):
    response = post(client, {"comment": "Rất dễ hiểu."})
    assert response.status_code == 303
    assert response["Location"] == "/huong-dan/?phan_hoi=cam-on#phan-hoi"
    answer = PageFeedback.objects.get()
    assert (answer.helpful, answer.comment, answer.page_id) == (True, "Rất dễ hiểu.", section.pk)


def test_no_is_stored(client, section):
    assert post(client, {"helpful": "no"}).status_code == 303
    assert PageFeedback.objects.get().helpful is False


def test_works_without_a_csrf_token_even_when_csrf_is_enforced(section):
    client = Client(enforce_csrf_checks=True)
    assert post(client).status_code == 303
    assert PageFeedback.objects.count() == 1


def test_same_origin_headers_are_accepted(client, section):
    response = post(client, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 303
    assert PageFeedback.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_cross_site_posts_are_refused(client, section, headers):
    response = post(client, **headers)
    assert response.status_code == 403
    assert "chỉ gửi được từ chính các trang của cổng" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_honeypot_pretends_success_and_stores_nothing(client, section):
    response = post(client, {"website": "http://spam.example"})
    assert response.status_code == 303
    assert response["Location"] == "/huong-dan/?phan_hoi=cam-on#phan-hoi"
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("helpful", [None, "", "maybe", "1"])
def test_missing_or_invalid_answer_is_a_400(client, section, helpful):
    response = post(client, {"helpful": helpful})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Xin hãy chọn “Có” hoặc “Không” để trả lời." in html
    assert 'href="/huong-dan/"' in html  # the way back
    assert not PageFeedback.objects.exists()


def test_too_long_comment_is_a_400(client, section):
    response = post(client, {"comment": "x" * 1001})
    assert response.status_code == 400
    assert "Góp ý tối đa 1.000 ký tự" in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize(
    "path", ["https://evil.example/", "//evil.example/", "", "/\\evil.example"]
)
def test_a_foreign_path_is_a_400_and_never_a_redirect_elsewhere(client, section, path):
    response = post(client, {"path": path})
    assert response.status_code == 400
    assert "evil.example" not in response.get("Location", "")
    assert "evil.example" not in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_get_is_not_allowed(client):
    assert client.get(URL).status_code == 405


def test_rate_limit_per_address(client, section, settings):
    settings.PAGE_FEEDBACK_RATE = (3, 600)
    for _ in range(3):
        assert post(client, REMOTE_ADDR="203.0.113.7").status_code == 303
    refused = post(client, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 601
    assert "Bạn đã gửi quá nhiều ý kiến" in refused.content.decode()
    assert PageFeedback.objects.count() == 3
    # Another reader is not affected.
    assert post(client, REMOTE_ADDR="198.51.100.9").status_code == 303
    # The address is kept nowhere in the database.
    for row in PageFeedback.objects.values():
        assert "203.0.113.7" not in " ".join(str(v) for v in row.values())


# --- the form -------------------------------------------------------------------------------


def render_include(path="/huong-dan/", **context):
    request = RequestFactory().get(path)
    return render_to_string("portal/includes/feedback.html", {"request": request, **context})


def test_form_works_without_javascript_and_without_a_token():
    html = render_include("/huong-dan/?trang=2")
    assert re.search(
        r'<section class="feedback" id="phan-hoi" aria-labelledby="phan-hoi-title">', html
    )
    assert '<h2 id="phan-hoi-title">Thông tin này có hữu ích không?</h2>' in html
    assert re.search(r'<form class="feedback-form" method="post" action="/phan-hoi/">', html)
    assert '<input type="hidden" name="path" value="/huong-dan/">' in html  # path only
    assert '<button class="button" type="submit" name="helpful" value="yes">Có</button>' in html
    assert re.search(r'<button [^>]*name="helpful" value="no">Không</button>', html)
    # The comment has a visible label.
    assert '<label for="phan-hoi-comment">Góp ý thêm (không bắt buộc)</label>' in html
    assert re.search(r'<textarea id="phan-hoi-comment" name="comment"[^>]*maxlength="1000"', html)
    # The honeypot is hidden from people (hidden + aria-hidden) and out of the tab order.
    assert re.search(
        r'<div hidden aria-hidden="true">\s*<label[^>]*>[^<]+</label>\s*'
        r'<input[^>]*name="website"[^>]*tabindex="-1"',
        html,
    )
    assert "csrfmiddlewaretoken" not in html
    assert "<script" not in html and "style=" not in html


def test_thanks_replace_the_form_after_an_answer():
    html = render_include("/huong-dan/", **{}).replace("\n", "")
    assert "<form" in html
    request = RequestFactory().get("/huong-dan/?phan_hoi=cam-on")
    html = render_to_string("portal/includes/feedback.html", {"request": request})
    assert '<p class="feedback-thanks" role="status">Cảm ơn bạn đã góp ý.</p>' in html
    assert "<form" not in html


def test_include_renders_nothing_without_a_request_or_when_turned_off():
    assert render_to_string("portal/includes/feedback.html", {}).strip() == ""
    assert render_include(no_feedback=True).strip() == ""


def test_the_500_page_renders_without_the_form():
    html = render_to_string("500.html")
    assert "phan-hoi" not in html


def test_a_public_page_ends_with_the_form_and_stays_cacheable(client, section):
    first = client.get("/huong-dan/")
    html = first.content.decode()
    assert 'id="phan-hoi"' in html
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'id="phan-hoi"' in main
    assert "csrftoken" not in first.cookies
    assert client.get("/huong-dan/")["X-Page-Cache"] == "hit"


# --- back office ----------------------------------------------------------------------------

REPORT = "/admin/reports/y-kien-ve-trang/"


@pytest.fixture
def grant(db, django_capture_on_commit_callbacks, settings):
    from pbgdpl.people.models import User
    from pbgdpl.people.services import role_grant
    from tests.factories import UserFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    actor = UserFactory(is_superuser=True, is_staff=True)

    def _grant(role, unit):
        user = UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            role_grant(actor=actor, user=user, role=role, unit=unit)
        return User.objects.get(pk=user.pk)

    return _grant


def test_province_editors_read_the_answers_in_the_back_office(client, grant, province, section):
    from pbgdpl.people.models import Role
    from tests.factories import login_with_second_factor

    page_feedback_record(path="/huong-dan/", helpful=False, comment="Thiếu mẫu tờ khai.")
    login_with_second_factor(client, grant(Role.EDITOR, province))
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thiếu mẫu tờ khai." in html
    assert "/huong-dan/" in html
    export = client.get(REPORT + "?export=csv")
    assert export.status_code == 200
    assert "Thiếu mẫu tờ khai." in b"".join(export.streaming_content).decode()
    assert REPORT in client.get("/admin/").content.decode()  # in the "Báo cáo" menu


def test_commune_editors_and_anonymous_readers_cannot_read_them(client, grant, commune_a):
    from pbgdpl.people.models import Role
    from tests.factories import login_with_second_factor

    assert client.get(REPORT).status_code == 302  # to the login page
    login_with_second_factor(client, grant(Role.EDITOR, commune_a))
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    admin_home = client.get("/admin/")
    assert admin_home.status_code == 200  # they do use the back office…
    assert REPORT not in admin_home.content.decode()  # …without this report
