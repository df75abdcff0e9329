"""The reader's commune in a real browser: chosen with JavaScript off at 320 px, shown in
the header, counted, cleared; no accessibility violations."""

import pytest
from django.utils import timezone

from pbgdpl.portal.models import LocalPageView
from pbgdpl.portal.services import local_page_views_flush
from tests.browser import assert_no_axe_violations, goto, new_page, skip_unless_browser_available

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BROWSER_UA = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"


@pytest.fixture(autouse=True)
def _write_views_at_once(settings, tmp_path):
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "page_cache_generation"
    settings.PORTAL_PAGE_VIEWS_FLUSH_SECONDS = 0
    yield
    local_page_views_flush()


def test_choose_without_javascript_at_320_px(browser, live_server, commune_a, commune_b):
    with new_page(
        browser, width=320, height=640, java_script_enabled=False, user_agent=BROWSER_UA
    ) as page:
        goto(page, live_server.url + "/")
        with page.expect_navigation():
            page.get_by_role("link", name="Xem thông tin của xã/phường tôi").click()
        assert page.locator("h1").inner_text() == "Xem thông tin của xã/phường tôi"
        page.get_by_label("Tên xã, phường (gõ có dấu hoặc không dấu)").fill("ia grai")
        with page.expect_navigation():
            page.locator(".local-choose form[role=search] button").click()
        assert page.get_by_label("Xã Ia Grai").is_checked()
        with page.expect_navigation():
            page.get_by_role("button", name="Chọn nơi này").click()
        assert page.url == live_server.url + "/"
        assert "Xã/phường của bạn: Xã Ia Grai" in page.locator(".topbar-local").inner_text()
        assert page.locator("#local-title").inner_text() == "Tin của Xã Ia Grai"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        goto(page, live_server.url + "/")  # a page-cache hit, counted too
        assert page.csp_violations == []
        with page.expect_navigation():
            page.get_by_role("button", name="Bỏ chọn xã/phường").click()
        assert page.locator("#local-title").count() == 0
        assert page.get_by_role("link", name="Xem thông tin của xã/phường tôi").is_visible()
    row = LocalPageView.objects.get(unit=commune_b, day=timezone.localdate())
    # The home page twice after choosing (a miss, then a hit); nothing before choosing
    # (the chooser pages) nor after clearing.
    assert row.count == 2


@pytest.mark.parametrize(
    ("name", "path"), [("chooser", "/xa-phuong-cua-toi/?q=quy"), ("home", "/")]
)
def test_axe_finds_no_violations(browser, live_server, commune_a, name, path):
    skip_unless_browser_available(axe=True)
    with new_page(browser, bypass_csp=True) as page:
        page.context.add_cookies(
            [{"name": "pbgdpl_xa", "value": commune_a.code, "url": live_server.url}]
        )
        goto(page, live_server.url + path)
        assert page.locator(".topbar-local strong").inner_text() == commune_a.name
        assert_no_axe_violations(page)
