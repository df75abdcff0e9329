"""The public shell: base template, home page, display preferences, error pages."""

import re
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from pbgdpl.portal.context_processors import COOKIE_NAME

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE)
STYLE_ATTR = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son\w+\s*=", re.IGNORECASE)


def assert_csp_clean(html: str) -> None:
    """No inline script, no style attribute or element, no on*= handler."""
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not STYLE_ATTR.search(html), html[STYLE_ATTR.search(html).start() - 80 :][:160]
    assert not STYLE_ELEMENT.search(html)
    assert not EVENT_HANDLER.search(html), html[EVENT_HANDLER.search(html).start() - 80 :][:160]


def html_tag(html: str) -> str:
    return re.search(r"<html\b[^>]*>", html).group(0)


# --- home page ----------------------------------------------------------------


@pytest.mark.django_db
def test_home_page_renders_in_vietnamese_with_landmarks(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="vi"' in html_tag(html)
    # The skip link is the first focusable element of <body>.
    body = html.split("<body>", 1)[1]
    first_focusable = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body).group(0)
    assert 'class="skip-link"' in first_focusable
    assert 'href="#noi-dung"' in first_focusable
    assert "Bỏ qua, đến nội dung chính" in html
    for landmark in ("<header", '<main id="noi-dung"', "<footer", "</main>"):
        assert landmark in html
    assert re.search(r'<nav class="site-nav" aria-label="Điều hướng chính">', html)
    assert "PBGDPL Số" in html
    assert "Cổng phổ biến, giáo dục pháp luật" in html
    assert "Sở Tư pháp tỉnh Gia Lai" in html
    assert f'<h1 id="page-title">{home_page.title}</h1>' in html
    assert home_page.intro in html
    # Entry points for citizens.
    for href, label in [
        ("/van-ban/", "Tra cứu văn bản pháp luật"),
        ("/hoi-dap/", "Hỏi đáp pháp luật"),
        ("/cuoc-thi/", "Cuộc thi tìm hiểu pháp luật"),
        ("/tin-tuc/", "Tin tức – sự kiện"),
    ]:
        assert re.search(rf'<a class="tile" href="{href}">.*?{label}', html, re.S), label
    # Menu: the home link is the current page.
    assert '<a href="/" aria-current="page">Trang chủ</a>' in html
    for href in ("/van-ban/", "/hoi-dap/", "/cuoc-thi/", "/tin-tuc/"):
        assert f'<a href="{href}">' in html
    # Search form: GET /tim-kiem/?q= with a label.
    assert re.search(r'<form class="search" role="search" method="get" action="/tim-kiem/"', html)
    assert '<label class="sr-only" for="header-q">' in html
    assert 'id="header-q" type="search" name="q"' in html
    # Static files only, deferred script.
    assert re.search(r'<link rel="stylesheet" href="/static/portal/site\.css">', html)
    assert re.search(r'<script src="/static/portal/site\.js" defer></script>', html)


@pytest.mark.django_db
def test_home_page_shows_body(client, home_page):
    home_page.body = "<p>Nội dung giới thiệu của Sở.</p>"
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Nội dung giới thiệu của Sở." in html


@pytest.mark.django_db
def test_home_page_has_no_inline_script_style_or_handlers(client, home_page):
    assert_csp_clean(client.get("/").content.decode())


@pytest.mark.django_db
def test_home_page_csp_header_is_strict(client, home_page):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    # The page depends on the display-preferences cookie.
    assert "Cookie" in response["Vary"]
    assert not response.cookies  # …without starting a session or setting any cookie


@pytest.mark.django_db
def test_display_controls_are_a_plain_form(client, home_page):
    html = client.get("/").content.decode()
    form = re.search(
        r'<form class="display-form" method="get" action="/hien-thi/".*?</form>', html, re.S
    ).group(0)
    assert 'name="next" value="/"' in form
    assert "Cỡ chữ" in form and "Tương phản cao" in form
    for value, text in [("normal", "A<"), ("large", "A+<"), ("larger", "A++<")]:
        pattern = rf'name="font_size" value="{value}" aria-pressed="(true|false)">{re.escape(text)}'
        assert re.search(pattern, form)
    assert 'value="normal" aria-pressed="true"' in form
    assert 'name="contrast" value="on" aria-pressed="false"' in form


# --- display preferences -------------------------------------------------------


@pytest.mark.django_db
def test_display_view_sets_cookie_and_redirects_back(client, home_page):
    response = client.get("/hien-thi/", {"font_size": "large", "next": "/"})
    assert response.status_code == 303
    assert response["Location"] == "/"
    morsel = response.cookies[COOKIE_NAME]
    assert morsel.value == "large.off"
    assert morsel["samesite"] == "Lax"
    assert int(morsel["max-age"]) == 365 * 24 * 3600
    assert morsel["httponly"]

    html = client.get("/").content.decode()
    assert html_tag(html) == '<html lang="vi" class="fs-large">'
    assert 'value="large" aria-pressed="true"' in html

    response = client.get("/hien-thi/", {"contrast": "on", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == "large.on"  # font size kept
    html = client.get("/").content.decode()
    assert html_tag(html) == '<html lang="vi" class="fs-large hc">'
    # The contrast button now switches it off.
    assert 'name="contrast" value="off" aria-pressed="true"' in html

    client.get("/hien-thi/", {"font_size": "normal", "contrast": "off"})
    assert html_tag(client.get("/").content.decode()) == '<html lang="vi">'


@pytest.mark.django_db
def test_display_view_accepts_post(client, home_page):
    response = client.post("/hien-thi/", {"font_size": "larger", "next": "/"})
    assert response.status_code == 303
    assert response.cookies[COOKIE_NAME].value == "larger.off"
    assert 'class="fs-larger"' in html_tag(client.get("/").content.decode())


def test_display_view_answers_json_for_script(client):
    response = client.get("/hien-thi/", {"contrast": "on"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert response.json() == {"font_size": "normal", "contrast": "on", "classes": "hc"}
    assert response.cookies[COOKIE_NAME].value == "normal.on"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"font_size": "huge"}, "Cỡ chữ không hợp lệ"),
        ({"font_size": '"><script>'}, "Cỡ chữ không hợp lệ"),
        ({"contrast": "maybe"}, "Chế độ tương phản không hợp lệ"),
    ],
)
def test_display_view_rejects_bad_values(client, params, message):
    response = client.get("/hien-thi/", {**params, "next": "/"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert message in response.content.decode()
    assert "<script>" not in response.content.decode()
    assert COOKIE_NAME not in response.cookies


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example",
        "https://evil.example/path",
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
    ],
)
def test_display_view_refuses_open_redirects(client, target):
    response = client.get("/hien-thi/", {"font_size": "large", "next": target})
    assert response.status_code == 303
    assert response["Location"] == "/"


def test_display_view_keeps_local_next(client):
    response = client.get("/hien-thi/", {"font_size": "large", "next": "/van-ban/?q=dat+dai"})
    assert response["Location"] == "/van-ban/?q=dat+dai"


def test_display_view_refuses_other_methods(client):
    assert client.put("/hien-thi/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("cookie", ['"><script>alert(1)</script>', "huge.on", "large", "x.y.z"])
def test_tampered_cookie_is_ignored(client, home_page, cookie):
    client.cookies[COOKIE_NAME] = cookie
    html = client.get("/").content.decode()
    tag = html_tag(html)
    assert tag in (
        '<html lang="vi">',
        '<html lang="vi" class="fs-large">',
        '<html lang="vi" class="hc">',
    )
    assert "alert(1)" not in html
    assert_csp_clean(html)


# --- error pages ---------------------------------------------------------------


@pytest.mark.django_db
def test_404_page_is_vietnamese(client, home_page):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="vi"' in html_tag(html)
    assert "<h1>Không tìm thấy trang</h1>" in html
    assert '<main id="noi-dung"' in html
    assert "Về trang chủ" in html
    assert_csp_clean(html)


def test_500_page_is_vietnamese_and_needs_no_database(rf):
    """Django's server_error renders 500.html with an empty context; no DB (not marked)."""
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert html_tag(html) == '<html lang="vi">'
    assert "<h1>Hệ thống đang gặp sự cố</h1>" in html
    assert 'href="/static/portal/site.css"' in html
    assert "Bỏ qua, đến nội dung chính" in html
    assert_csp_clean(html)


# --- other templates on the shell -----------------------------------------------


def _render(template: str, context: dict) -> str:
    request = RequestFactory().get("/tai-khoan/xac-thuc-2-buoc/")
    return render_to_string(template, context, request=request)


def test_two_factor_templates_render_in_vietnamese():
    from pbgdpl.people.forms import TotpCodeForm

    form = TotpCodeForm({"token": "abc"})
    form.is_valid()
    html = _render(
        "people/two_factor_enrol.html",
        {
            "form": form,
            "qr_uri": "data:image/svg+xml;base64,PHN2Zy8+",
            "secret": "ABCD EFGH IJKL",
            "next": "/admin/",
        },
    )
    assert "Bật xác thực hai bước" in html
    assert 'src="data:image/svg+xml;base64,PHN2Zy8+"' in html
    assert "ABCD EFGH IJKL" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="next" value="/admin/"' in html
    assert 'name="token"' in html and 'aria-invalid="true"' in html
    assert_csp_clean(html)

    html = _render("people/two_factor_verify.html", {"form": TotpCodeForm(), "next": "/admin/"})
    assert "Xác thực hai bước" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="token"' in html
    assert_csp_clean(html)


def test_lockout_template_says_when_to_retry():
    html = _render(
        "people/lockout.html",
        {"failure_limit": 5, "username": "a@b.vn", "cooloff_timedelta": timedelta(minutes=15)},
    )
    assert "Tạm khóa đăng nhập" in html
    assert "sai 5 lần liên tiếp" in html
    assert "khoảng 15 phút" in html
    assert_csp_clean(html)


def test_favicon_ico_points_at_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("portal/favicon.svg")


@pytest.mark.django_db
def test_language_link_switches_to_english_and_back(client, home_page):
    html = client.get("/").content.decode()
    assert 'lang="en" hreflang="en">English</a>' in html
    switched = client.get("/ngon-ngu/", {"lang": "en", "next": "/"})
    assert switched.status_code == 303 and switched["Location"] == "/"
    english = client.get("/").content.decode()
    assert '<html lang="en"' in english and ">Tiếng Việt</a>" in english
    back = client.get("/ngon-ngu/", {"lang": "vi", "next": "https://evil.example/"})
    assert back["Location"] == "/"
    assert '<html lang="vi"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_unknown_language_is_refused_clearly(client):
    response = client.get("/ngon-ngu/", {"lang": "fr"})
    assert response.status_code == 400
    assert "Ngôn ngữ không hợp lệ" in response.content.decode()
