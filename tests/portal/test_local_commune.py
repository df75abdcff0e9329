"""The reader's commune ("Xem thông tin của xã/phường tôi") and the anonymous page views
counted by it: the choice and its checks, the header and the home page's local block, the
page cache kept apart per commune, and what is (not) counted."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from pbgdpl.portal import services as portal_services
from pbgdpl.portal.local import COOKIE_NAME
from pbgdpl.portal.models import LocalPageView
from pbgdpl.portal.selectors import local_page_views
from pbgdpl.portal.services import local_page_view_add, local_page_views_flush
from tests.factories import UnitFactory, UserFactory
from tests.portal.factories import news_page, unit_area_page
from tests.qa.factories import qa_world, question_to

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"
)
CHOOSE = "/xa-phuong-cua-toi/"


@pytest.fixture(autouse=True)
def _page_cache(settings, tmp_path):
    """Each test: its own page-cache generation; views written at once (no buffering)."""
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "page_cache_generation"
    settings.PAGE_CACHE_SECONDS = 300
    settings.PORTAL_PAGE_VIEWS_FLUSH_SECONDS = 0
    local_page_views_flush()
    yield
    local_page_views_flush()


@pytest.fixture
def reader(client):
    """An anonymous reader with a real browser's User-Agent."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def expired_commune(province):
    return UnitFactory(
        code="24999",
        name="Xã Đã Sáp Nhập",
        kind="xa",
        parent=province,
        valid_from=date(2008, 1, 1),
        valid_to=date(2025, 7, 1),
    )


def views_of(unit) -> int:
    row = LocalPageView.objects.filter(unit=unit, day=timezone.localdate()).first()
    return row.count if row else 0


def choose(client, code, **extra):
    return client.post(CHOOSE, {"unit": code, "next": "/"}, **extra)


# ----------------------------------------------------------------------------- choosing
def test_chooser_works_without_javascript(reader, home_page, commune_a, commune_b):
    response = reader.get(CHOOSE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Xem thông tin của xã/phường tôi</h1>" in html
    # Plain forms: a GET search and a POST select, no script needed.
    assert '<form method="get" action="/xa-phuong-cua-toi/"' in html
    assert '<select id="local-unit" name="unit"' in html
    assert f'<option value="{commune_b.code}">{commune_b.name}</option>' in html
    assert '<optgroup label="Phường">' in html and '<optgroup label="Xã">' in html
    assert "<script>" not in html


@pytest.mark.parametrize("typed", ["ia grai", "IA GRAI", "Ia Grai", "xa ia grai", "grai"])
def test_search_by_name_with_or_without_diacritics(reader, commune_a, commune_b, typed):
    html = reader.get(CHOOSE, {"q": typed}).content.decode()
    radio = f'<input type="radio" name="unit" value="{commune_b.code}" checked>'
    assert f"{radio} <span>{commune_b.name}</span>" in html
    assert f'value="{commune_a.code}" checked' not in html
    assert "1 kết quả" in html


def test_search_without_result_says_so(reader, commune_a):
    html = reader.get(CHOOSE, {"q": "không có nơi nào"}).content.decode()
    assert "Không tìm thấy xã, phường nào có tên “không có nơi nào”" in html


def test_choice_is_stored_in_a_cookie_and_shown(reader, home_page, commune_b):
    response = choose(reader, commune_b.code)
    assert response.status_code == 303
    assert response["Location"] == "/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == commune_b.code
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 300 * 24 * 3600
    page = reader.get("/").content.decode()
    assert "Đã chọn Xã Ia Grai: trang chủ hiện trước tin tức và hỏi đáp của nơi này." in page
    assert "Xã/phường của bạn: <strong>Xã Ia Grai</strong>" in page
    assert '<h2 id="local-title">Tin của Xã Ia Grai</h2>' in page
    # The header offers to change and to clear the choice.
    assert f'href="{CHOOSE}?next=/"' in page
    assert 'name="clear" value="1"' in page


@pytest.mark.parametrize(
    "code",
    ["", "99999", "52", "24999", "21583'><script>", "x" * 500],
    ids=["empty", "unknown", "province", "merged-away", "tampered", "long"],
)
def test_bad_choice_is_refused_and_nothing_stored(
    reader, home_page, commune_a, expired_commune, code
):
    response = choose(reader, code)
    assert response.status_code == 400
    assert COOKIE_NAME not in response.cookies
    html = response.content.decode()
    assert 'role="alert"' in html
    if code:
        assert "Không có xã, phường, đặc khu nào đang có hiệu lực với mã này" in html
        assert "<script>" not in html
    else:
        assert "Xin hãy chọn một xã, phường hoặc đặc khu trong danh sách." in html
    assert LocalPageView.objects.count() == 0


def test_choice_from_another_site_is_refused(reader, commune_a):
    response = choose(reader, commune_a.code, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    response = choose(reader, commune_a.code, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403


def test_next_stays_on_this_site(reader, commune_a):
    response = reader.post(CHOOSE, {"unit": commune_a.code, "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_clearing_the_choice(reader, home_page, commune_a):
    choose(reader, commune_a.code)
    response = reader.post(CHOOSE, {"clear": "1", "next": "/tin-tuc/"})
    assert response.status_code == 303
    assert response["Location"] == "/tin-tuc/"
    assert response.cookies[COOKIE_NAME].value == ""
    assert int(response.cookies[COOKIE_NAME]["max-age"]) == 0
    page = reader.get("/").content.decode()
    assert "Xem thông tin của xã/phường tôi" in page
    assert "local-title" not in page


@pytest.mark.parametrize("value", ["24999", "99999", "<b>x</b>", "52"])
def test_a_stale_or_tampered_cookie_is_ignored(
    reader, home_page, commune_a, expired_commune, value
):
    reader.cookies[COOKIE_NAME] = value
    page = reader.get("/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "local-title" not in html
    assert "Xem thông tin của xã/phường tôi" in html
    assert LocalPageView.objects.count() == 0
    chooser = reader.get(CHOOSE).content.decode()
    assert "Lựa chọn trước đây của bạn không còn là một xã, phường đang có hiệu lực" in chooser


# ----------------------------------------------------------------------------- local content
def test_home_shows_the_communes_news_and_answers_first(reader, home_page):
    world = qa_world()
    area = unit_area_page(unit=world.commune)
    mine = news_page(parent=area, title="Xã tổ chức ngày pháp luật")
    other_area = unit_area_page(unit=world.other_commune)
    news_page(parent=other_area, title="Tin của phường khác")
    answered = question_to(world, "published")
    reader.cookies[COOKIE_NAME] = world.commune.code
    html = reader.get("/").content.decode()
    block = html.split('<section class="home-block local-block"', 1)[1].split("</section>", 1)[0]
    assert mine.title in block
    assert answered.title in block
    assert "Tin của phường khác" not in block
    assert f'href="{area.url}"' in block
    # Local content comes first: before the general entry points.
    assert html.index("local-block") < html.index('id="entry-title"')


def test_home_without_local_content_says_so(reader, home_page, commune_b):
    reader.cookies[COOKIE_NAME] = commune_b.code
    html = reader.get("/").content.decode()
    assert "Chưa có tin tức hay câu trả lời hỏi đáp riêng của Xã Ia Grai." in html


def test_cached_pages_are_kept_apart_per_commune(reader, home_page, commune_a, commune_b):
    reader.cookies[COOKIE_NAME] = commune_a.code
    first = reader.get("/")
    assert first.headers["X-Page-Cache"] == "miss"
    assert reader.get("/").headers["X-Page-Cache"] == "hit"
    reader.cookies[COOKIE_NAME] = commune_b.code
    other = reader.get("/")
    assert other.headers["X-Page-Cache"] == "miss"
    assert "Tin của Xã Ia Grai" in other.content.decode()
    assert "Tin của Phường Quy Nhơn" not in other.content.decode()
    # A tampered cookie shares the page of readers who chose nothing.
    del reader.cookies[COOKIE_NAME]
    assert reader.get("/").headers["X-Page-Cache"] == "miss"
    reader.cookies[COOKIE_NAME] = "khong-hop-le"
    assert reader.get("/").headers["X-Page-Cache"] == "hit"


# ----------------------------------------------------------------------------- page views
def test_views_counted_for_cached_and_uncached_pages(reader, home_page, commune_a, commune_b):
    reader.cookies[COOKIE_NAME] = commune_a.code
    assert reader.get("/").headers["X-Page-Cache"] == "miss"
    assert reader.get("/").headers["X-Page-Cache"] == "hit"
    assert reader.get("/van-ban/").status_code == 200  # not a cached page
    assert views_of(commune_a) == 3
    assert views_of(commune_b) == 0
    assert not LocalPageView.objects.exclude(unit=commune_a).exists()


def test_views_not_counted(reader, home_page, commune_a, settings):
    reader.cookies[COOKIE_NAME] = commune_a.code
    assert reader.get("/static/portal/site.css").status_code == 200
    assert reader.get("/api/v1/openapi.json").status_code == 200
    assert reader.get("/admin/login/").status_code == 200
    assert reader.get("/healthz").status_code == 200
    assert reader.get("/khong-co-trang-nay/").status_code == 404
    assert reader.get("/favicon.ico").status_code == 301
    assert reader.head("/").status_code == 200
    assert reader.get("/sitemap.xml").status_code == 200
    assert reader.get("/", HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert reader.get("/", HTTP_USER_AGENT="")
    assert reader.get("/", HTTP_USER_AGENT="curl/8.5.0")
    assert reader.get("/", HTTP_SEC_PURPOSE="prefetch")
    assert views_of(commune_a) == 0
    # A logged-in reader is counted as an account (people), not as an anonymous view.
    reader.force_login(UserFactory())
    assert reader.get("/").status_code == 200
    assert views_of(commune_a) == 0


def test_views_without_a_commune_are_not_counted(reader, home_page, commune_a):
    reader.get("/")
    reader.get("/")
    assert LocalPageView.objects.count() == 0


def test_counts_hold_no_personal_data(reader, home_page, commune_a):
    reader.cookies[COOKIE_NAME] = commune_a.code
    reader.get("/", REMOTE_ADDR="203.0.113.7")
    row = LocalPageView.objects.get()
    fields = {f.name for f in LocalPageView._meta.get_fields()}
    assert fields == {"id", "unit", "day", "count"}
    assert (row.unit_id, row.day, row.count) == (commune_a.pk, timezone.localdate(), 1)


def test_buffered_views_are_written_on_flush(settings, commune_a, commune_b):
    settings.PORTAL_PAGE_VIEWS_FLUSH_SECONDS = 3600
    portal_services._views_state["flushed_at"] = portal_services.time.monotonic()
    day = date(2026, 5, 2)
    for _ in range(5):
        local_page_view_add(unit_id=commune_a.pk, day=day)
    local_page_view_add(unit_id=commune_b.pk, day=day)
    assert LocalPageView.objects.count() == 0  # still in this process
    assert local_page_views_flush() == 6
    assert local_page_views(date_from=day, date_to=day) == [
        (min(commune_a.pk, commune_b.pk), day, 5 if commune_a.pk < commune_b.pk else 1),
        (max(commune_a.pk, commune_b.pk), day, 1 if commune_a.pk < commune_b.pk else 5),
    ]
    # A second process adding to the same rows adds up (UPDATE … count + n).
    local_page_view_add(unit_id=commune_a.pk, day=day)
    local_page_views_flush()
    assert LocalPageView.objects.get(unit=commune_a, day=day).count == 6


def test_local_page_views_period_bounds_are_inclusive(commune_a):
    for day in (date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 31), date(2026, 6, 1)):
        local_page_view_add(unit_id=commune_a.pk, day=day)
    rows = local_page_views(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert rows == [(commune_a.pk, date(2026, 5, 1), 1), (commune_a.pk, date(2026, 5, 31), 1)]


def test_chooser_link_in_every_page_header(reader, home_page):
    html = reader.get("/van-ban/").content.decode()
    assert f'<a class="topbar-local topbar-local-link" href="{CHOOSE}?next=/van-ban/">' in html
    assert reverse("portal:local-commune") == CHOOSE
